"""Jedes Konsolenbeispiel in README.md und docs/ läuft und zeigt genau die gedruckte Ausgabe."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.beispiele import REPO, Block, bloecke, dokumente, laufen

BLOECKE = [b for d in dokumente() for b in bloecke(d)]


def test_es_gibt_beispiele() -> None:
    # README zeigt mindestens den Stand, einen Eintrag per Pull Request und eine Prüfung
    readme = [b for b in BLOECKE if b.datei.name == "README.md"]
    befehle = " ".join(s.befehl for b in readme for s in b.schritte)
    for noetig in ("netz status", "netz add", "git switch -c", "netz validate", "netz diff"):
        assert noetig in befehle


def test_readme_ist_eine_anleitung_keine_referenz() -> None:
    assert len((REPO / "README.md").read_bytes()) <= 10 * 1024


# Jedes Beispiel läuft in bash mit echten netz-Prozessen: „make test“ nimmt die des README (die
# Anleitung), die Referenz unter docs/ ist langsam und läuft in .ci/run (-m slow); dieselben
# Ausgaben prüfen in make test die Goldens (tests/test_golden.py) im Prozess.
@pytest.mark.parametrize(
    "block",
    [pytest.param(b, marks=[] if b.datei.name == "README.md" else [pytest.mark.slow]) for b in BLOECKE],
    ids=[b.name for b in BLOECKE],
)
def test_beispiel(block: Block, tmp_path: Path) -> None:
    for schritt, ist in laufen(block, tmp_path):
        assert ist == schritt.erwartet, (
            f"{block.name}: „$ {schritt.befehl}“ gibt eine andere Ausgabe "
            "(nach gewollter Änderung: python tests/beispiele.py --aufzeichnen)"
        )
