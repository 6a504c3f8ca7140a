"""Der HTML-Bericht im echten Browser (Debian chromium); ohne Browser übersprungen."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="Chromium fehlt (CI installiert Debians chromium; lokal: apt-get install chromium)",
)


def _chromium(profil: Path, *args: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    return subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={profil}",
            "--enable-logging=stderr",
            "--v=0",
            *args,
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_bericht_rendert_ohne_konsolenfehler(netz: Any, tmp_path: Path) -> None:
    seite = tmp_path / "bericht.html"
    assert netz("report", "--html", str(seite)).exit_code == 0
    r = _chromium(tmp_path / "profil", "--dump-dom", seite.as_uri())
    assert r.returncode == 0, r.stderr[-2000:]
    dom = r.stdout
    assert dom.count('data-ags="') == 53  # die Karte ist im gerenderten Dokument
    assert "<tr><td>05170</td>" in dom
    konsole = [z for z in r.stderr.splitlines() if ":CONSOLE" in z]
    assert konsole == []


def test_bildschirmfoto(netz: Any, tmp_path: Path) -> None:
    seite = tmp_path / "bericht.html"
    netz("report", "--html", str(seite))
    bild = tmp_path / "bild.png"
    r = _chromium(tmp_path / "profil", "--window-size=420,900", f"--screenshot={bild}", seite.as_uri())
    assert r.returncode == 0, r.stderr[-2000:]
    assert bild.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert bild.stat().st_size > 10_000
