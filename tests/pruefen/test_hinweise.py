"""Hinweise, die die echte Behebung nennen – genau dort, wo Anfänger stolpern (Issue 21).

Jeder Fall ist eine Datei im Korpus (``tests/fixtures/invalid``, mit Zeile und Code im Kopf);
hier stehen der Text, den ihr Hinweis nennen muss, und – für die mechanischen Fälle – die Datei
nach ``netz validate --fix`` (``tests/fixtures/behoben``), die danach ohne Befund ist.
"""

from __future__ import annotations

import shlex
import subprocess
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import FIXTURES
from tests.gitrepo import einchecken, git, ohne_globale_konfiguration, repo_anlegen
from tests.pruefen.test_korpus import _kopf

# Korpusdatei -> (muss im Hinweis stehen, darf nicht darin stehen)
HINWEISE: dict[str, tuple[str, str | None]] = {
    "tabulator-einrueckung": ("Tabulator am Zeilenanfang durch Leerzeichen ersetzen", "Anführungszeichen"),
    "tabulator-wert-naechste-zeile": ("2 Leerzeichen statt", "Anführungszeichen"),
    "tabulator": ("Tabulator am Zeilenanfang durch Leerzeichen ersetzen", "Anführungszeichen"),
    "wahrheitswert-nein": ("pruefen: false", "Ohne Anführungszeichen"),
    "wahrheitswert-ja-statt-zuordnung": ("eingerückt „konstituiert: …“", "Ohne Anführungszeichen"),
    "zahl-tausenderpunkt": ("einwohner: 459809", None),
    "zahl-tausenderpunkte": ("einwohner: 1234567", "Anführungszeichen"),
    "zahl-dezimalkomma": ("flaeche_km2: 1042.80", "Anführungszeichen"),
    "doppelpunkt-fehlt-letzte-zeile": ("einwohner: 298935", None),
    "region-name-statt-ags": ('region: "05166"', None),
    "zahl-yaml11-basis60": ("nur aus Ziffern", None),
    "zahl-yaml11-hex": ("einwohner: 298945", None),
    "zahl-yaml11-binaer": ("einwohner: 10", None),
    "zahl-yaml11-oktal": ("einwohner: 123", None),
    "zahl-yaml11-unterstrich": ("einwohner: 298935", None),
    "zahl-yaml11-plus": ("einwohner: 298935", None),
    "zahl-yaml11-inf": ("Zahl aus Ziffern", None),
    "zahl-yaml11-nan": ("Zahl aus Ziffern", None),
    "zahl-yaml11-exponent": ("einwohner: 298935", None),
    "zahl-yaml11-dezimal-ohne-null": ("flaeche_km2: 0.5", None),
    "zahl-yaml11-flaeche-exponent": ("flaeche_km2: 563.28", None),
    "zahl-yaml11-im-text": ('bemerkung: "1:30"', None),
    "zahl-yaml11-programm-hex": ("regionen: 53", None),
    "zahl-exponent-ohne-vorzeichen": ("einwohner: 298935", "Anführungszeichen"),
    "zahl-yaml11-exponent-riesig": ("Zahl aus Ziffern", None),
}
BEHOBEN = sorted((FIXTURES / "behoben").glob("*.yaml"))


def _befunde(netz: Any, name: str) -> list[dict[str, Any]]:
    bericht = netz("validate", "--format", "json").json()
    return [p for p in bericht["probleme"] if Path(p["datei"]).name == name]


@pytest.mark.parametrize("stem", sorted(HINWEISE))
def test_hinweis_nennt_die_behebung(stem: str, daten: Path, netz: Any) -> None:
    fixture = FIXTURES / "invalid" / f"{stem}.yaml"
    ziel, erwartet = _kopf(fixture)
    (daten / ziel).write_bytes(fixture.read_bytes())
    befunde = _befunde(netz, Path(ziel).name)
    assert {(p["zeile"], p["code"]) for p in befunde} == erwartet
    soll, nicht = HINWEISE[stem]
    hinweis = befunde[0]["hinweis"]
    assert soll in hinweis
    assert nicht is None or nicht not in hinweis


def test_jeder_behobene_fall_hat_einen_hinweis() -> None:
    assert len(BEHOBEN) >= 15
    assert {p.stem for p in BEHOBEN} <= set(HINWEISE)


@pytest.mark.parametrize("behoben", BEHOBEN, ids=lambda p: p.stem)
def test_fix_behebt_und_danach_ist_die_datei_ohne_befund(behoben: Path, daten: Path, netz: Any) -> None:
    fixture = FIXTURES / "invalid" / behoben.name
    ziel, _ = _kopf(fixture)
    pfad = daten / ziel
    pfad.write_bytes(fixture.read_bytes())
    lauf = netz("validate", "--fix")
    assert "Behoben: " in lauf.stderr, lauf.stderr
    assert pfad.read_bytes() == behoben.read_bytes()
    assert _befunde(netz, pfad.name) == []


def test_mechanische_faelle_tragen_eine_korrektur(daten: Path, netz: Any) -> None:
    """Ohne Korrektur kein --fix: die Fälle aus tests/fixtures/behoben haben eine, die anderen
    (Basis 60, unendlich, Zuordnung statt ja) bewusst nicht – dort entscheidet der Mensch."""
    from netzwerk_cli.daten.laden import lade_datenbestand
    from netzwerk_cli.pruefen import pruefe

    ohne = ("zahl-yaml11-basis60", "zahl-yaml11-inf", "zahl-yaml11-nan", "wahrheitswert-ja-statt-zuordnung")
    for stem in (*[p.stem for p in BEHOBEN], *ohne):
        fixture = FIXTURES / "invalid" / f"{stem}.yaml"
        ziel, _ = _kopf(fixture)
        original = (daten / ziel).read_bytes() if (daten / ziel).exists() else None
        (daten / ziel).write_bytes(fixture.read_bytes())
        probleme = [
            p
            for p in pruefe(lade_datenbestand(daten), date(2026, 11, 27)).probleme
            if p.datei.endswith(Path(ziel).name)
        ]
        assert probleme, stem
        assert (probleme[0].korrektur is None) == (stem in ohne), stem
        if original is None:
            (daten / ziel).unlink()
        else:
            (daten / ziel).write_bytes(original)


# --- Dateinamen: „git mv“ nur für Dateien, die git kennt -----------------------------------


def _falscher_name(daten: Path) -> Path:
    alt = daten / "vertraege" / "05166-viersen-2011-09.yaml"
    neu = daten / "vertraege" / "05166-viersen'$(touch GETROFFEN)'.yaml"
    alt.rename(neu)
    return neu


def test_falscher_name_ohne_git_sagt_mv_und_fix_benennt_um(
    daten: Path, netz: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    ohne_globale_konfiguration(monkeypatch, daten)
    pfad = _falscher_name(daten)
    (p,) = _befunde(netz, pfad.name)
    assert p["code"] == "NZ401"
    befehl = p["hinweis"].split(":  ", 1)[1]
    assert befehl.startswith("mv ")
    # in eine Shell kopiert: benennt um und führt nichts aus, was im Dateinamen steht
    subprocess.run(["sh", "-c", befehl], cwd=Path.cwd(), check=True)
    assert not pfad.exists() and (daten / "vertraege" / "05166-viersen-2011-09.yaml").exists()
    assert not (Path.cwd() / "GETROFFEN").exists() and not (tmp_path / "GETROFFEN").exists()
    # und --fix tut dasselbe
    pfad = _falscher_name(daten)
    lauf = netz("validate", "--fix")
    assert "Umbenennen:" in lauf.stderr and "Behoben: 1 Befund in 1 Datei." in lauf.stderr
    assert not pfad.exists() and (daten / "vertraege" / "05166-viersen-2011-09.yaml").exists()
    assert _befunde(netz, "05166-viersen-2011-09.yaml") == []


def test_falscher_name_in_git_sagt_git_mv_und_fix_nimmt_git_mv(
    daten: Path, netz: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    ohne_globale_konfiguration(monkeypatch, daten)
    repo_anlegen(daten)
    pfad = _falscher_name(daten)
    einchecken(daten, "falscher Name")
    (p,) = _befunde(netz, pfad.name)
    assert p["hinweis"].split(":  ", 1)[1].startswith("git mv ")
    assert shlex.quote(str(Path(p["datei"]))) in p["hinweis"]
    netz("validate", "--fix")
    status = git(daten, "status", "--porcelain")
    # als Umbenennung vorgemerkt, nicht gelöscht und neu
    assert status.startswith("R  ") and status.rstrip().endswith("-> vertraege/05166-viersen-2011-09.yaml")


def test_kopie_sagt_welche_datei_bleibt(daten: Path, netz: Any) -> None:
    original = daten / "vertraege" / "05166-viersen-2011-09.yaml"
    kopie = original.with_name("05166-viersen-2011-09 (Kopie).yaml")
    kopie.write_bytes(original.read_bytes())
    (p,) = _befunde(netz, kopie.name)
    assert "behalten" in p["hinweis"] and "diff -u" in p["hinweis"]
    assert p["hinweis"].endswith(f"rm {shlex.quote(p['datei'])}")
    # eine Kopie wird nie umbenannt: --fix lässt beide Dateien stehen
    netz("validate", "--fix")
    assert kopie.exists() and original.exists()


def test_falscher_name_in_einer_revision_sagt_git_mv(
    daten: Path, netz: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    ohne_globale_konfiguration(monkeypatch, daten)
    repo_anlegen(daten)
    pfad = _falscher_name(daten)
    einchecken(daten, "falscher Name")
    bericht = netz("validate", "--rev", "HEAD", "--format", "json").json()
    (p,) = [p for p in bericht["probleme"] if Path(p["datei"]).name == pfad.name]
    assert p["hinweis"].split(":  ", 1)[1].startswith("git mv ")
