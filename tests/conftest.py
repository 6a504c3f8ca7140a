"""Gemeinsame Fixtures: jede Prüfung arbeitet auf einer Kopie der Daten in tmp_path."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from netzwerk_cli.cli import alle_befehle

app = alle_befehle()

DATEN = Path(__file__).resolve().parent.parent / "data"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
HEUTE = "2026-11-27"


@pytest.fixture(autouse=True)
def _zwischenspeicher(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Jeder Test mit eigenem, leerem Zwischenspeicher – nie der im Home des Benutzers."""
    ordner = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("NETZ_CACHE", str(ordner))
    return ordner


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

    def json(self) -> Any:
        return json.loads(self.stdout)


@pytest.fixture
def netz(monkeypatch: pytest.MonkeyPatch, daten: Path) -> Iterator[Any]:
    """``netz("status", "--format", "json")`` auf der Datenkopie, mit festem „heute“."""
    monkeypatch.setenv("NETZ_HEUTE", HEUTE)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("NETZ_DATA", raising=False)
    runner = CliRunner()

    def lauf(*args: str, ordner: Path | None = None, eingabe: str | None = None) -> Lauf:
        r = runner.invoke(app, ["--data", str(ordner or daten), *args], input=eingabe, catch_exceptions=True)
        if r.exception is not None and not isinstance(r.exception, SystemExit):
            raise r.exception  # ein Traceback ist ein Fehler – im Test sichtbar machen
        return Lauf(r.exit_code, r.stdout, r.stderr)

    yield lauf
