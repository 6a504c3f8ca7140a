from __future__ import annotations

import re
from pathlib import Path

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from netzwerk_cli.pruefen.yamlio import MAX_BYTES, finde, lies_yaml
from tests.conftest import FIXTURES, beispiele


def _codes(text: str | bytes) -> list[tuple[int, str]]:
    daten = text.encode() if isinstance(text, str) else text
    return [(p.zeile, p.code) for p in lies_yaml("x.yaml", daten).probleme]


def test_daten_bleiben_text() -> None:
    # Ein amtlicher Schlüssel ohne Anführungszeichen bleibt, wie YAML ihn liest (das Schema meldet
    # ihn mit eigenem Hinweis, NZ203); unter jedem anderen Schlüssel ist 05111 ein Befund NZ118.
    g = lies_yaml("x.yaml", b"a: 2010-05-06\nb: 2010\nc: '05111'\nd: 05358\nregion: 05111\nf: yes\ng:\n")
    assert g.wert == {
        "a": "2010-05-06",
        "b": 2010,
        "c": "05111",
        "d": "05358",
        "region": 2633,
        "f": True,
        "g": None,
    }
    assert g.zeilen == {"a": 1, "b": 2, "c": 3, "d": 4, "region": 5, "f": 6, "g": 7}


def test_bom_crlf_kommentare() -> None:
    g = lies_yaml("x.yaml", b"\xef\xbb\xbf# Kopf\r\na: 1 # Kommentar\r\nb:\r\n  - x\r\n")
    assert g.probleme == []
    assert g.wert == {"a": 1, "b": ["x"]}
    assert g.zeilen["b[0]"] == 4


def test_doppelt_mit_erster_stelle() -> None:
    g = lies_yaml("x.yaml", b"a: 1\nb: 2\na: 3\n")
    assert [(p.zeile, p.spalte, p.code) for p in g.probleme] == [(3, 1, "NZ101")]
    assert "Zeile 1" in g.probleme[0].hinweis


def test_befunde() -> None:
    assert _codes("") == [(1, "NZ104")]
    assert _codes("- a\n") == [(1, "NZ106")]
    assert _codes("a: &x 1\nb: *x\n") == [(1, "NZ107")]
    assert _codes("a: !!binary aGk=\n") == [(1, "NZ108")]
    assert _codes("a: [1\n") == [(2, "NZ105")]
    assert _codes(b"a: \xff\n") == [(1, "NZ103")]
    assert _codes(b"#" * (MAX_BYTES + 1)) == [(1, "NZ102")]


def test_lesefehler_mit_zeichengenauer_spalte() -> None:
    # libyaml meldet Byte-Positionen; die Spalte zählt Zeichen (ä = 2 Bytes, BOM zählt nicht)
    g = lies_yaml("x.yaml", "\ufeffa: 1\nname: Kä\x07se\n".encode())
    assert [(p.zeile, p.spalte, p.code) for p in g.probleme] == [(2, 9, "NZ105")]
    assert "U+0007" in g.probleme[0].meldung
    g = lies_yaml("x.yaml", "a: 1\nb: Köln \xff\n".encode("latin-1"))
    assert [(p.zeile, p.spalte, p.code) for p in g.probleme] == [(2, 5, "NZ103")]
    # UTF-16 läse libyaml am BOM still mit; netz verlangt UTF-8
    assert _codes("a: 1\n".encode("utf-16")) == [(1, "NZ103")]


def test_url_mit_und_zeichen_ist_kein_anker() -> None:
    assert _codes("q: https://x.example/?a=1&b=*\n") == []


def test_finde_pfad() -> None:
    g = lies_yaml("x.yaml", b"a:\n  b:\n    - 1\n    - '05111'\n")
    f = finde(g.knoten, ("a", "b", 1))
    assert (f.zeile, f.spalte, f.roh, f.gefunden) == (4, 7, "05111", True)
    f = finde(g.knoten, ("a", "fehlt"))
    assert (f.zeile, f.gefunden) == (2, False)


@settings(max_examples=beispiele(300), deadline=None)
@given(st.binary(max_size=300))
def test_beliebige_bytes_nie_ausnahme(daten: bytes) -> None:
    g = lies_yaml("x.yaml", daten)
    assert g.wert is not None or g.probleme
    for p in g.probleme:
        assert p.zeile >= 1 and p.spalte >= 1 and p.meldung


@settings(max_examples=beispiele(300), deadline=None)
@given(st.text(alphabet="ab:-# \n\t'\"[]{}&*!|>%@`,?", max_size=120))
def test_yaml_zeichen_nie_ausnahme(text: str) -> None:
    g = lies_yaml("x.yaml", text.encode())
    assert g.wert is not None or g.probleme


# --- Gleichwertigkeit mit PyYAML ------------------------------------------
# Der schnelle Weg (libyaml, eigene Auflösung) muss genau die Werte liefern, die
# PyYAMLs reiner Python-SafeLoader liest – nur ohne Zeitstempel (Daten bleiben Text).


def _referenz(daten: bytes) -> object:
    class OhneZeit(yaml.SafeLoader):
        pass

    OhneZeit.yaml_implicit_resolvers = {
        k: [(t, r) for t, r in v if not t.endswith((":timestamp", ":merge"))]
        for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    return yaml.load(daten, Loader=OhneZeit)


_SKALARE = st.sampled_from(
    [
        "05111", "05358", "0x1F", "0o17", "017", "1_000", "+12", "-0", "1e3", "1.5", ".5", "-.inf",
        ".NaN", "1:30", "190:20:30", "yes", "No", "on", "OFF", "y", "n", "true", "False", "~",
        "null", "NULL", "", "2010-05-06", "2010-05", "2010", "spätestens 2010", "a b", "'05111'",
        '"05111"', "'yes'", "Köln", "https://x.example/?a=1&b=2", "-", "0", "0.0", "1,5",
    ]
)  # fmt: skip


@settings(max_examples=beispiele(400), deadline=None)
@given(st.lists(st.tuples(st.sampled_from("abcdefgh"), _SKALARE, st.booleans()), max_size=8))
def test_werte_wie_pyyaml(eintraege: list[tuple[str, str, bool]]) -> None:
    zeilen, gesehen, formen = [], set(), 0
    for schluessel, wert, als_liste in eintraege:
        if schluessel in gesehen:
            continue
        gesehen.add(schluessel)
        formen += _yaml11_zahl(wert)
        zeilen.append(f"{schluessel}:\n  - {wert}\n  - x" if als_liste else f"{schluessel}: {wert}")
    daten = ("\n".join(zeilen) + "\n").encode()
    g = lies_yaml("x.yaml", daten)
    try:
        erwartet = _referenz(daten)
    except yaml.YAMLError:  # z. B. „a: -“: auch netz muss einen Befund melden
        assert g.wert is None and g.probleme
        return
    if not zeilen:
        assert g.wert is None
        return
    # Zahlen in einer YAML-1.1-Schreibweise (0x1F, 017, 1_000, +12, .inf, 1:30, .5) sind Befunde
    # NZ118, je Vorkommen einer; alles andere liest netz wie PyYAML.
    if formen:
        assert g.wert is None
        assert [p.code for p in g.probleme] == ["NZ118"] * formen
        return
    assert g.probleme == []
    assert repr(g.wert) == repr(erwartet)  # repr: nan == nan


def _yaml11_zahl(wert: str) -> bool:
    try:
        gelesen = yaml.safe_load(f"x: {wert}")["x"]
    except yaml.YAMLError:
        return False
    schlicht = re.fullmatch(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?", wert)
    return isinstance(gelesen, (int, float)) and not isinstance(gelesen, bool) and not schlicht


def test_echte_daten_wie_pyyaml(daten: Path) -> None:
    dateien = sorted(daten.glob("**/*.yaml")) + sorted((FIXTURES / "valid").glob("**/*.yaml"))
    assert len(dateien) > 100
    for pfad in dateien:
        roh = pfad.read_bytes()
        assert repr(lies_yaml(pfad.name, roh).wert) == repr(_referenz(roh)), pfad


def test_unsichtbare_zeichen_sind_nie_druckbar() -> None:
    """Der schnelle Vorfilter in ``_baue`` (``str.isprintable``) übersieht kein Zeichen, das
    NZ116 meldet: jeder Codepunkt, den das Muster findet, ist für Python nicht druckbar."""
    from netzwerk_cli.pruefen.yamlio import _UNSICHTBAR

    gefunden = [c for c in range(0x110000) if _UNSICHTBAR.match(chr(c))]
    assert len(gefunden) > 100  # Steuerzeichen, Formatzeichen, Nichtzeichen, Ersatzzeichen
    assert [hex(c) for c in gefunden if chr(c).isprintable()] == []
