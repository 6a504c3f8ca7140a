"""``netz validate --fix``: mechanische Befunde beheben, nur die betroffenen Zeichen ändern.

Mechanisch heißt: die Lösung steht fest und ändert keine Bedeutung –
„unterzeichnet: 24.08.2009“ wird „2009-08-24“ (NZ301), „region: 05170“ wird
„"05170"“ (NZ203, Schlüssel ohne Anführungszeichen). Alles andere bleibt dem Menschen.
Geschrieben wird wie bei ``add`` und ``end``: unter der Sperre, nur wenn die Datei seit dem
Lesen unverändert ist, atomar, mit Rechten und Zeilenende, dann zurückgelesen und geprüft.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..daten.datei import lies_datei
from ..daten.ordner import PROGRAMM, REGIONEN, VERTRAEGE, anzeigepfad
from ..daten.schreiben import ersetze_atomar, pruefe_ersetzbar
from ..kern.befund import Korrektur, Problem
from ..kern.datum import iso_vorschlag
from ..kern.fehler import NetzFehler, os_fehler
from .bearbeiten import FREMDE_UMBRUECHE, zeilen

# „Bitte in Anführungszeichen schreiben: '05170'“ (pruefen/datei.py, NZ203)
_IN_ANFUEHRUNGSZEICHEN = re.compile(r"^Bitte in Anführungszeichen schreiben: '(\d+)'$")
# Der Rest der Zeile nach dem Wert: Leerraum, vielleicht ein Kommentar
_REST = re.compile(rb"^(?P<wert>[^#\r\n]*?)(?P<rest>[ \t]*(?:#.*)?)(?P<ende>\r?\n|\r)?$")


@dataclass(frozen=True)
class Reparatur:
    pfad: Path
    anzeige: str
    vorher: bytes
    nachher: bytes
    behoben: tuple[Problem, ...]


def _neuer_wert(p: Problem, wert: str) -> str | None:
    if p.code == "NZ301":
        return iso_vorschlag(wert)
    if p.code == "NZ203" and (m := _IN_ANFUEHRUNGSZEICHEN.match(p.hinweis)) and m.group(1) == wert:
        return f'"{wert}"'
    return None


def reparaturen(wurzel: Path, probleme: Sequence[Problem], inhalte: dict[str, bytes]) -> list[Reparatur]:
    """Je Datei die mechanischen Änderungen (noch nichts geschrieben)."""
    dateien = {
        anzeigepfad(f, wurzel): f
        for ordner in (REGIONEN, VERTRAEGE)
        if (wurzel / ordner).is_dir()
        for f in sorted((wurzel / ordner).glob("*.yaml"))
    }
    if (wurzel / PROGRAMM).is_file():  # „pruefen: nein“ steht in programm.yaml
        dateien[anzeigepfad(wurzel / PROGRAMM, wurzel)] = wurzel / PROGRAMM
    je_datei: dict[str, list[Problem]] = {}
    for p in probleme:
        mechanisch = p.code in ("NZ301", "NZ203") or (
            p.korrektur is not None and p.korrektur.art == "ersetzen"
        )
        if mechanisch and p.datei in dateien and p.datei in inhalte:
            je_datei.setdefault(p.datei, []).append(p)
    out = []
    for anzeige, liste in je_datei.items():
        vorher = inhalte[anzeige]
        if any(roh in vorher for roh in FREMDE_UMBRUECHE):
            continue  # Zeilen zählten anders als im Parser: nicht anfassen
        z = zeilen(vorher)
        behoben = []
        for p in liste:
            if p.korrektur is not None and p.korrektur.art == "ersetzen":
                if _ersetze(z, p.korrektur):
                    behoben.append(p)
                continue
            if not 1 <= p.zeile <= len(z) or p.spalte < 1:
                continue
            zeile = z[p.zeile - 1]
            # Spalten zählen Zeichen, nicht Bytes
            text = zeile.decode("utf-8", errors="replace")
            kopf, wert_rest = text[: p.spalte - 1], text[p.spalte - 1 :]
            m = _REST.match(wert_rest.encode())
            if m is None:
                continue
            wert = m.group("wert").decode()
            neu = _neuer_wert(p, wert.strip())
            if neu is None or wert != wert.strip():
                continue
            z[p.zeile - 1] = (kopf + neu).encode() + m.group("rest") + (m.group("ende") or b"")
            behoben.append(p)
        if behoben:
            nachher = b"".join(z)
            if any(p.code == "NZ105" for p in behoben):
                nachher, weitere = _syntax_weiter(anzeige, nachher)
                behoben += weitere
            out.append(Reparatur(dateien[anzeige], anzeige, vorher, nachher, tuple(behoben)))
    return out


# So viele Syntaxfehler (Tabulatoren in der Einrückung) behebt ein Lauf je Datei hintereinander
_MAX_SYNTAX = 200


def _syntax_weiter(anzeige: str, inhalt: bytes) -> tuple[bytes, list[Problem]]:
    """Ein Syntaxfehler verdeckt die nächsten: YAML liest nur bis zum ersten. Ist er behoben,
    die Datei neu lesen und jede weitere mechanische Syntax-Korrektur (der nächste Tabulator)
    gleich mit anwenden – sonst bräuchte jede Zeile einen eigenen Lauf von --fix."""
    from ..pruefen.yamlio import lies_yaml

    weitere: list[Problem] = []
    # je Runde ein Lesen der ganzen Datei: für große (feindliche) Dateien nur wenige Runden
    for _ in range(_MAX_SYNTAX if len(inhalt) <= 64 * 1024 else 5):
        naechste = [
            p for p in lies_yaml(anzeige, inhalt).probleme if p.code == "NZ105" and p.korrektur is not None
        ]
        z = zeilen(inhalt)
        if not naechste or naechste[0].korrektur is None or not _ersetze(z, naechste[0].korrektur):
            break
        inhalt = b"".join(z)
        weitere.append(naechste[0])
    return inhalt, weitere


def _ersetze(z: list[bytes], k: Korrektur) -> bool:
    """``Korrektur(art="ersetzen")``: steht ab Spalte ``k.spalte`` der Zeile ``k.zeile`` genau
    ``k.alt``, wird daraus ``k.neu`` (Spalten zählen Zeichen); sonst bleibt die Zeile."""
    if not 1 <= k.zeile <= len(z) or k.spalte < 1:
        return False
    m = _ZEILE.match(z[k.zeile - 1])
    if m is None:
        return False
    text = m.group("text").decode("utf-8", errors="replace")
    kopf, rest = text[: k.spalte - 1], text[k.spalte - 1 :]
    if len(kopf) != k.spalte - 1 or not rest.startswith(k.alt):
        return False
    z[k.zeile - 1] = (kopf + k.neu + rest[len(k.alt) :]).encode() + m.group("ende")
    return True


_ZEILE = re.compile(rb"^(?P<text>[^\r\n]*)(?P<ende>\r?\n|\r|)$")


def speichere(r: Reparatur) -> None:
    """Ersetzt die Datei atomar, wenn sie seit dem Lesen unverändert ist; prüft das Ergebnis."""
    from ..pruefen.yamlio import lies_yaml

    pruefe_ersetzbar(r.pfad, r.anzeige)
    if lies_datei(r.pfad, r.anzeige) != r.vorher:
        raise NetzFehler(f"{r.anzeige} wurde inzwischen geändert; bitte erneut aufrufen.")
    ersetze_atomar(r.pfad, r.nachher, r.anzeige)
    gelesen = lies_yaml(r.anzeige, r.nachher)
    # Schutz: die Änderung machte eine lesbare Datei unlesbar
    if gelesen.wert is None and lies_yaml(r.anzeige, r.vorher).wert is not None:  # pragma: no cover
        ersetze_atomar(r.pfad, r.vorher, r.anzeige)
        raise NetzFehler(
            f"{r.anzeige}: die Reparatur ließe sich nicht lesen; alte Fassung wiederhergestellt."
        )


@dataclass(frozen=True)
class Umbenennung:
    """``Korrektur(art="umbenennen")``: eine Datei bekommt ihren richtigen Namen (NZ401)."""

    pfad: Path
    ziel: Path
    anzeige: str
    ziel_anzeige: str
    behoben: Problem


def umbenennungen(wurzel: Path, probleme: Sequence[Problem]) -> list[Umbenennung]:
    """Die Umbenennungen der Befunde – nur im selben Ordner und nie über eine andere Datei."""
    dateien = {
        anzeigepfad(f, wurzel): f
        for ordner in (REGIONEN, VERTRAEGE)
        if (wurzel / ordner).is_dir()
        for f in sorted((wurzel / ordner).glob("*.yaml"))
    }
    out = []
    for p in probleme:
        k = p.korrektur
        if k is None or k.art != "umbenennen" or p.datei not in dateien:
            continue
        pfad = dateien[p.datei]
        name = os.path.basename(k.neu)
        if not name.endswith(".yaml") or name != os.path.basename(name) or name.startswith("."):
            continue
        ziel = pfad.with_name(name)
        if os.path.lexists(ziel) or os.path.dirname(k.neu) != os.path.dirname(p.datei):
            continue
        out.append(Umbenennung(pfad, ziel, p.datei, k.neu, p))
    return out


def benenne_um(u: Umbenennung) -> str:
    """Benennt um – mit „git mv“, wenn git die Datei kennt (dann bleibt ihre Geschichte
    verbunden), sonst auf der Platte; gibt den Befehl zurück, wie er lief („git mv“ oder „mv“)."""
    from ..daten.git import git
    from ..daten.verfolgt import ist_verfolgt

    pruefe_ersetzbar(u.pfad, u.anzeige)
    if os.path.lexists(u.ziel):
        raise NetzFehler(f"{u.ziel_anzeige} gibt es inzwischen; nichts umbenannt.")
    if ist_verfolgt(str(u.pfad)):
        rc, _, fehler = git(u.pfad.parent, "mv", "--", u.pfad.name, u.ziel.name)
        if rc != 0:
            raise NetzFehler(f"git mv {u.anzeige} scheiterte: {fehler.strip()[:200]}")
        return "git mv"
    try:
        os.link(u.pfad, u.ziel)  # nie über eine Datei, die inzwischen entstand
        os.unlink(u.pfad)
    except OSError as e:
        raise NetzFehler(f"{u.anzeige} ließ sich nicht umbenennen: {os_fehler(e)}") from None
    return "mv"
