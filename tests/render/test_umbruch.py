"""Umbruch an Wortgrenzen: nie mitten in Webadresse, Pfad oder „303,28 km²“."""

from __future__ import annotations

import io

from rich.text import Text

from netzwerk_cli.render.konsole import Konsole, umbrechen

URL = "https://www.brd.nrw.de/Themen/Schule-Bildung/Regionale-Bildungsnetzwerke/sehr/lang/und/laenger.html"


def _zeilen(text: str, breite: int = 40, einzug: int | None = None) -> list[str]:
    return umbrechen(text, breite, einzug).plain.split("\n")


def test_wortgrenzen_und_einzug() -> None:
    z = _zeilen("  Hinweis: " + "wort " * 20)
    assert all(len(x) <= 40 for x in z) and all(x.startswith("  ") for x in z)


def test_einheiten_bleiben_zusammen() -> None:
    for breite in range(20, 60):
        for z in _zeilen(
            "Kreis · Regierungsbezirk Arnsberg · 301.902 Einwohner · 1.328,64 km² (81,1 %)", breite
        ):
            assert not z.endswith(("1.328,64", "(81,1", "301.902")), (breite, z)


def test_webadresse_allein_und_ganz() -> None:
    z = _zeilen(f"Quellen: siehe {URL} und mehr", 40)
    assert URL in z and all(len(x) <= 40 or x == URL for x in z)


def test_haengender_einzug() -> None:
    z = _zeilen("Bemerkung      " + "lang " * 20, 40, einzug=15)
    assert all(x.startswith(" " * 15) for x in z[1:])


def test_stile_bleiben() -> None:
    t = Text.assemble(("rot", "red"), " " + "wort " * 20)
    u = umbrechen(t, 30)
    assert u.plain.startswith("rot wort") and u.spans[0].style == "red" and u.spans[0].end == 3


def test_konsole_ohne_leerzeichen_am_ende() -> None:
    from rich.table import Table

    puffer = io.StringIO()
    from netzwerk_cli.render.konsole import _OhneEndLeerzeichen

    con = Konsole(file=_OhneEndLeerzeichen(puffer), width=40, color_system=None)  # type: ignore[arg-type]
    t = Table(box=None, show_header=False)
    t.add_column()
    t.add_column()
    t.add_row("a", "b")
    t.add_row("lang lang lang", "c")
    con.print(t)
    con.print("x " * 30)
    assert all(not z.endswith(" ") for z in puffer.getvalue().splitlines())


def test_befundkopf_bleibt_zusammen() -> None:
    pfad = "../../ein/sehr/langer/pfad/unter/tmp/bis/zum/datenordner/vertraege/05170-wesel-2020-01-01.yaml"
    z = _zeilen(f"{pfad}:2:1: Fehler NZ101 Schlüssel „region“ kommt doppelt vor", 80)
    assert z[0] == f"{pfad}:2:1: Fehler NZ101"
