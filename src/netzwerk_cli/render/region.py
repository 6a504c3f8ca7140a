"""``netz show``: eine Region mit Verträgen, Ereignissen und Quellen – als Text, JSON, CSV und Markdown."""

from __future__ import annotations

from typing import Any

from rich.console import Console as Konsole
from rich.text import Text

from ..kern.bericht import RegionBericht
from ..kern.datum import deutsch_tag
from ..kern.modelle import Ereignis
from ..kern.zahlen import dezimal, ganz
from .bausteine import (
    STAND_STIL,
    STAND_TEXT,
    _mit_art,
    als_csv,
    md_quelle,
    md_tabelle,
    quellen_daten,
    quellenzeilen,
    text_oder_leer,
    zeitangabe_daten,
)
from .konsole import umbrechen
from .sicher import markdown_zelle as _zelle
from .sicher import sichtbar as _s


def text(b: RegionBericht, con: Konsole) -> None:
    r = b.region
    con.print(Text(f"{_s(r.bezeichnung)} ({_s(r.ags)})", style="bold"))
    teile = [_s(r.art), f"Regierungsbezirk {_s(r.regierungsbezirk)}"]
    if r.einwohner is not None:
        stand = f" ({deutsch_tag(r.statistik_stand)})" if r.statistik_stand else ""
        teile.append(f"{ganz(r.einwohner)} Einwohner{stand}")
    if r.flaeche_km2 is not None:
        teile.append(f"{dezimal(r.flaeche_km2)} km²")
    con.print(" · ".join(teile))
    for zeile in gebietsstand_zeilen(b):
        con.print(zeile)
    s = b.stand
    if b.zaehlt:
        stand_text = Text.assemble(
            f"Stand am {deutsch_tag(b.stichtag)}: ", (STAND_TEXT[s.stand], STAND_STIL[s.stand])
        )
    else:
        stand_text = Text(f"Stand am {deutsch_tag(b.stichtag)}: {nicht_gezaehlt(b)}", style="dim")
    con.print(stand_text)
    con.print(Text(_s(b.datei), style="dim"))
    if r.bemerkung or r.quellen:  # Belege des Gebietsstands (z. B. das Aachen-Gesetz)
        t = _Zeilen()
        if r.bemerkung:
            t.add_row("Gebiet", _s(r.bemerkung))
        for j, zeile in enumerate(z for q in r.quellen for z in quellenzeilen(q)):
            t.add_row("Quellen" if j == 0 else "", zeile)
        t.drucke(con)
    if not b.vertraege:
        con.print()
        con.print("Kein Kooperationsvertrag bekannt.")
    for i, d in enumerate(b.vertraege, 1):
        v = d.modell
        con.print()
        con.print(Text(f"Vertrag {i}", style="bold"), Text(_s(d.anzeige), style="dim"))
        t = _Zeilen()
        t.add_row("unterzeichnet", _mit_art(v.unterzeichnet))
        if b.programmbeginn is not None and v.unterzeichnet.begrenzt_durch(b.programmbeginn):
            t.add_row("", f"frühestens {deutsch_tag(b.programmbeginn)} (Programmbeginn)")
        if v.umfasst:
            t.add_row("umfasste", ", ".join(_s(b.name(a)) for a in v.umfasst) + " (bei der Unterzeichnung)")
        if v.beginn is not None:
            t.add_row("Beginn", _mit_art(v.beginn))
        if v.endet is not None:
            t.add_row("endet", _mit_art(v.endet))
            if b.programmbeginn is not None and v.endet.begrenzt_durch(b.programmbeginn):
                t.add_row("", f"frühestens {deutsch_tag(b.programmbeginn)} (Programmbeginn)")
        if v.ende_grund:
            t.add_row("Grund", _s(v.ende_grund))
        for f in v.fortsetzungen:
            t.add_row("fortgesetzt", _s(f.datum.deutsch()) + (f" – {_s(f.bemerkung)}" if f.bemerkung else ""))
        if v.bildungsbuero is not None:
            bb = v.bildungsbuero
            felder = [bb.name, bb.adresse, bb.ansprechperson, bb.telefon, bb.email, bb.web]
            t.add_row("Bildungsbüro", " · ".join(_s(x) for x in felder if x))
        if v.lenkungskreis is not None:
            t.add_row("Lenkungskreis", f"konstituiert {_s(v.lenkungskreis.konstituiert.deutsch())}")
        for j, e in enumerate(v.bildungskonferenzen):
            t.add_row(
                "Konferenzen" if j == 0 else "",
                _s(e.datum.deutsch())
                + (" (angekündigt; ob sie stattfand, ist nicht belegt)" if e.angekuendigt else "")
                + (f" – {_s(e.bemerkung)}" if e.bemerkung else ""),
            )
        if d.modell is s.vertrag and (k := b.konferenz) is not None:
            if k.alt_erfasst and k.letzte is not None:
                t.add_row(
                    "",
                    Text(
                        f"keine Konferenz seit {_s(k.letzte.deutsch())} erfasst (nicht: keine abgehalten)",
                        style="dim",
                    ),
                )
            elif k.letzte is None:
                t.add_row("Konferenzen", Text("keine erfasst (unbekannt, nicht: keine)", style="dim"))
        if v.bemerkung:
            t.add_row("Bemerkung", _s(v.bemerkung))
        for j, zeile in enumerate(z for q in v.quellen for z in quellenzeilen(q)):
            t.add_row("Quellen" if j == 0 else "", zeile)
        if not v.quellen:
            t.add_row("Quellen", Text("keine", style="yellow"))
        t.drucke(con)


def gebietsstand_zeilen(b: RegionBericht) -> list[str]:
    """„Gebildet am 21.10.2009 aus …“, „Bestand bis 20.10.2009, aufgegangen in …“."""
    r = b.region
    out = []
    if r.gueltig_ab is not None:
        aus = f" aus {', '.join(_s(b.name(a)) for a in r.vorgaenger)}" if r.vorgaenger else ""
        out.append(f"Gebildet am {deutsch_tag(r.gueltig_ab)}{aus}.")
    if r.gueltig_bis is not None:
        in_ = f", aufgegangen in {', '.join(_s(b.name(a)) for a in r.nachfolger)}" if r.nachfolger else ""
        out.append(f"Bestand bis {deutsch_tag(r.gueltig_bis)}{in_}.")
    return out


def nicht_gezaehlt(b: RegionBericht) -> str:
    """Warum die Region am Stichtag nicht zählt."""
    r = b.region
    if b.programmbeginn is not None and b.stichtag < b.programmbeginn:
        return f"vor dem Programmbeginn ({deutsch_tag(b.programmbeginn)}), zählt nicht"
    if r.gueltig_ab is not None and b.stichtag < r.gueltig_ab:
        return "die Region gab es noch nicht, sie zählt nicht"
    return "die Region gab es nicht mehr, sie zählt nicht"


class _Zeilen:
    """Bezeichnung und Wert je Zeile, der Wert mit hängendem Einzug umbrochen – statt einer
    rich-Tabelle, die eine lange Webadresse mitten durchbräche (nicht mehr kopierbar)."""

    def __init__(self) -> None:
        self.zeilen: list[tuple[str, Text | str]] = []

    def add_row(self, bezeichnung: str, wert: Text | str) -> None:
        self.zeilen.append((bezeichnung, wert))

    def drucke(self, con: Konsole) -> None:
        breite = max((len(b) for b, _ in self.zeilen), default=0)
        for b, w in self.zeilen:
            wert = w.plain if isinstance(w, Text) else w
            if not b and len(wert.split()) == 1 and breite + 2 + len(wert) > con.width:
                # eine weitere Webadresse, die eingerückt nicht passt: wie die erste ohne Einzug
                con.print(w, soft_wrap=True)
                continue
            zeile = Text.assemble((b.ljust(breite), "bold"), "  ", w)
            con.print(umbrechen(zeile, con.width, einzug=breite + 2), soft_wrap=True)


def daten(b: RegionBericht) -> dict[str, Any]:
    r = b.region
    return {
        "stichtag": b.stichtag.isoformat(),
        **r.model_dump(mode="json"),
        "datei": b.datei,
        "stand": b.stand.stand.value,
        # zählt die Region am Stichtag (gab es sie, hatte das Programm begonnen)?
        "zaehlt": b.zaehlt,
        "programmbeginn": b.programmbeginn.isoformat() if b.programmbeginn else None,
        "vertraege": [
            {
                "datei": d.anzeige,
                "unterzeichnet": zeitangabe_daten(d.modell.unterzeichnet),
                # die Lesart, die zählt: frühestens am Programmbeginn
                "unterzeichnet_im_programm": zeitangabe_daten(
                    d.modell.unterzeichnet.nicht_vor(b.programmbeginn)
                    if b.programmbeginn
                    else d.modell.unterzeichnet
                ),
                "umfasst": list(d.modell.umfasst),
                "beginn": zeitangabe_daten(d.modell.beginn),
                "endet": zeitangabe_daten(d.modell.endet),
                "quellen": quellen_daten(d.modell.quellen),
                "bemerkung": d.modell.bemerkung,
                "ende_grund": d.modell.ende_grund,
                "ende_quellen": quellen_daten(d.modell.ende_quellen),
                "fortsetzungen": [ereignis(f) for f in d.modell.fortsetzungen],
                "bildungskonferenzen": [ereignis(f) for f in d.modell.bildungskonferenzen],
                "bildungsbuero": (
                    {
                        **d.modell.bildungsbuero.model_dump(),
                        "quellen": quellen_daten(d.modell.bildungsbuero.quellen),
                    }
                    if d.modell.bildungsbuero
                    else None
                ),
                "lenkungskreis": (
                    {
                        "konstituiert": zeitangabe_daten(d.modell.lenkungskreis.konstituiert),
                        "quellen": quellen_daten(d.modell.lenkungskreis.quellen),
                        "bemerkung": d.modell.lenkungskreis.bemerkung,
                    }
                    if d.modell.lenkungskreis
                    else None
                ),
            }
            for d in b.vertraege
        ],
    }


def ereignis(e: Ereignis) -> dict[str, Any]:
    return {
        "datum": zeitangabe_daten(e.datum),
        "angekuendigt": e.angekuendigt,
        "quellen": quellen_daten(e.quellen),
        "bemerkung": e.bemerkung,
    }


def csv_text(b: RegionBericht) -> str:
    """Eine Zeile je Vertrag der Region."""
    return als_csv(
        ("ags", "datei", "unterzeichnet", "beginn", "endet", "ende_grund", "quellen", "bemerkung"),
        (
            [
                b.region.ags,
                v["datei"],
                *(text_oder_leer(v[k]) for k in ("unterzeichnet", "beginn", "endet")),
                v["ende_grund"] or "",
                " ".join(q.url for q in d.modell.quellen),
                v["bemerkung"] or "",
            ]
            for v, d in zip(daten(b)["vertraege"], b.vertraege, strict=True)
        ),
    )


def markdown(b: RegionBericht) -> str:
    r = b.region
    zeilen = [
        f"## {_zelle(r.bezeichnung)} ({_zelle(r.ags)})",
        "",
        f"Stand am {deutsch_tag(b.stichtag)}: {STAND_TEXT[b.stand.stand]}",
        "",
    ]
    zeilen += md_tabelle(
        ["unterzeichnet", "endet", "Quellen"],
        [
            [
                _zelle(d.modell.unterzeichnet.deutsch()),
                _zelle(d.modell.endet.deutsch()) if d.modell.endet else "",
                " ".join(md_quelle(q) for q in d.modell.quellen),
            ]
            for d in b.vertraege
        ],
    )
    return "\n".join(zeilen) + "\n"
