"""Berichte für status, missing, list und show: Daten rein, Daten raus."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .abdeckung import (
    Abdeckung,
    RegionStand,
    Stand,
    Zaehlung,
    ZielAuswertung,
    abdeckung,
    vertraege_je_region,
    ziel_auswertung,
)
from .laden import Datenbestand, Dokument
from .modelle import Region, Vertrag
from .namen import reihenfolge_pressemitteilung, sortiername


@dataclass(frozen=True)
class StatusBericht:
    programm: str
    stichtag: date
    abdeckung: Abdeckung
    ziel: ZielAuswertung | None

    @property
    def gesamt(self) -> Zaehlung:
        return self.abdeckung.gesamt


def regionen(bestand: Datenbestand) -> list[Region]:
    return [d.modell for d in bestand.regionen]


def vertraege(bestand: Datenbestand) -> list[Vertrag]:
    return [d.modell for d in bestand.vertraege]


def status(bestand: Datenbestand, stichtag: date) -> StatusBericht:
    rs, vs = regionen(bestand), vertraege(bestand)
    ab = abdeckung(rs, vs, stichtag)
    ziel = None
    name = "Regionale Bildungsnetzwerke"
    if bestand.programm is not None:
        p = bestand.programm.modell
        name = p.name
        ziel = ziel_auswertung(rs, vs, p.ziel.anzahl, p.ziel.bis, stichtag)
    return StatusBericht(name, stichtag, ab, ziel)


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


@dataclass(frozen=True)
class RegionBericht:
    region: Region
    stichtag: date
    datei: str
    stand: RegionStand
    vertraege: list[Dokument[Vertrag]]


def region_bericht(bestand: Datenbestand, region: Region, stichtag: date) -> RegionBericht:
    datei = next(d.anzeige for d in bestand.regionen if d.modell.ags == region.ags)
    doks = [d for d in bestand.vertraege if d.modell.region == region.ags]
    je = vertraege_je_region(d.modell for d in doks)
    ab = abdeckung([region], je, stichtag)
    reihenfolge = {id(v): i for i, v in enumerate(je.get(region.ags, ()))}
    doks.sort(key=lambda d: reihenfolge.get(id(d.modell), 0))
    return RegionBericht(region, stichtag, datei, ab.regionen[0], doks)
