"""Das Register der Regeln: eine Tabelle, Befunde mit ihren Dateien, Behebungen als Daten."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from netzwerk_cli.aendern.reparieren import reparaturen, speichere
from netzwerk_cli.daten.laden import lade_datenbestand
from netzwerk_cli.daten.ordner import anzeigepfad
from netzwerk_cli.kern.befund import Korrektur, Problem, Schwere
from netzwerk_cli.pruefen import pruefe
from netzwerk_cli.pruefen.regeln import REGELN, Bereich, Kontext, lade, problem
from tests.gitrepo import git, ohne_globale_konfiguration, repo_anlegen

HEUTE = date(2026, 11, 27)


def _ersetze(pfad: Path, alt: str, neu: str) -> None:
    text = pfad.read_text(encoding="utf-8")
    assert alt in text
    pfad.write_text(text.replace(alt, neu, 1), encoding="utf-8")


def test_jede_regel_ein_eintrag_mit_ladbaren_pruefgaengen() -> None:
    for code, r in REGELN.items():
        assert r.code == code and r.titel and code.startswith("NZ")
        for gang in r.pruefungen:
            assert callable(lade(gang)), gang
        assert r.korrektur in (None, "ersetzen", "umbenennen")
        assert not (r.nur_fehlerfrei and r.bereich is not Bereich.PRUEFPUNKT)


def test_problem_nimmt_die_schwere_aus_dem_register_und_kennt_keine_fremden_codes() -> None:
    p = problem("a.yaml", 3, "NZ305", "m", betrifft=("b.yaml", "a.yaml", "b.yaml"))
    assert p.schwere is Schwere.WARNUNG and p.betrifft == ("b.yaml",)
    with pytest.raises(KeyError):
        problem("a.yaml", 1, "NZ999", "gibt es nicht")


def test_regel_pruefe_liefert_nur_ihre_befunde(daten: Path) -> None:
    """Eine Regel lässt sich allein fragen (so fragen die schreibenden Befehle)."""
    _ersetze(daten / "regionen/05313-aachen.yaml", "gueltig_bis: 2009-10-20", "gueltig_bis: 2008-12-31")
    k = Kontext(lade_datenbestand(daten), HEUTE)
    nz304 = list(REGELN["NZ304"].pruefe(k))
    assert len(nz304) == 2 and {p.code for p in nz304} == {"NZ304"}
    assert list(REGELN["NZ405"].pruefe(k)) == []
    # dieselben Befunde wie im ganzen Lauf
    assert sorted(nz304) == [p for p in pruefe(k.bestand, HEUTE).probleme if p.code == "NZ304"]


def test_dateiuebergreifende_befunde_nennen_ihre_dateien(daten: Path) -> None:
    _ersetze(daten / "regionen/05313-aachen.yaml", "gueltig_bis: 2009-10-20", "gueltig_bis: 2008-12-31")
    bestand = lade_datenbestand(daten)
    aachen = anzeigepfad(daten / "regionen/05313-aachen.yaml", daten)
    probleme = pruefe(bestand, HEUTE).probleme
    assert {p.code for p in probleme} == {"NZ304"}
    assert all(aachen in p.betrifft for p in probleme)
    # ein Befund, der mehrere Dateien betrifft, gehört zu einer Regel, die das sagt
    assert all(REGELN[p.code].bereich is not Bereich.DATEI for p in probleme if p.betrifft)


def test_pre_commit_zeigt_den_befund_an_der_geaenderten_datei(netz: Any, daten: Path) -> None:
    """Der Fall aus #19: gueltig_bis in regionen/05313-aachen.yaml geändert, pre-commit übergibt
    nur diese Datei – früher „0 Fehler … 1 Fehler in anderen Dateien“, jetzt der NZ304 selbst."""
    datei = daten / "regionen/05313-aachen.yaml"
    _ersetze(datei, "gueltig_bis: 2009-10-20", "gueltig_bis: 2008-12-31")
    lauf = netz("validate", str(datei))
    assert lauf.exit_code == 1
    assert "NZ304" in lauf.stdout and "in anderen Dateien" not in lauf.flach
    j = netz("validate", "--format", "json", str(datei)).json()
    assert [p["code"] for p in j["probleme"]] == ["NZ304", "NZ304"]
    assert j["ausgeblendete_fehler"] == 0
    assert {Path(p["datei"]).name for p in j["probleme"]} == {
        "05334-staedteregion-aachen.yaml",
        "05334-staedteregion-aachen-2009-01-22.yaml",
    }


def test_pre_commit_ohne_fremde_ueberschneidung(netz: Any, daten: Path) -> None:
    """Eine Überschneidung zweier anderer Verträge betrifft die übergebene Datei nicht: sie wird
    nicht gezeigt, aber gezählt (sie verhindert die Prüfpunkte, Exit 1) – und für jede der beiden
    Dateien gezeigt."""
    doppelt = daten / "vertraege/05315-koeln-2009-01-01.yaml"
    doppelt.write_text(
        'region: "05315"\nunterzeichnet: 2009-01-01\nquellen:\n  - https://example.org/k\n', encoding="utf-8"
    )
    andere = daten / "vertraege/05974-soest-2008-06-23.yaml"
    j = netz("validate", "--format", "json", str(andere)).json()
    assert (j["probleme"], j["ausgeblendete_fehler"], j["gueltig"]) == ([], 1, False)
    for f in (doppelt, daten / "vertraege/05315-koeln-2008.yaml"):
        codes = [p["code"] for p in netz("validate", "--format", "json", str(f)).json()["probleme"]]
        assert codes == ["NZ405"], f.name


def _kaputt(daten: Path) -> Path:
    datei = daten / "vertraege" / "05170-wesel-2026-11-20.yaml"
    datei.write_bytes(
        b"region: 05170\nunterzeichnet: 20.11.2026  # laut Presse\nquellen: [https://x.example]\n"
    )
    return datei


def test_fix_liest_die_korrektur_nicht_den_hinweis(daten: Path) -> None:
    """Die Behebung steht im Befund als Daten; ein anderer Hinweistext ändert nichts an ihr."""
    datei = _kaputt(daten)
    bestand = lade_datenbestand(daten)
    probleme = [p._replace(hinweis="(anders formuliert)") for p in bestand.probleme]
    assert {p.code: p.korrektur for p in probleme} == {
        "NZ203": Korrektur("ersetzen", 1, 9, "05170", '"05170"'),
        "NZ301": Korrektur("ersetzen", 2, 16, "20.11.2026", "2026-11-20"),
    }
    [r] = reparaturen(daten, probleme, bestand.inhalte)
    speichere(r)
    assert datei.read_bytes().startswith(b'region: "05170"\nunterzeichnet: 2026-11-20  # laut Presse\n')


def test_fix_ersetzt_nur_was_an_der_stelle_steht(daten: Path) -> None:
    """Mehrere Ersetzungen in einer Zeile (von rechts nach links); eine, deren alter Text nicht
    an ihrer Stelle steht oder die eine andere überlappt, bleibt liegen."""
    datei = daten / "vertraege" / "05170-wesel-2026-11-20.yaml"
    datei.write_bytes(b"bemerkung: a\tb\tc\n")
    anzeige = anzeigepfad(datei, daten)

    def befund(spalte: int, alt: str, neu: str) -> Problem:
        return Problem(anzeige, 1, spalte, "NZ105", "m", korrektur=Korrektur("ersetzen", 1, spalte, alt, neu))

    probleme = [befund(13, "\t", " "), befund(15, "\t", " "), befund(12, "x", "y"), befund(14, "b\t", "")]
    [r] = reparaturen(daten, probleme, {anzeige: datei.read_bytes()})
    assert r.nachher == b"bemerkung: a b c\n"
    assert [p.spalte for p in r.behoben] == [15, 13]


SOEST = "vertraege/05974-soest-2008-06-23.yaml"


def _falsch_benannt(daten: Path) -> Path:
    falsch = daten / "vertraege" / "05974-soest-2008.yaml"
    (daten / SOEST).rename(falsch)
    return falsch


def test_fix_benennt_um_ohne_git(netz: Any, daten: Path) -> None:
    falsch = _falsch_benannt(daten)
    lauf = netz("validate", "--fix")
    assert "Umbenennen: " in lauf.stderr and "05974-soest-2008-06-23.yaml" in lauf.stderr
    assert not falsch.exists() and (daten / SOEST).is_file()
    assert lauf.exit_code == 0, lauf.stdout + lauf.stderr


def test_fix_benennt_mit_git_mv_um(netz: Any, daten: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ohne_globale_konfiguration(monkeypatch, daten)
    falsch = _falsch_benannt(daten)
    repo_anlegen(daten)
    trocken = netz("validate", "--fix", "--dry-run")
    assert "Umbenennen: " in trocken.stderr and falsch.exists()
    assert "Würde 1 Befund beheben; nichts geschrieben." in trocken.stderr
    lauf = netz("validate", "--fix")
    assert lauf.exit_code == 0, lauf.stdout + lauf.stderr
    status = git(daten, "status", "--porcelain")
    assert status.strip() == f"R  vertraege/05974-soest-2008.yaml -> {SOEST}"


def test_fix_ueberschreibt_beim_umbenennen_nichts(daten: Path) -> None:
    """Gibt es den neuen Namen schon (inzwischen angelegt), bleibt alles, wie es ist."""
    falsch = _falsch_benannt(daten)
    bestand = lade_datenbestand(daten)
    [r] = reparaturen(daten, pruefe(bestand, HEUTE).probleme, bestand.inhalte)
    assert r.ziel is not None
    r.ziel.write_text("# fremd\n")
    from netzwerk_cli.kern.fehler import NetzFehler

    with pytest.raises(NetzFehler, match="gibt es schon"):
        speichere(r)
    assert falsch.is_file() and r.ziel.read_text() == "# fremd\n"


def test_umbenennen_nur_im_selben_ordner(daten: Path) -> None:
    datei = _kaputt(daten)
    anzeige = anzeigepfad(datei, daten)
    for neu in ("../regionen/x.yaml", anzeige.replace("vertraege/", "regionen/"), "/tmp/x.yaml"):
        p = Problem(anzeige, 1, 1, "NZ401", "m", korrektur=Korrektur("umbenennen", neu=neu))
        assert reparaturen(daten, [p], {anzeige: datei.read_bytes()}) == []


def test_gezeigte_und_ausgeblendete_fehler_in_einem_satz(netz: Any, daten: Path) -> None:
    datei = daten / "regionen/05313-aachen.yaml"
    _ersetze(datei, "gueltig_bis: 2009-10-20", "gueltig_bis: 2008-12-31")
    (daten / "vertraege/05315-koeln-2008.yaml").rename(daten / "vertraege/05315-koeln.yaml")
    lauf = netz("validate", str(datei))
    assert "Prüfpunkte erst nach Behebung der Fehler; dazu 1 Fehler in anderen Dateien" in lauf.flach


# Regeln ohne Datei im Korpus – je mit dem Grund; jede neue Regel bekommt eine Korpusdatei
# (Rezept in docs/architektur.md), sonst schlägt der Test unten fehl.
OHNE_KORPUS = {
    "NZ100": "nicht lesbar: braucht Dateirechte (tests/cli/test_validate.py)",
    "NZ102": "über 1 MiB: zu groß für den Korpus (tests/test_feindlich.py)",
    "NZ110": "übrig gebliebene Temporärdatei: ein Dateiname, kein Inhalt",
    "NZ111": "verwaiste Sperrdatei: keine YAML-Datei",
    "NZ112": "Verknüpfung, FIFO, Ordner: keine reguläre Datei",
    "NZ113": "falsche Endung oder versteckt: ein Dateiname, kein Inhalt",
    "NZ117": "über 1.000 Einträge: zu groß für den Korpus (tests/test_feindlich.py)",
    "NZ119": "Ordner mit über 100.000 Einträgen: kein Dateiinhalt (tests/daten/test_laden.py)",
    "NZ199": "über 50 Befunde in einer Datei (tests/cli/test_mutationen.py)",
    "NZ305": "Warnung: der Korpus verlangt Exit 1 (tests/cli/test_validate.py)",
    "NZ406": "programm.yaml fehlt: keine Datei",
    "NZ120": "Gemeindeliste ist CSV, der Korpus YAML (tests/cli/test_namen.py oder tests/daten)",
    "NZ601": "Vertrag ohne Quelle: tests/cli/test_validate.py und tests/cli/test_add.py",
    # die Grenzdatei ist GeoJSON, der Korpus YAML: die Fälle stehen in tests/test_feindlich.py
    "NZ701": "Grenzdatei (GeoJSON) kaputt (tests/test_feindlich.py)",
    "NZ702": "Fläche ungültig (tests/test_feindlich.py)",
    "NZ703": "Koordinate außerhalb NRWs (tests/test_feindlich.py)",
    "NZ704": "Fläche fehlt oder doppelt (tests/test_feindlich.py)",
    "NZ705": "zu viele Punkte (tests/test_feindlich.py)",
}


def test_jede_regel_hat_eine_korpusdatei_oder_einen_grund() -> None:
    import re

    from tests.conftest import FIXTURES

    im_korpus = {
        code
        for f in (FIXTURES / "invalid").glob("*.yaml")
        for code in re.findall(r"NZ\d{3}", f.read_bytes().split(b"\n", 1)[0].decode("utf-8", "replace"))
    }
    assert set(OHNE_KORPUS) <= set(REGELN)
    assert sorted(set(REGELN) - im_korpus - set(OHNE_KORPUS)) == []


def test_jeder_gemeldete_code_steht_im_register_und_umgekehrt() -> None:
    """Jeder Code, den der Quelltext meldet, ist ein Eintrag – und jeder Eintrag wird gemeldet."""
    import re

    quelle = Path(__file__).resolve().parents[2] / "src" / "netzwerk_cli"
    gemeldet = {c for f in quelle.rglob("*.py") for c in re.findall(r'"(NZ\d{3})"', f.read_text("utf-8"))}
    assert gemeldet == set(REGELN)


def test_fix_in_einer_datei_die_danach_noch_kaputt_ist(daten: Path) -> None:
    """Eine Behebung von mehreren: die Datei war unlesbar und bleibt es (der zweite Fehler ist
    keiner für --fix) – die Behebung wird trotzdem geschrieben, nichts zurückgerollt."""
    datei = daten / "vertraege" / "05170-wesel-2020-01-01.yaml"
    datei.write_bytes(b'region: "05170"\nunterzeichnet:\t2020-01-01\nquellen: [https://x.example\n')
    anzeige = anzeigepfad(datei, daten)
    tab = Problem(anzeige, 2, 15, "NZ105", "m", korrektur=Korrektur("ersetzen", 2, 15, "\t", " "))
    [r] = reparaturen(daten, [tab], {anzeige: datei.read_bytes()})
    speichere(r)
    assert datei.read_bytes() == b'region: "05170"\nunterzeichnet: 2020-01-01\nquellen: [https://x.example\n'
