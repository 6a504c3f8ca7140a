"""Ein Ordner mit einer CSV-Datei je Tabelle.

Ohne ``--excel``: UTF-8 ohne BOM, Komma, Punkt als Dezimalzeichen, Tage JJJJ-MM-TT,
``true``/``false`` – für Programme (und das Datenpaket, :mod:`.datapackage`).
Mit ``--excel`` für ein deutsches Excel, das die Datei per Doppelklick öffnet: UTF-8 mit BOM
(sonst liest Excel „MÃ¼nster“), Semikolon, Dezimalkomma, Tage TT.MM.JJJJ, WAHR/FALSCH und die
deutschen Spaltentitel als Kopfzeile.

Text, der wie eine Formel beginnt („=HYPERLINK(…)“), bekommt ein ``'`` davor (OWASP „CSV
Injection“, wie jede CSV-Ausgabe von netz); Steuer- und Bidi-Zeichen werden sichtbar.
"""

from __future__ import annotations

import csv as csvmodul
import io
import re
from datetime import date
from typing import Any

from ...kern.tabellen import Datensatz, Tabelle, Wert
from . import wie_formel, zelltext


def _text(w: str) -> str:
    t = zelltext(w)
    return "'" + t if wie_formel(t) else t


def zelle(w: Wert, excel: bool) -> str:
    if w is None:
        return ""
    if isinstance(w, bool):
        return ("WAHR" if w else "FALSCH") if excel else ("true" if w else "false")
    if isinstance(w, date):
        return w.strftime("%d.%m.%Y") if excel else w.isoformat()
    if isinstance(w, float):
        return repr(w).replace(".", ",") if excel else repr(w)
    if isinstance(w, int):
        return str(w)
    return _text(w)


_ISO_TAG = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_ISO_MONAT = re.compile(r"\b(\d{4})-(\d{2})\b")


def _deutsche_tage(text: str) -> str:
    """„spätestens 2010-05-06“ → „spätestens 06.05.2010“, „2008-06“ → „06.2008“: eine
    Schreibweise für Tage in einer --excel-Datei (die Spalten frühestens/spätestens sind
    schon TT.MM.JJJJ; die Schreibweise der Daten stand daneben in ISO)."""
    return _ISO_MONAT.sub(r"\2.\1", _ISO_TAG.sub(r"\3.\2.\1", text))


def tabelle_csv(t: Tabelle, excel: bool = False) -> bytes:
    puffer = io.StringIO(newline="")
    schreiber = csvmodul.writer(puffer, delimiter=";" if excel else ",", lineterminator="\r\n")
    schreiber.writerow([s.titel if excel else s.name for s in t.spalten])
    namen = {s.name for s in t.spalten}
    # die Schreibweise einer Zeitangabe: die Spalte, neben der „…_frueh“ steht (nicht Quellen,
    # deren Dateinamen Tage enthalten)
    zeit = [excel and f"{s.name}_frueh" in namen for s in t.spalten]
    for zeile in t.zeilen:
        schreiber.writerow(
            [
                _deutsche_tage(zelle(w, excel)) if z and isinstance(w, str) else zelle(w, excel)
                for w, z in zip(zeile, zeit, strict=True)
            ]
        )
    return ("\ufeff" if excel else "").encode("utf-8") + puffer.getvalue().encode("utf-8")


def csv_ordner(ds: Datensatz, excel: bool = False, **_: Any) -> dict[str, bytes]:
    return {f"{t.name}.csv": tabelle_csv(t, excel) for t in ds.tabellen}
