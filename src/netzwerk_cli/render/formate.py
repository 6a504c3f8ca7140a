"""Maschinenlesbare Formate: JSON, CSV, Markdown und GitHub-Workflow-Befehle."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any

from ..abdeckung import RegionStand
from ..probleme import Problem
from ..zeitreihe import Ereigniszahl, Periode
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


def zeitreihe_daten(perioden: Sequence[Periode], gesamt: int) -> dict[str, Any]:
    def zahl(e: Ereigniszahl) -> dict[str, int]:
        return {"sicher": e.sicher, "moeglich": e.moeglich}

    return {
        "format_version": 1,
        "regionen": gesamt,
        "perioden": [
            {
                "periode": p.name,
                "von": p.anfang.isoformat(),
                "bis": p.ende.isoformat(),
                "mit_netzwerk": p.zaehlung.sicher,
                "mit_netzwerk_moeglich": p.zaehlung.moeglich,
                "unterzeichnet": zahl(p.unterzeichnet),
                "wiedereintritte": zahl(p.wiedereintritte),
                "beendet": zahl(p.beendet),
                "meilensteine": [
                    {"datum": m.datum.als_json(), "art": m.art, "text": m.text} for m in p.meilensteine
                ],
            }
            for p in perioden
        ],
    }


ZEITREIHE_SPALTEN = (
    "periode",
    "von",
    "bis",
    "mit_netzwerk",
    "mit_netzwerk_moeglich",
    "unterzeichnet_sicher",
    "unterzeichnet_moeglich",
    "wiedereintritte_sicher",
    "wiedereintritte_moeglich",
    "beendet_sicher",
    "beendet_moeglich",
    "meilensteine",
)


def zeitreihe_csv(perioden: Sequence[Periode]) -> str:
    puffer = io.StringIO()
    w = csv.writer(puffer, lineterminator="\n")
    w.writerow(ZEITREIHE_SPALTEN)
    for p in perioden:
        w.writerow(
            [
                p.name,
                p.anfang.isoformat(),
                p.ende.isoformat(),
                p.zaehlung.sicher,
                p.zaehlung.moeglich,
                p.unterzeichnet.sicher,
                p.unterzeichnet.moeglich,
                p.wiedereintritte.sicher,
                p.wiedereintritte.moeglich,
                p.beendet.sicher,
                p.beendet.moeglich,
                "; ".join(m.text for m in p.meilensteine),
            ]
        )
    return puffer.getvalue()
