"""Ausgabe: je Berichtsart und Format ein Renderer, gewählt aus einer Tabelle.

Renderer rechnen nichts: sie bekommen fertige Berichte aus Kern und Prüfung. Der
Renderer für Menschen (``text``) schreibt auf eine rich-Konsole; ``json`` liefert Daten,
die im einen Umschlag landen (:func:`umschlag`, Version :data:`FORMAT_VERSION`); alle
anderen geben Text zurück, den die Kommandozeile unverändert ausgibt.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, NamedTuple

from rich.console import Console

from . import daten, formate, markdown, terminal, text
from .konsole import konsole

#: Version des JSON-Umschlags und der Schlüssel darin; steigt bei jeder inkompatiblen Änderung.
FORMAT_VERSION = 2


def umschlag(befehl: str, ergebnis: Any) -> dict[str, Any]:
    """Der eine JSON-Umschlag aller Befehle."""
    return {"format_version": FORMAT_VERSION, "befehl": befehl, "ergebnis": ergebnis}


def json_text(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2) + "\n"


class Renderer(NamedTuple):
    #: "konsole": f(bericht, konsole) schreibt; "daten": f(bericht) -> JSON-Daten;
    #: "text": f(bericht) -> Text für stdout, oder (stdout, stderr)
    art: str
    funktion: Callable[..., Any]


def _konsole(f: Callable[[Any, Console], None]) -> Renderer:
    return Renderer("konsole", f)


def _daten(f: Callable[[Any], Any]) -> Renderer:
    return Renderer("daten", f)


def _text(f: Callable[[Any], str | tuple[str, str]]) -> Renderer:
    return Renderer("text", f)


# Berichtsart -> Format -> Renderer. Die --format-Auswahl jedes Befehls entsteht aus diesen Schlüsseln.
RENDERER: dict[str, dict[str, Renderer]] = {
    "status": {
        "text": _konsole(text.status),
        "json": _daten(daten.status),
        "csv": _text(formate.status_csv),
        "markdown": _text(markdown.status),
    },
    "regionen": {
        "text": _konsole(text.regionen),
        "json": _daten(daten.regionen),
        "csv": _text(formate.regionen_csv),
        "markdown": _text(markdown.regionen),
    },
    "region": {
        "text": _konsole(text.region),
        "json": _daten(daten.region_bericht),
        "csv": _text(formate.region_csv),
        "markdown": _text(markdown.region),
    },
    "zeitreihe": {
        "text": _konsole(terminal.zeitreihe),
        "json": _daten(daten.zeitreihe),
        "csv": _text(formate.zeitreihe_csv),
        "markdown": _text(markdown.zeitreihe),
    },
    "pruefung": {
        "text": _konsole(text.pruefung),
        "json": _daten(daten.pruefung),
        "csv": _text(formate.pruefung_csv),
        "markdown": _text(markdown.pruefung),
        "github": _text(formate.github),
    },
}


def formate_fuer(art: str) -> tuple[str, ...]:
    return tuple(RENDERER[art])


def darstellen(art: str, format: str, bericht: Any, befehl: str, schreibe: Callable[[str], None]) -> None:
    """Gibt ``bericht`` im ``format`` aus: Text für Menschen auf die Konsole, alles andere
    unverändert über ``schreibe`` (stdout), Beiwerk wie Zusammenfassungen auf stderr."""
    r = RENDERER[art][format]
    if r.art == "konsole":
        r.funktion(bericht, konsole())
    elif r.art == "daten":
        schreibe(json_text(umschlag(befehl, r.funktion(bericht))))
    else:
        ergebnis = r.funktion(bericht)
        aus, beiwerk = ergebnis if isinstance(ergebnis, tuple) else (ergebnis, "")
        schreibe(aus)
        if beiwerk:
            konsole(fehler=True).print(beiwerk)
