from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Any

import pytest


def _dateien(daten: Path) -> set[str]:
    return {p.name for p in (daten / "vertraege").iterdir()}


def test_add_rundreise(netz: Any, daten: Path) -> None:
    vorher = _dateien(daten)
    lauf = netz(
        "add",
        "wesel",
        "--date",
        "2026-11-20",
        "--start",
        "2027-01-01",
        "--source",
        "https://www.kreis-wesel.de/bildungsnetzwerk",
        "--note",
        "Unterzeichnet im Kreishaus: „endlich“",
    )
    assert lauf.exit_code == 0, lauf.stderr
    neu = _dateien(daten) - vorher
    assert neu == {"05170-wesel-2026-11-20.yaml"}
    text = (daten / "vertraege" / "05170-wesel-2026-11-20.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../schemas/vertrag.schema.json\n")
    assert 'region: "05170"\nunterzeichnet: 2026-11-20\nbeginn: 2027-01-01\n' in text
    assert "Neuer Stand: 52 von 53 Regionen" in lauf.stdout
    j = netz("status", "--format", "json").json()
    assert j["mit_netzwerk"] == 52 and j["fehlend"] == []
    v = netz("validate")
    assert v.exit_code == 0, v.stdout + v.stderr
    show = netz("show", "05170", "--format", "json").json()
    assert show["vertraege"][0]["bemerkung"] == "Unterzeichnet im Kreishaus: „endlich“"


def test_add_dry_run_schreibt_nichts(netz: Any, daten: Path) -> None:
    vorher = _dateien(daten)
    lauf = netz(
        "add", "Kreis Wesel", "--date", "2026-11-20", "--source", "https://example.org/a", "--dry-run"
    )
    assert lauf.exit_code == 0
    assert "Würde anlegen: " in lauf.flach
    assert 'region: "05170"' in lauf.stdout
    assert _dateien(daten) == vorher


@pytest.mark.parametrize(
    ("args", "teil"),
    [
        (["koeln", "--date", "2020-01-01"], "schon ein Netzwerk"),
        (["wesel", "--date", "2099-01-01"], "Zukunft"),
        (["wesel", "--date", "2020-01-01", "--start", "2019-12-31"], "vor der Unterzeichnung"),
        (["wesel", "--date", "2005-01-01"], "vor den ersten Verträgen"),
    ],
)
def test_add_verweigert(netz: Any, daten: Path, args: list[str], teil: str) -> None:
    vorher = _dateien(daten)
    lauf = netz("add", *args, "--source", "https://example.org/a")
    assert lauf.exit_code == 1
    assert teil in lauf.stderr
    assert "Nichts wurde geschrieben" in lauf.flach
    assert _dateien(daten) == vorher


@pytest.mark.parametrize(
    ("args", "teil"),
    [
        (["Atlantis", "--date", "2020-01-01"], "unbekannt"),
        (["kreis", "--date", "2020-01-01"], "mehrdeutig"),
    ],
)
def test_add_unbekannte_region_ist_aufruffehler(netz: Any, daten: Path, args: list[str], teil: str) -> None:
    """Eine unbekannte oder mehrdeutige Region endet mit 2 wie jeder Aufruffehler (README)."""
    vorher = _dateien(daten)
    lauf = netz("add", *args, "--source", "https://example.org/a")
    assert lauf.exit_code == 2
    assert teil in lauf.stderr
    assert _dateien(daten) == vorher


def test_add_ohne_quelle_ohne_terminal_ist_aufruffehler(netz: Any, daten: Path) -> None:
    """Ohne Terminal fragt netz nicht: ohne --source kein Vertrag (NZ601 ist ein Fehler)."""
    vorher = _dateien(daten)
    lauf = netz("add", "viersen", "--date", "01.10.2026")
    assert lauf.exit_code == 2
    assert "--source fehlt" in lauf.flach
    assert _dateien(daten) == vorher


def test_add_derselbe_vertrag_verweist_auf_source_add(netz: Any, daten: Path) -> None:
    """Der Fall aus #21: derselbe Vertrag ein zweites Mal – die Meldung nennt netz source add,
    nicht „sein Ende eintragen“; source add trägt die zweite Quelle dann nach."""
    erst = netz("add", "viersen", "--date", "01.10.2026", "--source", "https://example.org/a")
    assert erst.exit_code == 0, erst.flach
    lauf = netz("add", "viersen", "--date", "01.10.2026", "--source", "https://example.org/b")
    assert lauf.exit_code == 1
    assert "gibt es schon" in lauf.flach
    assert "netz source add viersen https://example.org/b --contract 01.10.2026" in lauf.flach
    assert "netz end" not in lauf.flach
    nach = netz("source", "add", "viersen", "https://example.org/b", "--contract", "01.10.2026")
    assert nach.exit_code == 0, nach.flach
    text = (daten / "vertraege" / "05166-viersen-2026-10-01.yaml").read_text(encoding="utf-8")
    assert "  - https://example.org/a\n  - https://example.org/b\n" in text


@pytest.mark.parametrize(
    "args",
    [
        ["wesel", "--date", "2020-1-x"],
        ["wesel"],
        ["wesel", "--date", "2020-01-01", "--source", "keine-url"],
    ],
)
def test_add_aufruffehler(netz: Any, daten: Path, args: list[str]) -> None:
    vorher = _dateien(daten)
    lauf = netz("add", *args)
    assert lauf.exit_code == 2
    assert _dateien(daten) == vorher


def test_add_nie_ueber_vorhandene_datei(netz: Any, daten: Path) -> None:
    ziel = daten / "vertraege" / "05170-wesel-2026-11-20.yaml"
    ziel.write_text("# fremd\n", encoding="utf-8")
    lauf = netz("add", "wesel", "--date", "2026-11-20", "--source", "https://example.org/a")
    assert lauf.exit_code == 1
    assert ziel.read_text(encoding="utf-8") == "# fremd\n"


def test_add_keine_temporaerdateien(netz: Any, daten: Path) -> None:
    netz("add", "wesel", "--date", "2026-11-20", "--source", "https://example.org/a")
    assert not [p for p in (daten / "vertraege").iterdir() if p.name.startswith(".")]


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="braucht /proc (Linux)")
@pytest.mark.parametrize("bei", ["sperre", "temporaerdatei"])
def test_add_voller_datentraeger(netz: Any, daten: Path, monkeypatch: pytest.MonkeyPatch, bei: str) -> None:
    """ENOSPC beim Schreiben der Sperre oder der Temporärdatei: Exit 4, nichts bleibt liegen."""
    echt = os.write
    muster = ".netz.lock" if bei == "sperre" else "/.netz-"

    def voll(fd: int, b: bytes) -> int:
        if muster in os.readlink(f"/proc/self/fd/{fd}"):  # welche Datei hinter dem Deskriptor steht
            raise OSError(errno.ENOSPC, "No space left on device")
        return echt(fd, b)

    monkeypatch.setattr(os, "write", voll)
    vorher = _dateien(daten)
    lauf = netz("add", "wesel", "--date", "2026-11-20", "--source", "https://example.org/a")
    monkeypatch.setattr(os, "write", echt)
    assert lauf.exit_code == 4, lauf.stderr
    assert "kein Platz mehr auf dem Datenträger" in lauf.stderr
    assert _dateien(daten) == vorher
    assert not (daten / ".netz.lock").exists()
    assert not [p for p in (daten / "vertraege").iterdir() if p.name.startswith(".")]


@pytest.mark.parametrize("option", ["--note", "--source"])
def test_add_unsichtbare_zeichen_sind_aufruffehler(netz: Any, daten: Path, option: str) -> None:
    vorher = _dateien(daten)
    wert = "Ort\u0085Wesel" if option == "--note" else "https://x.example/\u2028"
    lauf = netz("add", "wesel", "--date", "2026-11-20", option, wert)
    assert lauf.exit_code == 2 and f"Ungültiger Wert für {option}" in lauf.stderr
    assert _dateien(daten) == vorher


def test_add_quelle_ohne_schema_schlaegt_https_vor(netz: Any, daten: Path) -> None:
    """Aus der Adresszeile des Browsers kopiert fehlt oft „https://“: netz nennt die Adresse mit."""
    r = netz("add", "wesel", "--date", "20.11.2026", "--source", "www.kreis-wesel.de/presse")
    assert r.exit_code == 2
    assert "meinten Sie https://www.kreis-wesel.de/presse?" in r.flach
    r = netz("add", "wesel", "--date", "20.11.2026", "--source", "Pressemitteilung")
    assert r.exit_code == 2 and "meinten Sie" not in r.flach
