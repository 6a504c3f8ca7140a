"""Wo liegen die Daten? ``--data``, ``NETZ_DATA`` oder der nächste ``data/``-Ordner – und
wie heißen die Dateien darin."""

from __future__ import annotations

import os
from pathlib import Path

# die Namen selbst stehen im Kern (kern/ablage.py); hier weitergereicht für daten, aendern, cli
from ..kern.ablage import GEMEINDEN as GEMEINDEN
from ..kern.ablage import GEOJSON as GEOJSON
from ..kern.ablage import PROGRAMM as PROGRAMM
from ..kern.ablage import QUELLEN as QUELLEN
from ..kern.ablage import REGIONEN as REGIONEN
from ..kern.ablage import VERTRAEGE as VERTRAEGE
from ..kern.fehler import Exit, NetzFehler

SPERRDATEI = ".netz.lock"
# Temporärdateien schreibender Befehle beginnen so; Leser übergehen sie.
TEMP_PRAEFIX = ".netz-"


def ist_datenordner(p: Path) -> bool:
    return (p / REGIONEN).is_dir()


def finde_datenordner(angabe: str | None, start: Path | None = None) -> Path:
    """``angabe`` (Option oder Umgebung) gewinnt; sonst von ``start`` aufwärts suchen."""
    if angabe:
        p = Path(angabe).expanduser()
        if not ist_datenordner(p):
            raise NetzFehler(
                f"„{angabe}“ ist kein netz-Datenordner (es fehlt der Unterordner {REGIONEN}/)",
                code=Exit.AUFRUF,
            )
        return p.resolve()
    start = (start or Path.cwd()).resolve()
    for ordner in (start, *start.parents):
        if ist_datenordner(ordner):
            return ordner
        if ist_datenordner(ordner / "data"):
            return ordner / "data"
    raise NetzFehler(
        f"Kein Datenordner gefunden: weder in {start} noch darüber gibt es data/{REGIONEN}/. "
        "Im Repository aufrufen oder --data ORDNER bzw. NETZ_DATA angeben.",
        code=Exit.AUFRUF,
    )


def umgebung() -> str | None:
    return os.environ.get("NETZ_DATA") or None


def anzeigepfad(pfad: Path, wurzel: Path) -> str:
    """Pfad für Meldungen: relativ zum Arbeitsverzeichnis, sonst zum Repository."""
    try:
        return os.path.relpath(pfad)
    except ValueError:  # pragma: no cover - anderes Laufwerk unter Windows
        return str(pfad.relative_to(wurzel.parent))
