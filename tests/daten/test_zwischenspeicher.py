"""Der Zwischenspeicher: dieselben Ergebnisse wie ohne ihn – und er lädt nie, was nicht seins ist."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from netzwerk_cli.daten.laden import lade_datenbestand
from netzwerk_cli.daten.zwischenspeicher import VERWAIST_NACH, Zwischenspeicher, raeume_auf
from netzwerk_cli.kern.bestand import Datenbestand
from netzwerk_cli.kern.modelle import als_daten, aus_daten
from tests.conftest import DATEN

# Regionen, Verträge und programm.yaml: so viele Dateien prüft ein erster Lauf
DATEIEN = len(list((DATEN / "regionen").glob("*.yaml"))) + len(list((DATEN / "vertraege").glob("*.yaml"))) + 1

pytestmark = pytest.mark.skipif(not hasattr(os, "getuid"), reason="Besitzerprüfung nur unter POSIX")


def _lade(daten: Path, ablage: Path) -> tuple[Datenbestand, Zwischenspeicher]:
    sp = Zwischenspeicher(daten, ablage)
    b = lade_datenbestand(daten, speicher=sp)
    sp.speichere()
    return b, sp


def _gleich(a: Datenbestand, b: Datenbestand) -> None:
    assert [(d.datei, d.modell, d.zeilen) for d in a.regionen] == [
        (d.datei, d.modell, d.zeilen) for d in b.regionen
    ]
    assert [(d.datei, d.modell, d.zeilen) for d in a.vertraege] == [
        (d.datei, d.modell, d.zeilen) for d in b.vertraege
    ]
    assert a.programm == b.programm and a.probleme == b.probleme


def test_jedes_modell_kommt_unveraendert_zurueck() -> None:
    b = lade_datenbestand(DATEN)
    assert b.programm is not None
    for d in [*b.regionen, *b.vertraege, b.programm]:
        zurueck = aus_daten(type(d.modell), json.loads(json.dumps(als_daten(d.modell))))
        assert zurueck == d.modell and repr(zurueck) == repr(d.modell), d.anzeige


def test_zweiter_lauf_prueft_nichts_neu_und_liefert_dasselbe(daten: Path, tmp_path: Path) -> None:
    ohne = lade_datenbestand(daten)
    erster, sp1 = _lade(daten, tmp_path / "c")
    zweiter, sp2 = _lade(daten, tmp_path / "c")
    assert sp1.neu_gelesen == DATEIEN and sp2.neu_gelesen == 0 and sp2.treffer == DATEIEN
    _gleich(ohne, erster)
    _gleich(ohne, zweiter)


def test_geaenderter_inhalt_bei_gleicher_groesse_und_zeit(daten: Path, tmp_path: Path) -> None:
    _lade(daten, tmp_path / "c")
    f = daten / "regionen" / "05111-duesseldorf.yaml"
    st = f.stat()
    f.write_bytes(f.read_bytes().replace(b"einwohner: 619294", b"einwohner: 619295"))
    os.utime(f, ns=(st.st_atime_ns, st.st_mtime_ns))
    b, sp = _lade(daten, tmp_path / "c")
    assert sp.neu_gelesen == 1
    assert next(d for d in b.regionen if d.modell.ags == "05111").modell.einwohner == 619295


def test_kaputte_datei_bleibt_befund(daten: Path, tmp_path: Path) -> None:
    f = daten / "regionen" / "05111-duesseldorf.yaml"
    f.write_text(f.read_text(encoding="utf-8") + "einwohner: 1\n", encoding="utf-8")
    a, _ = _lade(daten, tmp_path / "c")
    b, sp = _lade(daten, tmp_path / "c")
    assert sp.treffer == DATEIEN
    assert [p.code for p in a.probleme] == [p.code for p in b.probleme] == ["NZ101"]
    assert a.probleme == b.probleme


@pytest.mark.parametrize(
    "inhalt",
    [b"", b"\x80\x81 kein JSON", b"[]", b'{"kennung": 1}', b'{"kennung": [], "dateien": []}', b"{" * 100_000],
)
def test_kaputter_speicher_wird_uebergangen(daten: Path, tmp_path: Path, inhalt: bytes) -> None:
    _, sp = _lade(daten, tmp_path / "c")
    assert sp.datei is not None
    sp.datei.write_bytes(inhalt)
    b, sp2 = _lade(daten, tmp_path / "c")
    assert sp2.neu_gelesen == DATEIEN
    _gleich(lade_datenbestand(daten), b)


def test_vergifteter_eintrag_wird_neu_geprueft(daten: Path, tmp_path: Path) -> None:
    """Ein Eintrag, der nicht zum Modell passt, ist kein Treffer (JSON kann keinen Code ausführen)."""
    _, sp = _lade(daten, tmp_path / "c")
    assert sp.datei is not None
    inhalt = json.loads(sp.datei.read_text(encoding="utf-8"))
    for eintrag in inhalt["dateien"].values():
        eintrag[3] = {"modell": {"ags": {"__class__": "os.system"}}, "zeilen": "x"}
    sp.datei.write_text(json.dumps(inhalt), encoding="utf-8")
    b, sp2 = _lade(daten, tmp_path / "c")
    assert sp2.neu_gelesen == DATEIEN
    _gleich(lade_datenbestand(daten), b)


def test_fremd_beschreibbare_datei_wird_nicht_geladen(daten: Path, tmp_path: Path) -> None:
    _, sp = _lade(daten, tmp_path / "c")
    assert sp.datei is not None
    sp.datei.chmod(0o666)
    assert Zwischenspeicher(daten, tmp_path / "c").alt == {}


def test_verknuepfung_statt_datei_wird_nicht_geladen(daten: Path, tmp_path: Path) -> None:
    _, sp = _lade(daten, tmp_path / "c")
    assert sp.datei is not None
    echt = tmp_path / "woanders.json"
    sp.datei.rename(echt)
    sp.datei.symlink_to(echt)
    assert Zwischenspeicher(daten, tmp_path / "c").alt == {}


@pytest.mark.parametrize("art", ["fremd_beschreibbar", "verknuepfung"])
def test_unsicherer_ordner_heisst_ohne_speicher(daten: Path, tmp_path: Path, art: str) -> None:
    ordner = tmp_path / "c"
    if art == "fremd_beschreibbar":
        ordner.mkdir()
        ordner.chmod(0o777)
    else:
        (tmp_path / "ziel").mkdir(mode=0o700)
        ordner.symlink_to(tmp_path / "ziel")
    b, sp = _lade(daten, ordner)
    assert sp.datei is None
    assert list((tmp_path / "ziel").iterdir() if art == "verknuepfung" else ordner.iterdir()) == []
    _gleich(lade_datenbestand(daten), b)


def test_aufraeumen_loescht_nur_eigene_alte_dateien(tmp_path: Path) -> None:
    ordner = tmp_path / "c"
    ordner.mkdir(mode=0o700)
    alt = 1_000_000_000.0
    jetzt = alt + VERWAIST_NACH + 10
    eigene = [ordner / ("netz-" + "a" * 24 + ".json"), ordner / ".netz-0123456789ab.tmp"]
    fremde = [ordner / "anderes.pickle", ordner / "netz-kurz.json", ordner / "x.tmp"]
    for f in [*eigene, *fremde]:
        f.write_text("{}")
        os.utime(f, (alt, alt))
    ziel = tmp_path / "fremd.json"
    ziel.write_text("{}")
    link = ordner / ("netz-" + "b" * 24 + ".json")
    link.symlink_to(ziel)
    os.utime(link, (alt, alt), follow_symlinks=False)
    geloescht = raeume_auf(ordner, jetzt)
    assert sorted(geloescht) == sorted(eigene)
    assert all(f.exists() for f in fremde) and ziel.exists() and link.is_symlink()


def test_dateiuebergreifende_befunde_nie_aus_dem_speicher(netz: Any, daten: Path) -> None:
    """NZ602 hängt an einer anderen Datei (quellen/…): nach ihrem Löschen sofort gemeldet."""
    assert netz("status").exit_code == 0
    (daten / "quellen" / "pressemitteilung-2010-05-06.txt").unlink()
    lauf = netz("status")
    assert lauf.exit_code == 1 and "NZ602" in lauf.stderr


def test_cli_status_nutzt_ihn_validate_nie(
    netz: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ablage = tmp_path / "eigene-ablage"
    monkeypatch.setenv("NETZ_CACHE", str(ablage))
    assert netz("validate").exit_code == 0
    assert not ablage.exists() or list(ablage.iterdir()) == []
    assert netz("status").exit_code == 0
    assert [f.name[:5] for f in ablage.iterdir()] == ["netz-"]
    monkeypatch.setenv("NETZ_CACHE", "aus")
    assert netz("status").exit_code == 0
