"""Quellen prüfen – jede, ob als Text oder als Objekt geschrieben (nach dem Lesen ist jede eine
:class:`~netzwerk_cli.kern.modelle.Quelle`), mit einer Regel:

- ``url`` ist eine Webadresse (:func:`~netzwerk_cli.kern.webadresse.ist_webadresse`) oder eine
  Datei, die unter ``quellen/`` liegt (NZ602). Nur Regionen und ``programm.yaml`` dürfen
  einen Beleg ohne Adresse nennen („Statistisches Bundesamt …“) – ein Vertrag nicht;
- ``archiv`` ist eine Webadresse (NZ602);
- ``abgerufen`` und ``veroeffentlicht`` liegen nicht in der Zukunft (NZ302), und eine Quelle
  erschien nicht erst nach dem Tag, an dem sie gelesen wurde (NZ304).

Ein leeres ``zitat`` und unbekannte Schlüssel meldet schon das Schema (NZ204, NZ202). Die
Zeile eines Befunds kommt aus den schon gelesenen Bytes der Datei – nur für Dateien mit einem
Befund wird das YAML dafür noch einmal zerlegt, die übrigen kosten nichts.
"""

from __future__ import annotations

import posixpath
import re
from datetime import date
from typing import Any

from ..kern.befund import Problem
from ..kern.bestand import Datenbestand, Dokument
from ..kern.modelle import Quelle, Vertrag
from ..kern.quellen import Ort, ortstext, quellen_in
from ..kern.webadresse import ist_webadresse
from .codes import problem
from .regeln import Kontext
from .yamlio import finde, lies_yaml

# (Ort, Code, Meldung, Hinweis) – die Zeile kommt erst, wenn es einen Befund gibt
_Befund = tuple[Ort, str, str, str]


def quellenobjekte(bestand: Datenbestand, heute: date) -> list[Problem]:
    """Die Befunde zu allen Quellen aller gültig gelesenen Dateien."""
    out: list[Problem] = []
    docs: list[Dokument[Any]] = [*bestand.regionen, *bestand.vertraege]
    if bestand.programm is not None:
        docs.append(bestand.programm)
    for dok in docs:
        # ein Vertrag braucht Belege, die man aufschlagen kann (wie bisher NZ602)
        ohne_adresse = not isinstance(dok.modell, Vertrag)
        befunde = [
            b
            for ort, q in quellen_in(dok.modell)
            for b in _pruefe(ort, q, heute, bestand.quellen, ohne_adresse)
        ]
        if befunde:
            out += _mit_zeilen(dok, befunde, bestand.inhalte.get(dok.anzeige))
    return out


def pruefgang(k: Kontext) -> list[Problem]:
    """Der Prüfgang des Registers (pruefen/regeln.py): jede Quelle jeder Datei, in einem Gang –
    auch die Anmeldedaten in Webadressen (:func:`_anmeldedaten`)."""
    return quellenobjekte(k.bestand, k.heute)


def _pruefe(ort: Ort, q: Quelle, heute: date, dateien: frozenset[str], ohne_adresse: bool) -> list[_Befund]:
    # Ort und Feldname als Text erst für einen Befund: fast jede Quelle hat keinen
    out: list[_Befund] = []
    if q.ist_web:
        if not ist_webadresse(q.url):
            out.append(((*ort, "url"), "NZ602", *_keine_webadresse(ortstext(ort), q.url)))
    elif _datei_fehlt(q.url, dateien, ohne_adresse):
        out.append(
            (
                (*ort, "url"),
                "NZ602",
                f"Quelle „{q.url}“ ist weder eine Webadresse noch eine Datei im Datenordner",
                "Webadresse mit https:// angeben oder Datei unter quellen/ ablegen.",
            )
        )
    if q.archiv is not None and not ist_webadresse(q.archiv):
        out.append(
            (
                (*ort, "archiv"),
                "NZ602",
                f"„{ortstext(ort)}.archiv“ ist keine Webadresse: {q.archiv}",
                "Die Adresse der archivierten Kopie angeben, z. B. "
                "https://web.archive.org/web/20240101000000/https://… – oder „archiv:“ weglassen.",
            )
        )
    if q.abgerufen is not None and q.abgerufen > heute:
        out.append(
            (
                (*ort, "abgerufen"),
                "NZ302",
                f"„{ortstext(ort)}.abgerufen: {q.abgerufen.isoformat()}“ liegt in der Zukunft "
                f"(heute ist {heute.isoformat()})",
                "Den Tag eintragen, an dem die Seite gelesen wurde – nie raten.",
            )
        )
    if q.veroeffentlicht is not None:
        out += _erschienen(ort, q, heute)
    if "@" in q.url or (q.archiv is not None and "@" in q.archiv):
        out += _anmeldedaten(ort, q)
    return out


def _anmeldedaten(ort: Ort, q: Quelle) -> list[_Befund]:
    """NZ602 für eine Webadresse mit Anmeldedaten (``https://a.example…@b.example/``): der Teil
    vor „@“ täuscht einen Rechner vor, den die Adresse nicht anfragt, und Zugangsdaten gehören
    nie in öffentliche Daten. Geprüft im selben Gang wie jede andere Regel einer Quelle, mit der
    Zeile der Adresse."""
    from ..kern.shell import zeigbar

    out: list[_Befund] = []
    for feld, adresse in (("url", q.url), ("archiv", q.archiv)):
        rechner = echter_rechner(adresse) if adresse is not None else None
        if rechner is not None:
            out.append(
                (
                    (*ort, feld),
                    "NZ602",
                    "Webadresse mit Anmeldedaten vor „@“: angefragt würde der Rechner "
                    f"{rechner if zeigbar(rechner) else repr(rechner)}, nicht der davor genannte",
                    "Die Adresse ohne den Teil „…@“ angeben: https://rechner/pfad.",
                )
            )
    return out


def _erschienen(ort: Ort, q: Quelle, heute: date) -> list[_Befund]:
    """``veroeffentlicht``: sicher nach heute (NZ302) oder sicher nach dem Abruf (NZ304)? Eine
    ungenaue Angabe („2019“) zählt erst, wenn schon ihr frühester Tag danach liegt."""
    v = q.veroeffentlicht
    if v is None or v.frueh is None:
        return []
    feld, wo = ortstext(ort), (*ort, "veroeffentlicht")
    if v.frueh > heute:
        return [
            (
                wo,
                "NZ302",
                f"„{feld}.veroeffentlicht: {v.text}“ liegt in der Zukunft (heute ist {heute.isoformat()})",
                "Das Erscheinungsdatum so eintragen, wie die Quelle es nennt – nie raten.",
            )
        ]
    if q.abgerufen is not None and v.frueh > q.abgerufen:
        return [
            (
                wo,
                "NZ304",
                f"„{feld}.veroeffentlicht: {v.text}“ liegt nach dem Abruf "
                f"(„abgerufen: {q.abgerufen.isoformat()}“): gelesen vor dem Erscheinen",
                "Eines der beiden Daten ist falsch: mit der Quelle vergleichen.",
            )
        ]
    return []


def _datei_fehlt(url: str, dateien: frozenset[str], ohne_adresse: bool) -> bool:
    """Keine Webadresse: dann eine Datei, die das Einlesen unter quellen/ gefunden hat (keine
    Pfade nach draußen) – außer ein Beleg ohne Adresse, wo er erlaubt ist."""
    if ohne_adresse and not url.startswith("quellen/"):
        return False
    return posixpath.normpath(url.replace("\\", "/")) not in dateien


_ZWEITE_ADRESSE = re.compile(r"\s+(?=https?://)")
# im Hinweis: die Zeile nach dem Befund (sie steht erst fest, wenn die Zeile gefunden ist)
_DANACH = "<zeile+1>"
_LEERRAUM = re.compile(r"\s")


def _keine_webadresse(feld: str, url: str) -> tuple[str, str]:
    """Meldung und Hinweis für eine Adresse mit http(s)://, die keine Webadresse ist."""
    teile = _ZWEITE_ADRESSE.split(url)
    if len(teile) > 1:
        # YAML hat eine zu weit eingerückte Zeile ohne „- “ an den Eintrag davor gehängt –
        # ein stiller Fehler beim Bearbeiten, darum eigens erklärt
        return (
            f"{len(teile)} Webadressen zu einer zusammengefügt: {teile[0]} {teile[1]}",
            f"Zeile {_DANACH} ist wohl zu weit eingerückt, oder ihr fehlt das „- “: "
            "jede Adresse braucht eine eigene Zeile „  - https://…“.",
        )
    if _LEERRAUM.search(url):
        return (
            f"„{feld}“: Webadresse enthält Leerzeichen: {url}",
            "Leerzeichen in einer Adresse als %20 schreiben; zwei Adressen als zwei Einträge.",
        )
    return (
        f"„{feld}“ ist keine Webadresse: {url}",
        "Eine Webadresse besteht nach https:// nur aus druckbaren ASCII-Zeichen ohne \" ' < > \\ `; "
        "Umlaute so, wie der Browser sie kopiert (ü als %C3%BC).",
    )


def _mit_zeilen(dok: Dokument[Any], befunde: list[_Befund], inhalt: bytes | None) -> list[Problem]:
    knoten = lies_yaml(dok.anzeige, inhalt).knoten if inhalt is not None else None
    out = []
    for ort, code, meldung, hinweis in befunde:
        if knoten is not None:
            f = finde(knoten, ort)
            zeile, spalte = f.zeile, f.spalte
        else:  # ohne Bytes: die Zeile des Felds der obersten Ebene
            zeile, spalte = dok.zeile(str(ort[0])), 1
        hinweis = hinweis.replace(_DANACH, str(zeile + 1))
        out.append(problem(dok.anzeige, zeile, code, meldung, hinweis, spalte))
    return out


def echter_rechner(url: str) -> str | None:
    """Der Rechner, den ``url`` wirklich anfragt, wenn die Adresse Anmeldedaten (``…@``) trägt;
    sonst None."""
    if "://" not in url:
        return None
    netloc = url.split("://", 1)[1]
    for ende in "/?#":
        netloc = netloc.split(ende, 1)[0]
    if "@" not in netloc:
        return None
    return netloc.rsplit("@", 1)[1]
