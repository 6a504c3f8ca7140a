from __future__ import annotations

import itertools
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from netzwerk_cli.daten.laden import lade_datenbestand
from netzwerk_cli.kern.abdeckung import Stand, abdeckung, vertraege_je_region, vertrag_stand, wendepunkte
from netzwerk_cli.kern.datum import Zeitangabe
from netzwerk_cli.kern.modelle import Vertrag
from tests.conftest import DATEN, beispiele

BESTAND = lade_datenbestand(DATEN)  # nur lesen
REGIONEN = [d.modell for d in BESTAND.regionen]
VERTRAEGE = [d.modell for d in BESTAND.vertraege]
HEUTIGE = [r for r in REGIONEN if r.gueltig_bis is None]
BEGINN = date(2008, 6, 23)
FEHLEND_2010 = {
    "Kreis Kleve",
    "Kreis Mettmann",
    "Rhein-Kreis Neuss",
    "Kreis Viersen",
    "Kreis Wesel",
    "Rhein-Erft-Kreis",
    "Kreis Heinsberg",
    "Kreis Minden-Lübbecke",
    "Stadt Hagen",
    "Stadt Wuppertal",
}


def test_eingebettete_daten_sind_fehlerfrei() -> None:
    assert BESTAND.probleme == []
    assert len(REGIONEN) == 55  # 53 heutige, dazu Kreis und Stadt Aachen bis 20.10.2009
    assert len(HEUTIGE) == 53
    assert not any(v.region == "05170" for v in VERTRAEGE)  # Kreis Wesel: kein Vertrag bekannt


def test_pressemitteilung_2010_05_06() -> None:
    a = abdeckung(REGIONEN, VERTRAEGE, date(2010, 5, 6))
    assert (a.gesamt.sicher, a.gesamt.moeglich, a.gesamt.gesamt) == (43, 43, 53)
    assert {s.region.bezeichnung for s in a.mit(Stand.OHNE)} == FEHLEND_2010


def test_tag_davor_siegen_wittgenstein_fehlt() -> None:
    a = abdeckung(REGIONEN, VERTRAEGE, date(2010, 5, 5))
    stand = {s.region.name: s.stand for s in a.regionen}
    assert stand["Siegen-Wittgenstein"] is Stand.OHNE
    # Regionen mit „spätestens 2010-05-06“ sind am Vortag nur möglich, nicht sicher.
    assert (a.gesamt.sicher, a.gesamt.moeglich) == (31, 42)


def test_muenster_drei_phasen() -> None:
    def stand(tag: str) -> Stand:
        a = abdeckung(REGIONEN, VERTRAEGE, date.fromisoformat(tag))
        return next(s.stand for s in a.regionen if s.region.ags == "05515")

    assert stand("2008-06-01") is Stand.UNGEWISS  # „Juni 2008, spätestens 24.06.“
    assert stand("2015-01-01") is Stand.MIT
    assert stand("2020-06-01") is Stand.UNGEWISS  # Ende irgendwann 2019-08 … 2022
    assert stand("2023-01-01") is Stand.MIT  # Wiederaufnahme 2022


def test_heute_51_sicher_52_moeglich() -> None:
    a = abdeckung(REGIONEN, VERTRAEGE, date(2026, 11, 27))
    assert (a.gesamt.sicher, a.gesamt.moeglich) == (51, 52)
    assert [s.region.name for s in a.mit(Stand.OHNE)] == ["Wesel"]
    assert [s.region.name for s in a.mit(Stand.UNGEWISS)] == ["Viersen"]


def _v(unterzeichnet: str, endet: str | None = None) -> Vertrag:
    return Vertrag(region="05170", unterzeichnet=unterzeichnet, endet=endet, quellen=["https://x.example"])


def test_ende_ist_letzter_tag_in_kraft() -> None:
    v = _v("2010-01-01", "2012-06-30")
    assert vertrag_stand(v, date(2012, 6, 30)) is Stand.MIT
    assert vertrag_stand(v, date(2012, 7, 1)) is Stand.OHNE
    assert vertrag_stand(v, date(2009, 12, 31)) is Stand.OHNE


def test_offenes_ende_nie_sicher_beendet() -> None:
    v = _v("2011-09", "frühestens 2019-08")
    assert vertrag_stand(v, date(2019, 7, 31)) is Stand.MIT
    assert vertrag_stand(v, date(2030, 1, 1)) is Stand.UNGEWISS


tage = st.dates(min_value=date(2008, 1, 1), max_value=date(2027, 12, 31))


@settings(max_examples=beispiele(200), deadline=None)
@given(tage)
def test_sicher_hoechstens_moeglich(d: date) -> None:
    g = abdeckung(REGIONEN, VERTRAEGE, d).gesamt
    assert 0 <= g.sicher <= g.moeglich <= g.gesamt == (54 if d < date(2009, 10, 21) else 53)


@st.composite
def lesarten(draw: st.DrawFn) -> tuple[date, dict[int, tuple[date, date | None]]]:
    """Ein Stichtag und eine konkrete Lesart jedes ungenauen Datums."""
    d = draw(tage)
    wahl = {}
    for i, v in enumerate(VERTRAEGE):
        u = v.unterzeichnet
        lo, hi = u.frueh or date(2008, 1, 1), u.spaet or date(2027, 12, 31)
        s = lo + timedelta(days=draw(st.integers(0, (hi - lo).days)))
        e = None
        if v.endet is not None:
            elo = max(v.endet.frueh or s, s)
            ehi = v.endet.spaet or date(2027, 12, 31)
            if draw(st.booleans()) or v.endet.spaet is not None:
                e = elo + timedelta(days=draw(st.integers(0, max((ehi - elo).days, 0))))
        wahl[i] = (s, e)
    return d, wahl


@settings(max_examples=beispiele(150), deadline=None)
@given(lesarten())
def test_jede_lesart_liegt_zwischen_sicher_und_moeglich(
    fall: tuple[date, dict[int, tuple[date, date | None]]],
) -> None:
    """Eigenschaft: für jede konkrete Lesart gilt sicher <= Zahl <= möglich."""
    d, wahl = fall
    g = abdeckung(REGIONEN, VERTRAEGE, d).gesamt
    in_kraft = [VERTRAEGE[i] for i, (s, e) in wahl.items() if s <= d and (e is None or d <= e)]
    # ein Vertrag zählt für jede Region, für die er gilt (region und umfasst), die es am Tag gab
    mit = {a for v in in_kraft for a in (v.region, *v.umfasst)} & {r.ags for r in REGIONEN if r.gilt_am(d)}
    assert g.sicher <= len(mit) <= g.moeglich


def test_zaehlung_konstant_zwischen_wendepunkten() -> None:
    punkte = wendepunkte(VERTRAEGE, REGIONEN)
    je = vertraege_je_region(VERTRAEGE)
    for a, b in itertools.pairwise(punkte):
        if (b - a).days < 2:
            continue
        mitte = a + (b - a) / 2
        z1 = abdeckung(REGIONEN, je, a).gesamt
        z2 = abdeckung(REGIONEN, je, mitte).gesamt
        assert (z1.sicher, z1.moeglich) == (z2.sicher, z2.moeglich)


def test_zeitangabe_am() -> None:
    assert Zeitangabe.am(date(2010, 5, 6)).genau


def test_ziel_erreicht_und_verfehlt() -> None:
    from netzwerk_cli.kern.abdeckung import verlauf, ziel_auswertung

    zwei = REGIONEN[:2]
    vs = [
        Vertrag(region=zwei[0].ags, unterzeichnet="2009-03-01"),
        Vertrag(region=zwei[1].ags, unterzeichnet="2010"),
    ]
    z = ziel_auswertung(verlauf(zwei, vs), 2, date(2010, 6, 30), date(2026, 1, 1))
    assert z.erreicht_moeglich == date(2010, 1, 1)  # ab Jahresbeginn 2010 möglich
    assert z.erreicht_sicher == date(2010, 12, 31)  # sicher erst am letzten Tag des Jahres
    assert (z.am_zieltag.sicher, z.am_zieltag.moeglich) == (1, 2)


@settings(max_examples=beispiele(300), deadline=None)
@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 12, 31)))
def test_verlauf_gleich_abdeckung(d: date) -> None:
    """Eigenschaft: die Stufenfunktion zählt an jedem Tag wie die direkte Zählung."""
    from netzwerk_cli.kern.abdeckung import verlauf

    v = verlauf(REGIONEN, VERTRAEGE)
    z = abdeckung(REGIONEN, VERTRAEGE, d).gesamt
    assert v.am(d) == z
