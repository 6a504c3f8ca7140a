"""netz end, netz continue, netz conference – einen vorhandenen Vertrag fortschreiben."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from . import _schreiben as s
from ._basis import heute
from .app import befehl

if TYPE_CHECKING:
    from ..laden import Datenbestand
    from ..lebenslauf import Aenderung

Region = Annotated[
    Optional[str],  # noqa: UP045
    typer.Argument(metavar="REGION", help=s.REGION_HILFE, autocompletion=s.vervollstaendige_region),
]
Quelle = Annotated[
    Optional[list[str]],  # noqa: UP045
    typer.Option("--source", metavar="URL", help="Webadresse, auf der die Angabe beruht (mehrfach möglich)."),
]
DryRun = Annotated[bool, typer.Option("--dry-run", help="Nur die Änderung zeigen; nichts schreiben.")]


def _aendern(
    ctx: typer.Context,
    region: str | None,
    datum: str | None,
    was: str,
    quellen: list[str] | None,
    dry_run: bool,
    aendere: Callable[[Datenbestand, str, object, object, list[str]], Aenderung],
) -> None:
    from ..lebenslauf import speichere_aenderung

    gefragt = region is None or datum is None
    region_wert = s.frage_region(ctx.obj, region)
    tag = s.frage_datum(datum, "--date", was)
    q = s.pruefe_quellen(s.frage_quellen(quellen, gefragt))
    heute_ = heute()
    s.ablauf(
        ctx.obj,
        lambda bestand: aendere(bestand, region_wert, tag, heute_, q),
        speichere_aenderung,
        lambda a: (f"Würde ändern: {a.anzeige}", s.diff(a.vorher, a.nachher, a.anzeige)),
        lambda a: (
            f"Geändert: {a.anzeige} ({a.region.bezeichnung}: {a.beschreibung})\n" + s.neuer_stand(ctx.obj)
        ),
        dry_run=dry_run,
        bestaetigen=gefragt,
    )


@befehl("end")
def end(
    ctx: typer.Context,
    region: Region = None,
    date: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--date", metavar="JJJJ-MM-TT", help="Letzter Tag, an dem der Vertrag galt."),
    ] = None,
    reason: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--reason", metavar="TEXT", help="Grund, z. B. „Kündigung durch den Kreis“."),
    ] = None,
    source: Quelle = None,
    dry_run: DryRun = False,
) -> None:
    """Das Ende eines Vertrags eintragen (Kündigung, Auslaufen). Nur die nötigen Zeilen ändern sich."""
    from ..lebenslauf import ende

    _aendern(
        ctx,
        region,
        date,
        "Letzter Tag des Vertrags",
        source,
        dry_run,
        lambda b, r, t, h, q: ende(b, r, t, h, reason, q),  # type: ignore[arg-type]
    )


@befehl("continue")
def fortsetzen(
    ctx: typer.Context,
    region: Region = None,
    date: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--date", metavar="JJJJ-MM-TT", help="Tag des Fortsetzungsbeschlusses."),
    ] = None,
    source: Quelle = None,
    note: Annotated[Optional[str], typer.Option("--note", metavar="TEXT", help="Bemerkung.")] = None,  # noqa: UP045
    dry_run: DryRun = False,
) -> None:
    """Einen Beschluss eintragen, den Vertrag nach der Evaluation fortzuführen (kein neuer Vertrag)."""
    from ..lebenslauf import fortsetzung

    _aendern(
        ctx,
        region,
        date,
        "Tag des Beschlusses",
        source,
        dry_run,
        lambda b, r, t, h, q: fortsetzung(b, r, t, h, q, note),  # type: ignore[arg-type]
    )


@befehl("conference")
def conference(
    ctx: typer.Context,
    region: Region = None,
    date: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--date", metavar="JJJJ-MM-TT", help="Tag der regionalen Bildungskonferenz."),
    ] = None,
    source: Quelle = None,
    note: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--note", metavar="TEXT", help="Bemerkung, z. B. Thema der Konferenz."),
    ] = None,
    dry_run: DryRun = False,
) -> None:
    """Eine regionale Bildungskonferenz eintragen (sie soll jährlich tagen)."""
    from ..lebenslauf import konferenz

    _aendern(
        ctx,
        region,
        date,
        "Tag der Bildungskonferenz",
        source,
        dry_run,
        lambda b, r, t, h, q: konferenz(b, r, t, h, q, note),  # type: ignore[arg-type]
    )
