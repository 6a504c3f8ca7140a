"""``netz add`` fragt die Regeln: was es verweigert, entscheidet das Register, nicht ``add``."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from netzwerk_cli.aendern.aufnehmen import VERWEIGERT, entwurf
from netzwerk_cli.daten.laden import lade_datenbestand
from netzwerk_cli.kern.fehler import NetzFehler
from netzwerk_cli.pruefen.regeln import REGELN

HEUTE = date(2026, 11, 27)


def test_verweigerungen_sind_regeln_des_registers() -> None:
    assert set(VERWEIGERT) <= set(REGELN)


def test_ein_frueherer_vertrag_ohne_ende_ueberschneidet_den_spaeteren(netz: Any, daten: Path) -> None:
    """Viersen hat einen Vertrag von 2011: ein Vertrag von 2010 ohne Ende wäre mit ihm zugleich
    in Kraft. Die Region hat am 01.01.2010 noch kein Netzwerk – also kein „schon ein Netzwerk“,
    sondern der Befund der Regel NZ405 selbst."""
    lauf = netz("add", "viersen", "--date", "01.01.2010", "--source", "https://x.example")
    assert lauf.exit_code == 1
    assert "Mit diesem Vertrag wären die Daten ungültig." in lauf.flach
    assert "NZ405" in lauf.flach and "schon ein Netzwerk" not in lauf.flach


def test_die_regel_entscheidet(daten: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Ohne den Befund der Regel keine Verweigerung: add hat keine eigene Prüfung der Zukunft."""
    bestand = lade_datenbestand(daten)
    with pytest.raises(NetzFehler, match="in der Zukunft"):
        entwurf(bestand, "wesel", date(2027, 1, 1), HEUTE)
    from netzwerk_cli.pruefen import uebergreifend as pruefgaenge

    echt = pruefgaenge._vertraege
    monkeypatch.setattr(pruefgaenge, "_vertraege", lambda b, h: [p for p in echt(b, h) if p.code != "NZ302"])
    e = entwurf(bestand, "wesel", date(2027, 1, 1), HEUTE, quellen=["https://www.kreis-wesel.de/"])
    assert e.anzeige.endswith("05170-wesel-2027-01-01.yaml")
