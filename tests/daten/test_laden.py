"""Ein Lader für Platte und git: dieselben Befunde für denselben Inhalt, gleich woher er kommt,
und ein git-Baum wird nur so tief gelesen, wie netz ihn braucht."""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from netzwerk_cli.daten import git as netzgit
from netzwerk_cli.daten.baum import MAX_EINTRAEGE
from netzwerk_cli.daten.laden import lade_datenbestand
from netzwerk_cli.kern.befund import Problem
from netzwerk_cli.pruefen import pruefe
from tests.gitrepo import einchecken, git, ohne_globale_konfiguration, repo_anlegen
from tests.pruefen.test_korpus import KAPUTT, _kopf

HEUTE = date(2026, 11, 28)


def _befunde(quelle: object) -> list[Problem]:
    return pruefe(lade_datenbestand(quelle), HEUTE).probleme  # type: ignore[arg-type]


@pytest.fixture
def repo(tmp_path: Path, daten: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Ein Repository um die Kopie der Daten (daten liegt in tmp_path/…/data)."""
    oben = daten.parent
    ohne_globale_konfiguration(monkeypatch, oben)
    monkeypatch.chdir(oben)
    repo_anlegen(oben)
    return oben


def _revision(daten: Path, kennung: str = "HEAD") -> netzgit.Revision:
    r = netzgit.repo_fuer(daten)
    return netzgit.Revision(r, netzgit.commit(r, kennung))


# je Korpusdatei ein Commit und zwei ganze Ladeläufe: langsam, .ci/run (-m slow) und make test-hostile
# führen ihn aus; test_feindlicher_baum_auf_platte_und_in_git_gleich bleibt in make test
@pytest.mark.slow
def test_korpus_auf_platte_und_in_git_gleich(repo: Path, daten: Path) -> None:
    """Jede kaputte Datei des Korpus: dieselben Befunde (Datei, Zeile, Spalte, Code, Meldung)
    von der Platte wie aus dem Commit, der genau diesen Stand enthält."""
    original = {f: (daten / _kopf(f)[0]).read_bytes() for f in KAPUTT if (daten / _kopf(f)[0]).exists()}
    verglichen = 0
    for fixture in KAPUTT:
        ziel = daten / _kopf(fixture)[0]
        ziel.write_bytes(fixture.read_bytes())
        einchecken(repo, fixture.stem)
        platte = _befunde(daten)
        aus_git = _befunde(_revision(daten))
        assert platte == aus_git, fixture.name
        assert any(p.ist_fehler for p in platte), fixture.name
        verglichen += 1
        if fixture in original:
            ziel.write_bytes(original[fixture])
        else:
            ziel.unlink()
    assert verglichen == len(KAPUTT) >= 30


def _feindlicher_baum(daten: Path, geheim: Path) -> None:
    """Was git so gut speichern kann wie die Platte: Verknüpfungen (auch auf Ordner),
    Unterordner, Temporärdateien, fremde Dateien in geo/ und quellen/."""
    (daten / "regionen" / "05999-x.yaml").symlink_to(geheim)
    (daten / "regionen" / "unter.yaml").mkdir()
    (daten / "regionen" / "unter.yaml" / "05999-y.yaml").write_text("ags: 1\n", encoding="utf-8")
    (daten / "vertraege" / ".netz-abc.tmp").write_text("x", encoding="utf-8")
    (daten / "vertraege" / "05170-wesel.yml").write_text("x: 1\n", encoding="utf-8")
    (daten / "geo" / "bild.png").write_bytes(b"\x89PNG")
    (daten / "quellen" / "verweis.txt").symlink_to(geheim)
    (daten / "quellen" / "unter").mkdir()
    (daten / "quellen" / "unter" / "a.txt").write_text("a", encoding="utf-8")
    (daten / "nebenan").symlink_to(geheim.parent, target_is_directory=True)


def test_feindlicher_baum_auf_platte_und_in_git_gleich(repo: Path, daten: Path, tmp_path: Path) -> None:
    geheim = tmp_path / "draussen" / "geheim.txt"
    geheim.parent.mkdir()
    geheim.write_text("GEHEIM\n", encoding="utf-8")
    _feindlicher_baum(daten, geheim)
    einchecken(repo, "feindlich")
    platte = _befunde(daten)
    assert platte == _befunde(_revision(daten))
    codes = {(os.path.relpath(p.datei, "data"), p.code) for p in platte}
    assert {
        ("regionen/05999-x.yaml", "NZ112"),
        ("regionen/unter.yaml", "NZ112"),
        ("vertraege/.netz-abc.tmp", "NZ110"),
        ("vertraege/05170-wesel.yml", "NZ113"),
        ("geo/bild.png", "NZ113"),
        ("quellen/verweis.txt", "NZ112"),
        ("quellen/unter", "NZ112"),
        ("nebenan", "NZ112"),
    } <= codes


@pytest.mark.parametrize("ordner", ["geo", "quellen", "regionen", "vertraege"])
def test_verknuepfter_ordner_auf_platte_und_in_git(
    repo: Path, daten: Path, tmp_path: Path, ordner: str
) -> None:
    """data/geo als Verknüpfung auf einen Ordner draußen: ein Befund, nichts wird durch sie
    gelesen – auch nicht die Grenzdatei, die dort liegt."""
    draussen = tmp_path / "draussen"
    shutil.move(daten / ordner, draussen)
    (daten / ordner).symlink_to(draussen, target_is_directory=True)
    einchecken(repo, "verknüpft")
    for quelle in (daten, _revision(daten)):
        bestand = lade_datenbestand(quelle)  # type: ignore[arg-type]
        assert [p.code for p in bestand.probleme if p.datei.endswith(ordner)] == ["NZ112"]
        assert not any(p.startswith(f"{ordner}/") for p in bestand.quellen)
        if ordner == "geo":
            assert bestand.grenzen is None
        if ordner in ("regionen", "vertraege"):
            assert ordner in bestand.unvollstaendig and bestand.dateien[ordner] == 0


def _objekt(repo: Path, art: str, eingabe: bytes) -> str:
    return (
        subprocess.run(
            ["git", "-C", str(repo), "hash-object", "-w", "-t", art, "--stdin"],
            input=eingabe,
            capture_output=True,
            check=True,
        )
        .stdout.decode()
        .strip()
    )


def _baum(repo: Path, eintraege: list[tuple[str, str, str]]) -> str:
    text = "".join(
        f"{modus} {'tree' if modus == '040000' else 'blob'} {o}\t{n}\n" for modus, o, n in eintraege
    )
    return (
        subprocess.run(
            ["git", "-C", str(repo), "mktree"], input=text.encode(), capture_output=True, check=True
        )
        .stdout.decode()
        .strip()
    )


def _ersetze(repo: Path, baum: str, teile: list[str], objekt: str) -> str:
    """Derselbe Baum, mit dem Unterbaum ``objekt`` am Pfad ``teile`` (ohne Checkout, ohne Index)."""
    eintraege = {}
    for z in git(repo, "ls-tree", baum).splitlines():
        kopf, name = z.split("\t", 1)
        modus, _, o = kopf.split()
        eintraege[name] = (modus, o)
    if len(teile) > 1:
        objekt = _ersetze(repo, eintraege[teile[0]][1], teile[1:], objekt)
    eintraege[teile[0]] = ("040000", objekt)
    return _baum(repo, [(m, o, n) for n, (m, o) in eintraege.items()])


def _bombe(repo: Path, ebenen: int) -> str:
    """Ein Baum mit 2**ebenen Pfaden aus ebenen + 1 Objekten: derselbe Unterbaum zweimal je Ebene."""
    blob = _objekt(repo, "blob", b"x\n")
    t = _baum(repo, [("100644", blob, "a.yaml"), ("100644", blob, "b.yaml")])
    for _ in range(ebenen - 1):
        t = _baum(repo, [("040000", t, "a"), ("040000", t, "b")])
    return t


def _commit_mit_bombe(repo: Path, ort: str, ebenen: int = 20) -> str:
    """HEAD plus die Bombe unter data/<ort> – als neuer Commit auf main."""
    wurzel = _ersetze(
        repo, git(repo, "rev-parse", "HEAD^{tree}").strip(), ["data", *ort.split("/")], _bombe(repo, ebenen)
    )
    kennung = git(repo, "commit-tree", wurzel, "-p", "HEAD", "-m", "Bombe").strip()
    git(repo, "update-ref", "refs/heads/main", kennung)
    return kennung


@pytest.mark.parametrize("ort", ["bombe", "regionen/bombe", "geo/bombe", "quellen/bombe"])
def test_baum_mit_einer_million_pfaden_wird_nicht_durchlaufen(repo: Path, daten: Path, ort: str) -> None:
    """2**20 Pfade unter data/ aus wenigen KiB Objekten: netz liest nur die zwei Ebenen, die es
    braucht – gezählt an den Einträgen, die git ls-tree liefert."""
    _commit_mit_bombe(repo, ort)
    rev = _revision(daten)
    bestand = lade_datenbestand(rev)
    assert rev.gelesene_eintraege < 200  # 55 Regionen, 53 Verträge, geo/, quellen/, die Wurzel
    eintrag = f"data/{ort}"
    assert [p.code for p in bestand.probleme if p.datei == eintrag] == (
        [] if ort == "bombe" else ["NZ113" if ort.startswith("regionen") else "NZ112"]
    )


def test_validate_rev_diff_log_mit_bombe(repo: Path, daten: Path, netz: object) -> None:
    """Die drei Befehle, die Revisionen lesen, mit einer Bombe unter data/regionen/ (dort, wo
    git log nach der Region sucht): Befund bzw. Ergebnis, kein Durchlaufen (make test-hostile
    lässt das unter ulimit -v laufen)."""
    _commit_mit_bombe(repo, "regionen/05170-bombe", ebenen=16)
    lauf = netz("validate", "--rev", "HEAD", "--format", "json")  # type: ignore[operator]
    assert lauf.exit_code == 1
    assert [p["code"] for p in lauf.json()["probleme"] if p["datei"].endswith("05170-bombe")] == ["NZ113"]
    assert netz("diff", "HEAD~1", "HEAD").exit_code in (0, 1)  # type: ignore[operator]
    assert netz("log", "wesel").exit_code == 0  # type: ignore[operator]


def test_ordner_mit_zu_vielen_eintraegen(repo: Path, daten: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Die Grenze je Ordner gilt auf der Platte und in git gleich (hier verkleinert)."""
    from netzwerk_cli.daten import baum, laden

    grenze = 60
    assert grenze < MAX_EINTRAEGE
    monkeypatch.setattr(baum, "MAX_EINTRAEGE", grenze)
    monkeypatch.setattr(laden, "MAX_EINTRAEGE", grenze)
    monkeypatch.setattr(netzgit, "MAX_EINTRAEGE", grenze)
    for i in range(grenze):
        (daten / "quellen" / f"q{i:03}.txt").write_text("x", encoding="utf-8")
    einchecken(repo, "viele")
    for quelle in (daten, _revision(daten)):
        bestand = lade_datenbestand(quelle)  # type: ignore[arg-type]
        assert [p.code for p in bestand.probleme if p.datei.endswith("quellen")] == ["NZ119"]
        assert bestand.quellen == frozenset()
        assert not any(p.datei.endswith("regionen") for p in bestand.probleme)  # 55 < 60
