"""netz report --pdf: der Bericht zum Ausdrucken (WeasyPrint), gelesen mit pdftotext (poppler)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

PDFTOTEXT = shutil.which("pdftotext")
ohne_poppler = pytest.mark.skipif(
    PDFTOTEXT is None, reason="pdftotext fehlt (CI installiert Debians poppler-utils)"
)


def _text(pdf: Path, *args: str) -> str:
    assert PDFTOTEXT is not None
    r = subprocess.run(
        [PDFTOTEXT, "-layout", *args, str(pdf), "-"], capture_output=True, text=True, check=True
    )
    return r.stdout


def _seiten(pdf: Path) -> int:
    return _text(pdf).count("\f")


@pytest.mark.slow  # WeasyPrint setzt den ganzen Bericht: Sekunden; .ci/run führt ihn aus
@ohne_poppler
def test_pdf_seite_eins_hat_die_kennzahlen(netz: Any, tmp_path: Path) -> None:
    ziel = tmp_path / "bericht.pdf"
    lauf = netz("report", "--pdf", str(ziel))
    assert lauf.exit_code == 0, lauf.stderr
    assert f"Bericht geschrieben: {ziel}" in lauf.flach
    assert ziel.read_bytes().startswith(b"%PDF-")
    eins = " ".join(_text(ziel, "-f", "1", "-l", "1").replace("\u00a0", " ").split())
    assert "51 von 53 Regionen (96,2 %) haben sicher ein Netzwerk, bis zu 52 (98,1 %)" in eins
    assert "1 ungewiss" in eins and "Kreis Viersen" in eins
    assert "1 ohne Netzwerk" in eins and "Kreis Wesel" in eins
    # die Fußzeile jeder Seite: Datenstand, Stichtag, Seitenzahl – kein Browserkopf (Pfad, Uhrzeit)
    seiten = _seiten(ziel)
    assert 1 <= seiten <= 5
    alles = _text(ziel).split("\f")
    for n, seite in enumerate(alles[:seiten], start=1):
        flach = " ".join(seite.split())
        assert f"Seite {n} von {seiten}" in flach
        assert "Stichtag 27.11.2026" in flach and "Datenstand:" in flach
        assert "file://" not in flach and str(tmp_path) not in flach


@pytest.mark.slow  # WeasyPrint setzt den ganzen Bericht: Sekunden; .ci/run führt ihn aus
@ohne_poppler
def test_pdf_ist_a4(netz: Any, tmp_path: Path) -> None:
    ziel = tmp_path / "bericht.pdf"
    assert netz("report", "--pdf", str(ziel), "--as-of", "31.12.2012").exit_code == 0
    info = subprocess.run(["pdfinfo", str(ziel)], capture_output=True, text=True, check=True).stdout
    assert "(A4)" in info
    assert "Stichtag 31.12.2012" in " ".join(_text(ziel).split())


@pytest.mark.parametrize(
    ("argumente", "erwartet"),
    [
        (
            ["--html", "bericht.pdf"],
            "--html schreibt HTML, die Endung .pdf verspricht etwas anderes; für PDF: --pdf bericht.pdf",
        ),
        (["--pdf", "bericht.html"], "für HTML: --html bericht.html"),
        (["--html", "bericht.docx"], "kein DOCX; z. B. --pdf bericht.pdf oder --html bericht.html"),
        (["--pdf", "bericht.docx"], "kein DOCX"),
        (["--pdf", "-"], "ein PDF gehört in eine Datei"),
        ([], "--html DATEI oder --pdf DATEI angeben"),
    ],
)
def test_endung_entscheidet(netz: Any, tmp_path: Path, argumente: list[str], erwartet: str) -> None:
    argumente = [str(tmp_path / a) if a.startswith("bericht") else a for a in argumente]
    lauf = netz("report", *argumente)
    assert lauf.exit_code == 2
    # ohne Leerraum verglichen: wo der Kasten umbricht, hängt an der Länge von tmp_path
    kompakt = "".join(lauf.flach.replace("│", " ").split()).replace("".join(str(tmp_path).split()) + "/", "")
    assert "".join(erwartet.split()) in kompakt
    assert list(tmp_path.glob("bericht*")) == []


def test_pdf_ohne_weasyprint(netz: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Fehlt Pango, sagt netz, was zu installieren ist (Exit 4), statt eines Tracebacks."""
    import sys

    monkeypatch.setitem(sys.modules, "weasyprint", None)  # import weasyprint → ImportError
    lauf = netz("report", "--pdf", str(tmp_path / "b.pdf"))
    assert lauf.exit_code == 4
    assert "WeasyPrint oder Pango fehlt" in lauf.flach and "apt-get install" in lauf.flach
    assert not (tmp_path / "b.pdf").exists()
