"""``netz map`` im Terminal: die Kachelkarte der 53 Regionen (passt in 80 Spalten)."""

from __future__ import annotations

from collections.abc import Mapping

from rich.console import Console as Konsole
from rich.text import Text

from ..kern.abdeckung import Abdeckung, Stand
from ..kern.datum import deutsch_tag
from ..kern.geo import KACHELN, SPALTEN, ZEILEN, kurzname
from .bausteine import STAND_KURZ, STAND_STIL, kurz
from .sicher import sichtbar

ZEICHEN = {Stand.MIT: "█", Stand.UNGEWISS: "▒", Stand.OHNE: "·"}


def kachelkarte(ab: Abdeckung, con: Konsole, namen: Mapping[str, str] | None = None) -> None:
    """Jede Region eine Kachel, ungefähr an ihrem Ort; je Kachel Name und Zeichen für den Stand.

    Eine Kachel, deren Region am Stichtag nicht zählt (vor dem Programmbeginn), zeigt wie die
    SVG-Karte „kein Netzwerk“ unter ihrem Namen aus ``namen`` (AGS → Name)."""
    staende = ab.fuer_karte()  # mit den Gebieten späterer Regionen (Vorgänger zusammengefasst)
    con.print(Text(f"NRW am {deutsch_tag(ab.stichtag)}: {kurz(ab.gesamt)}", style="bold"))
    raster: dict[tuple[int, int], str] = {zelle: ags for ags, zelle in KACHELN.items()}
    for r in range(ZEILEN):
        oben, unten = Text(), Text()
        for c in range(SPALTEN):
            ags = raster.get((r, c))
            s = staende.get(ags) if ags else None
            name = s.region.name if s is not None else (namen or {}).get(ags or "")
            if ags is None or name is None:
                oben.append(" " * 7)
                unten.append(" " * 7)
                continue
            stand = s.stand if s is not None else Stand.OHNE
            stil = STAND_STIL[stand]
            oben.append(f"{kurzname(ags, sichtbar(name)):<6} ", style=stil)
            unten.append(ZEICHEN[stand] * 6 + " ", style=stil)
        oben.rstrip()
        unten.rstrip()
        con.print(oben, no_wrap=True, overflow="crop")
        con.print(unten, no_wrap=True, overflow="crop")
    legende = Text()
    for stand in (Stand.MIT, Stand.UNGEWISS, Stand.OHNE):
        legende.append(f"{ZEICHEN[stand] * 2} {STAND_KURZ[stand]}   ", style=STAND_STIL[stand])
    con.print(legende)
    for hinweis in ab.kartenhinweise:
        con.print(sichtbar(hinweis))
    fehlt = [a for a in staende if a not in KACHELN]
    if fehlt:  # eine Region ohne Kachel (neue Daten) wird wenigstens genannt
        con.print(f"Ohne Kachel: {', '.join(sichtbar(staende[a].region.bezeichnung) for a in fehlt)}")
