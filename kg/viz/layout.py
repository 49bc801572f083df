"""Importance (node size) and communities (the reduced view's clusters), computed with networkx."""
from __future__ import annotations

import networkx as nx
import numpy as np

from . import forces
from .model import PageModel
from .style import ARTICLE_PROPERTIES

ARTICLE_WEIGHT = 0.3  # a shared article ties two resources less than a stated relation


def to_networkx(model: PageModel, *, with_articles: bool) -> nx.Graph:
    g = nx.Graph()
    g.add_nodes_from(range(len(model.nodes)))
    for edge in model.edges.values():
        is_article_edge = edge.prop in ARTICLE_PROPERTIES
        if edge.source != edge.target and (with_articles or not is_article_edge):
            g.add_edge(edge.source, edge.target, weight=ARTICLE_WEIGHT if is_article_edge else 1.0)
    return g


def importance(model: PageModel) -> list[float]:
    """Degree centrality among stated relations for resources; for articles, how many resources they name."""
    relations = nx.degree_centrality(to_networkx(model, with_articles=False)) if model.nodes else {}
    named = [0] * len(model.nodes)
    for edge in model.edges.values():
        if edge.prop in ARTICLE_PROPERTIES and model.is_article(edge.target):
            named[edge.target] += 1
    top = max(named, default=0) or 1
    biggest = max(relations.values(), default=0.0) or 1.0
    return [round(0.4 * biggest * named[i] / top if n.cls == "Article" else relations.get(i, 0.0), 4)
            for i, n in enumerate(model.nodes)]


def communities(model: PageModel, seed: int = 7) -> list[int]:
    """Louvain communities over relations and shared articles; community ids ordered by size (0 = largest)."""
    g = to_networkx(model, with_articles=True)
    found = nx.community.louvain_communities(g, weight="weight", seed=seed) if len(g) else []
    found = sorted(found, key=lambda c: (-len(c), min(c)))
    out = [0] * len(model.nodes)
    for k, members in enumerate(found):
        for i in members:
            out[i] = k
    return out


DIRECT_UP_TO = 600  # up to this many nodes one force layout; above, one per community placed by a layout of them
DENSE_UP_TO = 2500  # a community bigger than this starts as a uniform disc (the browser's physics polishes it)
EDGE_LENGTH = 110.0  # target distance between linked nodes, in the page's units


def edge_arrays(model: PageModel) -> tuple[np.ndarray, np.ndarray]:
    pairs = [(e.source, e.target, ARTICLE_WEIGHT if e.prop in ARTICLE_PROPERTIES else 1.0)
             for e in model.edges.values() if e.source != e.target]
    if not pairs:
        return np.zeros((0, 2), dtype=np.int64), np.zeros(0, dtype=np.float32)
    arr = np.array(pairs, dtype=np.float64)
    return arr[:, :2].astype(np.int64), arr[:, 2].astype(np.float32)


def disc_radius(size: int) -> float:
    return EDGE_LENGTH * 0.7 * float(np.sqrt(max(size, 1)))


def local_layout(members: np.ndarray, edges: np.ndarray, weights: np.ndarray, seed: int) -> np.ndarray:
    """Positions of one community's members inside a disc sized for them."""
    n = len(members)
    if n > DENSE_UP_TO:
        rng = np.random.default_rng(seed)
        angle, r = rng.random(n) * 2 * np.pi, np.sqrt(rng.random(n))
        return np.stack([r * np.cos(angle), r * np.sin(angle)], axis=1) * disc_radius(n)
    local = np.full(int(edges.max(initial=members.max())) + 1, -1)
    local[members] = np.arange(n)
    inside = (local[edges[:, 0]] >= 0) & (local[edges[:, 1]] >= 0) if len(edges) else np.zeros(0, bool)
    sub = local[edges[inside]] if len(edges) else edges
    return forces.normalize(forces.force_layout(n, sub, weights[inside], seed=seed)) * disc_radius(n)


def community_centers(comms: np.ndarray, sizes: np.ndarray, edges: np.ndarray, weights: np.ndarray) -> np.ndarray:
    c_edges = comms[edges] if len(edges) else edges
    between = c_edges[:, 0] != c_edges[:, 1] if len(edges) else np.zeros(0, bool)
    centers = forces.force_layout(len(sizes), c_edges[between], weights[between] * 0.2)
    radii = np.array([disc_radius(s) for s in sizes])
    return forces.pack(centers, radii)


def positions(model: PageModel, comms: list[int]) -> list[tuple[int, int]]:
    """Starting positions for every node: laid out whole when small, else community by community."""
    n = len(model.nodes)
    edges, weights = edge_arrays(model)
    labels = np.array(comms if n > DIRECT_UP_TO else [0] * n, dtype=np.int64)
    sizes = np.bincount(labels, minlength=1) if n else np.zeros(0, np.int64)
    pos = np.zeros((n, 2))
    centers = community_centers(labels, sizes, edges, weights) if len(sizes) > 1 else np.zeros((1, 2))
    for c in range(len(sizes)):
        members = np.flatnonzero(labels == c)
        if len(members):
            pos[members] = centers[c] + local_layout(members, edges, weights, seed=c)
    return [(int(x), int(y)) for x, y in pos]
