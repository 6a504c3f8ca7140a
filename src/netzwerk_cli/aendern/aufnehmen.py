"""``netz add``: einen neu unterzeichneten Vertrag prüfen und anlegen.

Was ``add`` verweigert, entscheiden die Regeln (pruefen/regeln.py) am Bestand mit dem neuen
Vertrag; hier steht nur, wie es dem Menschen gesagt wird."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from ..daten.ordner import VERTRAEGE, anzeigepfad
from ..daten.schreiben import ZielExistiert, lege_exklusiv_an
from ..kern.abdeckung import Stand, abdeckung, vertraege_je_region
from ..kern.befund import Problem
from ..kern.bestand import Datenbestand, Dokument
from ..kern.datum import Zeitangabe, deutsch_tag
from ..kern.fehler import NetzFehler
from ..kern.modelle import Quelle, Region, Vertrag
from ..kern.namen import slug, vertrag_dateiname
from ..pruefen.regeln import REGELN, Kontext
from ..pruefen.yamlio import lies_yaml
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


#: Die Regeln, deren Befund am neuen Vertrag ``add`` in eigenen Worten verweigert (mit dem
#: Befehl, der weiterhilft); jeden anderen Fehler nennt es mit dem Befund selbst.
VERWEIGERT = ("NZ302", "NZ303", "NZ304", "NZ405")


def vorab(bestand: Datenbestand, region: Region, heute: date) -> None:
    """Was vor allen weiteren Fragen feststeht: hat die Region heute ein Netzwerk, ist ein
    neuer Vertrag nicht möglich, solange der alte nicht beendet ist – gefragt wird die Regel
    NZ405 mit einem Vertrag von heute."""
    if not region.gilt_am(heute):
        return  # eine aufgelöste Region: entwurf() sagt, wann es sie gab
    dok = _probe(bestand, region, Vertrag(region=region.ags, unterzeichnet=Zeitangabe.am(heute)))
    probe = replace(bestand, vertraege=[*bestand.vertraege, dok])
    for p in REGELN["NZ405"].pruefe(Kontext(probe, heute)):
        if gemeinsam.betrifft(p, dok) and (andere := _in_kraft_am(probe, p, dok, heute)) is not None:
            raise NetzFehler(
                f"{region.bezeichnung} hat schon ein Netzwerk "
                f"(Vertrag unterzeichnet {andere.unterzeichnet.deutsch()}).",
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

    Entschieden wird wie in :func:`entwurf`: von den Regeln am Bestand mit einem Probevertrag
    dieses Tages (ein ungenaues Datum an seinen Grenzen); nur ein Vertrag desselben Tages ist
    eigens erklärt – wer ihn noch einmal einträgt, will meist die Quelle nachtragen."""
    z = unterzeichnet if isinstance(unterzeichnet, Zeitangabe) else Zeitangabe.am(unterzeichnet)
    if z.genau and z.frueh is not None:
        _derselbe(bestand, region, z.frueh, quellen)
    dok = _probe(
        bestand,
        region,
        Vertrag(region=region.ags, unterzeichnet=z, quellen=[Quelle(url=q) for q in quellen or []]),
    )
    eigene = _verweigerte(gemeinsam.fehler_mit(bestand, dok, heute), dok)
    if eigene:
        raise _verweigerung(bestand, eigene[0], dok, region, heute)
    tag = z.frueh if z.genau else None
    if tag is None:
        return ()
    je = vertraege_je_region(d.modell for d in bestand.vertraege)
    stand = abdeckung([region], je, tag).regionen[0]
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
    ``unterzeichnet``: ein Tag oder eine ungenaue Angabe („2026-11“).

    Geprüft wird der Bestand mit dem neuen Vertrag – mit allen Regeln, einmal; die Befunde
    der Regeln in :data:`VERWEIGERT` am neuen Vertrag sagt ``add`` in eigenen Worten."""
    region = gemeinsam.region(bestand, region_eingabe)
    z = unterzeichnet if isinstance(unterzeichnet, Zeitangabe) else Zeitangabe.am(unterzeichnet)
    if z.genau and z.frueh is not None:
        _derselbe(bestand, region, z.frueh, quellen)
    v = Vertrag(
        region=region.ags,
        unterzeichnet=z,
        beginn=Zeitangabe.am(beginn) if beginn else None,
        quellen=[Quelle(url=q) for q in quellen or []],
        bemerkung=bemerkung or None,
    )
    text = vertrag_yaml(v)
    dok = _probe(bestand, region, v, text)
    fehler = gemeinsam.fehler_mit(bestand, dok, heute)
    eigene = _verweigerte(fehler, dok)
    if eigene:
        raise _verweigerung(bestand, eigene[0], dok, region, heute)
    if not quellen:  # erst das Datum, dann die Quelle: so fragt auch das Terminal
        raise NetzFehler(
            "Ein Vertrag braucht eine Quelle: die Webadresse, auf der die Angabe beruht (NZ601).",
            f"netz add {slug(region.name)} --date {_eingabe(z)} --source https://…",
        )
    hinweise = pruefe_tag(bestand, region, z, heute, quellen)
    pfad = Path(dok.datei)
    if pfad.exists():
        raise NetzFehler(f"Die Datei {dok.anzeige} gibt es schon.")
    if fehler:
        raise gemeinsam.ungueltig(fehler)
    return Entwurf(pfad, dok.anzeige, v, text, region, hinweise)


def _verweigerte(fehler: list[Problem], dok: Dokument[Vertrag]) -> list[Problem]:
    """Die Befunde der Regeln aus :data:`VERWEIGERT` am neuen Vertrag, in der Reihenfolge, in
    der ``add`` sie sagt (NZ304: erst der Beginn, dann die Region)."""
    return sorted(
        (p for p in fehler if p.code in VERWEIGERT and gemeinsam.betrifft(p, dok)),
        key=lambda p: (VERWEIGERT.index(p.code), -p.zeile),
    )


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


def _probe(bestand: Datenbestand, region: Region, v: Vertrag, text: str | None = None) -> Dokument[Vertrag]:
    """Der neue Vertrag als Dokument, mit den Zeilen der Datei, die geschrieben würde (so sagen
    die Befunde, welches Feld sie meinen)."""
    pfad = bestand.wurzel / VERTRAEGE / vertrag_dateiname(region, v.unterzeichnet)
    anzeige = anzeigepfad(pfad, bestand.wurzel)
    zeilen = lies_yaml(anzeige, (text or vertrag_yaml(v)).encode()).zeilen
    return Dokument(str(pfad), anzeige, v, zeilen)


def _in_kraft_am(bestand: Datenbestand, p: Problem, dok: Dokument[Vertrag], tag: date) -> Vertrag | None:
    """Der andere Vertrag eines NZ405 am neuen, wenn er am ``tag`` schon sicher unterzeichnet war."""
    andere = p.datei if p.datei != dok.anzeige else next(iter(p.betrifft), "")
    v = next((d.modell for d in bestand.vertraege if d.anzeige == andere), None)
    if v is None or v.unterzeichnet.spaet is None or v.unterzeichnet.spaet > tag:
        return None
    return v


def _verweigerung(
    bestand: Datenbestand, p: Problem, dok: Dokument[Vertrag], region: Region, heute: date
) -> NetzFehler:
    """Der Befund einer Regel am neuen Vertrag in den Worten von ``add``: mit deutschem Datum
    und dem Befehl, der weiterhilft."""
    v = dok.modell
    # ein ungenaues Datum an seiner frühesten (sonst spätesten) Grenze; im Text, wie es gelesen wird
    tag = v.unterzeichnet.frueh or v.unterzeichnet.spaet or heute
    if p.code == "NZ302":
        return NetzFehler(
            f"Die Unterzeichnung am {deutsch_tag(tag)} liegt in der Zukunft "
            f"(heute ist {deutsch_tag(heute)}).",
            "Erst eintragen, wenn es geschehen ist.",
        )
    if p.code == "NZ303":
        erste = f" ({deutsch_tag(bestand.programmbeginn)})" if bestand.programmbeginn else ""
        return NetzFehler(f"Das Datum {deutsch_tag(tag)} liegt vor den ersten Verträgen{erste}.")
    if p.code == "NZ304" and v.beginn is not None and p.zeile == dok.zeile("beginn"):
        assert v.beginn.frueh is not None
        return NetzFehler(
            f"Der Beginn {deutsch_tag(v.beginn.frueh)} liegt vor der Unterzeichnung {deutsch_tag(tag)}."
        )
    if p.code == "NZ304" and not region.gilt_am(tag):
        return _gab_es_nicht(bestand, region, tag)
    if p.code == "NZ405" and (andere := _in_kraft_am(bestand, p, dok, tag)) is not None:
        return NetzFehler(
            f"{region.bezeichnung} hat am {deutsch_tag(tag)} schon ein Netzwerk "
            f"(Vertrag unterzeichnet {andere.unterzeichnet.deutsch()}).",
            "Ein neuer Vertrag setzt voraus, dass der alte beendet ist; sein Ende eintragen mit "
            f"netz end {slug(region.name)} --date TT.MM.JJJJ (letzter Tag des alten Vertrags).",
        )
    return gemeinsam.ungueltig([p])


def _gab_es_nicht(bestand: Datenbestand, region: Region, tag: date) -> NetzFehler:
    """Ein Vertrag nur an einem Tag, an dem es die Region gab (Gebietsstand, z. B. Aachen 2009):
    wann es sie gab und wer an ihrer Stelle steht."""
    namen = {d.modell.ags: f"{d.modell.bezeichnung} ({d.modell.ags})" for d in bestand.regionen}
    wer = f"{region.bezeichnung} ({region.ags})"
    if region.gueltig_bis is not None and tag > region.gueltig_bis:
        andere = ", ".join(namen.get(a, a) for a in region.nachfolger)
        return NetzFehler(
            f"{wer} gab es nur bis zum {deutsch_tag(region.gueltig_bis)}; "
            f"ein Vertrag vom {deutsch_tag(tag)} ist nicht möglich.",
            f"Gemeint ist wohl die Nachfolgerin: {andere}." if andere else "",
        )
    assert region.gueltig_ab is not None
    andere = ", ".join(namen.get(a, a) for a in region.vorgaenger)
    return NetzFehler(
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
