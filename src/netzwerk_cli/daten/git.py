"""Die zweite Datenquelle: der Datenordner, wie er in einer git-Revision steht.

``netz diff``, ``netz log`` und ``--rev`` lesen Objekte aus git (``git ls-tree -z``,
``git cat-file --batch``) – ohne Checkout, ohne Stash, ohne den Arbeitsbaum oder den Index zu
berühren. Die Dateien einer Revision sind so feindlich wie die auf der Platte: :class:`Revision`
ist nur ein anderer Baum für denselben Lader (:func:`.laden.lade_datenbestand`) – dieselben
Regeln, dieselbe Prüfung, nur die Einträge und Bytes kommen von git.

git läuft immer mit einer Argumentliste (nie über eine Shell), mit Zeitgrenze und begrenzter
Ausgabe; Namen aus git kommen NUL-getrennt (``-z``) und werden nie als Pfad auf der Platte
benutzt.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..kern.befund import Problem
from ..kern.fehler import Exit, NetzFehler
from ..pruefen.codes import problem
from .baum import (
    ANDERES,
    DATEI,
    MAX_EINTRAEGE,
    ORDNER,
    VERKNUEPFUNG,
    Eintrag,
    Lesen,
    zu_viele_eintraege,
)
from .datei import zu_gross
from .laden import temporaerdatei
from .ordner import REGIONEN, VERTRAEGE

# Ein git-Aufruf, der so lange braucht, hängt (Netzlaufwerk, Sperre eines anderen Prozesses).
ZEITGRENZE = 120
# Mehr Ausgabe als das liefert kein Datenordner und keine Geschichte, die netz lesen soll.
MAX_AUSGABE = 512 * 1024 * 1024
MAX_FEHLERTEXT = 64 * 1024

_LINK = "120000"
# Ausgabe eines ls-tree für einen Ordner mit MAX_EINTRAEGE Einträgen (je Zeile Kopf und Name)
_MAX_LISTE = MAX_EINTRAEGE * 384

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
    """Der volle Name des Standardzweigs (``refs/remotes/origin/main``, sonst das Ziel von
    ``refs/remotes/origin/HEAD``, sonst ``refs/heads/main``) – immer als voller Name aufgelöst:
    ein Tag „origin/main“ ginge bei der Kurzform dem Zweig vor (git prüft refs/tags zuerst)."""
    rc, aus, _ = git(repo.oben, "symbolic-ref", "--quiet", "refs/remotes/origin/HEAD")
    kandidaten = ["refs/remotes/origin/main", "refs/heads/main"]
    ziel = aus.strip().decode("utf-8", "replace")
    if rc == 0 and ziel.startswith("refs/remotes/origin/"):
        kandidaten.insert(1, ziel)
    for ref in kandidaten:
        rc, _, _ = git(repo.oben, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}")
        if rc == 0:
            return ref
    raise NetzFehler(
        "Kein Standardzweig gefunden (weder origin/main noch main).",
        "Die Basis ausdrücklich angeben, z. B. „netz diff origin/master“.",
        Exit.AUFRUF,
    )


def merge_basis(repo: Repo) -> tuple[str, str]:
    """(Kennung, Beschreibung) der Merge-Basis von HEAD mit dem Standardzweig – nicht dessen
    Spitze: ein Pull-Request soll nur seine eigenen Änderungen sehen, nicht die, die inzwischen
    auf main dazukamen."""
    ref = standardzweig(repo)
    zweig = ref.removeprefix("refs/remotes/").removeprefix("refs/heads/")
    kopf = commit(repo, "HEAD")
    rc, aus, _ = git(repo.oben, "merge-base", kopf, commit(repo, ref))
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


class Revision:
    """Der Datenordner einer Revision als Baum für :func:`.laden.lade_datenbestand`.

    Gelesen wird nur, wonach der Lader fragt: die Einträge eines Ordners mit einem
    ``git ls-tree`` ohne ``-r`` (so tief, wie netz den Baum braucht – zwei Ebenen), höchstens
    :data:`.baum.MAX_EINTRAEGE` je Ordner; die Bytes mit einem ``git cat-file --batch`` für alle
    Dateien zusammen. Ein Baum, der wenige KiB groß ist, aber Millionen Pfade nennt (derselbe
    Unterbaum vielfach eingehängt), kostet so nie mehr als seine obersten Ebenen.
    """

    def __init__(self, repo: Repo, kennung: str) -> None:
        self.repo, self.kennung, self.wurzel = repo, kennung, repo.wurzel
        self._objekte: dict[str, tuple[str, int]] = {}  # Pfad -> (Objekt, Größe) der gelisteten Blobs
        self._listen: dict[str, list[Eintrag] | int | None] = {}
        #: Wie viele Einträge ls-tree insgesamt lieferte (für Tests der Grenze)
        self.gelesene_eintraege = 0
        if self._liste("") is None:
            name = repo.datenpfad or "."
            raise NetzFehler(
                f"In Revision {kennung[:12]} gibt es den Datenordner {name}/ nicht.",
                "Eine Revision wählen, in der es die Daten schon gab.",
                Exit.AUFRUF,
            )

    def _liste(self, ordner: str) -> list[Eintrag] | int | None:
        """Die Einträge oder – bei zu vielen – deren Zahl (mindestens); None: kein Baum."""
        if ordner not in self._listen:
            self._listen[ordner] = self._ls_tree(ordner)
        return self._listen[ordner]

    def _ls_tree(self, ordner: str) -> list[Eintrag] | int | None:
        pfad = "/".join(t for t in (self.repo.datenpfad, ordner) if t)
        ziel = f"{self.kennung}:{pfad}" if pfad else f"{self.kennung}^{{tree}}"
        try:
            rc, aus, _ = git(
                self.repo.oben, "ls-tree", "-z", "--long", "--end-of-options", ziel, grenze=_MAX_LISTE
            )
        except NetzFehler:  # mehr Ausgabe als die Grenze: sicher mehr Einträge als erlaubt
            return MAX_EINTRAEGE + 1
        if rc != 0:
            return None
        saetze = [s for s in aus.split(b"\0") if s]
        self.gelesene_eintraege += len(saetze)
        if len(saetze) > MAX_EINTRAEGE:
            return len(saetze)
        out = []
        for satz in saetze:
            kopf, _, name_b = satz.partition(b"\t")
            modus_b, typ_b, objekt_b, groesse_b = kopf.split(None, 3)
            modus, typ, objekt, name = (
                modus_b.decode(),
                typ_b.decode(),
                objekt_b.decode(),
                os.fsdecode(name_b),
            )
            groesse = int(groesse_b) if groesse_b.strip().isdigit() else -1
            if modus == _LINK:
                e = Eintrag(name, VERKNUEPFUNG, "eine symbolische Verknüpfung")
            elif typ == "tree":
                e = Eintrag(name, ORDNER, "ein Ordner")
            elif typ == "blob":
                e = Eintrag(name, DATEI, "eine Datei", groesse)
                self._objekte[f"{ordner}/{name}" if ordner else name] = (objekt, groesse)
            else:
                e = Eintrag(name, ANDERES, "ein Submodul (Verweis auf ein anderes Repository)")
            out.append(e)
        out.sort(key=lambda e: e.name)
        return out

    def eintraege(self, ordner: str, anzeige: str) -> list[Eintrag] | Problem | None:
        liste = self._liste(ordner)
        if isinstance(liste, int):
            return zu_viele_eintraege(anzeige, liste)
        return liste

    def lies(self, auftraege: Iterable[Lesen]) -> Iterator[bytes | Problem]:
        auftraege = list(auftraege)
        antworten: list[str | Problem] = []
        summe = 0
        for a in auftraege:
            if a.pfad not in self._objekte:  # der Lader liest nur, was eine Liste als Datei nannte
                antworten.append(problem(a.anzeige, 1, "NZ100", "Datei nicht lesbar: nicht in der Revision"))
                continue
            objekt, groesse = self._objekte[a.pfad]
            if groesse > a.grenze or groesse < 0:
                antworten.append(zu_gross(a.anzeige, groesse, a.grenze))
            else:
                antworten.append(objekt)
                summe += groesse
        inhalte = blobs(self.repo, [o for o in antworten if isinstance(o, str)], summe)
        for o in antworten:
            yield inhalte[o] if isinstance(o, str) else o

    def reste(self, kandidaten: list[tuple[str, str]]) -> list[Problem]:
        # in git eingecheckt: sicher ein Rest, nie die Datei eines laufenden Schreibers
        return [temporaerdatei(a) for _, a in kandidaten]

    def sperre(self) -> list[Problem]:
        return []


def commit_vor(repo: Repo, tag: date) -> str | None:
    """Der letzte Commit von HEAD (erste Eltern) vor dem Beginn von ``tag`` – der Stand der
    Daten an jenem Morgen; None, wenn die Geschichte später beginnt."""
    rc, aus, _ = git(
        repo.oben, "rev-list", "-1", "--first-parent", f"--before={tag.isoformat()}T00:00:00", "HEAD", "--"
    )
    if rc != 0 or not aus.strip():
        return None
    return aus.strip().decode("ascii")


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


def geschichte(repo: Repo, praefix: str) -> list[Commit]:
    """Die Commits (neueste zuerst), die eine Regionen- oder Vertragsdatei mit diesem Namensanfang
    berührten – auch gelöschte und umbenannte Dateien.

    Nicht ``git log -- MUSTER``: passt das Muster auf einen Ordner, durchläuft git alles darunter
    (2**20 Pfade aus wenigen KiB Objekten: Minuten). Stattdessen je Commit nur die beiden Bäume
    ``regionen/`` und ``vertraege/`` (eine Ebene, gleiche Bäume einmal gelesen): ein Commit zählt,
    wenn seine Einträge mit diesem Namensanfang sich von denen jedes Elternteils unterscheiden.
    """
    rc, aus, fehler = git(repo.oben, "log", "-z", "--date=short", "--format=%H%x00%P%x00%ad%x00%an%x00%s")
    if rc != 0:
        if "does not have any commits" in fehler:
            return []
        raise NetzFehler(f"git log scheiterte: {fehler.strip()[:200]}", code=Exit.AUFRUF)
    commits = _commits(aus)
    if not commits:
        return []
    baeume, groessen = _baeume(repo, commits)
    inhalte = blobs(repo, sorted(groessen), sum(groessen.values()))
    auswahl = {o: _eintraege_mit(inhalte[o], praefix, len(o) // 2) for o in groessen}
    leer: frozenset[tuple[bytes, bytes]] = frozenset()
    stand = {
        c.kennung: tuple(auswahl[b] if b is not None else leer for b in baeume[2 * i : 2 * i + 2])
        for i, c in enumerate(commits)
    }
    nichts = (leer, leer)
    # ein Elternteil außerhalb der Geschichte (flacher Klon) zählt wie kein Elternteil
    return [c for c in commits if all(stand[c.kennung] != stand.get(e, nichts) for e in c.eltern or ("",))]


def _baeume(repo: Repo, commits: list[Commit]) -> tuple[list[str | None], dict[str, int]]:
    """Je Commit die Bäume ``regionen/`` und ``vertraege/`` (None: gibt es nicht) und die Größe
    jedes Baums – ein ``git cat-file --batch-check`` für alle."""
    ordner = ["/".join(t for t in (repo.datenpfad, o) if t) for o in (REGIONEN, VERTRAEGE)]
    anfragen = "".join(f"{c.kennung}:{o}\n" for c in commits for o in ordner).encode()
    rc, aus, fehler = git(repo.oben, "cat-file", "--batch-check", eingabe=anfragen)
    if rc != 0:
        raise NetzFehler(f"git cat-file scheiterte: {fehler.strip()[:200]}", code=Exit.AUFRUF)
    baeume: list[str | None] = []
    groessen: dict[str, int] = {}
    for zeile in aus.decode("ascii", "replace").splitlines():
        teile = zeile.split()
        if len(teile) == 3 and teile[1] == "tree":  # sonst „missing“ oder kein Ordner
            baeume.append(teile[0])
            groessen[teile[0]] = int(teile[2])
        else:
            baeume.append(None)
    return baeume, groessen


def _commits(aus: bytes) -> list[Commit]:
    """Die Commits aus ``git log -z --format=%H%x00%P%x00%ad%x00%an%x00%s``."""
    felder = aus.split(b"\0")
    out = []
    for i in range(0, len(felder) - 4, 5):
        kennung, eltern, datum, autor, betreff = (f.decode("utf-8", "replace") for f in felder[i : i + 5])
        out.append(Commit(kennung.strip(), tuple(eltern.split()), datum, autor, betreff))
    return out


def _eintraege_mit(baum: bytes, praefix: str, oid_laenge: int) -> frozenset[tuple[bytes, bytes]]:
    """Die Einträge eines rohen git-Baums („MODUS NAME\\0OID“…), deren Name so beginnt:
    (Name, Modus und Objekt)."""
    vorne = os.fsencode(praefix)
    out = set()
    i = 0
    while i < len(baum):
        null = baum.index(b"\0", i)
        modus, _, name = baum[i:null].partition(b" ")
        objekt = baum[null + 1 : null + 1 + oid_laenge]
        if name.startswith(vorne):
            out.add((name, modus + b" " + objekt))
        i = null + 1 + oid_laenge
    return frozenset(out)
