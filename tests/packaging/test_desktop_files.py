"""The Linux desktop files validate with the desktop's own tools, and install-desktop puts
them where launchers and file managers look (each tool's test skips where it is missing:
Debian packages desktop-file-utils, appstream, shared-mime-info)."""

from __future__ import annotations

import os
import re
import shutil
import stat
import struct
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
DESKTOP = PACKAGING / "annotator.desktop"
METAINFO = PACKAGING / "io.github.annotator.Annotator.metainfo.xml"
MIME = PACKAGING / "annotator-mime.xml"
ICONS = ROOT / "resources" / "icons"
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed")
    return found


def test_the_desktop_entry_validates() -> None:
    done = subprocess.run([_tool("desktop-file-validate"), str(DESKTOP)],
                          capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout == "", done.stdout


def test_the_metainfo_validates() -> None:
    done = subprocess.run([_tool("appstreamcli"), "validate", "--no-net", str(METAINFO)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout


def test_the_metainfo_shows_the_screenshots_in_packaging() -> None:
    images = re.findall(r"<image>([^<]+)</image>", METAINFO.read_text(encoding="utf-8"))
    assert len(images) >= 3
    for url in images:
        assert (PACKAGING / "screenshots" / url.rsplit("/", 1)[1]).is_file(), url


def test_the_mime_type_installs_with_glob_and_magic(tmp_path: Path) -> None:
    tool = _tool("update-mime-database")
    packages = tmp_path / "mime" / "packages"
    packages.mkdir(parents=True)
    shutil.copy(MIME, packages)
    done = subprocess.run([tool, str(tmp_path / "mime")], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "application/x-annotator-project:*.annotator" in \
        (tmp_path / "mime" / "globs2").read_text()
    magic = (tmp_path / "mime" / "magic").read_bytes()
    assert b"[40:application/x-annotator-project]" in magic and b"SQLite format 3\0" in magic
    assert "application/x-annotator-project application/vnd.sqlite3" in \
        (tmp_path / "mime" / "subclasses").read_text()


def test_the_launcher_opens_project_files() -> None:
    text = DESKTOP.read_text(encoding="utf-8")
    assert re.search(r"^Exec=annotator %f$", text, re.M)
    assert "MimeType=application/x-annotator-project;application/vnd.sqlite3;" in text
    assert "Icon=annotator" in text


def _png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", head[16:24])
    return width, height


def test_the_icon_comes_in_every_size() -> None:
    assert (ICONS / "annotator.svg").is_file()
    for size in SIZES:
        assert _png_size(ICONS / f"annotator-{size}.png") == (size, size)
    assert (ICONS / "annotator.ico").read_bytes()[:4] == b"\0\0\1\0"


def test_install_desktop_installs_and_uninstalls(tmp_path: Path) -> None:
    app = tmp_path / "my apps" / "annotator"
    app.parent.mkdir()
    app.write_text("#!/bin/sh\n")
    app.chmod(app.stat().st_mode | stat.S_IXUSR)
    prefix = tmp_path / "share"
    env = {**os.environ, "HOME": str(tmp_path)}
    script = PACKAGING / "install-desktop"
    done = subprocess.run([str(script), "--exec", str(app), "--prefix", str(prefix)],
                          env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    entry = prefix / "applications" / "annotator.desktop"
    assert f'Exec="{app}" %f' in entry.read_text(encoding="utf-8")
    assert (prefix / "metainfo" / METAINFO.name).is_file()
    assert (prefix / "mime" / "packages" / MIME.name).is_file()
    assert (prefix / "icons" / "hicolor" / "scalable" / "apps" / "annotator.svg").is_file()
    for size in SIZES:
        assert _png_size(prefix / "icons" / "hicolor" / f"{size}x{size}" / "apps" /
                         "annotator.png") == (size, size)
    if shutil.which("desktop-file-validate"):
        assert subprocess.run(["desktop-file-validate", str(entry)]).returncode == 0
    done = subprocess.run([str(script), "--uninstall", "--prefix", str(prefix)], env=env,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert not entry.exists()
    assert not list(prefix.rglob("annotator*"))


def test_install_desktop_refuses_a_path_a_launcher_cannot_hold(tmp_path: Path) -> None:
    app = tmp_path / "a$b" / "annotator"
    app.parent.mkdir()
    app.write_text("#!/bin/sh\n")
    app.chmod(0o755)
    done = subprocess.run([str(PACKAGING / "install-desktop"), "--exec", str(app),
                           "--prefix", str(tmp_path / "share")], capture_output=True, text=True)
    assert done.returncode == 1
    assert len(done.stderr.splitlines()) == 1 and "cannot hold this path" in done.stderr
    assert not (tmp_path / "share" / "applications" / "annotator.desktop").exists()


def test_install_desktop_makes_annotator_open_its_own_files(tmp_path: Path) -> None:
    """Without --prefix: into the user's data folder, and annotator becomes the default
    application for *.annotator files (not for SQLite files in general)."""
    tool = _tool("xdg-mime")
    env = {**os.environ, "HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "share"),
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_DATA_DIRS": "/usr/share"}
    env.pop("XDG_CURRENT_DESKTOP", None)
    done = subprocess.run([str(PACKAGING / "install-desktop"), "--exec", "/bin/true"],
                          env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "share" / "applications" / "annotator.desktop").is_file()
    asked = subprocess.run([tool, "query", "default", "application/x-annotator-project"],
                           env=env, capture_output=True, text=True)
    assert asked.stdout.strip() == "annotator.desktop"
    assert "vnd.sqlite3" not in (tmp_path / "config" / "mimeapps.list").read_text()
