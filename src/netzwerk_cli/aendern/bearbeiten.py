"""Zeilengenaues Ändern einer YAML-Datei: nur die nötigen Zeilen, alle anderen byte-gleich.

PyYAML kann nicht verlustfrei zurückschreiben (Kommentare, Reihenfolge, Stil
gingen verloren). Darum fügt netz Zeilen an der richtigen Stelle ein oder
ersetzt genau die Zeilen eines Werts; die Stellen liefert der Knotenbaum.
"""

from __future__ import annotations

import builtins
from dataclasses import dataclass, field

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..pruefen.yamlio import lies_yaml


class NichtBearbeitbar(Exception):
    """Die Datei hat eine Form, die netz nicht sicher zeilengenau ändern kann."""


# libyaml zählt auch NEL, LS und PS als Zeilenumbruch, bytes.splitlines nicht: die
# Zeilennummern des Parsers und die Zeilen des Editors liefen auseinander, und netz
# schriebe an die falsche Stelle. Solche Dateien ändert netz nicht.
FREMDE_UMBRUECHE = {
    b"\xc2\x85": "U+0085 (NEL)",
    b"\xe2\x80\xa8": "U+2028 (LINE SEPARATOR)",
    b"\xe2\x80\xa9": "U+2029 (PARAGRAPH SEPARATOR)",
}


def zeilen(inhalt: bytes) -> list[bytes]:
    """Die Zeilen, wie libyaml sie zählt (\\n, \\r\\n, \\r) – ohne NEL/LS/PS, siehe oben."""
    return inhalt.splitlines(keepends=True)


def zeilenende(inhalt: bytes) -> bytes:
    """Das Zeilenende der Datei: das der ersten Zeile (LF, CRLF oder nur CR); sonst LF."""
    for z in zeilen(inhalt):
        for ende in (b"\r\n", b"\n", b"\r"):
            if z.endswith(ende):
                return ende
    return b"\n"


def _pruefe_umbrueche(inhalt: bytes) -> None:
    for roh, name in FREMDE_UMBRUECHE.items():
        i = inhalt.find(roh)
        if i >= 0:
            zeile = len(zeilen(inhalt[: i + 1]))
            raise NichtBearbeitbar(
                f"Zeile {zeile} enthält das Zeichen {name}. YAML liest es als Zeilenumbruch, "
                "netz ändert solche Dateien nicht zeilengenau (es könnte an die falsche Stelle schreiben). "
                "Das Zeichen von Hand durch ein Leerzeichen oder einen echten Zeilenumbruch ersetzen."
            )


@dataclass
class Datei:
    zeilen: list[bytes]
    zeilenende: bytes
    wurzel: MappingNode
    original: bytes  # der gelesene Inhalt: Grundlage der Prüfung „inzwischen geändert?“
    # was der Editor entfernt und eingefügt hat (Zeilen mit Zeilenende): die Prüfung vor dem
    # Schreiben vergleicht es mit dem, was sich an den Bytes tatsächlich geändert hat
    entfernt: list[bytes] = field(default_factory=list)
    eingefuegt: list[bytes] = field(default_factory=list)

    @classmethod
    def lies(cls, inhalt: bytes, name: str = "datei.yaml") -> Datei:
        _pruefe_umbrueche(inhalt)
        g = lies_yaml(name, inhalt)
        if not isinstance(g.knoten, MappingNode) or g.wert is None:
            raise NichtBearbeitbar("Die Datei ist nicht gültig; erst „netz validate“ ausführen.")
        return cls(zeilen(inhalt), zeilenende(inhalt), g.knoten, inhalt)

    def _ersetze_zeilen(self, von: int, bis: int, neu: list[bytes]) -> None:
        """Ersetzt ``zeilen[von:bis]`` durch ``neu`` und merkt sich beides."""
        if von == len(self.zeilen) and self.zeilen and not self.zeilen[-1].endswith((b"\n", b"\r")):
            # am Dateiende: die letzte Zeile bekommt ihr fehlendes Zeilenende – nur dann
            self.entfernt.append(self.zeilen[-1])
            self.zeilen[-1] += self.zeilenende
            self.eingefuegt.append(self.zeilen[-1])
        self.entfernt += self.zeilen[von:bis]
        self.eingefuegt += neu
        self.zeilen[von:bis] = neu
        self._neu_lesen()

    def bytes(self) -> bytes:
        return b"".join(self.zeilen)

    def _neu_lesen(self) -> None:
        """Nach jeder Änderung: Positionen stimmen nur für den aktuellen Text."""
        g = lies_yaml("datei.yaml", self.bytes())
        if not isinstance(g.knoten, MappingNode) or g.wert is None:  # pragma: no cover - Schutz
            raise NichtBearbeitbar("Die Änderung ergäbe ungültiges YAML.")
        self.wurzel = g.knoten

    def _kodiere(self, text: list[str]) -> list[builtins.bytes]:  # bytes hier: die Methode oben
        out = [z.rstrip("\n").encode("utf-8") for z in text]
        for z in out:
            # eine eingefügte Zeile muss genau eine Zeile bleiben, wie YAML sie zählt
            if b"\n" in z or b"\r" in z or any(u in z for u in FREMDE_UMBRUECHE):
                raise NichtBearbeitbar("Der Text enthält einen Zeilenumbruch.")
        return [z + self.zeilenende for z in out]

    def _paar(self, schluessel: str) -> tuple[ScalarNode, Node] | None:
        for k, v in self.wurzel.value:
            if isinstance(k, ScalarNode) and k.value == schluessel:
                return k, v
        return None

    def paar(self, schluessel: str) -> tuple[ScalarNode, Node] | None:
        """Schlüssel und Wert auf oberster Ebene (None, wenn der Schlüssel fehlt)."""
        return self._paar(schluessel)

    def ersetze_listentext(self, schluessel: str, index: int, neu: str) -> None:
        """Ersetzt den Text-Eintrag ``index`` der Blockliste ``schluessel`` – nur den Wert;
        Einzug, „- “ und ein Kommentar dahinter bleiben byte-gleich."""
        paar = self._paar(schluessel)
        if paar is None or not isinstance(paar[1], SequenceNode) or paar[1].flow_style:
            raise NichtBearbeitbar(f"„{schluessel}“ ist keine Blockliste; bitte von Hand ändern.")
        knoten = paar[1].value[index]
        a, e = knoten.start_mark, knoten.end_mark
        if not isinstance(knoten, ScalarNode) or a.line != e.line:
            raise NichtBearbeitbar(
                f"Der Eintrag in „{schluessel}“ ist kein einzeiliger Text; bitte von Hand ändern."
            )
        alt = self.zeilen[a.line].decode("utf-8")
        zeile = alt[: a.column] + neu + alt[e.column :]
        self._ersetze_zeilen(a.line, a.line + 1, [zeile.encode("utf-8")])

    def hat(self, schluessel: str) -> bool:
        return self._paar(schluessel) is not None

    def _letzte_zeile(self, knoten: Node) -> int:
        """Index der letzten Zeile, die zum Wert gehört (0-basiert)."""
        ende = knoten.end_mark
        return ende.line - 1 if ende.column == 0 else ende.line

    def einfuegen_nach(self, schluessel: list[str], text: list[str]) -> None:
        """Fügt Zeilen nach dem Wert des ersten vorhandenen Schlüssels aus ``schluessel`` ein."""
        for s in schluessel:
            paar = self._paar(s)
            if paar is not None:
                i = self._letzte_zeile(paar[1]) + 1
                self._ersetze_zeilen(i, i, self._kodiere(text))
                return
        raise NichtBearbeitbar(f"Keiner der Schlüssel {', '.join(schluessel)} ist vorhanden.")

    def ersetze(self, schluessel: str, text: list[str]) -> None:
        """Ersetzt Schlüssel und Wert (alle ihre Zeilen) durch ``text``."""
        paar = self._paar(schluessel)
        if paar is None:
            raise NichtBearbeitbar(f"Schlüssel „{schluessel}“ fehlt.")
        k, v = paar
        if k.start_mark.column != 0:
            raise NichtBearbeitbar(f"„{schluessel}“ steht nicht am Zeilenanfang.")
        self._ersetze_zeilen(k.start_mark.line, self._letzte_zeile(v) + 1, self._kodiere(text))

    def listeneintrag(self, schluessel: str, eintrag: list[str]) -> None:
        """Hängt einen Eintrag (Zeilen mit ``- …`` in Spalte 2) an die Liste ``schluessel`` an.

        Fehlt die Liste, entsteht sie am Dateiende.
        """
        paar = self._paar(schluessel)
        if paar is None:
            self._ersetze_zeilen(
                len(self.zeilen), len(self.zeilen), self._kodiere([f"{schluessel}:", *eintrag])
            )
            return
        _, liste = paar
        if not isinstance(liste, SequenceNode) or liste.flow_style:
            raise NichtBearbeitbar(
                f"„{schluessel}“ ist keine Blockliste („- …“-Zeilen); bitte von Hand ergänzen."
            )
        if not liste.value:
            raise NichtBearbeitbar(f"„{schluessel}“ ist leer; bitte von Hand ergänzen.")
        erste = self.zeilen[liste.value[0].start_mark.line].decode("utf-8")
        einzug = len(erste) - len(erste.lstrip(" "))
        # Einträge kommen mit zwei Leerzeichen Einzug; an den Einzug der Liste anpassen
        verschoben = [" " * (einzug - 2) + z if einzug >= 2 else z[2 - einzug :] for z in eintrag]
        i = self._letzte_zeile(liste) + 1
        self._ersetze_zeilen(i, i, self._kodiere(verschoben))


def geaenderte_zeilen(vorher: bytes, nachher: bytes) -> tuple[list[bytes], list[bytes]]:
    """(entfernte, hinzugekommene) Zeilen – unabhängig vom Editor aus den Bytes bestimmt.

    Gleicher Anfang und gleiches Ende zählen als unverändert; was dazwischen liegt, hat sich
    geändert. Eine Änderung des Editors ist immer ein zusammenhängender Block.
    """
    a, b = zeilen(vorher), zeilen(nachher)
    vorne = 0
    while vorne < min(len(a), len(b)) and a[vorne] == b[vorne]:
        vorne += 1
    hinten = 0
    while hinten < min(len(a), len(b)) - vorne and a[-1 - hinten] == b[-1 - hinten]:
        hinten += 1
    return a[vorne : len(a) - hinten], b[vorne : len(b) - hinten]
