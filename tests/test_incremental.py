"""Incremental assembly (kg.incremental): a rebuild that adds, changes or removes an article updates the
previous build's outputs, and everything it writes equals a fresh full build's: graph.ttl, graph.nq, the
page, the manifest, the store's quads and named graphs, the violations."""
from __future__ import annotations

import hashlib
import shutil
import sys
from dataclasses import replace
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg import iris
from kg.build import BuildReport, Planned, build, write_outputs
from kg.cache import ResultCache
from kg.records import Article, ArticleResult, Entity, Fact, Mention

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from textgen import write_corpus  # noqa: E402

FILES = ("graph.ttl", "graph.nq", "graph.html", "manifest.json")


def _store(folder: Path) -> tuple[list[str], list[str]]:
    store = ox.Store.read_only(str(folder / "store"))
    return sorted(map(str, store)), sorted(map(str, store.named_graphs()))


def _same(a: Path, b: Path) -> None:
    for name in FILES:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name
    assert _store(a) == _store(b)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    src = tmp_path_factory.mktemp("src")
    write_corpus(src, 6, seed=21, size=500)
    out = tmp_path_factory.mktemp("inc") / "out"
    report = build([src], out, workers=1)
    assert report.articles == 6 and not report.incremental
    return out


def _fresh(src: Path, out: Path, tmp: Path) -> Path:
    """A full build of ``src`` from the same result cache (no NLP), into another folder."""
    fresh = tmp / "fresh"
    (fresh / ".kg").mkdir(parents=True)
    shutil.copytree(out / ".kg" / "cache", fresh / ".kg" / "cache")
    report = build([src], fresh, workers=1)
    assert not report.incremental and report.processed == 0
    return fresh


@pytest.mark.parametrize("change", ["added", "changed", "removed"])
def test_an_added_changed_or_removed_article_updates_the_build_to_fresh_bytes(built, tmp_path, change):
    src, out = tmp_path / "src", tmp_path / "out"
    write_corpus(src, 6, seed=21, size=500)
    shutil.copytree(built, out, symlinks=True)
    if change == "added":
        write_corpus(src, 1, seed=21, size=500, start=6)
    elif change == "changed":
        path = src / "a000003.txt"
        path.write_text(path.read_text(encoding="utf-8") + "Главный врач больницы Олег Зорин ушёл в отставку.\n",
                        encoding="utf-8")
    else:
        (src / "a000004.txt").unlink()
    report = build([src], out, workers=1)
    assert report.incremental and report.processed == (0 if change == "removed" else 1)
    assert "assembly: incremental" in report.summary()
    fresh = _fresh(src, out, tmp_path)
    _same(out / ".kg" / "current", fresh / ".kg" / "current")
    again = build([src], out, workers=1)                      # nothing changed: the same bytes again
    assert again.incremental and again.processed == 0
    _same(out / ".kg" / "current", fresh / ".kg" / "current")


# ---------------------------------------------------------------------------------------- violations

CONTEXT_RULE = "a mention has exactly one nif:referenceContext, an hc:Article"


def _bad(source: str) -> ArticleResult:
    """A tenure ending before it starts (goes with the article), and a mention whose context is another
    article's IRI: an sh:class violation that holds while no article types that IRI, so it changes when that
    other article comes or goes although the mention's own statements do not."""
    text = "Тестовый текст о назначении."
    other = str(iris.article_iri("person.txt"))
    return ArticleResult(
        article=Article(id=source, source=source, text=text),
        entities=(Entity("tenure:t1", "Tenure"), Entity("post:p1", "Post", (("ru", "должность"),))),
        facts=(Fact("tenure:t1", "hc:tenureOf", "person:зорин тест"),
               Fact("tenure:t1", "hc:tenurePost", "post:p1"),
               Fact("tenure:t1", "hc:startDate", "2020-05-01", "date"),
               Fact("tenure:t1", "hc:endDate", "2019-01-01", "date"),
               Fact("post:p1", "hc:denotedBy", "mention:m1"),
               Fact("mention:m1", "nif:referenceContext", other, "iri")),
        mentions=(Mention("post:p1", 0, 8, "Тестовый"),))


def _person(source: str) -> ArticleResult:
    text = "Зорин Тест"
    return ArticleResult(article=Article(id=source, source=source, text=text),
                         entities=(Entity("person:зорин тест", "Person", (("ru", "Зорин Тест"),)),),
                         mentions=(Mention("person:зорин тест", 0, 10, text),))


def _assemble(tmp: Path, name: str, results: list[ArticleResult], previous: Path | None = None):
    cache = ResultCache(tmp / "cache")
    planned = []
    for r in results:
        key = hashlib.blake2b(r.dumps().encode(), digest_size=16).hexdigest()
        cache.put(key, r)
        planned.append(Planned(str(iris.article_iri(r.article.source)), r.article.source, key))
    staged = tmp / name
    staged.mkdir()
    report = BuildReport()
    write_outputs(staged, sorted(planned), cache, report, lang="ru", validate=True, page=True, previous=previous)
    return staged, report


@pytest.fixture(scope="module")
def real_results(built) -> list[ArticleResult]:
    cache = ResultCache(built / ".kg" / "cache")
    return [cache.get(p.stem) for p in sorted((built / ".kg" / "cache").rglob("*.json"))]


def test_violations_follow_added_and_removed_articles_as_in_a_fresh_build(real_results, tmp_path):
    base = [*real_results, _bad("bad.txt")]
    steps = [("first", base, None), ("typed", [*base, _person("person.txt")], "first"),
             ("untyped", [*real_results, _person("person.txt")], "typed"),
             ("changed", [*real_results, replace(_person("person.txt"), entities=())], "untyped")]
    for name, results, previous in steps:
        inc, report = _assemble(tmp_path, name, results, tmp_path / previous if previous else None)
        assert report.incremental == (previous is not None)
        fresh, expected = _assemble(tmp_path, name + "-fresh", results)
        _same(inc, fresh)
        assert report.violations == expected.violations and report.classes == expected.classes
        assert report.triples == expected.triples
        tenure = {v.rule for v in report.violations if v.resource == str(iris.entity_iri("tenure:t1"))}
        mention = {v.rule for v in report.violations if v.resource == str(iris.entity_iri("mention:m1"))}
        assert any("before" in r for r in tenure) == (name in ("first", "typed"))
        assert (CONTEXT_RULE in mention) == (name == "first")
