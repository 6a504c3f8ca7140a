"""Die Tatsachen des Audits vom 28.11.2026, je an ihrem Datum geprüft, und der Datenstand."""

from __future__ import annotations

from typing import Any

import pytest


def _stand(netz: Any, region: str, tag: str) -> str:
    lauf = netz("show", region, "--as-of", tag, "--format", "json")
    assert lauf.exit_code == 0, lauf.stderr
    return str(lauf.json()["stand"])


@pytest.mark.parametrize(
    ("region", "tag", "stand"),
    [
        # Euskirchen: Zustimmung des Kreisausschusses 20.05.2009, in der Liste vom 06.05.2010
        ("euskirchen", "2009-05-19", "ohne"),
        ("euskirchen", "2009-05-20", "ungewiss"),
        ("euskirchen", "2010-05-05", "ungewiss"),
        ("euskirchen", "2010-05-06", "mit"),
        # Rhein-Sieg: erste Bildungskonferenz am 07.12.2009, ausgerichtet vom Lenkungskreis
        ("rhein-sieg", "2009-12-06", "ungewiss"),
        ("rhein-sieg", "2009-12-07", "mit"),
        # Wuppertal: „im Herbst“ 2010 – 01.09. bis 21.12.2010
        ("wuppertal", "2010-08-31", "ohne"),
        ("wuppertal", "2010-09-01", "ungewiss"),
        ("wuppertal", "2010-12-20", "ungewiss"),
        ("wuppertal", "2010-12-21", "mit"),
        # Paderborn: „im Frühjahr 2009“ – 01.03. bis 21.06.2009
        ("paderborn", "2009-02-28", "ohne"),
        ("paderborn", "2009-03-01", "ungewiss"),
        ("paderborn", "2009-06-21", "mit"),
        # Münster: Ende als Deutung zwischen August 2019 und 2022, Wiederaufnahme 2022
        ("münster", "2019-07-31", "mit"),
        ("münster", "2020-06-01", "ungewiss"),
        ("münster", "2023-01-01", "mit"),
    ],
)
def test_tatsache_am_tag(netz: Any, region: str, tag: str, stand: str) -> None:
    assert _stand(netz, region, tag) == stand


def test_muenster_ende_ist_gedeutet(netz: Any) -> None:
    text = netz("show", "münster").flach
    assert "Deutung, kein Beleg" in text and "Wiederaufnahme des Vertrags" in text
    assert "Kreis Wesel nie beitrat" in text


def test_heinsberg_bemerkung_hat_quelle(netz: Any) -> None:
    j = netz("show", "heinsberg", "--format", "json").json()
    [v] = j["vertraege"]
    assert (
        "https://www.aachener-zeitung.de/allgemeines/vorerst-kein-regionales-bildungsnetzwerk-im-kreis-heinsberg_aid-27376263"
        in v["quellen"]
    )
    assert "abzusehen" in v["bemerkung"]


@pytest.mark.parametrize(
    ("region", "datum", "quelle"),
    [
        (
            "rhein-sieg",
            "2025-03-18",
            "https://www.rhein-sieg-kreis.de/wirtschaft-bildung/aus-und-weiterbildung/bildungskonferenz.php",
        ),
        (
            "bielefeld",
            "2015-12-02",
            "http://www.bielefeld.de/de/rv/ds_stadtverwaltung/asch/bib/bik/2015a.html",
        ),
        ("bielefeld", "2023", "https://bildung-in-bielefeld.de/thema-bildungskonferenz-2023"),
        ("oberhausen", "2014-12", "http://o-visionen.de/rss/2014/2014120102.htm"),
        (
            "recklinghausen",
            "2025-07-01",
            "https://www.regiobildung.de/service/news-veranstaltungen/detail/972025-ein-tag-im-zeichen-der-demokratie",
        ),
        (
            "rheinisch-bergisch",
            "2024-04",
            "https://rp-online.de/nrw/staedte/bergisch-gladbach/bildungskonferenz-rhein-berg-kam-zum-sechsten-mal-zusammen_aid-110018531",
        ),
        ("viersen", "2013-06", "http://presse-service.de/data.aspx/static/854797.html"),
    ],
)
def test_konferenz_mit_quelle(netz: Any, region: str, datum: str, quelle: str) -> None:
    j = netz("show", region, "--format", "json").json()
    konferenzen = [k for v in j["vertraege"] for k in v["bildungskonferenzen"]]
    # eine Quelle mit Erscheinungsdatum ist im JSON ein Objekt, eine ohne ein Text
    adressen = [[q if isinstance(q, str) else q["url"] for q in k["quellen"]] for k in konferenzen]
    paare = zip(konferenzen, adressen, strict=True)
    assert any(k["datum"]["text"] == datum and quelle in a for k, a in paare)


@pytest.mark.parametrize(
    ("region", "tag"),
    [
        ("bielefeld", "2016-06-01"),  # 02.12.2015 liegt keine 12 Monate zurück
        ("oberhausen", "2015-06-01"),
        ("rheinisch-bergisch", "2025-04-01"),
        ("recklinghausen", "2026-06-30"),
    ],
)
def test_konferenz_im_letzten_jahr_erfasst(netz: Any, region: str, tag: str) -> None:
    assert "keine Konferenz seit" not in netz("show", region, "--as-of", tag).flach


def test_nirgends_ueberfaellig(netz: Any) -> None:
    for befehl in (["status"], ["status", "--as-of", "2015-01-01"], ["show", "oberhausen"], ["list"]):
        lauf = netz(*befehl)
        assert "überfällig" not in lauf.stdout, befehl


def test_status_sagt_wie_alt_die_belege_sind(netz: Any) -> None:
    text = netz("status").flach
    assert "Datenstand: mit den Quellen abgeglichen am 06.12.2026." in text
    assert "Neueste landesweite Zählung: 51 am 10.04.2024, 2 Jahre und 7 Monate vor dem Stichtag." in text


def test_status_vor_der_neuesten_zaehlung_ohne_alter(netz: Any) -> None:
    text = netz("status", "--as-of", "2024-04-10").flach
    assert "Neueste landesweite Zählung: 51 am 10.04.2024." in text
    assert "vor dem Stichtag" not in text


def test_datenstand_ohne_angabe(netz: Any, daten: Any) -> None:
    """Ohne geprueft_am sagt status nichts über den Abgleich – erfindet aber keinen."""
    p = daten / "programm.yaml"
    text = p.read_text("utf-8")
    text = text.replace("geprueft_am: 2026-12-06\n", "")
    p.write_text(text, "utf-8")
    lauf = netz("status")
    assert "Datenstand" not in lauf.flach and "Neueste landesweite Zählung: 51" in lauf.flach
    assert netz("status", "--format", "json").json()["datenstand"]["geprueft_am"] is None
