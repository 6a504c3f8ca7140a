"""Grenzen der 53 Regionen (BKG VG5000) und ihre Kachelkarte – reines Python, kein GIS.

Die Projektion ist plattkartenähnlich: x = Länge · cos(51,5°), y = Breite. Für
eine Karte NRWs in Bildschirmgröße ist das genau genug (so auch die Quelle).
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable
from dataclasses import dataclass, field

K = math.cos(math.radians(51.5))

ATTRIBUTION = (
    "Verwaltungsgrenzen: © GeoBasis-DE / BKG 2021 (Daten verändert), Datenlizenz Deutschland – "
    "Namensnennung – Version 2.0 (dl-de/by-2-0, https://www.govdata.de/dl-de/by-2-0); "
    "Datensatz: VG5000 Stand 01.01.2021, https://gdz.bkg.bund.de"
)

Punkt = tuple[float, float]


@dataclass(frozen=True)
class Flaeche:
    ags: str
    name: str
    ring: tuple[Punkt, ...]  # (x, y) projiziert, geschlossen

    @property
    def schwerpunkt(self) -> Punkt:
        a = cx = cy = 0.0
        for (x1, y1), (x2, y2) in itertools.pairwise(self.ring):
            c = x1 * y2 - x2 * y1
            a += c
            cx += (x1 + x2) * c
            cy += (y1 + y2) * c
        a /= 2
        if a == 0:  # pruefen/geo.py weist Flächen ohne Inhalt ab; hier nur kein Teilen durch null
            n = max(len(self.ring), 1)
            return sum(x for x, _ in self.ring) / n, sum(y for _, y in self.ring) / n
        return cx / (6 * a), cy / (6 * a)


@dataclass(frozen=True)
class Grenzen:
    """Die geprüften Flächen aus ``geo/`` (pruefen/geo.py): nur fehlerfreie Grenzen kommen bis
    hierher, ein Renderer sieht nie ungeprüfte Geometrie."""

    datei: str  # Anzeigepfad der GeoJSON-Datei
    flaechen: tuple[Flaeche, ...]
    # (Zeile, Spalte) der Fläche eines AGS in der Datei – für Befunde, die eine Fläche nennen;
    # erst gesucht, wenn es einen gibt (die Datei wird bei jedem Befehl geprüft)
    ort: Callable[[str], tuple[int, int]] = field(compare=False, hash=False, repr=False)


# --- Kachelkarte -------------------------------------------------------------

SPALTEN = 11
ZEILEN = 10

# Zeile, Spalte je Region: aus den Schwerpunkten abgeleitet (kleinste Summe der
# quadrierten Verschiebungen über alle Zuordnungen zu freien Zellen) und hier
# festgeschrieben, damit die Karte stabil bleibt. tests/test_geo.py prüft, dass
# keine Zelle doppelt belegt ist und keine Region weiter als 2 Zellen von ihrem
# Schwerpunkt liegt.
KACHELN: dict[str, tuple[int, int]] = {
    "05111": (6, 1), "05112": (4, 1), "05113": (4, 3), "05114": (5, 1), "05116": (6, 0),
    "05117": (5, 2), "05119": (4, 2), "05120": (6, 4), "05122": (6, 3), "05124": (5, 3),
    "05154": (3, 0), "05158": (6, 2), "05162": (7, 1), "05166": (5, 0), "05170": (3, 1),
    "05314": (8, 3), "05315": (7, 2), "05316": (7, 3), "05334": (8, 0), "05358": (8, 1),
    "05362": (8, 2), "05366": (9, 2), "05370": (7, 0), "05374": (7, 5), "05378": (7, 4),
    "05382": (8, 4), "05512": (3, 2), "05513": (3, 3), "05515": (2, 5), "05554": (2, 2),
    "05558": (2, 4), "05562": (2, 3), "05566": (1, 5), "05570": (2, 6), "05711": (2, 8),
    "05754": (2, 7), "05758": (1, 8), "05762": (3, 10), "05766": (2, 9), "05770": (0, 9),
    "05774": (3, 8), "05911": (4, 4), "05913": (4, 5), "05914": (5, 5), "05915": (3, 6),
    "05916": (3, 4), "05954": (5, 4), "05958": (5, 7), "05962": (6, 5), "05966": (6, 6),
    "05970": (7, 7), "05974": (4, 7), "05978": (3, 5),
}  # fmt: skip

# Kurzbeschriftung (höchstens 6 Zeichen); sonst die ersten 6 Zeichen des Namens
KURZ = {
    "05116": "MGladb",
    "05117": "Mülhm",
    "05162": "Neuss",
    "05334": "Aachen",
    "05362": "R-Erft",
    "05374": "Oberbg",
    "05378": "RheinB",
    "05382": "R-Sieg",
    "05562": "Reckl.",
    "05770": "Minden",
    "05954": "EnRuhr",
    "05958": "HSauer",
    "05962": "Märk.K",
    "05970": "Siegen",
}


def kurzname(ags: str, name: str) -> str:
    return KURZ.get(ags, name[:6])


def ideale_zellen(flaechen: list[Flaeche]) -> dict[str, Punkt]:
    """Wo jede Region im Raster läge, wenn es keine Kollisionen gäbe (Spalte, Zeile)."""
    sp = {f.ags: f.schwerpunkt for f in flaechen}
    xs = [p[0] for p in sp.values()]
    ys = [p[1] for p in sp.values()]
    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
    bx, by = (x1 - x0) or 1.0, (y1 - y0) or 1.0  # eine einzige Fläche: kein Teilen durch null
    return {a: ((x - x0) / bx * (SPALTEN - 1), (y1 - y) / by * (ZEILEN - 1)) for a, (x, y) in sp.items()}
