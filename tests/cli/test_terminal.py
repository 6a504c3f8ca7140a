"""Die Rückfragen von add und end an einem echten Pseudo-Terminal (pexpect).

CliRunner ist kein Terminal: readline, Tab-Vervollständigung und „nur am Terminal wird
gefragt“ lassen sich nur so prüfen, wie ein Mensch sie erlebt.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import DATEN, HEUTE

pexpect = pytest.importorskip("pexpect")

TAB = "\t"


@pytest.fixture
def ordner(tmp_path: Path) -> Path:
    shutil.copytree(DATEN, tmp_path / "data")
    return tmp_path / "data"


@pytest.fixture
def netz(ordner: Path) -> Iterator[object]:
    kinder: list[object] = []

    def starte(*args: str) -> object:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("NETZ_", "COLUMNS", "LINES"))}
        # TERM=dumb: readline schreibt keine Steuerfolgen, die Vervollständigung geht trotzdem
        env.update({"NETZ_HEUTE": HEUTE, "TERM": "dumb", "NO_COLOR": "1"})
        kind = pexpect.spawn(
            sys.executable,
            ["-m", "netzwerk_cli", "--data", str(ordner), *args],
            env=env,
            encoding="utf-8",
            timeout=20,
            dimensions=(40, 80),
        )
        kinder.append(kind)
        return kind

    yield starte
    for k in kinder:
        k.close(force=True)  # type: ignore[attr-defined]


def _ende(kind: object) -> tuple[int, str]:
    rest = kind.read()  # type: ignore[attr-defined]
    kind.close()  # type: ignore[attr-defined]
    return kind.exitstatus, rest  # type: ignore[attr-defined]


def test_add_ganz_am_terminal(netz: object, ordner: Path) -> None:
    """Tippfehler und falsche Antworten werden neu erfragt; deutsches Datum; „ja“ speichert."""
    k = netz("add")  # type: ignore[operator]
    k.expect("Region")
    k.sendline("Atlantis")
    k.expect("unbekannt")
    k.expect("Region")
    k.sendline("Wessel")  # ein anderes Wort: nie still Kreis Wesel, sondern nachgefragt
    k.expect_exact("Meinten Sie: Kreis Wesel (05170)?")
    k.expect_exact("Übernehmen? [J/n]")
    k.sendline("n")  # nein: die Region wird neu erfragt
    k.expect("Region")
    k.sendline("Wesl")
    k.expect_exact("Meinten Sie: Kreis Wesel (05170)?")
    k.expect_exact("Übernehmen? [J/n]")
    k.sendline("j")  # der Vorschlag mit J angenommen, nicht neu getippt
    k.expect_exact("Region: Kreis Wesel (05170)")
    j, m, t = HEUTE.split("-")
    k.expect_exact(f"Tag der Unterzeichnung (TT.MM.JJJJ, ungenau: 11.2026) [{t}.{m}.{j}]:")  # leer = heute
    k.sendline("31.02.2026")
    k.expect("Februar 2026 hat 28 Tage")
    k.expect_exact("Tag der Unterzeichnung")
    k.sendline("1.1.2099")
    k.expect("Zukunft")
    k.expect_exact("Tag der Unterzeichnung")
    k.sendline("20.11.2026")
    k.expect_exact("Quelle")
    k.sendline("kreis wesel")
    k.expect("keine Webadresse")
    k.expect_exact("Quelle")
    k.sendline("https://www.kreis-wesel.de/bildung")
    k.expect_exact("Speichern? [J/n]")
    k.sendline("vielleicht")
    k.expect_exact("Bitte „j“ (ja) oder „n“ (nein) eingeben.")
    k.expect_exact("Speichern? [J/n]")
    k.sendline("ja")
    code, rest = _ende(k)
    assert code == 0, rest
    assert "Angelegt:" in rest and "05170-wesel-2026-11-20.yaml" in rest
    text = (ordner / "vertraege" / "05170-wesel-2026-11-20.yaml").read_text(encoding="utf-8")
    assert "unterzeichnet: 2026-11-20" in text


@pytest.mark.parametrize(
    ("tippen", "region"),
    [
        ("Mül", "Stadt Mülheim an der Ruhr (05117)"),
        ("Rhein-Si", "Rhein-Sieg-Kreis (05382)"),
        ("0538", "Rhein-Sieg-Kreis (05382)"),
    ],
)
def test_tab_und_frueh_abgewiesen(netz: object, ordner: Path, tippen: str, region: str) -> None:
    """Tab vervollständigt Namen mit Umlaut, Bindestrich und Schlüssel; eine Region mit Netzwerk
    wird abgewiesen, bevor nach Datum und Quelle gefragt wird."""
    vorher = sorted(p.name for p in (ordner / "vertraege").iterdir())
    k = netz("add")  # type: ignore[operator]
    k.expect("Region")
    k.send(tippen + TAB)
    k.send("\r")
    k.expect_exact(f"Region: {region}")
    code, rest = _ende(k)
    assert code == 1
    assert "schon ein Netzwerk" in rest and "Tag der Unterzeichnung" not in rest
    assert sorted(p.name for p in (ordner / "vertraege").iterdir()) == vorher


def test_end_fragt_nach_dem_grund(netz: object, ordner: Path) -> None:
    k = netz("end", "Kreis", "Soest")  # type: ignore[operator]
    k.expect_exact("Region: Kreis Soest (05974)")
    k.expect_exact("Letzter Tag des Vertrags (TT.MM.JJJJ)")
    k.sendline("31.07.2024")  # nach Soests letzter erfasster Konferenz (14.05.2024)
    k.expect_exact("Grund")
    k.sendline("Kündigung durch den Kreis")
    k.expect_exact("Quelle")
    k.sendline("")
    k.expect_exact("Speichern? [J/n]")
    k.sendline("y")  # englische Finger: still angenommen
    code, rest = _ende(k)
    assert code == 0, rest
    text = (ordner / "vertraege" / "05974-soest-2008-06-23.yaml").read_text(encoding="utf-8")
    assert "endet: 2024-07-31" in text and "ende_grund: Kündigung durch den Kreis" in text


def test_ablehnen_ist_kein_fehler(netz: object, ordner: Path) -> None:
    vorher = (ordner / "vertraege" / "05974-soest-2008-06-23.yaml").read_bytes()
    k = netz("conference", "soest")  # type: ignore[operator]
    k.expect_exact("Tag der Bildungskonferenz (TT.MM.JJJJ)")
    k.sendline("heute")
    k.expect_exact("Quelle")
    k.sendline("")
    k.expect_exact("Speichern? [J/n]")
    k.sendline("n")
    code, rest = _ende(k)
    assert code == 1
    assert "Nichts gespeichert." in rest and "Fehler" not in rest
    assert (ordner / "vertraege" / "05974-soest-2008-06-23.yaml").read_bytes() == vorher


def test_ohne_geltenden_vertrag_frueh_abgewiesen(netz: object) -> None:
    k = netz("end")  # type: ignore[operator]
    k.expect("Region")
    k.sendline("wesel")
    k.expect_exact("Region: Kreis Wesel (05170)")
    code, rest = _ende(k)
    assert code == 1 and "keinen Vertrag in Kraft" in rest and "Letzter Tag" not in rest


_BEFEHLE_MIT_REGION = ["show", "add", "end", "continue", "conference"]
_GETIPPT = [
    ("mul", "mulheim-an-der-Ruhr"),
    ("Mül", "Mülheim-an-der-Ruhr"),
    ("538", "5382"),
    ("Rhein-Si", "Rhein-Sieg-Kreis"),
]


# Jeder Fall startet einen Python-Prozess: „make test“ nimmt die Diagonale (jeder Befehl und jede
# Eingabe mindestens einmal), das übrige Kreuzprodukt ist langsam und läuft in .ci/run.
@pytest.mark.parametrize(
    ("befehl", "getippt", "erwartet"),
    [
        pytest.param(b, g, e, marks=[] if i % len(_GETIPPT) == j else [pytest.mark.slow])
        for i, b in enumerate(_BEFEHLE_MIT_REGION)
        for j, (g, e) in enumerate(_GETIPPT)
    ],
)
def test_shell_vervollstaendigung(befehl: str, getippt: str, erwartet: str) -> None:
    """Jeder Befehl mit REGION vervollständigt in der Shell (wie „netz --install-completion“ sie
    einrichtet): ohne Umlaut, mit Bindestrich, Schlüssel ohne führende Null."""
    import subprocess

    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("NETZ_")},
        "_NETZ_COMPLETE": "complete_bash",
        "COMP_WORDS": f"netz {befehl} {getippt}",
        "COMP_CWORD": "2",
        "NETZ_DATA": str(DATEN),
    }
    r = subprocess.run([sys.executable, "-m", "netzwerk_cli"], env=env, capture_output=True, text=True)
    assert erwartet in r.stdout.split(), r.stdout + r.stderr


def test_continue_neben_aehnlichem_eintrag_fragt_mit_nein_als_vorgabe(netz: object, ordner: Path) -> None:
    """Neben „datum: 2013-07“ ein zweiter Beschluss am 09.07.2013: netz warnt und fragt mit [j/N]."""
    datei = ordner / "vertraege" / "05974-soest-2008-06-23.yaml"
    vorher = datei.read_bytes()
    k = netz("continue", "soest")  # type: ignore[operator]
    k.expect_exact("Tag des Beschlusses (TT.MM.JJJJ)")
    k.sendline("09.07.2013")
    k.expect_exact("Quelle")
    k.sendline("")
    k.expect_exact("hat schon eine Fortsetzung")
    k.expect_exact("Trotzdem speichern? [j/N]")
    k.sendline("")  # Vorgabe: nein
    code, rest = _ende(k)
    assert code == 1 and "Nichts gespeichert." in rest
    assert datei.read_bytes() == vorher


def test_add_fragt_nach_der_quelle(netz: object, ordner: Path) -> None:
    """Region und Tag auf der Kommandozeile, keine Quelle: am Terminal fragt netz danach, eine
    leere Antwort wird neu erfragt (ein Vertrag ohne Quelle ist ein Fehler, NZ601)."""
    k = netz("add", "viersen", "--date", "01.10.2026")  # type: ignore[operator]
    k.expect_exact("Quelle (Webadresse, auf der die Angabe beruht)")
    k.sendline("")
    k.expect_exact("Ohne Quelle trägt netz keinen Vertrag ein (NZ601).")
    k.expect_exact("Quelle (Webadresse")
    k.sendline("https://www.kreis-viersen.de/bildung")
    k.expect_exact("Speichern? [J/n]")
    k.sendline("")
    code, rest = _ende(k)
    assert code == 0, rest
    text = (ordner / "vertraege" / "05166-viersen-2026-10-01.yaml").read_text(encoding="utf-8")
    assert "quellen:\n  - https://www.kreis-viersen.de/bildung\n" in text


def test_source_add_zeigt_vorschau_und_fragt(netz: object, ordner: Path) -> None:
    """netz source add am Terminal: erst der Diff, dann „Speichern? [J/n]“; „n“ schreibt nichts."""
    datei = ordner / "vertraege" / "05170-wesel-2026-11-20.yaml"
    datei.write_text('region: "05170"\nunterzeichnet: 2026-11-20\n', encoding="utf-8")
    k = netz("source", "add", "Kreis", "Wesel", "https://www.kreis-wesel.de/bildung")  # type: ignore[operator]
    k.expect_exact("Würde ändern:")
    k.expect_exact("+quellen:")
    k.expect_exact("+  - https://www.kreis-wesel.de/bildung")
    k.expect_exact("Speichern? [J/n]")
    k.sendline("n")
    code, _ = _ende(k)
    assert code == 1
    assert "quellen" not in datei.read_text(encoding="utf-8")
    k = netz("source", "add", "Kreis", "Wesel", "https://www.kreis-wesel.de/bildung")  # type: ignore[operator]
    k.expect_exact("Speichern? [J/n]")
    k.sendline("j")
    code, rest = _ende(k)
    assert code == 0, rest
    assert "Quelle nachgetragen" in rest
    assert datei.read_text(encoding="utf-8").endswith("quellen:\n  - https://www.kreis-wesel.de/bildung\n")


def test_ungenaues_datum_und_vorschlaege_mit_j(netz: object, ordner: Path) -> None:
    """„11.2026“ am Terminal: so zurückgesagt, wie netz es liest; die vorgeschlagene Webadresse
    mit J angenommen (ohne „?.“)."""
    k = netz("add", "viersen")  # type: ignore[operator]
    k.expect_exact("Region: Kreis Viersen (05166)")
    k.expect_exact("Tag der Unterzeichnung (TT.MM.JJJJ, ungenau: 11.2026)")
    k.sendline("13.2026")
    k.expect("einen Monat 13 gibt es nicht")
    k.expect_exact("Tag der Unterzeichnung")
    k.sendline("11.2026")
    k.expect_exact("Gelesen: irgendwann im November 2026.")
    k.expect_exact("Quelle")
    k.sendline("www.kreis-viersen.de/bildung")
    k.expect_exact("„www.kreis-viersen.de/bildung“ ist keine Webadresse. Meinten Sie:")
    k.expect_exact("https://www.kreis-viersen.de/bildung?")
    k.expect_exact("Übernehmen? [J/n]")
    k.sendline("")  # Vorgabe: ja
    k.expect_exact("Speichern? [J/n]")
    k.sendline("j")
    code, rest = _ende(k)
    assert code == 0, rest
    assert "?." not in rest
    text = (ordner / "vertraege" / "05166-viersen-2026-11.yaml").read_text(encoding="utf-8")
    assert "unterzeichnet: 2026-11\n" in text and "  - https://www.kreis-viersen.de/bildung\n" in text


def test_end_prueft_den_tag_sofort_und_strg_c(netz: object, ordner: Path) -> None:
    """netz end prüft den Tag gleich nach der Antwort (nicht erst nach Grund und Quelle); eine
    ungenaue Angabe bekommt den Weg in die Datei; Strg+C: „Abgebrochen. Nichts gespeichert.“, 130."""
    vorher = (ordner / "vertraege" / "05166-viersen-2011-09.yaml").read_bytes()
    k = netz("end", "viersen")  # type: ignore[operator]
    k.expect_exact("Letzter Tag des Vertrags (TT.MM.JJJJ)")
    k.sendline("01.01.2010")  # vor der Unterzeichnung 2011: kein Vertrag in Kraft
    k.expect("keinen Vertrag in Kraft")
    k.expect_exact("Letzter Tag des Vertrags")
    k.sendline("11.2026")
    k.expect_exact("hieße irgendwann im November 2026")
    k.expect_exact("Letzter Tag des Vertrags")
    k.sendcontrol("c")
    code, rest = _ende(k)
    assert code == 130, rest
    assert "Abgebrochen. Nichts gespeichert." in rest and "Fehler" not in rest
    assert "Grund" not in rest
    assert (ordner / "vertraege" / "05166-viersen-2011-09.yaml").read_bytes() == vorher


def test_gemeinde_am_terminal_mit_j(netz: object) -> None:
    """„Ratingen“ an der Frage nach der Region: der Kreis als Vorschlag, mit J angenommen."""
    k = netz("add")  # type: ignore[operator]
    k.expect("Region")
    k.sendline("Ratingen")
    k.expect_exact("Ratingen gehört zum Kreis Mettmann (05158).")
    k.expect_exact("Meinten Sie: Kreis Mettmann (05158)?")
    k.expect_exact("Übernehmen? [J/n]")
    k.sendline("j")
    k.expect_exact("Region: Kreis Mettmann (05158)")
    code, rest = _ende(k)
    assert code == 1 and "schon ein Netzwerk" in rest  # Mettmann hat eins: früh gesagt
