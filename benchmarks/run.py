#!/usr/bin/env python3
"""Benchmarks: netz als ganzer Prozess, Seite an Seite mit den Werkzeugen, die ein Team sonst nähme.

    python benchmarks/run.py            # messen, docs/performance.md schreiben
    python benchmarks/run.py --check    # dazu: Exit 1, wenn ein Ziel verfehlt ist
    python benchmarks/run.py --quick    # 53 und 1.000 Regionen, weniger Läufe (zum Ausprobieren)

Gemessen wird immer der ganze Prozess (Start, Importe, Lesen, Ausgabe), mehrmals; berichtet
werden Median, Spanne und der Spitzenspeicher (ru_maxrss des Kindprozesses). Die Vergleiche
laufen im selben Lauf auf denselben Dateien:

* Peers: ``check-jsonschema --schemafile`` (mit den Schemas aus ``netz schema``) und ``yamllint``
  (``pip install -r benchmarks/requirements.txt``; fehlen sie, bleibt ihre Zeile leer).
* Untergrenzen: eine Typer-„Hallo Welt“-App mit denselben Abhängigkeiten und eine nackte Schleife,
  die dieselben Dateien mit PyYAMLs C-Loader liest.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from netzwerk_cli.modelle import Region, Vertrag  # noqa: E402
from netzwerk_cli.namen import region_dateiname, vertrag_dateiname  # noqa: E402
from netzwerk_cli.schemas import json_schema_text  # noqa: E402
from netzwerk_cli.schreiben import region_yaml, vertrag_yaml  # noqa: E402

BEZIRKE = ("Arnsberg", "Detmold", "Düsseldorf", "Köln", "Münster")
HEUTE = "2026-11-27"

HALLO = """import typer
app = typer.Typer()
@app.command()
def hallo(name: str = "Welt") -> None:
    print(f"Hallo {name}")
app()
"""

PYYAML_BODEN = """import os, sys, yaml
loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
n = 0
for sub in ("regionen", "vertraege"):
    d = os.path.join(sys.argv[1], sub)
    for name in sorted(os.listdir(d)):
        if name.endswith(".yaml"):
            with open(os.path.join(d, name), "rb") as f:
                yaml.load(f, Loader=loader)
            n += 1
print(n)
"""

# --- Testdaten ----------------------------------------------------------------


def erzeuge(ziel: Path, anzahl: int, kaputt: float = 0.0, saat: int = 53) -> Path:
    """Ein Datenordner mit ``anzahl`` Regionen im Format der eingebetteten Daten."""
    zufall = random.Random(saat)
    (ziel / "regionen").mkdir(parents=True)
    (ziel / "vertraege").mkdir()
    (ziel / "programm.yaml").write_text(
        "# yaml-language-server: $schema=../schemas/programm.schema.json\n"
        f"name: Synthetisches Programm mit {anzahl} Regionen\n"
        f"regionen: {anzahl}\n"
        'ags_praefix: "05"\n'
        "erste_vertraege: 2008-06-23\n"
        "ziel:\n"
        f"  anzahl: {anzahl}\n"
        "  bis: 2010-12-31\n"
        "  quelle: https://example.org/ziel\n",
        encoding="utf-8",
    )
    dateien: list[Path] = []
    for i in range(anzahl):
        ags = f"05{i:06d}" if anzahl > 99 else f"05{100 + i:03d}"
        r = Region(
            ags=ags,
            name=f"Gemeinde {i}",
            bezeichnung=f"{'Kreis' if i % 2 else 'Stadt'} Gemeinde {i}",
            art="Kreis" if i % 2 else "kreisfreie Stadt",
            regierungsbezirk=BEZIRKE[i % 5],
            einwohner=1000 + i,
            flaeche_km2=10.0 + i % 100,
        )
        pfad = ziel / "regionen" / region_dateiname(r)
        pfad.write_text(region_yaml(r), encoding="utf-8")
        dateien.append(pfad)
        if i % 10 == 9:  # neun von zehn haben einen Vertrag
            continue
        tag = date(2008, 6, 23) + timedelta(days=zufall.randrange(0, 4000))
        v = Vertrag(
            region=ags,
            unterzeichnet=tag.isoformat(),
            quellen=[f"https://example.org/vertrag/{ags}"],
            bemerkung="Synthetischer Vertrag für den Benchmark." if i % 3 == 0 else None,
        )
        pfad = ziel / "vertraege" / vertrag_dateiname(r, v.unterzeichnet)
        pfad.write_text(vertrag_yaml(v), encoding="utf-8")
        dateien.append(pfad)
    if kaputt:
        for pfad in zufall.sample(dateien, max(1, round(len(dateien) * kaputt))):
            _beschaedige(pfad, zufall)
    return ziel


def _beschaedige(pfad: Path, zufall: random.Random) -> None:
    zeilen = pfad.read_text(encoding="utf-8").splitlines(keepends=True)
    art = zufall.choice(["doppelt", "datum", "oktal", "schluessel", "syntax"])
    if art == "doppelt":
        zeilen.insert(2, zeilen[1])
    elif art == "datum":
        zeilen = [z.replace("unterzeichnet: 20", "unterzeichnet: 2010-02-30 #") for z in zeilen]
        zeilen.append("statistik_stand: 2010-02-30\n" if "regionen" in str(pfad) else "")
    elif art == "oktal":
        zeilen = [
            z.replace('"05', "05").replace('" ', " ", 1) if z.startswith(("ags", "region")) else z
            for z in zeilen
        ]
    elif art == "schluessel":
        zeilen.append("bemerkungen: Tippfehler\n")
    else:
        zeilen.insert(2, "  falsch: eingerückt: hier\n")
    pfad.write_text("".join(zeilen), encoding="utf-8")


# --- Messen ----------------------------------------------------------------


@dataclass
class Messung:
    name: str
    groesse: str
    zeiten: list[float] = field(default_factory=list)
    speicher_kib: list[int] = field(default_factory=list)
    codes: set[int] = field(default_factory=set)
    fehlt: str = ""

    @property
    def median(self) -> float:
        return statistics.median(self.zeiten) if self.zeiten else float("nan")

    @property
    def spanne(self) -> tuple[float, float]:
        return (min(self.zeiten), max(self.zeiten)) if self.zeiten else (float("nan"), float("nan"))

    @property
    def spitze_mib(self) -> float:
        return max(self.speicher_kib) / 1024 if self.speicher_kib else float("nan")


# ru_maxrss eines Kindes zählt unter Linux den Speicher des geforkten Elternprozesses mit
# (vor exec). /usr/bin/time ist ein kleines C-Programm: sein %M misst nur den Befehl.
ZEIT = Path("/usr/bin/time")


def _lauf(befehle: list[list[str]], umgebung: dict[str, str]) -> tuple[float, int, int]:
    """Führt die Befehle nacheinander aus; Zeit (Summe), Spitzenspeicher in KiB (max), Exit-Code (max)."""
    gesamt = 0.0
    spitze = 0
    code = 0
    for befehl in befehle:
        with tempfile.NamedTemporaryFile("r", suffix=".rss") as rss:
            vorne = [str(ZEIT), "-f", "%M", "-o", rss.name] if ZEIT.exists() else []
            start = time.perf_counter()
            p = subprocess.Popen(
                [*vorne, *befehl], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=umgebung
            )
            _, status, nutzung = os.wait4(p.pid, 0)
            gesamt += time.perf_counter() - start
            kib = nutzung.ru_maxrss
            if vorne:
                zeilen = [z for z in rss.read().split() if z.isdigit()]
                kib = int(zeilen[-1]) if zeilen else kib
        spitze = max(spitze, kib)
        code = max(code, os.waitstatus_to_exitcode(status))
    return gesamt, spitze, code


def miss(name: str, groesse: str, befehle: list[list[str]], laeufe: int, umgebung: dict[str, str]) -> Messung:
    return miss_gruppe([(name, groesse, befehle, umgebung)], laeufe)[0]


Auftrag = tuple[str, str, list[list[str]], dict[str, str]]  # Name, Größe, Befehle, Umgebung


def miss_gruppe(auftraege: list[Auftrag], laeufe: int) -> list[Messung]:
    """Misst mehrere Befehle abwechselnd (A B C A B C …), nach je einem Aufwärmlauf.

    Was verglichen wird, läuft so im selben Zeitfenster: auf einem geteilten Rechner
    schwankt die Geschwindigkeit über Minuten um ±20 %; nacheinander gemessen ginge das
    in die Verhältnisse ein.
    """
    messungen = [Messung(name, groesse) for name, groesse, _, _ in auftraege]
    for _, _, befehle, umgebung in auftraege:
        _lauf(befehle, umgebung)  # Aufwärmen: Dateisystem-Cache, .pyc, Zwischenspeicher von netz
    for _ in range(laeufe):
        for m, (_, _, befehle, umgebung) in zip(messungen, auftraege, strict=True):
            t, kib, code = _lauf(befehle, umgebung)
            m.zeiten.append(t)
            m.speicher_kib.append(kib)
            m.codes.add(code)
    return messungen


def instruktionen(befehl: list[str], umgebung: dict[str, str]) -> int | None:
    """Ausgeführte Instruktionen (valgrind/callgrind): rauschfrei, anders als die Uhr."""
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        return None
    r = subprocess.run(
        [valgrind, "--tool=callgrind", "--callgrind-out-file=/dev/null", *befehl],
        capture_output=True,
        text=True,
        env=umgebung,
    )
    for zeile in r.stderr.splitlines():
        if "Collected :" in zeile:
            return int(zeile.rsplit(":", 1)[1])
    return None


def _werkzeug(name: str) -> str | None:
    neben = Path(sys.executable).parent / name
    return str(neben) if neben.exists() else shutil.which(name)


def _dateien(ordner: Path, sub: str) -> list[str]:
    return sorted(str(p) for p in (ordner / sub).glob("*.yaml"))


# --- Bericht ------------------------------------------------------------------


def maschine() -> str:
    cpu = platform.processor() or "?"
    try:
        for zeile in Path("/proc/cpuinfo").read_text().splitlines():
            if zeile.startswith("model name"):
                cpu = zeile.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    speicher = "?"
    try:
        kib = int(Path("/proc/meminfo").read_text().split()[1])
        speicher = f"{kib / 1024 / 1024:.0f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    from importlib.metadata import version

    pakete = ", ".join(f"{p} {version(p)}" for p in ("typer", "rich", "pydantic", "PyYAML"))
    return (
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} Kerne ({cpu}), {speicher} RAM; "
        f"Python {platform.python_version()}; {pakete}"
    )


def main() -> int:
    ap = argparse.ArgumentParser(description="Benchmarks für netz (ganze Prozesse).")
    ap.add_argument("--check", action="store_true", help="Exit 1, wenn ein Ziel verfehlt ist.")
    ap.add_argument("--quick", action="store_true", help="Nur 53 und 1.000 Regionen, 3 Läufe.")
    ap.add_argument("--runs", type=int, default=0, help="Läufe je Messung (Vorgabe: 7, bei 10.000: 5).")
    ap.add_argument("--out", type=Path, default=REPO / "docs" / "performance.md")
    args = ap.parse_args()

    netz = _werkzeug("netz")
    netz_befehl = [netz] if netz else [sys.executable, "-m", "netzwerk_cli"]
    # Wie bei Nutzern: Bytecode darf geschrieben werden (PYTHONDONTWRITEBYTECODE würde jeden
    # Start die Quelltexte neu übersetzen lassen); kein CI-Modus, keine Farbe.
    weg = ("GITHUB_ACTIONS", "NETZ_DATA", "CI", "PYTHONDONTWRITEBYTECODE", "NETZ_CACHE", "NETZ_PARALLEL")
    umgebung = {k: v for k, v in os.environ.items() if k not in weg}
    umgebung.update({"NETZ_HEUTE": HEUTE, "NO_COLOR": "1", "COLUMNS": "80"})
    groessen = [53, 1000] if args.quick else [53, 1000, 10000]

    tmp = Path(tempfile.mkdtemp(prefix="netz-bench-"))
    try:
        print(f"Testdaten in {tmp} …", flush=True)
        # Eigener Zwischenspeicher, nicht der des Benutzers; der Aufwärmlauf füllt ihn
        umgebung["NETZ_CACHE"] = str(tmp / "cache")
        kalt = {**umgebung, "NETZ_CACHE": "aus"}
        nacheinander = {**umgebung, "NETZ_PARALLEL": "aus"}
        eingebettet = tmp / "eingebettet"
        shutil.copytree(REPO / "data", eingebettet)
        ordner = {n: erzeuge(tmp / f"synth-{n}", n) for n in groessen}
        kaputt = {n: erzeuge(tmp / f"kaputt-{n}", n, kaputt=0.01) for n in groessen}
        schemas = tmp / "schemas"
        schemas.mkdir()
        for art in ("region", "vertrag"):
            (schemas / f"{art}.schema.json").write_text(json_schema_text(art), encoding="utf-8")
        hallo = tmp / "hallo.py"
        hallo.write_text(HALLO, encoding="utf-8")
        boden = tmp / "pyyaml_boden.py"
        boden.write_text(PYYAML_BODEN, encoding="utf-8")

        messungen: list[Messung] = []

        def laeufe(n: int) -> int:
            if args.runs:
                return args.runs
            if args.quick:
                return 5
            return 21 if n <= 53 else (9 if n <= 1000 else 5)

        def gruppe(auftraege: list[Auftrag], n: int) -> None:
            print(f"  {len(auftraege)} Befehle abwechselnd, {laeufe(n)} Läufe …", flush=True)
            for m in miss_gruppe(auftraege, laeufe(n)):
                print(
                    f"    {m.name:<44} {m.groesse:>16} {m.median:8.3f} s {m.spitze_mib:5.0f} MiB", flush=True
                )
                messungen.append(m)

        E = "53 (eingebettet)"
        d = ["--data", str(eingebettet)]
        gruppe(
            [
                ("Typer-„Hallo Welt“ (Untergrenze)", "–", [[sys.executable, str(hallo)]], umgebung),
                ("netz status", E, [[*netz_befehl, *d, "status"]], umgebung),
                (
                    "netz status --format json",
                    E,
                    [[*netz_befehl, *d, "status", "--format", "json"]],
                    umgebung,
                ),
                ("netz status (ohne Zwischenspeicher)", E, [[*netz_befehl, *d, "status"]], kalt),
                ("netz validate", E, [[*netz_befehl, *d, "validate"]], umgebung),
            ],
            53,
        )
        # Gegenprobe ohne Rauschen: Instruktionen statt Sekunden (nur mit valgrind)
        ir_hallo = instruktionen([sys.executable, str(hallo)], umgebung)
        ir_status = instruktionen([*netz_befehl, *d, "status"], umgebung)
        if ir_hallo and ir_status:
            m = Messung("Instruktionen netz status ÷ Typer-„Hallo Welt“ (valgrind)", E)
            m.zeiten.append(ir_status / ir_hallo)
            messungen.append(m)
            print(f"    Instruktionen: {ir_status:,} ÷ {ir_hallo:,} = {ir_status / ir_hallo:.3f}", flush=True)
        cjs = _werkzeug("check-jsonschema")
        yl = _werkzeug("yamllint")
        for n in groessen:
            g = f"{n:,}".replace(",", ".")
            o = ordner[n]
            auftraege: list[Auftrag] = [
                ("PyYAML-C-Schleife (Untergrenze)", g, [[sys.executable, str(boden), str(o)]], umgebung),
                ("netz validate", g, [[*netz_befehl, "--data", str(o), "validate"]], umgebung),
                (
                    "netz validate (1 % kaputt)",
                    g,
                    [[*netz_befehl, "--data", str(kaputt[n]), "validate"]],
                    umgebung,
                ),
                ("netz status", g, [[*netz_befehl, "--data", str(o), "status"]], umgebung),
            ]
            if n >= 10000:
                auftraege.append(
                    (
                        "netz validate (ein Prozess)",
                        g,
                        [[*netz_befehl, "--data", str(o), "validate"]],
                        nacheinander,
                    )
                )
            if cjs:
                auftraege.append(
                    (
                        "check-jsonschema",
                        g,
                        [
                            [
                                cjs,
                                "--schemafile",
                                str(schemas / "region.schema.json"),
                                *_dateien(o, "regionen"),
                            ],
                            [
                                cjs,
                                "--schemafile",
                                str(schemas / "vertrag.schema.json"),
                                *_dateien(o, "vertraege"),
                            ],
                        ],
                        umgebung,
                    )
                )
            if yl:
                auftraege.append(("yamllint", g, [[yl, "-d", "relaxed", str(o)]], umgebung))
            gruppe(auftraege, n)
            if not cjs:
                messungen.append(Messung("check-jsonschema", g, fehlt="nicht installiert"))
            if not yl:
                messungen.append(Messung("yamllint", g, fehlt="nicht installiert"))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    return bericht(messungen, groessen, args)


def _m(messungen: list[Messung], name: str, groesse: str) -> Messung | None:
    return next((m for m in messungen if m.name == name and m.groesse == groesse and m.zeiten), None)


def bericht(messungen: list[Messung], groessen: list[int], args: argparse.Namespace) -> int:
    groesste = f"{groessen[-1]:,}".replace(",", ".")
    hallo = _m(messungen, "Typer-„Hallo Welt“ (Untergrenze)", "–")
    status = _m(messungen, "netz status", "53 (eingebettet)")
    val = _m(messungen, "netz validate", groesste)
    boden = _m(messungen, "PyYAML-C-Schleife (Untergrenze)", groesste)
    kap = _m(messungen, "netz validate (1 % kaputt)", groesste)
    cjs = _m(messungen, "check-jsonschema", groesste)
    yl = _m(messungen, "yamllint", groesste)

    ziele: list[tuple[str, float | None, str, bool | None]] = []

    def ziel(text: str, wert: float | None, grenze: str, ok: bool | None) -> None:
        ziele.append((text, wert, grenze, ok))

    def q(a: Messung | None, b: Messung | None) -> float | None:
        return a.median / b.median if a and b else None

    r = q(status, hallo)
    ziel("netz status (eingebettete Daten) ÷ Typer-„Hallo Welt“", r, "≤ 1,2", None if r is None else r <= 1.2)
    r = q(val, boden)
    ziel(f"netz validate ÷ PyYAML-C-Schleife ({groesste})", r, "≤ 1,3", None if r is None else r <= 1.3)
    r = q(cjs, val)
    ziel(f"check-jsonschema ÷ netz validate ({groesste})", r, "≥ 8", None if r is None else r >= 8)
    r = q(yl, val)
    ziel(f"yamllint ÷ netz validate ({groesste})", r, "≥ 8", None if r is None else r >= 8)
    r = q(kap, val)
    ziel(f"validate 1 % kaputt ÷ validate gültig ({groesste})", r, "≤ 1,5", None if r is None else r <= 1.5)
    # Zur Einordnung (ohne Grenze): was ohne Zwischenspeicher und mit nur einem Prozess bliebe
    kalt = _m(messungen, "netz status (ohne Zwischenspeicher)", "53 (eingebettet)")
    ziel("zum Vergleich: netz status ohne Zwischenspeicher ÷ Typer-„Hallo Welt“", q(kalt, hallo), "–", None)
    ir = _m(messungen, "Instruktionen netz status ÷ Typer-„Hallo Welt“ (valgrind)", "53 (eingebettet)")
    ziel(
        "zum Vergleich: dasselbe nach Instruktionen (valgrind, ohne Rauschen)",
        ir.median if ir else None,
        "–",
        None,
    )
    seriell = _m(messungen, "netz validate (ein Prozess)", groesste)
    ziel(
        f"zum Vergleich: netz validate, ein Prozess ÷ PyYAML-C-Schleife ({groesste})",
        q(seriell, boden),
        "–",
        None,
    )
    spitze = val.spitze_mib if val else None
    ziel(
        f"Spitzenspeicher netz validate ({groesste}), MiB",
        spitze,
        "≤ 150",
        None if spitze is None else spitze <= 150,
    )

    # Kosten je Datei: ohne den Sockel (Start), aus der Differenz zu 53 Regionen
    je_datei = []
    basis = _m(messungen, "netz validate", "53")
    for n in groessen[1:]:
        g = f"{n:,}".replace(",", ".")
        m = _m(messungen, "netz validate", g)
        if m and basis:
            dateien = n + (n * 9) // 10
            je_datei.append((g, (m.median - basis.median) / (dateien - 96) * 1e6))

    def zahl(x: float | None, stellen: int = 2) -> str:
        return "–" if x is None else f"{x:.{stellen}f}".replace(".", ",")

    zeilen = [
        "# Leistung von netz",
        "",
        "Gemessen mit `python benchmarks/run.py` – ganze Prozesse (Start, Importe, Lesen, Ausgabe),",
        "je Befehl ein Aufwärmlauf, dann mehrere Läufe; was verglichen wird, läuft abwechselnd",
        "(A B C A B C …), damit Schwankungen des Rechners beide Seiten gleich treffen. Median und",
        "Spanne in Sekunden, Spitzenspeicher (/usr/bin/time, %M) in MiB. Synthetische Daten im Format",
        "der eingebetteten Daten: Regionen mit Gemeindeschlüssel, 9 von 10 mit Vertrag; die Variante",
        "„1 % kaputt“ enthält doppelte Schlüssel, unmögliche Daten, AGS als Oktalzahl, unbekannte",
        "Schlüssel und Syntaxfehler.",
        "",
        "So wie Nutzer netz erleben: `netz status` liest unveränderte Dateien aus dem Zwischenspeicher",
        "(der Aufwärmlauf füllt ihn; die Zeile „ohne Zwischenspeicher“ zeigt den ersten Aufruf nach",
        "einer Änderung), `netz validate` nutzt ihn nie und liest ab 2.000 Dateien mit zwei Prozessen",
        "(die Zeile „ein Prozess“ zeigt es mit `NETZ_PARALLEL=aus`). Bytecode (.pyc) ist vorhanden,",
        "wie nach jeder Installation.",
        "",
        f"Rechner: {maschine()}.",
        f"Gemessen am {date.today().strftime('%d.%m.%Y')}.",
        "",
        "## Ziele",
        "",
        "| Ziel | gemessen | Grenze | erfüllt |",
        "|---|---:|---:|:---:|",
    ]
    for text, wert, grenze, ok in ziele:
        zeilen.append(
            f"| {text} | {zahl(wert)} | {grenze} | {'–' if ok is None else ('ja' if ok else 'nein')} |"
        )
    zeilen += [
        "",
        "## Alle Messungen",
        "",
        "| Befehl | Regionen | Median (s) | Spanne (s) | Spitze (MiB) | Exit |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for m in messungen:
        if m.name.startswith("Instruktionen"):
            continue  # oben als Verhältnis
        if m.fehlt:
            zeilen.append(f"| {m.name} | {m.groesse} | – | – | – | {m.fehlt} |")
            continue
        a, b = m.spanne
        codes = ", ".join(str(c) for c in sorted(m.codes))
        zeilen.append(
            f"| {m.name} | {m.groesse} | {zahl(m.median, 3)} | {zahl(a, 3)}–{zahl(b, 3)} | "
            f"{zahl(m.spitze_mib, 0)} | {codes} |"
        )
    if je_datei:
        zeilen += [
            "",
            "## Kosten je Datei (netz validate, ohne den Start)",
            "",
            "Ab 2.000 Dateien liest ein zweiter Prozess mit; darum ist eine Datei bei 10.000 Regionen",
            "billiger als bei 1.000. Nacheinander (Zeile „ein Prozess“) wachsen die Kosten linear.",
            "",
            "| Regionen | µs je Datei |",
            "|---:|---:|",
            *[f"| {g} | {zahl(us, 0)} |" for g, us in je_datei],
        ]
    zeilen += [
        "",
        "Exit 1 bei „1 % kaputt“ ist gewollt: netz meldet die Befunde. check-jsonschema und yamllint",
        "prüfen weniger (keine Positionen für Schemafehler bzw. kein Schema); sie stehen hier nur",
        "als Zeitvergleich.",
        "",
    ]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(zeilen), encoding="utf-8")
    print(f"\nGeschrieben: {args.out}")
    verfehlt = [t for t, _, _, ok in ziele if ok is False]
    offen = [t for t, _, grenze, ok in ziele if ok is None and grenze != "–"]  # „–“: nur zum Vergleich
    for t, w, g, ok in ziele:
        print(f"  {'✓' if ok else ('✗' if ok is False else '–')} {t}: {zahl(w)} (Ziel {g})")
    if args.check and (verfehlt or offen):
        print(f"Ziele verfehlt: {len(verfehlt)}, nicht messbar: {len(offen)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
