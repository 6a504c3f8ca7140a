"""Die Typer-Anwendung und die globalen Optionen."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from .. import __version__
from . import deutsch
from ._basis import Kontext

deutsch.aktiviere()

app = typer.Typer(
    name="netz",
    cls=deutsch.DeutscheGruppe,
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
    context_settings={"help_option_names": ["--help", "-h"]},
)


def _version(wert: bool) -> None:
    if wert:
        typer.echo(f"netz {__version__}")
        raise typer.Exit()


@app.callback()
def haupt(
    ctx: typer.Context,
    daten: Annotated[
        Optional[str],  # noqa: UP045 - Typer wertet die Annotation zur Laufzeit aus
        typer.Option(
            "--data",
            envvar="NETZ_DATA",
            metavar="ORDNER",
            help="Datenordner mit regionen/ und vertraege/. Ohne Angabe: der nächste "
            "data/-Ordner ab dem aktuellen Verzeichnis aufwärts.",
            show_envvar=True,
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Version anzeigen und beenden."),
    ] = False,
) -> None:
    """Tracker der Regionalen Bildungsnetzwerke in Nordrhein-Westfalen.

    Zeigt, wie viele der 53 Kreise und kreisfreien Städte einen Kooperationsvertrag mit dem Land haben, wer fehlt und seit wann – aus den YAML-Dateien im Datenordner.
    """  # noqa: E501 - Typer bricht Zeilen im Docstring nicht neu um
    ctx.obj = Kontext(daten)
