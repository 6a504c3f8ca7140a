"""Berichte als schlichte Daten (dict/list) – der Inhalt von ``ergebnis`` im JSON-Umschlag.

Die Schlüssel sind ein stabiler Vertrag (docs/json.md); neue Schlüssel dürfen
hinzukommen, bestehende ändern sich nur mit neuer ``format_version``. Alle
JSON-Daten entstehen hier und nur hier.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from ..kern.abdeckung import RegionStand, Stand, Zaehlung
from ..kern.befund import Problem
from ..kern.belege import Belegstand
from ..kern.bericht import RegionBericht, Regionenbericht, StatusBericht, Zeitreihenbericht
from ..kern.bevoelkerung import Einwohnerbericht, Einwohnerzahl
from ..kern.datum import Zeitangabe
from ..kern.modelle import Ereignis, Quelle
from ..kern.vergleich import Abdeckungswechsel, Dateiaenderung, Regionslog, Vergleich
from ..kern.zeitreihe import Ereigniszahl
from ..pruefen import Pruefbericht, PruefErgebnis
from ..pruefen.codes import titel


def zaehlung(z: Zaehlung) -> dict[str, Any]:
    return {"regionen": z.gesamt, "mit_netzwerk": z.sicher, "mit_netzwerk_moeglich": z.moeglich}


def zeitangabe(z: Zeitangabe | None) -> dict[str, Any] | None:
    return None if z is None else z.als_json()


def einwohnerzahl(z: Einwohnerzahl) -> dict[str, Any]:
    """Einwohner einer Gruppe; die Anteile als [unten, oben] – gleich, wenn alle Zahlen bekannt sind."""
    return {
        "regionen": z.regionen,
        "gesamt": z.gesamt,
        "sicher": z.sicher,
        "moeglich": z.moeglich,
        "anteil_sicher": z.anteil_sicher.unten if z.anteil_sicher.genau else None,
        "anteil_moeglich": z.anteil_moeglich.unten if z.anteil_moeglich.genau else None,
        "anteil_sicher_spanne": list(z.anteil_sicher),
        "anteil_moeglich_spanne": list(z.anteil_moeglich),
        "ohne_angabe": sorted(s.region.ags for s in z.ohne_angabe),
    }


def einwohner(e: Einwohnerbericht) -> dict[str, Any]:
    return {
        **einwohnerzahl(e.gesamt),
        "stand": [d.isoformat() for d in e.stand],
        "quellen": quellen(e.quellen),
        "nach_regierungsbezirk": {k: einwohnerzahl(v) for k, v in e.nach_regierungsbezirk.items()},
        "nach_art": {k: einwohnerzahl(v) for k, v in e.nach_art.items()},
    }


def status(b: StatusBericht) -> dict[str, Any]:
    g = b.gesamt
    ab = b.abdeckung
    out: dict[str, Any] = {
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
            # AGS der Netzwerke, deren letzte erfasste Konferenz vor „grenze“ liegt (seitdem keine
            # erfasst – nicht: keine abgehalten); ersetzt „ueberfaellig“ aus Version 2
            "zuletzt_erfasst_vor_grenze": sorted(
                k.region.ags for k in b.konferenzen.zuletzt_erfasst_vor_grenze
            ),
            "grenze": b.konferenzen.grenze.isoformat(),
        },
        "einwohner": einwohner(b.einwohner),
    }
    out["datenstand"] = None if b.datenstand is None else datenstand(b.datenstand)
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


def datenstand(d: Belegstand) -> dict[str, Any]:
    """Wie alt die Belege sind: Abgleich mit den Quellen und neueste landesweite Zählung."""
    p = d.neueste
    return {
        "geprueft_am": d.geprueft_am.isoformat() if d.geprueft_am else None,
        "geprueft_durch": d.geprueft_durch,
        "neueste_zaehlung": (
            None
            if p is None
            else {
                "datum": zeitangabe(p.datum),
                "anzahl": p.anzahl,
                "mindestens": p.mindestens,
                "hoechstens": p.hoechstens,
                "aussage": p.aussage,
                "quelle": quelle(p.quelle),
            }
        ),
        "alter_tage": d.alter_tage,
        "alter_monate": d.alter_monate,
    }


def regionen(b: Regionenbericht) -> list[dict[str, Any]]:
    return [region_zeile(s) for s in b.staende]


def region_zeile(s: RegionStand) -> dict[str, Any]:
    r = s.region
    v = s.letzter_vertrag
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
        "stichtag": b.stichtag.isoformat(),
        **r.model_dump(mode="json"),
        "datei": b.datei,
        "stand": b.stand.stand.value,
        # zählt die Region am Stichtag (gab es sie, hatte das Programm begonnen)?
        "zaehlt": b.zaehlt,
        "programmbeginn": b.programmbeginn.isoformat() if b.programmbeginn else None,
        "vertraege": [
            {
                "datei": d.anzeige,
                "unterzeichnet": zeitangabe(d.modell.unterzeichnet),
                # die Lesart, die zählt: frühestens am Programmbeginn
                "unterzeichnet_im_programm": zeitangabe(
                    d.modell.unterzeichnet.nicht_vor(b.programmbeginn)
                    if b.programmbeginn
                    else d.modell.unterzeichnet
                ),
                "umfasst": list(d.modell.umfasst),
                "beginn": zeitangabe(d.modell.beginn),
                "endet": zeitangabe(d.modell.endet),
                "quellen": quellen(d.modell.quellen),
                "bemerkung": d.modell.bemerkung,
                "ende_grund": d.modell.ende_grund,
                "ende_quellen": quellen(d.modell.ende_quellen),
                "fortsetzungen": [ereignis(f) for f in d.modell.fortsetzungen],
                "bildungskonferenzen": [ereignis(f) for f in d.modell.bildungskonferenzen],
                "bildungsbuero": (
                    {
                        **d.modell.bildungsbuero.model_dump(),
                        "quellen": quellen(d.modell.bildungsbuero.quellen),
                    }
                    if d.modell.bildungsbuero
                    else None
                ),
                "lenkungskreis": (
                    {
                        "konstituiert": zeitangabe(d.modell.lenkungskreis.konstituiert),
                        "quellen": quellen(d.modell.lenkungskreis.quellen),
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
    return {
        "datum": zeitangabe(e.datum),
        "angekuendigt": e.angekuendigt,
        "quellen": quellen(e.quellen),
        "bemerkung": e.bemerkung,
    }


def quelle(q: Quelle) -> str | dict[str, Any]:
    """Eine Quelle: nur die Adresse als Text (:meth:`Quelle.schlicht`), sonst ein Objekt – immer
    mit allen Schlüsseln (``null``, wo die Daten nichts sagen)."""
    schlicht = q.schlicht()
    if schlicht is not None:
        return schlicht
    return {
        "url": q.url,
        "veroeffentlicht": zeitangabe(q.veroeffentlicht),
        "abgerufen": q.abgerufen.isoformat() if q.abgerufen else None,
        "archiv": q.archiv,
        "zitat": q.zitat,
    }


def quellen(qs: Sequence[Quelle]) -> list[str | dict[str, Any]]:
    return [quelle(q) for q in qs]


def problem(p: Problem) -> dict[str, Any]:
    return {
        "datei": p.datei,
        "zeile": p.zeile,
        "spalte": p.spalte,
        "code": p.code,
        "schwere": p.schwere.value,
        "titel": titel(p.code),
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
        "hoechstens": p.hoechstens,
        "regionen": list(p.regionen) if p.regionen is not None else None,
        "vollstaendig": p.vollstaendig,
        "ohne": list(p.ohne),
        "quelle": quelle(p.quelle),
        "geprueft": e.geprueft,
        "erfuellt": e.erfuellt,
        "sicher": list(e.sicher) if e.sicher else None,
        "moeglich": list(e.moeglich) if e.moeglich else None,
    }


def pruefung(b: Pruefbericht) -> dict[str, Any]:
    p = b.pruefung
    return {
        "gueltig": b.gueltig,
        "fehler": p.fehler,
        "warnungen": p.warnungen,
        "dateien": p.dateien,
        "pruefpunkte_geprueft": p.pruefpunkte_geprueft,
        "ausgeblendete_fehler": p.ausgeblendete_fehler,
        "probleme": [problem(x) for x in p.probleme],
        "pruefpunkte": [pruefergebnis(e) for e in p.pruefpunkte],
    }


def zeitreihe(b: Zeitreihenbericht) -> dict[str, Any]:
    def zahl(e: Ereigniszahl) -> dict[str, int]:
        return {"sicher": e.sicher, "moeglich": e.moeglich}

    return {
        "regionen": b.gesamt,
        "perioden": [
            {
                "periode": p.name,
                "von": p.anfang.isoformat(),
                "bis": p.ende.isoformat(),
                "regionen": p.zaehlung.gesamt,  # am letzten Tag der Periode (54 bis 20.10.2009)
                "mit_netzwerk": p.zaehlung.sicher,
                "mit_netzwerk_moeglich": p.zaehlung.moeglich,
                "unterzeichnet": zahl(p.unterzeichnet),
                "wiedereintritte": zahl(p.wiedereintritte),
                "beendet": zahl(p.beendet),
                "meilensteine": [
                    {
                        "datum": m.datum.als_json(),
                        "art": m.art,
                        "text": m.text,
                        "geprueft": m.geprueft,
                        "quellen": m.quellen,
                    }
                    for m in p.meilensteine
                ],
            }
            for p in b.perioden
        ],
    }


# --- netz diff und netz log (kern.vergleich) ---


def _vergleichswert(w: Any) -> Any:
    if isinstance(w, Zeitangabe):
        return w.als_json()
    if isinstance(w, date):
        return w.isoformat()
    if isinstance(w, list):
        return [quelle(x) if isinstance(x, Quelle) else str(x) for x in w]  # Quellen oder AGS
    if isinstance(w, Quelle):
        return quelle(w)
    return w


def _vertrag_gelesen(d: Dateiaenderung) -> dict[str, Any] | None:
    """Ein neuer oder geänderter Vertrag: seine Daten, wie netz sie liest, und seine Quellen."""
    v: Any = d.neu
    if d.art != "vertrag" or v is None or d.wie not in ("neu", "geaendert"):
        return None
    return {
        "unterzeichnet": zeitangabe(v.unterzeichnet),
        "beginn": zeitangabe(v.beginn),
        "endet": zeitangabe(v.endet),
        "quellen": quellen(v.quellen),
        "ende_quellen": quellen(v.ende_quellen),
    }


def dateiaenderung(d: Dateiaenderung) -> dict[str, Any]:
    return {
        "art": d.art,
        "datei": d.datei,
        "datei_vorher": d.datei_vorher,
        "ags": d.ags,
        "wie": d.wie,
        "vertrag": _vertrag_gelesen(d),
        "aenderungen": [
            {
                "feld": a.feld,
                "bezug": zeitangabe(a.bezug),
                "alt": _vergleichswert(a.alt),
                "neu": _vergleichswert(a.neu),
                "genauigkeit": a.genauigkeit,
                "nur_quellen": a.nur_quellen,
            }
            for a in d.aenderungen
        ],
    }


def _abdeckungswechsel(w: Abdeckungswechsel | None) -> dict[str, Any] | None:
    if w is None:
        return None
    return {
        "stichtag": w.stichtag.isoformat(),
        "vorher": zaehlung(w.gesamt.alt),
        "nachher": zaehlung(w.gesamt.neu),
        "nach_regierungsbezirk": {
            b.gebiet: {"vorher": zaehlung(b.alt), "nachher": zaehlung(b.neu)} for b in w.bezirke
        },
    }


def vergleich(v: Vergleich) -> dict[str, Any]:
    return {
        "basis": v.basis,
        "ziel": v.ziel,
        "gueltig": v.gueltig,
        "fehler_vorher": v.fehler_alt,
        "fehler_nachher": v.fehler_neu,
        "heute": _abdeckungswechsel(v.heute),
        "zieltag": _abdeckungswechsel(v.zieltag),
        "stichtag_ist_heute": v.stichtag_ist_heute,
        "vergangenheit": [
            {
                "von": z.von.isoformat(),
                "bis": z.bis.isoformat(),
                "unterschied_sicher": z.sicher,
                "unterschied_moeglich": z.moeglich,
                "vorher_anfangs": zaehlung(z.alt),
                "nachher_anfangs": zaehlung(z.neu),
                "vorher_zuletzt": zaehlung(z.alt_ende),
                "nachher_zuletzt": zaehlung(z.neu_ende),
            }
            for z in v.vergangenheit
        ],
        "staende": [
            {
                "ags": w.ags,
                "bezeichnung": w.bezeichnung,
                "vorher": w.alt.value if w.alt else None,
                "nachher": w.neu.value if w.neu else None,
                "ereignis": w.ereignis,
            }
            for w in v.staende
        ],
        "dateien": [dateiaenderung(d) for d in v.dateien],
        "pruefpunkte": [
            {
                "datum": p.punkt.datum.text if p.punkt.datum else None,
                "regierungsbezirk": p.punkt.regierungsbezirk,
                "anzahl": p.punkt.anzahl,
                "mindestens": p.punkt.mindestens,
                "erfuellt_vorher": p.alt,
                "erfuellt_nachher": p.neu,
            }
            for p in v.pruefpunkte
        ],
        "befunde_neu": [problem(p) for p in v.befunde_neu],
        "befunde_behoben": [problem(p) for p in v.befunde_behoben],
        "probleme_vorher": [problem(p) for p in v.probleme_alt],
        "probleme_nachher": [problem(p) for p in v.probleme_neu],
    }


def regionslog(b: Regionslog) -> dict[str, Any]:
    return {
        "ags": b.region.ags,
        "bezeichnung": b.region.bezeichnung,
        "commits": [
            {
                "commit": e.kennung,
                "datum": e.datum.isoformat() if e.datum else None,
                "autor": e.autor,
                "betreff": e.betreff,
                "dateien": [dateiaenderung(d) for d in e.dateien],
                "befunde": [problem(p) for p in e.befunde],
            }
            for e in b.eintraege
        ],
    }
