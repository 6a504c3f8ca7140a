"""Teildaten: ob ein Befehl über eine Region trotz Fehlern in anderen Dateien laufen darf.

Befehle über alle Regionen (status, list, report …) rechnen nur auf fehlerfreien Daten. Ein
Befehl über eine Region (show, add, end, continue, conference, source add) braucht nur, dass
deren Dateien gültig sind; Fehler anderswo nimmt er hin (``bestand.geduldet``). Diese
Entscheidung trifft genau dieses Modul – für die lesenden Befehle in ``cli`` und für die
Schreibtransaktion in ``aendern``. Die Warnung über das Geduldete gibt ``cli`` aus.
"""

from __future__ import annotations

import os
from collections.abc import Collection
from datetime import date
from typing import NoReturn

from ..kern.ablage import REGIONEN
from ..kern.befund import Problem
from ..kern.bestand import Datenbestand
from ..kern.fehler import NetzFehler
from ..kern.namen import grob, region_finden, slug

# So viele Befunde zeigt eine Verweigerung; „netz validate“ zeigt alle
GEZEIGT = 20


def fehler_von(bestand: Datenbestand, heute: date) -> list[Problem]:
    """Die Fehler des Bestands ohne die Prüfpunkte (die rechnen erst auf fehlerfreien Daten)."""
    from . import pruefe

    return [p for p in pruefe(bestand, heute, mit_pruefpunkten=False).probleme if p.ist_fehler]


def verlange_gueltig(
    bestand: Datenbestand, heute: date, region: str | None = None, dulde: Collection[str] = ()
) -> list[str]:
    """Die eine Entscheidung vor jedem Befehl: ohne ``region`` müssen alle Dateien gültig sein
    (sonst die Befunde als Verweigerung); mit ``region`` nur deren Dateien – zurück kommen die
    Dateien anderer Regionen, deren Fehler der Befehl hinnimmt (für die Warnung)."""
    fehler = fehler_von(bestand, heute)
    if not fehler:
        return []
    if region is None:
        datenfehler(fehler)
    return nur_andere_regionen(bestand, fehler, region, dulde)


def datenfehler(fehler: list[Problem], wessen: str = "Die Daten enthalten") -> NoReturn:
    """Die Fehler als Verweigerung: die ersten Befunde, Exit 1."""
    mehr = f" (die ersten {GEZEIGT} von {len(fehler)})" if len(fehler) > GEZEIGT else ""
    raise NetzFehler(
        f"{wessen} {len(fehler)} Fehler{mehr}; die Zahlen wären nicht verlässlich.",
        "Erst beheben; „netz validate“ zeigt alle Befunde.",
        probleme=fehler[:GEZEIGT],
    )


def nur_andere_regionen(
    bestand: Datenbestand, fehler: list[Problem], eingabe: str, dulde: Collection[str] = ()
) -> list[str]:
    """Sind die Dateien der Region ``eingabe`` gültig, duldet der Befehl die ``fehler`` anderer
    Dateien (``bestand.geduldet``) und bekommt deren Anzeigepfade zurück (für die Warnung);
    sonst wirft er die Befunde wie immer. ``dulde``: Codes, die auch in den Dateien der Region
    hinnehmbar sind, weil der Befehl sie behebt (``netz source add`` und NZ601).

    Ist die Region nicht zu finden und eine Regionsdatei kaputt, könnte es genau diese sein –
    dann deren Befunde statt „unbekannt“."""
    try:
        r = region_finden(eingabe, [d.modell for d in bestand.regionen], bestand.gemeinden)
    except NetzFehler:
        _kaputte_regionsdatei(bestand, fehler, eingabe)
        raise
    eigene = {d.anzeige for d in bestand.regionen if d.modell.ags == r.ags}
    eigene |= {d.anzeige for d in bestand.vertraege if d.modell.region == r.ags}
    # eine kaputte Vertragsdatei gehört nach ihrem Namen („05170-wesel-….yaml“) zur Region
    eigene |= {d for d in bestand.fehlerhaft if os.path.basename(d).startswith(r.ags + "-")}
    betroffen = [p for p in fehler if p.datei in eigene and p.code not in dulde]
    if betroffen:
        datenfehler(betroffen, f"Die Dateien von {r.bezeichnung} enthalten")
    bestand.geduldet = frozenset(fehler)
    return sorted({p.datei for p in fehler if p.datei not in eigene})


def _kaputte_regionsdatei(bestand: Datenbestand, fehler: list[Problem], eingabe: str) -> None:
    """Meint die Eingabe eine Region, deren Datei kaputt ist? Dann deren Befunde (die Meldung
    macht ``cli`` beim Ausgeben sichtbar, wie jede)."""
    g = grob(slug(eingabe))
    ziffern = "".join(c for c in eingabe if c.isdigit())
    for d in sorted(bestand.fehlerhaft):
        ags, _, name = os.path.basename(d).removesuffix(".yaml").partition("-")
        if os.path.basename(os.path.dirname(d)) == REGIONEN and (
            (g and g in grob(name)) or ziffern in (ags, ags.lstrip("0"))
        ):
            datenfehler([p for p in fehler if p.datei == d], f"Die Datei der Region {d} enthält")
