"""netz log"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from ..kern.fehler import NetzFehler
from ._basis import darstellen, format_option, formatwahl
from ._schreiben import vervollstaendige_region

# Zur Laufzeit ein Enum aus der Tabelle der Renderer (Typer braucht es für die Auswahl);
# für den Typprüfer ist der Wert, was Typer übergibt: ein str.
if TYPE_CHECKING:
    Format = str
else:
    Format = formatwahl("regionslog")


def log(
    ctx: typer.Context,
    region: Annotated[
        Optional[list[str]],  # noqa: UP045 - mehrere Wörter: „netz log Kreis Wesel“
        typer.Argument(
            metavar="REGION",
            help="AGS oder Name, z. B. 05170, Wesel, Kreis Soest (mehrere Wörter ohne Anführungszeichen).",
            autocompletion=vervollstaendige_region,
            show_default=False,
        ),
    ] = None,
    format: Annotated[Format, format_option()] = "text",
) -> None:
    """Die Geschichte einer Region im Repository: jeder Commit an ihren Dateien, in netz' Worten."""
    from ..daten import git
    from ..daten.laden import lade_datenbestand
    from ..kern.bestand import Datenbestand
    from ..kern.namen import region_finden
    from ..kern.vergleich import Logeintrag, Regionslog, dateien

    wurzel = ctx.obj.wurzel()
    repo = git.repo_fuer(wurzel)
    # Die Region im Arbeitsbaum suchen; gültige Regionsdateien genügen dafür
    eingabe = " ".join(region or []).strip()
    if not eingabe:
        raise typer.BadParameter("REGION fehlt, z. B. netz log Kreis Wesel", param_hint="REGION")
    b = lade_datenbestand(wurzel)
    r = region_finden(eingabe, [d.modell for d in b.regionen], b.gemeinden)
    praefix = f"{r.ags}-"
    gelesen: dict[str, Datenbestand] = {}

    def stand(kennung: str | None) -> Datenbestand:
        if kennung is None:
            return Datenbestand(wurzel=wurzel)
        if kennung not in gelesen:
            try:
                gelesen[kennung] = lade_datenbestand(git.Revision(repo, kennung), praefix=praefix)
            except NetzFehler:  # vor dem ersten Commit mit Datenordner: noch keine Daten
                gelesen[kennung] = Datenbestand(wurzel=wurzel)
        return gelesen[kennung]

    eintraege = []
    for c in git.geschichte(repo, praefix):
        nachher = stand(c.kennung)
        vorher = stand(c.eltern[0] if c.eltern else None)
        try:
            tag: date | None = date.fromisoformat(c.datum)
        except ValueError:
            tag = None
        eintraege.append(
            Logeintrag(
                c.kennung, tag, c.autor, c.betreff, tuple(dateien(vorher, nachher)), tuple(nachher.probleme)
            )
        )
    darstellen("regionslog", format, Regionslog(r, tuple(eintraege)), "log")
