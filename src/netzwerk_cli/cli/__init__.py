"""Die Kommandozeile ``netz``: dünn – Optionen lesen, Kern aufrufen, ausgeben.

Jeder Befehl liegt in einem eigenen Modul und importiert schwere Teile
(pydantic, rich) erst, wenn er läuft.
"""

from __future__ import annotations

from . import add, bilder, lebenslauf, listen, schema, show, status, validate  # noqa: F401  (registrieren die Befehle)
from .app import app

__all__ = ["app", "main"]


def main() -> None:
    """Einstieg für ``netz``: auch unerwartete Fehler enden mit deutscher Meldung, ohne Traceback."""
    import os
    import sys

    try:
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
