"""Evaluate the build on factRuEval-2016 split (default data/factrueval-2016/devset): `python bench/eval_factru.py [ARGS]` = `kg eval factru [ARGS]`.
See `kg eval factru --help` and kg/eval/ for the scoring rules."""
from __future__ import annotations

import sys

from kg.cli import main

if __name__ == "__main__":
    sys.exit(main(["eval", "factru", *sys.argv[1:]]))
