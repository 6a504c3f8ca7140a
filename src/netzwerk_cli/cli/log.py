"""netz log"""

from __future__ import annotations

from datetime import date
from typing import Annotated

import typer

from ..kern.fehler import NetzFehler
from ._basis import darstellen, format_option, formatwahl
from ._schreiben import vervollstaendige_region

Format = formatwahl("regionslog")


def log(
    ctx: typer.Context,
    region: Annotated[
        str,
        typer.Argument(
            metavar="REGION",
            help="AGS oder Name, z. B. 05170, Wesel, „Kreis Soest“.",
            autocompletion=vervollstaendige_region,
        ),
    ],
    format: Annotated[Format, format_option()] = Format.text,  # type: ignore[valid-type,attr-defined]
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
    r = region_finden(region, [d.modell for d in lade_datenbestand(wurzel).regionen])
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
