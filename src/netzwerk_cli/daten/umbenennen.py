"""Eine Datendatei im selben Ordner umbenennen (``validate --fix``, ``Korrektur(art="umbenennen")``).

Kennt git die Datei, benennt ``git mv`` sie um – sonst sähe der nächste Commit eine gelöschte
und eine neue Datei statt einer Umbenennung. Sonst ein Link auf den neuen Namen und das
Entfernen des alten: anders als ``rename`` überschreibt ``link`` nie eine vorhandene Datei.
"""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

from ..kern.fehler import NetzFehler
from .schreiben import _fsync_ordner, pruefe_ersetzbar


def ist_ordentlicher_name(name: str) -> bool:
    """Ein Dateiname, den netz als Ziel anlegt: ohne Ordner, nicht versteckt, ``.yaml``."""
    return (
        name == os.path.basename(name)
        and not name.startswith((".", "-"))
        and name.endswith(".yaml")
        and name.isprintable()
    )


def benenne_um(quelle: Path, ziel: Path, anzeige: str, ziel_anzeige: str) -> bool:
    """Benennt ``quelle`` in ``ziel`` (derselbe Ordner) um, ohne etwas zu überschreiben.

    Gibt zurück, ob git die Umbenennung vorgemerkt hat (``git mv``)."""
    if quelle.parent != ziel.parent or not ist_ordentlicher_name(ziel.name):
        raise NetzFehler(f"{anzeige}: „{ziel_anzeige}“ ist kein Name im selben Ordner; nichts umbenannt.")
    pruefe_ersetzbar(quelle, anzeige)  # reguläre Datei, keine Verknüpfung, ein Name
    if os.path.lexists(ziel):
        raise NetzFehler(
            f"{ziel_anzeige} gibt es schon; {anzeige} wurde nicht umbenannt.",
            "Ist eine der beiden eine Kopie der anderen? Dann die Kopie löschen.",
        )
    if _von_git_verfolgt(quelle):
        from .git import git

        rc, _, fehler = git(quelle.parent, "mv", "--", quelle.name, ziel.name)
        if rc != 0:
            raise NetzFehler(f"git mv {anzeige} ist gescheitert: {fehler.strip()[:200]}")
        return True
    try:
        os.link(quelle, ziel)  # scheitert mit EEXIST, statt zu überschreiben
    except OSError as e:
        if e.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP):
            raise
        # ein Dateisystem ohne harte Verknüpfungen: prüfen und umbenennen (unter der Sperre)
        if os.path.lexists(ziel):  # pragma: no cover - Wettlauf mit einem Prozess ohne Sperre
            raise NetzFehler(f"{ziel_anzeige} gibt es schon; {anzeige} wurde nicht umbenannt.") from None
        os.rename(quelle, ziel)
    else:
        os.unlink(quelle)
    _fsync_ordner(ziel.parent)
    return False


def _von_git_verfolgt(pfad: Path) -> bool:
    """Kennt der Index des Repositorys um ``pfad`` die Datei? Ohne git oder Repository: nein."""
    if shutil.which("git") is None:
        return False
    from .git import git

    rc, aus, _ = git(pfad.parent, "ls-files", "--error-unmatch", "--", pfad.name)
    return rc == 0 and bool(aus.strip())
