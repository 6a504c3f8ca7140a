"""netz validate"""

from __future__ import annotations

import os
from enum import Enum
from typing import Annotated, Optional

import typer

from ..exitcodes import Exit
from ._basis import ausgeben, heute, konsole
from .app import befehl


class Pruefformat(str, Enum):
    text = "text"
    json = "json"
    github = "github"


@befehl("validate")
def validate(
    ctx: typer.Context,
    format: Annotated[
        Optional[Pruefformat],  # noqa: UP045
        typer.Option(
            "--format",
            "-f",
            help="Ausgabeformat; Vorgabe: github, wenn GITHUB_ACTIONS=true, sonst text.",
        ),
    ] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Auch Warnungen führen zu Exit 1.")] = False,
) -> None:
    """Alle Dateien prüfen und jeden Befund melden (Syntax, Schema, Dateinamen, Daten, Prüfpunkte)."""
    from ..laden import lade_datenbestand
    from ..pruefungen import pruefe, pruefpunkte
    from ..render import daten, formate, text

    if format is None:
        format = Pruefformat.github if os.environ.get("GITHUB_ACTIONS") == "true" else Pruefformat.text
    tag = heute()
    bestand = lade_datenbestand(ctx.obj.wurzel())
    probleme = pruefe(bestand, tag)
    fehler = sum(p.ist_fehler for p in probleme)
    warnungen = len(probleme) - fehler
    ergebnisse = pruefpunkte(bestand, tag) if not fehler else []
    scheitert = fehler > 0 or (strict and warnungen > 0)
    n_reg, n_ver = bestand.dateien.get("regionen", 0), bestand.dateien.get("vertraege", 0)
    zusammenfassung = f"{n_reg} Regionen, {n_ver} Verträge geprüft: {fehler} Fehler, {warnungen} Warnungen"
    if ergebnisse:
        geprueft = [e for e in ergebnisse if e.geprueft]
        zusammenfassung += (
            f"; Prüfpunkte: {sum(bool(e.erfuellt) for e in geprueft)} von {len(geprueft)} erfüllt"
        )
        if len(geprueft) < len(ergebnisse):
            zusammenfassung += f", {len(ergebnisse) - len(geprueft)} bewusst nicht geprüft"
    zusammenfassung += "."
    if format is Pruefformat.json:
        ausgeben(
            formate.json_text(
                {
                    "format_version": 1,
                    "gueltig": not scheitert,
                    "fehler": fehler,
                    "warnungen": warnungen,
                    "dateien": {"regionen": n_reg, "vertraege": n_ver},
                    "probleme": [daten.problem(p) for p in probleme],
                    "pruefpunkte": [daten.pruefergebnis(e) for e in ergebnisse],
                }
            )
        )
    elif format is Pruefformat.github:
        ausgeben(formate.github(probleme))
        konsole(fehler=True).print(zusammenfassung, markup=False, highlight=False)
    else:
        text.probleme(probleme, konsole())
        con = konsole(fehler=bool(probleme))
        con.print(("✗ " if scheitert else "✓ ") + zusammenfassung, markup=False, highlight=False)
    raise typer.Exit(int(Exit.DATEN if scheitert else Exit.OK))
