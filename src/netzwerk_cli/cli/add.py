"""netz add"""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from . import _schreiben as s
from ._basis import heute, lade, stichtag_option


def add(
    ctx: typer.Context,
    region: Annotated[
        Optional[list[str]],  # noqa: UP045 - mehrere Wörter: „netz add Kreis Wesel“
        typer.Argument(metavar="REGION", help=s.REGION_HILFE, autocompletion=s.vervollstaendige_region),
    ] = None,
    date: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--date",
            metavar="DATUM",
            help="Tag der Unterzeichnung, z. B. 06.05.2010 oder heute; ungenau: 11.2026, 2009, "
            "„spätestens 06.05.2010“.",
        ),
    ] = None,
    start: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--start", metavar="DATUM", help="Beginn der Zusammenarbeit, falls bekannt."),
    ] = None,
    source: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Option(
            "--source",
            metavar="URL",
            help="Webadresse, auf der die Angabe beruht (Pflicht; mehrfach möglich). "
            "Am Terminal wird sonst gefragt.",
        ),
    ] = None,
    note: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--note", metavar="TEXT", help="Bemerkung, z. B. Ort der Unterzeichnung."),
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Nur zeigen, was geschrieben würde; nichts schreiben.")
    ] = False,
) -> None:
    """Einen neu unterzeichneten Kooperationsvertrag eintragen (eine neue Datei in vertraege/)."""
    from ..aendern import gemeinsam
    from ..aendern.aufnehmen import Entwurf, entwurf, pruefe_tag, speichere, vorab
    from ..aendern.transaktion import Vorhaben
    from ..kern.bestand import Datenbestand
    from ..kern.datum import Zeitangabe

    region_wert = s.region_text(region)
    note = s.pruefe_text(note, "--note")
    # Die Quelle ist Pflicht (NZ601 ist ein Fehler): am Terminal erfragt, sonst ein Aufruffehler
    gefragt = region_wert is None or date is None or not source
    s.ohne_terminal(region_wert, [(date, "--date"), (source or None, "--source")])
    tag = heute()
    # Am Terminal zuerst die Region: hat sie heute schon ein Netzwerk, erfährt der Nutzer
    # das, bevor er Datum und Quelle eintippt (mit --date prüft erst der Entwurf, am Tag selbst).
    region_wert = s.frage_region(
        ctx.obj, region_wert, gefragt, None if date is not None else lambda b, r: vorab(b, r, tag)
    )

    def am_tag(z: Zeitangabe) -> None:
        # am Terminal sofort: in der Zukunft, vor den ersten Verträgen, schon ein Netzwerk …
        bestand = lade(ctx.obj, region=region_wert)
        pruefe_tag(bestand, gemeinsam.region(bestand, region_wert), z, tag)

    unterzeichnet = s.frage_zeitangabe(date, "--date", "Tag der Unterzeichnung", am_tag)
    beginn = stichtag_option(start, "--start")
    quellen = s.pruefe_quellen(s.frage_quellen(source, gefragt, pflicht=True))

    def erstelle(bestand: Datenbestand) -> Entwurf:
        return entwurf(bestand, region_wert, unterzeichnet, tag, beginn, quellen, note)

    def erfolg(e: Entwurf) -> str:
        return (
            f"Angelegt: {e.anzeige} "
            f"({e.region.bezeichnung}, unterzeichnet {e.vertrag.unterzeichnet.deutsch()})"
            + "".join(f"\nHinweis: {h}" for h in e.hinweise)
            + "\n"
            + s.neuer_stand(ctx.obj)
        )

    s.ablauf(
        ctx.obj,
        Vorhaben(erstelle, speichere, region=region_wert),
        lambda e: (f"Würde anlegen: {e.anzeige}", e.yaml),
        erfolg,
        dry_run=dry_run,
    )
