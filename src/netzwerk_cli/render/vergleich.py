"""``netz diff`` und ``netz log`` für Menschen (Text), für Pull-Requests (Markdown) und als CSV.

Alles, was aus den Daten oder aus git kommt – Dateinamen, Werte, Namen von Regionen, Autoren
und Betreffzeilen von Commits – geht durch :mod:`.sicher`: im Terminal ``sichtbar``, im
Markdown ``markdown_zelle``/``markdown_code``, in CSV ``csv_zelle``. Die Markdown-Fassung ist
für einen Kommentar am Pull-Request bemessen: knapp, mit Überschriften, lange Listen gekürzt.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from rich.console import Console as Konsole
from rich.text import Text

from ..kern.abdeckung import Stand
from ..kern.befund import Problem
from ..kern.datum import Zeitangabe, deutsch_tag
from ..kern.modelle import Quelle
from ..kern.vergleich import (
    Abdeckungswechsel,
    Aenderung,
    Dateiaenderung,
    Regionslog,
    Vergleich,
    Zeitraumwechsel,
)
from .bausteine import (
    _art_der_zeitangabe,
    als_csv,
    problem_daten,
    quelle_daten,
    quellen_daten,
    zaehlung_daten,
    zaehlung_der_quelle,
    zeitangabe_daten,
)
from .konsole import umbrechen
from .sicher import markdown_code, markdown_zelle, sichtbar

# So viele Einträge je Abschnitt zeigt ein Pull-Request-Kommentar; der Rest wird gezählt
# (GitHub nimmt Kommentare nur bis zu einer Länge an).
MD_HOECHSTENS = 40

STAND = {Stand.MIT: "mit Netzwerk", Stand.UNGEWISS: "ungewiss", Stand.OHNE: "ohne Netzwerk", None: "–"}
_ZEICHEN = {"neu": "+", "entfernt": "-", "geaendert": "~", "fehlerhaft": "!"}


def wert(w: Any) -> str:
    """Ein Wert in netz' Schreibweise (noch nicht entschärft)."""
    if w is None:
        return "–"
    if isinstance(w, Zeitangabe):
        return w.deutsch()
    if isinstance(w, bool):
        return "ja" if w else "nein"
    if isinstance(w, date):
        return deutsch_tag(w)
    if isinstance(w, list):
        return ", ".join(str(x) for x in w) or "–"
    return str(w)


# Die Felder der Daten in Worten (statt „geprueft_durch“, „pruefpunkt.regionen“, „gueltig_ab“);
# ein Feld, das hier fehlt, erscheint mit Leerzeichen statt Unterstrichen.
FELDNAMEN = {
    "ags": "AGS",
    "name": "Name",
    "bezeichnung": "Bezeichnung",
    "art": "Art",
    "regierungsbezirk": "Regierungsbezirk",
    "nuts3": "NUTS-3-Code",
    "einwohner": "Einwohner",
    "flaeche_km2": "Fläche (km²)",
    "statistik_stand": "Stand der Statistik",
    "statistik_quelle": "Quelle der Statistik",
    "gueltig_ab": "gültig ab",
    "gueltig_bis": "gültig bis",
    "vorgaenger": "Vorgänger",
    "nachfolger": "Nachfolger",
    "quellen": "Quellen",
    "quelle": "Quelle",
    "bemerkung": "Bemerkung",
    "region": "Region",
    "unterzeichnet": "unterzeichnet",
    "umfasst": "umfasst",
    "beginn": "Beginn",
    "endet": "Ende",
    "ende_grund": "Grund des Endes",
    "ende_quellen": "Quellen des Endes",
    "fortsetzung": "Fortsetzung",
    "bildungsbuero": "Bildungsbüro",
    "adresse": "Adresse",
    "ansprechperson": "Ansprechperson",
    "telefon": "Telefon",
    "email": "E-Mail",
    "web": "Webseite",
    "lenkungskreis": "Lenkungskreis",
    "konstituiert": "konstituiert",
    "bildungskonferenz": "Bildungskonferenz",
    "datum": "Datum",
    "regionen": "Regionen",
    "ags_praefix": "AGS-Präfix",
    "erste_vertraege": "erste Verträge",
    "ziel": "Ziel",
    "anzahl": "Anzahl",
    "bis": "bis",
    "geprueft_am": "geprüft am",
    "geprueft_durch": "geprüft durch",
    "pruefpunkte_hoechstalter": "Höchstalter der Prüfpunkte",
    "pruefpunkt": "Prüfpunkt",
    "mindestens": "mindestens",
    "hoechstens": "höchstens",
    "vollstaendig": "vollständig",
    "ohne": "ohne Netzwerk",
    "aussage": "Aussage",
    "pruefen": "prüfen",
    "url": "Webadresse",
    "abgerufen": "abgerufen",
    "archiv": "Archiv",
    "zitat": "Zitat",
}


# ein Datum, dessen Spanne schmaler wird, ist dasselbe Datum, nur genauer belegt
GENAUIGKEIT = {"genauer": "präzisiert", "ungenauer": "ungenauer"}


def feldname(feld: str) -> str:
    """„pruefpunkt.regionen“ → „Prüfpunkt, Regionen“."""
    return ", ".join(FELDNAMEN.get(t, t.replace("_", " ")) for t in feld.split("."))


def aenderung_text(a: Aenderung, s: Callable[[str], str]) -> str:
    """„unterzeichnet: 2009 → 14.01.2009, präzisiert“ – ``s`` entschärft die Werte fürs Ziel."""
    feld = feldname(a.feld)
    feld += f" ({s(a.bezug.deutsch())})" if a.bezug is not None and "." in a.feld else ""
    if a.nur_quellen and (isinstance(a.alt, list) or isinstance(a.neu, list)):
        teile = [f"+{s(q)}" for q in a.hinzu] + [f"−{s(q)}" for q in a.weg]
        return f"{feld}: " + ", ".join(teile)
    if a.alt is None:
        return f"{feld} eingetragen: {s(wert(a.neu))}"
    if a.neu is None:
        return f"{feld} entfernt (war {s(wert(a.alt))})"
    text = f"{feld}: {s(wert(a.alt))} → {s(wert(a.neu))}"
    return text + (f", {GENAUIGKEIT.get(a.genauigkeit, a.genauigkeit)}" if a.genauigkeit else "")


def kopf(d: Dateiaenderung, s: Callable[[str], str]) -> str:
    """Was mit der Datei geschah, in netz' Worten."""
    art = {"region": "Region", "vertrag": "Vertrag", "programm": "Programm"}[d.art]
    m = d.neu if d.neu is not None else d.alt
    if d.wie == "fehlerhaft":
        return f"{art}: auf einer Seite nicht lesbar (siehe Befunde)"
    if d.art == "vertrag" and d.wie in ("neu", "entfernt"):
        v: Any = m
        text = f"unterzeichnet {s(v.unterzeichnet.deutsch())}"
        if v.endet is not None:
            text += f", endet {s(v.endet.deutsch())}"
        return f"Vertrag eingetragen: {text}" if d.wie == "neu" else f"Vertrag entfernt (war: {text})"
    if d.art == "region" and d.wie in ("neu", "entfernt"):
        r: Any = m
        return f"Region {'eingetragen' if d.wie == 'neu' else 'entfernt'}: {s(r.bezeichnung)}"
    if d.nur_quellen:
        return f"{art}: nur Quellen geändert"
    return f"{art} geändert"


def _zahl(z: Any) -> str:
    return f"{z.sicher} sicher, {z.moeglich} möglich"


def titel_heute(v: Vergleich) -> str:
    return "Abdeckung heute" if v.stichtag_ist_heute else "Abdeckung am Stichtag"


def titel_staende(v: Vergleich) -> str:
    tag = "heute" if v.stichtag_ist_heute else f"am {deutsch_tag(v.heute.stichtag)}"
    return f"Stand der Regionen {tag}"


def zeitraum_text(z: Zeitraumwechsel) -> str:
    """„01.08.2025–30.11.2026: sicher 51 → 50, möglich 52 → 51“; ändert sich die Zählung in der
    Spanne auch sonst: „sicher je +1 (anfangs 18 → 19, zuletzt 25 → 26)“."""
    wann = deutsch_tag(z.von) if z.von == z.bis else f"{deutsch_tag(z.von)}–{deutsch_tag(z.bis)}"
    teile = []
    for name, feld in (("sicher", "sicher"), ("möglich", "moeglich")):
        a, n = getattr(z.alt, feld), getattr(z.neu, feld)
        if a == n:
            continue
        ae, ne = getattr(z.alt_ende, feld), getattr(z.neu_ende, feld)
        if (a, n) == (ae, ne):
            teile.append(f"{name} {a} → {n}")
        else:
            je = f"{n - a:+d}".replace("-", "−")
            teile.append(f"{name} je {je} (anfangs {a} → {n}, zuletzt {ae} → {ne})")
    return f"{wann}: {', '.join(teile)}"


def vertragsangaben(d: Dateiaenderung, s: Callable[[str], str]) -> tuple[list[str], list[str]]:
    """Für einen neuen oder geänderten Vertrag: seine Daten, wie netz sie liest, und seine
    Quellen (ganze Adressen) – das, was der Prüfer gegeneinander hält."""
    v: Any = d.neu
    if d.art != "vertrag" or v is None or d.wie not in ("neu", "geaendert"):
        return [], []
    daten = [f"unterzeichnet {s(_art_der_zeitangabe(v.unterzeichnet))}"]
    if v.beginn is not None:
        daten.append(f"Beginn {s(_art_der_zeitangabe(v.beginn))}")
    if v.endet is not None:
        daten.append(f"Ende {s(_art_der_zeitangabe(v.endet))}")
    quellen = [s(str(q)) for q in v.quellen] or ["keine (Fehler NZ601)"]
    quellen += [f"{s(str(q))} (zum Ende)" for q in v.ende_quellen]
    return daten, quellen


def abdeckung_text(titel: str, w: Abdeckungswechsel) -> list[str]:
    g = w.gesamt
    if not w.geaendert:
        return [f"{titel} ({deutsch_tag(w.stichtag)}): unverändert {_zahl(g.neu)} von {g.neu.gesamt}"]
    out = [
        f"{titel} ({deutsch_tag(w.stichtag)}): sicher {g.alt.sicher} → {g.neu.sicher}, "
        f"möglich {g.alt.moeglich} → {g.neu.moeglich} von {g.neu.gesamt}"
    ]
    out += [
        f"  RB {b.gebiet}: sicher {b.alt.sicher} → {b.neu.sicher}, "
        f"möglich {b.alt.moeglich} → {b.neu.moeglich}"
        for b in w.bezirke
    ]
    return out


def _punkt(p: Any, s: Callable[[str], str]) -> str:
    soll = zaehlung_der_quelle(p.punkt)
    wann = s(p.punkt.datum.deutsch()) if p.punkt.datum else "undatiert"
    gebiet = f" (RB {s(p.punkt.regierungsbezirk)})" if p.punkt.regierungsbezirk else ""
    jetzt = "jetzt erfüllt" if p.neu else "jetzt verfehlt"
    return f"{wann}: {soll}{gebiet} – {jetzt}"


def _befund(p: Problem, s: Callable[[str], str]) -> str:
    art = "Fehler" if p.ist_fehler else "Warnung"
    return f"{s(p.datei)}:{p.zeile}: {art} {s(p.code)} {s(p.meldung)}"


# --- Text ---------------------------------------------------------------------------------


def _zeile(con: Konsole, text: str | Text, einzug: int | None = None) -> None:
    """Eine Zeile, an Wortgrenzen umbrochen wie jede Textausgabe (Adressen bleiben ganz)."""
    con.print(umbrechen(text, con.width, einzug), soft_wrap=True, highlight=False)


def vergleich(v: Vergleich, con: Konsole) -> None:
    s = sichtbar
    _zeile(con, Text(f"netz diff: {s(v.basis)} → {s(v.ziel)}", style="bold"))
    con.print()
    for zeile in abdeckung_text(titel_heute(v), v.heute):
        _zeile(con, zeile)
    if v.zieltag is not None:
        for zeile in abdeckung_text("Am Zieltag", v.zieltag):
            _zeile(con, zeile)
    if v.vergangenheit:
        con.print()
        con.print(Text("Vergangenheit geändert", style="bold"))
        for z in v.vergangenheit:
            _zeile(con, f"  {zeitraum_text(z)}")
    if v.staende:
        con.print()
        con.print(Text(titel_staende(v), style="bold"))
        for w in v.staende:
            # zwei Zeilen statt einer: so passt es auch in 80 Spalten
            _zeile(con, f"  {s(w.bezeichnung)} ({s(w.ags)}): {STAND[w.alt]} → {STAND[w.neu]}")
            _zeile(con, f"      {s(w.ereignis)}")
    tatsachen = [d for d in v.dateien if not d.nur_quellen]
    if tatsachen:
        con.print()
        con.print(Text("Geänderte Tatsachen", style="bold"))
        _dateien_text(tatsachen, con)
    _quellen_text(v.dateien, con)
    if v.pruefpunkte:
        con.print()
        con.print(Text("Prüfpunkte", style="bold"))
        for p in v.pruefpunkte:
            con.print(f"  {'✓' if p.neu else '✗'} {_punkt(p, s)}", highlight=False)
    if v.befunde_neu or v.befunde_behoben:
        con.print()
        con.print(Text("Befunde", style="bold"))
        for b in v.befunde_neu:
            _zeile(con, f"  neu:     {_befund(b, s)}", 11)
        for b in v.befunde_behoben:
            _zeile(con, f"  behoben: {_befund(b, s)}", 11)
    if v.leer:
        con.print()
        con.print("Keine Änderung an den Daten.")
    if not v.gueltig:
        con.print()
        seite = " und ".join(t for t, n in (("vorher", v.fehler_alt), ("nachher", v.fehler_neu)) if n)
        con.print(
            Text(f"Die Daten {seite} enthalten Fehler; die Zahlen sind nicht verlässlich.", style="red")
        )


def _dateien_text(dateien: Sequence[Dateiaenderung], con: Konsole, einzug: str = "  ") -> None:
    s = sichtbar
    for d in dateien:
        _zeile(con, f"{einzug}{_ZEICHEN[d.wie]} {s(d.datei)}")
        if d.datei_vorher is not None:
            _zeile(con, f"{einzug}    vorher: {s(d.datei_vorher)}")
        if d.wie != "geaendert":
            _zeile(con, f"{einzug}    {kopf(d, s)}")
        for a in d.tatsachen:
            _zeile(con, f"{einzug}    {aenderung_text(a, s)}")
        daten, quellen = vertragsangaben(d, s)
        if daten:
            _zeile(con, f"{einzug}    gelesen: {'; '.join(daten)}")
        for q in quellen:
            _zeile(con, f"{einzug}    Quelle: {q}")


def _quellen_text(dateien: Sequence[Dateiaenderung], con: Konsole, einzug: str = "  ") -> None:
    mit = [d for d in dateien if d.quellen]
    if not mit:
        return
    con.print()
    con.print(Text("Nur Quellen", style="bold"))
    for d in mit:
        _zeile(con, f"{einzug}{sichtbar(d.datei)}")
        for a in d.quellen:
            _zeile(con, f"{einzug}    {aenderung_text(a, sichtbar)}")


def regionslog(b: Regionslog, con: Konsole) -> None:
    s = sichtbar
    con.print(Text(f"{s(b.region.bezeichnung)} ({s(b.region.ags)}) – Geschichte im Repository", style="bold"))
    if not b.eintraege:
        con.print("Kein Commit hat ihre Dateien berührt.")
    for e in b.eintraege:
        con.print()
        tag = deutsch_tag(e.datum) if e.datum else "?"
        _zeile(con, f"{tag}  {e.kennung[:10]}  {s(e.autor)}")
        _zeile(con, Text(f"  {s(e.betreff)}", style="bold"))
        for d in e.dateien:
            zeilen = [kopf(d, s)] if d.wie != "geaendert" or d.nur_quellen else []
            zeilen += [aenderung_text(a, s) for a in d.aenderungen if d.wie == "geaendert"]
            for z in zeilen:
                _zeile(con, f"  {z}")
        for p in e.befunde:
            _zeile(con, Text(f"  Befund: {_befund(p, s)}", style="red"))


# --- Markdown ---------------------------------------------------------------------------


def _gekuerzt(zeilen: list[str], was: str) -> list[str]:
    if len(zeilen) <= MD_HOECHSTENS:
        return zeilen
    return [*zeilen[:MD_HOECHSTENS], f"- … und {len(zeilen) - MD_HOECHSTENS} weitere {was}"]


def vergleich_markdown(v: Vergleich) -> str:
    z = markdown_zelle
    out = [f"### netz diff: {z(v.basis)} → {z(v.ziel)}", ""]
    if not v.gueltig:
        out += ["❌ Die Daten enthalten Fehler (siehe Befunde); die Zahlen sind nicht verlässlich.", ""]
    for titel, w in ((titel_heute(v), v.heute), ("Am Zieltag", v.zieltag)):
        if w is None:
            continue
        zeilen = abdeckung_text(titel, w)
        out.append(f"**{zeilen[0]}**")
        out += [f"- {x.strip()}" for x in zeilen[1:]]
        out.append("")
    if v.vergangenheit:
        out += ["#### Vergangenheit geändert", ""]
        out += _gekuerzt([f"- {zeitraum_text(x)}" for x in v.vergangenheit], "Zeiträume")
        out.append("")
    if v.staende:
        out += [f"#### {titel_staende(v)}", ""]
        out += _gekuerzt(
            [
                f"- {z(w.bezeichnung)} ({z(w.ags)}): {STAND[w.alt]} → {STAND[w.neu]} – {z(w.ereignis)}"
                for w in v.staende
            ],
            "Regionen",
        )
        out.append("")
    tatsachen = [d for d in v.dateien if not d.nur_quellen]
    if tatsachen:
        out += ["#### Geänderte Tatsachen", ""]
        zeilen = []
        for d in tatsachen:
            zeilen.append(f"- {markdown_code(d.datei)}: {kopf(d, z)}")
            if d.datei_vorher is not None:
                zeilen.append(f"  - vorher: {markdown_code(d.datei_vorher)}")
            zeilen += [f"  - {aenderung_text(a, z)}" for a in d.tatsachen]
            daten, quellen = vertragsangaben(d, z)
            if daten:
                zeilen.append(f"  - gelesen: {'; '.join(daten)}")
            zeilen += [f"  - Quelle: {q}" for q in quellen]
        out += _gekuerzt(zeilen, "Zeilen")
        out.append("")
    mit_quellen = [d for d in v.dateien if d.quellen]
    if mit_quellen:
        out += ["#### Nur Quellen", ""]
        out += _gekuerzt(
            [
                f"- {markdown_code(d.datei)}: " + "; ".join(aenderung_text(a, z) for a in d.quellen)
                for d in mit_quellen
            ],
            "Dateien",
        )
        out.append("")
    if v.pruefpunkte:
        out += ["#### Prüfpunkte", ""]
        out += [f"- {'✅' if p.neu else '❌'} {_punkt(p, z)}" for p in v.pruefpunkte]
        out.append("")
    if v.befunde_neu or v.befunde_behoben:
        out += ["#### Befunde", ""]
        zeilen = [f"- neu: {_befund_md(p)}" for p in v.befunde_neu]
        zeilen += [f"- behoben: {_befund_md(p)}" for p in v.befunde_behoben]
        out += _gekuerzt(zeilen, "Befunde")
        out.append("")
    if v.leer:
        out += ["Keine Änderung an den Daten.", ""]
    return "\n".join(out)


def _befund_md(p: Problem) -> str:
    art = "Fehler" if p.ist_fehler else "Warnung"
    return f"{markdown_code(p.datei)}:{p.zeile} {art} {markdown_zelle(p.code)} {markdown_zelle(p.meldung)}"


def regionslog_markdown(b: Regionslog) -> str:
    z = markdown_zelle
    out = [f"### {z(b.region.bezeichnung)} ({z(b.region.ags)}) – Geschichte", ""]
    for e in b.eintraege:
        tag = deutsch_tag(e.datum) if e.datum else "?"
        out.append(f"- **{tag}** {markdown_code(e.kennung[:10])} {z(e.autor)}: {z(e.betreff)}")
        for d in e.dateien:
            zeilen = [kopf(d, z)] if d.wie != "geaendert" or d.nur_quellen else []
            zeilen += [aenderung_text(a, z) for a in d.aenderungen if d.wie == "geaendert"]
            out += [f"  - {x}" for x in zeilen]
    if not b.eintraege:
        out.append("Kein Commit hat ihre Dateien berührt.")
    return "\n".join(out) + "\n"


# --- CSV --------------------------------------------------------------------------------

_KOPF = ("datei", "ags", "wie", "feld", "bezug", "alt", "neu", "genauigkeit", "nur_quellen")


def _zeilen(dateien: Sequence[Dateiaenderung], vorne: Sequence[Any] = ()) -> list[list[Any]]:
    out: list[list[Any]] = []
    for d in dateien:
        if not d.aenderungen:
            out.append([*vorne, d.datei, d.ags, d.wie, "", "", "", "", "", ""])
        for a in d.aenderungen:
            out.append(
                [
                    *vorne,
                    d.datei,
                    d.ags,
                    d.wie,
                    a.feld,
                    a.bezug.text if a.bezug else "",
                    _csv_wert(a.alt),
                    _csv_wert(a.neu),
                    a.genauigkeit or "",
                    "ja" if a.nur_quellen else "nein",
                ]
            )
    return out


def _csv_wert(w: Any) -> str:
    if isinstance(w, Zeitangabe):
        return w.text
    if isinstance(w, date):
        return w.isoformat()
    if isinstance(w, list):
        return " ".join(str(x) for x in w)
    return "" if w is None else str(w)


def vergleich_csv(v: Vergleich) -> str:
    """Eine Zeile je geändertem Feld (neue und entfernte Dateien: eine Zeile)."""
    return als_csv(_KOPF, _zeilen(v.dateien))


def regionslog_csv(b: Regionslog) -> str:
    zeilen = []
    for e in b.eintraege:
        vorne = [e.kennung, e.datum.isoformat() if e.datum else "", e.autor, e.betreff]
        zeilen += _zeilen(e.dateien, vorne)
    return als_csv(("commit", "datum", "autor", "betreff", *_KOPF), zeilen)


def _vergleichswert(w: Any) -> Any:
    if isinstance(w, Zeitangabe):
        return w.als_json()
    if isinstance(w, date):
        return w.isoformat()
    if isinstance(w, list):
        return [quelle_daten(x) if isinstance(x, Quelle) else str(x) for x in w]  # Quellen oder AGS
    if isinstance(w, Quelle):
        return quelle_daten(w)
    return w


def _vertrag_gelesen(d: Dateiaenderung) -> dict[str, Any] | None:
    """Ein neuer oder geänderter Vertrag: seine Daten, wie netz sie liest, und seine Quellen."""
    v: Any = d.neu
    if d.art != "vertrag" or v is None or d.wie not in ("neu", "geaendert"):
        return None
    return {
        "unterzeichnet": zeitangabe_daten(v.unterzeichnet),
        "beginn": zeitangabe_daten(v.beginn),
        "endet": zeitangabe_daten(v.endet),
        "quellen": quellen_daten(v.quellen),
        "ende_quellen": quellen_daten(v.ende_quellen),
    }


def dateiaenderung(d: Dateiaenderung) -> dict[str, Any]:
    return {
        "art": d.art,
        "datei": d.datei,
        "datei_vorher": d.datei_vorher,
        "ags": d.ags,
        "wie": d.wie,
        "vertrag": _vertrag_gelesen(d),
        "aenderungen": [
            {
                "feld": a.feld,
                "bezug": zeitangabe_daten(a.bezug),
                "alt": _vergleichswert(a.alt),
                "neu": _vergleichswert(a.neu),
                "genauigkeit": a.genauigkeit,
                "nur_quellen": a.nur_quellen,
            }
            for a in d.aenderungen
        ],
    }


def _abdeckungswechsel(w: Abdeckungswechsel | None) -> dict[str, Any] | None:
    if w is None:
        return None
    return {
        "stichtag": w.stichtag.isoformat(),
        "vorher": zaehlung_daten(w.gesamt.alt),
        "nachher": zaehlung_daten(w.gesamt.neu),
        "nach_regierungsbezirk": {
            b.gebiet: {"vorher": zaehlung_daten(b.alt), "nachher": zaehlung_daten(b.neu)} for b in w.bezirke
        },
    }


def vergleich_daten(v: Vergleich) -> dict[str, Any]:
    return {
        "basis": v.basis,
        "ziel": v.ziel,
        "gueltig": v.gueltig,
        "fehler_vorher": v.fehler_alt,
        "fehler_nachher": v.fehler_neu,
        "heute": _abdeckungswechsel(v.heute),
        "zieltag": _abdeckungswechsel(v.zieltag),
        "stichtag_ist_heute": v.stichtag_ist_heute,
        "vergangenheit": [
            {
                "von": z.von.isoformat(),
                "bis": z.bis.isoformat(),
                "unterschied_sicher": z.sicher,
                "unterschied_moeglich": z.moeglich,
                "vorher_anfangs": zaehlung_daten(z.alt),
                "nachher_anfangs": zaehlung_daten(z.neu),
                "vorher_zuletzt": zaehlung_daten(z.alt_ende),
                "nachher_zuletzt": zaehlung_daten(z.neu_ende),
            }
            for z in v.vergangenheit
        ],
        "staende": [
            {
                "ags": w.ags,
                "bezeichnung": w.bezeichnung,
                "vorher": w.alt.value if w.alt else None,
                "nachher": w.neu.value if w.neu else None,
                "ereignis": w.ereignis,
            }
            for w in v.staende
        ],
        "dateien": [dateiaenderung(d) for d in v.dateien],
        "pruefpunkte": [
            {
                "datum": p.punkt.datum.text if p.punkt.datum else None,
                "regierungsbezirk": p.punkt.regierungsbezirk,
                "anzahl": p.punkt.anzahl,
                "mindestens": p.punkt.mindestens,
                "erfuellt_vorher": p.alt,
                "erfuellt_nachher": p.neu,
            }
            for p in v.pruefpunkte
        ],
        "befunde_neu": [problem_daten(p) for p in v.befunde_neu],
        "befunde_behoben": [problem_daten(p) for p in v.befunde_behoben],
        "probleme_vorher": [problem_daten(p) for p in v.probleme_alt],
        "probleme_nachher": [problem_daten(p) for p in v.probleme_neu],
    }


def regionslog_daten(b: Regionslog) -> dict[str, Any]:
    return {
        "ags": b.region.ags,
        "bezeichnung": b.region.bezeichnung,
        "commits": [
            {
                "commit": e.kennung,
                "datum": e.datum.isoformat() if e.datum else None,
                "autor": e.autor,
                "betreff": e.betreff,
                "dateien": [dateiaenderung(d) for d in e.dateien],
                "befunde": [problem_daten(p) for p in e.befunde],
            }
            for e in b.eintraege
        ],
    }
