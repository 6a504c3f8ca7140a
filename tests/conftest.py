"""Gemeinsame Fixtures: jede Prüfung arbeitet auf einer Kopie der Daten in tmp_path."""

from __future__ import annotations

import functools
import json
import os
import shutil
import sys
from collections.abc import Iterator
from dataclasses import dataclass, is_dataclass, replace
from itertools import chain
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings
from typer.testing import CliRunner

from netzwerk_cli.cli import alle_befehle, ausfuehren
from netzwerk_cli.kern.befund import Problem

app = alle_befehle()

DATEN = Path(__file__).resolve().parent.parent / "data"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
HEUTE = "2026-11-27"

# Hypothesis-Profile: „make test“ wählt „schnell“ (ein Viertel der Beispiele, für die Runde am
# Schreibtisch), .ci/run „ci“ (die vollen Zahlen an den Tests). Ohne --hypothesis-profile gilt
# Hypothesis' „default“ mit ebenfalls 100 Beispielen, also den vollen Zahlen.
settings.register_profile("schnell", max_examples=25)
settings.register_profile("ci", max_examples=100)


def beispiele(n: int) -> int:
    """``n`` Beispiele im vollen Lauf; im Profil „schnell“ anteilig weniger, mindestens 10.

    Für ``@settings(max_examples=beispiele(300))``: eine ausdrückliche Zahl am Test ginge sonst
    jedem Profil vor. Test-Module werden erst nach dem Laden des Profils importiert."""
    return max(10, n * settings.default.max_examples // 100)


@pytest.fixture(autouse=True)
def _umgebung(monkeypatch: pytest.MonkeyPatch) -> None:
    """Jeder Test in derselben Umgebung, was immer der Aufrufer exportiert hat."""
    for name in list(os.environ):
        if name.startswith(("NETZ_", "GITHUB_", "FORCE_COLOR", "TTY_")) or name in ("CI", "COLUMNS", "LINES"):
            monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("NETZ_DEBUG", "1")  # ein interner Fehler wird im Test als Traceback sichtbar


@pytest.fixture(scope="session", autouse=True)
def _gleiche_bytes_einmal_pruefen() -> Iterator[None]:
    """Jeder Befehl eines Tests liest und prüft alle Dateien des Datenordners – meist dieselben
    Bytes wie im Test davor. Die Prüfung einer Datei (``pruefe_datei``, ``pruefe_grenzen``,
    ``pruefe_gemeinden_bytes``) hängt nur von ihren Argumenten und dem Stand der prüfenden
    Module ab; darum merkt sich jeder Testprozess ihr Ergebnis (nur im Speicher, nur in den
    Tests – netz selbst prüft jede Datei eines Laufs einmal).

    Zum Schlüssel gehören die Bytes, nicht der Pfad (eine Kopie in tmp_path prüft sich wie jede
    andere; Pfad und Anzeigepfad im Ergebnis werden ersetzt), und die Identität jedes Attributs
    der prüfenden Module: ersetzt ein Test etwas darin (``monkeypatch.setattr(yamlio,
    "_UNSICHTBAR", …)``, ein Zähler für ``finde``), gilt kein gemerktes Ergebnis, und die
    Prüfung läuft wirklich. Wer die Funktionen selbst importiert (``from
    netzwerk_cli.pruefen.datei import pruefe_datei``), ruft sie ungemerkt."""
    from netzwerk_cli.daten import gemeinden
    from netzwerk_cli.kern import datum, geo, modelle, namen, webadresse
    from netzwerk_cli.pruefen import codes, datei, hinweise, yamlio
    from netzwerk_cli.pruefen import geo as geo_pruefen

    module = (datum, geo, modelle, namen, webadresse, codes, datei, hinweise, yamlio, geo_pruefen, gemeinden)

    namensraeume = [vars(m) for m in module]

    def stand() -> tuple[int, ...]:
        return tuple(map(id, chain.from_iterable(n.values() for n in namensraeume)))

    def gemerkt(echt: Any, namen: tuple[int, ...]) -> Any:
        """``echt`` gemerkt; ``namen`` sind die Argumente, die nur in Meldungen und im Dokument
        stehen (Pfad und Anzeigepfad): das Ergebnis für andere Namen ist dasselbe mit diesen."""
        speicher: dict[tuple[Any, ...], tuple[tuple[str, ...], tuple[Any, list[Problem]]]] = {}

        @functools.wraps(echt)
        def pruefe(*args: Any) -> tuple[Any, list[Problem]]:
            schluessel = (stand(), *(a for i, a in enumerate(args) if i not in namen))
            neu = tuple(args[i] for i in namen)
            if (treffer := speicher.get(schluessel)) is None:
                ergebnis = echt(*args)
                speicher[schluessel] = (neu, ergebnis)
                return ergebnis[0], list(ergebnis[1])
            alt, (dok, probleme) = treffer
            if alt == neu:  # ein eigenes Listenobjekt je Aufruf: der Aufrufer darf es erweitern
                return dok, list(probleme)
            # Nur ``datei`` eines Befunds und die Pfade des Dokuments tragen die Namen; stünde
            # ein alter Name in einem Text, wäre das Ergebnis nicht übertragbar: neu prüfen
            if any(n in repr(p[1:]) for p in probleme for n in alt):
                return echt(*args)  # type: ignore[no-any-return]
            umbenannt = dict(zip(alt, neu, strict=True))
            if is_dataclass(dok):  # Dokument (datei, anzeige) oder Grenzen (datei)
                felder = {f: getattr(dok, f) for f in ("datei", "anzeige") if hasattr(dok, f)}
                dok = replace(dok, **{f: umbenannt.get(w, w) for f, w in felder.items()})  # type: ignore[type-var]
            return dok, [p._replace(datei=umbenannt.get(p.datei, p.datei)) for p in probleme]

        return pruefe

    mp = pytest.MonkeyPatch()
    # pruefe_datei(pfad, daten, modell, anzeige), pruefe_grenzen(daten, anzeige),
    # pruefe_gemeinden_bytes(anzeige, daten)
    mp.setattr(datei, "pruefe_datei", gemerkt(datei.pruefe_datei, (0, 3)))
    mp.setattr(geo_pruefen, "pruefe_grenzen", gemerkt(geo_pruefen.pruefe_grenzen, (1,)))
    mp.setattr(gemeinden, "pruefe_gemeinden_bytes", gemerkt(gemeinden.pruefe_gemeinden_bytes, (0,)))
    yield
    mp.undo()


@pytest.fixture
def daten(tmp_path: Path) -> Path:
    """Eine Kopie von data/ – Tests dürfen sie ändern, data/ bleibt unberührt."""
    ziel = tmp_path / "data"
    shutil.copytree(DATEN, ziel)
    return ziel


@dataclass
class Lauf:
    exit_code: int
    stdout: str
    stderr: str

    @property
    def flach(self) -> str:
        """stdout und stderr ohne Zeilenumbrüche: Text für Menschen bricht an der Breite um,
        ein Test auf einen Satz soll das nicht wissen müssen."""
        return " ".join((self.stdout + " " + self.stderr).split())

    def umschlag(self) -> dict[str, Any]:
        """Das ganze JSON: der eine Umschlag aller Befehle (siehe tests/test_json_vertrag.py)."""
        u = json.loads(self.stdout)
        assert set(u) == {"format_version", "befehl", "ergebnis"}, u.keys()
        return u  # type: ignore[no-any-return]

    def json(self) -> Any:
        """Das Ergebnis im JSON-Umschlag."""
        return self.umschlag()["ergebnis"]


def _abdruck(ordner: Path) -> list[tuple[str, int, int, int]]:
    """Name, Größe, Änderungszeit und Inode jeder Datei: ändert ein Befehl etwas (auch atomar
    durch Umbenennen), ändert sich der Abdruck – ohne eine Datei zu lesen."""
    out = []
    for wurzel, ordner_, dateien in os.walk(ordner):
        ordner_.sort()
        for name in sorted(dateien):
            st = os.lstat(os.path.join(wurzel, name))
            out.append((os.path.join(wurzel, name), st.st_size, st.st_mtime_ns, st.st_ino))
    return out


@pytest.fixture(scope="session")
def daten_nur_lesen(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Eine Kopie von data/, die sich alle Tests einer Sitzung (je xdist-Prozess) teilen, die
    nur lesen: ``netz`` nutzt sie, wenn der Test nicht selbst ``daten`` verlangt. Jeder solche
    Test wird danach geprüft (:func:`_abdruck`) – wer schreibt, muss ``daten`` verlangen."""
    ziel = tmp_path_factory.mktemp("nur-lesen") / "data"
    shutil.copytree(DATEN, ziel)
    return ziel


@pytest.fixture
def netz(monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest) -> Iterator[Any]:
    """``netz("status", "--format", "json")`` auf der Datenkopie, mit festem „heute“.

    Verlangt der Test ``daten`` (er ändert Dateien), läuft netz auf dessen eigener Kopie; sonst
    auf der geteilten :func:`daten_nur_lesen` – das spart je Test das Kopieren des Ordners."""
    monkeypatch.setenv("NETZ_HEUTE", HEUTE)
    runner = CliRunner()
    geteilt = "daten" not in request.fixturenames
    daten: Path = request.getfixturevalue("daten_nur_lesen" if geteilt else "daten")
    vorher = _abdruck(daten) if geteilt else None

    def lauf(*args: str, ordner: Path | None = None, eingabe: str | None = None) -> Lauf:
        """Wie ``netz`` selbst: über :func:`ausfuehren`, den einen Ort, der Fehler fängt."""
        with runner.isolation(input=eingabe) as (aus, fehler, _):
            code = ausfuehren(["--data", str(ordner or daten), *args])
            sys.stdout.flush()
            sys.stderr.flush()
            return Lauf(code, aus.getvalue().decode(), fehler.getvalue().decode())

    yield lauf
    if vorher is not None and _abdruck(daten) != vorher:
        # neu kopieren, damit die folgenden Tests nicht an diesem scheitern
        shutil.rmtree(daten)
        shutil.copytree(DATEN, daten)
        pytest.fail("Der Test änderte die geteilte Datenkopie: er muss „daten“ verlangen.")


@pytest.hookimpl(tryfirst=True)
def pytest_configure(config: pytest.Config) -> None:
    """Die Ordner der Tests im Arbeitsspeicher (/dev/shm), wo es ihn gibt: fast jeder Test
    kopiert den Datenordner (gut hundert Dateien), und Anlegen und Löschen kosten auf der
    Platte ein Mehrfaches. Ein eigener Ordner je Lauf (zwei Läufe nebeneinander stören sich
    nicht); nach dem Lauf entfernt, bei Fehlschlägen behalten und genannt."""
    if hasattr(config, "workerinput") or config.option.basetemp:
        return  # xdist-Prozesse bekommen ihren Unterordner vom Hauptprozess
    shm = Path("/dev/shm")
    if not (sys.platform.startswith("linux") and shm.is_dir() and os.access(shm, os.W_OK | os.X_OK)):
        return
    st = os.statvfs(shm)
    if st.f_bavail * st.f_frsize < _SHM_MINDESTENS:  # ein Container hat oft nur 64 MiB: dann die Platte
        return
    import tempfile

    config.option.basetemp = tempfile.mkdtemp(prefix="netz-tests-", dir=shm)
    config.stash[_SHM] = config.option.basetemp


_SHM = pytest.StashKey[str]()
# ein Vielfaches dessen, was ein ganzer Lauf samt -m slow dort zugleich belegt
_SHM_MINDESTENS = 512 * 1024**2


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    ordner = session.config.stash.get(_SHM, None)
    if ordner is None:
        return
    if exitstatus in (pytest.ExitCode.OK, pytest.ExitCode.NO_TESTS_COLLECTED):
        shutil.rmtree(ordner, ignore_errors=True)
    else:
        print(f"\nOrdner der Tests (im Arbeitsspeicher, bis zum Neustart): {ordner}")
