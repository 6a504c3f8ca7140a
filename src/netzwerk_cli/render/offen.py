"""Ausgabe von ``netz offen``: die offenen Fragen in Text, JSON, CSV und Markdown.

Gerechnet ist alles in :mod:`netzwerk_cli.kern.offen`; hier wird nur gesetzt. Namen und
Quellen kommen aus den Daten und gehen durch :mod:`.sicher`, auch innerhalb der fertigen
Sätze des Kerns (sie nennen Regionen).
"""

from __future__ import annotations

import csv
import io
from typing import Any

from rich.console import Console as Konsole
from rich.text import Text

from ..kern.datum import deutsch_tag
from ..kern.modelle import Quelle
from ..kern.offen import ENDET, Frage, Grund, OffenBericht, Punkt, Spanne, Teilmenge
from ..kern.zahlen import anzahl, ganz
from .bausteine import quelle_daten
from .konsole import umbrechen
from .sicher import csv_zelle, markdown_text, markdown_zelle, sichere_url, sichtbar

EINZUG = 4


def _tage(s: Spanne, n: int) -> str:
    """„683 Tage“, „1 Tag“, „2.677 Tage bis heute“ (nach oben offen)."""
    return ("1 Tag" if n == 1 else f"{ganz(n)} Tage") + (" bis heute" if s.offen else "")


def _entscheidet(f: Frage) -> str:
    if not f.entscheidet:
        return "Eine Antwort entscheidet keinen Prüfpunkt."
    liste = "; ".join(p.kurz for p in f.entscheidet)
    return f"Eine Antwort entscheidet {anzahl(len(f.entscheidet), 'Prüfpunkt', 'Prüfpunkte')}: {liste}."


def _grenze(g: Grund) -> str:
    return f"{'frühestens' if g.seite == 'von' else 'spätestens'} {deutsch_tag(g.grenze)}"


def _teilmenge_satz(tm: Teilmenge) -> str:
    """„von den 17 möglichen müssen genau 15 dabei gewesen sein“ (ohne Daten)."""
    k = len(tm.moeglich)
    if tm.mindestens == tm.hoechstens:
        wie = f"genau {tm.mindestens}"
    elif tm.hoechstens >= k:
        wie = f"mindestens {tm.mindestens}"
    elif tm.mindestens == 0:
        wie = f"höchstens {tm.hoechstens}"
    else:
        wie = f"mindestens {tm.mindestens} und höchstens {tm.hoechstens}"
    return f"von {'der einen möglichen' if k == 1 else f'den {k} möglichen'} müssen {wie} dabei gewesen sein"


def kopf(b: OffenBericht) -> list[str]:
    n, m = len(b.geprueft), len(b.nicht_geprueft)
    zeilen = [
        b.regel,
        f"Kein Tag liegt vor dem Programmstart ({deutsch_tag(b.start)}). "
        f"{anzahl(n, 'Prüfpunkt geht', 'Prüfpunkte gehen')} ein"
        + (f", {m} nicht („pruefen: false“ oder ohne Zahl)." if m else "."),
        "Jede Einengung gilt nur, wenn der genannte Prüfpunkt stimmt und alle Verträge erfasst sind.",
    ]
    if len(b.fragen) < b.gesamt:
        erste = "die erste" if len(b.fragen) == 1 else f"die ersten {len(b.fragen)}"
        zeilen.append(f"Gezeigt: {erste} von {b.gesamt} Fragen.")
    return zeilen


def _widerspruch(p: Punkt) -> str:
    return (
        f"Widerspruch: Prüfpunkt {p.name} kann nicht zugleich mit den anderen Prüfpunkten und den "
        "Vertragsdaten zutreffen. Aus einem Widerspruch folgt alles – netz engt darum nichts ein; "
        "„netz validate“ prüft jeden Prüfpunkt einzeln."
    )


# --- Text ------------------------------------------------------------------------------


def _quelle_sichtbar(p: Punkt) -> str:
    """Die Adresse der Quelle eines Prüfpunkts, entschärft – auch wenn die Quelle ein Objekt ist."""
    return sichtbar(p.pruefpunkt.quelle.url)


def text(b: OffenBericht, con: Konsole) -> None:
    con.print(Text(f"Offene Fragen – Stand {deutsch_tag(b.heute)}", style="bold"))
    for z in kopf(b):
        con.print(Text(z, style="dim"))
    if b.widerspruch is not None:
        con.print()
        con.print(
            Text(
                _widerspruch(b.widerspruch) + f" Quelle: {_quelle_sichtbar(b.widerspruch)}",
                style="red",
            )
        )
    if not b.fragen:
        con.print()
        con.print("Keine offenen Fragen: jede Zeitangabe ist auf den Tag genau.")
    breite = len(str(b.gesamt)) + 2
    for f in b.fragen:
        con.print()
        rang = f"{f.rang}.".rjust(breite - 1)
        con.print(
            umbrechen(Text.assemble((f"{rang} {sichtbar(f.frage)}", "bold")), con.width, breite),
            soft_wrap=True,
        )
        _eingerueckt(
            con,
            f"Angabe: {f.angabe.deutsch()}; möglich: {f.bekannt.deutsch()} "
            f"({_tage(f.bekannt, f.tage_bekannt)})",
            breite,
        )
        if f.eingeengt != f.bekannt:
            _eingerueckt(
                con,
                f"Die Prüfpunkte lassen zu: {f.eingeengt.deutsch()} ({_tage(f.eingeengt, f.tage)})",
                breite,
            )
            for g in f.gruende:
                _eingerueckt(
                    con,
                    f"{_grenze(g)} – Prüfpunkt {g.punkt.name}: {sichtbar(g.satz)} "
                    f"Quelle: {_quelle_sichtbar(g.punkt)}",
                    breite + 2,
                )
        _eingerueckt(con, _entscheidet(f), breite)
        _eingerueckt(con, sichtbar(f.datei), breite, stil="dim")
    if b.teilmengen:
        con.print()
        con.print(Text("Was die Zahlen eines Tages über die offenen Regionen sagen", style="bold"))
        for tm in b.teilmengen:
            con.print()
            sicher = ", ".join(sichtbar(r.bezeichnung) for r in tm.sicher)
            _eingerueckt(con, f"Prüfpunkt {tm.punkt.name}, Quelle: {_quelle_sichtbar(tm.punkt)}", 2)
            satz = (
                f"{anzahl(len(tm.sicher), 'Region', 'Regionen')} sicher"
                + (f" ({sicher})" if sicher else "")
                + f"; {_teilmenge_satz(tm)}:"
            )
            _eingerueckt(con, satz, 2)
            for r, angabe in tm.moeglich:
                _eingerueckt(con, f"{sichtbar(r.bezeichnung)} – {angabe}", 4)
    if b.nicht_geprueft:
        con.print()
        liste = "; ".join(p.kurz for p in b.nicht_geprueft)
        con.print(Text(f"Nicht berücksichtigt: {liste}.", style="dim"))


def _eingerueckt(con: Konsole, zeile: str, einzug: int, stil: str = "") -> None:
    t = Text(" " * einzug + zeile, style=stil)
    con.print(umbrechen(t, con.width, einzug=einzug), soft_wrap=True)


# --- JSON ------------------------------------------------------------------------------


def _spanne(s: Spanne) -> dict[str, Any]:
    return {"von": s.von.isoformat(), "bis": None if s.offen else s.bis.isoformat()}


def _punkt(p: Punkt) -> dict[str, Any]:
    pp = p.pruefpunkt
    return {
        "nr": p.nr,
        "datum": pp.datum.text if pp.datum else None,
        "anzahl": pp.anzahl,
        "mindestens": pp.mindestens,
        "hoechstens": p.hoechstens,
        "regierungsbezirk": pp.regierungsbezirk,
        "quelle": quelle_daten(pp.quelle),
        "text": p.kurz,
    }


def _grund(g: Grund) -> dict[str, Any]:
    return {
        "seite": g.seite,
        "grenze": g.grenze.isoformat(),
        "pruefpunkt": _punkt(g.punkt),
        "regel": g.regel,
        "tag": g.tag.isoformat(),
        "sicher": g.sicher,
        "moeglich": g.moeglich,
        "allein": g.allein,
        "begruendung": g.satz,
    }


def frage_daten(f: Frage) -> dict[str, Any]:
    """Eine Frage als JSON-Daten (auch für die Vorlage des Berichts)."""
    return {
        "rang": f.rang,
        "ags": f.region.ags,
        "region": f.region.bezeichnung,
        "datei": f.datei,
        "art": f.art,
        "frage": f.frage,
        "angabe": f.angabe.als_json(),
        "bekannt": _spanne(f.bekannt),
        "tage_bekannt": f.tage_bekannt,
        "eingeengt": _spanne(f.eingeengt),
        "tage": f.tage,
        "nach_oben_offen": f.eingeengt.offen,
        "entscheidet": [_punkt(p) for p in f.entscheidet],
        "gruende": [_grund(g) for g in f.gruende],
    }


def daten(b: OffenBericht) -> dict[str, Any]:
    return {
        "stand": b.heute.isoformat(),
        "programmstart": b.start.isoformat(),
        "regel": b.regel,
        "fragen_gesamt": b.gesamt,
        "widerspruch": _punkt(b.widerspruch) if b.widerspruch is not None else None,
        "fragen": [frage_daten(f) for f in b.fragen],
        "teilmengen": [
            {
                "pruefpunkt": _punkt(tm.punkt),
                "tag": tm.tag.isoformat(),
                "sicher": [r.ags for r in tm.sicher],
                "moeglich": [{"ags": r.ags, "region": r.bezeichnung, "angabe": a} for r, a in tm.moeglich],
                "mindestens": tm.mindestens,
                "hoechstens": tm.hoechstens,
            }
            for tm in b.teilmengen
        ],
        "pruefpunkte": [_punkt(p) for p in b.geprueft],
        "nicht_geprueft": [_punkt(p) for p in b.nicht_geprueft],
    }


# --- CSV -------------------------------------------------------------------------------

CSV_SPALTEN = (
    "rang",
    "ags",
    "region",
    "art",
    "angabe",
    "bekannt_von",
    "bekannt_bis",
    "tage_bekannt",
    "von",
    "bis",
    "tage",
    "pruefpunkte",
    "entscheidet",
)


def csv_text(b: OffenBericht) -> str:
    """Eine Zeile je Frage; ein leeres „bis“ heißt nach oben offen."""
    puffer = io.StringIO()
    w = csv.writer(puffer, lineterminator="\n")
    w.writerow(CSV_SPALTEN)
    for f in b.fragen:
        zeile = [
            f.rang,
            f.region.ags,
            f.region.bezeichnung,
            f.art,
            f.angabe.text,
            f.bekannt.von.isoformat(),
            "" if f.bekannt.offen else f.bekannt.bis.isoformat(),
            f.tage_bekannt,
            f.eingeengt.von.isoformat(),
            "" if f.eingeengt.offen else f.eingeengt.bis.isoformat(),
            f.tage,
            len(f.entscheidet),
            "; ".join(p.kurz for p in f.entscheidet),
        ]
        w.writerow([csv_zelle(z) for z in zeile])
    return puffer.getvalue()


# --- Markdown --------------------------------------------------------------------------


def _quelle(q: Quelle) -> str:
    url = sichere_url(q.url)
    return f"<{url}>" if url else markdown_text(q.url)


def markdown(b: OffenBericht) -> str:
    zeilen = [f"## Offene Fragen – Stand {deutsch_tag(b.heute)}", ""]
    zeilen += [" ".join(kopf(b)), ""]
    if b.widerspruch is not None:
        zeilen += [
            f"**{_widerspruch(b.widerspruch)}** Quelle: {_quelle(b.widerspruch.pruefpunkt.quelle)}",
            "",
        ]
    zeilen += [
        "| Rang | Frage | Angabe | Prüfpunkte lassen zu | Tage | entscheidet |",
        "|---:|---|---|---|---:|---|",
    ]
    for f in b.fragen:
        zu = f.eingeengt.deutsch() if f.eingeengt != f.bekannt else "keine Einengung"
        zeilen.append(
            f"| {f.rang} | {markdown_zelle(f.frage)} | {f.angabe.deutsch()} ({f.bekannt.deutsch()}) | {zu} | "
            f"{ganz(f.tage)} | {'; '.join(p.kurz for p in f.entscheidet) or '–'} |"
        )
    gruende = [(f, g) for f in b.fragen for g in f.gruende]
    if gruende:
        zeilen += ["", "### Was die Prüfpunkte erzwingen", ""]
        for f, g in gruende:
            zeilen.append(
                f"- {markdown_text(f.region.bezeichnung)}, {'Ende' if f.art == ENDET else 'Unterzeichnung'} "
                f"{_grenze(g)} – Prüfpunkt {g.punkt.name}: {markdown_text(g.satz)} "
                f"Quelle: {_quelle(g.punkt.pruefpunkt.quelle)}"
            )
    if b.teilmengen:
        zeilen += ["", "### Was die Zahlen eines Tages über die offenen Regionen sagen", ""]
        for tm in b.teilmengen:
            moeglich = ", ".join(f"{markdown_text(r.bezeichnung)} ({a})" for r, a in tm.moeglich)
            zeilen.append(
                f"- Prüfpunkt {tm.punkt.name} ({_quelle(tm.punkt.pruefpunkt.quelle)}): "
                f"{anzahl(len(tm.sicher), 'Region', 'Regionen')} sicher; {_teilmenge_satz(tm)}: {moeglich}"
            )
    if b.nicht_geprueft:
        zeilen += ["", f"Nicht berücksichtigt: {'; '.join(p.kurz for p in b.nicht_geprueft)}."]
    return "\n".join(zeilen) + "\n"
