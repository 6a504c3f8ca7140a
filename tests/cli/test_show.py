from __future__ import annotations

from typing import Any

import pytest


@pytest.mark.parametrize("eingabe", ["05515", "Münster", "muenster", "Stadt Münster", "STADT MUENSTER"])
def test_show_findet_region(netz: Any, eingabe: str) -> None:
    j = netz("show", eingabe, "--format", "json").json()
    assert j["ags"] == "05515"
    assert len(j["vertraege"]) == 2
    assert j["vertraege"][0]["endet"]["text"] == "zwischen 2019-08 und 2022"
    assert j["vertraege"][1]["unterzeichnet"]["text"] == "2022"


def test_show_text(netz: Any) -> None:
    out = netz("show", "neuss").stdout
    assert "Rhein-Kreis Neuss (05162)" in out
    assert "unterzeichnet  08.07.2019 (genauer Tag)" in out  # Audit vom 06.12.2026, N1
    assert "rhein-kreis-neuss.de" in out


def test_show_wesel_ohne_vertrag(netz: Any) -> None:
    out = netz("show", "wesel").stdout
    assert "Kein Kooperationsvertrag bekannt." in out


def test_show_unbekannt(netz: Any) -> None:
    lauf = netz("show", "Atlantis")
    assert lauf.exit_code == 2  # eine unbekannte Region ist ein Aufruffehler
    assert "unbekannt" in lauf.stderr


def test_show_mehrdeutig(netz: Any) -> None:
    lauf = netz("show", "rhein")
    assert lauf.exit_code == 2
    assert "mehrdeutig" in lauf.stderr
    assert "Rhein-Kreis Neuss" in lauf.stderr


@pytest.mark.parametrize(
    ("woerter", "ags"),
    [
        (["Kreis", "Wesel"], "05170"),
        (["Mülheim", "an", "der", "Ruhr"], "05117"),
        (["mulheim"], "05117"),
        (["5315"], "05315"),
        (["Rhein-Sieg-Kreis"], "05382"),
    ],
)
def test_show_mehrere_woerter_und_locker(netz: Any, woerter: list[str], ags: str) -> None:
    """„netz show Kreis Wesel“ ohne Anführungszeichen; ohne Umlaute; AGS ohne führende Null."""
    assert netz("show", *woerter, "--format", "json").json()["ags"] == ags


def test_show_tippfehler_mit_vorschlag(netz: Any) -> None:
    lauf = netz("show", "Mulhem")
    assert lauf.exit_code == 2 and "Meinten Sie" in lauf.stderr and "Mülheim an der Ruhr" in lauf.stderr
