"""Was alle Befehle teilen: Datenordner, Stichtag, Konsolen, Fehler -> Exit-Code."""

from __future__ import annotations

import os
from datetime import date
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn, Optional

import typer

from ..exitcodes import Exit

if TYPE_CHECKING:
    from ..laden import Datenbestand
    from ..probleme import Problem
    from ..render.ausgabe import Konsole


AsOf = Annotated[
    Optional[str],  # noqa: UP045 - Typer wertet die Annotation zur Laufzeit aus
    typer.Option("--as-of", metavar="JJJJ-MM-TT", help="Stichtag (Vorgabe: heute)."),
]


class TextJson(str, Enum):
    text = "text"
    json = "json"


class Tabellenformat(str, Enum):
    text = "text"
    json = "json"
    csv = "csv"
    markdown = "markdown"


Format = typer.Option("--format", "-f", help="Ausgabeformat.")


class Kontext:
    """Was die globalen Optionen festlegen (ein schlichtes Objekt: startet schneller als ein dataclass)."""

    def __init__(self, daten: str | None) -> None:
        self.daten = daten  # --data oder NETZ_DATA

    def wurzel(self) -> Path:
        from ..ordner import KeinDatenordner, finde_datenordner

        try:
            return finde_datenordner(self.daten)
        except KeinDatenordner as e:
            abbruch(str(e), Exit.AUFRUF)


def heute() -> date:
    """Heute; ``NETZ_HEUTE=JJJJ-MM-TT`` legt den Tag fest (für Tests und Nachvollzug)."""
    wert = os.environ.get("NETZ_HEUTE")
    if wert:
        from ..datum import DatumFehler, tag

        try:
            return tag(wert)
        except DatumFehler as e:
            abbruch(f"NETZ_HEUTE: {e}", Exit.AUFRUF)
    return date.today()


def stichtag_option(wert: str | None, option: str = "--as-of") -> date | None:
    """Callback für ``--as-of``: nur JJJJ-MM-TT; sonst Aufruffehler (Exit 2)."""
    if wert is None:
        return None
    from ..datum import DatumFehler, tag

    try:
        return tag(wert)
    except DatumFehler as e:
        raise typer.BadParameter(str(e), param_hint=option) from None


def konsole(fehler: bool = False) -> Konsole:
    """Für Menschen: farbig im Terminal (rich), sonst schlicht und ohne rich zu laden."""
    from ..render.ausgabe import Konsole

    return Konsole(fehler=fehler)


def abbruch(meldung: str, code: Exit, hinweis: str = "") -> NoReturn:
    from ..render.ausgabe import Text

    con = konsole(fehler=True)
    con.print(Text.assemble(("Fehler:", "bold red"), f" {meldung}"))
    if hinweis:
        con.print(f"  Hinweis: {hinweis}")
    raise typer.Exit(int(code))


def ausgeben(text: str) -> None:
    """Maschinenlesbares auf stdout, ohne rich-Umbrüche oder Farben."""
    typer.echo(text, nl=False)


def lade(ctx: Kontext) -> Datenbestand:
    """Lädt die Daten (unveränderte Dateien aus dem Zwischenspeicher); bei Fehlern
    Meldungen auf stderr und Exit 1."""
    from ..laden import lade_datenbestand, ohne_gc
    from ..zwischenspeicher import Zwischenspeicher, ablage

    wurzel = ctx.wurzel()
    with ohne_gc():  # siehe laden.ohne_gc: lesen und prüfen erzeugen nur bleibende Objekte
        speicher = Zwischenspeicher(wurzel, ablage())
        bestand = lade_datenbestand(wurzel, leser=speicher.lies)
        fehler = speicher.fehler(bestand, heute())
        speicher.speichere()
    if fehler:
        zeige_probleme(fehler[:20])
        mehr = f" (die ersten 20 von {len(fehler)})" if len(fehler) > 20 else ""
        abbruch(
            f"Die Daten enthalten {len(fehler)} Fehler{mehr}; die Zahlen wären nicht verlässlich.",
            Exit.DATEN,
            "Erst beheben; „netz validate“ zeigt alle Befunde.",
        )
    return bestand


def zeige_probleme(probleme: list[Problem]) -> None:
    from ..render import text

    text.probleme(probleme, konsole(fehler=True))
