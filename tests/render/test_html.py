"""Der HTML-Bericht für Koordinatoren: Sätze, Tabellen, Stichtag, Ausgabe auf stdout."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from netzwerk_cli.render import html


def _text(seite: str) -> str:
    """Sichtbarer Text ohne Stil, SVG und Tags, Leerraum zusammengefasst."""
    seite = re.sub(r"<(style|svg)\b.*?</\1>", " ", seite, flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", seite).split())


def test_bericht_auf_stdout(netz: Any, tmp_path: Path, monkeypatch: Any) -> None:
    monkeypatch.chdir(tmp_path)
    lauf = netz("report", "--html", "-")
    assert lauf.exit_code == 0, lauf.stderr
    assert lauf.stdout.startswith("<!DOCTYPE html>") and lauf.stdout.rstrip().endswith("</html>")
    assert not (tmp_path / "-").exists()


def test_bericht_fuer_koordinatoren(netz: Any, tmp_path: Path) -> None:
    ziel = tmp_path / "b.html"
    assert netz("report", "--html", str(ziel)).exit_code == 0
    seite = ziel.read_text(encoding="utf-8")
    text = _text(seite)
    # Karten in Worten, mit Namen – keine Fachsprache
    assert "1 ohne Netzwerk Kreis Wesel." in text
    assert "1 ungewiss Kreis Viersen:" in text
    assert "höchstens (unter mindestens einer Lesart" not in text
    # Tabellen nach Regierungsbezirk und Art, mit den fehlenden Regionen
    assert "Düsseldorf 13 von 15 (bis zu 14) 86,7 % Kreis Wesel Kreis Viersen" in text
    assert "Kreis 29 von 31 (bis zu 30) 93,5 % Kreis Wesel Kreis Viersen" in text
    assert "kreisfreie Stadt 22 von 22 100,0 % – –" in text
    # keine Spanne „a–a“
    assert not re.search(r"\b(\d+)–\1\b", text), re.findall(r"\b(\d+)–\1\b", text)
    # das laufende Jahr mit seinem Tag statt „am Jahresende“ (vorher „2026 bis heute“)
    assert "Regionen mit Netzwerk am 31.12., 2008–2025; 2026: Stand 27.11.2026" in seite
    assert "31.12. jedes Jahres; 2026: Stand 27.11.2026." in text
    # Fußzeile: Datenstand und Zeitpunkt der Erstellung
    assert re.search(r"Datenstand: (git-Commit [0-9a-f]{12}|Fingerabdruck der Daten [0-9a-f]{12})", text)
    assert re.search(r"Erstellt am 27\.11\.2026, \d\d:\d\d Uhr", text)
    for marke in ("<header", "<main", "<footer", 'lang="de"'):
        assert marke in seite


def test_bericht_am_stichtag_kennt_keine_spaeteren_ereignisse(netz: Any, tmp_path: Path) -> None:
    ziel = tmp_path / "b.html"
    assert netz("report", "--as-of", "06.05.2010", "--html", str(ziel)).exit_code == 0
    text = _text(ziel.read_text(encoding="utf-8"))
    assert "Stand am 06.05.2010: 43 von 53 Regionen" in text
    # Kleve unterschrieb erst am 18.01.2012: in der Zeile steht kein Vertrag
    assert re.search(r"05154 Kreis Kleve Düsseldorf ✗ kein Netzwerk – ", text)
    # keine Prüfpunkte und kein Ziel-Ergebnis aus der Zukunft des Stichtags
    assert "18.01.2012" not in text and "2012" not in text.split("Prüfpunkte")[1]
    assert "noch offen, es fehlen 10" in text
    assert "am Zieltag" not in text
    assert "Regionen mit Netzwerk am 31.12., 2008–2009; 2010: Stand 06.05.2010" in ziel.read_text(
        encoding="utf-8"
    )


def test_vorlagen_kommen_aus_dem_paket() -> None:
    from importlib.resources import files

    vorlagen = files("netzwerk_cli.render") / "vorlagen"
    namen = {p.name for p in vorlagen.iterdir()}
    assert {"basis.html.j2", "bericht.html.j2", "start.html.j2", "region.html.j2", "feed.xml.j2"} <= namen
    env = html.umgebung()
    assert env.autoescape is True
    assert str(env.from_string("{{ x }}").render(x="<b>&\u202e")) == "&lt;b&gt;&amp;U+202E"
