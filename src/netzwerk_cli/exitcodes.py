"""Die Exit-Codes von netz, an einer Stelle."""

from enum import IntEnum


class Exit(IntEnum):
    OK = 0
    #: Daten ungültig oder Aktion verweigert (z. B. Region hat schon ein Netzwerk)
    DATEN = 1
    #: Aufruffehler: unbekannte Option, Datum falsch geschrieben, kein Datenordner
    AUFRUF = 2
