"""The parts of a graph the seeds scorer reads (SPARQL over public terms) and the name-matching rules.

Names match after ``norm``: lower case, ё -> е, quote marks «»"“”„ dropped, whitespace collapsed (the
rule stated in tests/gold_seeds.json). ``contains`` is containment on whole words of normalized text.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from rdflib import Graph, URIRef
from rdflib.namespace import RDFS, SKOS

from ..vocab import HC, HC_NS
from .graphview import group_classes, ontology, select

_QUOTES = str.maketrans("", "", "«»\"“”„")

PROPS = ("postRole", "jurisdiction", "postIn", "tenureOf", "tenurePost", "acting", "locatedIn", "partOf",
         "facilityStatus", "facilityKind", "count", "minCount", "eventType", "startDate", "endDate",
         "eventPlace", "participant", "organizer", "supporter", "party", "subEventOf", "isoCode")

LABELS = "SELECT ?r ?l WHERE { { ?r rdfs:label ?l } UNION { ?r skos:altLabel ?l } }"
TYPES = "SELECT ?r ?t WHERE { ?r a ?t }"
FILES = """SELECT ?r ?src WHERE { { ?r hc:denotedBy ?m . ?m nif:referenceContext ?a }
  UNION { ?r prov:wasDerivedFrom ?a } ?a hc:sourceFile ?src }"""
MENTION_FILES = "SELECT ?r ?src WHERE { ?r hc:denotedBy ?m . ?m nif:referenceContext ?a . ?a hc:sourceFile ?src }"
FACTS = "SELECT ?s ?p ?o WHERE { VALUES ?p { %s } ?s ?p ?o }" % " ".join(f"hc:{p}" for p in PROPS)

CLASS_GROUPS = {
    "person": (HC.Person,),
    "organization": (HC.Organization,),          # with government bodies and facilities (subclasses)
    "facility": (HC.Facility, HC.Venue),
    "place": (HC.Region, HC.Settlement, HC.Country, HC.Place, HC.Venue),
    "event": (HC.Event,),
}


def norm(text: str) -> str:
    text = str(text).translate(_QUOTES).lower().replace("ё", "е")
    return " ".join(text.split())


def contains(outer: str, inner: str) -> bool:
    """``inner`` occurs in ``outer`` as whole words (both normalized)."""
    return bool(inner) and re.search(rf"(?<!\w){re.escape(inner)}(?!\w)", outer) is not None


@dataclass
class SeedView:
    labels: dict[URIRef, set[str]] = field(default_factory=lambda: defaultdict(set))     # normalized
    raw_labels: dict[URIRef, set[str]] = field(default_factory=lambda: defaultdict(set))
    types: dict[URIRef, set[URIRef]] = field(default_factory=lambda: defaultdict(set))
    files: dict[URIRef, set[str]] = field(default_factory=lambda: defaultdict(set))
    named_in: dict[URIRef, set[str]] = field(default_factory=lambda: defaultdict(set))
    facts: dict[tuple[URIRef, str], set] = field(default_factory=lambda: defaultdict(set))

    def get(self, res, prop: str) -> set:
        return self.facts.get((res, prop), set())

    def of_group(self, group: str) -> list[URIRef]:
        classes = group_classes(CLASS_GROUPS[group])
        return sorted(r for r, types in self.types.items() if types & classes)

    def regions_of(self, res, depth: int = 3) -> set[str]:
        """ISO codes of the resource and of what it lies in, is a post of, or took place in."""
        codes = {str(c) for c in self.get(res, "isoCode")}
        if depth:
            for prop in ("locatedIn", "jurisdiction", "partOf", "eventPlace"):
                for parent in self.get(res, prop):
                    codes |= self.regions_of(parent, depth - 1)
        return codes

    def named(self, res, name: str) -> bool:
        return norm(name) in self.labels.get(res, ())

    def in_files(self, res, files) -> bool:
        return bool(self.files.get(res, set()) & set(files))


def read_seed_view(graph: Graph) -> SeedView:
    view = SeedView()
    for row in select(graph, LABELS):
        view.labels[row.r].add(norm(row.l))
        view.raw_labels[row.r].add(str(row.l))
    for row in select(graph, TYPES):
        view.types[row.r].add(row.t)
    for row in select(graph, FILES):
        view.files[row.r].add(str(row.src))
    for row in select(graph, MENTION_FILES):
        view.named_in[row.r].add(str(row.src))
    for row in select(graph, FACTS):
        view.facts[row.s, str(row.p).rsplit("#", 1)[-1]].add(row.o)
    return view


def concept_names(concept: URIRef) -> set[str]:
    """Normalized labels of a concept in the ontology, plus its local name without the scheme prefix."""
    onto = ontology()
    names = {norm(l) for p in (RDFS.label, SKOS.prefLabel) for l in onto.objects(concept, p)}
    local = str(concept).rsplit("#", 1)[-1]
    names.add(local.split("_", 1)[1] if "_" in local else local)
    return names


# Gold event type -> our narrower kinds, where the ontology (which declares no skos:broader between event
# kinds) does not say so itself: a collegium and a session are meetings.
EVENT_NARROWER = {"meeting": {"collegium", "session"}, "session": {"plenary", "collegium"}}


def accepted_event_types(gold_type: str) -> set[URIRef]:
    """The gold kind, the kinds the ontology declares skos:broader it (transitively), and EVENT_NARROWER."""
    root = URIRef(f"{HC_NS}event_{gold_type}")
    names = {gold_type} | EVENT_NARROWER.get(gold_type, set())
    accepted = {URIRef(f"{HC_NS}event_{n}") for n in names}
    return accepted | set(ontology().transitive_subjects(SKOS.broader, root))
