"""Eigenschaft: zufällig beschädigte Dateien führen nie zu einem Traceback."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from netzwerk_cli.cli import alle_befehle
from tests.conftest import DATEN, HEUTE

app = alle_befehle()

DATEIEN = sorted(p.relative_to(DATEN) for p in DATEN.rglob("*.yaml"))


@st.composite
def mutation(draw: st.DrawFn) -> tuple[Path, bytes]:
    datei = draw(st.sampled_from(DATEIEN))
    zeilen = (DATEN / datei).read_bytes().splitlines(keepends=True)
    for _ in range(draw(st.integers(1, 3))):
        art = draw(st.sampled_from(["loeschen", "doppeln", "tauschen", "bytes", "einruecken", "ausruecken"]))
        if not zeilen:
            break
        i = draw(st.integers(0, len(zeilen) - 1))
        if art == "loeschen":
            del zeilen[i]
        elif art == "doppeln":
            zeilen.insert(i, zeilen[i])
        elif art == "tauschen":
            j = draw(st.integers(0, len(zeilen) - 1))
            zeilen[i], zeilen[j] = zeilen[j], zeilen[i]
        elif art == "bytes":
            pos = draw(st.integers(0, len(zeilen[i])))
            neu = draw(st.binary(min_size=1, max_size=4))
            zeilen[i] = zeilen[i][:pos] + neu + zeilen[i][pos:]
        elif art == "einruecken":
            zeilen[i] = b"  " + zeilen[i]
        else:
            zeilen[i] = zeilen[i].lstrip()
    return datei, b"".join(zeilen)


_ORDNER = Path(tempfile.mkdtemp(prefix="netz-mutation-")) / "data"
shutil.copytree(DATEN, _ORDNER)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutation())
def test_validate_uebersteht_jede_mutation(fall: tuple[Path, bytes]) -> None:
    datei, inhalt = fall
    ziel = _ORDNER / datei
    original = (DATEN / datei).read_bytes()
    ziel.write_bytes(inhalt)
    try:
        r = CliRunner().invoke(
            app, ["--data", str(_ORDNER), "validate", "--format", "json"], env={"NETZ_HEUTE": HEUTE}
        )
        assert r.exception is None or isinstance(r.exception, SystemExit), r.exception
        assert r.exit_code in (0, 1)
        assert "Traceback" not in r.stdout + r.stderr
        if r.exit_code == 1:
            assert '"probleme"' in r.stdout
        # validate ändert nie eine Datei
        assert ziel.read_bytes() == inhalt
    finally:
        ziel.write_bytes(original)
