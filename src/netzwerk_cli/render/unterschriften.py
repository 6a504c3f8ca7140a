"""``netz list --signed JAHR``: wer in einem Jahr unterschrieben hat – sicher und möglich getrennt."""

from __future__ import annotations

from typing import Any

from rich.text import Text

from ..kern.bericht import Unterschrift, Unterschriftenbericht
from .bausteine import als_csv
from .konsole import Konsole
from .sicher import markdown_text, sichtbar


def _art(u: Unterschrift) -> str:
    return "erster Vertrag" if u.erster else "Wiedereintritt"


def text(b: Unterschriftenbericht, con: Konsole) -> None:
    for titel, liste in (
        (f"Sicher {b.jahr} unterschrieben: {len(b.sicher)}", b.sicher),
        (
            f"Möglich {b.jahr} unterschrieben (das Datum reicht über das Jahr hinaus): {len(b.moeglich)}",
            b.moeglich,
        ),
    ):
        con.print(Text(titel, style="bold"))
        for u in liste:
            con.print(
                f"  {sichtbar(u.region.ags)}  {sichtbar(u.region.bezeichnung)}  "
                f"{sichtbar(u.vertrag.unterzeichnet.deutsch())}  ({_art(u)})"
            )
        if not liste:
            con.print("  keine")
    con.print(Text("„sicher“: das ganze Datum liegt im Jahr; „möglich“: nur ein Teil davon.", style="dim"))


def _zeile(u: Unterschrift) -> dict[str, Any]:
    return {
        "ags": u.region.ags,
        "bezeichnung": u.region.bezeichnung,
        "unterzeichnet": u.vertrag.unterzeichnet.als_json(),
        "erster_vertrag": u.erster,
    }


def daten(b: Unterschriftenbericht) -> dict[str, Any]:
    return {
        "jahr": b.jahr,
        "sicher": [_zeile(u) for u in b.sicher],
        "moeglich": [_zeile(u) for u in b.moeglich],
    }


def csv_text(b: Unterschriftenbericht) -> str:
    return als_csv(
        ("jahr", "gewissheit", "ags", "bezeichnung", "unterzeichnet", "erster_vertrag"),
        (
            [b.jahr, gewiss, u.region.ags, u.region.bezeichnung, u.vertrag.unterzeichnet.deutsch(), u.erster]
            for gewiss, liste in (("sicher", b.sicher), ("moeglich", b.moeglich))
            for u in liste
        ),
    )


def markdown(b: Unterschriftenbericht) -> str:
    out = []
    for titel, liste in (
        (f"Sicher {b.jahr} unterschrieben", b.sicher),
        (f"Möglich {b.jahr} unterschrieben", b.moeglich),
    ):
        out.append(f"**{titel}: {len(liste)}**\n")
        out += [
            f"- {markdown_text(u.region.bezeichnung)} "
            f"({markdown_text(u.vertrag.unterzeichnet.deutsch())}, {_art(u)})"
            for u in liste
        ] or ["(keine)"]
        out.append("")
    return "\n".join(out)
