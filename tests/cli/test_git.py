"""netz diff, netz log und --rev an echten git-Repositorys (git ist hier die echte Komponente)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import DATEN
from tests.gitrepo import einchecken, git, ohne_globale_konfiguration, repo_anlegen

WESEL = "vertraege/05170-wesel-2025-03-14.yaml"
WESEL_TEXT = 'region: "05170"\nunterzeichnet: 2025-03-14\nquellen:\n  - https://example.org/wesel\n'
DUISBURG = "vertraege/05112-duisburg-2008-06.yaml"
DUESSELDORF = "vertraege/05111-duesseldorf-2009-08-24.yaml"  # endet mit der Liste der Quellen


@pytest.fixture
def repo(daten: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Die Datenkopie als Repository: main mit den eingebetteten Daten, dann Zweig „neu“."""
    oben = daten.parent
    ohne_globale_konfiguration(monkeypatch, oben)
    repo_anlegen(oben)
    git(oben, "checkout", "-q", "-b", "neu")
    return oben


def _wesel(daten: Path) -> None:
    (daten / WESEL).write_text(WESEL_TEXT, encoding="utf-8")


def test_diff_zeigt_neuen_vertrag_im_arbeitsbaum(netz: Any, repo: Path, daten: Path) -> None:
    _wesel(daten)
    lauf = netz("diff", "--format", "json")
    assert lauf.exit_code == 0, lauf.stderr
    e = lauf.json()
    assert e["ziel"] == "Arbeitsbaum" and e["basis"].startswith("Merge-Basis mit main")
    assert e["staende"] == [
        {
            "ags": "05170",
            "bezeichnung": "Kreis Wesel",
            "vorher": "ohne",
            "nachher": "mit",
            "ereignis": "Vertrag unterzeichnet 14.03.2025",
        }
    ]
    assert [(d["datei"].rsplit("/", 1)[-1], d["wie"]) for d in e["dateien"]] == [
        ("05170-wesel-2025-03-14.yaml", "neu")
    ]
    h = e["heute"]
    assert h["nachher"]["mit_netzwerk"] == h["vorher"]["mit_netzwerk"] + 1
    assert list(h["nach_regierungsbezirk"]) == ["Düsseldorf"]
    text = netz("diff").stdout
    assert "Kreis Wesel (05170): ohne Netzwerk → mit Netzwerk\n      Vertrag unterzeichnet 14.03.2025" in text
    assert "Vertrag eingetragen: unterzeichnet 14.03.2025" in text


def test_diff_zwischen_commits_und_basis_ist_die_merge_basis(netz: Any, repo: Path, daten: Path) -> None:
    _wesel(daten)
    einchecken(repo, "Wesel eingetragen")
    # main geht weiter: das gehört nicht zum Pull-Request
    git(repo, "checkout", "-q", "main")
    p = daten / DUESSELDORF
    p.write_text(
        p.read_text(encoding="utf-8").replace("quellen:\n", "quellen:\n  - https://example.org/main\n", 1),
        encoding="utf-8",
    )
    einchecken(repo, "Quelle auf main")
    git(repo, "checkout", "-q", "neu")
    standard = netz("diff", "--format", "json").json()
    assert [d["ags"] for d in standard["dateien"]] == ["05170"]
    gegen_spitze = netz("diff", "main", "HEAD", "--format", "json").json()
    assert sorted(d["ags"] for d in gegen_spitze["dateien"]) == ["05111", "05170"]
    # die Quelle auf main ist nur eine Quellenänderung
    duesseldorf = next(d for d in gegen_spitze["dateien"] if d["ags"] == "05111")
    assert [a["nur_quellen"] for a in duesseldorf["aenderungen"]] == [True]
    text = netz("diff", "main", "HEAD").stdout
    assert "Nur Quellen" in text and "−https://example.org/main" in text


def test_diff_genauer_und_ungenauer(netz: Any, repo: Path, daten: Path) -> None:
    p = daten / DUISBURG
    text = p.read_text(encoding="utf-8")
    assert "unterzeichnet: 2008-06\n" in text
    p.write_text(text + "bildungskonferenzen:\n  - datum: 2019\n", encoding="utf-8")
    einchecken(repo, "Konferenz 2019")
    p.write_text(text + "bildungskonferenzen:\n  - datum: 2019-03-14\n", encoding="utf-8")
    lauf = netz("diff", "HEAD")
    assert lauf.exit_code == 0, lauf.stderr
    assert "Bildungskonferenz: 2019 → 14.03.2019, präzisiert" in lauf.stdout
    einchecken(repo, "genauer")
    lauf = netz("diff", "HEAD", "HEAD~1")
    assert "Bildungskonferenz: 14.03.2019 → 2019, ungenauer" in lauf.stdout


def test_rev_liest_die_revision_ohne_arbeitsbaum_und_index(netz: Any, repo: Path, daten: Path) -> None:
    vorher = {b: netz(b, "--format", "json").stdout for b in ("status", "list", "missing", "validate")}
    vorher["show"] = netz("show", "wesel", "--format", "json").stdout
    _wesel(daten)
    einchecken(repo, "Wesel eingetragen")
    index = os.stat(repo / ".git" / "index").st_mtime_ns
    (daten / DUISBURG).write_text("kaputt: [\n", encoding="utf-8")  # der Arbeitsbaum ist egal
    for b in ("status", "list", "missing", "validate"):
        lauf = netz(b, "--rev", "HEAD~1", "--format", "json")
        assert lauf.exit_code == 0, (b, lauf.stderr)
        assert lauf.stdout == vorher[b], b
    assert netz("show", "wesel", "--rev", "HEAD~1", "--format", "json").stdout == vorher["show"]
    assert netz("status", "--rev", "HEAD", "--format", "json").json()["fehlend"] == []
    assert netz("timeline", "--rev", "HEAD~1").exit_code == 0
    assert netz("map", "--rev", "HEAD~1").exit_code == 0
    # nichts angefasst: weder der Index noch die geänderte Datei
    assert os.stat(repo / ".git" / "index").st_mtime_ns == index
    assert (daten / DUISBURG).read_text(encoding="utf-8") == "kaputt: [\n"
    assert git(repo, "status", "--porcelain").strip() == f"M data/{DUISBURG}"


def test_rev_karte_und_bericht_lesen_grenzen_aus_git(
    netz: Any, repo: Path, daten: Path, tmp_path: Path
) -> None:
    (daten / "geo" / "nrw-kreise.geojson").unlink()
    assert netz("map", "--svg", str(tmp_path / "k.svg")).exit_code == 1
    lauf = netz("map", "--rev", "HEAD", "--svg", str(tmp_path / "k.svg"))
    assert lauf.exit_code == 0, lauf.stderr
    assert (tmp_path / "k.svg").read_text(encoding="utf-8").count("<svg") == 1
    assert netz("report", "--rev", "HEAD", "--html", str(tmp_path / "b.html")).exit_code == 0


def test_rev_gleiche_befunde_wie_auf_der_platte(netz: Any, repo: Path, daten: Path) -> None:
    """Verknüpfung, Unterordner, falsche Endung, Temporärdatei, zu groß: in git wie auf der Platte."""
    (daten / "vertraege" / "link.yaml").symlink_to("05112-duisburg-2008-06.yaml")
    (daten / "vertraege" / "ordner.yaml").mkdir()
    (daten / "vertraege" / "ordner.yaml" / "x.yaml").write_text("a: 1\n", encoding="utf-8")
    (daten / "vertraege" / "unterordner").mkdir()
    (daten / "vertraege" / "unterordner" / "y.yaml").write_text("a: 1\n", encoding="utf-8")
    (daten / "vertraege" / "notiz.txt").write_text("x\n", encoding="utf-8")
    (daten / "regionen" / "gross.yaml").write_bytes(b"# " + b"x" * (1024 * 1024 + 10) + b"\n")
    einchecken(repo, "feindlich")
    platte = netz("validate", "--format", "json")
    aus_git = netz("validate", "--rev", "HEAD", "--format", "json")
    assert platte.exit_code == aus_git.exit_code == 1
    codes = sorted((p["datei"].split("data/", 1)[1], p["code"]) for p in aus_git.json()["probleme"])
    assert codes == sorted((p["datei"].split("data/", 1)[1], p["code"]) for p in platte.json()["probleme"])
    assert ("vertraege/link.yaml", "NZ112") in codes
    assert ("vertraege/ordner.yaml", "NZ112") in codes
    assert ("vertraege/unterordner", "NZ113") in codes
    assert ("regionen/gross.yaml", "NZ102") in codes


def test_diff_mit_kaputter_datei_meldet_und_endet_mit_1(netz: Any, repo: Path, daten: Path) -> None:
    _wesel(daten)
    (daten / "vertraege" / "05170-wesel-2026-01-01.yaml").write_text("region: [\n", encoding="utf-8")
    einchecken(repo, "kaputt")
    lauf = netz("diff", "main", "--format", "json")
    assert lauf.exit_code == 1
    e = lauf.json()
    assert e["gueltig"] is False and e["fehler_vorher"] == 0 and e["fehler_nachher"] >= 1
    assert any(p["code"] == "NZ105" for p in e["befunde_neu"])
    assert any(d["ags"] == "05170" and d["wie"] == "neu" for d in e["dateien"])
    text = netz("diff", "main")
    assert text.exit_code == 1 and "NZ105" in text.stdout and "enthalten Fehler" in text.stdout
    # andersherum: die Basis ist kaputt, der Arbeitsbaum repariert sie
    (daten / "vertraege" / "05170-wesel-2026-01-01.yaml").unlink()
    zurueck = netz("diff", "HEAD", "--format", "json")
    assert zurueck.exit_code == 1
    assert any(p["code"] == "NZ105" for p in zurueck.json()["befunde_behoben"])


def test_flacher_klon_ohne_merge_basis(netz: Any, repo: Path, daten: Path, tmp_path: Path) -> None:
    _wesel(daten)
    einchecken(repo, "Wesel")
    einchecken(repo, "noch einer")
    klon = tmp_path / "klon"
    subprocess.run(
        [
            "git",
            "clone",
            "-q",
            "--depth",
            "1",
            "--no-single-branch",
            "--branch",
            "neu",
            f"file://{repo}",
            str(klon),
        ],
        check=True,
    )
    lauf = netz("diff", ordner=klon / "data")
    assert lauf.exit_code == 2
    assert "fetch-depth: 0" in lauf.stderr and "git fetch --unshallow" in lauf.stderr
    # eine unbekannte Revision im flachen Klon nennt denselben Ausweg
    lauf = netz("status", "--rev", "HEAD~1", ordner=klon / "data")
    assert lauf.exit_code == 2 and "fetch-depth: 0" in lauf.stderr


def test_ausserhalb_eines_repositorys(netz: Any, daten: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ohne_globale_konfiguration(monkeypatch, daten.parent)
    for befehl in (["diff"], ["log", "wesel"], ["status", "--rev", "HEAD"]):
        lauf = netz(*befehl)
        assert lauf.exit_code == 2, befehl
        assert "in keinem git-Repository" in lauf.flach


def test_unbekannte_revision(netz: Any, repo: Path) -> None:
    for befehl in (
        ["status", "--rev", "gibtsnicht"],
        ["diff", "--", "-gefaehrlich"],
        ["diff", "main", "x~9"],
    ):
        lauf = netz(*befehl)
        assert lauf.exit_code == 2, befehl
        assert "gibt es in diesem Repository nicht" in lauf.stderr


def test_ohne_git(netz: Any, repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda _name, *a, **k: None)
    for befehl in (["diff"], ["log", "wesel"], ["status", "--rev", "HEAD"]):
        lauf = netz(*befehl)
        assert lauf.exit_code == 2
        assert "git ist nicht installiert" in lauf.stderr


def test_log_einer_region(netz: Any, repo: Path, daten: Path) -> None:
    _wesel(daten)
    einchecken(repo, "Wesel eingetragen")
    p = daten / WESEL
    p.write_text(WESEL_TEXT + "endet: 2026-07-31\nende_grund: Auslaufen\n", encoding="utf-8")
    einchecken(repo, "Wesel endet")
    p.unlink()
    einchecken(repo, "Wesel entfernt")
    einchecken(repo, "nichts für Wesel")
    e = netz("log", "wesel", "--format", "json").json()
    assert [c["betreff"] for c in e["commits"]] == [
        "Wesel entfernt",
        "Wesel endet",
        "Wesel eingetragen",
        "Daten",
    ]
    endet = e["commits"][1]["dateien"][0]["aenderungen"][0]
    assert (endet["feld"], endet["alt"], endet["neu"]["text"]) == ("endet", None, "2026-07-31")
    text = netz("log", "wesel")
    assert text.exit_code == 0
    assert "Vertrag eingetragen: unterzeichnet 14.03.2025" in text.stdout
    assert "Ende eingetragen: 31.07.2026" in text.stdout
    assert "Vertrag entfernt" in text.stdout
    assert "Region eingetragen: Kreis Wesel" in text.stdout
    md = netz("log", "wesel", "--format", "markdown").stdout
    assert md.startswith("### Kreis Wesel (05170)")


def test_feindliche_werte_und_commits(
    netz: Any, repo: Path, daten: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Werte aus den Daten und Betreff/Autor eines Commits steuern kein Terminal und keine Markdown.

    NZ116 (Steuerzeichen im Wert) ist hier aus: geprüft wird die Ausgabe als zweite Schutzschicht."""
    import re

    from netzwerk_cli.pruefen import yamlio
    from tests.cli.test_feindliche_ausgabe import AUSZEICHNUNG, TERMINAL, _sauber

    monkeypatch.setattr(yamlio, "_UNSICHTBAR", re.compile(r"(?!)"))

    p = daten / DUISBURG
    p.write_text(
        p.read_text(encoding="utf-8") + f'ende_grund: "{TERMINAL} {AUSZEICHNUNG}"\n', encoding="utf-8"
    )
    subprocess.run(
        [
            "git",
            "-C",
            str(repo),
            "-c",
            "user.name=\x1b]0;pwned\x07 <b>",
            "commit",
            "-qam",
            "\x1b[2J ## [x](y) \u202e",
        ],
        check=True,
    )
    for fmt in ("text", "markdown", "csv", "json"):
        for befehl in (["diff", "main"], ["log", "duisburg"]):
            lauf = netz(*befehl, "--format", fmt)
            assert lauf.exit_code == 0, (befehl, lauf.stderr)
            _sauber(lauf)
    md = (
        netz("diff", "main", "--format", "markdown").stdout
        + netz("log", "duisburg", "--format", "markdown").stdout
    )
    import re

    ohne_escapes = re.sub(r"\\.", "", md)
    assert "](" not in ohne_escapes and "<script" not in ohne_escapes and "<b>" not in ohne_escapes
    assert all(
        not z.startswith("#") or z.startswith("### ") or z.startswith("#### ") for z in md.splitlines()
    )


def test_daten_unveraendert() -> None:
    """Die eingebetteten Daten bleiben, wie sie sind (die Tests arbeiten auf Kopien)."""
    assert (DATEN / DUISBURG).is_file()
