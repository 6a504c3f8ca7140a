"""Wer hat an einem Stichtag ein Netzwerk – sicher, möglicherweise, nicht?

Eine Region hat am Tag ``d`` ein Netzwerk, wenn ein Vertrag an oder vor ``d``
unterzeichnet wurde und an ``d`` noch nicht beendet war (``endet`` ist der
letzte Tag in Kraft). Bei ungenauen Daten gibt es zwei Zählungen:

* **sicher**: unter jeder Lesart der ungenauen Daten wahr;
* **möglich**: unter mindestens einer Lesart wahr.

Gezählt wird über die Regionen, die es am Tag gab (``gueltig_ab``/``gueltig_bis``): bis zum
20.10.2009 54, danach 53. Ein Vertrag gilt für seine ``region`` und für jede Region unter
``umfasst`` – je an den Tagen, an denen es sie gab. Mit dem Programmbeginn ``beginn``
(``erste_vertraege``) gibt es davor weder Regionen noch Verträge: vorher ist alles
„0 von 0“, und eine nach unten offene Zeitangabe beginnt frühestens dort
(:meth:`~.datum.Zeitangabe.nicht_vor`).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, timedelta
from enum import Enum
from typing import NamedTuple

from .datum import Zeitangabe, deutsch_tag
from .modelle import Region, Vertrag


class Stand(str, Enum):
    MIT = "mit"
    UNGEWISS = "ungewiss"
    OHNE = "ohne"


def in_kraft(unterzeichnet: tuple[date, date], endet: tuple[date, date] | None, t: date) -> Stand:
    """Die eine Regel „ein Vertrag ist am Tag ``t`` in Kraft“ – für ``status``, die Prüfpunkte,
    ``end`` und ``netz offen``: unterzeichnet an oder vor ``t``, und ``endet`` (der letzte Tag
    in Kraft) nicht vor ``t``. Die Angaben sind je der früheste und späteste mögliche Tag
    (``date.min``/``date.max`` für offen); ``endet`` None: nicht beendet.

    Sicher (``MIT``) unter jeder Lesart, möglich (``UNGEWISS``) unter mindestens einer."""
    if unterzeichnet[1] <= t and (endet is None or endet[0] >= t):
        return Stand.MIT
    if unterzeichnet[0] <= t and (endet is None or endet[1] >= t):
        return Stand.UNGEWISS
    return Stand.OHNE


def _grenzen(z: Zeitangabe) -> tuple[date, date]:
    return (z.frueh or date.min, z.spaet or date.max)


def vertrag_stand(v: Vertrag, d: date) -> Stand:
    """Ist der Vertrag am Tag ``d`` in Kraft? (:func:`in_kraft` auf seinen Zeitangaben)"""
    return in_kraft(_grenzen(v.unterzeichnet), _grenzen(v.endet) if v.endet is not None else None, d)


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
    regionen: tuple[RegionStand, ...]  # die Regionen, die es am Stichtag gab
    # Für die Karte: Gebiete heutiger Regionen, die es am Stichtag noch nicht gab, mit dem
    # zusammengefassten Stand ihrer Vorgänger (z. B. die StädteRegion Aachen vor dem
    # 21.10.2009: Kreis Aachen und Stadt Aachen). Sie zählen nicht mit.
    gebiete: tuple[RegionStand, ...] = ()

    def fuer_karte(self) -> dict[str, RegionStand]:
        """Was auf jeder Fläche der Karte steht, nach AGS: die Regionen und die Gebiete – ohne
        die Vorgänger, deren Fläche ein Gebiet schon zeigt."""
        im_gebiet = {a for g in self.gebiete for a in g.region.vorgaenger}
        return {s.region.ags: s for s in (*self.regionen, *self.gebiete) if s.region.ags not in im_gebiet}

    @property
    def kartenhinweise(self) -> list[str]:
        """Ein Satz je zusammengefasstem Gebiet, z. B. „Aachen: Gebiet vor dem 21.10.2009: …“."""
        return [g.region.bezeichnung for g in self.gebiete]

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


def sortierschluessel(v: Vertrag) -> tuple[date, date]:
    """Verträge nach Unterzeichnung: erst die früheste, dann die späteste Möglichkeit."""
    return (v.unterzeichnet.frueh or date.min, v.unterzeichnet.spaet or date.max)


def im_programm(v: Vertrag, beginn: date) -> Vertrag:
    """Der Vertrag, wie er zählt: Unterzeichnung und Ende frühestens am Programmbeginn.

    Der Text jeder Zeitangabe bleibt; nur die frühe Grenze rückt (siehe
    :meth:`~.datum.Zeitangabe.nicht_vor`). Ohne Änderung derselbe Vertrag.
    """
    neu: dict[str, object] = {}
    if (u := v.unterzeichnet.nicht_vor(beginn)) is not v.unterzeichnet:
        neu["unterzeichnet"] = u
    if v.endet is not None and (e := v.endet.nicht_vor(beginn)) is not v.endet:
        neu["endet"] = e
    return v.model_copy(update=neu) if neu else v


def vertraege_je_region(
    vertraege: Iterable[Vertrag], beginn: date | None = None
) -> dict[str, tuple[Vertrag, ...]]:
    """Die Verträge, die für eine Region gelten: ihre eigenen und die, die sie ``umfasst``en.

    Mit ``beginn`` (Programmbeginn) auf das Programm begrenzt (:func:`im_programm`).
    """
    je: dict[str, list[Vertrag]] = {}
    for v in vertraege:
        if beginn is not None:
            v = im_programm(v, beginn)
        for ags in dict.fromkeys((v.region, *v.umfasst)):
            je.setdefault(ags, []).append(v)
    return {k: tuple(sorted(vs, key=sortierschluessel)) for k, vs in je.items()}


def gilt(r: Region, d: date, beginn: date | None = None) -> bool:
    """Zählt die Region am Tag ``d`` mit? (Es gab sie, und das Programm hatte begonnen.)"""
    return (beginn is None or beginn <= d) and r.gilt_am(d)


def regionen_am(regionen: Iterable[Region], d: date, beginn: date | None = None) -> list[Region]:
    """Die Regionen, die am Tag ``d`` zählen – der Nenner jeder Quote an diesem Tag."""
    return [r for r in regionen if gilt(r, d, beginn)]


def _stand(r: Region, vs: tuple[Vertrag, ...], stichtag: date) -> RegionStand:
    bester: tuple[Stand, Vertrag | None] = (Stand.OHNE, None)
    for v in vs:
        s = vertrag_stand(v, stichtag)
        if s is Stand.MIT:
            bester = (s, v)
            break
        if s is Stand.UNGEWISS and bester[0] is Stand.OHNE:
            bester = (s, v)
    return RegionStand(r, bester[0], bester[1], vs)


class StandVerzeichnis:
    """Der Stand jeder Region an einem Tag (wie :func:`abdeckung`: sicher, wenn ein Vertrag
    sicher gilt, sonst möglich, wenn einer gelten kann) in O(log v) für v Verträge der Region.

    Je Region die Verträge nach spätester bzw. frühester Unterzeichnung mit dem größten
    frühesten bzw. spätesten Ende davor (laufendes Maximum); Aufbau O(C log C) für C Verträge.
    Für viele Tage je Region (die Prüfpunkte mit Namen) statt je Tag alle Verträge zu fragen."""

    def __init__(self, je: dict[str, tuple[Vertrag, ...]]) -> None:
        self._regionen: dict[str, tuple[list[date], list[date], list[date], list[date]]] = {}
        for ags, vs in je.items():
            grenzen = [
                (
                    _grenzen(v.unterzeichnet),
                    _grenzen(v.endet) if v.endet is not None else (date.max, date.max),
                )
                for v in vs
            ]
            self._regionen[ags] = stand_eintrag(
                [(u[1], e[0]) for u, e in grenzen], [(u[0], e[1]) for u, e in grenzen]
            )

    def stand(self, ags: str, d: date) -> Stand:
        """Der Stand der Region ``ags`` am Tag ``d`` (ohne Verträge: OHNE)."""
        return stand_am(self._regionen.get(ags), d)


#: Je Region: späteste Unterzeichnungen (sortiert) mit dem größten frühesten Ende davor, und
#: früheste Unterzeichnungen mit dem größten spätesten Ende davor.
StandEintrag = tuple[list[date], list[date], list[date], list[date]]


def stand_eintrag(sicher: list[tuple[date, date]], moeglich: list[tuple[date, date]]) -> StandEintrag:
    """Das Verzeichnis einer Region aus (späteste Unterzeichnung, frühestes Ende) – sicher in
    Kraft – und (früheste Unterzeichnung, spätestes Ende) – möglich in Kraft – je Vertrag;
    O(v log v). Geteilt von :class:`StandVerzeichnis` und ``kern.offen._Lage``."""
    sicher.sort()
    moeglich.sort()
    return (
        [a for a, _ in sicher],
        _laufendes_maximum([e for _, e in sicher]),
        [a for a, _ in moeglich],
        _laufendes_maximum([e for _, e in moeglich]),
    )


def stand_am(eintrag: StandEintrag | None, d: date) -> Stand:
    """Der Stand am Tag ``d`` aus dem Verzeichnis einer Region in O(log v): sicher, wenn ein
    Vertrag sicher gilt, sonst möglich, wenn einer gelten kann (wie :func:`abdeckung`)."""
    if eintrag is None:
        return Stand.OHNE
    sicher_ab, sicher_bis, moeglich_ab, moeglich_bis = eintrag
    k = bisect.bisect_right(sicher_ab, d)
    if k and sicher_bis[k - 1] >= d:
        return Stand.MIT
    k = bisect.bisect_right(moeglich_ab, d)
    if k and moeglich_bis[k - 1] >= d:
        return Stand.UNGEWISS
    return Stand.OHNE


def _laufendes_maximum(werte: list[date]) -> list[date]:
    out: list[date] = []
    for w in werte:
        out.append(w if not out or w > out[-1] else out[-1])
    return out


def _gebiet(r: Region, teile: list[RegionStand]) -> RegionStand:
    """Das Gebiet einer späteren Region, zusammengefasst aus ihren Vorgängern."""
    staende = {t.stand for t in teile}
    stand = staende.pop() if len(staende) == 1 else Stand.UNGEWISS
    # nach Identität: Modelle mit Listen lassen sich nicht hashen
    vertraege = tuple({id(v): v for t in teile for v in t.vertraege}.values())
    maszgeblich = {id(t.vertrag): t.vertrag for t in teile}
    vertrag = next(iter(maszgeblich.values())) if len(maszgeblich) == 1 else None
    ab = f" vor dem {deutsch_tag(r.gueltig_ab)}" if r.gueltig_ab else ""
    namen = " und ".join(t.region.bezeichnung for t in teile)
    region = r.model_copy(update={"bezeichnung": f"Gebiet der {r.bezeichnung}{ab}: {namen}"})
    return RegionStand(region, stand, vertrag, vertraege)


def abdeckung(
    regionen: Sequence[Region],
    vertraege: Iterable[Vertrag] | dict[str, tuple[Vertrag, ...]],
    stichtag: date,
    beginn: date | None = None,
) -> Abdeckung:
    """Der Stand jeder Region, die es am ``stichtag`` gab (vor ``beginn``: keine)."""
    je = vertraege if isinstance(vertraege, dict) else vertraege_je_region(vertraege, beginn)
    staende = [_stand(r, je.get(r.ags, ()), stichtag) for r in regionen if gilt(r, stichtag, beginn)]
    nach_ags = {s.region.ags: s for s in staende}
    gebiete = []
    for r in regionen:
        if r.ags in nach_ags or not r.vorgaenger:
            continue
        teile = [nach_ags[a] for a in r.vorgaenger if a in nach_ags]
        if teile:
            gebiete.append(_gebiet(r, teile))
    return Abdeckung(stichtag, tuple(staende), tuple(gebiete))


def wendepunkte(vertraege: Iterable[Vertrag], regionen: Iterable[Region] = ()) -> list[date]:
    """Alle Tage, an denen sich eine sichere oder mögliche Zählung ändern kann – mit
    ``regionen`` auch die Tage, an denen eine Region entsteht oder endet.

    Zwischen zwei Wendepunkten sind beide Zählungen konstant.
    """
    tage: set[date] = set()
    for r in regionen:
        if r.gueltig_ab is not None:
            tage.add(r.gueltig_ab)
        if r.gueltig_bis is not None and r.gueltig_bis < date.max:
            tage.add(r.gueltig_bis + timedelta(days=1))
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
    """Sichere und mögliche Zählung und die Zahl der Regionen an jedem Tag, als Stufenfunktion.

    Ab ``tage[i]`` (bis vor ``tage[i+1]``) gelten ``sicher[i]``, ``moeglich[i]`` und
    ``regionen[i]``; vor ``tage[0]`` ist alles 0. Aufbau in O(n log n), Abfrage je Tag in
    O(log n) – statt die Abdeckung für jeden Tag neu zu zählen.
    """

    tage: tuple[date, ...]
    sicher: tuple[int, ...]
    moeglich: tuple[int, ...]
    regionen: tuple[int, ...]

    def am(self, d: date) -> Zaehlung:
        i = bisect.bisect_right(self.tage, d) - 1
        if i < 0:
            return Zaehlung(0, 0, 0)
        return Zaehlung(self.regionen[i], self.sicher[i], self.moeglich[i])

    def zwischen(self, a: date, b: date) -> Iterator[tuple[date, Zaehlung]]:
        """Der Stand an ``a`` und an jedem Wendepunkt in (a, b]."""
        yield a, self.am(a)
        i = bisect.bisect_right(self.tage, a)
        while i < len(self.tage) and self.tage[i] <= b:
            yield self.tage[i], Zaehlung(self.regionen[i], self.sicher[i], self.moeglich[i])
            i += 1

    @property
    def gesamt(self) -> int:
        """Die größte Zahl von Regionen an einem Tag (für Achsen und Skalen)."""
        return max(self.regionen, default=0)


def _fenster(r: Region, beginn: date | None) -> Spanne | None:
    """Die Tage, an denen die Region zählt (siehe :func:`gilt`)."""
    a = max(r.gueltig_ab or date.min, beginn or date.min)
    b = r.gueltig_bis or date.max
    return (a, b) if a <= b else None


def _schneide(spannen: Iterable[Spanne], fenster: Spanne) -> list[Spanne]:
    out = []
    for a, b in spannen:
        a, b = max(a, fenster[0]), min(b, fenster[1])
        if a <= b:
            out.append((a, b))
    return out


def verlauf(
    regionen: Sequence[Region],
    vertraege: Iterable[Vertrag] | dict[str, tuple[Vertrag, ...]],
    beginn: date | None = None,
) -> Verlauf:
    je = vertraege if isinstance(vertraege, dict) else vertraege_je_region(vertraege, beginn)
    delta_s: dict[date, int] = {}
    delta_m: dict[date, int] = {}
    delta_r: dict[date, int] = {}

    def zaehle(delta: dict[date, int], a: date, b: date) -> None:
        delta[a] = delta.get(a, 0) + 1
        if b < date.max:
            nach = b + timedelta(days=1)
            delta[nach] = delta.get(nach, 0) - 1

    for r in regionen:
        fenster = _fenster(r, beginn)
        if fenster is None:
            continue
        zaehle(delta_r, *fenster)
        vs = je.get(r.ags, ())
        # je Region vereinigen: eine Region zählt einmal, auch wenn sich Spannen überlappen;
        # und nur an den Tagen, an denen es sie gab
        for spannen, delta in (
            ([x for v in vs if (x := _sicher_in_kraft(v)) is not None], delta_s),
            ([_moeglich_in_kraft(v) for v in vs], delta_m),
        ):
            for a, b in _vereinige(_schneide(spannen, fenster)):
                zaehle(delta, a, b)
    tage = sorted(set(delta_s) | set(delta_m) | set(delta_r))
    sicher, moeglich, anzahl = [], [], []
    s = m = n = 0
    for d in tage:
        s += delta_s.get(d, 0)
        m += delta_m.get(d, 0)
        n += delta_r.get(d, 0)
        sicher.append(s)
        moeglich.append(m)
        anzahl.append(n)
    return Verlauf(tuple(tage), tuple(sicher), tuple(moeglich), tuple(anzahl))


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
