"""Lesen mit zwei Prozessen liefert Datei für Datei dasselbe wie nacheinander."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

from netzwerk_cli import parallel
from netzwerk_cli.laden import REGIONEN, VERTRAEGE, lade_datenbestand
from netzwerk_cli.lesen import lade_datei
from netzwerk_cli.modelle import Region, Vertrag

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="fork gibt es nur unter POSIX")


def _aufgaben(daten: Path) -> list[tuple[str, type, str]]:
    out: list[tuple[str, type, str]] = []
    for ordner, modell in ((REGIONEN, Region), (VERTRAEGE, Vertrag)):
        out += [(str(p), modell, p.name) for p in sorted((daten / ordner).glob("*.yaml"))]
    return out


def _mit_fehlern(daten: Path) -> Path:
    (daten / "regionen" / "05111-duesseldorf.yaml").write_text("ags: [\n", encoding="utf-8")
    v = next((daten / "vertraege").glob("05970-*.yaml"))
    v.write_text(v.read_text(encoding="utf-8") + "unterzeichnet: 2010-02-30\n", encoding="utf-8")
    return daten


def _vergleichbar(ergebnisse: list) -> list:  # type: ignore[type-arg]
    return [(d.modell.model_dump() if d else None, d.zeilen if d else None, p) for d, p in ergebnisse]


def test_gleiches_ergebnis_wie_nacheinander(daten: Path) -> None:
    aufgaben = _aufgaben(_mit_fehlern(daten))
    nacheinander = [lade_datei(*a) for a in aufgaben]
    zu_zweit = parallel.lies_alle(aufgaben, lade_datei, erzwingen=True)
    assert _vergleichbar(zu_zweit) == _vergleichbar(nacheinander)
    assert sum(1 for _, p in zu_zweit if p) == 2


def test_scheitert_das_kind_liest_der_eltern_prozess_nach(daten: Path) -> None:
    aufgaben = _aufgaben(daten)
    eltern = os.getpid()

    def leser(pfad: str, modell: type, anzeige: str):  # type: ignore[no-untyped-def]
        if os.getpid() != eltern:
            raise RuntimeError("Kind bricht ab")
        return lade_datei(pfad, modell, anzeige)

    zu_zweit = parallel.lies_alle(aufgaben, leser, erzwingen=True)
    assert _vergleichbar(zu_zweit) == _vergleichbar([lade_datei(*a) for a in aufgaben])


def test_fortschritt_bis_zum_ende(daten: Path) -> None:
    gemeldet: list[tuple[int, int]] = []
    aufgaben = _aufgaben(daten) * 6  # > 500 Dateien: mehrere Meldungen
    parallel.lies_alle(aufgaben, lade_datei, lambda a, b: gemeldet.append((a, b)), erzwingen=True)
    assert gemeldet and all(b == len(aufgaben) and 0 < a <= b for a, b in gemeldet)
    assert [a for a, _ in gemeldet] == sorted(a for a, _ in gemeldet)


def test_lohnt_erst_ab_vielen_dateien(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "kerne", lambda: 2)
    monkeypatch.delenv("NETZ_PARALLEL", raising=False)
    assert not parallel.lohnt(parallel.AB_DATEIEN - 1)
    assert parallel.lohnt(parallel.AB_DATEIEN) == os.uname().sysname.startswith("Linux")
    monkeypatch.setenv("NETZ_PARALLEL", "aus")
    assert not parallel.lohnt(10**6)
    monkeypatch.delenv("NETZ_PARALLEL")
    monkeypatch.setattr(parallel, "kerne", lambda: 1)
    assert not parallel.lohnt(10**6)


def test_datenbestand_gross_gleich(daten: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Über lade_datenbestand: Reihenfolge von Dokumenten und Befunden bleibt wie nacheinander.
    _mit_fehlern(daten)
    vorher = set(Path(tempfile.gettempdir()).glob("netz-*.pickle"))
    monkeypatch.setattr(parallel, "AB_DATEIEN", 10)
    monkeypatch.setattr(parallel, "kerne", lambda: 2)
    monkeypatch.setattr(parallel.sys, "platform", "linux")
    zu_zweit = lade_datenbestand(daten)
    monkeypatch.setenv("NETZ_PARALLEL", "aus")
    nacheinander = lade_datenbestand(daten)
    assert zu_zweit.probleme == nacheinander.probleme and len(zu_zweit.probleme) == 2
    assert [d.datei for d in zu_zweit.regionen] == [d.datei for d in nacheinander.regionen]
    assert [d.modell for d in zu_zweit.vertraege] == [d.modell for d in nacheinander.vertraege]
    assert set(Path(tempfile.gettempdir()).glob("netz-*.pickle")) == vorher  # aufgeräumt


def test_werte_ueberstehen_pickle_mit_richtiger_reihenfolge() -> None:
    import pickle

    from netzwerk_cli.datum import Zeitangabe
    from netzwerk_cli.laden import Dokument

    d = Dokument("/abs/x.yaml", "../rel/x.yaml", Zeitangabe.lies("spätestens 2010"), {"a": 1})
    zurueck = pickle.loads(pickle.dumps(d))
    assert zurueck == d and zurueck.datei == "/abs/x.yaml" and zurueck.anzeige == "../rel/x.yaml"
    assert repr(zurueck).startswith("Dokument(datei='/abs/x.yaml', anzeige='../rel/x.yaml'")
    with pytest.raises(AttributeError):
        d.datei = "anders"  # type: ignore[misc]
