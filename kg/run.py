"""Where the per-article stage runs: in this process, a local process pool, or a Dask cluster — one interface.

``Runner.run(batches)`` takes batches of Articles and yields, in whatever order they finish, lists of
``(article IRI, ArticleResult | error text)``. Articles travel with their text (the task carries everything), so
workers need the same hckg installed, not the input files. Each batch also carries the worker's extractor
version: a worker running other code is an error, not a silently different graph.
"""
from __future__ import annotations

import os
from collections import deque
from typing import Iterable, Iterator

from .errors import KgError
from .records import Article, ArticleResult

Outcome = tuple[str, "ArticleResult | str"]


def process(article: Article) -> ArticleResult:
    """One article through NLP and extraction; independent of every other article. Models load once per
    process (``pipeline`` is cached), so a worker pays for them on its first article only."""
    from .nlp.chunking import process_in_pieces

    if not _blas_set:
        single_threaded_blas()

    return process_in_pieces(article, nlp_and_extract)      # over 200k characters: in pieces, offsets intact


_blas_set = False
_BLAS_SETTERS = ("openblas_set_num_threads", "scipy_openblas_set_num_threads64_", "scipy_openblas_set_num_threads")


def single_threaded_blas() -> bool:
    """One BLAS thread in this process (unless OPENBLAS_NUM_THREADS says otherwise). The models multiply small
    matrices: OpenBLAS's extra threads gain no wall time on them but spin, doubling the CPU an article costs
    and, with one worker per core, fighting the other workers for the cores (bench/bench_scale.py threads).
    Results do not change: each output element is still summed by one thread, in the same order."""
    global _blas_set
    _blas_set = True
    if os.environ.get("OPENBLAS_NUM_THREADS") or os.environ.get("OMP_NUM_THREADS"):
        return False
    import ctypes

    try:
        import numpy  # noqa: F401  (loads numpy's OpenBLAS, the one the models use)
        with open("/proc/self/maps", encoding="utf-8", errors="replace") as fh:
            libs = {path for path in (line.split()[-1] for line in fh if line.count(" ") >= 5)
                    if "openblas" in path.lower() and ".so" in path}
    except (ImportError, OSError):
        return False
    done = False
    for path in sorted(libs):
        try:
            lib = ctypes.CDLL(path)
        except OSError:
            continue
        for name in _BLAS_SETTERS:
            setter = getattr(lib, name, None)
            if setter is not None:
                setter.argtypes = [ctypes.c_int]   # int in both the 32- and the 64-bit-integer builds' setter
                setter(1)
                done = True
                break
    return done


def nlp_and_extract(article: Article) -> ArticleResult:
    from .extract import extract
    from .nlp import pipeline
    from .nlp.kk.latin import latin_view

    view = latin_view(article)          # Kazakh in Latin letters: read in Cyrillic, offsets mapped back
    if view is not None:
        return view.restore(nlp_and_extract(view.article))
    doc = pipeline(article.language)(article.masked_text())
    return extract(article, doc)


def identity(article: Article) -> str:
    """What tells articles apart: their IRI (two input folders may hold the same relative path)."""
    from .iris import article_iri

    return str(article_iri(article.source, article.origin))


def process_batch(articles: list[Article]) -> tuple[str, list[Outcome]]:
    from .cache import extractor_version

    out: list[Outcome] = []
    for article in articles:
        try:
            out.append((identity(article), process(article)))
        except Exception as err:  # one bad article must not stop the others
            out.append((identity(article), f"could not be processed: {type(err).__name__}: {err}"))
    return extractor_version(), out


def _check_version(version: str, expected: str, where: str) -> None:
    if version != expected:
        raise KgError(f"{where}: a worker runs another hckg version (extractor {version[:12]}, this build "
                      f"{expected[:12]}); install the same hckg on every worker")


class InProcess:
    name = "in-process"

    def run(self, batches: Iterable[list[Article]], version: str) -> Iterator[list[Outcome]]:
        for batch in batches:
            got, outcomes = process_batch(batch)
            yield outcomes

    def close(self) -> None:
        pass


class ProcessPool:
    """A local pool of ``workers`` processes; at most ``2 × workers`` batches in flight (bounded memory)."""

    def __init__(self, workers: int):
        from concurrent.futures import ProcessPoolExecutor

        self.workers = workers
        self.name = f"{workers} local worker processes"
        self.pool = ProcessPoolExecutor(max_workers=workers)

    def run(self, batches: Iterable[list[Article]], version: str) -> Iterator[list[Outcome]]:
        from concurrent.futures import FIRST_COMPLETED, wait

        pending: set = set()
        it = iter(batches)
        exhausted = False
        while pending or not exhausted:
            while not exhausted and len(pending) < 2 * self.workers:
                batch = next(it, None)
                if batch is None:
                    exhausted = True
                    break
                pending.add(self.pool.submit(process_batch, batch))
            if not pending:
                break
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                got, outcomes = future.result()
                _check_version(got, version, "local worker")
                yield outcomes

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


class DaskCluster:
    """An existing dask.distributed scheduler (``tcp://host:8786``); its workers run ``process_batch``."""

    def __init__(self, address: str, timeout: float = 15):
        try:
            from distributed import Client
        except ImportError:
            raise KgError("--dask needs the 'distributed' package: pip install 'hckg[dask]'") from None
        try:
            self.client = Client(address, timeout=timeout, set_as_default=False)
        except (OSError, TimeoutError) as err:
            raise KgError(f"{address}: cannot reach the Dask scheduler ({err})") from None
        self.address = address
        n = len(self.client.scheduler_info().get("workers", {}))
        if n == 0:
            self.client.close()
            raise KgError(f"{address}: the Dask scheduler has no workers")
        self.workers = n
        self.name = f"Dask cluster {address} ({n} workers)"

    def run(self, batches: Iterable[list[Article]], version: str) -> Iterator[list[Outcome]]:
        from distributed import as_completed

        it = iter(batches)
        first = [self.client.submit(process_batch, b, pure=False) for b in _take(it, 2 * self.workers)]
        queue = as_completed(first, loop=self.client.loop)
        for future in queue:
            got, outcomes = future.result()
            _check_version(got, version, f"Dask worker at {self.address}")
            future.release()
            for batch in _take(it, 1):
                queue.add(self.client.submit(process_batch, batch, pure=False))
            yield outcomes

    def close(self) -> None:
        self.client.close()


def _take(it, n: int) -> list:
    out = deque()
    for _ in range(n):
        item = next(it, None)
        if item is None:
            break
        out.append(item)
    return list(out)


def default_workers() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def make_runner(workers: int | None = None, dask: str | None = None):
    if dask:
        return DaskCluster(dask)
    n = default_workers() if workers is None else workers
    if n < 1:
        raise KgError(f"--workers must be 1 or more, got {n}")
    return InProcess() if n == 1 else ProcessPool(n)
