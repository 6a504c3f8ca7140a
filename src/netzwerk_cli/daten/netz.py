"""Die Welt draußen: Webadressen anfragen (``netz sources check``) – die einzige Stelle mit Netzzugriff.

Was eine Antwort bedeutet, entscheidet :func:`netzwerk_cli.kern.quellen.einordnen`; hier wird
nur gefragt und gemessen. Jede Adresse ist feindlich (sie kommt aus einem Pull-Request, oder
eine zitierte Website leitet um, wohin sie will):

- nur ``http``/``https`` an öffentliche Adressen: Loopback, private, Link-local, Multicast,
  reservierte und geteilte Bereiche werden nie angefragt – geprüft nach der DNS-Auflösung und
  beim Verbinden noch einmal an genau der Adresse, mit der verbunden wird (kein zweites
  Auflösen, das anders antworten könnte), und so für jede Umleitung, die netz selbst verfolgt;
- erst ``HEAD``; lehnt der Server das ab (ab Status 400), ein ``GET``, dessen Körper netz nie
  liest – die Verbindung schließt, sobald die Kopfzeilen da sind. Eine riesige Antwort kostet
  darum nichts;
- höchstens :data:`MAX_UMLEITUNGEN` Umleitungen (mehr ist ein Befund: Schleife);
- Fristen: jeder Schritt (Verbinden, Senden, Lesen) ``zeitlimit`` Sekunden, jede Adresse
  zusammen höchstens :data:`FRIST_FAKTOR` × ``zeitlimit`` (ein Server, der Byte für Byte
  tröpfelt, hält sie nicht länger), der ganze Lauf höchstens so lange, wie die Adressen
  nacheinander in ``parallel`` Reihen bräuchten;
- das Ziel einer Umleitung erscheint nur als Schema, Rechner, Port und Pfad: Anmeldedaten
  und Abfrage (``?token=…``) gehören der Gegenseite und landen nie in einem Bericht;
- höchstens ``parallel`` Anfragen gleichzeitig, über einen gemeinsamen Verbindungsvorrat.

httpx statt urllib: Fristen je Schritt, wiederverwendete HTTP/1.1-Verbindungen und ein Client,
den mehrere Threads teilen dürfen; die Verbindung selbst baut :class:`_Oeffentlich` (httpcore).
"""

from __future__ import annotations

import contextlib
import ipaddress
import math
import queue
import socket
import threading
import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit, urlunsplit

from ..kern.quellen import Antwort, Fehlerart
from ..kern.webadresse import ist_webadresse

if TYPE_CHECKING:
    import httpx

MAX_UMLEITUNGEN = 10
PARALLEL = 8
#: Eine Adresse (HEAD, GET und alle Umleitungen) braucht höchstens so viele Fristen zusammen.
FRIST_FAKTOR = 3
# Manche Server antworten Programmen ohne Namen gar nicht; netz nennt sich.
KENNUNG = "netz-quellenpruefung (Regionale Bildungsnetzwerke NRW)"
_UMLEITUNG = frozenset({301, 302, 303, 307, 308})
STAPEL = 1024 * 1024  # Bytes Stapel je Thread (TLS-Handshake und httpx brauchen weit weniger)

IP = ipaddress.IPv4Address | ipaddress.IPv6Address


class Verweigert(Exception):
    """Die Adresse ist nicht öffentlich (oder kein http/https): netz fragt sie nicht an."""


def oeffentlich(ip: IP) -> bool:
    """Ist ``ip`` eine Adresse im öffentlichen Internet? Auch eingebettete IPv4-Adressen
    (``::ffff:127.0.0.1``, 6to4, Teredo, NAT64) müssen es sein."""
    if isinstance(ip, ipaddress.IPv6Address):
        innen: list[ipaddress.IPv4Address | None] = [ip.ipv4_mapped, ip.sixtofour]
        if ip.teredo:
            innen += list(ip.teredo)
        if ip in ipaddress.ip_network("64:ff9b::/96"):
            innen.append(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF))
        if any(v is not None and not oeffentlich(v) for v in innen):
            return False
    return bool(
        ip.is_global
        and not (ip.is_loopback or ip.is_private or ip.is_link_local or ip.is_multicast)
        and not (ip.is_reserved or ip.is_unspecified)
    )


class _Frist(threading.local):
    """Das Ende der Frist der Adresse, die dieser Thread gerade anfragt (monotone Sekunden)."""

    ende: float = math.inf


_frist = _Frist()


def _rest(timeout: float | None) -> float:
    """Die Frist eines Schritts, gekürzt auf den Rest der Frist der ganzen Adresse."""
    rest = _frist.ende - time.monotonic()
    if rest <= 0:
        raise TimeoutError("Frist der Adresse abgelaufen")
    return rest if timeout is None else min(timeout, rest)


def aufloesen(rechner: str, port: int, timeout: float | None, lokal_erlaubt: bool = False) -> list[str]:
    """Die IP-Adressen zu ``rechner`` – nur, wenn jede öffentlich ist (sonst :class:`Verweigert`).

    Auch ein einziger privater Eintrag verweigert: sonst entschiede der Zufall der Reihenfolge.
    Die Auflösung läuft in einem eigenen Thread, damit auch ein langsamer DNS-Server die Frist
    nicht sprengt."""
    try:
        return [_pruefe(ipaddress.ip_address(rechner.strip("[]")), lokal_erlaubt)]
    except ValueError:
        pass
    ergebnis: list[Any] = []

    def frage() -> None:
        try:
            ergebnis.append(socket.getaddrinfo(rechner, port, type=socket.SOCK_STREAM))
        except OSError as e:
            ergebnis.append(e)

    t = threading.Thread(target=frage, name="netz-dns", daemon=True)
    t.start()
    t.join(_rest(timeout))
    if not ergebnis:
        raise TimeoutError(f"keine DNS-Antwort für {rechner}")
    if isinstance(ergebnis[0], OSError):
        raise ergebnis[0]
    adressen = [str(info[4][0]) for info in ergebnis[0]]
    if not adressen:
        raise OSError(f"keine Adresse für {rechner}")
    return [_pruefe(ipaddress.ip_address(a.split("%", 1)[0]), lokal_erlaubt) for a in adressen]


def _pruefe(ip: IP, lokal_erlaubt: bool) -> str:
    if oeffentlich(ip) or (lokal_erlaubt and ip.is_loopback):
        return str(ip)
    raise Verweigert(str(ip))


def _backend(lokal_erlaubt: bool, proxy: str | None) -> Any:
    """Ein httpcore-Netz, das nur mit geprüften öffentlichen Adressen verbindet (oder mit dem
    Proxy, den die Umgebung nennt – den hat der Mensch eingerichtet, nicht die Daten)."""
    import httpcore

    class Strom(httpcore.NetworkStream):
        def __init__(self, innen: httpcore.NetworkStream) -> None:
            self.innen = innen

        def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
            try:
                return self.innen.read(max_bytes, _rest(timeout))
            except TimeoutError as e:
                raise httpcore.ReadTimeout(str(e)) from None

        def write(self, buffer: bytes, timeout: float | None = None) -> None:
            try:
                self.innen.write(buffer, _rest(timeout))
            except TimeoutError as e:
                raise httpcore.WriteTimeout(str(e)) from None

        def close(self) -> None:
            self.innen.close()

        def start_tls(
            self, ssl_context: Any, server_hostname: str | None = None, timeout: float | None = None
        ) -> Any:
            try:
                return Strom(self.innen.start_tls(ssl_context, server_hostname, _rest(timeout)))
            except TimeoutError as e:
                raise httpcore.ConnectTimeout(str(e)) from None

        def get_extra_info(self, info: str) -> Any:
            return self.innen.get_extra_info(info)

    class Oeffentlich(httpcore.SyncBackend):
        def connect_tcp(
            self,
            host: str,
            port: int,
            timeout: float | None = None,
            local_address: str | None = None,
            socket_options: Any = None,
        ) -> httpcore.NetworkStream:
            try:
                if proxy is not None and host == proxy:
                    ziele = [host]
                else:
                    ziele = aufloesen(host, port, timeout, lokal_erlaubt)[:1]
                innen = super().connect_tcp(ziele[0], port, _rest(timeout), local_address, socket_options)
            except Verweigert as e:
                raise httpcore.ConnectError(f"nicht öffentlich: {e}") from e
            except TimeoutError as e:
                raise httpcore.ConnectTimeout(str(e)) from None
            except OSError as e:
                raise httpcore.ConnectError(str(e)) from None
            return Strom(innen)

    return Oeffentlich()


def _client(zeitlimit: float, parallel: int, lokal_erlaubt: bool) -> httpx.Client:
    import httpx

    client = httpx.Client(
        follow_redirects=False,  # netz folgt selbst und prüft jedes Ziel
        timeout=httpx.Timeout(zeitlimit),
        limits=httpx.Limits(max_connections=parallel, max_keepalive_connections=parallel),
        headers={"User-Agent": KENNUNG, "Accept": "*/*"},
        # HTTPS_PROXY und Zertifikate aus der Umgebung gelten: ein Behördennetz braucht oft einen Proxy
        trust_env=True,
    )
    transporte: list[Any] = [client._transport, *(t for t in client._mounts.values() if t is not None)]
    for t in transporte:
        pool = getattr(t, "_pool", None)
        if pool is None or not hasattr(pool, "_network_backend"):
            raise RuntimeError("httpx/httpcore ohne bekannten Verbindungsvorrat: Netzprüfung abgeschaltet")
        proxy_url = getattr(pool, "_proxy_url", None)
        proxy = proxy_url.host.decode("ascii") if proxy_url is not None else None
        pool._network_backend = _backend(lokal_erlaubt, proxy)
    return client


def pruefe_adressen(
    urls: Sequence[str],
    zeitlimit: float,
    parallel: int = PARALLEL,
    fortschritt: Callable[[int, int], None] | None = None,
    *,
    lokal_erlaubt: bool = False,
) -> dict[str, Antwort]:
    """Fragt jede Adresse einmal an; das Ergebnis je Adresse, in keiner bestimmten Reihenfolge.

    ``lokal_erlaubt`` lässt Loopback-Adressen zu – nur für Tests gegen einen Server auf
    127.0.0.1; kein Befehl, keine Datei und keine Umgebungsvariable setzt es."""
    if not urls:
        return {}
    # Kleine Stapel für die Threads dieses Laufs (Anfragen und DNS): unter einer Grenze des
    # Adressraums (ulimit -v, make test-hostile) reservierte der übliche Stapel je Thread sonst schnell alles
    alter_stapel = threading.stack_size(STAPEL)
    try:
        return _pruefe_adressen(urls, zeitlimit, parallel, fortschritt, lokal_erlaubt)
    finally:
        threading.stack_size(alter_stapel)


def _pruefe_adressen(
    urls: Sequence[str],
    zeitlimit: float,
    parallel: int,
    fortschritt: Callable[[int, int], None] | None,
    lokal_erlaubt: bool,
) -> dict[str, Antwort]:
    client = _client(zeitlimit, parallel, lokal_erlaubt)
    je_adresse = FRIST_FAKTOR * zeitlimit
    # der ganze Lauf: alle Adressen nacheinander in ``parallel`` Reihen, je mit voller Frist
    lauf_ende = time.monotonic() + je_adresse * math.ceil(len(urls) / max(1, parallel)) + zeitlimit
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
            _frist.ende = min(time.monotonic() + je_adresse, lauf_ende)
            try:
                fertig.put((u, _frage(client, u, lokal_erlaubt)))
            except BaseException as e:  # im Hauptthread neu werfen, sonst wartete er ewig
                fertig.put((u, e))

    # Daemon-Threads: nach Strg+C oder dem Ende der Frist des Laufs wartet der Prozess nicht
    # auf laufende Anfragen, wie es die Threads eines ThreadPoolExecutor beim Beenden täten.
    for i in range(min(max(1, parallel), len(urls))):
        threading.Thread(target=arbeite, name=f"netz-link-{i}", daemon=True).start()
    out: dict[str, Antwort] = {}
    try:
        for n in range(1, len(urls) + 1):
            try:
                u, antwort = fertig.get(timeout=max(0.0, lauf_ende - time.monotonic()) + 1.0)
            except queue.Empty:
                break  # die Frist des Laufs ist um: der Rest bekommt „keine Antwort in der Frist“
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
    for u in urls:
        out.setdefault(u, Antwort(fehler=Fehlerart.ZEIT, sekunden=je_adresse))
    return out


def ohne_geheimnisse(url: str) -> str:
    """Eine Adresse zum Zeigen: Schema, Rechner, Port und Pfad – ohne Anmeldedaten, Abfrage
    und Fragment (``?token=…`` gehört der Gegenseite)."""
    try:
        t = urlsplit(url)
        netloc = t.hostname or ""
        if ":" in netloc:
            netloc = f"[{netloc}]"
        if t.port is not None:
            netloc += f":{t.port}"
    except ValueError:
        return ""
    return urlunsplit((t.scheme, netloc, t.path, "", ""))


def _kette(client: httpx.Client, methode: str, url: str, lokal_erlaubt: bool) -> tuple[int, str, int]:
    """Eine Anfrage mit allen Umleitungen, jede selbst geprüft: (Status, Ziel, Umleitungen)."""
    jetzt = url
    for umleitungen in range(MAX_UMLEITUNGEN + 1):
        teile = urlsplit(jetzt)
        if teile.scheme not in ("http", "https") or not teile.hostname:
            raise Verweigert(teile.scheme)
        # hinter einem Proxy löst oft nur der Proxy auf; ohne Proxy scheitert dann das Verbinden
        with contextlib.suppress(socket.gaierror):
            port = teile.port or (443 if teile.scheme == "https" else 80)
            aufloesen(teile.hostname, port, None, lokal_erlaubt)
        with client.stream(methode, jetzt) as r:
            status = r.status_code
            ort = r.headers.get("location")
        if status not in _UMLEITUNG or not ort:
            return status, jetzt, umleitungen
        jetzt = urljoin(jetzt, ort)
        if urlsplit(jetzt).scheme not in ("http", "https"):
            raise Verweigert("nur http und https")  # file:, gopher:, ftp: … nie
        if not ist_webadresse(jetzt):
            raise ValueError("Umleitung an eine ungültige Adresse")
    raise _Schleife


class _Schleife(Exception):
    pass


def _frage(client: httpx.Client, url: str, lokal_erlaubt: bool = False) -> Antwort:
    import httpx

    if not ist_webadresse(url):
        return Antwort(fehler=Fehlerart.UNGUELTIG)
    anfang = time.monotonic()

    def antwort(fehler: Fehlerart) -> Antwort:
        return Antwort(fehler=fehler, sekunden=time.monotonic() - anfang)

    try:
        try:
            status, ziel, umleitungen = _kette(client, "HEAD", url, lokal_erlaubt)
        except httpx.RemoteProtocolError:
            status = 0  # HEAD nicht verstanden: mit GET versuchen
        if status == 0 or status >= 400:
            # nur die Kopfzeilen: der Körper bleibt ungelesen, die Verbindung wird geschlossen
            status, ziel, umleitungen = _kette(client, "GET", url, lokal_erlaubt)
    except Verweigert:
        return antwort(Fehlerart.NICHT_OEFFENTLICH)
    except httpx.ConnectError as e:
        if isinstance(e.__cause__, Verweigert) or "nicht öffentlich" in str(e):
            return antwort(Fehlerart.NICHT_OEFFENTLICH)
        return antwort(Fehlerart.VERBINDUNG)
    except (httpx.TimeoutException, TimeoutError):
        return antwort(Fehlerart.ZEIT)
    except _Schleife:
        return antwort(Fehlerart.SCHLEIFE)
    except (httpx.InvalidURL, httpx.UnsupportedProtocol):
        return antwort(Fehlerart.UNGUELTIG)
    except (httpx.ProxyError, OSError):
        return antwort(Fehlerart.VERBINDUNG)
    except (httpx.HTTPError, httpx.StreamError, UnicodeError, ValueError):
        # was die Gegenseite sonst an kaputtem HTTP schickt – ein Befund über sie, kein Absturz
        return antwort(Fehlerart.PROTOKOLL)
    gezeigt = url if umleitungen == 0 else ohne_geheimnisse(ziel)
    return Antwort(status=status, ziel=gezeigt, umleitungen=umleitungen, sekunden=time.monotonic() - anfang)
