"""Der gemeinsame Ablauf aller schreibenden Befehle (add, end, continue, conference).

1. fehlende Angaben am Terminal erfragen (sonst Aufruffehler),
2. Vorschau zeigen und bestätigen lassen (nur interaktiv) oder ``--dry-run``,
3. unter der Sperre neu lesen, prüfen, atomar schreiben, zurücklesen,
4. neuen Stand zeigen.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import typer

from ..kern.fehler import Exit, NetzFehler
from ._basis import Kontext, heute, konsole, lade, stichtag_option

if TYPE_CHECKING:
    from ..kern.bestand import Datenbestand

E = TypeVar("E")
A = TypeVar("A")
R = TypeVar("R")

REGION_HILFE = "AGS oder Name, z. B. 05170, Wesel, „Kreis Wesel“. Am Terminal wird sonst gefragt."


def ist_terminal() -> bool:
    """Nur am Terminal wird gefragt; in Skripten und CI fehlt eine Angabe = Aufruffehler."""
    return sys.stdin.isatty() and sys.stdout.isatty()


def region_namen(ordner: Path | None = None) -> list[str]:
    """Kurznamen aller Regionen aus den Dateinamen (schnell, ohne YAML zu lesen)."""
    from ..daten.ordner import REGIONEN, finde_datenordner, umgebung

    try:
        wurzel = ordner or finde_datenordner(umgebung())
        namen = os.listdir(wurzel / REGIONEN)
    except (NetzFehler, OSError):
        return []
    return sorted(n[:-5].split("-", 1)[1] for n in namen if n.endswith(".yaml") and "-" in n)


def vervollstaendige_region(unvollstaendig: str) -> list[str]:
    """Shell-Vervollständigung für REGION (``netz --install-completion``)."""
    from ..kern.namen import falte

    u = falte(unvollstaendig)
    return [n for n in region_namen() if n.startswith(u)]


def frage_region(ctx: Kontext, wert: str | None) -> str:
    if wert:
        return wert
    if not ist_terminal():
        raise NetzFehler(
            "REGION fehlt (ohne Terminal wird nicht nachgefragt).",
            "Beispiel: netz add wesel --date 2026-11-20",
            Exit.AUFRUF,
        )
    namen = region_namen(ctx.wurzel())
    _readline_vervollstaendigung(namen)
    return str(typer.prompt("Region (AGS oder Name, Tab vervollständigt)"))


def frage_datum(wert: str | None, option: str, text: str) -> date:
    if wert is None:
        if not ist_terminal():
            raise NetzFehler(f"{option} fehlt (ohne Terminal wird nicht nachgefragt).", code=Exit.AUFRUF)
        wert = str(typer.prompt(f"{text} (JJJJ-MM-TT)", default=heute().isoformat()))
    d = stichtag_option(wert, option)
    assert d is not None
    return d


def frage_quellen(quellen: list[str] | None, gefragt: bool) -> list[str]:
    if quellen or not gefragt:
        return list(quellen or [])
    q = str(typer.prompt("Quelle (Webadresse, leer lassen, wenn keine)", default="", show_default=False))
    return [q] if q.strip() else []


def pruefe_text(wert: str | None, option: str) -> str | None:
    """Text von der Kommandozeile wird genau so gespeichert – oder abgewiesen.

    Steuer- und Formatzeichen (Kategorien Cc, Cf), Zeilen- und Absatztrenner und
    ungültige Kodierung (Cs) liest YAML anders zurück oder gar nicht (NEL würde still
    zum Leerzeichen); sie gehören nicht in eine Bemerkung.
    """
    if wert is None:
        return None
    import unicodedata

    for c in wert:
        if unicodedata.category(c) in ("Cc", "Cf", "Cs", "Zl", "Zp"):
            name = unicodedata.name(c, "Steuerzeichen")
            raise typer.BadParameter(
                f"enthält das unsichtbare Zeichen U+{ord(c):04X} ({name}); "
                "netz speichert nur sichtbaren Text ohne Zeilenumbruch",
                param_hint=option,
            )
    return wert


def pruefe_quellen(quellen: list[str]) -> list[str]:
    from ..pruefen.bestand import ist_webadresse

    for q in quellen:
        pruefe_text(q, "--source")
        if not ist_webadresse(q):
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
    from ..daten.ordner import SPERRDATEI, anzeigepfad
    from ..daten.sperre import sperre

    out = konsole()
    if dry_run or bestaetigen:
        e = _nichts_geschrieben(erstelle, lade(ctx))
        titel, text = vorschau(e)
        out.print(titel)
        out.print(text, end="")
        if dry_run:
            return
        if not typer.confirm("Speichern?", default=True):
            raise NetzFehler("Abgebrochen; nichts wurde geschrieben.")
    wurzel = ctx.wurzel()
    with sperre(wurzel, anzeigepfad(wurzel / SPERRDATEI, wurzel)):
        # erst unter der Sperre lesen: so sieht netz, was ein anderer Prozess gerade schrieb
        e = _nichts_geschrieben(erstelle, lade(ctx))
        _nichts_geschrieben(speichere, e)
    out.print(erfolg(e))


def _nichts_geschrieben(f: Callable[[A], R], arg: A) -> R:
    """Eine Verweigerung sagt dazu, dass nichts geschrieben wurde."""
    try:
        return f(arg)
    except NetzFehler as fehler:
        fehler.meldung += " Nichts wurde geschrieben."
        raise


def diff(vorher: bytes, nachher: bytes, name: str) -> str:
    import difflib

    a = vorher.decode("utf-8", errors="replace").splitlines(keepends=True)
    b = nachher.decode("utf-8", errors="replace").splitlines(keepends=True)
    return "".join(difflib.unified_diff(a, b, f"a/{name}", f"b/{name}"))


def neuer_stand(ctx: Kontext) -> str:
    from ..kern import bericht
    from ..render import text

    return "Neuer Stand: " + text.kopfzeile(bericht.status(lade(ctx), heute()).gesamt) + "."
