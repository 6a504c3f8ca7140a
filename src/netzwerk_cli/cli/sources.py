"""netz sources (wie alt die Belege sind) und netz sources check (ob es sie noch gibt)"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from ..kern.fehler import Exit, NetzFehler
from . import deutsch
from ._basis import darstellen, format_option, formatwahl, heute, konsole, lies

# Zur Laufzeit ein Enum aus der Tabelle der Renderer (Typer braucht es für die Auswahl);
# für den Typprüfer ist der Wert, was Typer übergibt: ein str.
if TYPE_CHECKING:
    Format = str
else:
    Format = formatwahl("linkpruefung")
if TYPE_CHECKING:
    StandFormat = str
else:
    StandFormat = formatwahl("quellenstand")

sources = typer.Typer(
    name="sources",
    cls=deutsch.DeutscheGruppe,
    invoke_without_command=True,
    help="Die Quellen der Daten: wie viele ein Erscheinungsdatum tragen (ohne Unterbefehl), "
    "und Webadressen prüfen, bevor sie verschwinden (check).",
)


@sources.callback()
def uebersicht(
    ctx: typer.Context,
    format: Annotated[StandFormat, format_option()] = "text",
) -> None:
    """Ohne Unterbefehl: wie viele Quellen ein Erscheinungsdatum tragen, und welche nicht."""
    if ctx.invoked_subcommand is not None:
        return
    from ..kern.quellen import quellenstand

    darstellen("quellenstand", format, quellenstand(lies(ctx.obj, None)), "sources")


def _frist(text: str) -> float:
    """Sekunden, wie Menschen sie tippen: 10, 2.5 oder 2,5 (Clicks eigene Meldung wäre englisch)."""
    try:
        wert = float(str(text).strip().replace(",", "."))
    except ValueError:
        wert = float("nan")
    if not 0 < wert <= 300:  # auch nan und inf
        raise typer.BadParameter(f"„{text}“ – erlaubt sind Sekunden über 0 bis 300, z. B. 10 oder 2,5")
    return wert


def _parallel(text: str) -> int:
    wert = int(text) if str(text).strip().isdigit() else 0
    if not 1 <= wert <= 32:
        raise typer.BadParameter(f"„{text}“ – erlaubt sind 1 bis 32 gleichzeitige Anfragen")
    return wert


@sources.command("check", cls=deutsch.DeutscherBefehl)
def check(
    ctx: typer.Context,
    timeout: Annotated[
        float,
        typer.Option(
            "--timeout",
            metavar="SEKUNDEN",
            help="Frist je Anfrage in Sekunden, für Verbinden, Senden und Lesen je für sich (Vorgabe: 10).",
            parser=_frist,
            show_default=False,
        ),
    ] = 10.0,
    parallel: Annotated[
        int,
        typer.Option(
            "--parallel",
            metavar="ZAHL",
            help="Höchstens so viele Anfragen gleichzeitig (Vorgabe: 8).",
            parser=_parallel,
            show_default=False,
        ),
    ] = 8,
    format: Annotated[Format, format_option()] = "text",
    bericht: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            "--bericht",
            metavar="DATEI",
            help="Den Bericht zusätzlich als Markdown in diese Datei schreiben (für den Workflow).",
        ),
    ] = None,
    strict: Annotated[
        bool, typer.Option("--strict", help="Exit 1, wenn eine Adresse eine Warnung bekommt.")
    ] = False,
) -> None:
    """Jede Webadresse der Daten anfragen: erreichbar, umgeleitet (wohin) oder tot – tote Links sind Warnungen, Exit 0 außer mit --strict; Dateien unter quellen/ müssen vorhanden sein."""  # noqa: E501 - Typer bricht Zeilen im Docstring nicht neu um
    from ..daten.netz import pruefe_adressen
    from ..kern.quellen import Antwort, Art, Linkbericht, datei_vorhanden, einordnen, sammle

    bestand = lies(ctx.obj, None)
    adressen = sammle(bestand)
    web = [a.url for a in adressen if a.art is not Art.DATEI]
    with _fortschritt() as melde:
        antworten = pruefe_adressen(web, timeout, parallel, melde)
    ergebnisse = [
        einordnen(
            a,
            Antwort(vorhanden=datei_vorhanden(a.url, bestand.quellen))
            if a.art is Art.DATEI
            else antworten[a.url],
        )
        for a in adressen
    ]
    b = Linkbericht(heute(), timeout, ergebnisse, len(bestand.fehlerhaft))
    if b.kein_netz:
        raise NetzFehler(
            f"Keine der {len(web)} Webadressen war zu erreichen, bei keinem Rechner kam eine Verbindung "
            "zustande – das eigene Netz fehlt (oder ein Proxy).",
            "Netzverbindung prüfen; hinter einem Proxy HTTPS_PROXY setzen. "
            "Es wurde kein Bericht geschrieben.",
            code=Exit.UMGEBUNG,
        )
    if bericht is not None:
        from ..render.quellen import linkbericht_markdown

        _schreibe(bericht, linkbericht_markdown(b))
    darstellen("linkpruefung", format, b, "sources check")
    if bericht is not None:
        konsole(fehler=True).print(f"Bericht geschrieben: {bericht}")
    raise typer.Exit(int(Exit.DATEN if strict and b.warnungen else Exit.OK))


def _schreibe(pfad: Path, text: str) -> None:
    """Atomar: der Workflow liest nie einen halben Bericht; eine Verknüpfung wird nicht ersetzt."""
    from ..daten.schreiben import ZielExistiert, ersetze_atomar, lege_exklusiv_an
    from ..kern.fehler import os_fehler

    try:
        try:
            lege_exklusiv_an(pfad, text)
        except ZielExistiert:
            ersetze_atomar(pfad, text.encode("utf-8"))
    except OSError as e:
        raise NetzFehler(f"{pfad} lässt sich nicht schreiben: {os_fehler(e)}.", code=Exit.UMGEBUNG) from None


@contextmanager
def _fortschritt() -> Iterator[Callable[[int, int], None] | None]:
    """Ein Fortschrittsbalken auf stderr – nur im Terminal, nie in CI oder einer Pipe."""
    if not sys.stderr.isatty() or os.environ.get("CI") or os.environ.get("GITHUB_ACTIONS"):
        yield None
        return
    from rich.progress import Progress

    with Progress(console=konsole(fehler=True), transient=True) as balken:
        aufgabe = balken.add_task("Webadressen anfragen", total=None)

        def melde(fertig: int, gesamt: int) -> None:
            balken.update(aufgabe, completed=fertig, total=gesamt)

        yield melde
