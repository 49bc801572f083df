"""Slices of a graph for ``kg page``: around a resource, a region, an article, within a date range, capped.

A slice starts from seed nodes and walks stated relations (not article links) up to ``hops`` steps; places
(regions, settlements, countries) that are not seeds end the walk, so a focus never spreads over a whole
country. Events and articles outside the date range are dropped, and so are tenures known to lie outside it.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..errors import KgError
from .model import PageModel
from .style import ARTICLE_PROPERTIES
from .textindex import normalize

PLACES = ("Region", "Settlement", "Country")


@dataclass(frozen=True)
class Focus:
    resource: str | None = None  # an IRI or a label (any language, any case)
    region: str | None = None  # an ISO code: RU-LIP, KZ-79
    article: str | None = None  # an article IRI, its source file or its title
    start: str | None = None  # YYYY[-MM[-DD]]
    end: str | None = None
    hops: int = 2

    def describe(self) -> str:
        parts = [f"{k}={v}" for k, v in (("resource", self.resource), ("region", self.region),
                                          ("article", self.article), ("from", self.start), ("to", self.end)) if v]
        return ", ".join(parts)


def find_resource(model: PageModel, key: str) -> int:
    if key in model.index:
        return model.index[key]
    wanted = normalize(key.strip())
    hits = [i for i, n in enumerate(model.nodes)
            if any(normalize(t) == wanted for t in [*n.labels.values(), *n.alt])]
    if not hits:
        raise KgError(f"no resource with the IRI or label {key!r} in the graph")
    return hits[0]


def find_region(model: PageModel, code: str) -> int:
    for i, n in enumerate(model.nodes):
        if n.cls in PLACES and (n.iri.upper().endswith("/" + code.upper())
                                or any(p == "hc:isoCode" and str(v).upper() == code.upper() for p, v in n.props)):
            return i
    raise KgError(f"no region or country with the ISO code {code!r} in the graph")


def article_members(model: PageModel, key: str) -> list[int]:
    for i, n in enumerate(model.nodes):
        names = {n.iri, *n.labels.values(), *(str(v) for p, v in n.props if p == "hc:sourceFile")}
        if n.cls == "Article" and key in names:
            return [i] + sorted({s for (s, t, p) in model.edges if t == i} | {t for (s, t, p) in model.edges if s == i})
    raise KgError(f"no article with the IRI, source file or title {key!r} in the graph")


def in_range(dates: tuple[str, str] | None, start: str, end: str) -> bool:
    return dates is None or (dates[1] >= start and dates[0] <= end)


def walk(model: PageModel, seeds: list[int], hops: int) -> list[int]:
    """Seeds first, then nodes by distance (stated relations only; places other than seeds end the walk)."""
    adjacency: list[list[int]] = [[] for _ in model.nodes]
    for (s, t, p) in sorted(model.edges):
        if p not in ARTICLE_PROPERTIES and s != t:
            adjacency[s].append(t)
            adjacency[t].append(s)
    order, seen, frontier = list(seeds), set(seeds), list(seeds)
    for _ in range(hops):
        nxt = []
        for i in frontier:
            if model.nodes[i].cls in PLACES and i not in seeds:
                continue
            for j in adjacency[i]:
                if j not in seen:
                    seen.add(j)
                    nxt.append(j)
        order += sorted(nxt)
        frontier = nxt
    return order


def submodel(model: PageModel, keep: list[int]) -> PageModel:
    """The model restricted to the kept nodes (kept in index order)."""
    keep = sorted(set(keep))
    remap = {old: new for new, old in enumerate(keep)}
    out = PageModel([model.nodes[i] for i in keep], {model.nodes[i].iri: remap[i] for i in keep})
    out.articles = [(t, d, p, remap.get(i, -1)) for t, d, p, i in model.articles]
    out.article_index = dict(model.article_index)
    for (s, t, p), details in model.edges.items():
        if s in remap and t in remap:
            out.edges[(remap[s], remap[t], p)] = details
            if (s, t, p) in model.edge_dates:
                out.edge_dates[(remap[s], remap[t], p)] = model.edge_dates[(s, t, p)]
    return out


def apply(model: PageModel, focus: Focus, limit: int | None = None) -> PageModel:
    """The slice of the model the focus asks for; at most ``limit`` nodes, nearest to the seeds first."""
    start, end = (focus.start or "0000")[:10], (focus.end or "9999-12-31")[:10]
    if len(end) == 4:
        end += "-12-31"
    elif len(end) == 7:
        end += "-31"
    keep = [i for i, n in enumerate(model.nodes) if in_range(n.dates, start, end)]
    dated = submodel(model, keep)
    dated.edges = {k: v for k, v in dated.edges.items() if in_range(dated.edge_dates.get(k), start, end)}
    seeds: list[int] = []
    if focus.resource:
        seeds.append(find_resource(dated, focus.resource))
    if focus.region:
        seeds.append(find_region(dated, focus.region))
    if focus.article:
        seeds += article_members(dated, focus.article)
    if not seeds:
        return dated
    return submodel(dated, walk(dated, sorted(set(seeds)), focus.hops)[:limit])
