"""Wie alt sind die Belege? Datenstand und neueste veröffentlichte Zählung.

Die Antwort „51 sicher“ am heutigen Tag ruht auf der neuesten landesweiten Zählung, nicht
auf heute. Dieses Modul sagt, wie alt sie ist (für status, report und JSON), und wann sie
zu alt ist (für validate, nach dem Vorbild von hledgers ``check recentassertions``).
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from typing import NamedTuple

from .datum import jahre_vor
from .modelle import ALTER_MUSTER, Programm, Pruefpunkt

_ALTER = re.compile(ALTER_MUSTER)
_EINHEIT = {
    "y": "j",
    "j": "j",
    "J": "j",
    "Jahr": "j",
    "Jahre": "j",
    "m": "m",
    "M": "m",
    "Monat": "m",
    "Monate": "m",
    "d": "t",
    "t": "t",
    "T": "t",
    "Tag": "t",
    "Tage": "t",
}
#: Ohne Angabe in programm.yaml und auf der Kommandozeile: drei Jahre. Die Zählungen kommen in
#: Abständen von Jahren (2018, 2019, 2024); ein Jahr würde fast immer warnen und abstumpfen.
VORGABE_HOECHSTALTER = "3y"


class AlterFehler(ValueError):
    """Ein Höchstalter ist nicht lesbar (deutsche Meldung)."""


class Hoechstalter(NamedTuple):
    zahl: int
    einheit: str  # "j", "m" oder "t"

    @classmethod
    def lies(cls, text: str) -> Hoechstalter:
        m = _ALTER.match(text)
        if not m:
            raise AlterFehler(
                f"„{text}“ ist kein Höchstalter; erlaubt sind z. B. 3y, 3 Jahre, 18m, 18 Monate, 90d, 90 Tage"
            )
        return cls(int(re.sub(r"\D", "", text)), _EINHEIT[m.group(1)])

    def grenze(self, heute: date) -> date:
        """Der früheste Tag, der noch jung genug ist."""
        if self.einheit == "j":
            return jahre_vor(heute, self.zahl)
        if self.einheit == "m":
            return _monate_vor(heute, self.zahl)
        return heute - timedelta(days=self.zahl)

    def deutsch(self) -> str:
        namen = {"j": ("Jahr", "Jahre"), "m": ("Monat", "Monate"), "t": ("Tag", "Tage")}[self.einheit]
        return f"{self.zahl} {namen[0] if self.zahl == 1 else namen[1]}"


def _monate_vor(d: date, n: int) -> date:
    monate = d.year * 12 + d.month - 1 - n
    jahr, monat = divmod(monate, 12)
    monat += 1
    return date(jahr, monat, min(d.day, calendar.monthrange(jahr, monat)[1]))


def volle_monate(von: date, bis: date) -> int:
    """Ganze Monate von ``von`` bis ``bis`` (10.04.2024 → 28.11.2026: 31)."""
    n = (bis.year - von.year) * 12 + bis.month - von.month
    return n - 1 if bis.day < von.day else n


def dauer_deutsch(monate: int) -> str:
    """31 → „2 Jahre und 7 Monate“, 12 → „1 Jahr“, 0 → „weniger als 1 Monat“."""
    jahre, rest = divmod(monate, 12)
    teile = []
    if jahre:
        teile.append(f"{jahre} {'Jahr' if jahre == 1 else 'Jahre'}")
    if rest:
        teile.append(f"{rest} {'Monat' if rest == 1 else 'Monate'}")
    return " und ".join(teile) if teile else "weniger als 1 Monat"


def neuester_pruefpunkt(programm: Programm) -> Pruefpunkt | None:
    """Die neueste landesweite Zählung: der geprüfte, datierte Prüfpunkt ohne Regierungsbezirk
    mit dem spätesten sicheren Datum (``frueh``).

    „Sicher“: eine Angabe wie „frühestens 2022-06“ kann von gestern sein, belegt aber nur den
    Juni 2022. Bewusst nicht geprüfte (veraltete) Zahlen zählen nicht.
    """
    beste: Pruefpunkt | None = None
    for p in programm.pruefpunkte:
        if not p.pruefen or p.regierungsbezirk is not None or p.datum is None or p.datum.frueh is None:
            continue
        if not p.prueft_etwas:
            continue
        if beste is None or _schluessel(p) > _schluessel(beste):
            beste = p
    return beste


def _schluessel(p: Pruefpunkt) -> tuple[date, bool]:
    assert p.datum is not None and p.datum.frueh is not None
    return (p.datum.frueh, p.datum.genau)


class Belegstand(NamedTuple):
    """Wie alt sind die Belege, auf denen der Stand am Stichtag ruht?"""

    geprueft_am: date | None
    geprueft_durch: str | None
    neueste: Pruefpunkt | None  # neueste landesweite Zählung
    stichtag: date

    @property
    def neueste_seit(self) -> date | None:
        """Der Tag, ab dem die neueste Zählung sicher vorlag."""
        return self.neueste.datum.frueh if self.neueste is not None and self.neueste.datum else None

    @property
    def alter_monate(self) -> int | None:
        """Ganze Monate von der neuesten Zählung bis zum Stichtag; None, wenn sie nicht davor liegt."""
        seit = self.neueste_seit
        if seit is None or seit >= self.stichtag:
            return None
        return volle_monate(seit, self.stichtag)

    @property
    def alter_tage(self) -> int | None:
        seit = self.neueste_seit
        if seit is None or seit >= self.stichtag:
            return None
        return (self.stichtag - seit).days


def belegstand(programm: Programm | None, stichtag: date) -> Belegstand:
    if programm is None:
        return Belegstand(None, None, None, stichtag)
    return Belegstand(programm.geprueft_am, programm.geprueft_durch, neuester_pruefpunkt(programm), stichtag)
