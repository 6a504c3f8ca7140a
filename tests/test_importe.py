"""Start-up: die CLI lädt nur, was der aufgerufene Befehl braucht (kein Zeittest)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.conftest import DATEN, HEUTE


def _module(*code: str) -> set[str]:
    r = subprocess.run(
        [sys.executable, "-c", "; ".join(code) + "; import sys; print('\\n'.join(sys.modules))"],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "NETZ_DATA": str(DATEN), "NETZ_HEUTE": HEUTE},
    )
    return set(r.stdout.split())


def _importiert_von(*args: str) -> set[str]:
    r = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "netzwerk_cli", "--data", str(DATEN), *args],
        capture_output=True,
        text=True,
        env={**os.environ, "NETZ_HEUTE": HEUTE, "NO_COLOR": "1"},
    )
    assert r.returncode == 0, r.stderr[-500:]  # ein früh gescheiterter Befehl lüde zu wenig
    return {z.split("|")[-1].strip() for z in r.stderr.splitlines() if z.startswith("import time:")}


def test_cli_modul_laedt_nichts_schweres() -> None:
    geladen = _module("import netzwerk_cli.cli")
    verboten = {"yaml", "pydantic", "rich", "csv", "netzwerk_cli.kern.modelle", "netzwerk_cli.daten.laden"}
    assert not geladen & verboten
    assert not {m for m in geladen if m.startswith(("netzwerk_cli.render", "netzwerk_cli.pruefen"))}


def test_status_laedt_keine_bilder_und_keine_schreibwerkzeuge() -> None:
    geladen = _importiert_von("status")
    for modul in (
        "netzwerk_cli.render.svg",
        "netzwerk_cli.render.html",
        "netzwerk_cli.daten.geo",
        "netzwerk_cli.aendern.bearbeiten",
        "netzwerk_cli.daten.sperre",
        "netzwerk_cli.daten.schreiben",
        "typer.rich_utils",
    ):
        assert modul not in geladen, modul


def test_validate_json_laedt_kein_rich_markdown() -> None:
    geladen = _importiert_von("validate", "--format", "json")
    assert "rich.markdown" not in geladen
    assert "netzwerk_cli.render.svg" not in geladen


def test_nur_das_modul_des_befehls() -> None:
    geladen = _importiert_von("status")
    assert "netzwerk_cli.cli.status" in geladen
    for modul in (
        "add",
        "bilder",
        "bericht",
        "lebenslauf",
        "listen",
        "schema",
        "show",
        "validate",
        "_schreiben",
    ):
        assert f"netzwerk_cli.cli.{modul}" not in geladen, modul


def test_befehl_aus_der_befehlszeile(monkeypatch: pytest.MonkeyPatch) -> None:
    from netzwerk_cli.cli import befehl_aus

    monkeypatch.delenv("_NETZ_COMPLETE", raising=False)
    assert befehl_aus(["status"]) == "status"
    assert befehl_aus(["--data", "x", "list", "--format", "json"]) == "list"
    assert befehl_aus(["--data=x", "show", "Köln"]) == "show"
    # unsicher -> None: dann lädt netz alle Befehle (Hilfe, Tippfehler mit Vorschlag, Version)
    for argv in ([], ["--help"], ["--version"], ["stauts"], ["--data"], ["--install-completion"]):
        assert befehl_aus(argv) is None, argv
    monkeypatch.setenv("_NETZ_COMPLETE", "complete_bash")
    assert befehl_aus(["status"]) is None


def test_tippfehler_schlaegt_befehl_vor() -> None:
    r = subprocess.run(
        [sys.executable, "-m", "netzwerk_cli", "--data", str(DATEN), "stauts"],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_COLOR": "1"},
    )
    assert r.returncode == 2
    assert "Unbekannter Befehl" in r.stderr and "status" in r.stderr


def test_befehlstabelle_ist_die_eine_quelle() -> None:
    """Jeder Eintrag von BEFEHLE zeigt auf eine Funktion; Typer kennt genau diese Namen."""
    from netzwerk_cli.cli import BEFEHLE, alle_befehle

    app = alle_befehle()
    gruppen = [g.name for g in app.registered_groups]  # netz sources check: ein typer.Typer
    assert gruppen == ["sources", "source"]
    assert [c.name for c in app.registered_commands] == [b for b in BEFEHLE if b not in gruppen]
