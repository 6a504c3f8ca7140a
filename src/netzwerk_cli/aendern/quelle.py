"""``netz source add``: eine Quelle an einen vorhandenen Vertrag anhängen oder eine berichtigen.

Derselbe Weg wie jede Änderung (:mod:`.lebenslauf`): nur die eine Zeile der Quelle ändert sich,
geprüft mit dem ganzen Bestand, unter der Sperre atomar ersetzt und zurückgelesen.
"""

from __future__ import annotations

import posixpath
from datetime import date

from yaml.nodes import ScalarNode, SequenceNode

from ..kern.abdeckung import Stand, vertrag_stand
from ..kern.bestand import Datenbestand, Dokument
from ..kern.datum import DatumFehler, Zeitangabe, eingabe_tag, iso_vorschlag
from ..kern.fehler import NetzFehler
from ..kern.modelle import Quelle, Region, Vertrag
from ..kern.namen import slug
from . import gemeinsam
from .bearbeiten import Datei, NichtBearbeitbar
from .lebenslauf import Aenderung, _datei, _fertig, mit_feldern
from .yamltext import text as yaml_text


def _als_quelle(url: str) -> Quelle:
    """Die Adresse so, wie das Modell sie nach dem Lesen hält: eine Quelle mit nur ``url``."""
    return Quelle(url=url)


def _url(q: object) -> str:
    return str(getattr(q, "url", q))


def _vertrag_text(z: str, heute: date) -> str | None:
    """--contract als Zeitangabe der Datendateien („2011-09“, „01.10.2026“, „09.2011“) – oder None."""
    for versuch in (z, iso_vorschlag(z) or ""):
        try:
            return Zeitangabe.lies(versuch).text
        except DatumFehler:
            pass
    try:
        return eingabe_tag(z, heute).isoformat()
    except DatumFehler:
        return None


def waehle_vertrag(
    bestand: Datenbestand, region: Region, vertrag: str | None, heute: date
) -> Dokument[Vertrag]:
    """Der gemeinte Vertrag: mit ``vertrag`` (Datum der Unterzeichnung oder Dateiname) genau
    dieser; sonst der einzige der Region, der einzige ohne Quelle oder der heute geltende."""
    alle = [d for d in bestand.vertraege if d.modell.region == region.ags]
    if not alle:
        raise NetzFehler(
            f"{region.bezeichnung} hat keinen Vertrag.",
            f"Einen Vertrag eintragen: netz add {slug(region.name)} --date TT.MM.JJJJ --source https://…",
        )
    wahl = _auswahl(alle)
    if vertrag is not None:
        gesucht = _vertrag_text(vertrag, heute)
        treffer = [
            d
            for d in alle
            if d.modell.unterzeichnet.text == gesucht
            or posixpath.basename(d.anzeige) in (vertrag, f"{vertrag}.yaml")
        ]
        if len(treffer) != 1:
            raise NetzFehler(
                f"{region.bezeichnung} hat keinen Vertrag „{vertrag}“.", f"Gemeint ist einer von: {wahl}."
            )
        return treffer[0]
    if len(alle) == 1:
        return alle[0]
    ohne = [d for d in alle if not d.modell.quellen]
    if len(ohne) == 1:
        return ohne[0]
    heute_gueltig = [d for d in alle if vertrag_stand(d.modell, heute) is Stand.MIT]
    if not ohne and len(heute_gueltig) == 1:
        return heute_gueltig[0]
    raise NetzFehler(
        f"{region.bezeichnung} hat {len(alle)} Verträge; welcher ist gemeint?", f"Bitte angeben: {wahl}."
    )


def _auswahl(alle: list[Dokument[Vertrag]]) -> str:
    teile = []
    for d in alle:
        t = d.modell.unterzeichnet.text
        teile.append(f"--contract {t!r}" if " " in t else f"--contract {t}")
    return ", ".join(teile)


def quelle_hinzu(
    bestand: Datenbestand,
    eingabe: str,
    url: str,
    heute: date,
    vertrag: str | None = None,
    ersetzt: str | None = None,
) -> Aenderung:
    """Hängt ``url`` an die Quellen des Vertrags an – oder setzt sie an die Stelle von ``ersetzt``."""
    region = gemeinsam.region(bestand, eingabe)
    dok = waehle_vertrag(bestand, region, vertrag, heute)
    v = dok.modell
    urls = [_url(q) for q in v.quellen]
    if url in urls:
        raise NetzFehler(f"{dok.anzeige} nennt {url} schon als Quelle.")
    neu = _als_quelle(url)
    datei = _datei(dok)
    try:
        if ersetzt is not None:
            if ersetzt not in urls:
                liste = ", ".join(urls) or "keine"
                raise NetzFehler(
                    f"{dok.anzeige} nennt {ersetzt} nicht als Quelle.", f"Seine Quellen: {liste}."
                )
            i = urls.index(ersetzt)
            datei.ersetze_listentext("quellen", i, yaml_text(url))
            quellen = [*v.quellen[:i], neu, *v.quellen[i + 1 :]]
            beschreibung = f"Quelle berichtigt: {url}"
        else:
            _haenge_an(datei, url)
            quellen = [*v.quellen, neu]
            beschreibung = f"Quelle nachgetragen: {url}"
    except NichtBearbeitbar as e:
        raise NetzFehler(f"{dok.anzeige}: {e}") from None
    erwartet = mit_feldern(v, quellen=quellen)
    return _fertig(bestand, dok, region, datei, heute, beschreibung, erwartet)


def _haenge_an(datei: Datei, url: str) -> None:
    zeile = f"  - {yaml_text(url)}"
    paar = datei.paar("quellen")
    if paar is None:
        # ohne Liste: „quellen:“ nach dem letzten Datum des Vertrags (wo sie in neuen Dateien steht)
        datei.einfuegen_nach(["endet", "beginn", "unterzeichnet"], ["quellen:", zeile])
        return
    liste = paar[1]
    leer = (isinstance(liste, SequenceNode) and not liste.value) or (
        isinstance(liste, ScalarNode) and liste.value in ("", "~", "null")
    )
    if leer:  # „quellen: []“ oder „quellen:“ ohne Einträge
        datei.ersetze("quellen", ["quellen:", zeile])
    else:
        datei.listeneintrag("quellen", [zeile])
