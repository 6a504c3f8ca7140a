"""Quellenobjekte in jeder Ausgabe: show zeigt die Archivkopie neben dem Original, JSON das Objekt."""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path
from typing import Any

from rich.console import Console

from netzwerk_cli.kern.quellen import Adresse, Antwort, Art, Fehlerart, Linkbericht, einordnen
from netzwerk_cli.render.quellen import linkbericht, linkbericht_daten, linkbericht_markdown
from tests.conftest import FIXTURES

ARCHIV = "https://web.archive.org/web/20240301000000/https://example.org/dueren/vertrag"


def _objekte(daten: Path) -> Path:
    ziel = daten / "vertraege" / "05358-dueren-2009-01-14.yaml"
    shutil.copy(FIXTURES / "valid" / "quelle-objekt.yaml", ziel)
    return ziel


def test_show_text_zeigt_archiv_neben_original(daten: Path, netz: Any) -> None:
    _objekte(daten)
    lauf = netz("show", "Düren")
    assert lauf.exit_code == 0, lauf.stderr
    zeilen = lauf.stdout.splitlines()
    i = next(i for i, z in enumerate(zeilen) if z.endswith("https://example.org/dueren/vertrag"))
    danach = "\n".join(zeilen[i + 1 : i + 6])
    assert ARCHIV in danach.split()  # ungebrochen, kopierbar
    assert "Archiv:" in danach
    assert "abgerufen am 01.03.2024" in danach
    assert "„Der Kreis Düren und das Land unterzeichnen" in danach


def test_show_json_gibt_das_objekt(daten: Path, netz: Any) -> None:
    _objekte(daten)
    v = netz("show", "05358", "--format", "json").json()["vertraege"][0]
    assert v["quellen"][0] == "https://example.org/dueren"  # schlichte Quelle bleibt Text
    assert v["quellen"][1] == {
        "url": "https://example.org/dueren/vertrag",
        "veroeffentlicht": None,
        "abgerufen": "2024-03-01",
        "archiv": ARCHIV,
        "zitat": "Der Kreis Düren und das Land unterzeichnen den Kooperationsvertrag: "
        "ein Netzwerk für alle Schulen.",
    }
    assert v["bildungskonferenzen"][0]["quellen"][0]["archiv"] == "https://archive.ph/abcde"


def test_markdown_csv_html_mit_objekten(daten: Path, netz: Any, tmp_path: Path) -> None:
    _objekte(daten)
    md = netz("show", "05358", "--format", "markdown").stdout
    assert f"<https://example.org/dueren/vertrag> (Archiv: <{ARCHIV}>)" in md
    csv = netz("show", "05358", "--format", "csv").stdout
    assert "https://example.org/dueren https://example.org/dueren/vertrag https://example.org" in csv
    html = tmp_path / "b.html"
    lauf = netz("report", "--html", str(html))
    assert lauf.exit_code == 0, lauf.stderr
    assert 'href="https://example.org/dueren/vertrag"' in html.read_text(encoding="utf-8")


def test_yaml_schreiben_erhaelt_quellenobjekte(daten: Path) -> None:
    """Wo netz Quellen neu schreibt (add, end, continue), bleibt ein Quellenobjekt ganz erhalten."""
    from netzwerk_cli.aendern.yamltext import region_yaml, vertrag_yaml
    from netzwerk_cli.kern.modelle import Region, Vertrag
    from netzwerk_cli.pruefen.datei import pruefe_datei

    pfad = _objekte(daten)
    v, probleme = pruefe_datei(str(pfad), pfad.read_bytes(), Vertrag, "v.yaml")
    assert v is not None and not probleme
    text = vertrag_yaml(v.modell)
    assert (
        f"  - url: https://example.org/dueren/vertrag\n    abgerufen: 2024-03-01\n    archiv: {ARCHIV}\n"
        in text
    )
    zurueck, probleme = pruefe_datei("v", text.encode(), Vertrag, "v.yaml")
    assert zurueck is not None and not probleme and zurueck.modell == v.modell
    r = Region.model_validate(
        {
            "ags": "05170",
            "name": "Wesel",
            "bezeichnung": "Kreis Wesel",
            "art": "Kreis",
            "regierungsbezirk": "Düsseldorf",
            "statistik_quelle": {"url": "https://a.de/x", "zitat": "Ein Satz: mit Doppelpunkt # und Raute"},
        }
    )
    zurueck_r, probleme = pruefe_datei("r", region_yaml(r).encode(), Region, "r.yaml")
    assert zurueck_r is not None and not probleme and zurueck_r.modell == r


def test_diff_archiv_nachgetragen_ist_nur_quelle(daten: Path) -> None:
    from netzwerk_cli.kern.modelle import Vertrag
    from netzwerk_cli.kern.vergleich import felder

    alt = Vertrag.model_validate({"region": "05358", "unterzeichnet": "2009", "quellen": ["https://a.de"]})
    neu = Vertrag.model_validate(
        {
            "region": "05358",
            "unterzeichnet": "2009",
            "quellen": [{"url": "https://a.de", "archiv": "https://ar.ch/a"}],
        }
    )
    (a,) = felder(alt, neu)
    assert a.nur_quellen
    assert a.hinzu == ("https://a.de (Archiv: https://ar.ch/a)",)
    assert a.weg == ("https://a.de",)


def _feindlich() -> Linkbericht:
    url = "https://a.de/\x1b[2J\u202e"
    datei = "vertraege/\x1b]0;x\x07.yaml"
    return Linkbericht(
        date(2026, 11, 27),
        10,
        [einordnen(Adresse(url, Art.QUELLE, (datei,)), Antwort(fehler=Fehlerart.UNGUELTIG))],
    )


def test_steuerzeichen_in_adressen_erscheinen_entschaerft() -> None:
    b = _feindlich()
    con = Console(width=80, record=True, force_terminal=False, color_system=None)
    linkbericht(b, con)
    text = con.export_text()
    assert "\x1b" not in text and "\u202e" not in text
    assert "https://a.de/\\x1b[2JU+202E" in text
    assert "vertraege/\\x1b]0;x\\x07.yaml" in text
    md = linkbericht_markdown(b)
    assert "\x1b" not in md and "\u202e" not in md and "<https://a.de" not in md  # kein Link
    from netzwerk_cli.render import json_text, umschlag

    js = json_text(umschlag("sources check", linkbericht_daten(b)))
    assert "\x1b" not in js and "\\u001b[2J\\u202e" in js
    from netzwerk_cli.render.quellen import linkbericht_csv

    tabelle = linkbericht_csv(b)
    assert "\x1b" not in tabelle and "https://a.de/\\x1b[2JU+202E" in tabelle


# --- Eine Quelle, welche Schreibweise auch immer (#19.2) --------------------------------


def _region_mit_objekt(daten: Path, feld: str) -> None:
    """Die Region Düren mit einem Quellenobjekt in ``feld`` (``quellen`` oder ``statistik_quelle``)."""
    f = daten / "regionen" / "05358-dueren.yaml"
    text = f.read_text(encoding="utf-8")
    objekt = "  url: https://example.org/dueren/statistik\n  abgerufen: 2024-03-01\n"
    if feld == "quellen":
        text += "quellen:\n  - url: https://example.org/dueren/gebiet\n    abgerufen: 2024-03-01\n"
    else:
        zeilen = [z for z in text.splitlines(keepends=True) if not z.startswith("statistik_quelle:")]
        text = "".join(zeilen) + "statistik_quelle:\n" + objekt
    f.write_text(text, encoding="utf-8")


def test_show_mit_objekt_in_den_quellen_der_region(daten: Path, netz: Any) -> None:
    """Früher Exit 3: „'Quelle' object has no attribute 'isprintable'“ (render/text.py)."""
    _region_mit_objekt(daten, "quellen")
    assert netz("validate").exit_code == 0
    lauf = netz("show", "Düren")
    assert lauf.exit_code == 0, lauf.stderr
    assert "https://example.org/dueren/gebiet" in lauf.stdout
    assert "abgerufen am 01.03.2024" in lauf.stdout


def test_status_json_mit_objekt_als_statistik_quelle(daten: Path, netz: Any) -> None:
    """Früher Exit 3: „Object of type Quelle is not JSON serializable“ (render/daten.py)."""
    _region_mit_objekt(daten, "statistik_quelle")
    assert netz("validate").exit_code == 0
    lauf = netz("status", "--format", "json")
    assert lauf.exit_code == 0, lauf.stderr
    quellen = lauf.json()["einwohner"]["quellen"]
    assert {"url": "https://example.org/dueren/statistik", "abgerufen": "2024-03-01"}.items() <= next(
        q for q in quellen if isinstance(q, dict)
    ).items()
    assert any(isinstance(q, str) and q.startswith("Statistisches Bundesamt") for q in quellen)


UMLAUT = "https://example.org/bildungsbüro"


def test_webadresse_mit_umlaut_ein_urteil_ueberall(daten: Path, netz: Any) -> None:
    """Dieselbe Adresse mit „ü“: als Text, als Objekt, bei add --source und in der Ausgabe gleich."""
    from netzwerk_cli.kern.modelle import Vertrag
    from netzwerk_cli.kern.quellen import quellen_in
    from netzwerk_cli.render.sicher import sichere_url

    f = daten / "vertraege" / "05358-dueren-2009-01-14.yaml"
    original = f.read_text(encoding="utf-8")
    urteile = []
    for eintrag in (f"  - {UMLAUT}\n", f"  - url: {UMLAUT}\n"):
        f.write_text(original.replace("quellen:\n", "quellen:\n" + eintrag, 1), encoding="utf-8")
        codes = [p["code"] for p in netz("validate", "--format", "json").json()["probleme"]]
        urteile.append(codes)
    assert urteile == [["NZ602"], ["NZ602"]]
    # beide Schreibweisen ergeben dieselbe Quelle
    a = Vertrag.model_validate({"region": "05358", "unterzeichnet": "2009", "quellen": [UMLAUT]})
    b = Vertrag.model_validate({"region": "05358", "unterzeichnet": "2009", "quellen": [{"url": UMLAUT}]})
    assert list(quellen_in(a)) == list(quellen_in(b))
    assert sichere_url(UMLAUT) is None  # kein Link in HTML/Markdown
    f.write_text(original, encoding="utf-8")
    lauf = netz("continue", "Düren", "--date", "01.01.2020", "--source", UMLAUT, "--dry-run")
    meldung = " ".join(re.sub("[│╭╮╰╯─]", " ", lauf.stderr).split())
    assert lauf.exit_code == 2 and "keine Webadresse" in meldung
    assert "%C3%BC" in meldung


def test_angekuendigte_konferenz_zaehlt_nicht_als_abgehalten(netz: Any) -> None:
    """Gelsenkirchen: September 2022 abgehalten, 17.05.2023 nur angekündigt (Audit 06.12.2026, N3)."""
    v = netz("show", "Gelsenkirchen", "--format", "json").json()["vertraege"][0]
    konferenzen = {k["datum"]["text"]: k["angekuendigt"] for k in v["bildungskonferenzen"]}
    assert konferenzen == {"2022-09": False, "2023-05-17": True}
    text = netz("show", "Gelsenkirchen").flach
    assert "17.05.2023 (angekündigt; ob sie stattfand, ist nicht belegt)" in text
    assert "keine Konferenz seit September 2022 erfasst" in text  # nicht: seit 17.05.2023
