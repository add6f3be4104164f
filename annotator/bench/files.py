"""The bench's scratch files: the corpus in parts the import reads, and project files
with their write-ahead log and journal."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path


def split_corpus(corpus: Path, per_part: int) -> list[Path]:
    """The corpus as files of at most ``per_part`` articles each (``corpus`` itself when
    it is no longer): the import reads a JSON Lines file of at most 1,000 MB."""
    parts: list[Path] = []
    with corpus.open(encoding="utf-8") as handle:
        out = None
        for number, line in enumerate(handle):
            if number % per_part == 0:
                if out is not None:
                    out.close()
                parts.append(corpus.with_name(f"{corpus.stem}-{len(parts) + 1:03d}.jsonl"))
                out = parts[-1].open("w", encoding="utf-8")
            out.write(line)  # type: ignore[union-attr]
        if out is not None:
            out.close()
    if len(parts) <= 1:
        for part in parts:
            part.unlink()
        return [corpus]
    corpus.unlink()
    return parts


def project_files(path: Path) -> Iterator[Path]:
    for candidate in (path, path.with_name(path.name + "-wal")):
        if candidate.exists():
            yield candidate


def remove_project(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
