"""The store's shape checks run over their focus nodes in bounded batches (kg.checks.check_store): the same
violations, in the same order, as one query per check over the whole graph, whatever the batch and spool
sizes; nodes that are only objects (typed by rdfs:range) are focus nodes too."""
from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from kg import checkrun, checks, export, iris
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
    monkeypatch.setattr(checkrun, "MEMBER_BATCH", batch)
    monkeypatch.setattr(checkrun, "SPOOL_LINES", spool)
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
    monkeypatch.setattr(checkrun, "MEMBER_BATCH", 2)
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
    real = checkrun._open
    monkeypatch.setattr(checkrun, "_open", lambda f: opened.append(f) or real(f))
    monkeypatch.setattr(checkrun, "MEMBER_BATCH", 3)
    (tmp_path / "work").mkdir()
    got = checks.check_store(folder, workdir=tmp_path / "work")
    assert got == expected and len(got) >= 12
    assert opened == [folder] * len({c.target for c in checks.compiled()})
    assert not list((tmp_path / "work").iterdir())
    assert len(ox.Store(str(folder))) == len(_graph())     # closed after: it opens again, unchanged


def _on_disk(tmp_path, graph) -> Path:
    """The graph in a store folder, closed, as the build leaves it for the checks."""
    folder = tmp_path / "store"
    store = ox.Store(str(folder))
    store.load("".join(export.nt_triple(*t) + " .\n" for t in graph).encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
    store.flush()
    del store
    return folder


def test_checks_in_a_child_process_give_the_same_answer_and_report_its_peak(tmp_path):
    folder = _on_disk(tmp_path, _graph())
    expected = _whole_graph(ox.Store(str(folder)))
    (tmp_path / "work").mkdir()
    got, peak = checks.check_store_apart(folder, tmp_path / "work")
    assert got == expected and len(got) >= 12
    assert isinstance(peak, int) and peak > 0
    assert not list((tmp_path / "work").iterdir())              # its answer file and spools are gone


def test_an_error_in_the_checks_child_reaches_the_build_as_one_line(tmp_path):
    folder = _on_disk(tmp_path, [])
    store = ox.Store(str(folder))
    store.load(b'_:x <http://www.w3.org/2000/01/rdf-schema#label> "a"@ru .\n', format=ox.RdfFormat.N_TRIPLES)
    store.flush()
    del store
    (tmp_path / "work").mkdir()
    with pytest.raises(checks.KgError, match="blank node") as err:
        checks.check_store_apart(folder, tmp_path / "work")
    assert "\n" not in str(err.value)
    (tmp_path / "not-a-store").write_text("x")
    with pytest.raises(checks.KgError, match="the shape checks failed") as err:
        checks.check_store_apart(tmp_path / "not-a-store", tmp_path / "work")
    assert "\n" not in str(err.value)


def test_the_checks_child_is_ended_when_the_build_stops(monkeypatch, tmp_path):
    """Ctrl-C (or SIGTERM, which the CLI turns into KeyboardInterrupt) while the child runs: the child is
    killed by its process id and waited for, and the interruption goes on."""
    import os
    import subprocess

    folder = _on_disk(tmp_path, _graph())
    started = []

    class Watched(subprocess.Popen):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            started.append(self)

        def communicate(self, *args, **kwargs):
            raise KeyboardInterrupt

    monkeypatch.setattr(subprocess, "Popen", Watched)
    (tmp_path / "work").mkdir()
    with pytest.raises(KeyboardInterrupt):
        checks.check_store_apart(folder, tmp_path / "work")
    assert len(started) == 1 and started[0].returncode is not None
    with pytest.raises(ProcessLookupError):
        os.kill(started[0].pid, 0)


def test_the_checks_child_loads_no_rdf_library():
    """The child's memory is mostly RocksDB's: it imports only the run (kg.checkrun) and pyoxigraph."""
    import subprocess
    import sys

    code = "import sys, kg.checkrun, pyoxigraph; print(sorted(m for m in ('rdflib', 'kg.export', 'kg.checks') if m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                          cwd=str(checks.paths.PACKAGE.parent))
    assert done.stdout.strip() == "[]"
