"""Das Register der Regeln: jeder Befund-Code ist genau ein Eintrag in :data:`REGELN`.

Eine :class:`Regel` nennt Code, Titel, Schwere, Umfang (eine Datei, mehrere Dateien, ein
Prüfpunkt), die Prüfgänge, die ihre Befunde liefern, und die Art ihrer mechanischen Behebung
(``Problem.korrektur``), wenn es eine gibt. Codes ohne Prüfgang meldet das Einlesen (Syntax,
Schema – ``yamlio``, ``datei``, die Datenschicht); sie stehen trotzdem hier, damit es eine
Tabelle gibt: ``validate`` läuft über sie, ``validate PATH`` filtert mit ihr, ``--fix`` und
die schreibenden Befehle fragen sie, docs/befunde.md wird gegen sie geprüft.

Ein Prüfgang ist eine Funktion ``(Kontext) -> Iterable[Problem]`` und steht als
„modul:funktion“ (Module in ``pruefen``) im Eintrag – wie die Befehlstabelle der CLI: erst
wer prüft, lädt die Prüfungen, und die Module der Prüfgänge dürfen :func:`problem` aus diesem
Register benutzen. Ein Prüfgang kann Befunde mehrerer Regeln liefern (ein Gang durch die
Verträge findet Daten in der Zukunft und vor 2008); :meth:`Regel.pruefe` gibt nur die eigenen.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from enum import Enum

from ..kern.befund import Korrektur, Problem, Schwere
from ..kern.bestand import Datenbestand

__all__ = ["REGELN", "Bereich", "Kontext", "Regel", "problem", "pruefgaenge"]


class Bereich(str, Enum):
    """Was ein Befund der Regel betrifft (so steht es in docs/befunde.md)."""

    DATEI = "eine Datei"
    DATEIEN = "mehrere Dateien"
    PRUEFPUNKT = "Prüfpunkt"


@dataclass(frozen=True)
class Kontext:
    """Was jeder Prüfgang bekommt."""

    bestand: Datenbestand
    heute: date
    #: so alt darf die neueste landesweite Zählung sein („3y“); sonst programm.yaml oder Vorgabe
    hoechstalter: str | None = None
    #: bis hierher ohne Fehler: alle Regionsdateien lesbar (sonst wäre jede Region einer kaputten
    #: Datei „unbekannt“ – der Befund der Datei genügt)
    regionen_ganz: bool = True


Pruefgang = Callable[[Kontext], Iterable[Problem]]


@dataclass(frozen=True)
class Regel:
    code: str
    titel: str
    schwere: Schwere
    bereich: Bereich
    #: die Prüfgänge („modul:funktion“ in ``pruefen``), die Befunde dieser Regel liefern; leer:
    #: die Regel prüft das Einlesen
    pruefungen: tuple[str, ...] = ()
    #: Art der mechanischen Behebung, die Befunde dieser Regel tragen können (``Korrektur.art``)
    korrektur: str | None = None
    #: ein Befund betrifft den ganzen Bestand (z. B. die Zahl der Regionen): ``validate PATH``
    #: zeigt ihn für jede Datei
    ganzer_bestand: bool = False
    #: nur auf fehlerfreien Daten (die Zählungen der Prüfpunkte wären sonst falsch)
    nur_fehlerfrei: bool = False

    def pruefe(self, kontext: Kontext) -> Iterator[Problem]:
        """Die Befunde dieser Regel im Bestand des Kontexts."""
        for gang in self.pruefungen:
            for p in lade(gang)(kontext):
                if p.code == self.code:
                    yield p

    def betrifft(self, p: Problem, dateien: Collection[str]) -> bool:
        """Betrifft der Befund ``p`` (dieser Regel) eine der ``dateien`` (am besten eine Menge)?"""
        return self.ganzer_bestand or p.datei in dateien or any(d in dateien for d in p.betrifft)


_F, _W = Schwere.FEHLER, Schwere.WARNUNG
_D, _DD, _P = Bereich.DATEI, Bereich.DATEIEN, Bereich.PRUEFPUNKT
_REGIONEN, _GEBIET, _VERTRAEGE = (
    "uebergreifend:regionen",
    "uebergreifend:gebietsstand",
    "uebergreifend:vertraege",
)
_QUELLEN, _FORM, _PUNKTE = "quellen:pruefgang", "pruefpunkte:formbefunde", "pruefpunkte:befunde"
_GRENZEN = "geo:pruefgang"

# Die Reihenfolge ist die der Tabelle in docs/befunde.md.
REGELN: dict[str, Regel] = {
    r.code: r
    for r in (
        # Datei und YAML (das Einlesen: daten/, yamlio.py)
        Regel("NZ100", "Datei nicht lesbar", _F, _D),
        Regel("NZ101", "doppelter Schlüssel", _F, _D),
        Regel("NZ102", "Datei zu groß", _F, _D),
        Regel("NZ103", "kein UTF-8", _F, _D),
        Regel("NZ104", "leere Datei", _F, _D),
        Regel("NZ105", "YAML-Syntaxfehler", _F, _D, korrektur="ersetzen"),
        Regel("NZ106", "keine Zuordnung", _F, _D),
        Regel("NZ107", "Anker oder Alias", _F, _D),
        Regel("NZ108", "Tag nicht erlaubt", _F, _D),
        Regel("NZ109", "Schlüssel ist kein Text", _F, _D),
        Regel("NZ110", "übrig gebliebene Temporärdatei", _W, _D),
        Regel("NZ111", "verwaiste Sperrdatei", _W, _D),
        Regel("NZ112", "keine reguläre Datei", _F, _D),
        Regel("NZ113", "Datei wird nicht gelesen", _F, _D),
        Regel("NZ114", "Unicode-Zeilenumbruch", _F, _D),
        Regel("NZ115", "zu tief verschachtelt", _F, _D),
        Regel("NZ116", "Steuer- oder Formatzeichen im Wert", _F, _D),
        Regel("NZ117", "zu viele Einträge", _F, _D),
        Regel("NZ118", "Zahl in YAML-1.1-Schreibweise", _F, _D, korrektur="ersetzen"),
        Regel("NZ119", "Ordner mit zu vielen Einträgen", _F, _D),
        Regel("NZ120", "Gemeindeliste fehlerhaft", _F, _D),
        Regel("NZ199", "weitere Befunde ausgelassen", _F, _D),
        # Schema (datei.py); NZ204 auch dateiübergreifend (AGS außerhalb des Programms, „umfasst“)
        Regel("NZ201", "Pflichtfeld fehlt", _F, _D),
        Regel("NZ202", "unbekannter Schlüssel", _F, _D),
        Regel("NZ203", "falscher Typ", _F, _D, korrektur="ersetzen"),
        Regel("NZ204", "ungültiger Wert", _F, _DD, (_REGIONEN, _VERTRAEGE), korrektur="ersetzen"),
        # Datumsangaben
        Regel("NZ301", "ungültiges Datum", _F, _D, korrektur="ersetzen"),
        Regel("NZ302", "Datum in der Zukunft", _F, _D, (_REGIONEN, _VERTRAEGE, _QUELLEN)),
        Regel("NZ303", "Datum vor 2008", _F, _D, (_VERTRAEGE,)),
        Regel("NZ304", "Reihenfolge der Daten", _F, _DD, (_GEBIET, _VERTRAEGE)),
        Regel("NZ305", "Grenze ohne Erklärung", _W, _D, (_VERTRAEGE,)),
        # Dateiübergreifend
        Regel("NZ401", "Dateiname passt nicht zum Inhalt", _F, _DD, (_REGIONEN, _VERTRAEGE), "umbenennen"),
        Regel("NZ402", "AGS doppelt", _F, _DD, (_REGIONEN,)),
        Regel("NZ403", "Anzahl der Regionen", _F, _DD, (_REGIONEN,), ganzer_bestand=True),
        Regel("NZ404", "unbekannte Region", _F, _DD, (_GEBIET, _VERTRAEGE)),
        Regel("NZ405", "Verträge überschneiden sich", _F, _DD, (_VERTRAEGE,)),
        Regel("NZ406", "Programmdatei fehlt", _F, _DD, ganzer_bestand=True),
        # Prüfpunkte (programm.yaml gegen die Verträge)
        Regel("NZ501", "Prüfpunkt verfehlt", _F, _P, (_PUNKTE,), nur_fehlerfrei=True),
        Regel("NZ502", "genannte Region ohne Netzwerk", _F, _P, (_PUNKTE,), nur_fehlerfrei=True),
        Regel("NZ503", "Region fehlt in vollständiger Liste", _F, _P, (_PUNKTE,), nur_fehlerfrei=True),
        Regel("NZ504", "Region laut Quelle ohne Netzwerk", _F, _P, (_PUNKTE,), nur_fehlerfrei=True),
        Regel("NZ505", "Prüfpunkt an keinem Tag ganz erfüllt", _F, _P, (_PUNKTE,), nur_fehlerfrei=True),
        Regel("NZ506", "Prüfpunkt widersprüchlich", _F, _P, (_FORM,)),
        Regel("NZ507", "Belege veraltet", _W, _P, (_FORM,)),
        # Quellen
        Regel("NZ601", "Vertrag ohne Quelle", _F, _D, (_VERTRAEGE,)),
        Regel("NZ602", "Quelle ungültig", _F, _D, (_VERTRAEGE, _QUELLEN)),
        # Grenzen (geo/nrw-kreise.geojson, pruefen/geo.py)
        Regel("NZ701", "Grenzdatei nicht lesbar", _F, _D),
        Regel("NZ702", "Fläche ungültig", _F, _D),
        Regel("NZ703", "Koordinate außerhalb NRWs", _F, _D),
        Regel("NZ704", "Fläche fehlt, doppelt oder ohne Region", _F, _DD, (_GRENZEN,)),
        Regel("NZ705", "zu viele Punkte", _F, _D),
    )
}


def lade(gang: str) -> Pruefgang:
    """Die Funktion eines Prüfgangs („modul:funktion“ in ``pruefen``)."""
    modul, funktion = gang.split(":")
    f: Pruefgang = getattr(importlib.import_module(f"{__package__}.{modul}"), funktion)
    return f


def pruefgaenge(*, nur_fehlerfrei: bool) -> list[str]:
    """Die Prüfgänge des Registers, jeder einmal: erst die über Dateien, dann die der Prüfpunkte
    (die wissen müssen, ob bis dahin alles fehlerfrei war)."""
    gaenge: dict[str, Bereich] = {}
    for r in REGELN.values():
        if r.nur_fehlerfrei == nur_fehlerfrei:
            for g in r.pruefungen:
                if gaenge.get(g) is not Bereich.PRUEFPUNKT:
                    gaenge[g] = r.bereich
    return sorted(gaenge, key=lambda g: gaenge[g] is Bereich.PRUEFPUNKT)


def problem(
    datei: str,
    zeile: int,
    code: str,
    meldung: str,
    hinweis: str = "",
    spalte: int = 1,
    *,
    betrifft: Iterable[str] = (),
    korrektur: Korrektur | None = None,
) -> Problem:
    """Ein Befund der Regel ``code`` (ihre Schwere kommt aus dem Register)."""
    regel = REGELN[code]  # ein Tippfehler im Code wäre sonst ein stiller Fehler
    andere = tuple(sorted({d for d in betrifft if d != datei}))
    return Problem(datei, zeile, spalte, code, meldung, hinweis, regel.schwere, andere, korrektur)
