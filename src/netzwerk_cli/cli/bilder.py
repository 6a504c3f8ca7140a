"""netz timeline, netz map, netz report"""

from __future__ import annotations

from datetime import date
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from ..exitcodes import Exit
from ._basis import AsOf, Format, abbruch, ausgeben, heute, konsole, lade, stichtag_option
from .app import befehl

if TYPE_CHECKING:
    from ..laden import Datenbestand


class Zeitformat(str, Enum):
    text = "text"
    json = "json"
    csv = "csv"


class Schritt(str, Enum):
    year = "year"
    month = "month"


@befehl("timeline")
def timeline(
    ctx: typer.Context,
    by: Annotated[
        Schritt, typer.Option("--by", help="Perioden: year (Jahre) oder month (Monate).")
    ] = Schritt.year,
    von: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--from", metavar="JJJJ-MM-TT", help="Beginn (Vorgabe: erste Verträge)."),
    ] = None,
    bis: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--to", metavar="JJJJ-MM-TT", help="Ende (Vorgabe: heute)."),
    ] = None,
    format: Annotated[Zeitformat, Format] = Zeitformat.text,
) -> None:
    """Abdeckung über die Zeit: sicher und möglich je Periode, neue und beendete Verträge, Meilensteine."""
    from ..render import formate
    from ..zeitreihe import zeitreihe

    bestand = lade(ctx.obj)
    anfang = stichtag_option(von, "--from") or _erste(bestand)
    ende = stichtag_option(bis, "--to") or heute()
    if ende < anfang:
        raise typer.BadParameter(f"--to {ende} liegt vor --from {anfang}", param_hint="--to")
    perioden = zeitreihe(bestand, anfang, ende, by.value)
    if format is Zeitformat.json:
        ausgeben(formate.json_text(formate.zeitreihe_daten(perioden, len(bestand.regionen))))
    elif format is Zeitformat.csv:
        ausgeben(formate.zeitreihe_csv(perioden))
    else:
        from ..render import terminal

        terminal.zeitreihe(perioden, len(bestand.regionen), konsole())


def _erste(bestand: Datenbestand) -> date:
    """Der 1. Januar des Jahres der ersten Verträge (Beginn von Zeitreihe und Bericht)."""
    if bestand.programm is not None:
        d = bestand.programm.modell.erste_vertraege
        return date(d.year, 1, 1)
    return date(2008, 1, 1)


@befehl("map")
def karte(
    ctx: typer.Context,
    as_of: AsOf = None,
    svg: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            "--svg",
            metavar="DATEI",
            help="Statt der Kachelkarte eine SVG-Karte der echten Grenzen schreiben.",
        ),
    ] = None,
) -> None:
    """Karte von NRW: im Terminal als Kacheln, mit --svg als Karte der Grenzen (BKG VG5000)."""
    from ..abdeckung import abdeckung
    from ..bericht import regionen, vertraege

    stichtag = stichtag_option(as_of) or heute()
    bestand = lade(ctx.obj)
    ab = abdeckung(regionen(bestand), vertraege(bestand), stichtag)
    if svg is None:
        from ..render import terminal

        terminal.kachelkarte(ab, konsole())
        return
    from ..geo import KeineGrenzen, lade_flaechen
    from ..render import svg as svg_render

    try:
        flaechen = lade_flaechen(bestand.wurzel)
    except KeineGrenzen as e:
        abbruch(str(e), Exit.DATEN)
    _schreibe(svg, svg_render.karte(flaechen, ab, svg_render.stichtag_titel(stichtag)))
    konsole().print(f"Karte geschrieben: {svg} ({len(flaechen)} Regionen)", markup=False)


@befehl("report")
def report(
    ctx: typer.Context,
    html: Annotated[Path, typer.Option("--html", metavar="DATEI", help="Zieldatei des HTML-Berichts.")],
    as_of: AsOf = None,
) -> None:
    """Ein eigenständiger HTML-Bericht: Zahlen, Karte, Verlauf, alle Regionen, Prüfpunkte, Quellen."""
    from .. import bericht
    from ..geo import KeineGrenzen, lade_flaechen
    from ..pruefungen import pruefpunkte
    from ..render import html as html_render
    from ..render import svg as svg_render
    from ..zeitreihe import zeitreihe

    stichtag = stichtag_option(as_of) or heute()
    bestand = lade(ctx.obj)
    b = bericht.status(bestand, stichtag)
    try:
        flaechen = lade_flaechen(bestand.wurzel)
    except KeineGrenzen as e:
        abbruch(str(e), Exit.DATEN)
    titel = svg_render.stichtag_titel(stichtag)
    anfang = _erste(bestand)
    perioden = zeitreihe(bestand, anfang, stichtag, "year")
    ziel = bestand.programm.modell.ziel.anzahl if bestand.programm else None
    seite = html_render.bericht(
        bestand,
        b,
        svg_render.karte(flaechen, b.abdeckung, titel, eigenstaendig=False),
        svg_render.zeitreihe(perioden, len(bestand.regionen), ziel, "Regionen mit Netzwerk am Jahresende"),
        pruefpunkte(bestand, heute()),
        heute(),
    )
    _schreibe(html, seite)
    konsole().print(f"Bericht geschrieben: {html}", markup=False)


def _schreibe(pfad: Path, text: str) -> None:
    try:
        pfad.write_text(text, encoding="utf-8")
    except OSError as e:
        from ..probleme import os_fehler

        abbruch(f"{pfad} lässt sich nicht schreiben: {os_fehler(e)}", Exit.DATEN)
