"""Der HTML-Bericht im echten Browser (Debian chromium); ohne Browser übersprungen."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests import chromium

# Chromium startet je Aufruf Sekunden lang: langsam, .ci/run führt es mit -m slow aus (dort ist
# Chromium installiert)
CHROMIUM = chromium.CHROMIUM
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        CHROMIUM is None,
        reason="Chromium fehlt (CI installiert Debians chromium; lokal: apt-get install chromium)",
    ),
]


def _chromium(profil: Path, *args: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    return subprocess.run(
        chromium.aufruf(profil, "--enable-logging=stderr", "--v=0", *args),
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


def test_website_laedt_jede_seite_ohne_konsolenmeldung(netz: Any, tmp_path: Path) -> None:
    """Jede Seite der Website in einem Browserlauf: eine Rahmenseite lädt alle als iframes
    (Chromium meldet Konsolenausgaben der Rahmen wie die eigenen); dazu die Startseite allein."""
    ziel = tmp_path / "site"
    assert netz("site", str(ziel)).exit_code == 0
    seiten = sorted(p.relative_to(tmp_path).as_posix() for p in ziel.rglob("*.html"))
    assert len(seiten) == 60
    rahmen = tmp_path / "alle.html"
    rahmen.write_text(
        '<!DOCTYPE html><html lang="de"><title>alle</title>'
        + "".join(f'<iframe src="{s}" title="{s}"></iframe>' for s in seiten)
        + '<img src="site/abdeckung.svg" alt="Plakette">',
        encoding="utf-8",
    )
    r = _chromium(tmp_path / "profil", "--virtual-time-budget=30000", "--dump-dom", rahmen.as_uri())
    assert r.returncode == 0, r.stderr[-2000:]
    assert r.stdout.count("<iframe") == 60
    konsole = [z for z in r.stderr.splitlines() if ":CONSOLE" in z]
    assert konsole == []
    start = _chromium(tmp_path / "profil2", "--dump-dom", (ziel / "index.html").as_uri())
    assert start.returncode == 0
    assert start.stdout.count('<a href="regionen/') >= 2 * 53  # Karte und Tabelle
    assert [z for z in start.stderr.splitlines() if ":CONSOLE" in z] == []


def test_bericht_druckt_auf_wenigen_seiten(netz: Any, tmp_path: Path) -> None:
    """Gedruckt (A4 über Chromium) bleibt der Bericht kurz: die Quellen stehen kompakt."""
    seite = tmp_path / "bericht.html"
    assert netz("report", "--html", str(seite)).exit_code == 0
    pdf = tmp_path / "bericht.pdf"
    r = _chromium(tmp_path / "profil", "--no-pdf-header-footer", f"--print-to-pdf={pdf}", seite.as_uri())
    assert r.returncode == 0, r.stderr[-2000:]
    seiten = len(re.findall(rb"/Type\s*/Page\b", pdf.read_bytes()))
    # vorher 9 Seiten, meist die Quellen; mit Karten über die Zeit und offenen Fragen 5
    assert 1 <= seiten <= 5, seiten
