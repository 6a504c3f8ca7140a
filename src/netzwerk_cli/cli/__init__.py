"""Die Kommandozeile ``netz``: dünn – Optionen lesen, Kern aufrufen, ausgeben.

Jeder Befehl liegt in einem eigenen Modul und importiert schwere Teile
(pydantic, rich) erst, wenn er läuft. ``main`` lädt nur das Modul des aufgerufenen
Befehls: Typer baut sonst bei jedem Start alle Befehle samt Optionen (gemessen ~35 ms).
"""

from __future__ import annotations

import os
from collections.abc import Sequence

import typer

from .app import app

__all__ = ["alle_befehle", "app", "main"]

# Befehl -> Modul; die Reihenfolge der Module ist die der Hilfe.
BEFEHLE = {
    "add": "add",
    "timeline": "bilder",
    "map": "bilder",
    "report": "bilder",
    "end": "lebenslauf",
    "continue": "lebenslauf",
    "conference": "lebenslauf",
    "list": "listen",
    "missing": "listen",
    "schema": "schema",
    "show": "show",
    "status": "status",
    "validate": "validate",
}
# Globale Optionen mit Wert (stehen vor dem Befehl)
_MIT_WERT = ("--data",)


def _lade_module(module: Sequence[str]) -> None:
    for modul in dict.fromkeys(module):
        # __import__ statt importlib.import_module: so zeigt „python -X importtime“ sie an
        __import__(f"{__name__}.{modul}")


def alle_befehle() -> typer.Typer:
    """Die Anwendung mit allen Befehlen (Hilfe, Vervollständigung, Tests)."""
    _lade_module(list(BEFEHLE.values()))
    return app


def befehl_aus(argv: Sequence[str]) -> str | None:
    """Der aufgerufene Befehl, wenn er sicher zu erkennen ist; sonst None (dann alle laden)."""
    if any(k.startswith("_") and k.endswith("_COMPLETE") for k in os.environ):
        return None  # Shell-Vervollständigung braucht alle Befehle
    i = 0
    while i < len(argv):
        a = argv[i]
        if a in _MIT_WERT:
            i += 2
        elif a.startswith(tuple(f"{o}=" for o in _MIT_WERT)):
            i += 1
        elif a.startswith("-"):
            return None  # --help, --version, --install-completion …
        else:
            return a if a in BEFEHLE else None
    return None


def main() -> None:
    """Einstieg für ``netz``: auch unerwartete Fehler enden mit deutscher Meldung, ohne Traceback."""
    import sys

    try:
        name = befehl_aus(sys.argv[1:])
        if name is None:
            alle_befehle()
        else:
            _lade_module([BEFEHLE[name]])
        app(prog_name="netz")
    except BrokenPipeError:
        # Ausgabe in eine geschlossene Pipe (z. B. „| head“): still beenden
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - Python schreibt beim Beenden noch
        sys.exit(0)
    except Exception as e:
        if os.environ.get("NETZ_DEBUG"):
            raise
        sys.stderr.write(
            f"Fehler: unerwarteter interner Fehler ({type(e).__name__}: {e}).\n"
            "  Hinweis: Bitte mit NETZ_DEBUG=1 wiederholen und die Ausgabe als Fehler melden.\n"
        )
        sys.exit(1)
