"""Wer hat an einem Stichtag ein Netzwerk – sicher, möglicherweise, nicht?

Eine Region hat am Tag ``d`` ein Netzwerk, wenn ein Vertrag an oder vor ``d``
unterzeichnet wurde und an ``d`` noch nicht beendet war (``endet`` ist der
letzte Tag in Kraft). Bei ungenauen Daten gibt es zwei Zählungen:

* **sicher**: unter jeder Lesart der ungenauen Daten wahr;
* **möglich**: unter mindestens einer Lesart wahr.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum

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


@dataclass(frozen=True)
class RegionStand:
    region: Region
    stand: Stand
    vertrag: Vertrag | None  # der maßgebliche Vertrag (in Kraft oder möglich), sonst None
    vertraege: tuple[Vertrag, ...]  # alle Verträge der Region, nach Unterzeichnung


@dataclass(frozen=True)
class Zaehlung:
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


@dataclass(frozen=True)
class Abdeckung:
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
            tage.update(d + timedelta(days=1) for d in v.endet.grenzen())
    return sorted(tage)


@dataclass(frozen=True)
class ZielAuswertung:
    anzahl: int
    bis: date
    am_zieltag: Zaehlung
    erreicht_sicher: date | None  # erster Tag mit sicher >= anzahl (bis zum Stichtag)
    erreicht_moeglich: date | None  # erster Tag, an dem es möglich war


def ziel_auswertung(
    regionen: Sequence[Region],
    vertraege: Sequence[Vertrag],
    anzahl: int,
    bis: date,
    stichtag: date,
) -> ZielAuswertung:
    je = vertraege_je_region(vertraege)
    am_zieltag = abdeckung(regionen, je, bis).gesamt
    sicher: date | None = None
    moeglich: date | None = None
    for d in wendepunkte(vertraege):
        if d > stichtag:
            break
        z = abdeckung(regionen, je, d).gesamt
        if moeglich is None and z.moeglich >= anzahl:
            moeglich = d
        if z.sicher >= anzahl:
            sicher = d
            break
    return ZielAuswertung(anzahl, bis, am_zieltag, sicher, moeglich)
