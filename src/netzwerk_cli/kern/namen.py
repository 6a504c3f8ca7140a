"""Namen: Dateinamen aus dem Inhalt, Sortierung nach DIN 5007-2, lockere Suche."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Sequence
from typing import NamedTuple

from .datum import Zeitangabe
from .fehler import Exit, NetzFehler
from .modelle import Region

_UMLAUTE = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "ae", "Ö": "oe", "Ü": "ue"})


def falte(text: str) -> str:
    """Kleinbuchstaben, Umlaute als ae/oe/ue/ss, sonstige Akzente weg.

    Erst NFC: „Mu\u0308nster“ (zerlegt, wie macOS-Dateinamen und manche Tastaturen es liefern)
    ist dann dasselbe wie „Münster“ – und wird zu „muenster“, nicht zu „munster“.
    """
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    t = text.translate(_UMLAUTE).lower()
    if t.isascii():  # der häufige Fall; NFKD kostet je Zeichen
        return t
    t = unicodedata.normalize("NFKD", t)
    return "".join(c for c in t if not unicodedata.combining(c))


# Auf einer Tastatur ohne Umlaute tippt man „Koln“ wie „Koeln“: beides auf „koln“ bringen
_OHNE_E = (("ae", "a"), ("oe", "o"), ("ue", "u"), ("ss", "s"))


def grob(text: str) -> str:
    """:func:`falte` und dann ae/oe/ue als a/o/u, ss als s: „Köln“, „Koeln“, „Koln“ sind gleich.

    Nur zum Vergleichen – beide Seiten grob gemacht, stören echte „oe“ (Soest) nicht.
    """
    t = falte(text)
    for alt, neu in _OHNE_E:
        t = t.replace(alt, neu)
    return t


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", falte(text)).strip("-")


def sortiername(text: str) -> str:
    """Sortierschlüssel nach DIN 5007-2 (ä wie ae): „Düsseldorf“ vor „Duisburg“."""
    return falte(text)


def din5007_1(text: str) -> str:
    """Sortierschlüssel nach DIN 5007 Variante 1 (Wörterbücher, Namenslisten): Umlaute wie
    ihr Grundbuchstabe (ä = a), ß = ss – „Duisburg“ vor „Düren“ vor „Düsseldorf“."""
    t = unicodedata.normalize("NFKD", text.casefold())  # casefold macht aus ß schon ss
    return "".join(c for c in t if not unicodedata.combining(c))


# Was vor dem Namen steht und beim Sortieren nach Namen nicht zählt
_ZUSATZ = re.compile(r"^(?:Kreis|Stadt|StädteRegion|Städteregion)\s+")


def namensreihenfolge(r: Region) -> tuple[str, str, str]:
    """``list --sort name``: nach dem Namen ohne „Kreis“, „Stadt“, „StädteRegion“ (Kreis Wesel
    unter W, StädteRegion Aachen unter A), DIN 5007-1; bei Gleichstand Bezeichnung und AGS."""
    return din5007_1(_ZUSATZ.sub("", r.bezeichnung)), din5007_1(r.bezeichnung), r.ags


def region_dateiname(r: Region) -> str:
    return f"{r.ags}-{slug(r.name)}.yaml"


def datumsteil(z: Zeitangabe) -> str:
    t = z.text
    if t.startswith("spätestens "):
        return "bis-" + t.split()[1]
    if t.startswith("frühestens "):
        return "ab-" + t.split()[1]
    if t.startswith("zwischen "):
        teile = t.split()
        return f"{teile[1]}-bis-{teile[3]}"
    return t


def vertrag_dateiname(r: Region, unterzeichnet: Zeitangabe) -> str:
    return f"{r.ags}-{slug(r.name)}-{datumsteil(unterzeichnet)}.yaml"


def reihenfolge_pressemitteilung(r: Region) -> tuple[int, str]:
    """Die Reihenfolge der Pressemitteilung vom 6. Mai 2010.

    Erst die Kreise, dann die StädteRegion Aachen, dann die kreisfreien Städte,
    je alphabetisch nach DIN 5007-2.
    """
    if r.art == "kreisfreie Stadt":
        gruppe = 2
    elif r.bezeichnung.startswith("StädteRegion"):
        gruppe = 1
    else:
        gruppe = 0
    return gruppe, sortiername(r.name)


# --- Region aus Benutzereingabe finden ------------------------------------

_PRAEFIXE = ("kreis ", "stadt ", "staedteregion ")


def _schluessel(text: str) -> str:
    t = falte(text).strip()
    t = re.sub(r"[\s_]+", " ", t)
    return t


def _ohne_akzente(text: str) -> str:
    """„Mülheim“ → „mulheim“: so tippt, wer keine Umlaute auf der Tastatur hat."""
    return re.sub(r"[\s_]+", " ", din5007_1(text)).strip()


def _varianten(r: Region, locker: bool = True) -> set[str]:
    namen = {
        _schluessel(r.name),
        _schluessel(r.bezeichnung),
        _ohne_akzente(r.name),
        _ohne_akzente(r.bezeichnung),
    }
    namen.add(r.ags)
    for n in list(namen):
        for p in (*_PRAEFIXE, "stadteregion "):
            if n.startswith(p):
                namen.add(n[len(p) :])
    # Bindestrich und Leerzeichen gleich behandeln: "rhein kreis neuss"
    namen |= {n.replace("-", " ") for n in namen}
    return namen | {grob(n) for n in namen} if locker else namen


def _gesucht(eingabe: str, locker: bool = True) -> set[str]:
    """Was eine Eingabe alles meinen kann: mit und ohne „Kreis“/„Stadt“, Bindestrich als
    Leerzeichen, grob (ohne Umlaute) – und eine vierstellige Zahl als AGS mit führender
    Null (Tabellenprogramme verschlucken sie: „5315“ ist 05315), acht Stellen als Gemeindeschlüssel."""
    s = _schluessel(eingabe)
    if s.isdigit() and s.isascii():
        if len(s) == 4:
            return {"0" + s}
        if len(s) == 8 and s.endswith("000"):
            return {s[:5]}
        return {s}
    suchen: set[str] = set()
    for t in {s, _ohne_akzente(eingabe)}:
        t_ohne = next((t[len(p) :] for p in (*_PRAEFIXE, "stadteregion ") if t.startswith(p)), t)
        suchen |= {t, t_ohne, t.replace("-", " "), t_ohne.replace("-", " ")}
    if locker:
        suchen |= {grob(x) for x in suchen}
    return {x for x in suchen if x}


class Treffer(NamedTuple):
    region: Region | None
    kandidaten: tuple[Region, ...]  # bei mehrdeutiger oder unbekannter Eingabe
    mehrdeutig: bool = False
    #: warum es nur ein Vorschlag ist („Ratingen gehört zum Kreis Mettmann.“)
    grund: str | None = None


class Gemeinde(NamedTuple):
    """Eine Gemeinde NRWs (geo/nrw-gemeinden.csv): Schlüssel, amtlicher Name, ihr Kreis."""

    ags: str  # achtstellig
    name: str  # amtlich, mit Zusatz: „Ratingen, Stadt“
    kreis_ags: str

    @property
    def ortsname(self) -> str:
        """Der Name ohne Zusatz: „Ratingen“ (der Teil vor dem ersten „, “)."""
        return self.name.split(", ", 1)[0]


def zum(r: Region) -> str:
    """„zum Kreis Mettmann“, „zur StädteRegion Aachen“, „zum Rheinisch-Bergischen Kreis“."""
    b = r.bezeichnung
    if b.startswith("StädteRegion"):
        return f"zur {b}"
    erstes, _, rest = b.partition(" ")
    if rest == "Kreis" and erstes.endswith("er"):
        return f"zum {erstes[:-2]}en Kreis"
    return f"zum {b}"


def _art_der_eingabe(eingabe: str) -> str | None:
    """„Kreis Münster“ → „Kreis“, „Stadt Wesel“ → „Stadt“; sonst None."""
    w = _schluessel(eingabe).split(" ", 1)[0]
    return {"kreis": "Kreis", "stadt": "Stadt"}.get(w)


def _gemeinde(eingabe: str, gemeinden: Sequence[Gemeinde]) -> Gemeinde | None:
    """Die Gemeinde, die ``eingabe`` meint („Ratingen“, „Stadt Moers“, „Bergisch Gladbach“)."""
    if not gemeinden:
        return None
    s = grob(re.sub(r"^(stadt|gemeinde) ", "", _ohne_akzente(eingabe)).replace("-", " "))
    for g in gemeinden:
        namen = {g.ortsname, re.sub(r"\s*\(.*?\)", "", g.ortsname)}
        if s in {grob(_ohne_akzente(n).replace("-", " ")) for n in namen}:
            return g
    return None


def finde_region(eingabe: str, regionen: Sequence[Region], gemeinden: Sequence[Gemeinde] = ()) -> Treffer:
    """Findet eine Region nach AGS oder Name, locker geschrieben – und achtet auf „Kreis“ und
    „Stadt“ in der Eingabe: „Kreis Münster“ ist nicht still die Stadt Münster, „Stadt Wesel“
    nicht still der Kreis Wesel, sondern ein Vorschlag mit Grund. Eine Gemeinde („Ratingen“)
    wird als solche erkannt und mit ihrem Kreis beantwortet (``gemeinden``)."""
    t = _finde_region(eingabe, regionen)
    art = _art_der_eingabe(eingabe)
    je = {r.ags: r for r in regionen}
    g = _gemeinde(eingabe, gemeinden)
    if t.region is not None and art is not None:
        r = t.region
        if art == "Stadt" and r.art == "Kreis":
            k = je.get(g.kreis_ags) if g is not None else None
            if g is not None and k is not None:
                grund = f"Die Stadt {g.ortsname} ist kreisangehörig; sie gehört {zum(k)} ({k.ags})."
                return Treffer(None, (k,), grund=grund)
            return Treffer(None, (r,), grund=f"Eine kreisfreie Stadt „{_ohne_art(eingabe)}“ gibt es nicht.")
        if art == "Kreis" and r.art == "kreisfreie Stadt":
            grund = f"Einen Kreis {_ohne_art(eingabe)} gibt es nicht: {r.name} ist eine kreisfreie Stadt."
            return Treffer(None, (r,), grund=grund)
    if t.region is None and g is not None and (k := je.get(g.kreis_ags)) is not None:
        return Treffer(None, (k,), grund=f"{g.ortsname} gehört {zum(k)} ({k.ags}).")
    return t


def _ohne_art(eingabe: str) -> str:
    return " ".join(eingabe.split()[1:])


def _finde_region(eingabe: str, regionen: Sequence[Region]) -> Treffer:
    """Findet eine Region nach AGS oder Name, locker geschrieben.

    „siegen-wittgenstein“, „Koeln“, „05315“ und „Stadt Köln“ gehen alle.
    """
    s = _schluessel(eingabe)
    if not _gesucht(eingabe):
        return Treffer(None, ())
    # Erst streng (Groß-/Kleinschreibung, Umlaute als ae oder a, Bindestriche, „Kreis“), dann
    # locker (auch ss = s, oe = o): „Kreis Wessel“ träfe locker Kreis Wesel – das ist ein
    # anderes Wort, also ein Vorschlag („Meinten Sie …?“), nie still die andere Region.
    treffer = _stufen(
        s, _gesucht(eingabe, locker=False), {r.ags: _varianten(r, locker=False) for r in regionen}, regionen
    )
    if treffer is not None:
        return treffer
    varianten = {r.ags: _varianten(r) for r in regionen}
    locker = _stufen(s, _gesucht(eingabe), varianten, regionen)
    if locker is not None:
        return Treffer(None, (locker.region,) if locker.region else locker.kandidaten, locker.mehrdeutig)
    return _aehnlich(s, varianten, regionen)


def _stufen(
    s: str, suchen: set[str], varianten: dict[str, set[str]], regionen: Sequence[Region]
) -> Treffer | None:
    """Gleich, Anfang, ganzes Wort – die erste Stufe mit Treffern entscheidet (``s``: die
    Eingabe als Schlüssel, für den Vorrang der ganzen Eingabe)."""
    genau = [r for r in regionen if suchen & varianten[r.ags]]
    if len(genau) > 1:
        # „Kreis Aachen“ meint den Kreis, nicht jede Region, die „Aachen“ heißt: erst die
        # ganze Eingabe; sonst die heutige Region vor aufgelösten (StädteRegion vor Stadt Aachen)
        voll = {s, grob(s), s.replace("-", " ")}
        ganz = [r for r in genau if voll & varianten[r.ags]]
        heutige = [r for r in genau if r.gueltig_bis is None]
        genau = ganz if len(ganz) == 1 else heutige if len(heutige) == 1 else genau
    if len(genau) == 1:
        return Treffer(genau[0], ())
    if len(genau) > 1:
        return Treffer(None, tuple(genau), mehrdeutig=True)
    anfang = [r for r in regionen if any(v.startswith(x) for v in varianten[r.ags] for x in suchen)]
    if len(anfang) == 1:
        return Treffer(anfang[0], ())
    if len(anfang) > 1:
        return Treffer(None, tuple(anfang), mehrdeutig=True)
    # ganze Wörter: „neuss“ findet „rhein-kreis neuss“
    wort = [
        r
        for r in regionen
        if any(re.search(rf"(^|[\s-]){re.escape(x)}($|[\s-])", v) for v in varianten[r.ags] for x in suchen)
    ]
    if len(wort) == 1:
        return Treffer(wort[0], ())
    if len(wort) > 1:
        return Treffer(None, tuple(wort), mehrdeutig=True)
    return None


def _aehnlich(s: str, varianten: dict[str, set[str]], regionen: Sequence[Region]) -> Treffer:
    """Nichts passt: die ähnlichsten Namen als Vorschlag."""
    alle = {v: r for r in regionen for v in varianten[r.ags]}
    nah = difflib.get_close_matches(grob(s), list(alle), n=8, cutoff=0.6)
    if not nah:
        # Ein Tippfehler im kurzen Namen („Mulhem“) ist zu weit weg von „mülheim an der ruhr“:
        # dann einzelne Wörter der Namen vergleichen (ohne „Kreis“, „Stadt“ und kurze Wörter).
        woerter: dict[str, Region] = {}
        for r in regionen:
            for v in varianten[r.ags]:
                for w in re.split(r"[\s-]+", v):
                    if len(w) >= 5 and w not in ("kreis", "stadt", "staedteregion", "stadteregion"):
                        woerter.setdefault(w, r)
        alle = woerter
        nah = difflib.get_close_matches(grob(s), list(woerter), n=8, cutoff=0.7)
    kandidaten: list[Region] = []
    for n in nah:
        if alle[n] not in kandidaten:
            kandidaten.append(alle[n])
    return Treffer(None, tuple(kandidaten[:3]))


def region_finden(eingabe: str, regionen: Sequence[Region], gemeinden: Sequence[Gemeinde] = ()) -> Region:
    """Wie :func:`finde_region`, aber eindeutig oder :class:`NetzFehler` mit Vorschlägen."""
    t = finde_region(eingabe, regionen, gemeinden)
    if t.region is not None:
        return t.region
    if t.grund is not None:
        liste = ", ".join(f"{r.bezeichnung} ({r.ags})" for r in t.kandidaten)
        raise NetzFehler(f"{t.grund} Meinten Sie: {liste}?", code=Exit.AUFRUF)
    if t.kandidaten:
        liste = ", ".join(f"{r.bezeichnung} ({r.ags})" for r in t.kandidaten)
        art = "mehrdeutig" if t.mehrdeutig else "unbekannt"
        # eine unbekannte Region ist ein Aufruffehler (Exit 2) wie ein falsches Datum
        raise NetzFehler(f"Region „{eingabe}“ ist {art}. Meinten Sie: {liste}?", code=Exit.AUFRUF)
    raise NetzFehler(
        f"Region „{eingabe}“ ist unbekannt.",
        "„netz list“ zeigt alle Regionen mit AGS und Namen.",
        Exit.AUFRUF,
    )


# --- Werte einer Auswahl (--bezirk, --art, --status, --sort) ----------------


def waehle(eingabe: str, erlaubt: Sequence[str]) -> tuple[str | None, list[str]]:
    """Der gemeinte Wert aus ``erlaubt`` – locker wie bei Regionen – oder (None, Vorschläge).

    Eindeutig ist: gleich nach :func:`grob` („Koln“ = „Köln“), ein ganzes Wort genau einer
    Auswahl („Stadt“ = „kreisfreie Stadt“) oder deren Anfang („press“ = „pressemitteilung“).
    Sonst schlägt difflib die nächsten Werte vor.
    """
    e = grob(" ".join(eingabe.split()))
    if not e:
        return None, []
    roh = {falte(w): w for w in erlaubt}
    if (w := roh.get(falte(eingabe.strip()))) is not None:
        return w, []
    grobe = {grob(w): w for w in erlaubt}
    for stufe in (
        [w for g, w in grobe.items() if g == e],
        [w for g, w in grobe.items() if e in re.split(r"[\s-]+", g)],
        [w for g, w in grobe.items() if g.startswith(e)],
    ):
        if len(stufe) == 1:
            return stufe[0], []
        if len(stufe) > 1:
            return None, stufe
    return None, [grobe[g] for g in difflib.get_close_matches(e, list(grobe), n=3, cutoff=0.5)]
