"""Die Grenzen der Regionen aus ``geo/nrw-kreise.geojson`` im Datenordner lesen."""

from __future__ import annotations

import json
from pathlib import Path

from ..kern.fehler import NetzFehler
from ..kern.geo import Flaeche, KeineGrenzen, flaechen_aus_geojson
from .datei import lies_datei
from .ordner import GEOJSON, anzeigepfad

# Die vereinfachten Grenzen sind einige zehn KiB groß; mehr ist sicher keine Grenzdatei.
MAX_GEOJSON = 16 * 1024 * 1024


def lade_flaechen(wurzel: Path, rev: str | None = None) -> list[Flaeche]:
    """Die Grenzen aus dem Datenordner – mit ``rev`` so, wie sie in dieser git-Revision stehen."""
    pfad = wurzel / GEOJSON
    anzeige = anzeigepfad(pfad, wurzel)
    if rev is None:
        daten = lies_datei(pfad, anzeige, MAX_GEOJSON)
    else:
        from . import git

        repo = git.repo_fuer(wurzel)
        daten = git.lies_datei_aus_git(repo, git.commit(repo, rev), GEOJSON, anzeige, MAX_GEOJSON)
    if not isinstance(daten, bytes):
        raise NetzFehler(f"{anzeige}: {daten.meldung}; ohne Grenzen keine Karte.", daten.hinweis)
    try:
        return flaechen_aus_geojson(json.loads(daten.decode("utf-8")))
    except (UnicodeDecodeError, ValueError) as e:
        grund = str(e) if isinstance(e, KeineGrenzen) else "kein gültiges JSON in UTF-8"
        raise NetzFehler(f"{anzeige} ist nicht lesbar: {grund}; ohne Grenzen keine Karte.") from None
    except RecursionError:
        raise NetzFehler(f"{anzeige} ist zu tief verschachtelt; ohne Grenzen keine Karte.") from None
