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
import time
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


# Die vier Angriffe, die eine Datei bis an MAX_BYTES füllen, kosten je Sekunden: langsam („make
# test“ prüft die Grenzen mit den kleineren Fällen; .ci/run mit -m slow und make test-hostile mit allen)
_BIS_AN_DIE_GRENZE = {"unbekannte-schluessel", "doppelte-schluessel", "listeneintraege", "tags"}


@pytest.mark.parametrize(
    "art",
    [pytest.param(a, marks=[pytest.mark.slow] if a in _BIS_AN_DIE_GRENZE else []) for a in sorted(ANGRIFFE)],
)
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


# --- sources check: nur öffentliche Adressen, Fristen, keine Geheimnisse der Gegenseite -------


class _Server:
    """Ein HTTP-Server auf 127.0.0.1 (Thread, freier Port), der jede Anfrage zählt."""

    def __init__(self, antworten: dict[str, tuple[int, dict[str, str]]], tropfen: float = 0.0) -> None:
        import threading
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

        self.anfragen: list[str] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                pass

            def _bearbeite(self) -> None:
                server.anfragen.append(self.path)
                if self.path.startswith("/tropfen"):
                    # Kopfzeilen Byte für Byte: jede Lesefrist hält, die ganze Antwort nie
                    try:
                        for b in b"HTTP/1.1 200 OK\r\nX-Lang: " + b"x" * 400:
                            self.wfile.write(bytes([b]))
                            self.wfile.flush()
                            time.sleep(tropfen)
                    except OSError:
                        pass
                    self.close_connection = True
                    return
                status, kopf = antworten.get(self.path.split("?")[0], (404, {}))
                self.send_response(status)
                for k, v in kopf.items():
                    self.send_header(k, v)
                self.send_header("Content-Length", "0")
                self.end_headers()

            do_GET = _bearbeite
            do_HEAD = _bearbeite

        import time

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        # kurzes Abfrageintervall: shutdown() wartet sonst bis zu 0,5 s je Test
        threading.Thread(target=self.httpd.serve_forever, args=(0.02,), daemon=True).start()

    def schliessen(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def lokal() -> Any:
    s = lokaler_server()
    yield s
    s.schliessen()


def lokaler_server() -> _Server:
    """Der Server der Tests von sources check: Umleitungen nach innen, ein tröpfelnder Pfad."""
    return _Server(
        {
            "/ok": (200, {}),
            "/zu-metadaten": (302, {"Location": "http://169.254.169.254/latest/meta-data/?token=GEHEIM1"}),
            "/zu-privat": (301, {"Location": "http://user:GEHEIM2@10.1.2.3/admin?token=GEHEIM3"}),
            "/zu-v6": (307, {"Location": "http://[fd00::1]/x"}),
            "/zu-null": (302, {"Location": "http://0.0.0.0/x"}),
            "/zu-datei": (302, {"Location": "file:///etc/passwd"}),
            "/zu-gopher": (302, {"Location": "gopher://example.org/"}),
            "/zu-ok": (302, {"Location": "/ok?token=GEHEIM4#frag"}),
        },
        tropfen=0.1,
    )


LOOPBACK_FORMEN = [
    "http://127.0.0.1:{port}/ok",
    "http://localhost:{port}/ok",
    "http://[::1]:{port}/ok",
    "http://127.1:{port}/ok",
    "http://2130706433:{port}/ok",
    "http://0x7f000001:{port}/ok",
    "http://0177.0.0.1:{port}/ok",
    "http://[::ffff:127.0.0.1]:{port}/ok",
    "http://0.0.0.0:{port}/ok",
    "http://127.0.0.1.:{port}/ok",
    "http://nutzer:pw@127.0.0.1:{port}/ok",
    "https://127.0.0.1:{port}/ok",
]
PRIVAT_FORMEN = [
    "http://10.0.0.1/",
    "http://172.16.5.4/",
    "http://192.168.1.1/",
    "http://169.254.169.254/latest/meta-data/",
    "http://100.64.0.1/",
    "http://224.0.0.1/",
    "http://240.0.0.1/",
    "http://255.255.255.255/",
    "http://[fe80::1]/",
    "http://[fd12:3456::1]/",
    "http://[ff02::1]/",
    "http://[64:ff9b::7f00:1]/",
    "http://[2002:7f00:1::]/",
]


@pytest.mark.parametrize("form", LOOPBACK_FORMEN + PRIVAT_FORMEN)
def test_sources_check_verweigert_nicht_oeffentliche_adressen(lokal: _Server, form: str) -> None:
    from netzwerk_cli.daten.netz import pruefe_adressen
    from netzwerk_cli.kern.quellen import Fehlerart

    url = form.format(port=lokal.port)
    a = pruefe_adressen([url], 1.0)[url]
    # „127.0.0.1.“ löst der Resolver gar nicht auf: keine Verbindung – angefragt wird auch sie nicht
    erwartet = Fehlerart.VERBINDUNG if form.startswith("http://127.0.0.1.:") else Fehlerart.NICHT_OEFFENTLICH
    assert a.fehler is erwartet, (url, a)
    assert lokal.anfragen == []  # nie angefragt


@pytest.mark.parametrize(
    "pfad", ["/zu-metadaten", "/zu-privat", "/zu-v6", "/zu-null", "/zu-datei", "/zu-gopher"]
)
def test_sources_check_verweigert_umleitung_nach_innen(lokal: _Server, pfad: str) -> None:
    """Der Server selbst ist (nur im Test) erlaubt; sein Ziel im eigenen Netz nie."""
    from netzwerk_cli.daten.netz import pruefe_adressen
    from netzwerk_cli.kern.quellen import Fehlerart

    url = f"http://127.0.0.1:{lokal.port}{pfad}"
    a = pruefe_adressen([url], 1.0, lokal_erlaubt=True)[url]
    assert a.fehler in (Fehlerart.NICHT_OEFFENTLICH, Fehlerart.UNGUELTIG), a
    assert a.ziel is None or "GEHEIM" not in a.ziel
    assert lokal.anfragen == [pfad] * len(lokal.anfragen) and len(lokal.anfragen) <= 2


def test_sources_check_frist_je_adresse_und_lauf(lokal: _Server) -> None:
    """Ein Server, der Byte für Byte tröpfelt (jede Lesefrist hält), hält eine Adresse höchstens
    FRIST_FAKTOR Fristen lang und den Lauf höchstens so lange, wie die Reihen brauchen."""
    from netzwerk_cli.daten.netz import FRIST_FAKTOR, pruefe_adressen
    from netzwerk_cli.kern.quellen import Fehlerart

    urls = [f"http://127.0.0.1:{lokal.port}/tropfen?{i}" for i in range(4)]
    anfang = time.monotonic()
    antworten = pruefe_adressen(urls, 0.3, parallel=2, lokal_erlaubt=True)
    dauer = time.monotonic() - anfang
    assert all(antworten[u].fehler is Fehlerart.ZEIT for u in urls), antworten
    # 4 Adressen in 2 Reihen: höchstens 2 × FRIST_FAKTOR × 0,3 s plus Aufräumen – nicht 40 s Tröpfeln
    assert dauer < 2 * FRIST_FAKTOR * 0.3 + 3.0, dauer


# --- Lineare Grenzen: NZ405 und Befunde je Datei und Code --------------------------------------


def test_nz405_findet_jede_sichere_ueberschneidung() -> None:
    """Der Durchlauf findet jede Überschneidung, die der Paarvergleich fand (kleine Fälle)."""
    import itertools
    import random

    from netzwerk_cli.kern.bestand import Dokument
    from netzwerk_cli.kern.modelle import Vertrag
    from netzwerk_cli.pruefen.uebergreifend import _sicher_gleichzeitig, _ueberschneidungen

    zufall = random.Random(20)
    formen = [
        "2010",
        "2010-03",
        "2010-03-05",
        "spätestens 2011-01-01",
        "zwischen 2009 und 2012",
        "2012",
        "2008-07",
    ]
    for runde in range(300):
        doks = []
        for k in range(zufall.randint(1, 6)):
            daten_ = {
                "region": "05111",
                "unterzeichnet": zufall.choice(formen),
                "quellen": ["https://example.org/"],
            }
            if zufall.random() < 0.5:
                daten_["endet"] = zufall.choice(["2011", "2013-05", "zwischen 2010 und 2014", "2009-12-31"])
            try:
                v = Vertrag.model_validate(daten_)
            except Exception:
                continue
            doks.append(Dokument(f"v{runde}-{k}.yaml", f"data/vertraege/v{runde}-{k}.yaml", v, {}))
        paare = any(_sicher_gleichzeitig(a.modell, b.modell) for a, b in itertools.combinations(doks, 2))
        befunde = _ueberschneidungen(doks)
        assert bool(befunde) == paare, [d.modell for d in doks]


# --- Adressen mit Anmeldedaten: Befund und echte Anzeige ----------------------------------------

TAEUSCHUNG = "https://www.schulministerium.nrw.de" + "x" * 120 + "@evil.example/pfad"


@pytest.mark.parametrize(
    ("ort", "eintrag"),
    [
        ("vertraege/05111-duesseldorf-2009-08-24.yaml", f"  - {TAEUSCHUNG}\n"),
        (
            "vertraege/05111-duesseldorf-2009-08-24.yaml",
            f"  - url: {TAEUSCHUNG}\n    abgerufen: 2024-01-01\n",
        ),
        ("vertraege/05111-duesseldorf-2009-08-24.yaml", "  - https://nutzer:passwort@example.org/\n"),
    ],
)
def test_adresse_mit_anmeldedaten_ist_ein_befund(netz: Any, daten: Path, ort: str, eintrag: str) -> None:
    f = daten / ort
    f.write_text(f'region: "05111"\nunterzeichnet: 2009-08-24\nquellen:\n{eintrag}', encoding="utf-8")
    befunde = netz("validate", "--format", "json").json()["probleme"]
    nz = [p for p in befunde if p["code"] == "NZ602" and p["datei"].endswith(f.name)]
    assert nz, befunde
    assert nz[0]["zeile"] == 4
    assert "Anmeldedaten" in nz[0]["meldung"]
    assert "evil.example" in nz[0]["meldung"] or "example.org" in nz[0]["meldung"]


def test_linktext_zeigt_den_echten_rechner() -> None:
    """Die Filter „rechner“ und „url_anzeige“ der Vorlagen (teile.html.j2). Eine Seite mit
    solcher Adresse entsteht nie – validate meldet sie als Fehler, site verweigert dann."""
    from netzwerk_cli.render.html import _rechner, _url_anzeige

    assert _rechner(TAEUSCHUNG) == "evil.example (mit Anmeldedaten)"
    assert _url_anzeige(TAEUSCHUNG).startswith("evil.example/pfad")
    assert "schulministerium" not in _url_anzeige(TAEUSCHUNG)
    assert _url_anzeige("https://example.org/" + "a" * 200).startswith("example.org/aaa")
    assert len(_url_anzeige("https://example.org/" + "a" * 200)) == 90


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
    # ein Schlüssel zweimal: Python nähme den letzten, andere Leser den ersten
    "schluessel-doppelt": (
        lambda t: t.replace('"type":"FeatureCollection"', '"type":"FeatureCollection","features":[]', 1),
        "NZ701",
    ),
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


@pytest.mark.parametrize(
    "art",
    # viele-punkte (eine Fläche mit Millionen Punkten) ist langsam: .ci/run und make test-hostile
    [pytest.param(a, marks=[pytest.mark.slow] if a == "viele-punkte" else []) for a in sorted(GEO_ANGRIFFE)],
)
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
