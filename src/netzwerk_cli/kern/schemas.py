"""JSON Schemas aus den Pydantic-Modellen – für Editoren (VS Code YAML) und check-jsonschema."""

from __future__ import annotations

import json
from typing import Any

from .modelle import MODELLE

DATEIARTEN = tuple(MODELLE)


def json_schema(art: str) -> dict[str, Any]:
    modell = MODELLE[art]
    schema = modell.model_json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **schema,
    }


def json_schema_text(art: str) -> str:
    return json.dumps(json_schema(art), ensure_ascii=False, indent=2) + "\n"
