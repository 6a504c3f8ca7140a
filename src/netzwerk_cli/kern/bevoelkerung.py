"""Abdeckung nach Einwohnern: wie viele Menschen leben in Regionen mit Netzwerk?

Gerechnet aus ``einwohner`` der Regionsdateien – am Stichtag der Statistik, den die Dateien
nennen (``statistik_stand``), nicht am Stichtag der Abdeckung. Wer die Zahl liest, muss beides
erfahren; darum trägt das Ergebnis die Stände der Statistik mit.

Die Regionen kommen aus der :class:`~.abdeckung.Abdeckung`: welche Regionen an einem Tag
zählen, entscheidet allein, wer die Abdeckung berechnet – hier wird nichts neu ausgewählt.

Fehlt einer Region die Einwohnerzahl, ist der Anteil nicht bekannt, nur eingegrenzt: die
unbekannte Zahl kann 0 sein oder beliebig groß. Der Anteil wird dann eine Spanne
(``unten``, ``oben``), statt eine Zahl zu erfinden.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from .abdeckung import Abdeckung, RegionStand, Stand

if TYPE_CHECKING:
    from .modelle import Quelle


class Anteil(NamedTuple):
    """Ein Anteil (0 bis 1), genau oder – bei fehlenden Einwohnerzahlen – als Spanne."""

    unten: float
    oben: float

    @property
    def genau(self) -> bool:
        return self.unten == self.oben


class Einwohnerzahl(NamedTuple):
    """Einwohner einer Gruppe von Regionen (ganz NRW, ein Regierungsbezirk, eine Art)."""

    regionen: int
    gesamt: int  # Summe der bekannten Einwohnerzahlen
    sicher: int  # davon in Regionen, die sicher ein Netzwerk haben
    moeglich: int  # davon in Regionen, die möglicherweise eines haben (schließt sicher ein)
    ohne_angabe: tuple[RegionStand, ...]  # Regionen ohne Einwohnerzahl
    anteil_sicher: Anteil
    anteil_moeglich: Anteil

    @property
    def eindeutig(self) -> bool:
        """Sicher und möglich fallen zusammen: keine ungewisse Region, ob mit Einwohnerzahl oder ohne."""
        return (
            self.sicher == self.moeglich
            and self.anteil_sicher == self.anteil_moeglich
            and all(s.stand is not Stand.UNGEWISS for s in self.ohne_angabe)
        )


class Einwohnerbericht(NamedTuple):
    stichtag: date  # Stichtag der Abdeckung
    gesamt: Einwohnerzahl
    nach_regierungsbezirk: dict[str, Einwohnerzahl]
    nach_art: dict[str, Einwohnerzahl]
    stand: tuple[date, ...]  # Stichtage der Statistik (üblich: genau einer)
    quellen: tuple[Quelle, ...]  # statistik_quelle der Regionen, ohne Doppelte

    @property
    def stand_einheitlich(self) -> date | None:
        return self.stand[0] if len(self.stand) == 1 else None


def _anteil(bekannt_treffer: int, bekannt_gesamt: int, unbekannt_treffer: int, unbekannt_rest: int) -> Anteil:
    """Anteil der Treffer, wenn ``unbekannt_*`` Regionen ohne Einwohnerzahl dazukommen.

    Kleinster Wert: die unbekannten Treffer haben niemanden, die unbekannten anderen
    unbegrenzt viele (dann geht der Anteil gegen 0); größter umgekehrt (gegen 1).
    """
    mitte = bekannt_treffer / bekannt_gesamt if bekannt_gesamt else None
    if mitte is None:
        # keine einzige bekannte Zahl: alles ist möglich, außer es gibt keine Treffer oder nur Treffer
        unten = 1.0 if unbekannt_treffer and not unbekannt_rest else 0.0
        oben = 0.0 if not unbekannt_treffer else 1.0
        return Anteil(unten, oben)
    return Anteil(0.0 if unbekannt_rest else mitte, 1.0 if unbekannt_treffer else mitte)


def einwohnerzahl(staende: Iterable[RegionStand]) -> Einwohnerzahl:
    rs = list(staende)
    bekannt = [s for s in rs if s.region.einwohner is not None]
    ohne = tuple(s for s in rs if s.region.einwohner is None)
    gesamt = sum(s.region.einwohner or 0 for s in bekannt)
    sicher = sum(s.region.einwohner or 0 for s in bekannt if s.stand is Stand.MIT)
    moeglich = sum(s.region.einwohner or 0 for s in bekannt if s.stand is not Stand.OHNE)
    ohne_sicher = sum(s.stand is Stand.MIT for s in ohne)
    ohne_moeglich = sum(s.stand is not Stand.OHNE for s in ohne)
    return Einwohnerzahl(
        len(rs),
        gesamt,
        sicher,
        moeglich,
        ohne,
        _anteil(sicher, gesamt, ohne_sicher, len(ohne) - ohne_sicher),
        _anteil(moeglich, gesamt, ohne_moeglich, len(ohne) - ohne_moeglich),
    )


def _gruppen(ab: Abdeckung, merkmal: str) -> dict[str, Einwohnerzahl]:
    gruppen: dict[str, list[RegionStand]] = {}
    for s in ab.regionen:
        gruppen.setdefault(getattr(s.region, merkmal), []).append(s)
    return {k: einwohnerzahl(v) for k, v in sorted(gruppen.items())}


def einwohner(ab: Abdeckung) -> Einwohnerbericht:
    """Die Abdeckung nach Einwohnern: gesamt, je Regierungsbezirk und je Art."""
    regionen = [s.region for s in ab.regionen]
    stand = tuple(sorted({r.statistik_stand for r in regionen if r.statistik_stand is not None}))
    quellen = tuple(dict.fromkeys(r.statistik_quelle for r in regionen if r.statistik_quelle))
    return Einwohnerbericht(
        ab.stichtag,
        einwohnerzahl(ab.regionen),
        _gruppen(ab, "regierungsbezirk"),
        _gruppen(ab, "art"),
        stand,
        quellen,
    )
