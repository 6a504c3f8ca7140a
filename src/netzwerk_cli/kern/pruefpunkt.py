"""Was ein Prüfpunkt sagt: die eine Lesart für ``validate`` (pruefen/pruefpunkte.py) und
``netz offen`` (kern/offen.py).

Ein Prüfpunkt in programm.yaml behauptet: an mindestens einem Tag seines Zeitraums hatten
im Gebiet (NRW oder ein Regierungsbezirk) zwischen ``mindestens`` und ``hoechstens`` Regionen
ein Netzwerk (``anzahl`` ist beides), die unter ``regionen`` genannten hatten eines, die unter
``ohne`` – bei ``vollstaendig`` auch jede ungenannte – keines. Ohne Datum gilt der Zeitraum von
den ersten Verträgen bis heute, nie über heute hinaus. Geprüft wird ein Prüfpunkt nur, wenn er
etwas behauptet, nicht mit ``pruefen: false`` ausgenommen ist und sich nicht selbst
widerspricht (:func:`widersprueche`, Befund NZ506).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import date
from typing import NamedTuple

from .modelle import Pruefpunkt, Region


class Aussage(NamedTuple):
    """Ein geprüfter Prüfpunkt, gelesen."""

    nr: int  # Index in programm.pruefpunkte
    punkt: Pruefpunkt
    von: date  # erster Tag des Zeitraums (ohne Datum: die ersten Verträge)
    bis: date  # letzter Tag, nie nach heute
    mindestens: int | None
    hoechstens: int | None
    gebiet: tuple[Region, ...]  # die Regionen, über die gezählt wird
    genannt: frozenset[str] | None  # AGS mit Netzwerk laut Quelle; None: keine Liste
    ohne: frozenset[str]  # AGS ohne Netzwerk laut Quelle (ausdrücklich)

    @property
    def vollstaendig(self) -> bool:
        return self.genannt is not None and self.punkt.vollstaendig

    @property
    def ohne_alle(self) -> frozenset[str]:
        """Wer laut Quelle keines hatte: die unter ``ohne`` und, ist die Liste vollständig,
        jede ungenannte Region des Gebiets."""
        if not self.vollstaendig:
            return self.ohne
        assert self.genannt is not None
        return self.ohne | frozenset(r.ags for r in self.gebiet if r.ags not in self.genannt)

    def zahl_passt(self, unten: int, oben: int) -> bool:
        """Kann die Zahl der Netzwerke (zwischen ``unten`` und ``oben``) die Aussage erfüllen?"""
        return zahl_passt(self.mindestens, self.hoechstens, unten, oben)


def zahl_passt(mindestens: int | None, hoechstens: int | None, unten: int, oben: int) -> bool:
    """Kann eine Zahl zwischen ``unten`` (sicher) und ``oben`` (möglich) zwischen ``mindestens``
    und ``hoechstens`` liegen?"""
    return (mindestens is None or oben >= mindestens) and (hoechstens is None or unten <= hoechstens)


def gebiet(p: Pruefpunkt, regionen: Sequence[Region]) -> tuple[Region, ...]:
    bezirk = p.regierungsbezirk
    return tuple(r for r in regionen if bezirk is None or r.regierungsbezirk == bezirk)


def aussage(
    nr: int,
    p: Pruefpunkt,
    regionen: Sequence[Region],
    start: date,
    heute: date,
    bekannt: Mapping[str, Region] | None = None,
) -> Aussage | None:
    """Der Prüfpunkt ``nr`` als :class:`Aussage` – oder None, wenn er nicht geprüft wird.
    ``bekannt`` (AGS → Region) einmal je Prüfung übergeben, nicht je Prüfpunkt gebaut."""
    if not p.pruefen or not p.prueft_etwas or widersprueche(p, regionen, bekannt=bekannt):
        return None
    von = (p.datum.frueh if p.datum else None) or start
    bis = min((p.datum.spaet if p.datum else None) or heute, heute)
    mindestens = p.anzahl if p.anzahl is not None else p.mindestens
    hoechstens = p.anzahl if p.anzahl is not None else p.hoechstens
    genannt = frozenset(p.regionen) if p.regionen is not None else None
    return Aussage(nr, p, von, bis, mindestens, hoechstens, gebiet(p, regionen), genannt, frozenset(p.ohne))


def aussagen(
    punkte: Sequence[Pruefpunkt], regionen: Sequence[Region], start: date, heute: date
) -> list[Aussage]:
    """Die geprüften Prüfpunkte, in ihrer Reihenfolge."""
    bekannt = {r.ags: r for r in regionen}
    return [
        a for nr, p in enumerate(punkte) if (a := aussage(nr, p, regionen, start, heute, bekannt)) is not None
    ]


def widersprueche(
    p: Pruefpunkt,
    alle: Sequence[Region],
    regionen_ganz: bool = True,
    bekannt: Mapping[str, Region] | None = None,
) -> list[str]:
    """Was ein Prüfpunkt sich selbst oder den Regionen widerspricht (leer: in Ordnung).

    ``regionen_ganz``: alle Regionsdateien sind lesbar (sonst wäre jede Region einer kaputten
    Datei „unbekannt“ – der Befund der Datei genügt)."""
    out = []
    # einmal je Prüfung übergeben, nicht je Prüfpunkt gebaut: sonst O(B · R) nur dafür
    bekannt = bekannt if bekannt is not None else {r.ags: r for r in alle}
    genannt = list(p.regionen or ())
    if p.vollstaendig and p.regionen is None:
        out.append("„vollstaendig: true“ ohne Liste „regionen“")
    for liste, name in ((genannt, "regionen"), (list(p.ohne), "ohne")):
        # gezählt statt liste.count je Eintrag (quadratisch in der Länge der Liste)
        doppelt = sorted(a for a, n in Counter(liste).items() if n > 1)
        if doppelt:
            out.append(f"„{name}“ nennt {', '.join(doppelt)} mehrfach")
    if beide := sorted(set(genannt) & set(p.ohne)):
        out.append(f"{', '.join(beide)} steht in „regionen“ und in „ohne“")
    for a in sorted(set(genannt) | set(p.ohne)):
        r = bekannt.get(a)
        if r is None:
            if regionen_ganz:
                out.append(f"{a} ist keine bekannte Region")
        elif p.regierungsbezirk is not None and r.regierungsbezirk != p.regierungsbezirk:
            out.append(f"{r.bezeichnung} ({a}) liegt nicht im Regierungsbezirk {p.regierungsbezirk}")
    n = len(set(genannt))
    if p.anzahl is not None and p.regionen is not None:
        if p.vollstaendig and p.anzahl != n:
            out.append(f"„anzahl: {p.anzahl}“, aber die vollständige Liste nennt {n}")
        elif p.anzahl < n:
            out.append(f"„anzahl: {p.anzahl}“, aber die Liste nennt {n}")
    if p.hoechstens is not None and p.regionen is not None and p.hoechstens < n:
        out.append(f"„hoechstens: {p.hoechstens}“, aber die Liste nennt {n}")
    if p.mindestens is not None and p.hoechstens is not None and p.mindestens > p.hoechstens:
        out.append(f"„mindestens: {p.mindestens}“ ist größer als „hoechstens: {p.hoechstens}“")
    if p.anzahl is not None and (
        (p.mindestens is not None and p.anzahl < p.mindestens)
        or (p.hoechstens is not None and p.anzahl > p.hoechstens)
    ):
        out.append(f"„anzahl: {p.anzahl}“ liegt außerhalb von „mindestens“/„hoechstens“")
    return out
