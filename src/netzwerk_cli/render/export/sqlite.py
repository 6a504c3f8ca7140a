"""SQLite-Datenbank für Datasette: typisierte Tabellen mit Primär- und Fremdschlüsseln.

Tage stehen als Text JJJJ-MM-TT (so sortieren und vergleichen sie in SQL richtig, und Datasette
zeigt sie als Tage), Wahrheitswerte als 0/1, fehlende Werte als NULL. Die Werte bleiben roh:
eine Datenbank führt keinen Text aus, und wer ihn anzeigt, muss ihn selbst schützen (Datasette
tut das). Geschrieben wird der Plan von ``daten/ausgabe.py``.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ...kern.tabellen import Datensatz, Tabelle, Wert
from . import SqlitePlan

_SQL_TYP = {"date": "TEXT", "int": "INTEGER", "str": "TEXT", "float": "REAL", "bool": "INTEGER"}


def _name(n: str) -> str:
    return '"' + n.replace('"', '""') + '"'


def create(t: Tabelle) -> str:
    teile = []
    for s in t.spalten:
        teil = f"{_name(s.name)} {_SQL_TYP[s.typ]}"
        if s.pflicht:
            teil += " NOT NULL"
        if s.typ == "bool":
            teil += f" CHECK ({_name(s.name)} IN (0, 1))"
        teile.append(teil)
    if t.schluessel:
        teile.append(f"PRIMARY KEY ({', '.join(_name(k) for k in t.schluessel)})")
    for f in t.fremdschluessel:
        teile.append(f"FOREIGN KEY ({_name(f.spalte)}) REFERENCES {_name(f.tabelle)} ({_name(f.ziel)})")
    return f"CREATE TABLE {_name(t.name)} (\n  " + ",\n  ".join(teile) + "\n)"


def _wert(w: Wert) -> Any:
    if isinstance(w, bool):
        return int(w)
    if isinstance(w, date):
        return w.isoformat()
    return w


def sqlite_plan(ds: Datensatz, **_: Any) -> SqlitePlan:
    anweisungen = [create(t) for t in ds.tabellen]
    # Indizes auf Fremdschlüsseln: Datasette zeigt die verknüpften Zeilen je Region und Vertrag
    for t in ds.tabellen:
        for f in t.fremdschluessel:
            anweisungen.append(
                f"CREATE INDEX {_name(f'{t.name}_{f.spalte}')} ON {_name(t.name)} ({_name(f.spalte)})"
            )
    einfuegen = tuple(
        (
            f"INSERT INTO {_name(t.name)} VALUES ({', '.join('?' for _ in t.spalten)})",
            tuple(tuple(_wert(w) for w in z) for z in t.zeilen),
        )
        for t in ds.tabellen
    )
    return SqlitePlan(tuple(anweisungen), einfuegen)
