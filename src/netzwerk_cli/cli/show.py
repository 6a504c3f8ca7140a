"""netz show"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from ._basis import AsOf, Rev, darstellen, format_option, formatwahl, heute, lade, stichtag_option
from ._schreiben import vervollstaendige_region

# Zur Laufzeit ein Enum aus der Tabelle der Renderer (Typer braucht es für die Auswahl);
# für den Typprüfer ist der Wert, was Typer übergibt: ein str.
if TYPE_CHECKING:
    Format = str
else:
    Format = formatwahl("region")


def show(
    ctx: typer.Context,
    region: Annotated[
        list[str],  # mehrere Wörter: „netz show Kreis Wesel“ ohne Anführungszeichen
        typer.Argument(
            metavar="REGION",
            help="AGS oder Name, z. B. 05315, Köln, Kreis Soest (auch ohne Anführungszeichen).",
            autocompletion=vervollstaendige_region,
        ),
    ],
    as_of: AsOf = None,
    rev: Rev = None,
    format: Annotated[Format, format_option()] = "text",
) -> None:
    """Eine Region: Stand, alle Verträge mit Daten (und wie sicher sie sind), Quellen, Bemerkungen."""
    from ..kern import bericht
    from ..kern.namen import region_finden

    stichtag = stichtag_option(as_of) or heute()
    eingabe = " ".join(region)
    bestand = lade(ctx.obj, rev, region=eingabe)  # Fehler anderer Regionen: nur eine Warnung
    r = region_finden(eingabe, [d.modell for d in bestand.regionen], bestand.gemeinden)
    darstellen("region", format, bericht.region_bericht(bestand, r, stichtag), "show")
