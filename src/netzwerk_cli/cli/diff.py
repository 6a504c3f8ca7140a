"""netz diff"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from ..kern.datum import deutsch_tag
from ..kern.fehler import Exit, NetzFehler
from ._basis import AsOf, darstellen, format_option, formatwahl, heute, stichtag_option

if TYPE_CHECKING:
    from ..kern.bestand import Datenbestand
    from ..kern.modelle import Pruefpunkt
    from ..pruefen import Pruefung

# Zur Laufzeit ein Enum aus der Tabelle der Renderer (Typer braucht es für die Auswahl);
# für den Typprüfer ist der Wert, was Typer übergibt: ein str.
if TYPE_CHECKING:
    Format = str
else:
    Format = formatwahl("vergleich")


def diff(
    ctx: typer.Context,
    basis: Annotated[
        Optional[str],  # noqa: UP045
        typer.Argument(
            metavar="BASIS",
            help="Revision vorher (Vorgabe: Merge-Basis von HEAD mit origin/main bzw. main).",
            show_default=False,
        ),
    ] = None,
    ziel: Annotated[
        Optional[str],  # noqa: UP045
        typer.Argument(
            metavar="ZIEL",
            help="Revision nachher (Vorgabe: der Arbeitsbaum, samt nicht eingecheckter Änderungen).",
            show_default=False,
        ),
    ] = None,
    as_of: AsOf = None,
    seit: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--since",
            metavar="ZEIT",
            help="Statt BASIS: was sich seit einem Tag geändert hat, z. B. --since 30d oder "
            "--since 01.11.2026 (Basis: der letzte Commit vor jenem Tag).",
        ),
    ] = None,
    format: Annotated[Format, format_option()] = "text",
) -> None:
    """Was sich an den Daten zwischen zwei Revisionen ändert: Abdeckung, Regionen, Verträge, Befunde."""
    from ..daten import git
    from ..daten.laden import lade_datenbestand
    from ..kern.vergleich import vergleiche
    from ..pruefen import pruefe

    stichtag = stichtag_option(as_of) or heute()
    wurzel = ctx.obj.wurzel()
    repo = git.repo_fuer(wurzel)
    if seit is not None:
        if basis is not None:
            raise typer.BadParameter(
                "--since ersetzt BASIS; nur eines von beiden angeben", param_hint="--since"
            )
        tag = _seit(seit)
        kennung = git.commit_vor(repo, tag)
        if kennung is None:
            raise NetzFehler(
                f"Vor dem {deutsch_tag(tag)} gibt es in diesem Repository keinen Commit.",
                "Einen späteren Tag wählen oder „git log --reverse“ zeigt den ersten; in einem flachen "
                "Klon: „git fetch --unshallow“.",
                Exit.AUFRUF,
            )
        kennung_a, text_a = kennung, f"Stand vor dem {deutsch_tag(tag)}"
    elif basis is None:
        kennung_a, text_a = git.merge_basis(repo)
    else:
        kennung_a, text_a = git.commit(repo, basis), basis
    kennung_n = git.commit(repo, ziel) if ziel is not None else None
    alt = lade_datenbestand(git.Revision(repo, kennung_a))
    if kennung_n is None:
        neu = lade_datenbestand(wurzel)
        text_n = "Arbeitsbaum"
    else:
        neu = lade_datenbestand(git.Revision(repo, kennung_n))
        text_n = f"{ziel} ({kennung_n[:12]})"
    p_alt, p_neu = pruefe(alt, heute()), pruefe(neu, heute())
    v = vergleiche(
        alt,
        neu,
        stichtag,
        basis=f"{text_a} ({kennung_a[:12]})",
        ziel=text_n,
        probleme_alt=p_alt.probleme,
        probleme_neu=p_neu.probleme,
        punkte_alt=_punkte(p_alt, alt),
        punkte_neu=_punkte(p_neu, neu),
        heute=heute(),
    )
    darstellen("vergleich", format, v, "diff")
    raise typer.Exit(int(Exit.OK if v.gueltig else Exit.DATEN))


def _seit(wert: str) -> date:
    """„30d“, „30 Tage“ oder ein Tag (01.11.2026, 2026-11-01) → der Tag, seit dem gefragt ist."""
    w = wert.strip().casefold()
    for endung in ("tage", "tag", "d"):
        zahl = w.removesuffix(endung).strip()
        if w.endswith(endung) and zahl.isascii() and zahl.isdigit() and len(zahl) <= 5:
            return heute() - timedelta(days=int(zahl))
    tag = stichtag_option(wert, "--since")
    assert tag is not None
    if tag > heute():
        raise typer.BadParameter(f"{deutsch_tag(tag)} liegt in der Zukunft", param_hint="--since")
    return tag


def _punkte(p: Pruefung, bestand: Datenbestand) -> list[tuple[Pruefpunkt, bool | None]] | None:
    """Die Prüfpunkte mit ihrem Ergebnis – None, wenn sie nicht gerechnet wurden (Datenfehler)."""
    if not p.pruefpunkte_geprueft:
        return None
    return [(e.punkt, e.erfuellt) for e in p.pruefpunkte]
