"""Wer hat an einem Stichtag ein Netzwerk – sicher, möglicherweise, nicht?

Eine Region hat am Tag ``d`` ein Netzwerk, wenn ein Vertrag an oder vor ``d``
unterzeichnet wurde und an ``d`` noch nicht beendet war (``endet`` ist der
letzte Tag in Kraft). Bei ungenauen Daten gibt es zwei Zählungen:

* **sicher**: unter jeder Lesart der ungenauen Daten wahr;
* **möglich**: unter mindestens einer Lesart wahr.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, timedelta
from enum import Enum
from typing import NamedTuple

from .modelle import Region, Vertrag


class Stand(str, Enum):
    MIT = "mit"
    UNGEWISS = "ungewiss"
    OHNE = "ohne"


def vertrag_stand(v: Vertrag, d: date) -> Stand:
    """Ist der Vertrag am Tag ``d`` in Kraft?"""
    if v.unterzeichnet.sicher_bis(d) and (v.endet is None or v.endet.sicher_nach(d - timedelta(days=1))):
        return Stand.MIT
    if v.unterzeichnet.moeglich_bis(d) and (v.endet is None or not v.endet.sicher_bis(d - timedelta(days=1))):
        return Stand.UNGEWISS
    return Stand.OHNE


class RegionStand(NamedTuple):
    region: Region
    stand: Stand
    vertrag: Vertrag | None  # der maßgebliche Vertrag (in Kraft oder möglich), sonst None
    vertraege: tuple[Vertrag, ...]  # alle Verträge der Region, nach Unterzeichnung

    @property
    def letzter_vertrag(self) -> Vertrag | None:
        """Der maßgebliche Vertrag, sonst der zuletzt unterzeichnete (oder keiner)."""
        return self.vertrag or (self.vertraege[-1] if self.vertraege else None)


class Zaehlung(NamedTuple):
    gesamt: int
    sicher: int
    moeglich: int

    @property
    def quote(self) -> float:
        return self.sicher / self.gesamt if self.gesamt else 0.0

    @property
    def quote_moeglich(self) -> float:
        return self.moeglich / self.gesamt if self.gesamt else 0.0

    @property
    def eindeutig(self) -> bool:
        return self.sicher == self.moeglich


class Abdeckung(NamedTuple):
    stichtag: date
    regionen: tuple[RegionStand, ...]

    def zaehle(self, auswahl: Iterable[RegionStand] | None = None) -> Zaehlung:
        rs = list(self.regionen if auswahl is None else auswahl)
        return Zaehlung(
            len(rs),
            sum(r.stand is Stand.MIT for r in rs),
            sum(r.stand is not Stand.OHNE for r in rs),
        )

    @property
    def gesamt(self) -> Zaehlung:
        return self.zaehle()

    def mit(self, stand: Stand) -> list[RegionStand]:
        return [r for r in self.regionen if r.stand is stand]

    def nach(self, merkmal: str) -> dict[str, Zaehlung]:
        """Zählung je Regierungsbezirk oder Art (``merkmal`` ist der Feldname)."""
        gruppen: dict[str, list[RegionStand]] = {}
        for r in self.regionen:
            gruppen.setdefault(getattr(r.region, merkmal), []).append(r)
        return {k: self.zaehle(v) for k, v in sorted(gruppen.items())}


def _sortkey(v: Vertrag) -> tuple[date, date]:
    return (v.unterzeichnet.frueh or date.min, v.unterzeichnet.spaet or date.max)


def vertraege_je_region(vertraege: Iterable[Vertrag]) -> dict[str, tuple[Vertrag, ...]]:
    je: dict[str, list[Vertrag]] = {}
    for v in vertraege:
        je.setdefault(v.region, []).append(v)
    return {k: tuple(sorted(vs, key=_sortkey)) for k, vs in je.items()}


def abdeckung(
    regionen: Sequence[Region],
    vertraege: Iterable[Vertrag] | dict[str, tuple[Vertrag, ...]],
    stichtag: date,
) -> Abdeckung:
    je = vertraege if isinstance(vertraege, dict) else vertraege_je_region(vertraege)
    staende: list[RegionStand] = []
    for r in regionen:
        vs = je.get(r.ags, ())
        bester: tuple[Stand, Vertrag | None] = (Stand.OHNE, None)
        for v in vs:
            s = vertrag_stand(v, stichtag)
            if s is Stand.MIT:
                bester = (s, v)
                break
            if s is Stand.UNGEWISS and bester[0] is Stand.OHNE:
                bester = (s, v)
        staende.append(RegionStand(r, bester[0], bester[1], vs))
    return Abdeckung(stichtag, tuple(staende))


def wendepunkte(vertraege: Iterable[Vertrag]) -> list[date]:
    """Alle Tage, an denen sich eine sichere oder mögliche Zählung ändern kann.

    Zwischen zwei Wendepunkten sind beide Zählungen konstant.
    """
    tage: set[date] = set()
    for v in vertraege:
        tage.update(v.unterzeichnet.grenzen())
        if v.endet is not None:
            tage.update(d + timedelta(days=1) for d in v.endet.grenzen() if d < date.max)
    return sorted(tage)


Spanne = tuple[date, date]  # beide Enden eingeschlossen; date.min/date.max für offen


def _sicher_in_kraft(v: Vertrag) -> Spanne | None:
    """Die Tage, an denen der Vertrag unter jeder Lesart gilt (siehe :func:`vertrag_stand`)."""
    if v.unterzeichnet.spaet is None:
        return None
    ende = date.max if v.endet is None else v.endet.frueh
    if ende is None or ende < v.unterzeichnet.spaet:
        return None
    return v.unterzeichnet.spaet, ende


def _moeglich_in_kraft(v: Vertrag) -> Spanne:
    anfang = v.unterzeichnet.frueh or date.min
    ende = date.max if v.endet is None or v.endet.spaet is None else v.endet.spaet
    return anfang, ende


def _vereinige(spannen: list[Spanne]) -> list[Spanne]:
    """Überlappende oder aneinanderstoßende Spannen zusammenfassen."""
    out: list[Spanne] = []
    for a, b in sorted(spannen):
        if out:
            la, lb = out[-1]
            if lb == date.max or a <= lb + timedelta(days=1):
                out[-1] = (la, max(lb, b))
                continue
        out.append((a, b))
    return out


class Verlauf(NamedTuple):
    """Sichere und mögliche Zählung an jedem Tag, als Stufenfunktion.

    Ab ``tage[i]`` (bis vor ``tage[i+1]``) gelten ``sicher[i]`` und ``moeglich[i]``. Aufbau
    in O(n log n), Abfrage je Tag in O(log n) – statt die Abdeckung für jeden Tag neu zu zählen.
    """

    tage: tuple[date, ...]
    sicher: tuple[int, ...]
    moeglich: tuple[int, ...]
    gesamt: int

    def am(self, d: date) -> Zaehlung:
        i = bisect.bisect_right(self.tage, d) - 1
        if i < 0:
            return Zaehlung(self.gesamt, 0, 0)
        return Zaehlung(self.gesamt, self.sicher[i], self.moeglich[i])

    def zwischen(self, a: date, b: date) -> Iterator[tuple[date, Zaehlung]]:
        """Der Stand an ``a`` und an jedem Wendepunkt in (a, b]."""
        yield a, self.am(a)
        i = bisect.bisect_right(self.tage, a)
        while i < len(self.tage) and self.tage[i] <= b:
            yield self.tage[i], Zaehlung(self.gesamt, self.sicher[i], self.moeglich[i])
            i += 1


def verlauf(
    regionen: Sequence[Region], vertraege: Iterable[Vertrag] | dict[str, tuple[Vertrag, ...]]
) -> Verlauf:
    je = vertraege if isinstance(vertraege, dict) else vertraege_je_region(vertraege)
    delta_s: dict[date, int] = {}
    delta_m: dict[date, int] = {}
    for r in regionen:
        vs = je.get(r.ags, ())
        # je Region vereinigen: eine Region zählt einmal, auch wenn sich Spannen überlappen
        for spannen, delta in (
            ([x for v in vs if (x := _sicher_in_kraft(v)) is not None], delta_s),
            ([_moeglich_in_kraft(v) for v in vs], delta_m),
        ):
            for a, b in _vereinige(spannen):
                delta[a] = delta.get(a, 0) + 1
                if b < date.max:
                    nach = b + timedelta(days=1)
                    delta[nach] = delta.get(nach, 0) - 1
    tage = sorted(set(delta_s) | set(delta_m))
    sicher, moeglich = [], []
    s = m = 0
    for d in tage:
        s += delta_s.get(d, 0)
        m += delta_m.get(d, 0)
        sicher.append(s)
        moeglich.append(m)
    return Verlauf(tuple(tage), tuple(sicher), tuple(moeglich), len(regionen))


class ZielAuswertung(NamedTuple):
    anzahl: int
    bis: date
    am_zieltag: Zaehlung
    erreicht_sicher: date | None  # erster Tag mit sicher >= anzahl (bis zum Stichtag)
    erreicht_moeglich: date | None  # erster Tag, an dem es möglich war


def ziel_auswertung(v: Verlauf, anzahl: int, bis: date, stichtag: date) -> ZielAuswertung:
    sicher: date | None = None
    moeglich: date | None = None
    for d, s, m in zip(v.tage, v.sicher, v.moeglich, strict=True):
        if d > stichtag:
            break
        if moeglich is None and m >= anzahl:
            moeglich = d
        if s >= anzahl:
            sicher = d
            break
    return ZielAuswertung(anzahl, bis, v.am(bis), sicher, moeglich)
