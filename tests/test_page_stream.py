"""The build's page in bounded memory (kg.viz.stream): read from a sorted union.nt in passes, the same page as
from the whole graph below the node cap, the same embedded nodes above it (the browser test of a large one: test_page.py, which owns the browser fixture)."""
from __future__ import annotations

import pytest
from page_graphs import analyst_graph, many_graph, news_union, realistic_graph
from test_page import blocks, sparql_count

from kg import export
from kg.viz import render_page, write_page
from kg.viz.page import write_union_page
from kg.viz.stream import Survey


def union_of(g, path):
    """The graph as the build writes its union: sorted, distinct N-Triples statements."""
    lines = sorted({export.nt_triple(s, p, o) for s, p, o in g})
    path.write_text("".join(line + " .\n" for line in lines), encoding="utf-8")
    return path


@pytest.mark.parametrize("make", [realistic_graph, many_graph, analyst_graph])  # hostile_graph: IRIs N-Triples cannot carry
@pytest.mark.parametrize("lang, reduce_above", [("ru", 1500), ("kk", 20)])
def test_same_bytes_as_the_whole_graph_below_the_cap(tmp_path, make, lang, reduce_above):
    g = make()
    write_page(g, tmp_path / "whole.html", lang=lang, reduce_above=reduce_above)
    write_union_page(union_of(g, tmp_path / "union.nt"), tmp_path / "stream.html", lang=lang,
                     reduce_above=reduce_above)
    assert (tmp_path / "stream.html").read_bytes() == (tmp_path / "whole.html").read_bytes()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []   # no temporary file left


def test_same_bytes_on_a_news_shaped_graph(tmp_path):
    """Tenures and their shortcuts, mentions and evidence in several articles, posts named by role and region."""
    union = tmp_path / "union.nt"
    news_union(union, persons=400, articles=60)
    write_page(union, tmp_path / "whole.html")
    write_union_page(union, tmp_path / "stream.html")
    assert (tmp_path / "stream.html").read_bytes() == (tmp_path / "whole.html").read_bytes()


def test_degrees_of_the_survey_equal_the_pages(tmp_path):
    from kg.viz import labels as lb
    from kg.viz.model import build_model
    from kg.viz.page import degrees
    from kg.viz.triples import rows_of

    union = tmp_path / "union.nt"
    news_union(union, persons=300, articles=40)
    model = build_model(rows_of(union), lb.ontology_labels())
    survey = Survey(union)
    mine = dict(zip(survey.iris, survey.degrees().tolist()))
    assert mine == {n.iri: int(d) for n, d in zip(model.nodes, degrees(model))}


@pytest.mark.parametrize("max_nodes", [1, 50, 333, 700])
def test_above_the_cap_the_same_nodes_are_embedded(tmp_path, max_nodes):
    union = tmp_path / "union.nt"
    g = news_union(union, persons=600, articles=80)
    whole = blocks(render_page(union, max_nodes=max_nodes))
    write_union_page(union, tmp_path / "stream.html", max_nodes=max_nodes)
    mine = blocks((tmp_path / "stream.html").read_text(encoding="utf-8"))
    assert whole["hckg-meta"]["total"] == mine["hckg-meta"]["total"] == sparql_count(g)
    assert mine["hckg-meta"]["count"] == max_nodes and mine["hckg-meta"]["capped"] == sparql_count(g) - max_nodes
    for k in range(whole["hckg-meta"]["chunks"][0]):
        assert mine[f"hckg-n{k}"] == whole[f"hckg-n{k}"]      # nodes, degrees, groups, positions, labels
    details = lambda data: [  # noqa: E731  (IRI, other names, properties, sources with their article's row, count)
        (d[0], d[1], d[2], sorted((s[0], data["hckg-meta"]["articles"][s[1]][:3], *s[2:]) for s in d[3]), d[4])
        for k in range(max_nodes // 250 + 1) for d in data[f"hckg-d{k}"]]
    assert details(mine) == details(whole)     # a tenure's evidence counts for its end on the page, as before
    names, theirs = mine["hckg-names"], whole["hckg-names"]
    assert sorted(zip(names["i"], names["c"], names["s"])) == sorted(zip(theirs["i"], theirs["c"], theirs["s"]))
    assert len(names["l"]) == len(names["i"]) == sparql_count(g) - max_nodes
