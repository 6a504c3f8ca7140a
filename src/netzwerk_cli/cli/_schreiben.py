"""Der gemeinsame Ablauf aller schreibenden Befehle (add, end, continue, conference).

1. fehlende Angaben am Terminal erfragen (sonst Aufruffehler),
2. Vorschau zeigen und bestätigen lassen (nur interaktiv) oder ``--dry-run``,
3. unter der Sperre neu lesen, prüfen, atomar schreiben, zurücklesen,
4. neuen Stand zeigen.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import typer

from ..exitcodes import Exit
from ._basis import Kontext, abbruch, heute, konsole, lade, stichtag_option, zeige_probleme

if TYPE_CHECKING:
    from ..laden import Datenbestand

E = TypeVar("E")

REGION_HILFE = "AGS oder Name, z. B. 05170, Wesel, „Kreis Wesel“. Am Terminal wird sonst gefragt."


def ist_terminal() -> bool:
    """Nur am Terminal wird gefragt; in Skripten und CI fehlt eine Angabe = Aufruffehler."""
    return sys.stdin.isatty() and sys.stdout.isatty()


def region_namen(ordner: Path | None = None) -> list[str]:
    """Kurznamen aller Regionen aus den Dateinamen (schnell, ohne YAML zu lesen)."""
    from ..laden import REGIONEN, yaml_dateien
    from ..ordner import KeinDatenordner, finde_datenordner, umgebung

    try:
        wurzel = ordner or finde_datenordner(umgebung())
    except KeinDatenordner:
        return []
    return sorted(p.stem.split("-", 1)[1] for p in yaml_dateien(wurzel / REGIONEN) if "-" in p.stem)


def vervollstaendige_region(unvollstaendig: str) -> list[str]:
    """Shell-Vervollständigung für REGION (``netz --install-completion``)."""
    from ..namen import falte

    u = falte(unvollstaendig)
    return [n for n in region_namen() if n.startswith(u)]


def frage_region(ctx: Kontext, wert: str | None) -> str:
    if wert:
        return wert
    if not ist_terminal():
        abbruch(
            "REGION fehlt (ohne Terminal wird nicht nachgefragt).",
            Exit.AUFRUF,
            "Beispiel: netz add wesel --date 2026-11-20",
        )
    namen = region_namen(ctx.wurzel())
    _readline_vervollstaendigung(namen)
    return str(typer.prompt("Region (AGS oder Name, Tab vervollständigt)"))


def frage_datum(wert: str | None, option: str, text: str) -> date:
    if wert is None:
        if not ist_terminal():
            abbruch(f"{option} fehlt (ohne Terminal wird nicht nachgefragt).", Exit.AUFRUF)
        wert = str(typer.prompt(f"{text} (JJJJ-MM-TT)", default=heute().isoformat()))
    d = stichtag_option(wert, option)
    assert d is not None
    return d


def frage_quellen(quellen: list[str] | None, gefragt: bool) -> list[str]:
    if quellen or not gefragt:
        return list(quellen or [])
    q = str(typer.prompt("Quelle (Webadresse, leer lassen, wenn keine)", default="", show_default=False))
    return [q] if q.strip() else []


def pruefe_quellen(quellen: list[str]) -> list[str]:
    for q in quellen:
        if not q.startswith(("https://", "http://")) or any(c.isspace() for c in q):
            raise typer.BadParameter(f"„{q}“ ist keine Webadresse (https://…)", param_hint="--source")
    return quellen


def _readline_vervollstaendigung(namen: list[str]) -> None:
    try:
        import readline
    except ImportError:  # pragma: no cover - Windows
        return

    def vervollstaendige(text: str, zustand: int) -> str | None:
        treffer = [n for n in namen if n.startswith(text.lower())]
        return treffer[zustand] if zustand < len(treffer) else None

    readline.set_completer(vervollstaendige)
    readline.parse_and_bind("tab: complete")


def ablauf(
    ctx: Kontext,
    erstelle: Callable[[Datenbestand], E],
    speichere: Callable[[E], None],
    vorschau: Callable[[E], tuple[str, str]],
    erfolg: Callable[[E], str],
    dry_run: bool,
    bestaetigen: bool,
) -> None:
    """Führt einen schreibenden Befehl sicher aus; siehe Moduldoku."""
    from ..aufnehmen import Verweigert
    from ..sperre import Gesperrt, sperre

    out = konsole()
    try:
        if dry_run or bestaetigen:
            e = erstelle(lade(ctx))
            titel, text = vorschau(e)
            out.print(titel, markup=False)
            out.print(text, end="", markup=False)
            if dry_run:
                return
            if not typer.confirm("Speichern?", default=True):
                abbruch("Abgebrochen; nichts wurde geschrieben.", Exit.DATEN)
        wurzel = ctx.wurzel()
        with sperre(wurzel, _anzeige(wurzel)):
            # erst unter der Sperre lesen: so sieht netz, was ein anderer Prozess gerade schrieb
            e = erstelle(lade(ctx))
            speichere(e)
    except Verweigert as v:
        if v.probleme:
            zeige_probleme(v.probleme)
        abbruch(v.meldung + " Nichts wurde geschrieben.", Exit.DATEN, v.hinweis)
    except Gesperrt as g:
        abbruch(g.meldung + " Nichts wurde geschrieben.", Exit.DATEN, g.hinweis)
    out.print(erfolg(e), markup=False)


def diff(vorher: bytes, nachher: bytes, name: str) -> str:
    import difflib

    a = vorher.decode("utf-8", errors="replace").splitlines(keepends=True)
    b = nachher.decode("utf-8", errors="replace").splitlines(keepends=True)
    return "".join(difflib.unified_diff(a, b, f"a/{name}", f"b/{name}"))


def neuer_stand(ctx: Kontext) -> str:
    from .. import bericht
    from ..render import text

    return "Neuer Stand: " + text.kopfzeile(bericht.status(lade(ctx), heute()).gesamt) + "."


def _anzeige(wurzel: Path) -> str:
    from ..laden import anzeigepfad
    from ..sperre import SPERRDATEI

    return anzeigepfad(wurzel / SPERRDATEI, wurzel)
