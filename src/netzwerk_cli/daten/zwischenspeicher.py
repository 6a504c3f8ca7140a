"""Zwischenspeicher der lesenden Befehle: unveränderte Dateien nicht neu prüfen.

``netz status`` läuft dutzendmal am Tag auf denselben Dateien. Das Ergebnis des Prüfens
einer Datei (gültiges Modell oder Befunde) hängt nur von ihren Bytes, ihrem Pfad und
der Version von netz ab; gemerkt wird es je Datei unter einer Prüfsumme des Inhalts.
Jede Datei wird weiter gelesen – nur YAML-Parser und Pydantic entfallen.

Sicherheit (die Daten kommen aus fremden Pull-Requests, der Speicher liegt beim Nutzer):

* nur JSON, nie Code (kein Pickle); Modelle entstehen neu aus schlichten Daten;
* Ablage außerhalb des Repositorys (``~/.cache/netz``, ``XDG_CACHE_HOME``, unter Windows
  ``%LOCALAPPDATA%``); der Ordner muss dem Benutzer gehören und darf für andere nicht
  beschreibbar sein, sonst gibt es keinen Zwischenspeicher;
* jede Datei wird ohne Verknüpfungen zu folgen geöffnet und am Deskriptor geprüft
  (eigene, reguläre Datei, für andere nicht beschreibbar, begrenzte Größe);
* das Aufräumen löscht nur Dateien mit netz' eigenen Namen, die dem Benutzer gehören;
* dateiübergreifende Befunde werden nie gemerkt, sondern immer neu gerechnet.

``netz validate`` nutzt ihn nie. ``NETZ_CACHE=aus`` schaltet ihn ab, ``NETZ_CACHE=ORDNER``
legt die Ablage fest. Jeder Fehler beim Lesen oder Schreiben heißt nur: ohne ihn.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import secrets
import stat
import sys
import time
from pathlib import Path
from typing import Any

from .. import __version__
from ..kern.befund import Korrektur, Problem, Schwere
from ..kern.bestand import Dokument
from ..kern.modelle import MODELLE, BaseModel, als_daten, aus_daten

AUS = {"aus", "0", "off", "no", "nein", "false"}
MAX_GROESSE = 64 * 1024 * 1024
_EIGENE_NAMEN = re.compile(r"^(netz-[0-9a-f]{24}\.json|\.netz-[0-9a-f]{12}\.tmp)$")
TAG = 24 * 3600
VERWAIST_NACH = 90 * TAG
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


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


def _eigen_und_geschuetzt(st: os.stat_result) -> bool:
    """Gehört dem Benutzer und ist für andere nicht beschreibbar."""
    if not hasattr(os, "getuid"):  # pragma: no cover - Windows: Ablage im eigenen Profil
        return True
    return st.st_uid == os.getuid() and not st.st_mode & 0o022


def sicherer_ordner(ordner: Path) -> bool:
    """Legt den Ordner an (0700), wenn nötig; nutzbar nur, wenn er echt, eigen und geschützt ist."""
    with contextlib.suppress(OSError):
        ordner.mkdir(mode=0o700, parents=True, exist_ok=True)
    try:
        st = os.lstat(ordner)
    except OSError:
        return False
    return stat.S_ISDIR(st.st_mode) and _eigen_und_geschuetzt(st)


def _kennung() -> list[str]:
    """Was die Ergebnisse außer den Bytes bestimmt: Versionen und der Code von netz
    (Größe und Änderungszeit jeder Quelldatei – eine geänderte Prüfung rechnet neu)."""
    import pydantic

    paket = Path(__file__).resolve().parent.parent
    teile = [__version__, sys.version, pydantic.VERSION]
    for ordner, _, namen in sorted(os.walk(paket)):
        for name in sorted(namen):
            if name.endswith(".py"):
                st = os.stat(os.path.join(ordner, name))
                teile.append(f"{os.path.relpath(ordner, paket)}/{name}:{st.st_size}:{st.st_mtime_ns}")
    return teile


def _problem(felder: list[Any]) -> Problem:
    datei, zeile, spalte, code, meldung, hinweis, schwere, korrektur = felder
    return Problem(
        str(datei),
        int(zeile),
        int(spalte),
        str(code),
        str(meldung),
        str(hinweis),
        Schwere(schwere),
        # die mechanische Behebung gehört zum Befund: ohne sie fände „validate --fix“ nach einem
        # Treffer im Speicher nichts zu beheben
        korrektur=_korrektur(korrektur),
    )


def _korrektur(k: Any) -> Korrektur | None:
    if k is None:
        return None
    art, zeile, spalte, alt, neu = k
    return Korrektur(str(art), int(zeile), int(spalte), str(alt), str(neu))


def _pruefe(
    pfad: str, daten: bytes, modell: type[BaseModel], anzeige: str
) -> tuple[Dokument[Any] | None, list[Problem]]:
    from ..pruefen.datei import pruefe_datei  # erst hier: ein Treffer braucht weder YAML noch Prüfer

    return pruefe_datei(pfad, daten, modell, anzeige)


class Zwischenspeicher:
    """Merkt sich je Datei das Ergebnis von ``pruefe_datei``; :meth:`lies` steht an dessen Stelle."""

    def __init__(self, wurzel: Path, ordner: Path | None) -> None:
        self.datei: Path | None = None
        if ordner is not None and sicherer_ordner(ordner):
            name = hashlib.blake2b(str(wurzel).encode(), digest_size=12).hexdigest()
            self.datei = ordner / f"netz-{name}.json"
        self.kennung = _kennung() if self.datei else []
        self.alt: dict[str, list[Any]] = self._laden()
        self.neu: dict[str, list[Any]] = {}
        self.treffer = 0
        self._sitzung: dict[
            str, tuple[tuple[str, str], bytes, tuple[Dokument[Any] | None, list[Problem]]]
        ] = {}
        self.neu_gelesen = 0

    def _laden(self) -> dict[str, list[Any]]:
        if self.datei is None:
            return {}
        try:
            fd = os.open(self.datei, os.O_RDONLY | _NOFOLLOW)
        except OSError:
            return {}
        try:
            st = os.fstat(fd)
            if not stat.S_ISREG(st.st_mode) or not _eigen_und_geschuetzt(st) or st.st_size > MAX_GROESSE:
                return {}
            with os.fdopen(os.dup(fd), "rb") as f:
                inhalt = json.load(f)
        except (OSError, ValueError, RecursionError):
            return {}
        finally:
            os.close(fd)
        if not isinstance(inhalt, dict) or inhalt.get("kennung") != self.kennung:
            return {}
        dateien = inhalt.get("dateien")
        return dateien if isinstance(dateien, dict) else {}

    def lies(
        self, pfad: str, daten: bytes, modell: type[BaseModel], anzeige: str
    ) -> tuple[Dokument[Any] | None, list[Problem]]:
        # Dieselbe Datei mit denselben Bytes zum zweiten Mal in diesem Prozess (netz diff liest zwei
        # Stände, die sich meist in wenigen Dateien unterscheiden): das Ergebnis von eben.
        schon = self._sitzung.get(pfad)
        if schon is not None and schon[0] == (modell.__name__, anzeige) and schon[1] == daten:
            return schon[2]
        ergebnis = self._lies(pfad, daten, modell, anzeige)
        self._sitzung[pfad] = ((modell.__name__, anzeige), daten, ergebnis)
        return ergebnis

    def _lies(
        self, pfad: str, daten: bytes, modell: type[BaseModel], anzeige: str
    ) -> tuple[Dokument[Any] | None, list[Problem]]:
        if self.datei is None:  # abgeschaltet oder unsicher: nur prüfen
            return _pruefe(pfad, daten, modell, anzeige)
        summe = hashlib.blake2b(daten, digest_size=16).hexdigest()
        kopf = [summe, modell.__name__, anzeige]
        eintrag = self.alt.get(pfad)
        ergebnis = None
        if isinstance(eintrag, list) and len(eintrag) == 4 and eintrag[:3] == kopf:
            with contextlib.suppress(Exception):  # passt nicht (mehr) zusammen: neu prüfen
                ergebnis = self._aus_eintrag(pfad, anzeige, modell, eintrag[3])
                self.treffer += 1
        if ergebnis is None:
            self.neu_gelesen += 1
            ergebnis = _pruefe(pfad, daten, modell, anzeige)
            eintrag = [*kopf, self._als_eintrag(ergebnis)]
        self.neu[pfad] = eintrag  # type: ignore[assignment]
        return ergebnis

    @staticmethod
    def _als_eintrag(ergebnis: tuple[Dokument[Any] | None, list[Problem]]) -> dict[str, Any]:
        dok, probleme = ergebnis
        if dok is not None:
            return {"modell": als_daten(dok.modell), "zeilen": dok.zeilen}
        return {
            "probleme": [
                [*p[:6], p.schwere.value, list(p.korrektur) if p.korrektur else None] for p in probleme
            ]
        }

    @staticmethod
    def _aus_eintrag(
        pfad: str, anzeige: str, modell: type[BaseModel], e: dict[str, Any]
    ) -> tuple[Dokument[Any] | None, list[Problem]]:
        if "modell" in e:
            zeilen = {str(k): int(v) for k, v in e["zeilen"].items()}
            return Dokument(pfad, anzeige, aus_daten(modell, e["modell"]), zeilen), []
        return None, [_problem(p) for p in e["probleme"]]

    def speichere(self) -> None:
        """Schreibt, wenn sich etwas geändert hat; atomar (eigene Temporärdatei + Umbenennen).

        Unverändert genutzt, wird die Datei nur einmal am Tag „berührt“: so erkennt das
        Aufräumen, welche Ablagen (zu Datenordnern, die es nicht mehr gibt) verwaist sind.
        """
        if self.datei is None:
            return
        if self.neu_gelesen == 0 and self.neu.keys() == self.alt.keys():
            with contextlib.suppress(OSError):
                if time.time() - os.lstat(self.datei).st_mtime > TAG:
                    os.utime(self.datei, follow_symlinks=False)
            return
        tmp = self.datei.parent / f".netz-{secrets.token_hex(6)}.tmp"
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, 0o600)
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as f:
                    json.dump({"kennung": self.kennung, "dateien": self.neu}, f, ensure_ascii=False)
                os.replace(tmp, self.datei)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
                raise
        except (OSError, ValueError):  # schreibgeschütztes Home, voller Datenträger: ohne weiter
            return
        raeume_auf(self.datei.parent)


def raeume_auf(ordner: Path, jetzt: float | None = None) -> list[Path]:
    """Löscht netz' eigene Ablagen, die 90 Tage nicht genutzt wurden, und eigene liegengebliebene
    Temporärdateien – nichts sonst, auch nicht in einem geteilten Ordner."""
    jetzt = time.time() if jetzt is None else jetzt
    geloescht = []
    with contextlib.suppress(OSError), os.scandir(ordner) as eintraege:
        for e in eintraege:
            if not _EIGENE_NAMEN.match(e.name):
                continue
            with contextlib.suppress(OSError):
                st = e.stat(follow_symlinks=False)
                if not stat.S_ISREG(st.st_mode) or not _eigen_und_geschuetzt(st):
                    continue
                alter = jetzt - st.st_mtime
                if alter > VERWAIST_NACH or (e.name.endswith(".tmp") and alter > TAG):
                    os.unlink(e.path)
                    geloescht.append(Path(e.path))
    return geloescht


__all__ = ["MODELLE", "Zwischenspeicher", "ablage", "raeume_auf"]
