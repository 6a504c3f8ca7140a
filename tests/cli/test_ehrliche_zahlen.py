"""Ehrliche Titel und Zahlen (Issue 22): jede früher irreführende Angabe mit ihrem Wortlaut."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest


def test_timeline_markiert_ungepruefte_und_doppelte_zaehlungen(netz: Any) -> None:
    text = netz("timeline").stdout
    # ungeprüfte, widersprechende veröffentlichte Zahlen sind als solche markiert
    assert "◆ 2008 veröffentlicht: 23 – ungeprüft, widerspricht belegten Zählungen" in text
    assert "◆ 2014 veröffentlicht: 49 – ungeprüft, widerspricht belegten Zählungen" in text
    # eine Zeile je veröffentlichter Zahl (zwei Quellen am 10.04.2024)
    assert text.count("10.04.2024 veröffentlicht: 51") == 1
    assert "◆ 10.04.2024 veröffentlicht: 51 (2 Quellen)" in text
    # in jedem Format
    md = netz("timeline", "--format", "markdown").stdout
    assert "2008 veröffentlicht: 23 – ungeprüft, widerspricht belegten Zählungen" in md
    csv = netz("timeline", "--format", "csv").stdout
    assert "veröffentlicht: 49 – ungeprüft, widerspricht belegten Zählungen" in csv
    perioden = netz("timeline", "--format", "json").json()["perioden"]
    steine = [m for p in perioden for m in p["meilensteine"] if m["art"] == "pruefpunkt"]
    assert sorted(m["text"].split(":")[1].split()[0] for m in steine if not m["geprueft"]) == ["23", "49"]
    assert [m["quellen"] for m in steine if "51 (2 Quellen)" in m["text"]] == [2]


def test_timeline_markdown_zeigt_spannen_wie_der_text(netz: Any) -> None:
    md = netz("timeline", "--format", "markdown").stdout
    text = netz("timeline").stdout
    # 2008: 12 sicher, bis zu 21 möglich neu – nicht nur die Obergrenze (21 + 26 + 19 = 66 > 53)
    assert "| 2008 | 12 | 21 | 12…21 | 0 |" in md
    assert "+12…21" in text
    assert "„a…b“: a sicher, bis zu b möglich" in md


@pytest.mark.parametrize("befehl", ["status", "missing", "list"])
def test_vor_dem_programm(netz: Any, befehl: str) -> None:
    lauf = netz(befehl, "--as-of", "01.01.2000")
    assert lauf.exit_code == 0
    assert "Vor dem 23.06.2008 gab es das Programm noch nicht." in lauf.flach
    assert "0 von 0" not in lauf.flach and "alle 0 Regionen" not in lauf.flach
    md = netz(befehl, "--as-of", "01.01.2000", "--format", "markdown").stdout
    assert "Vor dem 23.06.2008 gab es das Programm noch nicht." in md


@pytest.mark.parametrize("befehl", [["status"], ["missing"], ["list"], ["timeline", "--to", "1.1.2030"]])
def test_stichtag_in_der_zukunft_abgewiesen(netz: Any, befehl: list[str]) -> None:
    argumente = befehl if "--to" in befehl else [*befehl, "--as-of", "1.1.2030"]
    lauf = netz(*argumente)
    assert lauf.exit_code == 2
    flach = " ".join(lauf.flach.replace("│", " ").split())
    assert "01.01.2030 liegt in der Zukunft – ohne Hochrechnung gibt es dafür keinen Stand" in flach
    assert "27.11.2026" in flach
    assert netz(*[a if a != "1.1.2030" else "27.11.2026" for a in argumente]).exit_code == 0


def test_fusszeile_zaehlt_die_heutigen_regionen(netz: Any, tmp_path: Path) -> None:
    ziel = tmp_path / "b.html"
    assert netz("report", "--html", str(ziel)).exit_code == 0
    html = " ".join(ziel.read_text(encoding="utf-8").split())
    assert "Daten: 53 Regionen, dazu 2 frühere; 53 Verträge." in html
    assert "55 Regionen" not in html


def test_eine_schreibweise_je_region(netz: Any, tmp_path: Path) -> None:
    """Die Schreibweise des Ministeriums aus der Regionsdatei (bezeichnung) – auch auf der Karte."""
    karte = tmp_path / "k.svg"
    assert netz("map", "--svg", str(karte), "--labels", "alle").exit_code == 0
    svg = karte.read_text(encoding="utf-8")
    assert ">StädteRegion<" in svg and "Städteregion" not in svg
    liste = json.dumps(netz("list", "--format", "json").json(), ensure_ascii=False)
    assert "StädteRegion Aachen" in liste
