"""``netz add``: einen neu unterzeichneten Vertrag prüfen und anlegen."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..daten.ordner import VERTRAEGE, anzeigepfad
from ..daten.schreiben import ZielExistiert, lege_exklusiv_an
from ..kern.abdeckung import Stand, abdeckung, vertraege_je_region
from ..kern.bestand import Datenbestand, Dokument
from ..kern.datum import Zeitangabe, deutsch_tag
from ..kern.fehler import NetzFehler
from ..kern.modelle import Region, Vertrag
from ..kern.namen import slug, vertrag_dateiname
from . import gemeinsam
from .yamltext import vertrag_yaml


@dataclass(frozen=True)
class Entwurf:
    pfad: Path
    anzeige: str
    vertrag: Vertrag
    yaml: str
    region: Region
    hinweise: tuple[str, ...]


def vorab(bestand: Datenbestand, region: Region, heute: date) -> None:
    """Was vor allen weiteren Fragen feststeht: hat die Region heute ein Netzwerk, ist ein
    neuer Vertrag nicht möglich, solange der alte nicht beendet ist."""
    if not region.gilt_am(heute):
        return  # eine aufgelöste Region: entwurf() sagt, wann es sie gab
    je = vertraege_je_region(d.modell for d in bestand.vertraege)
    stand = abdeckung([region], je, heute).regionen[0]
    if stand.stand is Stand.MIT and stand.vertrag is not None:
        raise NetzFehler(
            f"{region.bezeichnung} hat schon ein Netzwerk "
            f"(Vertrag unterzeichnet {stand.vertrag.unterzeichnet.deutsch()}).",
            "Ein neuer Vertrag setzt voraus, dass der alte beendet ist: "
            f"netz end {slug(region.name)} --date TT.MM.JJJJ. Einen früheren, "
            f"beendeten Vertrag mit Datum nachtragen: netz add {slug(region.name)} --date TT.MM.JJJJ "
            "--source https://…",
        )


def pruefe_tag(
    bestand: Datenbestand,
    region: Region,
    unterzeichnet: date | Zeitangabe,
    heute: date,
    quellen: list[str] | None = None,
) -> tuple[str, ...]:
    """Alles, was am Tag der Unterzeichnung hängt – am Terminal gleich nach der Antwort geprüft,
    nicht erst nach allen Fragen. Gibt Hinweise zurück; wirft :class:`NetzFehler`.

    Ein ungenaues Datum („2026-11“, „spätestens 2010-05-06“) wird an seinen Grenzen geprüft;
    Überschneidungen mit anderen Verträgen findet dann die Prüfung des ganzen Bestands."""
    z = unterzeichnet if isinstance(unterzeichnet, Zeitangabe) else Zeitangabe.am(unterzeichnet)
    if z.frueh is not None:
        gemeinsam.nicht_in_der_zukunft(z.frueh, heute, "Die Unterzeichnung")
    erste = bestand.programm.modell.erste_vertraege if bestand.programm is not None else None
    if erste is not None and z.spaet is not None and z.spaet < erste:
        raise NetzFehler(f"Das Datum {z.deutsch()} liegt vor den ersten Verträgen ({deutsch_tag(erste)}).")
    if not z.genau:
        return ()
    assert z.frueh is not None
    tag = z.frueh
    _gab_es(bestand, region, tag)
    _derselbe(bestand, region, tag, quellen)
    je = vertraege_je_region(d.modell for d in bestand.vertraege)
    stand = abdeckung([region], je, tag).regionen[0]
    if stand.stand is Stand.MIT:
        assert stand.vertrag is not None
        raise NetzFehler(
            f"{region.bezeichnung} hat am {deutsch_tag(tag)} schon ein Netzwerk "
            f"(Vertrag unterzeichnet {stand.vertrag.unterzeichnet.deutsch()}).",
            "Ein neuer Vertrag setzt voraus, dass der alte beendet ist; sein Ende eintragen mit "
            f"netz end {slug(region.name)} --date TT.MM.JJJJ (letzter Tag des alten Vertrags).",
        )
    if stand.stand is Stand.UNGEWISS and stand.vertrag is not None:
        return (
            f"Der Vertrag vom {stand.vertrag.unterzeichnet.deutsch()} ist möglicherweise noch in Kraft; "
            f"falls er endete: netz end {slug(region.name)} --date TT.MM.JJJJ",
        )
    return ()


def entwurf(
    bestand: Datenbestand,
    region_eingabe: str,
    unterzeichnet: date | Zeitangabe,
    heute: date,
    beginn: date | None = None,
    quellen: list[str] | None = None,
    bemerkung: str | None = None,
) -> Entwurf:
    """Prüft alles, was vor dem Schreiben prüfbar ist; wirft :class:`NetzFehler`.
    ``unterzeichnet``: ein Tag oder eine ungenaue Angabe („2026-11“)."""
    region = gemeinsam.region(bestand, region_eingabe)
    z = unterzeichnet if isinstance(unterzeichnet, Zeitangabe) else Zeitangabe.am(unterzeichnet)
    if beginn is not None and z.frueh is not None and beginn < z.frueh:
        raise NetzFehler(f"Der Beginn {deutsch_tag(beginn)} liegt vor der Unterzeichnung {z.deutsch()}.")
    hinweise = list(pruefe_tag(bestand, region, z, heute, quellen))
    if not quellen:
        raise NetzFehler(
            "Ein Vertrag braucht eine Quelle: die Webadresse, auf der die Angabe beruht (NZ601).",
            f"netz add {slug(region.name)} --date {_eingabe(z)} --source https://…",
        )
    v = Vertrag(
        region=region.ags,
        unterzeichnet=z,
        beginn=Zeitangabe.am(beginn) if beginn else None,
        quellen=list(quellen or []),
        bemerkung=bemerkung or None,
    )
    pfad = bestand.wurzel / VERTRAEGE / vertrag_dateiname(region, v.unterzeichnet)
    if pfad.exists():
        raise NetzFehler(f"Die Datei {anzeigepfad(pfad, bestand.wurzel)} gibt es schon.")
    text = vertrag_yaml(v)
    # Vor dem Schreiben: den Bestand mit dem neuen Vertrag im Speicher prüfen.
    gemeinsam.pruefe_mit(bestand, Dokument(str(pfad), anzeigepfad(pfad, bestand.wurzel), v, {}), heute)
    return Entwurf(pfad, anzeigepfad(pfad, bestand.wurzel), v, text, region, tuple(hinweise))


def _eingabe(z: Zeitangabe) -> str:
    """Die Angabe, wie man sie wieder eintippt (mit Anführungszeichen, wenn sie Wörter hat)."""
    return deutsch_tag(z.frueh) if z.genau and z.frueh else (f'"{z.text}"' if " " in z.text else z.text)


def _derselbe(bestand: Datenbestand, region: Region, tag: date, quellen: list[str] | None) -> None:
    """Ein Vertrag der Region, unterzeichnet an genau diesem Tag, ist derselbe Vertrag: wer ihn
    noch einmal einträgt, will meist nur die Quelle nachtragen – dafür gibt es netz source add."""
    for d in bestand.vertraege:
        v = d.modell
        if v.region == region.ags and v.unterzeichnet.genau and v.unterzeichnet.frueh == tag:
            url = quellen[0] if quellen else "https://…"
            raise NetzFehler(
                f"Den Vertrag vom {deutsch_tag(tag)} gibt es schon: {d.anzeige}.",
                "Eine Quelle nachtragen oder berichtigen: "
                f"netz source add {slug(region.name)} {url} --contract {deutsch_tag(tag)}",
            )


def _gab_es(bestand: Datenbestand, region: Region, tag: date) -> None:
    """Ein Vertrag nur an einem Tag, an dem es die Region gab (Gebietsstand, z. B. Aachen 2009)."""
    if region.gilt_am(tag):
        return
    namen = {d.modell.ags: f"{d.modell.bezeichnung} ({d.modell.ags})" for d in bestand.regionen}
    wer = f"{region.bezeichnung} ({region.ags})"
    if region.gueltig_bis is not None and tag > region.gueltig_bis:
        andere = ", ".join(namen.get(a, a) for a in region.nachfolger)
        raise NetzFehler(
            f"{wer} gab es nur bis zum {deutsch_tag(region.gueltig_bis)}; "
            f"ein Vertrag vom {deutsch_tag(tag)} ist nicht möglich.",
            f"Gemeint ist wohl die Nachfolgerin: {andere}." if andere else "",
        )
    assert region.gueltig_ab is not None
    andere = ", ".join(namen.get(a, a) for a in region.vorgaenger)
    raise NetzFehler(
        f"{wer} gibt es erst seit dem {deutsch_tag(region.gueltig_ab)}; "
        f"ein Vertrag vom {deutsch_tag(tag)} ist so nicht möglich.",
        f"Einen Vertrag der Vorgänger ({andere}) in der Datei unter „umfasst:“ eintragen." if andere else "",
    )


def speichere(e: Entwurf) -> None:
    """Legt die Datei exklusiv und atomar an und liest sie zur Kontrolle wieder ein."""
    try:
        lege_exklusiv_an(e.pfad, e.yaml)
    except ZielExistiert:
        raise NetzFehler(
            f"Die Datei {e.anzeige} gibt es schon (gerade von jemand anderem angelegt?)."
        ) from None
    if not gemeinsam.stimmt_zurueckgelesen(e.pfad, e.anzeige, e.vertrag):  # pragma: no cover - Schutz
        e.pfad.unlink(missing_ok=True)
        raise NetzFehler("Die geschriebene Datei ließ sich nicht korrekt zurücklesen; sie wurde entfernt.")
