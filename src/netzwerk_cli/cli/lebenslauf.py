"""netz end, netz continue, netz conference – einen vorhandenen Vertrag fortschreiben.

Ohne ``from __future__ import annotations``: Typer liest die Annotationen der in
:func:`_ereignisbefehl` erzeugten Befehle, die auf dessen lokale Namen zeigen.
"""

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from . import _schreiben as s
from ._basis import heute, lade

if TYPE_CHECKING:
    from ..aendern.lebenslauf import Aenderung
    from ..kern.bestand import Datenbestand
    from ..kern.modelle import Region as RegionModell

Region = Annotated[
    Optional[list[str]],  # noqa: UP045 - mehrere Wörter: „netz end Kreis Wesel“
    typer.Argument(metavar="REGION", help=s.REGION_HILFE, autocompletion=s.vervollstaendige_region),
]
Quelle = Annotated[
    Optional[list[str]],  # noqa: UP045
    typer.Option("--source", metavar="URL", help="Webadresse, auf der die Angabe beruht (mehrfach möglich)."),
]
DryRun = Annotated[bool, typer.Option("--dry-run", help="Nur die Änderung zeigen; nichts schreiben.")]
# (Bestand, Region, Tag, heute, Quellen, Text) -> Änderung
Anwendungsfall = Callable[["Datenbestand", str, date, date, list[str], "str | None"], "Aenderung"]


def _aendern(
    ctx: typer.Context,
    region: list[str] | None,
    datum: str | None,
    was: str,
    quellen: list[str] | None,
    text: str | None,
    text_option: str,
    dry_run: bool,
    aendere: Anwendungsfall,
    text_frage: str | None = None,
) -> None:
    from ..aendern.gemeinsam import nicht_in_der_zukunft
    from ..aendern.lebenslauf import speichere_aenderung, vertrag_am
    from ..aendern.transaktion import Vorhaben

    region_wert = s.region_text(region)
    gefragt = region_wert is None or datum is None
    s.ohne_terminal(region_wert, [(datum, "--date")])
    heute_ = heute()

    # Am Terminal zuerst die Region: ohne geltenden Vertrag gibt es nichts fortzuschreiben –
    # das sagt netz, bevor es nach Datum und Quelle fragt.
    def in_kraft(b: "Datenbestand", r: "RegionModell") -> None:
        vertrag_am(b, r, heute_)  # wirft, wenn heute kein Vertrag gilt

    region_wert = s.frage_region(ctx.obj, region_wert, gefragt, None if datum is not None else in_kraft)

    def sofort(d: date) -> None:
        # jede Antwort gleich prüfen: die ganze Änderung einmal durchspielen (ohne Quelle und
        # Text), nicht erst nach allen Fragen
        nicht_in_der_zukunft(d, heute_, "Der Tag")
        aendere(lade(ctx.obj, region=region_wert), region_wert, d, heute_, [], None)

    tag = s.frage_datum(datum, "--date", was, sofort)
    text = s.frage_text(text, text_option, text_frage if gefragt else None)
    q = s.pruefe_quellen(s.frage_quellen(quellen, gefragt))
    s.ablauf(
        ctx.obj,
        Vorhaben(
            lambda bestand: aendere(bestand, region_wert, tag, heute_, q, text),
            speichere_aenderung,
            region=region_wert,
        ),
        lambda a: (
            f"Würde ändern: {a.anzeige}" + "".join(f"\n{h}" for h in a.hinweise),
            s.diff(a.vorher, a.nachher, a.anzeige),
        ),
        lambda a: (
            f"Geändert: {a.anzeige} ({a.region.bezeichnung}: {a.beschreibung})\n"
            + "".join(f"{h}\n" for h in a.hinweise)
            + s.neuer_stand(ctx.obj)
        ),
        dry_run=dry_run,
        bedenken=lambda a: bool(a.hinweise),
    )


def end(
    ctx: typer.Context,
    region: Region = None,
    date: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--date", metavar="DATUM", help="Letzter Tag, an dem der Vertrag galt."),
    ] = None,
    reason: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--reason", metavar="TEXT", help="Grund, z. B. „Kündigung durch den Kreis“."),
    ] = None,
    source: Quelle = None,
    dry_run: DryRun = False,
) -> None:
    """Das Ende eines Vertrags eintragen (Kündigung, Auslaufen). Nur die nötigen Zeilen ändern sich."""
    from ..aendern.lebenslauf import ende

    _aendern(
        ctx,
        region,
        date,
        "Letzter Tag des Vertrags",
        source,
        reason,
        "--reason",
        dry_run,
        ende,
        "Grund (z. B. Kündigung durch den Kreis; leer = unbekannt)",  # passt in 80 Spalten
    )


def _ereignisbefehl(datum_hilfe: str, was: str, note_hilfe: str, doku: str, art: str) -> Callable[..., None]:
    """Ein Befehl, der ein datiertes Ereignis an den geltenden Vertrag anhängt."""

    def befehl(
        ctx: typer.Context,
        region: Region = None,
        date: Annotated[
            Optional[str],  # noqa: UP045
            typer.Option("--date", metavar="DATUM", help=datum_hilfe),
        ] = None,
        source: Quelle = None,
        note: Annotated[Optional[str], typer.Option("--note", metavar="TEXT", help=note_hilfe)] = None,  # noqa: UP045
        dry_run: DryRun = False,
    ) -> None:
        from ..aendern import lebenslauf

        _aendern(ctx, region, date, was, source, note, "--note", dry_run, getattr(lebenslauf, art))

    befehl.__doc__ = doku
    return befehl


fortsetzen = _ereignisbefehl(
    "Tag des Fortsetzungsbeschlusses.",
    "Tag des Beschlusses",
    "Bemerkung.",
    "Einen Beschluss eintragen, den Vertrag nach der Evaluation fortzuführen (kein neuer Vertrag).",
    "fortsetzung",
)
conference = _ereignisbefehl(
    "Tag der regionalen Bildungskonferenz.",
    "Tag der Bildungskonferenz",
    "Bemerkung, z. B. Thema der Konferenz.",
    "Eine regionale Bildungskonferenz eintragen (sie soll jährlich tagen).",
    "konferenz",
)
