"""Any graph that follows the public contract -> plain triples ``(subject, predicate, object)``.

Subjects and predicates are IRI strings (blank nodes as ``_:id``); an object is an IRI string or a ``Lit``.
Sources: an rdflib Graph or Dataset (every named graph, as a union), a file (.ttl, .nt, .nq, .trig, .rdf,
.jsonld — a SPARQL CONSTRUCT result is one of these), a build folder (its graph.nq, else graph.ttl) or an
Oxigraph store folder. Literal text is cleaned of bidi controls here, once, so nothing downstream can
reverse a label on screen.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable, Iterator, NamedTuple

from ..errors import InputError

BIDI_CONTROLS = dict.fromkeys([*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F])


class Lit(NamedTuple):
    value: str
    lang: str = ""
    datatype: str = ""


Triple = tuple[str, str, "str | Lit"]
_OX_FORMATS = {".ttl": "TURTLE", ".nt": "N_TRIPLES", ".nq": "N_QUADS", ".trig": "TRIG", ".rdf": "RDF_XML",
               ".xml": "RDF_XML", ".owl": "RDF_XML", ".n3": "N3"}
_RDFLIB_FORMATS = {".jsonld": "json-ld", ".json": "json-ld"}


def clean(text: str) -> str:
    """Text without bidi embedding, override, isolate or mark characters (U+202A–202E, U+2066–2069, U+200E/F)."""
    return text.translate(BIDI_CONTROLS)


def from_rdflib(graph) -> Iterator[Triple]:
    from rdflib import BNode, Literal
    from rdflib.graph import ConjunctiveGraph, Dataset

    def term(t) -> str | Lit:
        if isinstance(t, Literal):
            return Lit(clean(str(t)), t.language or "", str(t.datatype or ""))
        return f"_:{t}" if isinstance(t, BNode) else str(t)

    rows = ((q[0], q[1], q[2]) for q in graph.quads((None, None, None, None))) \
        if isinstance(graph, (Dataset, ConjunctiveGraph)) else graph.triples((None, None, None))
    for s, p, o in rows:
        yield term(s), str(p), term(o)


def from_oxigraph(quads) -> Iterator[Triple]:
    import pyoxigraph as ox

    def term(t) -> str | Lit:
        if isinstance(t, ox.Literal):
            return Lit(clean(t.value), t.language or "", t.datatype.value if t.datatype else "")
        return f"_:{t.value}" if isinstance(t, ox.BlankNode) else t.value

    for q in quads:
        yield term(q.subject), q.predicate.value, term(q.object)


def read_file(path: Path) -> Iterator[Triple]:
    import pyoxigraph as ox

    suffix = path.suffix.lower()
    if suffix in _RDFLIB_FORMATS:
        from rdflib import Dataset
        yield from from_rdflib(Dataset().parse(path, format=_RDFLIB_FORMATS[suffix]))
        return
    if suffix not in _OX_FORMATS:
        raise InputError(str(path), f"unknown graph format {suffix or '(no suffix)'}; expected one of "
                                    f"{', '.join(sorted([*_OX_FORMATS, *_RDFLIB_FORMATS]))}")
    try:
        yield from from_oxigraph(ox.parse(path=str(path), format=getattr(ox.RdfFormat, _OX_FORMATS[suffix])))
    except (SyntaxError, ValueError, OSError) as err:
        raise InputError(str(path), f"cannot be read as {_OX_FORMATS[suffix].lower()}: {err}") from err


def read_folder(path: Path) -> Iterator[Triple]:
    for name in ("graph.nq", "graph.ttl"):
        if (path / name).is_file():
            yield from read_file(path / name)
            return
    import pyoxigraph as ox
    try:
        store = ox.Store.read_only(str(path))
    except OSError as err:
        raise InputError(str(path), "neither a build folder (graph.nq or graph.ttl) nor an Oxigraph store") from err
    yield from from_oxigraph(store.quads_for_pattern(None, None, None, None))


def triples(source) -> set[Triple]:
    """Distinct triples of a graph, a dataset (union of its graphs), a file, a folder or an iterable of triples."""
    if isinstance(source, (str, Path)):
        path = Path(source)
        if not path.exists():
            raise InputError(str(path), "no such file or folder")
        rows: Iterable[Triple] = read_folder(path) if path.is_dir() else read_file(path)
    elif hasattr(source, "triples"):
        rows = from_rdflib(source)
    else:
        rows = source
    return set(rows)
