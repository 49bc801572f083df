"""Real imports: Virtuoso 7 (its own server, loopback ports, bulk loader), Oxigraph and raptor's rapper
take the written graph as it is: same triples per named graph, same IRIs, same answers as rdflib."""
from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, URIRef

from kg.query import load_graph, run_sparql
from kg.results import from_sparql_json
from kg.savedqueries import resolve
from kg.stores import TTL_GRAPH, Virtuoso, file_counts, oxigraph_build_store, oxigraph_counts, rapper_check

pytestmark = pytest.mark.store

PARAMS = {
    "officials-by-region": {"region": "RU-LIP"},
    "officials-posts-evidence": {},
    "facilities-by-region": {"region": "RU-LIP"},
    "events-in-range": {"from": "2020", "to": "2026-12-31"},
    "article-statements": {"source": "000_4541c3325c4998f0.txt"},
    "named-in-ru-and-kk": {},
}
BUILDS = ["sample_build", pytest.param("seeds_build", marks=pytest.mark.slow)]


@pytest.fixture(scope="module", params=BUILDS)
def build(request) -> "Path":
    return request.getfixturevalue(request.param)


@pytest.fixture(scope="module")
def virtuoso(build, tmp_path_factory):
    with Virtuoso(tmp_path_factory.mktemp("virtuoso")) as server:
        server.load_build(build)
        yield server


@pytest.fixture(scope="module")
def rdflib_ttl(build):
    return load_graph(build / "graph.ttl", engine="rdflib")


def test_virtuoso_has_every_graph_with_the_built_triple_count(build, virtuoso):
    expected = file_counts(build)
    named = sorted(g for g in expected if g)
    assert virtuoso.graph_counts(named) == {g: expected[g] for g in named}
    assert expected.get("", 0) == 0                      # the build puts everything in named graphs


def test_virtuoso_keeps_iris_exactly(build, virtuoso):
    built = {str(s) for s in Graph().parse(build / "graph.ttl").subjects() if isinstance(s, URIRef)}
    doc = virtuoso.select("SELECT DISTINCT ?s WHERE { ?s ?p ?o FILTER(isIRI(?s)) }", default_graph=TTL_GRAPH)
    assert {b["s"]["value"] for b in doc["results"]["bindings"]} == built


@pytest.mark.parametrize("name", sorted(PARAMS))
def test_virtuoso_answers_saved_queries_like_rdflib(rdflib_ttl, virtuoso, name):
    text = resolve(name).bind(PARAMS[name])
    expected = run_sparql(rdflib_ttl, text)
    got = from_sparql_json(virtuoso.select(text, default_graph=TTL_GRAPH))
    assert got.variables == expected.variables
    assert got.canonical_rows() == expected.canonical_rows()


def test_oxigraph_loads_the_same_counts(build):
    assert oxigraph_counts(oxigraph_build_store(build)) == {g: n for g, n in file_counts(build).items() if n}


@pytest.mark.parametrize("name", sorted(PARAMS))
def test_oxigraph_answers_saved_queries_like_rdflib(build, rdflib_ttl, name):
    text = resolve(name).bind(PARAMS[name])
    expected = run_sparql(rdflib_ttl, text)
    for file in ("graph.ttl", "graph.nq"):
        got = run_sparql(load_graph(build / file, engine="oxigraph"), text)
        assert got.canonical_rows() == expected.canonical_rows(), file


def test_rapper_parses_graph_ttl_strictly(build):
    count, problems = rapper_check(build / "graph.ttl")
    assert problems == ""
    assert count == file_counts(build)[TTL_GRAPH]


def test_rapper_reports_what_virtuoso_would_mangle(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix kg: <http://ex.org/> .\nkg:a kg:b << kg:c kg:d kg:e >> .\n")
    assert rapper_check(bad)[1] != ""
