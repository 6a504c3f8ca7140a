"""Quellen im Kern: wo die Daten welche nennen, und wie eine Antwort eingeordnet wird."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from netzwerk_cli.kern.bestand import Datenbestand, Dokument
from netzwerk_cli.kern.modelle import Programm, Quelle, Vertrag
from netzwerk_cli.kern.quellen import (
    Adresse,
    Antwort,
    Art,
    Fehlerart,
    Linkbericht,
    Stufe,
    einordnen,
    quellen_in,
    sammle,
)
from netzwerk_cli.kern.webadresse import ist_webadresse as ist_sauber


def _vertrag(**felder: object) -> Vertrag:
    return Vertrag.model_validate({"region": "05111", "unterzeichnet": "2009-08-24", **felder})


def test_quellen_in_findet_jede_stelle() -> None:
    v = _vertrag(
        quellen=["https://a.de", {"url": "https://b.de", "archiv": "https://web.archive.org/b"}],
        ende_quellen=["https://c.de"],
        fortsetzungen=[{"datum": "2015", "quellen": ["https://d.de"]}],
        bildungsbuero={"name": "Büro", "quellen": ["https://e.de"]},
        lenkungskreis={"konstituiert": "2010", "quellen": ["https://f.de"]},
        bildungskonferenzen=[{"datum": "2011", "quellen": [{"url": "https://g.de"}]}],
    )
    assert all(isinstance(q, Quelle) for _, q in quellen_in(v))  # jede Schreibweise: eine Quelle
    orte = {ort: q.url for ort, q in quellen_in(v)}
    assert orte == {
        ("ende_quellen", 0): "https://c.de",
        ("quellen", 0): "https://a.de",
        ("quellen", 1): "https://b.de",
        ("fortsetzungen", 0, "quellen", 0): "https://d.de",
        ("bildungsbuero", "quellen", 0): "https://e.de",
        ("lenkungskreis", "quellen", 0): "https://f.de",
        ("bildungskonferenzen", 0, "quellen", 0): "https://g.de",
    }
    p = Programm.model_validate(
        {
            "name": "P",
            "regionen": 1,
            "erste_vertraege": "2008-06-23",
            "ziel": {"anzahl": 1, "bis": "2010-12-31", "quelle": {"url": "https://z.de"}},
            "pruefpunkte": [{"aussage": "x", "quelle": "https://p.de"}],
        }
    )
    assert [o for o, _ in quellen_in(p)] == [("ziel", "quelle"), ("pruefpunkte", 0, "quelle")]


def test_sammle_ohne_doppelte_mit_allen_dateien() -> None:
    a = _vertrag(quellen=["https://a.de", {"url": "https://b.de", "archiv": "https://a.de"}, "quellen/x.txt"])
    b = _vertrag(
        quellen=["https://a.de", "Amtsblatt 3/2009"], bildungsbuero={"name": "B", "web": "https://w.de"}
    )
    bestand = Datenbestand(
        Path("."),
        vertraege=[Dokument("a", "vertraege/a.yaml", a, {}), Dokument("b", "vertraege/b.yaml", b, {})],
    )
    assert sammle(bestand) == [
        Adresse("https://a.de", Art.QUELLE, ("vertraege/a.yaml", "vertraege/b.yaml")),
        Adresse("https://b.de", Art.QUELLE, ("vertraege/a.yaml",)),
        Adresse("quellen/x.txt", Art.DATEI, ("vertraege/a.yaml",)),
        Adresse("https://w.de", Art.WEBSEITE, ("vertraege/b.yaml",)),
    ]


_A = Adresse("https://a.de/x", Art.QUELLE, ("v.yaml",))


@pytest.mark.parametrize(
    ("antwort", "stufe", "ergebnis"),
    [
        (Antwort(status=200, ziel="https://a.de/x"), Stufe.OK, "erreichbar"),
        (Antwort(status=200, ziel="https://a.de/y", umleitungen=1), Stufe.UMGELEITET, "umgeleitet"),
        (Antwort(status=200, ziel="https://a.de/x", umleitungen=2), Stufe.OK, "erreichbar"),
        (Antwort(status=404), Stufe.WARNUNG, "nicht_gefunden"),
        (Antwort(status=410), Stufe.WARNUNG, "entfernt"),
        (Antwort(status=403), Stufe.WARNUNG, "abgelehnt"),
        (Antwort(status=418), Stufe.WARNUNG, "abgelehnt"),
        (Antwort(status=503), Stufe.WARNUNG, "serverfehler"),
        (Antwort(fehler=Fehlerart.ZEIT), Stufe.WARNUNG, "zeitueberschreitung"),
        (Antwort(fehler=Fehlerart.VERBINDUNG), Stufe.WARNUNG, "keine_verbindung"),
        (Antwort(fehler=Fehlerart.SCHLEIFE), Stufe.WARNUNG, "umleitungsschleife"),
    ],
)
def test_einordnen(antwort: Antwort, stufe: Stufe, ergebnis: str) -> None:
    e = einordnen(_A, antwort)
    assert (e.stufe, e.ergebnis) == (stufe, ergebnis)


def test_kein_netz_erst_bei_mehreren_rechnern() -> None:
    weg = Antwort(fehler=Fehlerart.VERBINDUNG)
    eine = [einordnen(Adresse(f"https://a.de/{i}", Art.QUELLE, ()), weg) for i in range(3)]
    assert not Linkbericht(date(2026, 11, 27), 10, eine).kein_netz  # ein Rechner kann tot sein
    zwei = [*eine, einordnen(Adresse("https://b.de", Art.QUELLE, ()), weg)]
    assert Linkbericht(date(2026, 11, 27), 10, zwei).kein_netz
    eine_antwort = [*zwei, einordnen(Adresse("https://c.de", Art.QUELLE, ()), Antwort(status=404))]
    assert not Linkbericht(date(2026, 11, 27), 10, eine_antwort).kein_netz


@pytest.mark.parametrize(
    ("url", "sauber"),
    [
        ("https://a.de/x?y=1#z", True),
        ("HTTP://A.DE", False),  # wie render.sicher.sichere_url: so würde es kein Link
        ('https://a.de/"onmouseover', False),
        ("https://a.de/x y", False),
        ("https://a.de/\x1b[31m", False),
        ("https://a.de/ä", False),
        ("ftp://a.de", False),
        ("https://", False),
    ],
)
def test_ist_sauber(url: str, sauber: bool) -> None:
    assert ist_sauber(url) is sauber


def test_quelle_als_text() -> None:
    assert str(Quelle(url="https://a.de")) == "https://a.de"
    assert str(Quelle(url="https://a.de", archiv="https://web.archive.org/a")) == (
        "https://a.de (Archiv: https://web.archive.org/a)"
    )


@pytest.mark.parametrize(
    "url", ["https://a.de/x", "https://a.de/x'y", "https://a.de/<", "http://a.de/`", "https://a.de/x y"]
)
def test_sauber_heisst_verlinkbar(url: str) -> None:
    """Was die Prüfung als Quellenobjekt zulässt, setzt jeder Renderer als Link (kein Rückfall auf Text)."""
    from netzwerk_cli.render.sicher import sichere_url

    assert ist_sauber(url) is (sichere_url(url) is not None)
