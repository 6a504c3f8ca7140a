"""Markdown-Zusammenfassung der Prüfung, z. B. für ``$GITHUB_STEP_SUMMARY``."""

from __future__ import annotations

from collections.abc import Sequence

from ..probleme import Problem


def _zelle(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def pruefbericht(probleme: Sequence[Problem], zusammenfassung: str, gueltig: bool) -> str:
    zeilen = ["## netz validate", "", ("✅ " if gueltig else "❌ ") + zusammenfassung, ""]
    if probleme:
        zeilen += ["| Datei | Zeile | Schwere | Code | Meldung | Hinweis |", "|---|---:|---|---|---|---|"]
        for p in probleme:
            schwere = "Fehler" if p.ist_fehler else "Warnung"
            zeilen.append(
                f"| `{_zelle(p.datei)}` | {p.zeile} | {schwere} | {p.code} {_zelle(p.titel)} "
                f"| {_zelle(p.meldung)} | {_zelle(p.hinweis)} |"
            )
        zeilen.append("")
    return "\n".join(zeilen) + "\n"
