"""netz validate"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterator
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

if TYPE_CHECKING:
    from rich.progress import Progress

import typer

from ..exitcodes import Exit
from ._basis import ausgeben, heute, konsole
from .app import befehl


class Pruefformat(str, Enum):
    text = "text"
    json = "json"
    github = "github"
    markdown = "markdown"


@befehl("validate")
def validate(
    ctx: typer.Context,
    pfade: Annotated[
        Optional[list[Path]],  # noqa: UP045
        typer.Argument(
            metavar="[PFAD]...",
            help="Nur Befunde dieser Dateien melden (wie pre-commit sie übergibt); "
            "dateiübergreifende Prüfungen laufen trotzdem über den ganzen Datenordner.",
            show_default=False,
        ),
    ] = None,
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
    from ..laden import lade_datenbestand, ohne_gc
    from ..render import daten, formate, markdown, text
    from ..validierung import validiere

    if format is None:
        format = Pruefformat.github if os.environ.get("GITHUB_ACTIONS") == "true" else Pruefformat.text
    wurzel = ctx.obj.wurzel()
    nur = _pfade_im_datenordner(pfade, wurzel) if pfade else None
    # Bis zum Ende des Prozesses entstehen kaum noch Objekte, die wieder frei würden: die
    # Speicherbereinigung müsste nur immer wieder alle gelesenen Modelle durchsehen.
    with ohne_gc():
        with _fortschritt() as melde:
            bestand = lade_datenbestand(wurzel, melde)
        v = validiere(bestand, heute(), nur)
    gueltig = v.gueltig(strict)
    if format is Pruefformat.json:
        ausgeben(
            formate.json_text(
                {
                    "format_version": 1,
                    "gueltig": gueltig,
                    "fehler": v.fehler,
                    "warnungen": v.warnungen,
                    "dateien": v.dateien,
                    "probleme": [daten.problem(p) for p in v.probleme],
                    "pruefpunkte": [daten.pruefergebnis(e) for e in v.pruefpunkte],
                }
            )
        )
    elif format is Pruefformat.github:
        ausgeben(formate.github(v.probleme))
        konsole(fehler=True).print(v.zusammenfassung(), markup=False)
    elif format is Pruefformat.markdown:
        ausgeben(markdown.pruefbericht(v.probleme, v.zusammenfassung(), gueltig))
    else:
        text.probleme(v.probleme, konsole(), quelltext=True)
        con = konsole(fehler=bool(v.probleme))
        con.print(("✓ " if gueltig else "✗ ") + v.zusammenfassung(), markup=False)
    raise typer.Exit(int(Exit.OK if gueltig else Exit.DATEN))


AB_DATEIEN = 2000


@contextlib.contextmanager
def _fortschritt() -> Iterator[Callable[[int, int], None] | None]:
    """Ein Fortschrittsbalken auf stderr – nur im Terminal, nie in CI oder in einer Pipe,
    und erst ab mehr als 2.000 Dateien."""
    if not sys.stderr.isatty() or os.environ.get("CI") or os.environ.get("GITHUB_ACTIONS"):
        yield None
        return
    from rich.progress import Progress

    balken: Progress | None = None

    def melde(gelesen: int, gesamt: int) -> None:
        nonlocal balken
        if gesamt <= AB_DATEIEN:
            return
        if balken is None:
            balken = Progress(console=konsole(fehler=True).rich, transient=True)
            balken.start()
            balken.add_task("Dateien lesen", total=gesamt)
        balken.update(balken.task_ids[0], completed=gelesen)

    try:
        yield melde
    finally:
        if balken is not None:
            balken.stop()


def _pfade_im_datenordner(pfade: list[Path], wurzel: Path) -> list[Path]:
    out = []
    for p in pfade:
        echt = p.resolve()
        if not echt.is_relative_to(wurzel.resolve()):
            raise typer.BadParameter(f"„{p}“ liegt nicht im Datenordner {wurzel}", param_hint="PFAD")
        if not echt.is_file():
            raise typer.BadParameter(f"„{p}“ gibt es nicht", param_hint="PFAD")
        out.append(echt)
    return out
