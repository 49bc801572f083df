"""Saved SPARQL queries (``ontology/queries/*.rq``) and safe parameters.

A saved query declares its parameters in comment lines ``#@param <name> <type> [default]`` and uses them
as ``$name`` (a SPARQL variable, so the file stays valid SPARQL). ``bind`` validates each value against
its type and replaces ``$name`` with a typed RDF term serialized by rdflib (quotes and backslashes
escaped): values are never pasted into the text raw. The same text runs on rdflib, Oxigraph and Virtuoso.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Literal, URIRef

from . import paths
from .errors import QueryError
from .vocab import XSD

_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")


def _date(value: str) -> Literal:
    datatype = {10: XSD.date, 7: XSD.gYearMonth, 4: XSD.gYear}[len(value)]
    return Literal(value, datatype=datatype)


# type -> (accepted values, what the message says, value -> RDF term)
PARAM_TYPES = {
    "region": (re.compile(r"^(RU|KZ)-[A-Z0-9]{2,3}$"), "an ISO 3166-2 code like RU-LIP or KZ-79", Literal),
    "country": (re.compile(r"^[A-Z]{2}$"), "an ISO 3166-1 alpha-2 code like KZ", Literal),
    "date": (_DATE, "a date YYYY-MM-DD, YYYY-MM or YYYY", _date),
    "lang": (re.compile(r"^(ru|kk|en)$"), "ru, kk or en", Literal),
    "integer": (re.compile(r"^-?\d{1,18}$"), "an integer", lambda v: Literal(int(v))),
    "string": (re.compile(r"^[^\x00-\x1f\x7f]{1,500}$"), "a one-line string", Literal),
    "iri": (re.compile(r"^https?://[^\s<>\"{}|\\^`]+$"), "an http(s) IRI", URIRef),
}
_PARAM_LINE = re.compile(r"^#@param[ \t]+(\w+)[ \t]+(\w+)(?:[ \t]+(\S[^\n]*?))?[ \t]*$", re.M)
# Skip strings, IRIs and comments; match $name everywhere else.
_TOKENS = re.compile(r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\''
                     r'|<[^<>"{}|^`\\\s]*>|#[^\n]*|\$(\w+)')


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    default: str | None = None

    def term(self, value: str) -> str:
        pattern, accepted, make = PARAM_TYPES[self.type]
        if not pattern.fullmatch(value):
            raise QueryError(f"parameter {self.name}={value!r} is not {accepted}")
        return make(value).n3()


@dataclass(frozen=True)
class SavedQuery:
    name: str
    text: str
    description: str = ""
    params: tuple[Param, ...] = field(default=())

    def bind(self, values: dict[str, str] | None = None) -> str:
        """The query text with every ``$param`` replaced by a validated, typed term."""
        values = dict(values or {})
        unknown = sorted(set(values) - {p.name for p in self.params})
        if unknown:
            known = ", ".join(p.name for p in self.params) or "none"
            raise QueryError(f"query {self.name!r} has no parameter {unknown[0]!r} (parameters: {known})")
        terms = {}
        for p in self.params:
            value = values.get(p.name, p.default)
            if value is None:
                raise QueryError(f"query {self.name!r} needs --param {p.name}=<{p.type}>")
            terms[p.name] = p.term(value)
        return substitute(self.text, terms)


def substitute(text: str, terms: dict[str, str]) -> str:
    def repl(match: re.Match) -> str:
        name = match.group(1)
        return terms.get(name, match.group(0)) if name else match.group(0)
    return _TOKENS.sub(repl, text)


def parse_query_file(path: Path) -> SavedQuery:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as err:
        raise QueryError(f"{path}: cannot read query ({err.strerror})") from None
    params = []
    for name, ptype, default in _PARAM_LINE.findall(text):
        if ptype not in PARAM_TYPES:
            raise QueryError(f"{path}: parameter {name} has unknown type {ptype!r} "
                             f"(known: {', '.join(PARAM_TYPES)})")
        params.append(Param(name, ptype, default or None))
    first = text.splitlines()[0] if text else ""
    description = first.lstrip("# ").split(":", 1)[-1].strip() if first.startswith("#") else ""
    return SavedQuery(Path(path).stem, text, description, tuple(params))


def saved_queries(folder: Path = paths.QUERIES_DIR) -> dict[str, SavedQuery]:
    return {p.stem: parse_query_file(p) for p in sorted(Path(folder).glob("*.rq"))}


def resolve(query_or_file: str) -> SavedQuery:
    """Inline SPARQL, a path to a .rq file, or the name of a saved query."""
    text = query_or_file.strip()
    if text.endswith(".rq") and "\n" not in text:
        return parse_query_file(Path(text))
    if re.fullmatch(r"[\w-]+", text):
        known = saved_queries()
        if text not in known:
            raise QueryError(f"unknown query {text!r}; saved queries: {', '.join(sorted(known))}")
        return known[text]
    params = tuple(Param(n, t, d or None) for n, t, d in _PARAM_LINE.findall(text))
    return SavedQuery("inline", query_or_file, "", params)
