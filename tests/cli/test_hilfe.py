"""Jeder Befehl hat deutsche Hilfe; Typers englische Texte sind übersetzt."""

from __future__ import annotations

import re
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from netzwerk_cli import __version__
from netzwerk_cli.cli import alle_befehle

app = alle_befehle()

BEFEHLE = sorted(typer.main.get_command(app).commands)  # type: ignore[attr-defined]
ENGLISCH = ("Show this message", "Usage:", "Options", "Arguments", "Commands", "[default:", "[required]")


def test_alle_befehle_da() -> None:
    assert BEFEHLE == [
        "add",
        "conference",
        "continue",
        "diff",
        "end",
        "export",
        "list",
        "log",
        "map",
        "missing",
        "offen",
        "report",
        "schema",
        "show",
        "site",
        "source",
        "sources",
        "status",
        "timeline",
        "validate",
    ]


DEUTSCHE_WOERTER = set(
    [
        "der",
        "die",
        "das",
        "des",
        "dem",
        "den",
        "und",
        "oder",
        "ein",
        "eine",
        "einen",
        "nicht",
        "nur",
        "mit",
        "für",
        "von",
        "zu",
        "im",
        "am",
        "wie",
        "als",
        "auch",
        "alle",
        "jeden",
        "je",
        "nach",
        "statt",
        "sonst",
        "aus",
        "bei",
        "über",
        "vorgabe",
        "heute",
        "bemerkung",
        "stichtag",
        "ausgabeformat",
        "datei",
        "tag",
        "webadresse",
        "zeitraum",
        "perioden",
    ]
)


def _deutsch(text: str) -> bool:
    woerter = {w.strip(".,:;()„“").lower() for w in text.split()}
    return bool(woerter & DEUTSCHE_WOERTER) or any(c in text for c in "äöüßÄÖÜ")


@pytest.mark.parametrize("befehl", [[], *[[b] for b in BEFEHLE]])
def test_hilfe_deutsch(befehl: list[str]) -> None:
    r = CliRunner().invoke(app, [*befehl, "--help"], env={"NO_COLOR": "1", "COLUMNS": "120"})
    assert r.exit_code == 0
    for wort in ENGLISCH:
        assert wort not in r.stdout, (befehl, wort)
    assert "Aufruf:" in r.stdout
    assert "Diese Hilfe anzeigen und beenden." in r.stdout


@pytest.mark.parametrize("befehl", BEFEHLE)
def test_jeder_hilfetext_deutsch(befehl: str) -> None:
    gruppe = typer.main.get_command(app)
    cmd = gruppe.commands[befehl]  # type: ignore[attr-defined]
    assert cmd.help and _deutsch(cmd.help), befehl
    for p in cmd.params:
        hilfe = getattr(p, "help", None)
        assert hilfe, (befehl, p.name)
        assert _deutsch(hilfe), (befehl, p.name, hilfe)


def test_version() -> None:
    r = CliRunner().invoke(app, ["--version"])
    assert r.exit_code == 0
    assert r.stdout.strip() == f"netz {__version__}"


def test_unbekannter_befehl(netz: Any) -> None:
    lauf = netz("statsu")
    assert lauf.exit_code == 2
    assert "Unbekannter Befehl: statsu" in lauf.stderr
    assert "status" in lauf.stderr


@pytest.mark.parametrize("befehl", BEFEHLE)
def test_auswahl_bricht_bei_80_spalten_nur_zwischen_werten(befehl: str) -> None:
    """Eine lange Auswahl (text|json|csv|markdown|github) darf die Hilfe bei 80 Spalten nicht
    mitten in einem Wert trennen („gith“ / „ub“). Die Werte liest der Test aus der Hilfe bei 250
    Spalten, wo nichts umbricht."""

    def hilfe(spalten: int) -> str:
        r = CliRunner().invoke(app, [befehl, "--help"], env={"NO_COLOR": "1", "COLUMNS": str(spalten)})
        return r.output

    breit = re.findall(r"[\w-]+(?: ?\| ?[\w-]+)+", hilfe(250))
    werte = {w for auswahl in breit for w in re.split(r" ?\| ?", auswahl)}
    woerter = set(hilfe(80).replace("|", " ").replace("│", " ").split())
    assert werte <= woerter, f"getrennt: {sorted(werte - woerter)}"


def test_beispiele_der_hilfe_stehen_in_der_doku() -> None:
    """Jedes Beispiel aus --help ist ein ausgeführtes Doku-Beispiel (docs/befehle.md, README):
    so kann es nicht veralten (tests/test_beispiele.py führt es aus)."""
    from pathlib import Path

    from netzwerk_cli.cli import BEISPIELE

    wurzel = Path(__file__).resolve().parents[2]
    aufrufe = set()
    for datei in (wurzel / "docs" / "befehle.md", wurzel / "README.md"):
        for z in re.findall(r"^\$ (netz .*)$", datei.read_text(encoding="utf-8"), re.M):
            aufrufe.add(z.split(" |")[0].split(" 2>&1")[0])
    for name, beispiele in BEISPIELE.items():
        assert 2 <= len(beispiele) + 1 <= 4, name
        for b in beispiele:
            assert b in aufrufe, b


def test_hilfe_zeigt_beispiele_und_einfache_klammern() -> None:
    runner = CliRunner()
    aus = runner.invoke(app, ["add", "--help"], env={"COLUMNS": "80"}).output
    assert "Beispiele:" in aus and "netz add wesel --date 20.11.2026" in aus
    diff = runner.invoke(app, ["diff", "--help"], env={"COLUMNS": "80"}).output
    assert "[BASIS] [ZIEL]" in diff and "[[" not in diff


def test_befehlsliste_ohne_umbruch_mitten_im_satz() -> None:
    """Jede Zeile der Befehlsliste ist der erste Absatz der Doku als ein Satz: kein Zeilenumbruch
    aus dem Quelltext, der die Beschreibung mitten im Satz bräche (export, site, offen)."""
    befehle = typer.main.get_command(app).commands  # type: ignore[attr-defined]
    for name in ("export", "site", "offen", "status"):
        kurz = befehle[name].short_help or ""
        assert kurz and "\n" not in kurz and "  " not in kurz, name
    aus = CliRunner().invoke(app, ["--help"], env={"COLUMNS": "80"}).output
    assert "Bildungskonferenzen, Prüfpunkte" in aus


def _vervollstaendige(worte: str, cword: int) -> list[str]:
    import os
    import subprocess
    import sys

    from tests.conftest import DATEN

    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("NETZ_")},
        "_NETZ_COMPLETE": "complete_bash",
        "COMP_WORDS": worte,
        "COMP_CWORD": str(cword),
        "NETZ_DATA": str(DATEN),
        "NETZ_CACHE": "aus",
    }
    r = subprocess.run([sys.executable, "-m", "netzwerk_cli"], env=env, capture_output=True, text=True)
    return r.stdout.split()


def test_vervollstaendigung_bietet_werte_statt_dateinamen() -> None:
    assert _vervollstaendige("netz list --bezirk K", 3) == ["Köln"]
    assert _vervollstaendige("netz list --status u", 3) == ["ungewiss"]
    assert _vervollstaendige("netz list --sort a", 3) == ["ags"]


def test_install_completion_antwortet_deutsch(tmp_path: Any) -> None:
    import os
    import subprocess
    import sys

    # die Shell ausdrücklich: sonst erkennt Typer sie am Elternprozess (unter make ist das sh)
    env = {**os.environ, "HOME": str(tmp_path), "_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1"}
    r = subprocess.run(
        [sys.executable, "-m", "netzwerk_cli", "--install-completion", "bash"],
        env=env,
        capture_output=True,
        text=True,
    )
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("Vervollständigung für bash eingerichtet in ")
    assert "installed" not in r.stdout + r.stderr
