"""Eine Datei sicher lesen: nur reguläre Dateien, ohne Verknüpfungen zu folgen, mit Obergrenze."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from ..kern.befund import Problem
from ..kern.fehler import os_fehler
from ..kern.zahlen import ganz
from ..pruefen.codes import MAX_BYTES, problem

# O_NOFOLLOW: eine Verknüpfung als letzter Pfadteil wird nicht geöffnet (ELOOP);
# O_NONBLOCK: das Öffnen einer FIFO hängt nicht (fstat weist sie danach ab).
_OEFFNEN = (
    os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
)


def lies_datei(pfad: str | Path, anzeige: str, grenze: int = MAX_BYTES) -> bytes | Problem:
    """Die Bytes einer regulären Datei (höchstens ``grenze``), sonst ein Befund."""
    try:
        if not hasattr(os, "O_NOFOLLOW") and os.path.islink(pfad):  # pragma: no cover - Windows
            return keine_datei(anzeige, "eine symbolische Verknüpfung")
        fd = os.open(pfad, _OEFFNEN)
    except OSError as e:
        if e.errno == errno.ELOOP:
            return keine_datei(anzeige, "eine symbolische Verknüpfung")
        return problem(anzeige, 1, "NZ100", f"Datei nicht lesbar: {os_fehler(e)}")
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            return keine_datei(anzeige, art(st.st_mode))
        if st.st_size > grenze:
            return zu_gross(anzeige, st.st_size, grenze)
        # Ein Byte mehr als fstat meldet: kommt weniger zurück, ist die reguläre Datei zu Ende –
        # meist ein einziger Aufruf. Ist sie inzwischen gewachsen, weiterlesen, nie über die Grenze.
        wunsch = min(st.st_size, grenze) + 1
        teile = [os.read(fd, wunsch)]
        gelesen = len(teile[0])
        while gelesen == wunsch and gelesen <= grenze:
            stueck = os.read(fd, min(1 << 20, grenze + 1 - gelesen))
            if not stueck:
                break
            teile.append(stueck)
            gelesen += len(stueck)
            wunsch = gelesen
        if gelesen > grenze:
            return zu_gross(anzeige, gelesen, grenze)
        return b"".join(teile)
    except OSError as e:
        return problem(anzeige, 1, "NZ100", f"Datei nicht lesbar: {os_fehler(e)}")
    finally:
        os.close(fd)


def art(modus: int) -> str:
    if stat.S_ISDIR(modus):
        return "ein Ordner"
    if stat.S_ISLNK(modus):
        return "eine symbolische Verknüpfung"
    if stat.S_ISFIFO(modus):
        return "eine FIFO (benannte Pipe)"
    if stat.S_ISCHR(modus) or stat.S_ISBLK(modus):
        return "eine Gerätedatei"
    if stat.S_ISSOCK(modus):
        return "ein Socket"
    return "keine reguläre Datei"


def keine_datei(anzeige: str, art: str) -> Problem:
    return problem(
        anzeige,
        1,
        "NZ112",
        f"Ist {art}, keine reguläre Datei; netz liest sie nicht",
        "Daten gehören in reguläre Dateien direkt im Ordner; die Verknüpfung bzw. den Eintrag entfernen.",
    )


def kein_ordner(anzeige: str, art_: str) -> Problem:
    """regionen/, vertraege/, geo/ oder quellen/ ist kein Ordner (auf der Platte wie in einer
    git-Revision) – auch eine Verknüpfung auf einen Ordner ist keiner: nichts wird durch sie gelesen."""
    return problem(
        anzeige,
        1,
        "NZ112",
        f"Ist {art_}, kein Ordner; netz liest darin nichts",
        "Der Datenordner braucht echte Unterordner (regionen/, vertraege/, geo/, quellen/), "
        "keine Verknüpfungen.",
    )


def zu_gross(anzeige: str, groesse: int, grenze: int) -> Problem:
    return problem(
        anzeige,
        1,
        "NZ102",
        f"Datei ist größer als {ganz(grenze // 1024)} KiB (mindestens {ganz(groesse // 1024)} KiB); "
        "netz liest sie nicht",
        "Eine Region- oder Vertragsdatei ist wenige Zeilen lang – ist es die richtige Datei?"
        if grenze == MAX_BYTES
        else "Die Grenzdatei ist einige zehn KiB groß – ist es die richtige Datei?",
    )


# Dieselbe Grenze gilt für Dateien aus einer git-Revision (daten/git.py).
