"""The performance bench: ``annotator bench`` measures the app on a synthetic corpus.

:mod:`~annotator.bench.corpus` writes N synthetic articles (sentences of the bundled
samples, mixed Persian and Arabic) as one JSONL file; :mod:`~annotator.bench.measure`
imports it through the real reader and times import, tag saving, search, export,
agreement and merge, each beside a baseline measured in the same run where one exists;
:mod:`~annotator.bench.window` runs the window in a child process so cold start, article
switching and memory are measured as a user meets them.  Nothing here is used by the app.
"""
