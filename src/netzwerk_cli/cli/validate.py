"""netz validate"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from ..kern.fehler import Exit
from ._basis import Rev, darstellen, format_option, formatwahl, heute, konsole, lies

if TYPE_CHECKING:
    from rich.progress import Progress

# Zur Laufzeit ein Enum aus der Tabelle der Renderer (Typer braucht es für die Auswahl);
# für den Typprüfer ist der Wert, was Typer übergibt: ein str.
if TYPE_CHECKING:
    Format = str
else:
    Format = formatwahl("pruefung")

# Ab so vielen Dateien zeigt validate am Terminal einen Fortschrittsbalken.
FORTSCHRITT_AB = 2000


def validate(
    ctx: typer.Context,
    pfade: Annotated[
        Optional[list[Path]],  # noqa: UP045
        typer.Argument(
            metavar="PFAD",
            help="Nur Befunde melden, die diese Dateien betreffen (wie pre-commit sie übergibt) – "
            "auch dateiübergreifende, die bei einer anderen Datei stehen; "
            "geprüft wird der ganze Datenordner.",
            show_default=False,
        ),
    ] = None,
    format: Annotated[
        Optional[Format],  # noqa: UP045
        format_option("Ausgabeformat; Vorgabe: github, wenn GITHUB_ACTIONS=true, sonst text."),
    ] = None,
    strict: Annotated[
        bool,
        typer.Option(
            "--strict", help="Auch Warnungen führen zu Exit 1 (CI ruft validate ohne --strict auf)."
        ),
    ] = False,
    max_alter: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--max-alter",
            metavar="ALTER",
            help="Warnen, wenn die neueste landesweite Zählung älter ist (z. B. 3y, 18m, 90d); "
            "Vorgabe: pruefpunkte_hoechstalter in programm.yaml, sonst 3 Jahre.",
            show_default=False,
        ),
    ] = None,
    rev: Rev = None,
    fix: Annotated[
        bool,
        typer.Option(
            "--fix",
            help="Mechanische Befunde beheben (deutsches Datum → JJJJ-MM-TT, AGS in Anführungszeichen, "
            "Tabulator → Leerzeichen, nein → false, 459.809 → 459809, Regionsname → AGS, Dateiname); "
            "zeigt die Änderung und schreibt sie sicher wie „netz add“.",
        ),
    ] = False,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Mit --fix: nur die Änderung zeigen, nichts schreiben.")
    ] = False,
) -> None:
    """Alle Dateien prüfen und jeden Befund melden (Syntax, Schema, Dateinamen, Daten, Prüfpunkte)."""
    from ..kern.belege import AlterFehler, Hoechstalter
    from ..pruefen import Pruefbericht, auszuege, pruefe

    if max_alter is not None:
        try:
            Hoechstalter.lies(max_alter)
        except AlterFehler as e:
            raise typer.BadParameter(str(e), param_hint="--max-alter") from None
    if format is None:
        format = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    if fix and rev is not None:
        raise typer.BadParameter("--fix ändert den Arbeitsbaum, nicht eine Revision", param_hint="--rev")
    wurzel = ctx.obj.wurzel()
    nur = _anzeigepfade(pfade, wurzel) if pfade else None
    with _fortschritt() as melde:
        bestand = lies(ctx.obj, rev, fortschritt=melde)
    pruefung = pruefe(bestand, heute(), nur=nur, hoechstalter=max_alter)
    # Ein behobener Fehler gibt oft den Blick auf den nächsten frei (nach dem Tabulator liest YAML
    # erst „459.809“, nach der Regionsdatei ist „region: Viersen“ auflösbar): bis zu drei Runden
    for runde in range(3 if fix else 0):
        if (
            not _repariere(
                wurzel, pruefung.probleme, bestand.inhalte, dry_run, nur, max_alter, still=runde > 0
            )
            or dry_run
        ):
            break
        # danach neu lesen und prüfen: gemeldet wird der Stand nach der Reparatur
        bestand = lies(ctx.obj, None)
        pruefung = pruefe(bestand, heute(), nur=nur, hoechstalter=max_alter)
    b = Pruefbericht(pruefung, strict, auszuege(pruefung.probleme, bestand.inhalte))
    darstellen("pruefung", format, b, "validate")
    raise typer.Exit(int(Exit.OK if b.gueltig else Exit.DATEN))


@contextlib.contextmanager
def _fortschritt() -> Iterator[Callable[[int, int], None] | None]:
    """Ein Fortschrittsbalken auf stderr – nur im Terminal, nie in CI oder in einer Pipe,
    und erst ab vielen Dateien."""
    if not sys.stderr.isatty() or os.environ.get("CI") or os.environ.get("GITHUB_ACTIONS"):
        yield None
        return
    from rich.progress import Progress

    balken: Progress | None = None

    def melde(gelesen: int, gesamt: int) -> None:
        nonlocal balken
        if gesamt <= FORTSCHRITT_AB:
            return
        if balken is None:
            balken = Progress(console=konsole(fehler=True), transient=True)
            balken.start()
            balken.add_task("Dateien lesen", total=gesamt)
        balken.update(balken.task_ids[0], completed=gelesen)

    try:
        yield melde
    finally:
        if balken is not None:
            balken.stop()


def _anzeigepfade(pfade: list[Path], wurzel: Path) -> set[str]:
    """Die übergebenen Dateien als Anzeigepfade (so stehen sie in den Befunden)."""
    from ..daten.ordner import anzeigepfad

    echte_wurzel = wurzel.resolve()
    out = set()
    for p in pfade:
        echt = Path(os.path.realpath(p))
        if not echt.is_relative_to(echte_wurzel):
            raise typer.BadParameter(f"„{p}“ liegt nicht im Datenordner {wurzel}", param_hint="PFAD")
        if not echt.is_file():
            raise typer.BadParameter(f"„{p}“ gibt es nicht", param_hint="PFAD")
        out.add(anzeigepfad(wurzel / echt.relative_to(echte_wurzel), wurzel))
    return out


def _repariere(
    wurzel: Path,
    probleme: list[Any],
    inhalte: dict[str, bytes],
    dry_run: bool,
    nur: set[str] | None,
    max_alter: str | None,
    still: bool = False,
) -> int:
    """Zeigt je Datei den Diff der mechanischen Reparaturen und schreibt sie (außer --dry-run);
    gibt die Zahl der behobenen Befunde zurück. ``still``: „Nichts … zu beheben“ nicht sagen."""
    from ..aendern import reparieren
    from ..aendern.transaktion import fuehre_aus
    from ..render.sicher import sichtbar
    from ._schreiben import diff

    fehler = konsole(fehler=True)
    liste = reparieren.reparaturen(wurzel, probleme, inhalte)
    if not liste:
        if not still:
            fehler.print("Nichts mechanisch zu beheben.")
        return 0
    for r in liste:
        if r.nachher != r.vorher:
            fehler.print(diff(r.vorher, r.nachher, r.anzeige), end="", soft_wrap=True)
        if r.ziel is not None:
            # je Pfad eine Zeile: ein Pfad wird nie umbrochen
            fehler.print(f"Umbenennen: {sichtbar(r.anzeige)}\n  → {sichtbar(r.ziel_anzeige)}", soft_wrap=True)
    n = sum(len(r.behoben) for r in liste)
    if dry_run:
        fehler.print(f"Würde {n} {'Befund' if n == 1 else 'Befunde'} beheben; nichts geschrieben.")
        return n
    # geschrieben in der Schreibtransaktion wie „netz add“: unter der Sperre neu gelesen und
    # geprüft; geschrieben wird nur, was eben gezeigt wurde
    liste = fuehre_aus(wurzel, reparieren.vorhaben(wurzel, liste, heute(), nur, max_alter), heute()).aenderung
    dateien = "1 Datei" if len(liste) == 1 else f"{len(liste)} Dateien"
    fehler.print(f"Behoben: {n} {'Befund' if n == 1 else 'Befunde'} in {dateien}.")
    return n
