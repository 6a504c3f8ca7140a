"""Die Gemeinden NRWs aus ``geo/nrw-gemeinden.csv`` lesen (Destatis GV-ISys, dl-de/by-2-0).

Wie jede Datei des Datenordners: sicher gelesen (reguläre Datei, ohne Verknüpfung, mit
Obergrenze) und Zeile für Zeile geprüft; jeder Fehler ist ein Befund NZ120, den ``validate``
zeigt. Gelesen wird nur, was die Prüfung besteht. Fehlt die Datei, erkennt netz keine
Gemeindenamen (sonst ändert sich nichts).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Collection

from ..kern.befund import Problem
from ..kern.namen import Gemeinde
from ..pruefen.codes import problem

# 396 Zeilen sind etwa 20 KiB; mehr ist sicher keine Gemeindeliste
MAX_GEMEINDEN = 256 * 1024
KOPF = ["ags", "name", "kreis_ags", "kreis"]
_AGS = re.compile(r"^05\d{6}$", re.ASCII)


def pruefe_gemeinden_bytes(anzeige: str, daten: bytes) -> tuple[tuple[Gemeinde, ...], list[Problem]]:
    """(Gemeinden, Befunde) aus den Bytes, die der Lader (laden.py) gelesen hat."""
    try:
        text = daten.decode("utf-8")
    except UnicodeDecodeError:
        return (), [problem(anzeige, 1, "NZ120", "Gemeindeliste ist kein UTF-8", "Als UTF-8 speichern.")]
    return pruefe_gemeinden(anzeige, text, ())


def pruefe_gemeinden(
    anzeige: str, text: str, regionen: Collection[str] = ()
) -> tuple[tuple[Gemeinde, ...], list[Problem]]:
    """Jede Zeile: achtstelliger Schlüssel mit 05, ein sichtbarer Name, der Kreis = die ersten
    fünf Stellen. Linear in der Länge. Ein Kreis ohne Regionsdatei ist kein Befund hier (das
    meldet die Prüfung der Regionen; die Gemeinde verweist dann auf nichts und bleibt stumm)."""
    zeilen = list(csv.reader(io.StringIO(text, newline="")))
    if not zeilen or zeilen[0] != KOPF:
        return (), [problem(anzeige, 1, "NZ120", "Kopfzeile fehlt", f"Erste Zeile: {','.join(KOPF)}")]
    out: list[Gemeinde] = []
    befunde: list[Problem] = []
    gesehen: set[str] = set()
    for nr, z in enumerate(zeilen[1:], 2):
        if not z:
            continue
        grund = None
        if len(z) != 4:
            grund = f"{len(z)} Spalten statt 4"
        elif not _AGS.match(z[0]):
            grund = f"„{z[0]}“ ist kein achtstelliger Gemeindeschlüssel mit 05"
        elif z[0] in gesehen:
            grund = f"Gemeindeschlüssel {z[0]} doppelt"
        elif not z[1].strip() or not z[1].isprintable():
            grund = "Name leer oder mit unsichtbaren Zeichen"
        elif z[2] != z[0][:5]:
            grund = f"Kreis „{z[2]}“ passt nicht zum Schlüssel {z[0]} (die ersten fünf Stellen)"
        if grund is not None:
            befunde.append(problem(anzeige, nr, "NZ120", grund, "Die Zeile wie in der Quelle schreiben."))
            continue
        gesehen.add(z[0])
        out.append(Gemeinde(z[0], z[1], z[2]))
    return tuple(out), befunde
