"""Die Kommandozeile ``netz``: dünn – Angaben lesen, einen Anwendungsfall rufen, ausgeben.

:data:`BEFEHLE` ist die eine Tabelle der Befehle: Name -> ``modul:funktion``. ``main`` lädt
nur das Modul des aufgerufenen Befehls (Typer baute sonst bei jedem Start alle Befehle
samt Optionen); Hilfe und Vervollständigung laden alle, in der Reihenfolge der Tabelle.

Fehler werden genau hier gefangen: :class:`NetzFehler` mit seinem Exit-Code, Aufruffehler
mit 2, Strg+C mit 130, SIGTERM beim Schreiben mit 143 (128 + 15, wie die Shell es zählt),
Fehler der Umgebung (Datenträger voll, schreibgeschützt) mit 4, alles Unerwartete mit 3.
"""

from __future__ import annotations

import gc
import os
import signal
import sys
from collections.abc import Sequence
from typing import Any

import typer
from typer._click.exceptions import ClickException  # Typer bringt Click mit, nur so erreichbar

from ..kern.fehler import Exit, NetzFehler, os_fehler
from . import deutsch
from .app import app

__all__ = ["BEFEHLE", "alle_befehle", "app", "main"]

BEFEHLE: dict[str, str] = {
    "status": "status:status",
    "missing": "listen:missing",
    "list": "listen:liste",
    "show": "show:show",
    "timeline": "bilder:timeline",
    "map": "bilder:karte",
    "report": "bericht:report",
    "export": "export:export",
    "site": "site:site",
    "add": "add:add",
    "end": "lebenslauf:end",
    "continue": "lebenslauf:fortsetzen",
    "conference": "lebenslauf:conference",
    "offen": "offen:offen",
    "validate": "validate:validate",
    "diff": "diff:diff",
    "log": "log:log",
    "schema": "schema:schema",
    # eine Gruppe: ein typer.Typer statt einer Funktion (netz sources check)
    "sources": "sources:sources",
    "source": "quelle:source",
}
# Globale Optionen mit Wert (stehen vor dem Befehl)
_MIT_WERT = ("--data",)
_registriert: set[str] = set()


def _registriere(namen: Sequence[str]) -> None:
    for name in namen:
        if name in _registriert:
            continue
        modul, funktion = BEFEHLE[name].split(":")
        # __import__ statt importlib.import_module: so zeigt „python -X importtime“ das Modul an
        __import__(f"{__name__}.{modul}")
        f = getattr(sys.modules[f"{__name__}.{modul}"], funktion)
        if isinstance(f, typer.Typer):
            app.add_typer(f, name=name)
        else:
            # Die Zeile in „netz --help“: der erste Absatz der Doku als ein Satz (ein Zeilenumbruch
            # im Quelltext brach ihn sonst mitten im Satz), mit Beispielen aus docs/befehle.md
            kurz = " ".join((f.__doc__ or "").strip().split("\n\n")[0].split())
            app.command(name, cls=deutsch.DeutscherBefehl, short_help=kurz, epilog=beispiele(name))(f)
        _registriert.add(name)


# Zwei oder drei Beispiele je Befehl für --help – dieselben Aufrufe stehen in docs/befehle.md
# und laufen dort als Doku-Beispiele (tests/cli/test_hilfe.py prüft das).
BEISPIELE: dict[str, tuple[str, ...]] = {
    "status": ("netz status", "netz status --as-of 06.05.2010"),
    "missing": ("netz missing",),
    "list": ("netz list --bezirk Münster", "netz list --status mit --as-of 2010-05-06 --format markdown"),
    "show": ("netz show neuss",),
    "timeline": ("netz timeline",),
    "map": ("netz map", "netz map --svg karte.svg"),
    "report": ("netz report --html bericht.html",),
    "add": (
        "netz add wesel --date 20.11.2026 --source https://www.kreis-wesel.de/beispiel",
        "netz add wesel --date 20.11.2026 --source https://www.kreis-wesel.de/beispiel"
        ' --note "Unterzeichnung im Kreishaus"',
    ),
    "end": (
        "netz end viersen --date 31.01.2024 --reason Kündigung --source https://www.example.org/kuendigung",
    ),
    "continue": ("netz continue soest --date 10.07.2013 --source https://www.example.org/beschluss",),
    "conference": ('netz conference soest --date 2026-10-01 --note "Thema Ganztag"',),
    "validate": ("netz validate", "netz validate --fix"),
    "diff": ("netz diff main",),
}


def beispiele(name: str) -> str | None:
    zeilen = BEISPIELE.get(name)
    if not zeilen:
        return None
    # rich setzt den Epilog als Absatz: je Beispiel ein eigener Absatz, damit nichts zusammenläuft
    return "Beispiele:\n\n" + "\n\n".join(f"  {z}" for z in zeilen)


_gebaut: dict[frozenset[str], Any] = {}


def _klick_befehl() -> Any:
    """Der Click-Befehl der Anwendung, gebaut für die registrierten Befehle.

    ``app(...)`` baute ihn bei jedem Aufruf neu – je Befehl Signatur und Typangaben. Ein Prozess
    ruft netz sonst einmal; wer es öfter ruft (die Tests, mit allen Befehlen registriert),
    zahlte das bei jedem Aufruf (#19: ``make test`` ≤ 2 Minuten). Ein neu registrierter Befehl
    ergibt einen neuen Schlüssel, also einen neuen Bau."""
    schluessel = frozenset(_registriert)
    if (befehl := _gebaut.get(schluessel)) is None:
        _gebaut.clear()
        befehl = _gebaut[schluessel] = typer.main.get_command(app)
    return befehl


def alle_befehle() -> typer.Typer:
    """Die Anwendung mit allen Befehlen (Hilfe, Vervollständigung, Tests)."""
    _registriere(list(BEFEHLE))
    return app


def befehl_aus(argv: Sequence[str]) -> str | None:
    """Der aufgerufene Befehl, wenn er sicher zu erkennen ist; sonst None (dann alle laden)."""
    if any(k.startswith("_") and k.endswith("_COMPLETE") for k in os.environ):
        return None  # Shell-Vervollständigung braucht alle Befehle
    i = 0
    while i < len(argv):
        a = argv[i]
        if a in _MIT_WERT:
            i += 2
        elif a.startswith(tuple(f"{o}=" for o in _MIT_WERT)):
            i += 1
        elif a.startswith("-"):
            return None  # --help, --version, --install-completion …
        else:
            return a if a in BEFEHLE else None
    return None


def _fehler(meldung: str, hinweis: str = "") -> None:
    """Eine Fehlermeldung auf stderr. Meldungen zitieren oft Daten oder Angaben (Dateinamen,
    Werte, Regionsnamen) – darum sichtbar gemacht, wie jede andere Ausgabe von Daten."""
    if sys.stderr is None:  # auch stderr geschlossen: schweigen ist alles, was bleibt
        return
    from rich.text import Text

    from ..render.konsole import konsole
    from ..render.sicher import sichtbar

    con = konsole(fehler=True)
    con.print(Text.assemble(("Fehler:", "bold red"), f" {sichtbar(meldung)}"))
    if hinweis:
        con.print(f"  Hinweis: {sichtbar(hinweis)}")


def _abgebrochen() -> None:
    """Strg+C (auch an einer Rückfrage): eine Antwort des Nutzers, kein Fehler. Geschrieben wird
    erst nach „Speichern?“ unter der Sperre, und ein Abbruch dort räumt auf – also stimmt es."""
    if sys.stderr is not None:
        # am Terminal steht der Cursor noch hinter der Frage und dem „^C“
        neu = "\n" if sys.stderr.isatty() else ""
        print(f"{neu}Abgebrochen. Nichts gespeichert.", file=sys.stderr)


def zeige_fehler(e: NetzFehler) -> None:
    from ..kern.fehler import Verzichtet

    if isinstance(e, Verzichtet):  # eine Antwort des Nutzers, kein Fehler: ohne „Fehler:“
        if sys.stderr is not None:
            print(e.meldung, file=sys.stderr)
        return
    if e.probleme:
        from ..render import pruefung
        from ..render.konsole import konsole

        pruefung.probleme(e.probleme, konsole(fehler=True))
    _fehler(e.meldung, e.hinweis)


def _will_json(argv: Sequence[str]) -> bool:
    for i, a in enumerate(argv):
        if a == "--format" and i + 1 < len(argv):
            return argv[i + 1] == "json"
        if a == "--format=json":
            return True
    return False


def _json_fehler(argv: Sequence[str], e: NetzFehler) -> None:
    """Mit ``--format json`` auch im Fehlerfall JSON auf stdout: der Umschlag mit ``ergebnis:
    null``, der Meldung und den Befunden – ein Skript, das stdout liest, bekommt sonst nichts
    (und json.loads scheitert an einer leeren Ausgabe). Die Meldung für Menschen bleibt auf stderr."""
    from ..kern.fehler import Verzichtet

    if isinstance(e, Verzichtet) or not _will_json(argv) or sys.stdout is None:
        return
    from ..render import json_text, umschlag
    from ..render.bausteine import problem_daten

    u = umschlag(befehl_aus(argv) or "netz", None)
    u["fehler"] = {
        "meldung": e.meldung,
        "hinweis": e.hinweis,
        "exit_code": int(e.code),
        "befunde": [problem_daten(p) for p in e.probleme],
    }
    try:
        sys.stdout.write(json_text(u))
        sys.stdout.flush()
    except OSError:
        pass


def main() -> None:
    """Einstieg für ``netz``."""
    # Ein kurzer Prozess, der nur bleibende Objekte ohne Zyklen anlegt: die zyklische
    # Speicherbereinigung würde sie nur immer wieder durchsuchen.
    gc.disable()
    if hasattr(signal, "SIGPIPE"):
        # Ausgabe in eine geschlossene Pipe („netz list | head“): still enden wie cat und grep
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    if sys.stderr is not None and hasattr(sys.stderr, "reconfigure"):
        # Meldungen kommen immer an, auch wenn die Kodierung keine Umlaute kennt („M\xfcnster“)
        sys.stderr.reconfigure(errors="backslashreplace")
    if sys.stdout is None:  # netz … >&-: wie ls und cat eine Meldung statt eines Tracebacks
        _fehler("Die Standardausgabe ist geschlossen; netz kann nichts ausgeben.")
        sys.exit(int(Exit.UMGEBUNG))
    sys.exit(ausfuehren(sys.argv[1:]))


def ausfuehren(argv: Sequence[str]) -> int:
    """Führt netz mit ``argv`` aus und gibt den Exit-Code zurück; der eine Ort, der Fehler fängt."""
    try:
        name = befehl_aus(argv)
        _registriere(list(BEFEHLE) if name is None else [name])
        rc = _klick_befehl()(args=list(argv), prog_name="netz", standalone_mode=False)
        if rc == Exit.ABBRUCH:  # Typer macht aus Strg+C still den Code 130
            _abgebrochen()
        return rc if isinstance(rc, int) else 0
    except NetzFehler as e:
        zeige_fehler(e)
        _json_fehler(argv, e)
        return int(e.code)
    except typer.Abort:
        _abgebrochen()
        return int(Exit.ABBRUCH)
    except ClickException as e:
        deutsch.zeige_aufruffehler(e)
        return e.exit_code
    except KeyboardInterrupt:
        _abgebrochen()
        return int(Exit.ABBRUCH)
    except SystemExit as e:
        from ..daten.sperre import Beendet  # nur hier: SIGTERM im gesperrten Abschnitt

        if not isinstance(e, Beendet):
            raise
        _fehler("Beendet (SIGTERM); Sperre und Temporärdatei sind entfernt.")
        return int(Exit.BEENDET)
    except OSError as e:
        # Die Umgebung verweigert sich: voller Datenträger, fehlende Rechte, schreibgeschützt …
        ort = f" ({e.filename})" if e.filename else ""
        _fehler(f"Das Betriebssystem verweigert die Aktion{ort}: {os_fehler(e)}.")
        return int(Exit.UMGEBUNG)
    except UnicodeEncodeError:
        _fehler(
            "Die Ausgabe enthält Zeichen, die die Kodierung des Terminals nicht kennt.",
            "Ein UTF-8-Terminal verwenden oder PYTHONIOENCODING=utf-8 setzen.",
        )
        return int(Exit.UMGEBUNG)
    except Exception as e:
        if os.environ.get("NETZ_DEBUG"):
            raise
        _fehler(
            f"interner Fehler in netz ({type(e).__name__}).",
            "Bitte mit NETZ_DEBUG=1 wiederholen und die Ausgabe als Fehler melden.",
        )
        return int(Exit.INTERN)
