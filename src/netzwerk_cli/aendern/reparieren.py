"""``netz validate --fix``: mechanische Befunde beheben, nur die betroffenen Zeichen ändern.

Mechanisch heißt: die Lösung steht fest und ändert keine Bedeutung –
„unterzeichnet: 24.08.2009“ wird „2009-08-24“ (NZ301), „region: 05170“ wird
„"05170"“ (NZ203, Schlüssel ohne Anführungszeichen). Alles andere bleibt dem Menschen.
Geschrieben wird wie bei ``add`` und ``end``: unter der Sperre, nur wenn die Datei seit dem
Lesen unverändert ist, atomar, mit Rechten und Zeilenende, dann zurückgelesen und geprüft.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..daten.datei import lies_datei
from ..daten.ordner import REGIONEN, VERTRAEGE, anzeigepfad
from ..daten.schreiben import ersetze_atomar, pruefe_ersetzbar
from ..kern.befund import Problem
from ..kern.datum import iso_vorschlag
from ..kern.fehler import NetzFehler
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
    je_datei: dict[str, list[Problem]] = {}
    for p in probleme:
        if p.code in ("NZ301", "NZ203") and p.datei in dateien and p.datei in inhalte:
            je_datei.setdefault(p.datei, []).append(p)
    out = []
    for anzeige, liste in je_datei.items():
        vorher = inhalte[anzeige]
        if any(roh in vorher for roh in FREMDE_UMBRUECHE):
            continue  # Zeilen zählten anders als im Parser: nicht anfassen
        z = zeilen(vorher)
        behoben = []
        for p in liste:
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
            out.append(Reparatur(dateien[anzeige], anzeige, vorher, b"".join(z), tuple(behoben)))
    return out


def speichere(r: Reparatur) -> None:
    """Ersetzt die Datei atomar, wenn sie seit dem Lesen unverändert ist; prüft das Ergebnis."""
    from ..pruefen.yamlio import lies_yaml

    pruefe_ersetzbar(r.pfad, r.anzeige)
    if lies_datei(r.pfad, r.anzeige) != r.vorher:
        raise NetzFehler(f"{r.anzeige} wurde inzwischen geändert; bitte erneut aufrufen.")
    ersetze_atomar(r.pfad, r.nachher, r.anzeige)
    gelesen = lies_yaml(r.anzeige, r.nachher)
    if gelesen.wert is None:  # pragma: no cover - Schutz: die Änderung machte die Syntax kaputt
        ersetze_atomar(r.pfad, r.vorher, r.anzeige)
        raise NetzFehler(
            f"{r.anzeige}: die Reparatur ließe sich nicht lesen; alte Fassung wiederhergestellt."
        )
