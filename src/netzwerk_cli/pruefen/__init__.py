"""Jeder inhaltliche Befund: strenges YAML, eine Datei, dateiübergreifend, Prüfpunkte.

Einstieg ist :func:`pruefe`; die Codes stehen in :mod:`.codes`. Nichts hier liest Dateien:
die Bytes und das Verzeichnis der Quellen bringt die Datenschicht mit.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date

from ..kern.befund import Problem
from ..kern.bestand import Datenbestand
from .bestand import dateiuebergreifend
from .geo import grenzen_und_regionen
from .pruefpunkte import PruefErgebnis, form, pruefpunkte

__all__ = ["PruefErgebnis", "Pruefbericht", "Pruefung", "auszuege", "pruefe"]

# Befunde aus dem Zusammenspiel mehrerer Dateien: sie werden immer gemeldet, auch wenn nur
# einzelne Dateien geprüft werden (pre-commit).
DATEIUEBERGREIFEND = ("NZ4", "NZ5")


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

    ``nur``: Anzeigepfade; Befunde einzelner Dateien werden dann auf diese beschränkt,
    dateiübergreifende bleiben (pre-commit übergibt nur die geänderten Dateien).
    ``hoechstalter``: so alt darf die neueste landesweite Zählung sein („3y“); sonst gilt
    programm.yaml oder die Vorgabe.
    """
    probleme = list(bestand.probleme) + dateiuebergreifend(bestand, heute)
    probleme += grenzen_und_regionen(bestand, heute)
    probleme += form(bestand, heute, hoechstalter, regionen_ganz=not any(p.ist_fehler for p in probleme))
    ergebnisse: list[PruefErgebnis] = []
    geprueft = False
    if mit_pruefpunkten and not any(p.ist_fehler for p in probleme):
        ergebnisse = pruefpunkte(bestand, heute)
        probleme += [e.problem for e in ergebnisse if e.problem is not None]
        geprueft = bestand.programm is not None
    ausgeblendet = 0
    if nur is not None:
        gezeigt = [p for p in probleme if p.code.startswith(DATEIUEBERGREIFEND) or p.datei in nur]
        if mit_pruefpunkten and not geprueft and bestand.programm is not None:
            ausgeblendet = sum(p.ist_fehler for p in probleme) - sum(p.ist_fehler for p in gezeigt)
        probleme = gezeigt
    return Pruefung(sorted(probleme), ergebnisse, dict(bestand.dateien), geprueft, ausgeblendet)


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
