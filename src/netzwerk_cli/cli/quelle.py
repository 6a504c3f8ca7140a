"""netz source add – eine Quelle eines vorhandenen Vertrags nachtragen oder berichtigen."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from . import _schreiben as s
from . import deutsch
from ._basis import heute

source = typer.Typer(
    name="source",
    cls=deutsch.DeutscheGruppe,
    no_args_is_help=True,
    help="Die Quelle eines Vertrags nachtragen oder berichtigen (Übersicht und Prüfung: netz sources).",
)


@source.command("add", cls=deutsch.DeutscherBefehl)
def add(
    ctx: typer.Context,
    teile: Annotated[
        list[str],
        typer.Argument(
            metavar="REGION URL",
            help="Region (AGS oder Name, auch mehrere Wörter: Kreis Wesel), dann die Webadresse.",
            show_default=False,
        ),
    ],
    contract: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--contract",
            metavar="DATUM",
            help="Welcher Vertrag: Tag der Unterzeichnung wie in der Datei (2011-09, 01.10.2026) "
            "oder der Dateiname. Ohne: der einzige, der einzige ohne Quelle oder der heute geltende.",
        ),
    ] = None,
    replace: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--replace", metavar="URL", help="Diese Quelle des Vertrags durch die neue ersetzen."),
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Nur die Änderung zeigen; nichts schreiben.")
    ] = False,
) -> None:
    """Eine Webadresse an die Quellen eines Vertrags anhängen (oder mit --replace eine berichtigen).

    Wie jede Änderung: Vorschau und „Speichern? [J/n]“ am Terminal, unter der Sperre atomar
    geschrieben und zurückgelesen; nur die Zeile der Quelle ändert sich.
    """
    from ..aendern.lebenslauf import speichere_aenderung
    from ..aendern.quelle import quelle_hinzu
    from ..aendern.transaktion import Vorhaben

    if len(teile) < 2:
        raise typer.BadParameter(
            "REGION und URL angeben, z. B. netz source add Kreis Wesel https://www.kreis-wesel.de/…",
            param_hint="REGION URL",
        )
    *region_teile, url = teile
    region = s.region_text(region_teile)
    assert region is not None
    (url,) = s.pruefe_quellen([url])
    tag = heute()
    s.ablauf(
        ctx.obj,
        Vorhaben(
            lambda bestand: quelle_hinzu(bestand, region, url, tag, contract, replace),
            speichere_aenderung,
            region=region,
            dulde=("NZ601",),  # der Vertrag ohne Quelle ist genau, was dieser Befehl behebt
        ),
        lambda a: (f"Würde ändern: {a.anzeige}", s.diff(a.vorher, a.nachher, a.anzeige)),
        lambda a: f"Geändert: {a.anzeige} ({a.region.bezeichnung}: {a.beschreibung})",
        dry_run=dry_run,
    )
