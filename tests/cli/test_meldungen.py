"""Meldungen, die den Fehler beheben, Teildaten und Ausgaben, die nicht irreführen (Issue 12)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from netzwerk_cli.kern.zeitreihe import Tempo
from netzwerk_cli.render.bausteine import tempo_zeile

DUESSELDORF = "regionen/05111-duesseldorf.yaml"
VERTRAG_DUESSELDORF = "vertraege/05111-duesseldorf-2009-08-24.yaml"


def _befunde(netz: Any) -> list[dict[str, Any]]:
    return netz("validate", "--format", "json").json()["probleme"]  # type: ignore[no-any-return]


def test_doppelpunkt_im_text_zeigt_berichtigte_zeile(netz: Any, daten: Path) -> None:
    f = daten / VERTRAG_DUESSELDORF
    f.write_text(f.read_text(encoding="utf-8") + "bemerkung: Achtung: laut Presse\n", encoding="utf-8")
    (p,) = _befunde(netz)
    assert p["code"] == "NZ105" and p["spalte"] == 19
    assert "Text in Anführungszeichen setzen" in p["meldung"]
    assert p["hinweis"].endswith(':  bemerkung: "Achtung: laut Presse"')
    # im Text steht die berichtigte Zeile allein und ungebrochen, zum Kopieren
    assert '      bemerkung: "Achtung: laut Presse"' in netz("validate").stdout.splitlines()


def test_art_no_zitiert_das_geschriebene(netz: Any, daten: Path) -> None:
    f = daten / DUESSELDORF
    f.write_text(f.read_text(encoding="utf-8").replace("art: kreisfreie Stadt", "art: no"), encoding="utf-8")
    (p,) = _befunde(netz)
    assert p["meldung"] == "„art“: „no“ ist nicht erlaubt"


@pytest.mark.parametrize(
    ("wert", "teil", "hinweis"),
    [
        ("05111", "als Oktalzahl (= 2633)", "'05111'"),
        ("5111", "als Zahl, die führende Null fehlt", "'05111'"),
    ],
)
def test_ags_ohne_anfuehrungszeichen(netz: Any, daten: Path, wert: str, teil: str, hinweis: str) -> None:
    f = daten / DUESSELDORF
    f.write_text(f.read_text(encoding="utf-8").replace('ags: "05111"', f"ags: {wert}"), encoding="utf-8")
    (p,) = _befunde(netz)
    assert (p["code"], p["zeile"]) == ("NZ203", 2)
    assert p["meldung"].startswith("„ags“: Schlüssel ohne Anführungszeichen – ") and teil in p["meldung"]
    assert p["hinweis"] == f"Bitte in Anführungszeichen schreiben: {hinweis}"


def test_ags_ohne_oktalziffern_wird_ebenso_abgewiesen_und_repariert(netz: Any, daten: Path) -> None:
    f = daten / "regionen" / "05958-hochsauerlandkreis.yaml"
    f.write_text(f.read_text(encoding="utf-8").replace('ags: "05958"', "ags: 05958"), encoding="utf-8")
    (p,) = _befunde(netz)
    assert p["code"] == "NZ203" and "Schlüssel ohne Anführungszeichen" in p["meldung"]
    assert netz("validate", "--fix").exit_code == 0
    assert 'ags: "05958"' in f.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("kodierung", "name"),
    [
        ("utf-16", "UTF-16 (im Windows-Editor „Unicode“)"),
        ("utf-16-le", "UTF-16 (im Windows-Editor „Unicode“, ohne BOM)"),
        ("utf-16-be", "UTF-16 (im Windows-Editor „Unicode Big Endian“, ohne BOM)"),
        ("utf-32", "UTF-32"),
        ("cp1252", "Windows-1252 (ANSI)"),
    ],
)
def test_kodierung_beim_namen_ohne_null_bytes(netz: Any, daten: Path, kodierung: str, name: str) -> None:
    f = daten / DUESSELDORF
    f.write_bytes(f.read_text(encoding="utf-8").encode(kodierung))
    (p,) = _befunde(netz)
    assert p["code"] == "NZ103" and name in p["meldung"]
    lauf = netz("validate")
    assert "\x00" not in lauf.stdout + lauf.stderr and "\\x00" not in lauf.stdout
    assert "nicht ANSI" not in lauf.stdout


def test_kopie_ein_befund_mit_befehl(netz: Any, daten: Path, monkeypatch: Any) -> None:
    monkeypatch.chdir(daten.parent)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(daten.parent.parent))
    (daten / "vertraege" / "05111-duesseldorf-2009-08-24 (Kopie).yaml").write_bytes(
        (daten / VERTRAG_DUESSELDORF).read_bytes()
    )
    befunde = _befunde(netz)
    assert [p["code"] for p in befunde] == ["NZ401"]  # kein „gleichzeitig in Kraft“ dazu
    # nicht in git (tmp_path): „rm“, nicht „git rm“; und welche Datei bleibt
    assert befunde[0]["hinweis"].endswith(":  rm 'data/vertraege/05111-duesseldorf-2009-08-24 (Kopie).yaml'")
    assert "data/vertraege/05111-duesseldorf-2009-08-24.yaml? Jene Datei behalten" in befunde[0]["hinweis"]


def test_falscher_name_mv_relativ_und_zitiert(netz: Any, daten: Path, monkeypatch: Any) -> None:
    monkeypatch.chdir(daten.parent)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(daten.parent.parent))
    (daten / VERTRAG_DUESSELDORF).rename(daten / "vertraege" / "05111-duesseldorf (alt).yaml")
    (p,) = _befunde(netz)
    # nicht in git: „git mv“ schlüge fehl („not under version control“); git mv nur für erfasste
    # Dateien (tests/pruefen/test_hinweise.py)
    assert p["hinweis"] == (
        "Datei umbenennen (oder „netz validate --fix“):  mv 'data/vertraege/05111-duesseldorf (alt).yaml' "
        "'data/vertraege/05111-duesseldorf-2009-08-24.yaml'"
    )


def test_zwei_adressen_verschmolzen(netz: Any, daten: Path) -> None:
    f = daten / VERTRAG_DUESSELDORF
    text = f.read_text(encoding="utf-8").replace("  - https://achtungkind.de", "   https://achtungkind.de")
    f.write_text(text, encoding="utf-8")
    (p,) = _befunde(netz)
    assert (p["code"], p["zeile"]) == ("NZ602", 7)  # die Zeile des Eintrags, nicht „quellen:“
    assert p["meldung"].startswith("2 Webadressen zu einer zusammengefügt")
    assert "Zeile 8 ist wohl zu weit eingerückt" in p["hinweis"]


def test_kaputte_region_einmal_genannt(netz: Any, daten: Path) -> None:
    f = daten / DUESSELDORF
    f.write_text(f.read_text(encoding="utf-8") + "ags: [\n", encoding="utf-8")
    assert [(p["code"], Path(p["datei"]).name) for p in _befunde(netz)] == [
        ("NZ105", "05111-duesseldorf.yaml")
    ]


# --- Teildaten -------------------------------------------------------------


def _kaputt(daten: Path) -> None:
    f = daten / VERTRAG_DUESSELDORF
    f.write_text(f.read_text(encoding="utf-8") + "bemerkung: a: b\n", encoding="utf-8")


def test_show_andere_region_mit_warnung(netz: Any, daten: Path) -> None:
    _kaputt(daten)
    lauf = netz("show", "köln")
    assert lauf.exit_code == 0
    assert lauf.stdout.startswith("Stadt Köln (05315)")
    assert "Warnung: 1 Datei mit Fehlern" in lauf.flach and "05111-duesseldorf-2009-08-24.yaml" in lauf.stderr


def test_show_der_kaputten_region_weist_ab(netz: Any, daten: Path) -> None:
    _kaputt(daten)
    lauf = netz("show", "düsseldorf")
    assert lauf.exit_code == 1
    assert "Die Dateien von Stadt Düsseldorf enthalten 1 Fehler" in lauf.flach


def test_show_region_mit_kaputter_datei(netz: Any, daten: Path) -> None:
    f = daten / DUESSELDORF
    f.write_text(f.read_text(encoding="utf-8") + "ags: [\n", encoding="utf-8")
    lauf = netz("show", "Düsseldorf")
    assert lauf.exit_code == 1
    assert "Die Datei der Region" in lauf.flach and "unbekannt" not in lauf.flach
    assert "unbekannt" in netz("show", "Atlantis").flach


@pytest.mark.parametrize("befehl", ["status", "missing", "list", "report", "map", "timeline"])
def test_sammelbefehle_weisen_ab(netz: Any, daten: Path, befehl: str, tmp_path: Path) -> None:
    _kaputt(daten)
    argumente = [befehl] + (["--html", str(tmp_path / "r.html")] if befehl == "report" else [])
    assert netz(*argumente).exit_code == 1


def test_schreiben_mit_teildaten(netz: Any, daten: Path) -> None:
    _kaputt(daten)
    lauf = netz("conference", "köln", "--date", "01.10.2026", "--source", "https://example.org/k")
    assert lauf.exit_code == 0, lauf.flach
    assert "Geändert:" in lauf.stdout and "Warnung: 1 Datei mit Fehlern" in lauf.flach
    assert "Neuer Stand: erst nach Behebung" in lauf.flach
    assert "2026-10-01" in (daten / "vertraege" / "05315-koeln-2008.yaml").read_text(encoding="utf-8")


# --- Ausgaben, die nicht irreführen ---------------------------------------------


@pytest.mark.parametrize(
    ("zuwachs", "anfang"),
    [
        (
            -1,
            "Tempo: 1 Netzwerk weniger (sicher) seit 28.11.2021 (5 Jahre), im Schnitt 0,2 weniger pro Jahr.",
        ),
        (-2, "Tempo: 2 Netzwerke weniger (sicher)"),
        (0, "Tempo: kein Netzwerk hinzugekommen (sicher) seit 28.11.2021 (5 Jahre)."),
        (1, "Tempo: +1 Netzwerk (sicher) seit 28.11.2021 (5 Jahre), 0,2 pro Jahr."),
        (2, "Tempo: +2 Netzwerke (sicher)"),
    ],
)
def test_tempo_in_worten(zuwachs: int, anfang: str) -> None:
    zeile = tempo_zeile(Tempo(5.0, date(2021, 11, 28), zuwachs, zuwachs / 5, 2, None))
    assert zeile.startswith(anfang)
    assert re.search(r"[-−]\d", zeile) is None  # kein „−1 Netzwerke“, kein „-0,2 pro Jahr“


def test_continue_neben_ungenauem_eintrag_warnt(netz: Any, daten: Path) -> None:
    lauf = netz("continue", "soest", "--date", "09.07.2013", "--source", "https://example.org/s")
    assert lauf.exit_code == 0
    assert "hat schon eine Fortsetzung „Juli 2013“" in lauf.flach
    ohne = netz("continue", "soest", "--date", "09.07.2014", "--source", "https://example.org/s")
    assert "hat schon" not in ohne.flach


def test_list_sort_name_ohne_zusatz_din5007_1(netz: Any) -> None:
    namen = [r["bezeichnung"] for r in netz("list", "--sort", "name", "--format", "json").json()]
    assert namen[0] == "StädteRegion Aachen"
    assert namen.index("Stadt Duisburg") < namen.index("Kreis Düren") < namen.index("Stadt Düsseldorf")
    assert namen.index("Kreis Wesel") > namen.index("Kreis Warendorf")


def test_fuzzy_region_fragt_nach(netz: Any) -> None:
    lauf = netz("show", "Kreis", "Wessel")
    assert lauf.exit_code == 2  # eine unbekannte Region ist ein Aufruffehler
    assert "Meinten Sie: Kreis Wesel (05170)?" in lauf.flach
    assert netz("show", "Dusseldorf").exit_code == 0


def test_add_nennt_den_befehl(netz: Any) -> None:
    lauf = netz("add", "köln", "--date", "01.01.2020", "--source", "https://example.org/a")
    assert lauf.exit_code == 1
    assert "netz end koeln --date TT.MM.JJJJ" in lauf.flach
    assert "in seiner Datei" not in lauf.flach
