"""Whether a project lies on a network share or in a synced folder, where WAL is unsafe.

SQLite's write-ahead log coordinates writers through shared memory (the ``-shm`` file
mapped by every process), which works only among processes on one machine.  On SMB/CIFS,
NFS, sshfs and other network file systems the mapping is not shared between machines and
locks may be ignored; a sync client (Dropbox, Nextcloud/ownCloud, Syncthing, OneDrive,
Google Drive, iCloud) copies the database and its side files one by one while they
change.  Either way several writers can lose commits or damage the file.  This module
finds what can be found and says why, so that the command line and the window can warn;
it never refuses.

It looks at the file system type of the mount that holds the resolved path (Linux:
``/proc/self/mountinfo``; macOS and the BSDs: the output of ``mount``; Windows: UNC
paths and network drives) and at sync-client markers in the project's folder and its
ancestors.  Only ``stat`` and directory listings are used, never ``open()`` on the
project (see :mod:`annotator.core.safety.project_file`).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path, PurePath

from annotator.core.i18n import Translatable

NETWORK_TYPES = frozenset({
    "nfs", "nfs4", "cifs", "smb3", "smb2", "smbfs", "ncpfs", "9p", "afs", "openafs",
    "coda", "ceph", "glusterfs", "lustre", "gpfs", "beegfs", "ocfs2", "gfs2", "davfs",
    "webdav", "vboxsf", "vmhgfs", "drvfs", "afpfs", "fuse.sshfs", "fuse.rclone",
    "fuse.s3fs", "fuse.gcsfuse", "fuse.davfs2", "fuse.gvfsd-fuse", "fuse.glusterfs",
    "fuse.cephfs", "fuse.ceph-fuse", "fuse.juicefs", "fuse.vmhgfs-fuse", "fuse.onedriver",
    "fuse.google-drive-ocamlfuse", "fuse.smbnetfs", "fuse.curlftpfs", "fuse.afpfs",
})
"""File system types (as Linux and the BSDs name them) that are reached over a network."""

WARNING = Translatable("several windows or commands may write at once only on a local disk; "
                       "exchange copies (merge) through a shared folder instead")
"""What the command line says after the reason (the window has its own translated text)."""

# Folder names that sync clients give their root (compared case-insensitively).
_SYNC_FOLDERS = (
    ("Dropbox", re.compile(r"dropbox( \(.+\))?")),
    ("OneDrive", re.compile(r"onedrive( - .+)?|onedrive-.+")),
    ("Google Drive", re.compile(r"google ?drive|googledrive-.+|my drive")),
    ("iCloud Drive", re.compile(r"icloud ?drive|com~apple~clouddocs|mobile documents")),
)
# Files or folders a sync client keeps in the root of what it syncs.
# ``file``/``folder`` where it matters: ``~/.dropbox`` is Dropbox's settings folder, while
# the synced folder's root holds a ``.dropbox`` file.
_SYNC_MARKERS = (
    ("Syncthing", ((".stfolder", "any"),)),
    ("Dropbox", ((".dropbox", "file"), (".dropbox.cache", "folder"))),
    ("Nextcloud/ownCloud", ((".owncloudsync.log", "file"), (".nextcloudsync.log", "file"))),
)
_NEXTCLOUD_DB = re.compile(r"\.?_?sync_[0-9a-f]+\.db")


@dataclass(frozen=True)
class SharedPlace:
    """Where a project is: ``kind`` ``network`` (``name``: the file system type) or
    ``synced`` (``name``: the sync client); ``where``: the mount point or synced folder."""

    kind: str
    name: str
    where: str

    def reason(self) -> str:
        if self.kind == "network":
            return Translatable("on a network file system ({name} at {where})",
                                name=self.name, where=self.where)
        return Translatable("in a folder synced by {name} ({where})", name=self.name,
                            where=self.where)


def shared_place(path: str | Path, *, mount_table: str | None = None,
                 platform: str | None = None) -> SharedPlace | None:
    """The network mount or synced folder holding ``path``; None if none is found.

    ``mount_table`` (the text of ``/proc/self/mountinfo``, ``/proc/mounts`` or of
    ``mount``) and ``platform`` replace the running system's, for tests.
    """
    resolved = _resolved(Path(path))
    platform = platform or sys.platform
    found = _network_mount(resolved, platform, mount_table)
    return found or _synced_folder(resolved)


def reason(path: str | Path, *, mount_table: str | None = None,
           platform: str | None = None) -> str | None:
    """Why ``path`` is unsafe for several writers (e.g. "on a network file system
    (nfs4 at /srv)"), or None when nothing was detected."""
    found = shared_place(path, mount_table=mount_table, platform=platform)
    return found.reason() if found else None


def warning(path: str | Path) -> str | None:
    """The one-line warning for ``path``, or None; never raises."""
    try:
        why = reason(path)
    except Exception:  # noqa: BLE001 - detection is advice; it must never stop work
        return None
    if not why:
        return None
    return Translatable("{path} is {why}: {warning}", path=path, why=why, warning=WARNING)


# -- mounts -------------------------------------------------------------------------------
def _network_mount(path: Path, platform: str, table: str | None) -> SharedPlace | None:
    if platform.startswith("win"):
        return _windows_network(path)
    if table is None:
        table = _mount_table(platform)
    if not table:
        return None
    mounts = parse_mount_table(table)
    best: tuple[str, str] | None = None
    for point, fstype in mounts:
        if _contains(point, path) and (best is None or len(point) >= len(best[0])):
            best = (point, fstype)  # a later mount on the same point hides the earlier
    if best is None:
        return None
    point, fstype = best
    fstype = fstype.lower()
    if fstype in NETWORK_TYPES or fstype.startswith(("nfs", "smb", "cifs")):
        return SharedPlace("network", fstype, point)
    return None


def parse_mount_table(text: str) -> list[tuple[str, str]]:
    """``(mount point, file system type)`` pairs from mountinfo, /proc/mounts or ``mount``."""
    pairs = []
    for line in text.splitlines():
        fields = line.split()
        if " - " in line and len(fields) >= 7:  # mountinfo: ... mount-point ... - type src
            after = line.split(" - ", 1)[1].split()
            if after:
                pairs.append((_unescape(fields[4]), after[0]))
        elif (match := re.match(r"^.+? on (.+) \(([^,)]+)", line)):  # macOS/BSD mount
            pairs.append((match.group(1), match.group(2).strip()))
        elif len(fields) >= 3 and fields[1].startswith("/"):  # /proc/mounts, fstab style
            pairs.append((_unescape(fields[1]), fields[2]))
    return pairs


def _unescape(text: str) -> str:
    # The kernel writes space, tab, newline and backslash in mount points as \ooo.
    return re.sub(r"\\([0-7]{3})", lambda m: chr(int(m.group(1), 8)), text)


def _contains(point: str, path: Path) -> bool:
    point = point.rstrip("/") or "/"
    text = str(path)
    return point == "/" or text == point or text.startswith(point + "/")


def _mount_table(platform: str) -> str:
    if platform.startswith("linux"):
        for source in ("/proc/self/mountinfo", "/proc/mounts"):
            try:
                return Path(source).read_text(encoding="utf-8", errors="replace")
            except OSError:
                continue
        return ""
    if platform == "darwin" or "bsd" in platform:
        try:
            done = subprocess.run(["mount"], capture_output=True, text=True, timeout=5,
                                  check=False)
        except (OSError, subprocess.SubprocessError):
            return ""
        return done.stdout
    return ""


def _windows_network(path: Path) -> SharedPlace | None:
    text = str(path)
    if text.startswith("\\\\?\\UNC\\"):
        text = "\\\\" + text[8:]
    if text.startswith("\\\\") and not text.startswith("\\\\?\\"):
        share = "\\".join(text.split("\\")[:4])
        return SharedPlace("network", "SMB", share)
    drive = path.drive
    if not drive or sys.platform != "win32":
        return None
    try:
        import ctypes

        kind = ctypes.windll.kernel32.GetDriveTypeW(drive + "\\")  # type: ignore[attr-defined]
    except (OSError, AttributeError):
        return None
    drive_remote = 4
    return SharedPlace("network", "network drive", drive) if kind == drive_remote else None


# -- sync folders -------------------------------------------------------------------------
def _synced_folder(path: Path) -> SharedPlace | None:
    for folder in path.parents:
        name = folder.name.casefold()
        for client, pattern in _SYNC_FOLDERS:
            if name and pattern.fullmatch(name):
                return SharedPlace("synced", client, str(folder))
        if folder.parent.name == "CloudStorage" and folder.name:  # macOS File Provider
            provider = re.split(r"[-_ ]", folder.name, maxsplit=1)[0]
            return SharedPlace("synced", provider, str(folder))
        for client, markers in _SYNC_MARKERS:
            if any(_is(folder / marker, kind) for marker, kind in markers):
                return SharedPlace("synced", client, str(folder))
        if _has_nextcloud_db(folder):
            return SharedPlace("synced", "Nextcloud/ownCloud", str(folder))
    return None


def _is(path: Path, kind: str) -> bool:
    try:
        if kind == "file":
            return path.is_file()
        if kind == "folder":
            return path.is_dir()
        return os.path.lexists(path)
    except OSError:
        return False


def _has_nextcloud_db(folder: PurePath) -> bool:
    try:
        with os.scandir(folder) as entries:
            return any(_NEXTCLOUD_DB.fullmatch(entry.name) for entry in entries
                       if entry.name.startswith((".sync_", "._sync_")))
    except OSError:
        return False


def _resolved(path: Path) -> Path:
    try:
        return path.expanduser().resolve()
    except (OSError, RuntimeError):
        return path.expanduser().absolute()
