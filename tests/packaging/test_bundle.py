"""The bundle: packaging/build makes dist/annotator/annotator, which passes its self-check
headless and opens a project file given alone.  Slow (a minute or more: a virtual
environment and PyInstaller), so only ``pytest -m slow -n 0`` runs it; .ci/run does."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.slow


def _headless(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "ANNOTATOR_DB",
                        "PYTHONPATH", "VIRTUAL_ENV")}
    env.update(HOME=str(home), ANNOTATOR_HOME=str(home / "data"))
    return env


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dist = tmp_path_factory.mktemp("dist")
    env = {**os.environ, "ANNOTATOR_DIST": str(dist), "PYTHON": sys.executable}
    done = subprocess.run([str(ROOT / "packaging" / "build")], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=1800)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert "self-check passed" in done.stdout
    return dist / "annotator"


def test_the_bundle_passes_its_self_check_on_its_own(bundle: Path, tmp_path: Path) -> None:
    # Copied elsewhere: nothing may come from the source tree or the build's Python.
    moved = tmp_path / "unpacked" / "annotator"
    shutil.copytree(bundle, moved, symlinks=True)
    done = subprocess.run([str(moved / "annotator"), "--self-check"], cwd=tmp_path,
                          env=_headless(tmp_path), capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "ok: importing the sample corpus: 5 articles imported" in done.stdout
    assert "ok: the window: shown offscreen in Persian (translations annotator_fa, qtbase_fa" \
        in done.stdout
    assert done.stdout.splitlines()[-1].startswith("self-check passed in ")


def test_the_bundle_opens_a_project_file_given_alone(bundle: Path, tmp_path: Path) -> None:
    project = tmp_path / "team.annotator"
    env = _headless(tmp_path)
    done = subprocess.run([str(bundle / "annotator"), "--db", str(project), "import",
                           str(ROOT / "corpus")], env=env, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr
    done = subprocess.run([str(bundle / "annotator"), str(project), "--status"], env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert f"project {project}" in done.stdout and "5 articles" in done.stdout


def test_the_bundle_is_lean(bundle: Path) -> None:
    internal = bundle / "_internal"
    qt = internal / "PySide6" / "Qt"
    libraries = {p.name.split(".so")[0] for p in (qt / "lib").iterdir()}
    assert not {name for name in libraries
                if any(part in name for part in ("WebEngine", "Quick", "Qml", "3D",
                                                 "Multimedia", "Pdf", "Network"))}
    assert not (qt / "plugins" / "platformthemes" / "libqgtk3.so").exists()
    assert sorted(p.name for p in (qt / "translations").iterdir()) == ["qtbase_ar.qm",
                                                                      "qtbase_fa.qm"]
    assert (bundle / "install-desktop").is_file()
    assert (bundle / "share" / "annotator.desktop").is_file()


def test_the_bundles_install_desktop_starts_the_bundle(bundle: Path, tmp_path: Path) -> None:
    prefix = tmp_path / "share"
    done = subprocess.run([str(bundle / "install-desktop"), "--prefix", str(prefix)],
                          env=_headless(tmp_path), capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    entry = (prefix / "applications" / "annotator.desktop").read_text(encoding="utf-8")
    assert f'Exec="{bundle / "annotator"}" %f' in entry
    assert (prefix / "icons" / "hicolor" / "512x512" / "apps" / "annotator.png").is_file()
    assert (prefix / "mime" / "packages" / "annotator-mime.xml").is_file()
