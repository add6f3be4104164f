"""The bundle's entry point (packaging/annotator.spec): the ``annotator`` command.

A bundle has no Python interpreter to start a child with, so the import's reader process
(:func:`annotator.core.intake.prepare.python_child`) is this executable started with a
first argument that says so.
"""

import sys

from annotator.core.intake.prepare import BUNDLED_CHILD, run_bundled_child

if sys.argv[1:2] == [BUNDLED_CHILD]:
    run_bundled_child(sys.argv[2:])
    raise SystemExit(0)

from annotator.cli.commands import main  # noqa: E402

raise SystemExit(main())
