"""Eine Sperre für schreibende Befehle, nach dem Muster von git (``index.lock``).

Wer schreibt, legt ``.netz.lock`` im Datenordner exklusiv an (``O_EXCL``) und
löscht sie danach. Ein zweiter Prozess wartet, bis sie frei ist, und liest die
Daten erst dann – so sieht er, was der erste geschrieben hat, und zwei Prozesse
können nicht beide denselben Vertrag eintragen.

Die Sperrdatei nennt Prozessnummer, Rechner, Uhrzeit und die Startzeit des Prozesses
(Linux: Feld 22 von ``/proc/PID/stat``). Eine Sperre, die sicher niemandem mehr gehört
(leer oder unlesbar und nicht ganz frisch, Prozess beendet, Prozessnummer von einem
anderen Prozess wiederverwendet), ersetzt der nächste schreibende Befehl mit einem
Hinweis; eine Sperre eines anderen Rechners nie – dort kann netz nicht nachsehen.
"""

from __future__ import annotations

import contextlib
import errno
import os
import random
import secrets
import signal
import socket
import stat
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from types import FrameType

from ..kern.fehler import NetzFehler
from .ordner import SPERRDATEI
from .schreiben import schreibe_alles

__all__ = ["SPERRDATEI", "Beendet", "Gesperrt", "Sperrzustand", "beschreibe", "sperre", "verwaist", "zustand"]
WARTEN_SEKUNDEN = 30.0
# So lange kann eine leere Sperre einem Schreiber gehören, der sie gerade angelegt,
# aber noch nicht beschrieben hat; erst danach gilt sie als verwaist.
FRISCH_SEKUNDEN = 2.0


class Gesperrt(NetzFehler):
    """Die Sperre ist nicht zu bekommen (deutsche Meldung, mit Hinweis zur Behebung)."""


class Beendet(SystemExit):
    """SIGTERM während des gesperrten Abschnitts: als Ausnahme, damit jedes ``finally``
    Sperre und Temporärdatei entfernt. SystemExit, damit kein ``except Exception`` sie schluckt."""


@dataclass(frozen=True)
class Sperrzustand:
    pid: int | None
    host: str
    seit: str
    start: str  # Startzeit des Prozesses in Takten seit Systemstart; "" = unbekannt
    verwaist_weil: str | None  # None: gehört (vielleicht) noch jemandem

    @property
    def verwaist(self) -> bool:
        return self.verwaist_weil is not None

    @property
    def wer(self) -> str:
        return f"Prozess {self.pid} auf {self.host or '?'}" if self.pid else "einem unbekannten Prozess"


def prozessstart(pid: int) -> str:
    """Startzeit des Prozesses (Linux: Feld 22 von /proc/PID/stat); "" wo es das nicht gibt."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            roh = f.read(4096)
    except OSError:
        return ""
    # Feld 2 (Name in Klammern) darf Leerzeichen und Klammern enthalten: erst nach der letzten „)“ zählen
    felder = roh[roh.rfind(b")") + 1 :].split()
    return felder[19].decode("ascii", "replace") if len(felder) > 19 else ""


def _lebt(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # gehört einem anderen Benutzer, lebt also
        return True
    except OverflowError:  # eine Zahl, die keine Prozessnummer sein kann
        return False
    return True


def _lies(pfad: Path) -> tuple[bytes | None, float, str]:
    """(Inhalt oder None, Alter in Sekunden, Art, falls keine reguläre Datei)."""
    fd = os.open(pfad, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    try:
        st = os.fstat(fd)
        alter = time.time() - st.st_mtime
        if not stat.S_ISREG(st.st_mode):
            return None, alter, "keine reguläre Datei"
        return os.read(fd, 4096), alter, ""  # eine Sperrdatei ist eine Zeile lang
    finally:
        os.close(fd)


def zustand(pfad: Path) -> Sperrzustand | None:
    """Wem gehört die Sperre, und ist sie sicher verwaist? None: es gibt keine."""
    try:
        daten, alter, art = _lies(pfad)
    except FileNotFoundError:
        return None
    except OSError as e:
        if e.errno == errno.ELOOP:
            return Sperrzustand(None, "", "", "", "eine symbolische Verknüpfung statt einer Datei")
        return Sperrzustand(None, "", "", "", None)  # nicht lesbar: nichts Sicheres zu sagen
    frisch = alter < FRISCH_SEKUNDEN
    if daten is None:
        return Sperrzustand(None, "", "", "", art)
    teile = daten.decode("utf-8", errors="replace").split()
    if not teile:
        return Sperrzustand(None, "", "", "", None if frisch else "leer")
    if not (teile[0].isdigit() and len(teile[0]) <= 10 and len(teile) in (3, 4)):
        return Sperrzustand(None, "", "", "", None if frisch else "unlesbarer Inhalt")
    pid = int(teile[0])
    host, seit = teile[1], teile[2]
    start = teile[3] if len(teile) > 3 else ""
    grund = None
    if host == socket.gethostname():
        if not _lebt(pid):
            grund = f"Prozess {pid} läuft nicht mehr"
        elif start and (jetzt := prozessstart(pid)) and jetzt != start:
            grund = f"Prozessnummer {pid} gehört inzwischen einem anderen Prozess"
    return Sperrzustand(pid, host, seit, start, grund)


def verwaist(pfad: Path) -> bool:
    """Gehört die Sperre sicher niemandem mehr?"""
    z = zustand(pfad)
    return z is not None and z.verwaist


def beschreibe(pfad: Path, anzeige: str) -> Gesperrt:
    z = zustand(pfad) or Sperrzustand(None, "", "", "", None)
    if z.verwaist_weil is not None:
        return Gesperrt(
            f"Die Sperrdatei {anzeige} ist verwaist ({z.verwaist_weil}), ließ sich aber nicht ersetzen."
            " Nichts wurde geschrieben.",
            f"Wenn kein netz mehr schreibt, die Datei löschen: rm {anzeige}",
        )
    return Gesperrt(
        f"Ein anderer netz-Befehl schreibt gerade ({z.wer}, seit {z.seit or '?'}); Sperrdatei {anzeige}."
        " Nichts wurde geschrieben.",
        f"Später erneut versuchen. Hängt die Sperre, nach Prüfung löschen: rm {anzeige}",
    )


def _ersetze_verwaiste(pfad: Path, anzeige: str) -> bool:
    """Entfernt die Sperre, wenn sie sicher verwaist ist; True, wenn das geschah.

    Erst umbenennen, dann prüfen, ob es noch dieselbe Datei ist: zwei Prozesse, die dieselbe
    verwaiste Sperre sehen, sollen nicht die frische Sperre des jeweils anderen löschen.
    """
    z = zustand(pfad)
    if z is None or z.verwaist_weil is None:
        return False
    try:
        vorher = os.lstat(pfad)
    except FileNotFoundError:
        return False
    if stat.S_ISDIR(vorher.st_mode):  # ein Ordner lässt sich nicht einfach löschen: der Mensch entscheidet
        raise beschreibe(pfad, anzeige)
    weg = pfad.with_name(f"{SPERRDATEI}.{secrets.token_hex(6)}.alt")
    try:
        os.rename(pfad, weg)
    except FileNotFoundError:
        return False  # ein anderer war schneller
    nachher = os.lstat(weg)
    if (nachher.st_ino, nachher.st_dev) != (vorher.st_ino, vorher.st_dev):
        # inzwischen die frische Sperre eines anderen: zurück an ihren Platz
        os.rename(weg, pfad)
        return False
    os.unlink(weg)
    print(f"Hinweis: verwaiste Sperrdatei {anzeige} ({z.verwaist_weil}) ersetzt.", file=sys.stderr)
    return True


@contextlib.contextmanager
def sigterm_als_ausnahme() -> Iterator[None]:
    """Während des gesperrten Abschnitts wird SIGTERM zur Ausnahme :class:`Beendet`."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "SIGTERM"):
        yield  # Signale lassen sich nur im Hauptfaden umlenken
        return
    ausgeloest = False

    def handler(signum: int, _frame: FrameType | None) -> None:
        nonlocal ausgeloest
        if ausgeloest:  # ein zweites Signal soll das Aufräumen nicht unterbrechen
            return
        ausgeloest = True
        raise Beendet(128 + signum)

    alt = signal.signal(signal.SIGTERM, handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, alt)


@contextlib.contextmanager
def sperre(wurzel: Path, anzeige: str, warten: float = WARTEN_SEKUNDEN) -> Iterator[None]:
    pfad = wurzel / SPERRDATEI
    start = prozessstart(os.getpid())
    jetzt = datetime.now().isoformat(timespec="seconds")
    inhalt = f"{os.getpid()} {socket.gethostname()} {jetzt} {start}".rstrip() + "\n"
    frist = time.monotonic() + warten
    with sigterm_als_ausnahme():
        while True:
            try:
                fd = os.open(pfad, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            except FileExistsError:
                if _ersetze_verwaiste(pfad, anzeige):
                    continue
                if time.monotonic() > frist:
                    raise beschreibe(pfad, anzeige) from None
                time.sleep(0.02 + random.random() * 0.05)
                continue
            try:
                schreibe_alles(fd, inhalt.encode("utf-8"))
            except OSError as e:
                # z. B. Datenträger voll: keine leere Sperre zurücklassen, die alle aufhält
                os.close(fd)
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(pfad)
                raise OSError(e.errno, e.strerror, str(pfad)) from e
            except BaseException:
                os.close(fd)
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(pfad)
                raise
            os.close(fd)
            break
        try:
            yield
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(pfad)
