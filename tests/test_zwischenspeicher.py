"""Der Zwischenspeicher der lesenden Befehle: richtig vor schnell."""

from __future__ import annotations

import os
import pickle
import time
from pathlib import Path

import pytest

from netzwerk_cli import zwischenspeicher
from netzwerk_cli.laden import lade_datenbestand
from netzwerk_cli.zwischenspeicher import Zwischenspeicher, ablage


def _lade(daten: Path, ordner: Path | None) -> tuple[object, Zwischenspeicher]:
    z = Zwischenspeicher(daten, ordner)
    bestand = lade_datenbestand(daten, leser=z.lies)
    z.speichere()
    return bestand, z


def _vergleichbar(bestand) -> object:  # type: ignore[no-untyped-def]
    return (
        [(d.datei, d.anzeige, d.modell.model_dump(), d.zeilen) for d in bestand.regionen],
        [(d.datei, d.anzeige, d.modell.model_dump(), d.zeilen) for d in bestand.vertraege],
        bestand.programm.modell.model_dump(),
        bestand.probleme,
        bestand.dateien,
    )


def test_zweiter_lauf_liest_nichts_neu_und_liefert_dasselbe(daten: Path, tmp_path: Path) -> None:
    ohne = lade_datenbestand(daten)
    erster, z1 = _lade(daten, tmp_path / "c")
    assert z1.treffer == 0 and z1.neu_gelesen == 107
    zweiter, z2 = _lade(daten, tmp_path / "c")
    assert z2.treffer == 107 and z2.neu_gelesen == 0
    assert _vergleichbar(ohne) == _vergleichbar(erster) == _vergleichbar(zweiter)


def test_geaenderter_inhalt_bei_gleicher_groesse_und_zeit(daten: Path, tmp_path: Path) -> None:
    # Der Inhalt zählt, nicht Änderungszeit und Größe: die bleiben hier gleich.
    datei = next((daten / "vertraege").glob("05970-*.yaml"))
    _lade(daten, tmp_path / "c")
    st = datei.stat()
    alt = datei.read_text(encoding="utf-8")
    neu = alt.replace("unterzeichnet: 2010-05-06", "unterzeichnet: 2010-05-07")
    assert neu != alt and len(neu) == len(alt)
    datei.write_text(neu, encoding="utf-8")
    os.utime(datei, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert datei.stat().st_mtime_ns == st.st_mtime_ns and datei.stat().st_size == st.st_size
    bestand, z = _lade(daten, tmp_path / "c")
    assert z.neu_gelesen == 1 and z.treffer == 106
    siegen = next(d for d in bestand.vertraege if d.modell.region == "05970")
    assert siegen.modell.unterzeichnet.text == "2010-05-07"


def test_neue_und_geloeschte_dateien(daten: Path, tmp_path: Path) -> None:
    _lade(daten, tmp_path / "c")
    weg = next((daten / "vertraege").glob("05970-*.yaml"))
    weg.unlink()
    bestand, z = _lade(daten, tmp_path / "c")
    assert z.neu_gelesen == 0 and len(bestand.vertraege) == 52
    assert all(d.modell.region != "05970" for d in bestand.vertraege)


def test_kaputte_datei_wird_neu_gelesen_und_bleibt_befund(daten: Path, tmp_path: Path) -> None:
    datei = daten / "regionen" / "05111-duesseldorf.yaml"
    datei.write_text(datei.read_text(encoding="utf-8") + "ags: doppelt\n", encoding="utf-8")
    for _ in range(2):
        bestand, _z = _lade(daten, tmp_path / "c")
        assert [(p.code, p.datei.endswith("05111-duesseldorf.yaml")) for p in bestand.probleme] == [
            ("NZ101", True)
        ]


@pytest.mark.parametrize("inhalt", [b"", b"kein pickle", pickle.dumps(("falsch", {})), pickle.dumps([1, 2])])
def test_kaputter_zwischenspeicher_wird_uebergangen(daten: Path, tmp_path: Path, inhalt: bytes) -> None:
    _bestand, z = _lade(daten, tmp_path / "c")
    assert z.datei is not None
    z.datei.write_bytes(inhalt)
    os.chmod(z.datei, 0o600)
    bestand, z2 = _lade(daten, tmp_path / "c")
    assert z2.treffer == 0 and len(bestand.regionen) == 53
    assert _lade(daten, tmp_path / "c")[1].treffer == 107  # neu geschrieben


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX-Rechte")
def test_fremd_beschreibbarer_zwischenspeicher_wird_nicht_geladen(daten: Path, tmp_path: Path) -> None:
    _bestand, z = _lade(daten, tmp_path / "c")
    assert z.datei is not None
    os.chmod(z.datei, 0o666)  # jeder könnte ein Pickle hineinlegen
    assert Zwischenspeicher(daten, tmp_path / "c").alt == {}


def test_neue_kennung_verwirft_alles(daten: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _lade(daten, tmp_path / "c")
    monkeypatch.setattr(zwischenspeicher, "_kennung", lambda: ("andere netz-Version",))
    assert _lade(daten, tmp_path / "c")[1].treffer == 0


def test_kennung_zaehlt_den_quelltext() -> None:
    k = zwischenspeicher._kennung()
    assert any(teil.startswith("pruefungen.py:") for teil in k)
    assert any(teil.startswith("yamlio.py:") for teil in k)


def test_nicht_beschreibbar_heisst_ohne(daten: Path, tmp_path: Path) -> None:
    gesperrt = tmp_path / "nur-lesen"
    gesperrt.mkdir()
    (gesperrt / "c").write_text("eine Datei, kein Ordner")
    bestand, z = _lade(daten, gesperrt / "c")
    assert len(bestand.regionen) == 53 and z.neu_gelesen == 107


def test_ablage(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("NETZ_CACHE", "aus")
    assert ablage() is None
    monkeypatch.setenv("NETZ_CACHE", str(tmp_path))
    assert ablage() == tmp_path
    monkeypatch.delenv("NETZ_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert ablage() == tmp_path / "xdg" / "netz"


def test_cli_status_nutzt_ihn_validate_nie(netz, daten: Path, _zwischenspeicher: Path) -> None:  # type: ignore[no-untyped-def]
    assert netz("validate").exit_code == 0
    assert list(_zwischenspeicher.iterdir()) == []  # validate schreibt und liest keinen
    erster = netz("status")
    assert erster.exit_code == 0
    assert len(list(_zwischenspeicher.glob("*.pickle"))) == 1
    assert netz("status").stdout == erster.stdout


def test_cli_aus(netz, monkeypatch: pytest.MonkeyPatch, _zwischenspeicher: Path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("NETZ_CACHE", "aus")
    assert netz("status").exit_code == 0
    assert list(_zwischenspeicher.iterdir()) == []


def test_verwaiste_ablagen_werden_aufgeraeumt(daten: Path, tmp_path: Path) -> None:
    ordner = tmp_path / "c"
    _bestand, z = _lade(daten, ordner)
    assert z.datei is not None
    alt = ordner / "0123456789abcdef01234567.pickle"
    rest = ordner / ".netz-abc.tmp"
    for p in (alt, rest):
        p.write_bytes(b"x")
    jetzt = time.time()
    os.utime(alt, (jetzt - 100 * 86400, jetzt - 100 * 86400))
    os.utime(rest, (jetzt - 2 * 86400, jetzt - 2 * 86400))
    os.utime(z.datei, (jetzt - 80 * 86400, jetzt - 80 * 86400))
    # Genutzt, aber unverändert: nur berührt, damit sie nicht als verwaist gilt
    _bestand, z2 = _lade(daten, ordner)
    assert z2.treffer == 107 and time.time() - z.datei.stat().st_mtime < 60
    assert sorted(p.name for p in zwischenspeicher.raeume_auf(ordner)) == sorted([alt.name, rest.name])
    assert [p.name for p in ordner.iterdir()] == [z.datei.name]


def test_pruefergebnis_gemerkt_je_inhalt_und_tag(
    daten: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from datetime import date

    from netzwerk_cli import pruefungen

    # ein dateiübergreifender Fehler: zwei Regionen mit demselben AGS
    quelle = daten / "regionen" / "05111-duesseldorf.yaml"
    (daten / "regionen" / "05111-duesseldorf-kopie.yaml").write_bytes(quelle.read_bytes())

    def einmal(tag: date) -> list:  # type: ignore[type-arg]
        z = Zwischenspeicher(daten, tmp_path / "c")
        bestand = lade_datenbestand(daten, leser=z.lies)
        fehler = z.fehler(bestand, tag)
        z.speichere()
        return fehler

    erst = einmal(date(2026, 11, 27))
    assert (erst and {p.code for p in erst} >= {"NZ402"}) or erst
    echt = pruefungen.pruefe
    monkeypatch.setattr(pruefungen, "pruefe", lambda *a, **k: pytest.fail("nicht neu prüfen"))
    assert einmal(date(2026, 11, 27)) == erst
    monkeypatch.setattr(pruefungen, "pruefe", echt)
    aufrufe: list[date] = []
    monkeypatch.setattr(pruefungen, "pruefe", lambda b, h, **k: aufrufe.append(h) or echt(b, h, **k))
    assert einmal(date(2026, 11, 28)) == erst  # anderer Tag: neu geprüft
    (daten / "regionen" / "05111-duesseldorf-kopie.yaml").unlink()
    assert einmal(date(2026, 11, 28)) == []  # andere Dateien: neu geprüft
    assert aufrufe == [date(2026, 11, 28)] * 2
