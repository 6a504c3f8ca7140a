"""Die zweite Datenquelle: der Datenordner, wie er in einer git-Revision steht.

``netz diff``, ``netz log`` und ``--rev`` lesen Objekte aus git (``git ls-tree -z``,
``git cat-file --batch``) – ohne Checkout, ohne Stash, ohne den Arbeitsbaum oder den Index zu
berühren. Die Dateien einer Revision sind so feindlich wie die auf der Platte: dieselben
Regeln (:func:`.laden.einordnen`, Obergrenze, keine Verknüpfungen, keine Unterordner) und
dieselbe Prüfung (:func:`.laden.pruefe_inhalt`) – nur die Bytes kommen von git.

git läuft immer mit einer Argumentliste (nie über eine Shell), mit Zeitgrenze und begrenzter
Ausgabe; Namen aus git kommen NUL-getrennt (``-z``) und werden nie als Pfad auf der Platte
benutzt.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import threading
from dataclasses import dataclass
from datetime import date
from pathlib import Path, PurePosixPath

from ..kern.befund import Problem
from ..kern.bestand import Datenbestand, Dokument
from ..kern.fehler import Exit, NetzFehler
from ..kern.modelle import Programm, Region, Vertrag
from ..pruefen.codes import MAX_BYTES, problem
from .datei import kein_ordner, keine_datei, zu_gross
from .laden import (
    TEMPORAER,
    aufnehmen,
    einordnen,
    programm_fehlt,
    pruefe_inhalt,
    temporaerdatei,
)
from .ordner import PROGRAMM, QUELLEN, REGIONEN, VERTRAEGE, anzeigepfad
from .zwischenspeicher import Zwischenspeicher

# Ein git-Aufruf, der so lange braucht, hängt (Netzlaufwerk, Sperre eines anderen Prozesses).
ZEITGRENZE = 120
# Mehr Ausgabe als das liefert kein Datenordner und keine Geschichte, die netz lesen soll.
MAX_AUSGABE = 512 * 1024 * 1024
MAX_FEHLERTEXT = 64 * 1024

_LINK = "120000"
_SUBMODUL = "160000"

HINWEIS_GESCHICHTE = (
    "Fehlt die Geschichte (flacher Klon), hilft „git fetch --unshallow“; "
    "in GitHub Actions actions/checkout mit „fetch-depth: 0“."
)


@dataclass(frozen=True)
class Repo:
    """Wo der Datenordner im Repository liegt."""

    oben: Path  # git rev-parse --show-toplevel
    datenpfad: str  # der Datenordner relativ dazu, mit „/“ („data“; "" für die Wurzel)
    wurzel: Path  # der Datenordner im Arbeitsbaum: Anzeigepfade wie beim Lesen von der Platte


@dataclass(frozen=True)
class Commit:
    kennung: str
    eltern: tuple[str, ...]
    datum: str  # JJJJ-MM-TT (Autorendatum)
    autor: str  # feindlich: aus dem Repository
    betreff: str  # feindlich


def _git_programm() -> str:
    programm = shutil.which("git")
    if programm is None:
        raise NetzFehler(
            "git ist nicht installiert; netz diff, netz log und --rev lesen die Daten aus git.",
            "git installieren (z. B. „apt-get install git“) oder ohne --rev aufrufen.",
            Exit.AUFRUF,
        )
    return programm


def _umgebung() -> dict[str, str]:
    """git ohne Rückfragen, ohne Seitenbetrachter, mit englischen (stabilen) Meldungen und ohne
    optionale Sperren: ein lesender Aufruf soll nichts im Repository anfassen."""
    env = dict(os.environ)
    for name in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"):
        env.pop(name, None)
    env.update(
        GIT_TERMINAL_PROMPT="0",
        GIT_OPTIONAL_LOCKS="0",
        GIT_PAGER="cat",
        LC_ALL="C",
        LANGUAGE="C",
    )
    return env


def git(
    ort: Path, *argumente: str, eingabe: bytes | None = None, grenze: int = MAX_AUSGABE
) -> tuple[int, bytes, str]:
    """``git -C ort argumente…``: (Exit-Code, stdout, stderr). Ausgabe über ``grenze`` oder
    länger als :data:`ZEITGRENZE` beendet den Prozess mit einem Fehler."""
    befehl = [_git_programm(), "-C", str(ort), *argumente]
    try:
        proc = subprocess.Popen(
            befehl,
            stdin=subprocess.PIPE if eingabe is not None else subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=_umgebung(),
        )
    except OSError as e:
        raise NetzFehler(f"git lässt sich nicht starten: {e.strerror}", code=Exit.AUFRUF) from None
    assert proc.stdout is not None and proc.stderr is not None
    fehlertext: list[bytes] = []
    zu_viel = threading.Event()
    abgelaufen = threading.Event()

    def ablauf() -> None:
        abgelaufen.set()
        proc.kill()

    uhr = threading.Timer(ZEITGRENZE, ablauf)

    def schreibe() -> None:
        assert proc.stdin is not None
        try:
            proc.stdin.write(eingabe or b"")
            proc.stdin.close()
        except OSError:  # git hat schon aufgehört zu lesen (beendet oder Fehler)
            pass

    def stderr_lesen() -> None:
        assert proc.stderr is not None
        fehlertext.append(proc.stderr.read(MAX_FEHLERTEXT))
        proc.stderr.read()  # den Rest verwerfen, damit git nicht blockiert

    faeden = [threading.Thread(target=stderr_lesen, daemon=True)]
    if eingabe is not None:
        faeden.append(threading.Thread(target=schreibe, daemon=True))
    uhr.start()
    for f in faeden:
        f.start()
    teile: list[bytes] = []
    gelesen = 0
    try:
        while stueck := proc.stdout.read(1 << 20):
            gelesen += len(stueck)
            if gelesen > grenze:
                zu_viel.set()
                proc.kill()
                break
            teile.append(stueck)
        rc = proc.wait()
    finally:
        uhr.cancel()
        for f in faeden:
            f.join(timeout=5)
        proc.stdout.close()
    if zu_viel.is_set():
        raise NetzFehler(
            f"git {argumente[0]} liefert mehr als {grenze // (1024 * 1024)} MiB; netz bricht ab."
        )
    if abgelaufen.is_set():
        raise NetzFehler(f"git {argumente[0]} antwortet nicht (länger als {ZEITGRENZE} s); netz bricht ab.")
    return rc, b"".join(teile), b"".join(fehlertext).decode("utf-8", "replace")


def repo_fuer(wurzel: Path) -> Repo:
    """Das Repository des Datenordners; außerhalb eines Repositorys ein Aufruffehler."""
    rc, aus, _ = git(wurzel, "rev-parse", "--show-toplevel")
    if rc != 0 or not aus.strip():
        raise NetzFehler(
            f"Der Datenordner {wurzel} liegt in keinem git-Repository (oder in einem leeren).",
            "Im Klon des Repositorys aufrufen (git clone …) oder --data auf dessen data/ setzen.",
            Exit.AUFRUF,
        )
    oben = Path(os.fsdecode(aus.rstrip(b"\n")))
    try:
        teil = wurzel.resolve().relative_to(oben.resolve()).as_posix()
    except ValueError:
        raise NetzFehler(
            f"Der Datenordner {wurzel} liegt nicht im Repository {oben}.", code=Exit.AUFRUF
        ) from None
    return Repo(oben, "" if teil == "." else teil, wurzel)


def _flach(repo: Repo) -> bool:
    rc, aus, _ = git(repo.oben, "rev-parse", "--is-shallow-repository")
    return rc == 0 and aus.strip() == b"true"


def commit(repo: Repo, rev: str) -> str:
    """Die Kennung des Commits zu ``rev`` (Zweig, Tag, HEAD~3, Kennung …)."""
    rc, aus, _ = git(repo.oben, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}")
    if rc != 0 or not aus.strip():
        hinweis = "Schreibweise prüfen („git log --oneline“ zeigt die Commits). " + HINWEIS_GESCHICHTE
        raise NetzFehler(f"Die Revision „{rev}“ gibt es in diesem Repository nicht.", hinweis, Exit.AUFRUF)
    return aus.strip().decode("ascii")


def standardzweig(repo: Repo) -> str:
    for ref in ("refs/remotes/origin/main", "refs/heads/main"):
        rc, _, _ = git(repo.oben, "rev-parse", "--verify", "--quiet", ref)
        if rc == 0:
            return ref.removeprefix("refs/remotes/").removeprefix("refs/heads/")
    raise NetzFehler(
        "Kein Standardzweig gefunden (weder origin/main noch main).",
        "Die Basis ausdrücklich angeben, z. B. „netz diff origin/master“.",
        Exit.AUFRUF,
    )


def merge_basis(repo: Repo) -> tuple[str, str]:
    """(Kennung, Beschreibung) der Merge-Basis von HEAD mit dem Standardzweig – nicht dessen
    Spitze: ein Pull-Request soll nur seine eigenen Änderungen sehen, nicht die, die inzwischen
    auf main dazukamen."""
    zweig = standardzweig(repo)
    kopf = commit(repo, "HEAD")
    rc, aus, _ = git(repo.oben, "merge-base", kopf, commit(repo, zweig))
    if rc != 0 or not aus.strip():
        if _flach(repo):
            raise NetzFehler(
                f"HEAD und {zweig} haben im flachen Klon keine gemeinsame Basis.",
                "Die ganze Geschichte holen: „git fetch --unshallow“; in GitHub Actions "
                "actions/checkout mit „fetch-depth: 0“.",
                Exit.AUFRUF,
            )
        raise NetzFehler(
            f"HEAD und {zweig} haben keine gemeinsame Geschichte.",
            "Die Basis ausdrücklich angeben: „netz diff REVISION“.",
            Exit.AUFRUF,
        )
    return aus.strip().decode("ascii"), f"Merge-Basis mit {zweig}"


def commit_vor(repo: Repo, tag: date) -> str | None:
    """Der letzte Commit von HEAD (erste Eltern) vor dem Beginn von ``tag`` – der Stand der
    Daten an jenem Morgen; None, wenn die Geschichte später beginnt."""
    rc, aus, _ = git(
        repo.oben, "rev-list", "-1", "--first-parent", f"--before={tag.isoformat()}T00:00:00", "HEAD", "--"
    )
    if rc != 0 or not aus.strip():
        return None
    return aus.strip().decode("ascii")


def _baum(repo: Repo, kennung: str) -> list[tuple[str, str, str, str, int]] | None:
    """Alle Einträge unter dem Datenordner: (Modus, Typ, Objekt, Pfad, Größe); None, wenn es den
    Datenordner in dieser Revision nicht gibt."""
    ziel = f"{kennung}:{repo.datenpfad}" if repo.datenpfad else f"{kennung}^{{tree}}"
    rc, aus, _ = git(repo.oben, "ls-tree", "-r", "-t", "-z", "--long", "--end-of-options", ziel)
    if rc != 0:
        return None
    out = []
    for satz in aus.split(b"\0"):
        if not satz:
            continue
        kopf, _, pfad = satz.partition(b"\t")
        modus, typ, objekt, groesse = kopf.split(None, 3)
        g = int(groesse) if groesse.strip().isdigit() else -1
        out.append((modus.decode(), typ.decode(), objekt.decode(), os.fsdecode(pfad), g))
    return out


def blobs(repo: Repo, objekte: list[str], groessen: int) -> dict[str, bytes]:
    """Die Inhalte der Objekte mit einem ``git cat-file --batch`` (ein Prozess für alle)."""
    if not objekte:
        return {}
    eingabe = "".join(f"{o}\n" for o in objekte).encode("ascii")
    rc, aus, fehler = git(
        repo.oben, "cat-file", "--batch", eingabe=eingabe, grenze=groessen + 128 * len(objekte) + 1024
    )
    if rc != 0:
        raise NetzFehler(f"git cat-file scheiterte: {fehler.strip()[:200]}")
    out: dict[str, bytes] = {}
    i = 0
    for _ in objekte:
        ende = aus.index(b"\n", i)
        kopf = aus[i:ende].split()
        if len(kopf) != 3:  # „<objekt> missing“
            raise NetzFehler(f"git kennt das Objekt {kopf[0].decode(errors='replace')} nicht.")
        n = int(kopf[2])
        out[kopf[0].decode()] = aus[ende + 1 : ende + 1 + n]
        i = ende + 1 + n + 1
    return out


def lade_aus_git(
    repo: Repo, kennung: str, speicher: Zwischenspeicher | None = None, praefix: str | None = None
) -> Datenbestand:
    """Der Datenbestand einer Revision, mit denselben Befunden wie beim Lesen von der Platte.

    ``praefix``: nur Regionen- und Vertragsdateien, deren Name so beginnt (``netz log``: eine
    Region); ``programm.yaml`` und ``quellen/`` bleiben dann ungelesen.
    """
    wurzel = repo.wurzel
    eintraege = _baum(repo, kennung)
    if eintraege is None:
        name = repo.datenpfad or "."
        raise NetzFehler(
            f"In Revision {kennung[:12]} gibt es den Datenordner {name}/ nicht.",
            "Eine Revision wählen, in der es die Daten schon gab.",
            Exit.AUFRUF,
        )
    bestand = Datenbestand(wurzel=wurzel)
    quellen: set[str] = set()
    # (Pfad im Arbeitsbaum, Modell, Anzeige, Ziel, Objekt oder Befund)
    aufgaben: list[tuple[str, type[Region] | type[Vertrag] | type[Programm], str, object, str | Problem]] = []
    zaehler = {REGIONEN: 0, VERTRAEGE: 0}
    vorne = {o: os.path.join(anzeigepfad(wurzel / o, wurzel), "") for o in (REGIONEN, VERTRAEGE)}
    ziele = {REGIONEN: (Region, bestand.regionen), VERTRAEGE: (Vertrag, bestand.vertraege)}
    programm_gesehen = False
    summe = 0
    for modus, typ, objekt, pfad, groesse in eintraege:
        teile = PurePosixPath(pfad).parts
        if teile[0] in ziele and len(teile) == 1:
            if typ != "tree":
                anzeige = vorne[teile[0]].rstrip("/\\")
                art_ = "eine Datei" if typ == "blob" else "ein Submodul"
                bestand.probleme.append(kein_ordner(anzeige, art_))
                bestand.unvollstaendig.add(teile[0])
            continue
        if teile[0] in ziele and len(teile) == 2:
            ordner, name = teile
            if praefix is not None and not name.startswith(praefix):
                continue
            anzeige = vorne[ordner] + name
            urteil = einordnen(name, anzeige, modus == _LINK)
            if urteil == TEMPORAER:  # in git eingecheckt: sicher ein Rest, nie ein laufender Schreiber
                bestand.probleme.append(temporaerdatei(anzeige))
                continue
            if isinstance(urteil, Problem):
                bestand.probleme.append(urteil)
                continue
            zaehler[ordner] += 1
            modell, ziel = ziele[ordner]
            wert: str | Problem = objekt
            if typ == "tree":
                wert = keine_datei(anzeige, "ein Ordner")
            elif modus == _SUBMODUL or typ != "blob":
                wert = keine_datei(anzeige, "ein Submodul (Verweis auf ein anderes Repository)")
            elif groesse > MAX_BYTES:
                wert = zu_gross(anzeige, groesse, MAX_BYTES)
            else:
                summe += groesse
            aufgaben.append((str(wurzel / ordner / name), modell, anzeige, ziel, wert))
        elif praefix is None and teile[0] == QUELLEN and len(teile) == 2 and typ == "blob" and modus != _LINK:
            quellen.add(f"{QUELLEN}/{teile[1]}")
        elif praefix is None and pfad == PROGRAMM:
            programm_gesehen = True
            anzeige = anzeigepfad(wurzel / PROGRAMM, wurzel)
            if modus == _LINK:
                wert = keine_datei(anzeige, "eine symbolische Verknüpfung")
            elif typ != "blob":
                wert = keine_datei(anzeige, "ein Ordner" if typ == "tree" else "ein Submodul")
            elif groesse > MAX_BYTES:
                wert = zu_gross(anzeige, groesse, MAX_BYTES)
            else:
                wert = objekt
                summe += groesse
            aufgaben.append((str(wurzel / PROGRAMM), Programm, anzeige, None, wert))
    bestand.quellen = frozenset(quellen)
    bestand.dateien.update(zaehler)
    inhalte = blobs(repo, [w for *_, w in aufgaben if isinstance(w, str)], summe)
    for pfad_, modell_, anzeige, ziel_, wert in aufgaben:
        if isinstance(wert, Problem):
            dok: Dokument | None = None  # type: ignore[type-arg]
            probleme = [wert]
        else:
            dok, probleme = pruefe_inhalt(pfad_, inhalte[wert], modell_, anzeige, speicher, bestand.inhalte)
        if modell_ is Programm:
            bestand.probleme.extend(probleme)
            bestand.programm = dok
        else:
            aufnehmen(bestand, ziel_, anzeige, dok, probleme)  # type: ignore[arg-type]
    if praefix is None and not programm_gesehen:
        bestand.probleme.append(programm_fehlt(anzeigepfad(wurzel / PROGRAMM, wurzel)))
    return bestand


def lies_datei_aus_git(repo: Repo, kennung: str, pfad: str, anzeige: str, grenze: int) -> bytes | Problem:
    """Eine Datei des Datenordners (``pfad`` relativ zu ihm) aus der Revision – dieselben Regeln
    wie :func:`.datei.lies_datei`: nur eine reguläre Datei, höchstens ``grenze`` Bytes."""
    for modus, typ, objekt, p, groesse in _baum(repo, kennung) or []:
        if p != pfad:
            continue
        if modus == _LINK:
            return keine_datei(anzeige, "eine symbolische Verknüpfung")
        if typ != "blob":
            return keine_datei(anzeige, "ein Ordner" if typ == "tree" else "ein Submodul")
        if groesse > grenze:
            return zu_gross(anzeige, groesse, grenze)
        return blobs(repo, [objekt], groesse)[objekt]
    return problem(anzeige, 1, "NZ100", f"Datei nicht lesbar: gibt es in Revision {kennung[:12]} nicht")


def geschichte(repo: Repo, praefix: str) -> list[Commit]:
    """Die Commits (neueste zuerst), die eine Regionen- oder Vertragsdatei mit diesem Namensanfang
    berührten – auch gelöschte und umbenannte Dateien (das Muster passt auf jeden Namen)."""
    unten = _glob_sicher(repo.datenpfad + "/" if repo.datenpfad else "")
    muster = [f":(glob){unten}{o}/{_glob_sicher(praefix)}*" for o in (REGIONEN, VERTRAEGE)]
    rc, aus, fehler = git(
        repo.oben, "log", "-z", "--date=short", "--format=%H%x00%P%x00%ad%x00%an%x00%s", "--", *muster
    )
    if rc != 0:
        if "does not have any commits" in fehler:
            return []
        raise NetzFehler(f"git log scheiterte: {fehler.strip()[:200]}", code=Exit.AUFRUF)
    felder = aus.split(b"\0")
    out = []
    for i in range(0, len(felder) - 4, 5):
        kennung, eltern, datum, autor, betreff = (f.decode("utf-8", "replace") for f in felder[i : i + 5])
        out.append(Commit(kennung.strip(), tuple(eltern.split()), datum, autor, betreff))
    return out


def _glob_sicher(text: str) -> str:
    """Text wörtlich in einem ``:(glob)``-Muster."""
    return "".join(f"\\{z}" if z in "*?[]\\" else z for z in text)
