"""PDF: der Bericht zum Ausdrucken (``netz report --pdf``) aus demselben HTML wie ``--html``.

WeasyPrint setzt das HTML mit den Druckregeln aus ``stil.css`` (``@media print``, ``@page``):
A4, Seitenzahlen und Datenstand mit Stichtag in der Fußzeile jeder Seite, ohne Kopf- und
Fußzeile eines Browsers. Nachgeladen wird nichts: der Bericht ist eigenständig (Stil und
Bilder eingebettet), und ein Abruf einer Adresse aus den Daten – etwa ``<img src>`` in einem
feindlichen Text – wird verweigert statt ausgeführt (:func:`_kein_abruf`). Hier wird nur
gesetzt, nicht geschrieben: das Ergebnis sind Bytes, die ``cli`` in die Datei legt.
"""

from __future__ import annotations

import logging
from typing import Any, NoReturn


class PdfFehlt(RuntimeError):
    """WeasyPrint oder seine Systembibliotheken (Pango) fehlen."""


def _kein_abruf(url: str, *args: Any, **kwargs: Any) -> NoReturn:
    raise ValueError(f"netz lädt beim Drucken nichts nach ({url[:60]})")


def pdf(html: str) -> bytes:
    """Das HTML des Berichts als PDF (A4)."""
    try:
        from weasyprint import HTML
    except (ImportError, OSError) as e:  # OSError: libpango fehlt
        raise PdfFehlt(str(e).splitlines()[0] if str(e) else type(e).__name__) from None
    # WeasyPrint meldet verweigerte Abrufe und unbekannte CSS-Eigenschaften als Warnung über
    # logging; auf stderr des Nutzers gehört davon nichts
    log = logging.getLogger("weasyprint")
    log.addHandler(logging.NullHandler())
    log.propagate = False
    return bytes(HTML(string=html, url_fetcher=_kein_abruf).write_pdf())
