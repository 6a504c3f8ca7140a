"""Berichte für status, missing, list und show: Daten rein, Daten raus."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from types import MappingProxyType
from typing import NamedTuple

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
from .modelle import Region, Vertrag
from .namen import namensreihenfolge, reihenfolge_pressemitteilung
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
    bisher = [e.datum for e in vertrag.bildungskonferenzen if e.datum.moeglich_bis(stichtag)]
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
