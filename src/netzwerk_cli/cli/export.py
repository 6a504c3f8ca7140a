"""netz export"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from ._basis import AsOf, Rev, heute, konsole, lade, stichtag_option


def _formate() -> type[Enum]:
    """Die --format-Auswahl aus der Tabelle der Exporter (render/export)."""
    from ..render.export import EXPORT

    return Enum("Exportformat", {f: f for f in EXPORT}, type=str)  # type: ignore[return-value]  # Enum mit Werten erst zur Laufzeit


Exportformat = _formate()


def _format_aus_endung(ziel: Path) -> str:
    from ..render.export import EXPORT

    endung = ziel.suffix.lower()
    for name, e in EXPORT.items():
        if e.endung and endung in (e.endung, ".db" if name == "sqlite" else e.endung):
            return name
    raise typer.BadParameter(
        f"aus „{ziel.name}“ ist kein Format zu erkennen; bitte angeben, z. B. --format csv "
        f"(möglich: {', '.join(EXPORT)})",
        param_hint="--format",
    )


def export(
    ctx: typer.Context,
    ziel: Annotated[
        Path,
        typer.Argument(
            metavar="ZIEL",
            help="Zieldatei (xlsx, ods, sqlite) oder Zielordner (csv, datapackage).",
            show_default=False,
        ),
    ],
    exportformat: Annotated[
        Optional[Exportformat],  # type: ignore[valid-type]  # noqa: UP045
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help="xlsx (Excel), ods (LibreOffice), csv (Ordner mit einer CSV je Tabelle), sqlite "
            "(Datenbank für Datasette) oder datapackage (Frictionless-Datenpaket). Vorgabe: aus der "
            "Endung von ZIEL (.xlsx, .ods, .sqlite, .db).",
            show_default=False,
        ),
    ] = None,
    excel: Annotated[
        bool,
        typer.Option(
            "--excel",
            help="Nur mit --format csv: CSV für ein deutsches Excel – UTF-8 mit BOM (sonst zeigt Excel "
            "„MÃ¼nster“), Semikolon als Trenner, Dezimalkomma, Tage als TT.MM.JJJJ, WAHR/FALSCH und "
            "deutsche Spaltentitel. Ohne: UTF-8, Komma, Dezimalpunkt, JJJJ-MM-TT, Spaltennamen.",
        ),
    ] = False,
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help="Ein vorhandenes Ziel ersetzen, auch wenn es nicht von netz export stammt.",
        ),
    ] = False,
    as_of: AsOf = None,
    rev: Rev = None,
) -> None:
    """Der ganze Datenbestand als Tabellen: Regionen, Verträge, Ereignisse, Bildungskonferenzen,
    Prüfpunkte mit Urteil und die Abdeckung an jedem Tag einer Änderung. Stände gelten am Stichtag."""
    from ..daten.ausgabe import schreibe_ausgabe
    from ..daten.ziel import pruefe_schutz
    from ..kern.tabellen import datensatz
    from ..kern.zahlen import anzahl
    from ..pruefen.pruefpunkte import pruefpunkte
    from ..render.export import EXPORT
    from ..render.sicher import sichtbar

    name = exportformat.value if exportformat is not None else _format_aus_endung(ziel)
    if excel and name != "csv":
        raise typer.BadParameter(f"--excel gilt nur für --format csv, nicht für {name}", param_hint="--excel")
    stichtag = stichtag_option(as_of) or heute()
    bestand = lade(ctx.obj, rev)
    pruefe_schutz(ziel, bestand.wurzel)  # vor aller Arbeit: nie Daten, .git, Repository, Zuhause
    herkunft = "Arbeitsbaum" if rev is None else f"git-Revision {rev}"
    ds = datensatz(bestand, stichtag, heute(), herkunft, pruefpunkte(bestand, heute()))
    exporter = EXPORT[name]
    schreibe_ausgabe(ziel, exporter.ziel, exporter.funktion()(ds, excel=excel), force, bestand.wurzel)
    zeilen = sum(len(t.zeilen) for t in ds.tabellen)
    konsole().print(
        f"Geschrieben: {sichtbar(str(ziel))} – {name}, {anzahl(len(ds.tabellen), 'Tabelle', 'Tabellen')}, "
        f"{anzahl(zeilen, 'Zeile', 'Zeilen')}, Stand {stichtag:%d.%m.%Y}"
    )
