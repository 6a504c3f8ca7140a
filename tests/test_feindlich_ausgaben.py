"""Feindliche Eingaben, deren Tests ganze Ausgaben bauen (Website, Bericht, Export) oder
Workflows prüfen: Ziele von export und site, XML-Schreiber, Workflows und zizmor.

Sie laufen in ``make test``; ``make test-hostile`` (Speicher- und Zeitgrenze) führt nur die
leichteren in tests/test_feindlich.py aus – diese hier bauen je Fall eine ganze Website.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

# --- Ziele von export und site: eine Schutzregel ---------------------------------------------

ZIELE = [
    "data",
    "data/vertraege",
    "data/regionen",
    "data/quellen",
    "data/regionen/05111-duesseldorf.yaml",
    "data/neu",
    ".git",
    ".git/hooks",
    ".git/refs/heads",
    ".",
    "..",
    "/",
    "~",
    "data/vertraege/../..",
    "link-auf-data/..",
]


def _schnappschuss(oben: Path) -> dict[str, int]:
    return {
        str(p.relative_to(oben)): p.stat().st_size
        for p in sorted(oben.rglob("*"))
        if p.is_file() and not p.is_symlink() and ".netz" not in str(p)
    }


@pytest.mark.parametrize("force", [True, False])
@pytest.mark.parametrize("befehl", ["export-csv", "site"])
@pytest.mark.parametrize("ziel", ZIELE)
def test_ziel_nie_daten_git_oder_darueber(
    netz: Any, daten: Path, monkeypatch: pytest.MonkeyPatch, ziel: str, befehl: str, force: bool
) -> None:
    oben = daten.parent
    (oben / ".git" / "hooks").mkdir(parents=True)
    (oben / ".git" / "refs" / "heads").mkdir(parents=True)
    (oben / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    (oben / "link-auf-data").symlink_to(daten / "vertraege")
    monkeypatch.chdir(oben)
    monkeypatch.setenv("HOME", str(oben))
    vorher = _schnappschuss(oben)
    pfad = str(oben) if ziel == "~" else ziel
    args = ["site", pfad] if befehl == "site" else ["export", pfad, "--format", befehl.split("-")[1]]
    lauf = netz(*args, *(["--force"] if force else []))
    assert lauf.exit_code == 1, (lauf.stdout, lauf.stderr)
    assert "Traceback" not in lauf.stderr and "interner Fehler" not in lauf.stderr
    assert _schnappschuss(oben) == vorher
    assert not (daten / "neu").exists()


# --- XML-Schreiber: kein Zeichen, das XML 1.0 verbietet ----------------------------------------

XML_VERBOTEN = ["\ufffe", "\uffff", "\U0001fffe", "\U0010ffff", "\ufdd0", "\x01", "\x0b", "\x1f"]


@pytest.mark.parametrize("zeichen", XML_VERBOTEN)
def test_xml_sicher_und_sichtbar(zeichen: str) -> None:
    from xml.etree import ElementTree

    from netzwerk_cli.render.sicher import html_text, sichtbar, xml_sicher

    for f in (xml_sicher, html_text, sichtbar):
        t = f(f"a{zeichen}b")
        assert zeichen not in t
        ElementTree.fromstring(f"<x>{html_text(t) if f is sichtbar else t}</x>")


def _yaml_escape(zeichen: str) -> str:
    n = ord(zeichen)
    return f"\\x{n:02x}" if n < 0x100 else f"\\u{n:04x}" if n <= 0xFFFF else f"\\U{n:08x}"


@pytest.mark.parametrize("zeichen", ["\ufffe", "\U0001fffe"])
def test_xml_schreiber_mit_nichtzeichen(netz: Any, daten: Path, tmp_path: Path, zeichen: str) -> None:
    """„\\uFFFE“ im Namen einer Region und im Namen des Programms: gültiges SVG, wohlgeformter
    Feed und Seiten, eine ODS, deren XML sich lesen lässt, eine XLSX, die openpyxl lädt."""
    import zipfile
    from xml.etree import ElementTree

    openpyxl = pytest.importorskip("openpyxl")
    e = _yaml_escape(zeichen)
    r = daten / "regionen" / "05170-wesel.yaml"
    r.write_text(
        r.read_text(encoding="utf-8")
        .replace("name: Wesel\n", f'name: "Wesel{e}"\n')
        .replace("bezeichnung: Kreis Wesel\n", f'bezeichnung: "Kreis Wes{e}el"\n'),
        encoding="utf-8",
    )
    p = daten / "programm.yaml"
    text = p.read_text(encoding="utf-8")
    zeile = next(z for z in text.splitlines() if z.startswith("name: "))
    p.write_text(text.replace(zeile, f'name: "Bildungsnetzwerke {e} NRW"', 1), encoding="utf-8")

    assert netz("map", "--svg", str(tmp_path / "k.svg")).exit_code == 0
    assert netz("report", "--html", str(tmp_path / "b.html")).exit_code == 0
    assert netz("site", str(tmp_path / "site")).exit_code == 0
    assert netz("export", str(tmp_path / "x.xlsx")).exit_code == 0
    assert netz("export", str(tmp_path / "x.ods")).exit_code == 0

    svg = (tmp_path / "k.svg").read_text(encoding="utf-8")
    assert zeichen not in svg and "Wes" in svg
    ElementTree.fromstring(svg.encode("utf-8"))
    for name in ("feed.xml", "abdeckung.svg"):
        ElementTree.fromstring((tmp_path / "site" / name).read_bytes())
    for html in [tmp_path / "b.html", *(tmp_path / "site").rglob("*.html")]:
        assert zeichen not in html.read_text(encoding="utf-8"), html
    with zipfile.ZipFile(tmp_path / "x.ods") as z:
        for name in ("content.xml", "meta.xml", "styles.xml", "settings.xml"):
            ElementTree.fromstring(z.read(name))
        assert "Wes" in z.read("content.xml").decode("utf-8")
    wb = openpyxl.load_workbook(tmp_path / "x.xlsx")
    werte = [c for ws in wb.worksheets for zeile in ws.iter_rows(values_only=True) for c in zeile]
    assert any(isinstance(w, str) and "Wes" in w and "Kreis" in w for w in werte)
    assert not any(isinstance(w, str) and zeichen in w for w in werte)
    with zipfile.ZipFile(tmp_path / "x.xlsx") as z:
        for name in z.namelist():
            if name.endswith(".xml"):
                ElementTree.fromstring(z.read(name))


# --- Workflows: eigene Issues, entschärfte Texte, gepinnte Actions, Rechte je Job ---------------

WORKFLOWS = Path(__file__).resolve().parent.parent / ".github" / "workflows"


def _skript(workflow: str, job: str) -> str:
    import yaml

    wf = yaml.safe_load((WORKFLOWS / workflow).read_text(encoding="utf-8"))
    return next(s["with"]["script"] for s in wf["jobs"][job]["steps"] if "github-script" in s.get("uses", ""))


def _node(skript: str, dateien: dict[str, str], vorhanden: list[dict[str, Any]], tmp_path: Path) -> list[Any]:
    """Das Skript eines github-script-Schritts mit einer nachgebauten GitHub-API in node."""
    import json
    import shutil
    import subprocess

    node = shutil.which("node")
    if node is None:
        pytest.skip("node ist nicht installiert")
    for name, text in dateien.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    rahmen = (
        "const aufrufe = [];\n"
        f"const vorhanden = {json.dumps(vorhanden)};\n"
        "const api = (name) => async (a) => { aufrufe.push([name, a]); return { data: {} }; };\n"
        "const github = { paginate: async (f, a) => { aufrufe.push(['liste', a]); return vorhanden; },\n"
        "  rest: { issues: { listForRepo: 'listForRepo', listComments: 'listComments',\n"
        "    update: api('update'), create: api('create'), createComment: api('createComment'),\n"
        "    updateComment: api('updateComment') } } };\n"
        "const context = { repo: { owner: 'o', repo: 'r' }, serverUrl: 'https://github.com', runId: 1,\n"
        "  payload: { pull_request: { number: 7 } } };\n"
        "(async () => {\n" + skript + "\n})().then(() => console.log(JSON.stringify(aufrufe)));\n"
    )
    (tmp_path / "lauf.js").write_text(rahmen, encoding="utf-8")
    aus = subprocess.run([node, "lauf.js"], cwd=tmp_path, capture_output=True, text=True, check=True)
    return json.loads(aus.stdout)  # type: ignore[no-any-return]


BOESER_BERICHT = (
    "# Quellenprüfung\n\n| <https://ok.example/a> | @octocat und @org/team | #123 und o/r#4 |\n"
    "nackt: https://evil.example/x und www.evil.example und <https://github.com/o/r/issues/1>\n"
)


def _entschaerft(body: str) -> None:
    assert "@octocat" not in body and "@org" not in body
    assert "#123" not in body and "r#4" not in body
    assert "https://evil.example" not in body and "www.evil" not in body
    assert "<https://ok.example/a>" in body  # netz' eigener Autolink bleibt ein Link
    assert "github.com/o/r/issues/1" not in body.replace("redirect.github.com", "")


def test_quellen_workflow_schreibt_nur_ins_eigene_issue(tmp_path: Path) -> None:
    import json

    skript = _skript("quellen.yml", "issue")
    dateien = {
        "quellen-bericht/quellen.md": BOESER_BERICHT,
        "quellen-bericht/quellen.json": json.dumps({"ergebnis": {"anzahl": {"warnungen": 2}}}),
    }
    fremd = {
        "number": 9,
        "body": "<!-- netz-quellen -->\nvon einem Fremden",
        "user": {"login": "fremd", "type": "User"},
    }
    aufrufe = _node(skript, dateien, [fremd], tmp_path)
    namen = [a[0] for a in aufrufe]
    assert "update" not in namen and "create" in namen, aufrufe  # das fremde bleibt unberührt
    assert aufrufe[0][1].get("creator") == "github-actions[bot]"
    _entschaerft(next(a[1]["body"] for a in aufrufe if a[0] == "create"))
    eigen = {**fremd, "user": {"login": "github-actions[bot]", "type": "Bot"}}
    aufrufe = _node(skript, dateien, [eigen], tmp_path)
    assert [a[1].get("issue_number") for a in aufrufe if a[0] == "update"] == [9]
    _entschaerft(next(a[1]["body"] for a in aufrufe if a[0] == "update"))


def test_diff_kommentar_entschaerft(tmp_path: Path) -> None:
    skript = _skript("validate.yml", "kommentar")
    aufrufe = _node(skript, {"netz-diff/netz-diff.md": BOESER_BERICHT}, [], tmp_path)
    _entschaerft(next(a[1]["body"] for a in aufrufe if a[0] == "createComment"))


def test_workflows_gepinnt_mit_frist_und_rechten_je_job() -> None:
    import re

    import yaml

    for datei in sorted(WORKFLOWS.glob("*.yml")):
        text = datei.read_text(encoding="utf-8")
        for zeile in re.findall(r"uses:\s*(\S+.*)", text):
            assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+", zeile), (datei.name, zeile)
        wf = yaml.safe_load(text)
        assert wf["permissions"] == {}, datei.name
        for name, job in wf["jobs"].items():
            assert 0 < job["timeout-minutes"] <= 30, (datei.name, name)
            assert "permissions" in job, (datei.name, name)
    pages = yaml.safe_load((WORKFLOWS / "pages.yml").read_text(encoding="utf-8"))
    assert pages["jobs"]["bauen"]["permissions"] == {"contents": "read"}


def test_zizmor_ohne_befund_ab_mittel() -> None:
    import shutil
    import subprocess
    import sys

    zizmor = shutil.which("zizmor") or str(Path(sys.executable).parent / "zizmor")
    if not Path(zizmor).exists():
        pytest.skip("zizmor ist nicht installiert (pip install zizmor; .ci/run installiert es)")
    lauf = subprocess.run(
        [zizmor, "--offline", "--min-severity", "medium", "--format", "plain", str(WORKFLOWS)],
        capture_output=True,
        text=True,
    )
    assert lauf.returncode == 0, lauf.stdout + lauf.stderr
