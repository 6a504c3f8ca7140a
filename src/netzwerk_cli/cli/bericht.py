"""netz report: der eigenständige Bericht als HTML oder PDF – und die Teile, die er mit
``netz site`` teilt (Grenzen, Verlauf, Prüfpunkte, Fußzeile)."""

from __future__ import annotations

import os
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NamedTuple, Optional

import typer

from ..kern.fehler import Exit, NetzFehler
from ._basis import AsOf, Rev, heute, konsole, lade, schreibe_bytes, schreibe_text, stichtag_option

if TYPE_CHECKING:
    from ..kern.bericht import Uebersicht
    from ..kern.bestand import Datenbestand


def report(
    ctx: typer.Context,
    html: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            "--html",
            metavar="DATEI",
            help="Zieldatei des HTML-Berichts (Endung .html); „-“ schreibt auf stdout.",
        ),
    ] = None,
    pdf: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            "--pdf",
            metavar="DATEI",
            help="Zieldatei des Berichts zum Drucken (Endung .pdf): A4, Seitenzahlen, Datenstand und "
            "Stichtag in der Fußzeile.",
        ),
    ] = None,
    as_of: AsOf = None,
    rev: Rev = None,
) -> None:
    """Ein eigenständiger Bericht (HTML oder PDF): Zahlen, Karte, Verlauf, Regionen, Prüfpunkte, Quellen."""
    from ..kern import bericht
    from ..render import html as html_render
    from ..render import svg as svg_render

    _berichtsziele(html, pdf)
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
        kleine_karten=teile.kleine_karten,
        offen=teile.offen,
    )
    if pdf is not None:
        from ..render.pdf import PdfFehlt
        from ..render.pdf import pdf as drucke

        try:
            inhalt = drucke(seite)
        except PdfFehlt as e:
            raise NetzFehler(
                f"Das PDF lässt sich nicht setzen: WeasyPrint oder Pango fehlt ({e}).",
                "Einrichten wie im README („PDF-Bericht“): apt-get install libpango-1.0-0 "
                "libpangoft2-1.0-0, dann make status; oder --html DATEI und aus dem Browser drucken.",
                Exit.UMGEBUNG,
            ) from None
        schreibe_bytes(pdf, inhalt)
        konsole().print(f"Bericht geschrieben: {pdf}")
    if html is None:
        return
    if str(html) == "-":
        from ._basis import ausgeben

        ausgeben(seite)
        return
    schreibe_text(html, seite)
    konsole().print(f"Bericht geschrieben: {html}")


_BERICHT_ENDUNGEN = {"--html": (".html", ".htm"), "--pdf": (".pdf",)}


def _berichtsziele(html: Path | None, pdf: Path | None) -> None:
    """Die Endung entscheidet: HTML in einer .pdf-Datei öffnet kein PDF-Programm (und eine
    .docx-Datei schreibt netz gar nicht) – der Fehler fiele erst beim Empfänger auf."""
    if html is None and pdf is None:
        raise NetzFehler(
            "Wohin soll der Bericht? --html DATEI oder --pdf DATEI angeben.",
            "z. B. netz report --pdf bericht.pdf (zum Drucken) oder netz report --html bericht.html",
            Exit.AUFRUF,
        )
    for option, pfad in (("--html", html), ("--pdf", pdf)):
        if pfad is None or (option == "--html" and str(pfad) == "-"):
            continue
        endung = pfad.suffix.lower()
        if endung in _BERICHT_ENDUNGEN[option]:
            continue
        if str(pfad) == "-":
            grund = "ein PDF gehört in eine Datei, nicht auf die Standardausgabe"
            raise typer.BadParameter(f"{grund}, z. B. --pdf bericht.pdf", param_hint=option)
        stamm = pfad.with_suffix("") if pfad.suffix and pfad.stem else pfad
        passend = next((o for o, e in _BERICHT_ENDUNGEN.items() if endung in e), None)
        if passend is not None:
            grund = (
                f"{option} schreibt {'HTML' if option == '--html' else 'PDF'}, die Endung {endung} "
                f"verspricht etwas anderes; für {passend[2:].upper()}: {passend} {pfad}"
            )
        else:
            art = f"kein {endung.lstrip('.').upper()}" if endung else "nur HTML oder PDF"
            grund = (
                f"netz schreibt den Bericht als HTML oder PDF, {art}; z. B. --pdf {stamm}.pdf "
                f"oder --html {stamm}.html"
            )
        raise typer.BadParameter(grund, param_hint=option)


class Teile(NamedTuple):
    """Was Bericht und Website außer der Übersicht brauchen."""

    flaechen: list[Any]
    titel: str
    zeitreihe_svg: str
    ergebnisse: list[Any]
    rahmen: Any
    kleine_karten: str = ""  # die Karte zu den Meilensteinjahren (kleine Vielfache)
    offen: Any = None  # die offenen Fragen (kern.offen.OffenBericht), nur für den Stand heute


def vorbereiten(bestand: Datenbestand, ue: Uebersicht, rev: str | None) -> Teile:
    """Grenzen, Verlauf, Prüfpunkte und Fußzeile – alles aus Sicht des Stichtags: ein Bericht
    „--as-of 06.05.2010“ kennt nichts, was danach geschah (auch keine späteren Prüfpunkte)."""
    from .. import __version__
    from ..daten.geo import flaechen as grenzflaechen
    from ..daten.version import datenversion
    from ..kern.bericht import beginn_der_zeitreihe
    from ..kern.zeitreihe import zeitreihe
    from ..pruefen.pruefpunkte import pruefpunkte
    from ..render import html as html_render
    from ..render import svg as svg_render

    stichtag = ue.status.stichtag
    perioden = zeitreihe(bestand, beginn_der_zeitreihe(bestand), stichtag, "year")
    ziel = bestand.programm.modell.ziel.anzahl if bestand.programm else None
    # die Höhe der Achse: die meisten Regionen einer Periode (54 bis zum 20.10.2009)
    hoechstens = max((p.zaehlung.gesamt for p in perioden), default=0)
    zr = svg_render.zeitreihe(perioden, hoechstens, ziel, svg_render.zeitreihe_titel(perioden, heute()))
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
    from ..kern.bericht import regionen, vertraege
    from ..kern.karten import kartenstaende, meilensteinjahre
    from ..kern.offen import offene_fragen

    flaechen = grenzflaechen(bestand)
    staende = kartenstaende(
        regionen(bestand), vertraege(bestand), meilensteinjahre(stichtag), stichtag, bestand.programmbeginn
    )
    kleine = svg_render.karten_zeitreihe(
        flaechen, staende, "Am Ende der Meilensteinjahre", heute(), eigenstaendig=False
    )
    # offene Fragen betreffen die ganze Überlieferung, nicht einen Stichtag in der Vergangenheit
    offen = offene_fragen(bestand, heute()) if ue.ist_heute else None
    return Teile(flaechen, svg_render.stichtag_titel(stichtag), zr, ergebnisse, rahmen, kleine, offen)


def jetzt() -> datetime:
    """Zeitpunkt der Erstellung: ``SOURCE_DATE_EPOCH`` (reproduzierbare Ausgaben) oder jetzt –
    mit dem Tag aus ``NETZ_HEUTE``, wenn gesetzt."""
    epoche = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoche:
        return _epoche(epoche)
    t = datetime.now().astimezone()
    h = heute()
    return t.replace(year=h.year, month=h.month, day=h.day) if h != t.date() else t


def _epoche(epoche: str) -> datetime:
    """``SOURCE_DATE_EPOCH``: Sekunden seit 1970 als ganze Dezimalzahl (reproducible-builds.org),
    sonst ein Aufruffehler – kein stilles „jetzt“, kein interner Fehler bei Jahr 10000."""
    from ..render.sicher import sichtbar

    hinweis = (
        "Sekunden seit dem 01.01.1970 (UTC) angeben, z. B. „SOURCE_DATE_EPOCH=$(git log -1 --format=%ct)“."
    )
    if not (epoche.isascii() and epoche.isdigit()):
        raise NetzFehler(
            f"SOURCE_DATE_EPOCH={sichtbar(epoche[:40])} ist keine Zeitangabe in Sekunden.",
            hinweis,
            Exit.AUFRUF,
        )
    try:
        if len(epoche) > 12:  # int() einer sehr langen Ziffernfolge kostet quadratisch
            raise ValueError
        t = datetime.fromtimestamp(int(epoche), tz=timezone.utc).astimezone()
        if t.year > 9998:  # Fußzeilen und Feed rechnen mit dem Tag danach
            raise ValueError
    except (OverflowError, ValueError, OSError):
        raise NetzFehler(
            f"SOURCE_DATE_EPOCH={epoche} liegt außerhalb des darstellbaren Zeitraums (bis zum Jahr 9998).",
            hinweis,
            Exit.AUFRUF,
        ) from None
    return t
