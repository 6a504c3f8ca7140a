"""Karten als Daten: der Stand je Region zu Meilensteinjahren und die Ankerpunkte der Beschriftung.

Der Renderer (``render/svg.py``) rechnet nichts; was eine Karte über die Zeit zeigt – welcher
Stichtag je Bild, ob ein Jahr abgeschlossen ist oder „bis heute“ läuft –, steht hier. Eigenes
Modul statt ``abdeckung.py``/``geo.py``, damit es nur deren öffentliche Schnittstelle braucht.
"""

from __future__ import annotations

import heapq
import itertools
import math
from collections.abc import Iterable, Sequence
from datetime import date
from typing import NamedTuple

from .abdeckung import Abdeckung, abdeckung, vertraege_je_region
from .geo import Punkt
from .modelle import Region, Vertrag

# Die Jahre, zu denen es veröffentlichte Zahlen gibt (data/programm.yaml: erste Verträge 2008,
# 31 im Juli 2009, Ziel Ende 2010, 49 im Januar 2012, 50 im November 2013, 51 im Juli 2019);
# dazu kommt immer das laufende Jahr.
MEILENSTEINE: tuple[int, ...] = (2008, 2009, 2010, 2012, 2013, 2019)


class Kartenstand(NamedTuple):
    """Ein Bild der Kartenreihe: der Stand je Region an ``abdeckung.stichtag``."""

    jahr: int
    abgeschlossen: bool  # True: Stand am 31.12.; False: das laufende Jahr, Stand bis zum Stichtag
    abdeckung: Abdeckung

    @property
    def stichtag(self) -> date:
        return self.abdeckung.stichtag


def meilensteinjahre(stichtag: date, jahre: Iterable[int] | None = None) -> list[int]:
    """Die Jahre der Kartenreihe, aufsteigend und ohne Doppel: ohne Angabe die Meilensteine bis
    zum Stichtag und das Jahr des Stichtags; Jahre nach dem Stichtag sind ein Fehler des Aufrufers."""
    if jahre is None:
        return sorted({j for j in MEILENSTEINE if j < stichtag.year} | {stichtag.year})
    return sorted(set(jahre))


def kartenstaende(
    regionen: Sequence[Region],
    vertraege: Iterable[Vertrag],
    jahre: Iterable[int],
    stichtag: date,
    beginn: date | None = None,
) -> list[Kartenstand]:
    """Der Stand je Region am Ende jedes Jahres – im Jahr des Stichtags am Stichtag selbst
    (ein laufendes Jahr hat noch kein Ende); mit den Regionen, die es am Tag gab, und ab dem
    Programmbeginn ``beginn``."""
    je = vertraege_je_region(vertraege, beginn)
    out = []
    for jahr in sorted(set(jahre)):
        if jahr > stichtag.year:
            raise ValueError(f"{jahr} liegt nach dem Stichtag {stichtag.isoformat()}")
        abgeschlossen = jahr < stichtag.year or stichtag == date(jahr, 12, 31)
        tag = date(jahr, 12, 31) if abgeschlossen else stichtag
        out.append(Kartenstand(jahr, abgeschlossen, abdeckung(regionen, je, tag, beginn)))
    return out


# --- Ankerpunkt der Beschriftung ---------------------------------------------


def im_polygon(p: Punkt, ring: Sequence[Punkt]) -> bool:
    """Liegt ``p`` im geschlossenen Ring (Strahlverfahren)?"""
    x, y = p
    innen = False
    for (ax, ay), (bx, by) in itertools.pairwise(ring):
        if (ay > y) != (by > y) and x < (bx - ax) * (y - ay) / (by - ay) + ax:
            innen = not innen
    return innen


def _abstand_zum_rand(x: float, y: float, ring: Sequence[Punkt]) -> float:
    """Vorzeichenbehafteter Abstand von (x, y) zum Rand: positiv innen, negativ außen.
    (Die innerste Schleife der Beschriftung: ohne Funktionsaufrufe geschrieben.)"""
    innen = False
    kleinster = math.inf
    for (ax, ay), (bx, by) in itertools.pairwise(ring):
        if (ay > y) != (by > y) and x < (bx - ax) * (y - ay) / (by - ay) + ax:
            innen = not innen
        dx, dy = bx - ax, by - ay
        ex, ey = x - ax, y - ay
        laenge2 = dx * dx + dy * dy
        if laenge2:
            t = (ex * dx + ey * dy) / laenge2
            if t > 1:
                ex, ey = x - bx, y - by
            elif t > 0:
                ex, ey = ex - t * dx, ey - t * dy
        d2 = ex * ex + ey * ey
        if d2 < kleinster:
            kleinster = d2
    return math.sqrt(kleinster) * (1 if innen else -1)


def innenpunkt(ring: Sequence[Punkt], genauigkeit: float = 0.008) -> tuple[Punkt, float]:
    """Der Punkt im Polygon, der am weitesten von dessen Rand liegt („pole of inaccessibility“,
    Verfahren von Mapbox' polylabel), und dieser Abstand. Bei zerklüfteten Kreisen liegt der
    Schwerpunkt oft am Rand oder außerhalb; dort hätte eine Beschriftung keinen Platz.

    Deterministisch: gleiche Eingabe, gleicher Punkt (Gleichstände nach Lage entschieden)."""
    xs = [x for x, _ in ring]
    ys = [y for _, y in ring]
    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
    seite = min(x1 - x0, y1 - y0)
    if seite <= 0:
        return (x0, y0), 0.0

    def zelle(x: float, y: float, h: float) -> tuple[float, float, float, float, float]:
        d = _abstand_zum_rand(x, y, ring)
        # (-Obergrenze, -Abstand, x, y, halbe Seite): heapq holt die vielversprechendste zuerst
        return (-(d + h * math.sqrt(2)), -d, x, y, h)

    h = seite / 2
    warteschlange: list[tuple[float, float, float, float, float]] = []
    x = x0
    while x < x1:
        y = y0
        while y < y1:
            heapq.heappush(warteschlange, zelle(x + h, y + h, h))
            y += seite
        x += seite
    beste = zelle((x0 + x1) / 2, (y0 + y1) / 2, 0)
    while warteschlange:
        grenze, minus_d, x, y, h = heapq.heappop(warteschlange)
        if -minus_d > -beste[1]:
            beste = (grenze, minus_d, x, y, h)
        if -grenze - -beste[1] <= genauigkeit:
            continue
        h /= 2
        for dx in (-h, h):
            for dy in (-h, h):
                heapq.heappush(warteschlange, zelle(x + dx, y + dy, h))
    return (beste[2], beste[3]), -beste[1]
