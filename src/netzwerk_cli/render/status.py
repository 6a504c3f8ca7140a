"""``netz status``: der Stand am Stichtag – als Text, JSON, CSV und Markdown."""

from __future__ import annotations

from typing import Any

from rich.console import Console as Konsole
from rich.table import Table
from rich.text import Text

from ..kern.abdeckung import Stand
from ..kern.bericht import StatusBericht
from ..kern.datum import deutsch_tag
from ..kern.zahlen import anzahl, es_fehlen, prozent
from .bausteine import (
    als_csv,
    balken,
    datenstand_daten,
    datenstand_zeile,
    einwohner_daten,
    einwohner_nach,
    einwohner_zeile,
    konferenz_zeilen,
    kopfzeile,
    kurz,
    md_tabelle,
    tempo_zeile,
    vor_dem_programm,
    zaehlung_daten,
)
from .sicher import markdown_zelle as _zelle
from .sicher import sichtbar as _s


def text(b: StatusBericht, con: Konsole) -> None:
    g = b.gesamt
    con.print(Text(f"{_s(b.programm)} – Stichtag {deutsch_tag(b.stichtag)}", style="bold"))
    con.print()
    if b.vor_programmbeginn and b.programmbeginn is not None:
        # „0 von 0 Regionen haben ein Netzwerk“ klang nach einer Zählung; es gab nichts zu zählen
        con.print(vor_dem_programm(b.programmbeginn))
        return
    con.print(kopfzeile(g) + ".")
    zeile = balken(g)
    zeile.append(f"  {prozent(g.quote)}")
    con.print(zeile)
    con.print(einwohner_zeile(b.einwohner))
    if b.ziel is not None:
        con.print(_ziel(b))
    if b.tempo is not None:
        con.print(tempo_zeile(b.tempo))
    if b.datenstand is not None and (zeile_ds := datenstand_zeile(b.datenstand)):
        con.print(zeile_ds)
    con.print()
    for titel, merkmal in (("Nach Regierungsbezirk", "regierungsbezirk"), ("Nach Art", "art")):
        t = Table(title=titel, title_justify="left", box=None, pad_edge=False, show_header=False)
        t.add_column("Gruppe")
        t.add_column("Anzahl", justify="right")
        t.add_column("Quote", justify="right")
        t.add_column("Balken")
        t.add_column("möglich")
        for name, z in b.abdeckung.nach(merkmal).items():
            t.add_row(
                _s(name),
                f"{z.sicher} von {z.gesamt}",
                prozent(z.quote),
                balken(z, 20),
                "" if z.eindeutig else f"bis zu {z.moeglich}",
            )
        con.print(t)
        if merkmal == "regierungsbezirk":
            con.print(einwohner_nach(b.einwohner.nach_regierungsbezirk))
        con.print()
    con.print(Text("Bildungskonferenzen", style="bold"))
    for konferenz in konferenz_zeilen(b.konferenzen):
        con.print(konferenz)
    con.print()
    ohne = b.abdeckung.mit(Stand.OHNE)
    ungewiss = b.abdeckung.mit(Stand.UNGEWISS)
    if ohne:
        con.print("Ohne Netzwerk: " + ", ".join(_s(s.region.bezeichnung) for s in ohne))
    if ungewiss:
        con.print("Ungewiss: " + ", ".join(_s(s.region.bezeichnung) for s in ungewiss))
    if ungewiss:
        con.print(
            Text(
                "„sicher“ gilt unter jeder Lesart der ungenauen Daten, „möglich“ unter mindestens einer. "
                "Einzelheiten: netz show REGION",
                style="dim",
            )
        )


def _ziel(b: StatusBericht) -> str:
    z = b.ziel
    assert z is not None
    ziel = f"Ziel: {anzahl(z.anzahl, 'Region', 'Regionen')} bis {deutsch_tag(z.bis)}"
    if z.erreicht_sicher is not None and z.erreicht_sicher <= z.bis:
        return f"{ziel} – erreicht am {deutsch_tag(z.erreicht_sicher)}."
    am_ziel = f"am {deutsch_tag(z.bis)} {kurz(z.am_zieltag)}"
    if b.stichtag < z.bis:
        fehlen = z.anzahl - b.gesamt.sicher
        return f"{ziel} – noch offen, {es_fehlen(fehlen)}."
    if z.erreicht_sicher is not None:
        return f"{ziel} – verfehlt ({am_ziel}), erreicht erst am {deutsch_tag(z.erreicht_sicher)}."
    fehlen = z.anzahl - b.gesamt.sicher
    moeglich = (
        ""
        if z.erreicht_moeglich is None
        else f"; möglicherweise erreicht ab {deutsch_tag(z.erreicht_moeglich)}"
    )
    return f"{ziel} – verfehlt ({am_ziel}); bis zum Stichtag nicht erreicht, {es_fehlen(fehlen)}{moeglich}."


def daten(b: StatusBericht) -> dict[str, Any]:
    g = b.gesamt
    ab = b.abdeckung
    out: dict[str, Any] = {
        "programm": b.programm,
        "stichtag": b.stichtag.isoformat(),
        "regionen": g.gesamt,
        "mit_netzwerk": g.sicher,
        "mit_netzwerk_moeglich": g.moeglich,
        "quote": g.quote,
        "quote_moeglich": g.quote_moeglich,
        "fehlend": sorted(s.region.ags for s in ab.mit(Stand.OHNE)),
        "ungewiss": sorted(s.region.ags for s in ab.mit(Stand.UNGEWISS)),
        "ziel": None,
        "nach_regierungsbezirk": {k: zaehlung_daten(v) for k, v in ab.nach("regierungsbezirk").items()},
        "nach_art": {k: zaehlung_daten(v) for k, v in ab.nach("art").items()},
        "tempo": (
            None
            if b.tempo is None
            else {
                "jahre": b.tempo.jahre,
                "seit": b.tempo.von.isoformat(),
                "zuwachs_sicher": b.tempo.zuwachs,
                "pro_jahr": b.tempo.pro_jahr,
                "fehlen": b.tempo.fehlen,
                "ziel_erreicht_etwa": b.tempo.erreicht_etwa.isoformat() if b.tempo.erreicht_etwa else None,
            }
        ),
        "bildungskonferenzen": {
            "netzwerke": len(b.konferenzen.netzwerke),
            "mit_angabe": len(b.konferenzen.mit_angabe),
            "ohne_angabe": len(b.konferenzen.ohne_angabe),
            # AGS der Netzwerke, deren letzte erfasste Konferenz vor „grenze“ liegt (seitdem keine
            # erfasst – nicht: keine abgehalten); ersetzt „ueberfaellig“ aus Version 2
            "zuletzt_erfasst_vor_grenze": sorted(
                k.region.ags for k in b.konferenzen.zuletzt_erfasst_vor_grenze
            ),
            "grenze": b.konferenzen.grenze.isoformat(),
        },
        "einwohner": einwohner_daten(b.einwohner),
    }
    out["datenstand"] = None if b.datenstand is None else datenstand_daten(b.datenstand)
    if b.ziel is not None:
        z = b.ziel
        out["ziel"] = {
            "anzahl": z.anzahl,
            "bis": z.bis.isoformat(),
            "erreicht": z.erreicht_sicher is not None,
            "erreicht_sicher_am": z.erreicht_sicher.isoformat() if z.erreicht_sicher else None,
            "erreicht_moeglich_am": z.erreicht_moeglich.isoformat() if z.erreicht_moeglich else None,
            "am_zieltag": zaehlung_daten(z.am_zieltag),
        }
    return out


def csv_text(b: StatusBericht) -> str:
    """Eine Zeile je Gruppe: gesamt, je Regierungsbezirk, je Art."""
    zeilen: list[tuple[str, str, int, int, int]] = [("gesamt", "NRW", *b.gesamt)]
    for merkmal in ("regierungsbezirk", "art"):
        zeilen += [(merkmal, name, *z) for name, z in b.abdeckung.nach(merkmal).items()]
    return als_csv(("gruppe", "name", "regionen", "mit_netzwerk", "mit_netzwerk_moeglich"), zeilen)


def markdown(b: StatusBericht) -> str:
    zeilen = [
        f"## {_zelle(b.programm)} – Stichtag {deutsch_tag(b.stichtag)}",
        "",
        kopfzeile(b.gesamt) + ".",
        "",
    ]
    if b.vor_programmbeginn and b.programmbeginn is not None:
        return "\n".join([*zeilen[:2], vor_dem_programm(b.programmbeginn), ""])
    # Wie alt die Belege sind: nur Zahlen und Tage aus netz selbst, nichts aus den Daten zitiert
    if b.datenstand is not None and (ds := datenstand_zeile(b.datenstand)):
        zeilen += [ds, ""]
    for titel_, merkmal in (("Regierungsbezirk", "regierungsbezirk"), ("Art", "art")):
        zeilen += md_tabelle(
            [titel_, "sicher", "möglich", "Regionen", "Quote"],
            [
                [_zelle(name), str(z.sicher), str(z.moeglich), str(z.gesamt), prozent(z.quote)]
                for name, z in b.abdeckung.nach(merkmal).items()
            ],
            rechts=4,
        )
        zeilen.append("")
    return "\n".join(zeilen)
