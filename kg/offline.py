"""Queries stay on this machine and leave the data as it is: SERVICE, updates (LOAD, INSERT, DROP…) and FROM /
FROM NAMED of graphs that are not in the loaded data are refused before an engine sees the query, with one
line that says why; so are queries nested deeper than any parser here survives. rdflib's own loading of FROM graphs is switched off as well, so nothing is fetched even
by a query this check did not foresee.
"""
from __future__ import annotations

import re

import rdflib.plugins.sparql

from .errors import QueryError
from .vocab import PREFIXES

rdflib.plugins.sparql.SPARQL_LOAD_GRAPHS = False      # FROM <x> never parses x from the web or the disk

_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
# Strings (long and short), IRIs and comments: keywords inside them are not keywords.
_OPAQUE = re.compile(r"""'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\""""
                     r"""|'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|<[^<>"{}|^`\\\x00-\x20]*>|\#[^\n]*""", re.S)
_WORD = r"(?<![\w?$:.@\-])({})(?![\w:\-])"
_SERVICE = re.compile(_WORD.format("SERVICE"), re.I)
_UPDATE = re.compile(_WORD.format("LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|INSERT|DELETE|WITH"), re.I)
_FROM = re.compile(_WORD.format("FROM"), re.I)
_BRACKET = re.compile(r"[{}()\[\]]")
MAX_DEPTH = 200             # Oxigraph's parser overflows its stack (a segfault) on a few thousand levels


def _expand(text: str) -> str:
    """SPARQL applies \\u and \\U escapes before parsing: 'S\\u0045RVICE' is SERVICE."""
    def char(m: re.Match) -> str:
        code = int(m.group(1) or m.group(2), 16)
        return chr(code) if code <= 0x10FFFF else m.group()
    return _ESCAPE.sub(char, text)


def keywords(text: str) -> str:
    """The query with strings, IRIs and comments blanked: what is left are keywords, names and variables."""
    return _OPAQUE.sub(" ", _expand(text))


def check_query(text: str, graphs=None) -> None:
    """Refuse what could reach the network or change data. ``graphs``: names of the graphs in the loaded
    data, which FROM / FROM NAMED may name (None: the FROM check waits until the data is loaded)."""
    bare = keywords(text)
    _check_depth(bare)
    if _SERVICE.search(bare):
        raise QueryError("SERVICE is refused: queries here never reach the network")
    update = _UPDATE.search(bare)
    if update:
        raise QueryError(f"{update.group(1).upper()} is refused: this is a read-only query service "
                         "(no updates, no LOAD)")
    if graphs is not None and _FROM.search(bare):
        for iri in dataset_iris(text):
            if iri not in graphs:
                raise QueryError(f"FROM <{iri}> is refused: only graphs of the loaded data may be named "
                                 "(nothing is fetched from the network)")


def _check_depth(bare: str) -> None:
    depth = 0
    for m in _BRACKET.finditer(bare):
        depth += 1 if m.group() in "{([" else -1
        if depth > MAX_DEPTH:
            raise QueryError(f"query nested over {MAX_DEPTH} levels deep; refused")


def dataset_iris(text: str) -> list[str]:
    """The IRIs a query's FROM / FROM NAMED clauses name (prefixes resolved); [] if rdflib cannot parse it."""
    from rdflib.plugins.sparql import prepareQuery

    try:
        query = prepareQuery(text, initNs=PREFIXES)
    except Exception:  # an engine-specific syntax: that engine reports it; its FROM fetches nothing
        return []
    clauses = getattr(query.algebra, "datasetClause", None) or []
    return [str(c.default or c.named) for c in clauses]
