"""Eigenschaft: zufällig beschädigte – auch gezielt feindliche – Dateien führen nie zu einem
Traceback, nie zu mehr als MAX_BEFUNDE + 1 Befunden je Datei, und validate ändert nichts."""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from netzwerk_cli.cli import ausfuehren
from netzwerk_cli.pruefen.codes import MAX_BEFUNDE
from tests.conftest import DATEN, HEUTE, beispiele

DATEIEN = sorted(p.relative_to(DATEN) for p in DATEN.rglob("*.yaml"))


@st.composite
def mutation(draw: st.DrawFn) -> tuple[Path, bytes]:
    datei = draw(st.sampled_from(DATEIEN))
    zeilen = (DATEN / datei).read_bytes().splitlines(keepends=True)
    for _ in range(draw(st.integers(1, 3))):
        art = draw(
            st.sampled_from(
                [
                    *("loeschen", "doppeln", "tauschen", "bytes", "einruecken", "ausruecken"),
                    *("tag", "escape", "vervielfachen", "verschachteln"),
                ]
            )
        )
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
        elif art == "tag":  # ein ausdrückliches Tag vor den Wert
            tag = draw(
                st.sampled_from([b"!!null ", b"!!int ", b"!!bool ", b"!!float ", b"!x ", b"!!python/object "])
            )
            zeilen[i] = zeilen[i].replace(b": ", b": " + tag, 1)
        elif art == "escape":  # Steuer- und Richtungszeichen über YAML-Escapes
            wert = draw(st.sampled_from([b'"\\e[2J"', b'"\\u202e"', b'"\\x85"', b'"\\u2028"', b'"\\a\\0"']))
            zeilen[i] = (
                zeilen[i].split(b": ", 1)[0] + b": " + wert + b"\n" if b": " in zeilen[i] else zeilen[i]
            )
        elif art == "vervielfachen":
            zeilen[i:i] = [zeilen[i]] * draw(st.integers(50, 3000))
        elif art == "verschachteln":
            tiefe = draw(st.integers(5, 2000))
            zeilen[i] = (
                zeilen[i].replace(b": ", b": " + b"[" * tiefe, 1).rstrip(b"\r\n") + b"]" * tiefe + b"\n"
            )
        elif art == "einruecken":
            zeilen[i] = b"  " + zeilen[i]
        else:
            zeilen[i] = zeilen[i].lstrip()
    return datei, b"".join(zeilen)


_ORDNER = Path(tempfile.mkdtemp(prefix="netz-mutation-")) / "data"
shutil.copytree(DATEN, _ORDNER)


@settings(max_examples=beispiele(60), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutation())
def test_validate_uebersteht_jede_mutation(fall: tuple[Path, bytes]) -> None:
    datei, inhalt = fall
    ziel = _ORDNER / datei
    original = (DATEN / datei).read_bytes()
    ziel.write_bytes(inhalt)
    try:
        for fmt in ("json", "text", "github", "markdown", "csv"):
            with CliRunner().isolation(env={"NETZ_HEUTE": HEUTE}) as (aus, fehler, _):
                code = ausfuehren(["--data", str(_ORDNER), "validate", "--format", fmt])
                sys.stdout.flush()
                sys.stderr.flush()
                stdout, stderr = aus.getvalue().decode(), fehler.getvalue().decode()
            assert code in (0, 1), stderr
            assert "Traceback" not in stdout + stderr and "interner Fehler" not in stderr
            if fmt == "json":
                probleme = json.loads(stdout)["ergebnis"]["probleme"]
                je_datei: dict[str, int] = {}
                for p in probleme:
                    je_datei[p["datei"]] = je_datei.get(p["datei"], 0) + 1
                assert max(je_datei.values(), default=0) <= MAX_BEFUNDE + 1
        # validate ändert nie eine Datei
        assert ziel.read_bytes() == inhalt
    finally:
        ziel.write_bytes(original)
