"""Gemeinsame Fixtures: jede Prüfung arbeitet auf einer Kopie der Daten in tmp_path."""

from __future__ import annotations

import json
import os
import shutil
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings
from typer.testing import CliRunner

from netzwerk_cli.cli import alle_befehle, ausfuehren

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
