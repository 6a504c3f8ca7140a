from __future__ import annotations

import json
from pathlib import Path

import pytest

from netzwerk_cli.kern.schemas import DATEIARTEN, json_schema_text
from tests.conftest import DATEN

SCHEMAS = Path(__file__).resolve().parents[2] / "schemas"


@pytest.mark.parametrize("art", DATEIARTEN)
def test_eingecheckte_schemas_aktuell(art: str) -> None:
    """schemas/*.json muss dem Modell entsprechen: sonst „netz schema ART > schemas/ART.schema.json“."""
    assert (SCHEMAS / f"{art}.schema.json").read_text(encoding="utf-8") == json_schema_text(art)


def test_schema_verbietet_fremde_schluessel() -> None:
    s = json.loads(json_schema_text("vertrag"))
    assert s["additionalProperties"] is False
    assert set(s["required"]) == {"region", "unterzeichnet"}


def test_jede_datendatei_nennt_ihr_schema() -> None:
    for ordner, art in (("regionen", "region"), ("vertraege", "vertrag")):
        for f in (DATEN / ordner).glob("*.yaml"):
            erste = f.read_text(encoding="utf-8").splitlines()[0]
            assert erste == f"# yaml-language-server: $schema=../../schemas/{art}.schema.json", f.name
    assert (
        (DATEN / "programm.yaml")
        .read_text(encoding="utf-8")
        .startswith("# yaml-language-server: $schema=../schemas/programm.schema.json\n")
    )
