"""Der Workflow der Quellenprüfung: wöchentlich und von Hand, nie an Pull-Requests (docs/quellen.md)."""

from __future__ import annotations

from pathlib import Path

import yaml

WORKFLOW = Path(__file__).resolve().parent.parent / ".github" / "workflows" / "quellen.yml"


def test_nur_zeitplan_und_von_hand() -> None:
    wf = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    ausloeser = wf[True]  # YAML 1.1 liest „on“ als True
    assert set(ausloeser) == {"schedule", "workflow_dispatch"}
    assert ausloeser["schedule"][0]["cron"].split()[2:] == ["*", "*", "1"]  # einmal die Woche
    assert wf["permissions"] == {}  # jeder Job nennt seine Rechte selbst
    assert wf["jobs"]["pruefen"]["permissions"] == {"contents": "read"}


def test_prueft_und_hebt_den_bericht_auf() -> None:
    wf = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    schritte = wf["jobs"]["pruefen"]["steps"]
    befehle = "\n".join(s.get("run", "") for s in schritte)
    assert "netz sources check" in befehle and "--bericht" in befehle
    assert "--strict" not in befehle  # tote Links lassen den Lauf nie scheitern
    assert any(s.get("uses", "").startswith("actions/upload-artifact") for s in schritte)
    # nur der Issue-Job darf schreiben, und er checkt keinen Code aus
    issue = wf["jobs"]["issue"]
    assert issue["permissions"] == {"issues": "write"}
    assert not any(s.get("uses", "").startswith("actions/checkout") for s in issue["steps"])
    assert "pip install" not in WORKFLOW.read_text(encoding="utf-8").split("issue:", 1)[1]
