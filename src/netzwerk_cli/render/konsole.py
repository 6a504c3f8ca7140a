"""Die Konsole für Menschen: rich, farbig im Terminal, schlicht in Pipe und Datei."""

from __future__ import annotations

import os

from rich.console import Console


def breite_ohne_terminal() -> int:
    """Zeilenbreite in Pipe und Datei: ``COLUMNS`` oder 80 – nicht die Breite des
    Terminals, an dem die Pipe zufällig hängt (so ist ``netz list > datei`` stabil)."""
    spalten = os.environ.get("COLUMNS", "")
    return int(spalten) if spalten.isdigit() and 0 < int(spalten) < 10_000 else 80


def konsole(fehler: bool = False) -> Console:
    """stdout (oder stderr). Markup und Emoji-Codes sind aus: Daten wie „[b]“ oder „:x:“
    erscheinen, wie sie geschrieben sind."""
    con = Console(stderr=fehler, highlight=False, soft_wrap=True, emoji=False, markup=False)
    if not con.is_terminal:
        con.width = breite_ohne_terminal()
    return con
