"""Die Grenzen in ``geo/``: GeoJSON, das Karte, Bericht und Website zeichnen – erst nach der Prüfung.

Eine Grenzdatei aus einem Pull-Request ist so feindlich wie jede andere Datei. Was die
Renderer brauchen, wird hier zugesichert, sonst ist es ein Befund mit Zeile und Spalte:

- gültiges JSON in UTF-8, höchstens :data:`MAX_GEOJSON` Bytes, eine FeatureCollection;
- je Fläche ein Polygon mit ``ags`` und ``name``, der äußere Ring geschlossen, mit mindestens
  vier Punkten und einem Inhalt (nicht alle Punkte auf einer Linie);
- jede Koordinate endlich und in NRW (mit Rand, :data:`LAENGE`, :data:`BREITE`);
- höchstens :data:`MAX_PUNKTE` Punkte in der ganzen Datei;
- je Region des Tages genau eine Fläche (:func:`grenzen_und_regionen`, dateiübergreifend).

Alles läuft in linearer Zeit in der Größe der Datei; die Stelle eines Befunds wird erst gesucht,
wenn es ihn gibt.
"""

from __future__ import annotations

import functools
import itertools
import json
import math
import re
from datetime import date
from typing import Any

from ..kern.ablage import REGIONEN
from ..kern.befund import Problem
from ..kern.bestand import Datenbestand
from ..kern.geo import Flaeche, Grenzen, K
from .codes import MAX_BEFUNDE, begrenze, problem
from .regeln import Kontext

#: Die vereinfachten Grenzen sind einige zehn KiB groß; mehr ist sicher keine Grenzdatei.
MAX_GEOJSON = 2 * 1024 * 1024
#: Punkte in allen Ringen zusammen (die Datei des Repositorys hat einige tausend).
MAX_PUNKTE = 100_000
#: NRW liegt zwischen 5,87° und 9,46° östlicher Länge und 50,32° und 52,53° nördlicher Breite;
#: mit einem halben Grad Rand. Alles außerhalb ist ein Tippfehler (6.5591e9 statt 6.5591).
LAENGE = (5.3, 10.0)
BREITE = (49.8, 53.0)

_PUNKTE = f"{MAX_PUNKTE:,}".replace(",", ".")
_GEZEIGT = 60  # mehr als MAX_BEFUNDE: begrenze() zählt den Rest
_AGS = re.compile(r"05[0-9]{3}")
_LEER = re.compile(r"[ \t\n\r]*")
_ZAHL = re.compile(r"-?(?:Infinity|NaN|[0-9][0-9.eE+-]*)")


class _Stelle(Exception):
    """Ein Befund an einer Stelle der Fläche: Pfad in die Fläche hinein, Code, Meldung."""

    def __init__(self, pfad: tuple[str | int, ...], code: str, meldung: str, hinweis: str = "") -> None:
        super().__init__(meldung)
        self.pfad, self.code, self.meldung, self.hinweis = pfad, code, meldung, hinweis


def _konstante(name: str) -> float:
    """``NaN``, ``Infinity``: Python liest sie; hier werden sie Zahlen, die die Prüfung abweist."""
    return float(name.lower().replace("infinity", "inf"))


class _Doppelt(ValueError):
    """Ein Schlüssel steht zweimal in einem Objekt."""

    def __init__(self, schluessel: str) -> None:
        super().__init__(schluessel)
        self.schluessel = schluessel


def _ohne_doppelte(paare: list[tuple[str, Any]]) -> dict[str, Any]:
    """Ein Schlüssel zweimal in einem Objekt: Python nimmt den letzten, andere Leser (und wer den
    Diff liest) den ersten – die Karte zeigte etwas anderes, als die Prüfung sah. Wie ein
    doppelter Schlüssel in YAML (NZ101) ein Befund."""
    d = dict(paare)
    if len(d) != len(paare):
        gesehen: set[str] = set()
        for k, _ in paare:
            if k in gesehen:
                raise _Doppelt(k)
            gesehen.add(k)
    return d


_DEKODIERER = json.JSONDecoder(parse_constant=_konstante, object_pairs_hook=_ohne_doppelte)


def pruefe_grenzen(daten: bytes, anzeige: str) -> tuple[Grenzen | None, list[Problem]]:
    """Die Bytes einer Grenzdatei: geprüfte Grenzen oder Befunde (dann ``None``)."""
    if len(daten) > MAX_GEOJSON:  # der Lader liest nie mehr; hier für jeden anderen Aufrufer
        return None, [problem(anzeige, 1, "NZ102", f"Grenzdatei ist größer als {MAX_GEOJSON // 1024} KiB")]
    try:
        text = daten.decode("utf-8-sig")  # ein BOM ist kein Fehler (wie bei den YAML-Dateien)
    except UnicodeDecodeError as e:
        zeile = daten.count(b"\n", 0, e.start) + 1
        return None, [problem(anzeige, zeile, "NZ103", "Grenzdatei ist kein UTF-8", "Als UTF-8 speichern.")]
    try:
        wert = _DEKODIERER.decode(text)
    except json.JSONDecodeError as e:
        return None, [
            problem(
                anzeige,
                e.lineno,
                "NZ701",
                f"Grenzdatei ist kein gültiges JSON: {_json_fehler(e.msg)}",
                "Die Datei mit einem JSON-Prüfer öffnen; meist fehlt ein Komma oder eine Klammer.",
                e.colno,
            )
        ]
    except _Doppelt as e:
        schluessel = e.schluessel[:40]
        vorn = text.find(f'"{e.schluessel}"')
        zweite = text.find(f'"{e.schluessel}"', vorn + 1) if vorn >= 0 else -1
        return None, [
            problem(
                anzeige,
                _zeile_spalte(text, max(zweite, 0))[0],
                "NZ701",
                f"Grenzdatei nennt den Schlüssel „{schluessel}“ zweimal in einem Objekt",
                "Einen der beiden löschen; JSON-Leser nehmen verschieden den ersten oder den letzten.",
            )
        ]
    except (ValueError, RecursionError):  # Zahl mit tausenden Ziffern, zu tief verschachtelt
        return None, [
            problem(
                anzeige,
                1,
                "NZ701",
                "Grenzdatei ist nicht lesbar (zu tief verschachtelt oder eine Zahl mit zu vielen Ziffern)",
            )
        ]
    if not isinstance(wert, dict) or not isinstance(wert.get("features"), list):
        return None, [
            problem(
                anzeige,
                1,
                "NZ701",
                "Grenzdatei ist keine FeatureCollection (es fehlt die Liste „features“)",
                'Eine GeoJSON-Datei der Form {"type": "FeatureCollection", "features": [...]}.',
            )
        ]
    features: list[Any] = wert["features"]
    if not features:
        return None, [
            problem(
                anzeige,
                _zeile_von(text, "features"),
                "NZ701",
                "Grenzdatei enthält keine einzige Fläche („features“ ist leer)",
                "Die Grenzdatei aus der Quelle neu erzeugen (siehe nrw-kreise.QUELLE.md).",
            )
        ]
    flaechen: list[Flaeche] = []
    fehler: list[tuple[int, _Stelle]] = []
    punkte = 0
    for i, f in enumerate(features):
        try:
            flaeche, n = _flaeche(f)
            punkte += n
            if punkte > MAX_PUNKTE:
                raise _Stelle(
                    (),
                    "NZ705",
                    f"Grenzdatei hat mehr als {MAX_PUNKTE:,} Punkte; netz zeichnet sie nicht".replace(
                        ",", "."
                    ),
                    "Die Grenzen vereinfachen (einige tausend Punkte genügen für eine Karte).",
                )
            flaechen.append(flaeche)
        except _Stelle as ausnahme:
            fehler.append((i, ausnahme))
            if ausnahme.code == "NZ705":
                break
    if not fehler:  # ohne Fehler: je Feature genau eine Fläche, in derselben Reihenfolge
        erste: dict[str, int] = {}
        for i, fl in enumerate(flaechen):
            if fl.ags in erste:
                fehler.append(
                    (
                        i,
                        _Stelle(
                            ("properties", "ags"),
                            "NZ704",
                            f"zweite Fläche für den AGS {fl.ags} (die erste ist Fläche {erste[fl.ags] + 1})",
                            "Eine der beiden Flächen entfernen.",
                        ),
                    )
                )
            erste.setdefault(fl.ags, i)
    if not fehler:
        index = {fl.ags: i for i, fl in enumerate(flaechen)}
        anfaenge = functools.cache(lambda: _anfaenge(text))  # ein Gang, auch für viele Befunde
        return Grenzen(
            anzeige, tuple(flaechen), lambda ags: _ort(text, anfaenge(), index.get(ags, -1), ())
        ), []
    anfaenge_ = _anfaenge(text)
    probleme = []
    for i, st in fehler[:_GEZEIGT]:  # die Stelle zu suchen kostet je Befund einen Gang durch die Fläche
        zeile, spalte = _ort(text, anfaenge_, i, st.pfad)
        meldung = st.meldung
        if "{wert}" in meldung:  # die Zahl, wie sie in der Datei steht (nur Ziffern und Zeichen)
            m = _ZAHL.match(text, _position(text, zeile, spalte))
            meldung = meldung.replace("{wert}", m.group(0)[:40] if m and m.group(0) else "?")
        probleme.append(problem(anzeige, zeile, st.code, f"Fläche {i + 1}: {meldung}", st.hinweis, spalte))
    return None, begrenze(probleme, anzeige, max(0, len(fehler) - _GEZEIGT))


def _flaeche(f: Any) -> tuple[Flaeche, int]:
    """Eine Fläche aus einem Feature, oder :class:`_Stelle` mit dem ersten Fehler darin."""
    if not isinstance(f, dict):
        raise _Stelle((), "NZ702", "ist kein GeoJSON-Feature (Zuordnung mit geometry und properties)")
    eig = f.get("properties")
    if not isinstance(eig, dict):
        raise _Stelle((), "NZ702", "hat keine properties mit ags und name")
    ags, name = eig.get("ags"), eig.get("name")
    if not isinstance(ags, str) or not _AGS.fullmatch(ags):
        raise _Stelle(
            ("properties",),
            "NZ702",
            "hat keinen AGS einer Region in NRW („ags“: fünf Ziffern, beginnt mit 05)",
        )
    if not isinstance(name, str) or not name.strip() or len(name) > 200:
        raise _Stelle(("properties",), "NZ702", "hat keinen Namen („name“)")
    if not name.isprintable():  # Steuer-, Format- und Nichtzeichen (U+FFFE) zerbrechen SVG und Terminal
        raise _Stelle(
            ("properties", "name"),
            "NZ702",
            "Name enthält ein Steuer- oder unsichtbares Zeichen",
            "Den Namen aus der Quelle neu eintragen.",
        )
    geo = f.get("geometry")
    if not isinstance(geo, dict) or geo.get("type") != "Polygon":
        art = geo.get("type") if isinstance(geo, dict) else None
        art_text = f"„{art}“" if isinstance(art, str) and len(art) <= 40 else "etwas anderes"
        raise _Stelle(("geometry",), "NZ702", f"ist kein Polygon, sondern {art_text}")
    ringe = geo.get("coordinates")
    if not isinstance(ringe, list) or not ringe:
        raise _Stelle(("geometry",), "NZ702", "hat keine Ringe („coordinates“)")
    n = 0
    aussen: list[tuple[float, float]] = []
    for r, ring in enumerate(ringe):
        if not isinstance(ring, list):
            raise _Stelle(("geometry", "coordinates", r), "NZ702", "Ring ist keine Liste von Punkten")
        n += len(ring)
        if n > MAX_PUNKTE:
            raise _Stelle(("geometry", "coordinates", r), "NZ705", f"hat mehr als {_PUNKTE} Punkte")
        if not _ring_in_ordnung(ring):
            _erster_fehler(ring, r)  # wirft mit der genauen Stelle
        if r == 0:
            aussen = [(float(pt[0]) * K, float(pt[1])) for pt in ring]
    if len(aussen) < 4:
        raise _Stelle(
            ("geometry", "coordinates", 0), "NZ702", f"äußerer Ring hat {len(aussen)} Punkte, mindestens 4"
        )
    if aussen[0] != aussen[-1]:
        raise _Stelle(
            ("geometry", "coordinates", 0),
            "NZ702",
            "äußerer Ring ist nicht geschlossen (der letzte Punkt muss der erste sein)",
        )
    flaeche = sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in itertools.pairwise(aussen)) / 2
    if not abs(flaeche) > 1e-9:
        raise _Stelle(
            ("geometry", "coordinates", 0),
            "NZ702",
            "äußerer Ring hat keinen Inhalt (alle Punkte auf einer Linie)",
            "Die Grenzdatei aus der Quelle neu erzeugen (siehe nrw-kreise.QUELLE.md).",
        )
    return Flaeche(ags, name, tuple(aussen)), n


def _ring_in_ordnung(ring: list[Any]) -> bool:
    """Der schnelle Weg für eine gute Datei: nur eingebaute Schleifen (die Datei des Repositorys
    hat einige tausend Punkte und wird bei jedem Befehl gelesen). Eine Summe ist nur endlich,
    wenn jeder Summand es ist."""
    if not all(type(pt) is list and len(pt) >= 2 for pt in ring):
        return False
    laengen: list[float] = [pt[0] for pt in ring]
    breiten: list[float] = [pt[1] for pt in ring]
    if not all(type(z) in (int, float) for z in laengen) or not all(type(z) in (int, float) for z in breiten):
        return False
    if not ring:
        return True
    try:
        if not (math.isfinite(sum(laengen)) and math.isfinite(sum(breiten))):
            return False
    except OverflowError:  # eine ganze Zahl mit hunderten Ziffern
        return False
    return bool(
        LAENGE[0] <= min(laengen)
        and max(laengen) <= LAENGE[1]
        and BREITE[0] <= min(breiten)
        and max(breiten) <= BREITE[1]
    )


def _gleitzahl(z: float) -> float:
    try:
        return float(z)
    except OverflowError:  # größer als jede Gleitkommazahl: sicher nicht in NRW
        return 1e300


def _erster_fehler(ring: list[Any], r: int) -> None:
    """Der erste Punkt, an dem :func:`_ring_in_ordnung` scheiterte – als :class:`_Stelle`."""
    for p, pt in enumerate(ring):
        ort = ("geometry", "coordinates", r, p)
        if not isinstance(pt, list) or len(pt) < 2 or not all(type(z) in (int, float) for z in pt[:2]):
            raise _Stelle(ort, "NZ702", "Punkt ist kein Paar aus Länge und Breite")
        lon, lat = _gleitzahl(pt[0]), _gleitzahl(pt[1])
        if not (math.isfinite(lon) and math.isfinite(lat)):
            raise _Stelle(
                (*ort, 0 if not math.isfinite(lon) else 1),
                "NZ703",
                "Koordinate ist keine endliche Zahl (NaN oder unendlich)",
                "Die Zahl mit der Quelle vergleichen und eintragen.",
            )
        if not (LAENGE[0] <= lon <= LAENGE[1] and BREITE[0] <= lat <= BREITE[1]):
            raise _Stelle(
                (*ort, 0 if not LAENGE[0] <= lon <= LAENGE[1] else 1),
                "NZ703",
                f"Koordinate {{wert}} liegt nicht in NRW "
                f"(Länge {_zahl(LAENGE[0])} bis {_zahl(LAENGE[1])}, "
                f"Breite {_zahl(BREITE[0])} bis {_zahl(BREITE[1])})",
                "Die Zahl mit der Quelle vergleichen – oft ein Tippfehler (ein Exponent, ein Komma).",
            )
    raise _Stelle(("geometry", "coordinates", r), "NZ703", "Ring mit einer Summe, die nicht endlich ist")


def pruefgang(k: Kontext) -> list[Problem]:
    """Der Prüfgang des Registers (pruefen/regeln.py): Flächen gegen die Regionen des Tages."""
    return grenzen_und_regionen(k.bestand, k.heute)


def grenzen_und_regionen(bestand: Datenbestand, heute: date) -> list[Problem]:
    """Je Region des Tages genau eine Fläche, und keine Fläche ohne Region (nur, wenn alle
    Regionsdateien gelesen sind und so viele, wie das Programm nennt – sonst fehlte die Region
    wegen ihres eigenen Fehlers)."""
    g = bestand.grenzen
    if g is None:
        return []
    da = {f.ags for f in g.flaechen}
    heutige = {d.modell.ags: d for d in bestand.regionen if d.modell.gilt_am(heute)}
    ohne = [d for ags, d in sorted(heutige.items()) if ags not in da]
    out = [
        problem(
            g.datei,
            1,
            "NZ704",
            f"Keine Fläche für die Region {d.modell.ags} ({d.modell.name}); die Karte hätte ein Loch",
            "Die Grenzdatei aus der Quelle neu erzeugen (siehe nrw-kreise.QUELLE.md).",
        )._replace(betrifft=(d.anzeige,))
        for d in ohne[:MAX_BEFUNDE]
    ]
    weitere = max(0, len(ohne) - MAX_BEFUNDE)
    # Eine Fläche zu viel ist nur sicher falsch, wenn die Regionen vollständig sind: fehlt eine
    # Regionsdatei, meldet das NZ403 – ihre Fläche ist dann nicht der Fehler.
    soll = bestand.programm.modell.regionen if bestand.programm else None
    if bestand.fehlerfrei and REGIONEN not in bestand.unvollstaendig and len(heutige) == soll:
        fremd = [f.ags for f in g.flaechen if f.ags not in heutige]
        weitere += max(0, len(fremd) - MAX_BEFUNDE)
        for ags in fremd[:MAX_BEFUNDE]:  # die Stelle kostet einen Gang durch die Datei: nur gezeigte
            zeile, spalte = g.ort(ags)
            out.append(
                problem(
                    g.datei,
                    zeile,
                    "NZ704",
                    f"Fläche für {ags}, aber heute gibt es keine Region mit diesem AGS",
                    "Die Fläche entfernen oder die Regionsdatei anlegen.",
                    spalte,
                )
            )
    return begrenze(out, g.datei, weitere)


# --- Wo steht was? Nur gerufen, wenn es einen Befund gibt ------------------------------------------


def _zahl(x: float) -> str:
    return f"{x:.6g}".replace(".", ",")


def _json_fehler(msg: str) -> str:
    return {
        "Expecting value": "ein Wert fehlt",
        "Expecting ',' delimiter": "ein Komma fehlt",
        "Expecting ':' delimiter": "ein Doppelpunkt fehlt",
        "Expecting property name enclosed in double quotes": "ein Schlüssel in Anführungszeichen fehlt",
        "Extra data": "nach dem Ende folgt noch etwas",
        "Unterminated string starting at": "ein Text ist nicht geschlossen",
        "Invalid control character at": "ein Steuerzeichen in einem Text",
    }.get(msg, "Syntaxfehler")


def _position(text: str, zeile: int, spalte: int) -> int:
    """Umkehrung von :func:`_zeile_spalte`."""
    pos = 0
    for _ in range(zeile - 1):
        pos = text.find("\n", pos) + 1
    return pos + spalte - 1


def _zeile_spalte(text: str, pos: int) -> tuple[int, int]:
    zeile = text.count("\n", 0, pos) + 1
    return zeile, pos - (text.rfind("\n", 0, pos) + 1) + 1


def _zeile_von(text: str, schluessel: str) -> int:
    pos = text.find(f'"{schluessel}"')
    return _zeile_spalte(text, max(pos, 0))[0]


def _weiter(text: str, i: int) -> int:
    """Hinter dem Leerraum ab ``i`` (JSON-Leerraum: Leerzeichen, Tab, Zeilenumbrüche)."""
    m = _LEER.match(text, i)
    return m.end() if m else i


def _glieder(text: str, i: int) -> list[tuple[str | int, int, int]]:
    """Die Glieder der Zuordnung oder Liste, die bei ``i`` beginnt: (Schlüssel oder Index,
    Anfang, Ende) – der Text ist schon als gültiges JSON bekannt."""
    out: list[tuple[str | int, int, int]] = []
    zuordnung = text[i] == "{"
    i = _weiter(text, i + 1)
    if text[i] in "}]":
        return out
    n = 0
    while True:
        schluessel: str | int = n
        if zuordnung:
            schluessel, i = _DEKODIERER.raw_decode(text, i)
            i = _weiter(text, i) + 1  # hinter dem Doppelpunkt
            i = _weiter(text, i)
        _, ende = _DEKODIERER.raw_decode(text, i)
        out.append((schluessel, i, ende))
        n += 1
        i = _weiter(text, ende)
        if text[i] != ",":
            return out
        i = _weiter(text, i + 1)


def _anfaenge(text: str) -> list[int]:
    """Wo jedes Feature beginnt – ein Gang durch die Datei (nur, wenn es einen Befund gibt)."""
    try:
        start = _weiter(text, 0)
        for schluessel, anfang, _ in reversed(_glieder(text, start)):  # wie json: der letzte gilt
            if schluessel == "features":
                return [a for _, a, _ in _glieder(text, anfang)]
    except (IndexError, ValueError, RecursionError):
        pass
    return []


def _ort(text: str, anfaenge: list[int], index: int, pfad: tuple[str | int, ...]) -> tuple[int, int]:
    """(Zeile, Spalte) eines Gliedes im Feature ``index``: so tief, wie der Pfad sich finden
    lässt – gelesen wird nur dieses Feature."""
    if not 0 <= index < len(anfaenge):
        return 1, 1
    pos = anfaenge[index]
    try:
        for teil in pfad:
            if text[pos] not in "{[":
                break
            treffer = [a for k, a, _ in _glieder(text, pos) if k == teil]
            if not treffer:
                break
            pos = treffer[-1]
    except (IndexError, ValueError, RecursionError):
        pass
    return _zeile_spalte(text, pos)
