"""Der Bericht von ``netz sources check``: Text fürs Terminal, JSON, Markdown (Datei des Workflows).

Jede Adresse und jeder Dateiname kommt aus den Daten und geht darum durch :mod:`.sicher`;
eine Adresse mit Steuerzeichen erscheint mit ``\\x1b`` statt das Terminal zu steuern.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from rich.console import Console as Konsole
from rich.text import Text

from ..kern.datum import deutsch_tag
from ..kern.quellen import ART_TEXT, Art, Ergebnis, Linkbericht, Quellenstand, Stufe
from ..kern.zahlen import anzahl, dezimal
from .konsole import umbrechen
from .sicher import csv_zelle, markdown_code, markdown_zelle, sichere_url, sichtbar

_UEBERSCHRIFT = {
    Stufe.WARNUNG: "Warnungen",
    Stufe.UMGELEITET: "Umgeleitet",
    Stufe.OK: "Erreichbar",
}


def _sekunden(x: float) -> str:
    return f"{dezimal(x, 1)} s"


def _frist(b: Linkbericht) -> str:
    return _sekunden(b.zeitlimit) if b.zeitlimit != int(b.zeitlimit) else f"{int(b.zeitlimit)} s"


def kopf(b: Linkbericht) -> str:
    """„98 Webadressen und 1 Datei geprüft (Frist 10 s): 80 erreichbar, 9 umgeleitet, 9 mit Warnung.“"""
    web = sum(e.adresse.art is not Art.DATEI for e in b.ergebnisse)
    dateien = len(b.ergebnisse) - web
    was = anzahl(web, "Webadresse", "Webadressen")
    if dateien:
        was += f" und {anzahl(dateien, 'Datei', 'Dateien')}"
    zahlen = (
        f"{b.zahl(Stufe.OK)} erreichbar, {b.zahl(Stufe.UMGELEITET)} umgeleitet, "
        f"{b.zahl(Stufe.WARNUNG)} mit Warnung"
    )
    return f"{was} geprüft (Frist {_frist(b)}): {zahlen}."


def _uebergangen(b: Linkbericht | Quellenstand) -> str:
    if not b.uebergangen:
        return ""
    return (
        f"{anzahl(b.uebergangen, 'Datei mit Fehlern wurde', 'Dateien mit Fehlern wurden')} übergangen; "
        "„netz validate“ zeigt die Befunde."
    )


def _ergebnis_text(e: Ergebnis) -> str:
    """„nicht gefunden (404) · 0,3 s“ – netz' Worte, ohne Daten."""
    if e.adresse.art is Art.DATEI:
        return e.text
    art = "" if e.adresse.art is Art.QUELLE else f"{ART_TEXT[e.adresse.art]}: "
    return f"{art}{e.text} · {_sekunden(e.antwort.sekunden)}"


# --- Text -------------------------------------------------------------------------------


def linkbericht(b: Linkbericht, con: Konsole) -> None:
    con.print(Text(f"Quellenprüfung am {deutsch_tag(b.heute)}", style="bold"))
    con.print(umbrechen(kopf(b), con.width), soft_wrap=True)
    if hinweis := _uebergangen(b):
        con.print(umbrechen(Text(hinweis, style="yellow"), con.width), soft_wrap=True)
    for stufe, stil in ((Stufe.WARNUNG, "yellow"), (Stufe.UMGELEITET, "cyan")):
        liste = [e for e in b.ergebnisse if e.stufe is stufe]
        if not liste:
            continue
        con.print()
        con.print(Text(f"{_UEBERSCHRIFT[stufe]} ({len(liste)})", style=f"bold {stil}"))
        for e in liste:
            _eintrag(e, con, stil)
    con.print()
    if b.ergebnisse:
        con.print(
            umbrechen(
                "Jede Adresse mit Ergebnis, Zeit und zitierenden Dateien: --format markdown "
                "oder --bericht DATEI.",
                con.width,
            ),
            soft_wrap=True,
        )
    else:
        con.print("Die Daten nennen keine Webadresse.")


def _eintrag(e: Ergebnis, con: Konsole, stil: str) -> None:
    # die Adresse allein auf ihrer Zeile: sie wird nie umbrochen und bleibt kopierbar
    con.print(Text(sichtbar(e.adresse.url)), soft_wrap=True)
    con.print(umbrechen(Text("  " + _ergebnis_text(e), style=stil), con.width, einzug=4), soft_wrap=True)
    if e.antwort.umleitungen and e.antwort.ziel and e.antwort.ziel != e.adresse.url:
        con.print(Text(f"  → {sichtbar(e.antwort.ziel)}"), soft_wrap=True)
    dateien = ", ".join(sichtbar(d) for d in e.adresse.dateien)
    con.print(umbrechen(f"  zitiert in {dateien}", con.width, einzug=4), soft_wrap=True)


# --- JSON -------------------------------------------------------------------------------


def _eintrag_daten(e: Ergebnis) -> dict[str, Any]:
    a = e.antwort
    return {
        "url": e.adresse.url,
        "art": e.adresse.art.value,
        "stufe": e.stufe.value,
        "ergebnis": e.ergebnis,
        "text": e.text,
        "status": a.status,
        "ziel": a.ziel,
        "umleitungen": a.umleitungen,
        "sekunden": round(a.sekunden, 3),
        "dateien": list(e.adresse.dateien),
    }


def linkbericht_daten(b: Linkbericht) -> dict[str, Any]:
    return {
        "geprueft_am": b.heute.isoformat(),
        "frist_sekunden": b.zeitlimit,
        "anzahl": {
            "gesamt": len(b.ergebnisse),
            "erreichbar": b.zahl(Stufe.OK),
            "umgeleitet": b.zahl(Stufe.UMGELEITET),
            "warnungen": b.zahl(Stufe.WARNUNG),
        },
        "uebergangene_dateien": b.uebergangen,
        "adressen": [_eintrag_daten(e) for e in b.ergebnisse],
    }


# --- CSV --------------------------------------------------------------------------------

CSV_SPALTEN = ("url", "art", "stufe", "ergebnis", "status", "ziel", "umleitungen", "sekunden", "dateien")


def linkbericht_csv(b: Linkbericht) -> str:
    """Eine Zeile je Adresse; die zitierenden Dateien durch Leerzeichen getrennt."""
    puffer = io.StringIO()
    w = csv.writer(puffer, lineterminator="\n")
    w.writerow(CSV_SPALTEN)
    for e in b.ergebnisse:
        d = _eintrag_daten(e)
        zeile = [*(d[k] for k in CSV_SPALTEN[:-1]), " ".join(d["dateien"])]
        w.writerow([csv_zelle("" if z is None else z) for z in zeile])
    return puffer.getvalue()


# --- Markdown ---------------------------------------------------------------------------


def _adresse_md(url: str) -> str:
    sicher = sichere_url(url)
    return f"<{sicher}>" if sicher else markdown_zelle(url)


def linkbericht_markdown(b: Linkbericht) -> str:
    """Der Bericht als Markdown: für die Datei des Workflows (--bericht) und ein Issue."""
    out = [f"# Quellenprüfung vom {deutsch_tag(b.heute)}", "", kopf(b)]
    if hinweis := _uebergangen(b):
        out += ["", hinweis]
    for stufe in (Stufe.WARNUNG, Stufe.UMGELEITET, Stufe.OK):
        liste = [e for e in b.ergebnisse if e.stufe is stufe]
        if not liste:
            continue
        out += [
            "",
            f"## {_UEBERSCHRIFT[stufe]} ({len(liste)})",
            "",
            "| Adresse | Art | Ergebnis | Ziel der Umleitung | Zeit | zitiert in |",
            "|---|---|---|---|---:|---|",
        ]
        for e in liste:
            ziel = e.antwort.ziel if e.antwort.ziel and e.antwort.ziel != e.adresse.url else None
            zeit = "" if e.adresse.art is Art.DATEI else _sekunden(e.antwort.sekunden)
            zellen = [
                _adresse_md(e.adresse.url),
                ART_TEXT[e.adresse.art],
                e.text,
                _adresse_md(ziel) if ziel else "",
                zeit,
                "<br>".join(markdown_code(d) for d in e.adresse.dateien),
            ]
            out.append("| " + " | ".join(zellen) + " |")
    if not b.ergebnisse:
        out += ["", "Die Daten nennen keine Webadresse."]
    return "\n".join(out) + "\n"


# --- netz sources: das Erscheinungsdatum jeder Quelle -----------------------------------


def stand_kopf(b: Quellenstand) -> str:
    """„57 von 106 Quellen mit Erscheinungsdatum, 49 ohne.“"""
    gesamt = len(b.quellen)
    return (
        f"{len(b.datiert)} von {anzahl(gesamt, 'Quelle', 'Quellen')} mit Erscheinungsdatum, "
        f"{len(b.undatiert)} ohne."
    )


def quellenstand(b: Quellenstand, con: Konsole) -> None:
    con.print(Text("Quellen der Daten", style="bold"))
    con.print(umbrechen(stand_kopf(b), con.width), soft_wrap=True)
    if hinweis := _uebergangen(b):
        con.print(umbrechen(Text(hinweis, style="yellow"), con.width), soft_wrap=True)
    if b.undatiert:
        con.print()
        con.print(Text(f"Ohne Erscheinungsdatum ({len(b.undatiert)})", style="bold"))
        for d in b.undatiert:
            # die Adresse allein auf ihrer Zeile: nie umbrochen, kopierbar
            con.print(Text(sichtbar(d.url)), soft_wrap=True)
            dateien = ", ".join(sichtbar(f) for f in d.dateien)
            zeile = Text(f"  zitiert in {dateien}", style="dim")
            con.print(umbrechen(zeile, con.width, einzug=4), soft_wrap=True)
    con.print()
    con.print(
        umbrechen(
            "Ein Erscheinungsdatum trägt eine Quelle als Objekt: „- url: …“ mit „veroeffentlicht: …“ "
            "(docs/quellen.md). Jede Adresse mit Datum: --format json.",
            con.width,
        ),
        soft_wrap=True,
    )


def quellenstand_daten(b: Quellenstand) -> dict[str, Any]:
    return {
        "anzahl": {"gesamt": len(b.quellen), "datiert": len(b.datiert), "undatiert": len(b.undatiert)},
        "uebergangene_dateien": b.uebergangen,
        "quellen": [
            {
                "url": d.url,
                "art": d.art.value,
                "veroeffentlicht": d.veroeffentlicht.als_json() if d.veroeffentlicht else None,
                "dateien": list(d.dateien),
            }
            for d in b.quellen
        ],
    }


def quellenstand_csv(b: Quellenstand) -> str:
    puffer = io.StringIO()
    w = csv.writer(puffer, lineterminator="\n")
    w.writerow(("url", "art", "veroeffentlicht", "frueh", "spaet", "dateien"))
    for d in b.quellen:
        v = d.veroeffentlicht
        w.writerow(
            csv_zelle(x)
            for x in (
                d.url,
                d.art.value,
                v.text if v else "",
                v.frueh.isoformat() if v and v.frueh else "",
                v.spaet.isoformat() if v and v.spaet else "",
                " ".join(d.dateien),
            )
        )
    return puffer.getvalue()


def quellenstand_markdown(b: Quellenstand) -> str:
    zeilen = ["## Quellen der Daten", "", stand_kopf(b), ""]
    if b.undatiert:
        zeilen += ["| Quelle ohne Erscheinungsdatum | zitiert in |", "|---|---|"]
        for d in b.undatiert:
            url = sichere_url(d.url)
            ort = f"<{url}>" if url else markdown_zelle(d.url)
            zeilen.append(f"| {ort} | {', '.join(markdown_code(f) for f in d.dateien)} |")
        zeilen.append("")
    return "\n".join(zeilen)
