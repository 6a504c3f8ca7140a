"""Typer/Click auf Deutsch: Hilfe-Überschriften und Aufruffehler.

Typer bringt seine Texte nur auf Englisch mit. Die Überschriften sind
Modulkonstanten, die Fehlermeldungen übersetzen wir beim Ausgeben. Getestet in
``tests/cli/test_hilfe.py``, damit ein Typer-Update hier nicht still bricht.
"""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Sequence
from types import ModuleType
from typing import Any

import typer
from typer.core import TyperCommand, TyperGroup

HILFE_TEXT = "Diese Hilfe anzeigen und beenden."
PARAMETER_HILFE = {
    "install_completion": "Vervollständigung (Befehle, Regionen) für die aktuelle Shell installieren.",
    "show_completion": "Vervollständigung für die aktuelle Shell anzeigen, zum Kopieren oder Anpassen.",
}

_FEHLER_TEXTE = [
    (r"^No such option: (.+?) \(Possible options: (.+)\)$", "Unbekannte Option: {0}{1}"),
    (r"^No such option: (.+?)(?: Did you mean (.+)\?)?$", "Unbekannte Option: {0}{1}"),
    (r"^No such command '(.+?)'\.(?: Did you mean (.+)\?)?$", "Unbekannter Befehl: {0}{1}"),
    (r"^Missing command\.?$", "Befehl fehlt; „netz --help“ zeigt alle Befehle."),
    (r"^Missing argument '(.+?)'\. Choose from:\s*(.+?)\.?$", "Argument {0} fehlt; erlaubt: {1}."),
    (r"^Missing argument '(.+?)'\.?$", "Argument {0} fehlt."),
    (r"^Missing option '(.+?)'\.?$", "Option {0} fehlt."),
    (r"^Missing parameter: (.+)$", "Angabe {0} fehlt."),
    (r"^Option '(.+?)' requires an argument\.$", "Option {0} braucht einen Wert."),
    (r"^Option '(.+?)' requires (\d+) arguments\.$", "Option {0} braucht {1} Werte."),
    (r"^Option '(.+?)' does not take a value\.$", "Option {0} nimmt keinen Wert (nur „{0}“ schreiben)."),
    (r"^Got unexpected extra arguments?(?:\(s\))? \((.+)\)$", "Unerwartete zusätzliche Angabe: {0}"),
    (
        r"^Invalid value for (.+?): (?:Value error, )?'(.+?)' is not one of (.+?)\.?$",
        "Ungültiger Wert für {0}: „{1}“ – erlaubt: {2}.",
    ),
    (r"^Invalid value for (.+?): (.+)$", "Ungültiger Wert für {0}: {1}"),
    (r"^Invalid value: (.+)$", "Ungültiger Wert: {0}"),
]


@functools.cache
def _fehler_muster() -> list[tuple[re.Pattern[str], str]]:
    # erst übersetzen, wenn es einen Aufruffehler gibt: ein gewöhnlicher Start braucht sie nie
    return [(re.compile(m, re.DOTALL), v) for m, v in _FEHLER_TEXTE]


def _ohne_zitat(text: str) -> str:
    """Clicks englische Zitate 'x' und Aufzählungen „'--format' / '-f'“ als „--format“."""
    text = text.split(" / ")[0]
    return text.strip().strip("'")


def _auswahl(text: str) -> list[str]:
    """„'text', 'json'“ oder „\n\tregion,\n\tvertrag“ als Liste."""
    return [w.strip().strip("'").strip(",") for w in re.split(r",\s*|\s*\n\s*", text) if w.strip(" ,'\t\n")]


def uebersetze(meldung: str) -> str:
    for muster, vorlage in _fehler_muster():
        m = muster.match(meldung.strip())
        if not m:
            continue
        teile = [g or "" for g in m.groups()]
        if teile:
            teile[0] = _ohne_zitat(teile[0])
        if vorlage.startswith("Unbekannte") and len(teile) > 1 and teile[1]:
            teile[1] = f" – meinten Sie {teile[1].replace(', ', ' oder ')}?"
        if "erlaubt: {2}" in vorlage:
            erlaubt = _auswahl(teile[2])
            teile[2] = ", ".join(f"„{w}“" for w in erlaubt) + _meinten(teile[1], erlaubt)
        if "erlaubt: {1}" in vorlage:
            teile[1] = ", ".join(f"„{w}“" for w in _auswahl(teile[1]))
        return vorlage.format(*teile).replace("?.", "?")
    return meldung


def _meinten(wert: str, erlaubt: list[str]) -> str:
    """„Meinten Sie „json“?“ für einen Tippfehler in einer festen Auswahl (--format, --by)."""
    import difflib

    nah = difflib.get_close_matches(wert.casefold(), erlaubt, n=1, cutoff=0.5)
    return f". Meinten Sie „{nah[0]}“?" if nah else ""


# Typers Typangaben in der Hilfe: ein Schalter braucht keine, der Rest auf Deutsch
_TYPEN = {"bool": None, "str": "TEXT", "text": "TEXT", "int": "ZAHL", "float": "ZAHL", "path": "PFAD"}


def _typ_deutsch(typ: str | None) -> str | None:
    if typ is None or not (typ.startswith("<") and typ.endswith(">")):
        return typ
    innen = typ[1:-1]
    if "|" in innen:  # eine feste Auswahl: die Werte selbst sind die Auskunft
        # Eine lange Auswahl steht auf mehreren kurzen Zeilen, zwischen den Werten umbrochen: so
        # bleibt die Spalte schmal und der Beschreibung der Platz (statt 29 Spalten bei 80)
        return _auswahl_zeilen(innen.split("|"))

    return _TYPEN.get(innen.lower(), innen.upper())


def _auswahl_zeilen(werte: list[str], breite: int = 16) -> str:
    zeilen: list[str] = []
    for w in werte:
        if zeilen and len(zeilen[-1]) + 1 + len(w) <= breite:
            zeilen[-1] += "|" + w
        else:
            zeilen.append(w)
    return "|\n".join(zeilen)


def _patche_parameter() -> None:
    """Typers Hilfe spricht Englisch in den Typangaben (<bool>, <str>) und setzt Pflicht-
    Argumente in der Aufrufzeile in geschweifte Klammern ({REGION}); hier wie in jeder
    deutschen Anleitung: REGION, [REGION], REGION..."""
    from typer import core

    for klasse in (core.TyperArgument, core.TyperOption):
        original = klasse.display_type_rich
        if getattr(original, "_deutsch", False):
            continue

        def display_type_rich(self: Any, ctx: Any, _original: Any = original) -> str | None:
            # Schalter brauchen keinen Typ; ein Argument nennt sich schon selbst (REGION, PFAD)
            if getattr(self, "is_flag", False) or isinstance(self, core.TyperArgument):
                return None
            return _typ_deutsch(_original(self, ctx))

        display_type_rich._deutsch = True  # type: ignore[attr-defined]  # Marke am Funktionsobjekt: schon übersetzt
        klasse.display_type_rich = display_type_rich  # type: ignore[method-assign]  # Typer-Klasse zur Laufzeit übersetzt

    def _usage_display_name(self: Any) -> str:
        name = self.display_name_raw if self.required else f"[{self.display_name_raw}]"
        return name + ("..." if self.nargs != 1 else "")

    core.TyperArgument._usage_display_name = _usage_display_name  # type: ignore[method-assign]  # Typer zur Laufzeit übersetzt


class _Deutsch:
    """Deutsche Hilfe-Option und Aufrufzeile für Gruppe und Befehle."""

    def get_help_option(self, ctx: Any) -> Any:
        opt = super().get_help_option(ctx)  # type: ignore[misc]  # Mixin: die Methode kommt von Click
        if opt is not None:
            opt.help = HILFE_TEXT
        return opt

    def get_usage(self, ctx: Any) -> str:
        return _aufruf(super().get_usage(ctx))  # type: ignore[misc]  # Mixin: die Methode kommt von Click

    def get_params(self, ctx: Any) -> Any:
        params = super().get_params(ctx)  # type: ignore[misc]  # Mixin: die Methode kommt von Click
        for p in params:
            if p.name in PARAMETER_HILFE:
                p.help = PARAMETER_HILFE[p.name]
            if p.name == "install_completion":
                p.callback = _installiere  # Typers Antwort ist englisch
        return params


def _installiere(ctx: Any, param: Any, value: Any) -> Any:
    """``netz --install-completion``: wie Typer, aber die Antwort auf Deutsch."""
    if not value or ctx.resilient_parsing:
        return value
    import sys

    from typer._completion_shared import install

    shell, pfad = install(shell=value) if isinstance(value, str) else install()
    print(f"Vervollständigung für {shell} eingerichtet in {pfad}.")
    print("Sie wirkt, sobald ein neues Terminal geöffnet ist.")
    sys.exit(0)


class DeutscheGruppe(_Deutsch, TyperGroup):
    pass


class DeutscherBefehl(_Deutsch, TyperCommand):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.help:
            self.help = absaetze(self.help)


def absaetze(text: str) -> str:
    """Die Doku eines Befehls als Absätze: Zeilenumbrüche des Quelltexts innerhalb eines
    Absatzes werden Leerzeichen (rich bräche sonst dort mitten im Satz); Listen bleiben."""
    import inspect

    out = []
    for absatz in inspect.cleandoc(text).split("\n\n"):
        zeilen = absatz.splitlines()
        if any(z.lstrip().startswith(("-", "•", "*")) for z in zeilen):
            out.append(absatz)
        else:
            out.append(" ".join(" ".join(zeilen).split()))
    return "\n\n".join(out)


def _aufruf(text: str) -> str:
    return (
        text.replace("Usage:", "Aufruf:")
        .replace("[OPTIONS]", "[OPTIONEN]")
        .replace("COMMAND [ARGS]...", "BEFEHL [ARGUMENTE]...")
    )


# Die Texte von typer.rich_utils, die netz übersetzt (Name im Modul → deutscher Text)
_RICH_TEXTE = {
    "ARGUMENTS_PANEL_TITLE": "Argumente",
    "OPTIONS_PANEL_TITLE": "Optionen",
    "COMMANDS_PANEL_TITLE": "Befehle",
    "ERRORS_PANEL_TITLE": "Fehler",
    "ABORTED_TEXT": "Abgebrochen.",
    "RICH_HELP": "Hilfe: [blue]{command_path} {help_option}[/]",
    "DEFAULT_STRING": "[Vorgabe: {}]",
    "ENVVAR_STRING": "[Umgebungsvariable: {}]",
    "REQUIRED_LONG_STRING": "[Pflicht]",
}


def _patche(rich_utils: ModuleType) -> None:
    for name, text in _RICH_TEXTE.items():
        setattr(rich_utils, name, text)
    original = rich_utils.rich_format_error

    def format_error(self: Any) -> None:
        deutsch = uebersetze(self.format_message())
        self.format_message = lambda: deutsch
        original(self)

    rich_utils.rich_format_error = format_error  # type: ignore[attr-defined]  # Modul erst zur Laufzeit bekannt


class _BeimImport:
    """Übersetzt typer.rich_utils erst, wenn Typer es braucht (Hilfe, Fehler).

    Das Modul zieht rich.markdown nach sich und kostet beim Start spürbar Zeit;
    ``netz status`` soll das nicht bezahlen.
    """

    NAME = "typer.rich_utils"

    def find_spec(self, name: str, path: Sequence[str] | None, target: ModuleType | None = None) -> Any:
        if name != self.NAME:
            return None
        import importlib.util  # erst hier: nur Hilfe und Fehler brauchen es

        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(name)
        if spec is None or spec.loader is None:  # pragma: no cover
            return spec
        ausfuehren = spec.loader.exec_module

        def exec_module(modul: ModuleType) -> None:
            ausfuehren(modul)
            _patche(modul)

        spec.loader.exec_module = exec_module  # type: ignore[method-assign,assignment]  # nur dieser Lader, ohne self
        return spec


def aktiviere() -> None:
    _patche_parameter()
    if _BeimImport.NAME in sys.modules:
        _patche(sys.modules[_BeimImport.NAME])
    elif not any(isinstance(f, _BeimImport) for f in sys.meta_path):
        sys.meta_path.insert(0, _BeimImport())  # ein Finder (find_spec)


__all__ = ["DeutscheGruppe", "DeutscherBefehl", "aktiviere", "typer", "uebersetze", "zeige_aufruffehler"]


def zeige_aufruffehler(e: Any) -> None:
    """Ein Aufruffehler von Click, deutsch und im Kasten wie Typer ihn zeigt."""
    from typer import rich_utils  # beim Import übersetzt (siehe aktiviere)

    rich_utils.rich_format_error(e)
