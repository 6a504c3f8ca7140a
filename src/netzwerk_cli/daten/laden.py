"""Einlesen eines Datenordners: Dateien -> Datenbestand (gültige Modelle + Befunde).

Jeder Befehl liest über :func:`lade_datenbestand`. Eine Pull-Request-Datei ist feindlich:
gelesen werden nur reguläre Dateien direkt in ``regionen/``, ``vertraege/`` und ``quellen/``
(plus ``programm.yaml``), geöffnet ohne symbolischen Verknüpfungen zu folgen, die Größe am
geöffneten Deskriptor geprüft, höchstens ``MAX_BYTES`` (pruefen.codes) gelesen. Alles andere im Ordner
ist ein Befund – nie still übergangen, nie verfolgt.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

from ..kern.befund import Problem
from ..kern.bestand import Datenbestand, Dokument
from ..kern.fehler import os_fehler
from ..kern.modelle import Programm, Region, Vertrag
from ..pruefen.codes import problem
from .datei import art, kein_ordner, keine_datei, lies_datei
from .ordner import PROGRAMM, QUELLEN, REGIONEN, SPERRDATEI, TEMP_PRAEFIX, VERTRAEGE, anzeigepfad
from .zwischenspeicher import Zwischenspeicher

Fortschritt = Callable[[int, int], None]  # (gelesen, gesamt)


def temporaerdatei(anzeige: str) -> Problem:
    return problem(
        anzeige,
        1,
        "NZ110",
        "Temporärdatei eines abgebrochenen Schreibvorgangs; netz liest sie nicht",
        f"Löschen, wenn gerade kein netz schreibt: rm '{anzeige}'",
    )


def _nicht_gelesen(anzeige: str, name: str) -> Problem:
    if name.lower().endswith((".yaml", ".yml")):
        soll = os.path.join(os.path.dirname(anzeige), name[: name.rfind(".")].lstrip(".") + ".yaml")
        hinweis = f"Umbenennen, wenn es Daten sind: git mv '{anzeige}' '{soll}'"
    else:
        hinweis = "Hier gehören nur Dateien auf .yaml hin; die Datei verschieben oder löschen."
    return problem(
        anzeige, 1, "NZ113", "Datei wird nicht gelesen (nur sichtbare Dateien auf „.yaml“)", hinweis
    )


def _ordnerinhalt(
    ordner: Path, vorne: str, temporaer: list[tuple[str, str]]
) -> tuple[list[str], list[Problem]]:
    """Ein Blick in den Ordner: (zu lesende YAML-Dateien, Befunde zu allem anderen), sortiert.

    Ein Befund mit dem Ordner selbst als Datei heißt: der Ordner ließ sich nicht lesen.
    Temporärdateien von netz kommen nach ``temporaer`` (Pfad, Anzeige): ob sie Reste sind,
    entscheidet erst der Blick auf die Sperre (:func:`_reste`)."""
    try:
        st = os.lstat(ordner)
    except FileNotFoundError:
        return [], []
    except OSError as e:
        return [], [problem(vorne.rstrip("/\\"), 1, "NZ100", f"Ordner nicht lesbar: {os_fehler(e)}")]
    if not stat.S_ISDIR(st.st_mode):
        return [], [kein_ordner(vorne.rstrip("/\\"), art(st.st_mode))]
    try:
        eintraege = sorted(os.scandir(ordner), key=lambda e: e.name)
    except OSError as e:
        return [], [problem(vorne.rstrip("/\\"), 1, "NZ100", f"Ordner nicht lesbar: {os_fehler(e)}")]
    dateien: list[str] = []
    befunde: list[Problem] = []
    for e in eintraege:
        anzeige = vorne + e.name
        urteil = einordnen(e.name, anzeige, e.is_symlink())
        if urteil == TEMPORAER:
            temporaer.append((e.path, anzeige))
        elif isinstance(urteil, Problem):
            befunde.append(urteil)
        else:
            dateien.append(e.name)  # Ordner, FIFOs, Geräte weist lies_datei am Deskriptor ab
    return dateien, befunde


LESEN = "lesen"
TEMPORAER = "temporaer"


def einordnen(name: str, anzeige: str, ist_verknuepfung: bool) -> str | Problem:
    """Was mit einem Eintrag eines Datenordners geschieht – für den Ordner auf der Platte und
    für eine git-Revision (daten/git.py) dieselbe Regel: ``LESEN``, ``TEMPORAER`` (eine
    Temporärdatei von netz) oder ein Befund."""
    if name.startswith(TEMP_PRAEFIX) and name.endswith(".tmp"):
        return TEMPORAER
    if ist_verknuepfung:
        return keine_datei(anzeige, "eine symbolische Verknüpfung")
    if not name.endswith(".yaml") or name.startswith("."):
        return _nicht_gelesen(anzeige, name)
    return LESEN


def _quelldateien(wurzel: Path) -> frozenset[str]:
    """Die regulären Dateien direkt in ``quellen/`` (für Quellenangaben wie „quellen/x.txt“)."""
    try:
        with os.scandir(wurzel / QUELLEN) as it:
            return frozenset(f"{QUELLEN}/{e.name}" for e in it if e.is_file(follow_symlinks=False))
    except OSError:
        return frozenset()


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


def _reste(wurzel: Path, kandidaten: list[tuple[str, str]]) -> list[Problem]:
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


def lade_dokument(
    pfad: str | Path,
    modell: type[Region] | type[Vertrag] | type[Programm],
    anzeige: str,
    speicher: Zwischenspeicher | None = None,
    inhalte: dict[str, bytes] | None = None,
) -> tuple[Dokument | None, list[Problem]]:  # type: ignore[type-arg]
    """Eine Datei lesen und prüfen: Dokument oder Befunde – mit ``speicher`` aus dem
    Zwischenspeicher, wenn die Bytes dieselben sind; ``inhalte`` bekommt die gelesenen Bytes."""
    daten = lies_datei(pfad, anzeige)
    if not isinstance(daten, bytes):
        return None, [daten]
    return pruefe_inhalt(pfad, daten, modell, anzeige, speicher, inhalte)


def pruefe_inhalt(
    pfad: str | Path,
    daten: bytes,
    modell: type[Region] | type[Vertrag] | type[Programm],
    anzeige: str,
    speicher: Zwischenspeicher | None = None,
    inhalte: dict[str, bytes] | None = None,
) -> tuple[Dokument | None, list[Problem]]:  # type: ignore[type-arg]
    """Gelesene Bytes prüfen – gleich, ob sie von der Platte oder aus git kommen."""
    if inhalte is not None:
        inhalte[anzeige] = daten
    if speicher is not None:
        return speicher.lies(str(pfad), daten, modell, anzeige)
    from ..pruefen.datei import pruefe_datei  # erst hier: ein Treffer im Speicher braucht kein YAML

    return pruefe_datei(str(pfad), daten, modell, anzeige)  # type: ignore[arg-type]


def aufnehmen(
    bestand: Datenbestand,
    ziel: list[Dokument],  # type: ignore[type-arg]
    anzeige: str,
    dok: Dokument | None,  # type: ignore[type-arg]
    probleme: list[Problem],
) -> None:
    """Ein geprüftes Dokument (oder seine Befunde) in den Bestand übernehmen."""
    bestand.probleme.extend(probleme)
    if dok is not None:
        ziel.append(dok)
    else:
        bestand.fehlerhaft.add(anzeige)


def programm_fehlt(anzeige: str) -> Problem:
    return problem(anzeige, 1, "NZ406", "programm.yaml fehlt: ohne sie sind Ziel und Prüfpunkte unbekannt")


def lade_datenbestand(
    wurzel: Path, fortschritt: Fortschritt | None = None, speicher: Zwischenspeicher | None = None
) -> Datenbestand:
    """Liest ``regionen/``, ``vertraege/`` und ``programm.yaml`` unter ``wurzel``.

    ``fortschritt`` wird alle 250 Dateien gerufen (für einen Fortschrittsbalken);
    ``speicher`` ist der Zwischenspeicher der lesenden Befehle (validate nutzt keinen).
    """
    bestand = Datenbestand(wurzel=wurzel, quellen=_quelldateien(wurzel))
    aufgaben: list[tuple[str, type[Region] | type[Vertrag], str, list[Dokument]]] = []  # type: ignore[type-arg]
    temporaer: list[tuple[str, str]] = []
    for ordner, modell, ziel in (
        (REGIONEN, Region, bestand.regionen),
        (VERTRAEGE, Vertrag, bestand.vertraege),
    ):
        # Anzeigepfad einmal je Ordner (os.path.relpath je Datei wäre bei vielen Dateien spürbar)
        vorne = os.path.join(anzeigepfad(wurzel / ordner, wurzel), "")
        verzeichnis = os.path.join(wurzel, ordner, "")
        namen, befunde = _ordnerinhalt(wurzel / ordner, vorne, temporaer)
        bestand.probleme.extend(befunde)
        if any(p.datei == vorne.rstrip("/\\") for p in befunde):
            bestand.unvollstaendig.add(ordner)
        bestand.dateien[ordner] = len(namen)
        aufgaben.extend((verzeichnis + n, modell, vorne + n, ziel) for n in namen)  # type: ignore[misc]
    for i, (pfad, modell, anzeige, ziel) in enumerate(aufgaben, 1):
        dok, probleme = lade_dokument(pfad, modell, anzeige, speicher, bestand.inhalte)
        aufnehmen(bestand, ziel, anzeige, dok, probleme)
        if fortschritt is not None and i % 250 == 0:
            fortschritt(i, len(aufgaben))
    bestand.probleme.extend(_reste(wurzel, temporaer))
    bestand.probleme.extend(verwaiste_sperre(wurzel))
    pfad = wurzel / PROGRAMM
    anzeige = anzeigepfad(pfad, wurzel)
    if os.path.lexists(pfad):
        dok_p, probleme = lade_dokument(pfad, Programm, anzeige, speicher, bestand.inhalte)
        bestand.probleme.extend(probleme)
        bestand.programm = dok_p
    else:
        bestand.probleme.append(programm_fehlt(anzeige))
    from .gemeinden import lade_gemeinden  # „Ratingen“ → Kreis Mettmann; geprüft wie jede Datei

    bestand.gemeinden, befunde = lade_gemeinden(
        wurzel, {d.modell.ags for d in bestand.regionen}, bestand.inhalte
    )
    bestand.probleme.extend(befunde)
    return bestand
