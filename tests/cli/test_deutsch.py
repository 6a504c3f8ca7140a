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


# Einzahl und Mehrzahl: „1 Regionen“, „1 Warnungen“, „es fehlen 1“, „+1 Netzwerke“
_MEHRZAHL_NACH_EINS = re.compile(
    r"(?<![\d,.])[+−-]?1 (Regionen|Warnungen|Netzwerke|Dateien|Verträge|Befunde|Jahre|Einträge|Webadressen)\b"
    r"|\bes fehlen 1\b|\b1 weitere Befunde\b"
)


def grammatikfehler(text: str) -> list[str]:
    return [m.group(0) for m in _MEHRZAHL_NACH_EINS.finditer(" ".join(text.split()))]


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
    # Issue 12, zweite Runde
    ["timeline", "--by", "mnat"],
    ["timeline", "--by", "monat"],
    ["show", "Kreis", "Wessel"],
    ["list", "--sort", "nam"],
    ["list", "--sort", "name"],
    ["missing", "--format", "markdown"],
    ["status", "--as-of", "31.12.2010"],
    ["add", "köln", "--date", "01.01.2020"],
    ["continue", "soest", "--date", "09.07.2013", "--dry-run"],
]


@pytest.mark.parametrize("argumente", AUFRUFE, ids=lambda a: " ".join(a) or "(leer)")
def test_aufrufe_ohne_englisch(netz: Any, argumente: list[str]) -> None:
    lauf = netz(*argumente)
    ausgabe = lauf.stdout + lauf.stderr
    assert ausgabe.strip()
    assert "Traceback" not in ausgabe
    assert englisch(ausgabe) == [], ausgabe
    assert grammatikfehler(ausgabe) == [], ausgabe


# Kaputte Dateien, die nicht in den Korpus passen (keine „# ziel:“-Zeile möglich) oder die
# einen anderen Befehl als validate betreffen: (Datei, Inhalt als Funktion des alten, Befehl)
def _utf16(alt: bytes) -> bytes:
    return alt.decode("utf-8").encode("utf-16")


def _bemerkung(alt: bytes) -> bytes:
    return alt + b"bemerkung: Achtung: laut Presse\n"


FALSCHE_DATEIEN = [
    ("regionen/05111-duesseldorf.yaml", _utf16, ["validate"]),
    ("regionen/05111-duesseldorf.yaml", _utf16, ["show", "köln"]),
    ("regionen/05111-duesseldorf.yaml", _utf16, ["show", "düsseldorf"]),
    ("vertraege/05111-duesseldorf-2009-08-24.yaml", _bemerkung, ["validate"]),
    ("vertraege/05111-duesseldorf-2009-08-24.yaml", _bemerkung, ["show", "köln"]),
    ("vertraege/05111-duesseldorf-2009-08-24.yaml", _bemerkung, ["status"]),
    ("vertraege/05111-duesseldorf-2009-08-24.yaml", _bemerkung, ["end", "köln", "--date", "01.01.2026"]),
]


# Kennungen ohne Speicheradressen (eine Funktion als „<function … at 0x…>“): unter pytest-xdist
# muss jeder Prozess dieselben Tests sammeln
@pytest.mark.parametrize(
    ("datei", "aendere", "argumente"), FALSCHE_DATEIEN, ids=lambda x: getattr(x, "__name__", str(x))
)
def test_falsche_dateien_ohne_englisch(
    netz: Any, daten: Path, datei: str, aendere: Any, argumente: list[str]
) -> None:
    f = daten / datei
    f.write_bytes(aendere(f.read_bytes()))
    lauf = netz(*argumente)
    ausgabe = lauf.stdout + lauf.stderr
    assert "Traceback" not in ausgabe and "\x00" not in ausgabe
    assert englisch(ausgabe) == [], ausgabe
    assert grammatikfehler(ausgabe) == [], ausgabe


def test_kopie_ohne_englisch(netz: Any, daten: Path) -> None:
    quelle = daten / "vertraege" / "05111-duesseldorf-2009-08-24.yaml"
    (daten / "vertraege" / "05111-duesseldorf-2009-08-24 (Kopie).yaml").write_bytes(quelle.read_bytes())
    ausgabe = netz("validate").stdout
    assert englisch(ausgabe) == [] and grammatikfehler(ausgabe) == [], ausgabe


def test_grammatikliste_trifft() -> None:
    assert grammatikfehler("1 Regionen, 1 Warnungen, es fehlen 1, +1 Netzwerke") == [
        "1 Regionen",
        "1 Warnungen",
        "es fehlen 1",
        "+1 Netzwerke",
    ]
    assert grammatikfehler("11 Regionen, 2,1 Netzwerke pro Jahr, 1 Region, es fehlt 1") == []


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
        assert grammatikfehler(b) == [], b


def test_wortliste_trifft() -> None:
    assert englisch("Usage: netz [OPTIONS]") == ["Usage"]
    assert englisch("Missing argument 'ART'. Choose from") == ["Missing", "argument", "Choose"]
    assert englisch("Option --as-of braucht einen Wert.") == []
