"""Child interpreters (the import's reader, the benchmark's windows) never run a module
lying in the working folder or a corpus folder: they start isolated (``python -I``)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.core import paths
from annotator.core.intake.importer import import_paths
from annotator.core.intake.prepare import python_child, read_prepared
from annotator.core.records import ImportProblem
from annotator.core.store import open_project

# Standard modules the reader imports (json and csv directly, re and codecs underneath),
# a third-party one, and this package's own name: none of them may run from there.
PLANTED = ("csv", "json", "re", "codecs", "encodings", "pickle", "struct", "charset_normalizer",
           "annotator")


def _plant(folder: Path, marker: Path, names: tuple[str, ...]) -> None:
    """Modules named like real ones that leave ``marker`` behind when imported."""
    for name in names:
        code = (f"open({str(marker)!r}, 'a').write({name!r} + '\\n')\n"
                "raise SystemExit('planted module ran')\n")
        if name in ("encodings", "annotator"):  # a package stands in as a folder
            (folder / name).mkdir(exist_ok=True)
            (folder / name / "__init__.py").write_text(code, encoding="utf-8")
        else:
            (folder / f"{name}.py").write_text(code, encoding="utf-8")


def _corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for sample in sorted(paths.corpus_dir().glob("*.txt")):
        (folder / sample.name).write_bytes(sample.read_bytes())
    rows = [{"id": f"r{i}", "text": f"متن {i} درباره غزه"} for i in range(30)]
    (folder / "rows.jsonl").write_text(
        "\n".join(json.dumps(row, ensure_ascii=False) for row in rows) + "\n", encoding="utf-8")
    return folder


@pytest.mark.parametrize("names", [PLANTED[:1], PLANTED[1:2], PLANTED[2:4], PLANTED])
def test_parallel_import_runs_no_module_from_cwd_or_corpus(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, names: tuple[str, ...]) -> None:
    marker = tmp_path / "ran.txt"
    work = tmp_path / "work"
    corpus = _corpus(work / "corpus")
    _plant(work, marker, names)
    _plant(corpus, marker, names)
    monkeypatch.chdir(work)
    with open_project(tmp_path / "p.sqlite") as project:
        result = import_paths(project, ["corpus"], parallel=True)  # relative: from cwd
        assert len(result.added) == 35 and result.problems == []
        assert project.articles.count() == 35
    assert not marker.exists(), marker.read_text()


def test_parent_with_cwd_on_its_path_does_not_hand_it_on(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Under ``python -c`` or ``python -m`` this process has the working folder on its
    path ('' or its full name); the child gets neither."""
    marker = tmp_path / "ran.txt"
    corpus = _corpus(tmp_path / "corpus")
    _plant(corpus, marker, PLANTED)
    monkeypatch.chdir(corpus)
    monkeypatch.setattr(sys, "path", ["", str(corpus), "corpus", *sys.path])
    items = list(read_prepared(["."], parallel=True))
    assert not marker.exists(), marker.read_text()
    assert not [item for item in items if isinstance(item, ImportProblem)]
    assert len(items) == 35


def test_child_command_is_isolated_and_runs_this_package(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    marker = tmp_path / "ran.txt"
    _plant(tmp_path, marker, PLANTED)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PYTHONPATH", str(tmp_path))  # ignored by an isolated child
    command = python_child(
        "import sys, annotator, csv, json; "
        "print(json.dumps([sys.argv[1:], annotator.__file__, csv.__file__, sys.path]))",
        "one", "--two")
    assert command[1] == "-I"
    done = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    argv, package, csv_file, child_path = json.loads(done.stdout)
    assert argv == ["one", "--two"]
    assert Path(package).resolve() == (Path(paths.__file__).parents[1] / "__init__.py").resolve()
    assert tmp_path.resolve() not in {Path(p).resolve() for p in child_path if p}
    assert "" not in child_path and not Path(csv_file).resolve().is_relative_to(tmp_path)
    assert not marker.exists()


def test_benchmark_window_child_is_isolated(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("PySide6")
    from annotator.bench.children import empty_window

    marker = tmp_path / "ran.txt"
    _plant(tmp_path, marker, ("json", "re", "PySide6"))
    monkeypatch.chdir(tmp_path)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    # The child runs in the bench's folder: one holding planted modules imports none.
    assert empty_window(env, tmp_path) > 0  # the window came up
    assert not marker.exists(), marker.read_text()
