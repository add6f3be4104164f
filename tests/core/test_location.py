"""Detecting a project on a network share or in a synced folder, from fake mount tables
and fake sync-client folders (no real network mount is needed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.safety import location
from annotator.core.safety.location import parse_mount_table, reason, shared_place

MOUNTINFO = """\
22 27 0:21 / /proc rw,relatime - proc proc rw
27 1 254:0 / / rw,relatime - ext4 /dev/vda rw
40 27 0:50 / /srv/team rw,relatime shared:5 - nfs4 fs1:/export/team rw,vers=4.2
41 40 0:51 / /srv/team/local\\040disk rw,relatime - ext4 /dev/vdb rw
42 27 0:52 / /mnt/share rw,relatime - cifs //nas/share rw,vers=3.1.1
43 27 0:53 / /home/ana/remote rw,nosuid - fuse.sshfs ana@host:/data rw
44 27 0:54 / /mnt/vault rw - fuse.gocryptfs /home/ana/.vault rw
45 27 0:55 / /srv/teamwork rw - ext4 /dev/vdc rw
"""


@pytest.mark.parametrize(("path", "expected"), [
    ("/srv/team/project.sqlite", "nfs4"),
    ("/srv/team/sub/deeper/p.sqlite", "nfs4"),
    ("/mnt/share/p.sqlite", "cifs"),
    ("/home/ana/remote/p.sqlite", "fuse.sshfs"),
])
def test_network_file_systems_from_mountinfo(path: str, expected: str) -> None:
    found = shared_place(path, mount_table=MOUNTINFO, platform="linux")
    assert found is not None and found.kind == "network" and found.name == expected
    assert expected in (reason(path, mount_table=MOUNTINFO, platform="linux") or "")


@pytest.mark.parametrize("path", [
    "/home/ana/p.sqlite",               # the root file system
    "/srv/team/local disk/p.sqlite",    # a local disk mounted inside the share (\040)
    "/srv/teamwork/p.sqlite",           # a prefix of the name is not a parent
    "/mnt/vault/p.sqlite",              # a local FUSE file system
])
def test_local_mounts_are_not_reported(path: str) -> None:
    assert shared_place(path, mount_table=MOUNTINFO, platform="linux") is None


def test_proc_mounts_and_bsd_mount_output() -> None:
    mounts = "/dev/vda / ext4 rw 0 0\nfs1:/x /data nfs rw,vers=3 0 0\n"
    assert parse_mount_table(mounts) == [("/", "ext4"), ("/data", "nfs")]
    assert shared_place("/data/p.sqlite", mount_table=mounts, platform="linux").name == "nfs"
    darwin = ("/dev/disk3s1s1 on / (apfs, sealed, local, read-only, journaled)\n"
              "//ana@nas._smb._tcp.local/team on /Volumes/team (smbfs, nodev, nosuid, "
              "mounted by ana)\n")
    found = shared_place("/Volumes/team/p.sqlite", mount_table=darwin, platform="darwin")
    assert found is not None and found.name == "smbfs" and found.where == "/Volumes/team"


def test_windows_unc_path_is_a_network_share() -> None:
    found = location._windows_network(Path("\\\\nas\\team\\coding\\p.sqlite"))
    assert found is not None and found.kind == "network" and "nas" in found.where


@pytest.mark.parametrize(("marker", "kind", "client"), [
    (".stfolder", "folder", "Syncthing"),
    (".dropbox", "file", "Dropbox"),
    (".dropbox.cache", "folder", "Dropbox"),
    (".owncloudsync.log", "file", "Nextcloud/ownCloud"),
    (".sync_4f2a9c01d3e7.db", "file", "Nextcloud/ownCloud"),
])
def test_sync_markers_in_an_ancestor(tmp_path: Path, marker: str, kind: str,
                                     client: str) -> None:
    root = tmp_path / "team"
    project = root / "round2" / "p.sqlite"
    project.parent.mkdir(parents=True)
    if kind == "folder":
        (root / marker).mkdir()
    else:
        (root / marker).write_text("")
    found = shared_place(project, mount_table="", platform="linux")
    assert found is not None and found.kind == "synced" and found.name == client
    assert found.where == str(root.resolve())


def test_dropbox_settings_folder_in_home_is_not_a_synced_folder(tmp_path: Path) -> None:
    (tmp_path / ".dropbox").mkdir()  # Dropbox keeps its settings in ~/.dropbox
    (tmp_path / "work").mkdir()
    assert shared_place(tmp_path / "work" / "p.sqlite", mount_table="",
                        platform="linux") is None


@pytest.mark.parametrize(("folder", "client"), [
    ("Dropbox", "Dropbox"),
    ("Dropbox (Personal)", "Dropbox"),
    ("OneDrive", "OneDrive"),
    ("OneDrive - University of Tehran", "OneDrive"),
    ("Google Drive", "Google Drive"),
    ("iCloud Drive", "iCloud Drive"),
    ("iCloudDrive", "iCloud Drive"),
])
def test_sync_folder_names(tmp_path: Path, folder: str, client: str) -> None:
    project = tmp_path / folder / "coding" / "p.sqlite"
    found = shared_place(project, mount_table="", platform="linux")
    assert found is not None and found.name == client


def test_macos_cloud_storage_folder(tmp_path: Path) -> None:
    project = tmp_path / "Library" / "CloudStorage" / "Box-Box" / "p.sqlite"
    found = shared_place(project, mount_table="", platform="linux")
    assert found is not None and found.name == "Box"


def test_a_plain_local_folder_has_no_reason(tmp_path: Path) -> None:
    project = tmp_path / "dropbox-notes" / "p.sqlite"
    assert reason(project, mount_table=MOUNTINFO, platform="linux") is None


def test_warning_is_one_line_and_never_raises(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / ".stfolder").mkdir()
    text = location.warning(tmp_path / "p.sqlite")
    assert text is not None and "\n" not in text
    assert "Syncthing" in text and "only on a local disk" in text and "merge" in text

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("no mount table")

    monkeypatch.setattr(location, "shared_place", broken)
    assert location.warning(tmp_path / "p.sqlite") is None
