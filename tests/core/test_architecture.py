"""The architecture, checked: no import cycle anywhere, the project composed of parts.

The layers themselves are import-linter contracts in ``pyproject.toml`` (``lint-imports``
runs them in CI); what those contracts cannot say is checked here.
"""

from __future__ import annotations

import inspect
import os
import subprocess
import sys

import grimp

from annotator.core.store import Project


def test_no_module_imports_itself_back() -> None:
    # Every import statement counts: at the top, inside a function, under TYPE_CHECKING.
    graph = grimp.build_graph("annotator")
    cycles = []
    for importer in sorted(graph.modules):
        for imported in sorted(graph.find_modules_directly_imported_by(importer)):
            if imported == importer or imported not in graph.modules:
                continue
            back = graph.find_shortest_chain(importer=imported, imported=importer)
            if back is not None:
                cycles.append(" -> ".join((importer, *back)))
    assert cycles == []


def test_project_is_composed_of_parts_not_mixins() -> None:
    assert Project.__bases__ == (object,)
    parts = [name for name, value in vars(Project).items()
             if not name.startswith("_") and inspect.isfunction(value)]
    # A thin object: opening, closing, transactions and the file; the rest lives in parts.
    assert len(parts) < 20, parts


def test_the_windows_start_leaves_numpy_for_the_bootstrap() -> None:
    # numpy (about 0.15 s from a cold disk) is for agreement intervals only: the window's
    # cold start imports the app, its window and the analysis without it.
    code = ("import sys; import annotator.gui.app, annotator.gui.main_window, "
            "annotator.core.analysis.agreement, annotator.core.analysis.score; "
            "print('numpy' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False"
