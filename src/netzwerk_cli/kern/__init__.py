"""Der reine Kern: Modelle, unsichere Daten, Datenbestand, Abdeckung, Zeitreihe, Berichte.

Liest keine Dateien, fragt keine Umgebung, gibt nichts aus (siehe docs/architektur.md).
"""
