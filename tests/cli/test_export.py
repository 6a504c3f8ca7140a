"""netz export: jedes Format zurückgelesen – Typen, Schlüssel, Zeilen, Umlaute, feindliche Werte,
und wie netz mit vorhandenen und unschreibbaren Zielen umgeht."""

from __future__ import annotations

import csv
import io
import os
import shutil
import sqlite3
import subprocess
import sys
import unicodedata
import zipfile
from datetime import date, datetime
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest

from netzwerk_cli.daten import ausgabe
from netzwerk_cli.daten.laden import lade_datenbestand
from netzwerk_cli.kern.fehler import Exit
from netzwerk_cli.kern.tabellen import Datensatz, datensatz
from netzwerk_cli.pruefen.pruefpunkte import pruefpunkte
from tests.cli.test_feindliche_ausgabe import feindlich  # noqa: F401 - Fixture
from tests.conftest import DATEN, HEUTE
from tests.gitrepo import einchecken, ohne_globale_konfiguration, repo_anlegen

TABELLEN = (
    "hinweise",
    "regionen",
    "vertraege",
    "ereignisse",
    "bildungskonferenzen",
    "pruefpunkte",
    "abdeckung",
)
BLAETTER = (
    "Hinweise",
    "Regionen",
    "Verträge",
    "Ereignisse",
    "Bildungskonferenzen",
    "Prüfpunkte",
    "Abdeckung",
)
BONN = "05314-bonn-bis-2010-05-06"  # unterzeichnet „spätestens 2010-05-06“


def _datensatz(stichtag: str = HEUTE) -> Datensatz:
    b = lade_datenbestand(DATEN)
    tag = date.fromisoformat(stichtag)
    return datensatz(b, tag, date.fromisoformat(HEUTE), "Arbeitsbaum", pruefpunkte(b, tag))


def _unsichtbar(text: str) -> list[str]:
    return [z for z in text if z != "\n" and unicodedata.category(z) in ("Cc", "Cf", "Zl", "Zp")]


# --- xlsx --------------------------------------------------------------------------------


def test_xlsx_typen_datum_kopfzeile(netz: Any, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    ziel = tmp_path / "netz.xlsx"
    lauf = netz("export", str(ziel))  # Format aus der Endung
    assert lauf.exit_code == 0, lauf.stderr
    assert "Geschrieben:" in lauf.flach and "7 Tabellen" in lauf.flach
    wb = load_workbook(ziel)
    assert tuple(wb.sheetnames) == BLAETTER
    ds = _datensatz()
    for t, name in zip(ds.tabellen, BLAETTER, strict=True):
        ws = wb[name]
        assert ws.freeze_panes == "A2"
        assert ws.max_row == len(t.zeilen) + 1
        assert ws.auto_filter.ref == f"A1:{ws.cell(1, len(t.spalten)).column_letter}{len(t.zeilen) + 1}"
        assert [c.value for c in ws[1]] == [s.titel for s in t.spalten]
        assert all(c.font.bold for c in ws[1])
    ws = wb["Regionen"]
    kopf = [c.value for c in ws[1]]
    zeilen = {r[0].value: r for r in ws.iter_rows(min_row=2)}
    muenster = zeilen["05515"]
    assert muenster[kopf.index("Name")].value == "Münster"
    assert isinstance(muenster[kopf.index("Einwohner")].value, int)
    assert muenster[kopf.index("Einwohner")].number_format == "#,##0"
    stand = muenster[kopf.index("Stand der Statistik")]
    assert stand.value == datetime(2018, 12, 31) and stand.number_format == "DD.MM.YYYY"
    assert zeilen["05111"][0].data_type == "s"  # AGS bleibt Text mit führender Null
    assert ws.column_dimensions["C"].width > ws.column_dimensions["A"].width
    # ungenau bleibt ungenau: Schreibweise, kein früher Tag, spätester Tag
    ws = wb["Verträge"]
    kopf = [c.value for c in ws[1]]
    bonn = next(r for r in ws.iter_rows(min_row=2) if r[0].value == BONN)
    assert bonn[kopf.index("Unterzeichnet")].value == "spätestens 2010-05-06"
    assert bonn[kopf.index("Unterzeichnet frühestens")].value is None
    assert bonn[kopf.index("Unterzeichnet spätestens")].value == datetime(2010, 5, 6)
    ws = wb["Prüfpunkte"]
    kopf = [c.value for c in ws[1]]
    assert {r[kopf.index("Geprüft")].value for r in ws.iter_rows(min_row=2)} == {True, False}
    ws = wb["Abdeckung"]
    assert ws.cell(2, 5).number_format == "0.0%"
    assert wb.properties.creator == "netz"


def test_xlsx_feindliche_werte_bleiben_text(netz: Any, feindlich: Path, tmp_path: Path) -> None:  # noqa: F811
    from openpyxl import load_workbook

    ziel = tmp_path / "f.xlsx"
    assert netz("export", str(ziel)).exit_code == 0
    wb = load_workbook(ziel)
    zellen = [c for ws in wb for zeile in ws.iter_rows() for c in zeile if c.value is not None]
    formeln = [c for c in zellen if isinstance(c.value, str) and c.value.startswith("=")]
    assert formeln, "der feindliche Wert fehlt im Export"
    for c in formeln:
        assert c.data_type == "s" and c.quotePrefix, c.coordinate
    # im XML steht keine einzige Formel
    with zipfile.ZipFile(ziel) as z:
        assert not any(b"<f>" in z.read(n) for n in z.namelist() if n.startswith("xl/worksheets/"))
    assert not [c for c in zellen if isinstance(c.value, str) and _unsichtbar(c.value)]


# --- ods ---------------------------------------------------------------------------------

_ODF = {
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
}


def _ods_blaetter(ziel: Path) -> dict[str, list[list[ElementTree.Element]]]:
    with zipfile.ZipFile(ziel) as z:
        erste = z.infolist()[0]
        assert erste.filename == "mimetype" and erste.compress_type == zipfile.ZIP_STORED
        assert z.read("mimetype") == b"application/vnd.oasis.opendocument.spreadsheet"
        for teil in ("content.xml", "styles.xml", "meta.xml", "settings.xml", "META-INF/manifest.xml"):
            ElementTree.fromstring(z.read(teil))  # wohlgeformt
        inhalt = ElementTree.fromstring(z.read("content.xml"))
    t = "{" + _ODF["table"] + "}"
    return {
        blatt.get(f"{t}name", ""): [
            list(zeile.iter(f"{t}table-cell")) for zeile in blatt.iter(f"{t}table-row")
        ]
        for blatt in inhalt.iter(f"{t}table")
    }


def test_ods_typen_und_zuruecklesen(netz: Any, tmp_path: Path) -> None:
    ziel = tmp_path / "netz.ods"
    assert netz("export", str(ziel), "--format", "ods").exit_code == 0
    blaetter = _ods_blaetter(ziel)
    assert tuple(blaetter) == BLAETTER
    ds = _datensatz()
    for t, name in zip(ds.tabellen, BLAETTER, strict=True):
        assert len(blaetter[name]) == len(t.zeilen) + 1
    o = "{" + _ODF["office"] + "}"
    regionen = blaetter["Regionen"]
    muenster = next(z for z in regionen if "".join(z[0].itertext()) == "05515")
    assert "".join(muenster[1].itertext()) == "Münster"
    assert muenster[6].get(f"{o}value-type") == "float"
    assert muenster[8].get(f"{o}value-type") == "date"
    assert muenster[8].get(f"{o}date-value") == "2018-12-31"
    assert "".join(muenster[8].itertext()) == "31.12.2018"
    pruef = blaetter["Prüfpunkte"]
    assert {z[10].get(f"{o}value-type") for z in pruef[1:]} >= {"boolean"}
    # fixierte Kopfzeile je Blatt, wie LibreOffice sie in settings.xml liest
    with zipfile.ZipFile(ziel) as z:
        einstellungen = ElementTree.fromstring(z.read("settings.xml"))
    c = "{urn:oasis:names:tc:opendocument:xmlns:config:1.0}"
    tabellen = next(
        e for e in einstellungen.iter(f"{c}config-item-map-named") if e.get(f"{c}name") == "Tables"
    )
    for eintrag in tabellen:
        werte = {i.get(f"{c}name"): i.text for i in eintrag}
        assert (werte["VerticalSplitMode"], werte["VerticalSplitPosition"]) == ("2", "1")
    assert [e.get(f"{c}name") for e in tabellen] == list(BLAETTER)


@pytest.mark.slow  # LibreOffice startet Sekunden lang; .ci/run installiert es und führt den Test aus
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice ist nicht installiert")
def test_ods_und_xlsx_oeffnen_in_libreoffice(netz: Any, tmp_path: Path) -> None:
    for endung in ("ods", "xlsx"):
        ziel = tmp_path / f"netz.{endung}"
        assert netz("export", str(ziel)).exit_code == 0
        aus = tmp_path / f"aus-{endung}"
        subprocess.run(
            [
                "soffice",
                "--headless",
                f"-env:UserInstallation=file://{tmp_path}/lo-profil",
                "--convert-to",
                # alle Blätter, UTF-8 (76), als angezeigt (formatierte Zahlen und Tage)
                "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1",
                "--outdir",
                str(aus),
                str(ziel),
            ],
            check=True,
            capture_output=True,
            timeout=300,
            # Die Blätter heißen „Verträge“: mit LANG=C schriebe LibreOffice den Dateinamen nicht
            # als UTF-8 – eine Frage der Umgebung des Tests, nicht der Datei von netz.
            env={**os.environ, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"},
        )
        regionen = (aus / "netz-Regionen.csv").read_text(encoding="utf-8")
        assert "05515,Münster,Stadt Münster" in regionen
        assert ",31.12.2018," in regionen  # ein Tag, angezeigt als TT.MM.JJJJ
        assert len((aus / "netz-Verträge.csv").read_text(encoding="utf-8").splitlines()) > 53


# --- csv ---------------------------------------------------------------------------------


def test_csv_ordner_utf8(netz: Any, tmp_path: Path) -> None:
    ziel = tmp_path / "csv"
    assert netz("export", str(ziel), "--format", "csv").exit_code == 0
    assert sorted(p.name for p in ziel.iterdir()) == sorted([*(f"{t}.csv" for t in TABELLEN), ausgabe.MARKE])
    roh = (ziel / "regionen.csv").read_bytes()
    assert not roh.startswith(b"\xef\xbb\xbf")
    zeilen = list(csv.DictReader(io.StringIO(roh.decode("utf-8"))))
    assert len(zeilen) == 55  # jede Regionsdatei, auch Kreis und Stadt Aachen (bis 2009)
    muenster = next(z for z in zeilen if z["ags"] == "05515")
    assert muenster["name"] == "Münster"
    assert muenster["statistik_stand"] == "2018-12-31"
    assert muenster["flaeche_km2"] == "303.28"
    vertraege = list(csv.DictReader(io.StringIO((ziel / "vertraege.csv").read_text(encoding="utf-8"))))
    bonn = next(z for z in vertraege if z["id"] == BONN)
    assert (bonn["unterzeichnet"], bonn["unterzeichnet_frueh"], bonn["unterzeichnet_spaet"]) == (
        "spätestens 2010-05-06",
        "",
        "2010-05-06",
    )


def test_csv_fuer_excel(netz: Any, tmp_path: Path) -> None:
    ziel = tmp_path / "excel"
    assert netz("export", str(ziel), "--format", "csv", "--excel").exit_code == 0
    roh = (ziel / "regionen.csv").read_bytes()
    assert roh.startswith(b"\xef\xbb\xbf")  # BOM: Excel liest UTF-8
    text = roh.decode("utf-8-sig")
    zeilen = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert zeilen[0][:3] == ["AGS", "Name", "Bezeichnung"]  # deutsche Titel
    muenster = next(z for z in zeilen if z[0] == "05515")
    assert muenster[1] == "Münster"
    assert muenster[7] == "303,28"  # Dezimalkomma
    assert muenster[8] == "31.12.2018"
    pruef = list(csv.reader(io.StringIO((ziel / "pruefpunkte.csv").read_text("utf-8-sig")), delimiter=";"))
    assert {z[9] for z in pruef[1:]} == {"WAHR", "FALSCH"}


def test_csv_feindliche_werte_ohne_formel(netz: Any, feindlich: Path, tmp_path: Path) -> None:  # noqa: F811
    for schalter in ([], ["--excel"]):
        ziel = tmp_path / f"f{len(schalter)}"
        assert netz("export", str(ziel), "--format", "csv", *schalter).exit_code == 0
        zellen = []
        for datei in ziel.glob("*.csv"):
            text = datei.read_text(encoding="utf-8-sig")
            assert not _unsichtbar(text.replace("\r\n", "\n"))
            zellen += [
                z
                for zeile in csv.reader(io.StringIO(text), delimiter=";" if schalter else ",")
                for z in zeile
            ]
        assert not [z for z in zellen if z.lstrip(" ").startswith(("=", "+", "-", "@", "\t", "\r"))]
        assert any(z.startswith("'=HYPERLINK") for z in zellen)


# --- sqlite ------------------------------------------------------------------------------


def test_sqlite_schema_schluessel_zeilen(netz: Any, tmp_path: Path) -> None:
    ziel = tmp_path / "netz.sqlite"
    assert netz("export", str(ziel)).exit_code == 0
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".netz-")]  # nichts liegen geblieben
    con = sqlite3.connect(ziel)
    ds = _datensatz()
    namen = [n for (n,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY rowid")]
    assert tuple(namen) == TABELLEN
    for t in ds.tabellen:
        assert con.execute(f'SELECT count(*) FROM "{t.name}"').fetchone()[0] == len(t.zeilen)
        info = con.execute(f'PRAGMA table_info("{t.name}")').fetchall()
        assert [i[1] for i in info] == [s.name for s in t.spalten]
        assert tuple(i[1] for i in sorted(info, key=lambda i: i[5]) if i[5]) == t.schluessel
    fk = {(t, r[3], r[2], r[4]) for t in TABELLEN for r in con.execute(f'PRAGMA foreign_key_list("{t}")')}
    assert ("vertraege", "region", "regionen", "ags") in fk
    assert ("ereignisse", "vertrag", "vertraege", "id") in fk
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    typ = dict(con.execute("SELECT typeof(einwohner), typeof(flaeche_km2) FROM regionen LIMIT 1").fetchall())
    assert typ == {"integer": "real"}
    assert con.execute("SELECT name FROM regionen WHERE ags = '05515'").fetchone() == ("Münster",)
    assert con.execute(
        "SELECT unterzeichnet, unterzeichnet_frueh, unterzeichnet_spaet FROM vertraege WHERE id = ?", (BONN,)
    ).fetchone() == ("spätestens 2010-05-06", None, "2010-05-06")
    # ein zweiter Export ersetzt die eigene Datenbank ohne --force
    assert netz("export", str(ziel)).exit_code == 0


# --- datapackage -------------------------------------------------------------------------


def _frictionless(ordner: Path) -> subprocess.CompletedProcess[str]:
    programm = Path(sys.executable).parent / "frictionless"
    return subprocess.run(
        [str(programm), "validate", "datapackage.json"],
        cwd=ordner,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "COLUMNS": "200"},
    )


@pytest.mark.slow  # frictionless startet als eigener Prozess mit vielen Importen; .ci/run führt ihn aus
def test_datapackage_besteht_frictionless_validate(netz: Any, tmp_path: Path) -> None:
    import json

    ziel = tmp_path / "paket"
    assert netz("export", str(ziel), "--format", "datapackage").exit_code == 0
    paket = json.loads((ziel / "datapackage.json").read_text(encoding="utf-8"))
    assert [r["name"] for r in paket["resources"]] == list(TABELLEN)
    regionen = next(r for r in paket["resources"] if r["name"] == "regionen")
    assert regionen["licenses"][0]["name"] == "DL-DE-BY-2.0"
    assert regionen["schema"]["primaryKey"] == ["ags"]
    vertraege = next(r for r in paket["resources"] if r["name"] == "vertraege")
    assert {"fields": ["region"], "reference": {"resource": "regionen", "fields": ["ags"]}} in vertraege[
        "schema"
    ]["foreignKeys"]
    assert any("Destatis" in q["title"] for q in paket["sources"])
    lauf = _frictionless(ziel)
    assert lauf.returncode == 0, lauf.stdout + lauf.stderr
    # die Prüfung greift wirklich: ein Vertrag einer unbekannten Region fällt auf
    p = ziel / "vertraege.csv"
    p.write_text(p.read_text(encoding="utf-8").replace(",05111,", ",05999,", 1), encoding="utf-8")
    assert _frictionless(ziel).returncode != 0


# --- Stichtag und Revision -------------------------------------------------------------------


def test_as_of_stand_und_abdeckung_am_stichtag(netz: Any, tmp_path: Path) -> None:
    ziel = tmp_path / "2010"
    assert netz("export", str(ziel), "--format", "csv", "--as-of", "06.05.2010").exit_code == 0
    regionen = list(csv.DictReader(io.StringIO((ziel / "regionen.csv").read_text(encoding="utf-8"))))
    assert sum(z["stand"] == "mit" for z in regionen) == 43  # Pressemitteilung vom 6. Mai 2010
    abdeckung = list(csv.DictReader(io.StringIO((ziel / "abdeckung.csv").read_text(encoding="utf-8"))))
    assert max(z["tag"] for z in abdeckung) <= "2010-05-06"
    assert abdeckung[-1]["sicher"] == "43"
    hinweise = (ziel / "hinweise.csv").read_text(encoding="utf-8")
    assert "Stichtag,06.05.2010" in hinweise


def test_rev_liest_aus_git(netz: Any, daten: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ohne_globale_konfiguration(monkeypatch, daten.parent)
    repo_anlegen(daten.parent)
    (daten / "regionen" / "05515-muenster.yaml").unlink()
    for v in (daten / "vertraege").glob("05515-*"):
        v.unlink()
    einchecken(daten.parent, "ohne Münster")
    ziel = tmp_path / "alt.sqlite"
    lauf = netz("export", str(ziel), "--rev", "HEAD~1")
    assert lauf.exit_code == 0, lauf.stderr
    con = sqlite3.connect(ziel)
    assert con.execute("SELECT count(*) FROM regionen").fetchone() == (55,)
    assert con.execute("SELECT wert FROM hinweise WHERE schluessel = 'Herkunft'").fetchone() == (
        "git-Revision HEAD~1",
    )


# --- Ziele: vorhanden, fremd, unschreibbar ---------------------------------------------------


def test_fremde_datei_nur_mit_force(netz: Any, tmp_path: Path) -> None:
    ziel = tmp_path / "wichtig.xlsx"
    ziel.write_bytes(b"nicht von netz")
    lauf = netz("export", str(ziel))
    assert lauf.exit_code == Exit.DATEN
    assert "stammt nicht von netz export" in lauf.flach and "--force" in lauf.flach
    assert ziel.read_bytes() == b"nicht von netz"
    assert netz("export", str(ziel), "--force").exit_code == 0
    assert zipfile.is_zipfile(ziel)
    assert netz("export", str(ziel)).exit_code == 0  # jetzt die eigene: ohne --force


def test_fremder_ordner_nur_mit_force(netz: Any, tmp_path: Path) -> None:
    ziel = tmp_path / "ordner"
    ziel.mkdir()
    (ziel / "notizen.txt").write_text("meins", encoding="utf-8")
    lauf = netz("export", str(ziel), "--format", "csv")
    assert lauf.exit_code == Exit.DATEN and "stammt nicht von netz export" in lauf.flach
    assert (ziel / "notizen.txt").read_text(encoding="utf-8") == "meins"
    assert netz("export", str(ziel), "--format", "csv", "--force").exit_code == 0
    assert not (ziel / "notizen.txt").exists()
    # der eigene Ordner wird ohne --force ersetzt, auch in ein anderes Format
    assert netz("export", str(ziel), "--format", "datapackage").exit_code == 0
    assert (ziel / "datapackage.json").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".netz-")]


def test_verknuepfung_wird_nicht_verfolgt(netz: Any, tmp_path: Path) -> None:
    echt = tmp_path / "echt.xlsx"
    echt.write_bytes(b"fremd")
    (tmp_path / "link.xlsx").symlink_to(echt)
    lauf = netz("export", str(tmp_path / "link.xlsx"))
    assert lauf.exit_code == Exit.DATEN and "Verknüpfung" in lauf.flach
    assert netz("export", str(tmp_path / "link.xlsx"), "--force").exit_code == 0
    assert echt.read_bytes() == b"fremd"  # ersetzt wurde die Verknüpfung, nicht ihr Ziel
    assert not (tmp_path / "link.xlsx").is_symlink()


@pytest.mark.parametrize("format", ["xlsx", "csv", "sqlite"])
def test_unschreibbares_ziel(netz: Any, tmp_path: Path, format: str) -> None:
    (tmp_path / "datei").write_text("x", encoding="utf-8")
    ziel = tmp_path / "datei" / "export"  # ein Teil des Pfads ist kein Ordner
    lauf = netz("export", str(ziel), "--format", format)
    assert lauf.exit_code == Exit.UMGEBUNG
    assert "lässt sich nicht schreiben" in lauf.flach and "kein Ordner" in lauf.flach
    assert "Traceback" not in lauf.flach and "interner Fehler" not in lauf.flach


def test_voller_datentraeger_laesst_nichts_halbes(
    netz: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ziel = tmp_path / "csv"
    assert netz("export", str(ziel), "--format", "csv").exit_code == 0
    vorher = {p.name: p.read_bytes() for p in ziel.iterdir()}
    echt = ausgabe._datei_anlegen
    zahl = {"n": 0}

    def voll(pfad: Path, inhalt: bytes) -> None:
        zahl["n"] += 1
        if zahl["n"] == 3:
            raise OSError(28, "No space left on device", str(pfad))
        echt(pfad, inhalt)

    monkeypatch.setattr(ausgabe, "_datei_anlegen", voll)
    lauf = netz("export", str(ziel), "--format", "csv", "--as-of", "2010-05-06")
    assert lauf.exit_code == Exit.UMGEBUNG
    assert "kein Platz mehr auf dem Datenträger" in lauf.flach
    assert {p.name: p.read_bytes() for p in ziel.iterdir()} == vorher  # das alte Ziel, unberührt
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".netz-")]


# --- Aufruf ----------------------------------------------------------------------------------


def test_format_nicht_erkennbar_und_excel_nur_fuer_csv(netz: Any, tmp_path: Path) -> None:
    tmp_path = tmp_path / "aus"
    tmp_path.mkdir()
    lauf = netz("export", str(tmp_path / "netz.txt"))
    assert lauf.exit_code == Exit.AUFRUF and "--format" in lauf.flach
    lauf = netz("export", str(tmp_path / "netz.xlsx"), "--excel")
    assert lauf.exit_code == Exit.AUFRUF and "--excel gilt nur für --format csv" in lauf.flach
    lauf = netz("export", str(tmp_path / "x"), "--format", "xls")
    assert lauf.exit_code == Exit.AUFRUF and "xlsx" in lauf.flach
    assert not list(tmp_path.iterdir())


def test_hilfe_nennt_formate_und_excel(netz: Any) -> None:
    hilfe = netz("export", "--help").flach
    for f in ("xlsx", "ods", "csv", "sqlite", "datapackage", "BOM", "Semikolon", "Dezimalkomma", "--force"):
        assert f in hilfe


def test_sigterm_beim_schreiben_laesst_nichts_liegen(
    netz: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import signal

    ziel = tmp_path / "csv"
    assert netz("export", str(ziel), "--format", "csv").exit_code == 0
    vorher = {p.name: p.read_bytes() for p in ziel.iterdir()}
    echt = ausgabe._datei_anlegen

    def beenden(pfad: Path, inhalt: bytes) -> None:
        echt(pfad, inhalt)
        os.kill(os.getpid(), signal.SIGTERM)

    monkeypatch.setattr(ausgabe, "_datei_anlegen", beenden)
    lauf = netz("export", str(ziel), "--format", "csv", "--as-of", "2010-05-06")
    assert lauf.exit_code == Exit.BEENDET
    assert {p.name: p.read_bytes() for p in ziel.iterdir()} == vorher
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".netz-")]


def test_force_loescht_keine_ordnerbaeume(netz: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ablage = tmp_path / "ablage"
    (ablage / "2025").mkdir(parents=True)
    (ablage / "brief.txt").write_text("wichtig", encoding="utf-8")
    lauf = netz("export", str(ablage), "--format", "csv", "--force")
    assert lauf.exit_code == Exit.DATEN and "Unterordner (2025)" in lauf.flach
    assert (ablage / "brief.txt").exists()
    monkeypatch.chdir(ablage / "2025")
    for ziel in (".", ".."):
        lauf = netz("export", ziel, "--format", "csv", "--force")
        assert lauf.exit_code == Exit.DATEN, ziel
        assert "Arbeitsverzeichnis" in lauf.flach or "Unterordner" in lauf.flach
    assert (ablage / "brief.txt").exists() and (ablage / "2025").is_dir()


def test_quelle_als_objekt_in_jeder_tabelle(netz: Any, daten: Path, tmp_path: Path) -> None:
    """Quellenobjekte (url, zitat) stehen in den Tabellen als ihre Adresse – openpyxl nahm das
    Objekt vorher nicht an (interner Fehler)."""
    p = daten / "programm.yaml"
    alt = "    quelle: https://sigrid-beer.de/pressearchiv-bis-052022/archiv/expand/312888/nc/1/dn/1\n"
    text = p.read_text(encoding="utf-8")
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
    ziel = tmp_path / "netz.xlsx"
    r = netz("export", str(ziel))
    assert r.exit_code == 0, r.stderr
    import openpyxl

    werte = [c.value for b in openpyxl.load_workbook(ziel).worksheets for z in b.iter_rows() for c in z]
    assert any(
        v == "https://sigrid-beer.de/pressearchiv-bis-052022/archiv/expand/312888/nc/1/dn/1" for v in werte
    )
