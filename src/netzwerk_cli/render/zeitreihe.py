"""``netz timeline``: der Verlauf – als Balken im Terminal, JSON, CSV und Markdown."""

from __future__ import annotations

from typing import Any

from rich.console import Console as Konsole
from rich.text import Text

from ..kern.bericht import Zeitreihenbericht
from ..kern.zeitreihe import Ereigniszahl
from .bausteine import als_csv, balken, md_tabelle, meilenstein_zeile
from .sicher import markdown_zelle as _zelle
from .sicher import sichtbar


def daten(b: Zeitreihenbericht) -> dict[str, Any]:
    def zahl(e: Ereigniszahl) -> dict[str, int]:
        return {"sicher": e.sicher, "moeglich": e.moeglich}

    return {
        "regionen": b.gesamt,
        "perioden": [
            {
                "periode": p.name,
                "von": p.anfang.isoformat(),
                "bis": p.ende.isoformat(),
                "regionen": p.zaehlung.gesamt,  # am letzten Tag der Periode (54 bis 20.10.2009)
                "mit_netzwerk": p.zaehlung.sicher,
                "mit_netzwerk_moeglich": p.zaehlung.moeglich,
                "unterzeichnet": zahl(p.unterzeichnet),
                "wiedereintritte": zahl(p.wiedereintritte),
                "beendet": zahl(p.beendet),
                "meilensteine": [
                    {
                        "datum": m.datum.als_json(),
                        "art": m.art,
                        "text": m.text,
                        "geprueft": m.geprueft,
                        "quellen": m.quellen,
                    }
                    for m in p.meilensteine
                ],
            }
            for p in b.perioden
        ],
    }


ZEITREIHE_SPALTEN = (
    "periode",
    "von",
    "bis",
    "mit_netzwerk",
    "mit_netzwerk_moeglich",
    "unterzeichnet_sicher",
    "unterzeichnet_moeglich",
    "wiedereintritte_sicher",
    "wiedereintritte_moeglich",
    "beendet_sicher",
    "beendet_moeglich",
    "meilensteine",
)


def csv_text(b: Zeitreihenbericht) -> str:
    return als_csv(
        ZEITREIHE_SPALTEN,
        (
            [
                p.name,
                p.anfang.isoformat(),
                p.ende.isoformat(),
                p.zaehlung.sicher,
                p.zaehlung.moeglich,
                *p.unterzeichnet,
                *p.wiedereintritte,
                *p.beendet,
                "; ".join(m.text for m in p.meilensteine),
            ]
            for p in b.perioden
        ),
    )


def _spanne(sicher: int, moeglich: int) -> str:
    """„12…21“ wie im Text: nur die Obergrenze (21 + 26 + 19 = 66 > 53) zählte Ungewisses
    mehrfach."""
    return str(sicher) if sicher == moeglich else f"{sicher}…{moeglich}"


def markdown(b: Zeitreihenbericht) -> str:
    zeilen = md_tabelle(
        ["Periode", "sicher", "möglich", "neu", "beendet", "Meilensteine"],
        [
            [
                _zelle(p.name),
                str(p.zaehlung.sicher),
                str(p.zaehlung.moeglich),
                _spanne(p.unterzeichnet.sicher, p.unterzeichnet.moeglich),
                _spanne(p.beendet.sicher, p.beendet.moeglich),
                "; ".join(_zelle(f"{m.datum.deutsch()} {m.text}") for m in p.meilensteine),
            ]
            for p in b.perioden
        ],
    )
    zeilen[1] = "|---|---:|---:|---:|---:|---|"  # Zahlen rechtsbündig, Meilensteine links
    return "\n".join(zeilen) + "\n\nneu: erste Verträge; „a…b“: a sicher, bis zu b möglich.\n"


ZEITREIHE_BALKEN = 45


def text(b: Zeitreihenbericht, con: Konsole) -> None:
    """Eine Zeile je Periode: Balken (█ sicher, ▒ nur möglich), Zahlen, Ereignisse, Meilensteine."""
    perioden, gesamt = b.perioden, b.gesamt
    # der Nenner je Periode: 54 Regionen bis zum 20.10.2009, danach 53
    stufen: list[tuple[str, int]] = []
    for p in perioden:
        n = p.zaehlung.gesamt
        if n and (not stufen or stufen[-1][1] != n):
            stufen.append((sichtbar(p.name), n))
    von = ", ".join([str(stufen[0][1]), *(f"ab {name} {n}" for name, n in stufen[1:])]) if stufen else gesamt
    con.print(Text(f"Abdeckung am Ende jeder Periode (von {von}); █ sicher, ▒ nur möglich", style="bold"))
    for p in perioden:
        z = p.zaehlung
        zeile = Text(f"{sichtbar(p.name):<8}")
        zeile.append_text(balken(z, ZEITREIHE_BALKEN, leer="·"))
        zahl = f" {z.sicher:>2}" if z.eindeutig else f" {z.sicher:>2}–{z.moeglich}"
        zeile.append(f"{zahl:<7}")
        neu = p.unterzeichnet
        if neu.moeglich:
            zeile.append(
                f" +{neu.sicher}" if neu.sicher == neu.moeglich else f" +{neu.sicher}…{neu.moeglich}"
            )
        aus = p.beendet
        if aus.moeglich:
            zeile.append(
                f" −{aus.sicher}" if aus.sicher == aus.moeglich else f" −{aus.sicher}…{aus.moeglich}"
            )
        con.print(zeile, no_wrap=True, overflow="crop")
        for m in p.meilensteine:
            con.print(Text(f"{'':8}◆ {meilenstein_zeile(m)}", style="cyan"), no_wrap=True, overflow="crop")
    con.print(
        Text(
            "+n erste Verträge, −n beendete; „a…b“: a sicher, bis zu b möglich.",
            style="dim",
        )
    )
