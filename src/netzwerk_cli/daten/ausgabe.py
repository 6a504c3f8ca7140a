"""Ausgaben außerhalb des Datenordners schreiben: ``netz export`` (Datei, Ordner, SQLite).

Nichts wird halb geschrieben: alles entsteht erst neben dem Ziel (``.netz-….tmp``, derselbe
Datenträger), vollständig und mit fsync, und wird dann umbenannt. Scheitert etwas – voller
Datenträger, keine Berechtigung, Strg+C –, verschwindet das Temporäre, und ein vorhandenes
Ziel bleibt, wie es war.

Ein vorhandenes Ziel ersetzt netz nur, wenn es von netz stammt (eine Arbeitsmappe mit
netz als Urheber, eine Datenbank mit netz' Hinweistabelle, ein Ordner mit der Marke
``.netz-export``) oder wenn ``--force`` es ausdrücklich erlaubt. Verknüpfungen werden nie
verfolgt: ``--force`` ersetzt die Verknüpfung selbst, nie ihr Ziel.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import sqlite3
import stat
import zipfile
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import quote

from ..kern.fehler import Exit, NetzFehler, os_fehler
from .datei import art
from .ordner import TEMP_PRAEFIX
from .schreiben import schreibe_alles
from .sperre import sigterm_als_ausnahme
from .ziel import pruefe_schutz

# Die Marke in einem Ordner, den netz export geschrieben hat
MARKE = ".netz-export"
_MARKE_TEXT = b"Geschrieben von netz export; der naechste Export ersetzt diesen Ordner.\n"
# So viel liest netz höchstens aus einem vorhandenen Ziel, um es zu erkennen
_GRENZE = 1 << 20


class SqlitePlan(Protocol):
    @property
    def anweisungen(self) -> Sequence[str]: ...
    @property
    def einfuegen(self) -> Sequence[tuple[str, Sequence[Sequence[Any]]]]: ...


def _von_netz_datei(pfad: Path) -> bool:
    """Ist diese reguläre Datei eine Ausgabe von netz export (xlsx, ods, sqlite)?"""
    try:
        with open(pfad, "rb") as f:
            kopf = f.read(16)
        if kopf.startswith(b"PK"):
            with zipfile.ZipFile(pfad) as z:
                for name, zeichen in (
                    ("docProps/core.xml", b"<dc:creator>netz</dc:creator>"),
                    ("meta.xml", b"<meta:generator>netz</meta:generator>"),
                ):
                    if name in z.namelist() and z.getinfo(name).file_size <= _GRENZE:
                        return zeichen in z.read(name)
            return False
        if kopf == b"SQLite format 3\x00":
            uri = f"file:{quote(str(pfad))}?mode=ro"
            con = sqlite3.connect(uri, uri=True)
            try:
                zeile = con.execute(
                    "SELECT wert FROM hinweise WHERE schluessel IN ('Erzeugt von', 'erzeugt_von')"
                ).fetchone()
            finally:
                con.close()
            return bool(zeile) and str(zeile[0]).startswith("netz")
    except (OSError, zipfile.BadZipFile, sqlite3.Error, KeyError):
        return False
    return False


def _von_netz_ordner(pfad: Path) -> bool:
    try:
        inhalt = os.listdir(pfad)
    except OSError:
        return False
    return not inhalt or MARKE in inhalt


def pruefe_ziel(ziel: Path, ordner: bool, force: bool) -> bool:
    """Darf netz nach ``ziel`` schreiben? Wahr, wenn es ``ziel`` schon gibt (dann wird ersetzt).

    Verweigert (Exit 1) ein fremdes Ziel ohne ``--force`` und – auch mit ``--force`` – eine
    Datei, wo ein Ordner hin soll, oder umgekehrt, wenn sie nicht von netz ist."""
    try:
        st = os.lstat(ziel)
    except FileNotFoundError:
        return False
    except OSError as e:
        raise NetzFehler(f"{ziel} lässt sich nicht schreiben: {os_fehler(e)}.", code=Exit.UMGEBUNG) from None
    if force:
        if stat.S_ISDIR(st.st_mode):
            _ordner_ersetzbar(ziel)
        return True
    hinweis = "Ein anderes Ziel wählen oder mit --force ausdrücklich ersetzen."
    if stat.S_ISLNK(st.st_mode):
        raise NetzFehler(f"{ziel} ist eine symbolische Verknüpfung; netz ersetzt sie nicht.", hinweis)
    if ordner:
        if not stat.S_ISDIR(st.st_mode):
            raise NetzFehler(f"{ziel} gibt es schon und ist {art(st.st_mode)}, kein Ordner.", hinweis)
        if not _von_netz_ordner(ziel):
            raise NetzFehler(
                f"Den Ordner {ziel} gibt es schon, und er stammt nicht von netz export; "
                "netz ersetzt keinen fremden Ordner.",
                hinweis,
            )
        return True
    if not stat.S_ISREG(st.st_mode):
        raise NetzFehler(f"{ziel} gibt es schon und ist {art(st.st_mode)}, keine Datei.", hinweis)
    if not _von_netz_datei(ziel):
        raise NetzFehler(
            f"Die Datei {ziel} gibt es schon, und sie stammt nicht von netz export; "
            "netz überschreibt keine fremde Datei.",
            hinweis,
        )
    return True


def _ordner_ersetzbar(ziel: Path) -> None:
    """Auch ``--force`` ersetzt keinen Ordner mit Unterordnern und nicht das Arbeitsverzeichnis
    oder einen Ordner darüber: ``netz export ~ --format csv --force`` darf kein Zuhause löschen."""
    try:
        hier = Path.cwd().resolve()
        echt = ziel.resolve()
        unterordner = [e.name for e in os.scandir(ziel) if e.is_dir(follow_symlinks=False)]
    except OSError as e:
        raise NetzFehler(f"{ziel} lässt sich nicht schreiben: {os_fehler(e)}.", code=Exit.UMGEBUNG) from None
    if echt == hier or echt in hier.parents:
        raise NetzFehler(
            f"{ziel} ist das Arbeitsverzeichnis oder ein Ordner darüber; netz ersetzt ihn nie.",
            "Einen neuen Ordner als Ziel angeben, z. B. export-csv.",
        )
    if unterordner:
        raise NetzFehler(
            f"Der Ordner {ziel} enthält Unterordner ({', '.join(sorted(unterordner)[:3])}); netz ersetzt "
            "ihn auch mit --force nicht.",
            "Einen neuen Ordner als Ziel angeben, z. B. export-csv.",
        )


def _temp_name(ziel: Path) -> Path:
    return ziel.parent / f"{TEMP_PRAEFIX}{secrets.token_hex(6)}.tmp"


def _entferne(pfad: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        if pfad.is_dir() and not pfad.is_symlink():
            shutil.rmtree(pfad)
        else:
            os.unlink(pfad)


def _fsync(pfad: Path) -> None:
    fd = os.open(pfad, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _datei_anlegen(pfad: Path, inhalt: bytes) -> None:
    fd = os.open(pfad, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o644)
    try:
        schreibe_alles(fd, inhalt)
        os.fsync(fd)
    finally:
        os.close(fd)


def _ordner_fuellen(tmp: Path, dateien: Mapping[str, bytes]) -> None:
    os.mkdir(tmp, 0o755)
    for name, inhalt in dateien.items():
        if "/" in name or name.startswith("."):  # nur eigene, flache Namen
            raise ValueError(name)
        _datei_anlegen(tmp / name, inhalt)
    _datei_anlegen(tmp / MARKE, _MARKE_TEXT)
    _fsync(tmp)


def _sqlite_fuellen(tmp: Path, plan: SqlitePlan) -> None:
    con = sqlite3.connect(tmp, isolation_level=None)
    try:
        # Eine neue Temporärdatei braucht kein Journal: scheitert etwas, wird sie gelöscht
        con.execute("PRAGMA journal_mode = OFF")
        con.execute("BEGIN")
        for a in plan.anweisungen:
            con.execute(a)
        for sql, zeilen in plan.einfuegen:
            con.executemany(sql, zeilen)
        # Fremdschlüssel erst am Ende prüfen: Regionen und Verträge verweisen aufeinander
        if con.execute("PRAGMA foreign_key_check").fetchone() is not None:
            raise NetzFehler("Tabellen verweisen auf fehlende Zeilen; netz schreibt diese Datenbank nicht.")
        con.execute("COMMIT")
    finally:
        con.close()
    _fsync(tmp)


def _sqlite_fehler(e: sqlite3.OperationalError) -> str:
    """SQLite meldet auf Englisch; die Gründe, die die Umgebung betreffen, auf Deutsch."""
    text = str(e).lower()
    if "full" in text:
        return "kein Platz mehr auf dem Datenträger"
    if "readonly" in text or "read-only" in text:
        return "Datenträger ist schreibgeschützt"
    if "unable to open" in text or "permission" in text:
        return "keine Berechtigung"
    return "Ein-/Ausgabefehler beim Schreiben der Datenbank"


_FUELLEN: dict[str, Callable[[Path, Any], None]] = {
    "datei": _datei_anlegen,
    "ordner": _ordner_fuellen,
    "sqlite": _sqlite_fuellen,
}


def schreibe_ausgabe(
    ziel: Path, ziel_art: str, inhalt: Any, force: bool = False, datenordner: Path | None = None
) -> None:
    """Schreibt ``inhalt`` nach ``ziel``: ``datei`` (Bytes), ``ordner`` (Name → Bytes) oder
    ``sqlite`` (ein Plan) – erst neben das Ziel, dann umbenannt; nie halb. Nie in den
    Datenordner, nach .git, über Repository, Arbeitsverzeichnis oder Zuhause (daten/ziel.py)."""
    pruefe_schutz(ziel, datenordner)
    vorhanden = pruefe_ziel(ziel, ziel_art == "ordner", force)
    # SIGTERM wird zur Ausnahme: auch dann räumt finally die Temporärdatei weg (Exit 143)
    with sigterm_als_ausnahme():
        _schreibe(ziel, ziel_art, inhalt, vorhanden)


def _schreibe(ziel: Path, ziel_art: str, inhalt: Any, vorhanden: bool) -> None:
    tmp = _temp_name(ziel)
    alt: Path | None = None
    try:
        _FUELLEN[ziel_art](tmp, inhalt)
        if vorhanden and (ziel_art == "ordner" or not stat.S_ISREG(os.lstat(ziel).st_mode)):
            # Einen Ordner ersetzt rename nicht: erst beiseite, dann an seine Stelle
            alt = _temp_name(ziel)
            os.rename(ziel, alt)
        os.replace(tmp, ziel)
        _fsync(ziel.parent)
    except (OSError, sqlite3.OperationalError) as e:
        grund = os_fehler(e) if isinstance(e, OSError) else _sqlite_fehler(e)
        raise NetzFehler(
            f"{ziel} lässt sich nicht schreiben: {grund}.",
            "Nichts wurde geschrieben; ein vorhandenes Ziel ist unverändert.",
            Exit.UMGEBUNG,
        ) from None
    finally:
        if alt is not None and not os.path.lexists(ziel):
            os.rename(alt, ziel)  # gescheitert zwischen den beiden Umbenennungen: das alte Ziel zurück
        elif alt is not None:
            _entferne(alt)
        _entferne(tmp)
