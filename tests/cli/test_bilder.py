from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Any

import pytest

from netzwerk_cli.kern.geo import ATTRIBUTION

HISTORIE = ["2008-06-30", "2010-05-06", "2013-12-31", "2019-12-31", "2026-11-27"]


def test_timeline_text_passt_in_80_spalten(netz: Any) -> None:
    lauf = netz("timeline")
    assert lauf.exit_code == 0
    zeilen = lauf.stdout.splitlines()
    assert max(len(z) for z in zeilen) <= 80
    assert any(z.startswith("2010") and "46–47" in z for z in zeilen)
    assert any("◆ 31.12.2010 Ziel: 53" in z for z in zeilen)


@pytest.mark.parametrize("tag", HISTORIE)
def test_timeline_gleich_status(netz: Any, tag: str) -> None:
    j = netz("timeline", "--from", "2008-01-01", "--to", tag, "--format", "json").json()
    letzte = j["perioden"][-1]
    s = netz("status", "--as-of", tag, "--format", "json").json()
    assert letzte["bis"] == tag
    assert (letzte["mit_netzwerk"], letzte["mit_netzwerk_moeglich"]) == (
        s["mit_netzwerk"],
        s["mit_netzwerk_moeglich"],
    )


def test_timeline_csv_und_monate(netz: Any) -> None:
    text = netz(
        "timeline", "--by", "month", "--from", "2012-01-01", "--to", "2012-03-31", "--format", "csv"
    ).stdout
    zeilen = list(csv.DictReader(io.StringIO(text)))
    assert [z["periode"] for z in zeilen] == ["2012-01", "2012-02", "2012-03"]
    assert zeilen[0]["unterzeichnet_sicher"] == "1"  # Kleve, 18.01.2012
    assert "veröffentlicht: 49" in zeilen[0]["meilensteine"]


def test_timeline_falscher_zeitraum(netz: Any) -> None:
    assert netz("timeline", "--from", "2012-01-01", "--to", "2011-01-01").exit_code == 2


@pytest.mark.parametrize("tag", HISTORIE)
def test_kachelkarte(netz: Any, tag: str) -> None:
    lauf = netz("map", "--as-of", tag)
    assert lauf.exit_code == 0
    zeilen = lauf.stdout.splitlines()
    assert max(len(z) for z in zeilen) <= 80
    s = netz("status", "--as-of", tag, "--format", "json").json()
    text = lauf.stdout
    # je Region eine Kachel: so viele Kachelzeichen wie Regionen je Stand
    assert text.count("██████") == s["mit_netzwerk"]
    assert text.count("▒▒▒▒▒▒") == s["mit_netzwerk_moeglich"] - s["mit_netzwerk"]
    assert text.count("······") == 53 - s["mit_netzwerk_moeglich"]


@pytest.mark.parametrize("tag", HISTORIE)
def test_svg_karte(netz: Any, tmp_path: Path, tag: str) -> None:
    ziel = tmp_path / "karte.svg"
    assert netz("map", "--as-of", tag, "--svg", str(ziel)).exit_code == 0
    svg = ziel.read_text(encoding="utf-8")
    pfade = re.findall(r'<path class="region (\w+)" data-ags="(\d{5})" data-stand="\w+" fill="([^"]+)"', svg)
    assert len(pfade) == 53 and len({a for _, a, _ in pfade}) == 53
    s = netz("status", "--as-of", tag, "--format", "json").json()
    stand = {a: st for st, a, _ in pfade}
    assert sorted(a for a, st in stand.items() if st == "ohne") == s["fehlend"]
    assert sorted(a for a, st in stand.items() if st == "ungewiss") == s["ungewiss"]
    farben = {st: f for st, _, f in pfade}
    assert farben.get("mit", "#2b8a3e") == "#2b8a3e" and farben.get("ohne", "#c92a2a") == "#c92a2a"
    assert svg.count("<title>") == 53
    assert "Stand " + ".".join(reversed(tag.split("-"))) in svg
    assert "© GeoBasis-DE / BKG 2021 (Daten verändert)" in svg
    assert 'class="bezirke"' in svg


def test_svg_tooltip(netz: Any, tmp_path: Path) -> None:
    ziel = tmp_path / "k.svg"
    netz("map", "--svg", str(ziel))
    svg = ziel.read_text(encoding="utf-8")
    assert (
        "<title>Kreis Viersen (05166): ungewiss (möglich, nicht sicher); unterzeichnet September 2011" in svg
    )
    assert "<title>Kreis Wesel (05170): kein Netzwerk</title>" in svg


def test_html_bericht_eigenstaendig(netz: Any, tmp_path: Path) -> None:
    ziel = tmp_path / "bericht.html"
    assert netz("report", "--html", str(ziel), "--as-of", "2019-12-31").exit_code == 0
    # Zahl und Einheit stehen mit geschütztem Leerzeichen („92,5 %“)
    html = ziel.read_text(encoding="utf-8").replace("\u00a0", " ")
    assert html.startswith("<!DOCTYPE html>")
    assert "<script" not in html and "<link" not in html and "@import" not in html
    # keine Anfragen nach außen: Adressen stehen nur in Links zum Anklicken
    assert not re.search(r'\b(src|xlink:href)="https?:', html)
    assert not re.search(r"url\((?!#)", html)
    assert html.count('data-ags="') == 53
    assert html.count("<tr><td>05") == 53
    assert "Stichtag 31.12.2019" in html
    # Münster und Viersen sind Ende 2019 ungewiss (mögliches Ende ab August 2019)
    assert "49 von 53 Regionen (92,5 %) haben sicher ein Netzwerk, bis zu 51" in html
    assert ATTRIBUTION.split(";")[0] in html.replace("&amp;", "&")
    assert "Prüfpunkte" in html and "✓ erfüllt" in html
    assert '<meta name="viewport"' in html and "@media print" in html


def test_report_ohne_grenzen(netz: Any, daten: Path, tmp_path: Path) -> None:
    (daten / "geo" / "nrw-kreise.geojson").unlink()
    lauf = netz("report", "--html", str(tmp_path / "x.html"))
    assert lauf.exit_code == 1
    assert "ohne Grenzen keine Karte" in lauf.stderr


def test_schreibfehler_auf_deutsch(netz: Any, tmp_path: Path) -> None:
    lauf = netz("map", "--svg", str(tmp_path / "gibt" / "es" / "nicht.svg"))
    assert lauf.exit_code == 1
    assert "lässt sich nicht schreiben: den Ordner" in lauf.flach
    assert lauf.flach.endswith("gibt/es gibt es nicht.")


def test_auswahl_fehler_auf_deutsch(netz: Any) -> None:
    lauf = netz("timeline", "--by", "week")
    assert lauf.exit_code == 2
    assert "„week“ – erlaubt:" in lauf.stderr
    assert "Value error" not in lauf.stderr
