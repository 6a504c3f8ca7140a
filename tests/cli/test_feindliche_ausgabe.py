"""Feindliche Werte aus Datendateien erreichen kein Terminal, keine Step-Summary, keine
Tabellenkalkulation und kein HTML mit Wirkung – für jeden lesenden Befehl und jedes Format.

Die Werte kommen so in die Dateien, wie ein Angreifer sie in einen Pull-Request schriebe:
als YAML-Escapes in doppelten Anführungszeichen ("\\e", "\\a", "\\u202e"), die libyaml
zu echten Steuerzeichen macht.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest

from netzwerk_cli.pruefen import quellen as pruefen_quellen
from netzwerk_cli.pruefen import yamlio

VERTRAG = "vertraege/05111-duesseldorf-2009-08-24.yaml"
REGION = "regionen/05111-duesseldorf.yaml"

# Titel setzen, Bildschirm löschen, ein falsches „✓ … 0 Fehler“ zeichnen, Text umdrehen
TERMINAL = r"\e]0;pwned\a\e[2J\e[32m✓ 0 Fehler\u202e\u2066\x85\u2028\x9b31m"
# Markdown, HTML und Formel in einem Wert
AUSZEICHNUNG = (
    r"## ✅ Alle Prüfungen bestanden – [Details](https://example.org) <script>alert(1)</script> | x"
)
FORMEL = r"=HYPERLINK(\"https://example.org\",\"klick\")"


def _unsicher(text: str) -> list[str]:
    """Zeichen, die ein Terminal steuern oder Text umdrehen (außer netz' eigenem Zeilenende)."""
    return [
        z
        for z in text
        if z != "\n" and (unicodedata.category(z) in ("Cc", "Cf", "Zl", "Zp") or z in "\u2028\u2029\x85")
    ]


def _anhaengen(daten: Path, datei: str, *zeilen: str) -> None:
    p = daten / datei
    p.write_text(p.read_text(encoding="utf-8") + "".join(z + "\n" for z in zeilen), encoding="utf-8")


@pytest.fixture
def feindlich(daten: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Gültige Daten mit feindlichen Werten in jedem freien Textfeld, das die Befehle zeigen.

    Seit NZ116 weist validate Steuer- und Formatzeichen in Werten ab; hier ist diese Prüfung
    aus, damit die Ausgabe als zweite Schutzschicht für sich allein geprüft wird – ebenso die
    Regel für Webadressen (NZ602) beim Prüfen; die Ausgabe selbst wendet sie weiter an."""
    monkeypatch.setattr(yamlio, "_UNSICHTBAR", re.compile(r"(?!)"))
    monkeypatch.setattr(pruefen_quellen, "ist_webadresse", lambda _text: True)
    _anhaengen(
        daten,
        VERTRAG,
        f'bemerkung: "{TERMINAL} {AUSZEICHNUNG}"',
        f'ende_grund: "{FORMEL}"',
        "bildungsbuero:",
        f'  name: "{TERMINAL}"',
        f'  web: "{AUSZEICHNUNG}"',
        "fortsetzungen:",
        "  - datum: 2015-01-01",
        f'    bemerkung: "{FORMEL}"',
    )
    p = daten / VERTRAG
    text = p.read_text(encoding="utf-8")
    # eine Quelle, die wie ein Link aussieht und das Attribut verlässt
    text = text.replace(
        "quellen:\n",
        'quellen:\n  - "https://example.org/\\"onmouseover=\\"alert(1)"\n'
        '  - "https://example.org/[Details](https://example.org)<script>alert(1)</script>"\n'
        '  - "https://example.org/\\e]0;pwned\\a\\e[2J\\u202e\\u2066"\n',
        1,
    )
    p.write_text(text, encoding="utf-8")
    r = daten / REGION
    r.write_text(
        r.read_text(encoding="utf-8").replace(
            "bezeichnung: Stadt Düsseldorf", f'bezeichnung: "{FORMEL}{TERMINAL}"'
        ),
        encoding="utf-8",
    )
    return daten


def _sauber(lauf: Any) -> None:
    for strom in (lauf.stdout, lauf.stderr):
        assert not _unsicher(strom), [f"U+{ord(z):04X}" for z in _unsicher(strom)]


@pytest.mark.parametrize(
    "befehl",
    [
        ["show", "05111"],
        ["show", "05111", "--format", "markdown"],
        ["show", "05111", "--format", "csv"],
        ["show", "05111", "--format", "json"],
        ["list", "--format", "json"],
        ["validate", "--format", "json"],
        ["list"],
        ["list", "--format", "markdown"],
        ["list", "--format", "csv"],
        ["missing", "--as-of", "2009-01-01"],
        ["missing", "--as-of", "2009-01-01", "--format", "markdown"],
        ["status"],
        ["status", "--format", "markdown"],
        ["status", "--format", "csv"],
        ["map"],
        ["validate"],
        ["validate", "--format", "markdown"],
        ["validate", "--format", "github"],
        ["validate", "--format", "csv"],
    ],
)
def test_keine_steuerzeichen_in_der_ausgabe(netz: Any, feindlich: Path, befehl: list[str]) -> None:
    lauf = netz(*befehl)
    assert lauf.exit_code == 0, lauf.stderr
    _sauber(lauf)


def test_show_zeigt_die_steuerzeichen_sichtbar(netz: Any, feindlich: Path) -> None:
    aus = netz("show", "05111").stdout
    assert "\\x1b]0;pwned\\x07\\x1b[2J" in aus
    assert "U+202E" in aus and "U+2066" in aus and "\\x85" in aus and "U+2028" in aus


def test_text_zeile_beginnt_nie_mit_daten(netz: Any, feindlich: Path) -> None:
    """Ein Umbruch in den Daten könnte sonst eine eigene Zeile wie „✓ … 0 Fehler“ beginnen."""
    for befehl in (["show", "05111"], ["validate"], ["list"]):
        lauf = netz(*befehl)
        for zeile in (lauf.stdout + lauf.stderr).splitlines():
            assert not zeile.lstrip().startswith("✓ 0 Fehler"), zeile


def test_validate_befund_mit_feindlichem_dateinamen(netz: Any, daten: Path) -> None:
    """Auch Dateinamen sind Daten: ein Name mit ESC erscheint im Befund sichtbar."""
    (daten / "regionen" / "x\x1b[2J\x1b]0;pwned\x07\u202e.yaml").write_text("ags: 1\n", encoding="utf-8")
    for fmt in ("text", "markdown", "github", "csv"):
        lauf = netz("validate", "--format", fmt)
        assert lauf.exit_code == 1
        _sauber(lauf)
        assert "x\\x1b[2J" in lauf.stdout + lauf.stderr, fmt


def test_validate_befund_zitiert_feindlichen_wert(netz: Any, daten: Path) -> None:
    """Eine ungültige Art wird im Befund zitiert – sichtbar, nicht wirksam."""
    r = daten / REGION
    r.write_text(
        r.read_text(encoding="utf-8").replace("art: kreisfreie Stadt", f'art: "{TERMINAL} {AUSZEICHNUNG}"'),
        encoding="utf-8",
    )
    _anhaengen(daten, VERTRAG, f'"{TERMINAL}[x](https://example.org)": 1')
    for fmt in ("text", "markdown", "github", "csv"):
        lauf = netz("validate", "--format", fmt)
        assert lauf.exit_code == 1
        _sauber(lauf)
    md = netz("validate", "--format", "markdown").stdout
    _markdown_ohne_auszeichnung_aus_daten(md)


def _markdown_ohne_auszeichnung_aus_daten(md: str) -> None:
    zeilen = md.splitlines()
    # Überschriften nur die eigene
    assert [z for z in zeilen if z.lstrip().startswith("#")] == ["## netz validate"]
    # kein Link, kein Bild, kein HTML aus den Daten: jedes [ ] < steht hinter einem Backslash
    ohne_escapes = re.sub(r"\\.", "", md)
    assert "](" not in ohne_escapes
    assert "<script" not in ohne_escapes.lower()
    for zeile in zeilen:
        if zeile.startswith("|"):
            # jede Tabellenzeile hat so viele Zellen wie die Kopfzeile: kein | aus den Daten
            assert re.sub(r"\\.", "", zeile).count("|") == re.sub(r"\\.", "", zeilen[4]).count("|")


def test_markdown_aus_feindlichen_daten(netz: Any, feindlich: Path) -> None:
    for befehl in (["show", "05111"], ["list"], ["status"]):
        md = netz(*befehl, "--format", "markdown").stdout
        assert not [z for z in md.splitlines() if z.startswith("#") and "Alle Prüfungen" in z]
        ohne_escapes = re.sub(r"\\.", "", md)
        assert "[Details](" not in ohne_escapes, befehl
        assert "<script" not in ohne_escapes.lower(), befehl
        for zeile in md.splitlines():
            # die eigene Überschrift „## …“ ja, aber keine, die aus den Daten beginnt
            assert not zeile.lstrip().startswith(("#", "=", "<", ">")) or re.match(r"^## [^#]", zeile), zeile


def _csv_zellen(text: str) -> list[str]:
    return [z for zeile in csv.reader(io.StringIO(text)) for z in zeile]


@pytest.mark.parametrize(
    "befehl", [["show", "05111"], ["list"], ["missing", "--as-of", "2009-01-01"], ["status"]]
)
def test_csv_ohne_formeln(netz: Any, feindlich: Path, befehl: list[str]) -> None:
    lauf = netz(*befehl, "--format", "csv")
    assert lauf.exit_code == 0
    zellen = _csv_zellen(lauf.stdout)
    assert not [z for z in zellen if z.lstrip(" ").startswith(("=", "+", "-", "@", "\t", "\r"))]
    if befehl[0] in ("show", "list"):
        assert any(z.startswith("'=HYPERLINK") for z in zellen)


def test_validate_csv_ohne_formeln(netz: Any, daten: Path) -> None:
    (daten / "regionen" / "=HYPERLINK(1).yaml").write_text("ags: 1\n", encoding="utf-8")
    zellen = _csv_zellen(netz("validate", "--format", "csv").stdout)
    assert not [z for z in zellen if z.lstrip(" ").startswith(("=", "+", "-", "@", "\t", "\r"))]


def test_github_daten_beginnen_keine_neue_zeile(netz: Any, daten: Path) -> None:
    """Workflow-Befehle wirken nur am Zeilenanfang: jede Zeile ist einer von netz."""
    (daten / "regionen" / "a\n::error::gefälscht.yaml").write_text("ags: 1\n", encoding="utf-8")
    r = daten / REGION
    r.write_text(
        r.read_text(encoding="utf-8").replace(
            "art: kreisfreie Stadt", 'art: "x\\n::notice::gefälscht\\r::x"'
        ),
        encoding="utf-8",
    )
    lauf = netz("validate", "--format", "github")
    assert lauf.exit_code == 1
    for zeile in lauf.stdout.splitlines():
        assert re.match(r"^::(error|warning) file=[^:]*,line=\d+,col=\d+,title=[^:]*::", zeile), zeile
    assert "gefälscht" in lauf.stdout


# das Symbol der Seiten steht fest in basis.html.j2, nichts darin kommt aus den Daten
FAVICONS = {
    "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E%3Crect "
    "width='16' height='16' rx='3' fill='%230b3d6e'/%3E%3Cpath d='M4 8.5l3 3 5-7' stroke='%23fff' "
    "stroke-width='2' fill='none'/%3E%3C/svg%3E"
}


def _ohne_aktive_inhalte_aus_daten(text: str) -> None:
    """Kein Element, kein Ereignis-Attribut und kein Link, den die Daten gesetzt hätten."""
    klein = text.lower()
    assert "<script" not in klein
    assert "onmouseover" not in klein.replace("onmouseover=&quot;", "").replace("onmouseover=&#x27;", "")
    # jedes href ist eine saubere http(s)-Adresse ohne Anführungszeichen oder Leerraum darin –
    # oder ein Sprung innerhalb des Bildes zu einer Kennung, die netz selbst bildet (Schalter der
    # Namen, wiederverwendete Flächen)
    for href in re.findall(r'href="([^"]*)"', text):
        if href.startswith("data:image/svg+xml,%3Csvg"):  # netz' eigenes Symbol (feste Zeichenkette)
            assert href in FAVICONS, href
            continue
        if re.fullmatch(r"#[a-z]+", href):  # netz' eigener Sprunglink („Zum Inhalt“)
            continue
        assert re.fullmatch(r"https?://[^\s\"'<>]+|#[a-z]+-[a-z0-9-]+", href), href
    assert not _unsicher(text.replace("\n", ""))


def test_html_bericht_aus_feindlichen_daten(netz: Any, feindlich: Path, tmp_path: Path) -> None:
    p = feindlich / "programm.yaml"
    p.write_text(
        p.read_text(encoding="utf-8")
        .replace(
            "name: Regionale Bildungsnetzwerke in Nordrhein-Westfalen",
            f'name: "</title><script>alert(1)</script>{TERMINAL}"',
        )
        .replace("aussage: 2008 unterzeichneten", 'aussage: "<img src=x onerror=alert(1)>" #', 1),
        encoding="utf-8",
    )
    ziel = tmp_path / "bericht.html"
    lauf = netz("report", "--html", str(ziel))
    assert lauf.exit_code == 0, lauf.stderr
    _sauber(lauf)
    html = ziel.read_text(encoding="utf-8")
    _ohne_aktive_inhalte_aus_daten(html)
    # die feindliche Quelle ist Text geblieben, kein Link
    assert "https://example.org/&quot;onmouseover=&quot;alert(1)" in html
    assert "&lt;script&gt;" in html


def test_svg_karte_aus_feindlichen_daten(netz: Any, feindlich: Path, tmp_path: Path) -> None:
    """Eine Fläche mit feindlichem Schlüssel und Namen: validate weist sie ab (NZ702), map zeichnet
    sie nicht – und der Renderer selbst entschärft sie trotzdem (Verteidigung in der Tiefe)."""
    from dataclasses import replace
    from datetime import date

    from netzwerk_cli.daten.laden import lade_datenbestand
    from netzwerk_cli.kern.abdeckung import abdeckung
    from netzwerk_cli.kern.bericht import regionen, vertraege
    from netzwerk_cli.render import svg as svg_render

    geo = feindlich / "geo" / "nrw-kreise.geojson"
    text = geo.read_text(encoding="utf-8")
    bestand = lade_datenbestand(feindlich)
    assert bestand.grenzen is not None
    # eine Fläche, deren Schlüssel keine Region hat: dann zeigt die Karte den Namen aus der GeoJSON
    feindlich_geo = '\\"/><script>alert(1)</script>\\u001b[2J\\u202e'
    geo.write_text(
        text.replace('"name":"Düsseldorf"', f'"name":"Düss{feindlich_geo}"', 1).replace(
            '"ags":"05111"', f'"ags":"05111{feindlich_geo}"', 1
        ),
        encoding="utf-8",
    )
    ziel = tmp_path / "karte.svg"
    lauf = netz("map", "--svg", str(ziel))
    assert lauf.exit_code == 1 and "NZ702" in lauf.stderr and not ziel.exists()
    _sauber(lauf)
    roh = '"/><script>alert(1)</script>\x1b[2J\u202e'
    flaechen = list(bestand.grenzen.flaechen)
    flaechen[0] = replace(flaechen[0], ags=flaechen[0].ags + roh, name="Düss" + roh)
    stichtag = date(2026, 11, 27)
    ab = abdeckung(regionen(bestand), vertraege(bestand), stichtag, bestand.programmbeginn)
    ziel.write_text(svg_render.karte(flaechen, ab, svg_render.stichtag_titel(stichtag)), encoding="utf-8")
    svg = ziel.read_text(encoding="utf-8")
    _ohne_aktive_inhalte_aus_daten(svg)
    # wohlgeformtes XML: kein Wert hat ein Attribut oder Element verlassen
    wurzel = ElementTree.fromstring(svg.split("\n", 1)[1])
    assert not [e for e in wurzel.iter() if e.tag.endswith("script")]
