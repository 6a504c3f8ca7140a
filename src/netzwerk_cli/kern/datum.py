"""Unsichere Zeitangaben: ein Tag, ein Monat, ein Jahr oder Grenzen.

Die Quellenlage ist oft ungenau ("im Juni 2008", "spätestens am 6. Mai 2010").
Eine :class:`Zeitangabe` hält genau das fest, was bekannt ist: die früheste und
die späteste Möglichkeit. Eine fehlende Grenze heißt "offen" – vor ``frueh``
bzw. nach ``spaet`` ist nichts belegt.

Schreibweisen in YAML (Groß-/Kleinschreibung egal, ``ae/oe/ue`` statt Umlaut erlaubt)::

    2010-05-06                          genauer Tag
    2010-05                             irgendwann im Mai 2010
    2010                                irgendwann im Jahr 2010
    spätestens 2010-05-06               an oder vor diesem Tag
    frühestens 2019-08                  an oder nach dem 1. August 2019 – ob überhaupt, ist offen
    zwischen 2019-03-15 und 2019-07-08  irgendwann in dieser Spanne (beide Enden eingeschlossen)
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

SCHREIBWEISEN = (
    "2010-05-06, 2010-05, 2010, „spätestens 2010-05-06“, „frühestens 2019-08“ "
    "oder „zwischen 2019-03-15 und 2019-07-08“"
)

_MONATE = (
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
)


# re.ASCII: \d heißt nur 0–9, keine anderen Ziffern (wie im JSON Schema)
_PUNKT = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$", re.ASCII)
_SPAETESTENS = re.compile(r"^sp(?:ä|ae)testens\s+(\S+)$", re.IGNORECASE)
_FRUEHESTENS = re.compile(r"^fr(?:ü|ue)hestens\s+(\S+)$", re.IGNORECASE)
_TAG = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}$", re.ASCII)
_ZWISCHEN = re.compile(r"^zwischen\s+(\S+)\s+und\s+(\S+)$", re.IGNORECASE)


class DatumFehler(ValueError):
    """Eine Zeitangabe ist nicht lesbar oder unmöglich (deutsche Meldung)."""


class Zeitraum(NamedTuple):
    """Ein Tag, Monat oder Jahr als Spanne von ``anfang`` bis ``ende``."""

    anfang: date
    ende: date
    text: str


def _punkt(text: str) -> Zeitraum:
    # der häufigste Fall, ein genauer Tag JJJJ-MM-TT, ohne Muster und Kalender (date prüft ihn
    # selbst); alles andere und jeder ungültige Tag nimmt den Weg mit der deutschen Meldung
    if len(text) == 10 and text[4] == "-" == text[7] and text.isascii() and text[:4].isdigit():
        try:
            d = date.fromisoformat(text)
        except ValueError:
            pass
        else:
            if 1900 <= d.year <= 2999:
                return Zeitraum(d, d, text)
    m = _PUNKT.match(text)
    if not m:
        raise DatumFehler(f"„{text}“ ist keine Zeitangabe; erlaubt sind {SCHREIBWEISEN}")
    jahr = int(m.group(1))
    if not 1900 <= jahr <= 2999:
        raise DatumFehler(f"Jahr {jahr} liegt außerhalb von 1900 bis 2999")
    if m.group(2) is None:
        return Zeitraum(date(jahr, 1, 1), date(jahr, 12, 31), f"{jahr:04d}")
    monat = int(m.group(2))
    if not 1 <= monat <= 12:
        raise DatumFehler(f"„{text}“: einen Monat {monat} gibt es nicht (1 bis 12)")
    letzter = calendar.monthrange(jahr, monat)[1]
    if m.group(3) is None:
        return Zeitraum(date(jahr, monat, 1), date(jahr, monat, letzter), f"{jahr:04d}-{monat:02d}")
    tag = int(m.group(3))
    if not 1 <= tag <= letzter:
        raise DatumFehler(f"„{text}“ gibt es nicht: der {_MONATE[monat - 1]} {jahr} hat {letzter} Tage")
    d = date(jahr, monat, tag)
    return Zeitraum(d, d, d.isoformat())


def tag(text: str) -> date:
    """Liest einen genauen Tag ``JJJJ-MM-TT`` (z. B. für ``--as-of``)."""
    if not _TAG.match(text.strip()):
        raise DatumFehler(f"„{text}“ ist kein Datum; bitte als JJJJ-MM-TT angeben, z. B. 2010-05-06")
    return _punkt(text.strip()).anfang


# Wie Menschen in Deutschland einen Tag schreiben: 06.05.2010 oder 6.5.2010
_DEUTSCHER_TAG = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$", re.ASCII)
_DEUTSCHER_TAG_IM_TEXT = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\d.])", re.ASCII)
EINGABE_BEISPIEL = "06.05.2010, 2010-05-06 oder „heute“"


def eingabe_tag(text: str, heute: date) -> date:
    """Ein Tag, wie ein Mensch ihn eintippt: ``06.05.2010``, ``6.5.2010``, ``2010-05-06``
    oder ``heute``. Die Datendateien bleiben bei JJJJ-MM-TT (:func:`tag`); nur wer am
    Terminal sitzt, soll nicht umdenken müssen."""
    t = text.strip()
    if t.lower() == "heute":
        return heute
    if m := _DEUTSCHER_TAG.match(t):
        tag_, monat, jahr = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if not 1 <= monat <= 12:
            raise DatumFehler(f"„{t}“: einen Monat {monat} gibt es nicht (1 bis 12)")
        if not 1900 <= jahr <= 2999:
            raise DatumFehler(f"Jahr {jahr} liegt außerhalb von 1900 bis 2999")
        letzter = calendar.monthrange(jahr, monat)[1]
        if not 1 <= tag_ <= letzter:
            raise DatumFehler(f"„{t}“ gibt es nicht: der {_MONATE[monat - 1]} {jahr} hat {letzter} Tage")
        return date(jahr, monat, tag_)
    if not _TAG.match(t):
        raise DatumFehler(f"„{text}“ ist kein Datum; bitte z. B. als {EINGABE_BEISPIEL} angeben")
    return _punkt(t).anfang


def iso_vorschlag(text: str) -> str | None:
    """Die Schreibweise der Datendateien für einen Wert mit deutschen Tagen – „24.08.2009“
    wird „2009-08-24“, „spätestens 6.5.2010“ wird „spätestens 2010-05-06“ –, wenn das eine
    gültige Zeitangabe ergibt; sonst None. Für den Hinweis „Meinten Sie …?“ von validate."""
    if not _DEUTSCHER_TAG_IM_TEXT.search(text):
        return None
    iso = _DEUTSCHER_TAG_IM_TEXT.sub(lambda m: f"{m[3]}-{int(m[2]):02d}-{int(m[1]):02d}", text.strip())
    try:
        return Zeitangabe.lies(iso).text
    except DatumFehler:
        return None


@dataclass(frozen=True, slots=True)
class Zeitangabe:
    """Was über den Zeitpunkt eines Ereignisses bekannt ist.

    ``frueh`` ist der früheste mögliche Tag (``None``: nach unten offen),
    ``spaet`` der späteste (``None``: nach oben offen, das Ereignis ist nie
    sicher eingetreten). ``text`` ist die kanonische Schreibweise.
    """

    frueh: date | None
    spaet: date | None
    text: str

    # --- Einlesen ---------------------------------------------------------
    @classmethod
    def lies(cls, wert: object) -> Zeitangabe:
        if isinstance(wert, Zeitangabe):
            return wert
        if type(wert) is int:  # YAML liest ein bloßes Jahr als Zahl
            wert = str(wert)
        if isinstance(wert, date):
            return cls(wert, wert, wert.isoformat())
        if not isinstance(wert, str):
            raise DatumFehler(
                f"Zeitangabe erwartet, aber {type(wert).__name__} gelesen; erlaubt sind {SCHREIBWEISEN}"
            )
        text = " ".join(wert.split())
        if m := _SPAETESTENS.match(text):
            z = _punkt(m.group(1))
            return cls(None, z.ende, f"spätestens {z.text}")
        if m := _FRUEHESTENS.match(text):
            z = _punkt(m.group(1))
            return cls(z.anfang, None, f"frühestens {z.text}")
        if m := _ZWISCHEN.match(text):
            a, b = _punkt(m.group(1)), _punkt(m.group(2))
            if a.anfang > b.ende:
                raise DatumFehler(f"„{text}“: der Anfang {a.text} liegt nach dem Ende {b.text}")
            return cls(a.anfang, b.ende, f"zwischen {a.text} und {b.text}")
        z = _punkt(text)
        return cls(z.anfang, z.ende, z.text)

    @classmethod
    def am(cls, d: date) -> Zeitangabe:
        return cls(d, d, d.isoformat())

    # --- Fragen -----------------------------------------------------------
    @property
    def genau(self) -> bool:
        return self.frueh is not None and self.frueh == self.spaet

    @property
    def ist_spanne(self) -> bool:
        """Wahr bei Grenzen (spätestens/frühestens/zwischen) statt Tag/Monat/Jahr."""
        return self.text.startswith(("spätestens", "frühestens", "zwischen"))

    def sicher_bis(self, d: date) -> bool:
        """Ist das Ereignis unter jeder Lesart an oder vor ``d`` eingetreten?"""
        return self.spaet is not None and self.spaet <= d

    def moeglich_bis(self, d: date) -> bool:
        """Kann das Ereignis an oder vor ``d`` eingetreten sein?"""
        return self.frueh is None or self.frueh <= d

    def sicher_nach(self, d: date) -> bool:
        """Liegt das Ereignis unter jeder Lesart nach ``d``?"""
        return self.frueh is not None and self.frueh > d

    def nicht_vor(self, beginn: date) -> Zeitangabe:
        """Dieselbe Angabe, frühestens am Tag ``beginn`` (dem Programmbeginn).

        Ein Vertrag kann nicht vor dem Programm unterzeichnet sein: „spätestens 2010-05-06“
        heißt dann „zwischen ``beginn`` und 2010-05-06“, „2008“ frühestens ab ``beginn``. Der
        Text bleibt, wie er in der Datei steht; nur die Grenze rückt. Liegt schon die späteste
        Möglichkeit vor ``beginn`` (ein Befund NZ303), bleibt die Angabe unverändert.
        """
        if (self.frueh is not None and self.frueh >= beginn) or (
            self.spaet is not None and self.spaet < beginn
        ):
            return self
        return Zeitangabe(beginn, self.spaet, self.text)

    def begrenzt_durch(self, beginn: date) -> bool:
        """Rückt :meth:`nicht_vor` die frühe Grenze dieser Angabe?"""
        return self.nicht_vor(beginn) is not self

    def grenzen(self) -> tuple[date, ...]:
        """Die Tage, an denen sich sicher/möglich-Aussagen ändern können."""
        out: list[date] = []
        if self.frueh is not None:
            out.append(self.frueh)
        if self.spaet is not None:
            out.append(self.spaet)
        return tuple(out)

    # --- Ausgeben ---------------------------------------------------------
    def __str__(self) -> str:
        return self.text

    def deutsch(self) -> str:
        """Für Menschen: „06.05.2010“, „Mai 2010“, „spätestens 06.05.2010“ …"""
        return _deutsch_text(self.text)

    def als_json(self) -> dict[str, str | None]:
        return {
            "text": self.text,
            "frueh": self.frueh.isoformat() if self.frueh else None,
            "spaet": self.spaet.isoformat() if self.spaet else None,
        }


def _deutsch_punkt(text: str, am: str = "", im: str = "", jahr: str = "") -> str:
    """„2010-05-06“ → „06.05.2010“, „2010-05“ → „Mai 2010“, „2010“ bleibt; mit Vorwörtern
    („am“, „im“, „im Jahr“) für den Satz, den :func:`vorlesen` bildet."""
    teile = text.split("-")
    if len(teile) == 3:
        return f"{am}{teile[2]}.{teile[1]}.{teile[0]}"
    if len(teile) == 2:
        return f"{im}{_MONATE[int(teile[1]) - 1]} {teile[0]}"
    return f"{jahr}{text}"


def _deutsch_text(text: str) -> str:
    return " ".join(_deutsch_punkt(w) if _PUNKT.match(w) else w for w in text.split(" "))


def jahre_vor(d: date, jahre: int) -> date:
    """Derselbe Kalendertag ``jahre`` Jahre früher; vom 29. Februar aus der 28."""
    try:
        return d.replace(year=d.year - jahre)
    except ValueError:  # 29. Februar in ein Jahr ohne diesen Tag
        return d.replace(year=d.year - jahre, day=28)


def deutsch_tag(d: date) -> str:
    return d.strftime("%d.%m.%Y")


# --- Ungenaue Angaben am Terminal ----------------------------------------------------------

# „11.2026“ (Monat.Jahr) als Wort im Text – nicht der Schluss eines ganzen Tags „06.11.2026“
_DEUTSCHER_MONAT_IM_TEXT = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{4})(?![\d.])", re.ASCII)
EINGABE_UNGENAU = "11.2026, 2009, „spätestens 06.05.2010“, „zwischen 03.2019 und 07.2019“"


def eingabe_zeitangabe(text: str, heute: date) -> Zeitangabe:
    """Was ein Mensch für ein Datum eintippt, genau oder ungenau: alle Schreibweisen der
    Datendateien (2010-05, 2009, „spätestens 2010-05-06“ …) und die deutschen dazu
    („11.2026“, „spätestens 06.05.2010“, „zwischen 03.2019 und 07.2019“), dazu „heute“."""
    t = " ".join(text.split())
    if t.lower() == "heute" or _DEUTSCHER_TAG.match(t) or _TAG.match(t):
        return Zeitangabe.am(eingabe_tag(t, heute))  # mit den Meldungen für genaue Tage
    iso = _DEUTSCHER_TAG_IM_TEXT.sub(lambda m: f"{m[3]}-{int(m[2]):02d}-{int(m[1]):02d}", t)
    iso = _DEUTSCHER_MONAT_IM_TEXT.sub(lambda m: f"{m[2]}-{int(m[1]):02d}", iso)
    try:
        return Zeitangabe.lies(iso)
    except DatumFehler as e:
        if "keine Zeitangabe" not in str(e):
            raise  # ein unmöglicher Monat, ein verkehrtes „zwischen“: die genaue Meldung
        raise DatumFehler(
            f"„{t}“ ist kein Datum; bitte z. B. als {EINGABE_BEISPIEL} angeben, ungenau als {EINGABE_UNGENAU}"
        ) from None


def _punkt_vorlesen(text: str) -> str:
    return _deutsch_punkt(text, "am ", "im ", "im Jahr ")


def vorlesen(z: Zeitangabe) -> str:
    """Wie netz eine Angabe liest, in einem Satzteil: „am 06.05.2010“, „irgendwann im November
    2026“, „spätestens am 06.05.2010“, „irgendwann zwischen März 2019 und Juli 2019“."""
    w = z.text.split(" ")
    if w[0] in ("spätestens", "frühestens"):
        return f"{w[0]} {_punkt_vorlesen(w[1])}"
    if w[0] == "zwischen":
        return f"irgendwann zwischen {_deutsch_punkt(w[1])} und {_deutsch_punkt(w[3])}"
    if z.genau:
        return _punkt_vorlesen(z.text)
    return f"irgendwann {_punkt_vorlesen(z.text)}"
