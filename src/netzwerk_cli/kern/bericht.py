"""Berichte für status, missing, list und show: Daten rein, Daten raus."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from types import MappingProxyType
from typing import Any, NamedTuple

from .abdeckung import (
    Abdeckung,
    RegionStand,
    Stand,
    Zaehlung,
    ZielAuswertung,
    abdeckung,
    gilt,
    im_programm,
    regionen_am,
    sortierschluessel,
    verlauf,
    vertraege_je_region,
    ziel_auswertung,
)
from .belege import Belegstand, belegstand
from .bestand import Datenbestand, Dokument
from .bevoelkerung import Einwohnerbericht, einwohner
from .datum import Zeitangabe, jahre_vor
from .modelle import Quelle, Region, Vertrag
from .namen import namensreihenfolge, reihenfolge_pressemitteilung, slug, sortiername
from .zeitreihe import Periode, Tempo, tempo


class StatusBericht(NamedTuple):
    programm: str
    stichtag: date
    abdeckung: Abdeckung
    ziel: ZielAuswertung | None
    konferenzen: Konferenzbericht
    tempo: Tempo | None
    # Abdeckung nach Einwohnern (kern/bevoelkerung.py), aus denselben Regionen wie ``abdeckung``
    einwohner: Einwohnerbericht
    programmbeginn: date | None = None  # erste Verträge: davor zählt keine Region
    # Wie alt die Belege sind: Datenstand und neueste landesweite Zählung
    datenstand: Belegstand | None = None

    @property
    def vor_programmbeginn(self) -> bool:
        return self.programmbeginn is not None and self.stichtag < self.programmbeginn

    @property
    def gesamt(self) -> Zaehlung:
        return self.abdeckung.gesamt


def regionen(bestand: Datenbestand) -> list[Region]:
    return [d.modell for d in bestand.regionen]


def vertraege(bestand: Datenbestand) -> list[Vertrag]:
    return [d.modell for d in bestand.vertraege]


def status(bestand: Datenbestand, stichtag: date) -> StatusBericht:
    rs = regionen(bestand)
    beginn = bestand.programmbeginn
    je = vertraege_je_region(vertraege(bestand), beginn)
    ab = abdeckung(rs, je, stichtag, beginn)
    ziel = None
    t = None
    name = "Regionale Bildungsnetzwerke"
    if bestand.programm is not None:
        p = bestand.programm.modell
        name = p.name
        v = verlauf(rs, je, beginn)
        ziel = ziel_auswertung(v, p.ziel.anzahl, p.ziel.bis, stichtag)
        t = tempo(v, stichtag, p.ziel.anzahl, p.erste_vertraege)
    prog = bestand.programm.modell if bestand.programm is not None else None
    return StatusBericht(
        name, stichtag, ab, ziel, konferenzen(ab), t, einwohner(ab), beginn, belegstand(prog, stichtag)
    )


def kartenabdeckung(bestand: Datenbestand, stichtag: date) -> Abdeckung:
    """Der Stand am Stichtag für jede Karte (Kacheln im Terminal, SVG), gezählt wie ``status``:
    Verträge erst ab dem Programmbeginn, davor zählt keine Region."""
    return abdeckung(regionen(bestand), vertraege(bestand), stichtag, bestand.programmbeginn)


def anzahl_regionen(bestand: Datenbestand, tag: date) -> int:
    """Wie viele Regionen am Tag zählen (54 bis zum 20.10.2009, 53 danach, 0 vor dem Programm)."""
    return len(regionen_am(regionen(bestand), tag, bestand.programmbeginn))


SORTIERUNGEN = ("pressemitteilung", "ags", "name")


def sortiere(staende: list[RegionStand], nach: str) -> list[RegionStand]:
    if nach == "ags":
        return sorted(staende, key=lambda s: s.region.ags)
    if nach == "name":
        return sorted(staende, key=lambda s: namensreihenfolge(s.region))
    return sorted(staende, key=lambda s: reihenfolge_pressemitteilung(s.region))


def liste(
    bestand: Datenbestand,
    stichtag: date,
    bezirk: str | None = None,
    art: str | None = None,
    stand: Stand | None = None,
    sortierung: str = "pressemitteilung",
) -> list[RegionStand]:
    ab = abdeckung(regionen(bestand), vertraege(bestand), stichtag, bestand.programmbeginn)
    out = [
        s
        for s in ab.regionen
        if (bezirk is None or s.region.regierungsbezirk == bezirk)
        and (art is None or s.region.art == art)
        and (stand is None or s.stand is stand)
    ]
    return sortiere(out, sortierung)


def fehlend(bestand: Datenbestand, stichtag: date) -> list[RegionStand]:
    """Regionen ohne sicheres Netzwerk: erst die sicher ohne, dann die ungewissen."""
    ab = abdeckung(regionen(bestand), vertraege(bestand), stichtag, bestand.programmbeginn)
    ohne = sortiere(ab.mit(Stand.OHNE), "pressemitteilung")
    ungewiss = sortiere(ab.mit(Stand.UNGEWISS), "pressemitteilung")
    return ohne + ungewiss


class Regionenbericht(NamedTuple):
    """Eine Liste von Regionen: alle (``netz list``) oder die fehlenden (``netz missing``)."""

    fehlende: bool  # True: netz missing (erst sicher ohne, dann ungewiss)
    stichtag: date
    staende: list[RegionStand]
    gesamt: int  # Zahl aller Regionen, auch der herausgefilterten
    programmbeginn: date | None = None  # erste Verträge: davor gab es das Programm nicht

    @property
    def vor_programmbeginn(self) -> bool:
        return self.programmbeginn is not None and self.stichtag < self.programmbeginn


class Zeitreihenbericht(NamedTuple):
    perioden: list[Periode]
    gesamt: int


class RegionBericht(NamedTuple):
    region: Region
    stichtag: date
    datei: str
    stand: RegionStand
    vertraege: list[Dokument[Vertrag]]
    # Bildungskonferenzen des maßgeblichen Vertrags, wenn die Region sicher ein Netzwerk hat
    konferenz: KonferenzStand | None
    programmbeginn: date | None = None  # davor zählt nichts; offene Daten beginnen frühestens hier
    zaehlt: bool = True  # gab es die Region am Stichtag (und das Programm)?
    namen: Mapping[str, str] = MappingProxyType(
        {}
    )  # Bezeichnung je AGS: für Vorgänger, Nachfolger, „umfasst“

    def name(self, ags: str) -> str:
        """„Kreis Aachen (05354)“ – oder nur der Schlüssel, wenn es die Region nicht gibt."""
        return f"{self.namen[ags]} ({ags})" if ags in self.namen else ags


def region_bericht(bestand: Datenbestand, region: Region, stichtag: date) -> RegionBericht:
    datei = next(d.anzeige for d in bestand.regionen if d.modell.ags == region.ags)
    # die eigenen Verträge und die, die die Region bei der Unterzeichnung umfassten
    doks = [d for d in bestand.vertraege if region.ags in (d.modell.region, *d.modell.umfasst)]
    beginn = bestand.programmbeginn
    je = vertraege_je_region((d.modell for d in doks), beginn)
    doks.sort(key=lambda d: sortierschluessel(d.modell))
    if gilt(region, stichtag, beginn):
        s = abdeckung([region], je, stichtag, beginn).regionen[0]
        if s.vertrag is not None and beginn is not None:
            # der maßgebliche Vertrag, wie er in der Datei steht (nicht die begrenzte Lesart)
            original = (d.modell for d in doks if im_programm(d.modell, beginn) == s.vertrag)
            s = s._replace(vertrag=next(original, s.vertrag))
    else:  # am Stichtag gab es die Region nicht (oder das Programm noch nicht)
        s = RegionStand(region, Stand.OHNE, None, je.get(region.ags, ()))
    k = konferenz_stand(region, s.vertrag, stichtag) if s.stand is Stand.MIT and s.vertrag else None
    namen = {r.ags: r.bezeichnung for r in regionen(bestand)}
    return RegionBericht(region, stichtag, datei, s, doks, k, beginn, gilt(region, stichtag, beginn), namen)


# --- Gremien: die jährliche Bildungskonferenz --------------------------------


class KonferenzStand(NamedTuple):
    region: Region
    letzte: Zeitangabe | None  # zuletzt erfasste Bildungskonferenz bis zum Stichtag
    # Die letzte erfasste liegt sicher mehr als 12 Monate vor dem Stichtag. Das heißt nur: seitdem
    # ist keine erfasst – nicht, dass keine stattfand (fehlende Einträge sind kein Beleg).
    alt_erfasst: bool


class Konferenzbericht(NamedTuple):
    stichtag: date
    grenze: date  # Konferenzen vor diesem Tag sind älter als 12 Monate
    netzwerke: list[KonferenzStand]  # nur Regionen mit sicherem Netzwerk

    @property
    def mit_angabe(self) -> list[KonferenzStand]:
        return [k for k in self.netzwerke if k.letzte is not None]

    @property
    def zuletzt_erfasst_vor_grenze(self) -> list[KonferenzStand]:
        """Netzwerke, für die seit mehr als 12 Monaten keine Konferenz erfasst ist."""
        return [k for k in self.netzwerke if k.alt_erfasst]

    @property
    def ohne_angabe(self) -> list[KonferenzStand]:
        return [k for k in self.netzwerke if k.letzte is None]


def konferenz_stand(region: Region, vertrag: Vertrag, stichtag: date) -> KonferenzStand:
    # nur abgehaltene: eine angekündigte Konferenz belegt nicht, dass eine stattfand
    bisher = [
        e.datum for e in vertrag.bildungskonferenzen if not e.angekuendigt and e.datum.moeglich_bis(stichtag)
    ]
    letzte = max(bisher, key=lambda z: (z.spaet or stichtag, z.frueh or date.min), default=None)
    grenze = jahre_vor(stichtag, 1)
    alt = letzte is not None and letzte.spaet is not None and letzte.spaet < grenze
    return KonferenzStand(region, letzte, alt)


def konferenzen(ab: Abdeckung) -> Konferenzbericht:
    """Wie aktuell sind die erfassten Bildungskonferenzen – und wie viel ist überhaupt erfasst?"""
    staende = [
        konferenz_stand(s.region, s.vertrag, ab.stichtag)
        for s in ab.regionen
        if s.stand is Stand.MIT and s.vertrag is not None
    ]
    return Konferenzbericht(ab.stichtag, jahre_vor(ab.stichtag, 1), staende)


def beginn_der_zeitreihe(bestand: Datenbestand) -> date:
    """Der 1. Januar des Jahres der ersten Verträge (Beginn von Zeitreihe und Bericht)."""
    if bestand.programm is not None:
        return date(bestand.programm.modell.erste_vertraege.year, 1, 1)
    return date(2008, 1, 1)


# --- Bericht für Koordinatoren und die Website (netz report, netz site) ---------------


class Gruppe(NamedTuple):
    """Eine Zeile der Tabellen „nach Regierungsbezirk“ und „nach Art“: die Zählung und die
    Regionen, die fehlen – Koordinatoren fragen zuerst „wer?“, nicht „wie viele?“."""

    name: str
    zaehlung: Zaehlung
    ohne: list[Region]
    ungewiss: list[Region]
    seite: str | None  # relative Adresse der Bezirksseite der Website, sonst None


def gruppen(ab: Abdeckung, merkmal: str) -> list[Gruppe]:
    """Je Wert von ``merkmal`` (``regierungsbezirk`` oder ``art``) eine :class:`Gruppe`."""
    je: dict[str, list[RegionStand]] = {}
    for s in ab.regionen:
        je.setdefault(getattr(s.region, merkmal), []).append(s)
    out = []
    for name, staende in sorted(je.items(), key=lambda kv: sortiername(kv[0])):
        staende = sortiere(staende, "name")
        out.append(
            Gruppe(
                name,
                ab.zaehle(staende),
                [s.region for s in staende if s.stand is Stand.OHNE],
                [s.region for s in staende if s.stand is Stand.UNGEWISS],
                bezirk_seite(name) if merkmal == "regierungsbezirk" else None,
            )
        )
    return out


class Regionszeile(NamedTuple):
    """Eine Region, wie sie am Stichtag dastand – ohne Ereignisse danach (``--as-of``)."""

    stand: RegionStand
    vertrag: Vertrag | None  # der maßgebliche oder zuletzt vor dem Stichtag unterzeichnete
    endet: Zeitangabe | None  # Ende, soweit es am Stichtag schon eingetreten sein kann
    seite: str  # relative Adresse der Regionsseite (von der Startseite aus)

    @property
    def region(self) -> Region:
        return self.stand.region


def regionszeile(s: RegionStand, stichtag: date) -> Regionszeile:
    bisher = [v for v in s.vertraege if v.unterzeichnet.moeglich_bis(stichtag)]
    v = s.vertrag or (bisher[-1] if bisher else None)
    endet = v.endet if v is not None and v.endet is not None and v.endet.moeglich_bis(stichtag) else None
    return Regionszeile(s, v, endet, region_seite(s.region))


class Uebersicht(NamedTuple):
    """Alles, was HTML-Bericht und Startseite der Website zeigen, fertig gerechnet."""

    status: StatusBericht
    nach_bezirk: list[Gruppe]
    nach_art: list[Gruppe]
    zeilen: list[Regionszeile]  # nach AGS
    regionen: int
    vertraege: int
    # Der Stichtag ist heute: dann gilt „bis heute“ statt eines Datums für das laufende Jahr
    ist_heute: bool
    # Regionen, die es heute gibt (53); die übrigen der ``regionen`` sind frühere (aufgelöste)
    heutige: int = 0


def uebersicht(bestand: Datenbestand, stichtag: date, heute: date) -> Uebersicht:
    b = status(bestand, stichtag)
    ab = b.abdeckung
    zeilen = [regionszeile(s, stichtag) for s in sorted(ab.regionen, key=lambda s: s.region.ags)]
    return Uebersicht(
        b,
        gruppen(ab, "regierungsbezirk"),
        gruppen(ab, "art"),
        zeilen,
        len(bestand.regionen),
        len(bestand.vertraege),
        stichtag == heute,
        sum(1 for d in bestand.regionen if d.modell.gueltig_bis is None or d.modell.gueltig_bis >= heute),
    )


# --- Website: Seiten, Ereignisse, Datenstand ------------------------------------------


def region_seite(r: Region) -> str:
    """Adresse der Regionsseite relativ zur Startseite; nur a-z, 0-9 und „-“ (aus Daten)."""
    return f"regionen/{r.ags}-{slug(r.name) or 'region'}.html"


def bezirk_seite(name: str) -> str:
    return f"bezirke/{slug(name) or 'bezirk'}.html"


class Vorgang(NamedTuple):
    """Ein Ereignis für den Atom-Feed: Vertrag, Ende, Fortsetzung oder Bildungskonferenz."""

    datum: Zeitangabe
    art: str  # "vertrag" | "ende" | "fortsetzung" | "konferenz"
    region: Region
    quellen: list[Quelle]
    bemerkung: str | None
    # stabil, solange die Daten des Ereignisses gleich bleiben: Grundlage der Eintrags-ID
    kennung: str

    @property
    def sortiertag(self) -> date:
        """Der späteste mögliche Tag (bei offenem Ende der früheste): so steht ein ungenaues
        Ereignis im Feed dort, wo es sicher schon eingetreten ist."""
        return self.datum.spaet or self.datum.frueh or date.min


def vorgaenge(bestand: Datenbestand, bis: date) -> list[Vorgang]:
    """Alle Ereignisse, die am Tag ``bis`` eingetreten sein können, das jüngste zuerst."""
    regionen_ = {d.modell.ags: d.modell for d in bestand.regionen}
    out: list[Vorgang] = []
    for d in bestand.vertraege:
        v = d.modell
        r = regionen_.get(v.region)
        if r is None:
            continue
        basis = f"{r.ags}/{v.unterzeichnet.text}"
        kandidaten = [
            (v.unterzeichnet, "vertrag", v.quellen, v.bemerkung, f"{basis}/vertrag"),
        ]
        if v.endet is not None:
            kandidaten.append((v.endet, "ende", v.ende_quellen, v.ende_grund, f"{basis}/ende/{v.endet.text}"))
        for i, e in enumerate(v.fortsetzungen):
            kandidaten.append((e.datum, "fortsetzung", e.quellen, e.bemerkung, f"{basis}/fortsetzung/{i}"))
        for i, e in enumerate(v.bildungskonferenzen):
            kandidaten.append((e.datum, "konferenz", e.quellen, e.bemerkung, f"{basis}/konferenz/{i}"))
        out.extend(Vorgang(z, a, r, list(q), b, k) for z, a, q, b, k in kandidaten if z.moeglich_bis(bis))
    out.sort(key=lambda e: (e.sortiertag, e.kennung), reverse=True)
    return out


class RegionSeite(NamedTuple):
    zeile: Regionszeile
    bericht: RegionBericht
    quellen: list[Quelle]  # jede Quelle der Region und ihrer Verträge, einmal, in Reihenfolge


def _alle_quellen(r: Region, vertraege_: list[Vertrag]) -> list[Quelle]:
    out: dict[Quelle, None] = {}
    if r.statistik_quelle:
        out[r.statistik_quelle] = None
    for v in vertraege_:
        listen = [v.quellen, v.ende_quellen]
        listen += [e.quellen for e in (*v.fortsetzungen, *v.bildungskonferenzen)]
        if v.bildungsbuero is not None:
            listen.append(v.bildungsbuero.quellen)
        if v.lenkungskreis is not None:
            listen.append(v.lenkungskreis.quellen)
        for liste in listen:
            out.update(dict.fromkeys(liste))
    return list(out)


class BezirkSeite(NamedTuple):
    gruppe: Gruppe
    zeilen: list[Regionszeile]  # nach Name


class Site(NamedTuple):
    uebersicht: Uebersicht
    regionen: list[RegionSeite]  # nach AGS
    bezirke: list[BezirkSeite]
    vorgaenge: list[Vorgang]


def site(bestand: Datenbestand, stichtag: date, heute: date) -> Site:
    """Die Website als Daten – in einem Durchgang je Region (1.000 Regionen bleiben linear)."""
    ue = uebersicht(bestand, stichtag, heute)
    doks: dict[str, list[Dokument[Vertrag]]] = {}
    for d in bestand.vertraege:
        doks.setdefault(d.modell.region, []).append(d)
    dateien = {d.modell.ags: d.anzeige for d in bestand.regionen}
    seiten = []
    for z in ue.zeilen:
        s = z.stand
        r = s.region
        reihenfolge = {id(v): i for i, v in enumerate(s.vertraege)}
        # mit --as-of: nur Verträge, die am Stichtag schon unterzeichnet sein können
        eigene = sorted(
            (d for d in doks.get(r.ags, []) if d.modell.unterzeichnet.moeglich_bis(stichtag)),
            key=lambda d: reihenfolge.get(id(d.modell), 0),
        )
        k = konferenz_stand(r, s.vertrag, stichtag) if s.stand is Stand.MIT and s.vertrag else None
        rb = RegionBericht(r, stichtag, dateien.get(r.ags, ""), s, eigene, k)
        seiten.append(RegionSeite(z, rb, _alle_quellen(r, [d.modell for d in eigene])))
    bezirke = []
    for g in ue.nach_bezirk:
        zeilen = [z for z in ue.zeilen if z.region.regierungsbezirk == g.name]
        zeilen.sort(key=lambda z: sortiername(z.region.bezeichnung))
        bezirke.append(BezirkSeite(g, zeilen))
    return Site(ue, seiten, bezirke, vorgaenge(bestand, stichtag))


def inhaltskennung(bestand: Datenbestand) -> str:
    """Ein Fingerabdruck der gültigen Daten, wo kein git-Commit den Stand benennt: gleich
    genau dann, wenn Dateinamen und Inhalte (als Modelle) gleich sind – wo der Ordner liegt,
    zählt nicht."""
    import hashlib
    import json

    from .modelle import als_daten

    h = hashlib.sha256()
    doks: list[tuple[str, Dokument[Any]]] = [("regionen", d) for d in bestand.regionen]
    doks += [("vertraege", d) for d in bestand.vertraege]
    if bestand.programm is not None:
        doks.append(("", bestand.programm))
    for art, d in sorted(doks, key=lambda ad: (ad[0], ad[1].name)):
        h.update(f"{art}/{d.name}".encode("utf-8", "surrogateescape") + b"\0")
        inhalt = json.dumps(als_daten(d.modell), sort_keys=True, ensure_ascii=False)
        h.update(inhalt.encode("utf-8", "surrogatepass") + b"\0")
    return h.hexdigest()[:12]


# --- netz list --signed JAHR: wer hat in einem Jahr unterschrieben? ------------------------


class Unterschrift(NamedTuple):
    region: Region
    vertrag: Vertrag
    erster: bool  # der erste Vertrag der Region (sonst Wiedereintritt)


class Unterschriftenbericht(NamedTuple):
    """``netz list --signed 2009``: sicher im Jahr unterschrieben (die ganze Spanne der
    Zeitangabe liegt darin) und möglich (die Spanne reicht hinein, aber auch hinaus)."""

    jahr: int
    sicher: list[Unterschrift]
    moeglich: list[Unterschrift]


def unterschriften(bestand: Datenbestand, jahr: int) -> Unterschriftenbericht:
    anfang, ende = date(jahr, 1, 1), date(jahr, 12, 31)
    nach_ags = {r.ags: r for r in regionen(bestand)}
    alle = sorted(vertraege(bestand), key=lambda v: (v.region, sortierschluessel(v)))
    erste: dict[str, Vertrag] = {}
    for v in alle:
        erste.setdefault(v.region, v)
    sicher: list[Unterschrift] = []
    moeglich: list[Unterschrift] = []
    for v in alle:
        z = v.unterzeichnet
        region = nach_ags.get(v.region)
        if region is None:
            continue
        u = Unterschrift(region, v, erste[v.region] is v)
        if z.frueh is not None and z.spaet is not None and anfang <= z.frueh and z.spaet <= ende:
            sicher.append(u)
        elif (z.frueh is None or z.frueh <= ende) and (z.spaet is None or z.spaet >= anfang):
            moeglich.append(u)

    def reihe(u: Unterschrift) -> Any:
        return reihenfolge_pressemitteilung(u.region)

    return Unterschriftenbericht(jahr, sorted(sicher, key=reihe), sorted(moeglich, key=reihe))
