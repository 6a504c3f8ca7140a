"""Maschinenlesbare Textformate: CSV und GitHub-Workflow-Befehle.

Beide tragen Daten aus fremden Pull-Requests weiter: CSV in Tabellenkalkulationen (eine
Zelle „=HYPERLINK(…)“ wäre dort eine Formel), Workflow-Befehle in die Protokolle von GitHub.
Jede Zelle geht darum durch :func:`~.sicher.csv_zelle`, jeder Text eines Workflow-Befehls
durch :func:`~.sicher.sichtbar`, bevor er nach GitHubs Regeln kodiert wird.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import Any

from ..kern.bericht import RegionBericht, Regionenbericht, StatusBericht, Zeitreihenbericht
from ..pruefen import Pruefbericht
from ..pruefen.codes import titel
from . import daten
from .sicher import csv_zelle, sichtbar
from .text import zusammenfassung


def _csv(kopf: Sequence[str], zeilen: Iterable[Sequence[Any]]) -> str:
    puffer = io.StringIO()
    w = csv.writer(puffer, lineterminator="\n")
    w.writerow(kopf)
    w.writerows([csv_zelle(z) for z in zeile] for zeile in zeilen)
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
                " ".join(q.url for q in d.modell.quellen),
                v["bemerkung"] or "",
            ]
            for v, d in zip(daten.region_bericht(b)["vertraege"], b.vertraege, strict=True)
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
    """Text eines Workflow-Befehls: GitHub trennt Befehle an Zeilenenden, darum sind ``\\r`` und
    ``\\n`` kodiert (wie ``%`` selbst). Die Aufrufer machen Daten vorher sichtbar; übrig bleiben
    hier nur netz' eigene Umbrüche."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_wert(text: str) -> str:
    """Wert einer Eigenschaft (``file=…,title=…``): dazu ``:`` und ``,``, die sie sonst beenden."""
    return _gh_daten(text).replace(":", "%3A").replace(",", "%2C")


def github(b: Pruefbericht) -> tuple[str, str]:
    """GitHub-Workflow-Befehle ``::error file=…,line=…,col=…,title=…::Meldung`` (stdout) und die
    Zusammenfassung (stderr)."""
    zeilen = []
    for p in b.pruefung.probleme:
        stufe = "error" if p.ist_fehler else "warning"
        # Meldung und Hinweis sind je eine Zeile; der Umbruch dazwischen ist der von netz
        meldung = sichtbar(p.meldung) + (f"\n{sichtbar(p.hinweis)}" if p.hinweis else "")
        zeilen.append(
            f"::{stufe} file={_gh_wert(sichtbar(p.datei))},line={p.zeile},col={p.spalte},"
            f"title={_gh_wert(sichtbar(f'{p.code} {titel(p.code)}'))}::{_gh_daten(meldung)}\n"
        )
    return "".join(zeilen), zusammenfassung(b)
