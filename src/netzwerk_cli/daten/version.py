"""Welcher Stand der Daten? Für die Fußzeile von Bericht und Website.

Im git-Repository ist es der Commit (mit ``--rev`` der Commit dieser Revision), mit dem
Zusatz „mit lokalen Änderungen“, wenn der Datenordner vom Commit abweicht. Außerhalb eines
Repositorys – oder ohne git – ein Fingerabdruck der Daten selbst
(:func:`~netzwerk_cli.kern.bericht.inhaltskennung`).
"""

from __future__ import annotations

from typing import NamedTuple

from ..kern.bericht import inhaltskennung
from ..kern.bestand import Datenbestand
from ..kern.fehler import NetzFehler


class Datenversion(NamedTuple):
    art: str  # "git" | "inhalt"
    kennung: str  # Commit (40 Zeichen) oder Fingerabdruck (12 Zeichen)
    geaendert: bool  # Arbeitsbaum weicht vom Commit ab

    @property
    def kurz(self) -> str:
        return self.kennung[:12]


def datenversion(bestand: Datenbestand, rev: str | None = None) -> Datenversion:
    from . import git

    try:
        repo = git.repo_fuer(bestand.wurzel)
        kennung = git.commit(repo, rev or "HEAD")
    except NetzFehler:  # kein git, kein Repository, noch kein Commit
        return Datenversion("inhalt", inhaltskennung(bestand), False)
    geaendert = False
    if rev is None:
        rc, aus, _ = git.git(repo.oben, "status", "--porcelain", "--", repo.datenpfad or ".")
        geaendert = rc != 0 or bool(aus.strip())
    return Datenversion("git", kennung, geaendert)
