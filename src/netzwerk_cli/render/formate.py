"""Maschinenlesbare Formate: JSON, CSV, Markdown und GitHub-Workflow-Befehle."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any

from ..abdeckung import RegionStand
from ..probleme import Problem
from . import daten


def json_text(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2) + "\n"


CSV_SPALTEN = ("ags", "bezeichnung", "name", "art", "regierungsbezirk", "stand", "unterzeichnet", "endet")


def regionen_csv(staende: Sequence[RegionStand]) -> str:
    puffer = io.StringIO()
    w = csv.writer(puffer, lineterminator="\n")
    w.writerow(CSV_SPALTEN)
    for s in staende:
        z = daten.region_zeile(s)
        w.writerow(
            [
                z["ags"],
                z["bezeichnung"],
                z["name"],
                z["art"],
                z["regierungsbezirk"],
                z["stand"],
                z["unterzeichnet"]["text"] if z["unterzeichnet"] else "",
                z["endet"]["text"] if z["endet"] else "",
            ]
        )
    return puffer.getvalue()


def regionen_markdown(staende: Sequence[RegionStand]) -> str:
    """Eine Zeile je Region, wie in der Pressemitteilung: ``- Kreis Borken``."""
    return "".join(f"- {s.region.bezeichnung}\n" for s in staende)


def _gh_daten(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_wert(text: str) -> str:
    return _gh_daten(text).replace(":", "%3A").replace(",", "%2C")


def github(probleme: Sequence[Problem]) -> str:
    """GitHub-Workflow-Befehle: ``::error file=…,line=…,col=…,title=…::Meldung``."""
    zeilen = []
    for p in probleme:
        stufe = "error" if p.ist_fehler else "warning"
        titel = f"{p.code} {p.titel}"
        meldung = p.meldung + (f"\n{p.hinweis}" if p.hinweis else "")
        zeilen.append(
            f"::{stufe} file={_gh_wert(p.datei)},line={p.zeile},col={p.spalte},"
            f"title={_gh_wert(titel)}::{_gh_daten(meldung)}\n"
        )
    return "".join(zeilen)
