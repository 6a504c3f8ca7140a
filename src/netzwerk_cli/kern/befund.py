"""Die eine Währung für Befunde: jede Prüfung liefert :class:`Problem`-Werte, jedes Format
gibt sie aus. Welche Codes es gibt, steht in :mod:`netzwerk_cli.pruefen.codes`."""

from __future__ import annotations

from enum import Enum
from typing import NamedTuple


class Schwere(str, Enum):
    FEHLER = "error"
    WARNUNG = "warning"


class Problem(NamedTuple):
    """Ein Befund mit Ort: ``datei:zeile:spalte code meldung`` und ein Hinweis zur Behebung."""

    datei: str
    zeile: int
    spalte: int
    code: str
    meldung: str
    hinweis: str = ""
    schwere: Schwere = Schwere.FEHLER

    @property
    def ist_fehler(self) -> bool:
        return self.schwere is Schwere.FEHLER
