from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Any


def _hashes(ordner: Path) -> dict[str, str]:
    return {
        str(p.relative_to(ordner)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(ordner.rglob("*"))
        if p.is_file()
    }


def test_validate_eingebettete_daten(netz: Any) -> None:
    lauf = netz("validate")
    assert lauf.exit_code == 0
    # 53 heutige Regionen und 2 aufgelöste (Kreis und Stadt Aachen bis 20.10.2009)
    assert "55 Regionsdateien, 53 Vertragsdateien geprüft: 0 Fehler, 0 Warnungen" in lauf.flach
    assert "Prüfpunkte: 20 von 20 erfüllt, 2 bewusst nicht geprüft" in lauf.flach


def test_validate_json_vertrag(netz: Any) -> None:
    j = netz("validate", "--format", "json").json()
    assert j["gueltig"] is True and j["fehler"] == 0 and j["warnungen"] == 0
    assert j["dateien"] == {"regionen": 55, "vertraege": 53}  # Dateien: 53 heutige, 2 aufgelöste
    assert len(j["pruefpunkte"]) == 22
    p = j["pruefpunkte"][0]
    assert set(p) == {
        "zeile",
        "datum",
        "regierungsbezirk",
        "anzahl",
        "mindestens",
        "hoechstens",
        "regionen",
        "vollstaendig",
        "ohne",
        "quelle",
        "geprueft",
        "erfuellt",
        "sicher",
        "moeglich",
    }
    assert (p["datum"], p["mindestens"], p["hoechstens"], p["erfuellt"]) == ("2008-06-23", 17, 19, True)


def test_validate_text_zeile_je_befund(netz: Any, daten: Path, monkeypatch: Any) -> None:
    # breit genug für den langen Pfad unter pytest; schmaler bricht die Meldung nach
    # „pfad:2:1: Fehler NZ101“ um (tests/render/test_umbruch.py)
    monkeypatch.setenv("COLUMNS", "250")
    (daten / "vertraege" / "05170-wesel-2020-01-01.yaml").write_text(
        'region: "05170"\nregion: "05170"\nunterzeichnet: 2020-01-01\n', encoding="utf-8"
    )
    lauf = netz("validate")
    assert lauf.exit_code == 1
    zeilen = [z for z in lauf.stdout.splitlines() if "NZ101" in z]
    assert len(zeilen) == 1
    assert re.match(r"^\S*vertraege/05170-wesel-2020-01-01\.yaml:2:1: Fehler NZ101 ", zeilen[0])


def test_validate_github(netz: Any, daten: Path) -> None:
    (daten / "vertraege" / "05170-wesel-2020-01-01.yaml").write_text(
        'region: "05170"\nunterzeichnet: 2030-01-01\n', encoding="utf-8"
    )
    lauf = netz("validate", "--format", "github")
    assert lauf.exit_code == 1
    zeilen = lauf.stdout.splitlines()
    assert any(
        re.match(
            r"^::error file=[^,]+05170-wesel-2020-01-01\.yaml,line=2,col=1,"
            r"title=NZ302 Datum in der Zukunft::",
            z,
        )
        for z in zeilen
    )
    # ein Vertrag ohne Quelle ist ein Fehler (die Regel der Daten), Zeilenumbrüche als %0A kodiert
    assert any(z.startswith("::error ") and "NZ601" in z for z in zeilen)
    assert all("\n" not in z for z in zeilen)


def _nur_warnung(daten: Path) -> None:
    """Eine Warnung und sonst nichts: die neueste Zählung ist älter als einen Tag (NZ507)."""
    programm = daten / "programm.yaml"
    text = programm.read_text(encoding="utf-8")
    assert "pruefpunkte_hoechstalter: 3y" in text
    programm.write_text(text.replace("pruefpunkte_hoechstalter: 3y", "pruefpunkte_hoechstalter: 1d"), "utf-8")


def test_validate_github_automatisch(netz: Any, monkeypatch: Any, daten: Path) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    (daten / "vertraege" / "05170-wesel-2020-01-01.yaml").write_text('region: "05170"\n', encoding="utf-8")
    assert netz("validate").stdout.startswith("::error file=")


def test_validate_warnung_und_strict(netz: Any, daten: Path) -> None:
    _nur_warnung(daten)
    ohne = netz("validate")
    assert ohne.exit_code == 0
    # die Zusammenfassung sagt, was --strict noch bedeutet
    assert "0 Fehler, 1 Warnung (ändert den Exit-Code nur mit --strict)" in ohne.flach
    streng = netz("validate", "--strict")
    assert streng.exit_code == 1
    assert "1 Warnung (--strict: zählt wie ein Fehler)" in streng.flach


def _befehl_aus_workflow() -> list[str]:
    """Der Aufruf von netz validate im Workflow, der Pull-Requests prüft."""
    import shlex

    workflow = Path(__file__).resolve().parents[2] / ".github" / "workflows" / "validate.yml"
    zeilen = [z.strip() for z in workflow.read_text(encoding="utf-8").splitlines()]
    laeufe = [z.removeprefix("run: ") for z in zeilen if z.startswith("run: netz validate")]
    assert laeufe, "Workflow ruft netz validate nicht auf"
    teile = shlex.split(laeufe[0])
    assert teile[:2] == ["netz", "validate"]
    return teile[2:]


def _befehl_aus_readme() -> list[str]:
    readme = Path(__file__).resolve().parents[2] / "README.md"
    assert "\n$ netz validate\n" in readme.read_text(encoding="utf-8")
    return []


def test_readme_und_ci_geben_dasselbe_urteil(netz: Any, daten: Path, monkeypatch: Any) -> None:
    """Der Befehl aus dem README und der aus dem Workflow: derselbe Exit-Code auf denselben Daten –
    gültig, nur eine Warnung, ein Vertrag ohne Quelle (#21: lokal grün, CI rot)."""
    ci = _befehl_aus_workflow()
    readme = _befehl_aus_readme()

    def beide() -> tuple[int, int]:
        monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
        lokal = netz("validate", *readme).exit_code
        monkeypatch.setenv("GITHUB_ACTIONS", "true")
        entfernt = netz("validate", *ci).exit_code
        monkeypatch.delenv("GITHUB_ACTIONS")
        return lokal, entfernt

    assert beide() == (0, 0)
    _nur_warnung(daten)
    assert beide() == (0, 0)  # Warnungen lassen CI nie scheitern
    (daten / "vertraege" / "05170-wesel-2026-11-01.yaml").write_text(
        'region: "05170"\nunterzeichnet: 2026-11-01\n', encoding="utf-8"
    )
    assert beide() == (1, 1)  # ohne Quelle: ein Fehler, hier wie dort


def test_validate_region_fehlt(netz: Any, daten: Path) -> None:
    (daten / "regionen" / "05170-wesel.yaml").unlink()
    j = netz("validate", "--format", "json").json()
    assert [(p["code"], p["datei"].endswith("programm.yaml")) for p in j["probleme"]] == [("NZ403", True)]


def test_validate_programm_fehlt(netz: Any, daten: Path) -> None:
    (daten / "programm.yaml").unlink()
    j = netz("validate", "--format", "json").json()
    assert [p["code"] for p in j["probleme"]] == ["NZ406"]


def test_validate_zu_gross(netz: Any, daten: Path) -> None:
    (daten / "vertraege" / "05170-wesel-2020-01-01.yaml").write_bytes(b"# x\n" * 300_000)
    j = netz("validate", "--format", "json").json()
    assert [(p["code"], p["zeile"]) for p in j["probleme"]] == [("NZ102", 1)]


def test_validate_aendert_nichts(netz: Any, daten: Path) -> None:
    for f in (daten / "vertraege").glob("0515*.yaml"):
        f.write_bytes(f.read_bytes().replace(b"region:", b"region:\n  region:", 1))
    vorher = _hashes(daten)
    assert netz("validate").exit_code == 1
    assert _hashes(daten) == vorher


def test_validate_oktal_hinweis(netz: Any, daten: Path) -> None:
    (daten / "vertraege" / "05170-wesel-2020-01-01.yaml").write_text(
        "region: 05111\nunterzeichnet: 2020-01-01\n", encoding="utf-8"
    )
    p = netz("validate", "--format", "json").json()["probleme"][0]
    assert p["code"] == "NZ203"
    assert "als Oktalzahl (= 2633)" in p["meldung"]
    assert p["hinweis"] == "Bitte in Anführungszeichen schreiben: '05111'"


def test_kein_datenordner(netz: Any, tmp_path: Path, monkeypatch: Any) -> None:
    leer = tmp_path / "leer"
    leer.mkdir()
    lauf = netz("status", ordner=leer)
    assert lauf.exit_code == 2
    assert "kein netz-Datenordner" in lauf.flach


def test_validate_nicht_lesbar(netz: Any, daten: Path) -> None:
    (daten / "vertraege" / "05170-wesel-2020-01-01.yaml").mkdir()
    j = netz("validate", "--format", "json").json()
    assert [(p["code"], p["zeile"]) for p in j["probleme"]] == [("NZ112", 1)]


def test_validate_grenze_ohne_bemerkung_warnt(netz: Any, daten: Path) -> None:
    datei = daten / "vertraege" / "05970-siegen-wittgenstein-2010-05-06.yaml"
    text = datei.read_text(encoding="utf-8")
    datei.unlink()
    text = text.replace("unterzeichnet: 2010-05-06", 'unterzeichnet: "spätestens 2010-05-06"')
    text = text[: text.index("bemerkung:")]
    (daten / "vertraege" / "05970-siegen-wittgenstein-bis-2010-05-06.yaml").write_text(text, encoding="utf-8")
    j = netz("validate", "--format", "json").json()
    assert [(p["code"], p["zeile"], p["schwere"]) for p in j["probleme"]] == [("NZ305", 3, "warning")]
    assert netz("validate").exit_code == 0
    assert netz("validate", "--strict").exit_code == 1


def test_validate_text_mit_quelltext_und_caret(netz: Any, daten: Path, monkeypatch: Any) -> None:
    monkeypatch.setenv("COLUMNS", "250")  # der Pfad unter pytest ist lang
    (daten / "vertraege" / "05170-wesel-2020-01-01.yaml").write_text(
        'region: 05170\nunterzeichnet: 2020-01-01\nquellen: ["https://x.example"]\n', encoding="utf-8"
    )
    zeilen = netz("validate").stdout.splitlines()
    i = next(i for i, z in enumerate(zeilen) if "NZ203" in z)
    assert zeilen[i].endswith(
        ":1:9: Fehler NZ203 „region“: Schlüssel ohne Anführungszeichen – "
        "YAML liest 05170 als Oktalzahl (= 2680)"
    )
    assert zeilen[i + 1] == "     1 | region: 05170"
    assert zeilen[i + 2] == "       |         ^"
    assert zeilen[i + 3] == "    Hinweis: Bitte in Anführungszeichen schreiben: '05170'"


def test_validate_markdown(netz: Any, daten: Path) -> None:
    (daten / "vertraege" / "05170-wesel-2020-01-01.yaml").write_text(
        'region: "05170"\nunterzeichnet: 2020-01-01\nbemerkung: a | b\n', encoding="utf-8"
    )
    lauf = netz("validate", "--format", "markdown")
    assert lauf.exit_code == 1
    md = lauf.stdout
    assert md.startswith("## netz validate\n\n❌ ")
    assert "| Datei | Zeile | Schwere | Code | Meldung | Hinweis |" in md
    assert "| 1 | Fehler | NZ601 Vertrag ohne Quelle |" in md


def test_validate_markdown_gueltig(netz: Any) -> None:
    md = netz("validate", "--format", "markdown").stdout
    assert md.startswith("## netz validate\n\n✅ 55 Regionsdateien")
    assert "| Datei |" not in md


def test_validate_einzelne_dateien(netz: Any, daten: Path) -> None:
    kaputt = daten / "vertraege" / "05170-wesel-2020-01-01.yaml"
    kaputt.write_text('region: "05170"\nregion: "05170"\n', encoding="utf-8")
    andere = daten / "vertraege" / "05315-koeln-2008.yaml"
    # nur die gesunde Datei übergeben: der Befund der anderen Datei gehört nicht dazu – aber er
    # verhindert die Prüfpunkte, und das sagt validate deutlich, mit Exit 1 (pre-commit)
    lauf = netz("validate", str(andere))
    assert lauf.exit_code == 1 and "NZ101" not in lauf.stdout + lauf.stderr
    assert "Prüfpunkte nicht geprüft: 1 Fehler in anderen Dateien" in lauf.flach
    j = netz("validate", "--format", "json", str(andere)).json()
    assert (j["gueltig"], j["ausgeblendete_fehler"], j["pruefpunkte_geprueft"]) == (False, 1, False)
    kaputt.unlink()
    assert netz("validate", str(andere)).exit_code == 0  # sind die Daten heil, gibt es ✓
    kaputt.write_text('region: "05170"\nregion: "05170"\n', encoding="utf-8")
    lauf = netz("validate", "--format", "json", str(kaputt))
    assert lauf.exit_code == 1
    assert {p["code"] for p in lauf.json()["probleme"]} == {"NZ101"}


def test_validate_einzelne_datei_dateiuebergreifend(netz: Any, daten: Path) -> None:
    """Eine geänderte Datei, die eine andere ungültig macht: der Befund kommt trotzdem."""
    neu = daten / "vertraege" / "05170-wesel-2012-01-01.yaml"
    neu.write_text(
        'region: "05170"\nunterzeichnet: 2012-01-01\nquellen: ["https://x.example"]\n', encoding="utf-8"
    )
    lauf = netz("validate", "--format", "json", str(neu))
    assert lauf.exit_code == 1
    assert "NZ501" in {p["code"] for p in lauf.json()["probleme"]}  # Prüfpunkte in programm.yaml


def test_validate_pfad_ausserhalb(netz: Any, tmp_path: Path) -> None:
    fremd = tmp_path / "fremd.yaml"
    fremd.write_text("a: 1\n", encoding="utf-8")
    lauf = netz("validate", str(fremd))
    assert lauf.exit_code == 2
    assert "nicht im Datenordner" in lauf.stderr


def test_kaputte_regionsdatei_ohne_folgebefunde(netz: Any, daten: Path) -> None:
    """Eine kaputte Regionsdatei wird einmal gemeldet – nicht noch einmal je Vertrag (NZ404)."""
    f = daten / "regionen" / "05315-koeln.yaml"
    f.write_text(f.read_text(encoding="utf-8") + "name: doppelt\n", encoding="utf-8")
    j = netz("validate", "--format", "json").json()
    assert [(p["code"], p["datei"].endswith("05315-koeln.yaml")) for p in j["probleme"]] == [("NZ101", True)]


def test_deutsches_datum_in_datei_hinweis_iso(netz: Any, daten: Path) -> None:
    """Die Dateien bleiben bei JJJJ-MM-TT – aber der Hinweis nennt die Lösung gleich mit."""
    datei = daten / "vertraege" / "05170-wesel-2009-08-24.yaml"
    datei.write_text('region: "05170"\nunterzeichnet: 24.08.2009\nquellen:\n  - https://example.org/w\n')
    j = netz("validate", "--format", "json").json()
    befund = next(p for p in j["probleme"] if p["code"] == "NZ301")
    assert befund["hinweis"].startswith("Meinten Sie 2009-08-24?")


def _mechanisch(daten: Path) -> Path:
    datei = daten / "vertraege" / "05170-wesel-2026-11-20.yaml"
    datei.write_bytes(
        b"# Kreis Wesel\r\nregion: 05170\r\nunterzeichnet: 20.11.2026  # laut Presse\r\n"
        b"quellen:\r\n  - https://example.org/w\r\n"
    )
    return datei


def test_fix_trocken_zeigt_nur(netz: Any, daten: Path) -> None:
    datei = _mechanisch(daten)
    vorher = datei.read_bytes()
    lauf = netz("validate", "--fix", "--dry-run")
    assert lauf.exit_code == 1
    assert '+region: "05170"' in lauf.stderr and "+unterzeichnet: 2026-11-20  # laut Presse" in lauf.stderr
    assert datei.read_bytes() == vorher


def test_fix_schreibt_nur_die_zeichen(netz: Any, daten: Path) -> None:
    datei = _mechanisch(daten)
    lauf = netz("validate", "--fix")
    assert "Behoben: 2 Befunde in 1 Datei." in lauf.stderr
    # Kommentar, Zeilenende (CRLF) und alle anderen Zeilen bleiben
    assert datei.read_bytes() == (
        b'# Kreis Wesel\r\nregion: "05170"\r\nunterzeichnet: 2026-11-20  # laut Presse\r\n'
        b"quellen:\r\n  - https://example.org/w\r\n"
    )
    assert lauf.exit_code == 0, lauf.stdout + lauf.stderr
    assert not (daten / ".netz.lock").exists()


def test_fix_ohne_mechanisches(netz: Any) -> None:
    lauf = netz("validate", "--fix")
    assert lauf.exit_code == 0 and "Nichts mechanisch zu beheben." in lauf.stderr
