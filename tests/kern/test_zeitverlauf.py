"""Regionen im Zeitverlauf und der Programmbeginn als Grenze (kern, ohne CLI).

Die Eigenschaft, auf die es ankommt: keine Zählung – sicher oder möglich, an keinem Tag, in
keinem Regierungsbezirk – liegt je über der Zahl der Regionen, die es an diesem Tag gab,
oder unter 0; und vor dem Programmbeginn ist alles 0 von 0.
"""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from netzwerk_cli.kern.abdeckung import (
    Stand,
    abdeckung,
    im_programm,
    regionen_am,
    verlauf,
    vertraege_je_region,
)
from netzwerk_cli.kern.datum import Zeitangabe
from netzwerk_cli.kern.modelle import REGIERUNGSBEZIRKE, Region, Vertrag
from tests.conftest import beispiele
from tests.kern.test_abdeckung import BEGINN, REGIONEN, VERTRAEGE

# --- Der Programmbeginn als Grenze -------------------------------------------------------


def test_nicht_vor_rueckt_nur_offene_und_fruehere_grenzen() -> None:
    z = Zeitangabe.lies("spätestens 2010-05-06")
    b = z.nicht_vor(BEGINN)
    assert (b.frueh, b.spaet, b.text) == (BEGINN, date(2010, 5, 6), "spätestens 2010-05-06")
    assert z.begrenzt_durch(BEGINN)
    jahr = Zeitangabe.lies("2008").nicht_vor(BEGINN)
    assert (jahr.frueh, jahr.spaet) == (BEGINN, date(2008, 12, 31))
    # genau und später: unverändert, dasselbe Objekt
    for text in ("2008-06-23", "2009-01", "zwischen 2019-03-15 und 2019-07-08", "frühestens 2019-08"):
        z = Zeitangabe.lies(text)
        assert z.nicht_vor(BEGINN) is z and not z.begrenzt_durch(BEGINN)
    # „2008-06“ beginnt vor dem 23.06.: gerückt
    assert Zeitangabe.lies("2008-06").nicht_vor(BEGINN).frueh == BEGINN
    # ganz vor dem Beginn (ein Befund NZ303): nichts erfunden, unverändert
    frueh = Zeitangabe.lies("2007")
    assert frueh.nicht_vor(BEGINN) is frueh


def test_vertrag_im_programm_behaelt_den_text() -> None:
    v = Vertrag(region="05382", unterzeichnet="spätestens 2010-05-06", quellen=["https://x.example"])
    w = im_programm(v, BEGINN)
    assert w.unterzeichnet.text == "spätestens 2010-05-06" and w.unterzeichnet.frueh == BEGINN
    genau = Vertrag(region="05382", unterzeichnet="2009-12-07")
    assert im_programm(genau, BEGINN) is genau


def test_vor_dem_programmbeginn_null_von_null() -> None:
    for tag in (date(2005, 1, 1), date(2007, 1, 1), date(2008, 3, 1), date(2008, 6, 22)):
        a = abdeckung(REGIONEN, VERTRAEGE, tag, BEGINN)
        assert a.gesamt == (0, 0, 0) and a.regionen == () and a.gebiete == ()
        assert verlauf(REGIONEN, VERTRAEGE, BEGINN).am(tag) == (0, 0, 0)
    # am Beginn: 54 Regionen
    assert abdeckung(REGIONEN, VERTRAEGE, BEGINN, BEGINN).gesamt.gesamt == 54


def test_ohne_grenze_waere_2007_etwas_moeglich() -> None:
    """Der Fehler des Audits: ohne Programmbeginn hieße es 2007 „bis zu 9 möglich“."""
    assert abdeckung(REGIONEN, VERTRAEGE, date(2007, 1, 1)).gesamt.moeglich == 9
    assert abdeckung(REGIONEN, VERTRAEGE, date(2008, 3, 1)).gesamt.moeglich == 15


# --- Die Regionen an jedem Tag --------------------------------------------------------------


def test_54_bis_20_10_2009_dann_53() -> None:
    assert len(regionen_am(REGIONEN, date(2009, 10, 20), BEGINN)) == 54
    assert len(regionen_am(REGIONEN, date(2009, 10, 21), BEGINN)) == 53
    alt = {r.ags for r in regionen_am(REGIONEN, date(2009, 10, 20), BEGINN)}
    neu = {r.ags for r in regionen_am(REGIONEN, date(2009, 10, 21), BEGINN)}
    assert alt - neu == {"05313", "05354"} and neu - alt == {"05334"}


def test_aachener_vertrag_gilt_fuer_kreis_und_stadt_dann_fuer_die_staedteregion() -> None:
    def stand(tag: date) -> dict[str, Stand]:
        return {s.region.ags: s.stand for s in abdeckung(REGIONEN, VERTRAEGE, tag, BEGINN).regionen}

    vorher = stand(date(2009, 1, 21))
    assert vorher["05313"] is vorher["05354"] is Stand.OHNE and "05334" not in vorher
    am = stand(date(2009, 1, 22))
    assert am["05313"] is am["05354"] is Stand.MIT
    danach = stand(date(2009, 10, 21))
    assert danach["05334"] is Stand.MIT and "05313" not in danach


def test_karte_fasst_die_vorgaenger_zusammen() -> None:
    a = abdeckung(REGIONEN, VERTRAEGE, date(2009, 5, 1), BEGINN)
    karte = a.fuer_karte()
    assert "05313" not in karte and "05354" not in karte
    assert karte["05334"].stand is Stand.MIT
    assert a.kartenhinweise == [
        "Gebiet der StädteRegion Aachen vor dem 21.10.2009: Kreis Aachen und Stadt Aachen"
    ]
    assert a.gesamt.gesamt == 54  # das Gebiet zählt nicht mit
    heute = abdeckung(REGIONEN, VERTRAEGE, date(2026, 11, 27), BEGINN)
    assert heute.gebiete == () and heute.kartenhinweise == []


# --- Eigenschaft: nie mehr als die Regionen des Tages ----------------------------------------

tage = st.dates(min_value=date(1990, 1, 1), max_value=date(2035, 12, 31))


@settings(max_examples=beispiele(300), deadline=None)
@given(tage)
def test_eingebettete_daten_nie_ueber_dem_nenner(d: date) -> None:
    v = verlauf(REGIONEN, VERTRAEGE, BEGINN)
    a = abdeckung(REGIONEN, VERTRAEGE, d, BEGINN)
    nenner = len(regionen_am(REGIONEN, d, BEGINN))
    assert 0 <= a.gesamt.sicher <= a.gesamt.moeglich <= a.gesamt.gesamt == nenner
    assert v.am(d) == a.gesamt
    for bezirk, z in a.nach("regierungsbezirk").items():
        im_bezirk = [r for r in regionen_am(REGIONEN, d, BEGINN) if r.regierungsbezirk == bezirk]
        assert 0 <= z.sicher <= z.moeglich <= z.gesamt == len(im_bezirk)
    if d < BEGINN:
        assert a.gesamt == (0, 0, 0)


_ZEITEN = st.sampled_from(
    [
        "2008",
        "2008-06",
        "2008-06-23",
        "2009-01-22",
        "2009",
        "2010-05",
        "spätestens 2010-05-06",
        "spätestens 2009-12-07",
        "frühestens 2019-08",
        "zwischen 2019-03-15 und 2019-07-08",
        "zwischen 2009-05-20 und 2010-05-06",
        "2022",
        "2007",
    ]
)


@st.composite
def bestaende(draw: st.DrawFn) -> tuple[list[Region], list[Vertrag], date | None, date]:
    """Kleine Bestände: Regionen mit Gültigkeit, Zusammenschlüsse, Verträge mit ``umfasst``."""
    n = draw(st.integers(1, 6))
    regionen: list[Region] = []
    for i in range(n):
        ab = draw(st.none() | st.dates(min_value=date(2005, 1, 1), max_value=date(2020, 1, 1)))
        bis = None
        if draw(st.booleans()):
            bis = draw(st.dates(min_value=ab or date(2005, 1, 1), max_value=date(2030, 1, 1)))
        regionen.append(
            Region(
                ags=f"05{i:03d}",
                name=f"R{i}",
                bezeichnung=f"Region {i}",
                art="Kreis",
                regierungsbezirk=draw(st.sampled_from(REGIERUNGSBEZIRKE)),
                gueltig_ab=ab,
                gueltig_bis=bis,
            )
        )
    # ein Zusammenschluss wie in Aachen: zwei Regionen enden, eine neue beginnt am Tag danach
    if draw(st.booleans()):
        tag = draw(st.dates(min_value=date(2008, 1, 1), max_value=date(2025, 1, 1)))
        alt = [
            Region(ags=f"05{500 + i}", name=f"A{i}", bezeichnung=f"Alt {i}", art="Kreis",
                   regierungsbezirk="Köln", gueltig_bis=tag, nachfolger=["05599"])
            for i in range(2)
        ]  # fmt: skip
        neu = Region(
            ags="05599", name="N", bezeichnung="Neu", art="Kreis", regierungsbezirk="Köln",
            gueltig_ab=tag + timedelta(days=1), vorgaenger=[r.ags for r in alt],
        )  # fmt: skip
        regionen += [*alt, neu]
    alle = [r.ags for r in regionen]
    vertraege = []
    for _ in range(draw(st.integers(0, 10))):
        region = draw(st.sampled_from(alle))
        umfasst = draw(st.lists(st.sampled_from(alle), max_size=2, unique=True))
        endet = draw(st.none() | _ZEITEN)
        u = Zeitangabe.lies(draw(_ZEITEN))
        e = Zeitangabe.lies(endet) if endet is not None else None
        if e is not None and u.frueh is not None and e.spaet is not None and e.spaet < u.frueh:
            endet = None  # ein Ende vor der Unterzeichnung wäre ein Befund (NZ304), kein Bestand
        vertraege.append(Vertrag(region=region, unterzeichnet=u.text, umfasst=umfasst, endet=endet))
    beginn = draw(st.none() | st.just(BEGINN))
    return regionen, vertraege, beginn, draw(tage)


@settings(max_examples=beispiele(400), deadline=None)
@given(bestaende())
def test_keine_zaehlung_ueber_den_regionen_des_tages(
    fall: tuple[list[Region], list[Vertrag], date | None, date],
) -> None:
    """Eigenschaft für beliebige kleine Bestände: 0 <= sicher <= möglich <= Regionen des Tages,
    gesamt und je Bezirk; die Stufenfunktion zählt wie die direkte Zählung."""
    regionen, vertraege, beginn, d = fall
    je = vertraege_je_region(vertraege, beginn)
    a = abdeckung(regionen, je, d, beginn)
    nenner = regionen_am(regionen, d, beginn)
    assert 0 <= a.gesamt.sicher <= a.gesamt.moeglich <= a.gesamt.gesamt == len(nenner)
    for bezirk, z in a.nach("regierungsbezirk").items():
        assert 0 <= z.sicher <= z.moeglich <= z.gesamt == sum(r.regierungsbezirk == bezirk for r in nenner)
    v = verlauf(regionen, je, beginn)
    assert v.am(d) == a.gesamt
    assert all(0 <= s <= m <= n for s, m, n in zip(v.sicher, v.moeglich, v.regionen, strict=True))
    if beginn is not None and d < beginn:
        assert a.gesamt == (0, 0, 0)
