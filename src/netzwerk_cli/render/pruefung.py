"""``netz validate``: Befunde und Prüfpunkte – als Text, JSON, CSV, Markdown und GitHub-Workflow-Befehle.

Befunde zitieren Daten aus fremden Pull-Requests: im Terminal durch :func:`~.sicher.sichtbar`,
in CSV durch :func:`~.sicher.csv_zelle`, in Workflow-Befehlen nach GitHubs Regeln kodiert.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from rich.console import Console as Konsole
from rich.text import Text

from ..kern.befund import Problem
from ..kern.zahlen import anzahl, spanne
from ..pruefen import Pruefbericht, PruefErgebnis
from ..pruefen.codes import titel
from .bausteine import als_csv, md_eigene, problem_daten, quelle_daten, zaehlung_der_quelle
from .konsole import konsole as _konsole
from .sicher import markdown_code as _code
from .sicher import markdown_zelle as _zelle
from .sicher import sichtbar
from .sicher import sichtbar as _s

if TYPE_CHECKING:
    from ..pruefen import Pruefbericht, PruefErgebnis


def zusammenfassung(b: Pruefbericht) -> str:
    p = b.pruefung
    n_reg, n_ver = p.dateien.get("regionen", 0), p.dateien.get("vertraege", 0)
    text = (
        f"{anzahl(n_reg, 'Regionsdatei', 'Regionsdateien')}, "
        f"{anzahl(n_ver, 'Vertragsdatei', 'Vertragsdateien')} geprüft: "
        f"{p.fehler} Fehler, {anzahl(p.warnungen, 'Warnung', 'Warnungen')}"
    )
    if p.warnungen:
        # was --strict bedeutet, steht dort, wo es wirkt (CI ruft validate ohne --strict auf)
        eine = p.warnungen == 1
        if b.streng:
            text += " (--strict: zählt wie ein Fehler)" if eine else " (--strict: zählen wie Fehler)"
        else:
            text += f" ({'ändert' if eine else 'ändern'} den Exit-Code nur mit --strict)"
    geprueft = [e for e in p.pruefpunkte if e.geprueft]
    if p.pruefpunkte:
        text += f"; Prüfpunkte: {sum(bool(e.erfuellt) for e in geprueft)} von {len(geprueft)} erfüllt"
        if len(geprueft) < len(p.pruefpunkte):
            text += f", {len(p.pruefpunkte) - len(geprueft)} bewusst nicht geprüft"
    elif p.fehler:
        text += "; Prüfpunkte erst nach Behebung der Fehler"
    if p.ausgeblendete_fehler:
        n = p.ausgeblendete_fehler
        andere = f"{n} Fehler in anderen Dateien (netz validate ohne PFAD zeigt sie)"
        # „Prüfpunkte erst nach …“ steht schon da, wenn auch gezeigte Fehler sie verhindern
        if p.fehler and not p.pruefpunkte:
            text += f"; dazu {andere}"
        else:
            text += f"; Prüfpunkte nicht geprüft: {andere}"
    return text + "."


def text(b: Pruefbericht, con: Konsole) -> None:
    """Befunde mit Quelltextzeile auf stdout, danach die Zusammenfassung (auf stderr bei Befunden)."""
    probleme(b.pruefung.probleme, con, auszuege=b.auszuege)
    ende = _konsole(fehler=bool(b.pruefung.probleme))
    ende.print(("✓ " if b.gueltig else "✗ ") + zusammenfassung(b))


def probleme(
    liste_: Sequence[Problem], con: Konsole, auszuege: Mapping[tuple[str, int], str] | None = None
) -> None:
    """Je Befund eine Zeile ``pfad:zeile:spalte: Fehler CODE Meldung`` (für Editoren greifbar).

    Mit ``auszuege`` gruppiert nach Datei, darunter die betroffene Zeile mit
    einem ``^`` unter der Spalte, dann der Hinweis.
    """
    vorige = None
    for p in liste_:
        if auszuege is not None and vorige is not None and p.datei != vorige:
            con.print()
        vorige = p.datei
        art = "Fehler" if p.ist_fehler else "Warnung"
        stil = "red" if p.ist_fehler else "yellow"
        zeile = Text(f"{_s(p.datei)}:{p.zeile}:{p.spalte}: ")
        zeile.append(f"{art} {_s(p.code)}", style=stil)
        zeile.append(f" {_s(p.meldung)}")
        # an Wortgrenzen umbrochen: „pfad:zeile:spalte:“ bleibt vorn und ganz (Editoren greifen es)
        con.print(zeile)
        if auszuege is not None and (ausschnitt := _ausschnitt(p, auszuege.get((p.datei, p.zeile)))):
            # die Quelltextzeile nie umbrechen: das ^ muss unter der Spalte stehen
            con.print(Text(ausschnitt, style="dim"), soft_wrap=True)
        if p.hinweis:
            # „Text:  befehl“ – was nach zwei Leerzeichen folgt, ist zum Kopieren (ein Befehl,
            # die berichtigte Zeile): eigene Zeile, nie umbrochen
            text, _, kopie = p.hinweis.partition(":  ")
            con.print(Text(f"    Hinweis: {_s(text)}" + (":" if kopie else ""), style="dim"))
            if kopie:
                con.print(Text(f"      {_s(kopie)}", style="dim"), soft_wrap=True)


def _ausschnitt(p: Problem, text: str | None) -> str | None:
    """Die Zeile ``p.zeile`` (aus den schon gelesenen Bytes) und ein ``^`` unter ``p.spalte``."""
    if text is None:
        return None
    # Tabulatoren als ein Zeichen anzeigen, damit das ^ unter der richtigen Stelle steht
    text = text.replace("\t", "→")
    spalte = min(max(p.spalte, 1), len(text) + 1)
    # Die Zeile ist roher Dateiinhalt – oft gerade das Zeichen, das der Befund meldet. Sichtbar
    # gemacht wird sie länger; das ^ rückt um die Ersatztexte links von der Spalte mit.
    davor = len(_s(text[: spalte - 1]))
    rand = f"{p.zeile:>6} | "
    return f"{rand}{_s(text)}\n{' ' * (len(rand) - 2)}| {' ' * davor}^"


def pruefpunkte(ergebnisse: Sequence[PruefErgebnis], con: Konsole) -> None:
    for e in ergebnisse:
        p = e.punkt
        soll = zaehlung_der_quelle(p)
        if p.regionen is not None and soll[0].isdigit() and "genannt" not in soll:
            soll += f", {len(p.regionen)} genannt{' (vollständig)' if p.vollstaendig else ''}"
        elif p.vollstaendig:
            soll += " (vollständig)"
        if p.ohne:
            soll += f", {len(p.ohne)} ohne"
        wann = _s(p.datum.deutsch()) if p.datum else "undatiert"
        gebiet = f" (RB {_s(p.regierungsbezirk)})" if p.regierungsbezirk else ""
        if not e.geprueft:
            con.print(
                Text(f"  – {wann}: {soll}{gebiet} – nicht geprüft: {_s(p.bemerkung or '')}", style="dim")
            )
            continue
        zeichen, stil = ("✓", "green") if e.erfuellt else ("✗", "red")
        assert e.sicher is not None and e.moeglich is not None
        con.print(
            Text.assemble(
                (f"  {zeichen} ", stil),
                f"{wann}: {soll}{gebiet} – Daten: {spanne(e.sicher)} sicher, {spanne(e.moeglich)} möglich",
            )
        )


def pruefergebnis(e: PruefErgebnis) -> dict[str, Any]:
    p = e.punkt
    return {
        "zeile": e.zeile,
        "datum": p.datum.text if p.datum else None,
        "regierungsbezirk": p.regierungsbezirk,
        "anzahl": p.anzahl,
        "mindestens": p.mindestens,
        "hoechstens": p.hoechstens,
        "regionen": list(p.regionen) if p.regionen is not None else None,
        "vollstaendig": p.vollstaendig,
        "ohne": list(p.ohne),
        "quelle": quelle_daten(p.quelle),
        "geprueft": e.geprueft,
        "erfuellt": e.erfuellt,
        "sicher": list(e.sicher) if e.sicher else None,
        "moeglich": list(e.moeglich) if e.moeglich else None,
    }


def daten(b: Pruefbericht) -> dict[str, Any]:
    p = b.pruefung
    return {
        "gueltig": b.gueltig,
        "fehler": p.fehler,
        "warnungen": p.warnungen,
        "dateien": p.dateien,
        "pruefpunkte_geprueft": p.pruefpunkte_geprueft,
        "ausgeblendete_fehler": p.ausgeblendete_fehler,
        "probleme": [problem_daten(x) for x in p.probleme],
        "pruefpunkte": [pruefergebnis(e) for e in p.pruefpunkte],
    }


def csv_text(b: Pruefbericht) -> str:
    return als_csv(
        ("datei", "zeile", "spalte", "code", "schwere", "titel", "meldung", "hinweis"),
        (
            [p.datei, p.zeile, p.spalte, p.code, p.schwere.value, titel(p.code), p.meldung, p.hinweis]
            for p in b.pruefung.probleme
        ),
    )


def _gh_daten(text: str) -> str:
    """Text eines Workflow-Befehls: GitHub trennt Befehle an Zeilenenden, darum sind ``\\r`` und
    ``\\n`` kodiert (wie ``%`` selbst). Die Aufrufer machen Daten vorher sichtbar; übrig bleiben
    hier nur netz' eigene Umbrüche."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_wert(text: str) -> str:
    """Wert einer Eigenschaft (``file=…,title=…``): dazu ``:`` und ``,``, die sie sonst beenden."""
    return _gh_daten(text).replace(":", "%3A").replace(",", "%2C")


def github(b: Pruefbericht) -> tuple[str, str]:
    """GitHub-Workflow-Befehle ``::error file=…,line=…,col=…,title=…::Meldung`` (stdout) und die
    Zusammenfassung (stderr)."""
    zeilen = []
    for p in b.pruefung.probleme:
        stufe = "error" if p.ist_fehler else "warning"
        # Meldung und Hinweis sind je eine Zeile; der Umbruch dazwischen ist der von netz
        meldung = sichtbar(p.meldung) + (f"\n{sichtbar(p.hinweis)}" if p.hinweis else "")
        zeilen.append(
            f"::{stufe} file={_gh_wert(sichtbar(p.datei))},line={p.zeile},col={p.spalte},"
            f"title={_gh_wert(sichtbar(f'{p.code} {titel(p.code)}'))}::{_gh_daten(meldung)}\n"
        )
    return "".join(zeilen), zusammenfassung(b)


def markdown(b: Pruefbericht) -> str:
    zeilen = ["## netz validate", "", ("✅ " if b.gueltig else "❌ ") + zusammenfassung(b), ""]
    if b.pruefung.probleme:
        zeilen += ["| Datei | Zeile | Schwere | Code | Meldung | Hinweis |", "|---|---:|---|---|---|---|"]
        for p in b.pruefung.probleme:
            schwere = "Fehler" if p.ist_fehler else "Warnung"
            zeilen.append(
                f"| {_code(p.datei)} | {p.zeile} | {schwere} | {_zelle(p.code)} {md_eigene(titel(p.code))} "
                f"| {_zelle(p.meldung)} | {_zelle(p.hinweis)} |"
            )
        zeilen.append("")
    return "\n".join(zeilen) + "\n"
