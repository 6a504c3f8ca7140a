from __future__ import annotations

import pytest

from netzwerk_cli.kern.namen import finde_region, region_dateiname, slug, sortiername
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
