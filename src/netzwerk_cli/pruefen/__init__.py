"""Jeder inhaltliche Befund: strenges YAML, eine Datei, dateiübergreifend, Prüfpunkte.

Einstieg ist :func:`pruefe`; jede Regel ist ein Eintrag im Register :data:`.regeln.REGELN`.
Nichts hier liest Dateien: die Bytes und das Verzeichnis der Quellen bringt die Datenschicht mit.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date

from ..kern.befund import Problem
from ..kern.bestand import Datenbestand
from .codes import MAX_BEFUNDE, problem
from .hinweise import regionsnamen
from .pruefpunkte import PruefErgebnis, pruefpunkte
from .regeln import REGELN, Bereich, Kontext, lade, pruefgaenge

__all__ = ["PruefErgebnis", "Pruefbericht", "Pruefung", "auszuege", "betrifft", "pruefe"]


@dataclass(frozen=True)
class Pruefung:
    probleme: list[Problem]
    pruefpunkte: list[PruefErgebnis]
    dateien: dict[str, int] = field(default_factory=dict)
    #: Wurden die Prüfpunkte gerechnet? Nur auf fehlerfreien Daten (sonst wären die Zahlen falsch).
    pruefpunkte_geprueft: bool = False
    #: Fehler in Dateien, die mit ``nur`` nicht gemeldet werden (pre-commit), aber die Prüfpunkte
    #: verhindert haben
    ausgeblendete_fehler: int = 0

    @property
    def fehler(self) -> int:
        return sum(p.ist_fehler for p in self.probleme)

    @property
    def warnungen(self) -> int:
        return len(self.probleme) - self.fehler

    def gueltig(self, streng: bool = False) -> bool:
        """Keine Fehler (mit ``streng``: keine Warnungen) – und wenn Fehler anderswo die Prüfpunkte
        verhinderten, ist das kein „gültig“: der Commit könnte einen Prüfpunkt brechen."""
        return self.fehler == 0 and not (streng and self.warnungen) and not self.ausgeblendete_fehler


def pruefe(
    bestand: Datenbestand,
    heute: date,
    *,
    mit_pruefpunkten: bool = True,
    nur: Collection[str] | None = None,
    hoechstalter: str | None = None,
) -> Pruefung:
    """Alle Prüfungen eines Datenbestands: die Befunde des Einlesens, die dateiübergreifenden
    und – nur wenn bis dahin kein Fehler auftrat – die Prüfpunkte.

    ``nur``: Anzeigepfade (pre-commit übergibt nur die geänderten Dateien); gemeldet wird dann
    jeder Befund, der eine von ihnen betrifft (``datei`` oder ``betrifft``, siehe :func:`betrifft`).
    ``hoechstalter``: so alt darf die neueste landesweite Zählung sein („3y“); sonst gilt
    programm.yaml oder die Vorgabe.
    """
    # Befunde des Einlesens; ein Regionsname statt des Schlüssels bekommt ihn als Behebung
    probleme = regionsnamen(bestand, list(bestand.probleme))
    kontext = Kontext(bestand, heute, hoechstalter)
    for gang in pruefgaenge(nur_fehlerfrei=False):
        if gang in _NACH_DEN_DATEIEN:  # weiß, ob bis hierher alle Regionsdateien fehlerfrei sind
            kontext = Kontext(bestand, heute, hoechstalter, not any(p.ist_fehler for p in probleme))
        probleme += lade(gang)(kontext)
    ergebnisse: list[PruefErgebnis] = []
    geprueft = False
    if mit_pruefpunkten and not any(p.ist_fehler for p in probleme):
        # die Ergebnisse auch ohne Befund (für die Ausgabe): dieselbe Rechnung wie der Prüfgang
        # der Regeln NZ501–NZ505 (pruefpunkte.befunde)
        ergebnisse = pruefpunkte(bestand, heute)
        probleme += [e.problem for e in ergebnisse if e.problem is not None]
        geprueft = bestand.programm is not None
    ausgeblendet = 0
    if nur is not None:
        gezeigt = [p for p in probleme if betrifft(p, nur)]
        if mit_pruefpunkten and not geprueft and bestand.programm is not None:
            ausgeblendet = sum(p.ist_fehler for p in probleme) - sum(p.ist_fehler for p in gezeigt)
        probleme = gezeigt
    return Pruefung(
        sorted(je_code_begrenzt(probleme)), ergebnisse, dict(bestand.dateien), geprueft, ausgeblendet
    )


def je_code_begrenzt(probleme: list[Problem]) -> list[Problem]:
    """Höchstens :data:`MAX_BEFUNDE` Befunde je Datei und Code, dann einer (NZ199), der den Rest
    zählt – auch für dateiübergreifende Befunde, die keine Datei allein begrenzt (400 verletzte
    Prüfpunkte in programm.yaml, viele Verträge einer Region). Linear in der Zahl der Befunde."""
    zahl: dict[tuple[str, str], int] = {}
    out: list[Problem] = []
    for p in probleme:
        n = zahl[(p.datei, p.code)] = zahl.get((p.datei, p.code), 0) + 1
        if n <= MAX_BEFUNDE or p.code == "NZ199":
            out.append(p)
    for (datei, code), n in zahl.items():
        if n > MAX_BEFUNDE and code != "NZ199":
            weitere = n - MAX_BEFUNDE
            out.append(
                problem(
                    datei,
                    1,
                    "NZ199",
                    f"… und {weitere:,} {'weiterer Befund' if weitere == 1 else 'weitere Befunde'} {code} "
                    "in dieser Datei".replace(",", "."),
                    "Erst die gezeigten beheben; oft verschwinden die übrigen mit ihnen.",
                )
            )
    return out


_NACH_DEN_DATEIEN = {g for r in REGELN.values() if r.bereich is Bereich.PRUEFPUNKT for g in r.pruefungen}


def betrifft(p: Problem, dateien: Collection[str]) -> bool:
    """Betrifft der Befund eine der ``dateien`` (Anzeigepfade)? Seine eigene Datei, jede aus
    ``p.betrifft`` – oder, bei Regeln über den ganzen Bestand, jede."""
    return REGELN[p.code].betrifft(p, dateien)


@dataclass(frozen=True)
class Pruefbericht:
    """Was ``netz validate`` ausgibt: die Prüfung, ob Warnungen zählen, und je Befund die Zeile
    der Datei (aus den schon gelesenen Bytes, siehe :func:`auszuege`)."""

    pruefung: Pruefung
    streng: bool
    auszuege: dict[tuple[str, int], str] = field(default_factory=dict)

    @property
    def gueltig(self) -> bool:
        return self.pruefung.gueltig(self.streng)


_ZEILENENDE = re.compile(rb"\r\n|\r|\n")  # wie YAML zählt (U+0085/2028/2029 sind Befund NZ114)
MAX_AUSZUG = 300


def auszuege(probleme: Collection[Problem], inhalte: dict[str, bytes]) -> dict[tuple[str, int], str]:
    """Die Zeile jedes Befunds aus den gelesenen Bytes – je Datei einmal zerlegt, also linear."""
    gesucht: dict[str, set[int]] = {}
    for p in probleme:
        if p.datei in inhalte:
            gesucht.setdefault(p.datei, set()).add(p.zeile)
    out: dict[tuple[str, int], str] = {}
    for datei, nummern in gesucht.items():
        zeilen = _ZEILENENDE.split(inhalte[datei])
        for n in nummern:
            if 1 <= n <= len(zeilen) and len(zeilen[n - 1]) <= 4 * MAX_AUSZUG:
                text = zeilen[n - 1].decode("utf-8", errors="replace").lstrip("\ufeff")
                # Null-Bytes: eine UTF-16-Datei (NZ103) – als UTF-8 gelesen ist die Zeile nur Rauschen
                if text.strip() and len(text) <= MAX_AUSZUG and "\x00" not in text:
                    out[(datei, n)] = text
    return out
