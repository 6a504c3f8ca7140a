"""Die JSON Schemas der Ausgaben (schemas/ausgaben/) gegen echte Ausgaben geprüft – auch den
Fehlerumschlag."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

jsonschema = pytest.importorskip("jsonschema")

SCHEMAS = Path(__file__).resolve().parent.parent / "schemas" / "ausgaben"


def _pruefe(name: str, wert: Any) -> None:
    schema = json.loads((SCHEMAS / name).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(wert)


@pytest.mark.parametrize(
    ("argumente", "schema"),
    [
        (["status"], "status.schema.json"),
        (["list"], "list.schema.json"),
        (["missing"], "list.schema.json"),
        (["timeline"], "timeline.schema.json"),
        (["list", "--signed", "2009"], "signed.schema.json"),
    ],
)
def test_ausgabe_passt_zum_schema(netz: Any, argumente: list[str], schema: str) -> None:
    lauf = netz(*argumente, "--format", "json")
    assert lauf.exit_code == 0, lauf.stderr
    u = json.loads(lauf.stdout)
    _pruefe("umschlag.schema.json", u)
    _pruefe(schema, u["ergebnis"])


def test_fehlerumschlag_passt_zum_schema(netz: Any, daten: Path) -> None:
    datei = daten / "vertraege" / "05112-duisburg-2008-06.yaml"
    datei.write_text(datei.read_text(encoding="utf-8") + "region: [\n", encoding="utf-8")
    lauf = netz("list", "--format", "json")
    assert lauf.exit_code == 1
    _pruefe("umschlag.schema.json", json.loads(lauf.stdout))


def test_schema_lehnt_falsches_ab() -> None:
    """Das Schema prüft wirklich: ein Umschlag ohne format_version fällt durch."""
    with pytest.raises(jsonschema.ValidationError):
        _pruefe("umschlag.schema.json", {"befehl": "status", "ergebnis": None})
    with pytest.raises(jsonschema.ValidationError):
        _pruefe("list.schema.json", [{"ags": "5170"}])
