#!/usr/bin/env python3
"""Benchmarks: netz als ganzer Prozess, gegen faire Untergrenzen und die Werkzeuge, die ein Team sonst nähme.

    python benchmarks/run.py            # messen, docs/performance.md schreiben
    python benchmarks/run.py --check    # dazu: Exit 1, wenn ein Ziel verfehlt oder nicht messbar ist
    python benchmarks/run.py --quick    # zum Ausprobieren: weniger Läufe, nur 10.000 Regionen

Gemessen wird immer der ganze Prozess (Start, Importe, Lesen, Ausgabe). Was verglichen wird,
läuft abwechselnd (A B A B …) nach je einem Aufwärmlauf; berichtet werden die Zahl der Läufe,
Median und Spanne (kleinster–größter Wert) und der Spitzenspeicher (``/usr/bin/time -f %M``).
Verhältnisse sind der Median der Verhältnisse je Runde: ein Lauf von A wird mit dem Lauf von B
aus derselben Runde verglichen, so heben sich langsame Schwankungen des Rechners heraus.

* Faire Untergrenze für ``netz status``: derselbe Stapel, das Mindeste derselben Arbeit – ein
  Typer-Befehl liest jede YAML-Datei mit PyYAMLs C-Lader, prüft jede mit einem kleinen
  Pydantic-Modell, zählt die Verträge je Region und gibt eine rich-Tabelle aus (zum Vergleich
  daneben eine Typer-App, die nur eine Tabelle ausgibt). Gemessen in eine Pipe und an einem echten
  Terminal (Pseudoterminal aus ``os.openpty``), für netz und die Untergrenze gleich; dazu als
  Gegenprobe ohne Uhr die Zahl der Instruktionen (``valgrind --tool=callgrind``).
* Untergrenze für ``netz validate``: eine nackte Schleife, die dieselben Dateien mit PyYAMLs
  ``CSafeLoader`` lädt.
* Peers: ``check-jsonschema --schemafile`` (Schemas aus ``netz schema``) und ``yamllint``
  (``pip install -r benchmarks/requirements.txt``; fehlen sie, ist ihr Ziel nicht messbar).

netz wird nur als Programm aufgerufen (das ``netz`` neben diesem Python oder im ``PATH``); der
Benchmark importiert nichts aus ``netzwerk_cli``. Die synthetischen Daten schreibt er selbst als
YAML-Text im Format der eingebetteten Daten.
"""

from __future__ import annotations

import argparse
import fcntl
import json
import os
import platform
import random
import re
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
HEUTE = "2026-11-27"
SPALTEN = 80
ZEILEN = 24

# --- Untergrenzen -----------------------------------------------------------------

TABELLE = """import typer
from rich.console import Console
from rich.table import Table

app = typer.Typer()


@app.command()
def status() -> None:
    tabelle = Table(title="Stand")
    for spalte in ("Region", "Art", "Netzwerk", "seit"):
        tabelle.add_column(spalte)
    for i in range(1, 6):
        tabelle.add_row(f"Region {i}", "Kreis", "ja", f"0{i}.06.2008")
    Console().print(tabelle)


app()
"""

# Die faire Untergrenze für ``netz status``: derselbe Stapel, das Mindeste derselben Arbeit –
# ein Typer-Befehl liest jede YAML-Datei mit PyYAMLs C-Lader, prüft jede mit einem kleinen
# Pydantic-Modell, zählt die Verträge je Region und gibt eine rich-Tabelle aus.
FAIRER_BODEN = """import os
from collections import Counter
from datetime import date

import typer
import yaml
from pydantic import BaseModel
from rich.console import Console
from rich.table import Table


class Region(BaseModel):
    ags: str
    name: str
    bezeichnung: str
    art: str
    regierungsbezirk: str


class Vertrag(BaseModel):
    region: str
    unterzeichnet: date | int | str
    endet: date | int | str | None = None


class Programm(BaseModel):
    name: str
    erste_vertraege: date


app = typer.Typer()


def lies(pfad: str) -> object:
    with open(pfad, "rb") as f:
        return yaml.load(f, Loader=yaml.CSafeLoader)


@app.command()
def status(ordner: str) -> None:
    programm = Programm.model_validate(lies(os.path.join(ordner, "programm.yaml")))
    regionen = []
    for name in sorted(os.listdir(os.path.join(ordner, "regionen"))):
        if name.endswith(".yaml"):
            regionen.append(Region.model_validate(lies(os.path.join(ordner, "regionen", name))))
    je_region: Counter[str] = Counter()
    for name in sorted(os.listdir(os.path.join(ordner, "vertraege"))):
        if name.endswith(".yaml"):
            je_region[Vertrag.model_validate(lies(os.path.join(ordner, "vertraege", name))).region] += 1
    tabelle = Table(title=programm.name)
    for spalte in ("Regierungsbezirk", "Regionen", "mit Vertrag"):
        tabelle.add_column(spalte)
    bezirke: dict[str, list[int]] = {}
    for r in regionen:
        zahlen = bezirke.setdefault(r.regierungsbezirk, [0, 0])
        zahlen[0] += 1
        zahlen[1] += je_region[r.ags] > 0
    for bezirk, (n, mit) in sorted(bezirke.items()):
        tabelle.add_row(bezirk, str(n), str(mit))
    Console().print(tabelle)


app()
"""

PYYAML_BODEN = """import os, sys, yaml
loader = yaml.CSafeLoader
n = 0
for sub in ("regionen", "vertraege"):
    d = os.path.join(sys.argv[1], sub)
    for name in sorted(os.listdir(d)):
        if name.endswith(".yaml"):
            with open(os.path.join(d, name), "rb") as f:
                yaml.load(f, Loader=loader)
            n += 1
print(n)
"""

# --- Testdaten -----------------------------------------------------------------
#
# Format und Dateinamen wie in data/: regionen/AGS-slug.yaml und vertraege/AGS-slug-DATUM.yaml
# (DATUM aus „unterzeichnet“: 2010-05-06, 2009, bis-2010-05-06, 2009-01-19-bis-2010-05-06).

BEZIRKE = ("Arnsberg", "Detmold", "Düsseldorf", "Köln", "Münster")
STAEMME = ("Gemeinde", "Mühlheim", "Süderbrück", "Großkirchen", "Ölbach", "Rhein-Lände")
STATISTIK_QUELLE = (
    "Statistisches Bundesamt (Destatis), Gemeindeverzeichnis, Stand 31.12.2018, "
    "Datenlizenz Deutschland – Namensnennung 2.0"
)
ERSTER_VERTRAG = date(2008, 6, 23)
GRENZEN_ABSCHNITT = "## Lineare Grenzen"  # schreibt benchmarks/grenzen.py
_UMLAUTE = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "ae", "Ö": "oe", "Ü": "ue"})


def slug(text: str) -> str:
    """Wie netz Dateinamen bildet: Umlaute als ae/oe/ue/ss, alles außer a-z0-9 wird „-“."""
    t = unicodedata.normalize("NFKD", text.translate(_UMLAUTE).lower())
    t = "".join(c for c in t if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", t).strip("-")


def _region_text(ags: str, name: str, i: int) -> str:
    kreis = i % 2 == 1
    return (
        "# yaml-language-server: $schema=../../schemas/region.schema.json\n"
        f'ags: "{ags}"\n'
        f"name: {name}\n"
        f"bezeichnung: {'Kreis' if kreis else 'Stadt'} {name}\n"
        f"art: {'Kreis' if kreis else 'kreisfreie Stadt'}\n"
        f"regierungsbezirk: {BEZIRKE[i % 5]}\n"
        f"einwohner: {20000 + i * 37}\n"
        f"flaeche_km2: {10 + i % 900}.{i % 100:02d}\n"
        "statistik_stand: 2018-12-31\n"
        f"statistik_quelle: {STATISTIK_QUELLE}\n"
    )


def _vertrag_text(ags: str, zufall: random.Random) -> tuple[str, str]:
    """(Datumsteil des Dateinamens, Inhalt) eines Vertrags."""
    tag = ERSTER_VERTRAG + timedelta(days=zufall.randrange(0, 4000))
    art = zufall.random()
    beginn = ""
    if art < 0.7:
        teil = wert = tag.isoformat()
        if zufall.random() < 0.3:
            monat = date(tag.year + (tag.month == 12), tag.month % 12 + 1, 1)
            beginn = f"beginn: {monat.isoformat()}\n"
    elif art < 0.8:
        teil = wert = str(tag.year)
    elif art < 0.9:
        teil, wert = f"bis-{tag.isoformat()}", f'"spätestens {tag.isoformat()}"'
    else:
        bis = tag + timedelta(days=zufall.randrange(30, 600))
        teil = f"{tag.isoformat()}-bis-{bis.isoformat()}"
        wert = f'"zwischen {tag.isoformat()} und {bis.isoformat()}"'
    quellen = "".join(
        f"  - https://example.org/{ags}/vertrag-{k}.html\n" for k in range(zufall.randint(1, 3))
    )
    text = (
        "# yaml-language-server: $schema=../../schemas/vertrag.schema.json\n"
        f'region: "{ags}"\n'
        f"unterzeichnet: {wert}\n"
        f"{beginn}"
        f"quellen:\n{quellen}"
    )
    wahl = zufall.random()
    if art >= 0.8:  # wie in data/: eine ungenaue Angabe sagt, woher ihre Grenzen kommen
        text += (
            "bemerkung: >-\n"
            "  Kein Vertragsdatum belegt; die Grenze stammt aus einer synthetischen\n"
            "  Pressemitteilung, die die Region unter den Netzwerken aufführt.\n"
        )
    elif wahl < 0.25:
        text += (
            "bemerkung: >-\n"
            "  Synthetischer Vertrag für den Benchmark; der Tag ist ausgedacht, die Form\n"
            "  folgt den eingebetteten Daten (gefaltete Bemerkung über mehrere Zeilen).\n"
        )
    elif wahl < 0.4:
        text += "bemerkung: Synthetischer Vertrag für den Benchmark.\n"
    if zufall.random() < 0.05:
        jahr = min(tag.year + zufall.randint(1, 4), 2025)
        text += (
            "bildungskonferenzen:\n"
            f"  - datum: {jahr}\n"
            "    quellen:\n"
            f"      - https://example.org/{ags}/konferenz.html\n"
            f'    bemerkung: "{zufall.randint(1, 9)}. Bildungskonferenz (synthetisch)."\n'
        )
    return teil, text


def erzeuge(ziel: Path, anzahl: int, kaputt: float = 0.0, saat: int = 53) -> Path:
    """Ein Datenordner mit ``anzahl`` Regionen, neun von zehn mit Vertrag."""
    zufall = random.Random(saat)
    (ziel / "regionen").mkdir(parents=True)
    (ziel / "vertraege").mkdir()
    (ziel / "programm.yaml").write_text(
        "# yaml-language-server: $schema=../schemas/programm.schema.json\n"
        "# Synthetisches Programm für den Benchmark.\n"
        f"name: Synthetisches Programm mit {anzahl} Regionen\n"
        f"regionen: {anzahl}\n"
        'ags_praefix: "05"\n'
        f"erste_vertraege: {ERSTER_VERTRAG.isoformat()}\n"
        "ziel:\n"
        f"  anzahl: {anzahl}\n"
        "  bis: 2010-12-31\n"
        "  quelle: https://example.org/ziel\n",
        encoding="utf-8",
    )
    dateien: list[Path] = []
    for i in range(anzahl):
        ags = f"05{i:06d}" if anzahl > 99 else f"05{100 + i:03d}"
        name = f"{STAEMME[i % len(STAEMME)]} {i}"
        pfad = ziel / "regionen" / f"{ags}-{slug(name)}.yaml"
        pfad.write_text(_region_text(ags, name, i), encoding="utf-8")
        dateien.append(pfad)
        if i % 10 == 9:  # neun von zehn haben einen Vertrag
            continue
        teil, text = _vertrag_text(ags, zufall)
        pfad = ziel / "vertraege" / f"{ags}-{slug(name)}-{teil}.yaml"
        pfad.write_text(text, encoding="utf-8")
        dateien.append(pfad)
    if kaputt:
        for pfad in zufall.sample(dateien, max(1, round(len(dateien) * kaputt))):
            _beschaedige(pfad, zufall)
    return ziel


def _beschaedige(pfad: Path, zufall: random.Random) -> None:
    """Typische Fehler: doppelter Schlüssel, unmögliches Datum, AGS als Zahl, Tippfehler, Syntax."""
    zeilen = pfad.read_text(encoding="utf-8").splitlines(keepends=True)
    art = zufall.choice(["doppelt", "datum", "oktal", "schluessel", "syntax"])
    if art == "doppelt":
        zeilen.insert(2, zeilen[1])
    elif art == "datum":
        if "regionen" in pfad.parts:
            zeilen = [z.replace("statistik_stand: 2018-12-31", "statistik_stand: 2018-02-30") for z in zeilen]
        else:
            zeilen = ["unterzeichnet: 2010-02-30\n" if z.startswith("unterzeichnet:") else z for z in zeilen]
    elif art == "oktal":
        zeilen = [z.replace('"', "") if z.startswith(("ags:", "region:")) else z for z in zeilen]
    elif art == "schluessel":
        zeilen.append("bemerkungen: Tippfehler\n")
    else:
        zeilen.insert(2, "  falsch: eingerückt: hier\n")
    pfad.write_text("".join(zeilen), encoding="utf-8")


def _dateien(ordner: Path, sub: str) -> list[str]:
    return sorted(str(p) for p in (ordner / sub).glob("*.yaml"))


# --- Ausführen ---------------------------------------------------------------------

ZEIT = Path("/usr/bin/time")


@dataclass
class Lauf:
    sekunden: float
    cpu: float  # Nutzer + System, samt Kindprozessen
    kib: int
    code: int
    ausgabe: bytes


def starte(befehl: Sequence[str], umgebung: dict[str, str], terminal: bool) -> Lauf:
    """Ein Prozess, stdout und stderr in eine Pipe oder an ein Pseudoterminal (80×24).

    Die Ausgabe liest ein Faden mit, wie eine Shell oder ein Terminal sie liest; die Zeit läuft
    vom Start bis zum Ende des Prozesses. Spitzenspeicher misst ``/usr/bin/time`` (sein %M zählt
    nur den Befehl; ru_maxrss eines direkt geforkten Kindes enthielte den Speicher dieses
    Python-Prozesses).
    """
    if terminal:
        lesen, schreiben = os.openpty()
        fcntl.ioctl(schreiben, termios.TIOCSWINSZ, struct.pack("HHHH", ZEILEN, SPALTEN, 0, 0))
    else:
        lesen, schreiben = os.pipe()
    teile: list[bytes] = []

    def mitlesen() -> None:
        while True:
            try:
                stueck = os.read(lesen, 65536)
            except OSError:  # Pseudoterminal: EIO, sobald niemand mehr schreibt
                break
            if not stueck:
                break
            teile.append(stueck)

    with tempfile.NamedTemporaryFile("r", suffix=".rss") as rss:
        vorne = [str(ZEIT), "-f", "%M", "-o", rss.name] if ZEIT.exists() else []
        leser = threading.Thread(target=mitlesen, daemon=True)
        leser.start()
        start = time.perf_counter()
        try:
            p = subprocess.Popen(
                [*vorne, *befehl],
                stdin=schreiben if terminal else subprocess.DEVNULL,
                stdout=schreiben,
                stderr=schreiben,
                env=umgebung,
            )
        finally:
            os.close(schreiben)
        _, status, nutzung = os.wait4(p.pid, 0)
        sekunden = time.perf_counter() - start
        p.returncode = os.waitstatus_to_exitcode(status)
        leser.join(timeout=10)
        os.close(lesen)
        kib = 0
        if vorne:
            zahlen = [z for z in rss.read().split() if z.isdigit()]
            kib = int(zahlen[-1]) if zahlen else 0
    return Lauf(sekunden, nutzung.ru_utime + nutzung.ru_stime, kib, p.returncode, b"".join(teile))


@dataclass
class Auftrag:
    name: str
    groesse: str
    befehle: list[list[str]]  # nacheinander, Zeit und CPU summiert (check-jsonschema: zwei Schemas)
    umgebung: dict[str, str]
    terminal: bool = False
    aufwaermen: list[list[str]] | None = None  # sonst: die Befehle selbst
    hoechstens: int | None = None  # Läufe (langsame Peers bei --quick)


@dataclass
class Messung:
    name: str
    groesse: str
    ausgabe_an: str = "Pipe"
    zeiten: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    speicher_kib: list[int] = field(default_factory=list)
    codes: set[int] = field(default_factory=set)
    fehlt: str = ""

    @property
    def median(self) -> float:
        return statistics.median(self.zeiten)

    @property
    def spitze_mib(self) -> float | None:
        return max(self.speicher_kib) / 1024 if any(self.speicher_kib) else None

    @property
    def cpu_anteil(self) -> float:
        """CPU-Zeit ÷ Uhrzeit: deutlich über 1 heißt, mehr als ein Prozess hat gerechnet."""
        return statistics.median(c / z for c, z in zip(self.cpu, self.zeiten, strict=True))


def _einmal(auftrag: Auftrag, befehle: list[list[str]]) -> Lauf:
    laeufe = [starte(b, auftrag.umgebung, auftrag.terminal) for b in befehle]
    return Lauf(
        sum(x.sekunden for x in laeufe),
        sum(x.cpu for x in laeufe),
        max(x.kib for x in laeufe),
        max(x.code for x in laeufe),
        b"".join(x.ausgabe for x in laeufe),
    )


def miss_gruppe(auftraege: list[Auftrag], runden: int) -> list[Messung]:
    """Misst die Aufträge abwechselnd (A B C A B C …), nach je einem Aufwärmlauf.

    Auf einem geteilten Rechner schwankt die Geschwindigkeit über Minuten deutlich; abwechselnd
    gemessen trifft das alle Seiten eines Vergleichs gleich.
    """
    messungen = [Messung(a.name, a.groesse, "Terminal" if a.terminal else "Pipe") for a in auftraege]
    for a in auftraege:
        _einmal(a, a.aufwaermen or a.befehle)  # Dateisystem-Cache, .pyc
    for _ in range(runden):
        for m, a in zip(messungen, auftraege, strict=True):
            if a.hoechstens is not None and len(m.zeiten) >= a.hoechstens:
                continue
            lauf = _einmal(a, a.befehle)
            m.zeiten.append(lauf.sekunden)
            m.cpu.append(lauf.cpu)
            m.speicher_kib.append(lauf.kib)
            m.codes.add(lauf.code)
    return messungen


def instruktionen(befehl: list[str], umgebung: dict[str, str], terminal: bool) -> int | None:
    """Ausgeführte Instruktionen (valgrind/callgrind): unabhängig von der Last des Rechners."""
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        return None
    with tempfile.NamedTemporaryFile("r", suffix=".valgrind") as log:
        vorne = [valgrind, "--tool=callgrind", "--callgrind-out-file=/dev/null", f"--log-file={log.name}"]
        # Feste Hash-Saat: sonst schwankt die Zahl von Lauf zu Lauf ein wenig
        starte([*vorne, *befehl], {**umgebung, "PYTHONHASHSEED": "0"}, terminal)
        for zeile in log.read().splitlines():
            if "Collected :" in zeile:
                return int(zeile.rsplit(":", 1)[1])
    return None


def kindprozesse(befehl: list[str], umgebung: dict[str, str]) -> int | None:
    """Wie viele Prozesse (nicht Fäden) der Befehl startet, gezählt mit strace; None ohne strace."""
    strace = shutil.which("strace")
    if strace is None:
        return None
    with tempfile.NamedTemporaryFile("r", suffix=".strace") as log:
        lauf = starte([strace, "-f", "-qq", "-e", "trace=process", "-o", log.name, *befehl], umgebung, False)
        zeilen = log.read().splitlines()
    if lauf.code != 0 and not zeilen:  # strace darf hier nicht (ptrace verboten)
        return None
    neu = re.compile(r"^\d+\s+(clone3?|v?fork)\(")
    return sum(1 for z in zeilen if neu.match(z) and "CLONE_THREAD" not in z)


# --- Umgebung ---------------------------------------------------------------------


def _werkzeug(name: str) -> str | None:
    neben = Path(sys.executable).parent / name
    return str(neben) if neben.exists() else shutil.which(name)


def _interpreter(programm: str) -> str:
    """Das Python, mit dem ``programm`` läuft (Shebang), damit die Untergrenzen dasselbe nutzen."""
    try:
        with open(programm, "rb") as f:
            erste = f.readline().decode(errors="replace")
    except OSError:
        return sys.executable
    if erste.startswith("#!") and "python" in erste:
        kandidat = erste[2:].strip().split()[0]
        if Path(kandidat).exists():
            return kandidat
    return sys.executable


def umgebung_fuer_messungen() -> dict[str, str]:
    """Wie bei Nutzern: ohne CI-Modus, ohne eigene NETZ_-Einstellungen; .pyc darf entstehen."""
    weg = {
        "GITHUB_ACTIONS",
        "CI",
        "PYTHONDONTWRITEBYTECODE",
        "NO_COLOR",
        "FORCE_COLOR",
        "CLICOLOR_FORCE",
        "COLORTERM",
        "PYTHONHASHSEED",
    }
    umgebung = {k: v for k, v in os.environ.items() if k not in weg and not k.startswith("NETZ_")}
    umgebung.update(
        {
            "NETZ_HEUTE": HEUTE,
            "COLUMNS": str(SPALTEN),
            "LINES": str(ZEILEN),
            "TERM": "xterm-256color",  # am Pseudoterminal: Farben wie in einem üblichen Terminal
        }
    )
    return umgebung


def maschine(python: str) -> str:
    cpu = platform.processor() or "?"
    try:
        for zeile in Path("/proc/cpuinfo").read_text().splitlines():
            if zeile.startswith("model name"):
                cpu = zeile.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    speicher = "?"
    try:
        kib = int(Path("/proc/meminfo").read_text().split()[1])
        speicher = f"{kib / 1024 / 1024:.0f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    abfrage = (
        "import platform, importlib.metadata as m\n"
        "print('Python ' + platform.python_version() + '; ' + ', '.join("
        "p + ' ' + m.version(p) for p in ('netzwerk-cli', 'typer', 'rich', 'pydantic', 'PyYAML')))"
    )
    r = subprocess.run([python, "-c", abfrage], capture_output=True, text=True)
    versionen = r.stdout.strip() or "Versionen unbekannt"
    peers = []
    for werkzeug in ("check-jsonschema", "yamllint"):
        pfad = _werkzeug(werkzeug)
        if pfad:
            v = subprocess.run([pfad, "--version"], capture_output=True, text=True)
            peers.append((v.stdout or v.stderr).strip().splitlines()[0] if v.returncode == 0 else werkzeug)
    valgrind = shutil.which("valgrind")
    if valgrind:
        peers.append(subprocess.run([valgrind, "--version"], capture_output=True, text=True).stdout.strip())
    return (
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} Kerne ({cpu}), {speicher} RAM; "
        f"{versionen}; {', '.join(peers)}"
    )


# --- Ablauf -------------------------------------------------------------------------


@dataclass
class Verhaeltnis:
    text: str
    werte: list[float]  # je Runde
    grenze: str = "–"
    pruefe: Callable[[float], bool] | None = None
    hinweis: str = ""  # warum nicht messbar oder warum verfehlt
    entscheidet: bool = True  # False: Gegenprobe, zählt nicht für --check
    zusammen: Callable[[list[float]], float] = statistics.median  # Spitzenspeicher: max

    @property
    def wert(self) -> float | None:
        return self.zusammen(self.werte) if self.werte else None

    @property
    def quartile(self) -> tuple[float, float] | None:
        if len(self.werte) < 4:
            return None
        q1, _, q3 = statistics.quantiles(self.werte, n=4)
        return q1, q3

    @property
    def ok(self) -> bool | None:
        """None: kein Ziel oder nicht messbar; mit Hinweis und Wert: verfehlt (z. B. zwei Prozesse)."""
        if self.pruefe is None or self.wert is None:
            return None
        return False if self.hinweis else self.pruefe(self.wert)


def je_runde(a: Messung | None, b: Messung | None) -> list[float]:
    """A ÷ B je Runde (Läufe derselben Runde gepaart)."""
    if a is None or b is None:
        return []
    return [x / y for x, y in zip(a.zeiten, b.zeiten, strict=False)]  # Peers bei --quick: nur Runde 1


def vorpruefung(netz: list[str], ordner: Path, umgebung: dict[str, str], erwartet: int) -> None:
    """Passen die Testdaten zu dieser netz-Version? Sonst misst der Benchmark etwas anderes."""
    lauf = starte([*netz, "--data", str(ordner), "validate"], umgebung, terminal=False)
    if lauf.code != erwartet:
        text = lauf.ausgabe.decode(errors="replace")
        sys.exit(
            f"netz validate auf {ordner.name}: Exit {lauf.code}, erwartet {erwartet}. "
            f"Die synthetischen Daten passen nicht zu dieser netz-Version:\n{text[-3000:]}"
        )


def main() -> int:
    ap = argparse.ArgumentParser(description="Benchmarks für netz (ganze Prozesse).")
    ap.add_argument("--check", action="store_true", help="Exit 1, wenn ein Ziel verfehlt ist.")
    ap.add_argument(
        "--quick",
        action="store_true",
        help="Zum Ausprobieren: nur 10.000 Regionen, 5 bzw. 3 Runden, Peers einmal.",
    )
    ap.add_argument("--runs", type=int, default=0, help="Runden je Gruppe (Vorgabe: 21 / 9 / 5).")
    ap.add_argument("--out", type=Path, default=REPO / "docs" / "performance.md")
    args = ap.parse_args()

    netz_programm = _werkzeug("netz")
    if netz_programm is None:
        sys.exit("netz nicht gefunden: im venv mit installiertem netz aufrufen (.venv/bin/python …).")
    netz = [netz_programm]
    python = _interpreter(netz_programm)
    cjs = _werkzeug("check-jsonschema")
    yl = _werkzeug("yamllint")
    umgebung = umgebung_fuer_messungen()
    groessen = [10000] if args.quick else [53, 1000, 10000]

    def runden(n: int) -> int:
        if args.runs:
            return args.runs
        if args.quick:
            return 5 if n <= 53 else 3
        # 10.000 Regionen: mehr Runden für netz und die Untergrenze (das Ziel hängt am Median);
        # die langsamen Peers laufen höchstens PEER_RUNDEN-mal (sie liegen weit über ihrem Ziel)
        return 21 if n <= 53 else (9 if n <= 1000 else 11)

    messungen: list[Messung] = []
    verhaeltnisse: list[Verhaeltnis] = []
    notizen: list[str] = []

    def gruppe(auftraege: list[Auftrag], n: int) -> list[Messung]:
        print(f"  {len(auftraege)} Befehle abwechselnd, {runden(n)} Runden …", flush=True)
        ergebnis = miss_gruppe(auftraege, runden(n))
        for m in ergebnis:
            spitze = f"{m.spitze_mib:5.0f} MiB" if m.spitze_mib else ""
            print(
                f"    {m.name:<46} {m.groesse:>16} {m.ausgabe_an:<8} {m.median:8.3f} s "
                f"(n={len(m.zeiten)}) {spitze}",
                flush=True,
            )
        messungen.extend(ergebnis)
        return ergebnis

    tmp = Path(tempfile.mkdtemp(prefix="netz-bench-"))
    try:
        print(f"Testdaten in {tmp} …", flush=True)
        eingebettet = tmp / "eingebettet"
        shutil.copytree(REPO / "data", eingebettet)
        ordner = {n: erzeuge(tmp / f"synth-{n}", n) for n in groessen}
        kaputt = {n: erzeuge(tmp / f"kaputt-{n}", n, kaputt=0.01) for n in groessen}
        klein = ordner.get(53) or erzeuge(tmp / "synth-53", 53)
        for n in groessen:
            vorpruefung(netz, ordner[n], umgebung, 0)
            vorpruefung(netz, kaputt[n], umgebung, 1)
        schemas = tmp / "schemas"
        schemas.mkdir()
        for art in ("region", "vertrag"):
            r = subprocess.run([*netz, "schema", art], capture_output=True, env=umgebung, check=True)
            (schemas / f"{art}.schema.json").write_bytes(r.stdout)
        tabelle = tmp / "tabelle.py"
        tabelle.write_text(TABELLE, encoding="utf-8")
        boden = tmp / "pyyaml_boden.py"
        boden.write_text(PYYAML_BODEN, encoding="utf-8")

        fair = tmp / "fairer_boden.py"
        fair.write_text(FAIRER_BODEN, encoding="utf-8")

        # 1. netz status gegen die faire Untergrenze (und die nackte Tabellen-App), Pipe und Terminal
        d = ["--data", str(eingebettet)]
        E = "53 (eingebettet)"
        status_befehl = [*netz, *d, "status"]
        fair_befehl = [python, str(fair), str(eingebettet)]
        tabelle_befehl = [python, str(tabelle)]
        F = "faire Untergrenze: Typer + YAML (C) + Pydantic + Tabelle"
        T = "Typer + rich-Tabelle (ohne Daten)"
        S = "netz status"
        auftraege = [
            Auftrag(F, E, [fair_befehl], umgebung),
            Auftrag(S, E, [status_befehl], umgebung),
            Auftrag(F, E, [fair_befehl], umgebung, terminal=True),
            Auftrag(S, E, [status_befehl], umgebung, terminal=True),
            Auftrag(T, "–", [tabelle_befehl], umgebung),
            Auftrag("netz status --format json", E, [[*status_befehl, "--format", "json"]], umgebung),
            Auftrag("netz validate", E, [[*netz, *d, "validate"]], umgebung),
        ]
        print("netz status …", flush=True)
        g = gruppe(auftraege, 53)
        fair_pipe, status_pipe, fair_tty, status_tty, nackt = g[:5]
        ziel_status = 1.2
        for ort, a, b in (("Pipe", status_pipe, fair_pipe), ("Terminal", status_tty, fair_tty)):
            verhaeltnisse.append(
                Verhaeltnis(
                    f"netz status ÷ faire Untergrenze, {ort}",
                    je_runde(a, b),
                    "≤ 1,2",
                    lambda x: x <= ziel_status,
                )
            )
        verhaeltnisse.append(
            Verhaeltnis(
                "zum Vergleich: faire Untergrenze ÷ Typer + rich-Tabelle ohne Daten, Pipe",
                je_runde(fair_pipe, nackt),
            )
        )

        # Gegenprobe ohne Uhr: Instruktionen (nur mit valgrind; je ein Lauf, feste Hash-Saat)
        print("  Instruktionen (valgrind) …", flush=True)
        for ort, terminal in (("Pipe", False), ("Terminal", True)):
            ir_boden = instruktionen(fair_befehl, umgebung, terminal)
            ir_netz = instruktionen(status_befehl, umgebung, terminal)
            werte = [ir_netz / ir_boden] if ir_boden and ir_netz else []
            if werte:
                print(f"    Instruktionen, {ort}: {ir_netz:,} ÷ {ir_boden:,} = {werte[0]:.3f}", flush=True)
            verhaeltnisse.append(
                Verhaeltnis(
                    f"Gegenprobe: netz status ÷ faire Untergrenze nach Instruktionen (valgrind), {ort}",
                    werte,
                    "≤ 1,2",
                    lambda x: x <= ziel_status,
                    "" if werte else "valgrind fehlt",
                    entscheidet=False,
                )
            )

        # 1b. netz diff und --rev gegen netz status (eingebettete Daten in einem git-Repository)
        if shutil.which("git"):
            print("netz diff und --rev …", flush=True)
            repo = _git_repo(tmp / "repo-53", eingebettet, _neuer_vertrag)
            dr = ["--data", str(repo / "data")]
            auftraege = [
                Auftrag("netz status", E, [[*netz, *dr, "status"]], umgebung),
                Auftrag("netz diff HEAD~1 HEAD", E, [[*netz, *dr, "diff", "HEAD~1", "HEAD"]], umgebung),
                Auftrag("netz status --rev HEAD~1", E, [[*netz, *dr, "status", "--rev", "HEAD~1"]], umgebung),
            ]
            g = gruppe(auftraege, 53)
            verhaeltnisse.append(
                Verhaeltnis(
                    "netz diff ÷ netz status (53, zwei Commits)",
                    je_runde(g[1], g[0]),
                    "≤ 2,5",
                    lambda x: x <= 2.5,
                )
            )
            verhaeltnisse.append(
                Verhaeltnis(
                    "netz status --rev ÷ netz status (53)", je_runde(g[2], g[0]), "≤ 2", lambda x: x <= 2
                )
            )
        else:
            notizen.append("git fehlt: die Zeilen zu netz diff und --rev entfallen.")

        # 2.–5. validate gegen die PyYAML-Schleife und die Peers
        for n in groessen:
            gr = f"{n:,}".replace(",", ".")
            o = ordner[n]
            print(f"{gr} Regionen …", flush=True)
            langsam = 1 if args.quick and not args.runs else (PEER_RUNDEN if n > 1000 else None)
            auftraege = [
                Auftrag("PyYAML-C-Schleife (Untergrenze)", gr, [[python, str(boden), str(o)]], umgebung),
                Auftrag("netz validate", gr, [[*netz, "--data", str(o), "validate"]], umgebung),
                Auftrag(
                    "netz validate (1 % kaputt)",
                    gr,
                    [[*netz, "--data", str(kaputt[n]), "validate"]],
                    umgebung,
                ),
                Auftrag("netz status", gr, [[*netz, "--data", str(o), "status"]], umgebung),
            ]

            def cjs_befehle(ziel: Path, programm: str) -> list[list[str]]:
                return [
                    [programm, "--schemafile", str(schemas / f"{art}.schema.json"), *_dateien(ziel, sub)]
                    for art, sub in (("region", "regionen"), ("vertrag", "vertraege"))
                ]

            if cjs:
                auftraege.append(
                    Auftrag(
                        "check-jsonschema",
                        gr,
                        cjs_befehle(o, cjs),
                        umgebung,
                        aufwaermen=cjs_befehle(klein, cjs),
                        hoechstens=langsam,
                    )
                )
            else:
                messungen.append(Messung("check-jsonschema", gr, fehlt="nicht installiert"))
            if yl:
                auftraege.append(
                    Auftrag(
                        "yamllint",
                        gr,
                        [[yl, "-d", "relaxed", str(o)]],
                        umgebung,
                        aufwaermen=[[yl, "-d", "relaxed", str(klein)]],
                        hoechstens=langsam,
                    )
                )
            else:
                messungen.append(Messung("yamllint", gr, fehlt="nicht installiert"))
            g = gruppe(auftraege, n)
            if n != groessen[-1]:
                continue
            pyyaml, val, kap = g[0], g[1], g[2]
            peer = {m.name: m for m in g[4:]}
            # Ein Prozess? strace zählt die gestarteten Kinder; ohne strace bleibt CPU-Zeit ÷ Zeit
            kinder = kindprozesse([*netz, "--data", str(o), "validate"], umgebung)
            if kinder is None:
                mehrere = val.cpu_anteil > 1.1
                woran = f"CPU-Zeit ÷ Zeit {zahl(val.cpu_anteil)}"
            else:
                mehrere = kinder > 0
                woran = (
                    f"startet {kinder} weitere{'n' if kinder == 1 else ''} Prozess{'e' if kinder > 1 else ''}"
                )
            verhaeltnisse.append(
                Verhaeltnis(
                    f"netz validate ({gr}, ein Prozess) ÷ PyYAML-C-Schleife",
                    je_runde(val, pyyaml),
                    "≤ 1,3",
                    lambda x: x <= 1.3,
                    f"mehr als ein Prozess: {woran}" if mehrere else "",
                )
            )
            for name in ("check-jsonschema", "yamllint"):
                verhaeltnisse.append(
                    Verhaeltnis(
                        f"{name} ÷ netz validate ({gr})",
                        je_runde(peer.get(name), val),
                        "≥ 10",
                        lambda x: x >= 10,
                        "" if name in peer else "nicht installiert",
                    )
                )
            verhaeltnisse.append(
                Verhaeltnis(
                    f"netz validate 1 % kaputt ÷ gültig ({gr})",
                    je_runde(kap, val),
                    "≤ 1,5",
                    lambda x: x <= 1.5,
                )
            )
            if shutil.which("git"):
                repo = _git_repo(tmp / f"repo-{n}", o, _hundert_aenderungen)
                dr = ["--data", str(repo / "data")]
                g2 = gruppe(
                    [
                        Auftrag("netz validate (Repository)", gr, [[*netz, *dr, "validate"]], umgebung),
                        Auftrag(
                            "netz diff HEAD~1 HEAD (100 Dateien)",
                            gr,
                            [[*netz, *dr, "diff", "HEAD~1", "HEAD"]],
                            umgebung,
                        ),
                    ],
                    n,
                )
                verhaeltnisse.append(
                    Verhaeltnis(
                        f"netz diff (100 geänderte Dateien) ÷ netz validate ({gr})",
                        je_runde(g2[1], g2[0]),
                        "≤ 3",
                        lambda x: x <= 3,
                    )
                )
            spitzen = [kib / 1024 for kib in val.speicher_kib if kib]
            verhaeltnisse.append(
                Verhaeltnis(
                    f"Spitzenspeicher netz validate ({gr}), MiB (größter Lauf)",
                    spitzen,
                    "≤ 150",
                    lambda x: x <= 150,
                    "" if spitzen else "/usr/bin/time fehlt",
                    zusammen=max,
                )
            )
            if mehrere:
                notizen.append(
                    f"netz validate ({gr}) rechnet mit mehr als einem Prozess ({woran}). Das Ziel gilt "
                    "für einen Prozess; %M zählt parallele Prozesse nicht zusammen."
                )
        # 6. Feindliche Dateien: Zeit je Byte (linear?). Im Prozess gemessen (kleinste von sieben
        # Wiederholungen): bei 10 KiB ginge die Prüfzeit im Rauschen des Prozessstarts unter.
        print("Feindliche Dateien (Zeit je Byte, im Prozess) …", flush=True)
        skript = tmp / "je_byte.py"
        skript.write_text(JE_BYTE, encoding="utf-8")
        r = subprocess.run([python, str(skript)], capture_output=True, text=True, env=umgebung)
        if r.returncode != 0:
            notizen.append(f"Zeit je Byte nicht messbar: {r.stderr.strip()[-200:]}")
        else:
            for art, kosten in json.loads(r.stdout).items():
                notizen.append(
                    f"Angriff „{art}“: µs je Byte (pruefe_datei, kleinste von 7) – "
                    + ", ".join(f"{k}: {zahl(v, 3)}" for k, v in kosten.items())
                )
                werte = [kosten["1 MiB"] / kosten["100 KiB"]] if kosten["100 KiB"] > 0 else []
                verhaeltnisse.append(
                    Verhaeltnis(
                        f"Zeit je Byte bei „{art}“: 1 MiB ÷ 100 KiB (flach = linear)",
                        werte,
                        "≤ 2",
                        lambda x: x <= 2,
                    )
                )
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    return bericht(messungen, verhaeltnisse, notizen, groessen, python, args)


PEER_RUNDEN = 3

JE_BYTE = """import gc, json, time
from netzwerk_cli.kern.modelle import Vertrag
from netzwerk_cli.pruefen.datei import pruefe_datei

KOPF = 'region: "05170"\\nunterzeichnet: 2020-01-01\\n'
ANGRIFFE = {
    "unbekannte Schlüssel": (KOPF, lambda i: f"k{i}: 1\\n"),
    "doppelte Schlüssel": (KOPF, lambda i: "bemerkung: x\\n"),
    "Listeneinträge": (KOPF + "quellen:\\n", lambda i: "  - 1\\n"),
}
gc.disable()  # wie netz selbst (cli.main)
out = {}
for art, (kopf, zeile) in ANGRIFFE.items():
    out[art] = {}
    for name, groesse in (("10 KiB", 10 * 1024), ("100 KiB", 100 * 1024), ("1 MiB", 1024 * 1024 - 4096)):
        teile, laenge, i = [kopf], len(kopf), 0
        while laenge < groesse:
            teile.append(zeile(i))
            laenge += len(teile[-1])
            i += 1
        daten = "".join(teile).encode()
        zeiten = []
        for _ in range(7):
            t = time.perf_counter()
            pruefe_datei("x.yaml", daten, Vertrag, "x.yaml")
            zeiten.append(time.perf_counter() - t)
        out[art][name] = min(zeiten) / len(daten) * 1e6
print(json.dumps(out))
"""


def _git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-C", str(repo), "-c", "user.name=Benchmark", "-c", "user.email=b@example.org", *args],
        check=True,
        capture_output=True,
    )


def _git_repo(ziel: Path, daten: Path, aendere: Callable[[Path], None]) -> Path:
    """Ein Repository mit den Daten als erstem Commit und einer Änderung als zweitem."""
    shutil.copytree(daten, ziel / "data")
    subprocess.run(["git", "init", "-q", "-b", "main", str(ziel)], check=True)
    _git(ziel, "add", "-A")
    _git(ziel, "commit", "-q", "-m", "Daten")
    aendere(ziel / "data")
    _git(ziel, "add", "-A")
    _git(ziel, "commit", "-q", "-m", "Änderung")
    return ziel


def _neuer_vertrag(daten: Path) -> None:
    (daten / "vertraege" / "05170-wesel-2025-03-14.yaml").write_text(
        'region: "05170"\nunterzeichnet: 2025-03-14\nquellen:\n  - https://example.org/wesel\n',
        encoding="utf-8",
    )


def _hundert_aenderungen(daten: Path) -> None:
    """100 Vertragsdateien bekommen ein Bildungsbüro (eine neue Tatsache je Datei, Daten bleiben gültig)."""
    for p in sorted((daten / "vertraege").glob("*.yaml"))[:100]:
        text = p.read_text(encoding="utf-8") + "bildungsbuero:\n  name: Regionales Bildungsbüro\n"
        p.write_text(text, encoding="utf-8")


# --- Bericht ------------------------------------------------------------------------


def zahl(x: float | None, stellen: int = 2) -> str:
    return "–" if x is None else f"{x:.{stellen}f}".replace(".", ",")


def bericht(
    messungen: list[Messung],
    verhaeltnisse: list[Verhaeltnis],
    notizen: list[str],
    groessen: list[int],
    python: str,
    args: argparse.Namespace,
) -> int:
    def erfuellt(v: Verhaeltnis) -> str:
        if v.pruefe is None:
            return "–"
        text = "nicht messbar" if v.ok is None else ("ja" if v.ok else "nein")
        text = f"{text} ({v.hinweis})" if v.hinweis else text
        return text if v.entscheidet else f"({text}; Gegenprobe, entscheidet nicht)"

    zeilen = [
        "# Leistung von netz",
        "",
        "netz läuft bei jedem Commit (pre-commit), in jedem Pull Request und oft am Tag an der",
        "Eingabeaufforderung. Was netz für seine Geschwindigkeit tut – und nur, weil es messbar zahlt:",
        "Ein Befehl lädt nur sein eigenes Modul; Pydantic baut seine Prüfer erst beim ersten Prüfen.",
        "So misst man selbst:",
        "",
        "```sh",
        ".venv/bin/pip install -r benchmarks/requirements.txt   # check-jsonschema, yamllint",
        ".venv/bin/python benchmarks/run.py           # misst und schreibt docs/performance.md",
        ".venv/bin/python benchmarks/run.py --check   # dazu: Exit 1, wenn ein Ziel verfehlt ist",
        ".venv/bin/python benchmarks/run.py --quick   # Probelauf: nur 10.000 Regionen, wenige Runden",
        "```",
        "",
        *(
            ["**Probelauf mit `--quick`** (wenige Runden, Peers einmal): keine endgültigen Zahlen.", ""]
            if args.quick
            else []
        ),
        "Gemessen mit `python benchmarks/run.py` – ganze Prozesse (Start, Importe, Lesen, Ausgabe).",
        "Je Befehl ein Aufwärmlauf, dann mehrere Runden; was verglichen wird, läuft abwechselnd",
        "(A B A B …), damit Schwankungen des geteilten Rechners alle Seiten gleich treffen. Ein",
        "Verhältnis ist der Median der Verhältnisse je Runde (A und B aus derselben Runde), die Spanne",
        "deren kleinster und größter Wert, die Quartile das mittlere Feld. Zeiten in Sekunden,",
        "Spitzenspeicher (`/usr/bin/time`, %M) in MiB. Die Gegenprobe nach Instruktionen",
        "(valgrind/callgrind, ein Lauf je Seite) hängt nicht von der Last des Rechners ab; sie",
        "entscheidet kein Ziel.",
        "",
        "Untergrenzen: für `netz status` die faire – derselbe Stapel, das Mindeste derselben Arbeit:",
        "ein Typer-Befehl liest jede YAML-Datei mit PyYAMLs C-Lader, prüft jede mit einem kleinen",
        "Pydantic-Modell, zählt die Verträge je Region und gibt eine rich-Tabelle aus",
        "(`FAIRER_BODEN` in benchmarks/run.py); für `netz validate` eine nackte Schleife, die dieselben",
        "Dateien mit PyYAMLs `CSafeLoader` lädt. „Pipe“: stdout und stderr in eine Pipe; „Terminal“:",
        f"an ein Pseudoterminal ({SPALTEN}×{ZEILEN}, `TERM=xterm-256color`), für netz und Untergrenze",
        "gleich.",
        "",
        f"Umgebung: `NETZ_HEUTE={HEUTE}`, `COLUMNS={SPALTEN}`, ohne",
        "`CI`, `GITHUB_ACTIONS`, `NETZ_DATA` und `PYTHONDONTWRITEBYTECODE`; Bytecode (.pyc) ist vorhanden",
        "wie nach jeder Installation. Synthetische Daten im Format der eingebetteten: Regionen mit",
        "Gemeindeschlüssel, 9 von 10 mit Vertrag (genaue, jahres-, „spätestens“- und „zwischen“-Daten);",
        "„1 % kaputt“ enthält doppelte Schlüssel, unmögliche Daten, AGS als Zahl, unbekannte Schlüssel",
        "und Syntaxfehler.",
        "",
        f"Rechner: {maschine(python)}.",
        f"Gemessen am {date.today().strftime('%d.%m.%Y')}.",
        "",
        "## Ziele",
        "",
        "| Ziel | gemessen | Spanne | Quartile | Runden | Grenze | erfüllt |",
        "|---|---:|---:|---:|---:|---:|:---|",
    ]
    for v in verhaeltnisse:
        spanne = f"{zahl(min(v.werte))}–{zahl(max(v.werte))}" if len(v.werte) > 1 else "–"
        q = v.quartile
        quartile = f"{zahl(q[0])}–{zahl(q[1])}" if q else "–"
        zeilen.append(
            f"| {v.text} | {zahl(v.wert)} | {spanne} | {quartile} | {len(v.werte) or '–'} | {v.grenze} "
            f"| {erfuellt(v)} |"
        )
    if notizen:
        zeilen += ["", *[f"- {n}" for n in notizen]]
    zeilen += [
        "",
        "## Alle Messungen",
        "",
        "| Befehl | Regionen | Ausgabe | Median (s) | Spanne (s) | CPU ÷ Zeit | Spitze (MiB) | Exit "
        "| Läufe |",
        "|---|---:|---|---:|---:|---:|---:|---:|---:|",
    ]
    for m in messungen:
        if m.fehlt or not m.zeiten:
            zeilen.append(f"| {m.name} | {m.groesse} | – | – | – | – | – | {m.fehlt or '–'} | 0 |")
            continue
        codes = ", ".join(str(c) for c in sorted(m.codes))
        zeilen.append(
            f"| {m.name} | {m.groesse} | {m.ausgabe_an} | {zahl(m.median, 3)} | "
            f"{zahl(min(m.zeiten), 3)}–{zahl(max(m.zeiten), 3)} | {zahl(m.cpu_anteil)} | "
            f"{zahl(m.spitze_mib, 0)} | {codes} | {len(m.zeiten)} |"
        )

    # Kosten je Datei: ohne den Sockel (Start), aus der Differenz zu 53 Regionen
    def val(n: int) -> Messung | None:
        g = f"{n:,}".replace(",", ".")
        return next((m for m in messungen if m.name == "netz validate" and m.groesse == g and m.zeiten), None)

    def dateien(n: int) -> int:  # Regionen und Verträge, wie erzeuge() sie schreibt
        return n + n - (n + 1) // 10

    basis = val(53)
    je_datei = []
    for n in groessen:
        m = val(n)
        if basis and m and n > 53:
            us = (m.median - basis.median) / (dateien(n) - dateien(53)) * 1e6
            je_datei.append((f"{n:,}".replace(",", "."), us))
    if je_datei:
        zeilen += [
            "",
            "## Kosten je Datei (netz validate, ohne den Start)",
            "",
            "| Regionen | µs je Datei |",
            "|---:|---:|",
            *[f"| {g} | {zahl(us, 0)} |" for g, us in je_datei],
        ]
    zeilen += [
        "",
        "Exit 1 bei „1 % kaputt“ ist gewollt: netz meldet die Befunde. check-jsonschema und yamllint",
        "prüfen weniger (keine Positionen für Schemafehler bzw. kein Schema); sie stehen hier nur",
        "als Zeitvergleich. „CPU ÷ Zeit“ deutlich über 1 heißt: mehr als ein Prozess hat gerechnet; ob",
        "`netz validate` nur einen Prozess nutzt, zählt ein eigener Lauf unter strace.",
        "",
    ]
    schreibe_bericht(args.out, zeilen)
    print(f"\nGeschrieben: {args.out}")
    for v in verhaeltnisse:
        zeichen = "✓" if v.ok else ("✗" if v.ok is False else "–")
        print(f"  {zeichen} {v.text}: {zahl(v.wert)} (Ziel {v.grenze}) {erfuellt(v)}")
    ziele = [v for v in verhaeltnisse if v.pruefe is not None and v.entscheidet]
    verfehlt = [v for v in ziele if v.ok is False]
    offen = [v for v in ziele if v.ok is None]
    if args.check and (verfehlt or offen):
        print(f"Ziele verfehlt: {len(verfehlt)}, nicht messbar: {len(offen)}", file=sys.stderr)
        return 1
    return 0


# Was unter dieser Zeile in docs/performance.md steht, schrieb ein Mensch (Entscheidungen mit
# ihren Messungen); ein neuer Lauf übernimmt es unverändert.
VON_HAND = "<!-- Von Hand: bleibt, wenn benchmarks/run.py die Datei neu schreibt. -->"


def schreibe_bericht(pfad: Path, zeilen: list[str]) -> None:
    """Schreibt die gemessenen ``zeilen`` nach ``pfad``; was dort von Hand steht (ab VON_HAND),
    und den Abschnitt von benchmarks/grenzen.py (eigenes Skript, eigene Messung) behält es –
    jeden genau einmal, auch wenn der Abschnitt im Teil von Hand steht."""
    pfad.parent.mkdir(parents=True, exist_ok=True)
    alt = pfad.read_text(encoding="utf-8") if pfad.exists() else ""
    hand = _von_hand(pfad)
    anhang = ""
    if GRENZEN_ABSCHNITT in alt and GRENZEN_ABSCHNITT not in hand:
        anhang = alt[alt.index(GRENZEN_ABSCHNITT) :]
    pfad.write_text("\n".join([*zeilen, *hand]) + ("\n" + anhang if anhang else ""), encoding="utf-8")


def _von_hand(pfad: Path) -> list[str]:
    try:
        text = pfad.read_text(encoding="utf-8")
    except OSError:
        return []
    i = text.find(VON_HAND)
    return [] if i < 0 else [*text[i:].rstrip("\n").split("\n"), ""]


if __name__ == "__main__":
    sys.exit(main())
