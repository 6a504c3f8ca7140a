"""Die eine Schreibtransaktion (aendern/transaktion.py): Sperre, unter ihr neu lesen, prüfen,
schreiben – für jeden schreibenden Befehl dieselbe."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from netzwerk_cli.aendern import reparieren
from netzwerk_cli.aendern.aufnehmen import Entwurf, entwurf, speichere
from netzwerk_cli.aendern.transaktion import Vorhaben, entwerfe, fuehre_aus
from netzwerk_cli.daten.laden import lade_datenbestand
from netzwerk_cli.daten.ordner import SPERRDATEI
from netzwerk_cli.kern.bestand import Datenbestand
from netzwerk_cli.kern.fehler import NetzFehler
from netzwerk_cli.pruefen import pruefe

HEUTE = date(2026, 11, 27)
QUELLE = ["https://www.kreis-wesel.de/"]


def _wesel(bestand: Datenbestand) -> Entwurf:
    return entwurf(bestand, "wesel", date(2026, 11, 20), HEUTE, quellen=QUELLE)


def test_geplant_und_geschrieben_wird_unter_der_sperre(daten: Path) -> None:
    gesehen: list[bool] = []

    def plane(bestand: Datenbestand) -> Entwurf:
        gesehen.append((daten / SPERRDATEI).exists())
        return _wesel(bestand)

    def schreibe(e: Entwurf) -> None:
        gesehen.append((daten / SPERRDATEI).exists())
        speichere(e)

    ergebnis = fuehre_aus(daten, Vorhaben(plane, schreibe, region="wesel"), HEUTE)
    assert gesehen == [True, True]
    assert not (daten / SPERRDATEI).exists()
    assert (daten / "vertraege" / "05170-wesel-2026-11-20.yaml").is_file()
    assert ergebnis.aenderung.anzeige.endswith("05170-wesel-2026-11-20.yaml")


def test_entwurf_schreibt_nichts(daten: Path) -> None:
    vorher = sorted(p.name for p in (daten / "vertraege").iterdir())
    e = entwerfe(daten, Vorhaben(_wesel, speichere, region="wesel"), HEUTE)
    assert e.aenderung.anzeige.endswith("05170-wesel-2026-11-20.yaml")
    assert sorted(p.name for p in (daten / "vertraege").iterdir()) == vorher


def test_unter_der_sperre_wird_neu_gelesen(daten: Path) -> None:
    """Was ein anderer Prozess zwischen Vorschau und Speichern schrieb, sieht die Transaktion:
    der zweite gleiche Vertrag wird verweigert, mit „Nichts wurde geschrieben.“"""
    vorhaben = Vorhaben(_wesel, speichere, region="wesel")
    entwerfe(daten, vorhaben, HEUTE)  # die Vorschau
    fuehre_aus(daten, vorhaben, HEUTE)  # „der andere Prozess“
    with pytest.raises(NetzFehler) as fehler:
        fuehre_aus(daten, vorhaben, HEUTE)
    assert fehler.value.meldung.startswith("Den Vertrag vom 20.11.2026 gibt es schon")
    assert fehler.value.meldung.endswith("Nichts wurde geschrieben.")


def test_ohne_region_verweigern_fehler_anderer_dateien(daten: Path) -> None:
    (daten / "regionen" / "05154-kleve.yaml").write_text("ags: [\n", encoding="utf-8")
    with pytest.raises(NetzFehler) as fehler:
        fuehre_aus(daten, Vorhaben(_wesel, speichere), HEUTE)
    assert fehler.value.meldung.startswith("Die Daten enthalten 1 Fehler")
    # über eine Region: Fehler in Dateien anderer Regionen hält der Befehl aus
    ergebnis = fuehre_aus(daten, Vorhaben(_wesel, speichere, region="wesel"), HEUTE)
    assert [Path(d).name for d in ergebnis.geduldet] == ["05154-kleve.yaml"]
    assert (daten / "vertraege" / "05170-wesel-2026-11-20.yaml").is_file()


def test_fix_schreibt_nur_was_gezeigt_wurde(daten: Path) -> None:
    """validate --fix zeigt die Reparatur und schreibt sie in derselben Transaktion; hat sich die
    Datei dazwischen geändert, schreibt es nichts."""
    datei = next((daten / "vertraege").glob("05970-*.yaml"))  # Siegen-Wittgenstein, 06.05.2010
    alt = datei.read_text(encoding="utf-8")
    iso = re.search(r"unterzeichnet: (\d{4})-(\d\d)-(\d\d)", alt)
    assert iso is not None
    deutsch = f"unterzeichnet: {iso[3]}.{iso[2]}.{iso[1]}"
    datei.write_text(alt.replace(iso[0], deutsch), encoding="utf-8")

    def gezeigt() -> list[Any]:
        bestand = lade_datenbestand(daten)
        return reparieren.reparaturen(daten, pruefe(bestand, HEUTE).probleme, bestand.inhalte)

    liste = gezeigt()
    assert [Path(r.anzeige).name for r in liste] == [datei.name]
    # ein anderer Prozess ändert die Datei nach der Anzeige
    datei.write_text(datei.read_text(encoding="utf-8") + "# geändert\n", encoding="utf-8")
    with pytest.raises(NetzFehler) as fehler:
        fuehre_aus(daten, reparieren.vorhaben(daten, liste, HEUTE, None, None), HEUTE)
    assert "inzwischen geändert" in fehler.value.meldung
    assert deutsch in datei.read_text(encoding="utf-8")
    # frisch gezeigt: geschrieben
    fuehre_aus(daten, reparieren.vorhaben(daten, gezeigt(), HEUTE, None, None), HEUTE)
    assert iso[0] in datei.read_text(encoding="utf-8")
