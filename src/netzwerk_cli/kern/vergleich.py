"""Zwei Stände der Daten vergleichen: was ändert ein Pull-Request, was änderte ein Commit?

Verglichen wird nach Bedeutung, nicht nach Zeilen: Regionen nach AGS, Verträge nach Datei,
Ereignisse (Fortsetzungen, Bildungskonferenzen) nach Datum, jedes Feld einzeln. Dazu die
Folgen: Abdeckung vorher → nachher, Regionen, die ihren Stand wechseln, Prüfpunkte und
Befunde. Änderungen nur an Quellenangaben stehen für sich: sie ändern keine Tatsache.

Rein: zwei Datenbestände (und was die Prüfung über sie sagt) hinein, ein :class:`Vergleich`
heraus – ohne git, ohne Dateien. Woher die Stände kommen, weiß nur die Datenschicht.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, NamedTuple

from pydantic import BaseModel

from .abdeckung import (
    Abdeckung,
    RegionStand,
    Stand,
    Verlauf,
    Zaehlung,
    abdeckung,
    verlauf,
    vertraege_je_region,
)
from .befund import Problem
from .bestand import Datenbestand, Dokument
from .datum import Zeitangabe
from .modelle import Pruefpunkt, Region, Vertrag

# Felder, die nur belegen, nichts behaupten: ihre Änderungen stehen gesondert.
QUELLENFELDER = frozenset({"quellen", "ende_quellen", "statistik_quelle", "quelle"})

Wert = Any  # Zeitangabe, Text, Zahl, Tag, Liste von Texten oder None


class Aenderung(NamedTuple):
    """Ein Feld vorher → nachher. ``feld`` ist netz' Name („unterzeichnet“,
    „bildungsbuero.telefon“, „bildungskonferenz“); ``bezug`` das Datum des Ereignisses, zu dem
    das Feld gehört. ``genauigkeit``: bei Zeitangaben „genauer“ oder „ungenauer“ (Spanne
    schmaler oder breiter), sonst None."""

    feld: str
    alt: Wert
    neu: Wert
    bezug: Zeitangabe | None = None
    genauigkeit: str | None = None

    @property
    def nur_quellen(self) -> bool:
        return self.feld.rsplit(".", 1)[-1] in QUELLENFELDER

    @property
    def hinzu(self) -> tuple[str, ...]:
        """Bei Listen (Quellen): die neuen Einträge."""
        alt = self.alt if isinstance(self.alt, list) else [self.alt] if self.alt else []
        neu = self.neu if isinstance(self.neu, list) else [self.neu] if self.neu else []
        return tuple(str(x) for x in neu if x not in alt)

    @property
    def weg(self) -> tuple[str, ...]:
        """Bei Listen (Quellen): die entfernten Einträge."""
        alt = self.alt if isinstance(self.alt, list) else [self.alt] if self.alt else []
        neu = self.neu if isinstance(self.neu, list) else [self.neu] if self.neu else []
        return tuple(str(x) for x in alt if x not in neu)


class Dateiaenderung(NamedTuple):
    """Eine Region, ein Vertrag oder das Programm: neu, entfernt, geändert – oder auf einer Seite
    nicht lesbar (dann sagen die Befunde mehr)."""

    art: str  # "region" | "vertrag" | "programm"
    datei: str  # Anzeigepfad (aus den Daten: feindlich)
    ags: str
    wie: str  # "neu" | "entfernt" | "geaendert" | "fehlerhaft"
    alt: BaseModel | None
    neu: BaseModel | None
    aenderungen: tuple[Aenderung, ...] = ()
    #: ein Vertrag, dessen Datei mit dem präzisierten Datum einen neuen Namen bekam (der alte Name)
    datei_vorher: str | None = None

    @property
    def tatsachen(self) -> tuple[Aenderung, ...]:
        return tuple(a for a in self.aenderungen if not a.nur_quellen)

    @property
    def quellen(self) -> tuple[Aenderung, ...]:
        return tuple(a for a in self.aenderungen if a.nur_quellen)

    @property
    def nur_quellen(self) -> bool:
        return self.wie == "geaendert" and not self.tatsachen


class Standwechsel(NamedTuple):
    ags: str
    bezeichnung: str
    alt: Stand | None  # None: die Region gab es vorher nicht
    neu: Stand | None
    ereignis: str  # netz' Worte mit kanonischen Daten, z. B. „Vertrag unterzeichnet 14.01.2009“


class Zaehlwechsel(NamedTuple):
    gebiet: str  # "NRW" oder ein Regierungsbezirk
    alt: Zaehlung
    neu: Zaehlung


class Abdeckungswechsel(NamedTuple):
    stichtag: date
    gesamt: Zaehlwechsel
    bezirke: tuple[Zaehlwechsel, ...]  # nur die, in denen sich etwas änderte

    @property
    def geaendert(self) -> bool:
        return self.gesamt.alt != self.gesamt.neu or bool(self.bezirke)


class Zeitraumwechsel(NamedTuple):
    """Tage ``von`` bis ``bis`` (beide eingeschlossen), an denen die Änderung die Zählung um
    denselben Betrag verschiebt – die Vergangenheit, die sie umschreibt. ``alt``/``neu``: die
    Zählung am ersten Tag, ``alt_ende``/``neu_ende`` am letzten (gleich, wenn sich in der Spanne
    sonst nichts tat)."""

    von: date
    bis: date
    alt: Zaehlung
    neu: Zaehlung
    alt_ende: Zaehlung
    neu_ende: Zaehlung

    @property
    def sicher(self) -> int:
        return self.neu.sicher - self.alt.sicher

    @property
    def moeglich(self) -> int:
        return self.neu.moeglich - self.alt.moeglich

    @property
    def gleichbleibend(self) -> bool:
        return (self.alt, self.neu) == (self.alt_ende, self.neu_ende)


class Punktwechsel(NamedTuple):
    punkt: Pruefpunkt
    alt: bool | None  # erfüllt vorher (None: nicht geprüft oder nicht vorhanden)
    neu: bool | None


@dataclass
class Vergleich:
    basis: str  # Beschreibung der Seiten, z. B. „Merge-Basis mit main (1a2b3c4d5e6f)“
    ziel: str
    heute: Abdeckungswechsel
    zieltag: Abdeckungswechsel | None
    staende: list[Standwechsel] = field(default_factory=list)
    dateien: list[Dateiaenderung] = field(default_factory=list)
    pruefpunkte: list[Punktwechsel] = field(default_factory=list)
    befunde_neu: list[Problem] = field(default_factory=list)
    befunde_behoben: list[Problem] = field(default_factory=list)
    fehler_alt: int = 0
    fehler_neu: int = 0
    # die Befunde der Seiten, wenn sie Fehler haben (dann stehen sie in der Ausgabe)
    probleme_alt: list[Problem] = field(default_factory=list)
    probleme_neu: list[Problem] = field(default_factory=list)
    #: jede Spanne von Tagen bis zum Stichtag, deren sichere oder mögliche Zählung sich ändert
    vergangenheit: list[Zeitraumwechsel] = field(default_factory=list)
    #: ist der Stichtag heute? (sonst nennen die Überschriften den Tag, nicht „heute“)
    stichtag_ist_heute: bool = True

    @property
    def leer(self) -> bool:
        return not (self.dateien or self.befunde_neu or self.befunde_behoben or self.pruefpunkte)

    @property
    def gueltig(self) -> bool:
        return self.fehler_alt == 0 and self.fehler_neu == 0


# --- Zeitangaben: genauer oder ungenauer? -----------------------------------------------


def _breite(z: Zeitangabe) -> float:
    if z.frueh is None or z.spaet is None:
        return float("inf")
    return float((z.spaet - z.frueh).days)


def genauigkeit(alt: Zeitangabe, neu: Zeitangabe) -> str | None:
    """„genauer“, wenn die Spanne der möglichen Tage schmaler wird, „ungenauer“ bei breiter
    (so im JSON; Text und Markdown sagen „präzisiert“)."""
    a, n = _breite(alt), _breite(neu)
    if n < a:
        return "genauer"
    if n > a:
        return "ungenauer"
    return None


# --- Felder vergleichen ----------------------------------------------------------------


_EINZAHL = {
    "bildungskonferenzen": "bildungskonferenz",
    "fortsetzungen": "fortsetzung",
    "pruefpunkte": "pruefpunkt",
}


def _ereignisse(name: str) -> str:
    """Ein Eintrag einer Liste heißt in der Einzahl: „bildungskonferenz“ statt „…konferenzen“."""
    return _EINZAHL.get(name, name)


def _feld(feld: str, alt: Wert, neu: Wert, bezug: Zeitangabe | None = None) -> Aenderung:
    g = genauigkeit(alt, neu) if isinstance(alt, Zeitangabe) and isinstance(neu, Zeitangabe) else None
    return Aenderung(feld, alt, neu, bezug, g)


def _kurzname(m: BaseModel) -> str | None:
    """Das Feld, für das ein eingebettetes Objekt steht (bei Ereignissen: das Datum)."""
    return next((n for n in ("datum", "konstituiert", "name", "aussage") if n in type(m).model_fields), None)


def _kurzwert(m: BaseModel) -> Wert:
    """Wofür ein eingebettetes Objekt steht, wenn es als Ganzes kommt oder geht."""
    name = _kurzname(m)
    return getattr(m, name) if name else None


def felder(
    alt: BaseModel, neu: BaseModel, vorne: str = "", bezug: Zeitangabe | None = None
) -> list[Aenderung]:
    """Jedes geänderte Feld, in der Reihenfolge des Schemas; eingebettete Objekte Feld für Feld,
    Listen von Objekten (Ereignisse) nach Datum."""
    out: list[Aenderung] = []
    for name in type(neu).model_fields:
        a, n = getattr(alt, name), getattr(neu, name)
        if a == n:
            continue
        pfad = vorne + name
        if name in QUELLENFELDER:
            # eine Quelle (Text oder Objekt) ist ein Wert: hinzu/weg, nie Feld für Feld
            out.append(_feld(pfad, a, n, bezug))
        elif isinstance(a, BaseModel) and isinstance(n, BaseModel):
            out += felder(a, n, pfad + ".", bezug)
        elif isinstance(a, BaseModel) or isinstance(n, BaseModel):
            out.append(_feld(pfad, _kurzwert(a) if a else None, _kurzwert(n) if n else None, bezug))
        elif _ist_objektliste(a) or _ist_objektliste(n):
            out += _liste(vorne + _ereignisse(name), a, n)
        else:
            out.append(_feld(pfad, a, n, bezug))
    return out


def _ist_objektliste(wert: Wert) -> bool:
    return isinstance(wert, list) and bool(wert) and isinstance(wert[0], BaseModel)


def _liste(name: str, alt: list[BaseModel], neu: list[BaseModel]) -> list[Aenderung]:
    """Ereignislisten: gleiche Einträge fallen heraus; die übrigen werden in zeitlicher
    Reihenfolge einander zugeordnet (ein Datum, das genauer wird, bleibt dasselbe Ereignis),
    was übrig bleibt, kam hinzu oder fiel weg."""
    rest_alt = list(alt)
    rest_neu = []
    for e in neu:
        if e in rest_alt:
            rest_alt.remove(e)
        else:
            rest_neu.append(e)
    out: list[Aenderung] = []
    for a, n in zip(rest_alt, rest_neu, strict=False):
        if _kurzwert(a) != _kurzwert(n):
            out.append(_feld(name, _kurzwert(a), _kurzwert(n)))
        # das Datum selbst steht schon oben als Änderung des Ereignisses
        schon = f"{name}.{_kurzname(n)}"
        out += [x for x in felder(a, n, name + ".", _kurzwert(n)) if x.feld != schon]
    for a in rest_alt[len(rest_neu) :]:
        out.append(_feld(name, _kurzwert(a), None))
    for n in rest_neu[len(rest_alt) :]:
        out.append(_feld(name, None, _kurzwert(n)))
    return out


# --- Dateien ---------------------------------------------------------------------------


def _nach_schluessel(doks: Iterable[Dokument[Any]], schluessel: str) -> dict[str, Dokument[Any]]:
    if schluessel == "ags":
        return {d.modell.ags: d for d in doks}
    return {d.name: d for d in doks}


def dateien(alt: Datenbestand, neu: Datenbestand) -> list[Dateiaenderung]:
    """Regionen (nach AGS), Verträge (nach Datei) und das Programm: was kam, ging, änderte sich."""
    out: list[Dateiaenderung] = []
    kaputt_alt = {a.rsplit("/", 1)[-1] for a in alt.fehlerhaft}
    kaputt_neu = {a.rsplit("/", 1)[-1] for a in neu.fehlerhaft}
    for art, schluessel, a_doks, n_doks in (
        ("region", "ags", alt.regionen, neu.regionen),
        ("vertrag", "datei", alt.vertraege, neu.vertraege),
    ):
        a_je = _nach_schluessel(a_doks, schluessel)
        n_je = _nach_schluessel(n_doks, schluessel)
        for k in sorted(a_je.keys() | n_je.keys()):
            a, n = a_je.get(k), n_je.get(k)
            if a is not None and n is not None:
                if a.modell != n.modell:
                    out.append(
                        Dateiaenderung(
                            art,
                            n.anzeige,
                            _ags(n),
                            "geaendert",
                            a.modell,
                            n.modell,
                            tuple(felder(a.modell, n.modell)),
                        )
                    )
            elif n is not None:
                wie = "fehlerhaft" if n.name in kaputt_alt else "neu"
                out.append(Dateiaenderung(art, n.anzeige, _ags(n), wie, None, n.modell))
            elif a is not None:
                wie = "fehlerhaft" if a.name in kaputt_neu else "entfernt"
                out.append(Dateiaenderung(art, a.anzeige, _ags(a), wie, a.modell, None))
    pa, pn = alt.programm, neu.programm
    if pa is not None and pn is not None and pa.modell != pn.modell:
        out.append(
            Dateiaenderung(
                "programm",
                pn.anzeige,
                "",
                "geaendert",
                pa.modell,
                pn.modell,
                tuple(felder(pa.modell, pn.modell)),
            )
        )
    return sorted(_umbenannt(out), key=lambda d: (d.ags, d.art != "region", d.datei))


def _umbenannt(out: list[Dateiaenderung]) -> list[Dateiaenderung]:
    """Ein Vertrag, dessen Datum präzisiert wurde („2009“ → „2009-03-12“), heißt danach anders
    (der Dateiname trägt das Datum). Ein entfernter und ein neuer Vertrag derselben Region, deren
    Unterzeichnungen sich überschneiden können, sind derselbe Vertrag: eine Änderung, kein
    „entfernt“ und „neu“."""
    weg = [d for d in out if d.art == "vertrag" and d.wie == "entfernt"]
    neu = [d for d in out if d.art == "vertrag" and d.wie == "neu"]
    paare: list[tuple[Dateiaenderung, Dateiaenderung]] = []
    for n in neu:
        nv: Any = n.neu
        for w in weg:
            wv: Any = w.alt
            if w.ags == n.ags and _ueberschneiden(wv.unterzeichnet, nv.unterzeichnet):
                paare.append((w, n))
                weg.remove(w)
                break
    if not paare:
        return out
    ersetzt = {id(x) for p in paare for x in p}
    rest = [d for d in out if id(d) not in ersetzt]
    for w, n in paare:
        assert w.alt is not None and n.neu is not None
        rest.append(
            Dateiaenderung(
                "vertrag", n.datei, n.ags, "geaendert", w.alt, n.neu, tuple(felder(w.alt, n.neu)), w.datei
            )
        )
    return rest


def _ueberschneiden(a: Zeitangabe, b: Zeitangabe) -> bool:
    return (a.frueh or date.min) <= (b.spaet or date.max) and (b.frueh or date.min) <= (a.spaet or date.max)


def _ags(d: Dokument[Any]) -> str:
    m = d.modell
    return m.ags if isinstance(m, Region) else m.region if isinstance(m, Vertrag) else ""


# --- Folgen: Abdeckung, Stand der Regionen ------------------------------------------


def _verlauf(b: Datenbestand) -> Verlauf:
    beginn = b.programmbeginn
    je = vertraege_je_region((d.modell for d in b.vertraege), beginn)
    return verlauf([d.modell for d in b.regionen], je, beginn)


def vergangenheit(alt: Datenbestand, neu: Datenbestand, bis: date) -> list[Zeitraumwechsel]:
    """Jede Spanne von Tagen bis ``bis``, an denen sich die sichere oder mögliche Zählung ändert.

    Beide Zählungen sind Stufenfunktionen (:func:`~.abdeckung.verlauf`); verglichen wird je
    Stufe beider Seiten. Nachbarn mit demselben Unterschied werden eine Spanne (ein 2009
    präzisiertes Datum verschiebt die Zählung ein Jahr lang um eins, während andere Verträge
    hinzukommen). Linear in der Zahl der Stufen.
    """
    va, vn = _verlauf(alt), _verlauf(neu)
    tage = sorted({d for d in (*va.tage, *vn.tage) if d <= bis})
    out: list[Zeitraumwechsel] = []
    for i, d in enumerate(tage):
        ende = tage[i + 1] - timedelta(days=1) if i + 1 < len(tage) else bis
        a, n = va.am(d), vn.am(d)
        unterschied = (n.sicher - a.sicher, n.moeglich - a.moeglich)
        if unterschied == (0, 0):
            continue
        if out and out[-1].bis + timedelta(days=1) == d and (out[-1].sicher, out[-1].moeglich) == unterschied:
            out[-1] = out[-1]._replace(bis=ende, alt_ende=a, neu_ende=n)
        else:
            out.append(Zeitraumwechsel(d, ende, a, n, a, n))
    return out


def _abdeckung(b: Datenbestand, tag: date) -> Abdeckung:
    beginn = b.programmbeginn
    je = vertraege_je_region((d.modell for d in b.vertraege), beginn)
    return abdeckung([d.modell for d in b.regionen], je, tag, beginn)


def abdeckungswechsel(alt: Abdeckung, neu: Abdeckung) -> Abdeckungswechsel:
    a_b, n_b = alt.nach("regierungsbezirk"), neu.nach("regierungsbezirk")
    leer = Zaehlung(0, 0, 0)
    bezirke = tuple(
        Zaehlwechsel(k, a_b.get(k, leer), n_b.get(k, leer))
        for k in sorted(a_b.keys() | n_b.keys())
        if a_b.get(k, leer) != n_b.get(k, leer)
    )
    return Abdeckungswechsel(neu.stichtag, Zaehlwechsel("NRW", alt.gesamt, neu.gesamt), bezirke)


def _ereignis(alt: RegionStand | None, neu: RegionStand | None) -> str:
    if neu is None:
        return "Region entfernt"
    if alt is None:
        return "Region eingetragen"
    v = neu.vertrag or neu.letzter_vertrag
    if v is None:
        return "kein Vertrag mehr"
    text = f"Vertrag unterzeichnet {v.unterzeichnet.deutsch()}"
    if v.endet is not None:
        text += f", endet {v.endet.deutsch()}"
    return text


def standwechsel(alt: Abdeckung, neu: Abdeckung) -> list[Standwechsel]:
    a_je = {s.region.ags: s for s in alt.regionen}
    n_je = {s.region.ags: s for s in neu.regionen}
    out = []
    for ags in sorted(a_je.keys() | n_je.keys()):
        a, n = a_je.get(ags), n_je.get(ags)
        if a is not None and n is not None and a.stand is n.stand:
            continue
        r = (n or a).region  # type: ignore[union-attr]  # ags stammt aus a oder n: eins ist gesetzt
        out.append(
            Standwechsel(ags, r.bezeichnung, a.stand if a else None, n.stand if n else None, _ereignis(a, n))
        )
    return out


# --- Prüfung: Prüfpunkte und Befunde -------------------------------------------------


def _punkt_schluessel(p: Pruefpunkt) -> tuple[Any, ...]:
    return (p.datum.text if p.datum else None, p.regierungsbezirk, p.anzahl, p.mindestens, p.aussage)


def punktwechsel(
    alt: Sequence[tuple[Pruefpunkt, bool | None]] | None,
    neu: Sequence[tuple[Pruefpunkt, bool | None]] | None,
) -> list[Punktwechsel]:
    """Prüfpunkte, die nachher erfüllt oder verfehlt sind und es vorher nicht waren. ``None``:
    auf dieser Seite nicht geprüft (Fehler in den Daten) – dann ist nichts vergleichbar."""
    if alt is None or neu is None:
        return []
    vorher = {_punkt_schluessel(p): e for p, e in alt}
    out = []
    for p, e in neu:
        v = vorher.get(_punkt_schluessel(p))
        if e is not None and e != v:
            out.append(Punktwechsel(p, v, e))
    return out


def befundwechsel(alt: Sequence[Problem], neu: Sequence[Problem]) -> tuple[list[Problem], list[Problem]]:
    """(eingeführt, behoben) nach Datei und Code – Zeilen verschieben sich, Codes nicht."""

    def je(ps: Sequence[Problem]) -> dict[tuple[str, str], list[Problem]]:
        out: dict[tuple[str, str], list[Problem]] = {}
        for p in ps:
            out.setdefault((p.datei, p.code), []).append(p)
        return out

    a_je, n_je = je(alt), je(neu)
    zahl_a, zahl_n = (
        Counter({k: len(v) for k, v in a_je.items()}),
        Counter({k: len(v) for k, v in n_je.items()}),
    )
    eingefuehrt = [p for k, n in (zahl_n - zahl_a).items() for p in n_je[k][-n:]]
    behoben = [p for k, n in (zahl_a - zahl_n).items() for p in a_je[k][-n:]]
    return sorted(eingefuehrt), sorted(behoben)


# --- Alles zusammen ----------------------------------------------------------------------


def vergleiche(
    alt: Datenbestand,
    neu: Datenbestand,
    stichtag: date,
    *,
    basis: str,
    ziel: str,
    probleme_alt: Sequence[Problem] = (),
    probleme_neu: Sequence[Problem] = (),
    punkte_alt: Sequence[tuple[Pruefpunkt, bool | None]] | None = None,
    punkte_neu: Sequence[tuple[Pruefpunkt, bool | None]] | None = None,
    heute: date | None = None,
) -> Vergleich:
    """Der ganze Vergleich zweier Stände am ``stichtag`` (und am Zieltag des Programms);
    ``heute``: ist er nicht der Stichtag, nennen die Überschriften den Tag."""
    a_heute, n_heute = _abdeckung(alt, stichtag), _abdeckung(neu, stichtag)
    programm = neu.programm or alt.programm
    zieltag = None
    if programm is not None:
        bis = programm.modell.ziel.bis
        zieltag = abdeckungswechsel(_abdeckung(alt, bis), _abdeckung(neu, bis))
    eingefuehrt, behoben = befundwechsel(probleme_alt, probleme_neu)
    fehler_a = [p for p in probleme_alt if p.ist_fehler]
    fehler_n = [p for p in probleme_neu if p.ist_fehler]
    return Vergleich(
        basis,
        ziel,
        abdeckungswechsel(a_heute, n_heute),
        zieltag,
        standwechsel(a_heute, n_heute),
        dateien(alt, neu),
        punktwechsel(punkte_alt, punkte_neu),
        eingefuehrt,
        behoben,
        len(fehler_a),
        len(fehler_n),
        fehler_a,
        fehler_n,
        vergangenheit(alt, neu, stichtag),
        heute is None or heute == stichtag,
    )


# --- Geschichte einer Region ---------------------------------------------------------------


class Logeintrag(NamedTuple):
    kennung: str
    datum: date | None
    autor: str  # aus dem Repository: feindlich
    betreff: str  # feindlich
    dateien: tuple[Dateiaenderung, ...]
    befunde: tuple[Problem, ...]  # Befunde der Dateien der Region nach dem Commit


class Regionslog(NamedTuple):
    region: Region
    eintraege: tuple[Logeintrag, ...]
