"""Der JSON-Vertrag: jeder Befehl mit ``--format json`` liefert denselben Umschlag.

Nach dem Vorbild von pipx' ``test_result_contract.py``: eine Änderung am Umschlag oder an
seiner Version fällt hier auf, nicht erst bei den Nutzern der JSON-Ausgabe.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from netzwerk_cli.cli import BEFEHLE, alle_befehle
from netzwerk_cli.render import FORMAT_VERSION, RENDERER
from tests.gitrepo import ohne_globale_konfiguration, repo_anlegen

# Jeder Befehl mit JSON-Ausgabe, mit Beispielangaben, und der Typ von „ergebnis“
AUFRUFE: dict[str, tuple[list[str], type]] = {
    "status": ([], dict),
    "missing": ([], list),
    "list": ([], list),
    "show": (["köln"], dict),
    "timeline": ([], dict),
    "validate": ([], dict),
    "diff": ([], dict),
    "log": (["köln"], dict),
    "offen": ([], dict),
}
# Diese Befehle lesen aus git: der Datenordner liegt für sie in einem Repository
MIT_GIT = ("diff", "log")


def test_format_version_ist_2() -> None:
    # Version 2: der Umschlag {format_version, befehl, ergebnis} für alle Befehle (28.11.2026)
    assert FORMAT_VERSION == 2


def test_jeder_befehl_mit_json_ist_erfasst() -> None:
    """Ein neuer Befehl mit --format json muss hier seinen Vertrag bekommen."""
    app = alle_befehle()
    mit_json = set()
    for info in app.registered_commands:
        import inspect

        for p in inspect.signature(info.callback).parameters.values():  # type: ignore[arg-type]
            if p.name == "format":
                mit_json.add(info.name)
    assert mit_json == set(AUFRUFE)
    assert set(AUFRUFE) <= set(BEFEHLE)


@pytest.mark.parametrize("befehl", sorted(AUFRUFE))
def test_umschlag(netz: Any, befehl: str, daten: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    argumente, typ = AUFRUFE[befehl]
    if befehl in MIT_GIT:
        ohne_globale_konfiguration(monkeypatch, daten.parent)
        repo_anlegen(daten.parent)
    lauf = netz(befehl, *argumente, "--format", "json")
    assert lauf.exit_code == 0, lauf.stderr
    u = json.loads(lauf.stdout)
    assert list(u) == ["format_version", "befehl", "ergebnis"]
    assert u["format_version"] == FORMAT_VERSION
    assert u["befehl"] == befehl
    assert isinstance(u["ergebnis"], typ)


@pytest.mark.parametrize("art", sorted(RENDERER))
def test_jede_berichtsart_hat_die_vier_formate(art: str) -> None:
    """Jede tabellenartige Ausgabe kann text, json, csv und markdown – aus einer Tabelle."""
    assert {"text", "json", "csv", "markdown"} <= set(RENDERER[art])


def test_jeder_renderer_ist_aufloesbar() -> None:
    for art, formate in RENDERER.items():
        for name, r in formate.items():
            assert callable(r.funktion()), (art, name)
