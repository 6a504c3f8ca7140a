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
from tests.cli.test_sources import _nur_lokal, server  # noqa: F401 - server ist ein Fixture
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
    "sources check": ([], dict),  # eine Gruppe: netz sources check (gegen einen Server auf 127.0.0.1)
}
# Diese Befehle lesen aus git: der Datenordner liegt für sie in einem Repository
MIT_GIT = ("diff", "log")


def test_format_version_ist_3() -> None:
    # Version 2: der Umschlag {format_version, befehl, ergebnis} für alle Befehle (28.11.2026)
    # Version 3: status.bildungskonferenzen.ueberfaellig entfällt – ein fehlender Eintrag belegt
    # keine ausgefallene Konferenz; dafür zuletzt_erfasst_vor_grenze (docs/json.md)
    assert FORMAT_VERSION == 3


def _mit_format(app: Any, vorne: str = "") -> set[str]:
    """Die Befehle mit --format, auch die in Gruppen („sources check“)."""
    import inspect

    out = set()
    for info in app.registered_commands:
        name = vorne + (info.name or info.callback.__name__)
        if "format" in inspect.signature(info.callback).parameters:
            out.add(name)
    for gruppe in app.registered_groups:
        out |= _mit_format(gruppe.typer_instance, f"{vorne}{gruppe.name} ")
    return out


def test_jeder_befehl_mit_json_ist_erfasst() -> None:
    """Ein neuer Befehl mit --format json – auch in einer Gruppe – muss hier seinen Vertrag bekommen."""
    mit_json = _mit_format(alle_befehle())
    assert "sources check" in mit_json  # die Gruppe wird wirklich durchsucht
    assert mit_json == set(AUFRUFE)
    assert {b.split()[0] for b in AUFRUFE} <= set(BEFEHLE)


@pytest.mark.parametrize("befehl", sorted(AUFRUFE))
def test_umschlag(netz: Any, befehl: str, daten: Path, monkeypatch: pytest.MonkeyPatch, request: Any) -> None:
    argumente, typ = AUFRUFE[befehl]
    if befehl in MIT_GIT:
        ohne_globale_konfiguration(monkeypatch, daten.parent)
        repo_anlegen(daten.parent)
    if befehl == "sources check":
        basis, _ = request.getfixturevalue("server")
        _nur_lokal(daten, basis)
    lauf = netz(*befehl.split(), *argumente, "--format", "json")
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


def test_status_datenstand(netz: Any) -> None:
    """Wie alt die Belege sind (seit Version 3): Abgleich mit den Quellen und neueste Zählung."""
    e = netz("status", "--format", "json").json()
    assert e["datenstand"] == {
        "geprueft_am": "2026-12-06",
        "geprueft_durch": e["datenstand"]["geprueft_durch"],
        "neueste_zaehlung": {
            "datum": {"text": "2024-04-10", "frueh": "2024-04-10", "spaet": "2024-04-10"},
            "anzahl": 51,
            "mindestens": None,
            "hoechstens": None,
            "aussage": e["datenstand"]["neueste_zaehlung"]["aussage"],
            # mit Erscheinungsdatum (Audit vom 06.12.2026) ein Quellenobjekt
            "quelle": {
                "url": "https://www.regionale.bildungsnetzwerke.nrw.de/Regionale-Bildungsnetzwerke/"
                "Metanavigation/Service/Dokumentationen/2024/24a.html",
                "veroeffentlicht": {
                    "text": "zwischen 2024-04-10 und 2024-12-31",
                    "frueh": "2024-04-10",
                    "spaet": "2024-12-31",
                },
                "abgerufen": None,
                "archiv": None,
                "zitat": None,
            },
        },
        "alter_tage": 961,  # 10.04.2024 bis 27.11.2026 (HEUTE der Tests)
        "alter_monate": 31,
    }
    assert "Audit" in e["datenstand"]["geprueft_durch"]
    # vor der Zählung kein Alter: der Stichtag liegt nicht nach ihr
    frueh = netz("status", "--as-of", "2020-01-01", "--format", "json").json()["datenstand"]
    assert frueh["alter_tage"] is None and frueh["neueste_zaehlung"]["anzahl"] == 51


def test_status_bildungskonferenzen_schluessel(netz: Any) -> None:
    k = netz("status", "--format", "json").json()["bildungskonferenzen"]
    assert set(k) == {"netzwerke", "mit_angabe", "ohne_angabe", "zuletzt_erfasst_vor_grenze", "grenze"}
    assert k["grenze"] == "2025-11-27"


def test_status_nennt_einwohner(netz: Any) -> None:
    """Abdeckung nach Einwohnern (docs/json.md): hinzugekommen, ohne die Version zu heben."""
    e = netz("status", "--format", "json").json()["einwohner"]
    assert {
        "regionen",
        "gesamt",
        "sicher",
        "moeglich",
        "anteil_sicher",
        "anteil_moeglich",
        "anteil_sicher_spanne",
        "anteil_moeglich_spanne",
        "ohne_angabe",
        "stand",
        "quellen",
        "nach_regierungsbezirk",
        "nach_art",
    } == set(e)
    assert e["stand"] == ["2018-12-31"]
    assert round(e["anteil_sicher"] * 100, 1) == 95.8
    assert round(e["anteil_moeglich"] * 100, 1) == 97.4
    assert set(e["nach_regierungsbezirk"]) == {"Arnsberg", "Detmold", "Düsseldorf", "Köln", "Münster"}
    duesseldorf = e["nach_regierungsbezirk"]["Düsseldorf"]
    assert duesseldorf["sicher"] < duesseldorf["moeglich"] < duesseldorf["gesamt"]
