"""What the evaluation reads from a built graph, through SPARQL over the public terms only.

Nothing here touches the build's Python objects: the same queries run on a ``graph.ttl`` written by any
tool. Class groups are closed under ``rdfs:subClassOf`` as declared in ``ontology/hckg.ttl``.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import RDFS

from ..paths import ONTOLOGY
from ..vocab import HC, PREFIXES
from .spans import Span

_PREFIXES = "\n".join(f"PREFIX {p}: <{ns}>" for p, ns in PREFIXES.items()) + "\n"

MENTIONS = """SELECT ?res ?type ?src ?b ?e ?anchor WHERE {
  ?res hc:denotedBy ?m . OPTIONAL { ?res a ?type }
  ?m nif:beginIndex ?b ; nif:endIndex ?e ; nif:referenceContext ?a . ?a hc:sourceFile ?src .
  OPTIONAL { ?m nif:anchorOf ?anchor } }"""

EVIDENCE = """SELECT ?res ?src ?b ?e WHERE {
  ?res hc:evidence ?m . ?m nif:beginIndex ?b ; nif:endIndex ?e ; nif:referenceContext ?a .
  ?a hc:sourceFile ?src }"""

TENURES = """SELECT ?t ?person ?post ?src WHERE {
  ?t a hc:Tenure ; hc:tenureOf ?person ; hc:tenurePost ?post .
  OPTIONAL { ?t prov:wasDerivedFrom ?a . ?a hc:sourceFile ?src } }"""

POST_PLACES = """SELECT ?post ?place WHERE { ?post a hc:Post . { ?post hc:jurisdiction ?place }
  UNION { ?post hc:postIn ?place } }"""

# Evaluation classes -> the graph classes (with their subclasses) that count for them.
GROUP_ROOTS = {
    "Person": (HC.Person,),
    "Location": (HC.Region, HC.Settlement, HC.Country, HC.Place),
    "Organization": (HC.Organization, HC.GovernmentBody, HC.Facility, HC.Venue),
}


def select(graph: Graph, query: str):
    return graph.query(_PREFIXES + query)


@lru_cache(maxsize=1)
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY, format="turtle")


def subclasses(root: URIRef) -> set[URIRef]:
    """root and every class declared (transitively) rdfs:subClassOf it in the ontology."""
    return set(ontology().transitive_subjects(RDFS.subClassOf, root))


def group_classes(roots) -> set[URIRef]:
    return set().union(*(subclasses(r) for r in roots))


def load_graph(path: Path) -> Graph:
    """A graph.ttl, or the union of a graph.nq's named graphs."""
    if str(path).endswith(".nq"):
        ds = Dataset()
        ds.parse(path, format="nquads")
        graph = Graph()
        for s, p, o, _ in ds.quads((None, None, None, None)):
            graph.add((s, p, o))
        return graph
    return Graph().parse(path, format="turtle")


@dataclass
class GraphView:
    """Mentions, evidence and tenures of a graph, indexed for the scorers."""

    mentions: dict[URIRef, list[Span]] = field(default_factory=lambda: defaultdict(list))
    types: dict[URIRef, set[URIRef]] = field(default_factory=lambda: defaultdict(set))
    evidence: dict[URIRef, list[Span]] = field(default_factory=lambda: defaultdict(list))
    tenures: dict[URIRef, dict] = field(default_factory=dict)
    post_places: dict[URIRef, set[URIRef]] = field(default_factory=lambda: defaultdict(set))

    def spans_of(self, res: URIRef, doc: str) -> list[Span]:
        return [s for s in self.mentions.get(res, ()) if s.doc == doc]

    def class_spans(self, classes: set[URIRef]) -> list[Span]:
        """Every mention of a resource typed with one of ``classes``."""
        out = []
        for res, spans in self.mentions.items():
            if self.types.get(res, set()) & classes:
                out.extend(spans)
        return out


def read_view(graph: Graph) -> GraphView:
    view = GraphView()
    for row in select(graph, MENTIONS):
        span = Span(str(row.src), int(row.b), int(row.e), str(row.anchor or ""))
        if row.type is not None:
            view.types[row.res].add(row.type)
        if span not in view.mentions[row.res]:
            view.mentions[row.res].append(span)
    for row in select(graph, EVIDENCE):
        view.evidence[row.res].append(Span(str(row.src), int(row.b), int(row.e)))
    for row in select(graph, TENURES):
        item = view.tenures.setdefault(row.t, {"person": row.person, "post": row.post, "docs": set()})
        if row.src is not None:
            item["docs"].add(str(row.src))
    for row in select(graph, POST_PLACES):
        view.post_places[row.post].add(row.place)
    return view


def group_spans(view: GraphView, groups: dict[str, tuple] = GROUP_ROOTS) -> dict[str, list[Span]]:
    """Predicted mentions per evaluation class."""
    return {name: view.class_spans(group_classes(roots)) for name, roots in groups.items()}
