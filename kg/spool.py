"""Statements sorted on disk (``SortedSpool``) and lists of a fixed size (``batched``): no RDF library, so a
process that only needs these (the shape checks' child, ``kg.checkrun``) does not load one."""
from __future__ import annotations

import heapq
from pathlib import Path
from typing import Iterable, Iterator, TypeVar

T = TypeVar("T")


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Lists of ``size`` items (the last one shorter), in order (``itertools.batched`` from Python 3.12)."""
    batch: list[T] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


class SortedSpool:
    """Statements sorted on disk when they outgrow memory: sorted runs spilled to files, merged at the end.
    Memory holds at most ``limit`` statements plus one per run."""

    def __init__(self, folder: Path, limit: int = 200_000):
        self.folder, self.limit = Path(folder), limit
        self.buffer: list[str] = []
        self.runs: list[Path] = []

    def add(self, lines: Iterable[str]) -> None:
        self.buffer.extend(lines)
        if len(self.buffer) >= self.limit:
            self._spill()

    def _spill(self) -> None:
        path = self.folder / f"run-{len(self.runs):05d}.nt"
        with open(path, "w", encoding="utf-8", newline="\n") as fh:
            fh.writelines(line + "\n" for line in sorted(set(self.buffer)))
        self.runs.append(path)
        self.buffer = []

    def __iter__(self) -> Iterator[str]:
        handles = [open(p, encoding="utf-8", newline="\n") for p in self.runs]
        try:
            streams = [(line.rstrip("\n") for line in h) for h in handles]
            previous = None
            for line in heapq.merge(sorted(set(self.buffer)), *streams):
                if line != previous:
                    yield line
                    previous = line
        finally:
            for h in handles:
                h.close()
            for p in self.runs:
                p.unlink(missing_ok=True)
