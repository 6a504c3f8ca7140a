"""Markdown: für Berichte, Wikis und ``$GITHUB_STEP_SUMMARY``.

Die Zusammenfassung eines CI-Laufs zeigt Daten aus fremden Pull-Requests: jeder Datentext
geht durch :mod:`.sicher` (``_zelle``, ``markdown_text``, ``_code``, ``_quelle``), damit kein Wert eine Zeile,
Überschrift, Tabelle, einen Link oder HTML beginnt. netz' eigene Texte bleiben, wie sie sind.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..kern.abdeckung import RegionStand, Stand
from ..kern.bericht import RegionBericht, Regionenbericht, StatusBericht, Zeitreihenbericht
from ..kern.datum import deutsch_tag
from ..kern.modelle import Quelle
from ..kern.zahlen import prozent
from ..pruefen import Pruefbericht
from ..pruefen.codes import titel
from .sicher import markdown_code as _code
from .sicher import markdown_text, sichere_url
from .sicher import markdown_zelle as _zelle
from .text import STAND_TEXT, datenstand_zeile, kopfzeile, vor_dem_programm, zusammenfassung


def _quelle(q: Quelle) -> str:
    """Eine Webadresse als Autolink ``<…>`` (darin wirkt keine Auszeichnung), alles andere als Text;
    die archivierte Kopie daneben."""
    archiv = f" (Archiv: {_adresse(q.archiv)})" if q.archiv else ""
    return _adresse(q.url) + archiv


def _adresse(text: str) -> str:
    url = sichere_url(text)
    return f"<{url}>" if url else _zelle(text)


def _eigene(text: str) -> str:
    """Eine Zelle mit netz' eigenem Text (Zahlen, Daten): nur ``|`` und Umbrüche entschärft."""
    return text.replace("|", "\\|").replace("\n", " ")


def _tabelle(kopf: list[str], zeilen: list[list[str]], rechts: int = 0) -> list[str]:
    """Eine Markdown-Tabelle; die letzten ``rechts`` Spalten rechtsbündig. Die Zellen kommen
    fertig entschärft (Datentext mit ``_zelle``, eigener mit ``_eigene``)."""
    trenner = ["---"] * (len(kopf) - rechts) + ["---:"] * rechts
    out = ["| " + " | ".join(kopf) + " |", "|" + "|".join(trenner) + "|"]
    out += ["| " + " | ".join(zeile) + " |" for zeile in zeilen]
    return out


def status(b: StatusBericht) -> str:
    zeilen = [
        f"## {_zelle(b.programm)} – Stichtag {deutsch_tag(b.stichtag)}",
        "",
        kopfzeile(b.gesamt) + ".",
        "",
    ]
    if b.vor_programmbeginn and b.programmbeginn is not None:
        return "\n".join([*zeilen[:2], vor_dem_programm(b.programmbeginn), ""])
    # Wie alt die Belege sind: nur Zahlen und Tage aus netz selbst, nichts aus den Daten zitiert
    if b.datenstand is not None and (ds := datenstand_zeile(b.datenstand)):
        zeilen += [ds, ""]
    for titel_, merkmal in (("Regierungsbezirk", "regierungsbezirk"), ("Art", "art")):
        zeilen += _tabelle(
            [titel_, "sicher", "möglich", "Regionen", "Quote"],
            [
                [_zelle(name), str(z.sicher), str(z.moeglich), str(z.gesamt), prozent(z.quote)]
                for name, z in b.abdeckung.nach(merkmal).items()
            ],
            rechts=4,
        )
        zeilen.append("")
    return "\n".join(zeilen)


def regionen(b: Regionenbericht) -> str:
    """Eine Zeile je Region, wie in der Pressemitteilung: ``- Kreis Borken``; ``missing``
    trennt wie im Text die Regionen sicher ohne Netzwerk von den ungewissen."""
    if b.vor_programmbeginn and b.programmbeginn is not None:
        return vor_dem_programm(b.programmbeginn) + "\n"
    if not b.fehlende:
        return _punkte(b.staende)
    if not b.staende:
        return f"Am {deutsch_tag(b.stichtag)} haben alle {b.gesamt} Regionen sicher ein Netzwerk.\n"
    ohne = [s for s in b.staende if s.stand is Stand.OHNE]
    ungewiss = [s for s in b.staende if s.stand is Stand.UNGEWISS]
    out = f"**Ohne Netzwerk am {deutsch_tag(b.stichtag)}: {len(ohne)} von {b.gesamt}**\n\n"
    out += _punkte(ohne) or "(keine)\n"
    if ungewiss:
        out += (
            f"\n**Ungewiss: {len(ungewiss)}** (ein Vertrag ist möglich, aber nicht sicher in Kraft)\n\n"
            + _punkte(ungewiss)
        )
    return out


def _punkte(staende: Sequence[RegionStand]) -> str:
    return "".join(f"- {markdown_text(s.region.bezeichnung)}\n" for s in staende)


def region(b: RegionBericht) -> str:
    r = b.region
    zeilen = [
        f"## {_zelle(r.bezeichnung)} ({_zelle(r.ags)})",
        "",
        f"Stand am {deutsch_tag(b.stichtag)}: {STAND_TEXT[b.stand.stand]}",
        "",
    ]
    zeilen += _tabelle(
        ["unterzeichnet", "endet", "Quellen"],
        [
            [
                _zelle(d.modell.unterzeichnet.deutsch()),
                _zelle(d.modell.endet.deutsch()) if d.modell.endet else "",
                " ".join(_quelle(q) for q in d.modell.quellen),
            ]
            for d in b.vertraege
        ],
    )
    return "\n".join(zeilen) + "\n"


def _spanne(sicher: int, moeglich: int) -> str:
    """„12…21“ wie im Text: nur die Obergrenze (21 + 26 + 19 = 66 > 53) zählte Ungewisses
    mehrfach."""
    return str(sicher) if sicher == moeglich else f"{sicher}…{moeglich}"


def zeitreihe(b: Zeitreihenbericht) -> str:
    zeilen = _tabelle(
        ["Periode", "sicher", "möglich", "neu", "beendet", "Meilensteine"],
        [
            [
                _zelle(p.name),
                str(p.zaehlung.sicher),
                str(p.zaehlung.moeglich),
                _spanne(p.unterzeichnet.sicher, p.unterzeichnet.moeglich),
                _spanne(p.beendet.sicher, p.beendet.moeglich),
                "; ".join(_zelle(f"{m.datum.deutsch()} {m.text}") for m in p.meilensteine),
            ]
            for p in b.perioden
        ],
    )
    zeilen[1] = "|---|---:|---:|---:|---:|---|"  # Zahlen rechtsbündig, Meilensteine links
    return "\n".join(zeilen) + "\n\nneu: erste Verträge; „a…b“: a sicher, bis zu b möglich.\n"


def pruefung(b: Pruefbericht) -> str:
    zeilen = ["## netz validate", "", ("✅ " if b.gueltig else "❌ ") + zusammenfassung(b), ""]
    if b.pruefung.probleme:
        zeilen += ["| Datei | Zeile | Schwere | Code | Meldung | Hinweis |", "|---|---:|---|---|---|---|"]
        for p in b.pruefung.probleme:
            schwere = "Fehler" if p.ist_fehler else "Warnung"
            zeilen.append(
                f"| {_code(p.datei)} | {p.zeile} | {schwere} | {_zelle(p.code)} {_eigene(titel(p.code))} "
                f"| {_zelle(p.meldung)} | {_zelle(p.hinweis)} |"
            )
        zeilen.append("")
    return "\n".join(zeilen) + "\n"
