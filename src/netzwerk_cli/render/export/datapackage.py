"""Frictionless-Datenpaket: ``datapackage.json`` mit Tabellenschemas und die CSV-Dateien.

So veröffentlichen Datenportale (Open.NRW, GovData) und Projekte mit Daten in git ihre
Tabellen; ``frictionless validate datapackage.json`` prüft Typen, Pflichtfelder, Primär- und
Fremdschlüssel (tests/cli/test_export.py).

Lizenzen nur, wo die Daten eine nennen (data/QUELLEN.md): die Regionsdaten (Einwohner, Fläche,
Schlüssel) stammen von Destatis unter der Datenlizenz Deutschland – Namensnennung 2.0; daraus
abgeleitet sind die Einwohnerzahlen der Abdeckung. Für die Vertragsdaten nennt das Projekt
keine Lizenz – das Paket erfindet keine, es sagt es in der Beschreibung.
"""

from __future__ import annotations

import json
from typing import Any

from ...kern.tabellen import Datensatz, Tabelle
from .csv import tabelle_csv

_TYP = {"date": "date", "int": "integer", "str": "string", "float": "number", "bool": "boolean"}

# data/QUELLEN.md, Abschnitt „Regionen“
DL_DE_BY_2_0 = {
    "name": "DL-DE-BY-2.0",
    "path": "https://www.govdata.de/dl-de/by-2-0",
    "title": "Datenlizenz Deutschland – Namensnennung – Version 2.0",
}
# Namensnennung, die die Lizenz verlangt (data/QUELLEN.md)
NAMENSNENNUNG = "© Statistisches Bundesamt (Destatis), 2019"
# Die eigenen Daten des Projekts: gemeinfrei, damit Wikidata und Open-Data-Portale sie übernehmen
CC0 = {
    "name": "CC0-1.0",
    "path": "https://creativecommons.org/publicdomain/zero/1.0/",
    "title": "Creative Commons Zero v1.0 Universal",
}
VERTRAEGE_QUELLE = {
    "title": "Öffentlich zugängliche Seiten des Schulministeriums, der Bezirksregierungen, der Kreise "
    "und Städte, Ratsinformationssysteme und Zeitungsberichte 2008–2024; jede Zeile nennt ihre "
    "Quellen in der Spalte „quellen“",
}
# Tabellen, deren Werte (ganz oder abgeleitet) aus der Destatis-Statistik kommen
_MIT_STATISTIK = ("regionen", "abdeckung")


def _feld(t: Tabelle, i: int) -> dict[str, Any]:
    s = t.spalten[i]
    f: dict[str, Any] = {"name": s.name, "title": s.titel, "type": _TYP[s.typ], "description": s.beschreibung}
    if s.pflicht:
        f["constraints"] = {"required": True}
    return f


def schema(t: Tabelle) -> dict[str, Any]:
    out: dict[str, Any] = {
        "fields": [_feld(t, i) for i in range(len(t.spalten))],
        "missingValues": [""],
    }
    if t.schluessel:
        out["primaryKey"] = list(t.schluessel)
    if t.fremdschluessel:
        out["foreignKeys"] = [
            {"fields": [f.spalte], "reference": {"resource": f.tabelle, "fields": [f.ziel]}}
            for f in t.fremdschluessel
        ]
    return out


def _statistik(ds: Datensatz) -> list[dict[str, str]]:
    """Die Herkunft der Einwohnerzahlen, wie die Regionsdateien sie nennen."""
    return [{"title": f"{q} – {NAMENSNENNUNG}"} for q in ds.statistik_quellen]


def _ressource(ds: Datensatz, t: Tabelle) -> dict[str, Any]:
    r: dict[str, Any] = {
        "name": t.name,
        "path": f"{t.name}.csv",
        "profile": "tabular-data-resource",
        "title": t.titel,
        "description": t.beschreibung,
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "schema": schema(t),
    }
    if t.name in _MIT_STATISTIK:
        # Einwohner und Flächen von Destatis: deren Lizenz mit Namensnennung, dazu CC0 für den Rest
        r["licenses"] = [DL_DE_BY_2_0, CC0]
        r["sources"] = _statistik(ds)
    else:
        r["licenses"] = [CC0]
    return r


def beschreibung(ds: Datensatz) -> dict[str, Any]:
    return {
        "profile": "tabular-data-package",
        "name": "regionale-bildungsnetzwerke-nrw",
        "title": f"{ds.programm} – Stand {ds.stichtag:%d.%m.%Y}",
        "description": (
            "Kooperationsverträge, Ereignisse, Bildungskonferenzen und Abdeckung der Regionalen "
            "Bildungsnetzwerke in den 53 Kreisen und kreisfreien Städten Nordrhein-Westfalens, erzeugt "
            f"mit netz am {ds.erstellt:%d.%m.%Y} (Stände am {ds.stichtag:%d.%m.%Y}, Daten: {ds.herkunft}). "
            "Ungenaue Zeitangaben stehen in drei Spalten: Schreibweise, frühester und spätester "
            "möglicher Tag. „sicher“ gilt unter jeder Lesart, „möglich“ unter mindestens einer. "
            "Die eigenen Daten des Projekts (Verträge, Prüfpunkte, Bemerkungen, Quellenangaben) "
            "stehen unter CC0 1.0; Einwohner und Flächen von Destatis unter der Datenlizenz "
            f"Deutschland – Namensnennung 2.0 ({NAMENSNENNUNG}). Zitate bleiben ihren Quellen zugeordnet."
        ),
        "licenses": [CC0],
        "created": f"{ds.erstellt.isoformat()}T00:00:00Z",
        "keywords": ["Bildung", "Nordrhein-Westfalen", "Regionale Bildungsnetzwerke", "Kreise"],
        "sources": [*_statistik(ds), VERTRAEGE_QUELLE],
        "resources": [_ressource(ds, t) for t in ds.tabellen],
    }


def datapackage(ds: Datensatz, **_: Any) -> dict[str, bytes]:
    dateien = {f"{t.name}.csv": tabelle_csv(t) for t in ds.tabellen}
    text = json.dumps(beschreibung(ds), ensure_ascii=False, indent=2) + "\n"
    dateien["datapackage.json"] = text.encode("utf-8")
    return dateien
