"""Tabellen überlappen nie: jede Zelle gemessen – im Browser bei 390 und 1000 px (Debians
chromium) und im gedruckten PDF (WeasyPrint-Layout).

Geprüft wird je Tabellenzeile: keine zwei Zellkästen schneiden sich, und kein Text (jede
Zeilenbox eines Textknotens) ragt aus seiner Zelle – „Dezember 2018“ neben „50“ las sich
vorher „Dezember 2050“. Bei 1000 px braucht keine Tabelle einen waagerechten Bildlauf.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests import chromium

# Chromium und das ganze WeasyPrint-Layout des Berichts kosten je Test Sekunden: langsam, .ci/run
# führt beide mit -m slow aus
pytestmark = pytest.mark.slow

CHROMIUM = chromium.CHROMIUM
ohne_browser = pytest.mark.skipif(
    CHROMIUM is None,
    reason="Chromium fehlt (CI installiert Debians chromium; lokal: apt-get install chromium)",
)

# Misst im Browser; das Ergebnis landet als JSON im DOM (--dump-dom gibt es aus).
MESSUNG = """<script>
(() => {
  const luft = 0.75, fehler = [];
  const innen = (a, b) => a.left >= b.left - luft && a.right <= b.right + luft
    && a.top >= b.top - luft && a.bottom <= b.bottom + luft;
  const schneiden = (a, b) => a.left < b.right - luft && b.left < a.right - luft
    && a.top < b.bottom - luft && b.top < a.bottom - luft;
  const name = (z) => (z.textContent || '').trim().slice(0, 40);
  for (const tr of document.querySelectorAll('tr')) {
    const zellen = [...tr.cells].map(c => [c, c.getBoundingClientRect()]);
    for (let i = 0; i < zellen.length; i++) for (let j = i + 1; j < zellen.length; j++)
      if (schneiden(zellen[i][1], zellen[j][1]))
        fehler.push('überlappt: ' + name(zellen[i][0]) + ' | ' + name(zellen[j][0]));
    for (const [c, box] of zellen) {
      const gang = document.createTreeWalker(c, NodeFilter.SHOW_TEXT);
      for (let t = gang.nextNode(); t; t = gang.nextNode()) {
        if (!t.textContent.trim()) continue;
        const r = document.createRange(); r.selectNodeContents(t);
        for (const q of r.getClientRects())
          if (q.width > 0 && !innen(q, box)) fehler.push('ragt heraus: ' + name(c));
      }
    }
  }
  const bildlauf = [...document.querySelectorAll('.tabelle')]
    .filter(t => t.scrollWidth > t.clientWidth + 1)
    .map(t => (t.querySelector('caption,th') || t).textContent.trim().slice(0, 30));
  const pre = document.createElement('pre'); pre.id = 'messung';
  pre.textContent = JSON.stringify({breite: innerWidth, fehler, bildlauf,
    seite: document.documentElement.scrollWidth, zellen: document.querySelectorAll('td').length});
  window.parent.document.body.append(pre);
})();
</script>"""


def _miss(seiten: list[Path], breite: int, profil: Path) -> list[dict[str, Any]]:
    """Misst alle Seiten in einem einzigen Start von Chromium (jeder Start kostet Sekunden).

    headless Chromium hat mindestens 500 px Fensterbreite: jede Seite steht daher in einem
    eigenen Rahmen der gewünschten Breite (file:// gilt mit --allow-file-access-from-files als
    ein Ursprung, das Skript im Rahmen schreibt seine Messung als ``pre#messung-N`` ins äußere
    Dokument)."""
    assert CHROMIUM is not None
    rahmen = []
    for i, html in enumerate(seiten):
        kopie = html.with_name(f"{html.stem}-messung-{breite}.html")
        skript = MESSUNG.replace("pre.id = 'messung'", f"pre.id = 'messung-{i}'")
        kopie.write_text(html.read_text(encoding="utf-8").replace("</body>", skript + "</body>"), "utf-8")
        rahmen.append(
            f'<iframe src="{kopie.as_uri()}" title="Seite {i}" loading="eager" '
            f'style="display:block;width:{breite}px;height:900px;border:0"></iframe>'
        )
    aussen = profil.parent / f"rahmen-{breite}.html"
    aussen.write_text(
        '<!DOCTYPE html><html lang="de"><title>Messung</title><body style="margin:0">'
        + "".join(rahmen)
        + "</body></html>",
        "utf-8",
    )
    r = subprocess.run(
        chromium.aufruf(
            profil,
            "--hide-scrollbars",
            "--allow-file-access-from-files",
            f"--window-size={max(breite, 500) + 40},1000",
            "--dump-dom",
            aussen.as_uri(),
        ),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == 0, r.stderr[-2000:]
    messungen = []
    for i, seite in enumerate(seiten):
        treffer = re.search(rf'<pre id="messung-{i}">(.*?)</pre>', r.stdout, re.S)
        assert treffer, (seite.name, r.stdout[-2000:])
        roh = treffer.group(1).replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
        messungen.append(json.loads(roh))
    return messungen


def _seiten(netz: Any, tmp_path: Path) -> list[Path]:
    """Der Bericht und jede Seitenart der Website: Start, Bezirk, Region, Prüfpunkte."""
    bericht = tmp_path / "bericht.html"
    assert netz("report", "--html", str(bericht)).exit_code == 0
    site = tmp_path / "site"
    assert netz("site", str(site)).exit_code == 0
    bezirk = sorted((site / "bezirke").glob("*.html"))[0] if (site / "bezirke").is_dir() else None
    regionen = sorted((site / "regionen").glob("*.html"))
    seiten = [bericht, site / "index.html", site / "pruefpunkte.html"]
    seiten += [bezirk] if bezirk else [p for p in site.glob("*.html") if p.name.startswith("bezirk")][:1]
    # Euskirchen (drei Quellen eines Rechners), Viersen (ungewiss, lange Daten), Wesel (ohne)
    seiten += [p for p in regionen if p.stem.split("-")[0] in ("05366", "05166", "05170", "05334")]
    return seiten


@ohne_browser
@pytest.mark.parametrize("breite", [390, 1000])
def test_keine_zelle_ueberlappt_im_browser(netz: Any, tmp_path: Path, breite: int) -> None:
    seiten = _seiten(netz, tmp_path)
    assert len(seiten) >= 6
    messungen = _miss(seiten, breite, tmp_path / "profil")
    for seite, m in zip(seiten, messungen, strict=True):
        assert m["breite"] == breite, seite.name
        assert m["fehler"] == [], (seite.name, m["fehler"][:5])
        assert m["seite"] <= breite, (seite.name, "die Seite selbst rollt waagerecht")
        if breite >= 1000:
            assert m["bildlauf"] == [], (seite.name, m["bildlauf"])
    # die Messung misst wirklich: der Bericht hat Zellen
    assert messungen[0]["zellen"] > 53 * 6


def _kaesten(box: Any) -> list[Any]:
    """Alle Nachfahren einer WeasyPrint-Box (Tiefensuche)."""
    out = [box]
    for kind in getattr(box, "children", ()) or ():
        out += _kaesten(kind)
    return out


def test_keine_zelle_ueberlappt_im_pdf(netz: Any, tmp_path: Path) -> None:
    """Das gedruckte PDF: WeasyPrints eigenes Layout, Seite für Seite, Zelle für Zelle."""
    weasyprint = pytest.importorskip("weasyprint")
    from weasyprint.formatting_structure import boxes

    bericht = tmp_path / "bericht.html"
    assert netz("report", "--html", str(bericht)).exit_code == 0
    dok = weasyprint.HTML(filename=str(bericht)).render()
    assert len(dok.pages) <= 5
    luft = 0.5
    zeilen = fehler = 0
    meldungen: list[str] = []
    for seite in dok.pages:
        for zeile in (b for b in _kaesten(seite._page_box) if isinstance(b, boxes.TableRowBox)):
            zellen = [c for c in zeile.children if isinstance(c, boxes.TableCellBox)]
            zeilen += 1
            rahmen = [
                (
                    c.border_box_x(),
                    c.border_box_y(),
                    c.border_box_x() + c.border_width(),
                    c.border_box_y() + c.border_height(),
                )
                for c in zellen
            ]
            for i, a in enumerate(rahmen):
                for b in rahmen[i + 1 :]:
                    if a[0] < b[2] - luft and b[0] < a[2] - luft:
                        fehler += 1
                        meldungen.append(f"Zellen überlappen: {a} {b}")
            for c, (x0, _y0, x1, _y1) in zip(zellen, rahmen, strict=True):
                for t in (b for b in _kaesten(c) if isinstance(b, boxes.TextBox)):
                    if t.position_x < x0 - luft or t.position_x + t.width > x1 + luft:
                        fehler += 1
                        meldungen.append(f"Text ragt heraus: {t.text[:30]!r}")
    assert zeilen > 53 + 20  # alle Regionen und die Prüfpunkte wurden gemessen
    assert fehler == 0, meldungen[:5]
