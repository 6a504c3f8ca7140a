"""Dateien sicher anlegen und ersetzen.

Neue Dateien entstehen exklusiv und atomar: erst eine Temporärdatei im selben
Ordner (geschrieben, mit fsync), dann ``os.link`` auf den Zielnamen – das
schlägt fehl, wenn es den Namen schon gibt. So wird nie eine fremde Datei
überschrieben und nie eine halbe Datei sichtbar.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path

from .ordner import TEMP_PRAEFIX


class ZielExistiert(FileExistsError):
    pass


def _temporaer(ordner: Path, inhalt: bytes) -> Path:
    """Schreibt ``inhalt`` in eine neue Temporärdatei im Ordner, mit fsync."""
    tmp = ordner / f"{TEMP_PRAEFIX}{secrets.token_hex(6)}.tmp"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    with os.fdopen(fd, "wb") as f:
        f.write(inhalt)
        f.flush()
        os.fsync(f.fileno())
    return tmp


def lege_exklusiv_an(ziel: Path, inhalt: str) -> None:
    """Schreibt ``inhalt`` nach ``ziel``, nur wenn es ``ziel`` noch nicht gibt.

    Atomar: Leser sehen die Datei ganz oder gar nicht. Bei einem Absturz bleibt
    höchstens eine Temporärdatei ``.netz-*`` zurück, die jeder Leser übergeht.
    """
    tmp = _temporaer(ziel.parent, inhalt.encode("utf-8"))
    try:
        try:
            os.link(tmp, ziel)  # scheitert, wenn es ziel schon gibt
        except FileExistsError:
            raise ZielExistiert(str(ziel)) from None
        _fsync_ordner(ziel.parent)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)


def ersetze_atomar(ziel: Path, inhalt: bytes) -> None:
    """Ersetzt ``ziel`` atomar (rename): Leser sehen die alte oder die neue Fassung."""
    tmp = _temporaer(ziel.parent, inhalt)
    try:
        os.replace(tmp, ziel)
        _fsync_ordner(ziel.parent)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)


def _fsync_ordner(ordner: Path) -> None:
    try:
        fd = os.open(ordner, os.O_RDONLY)
    except OSError:  # pragma: no cover - z. B. Windows
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
