"""Maschinenlesbare Textformate: CSV und GitHub-Workflow-Befehle."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import Any

from ..kern.bericht import RegionBericht, Regionenbericht, StatusBericht, Zeitreihenbericht
from ..pruefen import Pruefbericht
from ..pruefen.codes import titel
from . import daten
from .text import zusammenfassung


def _csv(kopf: Sequence[str], zeilen: Iterable[Sequence[Any]]) -> str:
    puffer = io.StringIO()
    w = csv.writer(puffer, lineterminator="\n")
    w.writerow(kopf)
    w.writerows(zeilen)
    return puffer.getvalue()


def _text(z: dict[str, Any] | None) -> str:
    return z["text"] if z else ""


def status_csv(b: StatusBericht) -> str:
    """Eine Zeile je Gruppe: gesamt, je Regierungsbezirk, je Art."""
    zeilen: list[tuple[str, str, int, int, int]] = [("gesamt", "NRW", *b.gesamt)]
    for merkmal in ("regierungsbezirk", "art"):
        zeilen += [(merkmal, name, *z) for name, z in b.abdeckung.nach(merkmal).items()]
    return _csv(("gruppe", "name", "regionen", "mit_netzwerk", "mit_netzwerk_moeglich"), zeilen)


CSV_SPALTEN = ("ags", "bezeichnung", "name", "art", "regierungsbezirk", "stand", "unterzeichnet", "endet")


def regionen_csv(b: Regionenbericht) -> str:
    return _csv(
        CSV_SPALTEN,
        (
            [
                *(z[k] for k in ("ags", "bezeichnung", "name", "art", "regierungsbezirk", "stand")),
                _text(z["unterzeichnet"]),
                _text(z["endet"]),
            ]
            for z in daten.regionen(b)
        ),
    )


def region_csv(b: RegionBericht) -> str:
    """Eine Zeile je Vertrag der Region."""
    return _csv(
        ("ags", "datei", "unterzeichnet", "beginn", "endet", "ende_grund", "quellen", "bemerkung"),
        (
            [
                b.region.ags,
                v["datei"],
                *(_text(v[k]) for k in ("unterzeichnet", "beginn", "endet")),
                v["ende_grund"] or "",
                " ".join(v["quellen"]),
                v["bemerkung"] or "",
            ]
            for v in daten.region_bericht(b)["vertraege"]
        ),
    )


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


def zeitreihe_csv(b: Zeitreihenbericht) -> str:
    return _csv(
        ZEITREIHE_SPALTEN,
        (
            [
                p.name,
                p.anfang.isoformat(),
                p.ende.isoformat(),
                p.zaehlung.sicher,
                p.zaehlung.moeglich,
                *p.unterzeichnet,
                *p.wiedereintritte,
                *p.beendet,
                "; ".join(m.text for m in p.meilensteine),
            ]
            for p in b.perioden
        ),
    )


def pruefung_csv(b: Pruefbericht) -> str:
    return _csv(
        ("datei", "zeile", "spalte", "code", "schwere", "titel", "meldung", "hinweis"),
        (
            [p.datei, p.zeile, p.spalte, p.code, p.schwere.value, titel(p.code), p.meldung, p.hinweis]
            for p in b.pruefung.probleme
        ),
    )


def _gh_daten(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_wert(text: str) -> str:
    return _gh_daten(text).replace(":", "%3A").replace(",", "%2C")


def github(b: Pruefbericht) -> tuple[str, str]:
    """GitHub-Workflow-Befehle ``::error file=…,line=…,col=…,title=…::Meldung`` (stdout) und die
    Zusammenfassung (stderr)."""
    zeilen = []
    for p in b.pruefung.probleme:
        stufe = "error" if p.ist_fehler else "warning"
        meldung = p.meldung + (f"\n{p.hinweis}" if p.hinweis else "")
        zeilen.append(
            f"::{stufe} file={_gh_wert(p.datei)},line={p.zeile},col={p.spalte},"
            f"title={_gh_wert(f'{p.code} {titel(p.code)}')}::{_gh_daten(meldung)}\n"
        )
    return "".join(zeilen), zusammenfassung(b)
