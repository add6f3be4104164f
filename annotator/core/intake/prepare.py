"""Articles made ready to store: content hash and index keys, here or in a reader process.

Reading a corpus (decoding, parsing, canonical text, language, dates) and folding each
article for the search index take more time than SQLite takes to store it.  For a large
import :func:`read_prepared` does that work in a second process, so that reading the next
articles and storing the previous ones run side by side on two cores.  The reader sends
batches of :class:`PreparedArticle` and :class:`ImportProblem`, and its progress, through a
pipe, which holds little: memory stays flat however big the corpus is.

This module imports neither the store nor Qt: the reader process starts in a fraction of a
second.
"""

from __future__ import annotations

import contextlib
import json
import os
import pickle
import queue
import struct
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from annotator.core.errors import AnnotatorError
from annotator.core.i18n import Translatable
from annotator.core.intake.corpus import collect_files, read_corpus
from annotator.core.intake.options import ImportOptions
from annotator.core.records import (
    ArticleRecord,
    ImportNotice,
    ImportProblem,
    PreparedArticle,
    prepare,
)
from annotator.core.safety.project_file import identities, is_one_of

# progress(files done, files in all, the file being read or just read, articles read so far)
Progress = Callable[[int, int, Path, int], None]

# Below this many bytes of corpus files, starting a reader process costs more than it saves.
PARALLEL_BYTES = 8 * 1024 * 1024
_BATCH = 250  # articles per message from the reader
_HEAD = struct.Struct("<Q")  # each message: its size, then the pickle
_WAITING = 32  # messages read ahead: about 8,000 articles, some 70 MB


def corpus_bytes(files: Iterable[Path]) -> int:
    """The size of corpus ``files`` (what cannot be read counts 0)."""
    total = 0
    for file in files:
        with contextlib.suppress(OSError):
            total += file.stat().st_size
    return total


def read_prepared(sources: list[str | Path], progress: Progress | None = None,
                  parallel: bool | None = None, project: Path | None = None,
                  options: ImportOptions | None = None,
                  ) -> Iterator[PreparedArticle | ImportProblem | ImportNotice]:
    """Every article of ``sources``, prepared, and every problem, in the order read.

    ``parallel`` reads in a second process (None: when the files hold at least
    :data:`PARALLEL_BYTES`).  ``progress(done, total, path, articles)`` is called in this
    process after each file, and in a second process also after each batch of articles, so
    that a big file shows progress and a callback that raises (a cancel button) stops the
    import within a batch.  ``project``: the project being imported into; if it is among
    the files, nothing is read (reading it here would also drop this process's locks on
    it, see :mod:`~annotator.core.safety.project_file`).  ``options``: the user's choices
    for reading dates (see :class:`~annotator.core.intake.options.ImportOptions`).
    """
    options = options or ImportOptions()
    files, _problems = collect_files(sources)
    if project is not None:
        own = identities(project)
        for file in files:
            if is_one_of(file, own):
                raise AnnotatorError(Translatable(
                    "{path}: that is the project file itself, not a corpus file; nothing "
                    "was imported", path=file))
    if parallel is None:
        parallel = corpus_bytes(files) >= PARALLEL_BYTES
    if not parallel or not files:
        yield from _read_here(sources, progress, options)
        return
    yield from _from_reader(sources, progress, (0, len(files), files[0]), options)


def _read_here(sources: list[str | Path], progress: Progress | None, options: ImportOptions
               ) -> Iterator[PreparedArticle | ImportProblem | ImportNotice]:
    articles = 0

    def file_done(done: int, total: int, path: Path) -> None:
        if progress is not None:
            progress(done, total, path, articles)

    for item in read_corpus(sources, file_done, options):
        if isinstance(item, ArticleRecord):
            articles += 1
            yield prepare(item, sketch=True)
        else:
            yield item


def _from_reader(sources: list[str | Path], progress: Progress | None,
                 latest: tuple[int, int, Path], options: ImportOptions
                 ) -> Iterator[PreparedArticle | ImportProblem | ImportNotice]:
    # A plain child interpreter, not multiprocessing: that would re-run the caller's main
    # script in the child, and fork is unsafe beside Qt's threads.
    with tempfile.TemporaryFile() as errors:
        articles = 0
        reader = subprocess.Popen(
            python_child("from annotator.core.intake.prepare import reader_main; reader_main()"),
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=errors,
        )
        assert reader.stdin is not None and reader.stdout is not None
        try:
            _send_sources(reader.stdin, sources, options)
            inbox: queue.Queue[bytes | None] = queue.Queue(maxsize=_WAITING)
            threading.Thread(target=_receive, args=(reader.stdout, inbox), daemon=True,
                             name="annotator-import-receiver").start()
            while True:
                frame = inbox.get()
                message = None if frame is None else pickle.loads(frame)
                if message is None:
                    reader.wait()
                    errors.seek(0)
                    lines = errors.read().decode("utf-8", "replace").strip().splitlines()
                    if lines:
                        raise AnnotatorError(Translatable(
                            "the import's reader process stopped unexpectedly (exit code "
                            "{code}: {reason}); the articles stored so far are kept",
                            code=str(reader.returncode), reason=lines[-1]))
                    raise AnnotatorError(Translatable(
                        "the import's reader process stopped unexpectedly (exit code "
                        "{code}); the articles stored so far are kept",
                        code=str(reader.returncode)))
                kind = message[0]
                if kind == "items":
                    yield from message[1]
                    articles += sum(isinstance(i, PreparedArticle) for i in message[1])
                    if progress is not None:
                        progress(*latest, articles)  # within a big file too: a cancel is seen
                elif kind == "progress":
                    latest = (message[1], message[2], Path(message[3]))
                    if progress is not None:
                        progress(*latest, articles)
                elif kind == "error":
                    raise AnnotatorError(Translatable("reading the corpus failed: {reason}",
                                                      reason=message[1]))
                else:  # "end"
                    return
        finally:
            if reader.poll() is None:
                reader.kill()
            reader.wait()


# Run first in every child interpreter (see python_child).  It adds the parent's module
# folders after the child's own (so nothing there can stand in for a standard module) and
# loads this very ``annotator`` package by its location, without putting the folder that
# holds it on the path.
_CHILD_PRELUDE = """\
import importlib.util as _util, json as _json, os as _os, sys as _sys
_folders, _package = _json.loads(_sys.argv[1]), _sys.argv[2]
del _sys.argv[1:3]
_sys.path.extend(folder for folder in _folders if folder not in _sys.path)
_spec = _util.spec_from_file_location(
    "annotator", _os.path.join(_package, "__init__.py"), submodule_search_locations=[_package])
_module = _util.module_from_spec(_spec)
_sys.modules["annotator"] = _module
_spec.loader.exec_module(_module)
del _util, _json, _os, _sys, _folders, _package, _spec, _module
"""


# A bundle (packaging/build) has no Python interpreter to start: its own executable runs
# the child's code when started with this first argument (see run_bundled_child).
BUNDLED_CHILD = "--annotator-child-process"


def python_child(code: str, *args: str) -> list[str]:
    """The command that runs ``code`` (with ``args`` in ``sys.argv[1:]``) in a child Python.

    The child is isolated (``-I``): neither the working folder nor a script's folder is
    put on its module path, and PYTHONPATH and the user's site folder are ignored, so a
    ``csv.py`` or ``json.py`` lying in the working folder or a corpus folder is never run.
    It gets this process's module folders instead, except relative ones and the working
    folder, and after its own standard library.  In a bundle the executable itself is the
    child: its modules are the bundle's only, so there is nothing to isolate it from.
    """
    if getattr(sys, "frozen", False):
        return [sys.executable, BUNDLED_CHILD, code, *args]
    here = os.path.realpath(os.getcwd())
    folders = [folder for folder in sys.path
               if folder and os.path.isabs(folder) and os.path.realpath(folder) != here]
    package = str(Path(__file__).resolve().parents[2])
    return [sys.executable, "-I", "-c", _CHILD_PRELUDE + code, json.dumps(folders), package,
            *args]


def run_bundled_child(argv: list[str]) -> None:
    """In a bundle's executable started as ``python_child`` starts it (``argv``: what
    follows :data:`BUNDLED_CHILD`): run the code with the arguments after it."""
    code, *args = argv
    sys.argv = [sys.argv[0], *args]
    exec(compile(code, "<annotator child>", "exec"), {"__name__": "__main__"})


def _send_sources(pipe: IO[bytes], sources: list[str | Path],
                  options: ImportOptions | None = None) -> None:
    """Write ``sources`` and ``options`` to the reader's stdin and close it.

    A reader that died before reading them (it could not start, or ran out of memory)
    has closed its end, and the write fails: a broken pipe on POSIX, EINVAL on Windows.
    That failure says nothing the reader's output will not say better: its output then
    ends without "end", and the caller reports the exit code and the reader's last words.
    A reader still alive that got only part of them reports that it could not read them.
    """
    try:
        pipe.write(json.dumps({"sources": [str(s) for s in sources],
                               "options": (options or ImportOptions()).as_json()}
                              ).encode("utf-8"))
        pipe.flush()
    except OSError:
        pass
    finally:
        with contextlib.suppress(OSError):  # closes the pipe even when the flush fails
            pipe.close()


def _receive(pipe: IO[bytes], inbox: queue.Queue[bytes | None]) -> None:
    """Read the reader's messages off the pipe into ``inbox`` while this process stores.

    Without it the reader would stall whenever the pipe (64 KiB) is full, that is during
    every write to SQLite.  The thread only moves bytes (unpickling would hold the GIL and
    slow every SQLite step of the storing thread); ``None`` marks the end of the pipe.
    """
    try:
        while True:
            head = pipe.read(_HEAD.size)
            if len(head) < _HEAD.size:
                break
            (size,) = _HEAD.unpack(head)
            frame = pipe.read(size)
            if len(frame) < size:
                break
            inbox.put(frame)
    except OSError:
        pass
    finally:
        inbox.put(None)
        pipe.close()


def reader_main() -> None:
    """The reader process: sources and options (JSON) on stdin; pickled batches, then end or
    error, out."""
    out = sys.stdout.buffer

    def send(message: tuple[Any, ...]) -> None:
        frame = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
        out.write(_HEAD.pack(len(frame)))
        out.write(frame)
        out.flush()

    try:
        given = json.loads(sys.stdin.buffer.read().decode("utf-8"))
        sources = given["sources"]
        options = ImportOptions.from_json(given.get("options") or {})
        batch: list[PreparedArticle | ImportProblem | ImportNotice] = []

        def file_done(done: int, total: int, path: Path) -> None:
            nonlocal batch
            if batch:
                send(("items", batch))
                batch = []
            send(("progress", done, total, str(path)))

        for item in read_corpus(sources, file_done, options):
            batch.append(prepare(item, sketch=True) if isinstance(item, ArticleRecord)
                         else item)
            if len(batch) >= _BATCH:
                send(("items", batch))
                batch = []
        if batch:
            send(("items", batch))
        send(("end",))
    except BrokenPipeError:  # the importing process stopped reading (a cancel)
        os._exit(0)
    except Exception as error:  # reported as one line by the importing process
        send(("error", f"{type(error).__name__}: {error}"))
