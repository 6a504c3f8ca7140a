"""netz status"""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from ._basis import TextJson, ausgeben, heute, konsole, lade, stichtag_option
from .app import befehl


@befehl("status")
def status(
    ctx: typer.Context,
    as_of: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--as-of", metavar="JJJJ-MM-TT", help="Stichtag (Vorgabe: heute)."),
    ] = None,
    format: Annotated[TextJson, typer.Option("--format", "-f", help="Ausgabeformat.")] = TextJson.text,
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
