from __future__ import annotations

from datetime import date

import pytest

from netzwerk_cli.kern.abdeckung import abdeckung
from netzwerk_cli.kern.karten import im_polygon, innenpunkt, kartenstaende, meilensteinjahre
from tests.kern.test_abdeckung import REGIONEN, VERTRAEGE

# Ein „U“: der Schwerpunkt liegt in der Lücke, also außerhalb der Fläche
U = (
    (0.0, 0.0),
    (3.0, 0.0),
    (3.0, 3.0),
    (2.0, 3.0),
    (2.0, 1.0),
    (1.0, 1.0),
    (1.0, 3.0),
    (0.0, 3.0),
    (0.0, 0.0),
)


def test_innenpunkt_liegt_innen_und_weit_vom_rand() -> None:
    (x, y), abstand = innenpunkt(U, 0.001)
    assert im_polygon((x, y), U)
    assert not im_polygon((1.5, 2.0), U)  # dort läge der Schwerpunkt ungefähr
    # der größte Kreis im „U“ sitzt in einer Ecke des Bodens, Radius 2 − √2 (Wände und Innenecke)
    assert abstand == pytest.approx(2 - 2**0.5, abs=0.01)
    assert innenpunkt(U, 0.001) == ((x, y), abstand)  # deterministisch


def test_innenpunkt_eines_quadrats_ist_seine_mitte() -> None:
    q = ((0.0, 0.0), (2.0, 0.0), (2.0, 2.0), (0.0, 2.0), (0.0, 0.0))
    (x, y), abstand = innenpunkt(q, 0.001)
    assert (x, y) == pytest.approx((1.0, 1.0), abs=0.01) and abstand == pytest.approx(1.0, abs=0.01)


def test_meilensteinjahre() -> None:
    assert meilensteinjahre(date(2026, 11, 28)) == [2008, 2009, 2010, 2012, 2013, 2019, 2026]
    # ein Stichtag in einem Meilensteinjahr: das Jahr einmal, als laufendes
    assert meilensteinjahre(date(2010, 5, 6)) == [2008, 2009, 2010]
    assert meilensteinjahre(date(2026, 1, 1), [2019, 2008, 2019]) == [2008, 2019]


def test_kartenstaende_jahresende_und_laufendes_jahr() -> None:
    heute = date(2026, 11, 28)
    ks = kartenstaende(REGIONEN, VERTRAEGE, [2010, 2026, 2008], heute)
    assert [(k.jahr, k.stichtag, k.abgeschlossen) for k in ks] == [
        (2008, date(2008, 12, 31), True),
        (2010, date(2010, 12, 31), True),
        (2026, heute, False),  # „bis heute“, nicht am Jahresende
    ]
    assert ks[1].abdeckung == abdeckung(REGIONEN, VERTRAEGE, date(2010, 12, 31))
    assert ks[1].abdeckung.gesamt.sicher == 46  # wie netz status --as-of 31.12.2010
    # am 31.12. ist auch das Jahr des Stichtags abgeschlossen
    assert kartenstaende(REGIONEN, VERTRAEGE, [2019], date(2019, 12, 31))[0].abgeschlossen


def test_kein_jahr_nach_dem_stichtag() -> None:
    with pytest.raises(ValueError, match="2027 liegt nach dem Stichtag"):
        kartenstaende(REGIONEN, VERTRAEGE, [2027], date(2026, 11, 28))
