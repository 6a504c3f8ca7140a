from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from netzwerk_cli.kern.datum import DatumFehler, Zeitangabe, eingabe_tag, iso_vorschlag, tag


@pytest.mark.parametrize(
    ("eingabe", "frueh", "spaet", "text"),
    [
        ("2010-05-06", date(2010, 5, 6), date(2010, 5, 6), "2010-05-06"),
        ("2008-06", date(2008, 6, 1), date(2008, 6, 30), "2008-06"),
        ("2012-02", date(2012, 2, 1), date(2012, 2, 29), "2012-02"),
        (2010, date(2010, 1, 1), date(2010, 12, 31), "2010"),
        ("2010", date(2010, 1, 1), date(2010, 12, 31), "2010"),
        ("spätestens 2010-05-06", None, date(2010, 5, 6), "spätestens 2010-05-06"),
        ("Spaetestens  2010-05", None, date(2010, 5, 31), "spätestens 2010-05"),
        ("frühestens 2019-08", date(2019, 8, 1), None, "frühestens 2019-08"),
        ("fruehestens 2019", date(2019, 1, 1), None, "frühestens 2019"),
        (
            "zwischen 2019-03-15 und 2019-07-08",
            date(2019, 3, 15),
            date(2019, 7, 8),
            "zwischen 2019-03-15 und 2019-07-08",
        ),
        ("zwischen 2010 und 2010-05-06", date(2010, 1, 1), date(2010, 5, 6), "zwischen 2010 und 2010-05-06"),
    ],
)
def test_schreibweisen(eingabe: object, frueh: date | None, spaet: date | None, text: str) -> None:
    z = Zeitangabe.lies(eingabe)
    assert (z.frueh, z.spaet, z.text) == (frueh, spaet, text)
    assert Zeitangabe.lies(z.text) == z  # kanonischer Text liest sich gleich zurück


@pytest.mark.parametrize(
    ("eingabe", "teil"),
    [
        ("2010-02-30", "28 Tage"),
        ("2010-13", "Monat 13"),
        ("zwischen 2011 und 2010", "nach dem Ende"),
        ("06.05.2010", "keine Zeitangabe"),
        ("bald", "keine Zeitangabe"),
        ("1850", "außerhalb"),
        (True, "bool"),
        (3.5, "float"),
    ],
)
def test_fehler_auf_deutsch(eingabe: object, teil: str) -> None:
    with pytest.raises(DatumFehler, match=teil):
        Zeitangabe.lies(eingabe)


def test_tag_nur_genau() -> None:
    assert tag("2010-05-06") == date(2010, 5, 6)
    for falsch in ("2010-05", "2010", "6.5.2010", "2010-02-29"):
        with pytest.raises(DatumFehler):
            tag(falsch)


def test_deutsche_darstellung() -> None:
    assert Zeitangabe.lies("2010-05-06").deutsch() == "06.05.2010"
    assert Zeitangabe.lies("2008-06").deutsch() == "Juni 2008"
    assert Zeitangabe.lies("zwischen 2019-03-15 und 2019-07").deutsch() == "zwischen 15.03.2019 und Juli 2019"


tage = st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 12, 31))


@st.composite
def zeitangaben(draw: st.DrawFn) -> Zeitangabe:
    a = draw(tage)
    form = draw(st.sampled_from(["tag", "monat", "jahr", "spaet", "frueh", "zwischen"]))
    if form == "tag":
        return Zeitangabe.lies(a.isoformat())
    if form == "monat":
        return Zeitangabe.lies(a.isoformat()[:7])
    if form == "jahr":
        return Zeitangabe.lies(a.year)
    if form == "spaet":
        return Zeitangabe.lies(f"spätestens {a.isoformat()}")
    if form == "frueh":
        return Zeitangabe.lies(f"frühestens {a.isoformat()}")
    b = draw(tage.filter(lambda d: d >= a))
    return Zeitangabe.lies(f"zwischen {a.isoformat()} und {b.isoformat()}")


@given(zeitangaben(), tage)
def test_sicher_heisst_auch_moeglich(z: Zeitangabe, d: date) -> None:
    if z.sicher_bis(d):
        assert z.moeglich_bis(d)
    if z.sicher_nach(d):
        assert not z.moeglich_bis(d)


@given(zeitangaben(), tage, tage)
def test_monoton_in_der_zeit(z: Zeitangabe, d1: date, d2: date) -> None:
    frueher, spaeter = sorted((d1, d2))
    assert not (z.sicher_bis(frueher) and not z.sicher_bis(spaeter))
    assert not (z.moeglich_bis(frueher) and not z.moeglich_bis(spaeter))


@given(zeitangaben())
def test_kanonisch_stabil(z: Zeitangabe) -> None:
    assert Zeitangabe.lies(z.text) == z


@pytest.mark.parametrize(
    ("text", "erwartet"),
    [
        ("06.05.2010", date(2010, 5, 6)),
        ("6.5.2010", date(2010, 5, 6)),
        ("2010-05-06", date(2010, 5, 6)),
        (" heute ", date(2026, 11, 28)),
        ("HEUTE", date(2026, 11, 28)),
    ],
)
def test_eingabe_tag(text: str, erwartet: date) -> None:
    assert eingabe_tag(text, date(2026, 11, 28)) == erwartet


@pytest.mark.parametrize(
    ("text", "teil"),
    [("31.02.2010", "28 Tage"), ("6.13.2010", "Monat 13"), ("6.5.10", "06.05.2010"), ("gestern", "heute")],
)
def test_eingabe_tag_falsch(text: str, teil: str) -> None:
    with pytest.raises(DatumFehler, match=teil):
        eingabe_tag(text, date(2026, 11, 28))


@pytest.mark.parametrize(
    ("text", "vorschlag"),
    [
        ("24.08.2009", "2009-08-24"),
        ("1.1.2020", "2020-01-01"),
        ("spätestens 6.5.2010", "spätestens 2010-05-06"),
        ("zwischen 15.03.2019 und 08.07.2019", "zwischen 2019-03-15 und 2019-07-08"),
        ("31.02.2010", None),
        ("Mai 2010", None),
    ],
)
def test_iso_vorschlag(text: str, vorschlag: str | None) -> None:
    assert iso_vorschlag(text) == vorschlag
