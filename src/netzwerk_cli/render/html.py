"""HTML: der eigenständige Bericht (``netz report --html``) und die Website (``netz site``).

Beide entstehen aus denselben Jinja2-Vorlagen in ``vorlagen/`` (Grundgerüst, Teile), die
mit dem Paket ausgeliefert und über ``jinja2.PackageLoader`` gelesen werden – Dateien des
installierten Pakets, nie des Datenordners. Hier wird nichts gerechnet: die Berichte kommen
fertig aus :mod:`~netzwerk_cli.kern.bericht`; diese Datei formt nur Sätze und Adressen.

Sicherheit: Autoescaping ist für jede Vorlage an (die Daten kommen aus Pull-Requests), und
``finalize`` schickt jeden ausgegebenen Text vorher durch :func:`~.sicher.html_text`
(Steuerzeichen machten XML ungültig, Bidi-Zeichen verdrehten die Anzeige). Links nur auf
http(s)-Adressen, die :func:`~.sicher.sichere_url` durchlässt. Fertiges Markup (die SVGs aus
:mod:`.svg`, die selbst maskieren) wird ausdrücklich als ``Markup`` übergeben.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from datetime import date, datetime
from functools import cache
from typing import TYPE_CHECKING, Any, NamedTuple

from ..kern.abdeckung import Stand
from ..kern.bericht import Site, Uebersicht, Vorgang
from ..kern.datum import deutsch_tag
from ..kern.geo import ATTRIBUTION
from ..kern.zahlen import anzahl, dezimal, ganz, prozent, spanne
from .bausteine import STAND_KURZ, datenstand_zeile, einwohner_zeile, konferenz_zeilen, kopfzeile, tempo_zeile
from .offen import kopf as offen_kopf
from .sicher import html_text, sichere_url, xml_sicher

if TYPE_CHECKING:
    from jinja2 import Environment

    from ..kern.modelle import Quelle
    from ..kern.offen import OffenBericht
    from ..pruefen import PruefErgebnis

STAND_ZEICHEN = {Stand.MIT: "✓", Stand.UNGEWISS: "?", Stand.OHNE: "✗"}
# Namen in einer Kennzahl: mehr passen nicht auf eine Karte, der Rest steht in der Tabelle
NAMEN_IN_KARTE = 6
# Ereignisse im Feed: die jüngsten; ältere stehen auf den Regionsseiten
FEED_EINTRAEGE = 100
# Eintrags-IDs im Feed: UUIDs (Version 5) aus der Kennung des Ereignisses – stabil über Läufe
_FEED_NAMENSRAUM = uuid.uuid5(uuid.NAMESPACE_URL, "https://github.com/netz/regionale-bildungsnetzwerke")


class Rahmen(NamedTuple):
    """Was jede Seite in der Fußzeile nennt."""

    version: str  # „git-Commit 5ff36e4d1a2b“ oder „Daten-Fingerabdruck …“
    erstellt: datetime
    netz_version: str


# --- Jinja2 ---------------------------------------------------------------------------


def _sichtbar(wert: Any) -> Any:
    """Jeder ausgegebene Text geht durch dieselbe Maskierung wie in :mod:`.svg`
    (:func:`~.sicher.html_text`: sichtbar gemacht, ``& < > " '`` als Entitäten); das
    Autoescaping von Jinja2 bleibt die zweite Schicht für alles, was hier nicht vorbeikommt."""
    from markupsafe import Markup

    if isinstance(wert, str) and not isinstance(wert, Markup):
        return Markup(html_text(wert))
    return wert


def _rechner(url: str) -> str:
    """Sichtbarer Teil einer Quelle in Tabellen: nur der Rechnername (die Zeile bleibt kurz,
    auch gedruckt; das Ziel steht im Link) – der echte, nach allen Anmeldedaten („…@“)."""
    rechner, _, anmeldung = _teile(url)
    return rechner + (" (mit Anmeldedaten)" if anmeldung else "")


def _etiketten(liste: Sequence[Any]) -> list[tuple[Any, str, str]]:
    """Quellen in Tabellen: (Quelle, sichtbarer Text, Name für Screenreader). Der Rechnername
    ohne „www.“ nur beim ersten Link eines Rechners, weitere heißen „(2)“, „(3)“ – dreimal
    „politik-bei-uns.de“ nebeneinander sagte nichts und kostete eine Zeile."""
    gesehen: dict[str, int] = {}
    out = []
    for q in liste:
        url = _quelle_url(q)
        if url is None:
            out.append((q, _quelle_kurz(q), _quelle_kurz(q)))
            continue
        rechner = _rechner(url).removeprefix("www.")
        n = gesehen[rechner] = gesehen.get(rechner, 0) + 1
        if n == 1:
            out.append((q, rechner, rechner))
        else:
            out.append((q, f"({n})", f"{rechner}, {n}. Dokument"))
    return out


def _url_anzeige(url: str) -> str:
    """Eine Quelle in Listen: ohne Schema und ohne Anmeldedaten, der echte Rechner immer ganz,
    ein langer Pfad gekürzt auf 90 Zeichen – ``https://amt.example……@boese.example/`` zeigt
    „boese.example/“, nie nur den vorgetäuschten Rechner."""
    rechner, pfad, anmeldung = _teile(url)
    rest = pfad if len(rechner) + len(pfad) <= 90 else pfad[: max(0, 89 - len(rechner))] + "…"
    return rechner + rest + (" (mit Anmeldedaten)" if anmeldung else "")


def _teile(url: str) -> tuple[str, str, bool]:
    """(echter Rechner mit Port, Rest ab „/“, „?“ oder „#“, ob Anmeldedaten davor standen)."""
    rest = url.split("//", 1)[1]
    i = min((rest.find(z) for z in "/?#" if z in rest), default=len(rest))
    netloc, pfad = rest[:i], rest[i:]
    return netloc.rsplit("@", 1)[-1], pfad, "@" in netloc


def _quelle_url(q: Quelle) -> str | None:
    """Die Adresse einer Quelle als Linkziel (eine Webadresse) oder None (eine Datei unter
    quellen/, ein Beleg ohne Adresse)."""
    return sichere_url(q.url)


def _archiv_url(q: Quelle) -> str | None:
    return sichere_url(q.archiv) if q.archiv is not None else None


def _quelle_text(q: Quelle) -> str:
    return q.url


def _quelle_kurz(q: Quelle) -> str:
    """In Tabellen: eine Datei unter quellen/ nur mit ihrem Namen (ohne Ordner und Endung)."""
    text = _quelle_text(q)
    if text.startswith("quellen/"):
        return text.removeprefix("quellen/").rsplit(".", 1)[0]
    return text


def _prozent(anteil: float) -> str:
    """„96,2 %“ mit geschütztem Leerzeichen: Zahl und Einheit brechen nie auseinander."""
    return prozent(anteil).replace(" ", "\u00a0")


def _uhrzeit(t: datetime) -> str:
    return f"{deutsch_tag(t.date())}, {t:%H:%M} Uhr"


def _iso(t: datetime | date) -> str:
    if isinstance(t, datetime):
        if t.tzinfo is None:
            t = t.astimezone()
        return t.isoformat(timespec="seconds")
    return f"{t.isoformat()}T00:00:00Z"


@cache
def umgebung() -> Environment:
    from jinja2 import Environment, PackageLoader, StrictUndefined

    env = Environment(
        loader=PackageLoader("netzwerk_cli.render", "vorlagen"),
        autoescape=True,
        finalize=_sichtbar,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        tag=deutsch_tag,
        zahl=ganz,
        dezimal=dezimal,
        prozent=_prozent,
        spanne=spanne,
        uhrzeit=_uhrzeit,
        iso=_iso,
        rechner=_rechner,
        etiketten=_etiketten,
        # „seit 2008“: eine Zeitangabe als Jahr, wo sie in einem Jahr liegt
        jahr=lambda z: (
            str(z.frueh.year)
            if z.frueh is not None and z.spaet is not None and z.frueh.year == z.spaet.year
            else z.deutsch()
        ),
        basename=lambda pfad: pfad.replace("\\", "/").rsplit("/", 1)[-1],
        url_anzeige=_url_anzeige,
        quelle_url=_quelle_url,
        archiv_url=_archiv_url,
        quelle_text=_quelle_text,
        quelle_kurz=_quelle_kurz,
        stand_kurz=lambda s: STAND_KURZ[s],
        stand_zeichen=lambda s: STAND_ZEICHEN[s],
        urn=lambda k: f"urn:uuid:{uuid.uuid5(_FEED_NAMENSRAUM, k)}",
    )
    env.globals.update(anzahl=anzahl, ATTRIBUTION=ATTRIBUTION, Stand=Stand)
    return env


def _markup(text: str) -> Any:
    """Fertiges, schon maskiertes Markup (SVG aus :mod:`.svg`) unverändert einsetzen."""
    from markupsafe import Markup

    return Markup(text)


# --- Sätze ----------------------------------------------------------------------------


def _namen(regionen: Sequence[Any]) -> str:
    namen: list[str] = [r.bezeichnung for r in regionen]
    if len(namen) > NAMEN_IN_KARTE:
        rest = len(namen) - NAMEN_IN_KARTE + 1
        return ", ".join(namen[: NAMEN_IN_KARTE - 1]) + f" und {rest} weitere (Tabelle unten)"
    if len(namen) <= 1:
        return "".join(namen)
    return ", ".join(namen[:-1]) + " und " + namen[-1]


class Kennzahl(NamedTuple):
    wert: str
    text: str
    art: str  # CSS-Klasse: mit | ungewiss | ohne


def kennzahlen(ue: Uebersicht) -> list[Kennzahl]:
    """Die Karten oben: in Worten, mit den Namen der Regionen, ohne Fachsprache."""
    g = ue.status.gesamt
    ab = ue.status.abdeckung
    haben = "hat" if g.sicher == 1 else "haben"
    karten = [
        Kennzahl(
            f"{g.sicher} von {g.gesamt}",
            f"Regionen {haben} sicher ein Regionales Bildungsnetzwerk ({_prozent(g.quote)}).",
            "mit",
        )
    ]
    ungewiss = [s.region for s in ab.mit(Stand.UNGEWISS)]
    if ungewiss:
        karten.append(
            Kennzahl(
                f"{len(ungewiss)} ungewiss",
                f"{_namen(ungewiss)}: ob am Stichtag ein Vertrag galt, geben die Quellen "
                "nicht sicher her (ungenaue Daten).",
                "ungewiss",
            )
        )
    ohne = [s.region for s in ab.mit(Stand.OHNE)]
    karten.append(
        Kennzahl(
            f"{len(ohne)} ohne Netzwerk",
            f"{_namen(ohne)}." if ohne else "Keine Region ist sicher ohne Netzwerk.",
            "ohne",
        )
    )
    return karten


def ziel_satz(ue: Uebersicht) -> str:
    """Das Ziel des Programms – aus Sicht des Stichtags (nichts, was danach geschah)."""
    b = ue.status
    z = b.ziel
    if z is None:
        return ""
    ziel = f"Ziel: {anzahl(z.anzahl, 'Region', 'Regionen')} bis {deutsch_tag(z.bis)}"
    if b.stichtag < z.bis:
        fehlen = z.anzahl - b.gesamt.sicher
        return f"{ziel} – noch offen, es {'fehlt' if fehlen == 1 else 'fehlen'} {fehlen}."
    if z.erreicht_sicher is not None and z.erreicht_sicher <= z.bis:
        return f"{ziel} – erreicht am {deutsch_tag(z.erreicht_sicher)}."
    am = z.am_zieltag
    am_ziel = f"am Zieltag {am.sicher} sicher" + ("" if am.eindeutig else f", bis zu {am.moeglich} möglich")
    if z.erreicht_sicher is not None and z.erreicht_sicher <= b.stichtag:
        return f"{ziel} – verfehlt ({am_ziel}), erreicht erst am {deutsch_tag(z.erreicht_sicher)}."
    return f"{ziel} – verfehlt ({am_ziel}); bis zum Stichtag nicht erreicht."


def _vorgang_titel(e: Vorgang) -> str:
    was = {
        "vertrag": "Kooperationsvertrag unterzeichnet",
        "ende": "Vertrag endet",
        "fortsetzung": "Fortsetzung beschlossen",
        "konferenz": "Bildungskonferenz",
    }[e.art]
    return f"{e.region.bezeichnung}: {was} ({e.datum.deutsch()})"


def _pruef_soll(e: PruefErgebnis) -> str:
    p = e.punkt
    from .bausteine import zaehlung_der_quelle  # dieselben Worte wie im Terminal: „17 bis 19“

    soll = zaehlung_der_quelle(p)
    if p.regierungsbezirk:
        soll += f" (Regierungsbezirk {p.regierungsbezirk})"
    return soll


def _gemeinsam(
    ue: Uebersicht,
    rahmen: Rahmen,
    ergebnisse: Sequence[PruefErgebnis],
    kleine_karten: str = "",
    offen: OffenBericht | None = None,
) -> dict[str, Any]:
    b = ue.status
    return {
        "einwohner": einwohner_zeile(b.einwohner),
        "datenstand": datenstand_zeile(b.datenstand) if b.datenstand else "",
        "kleine_karten": _markup(kleine_karten) if kleine_karten else "",
        "offen": offen,
        "offen_kopf": " ".join(offen_kopf(offen)) if offen is not None else "",
        "spanne_text": lambda s: s.deutsch(),
        "ue": ue,
        "b": b,
        "g": b.gesamt,
        "kopfzeile": kopfzeile(b.gesamt).replace(" %", "\u00a0%"),
        "kennzahlen": kennzahlen(ue),
        "ziel": ziel_satz(ue),
        "tempo": tempo_zeile(b.tempo) if b.tempo else "",
        "konferenzen": konferenz_zeilen(b.konferenzen),
        "ergebnisse": list(ergebnisse),
        "pruef_soll": _pruef_soll,
        "rahmen": rahmen,
        "stichtag_text": "heute" if ue.ist_heute else f"am {deutsch_tag(b.stichtag)}",
    }


# --- Bericht --------------------------------------------------------------------------


def bericht(
    ue: Uebersicht,
    karte_svg: str,
    zeitreihe_svg: str,
    ergebnisse: Sequence[PruefErgebnis],
    rahmen: Rahmen,
    kleine_karten: str = "",
    offen: OffenBericht | None = None,
) -> str:
    """Der eigenständige Bericht: eine Datei, Stil eingebettet, kein Skript, keine Anfrage nach außen."""
    return xml_sicher(  # zweite Wand hinter finalize
        umgebung()
        .get_template("bericht.html.j2")
        .render(
            **_gemeinsam(ue, rahmen, ergebnisse, kleine_karten, offen),
            karte=_markup(karte_svg),
            zeitreihe=_markup(zeitreihe_svg),
            wurzel="",
            website=False,
        )
    )


# --- Website --------------------------------------------------------------------------


def badge(ue: Uebersicht) -> str:
    """Abdeckungs-Plakette im Stil von shields.io: „Bildungsnetzwerke | 51/53“."""
    g = ue.status.gesamt
    links, rechts = "Bildungsnetzwerke", f"{g.sicher}/{g.gesamt}"
    # Verdana 11 px: im Mittel knapp 7 px je Zeichen, dazu je 10 px Rand
    bl, br = round(len(links) * 6.6) + 10, round(len(rechts) * 7.2) + 10
    farbe = "#1e7b34" if g.sicher == g.gesamt else "#8a6100" if g.quote >= 0.9 else "#b02525"
    return (
        umgebung()
        .get_template("plakette.svg.j2")
        .render(
            links=links, rechts=rechts, bl=bl, br=br, farbe=farbe, titel=f"{links}: {g.sicher} von {g.gesamt}"
        )
    )


def site(
    s: Site,
    karte: Callable[[Callable[[str], str | None] | None], str],
    zeitreihe_svg: str,
    ergebnisse: Sequence[PruefErgebnis],
    rahmen: Rahmen,
    kleine_karten: str = "",
    offen: OffenBericht | None = None,
    basis_url: str | None = None,
) -> dict[str, str]:
    """Alle Dateien der Website: relativer Pfad → Inhalt. ``karte(link)`` liefert die SVG-Karte,
    mit ``link(ags)`` als Ziel je Region (relativ zur Seite, in der die Karte steht)."""
    env = umgebung()
    ue = s.uebersicht
    basis = _gemeinsam(ue, rahmen, ergebnisse, kleine_karten, offen)
    bezirke = [(b.gruppe.name, b.gruppe.seite) for b in s.bezirke]
    seiten = {z.region.ags: z.seite for z in ue.zeilen}
    zr = _markup(zeitreihe_svg)
    dateien: dict[str, str] = {}

    def seite(pfad: str, vorlage: str, **werte: Any) -> None:
        tiefe = pfad.count("/")
        dateien[pfad] = env.get_template(vorlage).render(
            **basis,
            bezirke=bezirke,
            bezirk_seiten=dict(bezirke),
            wurzel="../" * tiefe,
            website=True,
            pfad=pfad,
            **werte,
        )

    seite("index.html", "start.html.j2", karte=_markup(karte(seiten.get)), zeitreihe=zr)
    seite("pruefpunkte.html", "pruefpunkte.html.j2")
    for b in s.bezirke:
        assert b.gruppe.seite is not None
        seite(b.gruppe.seite, "bezirk.html.j2", bezirk=b)
    for r in s.regionen:
        seite(r.zeile.seite, "region.html.j2", r=r, rb=r.bericht, z=r.zeile)
    dateien["feed.xml"] = env.get_template("feed.xml.j2").render(
        **basis,
        vorgaenge=s.vorgaenge[:FEED_EINTRAEGE],
        titel=_vorgang_titel,
        seiten=seiten,
        # Atom will absolute Adressen (self); ohne bekannte Adresse bleibt self weg
        basis_url=basis_url or "",
    )
    dateien["abdeckung.svg"] = badge(ue)
    # zweite Wand hinter finalize: kein Zeichen, das XML 1.0 verbietet, in Seite, Feed, Plakette
    return {name: xml_sicher(text) for name, text in dateien.items()}
