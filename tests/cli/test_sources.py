"""netz sources check gegen einen HTTP-Server auf 127.0.0.1 – kein Test erreicht das Internet.

Der Server (http.server in einem Thread, freier Port) antwortet je Pfad anders: 200, 301 → 200,
404, 410, 500, zu langsam, Umleitungsschleife, ein riesiger Körper, HEAD verboten. Die Kopie der
Daten zeigt mit jeder Webadresse auf ihn.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

LANGSAM = 3.0  # Sekunden, die /langsam wartet – die Tests setzen --timeout 0.5 bis 1.5


class _Zaehler:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.gleichzeitig = 0
        self.hoechstens = 0
        self.anfragen: list[tuple[str, str]] = []
        self.riesig_gesendet = 0


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    zaehler: _Zaehler

    def log_message(self, *args: Any) -> None:  # still
        pass

    def _antwort(self, status: int, kopf: dict[str, str] | None = None, koerper: bytes = b"") -> None:
        self.send_response(status)
        for k, v in (kopf or {}).items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(koerper)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(koerper)

    def _bearbeite(self) -> None:
        z = self.zaehler
        pfad = self.path.split("?", 1)[0]
        with z.lock:
            z.anfragen.append((self.command, self.path))
            z.gleichzeitig += 1
            z.hoechstens = max(z.hoechstens, z.gleichzeitig)
        abgemeldet = False
        try:
            if pfad == "/ok" or pfad == "/archiv":
                self._antwort(200, koerper=b"ok")
            elif pfad == "/umzug":
                self._antwort(301, {"Location": "/ok?nach=umzug"})
            elif pfad == "/weg":
                self._antwort(404, koerper=b"nicht da")
            elif pfad == "/entfernt":
                self._antwort(410)
            elif pfad == "/kaputt":
                self._antwort(500)
            elif pfad == "/langsam":
                time.sleep(LANGSAM)
                self._antwort(200)
            elif pfad == "/schleife":
                self._antwort(302, {"Location": "/schleife"})
            elif pfad == "/nur-get":
                self._antwort(405 if self.command == "HEAD" else 200)
            elif pfad == "/riesig":
                self._riesig()
            elif pfad == "/zaehlen":
                time.sleep(0.3)
                # vor der Antwort abmelden: sobald der Client sie liest, darf er die nächste
                # Anfrage schicken – zählte dieser Thread dann noch mit, sähe der Server eine
                # Anfrage mehr gleichzeitig, als netz je stellt (CI: 4 bei --parallel 3)
                with z.lock:
                    z.gleichzeitig -= 1
                abgemeldet = True
                self._antwort(200)
            else:
                self._antwort(404)
        finally:
            if not abgemeldet:
                with z.lock:
                    z.gleichzeitig -= 1

    def _riesig(self) -> None:
        """HEAD verboten, GET schickt 10 GiB – solange der Client liest."""
        if self.command == "HEAD":
            self._antwort(405)
            return
        self.send_response(200)
        self.send_header("Content-Length", str(10 * 1024**3))
        self.end_headers()
        block = b"x" * 65536
        try:
            for _ in range(10 * 1024**3 // len(block)):
                self.wfile.write(block)
                self.zaehler.riesig_gesendet += len(block)
        except OSError:
            pass  # der Client hat aufgelegt – so soll es sein
        self.close_connection = True

    do_GET = _bearbeite
    do_HEAD = _bearbeite


@pytest.fixture(autouse=True)
def _loopback_erlaubt(monkeypatch: pytest.MonkeyPatch) -> None:
    """Der Testserver lauscht auf 127.0.0.1, den netz sonst nie anfragt: nur hier, als Argument
    der inneren Funktion, erlaubt (tests/test_feindlich.py prüft die Verweigerung)."""
    import functools

    from netzwerk_cli.daten import netz as netz_modul

    monkeypatch.setattr(
        netz_modul, "pruefe_adressen", functools.partial(netz_modul.pruefe_adressen, lokal_erlaubt=True)
    )


@pytest.fixture
def server() -> Iterator[tuple[str, _Zaehler]]:
    zaehler = _Zaehler()
    handler = type("Handler", (_Handler,), {"zaehler": zaehler})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    # kurzes Abfrageintervall: shutdown() wartet sonst bis zu 0,5 s je Test
    thread = threading.Thread(target=httpd.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", zaehler
    finally:
        httpd.shutdown()
        httpd.server_close()


_WEB = re.compile(r"https?://[^\s\"']+")


def _nur_lokal(daten: Path, basis: str) -> None:
    """Jede Webadresse der Datenkopie zeigt auf /ok des lokalen Servers."""
    for f in [*daten.glob("*/*.yaml"), daten / "programm.yaml"]:
        text = f.read_text(encoding="utf-8")
        f.write_text(_WEB.sub(f"{basis}/ok", text), encoding="utf-8")


def _mit_quellen(daten: Path, quellen: list[str]) -> Path:
    """Der Vertrag Düsseldorf nennt genau diese Quellen (jede Zeile schon als YAML)."""
    pfad = daten / "vertraege" / "05111-duesseldorf-2009-08-24.yaml"
    zeilen = "".join(f"  - {q}\n" for q in quellen)
    pfad.write_text(
        f'region: "05111"\nunterzeichnet: 2009-08-24\nquellen:\n{zeilen}',
        encoding="utf-8",
    )
    return pfad


def _nach_url(ergebnis: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {a["url"]: a for a in ergebnis["adressen"]}


def test_jede_antwort_richtig_eingeordnet(
    daten: Path, netz: Any, server: tuple[str, _Zaehler], tmp_path: Path
) -> None:
    basis, zaehler = server
    _nur_lokal(daten, basis)
    _mit_quellen(
        daten,
        [
            f"{basis}/umzug",
            f"{basis}/weg",
            f"{basis}/entfernt",
            f"{basis}/kaputt",
            f"{basis}/langsam",
            f"{basis}/nur-get",
            f"url: {basis}/ok?objekt=1\n    archiv: {basis}/archiv\n    abgerufen: 2024-03-01",
            "quellen/pressemitteilung-2010-05-06.txt",
            "quellen/gibt-es-nicht.txt",
        ],
    )
    # anderthalb Sekunden: unter Last (xdist, CI) antwortete der lokale Server sonst nicht immer
    # rechtzeitig; /langsam wartet mit LANGSAM trotzdem länger
    lauf = netz("sources", "check", "--format", "json", "--timeout", "1.5")
    assert lauf.exit_code == 0, lauf.stderr  # tote Links blockieren nie
    e = lauf.json()
    a = _nach_url(e)
    # keine Adresse außerhalb des lokalen Servers (und der Quelldateien)
    assert all(u.startswith((basis, "quellen/")) for u in a), list(a)

    assert (a[f"{basis}/ok"]["stufe"], a[f"{basis}/ok"]["status"]) == ("ok", 200)
    umzug = a[f"{basis}/umzug"]
    assert (umzug["stufe"], umzug["ergebnis"], umzug["umleitungen"]) == ("umgeleitet", "umgeleitet", 1)
    assert umzug["ziel"] == f"{basis}/ok"  # das Ziel einer Umleitung ohne Abfrage (?nach=…)
    assert (a[f"{basis}/weg"]["ergebnis"], a[f"{basis}/weg"]["status"]) == ("nicht_gefunden", 404)
    assert (a[f"{basis}/entfernt"]["ergebnis"], a[f"{basis}/entfernt"]["status"]) == ("entfernt", 410)
    assert (a[f"{basis}/kaputt"]["ergebnis"], a[f"{basis}/kaputt"]["status"]) == ("serverfehler", 500)
    langsam = a[f"{basis}/langsam"]
    assert (langsam["stufe"], langsam["ergebnis"], langsam["status"]) == (
        "warnung",
        "zeitueberschreitung",
        None,
    )
    assert langsam["sekunden"] < LANGSAM  # die Frist hat gegriffen, nicht die Geduld
    # HEAD abgelehnt (405): netz fragt mit GET nach und findet die Seite
    assert (a[f"{basis}/nur-get"]["stufe"], a[f"{basis}/nur-get"]["status"]) == ("ok", 200)
    assert ("GET", "/nur-get") in zaehler.anfragen
    # das Quellenobjekt: die Adresse und ihre Archivkopie, beide geprüft
    assert a[f"{basis}/ok?objekt=1"]["art"] == "quelle"
    assert (a[f"{basis}/archiv"]["art"], a[f"{basis}/archiv"]["stufe"]) == ("archiv", "ok")
    # Dateien unter quellen/: vorhanden oder nicht – ohne Netz
    assert a["quellen/pressemitteilung-2010-05-06.txt"]["ergebnis"] == "vorhanden"
    assert a["quellen/gibt-es-nicht.txt"]["ergebnis"] == "datei_fehlt"
    # jede Adresse einmal, mit allen Dateien, die sie zitieren
    assert len(e["adressen"]) == len(a)
    ok_dateien = a[f"{basis}/ok"]["dateien"]
    assert "data/programm.yaml" in [Path(d).parent.name + "/" + Path(d).name for d in ok_dateien]
    assert len(ok_dateien) > 40
    assert e["anzahl"] == {"gesamt": len(a), "erreichbar": 5, "umgeleitet": 1, "warnungen": 5}


def test_strict_und_bericht(daten: Path, netz: Any, server: tuple[str, _Zaehler], tmp_path: Path) -> None:
    basis, _ = server
    _nur_lokal(daten, basis)
    _mit_quellen(daten, [f"{basis}/umzug", f"{basis}/weg"])
    datei = tmp_path / "bericht.md"
    lauf = netz("sources", "check", "--bericht", str(datei), "--strict")
    assert lauf.exit_code == 1
    assert f"Bericht geschrieben: {datei}" in lauf.flach
    md = datei.read_text(encoding="utf-8")
    assert md.startswith("# Quellenprüfung vom 27.11.2026\n")
    assert "3 Webadressen und 1 Datei geprüft (Frist 10 s): 2 erreichbar, 1 umgeleitet, 1 mit Warnung." in md
    zeile_weg = next(z for z in md.splitlines() if z.startswith(f"| <{basis}/weg>"))
    assert "| Quelle | nicht gefunden (404) |" in zeile_weg
    assert "`" + str(daten / "vertraege" / "05111-duesseldorf-2009-08-24.yaml") in zeile_weg or (
        "05111-duesseldorf-2009-08-24.yaml`" in zeile_weg
    )
    zeile_umzug = next(z for z in md.splitlines() if z.startswith(f"| <{basis}/umzug>"))
    assert f"<{basis}/ok>" in zeile_umzug and "nach=umzug" not in md
    assert "## Warnungen (1)" in md and "## Umgeleitet (1)" in md and "## Erreichbar (2)" in md
    # Text für Menschen: Warnung und Umleitung mit Ziel, Adressen ungebrochen
    assert f"{basis}/weg" in lauf.stdout.splitlines()
    assert "nicht gefunden (404)" in lauf.flach
    assert f"→ {basis}/ok" in lauf.stdout and "nach=umzug" not in lauf.stdout
    ohne_strict = netz("sources", "check")
    assert ohne_strict.exit_code == 0
    tabelle = netz("sources", "check", "--format", "csv").stdout.splitlines()
    assert tabelle[0] == "url,art,stufe,ergebnis,status,ziel,umleitungen,sekunden,dateien"
    weg = next(z for z in tabelle if z.startswith(f"{basis}/weg,"))
    assert weg.startswith(f"{basis}/weg,quelle,warnung,nicht_gefunden,404,{basis}/weg,0,")


def test_nebenlaeufigkeit_begrenzt(daten: Path, netz: Any, server: tuple[str, _Zaehler]) -> None:
    basis, zaehler = server
    _nur_lokal(daten, basis)
    _mit_quellen(daten, [f"{basis}/zaehlen?n={i}" for i in range(12)])
    lauf = netz("sources", "check", "--format", "json", "--parallel", "3")
    assert lauf.exit_code == 0
    assert sum(u.startswith(f"{basis}/zaehlen") for u in _nach_url(lauf.json())) == 12
    assert 2 <= zaehler.hoechstens <= 3


def test_feindliche_adressen(daten: Path, netz: Any, server: tuple[str, _Zaehler]) -> None:
    """Umleitungsschleife, 10 GiB Körper, Leerzeichen in der Adresse: Warnungen, kein Hängen."""
    basis, zaehler = server
    _nur_lokal(daten, basis)
    _mit_quellen(daten, [f"{basis}/schleife", f"{basis}/riesig", f'"{basis}/ok mit leerzeichen"'])
    lauf = netz("sources", "check", "--format", "json", "--timeout", "5")
    assert lauf.exit_code == 0
    a = _nach_url(lauf.json())
    assert a[f"{basis}/schleife"]["ergebnis"] == "umleitungsschleife"
    assert (a[f"{basis}/riesig"]["stufe"], a[f"{basis}/riesig"]["status"]) == ("ok", 200)
    # netz las den Körper nicht: der Server kam nicht weit, bevor der Client auflegte
    assert zaehler.riesig_gesendet < 64 * 1024**2
    assert a[f"{basis}/ok mit leerzeichen"]["ergebnis"] == "ungueltig"
    assert not any("leerzeichen" in p for _, p in zaehler.anfragen)  # nie angefragt


def test_datei_mit_fehlern_wird_uebergangen(daten: Path, netz: Any, server: tuple[str, _Zaehler]) -> None:
    basis, _ = server
    _nur_lokal(daten, basis)
    _mit_quellen(daten, [f'"{basis}/ok\\u202e"'])  # Bidi-Zeichen: die Datei ist ungültig (NZ116)
    lauf = netz("sources", "check")
    assert lauf.exit_code == 0
    assert "1 Datei mit Fehlern wurde übergangen; „netz validate“ zeigt die Befunde." in lauf.flach


def test_kein_netz_ist_ein_fehler_der_welt(daten: Path, netz: Any) -> None:
    import socket

    # zwei Ports, an denen niemand lauscht: jede Verbindung wird abgelehnt
    ports = []
    for _ in range(2):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            ports.append(s.getsockname()[1])
    _nur_lokal(daten, f"http://127.0.0.1:{ports[0]}")
    _mit_quellen(daten, [f"http://127.0.0.1:{ports[1]}/x"])
    bericht = daten.parent / "bericht.md"
    lauf = netz("sources", "check", "--bericht", str(bericht))
    assert lauf.exit_code == 4
    assert "Keine der 2 Webadressen war zu erreichen" in lauf.flach
    assert "Traceback" not in lauf.stderr
    assert not bericht.exists()


@pytest.mark.parametrize(
    ("option", "wert"),
    [
        ("--timeout", "0"),
        ("--timeout", "abc"),
        ("--timeout", "nan"),
        ("--parallel", "0"),
        ("--parallel", "x"),
    ],
)
def test_falsche_angaben(netz: Any, option: str, wert: str) -> None:
    lauf = netz("sources", "check", option, wert)
    assert lauf.exit_code == 2
    assert f"Ungültiger Wert für {option}: „{wert}“ – erlaubt sind" in lauf.flach
    assert "Input should" not in lauf.flach


def test_bericht_nicht_schreibbar(daten: Path, netz: Any, server: tuple[str, _Zaehler]) -> None:
    basis, _ = server
    _nur_lokal(daten, basis)
    lauf = netz("sources", "check", "--bericht", str(daten / "gibt" / "es" / "nicht.md"))
    assert lauf.exit_code == 4
    assert "lässt sich nicht schreiben: gibt es nicht." in lauf.flach


# --- netz sources: Erscheinungsdaten --------------------------------------------------


def test_sources_zaehlt_datierte_und_nennt_die_undatierten(daten: Path, netz: Any) -> None:
    f = daten / "vertraege" / "05358-dueren-2009-01-14.yaml"
    text = f.read_text(encoding="utf-8")
    erste = next(z for z in text.splitlines() if z.startswith("  - http"))
    url = erste[4:]
    f.write_text(text.replace(erste, f"  - url: {url}\n    veroeffentlicht: 2016-01-19", 1), encoding="utf-8")
    vorher = netz("sources", "--format", "json").json()
    assert vorher["anzahl"]["datiert"] >= 1
    eintrag = next(q for q in vorher["quellen"] if q["url"] == url)
    assert eintrag["veroeffentlicht"]["text"] == "2016-01-19"
    assert vorher["anzahl"]["gesamt"] == vorher["anzahl"]["datiert"] + vorher["anzahl"]["undatiert"]
    lauf = netz("sources")
    assert lauf.exit_code == 0, lauf.stderr
    zeilen = lauf.stdout.splitlines()
    d, g = vorher["anzahl"]["datiert"], vorher["anzahl"]["gesamt"]
    assert f"{d} von {g} Quellen mit Erscheinungsdatum, {g - d} ohne." in " ".join(zeilen)
    assert url not in zeilen  # datiert: nicht in der Liste ohne Datum
    ohne = [q["url"] for q in vorher["quellen"] if q["veroeffentlicht"] is None]
    assert ohne and all(u in zeilen for u in ohne)  # jede ungebrochen auf eigener Zeile


def test_veroeffentlicht_nach_abruf_und_in_der_zukunft(daten: Path, netz: Any) -> None:
    f = daten / "vertraege" / "05358-dueren-2009-01-14.yaml"
    text = f.read_text(encoding="utf-8")
    f.write_text(
        text.replace(
            "quellen:\n",
            "quellen:\n  - url: https://example.org/a\n    veroeffentlicht: 2016\n    abgerufen: 2015-12-31\n"
            "  - url: https://example.org/b\n    veroeffentlicht: spätestens 2016\n"
            "    abgerufen: 2015-12-31\n"
            "  - url: https://example.org/c\n    veroeffentlicht: 2999-01-01\n",
            1,
        ),
        encoding="utf-8",
    )
    probleme = netz("validate", "--format", "json").json()["probleme"]
    # „spätestens 2016“ kann vor dem Abruf liegen: kein Befund; „2016“ liegt sicher danach
    assert sorted((p["zeile"], p["code"]) for p in probleme) == [(6, "NZ304"), (12, "NZ302")]
