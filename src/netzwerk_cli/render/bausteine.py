"""Bausteine, die mehrere Berichtsarten teilen: dieselben Sätze im Terminal, im Bericht und in
Markdown („53 Regionen: 50 mit Netzwerk …“, die Tempo-Zeile, der Datenstand), die Stände in Worten
und Farben, die JSON-Form von Zählung, Zeitangabe, Quelle und Befund, eine CSV-Tabelle.

Jeder Text aus den Daten geht durch :mod:`.sicher` (hier ``_s``, ``_code``, ``_zelle``).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any

from rich.text import Text

from ..kern.abdeckung import Stand, Zaehlung
from ..kern.befund import Problem
from ..kern.belege import Belegstand, dauer_deutsch
from ..kern.bericht import Konferenzbericht
from ..kern.bevoelkerung import Anteil, Einwohnerbericht, Einwohnerzahl
from ..kern.datum import Zeitangabe, deutsch_tag
from ..kern.modelle import Pruefpunkt, Quelle
from ..kern.zahlen import anzahl, es_fehlen, mit_vorzeichen, prozent
from ..kern.zeitreihe import Meilenstein, Tempo
from ..pruefen.codes import titel
from .sicher import csv_zelle, sichere_url
from .sicher import markdown_zelle as _zelle
from .sicher import sichtbar as _s

BALKEN = 40


STAND_TEXT = {Stand.MIT: "mit Netzwerk", Stand.UNGEWISS: "ungewiss", Stand.OHNE: "ohne Netzwerk"}


# kurz, für Legenden und Tabellenzellen
STAND_KURZ = {Stand.MIT: "Netzwerk", Stand.UNGEWISS: "ungewiss", Stand.OHNE: "kein Netzwerk"}


STAND_STIL = {Stand.MIT: "green", Stand.UNGEWISS: "yellow", Stand.OHNE: "red"}


def kopfzeile(z: Zaehlung) -> str:
    """„43 von 53 Regionen (81,1 %)“ – mit der möglichen Zahl, wo sie abweicht."""
    if z.gesamt == 0:  # vor dem Programmbeginn zählt keine Region
        return "0 von 0 Regionen haben ein Netzwerk, 0 möglich"
    s = f"{z.sicher} von {anzahl(z.gesamt, 'Region', 'Regionen')} ({prozent(z.quote)})"
    haben = "hat" if z.sicher == 1 else "haben"  # „1 von 53 Regionen hat …“
    if z.eindeutig:
        return s + f" {haben} ein Regionales Bildungsnetzwerk"
    return s + f" {haben} sicher ein Netzwerk, bis zu {z.moeglich} ({prozent(z.quote_moeglich)}) möglich"


def kurz(z: Zaehlung) -> str:
    s = f"{z.sicher} von {z.gesamt}"
    return s if z.eindeutig else s + f" sicher, bis zu {z.moeglich} möglich"


def balken(z: Zaehlung, breite: int = BALKEN, leer: str = "░") -> Text:
    """█ sicher, ▒ möglich, ``leer`` ohne – auch ohne Farbe unterscheidbar."""
    if z.gesamt == 0:
        return Text("")
    s = round(breite * z.sicher / z.gesamt)
    m = round(breite * z.moeglich / z.gesamt) - s
    t = Text()
    t.append("█" * s, style="green")
    t.append("▒" * m, style="yellow")
    t.append(leer * (breite - s - m), style="dim")
    return t


def anteil_text(a: Anteil) -> str:
    """„95,8 %“ – oder „zwischen 0,0 % und 95,8 %“, wenn Einwohnerzahlen fehlen."""
    return prozent(a.unten) if a.genau else f"zwischen {prozent(a.unten)} und {prozent(a.oben)}"


def einwohner_zeile(e: Einwohnerbericht) -> str:
    """„95,8 % der Einwohner sicher, bis zu 97,4 % möglich (Einwohner: Stand 31.12.2018).“"""
    g = e.gesamt
    s = f"{anteil_text(g.anteil_sicher)} der Einwohner"
    if g.eindeutig:
        s += " mit Netzwerk"
    elif g.anteil_moeglich.genau:
        s += f" sicher, bis zu {anteil_text(g.anteil_moeglich)} möglich"
    else:
        s += f" sicher, möglich {anteil_text(g.anteil_moeglich)}"
    stand = e.stand_einheitlich
    if stand is not None:
        s += f" (Einwohner: Stand {deutsch_tag(stand)})"
    elif e.stand:
        s += f" (Einwohner: Stände {', '.join(deutsch_tag(d) for d in e.stand)})"
    if g.ohne_angabe:
        namen = ", ".join(_s(r.region.bezeichnung) for r in g.ohne_angabe)
        s += f"; ohne Einwohnerzahl: {namen}"
    return s[0].upper() + s[1:] + "."  # ein Satz, auch wenn er mit „zwischen …“ beginnt


def einwohner_nach(gruppen: Mapping[str, Einwohnerzahl]) -> str:
    """„Einwohner mit Netzwerk: Arnsberg 100,0 %, Düsseldorf 85,4 % (bis zu 91,2 %), …“"""
    teile = []
    for name, z in gruppen.items():
        t = f"{_s(name)} {anteil_text(z.anteil_sicher)}"
        if not z.eindeutig:
            t += f" ({'bis zu ' if z.anteil_moeglich.genau else 'möglich '}{anteil_text(z.anteil_moeglich)})"
        teile.append(t)
    return "Einwohner mit Netzwerk: " + ", ".join(teile)


def tempo_zeile(t: Tempo) -> str:
    """„Tempo: +2 Netzwerke …, 0,4 pro Jahr“ – ein Rückgang in Worten („1 Netzwerk weniger“),
    nie „−1 Netzwerke … −0,2 pro Jahr“."""
    pro = f"{abs(t.pro_jahr):.1f}".replace(".", ",")
    jahre = f"{t.jahre:.1f}".replace(".", ",").removesuffix(",0")
    seit = f"(sicher) seit {deutsch_tag(t.von)} ({jahre} {'Jahr' if jahre == '1' else 'Jahre'})"
    n = abs(t.zuwachs)
    netzwerke = "Netzwerk" if n == 1 else "Netzwerke"
    if t.zuwachs > 0:
        s = f"Tempo: {mit_vorzeichen(t.zuwachs)} {netzwerke} {seit}, {pro} pro Jahr."
    elif t.zuwachs < 0:
        s = f"Tempo: {n} {netzwerke} weniger {seit}, im Schnitt {pro} weniger pro Jahr."
    else:
        s = f"Tempo: kein Netzwerk hinzugekommen {seit}."
    if t.fehlen <= 0:
        return s
    if t.erreicht_etwa is None:
        return s + f" Bei diesem Tempo wird das Ziel nie erreicht ({es_fehlen(t.fehlen)})."
    fehlende = "wäre die fehlende Region" if t.fehlen == 1 else f"wären die fehlenden {t.fehlen}"
    return (
        s + f" Bei diesem Tempo {fehlende} etwa im Jahr "
        f"{t.erreicht_etwa.year} erreicht (Hochrechnung, keine Prognose)."
    )


def zaehlung_der_quelle(p: Pruefpunkt) -> str:
    """Was ein Prüfpunkt behauptet, kurz: „51“, „mindestens 31“, „43 genannte Regionen“."""
    if p.anzahl is not None:
        return str(p.anzahl)
    if p.mindestens is not None and p.hoechstens is not None:
        return f"{p.mindestens} bis {p.hoechstens}"
    if p.mindestens is not None:
        return f"mindestens {p.mindestens}"
    if p.hoechstens is not None:
        return f"höchstens {p.hoechstens}"
    if p.regionen is not None:
        return anzahl(len(p.regionen), "genannte Region", "genannte Regionen")
    return "ohne Zahl"


def datenstand_zeile(d: Belegstand) -> str | None:
    """„Datenstand: … Neueste landesweite Zählung: 51 am 10.04.2024, 2 Jahre und 7 Monate vor
    dem Stichtag.“ – wie alt die Belege sind, auf denen der Stand ruht."""
    teile = []
    if d.geprueft_am is not None:
        teile.append(f"Datenstand: mit den Quellen abgeglichen am {deutsch_tag(d.geprueft_am)}.")
    if d.neueste is not None and d.neueste.datum is not None:
        z = d.neueste.datum
        wann = f"am {deutsch_tag(z.frueh)}" if z.genau and z.frueh else f"({_s(z.deutsch())})"
        s = f"Neueste landesweite Zählung: {zaehlung_der_quelle(d.neueste)} {wann}"
        if d.alter_monate is not None:
            s += f", {dauer_deutsch(d.alter_monate)} vor dem Stichtag"
        teile.append(s + ".")
    return " ".join(teile) or None


def meilenstein_zeile(m: Meilenstein) -> str:
    if m.datum.genau and m.datum.frueh:
        return f"{deutsch_tag(m.datum.frueh)} {_s(m.text)}"
    return f"{_s(m.datum.deutsch())} {_s(m.text)}"


def konferenz_zeilen(k: Konferenzbericht) -> list[str]:
    """Was über die jährlichen Konferenzen bekannt ist – und wie wenig das ist."""
    n = len(k.netzwerke)
    bekannt = len(k.mit_angabe)
    zeilen = [
        f"Erfasst für {bekannt} von {anzahl(n, 'Netzwerk', 'Netzwerken')}; "
        f"für {n - bekannt} ist keine Konferenz erfasst."
    ]
    # Nur was erfasst ist: ein fehlender Eintrag ist kein Beleg, dass keine Konferenz stattfand,
    # also heißt kein Netzwerk hier „überfällig“ (Audit vom 28.11.2026).
    if k.zuletzt_erfasst_vor_grenze:
        namen = ", ".join(
            f"{_s(s.region.bezeichnung)} (letzte erfasste: {_s(s.letzte.deutsch())})"
            for s in k.zuletzt_erfasst_vor_grenze
            if s.letzte
        )
        zeilen.append(
            f"Keine Konferenz seit dem {deutsch_tag(k.grenze)} erfasst: "
            f"{len(k.zuletzt_erfasst_vor_grenze)} – {namen}"
        )
    elif bekannt:
        zeilen.append("Für jedes Netzwerk mit Angabe ist eine Konferenz aus den letzten 12 Monaten erfasst.")
    if bekannt < n or k.zuletzt_erfasst_vor_grenze:
        zeilen.append(
            "Nicht erfasst heißt nicht „keine Konferenz“: die Daten sagen nur, was eine Quelle belegt."
        )
    return zeilen


def _jahr(z: Any) -> str:
    """Eine Zeitangabe als Jahr, wo sie in einem Jahr liegt („2008“), sonst ihr Text."""
    if z.frueh is not None and z.spaet is not None and z.frueh.year == z.spaet.year:
        return str(z.frueh.year)
    return _s(z.deutsch())


def vor_dem_programm(beginn: date) -> str:
    """Ein Stichtag vor den ersten Verträgen: keine Zählung, sondern kein Programm."""
    return f"Vor dem {deutsch_tag(beginn)} gab es das Programm noch nicht."


def quellenzeilen(q: Quelle) -> list[str]:
    """Eine Quelle als Zeilen: die Adresse, darunter, was die Daten sonst über sie sagen:
    Erscheinungsdatum, archivierte Kopie, Tag des Abrufs und Zitat (entschärft)."""
    zeilen = [_s(q.url)]
    if q.veroeffentlicht:
        zeilen.append(f"  veröffentlicht: {q.veroeffentlicht.deutsch()}")
    if q.archiv:
        zeilen.append(f"  Archiv: {_s(q.archiv)}")
    if q.abgerufen:
        zeilen.append(f"  abgerufen am {deutsch_tag(q.abgerufen)}")
    if q.zitat:
        zeilen.append(f"  „{_s(q.zitat)}“")
    return zeilen


def _mit_art(z: Zeitangabe) -> str:
    return _s(_art_der_zeitangabe(z))


def _art_der_zeitangabe(z: Zeitangabe) -> str:
    if z.genau:
        return f"{z.deutsch()} (genauer Tag)"
    if z.ist_spanne:
        return f"{z.deutsch()} (ungenau)"
    if len(z.text) == 7:
        return f"{z.deutsch()} (nur Monat bekannt)"
    return f"{z.deutsch()} (nur Jahr bekannt)"


def zaehlung_daten(z: Zaehlung) -> dict[str, Any]:
    return {"regionen": z.gesamt, "mit_netzwerk": z.sicher, "mit_netzwerk_moeglich": z.moeglich}


def zeitangabe_daten(z: Zeitangabe | None) -> dict[str, Any] | None:
    return None if z is None else z.als_json()


def einwohnerzahl_daten(z: Einwohnerzahl) -> dict[str, Any]:
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


def einwohner_daten(e: Einwohnerbericht) -> dict[str, Any]:
    return {
        **einwohnerzahl_daten(e.gesamt),
        "stand": [d.isoformat() for d in e.stand],
        "quellen": quellen_daten(e.quellen),
        "nach_regierungsbezirk": {k: einwohnerzahl_daten(v) for k, v in e.nach_regierungsbezirk.items()},
        "nach_art": {k: einwohnerzahl_daten(v) for k, v in e.nach_art.items()},
    }


def datenstand_daten(d: Belegstand) -> dict[str, Any]:
    """Wie alt die Belege sind: Abgleich mit den Quellen und neueste landesweite Zählung."""
    p = d.neueste
    return {
        "geprueft_am": d.geprueft_am.isoformat() if d.geprueft_am else None,
        "geprueft_durch": d.geprueft_durch,
        "neueste_zaehlung": (
            None
            if p is None
            else {
                "datum": zeitangabe_daten(p.datum),
                "anzahl": p.anzahl,
                "mindestens": p.mindestens,
                "hoechstens": p.hoechstens,
                "aussage": p.aussage,
                "quelle": quelle_daten(p.quelle),
            }
        ),
        "alter_tage": d.alter_tage,
        "alter_monate": d.alter_monate,
    }


def quelle_daten(q: Quelle) -> str | dict[str, Any]:
    """Eine Quelle: nur die Adresse als Text (:meth:`Quelle.schlicht`), sonst ein Objekt – immer
    mit allen Schlüsseln (``null``, wo die Daten nichts sagen)."""
    schlicht = q.schlicht()
    if schlicht is not None:
        return schlicht
    return {
        "url": q.url,
        "veroeffentlicht": zeitangabe_daten(q.veroeffentlicht),
        "abgerufen": q.abgerufen.isoformat() if q.abgerufen else None,
        "archiv": q.archiv,
        "zitat": q.zitat,
    }


def quellen_daten(qs: Sequence[Quelle]) -> list[str | dict[str, Any]]:
    return [quelle_daten(q) for q in qs]


def problem_daten(p: Problem) -> dict[str, Any]:
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


def als_csv(kopf: Sequence[str], zeilen: Iterable[Sequence[Any]]) -> str:
    puffer = io.StringIO()
    w = csv.writer(puffer, lineterminator="\n")
    w.writerow(kopf)
    w.writerows([csv_zelle(z) for z in zeile] for zeile in zeilen)
    return puffer.getvalue()


def text_oder_leer(z: dict[str, Any] | None) -> str:
    return z["text"] if z else ""


def md_quelle(q: Quelle) -> str:
    """Eine Webadresse als Autolink ``<…>`` (darin wirkt keine Auszeichnung), alles andere als Text;
    die archivierte Kopie daneben."""
    archiv = f" (Archiv: {md_adresse(q.archiv)})" if q.archiv else ""
    return md_adresse(q.url) + archiv


def md_adresse(text: str) -> str:
    url = sichere_url(text)
    return f"<{url}>" if url else _zelle(text)


def md_eigene(text: str) -> str:
    """Eine Zelle mit netz' eigenem Text (Zahlen, Daten): nur ``|`` und Umbrüche entschärft."""
    return text.replace("|", "\\|").replace("\n", " ")


def md_tabelle(kopf: list[str], zeilen: list[list[str]], rechts: int = 0) -> list[str]:
    """Eine Markdown-Tabelle; die letzten ``rechts`` Spalten rechtsbündig. Die Zellen kommen
    fertig entschärft (Datentext mit ``_zelle``, eigener mit ``md_eigene``)."""
    trenner = ["---"] * (len(kopf) - rechts) + ["---:"] * rechts
    out = ["| " + " | ".join(kopf) + " |", "|" + "|".join(trenner) + "|"]
    out += ["| " + " | ".join(zeile) + " |" for zeile in zeilen]
    return out
