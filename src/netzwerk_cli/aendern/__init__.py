"""Die Anwendungsfälle, die schreiben: add, end, continue, conference.

Jeder prüft den ganzen Bestand mit dem neuen Dokument, bevor er schreibt, und liest die
geschriebene Datei zurück (:mod:`.gemeinsam`). Nur diese Schicht ruft die schreibenden
Funktionen der Datenschicht.
"""
