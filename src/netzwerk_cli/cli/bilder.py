"""netz timeline, netz map, netz report"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from ..kern.fehler import NetzFehler
from ._basis import AsOf, Rev, darstellen, format_option, formatwahl, heute, konsole, lade, stichtag_option

Format = formatwahl("zeitreihe")


class Schritt(str, Enum):
    year = "year"
    month = "month"


# --by auf Deutsch wie auf Englisch; gezeigt werden die deutschen Namen
_SCHRITTE = {"jahr": Schritt.year, "monat": Schritt.month, "year": Schritt.year, "month": Schritt.month}
_SCHRITTE_MEHRZAHL = {"jahre": "jahr", "monate": "monat", "years": "year", "months": "month"}


def _schritt(wert: str) -> Schritt:
    from ..kern.namen import waehle

    treffer, vorschlaege = waehle(_SCHRITTE_MEHRZAHL.get(wert.strip().casefold(), wert), tuple(_SCHRITTE))
    if treffer is None:
        deutsch = {"year": "jahr", "month": "monat"}
        meinten = " oder ".join(f"„{v}“" for v in dict.fromkeys(deutsch.get(v, v) for v in vorschlaege))
        raise typer.BadParameter(
            f"„{wert}“ gibt es nicht."
            + (f" Meinten Sie {meinten}?" if meinten else "")
            + " Erlaubt: „jahr“, „monat“",
            param_hint="--by",
        )
    return _SCHRITTE[treffer]


def timeline(
    ctx: typer.Context,
    by: Annotated[
        str,
        typer.Option(
            "--by", metavar="PERIODE", help="Perioden: jahr (Jahre) oder monat (Monate); auch year, month."
        ),
    ] = "jahr",
    von: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--from", metavar="DATUM", help="Beginn, z. B. 01.01.2008 (Vorgabe: erste Verträge)."),
    ] = None,
    bis: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--to", metavar="DATUM", help="Ende, z. B. 31.12.2012 (Vorgabe: heute)."),
    ] = None,
    rev: Rev = None,
    format: Annotated[Format, format_option()] = Format.text,  # type: ignore[valid-type,attr-defined]
) -> None:
    """Abdeckung über die Zeit: sicher und möglich je Periode, neue und beendete Verträge, Meilensteine."""
    from ..kern.bericht import Zeitreihenbericht, anzahl_regionen, beginn_der_zeitreihe
    from ..kern.zeitreihe import zeitreihe

    schritt = _schritt(by)  # ein Aufruffehler vor dem Laden
    bestand = lade(ctx.obj, rev)
    anfang = stichtag_option(von, "--from") or beginn_der_zeitreihe(bestand)
    ende = stichtag_option(bis, "--to") or heute()
    if ende < anfang:
        raise typer.BadParameter(f"--to {ende} liegt vor --from {anfang}", param_hint="--to")
    perioden = zeitreihe(bestand, anfang, ende, schritt.value)
    darstellen("zeitreihe", format, Zeitreihenbericht(perioden, anzahl_regionen(bestand, ende)), "timeline")


def karte(
    ctx: typer.Context,
    as_of: AsOf = None,
    rev: Rev = None,
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
    from ..kern.abdeckung import abdeckung
    from ..kern.bericht import regionen, vertraege

    stichtag = stichtag_option(as_of) or heute()
    bestand = lade(ctx.obj, rev)
    ab = abdeckung(regionen(bestand), vertraege(bestand), stichtag, bestand.programmbeginn)
    if svg is None:
        from ..render import terminal

        terminal.kachelkarte(ab, konsole())
        return
    from ..daten.geo import lade_flaechen
    from ..render import svg as svg_render

    flaechen = lade_flaechen(bestand.wurzel, rev)
    _schreibe(svg, svg_render.karte(flaechen, ab, svg_render.stichtag_titel(stichtag)))
    n = ab.gesamt.gesamt
    anzahl = (
        f"{len(flaechen)} Regionen"
        if n == len(flaechen)
        else f"{len(flaechen)} Flächen; am Stichtag {n} {'Region' if n == 1 else 'Regionen'}"
    )
    konsole().print(f"Karte geschrieben: {svg} ({anzahl})")


def report(
    ctx: typer.Context,
    html: Annotated[Path, typer.Option("--html", metavar="DATEI", help="Zieldatei des HTML-Berichts.")],
    as_of: AsOf = None,
    rev: Rev = None,
) -> None:
    """Ein eigenständiger HTML-Bericht: Zahlen, Karte, Verlauf, alle Regionen, Prüfpunkte, Quellen."""
    from ..daten.geo import lade_flaechen
    from ..kern import bericht
    from ..kern.zeitreihe import zeitreihe
    from ..pruefen.pruefpunkte import pruefpunkte
    from ..render import html as html_render
    from ..render import svg as svg_render

    stichtag = stichtag_option(as_of) or heute()
    bestand = lade(ctx.obj, rev)
    b = bericht.status(bestand, stichtag)
    flaechen = lade_flaechen(bestand.wurzel, rev)
    titel = svg_render.stichtag_titel(stichtag)
    perioden = zeitreihe(bestand, bericht.beginn_der_zeitreihe(bestand), stichtag, "year")
    ziel = bestand.programm.modell.ziel.anzahl if bestand.programm else None
    seite = html_render.bericht(
        bericht.anzahl_regionen(bestand, stichtag),
        len(bestand.vertraege),
        b,
        svg_render.karte(flaechen, b.abdeckung, titel, eigenstaendig=False),
        svg_render.zeitreihe(
            perioden,
            max((p.zaehlung.gesamt for p in perioden), default=0),
            ziel,
            "Regionen mit Netzwerk am Jahresende",
        ),
        pruefpunkte(bestand, heute()),
        heute(),
    )
    _schreibe(html, seite)
    konsole().print(f"Bericht geschrieben: {html}")


def _schreibe(pfad: Path, text: str) -> None:
    from ..kern.fehler import os_fehler

    try:
        pfad.write_text(text, encoding="utf-8")
    except OSError as e:
        raise NetzFehler(f"{pfad} lässt sich nicht schreiben: {os_fehler(e)}") from None
