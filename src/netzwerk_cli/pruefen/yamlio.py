"""Strenges Einlesen von YAML, mit Zeile und Spalte für jeden Befund.

PyYAML (YAML 1.1) hat Fallen, die genau diese Daten still verfälschen: doppelte
Schlüssel behalten stumm den letzten Wert, ``2010-02-30`` wirft tief im Loader.
Darum baut netz die Werte selbst aus dem Knotenbaum von libyaml:

* doppelte Schlüssel, Anker/Aliase und fremde Tags sind Befunde;
* Datumsangaben bleiben Text (``2010-05-06``), netz liest sie selbst;
* Zahlen und Wahrheitswerte bleiben, was YAML 1.1 liest – das Schema meldet
  dann „als Zahl 2633 gelesen“, mit dem Originaltext aus dem Knoten.

Der Knotenbaum dient nur fehlerhaften Dateien zur Positionsbestimmung;
gültige Dateien zahlen dafür nichts extra.
"""

from __future__ import annotations

import math
import operator
import re
from dataclasses import dataclass, field
from typing import Any

import yaml
import yaml.reader
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.resolver import Resolver

from ..kern.befund import Korrektur, Problem
from .codes import MAX_BYTES, begrenze, problem

try:  # libyaml: etwa zehnmal schneller; ohne sie bleibt alles korrekt, nur langsamer
    from yaml._yaml import CParser as _Parser
except ImportError:  # pragma: no cover - abhängig von der Installation
    from yaml.composer import Composer
    from yaml.parser import Parser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class _Parser(Reader, Scanner, Parser, Composer):  # type: ignore[no-redef]  # Ersatz für CParser ohne libyaml
        def __init__(self, stream: str) -> None:
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            Parser.__init__(self)
            Composer.__init__(self)


STR = "tag:yaml.org,2002:str"
INT = "tag:yaml.org,2002:int"
FLOAT = "tag:yaml.org,2002:float"
BOOL = "tag:yaml.org,2002:bool"
NULL = "tag:yaml.org,2002:null"
MAP = "tag:yaml.org,2002:map"
SEQ = "tag:yaml.org,2002:seq"


# YAML-1.1-Auflösung wie PyYAML, aber ohne Zeitstempel und Merge-Schlüssel:
# je erstem Zeichen die Kandidaten (Tag, Muster), wie in PyYAMLs Resolver.
_KANDIDATEN: dict[str, list[tuple[str, re.Pattern[str]]]] = {
    erstes: [(t, r) for t, r in liste if not t.endswith((":timestamp", ":merge"))]
    for erstes, liste in Resolver.yaml_implicit_resolvers.items()
}


class _Loader(_Parser):
    """libyaml baut den Knotenbaum; die Tags löst netz selbst auf.

    Der Parser ruft je Knoten ``descend_resolver``, ``ascend_resolver`` und ``resolve``.
    netz kennt keine Pfad-Auflösung; eingebaute Funktionen ohne Wirkung sparen je Knoten
    zwei Python-Aufrufe (bei 10.000 Dateien spürbar).
    """

    descend_resolver = operator.is_  # (parent, index) -> bool, ohne Wirkung
    ascend_resolver = tuple  # () -> (), ohne Wirkung

    def resolve(self, kind: type[Node], value: str, implicit: tuple[bool, bool]) -> str:
        # Nur Tags ohne ausdrückliche Angabe kommen hierher; sie bekommen eine eigene Kennung,
        # damit ein ausdrückliches „!!int“ oder „!!null“ in der Datei als Befund auffällt.
        if kind is ScalarNode:
            # ungequoteter Wert: wie BaseResolver.resolve; lange Werte sind nie Zahl oder Wahrheitswert
            if implicit[0] and len(value) <= _LANG:
                for tag, muster in _KANDIDATEN.get(value[:1], ()):
                    if muster.match(value):
                        return _IMPLIZIT[tag]
                if value[:1].isdigit():
                    # Ziffern ohne Anführungszeichen, die YAML 1.1 als Text liest („05958“):
                    # für die Schlüsselregel von einem ausdrücklichen „!!str 05958“ zu unterscheiden
                    return STR_I
            return STR
        return MAP if kind is MappingNode else SEQ


_SCALARS = SafeConstructor()
# Kennungen für Tags, die netz selbst aufgelöst hat (nicht in der Datei geschrieben)
_IMPLIZIT = {t: f"{t}#implizit" for liste in _KANDIDATEN.values() for t, _ in liste}
INT_I, FLOAT_I, BOOL_I, NULL_I = (_IMPLIZIT[t] for t in (INT, FLOAT, BOOL, NULL))
STR_I = f"{STR}#implizit"
# Ungequotete Werte bis zu dieser Länge können Zahlen sein; mehr Ziffern hat keine Angabe.
_LANG = 64
_MAX_ZIFFERN = 20
# Tiefer verschachtelt ist kein Feld der Schemas (Vertrag → Liste → Eintrag → Liste).
MAX_TIEFE = 8
# Mehr Einträge hat keine Liste und keine Zuordnung echter Daten; mehr zu prüfen hieße nur, eine
# Flut von Befunden (und Speicher für sie) zu erzeugen.
MAX_EINTRAEGE = 1000
# Zeilenumbrüche, die YAML zählt, Editoren und netz' Zeilenbearbeitung aber nicht
_UNICODE_UMBRUECHE = {b"\xc2\x85": "U+0085", b"\xe2\x80\xa8": "U+2028", b"\xe2\x80\xa9": "U+2029"}


@dataclass
class Gelesen:
    """Ergebnis des Einlesens einer Datei."""

    wert: dict[str, Any] | None
    knoten: Node | None
    probleme: list[Problem]
    # Zeile jedes Schlüssels der obersten Ebene, für dateiübergreifende Befunde
    zeilen: dict[str, int] = field(default_factory=dict)


def _pos(node: Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


_SYNTAX_DEUTSCH = {
    "mapping values are not allowed here": "Doppelpunkt an dieser Stelle nicht erlaubt "
    "(Einrückung prüfen oder den Wert in Anführungszeichen setzen)",
    "mapping values are not allowed in this context": "Doppelpunkt an dieser Stelle nicht erlaubt "
    "(Einrückung prüfen oder den Wert in Anführungszeichen setzen)",
    "found character that cannot start any token": "ein Zeichen, mit dem kein YAML-Wert beginnen "
    "darf (z. B. @, ` oder ein Tabulator); den Wert in Anführungszeichen setzen",
    "could not find expected ':'": "erwarteter Doppelpunkt fehlt",
    "found character '\\t' that cannot start any token": "Tabulatorzeichen sind in YAML "
    "nicht erlaubt; bitte Leerzeichen verwenden",
    "found unexpected end of stream": "Datei endet unerwartet (offenes Anführungszeichen?)",
    "did not find expected key": "Schlüssel erwartet (Einrückung prüfen)",
    "did not find expected '-' indicator": "Listeneintrag „- “ erwartet (Einrückung prüfen)",
    "expected a single document in the stream": "mehrere YAML-Dokumente in einer Datei; "
    "bitte nur eines (kein zweites „---“)",
    "found undefined alias": "Alias ohne Anker",
    "found invalid Unicode character escape code": "ungültiges Unicode-Escape (z. B. ein einzelnes "
    "Ersatzzeichen wie \\ud800)",
    "did not find expected node content": "hier fehlt ein Wert (eine „[“ oder „{“ nicht geschlossen?)",
    "did not find expected ',' or '}'": "„{“ nicht geschlossen oder Komma fehlt",
    "did not find expected ',' or ']'": "„[“ nicht geschlossen oder Komma fehlt",
    "control characters are not allowed": "Steuerzeichen sind nicht erlaubt",
    "special characters are not allowed": "Sonderzeichen (Steuerzeichen) sind nicht erlaubt",
    "found a tab character that violates indentation": "Tabulatorzeichen in der Einrückung; "
    "bitte Leerzeichen verwenden",
    "found a tab character where an indentation space is expected": "Tabulatorzeichen in "
    "der Einrückung; bitte Leerzeichen verwenden",
    "while scanning a quoted scalar": "Anführungszeichen nicht geschlossen",
    "expected <block end>, but found '<block mapping start>'": "Einrückung passt nicht zur Zeile davor",
    "expected <block end>, but found '-'": "Listeneintrag an unerwarteter Stelle (Einrückung prüfen)",
}


def _syntax_problem(datei: str, err: yaml.MarkedYAMLError, daten: bytes = b"") -> Problem:
    roh = (err.problem or "").strip()
    kontext = (err.context or "").strip()
    mark = err.problem_mark or err.context_mark
    if kontext.startswith("while scanning a quoted scalar") and err.context_mark:
        mark = err.context_mark  # dort beginnt das offene Anführungszeichen
    if roh == "could not find expected ':'" and err.context_mark is not None:
        mark = err.context_mark  # dort beginnt der Schlüssel ohne Doppelpunkt (libyaml: erst danach)
    zeile, spalte = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    if mark is not None and (tab := _tab_einrueckung(datei, daten, mark.line)) is not None:
        return tab
    if (
        roh == "could not find expected ':'"
        and mark is not None
        and (p := _doppelpunkt_fehlt(datei, daten, mark.line)) is not None
    ):
        return p
    if roh.startswith("mapping values are not allowed") and mark is not None:
        # Der häufigste Fehler beim Bearbeiten von Hand: ein Doppelpunkt im Text
        # („bemerkung: Achtung: laut Presse“). Die Lösung gleich als fertige Zeile zeigen.
        korrigiert = _doppelpunkt_im_text(_zeile_aus(daten, mark.line), mark.column)
        if korrigiert is not None:
            return problem(
                datei,
                zeile,
                "NZ105",
                "YAML-Syntaxfehler: Doppelpunkt im Text – Text in Anführungszeichen setzen",
                f"So liest YAML die Zeile richtig:  {korrigiert}",
                spalte,
            )
    deutsch = _SYNTAX_DEUTSCH.get(roh) or _SYNTAX_DEUTSCH.get(kontext)
    if deutsch is None:
        for englisch, text in _SYNTAX_DEUTSCH.items():
            if roh.startswith(englisch):
                deutsch = text
                break
    meldung = f"YAML-Syntaxfehler: {deutsch}" if deutsch else "YAML-Syntaxfehler"
    # Die englische Meldung von libyaml hilft einer Verwaltungskraft nicht; Zeile und Spalte
    # zeigen die Stelle, der Hinweis sagt, wo man suchen muss.
    return problem(datei, zeile, "NZ105", meldung, _SYNTAX_HINWEIS, spalte)


_SYNTAX_HINWEIS = (
    "Hier konnte YAML nicht weiterlesen; oft liegt der Fehler kurz davor "
    "(Einrückung, Doppelpunkt, Anführungszeichen)."
)


# Einrückung einer Zeile (Leerzeichen und Tabulatoren) und der Rest
_EINRUECKUNG = re.compile(r"^(?P<ws>[ \t]*)(?P<rest>.*)$", re.DOTALL)


def _tab_einrueckung(datei: str, daten: bytes, index: int) -> Problem | None:
    """Ein Tabulator in der Einrückung der Zeile ``index`` (ab 0) – oder None.

    libyaml meldet ihn je nach Stelle als „cannot start any token“ oder „violates indentation“;
    die Behebung ist immer dieselbe: Leerzeichen statt Tabulator. Als Korrektur die Einrückung
    in Leerzeichen, mit der die Datei an dieser Stelle weiterliest (je Tabulator zwei Leerzeichen,
    sonst die Einrückung der Zeile davor)."""
    zeile = _zeile_aus(daten, index)
    ws = _EINRUECKUNG.match(zeile).group("ws")  # type: ignore[union-attr]  # passt auf jede Zeile
    if "\t" not in ws:
        return None
    korrektur = None
    for neu in _einrueckungen(daten, index, ws):
        if _liest_weiter(daten, index, ws, neu):
            korrektur = Korrektur("ersetzen", index + 1, 1, ws, neu)
            break
    sichtbar = ws.replace("\t", "→").replace(" ", "·")
    hinweis = (
        "Jeden Tabulator am Zeilenanfang durch Leerzeichen ersetzen (YAML rückt nur mit Leerzeichen ein)"
    )
    if korrektur is not None:
        statt = f"„{sichtbar}“ löschen"
        if korrektur.neu:
            statt = f"{len(korrektur.neu)} Leerzeichen statt „{sichtbar}“"
        hinweis += f"; hier {statt} – „netz validate --fix“ erledigt das"
    return problem(
        datei,
        index + 1,
        "NZ105",
        "YAML-Syntaxfehler: Tabulator in der Einrückung",
        hinweis + ".",
        korrektur=korrektur,
    )


def _einrueckungen(daten: bytes, index: int, ws: str) -> list[str]:
    """Kandidaten für die Einrückung in Leerzeichen, der wahrscheinlichste zuerst."""
    out = [ws.replace("\t", "  "), ws.replace("\t", "    ")]
    for i in range(index - 1, -1, -1):  # die Zeile davor, die nicht leer ist
        davor = _zeile_aus(daten, i)
        if davor.strip() and not davor.lstrip().startswith("#"):
            breite = len(davor) - len(davor.lstrip(" "))
            out += [" " * breite, " " * (breite + 2)]
            break
    out.append("")
    return list(dict.fromkeys(n for n in out if "\t" not in n))


def _liest_weiter(daten: bytes, index: int, alt: str, neu: str) -> bool:
    """Liest YAML die Datei mit ``neu`` statt ``alt`` am Anfang der Zeile ``index`` über diese
    Zeile hinaus? (Nur bei einem Syntaxfehler gerufen: höchstens einige Male je Befund.)"""
    zeilen = daten.splitlines(keepends=True)
    zeilen[index] = neu.encode() + zeilen[index][len(alt.encode()) :]
    try:
        yaml.compose(b"".join(zeilen), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.MarkedYAMLError as e:
        # erst eine spätere Zeile ist falsch (etwa der nächste Tabulator): diese liest YAML
        mark = e.problem_mark or e.context_mark
        return mark is not None and mark.line > index
    except (yaml.YAMLError, RecursionError):
        return False
    return True


# „schlüssel wert“ ohne Doppelpunkt (auch als Listeneintrag)
_OHNE_DOPPELPUNKT = re.compile(r"^(?P<kopf>\s*(?:-\s+)?[A-Za-z_][\w-]*)(?P<abstand>[ \t]+)(?P<wert>\S.*)$")


def _doppelpunkt_fehlt(datei: str, daten: bytes, index: int) -> Problem | None:
    """„einwohner 298935“: der Doppelpunkt fehlt – gemeldet auf dieser Zeile (libyaml meldete die
    nächste, am Dateiende eine, die es nicht gibt), mit der richtigen Zeile als Hinweis."""
    zeile = _zeile_aus(daten, index)
    if not zeile.strip():
        return None
    m = _OHNE_DOPPELPUNKT.match(zeile.rstrip())
    hinweis = (
        f"So liest YAML die Zeile richtig:  {m.group('kopf')}: {m.group('wert')}"
        if m and ":" not in m.group("wert")
        else "Nach dem Schlüssel einen Doppelpunkt und ein Leerzeichen setzen („schlüssel: wert“)."
    )
    spalte = len(zeile) - len(zeile.lstrip()) + 1
    meldung = "YAML-Syntaxfehler: Doppelpunkt nach dem Schlüssel fehlt"
    return problem(datei, index + 1, "NZ105", meldung, hinweis, spalte)


def _zeile_aus(daten: bytes, index: int) -> str:
    """Zeile ``index`` (ab 0) der Bytes als Text – leer, wenn es sie nicht gibt."""
    zeilen = daten.splitlines()
    if not 0 <= index < len(zeilen) or len(zeilen[index]) > 2000:
        return ""
    return zeilen[index].decode("utf-8", errors="replace").lstrip("\ufeff")


# „  - schlüssel: wert“ oder „schlüssel: wert“, der Wert ohne Anführungszeichen
_SCHLUESSEL_WERT = re.compile(r"^(?P<kopf>\s*(?:-\s+)?[A-Za-z_][\w-]*:[ \t]+)(?P<wert>[^\s\"'].*?)\s*$")


def _doppelpunkt_im_text(zeile: str, spalte0: int) -> str | None:
    """Die Zeile mit dem Wert in Anführungszeichen, wenn der Doppelpunkt an ``spalte0`` im Wert
    einer „schlüssel: wert“-Zeile steht; sonst None (dann ist es ein anderer Fehler)."""
    m = _SCHLUESSEL_WERT.match(zeile)
    if m is None or spalte0 < m.end("kopf"):
        return None
    wert, kommentar = m.group("wert"), ""
    if (i := wert.find(" #")) >= 0:  # ein Kommentar bleibt Kommentar
        wert, kommentar = wert[:i].rstrip(), wert[i:]
    zitiert = "'" + wert.replace("'", "''") + "'" if '"' in wert else '"' + wert.replace("\\", "\\\\") + '"'
    return m.group("kopf") + zitiert + kommentar


def dekodiere(datei: str, daten: bytes) -> tuple[str | None, list[Problem]]:
    """Bytes zu Text: UTF-8, BOM erlaubt; zu groß oder kaputt ist ein Befund."""
    if len(daten) > MAX_BYTES:
        return None, [
            problem(
                datei,
                1,
                "NZ102",
                f"Datei ist {len(daten) // 1024} KiB groß; erlaubt ist höchstens 1 MiB",
                "Eine Region- oder Vertragsdatei ist wenige Zeilen lang – ist es die richtige Datei?",
            )
        ]
    if (fremd := fremde_kodierung(daten)) is not None:
        return None, [_kodierung_problem(datei, 1, 1, f"Die Datei ist in {fremd} gespeichert")]
    try:
        text = daten.decode("utf-8")
    except UnicodeDecodeError as e:
        zeile = daten.count(b"\n", 0, e.start) + 1
        spalte = e.start - (daten.rfind(b"\n", 0, e.start) + 1) + 1
        byte = daten[e.start]
        try:
            # Fast jede nicht-UTF-8-Datei hier kommt aus einem Windows-Editor („ANSI“)
            zeichen = bytes([byte]).decode("cp1252")
            daten.decode("cp1252")
            was = (
                f"Byte 0x{byte:02X} („{zeichen}“ in Windows-1252): "
                "die Datei ist wohl in Windows-1252 (ANSI) gespeichert"
            )
        except UnicodeDecodeError:
            was = f"Byte 0x{byte:02X} ist kein gültiges UTF-8; die Kodierung der Datei ist unbekannt"
        return None, [_kodierung_problem(datei, zeile, spalte, was)]
    if text.startswith("\ufeff"):
        text = text[1:]
    return text, []


# UTF-16/32 erkennt libyaml am BOM und läse sie; netz verlangt UTF-8.
_FREMDE_BOMS = (b"\xff\xfe", b"\xfe\xff")
_BOMS = (
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16 (im Windows-Editor „Unicode“)"),
    (b"\xfe\xff", "UTF-16 (im Windows-Editor „Unicode Big Endian“)"),
)


def fremde_kodierung(daten: bytes) -> str | None:
    """UTF-16 oder UTF-32 – mit BOM oder ohne (dann an den Null-Bytes erkannt); sonst None.

    Solche Dateien als UTF-8 zu lesen, ergäbe Null-Bytes in jeder Meldung und den falschen
    Rat „nicht Windows-1252“."""
    for bom, name in _BOMS:
        if daten.startswith(bom):
            return name
    if b"\x00" not in daten:
        return None
    probe = daten[:4000]
    # Text aus lateinischen Buchstaben hat in UTF-16 jedes zweite Byte null
    if probe[1::2].count(0) * 4 >= len(probe) // 2 * 3:
        return "UTF-16 (im Windows-Editor „Unicode“, ohne BOM)"
    if probe[0::2].count(0) * 4 >= len(probe) // 2 * 3:
        return "UTF-16 (im Windows-Editor „Unicode Big Endian“, ohne BOM)"
    return None


def _kodierung_problem(datei: str, zeile: int, spalte: int, was: str) -> Problem:
    return problem(
        datei,
        zeile,
        "NZ103",
        f"{was}; netz liest nur UTF-8",
        "Im Editor „Speichern unter …“ wählen und als Codierung „UTF-8“ einstellen.",
        spalte,
    )


def lies_yaml(datei: str, daten: bytes, zahlfelder: frozenset[str] = frozenset()) -> Gelesen:
    """Liest eine YAML-Datei streng. ``datei`` ist nur der Name für Meldungen; ``zahlfelder``
    sind die Schlüssel, unter denen das Schema eine Zahl erwartet (für den Hinweis zu einer Zahl
    in YAML-1.1-Schreibweise: dort die schlichte Zahl, sonst der Wert als Text)."""
    if len(daten) > MAX_BYTES or daten.startswith(_FREMDE_BOMS) or b"\x00" in daten:
        text, probleme = dekodiere(datei, daten)
        if text is None:
            return Gelesen(None, None, probleme)
    if (b"\xc2\x85" in daten or b"\xe2\x80" in daten) and (p := _unicode_umbruch(datei, daten)):
        return Gelesen(None, None, [p])
    # libyaml bekommt die Bytes: es prüft UTF-8 selbst (ein zweites Dekodieren in
    # Python kostete je Datei spürbar); erst bei einem Lesefehler sucht netz die Stelle.
    try:
        loader = _Loader(daten)
        try:
            knoten = loader.get_single_node()
        finally:
            loader.dispose()
    except RecursionError:  # der Knotenbaum wird rekursiv gebaut: zu tief für jedes Schema
        return Gelesen(
            None,
            None,
            [
                problem(
                    datei,
                    1,
                    "NZ115",
                    "Die Datei ist zu tief verschachtelt (Hunderte Ebenen); kein Feld erlaubt das",
                    "Klammern und Einrückung prüfen.",
                )
            ],
        )
    except yaml.MarkedYAMLError as e:
        return Gelesen(None, None, [_syntax_problem(datei, e, daten)])
    except yaml.reader.ReaderError as e:
        return Gelesen(None, None, [_lesefehler(datei, daten, e)])
    except yaml.YAMLError:  # pragma: no cover - andere Fehler tragen eine Marke
        return Gelesen(None, None, [problem(datei, 1, "NZ105", "YAML-Syntaxfehler", _SYNTAX_HINWEIS)])
    if knoten is None:
        return Gelesen(
            None,
            None,
            [
                problem(
                    datei,
                    1,
                    "NZ104",
                    "Datei ist leer (nur Kommentare oder Leerzeilen)",
                    "Datei löschen oder die Pflichtfelder eintragen.",
                )
            ],
        )
    if (b"&" in daten or b"*" in daten) and (p := _anker(datei, daten)):
        return Gelesen(None, knoten, [p])
    if type(knoten) is not MappingNode:
        zeile, spalte = _pos(knoten)
        return Gelesen(
            None,
            knoten,
            [
                problem(
                    datei,
                    zeile,
                    "NZ106",
                    "Die Datei muss aus „schlüssel: wert“-Zeilen bestehen "
                    "(eine Zuordnung), nicht aus einer Liste oder einem einzelnen Wert",
                    spalte=spalte,
                )
            ],
        )
    fehler: list[Problem] = []
    zeilen: dict[str, int] = {}
    if len(knoten.value) > MAX_EINTRAEGE:
        _zu_viele(datei, knoten, fehler)
        return Gelesen(None, knoten, fehler)
    formen: _Formen = []
    wert = _zuordnung(datei, knoten, fehler, formen, zeilen)
    if formen:
        fehler.extend(zahlform(datei, s, n, s in zahlfelder) for s, n in formen)
        fehler.sort(key=lambda p: (p.zeile, p.spalte))
    return Gelesen(wert if not fehler else None, knoten, begrenze(fehler, datei), zeilen)


def _unicode_umbruch(datei: str, daten: bytes) -> Problem | None:
    """U+0085, U+2028, U+2029: YAML zählt sie als Zeilenumbruch, Editoren und netz' Zeilen-
    bearbeitung nicht – Zeilennummern und Einfügestellen liefen auseinander. Darum verboten."""
    stellen = [(i, name) for roh, name in _UNICODE_UMBRUECHE.items() if (i := daten.find(roh)) >= 0]
    if not stellen:
        return None
    pos, name = min(stellen)
    anfang = max(daten.rfind(b"\n", 0, pos), daten.rfind(b"\r", 0, pos)) + 1
    zeile = daten.count(b"\n", 0, pos) + 1 if b"\n" in daten[:pos] else daten.count(b"\r", 0, pos) + 1
    spalte = len(daten[anfang:pos].decode("utf-8", errors="replace")) + 1
    return problem(
        datei,
        zeile,
        "NZ114",
        f"Unsichtbarer Zeilenumbruch {name}: YAML zählt ihn als neue Zeile, Editoren nicht",
        "Das Zeichen löschen oder durch ein Leerzeichen ersetzen (oft aus einer Kopie aus Word oder PDF).",
        spalte,
    )


def _lesefehler(datei: str, daten: bytes, e: yaml.reader.ReaderError) -> Problem:
    """Kein gültiges UTF-8 (NZ103) oder ein Steuerzeichen (NZ105), mit Zeile und Spalte."""
    _, probleme = dekodiere(datei, daten)
    if probleme:
        return probleme[0]
    # libyaml zählt Bytes; Spalten zählen Zeichen
    anfang = daten.rfind(b"\n", 0, e.position) + 1
    zeile = daten.count(b"\n", 0, e.position) + 1
    spalte = len(daten[anfang : e.position].decode("utf-8").lstrip("\ufeff")) + 1
    return problem(
        datei,
        zeile,
        "NZ105",
        f"YAML-Syntaxfehler: Steuerzeichen U+{e.character:04X} ist nicht erlaubt",
        "Das unsichtbare Zeichen löschen (oft aus einer Kopie aus Word oder PDF).",
        spalte,
    )


def _anker(datei: str, daten: bytes) -> Problem | None:
    """Sucht Anker und Aliase (nur wenn ``&`` oder ``*`` überhaupt vorkommt)."""
    # Derselbe Parser wie beim Lesen: der Text ist also schon als gültig bekannt.
    for ev in yaml.parse(daten, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
        anker = getattr(ev, "anchor", None)
        if anker is None:
            continue
        art = "Alias" if isinstance(ev, yaml.AliasEvent) else "Anker"
        # Der Parser setzt die Marke an jedem Ereignis; None kennen nur die Stubs
        zeile, spalte = (ev.start_mark.line, ev.start_mark.column) if ev.start_mark else (0, 0)
        return problem(
            datei,
            zeile + 1,
            "NZ107",
            f"YAML-{art} „{anker}“ ist nicht erlaubt",
            "Werte ausschreiben. Beginnt ein Text mit & oder *, ihn in Anführungszeichen setzen.",
            spalte + 1,
        )
    return None


# (Schlüssel, Knoten) jeder Zahl, die YAML 1.1 anders liest, als sie aussieht
_Formen = list[tuple[str, ScalarNode]]
# Zahlen, wie man sie schreibt: ganze Zahl oder Dezimalzahl mit Punkt – sonst nichts
_SCHLICHT = re.compile(r"^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?$")
# Amtliche Schlüssel ohne Anführungszeichen (05170) meldet das Schema mit eigenem Hinweis (NZ203)
_AGS_SCHLUESSEL = frozenset({"ags", "region", "umfasst", "vorgaenger", "nachfolger", "regionen", "ohne"})
_FUEHRENDE_NULL = re.compile(r"^0[0-9]+$")


def _zahlform_art(roh: str) -> str:
    """Welche YAML-1.1-Schreibweise ``roh`` ist, als Satzteil."""
    ohne = roh.lstrip("+-")
    if ":" in roh:
        return "als Zahl zur Basis 60"
    if ohne[:2] in ("0x", "0X"):
        return "als Hexadezimalzahl"
    if ohne[:2] in ("0b", "0B"):
        return "als Binärzahl"
    if ohne.lower() in (".inf", ".nan"):
        return "als „unendlich“" if "inf" in ohne.lower() else "als „keine Zahl“ (NaN)"
    if "e" in ohne.lower():
        return "in Exponentschreibweise"
    if _FUEHRENDE_NULL.match(ohne.replace("_", "")):
        return "als Oktalzahl"
    if "_" in roh:
        return "mit Unterstrichen"
    if roh.startswith("+"):
        return "mit Vorzeichen „+“"
    return "als unvollständige Dezimalzahl"


def schlichte_zahl(roh: str) -> str | None:
    """Die schlichte Schreibweise der Zahl, die ``roh`` meint (Ziffern, vielleicht ein Punkt) –
    None, wo es keine gibt (Basis 60 ist selten gemeint, unendlich und NaN sind keine Zahl).
    Eine Oktalzahl (0123) meint die Ziffern, wie sie dastehen: 123."""
    from decimal import Decimal, InvalidOperation

    text = roh.replace("_", "")
    zeichen = "-" if text.startswith("-") else ""
    ohne = text.lstrip("+-")
    if ":" in ohne or ohne.lower() in (".inf", ".nan") or not ohne:
        return None
    if ohne[:2].lower() == "0x":
        wert = str(int(ohne[2:], 16))
    elif ohne[:2].lower() == "0b":
        wert = str(int(ohne[2:], 2))
    elif ohne[:2].lower() == "0o":  # YAML 1.2 (1.1 liest es als Text)
        wert = str(int(ohne[2:], 8))
    elif ohne.isdigit():
        wert = ohne.lstrip("0") or "0"
    else:
        try:
            d = Decimal(ohne)
        except InvalidOperation:
            return None
        # 1e999999 ausgeschrieben hätte eine Million Ziffern: so lange Zahlen hat keine Angabe
        if not d.is_finite() or abs(d.adjusted()) > _MAX_ZIFFERN:
            return None
        wert = format(d, "f")
        if "." in wert:
            ganz, nach = wert.split(".", 1)
            wert = f"{ganz or '0'}.{nach or '0'}"
    if len(wert) > _MAX_ZIFFERN:
        return None
    if wert.strip("0.") == "":
        zeichen = ""
    return zeichen + wert if _SCHLICHT.match(zeichen + wert) else None


def zahlform(datei: str, schluessel: str, node: ScalarNode, ist_zahlfeld: bool) -> Problem:
    """NZ118: eine Zahl in einer YAML-1.1-Schreibweise (1:30, 0x1F, 1_000, +5, .inf, 1.5e+3).

    Unter einem Zahlfeld ist die Behebung die schlichte Zahl; unter jedem anderen Feld war wohl
    ein Text gemeint (Telefonnummer „+49…“, Uhrzeit „1:30“): dann der Wert in Anführungszeichen."""
    roh = node.value
    zeile, spalte = _pos(node)
    gelesen = ""
    try:
        bau = _SCALARS.construct_yaml_float if node.tag == FLOAT_I else _SCALARS.construct_yaml_int
        wert = bau(node)
    except (ValueError, KeyError, OverflowError):
        wert = None
    if isinstance(wert, int):
        gelesen = " (= " + f"{wert:,}".replace(",", ".") + ")"
    elif isinstance(wert, float) and math.isfinite(wert):
        gelesen = f" (= {wert:g})".replace(".", ",")
    feld = f"„{_kurz(schluessel)}: {_kurz(roh)}“" if schluessel else f"„{_kurz(roh)}“"
    meldung = f"{feld}: YAML 1.1 liest das {_zahlform_art(roh)}{gelesen}, nicht als schlichte Zahl"
    korrektur = None
    if ist_zahlfeld:
        neu = schlichte_zahl(roh)
        if neu is not None:
            hinweis = f"Die Zahl schlicht schreiben:  {schluessel}: {neu}"
            korrektur = Korrektur("ersetzen", zeile, spalte, roh, neu)
        elif ":" in roh:
            hinweis = "Die Zahl nur aus Ziffern schreiben (ohne Doppelpunkt, ohne Tausenderpunkt)."
        else:
            hinweis = "Eine Zahl aus Ziffern eintragen – oder die Zeile löschen, wenn die Zahl unbekannt ist."
    else:
        neu = '"' + roh + '"'
        hinweis = (
            f"Ist es ein Text, in Anführungszeichen:  {schluessel}: {neu}"
            if schluessel
            else (f"Ist es ein Text, in Anführungszeichen: {neu}")
        )
        korrektur = Korrektur("ersetzen", zeile, spalte, roh, neu)
    return problem(datei, zeile, "NZ118", meldung, hinweis, spalte, korrektur=korrektur)


def _baue(datei: str, node: Node, fehler: list[Problem], tiefe: int, schluessel: str, formen: _Formen) -> Any:
    art = type(node)
    if art is ScalarNode:
        if node.tag == STR:
            # isprintable() (in C) ist für jedes Zeichen aus _UNSICHTBAR falsch
            # (tests/pruefen/test_yamlio.py prüft alle Codepunkte); das Muster mit seinen
            # vielen Bereichen läuft so nur über Werte mit einem nicht druckbaren Zeichen
            # (auch Zeilenumbruch, Tabulator, geschütztes Leerzeichen).
            if not node.value.isprintable() and _UNSICHTBAR.search(node.value):
                _steuerzeichen(datei, node, fehler)  # type: ignore[arg-type]  # type(node) is …: mypy engt nicht ein
            return node.value
        if (
            node.tag in (INT_I, FLOAT_I)
            and not _SCHLICHT.match(node.value)
            and not (schluessel in _AGS_SCHLUESSEL and _FUEHRENDE_NULL.match(node.value))
            and len(node.value.replace("_", "")) <= _MAX_ZIFFERN  # zu lang: NZ204 in _skalar
        ):
            formen.append((schluessel, node))  # type: ignore[arg-type]  # type(node) is …: mypy engt nicht ein
        return _skalar(datei, node, fehler)  # type: ignore[arg-type]  # type(node) is …: mypy engt nicht ein
    if tiefe >= MAX_TIEFE:
        zeile, spalte = _pos(node)
        fehler.append(
            problem(
                datei,
                zeile,
                "NZ115",
                f"Hier ist die Datei tiefer als {MAX_TIEFE} Ebenen verschachtelt; kein Feld erlaubt das",
                "Einrückung und Klammern prüfen.",
                spalte,
            )
        )
        return None
    if len(node.value) > MAX_EINTRAEGE:
        _zu_viele(datei, node, fehler)
        return None
    if art is SequenceNode:
        if node.tag != SEQ:
            _tag_fehler(datei, node, fehler)
        return [_baue(datei, n, fehler, tiefe + 1, schluessel, formen) for n in node.value]
    return _zuordnung(datei, node, fehler, formen, tiefe=tiefe + 1)  # type: ignore[arg-type]  # type(node) is …: mypy engt nicht ein


def _zuordnung(
    datei: str,
    node: MappingNode,
    fehler: list[Problem],
    formen: _Formen,
    zeilen: dict[str, int] | None = None,
    tiefe: int = 0,
) -> dict[str, Any]:
    """Eine Zuordnung. ``zeilen`` (nur oberste Ebene) bekommt die Zeile jedes Schlüssels und
    ``schluessel[i]`` für Listeneinträge – für dateiübergreifende Befunde."""
    if node.tag != MAP:
        _tag_fehler(datei, node, fehler)
    out: dict[str, Any] = {}
    erste: dict[str, int] = {}  # Zeile des ersten Vorkommens: doppelte Schlüssel in O(1)
    for k, v in node.value:
        if type(k) is not ScalarNode:
            zeile, spalte = _pos(k)
            fehler.append(
                problem(datei, zeile, "NZ109", "Ein Schlüssel muss ein einfacher Text sein", spalte=spalte)
            )
            continue
        schluessel = k.value
        if schluessel in erste:
            zeile, spalte = _pos(k)
            fehler.append(
                problem(
                    datei,
                    zeile,
                    "NZ101",
                    f"Schlüssel „{_kurz(schluessel)}“ kommt doppelt vor",
                    f"Zuerst in Zeile {erste[schluessel]}; einen der beiden Einträge löschen.",
                    spalte,
                )
            )
            continue
        erste[schluessel] = k.start_mark.line + 1
        if zeilen is not None:
            zeilen[schluessel] = k.start_mark.line + 1
            if type(v) is SequenceNode:
                for i, n in enumerate(v.value):
                    zeilen[f"{schluessel}[{i}]"] = n.start_mark.line + 1
        out[schluessel] = _baue(datei, v, fehler, tiefe, schluessel, formen)
    return out


# Steuerzeichen (außer Tab und Zeilenende) und unsichtbare Formatzeichen (Richtungswechsel,
# Nullbreiten, weiches Trennzeichen): in einem Namen, Datum oder einer Webadresse nie gewollt,
# aber über YAML-Escapes („\e“, „\u202e“) oder Kopien aus Word/PDF leicht hineingeraten.
# Dazu, was in XML 1.0 nicht stehen darf (SVG, Atom, ODS, XLSX wären kaputt): Nichtzeichen
# U+FDD0–U+FDEF und U+xFFFE/U+xFFFF jeder Ebene, einzelne Ersatzzeichen (U+D800–U+DFFF).
_NICHTZEICHEN = "\ufdd0-\ufdef\ufffe\uffff\ud800-\udfff" + "".join(
    f"{chr(e * 0x10000 + 0xFFFE)}{chr(e * 0x10000 + 0xFFFF)}" for e in range(1, 17)
)
_UNSICHTBAR = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\xad\u061c\u180e"
    "\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb" + _NICHTZEICHEN + "]"
)
_NICHT_XML = re.compile("[" + _NICHTZEICHEN + "]")


def _zu_viele(datei: str, node: Node, fehler: list[Problem]) -> None:
    zeile, spalte = _pos(node)
    art = "Liste" if type(node) is SequenceNode else "Zuordnung"
    fehler.append(
        problem(
            datei,
            zeile,
            "NZ117",
            f"{art} mit {len(node.value):,} Einträgen; erlaubt sind höchstens {MAX_EINTRAEGE:,}".replace(
                ",", "."
            ),
            "Ist es die richtige Datei? Eine Region- oder Vertragsdatei hat wenige Dutzend Einträge.",
            spalte,
        )
    )


def _steuerzeichen(datei: str, node: ScalarNode, fehler: list[Problem]) -> None:
    zeichen = sorted({f"U+{ord(c):04X}" for c in _UNSICHTBAR.findall(node.value)})
    zeile, spalte = _pos(node)
    was = "unsichtbare Steuer- oder Formatzeichen"
    folge = "solche Zeichen können Terminals steuern oder Text verfälschen"
    if _NICHT_XML.search(node.value):
        was = "Zeichen, die in XML nicht stehen dürfen"
        folge = "Karte, Feed, ODS und XLSX wären damit kaputt"
    fehler.append(
        problem(
            datei,
            zeile,
            "NZ116",
            f"Der Wert enthält {was} ({', '.join(zeichen[:5])})",
            f"Den Wert neu tippen (oft aus einer Kopie oder einem Escape wie \\uFFFE); {folge}.",
            spalte,
        )
    )


def _kurz(text: str, laenge: int = 60) -> str:
    """Ein Wert für eine Meldung: höchstens ``laenge`` Zeichen."""
    return text if len(text) <= laenge else text[: laenge - 1] + "…"


def _skalar(datei: str, node: ScalarNode, fehler: list[Problem]) -> Any:
    tag = node.tag
    if tag == STR:
        return node.value
    if tag in (INT_I, FLOAT_I) and len(node.value.replace("_", "")) > _MAX_ZIFFERN:
        # vor der Umwandlung: sehr lange Zahlen (auch 1:0:0:… zur Basis 60) kosten sonst
        # quadratisch viel Zeit, und Python wandelt über 4.300 Ziffern gar nicht mehr um
        zeile, spalte = _pos(node)
        fehler.append(
            problem(
                datei,
                zeile,
                "NZ204",
                f"Zahl mit {len(node.value)} Zeichen ist zu lang; höchstens {_MAX_ZIFFERN} Ziffern",
                "Ist es ein Text, ihn in Anführungszeichen setzen.",
                spalte,
            )
        )
        return node.value
    try:
        if tag == INT_I:
            return _SCALARS.construct_yaml_int(node)
        if tag == FLOAT_I:
            return _SCALARS.construct_yaml_float(node)
        if tag == BOOL_I:
            return _SCALARS.construct_yaml_bool(node)
        if tag == NULL_I:
            return None
    except (ValueError, KeyError):  # z. B. "0o9" – PyYAML wirft hier, netz meldet über das Schema
        return node.value
    if tag.endswith("#implizit"):  # „=“ (YAML 1.1 „value“): ein gewöhnlicher Text
        return node.value
    _tag_fehler(datei, node, fehler)
    return node.value


def _tag_fehler(datei: str, node: Node, fehler: list[Problem]) -> None:
    zeile, spalte = _pos(node)
    tag = node.tag.replace("tag:yaml.org,2002:", "!!")
    fehler.append(
        problem(
            datei,
            zeile,
            "NZ108",
            f"YAML-Tag „{_kurz(tag)}“ ist nicht erlaubt",
            "Das Tag (z. B. !!str, !!int, !!null, !!binary) entfernen; netz liest die Werte selbst. "
            "Ein Text mit „!“ am Anfang gehört in Anführungszeichen.",
            spalte,
        )
    )


# --- Positionen für Schemafehler ------------------------------------------


@dataclass(frozen=True)
class Fundstelle:
    zeile: int
    spalte: int
    roh: str | None  # Originaltext eines Skalars, z. B. "05111"
    gefunden: bool  # False: Pfad endet vorher (z. B. fehlender Schlüssel)
    zitiert: bool = False  # ein Skalar in Anführungszeichen (oder als Block-Text)
    stil: str | None = None  # libyaml-Stil des Skalars: "" ungequotet, '"', "'", "|", ">"


def oben(knoten: Node | None, schluessel: str) -> Fundstelle | None:
    """Der Wert eines Schlüssels der obersten Ebene, wenn er ein einfacher Wert ist – ein Blick
    über die wenigen Schlüssel, kein Gang durch die Datei (für jede gültige Datei bezahlbar)."""
    if type(knoten) is not MappingNode:
        return None
    for k, v in knoten.value:
        if type(k) is ScalarNode and k.value == schluessel and type(v) is ScalarNode:
            z, s = _pos(v)
            return Fundstelle(z, s, v.value, True, bool(v.style) or v.tag == STR, v.style or "")
    return None


def finde(knoten: Node | None, pfad: tuple[str | int, ...], als_schluessel: bool = False) -> Fundstelle:
    """Folgt ``pfad`` (wie pydantic ``loc``) durch den Knotenbaum."""
    if knoten is None:
        return Fundstelle(1, 1, None, False)
    node = knoten
    for i, schritt in enumerate(pfad):
        naechster: Node | None = None
        if isinstance(node, MappingNode):
            for k, v in node.value:
                if isinstance(k, ScalarNode) and k.value == schritt:
                    if als_schluessel and i == len(pfad) - 1:
                        z, s = _pos(k)
                        return Fundstelle(z, s, k.value, True)
                    naechster = v
                    break
        elif isinstance(node, SequenceNode) and isinstance(schritt, int) and 0 <= schritt < len(node.value):
            naechster = node.value[schritt]
        if naechster is None:
            z, s = _pos(node)
            return Fundstelle(z, s, None, False)
        node = naechster
    z, s = _pos(node)
    if isinstance(node, ScalarNode):
        # libyaml: Stil "" für ungequotet; ein ausdrückliches „!!str“ zählt wie Anführungszeichen
        return Fundstelle(z, s, node.value, True, bool(node.style) or node.tag == STR, node.style or "")
    return Fundstelle(z, s, None, True)
