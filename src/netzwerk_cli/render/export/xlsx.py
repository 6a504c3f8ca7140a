"""Excel-Arbeitsmappe (openpyxl): ein Blatt je Tabelle, echte Zelltypen.

Tage sind Datumszellen (TT.MM.JJJJ), Zahlen Zahlen, Anteile Prozent, Wahrheitswerte
WAHR/FALSCH; die Kopfzeile ist fixiert und trägt den Autofilter. Text aus den Daten ist
immer eine Textzelle – auch „=HYPERLINK(…)“: openpyxl machte daraus sonst eine Formel. Solche
Zellen bekommen zusätzlich Excels Präfix-Apostroph (``quotePrefix``), damit sie auch nach dem
Bearbeiten Text bleiben.
"""

from __future__ import annotations

import io
from datetime import date, datetime
from typing import Any

from ...kern.tabellen import Datensatz, Spalte, Tabelle
from ..sicher import sichtbar, xml_sicher
from . import blattname, wie_formel, zelltext

_FORMAT = {"date": "DD.MM.YYYY", "int": "#,##0", "float": "#,##0.00"}
_BREITE_MAX = 60


def _breite(s: Spalte, t: Tabelle, i: int) -> float:
    laengen = [len(s.titel)]
    for z in t.zeilen:
        w = z[i]
        if isinstance(w, date):
            laengen.append(10)
        elif isinstance(w, str):
            laengen.append(max(len(teil) for teil in w.split("\n")))
        elif w is not None:
            laengen.append(len(str(w)) + 2)
    return min(max(laengen), _BREITE_MAX) + 2


def xlsx(ds: Datensatz, **_: Any) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    wb.remove(wb.active)
    zeit = datetime(ds.erstellt.year, ds.erstellt.month, ds.erstellt.day)
    wb.properties.creator = "netz"  # daran erkennt netz eine eigene Datei (daten/ausgabe.py)
    wb.properties.title = xml_sicher(sichtbar(f"{ds.programm} – Stand {ds.stichtag:%d.%m.%Y}"))
    wb.properties.created = wb.properties.modified = zeit  # gleiche Daten, gleiche Datei
    fett = Font(bold=True)
    umbruch = Alignment(wrap_text=True, vertical="top")
    oben = Alignment(vertical="top")
    for t in ds.tabellen:
        ws = wb.create_sheet(xml_sicher(blattname(t.titel)))
        for j, s in enumerate(t.spalten, start=1):
            c = ws.cell(row=1, column=j, value=xml_sicher(s.titel))
            c.font = fett
        for i, zeile in enumerate(t.zeilen, start=2):
            for j, (s, w) in enumerate(zip(t.spalten, zeile, strict=True), start=1):
                if w is None:
                    continue
                if isinstance(w, str):
                    text = xml_sicher(zelltext(w))  # zweite Wand: U+FFFE bräche die Arbeitsmappe
                    c = ws.cell(row=i, column=j, value=text)
                    c.data_type = "s"  # nie eine Formel, was immer der Text ist
                    if wie_formel(text):
                        c.quotePrefix = True
                    c.alignment = umbruch if "\n" in text else oben
                    continue
                c = ws.cell(row=i, column=j, value=w)
                c.alignment = oben
                if s.anteil:
                    c.number_format = "0.0%"
                elif s.typ in _FORMAT and not isinstance(w, bool):
                    c.number_format = _FORMAT[s.typ]
        for j, s in enumerate(t.spalten, start=1):
            ws.column_dimensions[get_column_letter(j)].width = _breite(s, t, j - 1)
        ws.freeze_panes = "A2"
        ende = get_column_letter(len(t.spalten))
        ws.auto_filter.ref = f"A1:{ende}{len(t.zeilen) + 1}"
    puffer = io.BytesIO()
    wb.save(puffer)
    return puffer.getvalue()
