"""Der Datenbestand: die gültigen Dokumente eines Datenordners und die Befunde des Einlesens."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Generic, TypeVar

from pydantic import BaseModel

from .befund import Problem
from .geo import Grenzen
from .modelle import Programm, Region, Vertrag
from .namen import Gemeinde

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Dokument(Generic[M]):
    """Ein gültiges Modell mit seiner Datei und den Zeilen seiner Schlüssel."""

    datei: str  # Pfad als Text, wie gelesen
    anzeige: str  # Pfad, wie er in Meldungen steht
    modell: M
    # Zeile jedes Schlüssels der obersten Ebene (und ``schluessel[i]`` je Listeneintrag)
    zeilen: dict[str, int] = field(compare=False, hash=False)

    @property
    def pfad(self) -> Path:
        return Path(self.datei)

    @property
    def name(self) -> str:
        return os.path.basename(self.datei)

    def zeile(self, schluessel: str) -> int:
        return self.zeilen.get(schluessel, 1)


@dataclass
class Datenbestand:
    wurzel: Path
    regionen: list[Dokument[Region]] = field(default_factory=list)
    vertraege: list[Dokument[Vertrag]] = field(default_factory=list)
    programm: Dokument[Programm] | None = None
    probleme: list[Problem] = field(default_factory=list)
    # Zahl der gelesenen Dateien je Art (auch der fehlerhaften)
    dateien: dict[str, int] = field(default_factory=dict)
    # Die Dateien unter quellen/, relativ zum Datenordner (für Quellenangaben wie „quellen/x.txt“)
    quellen: frozenset[str] = frozenset()
    # Die geprüften Grenzen aus geo/ (None: keine Grenzdatei oder eine fehlerhafte – ihre Befunde
    # stehen in probleme); Karte, Bericht und Website zeichnen nur diese
    grenzen: Grenzen | None = None
    # Anzeigepfade der Dateien, die nicht gültig gelesen wurden (ihre Befunde stehen in probleme)
    fehlerhaft: set[str] = field(default_factory=set)
    # Ordner (regionen, vertraege), die sich nicht lesen ließen: ihr Inhalt ist unbekannt
    unvollstaendig: set[str] = field(default_factory=set)
    # Die gelesenen Bytes je Anzeigepfad: Quelltextausschnitte kommen von hier, nie aus einem
    # zweiten Lesen (die Datei könnte inzwischen eine Verknüpfung nach draußen sein)
    inhalte: dict[str, bytes] = field(default_factory=dict, repr=False)
    # Fehler in Dateien anderer Regionen, die ein Befehl über eine Region hingenommen hat
    # (cli._basis.lade mit ``region``); eine Änderung wird an ihnen nicht gemessen
    geduldet: frozenset[Problem] = frozenset()
    # Ist die Datei (Pfad wie ``Dokument.datei``) in git erfasst? None: unbekannt (kein git). Die
    # Datenschicht setzt es; gefragt wird nur für einen Befund, der einen Befehl nennt (NZ401).
    verfolgt: Callable[[str], bool | None] | None = field(default=None, repr=False, compare=False)
    # Die Gemeinden aus geo/nrw-gemeinden.csv: „Ratingen“ → Kreis Mettmann (leer ohne die Datei)
    gemeinden: tuple[Gemeinde, ...] = ()

    @property
    def programmbeginn(self) -> date | None:
        """Der Tag der ersten Verträge (``erste_vertraege``): davor zählt nichts."""
        return self.programm.modell.erste_vertraege if self.programm is not None else None

    @property
    def fehlerfrei(self) -> bool:
        """Sind alle Regionen- und Vertragsdateien gültig gelesen worden?"""
        return self.dateien.get("regionen", 0) == len(self.regionen) and self.dateien.get(
            "vertraege", 0
        ) == len(self.vertraege)
