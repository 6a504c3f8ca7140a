"""Dateien sicher anlegen und ersetzen.

Neue Dateien entstehen exklusiv und atomar: erst eine Temporärdatei im selben
Ordner (geschrieben, mit fsync), dann ``os.link`` auf den Zielnamen – das
schlägt fehl, wenn es den Namen schon gibt. So wird nie eine fremde Datei
überschrieben und nie eine halbe Datei sichtbar.

Beim Ersetzen bekommt die neue Fassung Modus, Eigentümer und Gruppe der alten. Eine
Verknüpfung (symbolisch oder hart) ersetzt netz nicht: ``rename`` träfe nur den einen
Namen, die Datei hinter den anderen bliebe alt – eine Falle, die ein Pull-Request legen kann.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import shutil
import stat
from pathlib import Path

from ..kern.fehler import NetzFehler
from .datei import art
from .ordner import TEMP_PRAEFIX


class ZielExistiert(FileExistsError):
    pass


class NichtErsetzbar(NetzFehler):
    """Die Datei ist keine einfache reguläre Datei; netz ersetzt sie nicht."""


def schreibe_alles(fd: int, daten: bytes) -> None:
    """``os.write`` darf weniger schreiben als verlangt; bis alles geschrieben ist."""
    while daten:
        n = os.write(fd, daten)
        daten = daten[n:]


def _temporaer(ordner: Path, inhalt: bytes, wie: os.stat_result | None = None) -> Path:
    """Schreibt ``inhalt`` in eine neue Temporärdatei im Ordner, mit fsync.

    ``wie``: Modus, Eigentümer und Gruppe dieser (alten) Datei übernehmen. Scheitert
    irgendetwas (Datenträger voll, SIGTERM), bleibt keine Temporärdatei zurück.
    """
    tmp = ordner / f"{TEMP_PRAEFIX}{secrets.token_hex(6)}.tmp"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    try:
        try:
            if wie is not None:
                _uebernimm_rechte(fd, wie)
            schreibe_alles(fd, inhalt)
            os.fsync(fd)
        finally:
            os.close(fd)
    except OSError as e:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise OSError(e.errno, e.strerror, str(tmp)) from e
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    return tmp


def _uebernimm_rechte(fd: int, wie: os.stat_result) -> None:
    # Erst der Eigentümer: chown löscht setuid/setgid, chmod setzt sie danach wieder.
    if hasattr(os, "fchown"):
        try:
            os.fchown(fd, wie.st_uid, wie.st_gid)
        except PermissionError:
            # Ohne Vorrechte nur die Gruppe (erlaubt, wenn man ihr angehört); sonst still
            # weiter: Eigentümer ist dann der Schreibende, der Modus bleibt.
            with contextlib.suppress(PermissionError):
                os.fchown(fd, -1, wie.st_gid)
    os.fchmod(fd, stat.S_IMODE(wie.st_mode))


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


def pruefe_ersetzbar(ziel: Path, anzeige: str) -> os.stat_result:
    """Die ``stat``-Angaben von ``ziel`` – wenn netz es ersetzen darf, sonst :class:`NichtErsetzbar`."""
    try:
        fd = os.open(ziel, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError as e:
        if e.errno == errno.ELOOP:
            raise NichtErsetzbar(
                f"{anzeige} ist eine symbolische Verknüpfung; netz ändert sie nicht.",
                "Daten gehören in reguläre Dateien; die Verknüpfung durch die Datei selbst ersetzen.",
            ) from None
        raise
    try:
        st = os.fstat(fd)
    finally:
        os.close(fd)
    if not stat.S_ISREG(st.st_mode):
        raise NichtErsetzbar(f"{anzeige} ist {art(st.st_mode)}, keine reguläre Datei; netz ändert sie nicht.")
    if st.st_nlink > 1:
        raise NichtErsetzbar(
            f"{anzeige} hat {st.st_nlink} Namen (harte Verknüpfungen); netz ändert sie nicht, "
            "weil die anderen Namen sonst die alte Fassung behielten.",
            "Die Datei kopieren und die Kopie an ihre Stelle setzen (cp DATEI x && mv x DATEI).",
        )
    return st


def ersetze_atomar(ziel: Path, inhalt: bytes, anzeige: str | None = None) -> None:
    """Ersetzt ``ziel`` atomar (rename): Leser sehen die alte oder die neue Fassung.

    Modus, Eigentümer und Gruppe bleiben; Verknüpfungen werden verweigert (:func:`pruefe_ersetzbar`).
    """
    wie = pruefe_ersetzbar(ziel, anzeige or str(ziel))
    _einsetzen(_temporaer(ziel.parent, inhalt, wie), ziel)


def _fsync_ordner(ordner: Path) -> None:
    try:
        fd = os.open(ordner, os.O_RDONLY)
    except OSError:  # pragma: no cover - z. B. Windows
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _einsetzen(tmp: Path, ziel: Path) -> None:
    """Die fertige Temporärdatei an ihren Platz (rename ist atomar); sie bleibt nie liegen."""
    try:
        os.replace(tmp, ziel)
        _fsync_ordner(ziel.parent)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)


# --- Ordner: netz site ----------------------------------------------------------------

#: Markiert einen Ordner als von netz erzeugt: nur ihn ersetzt ``netz site`` ohne ``--force``.
MARKE = ".netz-site"
MARKE_TEXT = "Dieser Ordner wurde von „netz site“ erzeugt; netz ersetzt ihn beim nächsten Lauf ganz.\n"


def _verweigert(meldung: str, hinweis: str = "") -> NetzFehler:
    from ..kern.fehler import Exit

    return NetzFehler(meldung, hinweis, Exit.DATEN)


def pruefe_zielordner(
    ziel: Path, force: bool, geschuetzt: list[Path], datenordner: Path | None = None
) -> None:
    """Darf netz ``ziel`` (ganz) ersetzen? Sonst :class:`NetzFehler` (Exit 1).

    Ein leerer oder fehlender Ordner und einer mit :data:`MARKE` ja; ein fremder Ordner nur
    mit ``force``; ein Ordner, der ``geschuetzt`` (Datenordner, Arbeitsverzeichnis, Home)
    enthält oder ist, nie – ``--force`` soll kein Tippfehler sein, der die Daten löscht;
    ein Ordner im ``datenordner`` auch nicht (validate fände dort einen fremden Ordner).
    """
    from .ziel import pruefe_schutz

    anzeige = str(ziel)
    pruefe_schutz(ziel, datenordner, "diesen Ordner")  # dieselbe Regel wie netz export
    try:
        st = os.lstat(ziel)
    except FileNotFoundError:
        return
    if stat.S_ISLNK(st.st_mode):
        raise _verweigert(
            f"{anzeige} ist eine symbolische Verknüpfung; netz schreibt die Website nicht dorthin.",
            "Einen Ordner angeben, der keine Verknüpfung ist.",
        )
    if not stat.S_ISDIR(st.st_mode):
        was = "eine Datei" if stat.S_ISREG(st.st_mode) else art(st.st_mode)
        raise _verweigert(
            f"{anzeige} ist {was}, kein Ordner; netz ersetzt es nicht durch die Website.",
            "Einen Ordner angeben, z. B. „netz site _site“.",
        )
    echt = ziel.resolve()
    for g in geschuetzt:
        try:
            g.resolve().relative_to(echt)
        except ValueError:
            continue
        raise _verweigert(
            f"{anzeige} enthält {g}; netz ersetzt diesen Ordner nicht, auch nicht mit --force.",
            "Einen eigenen Ordner für die Website angeben, z. B. „netz site _site“.",
        )
    if (ziel / MARKE).is_file():
        return
    try:
        leer = not any(os.scandir(ziel))
    except OSError:
        leer = False
    if leer or force:
        return
    raise _verweigert(
        f"Den Ordner „{anzeige}“ gibt es schon, und netz hat ihn nicht angelegt; sein Inhalt würde ersetzt.",
        "Einen neuen Ordner angeben oder mit --force ersetzen (der ganze Inhalt geht verloren).",
    )


def schreibe_ordner(ziel: Path, dateien: dict[str, bytes]) -> None:
    """Schreibt ``dateien`` (relativer Pfad mit „/“ → Inhalt) als Ordner ``ziel``: erst in einen
    Temporärordner neben dem Ziel, dann ein ``rename``. Ein alter Ordner wird erst danach
    gelöscht; scheitert etwas vorher, bleibt das Ziel, wie es war, und kein Rest liegt herum.

    :func:`pruefe_zielordner` muss vorher zugestimmt haben.
    """
    eltern = ziel.parent
    tmp = eltern / f"{TEMP_PRAEFIX}site-{secrets.token_hex(6)}"
    alt = eltern / f"{TEMP_PRAEFIX}site-alt-{secrets.token_hex(6)}"
    os.mkdir(tmp, 0o755)
    try:
        for name, inhalt in sorted(dateien.items()):
            teile = name.split("/")
            if any(t in ("", ".", "..") for t in teile):
                raise ValueError(f"unzulässiger Pfad in der Website: {name!r}")
            ordner = tmp.joinpath(*teile[:-1])
            ordner.mkdir(parents=True, exist_ok=True)
            fd = os.open(ordner / teile[-1], os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            try:
                schreibe_alles(fd, inhalt)
            finally:
                os.close(fd)
        fd = os.open(tmp / MARKE, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        try:
            schreibe_alles(fd, MARKE_TEXT.encode("utf-8"))
            os.fsync(fd)
        finally:
            os.close(fd)
        if os.path.lexists(ziel):
            os.rename(ziel, alt)
            try:
                os.rename(tmp, ziel)
            except BaseException:
                os.rename(alt, ziel)
                raise
        else:
            os.rename(tmp, ziel)
        _fsync_ordner(eltern)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    shutil.rmtree(alt, ignore_errors=True)


def schreibe_datei(ziel: Path, inhalt: bytes) -> None:
    """Eine Ausgabedatei (Bericht, Karte) atomar schreiben: neu anlegen oder ersetzen –
    Leser sehen die alte oder die neue Fassung, nie eine halbe."""
    if os.path.lexists(ziel):
        ersetze_atomar(ziel, inhalt)
        return
    _einsetzen(_temporaer(ziel.parent, inhalt), ziel)
