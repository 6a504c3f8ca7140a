"""Daten sicher ausgeben: jeder Text aus einer Datendatei ist feindliche Eingabe.

Die Dateien eines Pull-Requests landen in Terminals von Betreuern (``netz show``), in der
Zusammenfassung eines CI-Laufs (Markdown), in Tabellenkalkulationen (CSV), in den
Workflow-Befehlen von GitHub und in HTML/SVG. Jedes dieser Ziele hat eigene Zeichen mit
Wirkung; die Funktionen hier nehmen sie Daten weg, bevor ein Renderer sie einsetzt.
Renderer setzen sie an jeder Stelle ein, an der ein Text aus den Daten (auch ein Dateiname
oder eine Meldung, die Daten zitiert) ausgegeben wird – netz' eigener Text bleibt, wie er ist.

Alles hier ist rein: Text hinein, Text heraus, ohne Zustand und ohne Ein-/Ausgabe.
"""

from __future__ import annotations

import re
import unicodedata
from html import escape
from typing import Any

from ..kern.webadresse import ist_webadresse

# Steuerzeichen (Cc: C0, DEL, C1 mit U+0085), Formatzeichen (Cf: Bidi-Steuerung wie U+202E,
# U+2066–U+2069, U+200E/F, U+061C, dazu unsichtbare wie U+200B und U+FEFF), Zeilen- und
# Absatztrenner (Zl, Zp: U+2028/2029) und einzelne Surrogate (Cs, nicht als UTF-8 ausgebbar).
# Sie verändern, was ein Terminal zeigt, ohne selbst sichtbar zu sein.
_UNSICHTBAR = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs"})
_KURZ = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _zeigen(z: str) -> str:
    """Ein unsichtbares Zeichen als sichtbarer Text: ``\\x1b`` bis U+00FF, sonst ``U+202E``."""
    if z in _KURZ:
        return _KURZ[z]
    n = ord(z)
    return f"\\x{n:02x}" if n < 0x100 else f"U+{n:04X}"


def _nichtzeichen(n: int) -> bool:
    """Unicode-Nichtzeichen: U+FDD0–U+FDEF und die letzten zwei jeder Ebene (U+FFFE, U+1FFFF …).
    XML 1.0 verbietet U+FFFE/U+FFFF; LibreOffice und openpyxl scheitern an ihnen."""
    return 0xFDD0 <= n <= 0xFDEF or (n & 0xFFFE) == 0xFFFE


def _gefaehrlich(z: str) -> bool:
    return unicodedata.category(z) in _UNSICHTBAR or _nichtzeichen(ord(z))


def sichtbar(text: str) -> str:
    """``text`` mit jedem Steuer-, Format- und Trennzeichen als sichtbarer Ersatz
    (``\\x1b``, ``\\n``, ``U+202E``) – einzeilig, ohne Wirkung auf ein Terminal.

    Alles andere bleibt unverändert: Umlaute, „“, –, €, ², Emoji. Einzige Ausnahme davon:
    Emoji-Folgen mit Nullbreitenverbinder (U+200D) erscheinen zerlegt, denn U+200D ist ein
    Formatzeichen wie die übrigen.
    """
    # schneller Weg: druckbarer Text (im Sinn von Python) enthält keins dieser Zeichen
    if text.isprintable():
        return text
    return "".join(_zeigen(z) if _gefaehrlich(z) else z for z in text)


_NICHT_ASCII = re.compile(r"[^\x20-\x7e\n]")


def json_sicher(json_text: str) -> str:
    """Fertiges JSON, in dem jedes unsichtbare Zeichen (wie bei :func:`sichtbar`) als
    ``\\uXXXX``-Escape steht. Gleichwertiges JSON: ein Leser bekommt dieselben Werte, ein
    Terminal aber kein Steuerzeichen. Solche Zeichen stehen in JSON nur in Zeichenketten, wo
    das Escape gilt; Zeichen jenseits von U+FFFF werden zu einem Surrogatpaar."""

    def ersetze(m: re.Match[str]) -> str:
        z = m[0]
        if not _gefaehrlich(z):
            return z
        n = ord(z)
        if n <= 0xFFFF:
            return f"\\u{n:04x}"
        n -= 0x10000
        return f"\\u{0xD800 + (n >> 10):04x}\\u{0xDC00 + (n & 0x3FF):04x}"

    return _NICHT_ASCII.sub(ersetze, json_text)


# --- Markdown (GitHub Flavored Markdown, auch $GITHUB_STEP_SUMMARY) ---

# Zeichen mit Wirkung mitten in einer Zeile: Escape, Code, Hervorhebung, Links und Bilder,
# HTML, Tabellenzellen, Durchstreichen, Entitäten (&#x202E; wäre sonst wieder ein Bidi-Zeichen),
# Formeln ($…$ auf GitHub). Ein vorangestellter Backslash macht jedes davon zu Text.
_MD_INLINE = re.compile(r"([\\`*_\[\]<>|~&!$])")
# Am Zeilenanfang zusätzlich: Überschrift, Zitat, Liste, Setext-Linie, nummerierte Liste.
_MD_ANFANG = re.compile(r"^(?:([#>+=-])|(\d+)([.)]))")


def markdown_zelle(text: str) -> str:
    """Daten in einer Tabellenzelle oder hinter netz' eigenem Zeilenanfang (``## ``): was
    Markdown mitten in einer Zeile als Auszeichnung läse, steht mit Backslash da. Umbrüche sind
    schon durch :func:`sichtbar` sichtbar geworden – kein Wert beginnt eine neue Zeile,
    Tabellenzelle, einen Link, ein Bild oder HTML."""
    return _MD_INLINE.sub(r"\\\1", sichtbar(text))


def markdown_text(text: str) -> str:
    """Daten, die selbst am Anfang eines Blocks stehen (ein Listenpunkt ``- …``): wie
    :func:`markdown_zelle`, dazu ohne Überschrift, Zitat, Liste oder Einrückung am Anfang."""
    t = markdown_zelle(text.lstrip(" "))
    return _MD_ANFANG.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}", t, count=1)


def markdown_code(text: str) -> str:
    """Daten als Code-Span in einer Tabellenzelle (z. B. ein Dateiname): darin wirkt keine
    Auszeichnung, nur ein Backtick könnte ihn beenden – der Zaun ist darum länger als die
    längste Backtick-Folge im Text. ``|`` braucht auch hier den Backslash (GFM-Tabellen)."""
    t = sichtbar(text).replace("|", "\\|")
    laengste = max((len(m) for m in re.findall(r"`+", t)), default=0)
    zaun = "`" * (laengste + 1)
    rand = " " if t.startswith("`") or t.endswith("`") else ""
    return f"{zaun}{rand}{t}{rand}{zaun}"


# --- CSV ---

# Eine Zelle, die so beginnt, liest eine Tabellenkalkulation als Formel (OWASP „CSV Injection“).
_FORMEL_ANFANG = ("=", "+", "-", "@", "\t", "\r")


def csv_zelle(wert: Any) -> Any:
    """Eine CSV-Zelle: Text sichtbar gemacht und, wenn er wie eine Formel beginnt (auch nach
    Leerzeichen), mit vorangestelltem ``'``. Zahlen bleiben Zahlen – netz' Zählungen sind nie
    negativ, und nur Text kommt aus den Daten."""
    if not isinstance(wert, str):
        return wert
    t = sichtbar(wert)
    if t.lstrip(" ").startswith(_FORMEL_ANFANG):
        return "'" + t
    return t


# --- XML (SVG, HTML, Atom, ODS, XLSX) ---

# Zeichen, die in XML 1.0 nicht stehen dürfen (§2.2: erlaubt sind nur #x9, #xA, #xD,
# #x20–#xD7FF, #xE000–#xFFFD, #x10000–#x10FFFF), dazu die Nichtzeichen jeder Ebene.
_XML_VERBOTEN = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff"
    + "".join(chr(e * 0x10000 + 0xFFFE) + chr(e * 0x10000 + 0xFFFF) for e in range(1, 17))
    + "]"
)


def xml_sicher(text: str) -> str:
    """Ein ganzes XML-Dokument (oder ein Text darin) ohne die Zeichen, die XML 1.0 verbietet:
    jedes als sichtbarer Ersatz (``\x01``, ``U+FFFE``). Die zweite Wand hinter
    :func:`html_text`/:func:`sichtbar`: jeder XML-Schreiber schickt sein fertiges Dokument
    hindurch, damit auch ein Text, der an den Daten-Funktionen vorbeikam, die Datei nicht
    unlesbar macht. netz' eigenes Markup enthält keins dieser Zeichen; linear in der Länge."""
    return _XML_VERBOTEN.sub(lambda m: _zeigen(m[0]), text)


def hat_xml_verbotenes(text: str) -> bool:
    return _XML_VERBOTEN.search(text) is not None


# --- HTML und SVG ---


def html_text(text: str) -> str:
    """Daten als HTML/XML-Text oder Attributwert (in doppelten Anführungszeichen): sichtbar
    gemacht (Bidi-Zeichen verdrehen auch im Browser, Steuerzeichen machen XML ungültig) und
    ``& < > " '`` als Entitäten."""
    return escape(sichtbar(text), quote=True)


def sichere_url(text: str) -> str | None:
    """``text``, wenn er als Ziel eines Links taugt – eine Webadresse nach der einen Regel
    (:mod:`~netzwerk_cli.kern.webadresse`: nur http(s), nur druckbares ASCII ohne Leerraum und
    Anführungszeichen); sonst None (dann wird er Text, kein Link)."""
    return text if ist_webadresse(text) else None
