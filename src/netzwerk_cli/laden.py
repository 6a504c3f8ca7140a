"""Einlesen eines Datenordners: Dateien -> Modelle + Befunde.

Jede Datei wird einmal gelesen; fehlerhafte Dateien liefern Befunde mit Zeile
und Spalte und fallen aus dem Bestand heraus, der Rest wird weiter geprüft.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError

from .modelle import Programm, Region, Vertrag
from .probleme import Problem, os_fehler, problem
from .yamlio import Fundstelle, Gelesen, finde, lies_yaml

M = TypeVar("M", bound=BaseModel)

REGIONEN = "regionen"
VERTRAEGE = "vertraege"
PROGRAMM = "programm.yaml"
# Temporärdateien schreibender Befehle beginnen so; Leser übergehen sie.
TEMP_PRAEFIX = ".netz-"
SPERRDATEI = ".netz.lock"


@dataclass(frozen=True)
class Dokument(Generic[M]):
    """Ein gültiges Modell mit seiner Datei und den Zeilen seiner Schlüssel."""

    datei: str  # Pfad als Text: Path-Objekte kosten bei 10.000 Dateien spürbar
    anzeige: str  # Pfad, wie er in Meldungen steht
    modell: M
    zeilen: dict[str, int]

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


# --- Schemafehler übersetzen ---------------------------------------------

_TYPEN = {
    "string_type": "Text",
    "int_type": "ganze Zahl",
    "int_parsing": "ganze Zahl",
    "int_from_float": "ganze Zahl",
    "float_type": "Zahl",
    "bool_type": "ja/nein (true/false)",
    "list_type": "Liste („- …“-Zeilen)",
    "dict_type": "Zuordnung („schlüssel: wert“-Zeilen)",
    "model_type": "Zuordnung („schlüssel: wert“-Zeilen)",
    "model_attributes_type": "Zuordnung („schlüssel: wert“-Zeilen)",
}


def _gelesen_als(wert: Any) -> str:
    if wert is None:
        return "als leerer Wert gelesen"
    if isinstance(wert, bool):
        return f"als Wahrheitswert {'true' if wert else 'false'} gelesen"
    if isinstance(wert, (int, float)):
        return f"als Zahl {wert} gelesen"
    if isinstance(wert, list):
        return "als Liste gelesen"
    if isinstance(wert, dict):
        return "als Zuordnung gelesen"
    return f"als Text „{wert}“ gelesen"


def _pfadtext(loc: tuple[str | int, ...]) -> str:
    out = ""
    for teil in loc:
        out += f"[{teil + 1}]" if isinstance(teil, int) else (f".{teil}" if out else str(teil))
    return out


def schemafehler(
    datei: str, gelesen: Gelesen, fehler: ValidationError, modell: type[BaseModel]
) -> list[Problem]:
    out: list[Problem] = []
    for e in fehler.errors(include_url=False):
        loc: tuple[str | int, ...] = tuple(e["loc"])
        typ = e["type"]
        feld = _pfadtext(loc)
        if typ == "missing":
            f = finde(gelesen.knoten, loc[:-1])
            out.append(
                problem(
                    datei,
                    f.zeile,
                    "NZ201",
                    f"Pflichtfeld „{feld}“ fehlt",
                    f"Eine Zeile „{loc[-1]}: …“ ergänzen.",
                    f.spalte,
                )
            )
            continue
        if typ == "extra_forbidden":
            f = finde(gelesen.knoten, loc, als_schluessel=True)
            erlaubt = _felder(modell, loc[:-1])
            nah = difflib.get_close_matches(str(loc[-1]), erlaubt, n=1)
            hinweis = f"Meinten Sie „{nah[0]}“? " if nah else ""
            hinweis += "Erlaubt: " + ", ".join(erlaubt) + "."
            out.append(problem(datei, f.zeile, "NZ202", f"Unbekannter Schlüssel „{feld}“", hinweis, f.spalte))
            continue
        f = finde(gelesen.knoten, loc)
        if typ in _TYPEN or (typ == "string_type"):
            out.append(_typfehler(datei, f, feld, _TYPEN.get(typ, "Text"), e.get("input")))
        elif typ == "datum":
            out.append(
                problem(
                    datei,
                    f.zeile,
                    "NZ301",
                    f"„{feld}“: {e['msg']}",
                    "Schreibweisen: 2010-05-06, 2010-05, 2010, „spätestens 2010-05-06“, "
                    "„frühestens 2019-08“, „zwischen 2019-03-15 und 2019-07-08“.",
                    f.spalte,
                )
            )
        elif typ == "literal_error":
            erwartet = e.get("ctx", {}).get("expected", "")
            erwartet = erwartet.replace("' or '", "', '")
            out.append(
                problem(
                    datei,
                    f.zeile,
                    "NZ204",
                    f"„{feld}“: „{e.get('input')}“ ist nicht erlaubt",
                    f"Erlaubt: {erwartet}.",
                    f.spalte,
                )
            )
        else:
            out.append(problem(datei, f.zeile, "NZ204", f"„{feld}“: {_deutsch(e)}", "", f.spalte))
    return out


def _typfehler(datei: str, f: Fundstelle, feld: str, erwartet: str, wert: Any) -> Problem:
    gelesen = _gelesen_als(wert)
    hinweis = ""
    if erwartet == "Text" and f.roh is not None and not isinstance(wert, (list, dict)):
        hinweis = f"Bitte in Anführungszeichen schreiben: '{f.roh}'"
    elif erwartet != "Text" and isinstance(wert, str):
        hinweis = "Ohne Anführungszeichen schreiben."
    return problem(
        datei,
        f.zeile,
        "NZ203",
        f"„{feld}“: {erwartet} erwartet, aber {gelesen}",
        hinweis,
        f.spalte,
    )


def _deutsch(e: Any) -> str:
    ctx = e.get("ctx") or {}
    typ = e["type"]
    if typ == "string_too_short":
        return "darf nicht leer sein"
    if typ == "string_pattern_mismatch":
        return f"„{e.get('input')}“ hat nicht die erwartete Form ({ctx.get('pattern')})"
    if typ in ("greater_than_equal", "greater_than"):
        return f"muss mindestens {ctx.get('ge', ctx.get('gt'))} sein"
    if typ == "ags":
        return str(e["msg"])
    return str(e["msg"])


def _felder(modell: type[BaseModel], loc: tuple[str | int, ...]) -> list[str]:
    """Die erlaubten Schlüssel an der Stelle ``loc`` (für „Meinten Sie …?“)."""
    aktuell: Any = modell
    for teil in loc:
        if isinstance(teil, int):
            continue
        feld = aktuell.model_fields.get(teil)
        if feld is None:
            return []
        aktuell = _innerer_typ(feld.annotation)
        if aktuell is None:
            return []
    return list(aktuell.model_fields)


def _innerer_typ(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        t = _innerer_typ(arg)
        if t is not None:
            return t
    return None


# --- Dateien laden ---------------------------------------------------------


def lade_datei(pfad: str | Path, modell: type[M], anzeige: str) -> tuple[Dokument[M] | None, list[Problem]]:
    try:
        with open(pfad, "rb") as f:
            daten = f.read()
    except OSError as e:
        return None, [problem(anzeige, 1, "NZ100", f"Datei nicht lesbar: {os_fehler(e)}")]
    gelesen = lies_yaml(anzeige, daten)
    if gelesen.wert is None:
        return None, gelesen.probleme
    try:
        obj = modell.model_validate(gelesen.wert)
    except ValidationError as e:
        return None, schemafehler(anzeige, gelesen, e, modell)
    return Dokument(str(pfad), anzeige, obj, gelesen.zeilen), []


Fortschritt = Callable[[int, int], None]  # (gelesen, gesamt)


def lade_datenbestand(wurzel: Path, fortschritt: Fortschritt | None = None) -> Datenbestand:
    """Liest ``regionen/``, ``vertraege/`` und ``programm.yaml`` unter ``wurzel``.

    ``fortschritt`` wird alle 250 Dateien gerufen (für einen Fortschrittsbalken).
    """
    bestand = Datenbestand(wurzel=wurzel)
    inhalte = {ordner: _ordnerinhalt(wurzel / ordner) for ordner in (REGIONEN, VERTRAEGE)}
    gesamt = sum(len(d) for d, _ in inhalte.values())
    gelesen = 0
    for ordner, modell, ziel in (
        (REGIONEN, Region, bestand.regionen),
        (VERTRAEGE, Vertrag, bestand.vertraege),
    ):
        dateien, reste = inhalte[ordner]
        bestand.dateien[ordner] = len(dateien)
        # Anzeigepfad einmal je Ordner berechnen (os.path.relpath kostet je Aufruf)
        vorne = anzeigepfad(wurzel / ordner, wurzel)
        verzeichnis = str(wurzel / ordner)
        for name in dateien:
            dok, probleme = lade_datei(os.path.join(verzeichnis, name), modell, os.path.join(vorne, name))
            bestand.probleme.extend(probleme)
            if dok is not None:
                ziel.append(dok)  # type: ignore[arg-type]
            gelesen += 1
            if fortschritt is not None and gelesen % 250 == 0:
                fortschritt(gelesen, gesamt)
        bestand.probleme.extend(_temporaerdatei(os.path.join(vorne, n)) for n in reste)
    bestand.probleme.extend(verwaiste_sperre(wurzel))
    pfad = wurzel / PROGRAMM
    if pfad.exists():
        dok_p, probleme = lade_datei(pfad, Programm, anzeigepfad(pfad, wurzel))
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
