"""Feindliche Eingaben, deren Tests ganze Ausgaben bauen (Website, Bericht, Export) oder
Workflows prüfen: Hinweise in einer echten Shell, SOURCE_DATE_EPOCH und die Basis von
netz diff, Ziele von export und site, sources check über die ganze Befehlszeile, NZ405 mit
500 Dateien, XML-Schreiber, Workflows und zizmor.

Sie laufen in ``make test``; ``make test-hostile`` (Speicher- und Zeitgrenze) führt nur die
leichteren in tests/test_feindlich.py aus – diese hier bauen je Fall eine ganze Website.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from netzwerk_cli.pruefen.codes import MAX_BEFUNDE
from tests.test_feindlich import _Server, lokaler_server


@pytest.fixture
def lokal() -> Any:
    s = lokaler_server()
    yield s
    s.schliessen()


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
def test_xml_schreiber_mit_nichtzeichen(
    netz: Any, daten: Path, tmp_path: Path, zeichen: str, monkeypatch: pytest.MonkeyPatch
) -> None:
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

    # erste Wand: validate meldet die Zeichen (NZ116), und keine Ausgabe entsteht
    befunde = json.loads(netz("validate", "--format", "json").stdout)["ergebnis"]["probleme"]
    assert {(b["datei"].rsplit("/", 1)[-1], b["code"]) for b in befunde} >= {
        ("05170-wesel.yaml", "NZ116"),
        ("programm.yaml", "NZ116"),
    }
    assert netz("map", "--svg", str(tmp_path / "k.svg")).exit_code == 1
    assert not (tmp_path / "k.svg").exists()
    # zweite Wand: ohne die erste (die Prüfung stumm geschaltet) schreibt jeder XML-Schreiber
    # trotzdem gültiges XML
    from netzwerk_cli.pruefen import yamlio

    monkeypatch.setattr(yamlio, "_steuerzeichen", lambda *a: None)
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


# --- Hinweise sind sicher zum Einfügen in eine Shell ------------------------------------------

BOESE_NAMEN = [
    "05170-wesel'$(id>&2)'.yml",
    "05170-wesel`id>&2`.yml",
    "05170-wesel;id>&2;.yml",
    "-rf $(id>&2).yml",
    'x"$(id>&2)".yml',
]


def _git(ordner: Path, *args: str) -> None:
    import subprocess

    subprocess.run(["git", *args], cwd=ordner, check=True, capture_output=True)


def _hinweise_ausfuehren(netz: Any, daten: Path, monkeypatch: pytest.MonkeyPatch, name: str) -> list[str]:
    """Jeden Befehl aus den Hinweisen zu ``name`` in einer echten Shell ausführen; die
    Ausgaben (stderr) zurück. ``id`` darf nie laufen."""
    import subprocess

    oben = daten.parent
    monkeypatch.chdir(oben)
    _git(oben, "init", "-q")
    _git(oben, "add", "-A")
    befunde = netz("validate", "--format", "json").json()["probleme"]
    hinweise = [p["hinweis"] for p in befunde if name in p["datei"] and p.get("hinweis")]
    assert hinweise, befunde
    fehler = []
    for h in hinweise:
        befehl = h.split(": ", 1)[1].strip() if ": " in h else ""
        if not befehl.startswith(("git ", "rm ")):
            continue  # ohne Befehl: nur der Dateiname
        lauf = subprocess.run(["sh", "-c", befehl], cwd=oben, capture_output=True, text=True)
        fehler.append(lauf.stdout + lauf.stderr)
        assert "uid=" not in lauf.stdout + lauf.stderr, (befehl, lauf.stderr)
    return fehler


@pytest.mark.parametrize("name", BOESE_NAMEN)
def test_hinweis_nz113_fuehrt_nichts_aus(
    netz: Any, daten: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    f = daten / "vertraege" / name
    f.write_text("region: x\n", encoding="utf-8")
    _hinweise_ausfuehren(netz, daten, monkeypatch, name)
    # der Befehl hat genau diese Datei umbenannt: keine Datei mit dem bösen Namen mehr da
    assert not f.exists()


@pytest.mark.parametrize("name", [n.replace(".yml", "") for n in BOESE_NAMEN])
def test_hinweis_nz110_fuehrt_nichts_aus(
    netz: Any, daten: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    from netzwerk_cli.daten.ordner import TEMP_PRAEFIX

    voll = f"{TEMP_PRAEFIX}{name}.tmp"
    f = daten / "vertraege" / voll
    f.write_text("x", encoding="utf-8")
    _hinweise_ausfuehren(netz, daten, monkeypatch, voll)
    assert not f.exists()


def test_hinweis_nz401_fuehrt_nichts_aus(netz: Any, daten: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    alt = daten / "vertraege" / "05170-wesel-2020-01-01.yaml"
    if not alt.exists():
        alt = sorted((daten / "vertraege").glob("*.yaml"))[0]
    name = "05170-wesel'$(id>&2)'.yaml"
    alt.rename(daten / "vertraege" / name)
    _hinweise_ausfuehren(netz, daten, monkeypatch, name)
    assert not (daten / "vertraege" / name).exists()


def test_hinweis_ohne_befehl_bei_unsichtbaren_zeichen(netz: Any, daten: Path) -> None:
    """Ein Zeilenumbruch oder U+202E im Namen: der angezeigte Befehl wäre nicht der
    ausgeführte – der Hinweis nennt die Datei ohne Befehl."""
    (daten / "vertraege" / "a\nid;.yml").write_text("x", encoding="utf-8")
    (daten / "vertraege" / "b\u202eid.yml").write_text("x", encoding="utf-8")
    befunde = netz("validate", "--format", "json").json()["probleme"]
    hinweise = [p["hinweis"] for p in befunde if p["code"] == "NZ113"]
    assert len(hinweise) == 2
    assert all("git mv" not in h for h in hinweise), hinweise


# --- SOURCE_DATE_EPOCH und die Basis von netz diff -------------------------------------------


@pytest.mark.parametrize("wert", ["999999999999999999999", "253402300800", "-5", "1e9", "abc", "１２３"])
@pytest.mark.parametrize("befehl", [("report", "--html"), ("site",)])
def test_source_date_epoch_ausserhalb(
    netz: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, wert: str, befehl: tuple[str, ...]
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", wert)
    ziel = tmp_path / ("ausgabe.html" if "--html" in befehl else "seite")
    lauf = netz(*befehl, str(ziel))
    assert lauf.exit_code == 2, (lauf.stdout, lauf.stderr)
    assert "SOURCE_DATE_EPOCH" in lauf.stderr and "interner Fehler" not in lauf.stderr
    assert "Traceback" not in lauf.stderr
    assert not ziel.exists()


def test_source_date_epoch_gueltig(netz: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764000000")  # 24.11.2025
    lauf = netz("report", "--html", str(tmp_path / "b.html"))
    assert lauf.exit_code == 0, lauf.stderr
    assert "2025" in (tmp_path / "b.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("tag", ["origin/main", "main"])
def test_diff_basis_ist_zweig_nie_tag(
    netz: Any,
    daten: Path,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path_factory: pytest.TempPathFactory,
    tag: str,
) -> None:
    """Ein Tag „origin/main“ auf einem fremden Commit wird nie die Basis von netz diff."""
    from tests.gitrepo import einchecken, git, ohne_globale_konfiguration, repo_anlegen

    oben = daten.parent
    ohne_globale_konfiguration(monkeypatch, oben)
    repo_anlegen(oben)
    # ein zweiter Klon mit origin: main mit den Daten, dazu ein Tag auf einem Commit ohne Wesel
    klon = tmp_path_factory.mktemp("klon") / "k"
    git(oben, "clone", "-q", str(oben), str(klon))
    git(klon, "config", "user.name", "T")
    git(klon, "config", "user.email", "t@example.org")
    git(klon, "config", "commit.gpgsign", "false")
    git(klon, "checkout", "-q", "-b", "neu")
    (klon / "data" / "vertraege" / "05170-wesel-2025-03-14.yaml").write_text(
        'region: "05170"\nunterzeichnet: 2025-03-14\nquellen:\n  - https://example.org/wesel\n',
        encoding="utf-8",
    )
    mit_wesel = einchecken(klon, "Wesel")
    git(klon, "tag", tag, mit_wesel)  # der Tag zeigt auf den Commit MIT Wesel: er wäre eine falsche Basis
    lauf = netz("diff", "--format", "json", ordner=klon / "data")
    assert lauf.exit_code == 0, lauf.stderr
    e = lauf.json()
    assert e["basis"].startswith("Merge-Basis mit origin/main"), e["basis"]
    assert [s["ags"] for s in e["staende"]] == ["05170"]


def _uebrige_adressen_lokal(daten: Path, port: int) -> None:
    """Jede Webadresse der Datenkopie zeigt auf einen Pfad des lokalen Servers, den er nicht kennt
    (404): der Test fragt nie das Internet an – ohne Netz wartete sonst jede der vielen Adressen
    der eingebetteten Daten ihre Frist ab, bei jedem Lauf."""
    import re

    web = re.compile(r"https?://[^\s\"']+")
    for f in [*daten.glob("*/*.yaml"), daten / "programm.yaml"]:
        text = f.read_text(encoding="utf-8")
        f.write_text(web.sub(f"http://127.0.0.1:{port}/unbekannt", text), encoding="utf-8")


def test_sources_check_zeigt_ziel_ohne_geheimnisse(
    lokal: _Server, netz: Any, daten: Path, monkeypatch: Any
) -> None:
    import functools

    from netzwerk_cli.daten import netz as netz_modul

    monkeypatch.setattr(
        netz_modul, "pruefe_adressen", functools.partial(netz_modul.pruefe_adressen, lokal_erlaubt=True)
    )
    _uebrige_adressen_lokal(daten, lokal.port)
    basis = f"http://127.0.0.1:{lokal.port}"
    pfad = daten / "vertraege" / "05111-duesseldorf-2009-08-24.yaml"
    pfad.write_text(
        'region: "05111"\nunterzeichnet: 2009-08-24\nquellen:\n'
        f"  - {basis}/zu-ok\n  - {basis}/zu-metadaten\n  - {basis}/zu-privat\n",
        encoding="utf-8",
    )
    bericht = daten.parent / "bericht.md"
    texte = []
    for fmt in ("text", "json", "csv", "markdown"):
        lauf = netz("sources", "check", "--format", fmt, "--timeout", "1", "--bericht", str(bericht))
        texte += [lauf.stdout, lauf.stderr, bericht.read_text(encoding="utf-8")]
    alles = "\n".join(texte)
    assert "GEHEIM" not in alles and "token" not in alles and "169.254" not in alles
    assert f"{basis}/ok" in alles  # das Ziel der Umleitung, ohne Abfrage


def test_loopback_nur_als_argument_der_inneren_funktion(
    lokal: _Server, netz: Any, daten: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Kein Schalter, keine Umgebungsvariable, kein Datenfeld erlaubt 127.0.0.1 im normalen Lauf."""
    for name in ("NETZ_LOKAL", "NETZ_TEST", "NETZ_LOKAL_ERLAUBT", "NO_PROXY", "no_proxy"):
        monkeypatch.setenv(name, "1")
    _uebrige_adressen_lokal(daten, lokal.port)
    pfad = daten / "vertraege" / "05111-duesseldorf-2009-08-24.yaml"
    pfad.write_text(
        f'region: "05111"\nunterzeichnet: 2009-08-24\nquellen:\n  - http://127.0.0.1:{lokal.port}/ok\n',
        encoding="utf-8",
    )
    lauf = netz("sources", "check", "--format", "json", "--timeout", "1")
    a = {x["url"]: x for x in lauf.json()["adressen"]}
    assert a[f"http://127.0.0.1:{lokal.port}/ok"]["ergebnis"] == "nicht_oeffentlich"
    assert lokal.anfragen == []


def test_nz405_linear_ein_befund_je_vertrag(netz: Any, daten: Path) -> None:
    """Viele Verträge von je 80 Bytes für eine Region (der Bericht: 2.000 gaben 2 Millionen
    Befunde, jedes Paar einen): jetzt einer je Datei, höchstens MAX_BEFUNDE je Datei und Code.
    500 statt 2.000, damit make test-hostile in seiner Zeitgrenze bleibt – die Zahl der Befunde
    zeigt die Ordnung auch so (vorher 124.750)."""
    from datetime import date, timedelta

    for i in range(1, 501):
        tag = date(2009, 8, 24) + timedelta(days=i)
        (daten / "vertraege" / f"05111-duesseldorf-{tag}.yaml").write_text(
            f'region: "05111"\nunterzeichnet: {tag}\nquellen:\n  - https://example.org/q\n',
            encoding="utf-8",
        )
    lauf = netz("validate", "--format", "json")
    assert lauf.exit_code == 1
    probleme = lauf.json()["probleme"]
    nz405 = [p for p in probleme if p["code"] == "NZ405"]
    assert len(nz405) == 500  # jeder neue Vertrag überschneidet sich mit dem alten: ein Befund je Datei
    je_datei: dict[str, int] = {}
    for p in probleme:
        je_datei[p["datei"]] = je_datei.get(p["datei"], 0) + 1
    assert max(je_datei.values()) <= MAX_BEFUNDE + 1
    assert len(lauf.stdout) < 4000 * 502  # linear in der Zahl der Dateien, nicht im Quadrat
