"""Groups of the reduced view: bounded label propagation, a fallback grouping, and a name for each group.

Always terminates: integer weights, at most ``MAX_ROUNDS`` rounds and a time cap; when the cap is hit the
nodes are grouped by their region instead (the fallback). Deterministic: ties go to the smallest label, and
nodes are visited in index (IRI) order. A group bigger than ``MAX_GROUP`` is cut into pieces.
"""
from __future__ import annotations

import time

import numpy as np

from . import labels as lb
from .model import PageModel

RELATION_WEIGHT, ARTICLE_WEIGHT = 3, 1  # a shared article ties two resources less than a stated relation
MAX_ROUNDS = 15
TIME_CAP = 5.0  # seconds
MAX_GROUP = 400
MIN_GROUP = 8
PLACE_LINKS = ("hc:jurisdiction", "hc:locatedIn", "hc:eventPlace", "hc:partOf")


def edge_arrays(model: PageModel) -> tuple[np.ndarray, np.ndarray]:
    """Both directions of every edge between two nodes, with integer weights."""
    from .style import ARTICLE_PROPERTIES
    pairs = [(s, t, ARTICLE_WEIGHT if p in ARTICLE_PROPERTIES else RELATION_WEIGHT)
             for (s, t, p) in model.edges if s != t]
    if not pairs:
        return np.zeros((0, 2), np.int64), np.zeros(0, np.int64)
    arr = np.array(pairs, dtype=np.int64)
    both = np.concatenate([arr[:, :2], arr[:, 1::-1]])
    return both, np.concatenate([arr[:, 2], arr[:, 2]])


def propagate(n: int, edges: np.ndarray, weights: np.ndarray, *, rounds: int = MAX_ROUNDS,
              deadline: float | None = None) -> np.ndarray | None:
    """Label propagation; every node keeps its own label with weight 1 (damps oscillation). None on timeout."""
    labels = np.arange(n, dtype=np.int64)
    src = np.concatenate([edges[:, 0], np.arange(n)]) if len(edges) else np.arange(n)
    dst = np.concatenate([edges[:, 1], np.arange(n)]) if len(edges) else np.arange(n)
    w = np.concatenate([weights, np.ones(n, np.int64)]) if len(edges) else np.ones(n, np.int64)
    for _ in range(rounds):
        if deadline is not None and time.perf_counter() > deadline:
            return None
        keys, inverse = np.unique(src * n + labels[dst], return_inverse=True)
        score = np.bincount(inverse, weights=w).astype(np.int64)
        node, label = keys // n, keys % n
        order = np.lexsort((label, -score, node))  # per node: best score, then smallest label
        firsts = order[np.r_[True, node[order][1:] != node[order][:-1]]]
        new = labels.copy()
        new[node[firsts]] = label[firsts]
        changed = int((new != labels).sum())
        labels = new
        if changed <= n // 1000:
            break
    return labels


def absorb_small(labels: np.ndarray, edges: np.ndarray, weights: np.ndarray, classes: np.ndarray) -> np.ndarray:
    """Members of groups under MIN_GROUP join their best-linked big group; the rest gather by class."""
    n = len(labels)
    sizes = np.bincount(labels, minlength=n)
    small = sizes[labels] < MIN_GROUP
    if not small.any():
        return labels
    out = labels.copy()
    if len(edges):
        pick = small[edges[:, 0]] & ~small[edges[:, 1]]
        src, lab, w = edges[pick, 0], labels[edges[pick, 1]], weights[pick]
        if len(src):
            keys, inverse = np.unique(src * n + lab, return_inverse=True)
            score = np.bincount(inverse, weights=w)
            node, label = keys // n, keys % n
            order = np.lexsort((label, -score, node))
            firsts = order[np.r_[True, node[order][1:] != node[order][:-1]]]
            out[node[firsts]] = label[firsts]
            small[node[firsts]] = False
    out[small] = n + classes[small]
    return out


def region_grouping(model: PageModel) -> np.ndarray:
    """Fallback: each node with its place (region, settlement...), else its own class."""
    n = len(model.nodes)
    labels = np.arange(n, dtype=np.int64)
    for (s, t, p) in sorted(model.edges):
        if p in PLACE_LINKS and model.nodes[t].cls in ("Region", "Settlement", "Country"):
            labels[s] = t
    return labels


def split_big(labels: np.ndarray, order: np.ndarray) -> np.ndarray:
    """Cut groups above MAX_GROUP into consecutive pieces (in importance order)."""
    out = labels.copy()
    counts: dict[int, int] = {}
    for i in order:
        k = int(labels[i])
        c = counts.get(k, 0)
        counts[k] = c + 1
        if c >= MAX_GROUP:
            out[i] = -(k * 1000 + c // MAX_GROUP) - 1
    return out


def communities(model: PageModel, degree: np.ndarray, *, time_cap: float = TIME_CAP) -> tuple[list[int], bool]:
    """Group id per node (0 = largest group) and whether the fallback was used."""
    n = len(model.nodes)
    if n == 0:
        return [], False
    edges, weights = edge_arrays(model)
    found = propagate(n, edges, weights, deadline=time.perf_counter() + time_cap)
    fallback = found is None
    labels = region_grouping(model) if fallback else found
    from .style import NODE_CLASSES
    classes = np.array([NODE_CLASSES.index(node.cls) for node in model.nodes], np.int64)
    labels = absorb_small(labels, edges, weights, classes) if n > MIN_GROUP * 4 else labels
    order = np.lexsort((np.arange(n), -degree))
    labels = split_big(labels, order)
    uniq, inverse, counts = np.unique(labels, return_inverse=True, return_counts=True)
    first_seen = np.full(len(uniq), n)
    np.minimum.at(first_seen, inverse, np.arange(n))
    rank = np.lexsort((first_seen, -counts))
    renumber = np.empty(len(uniq), np.int64)
    renumber[rank] = np.arange(len(uniq))
    return renumber[inverse].tolist(), fallback


def group_names(model: PageModel, groups: list[int], degree: np.ndarray, lang: str) -> list[lb.Labels]:
    """Each group's name: its dominant region (a settlement counts for its region too), else its most connected
    person, else its most connected node."""
    count = max(groups, default=-1) + 1
    region_of = {s: t for (s, t, p) in sorted(model.edges)
                 if p == "hc:partOf" and model.nodes[s].cls == "Settlement" and model.nodes[t].cls == "Region"}
    places: list[dict[int, int]] = [dict() for _ in range(count)]

    def vote(g: int, place: int, weight: int) -> None:
        for p in (place, region_of.get(place)):
            if p is not None:
                places[g][p] = places[g].get(p, 0) + weight

    for (s, t, p) in model.edges:
        if p in PLACE_LINKS and model.nodes[t].cls in ("Region", "Country", "Settlement"):
            vote(groups[s], t, 1)
    for i, node in enumerate(model.nodes):
        if node.cls in ("Region", "Country", "Settlement"):
            vote(groups[i], i, 2)
    best_person, best_any = [-1] * count, [-1] * count
    for i in np.lexsort((np.arange(len(groups)), -degree)):
        g = groups[i]
        if best_any[g] < 0:
            best_any[g] = i
        if best_person[g] < 0 and model.nodes[i].cls == "Person":
            best_person[g] = i
    rank = {"Region": 0, "Country": 2, "Settlement": 1}
    names = []
    for g in range(count):
        top = min(places[g].items(), key=lambda kv: (-kv[1], rank[model.nodes[kv[0]].cls], kv[0]), default=None)
        pick = top[0] if top else best_person[g] if best_person[g] >= 0 else best_any[g]
        names.append(model.nodes[int(pick)].labels)
    return distinct(names, best_person, model)


def distinct(names: list[lb.Labels], persons: list[int], model: PageModel) -> list[lb.Labels]:
    """A name given to several groups (a region cut into pieces) gets, on each later group, its most connected
    person after it, or a number."""
    seen: dict[tuple, int] = {}
    out = []
    for g, name in enumerate(names):
        key = tuple(sorted(name.items()))
        seen[key] = seen.get(key, 0) + 1
        if seen[key] > 1:
            top = model.nodes[persons[g]].labels if persons[g] >= 0 else None
            name = {k: f"{v} — {lb.pick(top, k)}" if top else f"{v} ({seen[key]})" for k, v in name.items()}
        out.append(name)
    return out
