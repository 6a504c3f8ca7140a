"""Der ganze Datenbestand als Tabellen – für ``netz export`` (xlsx, ods, csv, sqlite, datapackage).

Eine :class:`Tabelle` ist schlichte Daten: Spalten mit Namen, deutschem Titel, Typ und
Beschreibung (daraus entstehen Tabellenschemas, SQL und Kopfzeilen), Zeilen aus typisierten
Werten, Primär- und Fremdschlüssel. Jedes Exportformat bekommt dieselben Tabellen; wie eine
Tabelle in xlsx oder SQLite aussieht, entscheidet allein ``render/export``.

Ungenaue Zeitangaben bleiben ehrlich: je Angabe drei Spalten – die Schreibweise der Daten
(„spätestens 2010-05-06“), der früheste und der späteste mögliche Tag (leer: offen). Ein
einzelner erfundener Tag steht nirgends.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal, NamedTuple, Protocol

from .abdeckung import Stand, abdeckung, regionen_am, vertraege_je_region, vertrag_stand, wendepunkte
from .bestand import Datenbestand, Dokument
from .bevoelkerung import einwohner
from .datum import Zeitangabe
from .modelle import Ereignis, Pruefpunkt, Quelle, Region, Vertrag

Typ = Literal["date", "int", "str", "float", "bool"]
Wert = date | int | str | float | bool | None


@dataclass(frozen=True)
class Spalte:
    name: str  # Maschinenname: Kleinbuchstaben, Ziffern, _ (SQL, CSV-Kopf, Tabellenschema)
    titel: str  # Kopfzeile für Menschen (xlsx, ods)
    typ: Typ
    beschreibung: str
    pflicht: bool = False  # nie leer
    anteil: bool = False  # ein Anteil von 0 bis 1 (in Tabellenkalkulationen als Prozent)


@dataclass(frozen=True)
class Fremdschluessel:
    spalte: str
    tabelle: str
    ziel: str


@dataclass(frozen=True)
class Tabelle:
    name: str
    titel: str  # Blattname in xlsx/ods: höchstens 31 Zeichen
    beschreibung: str
    spalten: tuple[Spalte, ...]
    zeilen: tuple[tuple[Wert, ...], ...]
    schluessel: tuple[str, ...] = ()
    fremdschluessel: tuple[Fremdschluessel, ...] = ()

    def spalte(self, name: str) -> Spalte:
        return next(s for s in self.spalten if s.name == name)


class Datensatz(NamedTuple):
    """Alle Tabellen eines Exports und was über sie zu sagen ist."""

    programm: str
    stichtag: date  # Stände und Abdeckung gelten für diesen Tag
    erstellt: date
    herkunft: str  # „Arbeitsbaum“ oder die git-Revision
    tabellen: tuple[Tabelle, ...]
    statistik_quellen: tuple[str, ...]  # Herkunft der Einwohnerzahlen (aus den Regionsdateien)
    statistik_stand: tuple[date, ...]


class Urteil(Protocol):
    """Was die Prüfung eines Prüfpunkts ergab (``pruefen.pruefpunkte.PruefErgebnis``)."""

    @property
    def punkt(self) -> Pruefpunkt: ...
    @property
    def geprueft(self) -> bool: ...
    @property
    def erfuellt(self) -> bool | None: ...
    @property
    def sicher(self) -> tuple[int, int] | None: ...
    @property
    def moeglich(self) -> tuple[int, int] | None: ...


def gezaehlte_regionen(bestand: Datenbestand, tag: date) -> list[Region]:
    """Die Regionen, die am ``tag`` zählen – die eine Stelle, an der ein Export sie auswählt.

    Der Gebietsstand des Tages (Kreis und Stadt Aachen bis 20.10.2009, danach die StädteRegion;
    vor dem Programmbeginn keine), wie bei jeder Zählung von netz."""
    return regionen_am((d.modell for d in bestand.regionen), tag, bestand.programmbeginn)


# --- Spalten, die oft vorkommen ------------------------------------------------------


def _zeitspalten(name: str, titel: str, was: str, pflicht: bool = False) -> tuple[Spalte, ...]:
    return (
        Spalte(
            name,
            titel,
            "str",
            f"{was}: Schreibweise der Daten, z. B. „2010-05“ oder „spätestens 2010-05-06“",
            pflicht,
        ),
        Spalte(
            f"{name}_frueh",
            f"{titel} frühestens",
            "date",
            f"{was}: frühester möglicher Tag (leer: nach unten offen)",
        ),
        Spalte(
            f"{name}_spaet",
            f"{titel} spätestens",
            "date",
            f"{was}: spätester möglicher Tag (leer: nach oben offen, nicht sicher eingetreten)",
        ),
    )


def _zeit(z: Zeitangabe | None) -> tuple[Wert, Wert, Wert]:
    if z is None:
        return (None, None, None)
    return (z.text, z.frueh, z.spaet)


def _quellen(qs: Iterable[Quelle]) -> str | None:
    """Quellen in einer Zelle, eine je Zeile (Webadressen enthalten keinen Zeilenumbruch)."""
    liste = list(dict.fromkeys(q.url for q in qs))
    return "\n".join(liste) if liste else None


_QUELLEN = Spalte(
    "quellen", "Quellen", "str", "Belege: Webadressen oder Dateien unter quellen/, eine je Zeile"
)
_BEMERKUNG = Spalte("bemerkung", "Bemerkung", "str", "Erläuterung aus der Datendatei")
_REGION = Spalte("region", "AGS der Region", "str", "Amtlicher Kreisschlüssel der Region", True)
# neben jedem AGS der Name: wer ein Blatt allein öffnet, liest „Kreis Wesel“, nicht „05170“
_REGION_NAME = Spalte(
    "region_name", "Region", "str", "Bezeichnung der Region (Schreibweise des Ministeriums)", True
)


def _namen(bestand: Datenbestand) -> dict[str, str]:
    return {d.modell.ags: d.modell.bezeichnung for d in bestand.regionen}


_VERTRAG = Spalte("vertrag", "Vertrag", "str", "Kennung des Vertrags (Dateiname ohne .yaml)")
_STAND_TEXT = {Stand.MIT: "mit", Stand.UNGEWISS: "ungewiss", Stand.OHNE: "ohne"}


def vertragskennung(d: Dokument[Vertrag]) -> str:
    """Der Dateiname ohne Endung: eindeutig im Ordner und für Menschen lesbar."""
    return d.name.removesuffix(".yaml").removesuffix(".yml")


# --- Die Tabellen ---------------------------------------------------------------------


def regionen_tabelle(bestand: Datenbestand, stichtag: date, kennung: Callable[[Vertrag], str]) -> Tabelle:
    """Jede Regionsdatei – auch eine, die am Stichtag nicht zählt (dann ohne Stand): Verträge und
    Ereignisse verweisen auf sie."""
    ab = abdeckung(
        gezaehlte_regionen(bestand, stichtag),
        vertraege_je_region((d.modell for d in bestand.vertraege), bestand.programmbeginn),
        stichtag,
    )
    staende = {s.region.ags: s for s in ab.regionen}
    zeilen = []
    for r in sorted((d.modell for d in bestand.regionen), key=lambda r: r.ags):
        s = staende.get(r.ags)
        zeilen.append(
            (
                r.ags,
                r.name,
                r.bezeichnung,
                r.art,
                r.regierungsbezirk,
                r.nuts3,
                r.einwohner,
                r.flaeche_km2,
                r.statistik_stand,
                _STAND_TEXT[s.stand] if s else None,
                kennung(s.vertrag) if s and s.vertrag is not None else None,
            )
        )
    return Tabelle(
        "regionen",
        "Regionen",
        "Die Kreise und kreisfreien Städte mit ihrem Stand am Stichtag",
        (
            Spalte("ags", "AGS", "str", "Amtlicher Kreisschlüssel, fünfstellig mit führender Null", True),
            Spalte("name", "Name", "str", "Kurzname wie in der Destatis-Tabelle", True),
            Spalte("bezeichnung", "Bezeichnung", "str", "Schreibweise des Schulministeriums", True),
            Spalte("art", "Art", "str", "Kreis oder kreisfreie Stadt", True),
            Spalte("regierungsbezirk", "Regierungsbezirk", "str", "Regierungsbezirk", True),
            Spalte("nuts3", "NUTS-3", "str", "NUTS-3-Code der EU-Statistik"),
            Spalte("einwohner", "Einwohner", "int", "Einwohnerzahl am Stand der Statistik"),
            Spalte("flaeche_km2", "Fläche (km²)", "float", "Fläche in Quadratkilometern"),
            Spalte("statistik_stand", "Stand der Statistik", "date", "Stichtag von Einwohnerzahl und Fläche"),
            Spalte(
                "stand",
                "Netzwerk am Stichtag",
                "str",
                "mit (sicher), ungewiss (möglich, nicht sicher) oder ohne Netzwerk am Stichtag; "
                "leer: die Region zählt am Stichtag nicht (anderer Zuschnitt der Regionen)",
            ),
            Spalte(
                "vertrag",
                "Maßgeblicher Vertrag",
                "str",
                "Der Vertrag, der am Stichtag (möglicherweise) gilt – Kennung in der Tabelle vertraege",
            ),
        ),
        tuple(zeilen),
        ("ags",),
        (Fremdschluessel("vertrag", "vertraege", "id"),),
    )


def vertraege_tabelle(bestand: Datenbestand, stichtag: date) -> Tabelle:
    zeilen = []
    namen = _namen(bestand)
    for d in sorted(bestand.vertraege, key=vertragskennung):
        v = d.modell
        b = v.bildungsbuero
        zeilen.append(
            (
                vertragskennung(d),
                v.region,
                namen.get(v.region, v.region),
                *_zeit(v.unterzeichnet),
                *_zeit(v.beginn),
                *_zeit(v.endet),
                v.ende_grund,
                _STAND_TEXT[vertrag_stand(v, stichtag)],
                len(v.fortsetzungen),
                len(v.bildungskonferenzen),
                b.name if b else None,
                b.web if b else None,
                _quellen(v.quellen),
                _quellen(v.ende_quellen),
                v.bemerkung,
            )
        )
    return Tabelle(
        "vertraege",
        "Verträge",
        "Die Kooperationsverträge zwischen Land und Region, einer je Datei in vertraege/",
        (
            Spalte("id", "Vertrag", "str", "Kennung: Dateiname ohne .yaml", True),
            _REGION,
            _REGION_NAME,
            *_zeitspalten("unterzeichnet", "Unterzeichnet", "Unterzeichnung", True),
            *_zeitspalten("beginn", "Beginn", "Beginn, wenn abweichend von der Unterzeichnung"),
            *_zeitspalten("endet", "Endet", "Letzter Tag in Kraft (leer: kein Ende bekannt)"),
            Spalte("ende_grund", "Grund des Endes", "str", "Kündigung, Auslaufen …"),
            Spalte(
                "stand",
                "In Kraft am Stichtag",
                "str",
                "mit (sicher in Kraft), ungewiss (möglich) oder ohne (nicht in Kraft) am Stichtag",
                True,
            ),
            Spalte("fortsetzungen", "Fortsetzungen", "int", "Zahl der Fortsetzungsbeschlüsse", True),
            Spalte(
                "bildungskonferenzen", "Bildungskonferenzen", "int", "Zahl der erfassten Konferenzen", True
            ),
            Spalte("bildungsbuero", "Bildungsbüro", "str", "Name der Geschäftsstelle"),
            Spalte("bildungsbuero_web", "Bildungsbüro im Netz", "str", "Webadresse der Geschäftsstelle"),
            _QUELLEN,
            Spalte("ende_quellen", "Quellen zum Ende", "str", "Belege für das Ende, eine je Zeile"),
            _BEMERKUNG,
        ),
        tuple(zeilen),
        ("id",),
        (Fremdschluessel("region", "regionen", "ags"),),
    )


_EREIGNISARTEN = {
    "unterzeichnung": "Unterzeichnung des Vertrags",
    "ende": "Ende des Vertrags (letzter Tag in Kraft)",
    "fortsetzung": "Beschluss, den Vertrag fortzuführen",
    "lenkungskreis": "Konstituierung des Lenkungskreises",
    "bildungskonferenz": "Regionale Bildungskonferenz",
}


def _ereignisse(d: Dokument[Vertrag]) -> list[tuple[str, Zeitangabe, list[Quelle], str | None]]:
    v = d.modell
    out: list[tuple[str, Zeitangabe, list[Quelle], str | None]] = [
        ("unterzeichnung", v.unterzeichnet, v.quellen, None)
    ]
    if v.endet is not None:
        out.append(("ende", v.endet, v.ende_quellen, v.ende_grund))
    out += [("fortsetzung", e.datum, e.quellen, e.bemerkung) for e in v.fortsetzungen]
    if v.lenkungskreis is not None:
        lk = v.lenkungskreis
        out.append(("lenkungskreis", lk.konstituiert, lk.quellen, lk.bemerkung))
    out += [("bildungskonferenz", e.datum, e.quellen, e.bemerkung) for e in v.bildungskonferenzen]
    return out


def _zeitschluessel(z: Zeitangabe) -> tuple[date, date]:
    return (z.frueh or date.min, z.spaet or date.max)


def ereignisse_tabelle(bestand: Datenbestand) -> Tabelle:
    roh = [
        (vertragskennung(d), d.modell.region, art, z, qs, bem)
        for d in bestand.vertraege
        for art, z, qs, bem in _ereignisse(d)
    ]
    roh.sort(key=lambda e: (_zeitschluessel(e[3]), e[1], e[0], list(_EREIGNISARTEN).index(e[2])))
    namen = _namen(bestand)
    zeilen = tuple(
        (i, region, namen.get(region, region), kennung, art, *_zeit(z), _quellen(qs), bem)
        for i, (kennung, region, art, z, qs, bem) in enumerate(roh, start=1)
    )
    return Tabelle(
        "ereignisse",
        "Ereignisse",
        "Alles, was einem Netzwerk geschah, in zeitlicher Folge: Unterzeichnungen, Enden, "
        "Fortsetzungen, Lenkungskreise und Bildungskonferenzen",
        (
            Spalte(
                "nr",
                "Nr.",
                "int",
                "Laufende Nummer in zeitlicher Folge (frühester, dann spätester Tag)",
                True,
            ),
            _REGION,
            _REGION_NAME,
            Spalte("vertrag", "Vertrag", "str", "Kennung des Vertrags", True),
            Spalte("art", "Art", "str", "; ".join(f"{k}: {v}" for k, v in _EREIGNISARTEN.items()), True),
            *_zeitspalten("datum", "Datum", "Zeitpunkt des Ereignisses", True),
            _QUELLEN,
            _BEMERKUNG,
        ),
        zeilen,
        ("nr",),
        (Fremdschluessel("region", "regionen", "ags"), Fremdschluessel("vertrag", "vertraege", "id")),
    )


def konferenzen_tabelle(bestand: Datenbestand) -> Tabelle:
    zeilen = []
    namen = _namen(bestand)
    for d in sorted(bestand.vertraege, key=vertragskennung):
        konferenzen: list[Ereignis] = sorted(
            d.modell.bildungskonferenzen, key=lambda e: _zeitschluessel(e.datum)
        )
        for i, e in enumerate(konferenzen, start=1):
            zeilen.append(
                (
                    vertragskennung(d),
                    i,
                    d.modell.region,
                    namen.get(d.modell.region, d.modell.region),
                    *_zeit(e.datum),
                    _quellen(e.quellen),
                    e.bemerkung,
                )
            )
    return Tabelle(
        "bildungskonferenzen",
        "Bildungskonferenzen",
        "Die erfassten Regionalen Bildungskonferenzen; fehlt eine, ist sie nicht erfasst, "
        "nicht unbedingt ausgefallen",
        (
            Spalte("vertrag", "Vertrag", "str", "Kennung des Vertrags", True),
            Spalte("nr", "Nr.", "int", "Laufende Nummer je Vertrag", True),
            _REGION,
            _REGION_NAME,
            *_zeitspalten("datum", "Datum", "Tag der Konferenz", True),
            _QUELLEN,
            _BEMERKUNG,
        ),
        tuple(zeilen),
        ("vertrag", "nr"),
        (Fremdschluessel("vertrag", "vertraege", "id"), Fremdschluessel("region", "regionen", "ags")),
    )


def pruefpunkte_tabelle(urteile: Sequence[Urteil]) -> Tabelle:
    zeilen = []
    for i, u in enumerate(urteile, start=1):
        p = u.punkt
        s, m = u.sicher, u.moeglich
        zeilen.append(
            (
                i,
                *_zeit(p.datum),
                p.regierungsbezirk,
                p.anzahl,
                p.mindestens,
                p.aussage,
                p.quelle.url,
                u.geprueft,
                u.erfuellt,
                s[0] if s else None,
                s[1] if s else None,
                m[0] if m else None,
                m[1] if m else None,
                p.bemerkung,
            )
        )
    return Tabelle(
        "pruefpunkte",
        "Prüfpunkte",
        "Veröffentlichte Zahlen und ob die Vertragsdaten sie zulassen: die Zahl muss an mindestens "
        "einem Tag im Zeitraum zwischen der sicheren und der möglichen Zählung liegen",
        (
            Spalte("nr", "Nr.", "int", "Reihenfolge in programm.yaml", True),
            *_zeitspalten("datum", "Datum", "Zeitpunkt der veröffentlichten Zahl (leer: undatiert)"),
            Spalte("regierungsbezirk", "Regierungsbezirk", "str", "Gilt nur für diesen Bezirk (leer: NRW)"),
            Spalte("anzahl", "Anzahl", "int", "Veröffentlichte Zahl der Regionen mit Netzwerk"),
            Spalte("mindestens", "Mindestens", "int", "Veröffentlichte Untergrenze („mehr als 30“)"),
            Spalte("aussage", "Aussage", "str", "Die veröffentlichte Aussage", True),
            Spalte("quelle", "Quelle", "str", "Beleg der Aussage", True),
            Spalte("geprueft", "Geprüft", "bool", "Falsch: bewusst nicht geprüft (siehe Bemerkung)", True),
            Spalte("erfuellt", "Erfüllt", "bool", "Lassen die Daten die Zahl zu? Leer: nicht geprüft"),
            Spalte("sicher_min", "Sicher min.", "int", "Kleinste sichere Zählung im Zeitraum"),
            Spalte("sicher_max", "Sicher max.", "int", "Größte sichere Zählung im Zeitraum"),
            Spalte("moeglich_min", "Möglich min.", "int", "Kleinste mögliche Zählung im Zeitraum"),
            Spalte("moeglich_max", "Möglich max.", "int", "Größte mögliche Zählung im Zeitraum"),
            _BEMERKUNG,
        ),
        tuple(zeilen),
        ("nr",),
    )


def abdeckung_tabelle(bestand: Datenbestand, stichtag: date) -> Tabelle:
    """Sicher und möglich an jedem Tag, an dem sich etwas änderte, bis zum Stichtag.

    Je Wendepunkt wird die Abdeckung ganz gezählt (mit den an diesem Tag gezählten Regionen),
    nicht fortgeschrieben: so folgt die Tabelle jedem Regionszuschnitt, und die Einwohner
    kommen aus derselben Zählung."""
    je = vertraege_je_region((d.modell for d in bestand.vertraege), bestand.programmbeginn)
    # auch die Tage, an denen eine Region entsteht oder endet (der Nenner ändert sich)
    tage = [
        t
        for t in wendepunkte((d.modell for d in bestand.vertraege), (d.modell for d in bestand.regionen))
        if t <= stichtag
    ]
    zeilen: list[tuple[Wert, ...]] = []
    vorher: tuple[Wert, ...] | None = None
    for t in tage:
        ab = abdeckung(gezaehlte_regionen(bestand, t), je, t)
        z = ab.gesamt
        e = einwohner(ab).gesamt
        # Anteile auf vier Stellen (0,1 Prozentpunkt genau genug und lesbar); die Zählungen daneben
        # sind exakt
        werte: tuple[Wert, ...] = (
            z.gesamt,
            z.sicher,
            z.moeglich,
            round(z.quote, 4),
            round(z.quote_moeglich, 4),
            e.gesamt,
            e.sicher,
            e.moeglich,
            round(e.anteil_sicher.unten, 4),
            round(e.anteil_sicher.oben, 4),
            round(e.anteil_moeglich.unten, 4),
            round(e.anteil_moeglich.oben, 4),
        )
        if werte != vorher:  # nur Tage, an denen sich eine Zahl ändert
            zeilen.append((t, *werte))
            vorher = werte
    return Tabelle(
        "abdeckung",
        "Abdeckung",
        "Regionen und Einwohner mit Netzwerk: eine Zeile je Tag, an dem sich die sichere oder mögliche "
        "Zählung ändert; die Zahlen gelten ab diesem Tag bis zur nächsten Zeile",
        (
            Spalte("tag", "Ab Tag", "date", "Erster Tag mit diesen Zahlen", True),
            Spalte("regionen", "Regionen", "int", "Zahl der gezählten Regionen", True),
            Spalte("sicher", "Sicher", "int", "Regionen, die unter jeder Lesart ein Netzwerk haben", True),
            Spalte(
                "moeglich", "Möglich", "int", "Regionen, die unter mindestens einer Lesart eines haben", True
            ),
            Spalte("quote_sicher", "Quote sicher", "float", "sicher / Regionen", True, True),
            Spalte("quote_moeglich", "Quote möglich", "float", "möglich / Regionen", True, True),
            Spalte("einwohner", "Einwohner", "int", "Einwohner der Regionen mit bekannter Zahl", True),
            Spalte(
                "einwohner_sicher", "Einwohner sicher", "int", "davon in Regionen mit sicherem Netzwerk", True
            ),
            Spalte("einwohner_moeglich", "Einwohner möglich", "int", "davon in Regionen mit möglichem", True),
            Spalte(
                "anteil_sicher_unten",
                "Anteil Einw. sicher (von)",
                "float",
                "Anteil der Einwohner mit sicherem Netzwerk; fehlt einer Region die Einwohnerzahl, "
                "die Untergrenze",
                True,
                True,
            ),
            Spalte(
                "anteil_sicher_oben", "Anteil Einw. sicher (bis)", "float", "… und die Obergrenze", True, True
            ),
            Spalte(
                "anteil_moeglich_unten",
                "Anteil Einw. möglich (von)",
                "float",
                "Anteil der Einwohner mit möglichem Netzwerk (Untergrenze)",
                True,
                True,
            ),
            Spalte(
                "anteil_moeglich_oben",
                "Anteil Einw. möglich (bis)",
                "float",
                "… und die Obergrenze",
                True,
                True,
            ),
        ),
        tuple(zeilen),
        ("tag",),
    )


def _davor(bestand: Datenbestand, tabelle: Tabelle) -> str | None:
    """Der Stand vor der ersten Zeile der Abdeckung: ohne untere Grenze („spätestens …“) ist
    ein Vertrag schon vorher möglich – das gehört gesagt, nicht als erfundene Zeile."""
    if not tabelle.zeilen or not isinstance(tabelle.zeilen[0][0], date) or tabelle.zeilen[0][0] == date.min:
        return None
    tag = tabelle.zeilen[0][0] - timedelta(days=1)
    je = vertraege_je_region((d.modell for d in bestand.vertraege), bestand.programmbeginn)
    z = abdeckung(gezaehlte_regionen(bestand, tag), je, tag).gesamt
    return (
        f"Vor dem {tabelle.zeilen[0][0]:%d.%m.%Y} (erste Zeile der Tabelle abdeckung): sicher {z.sicher}, "
        f"möglich {z.moeglich} von {z.gesamt} Regionen – Verträge ohne untere Grenze "
        "(„spätestens …“) sind beliebig früh möglich."
    )


# Die eigenen Daten des Projekts (Verträge, Prüfpunkte, Bemerkungen, Quellenangaben) sind
# gemeinfrei; Einwohner und Flächen stammen von Destatis/BKG und bleiben deren Lizenz
LIZENZ = (
    "Verträge, Prüfpunkte, Bemerkungen und Quellenangaben: CC0 1.0 (gemeinfrei, "
    "https://creativecommons.org/publicdomain/zero/1.0/deed.de). Einwohner und Flächen: "
    "Statistisches Bundesamt (Destatis) und © GeoBasis-DE / BKG, Datenlizenz Deutschland – "
    "Namensnennung 2.0. Zitate aus Quellen bleiben ihren Quellen zugeordnet."
)


def hinweise_tabelle(ds: Datensatz, tabellen: Sequence[Tabelle], davor: str | None = None) -> Tabelle:
    """Was ein Leser der Tabellen wissen muss, als Tabelle: auch in xlsx und SQLite dabei."""
    stand = ", ".join(d.strftime("%d.%m.%Y") for d in ds.statistik_stand) or "unbekannt"
    # Schlüssel für Menschen (das Blatt liest ein Referent, kein Programm): „Stichtag“, nicht
    # „stichtag“; „sicher und möglich“, nicht „sicher_moeglich“
    zeilen: list[tuple[str, str]] = [
        ("Erzeugt von", "netz (Regionale Bildungsnetzwerke NRW)"),
        ("Programm", ds.programm),
        ("Stichtag", f"{ds.stichtag:%d.%m.%Y}"),
        ("Erstellt", f"{ds.erstellt:%d.%m.%Y}"),
        ("Herkunft", ds.herkunft),
        (
            "sicher und möglich",
            "„sicher“ gilt unter jeder Lesart der ungenauen Daten, „möglich“ unter mindestens einer.",
        ),
        (
            "Zeitangaben",
            "Ungenaue Zeitangaben stehen in drei Spalten: Schreibweise der Daten, frühester und "
            "spätester möglicher Tag (leer: offen). Kein Tag ist erfunden.",
        ),
        *((("Abdeckung davor", davor),) if davor else ()),
        ("Einwohner: Stand", stand),
        *(("Einwohner: Quelle", q) for q in ds.statistik_quellen),
        ("Lizenz", LIZENZ),
        *((f"Blatt „{t.titel}“", t.beschreibung) for t in tabellen),
    ]
    return Tabelle(
        "hinweise",
        "Hinweise",
        "Über diesen Export: Stichtag, Herkunft, Lesart",
        (
            Spalte("nr", "Nr.", "int", "Laufende Nummer", True),
            Spalte("schluessel", "Schlüssel", "str", "Was", True),
            Spalte("wert", "Wert", "str", "Angabe", True),
        ),
        tuple((i, k, w) for i, (k, w) in enumerate(zeilen, start=1)),
        ("nr",),
    )


def datensatz(
    bestand: Datenbestand, stichtag: date, erstellt: date, herkunft: str, urteile: Sequence[Urteil]
) -> Datensatz:
    """Der ganze Bestand als Tabellen, die Stände am ``stichtag``."""
    # nach Region und Schreibweise der Unterzeichnung, nicht nach Objekt: gezählt wird mit einer
    # an den Programmbeginn gerückten Kopie des Vertrags (abdeckung.im_programm)
    kennungen = {
        (d.modell.region, d.modell.unterzeichnet.text): vertragskennung(d) for d in bestand.vertraege
    }
    regionen = gezaehlte_regionen(bestand, stichtag)
    programm = bestand.programm.modell.name if bestand.programm else "Regionale Bildungsnetzwerke"
    tabellen = (
        regionen_tabelle(bestand, stichtag, lambda v: kennungen[(v.region, v.unterzeichnet.text)]),
        vertraege_tabelle(bestand, stichtag),
        ereignisse_tabelle(bestand),
        konferenzen_tabelle(bestand),
        pruefpunkte_tabelle(urteile),
        abdeckung_tabelle(bestand, stichtag),
    )
    ds = Datensatz(
        programm,
        stichtag,
        erstellt,
        herkunft,
        tabellen,
        tuple(dict.fromkeys(r.statistik_quelle.url for r in regionen if r.statistik_quelle)),
        tuple(sorted({r.statistik_stand for r in regionen if r.statistik_stand})),
    )
    davor = _davor(bestand, tabellen[-1])
    return ds._replace(tabellen=(hinweise_tabelle(ds, tabellen, davor), *tabellen))
