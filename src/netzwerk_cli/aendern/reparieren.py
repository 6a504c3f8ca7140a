"""``netz validate --fix``: mechanische Befunde beheben, nur die betroffenen Zeichen ändern.

Mechanisch heißt: die Lösung steht fest und ändert keine Bedeutung. Welche das sind, sagt der
Befund selbst: ``Problem.korrektur`` (Daten, nicht Prosa) – „unterzeichnet: 24.08.2009“ wird
„2009-08-24“ (NZ301), „region: 05170“ wird „"05170"“ (NZ203), eine falsch benannte Datei
bekommt ihren Namen. Hier wird nur angewandt, nie ein Hinweistext gelesen; die Regeln im
Register (pruefen/regeln.py) nennen, welche Art von Behebung sie liefern.
Geschrieben wird wie bei ``add`` und ``end``: unter der Sperre, nur wenn die Datei seit dem
Lesen unverändert ist, atomar, mit Rechten und Zeilenende, dann zurückgelesen und geprüft.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..daten.datei import lies_datei
from ..daten.ordner import PROGRAMM, REGIONEN, VERTRAEGE, anzeigepfad
from ..daten.schreiben import ersetze_atomar, pruefe_ersetzbar
from ..daten.umbenennen import benenne_um, ist_ordentlicher_name
from ..kern.befund import Korrektur, Problem
from ..kern.bestand import Datenbestand
from ..kern.fehler import NetzFehler
from .bearbeiten import FREMDE_UMBRUECHE, zeilen
from .transaktion import Vorhaben

# Was ein Ersatz nie enthalten darf: er bleibt in seiner Zeile
_UMBRUECHE = ("\n", "\r", "\x85", "\u2028", "\u2029")


@dataclass(frozen=True)
class Reparatur:
    pfad: Path
    anzeige: str
    vorher: bytes
    nachher: bytes
    behoben: tuple[Problem, ...]
    #: der neue Name (Korrektur „umbenennen“), sonst None
    ziel: Path | None = None
    ziel_anzeige: str = ""


def reparaturen(wurzel: Path, probleme: Sequence[Problem], inhalte: dict[str, bytes]) -> list[Reparatur]:
    """Je Datei die mechanischen Änderungen (noch nichts geschrieben)."""
    dateien = {
        anzeigepfad(f, wurzel): f
        for ordner in (REGIONEN, VERTRAEGE)
        if (wurzel / ordner).is_dir()
        for f in sorted((wurzel / ordner).glob("*.yaml"))
    }
    if (wurzel / PROGRAMM).is_file():
        dateien[anzeigepfad(wurzel / PROGRAMM, wurzel)] = wurzel / PROGRAMM
    je_datei: dict[str, list[Problem]] = {}
    for p in probleme:
        if p.korrektur is not None and p.datei in dateien and p.datei in inhalte:
            je_datei.setdefault(p.datei, []).append(p)
    out = []
    for anzeige, liste in je_datei.items():
        r = _reparatur(dateien[anzeige], anzeige, inhalte[anzeige], liste)
        if r is not None:
            out.append(r)
    return out


def _reparatur(pfad: Path, anzeige: str, vorher: bytes, liste: list[Problem]) -> Reparatur | None:
    behoben: list[Problem] = []
    nachher = vorher
    ersetzen = [p for p in liste if p.korrektur is not None and p.korrektur.art == "ersetzen"]
    if ersetzen and not any(roh in vorher for roh in FREMDE_UMBRUECHE):  # sonst zählten Zeilen anders
        nachher, behoben = _ersetze(vorher, ersetzen)
        if any(p.code == "NZ105" for p in behoben):
            nachher, weitere = _syntax_weiter(anzeige, nachher)
            behoben += weitere
    ziel: Path | None = None
    ziel_anzeige = ""
    namen = {p.korrektur.neu for p in liste if p.korrektur is not None and p.korrektur.art == "umbenennen"}
    if len(namen) == 1:  # zwei verschiedene neue Namen: keiner ist mechanisch
        neu = namen.pop()
        if os.path.dirname(neu) == os.path.dirname(anzeige) and ist_ordentlicher_name(os.path.basename(neu)):
            ziel, ziel_anzeige = pfad.parent / os.path.basename(neu), neu
            behoben += [p for p in liste if p.korrektur is not None and p.korrektur.art == "umbenennen"]
    if not behoben:
        return None
    return Reparatur(pfad, anzeige, vorher, nachher, tuple(behoben), ziel, ziel_anzeige)


def _ersetze(vorher: bytes, liste: list[Problem]) -> tuple[bytes, list[Problem]]:
    """Wendet die Ersetzungen an, deren ``alt`` genau an ihrer Stelle steht – je Zeile von
    rechts nach links (die Spalten der übrigen bleiben gültig), keine zwei überlappend."""
    z = zeilen(vorher)
    behoben: list[Problem] = []
    je_zeile: dict[int, list[tuple[Korrektur, Problem]]] = {}
    for p in liste:
        k = p.korrektur
        assert k is not None
        in_der_zeile = not any(u in k.neu + k.alt for u in _UMBRUECHE)
        if 1 <= k.zeile <= len(z) and k.spalte >= 1 and k.alt and in_der_zeile:
            je_zeile.setdefault(k.zeile, []).append((k, p))
    for nummer, korrekturen in je_zeile.items():
        roh = z[nummer - 1]
        inhalt = roh.rstrip(b"\r\n")
        try:
            text = inhalt.decode("utf-8")  # Spalten zählen Zeichen, nicht Bytes
        except UnicodeDecodeError:
            continue
        grenze = len(text) + 1
        for k, p in sorted(korrekturen, key=lambda kp: kp[0].spalte, reverse=True):
            anfang = k.spalte - 1
            ende = anfang + len(k.alt)
            if ende > grenze - 1 or text[anfang:ende] != k.alt:
                continue  # die Datei sagt an der Stelle etwas anderes (oder überlappt): nicht anfassen
            text = text[:anfang] + k.neu + text[ende:]
            grenze = anfang + 1
            behoben.append(p)
        z[nummer - 1] = text.encode("utf-8") + roh[len(inhalt) :]
    return b"".join(z), behoben


# So viele Syntaxfehler (Tabulatoren in der Einrückung) behebt ein Lauf je Datei hintereinander
_MAX_SYNTAX = 200


def _syntax_weiter(anzeige: str, inhalt: bytes) -> tuple[bytes, list[Problem]]:
    """Ein Syntaxfehler verdeckt die nächsten: YAML liest nur bis zum ersten. Ist er behoben,
    die Datei neu lesen und jede weitere mechanische Syntax-Korrektur (der nächste Tabulator)
    gleich mit anwenden – sonst bräuchte jede Zeile einen eigenen Lauf von --fix."""
    from ..pruefen.yamlio import lies_yaml

    weitere: list[Problem] = []
    # je Runde ein Lesen der ganzen Datei: für große (feindliche) Dateien nur wenige Runden
    for _ in range(_MAX_SYNTAX if len(inhalt) <= 64 * 1024 else 5):
        naechste = [
            p for p in lies_yaml(anzeige, inhalt).probleme if p.code == "NZ105" and p.korrektur is not None
        ][:1]
        if not naechste:
            break
        inhalt, behoben = _ersetze(inhalt, naechste)
        if not behoben:
            break
        weitere += behoben
    return inhalt, weitere


def speichere(r: Reparatur) -> None:
    """Ersetzt die Datei atomar, wenn sie seit dem Lesen unverändert ist; prüft das Ergebnis;
    benennt sie zuletzt um (``git mv``, wenn git sie kennt)."""
    from ..pruefen.yamlio import lies_yaml

    pruefe_ersetzbar(r.pfad, r.anzeige)
    if lies_datei(r.pfad, r.anzeige) != r.vorher:
        raise NetzFehler(f"{r.anzeige} wurde inzwischen geändert; bitte erneut aufrufen.")
    if r.nachher != r.vorher:
        ersetze_atomar(r.pfad, r.nachher, r.anzeige)
        # Schutz: die Änderung machte die Syntax kaputt (eine Datei, die schon vorher nicht zu
        # lesen war, darf es danach auch nicht sein – eine Behebung kann eine von mehreren sein)
        kaputt = lies_yaml(r.anzeige, r.nachher).wert is None
        if kaputt and lies_yaml(r.anzeige, r.vorher).wert is not None:  # pragma: no cover
            ersetze_atomar(r.pfad, r.vorher, r.anzeige)
            raise NetzFehler(
                f"{r.anzeige}: die Reparatur ließe sich nicht lesen; alte Fassung wiederhergestellt."
            )
    if r.ziel is not None:
        benenne_um(r.pfad, r.ziel, r.anzeige, r.ziel_anzeige)


def vorhaben(
    wurzel: Path, gezeigt: Sequence[Reparatur], heute: date, nur: set[str] | None, hoechstalter: str | None
) -> Vorhaben[list[Reparatur]]:
    """Das Vorhaben für :func:`.transaktion.fuehre_aus`: unter der Sperre neu prüfen und genau
    die gezeigten Reparaturen schreiben – hat sich eine Datei seit der Anzeige geändert, nichts."""

    def plane(bestand: Datenbestand) -> list[Reparatur]:
        from ..pruefen import pruefe

        probleme = pruefe(bestand, heute, nur=nur, hoechstalter=hoechstalter).probleme
        jetzt = reparaturen(wurzel, probleme, bestand.inhalte)
        if _kennung(jetzt) != _kennung(gezeigt):
            raise NetzFehler("Die Daten wurden inzwischen geändert; bitte erneut aufrufen.")
        return jetzt

    def schreibe(liste: list[Reparatur]) -> None:
        for r in liste:
            speichere(r)

    return Vorhaben(plane, schreibe, fehlerfrei=False)


def _kennung(liste: Sequence[Reparatur]) -> list[tuple[str, bytes, bytes, str]]:
    return [(r.anzeige, r.vorher, r.nachher, r.ziel_anzeige) for r in liste]
