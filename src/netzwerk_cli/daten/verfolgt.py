"""Kennt git eine Datei im Arbeitsbaum? Davon hängt ab, welchen Befehl ein Hinweis nennt:
„git mv“ scheitert an einer Datei, die git nicht kennt („not under version control“).

Eigenes Modul (nicht ``git.py``): der Ladeweg fragt es, und ``git.py`` liest über den Ladeweg.
"""

from __future__ import annotations

import os
import shutil

# git ls-files für eine Datei antwortet sofort; hängt es (Netzlaufwerk, Sperre), lieber kein Befehl
# im Hinweis als ein hängendes validate
ZEITGRENZE = 10


def ist_verfolgt(pfad: str) -> bool | None:
    """True: git kennt die Datei ``pfad``; False: sie liegt in einem Repository, ist aber nicht
    erfasst; None: kein git, kein Repository oder keine Antwort."""
    import subprocess  # erst hier: nur ein Befund mit Befehl (NZ401) fragt

    programm = shutil.which("git")
    if programm is None:
        return None
    ordner, name = os.path.split(pfad)
    env = {k: v for k, v in os.environ.items() if k not in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE")}
    env.update(GIT_TERMINAL_PROMPT="0", GIT_OPTIONAL_LOCKS="0", LC_ALL="C", LANGUAGE="C")
    try:
        lauf = subprocess.run(
            [programm, "-C", ordner or ".", "ls-files", "--error-unmatch", "--", name],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=ZEITGRENZE,
            env=env,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    if lauf.returncode == 0:
        return True
    return False if b"did not match" in lauf.stderr else None
