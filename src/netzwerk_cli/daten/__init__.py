"""Die einzige Schicht, die das Dateisystem berührt: Datenordner finden, Dateien sicher
lesen, Sperre, atomares Schreiben, Grenzen (GeoJSON)."""
