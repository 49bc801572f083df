"""The merged graph -> the page's nodes and edges (the semantics are documented in ``kg.viz``)."""
from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from ..vocab import HC, HC_NS, SCHEMA
from . import labels as lb
from .style import ARTICLE_PROPERTIES, NODE_CLASSES

Value = str | lb.Labels
_SKIP = {RDF.type, RDFS.label, SKOS.altLabel, HC.denotedBy, HC.evidence}
_CLASS_RANK = {URIRef(HC_NS + key): rank for rank, key in enumerate(NODE_CLASSES)}


@dataclass
class Node:
    iri: URIRef
    cls: str
    labels: lb.Labels
    alt: list[str]
    props: list[tuple[str, Value]] = field(default_factory=list)
    sources: dict[URIRef, tuple[int, int, str, int, int]] = field(default_factory=dict)
    articles: set[int] = field(default_factory=set)


@dataclass
class Edge:
    source: int
    target: int
    prop: str
    details: list[tuple[str, Value]] = field(default_factory=list)


@dataclass
class PageModel:
    nodes: list[Node]
    index: dict[URIRef, int]
    edges: dict[tuple[int, int, str], Edge] = field(default_factory=dict)

    def edge(self, source: int, target: int, prop: str) -> Edge:
        key = (source, target, prop)
        if key not in self.edges:
            self.edges[key] = Edge(source, target, prop)
        return self.edges[key]

    def is_article(self, i: int) -> bool:
        return self.nodes[i].cls == "Article"


def node_classes(graph: Graph) -> dict[URIRef, str]:
    """Every resource typed with a node class -> its most specific node class (first in the style table)."""
    best: dict[URIRef, int] = {}
    for subject, cls in graph.subject_objects(RDF.type):
        rank = _CLASS_RANK.get(cls)
        if rank is not None and isinstance(subject, URIRef) and rank < best.get(subject, len(NODE_CLASSES)):
            best[subject] = rank
    return {s: NODE_CLASSES[r] for s, r in sorted(best.items())}


def value_of(obj: object, onto: dict[str, lb.Labels], graph: Graph) -> Value:
    """A literal as its text; a concept (or any labelled IRI) as its labels; anything else as its IRI."""
    if isinstance(obj, Literal):
        return str(obj)
    name = lb.qname(obj)
    return onto.get(name) or lb.graph_labels(graph, obj) or name


def fallback_labels(graph: Graph, iri: URIRef, cls: str, onto: dict[str, lb.Labels]) -> lb.Labels:
    """A name for a resource without rdfs:label: an article's headline or file, a post's role, an event's kind."""
    if cls == "Article":
        text = graph.value(iri, SCHEMA.headline) or graph.value(iri, HC.sourceFile)
        return {"": str(text)} if text else {"": lb.local_name(iri)}
    concept = graph.value(iri, HC.postRole) or graph.value(iri, HC.eventType)
    if concept is not None:
        return concept_labels(graph, iri, concept, onto)
    measure = graph.value(iri, HC.measure)
    return {"": str(measure)} if measure else {"": lb.local_name(iri)}


def concept_labels(graph: Graph, iri: URIRef, concept: URIRef, onto: dict[str, lb.Labels]) -> lb.Labels:
    """'губернатор Липецкая область', 'встреча Алматы 2024-05-01': role or kind, then place, then date."""
    names = onto.get(lb.qname(concept)) or {"": lb.local_name(concept)}
    where = graph.value(iri, HC.jurisdiction) or graph.value(iri, HC.eventPlace)
    where_labels = lb.graph_labels(graph, where) if where is not None else {}
    when = str(graph.value(iri, HC.startDate) or "")
    return {k: ", ".join(filter(None, (v, lb.pick(where_labels, k), when))) for k, v in names.items()}


def make_node(graph: Graph, iri: URIRef, cls: str, onto: dict[str, lb.Labels]) -> Node:
    labels = lb.graph_labels(graph, iri) or fallback_labels(graph, iri, cls, onto)
    alt = sorted({str(o) for o in graph.objects(iri, SKOS.altLabel)} - set(labels.values()))
    return Node(iri, cls, labels, alt)


def add_statements(graph: Graph, model: PageModel, i: int, onto: dict[str, lb.Labels]) -> None:
    """Links to other nodes become edges; literals and concepts become the node's properties."""
    node = model.nodes[i]
    for pred, obj in sorted(graph.predicate_objects(node.iri), key=lambda po: (str(po[0]), str(po[1]))):
        if pred in _SKIP:
            continue
        prop, j = lb.qname(pred), model.index.get(obj)
        if j is None:
            node.props.append((prop, value_of(obj, onto, graph)))
            continue
        model.edge(i, j, prop)
        if prop in ARTICLE_PROPERTIES and model.is_article(j):
            node.articles.add(j)


def build_model(graph: Graph, onto: dict[str, lb.Labels]) -> PageModel:
    classes = node_classes(graph)
    nodes = [make_node(graph, iri, cls, onto) for iri, cls in classes.items()]
    model = PageModel(nodes, {n.iri: i for i, n in enumerate(nodes)})
    for i in range(len(nodes)):
        add_statements(graph, model, i, onto)
    return model
