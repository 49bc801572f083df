"""Evaluation harness: build gold corpora with the real build and score what the graph says.

- ``kg eval factru [FOLDER]``: factRuEval-2016 mentions (Person / Location / Organization, exact and overlap)
  and Occupation facts vs tenures, with a bare natasha NER row for comparison.
- ``kg eval kaznerd [FILE]``: CoNLL / IOB2 (KazNERD) mentions, held-out split of the Kazakh model.
- ``kg eval seeds``: the seed articles against tests/gold_seeds.json.

Scorers read the graph only through the ontology's public terms (``kg.eval.graphview``).
"""
from __future__ import annotations

from .cli import add_eval

__all__ = ["add_eval"]
