"""Evaluate the build on the seed articles against tests/gold_seeds.json: `python bench/eval_seeds.py [ARGS]` = `kg eval seeds [ARGS]`.
See `kg eval seeds --help` and kg/eval/ for the scoring rules."""
from __future__ import annotations

import sys

from kg.cli import main

if __name__ == "__main__":
    sys.exit(main(["eval", "seeds", *sys.argv[1:]]))
