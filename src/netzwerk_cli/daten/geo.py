"""Die Grenzen der Regionen (``geo/nrw-kreise.geojson``) für Karte, Bericht und Website.

Gelesen und geprüft werden sie wie jede Datei des Datenordners im einen Lader
(:func:`.laden.lade_datenbestand`, Regeln in ``pruefen/geo.py``); hier werden sie nur
abgeholt – ein Renderer bekommt nie ungeprüfte Geometrie.
"""

from __future__ import annotations

from pathlib import Path

from ..kern.bestand import Datenbestand
from ..kern.fehler import NetzFehler
from ..kern.geo import Flaeche
from .ordner import GEOJSON, anzeigepfad


def flaechen(bestand: Datenbestand) -> list[Flaeche]:
    """Die geprüften Flächen des Bestands; ohne gültige Grenzdatei ein Fehler mit den Befunden."""
    if bestand.grenzen is not None:
        return list(bestand.grenzen.flaechen)
    anzeige = anzeigepfad(bestand.wurzel / GEOJSON, bestand.wurzel)
    befunde = [p for p in bestand.probleme if p.datei.startswith(anzeige.removesuffix("nrw-kreise.geojson"))]
    if befunde:
        raise NetzFehler(
            f"Die Grenzen in {anzeige} sind nicht gültig; ohne Grenzen keine Karte.",
            "„netz validate“ zeigt alle Befunde.",
            probleme=befunde[:20],
        )
    raise NetzFehler(
        f"Es gibt keine Grenzdatei {anzeige}; ohne Grenzen keine Karte.",
        "Die Datei aus dem Repository wiederherstellen: git checkout -- " + GEOJSON,
    )


def lade_flaechen(wurzel: Path) -> list[Flaeche]:
    """Nur die Flächen eines Datenordners auf der Platte (für Tests und Werkzeuge) – über den
    einen Lader, also mit allen Regeln."""
    from .laden import lade_datenbestand

    return flaechen(lade_datenbestand(wurzel))
