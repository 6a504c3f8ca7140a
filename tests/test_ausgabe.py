"""Die schlichte Ausgabe (ohne rich) schreibt zeichengleich, was rich schriebe."""

from __future__ import annotations

import io
from contextlib import redirect_stdout
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console

from netzwerk_cli import bericht
from netzwerk_cli.laden import lade_datenbestand
from netzwerk_cli.render import text
from netzwerk_cli.render.ausgabe import Konsole, Table, Text, _zu_rich

STICHTAGE = [date(j, m, 1) for j in range(2008, 2027) for m in (1, 7)] + [date(2010, 5, 6)]


class _Rich(Konsole):
    """Dieselbe Konsole, aber alles über rich (80 Spalten, kein Terminal)."""

    def __init__(self, puffer: io.StringIO, breite: int = 80) -> None:
        super().__init__()
        self.breite = None
        self._rich = Console(
            file=puffer, width=breite, highlight=False, soft_wrap=True, emoji=False, force_terminal=False
        )


def _beide(zeichne, breite: int = 80) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    schlicht = io.StringIO()
    with redirect_stdout(schlicht):
        k = Konsole()
        assert k.breite is not None  # kein Terminal
        k.breite = breite
        zeichne(k)
    ueber_rich = io.StringIO()
    zeichne(_Rich(ueber_rich, breite))
    return schlicht.getvalue(), ueber_rich.getvalue()


@pytest.fixture(scope="module")
def bestand():  # type: ignore[no-untyped-def]
    return lade_datenbestand(Path(__file__).resolve().parent.parent / "data")


@pytest.mark.parametrize("stichtag", STICHTAGE, ids=str)
def test_status_liste_fehlend_wie_rich(bestand, stichtag: date) -> None:  # type: ignore[no-untyped-def]
    b = bericht.status(bestand, stichtag)
    for zeichne in (
        lambda k: text.status(b, k),
        lambda k: text.liste(bericht.liste(bestand, stichtag), stichtag, k),
        lambda k: text.fehlend(bericht.fehlend(bestand, stichtag), stichtag, len(bestand.regionen), k),
    ):
        schlicht, ueber_rich = _beide(zeichne)
        assert schlicht == ueber_rich


@pytest.mark.parametrize("ags", ["05970", "05515", "05170", "05154", "05111", "05562"])
def test_show_wie_rich(bestand, ags: str) -> None:  # type: ignore[no-untyped-def]
    r = bestand.region(ags)
    for stichtag in (date(2010, 5, 6), date(2020, 1, 1), date(2026, 11, 27)):
        b = bericht.region_bericht(bestand, r, stichtag)
        schlicht, ueber_rich = _beide(lambda k, b=b: text.region(b, k))
        assert schlicht == ueber_rich


def test_schmale_zeile_ebenso(bestand) -> None:  # type: ignore[no-untyped-def]
    b = bericht.status(bestand, date(2026, 11, 27))
    for breite in (20, 40, 60, 100):
        schlicht, ueber_rich = _beide(lambda k: text.status(b, k), breite)
        assert schlicht == ueber_rich


_ZEICHEN = st.text(alphabet=st.sampled_from("ab Zß–█▒[]/:\u4e2d\u0301\t"), max_size=12)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.lists(_ZEICHEN, min_size=0, max_size=4), max_size=5),
    st.booleans(),
    st.sampled_from([None, "Titel", "Ein sehr langer Tabellentitel"]),
    st.integers(min_value=10, max_value=90),
)
def test_tabellen_wie_rich(zeilen: list[list[str]], kopf: bool, titel: str | None, breite: int) -> None:
    def zeichne(k: Konsole) -> None:
        t = Table(title=titel, title_justify="left", box=None, pad_edge=False, show_header=kopf)
        for i in range(4):
            t.add_column(f"S{i}", justify="right" if i == 1 else "left")
        for z in zeilen:
            t.add_row(*z[:4])
        k.print(t)
        k.print(Text.assemble(("x", "bold"), *(z[0] for z in zeilen if z)), Text("y", style="dim"))
        k.print()

    schlicht, ueber_rich = _beide(zeichne, breite)
    assert schlicht == ueber_rich


def test_markup_nur_auf_wunsch() -> None:
    schlicht, ueber_rich = _beide(lambda k: k.print("Kreis [Test] Köln"))
    assert schlicht == ueber_rich == "Kreis [Test] Köln\n"
    puffer = io.StringIO()
    _Rich(puffer).print("[bold]fett[/]", markup=True)
    assert puffer.getvalue() == "fett\n"


def test_zu_rich_behaelt_stile() -> None:
    r = _zu_rich(Text.assemble(("rot", "red"), " und ", Text("grün", style="green")))
    assert r.plain == "rot und grün"
    assert [(s.start, s.end, str(s.style)) for s in r.spans] == [(0, 3, "red"), (8, 12, "green")]
