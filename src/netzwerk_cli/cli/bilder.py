"""netz timeline, netz map: der Verlauf und die Karte – im Terminal oder als SVG."""

from __future__ import annotations

from datetime import date
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from ..kern.fehler import Exit, NetzFehler
from ._basis import (
    AsOf,
    Rev,
    ausgeben,
    darstellen,
    format_option,
    formatwahl,
    heute,
    konsole,
    lade,
    schreibe_text,
    stichtag_option,
)

if TYPE_CHECKING:
    pass

# Zur Laufzeit ein Enum aus der Tabelle der Renderer (Typer braucht es für die Auswahl);
# für den Typprüfer ist der Wert, was Typer übergibt: ein str.
if TYPE_CHECKING:
    Format = str
else:
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
    format: Annotated[Format, format_option()] = "text",
    svg: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--svg",
            metavar="DATEI",
            help="Statt der Tabelle ein Säulendiagramm als SVG schreiben (Endung .svg; - für die "
            "Standardausgabe).",
        ),
    ] = None,
) -> None:
    """Abdeckung über die Zeit: sicher und möglich je Periode, neue und beendete Verträge, Meilensteine."""
    from ..kern.bericht import Zeitreihenbericht, anzahl_regionen, beginn_der_zeitreihe
    from ..kern.zeitreihe import zeitreihe

    schritt = _schritt(by)  # ein Aufruffehler vor dem Laden
    ziel = _svg_ziel(svg)
    if ziel is not None and format != "text":
        raise typer.BadParameter(
            "--svg schreibt ein Bild; --format gilt nur ohne --svg", param_hint="--format"
        )
    bestand = lade(ctx.obj, rev)
    anfang = stichtag_option(von, "--from") or beginn_der_zeitreihe(bestand)
    ende = stichtag_option(bis, "--to") or heute()
    if ende < anfang:
        raise typer.BadParameter(f"--to {ende} liegt vor --from {anfang}", param_hint="--to")
    perioden = zeitreihe(bestand, anfang, ende, schritt.value)
    if ziel is not None:
        from ..render import svg as svg_render

        zielzahl = bestand.programm.modell.ziel.anzahl if bestand.programm else None
        titel = svg_render.zeitreihe_titel(perioden, heute(), schritt.value)
        # die Höhe der Achse: die meisten Regionen einer Periode (54 bis zum 20.10.2009)
        hoechstens = max((p.zaehlung.gesamt for p in perioden), default=0)
        _bild(ziel, svg_render.zeitreihe(perioden, hoechstens, zielzahl, titel) + "\n")
        if ziel != "-":
            konsole().print(f"Diagramm geschrieben: {ziel} ({len(perioden)} Perioden)")
        return
    darstellen("zeitreihe", format, Zeitreihenbericht(perioden, anzahl_regionen(bestand, ende)), "timeline")


class Namen(str, Enum):
    fehlend = "fehlend"
    alle = "alle"
    keine = "keine"


def karte(
    ctx: typer.Context,
    as_of: AsOf = None,
    rev: Rev = None,
    svg: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--svg",
            metavar="DATEI",
            help="Statt der Kachelkarte eine SVG-Karte der echten Grenzen schreiben (Endung .svg; "
            "- für die Standardausgabe).",
        ),
    ] = None,
    namen: Annotated[
        Optional[Namen],  # noqa: UP045
        typer.Option(
            "--labels",
            help="Welche Namen die SVG-Karte zeigt: fehlend (ohne und ungewiss, Vorgabe), alle "
            "oder keine. Im HTML-Bericht und auf der Website schaltet „Namen: … alle …“ unter der Karte um.",
        ),
    ] = None,
    reihe: Annotated[
        bool,
        typer.Option(
            "--zeitreihe",
            help="Kleine Karten zu den Meilensteinjahren 2008, 2009, 2010, 2012, 2013, 2019 und "
            "bis heute in einem SVG (mit --svg).",
        ),
    ] = False,
    jahre: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--jahre",
            metavar="JAHRE",
            help="Andere Jahre für --zeitreihe, z. B. 2008,2010,2026; ein Bild zeigt das Jahresende, "
            "das laufende Jahr den Stand bis heute (bzw. bis --as-of).",
        ),
    ] = None,
) -> None:
    """Karte von NRW: im Terminal als Kacheln, mit --svg als Karte der Grenzen (BKG VG5000)."""
    from ..kern.bericht import kartenabdeckung, regionen, vertraege

    ziel = _svg_ziel(svg)
    reihe = reihe or jahre is not None
    if ziel is None and (reihe or namen is not None):
        option = "--labels" if namen is not None and not reihe else "--jahre" if jahre else "--zeitreihe"
        beispiel = "--zeitreihe --svg karten.svg" if reihe else f"--svg karte.svg --labels {namen.value}"  # type: ignore[union-attr]  # ohne reihe ist namen gesetzt
        raise NetzFehler(
            f"{option} gilt für ein Bild und braucht --svg DATEI.", f"z. B. netz map {beispiel}", Exit.AUFRUF
        )
    if reihe and namen is not None:
        raise NetzFehler(
            "--labels gilt für die einzelne Karte; die kleinen Karten von --zeitreihe tragen keine Namen "
            "(der Tooltip nennt sie).",
            code=Exit.AUFRUF,
        )
    stichtag = stichtag_option(as_of) or heute()
    liste = _jahre(jahre, stichtag) if jahre is not None else None
    bestand = lade(ctx.obj, rev)
    ab = kartenabdeckung(bestand, stichtag)
    if ziel is None:
        from ..render import karte

        karte.kachelkarte(ab, konsole(), {r.ags: r.name for r in regionen(bestand)})
        return
    from ..daten.geo import flaechen as grenzflaechen
    from ..render import svg as svg_render

    flaechen = grenzflaechen(bestand)
    if reihe:
        from ..kern.karten import kartenstaende, meilensteinjahre

        staende = kartenstaende(
            regionen(bestand),
            vertraege(bestand),
            meilensteinjahre(stichtag, liste),
            stichtag,
            bestand.programmbeginn,
        )
        titel = "Regionale Bildungsnetzwerke in NRW über die Zeit"
        _bild(ziel, svg_render.karten_zeitreihe(flaechen, staende, titel, heute()))
        if ziel != "-":
            jahreszahlen = ", ".join(str(k.jahr) for k in staende)
            konsole().print(f"Karten geschrieben: {ziel} ({len(staende)} Bilder: {jahreszahlen})")
        return
    text = svg_render.karte(
        flaechen, ab, svg_render.stichtag_titel(stichtag), beschriftung=(namen or Namen.fehlend).value
    )
    _bild(ziel, text)
    if ziel != "-":
        n = ab.gesamt.gesamt
        anzahl = (
            f"{len(flaechen)} Regionen"
            if n == len(flaechen)
            else f"{len(flaechen)} Flächen; am Stichtag {n} {'Region' if n == 1 else 'Regionen'}"
        )
        konsole().print(f"Karte geschrieben: {ziel} ({anzahl})")


def _jahre(wert: str, stichtag: date) -> list[int]:
    """„2008,2010, 2026“ → [2008, 2010, 2026]; ein Jahr nach dem Stichtag hat noch keine Karte."""
    from ..kern.datum import deutsch_tag

    out = []
    for teil in wert.replace(";", ",").replace(" ", ",").split(","):
        if not teil:
            continue
        if not (teil.isascii() and teil.isdigit() and len(teil) == 4):
            raise typer.BadParameter(
                f"„{teil}“ ist keine Jahreszahl; erwartet z. B. 2008,2010,{stichtag.year}",
                param_hint="--jahre",
            )
        if int(teil) > stichtag.year:
            raise typer.BadParameter(
                f"{teil} liegt nach dem Stichtag {deutsch_tag(stichtag)}; dafür gibt es noch keine Karte",
                param_hint="--jahre",
            )
        out.append(int(teil))
    if not out:
        raise typer.BadParameter(
            f"keine Jahreszahl; erwartet z. B. 2008,2010,{stichtag.year}", param_hint="--jahre"
        )
    return out


# Endungen, unter denen jemand ein Bild erwartet, das netz nicht schreibt
_BILDFORMATE = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".pdf": "PDF", ".gif": "GIF", ".webp": "WebP"}


def _svg_ziel(wert: str | None) -> str | None:
    """Das Ziel von --svg: „-“ für die Standardausgabe, sonst eine Datei mit der Endung .svg –
    SVG in einer .png-Datei öffnet kein Bildprogramm, und der Fehler fiele erst beim Empfänger auf."""
    if wert is None or wert == "-":
        return wert
    pfad = Path(wert)
    endung = pfad.suffix.lower()
    if endung == ".svg":
        return wert
    vorschlag = str(pfad.with_suffix(".svg")) if pfad.suffix and pfad.stem else f"{wert}.svg"
    if endung in _BILDFORMATE:
        grund = (
            f"netz schreibt SVG, kein {_BILDFORMATE[endung]}; Zieldatei mit der Endung .svg angeben, "
            f"z. B. --svg {vorschlag} (ein {_BILDFORMATE[endung]} daraus: die SVG-Datei im Browser öffnen "
            "und drucken oder speichern)"
        )
    else:
        grund = f"die Zieldatei braucht die Endung .svg, z. B. --svg {vorschlag}"
    raise typer.BadParameter(grund, param_hint="--svg")


def _bild(ziel: str, text: str) -> None:
    """Ein SVG in die Datei oder – bei „-“ – auf die Standardausgabe."""
    if ziel == "-":
        ausgeben(text)
    else:
        schreibe_text(Path(ziel), text)
