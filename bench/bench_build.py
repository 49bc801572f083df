"""Build throughput and memory, per language (a benchmark, not a test).

    .venv/bin/python bench/bench_build.py [--repeat 3]

Times the NLP + extraction stage per article (models loaded once, first call excluded) on the Russian
and Kazakh seed articles and on the factRuEval devset texts, reports characters per second per language
and the ratio Kazakh/Russian seconds per character, then times a whole `kg build seeds` in a fresh process
with its peak resident memory. Results: bench/out/bench_build.json.
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.build import process  # noqa: E402
from kg.sources import read_articles  # noqa: E402


def articles(folder: Path):
    return [a for a in read_articles([folder]) if not isinstance(a, Exception)]


def throughput(arts, repeat: int) -> tuple[int, float]:
    process(arts[0])                                     # load the models outside the timing
    chars, best = sum(len(a.text) for a in arts), float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        for a in arts:
            process(a)
        best = min(best, time.perf_counter() - started)
    return chars, best


def whole_build() -> dict:
    with tempfile.TemporaryDirectory() as out:
        started = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "kg.cli", "build", str(ROOT / "seeds"), "--out", out,
                               "--quiet"], cwd=ROOT, capture_output=True, text=True)
        wall = time.perf_counter() - started
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {"exit": done.returncode, "wall_seconds": round(wall, 2), "peak_rss_mb": round(peak_kb / 1024, 1)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    seeds = articles(ROOT / "seeds")
    sets = {
        "ru seeds": [a for a in seeds if a.language == "ru"],
        "kk seeds": [a for a in seeds if a.language == "kk"],
        "ru factRuEval devset": articles(ROOT / "data" / "factrueval-2016" / "devset"),
    }
    rows = {}
    for name, arts in sets.items():
        chars, seconds = throughput(arts, args.repeat)
        rows[name] = {"articles": len(arts), "chars": chars, "seconds": round(seconds, 3),
                      "chars_per_second": round(chars / seconds)}
    ratio = (rows["kk seeds"]["seconds"] / rows["kk seeds"]["chars"]) / (
        rows["ru seeds"]["seconds"] / rows["ru seeds"]["chars"])
    result = {"throughput": rows, "kk_over_ru_seconds_per_char": round(ratio, 2), "build_seeds": whole_build()}
    print(f"{'set':24} {'articles':>8} {'chars':>9} {'seconds':>8} {'chars/s':>9}")
    for name, row in rows.items():
        print(f"{name:24} {row['articles']:>8} {row['chars']:>9} {row['seconds']:>8} {row['chars_per_second']:>9}")
    print(f"Kazakh / Russian seconds per character: {result['kk_over_ru_seconds_per_char']}")
    b = result["build_seeds"]
    print(f"kg build seeds: {b['wall_seconds']} s wall, peak RSS {b['peak_rss_mb']} MB (exit {b['exit']})")
    out = ROOT / "bench" / "out"
    out.mkdir(parents=True, exist_ok=True)
    (out / "bench_build.json").write_text(json.dumps(result, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
