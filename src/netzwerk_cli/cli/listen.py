"""netz list und netz missing"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from ._basis import AsOf, Rev, darstellen, format_option, formatwahl, heute, lade, stichtag_option

# Zur Laufzeit ein Enum aus der Tabelle der Renderer (Typer braucht es für die Auswahl);
# für den Typprüfer ist der Wert, was Typer übergibt: ein str.
if TYPE_CHECKING:
    Format = str
else:
    Format = formatwahl("regionen")


def _werte(alle: tuple[str, ...]) -> Callable[[str], list[str]]:
    """Shell-Vervollständigung für eine Auswahl: die erlaubten Werte statt Dateinamen."""

    def vervollstaendige(unvollstaendig: str) -> list[str]:
        from ..kern.namen import grob

        return [w for w in alle if grob(w).startswith(grob(unvollstaendig))]

    return vervollstaendige


def _bezirke(unvollstaendig: str) -> list[str]:
    from ..kern.modelle import REGIERUNGSBEZIRKE

    return _werte(tuple(REGIERUNGSBEZIRKE))(unvollstaendig)


def _arten(unvollstaendig: str) -> list[str]:
    from ..kern.modelle import ARTEN

    return _werte(tuple(ARTEN))(unvollstaendig)


def _staende(unvollstaendig: str) -> list[str]:
    return _werte(("mit", "ohne", "ungewiss"))(unvollstaendig)


def _reihenfolgen(unvollstaendig: str) -> list[str]:
    return _werte(("pressemitteilung", "ags", "name"))(unvollstaendig)


def missing(
    ctx: typer.Context,
    as_of: AsOf = None,
    rev: Rev = None,
    format: Annotated[Format, format_option()] = "text",
) -> None:
    """Regionen ohne Netzwerk am Stichtag – erst die sicher ohne, dann die ungewissen."""
    from ..kern import bericht

    stichtag = stichtag_option(as_of) or heute()
    bestand = lade(ctx.obj, rev)
    b = bericht.Regionenbericht(
        True,
        stichtag,
        bericht.fehlend(bestand, stichtag),
        bericht.anzahl_regionen(bestand, stichtag),
        bestand.programmbeginn,
    )
    darstellen("regionen", format, b, "missing")


def liste(
    ctx: typer.Context,
    as_of: AsOf = None,
    rev: Rev = None,
    format: Annotated[Format, format_option()] = "text",
    bezirk: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--bezirk",
            metavar="NAME",
            help="Nur dieser Regierungsbezirk, z. B. Köln.",
            autocompletion=_bezirke,
        ),
    ] = None,
    art: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--art", metavar="ART", help="Nur „Kreis“ oder „kreisfreie Stadt“.", autocompletion=_arten
        ),
    ] = None,
    status: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--status",
            metavar="STAND",
            help="Nur „mit“, „ohne“ oder „ungewiss“ (Netzwerk am Stichtag).",
            autocompletion=_staende,
        ),
    ] = None,
    sort: Annotated[
        str,
        typer.Option(
            "--sort",
            metavar="REIHENFOLGE",
            help="„pressemitteilung“ (Kreise, StädteRegion, Städte, je alphabetisch), „ags“ oder „name“.",
            autocompletion=_reihenfolgen,
        ),
    ] = "pressemitteilung",
    signed: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--signed",
            metavar="JAHR",
            help="Wer in diesem Jahr unterschrieben hat, z. B. 2009 – „sicher“ und „möglich“ getrennt.",
        ),
    ] = None,
) -> None:
    """Alle Regionen mit Stand und Vertragsdatum, wahlweise gefiltert."""
    from ..kern import bericht
    from ..kern.abdeckung import Stand
    from ..kern.modelle import ARTEN, REGIERUNGSBEZIRKE

    if signed is not None:
        jahr = _jahr(signed)
        if any(o is not None for o in (as_of, bezirk, art, status)):
            raise typer.BadParameter(
                "--signed zeigt alle Unterschriften eines Jahres; --as-of, --bezirk, --art und --status "
                "gelten nur ohne --signed",
                param_hint="--signed",
            )
        darstellen("unterschriften", format, bericht.unterschriften(lade(ctx.obj, rev), jahr), "list")
        return
    stichtag = stichtag_option(as_of) or heute()
    bezirk_wert = _auswahl("--bezirk", bezirk, REGIERUNGSBEZIRKE)
    art_wert = _auswahl("--art", art, ARTEN)
    stand_wert = _auswahl("--status", status, tuple(s.value for s in Stand))
    sort_wert = _auswahl("--sort", sort, bericht.SORTIERUNGEN)
    assert sort_wert is not None
    bestand = lade(ctx.obj, rev)
    staende = bericht.liste(
        bestand,
        stichtag,
        bezirk=bezirk_wert,
        art=art_wert,
        stand=Stand(stand_wert) if stand_wert else None,
        sortierung=sort_wert,
    )
    b = bericht.Regionenbericht(
        False, stichtag, staende, bericht.anzahl_regionen(bestand, stichtag), bestand.programmbeginn
    )
    darstellen("regionen", format, b, "list")


def _jahr(wert: str) -> int:
    w = wert.strip()
    if not (w.isascii() and w.isdigit() and len(w) == 4):
        raise typer.BadParameter(f"„{wert}“ ist keine Jahreszahl; erwartet z. B. 2009", param_hint="--signed")
    if int(w) > heute().year:
        raise typer.BadParameter(f"{w} liegt in der Zukunft; erwartet z. B. 2009", param_hint="--signed")
    return int(w)


def _auswahl(option: str, wert: str | None, erlaubt: tuple[str, ...]) -> str | None:
    """Locker vergleichen (Groß-/Kleinschreibung, Umlaute, ein Wort, Anfang); sonst Aufruffehler
    mit Vorschlag."""
    if wert is None:
        return None
    from ..kern.namen import waehle

    treffer, vorschlaege = waehle(wert, erlaubt)
    if treffer is None:
        meinten = " oder ".join(f"„{v}“" for v in vorschlaege)
        raise typer.BadParameter(
            f"„{wert}“ gibt es nicht."
            + (f" Meinten Sie {meinten}?" if meinten else "")
            + " Erlaubt: "
            + ", ".join(f"„{e}“" for e in erlaubt),
            param_hint=option,
        )
    return treffer
