"""Abdeckung über die Zeit, Meilensteine, Tempo und Hochrechnung."""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from typing import NamedTuple

from .abdeckung import Verlauf, Zaehlung, im_programm, sortierschluessel, verlauf, vertraege_je_region
from .bestand import Datenbestand
from .datum import Zeitangabe, jahre_vor
from .modelle import Vertrag


class Ereigniszahl(NamedTuple):
    sicher: int  # liegt unter jeder Lesart in der Periode
    moeglich: int  # kann in der Periode liegen


class Meilenstein(NamedTuple):
    datum: Zeitangabe
    art: str  # "erste_vertraege" | "pruefpunkt" | "ziel"
    text: str
    # ein Prüfpunkt mit „pruefen: false“: die Zahl widerspricht belegten Zählungen
    geprueft: bool = True
    quellen: int = 1  # so viele Prüfpunkte nennen dieselbe Zahl am selben Tag


class Periode(NamedTuple):
    anfang: date
    ende: date
    name: str
    zaehlung: Zaehlung  # am letzten Tag der Periode
    unterzeichnet: Ereigniszahl  # erste Verträge einer Region
    wiedereintritte: Ereigniszahl  # spätere Verträge einer Region
    beendet: Ereigniszahl
    meilensteine: tuple[Meilenstein, ...]


def _perioden(von: date, bis: date, nach: str) -> list[tuple[date, date, str]]:
    out = []
    if nach == "year":
        for j in range(von.year, bis.year + 1):
            out.append((max(date(j, 1, 1), von), min(date(j, 12, 31), bis), str(j)))
        return out
    j, m = von.year, von.month
    while (j, m) <= (bis.year, bis.month):
        letzter = calendar.monthrange(j, m)[1]
        out.append((max(date(j, m, 1), von), min(date(j, m, letzter), bis), f"{j}-{m:02d}"))
        j, m = (j + 1, 1) if m == 12 else (j, m + 1)
    return out


def _in(z: Zeitangabe, a: date, b: date) -> tuple[bool, bool]:
    """(sicher in [a, b], möglich in [a, b])"""
    frueh, spaet = z.frueh or date.min, z.spaet or date.max
    return (a <= frueh and spaet <= b), (frueh <= b and spaet >= a)


def _zaehle(zeiten: list[Zeitangabe], a: date, b: date) -> Ereigniszahl:
    treffer = [_in(z, a, b) for z in zeiten]
    return Ereigniszahl(sum(s for s, _ in treffer), sum(m for _, m in treffer))


def meilensteine(bestand: Datenbestand) -> list[Meilenstein]:
    if bestand.programm is None:
        return []
    p = bestand.programm.modell
    out = [Meilenstein(Zeitangabe.am(p.erste_vertraege), "erste_vertraege", "erste Verträge")]
    # eine Zeile je veröffentlichter Zahl: zwei Quellen zur selben Zahl am selben Tag (10.04.2024:
    # 51) standen sonst zweimal da, als wären es zwei Zählungen
    zeilen: dict[tuple[Zeitangabe, str, bool], int] = {}
    for pp in p.pruefpunkte:
        if pp.datum is None or pp.regierungsbezirk is not None:
            continue
        zahl = _zahl(pp.anzahl, pp.mindestens, pp.hoechstens)
        schluessel = (pp.datum, zahl, pp.pruefen)
        zeilen[schluessel] = zeilen.get(schluessel, 0) + 1
    for (datum, zahl, geprueft), n in zeilen.items():
        text = f"veröffentlicht: {zahl}"
        if n > 1:
            text += f" ({n} Quellen)"
        if not geprueft:
            text += " – ungeprüft, widerspricht belegten Zählungen"
        out.append(Meilenstein(datum, "pruefpunkt", text, geprueft, n))
    out.append(Meilenstein(Zeitangabe.am(p.ziel.bis), "ziel", f"Ziel: {p.ziel.anzahl}"))
    return out


def zeitreihe(bestand: Datenbestand, von: date, bis: date, nach: str = "year") -> list[Periode]:
    regionen = [d.modell for d in bestand.regionen]
    beginn = bestand.programmbeginn
    v = verlauf(regionen, vertraege_je_region((d.modell for d in bestand.vertraege), beginn), beginn)
    # Ereignisse je Vertrag (nicht je umfasster Region: ein Vertrag ist ein Ereignis)
    eigene: dict[str, list[Vertrag]] = {}
    for d in bestand.vertraege:
        vertrag = im_programm(d.modell, beginn) if beginn is not None else d.modell
        eigene.setdefault(d.modell.region, []).append(vertrag)
    je = {k: sorted(vs, key=sortierschluessel) for k, vs in eigene.items()}
    erste = [vs[0].unterzeichnet for vs in je.values()]
    weitere = [v.unterzeichnet for vs in je.values() for v in vs[1:]]
    enden = [v.endet for vs in je.values() for v in vs if v.endet is not None]
    steine = meilensteine(bestand)
    out = []
    for a, b, name in _perioden(von, bis, nach):
        hier = tuple(m for m in steine if a <= (m.datum.spaet or m.datum.frueh or date.min) <= b)
        out.append(
            Periode(
                a,
                b,
                name,
                v.am(b),
                _zaehle(erste, a, b),
                _zaehle(weitere, a, b),
                _zaehle(enden, a, b),
                hier,
            )
        )
    return out


# --- Tempo und Hochrechnung ----------------------------------------------------


class Tempo(NamedTuple):
    jahre: float
    von: date
    zuwachs: int  # Zuwachs der sicheren Zählung im Zeitraum
    pro_jahr: float
    fehlen: int  # bis zum Ziel (sicher)
    erreicht_etwa: date | None  # bei diesem Tempo; None: nie (oder schon erreicht)


def tempo(
    v: Verlauf,
    stichtag: date,
    ziel: int,
    beginn: date,
    jahre: int = 5,
) -> Tempo | None:
    """Zuwachs der sicheren Zählung in den letzten ``jahre`` Jahren (nicht vor ``beginn``).

    Unter einem Jahr Geschichte gibt es kein sinnvolles Tempo: dann ``None``.
    """
    von = min(max(jahre_vor(stichtag, jahre), beginn), stichtag)
    dauer = (stichtag - von).days / 365.25
    if dauer < 1:
        return None
    jetzt = v.am(stichtag).sicher
    damals = v.am(von - timedelta(days=1)).sicher
    zuwachs = jetzt - damals
    pro_jahr = zuwachs / dauer
    fehlen = ziel - jetzt
    etwa = None
    if fehlen > 0 and pro_jahr > 0:
        etwa = stichtag + timedelta(days=round(fehlen / pro_jahr * 365.25))
    return Tempo(dauer, von, zuwachs, pro_jahr, fehlen, etwa)


def _zahl(anzahl: int | None, mindestens: int | None, hoechstens: int | None) -> str:
    """Was eine Quelle zählte, in Worten: „19“, „17 bis 19“ (19 Verträge, davon vielleicht zwei
    Sonderregionen), „mindestens 31“, „höchstens 49“."""
    if anzahl is not None:
        return str(anzahl)
    if mindestens is not None and hoechstens is not None:
        return f"{mindestens} bis {hoechstens}"
    if hoechstens is not None:
        return f"höchstens {hoechstens}"
    return f"mehr als {(mindestens or 1) - 1}"
