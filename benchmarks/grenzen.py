#!/usr/bin/env python3
"""Benchmark der linearen Grenzen (Issue „Hostile input, round three“): Zeit je Element.

    .venv/bin/python benchmarks/grenzen.py                 # 1×, 10×, 100×; 3 Runden
    .venv/bin/python benchmarks/grenzen.py --bis 1000      # auch 1000× (dauert)
    .venv/bin/python benchmarks/grenzen.py --runs 5
    .venv/bin/python benchmarks/grenzen.py --bis 1000 --out docs/performance.md

Gemessen wird der ganze Prozess (``validate``, ``offen``, ``site``, ``report``) auf
synthetischen Daten mit dem k-Fachen der ungenauen Verträge und Prüfpunkte von heute
(``data/``: 33 ungenaue Verträge, 17 Prüfpunkte, davon zwei mit Namensliste), dazu
``validate`` auf k × 20 Verträgen, die sich alle in einer Region überschneiden (NZ405).
Berichtet wird je Größe der Median der Laufzeit, die Spanne und die Zeit je Element (Vertrag
+ Prüfpunkt) der Stufe von der vorigen Größe her – ohne Start, Importe und feste Arbeit –,
relativ zu der Stufe von 10× auf 100×: bleibt sie flach (um 1), wächst die Arbeit linear; steigt
sie mit der Größe, wächst sie schneller.
"""

from __future__ import annotations

import argparse
import math
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
UNGENAU_HEUTE = 33
PRUEFPUNKTE_HEUTE = 17
QUELLE = "https://example.org/q"
# Eine Liste in einer YAML-Datei hat höchstens so viele Einträge (pruefen/yamlio.py): mehr
# Prüfpunkte als 1.000 gibt es nicht, ab 100× wachsen nur noch die Verträge.
MAX_EINTRAEGE = 1000
GRENZE = 300  # Sekunden je Lauf; länger gilt als abgebrochen (inf)


def _region(ags: str, i: int) -> str:
    return (
        f'ags: "{ags}"\nname: Ort {i}\nbezeichnung: Stadt Ort {i}\nart: kreisfreie Stadt\n'
        f"regierungsbezirk: Düsseldorf\neinwohner: {20000 + i}\nflaeche_km2: 10.5\n"
        f"statistik_stand: 2018-12-31\nstatistik_quelle: {QUELLE}\n"
    )


def _formen(i: int) -> tuple[str, str]:
    """(Dateinamensteil, Wert von unterzeichnet) – die ungenauen Formen der Daten reihum."""
    jahr = 2008 + i % 10
    monat = 1 + i % 12
    return [
        (f"{jahr}", f"{jahr}"),
        (f"{jahr}-{monat:02d}", f'"{jahr}-{monat:02d}"'),
        (f"bis-{jahr}-{monat:02d}-15", f'"spätestens {jahr}-{monat:02d}-15"'),
        (f"{jahr}-bis-{jahr + 1}-{monat:02d}", f'"zwischen {jahr} und {jahr + 1}-{monat:02d}"'),
    ][i % 4]


def _flaeche(ags: str, i: int) -> str:
    """Ein kleines Quadrat je Region im Raster über NRW (die Grenzprüfung verlangt eine Fläche je
    Region mit fünfstelligem AGS, in NRW, mit Inhalt)."""
    x, y = 5.4 + (i % 40) * 0.1, 49.9 + (i // 40) * 0.1
    ring = [[x, y], [x + 0.09, y], [x + 0.09, y + 0.09], [x, y + 0.09], [x, y]]
    punkte = ",".join(f"[{a:.2f},{b:.2f}]" for a, b in ring)
    return (
        f'{{"type":"Feature","properties":{{"ags":"{ags}","name":"Ort {i}"}},'
        f'"geometry":{{"type":"Polygon","coordinates":[[{punkte}]]}}}}'
    )


def _in_folge(j: int, m: int, i: int) -> tuple[str, str, str | None]:
    """Der ``j``-te von ``m`` Verträgen einer Region, nacheinander in Kraft: (Dateinamensteil,
    unterzeichnet, endet). Jeder bekommt ein gleich langes Stück von 2008 bis 2018; unterzeichnet
    in dessen erstem Viertel, beendet (außer dem letzten) in dessen letztem – nie sicher
    gleichzeitig mit dem vorigen (NZ405)."""
    anfang = date(2008, 1, 1)
    laenge = (date(2018, 12, 31) - anfang).days // m
    stueck = anfang + timedelta(days=j * laenge)
    viertel = max(laenge // 4, 2)  # mindestens zwei Tage: ungenau
    a, b = stueck, stueck + timedelta(days=viertel - 1)
    unterzeichnet = f'"zwischen {a} und {b}"' if i % 2 else f'"spätestens {b}"'
    teil = f"{a}-bis-{b}" if i % 2 else f"bis-{b}"
    if j == m - 1:
        return teil, unterzeichnet, None
    e1 = stueck + timedelta(days=laenge - viertel)
    e2 = stueck + timedelta(days=laenge - 1)
    return teil, unterzeichnet, f'"zwischen {e1} und {e2}"'


#: So viele Regionen wie heute, bei jeder Größe: es wachsen die ungenauen Verträge und die
#: Prüfpunkte, nicht die Karte (je Region eine Fläche in geo/, die validate verlangt).
REGIONEN_HEUTE = 53


def erzeuge(ziel: Path, vertraege: int, pruefpunkte: int) -> Path:
    """Ein gültiger Datenordner: ``vertraege`` ungenaue Verträge und ``pruefpunkte`` Prüfpunkte,
    jeder dritte mit einer Namensliste, auf :data:`REGIONEN_HEUTE` Regionen. Bis dahin hat jede
    Region höchstens einen Vertrag (die ungenauen Formen der Daten reihum), darüber mehrere,
    nacheinander in Kraft."""
    (ziel / "regionen").mkdir(parents=True)
    (ziel / "vertraege").mkdir()
    (ziel / "geo").mkdir()
    n_regionen = REGIONEN_HEUTE
    je_region = -(-vertraege // n_regionen)  # aufgerundet
    agse = [f"05{i:03d}" for i in range(n_regionen)]
    for i, ags in enumerate(agse):
        (ziel / "regionen" / f"{ags}-ort-{i}.yaml").write_text(_region(ags, i), encoding="utf-8")
    flaechen = ",\n".join(_flaeche(ags, i) for i, ags in enumerate(agse))
    (ziel / "geo" / "nrw-kreise.geojson").write_text(
        '{"type":"FeatureCollection","features":[\n' + flaechen + "\n]}\n", encoding="utf-8"
    )
    for i in range(vertraege):
        r, j = i % n_regionen, i // n_regionen
        m = vertraege // n_regionen + (1 if r < vertraege % n_regionen else 0)
        endet = None
        if je_region <= 1:
            teil, wert = _formen(i)
        else:
            teil, wert, endet = _in_folge(j, m, i)
        ende = f"endet: {endet}\n" if endet else ""
        (ziel / "vertraege" / f"{agse[r]}-ort-{r}-{teil}.yaml").write_text(
            f'region: "{agse[r]}"\nunterzeichnet: {wert}\n{ende}quellen:\n  - {QUELLE}/{i}\n'
            "bemerkung: Die Grenzen stammen aus einer synthetischen Quelle.\n",
            encoding="utf-8",
        )
    punkte = []
    for k in range(pruefpunkte):
        jahr = 2019 + k % 6
        p = f"  - datum: {jahr}-{1 + k % 12:02d}-{1 + k % 28:02d}\n    mindestens: {k % 3}\n"
        if k % 3 == 0 and agse:
            p += "    regionen:\n" + "".join(f'      - "{agse[(k + j) % len(agse)]}"\n' for j in range(3))
        punkte.append(p + f"    aussage: Punkt {k}.\n    quelle: {QUELLE}/p{k}\n")
    (ziel / "programm.yaml").write_text(
        f'name: Synthetisch\nregionen: {n_regionen}\nags_praefix: "05"\nerste_vertraege: 2008-01-01\n'
        f"ziel:\n  anzahl: {n_regionen}\n  bis: 2030-12-31\n  quelle: {QUELLE}\n"
        "pruefpunkte:\n" + "".join(punkte),
        encoding="utf-8",
    )
    return ziel


def erzeuge_ueberschneidung(ziel: Path, vertraege: int) -> Path:
    """Der Fall NZ405: ``vertraege`` Dateien von je etwa 80 Bytes, alle für dieselbe Region."""
    erzeuge(ziel, 1, 0)
    for i in range(1, vertraege):
        tag = date(2010, 1, 1) + timedelta(days=i)
        (ziel / "vertraege" / f"05000-ort-0-{tag}.yaml").write_text(
            f'region: "05000"\nunterzeichnet: {tag}\nquellen:\n  - {QUELLE}\n', encoding="utf-8"
        )
    return ziel


def _netz() -> str:
    kandidat = Path(sys.executable).parent / "netz"
    return str(kandidat) if kandidat.exists() else "netz"


def _cpu_kinder() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def _lauf(befehl: list[str]) -> tuple[float, float]:
    """(Uhrzeit, CPU-Zeit) eines ganzen Prozesses in Sekunden. Die CPU-Zeit (Nutzer + System)
    hängt viel weniger davon ab, was der geteilte Rechner sonst tut; abgebrochen: beide inf."""
    cache = tempfile.mkdtemp(prefix="netz-bench-")
    umgebung = {**os.environ, "NETZ_HEUTE": "2026-11-27", "NETZ_CACHE": cache}
    cpu = _cpu_kinder()
    anfang = time.perf_counter()
    try:
        subprocess.run(
            befehl,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=umgebung,
            check=False,
            timeout=GRENZE,
        )
        dauer, cpu = time.perf_counter() - anfang, _cpu_kinder() - cpu
    except subprocess.TimeoutExpired:
        dauer = cpu = math.inf  # abgebrochen: mehr als GRENZE Sekunden

    shutil.rmtree(umgebung["NETZ_CACHE"], ignore_errors=True)
    return dauer, cpu


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--bis", type=int, default=100, help="größtes Vielfaches (1, 10, 100 oder 1000)")
    ap.add_argument("--out", type=Path, default=None, help="den Abschnitt in dieser Datei ersetzen")
    ap.add_argument("--nur", default="", help="nur diese Befehle, z. B. NZ405,validate")
    args = ap.parse_args()
    netz = _netz()
    faktoren = [k for k in (1, 10, 100, 1000) if k <= args.bis]
    arten = args.nur.split(",") if args.nur else ["validate", "offen", "site", "report", "NZ405"]
    ergebnisse: list[Ergebnis] = []
    with tempfile.TemporaryDirectory(prefix="netz-grenzen-") as tmp:
        t = Path(tmp)
        leer = erzeuge(t / "leer", 1, 0)
        start = statistics.median(_lauf([netz, "--data", str(leer), "status"])[0] for _ in range(args.runs))
        for art in arten:
            for k in faktoren:
                if art == "NZ405":
                    d = erzeuge_ueberschneidung(t / f"u{k}", 20 * k)
                    n = 20 * k
                    befehl = [netz, "--data", str(d), "validate", "--format", "json"]
                else:
                    d = t / f"d{k}"
                    punkte = min(PRUEFPUNKTE_HEUTE * k, MAX_EINTRAEGE)  # mehr lässt yamlio nicht zu
                    if not d.exists():
                        erzeuge(d, UNGENAU_HEUTE * k, punkte)
                    n = UNGENAU_HEUTE * k + punkte
                    befehl = {
                        "validate": [netz, "--data", str(d), "validate", "--strict"],
                        "offen": [netz, "--data", str(d), "offen", "--format", "json"],
                        "site": [netz, "--data", str(d), "site", str(t / f"site{k}"), "--force"],
                        "report": [netz, "--data", str(d), "report", "--html", str(t / f"b{k}.html")],
                    }[art]
                laeufe = [_lauf(befehl) for _ in range(args.runs)]
                messungen, cpu = [u for u, _ in laeufe], [c for _, c in laeufe]
                ergebnisse.append((art, k, n, messungen, cpu))
                print(
                    f"{art:9} {k:5}× n={n:6}  Median {statistics.median(messungen):7.2f} s  "
                    f"({min(messungen):.2f}–{max(messungen):.2f})  CPU {statistics.median(cpu):7.2f} s "
                    f"({min(cpu):.2f}–{max(cpu):.2f})",
                    flush=True,
                )
    tabelle = zeilen(ergebnisse)
    print("\n".join(tabelle))
    print(f"\nnetz status auf leeren Daten (Start und Importe): {start:.2f} s")
    if args.out is not None:
        _schreibe(args.out, tabelle, start, args.runs)
    return 0


Ergebnis = tuple[str, int, int, list[float], list[float]]  # Befehl, k, Elemente, Uhrzeiten, CPU-Zeiten


def zeilen(ergebnisse: list[Ergebnis]) -> list[str]:
    """Die Tabelle: je Befehl und Größe Median und Spanne der Uhrzeit und der CPU-Zeit, und die
    CPU-Zeit je Element dieser Stufe – (Median − Median der vorigen Größe) / (Elemente − Elemente
    der vorigen Größe), ohne Start, Importe und feste Arbeit –, „relativ“ zu der Stufe von 10×
    auf 100× (von 1× auf 10× wächst die Arbeit um weniger, als der Start schwankt: kein Maßstab)."""
    out: list[str] = []
    vorige: dict[str, tuple[int, float]] = {}
    massstab: dict[str, float] = {}
    for art, k, n, messungen, cpu in ergebnisse:
        median, median_cpu = statistics.median(messungen), statistics.median(cpu)
        stufe = math.nan
        if art in vorige:
            n0, m0 = vorige[art]
            stufe = (median_cpu - m0) / (n - n0)
        vorige[art] = (n, median_cpu)
        if k == 100 and math.isfinite(stufe) and stufe > 0:
            massstab[art] = stufe
        je = _de(stufe * 1000) if math.isfinite(stufe) else "–"
        relativ = _de(stufe / massstab[art]) if art in massstab and math.isfinite(stufe) else "–"
        zellen = [art, f"{k}×", _de(n, 0), _de(median), _spanne(messungen), _de(median_cpu)]
        out.append("| " + " | ".join([*zellen, _spanne(cpu), je, relativ]) + " |")
    return out


def _spanne(werte: list[float]) -> str:
    return f"{_de(min(werte))}–{_de(max(werte))}" if len(werte) > 1 else "ein Lauf"


ABSCHNITT = "## Lineare Grenzen"


def _de(x: float, stellen: int = 2) -> str:
    """Deutsch geschrieben: 1.234,56 (abgebrochene Läufe: „> 300“)."""
    if math.isinf(x):
        return f"> {GRENZE}"
    return f"{x:,.{stellen}f}".translate(str.maketrans(",.", ".,"))


#: Was ab dieser Zeile in docs/performance.md steht, schrieb ein Mensch (benchmarks/run.py).
ENDE = "<!-- benchmarks/grenzen.py schreibt bis hier; was folgt, steht von Hand. -->"


def _schreibe(ziel: Path, tabelle: list[str], start: float, runden: int) -> None:
    """Ersetzt im Abschnitt „Lineare Grenzen“ von ``ziel`` den erzeugten Teil bis zur Marke
    :data:`ENDE`; die Deutung danach bleibt. Der Abschnitt steht im Teil „Von Hand“, den
    benchmarks/run.py beim Neuschreiben der Datei stehen lässt – so löschen sich die beiden
    Skripte nicht gegenseitig."""
    alt = ziel.read_text(encoding="utf-8") if ziel.exists() else ""
    vorne = alt[: alt.index(ABSCHNITT)] if ABSCHNITT in alt else alt.rstrip("\n") + "\n\n"
    rest = alt[alt.index(ABSCHNITT) :] if ABSCHNITT in alt else ""
    hinten = rest[rest.index(ENDE) :] if ENDE in rest else ENDE + "\n"
    absatz = (
        f"Gemessen mit `python benchmarks/grenzen.py` (ganze Prozesse; Median und Spanne aus {runden} "
        "Läufen je Größe, Abbruch nach "
        f"{GRENZE} s). Synthetische, gültige Daten mit dem k-Fachen der ungenauen Verträge "
        f"({UNGENAU_HEUTE}) und Prüfpunkte ({PRUEFPUNKTE_HEUTE}, jeder dritte mit Namensliste) von "
        f"heute, auf {REGIONEN_HEUTE} Regionen wie heute (je eine Fläche in geo/): ab 10× hat jede "
        "Region mehrere ungenaue Verträge nacheinander. Prüfpunkte höchstens 1.000 (mehr Einträge hat "
        "keine Liste einer Datendatei), darum wachsen ab 100× nur noch die Verträge. „NZ405“: k × 20 "
        "Verträge einer Region, alle gleichzeitig in Kraft. CPU: Nutzer + System des Prozesses (hängt "
        "weniger als die Uhrzeit davon ab, was der geteilte Rechner sonst tut). „CPU je Element dieser "
        "Stufe“: (CPU − CPU der vorigen Größe) / (Elemente − Elemente der vorigen Größe) in ms, je der "
        "Median; „relativ“: zu der Stufe von 10× auf 100× (um 1: linear; von 1× auf 10× wächst die "
        "Arbeit um weniger, als der Start schwankt)."
    )
    text = [
        ABSCHNITT,
        "",
        textwrap.fill(absatz, width=100, break_on_hyphens=False, break_long_words=False),
        "",
        "| Befehl | Größe | Elemente | Uhrzeit, Median (s) | Spanne (s) | CPU, Median (s) | Spanne (s) "
        "| CPU je Element dieser Stufe (ms) | relativ |",
        "|---|---|---:|---:|---|---:|---|---:|---:|",
        *tabelle,
        "",
        f"`netz status` auf fast leeren Daten (Start und Importe): {_de(start)} s.",
        "",
    ]
    ziel.write_text(vorne + "\n".join(text) + ("\n" + hinten if hinten else ""), encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
