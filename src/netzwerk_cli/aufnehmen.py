"""``netz add``: einen neu unterzeichneten Vertrag prüfen und anlegen."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from .abdeckung import Stand, abdeckung, vertraege_je_region
from .datum import Zeitangabe, deutsch_tag
from .laden import VERTRAEGE, Datenbestand, Dokument, anzeigepfad
from .lesen import lade_datei
from .modelle import Region, Vertrag
from .namen import finde_region, vertrag_dateiname
from .probleme import Problem
from .pruefungen import pruefe
from .schreiben import ZielExistiert, lege_exklusiv_an, vertrag_yaml


class Verweigert(Exception):
    """Die Aktion ist nicht erlaubt; nichts wurde geschrieben."""

    def __init__(self, meldung: str, hinweis: str = "", probleme: list[Problem] | None = None) -> None:
        super().__init__(meldung)
        self.meldung = meldung
        self.hinweis = hinweis
        self.probleme = probleme or []


@dataclass(frozen=True)
class Entwurf:
    pfad: Path
    anzeige: str
    vertrag: Vertrag
    yaml: str
    region: Region
    hinweise: tuple[str, ...]


def region_finden(bestand: Datenbestand, eingabe: str) -> Region:
    alle = [d.modell for d in bestand.regionen]
    t = finde_region(eingabe, alle)
    if t.region is not None:
        return t.region
    if t.kandidaten:
        liste = ", ".join(f"{r.bezeichnung} ({r.ags})" for r in t.kandidaten)
        art = "mehrdeutig" if t.mehrdeutig else "unbekannt"
        raise Verweigert(f"Region „{eingabe}“ ist {art}. Meinten Sie: {liste}?")
    raise Verweigert(
        f"Region „{eingabe}“ ist unbekannt.", "„netz list“ zeigt alle Regionen mit AGS und Namen."
    )


def entwurf(
    bestand: Datenbestand,
    region_eingabe: str,
    unterzeichnet: date,
    heute: date,
    beginn: date | None = None,
    quellen: list[str] | None = None,
    bemerkung: str | None = None,
) -> Entwurf:
    """Prüft alles, was vor dem Schreiben prüfbar ist; wirft :class:`Verweigert`."""
    region = region_finden(bestand, region_eingabe)
    if unterzeichnet > heute:
        raise Verweigert(
            f"Das Datum {deutsch_tag(unterzeichnet)} liegt in der Zukunft (heute ist {deutsch_tag(heute)}).",
            "Einen Vertrag erst eintragen, wenn er unterzeichnet ist.",
        )
    if bestand.programm is not None and unterzeichnet < bestand.programm.modell.erste_vertraege:
        erste = deutsch_tag(bestand.programm.modell.erste_vertraege)
        raise Verweigert(f"Das Datum {deutsch_tag(unterzeichnet)} liegt vor den ersten Verträgen ({erste}).")
    if beginn is not None and beginn < unterzeichnet:
        raise Verweigert(
            f"Der Beginn {deutsch_tag(beginn)} liegt vor der Unterzeichnung {deutsch_tag(unterzeichnet)}."
        )
    je = vertraege_je_region(d.modell for d in bestand.vertraege)
    stand = abdeckung([region], je, unterzeichnet).regionen[0]
    hinweise: list[str] = []
    if stand.stand is Stand.MIT:
        assert stand.vertrag is not None
        raise Verweigert(
            f"{region.bezeichnung} hat am {deutsch_tag(unterzeichnet)} schon ein Netzwerk "
            f"(Vertrag unterzeichnet {stand.vertrag.unterzeichnet.deutsch()}).",
            "Ein neuer Vertrag setzt voraus, dass der alte beendet ist (endet: … in seiner Datei).",
        )
    if stand.stand is Stand.UNGEWISS and stand.vertrag is not None:
        hinweise.append(
            f"Der Vertrag vom {stand.vertrag.unterzeichnet.deutsch()} ist möglicherweise noch in Kraft; "
            "falls er endete, das Ende in seiner Datei eintragen."
        )
    if not quellen:
        hinweise.append("Ohne Quelle: bitte mit --source die Webadresse nachtragen (Warnung NZ601).")
    v = Vertrag(
        region=region.ags,
        unterzeichnet=Zeitangabe.am(unterzeichnet),
        beginn=Zeitangabe.am(beginn) if beginn else None,
        quellen=list(quellen or []),
        bemerkung=bemerkung or None,
    )
    pfad = bestand.wurzel / VERTRAEGE / vertrag_dateiname(region, v.unterzeichnet)
    if pfad.exists():
        raise Verweigert(f"Die Datei {anzeigepfad(pfad, bestand.wurzel)} gibt es schon.")
    text = vertrag_yaml(v)
    # Vor dem Schreiben: den Bestand mit dem neuen Vertrag im Speicher prüfen.
    probe = replace(
        bestand,
        vertraege=[*bestand.vertraege, Dokument(str(pfad), anzeigepfad(pfad, bestand.wurzel), v, {})],
        probleme=[],
    )
    fehler = [p for p in pruefe(probe, heute) if p.ist_fehler]
    if fehler:
        raise Verweigert("Mit diesem Vertrag wären die Daten ungültig.", probleme=fehler)
    return Entwurf(pfad, anzeigepfad(pfad, bestand.wurzel), v, text, region, tuple(hinweise))


def speichere(e: Entwurf) -> None:
    """Legt die Datei exklusiv und atomar an und liest sie zur Kontrolle wieder ein."""
    try:
        lege_exklusiv_an(e.pfad, e.yaml)
    except ZielExistiert:
        raise Verweigert(
            f"Die Datei {e.anzeige} gibt es schon (gerade von jemand anderem angelegt?)."
        ) from None
    dok, probleme = lade_datei(e.pfad, Vertrag, e.anzeige)
    if dok is None or dok.modell != e.vertrag:  # pragma: no cover - Schutz gegen Schreibfehler
        e.pfad.unlink(missing_ok=True)
        raise Verweigert(
            "Die geschriebene Datei ließ sich nicht korrekt zurücklesen; sie wurde entfernt.",
            probleme=probleme,
        )
