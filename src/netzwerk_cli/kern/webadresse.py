"""Was netz eine Webadresse nennt – die eine Regel für Modell, validate, ``add --source``,
``sources check`` und jede Ausgabe.

Eine Webadresse beginnt mit ``http://`` oder ``https://`` und besteht danach nur aus
druckbarem ASCII ohne Leerraum und ohne ``" ' < > \\ ` ``: so fragt ein HTTP-Client sie an,
ohne sie umzudeuten, und jedes Ausgabeformat setzt sie als Link, ohne sie zu entschärfen.
Ein „ü“ gehört als ``%C3%BC`` hinein (so, wie der Browser die Adresse kopiert).

Ohne Abhängigkeiten: ``render/sicher.py`` lädt bei jeder Ausgabe, pydantic braucht es dafür nicht.
"""

from __future__ import annotations

import re

#: Das Muster auch für das JSON Schema (Hilfe im Editor): dieselbe Regel dort wie hier.
WEBADRESSE_MUSTER = r"^https?://[!#-&(-;=?-\[\]-_a-~]+$"

_WEBADRESSE = re.compile(WEBADRESSE_MUSTER)
_SCHEMA = re.compile(r"^https?://", re.IGNORECASE)


def ist_webadresse(text: str) -> bool:
    """Ist ``text`` eine Webadresse, die netz anfragt, verlinkt und als Beleg annimmt?"""
    return _WEBADRESSE.fullmatch(text) is not None


def will_webadresse(text: str) -> bool:
    """Beginnt ``text`` wie eine Webadresse (``http://``, ``https://``, auch groß geschrieben)?
    Dann muss er :func:`ist_webadresse` erfüllen; sonst ist er eine Datei oder ein Beleg ohne Adresse."""
    return _SCHEMA.match(text) is not None
