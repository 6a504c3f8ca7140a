"""Zeilengenaues Ändern einer YAML-Datei: nur die nötigen Zeilen, alle anderen byte-gleich.

PyYAML kann nicht verlustfrei zurückschreiben (Kommentare, Reihenfolge, Stil
gingen verloren). Darum fügt netz Zeilen an der richtigen Stelle ein oder
ersetzt genau die Zeilen eines Werts; die Stellen liefert der Knotenbaum.
"""

from __future__ import annotations

from dataclasses import dataclass

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..pruefen.yamlio import lies_yaml


class NichtBearbeitbar(Exception):
    """Die Datei hat eine Form, die netz nicht sicher zeilengenau ändern kann."""


@dataclass
class Datei:
    zeilen: list[bytes]
    zeilenende: bytes
    wurzel: MappingNode
    original: bytes  # der gelesene Inhalt: Grundlage der Prüfung „inzwischen geändert?“

    @classmethod
    def lies(cls, inhalt: bytes, name: str = "datei.yaml") -> Datei:
        g = lies_yaml(name, inhalt)
        if not isinstance(g.knoten, MappingNode) or g.wert is None:
            raise NichtBearbeitbar("Die Datei ist nicht gültig; erst „netz validate“ ausführen.")
        ende = b"\r\n" if b"\r\n" in inhalt else b"\n"
        zeilen = inhalt.splitlines(keepends=True)
        if zeilen and not zeilen[-1].endswith((b"\n", b"\r")):
            zeilen[-1] += ende  # nur das fehlende Zeilenende der letzten Zeile kommt hinzu
        return cls(zeilen, ende, g.knoten, inhalt)

    def bytes(self) -> bytes:
        return b"".join(self.zeilen)

    def _neu_lesen(self) -> None:
        """Nach jeder Änderung: Positionen stimmen nur für den aktuellen Text."""
        g = lies_yaml("datei.yaml", self.bytes())
        if not isinstance(g.knoten, MappingNode) or g.wert is None:  # pragma: no cover - Schutz
            raise NichtBearbeitbar("Die Änderung ergäbe ungültiges YAML; nichts wurde geschrieben.")
        self.wurzel = g.knoten

    def _kodiere(self, text: list[str]) -> list[bytes]:
        return [z.rstrip("\n").encode("utf-8") + self.zeilenende for z in text]

    def _paar(self, schluessel: str) -> tuple[ScalarNode, Node] | None:
        for k, v in self.wurzel.value:
            if isinstance(k, ScalarNode) and k.value == schluessel:
                return k, v
        return None

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
                self.zeilen[i:i] = self._kodiere(text)
                self._neu_lesen()
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
        self.zeilen[k.start_mark.line : self._letzte_zeile(v) + 1] = self._kodiere(text)
        self._neu_lesen()

    def listeneintrag(self, schluessel: str, eintrag: list[str]) -> None:
        """Hängt einen Eintrag (Zeilen mit ``- …`` in Spalte 2) an die Liste ``schluessel`` an.

        Fehlt die Liste, entsteht sie am Dateiende.
        """
        paar = self._paar(schluessel)
        if paar is None:
            self.zeilen += self._kodiere([f"{schluessel}:", *eintrag])
            self._neu_lesen()
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
        self.zeilen[i:i] = self._kodiere(verschoben)
        self._neu_lesen()
