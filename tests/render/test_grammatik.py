"""Sätze statt Schablonen: Einzahl und Mehrzahl, ein Minuszeichen."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from netzwerk_cli.kern.abdeckung import Zaehlung
from netzwerk_cli.kern.zahlen import MINUS, anzahl, es_fehlen, mit_vorzeichen
from netzwerk_cli.kern.zeitreihe import Tempo
from netzwerk_cli.render.bausteine import kopfzeile, tempo_zeile


def test_anzahl_und_vorzeichen() -> None:
    assert anzahl(1, "Region", "Regionen") == "1 Region"
    assert anzahl(0, "Region", "Regionen") == "0 Regionen"
    assert es_fehlen(1) == "es fehlt 1" and es_fehlen(3) == "es fehlen 3"
    assert mit_vorzeichen(1) == "+1" and mit_vorzeichen(-2) == f"{MINUS}2" and mit_vorzeichen(0) == "0"


def test_kopfzeile_einzahl() -> None:
    assert kopfzeile(Zaehlung(1, 1, 1)).startswith("1 von 1 Region (100,0 %) hat ein")
    assert kopfzeile(Zaehlung(53, 43, 43)).startswith("43 von 53 Regionen (81,1 %) haben ein")


def test_tempo_einzahl_und_minus() -> None:
    z = tempo_zeile(Tempo(1.0, date(2025, 1, 1), 1, 1.0, 1, date(2027, 1, 1)))
    assert "Tempo: +1 Netzwerk (sicher)" in z and "(1 Jahr)" in z and "wäre die fehlende Region" in z
    z = tempo_zeile(Tempo(2.0, date(2024, 1, 1), -1, -0.5, 1, None))
    assert "Tempo: 1 Netzwerk weniger" in z and "im Schnitt 0,5 weniger pro Jahr" in z and "es fehlt 1" in z
    assert "-" not in z and MINUS not in z  # ein Rückgang in Worten, ohne Vorzeichen


def test_validate_eine_warnung(netz: Any, daten: Path) -> None:
    # die neueste Zählung älter als einen Tag: genau eine Warnung NZ507 (ein Vertrag ohne Quelle
    # ist seit #21 ein Fehler)
    programm = daten / "programm.yaml"
    text = programm.read_text(encoding="utf-8")
    assert "pruefpunkte_hoechstalter: 3y" in text
    programm.write_text(text.replace("pruefpunkte_hoechstalter: 3y", "pruefpunkte_hoechstalter: 1d"), "utf-8")
    lauf = netz("validate")
    assert "0 Fehler, 1 Warnung (ändert den Exit-Code nur mit --strict)" in " ".join(
        (lauf.stdout + lauf.stderr).split()
    )
