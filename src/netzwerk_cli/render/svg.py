"""SVG: Choroplethenkarte der 53 Regionen und Zeitreihen-Diagramm. Reines Python.

Namen und Schlüssel kommen aus Daten (auch aus der GeoJSON-Datei): jeder Text und jeder
Attributwert geht durch ``escape`` (:func:`~.sicher.html_text`); Steuerzeichen machten das
SVG sonst als XML ungültig, Bidi-Zeichen verdrehten den Tooltip.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import date

from ..kern.abdeckung import Abdeckung, Stand
from ..kern.datum import deutsch_tag
from ..kern.geo import ATTRIBUTION, Flaeche, Punkt
from ..kern.zeitreihe import Periode
from .sicher import html_text as escape
from .text import kopfzeile

FARBE = {Stand.MIT: "#2b8a3e", Stand.UNGEWISS: "#f0b429", Stand.OHNE: "#c92a2a"}
LEGENDE = {
    Stand.MIT: "Netzwerk (sicher)",
    Stand.UNGEWISS: "ungewiss (möglich, nicht sicher)",
    Stand.OHNE: "kein Netzwerk",
}
BREITE = 640
RAND = 16


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


def karte(
    flaechen: Sequence[Flaeche],
    ab: Abdeckung,
    titel: str,
    eigenstaendig: bool = True,
    link: Callable[[str], str | None] | None = None,
) -> str:
    """Eine Choroplethenkarte: ein ``<path data-ags>`` je Region, Bezirke umrandet, Legende, Quelle.

    ``link(ags)``: Ziel eines Links um die Fläche der Region (die Website verlinkt jede Region
    mit ihrer Seite); None oder ohne Ergebnis: kein Link."""
    xs = [x for f in flaechen for x, _ in f.ring]
    ys = [y for f in flaechen for _, y in f.ring]
    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
    massstab = (BREITE - 2 * RAND) / (x1 - x0)
    kartenhoehe = (y1 - y0) * massstab
    oben = 64  # Platz für den Titel

    def p(pt: Punkt) -> str:
        x, y = pt
        return f"{_zahl(RAND + (x - x0) * massstab)},{_zahl(oben + (y1 - y) * massstab)}"

    staende = {s.region.ags: s for s in ab.regionen}
    teile: list[str] = []
    for f in sorted(flaechen, key=lambda f: f.ags):
        s = staende.get(f.ags)
        stand = s.stand if s else Stand.OHNE
        name = s.region.bezeichnung if s else f.name
        v = s.letzter_vertrag if s else None
        tip = f"{name} ({f.ags}): {LEGENDE[stand]}"
        if v is not None:
            tip += f"; unterzeichnet {v.unterzeichnet.deutsch()}"
            if v.endet is not None:
                tip += f", Ende {v.endet.deutsch()}"
        d = "M" + " L".join(p(pt) for pt in f.ring[:-1]) + " Z"
        fuellung = "url(#ungewiss)" if stand is Stand.UNGEWISS else FARBE[stand]
        flaeche = (
            f'<path class="region {stand.value}" data-ags="{escape(f.ags)}" data-stand="{stand.value}" '
            f'fill="{fuellung}" d="{d}"><title>{escape(tip)}</title></path>'
        )
        ziel = link(f.ags) if link is not None else None
        teile.append(f'<a href="{escape(ziel)}">{flaeche}</a>' if ziel else flaeche)
    # Bezirksgrenzen: Kanten, die nur eine Region des Bezirks hat (die Daten sind
    # topologisch sauber, gemeinsame Kanten sind identisch)
    bezirk = {s.region.ags: s.region.regierungsbezirk for s in ab.regionen}
    kanten: Counter[tuple[str, tuple[Punkt, Punkt]]] = Counter()
    for f in flaechen:
        for a, b in itertools.pairwise(f.ring):
            kanten[(bezirk.get(f.ags, "?"), (min(a, b), max(a, b)))] += 1
    linien = " ".join(f"M{p(a)} L{p(b)}" for (_, (a, b)), n in sorted(kanten.items()) if n == 1)
    hoehe = oben + kartenhoehe + 120
    legende = []
    for i, st in enumerate((Stand.MIT, Stand.UNGEWISS, Stand.OHNE)):
        y = oben + kartenhoehe + 18 + i * 20
        fuellung = "url(#ungewiss)" if st is Stand.UNGEWISS else FARBE[st]
        anzahl = len(ab.mit(st))
        legende.append(
            f'<rect x="{RAND}" y="{_zahl(y)}" width="14" height="14" fill="{fuellung}" stroke="#333" '
            f'stroke-width="0.5"/><text x="{RAND + 20}" y="{_zahl(y + 11)}" class="klein">'
            f"{escape(LEGENDE[st])}: {anzahl}</text>"
        )
    y_bezirk = oben + kartenhoehe + 18
    legende.append(
        f'<line x1="{BREITE / 2}" y1="{_zahl(y_bezirk + 7)}" x2="{BREITE / 2 + 14}" '
        f'y2="{_zahl(y_bezirk + 7)}" stroke="#111" stroke-width="2"/>'
        f'<text x="{BREITE / 2 + 20}" y="{_zahl(y_bezirk + 11)}" class="klein">Regierungsbezirk</text>'
    )
    quelle = "".join(
        f'<text x="{RAND}" y="{_zahl(oben + kartenhoehe + 86 + i * 12)}" class="quelle">{escape(z)}</text>'
        for i, z in enumerate(_umbrechen(ATTRIBUTION, 118))
    )
    untertitel = kopfzeile(ab.gesamt)
    kopf = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {BREITE} {_zahl(hoehe)}" '
        f'width="{BREITE}" height="{_zahl(hoehe)}" role="img" aria-label="{escape(titel)}">'
    )
    return (
        (('<?xml version="1.0" encoding="UTF-8"?>\n') if eigenstaendig else "")
        + kopf
        + '<defs><pattern id="ungewiss" width="6" height="6" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)"><rect width="6" height="6" fill="#f0b429"/>'
        '<line x1="0" y1="0" x2="0" y2="6" stroke="#8a6100" stroke-width="2"/></pattern></defs>'
        "<style>text{font-family:'DejaVu Sans',Arial,sans-serif;fill:#111}"
        ".titel{font-size:16px;font-weight:bold}.klein{font-size:12px}.quelle{font-size:8.5px;fill:#444}"
        ".region{stroke:#fff;stroke-width:0.6}.region:hover{opacity:.8}</style>"
        f'<rect width="100%" height="100%" fill="#fff"/>'
        f'<text x="{RAND}" y="24" class="titel">{escape(titel)}</text>'
        f'<text x="{RAND}" y="44" class="klein">{escape(untertitel)}</text>'
        f'<g class="regionen">{"".join(teile)}</g>'
        f'<path class="bezirke" d="{linien}" fill="none" stroke="#111" stroke-width="1.6" '
        'stroke-linecap="round"/>'
        f"{''.join(legende)}{quelle}</svg>\n"
    )


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
            f'<rect x="{_zahl(x)}" y="{_zahl(y_s)}" width="{_zahl(w)}" height="{_zahl(hs)}" fill="#2b8a3e"/>'
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
            f'<line x1="{links}" y1="{_zahl(y)}" x2="{breite - 10}" y2="{_zahl(y)}" stroke="#c92a2a" '
            f'stroke-dasharray="4 3"/><text x="{breite - 12}" y="{_zahl(y - 4)}" class="achse" '
            f'text-anchor="end" fill="#c92a2a">Ziel {ziel}</text>'
        )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {breite} {hoehe}" width="{breite}" '
        f'height="{hoehe}" role="img" aria-label="{escape(titel)}">'
        '<defs><pattern id="zr-ungewiss" width="6" height="6" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)"><rect width="6" height="6" fill="#f0b429"/>'
        '<line x1="0" y1="0" x2="0" y2="6" stroke="#8a6100" stroke-width="2"/></pattern></defs>'
        "<style>text{font-family:'DejaVu Sans',Arial,sans-serif}.achse{font-size:10px;fill:#333}"
        ".titel{font-size:14px;font-weight:bold}</style>"
        f'<text x="{links}" y="18" class="titel">{escape(titel)}</text>'
        + "".join(achse)
        + "".join(teile)
        + "</svg>"
    )


def stichtag_titel(stichtag: date) -> str:
    return f"Regionale Bildungsnetzwerke in NRW – Stand {deutsch_tag(stichtag)}"
