"""Labels per language: the ontology's (classes, properties, SKOS concepts) and the graph's own.

A label table is ``{lang: text}``; an untagged literal is filed under ``""``. ``pick`` chooses the
requested language, then ru, kk, en, then anything.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Iterable

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS, SKOS

from .. import paths
from ..vocab import PREFIXES

LANGS = ("ru", "kk", "en")
Labels = dict[str, str]

_BY_LENGTH = sorted(PREFIXES.items(), key=lambda item: -len(item[1]))


@lru_cache(maxsize=4096)
def qname(iri: URIRef) -> str:
    """'https://w3id.org/hckg/ontology#holdsPost' -> 'hc:holdsPost'; unknown namespaces stay full IRIs."""
    text = str(iri)
    for prefix, ns in _BY_LENGTH:
        if text.startswith(ns) and len(text) > len(ns):
            return f"{prefix}:{text[len(ns):]}"
    return text


def local_name(iri: URIRef) -> str:
    text = str(iri).rstrip("/#")
    return text.rsplit("#", 1)[-1].rsplit("/", 1)[-1] or text


def pick(labels: Labels, lang: str) -> str | None:
    for key in (lang, *LANGS, ""):
        if labels.get(key):
            return labels[key]
    return next(iter(labels.values()), None)


def collect(literals: Iterable[object]) -> Labels:
    """The first literal per language tag, in a stable (sorted) order."""
    out: Labels = {}
    for lit in sorted((o for o in literals if isinstance(o, Literal)), key=str):
        out.setdefault(lit.language or "", str(lit))
    return out


@lru_cache(maxsize=4)
def ontology_labels(path: Path = paths.ONTOLOGY) -> dict[str, Labels]:
    """qname of every labelled ontology term -> its labels (skos:prefLabel before rdfs:label)."""
    onto = Graph().parse(path, format="turtle")
    table: dict[str, Labels] = {}
    for subject in set(onto.subjects(RDFS.label)) | set(onto.subjects(SKOS.prefLabel)):
        labels = collect(onto.objects(subject, RDFS.label))
        labels.update(collect(onto.objects(subject, SKOS.prefLabel)))
        table[qname(subject)] = labels
    return table
