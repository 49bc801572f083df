"""Benchmark (not a test): the saved queries in rdflib vs pyoxigraph, on the seeds and on a synthetic graph
of 1M triples; and per-graph triple counts build vs Virtuoso vs Oxigraph on the seeds.

    python bench/bench_queries.py [--triples 1000000] [--seeds-out DIR] [--rdflib-timeout 300]

Writes bench/out/results.json and bench/out/results.md and prints the tables. Each (graph, engine) runs in
its own process, so an rdflib query that outlives --rdflib-timeout is stopped and reported as a timeout.
"""
from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.query import load_graph, run_sparql  # noqa: E402
from kg.savedqueries import saved_queries  # noqa: E402
from kg.stores import Virtuoso, file_counts, oxigraph_build_store, oxigraph_counts  # noqa: E402

OUT = ROOT / "bench" / "out"
PARAMS = {
    "seeds": {"officials-by-region": {"region": "RU-LIP"}, "facilities-by-region": {"region": "RU-LIP"},
              "events-in-range": {"from": "2021", "to": "2026"},
              "article-statements": {"source": "000_4541c3325c4998f0.txt"}},
    "synthetic": {"officials-by-region": {"region": "RU-LIP"}, "facilities-by-region": {"region": "RU-LIP"},
                  "events-in-range": {"from": "2020-01-01", "to": "2020-03-31"},
                  "article-statements": {"source": "synthetic/0000001.txt"}},
}


def time_queries(graph_file: str, engine: str, params: dict, names: list[str], repeat: int, queue) -> None:
    """Child process: load once, then time each query in ``names`` (median of ``repeat`` runs)."""
    start = time.perf_counter()
    graph = load_graph(Path(graph_file), engine=engine)
    queue.put(("load", time.perf_counter() - start, None))
    saved = saved_queries()
    for name in names:
        queue.put(("start", 0, name))
        text = saved[name].bind(params.get(name, {}))
        times, rows = [], 0
        for _ in range(repeat):
            start = time.perf_counter()
            rows = len(run_sparql(graph, text).rows)
            times.append(time.perf_counter() - start)
        queue.put((name, statistics.median(times), rows))


def run_engine(graph_file: Path, engine: str, params: dict, repeat: int, budget: float) -> dict:
    """Time every saved query; a query that outlives ``budget`` is a timeout and the rest resume in a
    fresh process (the graph is loaded again)."""
    out: dict = {}
    todo = sorted(saved_queries())
    while todo:
        current = _run_child(graph_file, engine, params, todo, repeat, budget, out)
        todo = todo[todo.index(current) + 1:] if current else []
    return out


def _run_child(graph_file, engine, params, names, repeat, budget, out) -> str | None:
    """Run one child; returns the name of the query that timed out, or None when all finished."""
    ctx = mp.get_context("fork")
    queue = ctx.Queue()
    proc = ctx.Process(target=time_queries, args=(str(graph_file), engine, params, names, repeat, queue))
    proc.start()
    current, left = None, len(names)
    try:
        while left:
            name, seconds, rows = queue.get(timeout=budget)
            if name == "start":
                current = rows
            else:
                out.setdefault(name, {"seconds": round(seconds, 4), "rows": rows})
                left -= name != "load"
        return None
    except Exception:  # queue.Empty: the current step outlived the budget
        out[current or "load"] = {"seconds": None, "rows": None, "timeout": budget}
        return current or names[-1]
    finally:
        proc.kill()
        proc.join()


def store_counts(seeds_out: Path) -> dict:
    """Triples per named graph: what the build wrote, what Virtuoso and Oxigraph loaded."""
    built = file_counts(seeds_out)
    oxi = oxigraph_counts(oxigraph_build_store(seeds_out))
    with tempfile.TemporaryDirectory(prefix="bench-virtuoso-") as tmp, Virtuoso(Path(tmp)) as virtuoso:
        start = time.perf_counter()
        virtuoso.load_build(seeds_out)
        load_seconds = time.perf_counter() - start
        virt = virtuoso.graph_counts(sorted(g for g in built if g))
    rows = {g: {"build": n, "virtuoso": virt.get(g, 0), "oxigraph": oxi.get(g, 0)} for g, n in built.items() if g}
    return {"graphs": rows, "virtuoso_load_seconds": round(load_seconds, 2)}


def ensure_inputs(args) -> dict[str, Path]:
    seeds = args.seeds_out or OUT / "seeds"
    if args.seeds_out is None:                    # always today's build, never a stale one from an earlier run
        subprocess.run([sys.executable, "-m", "kg.cli", "build", str(ROOT / "seeds"), "--out", str(seeds)],
                       cwd=ROOT, check=True)
    synthetic = OUT / "synthetic"
    if not (synthetic / "graph.nt").exists() or args.regenerate:
        subprocess.run([sys.executable, str(ROOT / "bench" / "gen_graph.py"), "--triples", str(args.triples),
                        "--out", str(synthetic)], check=True)
    return {"seeds": seeds / "graph.ttl", "synthetic": synthetic / "graph.nt"}


def table(results: dict) -> str:
    lines = ["| graph | query | rdflib s | oxigraph s | rows (rdflib / oxigraph) |", "|---|---|---|---|---|"]
    for graph, engines in results["queries"].items():
        names = sorted(set(engines["rdflib"]) | set(engines["oxigraph"]))
        for name in ["load", *(n for n in names if n != "load")]:
            r, o = engines["rdflib"].get(name, {}), engines["oxigraph"].get(name, {})
            cell = lambda d: f"{d['seconds']:.4f}" if d.get("seconds") is not None else f"> {d.get('timeout')}"
            lines.append(f"| {graph} | {name} | {cell(r)} | {cell(o)} | {r.get('rows', '')} / {o.get('rows', '')} |")
    lines += ["", "| seeds graph | build | Virtuoso | Oxigraph |", "|---|---|---|---|"]
    for g, c in sorted(results["counts"]["graphs"].items()):
        lines.append(f"| {g} | {c['build']} | {c['virtuoso']} | {c['oxigraph']} |")
    lines.append(f"\nVirtuoso bulk load of the seeds (graph.nq + graph.ttl): {results['counts']['virtuoso_load_seconds']} s")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--triples", type=int, default=1_000_000)
    ap.add_argument("--seeds-out", type=Path, help="an existing `kg build seeds` output folder")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--rdflib-timeout", type=float, default=300, help="seconds per step before giving up")
    ap.add_argument("--regenerate", action="store_true")
    args = ap.parse_args()
    files = ensure_inputs(args)
    results = {"queries": {}, "counts": store_counts(files["seeds"].parent)}
    for graph, path in files.items():
        repeat = args.repeat if graph == "seeds" else 1
        results["queries"][graph] = {e: run_engine(path, e, PARAMS[graph], repeat, args.rdflib_timeout)
                                     for e in ("rdflib", "oxigraph")}
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "results.json").write_text(json.dumps(results, indent=1, ensure_ascii=False), encoding="utf-8")
    (OUT / "results.md").write_text(table(results) + "\n", encoding="utf-8")
    print(table(results))


if __name__ == "__main__":
    main()
