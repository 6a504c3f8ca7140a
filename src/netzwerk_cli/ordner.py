"""Wo liegen die Daten? ``--data``, ``NETZ_DATA`` oder der nächste ``data/``-Ordner."""

from __future__ import annotations

import os
from pathlib import Path

from .laden import REGIONEN


class KeinDatenordner(Exception):
    """Kein Datenordner gefunden oder angegeben (deutsche Meldung im Text)."""


def ist_datenordner(p: Path) -> bool:
    return (p / REGIONEN).is_dir()


def finde_datenordner(angabe: str | None, start: Path | None = None) -> Path:
    """``angabe`` (Option oder Umgebung) gewinnt; sonst von ``start`` aufwärts suchen."""
    if angabe:
        p = Path(angabe).expanduser()
        if not ist_datenordner(p):
            raise KeinDatenordner(
                f"„{angabe}“ ist kein netz-Datenordner (es fehlt der Unterordner {REGIONEN}/)"
            )
        return p.resolve()
    start = (start or Path.cwd()).resolve()
    for ordner in (start, *start.parents):
        if ist_datenordner(ordner):
            return ordner
        if ist_datenordner(ordner / "data"):
            return ordner / "data"
    raise KeinDatenordner(
        f"Kein Datenordner gefunden: weder in {start} noch darüber gibt es data/{REGIONEN}/. "
        "Im Repository aufrufen oder --data ORDNER bzw. NETZ_DATA angeben."
    )


def umgebung() -> str | None:
    return os.environ.get("NETZ_DATA") or None
