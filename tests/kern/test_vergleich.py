"""Der Vergleich zweier Datenstände nach Bedeutung (kern/vergleich.py) – ohne git."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from netzwerk_cli.kern.abdeckung import Stand
from netzwerk_cli.kern.befund import Problem
from netzwerk_cli.kern.bestand import Datenbestand, Dokument
from netzwerk_cli.kern.datum import Zeitangabe
from netzwerk_cli.kern.modelle import Region, Vertrag
from netzwerk_cli.kern.vergleich import befundwechsel, felder, genauigkeit, vergleiche

HEUTE = date(2026, 11, 27)
REGION = Region(
    ags="05170", name="Wesel", bezeichnung="Kreis Wesel", art="Kreis", regierungsbezirk="Düsseldorf"
)


def z(text: str) -> Zeitangabe:
    return Zeitangabe.lies(text)


def vertrag(**felder_: object) -> Vertrag:
    return Vertrag.model_validate({"region": "05170", "unterzeichnet": z("2009"), **felder_})


def bestand(*vertraege: tuple[str, Vertrag]) -> Datenbestand:
    b = Datenbestand(wurzel=Path("data"))
    b.regionen.append(
        Dokument("data/regionen/05170-wesel.yaml", "data/regionen/05170-wesel.yaml", REGION, {})
    )
    for name, v in vertraege:
        b.vertraege.append(Dokument(f"data/vertraege/{name}", f"data/vertraege/{name}", v, {}))
    return b


def test_genauigkeit() -> None:
    assert genauigkeit(z("2009"), z("2009-01-14")) == "genauer"
    assert genauigkeit(z("2009-01"), z("2009")) == "ungenauer"
    assert genauigkeit(z("spätestens 2009-05"), z("zwischen 2009-01 und 2009-05")) == "genauer"
    assert genauigkeit(z("2009-01-14"), z("2009-01-15")) is None


def test_felder_mit_ereignissen_und_quellen() -> None:
    alt = vertrag(quellen=["a"], bildungskonferenzen=[{"datum": z("2019")}, {"datum": z("2020")}])
    neu = vertrag(
        unterzeichnet=z("2009-01-14"),
        quellen=["a", "b"],
        endet=z("2024-07-31"),
        bildungskonferenzen=[{"datum": z("2019-03"), "bemerkung": "x"}, {"datum": z("2020")}],
    )
    a = felder(alt, neu)
    assert [(x.feld, x.genauigkeit, x.nur_quellen) for x in a] == [
        ("unterzeichnet", "genauer", False),
        ("endet", None, False),
        ("quellen", None, True),
        ("bildungskonferenz", "genauer", False),
        ("bildungskonferenz.bemerkung", None, False),
    ]
    assert a[2].hinzu == ("b",) and a[2].weg == ()
    assert a[4].bezug == z("2019-03")


def test_vergleich_stand_und_nur_quellen() -> None:
    vorher = bestand(("05170-wesel-2009.yaml", vertrag(quellen=["a"])))
    nachher = bestand(("05170-wesel-2009.yaml", vertrag(quellen=["b"], endet=z("2020-07-31"))))
    v = vergleiche(vorher, nachher, HEUTE, basis="a", ziel="b")
    assert [(w.ags, w.alt, w.neu, w.ereignis) for w in v.staende] == [
        ("05170", Stand.MIT, Stand.OHNE, "Vertrag unterzeichnet 2009, endet 31.07.2020")
    ]
    assert v.heute.gesamt.alt.sicher == 1 and v.heute.gesamt.neu.sicher == 0
    assert [b.gebiet for b in v.heute.bezirke] == ["Düsseldorf"]
    (d,) = v.dateien
    assert d.wie == "geaendert" and [a.feld for a in d.tatsachen] == ["endet"]
    assert [a.feld for a in d.quellen] == ["quellen"]
    # nur die Quelle geändert: keine Tatsache, kein Standwechsel
    nur = vergleiche(
        vorher, bestand(("05170-wesel-2009.yaml", vertrag(quellen=["b"]))), HEUTE, basis="", ziel=""
    )
    assert nur.dateien[0].nur_quellen and not nur.staende and not nur.heute.geaendert


def test_vertrag_neu_und_entfernt_und_fehlerhaft() -> None:
    vorher = bestand()
    nachher = bestand(("05170-wesel-2009.yaml", vertrag()))
    v = vergleiche(vorher, nachher, HEUTE, basis="", ziel="")
    assert [(d.wie, d.art) for d in v.dateien] == [("neu", "vertrag")]
    assert v.staende[0].ereignis == "Vertrag unterzeichnet 2009"
    zurueck = vergleiche(nachher, vorher, HEUTE, basis="", ziel="")
    assert [d.wie for d in zurueck.dateien] == ["entfernt"]
    vorher.fehlerhaft.add("data/vertraege/05170-wesel-2009.yaml")
    assert [d.wie for d in vergleiche(vorher, nachher, HEUTE, basis="", ziel="").dateien] == ["fehlerhaft"]


def test_befunde_nach_datei_und_code() -> None:
    a = Problem("x.yaml", 3, 1, "NZ105", "alt")
    b = Problem("x.yaml", 9, 1, "NZ105", "verschoben")  # gleiche Datei und Code: kein neuer Befund
    c = Problem("y.yaml", 1, 1, "NZ201", "neu")
    assert befundwechsel([a], [b, c]) == ([c], [])
    assert befundwechsel([a, c], []) == ([], [a, c])
