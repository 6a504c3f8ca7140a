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


def test_kachelkarte_vor_programmbeginn_zaehlt_wie_status(netz: Any, tmp_path: Path) -> None:
    """Regression: vor den ersten Verträgen (23.06.2008) zeigte die Kachelkarte vier Regionen
    „ungewiss“ (sie rechnete ohne Programmbeginn), status und die SVG-Karte keine."""
    lauf = netz("map", "--as-of", "2008-01-01")
    assert lauf.exit_code == 0, lauf.stderr
    s = netz("status", "--as-of", "2008-01-01", "--format", "json").json()
    assert s["mit_netzwerk_moeglich"] == 0
    assert "▒▒▒▒▒▒" not in lauf.stdout and "██████" not in lauf.stdout
    assert lauf.stdout.count("······") == 53  # jede Kachel da, mit Namen, ohne Netzwerk
    assert "Wesel" in lauf.stdout
    ziel = tmp_path / "k.svg"
    assert netz("map", "--as-of", "2008-01-01", "--svg", str(ziel)).exit_code == 0
    assert set(re.findall(r'data-stand="(\w+)"', ziel.read_text(encoding="utf-8"))) == {"ohne"}


@pytest.mark.parametrize("tag", HISTORIE)
def test_svg_karte(netz: Any, tmp_path: Path, tag: str) -> None:
    ziel = tmp_path / "karte.svg"
    assert netz("map", "--as-of", tag, "--svg", str(ziel)).exit_code == 0
    svg = ziel.read_text(encoding="utf-8")
    pfade = re.findall(r'<path class="region (\w+)" data-ags="(\d{5})" data-stand="\w+" fill="([^"]+)"', svg)
    assert len(pfade) == 53 and len({a for _, a, _ in pfade}) == 53
    s = netz("status", "--as-of", tag, "--format", "json").json()
    stand = {a: st for st, a, _ in pfade}

    def flaechen(regionen: list[str]) -> list[str]:
        """Bis zum 20.10.2009 zeigt die Fläche 05334 den Stand von Kreis (05354) und Stadt Aachen (05313)."""
        x = set(regionen)
        return sorted((x - {"05313", "05354"}) | {"05334"} if {"05313", "05354"} <= x else x)

    assert sorted(a for a, st in stand.items() if st == "ohne") == flaechen(s["fehlend"])
    assert sorted(a for a, st in stand.items() if st == "ungewiss") == flaechen(s["ungewiss"])
    farben = {st: f for st, _, f in pfade}
    # ein Farbton allein trägt keinen Stand: „ohne“ und „ungewiss“ haben ein Muster
    assert farben.get("mit", "#0072b2") == "#0072b2"
    assert farben.get("ohne", "url(#k-ohne)") == "url(#k-ohne)"
    assert farben.get("ungewiss", "url(#k-ungewiss)") == "url(#k-ungewiss)"
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
    assert "<script" not in html and "@import" not in html
    # nur das Symbol als <link>, und das steht als data:-Adresse im Dokument (keine Anfrage)
    assert re.findall(r"<link [^>]*>", html) == [re.search(r'<link rel="icon" href="data:[^"]*">', html)[0]]  # type: ignore[index]
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
    assert "„week“ gibt es nicht. Erlaubt: „jahr“, „monat“" in " ".join(lauf.stderr.replace("│", " ").split())


@pytest.mark.parametrize(
    ("by", "erste"), [("jahr", "2008 "), ("Monat", "2008-01 "), ("year", "2008 "), ("monate", "2008-01 ")]
)
def test_by_deutsch_und_englisch(netz: Any, by: str, erste: str) -> None:
    lauf = netz("timeline", "--by", by)
    assert lauf.exit_code == 0, lauf.stderr
    assert lauf.stdout.splitlines()[1].startswith(erste)


def test_by_tippfehler_mit_vorschlag(netz: Any) -> None:
    lauf = netz("timeline", "--by", "mnat")
    assert lauf.exit_code == 2
    assert "Meinten Sie „monat“?" in " ".join(lauf.stderr.replace("│", " ").split())
    assert "Value error" not in lauf.stderr


# --- Namen, Zeitreihe der Karten, falsche Ziele ----------------------------------


def _meldung(lauf: Any) -> str:
    """Die Fehlermeldung ohne den Rahmen, in den rich sie umbricht."""
    return " ".join(lauf.flach.replace("│", " ").split())


@pytest.mark.parametrize("datei", ["karte.png", "karte.PDF", "karte.jpg", "karte.jpeg", "karte"])
@pytest.mark.parametrize("befehl", ["map", "timeline"])
def test_falsches_ziel_wird_verweigert(
    netz: Any, tmp_path: Path, befehl: str, datei: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # breit genug für den ganzen Pfad im Fehlerkasten (unter pytest-xdist liegt tmp_path tiefer)
    monkeypatch.setenv("COLUMNS", "200")
    ziel = tmp_path / datei
    lauf = netz(befehl, "--svg", str(ziel))
    assert lauf.exit_code == 2
    assert not ziel.exists() and not list(tmp_path.glob("karte*"))
    assert "Endung .svg" in _meldung(lauf)
    assert f"--svg {tmp_path / 'karte.svg'}" in _meldung(lauf)
    if datei != "karte":
        assert "netz schreibt SVG, kein" in _meldung(lauf)


def test_svg_auf_die_standardausgabe(netz: Any) -> None:
    lauf = netz("map", "--svg", "-")
    assert lauf.exit_code == 0
    assert lauf.stdout.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<svg')
    assert "Karte geschrieben" not in lauf.stdout + lauf.stderr
    assert netz("timeline", "--svg", "-").stdout.startswith("<svg")


def test_karte_namen_der_fehlenden(netz: Any, tmp_path: Path) -> None:
    ziel = tmp_path / "k.svg"
    assert netz("map", "--svg", str(ziel)).exit_code == 0
    svg = ziel.read_text(encoding="utf-8")
    assert re.search(r'<g class="name ohne">.*?<tspan[^>]*>Wesel</tspan>', svg)
    assert re.search(r'<g class="name ungewiss">.*?<tspan[^>]*>Viersen</tspan>', svg)
    assert svg.count('<g class="name ') == 53
    # eine Datei für Folien: ohne Schalter „Namen: …“, der dort zu nichts führt (Issue 22)
    assert 'href="#k-namen-alle"' not in svg and "Namen:" not in svg


@pytest.mark.parametrize(
    ("wert", "sichtbar"), [("alle", "mit,#k .name.ungewiss,#k .name.ohne"), ("keine", "")]
)
def test_karte_labels(netz: Any, tmp_path: Path, wert: str, sichtbar: str) -> None:
    ziel = tmp_path / "k.svg"
    assert netz("map", "--svg", str(ziel), "--labels", wert).exit_code == 0
    vorgabe = ziel.read_text(encoding="utf-8").split(":target")[0]
    assert ("{display:inline}" in vorgabe) == bool(sichtbar)
    if sichtbar:
        assert f"#k .name.{sichtbar}{{display:inline}}" in vorgabe


def test_karte_labels_falscher_wert(netz: Any, tmp_path: Path) -> None:
    lauf = netz("map", "--svg", str(tmp_path / "k.svg"), "--labels", "all")
    assert lauf.exit_code == 2
    assert "„all“ – erlaubt:" in _meldung(lauf)


def test_karten_zeitreihe(netz: Any, tmp_path: Path) -> None:
    ziel = tmp_path / "reihe.svg"
    lauf = netz("map", "--zeitreihe", "--svg", str(ziel))
    assert lauf.exit_code == 0, lauf.stderr
    assert "7 Bilder: 2008, 2009, 2010, 2012, 2013, 2019, 2026" in _meldung(lauf)
    svg = ziel.read_text(encoding="utf-8")
    assert re.findall(r'data-jahr="(\d+)"', svg) == ["2008", "2009", "2010", "2012", "2013", "2019", "2026"]
    assert ">Ende 2010<" in svg and ">2026 bis heute<" in svg and "Ende 2026" not in svg
    # dieselben Zahlen wie status am jeweiligen Tag
    for jahr, tag in (("2010", "2010-12-31"), ("2026", "2026-11-27")):
        s = netz("status", "--as-of", tag, "--format", "json").json()
        bild = svg.split(f'data-jahr="{jahr}"')[1].split('class="bild"')[0]
        assert f">{s['mit_netzwerk']} von 53 sicher<" in bild
        assert bild.count('class="region ohne"') == len(s["fehlend"])


def test_karten_zeitreihe_mit_jahren_und_stichtag(netz: Any, tmp_path: Path) -> None:
    ziel = tmp_path / "reihe.svg"
    lauf = netz("map", "--svg", str(ziel), "--jahre", "2012, 2008", "--as-of", "30.06.2012")
    assert lauf.exit_code == 0, lauf.stderr
    svg = ziel.read_text(encoding="utf-8")
    assert re.findall(r'data-jahr="(\d+)"', svg) == ["2008", "2012"]
    assert ">2012 bis 30.06.<" in svg and 'data-stichtag="2012-06-30"' in svg


@pytest.mark.parametrize(
    ("args", "meldung"),
    [
        (["--jahre", "2027"], "2027 liegt nach dem Stichtag 27.11.2026"),
        (["--jahre", "2008,zehn"], "„zehn“ ist keine Jahreszahl"),
        (["--jahre", ","], "keine Jahreszahl"),
        (["--zeitreihe", "--labels", "alle"], "tragen keine Namen"),
    ],
)
def test_karten_zeitreihe_falsche_angaben(netz: Any, tmp_path: Path, args: list[str], meldung: str) -> None:
    lauf = netz("map", "--svg", str(tmp_path / "r.svg"), *args)
    assert lauf.exit_code == 2
    assert meldung in _meldung(lauf)
    assert not (tmp_path / "r.svg").exists()


@pytest.mark.parametrize("args", [["--zeitreihe"], ["--jahre", "2010"], ["--labels", "alle"]])
def test_bildoptionen_brauchen_svg(netz: Any, args: list[str]) -> None:
    lauf = netz("map", *args)
    assert lauf.exit_code == 2
    assert "braucht --svg DATEI" in _meldung(lauf)


def test_timeline_svg_bis_heute(netz: Any, tmp_path: Path) -> None:
    ziel = tmp_path / "verlauf.svg"
    lauf = netz("timeline", "--svg", str(ziel))
    assert lauf.exit_code == 0
    svg = ziel.read_text(encoding="utf-8")
    assert "Regionen mit Netzwerk am 31.12., 2008–2025; 2026: Stand 27.11.2026" in svg
    assert svg.count('class="periode"') == 19
    netz("timeline", "--svg", str(ziel), "--to", "31.12.2019")
    assert ">Regionen mit Netzwerk am 31.12., 2008–2019<" in ziel.read_text(encoding="utf-8")
    assert netz("timeline", "--svg", str(ziel), "--format", "json").exit_code == 2


def test_bericht_diagramm_bis_heute(netz: Any, tmp_path: Path) -> None:
    ziel = tmp_path / "bericht.html"
    assert netz("report", "--html", str(ziel)).exit_code == 0
    html = ziel.read_text(encoding="utf-8")
    assert "Regionen mit Netzwerk am 31.12., 2008–2025; 2026: Stand 27.11.2026" in html
    assert 'href="#k-namen-alle"' in html and "<script" not in html
