"""Die Tabelle der Befund-Codes: Titel und Schwere je Code, und die Fabrik :func:`problem`.

Die Codes sind stabil und in docs/befunde.md dokumentiert; ein Code wird nie für eine
andere Bedeutung wiederverwendet.
"""

from __future__ import annotations

from ..kern.befund import Problem, Schwere

#: Größte Datei, die netz liest und prüft: eine Region- oder Vertragsdatei hat wenige Zeilen.
MAX_BYTES = 1024 * 1024
#: Höchstens so viele Befunde je Datei; der Rest wird gezählt (eine kaputte Datei soll weder
#: die Ausgabe fluten noch die Prüfung aufhalten).
MAX_BEFUNDE = 50

# Code -> (Kurztitel, Schwere). Die Reihenfolge ist die der Tabelle in docs/befunde.md.
CODES: dict[str, tuple[str, Schwere]] = {
    # Datei und YAML
    "NZ100": ("Datei nicht lesbar", Schwere.FEHLER),
    "NZ101": ("doppelter Schlüssel", Schwere.FEHLER),
    "NZ102": ("Datei zu groß", Schwere.FEHLER),
    "NZ103": ("kein UTF-8", Schwere.FEHLER),
    "NZ104": ("leere Datei", Schwere.FEHLER),
    "NZ105": ("YAML-Syntaxfehler", Schwere.FEHLER),
    "NZ106": ("keine Zuordnung", Schwere.FEHLER),
    "NZ107": ("Anker oder Alias", Schwere.FEHLER),
    "NZ108": ("Tag nicht erlaubt", Schwere.FEHLER),
    "NZ109": ("Schlüssel ist kein Text", Schwere.FEHLER),
    "NZ110": ("übrig gebliebene Temporärdatei", Schwere.WARNUNG),
    "NZ111": ("verwaiste Sperrdatei", Schwere.WARNUNG),
    "NZ112": ("keine reguläre Datei", Schwere.FEHLER),
    "NZ113": ("Datei wird nicht gelesen", Schwere.FEHLER),
    "NZ114": ("Unicode-Zeilenumbruch", Schwere.FEHLER),
    "NZ115": ("zu tief verschachtelt", Schwere.FEHLER),
    "NZ116": ("Steuer- oder Formatzeichen im Wert", Schwere.FEHLER),
    "NZ117": ("zu viele Einträge", Schwere.FEHLER),
    "NZ120": ("Gemeindeliste fehlerhaft", Schwere.FEHLER),
    "NZ199": ("weitere Befunde ausgelassen", Schwere.FEHLER),
    # Schema
    "NZ201": ("Pflichtfeld fehlt", Schwere.FEHLER),
    "NZ202": ("unbekannter Schlüssel", Schwere.FEHLER),
    "NZ203": ("falscher Typ", Schwere.FEHLER),
    "NZ204": ("ungültiger Wert", Schwere.FEHLER),
    # Datumsangaben
    "NZ301": ("ungültiges Datum", Schwere.FEHLER),
    "NZ302": ("Datum in der Zukunft", Schwere.FEHLER),
    "NZ303": ("Datum vor 2008", Schwere.FEHLER),
    "NZ304": ("Reihenfolge der Daten", Schwere.FEHLER),
    "NZ305": ("Grenze ohne Erklärung", Schwere.WARNUNG),
    # Dateiübergreifend
    "NZ401": ("Dateiname passt nicht zum Inhalt", Schwere.FEHLER),
    "NZ402": ("AGS doppelt", Schwere.FEHLER),
    "NZ403": ("Anzahl der Regionen", Schwere.FEHLER),
    "NZ404": ("unbekannte Region", Schwere.FEHLER),
    "NZ405": ("Verträge überschneiden sich", Schwere.FEHLER),
    "NZ406": ("Programmdatei fehlt", Schwere.FEHLER),
    # Prüfpunkte
    "NZ501": ("Prüfpunkt verfehlt", Schwere.FEHLER),
    "NZ502": ("genannte Region ohne Netzwerk", Schwere.FEHLER),
    "NZ503": ("Region fehlt in vollständiger Liste", Schwere.FEHLER),
    "NZ504": ("Region laut Quelle ohne Netzwerk", Schwere.FEHLER),
    "NZ505": ("Prüfpunkt an keinem Tag ganz erfüllt", Schwere.FEHLER),
    "NZ506": ("Prüfpunkt widersprüchlich", Schwere.FEHLER),
    "NZ507": ("Belege veraltet", Schwere.WARNUNG),
    # Quellen
    # ein Fehler, keine Warnung: jeder Vertrag behält die Adresse, auf der er beruht (die Regel
    # der Daten) – und lokal wie in CI gilt dasselbe Urteil
    "NZ601": ("Vertrag ohne Quelle", Schwere.FEHLER),
    "NZ602": ("Quelle ungültig", Schwere.FEHLER),
}


def problem(datei: str, zeile: int, code: str, meldung: str, hinweis: str = "", spalte: int = 1) -> Problem:
    if code not in CODES:  # ein Tippfehler im Code wäre sonst ein stiller Fehler
        raise KeyError(code)
    return Problem(datei, zeile, spalte, code, meldung, hinweis, CODES[code][1])


def titel(code: str) -> str:
    return CODES[code][0]


def begrenze(probleme: list[Problem], datei: str, weitere: int = 0) -> list[Problem]:
    """Höchstens :data:`MAX_BEFUNDE` Befunde einer Datei, dann einer, der den Rest zählt."""
    weitere += max(0, len(probleme) - MAX_BEFUNDE)
    if not weitere:
        return probleme
    zahl = f"{weitere:,}".replace(",", ".")
    rest = problem(
        datei,
        probleme[MAX_BEFUNDE - 1].zeile if probleme else 1,
        "NZ199",
        f"… und {zahl} {'weiterer Befund' if weitere == 1 else 'weitere Befunde'} in dieser Datei",
        "Erst die gezeigten beheben; oft verschwinden die übrigen mit ihnen.",
    )
    return [*probleme[:MAX_BEFUNDE], rest]
