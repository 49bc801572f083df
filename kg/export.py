"""Fast, deterministic writers: N-Triples terms, N-Quads and Turtle written line by line from sorted
statements, so the same statements give the same bytes whatever the order they arrived in.

Every statement is kept as its N-Triples text (``<s> <p> "o"@ru``); sorting those strings groups a subject's
statements together, which is all the Turtle writer needs. Prefixed names are used only where the local part
needs no escaping (``hc:Person``, ``xsd:date``); every other IRI is written in full, so Virtuoso, rapper,
rdflib and Oxigraph all read back the IRIs that were built (ontology.md: triplestore pitfalls).
"""
from __future__ import annotations

import os
import re
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import IO, Iterable, Iterator

from rdflib import BNode, Dataset, Graph, Literal, URIRef

from .vocab import PREFIXES

_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"}
_NEEDS_ESCAPE = re.compile(r'[\\"\n\r\x00-\x08\x0b\x0c\x0e-\x1f\x7f]')
_SAFE_LOCAL = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")
_IRI_BAD = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_BY_LENGTH = sorted(PREFIXES.items(), key=lambda item: -len(item[1]))
LITERAL_PLAIN = ("http://www.w3.org/2001/XMLSchema#string",)


def _escape_char(match: re.Match) -> str:
    ch = match.group(0)
    return _ESCAPES.get(ch) or f"\\u{ord(ch):04X}"


def nt_literal(value: str, lang: str | None = None, datatype: str | None = None) -> str:
    body = _NEEDS_ESCAPE.sub(_escape_char, value)
    if lang:
        return f'"{body}"@{lang}'
    if datatype and datatype not in LITERAL_PLAIN:
        return f'"{body}"^^<{datatype}>'
    return f'"{body}"'


def nt(term) -> str:
    """One RDF term (rdflib) as N-Triples text."""
    if isinstance(term, URIRef):
        iri = str(term)
        if _IRI_BAD.search(iri):
            raise ValueError(f"IRI with a character N-Triples cannot carry: {iri!r}")
        return f"<{iri}>"
    if isinstance(term, Literal):
        return nt_literal(str(term), term.language, str(term.datatype) if term.datatype else None)
    if isinstance(term, BNode):
        return f"_:{term}"
    raise TypeError(f"not an RDF term: {term!r}")


def nt_triple(s, p, o) -> str:
    """A statement without its final ' .': the sort key and the unit every writer here works on."""
    return f"{nt(s)} {nt(p)} {nt(o)}"


# ------------------------------------------------------------------------------------------------ N-Quads

def nquad_lines(graph_iri: str, triples: Iterable[str]) -> Iterator[str]:
    """``triples`` (N-Triples text, sorted and unique) in the named graph ``graph_iri``."""
    g = f" <{graph_iri}> .\n"
    for t in triples:
        yield t + g


def nquads(ds: Dataset) -> str:
    """N-Quads of an rdflib Dataset: graphs in IRI order, statements sorted within each graph."""
    graphs: dict[str, set[str]] = {}
    for s, p, o, g in ds.quads((None, None, None, None)):
        name = str(g.identifier if hasattr(g, "identifier") else g)
        graphs.setdefault(name, set()).add(nt_triple(s, p, o))
    return "".join(line for name in sorted(graphs) for line in nquad_lines(name, sorted(graphs[name])))


# ------------------------------------------------------------------------------------------------ Turtle

_DATA_IRI = "<" + PREFIXES["id"]          # data IRIs: kind/hash locals, never a prefixed name


@lru_cache(maxsize=1 << 16)
def _compact(term: str) -> str:
    if term.startswith(_DATA_IRI):
        return term
    if not term.startswith("<"):
        if "^^<" in term and term.endswith(">"):          # a typed literal: xsd:date, not <...#date>
            body, _, datatype = term.rpartition("^^")
            return f"{body}^^{_compact(datatype)}"
        return term
    iri = term[1:-1]
    for prefix, ns in _BY_LENGTH:
        if iri.startswith(ns) and _SAFE_LOCAL.match(iri[len(ns):]):
            return f"{prefix}:{iri[len(ns):]}"
    return term


def turtle_header() -> str:
    return "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in sorted(PREFIXES.items()))


def turtle_lines(sorted_triples: Iterable[str], chunk: int = 8192) -> Iterator[str]:
    """Turtle from sorted N-Triples statements (duplicates allowed; they are dropped): one block per subject,
    ``;`` between predicates, ``,`` between objects. Streaming: memory holds ``chunk`` statements' text."""
    yield turtle_header()
    yield from TurtleWriter().blocks(sorted_triples, chunk)


class TurtleWriter:
    """The subject blocks of graph.ttl (everything after the header). A subject's block depends on that
    subject's statements alone, so the blocks of consecutive runs of subjects, written separately and
    concatenated, are the bytes of the whole (an incremental build rewrites only the runs that changed).

    The same bytes as compacting every term with ``_compact``; the common terms take short paths: data IRIs
    and untyped literals are written as they are; other IRIs and typed literals through a dict bounded at
    ``CACHE`` entries, kept across calls; per predicate the text that opens it is kept too (few predicates)."""

    CACHE = 200_000

    def __init__(self) -> None:
        self.cache: dict[str, str] = {_RDF_TYPE: "a"}
        self.heads: dict[str, tuple[str, str]] = {}      # predicate -> (" ;\n    p ", " p ")

    def _iri(self, term: str) -> str:
        out = self.cache.get(term)
        if out is None:
            out = _compact(term)
            if len(self.cache) < self.CACHE:
                self.cache[term] = out
        return out

    def _object(self, term: str) -> str:
        """An IRI (not a data IRI) or a typed literal, compacted (xsd:date, not <...#date>) and kept."""
        if term[0] == '"':
            body, _, datatype = term.rpartition("^^")
            out = body + "^^" + self._iri(datatype)
        else:
            out = _compact(term)
        if len(self.cache) < self.CACHE:
            self.cache[term] = out
        return out

    def _head(self, predicate: str) -> tuple[str, str]:
        name = self._iri(predicate)
        self.heads[predicate] = out = (" ;\n    " + name + " ", " " + name + " ")
        return out

    def text(self, sorted_triples: Iterable[str]) -> str:
        return "".join(self.blocks(sorted_triples, 1 << 30))

    def blocks(self, sorted_triples: Iterable[str], chunk: int = 8192) -> Iterator[str]:
        get, data, heads, head, obj = self.cache.get, _DATA_IRI, self.heads.get, self._head, self._object
        out: list[str] = []
        append = out.append
        subject = predicate = previous = None
        for line in sorted_triples:
            if line == previous:
                continue
            previous = line
            s, p, o = line.split(" ", 2)
            c = o[0]
            if c == '"':
                if o[-1] == ">":                  # a typed literal (offsets and dates repeat: kept whole)
                    o = get(o) or obj(o)
            elif c == "<" and not o.startswith(data):
                o = get(o) or obj(o)
            if s == subject:
                if p == predicate:
                    append(" ,\n        " + o)
                else:
                    predicate = p
                    append((heads(p) or head(p))[0] + o)
            else:
                if subject is not None:
                    append(" .\n")
                    if len(out) >= chunk:
                        yield "".join(out)
                        out.clear()
                subject, predicate = s, p
                append("\n" + (s if s.startswith(data) else get(s) or self._iri(s)) + (heads(p) or head(p))[1] + o)
        if subject is not None:
            append(" .\n")
        if out:
            yield "".join(out)


_RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"


def turtle(graph: Graph) -> str:
    """Deterministic Turtle of an rdflib Graph (or anything iterating over triples)."""
    return "".join(turtle_lines(sorted({nt_triple(s, p, o) for s, p, o in graph})))


# ------------------------------------------------------------------------------------------------ sorting

from .spool import SortedSpool, batched  # noqa: E402,F401 (light: the checks' child process imports them alone)


# ------------------------------------------------------------------------------------------------ files

def write_lines(path: Path, chunks: Iterable[str]) -> None:
    """Write text chunks to ``path`` (a new file in a staging folder), readable by everyone."""
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        _write_all(fh, chunks)
    os.chmod(path, 0o644)


def _write_all(fh: IO[str], chunks: Iterable[str]) -> None:
    """Large chunks written as they come, small ones gathered first (one write per ~1 MB)."""
    buf: list[str] = []
    size = 0
    for chunk in chunks:
        if len(chunk) > 1 << 18 and not buf:
            fh.write(chunk)
            continue
        buf.append(chunk)
        size += len(chunk)
        if size > 1 << 20:
            fh.write("".join(buf))
            buf, size = [], 0
    fh.write("".join(buf))


def write_atomic(path: Path, data: str | bytes) -> None:
    """One file replaced whole: a temp file in the target folder, then os.replace (mode 0644)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = "wb" if isinstance(data, bytes) else "w"
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, mode, **({} if mode == "wb" else {"encoding": "utf-8", "newline": "\n"})) as fh:
            fh.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
