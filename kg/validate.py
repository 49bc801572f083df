"""Validate a graph against ``ontology/shapes.ttl`` (pyshacl, RDFS inference over the ontology) and check
each mention's ``nif:anchorOf`` against its article's text.

Every problem becomes a ``Violation`` naming the resource, the rule (the shape's sh:message) and the
article(s) it comes from (``prov:wasDerivedFrom``, ``nif:referenceContext`` or ``hc:denotedBy``).
The build calls ``validate`` on every build; ``kg validate GRAPH [--sources DIR]`` is the CLI.
"""
from __future__ import annotations

import argparse
import logging
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, SH

from . import paths
from .errors import GraphError
from .results import Cell
from .vocab import HC, NIF

ANCHOR_RULE = "nif:anchorOf must equal the article text[nif:beginIndex:nif:endIndex]"


@dataclass(frozen=True, order=True)
class Violation:
    resource: str
    rule: str
    articles: tuple[str, ...] = ()
    path: str | None = None
    value: str | None = None

    def __str__(self) -> str:
        where = ", ".join(self.articles) or "(no article)"
        extra = "".join(f" {k}={v}" for k, v in (("path", self.path), ("value", self.value)) if v)
        return f"{where}: <{self.resource}>: {self.rule}{extra}"


@dataclass
class Report:
    triples: int
    violations: list[Violation] = field(default_factory=list)

    @property
    def conforms(self) -> bool:
        return not self.violations

    def summary(self) -> str:
        if self.conforms:
            return f"conforms: {self.triples} triples, 0 violations"
        return f"does not conform: {self.triples} triples, {len(self.violations)} violations"

    def text(self) -> str:
        return "\n".join([*(str(v) for v in self.violations), self.summary()])


@lru_cache(maxsize=1)
def _shapes_and_ontology() -> tuple[Graph, Graph]:
    return Graph().parse(paths.SHAPES, format="turtle"), Graph().parse(paths.ONTOLOGY, format="turtle")


def as_graph(graph) -> Graph:
    """One graph holding every triple (a Dataset's named graphs are merged: shapes cross them)."""
    if type(graph) is Graph:
        return graph
    merged = Graph()
    for s, p, o, *_ in graph.quads((None, None, None)) if hasattr(graph, "quads") else graph:
        merged.add((s, p, o))
    return merged


def validate(graph, *, sources: dict[str, str] | None = None) -> Report:
    """SHACL-validate ``graph`` (Graph or Dataset); ``sources`` maps article IRI or hc:sourceFile to the
    article text so mention anchors are checked too."""
    try:
        from pyshacl import validate as shacl_validate
    except ImportError:
        raise GraphError("pyshacl is not installed: pip install pyshacl (or validate with kg.checks)") from None
    data = as_graph(graph)
    shapes, ontology = _shapes_and_ontology()
    _, results, _ = shacl_validate(data, shacl_graph=shapes, ont_graph=ontology, inference="rdfs",
                                   abort_on_first=False, allow_infos=True, allow_warnings=True)
    violations = {_violation(data, results, r) for r in results.subjects(RDF.type, SH.ValidationResult)}
    violations.update(anchor_violations(data, sources or {}))
    return Report(len(data), sorted(violations))


def _violation(data: Graph, results: Graph, node) -> Violation:
    focus = results.value(node, SH.focusNode)
    message = results.value(node, SH.resultMessage)
    if message is None:
        message = results.value(node, SH.sourceConstraintComponent).split("#")[-1]
    path, value = results.value(node, SH.resultPath), results.value(node, SH.value)
    return Violation(str(focus), str(message), articles_of(data, focus),
                     Cell("iri", str(path)).short() if isinstance(path, URIRef) else None,
                     None if value is None or value == focus else str(value))


def articles_of(data: Graph, node) -> tuple[str, ...]:
    """The articles a resource comes from, by source file when known (else IRI)."""
    found = set(_direct_articles(data, node))
    if not found:
        for subject in data.subjects(None, node):
            found.update(_direct_articles(data, subject))
    return tuple(sorted(str(data.value(a, HC.sourceFile) or a) for a in found))


def _direct_articles(data: Graph, node):
    if (node, RDF.type, HC.Article) in data or data.value(node, HC.sourceFile) is not None:
        yield node
    yield from data.objects(node, PROV.wasDerivedFrom)
    yield from data.objects(node, NIF.referenceContext)
    for mention in data.objects(node, HC.denotedBy):
        yield from data.objects(mention, NIF.referenceContext)


def anchor_violations(data: Graph, sources: dict[str, str]):
    """Mentions whose nif:anchorOf is not exactly text[begin:end] of the article's text."""
    for mention in set(data.subjects(NIF.referenceContext, None)):
        article = data.value(mention, NIF.referenceContext)
        text = sources.get(str(article))
        if text is None:
            text = sources.get(str(data.value(article, HC.sourceFile)))
        if text is None:
            continue
        begin, end, anchor = (data.value(mention, p) for p in (NIF.beginIndex, NIF.endIndex, NIF.anchorOf))
        if not all(isinstance(x, Literal) for x in (begin, end, anchor)):
            continue  # missing or malformed offsets are reported by the shapes
        try:
            b, e = int(begin), int(end)
        except (TypeError, ValueError):
            continue
        if not (0 <= b < e <= len(text)) or text[b:e] != str(anchor):
            yield Violation(str(mention), ANCHOR_RULE, articles_of(data, mention), "nif:anchorOf", str(anchor))


def read_sources(folder: Path) -> dict[str, str]:
    """sourceFile -> text for the articles in an input folder, read exactly as the build reads them."""
    from .sources import read_articles  # the input reader: decoding, JSONL ids

    if not Path(folder).is_dir():
        raise GraphError(f"{folder}: --sources must be the input folder the graph was built from")
    return {a.source: a.text for a in read_articles([folder]) if not isinstance(a, Exception)}


def validate_file(graph_file: Path, sources_dir: Path | None = None) -> Report:
    from .query import load_rdflib

    sources = read_sources(sources_dir) if sources_dir else None
    return validate(load_rdflib(Path(graph_file)), sources=sources)


def add_validate(subparsers) -> argparse.ArgumentParser:
    p = subparsers.add_parser("validate", help="check a graph against the SHACL shapes (and mention anchors)")
    p.add_argument("graph", type=Path, help="graph file: .ttl, .nq, .nt or .trig")
    p.add_argument("--sources", type=Path, help="the input folder, to check nif:anchorOf against the texts")
    p.set_defaults(func=validate_cli)
    return p


def validate_cli(args: argparse.Namespace) -> int:
    logging.getLogger("rdflib.term").setLevel(logging.CRITICAL)  # ill-typed literals: reported below
    report = validate_file(args.graph, args.sources)
    if report.conforms:
        print(report.summary())
        return 0
    print(report.text())
    return 1
