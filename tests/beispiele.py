"""Die Beispiele in README.md und docs/*.md: jeder ```console-Block wird ausgeführt.

Ein Block ist eine Folge von Zeilen ``$ befehl``, jeweils gefolgt von der erwarteten Ausgabe
(Standardausgabe und Fehlerausgabe in der Reihenfolge, in der sie entstehen). Jeder Block läuft
in einem eigenen, frischen Ordner mit einer Kopie von ``data/`` in einem git-Repository mit einem
ersten Commit – so gehen auch die Schritte eines Pull Requests (``git switch -c``, ``netz add``,
``git add``, ``netz diff``). Die Befehle laufen in bash, wie ein Leser sie abtippt; ``netz`` ist
das installierte Programm. Die Umgebung ist festgelegt (heute = 28.11.2026, 80 Spalten, keine
Farbe), damit die Ausgabe nicht vom Rechner abhängt.

Eine Zeile ``<!-- vorher: befehl -->`` direkt vor dem Block bereitet ihn vor, unsichtbar für den
Leser (etwa: der Zweig des Pull Requests ist schon ausgecheckt).

Es gibt keine Platzhalter: eine gekürzte Ausgabe kürzt der Befehl selbst (``| head -n 12``), so
sieht der Leser, was er tippen muss, um dasselbe zu sehen.

Nach einer gewollten Änderung der Ausgaben schreibt ``python tests/beispiele.py --aufzeichnen``
die Blöcke neu (nur die Ausgaben; Befehle und Text bleiben).
"""

from __future__ import annotations

import atexit
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DATEN = REPO / "data"
HEUTE = "2026-11-28"

_BLOCK = re.compile(r"(?:^<!-- vorher: (.*?) -->\n)?^```console\n(.*?)^```", re.MULTILINE | re.DOTALL)


@dataclass(frozen=True)
class Schritt:
    befehl: str
    erwartet: str


@dataclass(frozen=True)
class Block:
    datei: Path
    zeile: int  # erste Zeile des Blocks (1-basiert), für Meldungen
    anfang: int  # Zeichenposition des Inhalts in der Datei
    ende: int
    schritte: tuple[Schritt, ...]
    vorher: str  # Vorbereitung, die der Leser schon hinter sich hat (unsichtbar im Dokument)

    @property
    def name(self) -> str:
        return f"{self.datei.relative_to(REPO)}:{self.zeile}"


def dokumente() -> list[Path]:
    return [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]


def bloecke(datei: Path) -> list[Block]:
    text = datei.read_text(encoding="utf-8")
    ergebnis = []
    for m in _BLOCK.finditer(text):
        schritte: list[Schritt] = []
        befehl: str | None = None
        ausgabe: list[str] = []
        for zeile in m.group(2).splitlines():
            if zeile.startswith("$ "):
                if befehl is not None:
                    schritte.append(Schritt(befehl, "\n".join(ausgabe)))
                befehl, ausgabe = zeile[2:], []
            elif befehl is None:
                raise ValueError(f"{datei}:{text.count(chr(10), 0, m.start()) + 1}: Block beginnt ohne „$ “")
            else:
                ausgabe.append(zeile)
        if befehl is not None:
            schritte.append(Schritt(befehl, "\n".join(ausgabe)))
        zeile_nr = text.count("\n", 0, m.start()) + 1
        ergebnis.append(Block(datei, zeile_nr, m.start(2), m.end(2), tuple(schritte), m.group(1) or ""))
    return ergebnis


def umgebung(ordner: Path) -> dict[str, str]:
    """Eine feste Umgebung: nichts vom Aufrufer außer dem Pfad zum installierten netz."""
    bin_ordner = Path(sys.executable).parent
    return {
        "PATH": f"{bin_ordner}{os.pathsep}/usr/local/bin:/usr/bin:/bin",
        "HOME": str(ordner),
        "LANG": "C.UTF-8",
        "TZ": "Europe/Berlin",
        "TERM": "dumb",
        "COLUMNS": "80",
        "NO_COLOR": "1",
        "NETZ_HEUTE": HEUTE,
        "GIT_AUTHOR_NAME": "Erika Mustermann",
        "GIT_AUTHOR_EMAIL": "erika@example.org",
        "GIT_COMMITTER_NAME": "Erika Mustermann",
        "GIT_COMMITTER_EMAIL": "erika@example.org",
        "GIT_AUTHOR_DATE": "2026-11-28T10:00:00+01:00",
        "GIT_COMMITTER_DATE": "2026-11-28T10:00:00+01:00",
        "GIT_CONFIG_NOSYSTEM": "1",
    }


_VORLAGE: list[Path] = []  # das eine fertige Repository je Prozess (siehe arbeitsordner)


def arbeitsordner(ordner: Path) -> dict[str, str]:
    """Ein Repository wie ein frischer Klon: data/ eingecheckt auf main.

    Gebaut wird es einmal je Prozess, jedes Beispiel bekommt eine Kopie (Arbeitsbaum und .git):
    Name und Zeitpunkt des Commits stehen in der Umgebung fest, die Kopie ist also genau das
    Repository, das git init, add und commit hier angelegt hätten."""
    env = umgebung(ordner)
    if not _VORLAGE:
        vorlage = Path(tempfile.mkdtemp(prefix="netz-beispiele-"))
        atexit.register(shutil.rmtree, vorlage, True)
        shutil.copytree(DATEN, vorlage / "data")
        for befehl in (
            ["git", "init", "-q", "-b", "main"],
            ["git", "add", "data"],
            ["git", "commit", "-q", "-m", "Daten"],
        ):
            subprocess.run(befehl, cwd=vorlage, env=umgebung(vorlage), check=True, capture_output=True)
        _VORLAGE.append(vorlage)
    shutil.copytree(_VORLAGE[0], ordner, symlinks=True, dirs_exist_ok=True)
    return env


def ausfuehren(befehl: str, ordner: Path, env: dict[str, str]) -> str:
    lauf = subprocess.run(
        ["bash", "-c", befehl],
        cwd=ordner,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        timeout=120,
    )
    text = lauf.stdout.decode("utf-8", errors="replace")
    return "\n".join(z.rstrip() for z in text.rstrip("\n").splitlines())


def laufen(block: Block, ordner: Path) -> list[tuple[Schritt, str]]:
    env = arbeitsordner(ordner)
    if block.vorher:
        subprocess.run(["bash", "-c", block.vorher], cwd=ordner, env=env, check=True, capture_output=True)
    return [(s, ausfuehren(s.befehl, ordner, env)) for s in block.schritte]


def aufzeichnen(dateien: list[Path]) -> None:
    import tempfile

    for datei in dateien:
        text = datei.read_text(encoding="utf-8")
        for block in reversed(bloecke(datei)):
            with tempfile.TemporaryDirectory() as tmp:
                ergebnisse = laufen(block, Path(tmp))
            neu = "".join(f"$ {s.befehl}\n" + (f"{ist}\n" if ist else "") for s, ist in ergebnisse)
            text = text[: block.anfang] + neu + text[block.ende :]
        datei.write_text(text, encoding="utf-8")
        print(f"neu geschrieben: {datei.relative_to(REPO)}")


if __name__ == "__main__":
    if sys.argv[1:2] != ["--aufzeichnen"]:
        sys.exit("Aufruf: python tests/beispiele.py --aufzeichnen [DATEI…]")
    aufzeichnen([Path(p).resolve() for p in sys.argv[2:]] or dokumente())
