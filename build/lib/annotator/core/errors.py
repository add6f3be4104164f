"""The one exception the core raises for anything a user can fix.

Its message is a single line saying what is wrong and where; the command line prints it
as it is and the window shows it in a message box.  Anything else escaping the core is a bug.
"""

from __future__ import annotations


class AnnotatorError(Exception):
    """A problem the user can understand and fix: bad input, a bad file, an unknown id."""
