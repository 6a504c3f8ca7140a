"""netz status"""

from __future__ import annotations

from typing import Annotated

import typer

from ._basis import AsOf, Format, TextJson, ausgeben, heute, konsole, lade, stichtag_option
from .app import befehl


@befehl("status")
def status(
    ctx: typer.Context,
    as_of: AsOf = None,
    format: Annotated[TextJson, Format] = TextJson.text,
) -> None:
    """Stand der Abdeckung: wie viele der 53 Regionen ein Netzwerk haben, Ziel, Aufteilung."""
    from .. import bericht

    stichtag = stichtag_option(as_of) or heute()
    b = bericht.status(lade(ctx.obj), stichtag)
    if format is TextJson.json:
        from ..render import daten, formate

        ausgeben(formate.json_text(daten.status(b)))
    else:
        from ..render import text

        text.status(b, konsole())
