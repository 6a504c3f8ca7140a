"""Was der Prüfer eines Pull-Requests in ``netz diff`` sieht (#21): Daten und Quellen jedes neuen
oder geänderten Vertrags, „Vergangenheit geändert“, der Stichtag in den Überschriften, deutsche
Feldnamen, ein präzisiertes Datum als Änderung – golden für Text, Markdown und JSON.

Neu aufzeichnen nach einer gewollten Änderung der Ausgabe:
``DIFF_GOLDEN_AUFZEICHNEN=1 python -m pytest tests/cli/test_diff_pruefer.py`` (und den Unterschied
im Commit begründen).
"""

from __future__ import annotations

import os
import re
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from netzwerk_cli.cli import ausfuehren
from tests.conftest import DATEN
from tests.gitrepo import git, ohne_globale_konfiguration, repo_anlegen

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "diff"
HEUTE = "2026-12-06"
KOELN_NEU = "https://www.stadt-koeln.de/leben-in-koeln/bildung-und-schule/regionales-bildungsnetzwerk-2026"


@pytest.fixture(scope="module")
def _pr_vorlage(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Der Pull-Request aus #21, einmal je Modul gebaut (git und netz kosteten je Test über eine
    Sekunde): Köln endet am 31.07.2025 und tritt am 01.12.2026 wieder ein; Bottrops „2009“ wird
    „2009-03-12“ (die Datei heißt danach anders); Düsseldorfs Vertrag bekommt eine Bemerkung.
    Jeder Test arbeitet auf einer Kopie (:func:`geaendert`)."""
    oben = tmp_path_factory.mktemp("pr")
    daten = oben / "data"
    shutil.copytree(DATEN, daten)
    with pytest.MonkeyPatch.context() as mp:
        for name in [n for n in os.environ if n.startswith("NETZ_")]:
            mp.delenv(name)
        ohne_globale_konfiguration(mp, oben)
        mp.setenv("NETZ_HEUTE", HEUTE)
        mp.chdir(oben)  # Pfade wie im Repository: data/vertraege/…
        repo_anlegen(oben)
        git(oben, "checkout", "-q", "-b", "pr")
        for argumente in (
            ["end", "köln", "--date", "31.07.2025"],
            ["add", "köln", "--date", "01.12.2026", "--source", KOELN_NEU],
        ):
            with CliRunner().isolation() as (_, fehler, _):
                code = ausfuehren(["--data", str(daten), *argumente])
                sys.stderr.flush()
                assert code == 0, fehler.getvalue().decode()
        alt = daten / "vertraege" / "05512-bottrop-2009.yaml"
        text = alt.read_text(encoding="utf-8")
        assert "\nunterzeichnet: 2009\n" in text
        git(oben, "mv", str(alt), str(alt.with_name("05512-bottrop-2009-03-12.yaml")))
        alt.with_name("05512-bottrop-2009-03-12.yaml").write_text(
            text.replace("\nunterzeichnet: 2009\n", "\nunterzeichnet: 2009-03-12\n"), encoding="utf-8"
        )
    return oben


@pytest.fixture
def geaendert(_pr_vorlage: Path, daten: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Eine Kopie des Pull-Requests (Arbeitsbaum und .git) an der Stelle der Datenkopie."""
    oben = daten.parent
    shutil.rmtree(daten)
    shutil.copytree(_pr_vorlage, oben, symlinks=True, dirs_exist_ok=True)
    ohne_globale_konfiguration(monkeypatch, oben)
    monkeypatch.setenv("NETZ_HEUTE", HEUTE)
    monkeypatch.chdir(oben)
    return oben


def _ohne_kennung(text: str) -> str:
    """Die Commit-Kennung hängt von der Uhrzeit des Tests ab."""
    return re.sub(r"\(([0-9a-f]{12})\)", "(KENNUNG)", text)


def _golden(name: str, ist: str) -> None:
    datei = GOLDEN / name
    if os.environ.get("DIFF_GOLDEN_AUFZEICHNEN"):
        datei.write_text(ist, encoding="utf-8")
    assert ist == datei.read_text(encoding="utf-8")


@pytest.mark.parametrize("format", ["text", "markdown", "json"])
def test_diff_golden(netz: Any, geaendert: Path, format: str) -> None:
    lauf = netz("diff", "--format", format)
    assert lauf.exit_code == 0, lauf.stderr
    _golden(f"pr.{format}", _ohne_kennung(lauf.stdout))


def test_vergangenheit_geaendert(netz: Any, geaendert: Path) -> None:
    """16 Monate ohne Kölner Netzwerk: die Spanne steht da, mit sicher und möglich."""
    text = netz("diff").flach
    assert "Vergangenheit geändert" in text
    assert "01.08.2025–30.11.2026: sicher 51 → 50, möglich 52 → 51" in text
    e = netz("diff", "--format", "json").json()
    koeln = [z for z in e["vergangenheit"] if z["von"] == "2025-08-01"]
    assert koeln == [
        {
            "von": "2025-08-01",
            "bis": "2026-11-30",
            "unterschied_sicher": -1,
            "unterschied_moeglich": -1,
            "vorher_anfangs": {"regionen": 53, "mit_netzwerk": 51, "mit_netzwerk_moeglich": 52},
            "nachher_anfangs": {"regionen": 53, "mit_netzwerk": 50, "mit_netzwerk_moeglich": 51},
            "vorher_zuletzt": {"regionen": 53, "mit_netzwerk": 51, "mit_netzwerk_moeglich": 52},
            "nachher_zuletzt": {"regionen": 53, "mit_netzwerk": 50, "mit_netzwerk_moeglich": 51},
        }
    ]


def test_quellen_ganz_in_jedem_format(netz: Any, geaendert: Path) -> None:
    """Die Adresse des neuen Vertrags steht ganz da – im Text nie geteilt, auch bei 80 Spalten."""
    for format in ("text", "markdown"):
        zeilen = netz("diff", "--format", format).stdout.splitlines()
        assert any(KOELN_NEU in z for z in zeilen), format
    e = netz("diff", "--format", "json").json()
    neu = [d for d in e["dateien"] if d["datei"].endswith("05315-koeln-2026-12-01.yaml")]
    assert neu[0]["vertrag"]["quellen"] == [KOELN_NEU]
    assert neu[0]["vertrag"]["unterzeichnet"]["text"] == "2026-12-01"


def test_praezisiertes_datum_ist_eine_aenderung(netz: Any, geaendert: Path) -> None:
    text = netz("diff").stdout
    assert "unterzeichnet: 2009 → 12.03.2009, präzisiert" in text
    assert "vorher: data/vertraege/05512-bottrop-2009.yaml" in text
    assert "Vertrag entfernt" not in text
    e = netz("diff", "--format", "json").json()
    bottrop = [d for d in e["dateien"] if d["ags"] == "05512"]
    assert [(d["wie"], d["datei_vorher"] is not None) for d in bottrop] == [("geaendert", True)]


def test_ueberschriften_nennen_den_stichtag(netz: Any, geaendert: Path) -> None:
    text = netz("diff", "--as-of", "01.01.2026").stdout
    assert "Abdeckung am Stichtag (01.01.2026)" in text
    assert "Stand der Regionen am 01.01.2026" in text
    assert "heute" not in text
    md = netz("diff", "--as-of", "01.01.2026", "--format", "markdown").stdout
    assert "#### Stand der Regionen am 01.01.2026" in md and "heute" not in md


def test_deutsche_feldnamen(netz: Any, geaendert: Path, daten: Path) -> None:
    programm = daten / "programm.yaml"
    t = programm.read_text(encoding="utf-8")
    alt = "Audit vom 06.12.2026 (dritte Lesung)"
    assert alt in t  # im Feld geprueft_durch
    programm.write_text(t.replace(alt, "Audit vom 07.12.2026 (dritte Lesung)"), encoding="utf-8")
    text = netz("diff").stdout
    assert "geprüft durch:" in text and "geprueft_durch" not in text
