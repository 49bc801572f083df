"""The one module that knows every stage: read -> NLP -> extract -> merge -> graph -> files."""
from __future__ import annotations

import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from rdflib import Graph
from rdflib.namespace import RDF

from . import export
from .errors import InputError, InputWarning
from .extract import extract
from .gazetteer import load_gazetteer
from .graph import build_dataset, concept_triples, gazetteer_triples, union_graph
from .link import EntityTable
from .nlp import pipeline
from .nlp.chunking import process_in_pieces
from .records import Article, ArticleResult
from .sources import read_articles
from .vocab import HC


@dataclass
class BuildReport:
    articles: int = 0
    failed: list[InputError] = field(default_factory=list)
    warnings: list[InputWarning] = field(default_factory=list)
    classes: Counter = field(default_factory=Counter)
    triples: int = 0
    seconds: float = 0.0
    files: list[Path] = field(default_factory=list)
    violations: list = field(default_factory=list)

    def summary(self) -> str:
        lines = [f"articles read: {self.articles}, failed: {len(self.failed)}"]
        lines += [f"  failed: {err}" for err in self.failed]
        lines += [f"  warning: {w}" for w in self.warnings]
        lines.append("resources: " + ", ".join(f"{cls} {n}" for cls, n in sorted(self.classes.items())))
        lines.append(f"triples: {self.triples}")
        if self.violations:
            lines.append(f"shape violations: {len(self.violations)}")
        lines.append(f"seconds: {self.seconds:.1f}")
        lines += [f"wrote {p}" for p in self.files]
        return "\n".join(lines)


def process(article: Article) -> ArticleResult:
    """One article through NLP and extraction (over 200k characters: in pieces, offsets intact);
    independent of every other article."""
    return process_in_pieces(article, _nlp_and_extract)


def _nlp_and_extract(article: Article) -> ArticleResult:
    doc = pipeline(article.language)(article.masked_text())
    return extract(article, doc)


def analyse(inputs: Iterable, report: BuildReport, progress: Callable[[str], None] | None = None):
    """Yield ArticleResults; unreadable or failing articles are recorded in the report and skipped."""
    seen: set[tuple[str, str]] = set()
    for item in read_articles(inputs):
        if isinstance(item, InputWarning):
            report.warnings.append(item)
            continue
        if isinstance(item, InputError):
            report.failed.append(item)
            continue
        if (item.origin, item.source) in seen:
            report.failed.append(InputError(item.source, "duplicate article id; the first one was kept"))
            continue
        seen.add((item.origin, item.source))
        try:
            result = process(item)
        except Exception as err:  # one bad article must not stop the others
            report.failed.append(InputError(item.source, f"could not be processed: {type(err).__name__}: {err}"))
            continue
        report.articles += 1
        if progress and report.articles % 50 == 0:
            progress(f"{report.articles} articles")
        yield result


def assemble(results: list[ArticleResult]):
    """Merge per-article results into a Dataset (one graph per article + gazetteer) and its union."""
    gaz = load_gazetteer()
    table = EntityTable()
    used: set[str] = set()
    for result in results:
        table.add_result(result)
        used.update(e.key for e in result.entities if gaz.get(e.key) is not None)
    resources = {k: r for k, r in table.resources().items() if gaz.get(k) is None}
    concepts = {f.value for r in results for f in r.facts if f.kind == "concept"}
    reference = list(gazetteer_triples(gaz, used)) + list(concept_triples(concepts))
    ds = build_dataset(results, resources, reference)
    return ds, union_graph(ds)


def build(inputs: Iterable, out: Path, *, lang: str = "ru", validate: bool = True,
          progress: Callable[[str], None] | None = None) -> BuildReport:
    started = time.perf_counter()
    report = BuildReport()
    results = list(analyse(inputs, report, progress))
    ds, graph = assemble(results)
    report.triples = len(graph)
    report.classes = Counter(str(o).rsplit("#", 1)[-1] for o in graph.objects(None, RDF.type)
                             if str(o).startswith(str(HC._NS)))
    if validate:
        report.violations = _validate(graph, results)
    out = Path(out)
    _write(out, ds, graph, lang, report)
    report.seconds = time.perf_counter() - started
    return report


def _validate(graph: Graph, results: list[ArticleResult]) -> list:
    try:
        from .validate import validate
    except ImportError:  # pragma: no cover - validation module not present
        return []
    from .iris import article_iri

    sources = {str(article_iri(r.article.source, r.article.origin)): r.article.text for r in results}
    return list(validate(graph, sources=sources).violations)


def _write(out: Path, ds, graph: Graph, lang: str, report: BuildReport) -> None:
    """Render every output first, then replace the files: a failure leaves the previous build whole."""
    from .viz import render_page

    rendered = {"graph.ttl": export.turtle(graph), "graph.nq": export.nquads(ds),
                "graph.html": render_page(graph, lang=lang)}
    for name, data in rendered.items():
        export.write_atomic(out / name, data)
        report.files.append(out / name)


def stderr_progress(message: str) -> None:
    print(f"[kg] {message}", file=sys.stderr, flush=True)
