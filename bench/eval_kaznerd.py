"""Evaluate the build on KazNERD / CoNLL IOB2 file, held-out split by default: `python bench/eval_kaznerd.py [ARGS]` = `kg eval kaznerd [ARGS]`.
See `kg eval kaznerd --help` and kg/eval/ for the scoring rules."""
from __future__ import annotations

import sys

from kg.cli import main

if __name__ == "__main__":
    sys.exit(main(["eval", "kaznerd", *sys.argv[1:]]))
