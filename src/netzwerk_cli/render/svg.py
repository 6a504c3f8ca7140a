"""SVG: Karte der 53 Regionen, Karten über die Zeit (kleine Vielfache) und Zeitreihen-Diagramm.
Reines Python.

Namen und Schlüssel kommen aus Daten (auch aus der GeoJSON-Datei): jeder Text und jeder
Attributwert geht durch ``escape`` (:func:`~.sicher.html_text`); Steuerzeichen machten das
SVG sonst als XML ungültig, Bidi-Zeichen verdrehten den Tooltip. Kennungen (``id``) bildet
netz selbst aus einem festen Präfix und einer laufenden Nummer, nie aus Daten.

Farben: Okabe–Ito-Blau und -Orange und ein helles Grau, dazu ein Muster je Stand (schraffiert
„ungewiss“, gepunktet „ohne“) – die drei Stände unterscheiden sich für jede Farbsehschwäche, in
der Helligkeit (Graustufendruck) und ohne Farbe (tests/render/test_svg.py prüft das mit einer
Simulation der Farbsehschwächen).

Beschriftung: jede Region bekommt einen Namen; sichtbar sind nach Vorgabe die ohne und die mit
ungewissem Netzwerk (``beschriftung="fehlend"``). Umschalten ohne Skript über CSS ``:target``:
die Links „alle“, „fehlende“, „keine“ unter der Karte zielen auf ineinander geschachtelte
Gruppen; das funktioniert in der SVG-Datei für sich wie eingebettet im HTML-Bericht, und
ohne Klick (und im Druck) gilt die Vorgabe.
"""

from __future__ import annotations

import itertools
import math
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from functools import cache
from typing import Any, NamedTuple

from ..kern.abdeckung import Abdeckung, Stand
from ..kern.datum import deutsch_tag
from ..kern.geo import ATTRIBUTION, Flaeche, Punkt
from ..kern.karten import Kartenstand, im_polygon, innenpunkt
from ..kern.zeitreihe import Periode
from .bausteine import kopfzeile
from .sicher import html_text as escape
from .sicher import xml_sicher

# Okabe & Ito (2008), „Color Universal Design“: Blau und Orange bleiben bei Rot-Grün- und
# Blau-Gelb-Schwäche unterscheidbar; „ohne“ ist fast weiß – die Lücke fällt auf, auch grau gedruckt.
FARBE = {Stand.MIT: "#0072b2", Stand.UNGEWISS: "#e69f00", Stand.OHNE: "#f0f0f0"}
# Farbe der Musterlinien und -punkte: dunkel genug, dass das Muster grau gedruckt sichtbar bleibt
MUSTERFARBE = {Stand.UNGEWISS: "#5c3d00", Stand.OHNE: "#3c3c3c"}
LEGENDE = {
    Stand.MIT: "Netzwerk (sicher)",
    Stand.UNGEWISS: "ungewiss (möglich, nicht sicher)",
    Stand.OHNE: "kein Netzwerk",
}
STAENDE = (Stand.MIT, Stand.UNGEWISS, Stand.OHNE)
ZIELFARBE = "#111"  # Ziellinie im Diagramm: gestrichelt schwarz, keine dritte Signalfarbe
BREITE = 640
RAND = 16
SCHRIFT = "'DejaVu Sans',Arial,sans-serif"

# Beschriftung: was ``beschriftung`` zeigt (die anderen Namen sind da, aber verborgen)
BESCHRIFTUNGEN = ("fehlend", "alle", "keine")
_SICHTBAR = {"alle": STAENDE, "fehlend": (Stand.UNGEWISS, Stand.OHNE), "keine": ()}
_SCHALTER = (("fehlend", "fehlende"), ("alle", "alle"), ("keine", "keine"))


def _zahl(x: float) -> str:
    return f"{x:.1f}".rstrip("0").rstrip(".")


def _umbrechen(text: str, breite: int) -> list[str]:
    zeilen: list[str] = []
    aktuell = ""
    for wort in text.split(" "):
        if aktuell and len(aktuell) + 1 + len(wort) > breite:
            zeilen.append(aktuell)
            aktuell = wort
        else:
            aktuell = f"{aktuell} {wort}" if aktuell else wort
    return [*zeilen, aktuell] if aktuell else zeilen


def _fuellung(stand: Stand, praefix: str) -> str:
    return FARBE[stand] if stand is Stand.MIT else f"url(#{praefix}-{stand.value})"


def _muster(praefix: str, fein: bool = False) -> str:
    """Schraffur für „ungewiss“, Punkte für „ohne“ – in Karte und Legende dieselben; ``fein`` für
    die kleinen Karten der Zeitreihe (das grobe Muster überdeckte dort kleine Städte)."""
    u, o = Stand.UNGEWISS, Stand.OHNE
    s, r, w = (3.5, 0.55, 1.0) if fein else (5.0, 0.9, 1.6)
    h = s * 1.2
    return (
        f'<pattern id="{praefix}-ungewiss" width="{_zahl(h)}" height="{_zahl(h)}" '
        'patternUnits="userSpaceOnUse" '
        f'patternTransform="rotate(45)"><rect width="{_zahl(h)}" height="{_zahl(h)}" fill="{FARBE[u]}"/>'
        f'<line x1="0" y1="0" x2="0" y2="{_zahl(h)}" stroke="{MUSTERFARBE[u]}" stroke-width="{_zahl(w)}"/>'
        f'</pattern><pattern id="{praefix}-ohne" width="{_zahl(s)}" height="{_zahl(s)}" '
        f'patternUnits="userSpaceOnUse"><rect width="{_zahl(s)}" height="{_zahl(s)}" fill="{FARBE[o]}"/>'
        f'<circle cx="{_zahl(s / 2)}" cy="{_zahl(s / 2)}" r="{_zahl(r)}" fill="{MUSTERFARBE[o]}"/></pattern>'
    )


class _Projektion:
    """Von den projizierten Grad der Grenzen in Bildpunkte: ``breite`` breit, ab (links, oben)."""

    def __init__(self, flaechen: Sequence[Flaeche], breite: float, links: float, oben: float) -> None:
        xs = [x for f in flaechen for x, _ in f.ring]
        ys = [y for f in flaechen for _, y in f.ring]
        self.x0, self.y1 = min(xs), max(ys)
        self.massstab = breite / (max(xs) - self.x0)
        self.hoehe = (self.y1 - min(ys)) * self.massstab
        self.links, self.oben = links, oben

    def __call__(self, pt: Punkt) -> Punkt:
        return self.links + (pt[0] - self.x0) * self.massstab, self.oben + (self.y1 - pt[1]) * self.massstab

    def pfad(self, ring: Sequence[Punkt]) -> str:
        return "M" + " L".join(f"{_zahl(x)},{_zahl(y)}" for x, y in map(self, ring[:-1])) + " Z"


def _bezirksgrenzen(flaechen: Sequence[Flaeche], ab: Abdeckung, proj: _Projektion) -> str:
    """Kanten, die nur eine Region des Bezirks hat (die Daten sind topologisch sauber,
    gemeinsame Kanten sind identisch)."""
    # mit den Gebieten späterer Regionen (Aachen vor dem 21.10.2009: Kreis und Stadt in einer Fläche)
    bezirk = {ags: s.region.regierungsbezirk for ags, s in ab.fuer_karte().items()}
    kanten: Counter[tuple[str, tuple[Punkt, Punkt]]] = Counter()
    for f in flaechen:
        for a, b in itertools.pairwise(f.ring):
            kanten[(bezirk.get(f.ags, "?"), (min(a, b), max(a, b)))] += 1

    def p(pt: Punkt) -> str:
        x, y = proj(pt)
        return f"{_zahl(x)},{_zahl(y)}"

    return " ".join(f"M{p(a)} L{p(b)}" for (_, (a, b)), n in sorted(kanten.items()) if n == 1)


def _tooltip(f: Flaeche, ab: Abdeckung) -> tuple[Stand, str]:
    s = ab.fuer_karte().get(f.ags)
    stand = s.stand if s else Stand.OHNE
    tip = f"{s.region.bezeichnung if s else f.name} ({f.ags}): {LEGENDE[stand]}"
    v = s.letzter_vertrag if s else None
    if v is not None:
        tip += f"; unterzeichnet {v.unterzeichnet.deutsch()}"
        if v.endet is not None:
            tip += f", Ende {v.endet.deutsch()}"
    return stand, tip


# --- Beschriftung ------------------------------------------------------------


class Kasten(NamedTuple):
    """Ein achsenparalleles Rechteck in Bildpunkten."""

    x: float
    y: float
    b: float
    h: float

    def schneidet(self, o: Kasten, luft: float = 0) -> bool:
        return not (
            self.x + self.b + luft <= o.x
            or o.x + o.b + luft <= self.x
            or self.y + self.h + luft <= o.y
            or o.y + o.h + luft <= self.y
        )

    def enthaelt(self, p: Punkt, luft: float = 0) -> bool:
        return (
            self.x - luft <= p[0] <= self.x + self.b + luft
            and self.y - luft <= p[1] <= self.y + self.h + luft
        )

    def naechster_punkt(self, p: Punkt) -> Punkt:
        return min(max(p[0], self.x), self.x + self.b), min(max(p[1], self.y), self.y + self.h)


def textbreite(text: str, groesse: float, fett: bool = False) -> float:
    """Breite in Bildpunkten, eher zu groß geschätzt (gemessen an DejaVu Sans, der breitesten
    der Schriften in ``SCHRIFT``): so überlappen die echten Namen nie, wenn die Schätzung es nicht tut."""
    em = 0.0
    for z in text:
        if z in "MWmw":
            em += 0.9
        elif z in "iljtfr.,'-I ":
            em += 0.42
        elif z.isupper():
            em += 0.76
        else:
            em += 0.63
    return em * groesse * (1.1 if fett else 1.0) * 1.05


ZEILENHOEHE = 1.2  # in em


def namenszeilen(name: str) -> list[str]:
    """Lange Namen in zwei Zeilen, am Bindestrich oder Leerzeichen nahe der Mitte."""
    if len(name) <= 13:
        return [name]
    stellen = [i + 1 for i, z in enumerate(name) if z == "-"] + [i for i, z in enumerate(name) if z == " "]
    if not stellen:
        return [name]
    i = min(stellen, key=lambda i: (abs(len(name) / 2 - i), i))
    return [name[:i].rstrip(), name[i:].lstrip()]


def kasten_um(zeilen: Sequence[str], groesse: float, fett: bool, mitte: Punkt) -> Kasten:
    b = max(textbreite(z, groesse, fett) for z in zeilen)
    h = len(zeilen) * groesse * ZEILENHOEHE
    return Kasten(mitte[0] - b / 2, mitte[1] - h / 2, b, h)


class _Name(NamedTuple):
    index: int  # type: ignore[assignment]  # das Feld verdeckt tuple.index; netz ruft die Methode nie
    stand: Stand
    zeilen: list[str]
    groesse: float
    fett: bool
    anker: Punkt  # Innenpunkt der Fläche in Bildpunkten
    innenradius: float  # Abstand des Ankers zum Rand der Fläche, in Bildpunkten
    ring: list[Punkt]  # die Fläche in Bildpunkten
    huelle: Kasten  # das umgebende Rechteck der Fläche


def _passt_hinein(k: Kasten, ring: Sequence[Punkt]) -> bool:
    ecken = [(k.x, k.y), (k.x + k.b, k.y), (k.x, k.y + k.h), (k.x + k.b, k.y + k.h)]
    return all(im_polygon(e, ring) for e in ecken) and not any(k.enthaelt(p) for p in ring)


def _huelle(ring: Sequence[Punkt]) -> Kasten:
    xs = [x for x, _ in ring]
    ys = [y for _, y in ring]
    return Kasten(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))


def _ueberdeckt(k: Kasten, ring: Sequence[Punkt], huelle: Kasten) -> bool:
    """Liegt der Kasten (teilweise) auf der Fläche? Ecken, Mitte und Randpunkte genügen hier;
    erst das umgebende Rechteck (``huelle``), weil fast jeder Kasten weit weg liegt."""
    if not k.schneidet(huelle):
        return False
    proben = [(k.x, k.y), (k.x + k.b, k.y), (k.x, k.y + k.h), (k.x + k.b, k.y + k.h)]
    proben.append((k.x + k.b / 2, k.y + k.h / 2))
    return any(im_polygon(p, ring) for p in proben) or any(k.enthaelt(p) for p in ring)


def _quer_ueber(linie: tuple[Punkt, Punkt], n: _Name) -> bool:
    """Läuft die Führungslinie über die Fläche ``n``? (Abgetastet alle 3 Bildpunkte.)"""
    (ax, ay), (bx, by) = linie
    if not _strecke_schneidet((ax, ay), (bx, by), n.huelle):
        return False
    schritte = max(2, int(math.dist((ax, ay), (bx, by)) / 3))
    return any(
        im_polygon((ax + (bx - ax) * i / schritte, ay + (by - ay) * i / schritte), n.ring)
        for i in range(1, schritte)
    )


def _kreuzen(a: tuple[Punkt, Punkt], b: tuple[Punkt, Punkt]) -> bool:
    """Kreuzen sich zwei Strecken (echte Kreuzung, nicht Berührung)?"""

    def seite(p: Punkt, q: Punkt, r: Punkt) -> float:
        return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])

    (p1, p2), (q1, q2) = a, b
    return seite(p1, p2, q1) * seite(p1, p2, q2) < 0 and seite(q1, q2, p1) * seite(q1, q2, p2) < 0


def _strecke_schneidet(a: Punkt, b: Punkt, k: Kasten) -> bool:
    """Schneidet die Strecke a–b den Kasten? (Liang–Barsky: die Strecke am Kasten beschneiden.)"""
    t0, t1 = 0.0, 1.0
    dx, dy = b[0] - a[0], b[1] - a[1]
    for p, q in ((-dx, a[0] - k.x), (dx, k.x + k.b - a[0]), (-dy, a[1] - k.y), (dy, k.y + k.h - a[1])):
        if p == 0:
            if q < 0:
                return False
            continue
        t = q / p
        if p < 0:
            t0 = max(t0, t)
        else:
            t1 = min(t1, t)
        if t0 > t1:
            return False
    return True


# acht Richtungen, rechts zuerst (Lesrichtung), dann links, dann die Diagonalen, oben, unten
_RICHTUNGEN = ((1, 0), (-1, 0), (1, -1), (-1, -1), (1, 1), (-1, 1), (0, -1), (0, 1))


class Beschriftung(NamedTuple):
    index: int  # type: ignore[assignment]  # das Feld verdeckt tuple.index; netz ruft die Methode nie
    stand: Stand
    zeilen: list[str]
    groesse: float
    fett: bool
    kasten: Kasten
    fuehrung: tuple[Punkt, Punkt] | None  # Führungslinie vom Anker zum Kasten, wenn außerhalb


Pruefung = Callable[[Kasten, "tuple[Punkt, Punkt] | None"], bool]


def _lege_namen(namen: Sequence[_Name], rahmen: Kasten) -> list[Beschriftung]:
    """Jeder Name an seinen Platz, ohne einen anderen zu überdecken – in fester Reihenfolge
    (erst die fehlenden, dann die übrigen; je Gruppe erst, wer in seine Fläche passt), also
    deterministisch: in die Fläche nahe dem Innenpunkt, sonst daneben mit Führungslinie – erst
    nah und ohne Kreuzungen, dann weiter weg, zuletzt irgendwo im Rahmen, wo Platz ist."""
    gelegt: list[Beschriftung] = []
    fuehrungen: list[tuple[Punkt, Punkt]] = []
    wichtige = [n for n in namen if n.stand is not Stand.MIT]

    def frei(n: _Name, k: Kasten, linie: tuple[Punkt, Punkt] | None, stufe: int) -> bool:
        """Stufe 2: alle Regeln; 1: Kreuzungen und fremde Anker erlaubt; 0: nur keine
        Überlappung (auch nicht durch Führungslinien) und keine Namen auf fehlenden Flächen."""
        if not (rahmen.x <= k.x and k.x + k.b <= rahmen.x + rahmen.b):
            return False
        if not (rahmen.y <= k.y and k.y + k.h <= rahmen.y + rahmen.h):
            return False
        if any(k.schneidet(g.kasten, 3) for g in gelegt):
            return False
        # die Namen aller Regionen bleiben von den Flächen ohne und mit ungewissem Netzwerk weg
        if n.stand is Stand.MIT and any(_ueberdeckt(k, w.ring, w.huelle) for w in wichtige):
            return False
        if stufe == 0:
            return True
        if any(_strecke_schneidet(a, b, k) for a, b in fuehrungen):
            return False
        if linie is not None and any(_strecke_schneidet(*linie, g.kasten) for g in gelegt):
            return False
        if stufe == 1:
            return True
        # wenn es geht: keine Führungslinie eines anderen Namens quer über eine fehlende Fläche
        if n.stand is Stand.MIT and linie is not None and any(_quer_ueber(linie, w) for w in wichtige):
            return False
        # keine gekreuzten Führungslinien, kein fremder Anker unter dem Kasten, die fehlenden
        # auch nicht auf einer anderen fehlenden Fläche
        if linie is not None and any(_kreuzen(linie, f) for f in fuehrungen):
            return False
        if n.stand is not Stand.MIT and any(
            w is not n and _ueberdeckt(k, w.ring, w.huelle) for w in wichtige
        ):
            return False
        return not any(m is not n and k.enthaelt(m.anker, 3) for m in namen)

    gruppen = [
        [n for n in namen if n.stand is not Stand.MIT],
        [n for n in namen if n.stand is Stand.MIT],
    ]
    for gruppe in gruppen:
        offen = []
        for n in gruppe:
            k = _drinnen(n, lambda k, linie, n=n: frei(n, k, linie, 2))  # type: ignore[misc]  # n=n: Typ des Vorgabewerts unbekannt
            if k is not None:
                gelegt.append(Beschriftung(n.index, n.stand, n.zeilen, n.groesse, n.fett, k, None))
            else:
                offen.append(n)
        # die kleinsten Flächen zuerst: sie brauchen den Platz in ihrer Nähe am meisten
        for n in sorted(offen, key=lambda n: (n.innenradius, n.index)):
            g = (
                _daneben(n, lambda k, linie, n=n: frei(n, k, linie, 2), 60)  # type: ignore[misc]  # n=n: Typ des Vorgabewerts unbekannt
                or _daneben(n, lambda k, linie, n=n: frei(n, k, linie, 1), 150)  # type: ignore[misc]  # n=n: Typ des Vorgabewerts unbekannt
                or _irgendwo(n, rahmen, lambda k, linie, n=n: frei(n, k, linie, 0))  # type: ignore[misc]  # n=n: Typ des Vorgabewerts unbekannt
            )
            gelegt.append(g)
            if g.fuehrung is not None:
                fuehrungen.append(g.fuehrung)
    return sorted(gelegt, key=lambda g: g.index)


def _drinnen(n: _Name, frei: Pruefung) -> Kasten | None:
    """Ein Platz ganz in der eigenen Fläche: am Innenpunkt oder nahe dabei (in Schritten von
    3 Bildpunkten, die nächsten zuerst)."""
    k0 = kasten_um(n.zeilen, n.groesse, n.fett, n.anker)
    h = n.huelle
    versaetze = sorted(
        ((dx * 3, dy * 3) for dx in range(-10, 11) for dy in range(-6, 7)),
        key=lambda v: (v[0] ** 2 + v[1] ** 2, v),
    )
    for dx, dy in versaetze:
        k = k0._replace(x=k0.x + dx, y=k0.y + dy)
        if k.x < h.x or k.x + k.b > h.x + h.b or k.y < h.y or k.y + k.h > h.y + h.h:
            continue
        if _passt_hinein(k, n.ring) and frei(k, None):
            return k
    return None


def _daneben(n: _Name, frei: Pruefung, reichweite: float) -> Beschriftung | None:
    """Ein Platz neben dem Anker, mit Führungslinie: in acht Richtungen, nahe zuerst."""
    k0 = kasten_um(n.zeilen, n.groesse, n.fett, (0, 0))
    ax, ay = n.anker
    d = min(n.innenradius, 6) + 4
    while d <= reichweite:
        for dx, dy in _RICHTUNGEN:
            # der Kasten liegt mit seiner nächsten Kante (oder Ecke) im Abstand d vom Anker
            mx = ax + dx * (d + k0.b / 2) if dx else ax
            my = ay + dy * (d + k0.h / 2) if dy else ay
            if dx and dy:
                mx, my = ax + dx * (d * 0.7 + k0.b / 2), ay + dy * (d * 0.7 + k0.h / 2)
            k = Kasten(mx - k0.b / 2, my - k0.h / 2, k0.b, k0.h)
            linie = (n.anker, k.naechster_punkt(n.anker))
            if frei(k, linie):
                return Beschriftung(n.index, n.stand, n.zeilen, n.groesse, n.fett, k, linie)
        d += 5
    return None


@cache
def _versaetze_nach_abstand(schritt: int, breite: int, hoehe: int) -> tuple[tuple[int, int], ...]:
    """Alle Versätze eines Rasters, der nächste zuerst – einmal sortiert für jeden Namen."""
    return tuple(
        sorted(
            (
                (dx, dy)
                for dx in range(-breite, breite + 1, schritt)
                for dy in range(-hoehe, hoehe + 1, schritt)
            ),
            key=lambda v: (v[0] ** 2 + v[1] ** 2, v),
        )
    )


def _irgendwo(n: _Name, rahmen: Kasten, frei: Pruefung) -> Beschriftung:
    """Der nächste freie Platz im ganzen Rahmen (Raster von 5 Bildpunkten) – damit kein Name
    einen anderen überdeckt, auch wenn die Nähe voll ist; ganz ohne Platz: am Anker."""
    k0 = kasten_um(n.zeilen, n.groesse, n.fett, n.anker)
    for dx, dy in _versaetze_nach_abstand(5, int(rahmen.b), int(rahmen.h)):
        k = k0._replace(x=k0.x + dx, y=k0.y + dy)
        if (
            k.x < rahmen.x
            or k.y < rahmen.y
            or k.x + k.b > rahmen.x + rahmen.b
            or k.y + k.h > rahmen.y + rahmen.h
        ):
            continue
        linie = (n.anker, k.naechster_punkt(n.anker))
        if frei(k, linie):
            return Beschriftung(n.index, n.stand, n.zeilen, n.groesse, n.fett, k, linie)
    return Beschriftung(n.index, n.stand, n.zeilen, n.groesse, n.fett, k0, None)


def _namen_svg(gelegt: Sequence[Beschriftung]) -> str:
    teile = []
    for g in gelegt:
        mitte = g.kasten.x + g.kasten.b / 2
        linie = ""
        if g.fuehrung is not None:
            (x1, y1), (x2, y2) = g.fuehrung
            linie = (
                f'<line x1="{_zahl(x1)}" y1="{_zahl(y1)}" x2="{_zahl(x2)}" y2="{_zahl(y2)}" '
                'class="fuehrung"/>'
                f'<circle cx="{_zahl(x1)}" cy="{_zahl(y1)}" r="1.6" class="anker"/>'
            )
        zeilen = "".join(
            f'<tspan x="{_zahl(mitte)}" y="{_zahl(g.kasten.y + g.groesse * (0.95 + ZEILENHOEHE * i))}">'
            f"{escape(z)}</tspan>"
            for i, z in enumerate(g.zeilen)
        )
        teile.append(
            f'<g class="name {g.stand.value}">{linie}<text font-size="{_zahl(g.groesse)}" '
            f'text-anchor="middle"{" font-weight=" + chr(34) + "bold" + chr(34) if g.fett else ""}>'
            f"{zeilen}</text></g>"
        )
    return "".join(teile)


def _namen_css(praefix: str, beschriftung: str) -> str:
    """Sichtbarkeit der Namen: die Vorgabe, dann je Ziel (``:target``) ihre Umschaltung.
    Jede Regel nennt Stand-Klassen ausdrücklich, damit allein die Reihenfolge und ``:target``
    entscheiden, nicht zufällige Spezifität."""

    def regel(vor: str, staende: Sequence[Stand], wert: str) -> str:
        return ",".join(f"{vor} .name.{s.value}" for s in staende) + "{display:" + wert + "}"

    p = f"#{praefix}"
    css = [regel(p, STAENDE, "none")]
    if _SICHTBAR[beschriftung]:
        css.append(regel(p, _SICHTBAR[beschriftung], "inline"))
    css.append(f"{p} .schalter-{beschriftung}{{font-weight:bold;text-decoration:none}}")
    for modus, _ in _SCHALTER:
        ziel = f"#{praefix}-namen-{modus}:target"
        css.append(regel(ziel, STAENDE, "none"))
        if _SICHTBAR[modus]:
            css.append(regel(ziel, _SICHTBAR[modus], "inline"))
        css.append(f"{ziel} .schalter a{{font-weight:normal;text-decoration:underline}}")
        css.append(f"{ziel} .schalter-{modus}{{font-weight:bold;text-decoration:none}}")
    return "".join(css)


def kartenname(r: Any) -> str:
    """Der Name auf der Karte in der Schreibweise des Ministeriums (``bezeichnung`` der
    Regionsdatei): „StädteRegion Aachen“, nicht Destatis' „Städteregion Aachen“ aus ``name`` –
    sonst stünden in Karte und Liste zwei Schreibweisen. Ohne Zusatz („Kreis“), wo die
    Bezeichnung nur einen vor den Namen setzt."""
    name, bezeichnung = r.name, r.bezeichnung
    if bezeichnung.casefold().endswith(name.casefold()):
        return str(bezeichnung[len(bezeichnung) - len(name) :])
    return str(name)


def _beschriftungen(
    flaechen: Sequence[Flaeche], ab: Abdeckung, proj: _Projektion, rahmen: Kasten
) -> list[Beschriftung]:
    staende = ab.fuer_karte()  # mit den Gebieten späterer Regionen (Vorgänger zusammengefasst)
    # viele fehlende (wie 2008): kleinere Schrift, sonst fände nicht jeder Name Platz
    viele = sum(s.stand is not Stand.MIT for s in staende.values())
    namen = []
    for i, f in enumerate(flaechen):
        s = staende.get(f.ags)
        stand = s.stand if s else Stand.OHNE
        wichtig = stand is not Stand.MIT
        (ax, ay), r = innenpunkt(f.ring)
        ring = [proj(p) for p in f.ring]
        groesse = (11.0 if viele <= 12 else 9.0 if viele <= 25 else 8.5) if wichtig else 8.5
        namen.append(
            _Name(
                i,
                stand,
                namenszeilen(kartenname(s.region) if s else f.name),
                groesse,
                wichtig,
                proj((ax, ay)),
                r * proj.massstab,
                ring,
                _huelle(ring),
            )
        )
    return _lege_namen(namen, rahmen)


# --- die Karte ---------------------------------------------------------------


def karte(
    flaechen: Sequence[Flaeche],
    ab: Abdeckung,
    titel: str,
    eigenstaendig: bool = True,
    beschriftung: str = "fehlend",
    praefix: str = "k",
    link: Callable[[str], str | None] | None = None,
) -> str:
    """Eine Choroplethenkarte: ein ``<path data-ags>`` je Region, Bezirke umrandet, Namen,
    Legende, Quelle. ``praefix`` macht die Kennungen eindeutig, wenn mehrere Bilder in einer
    HTML-Seite stehen. ``link(ags)``: Ziel eines Links um die Fläche der Region (die Website
    verlinkt jede Region mit ihrer Seite); None oder ohne Ergebnis: kein Link."""
    if beschriftung not in BESCHRIFTUNGEN:
        raise ValueError(beschriftung)
    flaechen = sorted(flaechen, key=lambda f: f.ags)
    oben = 64  # Platz für den Titel
    proj = _Projektion(flaechen, BREITE - 2 * RAND, RAND, oben)
    kartenhoehe = proj.hoehe
    teile: list[str] = []
    for f in flaechen:
        stand, tip = _tooltip(f, ab)
        flaeche = (
            f'<path class="region {stand.value}" data-ags="{escape(f.ags)}" data-stand="{stand.value}" '
            f'fill="{_fuellung(stand, praefix)}" d="{proj.pfad(f.ring)}"><title>{escape(tip)}</title></path>'
        )
        ziel = link(f.ags) if link is not None else None
        teile.append(f'<a href="{escape(ziel)}">{flaeche}</a>' if ziel else flaeche)
    rahmen = Kasten(2, oben - 10, BREITE - 4, kartenhoehe + 14)
    namen = _namen_svg(_beschriftungen(flaechen, ab, proj, rahmen))
    unten = oben + kartenhoehe + 18
    # Gebiete späterer Regionen (z. B. Aachen vor dem 21.10.2009): eine Fläche, zwei Regionen
    hinweise = [z for h in ab.kartenhinweise for z in _umbrechen(h, 48)][:3]
    hoehe = unten + 102 + 13 * len(hinweise)
    legende = _legende(ab, praefix, RAND, unten)
    # rechte Spalte der Legende: Bezirksgrenze und der Schalter der Namen
    mitte = BREITE / 2
    legende += (
        f'<line x1="{mitte}" y1="{_zahl(unten + 7)}" x2="{mitte + 14}" y2="{_zahl(unten + 7)}" '
        f'stroke="#111" stroke-width="2"/>'
        f'<text x="{mitte + 20}" y="{_zahl(unten + 11)}" class="klein">Regierungsbezirk</text>'
    )
    if not eigenstaendig:
        # der Schalter nur in HTML: in einer SVG-Datei, die auf eine Folie wandert, wäre er
        # Text, der zu nichts führt
        legende += (
            f'<text x="{mitte}" y="{_zahl(unten + 31)}" class="klein schalter">Namen: '
            + " · ".join(
                f'<a href="#{praefix}-namen-{modus}" class="schalter-{modus}">{text}</a>'
                for modus, text in _SCHALTER
            )
            + "</text>"
        )
    legende += "".join(
        f'<text x="{mitte}" y="{_zahl(unten + 49 + i * 13)}" class="klein">{escape(z)}</text>'
        for i, z in enumerate(hinweise)
    )
    quelle_y = unten + 68 + 13 * len(hinweise)
    quelle = "".join(
        f'<text x="{RAND}" y="{_zahl(quelle_y + i * 12)}" class="quelle">{escape(z)}</text>'
        for i, z in enumerate(_umbrechen(ATTRIBUTION, 118))
    )
    p = f"#{praefix}"
    stil = (
        f"{p} text{{font-family:{SCHRIFT};fill:#111}}"
        f"{p} .titel{{font-size:16px;font-weight:bold}}{p} .klein{{font-size:12px}}"
        f"{p} .quelle{{font-size:8.5px;fill:#444}}"
        f"{p} .region{{stroke:#fff;stroke-width:0.6}}{p} .region:hover{{opacity:.8}}"
        f"{p} .name text{{stroke:#fff;stroke-width:3px;stroke-linejoin:round;paint-order:stroke}}"
        f"{p} .fuehrung{{stroke:#111;stroke-width:0.9}}{p} .anker{{fill:#111}}"
        f"{p} .schalter a{{fill:#0b4f8a;text-decoration:underline;cursor:pointer}}"
        f"@media print{{{p} .schalter{{display:none}}}}" + _namen_css(praefix, beschriftung)
    )
    # Mit Links (Schalter, Regionsseiten) ist die Karte kein Bild: role="img" machte die Links
    # darin unzugänglich (axe-core: nested-interactive); als Gruppe bleibt jeder Link erreichbar.
    # Als Datei skaliert sie (viewBox, keine feste Breite): bei 390 px war sie sonst abgeschnitten.
    rolle = "img" if eigenstaendig and link is None else "group"
    groesse = "" if eigenstaendig else f'width="{BREITE}" height="{_zahl(hoehe)}" '
    kopf = (
        f'<svg xmlns="http://www.w3.org/2000/svg" id="{praefix}" viewBox="0 0 {BREITE} {_zahl(hoehe)}" '
        f'{groesse}role="{rolle}" aria-label="{escape(titel)}">'
    )
    # die drei Ziele des Schalters, ineinander: jedes umfasst die ganze Karte
    ziele = "".join(f'<g id="{praefix}-namen-{modus}">' for modus, _ in _SCHALTER)
    return xml_sicher(  # zweite Wand hinter escape: nie ungültiges XML
        ('<?xml version="1.0" encoding="UTF-8"?>\n' if eigenstaendig else "")
        + kopf
        + f"<defs>{_muster(praefix)}</defs><style>{stil}</style>"
        + ziele
        + '<rect width="100%" height="100%" fill="#fff"/>'
        f'<text x="{RAND}" y="24" class="titel">{escape(titel)}</text>'
        f'<text x="{RAND}" y="44" class="klein">{escape(kopfzeile(ab.gesamt))}</text>'
        f'<g class="regionen">{"".join(teile)}</g>'
        f'<path class="bezirke" d="{_bezirksgrenzen(flaechen, ab, proj)}" fill="none" stroke="#111" '
        'stroke-width="1.6" stroke-linecap="round"/>'
        f'<g class="namen">{namen}</g>'
        f"{legende}{quelle}" + "</g>" * len(_SCHALTER) + "</svg>\n"
    )


def _legende(ab: Abdeckung | None, praefix: str, x: float, y: float, groesse: int = 12) -> str:
    """Die drei Stände mit Farbe und Muster – mit Anzahl, wenn es eine Abdeckung gibt."""
    teile = []
    for i, st in enumerate(STAENDE):
        zy = y + i * (groesse + 8)
        anzahl = f": {len(ab.mit(st))}" if ab is not None else ""
        teile.append(
            f'<rect x="{_zahl(x)}" y="{_zahl(zy)}" width="14" height="14" fill="{_fuellung(st, praefix)}" '
            f'stroke="#333" stroke-width="0.5"/><text x="{_zahl(x + 20)}" y="{_zahl(zy + 11)}" '
            f'font-size="{groesse}">{escape(LEGENDE[st])}{anzahl}</text>'
        )
    return "".join(teile)


# --- Karten über die Zeit ----------------------------------------------------


def bildtitel(k: Kartenstand, heute: date) -> str:
    """Überschrift eines Bildes: „Ende 2010“ für ein abgeschlossenes Jahr, sonst „2026 bis heute“
    (oder „2012 bis 30.06.“ mit --as-of) – ein laufendes Jahr hat noch kein Jahresende."""
    if k.abgeschlossen:
        return f"Ende {k.jahr}"
    if k.stichtag == heute:
        return f"{k.jahr} bis heute"
    return f"{k.jahr} bis {k.stichtag.day:02d}.{k.stichtag.month:02d}."


def _untertitel(staende: Sequence[Kartenstand], heute: date) -> str:
    """Was ein Bild zeigt: den Stand am 31.12., im laufenden Jahr bis heute (mit Datum, weil
    gedrucktes Papier kein Heute kennt)."""
    offen = [k for k in staende if not k.abgeschlossen]
    if not offen:
        return "Stand je Bild am Jahresende (31.12.)"
    tag = offen[-1].stichtag
    bis = f"bis heute ({deutsch_tag(tag)})" if tag == heute else f"bis {deutsch_tag(tag)}"
    return f"Stand je Bild am Jahresende (31.12.), im laufenden Jahr {bis}"


def karten_zeitreihe(
    flaechen: Sequence[Flaeche],
    staende: Sequence[Kartenstand],
    titel: str,
    heute: date,
    eigenstaendig: bool = True,
    praefix: str = "kz",
) -> str:
    """Kleine Vielfache: je Jahr eine kleine Karte mit Überschrift und Zahl, eine Legende für
    alle (im freien Feld des Rasters oder darunter), Quelle. Ohne Namen: bei 145 Bildpunkten
    Breite hätten sie keinen Platz; der Tooltip nennt Region und Stand."""
    flaechen = sorted(flaechen, key=lambda f: f.ags)
    spalten = 4 if len(staende) > 3 else max(len(staende), 1)
    luecke = 10
    zelle_b = (BREITE - 2 * RAND - (spalten - 1) * luecke) / spalten
    kopf_h = 44  # Überschrift und zwei Zeilen Zahl über jedem Bild
    proj = _Projektion(flaechen, zelle_b, 0, 0)
    zelle_h = kopf_h + proj.hoehe + 12
    oben = 70
    zeilen = max(1, math.ceil(len(staende) / spalten))
    legende_h = 112
    legende_im_raster = zeilen * spalten > len(staende)
    raster_unten = oben + zeilen * zelle_h
    quelle_y = raster_unten + (0 if legende_im_raster else legende_h) + 8
    hoehe = quelle_y + 30
    # jede Fläche einmal, jedes Bild verwendet sie (<use>) – die Datei bleibt klein
    defs = [f'<path id="{praefix}-f{i}" d="{proj.pfad(f.ring)}"/>' for i, f in enumerate(flaechen)]
    if staende:
        defs.append(
            f'<path id="{praefix}-bezirke" d="{_bezirksgrenzen(flaechen, staende[-1].abdeckung, proj)}"/>'
        )
    bilder = []
    for n, k in enumerate(staende):
        x = RAND + (n % spalten) * (zelle_b + luecke)
        y = oben + (n // spalten) * zelle_h
        ueberschrift = bildtitel(k, heute)
        g = k.abdeckung.gesamt
        zahlen = [f"{g.sicher} von {g.gesamt} sicher"]
        if not g.eindeutig:
            zahlen.append(f"bis zu {g.moeglich} möglich")
        regionen = []
        for i, f in enumerate(flaechen):
            stand, tip = _tooltip(f, k.abdeckung)
            regionen.append(
                f'<use href="#{praefix}-f{i}" class="region {stand.value}" '
                f'fill="{_fuellung(stand, praefix)}">'
                f"<title>{escape(ueberschrift)} – {escape(tip)}</title></use>"
            )
        bilder.append(
            f'<g class="bild" data-jahr="{k.jahr}" data-stichtag="{k.stichtag.isoformat()}">'
            f'<text x="{_zahl(x)}" y="{_zahl(y + 13)}" class="jahr">{escape(ueberschrift)}</text>'
            + "".join(
                f'<text x="{_zahl(x)}" y="{_zahl(y + 27 + 12 * i)}" class="zahl">{escape(z)}</text>'
                for i, z in enumerate(zahlen)
            )
            + f'<g transform="translate({_zahl(x)},{_zahl(y + kopf_h)})">{"".join(regionen)}'
            f'<use href="#{praefix}-bezirke" class="bezirke"/></g></g>'
        )
    if legende_im_raster:
        lx = RAND + (len(staende) % spalten) * (zelle_b + luecke)
        ly = oben + (zeilen - 1) * zelle_h + kopf_h
    else:
        lx, ly = RAND, raster_unten
    kurz = {Stand.MIT: "Netzwerk (sicher)", Stand.UNGEWISS: "ungewiss (möglich,", Stand.OHNE: "kein Netzwerk"}
    legende = []
    for i, st in enumerate(STAENDE):
        zy = ly + i * 22 + (6 if st is Stand.OHNE else 0)
        legende.append(
            f'<rect x="{_zahl(lx)}" y="{_zahl(zy)}" width="14" height="14" fill="{_fuellung(st, praefix)}" '
            f'stroke="#333" stroke-width="0.5"/>'
            f'<text x="{_zahl(lx + 20)}" y="{_zahl(zy + 11)}" class="zahl">{escape(kurz[st])}</text>'
        )
    legende.append(
        f'<text x="{_zahl(lx + 20)}" y="{_zahl(ly + 22 + 23)}" class="zahl">nicht sicher)</text>'
        f'<line x1="{_zahl(lx)}" y1="{_zahl(ly + 79)}" x2="{_zahl(lx + 14)}" y2="{_zahl(ly + 79)}" '
        f'stroke="#111" stroke-width="1.6"/><text x="{_zahl(lx + 20)}" y="{_zahl(ly + 83)}" class="zahl">'
        "Regierungsbezirk</text>"
    )
    quelle = "".join(
        f'<text x="{RAND}" y="{_zahl(quelle_y + i * 12)}" class="quelle">{escape(z)}</text>'
        for i, z in enumerate(_umbrechen(ATTRIBUTION, 118))
    )
    p = f"#{praefix}"
    stil = (
        f"{p} text{{font-family:{SCHRIFT};fill:#111}}{p} .titel{{font-size:16px;font-weight:bold}}"
        f"{p} .jahr{{font-size:13px;font-weight:bold}}{p} .zahl{{font-size:10.5px}}"
        f"{p} .unter{{font-size:12px}}"
        f"{p} .quelle{{font-size:8.5px;fill:#444}}"
        f"{p} .region{{stroke:#fff;stroke-width:0.35}}{p} .bezirke{{fill:none;stroke:#111;stroke-width:0.8}}"
    )
    return xml_sicher(  # zweite Wand hinter escape: nie ungültiges XML
        ('<?xml version="1.0" encoding="UTF-8"?>\n' if eigenstaendig else "")
        + f'<svg xmlns="http://www.w3.org/2000/svg" id="{praefix}" viewBox="0 0 {BREITE} {_zahl(hoehe)}" '
        f'width="{BREITE}" height="{_zahl(hoehe)}" role="img" aria-label="{escape(titel)}">'
        f"<defs>{_muster(praefix, fein=True)}{''.join(defs)}</defs><style>{stil}</style>"
        '<rect width="100%" height="100%" fill="#fff"/>'
        f'<text x="{RAND}" y="24" class="titel">{escape(titel)}</text>'
        f'<text x="{RAND}" y="44" class="unter">{escape(_untertitel(staende, heute))}</text>'
        + "".join(bilder)
        + "".join(legende)
        + quelle
        + "</svg>\n"
    )


# --- Zeitreihe ---------------------------------------------------------------


def zeitreihe(perioden: Sequence[Periode], gesamt: int, ziel: int | None, titel: str) -> str:
    """Säulen je Periode: sicher (voll) und nur möglich (schraffiert), Ziellinie."""
    breite, hoehe = 640, 300
    links, unten, oben = 36, 40, 30
    n = max(len(perioden), 1)
    schritt = (breite - links - 10) / n
    skala = (hoehe - unten - oben) / max(gesamt, 1)
    teile = []
    for i, per in enumerate(perioden):
        x = links + i * schritt + schritt * 0.15
        w = schritt * 0.7
        hs = per.zaehlung.sicher * skala
        hm = (per.zaehlung.moeglich - per.zaehlung.sicher) * skala
        y_s = hoehe - unten - hs
        tip = f"{per.name}: {per.zaehlung.sicher} sicher" + (
            f", bis zu {per.zaehlung.moeglich} möglich" if hm else ""
        )
        teile.append(
            f'<g class="periode" data-periode="{escape(per.name)}"><title>{escape(tip)}</title>'
            f'<rect x="{_zahl(x)}" y="{_zahl(y_s)}" width="{_zahl(w)}" height="{_zahl(hs)}" '
            f'fill="{FARBE[Stand.MIT]}"/>'
            + (
                f'<rect x="{_zahl(x)}" y="{_zahl(y_s - hm)}" width="{_zahl(w)}" height="{_zahl(hm)}" '
                'fill="url(#zr-ungewiss)"/>'
                if hm
                else ""
            )
            + "</g>"
        )
        if n <= 24 or i % max(1, n // 12) == 0:
            teile.append(
                f'<text x="{_zahl(x + w / 2)}" y="{hoehe - unten + 14}" class="achse" '
                f'text-anchor="middle">{escape(per.name)}</text>'
            )
    achse = []
    for wert in range(0, gesamt + 1, 10):
        y = hoehe - unten - wert * skala
        achse.append(
            f'<line x1="{links}" y1="{_zahl(y)}" x2="{breite - 10}" y2="{_zahl(y)}" stroke="#ddd"/>'
            f'<text x="{links - 4}" y="{_zahl(y + 4)}" class="achse" text-anchor="end">{wert}</text>'
        )
    if ziel is not None:
        y = hoehe - unten - ziel * skala
        achse.append(
            f'<line x1="{links}" y1="{_zahl(y)}" x2="{breite - 10}" y2="{_zahl(y)}" stroke="{ZIELFARBE}" '
            f'stroke-dasharray="4 3"/><text x="{breite - 12}" y="{_zahl(y - 4)}" class="achse" '
            f'text-anchor="end" fill="{ZIELFARBE}">Ziel {ziel}</text>'
        )
    u = Stand.UNGEWISS
    # die Legende im Bild: das Diagramm steht auch allein (timeline --svg) und grau gedruckt
    ly = hoehe - 4
    legende = (
        f'<rect x="{links}" y="{ly}" width="14" height="12" fill="{FARBE[Stand.MIT]}"/>'
        f'<text x="{links + 19}" y="{ly + 10}" class="achse">sicher (unter jeder Lesart)</text>'
        f'<rect x="{links + 175}" y="{ly}" width="14" height="12" fill="url(#zr-ungewiss)"/>'
        f'<text x="{links + 194}" y="{ly + 10}" class="achse">nur möglich</text>'
        + (
            f'<line x1="{links + 275}" y1="{ly + 6}" x2="{links + 295}" y2="{ly + 6}" stroke="{ZIELFARBE}" '
            f'stroke-dasharray="4 3"/><text x="{links + 300}" y="{ly + 10}" class="achse">Ziel</text>'
            if ziel is not None
            else ""
        )
    )
    gesamt_h = hoehe + 14
    return xml_sicher(  # zweite Wand hinter escape: nie ungültiges XML
        f'<svg xmlns="http://www.w3.org/2000/svg" id="zr" viewBox="0 0 {breite} {gesamt_h}" '
        f'width="{breite}" height="{gesamt_h}" role="img" aria-label="{escape(titel)}">'
        '<defs><pattern id="zr-ungewiss" width="6" height="6" patternUnits="userSpaceOnUse" '
        f'patternTransform="rotate(45)"><rect width="6" height="6" fill="{FARBE[u]}"/>'
        f'<line x1="0" y1="0" x2="0" y2="6" stroke="{MUSTERFARBE[u]}" stroke-width="1.6"/></pattern></defs>'
        f"<style>#zr text{{font-family:{SCHRIFT}}}#zr .achse{{font-size:10px;fill:#333}}"
        "#zr .titel{font-size:14px;font-weight:bold}</style>"
        '<rect width="100%" height="100%" fill="#fff"/>'
        f'<text x="{links}" y="18" class="titel">{escape(titel)}</text>'
        + "".join(achse)
        + "".join(teile)
        + legende
        + "</svg>"
    )


def stichtag_titel(stichtag: date) -> str:
    return f"Regionale Bildungsnetzwerke in NRW – Stand {deutsch_tag(stichtag)}"


def zeitreihe_titel(perioden: Sequence[Periode], heute: date, schritt: str = "year") -> str:
    """Überschrift des Diagramms: „Regionen mit Netzwerk am 31.12., 2008–2025; 2026: Stand
    06.12.2026“. Jede Säule zeigt den Stand am Ende ihrer Periode – außer der letzten, wenn
    ihre Periode noch läuft (oder vor ihrem Ende abgeschnitten ist): deren Tag steht dabei,
    nie „am Jahresende“ für ein Jahr, das noch kein Ende hat. (``heute`` bleibt für Aufrufer
    da; der Titel nennt den Tag immer als Datum, auch wenn er heute ist.)"""
    ende = "31.12." if schritt == "year" else "Monatsende"
    if not perioden:
        return f"Regionen mit Netzwerk am {ende}"
    letzte = perioden[-1]
    naechster = letzte.ende + timedelta(days=1)
    voll = naechster.year != letzte.ende.year if schritt == "year" else naechster.month != letzte.ende.month
    volle = perioden if voll else perioden[:-1]
    teile = []
    if volle:
        spanne = volle[0].name if len(volle) == 1 else f"{volle[0].name}–{volle[-1].name}"
        teile.append(f"Regionen mit Netzwerk am {ende}, {spanne}")
    else:
        teile.append("Regionen mit Netzwerk")
    titel = teile[0]
    if voll:
        return titel
    return (
        f"{titel}; {letzte.name}: Stand {deutsch_tag(letzte.ende)}"
        if volle
        else (f"{titel}, {letzte.name}: Stand {deutsch_tag(letzte.ende)}")
    )
