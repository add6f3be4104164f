"""The Qt-free core: project file, corpus import, codebook, participants, search, tags.

Nothing in this package imports Qt; the window and the command line are thin shells over it.
"""
