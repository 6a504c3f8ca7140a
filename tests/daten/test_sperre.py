from __future__ import annotations

import socket
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from netzwerk_cli.daten.sperre import SPERRDATEI, Gesperrt, sperre


def _tote_pid() -> int:
    return 4_000_000  # größer als pid_max unter Linux: diesen Prozess gibt es nicht


def test_sperre_wird_freigegeben(tmp_path: Path) -> None:
    with sperre(tmp_path, "x"):
        assert (tmp_path / SPERRDATEI).exists()
    assert not (tmp_path / SPERRDATEI).exists()


def test_verwaiste_sperre_klare_meldung(tmp_path: Path) -> None:
    (tmp_path / SPERRDATEI).write_text(f"{_tote_pid()} {socket.gethostname()} 2026-11-27T10:00:00\n")
    with pytest.raises(Gesperrt) as e, sperre(tmp_path, "data/.netz.lock", warten=5):
        pass
    assert "nicht mehr läuft" in e.value.meldung
    assert e.value.hinweis == "Wenn kein netz mehr schreibt, die Datei löschen: rm data/.netz.lock"


def test_wartet_auf_lebende_sperre(tmp_path: Path) -> None:
    reihenfolge: list[str] = []

    def halten() -> None:
        with sperre(tmp_path, "x"):
            reihenfolge.append("a")
            time.sleep(0.3)
            reihenfolge.append("a-ende")

    t = threading.Thread(target=halten)
    t.start()
    time.sleep(0.05)
    with sperre(tmp_path, "x", warten=5):
        reihenfolge.append("b")
    t.join()
    assert reihenfolge == ["a", "a-ende", "b"]


def test_lebende_sperre_zeitueberschreitung(tmp_path: Path) -> None:
    with (
        sperre(tmp_path, "x"),
        pytest.raises(Gesperrt, match="schreibt gerade"),
        sperre(tmp_path, "x", warten=0.2),
    ):
        pass


def test_validate_meldet_reste(netz: Any, daten: Path) -> None:
    (daten / "vertraege" / ".netz-abc123.tmp").write_text('region: "05', encoding="utf-8")
    (daten / SPERRDATEI).write_text(f"{_tote_pid()} {socket.gethostname()} 2026-11-27T10:00:00\n")
    lauf = netz("validate", "--format", "json")
    assert lauf.exit_code == 0  # nur Warnungen
    assert sorted(p["code"] for p in lauf.json()["probleme"]) == ["NZ110", "NZ111"]
    add = netz("add", "wesel", "--date", "2026-11-20")
    assert add.exit_code == 1
    assert "rm " in add.stderr and ".netz.lock" in add.stderr
