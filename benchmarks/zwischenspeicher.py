#!/usr/bin/env python3
"""Die Messung, nach der der JSON-Zwischenspeicher entfiel (docs/performance.md, „Entscheidung“).

``netz status`` als ganzer Prozess in eine Pipe, abwechselnd mit warmem Zwischenspeicher
(``NETZ_CACHE=<Ordner>``) und ohne (``NETZ_CACHE=aus``), nach je einem Aufwärmlauf; berichtet
werden Median und Spanne der Uhrzeit, das Verhältnis je Runde (Median, Quartile, Spanne) und
dasselbe für die CPU-Zeit. Nur sinnvoll mit einem netz, das den Zwischenspeicher noch hat
(bis Commit dcceda0):

    python benchmarks/zwischenspeicher.py PFAD/ZU/netz data 31
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def main() -> None:
    netz, daten, runden = sys.argv[1], sys.argv[2], int(sys.argv[3])
    tmp = Path(tempfile.mkdtemp())
    shutil.copytree(daten, tmp / "data")
    env = {k: v for k, v in os.environ.items() if not k.startswith("NETZ_")}
    env.update(NETZ_HEUTE="2026-11-27", COLUMNS="80")
    mit = {**env, "NETZ_CACHE": str(tmp / "cache")}
    ohne = {**env, "NETZ_CACHE": "aus"}
    cpu: dict[bool, list[float]] = {True: [], False: []}

    def lauf(e: dict[str, str]) -> float:
        t = time.perf_counter()
        p = subprocess.Popen(
            [netz, "--data", str(tmp / "data"), "status"],
            env=e,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        _, _, nutzung = os.wait4(p.pid, 0)
        cpu[e is mit].append(nutzung.ru_utime + nutzung.ru_stime)
        return time.perf_counter() - t

    lauf(mit)
    lauf(ohne)
    cpu = {True: [], False: []}
    a: list[float] = []
    b: list[float] = []
    for i in range(runden):  # abwechselnd, die Reihenfolge je Runde getauscht
        if i % 2:
            b.append(lauf(ohne))
            a.append(lauf(mit))
        else:
            a.append(lauf(mit))
            b.append(lauf(ohne))

    def zeile(name: str, x: list[float], y: list[float]) -> str:
        r = [p / q for p, q in zip(x, y, strict=True)]
        q1, _, q3 = statistics.quantiles(r, n=4)
        return (
            f"{name}: mit {statistics.median(x):.3f} s, ohne {statistics.median(y):.3f} s; "
            f"mit ÷ ohne je Runde: Median {statistics.median(r):.3f}, "
            f"Quartile {q1:.3f}–{q3:.3f}, Spanne {min(r):.3f}–{max(r):.3f}"
        )

    print(zeile("Uhrzeit", a, b))
    print(zeile("CPU-Zeit", cpu[True], cpu[False]))
    shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
