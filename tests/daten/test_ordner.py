from __future__ import annotations

from pathlib import Path

import pytest

from netzwerk_cli.daten.ordner import finde_datenordner
from netzwerk_cli.kern.fehler import NetzFehler


def test_sucht_aufwaerts(daten: Path) -> None:
    repo = daten.parent
    assert finde_datenordner(None, start=repo) == daten
    assert finde_datenordner(None, start=daten / "vertraege") == daten
    assert finde_datenordner(None, start=daten) == daten


def test_angabe_gewinnt(daten: Path, tmp_path: Path) -> None:
    assert finde_datenordner(str(daten), start=tmp_path / "nirgends") == daten
    with pytest.raises(NetzFehler, match="kein netz-Datenordner"):
        finde_datenordner(str(tmp_path))


def test_nichts_gefunden(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    with pytest.raises(NetzFehler, match="Kein Datenordner gefunden"):
        finde_datenordner(None, start=tmp_path / "a" / "b")
