"""Benchmark of the network page (not a test): synthetic graphs (bench/synth.py) rendered by kg.viz and, on the
same graph, pyvis's ``Network.from_nx`` (the anchor, measured in the same run); then each page opened in headless
Chromium with a PerformanceObserver('longtask') installed before any script runs.

    .venv/bin/python bench/bench_page.py [--sizes 5000 20000] [--pyvis-timeout 240]

Per size: render time (wall and CPU), pyvis from_nx time and the ratio; in the browser: time to settled (data
parsed, first full drawing done; ms since navigation start), time for a click on a group or node to open its
panel, to expand the largest group and to show all; the longest main-thread task in each phase. Targets (issue
14): render <= 1/30 of from_nx at 20k; no task over 200 ms; settled within 5 s at 5k and 20k.
Writes bench/out/bench_page.json. The machine's load average is recorded: the figures are wall times on a
shared 2-core machine.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from synth import synthetic_graph  # noqa: E402

from kg.viz import labels as lb  # noqa: E402
from kg.viz import write_page  # noqa: E402
from kg.viz.model import build_model  # noqa: E402
from kg.viz.triples import rows_of  # noqa: E402

OUT = ROOT / "bench" / "out"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
LONG_TASKS = ("window.__long = []; new PerformanceObserver(l => { for (const e of l.getEntries()) "
              "window.__long.push(e.duration); }).observe({type: 'longtask', buffered: true});")
PYVIS = """
import json, sys, time
import networkx as nx
from pyvis.network import Network
data = json.load(open(sys.argv[1], encoding="utf-8"))
g = nx.Graph()
for iri, label, group in data["nodes"]:
    g.add_node(iri, label=label, group=group)
g.add_edges_from(data["edges"])
net = Network(height="900px", width="100%")
start, cpu = time.perf_counter(), time.process_time()
net.from_nx(g)
print(time.perf_counter() - start, time.process_time() - cpu)
"""


def pyvis_time(graph, timeout: float) -> tuple[float, float] | None:
    """Seconds (wall, CPU) pyvis's from_nx takes on the page's nodes and edges (None when over the timeout)."""
    model = build_model(rows_of(graph), lb.ontology_labels())
    data = {"nodes": [[n.iri, lb.pick(n.labels, "ru") or n.iri, n.cls] for n in model.nodes],
            "edges": sorted({(model.nodes[s].iri, model.nodes[t].iri) for (s, t, _) in model.edges if s != t})}
    with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8", delete=False) as fh:
        json.dump(data, fh)
    try:
        done = subprocess.run([sys.executable, "-c", PYVIS, fh.name], capture_output=True, text=True, timeout=timeout)
        wall, cpu = done.stdout.split()
        return float(wall), float(cpu)
    except subprocess.TimeoutExpired:
        return None
    finally:
        os.unlink(fh.name)


def wait(page, expr: str, timeout: float = 120.0) -> float:
    """Poll until expr is true; returns the wall time waited (the page's CSP forbids wait_for_function)."""
    start = time.perf_counter()
    while not page.evaluate(f"() => !!({expr})"):
        if time.perf_counter() - start > timeout:
            raise TimeoutError(expr)
        time.sleep(0.005)
    return time.perf_counter() - start


def phase(page, action: str, done: str = "hckg.drawn().complete") -> tuple[float, float]:
    """Seconds from an action to its drawing being complete, and the longest task meanwhile (ms)."""
    page.evaluate("window.__long = []")
    start = time.perf_counter()
    page.evaluate(action)
    time.sleep(0.05)
    wait(page, done)
    return round(time.perf_counter() - start, 2), round(max(page.evaluate("window.__long"), default=0))


def click(page) -> float:
    """Seconds from a real mouse click on the biggest group (or node) to its panel being shown."""
    target = page.evaluate("""() => hckg.view().groups ? 'g' + hckg.groupIds().sort((a, b) =>
        hckg.meta.groups[b][1] - hckg.meta.groups[a][1])[0] : hckg.shownIds()[0]""")
    at = page.evaluate("id => hckg.screenOf(id)", target)
    start = time.perf_counter()
    page.mouse.click(at["x"], at["y"])
    wait(page, f"hckg.panelFor === {json.dumps(target)}")
    return round(time.perf_counter() - start, 3)


def browse(ctx, path: Path) -> dict:
    page = ctx.new_page()
    page.goto(path.as_uri(), wait_until="commit")
    wait(page, "window.hckg && hckg.state.stable")
    row = {"stable_s": round(page.evaluate("hckg.stableAt") / 1000, 2),
           "long_load_ms": round(max(page.evaluate("window.__long"), default=0)),
           "groups": page.evaluate("hckg.view().groups"), "labels": len(page.evaluate("hckg.drawn().labels"))}
    row["click_s"] = click(page)
    page.evaluate("hckg.clear()")
    row["expand_s"], row["long_expand_ms"] = phase(page, "hckg.expandGroup(0)")
    row["show_all_s"], row["long_show_all_ms"] = phase(page, "hckg.setClustered(false)")
    row["shown_all"] = page.evaluate("hckg.view().nodes === hckg.meta.count")
    row["search_s"], row["long_search_ms"] = phase(
        page, "(() => { const i = document.getElementById('search'); i.value = 'Иванова'; "
              "i.dispatchEvent(new Event('input')); })()", "!document.getElementById('results').hidden")
    page.close()
    return row


def measure(ctx, size: int, pyvis_timeout: float) -> dict:
    graph = synthetic_graph(size)
    path = OUT / f"page_{size}.html"
    wall, cpu = time.perf_counter(), time.process_time()
    timings: dict = {}
    write_page(graph, path, timings=timings)
    row = {"size": size, "triples": len(graph), "render_s": round(time.perf_counter() - wall, 2),
           "render_cpu_s": round(time.process_time() - cpu, 2), "html_mb": round(path.stat().st_size / 1e6, 1),
           "phases": {k: round(v, 2) for k, v in timings.items()}}
    anchor = pyvis_time(graph, pyvis_timeout)
    row["pyvis_from_nx_s"] = None if anchor is None else round(anchor[0], 2)
    row["pyvis_from_nx_cpu_s"] = None if anchor is None else round(anchor[1], 2)
    row["ratio"] = None if anchor is None else round(anchor[0] / row["render_s"], 1)
    row["ratio_cpu"] = None if anchor is None else round(anchor[1] / row["render_cpu_s"], 1)
    row.update(browse(ctx, path))
    return row


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[5000, 20000])
    ap.add_argument("--pyvis-timeout", type=float, default=240.0)
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright
    OUT.mkdir(parents=True, exist_ok=True)
    lb.ontology_labels()  # parsed once per process; not part of any page's time
    load = [round(x, 1) for x in os.getloadavg()]
    with tempfile.TemporaryDirectory(prefix="hckg-bench-") as profile, sync_playwright() as pw:
        ctx = pw.chromium.launch_persistent_context(profile, executable_path=CHROMIUM, headless=True, args=ARGS,
                                                    viewport={"width": 1400, "height": 900})
        ctx.add_init_script(LONG_TASKS)
        rows = [measure(ctx, size, args.pyvis_timeout) for size in args.sizes]
        ctx.close()
    done = [r for r in rows if r["pyvis_from_nx_s"] is not None]
    if done and len(done) < len(rows):
        low = max(done, key=lambda r: r["size"])
        half = pyvis_time(synthetic_graph(low["size"] // 2), args.pyvis_timeout)  # for the growth exponent
        exponent = np.log(low["pyvis_from_nx_cpu_s"] / half[1]) / np.log(2) if half else None
        for row in rows:
            if row["pyvis_from_nx_s"] is not None:
                continue
            # from_nx over the timeout: its time on a smaller graph is a lower bound (it grows faster than
            # linearly: add_edge scans every edge so far), and the measured growth gives an estimate.
            row["pyvis_timed_out_after_s"] = args.pyvis_timeout
            row["lower_bound_from_size"] = low["size"]
            row["ratio_lower_bound"] = round(low["pyvis_from_nx_s"] / row["render_s"], 1)
            row["ratio_cpu_lower_bound"] = round(low["pyvis_from_nx_cpu_s"] / row["render_cpu_s"], 1)
            if exponent:
                scale = (row["size"] / low["size"]) ** exponent
                row["pyvis_growth_exponent"] = round(float(exponent), 2)
                row["pyvis_cpu_s_estimated"] = round(low["pyvis_from_nx_cpu_s"] * scale, 1)
                row["ratio_cpu_estimated"] = round(row["pyvis_cpu_s_estimated"] / row["render_cpu_s"], 1)
    result = {"load_before": load, "load_after": [round(x, 1) for x in os.getloadavg()], "rows": rows}
    print(json.dumps(result, indent=1, ensure_ascii=False))
    (OUT / "bench_page.json").write_text(json.dumps(result, indent=2, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
