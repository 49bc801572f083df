"""ontology/hckg.ttl against the code, both ways, and against the graphs the code writes."""
from __future__ import annotations

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from kg import paths
from kg.concepts import SCHEMES, all_concepts, concept
from kg.ontology import concepts_turtle, declared_terms, ontology_graph
from kg.vocab import HC, HC_NS

LANGS = {"ru", "kk", "en"}


def code_terms() -> set[URIRef]:
    terms = {URIRef(HC_NS + name) for name in HC.__annotations__}
    return terms | {iri for _, _, iri, _ in all_concepts()}


def hc_terms_used(graph: Graph) -> set[URIRef]:
    """hc: IRIs a graph uses as predicate, class or object (concepts)."""
    used = set()
    for s, p, o in graph:
        used.update(t for t in (s, p, o) if isinstance(t, URIRef) and t.startswith(HC_NS))
    return used


def test_every_code_term_is_declared():
    assert code_terms() - declared_terms() == set()


def test_every_declared_term_is_known_to_the_code():
    assert declared_terms() - code_terms() == set()


@pytest.mark.parametrize("kind", [OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, SKOS.ConceptScheme])
def test_terms_have_one_label_and_definition_per_language(kind):
    g = ontology_graph()
    terms = sorted(s for s in g.subjects(RDF.type, kind) if s.startswith(HC_NS))
    assert terms, f"no {kind} declared"
    for term in terms:
        for prop in (RDFS.label, SKOS.definition):
            langs = sorted(o.language for o in g.objects(term, prop))
            assert langs == sorted(LANGS), f"{term} {prop}: {langs}"


def test_alignment_uses_subclass_and_subproperty_only():
    g = ontology_graph()
    for prop in (OWL.equivalentClass, OWL.equivalentProperty, OWL.sameAs):
        assert list(g.triples((None, prop, None))) == []
    classes = [s for s in g.subjects(RDF.type, OWL.Class) if s.startswith(HC_NS)]
    assert all(list(g.objects(c, RDFS.subClassOf)) for c in classes)


def test_concept_section_is_generated_from_the_tables():
    assert concepts_turtle() in paths.ONTOLOGY.read_text(encoding="utf-8")


def test_concepts_carry_the_tables_labels_and_scheme():
    g = ontology_graph()
    for scheme, cls, iri, labels in all_concepts():
        assert (iri, SKOS.inScheme, HC[scheme]) in g
        assert (iri, RDF.type, HC[cls]) in g
        got = {(o.language, str(o)) for o in g.objects(iri, SKOS.prefLabel)}
        assert got == set(zip(("ru", "kk", "en"), labels))
    in_file = {s for s in g.subjects(SKOS.inScheme, None)}
    assert in_file == {iri for _, _, iri, _ in all_concepts()}
    assert {HC[s] for s, *_ in SCHEMES} == set(g.subjects(RDF.type, SKOS.ConceptScheme))


def test_sample_graph_uses_declared_terms_only(sample_build):
    graph = Graph().parse(sample_build / "graph.ttl")
    used = hc_terms_used(graph)
    assert HC.Tenure in used and concept("Role", "governor") in used      # the scan sees classes and concepts
    assert used - declared_terms() == set()


@pytest.mark.slow
def test_seeds_build_uses_declared_terms_only(seeds_build):
    graph = Graph().parse(seeds_build / "graph.ttl")
    used = hc_terms_used(graph)
    assert HC.Person in used and HC.holdsPost in used
    assert used - declared_terms() == set()


@pytest.mark.store
@pytest.mark.parametrize("path", [paths.ONTOLOGY, paths.SHAPES])
def test_ontology_files_parse_strictly_with_rapper(path):
    from kg.stores import rapper_check

    count, problems = rapper_check(path)
    assert problems == ""
    assert count == len(Graph().parse(path))
