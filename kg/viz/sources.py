"""Where the page's statements come from: mentions, evidence sentences and tenures.

A resource's mentions (``hc:denotedBy``) and the evidence spans of what it takes part in (``hc:evidence``
of itself, or of a tenure naming it) become its source sentences, each with its article. A tenure becomes
the person -> post ``hc:holdsPost`` edge; its acting flag and dates ride on that edge.
"""
from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF

from ..vocab import HC, NIF
from . import labels as lb
from .model import PageModel

EVIDENCE, MENTION = 0, 1
_TENURE_DETAILS = (HC.acting, HC.startDate, HC.endDate)


def span(graph: Graph, model: PageModel, mention: URIRef, kind: int) -> tuple[int, int, str, int, int] | None:
    """(kind, article node, quoted text, begin, end) of a mention, or None when it is not a text span."""
    quote = graph.value(mention, NIF.anchorOf)
    if quote is None:
        return None
    article = model.index.get(graph.value(mention, NIF.referenceContext), -1)
    begin, end = (graph.value(mention, p) for p in (NIF.beginIndex, NIF.endIndex))
    as_int = lambda v: int(v) if isinstance(v, Literal) and str(v).isdigit() else -1  # noqa: E731
    return kind, article, str(quote), as_int(begin), as_int(end)


def add_span(graph: Graph, model: PageModel, i: int, mention: URIRef, kind: int) -> None:
    """File a mention under node i (evidence wins over a plain mention) and tie the node to its article."""
    found = span(graph, model, mention, kind)
    if found is None:
        return
    node = model.nodes[i]
    known = node.sources.get(mention)
    if known is None or kind < known[0]:
        node.sources[mention] = found
    article = found[1]
    if article < 0 or article == i:
        return
    node.articles.add(article)
    derived = (i, article, "prov:wasDerivedFrom") in model.edges
    if kind == MENTION and model.is_article(article) and not derived:
        model.edge(i, article, "hc:denotedBy")


def add_mentions(graph: Graph, model: PageModel) -> None:
    for pred, kind in ((HC.evidence, EVIDENCE), (HC.denotedBy, MENTION)):
        for subject, mention in graph.subject_objects(pred):
            i = model.index.get(subject)
            if i is not None and isinstance(mention, URIRef):
                add_span(graph, model, i, mention, kind)


def collapse_tenure(graph: Graph, model: PageModel, tenure: URIRef) -> None:
    person = model.index.get(graph.value(tenure, HC.tenureOf))
    post = model.index.get(graph.value(tenure, HC.tenurePost))
    if person is None or post is None:
        return
    edge = model.edge(person, post, "hc:holdsPost")
    for pred in _TENURE_DETAILS:
        for value in graph.objects(tenure, pred):
            edge.details.append((lb.qname(pred), str(value)))
    for i in (person, post):
        for mention in graph.objects(tenure, HC.evidence):
            add_span(graph, model, i, mention, EVIDENCE)
        for article in graph.objects(tenure, PROV.wasDerivedFrom):
            if article in model.index:
                model.nodes[i].articles.add(model.index[article])


def add_tenures(graph: Graph, model: PageModel) -> None:
    for tenure in sorted(graph.subjects(RDF.type, HC.Tenure)):
        collapse_tenure(graph, model, tenure)
