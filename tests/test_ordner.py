from __future__ import annotations

from pathlib import Path

import pytest

from netzwerk_cli.ordner import KeinDatenordner, finde_datenordner


def test_sucht_aufwaerts(daten: Path) -> None:
    repo = daten.parent
    assert finde_datenordner(None, start=repo) == daten
    assert finde_datenordner(None, start=daten / "vertraege") == daten
    assert finde_datenordner(None, start=daten) == daten


def test_angabe_gewinnt(daten: Path, tmp_path: Path) -> None:
    assert finde_datenordner(str(daten), start=tmp_path / "nirgends") == daten
    with pytest.raises(KeinDatenordner, match="kein netz-Datenordner"):
        finde_datenordner(str(tmp_path))


def test_nichts_gefunden(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    with pytest.raises(KeinDatenordner, match="Kein Datenordner gefunden"):
        finde_datenordner(None, start=tmp_path / "a" / "b")
