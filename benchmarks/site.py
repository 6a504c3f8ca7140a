#!/usr/bin/env python3
"""Benchmark für ``netz site``: die eingebetteten Daten (53 Regionen) und 1.000 synthetische.

    .venv/bin/python benchmarks/site.py            # 7 Runden, Tabelle auf stdout
    .venv/bin/python benchmarks/site.py --runs 11  # mehr Runden
    .venv/bin/python benchmarks/site.py --check    # Exit 1, wenn ein Ziel verfehlt ist

Ziele (Issue „Publish and share“): 53 Regionen in höchstens 3 s; 1.000 Regionen in höchstens
dem 20-Fachen der Zeit für 53 (linear, nicht quadratisch).

Wie ``benchmarks/run.py``: gemessen wird der ganze Prozess (Start, Importe, Lesen, Rechnen,
Vorlagen, Schreiben), beide Größen abwechselnd (A B A B …) nach je einem Aufwärmlauf, ohne
Zwischenspeicher; berichtet werden Median und Spanne (kleinster–größter Wert), das Verhältnis
als Median der Verhältnisse je Runde. Die synthetischen Daten schreibt ``run.erzeuge``; die
Grenzen für die Karte kommen aus den eingebetteten Daten (die synthetischen Schlüssel haben
keine Fläche – die Karte bleibt gleich groß, alles andere wächst mit den Regionen).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import run  # das Geschwister-Skript, kein Paket

ZIEL_53 = 3.0
ZIEL_FAKTOR = 20.0


def main() -> int:
    ap = argparse.ArgumentParser(description="Benchmark für netz site (ganze Prozesse).")
    ap.add_argument("--runs", type=int, default=7, help="Runden (Vorgabe: 7).")
    ap.add_argument("--check", action="store_true", help="Exit 1, wenn ein Ziel verfehlt ist.")
    args = ap.parse_args()
    programm = run._werkzeug("netz")
    if programm is None:
        sys.exit("netz nicht gefunden: im venv mit installiertem netz aufrufen (.venv/bin/python …).")
    umgebung = run.umgebung_fuer_messungen()
    with tempfile.TemporaryDirectory(prefix="netz-site-bench-") as tmp:
        t = Path(tmp)
        klein = t / "d53"
        shutil.copytree(run.REPO / "data", klein)
        gross = run.erzeuge(t / "d1000", 1000)
        (gross / "geo").mkdir()
        shutil.copy(run.REPO / "data" / "geo" / "nrw-kreise.geojson", gross / "geo")
        auftraege = [
            run.Auftrag(
                "netz site", str(n), [[programm, "--data", str(d), "site", str(t / f"site{n}")]], umgebung
            )
            for n, d in ((53, klein), (1000, gross))
        ]
        print(f"netz site, 53 und 1.000 Regionen abwechselnd, {args.runs} Runden …", flush=True)
        m53, m1000 = run.miss_gruppe(auftraege, args.runs)
        seiten = {n: len(list((t / f"site{n}").rglob("*.html"))) for n in (53, 1000)}
    for m in (m53, m1000):
        if m.codes != {0}:
            sys.exit(f"netz site mit {m.groesse} Regionen endete mit {sorted(m.codes)}")
    faktor = statistics.median(b / a for a, b in zip(m53.zeiten, m1000.zeiten, strict=True))
    print()
    print(run.maschine(run._interpreter(programm)))
    print()
    # CPU-Zeit daneben: auf einem geteilten Rechner wartet der Prozess oft auf einen Kern,
    # die Uhrzeit allein sagte dann mehr über die Nachbarn als über netz
    print("| Daten | Seiten | Läufe | Median | Spanne | CPU (Median) | CPU/Uhr | Speicher | Ziel |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---|")
    for m, n, ziel in (
        (m53, 53, f"≤ {run.zahl(ZIEL_53, 1)} s"),
        (m1000, 1000, f"≤ {run.zahl(ZIEL_FAKTOR, 0)} × 53"),
    ):
        spitze = m.spitze_mib
        print(
            f"| {run.zahl(n, 0)} Regionen | {seiten[n]} | {len(m.zeiten)} | {run.zahl(m.median)} s | "
            f"{run.zahl(min(m.zeiten))}–{run.zahl(max(m.zeiten))} s | "
            f"{run.zahl(statistics.median(m.cpu))} s | {run.zahl(m.cpu_anteil)} | "
            f"{run.zahl(spitze, 0) + ' MiB' if spitze else '–'} | {ziel} |"
        )
    print()
    ok53 = m53.median <= ZIEL_53
    okf = faktor <= ZIEL_FAKTOR
    print(f"53 Regionen: Median {run.zahl(m53.median)} s – Ziel {'erfüllt' if ok53 else 'VERFEHLT'}")
    print(f"Last des Rechners (1 min) am Ende: {run.zahl(os.getloadavg()[0], 1)}")
    print(f"1.000 ÷ 53: {run.zahl(faktor, 1)} (Median je Runde) – Ziel {'erfüllt' if okf else 'VERFEHLT'}")
    return 0 if (ok53 and okf) or not args.check else 1


if __name__ == "__main__":
    sys.exit(main())
