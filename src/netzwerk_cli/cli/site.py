"""netz site ORDNER – eine statische Website aus den Daten."""

from __future__ import annotations

import errno
import shlex
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Optional

import typer

from ._basis import AsOf, Rev, heute, konsole, lade, stichtag_option


def site(
    ctx: typer.Context,
    ordner: Annotated[Path, typer.Argument(metavar="ORDNER", help="Zielordner der Website, z. B. _site.")],
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help="Einen vorhandenen Ordner ersetzen, den netz nicht angelegt hat "
            "(sein Inhalt geht verloren).",
        ),
    ] = False,
    as_of: AsOf = None,
    rev: Rev = None,
    basis_url: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--base-url",
            metavar="URL",
            help="Adresse, unter der die Website liegt (für absolute Links im Atom-Feed), z. B. "
            "https://beispiel.github.io/netz/ (Vorgabe in GitHub Actions: die Pages-Adresse).",
        ),
    ] = None,
) -> None:
    """Statische Website: Startseite mit Karte, je Region und Regierungsbezirk eine Seite,
    Prüfpunkte, Atom-Feed und Plakette. Relative Links: läuft von der Platte und unter jedem Pfad."""
    from ..daten.schreiben import pruefe_zielordner, schreibe_ordner
    from ..kern import bericht
    from ..kern.fehler import Exit, NetzFehler, os_fehler
    from ..render import html as html_render
    from ..render import svg as svg_render
    from ._basis import UMGEBUNG_FEHLER
    from .bericht import vorbereiten

    basis = _basis_url(basis_url)
    stichtag = stichtag_option(as_of) or heute()
    bestand = lade(ctx.obj, rev)
    # Vor aller Arbeit: ein fremder Ordner wird nicht erst nach dem Rechnen verweigert
    geschuetzt = [bestand.wurzel, Path.cwd(), Path.home()]
    try:
        pruefe_zielordner(ordner, force, geschuetzt, bestand.wurzel)
        s = bericht.site(bestand, stichtag, heute())
        teile = vorbereiten(bestand, s.uebersicht, rev)
        ab = s.uebersicht.status.abdeckung

        def karte(link: Callable[[str], str | None] | None) -> str:
            return svg_render.karte(teile.flaechen, ab, teile.titel, eigenstaendig=False, link=link)

        dateien = html_render.site(
            s,
            karte,
            teile.zeitreihe_svg,
            teile.ergebnisse,
            teile.rahmen,
            kleine_karten=teile.kleine_karten,
            offen=teile.offen,
            basis_url=basis,
        )
        schreibe_ordner(ordner, {name: text.encode("utf-8") for name, text in dateien.items()})
    except OSError as e:
        code = Exit.UMGEBUNG if e.errno in UMGEBUNG_FEHLER else Exit.DATEN
        grund = f"den Ordner {ordner.parent} gibt es nicht" if e.errno == errno.ENOENT else os_fehler(e)
        raise NetzFehler(
            f"Die Website lässt sich nicht nach {ordner} schreiben: {grund}. Nichts wurde geändert.",
            f"Erst den Ordner anlegen: mkdir -p {shlex.quote(str(ordner.parent))}"
            if e.errno == errno.ENOENT
            else "Einen Ordner angeben, in dem Sie schreiben dürfen.",
            code,
        ) from None
    seiten = sum(name.endswith(".html") for name in dateien)
    konsole().print(f"Website geschrieben: {ordner} ({seiten} Seiten, Atom-Feed, Plakette)")
    konsole().print(f"Startseite: {ordner / 'index.html'}")


def _basis_url(wert: str | None) -> str | None:
    """Die Adresse der Website mit „/“ am Ende; ohne Angabe in GitHub Actions die Pages-Adresse
    des Repositorys (GITHUB_REPOSITORY „besitzer/name“ → https://besitzer.github.io/name/)."""
    import os

    from ..render.sicher import sichere_url

    if wert is None:
        repo = os.environ.get("GITHUB_REPOSITORY", "")
        besitzer, _, name = repo.partition("/")
        if not (besitzer and name and all(c.isalnum() or c in "-_." for c in besitzer + name)):
            return None
        wert = f"https://{besitzer.lower()}.github.io/{name}/"
    url = sichere_url(wert)
    if url is None or not url.startswith(("https://", "http://")) or any(c in url for c in "?#"):
        raise typer.BadParameter(
            f"„{wert}“ ist keine Web-Adresse; erwartet z. B. https://beispiel.github.io/netz/",
            param_hint="--base-url",
        )
    return url if url.endswith("/") else url + "/"
