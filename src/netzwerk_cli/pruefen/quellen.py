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
    """Der Prüfgang des Registers (pruefen/regeln.py)."""
    return quellenobjekte(k.bestand, k.heute)


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
