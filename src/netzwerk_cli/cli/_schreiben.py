"""Der gemeinsame Ablauf aller schreibenden Befehle (add, end, continue, conference).

1. fehlende Angaben am Terminal erfragen (sonst Aufruffehler),
2. Vorschau zeigen und bestätigen lassen (an jedem Terminal) oder ``--dry-run``,
3. die Schreibtransaktion in :mod:`..aendern.transaktion`: unter der Sperre neu lesen,
   prüfen, atomar schreiben, zurücklesen,
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

from ..kern.fehler import Exit, NetzFehler, Verzichtet
from ._basis import (
    Kontext,
    heute,
    konsole,
    lade,
    lade_mit_fehlern,
    nur_andere_regionen,
    stichtag_option,
    warne_geduldet,
)

if TYPE_CHECKING:
    from ..aendern.transaktion import Vorhaben
    from ..kern.bestand import Datenbestand
    from ..kern.datum import Zeitangabe
    from ..kern.modelle import Region

E = TypeVar("E")

REGION_HILFE = (
    "AGS oder Name, z. B. 05170, Wesel, Kreis Wesel (mehrere Wörter ohne Anführungszeichen). "
    "Am Terminal wird sonst gefragt."
)
# Ein Aufruf, der nur am Terminal nachfragt, nennt in Skripten diesen Weg
BEISPIEL = "Beispiel: netz add Kreis Wesel --date 20.11.2026 --source https://www.kreis-wesel.de/…"


def ist_terminal() -> bool:
    """Nur am Terminal wird gefragt; in Skripten und CI fehlt eine Angabe = Aufruffehler."""
    return sys.stdin.isatty() and sys.stdout.isatty()


def region_text(teile: list[str] | None) -> str | None:
    """REGION darf aus mehreren Wörtern bestehen („Kreis Wesel“ ohne Anführungszeichen)."""
    text = " ".join(teile or []).strip()
    return text or None


def ohne_terminal(region: str | None, fehlt: list[tuple[object, str]]) -> None:
    """Ohne Terminal fragt netz nicht: was fehlt, ist ein Aufruffehler (vor jedem Laden)."""
    if ist_terminal():
        return
    if region is None:
        raise NetzFehler("REGION fehlt (ohne Terminal wird nicht nachgefragt).", BEISPIEL, Exit.AUFRUF)
    for wert, option in fehlt:
        if wert is None:
            raise NetzFehler(f"{option} fehlt (ohne Terminal wird nicht nachgefragt).", BEISPIEL, Exit.AUFRUF)


def region_namen(ordner: Path | None = None) -> list[str]:
    """Kurznamen aller Regionen aus den Dateinamen (schnell, ohne YAML zu lesen)."""
    return [slug for _, slug in _dateinamen(ordner)]


def _dateinamen(ordner: Path | None = None) -> list[tuple[str, str]]:
    """(AGS, Kurzname) aller Regionen aus den Dateinamen „05170-wesel.yaml“."""
    from ..daten.ordner import REGIONEN, finde_datenordner, umgebung

    try:
        wurzel = ordner or finde_datenordner(umgebung())
        namen = os.listdir(wurzel / REGIONEN)
    except (NetzFehler, OSError):
        return []
    dateien = [n[:-5] for n in namen if n.endswith(".yaml") and "-" in n and n[:5].isdigit()]
    return sorted((n[:5], n.split("-", 1)[1]) for n in dateien)


def _formen() -> list[str]:
    """Was die Shell als REGION anbieten kann: echte Namen mit Bindestrich statt Leerzeichen
    („Mülheim-an-der-Ruhr“, „Kreis-Wesel“ – ein Wort für die Shell, netz liest es wie mit
    Leerzeichen) und die Schlüssel; ohne lesbare Daten die Kurznamen der Dateinamen."""
    from ..daten.laden import lade_datenbestand
    from ..daten.ordner import finde_datenordner, umgebung

    try:
        bestand = lade_datenbestand(finde_datenordner(umgebung()))
        regionen = [d.modell for d in bestand.regionen]
        namen = {x.replace(" ", "-") for r in regionen for x in (r.name, r.bezeichnung)}
        return sorted(namen | {r.ags for r in regionen}, key=str.casefold)
    except Exception:  # Vervollständigung darf nie mit einem Traceback enden
        return sorted({x for paar in _dateinamen() for x in paar})


def vervollstaendige_region(unvollstaendig: str) -> list[str]:
    """Shell-Vervollständigung für REGION (``netz --install-completion``), für jeden Befehl mit
    REGION. Typer behält nur Vorschläge, die buchstäblich mit der Eingabe beginnen; darum
    beginnt jeder Vorschlag mit dem Getippten und setzt den echten Namen fort: „mul“ wird
    „mulheim-an-der-Ruhr“, „538“ wird „5382“ – netz liest beides (ohne Umlaut, ohne Null)."""
    from ..kern.namen import grob

    u = unvollstaendig
    n = len(u)
    out: list[str] = []
    for form in _formen():
        # der Schlüssel auch ohne führende Null (aus Tabellen): „5315“ ist 05315
        for f in (form, form[1:]) if form.isdigit() else (form,):
            if len(f) >= n and grob(f[:n]) == grob(u) and (k := u + f[n:]) not in out:
                out.append(k)
    return out


def sage(text: str) -> None:
    """Eine Rückfrage oder Antwort am Terminal (Eingaben des Nutzers sichtbar gemacht)."""
    from rich.text import Text

    from ..render.sicher import sichtbar

    konsole(fehler=True).print(Text(sichtbar(text)))


def frage_region(
    ctx: Kontext,
    wert: str | None,
    gefragt: bool,
    vorab: Callable[[Datenbestand, Region], None] | None = None,
) -> str:
    """Die Region – am Terminal zuerst erfragt und sofort geprüft.

    Wird etwas gefragt, löst netz die Region gleich auf, nennt sie („Region: Kreis Wesel
    (05170)“) und prüft mit ``vorab``, ob die Aktion überhaupt möglich ist – bevor der
    Nutzer Datum und Quelle eintippt. Eine unbekannte Antwort wird neu erfragt.
    Gibt die AGS zurück (oder ohne Rückfrage die Eingabe, geprüft wird dann später).
    """
    if not gefragt:
        assert wert is not None
        return wert
    from ..kern.namen import finde_region, region_finden
    from ..render.sicher import sichtbar

    if wert is not None:
        bestand = lade(ctx, region=wert)
    else:
        # Teildaten: ob Fehler anderer Dateien hinnehmbar sind, zeigt erst die gewählte Region
        bestand, fehler = lade_mit_fehlern(ctx)
    regionen = [d.modell for d in bestand.regionen]
    if wert is not None:
        r = region_finden(wert, regionen, bestand.gemeinden)  # von der Kommandozeile: bleibt ein Fehler
    else:
        _readline_vervollstaendigung(
            sorted({x for r in regionen for x in (r.name, r.bezeichnung, r.ags)}, key=str.casefold)
        )
        while True:
            eingabe = str(typer.prompt("Region (AGS oder Name, Tab vervollständigt)")).strip()
            t = finde_region(eingabe, regionen, bestand.gemeinden) if eingabe else None
            if t is not None and t.region is None and len(t.kandidaten) == 1 and not t.mehrdeutig:
                # genau ein Vorschlag: mit J angenommen statt neu getippt
                k = t.kandidaten[0]
                grund = t.grund or f"„{eingabe}“ ist unbekannt."
                # erst der Satz (an Wortgrenzen umbrochen), dann die kurze Frage
                sage(f"{grund} Meinten Sie: {k.bezeichnung} ({k.ags})?")
                if frage_ja("Übernehmen?"):
                    r = k
                    break
                continue
            try:
                r = region_finden(eingabe, regionen, bestand.gemeinden)
                break
            except NetzFehler as e:
                sage(f"{e.meldung} {e.hinweis}".strip() if eingabe else "Bitte eine Region angeben.")
        if fehler:
            nur_andere_regionen(bestand, fehler, r.ags)
    konsole().print(f"Region: {sichtbar(r.bezeichnung)} ({sichtbar(r.ags)})")
    if vorab is not None:
        from ..aendern.transaktion import nichts_geschrieben

        nichts_geschrieben(lambda b: vorab(b, r), bestand)
    return r.ags


def frage_datum(
    wert: str | None, option: str, text: str, pruefe: Callable[[date], None] | None = None
) -> date:
    """Ein Tag von der Kommandozeile oder erfragt (06.05.2010, 2010-05-06, heute; leer = heute).
    Eine falsche Antwort wird mit Begründung neu erfragt."""
    if wert is not None:
        d = stichtag_option(wert, option)
        assert d is not None
        return d
    from ..kern.datum import DatumFehler, deutsch_tag, eingabe_tag

    while True:
        eingabe = str(typer.prompt(f"{text} (TT.MM.JJJJ)", default=deutsch_tag(heute())))
        try:
            d = eingabe_tag(eingabe, heute())
            if pruefe is not None:
                pruefe(d)
            return d
        except DatumFehler as e:
            sage(_ungenau_hier_nicht(eingabe) or f"{e}.")
        except NetzFehler as e:
            sage(f"{e.meldung} {e.hinweis}".strip())


def _ungenau_hier_nicht(eingabe: str) -> str | None:
    """Eine ungenaue Angabe, wo ein genauer Tag nötig ist (das Ende, ein Beschluss): sagen, wie
    netz sie läse und wohin sie gehört – statt „kein Datum“."""
    from ..kern.datum import DatumFehler, eingabe_zeitangabe, vorlesen

    try:
        z = eingabe_zeitangabe(eingabe, heute())
    except DatumFehler:
        return None
    return (
        f"„{eingabe.strip()}“ hieße {vorlesen(z)}; hier ist ein genauer Tag nötig (TT.MM.JJJJ). "
        f"Ungenau trägt man es von Hand in die Datei ein („{z.text}“), dann „netz validate“."
    )


def frage_zeitangabe(
    wert: str | None, option: str, text: str, pruefe: Callable[[Zeitangabe], object] | None = None
) -> Zeitangabe:
    """Ein Datum, genau oder ungenau („11.2026“, „2009“, „spätestens 06.05.2010“, dazu alle
    Schreibweisen der Dateien) – von der Kommandozeile (sonst Aufruffehler) oder erfragt, sofort
    mit ``pruefe`` geprüft und so zurückgesagt, wie netz es liest („irgendwann im November 2026“)."""
    from ..kern.datum import DatumFehler, deutsch_tag, eingabe_zeitangabe, vorlesen

    if wert is not None:
        try:
            return eingabe_zeitangabe(wert, heute())
        except DatumFehler as e:
            raise typer.BadParameter(str(e), param_hint=option) from None
    while True:
        eingabe = str(typer.prompt(f"{text} (TT.MM.JJJJ, ungenau: 11.2026)", default=deutsch_tag(heute())))
        try:
            z = eingabe_zeitangabe(eingabe, heute())
            if pruefe is not None:
                pruefe(z)
        except DatumFehler as e:
            sage(f"{e}.")
            continue
        except NetzFehler as e:
            sage(f"{e.meldung} {e.hinweis}".strip())
            continue
        sage(f"Gelesen: {vorlesen(z)}.")
        return z


def frage_quellen(quellen: list[str] | None, gefragt: bool, pflicht: bool = False) -> list[str]:
    """Die Quellen von der Kommandozeile oder erfragt; mit ``pflicht`` (ein Vertrag, NZ601)
    wird eine leere Antwort neu erfragt."""
    if quellen or not gefragt:
        return list(quellen or [])
    frage = (
        "Quelle (Webadresse, auf der die Angabe beruht)"
        if pflicht
        else "Quelle (Webadresse, leer lassen, wenn keine)"
    )
    while True:
        q = str(typer.prompt(frage, default="", show_default=False)).strip()
        if not q and pflicht:
            sage("Ohne Quelle trägt netz keinen Vertrag ein (NZ601). Strg+C bricht ab.")
            continue
        if not q:
            return []
        try:
            return pruefe_quellen([q])
        except typer.BadParameter as e:
            vorschlag = _webadresse_vorschlag(q)
            if vorschlag is not None:
                # der Vorschlag mit J angenommen, statt die Adresse neu zu tippen
                # der Satz umbrochen wie jede Ausgabe (die Adresse bleibt ganz), dann die Frage
                sage(f"„{q}“ ist keine Webadresse. Meinten Sie: {vorschlag}?")
                if frage_ja("Übernehmen?"):
                    return pruefe_quellen([vorschlag])
                continue
            sage(_satz(e.message))


def _satz(text: str) -> str:
    """Ein Satzende – aber kein „?.“ nach einer Frage."""
    return text if text.endswith(("?", ".", "!")) else text + "."


def _webadresse_vorschlag(q: str) -> str | None:
    """„www.kreis-wesel.de/…“ aus der Adresszeile kopiert (der Browser zeigt das Schema nicht)."""
    from ..kern.webadresse import ist_webadresse

    if not ist_webadresse(q) and ist_webadresse(f"https://{q}") and "." in q.split("/", 1)[0]:
        return f"https://{q}"
    return None


def frage_text(wert: str | None, option: str, frage: str | None) -> str | None:
    """Ein freier Text (Grund, Bemerkung): von der Kommandozeile geprüft, oder mit ``frage``
    erfragt (leer = keiner); unsichtbare Zeichen werden neu erfragt."""
    if wert is not None or frage is None:
        return pruefe_text(wert, option)
    while True:
        t = str(typer.prompt(frage, default="", show_default=False)).strip()
        try:
            return pruefe_text(t, option) or None
        except typer.BadParameter as e:
            sage(_satz(e.message))


JA = ("j", "ja", "y", "yes")  # y/yes nimmt netz still mit: Finger, die Englisch gewohnt sind
NEIN = ("n", "nein", "no")


def frage_ja(frage: str, vorgabe: bool = True) -> bool:
    """Eine Ja/Nein-Frage auf Deutsch: [J/n], j/ja/n/nein; sonst neu gefragt."""
    while True:
        antwort = str(
            typer.prompt(f"{frage} [{'J/n' if vorgabe else 'j/N'}]", default="", show_default=False)
        )
        a = antwort.strip().casefold()
        if not a:
            return vorgabe
        if a in JA:
            return True
        if a in NEIN:
            return False
        sage("Bitte „j“ (ja) oder „n“ (nein) eingeben.")


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
    from ..kern.webadresse import ist_webadresse, will_webadresse

    for q in quellen:
        pruefe_text(q, "--source")
        if not ist_webadresse(q):
            meldung = f"„{q}“ ist keine Webadresse (https://…)"
            if will_webadresse(q):  # dieselbe Regel wie validate und sources check
                meldung += (
                    "; nach https:// nur druckbare ASCII-Zeichen ohne Leerzeichen und "
                    "ohne \" ' < > \\ ` – ein ü als %C3%BC, wie der Browser die Adresse kopiert"
                )
            if (vorschlag := _webadresse_vorschlag(q)) is not None:
                meldung += f"; meinten Sie {vorschlag}?"
            raise typer.BadParameter(meldung, param_hint="--source")
    return quellen


# Wortgrenzen der Vervollständigung: nur Tabulator und Zeilenende. So gehören Bindestrich
# („Rhein-Sieg-Kreis“) und Leerzeichen („Kreis Wesel“) zum Namen, statt ihn zu zerteilen.
TRENNER = "\t\n"


def treffer(namen: list[str], text: str) -> list[str]:
    """Namen, die mit ``text`` beginnen – auch ohne Umlaute getippt („mul“ → „Mülheim …“)."""
    from ..kern.namen import grob

    g = grob(text)
    return [n for n in namen if grob(n).startswith(g)]


def _readline_vervollstaendigung(namen: list[str]) -> None:
    try:
        import readline
    except ImportError:  # pragma: no cover - Windows
        return

    def vervollstaendige(text: str, zustand: int) -> str | None:
        t = treffer(namen, text)
        return t[zustand] if zustand < len(t) else None

    readline.set_completer(vervollstaendige)
    readline.set_completer_delims(TRENNER)
    # libedit (macOS) versteht eine andere Schreibweise der Tastenbelegung
    if "libedit" in (readline.__doc__ or ""):  # pragma: no cover
        readline.parse_and_bind("bind ^I rl_complete")
    else:
        readline.parse_and_bind("tab: complete")


def ablauf(
    ctx: Kontext,
    vorhaben: Vorhaben[E],
    vorschau: Callable[[E], tuple[str, str]],
    erfolg: Callable[[E], str],
    dry_run: bool,
    bedenken: Callable[[E], bool] | None = None,
) -> None:
    """Ein schreibender Befehl am Terminal oder im Skript; siehe Moduldoku. Die Transaktion
    (Sperre, neu lesen, prüfen, schreiben, zurücklesen) ist :func:`aendern.transaktion.fuehre_aus`;
    hier bleiben Vorschau, Rückfrage und Ausgabe."""
    from ..aendern.transaktion import entwerfe, fuehre_aus

    out = konsole()
    wurzel = ctx.wurzel()
    # Am Terminal immer Vorschau und Frage – auch wenn jede Angabe auf der Kommandozeile stand
    # („netz add wesel --date 20.11.2026 --source …“ schrieb sonst ohne ein Wort); in Skripten
    # und CI schreiben die Befehle ohne Rückfrage.
    if dry_run or ist_terminal():
        geplant = entwerfe(wurzel, vorhaben, heute())
        _warne(geplant.bestand, geplant.geduldet, vorhaben)
        titel, text = vorschau(geplant.aenderung)
        out.print(titel)
        out.print(text, end="", soft_wrap=True)  # YAML und Diff nie umbrechen
        if dry_run:
            return
        # Gibt es Bedenken (ein ähnlicher Eintrag ist schon da), ist „nein“ die Vorgabe
        zweifel = bedenken is not None and bedenken(geplant.aenderung)
        if not frage_ja("Trotzdem speichern?" if zweifel else "Speichern?", vorgabe=not zweifel):
            raise Verzichtet
    fertig = fuehre_aus(wurzel, vorhaben, heute())
    _warne(fertig.bestand, fertig.geduldet, vorhaben)
    out.print(erfolg(fertig.aenderung))


def _warne(bestand: Datenbestand, geduldet: list[str], vorhaben: Vorhaben[E]) -> None:
    if vorhaben.region is not None:
        warne_geduldet(bestand, geduldet, vorhaben.region)


def diff(vorher: bytes, nachher: bytes, name: str) -> str:
    import difflib

    a = vorher.decode("utf-8", errors="replace").splitlines(keepends=True)
    b = nachher.decode("utf-8", errors="replace").splitlines(keepends=True)
    return "".join(difflib.unified_diff(a, b, f"a/{name}", f"b/{name}"))


def neuer_stand(ctx: Kontext) -> str:
    from ..kern import bericht
    from ..render.bausteine import kopfzeile

    try:
        bestand = lade(ctx)
    except NetzFehler:  # Teildaten: über alle Regionen lässt sich erst nach der Behebung zählen
        return "Neuer Stand: erst nach Behebung der fehlerhaften Dateien („netz validate“)."
    return "Neuer Stand: " + kopfzeile(bericht.status(bestand, heute()).gesamt) + "."
