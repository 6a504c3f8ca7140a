"""Der Dateibaum, aus dem :func:`.laden.lade_datenbestand` liest: die Platte oder eine git-Revision.

Die Platte (:class:`.laden.Platte`) und eine git-Revision (:class:`.git.Revision`) sind die
beiden Bäume. Der Lader kennt nur zwei Fragen an einen Baum – „was liegt in diesem Ordner (mit seiner Art)?“
und „gib mir die Bytes dieser regulären Datei, höchstens so viele“ – und stellt sonst jede Regel
selbst auf. So gilt jede Regel je Datei genau einmal, gleich woher die Bytes kommen.

Ein Baum wird nur so tief gelesen, wie netz ihn braucht (der Datenordner und seine Unterordner
``regionen/``, ``vertraege/``, ``geo/``, ``quellen/``), und ein Ordner mit mehr als
:data:`MAX_EINTRAEGE` Einträgen wird nicht gelesen, sondern gemeldet.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from ..kern.befund import Problem
from ..kern.fehler import os_fehler
from ..pruefen.codes import problem

DATEI = "datei"
ORDNER = "ordner"
VERKNUEPFUNG = "verknuepfung"
ANDERES = "anderes"  # FIFO, Gerät, Socket, git-Submodul: nie gelesen

#: Mehr Einträge hat kein Ordner eines Datenordners, den netz lesen soll (53 Regionen, einige
#: hundert Verträge; der Benchmark liest 10.000). Die Grenze schützt vor einem Baum, der
#: wenige Bytes groß ist, aber Millionen Einträge nennt.
MAX_EINTRAEGE = 100_000


@dataclass(frozen=True)
class Eintrag:
    """Ein Eintrag eines Ordners: Name, Art (:data:`DATEI`, :data:`ORDNER`, :data:`VERKNUEPFUNG`,
    :data:`ANDERES`), die Beschreibung der Art für Befunde und – wenn bekannt – die Größe."""

    name: str
    art: str
    beschreibung: str
    groesse: int = -1


@dataclass(frozen=True)
class Lesen:
    """Ein Leseauftrag: Pfad relativ zum Datenordner (mit „/“), Anzeigepfad, Obergrenze."""

    pfad: str
    anzeige: str
    grenze: int


class Baum(Protocol):
    """Was der Lader von einer Datenquelle braucht."""

    #: Der Datenordner im Arbeitsbaum: Anzeigepfade und ``Dokument.datei`` beziehen sich darauf.
    wurzel: Path

    def eintraege(self, ordner: str, anzeige: str) -> list[Eintrag] | Problem | None:
        """Die Einträge von ``ordner`` ("" ist der Datenordner selbst), nach Namen sortiert;
        ``None``, wenn es ihn nicht gibt; ein Befund, wenn er sich nicht lesen lässt oder mehr als
        :data:`MAX_EINTRAEGE` Einträge hat. Der Lader fragt nur nach Ordnern, die die Liste
        darüber als :data:`ORDNER` nannte – nie durch eine Verknüpfung."""
        ...

    def lies(self, auftraege: Iterable[Lesen]) -> Iterator[bytes | Problem]:
        """Die Bytes jeder Datei (nur reguläre Dateien, höchstens ``grenze``), sonst ein Befund –
        in der Reihenfolge der Aufträge."""
        ...

    def reste(self, kandidaten: list[tuple[str, str]]) -> list[Problem]:
        """NZ110 für Temporärdateien von netz (Pfad, Anzeige), die kein laufender Schreiber hält."""
        ...

    def sperre(self) -> list[Problem]:
        """NZ111, wenn eine Sperrdatei sicher niemandem mehr gehört."""
        ...


def zu_viele_eintraege(anzeige: str, mindestens: int) -> Problem:
    return problem(
        anzeige,
        1,
        "NZ119",
        f"Ordner hat mehr als {MAX_EINTRAEGE:,} Einträge (mindestens {mindestens:,}); "
        "netz liest darin nichts".replace(",", "."),
        "Ein Datenordner hat einige hundert Dateien je Ordner – ist es der richtige Ordner?",
    )


def nicht_lesbar(anzeige: str, e: OSError) -> Problem:
    return problem(anzeige, 1, "NZ100", f"Ordner nicht lesbar: {os_fehler(e)}")
