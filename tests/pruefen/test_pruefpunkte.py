"""Prüfpunkte wie Saldenbehauptungen: jede Regel an kleinen Daten, dazu die Namenslisten der
eingebetteten Daten (Pressemitteilung vom 06.05.2010, Bezirksregierung Düsseldorf)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from netzwerk_cli.kern.belege import AlterFehler, Hoechstalter, dauer_deutsch, volle_monate

KOPF = """name: Test
regionen: 53
erste_vertraege: 2008-06-23
ziel:
  anzahl: 53
  bis: 2010-12-31
  quelle: quellen/pressemitteilung-2010-05-06.txt
pruefpunkte_hoechstalter: 30y
pruefpunkte:
"""


def _programm(daten: Path, punkte: str) -> None:
    (daten / "programm.yaml").write_text(KOPF + punkte, encoding="utf-8")


def _befunde(netz: Any) -> list[tuple[int, str, str]]:
    j = netz("validate", "--format", "json").json()
    return [(p["zeile"], p["code"], p["meldung"]) for p in j["probleme"]]


def test_genannte_region_muss_moeglich_sein(netz: Any, daten: Path) -> None:
    _programm(
        daten,
        "  - datum: 2010-05-05\n    regionen: ['05970']\n    aussage: x\n    quelle: https://example.org\n",
    )
    [(zeile, code, meldung)] = _befunde(netz)
    assert (zeile, code) == (10, "NZ502")
    assert "Kreis Siegen-Wittgenstein (05970)" in meldung and "am 05.05.2010" in meldung
    # einen Tag später unterschrieben: erfüllt
    _programm(
        daten,
        "  - datum: 2010-05-06\n    regionen: ['05970']\n    aussage: x\n    quelle: https://example.org\n",
    )
    assert _befunde(netz) == []


def test_genannt_in_einer_lesart_genuegt(netz: Any, daten: Path) -> None:
    """Bonn ist am 01.01.2009 nur möglich (spätestens 06.05.2010): genannt zu werden ist zulässig."""
    _programm(
        daten,
        "  - datum: 2009-01-01\n    regionen: ['05314']\n    aussage: x\n    quelle: https://example.org\n",
    )
    assert _befunde(netz) == []


def test_vollstaendige_liste_schliesst_sichere_aus(netz: Any, daten: Path) -> None:
    punkt = (
        "  - datum: 2008-06-23\n    vollstaendig: true\n    regionen: [{}]\n"
        "    aussage: x\n    quelle: https://example.org\n"
    )
    # am 23.06.2008 sicher: Rheinisch-Bergischer Kreis, Steinfurt, Unna, Soest (genauer Tag)
    _programm(daten, punkt.format("'05378', '05566', '05978'"))
    [(zeile, code, meldung)] = _befunde(netz)
    assert (zeile, code) == (10, "NZ503")
    assert "Kreis Soest (05974) hat am 23.06.2008 sicher ein Netzwerk" in meldung
    # nicht abschließend: dann zählen die anderen nicht
    _programm(daten, punkt.format("'05378', '05566', '05978'").replace("true", "false"))
    assert _befunde(netz) == []


def test_vollstaendig_heisst_genau_diese_menge(netz: Any, daten: Path) -> None:
    """Alle sicheren genannt, die ungewissen nicht: eine Lesart ohne sie gibt es."""
    _programm(
        daten,
        "  - datum: 2008-06-23\n    vollstaendig: true\n    anzahl: 4\n"
        "    regionen: ['05378', '05566', '05978', '05974']\n    aussage: x\n    quelle: https://example.org\n",
    )
    assert _befunde(netz) == []


def test_ohne_darf_nicht_sicher_sein(netz: Any, daten: Path) -> None:
    _programm(
        daten,
        "  - datum: 2012-01-18\n    ohne: ['05974', '05170']\n    aussage: x\n    quelle: https://example.org\n",
    )
    [(zeile, code, meldung)] = _befunde(netz)
    assert (zeile, code) == (10, "NZ504")
    assert "Kreis Soest (05974)" in meldung and "Wesel" not in meldung


def test_hoechstens(netz: Any, daten: Path) -> None:
    punkt = "  - datum: 2010-05-06\n    hoechstens: {}\n    aussage: x\n    quelle: https://example.org\n"
    _programm(daten, punkt.format(42))
    [(_, code, meldung)] = _befunde(netz)
    assert code == "NZ501" and "höchstens 42" in meldung
    _programm(daten, punkt.format(43))
    assert _befunde(netz) == []


def test_zugleich_an_einem_tag(netz: Any, daten: Path) -> None:
    """19 gab es 2008, Siegen-Wittgenstein erst 2010 – beides im Zeitraum, nie zugleich."""
    _programm(
        daten,
        "  - datum: zwischen 2008-06-23 und 2010-12-31\n    anzahl: 19\n    regionen: ['05970']\n"
        "    aussage: x\n    quelle: https://example.org\n",
    )
    [(_, code, _m)] = _befunde(netz)
    assert code == "NZ505"


def test_namen_heben_die_untergrenze(netz: Any, daten: Path) -> None:
    """Genannte, nur mögliche Regionen zählen mit: 43 sicher am 06.05.2010? Nein – aber mit den
    Namen der Pressemitteilung muss es eine Lesart mit genau 43 geben."""
    j = netz("validate", "--format", "json").json()
    pm = next(p for p in j["pruefpunkte"] if p["datum"] == "2010-05-06")
    assert pm["anzahl"] == 43 and len(pm["regionen"]) == 43 and pm["vollstaendig"] is True
    assert pm["erfuellt"] is True


def test_bezirk_und_ohne_der_bezirksregierung_duesseldorf(netz: Any) -> None:
    j = netz("validate", "--format", "json").json()
    brd = next(p for p in j["pruefpunkte"] if p["regierungsbezirk"] == "Düsseldorf")
    assert brd["datum"] == "frühestens 2019-07-08"  # der Vertrag von Neuss vom 08.07.2019
    assert len(brd["regionen"]) == 13 and brd["vollstaendig"] is True
    assert brd["ohne"] == ["05166", "05170"]
    assert brd["erfuellt"] is True


def test_pressemitteilung_bricht_wenn_ein_ungenannter_sicher_dabei_ist(netz: Any, daten: Path) -> None:
    """Wuppertal fehlt in der Liste vom 06.05.2010; unterschriebe es davor, bräche der Prüfpunkt."""
    alt = daten / "vertraege" / "05124-wuppertal-2010-09-01-bis-2010-12-21.yaml"
    text = alt.read_text(encoding="utf-8").replace('"zwischen 2010-09-01 und 2010-12-21"', "2010-05-03")
    alt.unlink()
    (daten / "vertraege" / "05124-wuppertal-2010-05-03.yaml").write_text(text, encoding="utf-8")
    j = netz("validate", "--format", "json").json()
    codes = [(p["code"], p["meldung"]) for p in j["probleme"]]
    assert any(c == "NZ503" and "Stadt Wuppertal (05124)" in m and "06.05.2010" in m for c, m in codes)


@pytest.mark.parametrize(
    ("punkt", "teil"),
    [
        ("    vollstaendig: true\n", "„vollstaendig: true“ ohne Liste"),
        ("    anzahl: 3\n    vollstaendig: true\n    regionen: ['05111', '05112']\n", "nennt 2"),
        ("    anzahl: 1\n    regionen: ['05111', '05112']\n", "die Liste nennt 2"),
        ("    regionen: ['05111', '05111']\n", "mehrfach"),
        ("    regionen: ['05111']\n    ohne: ['05111']\n", "in „regionen“ und in „ohne“"),
        ("    regionen: ['05999']\n", "keine bekannte Region"),
        ("    regierungsbezirk: Köln\n    ohne: ['05111']\n", "nicht im Regierungsbezirk Köln"),
        ("    mindestens: 10\n    hoechstens: 5\n", "größer als"),
        ("    anzahl: 12\n    hoechstens: 5\n", "außerhalb"),
    ],
)
def test_widerspruechlicher_pruefpunkt(netz: Any, daten: Path, punkt: str, teil: str) -> None:
    _programm(daten, "  - datum: 2010-05-06\n" + punkt + "    aussage: x\n    quelle: https://example.org\n")
    lauf = netz("validate", "--format", "json")
    j = lauf.json()
    [p] = [p for p in j["probleme"] if p["code"] != "NZ507"]  # NZ507: nichts Prüfbares mehr
    assert (p["code"], p["zeile"]) == ("NZ506", 10)
    assert teil in p["meldung"]
    assert lauf.exit_code == 1 and j["pruefpunkte"] == []  # erst nach der Korrektur geprüft


def test_widerspruch_auch_bei_fehlern_anderswo(netz: Any, daten: Path) -> None:
    """NZ506 braucht keine Rechnung: es erscheint auch, wenn eine Vertragsdatei kaputt ist."""
    _programm(
        daten,
        "  - datum: 2010-05-06\n    vollstaendig: true\n    aussage: x\n    quelle: https://example.org\n",
    )
    (daten / "vertraege" / "05970-siegen-wittgenstein-2010-05-06.yaml").write_text("region: [\n", "utf-8")
    codes = {p["code"] for p in netz("validate", "--format", "json").json()["probleme"]}
    assert {"NZ105", "NZ506"} <= codes


# --- Alter der Belege (NZ507, wie hledgers check recentassertions) -----------------------


def test_belege_alt_ist_nur_eine_warnung(netz: Any) -> None:
    lauf = netz("validate", "--max-alter", "2y", "--format", "json")
    assert lauf.exit_code == 0
    [p] = lauf.json()["probleme"]
    assert (p["code"], p["schwere"]) == ("NZ507", "warning")
    assert "10.04.2024" in p["meldung"] and "älter als 2 Jahre" in p["meldung"]
    assert netz("validate", "--max-alter", "2y", "--strict").exit_code == 1
    assert netz("validate", "--max-alter", "3 Jahre", "--strict").exit_code == 0
    # HEUTE ist der 27.11.2026: 32 Monate zurück ist der 27.03.2024, 31 Monate der 27.04.2024
    assert netz("validate", "--max-alter", "32m", "--strict").exit_code == 0
    assert netz("validate", "--max-alter", "31m", "--strict").exit_code == 1


def test_belege_alter_aus_programm(netz: Any, daten: Path) -> None:
    p = daten / "programm.yaml"
    p.write_text(
        p.read_text("utf-8").replace("pruefpunkte_hoechstalter: 3y", "pruefpunkte_hoechstalter: 600 Tage"),
        "utf-8",
    )
    codes = [x["code"] for x in netz("validate", "--format", "json").json()["probleme"]]
    assert codes == ["NZ507"]
    # die Kommandozeile geht vor
    assert netz("validate", "--max-alter", "3y", "--strict").exit_code == 0


def test_belege_altern_mit_der_zeit(netz: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """Vorgabe drei Jahre: ab dem 11.04.2027 ist die Zählung vom 10.04.2024 zu alt."""
    monkeypatch.setenv("NETZ_HEUTE", "2027-04-10")
    assert netz("validate", "--strict").exit_code == 0
    monkeypatch.setenv("NETZ_HEUTE", "2027-04-11")
    lauf = netz("validate")
    assert lauf.exit_code == 0 and "NZ507" in lauf.stdout


def test_max_alter_tippfehler(netz: Any) -> None:
    lauf = netz("validate", "--max-alter", "3 Jahrzehnte")
    assert lauf.exit_code == 2
    assert "kein Höchstalter" in lauf.flach


def test_hoechstalter_lesen() -> None:
    from datetime import date

    assert Hoechstalter.lies("3y").grenze(date(2026, 11, 28)) == date(2023, 11, 28)
    assert Hoechstalter.lies("18 Monate").grenze(date(2026, 8, 31)) == date(2025, 2, 28)
    assert Hoechstalter.lies("90d").grenze(date(2026, 11, 28)) == date(2026, 8, 30)
    assert Hoechstalter.lies("1 Jahr").deutsch() == "1 Jahr"
    with pytest.raises(AlterFehler):
        Hoechstalter.lies("0y")
    assert volle_monate(date(2024, 4, 10), date(2026, 11, 28)) == 31
    assert volle_monate(date(2024, 4, 10), date(2026, 11, 9)) == 30
    assert dauer_deutsch(31) == "2 Jahre und 7 Monate"
    assert dauer_deutsch(13) == "1 Jahr und 1 Monat"
    assert dauer_deutsch(0) == "weniger als 1 Monat"


def test_liste_vor_der_bildung_einer_region(netz: Any, daten: Path) -> None:
    """Am 23.06.2008 gab es die StädteRegion Aachen noch nicht: eine vollständige Liste muss sie
    nicht nennen, und nennt sie sie, kann sie dort kein Netzwerk haben (NZ502, kein Absturz)."""
    punkt = (
        "  - datum: 2008-06-23\n    vollstaendig: true\n    regionen: [{}]\n"
        "    aussage: x\n    quelle: https://example.org\n"
    )
    _programm(daten, punkt.format("'05378', '05566', '05978', '05974'"))
    assert _befunde(netz) == []
    _programm(daten, punkt.format("'05378', '05566', '05978', '05974', '05334'"))
    [(_, code, meldung)] = _befunde(netz)
    assert code == "NZ502" and "StädteRegion Aachen" in meldung
