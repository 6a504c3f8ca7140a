"""Befehle für die Shell in Hinweisen: sicher zum Einfügen.

Ein Dateiname kommt aus einem Pull-Request; ein Hinweis wie ``git mv 'a' 'b'`` wird
kopiert und in eine Shell eingefügt. Jedes Argument ist deshalb für eine POSIX-Shell
gequotet (:func:`shlex.quote`). Enthält ein Pfad Zeichen, die ein Terminal nicht
unverändert zeigt (Steuer-, Format-, Trennzeichen), wäre der angezeigte Befehl nicht der
ausgeführte: dann gibt es keinen Befehl, nur den Dateinamen (:func:`befehl` gibt None).
"""

from __future__ import annotations

import shlex
import unicodedata

# dieselben Kategorien, die render/sicher.py beim Anzeigen ersetzt
_UNSICHTBAR = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"})


def zeigbar(pfad: str) -> bool:
    """Erscheint ``pfad`` im Terminal Zeichen für Zeichen so, wie er ist?"""
    return pfad.isprintable() and not any(unicodedata.category(z) in _UNSICHTBAR for z in pfad)


def argument(pfad: str) -> str:
    """Ein Argument für die Shell: immer in einfachen Anführungszeichen (:func:`shlex.quote`),
    ein führendes „-“ als „./-…“ (keine Option)."""
    if pfad.startswith("-"):
        pfad = "./" + pfad
    q = shlex.quote(pfad)
    return q if q.startswith("'") else f"'{q}'"


def befehl(programm: str, *pfade: str) -> str | None:
    """``programm`` mit den gequoteten ``pfade`` – oder None, wenn ein Pfad sich nicht
    sicher zeigen lässt (dann nennt der Hinweis die Datei ohne Befehl)."""
    if not all(zeigbar(p) for p in pfade):
        return None
    return " ".join([programm, *(argument(p) for p in pfade)])
