"""Benchmark of the network page (not a test): synthetic graphs of 1k, 5k and 20k nodes, rendered and opened in
headless Chromium; times until the network is stable and until a click on a node opens its panel.

    .venv/bin/python bench/bench_page.py [sizes...]

Prints a table and writes bench/out/bench_page.json. Targets: the 5,000-node page stable and answering a click
within 5 s; the 20,000-node page on its reduced view within 5 s.
"""
from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from synth import synthetic_graph  # noqa: E402

from kg.viz import node_count_query, write_page  # noqa: E402

OUT = ROOT / "bench" / "out"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SIZES = (1000, 5000, 20000)


def wait(page, expr: str, timeout: float = 120.0) -> float:
    """Poll until expr is true; returns the wall time waited (the page's CSP forbids wait_for_function)."""
    start = time.perf_counter()
    while not page.evaluate(f"() => !!({expr})"):
        if time.perf_counter() - start > timeout:
            raise TimeoutError(expr)
        time.sleep(0.005)
    return time.perf_counter() - start


def click_time(page) -> float:
    """Seconds from a real mouse click on the biggest visible node to its panel being shown."""
    target = page.evaluate("""() => { const ids = hckg.nodes.getIds();
        return ids.reduce((a, b) => hckg.network.getBoundingBox(b).right - hckg.network.getBoundingBox(b).left >
                                    hckg.network.getBoundingBox(a).right - hckg.network.getBoundingBox(a).left ? b : a); }""")
    page.evaluate("id => hckg.network.moveTo({position: hckg.network.getPosition(id), scale: 1, animation: false})", target)
    at = page.evaluate("id => hckg.domPosition(id)", target)
    start = time.perf_counter()
    page.mouse.click(at["x"], at["y"])
    wait(page, f"hckg.panelFor === {json.dumps(target)}")
    return time.perf_counter() - start


def expand_time(page) -> float | None:
    """Seconds to expand the biggest group of a reduced view and lay it out again (None when not reduced)."""
    if not page.evaluate("hckg.state.clustered"):
        return None
    start = time.perf_counter()
    page.evaluate("hckg.expandGroup(0)")
    wait(page, "hckg.state.stable")
    return time.perf_counter() - start


def measure(ctx, size: int) -> dict:
    graph = synthetic_graph(size)
    nodes = int(next(iter(graph.query(node_count_query())))[0])
    path = OUT / f"page_{size}.html"
    start = time.perf_counter()
    write_page(graph, path)
    render = time.perf_counter() - start
    page = ctx.new_page()
    page.goto(path.as_uri(), wait_until="commit")
    wait(page, "window.hckg && hckg.state.stable")
    stable = page.evaluate("hckg.stableAt") / 1000  # ms since navigation start
    row = {"nodes": nodes, "triples": len(graph), "html_mb": round(path.stat().st_size / 1e6, 2),
           "render_s": round(render, 2), "reduced": page.evaluate("hckg.data.reduced"),
           "shown": page.evaluate("hckg.nodes.length"), "stable_s": round(stable, 2)}
    row["click_s"] = round(click_time(page), 3)
    row["ready_s"] = round(stable + row["click_s"], 2)
    expand = expand_time(page)
    row["expand_s"] = None if expand is None else round(expand, 2)
    page.close()
    return row


def print_table(rows: list[dict]) -> None:
    cols = list(rows[0])
    print(" | ".join(f"{c:>9}" for c in cols))
    for row in rows:
        print(" | ".join(f"{str(row[c]):>9}" for c in cols))


def main(sizes: tuple[int, ...]) -> None:
    from playwright.sync_api import sync_playwright
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="hckg-bench-") as profile, sync_playwright() as pw:
        ctx = pw.chromium.launch_persistent_context(profile, executable_path=CHROMIUM, headless=True, args=ARGS,
                                                    viewport={"width": 1400, "height": 900})
        rows = [measure(ctx, size) for size in sizes]
        ctx.close()
    print_table(rows)
    (OUT / "bench_page.json").write_text(json.dumps(rows, indent=2), encoding="utf-8")
    print(f"written {OUT / 'bench_page.json'}")


if __name__ == "__main__":
    main(tuple(int(a) for a in sys.argv[1:]) or SIZES)
