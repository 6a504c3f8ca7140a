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

from dataclasses import dataclass, field
from typing import Any

import yaml
import yaml.reader
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.resolver import BaseResolver, Resolver

from .probleme import Problem, problem

try:  # libyaml: etwa zehnmal schneller; ohne sie bleibt alles korrekt, nur langsamer
    from yaml._yaml import CParser as _Parser
except ImportError:  # pragma: no cover - abhängig von der Installation
    from yaml.composer import Composer
    from yaml.parser import Parser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class _Parser(Reader, Scanner, Parser, Composer):  # type: ignore[no-redef]
        def __init__(self, stream: str) -> None:
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            Parser.__init__(self)
            Composer.__init__(self)


MAX_BYTES = 1024 * 1024

STR = "tag:yaml.org,2002:str"
INT = "tag:yaml.org,2002:int"
FLOAT = "tag:yaml.org,2002:float"
BOOL = "tag:yaml.org,2002:bool"
NULL = "tag:yaml.org,2002:null"
MAP = "tag:yaml.org,2002:map"
SEQ = "tag:yaml.org,2002:seq"


class _Resolver(BaseResolver):
    """YAML-1.1-Auflösung wie PyYAML, aber ohne Zeitstempel und Merge-Schlüssel."""


for _first, _mappings in Resolver.yaml_implicit_resolvers.items():
    for _tag, _regexp in _mappings:
        if _tag.endswith((":timestamp", ":merge")):
            continue
        _Resolver.add_implicit_resolver(_tag, _regexp, [_first] if _first else None)


class _Loader(_Parser, _Resolver):  # type: ignore[misc,valid-type]
    def __init__(self, stream: str) -> None:
        _Parser.__init__(self, stream)
        _Resolver.__init__(self)


_SCALARS = SafeConstructor()


@dataclass
class Gelesen:
    """Ergebnis des Einlesens einer Datei."""

    wert: dict[str, Any] | None
    knoten: Node | None
    probleme: list[Problem]
    # Zeile jedes Schlüssels der obersten Ebene, für dateiübergreifende Befunde
    zeilen: dict[str, int] = field(default_factory=dict)


class _Abbruch(Exception):
    def __init__(self, p: Problem) -> None:
        self.problem = p


def _pos(node: Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


_SYNTAX_DEUTSCH = {
    "mapping values are not allowed here": "Doppelpunkt an dieser Stelle nicht erlaubt "
    "(Einrückung prüfen oder den Wert in Anführungszeichen setzen)",
    "could not find expected ':'": "erwarteter Doppelpunkt fehlt",
    "found character '\\t' that cannot start any token": "Tabulatorzeichen sind in YAML "
    "nicht erlaubt; bitte Leerzeichen verwenden",
    "found unexpected end of stream": "Datei endet unerwartet (offenes Anführungszeichen?)",
    "did not find expected key": "Schlüssel erwartet (Einrückung prüfen)",
    "did not find expected '-' indicator": "Listeneintrag „- “ erwartet (Einrückung prüfen)",
    "expected a single document in the stream": "mehrere YAML-Dokumente in einer Datei; "
    "bitte nur eines (kein zweites „---“)",
    "found undefined alias": "Alias ohne Anker",
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


def _syntax_problem(datei: str, err: yaml.MarkedYAMLError) -> Problem:
    roh = (err.problem or "").strip()
    kontext = (err.context or "").strip()
    mark = err.problem_mark or err.context_mark
    if kontext.startswith("while scanning a quoted scalar") and err.context_mark:
        mark = err.context_mark  # dort beginnt das offene Anführungszeichen
    zeile, spalte = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    deutsch = _SYNTAX_DEUTSCH.get(roh) or _SYNTAX_DEUTSCH.get(kontext)
    if deutsch is None:
        for englisch, text in _SYNTAX_DEUTSCH.items():
            if roh.startswith(englisch):
                deutsch = text
                break
    meldung = f"YAML-Syntaxfehler: {deutsch}" if deutsch else "YAML-Syntaxfehler"
    hinweis = f"PyYAML meldet: {roh}" + (f" ({kontext})" if kontext else "")
    return problem(datei, zeile, "NZ105", meldung, hinweis, spalte)


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
    try:
        text = daten.decode("utf-8")
    except UnicodeDecodeError as e:
        zeile = daten.count(b"\n", 0, e.start) + 1
        spalte = e.start - (daten.rfind(b"\n", 0, e.start) + 1) + 1
        return None, [
            problem(
                datei,
                zeile,
                "NZ103",
                f"Byte 0x{daten[e.start]:02X} ist kein gültiges UTF-8",
                "Datei im Editor als UTF-8 speichern (nicht ANSI/Windows-1252).",
                spalte,
            )
        ]
    if text.startswith("\ufeff"):
        text = text[1:]
    return text, []


def lies_yaml(datei: str, daten: bytes) -> Gelesen:
    """Liest eine YAML-Datei streng. ``datei`` ist nur der Name für Meldungen."""
    text, probleme = dekodiere(datei, daten)
    if text is None:
        return Gelesen(None, None, probleme)
    try:
        loader = _Loader(text)
        try:
            knoten = loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as e:
        return Gelesen(None, None, [_syntax_problem(datei, e)])
    except yaml.reader.ReaderError as e:  # Steuerzeichen im Text
        zeile = text.count("\n", 0, e.position) + 1
        spalte = e.position - (text.rfind("\n", 0, e.position) + 1) + 1
        return Gelesen(
            None,
            None,
            [
                problem(
                    datei,
                    zeile,
                    "NZ105",
                    f"YAML-Syntaxfehler: Steuerzeichen U+{e.character:04X} ist nicht erlaubt",
                    "Das unsichtbare Zeichen löschen (oft aus einer Kopie aus Word oder PDF).",
                    spalte,
                )
            ],
        )
    except yaml.YAMLError as e:  # pragma: no cover - andere Fehler tragen eine Marke
        return Gelesen(None, None, [problem(datei, 1, "NZ105", "YAML-Syntaxfehler", f"PyYAML meldet: {e}")])
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
    if ("&" in text or "*" in text) and (p := _anker(datei, text)):
        return Gelesen(None, knoten, [p])
    if not isinstance(knoten, MappingNode):
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
    wert = _baue(datei, knoten, fehler)
    return Gelesen(wert if not fehler else None, knoten, fehler, _zeilen(knoten))


def _zeilen(knoten: MappingNode) -> dict[str, int]:
    """Zeilen der Schlüssel oberster Ebene, dazu ``schluessel[i]`` für Listeneinträge."""
    out: dict[str, int] = {}
    for k, v in knoten.value:
        if not isinstance(k, ScalarNode):
            continue
        out[k.value] = k.start_mark.line + 1
        if isinstance(v, SequenceNode):
            for i, n in enumerate(v.value):
                out[f"{k.value}[{i}]"] = n.start_mark.line + 1
    return out


def _anker(datei: str, text: str) -> Problem | None:
    """Sucht Anker und Aliase (nur wenn ``&`` oder ``*`` überhaupt vorkommt)."""
    # Derselbe Parser wie beim Lesen: der Text ist also schon als gültig bekannt.
    for ev in yaml.parse(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
        anker = getattr(ev, "anchor", None)
        if anker is None:
            continue
        art = "Alias" if isinstance(ev, yaml.AliasEvent) else "Anker"
        return problem(
            datei,
            ev.start_mark.line + 1,
            "NZ107",
            f"YAML-{art} „{anker}“ ist nicht erlaubt",
            "Werte ausschreiben. Beginnt ein Text mit & oder *, ihn in Anführungszeichen setzen.",
            ev.start_mark.column + 1,
        )
    return None


def _baue(datei: str, node: Node, fehler: list[Problem]) -> Any:
    if isinstance(node, ScalarNode):
        return _skalar(datei, node, fehler)
    if isinstance(node, SequenceNode):
        if node.tag != SEQ:
            _tag_fehler(datei, node, fehler)
        return [_baue(datei, n, fehler) for n in node.value]
    assert isinstance(node, MappingNode)
    if node.tag != MAP:
        _tag_fehler(datei, node, fehler)
    out: dict[str, Any] = {}
    erste: dict[str, int] = {}
    for k, v in node.value:
        if not isinstance(k, ScalarNode):
            zeile, spalte = _pos(k)
            fehler.append(
                problem(datei, zeile, "NZ109", "Ein Schlüssel muss ein einfacher Text sein", spalte=spalte)
            )
            continue
        schluessel = k.value
        zeile, spalte = _pos(k)
        if schluessel in erste:
            fehler.append(
                problem(
                    datei,
                    zeile,
                    "NZ101",
                    f"Schlüssel „{schluessel}“ kommt doppelt vor",
                    f"Zuerst in Zeile {erste[schluessel]}; einen der beiden Einträge löschen.",
                    spalte,
                )
            )
            continue
        erste[schluessel] = zeile
        out[schluessel] = _baue(datei, v, fehler)
    return out


def _skalar(datei: str, node: ScalarNode, fehler: list[Problem]) -> Any:
    tag = node.tag
    if tag == STR:
        return node.value
    try:
        if tag == INT:
            return _SCALARS.construct_yaml_int(node)
        if tag == FLOAT:
            return _SCALARS.construct_yaml_float(node)
        if tag == BOOL:
            return _SCALARS.construct_yaml_bool(node)
        if tag == NULL:
            return None
    except ValueError:  # z. B. "0o9" – PyYAML wirft hier, netz meldet
        return node.value
    _tag_fehler(datei, node, fehler)
    return node.value


def _tag_fehler(datei: str, node: Node, fehler: list[Problem]) -> None:
    zeile, spalte = _pos(node)
    fehler.append(
        problem(
            datei,
            zeile,
            "NZ108",
            f"YAML-Tag „{node.tag}“ ist nicht erlaubt",
            "Das Tag (z. B. !!binary, !!timestamp) entfernen; netz liest Daten selbst.",
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
    roh = node.value if isinstance(node, ScalarNode) else None
    return Fundstelle(z, s, roh, True)
