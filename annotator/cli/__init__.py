"""The command line: ``annotator COMMAND``.

:mod:`.commands` builds the parser and holds the built-in commands; each other module
here is a plug-in that adds its commands (see ``PLUGINS``); :mod:`.common` holds what
they share (the project and annotator a command acts on, terminal output).
"""
