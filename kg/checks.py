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
"""
from __future__ import annotations

import tempfile
from collections import defaultdict
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator

from rdflib import Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS, SH, XSD

from . import export, paths
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


TARGET = "%TARGET% "            # where a check binds ?this: the shape's target, or a batch of its focus nodes
FOCUS_BATCH = 2000              # focus nodes per VALUES query when a run is limited to some
MEMBER_BATCH = 5000             # focus nodes checked at a time
SPOOL_LINES = 20_000            # focus nodes sorted in memory before a run is spilled to disk (16k articles:
                                #   peak 204 MB with 20k, 228 MB with 100k, the same CPU)


@dataclass(frozen=True)
class Check:
    message: str
    path: str | None
    template_query: str         # SELECT ?this ?value [more], with TARGET where ?this gets bound
    template: bool = False      # message with {?var} placeholders
    target: str = ""            # the shape's target: a pattern binding ?this (a node may come out more than once)
    focus: "Focus | None" = None    # the same target as the statements that name its focus nodes

    @property
    def query(self) -> str:
        """The check over every focus node of its target in one query (what the batches add up to)."""
        return self.template_query.replace(TARGET, "{ SELECT DISTINCT ?this WHERE { " + self.target + " } } ")

    def query_over(self, terms: list[str]) -> str:
        """The check over the given focus nodes of its target (N-Triples terms)."""
        return self.template_query.replace(TARGET, "VALUES ?this { " + " ".join(terms) + " } ")


@dataclass(frozen=True)
class Focus:
    """A shape's target as the statements that name its focus nodes (N-Triples terms): the subject of an
    rdf:type statement whose object is one of ``types``, the subject of a statement with a predicate of
    ``subjects_of``, the object of one with a predicate of ``objects_of``, and the ``known`` nodes (typed by
    the ontology itself) whatever the graph says. ``Check.target`` says the same in SPARQL."""
    types: frozenset = frozenset()
    subjects_of: frozenset = frozenset()
    objects_of: frozenset = frozenset()
    known: frozenset = frozenset()

    def __or__(self, other: "Focus") -> "Focus":
        return Focus(self.types | other.types, self.subjects_of | other.subjects_of,
                     self.objects_of | other.objects_of, self.known | other.known)


_TYPE = f"<{RDF.type}>"


def focus_from_text(lines: Iterable[str], targets: list[Focus]) -> Iterator[tuple[int, str]]:
    """(k, term) for every focus node of ``targets[k]`` that the N-Triples statements ``lines`` (each
    ``s p o .``) name, and for each target's ``known`` nodes; a node may come more than once. What the store's
    query of ``Check.target`` over the same statements gives, read from text: no string of the store is
    looked up (the store's cache of them then stays as small as the checks' own reads keep it)."""
    for k, target in enumerate(targets):
        for term in sorted(target.known):
            yield k, term
    by_type: dict[str, list[int]] = defaultdict(list)
    by_subject: dict[str, list[int]] = defaultdict(list)
    by_object: dict[str, list[int]] = defaultdict(list)
    for k, target in enumerate(targets):
        for t in target.types:
            by_type[t].append(k)
        for p in target.subjects_of:
            by_subject[p].append(k)
        for p in target.objects_of:
            by_object[p].append(k)
    for line in lines:
        s, p, o = line.split(" ", 2)
        if p in by_subject:
            for k in by_subject[p]:
                yield k, s
        if p in by_object:
            o = o.rstrip()[:-1].rstrip()            # the final " ."
            for k in by_object[p]:
                yield k, o
        if p == _TYPE and by_type:
            o = o.rstrip()[:-1].rstrip()
            for k in by_type.get(o, ()):
                yield k, s


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

    def _typed_sets(self, cls: URIRef) -> tuple[set, set, set, set]:
        classes = self._closure(self.sub, cls)
        props_dom = {q for c in classes for p in self.domain.get(c, ()) for q in self._closure(self.subprop, p)}
        props_rng = {q for c in classes for p in self.range.get(c, ()) for q in self._closure(self.subprop, p)}
        known = {i for c in classes for i in self.instances.get(c, ())}
        return classes, props_dom, props_rng, known

    def typed_focus(self, cls: URIRef) -> Focus:
        """``typed("?this", cls)`` as statements (``Focus``)."""
        classes, props_dom, props_rng, known = self._typed_sets(cls)
        terms = lambda items: frozenset(f"<{i}>" for i in items)  # noqa: E731
        return Focus(terms(classes), terms(props_dom), terms(props_rng), terms(known))

    def typed(self, var: str, cls: URIRef) -> str:
        """A graph pattern true when ``var`` is an instance of ``cls`` under RDFS entailment."""
        classes, props_dom, props_rng, known = self._typed_sets(cls)
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
        focus = _target_focus(shapes, shape, onto)
        made = []
        for prop in shapes.objects(shape, SH.property):
            made.extend(_property_checks(shapes, prop, target, onto))
        for sparql in shapes.objects(shape, SH.sparql):
            made.append(_sparql_check(shapes, sparql, target))
        checks.extend(replace(check, focus=focus) for check in made)
    return tuple(checks)


def _target_focus(shapes: Graph, shape, onto: Ontology) -> Focus:
    """``_target`` as statements (``Focus``)."""
    out = Focus()
    for c in sorted(shapes.objects(shape, SH.targetClass)):
        out = out | onto.typed_focus(c)
    return out | Focus(subjects_of=frozenset(f"<{p}>" for p in shapes.objects(shape, SH.targetSubjectsOf)))


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
                workdir: Path | None = None, union: Path | None = None) -> list[Violation]:
    """Every violation of the shapes in ``store``'s default graph (the merged graph), sorted; with ``focus``
    (IRIs), only the violations whose focus node is one of them (an incremental build re-checks what changed).
    Memory is bounded: see the module's docstring (``workdir``: where the focus nodes are sorted).

    ``store``: an open Oxigraph store, or the folder of one (a ``str`` or ``Path``, not open in this process).
    A folder is opened for each target's checks and closed after them: what RocksDB keeps in memory as it
    reads (its block caches and table readers) is handed back between targets, so the checks' memory is that
    of one target's reads, not of all of them together. It is opened read-write, so that RocksDB goes on
    compacting a freshly loaded store in the background meanwhile (a read-only store is left as it is, and
    its queries then read more files); the checks only read it.

    ``union``: the file of the store's default graph as N-Triples (the build's state/union.nt), when every
    node is checked: the focus nodes are then read from it (``focus_from_text``, one pass for every target)
    instead of from the store, whose string lookups (one per focus node: every mention at least) filled
    RocksDB's string cache up to its 128 MB."""
    by_target: dict[str, list[Check]] = {}
    for check in compiled():
        by_target.setdefault(check.target, []).append(check)
    nodes = None if focus is None else sorted(set(focus))
    found: set[Violation] = set()
    folder_of_store = store if isinstance(store, (str, Path)) else None
    with tempfile.TemporaryDirectory(prefix="kg-checks-", dir=workdir) as tmp:
        spools = [export.SortedSpool(_mkdir(Path(tmp) / str(k)), SPOOL_LINES) for k in range(len(by_target))]
        if union is not None and nodes is None:
            with open(union, encoding="utf-8", newline="\n") as fh:
                targets = [checks[0].focus for checks in by_target.values()]
                for k, term in focus_from_text(fh, targets):
                    spools[k].add((term,))
        for k, (target, checks) in enumerate(by_target.items()):
            if folder_of_store is not None:
                store = _open(folder_of_store)
            members = spools[k]
            if union is None or nodes is not None:
                for terms in _focus_nodes(store, target, nodes):
                    members.add(terms)
            for batch in export.batched(members, MEMBER_BATCH):
                if batch[-1].startswith("_:"):          # sorted: blank nodes ("_:") after IRIs and literals
                    raise KgError(f"kg.checks: a blank node is a focus node of {checks[0].message!r}: "
                                  "blank nodes cannot be checked (the build's graphs name every node)")
                for check in checks:
                    _collect(store, check, store.query(check.query_over(batch)), found)
            if folder_of_store is not None:
                store = None                            # closed: its caches go back to the system
                _trim()
    return sorted(found)


APART_ABOVE = 200_000          # statements in the merged graph above which the build checks its store in a
                                #   child process (``check_store_apart``); a smaller build checks it here


def check_store_apart(folder: Path, workdir: Path, union: Path) -> tuple[list[Violation], int | None]:
    """``check_store(folder, workdir=workdir, union=union)`` run in a child process: the same violations, and the child's
    peak resident memory (MB; None where the platform does not tell).

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

    result = Path(workdir) / "checks-result.json"
    env = dict(os.environ, MALLOC_ARENA_MAX="1")          # RocksDB's threads in one arena (``build._one_arena``)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, (str(paths.PACKAGE.parent), env.get("PYTHONPATH"))))
    child = subprocess.Popen([sys.executable, "-m", "kg.checks", str(folder), str(workdir), str(union), str(result)],
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
    if "error" in done:
        raise KgError(done["error"])
    if child.returncode != 0 or "violations" not in done:
        last = next((line.strip() for line in reversed(err.splitlines()) if line.strip()), "")
        how = (f"was ended by signal {-child.returncode}" if child.returncode < 0
               else f"failed (exit {child.returncode})")
        raise KgError(f"the shape checks' process {how}" + (f": {last}" if last else ""))
    found = [Violation(v[0], v[1], tuple(v[2]), v[3], v[4]) for v in done["violations"]]
    return found, done.get("peak_mb")


def _child(folder: str, workdir: str, union: str, result: str) -> int:
    """The child of ``check_store_apart``: the violations (or the error, one line) as JSON in ``result``."""
    import json

    try:
        found = check_store(Path(folder), workdir=Path(workdir), union=Path(union))
        out = {"violations": [[v.resource, v.rule, list(v.articles), v.path, v.value] for v in found],
               "peak_mb": _own_peak_mb()}
        code = 0
    except KgError as err:
        out, code = {"error": str(err)}, 1
    except Exception as err:                # noqa: BLE001 (any failure: one line for the build)
        out, code = {"error": f"the shape checks failed: {type(err).__name__}: {err}"}, 1
    export.write_atomic(Path(result), json.dumps(out, ensure_ascii=False))
    return code


def _mkdir(folder: Path) -> Path:
    folder.mkdir()
    return folder


def _own_peak_mb() -> int | None:
    """This process's peak resident memory (MB), from Linux's VmHWM: ``ru_maxrss`` would not do, since
    Linux carries the parent's peak over into a child across fork and exec."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            return next(int(line.split()[1]) // 1024 for line in fh if line.startswith("VmHWM:"))
    except (OSError, StopIteration, ValueError, IndexError):
        return None


def _open(folder):
    import pyoxigraph as ox

    return ox.Store(str(folder))


def _trim() -> None:
    from .build import _trim as trim

    trim()


def _focus_nodes(store, target: str, nodes: list[str] | None) -> Iterator[list[str]]:
    """The focus nodes of ``target`` (those among ``nodes`` if given) as N-Triples terms, in lists; a node may
    come more than once. Streamed: nothing holds them all (no DISTINCT over the whole graph)."""
    if nodes is None:
        out: list[str] = []
        for row in store.query("SELECT ?this WHERE { " + target + " }"):
            out.append(str(row[0]))
            if len(out) == SPOOL_LINES:
                yield out
                out = []
        yield out
        return
    for k in range(0, len(nodes), FOCUS_BATCH):
        values = "VALUES ?this { " + " ".join(f"<{n}>" for n in nodes[k:k + FOCUS_BATCH]) + " } "
        yield [str(row[0]) for row in store.query("SELECT DISTINCT ?this WHERE { " + values + target + " }")]


def _collect(store, check: Check, rows, found: set) -> None:
    for row in rows:
        this = row["this"]
        value = _get(row, "value")
        message = check.message
        if check.template:
            message = _fill(message, row)
        found.add(Violation(this.value, message, _articles(store, this), check.path,
                            None if value is None or value == this else value.value))


def _get(row, name):
    try:
        return row[name]
    except (KeyError, IndexError):
        return None


def _fill(message: str, row) -> str:
    import re

    return re.sub(r"\{\?(\w+)\}", lambda m: (_get(row, m.group(1)).value if _get(row, m.group(1)) is not None
                                             else m.group(0)), message)


def _articles(store, node) -> tuple[str, ...]:
    """The source files of the article graphs stating anything about ``node``."""
    import pyoxigraph as ox

    hc = "https://w3id.org/hckg/ontology#"
    term = f"<{node.value}>" if isinstance(node, ox.NamedNode) else None
    if term is None:
        return ()
    rows = store.query(f"SELECT DISTINCT ?src WHERE {{ GRAPH ?g {{ {term} ?p ?o }} ?g <{hc}sourceFile> ?src }}")
    return tuple(sorted(r["src"].value for r in rows))


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


if __name__ == "__main__":           # the child process of ``check_store_apart``
    import sys

    sys.exit(_child(*sys.argv[1:5]))
