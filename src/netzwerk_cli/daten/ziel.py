"""Die eine Schutzregel für Ziele von ``netz export`` und ``netz site``.

Beide Befehle ersetzen ein vorhandenes Ziel (mit ``--force`` auch ein fremdes). Ein Tippfehler
darf dabei nie Daten oder Repository löschen: nie ersetzt werden der Datenordner und alles
darin, ``.git`` und alles darin, die Wurzel des Repositorys, das Arbeitsverzeichnis, das
Zuhause – und kein Ordner darüber. Die Regel gilt vor jeder anderen Prüfung und ist von
``--force`` unabhängig.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from ..kern.fehler import Exit, NetzFehler


def _repository(start: Path) -> Path | None:
    """Die Wurzel des git-Repositorys um ``start`` (ein Ordner mit ``.git``), sonst None."""
    for ordner in (start, *start.parents):
        if os.path.lexists(ordner / ".git"):
            return ordner
    return None


def _echt(ziel: Path) -> list[Path]:
    """Wohin ``ziel`` zeigt: der Pfad mit aufgelöstem Elternordner (eine Verknüpfung als
    letzter Teil wird selbst ersetzt, nie ihr Ziel) und ganz aufgelöst (``link/..``)."""
    absolut = Path(os.path.abspath(ziel))
    orte = [ziel.resolve()]
    if absolut.name:
        orte.append(absolut.parent.resolve() / absolut.name)
    return orte


def pruefe_schutz(ziel: Path, datenordner: Path | None, was: str = "das Ziel") -> None:
    """Verweigert (Exit 1) ein ``ziel``, dessen Ersetzen Daten, Repository, Arbeitsverzeichnis
    oder Zuhause träfe – auch mit ``--force``."""
    daten = datenordner.resolve() if datenordner is not None else None
    repo = _repository(daten) if daten is not None else _repository(Path.cwd().resolve())
    geschuetzt: list[tuple[Path, str]] = [(Path.cwd().resolve(), "das Arbeitsverzeichnis")]
    with contextlib.suppress(RuntimeError, KeyError, OSError):  # kein HOME, kein Eintrag in passwd
        geschuetzt.append((Path.home().resolve(), "das Zuhause (~)"))
    if daten is not None:
        geschuetzt.append((daten, f"der Datenordner {datenordner}"))
    if repo is not None:
        geschuetzt += [(repo, "die Wurzel des Repositorys"), (repo / ".git", "das .git des Repositorys")]
    for echt in _echt(ziel):
        if daten is not None and echt != daten and echt.is_relative_to(daten):
            raise NetzFehler(
                f"{ziel} liegt im Datenordner {datenordner}; dort gehören nur Daten hin, "
                "netz schreibt dort keine Ausgabe, auch nicht mit --force.",
                "Ein Ziel außerhalb des Datenordners angeben, z. B. „_site“ oder „export.xlsx“.",
                Exit.DATEN,
            )
        if repo is not None and echt.is_relative_to(repo / ".git"):
            raise NetzFehler(
                f"{ziel} liegt in .git; netz ersetzt dort nichts, auch nicht mit --force.",
                "Ein Ziel außerhalb von .git angeben.",
                Exit.DATEN,
            )
        for g, name in geschuetzt:
            if echt == g or echt in g.parents:
                raise NetzFehler(
                    f"{ziel} ist {name} oder ein Ordner darüber; "
                    f"netz ersetzt {was} nicht, auch nicht mit --force.",
                    "Einen eigenen, neuen Ordner oder eine Datei als Ziel angeben, z. B. „_site“ oder "
                    "„export.xlsx“.",
                    Exit.DATEN,
                )
