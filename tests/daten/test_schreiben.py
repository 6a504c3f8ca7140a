"""Sicheres Ersetzen: Rechte bleiben, Verknüpfungen werden verweigert, nichts bleibt liegen."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from netzwerk_cli.daten.schreiben import NichtErsetzbar, ersetze_atomar, lege_exklusiv_an


def test_modus_bleibt(tmp_path: Path) -> None:
    ziel = tmp_path / "a.yaml"
    ziel.write_bytes(b"alt\n")
    os.chmod(ziel, 0o664)
    alte_umask = os.umask(0o077)  # auch eine strenge umask ändert den Modus der Datei nicht
    try:
        ersetze_atomar(ziel, b"neu\n")
    finally:
        os.umask(alte_umask)
    assert ziel.read_bytes() == b"neu\n"
    assert stat.S_IMODE(ziel.stat().st_mode) == 0o664


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="chown braucht root")
def test_eigentuemer_und_gruppe_bleiben(tmp_path: Path) -> None:
    import grp
    import pwd

    uid = pwd.getpwnam("nobody").pw_uid
    gid = grp.getgrnam("nogroup").gr_gid if "nogroup" in {g.gr_name for g in grp.getgrall()} else uid
    ziel = tmp_path / "a.yaml"
    ziel.write_bytes(b"alt\n")
    os.chown(ziel, uid, gid)
    os.chmod(ziel, 0o664)
    ersetze_atomar(ziel, b"neu\n")
    st = ziel.stat()
    assert (st.st_uid, st.st_gid, stat.S_IMODE(st.st_mode)) == (uid, gid, 0o664)


def test_harte_verknuepfung_verweigert(tmp_path: Path) -> None:
    ziel = tmp_path / "a.yaml"
    ziel.write_bytes(b"alt\n")
    os.link(ziel, tmp_path / "b.yaml")
    with pytest.raises(NichtErsetzbar, match=r"Namen \(harte Verknüpfungen\)"):
        ersetze_atomar(ziel, b"neu\n", "vertraege/a.yaml")
    assert ziel.read_bytes() == b"alt\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.yaml", "b.yaml"]


def test_symbolische_verknuepfung_verweigert(tmp_path: Path) -> None:
    echt = tmp_path / "echt.yaml"
    echt.write_bytes(b"alt\n")
    ziel = tmp_path / "a.yaml"
    ziel.symlink_to(echt)
    with pytest.raises(NichtErsetzbar, match="symbolische Verknüpfung"):
        ersetze_atomar(ziel, b"neu\n")
    assert ziel.is_symlink() and echt.read_bytes() == b"alt\n"


@pytest.mark.parametrize("wie", ["ersetzen", "anlegen"])
def test_voller_datentraeger_keine_temporaerdatei(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, wie: str
) -> None:
    ziel = tmp_path / "a.yaml"
    if wie == "ersetzen":
        ziel.write_bytes(b"alt\n")

    def voll(fd: int, daten: bytes) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", voll)
    with pytest.raises(OSError) as e:
        if wie == "ersetzen":
            ersetze_atomar(ziel, b"neu\n")
        else:
            lege_exklusiv_an(ziel, "neu\n")
    assert e.value.errno == errno.ENOSPC and ".netz-" in str(e.value.filename)
    assert [p.name for p in tmp_path.iterdir()] == (["a.yaml"] if wie == "ersetzen" else [])
