"""Benchmark (not a test): the saved queries on a build's Oxigraph store, ``kg query``'s path vs bare
pyoxigraph, opening the store included.

    .venv/bin/python bench/bench_store_queries.py [--triples 1000000] [--repeat 5] [--folder /tmp/bench-store]

The build folder is made once (results of real generated articles replicated with fresh entity keys, as in
``bench_scale.py assemble``, until the merged graph has ``--triples`` statements) and kept in ``--folder``.
Then, for each saved query, fresh processes alternate: kg (``open_build`` + ``run_sparql``, rows converted
to kg's Result) and bare pyoxigraph (``Store.read_only`` + ``store.query``, every cell's value read). Times
are from before opening the store to the last row (imports not counted: ``kg query``'s start-up is its own
target); the median of ``--repeat`` runs each. The whole command (``python -m kg query DIR NAME``) against a
bare ``python -c`` script is timed too, Python's start included for both.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

OUT = ROOT / "bench" / "out"
PER_ARTICLE = 376           # merged-graph statements per synthetic article (bench_scale assemble: 375,883 / 1,000)
PARAMS = {"officials-by-region": {"region": "RU-LIP"}, "facilities-by-region": {"region": "RU-LIP"},
          "events-in-range": {"from": "2024-01-01", "to": "2024-12-31"},
          "article-statements": {"source": "g000001.txt"}}

KG_CHILD = """
import sys, time, json
from kg.query import open_build, run_sparql
folder, text = sys.argv[1], sys.stdin.read()
t = time.perf_counter()
r = run_sparql(open_build(folder), text)
n = len(r.triples or ()) if r.form == "graph" else len(r.rows) if r.form == "select" else 1
print(json.dumps([time.perf_counter() - t, n]))
"""

BARE_CHILD = """
import sys, time, json
import pyoxigraph as ox
from kg.vocab import PREFIXES
store_dir, text = sys.argv[1], sys.stdin.read()
t = time.perf_counter()
store = ox.Store.read_only(store_dir)
answer = store.query(text, prefixes=PREFIXES)
if isinstance(answer, ox.QueryBoolean):
    n = 1
elif isinstance(answer, ox.QueryTriples):
    n = len({(x.subject.value, x.predicate.value, str(x.object)) for x in answer})
else:
    names = [v.value for v in answer.variables]
    n = len([tuple((s[v].value if s[v] is not None else None) for v in names) for s in answer])
print(json.dumps([time.perf_counter() - t, n]))
"""


def make_build(folder: Path, triples: int, k: int = 50) -> dict:
    """A build folder whose merged graph has about ``triples`` statements (store, graph.nq, graph.ttl)."""
    marker = folder / "bench.json"
    if marker.exists():
        return json.loads(marker.read_text())
    from bench_scale import seed_results, synthetic

    from kg import iris
    from kg.build import BuildReport, Planned, write_outputs
    from kg.cache import ResultCache
    from kg.records import ArticleResult

    seeds = seed_results(k)
    results = [ArticleResult.loads(l) for l in (seeds / "results.jsonl").read_text(encoding="utf-8").splitlines()]
    n = max(1, triples // PER_ARTICLE)
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        cache = ResultCache(Path(tmp) / "cache")
        planned = []
        for i, r in enumerate(synthetic(results, n)):
            key = f"{i:032x}"
            cache.put(key, r)
            planned.append(Planned(str(iris.article_iri(r.article.source)), r.article.source, key))
        report = BuildReport()
        write_outputs(folder, sorted(planned), cache, report, lang="ru", validate=False, page=False)
    info = {"articles": n, "triples": report.triples}
    marker.write_text(json.dumps(info))
    return info


def child(code: str, arg: str, text: str) -> tuple[float, int]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-c", code, arg], input=text, capture_output=True, text=True,
                          cwd=ROOT, env=env)
    if done.returncode != 0:
        raise SystemExit(done.stderr[-2000:])
    t, n = json.loads(done.stdout.strip().splitlines()[-1])
    return t, n


def command(args: list[str], stdin: str | None = None) -> float:
    started = time.perf_counter()
    done = subprocess.run(args, input=stdin, capture_output=True, text=True, cwd=ROOT,
                          env=dict(os.environ, PYTHONPATH=str(ROOT)))
    if done.returncode != 0:
        raise SystemExit(done.stderr[-2000:])
    return time.perf_counter() - started


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--triples", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--folder", type=Path, default=Path(tempfile.gettempdir()) / "bench-store")
    args = ap.parse_args()
    from kg.savedqueries import saved_queries

    info = make_build(args.folder, args.triples)
    store_dir = str(args.folder / "store")
    rows = {}
    for name, q in saved_queries().items():
        text = q.bind(PARAMS.get(name, {}))
        kg_t, bare_t, counts = [], [], set()
        for _ in range(args.repeat):
            t, n = child(KG_CHILD, str(args.folder), text)
            kg_t.append(t)
            counts.add(("kg", n))
            t, n = child(BARE_CHILD, store_dir, text)
            bare_t.append(t)
            counts.add(("bare", n))
        kg_m, bare_m = statistics.median(kg_t), statistics.median(bare_t)
        rows[name] = {"kg_s": round(kg_m, 4), "pyoxigraph_s": round(bare_m, 4), "ratio": round(kg_m / bare_m, 2),
                      "rows": sorted(counts)}
        print(name, rows[name], flush=True)
    # the whole command, Python's start and imports included
    name = "officials-by-region"
    cli = [sys.executable, "-m", "kg", "query", str(args.folder), name, "--param", "region=RU-LIP"]
    bare = [sys.executable, "-c", BARE_CHILD, store_dir]
    text = saved_queries()[name].bind(PARAMS[name])
    cli_t, bare_t = [], []
    for _ in range(args.repeat):
        cli_t.append(command(cli))
        bare_t.append(command(bare, text))
    whole = {"query": name, "kg_query_command_s": round(statistics.median(cli_t), 3),
             "bare_python_pyoxigraph_s": round(statistics.median(bare_t), 3),
             "ratio": round(statistics.median(cli_t) / statistics.median(bare_t), 2)}
    total_kg = sum(r["kg_s"] for r in rows.values())
    total_bare = sum(r["pyoxigraph_s"] for r in rows.values())
    row = {"what": "store-queries", "load_average": os.getloadavg(), "build": info, "queries": rows,
           "all_queries_ratio": round(total_kg / total_bare, 2), "whole_command": whole}
    print(json.dumps(row, indent=1))
    OUT.mkdir(parents=True, exist_ok=True)
    with open(OUT / "bench_store_queries.json", "a", encoding="utf-8") as fh:
        fh.write(json.dumps(row) + "\n")


if __name__ == "__main__":
    main()
