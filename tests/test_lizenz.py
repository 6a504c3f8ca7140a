"""CC0 1.0 für die eigenen Daten, DL-DE-BY-2.0 mit Namensnennung für Destatis/BKG – überall
genannt, wo die Daten hingehen (Issue 22)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent


def test_lizenz_in_quellen_und_readme() -> None:
    for datei in ("data/QUELLEN.md", "README.md"):
        text = " ".join((REPO / datei).read_text(encoding="utf-8").split())
        assert "CC0 1.0" in text, datei
        assert "Datenlizenz Deutschland – Namensnennung 2.0" in text, datei


def test_datenpaket_nennt_lizenz_je_ressource(netz: Any, tmp_path: Path) -> None:
    assert netz("export", str(tmp_path / "paket"), "--format", "datapackage").exit_code == 0
    paket = json.loads((tmp_path / "paket" / "datapackage.json").read_text(encoding="utf-8"))
    assert [x["name"] for x in paket["licenses"]] == ["CC0-1.0"]
    for r in paket["resources"]:
        namen = [x["name"] for x in r["licenses"]]
        assert "CC0-1.0" in namen, r["name"]
        if r["name"] in ("regionen", "abdeckung"):
            assert "DL-DE-BY-2.0" in namen and r["sources"], r["name"]


def test_lizenz_in_fusszeile_und_bericht(netz: Any, tmp_path: Path) -> None:
    assert netz("report", "--html", str(tmp_path / "b.html")).exit_code == 0
    bericht = " ".join((tmp_path / "b.html").read_text(encoding="utf-8").split())
    assert bericht.count("CC0 1.0") >= 2  # Abschnitt „Quellen und Lizenzen“ und Fußzeile
    assert netz("site", str(tmp_path / "s")).exit_code == 0
    start = " ".join((tmp_path / "s" / "index.html").read_text(encoding="utf-8").split())
    assert 'rel="license">CC0 1.0</a>' in start
