"""Zeilengenaue Änderungen: alle unberührten Zeilen bleiben byte-gleich."""

from __future__ import annotations

import difflib

import pytest

from netzwerk_cli.aendern.bearbeiten import Datei, NichtBearbeitbar, geaenderte_zeilen

EIGENWILLIG = (
    "\ufeff# Kopfkommentar – bleibt\r\n"
    "region:   '05974'   # eigenwillig ausgerichtet\r\n"
    "unterzeichnet: 2008-06-23\r\n"
    "\r\n"
    "# Kommentar vor den Quellen\r\n"
    "quellen:\r\n"
    "- http://a.example/x   # Liste ohne Einzug\r\n"
    "bildungskonferenzen:\r\n"
    "    - datum: 2010-11-02\r\n"
    "      bemerkung: 'vier Leerzeichen'\r\n"
    "# Schluss"
).encode()


def _nur_hinzugefuegt(vorher: bytes, nachher: bytes) -> list[str]:
    a = vorher.decode("utf-8").splitlines(keepends=True)
    b = nachher.decode("utf-8").splitlines(keepends=True)
    geloescht = [z for z in difflib.ndiff(a, b) if z.startswith("- ")]
    # einzige erlaubte Änderung an Bestehendem: das fehlende Zeilenende der letzten Zeile
    assert geloescht in ([], ["- # Schluss"])
    hinzu = [z[2:] for z in difflib.ndiff(a, b) if z.startswith("+ ")]
    return [z for z in hinzu if not (geloescht and z == "# Schluss\r\n")]


def test_einfuegen_nach_unterzeichnet() -> None:
    d = Datei.lies(EIGENWILLIG)
    d.einfuegen_nach(["beginn", "unterzeichnet"], ["endet: 2020-01-01", "ende_grund: Kündigung"])
    neu = d.bytes()
    assert _nur_hinzugefuegt(EIGENWILLIG, neu) == ["endet: 2020-01-01\r\n", "ende_grund: Kündigung\r\n"]
    assert neu.startswith("\ufeff# Kopfkommentar".encode())
    assert b"unterzeichnet: 2008-06-23\r\nendet: 2020-01-01\r\n" in neu


def test_listeneintrag_passt_sich_dem_einzug_an() -> None:
    d = Datei.lies(EIGENWILLIG)
    d.listeneintrag("bildungskonferenzen", ["  - datum: 2011-11-03", "    bemerkung: neu"])
    d.listeneintrag("quellen", ["  - https://b.example/y"])
    neu = d.bytes()
    hinzu = _nur_hinzugefuegt(EIGENWILLIG, neu)
    assert "    - datum: 2011-11-03\r\n" in hinzu and "      bemerkung: neu\r\n" in hinzu
    assert "- https://b.example/y\r\n" in hinzu


def test_neue_liste_am_ende() -> None:
    d = Datei.lies(EIGENWILLIG)
    d.listeneintrag("fortsetzungen", ["  - datum: 2013-07"])
    assert d.bytes().endswith(b"# Schluss\r\nfortsetzungen:\r\n  - datum: 2013-07\r\n")


def test_ersetzen_nur_diese_zeile() -> None:
    quelle = b'region: "05166"\nunterzeichnet: 2011-09\nendet: "fr\xc3\xbchestens 2019-08"\nquellen: []\n'
    d = Datei.lies(quelle)
    d.ersetze("endet", ["endet: 2021-07-31"])
    assert d.bytes() == quelle.replace('"frühestens 2019-08"'.encode(), b"2021-07-31")


def test_flussliste_wird_nicht_angefasst() -> None:
    d = Datei.lies(b"region: '05974'\nbildungskonferenzen: [{datum: 2010}]\n")
    with pytest.raises(NichtBearbeitbar, match="Blockliste"):
        d.listeneintrag("bildungskonferenzen", ["  - datum: 2011"])


def test_kaputte_datei_nicht_bearbeitbar() -> None:
    with pytest.raises(NichtBearbeitbar):
        Datei.lies(b"a: 1\na: 2\n")


@pytest.mark.parametrize("zeichen", ["\u0085", "\u2028", "\u2029"])
def test_fremde_zeilenumbrueche_verweigert(zeichen: str) -> None:
    """libyaml zählt NEL/LS/PS als Zeilenumbruch, der Editor nicht: also gar nicht erst ändern."""
    quelle = f'region: "05974"\nunterzeichnet: 2008\nbemerkung: "a{zeichen}b"\nquellen: []\n'.encode()
    with pytest.raises(NichtBearbeitbar, match=r"Zeile 3 .*U\+"):
        Datei.lies(quelle)


@pytest.mark.parametrize("ende", [b"\n", b"\r\n", b"\r"])
def test_zeilenende_der_datei_bleibt(ende: bytes) -> None:
    quelle = ende.join(
        [b'region: "05974"', b"unterzeichnet: 2008", b"bildungskonferenzen:", b"  - datum: 2010", b""]
    )
    d = Datei.lies(quelle)
    d.listeneintrag("bildungskonferenzen", ["  - datum: 2011", "    bemerkung: neu"])
    d.einfuegen_nach(["unterzeichnet"], ["endet: 2020"])
    erwartet = [b'region: "05974"', b"unterzeichnet: 2008", b"endet: 2020", b"bildungskonferenzen:"]
    erwartet += [b"  - datum: 2010", b"  - datum: 2011", b"    bemerkung: neu", b""]
    assert d.bytes() == ende.join(erwartet)


def test_letzte_zeile_ohne_ende_bleibt_unberuehrt() -> None:
    quelle = b'region: "05974"\nunterzeichnet: 2008\nquellen: []'
    d = Datei.lies(quelle)
    d.einfuegen_nach(["unterzeichnet"], ["endet: 2020"])
    assert d.bytes() == b'region: "05974"\nunterzeichnet: 2008\nendet: 2020\nquellen: []'


def test_eingefuegter_text_bleibt_eine_zeile() -> None:
    d = Datei.lies(b'region: "05974"\nunterzeichnet: 2008\n')
    with pytest.raises(NichtBearbeitbar, match="Zeilenumbruch"):
        d.einfuegen_nach(["unterzeichnet"], ['ende_grund: "a\u2028b"'])


def test_geaenderte_zeilen_stimmen_mit_dem_editor_ueberein() -> None:
    d = Datei.lies(EIGENWILLIG)
    d.listeneintrag("bildungskonferenzen", ["  - datum: 2011-11-03"])
    entfernt, hinzu = geaenderte_zeilen(EIGENWILLIG, d.bytes())
    assert sorted(entfernt) == sorted(d.entfernt) == [b"# Schluss"]
    assert sorted(hinzu) == sorted(d.eingefuegt) == sorted([b"# Schluss\r\n", b"    - datum: 2011-11-03\r\n"])
