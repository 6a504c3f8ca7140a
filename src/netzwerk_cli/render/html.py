"""Ein eigenständiger HTML-Bericht: eine Datei, kein Skript, keine Schrift, keine Anfrage nach außen.

Jeder Text geht durch ``escape`` (:func:`~.sicher.html_text`: Entitäten für ``& < > " '``,
Steuer- und Bidi-Zeichen sichtbar), auch netz' eigener – so fehlt keiner. Links nur auf
http(s)-Adressen, die :func:`~.sicher.sichere_url` durchlässt.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from ..kern.abdeckung import Abdeckung, Stand
from ..kern.bericht import StatusBericht
from ..kern.datum import deutsch_tag
from ..kern.geo import ATTRIBUTION
from ..kern.zahlen import prozent
from ..pruefen import PruefErgebnis
from .sicher import html_text as escape
from .sicher import sichere_url
from .text import STAND_KURZ, konferenz_zeilen, kopfzeile, tempo_zeile

CSS = """
*{box-sizing:border-box}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",Arial,sans-serif;margin:0;color:#111;
background:#fff;line-height:1.45}
main{max-width:960px;margin:0 auto;padding:1rem}
h1{font-size:1.5rem;margin:.5rem 0}h2{font-size:1.2rem;margin:1.5rem 0 .5rem;border-bottom:1px solid #ccc}
.kennzahlen{display:flex;flex-wrap:wrap;gap:.75rem}
.kennzahl{flex:1 1 12rem;border:1px solid #ccc;border-radius:6px;padding:.6rem .8rem}
.kennzahl b{display:block;font-size:1.6rem}
figure{margin:0}svg{max-width:100%;height:auto}
.tabelle{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{border-bottom:1px solid #ddd;padding:.3rem .4rem;text-align:left;vertical-align:top}
th{background:#f3f3f3}
.mit{color:#2b8a3e;font-weight:bold}.ungewiss{color:#8a6100;font-weight:bold}.ohne{color:#c92a2a;font-weight:bold}
.quellen a{display:inline-block;margin-right:.4rem}
.klein{font-size:.8rem;color:#444}
@media (max-width:600px){body{font-size:15px}.kennzahl b{font-size:1.3rem}}
@media print{main{max-width:none;padding:0}.tabelle{overflow:visible}a{color:#111;text-decoration:none}
h2{break-after:avoid}tr,figure{break-inside:avoid}}
"""


def _link(q: str) -> str:
    """Eine Quelle: als Link nur eine saubere http(s)-Adresse (kein ``javascript:``, nichts, was
    das Attribut verlässt), sichtbar ist ihr Rechnername; alles andere als Text."""
    url = sichere_url(q)
    if url is not None:
        kurz = url.split("//", 1)[1].split("/", 1)[0]
        return f'<a href="{escape(url)}" rel="noreferrer">{escape(kurz)}</a>'
    return escape(q)


def _regionen(ab: Abdeckung) -> str:
    zeilen = []
    for s in sorted(ab.regionen, key=lambda s: s.region.ags):
        r = s.region
        v = s.letzter_vertrag
        quellen = " ".join(_link(q) for q in v.quellen) if v else ""
        zeilen.append(
            f"<tr><td>{escape(r.ags)}</td><td>{escape(r.bezeichnung)}</td><td>{escape(r.regierungsbezirk)}</td>"
            f'<td class="{escape(s.stand.value)}">{escape(STAND_KURZ[s.stand])}</td>'
            f"<td>{escape(v.unterzeichnet.deutsch()) if v else '–'}</td>"
            f"<td>{escape(v.endet.deutsch()) if v and v.endet else ''}</td>"
            f'<td class="quellen">{quellen}</td></tr>'
        )
    return (
        '<div class="tabelle"><table><thead><tr><th>AGS</th><th>Region</th><th>Bezirk</th><th>Stand</th>'
        "<th>unterzeichnet</th><th>Ende</th><th>Quellen</th></tr></thead><tbody>"
        + "".join(zeilen)
        + "</tbody></table></div>"
    )


def _pruefpunkte(ergebnisse: Sequence[PruefErgebnis]) -> str:
    zeilen = []
    for e in ergebnisse:
        p = e.punkt
        soll = str(p.anzahl) if p.anzahl is not None else f"mindestens {p.mindestens}"
        if p.regierungsbezirk:
            soll += f" (RB {escape(p.regierungsbezirk)})"
        if not e.geprueft:
            urteil = f'<span class="klein">nicht geprüft: {escape(p.bemerkung or "")}</span>'
        elif e.erfuellt:
            urteil = '<span class="mit">✓ erfüllt</span>'
        else:
            urteil = '<span class="ohne">✗ verfehlt</span>'
        daten = ""
        if e.sicher and e.moeglich:
            daten = f"{e.sicher[0]}–{e.sicher[1]} sicher, {e.moeglich[0]}–{e.moeglich[1]} möglich"
        zeilen.append(
            f"<tr><td>{escape(p.datum.deutsch()) if p.datum else 'undatiert'}</td><td>{soll}</td>"
            f"<td>{escape(p.aussage)}</td><td>{_link(p.quelle)}</td><td>{daten}</td><td>{urteil}</td></tr>"
        )
    return (
        '<div class="tabelle"><table><thead><tr><th>Datum</th><th>Zahl</th><th>Aussage</th><th>Quelle</th>'
        "<th>Daten</th><th>Ergebnis</th></tr></thead><tbody>" + "".join(zeilen) + "</tbody></table></div>"
    )


def bericht(
    regionen: int,
    vertraege: int,
    b: StatusBericht,
    karte_svg: str,
    zeitreihe_svg: str,
    ergebnisse: Sequence[PruefErgebnis],
    erstellt: date,
) -> str:
    g = b.gesamt
    ziel = ""
    if b.ziel is not None:
        z = b.ziel
        ziel = f"Ziel: {z.anzahl} bis {deutsch_tag(z.bis)}; am Zieltag {z.am_zieltag.sicher} sicher"
        if not z.am_zieltag.eindeutig:
            ziel += f", bis zu {z.am_zieltag.moeglich} möglich"
    kennzahlen = [
        (f"{g.sicher} von {g.gesamt}", f"Regionen mit Netzwerk (sicher), {prozent(g.quote)}"),
        (str(g.moeglich), "höchstens (unter mindestens einer Lesart der ungenauen Daten)"),
        (str(len(b.abdeckung.mit(Stand.OHNE))), "ohne Netzwerk"),
    ]
    kacheln = "".join(f'<div class="kennzahl"><b>{escape(w)}</b>{escape(t)}</div>' for w, t in kennzahlen)
    konferenzen = "".join(f"<li>{escape(z)}</li>" for z in konferenz_zeilen(b.konferenzen))
    tempo_text = f"<p>{escape(tempo_zeile(b.tempo))}</p>" if b.tempo else ""
    return f"""<!DOCTYPE html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(b.programm)} – Stand {escape(deutsch_tag(b.stichtag))}</title>
<style>{CSS}</style>
</head>
<body>
<main>
<h1>{escape(b.programm)}</h1>
<p>Stichtag {deutsch_tag(b.stichtag)}: {escape(kopfzeile(g))}.</p>
<div class="kennzahlen">{kacheln}</div>
<p>{escape(ziel)}</p>
{tempo_text}
<h2>Karte</h2>
<figure>{karte_svg}</figure>
<h2>Verlauf</h2>
<figure>{zeitreihe_svg}</figure>
<p class="klein">Grün: sicher (unter jeder Lesart der ungenauen Daten), schraffiert: nur möglich.</p>
<h2>Bildungskonferenzen</h2>
<ul>{konferenzen}</ul>
<h2>Alle Regionen</h2>
{_regionen(b.abdeckung)}
<h2>Prüfpunkte: veröffentlichte Zahlen</h2>
<p>Jede veröffentlichte Zahl muss zwischen der sicheren und der möglichen Zählung der Daten liegen.</p>
{_pruefpunkte(ergebnisse)}
<h2>Quellen und Lizenzen</h2>
<ul class="klein">
<li>{escape(ATTRIBUTION)}</li>
<li>Regionen: Statistisches Bundesamt (Destatis), Gemeindeverzeichnis, Stand 31.12.2018,
Datenlizenz Deutschland – Namensnennung 2.0.</li>
<li>Verträge: öffentlich zugängliche Seiten des Schulministeriums, der Bezirksregierungen, Kreise und Städte
sowie Zeitungsberichte; jede Zeile der Tabelle nennt ihre Quellen.</li>
</ul>
<p class="klein">Erstellt mit netz am {deutsch_tag(erstellt)} aus {regionen} Regionen und
{vertraege} Verträgen.</p>
</main>
</body>
</html>
"""
