from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import HEUTE
from tests.kern.test_abdeckung import FEHLEND_2010


def test_status_2010_json(netz: Any) -> None:
    lauf = netz("status", "--as-of", "2010-05-06", "--format", "json")
    assert lauf.exit_code == 0
    j = lauf.json()
    assert j["stichtag"] == "2010-05-06"
    assert j["regionen"] == 53
    assert j["mit_netzwerk"] == 43
    assert j["mit_netzwerk_moeglich"] == 43
    assert j["quote"] == 43 / 53
    assert j["fehlend"] == sorted(j["fehlend"])
    assert len(j["fehlend"]) == 10 and "05170" in j["fehlend"] and "05970" not in j["fehlend"]
    assert j["ungewiss"] == []
    assert j["ziel"]["anzahl"] == 53 and j["ziel"]["bis"] == "2010-12-31"
    assert j["ziel"]["erreicht"] is False
    assert sum(b["regionen"] for b in j["nach_regierungsbezirk"].values()) == 53
    assert j["nach_art"]["kreisfreie Stadt"]["regionen"] == 22


def test_status_fehlende_namen(netz: Any) -> None:
    j = netz("missing", "--as-of", "2010-05-06", "--format", "json").json()
    assert {r["bezeichnung"] for r in j} == FEHLEND_2010
    assert all(r["stand"] == "ohne" for r in j)


def test_status_text_heute(netz: Any) -> None:
    lauf = netz("status")
    assert lauf.exit_code == 0
    assert "51 von 53 Regionen (96,2 %) haben sicher ein Netzwerk, bis zu 52" in lauf.stdout
    assert "Ziel: 53 Regionen bis 31.12.2010 – verfehlt" in lauf.stdout
    assert "Ohne Netzwerk: Kreis Wesel" in lauf.stdout
    assert "Ungewiss: Kreis Viersen" in lauf.stdout
    assert "\x1b[" not in lauf.stdout  # keine Farben, wenn nicht im Terminal


def test_status_text_2010(netz: Any) -> None:
    lauf = netz("status", "--as-of", "2010-05-06")
    assert "43 von 53 Regionen (81,1 %) haben ein Regionales Bildungsnetzwerk" in lauf.stdout
    assert "Ziel: 53 Regionen bis 31.12.2010 – noch offen, es fehlen 10." in lauf.stdout


def test_status_json_2008_ungewiss(netz: Any) -> None:
    j = netz("status", "--as-of", "2008-06-30", "--format", "json").json()
    assert j["mit_netzwerk"] < j["mit_netzwerk_moeglich"]
    assert len(j["ungewiss"]) == j["mit_netzwerk_moeglich"] - j["mit_netzwerk"]


def test_status_datum_falsch_ist_aufruffehler(netz: Any) -> None:
    for falsch in ("2010-13-01", "31.02.2010", "6.13.2010", "gestern", "2010-02-30", "05/06/2010"):
        lauf = netz("status", "--as-of", falsch)
        assert lauf.exit_code == 2
        assert "--as-of" in lauf.stderr
        assert "Traceback" not in lauf.stderr + lauf.stdout


@pytest.mark.parametrize("eingabe", ["06.05.2010", "6.5.2010", "2010-05-06", " 06.05.2010 "])
def test_stichtag_deutsch_geschrieben(netz: Any, eingabe: str) -> None:
    """Wie Menschen in Deutschland einen Tag schreiben – dasselbe Ergebnis wie ISO."""
    assert netz("status", "--as-of", eingabe, "--format", "json").json()["stichtag"] == "2010-05-06"


@pytest.mark.parametrize("eingabe", ["heute", "Heute"])
def test_stichtag_heute(netz: Any, eingabe: str) -> None:
    assert netz("status", "--as-of", eingabe, "--format", "json").json()["stichtag"] == HEUTE


def test_status_unbekannte_option(netz: Any) -> None:
    lauf = netz("status", "--bla")
    assert lauf.exit_code == 2
    assert "Unbekannte Option: --bla" in lauf.stderr


def test_status_kaputte_daten_verweigert(netz: Any, daten: Any) -> None:
    (daten / "vertraege" / "05170-wesel-2020-01-01.yaml").write_text('region: "05170"\nregion: x\n')
    lauf = netz("status")
    assert lauf.exit_code == 1
    assert "05170-wesel-2020-01-01.yaml:2:" in lauf.stderr
    assert "NZ101" in lauf.stderr
    assert lauf.stdout == ""


def test_status_nennt_einwohner(netz: Any) -> None:
    """„95,8 % der Einwohner sicher, bis zu 97,4 % möglich (Einwohner: Stand 31.12.2018)“"""
    text = netz("status").flach
    assert "95,8 % der Einwohner sicher, bis zu 97,4 % möglich (Einwohner: Stand 31.12.2018)." in text
    assert "Einwohner mit Netzwerk: Arnsberg 100,0 %" in text
    assert "Düsseldorf 85,4 % (bis zu 91,2 %)" in text


def test_status_ohne_einwohnerzahl_gibt_eine_spanne(netz: Any, daten: Any) -> None:
    for datei in ("05170-wesel.yaml", "05315-koeln.yaml"):
        p = daten / "regionen" / datei
        p.write_text(
            "".join(
                z for z in p.read_text(encoding="utf-8").splitlines(True) if not z.startswith("einwohner:")
            ),
            encoding="utf-8",
        )
    text = netz("status").flach
    assert "ohne Einwohnerzahl: Kreis Wesel, Stadt Köln." in text
    assert "Zwischen 0,0 % und 100,0 % der Einwohner sicher" in text  # Wesel ohne, Köln mit Netzwerk
    e = netz("status", "--format", "json").json()["einwohner"]
    assert e["anteil_sicher"] is None and e["anteil_sicher_spanne"] == [0.0, 1.0]
    assert e["ohne_angabe"] == ["05170", "05315"]
    assert e["nach_regierungsbezirk"]["Köln"]["anteil_sicher"] == 1.0  # dort haben alle ein Netzwerk
