"""netz offen: die offenen Fragen der eingebetteten Daten, wie ein Nutzer sie sieht."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Any

import pytest

from tests.cli.test_feindliche_ausgabe import TERMINAL, _unsicher

PROGRAMM = "programm.yaml"
SIEBZEHN = {  # möglich am 23.06.2008: Angabe 2008, Juni 2008 oder „spätestens 06.05.2010“
    "05112", "05114", "05122", "05314", "05315", "05316", "05382", "05515", "05570",
    "05754", "05758", "05762", "05911", "05913", "05915", "05958", "05966",
}  # fmt: skip


def _neunzehn_wird(daten: Path, zahl: int) -> None:
    p = daten / PROGRAMM
    text = p.read_text(encoding="utf-8")
    alt = "  - datum: 2008-06-23\n    mindestens: 17\n    hoechstens: 19\n"
    assert alt in text
    p.write_text(text.replace(alt, f"  - datum: 2008-06-23\n    anzahl: {zahl}\n"))


def test_text_nennt_regel_und_die_neunzehn(netz: Any) -> None:
    lauf = netz("offen")
    assert lauf.exit_code == 0, lauf.stderr
    flach = lauf.flach
    assert "Reihenfolge: zuerst die Fragen, deren Antwort die meisten Prüfpunkte entscheidet" in flach
    assert "Kein Tag liegt vor dem Programmstart (23.06.2008)" in flach
    assert " 1. Kreis Viersen: Endete der Vertrag, und wann?" in lauf.stdout
    assert "Prüfpunkt 23.06.2008 (mindestens 17, höchstens 19), Quelle: https://sigrid-beer.de/" in flach
    assert "4 Regionen sicher (Rheinisch-Bergischer Kreis, Kreis Steinfurt, Kreis Soest, Kreis Unna)" in flach
    # 19 Verträge, davon 2 vielleicht Sonderregionen: 17 bis 19 der 53 (Audit vom 06.12.2026, N2)
    assert "von den 17 möglichen müssen mindestens 13 und höchstens 15 dabei gewesen sein" in flach
    assert "Nicht berücksichtigt: 2008: 23; 2014: 49." in flach


def test_json_viersen_eingeengt_mit_begruendung(netz: Any) -> None:
    e = netz("offen", "--format", "json").json()
    n = e["fragen_gesamt"]
    assert n == len(e["fragen"]) >= 30 and e["widerspruch"] is None
    erste = e["fragen"][0]
    assert (erste["ags"], erste["art"]) == ("05166", "endet")
    assert erste["bekannt"] == {"von": "2019-08-01", "bis": None}
    assert erste["eingeengt"] == {"von": "2022-06-01", "bis": "2024-04-09"}
    gruende = {g["seite"]: g for g in erste["gruende"]}
    assert gruende["von"]["pruefpunkt"]["anzahl"] == 52 and gruende["von"]["regel"] == "knapp"
    assert gruende["bis"]["pruefpunkt"]["datum"] == "2024-04-10" and gruende["bis"]["regel"] == "voll"
    assert gruende["bis"]["begruendung"] == (
        "Am 10.04.2024 hatten schon 51 Regionen sicher ein Netzwerk, so viele wie veröffentlicht – "
        "Kreis Viersen hatte keines mehr."
    )
    # mit Erscheinungsdatum ist die Quelle im JSON ein Objekt
    assert all(g["pruefpunkt"]["quelle"]["url"].startswith("https://") for g in erste["gruende"])
    # die Rangfolge: erst die Zahl der Prüfpunkte, dann die Tage
    schluessel = [(-len(f["entscheidet"]), -f["tage"]) for f in e["fragen"]]
    assert schluessel == sorted(schluessel)
    assert [f["rang"] for f in e["fragen"]] == list(range(1, n + 1))


def test_json_die_neunzehn_als_teilmenge(netz: Any) -> None:
    (tm, *_) = netz("offen", "--format", "json").json()["teilmengen"]
    assert tm["pruefpunkt"]["hoechstens"] == 19 and tm["tag"] == "2008-06-23"
    assert tm["pruefpunkt"]["mindestens"] == 17
    assert set(tm["sicher"]) == {"05378", "05566", "05974", "05978"}
    assert {m["ags"] for m in tm["moeglich"]} == SIEBZEHN
    assert (tm["mindestens"], tm["hoechstens"]) == (13, 15)


def test_programmstart_klemmt_die_spanne(netz: Any) -> None:
    fragen = netz("offen", "--format", "json").json()["fragen"]
    bonn = next(f for f in fragen if f["ags"] == "05314")
    assert bonn["angabe"]["frueh"] is None
    assert bonn["bekannt"] == {"von": "2008-06-23", "bis": "2010-05-06"} and bonn["tage"] == 683
    krefeld = next(f for f in fragen if f["ags"] == "05114")
    assert krefeld["bekannt"] == {"von": "2008-06-23", "bis": "2008-12-31"}


def test_einundzwanzig_erzwingen_alle_siebzehn(netz: Any, daten: Path) -> None:
    """Wären es 21 gewesen, hätten alle 17 möglichen am 23.06.2008 unterschrieben."""
    _neunzehn_wird(daten, 21)
    e = netz("offen", "--format", "json").json()
    festgelegt = {
        f["ags"] for f in e["fragen"] if f["art"] == "unterzeichnet" and f["eingeengt"]["bis"] == "2008-06-23"
    }
    assert festgelegt == SIEBZEHN
    bonn = next(f for f in e["fragen"] if f["ags"] == "05314")
    assert bonn["eingeengt"] == {"von": "2008-06-23", "bis": "2008-06-23"} and bonn["tage"] == 1
    (g,) = bonn["gruende"]
    assert g["begruendung"].startswith("Am 23.06.2008 konnten nur 21 Regionen ein Netzwerk haben")
    text = netz("offen").flach
    assert "spätestens 23.06.2008 – Prüfpunkt 23.06.2008 (21): Am 23.06.2008 konnten nur 21" in text
    assert "gehabt haben. Quelle: https://sigrid-beer.de/" in text


def test_vier_schliessen_alle_siebzehn_aus(netz: Any, daten: Path) -> None:
    _neunzehn_wird(daten, 4)
    fragen = netz("offen", "--format", "json").json()["fragen"]
    duisburg = next(f for f in fragen if f["ags"] == "05112")
    assert duisburg["eingeengt"] == {"von": "2008-06-24", "bis": "2008-06-30"}
    assert duisburg["gruende"][0]["regel"] == "voll"


def test_widerspruch_wird_gemeldet_nicht_verrechnet(netz: Any, daten: Path) -> None:
    """19 am 23.06.2008, aber nur 4 am Tag danach: das geht mit diesen Daten nicht zugleich."""
    p = daten / PROGRAMM
    p.write_text(
        p.read_text(encoding="utf-8").replace(
            "pruefpunkte:\n",
            "pruefpunkte:\n  - datum: 2008-06-24\n    anzahl: 4\n    aussage: erfunden\n    quelle: test\n",
            1,
        ),
        encoding="utf-8",
    )
    lauf = netz("offen")
    assert lauf.exit_code == 0
    assert "Widerspruch: Prüfpunkt" in lauf.flach and "netz engt darum nichts ein" in lauf.flach
    e = netz("offen", "--format", "json").json()
    assert e["widerspruch"] is not None
    assert all(f["eingeengt"] == f["bekannt"] and not f["gruende"] for f in e["fragen"])


def test_limit(netz: Any) -> None:
    n = netz("offen", "--format", "json").json()["fragen_gesamt"]
    e = netz("offen", "--limit", "3", "--format", "json").json()
    assert [f["rang"] for f in e["fragen"]] == [1, 2, 3] and e["fragen_gesamt"] == n
    assert f"Gezeigt: die ersten 3 von {n} Fragen." in netz("offen", "-n", "3").flach
    assert f"Gezeigt: die erste von {n} Fragen." in netz("offen", "-n", "1").flach


@pytest.mark.parametrize("wert", ["0", "x", "-1", "٣"])
def test_limit_falsch_ist_ein_aufruffehler(netz: Any, wert: str) -> None:
    lauf = netz("offen", "--limit", wert)
    assert lauf.exit_code == 2
    assert "ist keine Anzahl von Fragen" in lauf.flach and "Input should" not in lauf.flach


def test_csv_eine_zeile_je_frage(netz: Any) -> None:
    zeilen = list(csv.DictReader(io.StringIO(netz("offen", "--format", "csv").stdout)))
    assert len(zeilen) == netz("offen", "--format", "json").json()["fragen_gesamt"]
    assert zeilen[0]["ags"] == "05166" and zeilen[0]["bekannt_bis"] == "" and zeilen[0]["bis"] == "2024-04-09"


def test_markdown(netz: Any) -> None:
    md = netz("offen", "--format", "markdown").stdout
    assert md.startswith("## Offene Fragen – Stand 27.11.2026\n")
    assert "| 1 | Kreis Viersen: Endete der Vertrag, und wann? |" in md
    assert "### Was die Prüfpunkte erzwingen" in md


def test_kaputte_daten_exit_1(netz: Any, daten: Path) -> None:
    (daten / "vertraege" / "05314-bonn-bis-2010-05-06.yaml").write_text("region: 5314\n", encoding="utf-8")
    lauf = netz("offen")
    assert lauf.exit_code == 1 and "Fehler" in lauf.flach


@pytest.mark.parametrize("fmt", ["text", "json", "csv", "markdown"])
def test_feindliche_namen_wirken_nicht(
    netz: Any, daten: Path, fmt: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from netzwerk_cli.pruefen import yamlio

    monkeypatch.setattr(yamlio, "_UNSICHTBAR", re.compile(r"(?!)"))
    r = daten / "regionen" / "05314-bonn.yaml"
    r.write_text(
        r.read_text(encoding="utf-8").replace(
            "bezeichnung: Stadt Bonn", f'bezeichnung: "=1+1 [x](https://example.org) | <b> {TERMINAL}"'
        ),
        encoding="utf-8",
    )
    lauf = netz("offen", "--format", fmt)
    assert lauf.exit_code == 0, lauf.stderr
    assert not _unsicher(lauf.stdout + lauf.stderr)
    if fmt == "markdown":
        ohne = re.sub(r"\\.", "", lauf.stdout)
        assert "](" not in ohne and "<b>" not in ohne
    if fmt == "csv":
        zellen = [z for zeile in csv.reader(io.StringIO(lauf.stdout)) for z in zeile]
        assert not [z for z in zellen if z.startswith("=")]


@pytest.mark.parametrize("befehl", [["offen"], *(["offen", "-f", f] for f in ("json", "markdown", "csv"))])
def test_quelle_eines_pruefpunkts_als_objekt(netz: Any, daten: Path, befehl: list[str]) -> None:
    """Ein Prüfpunkt darf seine Quelle als Objekt (url, zitat …) nennen: netz offen zeigt die
    Adresse – vorher ein interner Fehler (AttributeError im Text, TypeError im JSON)."""
    p = daten / "programm.yaml"
    alt = (
        "    quelle:\n"
        "      url: https://sigrid-beer.de/pressearchiv-bis-052022/archiv/expand/312888/nc/1/dn/1\n"
        "      veroeffentlicht: 2008-06-23\n"
    )
    text = p.read_text(encoding="utf-8")
    assert alt in text
    p.write_text(
        text.replace(
            alt,
            "    quelle:\n"
            "      url: https://sigrid-beer.de/pressearchiv-bis-052022/archiv/expand/312888/nc/1/dn/1\n"
            "      zitat: Verträge für 19 Regionen\n",
            1,
        ),
        encoding="utf-8",
    )
    r = netz(*befehl)
    assert r.exit_code == 0, r.stderr
    assert "interner Fehler" not in r.stderr
    if befehl[-1] != "csv":
        assert "sigrid-beer.de/pressearchiv" in r.stdout
    if befehl[-1] == "json":
        assert "Quelle(" not in r.stdout and '"zitat": "Verträge für 19 Regionen"' in r.stdout
