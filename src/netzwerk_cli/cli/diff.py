"""netz diff"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Optional

import typer

from ..kern.fehler import Exit
from ._basis import AsOf, darstellen, format_option, formatwahl, heute, stichtag_option

if TYPE_CHECKING:
    from ..kern.bestand import Datenbestand
    from ..kern.modelle import Pruefpunkt
    from ..pruefen import Pruefung

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
    format: Annotated[Format, format_option()] = Format.text,  # type: ignore[valid-type,attr-defined]
) -> None:
    """Was sich an den Daten zwischen zwei Revisionen ändert: Abdeckung, Regionen, Verträge, Befunde."""
    from ..daten import git
    from ..daten.laden import lade_datenbestand
    from ..daten.zwischenspeicher import Zwischenspeicher, ablage
    from ..kern.vergleich import vergleiche
    from ..pruefen import pruefe

    stichtag = stichtag_option(as_of) or heute()
    wurzel = ctx.obj.wurzel()
    repo = git.repo_fuer(wurzel)
    if basis is None:
        kennung_a, text_a = git.merge_basis(repo)
    else:
        kennung_a, text_a = git.commit(repo, basis), basis
    kennung_n = git.commit(repo, ziel) if ziel is not None else None
    speicher = Zwischenspeicher(wurzel, ablage())
    alt = lade_datenbestand(git.Revision(repo, kennung_a), speicher=speicher)
    if kennung_n is None:
        neu = lade_datenbestand(wurzel, speicher=speicher)
        text_n = "Arbeitsbaum"
    else:
        neu = lade_datenbestand(git.Revision(repo, kennung_n), speicher=speicher)
        text_n = f"{ziel} ({kennung_n[:12]})"
    speicher.speichere()
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


def _punkte(p: Pruefung, bestand: Datenbestand) -> list[tuple[Pruefpunkt, bool | None]] | None:
    """Die Prüfpunkte mit ihrem Ergebnis – None, wenn sie nicht gerechnet wurden (Datenfehler)."""
    if not p.pruefpunkte_geprueft:
        return None
    return [(e.punkt, e.erfuellt) for e in p.pruefpunkte]
