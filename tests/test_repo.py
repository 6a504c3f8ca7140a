"""Dateien rund um CI: pre-commit-Hook und GitHub-Workflow rufen netz richtig auf."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent


def test_pre_commit_hook() -> None:
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "netz-validate")
    assert hook["entry"] == "netz validate"
    assert hook["pass_filenames"] is True
    assert hook["files"] == r"^data/.*\.ya?ml$"


def test_workflow() -> None:
    wf = yaml.safe_load((REPO / ".github" / "workflows" / "validate.yml").read_text(encoding="utf-8"))
    schritte = [s.get("run", "") for s in wf["jobs"]["validate"]["steps"]]
    assert any(s.startswith("netz validate --format github") for s in schritte)
    assert any("--format markdown" in s and "GITHUB_STEP_SUMMARY" in s for s in schritte)
    assert "data/**" in wf[True]["pull_request"]["paths"]  # YAML 1.1 liest „on“ als True


def test_ci_ruft_make_test() -> None:
    assert "make test" in (REPO / ".ci" / "run").read_text(encoding="utf-8")


def test_ci_holt_nach_was_make_test_auslaesst() -> None:
    """„make test“ lässt die Tests mit dem Marker slow aus und nimmt weniger Hypothesis-Beispiele;
    .ci/run führt beides voll aus – sonst liefe ein langsamer Test nirgends."""
    from hypothesis import settings

    make = (REPO / "Makefile").read_text(encoding="utf-8")
    test = make[make.index("\ntest:") :].split("\n\n", 1)[0]
    assert '-m "not slow"' in test and "--hypothesis-profile=$(HYPOTHESIS)" in test
    ci = [z.strip() for z in (REPO / ".ci" / "run").read_text(encoding="utf-8").splitlines()]
    assert "make test HYPOTHESIS=ci" in ci
    assert any(z.startswith(".venv/bin/python -m pytest") and " -m slow " in z for z in ci), ci
    assert settings.get_profile("ci").max_examples >= 100 > settings.get_profile("schnell").max_examples


def test_doku_nennt_jeden_befund_code_mit_seiner_schwere() -> None:
    """Die eine Tabelle der Codes in docs/befunde.md ist das Register der Regeln: jeder Code
    genau einmal, in seiner Reihenfolge, mit Schwere, Umfang und „--fix“, wo er eine Behebung
    liefert – und kein Code steht in einer anderen Tabelle der Doku."""
    import re

    from netzwerk_cli.kern.befund import Schwere
    from netzwerk_cli.pruefen.regeln import REGELN

    anderswo = [
        f.name
        for f in [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]
        if f.name != "befunde.md"
        and re.search(r"^\| NZ\d{3} \| (Fehler|Warnung)", f.read_text("utf-8"), re.M)
    ]
    assert anderswo == []
    text = (REPO / "docs" / "befunde.md").read_text("utf-8")
    zeilen = re.findall(r"^\| (NZ\d{3}) \| (Fehler|Warnung) \| ([^|]+) \| (.*) \|$", text, re.M)
    assert [z[0] for z in zeilen] == list(REGELN)
    for code, schwere, umfang, bedeutung in zeilen:
        r = REGELN[code]
        assert schwere == ("Fehler" if r.schwere is Schwere.FEHLER else "Warnung"), code
        assert umfang == r.bereich.value, code
        assert ("`--fix`" in bedeutung) == (r.korrektur is not None), code


def test_workflow_diff_sicher() -> None:
    """netz diff im Pull-Request: ganze Geschichte, Kommentar nur ohne Code aus dem Pull-Request
    und nur für Pull-Requests aus diesem Repository (docs/ci.md)."""
    text = (REPO / ".github" / "workflows" / "validate.yml").read_text(encoding="utf-8")
    wf = yaml.safe_load(text)
    assert "pull_request_target" not in wf[True]
    assert wf["permissions"] == {}  # Rechte je Job, nie für den ganzen Workflow
    validate = wf["jobs"]["validate"]
    assert validate["permissions"] == {"contents": "read"}
    assert validate["steps"][0]["with"]["fetch-depth"] == 0
    assert any("netz diff --format markdown" in s.get("run", "") for s in validate["steps"])
    kommentar = wf["jobs"]["kommentar"]
    assert "head.repo.full_name == github.repository" in kommentar["if"]
    assert kommentar["permissions"] == {"pull-requests": "write"}
    benutzt = [s.get("uses", "") for s in kommentar["steps"]]
    assert not [s for s in kommentar["steps"] if "run" in s]
    assert not [u for u in benutzt if u.startswith(("actions/checkout", "actions/setup-python"))]
    assert "<!-- netz-diff -->" in text


def test_architektur_nennt_jedes_modul_und_keines_zu_viel() -> None:
    """docs/architektur.md passt zum Code: jedes Modul steht im Absatz seines Raums, und jedes
    dort genannte ``name.py`` gibt es in diesem Raum (sonst beschriebe es ein Haus, das es nicht
    gibt). Zwei Seiten: höchstens 1.200 Wörter."""
    import re

    text = (REPO / "docs" / "architektur.md").read_text(encoding="utf-8")
    assert len(text.split()) <= 1200
    paket = REPO / "src" / "netzwerk_cli"
    raeume = ["kern", "pruefen", "daten", "aendern", "render", "cli"]
    absaetze = {raum: text.split(f"**`{raum}/`**", 1)[1].split("\n\n", 1)[0] for raum in raeume}
    for raum, absatz in absaetze.items():
        module = {p.name for p in (paket / raum).glob("*.py") if p.name != "__init__.py"}
        genannt = set(re.findall(r"`([a-z_]+\.py)`", absatz)) - {"__init__.py", "start.py"}
        assert module - genannt == set(), f"{raum}/: nicht beschrieben"
        assert genannt - module == set(), f"{raum}/: beschrieben, aber nicht da"
    assert "`start.py`" in text and (paket / "start.py").is_file()
    for rezept in ("neuer Befund", "neues Format", "neuer Befehl", "neue Datei im Datenordner"):
        assert f"## Rezept: {rezept}" in text


def test_doku_nennt_nur_dateien_die_es_gibt() -> None:
    """Jeder Pfad „raum/datei.py“ in README und docs/ zeigt auf eine Datei, die es gibt – unter
    src/netzwerk_cli/, im Repository oder unter tests/. Nach einem Umzug fällt so jede Stelle
    auf, die noch den alten Namen nennt."""
    import re

    entfernt = {"daten/zwischenspeicher.py"}  # docs/performance.md: die Entscheidung, ihn zu entfernen
    texte = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]
    fehlt = []
    for datei in texte:
        for pfad in re.findall(r"`((?:[\w.-]+/)+[\w.-]+\.py)`", datei.read_text("utf-8")):
            kandidaten = [REPO / pfad, REPO / "src" / "netzwerk_cli" / pfad]
            platzhalter = "NAME" in pfad  # die Rezepte: „render/NAME.py“
            if pfad not in entfernt and not platzhalter and not any(k.exists() for k in kandidaten):
                fehlt.append(f"{datei.name}: {pfad}")
    assert fehlt == [], "\n".join(fehlt)


def test_benchmark_bericht_behaelt_hand_und_grenzen_je_einmal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """benchmarks/run.py schreibt docs/performance.md neu: der Teil von Hand und der Abschnitt
    von benchmarks/grenzen.py bleiben, jeder genau einmal – wo immer der Abschnitt steht."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_run", REPO / "benchmarks" / "run.py")
    assert spec is not None and spec.loader is not None
    run = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, spec.name, run)  # dataclasses suchen ihr Modul dort
    spec.loader.exec_module(run)
    pfad = tmp_path / "performance.md"
    grenzen = f"{run.GRENZEN_ABSCHNITT}\n\nZahlen.\n"
    for alt in (
        f"# alt\n\n{run.VON_HAND}\n\nEntscheidung.\n\n{grenzen}",  # Abschnitt im Teil von Hand
        f"# alt\n\n{grenzen}",  # Abschnitt allein am Ende
        f"# alt\n\n{run.VON_HAND}\n\nEntscheidung.\n",  # kein Abschnitt
    ):
        pfad.write_text(alt, encoding="utf-8")
        for _ in range(2):  # zweimal neu geschrieben: nichts wächst
            run.schreibe_bericht(pfad, ["# neu", ""])
        neu = pfad.read_text(encoding="utf-8")
        assert neu.startswith("# neu\n") and "# alt" not in neu
        assert neu.count(run.GRENZEN_ABSCHNITT) == alt.count(run.GRENZEN_ABSCHNITT)
        assert neu.count(run.VON_HAND) == alt.count(run.VON_HAND)
        assert neu.count("Entscheidung.") == alt.count("Entscheidung.")
