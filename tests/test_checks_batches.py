"""The store's shape checks run over their focus nodes in bounded batches (kg.checks.check_store): the same
violations, in the same order, as one query per check over the whole graph, whatever the batch and spool
sizes; nodes that are only objects (typed by rdfs:range) are focus nodes too."""
from __future__ import annotations

import pyoxigraph as ox
import pytest
from kg import checks, export, iris
from kg.validate import ANCHOR_RULE, validate
from kg.vocab import HC
from test_shapes import TENURE, broken_graph

# a statement naming a tenure nothing describes: a tenure by rdfs:range only (hc:concernsTenure), with
# neither person nor post
BARE_TENURE = iris.entity_iri("tenure:nobody|governor|RU-LIP")
CHANGE = iris.entity_iri("event:appointment|nobody")


def _graph():
    graph = broken_graph()
    graph.add((CHANGE, HC.concernsTenure, BARE_TENURE))
    return graph


def _store(graph) -> ox.Store:
    store = ox.Store()
    text = "".join(export.nt_triple(*t) + " .\n" for t in graph)
    store.load(text.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
    return store


def _whole_graph(store) -> list:
    """What the checks gave before batching: each check's one query over every focus node."""
    found = set()
    for check in checks.compiled():
        checks._collect(store, check, store.query(check.query), found)
    return sorted(found)


@pytest.mark.parametrize("batch,spool", [(1, 2), (3, 5), (5000, 100_000)])
def test_batches_give_the_whole_graph_answer(monkeypatch, tmp_path, batch, spool):
    store = _store(_graph())
    expected = _whole_graph(store)
    monkeypatch.setattr(checks, "MEMBER_BATCH", batch)
    monkeypatch.setattr(checks, "SPOOL_LINES", spool)
    got = checks.check_store(store, workdir=tmp_path)
    assert got == expected and len(got) >= 12
    assert not list(tmp_path.iterdir())                       # the sorted focus nodes are cleaned up
    assert len(store) == len(_graph())                        # the store is only read


def test_a_node_typed_only_as_an_object_is_checked_as_pyshacl_does():
    graph = _graph()
    shacl = {(v.resource, v.rule) for v in validate(graph).violations if v.rule != ANCHOR_RULE}
    bare = {rule for resource, rule in shacl if resource == str(BARE_TENURE)}
    assert bare == {"a tenure has exactly one person (hc:tenureOf)", "a tenure has exactly one post (hc:tenurePost)"}
    found = {(v.resource, v.rule) for v in checks.check_store(_store(graph))}
    rules = checks.literal_rules()
    found |= {(v.resource, v.rule) for t in graph for v in rules.check(export.nt_triple(*t))}
    assert found == shacl


def test_focus_limits_the_batches_to_the_given_nodes(monkeypatch):
    store = _store(_graph())
    monkeypatch.setattr(checks, "MEMBER_BATCH", 2)
    everything = checks.check_store(store)
    focus = [str(BARE_TENURE), str(TENURE)]
    assert checks.check_store(store, focus=focus) == [v for v in everything if v.resource in focus]


def test_a_blank_focus_node_is_an_error_not_a_skipped_check():
    store = ox.Store()
    store.load(b'_:x <http://www.w3.org/2000/01/rdf-schema#label> "a"@ru .\n', format=ox.RdfFormat.N_TRIPLES)
    with pytest.raises(checks.KgError, match="blank node"):
        checks.check_store(store)


def test_a_store_folder_is_opened_afresh_per_target_with_the_same_answer(monkeypatch, tmp_path):
    """The build hands the checks its store's folder: each target's checks read it opened afresh and closed
    after them (RocksDB's caches go back between targets), with the answer of the open store; the store is
    only read."""
    folder = tmp_path / "store"
    store = ox.Store(str(folder))
    text = "".join(export.nt_triple(*t) + " .\n" for t in _graph())
    store.load(text.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
    expected = checks.check_store(store)
    store.flush()
    del store
    opened = []
    real = checks._open
    monkeypatch.setattr(checks, "_open", lambda f: opened.append(f) or real(f))
    monkeypatch.setattr(checks, "MEMBER_BATCH", 3)
    (tmp_path / "work").mkdir()
    got = checks.check_store(folder, workdir=tmp_path / "work")
    assert got == expected and len(got) >= 12
    assert opened == [folder] * len({c.target for c in checks.compiled()})
    assert not list((tmp_path / "work").iterdir())
    assert len(ox.Store(str(folder))) == len(_graph())     # closed after: it opens again, unchanged
