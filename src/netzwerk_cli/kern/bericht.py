"""Berichte für status, missing, list und show: Daten rein, Daten raus."""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from .abdeckung import (
    Abdeckung,
    RegionStand,
    Stand,
    Zaehlung,
    ZielAuswertung,
    abdeckung,
    verlauf,
    vertraege_je_region,
    ziel_auswertung,
)
from .bestand import Datenbestand, Dokument
from .bevoelkerung import Einwohnerbericht, einwohner
from .datum import Zeitangabe, jahre_vor
from .modelle import Region, Vertrag
from .namen import reihenfolge_pressemitteilung, sortiername
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

    @property
    def gesamt(self) -> Zaehlung:
        return self.abdeckung.gesamt


def regionen(bestand: Datenbestand) -> list[Region]:
    return [d.modell for d in bestand.regionen]


def vertraege(bestand: Datenbestand) -> list[Vertrag]:
    return [d.modell for d in bestand.vertraege]


def status(bestand: Datenbestand, stichtag: date) -> StatusBericht:
    rs = regionen(bestand)
    je = vertraege_je_region(vertraege(bestand))
    ab = abdeckung(rs, je, stichtag)
    ziel = None
    t = None
    name = "Regionale Bildungsnetzwerke"
    if bestand.programm is not None:
        p = bestand.programm.modell
        name = p.name
        v = verlauf(rs, je)
        ziel = ziel_auswertung(v, p.ziel.anzahl, p.ziel.bis, stichtag)
        t = tempo(v, stichtag, p.ziel.anzahl, p.erste_vertraege)
    return StatusBericht(name, stichtag, ab, ziel, konferenzen(ab), t, einwohner(ab))


SORTIERUNGEN = ("pressemitteilung", "ags", "name")


def sortiere(staende: list[RegionStand], nach: str) -> list[RegionStand]:
    if nach == "ags":
        return sorted(staende, key=lambda s: s.region.ags)
    if nach == "name":
        return sorted(staende, key=lambda s: sortiername(s.region.bezeichnung))
    return sorted(staende, key=lambda s: reihenfolge_pressemitteilung(s.region))


def liste(
    bestand: Datenbestand,
    stichtag: date,
    bezirk: str | None = None,
    art: str | None = None,
    stand: Stand | None = None,
    sortierung: str = "pressemitteilung",
) -> list[RegionStand]:
    ab = abdeckung(regionen(bestand), vertraege(bestand), stichtag)
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
    ab = abdeckung(regionen(bestand), vertraege(bestand), stichtag)
    ohne = sortiere(ab.mit(Stand.OHNE), "pressemitteilung")
    ungewiss = sortiere(ab.mit(Stand.UNGEWISS), "pressemitteilung")
    return ohne + ungewiss


class Regionenbericht(NamedTuple):
    """Eine Liste von Regionen: alle (``netz list``) oder die fehlenden (``netz missing``)."""

    fehlende: bool  # True: netz missing (erst sicher ohne, dann ungewiss)
    stichtag: date
    staende: list[RegionStand]
    gesamt: int  # Zahl aller Regionen, auch der herausgefilterten


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


def region_bericht(bestand: Datenbestand, region: Region, stichtag: date) -> RegionBericht:
    datei = next(d.anzeige for d in bestand.regionen if d.modell.ags == region.ags)
    doks = [d for d in bestand.vertraege if d.modell.region == region.ags]
    je = vertraege_je_region(d.modell for d in doks)
    ab = abdeckung([region], je, stichtag)
    reihenfolge = {id(v): i for i, v in enumerate(je.get(region.ags, ()))}
    doks.sort(key=lambda d: reihenfolge.get(id(d.modell), 0))
    s = ab.regionen[0]
    k = konferenz_stand(region, s.vertrag, stichtag) if s.stand is Stand.MIT and s.vertrag else None
    return RegionBericht(region, stichtag, datei, s, doks, k)


# --- Gremien: die jährliche Bildungskonferenz --------------------------------


class KonferenzStand(NamedTuple):
    region: Region
    letzte: Zeitangabe | None  # zuletzt erfasste Bildungskonferenz bis zum Stichtag
    ueberfaellig: bool  # letzte sicher mehr als 12 Monate vor dem Stichtag


class Konferenzbericht(NamedTuple):
    stichtag: date
    grenze: date  # Konferenzen vor diesem Tag sind älter als 12 Monate
    netzwerke: list[KonferenzStand]  # nur Regionen mit sicherem Netzwerk

    @property
    def mit_angabe(self) -> list[KonferenzStand]:
        return [k for k in self.netzwerke if k.letzte is not None]

    @property
    def ueberfaellig(self) -> list[KonferenzStand]:
        return [k for k in self.netzwerke if k.ueberfaellig]

    @property
    def ohne_angabe(self) -> list[KonferenzStand]:
        return [k for k in self.netzwerke if k.letzte is None]


def konferenz_stand(region: Region, vertrag: Vertrag, stichtag: date) -> KonferenzStand:
    bisher = [e.datum for e in vertrag.bildungskonferenzen if e.datum.moeglich_bis(stichtag)]
    letzte = max(bisher, key=lambda z: (z.spaet or stichtag, z.frueh or date.min), default=None)
    grenze = jahre_vor(stichtag, 1)
    ueberfaellig = letzte is not None and letzte.spaet is not None and letzte.spaet < grenze
    return KonferenzStand(region, letzte, ueberfaellig)


def konferenzen(ab: Abdeckung) -> Konferenzbericht:
    """Wie aktuell sind die Bildungskonferenzen – und wie viel ist darüber überhaupt bekannt?"""
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
