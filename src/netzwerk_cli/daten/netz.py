"""Die Welt draußen: Webadressen anfragen (``netz sources check``) – die einzige Stelle mit Netzzugriff.

Was eine Antwort bedeutet, entscheidet :func:`netzwerk_cli.kern.quellen.einordnen`; hier wird
nur gefragt und gemessen. Jede Adresse ist feindlich (sie kommt aus einem Pull-Request):

- erst ``HEAD``; lehnt der Server das ab (ab Status 400), ein ``GET``, dessen Körper netz nie
  liest – die Verbindung schließt, sobald die Kopfzeilen da sind. Eine riesige Antwort kostet
  darum nichts;
- Umleitungen werden verfolgt, höchstens :data:`MAX_UMLEITUNGEN` (eine Schleife ist ein Befund);
- jede Anfrage hat eine Frist (Verbinden, Lesen, Schreiben je ``zeitlimit`` Sekunden);
- höchstens ``parallel`` Anfragen gleichzeitig, über einen gemeinsamen Verbindungsvorrat.

httpx statt urllib: Fristen je Schritt, Umleitungen mit Verlauf, wiederverwendete
HTTP/1.1-Verbindungen und ein Client, den mehrere Threads teilen dürfen.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from ..kern.quellen import Antwort, Fehlerart
from ..kern.webadresse import ist_webadresse

if TYPE_CHECKING:
    import httpx

MAX_UMLEITUNGEN = 10
PARALLEL = 8
# Manche Server antworten Programmen ohne Namen gar nicht; netz nennt sich.
KENNUNG = "netz-quellenpruefung (Regionale Bildungsnetzwerke NRW)"


def pruefe_adressen(
    urls: Sequence[str],
    zeitlimit: float,
    parallel: int = PARALLEL,
    fortschritt: Callable[[int, int], None] | None = None,
) -> dict[str, Antwort]:
    """Fragt jede Adresse einmal an; das Ergebnis je Adresse, in keiner bestimmten Reihenfolge."""
    import httpx  # erst hier: nur dieser Befehl braucht den Client

    if not urls:
        return {}
    client = httpx.Client(
        follow_redirects=True,
        max_redirects=MAX_UMLEITUNGEN,
        timeout=httpx.Timeout(zeitlimit),
        limits=httpx.Limits(max_connections=parallel, max_keepalive_connections=parallel),
        headers={"User-Agent": KENNUNG, "Accept": "*/*"},
        # HTTPS_PROXY und Zertifikate aus der Umgebung gelten: ein Behördennetz braucht oft einen Proxy
        trust_env=True,
    )
    auftraege: queue.SimpleQueue[str] = queue.SimpleQueue()
    for u in urls:
        auftraege.put(u)
    fertig: queue.SimpleQueue[tuple[str, Antwort | BaseException]] = queue.SimpleQueue()

    def arbeite() -> None:
        while True:
            try:
                u = auftraege.get_nowait()
            except queue.Empty:
                return
            try:
                fertig.put((u, _frage(client, u)))
            except BaseException as e:  # im Hauptthread neu werfen, sonst wartete er ewig
                fertig.put((u, e))

    # Daemon-Threads: nach Strg+C wartet der Prozess nicht auf laufende Anfragen (bis zu ihrer
    # Frist), wie es die Threads eines ThreadPoolExecutor beim Beenden täten.
    for i in range(min(max(1, parallel), len(urls))):
        threading.Thread(target=arbeite, name=f"netz-link-{i}", daemon=True).start()
    out: dict[str, Antwort] = {}
    try:
        for n in range(1, len(urls) + 1):
            u, antwort = fertig.get()
            if isinstance(antwort, BaseException):
                raise antwort
            out[u] = antwort
            if fortschritt is not None:
                fortschritt(n, len(urls))
    finally:
        while True:  # wartende Anfragen verwerfen (nach Strg+C oder einem Fehler)
            try:
                auftraege.get_nowait()
            except queue.Empty:
                break
        client.close()
    return out


def _frage(client: httpx.Client, url: str) -> Antwort:
    import httpx

    if not ist_webadresse(url):
        return Antwort(fehler=Fehlerart.UNGUELTIG)
    anfang = time.monotonic()
    try:
        try:
            r = client.head(url)
            status, ziel, umleitungen = r.status_code, str(r.url), len(r.history)
        except httpx.RemoteProtocolError:
            status = 0  # HEAD nicht verstanden: mit GET versuchen
            ziel, umleitungen = url, 0
        if status == 0 or status >= 400:
            # nur die Kopfzeilen: der Körper bleibt ungelesen, die Verbindung wird geschlossen
            with client.stream("GET", url) as r:
                status, ziel, umleitungen = r.status_code, str(r.url), len(r.history)
    except httpx.TimeoutException:
        return Antwort(fehler=Fehlerart.ZEIT, sekunden=time.monotonic() - anfang)
    except httpx.TooManyRedirects:
        return Antwort(fehler=Fehlerart.SCHLEIFE, sekunden=time.monotonic() - anfang)
    except (httpx.InvalidURL, httpx.UnsupportedProtocol):
        return Antwort(fehler=Fehlerart.UNGUELTIG, sekunden=time.monotonic() - anfang)
    except (httpx.ConnectError, httpx.ProxyError):
        return Antwort(fehler=Fehlerart.VERBINDUNG, sekunden=time.monotonic() - anfang)
    except (httpx.HTTPError, httpx.StreamError, UnicodeError, ValueError):
        # was die Gegenseite sonst an kaputtem HTTP schickt – ein Befund über sie, kein Absturz
        return Antwort(fehler=Fehlerart.PROTOKOLL, sekunden=time.monotonic() - anfang)
    return Antwort(status=status, ziel=ziel, umleitungen=umleitungen, sekunden=time.monotonic() - anfang)
