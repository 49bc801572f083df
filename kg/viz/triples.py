"""Any graph that follows the public contract -> plain triples ``(subject, predicate, object)``.

Subjects and predicates are IRI strings (blank nodes as ``_:id``); an object is an IRI string or a ``Lit``.
Sources: an rdflib Graph or Dataset (every named graph, as a union), a file (.ttl, .nt, .nq, .trig, .rdf,
.jsonld — a SPARQL CONSTRUCT result is one of these), a build folder (its graph.nq, else graph.ttl) or an
Oxigraph store folder. ``clean`` removes bidi controls; the page applies it to all the text it embeds.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Iterable, Iterator, NamedTuple

from ..errors import InputError



class Lit(NamedTuple):
    value: str
    lang: str = ""
    datatype: str = ""


Triple = tuple[str, str, "str | Lit"]


def _lit(fields: tuple[str, str, str]) -> Lit:
    """A Lit without namedtuple's Python-level constructor (this runs once per literal of the graph)."""
    return tuple.__new__(Lit, fields)
_OX_FORMATS = {".ttl": "TURTLE", ".nt": "N_TRIPLES", ".nq": "N_QUADS", ".trig": "TRIG", ".rdf": "RDF_XML",
               ".xml": "RDF_XML", ".owl": "RDF_XML", ".n3": "N3"}
_RDFLIB_FORMATS = {".jsonld": "json-ld", ".json": "json-ld"}


_BIDI = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def clean(text: str) -> str:
    """Text without bidi embedding, override, isolate or mark characters (U+202A–202E, U+2066–2069, U+200E/F)."""
    return _BIDI.sub("", text) if _BIDI.search(text) else text


def from_rdflib(graph) -> Iterator[Triple]:
    from rdflib import BNode, Literal
    from rdflib.graph import ConjunctiveGraph, Dataset

    cache: dict = {}

    def term(t) -> str | Lit:
        out = cache.get(t)
        if out is None:
            if isinstance(t, Literal):
                out = Lit(str(t), t.language or "", str(t.datatype or ""))
            else:
                out = f"_:{t}" if isinstance(t, BNode) else str(t)
            if len(cache) < 2_000_000:
                cache[t] = out
        return out

    if isinstance(graph, (Dataset, ConjunctiveGraph)):
        rows = ((q[0], q[1], q[2]) for q in graph.quads((None, None, None, None)))
    else:
        spo = _memory_index(graph)
        rows = ((s, p, o) for s, pos in spo.items() for p, objs in pos.items() for o in objs) \
            if spo is not None else graph.triples((None, None, None))
    for s, p, o in rows:
        yield term(s), term(p), term(o)


def rows_from_index(spo) -> Rows:
    """Rows straight from rdflib's in-memory subject -> predicate -> objects index (already distinct)."""
    from rdflib import BNode, Literal, URIRef

    def name(t) -> str:
        return str(t) if type(t) is URIRef or not isinstance(t, BNode) else f"_:{t}"

    def term(t):
        kind = type(t)
        if kind is URIRef:
            return str(t)
        if kind is Literal or isinstance(t, Literal):
            return _lit((str(t), t.language or "", str(t.datatype or "")))
        return name(t)

    rows: Rows = {}
    for s, pos in spo.items():
        preds = rows.setdefault(name(s), {})
        for p, objs in pos.items():
            if not objs:
                continue
            values = [term(o) for o in objs]
            preds[name(p)] = sorted(values, key=_object_order) if len(values) > 1 else values
        if not preds:
            del rows[name(s)]
    return rows


def _memory_index(graph):
    """The subject -> predicate -> objects index of a plain in-memory Graph (rdflib's own triples() looks up
    each triple's contexts, which costs more than the rest of the page); None when reading it is not safe."""
    from rdflib import Graph
    spo = getattr(graph.store, "_Memory__spo", None)
    if spo is None or type(graph) is not Graph or len(list(graph.store.contexts())) > 1:
        return None
    return spo


def from_oxigraph(quads) -> Iterator[Triple]:
    import pyoxigraph as ox

    def term(t) -> str | Lit:
        if isinstance(t, ox.Literal):
            return Lit(t.value, t.language or "", t.datatype.value if t.datatype else "")
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


Rows = dict[str, dict[str, list]]  # subject -> predicate -> distinct objects, sorted


def _object_order(o) -> tuple:
    return (1, o.value, o.lang, o.datatype) if isinstance(o, Lit) else (0, o, "", "")


def rows_of(source) -> Rows:
    """Distinct triples of a graph, a dataset (union of its graphs), a file, a folder or an iterable of
    triples, filed by subject and predicate, objects sorted: the same rows whatever order triples came in."""
    if isinstance(source, dict):
        return source                                   # rows already (``rows_from_sorted_nt``)
    if isinstance(source, (str, Path)):
        path = Path(source)
        if not path.exists():
            raise InputError(str(path), "no such file or folder")
        it: Iterable[Triple] = read_folder(path) if path.is_dir() else read_file(path)
    elif hasattr(source, "triples"):
        spo = _memory_index(source)
        if spo is not None:
            return rows_from_index(spo)
        it = from_rdflib(source)
    else:
        it = source
    rows: dict[str, dict[str, dict]] = {}
    for s, p, o in it:
        preds = rows.get(s)
        if preds is None:
            preds = rows[s] = {}
        objs = preds.get(p)
        if objs is None:
            preds[p] = {o: None}
        else:
            objs[o] = None
    out: Rows = {}
    for s, preds in rows.items():
        out[s] = {p: (sorted(objs, key=_object_order) if len(objs) > 1 else list(objs)) for p, objs in preds.items()}
    return out


_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
_NT_ESCAPE = re.compile(r'\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))')
_NT_CHARS = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}


def _unescape(body: str) -> str:
    if "\\" not in body:
        return body
    return _NT_ESCAPE.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)) if m.group(3) is None
                          else _NT_CHARS[m.group(3)], body)


def subject_blocks(path: Path) -> Iterator[tuple[str, list[str]]]:
    """A sorted N-Triples file the build wrote (its union.nt), one subject at a time: the subject's text
    (``<iri>`` or ``_:b``) and its statements' lines (a subject's statements are consecutive)."""
    subject, lines = None, []
    with open(path, encoding="utf-8", newline="\n") as fh:
        for line in fh:
            s = line[:line.index(" ")]
            if s != subject:
                if lines:
                    yield subject, lines
                subject, lines = s, []
            lines.append(line)
    if lines:
        yield subject, lines


def term(text: str, lits: dict | None = None):
    """An N-Triples term's text -> an IRI string (``_:b`` for a blank node) or a ``Lit``."""
    if text[0] == "<":
        return text[1:-1]
    if text[0] != '"':
        return text
    value = lits.get(text) if lits is not None else None
    if value is None:
        end = text.rindex('"')
        rest = text[end + 1:]
        if not rest:
            lang, datatype = "", _XSD_STRING
        elif rest[0] == "@":
            lang, datatype = rest[1:].lower(), _LANG_STRING
        else:
            lang, datatype = "", rest[3:-1]
        value = _lit((_unescape(text[1:end]), lang, datatype))
        if lits is not None and len(lits) < 500_000:
            lits[text] = value
    return value


def block_pairs(lines: list[str]) -> list[list[str]]:
    """[predicate, object] as written, for each N-Triples line of one subject's block (``subject_blocks``)."""
    return [line[:-3].split(" ", 2)[1:] for line in lines]


def add_block(rows: Rows, subject: str, lines: list[str], lits: dict | None = None,
              predicates: frozenset[str] | None = None) -> None:
    """File one subject's statements (``subject_blocks``) in ``rows``; only ``predicates`` if given (each
    predicate kept as one string, not one per statement)."""
    preds = rows.setdefault(term(subject), {})
    for p, o in block_pairs(lines):
        p = _PREDICATES.get(p) or _predicate(p)
        if predicates is not None and p not in predicates:
            continue
        objs = preds.get(p)
        if objs is None:
            preds[p] = [term(o, lits)]
        else:
            objs.append(term(o, lits))
    for p, objs in preds.items():
        if len(objs) > 1:
            preds[p] = sorted(objs, key=_object_order)


_PREDICATES: dict[str, str] = {}


def _predicate(text: str) -> str:
    """A predicate's IRI from its N-Triples text, one string per predicate (a graph has few of them)."""
    iri = text[1:-1]
    if len(_PREDICATES) < 100_000:
        _PREDICATES[text] = iri
    return iri


def rows_from_sorted_nt(path: Path) -> Rows:
    """``rows_of`` for a sorted, duplicate-free N-Triples file the build wrote itself (its union.nt): the
    same rows, read as text (a subject's statements are consecutive, so each is filed once), several times
    faster than building terms through a parser. Any other file goes through ``rows_of``."""
    rows: Rows = {}
    lits: dict[str, Lit] = {}
    for subject, lines in subject_blocks(path):
        add_block(rows, subject, lines, lits)
    return rows
