from __future__ import annotations

import pytest

from netzwerk_cli.kern.modelle import ARTEN, REGIERUNGSBEZIRKE
from netzwerk_cli.kern.namen import finde_region, region_dateiname, slug, sortiername, waehle
from tests.kern.test_abdeckung import REGIONEN


@pytest.mark.parametrize(
    ("eingabe", "ags"),
    [
        ("siegen-wittgenstein", "05970"),
        ("Koeln", "05315"),
        ("köln", "05315"),
        ("05315", "05315"),
        ("Stadt Köln", "05315"),
        ("Kreis Soest", "05974"),
        ("Aachen", "05334"),
        ("StädteRegion Aachen", "05334"),
        ("Mülheim", "05117"),
        ("rhein kreis neuss", "05162"),
        ("neuss", "05162"),
        ("Hochsauerlandkreis", "05958"),
        ("  MINDEN-LUEBBECKE ", "05770"),
    ],
)
def test_region_finden(eingabe: str, ags: str) -> None:
    t = finde_region(eingabe, REGIONEN)
    assert t.region is not None and t.region.ags == ags


@pytest.mark.parametrize("eingabe", ["rhein", "kreis", "Stadt"])
def test_mehrdeutig(eingabe: str) -> None:
    t = finde_region(eingabe, REGIONEN)
    assert t.region is None and t.mehrdeutig and len(t.kandidaten) > 1


def test_unbekannt_mit_vorschlag() -> None:
    t = finde_region("Muenstr", REGIONEN)
    assert t.region is None and not t.mehrdeutig
    assert t.kandidaten[0].ags == "05515"


def test_dateinamen() -> None:
    assert slug("Mülheim an der Ruhr") == "muelheim-an-der-ruhr"
    assert slug("Städteregion Aachen") == "staedteregion-aachen"
    koeln = next(r for r in REGIONEN if r.ags == "05315")
    assert region_dateiname(koeln) == "05315-koeln.yaml"


def test_din_5007_2() -> None:
    assert sorted(["Duisburg", "Düsseldorf"], key=sortiername) == ["Düsseldorf", "Duisburg"]


def test_zerlegte_umlaute_wie_zusammengesetzte() -> None:
    """NFD (macOS-Dateinamen, manche Tastaturen): „Mu\u0308nster“ ist „Münster“."""
    from netzwerk_cli.kern.namen import falte

    assert falte("Mu\u0308nster") == falte("Münster") == "muenster"
    assert slug("Mu\u0308lheim an der Ruhr") == "muelheim-an-der-ruhr"


@pytest.mark.parametrize(
    ("eingabe", "ags"),
    [
        ("mulheim", "05117"),  # Tastatur ohne Umlaute
        ("Mulheim an der Ruhr", "05117"),
        ("Dusseldorf", "05111"),
        ("Koln", "05315"),
        ("5315", "05315"),  # Tabellenprogramme verschlucken die führende Null
        ("05315000", "05315"),  # achtstelliger Gemeindeschlüssel einer kreisfreien Stadt
        ("Rhein-Sieg-Kreis", "05382"),
        ("rhein sieg kreis", "05382"),
    ],
)
def test_region_locker(eingabe: str, ags: str) -> None:
    t = finde_region(eingabe, REGIONEN)
    assert t.region is not None and t.region.ags == ags


def test_region_tippfehler_ohne_umlaut_schlaegt_vor() -> None:
    t = finde_region("Mulhem", REGIONEN)
    assert t.region is None and [r.ags for r in t.kandidaten][:1] == ["05117"]


@pytest.mark.parametrize(
    ("eingabe", "erlaubt", "erwartet"),
    [
        ("Koln", REGIERUNGSBEZIRKE, ("Köln", [])),
        ("koeln", REGIERUNGSBEZIRKE, ("Köln", [])),
        ("DUSSELDORF", REGIERUNGSBEZIRKE, ("Düsseldorf", [])),
        ("arnsb", REGIERUNGSBEZIRKE, ("Arnsberg", [])),
        ("Kolne", REGIERUNGSBEZIRKE, (None, ["Köln"])),
        ("Bayern", REGIERUNGSBEZIRKE, (None, [])),
        ("Stadt", ARTEN, ("kreisfreie Stadt", [])),
        ("kreis", ARTEN, ("Kreis", [])),
        ("Kreiss", ARTEN, ("Kreis", [])),
        ("Kries", ARTEN, (None, ["Kreis"])),
    ],
)
def test_waehle(eingabe: str, erlaubt: tuple[str, ...], erwartet: tuple[str | None, list[str]]) -> None:
    assert waehle(eingabe, erlaubt) == erwartet
