"""Die Schritte, die jede Änderung teilt: Region finden, mit dem ganzen Bestand prüfen,
nach dem Schreiben zurücklesen."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from ..daten.laden import lade_dokument
from ..kern.befund import Problem
from ..kern.bestand import Datenbestand, Dokument
from ..kern.datum import deutsch_tag
from ..kern.fehler import NetzFehler
from ..kern.modelle import Region, Vertrag
from ..kern.namen import region_finden
from ..pruefen import pruefe


def region(bestand: Datenbestand, eingabe: str) -> Region:
    return region_finden(eingabe, [d.modell for d in bestand.regionen], bestand.gemeinden)


def nicht_in_der_zukunft(tag: date, heute: date, was: str) -> None:
    if tag > heute:
        raise NetzFehler(
            f"{was} am {deutsch_tag(tag)} liegt in der Zukunft (heute ist {deutsch_tag(heute)}).",
            "Erst eintragen, wenn es geschehen ist.",
        )


def pruefe_mit(
    bestand: Datenbestand, neu: Dokument[Vertrag], heute: date, ersetzt: Dokument[Vertrag] | None = None
) -> None:
    """Prüft den Bestand, als wäre ``neu`` schon geschrieben (``ersetzt`` fällt weg)."""
    if fehler := fehler_mit(bestand, neu, heute, ersetzt):
        raise ungueltig(fehler, ersetzt is not None)


def fehler_mit(
    bestand: Datenbestand, neu: Dokument[Vertrag], heute: date, ersetzt: Dokument[Vertrag] | None = None
) -> list[Problem]:
    """Die Fehler aller Regeln im Bestand, als wäre ``neu`` schon geschrieben."""
    vertraege = [d for d in bestand.vertraege if d is not ersetzt]
    # die Befunde des Einlesens bleiben: ohne sie hielten die Regeln eine kaputte Regionsdatei
    # für fehlerfrei und meldeten ihre Region überall als unbekannt (NZ506)
    probe = replace(bestand, vertraege=[*vertraege, neu], probleme=list(bestand.probleme))
    # Mit geduldeten Fehlern anderer Regionen (Teildaten) wären die Prüfpunkte nicht verlässlich;
    # gemessen wird die Änderung dann nur an dem, was sie selbst neu verursacht. Ein geduldeter
    # Befund bleibt derselbe, auch wenn er nun die neue Datei mit nennt (``betrifft``).
    geduldet = {_ort(p) for p in bestand.geduldet}
    return [
        p
        for p in pruefe(probe, heute, mit_pruefpunkten=not bestand.geduldet).probleme
        if p.ist_fehler and _ort(p) not in geduldet
    ]


def _ort(p: Problem) -> tuple[str, int, int, str, str]:
    return (p.datei, p.zeile, p.spalte, p.code, p.meldung)


def ungueltig(fehler: list[Problem], aenderung: bool = False) -> NetzFehler:
    was = "dieser Änderung" if aenderung else "diesem Vertrag"
    return NetzFehler(f"Mit {was} wären die Daten ungültig.", probleme=fehler)


def betrifft(p: Problem, dok: Dokument[Vertrag]) -> bool:
    """Betrifft der Befund das (neue) Dokument – steht er bei ihm oder nennt er es?"""
    return p.datei == dok.anzeige or dok.anzeige in p.betrifft


def stimmt_zurueckgelesen(pfad: Path, anzeige: str, erwartet: Vertrag) -> bool:
    """Liest die geschriebene Datei und vergleicht mit dem beabsichtigten Vertrag."""
    dok, _ = lade_dokument(pfad, Vertrag, anzeige)
    return dok is not None and dok.modell == erwartet
