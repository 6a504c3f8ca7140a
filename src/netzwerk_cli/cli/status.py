"""netz status"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from ._basis import AsOf, Rev, darstellen, format_option, formatwahl, heute, lade, stichtag_option

# Zur Laufzeit ein Enum aus der Tabelle der Renderer (Typer braucht es für die Auswahl);
# für den Typprüfer ist der Wert, was Typer übergibt: ein str.
if TYPE_CHECKING:
    Format = str
else:
    Format = formatwahl("status")


def status(
    ctx: typer.Context,
    as_of: AsOf = None,
    rev: Rev = None,
    format: Annotated[Format, format_option()] = "text",
) -> None:
    """Stand der Abdeckung: wie viele der 53 Regionen ein Netzwerk haben, Ziel, Aufteilung."""
    from ..kern import bericht

    stichtag = stichtag_option(as_of) or heute()
    darstellen("status", format, bericht.status(lade(ctx.obj, rev), stichtag), "status")
