"""netz timeline, netz map, netz report"""

from __future__ import annotations

import errno
import os
from datetime import datetime, timezone
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NamedTuple, Optional

import typer

from ..kern.fehler import NetzFehler
from ._basis import AsOf, Rev, darstellen, format_option, formatwahl, heute, konsole, lade, stichtag_option

if TYPE_CHECKING:
    from ..kern.bericht import Uebersicht
    from ..kern.bestand import Datenbestand

Format = formatwahl("zeitreihe")


class Schritt(str, Enum):
    year = "year"
    month = "month"


def timeline(
    ctx: typer.Context,
    by: Annotated[
        Schritt, typer.Option("--by", help="Perioden: year (Jahre) oder month (Monate).")
    ] = Schritt.year,
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
    from ..kern.bericht import Zeitreihenbericht, beginn_der_zeitreihe
    from ..kern.zeitreihe import zeitreihe

    bestand = lade(ctx.obj, rev)
    anfang = stichtag_option(von, "--from") or beginn_der_zeitreihe(bestand)
    ende = stichtag_option(bis, "--to") or heute()
    if ende < anfang:
        raise typer.BadParameter(f"--to {ende} liegt vor --from {anfang}", param_hint="--to")
    perioden = zeitreihe(bestand, anfang, ende, by.value)
    darstellen("zeitreihe", format, Zeitreihenbericht(perioden, len(bestand.regionen)), "timeline")


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
    ab = abdeckung(regionen(bestand), vertraege(bestand), stichtag)
    if svg is None:
        from ..render import terminal

        terminal.kachelkarte(ab, konsole())
        return
    from ..daten.geo import lade_flaechen
    from ..render import svg as svg_render

    flaechen = lade_flaechen(bestand.wurzel, rev)
    _schreibe(svg, svg_render.karte(flaechen, ab, svg_render.stichtag_titel(stichtag)))
    konsole().print(f"Karte geschrieben: {svg} ({len(flaechen)} Regionen)")


def report(
    ctx: typer.Context,
    html: Annotated[
        Path,
        typer.Option("--html", metavar="DATEI", help="Zieldatei des HTML-Berichts; „-“ schreibt auf stdout."),
    ],
    as_of: AsOf = None,
    rev: Rev = None,
) -> None:
    """Ein eigenständiger HTML-Bericht: Zahlen, Karte, Verlauf, alle Regionen, Prüfpunkte, Quellen."""
    from ..kern import bericht
    from ..render import html as html_render
    from ..render import svg as svg_render

    stichtag = stichtag_option(as_of) or heute()
    bestand = lade(ctx.obj, rev)
    ue = bericht.uebersicht(bestand, stichtag, heute())
    teile = vorbereiten(bestand, ue, rev)
    seite = html_render.bericht(
        ue,
        svg_render.karte(teile.flaechen, ue.status.abdeckung, teile.titel, eigenstaendig=False),
        teile.zeitreihe_svg,
        teile.ergebnisse,
        teile.rahmen,
    )
    if str(html) == "-":
        from ._basis import ausgeben

        ausgeben(seite)
        return
    _schreibe(html, seite)
    konsole().print(f"Bericht geschrieben: {html}")


class Teile(NamedTuple):
    """Was Bericht und Website außer der Übersicht brauchen."""

    flaechen: list[Any]
    titel: str
    zeitreihe_svg: str
    ergebnisse: list[Any]
    rahmen: Any


def vorbereiten(bestand: Datenbestand, ue: Uebersicht, rev: str | None) -> Teile:
    """Grenzen, Verlauf, Prüfpunkte und Fußzeile – alles aus Sicht des Stichtags: ein Bericht
    „--as-of 06.05.2010“ kennt nichts, was danach geschah (auch keine späteren Prüfpunkte)."""
    from .. import __version__
    from ..daten.geo import lade_flaechen
    from ..daten.version import datenversion
    from ..kern.bericht import beginn_der_zeitreihe
    from ..kern.zeitreihe import zeitreihe
    from ..pruefen.pruefpunkte import pruefpunkte
    from ..render import html as html_render
    from ..render import svg as svg_render

    stichtag = ue.status.stichtag
    perioden = zeitreihe(bestand, beginn_der_zeitreihe(bestand), stichtag, "year")
    ziel = bestand.programm.modell.ziel.anzahl if bestand.programm else None
    zr = svg_render.zeitreihe(
        perioden, len(bestand.regionen), ziel, html_render.zeitreihe_titel(stichtag, heute())
    )
    ergebnisse = [
        e
        for e in pruefpunkte(bestand, stichtag)
        if e.punkt.datum is None or e.punkt.datum.moeglich_bis(stichtag)
    ]
    v = datenversion(bestand, rev)
    if v.art == "git":
        version = f"git-Commit {v.kurz}" + (" mit lokalen Änderungen" if v.geaendert else "")
    else:
        version = f"Fingerabdruck der Daten {v.kurz} (kein git-Repository)"
    rahmen = html_render.Rahmen(version, jetzt(), __version__)
    return Teile(
        lade_flaechen(bestand.wurzel, rev), svg_render.stichtag_titel(stichtag), zr, ergebnisse, rahmen
    )


def jetzt() -> datetime:
    """Zeitpunkt der Erstellung: ``SOURCE_DATE_EPOCH`` (reproduzierbare Ausgaben) oder jetzt –
    mit dem Tag aus ``NETZ_HEUTE``, wenn gesetzt."""
    epoche = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoche.isdigit():
        return datetime.fromtimestamp(int(epoche), tz=timezone.utc).astimezone()
    t = datetime.now().astimezone()
    h = heute()
    return t.replace(year=h.year, month=h.month, day=h.day) if h != t.date() else t


def _schreibe(pfad: Path, text: str) -> None:
    from ..daten.schreiben import schreibe_datei
    from ..kern.fehler import Exit, os_fehler

    try:
        schreibe_datei(pfad, text.encode("utf-8"))
    except OSError as e:
        code = Exit.UMGEBUNG if e.errno in UMGEBUNG_FEHLER else Exit.DATEN
        grund = f"den Ordner {pfad.parent} gibt es nicht" if e.errno == errno.ENOENT else os_fehler(e)
        raise NetzFehler(f"{pfad} lässt sich nicht schreiben: {grund}.", code=code) from None


# Fehler, bei denen sich die Umgebung verweigert (Exit 4) – nicht die Angabe des Nutzers
_NAMEN = ("ENOSPC", "EROFS", "EACCES", "EPERM", "EDQUOT", "EIO")
UMGEBUNG_FEHLER = {getattr(errno, name) for name in _NAMEN if hasattr(errno, name)}
