"""Alltagsfragen (Issue 22): „Wer hat 2009 unterschrieben?“, „seit wann dabei?“, „Was hat sich
seit letztem Monat geändert?“ – ohne CSV, grep oder Revisionsnamen."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.gitrepo import einchecken, git, ohne_globale_konfiguration, repo_anlegen


def test_list_signed_trennt_sicher_und_moeglich(netz: Any) -> None:
    lauf = netz("list", "--signed", "2009")
    assert lauf.exit_code == 0, lauf.stderr
    sicher, moeglich = lauf.stdout.split("Möglich 2009 unterschrieben")
    assert "Sicher 2009 unterschrieben: 15" in sicher
    assert "Kreis Borken  20.01.2009" in sicher and "Stadt Herne  2009" in sicher
    # „spätestens 06.05.2010“ kann 2009 sein, muss aber nicht
    assert "Stadt Bonn  spätestens 06.05.2010" in moeglich and "Stadt Bonn" not in sicher
    assert "Kreis Euskirchen  zwischen 20.05.2009 und 06.05.2010" in moeglich
    j = netz("list", "--signed", "2009", "--format", "json").json()
    assert len(j["sicher"]) == 15 and len(j["moeglich"]) == 11
    assert not {r["ags"] for r in j["sicher"]} & {r["ags"] for r in j["moeglich"]}
    # Münster 2022: ein Wiedereintritt, kein erster Vertrag
    j22 = netz("list", "--signed", "2022", "--format", "json").json()
    assert [(r["ags"], r["erster_vertrag"]) for r in j22["sicher"]] == [("05515", False)]
    assert "Wiedereintritt" in netz("list", "--signed", "2022").stdout
    assert netz("list", "--signed", "2009", "--format", "csv").stdout.startswith("jahr,gewissheit,ags")
    assert (
        "**Sicher 2009 unterschrieben: 15**"
        in netz("list", "--signed", "2009", "--format", "markdown").stdout
    )


@pytest.mark.parametrize("wert", ["20x9", "09", "2030"])
def test_list_signed_falsches_jahr(netz: Any, wert: str) -> None:
    lauf = netz("list", "--signed", wert)
    assert lauf.exit_code == 2
    assert "--signed" in lauf.flach


def test_list_zeigt_ersten_vertrag_und_wiedereintritt(netz: Any) -> None:
    text = " ".join(netz("list").stdout.split())
    # Münster unterschrieb 2008, trat aus und 2022 wieder ein (vorher stand nur „2022“ da)
    assert "05515 Stadt Münster Münster mit seit 2008, Wiedereintritt 2022" in text


@pytest.fixture
def repo(daten: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Die Datenkopie als Repository mit einem Commit am 01.10.2026 und einem am 20.11.2026."""
    oben = daten.parent
    ohne_globale_konfiguration(monkeypatch, oben)
    for name in ("GIT_AUTHOR_DATE", "GIT_COMMITTER_DATE"):
        monkeypatch.setenv(name, "2026-10-01T12:00:00")
    repo_anlegen(oben)
    (daten / "vertraege/05170-wesel-2025-03-14.yaml").write_text(
        'region: "05170"\nunterzeichnet: 2025-03-14\nquellen:\n  - https://example.org/wesel\n',
        encoding="utf-8",
    )
    for name in ("GIT_AUTHOR_DATE", "GIT_COMMITTER_DATE"):
        monkeypatch.setenv(name, "2026-11-20T12:00:00")
    einchecken(oben, "Wesel eingetragen")
    assert git(oben, "rev-list", "--count", "HEAD").strip() == "2"
    return oben


@pytest.mark.parametrize(("seit", "basis"), [("01.11.2026", "01.11.2026"), ("30d", "28.10.2026")])
def test_diff_since_ohne_revisionsnamen(netz: Any, repo: Path, seit: str, basis: str) -> None:
    lauf = netz("diff", "--since", seit, "--format", "json")
    assert lauf.exit_code == 0, lauf.stderr
    e = lauf.json()
    assert e["basis"].startswith(f"Stand vor dem {basis}")
    assert [s["ags"] for s in e["staende"]] == ["05170"]


def test_diff_since_nach_der_letzten_aenderung(netz: Any, repo: Path) -> None:
    e = netz("diff", "--since", "3 Tage", "--format", "json").json()
    assert e["staende"] == [] and e["basis"].startswith("Stand vor dem 24.11.2026")


def test_diff_since_vor_der_geschichte(netz: Any, repo: Path) -> None:
    lauf = netz("diff", "--since", "01.01.2020")
    assert lauf.exit_code == 2
    assert "Vor dem 01.01.2020 gibt es in diesem Repository keinen Commit." in lauf.flach
    assert netz("diff", "HEAD", "--since", "30d").exit_code == 2


def test_bericht_zeigt_ersten_vertrag_und_wiedereintritt(netz: Any, tmp_path: Path) -> None:
    ziel = tmp_path / "b.html"
    assert netz("report", "--html", str(ziel)).exit_code == 0
    html = ziel.read_text(encoding="utf-8")
    zeile = html.split("<td>05515</td>", 1)[1].split("</tr>", 1)[0]
    assert "<td>seit 2008, Wiedereintritt 2022</td>" in zeile
