"""Jeder Befehl hat deutsche Hilfe; Typers englische Texte sind übersetzt."""

from __future__ import annotations

from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from netzwerk_cli import __version__
from netzwerk_cli.cli import app

BEFEHLE = sorted(typer.main.get_command(app).commands)  # type: ignore[attr-defined]
ENGLISCH = ("Show this message", "Usage:", "Options", "Arguments", "Commands", "[default:", "[required]")
DEUTSCH = (
    "der",
    "die",
    "und",
    "ein",
    "oder",
    "mit",
    "nur",
    "auch",
    "Alle",
    "jeden",
    "Ausgabeformat",
    "Dateien",
    "Region",
)


def test_alle_befehle_da() -> None:
    assert BEFEHLE == [
        "add",
        "conference",
        "continue",
        "end",
        "list",
        "map",
        "missing",
        "report",
        "schema",
        "show",
        "status",
        "timeline",
        "validate",
    ]


@pytest.mark.parametrize("befehl", [[], *[[b] for b in BEFEHLE]])
def test_hilfe_deutsch(befehl: list[str]) -> None:
    r = CliRunner().invoke(app, [*befehl, "--help"], env={"NO_COLOR": "1", "COLUMNS": "120"})
    assert r.exit_code == 0
    for wort in ENGLISCH:
        assert wort not in r.stdout, (befehl, wort)
    assert "Aufruf:" in r.stdout
    assert "Diese Hilfe anzeigen und beenden." in r.stdout
    woerter = set(r.stdout.replace(".", " ").replace(",", " ").split())
    assert len(woerter & set(DEUTSCH)) >= 2


def test_version() -> None:
    r = CliRunner().invoke(app, ["--version"])
    assert r.exit_code == 0
    assert r.stdout.strip() == f"netz {__version__}"


def test_unbekannter_befehl(netz: Any) -> None:
    lauf = netz("statsu")
    assert lauf.exit_code == 2
    assert "Unbekannter Befehl: statsu" in lauf.stderr
    assert "status" in lauf.stderr
