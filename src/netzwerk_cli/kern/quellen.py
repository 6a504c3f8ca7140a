"""Quellen: wo die Daten welche nennen, und was eine Prüfung ihrer Webadressen ergab.

Rein: :func:`quellen_in` geht durch ein Modell, :func:`sammle` macht aus dem Datenbestand die
Liste der zu prüfenden Adressen (jede einmal, mit den Dateien, die sie zitieren),
:func:`einordnen` macht aus einer :class:`Antwort` der Datenschicht (``daten/netz.py``, die
einzige Stelle mit Netzzugriff) ein :class:`Ergebnis`. Ob eine Adresse tot ist, entscheidet
hier eine Tabelle – nicht der HTTP-Client.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from typing import Any, get_args, get_origin

from pydantic import BaseModel

from .bestand import Datenbestand
from .datum import Zeitangabe
from .modelle import Quelle
from .webadresse import will_webadresse

#: Felder, die Quellen tragen (Liste oder einzeln), in jedem Modell
_LISTEN = ("quellen", "ende_quellen", "weitere_quellen")
_EINZELN = ("quelle", "statistik_quelle")

Ort = tuple[str | int, ...]


def quellen_in(modell: BaseModel, ort: Ort = ()) -> Iterator[tuple[Ort, Quelle]]:
    """Jede Quelle eines Modells mit ihrem Ort (wie pydantics ``loc``: ``("fortsetzungen", 0,
    "quellen", 1)``) – in Verträgen, Ereignissen, Regionen, Prüfpunkten und dem Ziel."""
    for name, art in _felder(type(modell)):
        wert = getattr(modell, name)
        if wert is None:
            continue
        if art == "liste":
            for i, q in enumerate(wert):
                yield (*ort, name, i), q
        elif art == "einzeln":
            yield (*ort, name), wert
        elif art == "modell":
            yield from quellen_in(wert, (*ort, name))
        else:
            for i, w in enumerate(wert):
                yield from quellen_in(w, (*ort, name, i))


_FELDER: dict[type[BaseModel], tuple[tuple[str, str], ...]] = {}


def _felder(modell: type[BaseModel]) -> tuple[tuple[str, str], ...]:
    """Die Felder einer Modellklasse, in denen Quellen stecken können – einmal je Klasse
    bestimmt: die Prüfung läuft bei jedem Laden über jede Datei, auch bei 10.000 Regionen."""
    if modell not in _FELDER:
        felder = []
        for name, feld in modell.model_fields.items():
            innen = _modell_in(feld.annotation)
            if name in _LISTEN:
                felder.append((name, "liste"))
            elif name in _EINZELN:
                felder.append((name, "einzeln"))
            elif innen is not None and innen is not Quelle and _felder(innen):
                felder.append((name, "modellliste" if _ist_liste(feld.annotation) else "modell"))
        _FELDER[modell] = tuple(felder)
    return _FELDER[modell]


def _modell_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        t = _modell_in(arg)
        if t is not None:
            return t
    return None


def _ist_liste(annotation: Any) -> bool:
    if get_origin(annotation) is list:
        return True
    return any(_ist_liste(a) for a in get_args(annotation))


def ortstext(ort: Ort) -> str:
    """``("fortsetzungen", 0, "quellen", 1)`` → „fortsetzungen[1].quellen[2]“ (wie in Befunden)."""
    out = ""
    for teil in ort:
        out += f"[{teil + 1}]" if isinstance(teil, int) else (f".{teil}" if out else teil)
    return out


# --- Was geprüft wird -----------------------------------------------------------------


class Art(str, Enum):
    QUELLE = "quelle"  # eine Webadresse als Quelle
    ARCHIV = "archiv"  # die archivierte Kopie einer Quelle
    WEBSEITE = "webseite"  # die Webseite eines Bildungsbüros
    DATEI = "datei"  # eine Datei unter quellen/


ART_TEXT = {
    Art.QUELLE: "Quelle",
    Art.ARCHIV: "Archivkopie",
    Art.WEBSEITE: "Webseite",
    Art.DATEI: "Datei",
}


@dataclass(frozen=True)
class Adresse:
    """Eine zu prüfende Adresse, einmal je Text, mit allen Dateien, die sie nennen."""

    url: str
    art: Art
    dateien: tuple[str, ...]


def _dokumente(bestand: Datenbestand) -> list[Any]:
    """Die gültig gelesenen Dateien mit Quellen: Regionen, Verträge, Programm."""
    docs: list[Any] = [*bestand.regionen, *bestand.vertraege]
    if bestand.programm is not None:
        docs.append(bestand.programm)
    return docs


def adressart(q: Quelle) -> Art | None:
    """Welche Art Adresse eine Quelle hat: Webadresse, Datei unter quellen/ – oder keine."""
    if q.ist_web:
        return Art.QUELLE
    if q.url.startswith("quellen/"):
        return Art.DATEI
    return None


def sammle(bestand: Datenbestand) -> list[Adresse]:
    """Alle Webadressen und Quelldateien der gültig gelesenen Dateien, ohne Doppelte, in der
    Reihenfolge ihres ersten Auftretens (Regionen, Verträge, Programm)."""
    gefunden: dict[str, tuple[Art, dict[str, None]]] = {}

    def merke(text: str, art: Art, datei: str) -> None:
        eintrag = gefunden.setdefault(text, (art, {}))
        eintrag[1][datei] = None

    for dok in _dokumente(bestand):
        for _, q in quellen_in(dok.modell):
            if (art := adressart(q)) is not None:
                merke(q.url, art, dok.anzeige)
            # alles andere (z. B. „Statistisches Bundesamt …“) ist ein Beleg ohne Adresse
            if q.archiv is not None:
                merke(q.archiv, Art.ARCHIV, dok.anzeige)
        bb = getattr(dok.modell, "bildungsbuero", None)
        if bb is not None and bb.web and will_webadresse(bb.web):
            merke(bb.web, Art.WEBSEITE, dok.anzeige)
    return [Adresse(url, art, tuple(dateien)) for url, (art, dateien) in gefunden.items()]


# --- Was die Prüfung ergab ------------------------------------------------------------


class Fehlerart(str, Enum):
    """Warum eine Anfrage keine Antwort bekam (die Datenschicht ordnet die Ausnahmen zu)."""

    ZEIT = "zeitueberschreitung"
    VERBINDUNG = "verbindung"  # Name unbekannt, Verbindung abgelehnt, TLS
    SCHLEIFE = "umleitungsschleife"
    UNGUELTIG = "ungueltig"  # die Adresse selbst lässt sich nicht anfragen
    PROTOKOLL = "protokoll"  # die Gegenseite spricht kein sauberes HTTP
    NICHT_OEFFENTLICH = "nicht_oeffentlich"  # Ziel (oder Umleitung) im eigenen Netz: nie angefragt


@dataclass(frozen=True)
class Antwort:
    """Was die Datenschicht über eine Adresse herausfand – roh, noch ohne Urteil."""

    status: int | None = None
    ziel: str | None = None  # die Adresse nach allen Umleitungen
    umleitungen: int = 0
    fehler: Fehlerart | None = None
    sekunden: float = 0.0
    vorhanden: bool | None = None  # nur für Dateien unter quellen/


class Stufe(str, Enum):
    OK = "ok"
    UMGELEITET = "umgeleitet"
    WARNUNG = "warnung"


@dataclass(frozen=True)
class Ergebnis:
    adresse: Adresse
    antwort: Antwort
    stufe: Stufe
    ergebnis: str  # Schlüssel für Maschinen: „erreichbar“, „nicht_gefunden“, …
    text: str  # netz' Worte: „nicht gefunden (404)“


# Status -> (Schlüssel, Text). Alles andere ab 400 ist „abgelehnt“, ab 500 „Serverfehler“.
_STATUS = {
    404: ("nicht_gefunden", "nicht gefunden"),
    410: ("entfernt", "entfernt (gone)"),
    401: ("abgelehnt", "nur mit Anmeldung"),
    403: ("abgelehnt", "Zugriff verweigert"),
    429: ("abgelehnt", "zu viele Anfragen"),
}

_FEHLER_TEXT = {
    Fehlerart.ZEIT: ("zeitueberschreitung", "keine Antwort in der Frist"),
    Fehlerart.VERBINDUNG: ("keine_verbindung", "keine Verbindung (Name unbekannt oder abgelehnt)"),
    Fehlerart.SCHLEIFE: ("umleitungsschleife", "Umleitungsschleife (zu viele Umleitungen)"),
    Fehlerart.UNGUELTIG: ("ungueltig", "keine gültige Webadresse"),
    Fehlerart.PROTOKOLL: ("protokollfehler", "keine gültige HTTP-Antwort"),
    Fehlerart.NICHT_OEFFENTLICH: (
        "nicht_oeffentlich",
        "keine öffentliche Adresse (eigenes Netz, Loopback o. Ä.) – nicht angefragt",
    ),
}


def einordnen(adresse: Adresse, a: Antwort) -> Ergebnis:
    """Das Urteil über eine Antwort: erreichbar, umgeleitet oder eine Warnung. Nie ein Fehler –
    tote Links sind ein Befund über die Welt, nicht über die Daten."""
    if adresse.art is Art.DATEI:
        if a.vorhanden:
            return Ergebnis(adresse, a, Stufe.OK, "vorhanden", "Datei vorhanden")
        return Ergebnis(adresse, a, Stufe.WARNUNG, "datei_fehlt", "Datei fehlt unter quellen/")
    if a.fehler is not None:
        schluessel, text = _FEHLER_TEXT[a.fehler]
        return Ergebnis(adresse, a, Stufe.WARNUNG, schluessel, text)
    s = a.status or 0
    if 200 <= s < 400:
        if a.umleitungen and a.ziel and a.ziel != adresse.url:
            return Ergebnis(adresse, a, Stufe.UMGELEITET, "umgeleitet", f"umgeleitet ({s})")
        return Ergebnis(adresse, a, Stufe.OK, "erreichbar", f"erreichbar ({s})")
    if s in _STATUS:
        schluessel, text = _STATUS[s]
    elif s >= 500:
        schluessel, text = "serverfehler", "Serverfehler"
    else:
        schluessel, text = "abgelehnt", "abgelehnt"
    return Ergebnis(adresse, a, Stufe.WARNUNG, schluessel, f"{text} ({s})")


@dataclass(frozen=True)
class Linkbericht:
    """Was ``netz sources check`` ausgibt."""

    heute: date
    zeitlimit: float
    ergebnisse: list[Ergebnis] = field(default_factory=list)
    # Dateien, die nicht gültig gelesen wurden: ihre Adressen fehlen im Bericht
    uebergangen: int = 0

    def zahl(self, stufe: Stufe) -> int:
        return sum(e.stufe is stufe for e in self.ergebnisse)

    @property
    def warnungen(self) -> list[Ergebnis]:
        return [e for e in self.ergebnisse if e.stufe is Stufe.WARNUNG]

    @property
    def kein_netz(self) -> bool:
        """Scheiterte jede Webadresse schon an der Verbindung – bei mehr als einem Rechner?
        Dann ist nicht das Netz der Quellen tot, sondern das eigene (oder es fehlt ganz)."""
        web = [e for e in self.ergebnisse if e.adresse.art is not Art.DATEI]
        rechner = {_rechner(e.adresse.url) for e in web}
        return len(rechner) > 1 and all(e.antwort.fehler is Fehlerart.VERBINDUNG for e in web)


def _rechner(url: str) -> str:
    rest = url.split("//", 1)[-1]
    return rest.split("/", 1)[0].lower()


def datei_vorhanden(url: str, dateien: frozenset[str]) -> bool:
    """Liegt die Quelldatei im Datenordner? ``dateien`` hat die Datenschicht gelesen."""
    return posixpath.normpath(url.replace("\\", "/")) in dateien


# --- Wie alt die Belege sind: das Erscheinungsdatum jeder Quelle ---------------------


@dataclass(frozen=True)
class Datierung:
    """Eine Quelle (einmal je Adresse) mit dem Erscheinungsdatum, das die Daten ihr geben."""

    url: str
    art: Art  # QUELLE (Webadresse) oder DATEI (unter quellen/)
    veroeffentlicht: Zeitangabe | None
    dateien: tuple[str, ...]


@dataclass(frozen=True)
class Quellenstand:
    """Was ``netz sources`` ausgibt: wie viele Quellen ein Erscheinungsdatum tragen, und welche nicht."""

    quellen: list[Datierung]
    # Dateien, die nicht gültig gelesen wurden: ihre Quellen fehlen im Bericht
    uebergangen: int = 0

    @property
    def datiert(self) -> list[Datierung]:
        return [d for d in self.quellen if d.veroeffentlicht is not None]

    @property
    def undatiert(self) -> list[Datierung]:
        return [d for d in self.quellen if d.veroeffentlicht is None]


def quellenstand(bestand: Datenbestand) -> Quellenstand:
    """Jede Quelle mit Adresse (Webadresse oder Datei unter quellen/) einmal, in der Reihenfolge
    ihres ersten Auftretens, mit ihrem Erscheinungsdatum. Nennt eine Stelle das Datum und eine
    andere dieselbe Adresse schlicht, gilt das Datum; nennen zwei verschiedene, gilt das erste
    (validate vergleicht sie nicht – das Datum gehört zur Quelle, nicht zur Stelle)."""
    gefunden: dict[str, tuple[Art, list[Zeitangabe | None], dict[str, None]]] = {}
    for dok in _dokumente(bestand):
        for _, q in quellen_in(dok.modell):
            if (art := adressart(q)) is None:
                continue  # ein Beleg ohne Adresse („Statistisches Bundesamt …“)
            eintrag = gefunden.setdefault(q.url, (art, [None], {}))
            if eintrag[1][0] is None:
                eintrag[1][0] = q.veroeffentlicht
            eintrag[2][dok.anzeige] = None
    return Quellenstand(
        [Datierung(url, art, datum[0], tuple(dateien)) for url, (art, datum, dateien) in gefunden.items()],
        len(bestand.fehlerhaft),
    )
