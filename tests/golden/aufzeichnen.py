"""Die Ausgaben der eingebetteten Daten als Goldstandard aufzeichnen oder vergleichen.

    python tests/golden/aufzeichnen.py ORDNER    # schreibt je Aufruf eine Datei nach ORDNER

Der Test ``tests/test_golden.py`` ruft dieselben Befehle und vergleicht mit
``tests/golden/ausgaben/``; nach einer gewollten Änderung der Ausgabe oder der Daten:
``python tests/golden/aufzeichnen.py tests/golden/ausgaben`` und den Unterschied im
Commit begründen.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
HEUTE = "2026-11-28"


def aufrufe() -> list[tuple[str, list[str]]]:
    out: list[tuple[str, list[str]]] = []
    for fmt in ("text", "json"):
        out.append((f"status.{fmt}", ["status", "--format", fmt]))
        out.append((f"status-2010-05-06.{fmt}", ["status", "--as-of", "2010-05-06", "--format", fmt]))
    for fmt in ("text", "json", "csv", "markdown"):
        out.append((f"missing.{fmt}", ["missing", "--format", fmt]))
        out.append((f"list.{fmt}", ["list", "--format", fmt]))
    out.append(("list-bezirk-koeln.text", ["list", "--bezirk", "Köln", "--sort", "ags"]))
    for fmt in ("text", "json", "csv"):
        out.append((f"timeline.{fmt}", ["timeline", "--format", fmt]))
    out.append(("map.text", ["map"]))
    for fmt in ("text", "json", "github", "markdown"):
        out.append((f"validate.{fmt}", ["validate", "--format", fmt]))
    for fmt in ("text", "json", "markdown"):
        out.append((f"offen.{fmt}", ["offen", "--format", fmt]))
    ags = sorted(p.name[:5] for p in (REPO / "data" / "regionen").glob("*.yaml"))
    for a in ags:
        out.append((f"show-{a}.text", ["show", a]))
        out.append((f"show-{a}.json", ["show", a, "--format", "json"]))
    return out


def umgebung() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NETZ_", "GITHUB_"))}
    env.update({"NETZ_HEUTE": HEUTE, "COLUMNS": "80", "NO_COLOR": "1", "TERM": "dumb"})
    env.pop("CI", None)
    return env


def lauf(argumente: list[str]) -> str:
    p = subprocess.run(
        [sys.executable, "-m", "netzwerk_cli", "--data", "data", *argumente],
        capture_output=True,
        text=True,
        env=umgebung(),
        cwd=REPO,
    )
    return f"exit {p.returncode}\n--- stdout\n{p.stdout}--- stderr\n{p.stderr}"


def main() -> None:
    ziel = Path(sys.argv[1])
    ziel.mkdir(parents=True, exist_ok=True)
    for name, argumente in aufrufe():
        (ziel / name).write_text(lauf(argumente), encoding="utf-8")


if __name__ == "__main__":
    main()
