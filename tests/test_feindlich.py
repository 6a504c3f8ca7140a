"""Feindliche Pull-Requests: was eine fremde Datei im Datenordner anrichten kann – und nicht.

Je Angriffsklasse ein Fall mit dem erwarteten Code. Für alle gilt: kein Absturz, kein
Hängen, kein Byte einer Datei außerhalb des Datenordners in irgendeiner Ausgabe, höchstens
``MAX_BEFUNDE`` + 1 Befunde je Datei. ``make test-hostile`` lässt diese Datei zusätzlich
unter ``ulimit -v`` und einer Zeitgrenze laufen.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from netzwerk_cli.pruefen import datei as datei_modul
from netzwerk_cli.pruefen.codes import MAX_BEFUNDE, MAX_BYTES
from tests.conftest import DATEN

GEHEIM = "GEHEIM-TOKEN-7f3a9c"
FORMATE = ("text", "json", "github", "markdown", "csv")


@pytest.fixture
def geheim(tmp_path: Path) -> Path:
    """Eine Datei außerhalb des Datenordners, wie ~/.netrc eines CI-Rechners."""
    f = tmp_path / "draussen" / "netrc"
    f.parent.mkdir()
    f.write_text(f"machine github.com login ci password {GEHEIM}\n", encoding="utf-8")
    return f


def _alle_ausgaben(netz: Any, *befehle: tuple[str, ...]) -> str:
    out = []
    for fmt in FORMATE:
        lauf = netz("validate", "--format", fmt)
        assert lauf.exit_code == 1, (fmt, lauf.stdout, lauf.stderr)
        out += [lauf.stdout, lauf.stderr]
    for b in befehle:
        lauf = netz(*b)
        out += [lauf.stdout, lauf.stderr]
    return "\n".join(out)


def _codes(netz: Any, name: str) -> list[str]:
    j = netz("validate", "--format", "json").json()
    return [p["code"] for p in j["probleme"] if os.path.basename(p["datei"]) == name]


# --- Nur reguläre Dateien direkt im Datenordner --------------------------------------------


@pytest.mark.parametrize(
    "ort",
    ["regionen/05999-x.yaml", "vertraege/05170-wesel-2020-01-01.yaml", "programm.yaml"],
)
def test_verknuepfung_nach_draussen_wird_nie_gelesen(netz: Any, daten: Path, geheim: Path, ort: str) -> None:
    ziel = daten / ort
    ziel.unlink(missing_ok=True)
    ziel.symlink_to(geheim)
    text = _alle_ausgaben(netz, ("status",), ("list",), ("show", "köln"))
    assert GEHEIM not in text and "password" not in text
    assert "NZ112" in text


def test_verknuepfte_quelle_zaehlt_nicht(netz: Any, daten: Path, geheim: Path) -> None:
    q = daten / "quellen" / "pressemitteilung-2010-05-06.txt"
    q.unlink()
    q.symlink_to(geheim)
    text = _alle_ausgaben(netz)
    assert GEHEIM not in text and "NZ602" in text


def test_verknuepfte_grenzen_werden_nicht_gelesen(
    netz: Any, daten: Path, geheim: Path, tmp_path: Path
) -> None:
    g = daten / "geo" / "nrw-kreise.geojson"
    g.unlink()
    g.symlink_to(geheim)
    lauf = netz("map", "--svg", str(tmp_path / "k.svg"))
    assert lauf.exit_code == 1 and GEHEIM not in lauf.stdout + lauf.stderr
    assert "symbolische Verknüpfung" in lauf.stderr


@pytest.mark.parametrize("ziel", ["/dev/zero", "/dev/urandom"])
def test_verknuepfung_auf_geraet(netz: Any, daten: Path, ziel: str) -> None:
    (daten / "regionen" / "05999-x.yaml").symlink_to(ziel)
    (daten / ".netz.lock").symlink_to(ziel)
    assert "NZ112" in _codes(netz, "05999-x.yaml")


def test_fifo_haengt_nicht(netz: Any, daten: Path) -> None:
    os.mkfifo(daten / "vertraege" / "05170-wesel-2020-01-01.yaml")
    assert _codes(netz, "05170-wesel-2020-01-01.yaml") == ["NZ112"]


@pytest.mark.parametrize(
    ("name", "code"),
    [
        (".versteckt.yaml", "NZ113"),
        ("05999-x.yml", "NZ113"),
        ("05999-x.YAML", "NZ113"),
        ("liesmich.txt", "NZ113"),
    ],
)
def test_andere_dateien_werden_gemeldet(netz: Any, daten: Path, name: str, code: str) -> None:
    (daten / "regionen" / name).write_text("ags: 1\n", encoding="utf-8")
    assert _codes(netz, name) == [code]


def test_unterordner(netz: Any, daten: Path) -> None:
    (daten / "regionen" / "unter.yaml").mkdir()
    (daten / "regionen" / "unter.yaml" / "05999-x.yaml").write_text("ags: 1\n", encoding="utf-8")
    (daten / "vertraege" / "mehr").mkdir()
    assert _codes(netz, "unter.yaml") == ["NZ112"] and _codes(netz, "mehr") == ["NZ113"]


def test_riesige_datei_wird_nicht_gelesen(netz: Any, daten: Path) -> None:
    """Größe am Deskriptor geprüft: eine (dünn belegte) 4-GiB-Datei kostet nichts."""
    f = daten / "vertraege" / "05170-wesel-2020-01-01.yaml"
    with open(f, "wb") as h:
        h.truncate(4 * 1024**3)
    assert _codes(netz, f.name) == ["NZ102"]


# --- Lineare Zeit, begrenzte Ausgabe ---------------------------------------------------------

KOPF = 'region: "05170"\nunterzeichnet: 2020-01-01\nquellen: ["https://example.org"]\n'


def _fuelle(zeile: Callable[[int], str], kopf: str = KOPF) -> str:
    """So viele Zeilen, wie knapp unter 1 MiB passen."""
    teile, groesse, i = [kopf], len(kopf), 0
    while True:
        z = zeile(i)
        if groesse + len(z.encode()) > MAX_BYTES - 64:
            return "".join(teile)
        teile.append(z)
        groesse += len(z.encode())
        i += 1


ANGRIFFE: dict[str, tuple[Callable[[], str], str]] = {
    "unbekannte-schluessel": (lambda: _fuelle(lambda i: f"k{i}: 1\n"), "NZ117"),
    "doppelte-schluessel": (lambda: _fuelle(lambda i: "bemerkung: x\n", KOPF + "bemerkung: x\n"), "NZ117"),
    "listeneintraege": (
        lambda: _fuelle(lambda i: "  - 1\n", KOPF.replace("quellen: [", "q: [") + "quellen:\n"),
        "NZ117",
    ),
    "tags": (lambda: _fuelle(lambda i: f"k{i}: !!int x\n"), "NZ117"),
    # knapp unter der Grenze der Einträge: dann zählen die Befunde je Eintrag, begrenzt
    "viele-tags": (lambda: KOPF + "".join(f"k{i}: !!int x\n" for i in range(990)), "NZ108"),
    "viele-unbekannte": (lambda: KOPF + "".join(f"k{i}: 1\n" for i in range(990)), "NZ202"),
    "verschachtelt": (lambda: KOPF + "bemerkung: " + "[" * 200_000 + "]" * 200_000 + "\n", ""),
    # Zahlenfelder gibt es nur in Regionen: einwohner
    "sexagesimal": (lambda: _region("1" + ":0" * 300_000), "NZ203"),
    "lange-zahl": (lambda: _region("9" * 500_000), "NZ203"),
    "hex-zahl": (lambda: _region("0x" + "f" * 60), "NZ204"),
}
REGION = "regionen/05111-duesseldorf.yaml"


def _region(einwohner: str) -> str:
    original = (DATEN / REGION).read_text(encoding="utf-8")
    return original.replace("einwohner: 619294", f"einwohner: {einwohner}")


@pytest.mark.parametrize("art", sorted(ANGRIFFE))
def test_angriff_begrenzt(art: str, netz: Any, daten: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    inhalt, code = ANGRIFFE[art]
    f = daten / (REGION if "zahl" in art or art == "sexagesimal" else "vertraege/05170-wesel-2020-01-01.yaml")
    f.write_text(inhalt(), encoding="utf-8")
    assert f.stat().st_size <= MAX_BYTES
    # Fundstellen kosten je einen Gang durch die Datei: nur für die gezeigten Befunde
    gaenge = 0
    echt = datei_modul.finde

    def zaehle(*a: Any, **k: Any) -> Any:
        nonlocal gaenge
        gaenge += 1
        return echt(*a, **k)

    monkeypatch.setattr(datei_modul, "finde", zaehle)
    lauf = netz("validate", "--format", "json")
    assert lauf.exit_code == 1
    probleme = [p for p in lauf.json()["probleme"] if os.path.basename(p["datei"]) == f.name]
    assert 1 <= len(probleme) <= MAX_BEFUNDE + 1
    assert gaenge <= MAX_BEFUNDE
    if code:
        assert probleme[0]["code"] == code
    # breit, damit der lange Pfad unter pytest nicht umbricht: gezählt werden Befunde, nicht Umbrüche
    monkeypatch.setenv("COLUMNS", "250")
    text = netz("validate").stdout
    assert len(text.splitlines()) <= 4 * (MAX_BEFUNDE + 2) + 10  # Zeile, Ausschnitt, ^, Hinweis je Befund


# --- Grenzen (geo/): geprüft wie jede Datei, bevor ein Renderer sie sieht ---------------------

GEO = "geo/nrw-kreise.geojson"


def _erste_flaeche(text: str, neu: Callable[[list[list[float]]], object]) -> str:
    """Die erste Fläche mit einem anderen äußeren Ring (die übrigen bleiben Zeichen für Zeichen)."""
    zeilen = text.split("\n")
    i = next(n for n, z in enumerate(zeilen) if '"Feature"' in z)
    f = json.loads(zeilen[i].rstrip(","))
    f["geometry"]["coordinates"] = [neu(f["geometry"]["coordinates"][0])]
    zeilen[i] = json.dumps(f, separators=(",", ":")) + ("," if zeilen[i].endswith(",") else "")
    return "\n".join(zeilen)


def _meridian(ring: list[list[float]]) -> list[list[float]]:
    return [[6.5, lat] for _, lat in ring]


def _nan(ring: list[list[float]]) -> list[list[float]]:
    return [ring[0], [float("nan"), ring[1][1]], *ring[2:]]


def _viele_punkte(ring: list[list[float]]) -> list[list[float]]:
    return [[6 + i % 2, 51 + (i // 2) % 2] for i in range(150_000)] + [[6, 51]]


GEO_ANGRIFFE: dict[str, tuple[Callable[[str], str], str]] = {
    # die Reproduktion des Berichts: map, report und site liefen endlos
    "exponent": (lambda t: t.replace("6.5591", "6.5591e9", 1), "NZ703"),
    "features-leer": (lambda t: '{"type":"FeatureCollection","features":[]}\n', "NZ701"),
    "meridian": (lambda t: _erste_flaeche(t, _meridian), "NZ702"),
    "nan": (lambda t: _erste_flaeche(t, _nan), "NZ703"),
    "unendlich": (lambda t: t.replace("6.5591", "1e999", 1), "NZ703"),
    "drei-punkte": (lambda t: _erste_flaeche(t, lambda r: [r[0], r[1], r[0]]), "NZ702"),
    "offen": (lambda t: _erste_flaeche(t, lambda r: r[:-1]), "NZ702"),
    "viele-punkte": (lambda t: _erste_flaeche(t, _viele_punkte), "NZ705"),
    "tief": (lambda t: t.replace("[[[", "[" * 100_000 + "[[[", 1), "NZ701"),
    "lange-zahl": (lambda t: t.replace("6.5591", "6" * 50_000, 1), "NZ701"),
    "kein-json": (lambda t: t[: len(t) // 2], "NZ701"),
    "keine-sammlung": (lambda t: "[1, 2, 3]\n", "NZ701"),
    "multipolygon": (lambda t: t.replace('"Polygon"', '"MultiPolygon"', 1), "NZ702"),
    "ags-zahl": (lambda t: t.replace('"ags":"05111"', '"ags":5111', 1), "NZ702"),
    "flaeche-fehlt": (lambda t: _ohne_erste(t), "NZ704"),
    "flaeche-doppelt": (lambda t: t.replace('"ags":"05112"', '"ags":"05111"', 1), "NZ704"),
    "flaeche-ohne-region": (lambda t: t.replace('"ags":"05111"', '"ags":"05999"', 1), "NZ704"),
    "zu-gross": (lambda t: t + " " * (3 * 1024 * 1024), "NZ102"),
    "kein-utf8": (lambda t: t.replace("Düsseldorf", "D\udcfcsseldorf", 1), "NZ103"),
}


def _ohne_erste(text: str) -> str:
    zeilen = text.split("\n")
    i = next(n for n, z in enumerate(zeilen) if '"Feature"' in z)
    return "\n".join(zeilen[:i] + zeilen[i + 1 :])


@pytest.mark.parametrize("art", sorted(GEO_ANGRIFFE))
def test_grenzen_feindlich(art: str, netz: Any, daten: Path, tmp_path: Path) -> None:
    """Jede kaputte Grenzdatei: ein Befund mit Stelle in validate, Exit 1 in map – kein Hängen,
    kein interner Fehler."""
    aendern, code = GEO_ANGRIFFE[art]
    g = daten / GEO
    g.write_bytes(aendern(g.read_text(encoding="utf-8")).encode("utf-8", "surrogateescape"))
    lauf = netz("validate", "--format", "json")
    assert lauf.exit_code == 1, lauf.stdout
    probleme = [p for p in lauf.json()["probleme"] if p["datei"].endswith(GEO)]
    assert probleme and probleme[0]["code"] == code, probleme
    assert all(p["zeile"] >= 1 and p["spalte"] >= 1 for p in probleme)
    assert len(probleme) <= MAX_BEFUNDE + 1
    karte = netz("map", "--svg", str(tmp_path / "k.svg"))
    assert karte.exit_code == 1, karte.stderr
    assert code in karte.stderr and "interner Fehler" not in karte.stderr
    assert not (tmp_path / "k.svg").exists()


def test_grenzen_exponent_genau_an_der_zahl(netz: Any, daten: Path, tmp_path: Path) -> None:
    """6.5591 → 6.5591e9: der Befund steht an Zeile und Spalte der Zahl und nennt sie; Karte,
    Bericht und Website enden mit Exit 1 statt endlos zu laufen."""
    g = daten / GEO
    text = g.read_text(encoding="utf-8").replace("6.5591", "6.5591e9", 1)
    g.write_text(text, encoding="utf-8")
    pos = text.index("6.5591e9")
    zeile, spalte = text.count("\n", 0, pos) + 1, pos - text.rfind("\n", 0, pos)
    (p,) = [p for p in netz("validate", "--format", "json").json()["probleme"] if p["datei"].endswith(GEO)]
    assert (p["zeile"], p["spalte"], p["code"]) == (zeile, spalte, "NZ703")
    assert "6.5591e9" in p["meldung"]
    for befehl in (
        ("map", "--svg", str(tmp_path / "k.svg")),
        ("map", "--zeitreihe", "--svg", str(tmp_path / "z.svg")),
        ("report", "--html", str(tmp_path / "b.html")),
        ("site", str(tmp_path / "site")),
    ):
        lauf = netz(*befehl)
        assert lauf.exit_code == 1, (befehl, lauf.stderr)
        assert "NZ703" in lauf.stderr
    assert not any(tmp_path.glob("*.svg")) and not (tmp_path / "b.html").exists()


@pytest.mark.parametrize("ordner", ["geo", "quellen"])
def test_verknuepfter_ordner_wird_nicht_gelesen(
    netz: Any, daten: Path, tmp_path: Path, geheim: Path, ordner: str
) -> None:
    """data/geo bzw. data/quellen als Verknüpfung nach draußen: NZ112 am Ordner, nichts wird
    durch sie gelesen – nicht die Grenzen von dort, nicht das Dasein einer Datei dort."""
    draussen = tmp_path / "fremd"
    shutil.copytree(daten / ordner, draussen)
    (draussen / "netrc").write_text(geheim.read_text(encoding="utf-8"), encoding="utf-8")
    if ordner == "geo":  # eine Grenzdatei, die das Geheimnis als Namen trüge
        g = draussen / "nrw-kreise.geojson"
        g.write_text(g.read_text(encoding="utf-8").replace("Düsseldorf", GEHEIM), encoding="utf-8")
    shutil.rmtree(daten / ordner)
    (daten / ordner).symlink_to(draussen, target_is_directory=True)
    j = netz("validate", "--format", "json").json()
    assert [p["code"] for p in j["probleme"] if p["datei"].endswith(f"data/{ordner}")] == ["NZ112"]
    text = _alle_ausgaben(netz, ("map", "--svg", "-"), ("status",), ("sources",))
    assert GEHEIM not in text and "password" not in text
    if ordner == "quellen":  # die Pressemitteilung dort zählt nicht als vorhanden
        assert "NZ602" in text


def _viele_flaechen(geometrie: str, anzahl: int = 15_000) -> str:
    f = '{"type":"Feature","properties":{"ags":"05%03d","name":"x"},"geometry":%s}'
    return (
        '{"type":"FeatureCollection","features":[\n'
        + ",\n".join(f % (i % 1000, geometrie) for i in range(anzahl))
        + "\n]}\n"
    )


@pytest.mark.parametrize(
    ("geometrie", "code"),
    [
        ('{"type":"Point","coordinates":[6,51]}', "NZ702"),  # jede Fläche kaputt
        ('{"type":"Polygon","coordinates":[[[6,51],[7,51],[7,52],[6,51]]]}', "NZ704"),  # AGS doppelt
    ],
)
def test_grenzen_viele_befunde_linear(
    geometrie: str, code: str, netz: Any, daten: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """15.000 kaputte Flächen (1,6 MiB): höchstens MAX_BEFUNDE + 1 Befunde, und die Stellen
    werden nur für die gezeigten gesucht – gezählt an den Gängen durch ein JSON-Glied."""
    from netzwerk_cli.pruefen import geo

    (daten / GEO).write_text(_viele_flaechen(geometrie), encoding="utf-8")
    gaenge = 0
    echt = geo._glieder

    def zaehle(*a: Any) -> Any:
        nonlocal gaenge
        gaenge += 1
        return echt(*a)

    monkeypatch.setattr(geo, "_glieder", zaehle)
    lauf = netz("validate", "--format", "json")
    assert lauf.exit_code == 1
    probleme = [p for p in lauf.json()["probleme"] if p["datei"].endswith(GEO)]
    codes = sorted(p["code"] for p in probleme)
    assert codes == sorted([code] * MAX_BEFUNDE + ["NZ199"])
    assert gaenge <= 2 + 60 * 5  # einmal die Datei, einmal features, je gezeigtem Befund ein Pfad


@pytest.mark.parametrize("art", ["fifo", "riesig", "ordner", "geraet", "quelle-fifo"])
def test_grenzen_und_quellen_keine_regulaere_datei(art: str, netz: Any, daten: Path, tmp_path: Path) -> None:
    """Die Grenzdatei als FIFO, 4-GiB-Datei, Ordner, Verknüpfung auf /dev/zero; eine FIFO in
    quellen/: ein Befund, nichts hängt, nichts wird gelesen."""
    g = daten / (GEO if art != "quelle-fifo" else "quellen/q.txt")
    g.unlink(missing_ok=True)
    if art in ("fifo", "quelle-fifo"):
        os.mkfifo(g)
    elif art == "riesig":
        with open(g, "wb") as h:
            h.truncate(4 * 1024**3)
    elif art == "ordner":
        g.mkdir()
    else:
        g.symlink_to("/dev/zero")
    j = netz("validate", "--format", "json").json()
    codes = [p["code"] for p in j["probleme"] if p["datei"].endswith(g.name)]
    assert codes == (["NZ102"] if art == "riesig" else ["NZ112"])
    if art != "quelle-fifo":
        lauf = netz("map", "--svg", str(tmp_path / "k.svg"))
        assert lauf.exit_code == 1 and "interner Fehler" not in lauf.stderr
