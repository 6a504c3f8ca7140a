"""Jede Tatsache des Gebietsstands an ihrem Tag (``--as-of``) und jede Regel in kleinen Daten."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

AACHEN_VERTRAG = "vertraege/05334-staedteregion-aachen-2009-01-22.yaml"


# --- Programmbeginn: vorher 0 von 0 ------------------------------------------------------


@pytest.mark.parametrize("tag", ["2005-01-01", "2007-01-01", "2008-03-01", "2008-06-22"])
def test_vor_dem_programmbeginn_null_von_null(netz: Any, tag: str) -> None:
    j = netz("status", "--as-of", tag, "--format", "json").json()
    assert (j["regionen"], j["mit_netzwerk"], j["mit_netzwerk_moeglich"]) == (0, 0, 0)
    assert j["nach_regierungsbezirk"] == {}
    text = netz("status", "--as-of", tag).flach
    # keine Zählung „0 von 0“, sondern: es gab das Programm noch nicht
    assert "Vor dem 23.06.2008 gab es das Programm noch nicht." in text
    assert "0 von 0" not in text
    assert "bis zu 9 möglich" not in text and "0–15" not in text
    assert netz("list", "--as-of", tag, "--format", "json").json() == []
    assert netz("missing", "--as-of", tag, "--format", "json").json() == []


def test_am_programmbeginn_54_regionen_19_bis_21_moeglich(netz: Any) -> None:
    j = netz("status", "--as-of", "2008-06-23", "--format", "json").json()
    assert j["regionen"] == 54
    # die veröffentlichten 19 liegen zwischen sicher und möglich
    assert j["mit_netzwerk"] <= 19 <= j["mit_netzwerk_moeglich"]


def test_show_nennt_die_grenze_des_programmbeginns(netz: Any) -> None:
    text = netz("show", "Rhein-Sieg-Kreis").flach
    assert "spätestens 07.12.2009 (ungenau) frühestens 23.06.2008 (Programmbeginn)" in text
    bonn = netz("show", "Bonn").flach
    assert "spätestens 06.05.2010 (ungenau) frühestens 23.06.2008 (Programmbeginn)" in bonn
    koeln = netz("show", "Köln").flach
    assert "2008 (nur Jahr bekannt) frühestens 23.06.2008 (Programmbeginn)" in koeln
    genau = netz("show", "Soest").flach  # 23.06.2008 genau: keine Grenze nötig
    assert "Programmbeginn" not in genau
    j = netz("show", "Rhein-Sieg-Kreis", "--format", "json").json()
    v = j["vertraege"][0]
    assert v["unterzeichnet"]["frueh"] is None
    assert v["unterzeichnet_im_programm"]["frueh"] == "2008-06-23"
    assert j["programmbeginn"] == "2008-06-23"


# --- Der Gebietsstand: 54 bis zum 20.10.2009, danach 53 ---------------------------------------


@pytest.mark.parametrize(("tag", "regionen"), [("2009-10-20", 54), ("2009-10-21", 53), ("2026-11-27", 53)])
def test_nenner_am_tag(netz: Any, tag: str, regionen: int) -> None:
    j = netz("status", "--as-of", tag, "--format", "json").json()
    assert j["regionen"] == regionen
    assert sum(z["regionen"] for z in j["nach_regierungsbezirk"].values()) == regionen
    assert len(netz("list", "--as-of", tag, "--format", "json").json()) == regionen
    assert f"von {regionen} Regionen" in netz("status", "--as-of", tag).flach


def test_list_und_missing_vor_und_nach_der_staedteregion(netz: Any) -> None:
    vorher = {r["ags"]: r for r in netz("list", "--as-of", "2009-10-20", "--format", "json").json()}
    assert "05334" not in vorher
    assert vorher["05313"]["stand"] == vorher["05354"]["stand"] == "mit"
    nachher = {r["ags"] for r in netz("list", "--as-of", "2009-10-21", "--format", "json").json()}
    assert "05334" in nachher and not {"05313", "05354"} & nachher
    # vor dem Vertrag vom 22.01.2009 fehlen Kreis und Stadt Aachen, nicht die StädteRegion
    fehlend = {r["ags"] for r in netz("missing", "--as-of", "2009-01-21", "--format", "json").json()}
    assert {"05313", "05354"} <= fehlend and "05334" not in fehlend


def test_der_aachener_vertrag_zaehlt_ab_22_01_2009_doppelt_dann_einfach(netz: Any) -> None:
    def zahl(tag: str) -> tuple[int, int]:
        j = netz("status", "--as-of", tag, "--format", "json").json()
        return j["mit_netzwerk"], j["regionen"]

    vorher, am = zahl("2009-01-21"), zahl("2009-01-22")
    assert am[0] - vorher[0] >= 2 and am[1] == 54  # Kreis und Stadt Aachen
    vor_der_bildung, nach_der_bildung = zahl("2009-10-20"), zahl("2009-10-21")
    assert nach_der_bildung == (vor_der_bildung[0] - 1, 53)  # zwei Regionen werden eine


def test_show_der_aufgeloesten_und_der_neuen_region(netz: Any) -> None:
    kreis = netz("show", "Kreis", "Aachen").flach
    assert "Kreis Aachen (05354)" in kreis
    assert "Bestand bis 20.10.2009, aufgegangen in StädteRegion Aachen (05334)." in kreis
    assert "die Region gab es nicht mehr, sie zählt nicht" in kreis
    assert "umfasste Kreis Aachen (05354), Stadt Aachen (05313) (bei der Unterzeichnung)" in kreis
    stadt = netz("show", "Stadt", "Aachen", "--as-of", "01.05.2009").flach
    assert "Stadt Aachen (05313)" in stadt and "Stand am 01.05.2009: mit Netzwerk" in stadt
    neu = netz("show", "Aachen", "--as-of", "2009-05-01").flach  # „Aachen“: die heutige Region
    assert "StädteRegion Aachen (05334)" in neu
    assert "Gebildet am 21.10.2009 aus Kreis Aachen (05354), Stadt Aachen (05313)." in neu
    assert "Stand am 01.05.2009: die Region gab es noch nicht, sie zählt nicht" in neu
    assert "Ob der Vertrag selbst den Übergang auf die StädteRegion regelt, sagen die Quellen nicht" in neu


def test_karte_vor_dem_21_10_2009(netz: Any, tmp_path: Path) -> None:
    text = netz("map", "--as-of", "2009-05-01").flach
    assert "von 54" in text
    assert "Gebiet der StädteRegion Aachen vor dem 21.10.2009: Kreis Aachen und Stadt Aachen" in text
    assert "Ohne Kachel" not in text
    assert "Gebiet der" not in netz("map", "--as-of", "2009-10-21").stdout
    ziel = tmp_path / "k.svg"
    lauf = netz("map", "--as-of", "2009-05-01", "--svg", str(ziel))
    assert "53 Flächen; am Stichtag 54 Regionen" in lauf.flach
    svg = ziel.read_text(encoding="utf-8")
    assert (
        "<title>Gebiet der StädteRegion Aachen vor dem 21.10.2009: Kreis Aachen und Stadt Aachen (05334): "
        "Netzwerk (sicher); unterzeichnet 22.01.2009" in svg
    )


def test_timeline_nenner_je_periode(netz: Any) -> None:
    j = netz(
        "timeline", "--by", "month", "--from", "2009-09-01", "--to", "2009-11-30", "--format", "json"
    ).json()
    assert [p["regionen"] for p in j["perioden"]] == [54, 53, 53]


# --- Regeln des Gebietsstands (validate) --------------------------------------------------------


def _codes(netz: Any) -> list[tuple[str, str]]:
    j = netz("validate", "--format", "json").json()
    return [(p["code"], p["meldung"]) for p in j["probleme"]]


def _ersetze(pfad: Path, alt: str, neu: str) -> None:
    text = pfad.read_text(encoding="utf-8")
    assert alt in text
    pfad.write_text(text.replace(alt, neu), encoding="utf-8")


def test_eingebettete_daten_gueltig_mit_nz403_fuer_heute(netz: Any) -> None:
    assert _codes(netz) == []


def test_nachfolger_muss_existieren(netz: Any, daten: Path) -> None:
    _ersetze(daten / "regionen/05354-kreis-aachen.yaml", 'nachfolger: ["05334"]', 'nachfolger: ["05399"]')
    codes = _codes(netz)
    assert ("NZ404", "„nachfolger“: Region 05399 gibt es nicht in regionen/") in codes
    # und die StädteRegion nennt den Kreis als Vorgänger, der sie nicht als Nachfolgerin nennt
    assert any(c == "NZ404" and "nennt 05334 nicht unter „nachfolger“" in m for c, m in codes)


def test_nachfolger_beginnt_am_tag_nach_dem_ende(netz: Any, daten: Path) -> None:
    _ersetze(
        daten / "regionen/05334-staedteregion-aachen.yaml", "gueltig_ab: 2009-10-21", "gueltig_ab: 2009-10-23"
    )
    codes = _codes(netz)
    assert any(c == "NZ304" and "muss am Tag nach dem Ende von Kreis Aachen beginnen" in m for c, m in codes)


def test_gueltig_bis_vor_gueltig_ab(netz: Any, daten: Path) -> None:
    _ersetze(
        daten / "regionen/05313-aachen.yaml",
        "gueltig_bis: 2009-10-20",
        "gueltig_ab: 2010-01-01\ngueltig_bis: 2009-10-20",
    )
    assert any(c == "NZ304" and "liegt vor „gueltig_ab: 2010-01-01“" in m for c, m in _codes(netz))


def test_vertrag_nur_in_der_gueltigkeit_seiner_region(netz: Any, daten: Path) -> None:
    (daten / "vertraege/05354-kreis-aachen-2011.yaml").write_text(
        'region: "05354"\nunterzeichnet: 2011\nquellen:\n  - https://x.example\n', encoding="utf-8"
    )
    codes = _codes(netz)
    assert ("NZ304", "„unterzeichnet: 2011“: Kreis Aachen (05354) gab es nur bis zum 2009-10-20") in codes


def test_umfasst_nennt_regionen_des_unterzeichnungstags(netz: Any, daten: Path) -> None:
    # ohne umfasst hieße der Vertrag von 2009 „StädteRegion“ – die es erst ab 21.10.2009 gab
    _ersetze(daten / AACHEN_VERTRAG, 'umfasst: ["05354", "05313"]\n', "")
    codes = _codes(netz)
    assert (
        "NZ304",
        "„unterzeichnet: 2009-01-22“: StädteRegion Aachen (05334) gab es nur vom 2009-10-21",
    ) in codes


def test_umfasst_nur_vorgaenger_der_region(netz: Any, daten: Path) -> None:
    _ersetze(daten / AACHEN_VERTRAG, 'umfasst: ["05354", "05313"]', 'umfasst: ["05354", "05358"]')
    codes = _codes(netz)
    assert ("NZ204", "„umfasst: 05358“: 05334 ist keine Nachfolgerin von Kreis Düren") in codes


def test_umfasst_unbekannte_region(netz: Any, daten: Path) -> None:
    _ersetze(daten / AACHEN_VERTRAG, 'umfasst: ["05354", "05313"]', 'umfasst: ["05354", "05399"]')
    assert ("NZ404", "„umfasst“: Region 05399 gibt es nicht") in _codes(netz)


def test_add_fuer_eine_aufgeloeste_region_wird_abgelehnt(netz: Any, daten: Path) -> None:
    lauf = netz("add", "Kreis Aachen", "--date", "2020-01-01", "--source", "https://x.example")
    assert lauf.exit_code == 1
    assert "Kreis Aachen (05354) gab es nur bis zum 20.10.2009" in lauf.flach
    assert "Nachfolgerin: StädteRegion Aachen (05334)" in lauf.flach
    assert not list((daten / "vertraege").glob("05354-*"))
    vorher = netz("add", "Aachen", "--date", "01.05.2009", "--source", "https://x.example")
    assert vorher.exit_code == 1
    assert "StädteRegion Aachen (05334) gibt es erst seit dem 21.10.2009" in vorher.flach
    assert "Kreis Aachen (05354), Stadt Aachen (05313)" in vorher.flach


def test_je_paar_ein_befund_zu_den_daten(netz: Any, daten: Path) -> None:
    _ersetze(
        daten / "regionen/05334-staedteregion-aachen.yaml", "gueltig_ab: 2009-10-21", "gueltig_ab: 2009-10-23"
    )
    nz304 = [m for c, m in _codes(netz) if c == "NZ304" and "muss am Tag nach dem Ende" in m]
    assert len(nz304) == 2  # Kreis und Stadt Aachen je einmal, nicht noch einmal von ihrer Seite


def test_kaputte_nachfolgerin_ohne_folgebefunde(netz: Any, daten: Path) -> None:
    _ersetze(
        daten / "regionen/05334-staedteregion-aachen.yaml", "gueltig_ab: 2009-10-21", "gueltig_ab: 21.10.2009"
    )
    assert [c for c, _ in _codes(netz)] == ["NZ301"]
