"""Dateien rund um CI: pre-commit-Hook und GitHub-Workflow rufen netz richtig auf."""

from __future__ import annotations

from pathlib import Path

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


def test_doku_nennt_jeden_befund_code_mit_seiner_schwere() -> None:
    """Die Tabelle der Codes in docs/befunde.md ist vollständig und stimmt mit pruefen/codes.py überein."""
    import re

    from netzwerk_cli.kern.befund import Schwere
    from netzwerk_cli.pruefen.codes import CODES

    # README.md und die Referenzen in docs/ (die Prüfpunkt-Codes NZ502–NZ507 stehen in
    # docs/pruefpunkte.md); jeder Code genau einmal
    dateien = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]
    zeilen = [
        z
        for f in dateien
        for z in re.findall(r"^\| (NZ\d{3}) \| (Fehler|Warnung) \|", f.read_text("utf-8"), re.M)
    ]
    tabelle = dict(zeilen)
    assert len(zeilen) == len(tabelle), "ein Code steht in mehr als einer Tabelle"
    erwartet = {c: ("Fehler" if s is Schwere.FEHLER else "Warnung") for c, (_, s) in CODES.items()}
    assert tabelle == erwartet


def test_workflow_diff_sicher() -> None:
    """netz diff im Pull-Request: ganze Geschichte, Kommentar nur ohne Code aus dem Pull-Request
    und nur für Pull-Requests aus diesem Repository (docs/ci.md)."""
    text = (REPO / ".github" / "workflows" / "validate.yml").read_text(encoding="utf-8")
    wf = yaml.safe_load(text)
    assert "pull_request_target" not in wf[True]
    assert wf["permissions"] == {}  # jeder Job nennt seine Rechte selbst
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
