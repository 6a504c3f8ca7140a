"""Einlesen eines Datenordners: Dateien -> Modelle + Befunde.

Jede Datei wird einmal gelesen; fehlerhafte Dateien liefern Befunde mit Zeile
und Spalte und fallen aus dem Bestand heraus, der Rest wird weiter geprüft.
Das Lesen einer Datei selbst steht in :mod:`netzwerk_cli.lesen` (PyYAML, Pydantic);
dieses Modul bleibt leicht, damit ein Befehl mit Zwischenspeicher ohne sie startet.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar

from .modelle import Programm, Region, Vertrag
from .probleme import Problem, os_fehler, problem
from .wert import Wert

if TYPE_CHECKING:
    from pydantic import BaseModel

    class Leser(Protocol):
        """Liest eine Datei: (Pfad, Modell, Anzeigepfad) -> (Dokument oder None, Befunde)."""

        def __call__(
            self, pfad: str, modell: type[M], anzeige: str
        ) -> tuple[Dokument[M] | None, list[Problem]]: ...


M = TypeVar("M", bound="BaseModel")

REGIONEN = "regionen"
VERTRAEGE = "vertraege"
PROGRAMM = "programm.yaml"
# Temporärdateien schreibender Befehle beginnen so; Leser übergehen sie.
TEMP_PRAEFIX = ".netz-"
SPERRDATEI = ".netz.lock"


class Dokument(Wert, Generic[M]):
    """Ein gültiges Modell mit seiner Datei und den Zeilen seiner Schlüssel."""

    __slots__ = ("anzeige", "datei", "modell", "zeilen")
    _felder = ("datei", "anzeige", "modell", "zeilen")
    datei: str  # Pfad als Text: Path-Objekte kosten bei 10.000 Dateien spürbar
    anzeige: str  # Pfad, wie er in Meldungen steht
    modell: M
    zeilen: dict[str, int]

    def __init__(self, datei: str, anzeige: str, modell: M, zeilen: dict[str, int]) -> None:
        setze = object.__setattr__  # Zuweisen ist gesperrt (Wert)
        setze(self, "datei", datei)
        setze(self, "anzeige", anzeige)
        setze(self, "modell", modell)
        setze(self, "zeilen", zeilen)

    def __hash__(self) -> int:  # zeilen ist ein dict: nach Datei und Modell
        return hash((self.datei, self.modell))

    @property
    def pfad(self) -> Path:
        return Path(self.datei)

    @property
    def name(self) -> str:
        return os.path.basename(self.datei)

    def zeile(self, schluessel: str) -> int:
        return self.zeilen.get(schluessel, 1)


@dataclass
class Datenbestand:
    wurzel: Path
    regionen: list[Dokument[Region]] = field(default_factory=list)
    vertraege: list[Dokument[Vertrag]] = field(default_factory=list)
    programm: Dokument[Programm] | None = None
    probleme: list[Problem] = field(default_factory=list)
    # Zahl der gelesenen Dateien je Art (auch der fehlerhaften)
    dateien: dict[str, int] = field(default_factory=dict)

    def region(self, ags: str) -> Region | None:
        return self._nach_ags().get(ags)

    def _nach_ags(self) -> dict[str, Region]:
        cache: dict[str, Region] | None = getattr(self, "_cache_ags", None)
        if cache is None:
            cache = {d.modell.ags: d.modell for d in self.regionen}
            self._cache_ags = cache
        return cache


def lies_bytes(pfad: str | Path, anzeige: str) -> bytes | Problem:
    """Die Bytes einer Datei, oder der Befund NZ100, wenn sie nicht lesbar ist."""
    try:
        with open(pfad, "rb") as f:
            return f.read()
    except OSError as e:
        return problem(anzeige, 1, "NZ100", f"Datei nicht lesbar: {os_fehler(e)}")


def anzeigepfad(pfad: Path, wurzel: Path) -> str:
    """Pfad für Meldungen: relativ zum Arbeitsverzeichnis, sonst zum Repository."""
    try:
        return os.path.relpath(pfad)
    except ValueError:  # pragma: no cover - anderes Laufwerk unter Windows
        return str(pfad.relative_to(wurzel.parent))


def _temporaerdatei(anzeige: str) -> Problem:
    return problem(
        anzeige,
        1,
        "NZ110",
        "Temporärdatei eines abgebrochenen Schreibvorgangs; netz liest sie nicht",
        f"Löschen, wenn gerade kein netz schreibt: rm {anzeige}",
    )


def verwaiste_sperre(wurzel: Path) -> list[Problem]:
    """Eine Sperrdatei, deren Prozess nicht mehr läuft (Absturz während des Schreibens)."""
    out = []
    sperre = wurzel / SPERRDATEI
    if not sperre.exists():
        return out
    from .sperre import verwaist  # nur, wenn es überhaupt eine Sperre gibt

    if verwaist(sperre):
        anzeige = anzeigepfad(sperre, wurzel)
        out.append(
            problem(
                anzeige,
                1,
                "NZ111",
                "Sperrdatei eines beendeten netz-Prozesses; schreibende Befehle verweigern bis dahin",
                f"Löschen: rm {anzeige}",
            )
        )
    return out


def _ordnerinhalt(ordner: Path) -> tuple[list[str], list[str]]:
    """Ein Blick in den Ordner: (YAML-Dateien, übrig gebliebene Temporärdateien), sortiert."""
    try:
        namen = sorted(os.listdir(ordner))
    except FileNotFoundError:
        return [], []
    yaml = [n for n in namen if n.endswith((".yaml", ".yml")) and not n.startswith(".")]
    reste = [n for n in namen if n.startswith(TEMP_PRAEFIX) and n.endswith(".tmp")]
    return yaml, reste


def yaml_dateien(ordner: Path) -> list[Path]:
    """Die YAML-Dateien eines Ordners, sortiert; Temporär- und versteckte Dateien nicht."""
    return [ordner / n for n in _ordnerinhalt(ordner)[0]]


Fortschritt = Callable[[int, int], None]  # (gelesen, gesamt)


Ergebnis = tuple["Dokument[Any] | None", list[Problem]]


def _lies_alle(
    aufgaben: list[tuple[str, type[BaseModel], str]], leser: Leser, fortschritt: Fortschritt | None
) -> list[Ergebnis]:
    """Liest die Dateien der Reihe nach; ``fortschritt`` alle 250 Dateien."""
    out: list[Ergebnis] = []
    for i, (pfad, modell, anzeige) in enumerate(aufgaben, 1):
        out.append(leser(pfad, modell, anzeige))
        if fortschritt is not None and i % 250 == 0:
            fortschritt(i, len(aufgaben))
    return out


def lade_datenbestand(
    wurzel: Path, fortschritt: Fortschritt | None = None, leser: Leser | None = None
) -> Datenbestand:
    """Liest ``regionen/``, ``vertraege/`` und ``programm.yaml`` unter ``wurzel``.

    ``fortschritt`` wird alle 250 Dateien gerufen (für einen Fortschrittsbalken);
    ``leser`` liest eine Datei (Vorgabe: :func:`netzwerk_cli.lesen.lade_datei`,
    der Zwischenspeicher reicht seinen eigenen herein). Mit dem Vorgabe-Leser und
    vielen Dateien liest ein zweiter Prozess mit (:mod:`netzwerk_cli.parallel`).
    """
    with ohne_gc():
        return _lade_datenbestand(wurzel, fortschritt, leser)


@contextmanager
def ohne_gc() -> Iterator[None]:
    """Die zyklische Speicherbereinigung anhalten, solange viele Objekte entstehen.

    Beim Lesen entstehen nur bleibende Objekte ohne Zyklen; Pythons Bereinigung durchsucht
    trotzdem immer wieder alle – gemessen bei 10.000 Regionen ~20 % der Lesezeit und das
    Vierfache beim Entpacken des Zwischenspeichers. Danach läuft sie wie gewohnt weiter.
    """
    an = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if an:
            gc.enable()


def _lade_datenbestand(wurzel: Path, fortschritt: Fortschritt | None, leser: Leser | None) -> Datenbestand:
    parallel = leser is None
    if leser is None:
        from .lesen import lade_datei as leser
    bestand = Datenbestand(wurzel=wurzel)
    inhalte = {ordner: _ordnerinhalt(wurzel / ordner) for ordner in (REGIONEN, VERTRAEGE)}
    aufgaben: list[tuple[str, type[BaseModel], str]] = []
    for ordner, modell in ((REGIONEN, Region), (VERTRAEGE, Vertrag)):
        # Anzeigepfad einmal je Ordner berechnen (os.path.relpath kostet je Aufruf)
        vorne = os.path.join(anzeigepfad(wurzel / ordner, wurzel), "")
        verzeichnis = os.path.join(wurzel, ordner, "")
        aufgaben.extend((verzeichnis + name, modell, vorne + name) for name in inhalte[ordner][0])
    if parallel:
        from .parallel import lies_alle

        ergebnisse = lies_alle(aufgaben, leser, fortschritt)
    else:
        ergebnisse = _lies_alle(aufgaben, leser, fortschritt)
    start = 0
    for ordner, ziel in ((REGIONEN, bestand.regionen), (VERTRAEGE, bestand.vertraege)):
        dateien, reste = inhalte[ordner]
        bestand.dateien[ordner] = len(dateien)
        for dok, probleme in ergebnisse[start : start + len(dateien)]:
            bestand.probleme.extend(probleme)
            if dok is not None:
                ziel.append(dok)  # type: ignore[arg-type]
        start += len(dateien)
        vorne = anzeigepfad(wurzel / ordner, wurzel)
        bestand.probleme.extend(_temporaerdatei(os.path.join(vorne, n)) for n in reste)
    bestand.probleme.extend(verwaiste_sperre(wurzel))
    pfad = wurzel / PROGRAMM
    if pfad.exists():
        dok_p, probleme = leser(str(pfad), Programm, anzeigepfad(pfad, wurzel))
        bestand.probleme.extend(probleme)
        bestand.programm = dok_p
    else:
        bestand.probleme.append(
            problem(
                anzeigepfad(pfad, wurzel),
                1,
                "NZ406",
                "programm.yaml fehlt: ohne sie sind Ziel und Prüfpunkte unbekannt",
            )
        )
    return bestand
