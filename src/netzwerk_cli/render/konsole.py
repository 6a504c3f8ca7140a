"""Die Konsole für Menschen: rich, farbig im Terminal, schlicht in Pipe und Datei.

Text bricht an Wortgrenzen auf die Breite um (Terminal, sonst ``COLUMNS`` oder 80) – aber
nie mitten in einem Wort: Webadressen und Pfade bleiben ganz (zu lang, stehen sie allein
auf ihrer Zeile), „303,28 km²“, „81,1 %“ und „z. B.“ bleiben zusammen. rich bräche
überlange Wörter mitten durch; darum bricht netz selbst um und rich nur noch Tabellen.
"""

from __future__ import annotations

import io
import itertools
import os
import re
import sys
from typing import IO, Any

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text


def breite_ohne_terminal() -> int:
    """Zeilenbreite in Pipe und Datei: ``COLUMNS`` oder 80 – nicht die Breite des
    Terminals, an dem die Pipe zufällig hängt (so ist ``netz list > datei`` stabil)."""
    spalten = os.environ.get("COLUMNS", "")
    return int(spalten) if spalten.isdigit() and 0 < int(spalten) < 10_000 else 80


_WORT = re.compile(r"\S+")
# Lücken, an denen nie umgebrochen wird: Zahl und Einheit, „z. B.“, „§ 2“
_ZAHL_ENDE = re.compile(r"\d$")
_EINHEIT = re.compile(r"^(?:%|km²|Einwohner\b)")


# Der Kopf eines Befunds, „pfad:2:1: Fehler NZ101“, bleibt eine Zeile: so greifen ihn
# Editoren und grep, auch wenn der Pfad lang ist
_ORT = re.compile(r":\d+:\d+:$")


def _geschuetzt(links: str, rechts: str) -> bool:
    return (
        bool(_ZAHL_ENDE.search(links) and _EINHEIT.match(rechts))
        or (links == "z." and rechts == "B.")
        # „§ 2“, „Abs. 1“: Fundstellen in Gesetzen (Gebietsstand, Aachen-Gesetz)
        or (links in ("§", "§§", "Abs.", "Art.", "Nr.") and rechts[:1].isdigit())
        or (bool(_ORT.search(links)) and rechts in ("Fehler", "Warnung"))
        or (links in ("Fehler", "Warnung") and rechts.startswith("NZ"))
    )


def umbruchstellen(zeile: str, breite: int, einzug: int | None = None) -> list[tuple[int, int, int]]:
    """Wo eine Zeile umbricht: (Anfang, Ende der ersetzten Lücke, Einzug der neuen Zeile).

    Gierig an Leerraum zwischen Wörtern. Folgezeilen rücken ein wie die Zeile selbst
    (oder um ``einzug``, für hängende Einzüge wie in ``netz show``); ein Wort, das auch
    eingerückt nicht passt, steht allein und ohne Einzug auf seiner Zeile.
    """
    woerter = [(m.start(), m.end()) for m in _WORT.finditer(zeile)]
    if len(woerter) < 2:
        return []
    if einzug is None:
        einzug = woerter[0][0]
    if einzug > breite // 2:
        einzug = 0
    # geschützte Lücken zusammenfassen: „303,28 km²“ ist ein Wort
    teile = [woerter[0]]
    for a, b in woerter[1:]:
        va, vb = teile[-1]
        if b - a and _geschuetzt(zeile[va:vb].split()[-1], zeile[a:b]) and a - vb == 1:
            teile[-1] = (va, b)
        else:
            teile.append((a, b))
    spalte = cell_len(zeile[: teile[0][1]])
    out = []
    for (_, vb), (a, b) in itertools.pairwise(teile):
        w = cell_len(zeile[a:b])
        if spalte + cell_len(zeile[vb:a]) + w > breite:
            neu = einzug if einzug + w <= breite else 0
            out.append((vb, a, neu))
            spalte = neu + w
        else:
            spalte += cell_len(zeile[vb:a]) + w
    return out


def umbrechen(text: Text | str, breite: int, einzug: int | None = None) -> Text:
    """``text`` mit Zeilenumbrüchen an Wortgrenzen (Stile bleiben), je Zeile für sich."""
    t = text if isinstance(text, Text) else Text(text)
    out = t.blank_copy()
    pos = 0
    zeilenanfang = 0
    for zeile in t.plain.split("\n"):
        for a, b, neu in umbruchstellen(zeile, breite, einzug):
            out.append_text(t[pos : zeilenanfang + a])
            out.append("\n" + " " * neu)
            pos = zeilenanfang + b
        zeilenanfang += len(zeile) + 1
    out.append_text(t[pos:])
    return out


# Leerzeichen am Zeilenende (auch vor einem abschließenden Farbcode): rich füllt Tabellen-
# zellen bis zur Spaltenbreite auf; in einer Datei oder beim Kopieren stören sie nur.
_ENDE_LEER = re.compile(r" +((?:\x1b\[[0-9;]*m)*)(?=\n)")


class _OhneEndLeerzeichen(io.TextIOBase):
    """Eine Ausgabe, die Leerzeichen vor jedem Zeilenende weglässt; sonst wie ``ziel``."""

    def __init__(self, ziel: IO[str]) -> None:
        self.ziel = ziel

    def write(self, s: str) -> int:
        self.ziel.write(_ENDE_LEER.sub(r"\1", s))
        return len(s)

    def flush(self) -> None:
        self.ziel.flush()

    def isatty(self) -> bool:
        return self.ziel.isatty()

    def fileno(self) -> int:
        return self.ziel.fileno()

    @property
    def encoding(self) -> str:  # type: ignore[override]  # bei TextIOBase ein Attribut, hier das des Ziels
        return getattr(self.ziel, "encoding", "utf-8") or "utf-8"


class Konsole(Console):
    """rich.Console, die Fließtext selbst an Wortgrenzen umbricht (siehe Moduldoku)."""

    fuer_meldungen = False

    def print(self, *objects: Any, **optionen: Any) -> None:
        if self.fuer_meldungen:
            # Erst das Ergebnis, dann die Meldung: in einer Pipe puffert Python stdout, stderr
            # nicht – „netz validate 2>&1 | less“ zeigte sonst die Zusammenfassung vor den Befunden.
            aus = sys.stdout
            if aus is not None and not aus.closed:  # geschlossene Standardausgabe („>&-“)
                aus.flush()
        if not optionen.get("soft_wrap") and objects and all(isinstance(o, (str, Text)) for o in objects):
            sep = optionen.pop("sep", " ")
            t = Text(sep).join(o if isinstance(o, Text) else Text(o) for o in objects)
            objects = (umbrechen(t, self.width),)
            # rich bricht nicht mehr um und schneidet nichts ab: ein überlanges Wort bleibt ganz
            optionen.setdefault("overflow", "ignore")
            optionen.setdefault("crop", False)
            optionen.setdefault("no_wrap", True)
        super().print(*objects, **optionen)


def konsole(fehler: bool = False) -> Console:
    """stdout (oder stderr). Markup und Emoji-Codes sind aus: Daten wie „[b]“ oder „:x:“
    erscheinen, wie sie geschrieben sind."""
    ziel = sys.stderr if fehler else sys.stdout
    con = Konsole(
        file=_OhneEndLeerzeichen(ziel),  # type: ignore[arg-type]  # eine Textdatei, nur kein IO[str]
        highlight=False,
        soft_wrap=False,
        emoji=False,
        markup=False,
    )
    con.fuer_meldungen = fehler
    if not con.is_terminal:
        con.width = breite_ohne_terminal()
    return con
