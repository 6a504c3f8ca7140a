"""Kein englisches Wort aus Click, Typer, PyYAML oder Pydantic erreicht einen Nutzer.

Ein Korpus falscher Aufrufe (Hilfe, Aufruffehler, falsche Werte) und falscher Dateien
(tests/fixtures/invalid/); jede Ausgabe wird nach Wörtern dieser Bibliotheken durchsucht.
Deutsche Wörter, die wie englische aussehen („Option“, „Argument“), sind großgeschrieben
und zählen nicht – darum wird auf ganze Wörter mit genauer Schreibweise geprüft.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import FIXTURES
from tests.pruefen.test_korpus import _lege_ab

ENGLISCH = [
    "Usage",
    "Error",
    "Missing",
    "Invalid",
    "option",
    "options",
    "argument",
    "arguments",
    "expected",
    "found",
    "mapping",
    "Choose",
    "choose",
    "Possible",
    "while",
    "scanning",
    "parsing",
    "Input",
    "should",
    "valid",
    "value",
    "does",
    "not",
    "such",
    "requires",
    "Did",
    "mean",
    "unexpected",
    "Aborted",
    "Show",
    "message",
    "exit",
    "default",
    "required",
    "bool",
    "str",
    "PyYAML",
    "Pydantic",
    "field",
    "type",
    "string",
    "integer",
    "could",
    "the",
    "and",
    "is",
    "of",
    "for",
]
_MUSTER = re.compile(r"(?<![\w./-])(" + "|".join(map(re.escape, ENGLISCH)) + r")(?![\w/-])")
# Was zu Recht so heißt: Beispiele der Datenformate, Befehls- und Optionsnamen, JSON-Schlüssel
_ERLAUBT = re.compile(r"--[a-z-]+|https?://\S+|\bnetz [a-z]+\b|\"[a-z_]+\":|!![a-z]+")


def englisch(text: str) -> list[str]:
    return _MUSTER.findall(_ERLAUBT.sub(" ", text))


AUFRUFE = [
    ["--help"],
    *[[b, "--help"] for b in ("status", "missing", "list", "show", "timeline", "map", "report")],
    *[[b, "--help"] for b in ("add", "end", "continue", "conference", "validate", "schema")],
    [],
    ["bogus"],
    ["stauts"],
    ["show"],
    ["list", "--frmat", "json"],
    ["list", "--format", "xml"],
    ["list", "--format", "jsn"],
    ["list", "--format"],
    ["list", "extra"],
    ["list", "--bezirk", "Bayern"],
    ["list", "--art", "Dorf"],
    ["list", "--sort", "x"],
    ["status", "--as-of", "gestern"],
    ["status", "--as-of", "31.02.2010"],
    ["status", "--as-of"],
    ["timeline", "--by", "week"],
    ["timeline", "--from", "2012-01-01", "--to", "2010-01-01"],
    ["report"],
    ["map", "--svg"],
    ["schema"],
    ["schema", "xx"],
    ["validate", "--strict=3"],
    ["validate", "gibtsnicht.yaml"],
    ["validate", "--format", "xx"],
    ["show", "Atlantis"],
    ["show", "rhein"],
    ["add"],
    ["add", "wesel"],
    ["add", "wesel", "--date", "morgen"],
    ["add", "wesel", "--date", "2020-01-01", "--source", "kein-link"],
    ["add", "koeln", "--date", "2020-01-01"],
    ["end", "wesel", "--date", "2020-01-01"],
    ["conference", "--version"],
    ["--data"],
    ["--data", "/gibt/es/nicht", "status"],
]


@pytest.mark.parametrize("argumente", AUFRUFE, ids=lambda a: " ".join(a) or "(leer)")
def test_aufrufe_ohne_englisch(netz: Any, argumente: list[str]) -> None:
    lauf = netz(*argumente)
    ausgabe = lauf.stdout + lauf.stderr
    assert ausgabe.strip()
    assert "Traceback" not in ausgabe
    assert englisch(ausgabe) == [], ausgabe


KAPUTT = sorted((FIXTURES / "invalid").glob("*.yaml"))


@pytest.mark.parametrize("fixture", KAPUTT, ids=lambda p: p.stem)
def test_befunde_ohne_englisch(fixture: Path, daten: Path, netz: Any) -> None:
    pfad = _lege_ab(daten, fixture)
    befunde = [
        f"{p['meldung']} {p['hinweis']}"
        for p in netz("validate", "--format", "json").json()["probleme"]
        if Path(p["datei"]).name == pfad.name
    ]
    assert befunde
    for b in befunde:
        assert englisch(b) == [], b


def test_wortliste_trifft() -> None:
    assert englisch("Usage: netz [OPTIONS]") == ["Usage"]
    assert englisch("Missing argument 'ART'. Choose from") == ["Missing", "argument", "Choose"]
    assert englisch("Option --as-of braucht einen Wert.") == []
