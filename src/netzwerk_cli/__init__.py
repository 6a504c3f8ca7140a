"""netz – Tracker der Regionalen Bildungsnetzwerke in Nordrhein-Westfalen."""

__version__ = "0.1.0"
