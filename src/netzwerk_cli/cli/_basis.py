"""Was alle Befehle teilen: Datenordner, Stichtag, Laden, Formate, Ausgabe."""

from __future__ import annotations

import os
from datetime import date
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from ..kern.fehler import Exit, NetzFehler

if TYPE_CHECKING:
    from rich.console import Console

    from ..kern.bestand import Datenbestand


# Tage nimmt netz so, wie Menschen sie tippen (kern.datum.eingabe_tag)
AsOf = Annotated[
    Optional[str],  # noqa: UP045 - Typer wertet die Annotation zur Laufzeit aus
    typer.Option(
        "--as-of", metavar="DATUM", help="Stichtag, z. B. 06.05.2010 oder 2010-05-06 (Vorgabe: heute)."
    ),
]

Rev = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(
        "--rev",
        metavar="REVISION",
        help="Die Daten, wie sie in dieser git-Revision stehen (Zweig, Tag, HEAD~3 …) – "
        "ohne Checkout, Arbeitsbaum und Index bleiben unberührt; braucht git.",
    ),
]


def formatwahl(art: str) -> type[Enum]:
    """Die --format-Auswahl einer Berichtsart, aus der Tabelle der Renderer."""
    from ..render import formate_fuer

    return Enum(f"Format_{art}", {f: f for f in formate_fuer(art)}, type=str)  # type: ignore[return-value]


def format_option(hilfe: str = "Ausgabeformat.") -> Any:
    return typer.Option("--format", "-f", help=hilfe)


class Kontext:
    """Was die globalen Optionen festlegen."""

    def __init__(self, daten: str | None) -> None:
        self.daten = daten  # --data oder NETZ_DATA

    def wurzel(self) -> Path:
        from ..daten.ordner import finde_datenordner

        return finde_datenordner(self.daten)


def heute() -> date:
    """Heute; ``NETZ_HEUTE=JJJJ-MM-TT`` legt den Tag fest (für Tests und Nachvollzug)."""
    wert = os.environ.get("NETZ_HEUTE")
    if wert:
        from ..kern.datum import DatumFehler, tag

        try:
            return tag(wert)
        except DatumFehler as e:
            raise NetzFehler(f"NETZ_HEUTE: {e}", code=Exit.AUFRUF) from None
    return date.today()


def stichtag_option(wert: str | None, option: str = "--as-of") -> date | None:
    """Ein Tag aus einer Option: 06.05.2010, 6.5.2010, 2010-05-06 oder „heute“; sonst
    Aufruffehler (Exit 2)."""
    if wert is None:
        return None
    from ..kern.datum import DatumFehler, eingabe_tag

    try:
        return eingabe_tag(wert, heute())
    except DatumFehler as e:
        raise typer.BadParameter(str(e), param_hint=option) from None


def konsole(fehler: bool = False) -> Console:
    from ..render.konsole import konsole as k

    return k(fehler)


def ausgeben(text: str) -> None:
    """Maschinenlesbares auf stdout, ohne Umbrüche oder Farben."""
    typer.echo(text, nl=False)


def darstellen(art: str, format: Enum | str, bericht: object, befehl: str) -> None:
    from ..render import darstellen as d

    d(art, format.value if isinstance(format, Enum) else format, bericht, befehl, ausgeben)


def lies(ctx: Kontext, rev: str | None, speicher: Any = None, fortschritt: Any = None) -> Datenbestand:
    """Der Datenbestand aus dem Arbeitsbaum oder – mit ``rev`` – aus dieser git-Revision;
    beide Wege prüfen jede Datei nach denselben Regeln."""
    wurzel = ctx.wurzel()
    if rev is None:
        from ..daten.laden import lade_datenbestand

        return lade_datenbestand(wurzel, fortschritt, speicher)
    from ..daten import git

    repo = git.repo_fuer(wurzel)
    return git.lade_aus_git(repo, git.commit(repo, rev), speicher)


def lade(ctx: Kontext, rev: str | None = None) -> Datenbestand:
    """Lädt und prüft die Daten (ohne Prüfpunkte); bei Fehlern: Befunde und Exit 1."""
    from ..daten.zwischenspeicher import Zwischenspeicher, ablage
    from ..pruefen import pruefe

    wurzel = ctx.wurzel()
    # Der Zwischenspeicher gehört dem Arbeitsbaum: Dateien einer Revision würden seine Einträge
    # verdrängen (er merkt sich je Pfad einen Stand) – eine Revision wird ohne ihn gelesen.
    speicher = Zwischenspeicher(wurzel, ablage() if rev is None else None)
    bestand = lies(ctx, rev, speicher)
    speicher.speichere()
    fehler = [p for p in pruefe(bestand, heute(), mit_pruefpunkten=False).probleme if p.ist_fehler]
    if fehler:
        mehr = f" (die ersten 20 von {len(fehler)})" if len(fehler) > 20 else ""
        raise NetzFehler(
            f"Die Daten enthalten {len(fehler)} Fehler{mehr}; die Zahlen wären nicht verlässlich.",
            "Erst beheben; „netz validate“ zeigt alle Befunde.",
            probleme=fehler[:20],
        )
    return bestand
