"""Mention scoring: gold vs predicted character spans, exact and overlap, one-to-one.

A span is ``(doc, begin, end)`` (end exclusive) plus its text for error listings. Both sides are
de-duplicated first (the same span twice counts once).

* exact: a predicted span matches a gold span with the same doc, begin and end.
* overlap: a predicted span matches a gold span of the same doc that shares at least one character.
  Matching is one-to-one and greedy: candidate pairs are taken in order of decreasing shared length
  (ties: gold begin, then predicted begin), and a pair is kept only when neither side is matched yet, so
  one predicted mention can never match two gold ones (nor the reverse).

TP = matched pairs, FP = predicted spans left unmatched, FN = gold spans left unmatched.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Iterable, NamedTuple


class Span(NamedTuple):
    doc: str
    begin: int
    end: int
    text: str = ""

    @property
    def key(self) -> tuple[str, int, int]:
        return self.doc, self.begin, self.end

    def to_json(self) -> dict:
        return {"doc": self.doc, "begin": self.begin, "end": self.end, "text": self.text}


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    false_pos: list = field(default_factory=list)
    false_neg: list = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def numbers(self) -> dict:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


def unique(spans: Iterable[Span]) -> list[Span]:
    """One span per (doc, begin, end), sorted; the first text seen is kept."""
    seen: dict[tuple, Span] = {}
    for span in spans:
        seen.setdefault(span.key, span)
    return [seen[k] for k in sorted(seen)]


def overlap(a: Span, b: Span) -> int:
    return max(0, min(a.end, b.end) - max(a.begin, b.begin)) if a.doc == b.doc else 0


def match_exact(gold: list[Span], pred: list[Span]) -> list[tuple[Span, Span]]:
    by_key = {p.key: p for p in pred}
    return [(g, by_key[g.key]) for g in gold if g.key in by_key]


def match_overlap(gold: list[Span], pred: list[Span]) -> list[tuple[Span, Span]]:
    """Greedy one-to-one matching by decreasing shared length (see the module docstring)."""
    pred_by_doc: dict[str, list[Span]] = defaultdict(list)
    for p in pred:
        pred_by_doc[p.doc].append(p)
    pairs = []
    for g in gold:
        for p in pred_by_doc.get(g.doc, ()):
            shared = overlap(g, p)
            if shared:
                pairs.append((-shared, g.begin, p.begin, g.end, p.end, g, p))
    pairs.sort(key=lambda t: t[:5] + (t[5].doc,))
    used_g, used_p, out = set(), set(), []
    for *_, g, p in pairs:
        if g.key not in used_g and p.key not in used_p:
            used_g.add(g.key)
            used_p.add(p.key)
            out.append((g, p))
    return out


MATCHERS = {"exact": match_exact, "overlap": match_overlap}


def score_spans(gold: Iterable[Span], pred: Iterable[Span], mode: str = "overlap") -> Score:
    gold, pred = unique(gold), unique(pred)
    pairs = MATCHERS[mode](gold, pred)
    hit_g = {g.key for g, _ in pairs}
    hit_p = {p.key for _, p in pairs}
    score = Score(tp=len(pairs))
    score.false_neg = [g for g in gold if g.key not in hit_g]
    score.false_pos = [p for p in pred if p.key not in hit_p]
    score.fn, score.fp = len(score.false_neg), len(score.false_pos)
    return score


def max_matching(edges: dict[int, list[int]]) -> dict[int, int]:
    """Maximum bipartite matching (Kuhn's augmenting paths): left id -> right id. Deterministic."""
    owner: dict[int, int] = {}

    def augment(left: int, seen: set[int]) -> bool:
        for right in edges.get(left, ()):
            if right in seen:
                continue
            seen.add(right)
            if right not in owner or augment(owner[right], seen):
                owner[right] = left
                return True
        return False

    for left in sorted(edges):
        augment(left, set())
    return {left: right for right, left in owner.items()}
