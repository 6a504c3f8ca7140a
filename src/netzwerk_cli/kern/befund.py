"""Die eine Währung für Befunde: jede Prüfung liefert :class:`Problem`-Werte, jedes Format
gibt sie aus. Welche Codes es gibt, steht im Register :mod:`netzwerk_cli.pruefen.regeln`."""

from __future__ import annotations

from enum import Enum
from typing import NamedTuple


class Schwere(str, Enum):
    FEHLER = "error"
    WARNUNG = "warning"


class Korrektur(NamedTuple):
    """Eine mechanische Behebung als Daten, nicht als Prosa: ``validate --fix`` wendet sie an,
    ohne den Hinweistext zu lesen.

    - ``art="ersetzen"``: in Zeile ``zeile`` steht ab Spalte ``spalte`` (1-basiert, Zeichen)
      genau ``alt``; daraus wird ``neu``.
    - ``art="umbenennen"``: die Datei des Befunds bekommt den Pfad ``neu`` (relativ wie
      ``Problem.datei``); ``zeile``/``spalte``/``alt`` bleiben leer.
    """

    art: str
    zeile: int = 0
    spalte: int = 0
    alt: str = ""
    neu: str = ""


class Problem(NamedTuple):
    """Ein Befund mit Ort: ``datei:zeile:spalte code meldung`` und ein Hinweis zur Behebung.

    ``betrifft`` nennt die weiteren Dateien eines dateiübergreifenden Befunds (ein Befund
    betrifft ``datei`` und jede aus ``betrifft``); ``korrektur`` ist die mechanische Behebung,
    wo es eine gibt.
    """

    datei: str
    zeile: int
    spalte: int
    code: str
    meldung: str
    hinweis: str = ""
    schwere: Schwere = Schwere.FEHLER
    betrifft: tuple[str, ...] = ()
    korrektur: Korrektur | None = None

    @property
    def ist_fehler(self) -> bool:
        return self.schwere is Schwere.FEHLER
