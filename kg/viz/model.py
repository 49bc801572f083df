"""Plain triples -> the page's nodes, edges, sources and dates (the semantics are documented in ``kg.viz``).

One pass files every triple under its subject; each node then reads only its own rows, so the cost is
linear in the graph. Everything is keyed and sorted by IRI, never by the order triples arrive in.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator

from ..vocab import DCTERMS, HC_NS, NIF, PROV, RDF, RDFS, SCHEMA, SKOS
from . import labels as lb
from .style import ARTICLE_PROPERTIES, NODE_CLASSES
from .triples import Lit, Rows

Value = str | lb.Labels
TYPE, LABEL, ALT = str(RDF.type), str(RDFS.label), str(SKOS.altLabel)
HC = HC_NS
_CLASS_RANK = {HC + key: rank for rank, key in enumerate(NODE_CLASSES)}
_SKIP = {TYPE, LABEL, ALT, HC + "denotedBy", HC + "evidence"}
EVIDENCE, MENTION = 0, 1
ANCHOR, CONTEXT, BEGIN, END = (str(NIF[t]) for t in ("anchorOf", "referenceContext", "beginIndex", "endIndex"))
DERIVED, PUBLISHER = str(PROV.wasDerivedFrom), str(DCTERMS.publisher)
HEADLINE, PUBLISHED = str(SCHEMA.headline), str(SCHEMA.datePublished)
START, FINISH = HC + "startDate", HC + "endDate"


@dataclass
class Node:
    iri: str
    cls: str
    labels: lb.Labels
    alt: list[str]
    props: list[tuple[str, Value]] = field(default_factory=list)
    sources: dict[tuple[int, str], tuple[int, int, int, str]] = field(default_factory=dict)  # (article, spaced quote) -> (kind, b, e, quote)
    dates: tuple[str, str] | None = None


@dataclass
class PageModel:
    nodes: list[Node]
    index: dict[str, int]
    articles: list[tuple[str, str, str, int]] = field(default_factory=list)  # title, date, publisher, node or -1
    article_index: dict[str, int] = field(default_factory=dict)
    edges: dict[tuple[int, int, str], list[tuple[str, Value]]] = field(default_factory=dict)
    edge_dates: dict[tuple[int, int, str], tuple[str, str]] = field(default_factory=dict)  # tenures: when

    def edge(self, source: int, target: int, prop: str) -> list[tuple[str, Value]]:
        return self.edges.setdefault((source, target, prop), [])

    def is_article(self, i: int) -> bool:
        return self.nodes[i].cls == "Article"


def first(rows: Rows, s, p: str):
    objs = rows.get(s, {}).get(p) if isinstance(s, str) else None
    return objs[0] if objs else None


def objects(rows: Rows, s: str, p: str) -> list:
    return rows.get(s, {}).get(p, [])


def text_of(o) -> str:
    return o.value if isinstance(o, Lit) else str(o)


def labels_of(rows: Rows, s: str, p: str = LABEL) -> lb.Labels:
    out: lb.Labels = {}
    for o in objects(rows, s, p):
        if isinstance(o, Lit):
            out.setdefault(o.lang, o.value)
    return out


def node_classes(rows: Rows) -> dict[str, str]:
    """Every IRI typed with a node class -> its most specific node class (first in the style table)."""
    best: dict[str, str] = {}
    for s, preds in rows.items():
        ranks = [_CLASS_RANK[o] for o in preds.get(TYPE, ()) if o in _CLASS_RANK]
        if ranks and not s.startswith("_:"):
            best[s] = NODE_CLASSES[min(ranks)]
    return {s: best[s] for s in sorted(best)}


def date_range(value: str) -> tuple[str, str] | None:
    """'2024' -> ('2024-01-01', '2024-12-31'); '2024-05' -> whole month; '2024-05-14' -> that day."""
    v = value.strip()[:10]
    if len(v) == 4 and v.isdigit():
        return f"{v}-01-01", f"{v}-12-31"
    if len(v) == 7 and v[:4].isdigit() and v[5:].isdigit():
        return f"{v}-01", f"{v}-31"
    if len(v) == 10 and v[:4].isdigit():
        return v, v
    return None


def span_of(rows: Rows, s: str, start_p: str, end_p: str, *, open_ended: bool = False) -> tuple[str, str] | None:
    """The dates a resource covers; with ``open_ended`` (a tenure) a missing end means 'still', a missing start
    'since always'; otherwise (an event) a single date is the whole span."""
    a, b = first(rows, s, start_p), first(rows, s, end_p)
    ra = date_range(text_of(a)) if a is not None else None
    rb = date_range(text_of(b)) if b is not None else None
    if ra and rb:
        return ra[0], rb[1]
    if open_ended and (ra or rb):
        return (ra[0], "9999-12-31") if ra else ("0000-01-01", rb[1])
    return ra or rb


def value_of(o, onto: dict[str, lb.Labels], rows: Rows) -> Value:
    if isinstance(o, Lit):
        return o.value
    name = lb.qname(o)
    return onto.get(name) or labels_of(rows, o) or name


def concept_labels(rows: Rows, s: str, concept: str, onto: dict[str, lb.Labels]) -> lb.Labels:
    """'губернатор, Липецкая область', 'встреча, Алматы, 2024-05-01': role or kind, then place, then date."""
    names = onto.get(lb.qname(concept)) or {"": lb.local_name(concept)}
    where = first(rows, s, HC + "jurisdiction") or first(rows, s, HC + "eventPlace")
    where_labels = labels_of(rows, where) if isinstance(where, str) else {}
    when = text_of(first(rows, s, START) or "")
    return {k: ", ".join(filter(None, (v, lb.pick(where_labels, k), when))) for k, v in names.items()}


def fallback_labels(rows: Rows, s: str, cls: str, onto: dict[str, lb.Labels]) -> lb.Labels:
    if cls == "Article":
        text = first(rows, s, HEADLINE) or first(rows, s, HC + "sourceFile")
        return {"": text_of(text)} if text is not None else {"": lb.local_name(s)}
    concept = first(rows, s, HC + "postRole") or first(rows, s, HC + "eventType")
    if isinstance(concept, str):
        return concept_labels(rows, s, concept, onto)
    measure = first(rows, s, HC + "measure")
    return {"": text_of(measure)} if measure is not None else {"": lb.local_name(s)}


def make_node(rows: Rows, s: str, cls: str, onto: dict[str, lb.Labels]) -> Node:
    labels = labels_of(rows, s) or fallback_labels(rows, s, cls, onto)
    alt = sorted({o.value for o in objects(rows, s, ALT) if isinstance(o, Lit)} - set(labels.values()))
    dates = span_of(rows, s, START, FINISH) if cls == "Event" else None
    if cls == "Article":
        published = first(rows, s, PUBLISHED)
        dates = date_range(text_of(published)) if published is not None else None
    return Node(s, cls, labels, alt, dates=dates)


def add_statements(rows: Rows, model: PageModel, i: int, onto: dict[str, lb.Labels], hidden: set[str]) -> None:
    """Links to other nodes become edges; literals and concepts become the node's properties. Links to
    ``hidden`` nodes (left off the page) are dropped."""
    for p, objs in sorted(rows.get(model.nodes[i].iri, {}).items()):
        if p in _SKIP:
            continue
        prop = lb.qname(p)
        for o in objs:
            j = model.index.get(o) if isinstance(o, str) else None
            if j is None:
                if o not in hidden:
                    model.nodes[i].props.append((prop, value_of(o, onto, rows)))
            elif j != i:
                model.edge(i, j, prop)


def article_row(rows: Rows, iri: str, model: PageModel) -> tuple[str, str, str, int]:
    i = model.index.get(iri, -1)
    title = first(rows, iri, HEADLINE)
    title = text_of(title) if title is not None else lb.pick(labels_of(rows, iri), "ru")
    title = title or text_of(first(rows, iri, HC + "sourceFile") or lb.local_name(iri))
    date = text_of(first(rows, iri, PUBLISHED) or "")
    pub = first(rows, iri, PUBLISHER)
    publisher = text_of(pub) if isinstance(pub, Lit) else lb.pick(labels_of(rows, pub), "ru") or "" if pub else ""
    return title, date, publisher, i


def build_model(rows: Rows, onto: dict[str, lb.Labels], keep: set[str] | None = None,
                spans: Spans | None = None) -> PageModel:
    """The page's model of ``rows``. ``keep``: the nodes to embed (all by default); links to the others are
    left out. ``spans``: the mentions already folded, when ``rows`` lacks the mentions' own rows
    (``kg.viz.stream`` reads them one at a time)."""
    classes = node_classes(rows)
    hidden: set[str] = set()
    if keep is not None:
        hidden = {s for s in classes if s not in keep}
        classes = {s: c for s, c in classes.items() if s in keep}
    model = PageModel([make_node(rows, s, c, onto) for s, c in classes.items()], {s: i for i, s in enumerate(classes)})
    for i in range(len(model.nodes)):
        add_statements(rows, model, i, onto, hidden)
    if spans is None:
        spans = Spans()
        for pos, (i, kind, mention) in enumerate(references(rows, model.index)):
            found = mention_of(rows, mention)
            if found is not None:
                spans.add(pos, i, kind, found)
    spans.finish(rows, model)
    add_tenures(rows, model)
    return model


def article_of(rows: Rows, model: PageModel, iri: str) -> int:
    """Index of an article in the model's article table (added on first use)."""
    k = model.article_index.get(iri)
    if k is None:
        k = model.article_index[iri] = len(model.articles)
        model.articles.append(article_row(rows, iri, model))
    return k


def tenures(rows: Rows, index: dict[str, int], left_off=None) -> list[tuple[str, int | None, int | None]]:
    """(tenure, person, post) for every tenure between two nodes of ``index`` (IRI -> node), in IRI order.
    With ``left_off`` (IRI -> whether it is a node left off the page), also those with one end left off
    (that end None): their evidence still counts for the other end, as on the whole graph's page."""
    out = []
    for s in sorted(s for s, preds in rows.items() if HC + "Tenure" in preds.get(TYPE, ())):
        ends = first(rows, s, HC + "tenureOf"), first(rows, s, HC + "tenurePost")
        person, post = (index.get(e) if isinstance(e, str) else None for e in ends)
        kept = [i is not None or (left_off is not None and isinstance(e, str) and left_off(e))
                for i, e in zip((person, post), ends)]
        if all(kept) and (person is not None or post is not None):
            out.append((s, person, post))
    return out


def references(rows: Rows, index: dict[str, int], left_off=None) -> Iterator[tuple[int, int, str | int]]:
    """(node, kind, mention) for every mention the sources of ``index``'s nodes (IRI -> node, in node order)
    come from, in a fixed order (articles are numbered by their first reference): each node's evidence and
    mentions, then the tenures' evidence, which counts for both the person and the post. (A mention is its
    IRI, or its hash where ``kg.viz.stream`` replaced them.)"""
    for iri, i in index.items():
        for p, kind in ((HC + "evidence", EVIDENCE), (HC + "denotedBy", MENTION)):
            for o in objects(rows, iri, p):
                if not isinstance(o, Lit):
                    yield i, kind, o
    for s, person, post in tenures(rows, index, left_off):
        for mention in (o for o in objects(rows, s, HC + "evidence") if not isinstance(o, Lit)):
            for end in (person, post):
                if end is not None:
                    yield end, EVIDENCE, mention


def mention_of(rows: Rows, mention: str) -> tuple[str | None, str, int, int] | None:
    """What a mention gives a source: its article's IRI (None if it has none), its quote, begin and end
    offsets (-1 when unknown); None when it has no quote."""
    quote, ctx = first(rows, mention, ANCHOR), first(rows, mention, CONTEXT)
    if quote is None:
        return None
    as_int = lambda v: int(v.value) if isinstance(v, Lit) and v.value.isdigit() else -1  # noqa: E731
    return (ctx if isinstance(ctx, str) else None, text_of(quote), as_int(first(rows, mention, BEGIN)),
            as_int(first(rows, mention, END)))


class Spans:
    """The nodes' source sentences, folded from (reference, mention) pairs in any order with the same result:
    one entry per node, article and sentence (evidence wins over a plain mention); articles numbered in
    the order of their first reference (``references``); a plain mention also ties its node to its article."""

    def __init__(self) -> None:
        self.sources: dict[int, dict[tuple[str | None, str], tuple[int, int, int, str]]] = {}
        self.first: dict[str, int] = {}  # article IRI -> position of its first reference
        self.articles: dict[str, str] = {}
        self.named: set[tuple[int, str]] = set()  # (node, article IRI) of plain mentions

    def add(self, pos: int, i: int, kind: int, found: tuple[str | None, str, int, int]) -> None:
        ctx, text, begin, end = found
        if ctx is not None:
            known_pos = self.first.get(ctx)
            if known_pos is None or pos < known_pos:
                self.first[ctx] = pos
            ctx = self.articles.setdefault(ctx, ctx)     # one string per article, not one per mention
        spaced = " ".join(text.split())
        key, entry = (ctx, text if spaced == text else spaced), (kind, begin, end, text)
        mine = self.sources.setdefault(i, {})
        known = mine.get(key)
        if known is None or entry < known:
            mine[key] = entry
        if kind == MENTION and ctx is not None:
            self.named.add((i, ctx))

    def finish(self, rows: Rows, model: PageModel) -> None:
        """Into the model: the article table (rows of the articles needed), sources, article edges."""
        for ctx in sorted(self.first, key=self.first.__getitem__):
            article_of(rows, model, ctx)
        for i, mine in self.sources.items():
            model.nodes[i].sources = {(-1 if ctx is None else model.article_index[ctx], q): v
                                      for (ctx, q), v in mine.items()}
        for i, ctx in sorted(self.named):
            j = model.index.get(ctx, -1)
            if j >= 0 and j != i and (i, j, "prov:wasDerivedFrom") not in model.edges:
                model.edge(i, j, "hc:denotedBy")


def add_tenures(rows: Rows, model: PageModel) -> None:
    """A tenure becomes the person -> post edge: acting flag and dates on it (its evidence: ``references``)."""
    for s, person, post in tenures(rows, model.index):
        assert person is not None and post is not None
        details = model.edge(person, post, "hc:holdsPost")
        for p in (HC + "acting", HC + "former", START, FINISH):
            details.extend((lb.qname(p), text_of(o)) for o in objects(rows, s, p))
        dates = span_of(rows, s, START, FINISH, open_ended=True)
        source = first(rows, s, DERIVED)
        if dates is None and isinstance(source, str):
            published = first(rows, source, PUBLISHED)
            dates = date_range(text_of(published)) if published is not None else None
        if dates:
            key = (person, post, "hc:holdsPost")
            known = model.edge_dates.get(key)
            model.edge_dates[key] = (min(known[0], dates[0]), max(known[1], dates[1])) if known else dates


def relation_edges(model: PageModel) -> list[tuple[int, int, bool]]:
    """(source, target, is an article edge) for every edge between two different nodes."""
    return [(s, t, p in ARTICLE_PROPERTIES) for (s, t, p) in model.edges if s != t]
