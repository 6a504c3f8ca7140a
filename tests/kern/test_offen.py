"""Offene Fragen: Einengen durch Prüfpunkte, an kleinen Beständen, deren Antwort von Hand
offensichtlich ist – und gegen alle Lesarten kleiner Zufallsbestände (Hypothesis)."""

from __future__ import annotations

import itertools
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from netzwerk_cli.kern.bestand import Datenbestand, Dokument
from netzwerk_cli.kern.datum import Zeitangabe
from netzwerk_cli.kern.modelle import Programm, Pruefpunkt, Region, Vertrag
from netzwerk_cli.kern.offen import (
    ENDET,
    GENANNT,
    KNAPP,
    OFFEN,
    OHNE,
    UNTERZEICHNET,
    VOLL,
    Bedingung,
    Spanne,
    Zeiten,
    entscheidet,
    je_region,
    klemme,
    offene_fragen,
    propagiere,
    zutreffende_tage,
)
from tests.conftest import beispiele

T0 = date(2020, 1, 1)


def d(n: int) -> date:
    return T0 + timedelta(days=n)


def sp(a: int, b: int | None) -> Spanne:
    return Spanne(d(a), OFFEN if b is None else d(b))


def genau(n: int) -> Spanne:
    return sp(n, n)


def bed(
    nr: int, von: int, bis: int, n: int | None, regionen: str, mindestens: int | None = None
) -> Bedingung:
    """Eine Bedingung: genau ``n`` (oder nur ``mindestens``) der Regionen (Buchstaben)."""
    return Bedingung(nr, d(von), d(bis), n if n is not None else mindestens, n, frozenset(regionen))


# --- Klemmen auf den Programmstart ---------------------------------------------------

START = date(2008, 6, 23)


def test_klemme_spaetestens_beginnt_am_programmstart() -> None:
    assert klemme(Zeitangabe.lies("spätestens 2010-05-06"), START) == Spanne(START, date(2010, 5, 6))


def test_klemme_jahr_und_monat_des_starts() -> None:
    assert klemme(Zeitangabe.lies("2008"), START) == Spanne(START, date(2008, 12, 31))
    assert klemme(Zeitangabe.lies("2008-06"), START) == Spanne(START, date(2008, 6, 30))
    assert klemme(Zeitangabe.lies("2009"), START) == Spanne(date(2009, 1, 1), date(2009, 12, 31))


def test_klemme_frueheestens_bleibt_nach_oben_offen() -> None:
    s = klemme(Zeitangabe.lies("frühestens 2019-08"), START)
    assert s == Spanne(date(2019, 8, 1), OFFEN)
    assert s.offen and s.deutsch() == "ab 01.08.2019 oder bis heute nicht"
    assert s.tage(date(2019, 8, 10)) == 10


def test_klemme_macht_eine_angabe_vor_dem_start_nicht_leer() -> None:
    # ein Datenfehler (validate meldet ihn) – aber keine leere Spanne, die alles „beweist“
    assert klemme(Zeitangabe.lies("2007"), START) == Spanne(date(2007, 1, 1), date(2007, 12, 31))
    assert klemme(Zeitangabe.lies("spätestens 2008-01"), START) == Spanne(
        date(2008, 1, 31), date(2008, 1, 31)
    )


def test_tage_einer_spanne() -> None:
    assert sp(0, 0).tage(d(100)) == 1
    assert sp(0, 9).tage(d(100)) == 10
    assert Spanne(START, date(2010, 5, 6)).tage(date(2026, 11, 28)) == 683


# --- Einengen: von Hand offensichtlich ---------------------------------------------


def test_voll_die_sicheren_fuellen_die_zahl() -> None:
    """A hat am Tag 0 sicher ein Netzwerk, veröffentlicht ist 1: B unterschrieb später."""
    zeiten = [Zeiten("A", genau(0), None), Zeiten("B", sp(0, 5), None)]
    e = propagiere(zeiten, [bed(0, 0, 0, 1, "AB")])
    assert e.widerspruch is None
    assert e.zeiten[1].unterzeichnet == sp(1, 5)
    (s,) = e.schritte
    assert (s.vertrag, s.art, s.seite, s.regel, s.allein) == (1, UNTERZEICHNET, "von", VOLL, True)
    assert (s.stand.tag, s.stand.sicher, s.stand.moeglich) == (d(0), 1, 2)


def test_knapp_alle_moeglichen_sind_dabei() -> None:
    """Am Tag 2 können nur A und B eines haben, veröffentlicht sind 2: B spätestens Tag 2."""
    zeiten = [Zeiten("A", genau(0), None), Zeiten("B", sp(0, 5), None), Zeiten("C", sp(3, 9), None)]
    e = propagiere(zeiten, [bed(0, 2, 2, 2, "ABC")])
    assert e.zeiten[1].unterzeichnet == sp(0, 2)
    assert e.zeiten[2].unterzeichnet == sp(3, 9)  # am Tag 2 ohnehin nicht möglich
    assert [x.regel for x in e.schritte] == [KNAPP]


def test_zwei_von_drei_erzwingen_keine_einzelne() -> None:
    """Wie die 19 vom 23.06.2008: 1 sicher, 3 möglich, veröffentlicht 3 – zwei der drei
    waren dabei, welche, sagt die Zahl nicht."""
    zeiten = [Zeiten("A", genau(0), None)] + [Zeiten(r, sp(0, 5), None) for r in "BCD"]
    e = propagiere(zeiten, [bed(0, 0, 0, 3, "ABCD")])
    assert e.zeiten == tuple(zeiten) and e.schritte == ()


def test_mindestens_knapp() -> None:
    zeiten = [Zeiten("A", sp(0, 5), None), Zeiten("B", sp(2, 8), None)]
    e = propagiere(zeiten, [bed(0, 3, 3, None, "AB", mindestens=2)])
    assert [z.unterzeichnet for z in e.zeiten] == [sp(0, 3), sp(2, 3)]


def test_ende_voll_der_vertrag_endete_vorher() -> None:
    """Sicher unterzeichnet, Ende offen; am Tag 10 hat keine Region ein Netzwerk: Ende vor Tag 10."""
    zeiten = [Zeiten("A", genau(0), sp(3, None))]
    e = propagiere(zeiten, [bed(0, 10, 10, 0, "A")])
    assert e.zeiten[0].endet == sp(3, 9)
    (s,) = e.schritte
    assert (s.art, s.seite, s.regel) == (ENDET, "bis", VOLL)


def test_ende_knapp_der_vertrag_galt_noch() -> None:
    zeiten = [Zeiten("A", genau(0), sp(3, None))]
    e = propagiere(zeiten, [bed(0, 7, 7, 1, "A")])
    assert e.zeiten[0].endet == sp(7, None)


def test_ungewiss_ob_spaeter_unterzeichnet_oder_frueher_beendet() -> None:
    """Beides offen: am Tag 5 kein Netzwerk heißt „nach 5 unterzeichnet oder vor 5 beendet“ –
    keine der beiden Grenzen folgt allein."""
    zeiten = [Zeiten("A", sp(0, 9), sp(3, None))]
    e = propagiere(zeiten, [bed(0, 5, 5, 0, "A")])
    assert e.zeiten == tuple(zeiten)


def test_zeitraum_die_huelle_ueber_alle_moeglichen_tage() -> None:
    """Irgendwann in Tag 4–6 hatten beide eines: B spätestens am Tag 6, nicht am Tag 4."""
    zeiten = [Zeiten("A", genau(0), None), Zeiten("B", sp(2, 9), None)]
    e = propagiere(zeiten, [bed(0, 4, 6, 2, "AB")])
    assert e.zeiten[1].unterzeichnet == sp(2, 6)
    (s,) = e.schritte
    assert s.stand.tag == d(6)


def test_zeitraum_ohne_moeglichen_tag_ohne_einengung_widerspricht() -> None:
    zeiten = [Zeiten("A", sp(5, 9), None)]
    e = propagiere(zeiten, [bed(0, 0, 3, 1, "A")])
    assert e.widerspruch is not None and e.widerspruch.nr == 0


def test_folgerung_aus_zwei_pruefpunkten() -> None:
    """Prüfpunkt 1: am Tag 2 eine von A und B. Prüfpunkt 0: am Tag 2 hatte A keines.
    Also B spätestens am Tag 2 – das folgt nur aus beiden zusammen."""
    zeiten = [Zeiten("A", sp(0, 9), None), Zeiten("B", sp(0, 9), None)]
    e = propagiere(zeiten, [bed(0, 2, 2, 0, "A"), bed(1, 2, 2, 1, "AB")])
    assert e.zeiten[0].unterzeichnet == sp(3, 9)
    assert e.zeiten[1].unterzeichnet == sp(0, 2)
    allein = {(s.vertrag, s.bedingung.nr): s.allein for s in e.schritte}
    assert allein == {(0, 0): True, (1, 1): False}


def test_widerspruch_zweier_pruefpunkte() -> None:
    zeiten = [Zeiten("A", sp(0, 5), None)]
    e = propagiere(zeiten, [bed(0, 0, 0, 1, "A"), bed(1, 0, 0, 0, "A")])
    assert e.widerspruch is not None and e.widerspruch.nr == 1


def test_zwei_vertraege_einer_region_zaehlen_einmal() -> None:
    """Münster: erster Vertrag endet irgendwann, zweiter beginnt irgendwann. Am Tag 5 hatte die
    Region eines – welcher Vertrag galt, ist offen, also keine Einengung."""
    zeiten = [Zeiten("M", genau(0), sp(2, 8)), Zeiten("M", sp(3, 9), None)]
    e = propagiere(zeiten, [bed(0, 5, 5, 1, "M")])
    assert e.zeiten == tuple(zeiten)
    # … und keines am Tag 5: der erste endete vorher, der zweite kam danach
    e = propagiere(zeiten, [bed(0, 5, 5, 0, "M")])
    assert e.zeiten[0].endet == sp(2, 4)
    assert e.zeiten[1].unterzeichnet == sp(6, 9)


def test_ein_vertrag_fuer_zwei_regionen_vor_dem_zusammenschluss() -> None:
    """Wie Aachen: bis Tag 4 gab es K und S, ab Tag 5 nur noch R; ein Vertrag von R galt für
    alle drei. Am Tag 3 zählen K und S doppelt: 2 veröffentlicht heißt, er galt schon."""
    gueltig = (("K", d(0), d(4)), ("S", d(0), d(4)), ("R", d(5), OFFEN))
    zeiten = [Zeiten("R", sp(0, 9), None, ("K", "S"))]
    e = propagiere(zeiten, [Bedingung(0, d(3), d(3), 2, 2, frozenset("KSR"), gueltig)])
    assert e.zeiten[0].unterzeichnet == sp(0, 3)
    # 0 an dem Tag: unterzeichnet danach
    e = propagiere(zeiten, [Bedingung(0, d(3), d(3), 0, 0, frozenset("KSR"), gueltig)])
    assert e.zeiten[0].unterzeichnet == sp(4, 9)
    # 1 an dem Tag ginge mit keiner Lesart (er gilt für beide oder keine) – das Einengen sieht
    # es nicht: es ist bewiesen, nicht vollständig (siehe Moduldoku)
    e = propagiere(zeiten, [Bedingung(0, d(3), d(3), 1, 1, frozenset("KSR"), gueltig)])
    assert e.widerspruch is None and e.zeiten == tuple(zeiten)
    # nach dem Zusammenschluss zählt er einmal
    e = propagiere(zeiten, [Bedingung(0, d(6), d(6), 1, 1, frozenset("KSR"), gueltig)])
    assert e.zeiten[0].unterzeichnet == sp(0, 6)


def test_namentlich_genannt_und_vollstaendige_liste() -> None:
    """Wie die Pressemitteilung vom 06.05.2010 mit allen 43 Namen: wer genannt ist, hatte am Tag
    ein Netzwerk; wer in der vollständigen Liste fehlt, keines."""
    zeiten = [Zeiten("A", sp(0, 9), None), Zeiten("B", sp(0, 9), None), Zeiten("C", sp(0, 9), None)]
    b = Bedingung(0, d(4), d(4), None, None, frozenset("ABC"), (), frozenset("A"), frozenset("C"))
    e = propagiere(zeiten, [b])
    assert [z.unterzeichnet for z in e.zeiten] == [sp(0, 4), sp(0, 9), sp(5, 9)]
    assert {(s.vertrag, s.regel) for s in e.schritte} == {(0, GENANNT), (2, OHNE)}
    # genannt, aber sicher erst später unterzeichnet: Widerspruch
    e = propagiere([Zeiten("A", sp(6, 9), None)], [b._replace(ohne=frozenset())])
    assert e.widerspruch is not None


def test_hoechstens() -> None:
    zeiten = [Zeiten("A", genau(0), None), Zeiten("B", sp(0, 9), None)]
    e = propagiere(zeiten, [Bedingung(0, d(3), d(3), None, 1, frozenset("AB"))])
    assert e.zeiten[1].unterzeichnet == sp(4, 9)


# --- Entscheiden ---------------------------------------------------------------------


def _entscheidet(zeiten: list[Zeiten], b: Bedingung, i: int = 0, art: str = UNTERZEICHNET) -> bool:
    je = je_region(zeiten)
    return entscheidet(zeiten, je, i, art, b, zutreffende_tage(zeiten, je, b))


def test_entscheidet_nur_wenn_der_tag_in_der_spanne_liegt() -> None:
    zeiten = [Zeiten("A", sp(0, 10), None), Zeiten("B", genau(0), None)]
    assert _entscheidet(zeiten, bed(0, 5, 5, 1, "AB"))  # am Tag 5: A vielleicht schon
    assert not _entscheidet(zeiten, bed(0, 20, 20, 2, "AB"))  # am Tag 20 sicher
    assert not _entscheidet(zeiten, bed(0, 5, 5, 1, "B"))  # A zählt dort nicht
    assert not _entscheidet([Zeiten("A", genau(3), None)], bed(0, 3, 3, 1, "A"))  # genau bekannt


def test_entscheidet_nicht_an_tagen_an_denen_die_zahl_nie_zutrifft() -> None:
    """Die 11 im Bezirk Köln hängen nicht am Datum von Bonn, wenn 11 erst ab der letzten
    Region möglich sind und Bonn da sicher dabei ist."""
    zeiten = [Zeiten("A", sp(0, 10), None), Zeiten("B", sp(50, 60), None)]
    assert not _entscheidet(zeiten, bed(0, 0, 99, 2, "AB"))
    assert _entscheidet(zeiten, bed(0, 0, 99, 2, "AB"), i=1)


# --- Gegen alle Lesarten: keine Einengung schließt einen möglichen Tag aus -------------

HORIZONT = 5  # Tage 0..5; „heute“ ist Tag 5


def _werte(s: Spanne) -> list[date]:
    ende = min(s.bis, d(HORIZONT))
    out = [s.von + timedelta(days=k) for k in range((ende - s.von).days + 1)]
    return out + ([OFFEN] if s.offen else [])


def _region_hat(zuordnung: dict[tuple[int, str], date], zeiten: list[Zeiten], ags: str, t: date) -> bool:
    for i, z in enumerate(zeiten):
        if ags != z.region and ags not in z.umfasst:
            continue
        u = zuordnung[(i, UNTERZEICHNET)]
        e = zuordnung.get((i, ENDET), OFFEN)
        if u <= t <= e:
            return True
    return False


def _erfuellt(zuordnung: dict[tuple[int, str], date], zeiten: list[Zeiten], bs: list[Bedingung]) -> bool:
    for i in range(len(zeiten)):  # ein Vertrag endet nicht vor seiner Unterzeichnung
        if (i, ENDET) in zuordnung and zuordnung[(i, ENDET)] < zuordnung[(i, UNTERZEICHNET)]:
            return False
    for b in bs:
        tage = [b.von + timedelta(days=k) for k in range((b.bis - b.von).days + 1)]
        if not any(_trifft_zu(zuordnung, zeiten, b, t) for t in tage):
            return False
    return True


def _trifft_zu(zuordnung: dict[tuple[int, str], date], zeiten: list[Zeiten], b: Bedingung, t: date) -> bool:
    """Trifft der Prüfpunkt in dieser Lesart am Tag t zu? Zahl und Namen am selben Tag; eine
    genannte Region, die es an dem Tag nicht gab, hatte kein Netzwerk."""
    n = sum(_region_hat(zuordnung, zeiten, r, t) for r in b.regionen if _gilt(b, r, t))
    if (b.mindestens is not None and n < b.mindestens) or (b.hoechstens is not None and n > b.hoechstens):
        return False
    hat = {r: _gilt(b, r, t) and _region_hat(zuordnung, zeiten, r, t) for r in b.mit | b.ohne}
    return all(hat[r] for r in b.mit) and not any(hat[r] for r in b.ohne)


def _gilt(b: Bedingung, ags: str, t: date) -> bool:
    """Gab es die Region am Tag t? (unabhängig von Bedingung.zaehlt nachgerechnet)"""
    return all(von <= t <= bis for a, von, bis in b.gueltig if a == ags)


@st.composite
def _spanne(draw: Any, offen_erlaubt: bool = True) -> Spanne:
    von = draw(st.integers(0, HORIZONT))
    bis = draw(st.one_of(st.integers(von, HORIZONT), st.none() if offen_erlaubt else st.nothing()))
    return sp(von, bis)


@st.composite
def _bestand(draw: Any) -> tuple[list[Zeiten], list[Bedingung]]:
    regionen = "ABC"[: draw(st.integers(1, 3))]
    zeiten = [
        Zeiten(
            draw(st.sampled_from(regionen)),
            draw(_spanne()),
            draw(st.one_of(st.none(), _spanne())),
            tuple(draw(st.sets(st.sampled_from(regionen), max_size=1))),  # wie der Aachener Vertrag
        )
        for _ in range(draw(st.integers(1, 3)))
    ]
    # eine Region, die es nur eine Zeit lang gab (wie Kreis und Stadt Aachen bis 20.10.2009)
    gueltig: tuple[tuple[str, date, date], ...] = ()
    if draw(st.booleans()):
        von = draw(st.integers(0, HORIZONT))
        bis = draw(st.one_of(st.integers(von, HORIZONT), st.none()))
        gueltig = ((draw(st.sampled_from(regionen)), d(von), OFFEN if bis is None else d(bis)),)
    bs = []
    for nr in range(draw(st.integers(1, 3))):
        von = draw(st.integers(0, HORIZONT))
        bis = draw(st.integers(von, HORIZONT))
        gebiet = draw(st.sets(st.sampled_from(regionen), min_size=1))
        art = draw(st.sampled_from(["genau", "mindestens", "hoechstens", "namen"]))
        n = draw(st.integers(0, len(gebiet)))
        mindestens = n if art in ("genau", "mindestens") else None
        hoechstens = n if art in ("genau", "hoechstens") else None
        # Namen: wer laut Quelle ein Netzwerk hatte, wer keines
        mit = frozenset(draw(st.sets(st.sampled_from(regionen), max_size=1)))
        ohne = frozenset(draw(st.sets(st.sampled_from(regionen), max_size=1))) - mit
        bs.append(
            Bedingung(nr, d(von), d(bis), mindestens, hoechstens, frozenset(gebiet), gueltig, mit, ohne)
        )
    return zeiten, bs


@settings(max_examples=beispiele(300), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_bestand())
# Gefundene Fälle: ein Vertrag für A und B; B laut Quelle ohne, A muss eines haben
@example(
    (
        [Zeiten("A", sp(0, None), None, ("B",))],
        [Bedingung(0, d(0), d(0), 1, 1, frozenset("A"), (), frozenset(), frozenset("B"))],
    )
)
@example(
    (
        [Zeiten("B", genau(0), sp(0, None), ("A",))],
        [Bedingung(0, d(0), d(1), 0, 0, frozenset("A"), (), frozenset("B"), frozenset())],
    )
)
def test_einengen_schliesst_keinen_moeglichen_tag_aus(fall: tuple[list[Zeiten], list[Bedingung]]) -> None:
    """Für jede Lesart, die alle Prüfpunkte erfüllt, liegt jede Unbekannte in ihrer
    eingeengten Spanne; meldet das Einengen einen Widerspruch, gibt es keine solche Lesart."""
    zeiten, bs = fall
    unbekannte = [(i, UNTERZEICHNET) for i in range(len(zeiten))]
    unbekannte += [(i, ENDET) for i, z in enumerate(zeiten) if z.endet is not None]
    spannen = [zeiten[i].spanne(art) for i, art in unbekannte]
    werte = [_werte(s) for s in spannen if s is not None]
    assume(1 <= len(list(itertools.islice(itertools.product(*werte), 5000))) < 5000)
    e = propagiere(zeiten, bs)
    for eng, alt in zip(e.zeiten, zeiten, strict=True):
        for art in (UNTERZEICHNET, ENDET):
            s, a = eng.spanne(art), alt.spanne(art)
            if s is not None and a is not None:
                assert a.von <= s.von <= s.bis <= a.bis  # nur enger, nie leer
    for kombi in itertools.product(*werte):
        zuordnung = dict(zip(unbekannte, kombi, strict=True))
        if not _erfuellt(zuordnung, zeiten, bs):
            continue
        assert e.widerspruch is None, (zuordnung, e.widerspruch)
        for (i, art), wert in zuordnung.items():
            s = e.zeiten[i].spanne(art)
            assert s is not None and s.von <= wert <= s.bis, (i, art, wert, s)


# --- Der Bericht aus einem kleinen Datenbestand -------------------------------------


def _dok(modell: Any, name: str) -> Dokument[Any]:
    return Dokument(name, name, modell, {})


def _region(ags: str, name: str) -> Region:
    return Region(
        ags=ags, name=name, bezeichnung=f"Stadt {name}", art="kreisfreie Stadt", regierungsbezirk="Köln"
    )


def _klein(punkte: list[Pruefpunkt], vertraege: dict[str, list[str]]) -> Datenbestand:
    regionen = [_region(f"0500{k}", n) for k, n in enumerate(["Aheim", "Bstadt", "Cdorf", "Dburg"], 1)]
    prog = Programm(
        name="Test",
        regionen=4,
        erste_vertraege=date(2008, 6, 23),
        ziel={"anzahl": 4, "bis": date(2010, 12, 31), "quelle": "q"},
        pruefpunkte=punkte,
    )
    docs = [
        _dok(Vertrag(region=ags, unterzeichnet=u), f"vertraege/{ags}-{k}.yaml")
        for ags, us in vertraege.items()
        for k, u in enumerate(us)
    ]
    return Datenbestand(
        Path("."),
        regionen=[_dok(r, f"regionen/{r.ags}.yaml") for r in regionen],
        vertraege=docs,
        programm=_dok(prog, "programm.yaml"),
    )


def test_bericht_die_neunzehn_im_kleinen() -> None:
    """Start mit 3 Verträgen: einer genau datiert, drei „spätestens“: zwei der drei waren dabei."""
    b = _klein(
        [Pruefpunkt(datum="2008-06-23", anzahl=3, aussage="drei", quelle="https://example.org/drei")],
        {
            "05001": ["2008-06-23"],
            "05002": ["spätestens 2010-05-06"],
            "05003": ["2008"],
            "05004": ["spätestens 2009-01-31"],
        },
    )
    r = offene_fragen(b, date(2026, 11, 28))
    assert r.widerspruch is None
    (tm,) = r.teilmengen
    assert [x.bezeichnung for x in tm.sicher] == ["Stadt Aheim"]
    assert [x.bezeichnung for x, _ in tm.moeglich] == ["Stadt Bstadt", "Stadt Cdorf", "Stadt Dburg"]
    assert (tm.mindestens, tm.hoechstens) == (2, 2)
    # Rangfolge: alle drei entscheiden den einen Prüfpunkt, dann nach Tagen
    assert [(f.rang, f.region.name, f.tage) for f in r.fragen] == [
        (1, "Bstadt", 683),
        (2, "Dburg", 223),
        (3, "Cdorf", 192),
    ]
    assert all(f.eingeengt == f.bekannt and not f.gruende for f in r.fragen)


def test_bericht_erzwungen_mit_begruendung() -> None:
    b = _klein(
        [Pruefpunkt(datum="2008-06-23", anzahl=2, aussage="zwei", quelle="https://example.org/zwei")],
        {"05001": ["2008-06-23"], "05002": ["spätestens 2010-05-06"], "05003": ["2009"]},
    )
    r = offene_fragen(b, date(2026, 11, 28))
    (f,) = [f for f in r.fragen if f.region.name == "Bstadt"]
    assert f.eingeengt == Spanne(date(2008, 6, 23), date(2008, 6, 23))
    (g,) = f.gruende
    assert (g.seite, g.grenze, g.regel, g.punkt.kurz) == ("bis", date(2008, 6, 23), KNAPP, "23.06.2008: 2")
    assert g.satz == (
        "Am 23.06.2008 konnten nur 2 Regionen ein Netzwerk haben, so viele wie veröffentlicht – "
        "Stadt Bstadt muss eines gehabt haben."
    )
    assert f.entscheidet == ()  # festgelegt: nichts mehr zu entscheiden


def test_bericht_ohne_pruefpunkte_nennt_die_nicht_geprueften() -> None:
    b = _klein(
        [Pruefpunkt(datum="2008", anzahl=9, aussage="x", quelle="q", pruefen=False)],
        {"05001": ["2008"]},
    )
    r = offene_fragen(b, date(2026, 11, 28))
    assert [p.kurz for p in r.nicht_geprueft] == ["2008: 9"] and r.geprueft == ()
    assert [f.entscheidet for f in r.fragen] == [()]


def test_felder_der_staerkeren_pruefpunkte_und_des_gebietsstands() -> None:
    """hoechstens, regionen, vollstaendig, ohne und gueltig_ab/gueltig_bis werden gelesen – hier
    mit Stellvertretern statt ganzer Modelle."""
    from types import SimpleNamespace

    from netzwerk_cli.kern.offen import bedingungen, gueltigkeit

    regionen: list[Any] = [
        SimpleNamespace(
            ags="05313", regierungsbezirk="Köln", gueltig_ab=None, gueltig_bis=date(2009, 10, 20)
        ),
        SimpleNamespace(
            ags="05334", regierungsbezirk="Köln", gueltig_ab=date(2009, 10, 21), gueltig_bis=None
        ),
        SimpleNamespace(ags="05315", regierungsbezirk="Köln", gueltig_ab=None, gueltig_bis=None),
    ]
    assert gueltigkeit(regionen[0]) == (date.min, date(2009, 10, 20))
    assert gueltigkeit(regionen[2]) is None
    punkt: Any = SimpleNamespace(
        pruefen=True,
        datum=Zeitangabe.lies("2010-05-06"),
        anzahl=None,
        mindestens=None,
        hoechstens=2,
        regionen=["05334"],
        vollstaendig=True,
        ohne=[],
        regierungsbezirk=None,
        prueft_etwas=True,
    )
    (b,) = bedingungen([punkt], regionen, date(2008, 6, 23), date(2026, 11, 28))
    assert (b.mindestens, b.hoechstens, b.mit, b.ohne) == (None, 2, {"05334"}, {"05313", "05315"})
    assert ("05334", date(2009, 10, 21), OFFEN) in b.gueltig
    assert not b.zaehlt("05334", date(2009, 10, 20)) and b.zaehlt("05334", date(2009, 10, 21))
