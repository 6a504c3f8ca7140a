"""Ein fehlschlagendes --format json gibt trotzdem JSON aus: den Umschlag mit den Befunden."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def test_kaputte_daten_json_umschlag_mit_befunden(netz: Any, daten: Path) -> None:
    datei = daten / "vertraege" / "05112-duisburg-2008-06.yaml"
    datei.write_text(datei.read_text(encoding="utf-8") + "region: [\n", encoding="utf-8")
    lauf = netz("status", "--format", "json")
    assert lauf.exit_code == 1
    u = json.loads(lauf.stdout)
    assert u["befehl"] == "status" and u["ergebnis"] is None
    assert u["fehler"]["exit_code"] == 1
    assert [b["code"] for b in u["fehler"]["befunde"]] == ["NZ105"]
    assert u["fehler"]["befunde"][0]["datei"].endswith("05112-duisburg-2008-06.yaml")
    assert "Fehler" in lauf.stderr  # die Meldung für Menschen bleibt auf stderr


def test_aufruf_ohne_json_bleibt_stumm_auf_stdout(netz: Any, daten: Path) -> None:
    datei = daten / "vertraege" / "05112-duisburg-2008-06.yaml"
    datei.write_text(datei.read_text(encoding="utf-8") + "region: [\n", encoding="utf-8")
    lauf = netz("status")
    assert lauf.exit_code == 1 and lauf.stdout == ""
