"""Berichte als schlichte Daten (dict/list) – Grundlage für JSON und CSV.

Die Schlüssel sind ein stabiler Vertrag (README, Abschnitt „JSON-Ausgabe“);
neue Schlüssel dürfen hinzukommen, bestehende ändern sich nur mit neuer
``format_version``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..abdeckung import RegionStand, Stand, Zaehlung
from ..bericht import RegionBericht, StatusBericht
from ..datum import Zeitangabe
from ..modelle import Ereignis
from ..probleme import Problem
from . import FORMAT_VERSION

if TYPE_CHECKING:
    from ..pruefungen import PruefErgebnis


def zaehlung(z: Zaehlung) -> dict[str, Any]:
    return {"regionen": z.gesamt, "mit_netzwerk": z.sicher, "mit_netzwerk_moeglich": z.moeglich}


def zeitangabe(z: Zeitangabe | None) -> dict[str, Any] | None:
    return None if z is None else z.als_json()


def status(b: StatusBericht) -> dict[str, Any]:
    g = b.gesamt
    ab = b.abdeckung
    out: dict[str, Any] = {
        "format_version": FORMAT_VERSION,
        "programm": b.programm,
        "stichtag": b.stichtag.isoformat(),
        "regionen": g.gesamt,
        "mit_netzwerk": g.sicher,
        "mit_netzwerk_moeglich": g.moeglich,
        "quote": g.quote,
        "quote_moeglich": g.quote_moeglich,
        "fehlend": sorted(s.region.ags for s in ab.mit(Stand.OHNE)),
        "ungewiss": sorted(s.region.ags for s in ab.mit(Stand.UNGEWISS)),
        "ziel": None,
        "nach_regierungsbezirk": {k: zaehlung(v) for k, v in ab.nach("regierungsbezirk").items()},
        "nach_art": {k: zaehlung(v) for k, v in ab.nach("art").items()},
        "tempo": (
            None
            if b.tempo is None
            else {
                "jahre": b.tempo.jahre,
                "seit": b.tempo.von.isoformat(),
                "zuwachs_sicher": b.tempo.zuwachs,
                "pro_jahr": b.tempo.pro_jahr,
                "fehlen": b.tempo.fehlen,
                "ziel_erreicht_etwa": b.tempo.erreicht_etwa.isoformat() if b.tempo.erreicht_etwa else None,
            }
        ),
        "bildungskonferenzen": {
            "netzwerke": len(b.konferenzen.netzwerke),
            "mit_angabe": len(b.konferenzen.mit_angabe),
            "ohne_angabe": len(b.konferenzen.ohne_angabe),
            "ueberfaellig": sorted(k.region.ags for k in b.konferenzen.ueberfaellig),
            "grenze": b.konferenzen.grenze.isoformat(),
        },
    }
    if b.ziel is not None:
        z = b.ziel
        out["ziel"] = {
            "anzahl": z.anzahl,
            "bis": z.bis.isoformat(),
            "erreicht": z.erreicht_sicher is not None,
            "erreicht_sicher_am": z.erreicht_sicher.isoformat() if z.erreicht_sicher else None,
            "erreicht_moeglich_am": z.erreicht_moeglich.isoformat() if z.erreicht_moeglich else None,
            "am_zieltag": zaehlung(z.am_zieltag),
        }
    return out


def region_zeile(s: RegionStand) -> dict[str, Any]:
    r = s.region
    v = s.vertrag or (s.vertraege[-1] if s.vertraege else None)
    return {
        "ags": r.ags,
        "name": r.name,
        "bezeichnung": r.bezeichnung,
        "art": r.art,
        "regierungsbezirk": r.regierungsbezirk,
        "stand": s.stand.value,
        "unterzeichnet": zeitangabe(v.unterzeichnet) if v else None,
        "endet": zeitangabe(v.endet) if v else None,
    }


def region_bericht(b: RegionBericht) -> dict[str, Any]:
    r = b.region
    return {
        "format_version": FORMAT_VERSION,
        "stichtag": b.stichtag.isoformat(),
        **r.model_dump(mode="json"),
        "datei": b.datei,
        "stand": b.stand.stand.value,
        "vertraege": [
            {
                "datei": d.anzeige,
                "unterzeichnet": zeitangabe(d.modell.unterzeichnet),
                "beginn": zeitangabe(d.modell.beginn),
                "endet": zeitangabe(d.modell.endet),
                "quellen": list(d.modell.quellen),
                "bemerkung": d.modell.bemerkung,
                "ende_grund": d.modell.ende_grund,
                "ende_quellen": list(d.modell.ende_quellen),
                "fortsetzungen": [ereignis(f) for f in d.modell.fortsetzungen],
                "bildungskonferenzen": [ereignis(f) for f in d.modell.bildungskonferenzen],
                "bildungsbuero": d.modell.bildungsbuero.model_dump() if d.modell.bildungsbuero else None,
                "lenkungskreis": (
                    {
                        "konstituiert": zeitangabe(d.modell.lenkungskreis.konstituiert),
                        "quellen": list(d.modell.lenkungskreis.quellen),
                        "bemerkung": d.modell.lenkungskreis.bemerkung,
                    }
                    if d.modell.lenkungskreis
                    else None
                ),
            }
            for d in b.vertraege
        ],
    }


def ereignis(e: Ereignis) -> dict[str, Any]:
    return {"datum": zeitangabe(e.datum), "quellen": list(e.quellen), "bemerkung": e.bemerkung}


def problem(p: Problem) -> dict[str, Any]:
    return {
        "datei": p.datei,
        "zeile": p.zeile,
        "spalte": p.spalte,
        "code": p.code,
        "schwere": p.schwere.value,
        "titel": p.titel,
        "meldung": p.meldung,
        "hinweis": p.hinweis,
    }


def pruefergebnis(e: PruefErgebnis) -> dict[str, Any]:
    p = e.punkt
    return {
        "zeile": e.zeile,
        "datum": p.datum.text if p.datum else None,
        "regierungsbezirk": p.regierungsbezirk,
        "anzahl": p.anzahl,
        "mindestens": p.mindestens,
        "quelle": p.quelle,
        "geprueft": e.geprueft,
        "erfuellt": e.erfuellt,
        "sicher": list(e.sicher) if e.sicher else None,
        "moeglich": list(e.moeglich) if e.moeglich else None,
    }
