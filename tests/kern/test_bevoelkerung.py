"""Abdeckung nach Einwohnern (kern/bevoelkerung.py)."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from netzwerk_cli.daten.laden import lade_datenbestand
from netzwerk_cli.kern.abdeckung import Abdeckung, RegionStand, Stand, abdeckung
from netzwerk_cli.kern.bevoelkerung import Anteil, einwohner, einwohnerzahl
from netzwerk_cli.kern.modelle import Region
from tests.conftest import DATEN

BESTAND = lade_datenbestand(DATEN)  # nur lesen
REGIONEN = [d.modell for d in BESTAND.regionen]
VERTRAEGE = [d.modell for d in BESTAND.vertraege]


def _region(ags: str, einwohner: int | None, bezirk: str = "Köln") -> Region:
    return Region(
        ags=ags,
        name=ags,
        bezeichnung=f"Region {ags}",
        art="Kreis",
        regierungsbezirk=bezirk,
        einwohner=einwohner,
        statistik_stand=date(2018, 12, 31) if einwohner is not None else None,
    )


def _stand(r: Region, s: Stand) -> RegionStand:
    return RegionStand(r, s, None, ())


def test_die_zahl_des_auftrags() -> None:
    """„51 von 53 Regionen, 95,8 % der Einwohner sicher, bis zu 97,4 % möglich“ am 28.11.2026."""
    e = einwohner(abdeckung(REGIONEN, VERTRAEGE, date(2026, 11, 28)))
    assert e.gesamt.regionen == 53
    heutige = [r for r in REGIONEN if r.gueltig_bis is None]  # ohne Kreis und Stadt Aachen (bis 2009)
    assert e.gesamt.gesamt == sum(r.einwohner or 0 for r in heutige)
    assert round(e.gesamt.anteil_sicher.unten * 100, 1) == 95.8
    assert round(e.gesamt.anteil_moeglich.unten * 100, 1) == 97.4
    assert e.gesamt.anteil_sicher.genau and not e.gesamt.ohne_angabe
    assert e.stand == (date(2018, 12, 31),)
    assert e.stand_einheitlich == date(2018, 12, 31)
    # Wesel (ohne) und Viersen (ungewiss) liegen beide im Regierungsbezirk Düsseldorf
    d = e.nach_regierungsbezirk["Düsseldorf"]
    wesel = next(r for r in REGIONEN if r.ags == "05170")
    viersen = next(r for r in REGIONEN if r.ags == "05166")
    assert d.moeglich - d.sicher == viersen.einwohner
    assert d.gesamt - d.moeglich == wesel.einwohner
    assert sum(z.gesamt for z in e.nach_regierungsbezirk.values()) == e.gesamt.gesamt
    assert sum(z.sicher for z in e.nach_art.values()) == e.gesamt.sicher


def test_vor_den_ersten_vertraegen_niemand_sicher() -> None:
    e = einwohner(abdeckung(REGIONEN, VERTRAEGE, date(2008, 1, 1)))
    assert e.gesamt.sicher == 0
    assert e.gesamt.anteil_sicher == Anteil(0.0, 0.0)
    # „spätestens 2010-05-06“ hat keine untere Grenze: möglich ist auch 2008 schon etwas
    assert e.gesamt.moeglich > 0


def test_fehlende_einwohnerzahl_macht_eine_spanne() -> None:
    a, b, c = _region("05001", 100), _region("05002", 300), _region("05003", None)
    # die unbekannte Region hat sicher ein Netzwerk: sie kann den Anteil bis gegen 1 heben
    z = einwohnerzahl([_stand(a, Stand.MIT), _stand(b, Stand.OHNE), _stand(c, Stand.MIT)])
    assert z.gesamt == 400 and z.sicher == 100
    assert z.anteil_sicher == Anteil(0.25, 1.0)
    assert [s.region.ags for s in z.ohne_angabe] == ["05003"]
    # … ohne Netzwerk: sie kann ihn bis gegen 0 senken
    z = einwohnerzahl([_stand(a, Stand.MIT), _stand(b, Stand.OHNE), _stand(c, Stand.OHNE)])
    assert z.anteil_sicher == Anteil(0.0, 0.25)
    assert not z.anteil_sicher.genau
    # ungewiss: für „sicher“ wie ohne, für „möglich“ wie mit
    z = einwohnerzahl([_stand(a, Stand.MIT), _stand(b, Stand.OHNE), _stand(c, Stand.UNGEWISS)])
    assert z.anteil_sicher == Anteil(0.0, 0.25)
    assert z.anteil_moeglich == Anteil(0.25, 1.0)


def test_ohne_jede_einwohnerzahl() -> None:
    c = _region("05003", None)
    assert einwohnerzahl([_stand(c, Stand.MIT)]).anteil_sicher == Anteil(1.0, 1.0)
    assert einwohnerzahl([_stand(c, Stand.OHNE)]).anteil_sicher == Anteil(0.0, 0.0)
    assert einwohnerzahl([]).anteil_sicher == Anteil(0.0, 0.0)


def test_nur_die_regionen_der_abdeckung_zaehlen() -> None:
    """Welche Regionen an einem Tag zählen, entscheidet die Abdeckung – nicht dieses Modul."""
    ab = abdeckung(REGIONEN, VERTRAEGE, date(2026, 11, 28))
    teil = Abdeckung(ab.stichtag, ab.regionen[:10])
    assert einwohner(teil).gesamt.gesamt == sum(s.region.einwohner or 0 for s in ab.regionen[:10])


@given(
    st.lists(
        st.tuples(st.integers(0, 10**7) | st.none(), st.sampled_from(list(Stand))), min_size=0, max_size=12
    )
)
def test_der_wahre_anteil_liegt_in_der_spanne(faelle: list[tuple[int | None, Stand]]) -> None:
    """Welche Zahl die fehlenden Regionen auch hätten: der wahre Anteil liegt in der Spanne."""
    staende = [_stand(_region(f"05{i:03d}", ew), s) for i, (ew, s) in enumerate(faelle)]
    z = einwohnerzahl(staende)
    for fuellung in (0, 1, 10**9):
        wahr = [ew if ew is not None else fuellung for ew, _ in faelle]
        summe = sum(wahr)
        if not summe:
            continue
        sicher = sum(w for w, (_, s) in zip(wahr, faelle, strict=True) if s is Stand.MIT) / summe
        moeglich = sum(w for w, (_, s) in zip(wahr, faelle, strict=True) if s is not Stand.OHNE) / summe
        assert z.anteil_sicher.unten - 1e-9 <= sicher <= z.anteil_sicher.oben + 1e-9
        assert z.anteil_moeglich.unten - 1e-9 <= moeglich <= z.anteil_moeglich.oben + 1e-9
