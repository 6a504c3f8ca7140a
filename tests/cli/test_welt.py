"""Fehler der Welt – Kodierung, geschlossene Ausgabe, Strg+C, Rechte, voller Datenträger:
jeder mit deutscher Meldung und eigenem Exit-Code, nie „interner Fehler“, nie ein Traceback."""

from __future__ import annotations

import errno
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from netzwerk_cli.kern.fehler import Exit
from tests.conftest import DATEN, HEUTE

NETZ = [sys.executable, "-m", "netzwerk_cli"]


def _umgebung(**mehr: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NETZ_", "PYTHONIOENCODING"))}
    return {**env, "NETZ_HEUTE": HEUTE, "NETZ_DATA": str(DATEN), **mehr}


def test_ausgabe_ohne_umlaute(tmp_path: Path) -> None:
    r = subprocess.run([*NETZ, "status"], capture_output=True, env=_umgebung(PYTHONIOENCODING="ascii"))
    assert r.returncode == Exit.UMGEBUNG
    fehler = r.stderr.decode("ascii")
    assert "Kodierung" in fehler and "Traceback" not in fehler


def test_geschlossene_standardausgabe() -> None:
    r = subprocess.run(["sh", "-c", '"$@" >&-', "sh", *NETZ, "status"], capture_output=True, env=_umgebung())
    assert r.returncode == Exit.UMGEBUNG
    assert "Standardausgabe ist geschlossen" in r.stderr.decode() and b"Traceback" not in r.stderr


def test_geschlossene_pipe_still_wie_cat() -> None:
    p = subprocess.Popen([*NETZ, "list"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_umgebung())
    assert p.stdout is not None and p.stderr is not None
    p.stdout.readline()
    p.stdout.close()  # wie „| head -1“
    fehler = p.stderr.read()
    p.wait()
    assert p.returncode in (-signal.SIGPIPE, 0) and fehler == b""


NETZ_SKRIPT = Path(sys.executable).parent / "netz"


@pytest.mark.skipif(not NETZ_SKRIPT.exists(), reason="das Skript netz liegt nicht neben dem Interpreter")
@pytest.mark.parametrize("nach", [0.005, 0.01, 0.02, 0.04, 0.06, 0.1, 0.2])
def test_strg_c_jederzeit_ohne_traceback_von_netz(nach: float) -> None:
    p = subprocess.Popen(
        [str(NETZ_SKRIPT), "status"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=_umgebung(),
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    time.sleep(nach)
    p.send_signal(signal.SIGINT)
    _, roh = p.communicate(timeout=30)
    fehler = roh.decode(errors="replace")
    # In den ersten Millisekunden startet noch Python selbst (site, os): unterbricht Strg+C dort,
    # meldet Python es, bevor eine Zeile von netz lief. Danach fängt netz es immer ab.
    # Auch das Startskript („from netzwerk_cli.start import main“) und die Kopfzeilen von
    # start.py vor dessen try zählen noch zum Start: unter Last dauern sie länger. Ein Rahmen
    # aus einer anderen Datei von netz verrät einen Fehler.
    if "Traceback" in fehler:
        dateien = re.findall(r'File "([^"]+)"', fehler)
        start = (f"netzwerk_cli{os.sep}start.py", f"netzwerk_cli{os.sep}__init__.py")
        assert not [d for d in dateien if f"netzwerk_cli{os.sep}" in d and not d.endswith(start)], fehler
        return
    assert p.returncode in (0, -signal.SIGINT, Exit.ABBRUCH)
    if p.returncode == Exit.ABBRUCH:
        assert fehler == "Abgebrochen. Nichts gespeichert.\n"


def test_geojson_ist_keine_featurecollection(netz: Any, daten: Path, tmp_path: Path) -> None:
    (daten / "geo" / "nrw-kreise.geojson").write_text("[]", encoding="utf-8")
    lauf = netz("map", "--svg", str(tmp_path / "k.svg"))
    assert lauf.exit_code == Exit.DATEN and "keine FeatureCollection" in lauf.stderr


def test_vertraege_ist_eine_datei(netz: Any, daten: Path) -> None:
    shutil.rmtree(daten / "vertraege")
    (daten / "vertraege").write_text("x\n", encoding="utf-8")
    j = netz("validate", "--format", "json").json()
    assert [(p["code"], p["datei"].endswith("vertraege")) for p in j["probleme"]] == [("NZ112", True)]


def test_unlesbarer_ordner(netz: Any, daten: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    echt = os.scandir

    def scandir(pfad: Any) -> Any:
        if str(pfad).endswith("regionen"):
            raise PermissionError(errno.EACCES, "Permission denied", str(pfad))
        return echt(pfad)

    monkeypatch.setattr(os, "scandir", scandir)
    j = netz("validate", "--format", "json").json()
    # ein Befund für den Ordner – keine Folgebefunde („0 Regionen“, „Region gibt es nicht“)
    assert [(p["code"], p["datei"].endswith("regionen")) for p in j["probleme"]] == [("NZ100", True)]
    assert "keine Berechtigung" in j["probleme"][0]["meldung"]


@pytest.mark.parametrize(
    ("nummer", "text"),
    [
        (errno.EROFS, "schreibgeschützt"),
        (errno.ENOSPC, "kein Platz mehr"),
        (errno.EACCES, "keine Berechtigung"),
    ],
)
def test_schreiben_verweigert(
    netz: Any, daten: Path, monkeypatch: pytest.MonkeyPatch, nummer: int, text: str
) -> None:
    """Schreibgeschützter Ordner, voller Datenträger, fehlende Rechte beim Anlegen: Exit 4."""
    echt = os.open

    def oeffne(pfad: Any, flags: int, *args: Any, **kw: Any) -> int:
        if flags & os.O_CREAT and str(pfad).startswith(str(daten)):
            raise OSError(nummer, os.strerror(nummer), str(pfad))
        return echt(pfad, flags, *args, **kw)

    monkeypatch.setattr(os, "open", oeffne)
    vorher = sorted(p.name for p in daten.rglob("*"))
    lauf = netz("add", "wesel", "--date", "2026-11-20", "--source", "https://example.org/x")
    assert lauf.exit_code == Exit.UMGEBUNG, lauf.stderr
    assert text in lauf.stderr and "interner" not in lauf.stderr
    assert sorted(p.name for p in daten.rglob("*")) == vorher


def _als_nobody_moeglich() -> bool:
    if not hasattr(os, "getuid") or os.getuid() != 0:
        return False
    try:
        r = subprocess.run(
            [sys.executable, "-c", "import netzwerk_cli"],
            preexec_fn=lambda: os.setuid(65534),
            capture_output=True,
        )
    except OSError:  # z. B. der Interpreter liegt unter /root
        return False
    return r.returncode == 0


def _unprivilegiert() -> bool:
    """Ein Nutzer ohne root-Rechte, der das Python dieses Tests starten kann (es kann in einem
    Ordner liegen, den nur root betreten darf, z. B. pyenv unter /root)."""
    if not hasattr(os, "getuid") or os.getuid() == 0:
        return False
    try:
        return (
            subprocess.run([sys.executable, "-c", "import netzwerk_cli"], capture_output=True).returncode == 0
        )
    except OSError:
        return False


@pytest.mark.ohne_root
@pytest.mark.skipif(
    not (_unprivilegiert() or _als_nobody_moeglich()),
    reason="braucht einen Nutzer ohne root-Rechte (so startet ihn .ci/run) oder root, der zu nobody wechselt",
)
def test_echter_schreibschutz_als_unprivilegierter_nutzer(tmp_path: Path) -> None:
    """Ohne Fehlerinjektion: ein Datenordner, in den der Nutzer nicht schreiben darf."""
    tmp_path.chmod(0o755)
    ziel = tmp_path / "data"
    shutil.copytree(DATEN, ziel)
    for p in [ziel, *ziel.rglob("*")]:
        p.chmod(0o555 if p.is_dir() else 0o444)
    r = subprocess.run(
        [
            *NETZ,
            "--data",
            str(ziel),
            "add",
            "wesel",
            "--date",
            "2026-11-20",
            "--source",
            "https://example.org/x",
        ],
        capture_output=True,
        env={**_umgebung(), "HOME": str(tmp_path)},
        preexec_fn=None if _unprivilegiert() else lambda: os.setuid(65534),
    )
    assert r.returncode == Exit.UMGEBUNG, r.stderr.decode()
    assert "keine Berechtigung" in r.stderr.decode() and b"Traceback" not in r.stderr
    assert not list((ziel / "vertraege").glob("05170-*"))
