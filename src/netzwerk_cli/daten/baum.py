"""Der Dateibaum, aus dem :func:`.laden.lade_datenbestand` liest: die Platte oder eine git-Revision.

Der Lader kennt nur zwei Fragen an einen Baum – „was liegt in diesem Ordner (mit seiner Art)?“
und „gib mir die Bytes dieser regulären Datei, höchstens so viele“ – und stellt sonst jede Regel
selbst auf. So gilt jede Regel je Datei genau einmal, gleich woher die Bytes kommen.

Ein Baum wird nur so tief gelesen, wie netz ihn braucht (der Datenordner und seine Unterordner
``regionen/``, ``vertraege/``, ``geo/``, ``quellen/``), und ein Ordner mit mehr als
:data:`MAX_EINTRAEGE` Einträgen wird nicht gelesen, sondern gemeldet.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from ..kern.befund import Problem
from ..kern.fehler import os_fehler
from ..pruefen.codes import problem
from .datei import art, kein_ordner, lies_datei
from .ordner import SPERRDATEI, anzeigepfad

DATEI = "datei"
ORDNER = "ordner"
VERKNUEPFUNG = "verknuepfung"
ANDERES = "anderes"  # FIFO, Gerät, Socket, git-Submodul: nie gelesen

#: Mehr Einträge hat kein Ordner eines Datenordners, den netz lesen soll (53 Regionen, einige
#: hundert Verträge; der Benchmark liest 10.000). Die Grenze schützt vor einem Baum, der
#: wenige Bytes groß ist, aber Millionen Einträge nennt.
MAX_EINTRAEGE = 100_000


@dataclass(frozen=True)
class Eintrag:
    """Ein Eintrag eines Ordners: Name, Art (:data:`DATEI`, :data:`ORDNER`, :data:`VERKNUEPFUNG`,
    :data:`ANDERES`), die Beschreibung der Art für Befunde und – wenn bekannt – die Größe."""

    name: str
    art: str
    beschreibung: str
    groesse: int = -1


@dataclass(frozen=True)
class Lesen:
    """Ein Leseauftrag: Pfad relativ zum Datenordner (mit „/“), Anzeigepfad, Obergrenze."""

    pfad: str
    anzeige: str
    grenze: int


class Baum(Protocol):
    """Was der Lader von einer Datenquelle braucht."""

    #: Der Datenordner im Arbeitsbaum: Anzeigepfade und ``Dokument.datei`` beziehen sich darauf.
    wurzel: Path

    def eintraege(self, ordner: str, anzeige: str) -> list[Eintrag] | Problem | None:
        """Die Einträge von ``ordner`` ("" ist der Datenordner selbst), nach Namen sortiert;
        ``None``, wenn es ihn nicht gibt; ein Befund, wenn er sich nicht lesen lässt oder mehr als
        :data:`MAX_EINTRAEGE` Einträge hat. Der Lader fragt nur nach Ordnern, die die Liste
        darüber als :data:`ORDNER` nannte – nie durch eine Verknüpfung."""
        ...

    def lies(self, auftraege: Iterable[Lesen]) -> Iterator[bytes | Problem]:
        """Die Bytes jeder Datei (nur reguläre Dateien, höchstens ``grenze``), sonst ein Befund –
        in der Reihenfolge der Aufträge."""
        ...

    def reste(self, kandidaten: list[tuple[str, str]]) -> list[Problem]:
        """NZ110 für Temporärdateien von netz (Pfad, Anzeige), die kein laufender Schreiber hält."""
        ...

    def sperre(self) -> list[Problem]:
        """NZ111, wenn eine Sperrdatei sicher niemandem mehr gehört."""
        ...


def temporaerdatei(anzeige: str) -> Problem:
    return problem(
        anzeige,
        1,
        "NZ110",
        "Temporärdatei eines abgebrochenen Schreibvorgangs; netz liest sie nicht",
        f"Löschen, wenn gerade kein netz schreibt: rm '{anzeige}'",
    )


def verwaiste_sperre(wurzel: Path) -> list[Problem]:
    """Eine Sperrdatei, die sicher niemandem mehr gehört (Absturz, voller Datenträger …)."""
    pfad = wurzel / SPERRDATEI
    if not os.path.lexists(pfad):
        return []
    from .sperre import zustand  # nur, wenn es überhaupt eine Sperre gibt

    z = zustand(pfad)
    if z is None or z.verwaist_weil is None:
        return []
    anzeige = anzeigepfad(pfad, wurzel)
    return [
        problem(
            anzeige,
            1,
            "NZ111",
            f"Verwaiste Sperrdatei ({z.verwaist_weil}); der nächste schreibende Befehl ersetzt sie",
            f"Oder löschen, wenn gerade kein netz schreibt: rm '{anzeige}'",
        )
    ]


def _schreiber_aktiv(wurzel: Path) -> bool:
    """Hält ein lebender netz-Prozess die Sperre? Dann sind Temporärdateien seine."""
    pfad = wurzel / SPERRDATEI
    if not os.path.lexists(pfad):
        return False
    from .sperre import zustand

    z = zustand(pfad)
    return z is not None and z.verwaist_weil is None


def reste(wurzel: Path, kandidaten: list[tuple[str, str]]) -> list[Problem]:
    """NZ110 nur für Temporärdateien, die keinem lebenden Schreiber gehören.

    Vor und nach dem Blick auf die Datei nach der Sperre sehen: ein Schreiber hält sie,
    solange seine Temporärdatei besteht.
    """
    if not kandidaten or _schreiber_aktiv(wurzel):
        return []
    noch_da = [(p, a) for p, a in kandidaten if os.path.lexists(p)]
    if not noch_da or _schreiber_aktiv(wurzel):
        return []
    return [temporaerdatei(a) for _, a in noch_da]


def zu_viele_eintraege(anzeige: str, mindestens: int) -> Problem:
    return problem(
        anzeige,
        1,
        "NZ118",
        f"Ordner hat mehr als {MAX_EINTRAEGE:,} Einträge (mindestens {mindestens:,}); "
        "netz liest darin nichts".replace(",", "."),
        "Ein Datenordner hat einige hundert Dateien je Ordner – ist es der richtige Ordner?",
    )


def nicht_lesbar(anzeige: str, e: OSError) -> Problem:
    return problem(anzeige, 1, "NZ100", f"Ordner nicht lesbar: {os_fehler(e)}")


class Platte:
    """Der Datenordner auf der Platte: nur ``lstat``/``scandir`` ohne Verknüpfungen zu folgen,
    jede Datei über :func:`.datei.lies_datei` (``O_NOFOLLOW``, ``fstat``, Obergrenze)."""

    def __init__(self, wurzel: Path) -> None:
        self.wurzel = wurzel
        self._vorne = os.path.join(wurzel, "")  # je Datei nur anhängen: bei 10.000 Dateien spürbar

    def eintraege(self, ordner: str, anzeige: str) -> list[Eintrag] | Problem | None:
        pfad = os.path.join(self.wurzel, ordner) if ordner else str(self.wurzel)
        try:
            st = os.lstat(pfad)
        except FileNotFoundError:
            return None
        except OSError as e:
            return nicht_lesbar(anzeige, e)
        if not stat.S_ISDIR(st.st_mode):  # der Lader fragt nur nach Ordnern; ein Tausch dazwischen
            return kein_ordner(anzeige, art(st.st_mode))
        out: list[Eintrag] = []
        try:
            with os.scandir(pfad) as it:
                for d in it:
                    if len(out) >= MAX_EINTRAEGE:
                        return zu_viele_eintraege(anzeige, len(out) + 1)
                    out.append(_eintrag(d))
        except OSError as e:
            return nicht_lesbar(anzeige, e)
        out.sort(key=lambda e: e.name)
        return out

    def lies(self, auftraege: Iterable[Lesen]) -> Iterator[bytes | Problem]:
        for a in auftraege:
            yield lies_datei(self._vorne + a.pfad, a.anzeige, a.grenze)

    def reste(self, kandidaten: list[tuple[str, str]]) -> list[Problem]:
        return reste(self.wurzel, [(os.path.join(self.wurzel, p), a) for p, a in kandidaten])

    def sperre(self) -> list[Problem]:
        return verwaiste_sperre(self.wurzel)


def _eintrag(e: os.DirEntry[str]) -> Eintrag:
    try:
        if e.is_symlink():
            return Eintrag(e.name, VERKNUEPFUNG, "eine symbolische Verknüpfung")
        if e.is_dir(follow_symlinks=False):
            return Eintrag(e.name, ORDNER, "ein Ordner")
        if e.is_file(follow_symlinks=False):
            return Eintrag(e.name, DATEI, "eine Datei")
        return Eintrag(e.name, ANDERES, art(e.stat(follow_symlinks=False).st_mode))
    except OSError:  # verschwunden oder nicht lesbar: das Lesen meldet es genau
        return Eintrag(e.name, DATEI, "eine Datei")
