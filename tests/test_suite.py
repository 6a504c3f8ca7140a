"""Die Vorrichtungen der Suite selbst (tests/conftest.py): was sie beschleunigt, darf nichts
verfälschen."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from netzwerk_cli.kern.modelle import Vertrag
from netzwerk_cli.pruefen import datei, yamlio

KAPUTT = (
    b'region: "05111"\nunterzeichnet: 2010-02-30\nregion: "05112"\n'
    b'bemerkung: "mit \\u202e Richtungswechsel"\nquellen:\n  - https://example.org/a\n'
)


def test_gemerkte_pruefung_gleicht_der_echten_auch_unter_anderem_namen(tmp_path: Path) -> None:
    gemerkt = datei.pruefe_datei
    echt = gemerkt.__wrapped__  # type: ignore[attr-defined]
    assert echt is not gemerkt
    for n, name in enumerate(["a/vertraege/x.yaml", "b/vertraege/y.yaml", "a/vertraege/x.yaml"]):
        pfad = str(tmp_path / name)
        erwartet = echt(pfad, KAPUTT, Vertrag, name)
        assert gemerkt(pfad, KAPUTT, Vertrag, name) == erwartet, n
        assert {p.datei for p in erwartet[1]} == {name}
        assert [p.code for p in erwartet[1]] == ["NZ101", "NZ116"]
    gueltig = b'region: "05111"\nunterzeichnet: 2009-08-24\nquellen:\n  - https://example.org/a\n'
    for name in ["vertraege/05111-a.yaml", "anders/05111-a.yaml"]:
        dok, probleme = gemerkt(str(tmp_path / name), gueltig, Vertrag, name)
        assert probleme == [] and dok is not None
        assert (dok.datei, dok.anzeige) == (str(tmp_path / name), name)


def test_gemerkte_pruefung_sieht_monkeypatch(monkeypatch: pytest.MonkeyPatch) -> None:
    """Ein Test, der ein prüfendes Modul ändert, bekommt kein Ergebnis von vorher."""
    _, vorher = datei.pruefe_datei("v.yaml", KAPUTT, Vertrag, "v.yaml")
    assert "NZ116" in [p.code for p in vorher]
    monkeypatch.setattr(yamlio, "_UNSICHTBAR", re.compile(r"(?!)"))
    _, nachher = datei.pruefe_datei("v.yaml", KAPUTT, Vertrag, "v.yaml")
    assert "NZ116" not in [p.code for p in nachher]


def test_aufrufer_darf_die_liste_erweitern() -> None:
    _, a = datei.pruefe_datei("w.yaml", KAPUTT, Vertrag, "w.yaml")
    a.append(a[0])
    _, b = datei.pruefe_datei("w.yaml", KAPUTT, Vertrag, "w.yaml")
    assert len(b) == len(a) - 1
