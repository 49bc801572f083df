"""Shared fixtures. ``seeds_build`` runs the real build once per session; ``sample_build`` writes a small
graph made with kg.graph functions (no NLP) as graph.ttl + graph.nq, the way the build writes them."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
if str(TESTS) not in sys.path:
    sys.path.insert(0, str(TESTS))          # tests/sample_graph.py


@pytest.fixture(scope="session")
def seeds_build(tmp_path_factory) -> Path:
    """Output folder of ``kg build seeds --out DIR`` (graph.ttl, graph.nq, ...), built once per session."""
    out = tmp_path_factory.mktemp("seeds_build")
    done = subprocess.run([sys.executable, "-m", "kg.cli", "build", str(ROOT / "seeds"), "--out", str(out)],
                          cwd=ROOT, capture_output=True, text=True)
    if done.returncode != 0:
        pytest.fail(f"kg build seeds failed ({done.returncode}): {done.stderr.strip()[-2000:]}")
    return out


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory) -> Path:
    from kg import export
    from kg.graph import union_graph
    from sample_graph import sample_dataset

    out = tmp_path_factory.mktemp("sample_build")
    ds = sample_dataset()
    (out / "graph.nq").write_text(export.nquads(ds), encoding="utf-8")
    (out / "graph.ttl").write_text(export.turtle(union_graph(ds)), encoding="utf-8")
    return out


@pytest.fixture(scope="session")
def kk_nlp():
    """The full Kazakh pipeline with the shipped model (kg/models/kk_ner)."""
    from kg.nlp.kk import make_pipeline

    return make_pipeline()


@pytest.fixture(scope="session")
def ru_nlp():
    """The full Russian pipeline (natasha models from its wheel)."""
    from kg.nlp import pipeline

    return pipeline("ru")


@pytest.fixture(scope="session")
def extract_ru(ru_nlp):
    """text -> ArticleResult through the real Russian pipeline and extractors."""
    from kg.extract import extract
    from kg.sources import make_article

    def run(text: str, date: str | None = None):
        article = make_article("t", "t.txt", text, date=date, language="ru")
        return extract(article, ru_nlp(article.masked_text()))

    return run
