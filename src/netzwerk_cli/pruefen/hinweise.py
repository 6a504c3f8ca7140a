"""Hinweise, die erst der ganze Bestand möglich macht: ein Regionsname, wo der amtliche
Schlüssel stehen muss („region: Viersen“), bekommt den Schlüssel als Behebung."""

from __future__ import annotations

import re

from ..kern.befund import Korrektur, Problem
from ..kern.bestand import Datenbestand
from ..kern.modelle import Region
from ..kern.namen import finde_region

# Die Meldung von datei.schemafehler für einen Wert, der kein AGS ist (Typ „ags“ in kern.modelle)
_KEIN_AGS = re.compile(r"^„(?P<feld>[^“]+)“: „(?P<wert>[^“]+)“ ist kein amtlicher Schlüssel")
# Der Wert ab der Spalte des Befunds: ohne Anführungszeichen, in "…" oder in '…', dann Rest
_WERT = re.compile(r"""^(?P<alt>"(?P<d>[^"\\]*)"|'(?P<e>[^']*)'|(?P<p>[^\s#"'][^#]*?))[ \t]*(?:#.*)?$""")


def regionsnamen(bestand: Datenbestand, probleme: list[Problem]) -> list[Problem]:
    """NZ204 „… ist kein amtlicher Schlüssel“: ist der Wert der Name einer Region, nennt der
    Hinweis ihren Schlüssel in Anführungszeichen, und ``korrektur`` setzt ihn ein."""
    regionen = [d.modell for d in bestand.regionen]
    if not regionen:
        return probleme
    out = []
    for p in probleme:
        if p.code == "NZ204" and (m := _KEIN_AGS.match(p.meldung)) and len(m.group("wert")) <= 60:
            schluessel = m.group("feld").rsplit(".", 1)[-1]
            kopf = "-" if schluessel.endswith("]") else f"{schluessel}:"
            p = _mit_schluessel(p, m.group("wert"), kopf, regionen, bestand.inhalte.get(p.datei))
        out.append(p)
    return out


def _mit_schluessel(
    p: Problem, wert: str, kopf: str, regionen: list[Region], inhalt: bytes | None
) -> Problem:
    treffer = finde_region(wert, regionen)
    if treffer.region is None:
        statt = "Statt des Namens den amtlichen Schlüssel schreiben"
        if treffer.kandidaten:
            liste = ", ".join(f'{r.bezeichnung}: "{r.ags}"' for r in treffer.kandidaten)
            return p._replace(hinweis=f"{statt}; meinten Sie {liste}?")
        return p._replace(hinweis=f"{statt}; „netz list“ zeigt alle.")
    r = treffer.region
    neu = f'"{r.ags}"'
    hinweis = f"{r.bezeichnung} hat den amtlichen Schlüssel {r.ags}; so schreiben:  {kopf} {neu}"
    alt = _wert_in_zeile(inhalt, p.zeile, p.spalte, wert)
    korrektur = Korrektur("ersetzen", p.zeile, p.spalte, alt, neu) if alt is not None else None
    return p._replace(hinweis=hinweis, korrektur=korrektur)


def _wert_in_zeile(inhalt: bytes | None, zeile: int, spalte: int, wert: str) -> str | None:
    """Der Wert, wie er in Zeile ``zeile`` ab ``spalte`` steht – nur wenn er genau ``wert`` ist."""
    if inhalt is None:
        return None
    zeilen = inhalt.splitlines()
    if not 1 <= zeile <= len(zeilen) or spalte < 1:
        return None
    text = zeilen[zeile - 1].decode("utf-8", errors="replace")[spalte - 1 :]
    m = _WERT.match(text)
    if m is None or wert not in (m.group("d"), m.group("e"), m.group("p")):
        return None
    return m.group("alt")
