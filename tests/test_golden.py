"""Die Ausgaben der eingebetteten Daten bleiben, wie sie sind – außer mit Absicht.

``tests/golden/ausgaben/`` hält je Aufruf Exit-Code, stdout und stderr (aufgezeichnet mit
``python tests/golden/aufzeichnen.py tests/golden/ausgaben``). Ändert sich eine Ausgabe
gewollt (neue Daten, bessere Meldung), neu aufzeichnen und den Unterschied im Commit
begründen.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from netzwerk_cli.cli import ausfuehren
from tests.conftest import DATEN
from tests.golden.aufzeichnen import HEUTE, aufrufe

AUSGABEN = Path(__file__).resolve().parent / "golden" / "ausgaben"


@pytest.fixture(scope="module")
def kopie(tmp_path_factory: pytest.TempPathFactory) -> Path:
    wurzel = tmp_path_factory.mktemp("golden")
    shutil.copytree(DATEN, wurzel / "data")
    return wurzel


@pytest.mark.parametrize(("name", "argumente"), aufrufe(), ids=[n for n, _ in aufrufe()])
def test_ausgabe_unveraendert(
    name: str, argumente: list[str], kopie: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(kopie)  # Pfade in der Ausgabe wie bei der Aufzeichnung: data/…
    monkeypatch.setenv("NETZ_HEUTE", HEUTE)
    monkeypatch.setenv("TERM", "dumb")
    monkeypatch.delenv("NETZ_DEBUG")
    with CliRunner().isolation() as (aus, fehler, _):
        code = ausfuehren(["--data", str(kopie / "data"), *argumente])
        sys.stdout.flush()
        sys.stderr.flush()
        ist = f"exit {code}\n--- stdout\n{aus.getvalue().decode()}--- stderr\n{fehler.getvalue().decode()}"
    assert ist == (AUSGABEN / name).read_text(encoding="utf-8")


TEXT = [n for n, _ in aufrufe() if n.endswith(".text")]


@pytest.mark.parametrize("name", TEXT)
def test_text_passt_in_80_spalten(name: str) -> None:
    """Text für Menschen bricht in der Pipe an Wortgrenzen auf 80 Spalten um; länger darf
    nur eine Zeile sein, die ein einziges unteilbares Wort ist (eine Webadresse, ein Pfad).
    Keine Zeile endet auf ein Leerzeichen (rich füllt Tabellenzellen sonst auf)."""
    from rich.cells import cell_len

    for zeile in (AUSGABEN / name).read_text(encoding="utf-8").splitlines():
        assert not zeile.endswith(" "), f"{name}: Leerzeichen am Zeilenende: {zeile!r}"
        if cell_len(zeile) > 80:
            assert len(zeile.split()) == 1, f"{name}: länger als 80 Spalten: {zeile!r}"
