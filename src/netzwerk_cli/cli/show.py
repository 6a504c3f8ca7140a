"""netz show"""

from __future__ import annotations

from typing import Annotated

import typer

from ..exitcodes import Exit
from ._basis import AsOf, Format, TextJson, abbruch, ausgeben, heute, konsole, lade, stichtag_option
from .app import befehl


@befehl("show")
def show(
    ctx: typer.Context,
    region: Annotated[
        str, typer.Argument(metavar="REGION", help="AGS oder Name, z. B. 05315, Köln, „Kreis Soest“.")
    ],
    as_of: AsOf = None,
    format: Annotated[TextJson, Format] = TextJson.text,
) -> None:
    """Eine Region: Stand, alle Verträge mit Daten (und wie sicher sie sind), Quellen, Bemerkungen."""
    from .. import bericht
    from ..aufnehmen import Verweigert, region_finden

    stichtag = stichtag_option(as_of) or heute()
    bestand = lade(ctx.obj)
    try:
        r = region_finden(bestand, region)
    except Verweigert as e:
        abbruch(e.meldung, Exit.DATEN, e.hinweis)
    b = bericht.region_bericht(bestand, r, stichtag)
    if format is TextJson.json:
        from ..render import daten, formate

        ausgeben(formate.json_text(daten.region_bericht(b)))
    else:
        from ..render import text

        text.region(b, konsole())
