"""YAML im Stil der Datendateien erzeugen (für neue Dateien und eingefügte Zeilen)."""

from __future__ import annotations

import json
import re
import textwrap

from ..kern.datum import Zeitangabe
from ..kern.modelle import Ereignis, Quelle, Region, Vertrag

SCHEMA_KOPF = "# yaml-language-server: $schema=../../schemas/{art}.schema.json\n"

# Text, der ohne Anführungszeichen sicher als YAML-Text gelesen wird
_SCHLICHT = re.compile(r"^[A-Za-zÄÖÜäöüß][\wÄÖÜäöüß .,()/–-]*$")
_URL = re.compile(r"^https?://[A-Za-z0-9._~:/?\[\]@!$&'()*+,;=%-]+$")
_YAML_WOERTER = {"y", "n", "yes", "no", "on", "off", "true", "false", "null", "~"}


def text(wert: str) -> str:
    """Ein Text als YAML-Skalar: schlicht, wo es eindeutig ist, sonst in Anführungszeichen."""
    if (
        (_SCHLICHT.match(wert) or _URL.match(wert))
        and wert.lower() not in _YAML_WOERTER
        and not wert.endswith((" ", ":"))
        and ": " not in wert
        and " #" not in wert
    ):
        return wert
    return json.dumps(wert, ensure_ascii=False)


def lang(schluessel: str, wert: str, einrueckung: str = "") -> str:
    """Längere Texte als gefalteter Block (``>-``), damit Diffs zeilenweise lesbar bleiben."""
    if len(wert) <= 70 or not wert.isprintable() or wert != wert.strip() or "  " in wert:
        return f"{einrueckung}{schluessel}: {text(wert)}\n"
    zeilen = textwrap.wrap(wert, width=88, break_long_words=False, break_on_hyphens=False)
    innen = einrueckung + "  "
    return f"{einrueckung}{schluessel}: >-\n" + "".join(f"{innen}{z}\n" for z in zeilen)


def zeitangabe(z: Zeitangabe) -> str:
    # Tag/Monat/Jahr schlicht (netz liest sie als Text), Spannen in Anführungszeichen
    return f'"{z.text}"' if " " in z.text else z.text


def liste(schluessel: str, werte: list[Quelle], einrueckung: str = "") -> list[str]:
    if not werte:
        return []
    zeilen = [f"{einrueckung}{schluessel}:\n"]
    for w in werte:
        zeilen += quelle(w, einrueckung + "  - ", einrueckung + "    ")
    return zeilen


def quelle(q: Quelle, erste: str, innen: str) -> list[str]:
    """Eine Quelle als Listeneintrag: Text schlicht, ein Quellenobjekt mit seinen Schlüsseln
    (so bleiben Erscheinungs- und Abrufdatum, Archiv und Zitat erhalten, wenn netz eine Liste
    neu schreibt)."""
    schlicht = q.schlicht()
    if schlicht is not None:
        return [f"{erste}{text(schlicht)}\n"]
    zeilen = [f"{erste}url: {text(q.url)}\n"]
    if q.veroeffentlicht is not None:
        zeilen.append(f"{innen}veroeffentlicht: {zeitangabe(q.veroeffentlicht)}\n")
    if q.abgerufen is not None:
        zeilen.append(f"{innen}abgerufen: {q.abgerufen.isoformat()}\n")
    if q.archiv is not None:
        zeilen.append(f"{innen}archiv: {text(q.archiv)}\n")
    if q.zitat is not None:
        zeilen.append(lang("zitat", q.zitat, innen))
    return zeilen


def ereignis(e: Ereignis, einrueckung: str = "  ") -> list[str]:
    """Ein Listeneintrag ``- datum: …`` mit Quellen und Bemerkung."""
    innen = einrueckung + "  "
    zeilen = [f"{einrueckung}- datum: {zeitangabe(e.datum)}\n"]
    if e.angekuendigt:
        zeilen.append(f"{innen}angekuendigt: true\n")
    zeilen += liste("quellen", list(e.quellen), innen)
    if e.bemerkung:
        zeilen.append(lang("bemerkung", e.bemerkung, innen))
    return zeilen


def vertrag_yaml(v: Vertrag) -> str:
    zeilen = [SCHEMA_KOPF.format(art="vertrag"), f'region: "{v.region}"\n']
    zeilen.append(f"unterzeichnet: {zeitangabe(v.unterzeichnet)}\n")
    if v.beginn is not None:
        zeilen.append(f"beginn: {zeitangabe(v.beginn)}\n")
    zeilen += ende_zeilen(v)
    zeilen += liste("quellen", list(v.quellen))
    if v.bemerkung:
        zeilen.append(lang("bemerkung", v.bemerkung))
    if v.fortsetzungen:
        zeilen.append("fortsetzungen:\n")
        for e in v.fortsetzungen:
            zeilen += ereignis(e)
    if v.bildungsbuero is not None:
        b = v.bildungsbuero
        zeilen += ["bildungsbuero:\n", f"  name: {text(b.name)}\n"]
        for feld in ("adresse", "ansprechperson", "telefon", "email", "web"):
            wert = getattr(b, feld)
            if wert:
                zeilen.append(f"  {feld}: {text(wert)}\n")
        zeilen += liste("quellen", list(b.quellen), "  ")
    if v.lenkungskreis is not None:
        lk = v.lenkungskreis
        zeilen += ["lenkungskreis:\n", f"  konstituiert: {zeitangabe(lk.konstituiert)}\n"]
        zeilen += liste("quellen", list(lk.quellen), "  ")
        if lk.bemerkung:
            zeilen.append(lang("bemerkung", lk.bemerkung, "  "))
    if v.bildungskonferenzen:
        zeilen.append("bildungskonferenzen:\n")
        for e in v.bildungskonferenzen:
            zeilen += ereignis(e)
    return "".join(zeilen)


def ende_zeilen(v: Vertrag) -> list[str]:
    """``endet``, ``ende_grund`` und ``ende_quellen`` – auch für ``netz end`` einzeln nutzbar."""
    zeilen = []
    if v.endet is not None:
        zeilen.append(f"endet: {zeitangabe(v.endet)}\n")
    if v.ende_grund:
        zeilen.append(lang("ende_grund", v.ende_grund))
    zeilen += liste("ende_quellen", list(v.ende_quellen))
    return zeilen


def region_yaml(r: Region) -> str:
    zeilen = [
        SCHEMA_KOPF.format(art="region"),
        f'ags: "{r.ags}"\n',
        f"name: {text(r.name)}\n",
        f"bezeichnung: {text(r.bezeichnung)}\n",
        f"art: {r.art}\n",
        f"regierungsbezirk: {r.regierungsbezirk}\n",
    ]
    if r.nuts3:
        zeilen.append(f"nuts3: {r.nuts3}\n")
    if r.einwohner is not None:
        zeilen.append(f"einwohner: {r.einwohner}\n")
    if r.flaeche_km2 is not None:
        zeilen.append(f"flaeche_km2: {r.flaeche_km2:.2f}\n")
    if r.statistik_stand is not None:
        zeilen.append(f"statistik_stand: {r.statistik_stand.isoformat()}\n")
    if r.statistik_quelle is not None and r.statistik_quelle.schlicht() is not None:
        zeilen.append(f"statistik_quelle: {text(r.statistik_quelle.url)}\n")
    elif r.statistik_quelle is not None:
        zeilen += ["statistik_quelle:\n", *quelle(r.statistik_quelle, "  ", "  ")]
    return "".join(zeilen)
