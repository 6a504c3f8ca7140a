"""Ausgabe: je Format ein Renderer. Eingabe sind Berichte aus dem Kern."""

FORMAT_VERSION = 1
