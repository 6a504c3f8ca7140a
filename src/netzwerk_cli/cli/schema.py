"""netz schema"""

from __future__ import annotations

from enum import Enum
from typing import Annotated

import typer

from ._basis import ausgeben
from .app import befehl


class Dateiart(str, Enum):
    region = "region"
    vertrag = "vertrag"
    programm = "programm"


@befehl("schema")
def schema(
    art: Annotated[Dateiart, typer.Argument(metavar="ART", help="region, vertrag oder programm.")],
) -> None:
    """Das JSON Schema einer Dateiart ausgeben (aus den Pydantic-Modellen erzeugt)."""
    from ..schemas import json_schema_text

    ausgeben(json_schema_text(art.value))
