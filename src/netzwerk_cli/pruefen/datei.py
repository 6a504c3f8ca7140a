"""Eine Datei prüfen: Bytes -> YAML (libyaml) -> Pydantic-Modell, oder Befunde mit Position."""

from __future__ import annotations

import difflib
import functools
import re
import types
import typing
import unicodedata
from typing import Any

from pydantic import BaseModel, ValidationError

from ..kern.befund import Korrektur, Problem
from ..kern.bestand import Dokument, M
from ..kern.datum import iso_vorschlag
from ..kern.modelle import QUELLEN_MARKEN
from .codes import MAX_BEFUNDE, begrenze, problem
from .yamlio import Fundstelle, Gelesen, finde, lies_yaml, oben, schlichte_zahl

# --- Schemafehler übersetzen ---------------------------------------------

_TYPEN = {
    "string_type": "Text",
    "int_type": "ganze Zahl",
    "int_parsing": "ganze Zahl",
    "int_from_float": "ganze Zahl",
    "float_type": "Zahl",
    "bool_type": "Wahrheitswert (true/false)",
    "list_type": "Liste („- …“-Zeilen)",
    "dict_type": "Zuordnung („schlüssel: wert“-Zeilen)",
    "model_type": "Zuordnung („schlüssel: wert“-Zeilen)",
    "model_attributes_type": "Zuordnung („schlüssel: wert“-Zeilen)",
}


def _gelesen_als(wert: Any) -> str:
    if wert is None:
        return "als leerer Wert gelesen"
    if isinstance(wert, bool):
        return f"als Wahrheitswert {'true' if wert else 'false'} gelesen"
    if isinstance(wert, (int, float)):
        return f"als Zahl {wert} gelesen"
    if isinstance(wert, list):
        return "als Liste gelesen"
    if isinstance(wert, dict):
        return "als Zuordnung gelesen"
    return f"als Text „{_kurz(str(wert))}“ gelesen"


def _unsichtbar(text: str) -> list[str]:
    """Unsichtbare Zeichen (Steuer- und Formatzeichen, besondere Leerzeichen) als „U+200B“."""
    return sorted(
        {f"U+{ord(c):04X}" for c in text if unicodedata.category(c) in ("Cc", "Cf", "Zs") and c != " "}
    )


def _kurz(text: str, laenge: int = 60) -> str:
    """Ein Wert für eine Meldung: höchstens ``laenge`` Zeichen."""
    return text if len(text) <= laenge else text[: laenge - 1] + "…"


def _pfadtext(loc: tuple[str | int, ...]) -> str:
    out = ""
    for teil in loc:
        out += f"[{teil + 1}]" if isinstance(teil, int) else (f".{teil}" if out else str(teil))
    return out


def schemafehler(
    datei: str, gelesen: Gelesen, fehler: ValidationError, modell: type[BaseModel]
) -> list[Problem]:
    out: list[Problem] = []
    alle = fehler.errors(include_url=False)
    # Jede Fundstelle kostet einen Gang durch den Knotenbaum: nur für die gezeigten Befunde.
    for e in alle[:MAX_BEFUNDE]:
        loc = _ohne_marken(tuple(e["loc"]))
        typ = e["type"]
        feld = _kurz(_pfadtext(loc))
        if typ == "missing":
            f = finde(gelesen.knoten, loc[:-1])
            out.append(
                problem(
                    datei,
                    f.zeile,
                    "NZ201",
                    f"Pflichtfeld „{feld}“ fehlt",
                    f"Eine Zeile „{loc[-1]}: …“ ergänzen.",
                    f.spalte,
                )
            )
            continue
        if typ == "extra_forbidden":
            f = finde(gelesen.knoten, loc, als_schluessel=True)
            erlaubt = _felder(modell, loc[:-1])
            schluessel = str(loc[-1])
            unsichtbar = _unsichtbar(schluessel)
            # difflib ist quadratisch in der Länge: nur für Schlüssel, die ein Tippfehler sein können
            nah = difflib.get_close_matches(schluessel, erlaubt, n=1) if len(schluessel) <= 40 else []
            hinweis = f"Meinten Sie „{nah[0]}“? " if nah else ""
            if unsichtbar:
                hinweis += f"Unsichtbare Zeichen im Schlüssel ({', '.join(unsichtbar)}); neu tippen. "
            hinweis += "Erlaubt: " + ", ".join(erlaubt) + "."
            out.append(problem(datei, f.zeile, "NZ202", f"Unbekannter Schlüssel „{feld}“", hinweis, f.spalte))
            continue
        f = finde(gelesen.knoten, loc)
        if loc in _AGS_FELDER.get(modell.__name__, ()) and f.roh is not None and not f.zitiert:
            out.append(_ags_ohne_anfuehrungszeichen(datei, f, feld, e.get("input")))
        elif typ in _TYPEN or (typ == "string_type"):
            p = _typfehler(datei, f, feld, _TYPEN.get(typ, "Text"), e.get("input"))
            if typ in ("model_type", "model_attributes_type", "dict_type"):
                p = p._replace(hinweis=_zuordnung_hinweis(modell, loc))
            out.append(p)
        elif typ == "datum":
            eingabe = e.get("input")
            # Ein deutsch geschriebener Tag ist der häufigste Fehler: die Lösung gleich nennen
            iso = iso_vorschlag(eingabe) if isinstance(eingabe, str) and len(eingabe) <= 60 else None
            # mechanisch behebbar (validate --fix): der geschriebene Text ist genau die Eingabe
            fix = None
            if iso is not None and f.roh is not None and f.roh == eingabe and not f.zitiert:
                fix = Korrektur("ersetzen", f.zeile, f.spalte, f.roh, iso)
            out.append(
                problem(
                    datei,
                    f.zeile,
                    "NZ301",
                    f"„{feld}“: {_kurz(str(e['msg']), 200)}",
                    (f"Meinten Sie {iso}? " if iso else "")
                    + "Schreibweisen: 2010-05-06, 2010-05, 2010, „spätestens 2010-05-06“, "
                    "„frühestens 2019-08“, „zwischen 2019-03-15 und 2019-07-08“.",
                    f.spalte,
                    korrektur=fix,
                )
            )
        elif typ == "literal_error":
            erwartet = e.get("ctx", {}).get("expected", "")
            erwartet = erwartet.replace("' or '", "', '")
            # Was der Mensch schrieb („no“), nicht was YAML daraus machte (False)
            geschrieben = f.roh if f.roh is not None else str(e.get("input"))
            out.append(
                problem(
                    datei,
                    f.zeile,
                    "NZ204",
                    f"„{feld}“: „{_kurz(geschrieben)}“ ist nicht erlaubt",
                    f"Erlaubt: {erwartet}.",
                    f.spalte,
                )
            )
        else:
            hinweis = _HINWEISE.get(typ, "")
            # „ags“ (ein Name statt des Schlüssels): den Vorschlag macht pruefen.regionsnamen, das
            # die Regionen kennt
            out.append(problem(datei, f.zeile, "NZ204", f"„{feld}“: {_deutsch(e)}", hinweis, f.spalte))
    return begrenze(out, datei, max(0, len(alle) - MAX_BEFUNDE))


# Hinweise zu eigenen Fehlerarten der Modelle (PydanticCustomError)
_HINWEISE = {
    "zitat_leer": "Den Satz der Quelle wörtlich angeben, der die Angabe stützt – oder „zitat:“ weglassen.",
}


def _ohne_marken(loc: tuple[str | int, ...]) -> tuple[str | int, ...]:
    """Der Ort ohne die Marke der Quellenform („quellen.0.<objekt>.url“ → „quellen.0.url“).

    Nur eine Marke direkt hinter einem Listenplatz oder Feld fällt weg – ein Schlüssel, der
    zufällig so heißt, bleibt im Ort stehen."""
    out: list[str | int] = []
    for i, teil in enumerate(loc):
        if teil in QUELLEN_MARKEN and (i == 0 or loc[i - 1] not in QUELLEN_MARKEN):
            continue
        out.append(teil)
    return tuple(out)


# Amtliche Schlüssel je Modell: sie brauchen Anführungszeichen, sonst liest YAML (oder ein
# anderes Werkzeug) sie als Zahl, und die führende Null ist weg.
_AGS_FELDER: dict[str, tuple[tuple[str | int, ...], ...]] = {"Region": (("ags",),), "Vertrag": (("region",),)}


def _ags_ohne_anfuehrungszeichen(datei: str, f: Fundstelle, feld: str, wert: Any) -> Problem:
    """Jeder amtliche Schlüssel ohne Anführungszeichen, gleich wie YAML ihn gerade liest: als
    Oktalzahl (05111 → 2633), als Zahl (5111) oder – bei 8 und 9 in den Ziffern – als Text."""
    roh = f.roh or ""
    soll = roh
    if isinstance(wert, int) and not isinstance(wert, bool) and roh.startswith("0") and roh.isdigit():
        gelesen = f"YAML liest {roh} als Oktalzahl (= {wert})"
    elif isinstance(wert, (int, float)) and not isinstance(wert, bool):
        gelesen = f"YAML liest {roh} als Zahl"
        if roh.isdigit() and len(roh) in (4, 7):  # aus einer Tabelle: die führende Null fehlt
            gelesen += ", die führende Null fehlt"
            soll = "0" + roh
    else:
        zahl = int(roh) if roh.isdigit() else roh
        gelesen = f"YAML 1.1 liest {roh} als Text, YAML 1.2 und Tabellenprogramme als Zahl {zahl}"
    return problem(
        datei,
        f.zeile,
        "NZ203",
        f"„{feld}“: Schlüssel ohne Anführungszeichen – {gelesen}",
        f"Bitte in Anführungszeichen schreiben: '{soll}'",
        f.spalte,
        korrektur=_in_anfuehrungszeichen(f) if soll == roh else None,
    )


def _typfehler(datei: str, f: Fundstelle, feld: str, erwartet: str, wert: Any) -> Problem:
    gelesen = _gelesen_als(wert)
    hinweis = ""
    neu: str | None = None
    if erwartet == "Text" and f.roh is not None and not isinstance(wert, (list, dict)):
        hinweis = f"Bitte in Anführungszeichen schreiben: '{f.roh}'"
    elif erwartet in ("ganze Zahl", "Zahl") and f.roh is not None:
        hinweis, neu = _zahl_hinweis(f, erwartet == "ganze Zahl")
    elif erwartet.startswith("Wahrheitswert") and f.roh is not None:
        hinweis, neu = _wahrheitswert_hinweis(f)
    elif erwartet != "Text" and isinstance(wert, str) and f.zitiert:
        hinweis = "Ohne Anführungszeichen schreiben."
    p = problem(
        datei,
        f.zeile,
        "NZ203",
        f"„{feld}“: {erwartet} erwartet, aber {gelesen}",
        hinweis,
        f.spalte,
        korrektur=_in_anfuehrungszeichen(f) if hinweis.startswith("Bitte") else None,
    )
    if neu is not None:
        schluessel = feld.rsplit(".", 1)[-1]
        p = p._replace(hinweis=f"{hinweis}:  {schluessel if not schluessel.endswith(']') else '-'}: {neu}")
        if (alt := _quelltext(f)) is not None:
            p = p._replace(korrektur=Korrektur("ersetzen", f.zeile, f.spalte, alt, neu))
    return p


def _quelltext(f: Fundstelle) -> str | None:
    """Der Wert, wie er in der Zeile steht (für eine Korrektur) – None, wo das nicht sicher ist
    (Escapes, Anführungszeichen im Wert, mehrere Zeilen)."""
    roh = f.roh
    if roh is None or "\n" in roh or not roh:
        return None
    if f.stil == "":
        return roh
    if f.stil in ('"', "'") and '"' not in roh and "'" not in roh and "\\" not in roh:
        return f.stil + roh + f.stil
    return None


# Deutsche Schreibweisen von Zahlen: 459.809 und 1.234.567 (Tausenderpunkt), 459 809, 1042,80
_TAUSENDER = re.compile(r"^-?[0-9]{1,3}(?:[. ][0-9]{3})+$")
_DEZIMALKOMMA = re.compile(r"^-?[0-9]{1,3}(?:\.[0-9]{3})*,[0-9]+$|^-?[0-9]+,[0-9]+$")
_ZIFFERN = re.compile(r"^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?$")
_ANDERE_ZAHL = re.compile(r"^[+-]?(?:(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)[eE][+-]?[0-9]{1,3}|0[oO][0-7]+)$")


def _zahl_hinweis(f: Fundstelle, ganz: bool) -> tuple[str, str | None]:
    """Hinweis (und schlichte Zahl) für eine Zahl, die nicht als Zahl gelesen wurde."""
    roh = (f.roh or "").strip()
    if _TAUSENDER.match(roh) and (ganz or roh.count(".") + roh.count(" ") > 1):
        neu = roh.replace(".", "").replace(" ", "")
        trenner = "Der Punkt trennt" if "." in roh else "Das Leerzeichen trennt"
        return f"{trenner} hier Tausender; Zahlen ohne Trennzeichen schreiben", neu
    if _DEZIMALKOMMA.match(roh):
        neu = roh.replace(".", "").replace(",", ".")
        if ganz:
            return "Eine ganze Zahl ohne Komma und ohne Nachkommastellen schreiben.", None
        return "Nachkommastellen mit Punkt, nicht mit Komma", neu
    if _ZIFFERN.match(roh) and f.zitiert and (not ganz or "." not in roh):
        return "Ohne Anführungszeichen schreiben", roh
    # Schreibweisen, die YAML 1.1 als Text liest, YAML 1.2 und Tabellen als Zahl: 1e5, 0o17
    if _ANDERE_ZAHL.match(roh) and (zahl := schlichte_zahl(roh)) is not None and not (ganz and "." in zahl):
        return "Die Zahl schlicht schreiben (nur Ziffern)", zahl
    if ganz:
        return "Eine ganze Zahl nur aus Ziffern schreiben, z. B. 298935.", None
    return "Eine Zahl aus Ziffern schreiben, Nachkommastellen mit Punkt, z. B. 563.28.", None


_JA = frozenset({"ja", "wahr", "yes", "y", "on", "true", "j"})
_NEIN = frozenset({"nein", "falsch", "no", "n", "off", "false"})


def _wahrheitswert_hinweis(f: Fundstelle) -> tuple[str, str | None]:
    """„pruefen: nein“: YAML kennt nur true und false (ohne Anführungszeichen)."""
    roh = (f.roh or "").strip()
    klein = roh.lower()
    neu = "true" if klein in _JA else "false" if klein in _NEIN else None
    if neu is None:
        return "Als Wahrheitswert true oder false schreiben (ohne Anführungszeichen).", None
    return f"YAML kennt „{_kurz(roh)}“ nicht als Wahrheitswert, nur true und false", neu


def _zuordnung_hinweis(modell: type[BaseModel], loc: tuple[str | int, ...]) -> str:
    """„lenkungskreis: ja“: das Feld ist eine Zuordnung mit eigenen Zeilen – welche, sagt das Schema."""
    felder = _felder(modell, loc)
    if not felder:
        return "Als eingerückte „schlüssel: wert“-Zeilen darunter schreiben."
    pflicht = _pflichtfelder(modell, loc) or felder[:1]
    name = str(loc[-1]) if loc and isinstance(loc[-1], str) else "…"
    zeilen = " und ".join(f"„{p}: …“" for p in pflicht)
    return (
        f"„{name}:“ allein in seine Zeile schreiben, darunter um zwei Leerzeichen eingerückt {zeilen} "
        f"(erlaubt: {', '.join(felder)}); siehe docs/datenformat.md."
    )


def _pflichtfelder(modell: type[BaseModel], loc: tuple[str | int, ...]) -> list[str]:
    aktuell: Any = modell
    for teil in loc:
        if isinstance(teil, int):
            continue
        feld = aktuell.model_fields.get(teil)
        aktuell = _innerer_typ(feld.annotation) if feld is not None else None
        if aktuell is None:
            return []
    return [n for n, fi in aktuell.model_fields.items() if fi.is_required()]


@functools.cache
def zahlfelder(modell: type[BaseModel]) -> frozenset[str]:
    """Die Schlüssel (auf jeder Ebene), unter denen ``modell`` eine Zahl erwartet."""
    out: set[str] = set()
    for name, fi in modell.model_fields.items():
        if _ist_zahl(fi.annotation):
            out.add(name)
        if (inner := _innerer_typ(fi.annotation)) is not None and inner is not modell:
            out |= zahlfelder(inner)
    return frozenset(out)


def _ist_zahl(annotation: Any) -> bool:
    if annotation in (int, float):
        return True
    herkunft = typing.get_origin(annotation)
    if herkunft is typing.Annotated:  # Annotated[int, Field(ge=0)]: der Typ ist das erste Argument
        return _ist_zahl(typing.get_args(annotation)[0])
    if herkunft in (typing.Union, types.UnionType):
        return any(_ist_zahl(a) for a in typing.get_args(annotation))
    return False


def _in_anfuehrungszeichen(f: Fundstelle) -> Korrektur | None:
    """Eine Zahl als Text: ``05170`` → ``"05170"`` – mechanisch nur bei reinen Ziffern (ein
    ``true`` oder ``1e3`` in Anführungszeichen wäre eine Entscheidung über die Bedeutung)."""
    if f.roh is None or f.zitiert or not f.roh.isdigit():
        return None
    return Korrektur("ersetzen", f.zeile, f.spalte, f.roh, f'"{f.roh}"')


def _deutsch(e: Any) -> str:
    ctx = e.get("ctx") or {}
    typ = e["type"]
    if typ == "string_too_short":
        return "darf nicht leer sein"
    if typ == "string_pattern_mismatch":
        return f"„{_kurz(str(e.get('input')))}“ hat nicht die erwartete Form ({ctx.get('pattern')})"
    if typ in ("greater_than_equal", "greater_than"):
        return f"muss mindestens {ctx.get('ge', ctx.get('gt'))} sein"
    return _kurz(str(e["msg"]), 200)


def _felder(modell: type[BaseModel], loc: tuple[str | int, ...]) -> list[str]:
    """Die erlaubten Schlüssel an der Stelle ``loc`` (für „Meinten Sie …?“)."""
    aktuell: Any = modell
    for teil in loc:
        if isinstance(teil, int):
            continue
        feld = aktuell.model_fields.get(teil)
        if feld is None:
            return []
        aktuell = _innerer_typ(feld.annotation)
        if aktuell is None:
            return []
    return list(aktuell.model_fields)


def _innerer_typ(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        t = _innerer_typ(arg)
        if t is not None:
            return t
    return None


def pruefe_datei(
    pfad: str, daten: bytes, modell: type[M], anzeige: str
) -> tuple[Dokument[M] | None, list[Problem]]:
    """Die gelesenen Bytes einer Datei: Modell oder Befunde (nur von ``daten`` abhängig)."""
    gelesen = lies_yaml(anzeige, daten, zahlfelder(modell))
    if gelesen.wert is None:
        return None, gelesen.probleme
    try:
        obj = modell.model_validate(gelesen.wert)
    except ValidationError as e:
        return None, schemafehler(anzeige, gelesen, e, modell)
    # Ein gültiger Schlüssel kann trotzdem ohne Anführungszeichen stehen (05958: keine Oktalzahl,
    # also Text) – er wird abgewiesen wie jeder andere, damit die Regel eine ist.
    for (schluessel,) in _AGS_FELDER.get(modell.__name__, ()):
        f = oben(gelesen.knoten, str(schluessel))
        if f is not None and not f.zitiert:
            return None, [_ags_ohne_anfuehrungszeichen(anzeige, f, str(schluessel), f.roh)]
    return Dokument(pfad, anzeige, obj, gelesen.zeilen), []
