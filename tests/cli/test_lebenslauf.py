"""netz end / continue / conference und der Lebenslauf Münsters ganz mit Befehlen."""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any

import pytest

VIERSEN = "05166-viersen-2011-09.yaml"
SOEST = "05974-soest-2008-06-23.yaml"


def _nur_neue_zeilen(vorher: str, nachher: str) -> list[str]:
    diff = list(difflib.ndiff(vorher.splitlines(keepends=True), nachher.splitlines(keepends=True)))
    assert not [z for z in diff if z.startswith("- ")], "eine vorhandene Zeile wurde geändert"
    return [z[2:] for z in diff if z.startswith("+ ")]


def test_end_macht_ungewisses_ende_genau(netz: Any, daten: Path) -> None:
    datei = daten / "vertraege" / VIERSEN
    vorher = datei.read_text(encoding="utf-8")
    lauf = netz(
        "end", "viersen", "--date", "2024-01-31", "--reason", "Kündigung", "--source", "https://x.example/v"
    )
    assert lauf.exit_code == 0, lauf.stderr
    nachher = datei.read_text(encoding="utf-8")
    a, b = vorher.splitlines(), nachher.splitlines()
    geaendert = [z for z in difflib.ndiff(a, b) if z[:2] in ("- ", "+ ")]
    assert geaendert == [
        '- endet: "frühestens 2019-08"',
        "+ endet: 2024-01-31",
        "+ ende_grund: Kündigung",
        "+ ende_quellen:",
        "+   - https://x.example/v",
    ]
    j = netz("status", "--format", "json").json()
    assert "05166" in j["fehlend"] and j["ungewiss"] == []
    assert netz("validate").exit_code == 0


def test_end_verweigert(netz: Any, daten: Path) -> None:
    vorher = (daten / "vertraege" / SOEST).read_bytes()
    assert netz("end", "soest", "--date", "2030-01-01").exit_code == 1  # Zukunft
    assert netz("end", "wesel", "--date", "2020-01-01").exit_code == 1  # kein Vertrag
    assert netz("end", "viersen", "--date", "2015-01-01").exit_code == 1  # außerhalb der Spanne
    lauf = netz("end", "viersen", "--date", "2021-07-31")  # widerspräche einem Prüfpunkt
    assert lauf.exit_code == 1 and "NZ501" in lauf.stderr
    assert (daten / "vertraege" / SOEST).read_bytes() == vorher


def test_conference_und_continue_nur_neue_zeilen(netz: Any, daten: Path) -> None:
    datei = daten / "vertraege" / SOEST
    vorher = datei.read_text(encoding="utf-8")
    assert netz("conference", "soest", "--date", "2026-10-01", "--note", "Thema Ganztag").exit_code == 0
    assert (
        netz("continue", "Kreis Soest", "--date", "2019-06-30", "--source", "https://x.example/s").exit_code
        == 0
    )
    neu = _nur_neue_zeilen(vorher, datei.read_text(encoding="utf-8"))
    assert neu == [
        "  - datum: 2019-06-30\n",
        "    quellen:\n",
        "      - https://x.example/s\n",
        "  - datum: 2026-10-01\n",  # an die Liste der Konferenzen angehängt (seit dem Audit vom 06.12.2026)
        "    bemerkung: Thema Ganztag\n",
    ]
    show = netz("show", "soest", "--format", "json").json()
    assert "2026-10-01" in [k["datum"]["text"] for k in show["vertraege"][0]["bildungskonferenzen"]]
    # doppelt eintragen geht nicht
    assert netz("conference", "soest", "--date", "2026-10-01").exit_code == 1


def test_konferenz_nie_ueberfaellig_nur_nicht_erfasst(netz: Any, daten: Path) -> None:
    """Ein fehlender Eintrag belegt keine ausgefallene Konferenz (Audit vom 28.11.2026): netz
    sagt „keine Konferenz seit … erfasst“, nie „überfällig“."""
    j = netz("status", "--format", "json").json()["bildungskonferenzen"]
    assert "ueberfaellig" not in j
    assert j["netzwerke"] == 51
    assert j["mit_angabe"] == 20 and j["ohne_angabe"] == 31  # mit den 23 des Audits vom 06.12.2026
    assert "05382" in j["zuletzt_erfasst_vor_grenze"]  # Rhein-Sieg: zuletzt erfasst 18.03.2025
    lauf = netz("status")
    assert "überfällig" not in lauf.stdout
    assert "Keine Konferenz seit dem 27.11.2025 erfasst: 20 –" in lauf.flach
    assert "Rhein-Sieg-Kreis (letzte erfasste: 18.03.2025)" in lauf.flach
    assert "für 31 ist keine Konferenz erfasst" in lauf.flach
    assert "Nicht erfasst heißt nicht „keine Konferenz“" in lauf.flach
    show = netz("show", "rhein-sieg").flach
    assert "keine Konferenz seit 18.03.2025 erfasst (nicht: keine abgehalten)" in show
    assert "überfällig" not in show
    assert netz("conference", "rhein-sieg-kreis", "--date", "2026-11-01").exit_code == 0
    j = netz("status", "--format", "json").json()["bildungskonferenzen"]
    assert "05382" not in j["zuletzt_erfasst_vor_grenze"]
    assert "keine Konferenz seit" not in netz("show", "rhein-sieg").flach


def test_konferenz_als_stichtag_vor_dem_naechsten_eintrag(netz: Any) -> None:
    """Am 01.01.2025 ist die letzte erfasste Konferenz des Rhein-Sieg-Kreises die vom 07.12.2009
    (die 14. am 18.03.2025 liegt nach dem Stichtag) – auch dann nur „nicht erfasst“."""
    show = netz("show", "rhein-sieg", "--as-of", "2025-01-01").flach
    assert "keine Konferenz seit 07.12.2009 erfasst" in show
    assert "keine Konferenz seit" not in netz("show", "rhein-sieg", "--as-of", "2025-06-01").flach


def test_dry_run_zeigt_diff(netz: Any, daten: Path) -> None:
    vorher = (daten / "vertraege" / SOEST).read_bytes()
    lauf = netz("conference", "soest", "--date", "2026-10-01", "--dry-run")
    assert lauf.exit_code == 0
    assert "+  - datum: 2026-10-01" in lauf.stdout
    assert (daten / "vertraege" / SOEST).read_bytes() == vorher


def _ohne_pruefpunkte(daten: Path) -> None:
    """Prüfpunkte weglassen: sie verbieten die Zwischenstände, die ein Test nachspielt."""
    prog = daten / "programm.yaml"
    text = prog.read_text(encoding="utf-8")
    prog.write_text(text[: text.index("pruefpunkte:")], encoding="utf-8")


def test_lebenslauf_muenster_nur_mit_befehlen(netz: Any, daten: Path) -> None:
    for f in (daten / "vertraege").glob("05515-*.yaml"):
        f.unlink()
    _ohne_pruefpunkte(daten)
    assert (
        netz(
            "add",
            "münster",
            "--date",
            "2008-06-23",
            "--start",
            "2008-08-01",
            "--source",
            "https://x.example/1",
        ).exit_code
        == 0
    )
    assert netz("end", "Stadt Münster", "--date", "2020-12-31", "--reason", "Kündigung").exit_code == 0
    assert netz("add", "05515", "--date", "2022-03-01", "--source", "https://x.example/2").exit_code == 0
    assert netz("validate").exit_code == 0

    def stand(tag: str) -> str:
        return netz("show", "muenster", "--as-of", tag, "--format", "json").json()["stand"]

    assert stand("2008-06-22") == "ohne"
    assert stand("2015-05-05") == "mit"
    assert stand("2020-12-31") == "mit"  # letzter Tag in Kraft
    assert stand("2021-01-01") == "ohne"
    assert stand("2022-03-01") == "mit"
    fehlend = netz("status", "--as-of", "2021-06-01", "--format", "json").json()["fehlend"]
    assert "05515" in fehlend
    show = netz("show", "münster", "--format", "json").json()
    assert [v["unterzeichnet"]["text"] for v in show["vertraege"]] == ["2008-06-23", "2022-03-01"]
    assert show["vertraege"][0]["endet"]["text"] == "2020-12-31"
    assert show["vertraege"][0]["ende_grund"] == "Kündigung"


@pytest.mark.parametrize(
    "boese", ["../../etc/passwd", "wesel/../../x", "05170\x00", "we\nsel", "/tmp", "..", "*"]
)
def test_pfad_einschleusen_verweigert(netz: Any, daten: Path, boese: str) -> None:
    vorher = sorted(p.name for p in daten.parent.rglob("*"))
    lauf = netz("add", boese, "--date", "2026-11-20", "--source", "https://example.org/a")
    assert lauf.exit_code in (1, 2)  # unbekannte Region: 2; Daten ungültig: 1
    assert sorted(p.name for p in daten.parent.rglob("*")) == vorher


def test_fragen_am_terminal(netz: Any, daten: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from netzwerk_cli.cli import _schreiben

    monkeypatch.setattr(_schreiben, "ist_terminal", lambda: True)
    lauf = netz("add", eingabe="wesel\n2026-11-20\nhttps://x.example/w\ny\n")
    assert lauf.exit_code == 0, lauf.stdout + lauf.stderr
    assert "Würde anlegen:" in lauf.stdout and 'region: "05170"' in lauf.stdout
    assert (daten / "vertraege" / "05170-wesel-2026-11-20.yaml").exists()


def test_fragen_abgelehnt_schreibt_nichts(netz: Any, daten: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from netzwerk_cli.cli import _schreiben

    monkeypatch.setattr(_schreiben, "ist_terminal", lambda: True)
    vorher = (daten / "vertraege" / SOEST).read_bytes()
    lauf = netz("conference", eingabe="soest\n2026-10-01\n\nn\n")
    assert lauf.exit_code == 1
    assert lauf.stderr == "Nichts gespeichert.\n"  # eine Antwort, kein Fehler: ohne „Fehler:“
    assert (daten / "vertraege" / SOEST).read_bytes() == vorher


@pytest.mark.parametrize("args", [["add"], ["add", "wesel"], ["end", "soest"], ["conference"]])
def test_ohne_terminal_fehlende_angabe_ist_aufruffehler(netz: Any, args: list[str]) -> None:
    lauf = netz(*args)
    assert lauf.exit_code == 2
    assert "fehlt" in lauf.stderr


# --- feindliche Eingaben: der Editor schreibt nie an die falsche Stelle ---------------


def _mit_zeilentrenner(daten: Path) -> Path:
    """Ein U+2028 in einem Wert vor der Liste: libyaml zählt eine Zeile mehr als der Editor."""
    datei = daten / "vertraege" / SOEST
    text = datei.read_text(encoding="utf-8")
    alt = "bemerkung: >-\n  Unbefristet; die Verträge sahen eine gemeinsame Evaluation bis 31.07.2013 vor.\n"
    assert alt in text
    datei.write_text(
        text.replace(alt, 'bemerkung: "Unbefristet;\u2028Evaluation bis 31.07.2013."\n'), "utf-8"
    )
    return datei


def test_zeilentrenner_verweigert(netz: Any, daten: Path) -> None:
    datei = _mit_zeilentrenner(daten)
    vorher = datei.read_bytes()
    lauf = netz("continue", "soest", "--date", "2026-10-01")
    assert lauf.exit_code == 1, lauf.stderr
    # schon das Lesen meldet die Datei (NZ114); der Editor verweigert zusätzlich selbst
    assert "NZ114" in lauf.stderr and "U+2028" in lauf.stderr
    assert datei.read_bytes() == vorher


def test_zuruecklesen_faengt_falsche_stelle(netz: Any, daten: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Ohne die Verweigerungen schriebe der Editor den Eintrag in eine gefaltete Bemerkung
    (gültiges YAML, falscher Inhalt); das Zurücklesen vor dem Umbenennen bemerkt es."""
    from netzwerk_cli.aendern import bearbeiten

    datei = daten / "vertraege" / SOEST
    datei.write_text(
        'region: "05974"\n'
        "unterzeichnet: 2008-06-23\n"
        "quellen:\n"
        "  - https://x.example/s\n"
        "bildungskonferenzen:\n"
        "  - datum: 2010-11-02\n"
        '    bemerkung: "erste\u2028Konferenz"\n'
        "bemerkung: >-\n"
        "  Unbefristet.\n",
        encoding="utf-8",
    )
    vorher = datei.read_bytes()
    from netzwerk_cli.pruefen import yamlio

    # beide Schutzschichten aus: der Befund NZ114 beim Lesen und die Verweigerung im Editor
    monkeypatch.setattr(yamlio, "_unicode_umbruch", lambda datei, daten: None)
    monkeypatch.setattr(bearbeiten, "_pruefe_umbrueche", lambda inhalt: None)
    lauf = netz("conference", "soest", "--date", "2026-10-01")
    assert lauf.exit_code == 1, lauf.stderr
    assert "liest sich nicht wie beabsichtigt" in lauf.stderr and "Geändert" not in lauf.stdout
    assert datei.read_bytes() == vorher


@pytest.mark.parametrize("falsch", ["inhalt", "andere_zeile"])
def test_zuruecklesen_falsche_aenderung(
    netz: Any, daten: Path, monkeypatch: pytest.MonkeyPatch, falsch: str
) -> None:
    from netzwerk_cli.aendern import lebenslauf
    from netzwerk_cli.aendern.bearbeiten import Datei

    echt = Datei.listeneintrag

    def kaputt(self: Datei, schluessel: str, eintrag: list[str]) -> None:
        if falsch == "inhalt":  # ein anderes Datum als verlangt
            eintrag = [z.replace("2026-10-01", "2026-10-02") for z in eintrag]
        echt(self, schluessel, eintrag)
        if falsch == "andere_zeile":  # eine Zeile außerhalb der Änderung, gleicher Inhalt
            self.zeilen[0] = self.zeilen[0].replace(b"# ", b"#  ")

    monkeypatch.setattr(lebenslauf.Datei, "listeneintrag", kaputt)
    datei = daten / "vertraege" / SOEST
    vorher = datei.read_bytes()
    lauf = netz("conference", "soest", "--date", "2026-10-01")
    assert lauf.exit_code == 1, lauf.stderr
    assert "nicht wie beabsichtigt" in lauf.stderr and "Nichts wurde geschrieben" in lauf.stderr
    assert datei.read_bytes() == vorher


@pytest.mark.parametrize("ende", ["\r\n", "\r"])
def test_zeilenenden_bleiben(netz: Any, daten: Path, ende: str) -> None:
    datei = daten / "vertraege" / VIERSEN
    datei.write_bytes(datei.read_bytes().replace(b"\n", ende.encode()))
    assert netz("conference", "viersen", "--date", "2023-10-01", "--note", "Thema").exit_code == 0
    assert netz("end", "viersen", "--date", "2024-01-31", "--reason", "Kündigung").exit_code == 0
    roh = datei.read_bytes()
    assert b"\n" not in roh.replace(b"\r\n", b"") if ende == "\r\n" else b"\n" not in roh
    assert f"endet: 2024-01-31{ende}ende_grund: Kündigung{ende}".encode() in roh
    assert f"  - datum: 2023-10-01{ende}    bemerkung: Thema{ende}".encode() in roh
    assert netz("validate", "--strict").exit_code == 0


def test_rechte_und_eigentuemer_bleiben(netz: Any, daten: Path) -> None:
    import os
    import stat

    datei = daten / "vertraege" / SOEST
    os.chmod(datei, 0o664)
    als_root = hasattr(os, "geteuid") and os.geteuid() == 0
    if als_root:
        os.chown(datei, 65534, 65534)  # nobody:nogroup
    vorher = datei.stat()
    assert netz("conference", "soest", "--date", "2026-10-01").exit_code == 0
    nachher = datei.stat()
    assert stat.S_IMODE(nachher.st_mode) == 0o664
    assert nachher.st_ino != vorher.st_ino  # wirklich ersetzt, nicht überschrieben
    if als_root:
        assert (nachher.st_uid, nachher.st_gid) == (65534, 65534)


def test_harte_verknuepfung_verweigert(netz: Any, daten: Path, tmp_path: Path) -> None:
    import os

    datei = daten / "vertraege" / SOEST
    os.link(datei, tmp_path / "zweiter-name.yaml")
    vorher = datei.read_bytes()
    for args in (("--dry-run",), ()):
        lauf = netz("conference", "soest", "--date", "2026-10-01", *args)
        assert lauf.exit_code == 1 and "Namen (harte Verknüpfungen)" in lauf.stderr
    assert datei.read_bytes() == vorher == (tmp_path / "zweiter-name.yaml").read_bytes()


@pytest.mark.parametrize(
    "args",
    [
        ["end", "viersen", "--date", "2024-01-31", "--reason", "Kündigung\u0085durch den Kreis"],
        ["end", "viersen", "--date", "2024-01-31", "--reason", "a\u2028b"],
        ["conference", "soest", "--date", "2026-10-01", "--note", "a\u2029b"],
        ["conference", "soest", "--date", "2026-10-01", "--note", "a\x1bb"],
        ["continue", "soest", "--date", "2026-10-01", "--note", "\u200ba"],
        ["conference", "soest", "--date", "2026-10-01", "--source", "https://x.example/\u0085"],
    ],
)
def test_unsichtbare_zeichen_sind_aufruffehler(netz: Any, daten: Path, args: list[str]) -> None:
    vorher = {p.name: p.read_bytes() for p in (daten / "vertraege").iterdir()}
    lauf = netz(*args)
    assert lauf.exit_code == 2
    option = next(a for a in args if a in ("--reason", "--note", "--source"))
    assert f"Ungültiger Wert für {option}" in lauf.stderr and "U+" in lauf.stderr
    assert {p.name: p.read_bytes() for p in (daten / "vertraege").iterdir()} == vorher


def test_text_wird_genau_gespeichert(netz: Any, daten: Path) -> None:
    """Was sichtbar ist, kommt byte-genau zurück – auch Anführungszeichen, Doppelpunkte, Emoji."""
    notiz = 'Thema: „Ganztag“ – "Schule" #1 \\n 🎓  doppelt'
    assert netz("conference", "soest", "--date", "2026-10-01", "--note", notiz).exit_code == 0
    show = netz("show", "soest", "--format", "json").json()
    assert show["vertraege"][0]["bildungskonferenzen"][-1]["bemerkung"] == notiz
