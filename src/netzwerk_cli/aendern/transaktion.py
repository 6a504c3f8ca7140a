"""Die Schreibtransaktion: Sperre, neu lesen, prüfen, schreiben, zurücklesen – für jeden
schreibenden Befehl dieselbe (add, end, continue, conference, source add, validate --fix).

Ein Befehl beschreibt seine Änderung als :class:`Vorhaben`: ``plane`` prüft sie auf einem
frisch gelesenen Bestand und gibt die fertige Änderung zurück (oder wirft :class:`NetzFehler`),
``schreibe`` schreibt sie atomar und liest sie zurück. :func:`fuehre_aus` ruft beides unter der
Sperre auf, nachdem es die Daten *unter* der Sperre gelesen hat: so sieht netz, was ein
anderer Prozess gerade schrieb. :func:`entwerfe` plant ohne Sperre und schreibt nichts
(Vorschau, ``--dry-run``). Ein neuer schreibender Befehl braucht nur ein neues Vorhaben;
Rückfragen, Vorschau und Ausgabe bleiben in ``cli``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Generic, TypeVar

from ..daten.laden import lade_datenbestand
from ..daten.ordner import SPERRDATEI, anzeigepfad
from ..daten.sperre import sperre
from ..kern.bestand import Datenbestand
from ..kern.fehler import NetzFehler
from ..pruefen.teildaten import verlange_gueltig

E = TypeVar("E")
A = TypeVar("A")
R = TypeVar("R")


@dataclass(frozen=True)
class Vorhaben(Generic[E]):
    """Eine geplante Änderung des Datenordners.

    ``region``: der Befehl betrifft eine Region (die Eingabe des Nutzers) – Fehler in Dateien
    anderer Regionen halten ihn nicht auf (:mod:`..pruefen.teildaten`); ``dulde``: Codes, die
    auch in den Dateien der Region hinnehmbar sind, weil der Befehl sie behebt.
    ``fehlerfrei``: ohne ``region`` müssen alle Dateien gültig sein; ``False`` nur, wenn die
    Änderung Fehler selbst behebt (``validate --fix``) und ``plane`` die Befunde selbst liest.
    """

    plane: Callable[[Datenbestand], E]
    schreibe: Callable[[E], None]
    region: str | None = None
    dulde: tuple[str, ...] = ()
    fehlerfrei: bool = True


@dataclass(frozen=True)
class Ergebnis(Generic[E]):
    aenderung: E
    bestand: Datenbestand  # der Bestand, auf dem geplant wurde (vor dem Schreiben)
    geduldet: list[str]  # Dateien anderer Regionen mit Fehlern, die der Befehl hinnahm


def lies(wurzel: Path, vorhaben: Vorhaben[E], heute: date) -> tuple[Datenbestand, list[str]]:
    """Der Bestand, auf dem das Vorhaben geplant wird, und die geduldeten Dateien."""
    bestand = lade_datenbestand(wurzel)
    if not vorhaben.fehlerfrei and vorhaben.region is None:
        return bestand, []
    return bestand, verlange_gueltig(bestand, heute, vorhaben.region, vorhaben.dulde)


def entwerfe(wurzel: Path, vorhaben: Vorhaben[E], heute: date) -> Ergebnis[E]:
    """Plant ohne Sperre und schreibt nichts: was :func:`fuehre_aus` jetzt schriebe."""
    bestand, geduldet = lies(wurzel, vorhaben, heute)
    return Ergebnis(nichts_geschrieben(vorhaben.plane, bestand), bestand, geduldet)


def fuehre_aus(wurzel: Path, vorhaben: Vorhaben[E], heute: date) -> Ergebnis[E]:
    """Sperre nehmen, neu lesen, prüfen (``plane``), schreiben und zurücklesen (``schreibe``)."""
    with sperre(wurzel, anzeigepfad(wurzel / SPERRDATEI, wurzel)):
        # erst unter der Sperre lesen: so sieht netz, was ein anderer Prozess gerade schrieb
        bestand, geduldet = lies(wurzel, vorhaben, heute)
        e = nichts_geschrieben(vorhaben.plane, bestand)
        nichts_geschrieben(vorhaben.schreibe, e)
    return Ergebnis(e, bestand, geduldet)


def nichts_geschrieben(f: Callable[[A], R], arg: A) -> R:
    """Eine Verweigerung sagt dazu, dass nichts geschrieben wurde."""
    try:
        return f(arg)
    except NetzFehler as fehler:
        fehler.meldung += " Nichts wurde geschrieben."
        raise
