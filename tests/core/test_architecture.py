"""The architecture, checked: no import cycle anywhere, the project composed of parts.

The layers themselves are import-linter contracts in ``pyproject.toml`` (``lint-imports``
runs them in CI); what those contracts cannot say is checked here.
"""

from __future__ import annotations

import inspect

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
