"""Die Prüfpunkte: veröffentlichte Zahlen, gegen die die Vertragsdaten geprüft werden."""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from ..kern.abdeckung import Verlauf, verlauf, vertraege_je_region
from ..kern.befund import Problem
from ..kern.bestand import Datenbestand, Dokument
from ..kern.modelle import Pruefpunkt
from ..kern.zahlen import spanne
from .codes import problem


class PruefErgebnis(NamedTuple):
    punkt: Pruefpunkt
    zeile: int
    geprueft: bool
    erfuellt: bool | None
    # die Spanne der Zählungen im Zeitraum des Prüfpunkts
    sicher: tuple[int, int] | None
    moeglich: tuple[int, int] | None
    problem: Problem | None


def pruefpunkte(bestand: Datenbestand, heute: date) -> list[PruefErgebnis]:
    prog = bestand.programm
    if prog is None:
        return []
    beginn = bestand.programmbeginn
    je = vertraege_je_region((d.modell for d in bestand.vertraege), beginn)
    verlaeufe: dict[str | None, Verlauf] = {}
    out = []
    for i, p in enumerate(prog.modell.pruefpunkte):
        zeile = _zeile_pruefpunkt(prog, i)
        if not p.pruefen or (p.anzahl is None and p.mindestens is None):
            out.append(PruefErgebnis(p, zeile, False, None, None, None, None))
            continue
        if p.regierungsbezirk not in verlaeufe:
            regionen = [
                d.modell
                for d in bestand.regionen
                if p.regierungsbezirk is None or d.modell.regierungsbezirk == p.regierungsbezirk
            ]
            verlaeufe[p.regierungsbezirk] = verlauf(regionen, je, beginn)
        # Ohne Datum: trifft die Zahl irgendwann seit den ersten Verträgen zu?
        anfang = (p.datum.frueh if p.datum else None) or prog.modell.erste_vertraege
        ende = min((p.datum.spaet if p.datum else None) or heute, heute)
        erfuellt = False
        sicher: list[int] = []
        moeglich: list[int] = []
        for _, z in verlaeufe[p.regierungsbezirk].zwischen(anfang, ende):
            sicher.append(z.sicher)
            moeglich.append(z.moeglich)
            if p.anzahl is not None and z.sicher <= p.anzahl <= z.moeglich:
                erfuellt = True
            if p.mindestens is not None and z.moeglich >= p.mindestens:
                erfuellt = True
        spanne_s = (min(sicher), max(sicher))
        spanne_m = (min(moeglich), max(moeglich))
        fehler = None
        if not erfuellt:
            soll = f"{p.anzahl}" if p.anzahl is not None else f"mindestens {p.mindestens}"
            gebiet = f"im Regierungsbezirk {p.regierungsbezirk}" if p.regierungsbezirk else "in NRW"
            fehler = problem(
                prog.anzeige,
                zeile,
                "NZ501",
                f"Prüfpunkt {p.datum or '(undatiert)'}: veröffentlicht {soll} {gebiet}, die Daten geben "
                f"{spanne(spanne_s)} sicher und {spanne(spanne_m)} möglich",
                "Vertragsdaten oder den Prüfpunkt prüfen; ein bekannt veralteter Prüfpunkt "
                "bekommt „pruefen: false“ mit Begründung.",
            )
        out.append(PruefErgebnis(p, zeile, True, erfuellt, spanne_s, spanne_m, fehler))
    return out


def _zeile_pruefpunkt(prog: Dokument[object], i: int) -> int:
    zeilen = prog.zeilen
    return zeilen.get(f"pruefpunkte[{i}]", zeilen.get("pruefpunkte", 1))
