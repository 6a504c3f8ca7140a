"""Dateiübergreifende Prüfungen: Dateinamen, doppelte Schlüssel, Daten, Quellen, Überschneidungen.

Alle Funktionen nehmen einen :class:`Datenbestand` und geben Befunde zurück.
"""

from __future__ import annotations

import bisect
import os
from collections.abc import Callable
from datetime import date, timedelta

from ..kern import shell
from ..kern.ablage import REGIONEN
from ..kern.befund import Korrektur, Problem
from ..kern.bestand import Datenbestand, Dokument
from ..kern.datum import Zeitangabe
from ..kern.modelle import Region, Vertrag
from ..kern.namen import region_dateiname, vertrag_dateiname
from .codes import problem
from .regeln import Kontext

FRUEHESTES_JAHR = 2008


# Die Prüfgänge des Registers (pruefen/regeln.py): welche Codes jeder liefert, steht dort.


def regionen(k: Kontext) -> list[Problem]:
    """Dateinamen, AGS, Anzahl und Statistik-Stand der Regionen."""
    return _regionen(k.bestand, k.heute)


def gebietsstand(k: Kontext) -> list[Problem]:
    """Gültigkeit, Vorgänger und Nachfolger der Regionen."""
    return _gebietsstand(k.bestand)


def vertraege(k: Kontext) -> list[Problem]:
    """Region, Dateiname, Daten, Quellen und Überschneidungen der Verträge."""
    return _vertraege(k.bestand, k.heute)


def _falscher_name(
    dok: Dokument[Region] | Dokument[Vertrag],
    soll: str,
    namen: set[str],
    feld: str,
    verfolgt: Callable[[str], bool | None] | None,
) -> Problem:
    """NZ401 mit dem Befehl, der ihn behebt – Pfade relativ zum Arbeitsverzeichnis, wie sie
    in der Meldung stehen, für die Shell gequotet. „git mv“ nur für eine Datei, die git kennt
    (sonst scheitert es: „not under version control“), sonst „mv“. Gibt es die richtige Datei
    schon, ist diese eine Kopie („… (Kopie).yaml“ aus dem Explorer): dann sagen, welche bleibt."""
    ziel = os.path.join(os.path.dirname(dok.anzeige), soll)
    in_git = verfolgt(dok.datei) if verfolgt is not None else None
    meldung = f"Dateiname passt nicht zum Inhalt: erwartet „{soll}“"
    if soll in namen:
        loeschen = "git rm" if in_git else "rm"
        vergleich = shell.befehl("diff -u", ziel, dok.anzeige)
        weg = shell.befehl(loeschen, dok.anzeige)
        hinweis = (
            f"Eine Kopie von {ziel}? Jene Datei behalten – ihr Name passt zum Inhalt, unter ihm führt "
            "netz den Vertrag; was nur hier steht, dort nachtragen"
            + (f" (Unterschiede: {vergleich})" if vergleich else "")
            + (f", dann diese löschen:  {weg}" if weg else ", dann diese Datei löschen.")
        )
        return problem(dok.anzeige, dok.zeile(feld), "NZ401", meldung, hinweis, betrifft=(ziel,))
    b = shell.befehl("git mv" if in_git else "mv", dok.anzeige, ziel)
    hinweis = (
        f"Datei umbenennen (oder „netz validate --fix“):  {b}"
        if b
        else f"Datei umbenennen in {ziel} (oder „netz validate --fix“)."
    )
    return problem(
        dok.anzeige, dok.zeile(feld), "NZ401", meldung, hinweis, korrektur=Korrektur("umbenennen", neu=ziel)
    )


def _regionen(bestand: Datenbestand, heute: date) -> list[Problem]:
    out: list[Problem] = []
    gesehen: dict[str, Dokument[Region]] = {}
    praefix = bestand.programm.modell.ags_praefix if bestand.programm else None
    namen = {d.name for d in bestand.regionen}
    for dok in bestand.regionen:
        r = dok.modell
        if praefix and not r.ags.startswith(praefix):
            out.append(_fremde_ags(dok, "ags", r.ags, praefix))
        soll = region_dateiname(r)
        if dok.name != soll:
            out.append(_falscher_name(dok, soll, namen, "name", bestand.verfolgt))
            if soll in namen:
                continue  # eine Kopie: kein zweiter Befund „AGS doppelt“ zu demselben Fehler
        if r.ags in gesehen:
            out.append(
                problem(
                    dok.anzeige,
                    dok.zeile("ags"),
                    "NZ402",
                    f"AGS {r.ags} gibt es schon in {gesehen[r.ags].anzeige}",
                    "Jede Region genau einmal; eine der beiden Dateien löschen.",
                    betrifft=(gesehen[r.ags].anzeige,),
                )
            )
        else:
            gesehen[r.ags] = dok
        if r.statistik_stand is not None and r.statistik_stand > heute:
            out.append(
                problem(
                    dok.anzeige,
                    dok.zeile("statistik_stand"),
                    "NZ302",
                    f"statistik_stand {r.statistik_stand} liegt in der Zukunft",
                )
            )
    soll_anzahl = bestand.programm.modell.regionen if bestand.programm else None
    fehlerfrei = bestand.dateien.get(REGIONEN, 0) == len(bestand.regionen) and not bestand.unvollstaendig
    # gezählt werden die Regionen von heute; aufgelöste (gueltig_bis) stehen daneben
    heutige = [r for r in gesehen.values() if r.modell.gilt_am(heute)]
    if soll_anzahl is not None and fehlerfrei and len(heutige) != soll_anzahl:
        prog = bestand.programm
        assert prog is not None
        frueher = len(gesehen) - len(heutige)
        out.append(
            problem(
                prog.anzeige,
                prog.zeile("regionen"),
                "NZ403",
                f"{len(heutige)} Regionen in regionen/ bestehen heute"
                + (f" (dazu {frueher} aufgelöste)" if frueher else "")
                + f", das Programm umfasst {soll_anzahl}",
                "Jede der Regionen braucht genau eine Datei in regionen/.",
            )
        )
    return out


def _gebietsstand(bestand: Datenbestand) -> list[Problem]:
    """Gültigkeit, Vorgänger und Nachfolger der Regionen: ein lückenloser Gebietsstand.

    Eine Region gilt von ``gueltig_ab`` bis ``gueltig_bis``; wer ``nachfolger`` nennt, endet,
    und jeder Nachfolger beginnt am Tag danach und nennt sie unter ``vorgaenger`` (und
    umgekehrt). Codes: NZ304 für Daten, die nicht zusammenpassen, NZ404 für unbekannte Regionen.
    """
    out: list[Problem] = []
    doks = {d.modell.ags: d for d in bestand.regionen}
    kaputt = _kaputte_regionen(bestand)
    for dok in bestand.regionen:
        r = dok.modell
        if r.gueltig_ab is not None and r.gueltig_bis is not None and r.gueltig_ab > r.gueltig_bis:
            out.append(
                problem(
                    dok.anzeige,
                    dok.zeile("gueltig_bis"),
                    "NZ304",
                    f"„gueltig_bis: {r.gueltig_bis}“ liegt vor „gueltig_ab: {r.gueltig_ab}“",
                )
            )
        for feld, liste in (("vorgaenger", r.vorgaenger), ("nachfolger", r.nachfolger)):
            for ags in liste:
                andere = doks.get(ags)
                if andere is None and (ags in kaputt or REGIONEN in bestand.unvollstaendig):
                    continue  # der Befund zur Datei (oder zum Ordner) steht schon da
                if andere is None:
                    out.append(
                        problem(
                            dok.anzeige,
                            dok.zeile(feld),
                            "NZ404",
                            f"„{feld}“: Region {ags} gibt es nicht in regionen/",
                            "Auch aufgelöste Regionen brauchen eine Datei (mit gueltig_bis).",
                        )
                    )
                    continue
                out += _paar(dok, feld, r, andere.modell, andere.anzeige)
    return out


def _paar(dok: Dokument[Region], feld: str, r: Region, andere: Region, andere_datei: str) -> list[Problem]:
    """Passen eine Region und ihr Vorgänger oder Nachfolger zueinander?"""
    frueher, spaeter = (andere, r) if feld == "vorgaenger" else (r, andere)
    gegenfeld, gegenliste = (
        ("nachfolger", andere.nachfolger) if feld == "vorgaenger" else ("vorgaenger", andere.vorgaenger)
    )
    out = []
    if r.ags not in gegenliste:
        out.append(
            problem(
                dok.anzeige,
                dok.zeile(feld),
                "NZ404",
                f"„{feld}: {andere.ags}“, aber {andere.bezeichnung} nennt {r.ags} nicht unter „{gegenfeld}“",
                "Vorgänger und Nachfolger gehören in beide Dateien.",
                betrifft=(andere_datei,),
            )
        )
    ende, anfang = frueher.gueltig_bis, spaeter.gueltig_ab
    if feld == "nachfolger" and r.ags in gegenliste:
        return out  # die Daten prüft die Seite des Nachfolgers (sonst stünde der Befund doppelt)
    if ende is None or anfang is None or anfang != ende + timedelta(days=1):
        out.append(
            problem(
                dok.anzeige,
                dok.zeile(feld),
                "NZ304",
                f"„{feld}: {andere.ags}“: {spaeter.bezeichnung} muss am Tag nach dem Ende von "
                f"{frueher.bezeichnung} beginnen (gueltig_bis {ende or 'fehlt'}, "
                f"gueltig_ab {anfang or 'fehlt'})",
                "gueltig_bis beim Vorgänger und gueltig_ab beim Nachfolger eintragen, lückenlos.",
                betrifft=(andere_datei,),
            )
        )
    return out


def _vertraege(bestand: Datenbestand, heute: date) -> list[Problem]:
    out: list[Problem] = []
    regionen = {d.modell.ags: d.modell for d in bestand.regionen}
    beginn = bestand.programm.modell.erste_vertraege if bestand.programm else date(FRUEHESTES_JAHR, 1, 1)
    je_region: dict[str, list[Dokument[Vertrag]]] = {}
    praefix = bestand.programm.modell.ags_praefix if bestand.programm else None
    sortiert: list[str] = []
    namen = {d.name for d in bestand.vertraege}
    # Regionen, deren Datei kaputt ist: ihre Verträge bekommen keinen Folgebefund „gibt es nicht“
    kaputt = _kaputte_regionen(bestand)
    dateien = {d.modell.ags: d.anzeige for d in bestand.regionen}
    for dok in bestand.vertraege:
        v = dok.modell
        r = regionen.get(v.region)
        if praefix and not v.region.startswith(praefix):
            out.append(_fremde_ags(dok, "region", v.region, praefix))
        elif r is None and (REGIONEN in bestand.unvollstaendig or v.region in kaputt):
            # kein „gibt es nicht“ je Vertrag: die Region gibt es, nur ihre Datei ist kaputt – der
            # Befund dazu steht einmal bei ihr (ein Folgebefund je Vertrag wäre derselbe Fehler)
            pass
        elif r is None:
            nah = _nachbarn(v.region, sortiert or (sortiert := sorted(regionen)))
            out.append(
                problem(
                    dok.anzeige,
                    dok.zeile("region"),
                    "NZ404",
                    f"Region {v.region} gibt es nicht in regionen/",
                    ("Ähnlich: " + ", ".join(f"{a} ({regionen[a].bezeichnung})" for a in nah))
                    if nah
                    else "AGS prüfen: „netz list“ zeigt alle Regionen.",
                )
            )
        else:
            soll = vertrag_dateiname(r, v.unterzeichnet)
            if dok.name != soll:
                out.append(_falscher_name(dok, soll, namen, "unterzeichnet", bestand.verfolgt))
            # eine Kopie überschneidet sich mit ihrem Original – das ist derselbe Fehler
            if dok.name == soll or soll not in namen:
                je_region.setdefault(v.region, []).append(dok)
        out += _daten(dok, heute, beginn)
        if REGIONEN not in bestand.unvollstaendig:  # sonst wäre jede Region „unbekannt“
            out += _umfasst(dok, regionen, kaputt, dateien)
        out += _quellen(dok)
    for doks in je_region.values():
        out += _ueberschneidungen(doks)
    return out


def _kaputte_regionen(bestand: Datenbestand) -> set[str]:
    """Die AGS (aus dem Dateinamen) der Regionsdateien, die nicht gültig gelesen wurden."""
    return {
        os.path.basename(d).split("-", 1)[0]
        for d in bestand.fehlerhaft
        if os.path.basename(os.path.dirname(d)) == REGIONEN
    }


def _umfasst(
    dok: Dokument[Vertrag], regionen: dict[str, Region], kaputt: set[str], dateien: dict[str, str]
) -> list[Problem]:
    """Gab es die Regionen, für die der Vertrag geschlossen wurde, am Tag der Unterzeichnung?

    Das sind die unter ``umfasst`` – ohne sie die ``region`` selbst. Nennt ein Vertrag
    ``umfasst`` ohne seine ``region``, muss sie Nachfolgerin jeder dieser Regionen sein:
    sonst zählte der Vertrag später für ein fremdes Gebiet.
    """
    v = dok.modell
    out: list[Problem] = []
    feld = "umfasst" if v.umfasst else "region"
    for ags in v.umfasst or [v.region]:
        r = regionen.get(ags)
        if r is None:
            if v.umfasst and ags not in kaputt:
                out.append(
                    problem(dok.anzeige, dok.zeile(feld), "NZ404", f"„umfasst“: Region {ags} gibt es nicht")
                )
            continue
        z = v.unterzeichnet
        vorher = r.gueltig_ab is not None and z.spaet is not None and z.spaet < r.gueltig_ab
        nachher = r.gueltig_bis is not None and z.frueh is not None and z.frueh > r.gueltig_bis
        if vorher or nachher:
            von = f"vom {r.gueltig_ab.isoformat()}" if r.gueltig_ab else ""
            bis = f"bis zum {r.gueltig_bis.isoformat()}" if r.gueltig_bis else ""
            zeit = " ".join(x for x in (von, bis) if x)
            out.append(
                problem(
                    dok.anzeige,
                    dok.zeile("unterzeichnet"),
                    "NZ304",
                    f"„unterzeichnet: {z}“: {r.bezeichnung} ({ags}) gab es nur {zeit}",
                    "Für einen Vertrag vor der Bildung einer Region unter „umfasst“ die Regionen nennen, "
                    "für die er damals geschlossen wurde.",
                    betrifft=(dateien[ags],),
                )
            )
        if v.umfasst and v.region not in v.umfasst and r is not None and v.region not in r.nachfolger:
            out.append(
                problem(
                    dok.anzeige,
                    dok.zeile("umfasst"),
                    "NZ204",
                    f"„umfasst: {ags}“: {v.region} ist keine Nachfolgerin von {r.bezeichnung}",
                    "„umfasst“ nennt die Regionen, aus denen „region“ später hervorging.",
                    betrifft=(dateien[ags],),
                )
            )
    return out


def _nachbarn(ags: str, sortiert: list[str], n: int = 3) -> list[str]:
    """Die Schlüssel, die ``ags`` am nächsten liegen – in O(log n), auch bei 10.000 Regionen.

    (difflib wäre hier quadratisch teuer: je unbekannter Region ein Vergleich mit allen.)
    """
    i = bisect.bisect_left(sortiert, ags)
    kandidaten = sortiert[max(0, i - n) : i + n]
    gleich = [a for a in kandidaten if len(a) == len(ags)]
    gleich.sort(key=lambda a: (sum(x != y for x, y in zip(a, ags, strict=True)), abs(int(a) - int(ags))))
    return gleich[:n]


def _fremde_ags(dok: Dokument[Region] | Dokument[Vertrag], feld: str, ags: str, praefix: str) -> Problem:
    return problem(
        dok.anzeige,
        dok.zeile(feld),
        "NZ204",
        f"„{feld}“: AGS {ags} gehört nicht zum Programm (alle beginnen mit {praefix})",
        "Schlüssel prüfen: „netz list --sort ags“ zeigt alle Regionen.",
    )


def _daten(dok: Dokument[Vertrag], heute: date, beginn: date) -> list[Problem]:
    v = dok.modell
    out: list[Problem] = []
    felder: list[tuple[str, Zeitangabe]] = [("unterzeichnet", v.unterzeichnet)]
    if v.beginn is not None:
        felder.append(("beginn", v.beginn))
    if v.endet is not None:
        felder.append(("endet", v.endet))
    for feld, z in felder:
        # Beginn und Ende dürfen angekündigt sein (Beginn zum 1. des Folgemonats,
        # Kündigung zum Schuljahresende); eine Unterzeichnung nicht.
        if feld == "unterzeichnet" and z.sicher_nach(heute):
            out.append(
                problem(
                    dok.anzeige,
                    dok.zeile(feld),
                    "NZ302",
                    f"„{feld}: {z}“ liegt in der Zukunft (heute ist {heute.isoformat()})",
                    "Erst eintragen, wenn der Vertrag unterzeichnet ist.",
                )
            )
        if z.spaet is not None and z.spaet < beginn:
            out.append(
                problem(
                    dok.anzeige,
                    dok.zeile(feld),
                    "NZ303",
                    f"„{feld}: {z}“ liegt vor den ersten Verträgen des Programms ({beginn.isoformat()})",
                    "Vorläufer (z. B. „Selbstständige Schule“) sind keine Kooperationsverträge.",
                )
            )
        if z.ist_spanne and v.bemerkung is None:
            out.append(
                problem(
                    dok.anzeige,
                    dok.zeile(feld),
                    "NZ305",
                    f"„{feld}: {z}“ ist eine abgeleitete Grenze ohne Erklärung",
                    "In „bemerkung“ sagen, woher die Grenze kommt.",
                )
            )
    # Ereignisse des Netzwerks: nicht in der Zukunft, nicht außerhalb der Laufzeit
    ereignisse: list[tuple[str, Zeitangabe]] = [
        (f"{schluessel}[{i}]", e.datum)
        for schluessel in ("fortsetzungen", "bildungskonferenzen")
        for i, e in enumerate(getattr(v, schluessel))
    ]
    if v.lenkungskreis is not None:
        ereignisse.append(("lenkungskreis", v.lenkungskreis.konstituiert))
    for feld, z in ereignisse:
        if z.sicher_nach(heute):
            out.append(problem(dok.anzeige, dok.zeile(feld), "NZ302", f"„{feld}“: {z} liegt in der Zukunft"))
        if _sicher_vor(z, v.unterzeichnet) or (v.endet is not None and _sicher_vor(v.endet, z)):
            out.append(
                problem(
                    dok.anzeige,
                    dok.zeile(feld),
                    "NZ304",
                    f"„{feld}“: {z} liegt außerhalb der Laufzeit des Vertrags",
                    "Gehört das Ereignis zu einem anderen Vertrag der Region?",
                )
            )
    for feld, z in felder[1:]:
        if _sicher_vor(z, v.unterzeichnet):
            out.append(
                problem(
                    dok.anzeige,
                    dok.zeile(feld),
                    "NZ304",
                    f"„{feld}: {z}“ liegt vor der Unterzeichnung ({v.unterzeichnet})",
                )
            )
    return out


def _sicher_vor(a: Zeitangabe, b: Zeitangabe) -> bool:
    return a.spaet is not None and b.frueh is not None and a.spaet < b.frueh


def _quellen(dok: Dokument[Vertrag]) -> list[Problem]:
    """Ein Vertrag ohne Quelle (NZ601); jede genannte Quelle prüft .quellen.quellenobjekte."""
    if dok.modell.quellen:
        return []
    return [
        problem(
            dok.anzeige,
            dok.zeile("region"),
            "NZ601",
            "Vertrag ohne Quelle",
            "Unter „quellen:“ die Webadresse angeben, auf der die Angabe beruht, oder: "
            f"netz source add {dok.modell.region} https://…",
        )
    ]


def _ueberschneidungen(doks: list[Dokument[Vertrag]]) -> list[Problem]:
    """NZ405: Verträge einer Region, die unter jeder Lesart gleichzeitig in Kraft wären.

    Ein Durchlauf nach dem spätesten möglichen Beginn (O(n log n) für n Verträge der Region):
    jeder Vertrag wird mit dem bisher am spätesten endenden früheren verglichen – überschneidet
    er sich mit irgendeinem früheren, dann mit diesem. So bekommt jeder Vertrag höchstens einen
    Befund, der einen Partner nennt; nie einen je Paar (2.000 gleiche Verträge gaben sonst
    zwei Millionen Befunde).
    """
    kandidaten = [d for d in doks if d.modell.unterzeichnet.spaet is not None]
    kandidaten.sort(
        key=lambda d: (d.modell.unterzeichnet.spaet, d.modell.unterzeichnet.frueh or date.min, d.name)
    )
    out: list[Problem] = []
    beginne: list[date] = []  # späteste Beginne der schon gesehenen Verträge, aufsteigend
    laengste: list[Dokument[Vertrag]] = []  # je Präfix der Vertrag mit dem spätesten frühen Ende
    for b in kandidaten:
        sb = b.modell.unterzeichnet.spaet
        assert sb is not None
        # frühere Verträge, die spätestens enden, wenn b frühestens endet: ihr am längsten laufender
        i = bisect.bisect_right(beginne, _ende_frueh(b.modell))
        if i and _sicher_gleichzeitig(laengste[i - 1].modell, b.modell):
            partner = laengste[i - 1]
            befund = problem(
                b.anzeige,
                b.zeile("unterzeichnet"),
                "NZ405",
                f"Dieser Vertrag und {partner.anzeige} wären gleichzeitig in Kraft",
                "Beim älteren Vertrag „endet:“ eintragen (Kündigung) – oder ist es derselbe Vertrag doppelt?",
                betrifft=(partner.anzeige,),
            )
            out.append(befund)
        beginne.append(sb)
        bisher = laengste[-1] if laengste else None
        laengste.append(b if bisher is None or _ende_frueh(b.modell) > _ende_frueh(bisher.modell) else bisher)
    return out


def _ende_frueh(v: Vertrag) -> date:
    """Das früheste mögliche Ende (ohne „endet“: nie)."""
    if v.endet is None:
        return date.max
    return v.endet.frueh or date.min


def _sicher_gleichzeitig(a: Vertrag, b: Vertrag) -> bool:
    """Überschneiden sich die Laufzeiten unter jeder Lesart der Daten?"""
    ende_frueh = _ende_frueh
    sa, sb = a.unterzeichnet.spaet, b.unterzeichnet.spaet
    if sa is None or sb is None:
        return False
    return sa <= ende_frueh(b) and sb <= ende_frueh(a)
