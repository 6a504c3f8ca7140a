"""Der Atom-Feed von netz site: absolute self-Adresse, <updated> vom jüngsten Eintrag – zwei
Läufe auf unveränderten Daten ergeben dieselben Bytes (Feed-Leser melden sonst täglich Neues)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

ATOM = "{http://www.w3.org/2005/Atom}"


def test_zwei_laeufe_gleicher_feed(netz: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    url = "https://beispiel.github.io/netz/"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790000000")
    assert netz("site", str(tmp_path / "a"), "--base-url", url).exit_code == 0
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1799999999")  # ein späterer Lauf, dieselben Daten
    assert netz("site", str(tmp_path / "b"), "--base-url", url.rstrip("/")).exit_code == 0
    a = (tmp_path / "a" / "feed.xml").read_bytes()
    assert a == (tmp_path / "b" / "feed.xml").read_bytes()
    feed = ET.fromstring(a)
    selbst = [link.get("href") for link in feed.findall(f"{ATOM}link") if link.get("rel") == "self"]
    assert selbst == [f"{url}feed.xml"]
    eintraege = feed.findall(f"{ATOM}entry")
    assert eintraege
    neuester = max(e.findtext(f"{ATOM}updated") or "" for e in eintraege)
    assert feed.findtext(f"{ATOM}updated") == neuester
    for e in eintraege:
        assert (e.find(f"{ATOM}link").get("href") or "").startswith(url)  # type: ignore[union-attr]


def test_pages_adresse_aus_github_actions(netz: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GITHUB_REPOSITORY", "Ministerium/RBN-Daten")
    assert netz("site", str(tmp_path / "s")).exit_code == 0
    feed = (tmp_path / "s" / "feed.xml").read_text(encoding="utf-8")
    assert (
        'rel="self" type="application/atom+xml" href="https://ministerium.github.io/RBN-Daten/feed.xml"'
        in feed
    )


@pytest.mark.parametrize("url", ["javascript:alert(1)", "beispiel.de", "https://x.de/?a=1"])
def test_base_url_abgewiesen(netz: Any, tmp_path: Path, url: str) -> None:
    lauf = netz("site", str(tmp_path / "s"), "--base-url", url)
    assert lauf.exit_code == 2 and "--base-url" in lauf.flach
    assert not (tmp_path / "s").exists()


def test_ohne_adresse_kein_relativer_self_link(netz: Any, tmp_path: Path) -> None:
    assert netz("site", str(tmp_path / "s")).exit_code == 0
    feed = (tmp_path / "s" / "feed.xml").read_text(encoding="utf-8")
    assert 'rel="self"' not in feed
