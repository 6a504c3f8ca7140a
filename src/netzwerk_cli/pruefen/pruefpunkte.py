"""Die Prüfpunkte: veröffentlichte Zahlen und Listen, gegen die die Vertragsdaten geprüft werden.

Nach dem Vorbild der Saldenbehauptungen von hledger: jede Quelle behauptet etwas über einen
Tag oder Zeitraum, und die Daten müssen es zulassen. „Zulassen“ heißt: an mindestens einem Tag
des Zeitraums gibt es eine Lesart der ungenauen Daten, unter der alles zugleich stimmt – die
Zahl (``anzahl``, ``mindestens``, ``hoechstens``), jede genannte Region hat ein Netzwerk
(``regionen``), bei ``vollstaendig`` keine andere, und keine aus ``ohne``.

Die Lesarten der Regionen sind voneinander unabhängig (jede Region hat ihre eigenen Verträge);
darum genügt je Tag: die Zahl der Netzwerke kann jeden Wert zwischen „sicher oder genannt“ und
„möglich, aber nicht als ohne genannt“ annehmen.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from datetime import date
from typing import NamedTuple

from ..kern.abdeckung import (
    Stand,
    StandVerzeichnis,
    Verlauf,
    abdeckung,
    verlauf,
    vertraege_je_region,
    wendepunkte,
)
from ..kern.befund import Problem
from ..kern.belege import VORGABE_HOECHSTALTER, AlterFehler, Hoechstalter, neuester_pruefpunkt
from ..kern.bestand import Datenbestand, Dokument
from ..kern.datum import deutsch_tag
from ..kern.modelle import Programm, Pruefpunkt, Region, Vertrag
from ..kern.pruefpunkt import Aussage, aussage, widersprueche
from ..kern.zahlen import spanne
from .codes import problem
from .regeln import Kontext


class PruefErgebnis(NamedTuple):
    punkt: Pruefpunkt
    zeile: int
    geprueft: bool
    erfuellt: bool | None
    # die Spanne der Zählungen im Zeitraum des Prüfpunkts
    sicher: tuple[int, int] | None
    moeglich: tuple[int, int] | None
    problem: Problem | None


def pruefpunkte(bestand: Datenbestand, heute: date) -> list[PruefErgebnis]:
    """Jeder Prüfpunkt gegen die Verträge.

    Kosten für R Regionen, C Verträge (v je Region) und B Prüfpunkte: O(C log C) für den
    Verlauf je Gebiet (NRW, die Bezirke) und das :class:`StandVerzeichnis`; je Prüfpunkt
    O(R + log C + k) für sein Gebiet und die k Wendepunkte in seinem Zeitraum, mit Namen dazu
    O(k · R · log v) (:func:`_namen`). Für Prüfpunkte mit genauem Datum O((C + B · R) log C):
    linear in Verträgen und Prüfpunkten bei fester Zahl der Regionen. Ein verfehlter Prüfpunkt
    kostet zusätzlich O(R + C) für die Dateien seines Gebiets (:func:`_mit_dateien`)."""
    prog = bestand.programm
    if prog is None:
        return []
    beginn = bestand.programmbeginn
    je = vertraege_je_region((d.modell for d in bestand.vertraege), beginn)
    alle = [d.modell for d in bestand.regionen]
    bekannt = {r.ags: r for r in alle}
    staende = StandVerzeichnis(je)  # einmal für alle Prüfpunkte mit Namen
    verlaeufe: dict[str | None, Verlauf] = {}
    wenden: dict[str | None, list[date]] = {}
    out = []
    for i, p in enumerate(prog.modell.pruefpunkte):
        zeile = _zeile_pruefpunkt(prog, i)
        # was der Prüfpunkt sagt – dieselbe Lesart wie netz offen (kern/pruefpunkt.py)
        a = aussage(i, p, alle, prog.modell.erste_vertraege, heute, bekannt)
        if a is None:
            out.append(PruefErgebnis(p, zeile, False, None, None, None, None))
            continue
        gebiet_regionen = list(a.gebiet)
        # je Gebiet (NRW oder ein Bezirk) einmal: Verlauf und Wendepunkte – je Prüfpunkt bleibt
        # dann O(log C) für seinen Zeitraum plus die Tage darin (statt O(R + C))
        if p.regierungsbezirk not in verlaeufe:
            verlaeufe[p.regierungsbezirk] = verlauf(gebiet_regionen, je, beginn)
            wenden[p.regierungsbezirk] = wendepunkte(v for r in gebiet_regionen for v in je.get(r.ags, ()))
        anfang, ende = a.von, a.bis
        sicher: list[int] = []
        moeglich: list[int] = []
        zahl_erfuellt = False
        for _, z in verlaeufe[p.regierungsbezirk].zwischen(anfang, ende):
            sicher.append(z.sicher)
            moeglich.append(z.moeglich)
            zahl_erfuellt = zahl_erfuellt or a.zahl_passt(z.sicher, z.moeglich)
        spanne_s = (min(sicher), max(sicher))
        spanne_m = (min(moeglich), max(moeglich))
        if a.genannt is None and not a.ohne:
            fehler = None if zahl_erfuellt else _zahl_verfehlt(prog.anzeige, zeile, p, spanne_s, spanne_m)
            fehler = _mit_dateien(fehler, bestand, gebiet_regionen)
            out.append(PruefErgebnis(p, zeile, True, zahl_erfuellt, spanne_s, spanne_m, fehler))
            continue
        befund = _namen(prog.anzeige, zeile, a, je, zahl_erfuellt, wenden[p.regierungsbezirk], staende)
        if befund == _NUR_ZAHL:
            befund = _zahl_verfehlt(prog.anzeige, zeile, p, spanne_s, spanne_m)
        fehler = _mit_dateien(befund if isinstance(befund, Problem) else None, bestand, gebiet_regionen)
        erfuellt = fehler is None
        out.append(PruefErgebnis(p, zeile, True, erfuellt, spanne_s, spanne_m, fehler))
    return out


_NUR_ZAHL = "zahl"


def befunde(k: Kontext) -> list[Problem]:
    """Der Prüfgang des Registers (pruefen/regeln.py): die Befunde der Prüfpunkte."""
    return [e.problem for e in pruefpunkte(k.bestand, k.heute) if e.problem is not None]


def formbefunde(k: Kontext) -> list[Problem]:
    """Der Prüfgang des Registers für :func:`form`."""
    return form(k.bestand, k.heute, k.hoechstalter, k.regionen_ganz)


def _mit_dateien(befund: Problem | None, bestand: Datenbestand, gebiet: Sequence[Region]) -> Problem | None:
    """Ein Prüfpunkt betrifft jede Regions- und Vertragsdatei seines Gebiets: jede kann die
    Zählung ändern (``validate PATH`` zeigt den Befund zu jeder von ihnen)."""
    if befund is None:
        return None
    return befund._replace(betrifft=tuple(sorted(_dateien(bestand, {r.ags for r in gebiet}))))


def _dateien(bestand: Datenbestand, ags: set[str]) -> set[str]:
    """Die Regions- und Vertragsdateien zu den Regionen ``ags`` (auch über „umfasst“)."""
    out = {d.anzeige for d in bestand.regionen if d.modell.ags in ags}
    out |= {
        d.anzeige
        for d in bestand.vertraege
        if d.modell.region in ags or not ags.isdisjoint(d.modell.umfasst or ())
    }
    return out


def _soll(p: Pruefpunkt) -> str:
    teile = []
    if p.anzahl is not None:
        teile.append(str(p.anzahl))
    if p.mindestens is not None:
        teile.append(f"mindestens {p.mindestens}")
    if p.hoechstens is not None:
        teile.append(f"höchstens {p.hoechstens}")
    return ", ".join(teile)


def _wo(p: Pruefpunkt) -> str:
    return f"im Regierungsbezirk {p.regierungsbezirk}" if p.regierungsbezirk else "in NRW"


def _kopf(p: Pruefpunkt) -> str:
    return f"Prüfpunkt {p.datum or '(undatiert)'}"


def _zahl_verfehlt(
    datei: str, zeile: int, p: Pruefpunkt, spanne_s: tuple[int, int], spanne_m: tuple[int, int]
) -> Problem:
    return problem(
        datei,
        zeile,
        "NZ501",
        f"{_kopf(p)}: veröffentlicht {_soll(p)} {_wo(p)}, die Daten geben "
        f"{spanne(spanne_s)} sicher und {spanne(spanne_m)} möglich",
        "Vertragsdaten oder den Prüfpunkt prüfen; ein bekannt veralteter Prüfpunkt "
        "bekommt „pruefen: false“ mit Begründung.",
    )


def _namen(
    datei: str,
    zeile: int,
    a: Aussage,
    je: dict[str, tuple[Vertrag, ...]],
    zahl_erfuellt: bool,
    wende: list[date] | None = None,
    verzeichnis: StandVerzeichnis | None = None,
) -> Problem | str | None:
    """Prüfpunkt mit Namen: gibt es einen Tag, an dem eine Lesart alles zugleich erfüllt?

    Sonst der genaueste Befund: eine genannte Region, die nie ein Netzwerk haben kann (NZ502),
    eine ungenannte, die trotz vollständiger Liste sicher eines hat (NZ503), eine als „ohne“
    genannte, die sicher eines hat (NZ504), die Zahl allein (NZ501) – oder nur das Zugleich (NZ505).

    Kosten O(K · R · log v) für K Wendepunkte im Zeitraum und R Regionen des Gebiets, mit dem
    ``verzeichnis`` aller Verträge (je Tag nie alle Verträge, :class:`StandVerzeichnis`).
    """
    p, gebiet, anfang, ende = a.punkt, a.gebiet, a.von, a.bis
    genannt = set(a.genannt or ())
    ohne = set(a.ohne)
    if wende is None:
        wende = wendepunkte(v for r in gebiet for v in je.get(r.ags, ()))
    tage = [anfang, *wende[bisect.bisect_right(wende, anfang) : bisect.bisect_right(wende, ende)]]
    je_moeglich: set[str] = set()  # an irgendeinem Tag möglich
    je_nicht_sicher: set[str] = set()  # an irgendeinem Tag nicht sicher
    for d in tage:
        # nur die Regionen, die es am Tag gab: eine noch nicht gebildete (StädteRegion Aachen
        # vor dem 21.10.2009) oder aufgelöste hat kein Netzwerk, weder sicher noch möglich
        if verzeichnis is not None:  # dasselbe wie abdeckung(), ohne alle Verträge je Tag
            staende = {r.ags: verzeichnis.stand(r.ags, d) for r in gebiet if r.gilt_am(d)}
        else:
            staende = {s.region.ags: s.stand for s in abdeckung(gebiet, je, d).regionen}
        je_moeglich |= {x for x, s in staende.items() if s is not Stand.OHNE}
        je_nicht_sicher |= {r.ags for r in gebiet if staende.get(r.ags, Stand.OHNE) is not Stand.MIT}
        if any(staende.get(x, Stand.OHNE) is Stand.OHNE for x in genannt) or any(
            staende.get(x) is Stand.MIT for x in ohne
        ):
            continue
        if a.vollstaendig and any(s is Stand.MIT for x, s in staende.items() if x not in genannt):
            continue
        unten = sum(1 for x, s in staende.items() if s is Stand.MIT or x in genannt)
        oben = (
            len(genannt)
            if a.vollstaendig
            else sum(1 for x, s in staende.items() if s is not Stand.OHNE and x not in ohne)
        )
        if a.zahl_passt(unten, oben):
            return None
    namen = {r.ags: r.bezeichnung for r in gebiet}
    zeitraum = _zeitraum(anfang, ende)
    if nie := sorted(genannt - je_moeglich):
        return problem(
            datei,
            zeile,
            "NZ502",
            f"{_kopf(p)}: die Quelle nennt {_aufzaehlung(nie, namen)} mit Netzwerk, die Daten lassen "
            f"{zeitraum} keines zu",
            "Den Vertrag der Region prüfen (Datum, Ende) oder die Liste des Prüfpunkts.",
        )
    if a.vollstaendig and (
        immer := sorted(x for x in namen if x not in genannt and x not in je_nicht_sicher)
    ):
        return problem(
            datei,
            zeile,
            "NZ503",
            f"{_kopf(p)}: die Liste ist vollständig, aber {_aufzaehlung(immer, namen)} "
            f"{'hat' if len(immer) == 1 else 'haben'} {zeitraum} sicher ein Netzwerk",
            "Fehlt die Region in der Liste, oder ist ihr Vertrag zu früh datiert? Ist die Liste der "
            "Quelle nicht abschließend, „vollstaendig: false“ setzen.",
        )
    if immer_ohne := sorted(x for x in ohne if x not in je_nicht_sicher):
        return problem(
            datei,
            zeile,
            "NZ504",
            f"{_kopf(p)}: laut Quelle ohne Netzwerk: {_aufzaehlung(immer_ohne, namen)}; die Daten "
            f"geben {zeitraum} sicher eines",
            "Den Vertrag der Region prüfen (Ende, Datum) oder die Angabe „ohne“ des Prüfpunkts.",
        )
    if not zahl_erfuellt:
        return _NUR_ZAHL  # die Zahl allein passt an keinem Tag: der Befund mit den Spannen
    return problem(
        datei,
        zeile,
        "NZ505",
        f"{_kopf(p)}: Zahl und Namen passen je für sich, aber an keinem Tag {zeitraum} zugleich",
        "Die Verträge der genannten Regionen und die Zahl gemeinsam prüfen.",
    )


def _zeitraum(anfang: date, ende: date) -> str:
    if anfang == ende:
        return f"am {deutsch_tag(anfang)}"
    return f"vom {deutsch_tag(anfang)} bis {deutsch_tag(ende)}"


def _aufzaehlung(ags: list[str], namen: dict[str, str], hoechstens: int = 5) -> str:
    teile = [f"{namen.get(a, a)} ({a})" for a in ags[:hoechstens]]
    if len(ags) > hoechstens:
        teile.append(f"{len(ags) - hoechstens} weitere")
    return teile[0] if len(teile) == 1 else ", ".join(teile[:-1]) + " und " + teile[-1]


# --- Form der Prüfpunkte: was ein Prüfpunkt in sich behauptet ---------------------------


def form(
    bestand: Datenbestand, heute: date, hoechstalter: str | None = None, regionen_ganz: bool = True
) -> list[Problem]:
    """Was ohne Rechnen über programm.yaml zu sagen ist – läuft auch, wenn andere Dateien Fehler
    haben: widersprüchliche Prüfpunkte (NZ506) und zu alte Belege (NZ507, eine Warnung wie
    hledgers ``check recentassertions``).

    ``regionen_ganz``: ohne Fehler bis hierher (sonst ist eine fehlende Region kein Befund hier).
    ``geprueft_am`` wird nicht gegen „heute“ geprüft: der Tag des Abgleichs ist eine Angabe
    über die Arbeit an den Daten, kein Ereignis des Programms."""
    prog = bestand.programm
    if prog is None:
        return []
    p = prog.modell
    alle = [d.modell for d in bestand.regionen]
    bekannt = {r.ags: r for r in alle}
    out = []
    for i, punkt in enumerate(p.pruefpunkte):
        if not (gefunden := widersprueche(punkt, alle, regionen_ganz, bekannt)):
            continue
        genannt = _dateien(bestand, {*(punkt.regionen or ()), *punkt.ohne})
        for w in gefunden:
            out.append(
                problem(
                    prog.anzeige,
                    _zeile_pruefpunkt(prog, i),
                    "NZ506",
                    f"{_kopf(punkt)}: {w}",
                    "Den Prüfpunkt mit der Quelle vergleichen; er wird erst nach der Korrektur geprüft.",
                    betrifft=genannt,
                )
            )
    out += _belegalter(prog, p, heute, hoechstalter)
    return out


def hoechstalter_von(programm: Programm, vorgabe: str | None = None) -> Hoechstalter:
    """Das geltende Höchstalter: Kommandozeile vor programm.yaml vor der Vorgabe (3 Jahre)."""
    return Hoechstalter.lies(vorgabe or programm.pruefpunkte_hoechstalter or VORGABE_HOECHSTALTER)


def _belegalter(
    prog: Dokument[Programm], p: Programm, heute: date, hoechstalter: str | None
) -> list[Problem]:
    try:
        alter = hoechstalter_von(p, hoechstalter)
    except AlterFehler:  # das Schema hat das Feld schon geprüft; die Kommandozeile prüft validate
        return []
    if not p.pruefpunkte:
        return []
    neueste = neuester_pruefpunkt(p)
    grenze = alter.grenze(heute)
    if neueste is not None and neueste.datum is not None and neueste.datum.frueh is not None:
        if neueste.datum.frueh >= grenze:
            return []
        i = next(i for i, x in enumerate(p.pruefpunkte) if x is neueste)
        return [
            problem(
                prog.anzeige,
                _zeile_pruefpunkt(prog, i),
                "NZ507",
                f"Die neueste landesweite Zählung ({neueste.datum.deutsch()}) ist älter als "
                f"{alter.deutsch()} (vor dem {deutsch_tag(grenze)}): der Stand von heute ruht auf "
                "alten Belegen",
                "Eine neuere veröffentlichte Zahl suchen und als Prüfpunkt eintragen, dann „geprueft_am“ "
                "fortschreiben; die Grenze setzt „pruefpunkte_hoechstalter“ oder „--max-alter“.",
            )
        ]
    return [
        problem(
            prog.anzeige,
            prog.zeilen.get("pruefpunkte", 1),
            "NZ507",
            "Kein geprüfter, datierter landesweiter Prüfpunkt: wie alt die Belege sind, ist unbekannt",
            "Eine datierte landesweite Zahl mit Quelle als Prüfpunkt eintragen.",
        )
    ]


def _zeile_pruefpunkt(prog: Dokument[Programm], i: int) -> int:
    zeilen = prog.zeilen
    return zeilen.get(f"pruefpunkte[{i}]", zeilen.get("pruefpunkte", 1))
