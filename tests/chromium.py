"""Debians chromium für die Browser-Tests: wo er liegt und wie er ohne Netz startet.

Ohne die Schalter gegen Hintergrundverbindungen versucht Chromium bei jedem Start Googles
Rechner zu erreichen; im geschlossenen Netz von CI scheitert das laut und langsam."""

from __future__ import annotations

import shutil
from pathlib import Path

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def aufruf(profil: Path, *args: str) -> list[str]:
    """Der Befehl: kopflos, ohne Sandbox (CI läuft als root), mit eigenem leeren Profil."""
    assert CHROMIUM is not None
    return [
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
        *args,
    ]
