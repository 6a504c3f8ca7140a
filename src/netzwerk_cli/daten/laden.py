"""Einlesen eines Datenordners: Dateien -> Datenbestand (gültige Modelle + Befunde).

Jeder Befehl liest über :func:`lade_datenbestand` – von der Platte wie aus einer git-Revision:
der Lader stellt jede Regel je Datei einmal auf und fragt den Baum (:mod:`.baum`) nur nach den
Einträgen eines Ordners und den Bytes einer regulären Datei. Eine Pull-Request-Datei ist feindlich:
gelesen werden nur reguläre Dateien direkt in ``regionen/``, ``vertraege/`` und ``geo/`` (plus
``programm.yaml``; von ``quellen/`` nur die Namen), nie durch eine Verknüpfung – auch nicht
durch einen verknüpften Ordner –, höchstens ``MAX_BYTES`` (pruefen.codes) bzw. die Grenze der
Grenzdatei. Alles andere im Ordner ist ein Befund – nie still übergangen, nie verfolgt.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from ..kern import shell
from ..kern.befund import Problem
from ..kern.bestand import Datenbestand, Dokument
from ..kern.modelle import Programm, Region, Vertrag
from ..pruefen.codes import MAX_BYTES, problem
from .baum import (
    ANDERES,
    DATEI,
    MAX_EINTRAEGE,
    ORDNER,
    VERKNUEPFUNG,
    Baum,
    Eintrag,
    Lesen,
    nicht_lesbar,
    zu_viele_eintraege,
)
from .datei import art, kein_ordner, keine_datei, lies_datei
from .gemeinden import MAX_GEMEINDEN
from .ordner import GEMEINDEN, PROGRAMM, QUELLEN, REGIONEN, SPERRDATEI, TEMP_PRAEFIX, VERTRAEGE, anzeigepfad
from .verfolgt import ist_verfolgt

Fortschritt = Callable[[int, int], None]  # (gelesen, gesamt)


def temporaerdatei(anzeige: str) -> Problem:
    return problem(
        anzeige,
        1,
        "NZ110",
        "Temporärdatei eines abgebrochenen Schreibvorgangs; netz liest sie nicht",
        _hinweis("Löschen, wenn gerade kein netz schreibt", "rm", anzeige),
    )


def _hinweis(was: str, programm: str, *pfade: str) -> str:
    """„was: befehl 'pfad' …“ für die Shell gequotet – oder ohne Befehl, wenn ein Pfad sich
    nicht sicher zeigen lässt (kern/shell.py)."""
    b = shell.befehl(programm, *pfade)
    return f"{was}: {b}" if b else f"{was} (Datei im Dateimanager umbenennen oder löschen)."


def _nicht_gelesen(anzeige: str, name: str) -> Problem:
    if name.lower().endswith((".yaml", ".yml")):
        soll = os.path.join(os.path.dirname(anzeige), name[: name.rfind(".")].lstrip(".") + ".yaml")
        hinweis = _hinweis("Umbenennen, wenn es Daten sind", "git mv", anzeige, soll)
    else:
        hinweis = "Hier gehören nur Dateien auf .yaml hin; die Datei verschieben oder löschen."
    return problem(
        anzeige, 1, "NZ113", "Datei wird nicht gelesen (nur sichtbare Dateien auf „.yaml“)", hinweis
    )


LESEN = "lesen"
TEMPORAER = "temporaer"


def einordnen(name: str, anzeige: str, ist_verknuepfung: bool) -> str | Problem:
    """Was mit einem Eintrag eines Datenordners geschieht – für den Ordner auf der Platte und
    für eine git-Revision (daten/git.py) dieselbe Regel: ``LESEN``, ``TEMPORAER`` (eine
    Temporärdatei von netz) oder ein Befund."""
    if name.startswith(TEMP_PRAEFIX) and name.endswith(".tmp"):
        return TEMPORAER
    if ist_verknuepfung:
        return keine_datei(anzeige, "eine symbolische Verknüpfung")
    if not name.endswith(".yaml") or name.startswith("."):
        return _nicht_gelesen(anzeige, name)
    return LESEN


def verwaiste_sperre(wurzel: Path) -> list[Problem]:
    """Eine Sperrdatei, die sicher niemandem mehr gehört (Absturz, voller Datenträger …)."""
    pfad = wurzel / SPERRDATEI
    if not os.path.lexists(pfad):
        return []
    from .sperre import zustand  # nur, wenn es überhaupt eine Sperre gibt

    z = zustand(pfad)
    if z is None or z.verwaist_weil is None:
        return []
    anzeige = anzeigepfad(pfad, wurzel)
    return [
        problem(
            anzeige,
            1,
            "NZ111",
            f"Verwaiste Sperrdatei ({z.verwaist_weil}); der nächste schreibende Befehl ersetzt sie",
            _hinweis("Oder löschen, wenn gerade kein netz schreibt", "rm", anzeige),
        )
    ]


def _schreiber_aktiv(wurzel: Path) -> bool:
    """Hält ein lebender netz-Prozess die Sperre? Dann sind Temporärdateien seine."""
    pfad = wurzel / SPERRDATEI
    if not os.path.lexists(pfad):
        return False
    from .sperre import zustand

    z = zustand(pfad)
    return z is not None and z.verwaist_weil is None


def _reste(wurzel: Path, kandidaten: list[tuple[str, str]]) -> list[Problem]:
    """NZ110 nur für Temporärdateien, die keinem lebenden Schreiber gehören.

    Vor und nach dem Blick auf die Datei nach der Sperre sehen: ein Schreiber hält sie,
    solange seine Temporärdatei besteht.
    """
    if not kandidaten or _schreiber_aktiv(wurzel):
        return []
    noch_da = [(p, a) for p, a in kandidaten if os.path.lexists(p)]
    if not noch_da or _schreiber_aktiv(wurzel):
        return []
    return [temporaerdatei(a) for _, a in noch_da]


class Platte:
    """Der Datenordner auf der Platte: nur ``lstat``/``scandir`` ohne Verknüpfungen zu folgen,
    jede Datei über :func:`.datei.lies_datei` (``O_NOFOLLOW``, ``fstat``, Obergrenze)."""

    def __init__(self, wurzel: Path) -> None:
        self.wurzel = wurzel
        self._vorne = os.path.join(wurzel, "")  # je Datei nur anhängen: bei 10.000 Dateien spürbar

    def eintraege(self, ordner: str, anzeige: str) -> list[Eintrag] | Problem | None:
        pfad = os.path.join(self.wurzel, ordner) if ordner else str(self.wurzel)
        try:
            st = os.lstat(pfad)
        except FileNotFoundError:
            return None
        except OSError as e:
            return nicht_lesbar(anzeige, e)
        if not stat.S_ISDIR(st.st_mode):  # der Lader fragt nur nach Ordnern; ein Tausch dazwischen
            return kein_ordner(anzeige, art(st.st_mode))
        out: list[Eintrag] = []
        try:
            with os.scandir(pfad) as it:
                for d in it:
                    if len(out) >= MAX_EINTRAEGE:
                        return zu_viele_eintraege(anzeige, len(out) + 1)
                    out.append(_eintrag(d))
        except OSError as e:
            return nicht_lesbar(anzeige, e)
        out.sort(key=lambda e: e.name)
        return out

    def lies(self, auftraege: Iterable[Lesen]) -> Iterator[bytes | Problem]:
        for a in auftraege:
            yield lies_datei(self._vorne + a.pfad, a.anzeige, a.grenze)

    def reste(self, kandidaten: list[tuple[str, str]]) -> list[Problem]:
        return _reste(self.wurzel, [(os.path.join(self.wurzel, p), a) for p, a in kandidaten])

    def sperre(self) -> list[Problem]:
        return verwaiste_sperre(self.wurzel)


def _eintrag(e: os.DirEntry[str]) -> Eintrag:
    try:
        if e.is_symlink():
            return Eintrag(e.name, VERKNUEPFUNG, "eine symbolische Verknüpfung")
        if e.is_dir(follow_symlinks=False):
            return Eintrag(e.name, ORDNER, "ein Ordner")
        if e.is_file(follow_symlinks=False):
            return Eintrag(e.name, DATEI, "eine Datei")
        return Eintrag(e.name, ANDERES, art(e.stat(follow_symlinks=False).st_mode))
    except OSError:  # verschwunden oder nicht lesbar: das Lesen meldet es genau
        return Eintrag(e.name, DATEI, "eine Datei")


def lade_dokument(
    pfad: str | Path,
    modell: type[Region] | type[Vertrag] | type[Programm],
    anzeige: str,
    inhalte: dict[str, bytes] | None = None,
) -> tuple[Dokument[Any] | None, list[Problem]]:
    """Eine Datei lesen und prüfen: Dokument oder Befunde; ``inhalte`` bekommt die gelesenen Bytes."""
    daten = lies_datei(pfad, anzeige)
    if not isinstance(daten, bytes):
        return None, [daten]
    return pruefe_inhalt(pfad, daten, modell, anzeige, inhalte)


def pruefe_inhalt(
    pfad: str | Path,
    daten: bytes,
    modell: type[Region] | type[Vertrag] | type[Programm],
    anzeige: str,
    inhalte: dict[str, bytes] | None = None,
) -> tuple[Dokument[Any] | None, list[Problem]]:
    """Gelesene Bytes prüfen – gleich, ob sie von der Platte oder aus git kommen."""
    if inhalte is not None:
        inhalte[anzeige] = daten
    from ..pruefen.datei import pruefe_datei

    return pruefe_datei(str(pfad), daten, modell, anzeige)


def aufnehmen(
    bestand: Datenbestand,
    ziel: list[Dokument[Any]],
    anzeige: str,
    dok: Dokument[Any] | None,
    probleme: list[Problem],
) -> None:
    """Ein geprüftes Dokument (oder seine Befunde) in den Bestand übernehmen."""
    bestand.probleme.extend(probleme)
    if dok is not None:
        ziel.append(dok)
    else:
        bestand.fehlerhaft.add(anzeige)


def programm_fehlt(anzeige: str) -> Problem:
    return problem(anzeige, 1, "NZ406", "programm.yaml fehlt: ohne sie sind Ziel und Prüfpunkte unbekannt")


def _in_git(pfad: str) -> bool:
    """Jede Datei einer Revision ist in git."""
    return True


def lade_datenbestand(
    quelle: Path | Baum,
    fortschritt: Fortschritt | None = None,
    praefix: str | None = None,
) -> Datenbestand:
    """Liest ``programm.yaml``, ``regionen/``, ``vertraege/``, ``geo/`` und ``quellen/`` aus
    ``quelle`` – dem Datenordner auf der Platte oder einem Baum (:class:`.git.Revision`).

    ``fortschritt`` wird alle 250 Dateien gerufen (für einen Fortschrittsbalken);
    ``praefix``: nur Regionen- und Vertragsdateien, deren Name so beginnt (``netz log``: eine
    Region) – ``programm.yaml``, ``geo/`` und ``quellen/`` bleiben dann ungelesen.
    """
    baum: Baum = Platte(quelle) if isinstance(quelle, Path) else quelle
    wurzel = baum.wurzel
    # ob git eine Datei kennt (Hinweis „git mv“ oder „mv“): in einer Revision jede
    bestand = Datenbestand(wurzel=wurzel, verfolgt=ist_verfolgt if isinstance(quelle, Path) else _in_git)
    oben = baum.eintraege("", anzeigepfad(wurzel, wurzel))
    if not isinstance(oben, list):  # die Wurzel fand finde_datenordner bzw. die Revision schon
        bestand.probleme.append(oben or problem(str(wurzel), 1, "NZ100", "Datenordner nicht lesbar"))
        bestand.unvollstaendig.update((REGIONEN, VERTRAEGE))
        return bestand
    aufgaben: list[tuple[Lesen, Art]] = []
    temporaer: list[tuple[str, str]] = []
    bestand.probleme.extend(_oben(oben, wurzel, temporaer))
    eintrag = {e.name: e for e in oben}
    for ordner, modell in ((REGIONEN, Region), (VERTRAEGE, Vertrag)):
        aufgaben += _yaml_ordner(baum, eintrag.get(ordner), ordner, modell, bestand, praefix, temporaer)
    if praefix is None:
        aufgaben.extend(_programm(eintrag.get(PROGRAMM), wurzel, bestand))
        bestand.quellen = _quellen(baum, eintrag.get(QUELLEN), bestand)
        aufgaben.extend(_geo(baum, eintrag.get(GEO), bestand))
    _pruefe_alle(baum, aufgaben, bestand, fortschritt)
    bestand.probleme.extend(baum.reste(temporaer))
    if praefix is None:
        bestand.probleme.extend(baum.sperre())
    return bestand


# Was eine Datei des Datenordners ist: ein Modell – oder die Grenzdatei
Art = type[Region] | type[Vertrag] | type[Programm] | str
GEO = "geo"
GEMEINDEN_ART = "gemeinden"
GEODATEI = "nrw-kreise.geojson"
_UNTERORDNER = (REGIONEN, VERTRAEGE, QUELLEN, GEO)


def _yaml_ordner(
    baum: Baum,
    e: Eintrag | None,
    ordner: str,
    modell: Art,
    bestand: Datenbestand,
    praefix: str | None,
    temporaer: list[tuple[str, str]],
) -> list[tuple[Lesen, Art]]:
    """``regionen/`` oder ``vertraege/``: je Eintrag lesen, als Temporärdatei vormerken oder
    melden; gezählt wird jeder Eintrag, der eine Datendatei sein will (auch Ordner und FIFOs)."""
    wurzel = bestand.wurzel
    # Anzeigepfad einmal je Ordner (os.path.relpath je Datei wäre bei vielen Dateien spürbar)
    vorne = os.path.join(anzeigepfad(wurzel / ordner, wurzel), "")
    ziel: list[Dokument[Any]] = bestand.regionen if modell is Region else bestand.vertraege
    aufgaben: list[tuple[Lesen, Art]] = []
    zahl = 0
    for d in _unterordner(baum, e, ordner, vorne, bestand):
        if praefix is not None and not d.name.startswith(praefix):
            continue
        anzeige = vorne + d.name
        urteil = einordnen(d.name, anzeige, d.art == VERKNUEPFUNG)
        if urteil == TEMPORAER:
            temporaer.append((f"{ordner}/{d.name}", anzeige))
        elif isinstance(urteil, Problem):
            bestand.probleme.append(urteil)
        elif d.art != DATEI:  # Ordner, FIFO, Gerät, Submodul: gezählt, nie gelesen
            zahl += 1
            aufnehmen(bestand, ziel, anzeige, None, [keine_datei(anzeige, d.beschreibung)])
        else:
            zahl += 1
            aufgaben.append((Lesen(f"{ordner}/{d.name}", anzeige, MAX_BYTES), modell))
    bestand.dateien[ordner] = zahl
    return aufgaben


def _pruefe_alle(
    baum: Baum,
    aufgaben: list[tuple[Lesen, Art]],
    bestand: Datenbestand,
    fortschritt: Fortschritt | None,
) -> None:
    """Alle Dateien lesen (auf der Platte Datei für Datei, während geprüft wird; aus git in
    einem Zug) und jede nach ihrer Art prüfen."""
    vorne = os.path.join(bestand.wurzel, "")  # Dokument.datei: der Pfad im Arbeitsbaum, wie bisher
    gelesen = baum.lies(a for a, _ in aufgaben)
    for i, ((auftrag, art_), daten) in enumerate(zip(aufgaben, gelesen, strict=True), 1):
        if art_ == GEO:
            _grenzen(auftrag.anzeige, daten, bestand)
            continue
        if art_ == GEMEINDEN_ART:
            _gemeinden(auftrag.anzeige, daten, bestand)
            continue
        if isinstance(daten, Problem):
            dok, probleme = None, [daten]
        else:
            pfad = vorne + auftrag.pfad
            assert not isinstance(art_, str)  # GEO und GEMEINDEN_ART sind oben schon behandelt
            dok, probleme = pruefe_inhalt(pfad, daten, art_, auftrag.anzeige, bestand.inhalte)
        if art_ is Programm:
            bestand.probleme.extend(probleme)
            bestand.programm = dok
        else:
            ziel: list[Dokument[Any]] = bestand.regionen if art_ is Region else bestand.vertraege
            aufnehmen(bestand, ziel, auftrag.anzeige, dok, probleme)
        if fortschritt is not None and i % 250 == 0:
            fortschritt(i, len(aufgaben))


def _oben(eintraege: list[Eintrag], wurzel: Path, temporaer: list[tuple[str, str]]) -> list[Problem]:
    """Der Datenordner selbst: keine Verknüpfung und kein Sonderling darin (eine Verknüpfung auf
    einen Ordner meldet :func:`_unterordner`, die Sperrdatei :func:`verwaiste_sperre`)."""
    out = []
    for e in eintraege:
        if e.name in _UNTERORDNER or e.name in (PROGRAMM, SPERRDATEI):
            continue
        anzeige = anzeigepfad(wurzel / e.name, wurzel)
        if e.name.startswith(TEMP_PRAEFIX) and e.name.endswith(".tmp"):
            temporaer.append((e.name, anzeige))
        elif e.art in (VERKNUEPFUNG, ANDERES):
            out.append(keine_datei(anzeige, e.beschreibung))
    return out


def _unterordner(
    baum: Baum, e: Eintrag | None, ordner: str, vorne: str, bestand: Datenbestand
) -> list[Eintrag]:
    """Die Einträge eines Unterordners – nur, wenn er ein echter Ordner ist (keine Verknüpfung:
    durch sie wird nichts gelesen); sonst ein Befund und der Ordner gilt als unvollständig."""
    if e is None:
        return []
    anzeige = vorne.rstrip("/\\")
    if e.art != ORDNER:
        bestand.probleme.append(kein_ordner(anzeige, e.beschreibung))
        bestand.unvollstaendig.add(ordner)
        return []
    eintraege = baum.eintraege(ordner, anzeige)
    if eintraege is None:
        return []
    if isinstance(eintraege, Problem):
        bestand.probleme.append(eintraege)
        bestand.unvollstaendig.add(ordner)
        return []
    return eintraege


def _programm(e: Eintrag | None, wurzel: Path, bestand: Datenbestand) -> list[tuple[Lesen, Art]]:
    anzeige = anzeigepfad(wurzel / PROGRAMM, wurzel)
    if e is None:
        bestand.probleme.append(programm_fehlt(anzeige))
        return []
    if e.art != DATEI:
        bestand.probleme.append(keine_datei(anzeige, e.beschreibung))
        return []
    return [(Lesen(PROGRAMM, anzeige, MAX_BYTES), Programm)]


def _quellen(baum: Baum, e: Eintrag | None, bestand: Datenbestand) -> frozenset[str]:
    """Die regulären Dateien direkt in ``quellen/`` (für Quellenangaben wie „quellen/x.txt“);
    alles andere darin ist ein Befund. Gelesen werden sie nicht – nur ihr Dasein zählt."""
    vorne = os.path.join(anzeigepfad(bestand.wurzel / QUELLEN, bestand.wurzel), "")
    out = set()
    for d in _unterordner(baum, e, QUELLEN, vorne, bestand):
        if d.art == DATEI:
            out.add(f"{QUELLEN}/{d.name}")
        else:
            bestand.probleme.append(keine_datei(vorne + d.name, d.beschreibung))
    return frozenset(out)


def _geo(baum: Baum, e: Eintrag | None, bestand: Datenbestand) -> list[tuple[Lesen, Art]]:
    """``geo/``: die Grenzdatei wird gelesen und geprüft, Beschreibungen (``*.md``) geduldet,
    alles andere ist ein Befund."""
    from ..pruefen.geo import MAX_GEOJSON

    vorne = os.path.join(anzeigepfad(bestand.wurzel / GEO, bestand.wurzel), "")
    out: list[tuple[Lesen, Art]] = []
    for d in _unterordner(baum, e, GEO, vorne, bestand):
        anzeige = vorne + d.name
        if d.art != DATEI:
            bestand.probleme.append(keine_datei(anzeige, d.beschreibung))
        elif d.name == GEODATEI:
            out.append((Lesen(f"{GEO}/{d.name}", anzeige, MAX_GEOJSON), GEO))
        elif f"{GEO}/{d.name}" == GEMEINDEN:
            out.append((Lesen(GEMEINDEN, anzeige, MAX_GEMEINDEN), GEMEINDEN_ART))
        elif not d.name.endswith(".md"):
            bestand.probleme.append(
                problem(
                    anzeige,
                    1,
                    "NZ113",
                    f"Datei wird nicht gelesen (in geo/ nur {GEODATEI}, {GEMEINDEN.split('/')[-1]} und "
                    "Beschreibungen auf „.md“)",
                    "Die Datei verschieben oder löschen; die Grenzen stehen in " + GEODATEI + ".",
                )
            )
    return out


def _gemeinden(anzeige: str, daten: bytes | Problem, bestand: Datenbestand) -> None:
    """Die Gemeindeliste (``geo/nrw-gemeinden.csv``): „Ratingen“ → Kreis Mettmann."""
    from .gemeinden import pruefe_gemeinden_bytes

    if isinstance(daten, Problem):
        bestand.probleme.append(daten)
        return
    bestand.inhalte[anzeige] = daten
    bestand.gemeinden, probleme = pruefe_gemeinden_bytes(anzeige, daten)
    bestand.probleme.extend(probleme)


def _grenzen(anzeige: str, daten: bytes | Problem, bestand: Datenbestand) -> None:
    from ..pruefen.geo import pruefe_grenzen

    if isinstance(daten, Problem):
        bestand.probleme.append(daten)
        return
    bestand.grenzen, probleme = pruefe_grenzen(daten, anzeige)
    bestand.probleme.extend(probleme)
