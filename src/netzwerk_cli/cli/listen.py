"""netz list und netz missing"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from ._basis import AsOf, Format, Tabellenformat, ausgeben, heute, konsole, lade, stichtag_option
from .app import befehl

if TYPE_CHECKING:
    from ..abdeckung import RegionStand


def _ausgabe(staende: list[RegionStand], format: Tabellenformat, tabelle: Callable[[], None]) -> None:
    from ..render import daten, formate

    if format is Tabellenformat.json:
        ausgeben(formate.json_text([daten.region_zeile(s) for s in staende]))
    elif format is Tabellenformat.csv:
        ausgeben(formate.regionen_csv(staende))
    elif format is Tabellenformat.markdown:
        ausgeben(formate.regionen_markdown(staende))
    else:
        tabelle()


@befehl("missing")
def missing(
    ctx: typer.Context,
    as_of: AsOf = None,
    format: Annotated[Tabellenformat, Format] = Tabellenformat.text,
) -> None:
    """Regionen ohne Netzwerk am Stichtag – erst die sicher ohne, dann die ungewissen."""
    from .. import bericht
    from ..render import text

    stichtag = stichtag_option(as_of) or heute()
    bestand = lade(ctx.obj)
    staende = bericht.fehlend(bestand, stichtag)
    _ausgabe(
        staende,
        format,
        lambda: text.fehlend(staende, stichtag, len(bestand.regionen), konsole()),
    )


@befehl("list")
def liste(
    ctx: typer.Context,
    as_of: AsOf = None,
    format: Annotated[Tabellenformat, Format] = Tabellenformat.text,
    bezirk: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--bezirk", metavar="NAME", help="Nur dieser Regierungsbezirk, z. B. Köln."),
    ] = None,
    art: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--art", metavar="ART", help="Nur „Kreis“ oder „kreisfreie Stadt“."),
    ] = None,
    status: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--status", metavar="STAND", help="Nur „mit“, „ohne“ oder „ungewiss“ (Netzwerk am Stichtag)."
        ),
    ] = None,
    sort: Annotated[
        str,
        typer.Option(
            "--sort",
            metavar="REIHENFOLGE",
            help="„pressemitteilung“ (Kreise, StädteRegion, Städte, je alphabetisch), „ags“ oder „name“.",
        ),
    ] = "pressemitteilung",
) -> None:
    """Alle Regionen mit Stand und Vertragsdatum, wahlweise gefiltert."""
    from .. import bericht
    from ..abdeckung import Stand
    from ..modelle import ARTEN, REGIERUNGSBEZIRKE
    from ..namen import falte
    from ..render import text

    stichtag = stichtag_option(as_of) or heute()
    bezirk_wert = _auswahl("--bezirk", bezirk, REGIERUNGSBEZIRKE, falte)
    art_wert = _auswahl("--art", art, ARTEN, falte)
    stand_wert = _auswahl("--status", status, tuple(s.value for s in Stand), falte)
    sort_wert = _auswahl("--sort", sort, bericht.SORTIERUNGEN, falte)
    assert sort_wert is not None
    bestand = lade(ctx.obj)
    staende = bericht.liste(
        bestand,
        stichtag,
        bezirk=bezirk_wert,
        art=art_wert,
        stand=Stand(stand_wert) if stand_wert else None,
        sortierung=sort_wert,
    )
    _ausgabe(staende, format, lambda: text.liste(staende, stichtag, konsole()))


def _auswahl(
    option: str, wert: str | None, erlaubt: tuple[str, ...], falte: Callable[[str], str]
) -> str | None:
    """Locker vergleichen (Groß-/Kleinschreibung, Umlaute); sonst Aufruffehler."""
    if wert is None:
        return None
    norm = {falte(e): e for e in erlaubt}
    treffer = norm.get(falte(wert.strip()))
    if treffer is None:
        raise typer.BadParameter(
            f"„{wert}“ – erlaubt: " + ", ".join(f"„{e}“" for e in erlaubt), param_hint=option
        )
    return treffer
