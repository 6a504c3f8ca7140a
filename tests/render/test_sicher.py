"""Eigenschaften der sicheren Ausgabe (render/sicher.py): für jeden Text, nicht nur für Beispiele."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from netzwerk_cli.render.sicher import (
    csv_zelle,
    html_text,
    json_sicher,
    markdown_code,
    markdown_text,
    markdown_zelle,
    sichere_url,
    sichtbar,
)

# Zeilentrenner, die ein Terminal oder Editor als Umbruch nimmt, obwohl sie nicht \n sind
_TRENNER = {"\u2028", "\u2029", "\u0085"}


def _unsicher(z: str) -> bool:
    return unicodedata.category(z) in ("Cc", "Cf", "Cs", "Zl", "Zp") or z in _TRENNER


# Text, der nichts Unsichtbares enthält: jede Kategorie außer Steuer-, Format-, Trennzeichen,
# Surrogaten (und nicht vergebenen Zeichen, deren Kategorie je Python-Version wechselt)
_SICHER = st.text(
    st.characters(blacklist_categories=("Cc", "Cf", "Cs", "Zl", "Zp", "Cn")),
)
# Bevorzugt die gefährlichen Zeichen, damit sie in jedem Lauf oft vorkommen
_FEINDLICH = st.text(
    st.one_of(
        st.characters(),
        st.sampled_from(
            [
                *("\x1b", "\x07", "\x00", "\x7f", "\x85", "\x9b", "\u202e", "\u2066", "\u2069", "\u200e"),
                *("\u200f", "\u061c", "\u2028", "\u2029", "\ufeff", "\r", "\n", "\t", "\u200b", "\ud800"),
            ]
        ),
    )
)


@given(_FEINDLICH)
def test_sichtbar_laesst_nichts_unsichtbares_durch(text: str) -> None:
    aus = sichtbar(text)
    assert not any(_unsicher(z) for z in aus), repr(aus)
    assert "\n" not in aus and "\r" not in aus


@given(_SICHER)
def test_sichtbar_laesst_sicheren_text_unveraendert(text: str) -> None:
    assert sichtbar(text) == text


@given(_FEINDLICH)
def test_sichtbar_verliert_nichts(text: str) -> None:
    """Jedes ersetzte Zeichen steht danach als Code da – nichts verschwindet still."""
    aus = sichtbar(text)
    assert len(aus) >= len(text)
    for z in set(text):
        if _unsicher(z):
            n = ord(z)
            assert (f"\\x{n:02x}" if n < 0x100 else f"U+{n:04X}") in aus or z in "\n\r\t"


@pytest.mark.parametrize(
    ("ein", "aus"),
    [
        ("\x1b]0;pwned\x07\x1b[2J", "\\x1b]0;pwned\\x07\\x1b[2J"),
        ("abc\u202edef", "abcU+202Edef"),
        ("a\nb\tc\rd", "a\\nb\\tc\\rd"),
        ("\x85\x9b\x7f", "\\x85\\x9b\\x7f"),
        ("Stadt Mülheim an der Ruhr – „Bildungsbüro“ 5 € 2 km² ✓ 😀", None),
    ],
)
def test_sichtbar_beispiele(ein: str, aus: str | None) -> None:
    assert sichtbar(ein) == (ein if aus is None else aus)


def test_markdown_zelle_laesst_datum_und_bindestrich() -> None:
    """In einer Zelle wirkt kein Zeilenanfang: „24.08.2009“ bleibt, wie es ist."""
    assert markdown_zelle("24.08.2009") == "24.08.2009"
    assert markdown_text("24.08.2009") == "24\\.08.2009"
    assert markdown_zelle("Rhein-Kreis Neuss") == markdown_text("Rhein-Kreis Neuss") == "Rhein-Kreis Neuss"


@given(_FEINDLICH)
def test_markdown_einzeilig_und_ohne_auszeichnung(text: str) -> None:
    for f in (markdown_text, markdown_zelle):
        aus = f(text)
        assert "\n" not in aus and "\r" not in aus
        assert not any(_unsicher(z) for z in aus)
        # jedes Zeichen mit Wirkung steht hinter einem Backslash
        i = 0
        while i < len(aus):
            if aus[i] == "\\":
                i += 2
                continue
            assert aus[i] not in "`*_[]<>|~&!$", (aus, i)
            i += 1
    assert not markdown_text(text).startswith(("#", ">", "-", "+", "=", " "))


@pytest.mark.parametrize(
    "boese",
    [
        "## ✅ Alle Prüfungen bestanden – [Details](https://example.org)",
        "![x](https://example.org/x.png)",
        "<script>alert(1)</script>",
        "a | b",
        "1. Liste",
        "> Zitat",
        "&#x202E;",
    ],
)
def test_markdown_beispiele(boese: str) -> None:
    assert markdown_zelle(boese) == markdown_text(boese) or boese[0] in "#>1"
    aus = markdown_text(boese)
    assert not aus.startswith(("#", ">", "1."))
    assert "](" not in aus.replace("\\](", "")
    assert "<" not in aus.replace("\\<", "")
    assert "|" not in aus.replace("\\|", "")
    assert "&#" not in aus.replace("\\&#", "")


@given(_FEINDLICH)
def test_markdown_code_bleibt_ein_code_span(text: str) -> None:
    aus = markdown_code(text)
    zaun = len(aus) - len(aus.lstrip("`"))
    innen = aus[zaun:-zaun]
    assert aus.endswith("`" * zaun)
    assert "`" * zaun not in innen  # keine Backtick-Folge im Innern schließt den Span
    assert "\n" not in aus and "|" not in aus.replace("\\|", "")


@given(st.one_of(_FEINDLICH, st.integers(), st.none()))
def test_csv_zelle_beginnt_nie_wie_eine_formel(wert: object) -> None:
    aus = csv_zelle(wert)
    if isinstance(wert, str):
        assert isinstance(aus, str)
        assert not aus.lstrip(" ").startswith(("=", "+", "-", "@", "\t", "\r"))
        assert not any(_unsicher(z) for z in aus)
    else:
        assert aus is wert  # Zahlen bleiben Zahlen


def test_csv_zelle_beispiele() -> None:
    assert (
        csv_zelle('=HYPERLINK("https://example.org","klick")')
        == '\'=HYPERLINK("https://example.org","klick")'
    )
    assert csv_zelle("-5") == "'-5"
    assert csv_zelle(" @SUM(1)") == "' @SUM(1)"
    assert csv_zelle("Kreis Wesel") == "Kreis Wesel"
    assert csv_zelle(-5) == -5


@given(_FEINDLICH)
def test_html_text_ohne_auszeichnung(text: str) -> None:
    aus = html_text(text)
    assert not set(aus) & set("<>\"'")
    assert not any(_unsicher(z) for z in aus)


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://www.land.nrw/pressemitteilung/a_b?c=1#d", True),
        ("http://example.org", True),
        ("javascript:alert(1)", False),
        ('https://x.org/" onmouseover="alert(1)', False),
        ("https://x.org/\x1b[2J", False),
        ("HTTPS://x.org", False),
        ("quellen/pressemitteilung.txt", False),
    ],
)
def test_sichere_url(url: str, ok: bool) -> None:
    assert (sichere_url(url) == url) is ok


@given(st.lists(_FEINDLICH) | st.dictionaries(_FEINDLICH, st.lists(_FEINDLICH | st.integers())))
def test_json_sicher_gleiche_werte_ohne_steuerzeichen(wert: object) -> None:
    import json

    aus = json_sicher(json.dumps(wert, ensure_ascii=False, indent=2))
    assert json.loads(aus) == wert
    assert not any(_unsicher(z) for z in aus.replace("\n", ""))
