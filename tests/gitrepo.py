"""Echte git-Repositorys für Tests: nie von der globalen git-Konfiguration abhängig."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest


def ohne_globale_konfiguration(monkeypatch: pytest.MonkeyPatch, oben: Path) -> None:
    """Weder ~/.gitconfig noch /etc/gitconfig; kein Repository oberhalb von ``oben``."""
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(oben.parent))
    for name in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_AUTHOR_DATE", "GIT_COMMITTER_DATE"):
        monkeypatch.delenv(name, raising=False)


def git(ort: Path, *argumente: str) -> str:
    return subprocess.run(
        ["git", "-C", str(ort), *argumente], check=True, capture_output=True, text=True
    ).stdout


def repo_anlegen(oben: Path, nachricht: str = "Daten") -> Path:
    """Ein Repository in ``oben`` (main), alles darin eingecheckt."""
    subprocess.run(["git", "-c", "init.defaultBranch=main", "init", "-q", str(oben)], check=True)
    git(oben, "config", "user.name", "Test Person")
    git(oben, "config", "user.email", "test@example.org")
    git(oben, "config", "commit.gpgsign", "false")
    einchecken(oben, nachricht)
    return oben


def einchecken(oben: Path, nachricht: str) -> str:
    git(oben, "add", "-A")
    git(oben, "commit", "-q", "--allow-empty", "-m", nachricht)
    return git(oben, "rev-parse", "HEAD").strip()
