"""``netz list`` und ``netz missing``: die Regionen mit ihrem Stand – als Text, JSON, CSV und Markdown."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from rich.console import Console as Konsole
from rich.table import Table
from rich.text import Text

from ..kern.abdeckung import RegionStand, Stand
from ..kern.bericht import Regionenbericht
from ..kern.datum import deutsch_tag
from ..kern.zahlen import anzahl
from .bausteine import STAND_STIL, _jahr, als_csv, text_oder_leer, vor_dem_programm, zeitangabe_daten
from .sicher import markdown_text
from .sicher import sichtbar as _s


def _unterzeichnet(s: RegionStand, stichtag: date) -> str:
    v = s.letzter_vertrag
    if v is None:
        return "kein Vertrag bekannt"
    if s.stand is Stand.OHNE and v.unterzeichnet.sicher_nach(stichtag):
        return f"später unterzeichnet: {_s(v.unterzeichnet.deutsch())}"
    text = _s(v.unterzeichnet.deutsch())
    erster = s.vertraege[0] if s.vertraege else v
    if erster is not v:
        # „seit 2008, Wiedereintritt 2022“: der heutige Vertrag ist nicht der erste (Münster)
        text = f"seit {_jahr(erster.unterzeichnet)}, Wiedereintritt {text}"
    if v.endet is not None:
        text += f", Ende {_s(v.endet.deutsch())}"
    return text


def text(b: Regionenbericht, con: Konsole) -> None:
    if b.vor_programmbeginn and b.programmbeginn is not None:
        con.print(vor_dem_programm(b.programmbeginn))
        return
    if b.fehlende:
        fehlend(b.staende, b.stichtag, b.gesamt, con)
    else:
        liste(b.staende, b.stichtag, con)


def liste(staende: Sequence[RegionStand], stichtag: date, con: Konsole) -> None:
    # Die Art steckt schon in der Bezeichnung („Kreis …“, „Stadt …“); so passt es in 80 Spalten.
    t = Table(box=None, pad_edge=False, header_style="bold")
    t.add_column("AGS", no_wrap=True)
    t.add_column("Region", no_wrap=True)
    t.add_column("Bezirk", no_wrap=True)
    t.add_column("Netzwerk", no_wrap=True)
    t.add_column("Vertrag")
    for s in staende:
        r = s.region
        t.add_row(
            _s(r.ags),
            _s(r.bezeichnung),
            _s(r.regierungsbezirk),
            Text(s.stand.value, style=STAND_STIL[s.stand]),
            _unterzeichnet(s, stichtag),
        )
    con.print(t)
    con.print(
        Text(f"{anzahl(len(staende), 'Region', 'Regionen')}, Stichtag {deutsch_tag(stichtag)}", style="dim")
    )


def fehlend(staende: Sequence[RegionStand], stichtag: date, gesamt: int, con: Konsole) -> None:
    ohne = [s for s in staende if s.stand is Stand.OHNE]
    ungewiss = [s for s in staende if s.stand is Stand.UNGEWISS]
    if not staende:
        con.print(f"Am {deutsch_tag(stichtag)} haben alle {gesamt} Regionen sicher ein Netzwerk.")
        return
    con.print(Text(f"Ohne Netzwerk am {deutsch_tag(stichtag)}: {len(ohne)} von {gesamt}", style="bold"))
    _tabelle(ohne, stichtag, con)
    if ungewiss:
        con.print()
        con.print(
            Text(
                f"Ungewiss: {len(ungewiss)} (ein Vertrag ist möglich, aber nicht sicher in Kraft)",
                style="bold",
            )
        )
        _tabelle(ungewiss, stichtag, con)


def _tabelle(staende: Sequence[RegionStand], stichtag: date, con: Konsole) -> None:
    if not staende:
        con.print("  (keine)")
        return
    t = Table(box=None, pad_edge=False, show_header=False)
    for _ in range(4):
        t.add_column()
    for s in staende:
        t.add_row(
            "  " + _s(s.region.ags),
            _s(s.region.bezeichnung),
            _s(s.region.regierungsbezirk),
            _unterzeichnet(s, stichtag),
        )
    con.print(t)


def daten(b: Regionenbericht) -> list[dict[str, Any]]:
    return [region_zeile(s) for s in b.staende]


def region_zeile(s: RegionStand) -> dict[str, Any]:
    r = s.region
    v = s.letzter_vertrag
    return {
        "ags": r.ags,
        "name": r.name,
        "bezeichnung": r.bezeichnung,
        "art": r.art,
        "regierungsbezirk": r.regierungsbezirk,
        "stand": s.stand.value,
        "unterzeichnet": zeitangabe_daten(v.unterzeichnet) if v else None,
        "endet": zeitangabe_daten(v.endet) if v else None,
    }


CSV_SPALTEN = ("ags", "bezeichnung", "name", "art", "regierungsbezirk", "stand", "unterzeichnet", "endet")


def csv_text(b: Regionenbericht) -> str:
    return als_csv(
        CSV_SPALTEN,
        (
            [
                *(z[k] for k in ("ags", "bezeichnung", "name", "art", "regierungsbezirk", "stand")),
                text_oder_leer(z["unterzeichnet"]),
                text_oder_leer(z["endet"]),
            ]
            for z in daten(b)
        ),
    )


def markdown(b: Regionenbericht) -> str:
    """Eine Zeile je Region, wie in der Pressemitteilung: ``- Kreis Borken``; ``missing``
    trennt wie im Text die Regionen sicher ohne Netzwerk von den ungewissen."""
    if b.vor_programmbeginn and b.programmbeginn is not None:
        return vor_dem_programm(b.programmbeginn) + "\n"
    if not b.fehlende:
        return _punkte(b.staende)
    if not b.staende:
        return f"Am {deutsch_tag(b.stichtag)} haben alle {b.gesamt} Regionen sicher ein Netzwerk.\n"
    ohne = [s for s in b.staende if s.stand is Stand.OHNE]
    ungewiss = [s for s in b.staende if s.stand is Stand.UNGEWISS]
    out = f"**Ohne Netzwerk am {deutsch_tag(b.stichtag)}: {len(ohne)} von {b.gesamt}**\n\n"
    out += _punkte(ohne) or "(keine)\n"
    if ungewiss:
        out += (
            f"\n**Ungewiss: {len(ungewiss)}** (ein Vertrag ist möglich, aber nicht sicher in Kraft)\n\n"
            + _punkte(ungewiss)
        )
    return out


def _punkte(staende: Sequence[RegionStand]) -> str:
    return "".join(f"- {markdown_text(s.region.bezeichnung)}\n" for s in staende)
