"""Was alle Befehle teilen: Datenordner, Stichtag, Laden, Formate, Ausgabe."""

from __future__ import annotations

import errno
import os
from datetime import date
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, Optional

import typer

from ..kern.fehler import Exit, NetzFehler

if TYPE_CHECKING:
    from rich.console import Console

    from ..kern.befund import Problem
    from ..kern.bestand import Datenbestand


# Tage nimmt netz so, wie Menschen sie tippen (kern.datum.eingabe_tag)
AsOf = Annotated[
    Optional[str],  # noqa: UP045 - Typer wertet die Annotation zur Laufzeit aus
    typer.Option(
        "--as-of", metavar="DATUM", help="Stichtag, z. B. 06.05.2010 oder 2010-05-06 (Vorgabe: heute)."
    ),
]

Rev = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(
        "--rev",
        metavar="REVISION",
        help="Die Daten, wie sie in dieser git-Revision stehen (Zweig, Tag, HEAD~3 …) – "
        "ohne Checkout, Arbeitsbaum und Index bleiben unberührt; braucht git.",
    ),
]


def formatwahl(art: str) -> type[Enum]:
    """Die --format-Auswahl einer Berichtsart, aus der Tabelle der Renderer."""
    from ..render import formate_fuer

    return Enum(f"Format_{art}", {f: f for f in formate_fuer(art)}, type=str)  # type: ignore[return-value]  # Enum mit Werten erst zur Laufzeit


def format_option(hilfe: str = "Ausgabeformat.") -> Any:
    return typer.Option("--format", "-f", help=hilfe)


class Kontext:
    """Was die globalen Optionen festlegen."""

    def __init__(self, daten: str | None) -> None:
        self.daten = daten  # --data oder NETZ_DATA

    def wurzel(self) -> Path:
        from ..daten.ordner import finde_datenordner

        return finde_datenordner(self.daten)


def heute() -> date:
    """Heute; ``NETZ_HEUTE=JJJJ-MM-TT`` legt den Tag fest (für Tests und Nachvollzug)."""
    wert = os.environ.get("NETZ_HEUTE")
    if wert:
        from ..kern.datum import DatumFehler, tag

        try:
            return tag(wert)
        except DatumFehler as e:
            raise NetzFehler(f"NETZ_HEUTE: {e}", code=Exit.AUFRUF) from None
    return date.today()


def stichtag_option(wert: str | None, option: str = "--as-of") -> date | None:
    """Ein Tag aus einer Option: 06.05.2010, 6.5.2010, 2010-05-06 oder „heute“; sonst
    Aufruffehler (Exit 2)."""
    if wert is None:
        return None
    from ..kern.datum import DatumFehler, eingabe_tag

    try:
        tag = eingabe_tag(wert, heute())
    except DatumFehler as e:
        raise typer.BadParameter(str(e), param_hint=option) from None
    if option in ("--as-of", "--to") and tag > heute():
        _zukunft(tag, option)
    return tag


def _zukunft(tag: date, option: str) -> NoReturn:
    """Ein Stichtag nach heute: die Daten wissen nur, was bis heute belegt ist – ein Stand
    2030 wäre eine Hochrechnung, die aussähe wie eine Zählung."""
    from ..kern.datum import deutsch_tag

    jetzt = deutsch_tag(heute())
    raise typer.BadParameter(
        f"{deutsch_tag(tag)} liegt in der Zukunft – ohne Hochrechnung gibt es dafür keinen Stand. "
        f"Ein Stichtag bis heute ({jetzt}), z. B. {option} {jetzt}",
        param_hint=option,
    )


def konsole(fehler: bool = False) -> Console:
    from ..render.konsole import konsole as k

    return k(fehler)


def ausgeben(text: str) -> None:
    """Maschinenlesbares auf stdout, ohne Umbrüche oder Farben."""
    typer.echo(text, nl=False)


def darstellen(art: str, format: Enum | str, bericht: object, befehl: str) -> None:
    from ..render import darstellen as d

    d(art, format.value if isinstance(format, Enum) else format, bericht, befehl, ausgeben)


def lies(ctx: Kontext, rev: str | None, fortschritt: Any = None) -> Datenbestand:
    """Der Datenbestand aus dem Arbeitsbaum oder – mit ``rev`` – aus dieser git-Revision;
    beide Wege prüfen jede Datei nach denselben Regeln."""
    wurzel = ctx.wurzel()
    if rev is None:
        from ..daten.laden import lade_datenbestand

        return lade_datenbestand(wurzel, fortschritt)
    from ..daten import git
    from ..daten.laden import lade_datenbestand

    repo = git.repo_fuer(wurzel)
    return lade_datenbestand(git.Revision(repo, git.commit(repo, rev)))


def lade(ctx: Kontext, rev: str | None = None, region: str | None = None) -> Datenbestand:
    """Lädt und prüft die Daten (ohne Prüfpunkte); bei Fehlern: Befunde und Exit 1.

    Mit ``region`` (ein Befehl über eine Region: show, add, end, continue, conference) genügt
    es, dass deren Dateien gültig sind: Fehler anderswo nennt eine Warnung, der Befehl läuft.
    Befehle über alle Regionen (status, list, report …) rechnen nur auf fehlerfreien Daten.
    Was ein schreibender Befehl zusätzlich duldet (``netz source add`` behebt NZ601), sagt sein
    ``Vorhaben`` in ``aendern.transaktion``.
    """
    from ..pruefen.teildaten import verlange_gueltig

    bestand = lies(ctx, rev)
    if region is not None:
        warne_geduldet(bestand, verlange_gueltig(bestand, heute(), region), region)
    else:
        verlange_gueltig(bestand, heute())
    return bestand


def lade_mit_fehlern(ctx: Kontext, rev: str | None = None) -> tuple[Datenbestand, list[Problem]]:
    """Der Datenbestand und seine Fehler (ohne Prüfpunkte) – für die Rückfrage nach der Region,
    die erst nach der Antwort entscheiden kann, was sie duldet."""
    from ..pruefen.teildaten import fehler_von

    bestand = lies(ctx, rev)
    return bestand, fehler_von(bestand, heute())


# Warnungen über geduldete Fehler: einmal je Aufruf, auch wenn ein schreibender Befehl mehrmals lädt
_GEWARNT: set[frozenset[str]] = set()


def nur_andere_regionen(bestand: Datenbestand, fehler: list[Problem], eingabe: str) -> None:
    """Teildaten für einen Befehl über eine Region (entschieden in :mod:`..pruefen.teildaten`);
    geduldete Fehler anderer Dateien nennt eine Warnung auf stderr."""
    from ..pruefen.teildaten import nur_andere_regionen as entscheide

    warne_geduldet(bestand, entscheide(bestand, fehler, eingabe), eingabe)


def warne_geduldet(bestand: Datenbestand, dateien: list[str], eingabe: str) -> None:
    """Einmal je Aufruf: welche Dateien mit Fehlern der Befehl über die Region hinnimmt."""
    if not dateien or frozenset(dateien) in _GEWARNT:
        return
    _GEWARNT.add(frozenset(dateien))
    from ..kern.namen import region_finden
    from ..kern.zahlen import anzahl
    from ..render.sicher import sichtbar

    r = region_finden(eingabe, [d.modell for d in bestand.regionen], bestand.gemeinden)
    konsole(fehler=True).print(
        f"Warnung: {anzahl(len(dateien), 'Datei', 'Dateien')} mit Fehlern, hier nicht berücksichtigt: "
        + ", ".join(sichtbar(d) for d in dateien)
        # „Kreis Wesel betrifft sie nicht“: das Verb richtet sich nach den Dateien, nicht der Region
        + f". {sichtbar(r.bezeichnung)} {'betrifft' if len(dateien) == 1 else 'betreffen'} sie nicht; "
        "„netz validate“ zeigt die Befunde.",
        markup=False,
    )


def schreibe_text(pfad: Path, text: str) -> None:
    """Eine Ausgabedatei (Bericht, Bild) schreiben; die Fehler der Welt als Meldung mit Exit-Code."""
    schreibe_bytes(pfad, text.encode("utf-8"))


def schreibe_bytes(pfad: Path, inhalt: bytes) -> None:
    from ..daten.schreiben import schreibe_datei
    from ..kern.fehler import Exit, os_fehler

    try:
        schreibe_datei(pfad, inhalt)
    except OSError as e:
        code = Exit.UMGEBUNG if e.errno in UMGEBUNG_FEHLER else Exit.DATEN
        grund = f"den Ordner {pfad.parent} gibt es nicht" if e.errno == errno.ENOENT else os_fehler(e)
        raise NetzFehler(f"{pfad} lässt sich nicht schreiben: {grund}.", code=code) from None


# Fehler, bei denen sich die Umgebung verweigert (Exit 4) – nicht die Angabe des Nutzers
_NAMEN = ("ENOSPC", "EROFS", "EACCES", "EPERM", "EDQUOT", "EIO")
UMGEBUNG_FEHLER = {getattr(errno, name) for name in _NAMEN if hasattr(errno, name)}
