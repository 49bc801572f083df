"""Occupation facts (Who / Position / Where) against the graph's tenures.

Matching, per document D (the gold fact's document; a tenure takes part in every document it is
``prov:wasDerivedFrom``):

1. Who: the tenure's person (``hc:tenureOf``) has a mention in D that overlaps (shares a character with)
   a mention of the gold Who entity in D (any of its coreferent mention objects).
2. Position (when the gold fact gives one): the tenure's post (``hc:tenurePost``) has a mention in D that
   overlaps the Position span, or an ``hc:evidence`` span of the tenure in D contains the Position span, or
   a mention of the post in D names the same post word(s) elsewhere in D (the gold marks one occurrence,
   the graph may have taken another): every word of the Position text has a word in the post mention with
   the same stem (``same_stem``: equal first max(4, shorter length - 2) letters, case- and ё-insensitive).
3. Where (when given): a resource the post points to by ``hc:jurisdiction`` or ``hc:postIn`` has a
   mention in D overlapping a mention of the gold Where entity in D.

A gold fact and a tenure can match when all applicable conditions hold; facts and tenures are then paired
one-to-one by maximum bipartite matching per document. TP = pairs; precision = TP / tenures derived from
the scored documents; recall = TP / gold Occupation facts.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .factru import FactruDoc
from .graphview import GraphView
from .spans import Score, Span, max_matching, overlap


@dataclass
class GoldOccupation:
    id: str
    doc: str
    who: list[Span]
    position: list[Span]
    where: list[Span]

    def to_json(self) -> dict:
        first = lambda spans: spans[0].text if spans else None  # noqa: E731
        return {"id": self.id, "doc": self.doc, "who": first(self.who), "position": first(self.position),
                "where": first(self.where)}


def gold_occupations(doc: FactruDoc) -> list[GoldOccupation]:
    out = []
    for fact in doc.facts:
        if fact.kind != "Occupation":
            continue
        spans = {slot: doc.ref_spans(fact.slots.get(slot, [])) for slot in ("Who", "Position", "Where")}
        out.append(GoldOccupation(fact.id, doc.name, spans["Who"], spans["Position"], spans["Where"]))
    return out


def _touches(a: list[Span], b: list[Span]) -> bool:
    return any(overlap(x, y) for x in a for y in b)


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower().replace("ё", "е"))


def same_stem(a: str, b: str) -> bool:
    k = max(4, min(len(a), len(b)) - 2)
    return len(a) >= k and len(b) >= k and a[:k] == b[:k]


def names_position(mentions: list[Span], positions: list[Span]) -> bool:
    """Some mention's words cover every word of some Position text, stem by stem."""
    for mention in mentions:
        words = _words(mention.text)
        for pos in positions:
            wanted = _words(pos.text)
            if wanted and all(any(same_stem(w, m) for m in words) for w in wanted):
                return True
    return False


def stage(view: GraphView, tenure, gold: GoldOccupation) -> int:
    """How many of the conditions (who, position, where) hold in order: 3 means a match."""
    info, doc = view.tenures[tenure], gold.doc
    if not _touches(view.spans_of(info["person"], doc), gold.who):
        return 0
    if gold.position:
        evidence = [e for e in view.evidence.get(tenure, ()) if e.doc == doc]
        inside = any(e.begin <= p.begin and p.end <= e.end for e in evidence for p in gold.position)
        posts = view.spans_of(info["post"], doc)
        if not (inside or _touches(posts, gold.position) or names_position(posts, gold.position)):
            return 1
    if gold.where:
        places = [s for place in view.post_places.get(info["post"], ()) for s in view.spans_of(place, doc)]
        if not _touches(places, gold.where):
            return 2
    return 3


_REASONS = {0: "no tenure of this person", 1: "person has tenure(s) but no post matching the Position",
            2: "person and position match, but no jurisdiction/postIn mention matches Where",
            3: "its matching tenure is paired with another gold fact"}


def tenure_json(view: GraphView, tenure, doc: str) -> dict:
    info = view.tenures[tenure]
    texts = lambda res: sorted({s.text for s in view.spans_of(res, doc)})  # noqa: E731
    places = sorted({t for p in view.post_places.get(info["post"], ()) for t in texts(p)})
    return {"tenure": str(tenure), "doc": doc, "person": texts(info["person"]), "post": texts(info["post"]),
            "places": places}


def score_occupations(docs: list[FactruDoc], view: GraphView) -> Score:
    score = Score()
    for doc in docs:
        golds = gold_occupations(doc)
        tenures = sorted(t for t, info in view.tenures.items() if doc.name in info["docs"])
        stages = {(i, j): stage(view, t, g) for i, g in enumerate(golds) for j, t in enumerate(tenures)}
        edges = {i: [j for j in range(len(tenures)) if stages[i, j] == 3] for i in range(len(golds))}
        pairs = max_matching(edges)
        score.tp += len(pairs)
        for i, gold in enumerate(golds):
            if i not in pairs:
                best = max((stages[i, j] for j in range(len(tenures))), default=0)
                score.false_neg.append({**gold.to_json(), "reason": _REASONS[best]})
        matched = set(pairs.values())
        score.false_pos += [tenure_json(view, t, doc.name) for j, t in enumerate(tenures) if j not in matched]
    score.fp, score.fn = len(score.false_pos), len(score.false_neg)
    return score
