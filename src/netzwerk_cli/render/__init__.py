"""Ausgabe: je Berichtsart und Format ein Renderer, gewählt aus einer Tabelle.

Renderer rechnen nichts: sie bekommen fertige Berichte aus Kern und Prüfung. Der
Renderer für Menschen (``text``) schreibt auf eine rich-Konsole; ``json`` liefert Daten,
die im einen Umschlag landen (:func:`umschlag`, Version :data:`FORMAT_VERSION`); alle
anderen geben Text zurück, den die Kommandozeile unverändert ausgibt.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Callable
from typing import Any, NamedTuple

from .konsole import konsole

#: Version des JSON-Umschlags und der Schlüssel darin; steigt bei jeder inkompatiblen Änderung.
FORMAT_VERSION = 3


def umschlag(befehl: str, ergebnis: Any) -> dict[str, Any]:
    """Der eine JSON-Umschlag aller Befehle."""
    return {"format_version": FORMAT_VERSION, "befehl": befehl, "ergebnis": ergebnis}


def json_text(obj: Any) -> str:
    """JSON mit Umlauten im Klartext; Steuer-, Format- und Bidi-Zeichen aber als ``\\uXXXX``
    (:func:`~.sicher.json_sicher`), damit ``netz show --format json`` im Terminal nichts
    steuert – die Werte bleiben für jeden JSON-Leser dieselben."""
    from .sicher import json_sicher

    return json_sicher(json.dumps(obj, ensure_ascii=False, indent=2)) + "\n"


class Renderer(NamedTuple):
    """``art``: "konsole" – f(bericht, konsole) schreibt; "daten" – f(bericht) gibt JSON-Daten;
    "text" – f(bericht) gibt den Text für stdout, oder (stdout, stderr).
    ``ort``: "modul:funktion" in diesem Paket; geladen wird erst, was gebraucht wird."""

    art: str
    ort: str

    def funktion(self) -> Callable[..., Any]:
        modul, name = self.ort.split(":")
        return getattr(importlib.import_module(f"{__name__}.{modul}"), name)  # type: ignore[no-any-return]  # erst zur Laufzeit geladen


def _formate(text: str, daten: str, csv: str, markdown: str) -> dict[str, Renderer]:
    return {
        "text": Renderer("konsole", text),
        "json": Renderer("daten", daten),
        "csv": Renderer("text", csv),
        "markdown": Renderer("text", markdown),
    }


def _modul(modul: str) -> dict[str, Renderer]:
    """Eine Berichtsart mit eigenem Modul: ``text``, ``daten`` (JSON), ``csv_text``, ``markdown``."""
    return _formate(f"{modul}:text", f"{modul}:daten", f"{modul}:csv_text", f"{modul}:markdown")


# Berichtsart -> Format -> Renderer. Die --format-Auswahl jedes Befehls entsteht aus diesen Schlüsseln.
# Ein Modul je Berichtsart mit allen ihren Formaten (siehe docs/architektur.md, „render“).
RENDERER: dict[str, dict[str, Renderer]] = {
    "status": _modul("status"),
    "regionen": _modul("regionen"),
    "unterschriften": _modul("unterschriften"),
    "region": _modul("region"),
    "zeitreihe": _modul("zeitreihe"),
    "vergleich": _formate(
        "vergleich:vergleich",
        "vergleich:vergleich_daten",
        "vergleich:vergleich_csv",
        "vergleich:vergleich_markdown",
    ),
    "regionslog": _formate(
        "vergleich:regionslog",
        "vergleich:regionslog_daten",
        "vergleich:regionslog_csv",
        "vergleich:regionslog_markdown",
    ),
    "linkpruefung": _formate(
        "quellen:linkbericht",
        "quellen:linkbericht_daten",
        "quellen:linkbericht_csv",
        "quellen:linkbericht_markdown",
    ),
    "quellenstand": _formate(
        "quellen:quellenstand",
        "quellen:quellenstand_daten",
        "quellen:quellenstand_csv",
        "quellen:quellenstand_markdown",
    ),
    "offen": _modul("offen"),
    "pruefung": {**_modul("pruefung"), "github": Renderer("text", "pruefung:github")},
}


def formate_fuer(art: str) -> tuple[str, ...]:
    return tuple(RENDERER[art])


def darstellen(art: str, format: str, bericht: Any, befehl: str, schreibe: Callable[[str], None]) -> None:
    """Gibt ``bericht`` im ``format`` aus: Text für Menschen auf die Konsole, alles andere
    unverändert über ``schreibe`` (stdout), Beiwerk wie Zusammenfassungen auf stderr."""
    r = RENDERER[art][format]
    f = r.funktion()
    if r.art == "konsole":
        f(bericht, konsole())
    elif r.art == "daten":
        schreibe(json_text(umschlag(befehl, f(bericht))))
    else:
        ergebnis = f(bericht)
        aus, beiwerk = ergebnis if isinstance(ergebnis, tuple) else (ergebnis, "")
        schreibe(aus)
        if beiwerk:
            konsole(fehler=True).print(beiwerk)
