"""OpenDocument-Tabelle (.ods), von Hand als ODF-XML geschrieben.

Warum keine Bibliothek: odfpy, die übliche, hat seit 2020 keine Ausgabe mehr und bildet nur das
XML nach; eine Tabelle braucht fünf kleine XML-Teile in einem ZIP (``mimetype`` zuerst und
unkomprimiert, dann Manifest, Inhalt, Stile, Metadaten, Einstellungen). Geprüft wird das Ergebnis
durch Zurücklesen und, wo installiert, mit LibreOffice (tests/cli/test_export.py).

Zelltypen wie in xlsx: Tage als Datum (TT.MM.JJJJ), Zahlen, Prozent, Wahrheitswerte; Text ist
in ODF immer Text (eine Formel stünde in ``table:formula``), „=HYPERLINK(…)“ bleibt wirkungslos.
Die Kopfzeile ist fixiert (settings.xml) und trägt den Autofilter.
"""

from __future__ import annotations

import io
import zipfile
from datetime import date
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from ...kern.tabellen import Datensatz, Spalte, Tabelle, Wert
from ..sicher import sichtbar, xml_sicher
from . import blattname, zelltext

_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:config="urn:oasis:names:tc:opendocument:xmlns:config:1.0" '
    'office:version="1.2"'
)
_KOPF = '<?xml version="1.0" encoding="UTF-8"?>\n'

_STILE = """<office:automatic-styles>
<number:date-style style:name="N_DATUM"><number:day number:style="long"/><number:text>.</number:text>\
<number:month number:style="long"/><number:text>.</number:text><number:year number:style="long"/>\
</number:date-style>
<number:percentage-style style:name="N_PROZENT"><number:number number:decimal-places="1" \
number:min-integer-digits="1"/><number:text> %</number:text></number:percentage-style>
<number:number-style style:name="N_GANZ"><number:number number:decimal-places="0" \
number:min-integer-digits="1" number:grouping="true"/></number:number-style>
<number:number-style style:name="N_ZAHL"><number:number number:decimal-places="2" \
number:min-integer-digits="1" number:grouping="true"/></number:number-style>
<style:style style:name="ce_kopf" style:family="table-cell"><style:table-cell-properties \
style:vertical-align="top"/><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="ce_text" style:family="table-cell"><style:table-cell-properties \
style:vertical-align="top" fo:wrap-option="wrap"/></style:style>
<style:style style:name="ce_datum" style:family="table-cell" style:data-style-name="N_DATUM">\
<style:table-cell-properties style:vertical-align="top"/></style:style>
<style:style style:name="ce_prozent" style:family="table-cell" style:data-style-name="N_PROZENT">\
<style:table-cell-properties style:vertical-align="top"/></style:style>
<style:style style:name="ce_ganz" style:family="table-cell" style:data-style-name="N_GANZ">\
<style:table-cell-properties style:vertical-align="top"/></style:style>
<style:style style:name="ce_zahl" style:family="table-cell" style:data-style-name="N_ZAHL">\
<style:table-cell-properties style:vertical-align="top"/></style:style>
<style:style style:name="ce_wahr" style:family="table-cell">\
<style:table-cell-properties style:vertical-align="top"/></style:style>
{spalten}</office:automatic-styles>"""


def _absaetze(text: str) -> str:
    return "".join(f"<text:p>{escape(xml_sicher(teil))}</text:p>" for teil in text.split("\n"))


def _zelle(s: Spalte, w: Wert) -> str:
    if w is None:
        return "<table:table-cell/>"
    if isinstance(w, bool):
        wert = "true" if w else "false"
        # pandas (odf) liest den Text der Zelle, nicht office:boolean-value: „WAHR“ war dort False;
        # LibreOffice zeigt ohnehin nach Gebietsschema („WAHR“) aus dem Wert
        anzeige = "TRUE" if w else "FALSE"
        return (
            f'<table:table-cell table:style-name="ce_wahr" office:value-type="boolean" '
            f'office:boolean-value="{wert}"><text:p>{anzeige}</text:p></table:table-cell>'
        )
    if isinstance(w, date):
        return (
            f'<table:table-cell table:style-name="ce_datum" office:value-type="date" '
            f'office:date-value="{w.isoformat()}"><text:p>{w:%d.%m.%Y}</text:p></table:table-cell>'
        )
    if isinstance(w, (int, float)):
        if s.anteil:
            anzeige = f"{w * 100:.1f} %".replace(".", ",")
            return (
                f'<table:table-cell table:style-name="ce_prozent" office:value-type="percentage" '
                f'office:value="{w!r}"><text:p>{anzeige}</text:p></table:table-cell>'
            )
        stil = "ce_ganz" if isinstance(w, int) else "ce_zahl"
        return (
            f'<table:table-cell table:style-name="{stil}" office:value-type="float" '
            f'office:value="{w!r}"><text:p>{w}</text:p></table:table-cell>'
        )
    return (
        f'<table:table-cell table:style-name="ce_text" office:value-type="string">'
        f"{_absaetze(zelltext(w))}</table:table-cell>"
    )


def _breite_cm(s: Spalte, t: Tabelle, i: int) -> float:
    zeichen = len(s.titel)
    for z in t.zeilen:
        w = z[i]
        n = 10 if isinstance(w, date) else max((len(x) for x in str(w).split("\n")), default=0)
        zeichen = max(zeichen, 0 if w is None else n)
    return round(min(zeichen, 60) * 0.21 + 0.5, 2)


def _spaltenname(n: int) -> str:
    out = ""
    while n:
        n, r = divmod(n - 1, 26)
        out = chr(65 + r) + out
    return out


def _bereich(name: str, spalten: int, zeilen: int) -> str:
    blatt = "'" + name.replace("'", "''") + "'"
    return f"{blatt}.A1:{blatt}.{_spaltenname(spalten)}{zeilen}"


def inhalt(ds: Datensatz) -> str:
    spaltenstile = []
    blaetter = []
    bereiche = []
    for k, t in enumerate(ds.tabellen):
        name = blattname(t.titel)
        spalten = []
        for i, s in enumerate(t.spalten):
            stil = f"co_{k}_{i}"
            spaltenstile.append(
                f'<style:style style:name="{stil}" style:family="table-column">'
                f'<style:table-column-properties style:column-width="{_breite_cm(s, t, i)}cm"/>'
                "</style:style>\n"
            )
            spalten.append(f'<table:table-column table:style-name="{stil}"/>')
        kopf = "".join(
            f'<table:table-cell table:style-name="ce_kopf" office:value-type="string">'
            f"{_absaetze(s.titel)}</table:table-cell>"
            for s in t.spalten
        )
        zeilen = "".join(
            "<table:table-row>"
            + "".join(_zelle(s, w) for s, w in zip(t.spalten, z, strict=True))
            + "</table:table-row>\n"
            for z in t.zeilen
        )
        blaetter.append(
            f"<table:table table:name={quoteattr(name)}>{''.join(spalten)}"
            f"<table:table-header-rows><table:table-row>{kopf}</table:table-row></table:table-header-rows>\n"
            f"{zeilen}</table:table>\n"
        )
        bereiche.append(
            f'<table:database-range table:name="__Anonymous_Sheet_DB__{k}" '
            f"table:target-range-address={quoteattr(_bereich(name, len(t.spalten), len(t.zeilen) + 1))} "
            f'table:display-filter-buttons="true"/>'
        )
    return (
        f"{_KOPF}<office:document-content {_NS}>\n"
        + _STILE.format(spalten="".join(spaltenstile))
        + "\n<office:body><office:spreadsheet>\n"
        + "".join(blaetter)
        + f"<table:database-ranges>{''.join(bereiche)}</table:database-ranges>\n"
        + "</office:spreadsheet></office:body></office:document-content>\n"
    )


def _einstellungen(ds: Datensatz) -> str:
    """Fixierte Kopfzeile je Blatt: so speichert LibreOffice „Zeilen fixieren“."""

    def item(name: str, typ: str, wert: str) -> str:
        return f'<config:config-item config:name="{name}" config:type="{typ}">{wert}</config:config-item>'

    blaetter = "".join(
        f"<config:config-item-map-entry config:name={quoteattr(blattname(t.titel))}>"
        + item("CursorPositionX", "int", "0")
        + item("CursorPositionY", "int", "1")
        + item("HorizontalSplitMode", "short", "0")
        + item("VerticalSplitMode", "short", "2")
        + item("HorizontalSplitPosition", "int", "0")
        + item("VerticalSplitPosition", "int", "1")
        + item("ActiveSplitRange", "short", "2")
        + item("PositionLeft", "int", "0")
        + item("PositionRight", "int", "0")
        + item("PositionTop", "int", "0")
        + item("PositionBottom", "int", "1")
        + "</config:config-item-map-entry>"
        for t in ds.tabellen
    )
    return (
        f"{_KOPF}<office:document-settings {_NS}><office:settings>"
        '<config:config-item-set config:name="ooo:view-settings">'
        '<config:config-item-map-indexed config:name="Views"><config:config-item-map-entry>'
        + item("ViewId", "string", "view1")
        + f'<config:config-item-map-named config:name="Tables">{blaetter}</config:config-item-map-named>'
        + "</config:config-item-map-entry></config:config-item-map-indexed>"
        "</config:config-item-set></office:settings></office:document-settings>\n"
    )


def _meta(ds: Datensatz) -> str:
    titel = escape(xml_sicher(sichtbar(f"{ds.programm} – Stand {ds.stichtag:%d.%m.%Y}")))
    return (
        f"{_KOPF}<office:document-meta {_NS}><office:meta>"
        # daran erkennt netz eine eigene Datei (daten/ausgabe.py)
        "<meta:generator>netz</meta:generator>"
        f"<dc:title>{titel}</dc:title>"
        f"<meta:creation-date>{ds.erstellt.isoformat()}T00:00:00</meta:creation-date>"
        "</office:meta></office:document-meta>\n"
    )


_MANIFEST = (
    f'{_KOPF}<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
    'manifest:version="1.2">'
    '<manifest:file-entry manifest:full-path="/" manifest:version="1.2" '
    'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    '<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>'
    '<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>'
    '<manifest:file-entry manifest:full-path="settings.xml" manifest:media-type="text/xml"/>'
    "</manifest:manifest>\n"
)


def ods(ds: Datensatz, **_: Any) -> bytes:
    puffer = io.BytesIO()
    zeit = (ds.erstellt.year, ds.erstellt.month, ds.erstellt.day, 0, 0, 0)
    teile = [
        ("mimetype", "application/vnd.oasis.opendocument.spreadsheet", zipfile.ZIP_STORED),
        ("META-INF/manifest.xml", _MANIFEST, zipfile.ZIP_DEFLATED),
        ("content.xml", inhalt(ds), zipfile.ZIP_DEFLATED),
        ("styles.xml", f"{_KOPF}<office:document-styles {_NS}/>\n", zipfile.ZIP_DEFLATED),
        ("meta.xml", _meta(ds), zipfile.ZIP_DEFLATED),
        ("settings.xml", _einstellungen(ds), zipfile.ZIP_DEFLATED),
    ]
    with zipfile.ZipFile(puffer, "w") as z:
        for name, text, art in teile:
            info = zipfile.ZipInfo(name, zeit)
            info.compress_type = art
            z.writestr(info, xml_sicher(text).encode("utf-8"))  # zweite Wand: nie ungültiges XML
    return puffer.getvalue()
