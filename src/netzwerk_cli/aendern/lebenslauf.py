"""``netz end``, ``netz continue``, ``netz conference``: einen vorhandenen Vertrag fortschreiben.

Jede Änderung betrifft genau die nötigen Zeilen einer Vertragsdatei; sie wird
vor dem Schreiben mit dem ganzen Bestand geprüft und atomar ersetzt.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date

from ..daten.datei import lies_datei
from ..daten.schreiben import ersetze_atomar, pruefe_ersetzbar
from ..kern.abdeckung import Stand, vertrag_stand
from ..kern.bestand import Datenbestand, Dokument
from ..kern.datum import Zeitangabe, deutsch_tag
from ..kern.fehler import NetzFehler
from ..kern.modelle import Ereignis, Quelle, Region, Vertrag
from ..pruefen.datei import pruefe_datei
from . import gemeinsam
from .bearbeiten import Datei, NichtBearbeitbar, geaenderte_zeilen
from .yamltext import ende_zeilen, ereignis


@dataclass(frozen=True)
class Aenderung:
    dok: Dokument[Vertrag]
    region: Region
    vorher: bytes
    nachher: bytes
    vertrag: Vertrag  # der Vertrag nach der Änderung
    beschreibung: str
    # Was der Mensch vor dem Speichern wissen sollte (ein ähnlicher Eintrag ist schon da …)
    hinweise: tuple[str, ...] = ()

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
        raise NetzFehler(
            f"{region.bezeichnung} hat am {deutsch_tag(tag)} keinen Vertrag in Kraft.",
            "„netz show REGION“ zeigt die Verträge mit ihren Daten.",
        )
    sicher = [d for d in kandidaten if vertrag_stand(d.modell, tag) is Stand.MIT]
    return (sicher or kandidaten)[-1]


def _fertig(
    bestand: Datenbestand,
    dok: Dokument[Vertrag],
    region: Region,
    datei: Datei,
    heute: date,
    text: str,
    erwartet: Vertrag,
    hinweise: tuple[str, ...] = (),
) -> Aenderung:
    """Liest die geänderte Fassung, prüft den ganzen Bestand damit, gibt die Änderung zurück.

    Vor allem anderen: Ist das, was der Editor erzeugt hat, genau das Beabsichtigte? Das
    zurückgelesene Modell muss ``erwartet`` gleichen (das alte mit genau der einen Änderung),
    und außer den eingefügten bzw. ersetzten Zeilen muss jede Zeile byte-gleich sein. Liest
    YAML eine Datei anders, als der Editor sie zählt, fällt es hier auf – nicht erst in
    der nächsten Prüfung, nachdem „Geändert“ gemeldet wurde.
    """
    neu = datei.bytes()
    neuer_dok, probleme = pruefe_datei(dok.datei, neu, Vertrag, dok.anzeige)
    if neuer_dok is None:
        raise NetzFehler("Mit dieser Änderung wäre die Datei ungültig.", probleme=probleme)
    entfernt, hinzu = geaenderte_zeilen(datei.original, neu)
    if (
        neuer_dok.modell != erwartet
        or sorted(entfernt) != sorted(datei.entfernt)
        or sorted(hinzu) != sorted(datei.eingefuegt)
    ):
        raise NetzFehler(
            f"{dok.anzeige}: Die geänderte Fassung liest sich nicht wie beabsichtigt "
            "(anderer Inhalt oder andere Zeilen als die neuen).",
            "Die Datei hat eine Form, die netz nicht sicher ändern kann; bitte von Hand ändern "
            "und „netz validate“ ausführen.",
        )
    gemeinsam.pruefe_mit(bestand, neuer_dok, heute, ersetzt=dok)
    return Aenderung(dok, region, datei.original, neu, neuer_dok.modell, text, hinweise)


def _datei(dok: Dokument[Vertrag]) -> Datei:
    pruefe_ersetzbar(dok.pfad, dok.anzeige)  # Verknüpfungen schon vor dem Ändern (auch bei --dry-run)
    inhalt = lies_datei(dok.datei, dok.anzeige)
    if not isinstance(inhalt, bytes):
        raise NetzFehler(f"{dok.anzeige}: {inhalt.meldung}", inhalt.hinweis)
    try:
        return Datei.lies(inhalt, dok.anzeige)
    except NichtBearbeitbar as e:
        raise NetzFehler(f"{dok.anzeige}: {e}") from None


def ende(
    bestand: Datenbestand,
    eingabe: str,
    tag: date,
    heute: date,
    quellen: list[str] | None = None,
    grund: str | None = None,
) -> Aenderung:
    """Trägt ein, dass der am ``tag`` geltende Vertrag an diesem Tag endete (letzter Tag in Kraft)."""
    region = gemeinsam.region(bestand, eingabe)
    gemeinsam.nicht_in_der_zukunft(tag, heute, "Das Ende")
    dok = vertrag_am(bestand, region, tag)
    v = dok.modell
    if v.unterzeichnet.sicher_nach(tag):  # pragma: no cover - vertrag_am schließt das aus
        raise NetzFehler("Das Ende läge vor der Unterzeichnung.")
    # model_copy prüft nicht: die Adressen von --source hier schon als Quelle
    ende_quellen = [Quelle(url=q) for q in quellen or []]
    neu = mit_feldern(v, endet=Zeitangabe.am(tag), ende_grund=grund, ende_quellen=ende_quellen)
    datei = _datei(dok)
    try:
        if v.endet is not None:
            # Ein ungenaues Ende wird genau: nur innerhalb der bisherigen Grenzen.
            if v.endet.genau or not (v.endet.frueh or date.min) <= tag <= (v.endet.spaet or date.max):
                raise NetzFehler(
                    f"{dok.anzeige} hat schon „endet: {v.endet}“; "
                    f"der {deutsch_tag(tag)} liegt nicht in dieser Spanne.",
                    f"Ein bekanntes Ende berichtigt netz nicht selbst: in {dok.anzeige} die Zeile "
                    f"„endet: {v.endet}“ ändern, dann „netz validate“.",
                )
            if (grund and v.ende_grund) or (quellen and v.ende_quellen):
                raise NetzFehler(
                    f"{dok.anzeige} hat schon einen Grund oder Quellen für das Ende.",
                    "Bitte von Hand in der Datei ergänzen.",
                )
            datei.ersetze("endet", ende_zeilen(mit_feldern(v, endet=neu.endet, ende_quellen=[]))[:1])
            zusatz = ende_zeilen(mit_feldern(neu, endet=None))
            if zusatz:
                datei.einfuegen_nach(["endet"], zusatz)
        else:
            datei.einfuegen_nach(["beginn", "unterzeichnet"], ende_zeilen(neu))
    except NichtBearbeitbar as e:
        raise NetzFehler(f"{dok.anzeige}: {e}") from None
    erwartet = mit_feldern(
        v,
        endet=Zeitangabe.am(tag),
        ende_grund=grund or v.ende_grund,
        ende_quellen=ende_quellen or list(v.ende_quellen),
    )
    return _fertig(bestand, dok, region, datei, heute, f"Ende am {deutsch_tag(tag)}", erwartet)


def mit_feldern(v: Vertrag, **felder: object) -> Vertrag:
    return v.model_copy(update=felder)


def _ereignis(
    bestand: Datenbestand,
    eingabe: str,
    tag: date,
    heute: date,
    quellen: list[str] | None = None,
    bemerkung: str | None = None,
    *,
    schluessel: str,
    was: str,
) -> Aenderung:
    """Hängt ein datiertes Ereignis (``schluessel``) an den Vertrag, der am ``tag`` gilt."""
    region = gemeinsam.region(bestand, eingabe)
    gemeinsam.nicht_in_der_zukunft(tag, heute, was)
    dok = vertrag_am(bestand, region, tag)
    vorhandene: list[Ereignis] = getattr(dok.modell, schluessel)
    if any(e.datum.genau and e.datum.frueh == tag for e in vorhandene):
        raise NetzFehler(f"{was} am {deutsch_tag(tag)} ist in {dok.anzeige} schon eingetragen.")
    # Ein ungenauer Eintrag, in dessen Spanne der Tag fällt („2013-07“ und 15.07.2013), ist
    # womöglich derselbe Beschluss: nicht still einen zweiten anlegen
    aehnlich = [
        e.datum.deutsch()
        for e in vorhandene
        if not e.datum.genau and (e.datum.frueh or date.min) <= tag <= (e.datum.spaet or date.max)
    ]
    hinweise = tuple(
        f"Achtung: {dok.anzeige} hat schon eine {was.removeprefix('Die ')} „{a}“. Ist es dieselbe, "
        f"dann statt eines zweiten Eintrags dort das Datum genauer angeben („{a}“ → {deutsch_tag(tag)})."
        for a in aehnlich
    )
    e = Ereignis(
        datum=Zeitangabe.am(tag), quellen=[Quelle(url=q) for q in quellen or []], bemerkung=bemerkung or None
    )
    datei = _datei(dok)
    try:
        datei.listeneintrag(schluessel, ereignis(e))
    except NichtBearbeitbar as fehler:
        raise NetzFehler(f"{dok.anzeige}: {fehler}") from None
    erwartet = mit_feldern(dok.modell, **{schluessel: [*vorhandene, e]})
    beschreibung = f"{was.removeprefix('Die ')} am {deutsch_tag(tag)}"
    return _fertig(bestand, dok, region, datei, heute, beschreibung, erwartet, hinweise)


#: Ein Beschluss, den Vertrag nach der Evaluation fortzuführen – kein neuer Vertrag.
fortsetzung = functools.partial(_ereignis, schluessel="fortsetzungen", was="Die Fortsetzung")
#: Eine regionale Bildungskonferenz des Netzwerks (sie soll jährlich tagen).
konferenz = functools.partial(_ereignis, schluessel="bildungskonferenzen", was="Die Bildungskonferenz")


def speichere_aenderung(a: Aenderung) -> None:
    """Ersetzt die Datei atomar – nur, wenn sie seit dem Lesen unverändert ist."""
    if lies_datei(a.dok.datei, a.anzeige) != a.vorher:
        raise NetzFehler(f"{a.anzeige} wurde inzwischen geändert; bitte erneut aufrufen.")
    ersetze_atomar(a.dok.pfad, a.nachher, a.anzeige)
    if not gemeinsam.stimmt_zurueckgelesen(a.dok.pfad, a.anzeige, a.vertrag):  # pragma: no cover - Schutz
        ersetze_atomar(a.dok.pfad, a.vorher, a.anzeige)
        raise NetzFehler(
            "Die geänderte Datei ließ sich nicht korrekt zurücklesen; alte Fassung wiederhergestellt."
        )
