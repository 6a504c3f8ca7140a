"""Die Verzeichnisse von ``netz offen`` (kern/offen.py: ``_Lage``, ``_Tage``) geben dieselben
Antworten wie die einfachen Definitionen – an kleinen Zufallsbeständen (Hypothesis).

Die Referenz ist der Gang über alle Verträge je Prüfpunkt und Tag: ``region_stand``,
``tagesstand``, ``kandidaten``, ``engen_am`` ohne Verzeichnis, ``zutreffende_tage``,
``entscheidende`` – und hier ``_engen_einfach``/``_propagiere_einfach``, das Einengen, wie es vor
den Verzeichnissen lief."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from netzwerk_cli.kern.abdeckung import StandVerzeichnis, abdeckung, vertraege_je_region
from netzwerk_cli.kern.modelle import Region, Vertrag
from netzwerk_cli.kern.offen import (
    ENDET,
    OFFEN,
    UNTERZEICHNET,
    Bedingung,
    Einengung,
    Schritt,
    Spanne,
    Zeiten,
    _Lage,
    _Tage,
    _tagesstand,
    _zutreffende_tage,
    engen_am,
    entscheidende,
    je_region,
    kandidaten,
    propagiere,
    region_stand,
    tagesstand,
    zutreffende_tage,
)

T0 = date(2020, 1, 1)
HORIZONT = 8


def d(n: int) -> date:
    return T0 + timedelta(days=n)


@st.composite
def _spanne(draw: Any) -> Spanne:
    von = draw(st.integers(0, HORIZONT))
    bis = draw(st.one_of(st.integers(von, HORIZONT), st.none()))
    return Spanne(d(von), OFFEN if bis is None else d(bis))


@st.composite
def _bestand(draw: Any) -> tuple[list[Zeiten], list[Bedingung]]:
    regionen = "ABCD"[: draw(st.integers(1, 4))]
    zeiten = [
        Zeiten(
            draw(st.sampled_from(regionen)),
            draw(_spanne()),
            draw(st.one_of(st.none(), _spanne())),
            tuple(draw(st.sets(st.sampled_from(regionen), max_size=1))),
        )
        for _ in range(draw(st.integers(1, 6)))
    ]
    gueltig: tuple[tuple[str, date, date], ...] = ()
    if draw(st.booleans()):
        von = draw(st.integers(0, HORIZONT))
        gueltig = ((draw(st.sampled_from(regionen)), d(von), d(draw(st.integers(von, HORIZONT)))),)
    bs = []
    for nr in range(draw(st.integers(1, 4))):
        von = draw(st.integers(0, HORIZONT))
        bis = draw(st.integers(von, HORIZONT))
        gebiet = draw(st.sets(st.sampled_from(regionen), min_size=1))
        art = draw(st.sampled_from(["genau", "mindestens", "hoechstens", "namen"]))
        n = draw(st.integers(0, len(gebiet)))
        mit = frozenset(draw(st.sets(st.sampled_from(regionen), max_size=2)))
        ohne = frozenset(draw(st.sets(st.sampled_from(regionen), max_size=1))) - mit
        bs.append(
            Bedingung(
                nr,
                d(von),
                d(bis),
                n if art in ("genau", "mindestens") else None,
                n if art in ("genau", "hoechstens") else None,
                frozenset(gebiet),
                gueltig,
                mit,
                ohne,
            )
        )
    return zeiten, bs


_Anlass = Any


def _engen_einfach(zeiten: list[Zeiten], je: dict[str, tuple[int, ...]], b: Bedingung) -> Any:
    """Das Einengen vor den Verzeichnissen: alle Verträge der Regionen von ``b`` je Prüfpunkt."""
    von: dict[tuple[int, str], tuple[date, _Anlass]] = {}
    bis: dict[tuple[int, str], tuple[date, _Anlass]] = {}
    nummern = sorted({i for ags in b.alle for i in je.get(ags, ())})
    enthalten = set(nummern)
    moeglich = 0
    geaendert_an: dict[int, int] = {}
    for t in kandidaten(zeiten, je, b):
        r = engen_am(zeiten, je, b, t)
        if r is None:
            continue
        moeglich += 1
        geaendert, regeln, stand = r
        for i, z in geaendert.items():
            if i not in enthalten:
                continue
            geaendert_an[i] = geaendert_an.get(i, 0) + 1
            for art in (UNTERZEICHNET, ENDET):
                s, alt = z.spanne(art), zeiten[i].spanne(art)
                if s is None or alt is None:
                    continue
                k = (i, art)
                grund = (stand, regeln[i])
                if k not in von or s.von < von[k][0]:
                    von[k] = (s.von, grund if s.von != alt.von else None)
                if k not in bis or s.bis > bis[k][0]:
                    bis[k] = (s.bis, grund if s.bis != alt.bis else None)
    if not moeglich:
        return None
    for i in nummern:
        if geaendert_an.get(i, 0) == moeglich:
            continue
        for art in (UNTERZEICHNET, ENDET):
            alt = zeiten[i].spanne(art)
            if alt is None:
                continue
            k = (i, art)
            if k not in von or alt.von < von[k][0] or (alt.von == von[k][0] and von[k][1] is not None):
                von[k] = (alt.von, None)
            if k not in bis or alt.bis > bis[k][0] or (alt.bis == bis[k][0] and bis[k][1] is not None):
                bis[k] = (alt.bis, None)
    neu = list(zeiten)
    schritte: list[Schritt] = []
    for (i, art), (v, grund_v) in sorted(von.items()):
        bis_, grund_b = bis[(i, art)]
        alt = zeiten[i].spanne(art)
        assert alt is not None
        s = Spanne(v, bis_)
        if s == alt:
            continue
        neu[i] = neu[i].mit(art, s)
        if s.von != alt.von and grund_v is not None:
            schritte.append(Schritt(i, art, "von", alt, s, b, grund_v[1], grund_v[0], True))
        if s.bis != alt.bis and grund_b is not None:
            schritte.append(Schritt(i, art, "bis", alt, s, b, grund_b[1], grund_b[0], True))
    return neu, schritte


def _propagiere_einfach(zeiten: list[Zeiten], bedingungen: list[Bedingung]) -> Einengung:
    je = je_region(zeiten)
    aktuell = list(zeiten)
    letzte: dict[tuple[int, str, str], Schritt] = {}
    widerspruch = None
    while widerspruch is None:
        vorher = list(aktuell)
        for b in bedingungen:
            r = _engen_einfach(aktuell, je, b)
            if r is None:
                widerspruch = b
                break
            aktuell, neu = r
            letzte.update({(x.vertrag, x.art, x.seite): x for x in neu})
        if aktuell == vorher:
            break
    allein = {b.nr: _engen_einfach(list(zeiten), je, b) for b in {x.bedingung for x in letzte.values()}}
    schritte = []
    for x in letzte.values():
        r = allein[x.bedingung.nr]
        s = r[0][x.vertrag].spanne(x.art) if r is not None else None
        erzwungen = s is not None and (s.von >= x.nachher.von if x.seite == "von" else s.bis <= x.nachher.bis)
        schritte.append(x._replace(allein=erzwungen))
    schritte.sort(key=lambda x: (x.vertrag, x.art, x.seite != "von"))
    return Einengung(tuple(aktuell), tuple(schritte), widerspruch)


_EINSTELLUNG = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_EINSTELLUNG
@given(_bestand(), st.data())
def test_stand_der_region_wie_die_einfache_regel(
    fall: tuple[list[Zeiten], list[Bedingung]], data: Any
) -> None:
    """``_Lage.stand`` und ``_tagesstand`` = ``region_stand``/``tagesstand`` an jedem Tag, auch
    nachdem Spannen nachgeführt wurden (``setze``)."""
    zeiten, bs = fall
    je = je_region(zeiten)
    lage = _Lage(zeiten, je)
    for _ in range(2):
        for n in range(-1, HORIZONT + 2):
            for ags in "ABCDE":
                assert lage.stand(ags, d(n)) is region_stand(lage.zeiten, je.get(ags, ()), d(n))
            for b in bs:
                assert _tagesstand(lage, b, d(n)) == tagesstand(lage.zeiten, je, b, d(n))
        i = data.draw(st.integers(0, len(zeiten) - 1))
        lage.setze(i, lage.zeiten[i]._replace(unterzeichnet=data.draw(_spanne())))


@_EINSTELLUNG
@given(_bestand())
def test_einengen_wie_ohne_verzeichnis(fall: tuple[list[Zeiten], list[Bedingung]]) -> None:
    """``propagiere`` gibt dieselben Spannen, Schritte (mit Tag, Regel, „allein“) und denselben
    Widerspruch wie der Gang über alle Verträge je Prüfpunkt."""
    zeiten, bs = fall
    assert propagiere(zeiten, bs) == _propagiere_einfach(zeiten, bs)


@_EINSTELLUNG
@given(_bestand())
def test_zutreffende_tage_und_entscheidende_wie_ohne_verzeichnis(
    fall: tuple[list[Zeiten], list[Bedingung]],
) -> None:
    zeiten, bs = fall
    eng = list(propagiere(zeiten, bs).zeiten)
    je = je_region(eng)
    lage = _Lage(eng, je)
    tage = {b.nr: zutreffende_tage(eng, je, b) for b in bs}
    assert {b.nr: _zutreffende_tage(lage, b) for b in bs} == tage
    zutreffend = _Tage(bs, tage)
    for i in range(len(eng)):
        for art in (UNTERZEICHNET, ENDET):
            assert zutreffend.entscheidende(eng, je, i, art) == entscheidende(eng, je, i, art, bs, tage)


# --- Der Stand je Region für die Prüfpunkte mit Namen (kern/abdeckung.py) ----------------


@st.composite
def _zeitangabe(draw: Any) -> str:
    a = d(draw(st.integers(0, HORIZONT)))
    b = a + timedelta(days=draw(st.integers(1, 4)))
    return draw(
        st.sampled_from([f"{a}", f"zwischen {a} und {b}", f"spätestens {b}", f"frühestens {a}", f"{a:%Y-%m}"])
    )


@_EINSTELLUNG
@given(st.lists(st.tuples(st.sampled_from("AB"), _zeitangabe(), st.none() | _zeitangabe()), max_size=6))
def test_standverzeichnis_wie_abdeckung(vertraege: list[tuple[str, str, str | None]]) -> None:
    """``StandVerzeichnis.stand`` = der Stand aus :func:`abdeckung` an jedem Tag."""
    regionen = [
        Region(ags=f"0500{k}", name=n, bezeichnung=n, art="Kreis", regierungsbezirk="Köln")
        for k, n in enumerate("AB", 1)
    ]
    ags = {"A": "05001", "B": "05002"}
    vs = [Vertrag(region=ags[r], unterzeichnet=u, endet=e) for r, u, e in vertraege]
    je = vertraege_je_region(vs)
    verzeichnis = StandVerzeichnis(je)
    for n in range(-40, HORIZONT + 40, 3):
        erwartet = {s.region.ags: s.stand for s in abdeckung(regionen, je, d(n)).regionen}
        assert {r.ags: verzeichnis.stand(r.ags, d(n)) for r in regionen} == erwartet
