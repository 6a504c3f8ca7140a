"""Eine Sperre für schreibende Befehle, nach dem Muster von git (``index.lock``).

Wer schreibt, legt ``.netz.lock`` im Datenordner exklusiv an (``O_EXCL``) und
löscht sie danach. Ein zweiter Prozess wartet, bis sie frei ist, und liest die
Daten erst dann – so sieht er, was der erste geschrieben hat, und zwei Prozesse
können nicht beide denselben Vertrag eintragen.
"""

from __future__ import annotations

import contextlib
import os
import random
import socket
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from ..kern.fehler import NetzFehler
from .datei import lies_datei
from .ordner import SPERRDATEI

__all__ = ["SPERRDATEI", "Gesperrt", "beschreibe", "sperre", "verwaist"]
WARTEN_SEKUNDEN = 30.0


class Gesperrt(NetzFehler):
    """Die Sperre ist nicht zu bekommen (deutsche Meldung, mit Hinweis zur Behebung)."""


def _lebt(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # gehört einem anderen Benutzer, lebt also
        return True
    return True


def _inhaber(pfad: Path) -> tuple[int | None, str, str]:
    daten = lies_datei(pfad, str(pfad), 4096)  # eine Sperrdatei ist eine Zeile lang
    if not isinstance(daten, bytes):
        return None, "", ""
    teile = daten.decode("utf-8", errors="replace").split()
    pid = int(teile[0]) if teile and teile[0].isdigit() and len(teile[0]) <= 10 else None
    host = teile[1] if len(teile) > 1 else ""
    seit = teile[2] if len(teile) > 2 else ""
    return pid, host, seit


def verwaist(pfad: Path) -> bool:
    """Gehört die Sperre einem Prozess dieses Rechners, der nicht mehr läuft?"""
    pid, host, _ = _inhaber(pfad)
    return pid is not None and host == socket.gethostname() and not _lebt(pid)


def beschreibe(pfad: Path, anzeige: str) -> Gesperrt:
    pid, host, seit = _inhaber(pfad)
    wer = f"Prozess {pid} auf {host or '?'}" if pid else "einem unbekannten Prozess"
    if verwaist(pfad):
        return Gesperrt(
            f"Die Sperrdatei {anzeige} stammt von {wer} (seit {seit or '?'}), der nicht mehr läuft."
            " Nichts wurde geschrieben.",
            f"Wenn kein netz mehr schreibt, die Datei löschen: rm {anzeige}",
        )
    return Gesperrt(
        f"Ein anderer netz-Befehl schreibt gerade ({wer}, seit {seit or '?'}); Sperrdatei {anzeige}."
        " Nichts wurde geschrieben.",
        f"Später erneut versuchen. Hängt die Sperre, nach Prüfung löschen: rm {anzeige}",
    )


@contextlib.contextmanager
def sperre(wurzel: Path, anzeige: str, warten: float = WARTEN_SEKUNDEN) -> Iterator[None]:
    pfad = wurzel / SPERRDATEI
    inhalt = f"{os.getpid()} {socket.gethostname()} {datetime.now().isoformat(timespec='seconds')}\n"
    frist = time.monotonic() + warten
    while True:
        try:
            fd = os.open(pfad, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            if verwaist(pfad) or time.monotonic() > frist:
                raise beschreibe(pfad, anzeige) from None
            time.sleep(0.02 + random.random() * 0.05)
            continue
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(inhalt)
        break
    try:
        yield
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(pfad)
