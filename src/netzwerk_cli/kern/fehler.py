"""Der eine Fehlertyp von netz und die Exit-Codes, an einer Stelle.

Jede Schicht wirft :class:`NetzFehler` mit deutscher Meldung, Hinweis und Exit-Code;
gefangen und ausgegeben wird er genau einmal, in ``cli.main``.
"""

from __future__ import annotations

import errno
from collections.abc import Sequence
from enum import IntEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .befund import Problem


class Exit(IntEnum):
    OK = 0
    #: Daten ungültig oder Aktion verweigert (z. B. Region hat schon ein Netzwerk)
    DATEN = 1
    #: Aufruffehler: unbekannte Option, Datum falsch geschrieben, kein Datenordner
    AUFRUF = 2
    #: Ein Fehler in netz selbst – bitte melden
    INTERN = 3
    #: Die Umgebung verweigert sich: Datenträger voll, schreibgeschützt, keine Berechtigung
    UMGEBUNG = 4
    #: Abgebrochen mit Strg+C (128 + SIGINT, wie die Shell es zählt)
    ABBRUCH = 130
    #: Beendet mit SIGTERM während eines Schreibvorgangs (128 + SIGTERM); nichts blieb liegen
    BEENDET = 143


class NetzFehler(Exception):
    """Etwas, das netz dem Nutzer sagt und dann mit ``code`` endet.

    ``probleme`` sind Befunde, die zuerst gezeigt werden (z. B. warum eine Änderung
    die Daten ungültig machte).
    """

    def __init__(
        self,
        meldung: str,
        hinweis: str = "",
        code: Exit = Exit.DATEN,
        probleme: Sequence[Problem] = (),
    ) -> None:
        super().__init__(meldung)
        self.meldung = meldung
        self.hinweis = hinweis
        self.code = code
        self.probleme = list(probleme)


class Verzichtet(NetzFehler):
    """Der Nutzer hat „Speichern?“ verneint: kein Fehler, nur nichts getan – ausgegeben
    ohne „Fehler:“, aber mit Exit 1 (ein Skript sieht, dass nichts gespeichert wurde)."""

    def __init__(self) -> None:
        super().__init__("Nichts gespeichert.")


_OS_FEHLER = {
    "ENOENT": "gibt es nicht",
    "EACCES": "keine Berechtigung",
    "EPERM": "keine Berechtigung",
    "EISDIR": "ist ein Ordner",
    "ENOTDIR": "ein Teil des Pfads ist kein Ordner",
    "ENOSPC": "kein Platz mehr auf dem Datenträger",
    "EDQUOT": "Speicherkontingent erschöpft",
    "EROFS": "Datenträger ist schreibgeschützt",
    "EEXIST": "gibt es schon",
    "ELOOP": "ist eine symbolische Verknüpfung",
    "EMFILE": "zu viele offene Dateien",
    "ENAMETOOLONG": "Name zu lang",
    "EIO": "Ein-/Ausgabefehler des Datenträgers",
    "EBUSY": "wird gerade benutzt",
    "ETXTBSY": "wird gerade benutzt",
    "ENXIO": "Gerät nicht erreichbar",
}


def os_fehler(e: OSError) -> str:
    """Betriebssystemfehler auf Deutsch (die Texte des Systems sind englisch)."""
    name = errno.errorcode.get(e.errno or 0, "")
    return _OS_FEHLER.get(name, f"Fehler des Betriebssystems ({name or e.errno})")
