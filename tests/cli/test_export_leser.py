"""Jeder Leser liest dieselben Werte (Issue 22): pandas mit der odf-Engine aus der ODS-Datei wie
openpyxl aus der xlsx-Datei; Namen neben jedem AGS; deutsche Schlüssel in „Hinweise“; AGS als Text."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest


@pytest.mark.slow  # pandas zu laden kostet Sekunden je Prozess; .ci/run führt ihn aus
def test_ods_wahrheitswerte_wie_xlsx(netz: Any, tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    pytest.importorskip("odf")
    openpyxl = pytest.importorskip("openpyxl")
    assert netz("export", str(tmp_path / "s.ods")).exit_code == 0
    assert netz("export", str(tmp_path / "s.xlsx")).exit_code == 0
    ods = pd.read_excel(tmp_path / "s.ods", engine="odf", sheet_name=None, dtype=object)
    mappe = openpyxl.load_workbook(tmp_path / "s.xlsx", read_only=True)
    assert set(ods) == set(mappe.sheetnames)
    for blatt in mappe.sheetnames:
        zeilen = list(mappe[blatt].iter_rows(values_only=True))
        kopf, werte = list(zeilen[0]), zeilen[1:]
        df = ods[blatt]
        assert list(df.columns) == kopf, blatt
        for spalte_nr, name in enumerate(kopf):
            xlsx_spalte = [z[spalte_nr] for z in werte]
            if any(isinstance(w, bool) for w in xlsx_spalte):
                ods_spalte = [None if pd.isna(w) else bool(w) for w in df[name]]
                assert ods_spalte == xlsx_spalte, (blatt, name)
    pruef = ods["Prüfpunkte"]
    geprueft = next(c for c in pruef.columns if c.startswith("Geprüft"))
    # vorher las pandas alle 22 als False (xlsx: 20 wahr, 2 falsch)
    assert sum(bool(w) for w in pruef[geprueft]) == 20


def test_namen_neben_jedem_ags_und_ags_als_text(netz: Any, tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    assert netz("export", str(tmp_path / "s.xlsx")).exit_code == 0
    mappe = openpyxl.load_workbook(tmp_path / "s.xlsx", read_only=True)
    for blatt in mappe.sheetnames:
        zeilen = list(mappe[blatt].iter_rows(values_only=True))
        kopf = list(zeilen[0])
        for nr, name in enumerate(kopf):
            if name and "AGS" in str(name):
                assert any(k in ("Region", "Name", "Bezeichnung") for k in kopf), (blatt, kopf)
                assert all(z[nr] is None or isinstance(z[nr], str) for z in zeilen[1:]), (blatt, name)
    vertraege = list(mappe["Verträge"].iter_rows(values_only=True))
    kopf = list(vertraege[0])
    muenster = [z for z in vertraege[1:] if z[kopf.index("AGS der Region")] == "05515"]
    assert {z[kopf.index("Region")] for z in muenster} == {"Stadt Münster"}


def test_hinweise_auf_deutsch_mit_lizenz(netz: Any, tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    assert netz("export", str(tmp_path / "s.xlsx")).exit_code == 0
    zeilen = list(
        openpyxl.load_workbook(tmp_path / "s.xlsx", read_only=True)["Hinweise"].iter_rows(values_only=True)
    )
    schluessel = [z[1] for z in zeilen[1:]]
    assert "Stichtag" in schluessel and "sicher und möglich" in schluessel
    assert not [k for k in schluessel if "_" in k], schluessel
    werte = dict((z[1], z[2]) for z in zeilen[1:])
    assert werte["Stichtag"] == "27.11.2026"
    assert "CC0 1.0" in werte["Lizenz"] and "Datenlizenz Deutschland – Namensnennung 2.0" in werte["Lizenz"]


def test_excel_csv_eine_schreibweise_fuer_tage(netz: Any, tmp_path: Path) -> None:
    import csv
    import io
    import re

    assert netz("export", str(tmp_path / "ex"), "--format", "csv", "--excel").exit_code == 0
    text = (tmp_path / "ex" / "vertraege.csv").read_text(encoding="utf-8-sig")
    zeilen = list(csv.reader(io.StringIO(text), delimiter=";"))
    kopf = zeilen[0]
    bonn = next(z for z in zeilen if z[0].startswith("05314-"))
    # vorher „spätestens 2010-05-06“ neben „06.05.2010“
    assert bonn[kopf.index("Unterzeichnet")] == "spätestens 06.05.2010"
    for z in zeilen[1:]:
        for name in ("Unterzeichnet", "Beginn", "Endet"):
            assert not re.search(r"\d{4}-\d{2}", z[kopf.index(name)]), (z[0], name)
    # Quellen behalten ihre Dateinamen (pressemitteilung-2010-05-06)
    assert "pressemitteilung-2010-05-06" in text
