"""The one module that knows every stage:
read -> (run: NLP + extract, anywhere) -> result cache -> merge -> graphs -> files, store, checks -> switch.

Memory stays bounded: articles stream from the inputs to the runner and their results to the cache; the
assembly reads results back one at a time, writes each article's graph straight to graph.nq, and sorts the
merged graph's statements on disk (``export.SortedSpool``) for graph.ttl.
"""
from __future__ import annotations

import os
import shutil
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable, Iterator

from . import export, iris
from .cache import ResultCache, article_key, extractor_version
from .errors import InputError, InputWarning
from .records import Article, ArticleResult
from .sources import read_articles
from .vocab import HC

BATCH = 4                       # articles per task: small enough to spread, large enough to amortize IPC
STORE_CHUNK = 20_000            # statements per bulk load into the store: the loader's memory follows the
                                # chunk (1,000 articles: 200k 279 MB, 50k 130 MB, the same CPU; 4,000 articles,
                                # the load alone: 50k 141 MB, 20k 107 MB, the same CPU)
SPOOL_LINES = 100_000           # statements held before a sorted run is spilled to disk (about 25 MB); runs
                                # are merged at once, so 100,000 articles (~43M statements) open ~430 files


@dataclass
class BuildReport:
    articles: int = 0
    failed: list[InputError] = field(default_factory=list)
    warnings: list[InputWarning] = field(default_factory=list)
    classes: Counter = field(default_factory=Counter)
    triples: int = 0
    seconds: float = 0.0
    files: list[Path] = field(default_factory=list)
    violations: list = field(default_factory=list)
    validated: bool = False
    reused: int = 0
    processed: int = 0
    runner: str = ""
    incremental: bool = False                      # outputs updated from the previous build's (kg.incremental)
    focus: int | None = None                       # incremental: focus nodes the checks ran on again
    stages: dict = field(default_factory=dict)     # seconds per stage (wall clock)
    peak_mb: dict = field(default_factory=dict)    # this process's peak resident memory after each stage
    child_peak_mb: dict = field(default_factory=dict)   # a stage run in a child process: the child's own peak

    def summary(self) -> str:
        lines = [f"articles read: {self.articles}, failed: {len(self.failed)}"]
        lines += [f"  failed: {err}" for err in self.failed]
        lines += [f"  warning: {w}" for w in self.warnings]
        if self.runner:
            lines.append(f"articles processed: {self.processed} ({self.runner}), reused from cache: {self.reused}")
        lines.append("resources: " + ", ".join(f"{cls} {n}" for cls, n in sorted(self.classes.items())))
        lines.append(f"triples: {self.triples}")
        if self.incremental:
            lines.append("assembly: incremental (the previous build's outputs updated"
                         + (f"; checks re-run on {self.focus} nodes)" if self.focus is not None else ")"))
        if self.validated:
            lines.append(f"shape violations: {len(self.violations)}")
            lines += [f"  {v}" for v in self.violations[:50]]
            if len(self.violations) > 50:
                lines.append(f"  ... {len(self.violations) - 50} more")
        else:
            lines.append("shape violations: not checked (--no-validate)")
        lines.append(f"seconds: {self.seconds:.1f} (" + ", ".join(f"{k} {v:.1f}" for k, v in self.stages.items()) + ")")
        lines += [f"wrote {p}" for p in self.files]
        return "\n".join(lines)


# ------------------------------------------------------------------------------------------------ in memory

def process(article: Article) -> ArticleResult:
    from .run import process as run_process

    return run_process(article)


def analyse(inputs: Iterable, report: BuildReport, progress: Callable[[str], None] | None = None):
    """Yield ArticleResults in this process (the evaluation harness's small, in-memory path)."""
    seen: set[tuple[str, str]] = set()
    for item in read_articles(inputs):
        if isinstance(item, InputWarning):
            report.warnings.append(item)
            continue
        if isinstance(item, InputError):
            report.failed.append(item)
            continue
        if (item.origin, item.source) in seen:
            report.failed.append(InputError(item.source, "duplicate article id; the first one was kept"))
            continue
        seen.add((item.origin, item.source))
        try:
            result = process(item)
        except Exception as err:  # one bad article must not stop the others
            report.failed.append(InputError(item.source, f"could not be processed: {type(err).__name__}: {err}"))
            continue
        report.articles += 1
        if progress and report.articles % 50 == 0:
            progress(f"{report.articles} articles")
        yield result


def assemble(results: list[ArticleResult]):
    """Merge per-article results into a Dataset (article graphs, resource graph, gazetteer) and its union."""
    from .graph import build_dataset, union_graph

    resources, reference = _merge(results)
    ds = build_dataset(results, resources, reference)
    return ds, union_graph(ds)


def _merge(results: Iterable[ArticleResult]):
    from .gazetteer import load_gazetteer
    from .graph import concept_triples, gazetteer_triples
    from .link import EntityTable

    gaz = load_gazetteer()
    table = EntityTable()
    used: set[str] = set()
    concepts: set[str] = set()
    for result in results:
        table.add_result(result)
        used.update(e.key for e in result.entities if gaz.get(e.key) is not None)
        concepts.update(f.value for f in result.facts if f.kind == "concept")
    resources = {k: r for k, r in table.resources().items() if gaz.get(k) is None}
    return resources, list(gazetteer_triples(gaz, used)) + list(concept_triples(concepts))


# ------------------------------------------------------------------------------------------------ the build

@dataclass(frozen=True, order=True)
class Planned:
    iri: str
    source: str
    key: str


def plan(inputs: Iterable, report: BuildReport, version: str, emit) -> list[Planned]:
    """First pass over the inputs: every readable article's IRI and cache key (texts are not kept)."""
    seen: set[str] = set()
    out = []
    for item in read_articles(inputs):
        if isinstance(item, InputWarning):
            report.warnings.append(item)
            continue
        if isinstance(item, InputError):
            _fail(report, item, emit)
            continue
        iri = str(iris.article_iri(item.source, item.origin))
        if iri in seen:
            _fail(report, InputError(item.source, "duplicate article id; the first one was kept"), emit)
            continue
        seen.add(iri)
        out.append(Planned(iri, item.source, article_key(item, version)))
    return out


def _fail(report: BuildReport, err: InputError, emit) -> None:
    report.failed.append(err)
    if emit:
        emit(f"failed: {err}")


def _batches(inputs, todo: dict[str, str]) -> Iterator[list[Article]]:
    def wanted():
        for item in read_articles(inputs):
            iri = str(iris.article_iri(item.source, item.origin)) if isinstance(item, Article) else None
            if iri is not None and todo.get(iri) is not None:
                del todo[iri]
                yield item
    return export.batched(wanted(), BATCH)


def build(inputs: Iterable, out: Path, *, lang: str = "ru", validate: bool = True,
          progress: Callable[[str], None] | None = None, workers: int | None = None,
          dask: str | None = None, page: bool = True) -> BuildReport:
    """Build into the output folder ``out``; unchanged articles come from its cache. The new outputs replace
    the previous ones as one set, and only if at least one article was built."""
    from .outdir import OutDir
    from .run import make_runner

    from .extract.pipeline import check_patterns

    check_patterns()                    # a typo in a pattern table fails here, before any article is read
    started = time.perf_counter()
    inputs = list(inputs)
    report = BuildReport()
    outdir = OutDir(Path(out)).open()
    try:
        version = extractor_version()
        cache = ResultCache(outdir.cache)
        clock = time.perf_counter()
        planned = plan(inputs, report, version, progress)
        report.stages["read"] = time.perf_counter() - clock
        todo = {p.iri: p.key for p in planned if p.key not in cache}
        report.reused = len(planned) - len(todo)
        clock = time.perf_counter()
        if todo:
            runner = make_runner(_default_workers(len(todo)) if workers is None and not dask else workers, dask)
            report.runner = runner.name
            try:
                _run(runner, inputs, dict(todo), cache, report, version, progress,
                     {p.iri: p.source for p in planned})
            finally:
                runner.close()
        else:
            report.runner = "nothing to process"
        report.stages["articles"] = time.perf_counter() - clock
        done = sorted(p for p in planned if p.key in cache)     # processed now or before; failures are not
        report.articles = len(done)
        if not done:
            return report                              # the previous build stays as it was
        staged = outdir.staging()
        try:
            write_outputs(staged, done, cache, report, lang=lang, validate=validate, page=page,
                          previous=outdir.current())
            final = outdir.switch(staged)
        except BaseException:
            shutil.rmtree(staged, ignore_errors=True)
            raise
        cache.prune({p.key for p in done})
        report.files = [Path(out) / name for name in ("graph.ttl", "graph.nq", "graph.html", "store")
                        if (final / name).exists()]
    finally:
        outdir.close()
    report.seconds = time.perf_counter() - started
    return report


ARTICLES_PER_MODEL_LOAD = 20    # loading the models costs about as much CPU as this many articles


def _default_workers(todo: int) -> int:
    """Every core, but no more workers than there are shares of work worth loading the models for: a rebuild
    adding 10 articles runs in this process instead of loading the models in two."""
    from .run import default_workers

    return max(1, min(default_workers(), todo // ARTICLES_PER_MODEL_LOAD))


def _run(runner, inputs, todo: dict[str, str], cache: ResultCache, report: BuildReport, version: str,
         progress, names: dict[str, str]) -> None:
    """``todo``: article IRI -> cache key; ``names``: article IRI -> its source, to name failures."""
    from .progress import Progress

    meter = Progress(len(todo), progress)
    for outcomes in runner.run(_batches(inputs, dict(todo)), version):
        for iri, result in outcomes:
            if isinstance(result, str):
                _fail(report, InputError(names.get(iri, iri), result), progress)
            else:
                cache.put(todo[iri], result)
                report.processed += 1
        meter.advance(len(outcomes))
    meter.finish()


def write_outputs(staged: Path, done: list[Planned], cache: ResultCache, report: BuildReport, *,
                  lang: str, validate: bool, page: bool, previous: Path | None = None) -> None:
    """Every output of one build into the folder ``staged``; from ``previous`` (the last build's folder) when
    only a few articles changed (``kg.incremental``: the same bytes, in time that follows the change)."""
    from . import incremental

    clock = time.perf_counter()

    def lap(name: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        report.stages[name] = now - clock
        report.peak_mb[name] = _peak_mb()
        clock = now

    plan = incremental.usable(previous, done, cache)
    if plan is not None:
        incremental.update(previous, staged, done, cache, report, plan, lang=lang, validate=validate, page=page,
                           lap=lap)
        report.incremental = True
    else:
        _write_full(staged, done, cache, report, lang=lang, validate=validate, page=page, lap=lap)
    for path in staged.rglob("*"):
        os.chmod(path, 0o755 if path.is_dir() else 0o644)


def _write_full(staged: Path, done: list[Planned], cache: ResultCache, report: BuildReport, *,
                lang: str, validate: bool, page: bool, lap) -> None:
    from .checks import APART_ABOVE, anchor_problems, check_store, check_store_apart, literal_rules
    from .incremental import STATE, TABLE, Merge, UnionWriter, save_state

    rules = literal_rules()
    state = staged / STATE
    state.mkdir()
    spool_dir = staged / "spool"
    spool_dir.mkdir()
    spool = export.SortedSpool(spool_dir, SPOOL_LINES)
    anchors: dict[str, list] = {}
    merge = Merge(state / TABLE)            # on disk: the merge holds a bounded number of entities at a time
    articles = []
    with open(staged / "graph.nq", "wb") as nq:
        for planned, result in _read_back(done, cache):
            lines = article_lines(cache, planned.key, result)
            block = "".join(export.nquad_lines(planned.iri, lines)).encode("utf-8")
            articles.append((planned.iri, planned.key, nq.tell(), len(block)))
            nq.write(block)
            spool.add(lines)
            found = anchor_problems(result)
            if found:
                anchors[planned.iri] = found
            merge.add(result)
        gaz = merge.reference_lines()       # the gazetteer places and concepts used: bounded by the gazetteer
        nq.write("".join(export.nquad_lines(str(iris.GAZETTEER_GRAPH), gaz)).encode("utf-8"))
        spool.add(gaz)
        literal = [v for line in gaz for v in rules.check(line)]
        with open(state / "gazetteer.nt", "w", encoding="utf-8", newline="\n") as fh:
            fh.writelines(line + "\n" for line in gaz)
        del gaz
        (spool_dir / "resources").mkdir()
        res_spool = export.SortedSpool(spool_dir / "resources", SPOOL_LINES // 2)     # the resource graph sorted on disk
        for lines in merge.all_resource_lines():
            res_spool.add(lines)
        merge.close()
        del merge
        graph = str(iris.RESOURCE_GRAPH)
        with open(state / "resources.nt", "w", encoding="utf-8", newline="\n") as res_file:
            for batch in export.batched(res_spool, 20_000):
                nq.write("".join(export.nquad_lines(graph, batch)).encode("utf-8"))
                res_file.writelines(line + "\n" for line in batch)
                spool.add(batch)
                literal += [v for line in batch for v in rules.check(line)]
        del res_spool
    lap("merge + graph.nq")
    _trim()                                 # the merge's freed memory back before the union's sort and graph.ttl
    writer = UnionWriter(state / "union.nt", staged / "graph.ttl")
    writer.write(spool)
    writer.close(state / "union.idx")
    report.triples = writer.count
    del spool, writer
    shutil.rmtree(spool_dir)
    _trim()
    lap("graph.ttl")
    report.classes = _store(staged)
    lap("store")
    store_violations = []
    if validate:
        if report.triples > APART_ABOVE:    # RocksDB's caches in a process of their own (checks.check_store_apart)
            store_violations, report.child_peak_mb["checks"] = check_store_apart(staged / "store", staged)
        else:
            store_violations = check_store(staged / "store", workdir=staged)     # opened afresh per target
        report.violations = sorted(set(v for vs in anchors.values() for v in vs) | set(literal) |
                                   set(store_violations))
        report.validated = True
        lap("checks")
    save_state(staged, articles=articles, store_violations=store_violations, anchors=anchors, validated=validate,
               classes=report.classes, triples=report.triples)
    if page:
        _page(staged, lang)
        lap("page")
    export.write_atomic(staged / "manifest.json", _manifest(report, done))


def _read_back(done: list[Planned], cache: ResultCache) -> Iterator[tuple[Planned, ArticleResult]]:
    for p in done:
        yield p, cache.get(p.key)


@lru_cache(maxsize=1)
def writer_version() -> str:
    """What an article's statements depend on besides its result: the extractor version and every module of
    kg/ itself (graph, iris, export, vocab, ...). Editing any of them makes every cached graph stale."""
    import hashlib

    from . import paths

    digest = hashlib.blake2b(extractor_version().encode(), digest_size=16)
    for path in sorted(paths.PACKAGE.glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def article_lines(cache: ResultCache | None, key: str, result: ArticleResult) -> list[str]:
    """An article's graph as sorted, distinct N-Triples statements. Its graph depends on the article alone and
    never changes once written, so it is kept next to the result (``<key>.nt``, headed by the writer version)
    and a rebuild reads it back instead of making it again: an incremental build then spends on an unchanged
    article only the reading of its result and of its statements."""
    from .graph import article_triples

    head = f"# hckg article graph {writer_version()}\n"
    path = cache.path(key).with_suffix(".nt") if cache is not None else None
    if path is not None:
        try:
            with open(path, encoding="utf-8", newline="\n") as fh:
                if fh.readline() == head:
                    body = fh.read()
                    return body[:-1].split("\n") if body else []
        except FileNotFoundError:
            pass
    lines = sorted({export.nt_triple(*t) for t in article_triples(result)})
    if path is not None:
        export.write_atomic(path, head + "".join(line + "\n" for line in lines))
    return lines


def _store(staged: Path) -> Counter:
    """The Oxigraph store a build leaves behind: graph.nq's named graphs, and their union (a set, as in
    graph.ttl) as the default graph, so `kg query OUT` / `kg serve OUT` open it at once. Loaded in chunks:
    Oxigraph's bulk loader holds a whole batch in memory, so a chunk bounds the memory whatever the size.
    Returns the count of its resources by class, made on the loaded store before it is closed: what the
    loading and the count left in memory then goes back to the system before the checks, which open the
    store afresh (``checks.check_store`` on its folder). RocksDB's threads allocate through one malloc arena
    (``_one_arena``), so that their freed memory can go back too."""
    import pyoxigraph as ox

    _one_arena()
    store = ox.Store(str(staged / "store"))
    for name, fmt in (("graph.nq", ox.RdfFormat.N_QUADS), ("state/union.nt", ox.RdfFormat.N_TRIPLES)):
        for chunk in _chunks(staged / name):
            store.bulk_load(chunk, format=fmt)
    store.flush()
    classes = _classes(store)
    del store
    _trim()         # the bulk loader's buffers and the store's caches go back to the system
    return classes


def _chunks(path: Path, lines: int = STORE_CHUNK) -> Iterator[bytes]:
    with open(path, "rb") as fh:
        while True:
            chunk = b"".join(line for _, line in zip(range(lines), fh))
            if not chunk:
                return
            yield chunk


def _classes(store) -> Counter:
    ns = str(HC._NS)
    rows = store.query("SELECT ?c (COUNT(?s) AS ?n) WHERE { ?s a ?c } GROUP BY ?c")
    return Counter({row["c"].value[len(ns):]: int(row["n"].value) for row in rows
                    if row["c"].value.startswith(ns)})


def _page(staged: Path, lang: str) -> None:
    """The page from the merged graph's sorted N-Triples, read in passes (``kg.viz.stream``): its memory is
    bounded by the page's node cap, not by the corpus."""
    from .viz.page import write_union_page

    write_union_page(staged / "state" / "union.nt", staged / "graph.html", lang=lang)


def _manifest(report: BuildReport, done: list[Planned]) -> str:
    import json

    return json.dumps({"articles": len(done), "triples": report.triples,
                       "extractor": extractor_version(),
                       "violations": len(report.violations) if report.validated else None,
                       "files": ["graph.ttl", "graph.nq", "graph.html", "store"]}, indent=1) + "\n"


def _trim() -> None:
    """Give the memory freed by the merge back to the system before the store and the checks (the C
    allocator keeps freed blocks otherwise, and the assembly's peak then stacks the store's memory on them)."""
    import ctypes

    try:
        ctypes.CDLL(None).malloc_trim(0)
    except (OSError, AttributeError):        # not glibc
        pass


ARENAS = 1                      # malloc arenas for the threads of the assembly (RocksDB's background threads)


def _one_arena() -> None:
    """glibc gives each thread that allocates its own malloc arena (up to 8 per core), and memory freed in
    one is handed back only where a whole page is free: RocksDB's flush and compaction threads then leave
    tens of MB behind after the store is closed (4,000 articles: 18 MB after the load; one arena: 7 MB).
    With ``ARENAS`` the threads share the main arena, which ``malloc_trim`` empties. Called before the
    first store is opened in this process: threads that have an arena keep it."""
    import ctypes

    try:
        ctypes.CDLL(None).mallopt(-8, ARENAS)          # M_ARENA_MAX
    except (OSError, AttributeError):        # not glibc
        pass


def _peak_mb() -> int:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024


def stderr_progress(message: str) -> None:
    print(f"[kg] {message}", file=sys.stderr, flush=True)
