"""Viele Dateien mit zwei Prozessen lesen (Linux, ab einigen tausend Dateien).

Lesen und Prüfen einer Datei sind unabhängig voneinander und kosten fast nur
Rechenzeit (libyaml, Pydantic). Ab ``AB_DATEIEN`` Dateien liest darum ein per
``fork`` abgezweigter Prozess den hinteren Teil der Liste und legt seine Ergebnisse
als Pickle in eine Temporärdatei; dieser Prozess liest derweil den vorderen Teil.
Das Ergebnis ist Datei für Datei dasselbe wie beim Lesen nacheinander (getestet),
nur schneller, wenn ein zweiter Kern frei ist.

Nacheinander gelesen wird: unter einer Zahl von Dateien, bei der sich das Abzweigen
nicht lohnt; ohne ``fork`` (Windows) und unter macOS (``fork`` ohne ``exec`` ist dort
unsicher); mit nur einem Kern; mit ``NETZ_PARALLEL=aus``. Scheitert der zweite
Prozess, liest dieser Prozess dessen Teil selbst nach – es geht nichts verloren.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import sys
import tempfile
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pydantic import BaseModel

    from .laden import Ergebnis, Fortschritt, Leser

AB_DATEIEN = 2000
# Der Elternprozess liest die Ergebnisse des Kindes noch ein (Pickle); darum bekommt das Kind
# etwas mehr als die Hälfte.
ANTEIL_KIND = 0.55


def kerne() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # pragma: no cover - nicht Linux
        return os.cpu_count() or 1


def lohnt(anzahl: int) -> bool:
    return (
        anzahl >= AB_DATEIEN
        and sys.platform.startswith("linux")
        and hasattr(os, "fork")
        and os.environ.get("NETZ_PARALLEL", "").lower() not in ("aus", "0", "off", "nein", "no", "false")
        and kerne() >= 2
    )


def lies_alle(
    aufgaben: list[tuple[str, type[BaseModel], str]],
    leser: Leser,
    fortschritt: Fortschritt | None = None,
    erzwingen: bool = False,
) -> list[Ergebnis]:
    """Wie :func:`netzwerk_cli.laden._lies_alle`, bei vielen Dateien mit einem zweiten Prozess."""
    from .laden import _lies_alle

    if not (erzwingen or lohnt(len(aufgaben))):
        return _lies_alle(aufgaben, leser, fortschritt)
    teilung = len(aufgaben) - int(len(aufgaben) * ANTEIL_KIND)
    vorne, hinten = aufgaben[:teilung], aufgaben[teilung:]
    fd, ablage = tempfile.mkstemp(prefix="netz-", suffix=".pickle")
    try:
        pid = _zweige_ab(fd, hinten, leser)
        os.close(fd)
        gesamt = len(aufgaben)

        def melde(gelesen: int, _: int) -> None:  # beide lesen etwa gleich schnell
            if fortschritt is not None:
                fortschritt(min(gesamt, round(gelesen * gesamt / max(len(vorne), 1))), gesamt)

        ergebnisse = _lies_alle(vorne, leser, melde)
        return ergebnisse + _ergebnis_des_kindes(pid, ablage, hinten, leser)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(ablage)


def _zweige_ab(fd: int, aufgaben: list[tuple[str, type[BaseModel], str]], leser: Leser) -> int | None:
    try:
        pid = os.fork()
    except OSError:  # keine Prozesse mehr frei: dann eben allein
        return None
    if pid != 0:
        return pid
    # Im Kind: nur rechnen und schreiben, nie zurück in den Aufrufer (os._exit)
    code = 1
    try:
        ergebnisse = [leser(*a) for a in aufgaben]
        with os.fdopen(fd, "wb") as f:
            pickle.dump(ergebnisse, f, protocol=pickle.HIGHEST_PROTOCOL)
        code = 0
    finally:
        os._exit(code)


def _ergebnis_des_kindes(
    pid: int | None, ablage: str, aufgaben: list[tuple[str, type[BaseModel], str]], leser: Leser
) -> list[Ergebnis]:
    from .laden import _lies_alle

    if pid is not None:
        _, status = os.waitpid(pid, 0)
        if os.waitstatus_to_exitcode(status) == 0:
            try:
                with open(ablage, "rb") as f:
                    ergebnisse: Any = pickle.load(f)
                if isinstance(ergebnisse, list) and len(ergebnisse) == len(aufgaben):
                    return ergebnisse
            except Exception:  # unvollständig o. Ä.: selbst nachlesen
                pass
    return _lies_alle(aufgaben, leser, None)
