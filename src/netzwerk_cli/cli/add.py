"""netz add"""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from ..exitcodes import Exit
from ._basis import abbruch, heute, konsole, lade, stichtag_option, zeige_probleme
from .app import befehl


@befehl("add")
def add(
    ctx: typer.Context,
    region: Annotated[
        str, typer.Argument(metavar="REGION", help="AGS oder Name, z. B. 05170, Wesel, „Kreis Wesel“.")
    ],
    date: Annotated[str, typer.Option("--date", metavar="JJJJ-MM-TT", help="Tag der Unterzeichnung.")],
    start: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--start", metavar="JJJJ-MM-TT", help="Beginn der Zusammenarbeit, falls bekannt."),
    ] = None,
    source: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Option(
            "--source", metavar="URL", help="Webadresse, auf der die Angabe beruht (mehrfach möglich)."
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
    from .. import bericht
    from ..aufnehmen import Verweigert, entwurf, speichere
    from ..render import text

    unterzeichnet = stichtag_option(date, "--date")
    beginn = stichtag_option(start, "--start")
    assert unterzeichnet is not None
    for q in source or []:
        if not q.startswith(("https://", "http://")) or any(c.isspace() for c in q):
            raise typer.BadParameter(f"„{q}“ ist keine Webadresse (https://…)", param_hint="--source")
    tag = heute()
    bestand = lade(ctx.obj)
    try:
        e = entwurf(bestand, region, unterzeichnet, tag, beginn, list(source or []), note)
        if dry_run:
            out = konsole()
            out.print(f"Würde anlegen: {e.anzeige}", highlight=False)
            out.print(e.yaml, end="", markup=False, highlight=False)
            _hinweise(e.hinweise)
            return
        speichere(e)
    except Verweigert as v:
        if v.probleme:
            zeige_probleme(v.probleme)
        abbruch(v.meldung + " Nichts wurde geschrieben.", Exit.DATEN, v.hinweis)
    out = konsole()
    out.print(
        f"Angelegt: {e.anzeige} ({e.region.bezeichnung}, unterzeichnet {e.vertrag.unterzeichnet.deutsch()})"
    )
    _hinweise(e.hinweise)
    neu = bericht.status(lade(ctx.obj), tag)
    out.print("Neuer Stand: " + text.kopfzeile(neu.gesamt) + ".")


def _hinweise(hinweise: tuple[str, ...]) -> None:
    con = konsole(fehler=True)
    for h in hinweise:
        con.print(f"Hinweis: {h}", markup=False)
