"""Die Namen im Datenordner: Ordner und Dateien, wie der Datenbestand sie kennt.

Sie stehen im Kern, weil nicht nur ``daten`` (das Dateisystem) sie braucht, sondern auch die
Prüfungen in ``pruefen`` und der Datenbestand selbst (``Datenbestand.dateien`` zählt je Ordner).
Ein Name, an einer Stelle: wer einen Ordner umbenennt, ändert ihn hier.
"""

from __future__ import annotations

REGIONEN = "regionen"
VERTRAEGE = "vertraege"
QUELLEN = "quellen"
GEO = "geo"
PROGRAMM = "programm.yaml"
GEOJSON = f"{GEO}/nrw-kreise.geojson"
GEMEINDEN = f"{GEO}/nrw-gemeinden.csv"
