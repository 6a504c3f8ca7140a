"""Die SVG-Bilder: Namen auf der Karte, Schalter, Muster, Farben für jede Farbsehschwäche,
kleine Karten über die Zeit – geprüft am Bild selbst (XML), nicht an den Funktionen dahinter."""

from __future__ import annotations

import itertools
import re
from datetime import date
from functools import cache
from xml.etree import ElementTree

import numpy as np
import pytest
from colorspacious import cspace_convert, deltaE

from netzwerk_cli.daten.geo import lade_flaechen
from netzwerk_cli.kern.abdeckung import Abdeckung, Stand, abdeckung
from netzwerk_cli.kern.karten import kartenstaende, meilensteinjahre
from netzwerk_cli.render import svg
from tests.conftest import DATEN
from tests.kern.test_abdeckung import REGIONEN, VERTRAEGE

FLAECHEN = lade_flaechen(DATEN)
NS = "{http://www.w3.org/2000/svg}"
HEUTE = date(2026, 11, 28)
# 2008 fehlen die meisten (die dichteste Beschriftung), 2010 und heute wenige
STICHTAGE = [date(2008, 6, 30), date(2008, 12, 31), date(2010, 5, 6), date(2019, 12, 31), HEUTE]


def _ab(tag: date) -> Abdeckung:
    return abdeckung(REGIONEN, VERTRAEGE, tag)


@cache
def _karte(tag: date, beschriftung: str = "fehlend") -> str:
    return svg.karte(FLAECHEN, _ab(tag), svg.stichtag_titel(tag), beschriftung=beschriftung)


def test_eigenstaendige_karte_skaliert_und_ist_statisch() -> None:
    """karte.svg wandert auf Folien: keine feste Breite (bei 390 px abgeschnitten), kein
    Schalter „Namen: fehlende · alle · keine“, der dort zu nichts führt."""
    wurzel = _wurzel(_karte(HEUTE))
    assert wurzel.get("viewBox", "").startswith("0 0 640 ")
    assert wurzel.get("width") is None and wurzel.get("height") is None
    assert wurzel.get("role") == "img"
    assert list(wurzel.iter(f"{NS}a")) == []
    assert "Namen:" not in _karte(HEUTE)


def _wurzel(text: str) -> ElementTree.Element:
    return ElementTree.fromstring(text.removeprefix('<?xml version="1.0" encoding="UTF-8"?>\n'))


def _klassen(e: ElementTree.Element) -> set[str]:
    return set(e.get("class", "").split())


def _namen(wurzel: ElementTree.Element) -> list[tuple[str, str, ElementTree.Element]]:
    """(Stand, Name, <g>) je Beschriftung."""
    out = []
    for g in wurzel.iter(f"{NS}g"):
        k = _klassen(g)
        if "name" in k:
            text = g.find(f"{NS}text")
            assert text is not None
            name = " ".join((t.text or "") for t in text.iter(f"{NS}tspan"))
            stand = (k - {"name"}).pop()
            out.append((stand, name.replace("- ", "-"), g))
    return out


def _kasten(g: ElementTree.Element) -> svg.Kasten:
    """Das Rechteck eines Namens, geschätzt aus Schriftgröße, Zeichen und Zeilen."""
    text = g.find(f"{NS}text")
    assert text is not None
    groesse = float(text.get("font-size", "0"))
    fett = text.get("font-weight") == "bold"
    zeilen = list(text.iter(f"{NS}tspan"))
    b = max(svg.textbreite(t.text or "", groesse, fett) for t in zeilen)
    mitte = float(zeilen[0].get("x", "0"))
    oben = float(zeilen[0].get("y", "0")) - 0.95 * groesse
    return svg.Kasten(mitte - b / 2, oben, b, len(zeilen) * groesse * svg.ZEILENHOEHE)


@pytest.mark.parametrize("tag", STICHTAGE)
def test_jede_fehlende_und_ungewisse_region_hat_einen_sichtbaren_namen(tag: date) -> None:
    ab = _ab(tag)
    wurzel = _wurzel(_karte(tag))
    namen = _namen(wurzel)
    assert len(namen) == 53  # jede Region hat einen Namen, sichtbar oder für „alle“
    # je Fläche: vor dem 21.10.2009 zeigt die Fläche der StädteRegion Kreis und Stadt Aachen zusammen
    erwartet = {(s.stand.value, s.region.name) for s in ab.fuer_karte().values() if s.stand is not Stand.MIT}
    assert erwartet <= {(st, n) for st, n, _ in namen}
    # die Vorgabe zeigt genau diese: fett und per CSS sichtbar, die übrigen verborgen
    stil = "".join(e.text or "" for e in wurzel.iter(f"{NS}style"))
    assert "#k .name.ungewiss,#k .name.ohne{display:inline}" in stil
    assert "#k .name.mit,#k .name.ungewiss,#k .name.ohne{display:none}" in stil
    for st, _, g in namen:
        text = g.find(f"{NS}text")
        assert text is not None
        assert (text.get("font-weight") == "bold") == (st != "mit")


def test_namen_stehen_in_oder_an_ihrer_flaeche() -> None:
    """Viersen und Wesel 2026: der Name steht in der Fläche oder eine Führungslinie zeigt hinein."""
    from netzwerk_cli.kern.karten import im_polygon

    wurzel = _wurzel(_karte(HEUTE))
    pfade = {p.get("data-ags"): p.get("d", "") for p in wurzel.iter(f"{NS}path") if p.get("data-ags")}
    for ags, name in (("05170", "Wesel"), ("05166", "Viersen")):
        ring = [tuple(map(float, xy.split(","))) for xy in re.findall(r"[\d.]+,[\d.]+", pfade[ags])]
        g = next(g for _, n, g in _namen(wurzel) if n == name)
        linie = g.find(f"{NS}line")
        if linie is not None:
            punkt = (float(linie.get("x1", "0")), float(linie.get("y1", "0")))
        else:
            k = _kasten(g)
            punkt = (k.x + k.b / 2, k.y + k.h / 2)
        assert im_polygon(punkt, [*ring, ring[0]]), name


@pytest.mark.parametrize("beschriftung", ["fehlend", "alle"])
@pytest.mark.parametrize("tag", STICHTAGE)
def test_keine_namen_ueberlappen(tag: date, beschriftung: str) -> None:
    wurzel = _wurzel(_karte(tag, beschriftung))
    namen = _namen(wurzel)
    kaesten = [(n, _kasten(g)) for _, n, g in namen]
    for (n1, k1), (n2, k2) in itertools.combinations(kaesten, 2):
        assert not k1.schneidet(k2), (n1, n2)
    # und keiner ragt in Titel oder Legende
    hoehe = float(wurzel.get("viewBox", "0 0 0 0").split()[3])
    for n, k in kaesten:
        assert k.y > 40 and k.y + k.h < hoehe - 100, n
        assert k.x >= 0 and k.x + k.b <= svg.BREITE, n


def test_schaetzung_der_textbreite_ist_eher_zu_gross() -> None:
    """Die Schätzung gegen die Breiten von DejaVu Sans (der breitesten Schrift der Liste):
    gemessen einmal mit Pillow (ImageFont.getlength), hier als feste Werte."""
    # Breite in em von DejaVu Sans Book, gemessen (Pillow ImageFont.getlength / Schriftgröße)
    gemessen = {"Hamm": 3.313, "Mönchengladbach": 9.132, "Wesel": 2.959, "Viersen": 3.736}
    for text, em in gemessen.items():
        assert svg.textbreite(text, 10) >= em * 10, text
        assert svg.textbreite(text, 10) <= em * 10 * 1.35, text  # nicht grob zu groß


def test_schalter_fuer_alle_namen_ohne_skript() -> None:
    """Der Schalter gilt in HTML (Bericht, Website); die Karte ist dort eine Gruppe mit Links."""
    text = svg.karte(FLAECHEN, _ab(HEUTE), svg.stichtag_titel(HEUTE), eigenstaendig=False)
    wurzel = _wurzel(text)
    assert wurzel.get("role") == "group"  # role="img" mit Links darin: axe nested-interactive
    assert "<script" not in text
    kennungen = {e.get("id") for e in wurzel.iter() if e.get("id")}
    links = [a.get("href") for a in wurzel.iter(f"{NS}a")]
    assert links == ["#k-namen-fehlend", "#k-namen-alle", "#k-namen-keine"]
    assert {h.lstrip("#") for h in links if h} <= kennungen
    stil = "".join(e.text or "" for e in wurzel.iter(f"{NS}style"))
    assert "#k-namen-alle:target .name.mit,#k-namen-alle:target .name.ungewiss," in stil
    assert "#k-namen-keine:target .name.mit,#k-namen-keine:target .name.ungewiss," in stil
    # im Druck kein Schalter
    assert "@media print{#k .schalter{display:none}}" in stil
    # „alle“ als Vorgabe: dann sind auch die Namen der Regionen mit Netzwerk sichtbar
    assert "#k .name.mit,#k .name.ungewiss,#k .name.ohne{display:inline}" in _karte(HEUTE, "alle")
    assert "{display:inline}" not in _karte(HEUTE, "keine").split("#k-namen-fehlend:target")[0]


@pytest.mark.parametrize("tag", STICHTAGE)
def test_muster_sind_definiert_und_in_der_legende(tag: date) -> None:
    wurzel = _wurzel(_karte(tag))
    kennungen = {e.get("id") for e in wurzel.iter() if e.get("id")}
    fuellungen = {p.get("data-stand"): p.get("fill") for p in wurzel.iter(f"{NS}path") if p.get("data-stand")}
    for stand, fuellung in fuellungen.items():
        if stand != "mit":
            assert fuellung == f"url(#k-{stand})"
    for ref in re.findall(r"url\(#([\w-]+)\)", _karte(tag)):
        assert ref in kennungen
    muster = {p.get("id"): p for p in wurzel.iter(f"{NS}pattern")}
    assert set(muster) == {"k-ungewiss", "k-ohne"}
    assert muster["k-ungewiss"].find(f"{NS}line") is not None  # Schraffur
    assert muster["k-ohne"].find(f"{NS}circle") is not None  # Punkte
    legende = [r.get("fill") for r in wurzel.iter(f"{NS}rect") if r.get("width") == "14"]
    assert legende == [svg.FARBE[Stand.MIT], "url(#k-ungewiss)", "url(#k-ohne)"]


def _praefix_sauber(text: str, praefix: str) -> None:
    """Jede Kennung und jede CSS-Regel trägt das Präfix: zwei Bilder in einer HTML-Seite
    stören einander nicht."""
    wurzel = _wurzel(text)
    for e in wurzel.iter():
        if e.get("id"):
            assert e.get("id", "").startswith(praefix), e.get("id")
    stil = "".join(e.text or "" for e in wurzel.iter(f"{NS}style"))
    for regel in re.findall(r"(?:^|})([^{}@]+)\{", stil):
        for sel in regel.split(","):
            assert sel.startswith(f"#{praefix}"), sel


def test_kennungen_mit_praefix() -> None:
    _praefix_sauber(svg.karte(FLAECHEN, _ab(HEUTE), "x", eigenstaendig=False, praefix="bk"), "bk")
    staende = kartenstaende(REGIONEN, VERTRAEGE, [2008, 2026], HEUTE)
    _praefix_sauber(svg.karten_zeitreihe(FLAECHEN, staende, "x", HEUTE, praefix="bz"), "bz")


# --- Farben ------------------------------------------------------------------


def _rgb(farbe: str) -> np.ndarray:
    return np.array([int(farbe[i : i + 2], 16) for i in (1, 3, 5)]) / 255


@pytest.mark.parametrize("sehschwaeche", [None, "deuteranomaly", "protanomaly", "tritanomaly"])
def test_farben_unterscheidbar_bei_farbsehschwaeche(sehschwaeche: str | None) -> None:
    """Bei vollständiger Rot-Grün- oder Blau-Gelb-Schwäche (Machado et al. 2009, Schwere 100)
    liegen die Farben der drei Stände weit auseinander (ΔE in CAM02-UCS ≥ 20; 1 ist gerade
    sichtbar) und unterscheiden sich in der Helligkeit um mindestens 15 (L* in CIELab) – so
    trennt sie auch ein Graustufendruck."""
    farben = {}
    for stand, farbe in svg.FARBE.items():
        rgb = _rgb(farbe)
        if sehschwaeche:
            cvd = {"name": "sRGB1+CVD", "cvd_type": sehschwaeche, "severity": 100}
            rgb = np.clip(cspace_convert(rgb, cvd, "sRGB1"), 0, 1)
        farben[stand] = rgb
    for a, b in itertools.combinations(farben, 2):
        assert deltaE(farben[a], farben[b], input_space="sRGB1") >= 20, (a, b)
        la = cspace_convert(farben[a], "sRGB1", "CIELab")[0]
        lb = cspace_convert(farben[b], "sRGB1", "CIELab")[0]
        assert abs(la - lb) >= 15, (a, b)


def test_keine_rot_gruen_farben_mehr() -> None:
    alle = _karte(HEUTE) + svg.zeitreihe([], 53, 53, "x")
    for alt in ("#c92a2a", "#2b8a3e"):
        assert alt not in alle


# --- Karten über die Zeit ----------------------------------------------------


def test_kleine_karten_zu_den_meilensteinen() -> None:
    jahre = meilensteinjahre(HEUTE)
    assert jahre == [2008, 2009, 2010, 2012, 2013, 2019, 2026]
    staende = kartenstaende(REGIONEN, VERTRAEGE, jahre, HEUTE, date(2008, 6, 23))
    text = svg.karten_zeitreihe(FLAECHEN, staende, "Über die Zeit", HEUTE)
    wurzel = _wurzel(text)
    bilder = [g for g in wurzel.iter(f"{NS}g") if "bild" in _klassen(g)]
    assert [b.get("data-jahr") for b in bilder] == [str(j) for j in jahre]
    assert [b.get("data-stichtag") for b in bilder][-2:] == ["2019-12-31", "2026-11-28"]
    texte = ["".join(t.itertext()) for t in wurzel.iter(f"{NS}text")]
    assert "Ende 2008" in texte and "2026 bis heute" in texte
    assert "Ende 2026" not in texte  # das laufende Jahr hat kein Ende
    assert "Stand je Bild am Jahresende (31.12.), im laufenden Jahr bis heute (28.11.2026)" in texte
    # je Bild 53 Flächen mit dem Stand dieses Tages; die Zahl darüber passt dazu
    for b, k in zip(bilder, staende, strict=True):
        regionen = [u for u in b.iter(f"{NS}use") if "region" in _klassen(u)]
        assert len(regionen) == 53
        ohne = sum("ohne" in _klassen(u) for u in regionen)
        assert ohne == sum(s.stand is Stand.OHNE for s in k.abdeckung.fuer_karte().values())
        g = k.abdeckung.gesamt  # 54 Regionen bis zum 20.10.2009, danach 53
        assert f"{g.sicher} von {g.gesamt} sicher" in "".join(b.itertext())
    # eine Legende mit denselben (feinen) Mustern
    kennungen = {e.get("id") for e in wurzel.iter() if e.get("id")}
    assert {"kz-ungewiss", "kz-ohne"} <= kennungen
    for ref in re.findall(r'(?:url\(|href=")#([\w-]+)', text):
        assert ref in kennungen
    assert "kein Netzwerk" in texte and "Regierungsbezirk" in texte
    assert "<script" not in text and "animate" not in text  # druckbar, keine Animation


def test_kleine_karten_mit_stichtag_in_der_vergangenheit() -> None:
    tag = date(2012, 6, 30)
    staende = kartenstaende(REGIONEN, VERTRAEGE, meilensteinjahre(tag), tag)
    assert [k.jahr for k in staende] == [2008, 2009, 2010, 2012]
    texte = [
        "".join(t.itertext()) for t in _wurzel(svg.karten_zeitreihe(FLAECHEN, staende, "x", HEUTE)).iter()
    ]
    assert "2012 bis 30.06." in texte
    assert "Stand je Bild am Jahresende (31.12.), im laufenden Jahr bis 30.06.2012" in texte


def test_zeitreihe_titel_bis_heute() -> None:
    from netzwerk_cli.kern.zeitreihe import zeitreihe
    from tests.kern.test_abdeckung import BESTAND

    laufend = zeitreihe(BESTAND, date(2008, 1, 1), HEUTE, "year")
    # vorher „am Jahresende, 2026 bis heute“ über Säulen für 2008–2026
    assert svg.zeitreihe_titel(laufend, HEUTE) == (
        f"Regionen mit Netzwerk am 31.12., 2008–2025; 2026: Stand {HEUTE:%d.%m.%Y}"
    )
    voll = zeitreihe(BESTAND, date(2008, 1, 1), date(2019, 12, 31), "year")
    assert svg.zeitreihe_titel(voll, HEUTE) == "Regionen mit Netzwerk am 31.12., 2008–2019"
    alt = zeitreihe(BESTAND, date(2008, 1, 1), date(2010, 5, 6), "year")
    assert (
        svg.zeitreihe_titel(alt, HEUTE)
        == "Regionen mit Netzwerk am 31.12., 2008–2009; 2010: Stand 06.05.2010"
    )
    eins = zeitreihe(BESTAND, date(2026, 1, 1), HEUTE, "year")
    assert svg.zeitreihe_titel(eins, HEUTE) == f"Regionen mit Netzwerk, 2026: Stand {HEUTE:%d.%m.%Y}"
    monate = zeitreihe(BESTAND, date(2026, 1, 1), HEUTE, "month")
    assert svg.zeitreihe_titel(monate, HEUTE, "month") == (
        f"Regionen mit Netzwerk am Monatsende, 2026-01–2026-{HEUTE.month - 1:02d}; "
        f"2026-{HEUTE.month:02d}: Stand {HEUTE:%d.%m.%Y}"
    )


def test_feindliche_namen_bleiben_text() -> None:
    """Schlüssel und Name einer Fläche kommen aus der GeoJSON-Datei eines Pull-Requests: sie
    landen escaped in Tooltip und Beschriftung, nie in einer Kennung oder einem Link."""
    from netzwerk_cli.kern.geo import Flaeche

    boese = '05111"/><script>alert(1)</script>\x1b[2J\u202e'
    flaechen = [Flaeche(boese, boese, f.ring) if f.ags == "05111" else f for f in FLAECHEN]
    staende = kartenstaende(REGIONEN, VERTRAEGE, [2008, 2026], HEUTE)
    for text in (
        svg.karte(flaechen, _ab(HEUTE), "x", beschriftung="alle"),
        svg.karten_zeitreihe(flaechen, staende, "x", HEUTE),
    ):
        wurzel = _wurzel(text)  # wohlgeformt
        assert not [e for e in wurzel.iter() if e.tag.endswith("script")]
        assert "\x1b" not in text and "\u202e" not in text
        for e in wurzel.iter():
            assert "<" not in (e.get("id") or "") and "script" not in (e.get("href") or "")
