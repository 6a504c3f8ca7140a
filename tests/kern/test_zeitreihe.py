from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from netzwerk_cli.kern import bericht
from netzwerk_cli.kern.abdeckung import verlauf
from netzwerk_cli.kern.zeitreihe import meilensteine, tempo, zeitreihe
from netzwerk_cli.render.bausteine import tempo_zeile
from tests.conftest import beispiele
from tests.kern.test_abdeckung import BESTAND, REGIONEN, VERTRAEGE

VERLAUF = verlauf(REGIONEN, VERTRAEGE)


@settings(max_examples=beispiele(60), deadline=None)
@given(st.dates(min_value=date(2008, 1, 1), max_value=date(2026, 11, 27)), st.sampled_from(["year", "month"]))
def test_zeitreihe_gleich_status(bis: date, nach: str) -> None:
    """Eigenschaft: die letzte Periode endet am Stichtag und zählt wie netz status --as-of."""
    perioden = zeitreihe(BESTAND, bis - timedelta(days=40), bis, nach)
    letzte = perioden[-1]
    assert letzte.ende == bis
    s = bericht.status(BESTAND, bis).gesamt
    assert (letzte.zaehlung.sicher, letzte.zaehlung.moeglich) == (s.sicher, s.moeglich)


def test_jahre_2008_bis_heute() -> None:
    perioden = zeitreihe(BESTAND, date(2008, 1, 1), date(2026, 11, 27))
    namen = [p.name for p in perioden]
    assert namen[0] == "2008" and namen[-1] == "2026" and len(namen) == 19
    j = {p.name: p for p in perioden}
    assert j["2010"].zaehlung.sicher == 46
    assert {m.text for m in j["2010"].meilensteine} == {"veröffentlicht: 43", "Ziel: 53"}
    assert j["2012"].unterzeichnet.sicher == 1  # Kleve
    assert j["2013"].unterzeichnet.sicher == 1  # Mettmann
    assert j["2022"].wiedereintritte.sicher == 1  # Münster
    assert j["2019"].beendet.sicher == 0 and j["2019"].beendet.moeglich == 2  # Münster, Viersen möglich
    # über alle Jahre: jeder erste Vertrag genau einmal sicher oder möglich gezählt
    assert (
        sum(p.unterzeichnet.sicher for p in perioden) <= 52 <= sum(p.unterzeichnet.moeglich for p in perioden)
    )


def test_monate() -> None:
    perioden = zeitreihe(BESTAND, date(2019, 1, 1), date(2019, 12, 31), "month")
    assert [p.name for p in perioden][:2] == ["2019-01", "2019-02"] and len(perioden) == 12
    juli = perioden[6]
    assert juli.zaehlung.sicher == 51  # Neuss spätestens 08.07.2019


def test_meilensteine() -> None:
    texte = [m.text for m in meilensteine(BESTAND)]
    assert texte[0] == "erste Verträge" and texte[-1] == "Ziel: 53"
    assert "veröffentlicht: mehr als 30" in texte


def test_tempo() -> None:
    t = tempo(VERLAUF, date(2026, 11, 27), 53, date(2008, 6, 23))
    assert t is not None
    assert (t.zuwachs, t.fehlen) == (2, 2)
    assert t.erreicht_etwa is not None and t.erreicht_etwa.year == 2031
    assert "etwa im Jahr 2031" in tempo_zeile(t)
    assert tempo(VERLAUF, date(2008, 12, 1), 53, date(2008, 6, 23)) is None
    stillstand = tempo(VERLAUF, date(2018, 12, 1), 53, date(2008, 6, 23))
    assert stillstand is not None and stillstand.zuwachs == 0 and stillstand.erreicht_etwa is None
    assert "nie erreicht" in tempo_zeile(stillstand)
