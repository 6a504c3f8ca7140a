"""``netz end``, ``netz continue``, ``netz conference``: einen vorhandenen Vertrag fortschreiben.

Jede Änderung betrifft genau die nötigen Zeilen einer Vertragsdatei; sie wird
vor dem Schreiben mit dem ganzen Bestand geprüft und atomar ersetzt.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from pydantic import ValidationError

from .abdeckung import Stand, vertrag_stand
from .aufnehmen import Verweigert, region_finden
from .bearbeiten import Datei, NichtBearbeitbar
from .datum import Zeitangabe, deutsch_tag
from .laden import Datenbestand, Dokument
from .lesen import lade_datei, schemafehler
from .modelle import Ereignis, Region, Vertrag
from .pruefungen import pruefe
from .schreiben import ende_zeilen, ereignis, ersetze_atomar
from .yamlio import lies_yaml


@dataclass(frozen=True)
class Aenderung:
    dok: Dokument[Vertrag]
    region: Region
    vorher: bytes
    nachher: bytes
    vertrag: Vertrag  # der Vertrag nach der Änderung
    beschreibung: str

    @property
    def anzeige(self) -> str:
        return self.dok.anzeige


def vertrag_am(bestand: Datenbestand, region: Region, tag: date) -> Dokument[Vertrag]:
    """Der Vertrag, der am ``tag`` (sicher oder möglicherweise) in Kraft ist."""
    kandidaten = [
        d
        for d in bestand.vertraege
        if d.modell.region == region.ags and vertrag_stand(d.modell, tag) is not Stand.OHNE
    ]
    if not kandidaten:
        raise Verweigert(
            f"{region.bezeichnung} hat am {deutsch_tag(tag)} keinen Vertrag in Kraft.",
            "„netz show REGION“ zeigt die Verträge mit ihren Daten.",
        )
    sicher = [d for d in kandidaten if vertrag_stand(d.modell, tag) is Stand.MIT]
    return (sicher or kandidaten)[-1]


def _pruefe_tag(tag: date, heute: date, was: str) -> None:
    if tag > heute:
        raise Verweigert(
            f"{was} am {deutsch_tag(tag)} liegt in der Zukunft (heute ist {deutsch_tag(heute)}).",
            "Erst eintragen, wenn es geschehen ist.",
        )


def _fertig(
    bestand: Datenbestand, dok: Dokument[Vertrag], region: Region, datei: Datei, heute: date, text: str
) -> Aenderung:
    """Liest die geänderte Fassung, prüft den ganzen Bestand damit, gibt die Änderung zurück."""
    neu = datei.bytes()
    gelesen = lies_yaml(dok.anzeige, neu)
    if gelesen.wert is None:  # pragma: no cover - bearbeiten.py prüft schon
        raise Verweigert("Die Änderung ergäbe ungültiges YAML.", probleme=gelesen.probleme)
    try:
        vertrag = Vertrag.model_validate(gelesen.wert)
    except ValidationError as e:
        raise Verweigert(
            "Mit dieser Änderung wäre die Datei ungültig.",
            probleme=schemafehler(dok.anzeige, gelesen, e, Vertrag),
        ) from None
    neuer_dok = Dokument(dok.datei, dok.anzeige, vertrag, gelesen.zeilen)
    probe = replace(
        bestand,
        vertraege=[neuer_dok if d is dok else d for d in bestand.vertraege],
        probleme=[],
    )
    fehler = [p for p in pruefe(probe, heute) if p.ist_fehler]
    if fehler:
        raise Verweigert("Mit dieser Änderung wären die Daten ungültig.", probleme=fehler)
    return Aenderung(dok, region, datei.original, neu, vertrag, text)


def _datei(dok: Dokument[Vertrag]) -> Datei:
    try:
        return Datei.lies(dok.pfad.read_bytes(), dok.anzeige)
    except NichtBearbeitbar as e:
        raise Verweigert(f"{dok.anzeige}: {e}") from None


def ende(
    bestand: Datenbestand,
    eingabe: str,
    tag: date,
    heute: date,
    grund: str | None = None,
    quellen: list[str] | None = None,
) -> Aenderung:
    """Trägt ein, dass der am ``tag`` geltende Vertrag an diesem Tag endete (letzter Tag in Kraft)."""
    region = region_finden(bestand, eingabe)
    _pruefe_tag(tag, heute, "Das Ende")
    dok = vertrag_am(bestand, region, tag)
    v = dok.modell
    if v.unterzeichnet.sicher_nach(tag):  # pragma: no cover - vertrag_am schließt das aus
        raise Verweigert("Das Ende läge vor der Unterzeichnung.")
    neu = replace_vertrag(v, endet=Zeitangabe.am(tag), ende_grund=grund, ende_quellen=list(quellen or []))
    datei = _datei(dok)
    try:
        if v.endet is not None:
            # Ein ungenaues Ende wird genau: nur innerhalb der bisherigen Grenzen.
            if v.endet.genau or not (v.endet.frueh or date.min) <= tag <= (v.endet.spaet or date.max):
                raise Verweigert(
                    f"{dok.anzeige} hat schon „endet: {v.endet}“; "
                    f"der {deutsch_tag(tag)} liegt nicht in dieser Spanne.",
                    "Ein bekanntes Ende bitte von Hand in der Datei berichtigen.",
                )
            if (grund and v.ende_grund) or (quellen and v.ende_quellen):
                raise Verweigert(
                    f"{dok.anzeige} hat schon einen Grund oder Quellen für das Ende.",
                    "Bitte von Hand in der Datei ergänzen.",
                )
            datei.ersetze("endet", ende_zeilen(replace_vertrag(v, endet=neu.endet, ende_quellen=[]))[:1])
            zusatz = ende_zeilen(replace_vertrag(neu, endet=None))
            if zusatz:
                datei.einfuegen_nach(["endet"], zusatz)
        else:
            datei.einfuegen_nach(["beginn", "unterzeichnet"], ende_zeilen(neu))
    except NichtBearbeitbar as e:
        raise Verweigert(f"{dok.anzeige}: {e}") from None
    return _fertig(bestand, dok, region, datei, heute, f"Ende am {deutsch_tag(tag)}")


def replace_vertrag(v: Vertrag, **felder: object) -> Vertrag:
    return v.model_copy(update=felder)


def _ereignis(
    bestand: Datenbestand,
    eingabe: str,
    tag: date,
    heute: date,
    schluessel: str,
    was: str,
    quellen: list[str] | None,
    bemerkung: str | None,
) -> Aenderung:
    region = region_finden(bestand, eingabe)
    _pruefe_tag(tag, heute, was)
    dok = vertrag_am(bestand, region, tag)
    vorhandene: list[Ereignis] = getattr(dok.modell, schluessel)
    if any(e.datum.genau and e.datum.frueh == tag for e in vorhandene):
        raise Verweigert(f"{was} am {deutsch_tag(tag)} ist in {dok.anzeige} schon eingetragen.")
    e = Ereignis(datum=Zeitangabe.am(tag), quellen=list(quellen or []), bemerkung=bemerkung or None)
    datei = _datei(dok)
    try:
        datei.listeneintrag(schluessel, ereignis(e))
    except NichtBearbeitbar as fehler:
        raise Verweigert(f"{dok.anzeige}: {fehler}") from None
    return _fertig(bestand, dok, region, datei, heute, f"{was.removeprefix('Die ')} am {deutsch_tag(tag)}")


def fortsetzung(
    bestand: Datenbestand,
    eingabe: str,
    tag: date,
    heute: date,
    quellen: list[str] | None = None,
    bemerkung: str | None = None,
) -> Aenderung:
    """Ein Beschluss, den Vertrag fortzuführen (nach der Evaluation) – kein neuer Vertrag."""
    return _ereignis(bestand, eingabe, tag, heute, "fortsetzungen", "Die Fortsetzung", quellen, bemerkung)


def konferenz(
    bestand: Datenbestand,
    eingabe: str,
    tag: date,
    heute: date,
    quellen: list[str] | None = None,
    bemerkung: str | None = None,
) -> Aenderung:
    """Eine regionale Bildungskonferenz des Netzwerks."""
    return _ereignis(
        bestand, eingabe, tag, heute, "bildungskonferenzen", "Die Bildungskonferenz", quellen, bemerkung
    )


def speichere_aenderung(a: Aenderung) -> None:
    """Ersetzt die Datei atomar – nur, wenn sie seit dem Lesen unverändert ist."""
    if a.dok.pfad.read_bytes() != a.vorher:
        raise Verweigert(f"{a.anzeige} wurde inzwischen geändert; bitte erneut aufrufen.")
    ersetze_atomar(a.dok.pfad, a.nachher)
    dok, _ = lade_datei(a.dok.pfad, Vertrag, a.anzeige)
    if dok is None or dok.modell != a.vertrag:  # pragma: no cover - Schutz gegen Schreibfehler
        ersetze_atomar(a.dok.pfad, a.vorher)
        raise Verweigert(
            "Die geänderte Datei ließ sich nicht korrekt zurücklesen; alte Fassung wiederhergestellt."
        )
