"""kern.bericht für Bericht und Website: Gruppen, Zeilen am Stichtag, Ereignisse, Fingerabdruck."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from netzwerk_cli.daten.laden import lade_datenbestand
from netzwerk_cli.kern import bericht
from tests.conftest import DATEN

HEUTE = date(2026, 11, 27)


def test_gruppen_nennen_die_fehlenden() -> None:
    ue = bericht.uebersicht(lade_datenbestand(DATEN), HEUTE, HEUTE)
    bezirke = {g.name: g for g in ue.nach_bezirk}
    assert list(bezirke) == ["Arnsberg", "Detmold", "Düsseldorf", "Köln", "Münster"]
    d = bezirke["Düsseldorf"]
    assert (d.zaehlung.sicher, d.zaehlung.moeglich, d.zaehlung.gesamt) == (13, 14, 15)
    assert [r.bezeichnung for r in d.ohne] == ["Kreis Wesel"]
    assert [r.bezeichnung for r in d.ungewiss] == ["Kreis Viersen"]
    assert d.seite == "bezirke/duesseldorf.html"
    assert [g.name for g in ue.nach_art] == ["Kreis", "kreisfreie Stadt"]
    assert sum(g.zaehlung.gesamt for g in ue.nach_art) == 53
    assert ue.ist_heute


def test_zeilen_am_stichtag_ohne_spaeteres() -> None:
    ue = bericht.uebersicht(lade_datenbestand(DATEN), date(2010, 5, 6), HEUTE)
    kleve = next(z for z in ue.zeilen if z.region.ags == "05154")
    assert kleve.vertrag is None  # unterzeichnet erst 2012
    assert not ue.ist_heute
    # kein Ende, das nach dem Stichtag liegt
    assert all(z.endet is None or z.endet.moeglich_bis(date(2010, 5, 6)) for z in ue.zeilen)


def test_vorgaenge_juengste_zuerst_und_nur_bis_zum_stichtag() -> None:
    b = lade_datenbestand(DATEN)
    alle = bericht.vorgaenge(b, HEUTE)
    assert {v.art for v in alle} >= {"vertrag", "ende", "konferenz"}
    tage = [v.sortiertag for v in alle]
    assert tage == sorted(tage, reverse=True)
    assert len({v.kennung for v in alle}) == len(alle)
    frueh = bericht.vorgaenge(b, date(2008, 12, 31))
    assert frueh and all(v.datum.moeglich_bis(date(2008, 12, 31)) for v in frueh)
    assert len(frueh) < len(alle)


def test_inhaltskennung_folgt_dem_inhalt(tmp_path: Path) -> None:
    kopie = tmp_path / "data"
    shutil.copytree(DATEN, kopie)
    a = bericht.inhaltskennung(lade_datenbestand(DATEN))
    assert bericht.inhaltskennung(lade_datenbestand(kopie)) == a
    r = kopie / "regionen" / "05170-wesel.yaml"
    r.write_text(r.read_text(encoding="utf-8").replace("459809", "459810"), encoding="utf-8")
    assert bericht.inhaltskennung(lade_datenbestand(kopie)) != a


def test_site_je_region_eine_seite() -> None:
    s = bericht.site(lade_datenbestand(DATEN), HEUTE, HEUTE)
    assert len(s.regionen) == 53 and len({r.zeile.seite for r in s.regionen}) == 53
    wesel = next(r for r in s.regionen if r.zeile.region.ags == "05170")
    assert wesel.bericht.vertraege == [] and wesel.quellen[0].url.startswith("Statistisches Bundesamt")
    assert sum(len(b.zeilen) for b in s.bezirke) == 53
