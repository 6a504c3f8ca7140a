"""Die Kommandozeile ``netz``: dünn – Optionen lesen, Kern aufrufen, ausgeben.

Jeder Befehl liegt in einem eigenen Modul und importiert schwere Teile
(pydantic, rich) erst, wenn er läuft.
"""

from __future__ import annotations

from . import add, bilder, lebenslauf, listen, schema, show, status, validate  # noqa: F401  (registrieren die Befehle)
from .app import app

__all__ = ["app", "main"]


def main() -> None:
    app(prog_name="netz")
