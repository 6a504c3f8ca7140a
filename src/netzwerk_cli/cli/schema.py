"""netz schema"""

from __future__ import annotations

from enum import Enum
from typing import Annotated

import typer

from ..kern.schemas import DATEIARTEN
from ._basis import ausgeben

Dateiart = Enum("Dateiart", {a: a for a in DATEIARTEN}, type=str)  # type: ignore[misc]  # Enum mit Werten erst zur Laufzeit


def schema(
    art: Annotated[Dateiart, typer.Argument(metavar="ART", help="region, vertrag oder programm.")],
) -> None:
    """Das JSON Schema einer Dateiart ausgeben (aus den Pydantic-Modellen erzeugt)."""
    from ..kern.schemas import json_schema_text

    ausgeben(json_schema_text(art.value))
