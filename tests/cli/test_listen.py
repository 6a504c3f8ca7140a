from __future__ import annotations

import csv
import io
from typing import Any

import pytest

# Die Liste der Pressemitteilung vom 6. Mai 2010, in ihrer Reihenfolge.
PRESSEMITTEILUNG = """\
- Kreis Borken
- Kreis Coesfeld
- Kreis Düren
- Ennepe-Ruhr-Kreis
- Kreis Euskirchen
- Kreis Gütersloh
- Kreis Herford
- Hochsauerlandkreis
- Kreis Höxter
- Kreis Lippe
- Märkischer Kreis
- Oberbergischer Kreis
- Kreis Olpe
- Kreis Paderborn
- Kreis Recklinghausen
- Rhein-Sieg-Kreis
- Rheinisch-Bergischer Kreis
- Kreis Siegen-Wittgenstein
- Kreis Soest
- Kreis Steinfurt
- Kreis Unna
- Kreis Warendorf
- StädteRegion Aachen
- Stadt Bielefeld
- Stadt Bochum
- Stadt Bonn
- Stadt Bottrop
- Stadt Dortmund
- Stadt Düsseldorf
- Stadt Duisburg
- Stadt Essen
- Stadt Gelsenkirchen
- Stadt Hamm
- Stadt Herne
- Stadt Köln
- Stadt Krefeld
- Stadt Leverkusen
- Stadt Mönchengladbach
- Stadt Mülheim an der Ruhr
- Stadt Münster
- Stadt Oberhausen
- Stadt Remscheid
- Stadt Solingen
"""


def test_list_markdown_ist_die_pressemitteilung(netz: Any) -> None:
    lauf = netz("list", "--status", "mit", "--as-of", "2010-05-06", "--format", "markdown")
    assert lauf.exit_code == 0
    assert lauf.stdout == PRESSEMITTEILUNG


def test_list_json_felder(netz: Any) -> None:
    j = netz("list", "--format", "json").json()
    assert len(j) == 53
    koeln = next(r for r in j if r["ags"] == "05315")
    assert koeln["bezeichnung"] == "Stadt Köln"
    assert koeln["art"] == "kreisfreie Stadt"
    assert koeln["regierungsbezirk"] == "Köln"
    assert koeln["stand"] == "mit"
    # „2008“ beginnt frühestens mit dem Programm (erste Verträge am 23.06.2008)
    assert koeln["unterzeichnet"] == {"text": "2008", "frueh": "2008-06-23", "spaet": "2008-12-31"}


def test_list_filter(netz: Any) -> None:
    j = netz("list", "--bezirk", "koeln", "--art", "Kreis", "--format", "json").json()
    assert {r["regierungsbezirk"] for r in j} == {"Köln"}
    assert {r["art"] for r in j} == {"Kreis"}
    assert len(j) == 8
    ohne = netz("list", "--status", "ohne", "--format", "json").json()
    assert [r["ags"] for r in ohne] == ["05170"]
    ungewiss = netz("list", "--status", "ungewiss", "--format", "json").json()
    assert [r["ags"] for r in ungewiss] == ["05166"]


def test_list_filter_falsch(netz: Any) -> None:
    lauf = netz("list", "--bezirk", "Bayern")
    assert lauf.exit_code == 2
    assert "Arnsberg" in lauf.stderr


def test_list_csv(netz: Any) -> None:
    zeilen = list(csv.DictReader(io.StringIO(netz("list", "--format", "csv", "--sort", "ags").stdout)))
    assert len(zeilen) == 53
    assert zeilen[0]["ags"] == "05111"
    assert zeilen[0]["unterzeichnet"] == "2009-08-24"


def test_list_text(netz: Any) -> None:
    lauf = netz("list", "--as-of", "2010-05-06")
    zeile = next(z for z in lauf.stdout.splitlines() if "Kreis Wesel" in z)
    assert "ohne" in zeile and "kein Vertrag bekannt" in zeile
    assert "53 Regionen, Stichtag 06.05.2010" in lauf.stdout


def test_missing_formate(netz: Any) -> None:
    md = netz("missing", "--format", "markdown").stdout
    # wie im Text: sicher ohne und ungewiss getrennt
    assert md == (
        "**Ohne Netzwerk am 27.11.2026: 1 von 53**\n\n- Kreis Wesel\n\n"
        "**Ungewiss: 1** (ein Vertrag ist möglich, aber nicht sicher in Kraft)\n\n- Kreis Viersen\n"
    )
    text = netz("missing").stdout
    assert "Ohne Netzwerk am 27.11.2026: 1 von 53" in text
    assert "Ungewiss: 1" in text
    rows = list(csv.DictReader(io.StringIO(netz("missing", "--format", "csv").stdout)))
    assert [(r["ags"], r["stand"]) for r in rows] == [("05170", "ohne"), ("05166", "ungewiss")]


@pytest.mark.parametrize(
    ("option", "wert", "erwartet"),
    [
        ("--bezirk", "Koln", "Köln"),
        ("--bezirk", "dusseldorf", "Düsseldorf"),
        ("--art", "Stadt", "kreisfreie Stadt"),
    ],
)
def test_list_filter_locker(netz: Any, option: str, wert: str, erwartet: str) -> None:
    feld = {"--bezirk": "regierungsbezirk", "--art": "art"}[option]
    zeilen = netz("list", option, wert, "--format", "json").json()
    assert zeilen and {z[feld] for z in zeilen} == {erwartet}


def test_list_filter_tippfehler_schlaegt_vor(netz: Any) -> None:
    lauf = netz("list", "--bezirk", "Kolne")
    assert lauf.exit_code == 2 and "Meinten Sie „Köln“?" in lauf.stderr
