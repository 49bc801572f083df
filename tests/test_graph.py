"""The graph builder is a pure function: golden cases (hand-written Turtle) compared by isomorphism."""
from pathlib import Path

import pytest
from rdflib import Graph, Literal
from rdflib.compare import graph_diff, to_isomorphic

from kg.graph import article_triples, build_dataset, union_graph
from kg.link import merge
from kg.records import ArticleResult
from kg.vocab import HC, NIF, RDFS, SKOS

CASES = sorted((Path(__file__).parent / "golden" / "graph").iterdir())


def _dump(g: Graph) -> str:
    return "\n".join(sorted(f"  {s.n3()} {p.n3()} {o.n3()}" for s, p, o in g))


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_golden_graph(case):
    result = ArticleResult.loads((case / "result.json").read_text(encoding="utf-8"))
    resources = {k: r for k, r in merge([result]).items() if not k.startswith("region:")}
    got = union_graph(build_dataset([result], resources))
    expected = Graph().parse(case / "expected.ttl")
    if to_isomorphic(got) != to_isomorphic(expected):
        _, only_got, only_expected = graph_diff(to_isomorphic(got), to_isomorphic(expected))
        pytest.fail(f"built but not expected:\n{_dump(only_got)}\nexpected but not built:\n{_dump(only_expected)}")


def test_every_anchor_is_the_text_at_its_offsets():
    case = CASES[0]
    result = ArticleResult.loads((case / "result.json").read_text(encoding="utf-8"))
    g = Graph()
    for t in article_triples(result):
        g.add(t)
    mentions = list(g.subjects(None, HC.Mention))
    assert len(mentions) == 3
    for m in mentions:
        b, e = int(g.value(m, NIF.beginIndex)), int(g.value(m, NIF.endIndex))
        assert g.value(m, NIF.anchorOf) == Literal(result.article.text[b:e])


def test_article_graph_states_only_the_article_and_merged_descriptions_have_their_own_graph():
    """An article's graph depends on that article alone; classes and canonical labels live in the
    resource graph, so another article naming the same resources cannot change it."""
    from dataclasses import replace

    from kg import iris
    from kg.records import Entity

    case = CASES[0]
    result = ArticleResult.loads((case / "result.json").read_text(encoding="utf-8"))
    person = next(e for e in result.entities if e.cls == "Person")
    other = ArticleResult(replace(result.article, source="other.txt", id="other"),
                          entities=(Entity(person.key, person.cls, (("ru", "Другое Имя"),)),))
    alone = build_dataset([result], merge([result]))
    both = build_dataset([result, other], merge([result, other]))
    name = iris.article_iri(result.article.source)
    assert set(alone.graph(name)) == set(both.graph(name)) == set(article_triples(result))
    assert not any(p in (RDFS.label, SKOS.altLabel) for _, p, _ in alone.graph(name))
    assert set(alone.graph(iris.RESOURCE_GRAPH)) != set(both.graph(iris.RESOURCE_GRAPH))
    node = iris.entity_iri(person.key)
    assert Literal("Другое Имя", lang="ru") in set(both.graph(iris.RESOURCE_GRAPH).objects(node, None))


def test_one_named_graph_per_article():
    case = CASES[0]
    result = ArticleResult.loads((case / "result.json").read_text(encoding="utf-8"))
    ds = build_dataset([result], merge([result]))
    names = {str(g.identifier) for g in ds.graphs() if len(g)}
    assert any(n.endswith("/article/7d1cf9ad4b10babf") for n in names)
