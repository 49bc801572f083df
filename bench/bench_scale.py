"""Scale benchmark (not a test): generated corpora (bench/textgen.py), every figure a ratio to an anchor
measured in the same run.

    .venv/bin/python bench/bench_scale.py nlp --articles 40            # kg vs natasha's models alone, CPU s
    .venv/bin/python bench/bench_scale.py build --articles 100         # 1 vs 2 workers, +1% incremental
    .venv/bin/python bench/bench_scale.py incremental --articles 1000  # +1% into the same folder vs fresh
    .venv/bin/python bench/bench_scale.py dask --articles 20           # Dask (scheduler + 2 workers) vs local
    .venv/bin/python bench/bench_scale.py assemble --sizes 1000 4000 16000   # merge, files, store, checks:
                                                # results of --seed-articles real articles replicated with
                                                # fresh entity keys, peak memory per size (a fresh process each)
    .venv/bin/python bench/bench_scale.py page --size 4000             # the page: whole union as text vs in passes
    .venv/bin/python bench/bench_scale.py writers --size 4000          # our Turtle / N-Quads vs pyoxigraph
    .venv/bin/python bench/bench_scale.py checks --size 4000           # shape checks: one query per check over
                                                # the whole store vs focus nodes in batches (CPU s, peak memory)

CPU seconds are this process's and its children's (``resource.getrusage``); on a machine shared with other
jobs wall-clock figures say little, CPU figures and same-run ratios more. Results: bench/out/bench_scale.json.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from textgen import write_corpus  # noqa: E402

OUT = ROOT / "bench" / "out"


def cpu() -> float:
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def articles(folder: Path):
    from kg.sources import read_articles

    return [a for a in read_articles([folder]) if not isinstance(a, Exception)]


def bench_nlp(n: int) -> dict:
    """kg's per-article stage vs natasha's segmenter + morphology + NER on the same texts, one process."""
    from natasha import Doc, NewsEmbedding, NewsMorphTagger, NewsNERTagger, Segmenter

    from kg.run import process

    with tempfile.TemporaryDirectory() as tmp:
        write_corpus(Path(tmp), n + 1, seed=11)
        arts = articles(Path(tmp))
    seg, emb = Segmenter(), NewsEmbedding()
    morph, ner = NewsMorphTagger(emb), NewsNERTagger(emb)

    def natasha(text):
        doc = Doc(text)
        doc.segment(seg)
        doc.tag_morph(morph)
        doc.tag_ner(ner)

    natasha(arts[0].text)
    rows = {}
    started = time.process_time()                      # as natasha runs out of the box: OpenBLAS's threads
    for a in arts[1:]:
        natasha(a.masked_text())
    rows["natasha, default BLAS threads"] = round(time.process_time() - started, 2)
    process(arts[0])                                   # models loaded outside the timing; one BLAS thread
    rows["natasha, one BLAS thread, before kg"] = None
    del rows["natasha, one BLAS thread, before kg"]
    for name, fn in (("natasha", lambda a: natasha(a.masked_text())), ("kg", process),
                     ("natasha again", lambda a: natasha(a.masked_text()))):
        started = time.process_time()
        for a in arts[1:]:
            fn(a)
        rows[name] = round(time.process_time() - started, 2)
    anchor = (rows["natasha"] + rows["natasha again"]) / 2
    return {"articles": n, "chars": sum(len(a.text) for a in arts[1:]), "cpu_seconds": rows,
            "kg_over_natasha_cpu": round(rows["kg"] / anchor, 2),
            "kg_throughput_vs_natasha": round(anchor / rows["kg"], 2),
            "kg_over_natasha_default_threads_cpu": round(rows["kg"] / rows["natasha, default BLAS threads"], 2),
            "note": "kg and the 'natasha' anchors run with one OpenBLAS thread (kg.run sets it); natasha out of "
                    "the box spins OpenBLAS threads that add CPU but no speed on these small matrices"}


def run_build(src: Path, out: Path, *extra: str) -> dict:
    before, started = cpu(), time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "kg.cli", "build", str(src), "--out", str(out), "--quiet",
                           "--no-page", *extra], cwd=ROOT, capture_output=True, text=True)
    wall = time.perf_counter() - started
    used = cpu() - before
    if done.returncode != 0:
        raise SystemExit(f"build failed ({done.returncode}): {done.stderr[-1500:]}")
    stages = next((l for l in done.stdout.splitlines() if l.startswith("seconds:")), "")
    return {"wall_seconds": round(wall, 1), "cpu_seconds": round(used, 1), "cores_busy": round(used / wall, 2),
            "stages": stages}


def bench_build(n: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        write_corpus(tmp / "src", n, seed=12)
        one = run_build(tmp / "src", tmp / "one", "--workers", "1")
        two = run_build(tmp / "src", tmp / "two", "--workers", "2")
        same = all((tmp / "one" / f).read_bytes() == (tmp / "two" / f).read_bytes() for f in ("graph.ttl", "graph.nq"))
        added = max(1, n // 100)
        write_corpus(tmp / "src", added, seed=12, start=n)
        inc = run_build(tmp / "src", tmp / "one", "--workers", "1")
        fresh = run_build(tmp / "src", tmp / "fresh", "--workers", "1")
        inc_same = all((tmp / "one" / f).read_bytes() == (tmp / "fresh" / f).read_bytes()
                       for f in ("graph.ttl", "graph.nq"))
    return {"articles": n, "workers_1": one, "workers_2": two, "same_bytes_1_vs_2": same,
            "added": added, "incremental": inc, "fresh_after_add": fresh, "incremental_equals_fresh": inc_same,
            "incremental_share_cpu": round(inc["cpu_seconds"] / fresh["cpu_seconds"], 3),
            "incremental_share_wall": round(inc["wall_seconds"] / fresh["wall_seconds"], 3),
            "speedup_2_workers_wall": round(one["wall_seconds"] / two["wall_seconds"], 2)}


def run_build_page(src: Path, out: Path, *extra: str) -> dict:
    """A build as a user runs it (page included), its stage seconds parsed."""
    before, started = cpu(), time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "kg.cli", "build", str(src), "--out", str(out), "--quiet", *extra],
                          cwd=ROOT, capture_output=True, text=True)
    wall = time.perf_counter() - started
    used = cpu() - before
    if done.returncode != 0:
        raise SystemExit(f"build failed ({done.returncode}): {done.stderr[-1500:]}")
    line = next((l for l in done.stdout.splitlines() if l.startswith("seconds:")), "")
    stages = {}
    if "(" in line:
        for part in line[line.index("(") + 1:line.rindex(")")].split(", "):
            name, _, secs = part.rpartition(" ")
            stages[name] = float(secs)
    return {"wall_seconds": round(wall, 1), "cpu_seconds": round(used, 1), "stages": stages}


def bench_incremental(n: int, workers: str) -> dict:
    """A full build of n articles; 1% more articles added and built into the same folder; a fresh full build
    of the same n + 1% (the anchor, measured right after). The incremental build must equal the fresh one."""
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        write_corpus(tmp / "src", n, seed=12)
        extra = () if workers == "default" else ("--workers", workers)
        first = run_build_page(tmp / "src", tmp / "inc", *extra)
        added = max(1, n // 100)
        write_corpus(tmp / "src", added, seed=12, start=n)
        inc = run_build_page(tmp / "src", tmp / "inc", *extra)
        fresh = run_build_page(tmp / "src", tmp / "fresh", *extra)
        same = {f: (tmp / "inc" / f).read_bytes() == (tmp / "fresh" / f).read_bytes()
                for f in ("graph.ttl", "graph.nq", "graph.html")}
        triples = json.loads((tmp / "fresh" / "manifest.json").read_text())["triples"]
    return {"articles": n, "added": added, "workers": workers, "triples": triples, "first_full": first,
            "incremental": inc, "fresh_full": fresh, "identical": same,
            "incremental_share_cpu": round(inc["cpu_seconds"] / fresh["cpu_seconds"], 3),
            "incremental_share_wall": round(inc["wall_seconds"] / fresh["wall_seconds"], 3),
            "incremental_share_cpu_vs_first": round(inc["cpu_seconds"] / first["cpu_seconds"], 3)}


def bench_dask(n: int) -> dict:
    sys.path.insert(0, str(ROOT / "tests"))
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    dask = shutil.which("dask", path=str(Path(sys.executable).parent))
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    address = f"tcp://127.0.0.1:{port}"
    procs = [subprocess.Popen([dask, "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"],
                              env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)]
    try:
        for i in range(2):
            procs.append(subprocess.Popen([dask, "worker", address, "--host", "127.0.0.1", "--nthreads", "1",
                                           "--no-nanny", "--no-dashboard"], env=env, cwd=ROOT,
                                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        from distributed import Client

        with Client(address, timeout=60) as client:
            client.wait_for_workers(2, timeout=180)
            client.run(lambda: __import__("kg.nlp", fromlist=["pipeline"]).pipeline("ru"))  # warm the models
        with tempfile.TemporaryDirectory() as tmp:
            tmp = Path(tmp)
            write_corpus(tmp / "src", n, seed=13)
            local = run_build(tmp / "src", tmp / "local", "--workers", "2")
            cluster = run_build(tmp / "src", tmp / "dask", "--dask", address)
            same = all((tmp / "local" / f).read_bytes() == (tmp / "dask" / f).read_bytes()
                       for f in ("graph.ttl", "graph.nq"))
    finally:
        for p in procs[::-1]:
            p.terminate()
        for p in procs:
            p.wait(timeout=30)
    return {"articles": n, "local_2_workers": local, "dask_2_workers": cluster, "same_bytes": same,
            "note": "dask workers had their models loaded before timing; the local pool loads them inside"}


def synthetic(results, n: int):
    """``n`` results: the real ones repeated, sources renamed and non-gazetteer keys made new per round, so
    entities grow with the corpus as they do in news."""
    from kg.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    k = len(results)
    for i in range(n):
        base, rnd = results[i % k], i // k
        own = {e.key for e in base.entities if gaz.get(e.key) is None}
        fix = (lambda key: f"{key} {rnd}" if key in own else key) if rnd else (lambda key: key)
        art = replace(base.article, source=f"g{i:06d}.txt", id=f"g{i:06d}")
        yield replace(base, article=art,
                      entities=tuple(replace(e, key=fix(e.key)) for e in base.entities),
                      facts=tuple(replace(f, subject=fix(f.subject), value=fix(f.value) if f.kind == "ref" else f.value)
                                  for f in base.facts),
                      mentions=tuple(replace(m, key=fix(m.key)) for m in base.mentions),
                      publisher=fix(base.publisher) if base.publisher else None)


def bench_assemble_one(seed_dir: Path, n: int, keep: Path | None = None) -> dict:
    """In this (fresh) process: cache n synthetic results, then write every output as the build does."""
    from kg import iris
    from kg.build import BuildReport, Planned, write_outputs
    from kg.cache import ResultCache

    seeds = [json.loads(l) for l in (seed_dir / "results.jsonl").read_text(encoding="utf-8").splitlines()]
    from kg.records import ArticleResult

    results = [ArticleResult.from_json(d) for d in seeds]
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        cache = ResultCache(tmp / "cache")
        planned = []
        for i, r in enumerate(synthetic(results, n)):
            key = f"{i:032x}"
            cache.put(key, r)
            planned.append(Planned(str(iris.article_iri(r.article.source)), r.article.source, key))
        del results, seeds
        staged = tmp / "build"
        staged.mkdir()
        report = BuildReport()
        before_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
        entering = _stage_memory(report)
        kids = resource.getrusage(resource.RUSAGE_CHILDREN)
        before, started = time.process_time(), time.perf_counter()
        write_outputs(staged, sorted(planned), cache, report, lang="ru", validate=True, page=False)
        used, wall = time.process_time() - before, time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        kids_used = (after.ru_utime + after.ru_stime) - (kids.ru_utime + kids.ru_stime)   # the checks' child
        sizes = {f: (staged / f).stat().st_size for f in ("graph.ttl", "graph.nq")}
        if keep is not None:
            shutil.copytree(staged, keep)
    if entering is None:                  # no per-stage peaks here: the process's peak after each stage
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        stage_peaks = {}
    else:
        stage_peaks = {k: v for k, v in report.peak_mb.items()}
        peak = max(v["peak"] for v in stage_peaks.values())
    # a stage run in a child process (the checks, above checks.APART_ABOVE): the child's own peak, and the
    # stage's peak for the build as a whole: this process's peak in it plus the child's
    together = {k: (stage_peaks[k]["peak"] if entering is not None else 0) + v
                for k, v in report.child_peak_mb.items() if v is not None}
    return {"articles": n, "triples": report.triples, "cpu_seconds": round(used, 1),
            "children_cpu_seconds": round(kids_used, 1), "wall_seconds": round(wall, 1),
            "stages": {k: round(v, 2) for k, v in report.stages.items()}, "peak_rss_mb": round(peak),
            "child_peak_mb": report.child_peak_mb, "stage_with_child_mb": together,
            "peak_with_children_mb": max([round(peak), *together.values()]),
            "peak_mb_after": report.peak_mb if entering is None else {k: v["peak"] for k, v in stage_peaks.items()},
            "stage_memory_mb": stage_peaks, "peak_mb_before_assembly": before_mb,
            "violations": len(report.violations), "bytes": sizes}


def _stage_memory(report) -> int | None:
    """Per stage of the assembly, the memory entering it and its own peak: the process's peak (VmHWM) is
    reset as each stage starts (Linux /proc/self/clear_refs), so a stage is not charged with an earlier
    stage's peak. ``report.peak_mb[stage]`` becomes {"in", "peak", "out"} (MB); None where Linux does not
    allow it (then ``peak_mb`` stays the process's peak after each stage)."""
    import kg.build

    def status() -> dict[str, int]:
        with open("/proc/self/status", encoding="ascii") as fh:
            return {k: int(v.split()[0]) // 1024 for k, v in (l.split(":", 1) for l in fh)
                    if k in ("VmHWM", "VmRSS")}

    def reset() -> None:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as fh:
            fh.write("5")

    try:
        reset()
        state = {"in": status()["VmRSS"]}
    except OSError:
        return None

    def stage_peak() -> dict:
        now = status()
        row = {"in": state["in"], "peak": now["VmHWM"], "out": now["VmRSS"]}
        print(f"stage done: {row}", file=sys.stderr, flush=True)      # long runs: seen as they go
        state["in"] = now["VmRSS"]
        reset()
        return row

    kg.build._peak_mb = stage_peak
    return state["in"]


def seed_results(k: int) -> Path:
    """k real results (generated texts through the whole NLP stage), made once, in a child process: Linux keeps
    a process's peak memory across exec, so the assembly children of a parent that loaded the models would all
    report the models' peak."""
    folder = OUT / "scale-seed"
    path = folder / "results.jsonl"
    if path.exists() and len(path.read_text(encoding="utf-8").splitlines()) >= k:
        return folder
    done = subprocess.run([sys.executable, __file__, "make-seed", str(k)], cwd=ROOT, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(done.stderr[-2000:])
    return folder


def make_seed(k: int) -> None:
    from kg.run import process

    folder = OUT / "scale-seed"
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        write_corpus(Path(tmp), k, seed=14)
        lines = [process(a).dumps() for a in articles(Path(tmp))]
    (folder / "results.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


def bench_assemble(sizes: list[int], k: int) -> list[dict]:
    folder = seed_results(k)
    rows = []
    for n in sizes:
        done = subprocess.run([sys.executable, __file__, "assemble-one", str(folder), str(n)], cwd=ROOT,
                              capture_output=True, text=True)
        if done.returncode != 0:
            raise SystemExit(done.stderr[-2000:])
        rows.append(json.loads(done.stdout.strip().splitlines()[-1]))
        if len(rows) > 1:           # the memory trend: this size's peak over the previous size's
            rows[-1]["peak_over_previous_size"] = round(rows[-1]["peak_rss_mb"] / rows[-2]["peak_rss_mb"], 2)
            rows[-1]["stage_peak_over_previous_size"] = {
                k: round(v / rows[-2]["peak_mb_after"][k], 2) for k, v in rows[-1]["peak_mb_after"].items()
                if rows[-2]["peak_mb_after"].get(k)}
        print(json.dumps(rows[-1]), flush=True)
    return rows


def bench_writers(n: int, k: int, rounds: int = 2) -> dict:
    """Our Turtle and N-Quads writers vs pyoxigraph's serializer on the same statements, each writing a file.
    Ours start from sorted N-Triples text, as in the build (the sort itself is the spool's, not timed);
    pyoxigraph from its parsed terms. The setup's objects are frozen out of the garbage collector so neither
    side pays for them; the two alternate, ``rounds`` times, and the best of each is kept."""
    import gc

    import pyoxigraph as ox

    from kg import export, iris
    from kg.graph import article_triples
    from kg.records import ArticleResult
    from kg.vocab import PREFIXES

    folder = seed_results(k)
    results = [ArticleResult.loads(l) for l in (folder / "results.jsonl").read_text(encoding="utf-8").splitlines()]
    by_graph: dict[str, list[str]] = {}
    for r in synthetic(results, n):
        by_graph[str(iris.article_iri(r.article.source))] = sorted({export.nt_triple(*t) for t in article_triples(r)})
    lines = sorted({t for ts in by_graph.values() for t in ts})
    text = "".join(l + " .\n" for l in lines).encode("utf-8")
    triples = list(ox.parse(text, format=ox.RdfFormat.N_TRIPLES))
    oxq = [ox.Quad(t.subject, t.predicate, t.object, ox.NamedNode(g)) for g in sorted(by_graph)
           for t in ox.parse("".join(l + " .\n" for l in by_graph[g]).encode(), format=ox.RdfFormat.N_TRIPLES)]
    del text, results
    gc.collect()
    gc.freeze()
    times: dict[str, list[float]] = {"turtle_ours": [], "turtle_pyoxigraph": [], "nquads_ours": [],
                                     "nquads_pyoxigraph": []}

    def timed(name, fn):
        started = time.process_time()
        fn()
        times[name].append(time.process_time() - started)

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for _ in range(rounds):
            timed("turtle_ours", lambda: export.write_lines(tmp / "ours.ttl", export.turtle_lines(lines)))
            timed("turtle_pyoxigraph", lambda: ox.serialize(triples, output=str(tmp / "ox.ttl"),
                                                            format=ox.RdfFormat.TURTLE, prefixes=PREFIXES))
            timed("nquads_ours", lambda: export.write_lines(
                tmp / "ours.nq", (l for g in sorted(by_graph) for l in export.nquad_lines(g, by_graph[g]))))
            timed("nquads_pyoxigraph", lambda: ox.serialize(oxq, output=str(tmp / "ox.nq"),
                                                            format=ox.RdfFormat.N_QUADS))
        sizes = {f: (tmp / f).stat().st_size for f in ("ours.ttl", "ox.ttl", "ours.nq", "ox.nq")}
    gc.unfreeze()
    best = {k: round(min(v), 2) for k, v in times.items()}
    return {"articles": n, "triples": len(lines), "quads": len(oxq), "cpu_seconds_best": best,
            "cpu_seconds_all": {k: [round(x, 2) for x in v] for k, v in times.items()},
            "turtle_ratio": round(best["turtle_ours"] / best["turtle_pyoxigraph"], 2),
            "nquads_ratio": round(best["nquads_ours"] / best["nquads_pyoxigraph"], 2), "bytes": sizes}


PAGE_CHILD = """
import hashlib, resource, sys, time
sys.path.insert(0, sys.argv[3])
from kg.viz import render_page
how, path = sys.argv[1], sys.argv[2]
start = time.process_time()
if how == "rdflib":                                   # three rounds ago: the union into rdflib
    from rdflib import Graph
    from kg.graph import bind_prefixes
    graph = bind_prefixes(Graph())
    graph.parse(path, format="nt")
    page = render_page(graph, lang="ru").encode()
elif how == "pyoxigraph":                             # two rounds ago: the N-Triples file read by pyoxigraph
    page = render_page(path, lang="ru").encode()
elif how == "text":                                   # the last round: the sorted union.nt read whole as text
    from kg.viz.triples import rows_from_sorted_nt
    page = render_page(rows_from_sorted_nt(path), lang="ru").encode()
else:                                                 # now: union.nt read in passes (kg.viz.stream)
    import tempfile
    from pathlib import Path
    from kg.viz.page import write_union_page
    tmp = tempfile.mkdtemp()
    write_union_page(Path(path), Path(tmp) / "graph.html", lang="ru")
    page = Path(tmp) / "graph.html"
used = time.process_time() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
digest = hashlib.sha256()
if isinstance(page, bytes):
    digest.update(page)
else:
    with open(page, "rb") as fh:
        while chunk := fh.read(1 << 20):
            digest.update(chunk)
    page.unlink()
print(used, peak, digest.hexdigest())
"""


CHECKS_CHILD = """
import hashlib, resource, sys, time
sys.path.insert(0, sys.argv[3])
import pyoxigraph as ox
from kg import checks
how = sys.argv[1]
store = ox.Store(sys.argv[2]) if how != "folder" else None
checks.compiled()
opened = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
start = time.process_time()
if how == "whole":                                    # before: each check one query over every focus node
    found = set()
    for check in checks.compiled():
        checks._collect(store, check, store.query(check.query), found)
    found = sorted(found)
elif how == "batches":                                # focus nodes streamed, checked in batches
    found = checks.check_store(store)
else:                                                 # now (the build): the same, the folder opened per target
    found = checks.check_store(sys.argv[2])
used = time.process_time() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
print(used, opened, peak, len(found), hashlib.sha256(repr(found).encode()).hexdigest())
"""


def bench_checks(n: int, k: int, rounds: int = 2) -> dict:
    """The shape checks over the store of an n-article assembly, each way in a fresh process, alternating (one
    query per check; batches over the open store; batches over the folder, opened afresh per target):
    CPU s, peak memory (and the process's peak once the store is open and the shapes compiled); the same
    violations asserted."""
    folder = seed_results(k)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        made = subprocess.run([sys.executable, __file__, "assemble-one", str(folder), str(n), str(tmp / "keep")],
                              cwd=ROOT, capture_output=True, text=True)
        if made.returncode != 0:
            raise SystemExit(made.stderr[-2000:])
        rows: dict[str, list] = {"whole": [], "batches": [], "folder": []}
        for _ in range(rounds):
            for how in rows:
                done = subprocess.run([sys.executable, "-c", CHECKS_CHILD, how, str(tmp / "keep" / "store"),
                                       str(ROOT)], cwd=ROOT, capture_output=True, text=True)
                if done.returncode != 0:
                    raise SystemExit(done.stderr[-2000:])
                used, opened, peak, count, digest = done.stdout.split()
                rows[how].append((float(used), int(opened), int(peak), int(count), digest))
    same = len({r[4] for v in rows.values() for r in v}) == 1
    best = {how: {"cpu_s": round(min(r[0] for r in v), 1), "peak_mb": min(r[2] for r in v),
                  "peak_mb_store_open": min(r[1] for r in v)} for how, v in rows.items()}
    return {"articles": n, "same_violations": same, "violations": rows["whole"][0][3], **best,
            "cpu_ratio_batches_to_whole": round(best["batches"]["cpu_s"] / best["whole"]["cpu_s"], 2),
            "cpu_ratio_folder_to_batches": round(best["folder"]["cpu_s"] / best["batches"]["cpu_s"], 2),
            "all": {how: [r[:4] for r in v] for how, v in rows.items()}}


def bench_page(n: int, k: int, rounds: int = 2, ways: tuple[str, ...] = ("text", "stream"),
               kept: Path | None = None) -> dict:
    """The build's page stage on the merged graph of n synthetic articles, each way in a fresh process (CPU s,
    peak memory), alternating; the same page bytes asserted. Ways: rdflib (three rounds ago), pyoxigraph
    parsing the union's N-Triples (two rounds ago), the build's sorted union.nt read whole as text (the last
    round), union.nt read in passes with bounded memory (``kg.viz.stream``, now)."""
    folder = seed_results(k)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        made = None
        if kept is not None and (kept / "state" / "union.nt").is_file():     # an assembly kept before
            union = kept / "state" / "union.nt"
        else:
            made = subprocess.run([sys.executable, __file__, "assemble-one", str(folder), str(n),
                                   str(kept or tmp / "keep")], cwd=ROOT, capture_output=True, text=True)
            if made.returncode != 0:
                raise SystemExit(made.stderr[-2000:])
            union = (kept or tmp / "keep") / "state" / "union.nt"
        rows: dict[str, list] = {how: [] for how in ways}
        for _ in range(rounds):
            for how in rows:
                done = subprocess.run([sys.executable, "-c", PAGE_CHILD, how, str(union), str(ROOT)], cwd=ROOT,
                                      capture_output=True, text=True)
                if done.returncode != 0:
                    raise SystemExit(done.stderr[-2000:])
                used, peak, digest = done.stdout.split()
                rows[how].append((float(used), int(peak), digest))
    same = len({r[2] for v in rows.values() for r in v}) == 1
    best = {how: (min(r[0] for r in v), min(r[1] for r in v)) for how, v in rows.items()}
    assembly = json.loads(made.stdout.strip().splitlines()[-1]) if made is not None else {}
    return {"articles": n, "triples": assembly.get("triples"), "same_page_bytes": same,
            "assembly_without_page_cpu_s": assembly.get("cpu_seconds"), "assembly_peak_mb": assembly.get("peak_rss_mb"),
            **{f"page_{how}": {"cpu_s": round(best[how][0], 1), "peak_mb": best[how][1]} for how in ways},
            "cpu_ratio_first_to_last": round(best[ways[0]][0] / best[ways[-1]][0], 2)}


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "make-seed":
        make_seed(int(sys.argv[2]))
        return
    if len(sys.argv) in (4, 5) and sys.argv[1] == "assemble-one":
        keep = Path(sys.argv[4]) if len(sys.argv) == 5 else None
        print(json.dumps(bench_assemble_one(Path(sys.argv[2]), int(sys.argv[3]), keep)))
        return
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("what", choices=("nlp", "build", "incremental", "dask", "assemble", "writers", "page", "checks"))
    ap.add_argument("--workers", default="default", help="incremental: a number, or default (kg build's own)")
    ap.add_argument("--articles", type=int, default=40)
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 4000])
    ap.add_argument("--size", type=int, default=4000)
    ap.add_argument("--keep", type=Path, help="page: the assembly's folder, made once and reused")
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--ways", nargs="+", default=["text", "stream"],
                    help="page: rdflib, pyoxigraph, text, stream (each in a fresh process)")
    ap.add_argument("--seed-articles", type=int, default=50)
    args = ap.parse_args()
    if args.what == "nlp":
        row = bench_nlp(args.articles)
    elif args.what == "build":
        row = bench_build(args.articles)
    elif args.what == "incremental":
        row = bench_incremental(args.articles, args.workers)
    elif args.what == "dask":
        row = bench_dask(args.articles)
    elif args.what == "assemble":
        row = bench_assemble(args.sizes, args.seed_articles)
    elif args.what == "page":
        row = bench_page(args.size, args.seed_articles, args.rounds, tuple(args.ways), args.keep)
    elif args.what == "checks":
        row = bench_checks(args.size, args.seed_articles)
    else:
        row = bench_writers(args.size, args.seed_articles)
    row = {"what": args.what, "load_average": os.getloadavg(), "result": row}
    print(json.dumps(row, ensure_ascii=False, indent=1))
    OUT.mkdir(parents=True, exist_ok=True)
    with open(OUT / "bench_scale.json", "a", encoding="utf-8") as fh:
        fh.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
