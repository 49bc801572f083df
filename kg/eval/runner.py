"""Evaluation runs: build the gold corpus with the real build (``kg.build.analyse`` + ``assemble``), or read
a graph file built earlier, then score what the graph says. Each run returns a JSON-ready dict."""
from __future__ import annotations

import tempfile
import time
from pathlib import Path

from rdflib import Graph

from .. import export
from ..build import BuildReport, analyse, assemble, stderr_progress
from ..paths import ROOT, SEEDS_DIR
from . import conll, factru
from .diagnose import annotate, summary
from .graphview import GROUP_ROOTS, group_spans, load_graph, read_view
from .occupation import score_occupations
from .spans import Score, Span, score_spans

FACTRU_TARGETS = {"Person": 0.96, "Location": 0.92, "Organization": 0.80, "Occupation": 0.55}
KAZNERD_TARGETS = {"PERSON": 0.80, "GPE+LOCATION": 0.80, "ORGANISATION+FACILITY": 0.60}
KAZNERD_GROUPS = {"PERSON": GROUP_ROOTS["Person"], "GPE+LOCATION": GROUP_ROOTS["Location"],
                  "ORGANISATION+FACILITY": GROUP_ROOTS["Organization"]}
SEEDS_GOLD = ROOT / "tests" / "gold_seeds.json"
DEVNEWS_DIR = ROOT.parent / "shared" / "data" / "devnews"   # ../shared/data/devnews beside the checkout


def build_graph(inputs: list, out: Path | None = None, quiet: bool = False) -> tuple[Graph, dict]:
    """The real build, in memory; ``out`` also gets graph.ttl and graph.nq as ``kg build`` writes them."""
    started = time.perf_counter()
    report = BuildReport()
    results = list(analyse(inputs, report, None if quiet else stderr_progress))
    ds, graph = assemble(results)
    if out is not None:
        export.write_atomic(Path(out) / "graph.ttl", export.turtle(graph))
        export.write_atomic(Path(out) / "graph.nq", export.nquads(ds))
    info = {"built": report.articles, "failed": [str(e) for e in report.failed], "triples": len(graph),
            "build_seconds": round(time.perf_counter() - started, 1)}
    return graph, info


def obtain_graph(inputs: list, graph_file: Path | None, out: Path | None, quiet: bool) -> tuple[Graph, dict]:
    if graph_file is not None:
        return load_graph(Path(graph_file)), {"graph_file": str(graph_file)}
    return build_graph(inputs, out, quiet)


def score_rows(system: str, gold: dict, pred: dict, targets: dict, errors: dict | None = None) -> list[dict]:
    """One row per class and match mode; the overlap errors go into ``errors`` when given."""
    rows = []
    for cls in gold:
        for mode in ("exact", "overlap"):
            score = score_spans(gold[cls], pred.get(cls, []), mode)
            rows.append({"system": system, "class": cls, "match": mode, "target_f1": targets.get(cls),
                         **score.numbers()})
            if errors is not None and mode == "overlap":
                errors[cls] = {"false_positives": [s.to_json() for s in score.false_pos],
                               "false_negatives": [s.to_json() for s in score.false_neg]}
    return rows


def _merge(per_doc: list[dict]) -> dict:
    out: dict = {}
    for spans in per_doc:
        for cls, items in spans.items():
            out.setdefault(cls, []).extend(items)
    return out


def _restrict(pred: dict, docs: set[str]) -> dict:
    return {cls: [s for s in spans if s.doc in docs] for cls, spans in pred.items()}


def occupation_row(score: Score) -> dict:
    return {"system": "graph", "class": "Occupation", "match": "fact",
            "target_f1": FACTRU_TARGETS["Occupation"], **score.numbers()}


# Bare natasha NER (NewsNERTagger, PER / LOC / ORG): a comparison row that does not go through the build or
# the graph. It tags the same decoded texts; its spans go through the same scorer.
NATASHA_CLASSES = {"PER": "Person", "LOC": "Location", "ORG": "Organization"}


def natasha_spans(texts: list[tuple[str, str]], classes: dict[str, str] = NATASHA_CLASSES) -> dict[str, list[Span]]:
    """(doc name, text) pairs -> predicted spans per evaluation class."""
    from natasha import Doc, NewsEmbedding, NewsNERTagger, Segmenter

    segmenter, tagger = Segmenter(), NewsNERTagger(NewsEmbedding())
    out: dict[str, list[Span]] = {cls: [] for cls in sorted(set(classes.values()))}
    for name, text in texts:
        doc = Doc(text)
        doc.segment(segmenter)
        doc.tag_ner(tagger)
        for span in doc.spans:
            if span.type in classes:
                out[classes[span.type]].append(Span(name, span.start, span.stop, text[span.start:span.stop]))
    return out


def eval_factru(folder: Path, graph_file=None, out=None, baseline=True, quiet=False) -> dict:
    started = time.perf_counter()
    docs = factru.read_split(Path(folder))
    names = {d.name for d in docs}
    graph, info = obtain_graph(factru.doc_files(Path(folder)), graph_file, out, quiet)
    view = read_view(graph)
    gold = _merge([d.gold_mentions() for d in docs])
    errors: dict = {}
    rows = score_rows("graph", gold, _restrict(group_spans(view), names), FACTRU_TARGETS, errors)
    occupation = score_occupations(docs, view)
    rows.append(occupation_row(occupation))
    errors["Occupation"] = {"false_positives": occupation.false_pos, "false_negatives": occupation.false_neg}
    result = {"corpus": "factRuEval-2016", "folder": str(folder), "documents": len(docs), **info,
              "rows": rows}
    base = None
    if baseline:
        base_started = time.perf_counter()
        base = natasha_spans([(d.name, d.text) for d in docs])
        rows += score_rows("natasha NER (no graph)", gold, base, FACTRU_TARGETS)
        result["baseline_seconds"] = round(time.perf_counter() - base_started, 1)
    annotate(errors, view, gold, base)
    result.update(error_summary=summary(errors), errors=errors, seconds=round(time.perf_counter() - started, 1))
    return result


def eval_conll(path: Path, split="heldout", per_article=50, language="kk", limit=None, graph_file=None,
               out=None, quiet=False, split_fn=None) -> dict:
    started = time.perf_counter()
    sentences = conll.select(conll.read_conll(Path(path)), split, split_fn)[:limit]
    articles = conll.to_articles(sentences, per_article, name="corpus.jsonl")
    with tempfile.TemporaryDirectory(prefix="kg-eval-") as tmp:
        folder = Path(out) if out is not None else Path(tmp)   # with --out the input is kept beside the graph
        folder.mkdir(parents=True, exist_ok=True)
        source = conll.write_jsonl(articles, folder / "corpus.jsonl", language)
        graph, info = obtain_graph([source], graph_file, out, quiet)
    view = read_view(graph)
    gold = _merge([a.gold for a in articles])
    pred = _restrict(group_spans(view, KAZNERD_GROUPS), {a.source for a in articles})
    errors: dict = {}
    rows = score_rows("graph", gold, pred, KAZNERD_TARGETS, errors)
    annotate(errors, view, gold)
    return {"corpus": "CoNLL/IOB2", "file": str(path), "split": split, "sentences": len(sentences),
            "articles": len(articles), **info, "rows": rows, "error_summary": summary(errors), "errors": errors,
            "seconds": round(time.perf_counter() - started, 1)}


def eval_seeds(folder: Path = SEEDS_DIR, gold_path: Path = SEEDS_GOLD, graph_file=None, out=None,
               quiet=False) -> dict:
    from .seedscore import load_gold, score_seeds

    started = time.perf_counter()
    graph, info = obtain_graph([Path(folder)], graph_file, out, quiet)
    result = score_seeds(graph, load_gold(gold_path))
    return {"corpus": "seeds", "folder": str(folder), **info, **result,
            "seconds": round(time.perf_counter() - started, 1)}


def eval_news(folder: Path = DEVNEWS_DIR, graph_file=None, out=None, quiet=False, groups=None) -> dict:
    """A devnews-style folder (articles/*.txt + gold.json): build the articles (or read ``graph_file``) and
    score the graph by the folder's matching conventions (kg.eval.news)."""
    from .news import load_gold, restrict_gold, score_news

    started = time.perf_counter()
    folder = Path(folder)
    gold = restrict_gold(load_gold(folder / "gold.json"), set(groups) if groups else None)
    inputs = [folder / "articles" / a["file"] for a in gold.get("articles", [])]
    graph, info = obtain_graph(inputs, graph_file, out, quiet)
    result = score_news(graph, gold)
    return {"corpus": "news", "folder": str(folder), "articles": len(inputs), **info, **result,
            "seconds": round(time.perf_counter() - started, 1)}
