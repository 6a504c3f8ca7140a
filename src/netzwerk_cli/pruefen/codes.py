"""Grenzen des Einlesens und kleine Helfer über dem Register der Regeln (:mod:`.regeln`).

Die Codes selbst – Titel, Schwere, Umfang, Prüfung – stehen nur in :data:`.regeln.REGELN`;
sie sind stabil und in docs/befunde.md dokumentiert; ein Code wird nie für eine andere
Bedeutung wiederverwendet.
"""

from __future__ import annotations

from ..kern.befund import Problem
from .regeln import REGELN, problem

__all__ = ["MAX_BEFUNDE", "MAX_BYTES", "begrenze", "problem", "titel"]

#: Größte Datei, die netz liest und prüft: eine Region- oder Vertragsdatei hat wenige Zeilen.
MAX_BYTES = 1024 * 1024
#: Höchstens so viele Befunde je Datei; der Rest wird gezählt (eine kaputte Datei soll weder
#: die Ausgabe fluten noch die Prüfung aufhalten).
MAX_BEFUNDE = 50


def titel(code: str) -> str:
    return REGELN[code].titel


def begrenze(probleme: list[Problem], datei: str, weitere: int = 0) -> list[Problem]:
    """Höchstens :data:`MAX_BEFUNDE` Befunde einer Datei, dann einer, der den Rest zählt."""
    weitere += max(0, len(probleme) - MAX_BEFUNDE)
    if not weitere:
        return probleme
    zahl = f"{weitere:,}".replace(",", ".")
    rest = problem(
        datei,
        probleme[MAX_BEFUNDE - 1].zeile if probleme else 1,
        "NZ199",
        f"… und {zahl} {'weiterer Befund' if weitere == 1 else 'weitere Befunde'} in dieser Datei",
        "Erst die gezeigten beheben; oft verschwinden die übrigen mit ihnen.",
    )
    return [*probleme[:MAX_BEFUNDE], rest]
