"""Ausgabe für Menschen: im Terminal über rich (Farbe), sonst schlichter Text.

Die Renderer bauen :class:`Text` und :class:`Table` (dieselben Namen und Aufrufe wie
bei rich, nur der Teil, den netz braucht) und geben sie einer :class:`Konsole`.
Im Terminal wandelt die Konsole sie in rich-Objekte. In eine Pipe, eine Datei oder
ins CI schreibt sie schlichten Text selbst – zeichengleich mit dem, was rich dort
schriebe (``tests/render/test_ausgabe.py`` vergleicht beides), aber ohne rich zu
laden: das spart jedem ``netz status | …`` rund 60 ms Start.

Was die schlichte Ausgabe nicht sicher gleich setzen kann (eine Tabelle breiter als
die Zeile, breite Zeichen, Tabulatoren, rich-Markup, Zuschneiden), gibt sie an rich ab.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console


class Text:
    """Text aus Stücken mit Stil (wie ``rich.text.Text``)."""

    __slots__ = ("teile",)

    def __init__(self, text: str = "", style: str | None = None) -> None:
        self.teile: list[tuple[str, str | None]] = [(text, style)] if text else []

    def append(self, text: str, style: str | None = None) -> Text:
        if text:
            self.teile.append((text, style))
        return self

    @classmethod
    def assemble(cls, *teile: str | Text | tuple[str, str]) -> Text:
        t = cls()
        for teil in teile:
            if isinstance(teil, Text):
                t.teile.extend(teil.teile)
            elif isinstance(teil, tuple):
                t.append(*teil)
            else:
                t.append(teil)
        return t

    @property
    def plain(self) -> str:
        return "".join(s for s, _ in self.teile)

    def __str__(self) -> str:
        return self.plain

    def zu_rich(self) -> Any:
        from rich.text import Text as RichText

        r = RichText()
        for s, stil in self.teile:
            r.append(s, style=stil)
        return r


class Table:
    """Eine Tabelle ohne Rahmen (wie ``rich.table.Table`` mit ``box=None``)."""

    def __init__(
        self,
        title: str | None = None,
        title_justify: str = "left",
        box: None = None,
        pad_edge: bool = False,
        show_header: bool = True,
        header_style: str | None = None,
    ) -> None:
        assert box is None and not pad_edge and title_justify == "left", "nur die Form, die netz nutzt"
        self.title = title
        self.show_header = show_header
        self.header_style = header_style
        self.spalten: list[dict[str, Any]] = []
        self.zeilen: list[tuple[str | Text, ...]] = []

    def add_column(
        self,
        header: str = "",
        justify: str = "left",
        style: str | None = None,
        no_wrap: bool = False,
        overflow: str = "ellipsis",
    ) -> None:
        self.spalten.append(
            {"header": header, "justify": justify, "style": style, "no_wrap": no_wrap, "overflow": overflow}
        )

    def add_row(self, *zellen: str | Text) -> None:
        self.zeilen.append(zellen)

    def zu_rich(self) -> Any:
        from rich.table import Table as RichTable

        t = RichTable(
            title=self.title,
            title_justify="left",
            box=None,
            pad_edge=False,
            show_header=self.show_header,
            header_style=self.header_style or "",
        )
        for s in self.spalten:
            t.add_column(**s)
        for z in self.zeilen:
            t.add_row(*(_zu_rich(c) for c in z))
        return t

    def schlicht(self, breite: int) -> str | None:
        """Die Tabelle als Text, wenn sie ohne Umbruch in ``breite`` passt; sonst None."""
        if not self.zeilen and not self.show_header:  # rich: nur der Titel, falls einer da ist
            if not self.title:
                return ""
            return f"{self.title}\n" if _einfach(self.title) else None
        n = len(self.spalten)
        reihen = [[str(c) for c in z] + [""] * (n - len(z)) for z in self.zeilen]
        if self.show_header:
            reihen.insert(0, [s["header"] for s in self.spalten])
        # Leerzeichen am Zellenende behandelt rich je nach Ausrichtung eigen: dann rich
        if any(not _einfach(c) or c[-1:] == " " for r in reihen for c in r) or (
            self.title and not _einfach(self.title)
        ):
            return None
        breiten = [max((len(r[i]) for r in reihen), default=0) for i in range(len(self.spalten))]
        gesamt = sum(breiten) + 2 * (len(breiten) - 1)
        # zu breit: rich bricht um; Titel breiter als die Tabelle: rich bricht den Titel um
        if gesamt > breite or (self.title and len(self.title) > gesamt):
            return None
        out = [self.title] if self.title else []
        for r in reihen:
            out.append(
                "  ".join(
                    c.rjust(b) if s["justify"] == "right" else c.ljust(b)
                    for c, b, s in zip(r, breiten, self.spalten, strict=True)
                )
            )
        return "\n".join(out) + "\n"


# Zeichen, die rich wie netz mit Breite 1 zählt: ASCII, Latin-1, die Striche, Balken und
# Zeichen der Renderer. Alles andere (breite, kombinierende Zeichen) setzt rich.
_SICHER = frozenset("–—„“”‚‘’…·•█▒░✓✗→²³€")


def _einfach(s: str) -> bool:
    return all(" " <= c < "\x7f" or "\xa0" <= c <= "\xff" or c in _SICHER for c in s)


def _zu_rich(o: Any) -> Any:
    return o.zu_rich() if isinstance(o, (Text, Table)) else o


def ist_terminal(datei: IO[str]) -> bool:
    """Wie rich entscheidet: TTY_COMPATIBLE, FORCE_COLOR, sonst isatty()."""
    tty = os.environ.get("TTY_COMPATIBLE", "")
    if tty in ("0", "1"):
        return tty == "1"
    farbe = os.environ.get("FORCE_COLOR")
    if farbe is not None:
        return farbe != ""
    try:
        return datei.isatty()
    except (AttributeError, ValueError, OSError):
        return False


def breite_ohne_terminal() -> int:
    """Zeilenbreite in Pipe und Datei: ``COLUMNS`` oder 80 – nicht die Breite des
    Terminals, an dem die Pipe zufällig hängt (so ist ``netz list > datei`` stabil)."""
    spalten = os.environ.get("COLUMNS", "")
    return int(spalten) if spalten.isdigit() and int(spalten) > 0 else 80


class Konsole:
    """Ausgabe nach stdout (oder stderr) – rich im Terminal, sonst schlicht."""

    def __init__(self, fehler: bool = False) -> None:
        self.fehler = fehler
        self.terminal = ist_terminal(self._datei())
        self.breite = None if self.terminal else breite_ohne_terminal()
        self._rich: Console | None = None

    def _datei(self) -> IO[str]:
        return sys.stderr if self.fehler else sys.stdout

    @property
    def rich(self) -> Console:
        """Die rich-Konsole (erst bei Bedarf geladen), z. B. für einen Fortschrittsbalken."""
        if self._rich is None:
            from rich.console import Console

            self._rich = Console(
                stderr=self.fehler, highlight=False, soft_wrap=True, emoji=False, width=self.breite
            )
        return self._rich

    def print(self, *objekte: Any, end: str = "\n", markup: bool = False, **optionen: Any) -> None:
        """Wie ``rich.console.Console.print``; Markup (``[bold]``) nur mit ``markup=True``."""
        if optionen.get("soft_wrap") is True:
            del optionen["soft_wrap"]  # so ist die Konsole ohnehin eingestellt
        if self.breite is not None and not optionen:
            text = _schlicht(objekte, end, markup, self.breite)
            if text is not None:
                self._datei().write(text)
                return
        self.rich.print(*(_zu_rich(o) for o in objekte), end=end, markup=markup, **optionen)


def _schlicht(objekte: Sequence[Any], end: str, markup: bool, breite: int) -> str | None:
    """Die Objekte als schlichter Text, oder None, wenn rich sie setzen muss."""
    if len(objekte) == 1 and isinstance(objekte[0], Table):
        # wie rich: eine Tabelle endet mit ihrer letzten Zeile, ``end`` gilt nur für Text
        return objekte[0].schlicht(breite)
    teile = []
    for o in objekte:
        if isinstance(o, Text):
            s = o.plain
        elif isinstance(o, str) and not (markup and "[" in o):
            s = o
        else:
            return None
        if not all(c == "\n" or _einfach(c) for c in s):
            return None
        teile.append(s)
    return " ".join(teile) + end
