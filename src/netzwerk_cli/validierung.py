"""``netz validate`` als Funktion: Datenbestand rein, Bericht raus."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .laden import Datenbestand
from .probleme import Problem
from .pruefungen import PruefErgebnis, pruefe, pruefpunkte

# Befunde, die aus dem Zusammenspiel mehrerer Dateien entstehen: sie werden immer
# gemeldet, auch wenn nur einzelne Dateien geprüft werden (pre-commit).
DATEIUEBERGREIFEND = ("NZ4", "NZ5")


@dataclass(frozen=True)
class Validierung:
    probleme: list[Problem]
    pruefpunkte: list[PruefErgebnis]
    dateien: dict[str, int]
    fehler: int
    warnungen: int

    def gueltig(self, streng: bool) -> bool:
        return self.fehler == 0 and not (streng and self.warnungen)

    def zusammenfassung(self) -> str:
        n_reg, n_ver = self.dateien.get("regionen", 0), self.dateien.get("vertraege", 0)
        text = f"{n_reg} Regionen, {n_ver} Verträge geprüft: {self.fehler} Fehler, {self.warnungen} Warnungen"
        geprueft = [e for e in self.pruefpunkte if e.geprueft]
        if self.pruefpunkte:
            text += f"; Prüfpunkte: {sum(bool(e.erfuellt) for e in geprueft)} von {len(geprueft)} erfüllt"
            if len(geprueft) < len(self.pruefpunkte):
                text += f", {len(self.pruefpunkte) - len(geprueft)} bewusst nicht geprüft"
        elif self.fehler:
            text += "; Prüfpunkte erst nach Behebung der Fehler"
        return text + "."


def _echt(pfad: str | Path) -> str:
    return os.path.realpath(pfad)


def validiere(bestand: Datenbestand, heute: date, nur: Iterable[Path] | None = None) -> Validierung:
    """Alle Prüfungen; mit ``nur`` werden Befunde je Datei auf diese Dateien beschränkt."""
    probleme = pruefe(bestand, heute, mit_pruefpunkten=False)
    ergebnisse: list[PruefErgebnis] = []
    if not any(p.ist_fehler for p in probleme):
        # Prüfpunkte nur auf fehlerfreien Daten: sonst wären die Zahlen falsch.
        ergebnisse = pruefpunkte(bestand, heute)
        probleme = sorted(probleme + [e.problem for e in ergebnisse if e.problem is not None])
    if nur is not None:
        auswahl = {_echt(p) for p in nur}
        probleme = [p for p in probleme if p.code.startswith(DATEIUEBERGREIFEND) or _echt(p.datei) in auswahl]
    fehler = sum(p.ist_fehler for p in probleme)
    return Validierung(probleme, ergebnisse, dict(bestand.dateien), fehler, len(probleme) - fehler)
