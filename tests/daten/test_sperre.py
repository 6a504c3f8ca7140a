from __future__ import annotations

import errno
import os
import signal
import socket
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from netzwerk_cli.daten.sperre import SPERRDATEI, Gesperrt, prozessstart, sperre, verwaist, zustand


def _tote_pid() -> int:
    return 4_000_000  # größer als pid_max unter Linux: diesen Prozess gibt es nicht


def test_sperre_wird_freigegeben(tmp_path: Path) -> None:
    with sperre(tmp_path, "x"):
        assert (tmp_path / SPERRDATEI).exists()
    assert not (tmp_path / SPERRDATEI).exists()


def test_sigterm_handler_nur_waehrend_der_sperre(tmp_path: Path) -> None:
    alt = signal.getsignal(signal.SIGTERM)
    with sperre(tmp_path, "x"):
        assert signal.getsignal(signal.SIGTERM) is not alt
    assert signal.getsignal(signal.SIGTERM) is alt


def test_sperre_nennt_prozessstart(tmp_path: Path) -> None:
    with sperre(tmp_path, "x"):
        teile = (tmp_path / SPERRDATEI).read_text(encoding="utf-8").split()
    assert teile[:2] == [str(os.getpid()), socket.gethostname()]
    if sys.platform.startswith("linux"):
        assert teile[3] == prozessstart(os.getpid()) != ""


def _alt(pfad: Path) -> None:
    """Die Sperre älter machen als die Schonfrist für gerade angelegte Sperren."""
    t = time.time() - 60
    os.utime(pfad, (t, t))


@pytest.mark.parametrize(
    ("inhalt", "grund"),
    [
        ("", "leer"),
        ("\x00\xff Müll", "unlesbarer Inhalt"),
        (f"{_tote_pid()} {socket.gethostname()} 2026-11-27T10:00:00\n", "Prozess 4000000 läuft nicht mehr"),
        # die eigene Prozessnummer, aber eine andere Startzeit: die Nummer wurde wiederverwendet
        (f"{os.getpid()} {socket.gethostname()} 2026-11-27T10:00:00 1\n", "inzwischen einem anderen Prozess"),
    ],
    # feste Kennungen: Prozessnummer und Startzeit unterscheiden sich je pytest-xdist-Prozess
    ids=["leer", "unlesbar", "prozess-beendet", "pid-wiederverwendet"],
)
def test_verwaiste_sperre_wird_ersetzt(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], inhalt: str, grund: str
) -> None:
    pfad = tmp_path / SPERRDATEI
    pfad.write_bytes(inhalt.encode("utf-8", "surrogateescape"))
    _alt(pfad)
    z = zustand(pfad)
    assert z is not None and z.verwaist_weil is not None and grund in z.verwaist_weil
    with sperre(tmp_path, "data/.netz.lock", warten=5):
        assert pfad.read_text(encoding="utf-8").startswith(f"{os.getpid()} ")
    assert not pfad.exists()
    fehler = capsys.readouterr().err
    assert fehler.startswith("Hinweis: verwaiste Sperrdatei data/.netz.lock (") and "ersetzt." in fehler
    assert grund in fehler
    assert not list(tmp_path.iterdir())  # auch keine umbenannte alte Sperre


@pytest.mark.parametrize(
    "inhalt",
    [
        f"{_tote_pid()} ein-anderer-rechner 2026-11-27T10:00:00 1\n",  # dort kann netz nicht nachsehen
        f"{os.getpid()} {socket.gethostname()} 2026-11-27T10:00:00 {prozessstart(os.getpid())}\n",
    ],
    ids=["anderer-rechner", "lebender-prozess"],
)
def test_fremde_oder_lebende_sperre_bleibt(tmp_path: Path, inhalt: str) -> None:
    pfad = tmp_path / SPERRDATEI
    pfad.write_text(inhalt, encoding="utf-8")
    _alt(pfad)
    assert not verwaist(pfad)
    with pytest.raises(Gesperrt, match="schreibt gerade"), sperre(tmp_path, "x", warten=0.2):
        pass
    assert pfad.read_text(encoding="utf-8") == inhalt


def test_frische_leere_sperre_wird_abgewartet(tmp_path: Path) -> None:
    """Leer und jünger als die Schonfrist: ein Schreiber kann zwischen Anlegen und Schreiben sein."""
    pfad = tmp_path / SPERRDATEI
    pfad.write_bytes(b"")
    assert zustand(pfad) is not None and not verwaist(pfad)
    with pytest.raises(Gesperrt, match="unbekannten Prozess"), sperre(tmp_path, "x", warten=0.2):
        pass
    assert pfad.exists()


def test_voller_datentraeger_beim_sperren(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def voll(fd: int, daten: bytes) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", voll)
    with pytest.raises(OSError) as e, sperre(tmp_path, "x"):
        pass
    assert e.value.errno == errno.ENOSPC
    assert not list(tmp_path.iterdir())


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
    probleme = lauf.json()["probleme"]
    assert sorted(p["code"] for p in probleme) == ["NZ110", "NZ111"]
    assert any("Prozess 4000000 läuft nicht mehr" in p["meldung"] for p in probleme)
    add = netz("add", "wesel", "--date", "2026-11-20", "--source", "https://x.example/w")
    assert add.exit_code == 0, add.stderr
    assert "Hinweis: verwaiste Sperrdatei" in add.stderr and "läuft nicht mehr" in add.stderr
    assert not (daten / SPERRDATEI).exists()


@pytest.mark.parametrize(("inhalt", "grund"), [(b"", "leer"), (b"\xff\xfe kaputt", "unlesbarer Inhalt")])
def test_validate_nennt_den_fall(netz: Any, daten: Path, inhalt: bytes, grund: str) -> None:
    (daten / SPERRDATEI).write_bytes(inhalt)
    _alt(daten / SPERRDATEI)
    probleme = netz("validate", "--format", "json").json()["probleme"]
    assert [p["code"] for p in probleme] == ["NZ111"]
    assert f"({grund})" in probleme[0]["meldung"]


def test_validate_uebergeht_temporaerdatei_eines_lebenden_schreibers(netz: Any, daten: Path) -> None:
    tmp = daten / "vertraege" / ".netz-abc123.tmp"
    tmp.write_text('region: "05', encoding="utf-8")
    with sperre(daten, "x"):  # dieser Prozess schreibt gerade
        assert netz("validate", "--strict").exit_code == 0
    assert netz("validate", "--strict").exit_code == 1  # ohne Sperre: ein Rest (NZ110)
