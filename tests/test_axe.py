"""Barrierefreiheit mit axe-core in Debians chromium: 0 schwere oder kritische Verstöße auf dem
Bericht und jeder Seitenart der Website. axe-core kommt aus npm (.ci/run installiert es nach
.ci/node/, nichts davon liegt im Repository); ohne Browser oder axe-core übersprungen."""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests import chromium

# Chromium startet je Aufruf Sekunden lang: langsam, .ci/run führt es mit -m slow aus (dort ist
# Chromium installiert)
CHROMIUM = chromium.CHROMIUM
AXE = Path(
    os.environ.get(
        "NETZ_AXE", Path(__file__).resolve().parent.parent / ".ci/node/node_modules/axe-core/axe.min.js"
    )
)
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        CHROMIUM is None or not AXE.is_file(),
        reason="Chromium oder axe-core fehlt "
        "(CI: apt-get install chromium; npm --prefix .ci/node i axe-core)",
    ),
]

LAUF = """<script>
axe.run(document, {resultTypes: ['violations']}).then(r => {
  const pre = document.createElement('pre'); pre.id = 'axe-ergebnis';
  pre.textContent = JSON.stringify(r.violations.map(v => ({id: v.id, impact: v.impact,
    knoten: v.nodes.slice(0, 3).map(n => n.target.join(' '))})));
  document.body.append(pre);
});
</script>"""


def _axe(seite: Path, profil: Path) -> list[dict[str, Any]]:
    assert CHROMIUM is not None
    kopie = seite.with_name(seite.stem + "-axe.html")
    skript = "<script>" + AXE.read_text(encoding="utf-8").replace("</script", "<\\/script") + "</script>"
    kopie.write_text(seite.read_text(encoding="utf-8").replace("</body>", skript + LAUF + "</body>"), "utf-8")
    r = subprocess.run(
        chromium.aufruf(
            profil, "--window-size=1000,1000", "--virtual-time-budget=5000", "--dump-dom", kopie.as_uri()
        ),
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert r.returncode == 0, r.stderr[-2000:]
    treffer = re.search(r'<pre id="axe-ergebnis">(.*?)</pre>', r.stdout, re.S)
    assert treffer, "axe-core lief nicht zu Ende"
    text = (
        treffer.group(1)
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", '"')
        .replace("&amp;", "&")
    )
    return json.loads(text)  # type: ignore[no-any-return]


def test_axe_keine_schweren_verstoesse(netz: Any, tmp_path: Path) -> None:
    bericht = tmp_path / "bericht.html"
    assert netz("report", "--html", str(bericht)).exit_code == 0
    site = tmp_path / "site"
    assert netz("site", str(site)).exit_code == 0
    seiten = [
        bericht,
        site / "index.html",
        site / "pruefpunkte.html",
        sorted((site / "bezirke").glob("*.html"))[0],
        sorted((site / "regionen").glob("05166-*.html"))[0],
    ]
    alle: dict[str, list[dict[str, Any]]] = {}
    for i, seite in enumerate(seiten):
        verstoesse = _axe(seite, tmp_path / f"profil{i}")
        alle[seite.name] = [v for v in verstoesse if v["impact"] in ("serious", "critical")]
    assert all(v == [] for v in alle.values()), alle
