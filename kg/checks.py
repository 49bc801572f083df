"""Validation that scales: ``ontology/shapes.ttl`` compiled to SPARQL and run over an Oxigraph store.

pyshacl clones the data graph, computes its RDFS closure and re-parses ``sh:sparql`` text on every focus
node: fine for one article, not for a corpus. Here each constraint becomes one SELECT over the store's
default graph (the merged graph). RDFS inference is compiled in: a node "is
a" ``hc:Organization`` when typed with it or a subclass, or when it is the subject of a property whose
``rdfs:domain`` is such a class (the object of one whose ``rdfs:range`` is), as pyshacl's RDFS closure over
the ontology would conclude. The SHACL features the shapes use are supported; any other one is an error,
never a silently skipped rule. Mention anchors are checked per article, against the article's text
(``anchor_problems``), on the results themselves.

Memory stays bounded whatever the corpus: a query that selected a class's focus nodes DISTINCT held all of
them at once (Oxigraph's hash set: the 16k-article build's peak). A shape's focus nodes are streamed from the
store instead (duplicates and all), sorted and made distinct on disk (``export.SortedSpool``), and checked in
batches of ``MEMBER_BATCH`` named in the query (``VALUES ?this {...}``; the store is only read: writing a batch
into a scratch graph costs more time, and RocksDB's write buffers more memory, than it saves). The violations
are collected as a set and sorted, so they are the same, in the same order, as one query over the whole graph
would give (``Check.query``). Focus nodes are IRIs or literals (a blank node cannot be named in a query; the
build's graphs have none: a blank focus node is an error, never a skipped check).

The run over the store is ``kg.checkrun`` (no RDF library: a build above ``APART_ABOVE`` statements runs it in
a child process, ``check_store_apart``); this module compiles the shapes and makes the violations.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from rdflib import Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS, SH, XSD

from . import paths
from .checkrun import FOCUS_BATCH, MEMBER_BATCH, SPOOL_LINES, TARGET, Check  # noqa: F401
from .errors import KgError
from .records import ArticleResult
from .results import Cell
from .validate import ANCHOR_RULE, Violation

_VALID = {   # lexical forms a datatype accepts (what an ill-typed literal fails)
    str(XSD.date): r"^-?[0-9]{4,}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])(Z|[+-][0-9]{2}:[0-9]{2})?$",
    str(XSD.gYearMonth): r"^-?[0-9]{4,}-(0[1-9]|1[0-2])(Z|[+-][0-9]{2}:[0-9]{2})?$",
    str(XSD.gYear): r"^-?[0-9]{4,}(Z|[+-][0-9]{2}:[0-9]{2})?$",
    str(XSD.boolean): r"^(true|false|1|0)$",
    str(XSD.nonNegativeInteger): r"^\\+?[0-9]+$",
    str(XSD.integer): r"^[+-]?[0-9]+$",
    str(XSD.decimal): r"^[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)$",
}
_HANDLED = {SH.path, SH.message, SH.minCount, SH.maxCount, SH.datatype, SH["or"], SH["class"], SH["in"],
            SH.pattern, SH.nodeKind, SH.minInclusive, SH.lessThan, SH.uniqueLang, RDF.type}
_NODE_KEYS = {RDF.type, SH.targetClass, SH.targetSubjectsOf, SH.property, SH.sparql, SH.declare}


class Ontology:
    """The RDFS facts that decide class membership."""

    def __init__(self, graph: Graph):
        self.sub = defaultdict(set)
        for s, o in graph.subject_objects(RDFS.subClassOf):
            self.sub[o].add(s)
        self.subprop = defaultdict(set)
        for s, o in graph.subject_objects(RDFS.subPropertyOf):
            self.subprop[o].add(s)
        self.domain = defaultdict(set)
        self.range = defaultdict(set)
        for p, c in graph.subject_objects(RDFS.domain):
            self.domain[c].add(p)
        for p, c in graph.subject_objects(RDFS.range):
            self.range[c].add(p)
        self.instances = defaultdict(set)
        for s, c in graph.subject_objects(RDF.type):
            if isinstance(s, URIRef):
                self.instances[c].add(s)

    @staticmethod
    def _closure(table, start) -> set:
        out, todo = set(), [start]
        while todo:
            node = todo.pop()
            if node not in out:
                out.add(node)
                todo.extend(table.get(node, ()))
        return out

    def typed(self, var: str, cls: URIRef) -> str:
        """A graph pattern true when ``var`` is an instance of ``cls`` under RDFS entailment."""
        classes = self._closure(self.sub, cls)
        props_dom = {q for c in classes for p in self.domain.get(c, ()) for q in self._closure(self.subprop, p)}
        props_rng = {q for c in classes for p in self.range.get(c, ()) for q in self._closure(self.subprop, p)}
        known = {i for c in classes for i in self.instances.get(c, ())}
        parts = [f"{{ {var} a ?_t . VALUES ?_t {{ {_iris(classes)} }} }}"]
        if props_dom:
            parts.append(f"{{ {var} ?_p [] . VALUES ?_p {{ {_iris(props_dom)} }} }}")
        if props_rng:
            parts.append(f"{{ [] ?_q {var} . VALUES ?_q {{ {_iris(props_rng)} }} }}")
        if known:
            parts.append(f"{{ VALUES {var} {{ {_iris(known)} }} }}")
        return " UNION ".join(parts)


def _iris(items) -> str:
    return " ".join(f"<{i}>" for i in sorted(items))


def _term(node) -> str:
    if isinstance(node, URIRef):
        return f"<{node}>"
    if isinstance(node, Literal):
        from .export import nt

        return nt(node)
    raise KgError(f"shapes: cannot use {node!r} as a SPARQL term")


@lru_cache(maxsize=1)
def compiled() -> tuple[Check, ...]:
    shapes = Graph().parse(paths.SHAPES, format="turtle")
    onto = Ontology(Graph().parse(paths.ONTOLOGY, format="turtle"))
    checks = []
    for shape in sorted(set(shapes.subjects(RDF.type, SH.NodeShape))):
        unknown = set(shapes.predicates(shape)) - _NODE_KEYS
        if unknown:
            raise KgError(f"shapes.ttl: {shape} uses {sorted(map(str, unknown))}, which kg.checks cannot run")
        target = _target(shapes, shape, onto)
        for prop in shapes.objects(shape, SH.property):
            checks.extend(_property_checks(shapes, prop, target, onto))
        for sparql in shapes.objects(shape, SH.sparql):
            checks.append(_sparql_check(shapes, sparql, target))
    return tuple(checks)


def _target(shapes: Graph, shape, onto: Ontology) -> str:
    parts = [onto.typed("?this", c) for c in sorted(shapes.objects(shape, SH.targetClass))]
    parts += [f"{{ ?this <{p}> [] }}" for p in sorted(shapes.objects(shape, SH.targetSubjectsOf))]
    if not parts:
        raise KgError(f"shapes.ttl: {shape} has no target kg.checks understands")
    return " UNION ".join(f"{{ {p} }}" for p in parts)


def _value_ok(shapes: Graph, constraint, pred) -> str:
    """A SPARQL expression over ?value: true when the value satisfies ``constraint``'s ``pred``."""
    obj = shapes.value(constraint, pred)
    if pred == SH.datatype:
        if obj == RDF.langString:
            return '(isLiteral(?value) && lang(?value) != "")'
        check = f"isLiteral(?value) && datatype(?value) = <{obj}> && lang(?value) = \"\""
        if str(obj) in _VALID:
            check += f' && regex(str(?value), "{_VALID[str(obj)]}")'
        return f"({check})"
    if pred == SH["or"]:
        options = []
        for member in Collection(shapes, obj):
            keys = set(shapes.predicates(member))
            if keys != {SH.datatype}:
                raise KgError(f"shapes.ttl: sh:or members other than sh:datatype are not supported ({keys})")
            options.append(_value_ok(shapes, member, SH.datatype))
        return "(" + " || ".join(options) + ")"
    if pred == SH["in"]:
        return "(" + " || ".join(f"sameTerm(?value, {_term(v)})" for v in Collection(shapes, obj)) + ")"
    if pred == SH.pattern:
        return f'regex(str(?value), "{_escape(str(obj))}")'
    if pred == SH.nodeKind:
        kinds = {SH.IRI: "isIRI(?value)", SH.Literal: "isLiteral(?value)", SH.BlankNode: "isBlank(?value)"}
        return kinds[obj]
    if pred == SH.minInclusive:
        return f"COALESCE(?value >= {_term(obj)}, false)"
    raise KgError(f"shapes.ttl: {pred} is not supported")


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


def _property_checks(shapes: Graph, prop, target: str, onto: Ontology):
    unknown = set(shapes.predicates(prop)) - _HANDLED
    if unknown:
        raise KgError(f"shapes.ttl: a property shape uses {sorted(map(str, unknown))}, which kg.checks cannot run")
    path = shapes.value(prop, SH.path)
    if not isinstance(path, URIRef):
        raise KgError("shapes.ttl: only simple IRI paths are supported")
    message = str(shapes.value(prop, SH.message) or "constraint")
    short = Cell("iri", str(path)).short()
    p = f"<{path}>"
    target, shape_target = TARGET, target

    def check(query: str) -> Check:
        return Check(message, short, "SELECT DISTINCT ?this ?value WHERE { " + query + " }", target=shape_target)

    # counts of 1 (all the shapes use) without GROUP BY: a grouping holds every focus node in memory at
    # once, these stream (the 16k-article build's peak was the grouping over every mention)
    n = shapes.value(prop, SH.minCount)
    if n is not None and int(n) == 1:
        yield Check(message, short, f"SELECT ?this WHERE {{ {target} FILTER NOT EXISTS {{ ?this {p} ?v }} }}",
                    target=shape_target)
    elif n is not None:
        yield Check(message, short, f"SELECT ?this WHERE {{ {target} OPTIONAL {{ ?this {p} ?v }} }} "
                                    f"GROUP BY ?this HAVING (COUNT(DISTINCT ?v) < {int(n)})", target=shape_target)
    n = shapes.value(prop, SH.maxCount)
    if n is not None and int(n) == 1:
        yield Check(message, short, f"SELECT DISTINCT ?this WHERE {{ {target} ?this {p} ?v . ?this {p} ?w "
                                    f"FILTER(!sameTerm(?v, ?w)) }}", target=shape_target)
    elif n is not None:
        yield Check(message, short, f"SELECT ?this WHERE {{ {target} ?this {p} ?v }} "
                                    f"GROUP BY ?this HAVING (COUNT(DISTINCT ?v) > {int(n)})", target=shape_target)
    for pred in (SH["in"], SH.pattern, SH.nodeKind, SH.minInclusive):     # datatypes: see LiteralRules
        if shapes.value(prop, pred) is not None:
            yield check(f"{target} ?this {p} ?value FILTER(!{_value_ok(shapes, prop, pred)})")
    cls = shapes.value(prop, SH["class"])
    if cls is not None:
        yield check(f"{target} ?this {p} ?value FILTER NOT EXISTS {{ {onto.typed('?value', cls)} }}")
    other = shapes.value(prop, SH.lessThan)
    if other is not None:
        yield check(f"{target} ?this {p} ?value . ?this <{other}> ?w FILTER(!COALESCE(?value < ?w, false))")
    if shapes.value(prop, SH.uniqueLang) == Literal(True):
        yield Check(message, short, f"SELECT DISTINCT ?this WHERE {{ {target} ?this {p} ?a . ?this {p} ?b "
                                    f"FILTER(!sameTerm(?a, ?b) && lang(?a) != \"\" && lcase(lang(?a)) = lcase(lang(?b))) }}",
                    target=shape_target)


def _sparql_check(shapes: Graph, node, target: str) -> Check:
    select = str(shapes.value(node, SH.select)).replace("$this", "?this")
    prefixes = ""
    for decl_owner in shapes.objects(node, SH.prefixes):
        for decl in shapes.objects(decl_owner, SH.declare):
            prefixes += f"PREFIX {shapes.value(decl, SH.prefix)}: <{shapes.value(decl, SH.namespace)}>\n"
    body = select.strip()
    query = f"{prefixes}SELECT * WHERE {{ {TARGET}{{ {body} }} }}"
    return Check(str(shapes.value(node, SH.message)), None, query, template=True, target=target)


class LiteralRules:
    """sh:datatype (and sh:or of datatypes) rules, checked on each statement as it is written.

    An Oxigraph store normalizes literals on load ("5"^^xsd:nonNegativeInteger becomes xsd:integer, "1"^^
    xsd:boolean becomes "true"), so these rules cannot be run over the store; they are local to one
    statement anyway. A rule applies to every statement with the shape's path (the shapes give each of
    these properties one meaning whatever the subject)."""

    def __init__(self) -> None:
        import re

        shapes = Graph().parse(paths.SHAPES, format="turtle")
        self.rules: dict[str, list[tuple[frozenset, str, str]]] = defaultdict(list)
        self._re = {d: re.compile(r.replace("\\\\", "\\")) for d, r in _VALID.items()}
        for prop in shapes.subjects(SH.path, None):
            path = shapes.value(prop, SH.path)
            allowed = set()
            if shapes.value(prop, SH.datatype) is not None:
                allowed.add(str(shapes.value(prop, SH.datatype)))
            if shapes.value(prop, SH["or"]) is not None:
                allowed |= {str(shapes.value(m, SH.datatype)) for m in Collection(shapes, shapes.value(prop, SH["or"]))}
            if allowed:
                message = str(shapes.value(prop, SH.message) or "sh:datatype")
                self.rules[f"<{path}>"].append((frozenset(allowed), message, Cell("iri", str(path)).short()))

    def check(self, line: str, articles: tuple[str, ...] = ()) -> list[Violation]:
        """``line``: one statement as N-Triples text (``export.nt_triple``)."""
        s, p, o = line.split(" ", 2)
        rules = self.rules.get(p)
        if not rules:
            return []
        datatype, lexical = _literal_parts(o)
        out = []
        for allowed, message, short in rules:
            ok = datatype in allowed and (datatype not in self._re or self._re[datatype].match(lexical))
            if not ok:
                out.append(Violation(s[1:-1] if s.startswith("<") else s, message, articles, short,
                                     lexical if datatype else o.strip("<>")))
        return out


def _literal_parts(term: str) -> tuple[str | None, str]:
    """(datatype IRI, lexical form) of an N-Triples object; (None, iri) for an IRI or blank node."""
    if not term.startswith('"'):
        return None, term
    end = term.rindex('"')
    lexical = term[1:end]           # N-Triples escapes kept: no valid date, number or boolean has one
    rest = term[end + 1:]
    if rest.startswith("@"):
        return str(RDF.langString), lexical
    if rest.startswith("^^<"):
        return rest[3:-1], lexical
    return str(XSD.string), lexical


@lru_cache(maxsize=1)
def literal_rules() -> LiteralRules:
    return LiteralRules()


def check_store(store, graph=None, focus: Iterable[str] | None = None, *,
                workdir: Path | None = None) -> list[Violation]:
    """Every violation of the shapes in ``store``'s default graph (the merged graph), sorted; with ``focus``
    (IRIs), only the violations whose focus node is one of them (an incremental build re-checks what changed).
    Memory is bounded: see the module's docstring (``workdir``: where the focus nodes are sorted).

    ``store``: an open Oxigraph store, or the folder of one (a ``str`` or ``Path``, not open in this process).
    A folder is opened for each target's checks and closed after them: what RocksDB keeps in memory as it
    reads (its block caches and table readers) is handed back between targets, so the checks' memory is that
    of one target's reads, not of all of them together. It is opened read-write, so that RocksDB goes on
    compacting a freshly loaded store in the background meanwhile (a read-only store is left as it is, and
    its queries then read more files); the checks only read it."""
    from . import checkrun

    nodes = None if focus is None else sorted(set(focus))
    return sorted(Violation(*row) for row in checkrun.run(store, compiled(), nodes, workdir=workdir))


APART_ABOVE = 200_000          # statements in the merged graph above which the build checks its store in a
                                #   child process (``check_store_apart``); a smaller build checks it here


def check_store_apart(folder: Path, workdir: Path) -> tuple[list[Violation], int | None]:
    """``check_store(folder, workdir=workdir)`` run in a child process (``python -m kg.checkrun``,
    the compiled checks handed over as JSON): the same violations, and the child's peak resident memory (MB;
    None where the platform does not tell).

    What RocksDB keeps as the checks read the store (its block caches, up to 128 MB for the strings and 32 MB
    for the indexes, and the table readers of every file read) grows with the store; in the build's process it
    stacked on what the assembly already held. In a child it is a process of its own, and all of it goes
    back to the system when the child exits: the build's own memory no longer follows the store's size here.
    The child is ended by its process id if the build stops (an error, Ctrl-C, SIGTERM); any error in it
    reaches the build as one ``KgError`` line."""
    import json
    import os
    import subprocess
    import sys

    plan, result = Path(workdir) / "checks-plan.json", Path(workdir) / "checks-result.json"
    plan.write_text(json.dumps({"store": str(folder), "workdir": str(workdir),
                                "checks": [c.to_json() for c in compiled()]}, ensure_ascii=False), encoding="utf-8")
    env = dict(os.environ, MALLOC_ARENA_MAX="1")          # RocksDB's threads in one arena (``build._one_arena``)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, (str(paths.PACKAGE.parent), env.get("PYTHONPATH"))))
    child = subprocess.Popen([sys.executable, "-m", "kg.checkrun", str(plan), str(result)],
                             env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE, text=True, errors="replace")
    try:
        _, err = child.communicate()
    except BaseException:                   # the build stops: so does the child (by its id, and waited for)
        child.kill()
        child.wait()
        raise
    try:
        try:
            done = json.loads(result.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            done = {}
    finally:
        result.unlink(missing_ok=True)
        plan.unlink(missing_ok=True)
    if "error" in done:
        raise KgError(done["error"])
    if child.returncode != 0 or "rows" not in done:
        last = next((line.strip() for line in reversed(err.splitlines()) if line.strip()), "")
        how = (f"was ended by signal {-child.returncode}" if child.returncode < 0
               else f"failed (exit {child.returncode})")
        raise KgError(f"the shape checks' process {how}" + (f": {last}" if last else ""))
    return sorted(Violation(r[0], r[1], tuple(r[2]), r[3], r[4]) for r in done["rows"]), done.get("peak_mb")


def _collect(store, check: Check, rows, found: set) -> None:
    """``check``'s result rows as violations into ``found`` (one query per check: tests, bench)."""
    from . import checkrun

    got: set = set()
    checkrun.collect(store, check, rows, got)
    found.update(Violation(*row) for row in got)


def anchor_problems(result: ArticleResult) -> list[Violation]:
    """Mentions whose text is not exactly the article's text at their offsets (checked per article)."""
    from . import iris

    text, source = result.article.text, result.article.source
    art = iris.article_iri(source, result.article.origin)
    out = []
    for m in result.mentions:
        if not (0 <= m.begin < m.end <= len(text)) or text[m.begin:m.end] != m.text:
            out.append(Violation(str(iris.mention_iri(art, m.begin, m.end)), ANCHOR_RULE, (source,),
                                 "nif:anchorOf", m.text))
    return out


@lru_cache(maxsize=1)
def typing_properties() -> tuple[frozenset, frozenset]:
    """(properties whose subject, properties whose object, the RDFS reading types): with rdf:type, the only
    statements that can change whether a node "is a" class for the checks (``Ontology.typed``)."""
    onto = Ontology(Graph().parse(paths.ONTOLOGY, format="turtle"))
    dom = {str(q) for ps in onto.domain.values() for p in ps for q in onto._closure(onto.subprop, p)}
    rng = {str(q) for ps in onto.range.values() for p in ps for q in onto._closure(onto.subprop, p)}
    return frozenset(dom | {str(RDF.type)}), frozenset(rng)

