"""Engine-neutral SPARQL results: rdflib, pyoxigraph and SPARQL-JSON (Virtuoso, any endpoint) answers
become the same ``Result``, so answers from different stores compare with ``==``, and one formatter
writes them as a table, CSV or SPARQL 1.1 JSON.
"""
from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef

from .vocab import PREFIXES, XSD

XSD_STRING = str(XSD.string)
_INTEGERS = {str(XSD[t]) for t in ("integer", "nonNegativeInteger", "positiveInteger", "negativeInteger",
                                   "nonPositiveInteger", "long", "int", "short", "byte", "unsignedLong",
                                   "unsignedInt", "unsignedShort", "unsignedByte")}
RDF_LANGSTRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


@dataclass(frozen=True, order=True)
class Cell:
    """One RDF term: kind "iri" | "literal" | "bnode"; plain strings carry no datatype."""

    kind: str
    value: str
    datatype: str | None = None
    lang: str | None = None

    def __str__(self) -> str:
        return self.value

    def canonical(self) -> "Cell":
        """The value as stores normalize it: integer subtypes -> xsd:integer, "0.50" -> "0.5",
        booleans "1"/"0" -> "true"/"false" (Oxigraph's store and Virtuoso do this on load)."""
        try:
            if self.datatype in _INTEGERS:
                return replace(self, value=str(int(self.value)), datatype=str(XSD.integer))
            if self.datatype == str(XSD.decimal):
                number = Decimal(self.value).normalize()
                text = format(number, "f")
                return replace(self, value=text if "." in text else text + ".0")
        except (ValueError, InvalidOperation):
            return self
        if self.datatype == str(XSD.boolean) and self.value in ("1", "0"):
            return replace(self, value="true" if self.value == "1" else "false")
        return self

    def short(self) -> str:
        """Display form: IRIs compacted with the project prefixes, literals as ``text@lang``."""
        if self.kind == "iri":
            for prefix, ns in PREFIXES.items():
                if self.value.startswith(ns) and len(self.value) > len(ns):
                    return f"{prefix}:{self.value[len(ns):]}"
            return f"<{self.value}>"
        return f"{self.value}@{self.lang}" if self.lang else self.value


def literal_cell(value: str, datatype: str | None, lang: str | None) -> Cell:
    if lang:
        return Cell("literal", value, None, lang.lower())
    if datatype in (None, XSD_STRING, RDF_LANGSTRING):
        return Cell("literal", value)
    return Cell("literal", value, datatype)


@dataclass
class Result:
    """form: "select" (variables + rows), "ask" (boolean) or "graph" (triples + Turtle text)."""

    form: str
    variables: list[str] = field(default_factory=list)
    rows: list[tuple] = field(default_factory=list)
    boolean: bool | None = None
    triples: set = field(default_factory=set)
    turtle: str = ""

    def canonical_rows(self) -> list[tuple]:
        """Rows with canonical values, sorted: the form in which answers of different stores compare."""
        return sorted(tuple(c.canonical() if c else c for c in row) for row in self.rows)

    def records(self) -> list[dict[str, Cell | None]]:
        return [dict(zip(self.variables, row)) for row in self.rows]

    def column(self, name: str) -> list[str | None]:
        i = self.variables.index(name)
        return [None if row[i] is None else row[i].value for row in self.rows]


def from_rdflib_term(term) -> Cell | None:
    if term is None:
        return None
    if isinstance(term, URIRef):
        return Cell("iri", str(term))
    if isinstance(term, BNode):
        return Cell("bnode", str(term))
    if isinstance(term, Literal):
        return literal_cell(str(term), str(term.datatype) if term.datatype else None, term.language)
    raise TypeError(f"not an RDF term: {term!r}")


def from_oxigraph_term(term) -> Cell | None:
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return Cell("iri", term.value)
    if isinstance(term, ox.BlankNode):
        return Cell("bnode", term.value)
    if isinstance(term, ox.Literal):
        return literal_cell(term.value, term.datatype.value, term.language)
    raise TypeError(f"not an RDF term: {term!r}")


def from_json_term(binding: dict | None) -> Cell | None:
    """A SPARQL 1.1 JSON results term (``typed-literal`` is Virtuoso's older spelling)."""
    if binding is None:
        return None
    kind = binding["type"]
    if kind == "uri":
        return Cell("iri", binding["value"])
    if kind == "bnode":
        return Cell("bnode", binding["value"])
    return literal_cell(binding["value"], binding.get("datatype"), binding.get("xml:lang"))


def from_sparql_json(doc: dict) -> Result:
    if "boolean" in doc:
        return Result("ask", boolean=bool(doc["boolean"]))
    variables = list(doc["head"]["vars"])
    rows = [tuple(from_json_term(b.get(v)) for v in variables) for b in doc["results"]["bindings"]]
    return Result("select", variables, rows)


def to_sparql_json(result: Result) -> dict:
    if result.form == "ask":
        return {"head": {}, "boolean": result.boolean}
    bindings = []
    for row in result.rows:
        bindings.append({v: _json_term(c) for v, c in zip(result.variables, row) if c is not None})
    return {"head": {"vars": result.variables}, "results": {"bindings": bindings}}


def _json_term(cell: Cell) -> dict:
    kind = {"iri": "uri", "bnode": "bnode"}.get(cell.kind, "literal")
    out = {"type": kind, "value": cell.value}
    if cell.lang:
        out["xml:lang"] = cell.lang
    elif cell.datatype:
        out["datatype"] = cell.datatype
    return out


def format_result(result: Result, fmt: str = "table") -> str:
    """table (aligned, compact IRIs), csv (plain values) or json (SPARQL 1.1 JSON results).
    A CONSTRUCT/DESCRIBE result is Turtle whatever the format."""
    if result.form == "graph":
        return result.turtle
    if fmt == "json":
        return json.dumps(to_sparql_json(result), ensure_ascii=False, indent=1)
    if result.form == "ask":
        return "true" if result.boolean else "false"
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(result.variables)
        writer.writerows([["" if c is None else c.value for c in row] for row in result.rows])
        return out.getvalue().rstrip("\n")
    return _table(result)


def _table(result: Result) -> str:
    cells = [[("" if c is None else c.short()).replace("\n", " ") for c in row] for row in result.rows]
    widths = [max([len(v)] + [len(r[i]) for r in cells]) for i, v in enumerate(result.variables)]
    line = lambda vals: "  ".join(v.ljust(w) for v, w in zip(vals, widths)).rstrip()
    rule = "  ".join("-" * w for w in widths)
    body = [line(r) for r in cells]
    return "\n".join([line(result.variables), rule, *body, f"({len(cells)} rows)"])
