"""Zwischenspeicher der lesenden Befehle: unveränderte Dateien nicht neu prüfen.

``netz status`` läuft dutzendmal am Tag auf denselben Dateien. Das Ergebnis des
Lesens einer Datei (Modell oder Befunde) hängt nur von ihren Bytes, ihrem Pfad und
der netz-Version ab; der Zwischenspeicher merkt es sich je Datei unter einer Prüfsumme
des Inhalts (nicht unter Änderungszeit und Größe – die können bei schnellem Schreiben
gleich bleiben). Jede Datei wird also weiter gelesen, nur YAML-Parser und Pydantic
entfallen, wenn sich nichts geändert hat.

* ``netz validate`` nutzt ihn nie: der Wächter im CI prüft immer alles neu.
* Ablage außerhalb des Repositorys (``~/.cache/netz`` bzw. ``XDG_CACHE_HOME``,
  unter Windows ``%LOCALAPPDATA%``), nur dem eigenen Benutzer lesbar: eine mit einem
  Pull-Request eingeschleuste Datei kann so nie geladen werden.
* ``NETZ_CACHE=ORDNER`` legt die Ablage fest, ``NETZ_CACHE=aus`` schaltet ihn ab.
* Jeder Fehler beim Lesen oder Schreiben des Zwischenspeichers heißt nur: ohne ihn.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

try:  # blake2b ohne hashlib (das lädt OpenSSL und zählt dessen Verfahren auf)
    from _blake2 import blake2b
except ImportError:  # pragma: no cover
    from hashlib import blake2b

try:  # der C-Teil von pickle allein: ohne das Python-Modul pickle (~2 ms beim Start)
    from _pickle import HIGHEST_PROTOCOL, dump, load
except ImportError:  # pragma: no cover - andere Python-Implementierungen
    from pickle import HIGHEST_PROTOCOL, dump, load

from . import __version__
from .laden import lies_bytes, ohne_gc

if TYPE_CHECKING:
    from datetime import date

    from .laden import Datenbestand, Dokument, M
    from .probleme import Problem

AUS = {"aus", "0", "off", "no", "nein", "false"}

# Einträge: Pfad -> (Prüfsumme, Modellname, Anzeigepfad, Ergebnis)
Eintrag = tuple[bytes, str, str, Any]


def ablage() -> Path | None:
    """Der Ordner des Zwischenspeichers, oder None (abgeschaltet)."""
    wert = os.environ.get("NETZ_CACHE", "").strip()
    if wert.lower() in AUS:
        return None
    if wert:
        return Path(wert).expanduser()
    if sys.platform == "win32":  # pragma: no cover - unter Linux getestet
        basis = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(basis) / "netz" / "Cache"
    basis = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(basis) / "netz"


def _kennung() -> tuple[str, ...]:
    """Was die gespeicherten Ergebnisse außer den Bytes bestimmt: Versionen und Code.

    Der Code zählt mit (Größe und Änderungszeit jeder Quelldatei von netz), damit eine
    geänderte Prüfung auch ohne neue Versionsnummer neu rechnet.
    """
    import pydantic

    paket = Path(__file__).parent
    teile = [__version__, sys.version, pydantic.VERSION]
    for ordner, _, namen in sorted(os.walk(paket)):
        for name in sorted(namen):
            if name.endswith(".py"):
                st = os.stat(os.path.join(ordner, name))
                teile.append(f"{name}:{st.st_size}:{st.st_mtime_ns}")
    return tuple(teile)


class Zwischenspeicher:
    """Ein Zwischenspeicher für einen Datenordner; ``lies`` passt als Leser zu ``lade_datenbestand``."""

    def __init__(self, wurzel: Path, ordner: Path | None) -> None:
        self.datei = None
        if ordner is not None:
            name = blake2b(str(wurzel).encode(), digest_size=12).hexdigest()
            self.datei = ordner / f"{name}.pickle"
        self.kennung = _kennung() if self.datei else ()
        self.alt: dict[str, Eintrag] = {}
        # Ergebnis der dateiübergreifenden Prüfung: (Schlüssel, Fehler)
        self.alt_befund: tuple[bytes, list[Problem]] | None = None
        self._laden()
        self.neu: dict[str, Eintrag] = {}
        self.befund: tuple[bytes, list[Problem]] | None = None
        self.treffer = 0
        self.neu_gelesen = 0

    def _laden(self) -> None:
        if self.datei is None:
            return
        try:
            with open(self.datei, "rb") as f:
                if not _eigene_datei(f.fileno()):
                    return
                with ohne_gc():  # viele Objekte auf einmal: siehe laden.ohne_gc
                    kennung, eintraege, befund = load(f)
        except Exception:  # fehlend, kaputt, alte Version: dann eben ohne
            return
        if kennung == self.kennung and isinstance(eintraege, dict):
            self.alt = eintraege
            self.alt_befund = befund

    def fehler(self, bestand: Datenbestand, heute: date) -> list[Problem]:
        """Die Fehler von ``pruefe(bestand, heute, mit_pruefpunkten=False)`` – gemerkt unter
        dem Inhalt aller Dateien, ihren Anzeigepfaden, den Befunden des Einlesens und dem Tag."""
        teile = (heute.isoformat(), sorted((p, e[0], e[2]) for p, e in self.neu.items()), bestand.probleme)
        schluessel = blake2b(repr(teile).encode(), digest_size=16).digest()
        if self.alt_befund is not None and self.alt_befund[0] == schluessel:
            self.befund = self.alt_befund
            return list(self.alt_befund[1])
        from .pruefungen import pruefe

        fehler = [p for p in pruefe(bestand, heute, mit_pruefpunkten=False) if p.ist_fehler]
        self.befund = (schluessel, fehler)
        return list(fehler)

    def lies(self, pfad: str, modell: type[M], anzeige: str) -> tuple[Dokument[M] | None, list[Problem]]:
        daten = lies_bytes(pfad, anzeige)
        if not isinstance(daten, bytes):
            return None, [daten]
        summe = blake2b(daten, digest_size=16).digest()
        eintrag = self.alt.get(pfad)
        if eintrag is not None and eintrag[:3] == (summe, modell.__name__, anzeige):
            self.treffer += 1
            ergebnis = eintrag[3]
        else:
            from .lesen import pruefe_datei

            self.neu_gelesen += 1
            ergebnis = pruefe_datei(pfad, daten, modell, anzeige)
        self.neu[pfad] = (summe, modell.__name__, anzeige, ergebnis)
        return ergebnis  # type: ignore[no-any-return]

    def speichere(self) -> None:
        """Schreibt, wenn sich etwas geändert hat; atomar (Temporärdatei + Umbenennen).

        Unverändert genutzt, wird die Datei nur einmal am Tag „berührt“: so erkennt das
        Aufräumen, welche Ablagen (zu Datenordnern, die es nicht mehr gibt) verwaist sind.
        """
        if self.datei is None:
            return
        if self.neu_gelesen == 0 and self.neu.keys() == self.alt.keys() and self.befund == self.alt_befund:
            with contextlib.suppress(OSError):
                if time.time() - self.datei.stat().st_mtime > TAG:
                    os.utime(self.datei)
            return
        import tempfile  # zieht shutil samt bz2/lzma nach sich: nur, wenn geschrieben wird

        try:
            self.datei.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.datei.parent, prefix=".netz-", suffix=".tmp")
            try:
                with os.fdopen(fd, "wb") as f:
                    dump((self.kennung, self.neu, self.befund), f, protocol=HIGHEST_PROTOCOL)
                os.replace(tmp, self.datei)
            except BaseException:
                os.unlink(tmp)
                raise
        except Exception:  # schreibgeschütztes Home o. Ä.: ohne Zwischenspeicher weiter
            return
        raeume_auf(self.datei.parent)


TAG = 24 * 3600
VERWAIST_NACH = 90 * TAG


def raeume_auf(ordner: Path, jetzt: float | None = None) -> list[Path]:
    """Löscht Ablagen, die 90 Tage nicht genutzt wurden (und liegengebliebene Temporärdateien)."""
    jetzt = time.time() if jetzt is None else jetzt
    geloescht = []
    with contextlib.suppress(OSError):
        for eintrag in os.scandir(ordner):
            if not eintrag.name.endswith((".pickle", ".tmp")):
                continue
            with contextlib.suppress(OSError):
                alter = jetzt - eintrag.stat().st_mtime
                if alter > VERWAIST_NACH or (eintrag.name.endswith(".tmp") and alter > TAG):
                    os.unlink(eintrag.path)
                    geloescht.append(Path(eintrag.path))
    return geloescht


def _eigene_datei(fd: int) -> bool:
    """Nur eine Datei des eigenen Benutzers, die sonst niemand schreiben kann (Pickle!)."""
    if not hasattr(os, "getuid"):  # pragma: no cover - Windows: Ablage im eigenen Profil
        return True
    st = os.fstat(fd)
    return st.st_uid == os.getuid() and not st.st_mode & 0o022
