"""Regionsnamen, wie Menschen sie tippen (#21): mehrere Wörter ohne Anführungszeichen in jedem
Befehl, „Kreis“ und „Stadt“ ernst genommen, Gemeinden mit ihrem Kreis beantwortet."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from netzwerk_cli.daten.gemeinden import pruefe_gemeinden


@pytest.mark.parametrize(
    ("eingabe", "satz"),
    [
        (["Ratingen"], "Ratingen gehört zum Kreis Mettmann (05158). Meinten Sie: Kreis Mettmann (05158)?"),
        (
            ["Bergisch", "Gladbach"],
            "Bergisch Gladbach gehört zum Rheinisch-Bergischen Kreis (05378). "
            "Meinten Sie: Rheinisch-Bergischer Kreis (05378)?",
        ),
        (["Kreis", "Münster"], "Einen Kreis Münster gibt es nicht: Münster ist eine kreisfreie Stadt."),
        (["Stadt", "Wesel"], "Die Stadt Wesel ist kreisangehörig; sie gehört zum Kreis Wesel (05170)."),
    ],
)
def test_gemeinde_und_falsche_art_sind_ein_vorschlag(netz: Any, eingabe: list[str], satz: str) -> None:
    """Nie still die andere Region, nie Solingen für Ratingen: ein Aufruffehler mit dem Vorschlag."""
    lauf = netz("show", *eingabe)
    assert lauf.exit_code == 2
    assert satz in lauf.flach
    assert "Solingen" not in lauf.flach and "Mönchengladbach" not in lauf.flach


def test_richtige_art_bleibt(netz: Any) -> None:
    for eingabe in (["Stadt", "Münster"], ["Kreis", "Wesel"], ["Stadt", "Köln"], ["Münster"], ["Wesel"]):
        assert netz("show", *eingabe).exit_code == 0, eingabe


def test_log_nimmt_mehrere_woerter(netz: Any) -> None:
    """„netz log Kreis Wesel“ ohne Anführungszeichen: gelesen als eine Region (hier ohne git)."""
    lauf = netz("log", "Kreis", "Wesel")
    assert "unexpected extra argument" not in lauf.flach.lower()
    assert "git" in lauf.flach  # die Region war in Ordnung; es fehlt nur das Repository


def test_gemeindeliste_wird_geprueft(netz: Any, daten: Path) -> None:
    """Die Gemeindeliste ist eine Datei, die netz liest: validate prüft sie (NZ120)."""
    csv = daten / "geo" / "nrw-gemeinden.csv"
    zeilen = csv.read_bytes().split(b"\r\n")
    zeilen[3] = b'05158028,"Ratingen, Stadt",05170,Kreis Wesel'
    csv.write_bytes(b"\r\n".join(zeilen))
    j = netz("validate", "--format", "json").json()
    assert [(p["code"], p["zeile"]) for p in j["probleme"]] == [("NZ120", 4)]


def test_gemeindeliste_einzelne_fehler() -> None:
    kopf = "ags,name,kreis_ags,kreis\n"
    gut = '05158028,"Ratingen, Stadt",05158,Kreis Mettmann\n'
    g, b = pruefe_gemeinden("x.csv", kopf + gut, {"05158"})
    assert [x.ortsname for x in g] == ["Ratingen"] and b == []
    for zeile in (
        "15158028,X,15158,K\n",  # kein NRW-Schlüssel
        "05158028,X\n",  # zu wenig Spalten
        "05158028,,05158,K\n",  # leerer Name
        "05158028,X\x07,05158,K\n",  # unsichtbares Zeichen
        "05158028,X,05170,K\n",  # falscher Kreis
    ):
        g, b = pruefe_gemeinden("x.csv", kopf + zeile, {"05158"})
        assert g == () and [p.code for p in b] == ["NZ120"], zeile
    _, b = pruefe_gemeinden("x.csv", "falsch\n" + gut, {"05158"})
    assert [p.zeile for p in b] == [1]
    _, b = pruefe_gemeinden("x.csv", kopf + gut + gut, {"05158"})
    assert [p.zeile for p in b] == [3]  # doppelt
