"""Progress lines a person can read on a long build: done/total, articles per second, time left."""
from __future__ import annotations

import time
from typing import Callable


def _clock(seconds: float) -> str:
    seconds = int(seconds)
    if seconds >= 3600:
        return f"{seconds // 3600}h{seconds % 3600 // 60:02d}m"
    return f"{seconds // 60}m{seconds % 60:02d}s"


class Progress:
    """``advance(n)`` after each finished batch; a line at most every ``every`` seconds, and at the end."""

    def __init__(self, total: int, emit: Callable[[str], None] | None, every: float = 5.0):
        self.total, self.emit, self.every = total, emit, every
        self.done = 0
        self.started = self.last = time.monotonic()

    def line(self) -> str:
        elapsed = max(time.monotonic() - self.started, 1e-9)
        rate = self.done / elapsed
        left = (self.total - self.done) / rate if rate > 0 else 0
        eta = f", ETA {_clock(left)}" if self.done < self.total and rate > 0 else ""
        return f"{self.done}/{self.total} articles processed, {rate:.2f} articles/s, {_clock(elapsed)} elapsed{eta}"

    def advance(self, n: int) -> None:
        self.done += n
        now = time.monotonic()
        if self.emit and now - self.last >= self.every:
            self.last = now
            self.emit(self.line())

    def finish(self) -> None:
        if self.emit and self.total:
            self.emit(self.line())
