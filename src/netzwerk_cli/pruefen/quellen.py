"""Quellenobjekte prüfen: ``url`` und ``archiv`` sind Webadressen (NZ602), ``abgerufen`` liegt nicht
in der Zukunft (NZ302).

Ein leeres ``zitat`` und unbekannte Schlüssel meldet schon das Schema (NZ204, NZ202). Die
Zeile eines Befunds kommt aus den schon gelesenen Bytes der Datei – nur für Dateien mit einem
Befund wird das YAML dafür noch einmal zerlegt, die übrigen kosten nichts.
"""

from __future__ import annotations

from datetime import date

from ..kern.befund import Problem
from ..kern.bestand import Datenbestand, Dokument
from ..kern.modelle import Quelle
from ..kern.quellen import Ort, hat_quellenobjekt, ist_sauber, ortstext, quellen_in
from .codes import problem
from .regeln import Kontext
from .yamlio import finde, lies_yaml

# (Ort, Code, Meldung, Hinweis) – die Zeile kommt erst, wenn es einen Befund gibt
_Befund = tuple[Ort, str, str, str]


def quellenobjekte(bestand: Datenbestand, heute: date) -> list[Problem]:
    out: list[Problem] = []
    docs: list[Dokument] = [*bestand.regionen, *bestand.vertraege]  # type: ignore[type-arg]
    if bestand.programm is not None:
        docs.append(bestand.programm)
    for dok in docs:
        if not hat_quellenobjekt(dok.modell):
            continue
        befunde = [
            b for ort, q in quellen_in(dok.modell) if isinstance(q, Quelle) for b in _pruefe(ort, q, heute)
        ]
        if befunde:
            out += _mit_zeilen(dok, befunde, bestand.inhalte.get(dok.anzeige))
    return out


def pruefgang(k: Kontext) -> list[Problem]:
    """Der Prüfgang des Registers (pruefen/regeln.py): Quellenobjekte und Anmeldedaten in
    Webadressen."""
    return quellenobjekte(k.bestand, k.heute) + anmeldedaten(k.bestand)


def _pruefe(ort: Ort, q: Quelle, heute: date) -> list[_Befund]:
    out: list[_Befund] = []
    feld = ortstext(ort)
    if not ist_sauber(q.url):
        out.append(
            (
                (*ort, "url"),
                "NZ602",
                f"„{feld}.url“ ist keine Webadresse: {q.url}",
                "Im Quellenobjekt steht unter „url“ eine Webadresse mit https:// (ohne Leerzeichen); "
                "eine Datei unter quellen/ als schlichten Eintrag angeben.",
            )
        )
    if q.archiv is not None and not ist_sauber(q.archiv):
        out.append(
            (
                (*ort, "archiv"),
                "NZ602",
                f"„{feld}.archiv“ ist keine Webadresse: {q.archiv}",
                "Die Adresse der archivierten Kopie angeben, z. B. "
                "https://web.archive.org/web/20240101000000/https://… – oder „archiv:“ weglassen.",
            )
        )
    if q.abgerufen is not None and q.abgerufen > heute:
        out.append(
            (
                (*ort, "abgerufen"),
                "NZ302",
                f"„{feld}.abgerufen: {q.abgerufen.isoformat()}“ liegt in der Zukunft "
                f"(heute ist {heute.isoformat()})",
                "Den Tag eintragen, an dem die Seite gelesen wurde – nie raten.",
            )
        )
    return out


def _mit_zeilen(dok: Dokument, befunde: list[_Befund], inhalt: bytes | None) -> list[Problem]:  # type: ignore[type-arg]
    knoten = lies_yaml(dok.anzeige, inhalt).knoten if inhalt is not None else None
    out = []
    for ort, code, meldung, hinweis in befunde:
        if knoten is not None:
            f = finde(knoten, ort)
            zeile, spalte = f.zeile, f.spalte
        else:  # ohne Bytes: die Zeile des Felds der obersten Ebene
            zeile, spalte = dok.zeile(str(ort[0])), 1
        out.append(problem(dok.anzeige, zeile, code, meldung, hinweis, spalte))
    return out


def anmeldedaten(bestand: Datenbestand) -> list[Problem]:
    """NZ602 für jede Webadresse mit Anmeldedaten (``https://a.example…@b.example/``): der Teil
    vor „@“ täuscht einen Rechner vor, den die Adresse nicht anfragt, und Zugangsdaten gehören
    nie in öffentliche Daten. Eine Prüfung über alle Adressen aller Dateien (:func:`sammle`),
    je zitierende Datei ein Befund mit der Zeile der Adresse; linear in Adressen und Bytes."""
    from ..kern.quellen import sammle
    from ..kern.shell import zeigbar

    out: list[Problem] = []
    for a in sammle(bestand):
        rechner = echter_rechner(a.url)
        if rechner is None:
            continue
        for datei in a.dateien:
            inhalt = bestand.inhalte.get(datei, b"")
            stelle = inhalt.find(a.url.encode("utf-8", "replace"))
            zeile = inhalt.count(b"\n", 0, stelle) + 1 if stelle >= 0 else 1
            out.append(
                problem(
                    datei,
                    zeile,
                    "NZ602",
                    f"Webadresse mit Anmeldedaten vor „@“: angefragt würde der Rechner "
                    f"{rechner if zeigbar(rechner) else repr(rechner)}, nicht der davor genannte",
                    "Die Adresse ohne den Teil „…@“ angeben: https://rechner/pfad.",
                )
            )
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
