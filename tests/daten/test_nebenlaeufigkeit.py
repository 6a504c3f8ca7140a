"""Viele Prozesse gleichzeitig und harte Abbrüche: nichts geht verloren, nichts ist halb."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from netzwerk_cli.daten.laden import lade_datenbestand
from netzwerk_cli.daten.sperre import SPERRDATEI
from netzwerk_cli.pruefen import pruefe
from tests.conftest import DATEN, HEUTE


def _netz(daten: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "netzwerk_cli", "--data", str(daten), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "NETZ_HEUTE": HEUTE, "NO_COLOR": "1"},
    )


def _ohne_vertraege(tmp_path: Path) -> Path:
    """Alle 53 Regionen, keine Verträge, keine Prüfpunkte: Platz für 16 neue Verträge."""
    daten = tmp_path / "data"
    shutil.copytree(DATEN / "regionen", daten / "regionen")
    shutil.copytree(DATEN / "quellen", daten / "quellen")
    (daten / "vertraege").mkdir()
    text = (DATEN / "programm.yaml").read_text(encoding="utf-8")
    (daten / "programm.yaml").write_text(text[: text.index("pruefpunkte:")], encoding="utf-8")
    return daten


def _fehler(daten: Path) -> list[str]:
    b = lade_datenbestand(daten)
    return [
        f"{p.datei}:{p.zeile} {p.code}" for p in pruefe(b, date.fromisoformat(HEUTE)).probleme if p.ist_fehler
    ]


@pytest.mark.slow  # viele echte Prozesse: .ci/run führt ihn aus (die Sperre allein: test_sperre.py)
def test_16_prozesse_dieselbe_region(tmp_path: Path) -> None:
    daten = _ohne_vertraege(tmp_path)
    # verschiedene Tage, damit nicht schon der Dateiname die Prozesse trennt
    prozesse = [
        _netz(daten, "add", "wesel", "--date", f"2020-01-{i + 1:02d}", "--source", "https://x.example")
        for i in range(16)
    ]
    ergebnisse = [(p.wait(timeout=120), p.stderr.read() if p.stderr else "") for p in prozesse]
    codes = sorted(c for c, _ in ergebnisse)
    assert codes == [0] + [1] * 15, ergebnisse
    for code, fehler in ergebnisse:
        assert "Traceback" not in fehler
        if code == 1:
            assert "Nichts wurde geschrieben" in fehler
    assert len(list((daten / "vertraege").iterdir())) == 1
    assert _fehler(daten) == []
    assert not (daten / SPERRDATEI).exists()


@pytest.mark.slow  # viele echte Prozesse: .ci/run führt ihn aus (die Sperre allein: test_sperre.py)
def test_16_prozesse_16_regionen(tmp_path: Path) -> None:
    daten = _ohne_vertraege(tmp_path)
    # heutige Regionen: einen Vertrag von 2020 für den 2009 aufgelösten Kreis Aachen lehnt netz ab
    heutige = (
        p for p in (daten / "regionen").iterdir() if "gueltig_bis" not in p.read_text(encoding="utf-8")
    )
    ags = sorted(p.name[:5] for p in heutige)[:16]
    prozesse = [_netz(daten, "add", a, "--date", "2020-01-01", "--source", "https://x.example") for a in ags]
    ergebnisse = [(p.wait(timeout=120), p.stderr.read() if p.stderr else "") for p in prozesse]
    assert [c for c, _ in ergebnisse] == [0] * 16, ergebnisse
    assert sorted(p.name[:5] for p in (daten / "vertraege").iterdir()) == ags
    assert _fehler(daten) == []


@pytest.mark.slow  # viele echte Prozesse: .ci/run führt ihn aus (die Sperre allein: test_sperre.py)
def test_sigkill_hinterlaesst_nie_halbe_dateien(tmp_path: Path) -> None:
    daten = tmp_path / "data"
    shutil.copytree(DATEN, daten)
    ziel = daten / "vertraege" / "05170-wesel-2026-11-20.yaml"
    zufall = random.Random(20100506)
    erwischt = {"vorher": 0, "nachher": 0}
    for _ in range(12):
        p = _netz(daten, "add", "wesel", "--date", "2026-11-20", "--source", "https://x.example/w")
        time.sleep(zufall.uniform(0.05, 0.9))
        p.send_signal(signal.SIGKILL)
        p.wait(timeout=30)
        # Was auch immer passiert ist: jede sichtbare Datei ist ganz und gültig.
        assert _fehler(daten) == []
        erwischt["nachher" if ziel.exists() else "vorher"] += 1
        ziel.unlink(missing_ok=True)
        (daten / SPERRDATEI).unlink(missing_ok=True)
        for rest in (daten / "vertraege").glob(".netz-*"):
            rest.unlink()
    assert sum(erwischt.values()) == 12
    print("SIGKILL vor/nach dem Anlegen:", erwischt)


_LANGSAM = """
import os, sys, time
from netzwerk_cli.cli import ausfuehren

echt = os.link


def langsam(*args, **kwargs):
    # die Temporärdatei liegt schon da, die Sperre ist genommen: jetzt kommt SIGTERM
    print("bereit", flush=True)
    time.sleep(30)
    return echt(*args, **kwargs)


os.link = langsam
sys.exit(ausfuehren(sys.argv[1:]))
"""


def test_sigterm_hinterlaesst_keine_sperre_und_keine_temporaerdatei(tmp_path: Path) -> None:
    daten = tmp_path / "data"
    shutil.copytree(DATEN, daten)
    p = subprocess.Popen(
        [
            sys.executable,
            "-c",
            _LANGSAM,
            "--data",
            str(daten),
            "add",
            "wesel",
            "--date",
            "2026-11-20",
            "--source",
            "https://x.example/w",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "NETZ_HEUTE": HEUTE, "NO_COLOR": "1"},
    )
    assert p.stdout is not None and p.stdout.readline() == "bereit\n"
    assert (daten / SPERRDATEI).exists() and list((daten / "vertraege").glob(".netz-*.tmp"))
    p.send_signal(signal.SIGTERM)
    _, fehler = p.communicate(timeout=30)
    assert p.returncode == 128 + signal.SIGTERM, fehler
    assert "Beendet (SIGTERM)" in fehler and "Traceback" not in fehler
    assert not (daten / SPERRDATEI).exists()
    assert not list((daten / "vertraege").glob(".netz-*"))
    assert not (daten / "vertraege" / "05170-wesel-2026-11-20.yaml").exists()
    assert _fehler(daten) == []
