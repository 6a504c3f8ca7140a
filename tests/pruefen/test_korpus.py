"""Der Korpus kaputter und gültiger Dateien: jede kaputte Datei ergibt genau ihre (Zeile, Code)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import FIXTURES

KOPF = re.compile(rb"^# ziel: (\S+)(?: \| erwartet: (.*))?$")


def _kopf(pfad: Path) -> tuple[str, set[tuple[int, str]]]:
    erste = pfad.read_bytes().split(b"\n", 1)[0].rstrip(b"\r").lstrip(b"\xef\xbb\xbf")
    m = KOPF.match(erste)
    assert m, f"{pfad.name}: erste Zeile muss '# ziel: … | erwartet: …' sein"
    erwartet = set()
    for teil in (m.group(2) or b"").decode().split():
        zeile, code = teil.split(":")
        erwartet.add((int(zeile), code))
    return m.group(1).decode(), erwartet


KAPUTT = sorted((FIXTURES / "invalid").glob("*.yaml"))
GUELTIG = sorted((FIXTURES / "valid").glob("*.yaml"))


def test_korpus_ist_gross_genug() -> None:
    assert len(KAPUTT) >= 30
    assert len(GUELTIG) >= 5


def _lege_ab(daten: Path, fixture: Path) -> Path:
    ziel, _ = _kopf(fixture)
    pfad = daten / ziel
    pfad.write_bytes(fixture.read_bytes())
    return pfad


@pytest.mark.parametrize("fixture", KAPUTT, ids=lambda p: p.stem)
def test_kaputte_datei(fixture: Path, daten: Path, netz: Any) -> None:
    pfad = _lege_ab(daten, fixture)
    _, erwartet = _kopf(fixture)
    lauf = netz("validate", "--format", "json")
    assert lauf.exit_code == 1, lauf.stdout
    bericht = lauf.json()
    name = pfad.name
    gefunden = {(p["zeile"], p["code"]) for p in bericht["probleme"] if Path(p["datei"]).name == name}
    assert gefunden == erwartet
    for p in bericht["probleme"]:
        assert p["meldung"] and p["zeile"] >= 1 and p["spalte"] >= 1


@pytest.mark.parametrize("fixture", GUELTIG, ids=lambda p: p.stem)
def test_gueltige_variante(fixture: Path, daten: Path, netz: Any) -> None:
    _lege_ab(daten, fixture)
    lauf = netz("validate", "--format", "json", "--strict")
    assert lauf.json()["probleme"] == []
    assert lauf.exit_code == 0


def test_alle_befunde_in_einem_lauf(daten: Path, netz: Any) -> None:
    """Mehrere kaputte Dateien: alle Befunde kommen in einem Lauf, keiner fehlt."""
    erwartet: dict[str, set[tuple[int, str]]] = {}
    benutzt: set[str] = set()
    for fixture in KAPUTT:
        ziel, codes = _kopf(fixture)
        if ziel in benutzt or not ziel.startswith("vertraege/"):
            continue
        benutzt.add(ziel)
        _lege_ab(daten, fixture)
        erwartet[Path(ziel).name] = codes
    assert len(erwartet) >= 5
    bericht = netz("validate", "--format", "json").json()
    for name, codes in erwartet.items():
        gefunden = {(p["zeile"], p["code"]) for p in bericht["probleme"] if Path(p["datei"]).name == name}
        assert codes <= gefunden, name
