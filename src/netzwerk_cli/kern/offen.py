"""Offene Fragen: welche Daten unsicher sind und was eine Antwort entschiede (``netz offen``).

Jede unsichere Zeitangabe eines Vertrags (Unterzeichnung, Ende) ist eine Unbekannte mit einer
Spanne möglicher Tage. Die Prüfpunkte (veröffentlichte Zahlen) sind Bedingungen über diese
Unbekannten: an mindestens einem Tag ihres Zeitraums hatten so viele Regionen ein Netzwerk.

Zwei Fragen beantwortet dieses Modul, beide ohne Dateien, rein aus Modellen:

* **Einengen** (:func:`propagiere`): welche Tage schließen die Prüfpunkte aus? Ein Prüfpunkt
  mit der Zahl *n* an einem Tag *t*: haben dort schon *n* Regionen sicher ein Netzwerk, hatte
  keine weitere eines (ihre Unterzeichnung liegt nach *t*, oder ihr Vertrag endete vorher);
  können dort höchstens *n* eines haben, hatten alle möglichen eines. Das wird wiederholt, bis
  sich nichts mehr ändert. Jede Einengung ist bewiesen: kein Tag fällt weg, an dem die
  Unbekannte in einer Lesart liegen könnte, die alle Prüfpunkte erfüllt (die Tests prüfen das
  an kleinen Beständen gegen alle Lesarten). Umgekehrt gilt das nicht: nicht jeder Tag der
  eingeengten Spanne ist sicher möglich.
* **Entscheiden** (:func:`entscheidet`): welche Prüfpunkte hängen davon ab, wo in ihrer Spanne
  die Unbekannte liegt – ändert sich die sichere oder mögliche Zählung an einem Tag, an dem
  der Prüfpunkt zutreffen kann, je nachdem, ob sie früh oder spät liegt?

Kein Tag liegt vor dem Programmstart (``erste_vertraege``): offene und ungenaue Angaben werden
auf ihn geklemmt (:func:`klemme`), wie es das Modell für alle Zählungen tut.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date, timedelta
from typing import NamedTuple

from .abdeckung import Stand, StandEintrag, in_kraft, stand_am, stand_eintrag
from .bestand import Datenbestand
from .datum import Zeitangabe, deutsch_tag
from .modelle import Pruefpunkt, Region, Vertrag
from .pruefpunkt import aussagen, zahl_passt
from .zahlen import anzahl

#: Das obere Ende einer nach oben offenen Spanne: das Ereignis kann auch nach heute liegen
#: oder nie eintreten („frühestens 2019-08“).
OFFEN = date.max

#: Die Regel der Rangfolge, wie sie über jeder Ausgabe steht.
REGEL = (
    "Reihenfolge: zuerst die Fragen, deren Antwort die meisten Prüfpunkte entscheidet, "
    "dann die mit den meisten möglichen Tagen."
)

UNTERZEICHNET = "unterzeichnet"
ENDET = "endet"

_TAG = timedelta(days=1)


class Spanne(NamedTuple):
    """Die möglichen Tage einer Unbekannten, beide Enden eingeschlossen; ``bis`` ist
    :data:`OFFEN`, wenn nach oben nichts bekannt ist."""

    von: date
    bis: date

    @property
    def offen(self) -> bool:
        return self.bis == OFFEN

    @property
    def genau(self) -> bool:
        return self.von == self.bis

    def tage(self, heute: date) -> int:
        """Wie viele Tage möglich sind; eine offene Spanne zählt bis heute."""
        ende = min(self.bis, heute)
        return max((ende - self.von).days + 1, 0)

    def deutsch(self) -> str:
        """„23.06.2008 bis 06.05.2010“, „ab 01.08.2019 oder bis heute nicht“, „06.05.2010“."""
        if self.genau:
            return deutsch_tag(self.von)
        if self.offen:
            return f"ab {deutsch_tag(self.von)} oder bis heute nicht"
        return f"{deutsch_tag(self.von)} bis {deutsch_tag(self.bis)}"


def klemme(z: Zeitangabe, start: date) -> Spanne:
    """Die Spanne einer Zeitangabe, unten auf den Programmstart ``start`` geklemmt.

    Vor den ersten Verträgen gab es keinen Vertrag: „spätestens 2010-05-06“ heißt
    23.06.2008 bis 06.05.2010, „2008“ heißt 23.06.2008 bis 31.12.2008. Eine Angabe, die
    ganz vor dem Start liegt (ein Datenfehler, den ``validate`` meldet), bleibt, wie sie
    ist – sie wird nicht leer gemacht.

    >>> klemme(Zeitangabe.lies("spätestens 2010-05-06"), date(2008, 6, 23))
    Spanne(von=datetime.date(2008, 6, 23), bis=datetime.date(2010, 5, 6))
    """
    spaet = z.spaet if z.spaet is not None else OFFEN
    frueh = max(z.frueh or start, start)
    if frueh > spaet:
        frueh = z.frueh if z.frueh is not None else spaet
    return Spanne(frueh, spaet)


class Zeiten(NamedTuple):
    """Ein Vertrag, wie das Einengen ihn sieht: Region und die möglichen Tage."""

    region: str
    unterzeichnet: Spanne
    endet: Spanne | None  # None: der Vertrag ist nicht beendet
    umfasst: tuple[str, ...] = ()  # weitere Regionen, für die er gilt (z. B. vor einem Zusammenschluss)

    @property
    def gebiete(self) -> tuple[str, ...]:
        """Alle Regionen, für die der Vertrag gilt."""
        return (self.region, *(a for a in self.umfasst if a != self.region))

    def spanne(self, art: str) -> Spanne | None:
        return self.unterzeichnet if art == UNTERZEICHNET else self.endet

    def mit(self, art: str, s: Spanne) -> Zeiten:
        return self._replace(unterzeichnet=s) if art == UNTERZEICHNET else self._replace(endet=s)


class Bedingung(NamedTuple):
    """Ein Prüfpunkt als Bedingung: an mindestens einem Tag in ``von``..``bis`` hatten
    mindestens ``mindestens`` und höchstens ``hoechstens`` der ``regionen`` ein Netzwerk."""

    nr: int  # Index in programm.pruefpunkte
    von: date
    bis: date
    mindestens: int | None
    hoechstens: int | None
    regionen: frozenset[str]
    # Regionen, die es nur eine Zeit lang gab: (AGS, erster Tag, letzter Tag); alle anderen
    # zählen an jedem Tag. Bis zum 20.10.2009 zählen Kreis und Stadt Aachen, danach die StädteRegion.
    gueltig: tuple[tuple[str, date, date], ...] = ()
    # Regionen, die die Quelle namentlich mit Netzwerk nennt, und solche ohne (ausdrücklich
    # oder weil ihre Liste vollständig ist und sie fehlen) – am selben Tag wie die Zahl
    mit: frozenset[str] = frozenset()
    ohne: frozenset[str] = frozenset()

    @property
    def alle(self) -> frozenset[str]:
        """Alle Regionen, deren Stand die Bedingung betrifft (gezählt oder genannt)."""
        return self.regionen | self.mit | self.ohne

    def zaehlt(self, ags: str, t: date) -> bool:
        """Zählt die Region am Tag ``t`` mit?"""
        return ags in self.regionen and self.gab_es(ags, t)

    def gab_es(self, ags: str, t: date) -> bool:
        """Gab es die Region am Tag ``t``?"""
        return not self.gueltig or all(von <= t <= bis for a, von, bis in self.gueltig if a == ags)


# --- Der Stand an einem Tag --------------------------------------------------------


def vertrag_stand(z: Zeiten, t: date) -> Stand:
    """Ist der Vertrag am Tag ``t`` in Kraft – sicher, vielleicht, nicht? Die eine Regel
    (:func:`~.abdeckung.in_kraft`), auf den eingeengten Spannen."""
    return in_kraft(z.unterzeichnet, z.endet, t)


def region_stand(zeiten: Sequence[Zeiten], nummern: Iterable[int], t: date) -> Stand:
    """Der Stand einer Region aus ihren Verträgen (Nummern in ``zeiten``): sicher, wenn ein
    Vertrag sicher gilt; möglich, wenn einer gelten kann."""
    stand = Stand.OHNE
    for i in nummern:
        s = vertrag_stand(zeiten[i], t)
        if s is Stand.MIT:
            return s
        if s is Stand.UNGEWISS:
            stand = s
    return stand


def je_region(zeiten: Sequence[Zeiten]) -> dict[str, tuple[int, ...]]:
    """Die Nummern der Verträge je Region."""
    out: dict[str, list[int]] = {}
    for i, z in enumerate(zeiten):
        for ags in z.gebiete:
            out.setdefault(ags, []).append(i)
    return {k: tuple(v) for k, v in out.items()}


class Tagesstand(NamedTuple):
    tag: date
    sicher: int
    moeglich: int
    ungewiss: tuple[str, ...]  # Regionen (AGS), deren Stand an diesem Tag offen ist
    mit: tuple[str, ...]  # Regionen mit sicherem Netzwerk


def tagesstand(
    zeiten: Sequence[Zeiten], je: Mapping[str, tuple[int, ...]], b: Bedingung, t: date
) -> Tagesstand:
    """Die sichere und mögliche Zählung der Regionen von ``b`` am Tag ``t``."""
    mit: list[str] = []
    ungewiss: list[str] = []
    for ags in sorted(b.regionen):
        if not b.zaehlt(ags, t):
            continue
        s = region_stand(zeiten, je.get(ags, ()), t)
        if s is Stand.MIT:
            mit.append(ags)
        elif s is Stand.UNGEWISS:
            ungewiss.append(ags)
    return Tagesstand(t, len(mit), len(mit) + len(ungewiss), tuple(ungewiss), tuple(mit))


def kann_zutreffen(b: Bedingung, st: Tagesstand) -> bool:
    """Kann die Zahl von ``b`` an diesem Tag zutreffen (sicher ≤ Zahl ≤ möglich)?"""
    return zahl_passt(b.mindestens, b.hoechstens, st.sicher, st.moeglich)


def kandidaten(zeiten: Sequence[Zeiten], je: Mapping[str, tuple[int, ...]], b: Bedingung) -> list[date]:
    """Die Tage im Zeitraum von ``b``, die für das Einengen genügen.

    Der Stand einer Region ändert sich nur an den Grenzen ihrer Spannen; zwischen zwei
    solchen Tagen ist alles gleich, und die Einengung hängt nur monoton vom Tag ab (frühestens
    am Tag danach, spätestens an diesem Tag). Darum genügen der erste und der letzte Tag jedes
    gleichförmigen Abschnitts."""
    if b.von > b.bis:
        return []
    wechsel = {b.von}
    grenzen = [d for _, von, bis in b.gueltig for d in (von, bis + _TAG if bis < OFFEN else von)]
    wechsel.update(d for d in grenzen if b.von < d <= b.bis)
    for ags in b.alle:
        for i in je.get(ags, ()):
            z = zeiten[i]
            punkte = [z.unterzeichnet.von, z.unterzeichnet.bis]
            if z.endet is not None:
                punkte += [d + _TAG for d in (z.endet.von, z.endet.bis) if d < OFFEN]
            wechsel.update(d for d in punkte if b.von < d <= b.bis)
    tage = set(wechsel) | {d - _TAG for d in wechsel if d > b.von} | {b.bis}
    return sorted(tage)


# --- Verzeichnisse für den Durchlauf ----------------------------------------------


def _punkte(z: Zeiten) -> list[date]:
    """Die Tage, an denen sich der Stand des Vertrags ändern kann (wie in :func:`kandidaten`)."""
    punkte = [z.unterzeichnet.von, z.unterzeichnet.bis]
    if z.endet is not None:
        punkte += [d + _TAG for d in (z.endet.von, z.endet.bis) if d < OFFEN]
    return punkte


class _Lage:
    """Die Verträge mit zwei Verzeichnissen, die jede Einengung nachführt (:meth:`setze`):

    * je Region die Verträge nach spätester und frühester Unterzeichnung mit dem größten
      frühesten bzw. spätesten Ende davor – der Stand der Region an einem Tag (dieselbe Regel
      wie :func:`region_stand`) in O(log v) statt O(v) für v Verträge der Region;
    * alle Tage aller Verträge, an denen sich ein Stand ändern kann, sortiert – die
      Kandidatentage eines Prüfpunkts (wie :func:`kandidaten`) in O(log C + k) für die k Tage
      in seinem Zeitraum statt O(C).

    Aufbau O(C log C); :meth:`setze` kostet O(v log v + C) im schlechtesten Fall (das Einfügen
    in die sortierte Liste verschiebt Zeiger, in C)."""

    def __init__(self, zeiten: Sequence[Zeiten], je: Mapping[str, tuple[int, ...]]) -> None:
        self.zeiten = list(zeiten)
        self.je = je
        self._regionen: dict[str, StandEintrag] = {}
        for ags in je:
            self._baue(ags)
        self._grenzen = sorted((d, i) for i, z in enumerate(self.zeiten) for d in _punkte(z))
        self._sortiert: dict[frozenset[str], list[str]] = {}

    def _baue(self, ags: str) -> None:
        zs = [self.zeiten[i] for i in self.je[ags]]
        # sicher in Kraft: spätestens unterzeichnet an oder vor t, frühestens beendet an oder nach t;
        # möglich: frühestens unterzeichnet an oder vor t, spätestens beendet an oder nach t
        self._regionen[ags] = stand_eintrag(
            [(z.unterzeichnet.bis, z.endet.von if z.endet is not None else OFFEN) for z in zs],
            [(z.unterzeichnet.von, z.endet.bis if z.endet is not None else OFFEN) for z in zs],
        )

    def stand(self, ags: str, t: date) -> Stand:
        """:func:`region_stand` der Region ``ags`` am Tag ``t``."""
        return stand_am(self._regionen.get(ags), t)

    def setze(self, i: int, z: Zeiten) -> None:
        """Der Vertrag ``i`` hat jetzt die Spannen ``z``."""
        alt = self.zeiten[i]
        for d in _punkte(alt):
            del self._grenzen[bisect.bisect_left(self._grenzen, (d, i))]
        for d in _punkte(z):
            bisect.insort(self._grenzen, (d, i))
        self.zeiten[i] = z
        for ags in dict.fromkeys((*alt.gebiete, *z.gebiete)):
            if ags in self.je:
                self._baue(ags)

    def wechsel(self, b: Bedingung, alle: frozenset[str]) -> Iterator[date]:
        """Die Tage in (b.von, b.bis], an denen sich ein Vertrag einer Region aus ``alle`` ändert."""
        n = len(self.zeiten)
        anfang = bisect.bisect_right(self._grenzen, (b.von, n))
        ende = bisect.bisect_right(self._grenzen, (b.bis, n))
        for d, i in self._grenzen[anfang:ende]:
            if any(a in alle for a in self.zeiten[i].gebiete):
                yield d

    def sortiert(self, regionen: frozenset[str]) -> list[str]:
        if (s := self._sortiert.get(regionen)) is None:
            s = self._sortiert[regionen] = sorted(regionen)
        return s


def _kandidaten(lage: _Lage, b: Bedingung) -> list[date]:
    """:func:`kandidaten` über das Verzeichnis: O(log C + k) statt O(C)."""
    if b.von > b.bis:
        return []
    wechsel = {b.von}
    grenzen = [d for _, von, bis in b.gueltig for d in (von, bis + _TAG if bis < OFFEN else von)]
    wechsel.update(d for d in grenzen if b.von < d <= b.bis)
    wechsel.update(lage.wechsel(b, b.alle))
    tage = set(wechsel) | {d - _TAG for d in wechsel if d > b.von} | {b.bis}
    return sorted(tage)


def _tagesstand(lage: _Lage, b: Bedingung, t: date) -> Tagesstand:
    """:func:`tagesstand` über das Verzeichnis: O(R log v) für R Regionen von ``b``."""
    mit: list[str] = []
    ungewiss: list[str] = []
    for ags in lage.sortiert(b.regionen):
        if not b.zaehlt(ags, t):
            continue
        s = lage.stand(ags, t)
        if s is Stand.MIT:
            mit.append(ags)
        elif s is Stand.UNGEWISS:
            ungewiss.append(ags)
    return Tagesstand(t, len(mit), len(mit) + len(ungewiss), tuple(ungewiss), tuple(mit))


# --- Einengen --------------------------------------------------------------------

VOLL = "voll"  # sicher schon so viele wie veröffentlicht: keine weitere Region
KNAPP = "knapp"  # möglich nur so viele wie veröffentlicht: alle möglichen sind dabei
GENANNT = "genannt"  # die Quelle nennt die Region mit Netzwerk
OHNE = "ohne"  # die Quelle nennt sie ohne Netzwerk (oder ihre vollständige Liste nicht)


def _raus(z: Zeiten, t: date) -> Zeiten:
    """Der Vertrag galt am Tag ``t`` nicht. Geht das mit seinen Spannen nicht (nach einer
    anderen Einengung desselben Tages), wird eine Spanne leer – :func:`engen_am` erklärt den
    Tag dann für unmöglich."""
    u, e = z.unterzeichnet, z.endet
    if u.bis <= t:  # sicher unterzeichnet, also vorher beendet
        if e is None:  # galt sicher (nach einer anderen Einengung desselben Tages): leer, unmöglich
            return z._replace(unterzeichnet=Spanne(t + _TAG, u.bis))
        return z._replace(endet=Spanne(e.von, min(e.bis, t - _TAG)))
    if e is None or e.von >= t:  # sicher nicht beendet, also noch nicht unterzeichnet
        return z._replace(unterzeichnet=Spanne(max(u.von, t + _TAG), u.bis))
    return z  # später unterzeichnet oder früher beendet: offen, welches


def _rein(z: Zeiten, t: date) -> Zeiten:
    """Der Vertrag galt am Tag ``t``."""
    u, e = z.unterzeichnet, z.endet
    z = z._replace(unterzeichnet=Spanne(u.von, min(u.bis, t)))
    if e is not None:
        z = z._replace(endet=Spanne(max(e.von, t), e.bis))
    return z


def engen_am(
    zeiten: Sequence[Zeiten],
    je: Mapping[str, tuple[int, ...]],
    b: Bedingung,
    t: date,
    lage: _Lage | None = None,
) -> tuple[dict[int, Zeiten], dict[int, str], Tagesstand] | None:
    """Was folgt, wenn der Prüfpunkt ``b`` genau am Tag ``t`` zutraf? None: das kann er dort
    nicht; sonst die eingeengten Verträge (nur die geänderten), je die Regel, und der Stand
    an ``t``.

    Namentlich genannte Regionen (``mit``/``ohne``) zählen als sicher mit bzw. sicher ohne
    Netzwerk; erst dann wird gegen die Zahl geprüft.

    Mit ``lage`` (dieselben ``zeiten`` und ``je`` im Verzeichnis) kostet der Stand jeder Region
    O(log v) statt O(v); das Ergebnis ist dasselbe."""
    st = tagesstand(zeiten, je, b, t) if lage is None else _tagesstand(lage, b, t)
    stand: dict[str, Stand] = {}
    for ags in b.mit | b.ohne:
        if not b.gab_es(ags, t):
            stand[ags] = Stand.OHNE
        else:
            stand[ags] = region_stand(zeiten, je.get(ags, ()), t) if lage is None else lage.stand(ags, t)
        if (ags in b.mit and stand[ags] is Stand.OHNE) or (ags in b.ohne and stand[ags] is Stand.MIT):
            return None
    gezaehlt = set(st.ungewiss)
    sicher = st.sicher + len(gezaehlt & b.mit)
    moeglich = st.moeglich - len(gezaehlt & b.ohne)
    if (b.mindestens is not None and moeglich < b.mindestens) or (
        b.hoechstens is not None and sicher > b.hoechstens
    ):
        return None
    voll = b.hoechstens is not None and sicher == b.hoechstens
    knapp = b.mindestens is not None and moeglich == b.mindestens
    offen = gezaehlt | {a for a, x in stand.items() if x is Stand.UNGEWISS}
    neu: dict[int, Zeiten] = {}
    regeln: dict[int, str] = {}
    for ags in sorted(offen):
        nummern = [i for i in je.get(ags, ()) if vertrag_stand(zeiten[i], t) is Stand.UNGEWISS]
        if ags in b.ohne or (voll and ags in gezaehlt and ags not in b.mit):
            for i in nummern:  # kein Vertrag der Region galt an t
                neu[i] = _raus(neu.get(i, zeiten[i]), t)
                regeln[i] = OHNE if ags in b.ohne else VOLL
        elif (ags in b.mit or (knapp and ags in gezaehlt)) and len(nummern) == 1:
            i = nummern[0]  # einer galt an t; bei mehreren offen, welcher
            neu[i] = _rein(neu.get(i, zeiten[i]), t)
            regeln[i] = GENANNT if ags in b.mit else KNAPP
    geaendert = {i: z for i, z in neu.items() if z != zeiten[i]}
    # Derselbe Vertrag kann für eine Region gelten müssen und für eine andere nicht (ein
    # Vertrag für zwei Regionen): bleibt nichts übrig, kann der Prüfpunkt an t nicht zutreffen.
    if any(x is not None and x.von > x.bis for z in geaendert.values() for x in (z.unterzeichnet, z.endet)):
        return None
    return geaendert, {i: regeln[i] for i in geaendert}, st


class Schritt(NamedTuple):
    """Eine Einengung: eine Grenze einer Unbekannten, und der Prüfpunkt, der sie erzwingt."""

    vertrag: int  # Nummer in der Liste der Verträge
    art: str  # UNTERZEICHNET oder ENDET
    seite: str  # "von" (frühestens) oder "bis" (spätestens)
    vorher: Spanne
    nachher: Spanne
    bedingung: Bedingung
    regel: str  # VOLL oder KNAPP
    stand: Tagesstand  # der Tag, der die neue Grenze festlegt, mit seiner Zählung
    allein: bool  # folgt aus diesem Prüfpunkt und den Angaben allein, ohne andere Einengungen


_Anlass = tuple[Tagesstand, str] | None  # der Tag, der eine Grenze festlegt, und die Regel dort


def engen(
    zeiten: Sequence[Zeiten], je: Mapping[str, tuple[int, ...]], b: Bedingung
) -> tuple[list[Zeiten], list[Schritt]] | None:
    """Die Einengung durch einen Prüfpunkt über seinen ganzen Zeitraum.

    Die Zahl traf an irgendeinem Tag des Zeitraums zu, an welchem, ist offen: die neue Spanne
    jeder Unbekannten ist die Hülle ihrer Spannen über alle Tage, an denen die Zahl zutreffen
    kann. None: an keinem Tag kann sie zutreffen (ein Widerspruch)."""
    r = _engen(_Lage(zeiten, je), b)
    if r is None:
        return None
    geaendert, schritte = r
    neu = list(zeiten)
    for i, z in geaendert.items():
        neu[i] = z
    return neu, schritte


def _engen(lage: _Lage, b: Bedingung) -> tuple[dict[int, Zeiten], list[Schritt]] | None:
    """:func:`engen` auf dem Verzeichnis, nur mit den geänderten Verträgen als Ergebnis.

    Kosten O(log C + K · (R log v + u)) für K Kandidatentage, R Regionen des Prüfpunkts und u
    Verträge, deren Stand an einem Tag offen ist – nie ein Gang über alle Verträge."""
    zeiten, je = lage.zeiten, lage.je
    von: dict[tuple[int, str], tuple[date, _Anlass]] = {}
    bis: dict[tuple[int, str], tuple[date, _Anlass]] = {}
    moeglich = 0  # Tage, an denen die Zahl zutreffen kann
    geaendert_an: dict[int, int] = {}  # je Vertrag: an so vielen davon eingeengt
    # Je Tag nur die eingeengten Verträge (O(K · g) statt O(K · C)); ein Vertrag, der an
    # mindestens einem möglichen Tag ungeändert blieb, bekommt danach seine alte Spanne in die
    # Hülle – dasselbe Ergebnis wie der Gang über alle Verträge an jedem Tag. Jeder eingeengte
    # Vertrag gehört zu einer Region von ``b`` (engen_am engt nur solche ein).
    for t in _kandidaten(lage, b):
        r = engen_am(zeiten, je, b, t, lage)
        if r is None:
            continue
        moeglich += 1
        geaendert, regeln, st = r
        for i, z in geaendert.items():
            geaendert_an[i] = geaendert_an.get(i, 0) + 1
            for art in (UNTERZEICHNET, ENDET):
                s, alt = z.spanne(art), zeiten[i].spanne(art)
                if s is None or alt is None:
                    continue
                k = (i, art)
                grund = (st, regeln[i])
                if k not in von or s.von < von[k][0]:
                    von[k] = (s.von, grund if s.von != alt.von else None)
                if k not in bis or s.bis > bis[k][0]:
                    bis[k] = (s.bis, grund if s.bis != alt.bis else None)
    if not moeglich:
        return None
    # Ein Vertrag, der an keinem Tag eingeengt wurde, behält seine Spanne: nur die übrigen zählen.
    for i, n in geaendert_an.items():
        if n == moeglich:
            continue  # an jedem möglichen Tag eingeengt
        for art in (UNTERZEICHNET, ENDET):
            alt = zeiten[i].spanne(art)
            if alt is None:
                continue
            k = (i, art)
            if k not in von or alt.von < von[k][0] or (alt.von == von[k][0] and von[k][1] is not None):
                von[k] = (alt.von, None)
            if k not in bis or alt.bis > bis[k][0] or (alt.bis == bis[k][0] and bis[k][1] is not None):
                bis[k] = (alt.bis, None)
    neu: dict[int, Zeiten] = {}
    schritte: list[Schritt] = []
    for (i, art), (v, grund_v) in sorted(von.items()):
        bis_, grund_b = bis[(i, art)]
        alt = zeiten[i].spanne(art)
        assert alt is not None
        s = Spanne(v, bis_)
        if s == alt:
            continue
        neu[i] = neu.get(i, zeiten[i]).mit(art, s)
        if s.von != alt.von and grund_v is not None:
            schritte.append(Schritt(i, art, "von", alt, s, b, grund_v[1], grund_v[0], True))
        if s.bis != alt.bis and grund_b is not None:
            schritte.append(Schritt(i, art, "bis", alt, s, b, grund_b[1], grund_b[0], True))
    return neu, schritte


class Einengung(NamedTuple):
    zeiten: tuple[Zeiten, ...]
    schritte: tuple[Schritt, ...]
    widerspruch: Bedingung | None  # der Prüfpunkt, der an keinem Tag mehr zutreffen kann


def propagiere(zeiten: Sequence[Zeiten], bedingungen: Sequence[Bedingung]) -> Einengung:
    """Alle Prüfpunkte reihum anwenden, bis sich keine Spanne mehr ändert.

    Jede Runde engt nur ein, jede Spanne hat endlich viele Tage: das endet. Kann ein Prüfpunkt
    an keinem Tag mehr zutreffen, widersprechen sich die Prüfpunkte (oder sie widersprechen den
    Vertragsdaten); dann endet das Einengen mit ``widerspruch`` – aus einem Widerspruch folgt
    alles, die bis dahin gefundenen Schritte sagen dann nur, wie es dazu kam.

    ``schritte`` hält je Unbekannter und Seite nur den letzten Schritt: der legt die Grenze
    fest (Grenzen werden nur enger). ``allein`` sagt, ob der Prüfpunkt die Grenze auch ohne
    die anderen Einengungen erzwingt.

    Kosten je Runde: :func:`_engen` je Prüfpunkt, dazu O(v log v + C) je geänderter Spanne
    (:meth:`_Lage.setze`) – kein Gang über alle Verträge je Prüfpunkt. Die Zahl der Runden
    begrenzen die Tage der Spannen; meist sind es zwei."""
    je = je_region(zeiten)
    lage = _Lage(zeiten, je)
    letzte: dict[tuple[int, str, str], Schritt] = {}
    widerspruch = None
    while widerspruch is None:
        geaendert = False  # Spannen werden nur enger: jede Änderung ist eine echte
        for b in bedingungen:
            r = _engen(lage, b)
            if r is None:
                widerspruch = b
                break
            aenderungen, neu = r
            for i, z in aenderungen.items():
                lage.setze(i, z)
            geaendert = geaendert or bool(aenderungen)
            letzte.update({(x.vertrag, x.art, x.seite): x for x in neu})
        if not geaendert:
            break
    aktuell = lage.zeiten
    anfangs = _Lage(zeiten, je)  # jeder Prüfpunkt für sich, auf den Angaben allein
    allein = {b.nr: _engen(anfangs, b) for b in {x.bedingung for x in letzte.values()}}
    schritte = []
    for x in letzte.values():
        r = allein[x.bedingung.nr]
        s = r[0].get(x.vertrag, zeiten[x.vertrag]).spanne(x.art) if r is not None else None
        erzwungen = s is not None and (s.von >= x.nachher.von if x.seite == "von" else s.bis <= x.nachher.bis)
        schritte.append(x._replace(allein=erzwungen))
    schritte.sort(key=lambda x: (x.vertrag, x.art, x.seite != "von"))
    return Einengung(tuple(aktuell), tuple(schritte), widerspruch)


def zutreffende_tage(zeiten: Sequence[Zeiten], je: Mapping[str, tuple[int, ...]], b: Bedingung) -> list[date]:
    """Die Kandidatentage (:func:`kandidaten`), an denen die Zahl von ``b`` zutreffen kann."""
    return [t for t in kandidaten(zeiten, je, b) if kann_zutreffen(b, tagesstand(zeiten, je, b, t))]


def entscheidet(
    zeiten: Sequence[Zeiten],
    je: Mapping[str, tuple[int, ...]],
    i: int,
    art: str,
    b: Bedingung,
    tage: Iterable[date],
) -> bool:
    """Hängt der Prüfpunkt ``b`` davon ab, wo in ihrer Spanne die Unbekannte liegt?

    Ja, wenn an einem der ``tage`` (:func:`zutreffende_tage` von ``b``) der Stand der Region
    ein anderer ist, je nachdem ob die Unbekannte am frühesten oder am spätesten möglichen
    Tag liegt – dann ändert die Antwort die sichere oder die mögliche Zählung des
    Prüfpunkts: sein Urteil oder seinen Spielraum. (Die Grenzen jeder Spanne gehören zu den
    Kandidatentagen; zwischen ihnen ändert sich nichts.)"""
    z = zeiten[i]
    s = z.spanne(art)
    if s is None or s.genau:
        return False
    return _entscheidet(
        zeiten, je, i, z, s, z.mit(art, Spanne(s.von, s.von)), z.mit(art, Spanne(s.bis, s.bis)), b, tage
    )


def entscheidende(
    zeiten: Sequence[Zeiten],
    je: Mapping[str, tuple[int, ...]],
    i: int,
    art: str,
    bedingungen: Sequence[Bedingung],
    tage: Mapping[int, list[date]],
) -> list[Bedingung]:
    """Die ``bedingungen``, für die :func:`entscheidet` gilt – die beiden Lesarten der
    Unbekannten einmal gebaut, nicht je Prüfpunkt. Kosten O(B · (log T + k · v)): je Prüfpunkt
    eine Suche in seinen Tagen und die k Tage im Fenster der Spanne, je v Verträge der Region."""
    z = zeiten[i]
    s = z.spanne(art)
    if s is None or s.genau:
        return []
    frueh, spaet = z.mit(art, Spanne(s.von, s.von)), z.mit(art, Spanne(s.bis, s.bis))
    return [b for b in bedingungen if _entscheidet(zeiten, je, i, z, s, frueh, spaet, b, tage[b.nr])]


def _entscheidet(
    zeiten: Sequence[Zeiten],
    je: Mapping[str, tuple[int, ...]],
    i: int,
    z: Zeiten,
    s: Spanne,
    frueh: Zeiten,
    spaet: Zeiten,
    b: Bedingung,
    tage: Iterable[date],
) -> bool:
    # Nur an Tagen in der Spanne (und dem Tag danach) kann die Lage der Unbekannten den Stand
    # ändern: die übrigen Tage überspringt die Suche in den sortierten ``tage``. Kosten je Aufruf
    # O(log T + k · v) für k Tage im Fenster und v Verträge der Region – nie eine Kopie aller
    # Verträge (vorher O(C) je Aufruf und damit O(Q · B · C) für den Bericht).
    liste = tage if isinstance(tage, list) else sorted(tage)
    anfang = bisect.bisect_left(liste, s.von)
    ende = bisect.bisect_right(liste, s.bis + _TAG if s.bis < date.max else s.bis)
    return any(
        _stand_mit(zeiten, je.get(ags, ()), t, i, frueh)
        is not _stand_mit(zeiten, je.get(ags, ()), t, i, spaet)
        for t in liste[anfang:ende]
        for ags in z.gebiete
        if b.zaehlt(ags, t)
    )


def _stand_mit(zeiten: Sequence[Zeiten], nummern: Iterable[int], t: date, i: int, ersatz: Zeiten) -> Stand:
    """:func:`region_stand`, mit ``ersatz`` statt des Vertrags ``i``."""
    stand = Stand.OHNE
    for n in nummern:
        st = vertrag_stand(ersatz if n == i else zeiten[n], t)
        if st is Stand.MIT:
            return st
        if st is Stand.UNGEWISS:
            stand = st
    return stand


def _zutreffende_tage(lage: _Lage, b: Bedingung) -> list[date]:
    """:func:`zutreffende_tage` über das Verzeichnis."""
    return [t for t in _kandidaten(lage, b) if kann_zutreffen(b, _tagesstand(lage, b, t))]


class _Tage:
    """Die zutreffenden Tage aller Prüfpunkte in einer sortierten Liste (Tag, Stelle in
    ``bedingungen``): die Prüfpunkte, die eine Unbekannte entscheiden können, sind die mit
    einem Tag in ihrer Spanne – gefunden mit einer Suche statt einem Gang über alle."""

    def __init__(self, bedingungen: Sequence[Bedingung], tage: Mapping[int, list[date]]) -> None:
        self.bedingungen = bedingungen
        self.paare = sorted((t, k) for k, b in enumerate(bedingungen) for t in tage[b.nr])

    def entscheidende(
        self, zeiten: Sequence[Zeiten], je: Mapping[str, tuple[int, ...]], i: int, art: str
    ) -> list[Bedingung]:
        """:func:`entscheidende` für alle ``bedingungen``: O(log P + p · v) für die p Paare im
        Fenster der Spanne und v Verträge der Region – nicht O(B) je Unbekannter."""
        z = zeiten[i]
        s = z.spanne(art)
        if s is None or s.genau:
            return []
        frueh, spaet = z.mit(art, Spanne(s.von, s.von)), z.mit(art, Spanne(s.bis, s.bis))
        ende_tag = s.bis + _TAG if s.bis < date.max else s.bis
        anfang = bisect.bisect_left(self.paare, (s.von, -1))
        ende = bisect.bisect_right(self.paare, (ende_tag, len(self.bedingungen)))
        gefunden: set[int] = set()
        for t, k in self.paare[anfang:ende]:
            if k in gefunden:
                continue
            b = self.bedingungen[k]
            if any(
                _stand_mit(zeiten, je.get(ags, ()), t, i, frueh)
                is not _stand_mit(zeiten, je.get(ags, ()), t, i, spaet)
                for ags in z.gebiete
                if b.zaehlt(ags, t)
            ):
                gefunden.add(k)
        return [self.bedingungen[k] for k in sorted(gefunden)]


# --- Der Bericht: aus dem Datenbestand ---------------------------------------------


def bedingungen(
    punkte: Sequence[Pruefpunkt], regionen: Sequence[Region], start: date, heute: date
) -> list[Bedingung]:
    """Die geprüften Prüfpunkte als Bedingungen – gelesen wie ``validate`` sie liest
    (:func:`~.pruefpunkt.aussagen`), der Zeitraum auf den Programmstart geklemmt."""
    out = []
    gueltig = tuple((r.ags, *g) for r in regionen if (g := gueltigkeit(r)) is not None)
    for a in aussagen(punkte, regionen, start, heute):
        von = max(a.von, start)
        if von > a.bis:
            continue
        ags = frozenset(r.ags for r in a.gebiet)
        mit = a.genannt or frozenset()
        out.append(Bedingung(a.nr, von, a.bis, a.mindestens, a.hoechstens, ags, gueltig, mit, a.ohne_alle))
    return out


def gueltigkeit(r: Region) -> tuple[date, date] | None:
    """Erster und letzter Tag einer Region, die es nur eine Zeit lang gab; sonst None.

    ``gueltig_ab``/``gueltig_bis`` bringt der datierte Gebietsstand (Kreis und Stadt Aachen
    bis 20.10.2009); ohne diese Felder gilt jede Region immer."""
    ab, bis = r.gueltig_ab, r.gueltig_bis
    if ab is None and bis is None:
        return None
    return (ab or date.min, bis or OFFEN)


class Punkt(NamedTuple):
    """Ein Prüfpunkt, wie die Ausgabe ihn nennt."""

    nr: int
    pruefpunkt: Pruefpunkt

    @property
    def datum(self) -> str:
        """„23.06.2008“, „frühestens Juni 2022“, „undatiert“."""
        return self.pruefpunkt.datum.deutsch() if self.pruefpunkt.datum else "undatiert"

    @property
    def hoechstens(self) -> int | None:
        return self.pruefpunkt.hoechstens

    @property
    def zahl(self) -> str:
        """„19“, „mindestens 31“, „höchstens 21“, „13 im Regierungsbezirk Düsseldorf“,
        „namentlich“ (nur eine Liste von Regionen)."""
        p = self.pruefpunkt
        teile = [f"mindestens {p.mindestens}"] if p.mindestens is not None else []
        teile += [f"höchstens {self.hoechstens}"] if self.hoechstens is not None else []
        z = str(p.anzahl) if p.anzahl is not None else ", ".join(teile) or "namentlich"
        return z + (f" im Regierungsbezirk {p.regierungsbezirk}" if p.regierungsbezirk else "")

    @property
    def name(self) -> str:
        """„23.06.2008 (19)“ – nach dem Wort „Prüfpunkt“."""
        return f"{self.datum} ({self.zahl})"

    @property
    def kurz(self) -> str:
        """„23.06.2008: 19“ – für Listen."""
        return f"{self.datum}: {self.zahl}"


class Grund(NamedTuple):
    """Warum eine Grenze gilt: der Prüfpunkt, die Regel und der Satz dazu."""

    seite: str  # "von" oder "bis"
    grenze: date
    punkt: Punkt
    regel: str
    tag: date
    sicher: int
    moeglich: int
    allein: bool  # False: gilt erst zusammen mit anderen Einengungen
    satz: str


class Frage(NamedTuple):
    """Eine offene Frage: wann genau wurde ein Vertrag unterzeichnet oder endete er?"""

    rang: int
    region: Region
    datei: str  # Anzeigepfad der Vertragsdatei
    nummer: int  # der wievielte Vertrag der Region (nach Unterzeichnung); 0, wenn sie nur einen hat
    art: str  # UNTERZEICHNET oder ENDET
    angabe: Zeitangabe  # was die Daten sagen
    bekannt: Spanne  # geklemmt auf den Programmstart
    eingeengt: Spanne  # was die Prüfpunkte zulassen
    tage_bekannt: int
    tage: int
    entscheidet: tuple[Punkt, ...]
    gruende: tuple[Grund, ...]

    @property
    def frage(self) -> str:
        """„Stadt Bonn: Wann wurde der Vertrag unterzeichnet?“"""
        vertrag = f"der {self.nummer}. Vertrag" if self.nummer else "der Vertrag"
        if self.art == UNTERZEICHNET:
            was = (
                f"Wurde {vertrag} unterzeichnet, und wann?"
                if self.bekannt.offen
                else f"Wann wurde {vertrag} unterzeichnet?"
            )
        else:
            was = f"Endete {vertrag}, und wann?" if self.bekannt.offen else f"Wann endete {vertrag}?"
        return f"{self.region.bezeichnung}: {was}"


class Teilmenge(NamedTuple):
    """Was ein Prüfpunkt mit einem Tag über die Regionen sagt, deren Stand dort offen ist:
    wie viele von ihnen damals ein Netzwerk gehabt haben müssen."""

    punkt: Punkt
    tag: date
    sicher: tuple[Region, ...]
    moeglich: tuple[tuple[Region, str], ...]  # Region und ihre offene Angabe („unterzeichnet 2008“)
    mindestens: int  # so viele der möglichen mindestens
    hoechstens: int  # und höchstens


class OffenBericht(NamedTuple):
    """Der ganze Bericht; ``fragen`` ist nach :data:`REGEL` geordnet (eine Vorlage kann über
    ``fragen``, ``teilmengen`` und ``gruende`` jeder Frage einfach iterieren)."""

    heute: date
    start: date
    regel: str
    fragen: tuple[Frage, ...]
    teilmengen: tuple[Teilmenge, ...]
    widerspruch: Punkt | None
    geprueft: tuple[Punkt, ...]  # die Prüfpunkte, die eingehen
    nicht_geprueft: tuple[Punkt, ...]  # pruefen: false oder ohne Zahl
    gesamt: int  # Zahl aller Fragen (``fragen`` kann nach :func:`begrenzt` weniger halten)


def begrenzt(b: OffenBericht, n: int | None) -> OffenBericht:
    """Nur die ersten ``n`` Fragen der Rangfolge (``--limit``); ``gesamt`` bleibt."""
    return b if n is None else b._replace(fragen=b.fragen[:n])


def _satz(s: Schritt, punkt: Punkt, region: Region) -> str:
    """Die Begründung einer Grenze als deutscher Satz (ohne den Prüfpunkt selbst, den die
    Ausgabe davor nennt)."""
    b = s.bedingung
    tag = deutsch_tag(s.stand.tag)
    if b.von == b.bis:
        an = f"Am {tag}"
    else:
        wann = "frühestens" if s.seite == "von" else "spätestens"
        an = f"Der Prüfpunkt kann {wann} am {tag} zutreffen; an jedem solchen Tag"
    bezirk = punkt.pruefpunkt.regierungsbezirk
    gebiet = f" im Regierungsbezirk {bezirk}" if bezirk else ""
    noch = "noch keines" if s.art == UNTERZEICHNET else "keines mehr"
    if s.regel == VOLL:
        n = b.hoechstens if b.hoechstens is not None else s.stand.sicher
        satz = (
            f"{an} hatten schon {anzahl(n, 'Region', 'Regionen')}{gebiet} sicher ein "
            f"Netzwerk, so viele wie veröffentlicht – {region.bezeichnung} hatte {noch}."
        )
    elif s.regel == KNAPP:
        n = b.mindestens if b.mindestens is not None else s.stand.moeglich
        satz = (
            f"{an} konnten nur {anzahl(n, 'Region', 'Regionen')}{gebiet} ein Netzwerk "
            f"haben, so viele wie veröffentlicht – {region.bezeichnung} muss eines gehabt haben."
        )
    elif s.regel == GENANNT:
        satz = f"{an} nennt die Quelle {region.bezeichnung} unter den Regionen mit Netzwerk."
    else:
        satz = f"{an} hatte {region.bezeichnung} laut der Quelle kein Netzwerk ({noch})."
    return satz if s.allein else satz + " Das folgt erst zusammen mit den anderen Einengungen."


def _offene_angabe(v: Vertrag, z: Zeiten, t: date) -> str:
    """Was an ``t`` offen ist: die Unterzeichnung oder (bei sicher unterzeichneten) das Ende."""
    if z.unterzeichnet.bis > t or v.endet is None:
        return f"unterzeichnet {v.unterzeichnet.deutsch()}"
    return f"endet {v.endet.deutsch()}"


def offene_fragen(bestand: Datenbestand, heute: date) -> OffenBericht:
    """Die offenen Fragen des Datenbestands: jede unsichere Zeitangabe, eingeengt durch die
    Prüfpunkte, mit den Prüfpunkten, die eine Antwort entschiede; geordnet nach :data:`REGEL`.
    Der Einstieg für ``netz offen`` und den Abschnitt „Offene Fragen“ des Berichts.

    Kosten für R Regionen, C Verträge (v je Region), B Prüfpunkte und Q offene Fragen:
    O(C log C) für die Verzeichnisse (:class:`_Lage`, :class:`_Tage`); je Runde des Einengens
    O(Σ (log C + k + K · R · log v)) über die Prüfpunkte, mit K Kandidatentagen (einer für einen
    Prüfpunkt mit genauem Datum, sonst die k Grenzen von Spannen in seinem Zeitraum), dazu
    O(v log v + C) je eingeengter Spanne; für „entscheidet“ O(Q log P + p · v) mit den p
    zutreffenden Tagen im Fenster jeder Frage. Für Prüfpunkte mit genauem Datum also
    O((C + B · R) log C) je Runde: linear in ungenauen Verträgen und Prüfpunkten bei fester Zahl
    der Regionen (R ist die Karte; benchmarks/grenzen.py misst es). Die Zahl der Runden begrenzen
    die Tage der Spannen (jede Runde engt ein oder endet)."""
    regionen = [d.modell for d in bestand.regionen]
    nach_ags = {r.ags: r for r in regionen}
    prog = bestand.programm.modell if bestand.programm is not None else None
    start = prog.erste_vertraege if prog is not None else date(1900, 1, 1)
    punkte = prog.pruefpunkte if prog is not None else []
    docs = [d for d in bestand.vertraege if d.modell.region in nach_ags]
    zeiten = [
        Zeiten(
            d.modell.region,
            klemme(d.modell.unterzeichnet, start),
            klemme(d.modell.endet, start) if d.modell.endet is not None else None,
            # „umfasst“: die Regionen, für die ein Vertrag außerdem galt (datierter Gebietsstand)
            tuple(a for a in d.modell.umfasst if a in nach_ags),
        )
        for d in docs
    ]
    bed = bedingungen(punkte, regionen, start, heute)
    punkt = {b.nr: Punkt(b.nr, punkte[b.nr]) for b in bed}
    ergebnis = propagiere(zeiten, bed)
    je = je_region(zeiten)
    eng = ergebnis.zeiten if ergebnis.widerspruch is None else tuple(zeiten)

    lage = _Lage(eng, je)
    tage = {b.nr: _zutreffende_tage(lage, b) for b in bed}
    zutreffend = _Tage(bed, tage)
    # die Schritte je Unbekannter, einmal gruppiert (nicht je Frage alle Schritte durchsucht)
    schritte_je: dict[tuple[int, str], list[Schritt]] = {}
    if ergebnis.widerspruch is None:
        for x in ergebnis.schritte:
            schritte_je.setdefault((x.vertrag, x.art), []).append(x)
    nummer = {}
    eigene: dict[str, list[int]] = {}  # die Verträge je Region, in deren Datei sie stehen
    for i, z in enumerate(zeiten):
        eigene.setdefault(z.region, []).append(i)
    for nummern in eigene.values():
        reihe = sorted(nummern, key=lambda i: (zeiten[i].unterzeichnet.von, zeiten[i].unterzeichnet.bis))
        nummer.update({i: (k if len(reihe) > 1 else 0) for k, i in enumerate(reihe, 1)})
    fragen: list[Frage] = []
    for i, d in enumerate(docs):
        for art in (UNTERZEICHNET, ENDET):
            bekannt = zeiten[i].spanne(art)
            angabe = d.modell.unterzeichnet if art == UNTERZEICHNET else d.modell.endet
            if bekannt is None or angabe is None or bekannt.genau:
                continue
            s = eng[i].spanne(art)
            assert s is not None
            region = nach_ags[d.modell.region]
            gruende = tuple(
                Grund(
                    x.seite,
                    x.nachher.von if x.seite == "von" else x.nachher.bis,
                    punkt[x.bedingung.nr],
                    x.regel,
                    x.stand.tag,
                    x.stand.sicher,
                    x.stand.moeglich,
                    x.allein,
                    _satz(x, punkt[x.bedingung.nr], region),
                )
                for x in schritte_je.get((i, art), ())
            )
            fragen.append(
                Frage(
                    0,
                    region,
                    d.anzeige,
                    nummer[i],
                    art,
                    angabe,
                    bekannt,
                    s,
                    bekannt.tage(heute),
                    s.tage(heute),
                    tuple(punkt[b.nr] for b in zutreffend.entscheidende(eng, je, i, art)),
                    gruende,
                )
            )
    fragen.sort(key=lambda f: (-len(f.entscheidet), -f.tage, f.region.ags, f.art != UNTERZEICHNET))
    fragen = [f._replace(rang=n) for n, f in enumerate(fragen, 1)]

    teilmengen: list[Teilmenge] = []
    for b in bed:
        if b.von != b.bis:
            continue
        st = _tagesstand(lage, b, b.von)
        # namentlich genannte Regionen sind keine Kandidaten: sie zählen als sicher mit bzw. ohne
        kandidaten_ = [a for a in st.ungewiss if a not in b.mit | b.ohne]
        sicher = st.sicher + sum(a in b.mit for a in st.ungewiss)
        if not kandidaten_ or not kann_zutreffen(b, st):
            continue
        angaben = []
        for ags in kandidaten_:
            offen = [i for i in je[ags] if vertrag_stand(eng[i], b.von) is Stand.UNGEWISS]
            angaben.append(
                (nach_ags[ags], "; ".join(_offene_angabe(docs[i].modell, eng[i], b.von) for i in offen))
            )
        teilmengen.append(
            Teilmenge(
                punkt[b.nr],
                b.von,
                tuple(nach_ags[a] for a in (*st.mit, *(a for a in st.ungewiss if a in b.mit))),
                tuple(angaben),
                max((b.mindestens or 0) - sicher, 0),
                min(b.hoechstens - sicher, len(kandidaten_))
                if b.hoechstens is not None
                else len(kandidaten_),
            )
        )
    nicht = tuple(Punkt(n, p) for n, p in enumerate(punkte) if n not in punkt)
    widerspruch = punkt[ergebnis.widerspruch.nr] if ergebnis.widerspruch is not None else None
    return OffenBericht(
        heute,
        start,
        REGEL,
        tuple(fragen),
        tuple(teilmengen),
        widerspruch,
        tuple(punkt[b.nr] for b in bed),
        nicht,
        len(fragen),
    )
