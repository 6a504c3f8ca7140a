"""``netz export``: der ganze Datenbestand als Tabellen in einem Dateiformat.

:data:`EXPORT` ist die eine Tabelle „Format → Exporter“; die ``--format``-Auswahl von
``netz export`` entsteht aus ihren Schlüsseln. Ein Exporter rechnet nichts und schreibt nichts:
er bekommt den fertigen :class:`~netzwerk_cli.kern.tabellen.Datensatz` und gibt zurück, was
``daten/ausgabe.py`` atomar schreibt –

* ``datei``: die Bytes einer Datei (xlsx, ods),
* ``ordner``: Dateiname → Bytes (csv, datapackage),
* ``sqlite``: ein :class:`SqlitePlan` (Anweisungen und Zeilen), den ``daten`` mit dem
  sqlite3 der Standardbibliothek in eine Temporärdatei schreibt.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any, Literal, NamedTuple

from ..sicher import sichtbar

Ziel = Literal["datei", "ordner", "sqlite"]


class Exporter(NamedTuple):
    ziel: Ziel
    ort: str  # "modul:funktion" in diesem Paket; geladen wird nur, was gebraucht wird
    endung: str  # übliche Endung des Ziels ("" für einen Ordner)
    beschreibung: str  # für die Hilfe

    def funktion(self) -> Callable[..., Any]:
        modul, name = self.ort.split(":")
        return getattr(importlib.import_module(f"{__name__}.{modul}"), name)  # type: ignore[no-any-return]  # erst zur Laufzeit geladen


EXPORT: dict[str, Exporter] = {
    "xlsx": Exporter("datei", "xlsx:xlsx", ".xlsx", "Excel-Arbeitsmappe, ein Blatt je Tabelle"),
    "ods": Exporter("datei", "ods:ods", ".ods", "OpenDocument-Tabelle (LibreOffice), ein Blatt je Tabelle"),
    "csv": Exporter("ordner", "csv:csv_ordner", "", "Ordner mit einer CSV-Datei (UTF-8) je Tabelle"),
    "sqlite": Exporter("sqlite", "sqlite:sqlite_plan", ".sqlite", "SQLite-Datenbank für Datasette"),
    "datapackage": Exporter(
        "ordner", "datapackage:datapackage", "", "Frictionless-Datenpaket: datapackage.json und CSV"
    ),
}


class SqlitePlan(NamedTuple):
    """Was in die Datenbank kommt: Anweisungen (CREATE …) und je Tabelle INSERT mit Zeilen."""

    anweisungen: tuple[str, ...]
    einfuegen: tuple[tuple[str, tuple[tuple[Any, ...], ...]], ...]


# Eine Zelle, die so beginnt, liest eine Tabellenkalkulation als Formel (wie render/sicher.py)
FORMEL_ANFANG = ("=", "+", "-", "@", "\t", "\r")


def zelltext(text: str) -> str:
    """Text aus den Daten für eine Zelle: jede Zeile sichtbar gemacht (Steuer- und Bidi-Zeichen
    als ``\\x1b``/``U+202E``), die Zeilenumbrüche zwischen Quellen bleiben."""
    return "\n".join(sichtbar(teil) for teil in text.split("\n"))


def wie_formel(text: str) -> bool:
    """Würde eine Tabellenkalkulation diesen Text als Formel lesen (OWASP „CSV Injection“)?"""
    return text.lstrip(" ").startswith(FORMEL_ANFANG)


def blattname(titel: str) -> str:
    """Blattnamen: höchstens 31 Zeichen, ohne ``[]:*?/\\`` (Excel verweigert sie)."""
    return "".join("_" if z in "[]:*?/\\" else z for z in titel)[:31]
