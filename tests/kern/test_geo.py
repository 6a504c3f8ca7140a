from __future__ import annotations

import math

from netzwerk_cli.daten.geo import lade_flaechen
from netzwerk_cli.kern.geo import KACHELN, SPALTEN, ZEILEN, ideale_zellen, kurzname
from tests.conftest import DATEN
from tests.kern.test_abdeckung import HEUTIGE as REGIONEN  # Flächen und Kacheln: der heutige Stand

FLAECHEN = lade_flaechen(DATEN)


def test_53_flaechen_passend_zu_den_regionen() -> None:
    assert sorted(f.ags for f in FLAECHEN) == sorted(r.ags for r in REGIONEN)
    for f in FLAECHEN:
        assert f.ring[0] == f.ring[-1] and len(f.ring) >= 4


def test_kacheln_eindeutig_und_im_raster() -> None:
    assert sorted(KACHELN) == sorted(r.ags for r in REGIONEN)
    zellen = list(KACHELN.values())
    assert len(set(zellen)) == len(zellen) == 53
    assert all(0 <= r < ZEILEN and 0 <= c < SPALTEN for r, c in zellen)


def test_kacheln_folgen_den_schwerpunkten() -> None:
    ideal = ideale_zellen(FLAECHEN)
    for ags, (r, c) in KACHELN.items():
        assert math.dist(ideal[ags], (c, r)) <= 2.0, ags
    # Himmelsrichtungen stimmen: Kleve liegt westlich von Höxter, Minden nördlich von Siegen
    assert KACHELN["05154"][1] < KACHELN["05762"][1]
    assert KACHELN["05770"][0] < KACHELN["05970"][0]


def test_kurznamen() -> None:
    kurz = [kurzname(r.ags, r.name) for r in REGIONEN]
    assert len(set(kurz)) == 53
    assert all(1 <= len(k) <= 6 for k in kurz)
