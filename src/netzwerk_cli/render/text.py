"""Text für Menschen: im Terminal farbig über rich, in Pipe und Datei schlicht.

Jeder Text aus den Daten (Namen, Bemerkungen, Quellen, Dateinamen, Meldungen, die Daten
zitieren) geht durch :func:`~.sicher.sichtbar` (hier ``_s``): Steuerzeichen und Bidi-Zeichen
erscheinen als ``\\x1b`` oder ``U+202E``, statt das Terminal eines Betreuers zu steuern.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from rich.console import Console as Konsole
from rich.table import Table
from rich.text import Text

from ..kern.abdeckung import RegionStand, Stand, Zaehlung
from ..kern.befund import Problem
from ..kern.belege import Belegstand, dauer_deutsch
from ..kern.bericht import Konferenzbericht, RegionBericht, Regionenbericht, StatusBericht
from ..kern.bevoelkerung import Anteil, Einwohnerbericht, Einwohnerzahl
from ..kern.datum import Zeitangabe, deutsch_tag
from ..kern.modelle import Pruefpunkt, Quelle
from ..kern.zahlen import anzahl, dezimal, es_fehlen, ganz, mit_vorzeichen, prozent, spanne
from ..kern.zeitreihe import Meilenstein, Tempo
from .konsole import konsole as _konsole
from .konsole import umbrechen
from .sicher import sichtbar as _s

if TYPE_CHECKING:
    from ..pruefen import Pruefbericht, PruefErgebnis

BALKEN = 40
STAND_TEXT = {Stand.MIT: "mit Netzwerk", Stand.UNGEWISS: "ungewiss", Stand.OHNE: "ohne Netzwerk"}
# kurz, für Legenden und Tabellenzellen
STAND_KURZ = {Stand.MIT: "Netzwerk", Stand.UNGEWISS: "ungewiss", Stand.OHNE: "kein Netzwerk"}
STAND_STIL = {Stand.MIT: "green", Stand.UNGEWISS: "yellow", Stand.OHNE: "red"}


def kopfzeile(z: Zaehlung) -> str:
    """„43 von 53 Regionen (81,1 %)“ – mit der möglichen Zahl, wo sie abweicht."""
    if z.gesamt == 0:  # vor dem Programmbeginn zählt keine Region
        return "0 von 0 Regionen haben ein Netzwerk, 0 möglich"
    s = f"{z.sicher} von {anzahl(z.gesamt, 'Region', 'Regionen')} ({prozent(z.quote)})"
    haben = "hat" if z.sicher == 1 else "haben"  # „1 von 53 Regionen hat …“
    if z.eindeutig:
        return s + f" {haben} ein Regionales Bildungsnetzwerk"
    return s + f" {haben} sicher ein Netzwerk, bis zu {z.moeglich} ({prozent(z.quote_moeglich)}) möglich"


def kurz(z: Zaehlung) -> str:
    s = f"{z.sicher} von {z.gesamt}"
    return s if z.eindeutig else s + f" sicher, bis zu {z.moeglich} möglich"


def balken(z: Zaehlung, breite: int = BALKEN, leer: str = "░") -> Text:
    """█ sicher, ▒ möglich, ``leer`` ohne – auch ohne Farbe unterscheidbar."""
    if z.gesamt == 0:
        return Text("")
    s = round(breite * z.sicher / z.gesamt)
    m = round(breite * z.moeglich / z.gesamt) - s
    t = Text()
    t.append("█" * s, style="green")
    t.append("▒" * m, style="yellow")
    t.append(leer * (breite - s - m), style="dim")
    return t


def status(b: StatusBericht, con: Konsole) -> None:
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


def anteil_text(a: Anteil) -> str:
    """„95,8 %“ – oder „zwischen 0,0 % und 95,8 %“, wenn Einwohnerzahlen fehlen."""
    return prozent(a.unten) if a.genau else f"zwischen {prozent(a.unten)} und {prozent(a.oben)}"


def einwohner_zeile(e: Einwohnerbericht) -> str:
    """„95,8 % der Einwohner sicher, bis zu 97,4 % möglich (Einwohner: Stand 31.12.2018).“"""
    g = e.gesamt
    s = f"{anteil_text(g.anteil_sicher)} der Einwohner"
    if g.eindeutig:
        s += " mit Netzwerk"
    elif g.anteil_moeglich.genau:
        s += f" sicher, bis zu {anteil_text(g.anteil_moeglich)} möglich"
    else:
        s += f" sicher, möglich {anteil_text(g.anteil_moeglich)}"
    stand = e.stand_einheitlich
    if stand is not None:
        s += f" (Einwohner: Stand {deutsch_tag(stand)})"
    elif e.stand:
        s += f" (Einwohner: Stände {', '.join(deutsch_tag(d) for d in e.stand)})"
    if g.ohne_angabe:
        namen = ", ".join(_s(r.region.bezeichnung) for r in g.ohne_angabe)
        s += f"; ohne Einwohnerzahl: {namen}"
    return s[0].upper() + s[1:] + "."  # ein Satz, auch wenn er mit „zwischen …“ beginnt


def einwohner_nach(gruppen: Mapping[str, Einwohnerzahl]) -> str:
    """„Einwohner mit Netzwerk: Arnsberg 100,0 %, Düsseldorf 85,4 % (bis zu 91,2 %), …“"""
    teile = []
    for name, z in gruppen.items():
        t = f"{_s(name)} {anteil_text(z.anteil_sicher)}"
        if not z.eindeutig:
            t += f" ({'bis zu ' if z.anteil_moeglich.genau else 'möglich '}{anteil_text(z.anteil_moeglich)})"
        teile.append(t)
    return "Einwohner mit Netzwerk: " + ", ".join(teile)


def tempo_zeile(t: Tempo) -> str:
    """„Tempo: +2 Netzwerke …, 0,4 pro Jahr“ – ein Rückgang in Worten („1 Netzwerk weniger“),
    nie „−1 Netzwerke … −0,2 pro Jahr“."""
    pro = f"{abs(t.pro_jahr):.1f}".replace(".", ",")
    jahre = f"{t.jahre:.1f}".replace(".", ",").removesuffix(",0")
    seit = f"(sicher) seit {deutsch_tag(t.von)} ({jahre} {'Jahr' if jahre == '1' else 'Jahre'})"
    n = abs(t.zuwachs)
    netzwerke = "Netzwerk" if n == 1 else "Netzwerke"
    if t.zuwachs > 0:
        s = f"Tempo: {mit_vorzeichen(t.zuwachs)} {netzwerke} {seit}, {pro} pro Jahr."
    elif t.zuwachs < 0:
        s = f"Tempo: {n} {netzwerke} weniger {seit}, im Schnitt {pro} weniger pro Jahr."
    else:
        s = f"Tempo: kein Netzwerk hinzugekommen {seit}."
    if t.fehlen <= 0:
        return s
    if t.erreicht_etwa is None:
        return s + f" Bei diesem Tempo wird das Ziel nie erreicht ({es_fehlen(t.fehlen)})."
    fehlende = "wäre die fehlende Region" if t.fehlen == 1 else f"wären die fehlenden {t.fehlen}"
    return (
        s + f" Bei diesem Tempo {fehlende} etwa im Jahr "
        f"{t.erreicht_etwa.year} erreicht (Hochrechnung, keine Prognose)."
    )


def zaehlung_der_quelle(p: Pruefpunkt) -> str:
    """Was ein Prüfpunkt behauptet, kurz: „51“, „mindestens 31“, „43 genannte Regionen“."""
    if p.anzahl is not None:
        return str(p.anzahl)
    if p.mindestens is not None and p.hoechstens is not None:
        return f"{p.mindestens} bis {p.hoechstens}"
    if p.mindestens is not None:
        return f"mindestens {p.mindestens}"
    if p.hoechstens is not None:
        return f"höchstens {p.hoechstens}"
    if p.regionen is not None:
        return anzahl(len(p.regionen), "genannte Region", "genannte Regionen")
    return "ohne Zahl"


def datenstand_zeile(d: Belegstand) -> str | None:
    """„Datenstand: … Neueste landesweite Zählung: 51 am 10.04.2024, 2 Jahre und 7 Monate vor
    dem Stichtag.“ – wie alt die Belege sind, auf denen der Stand ruht."""
    teile = []
    if d.geprueft_am is not None:
        teile.append(f"Datenstand: mit den Quellen abgeglichen am {deutsch_tag(d.geprueft_am)}.")
    if d.neueste is not None and d.neueste.datum is not None:
        z = d.neueste.datum
        wann = f"am {deutsch_tag(z.frueh)}" if z.genau and z.frueh else f"({_s(z.deutsch())})"
        s = f"Neueste landesweite Zählung: {zaehlung_der_quelle(d.neueste)} {wann}"
        if d.alter_monate is not None:
            s += f", {dauer_deutsch(d.alter_monate)} vor dem Stichtag"
        teile.append(s + ".")
    return " ".join(teile) or None


def meilenstein_zeile(m: Meilenstein) -> str:
    if m.datum.genau and m.datum.frueh:
        return f"{deutsch_tag(m.datum.frueh)} {_s(m.text)}"
    return f"{_s(m.datum.deutsch())} {_s(m.text)}"


def konferenz_zeilen(k: Konferenzbericht) -> list[str]:
    """Was über die jährlichen Konferenzen bekannt ist – und wie wenig das ist."""
    n = len(k.netzwerke)
    bekannt = len(k.mit_angabe)
    zeilen = [
        f"Erfasst für {bekannt} von {anzahl(n, 'Netzwerk', 'Netzwerken')}; "
        f"für {n - bekannt} ist keine Konferenz erfasst."
    ]
    # Nur was erfasst ist: ein fehlender Eintrag ist kein Beleg, dass keine Konferenz stattfand,
    # also heißt kein Netzwerk hier „überfällig“ (Audit vom 28.11.2026).
    if k.zuletzt_erfasst_vor_grenze:
        namen = ", ".join(
            f"{_s(s.region.bezeichnung)} (letzte erfasste: {_s(s.letzte.deutsch())})"
            for s in k.zuletzt_erfasst_vor_grenze
            if s.letzte
        )
        zeilen.append(
            f"Keine Konferenz seit dem {deutsch_tag(k.grenze)} erfasst: "
            f"{len(k.zuletzt_erfasst_vor_grenze)} – {namen}"
        )
    elif bekannt:
        zeilen.append("Für jedes Netzwerk mit Angabe ist eine Konferenz aus den letzten 12 Monaten erfasst.")
    if bekannt < n or k.zuletzt_erfasst_vor_grenze:
        zeilen.append(
            "Nicht erfasst heißt nicht „keine Konferenz“: die Daten sagen nur, was eine Quelle belegt."
        )
    return zeilen


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


def _jahr(z: Any) -> str:
    """Eine Zeitangabe als Jahr, wo sie in einem Jahr liegt („2008“), sonst ihr Text."""
    if z.frueh is not None and z.spaet is not None and z.frueh.year == z.spaet.year:
        return str(z.frueh.year)
    return _s(z.deutsch())


def vor_dem_programm(beginn: date) -> str:
    """Ein Stichtag vor den ersten Verträgen: keine Zählung, sondern kein Programm."""
    return f"Vor dem {deutsch_tag(beginn)} gab es das Programm noch nicht."


def regionen(b: Regionenbericht, con: Konsole) -> None:
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


def region(b: RegionBericht, con: Konsole) -> None:
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


def quellenzeilen(q: Quelle) -> list[str]:
    """Eine Quelle als Zeilen: die Adresse, darunter, was die Daten sonst über sie sagen:
    Erscheinungsdatum, archivierte Kopie, Tag des Abrufs und Zitat (entschärft)."""
    zeilen = [_s(q.url)]
    if q.veroeffentlicht:
        zeilen.append(f"  veröffentlicht: {q.veroeffentlicht.deutsch()}")
    if q.archiv:
        zeilen.append(f"  Archiv: {_s(q.archiv)}")
    if q.abgerufen:
        zeilen.append(f"  abgerufen am {deutsch_tag(q.abgerufen)}")
    if q.zitat:
        zeilen.append(f"  „{_s(q.zitat)}“")
    return zeilen


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


def _mit_art(z: Zeitangabe) -> str:
    return _s(_art_der_zeitangabe(z))


def _art_der_zeitangabe(z: Zeitangabe) -> str:
    if z.genau:
        return f"{z.deutsch()} (genauer Tag)"
    if z.ist_spanne:
        return f"{z.deutsch()} (ungenau)"
    if len(z.text) == 7:
        return f"{z.deutsch()} (nur Monat bekannt)"
    return f"{z.deutsch()} (nur Jahr bekannt)"


def zusammenfassung(b: Pruefbericht) -> str:
    p = b.pruefung
    n_reg, n_ver = p.dateien.get("regionen", 0), p.dateien.get("vertraege", 0)
    text = (
        f"{anzahl(n_reg, 'Regionsdatei', 'Regionsdateien')}, "
        f"{anzahl(n_ver, 'Vertragsdatei', 'Vertragsdateien')} geprüft: "
        f"{p.fehler} Fehler, {anzahl(p.warnungen, 'Warnung', 'Warnungen')}"
    )
    if p.warnungen:
        # was --strict bedeutet, steht dort, wo es wirkt (CI ruft validate ohne --strict auf)
        eine = p.warnungen == 1
        if b.streng:
            text += " (--strict: zählt wie ein Fehler)" if eine else " (--strict: zählen wie Fehler)"
        else:
            text += f" ({'ändert' if eine else 'ändern'} den Exit-Code nur mit --strict)"
    geprueft = [e for e in p.pruefpunkte if e.geprueft]
    if p.pruefpunkte:
        text += f"; Prüfpunkte: {sum(bool(e.erfuellt) for e in geprueft)} von {len(geprueft)} erfüllt"
        if len(geprueft) < len(p.pruefpunkte):
            text += f", {len(p.pruefpunkte) - len(geprueft)} bewusst nicht geprüft"
    elif p.fehler:
        text += "; Prüfpunkte erst nach Behebung der Fehler"
    if p.ausgeblendete_fehler:
        n = p.ausgeblendete_fehler
        andere = f"{n} Fehler in anderen Dateien (netz validate ohne PFAD zeigt sie)"
        # „Prüfpunkte erst nach …“ steht schon da, wenn auch gezeigte Fehler sie verhindern
        if p.fehler and not p.pruefpunkte:
            text += f"; dazu {andere}"
        else:
            text += f"; Prüfpunkte nicht geprüft: {andere}"
    return text + "."


def pruefung(b: Pruefbericht, con: Konsole) -> None:
    """Befunde mit Quelltextzeile auf stdout, danach die Zusammenfassung (auf stderr bei Befunden)."""
    probleme(b.pruefung.probleme, con, auszuege=b.auszuege)
    ende = _konsole(fehler=bool(b.pruefung.probleme))
    ende.print(("✓ " if b.gueltig else "✗ ") + zusammenfassung(b))


def probleme(
    liste_: Sequence[Problem], con: Konsole, auszuege: Mapping[tuple[str, int], str] | None = None
) -> None:
    """Je Befund eine Zeile ``pfad:zeile:spalte: Fehler CODE Meldung`` (für Editoren greifbar).

    Mit ``auszuege`` gruppiert nach Datei, darunter die betroffene Zeile mit
    einem ``^`` unter der Spalte, dann der Hinweis.
    """
    vorige = None
    for p in liste_:
        if auszuege is not None and vorige is not None and p.datei != vorige:
            con.print()
        vorige = p.datei
        art = "Fehler" if p.ist_fehler else "Warnung"
        stil = "red" if p.ist_fehler else "yellow"
        zeile = Text(f"{_s(p.datei)}:{p.zeile}:{p.spalte}: ")
        zeile.append(f"{art} {_s(p.code)}", style=stil)
        zeile.append(f" {_s(p.meldung)}")
        # an Wortgrenzen umbrochen: „pfad:zeile:spalte:“ bleibt vorn und ganz (Editoren greifen es)
        con.print(zeile)
        if auszuege is not None and (ausschnitt := _ausschnitt(p, auszuege.get((p.datei, p.zeile)))):
            # die Quelltextzeile nie umbrechen: das ^ muss unter der Spalte stehen
            con.print(Text(ausschnitt, style="dim"), soft_wrap=True)
        if p.hinweis:
            # „Text:  befehl“ – was nach zwei Leerzeichen folgt, ist zum Kopieren (ein Befehl,
            # die berichtigte Zeile): eigene Zeile, nie umbrochen
            text, _, kopie = p.hinweis.partition(":  ")
            con.print(Text(f"    Hinweis: {_s(text)}" + (":" if kopie else ""), style="dim"))
            if kopie:
                con.print(Text(f"      {_s(kopie)}", style="dim"), soft_wrap=True)


def _ausschnitt(p: Problem, text: str | None) -> str | None:
    """Die Zeile ``p.zeile`` (aus den schon gelesenen Bytes) und ein ``^`` unter ``p.spalte``."""
    if text is None:
        return None
    # Tabulatoren als ein Zeichen anzeigen, damit das ^ unter der richtigen Stelle steht
    text = text.replace("\t", "→")
    spalte = min(max(p.spalte, 1), len(text) + 1)
    # Die Zeile ist roher Dateiinhalt – oft gerade das Zeichen, das der Befund meldet. Sichtbar
    # gemacht wird sie länger; das ^ rückt um die Ersatztexte links von der Spalte mit.
    davor = len(_s(text[: spalte - 1]))
    rand = f"{p.zeile:>6} | "
    return f"{rand}{_s(text)}\n{' ' * (len(rand) - 2)}| {' ' * davor}^"


def pruefpunkte(ergebnisse: Sequence[PruefErgebnis], con: Konsole) -> None:
    for e in ergebnisse:
        p = e.punkt
        soll = zaehlung_der_quelle(p)
        if p.regionen is not None and soll[0].isdigit() and "genannt" not in soll:
            soll += f", {len(p.regionen)} genannt{' (vollständig)' if p.vollstaendig else ''}"
        elif p.vollstaendig:
            soll += " (vollständig)"
        if p.ohne:
            soll += f", {len(p.ohne)} ohne"
        wann = _s(p.datum.deutsch()) if p.datum else "undatiert"
        gebiet = f" (RB {_s(p.regierungsbezirk)})" if p.regierungsbezirk else ""
        if not e.geprueft:
            con.print(
                Text(f"  – {wann}: {soll}{gebiet} – nicht geprüft: {_s(p.bemerkung or '')}", style="dim")
            )
            continue
        zeichen, stil = ("✓", "green") if e.erfuellt else ("✗", "red")
        assert e.sicher is not None and e.moeglich is not None
        con.print(
            Text.assemble(
                (f"  {zeichen} ", stil),
                f"{wann}: {soll}{gebiet} – Daten: {spanne(e.sicher)} sicher, {spanne(e.moeglich)} möglich",
            )
        )
