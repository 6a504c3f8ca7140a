"""netz offen"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Optional

import typer

from ._basis import Rev, darstellen, format_option, formatwahl, heute, lade

# Zur Laufzeit ein Enum aus der Tabelle der Renderer (Typer braucht es für die Auswahl);
# für den Typprüfer ist der Wert, was Typer übergibt: ein str.
if TYPE_CHECKING:
    Format = str
else:
    Format = formatwahl("offen")


def offen(
    ctx: typer.Context,
    limit: Annotated[
        # Text statt int: Typers Meldung für „--limit x“ wäre englisch
        Optional[str],  # noqa: UP045 - Typer wertet die Annotation zur Laufzeit aus
        typer.Option("--limit", "-n", metavar="N", help="Nur die ersten N Fragen der Rangfolge."),
    ] = None,
    rev: Rev = None,
    format: Annotated[Format, format_option()] = "text",
) -> None:
    """Offene Fragen: jede unsichere Zeitangabe, wie weit die veröffentlichten Zahlen sie
    einengen und welche Prüfpunkte eine Antwort entschiede – die wichtigsten zuerst."""
    from ..kern import offen as kern_offen

    n = None
    if limit is not None:
        if not limit.strip().isascii() or not limit.strip().isdigit() or int(limit) < 1:
            raise typer.BadParameter(
                f"„{limit}“ ist keine Anzahl von Fragen; bitte eine ganze Zahl ab 1, z. B. --limit 5",
                param_hint="--limit",
            )
        n = int(limit)

    bericht = kern_offen.offene_fragen(lade(ctx.obj, rev), heute())
    darstellen("offen", format, kern_offen.begrenzt(bericht, n), "offen")
