"""Der Bestand als Tabellen (kern/tabellen.py): Form, Typen, Schlüssel, ehrliche Tage."""

from __future__ import annotations

from datetime import date

import pytest

from netzwerk_cli.daten.laden import lade_datenbestand
from netzwerk_cli.kern import tabellen
from netzwerk_cli.kern.abdeckung import abdeckung, verlauf, vertraege_je_region
from netzwerk_cli.kern.datum import Zeitangabe
from netzwerk_cli.kern.tabellen import Datensatz, Tabelle, datensatz
from netzwerk_cli.pruefen.pruefpunkte import pruefpunkte
from tests.conftest import DATEN

BESTAND = lade_datenbestand(DATEN)  # nur lesen
HEUTE = date(2026, 11, 28)
_PYTHON_TYP = {"date": date, "int": int, "str": str, "float": float, "bool": bool}


def _ds(stichtag: date = HEUTE) -> Datensatz:
    return datensatz(BESTAND, stichtag, HEUTE, "Arbeitsbaum", pruefpunkte(BESTAND, HEUTE))


def _t(ds: Datensatz, name: str) -> Tabelle:
    return next(t for t in ds.tabellen if t.name == name)


def _spalte(t: Tabelle, name: str) -> list[object]:
    i = [s.name for s in t.spalten].index(name)
    return [z[i] for z in t.zeilen]


def test_form_typen_und_schluessel() -> None:
    ds = _ds()
    namen = {t.name: t for t in ds.tabellen}
    for t in ds.tabellen:
        assert len(t.titel) <= 31 and t.beschreibung
        assert len({s.name for s in t.spalten}) == len(t.spalten)
        for s in t.spalten:
            assert s.name.isascii() and s.name.replace("_", "").isalnum() and s.name.islower()
            assert s.titel and s.beschreibung
        for z in t.zeilen:
            assert len(z) == len(t.spalten)
            for s, w in zip(t.spalten, z, strict=True):
                if w is None:
                    assert not s.pflicht, (t.name, s.name)
                    continue
                typ = _PYTHON_TYP[s.typ]
                assert isinstance(w, typ) and (s.typ == "bool" or not isinstance(w, bool)), (
                    t.name,
                    s.name,
                    w,
                )
        schluessel = [tuple(z[[s.name for s in t.spalten].index(k)] for k in t.schluessel) for z in t.zeilen]
        assert len(set(schluessel)) == len(schluessel), t.name
        for f in t.fremdschluessel:
            ziele = set(_spalte(namen[f.tabelle], f.ziel))
            assert {w for w in _spalte(t, f.spalte) if w is not None} <= ziele, (t.name, f)


def test_zeilen_entsprechen_den_daten() -> None:
    ds = _ds()
    # jede Regionsdatei, auch die aufgelösten Kreis und Stadt Aachen (Verträge verweisen auf sie)
    assert len(_t(ds, "regionen").zeilen) == len(BESTAND.regionen) == 55
    assert len(_t(ds, "vertraege").zeilen) == len(BESTAND.vertraege)
    konferenzen = sum(len(d.modell.bildungskonferenzen) for d in BESTAND.vertraege)
    assert len(_t(ds, "bildungskonferenzen").zeilen) == konferenzen
    assert _spalte(_t(ds, "ereignisse"), "art").count("bildungskonferenz") == konferenzen
    assert _spalte(_t(ds, "ereignisse"), "art").count("unterzeichnung") == len(BESTAND.vertraege)
    assert len(_t(ds, "pruefpunkte").zeilen) == len(BESTAND.programm.modell.pruefpunkte)  # type: ignore[union-attr]
    assert _spalte(_t(ds, "regionen"), "stand").count("mit") == 51


def test_ungenaue_tage_bleiben_ungenau() -> None:
    """Jede Zeitangabe steht dreifach: Schreibweise, frühester, spätester Tag – nie ein erfundener."""
    ds = _ds()
    for t in ds.tabellen:
        namen = [s.name for s in t.spalten]
        for n in namen:
            if f"{n}_frueh" not in namen:
                continue
            for z in t.zeilen:
                text, frueh, spaet = (
                    z[namen.index(n)],
                    z[namen.index(f"{n}_frueh")],
                    z[namen.index(f"{n}_spaet")],
                )
                if text is None:
                    assert frueh is None and spaet is None
                    continue
                za = Zeitangabe.lies(text)
                assert (za.frueh, za.spaet) == (frueh, spaet), (t.name, n, text)
    v = _t(ds, "vertraege")
    texte = _spalte(v, "unterzeichnet")
    assert "spätestens 2010-05-06" in texte
    assert "zwischen 2009-05-20 und 2010-05-06" in texte  # Kreis Euskirchen


def test_abdeckung_je_tag_einer_aenderung() -> None:
    ds = _ds()
    t = _t(ds, "abdeckung")
    tage = _spalte(t, "tag")
    assert tage == sorted(tage) and max(tage) <= HEUTE  # type: ignore[type-var]
    regionen = [d.modell for d in BESTAND.regionen]
    vertraege = [d.modell for d in BESTAND.vertraege]
    beginn = BESTAND.programmbeginn
    v = verlauf(regionen, vertraege_je_region(vertraege, beginn), beginn)
    for z in t.zeilen:
        tag = z[0]
        assert isinstance(tag, date)
        gezaehlt = v.am(tag)
        assert (z[1], z[2], z[3]) == (gezaehlt.gesamt, gezaehlt.sicher, gezaehlt.moeglich)
    # zwei aufeinanderfolgende Zeilen unterscheiden sich immer
    assert all(a[1:] != b[1:] for a, b in zip(t.zeilen, t.zeilen[1:], strict=False))
    letzte = t.zeilen[-1]
    heute = abdeckung(regionen, vertraege, HEUTE, beginn).gesamt
    assert (letzte[2], letzte[3]) == (heute.sicher, heute.moeglich)
    assert round(letzte[9] * 100, 1) == 95.8  # type: ignore[operator]
    # am Stichtag 06.05.2010 endet die Tabelle dort
    alt = _t(_ds(date(2010, 5, 6)), "abdeckung")
    assert max(_spalte(alt, "tag")) <= date(2010, 5, 6)  # type: ignore[type-var]
    assert alt.zeilen[-1][2] == 43


def test_die_gezaehlten_regionen_kommen_von_einer_stelle(monkeypatch: pytest.MonkeyPatch) -> None:
    """Ein anderer Zuschnitt der Regionen (z. B. vor dem 21.10.2009) ändert nur gezaehlte_regionen."""
    nur_koeln = [
        d.modell
        for d in BESTAND.regionen
        if d.modell.regierungsbezirk == "Köln" and d.modell.gueltig_bis is None
    ]
    monkeypatch.setattr(tabellen, "gezaehlte_regionen", lambda bestand, tag: nur_koeln)
    ds = _ds()
    # vor dem 21.10.2009 fehlt die StädteRegion (es gab sie nicht), danach zählen alle elf
    assert max(z[1] for z in _t(ds, "abdeckung").zeilen) == len(nur_koeln) == 11
    assert {z[1] for z in _t(ds, "abdeckung").zeilen} <= {len(nur_koeln) - 1, len(nur_koeln)}
    stand = _spalte(_t(ds, "regionen"), "stand")
    assert sum(s is not None for s in stand) == len(nur_koeln)  # die anderen ohne Stand, aber dabei
    assert len(stand) == 55
