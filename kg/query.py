"""``kg query``: SPARQL SELECT / ASK / CONSTRUCT over a written graph (.ttl, .nq, .nt, .trig).

Engine: rdflib by default, because its answers are the graph's literals exactly as written. ``--engine
oxigraph`` is much faster on big graphs and gives the same rows up to literal canonicalization: Oxigraph's
store turns integer subtypes into xsd:integer (nif:beginIndex comes back as xsd:integer), "0.50" into
"0.5" and "1"^^xsd:boolean into "true" (the tests compare both engines on every saved query with
``Result.canonical_rows``). Both see the same dataset: a .ttl/.nt file's triples in the default graph; for
N-Quads/TriG the default graph is the union of the named graphs (``GRAPH ?g`` still reaches each article).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset

from .errors import GraphError, QueryError
from .offline import check_query
from .results import Result, format_result, from_oxigraph_term, from_rdflib_term
from .savedqueries import resolve
from .vocab import PREFIXES

ENGINES = ("rdflib", "oxigraph")
_RDFLIB_FORMATS = {".ttl": "turtle", ".nt": "nt", ".nq": "nquads", ".trig": "trig"}


def _check(path: Path) -> str:
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in _RDFLIB_FORMATS:
        raise GraphError(f"{path}: unknown graph format {suffix or '(none)'}; use .ttl, .nt, .nq or .trig")
    if not path.is_file():
        raise GraphError(f"{path}: no such graph file")
    return suffix


def open_build(folder: Path) -> ox.Store:
    """The Oxigraph store a build left in its output folder (read-only; its default graph is the merged
    graph, as ``load_oxigraph`` makes it), opened at once whatever the graph's size."""
    from .outdir import resolve_build

    store_dir = resolve_build(Path(folder)) / "store"
    if not store_dir.is_dir():
        raise GraphError(f"{folder}: not a kg build output folder (no store in it); give a graph file or "
                         "the --out folder of kg build")
    try:
        return ox.Store.read_only(str(store_dir))
    except OSError as err:
        raise GraphError(f"{folder}: cannot open the build's store: {err}") from None


def _folder(files) -> Path | None:
    return Path(files[0]) if len(files) == 1 and Path(files[0]).is_dir() else None


def load_oxigraph(*files: Path) -> ox.Store:
    """The files in an Oxigraph store whose default graph is the merge (a set) of every graph loaded.
    (Oxigraph's own ``use_default_graph_as_union`` keeps one copy of a triple per named graph, so a
    triple stated in three article graphs would answer three times; rdflib's union answers once.)
    A build's output folder opens its store instead."""
    if _folder(files) is not None:
        return open_build(_folder(files))
    store = ox.Store()
    for path in files:
        suffix = _check(path)
        try:
            store.bulk_load(path=str(path), format=ox.RdfFormat.from_extension(suffix[1:]))
        except (SyntaxError, ValueError, OSError) as err:
            raise GraphError(f"{path}: cannot read graph: {str(err).splitlines()[0]}") from None
    store.extend([ox.Quad(q.subject, q.predicate, q.object) for q in store
                  if not isinstance(q.graph_name, ox.DefaultGraph)])
    return store


def load_rdflib(*files: Path) -> Dataset:
    if _folder(files) is not None:
        from .outdir import resolve_build

        files = (resolve_build(_folder(files)) / "graph.nq",)
    ds = Dataset(default_union=True)
    for path in files:
        suffix = _check(path)
        try:
            ds.parse(str(path), format=_RDFLIB_FORMATS[suffix])
        except Exception as err:  # rdflib raises many parser-specific types
            raise GraphError(f"{path}: cannot read graph: {str(err).splitlines()[0]}") from None
    return ds


def load_graph(*files: Path, engine: str = "rdflib"):
    if engine not in ENGINES:
        raise QueryError(f"unknown engine {engine!r}; use one of {', '.join(ENGINES)}")
    return load_oxigraph(*files) if engine == "oxigraph" else load_rdflib(*files)


def run_sparql(graph, text: str) -> Result:
    """Run query text on a loaded graph (an ox.Store or an rdflib Dataset). SERVICE, updates and FROM of
    graphs not in the data are refused (kg.offline): nothing reaches the network."""
    check_query(text, graph_names(graph))
    if isinstance(graph, ox.Store):
        return _run_oxigraph(graph, text)
    return _run_rdflib(graph, text)


def graph_names(graph) -> set[str]:
    if isinstance(graph, ox.Store):
        return {g.value for g in graph.named_graphs() if isinstance(g, ox.NamedNode)}
    return {str(c.identifier) for c in graph.contexts() if len(c)}


def _run_oxigraph(store: ox.Store, text: str) -> Result:
    try:
        answer = store.query(text, prefixes=PREFIXES)
    except SyntaxError as err:
        raise QueryError(f"malformed SPARQL: {_first_line(err)}") from None
    except (OSError, ValueError, RuntimeError) as err:   # evaluation errors (e.g. a bad regex)
        raise QueryError(f"query failed: {_first_line(err)}") from None
    if isinstance(answer, ox.QueryBoolean):
        return Result("ask", boolean=bool(answer))
    if isinstance(answer, ox.QueryTriples):
        triples = [(t.subject, t.predicate, t.object) for t in answer]
        cells = {tuple(from_oxigraph_term(x) for x in t) for t in triples}
        data = ox.serialize([ox.Triple(*t) for t in triples], format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)
        return Result("graph", triples=cells, turtle=data.decode("utf-8"))
    variables = [v.value for v in answer.variables]
    rows = [tuple(from_oxigraph_term(sol[v]) for v in variables) for sol in answer]
    return Result("select", variables, rows)


def _run_rdflib(ds: Dataset, text: str) -> Result:
    try:
        answer = ds.query(text, initNs=PREFIXES)
    except Exception as err:  # pyparsing.ParseException and friends
        raise QueryError(f"malformed SPARQL: {_first_line(err)}") from None
    if answer.type == "ASK":
        return Result("ask", boolean=bool(answer.askAnswer))
    if answer.type in ("CONSTRUCT", "DESCRIBE"):
        cells = {tuple(from_rdflib_term(x) for x in t) for t in answer.graph}
        for prefix, ns in PREFIXES.items():
            answer.graph.bind(prefix, ns, override=True, replace=True)
        return Result("graph", triples=cells, turtle=answer.graph.serialize(format="turtle"))
    variables = [str(v) for v in answer.vars]
    rows = [tuple(from_rdflib_term(row[v]) for v in answer.vars) for row in answer]
    return Result("select", variables, rows)


def _first_line(err: BaseException) -> str:
    return (str(err).strip().splitlines() or [type(err).__name__])[0]


def parse_params(items: list[str] | None) -> dict[str, str]:
    params = {}
    for item in items or ():
        name, sep, value = item.partition("=")
        if not sep or not name:
            raise QueryError(f"--param {item!r}: expected name=value")
        params[name.strip()] = value
    return params


def query(graph_file: Path, query_or_file: str, params: dict[str, str] | None = None,
          engine: str = "rdflib", timeout: float | None = None) -> Result:
    """Resolve (inline / .rq / saved name), bind parameters, load the graph and run. With ``timeout``
    (seconds), loading and running happen in a child process that is killed when the time is up."""
    from .sandbox import TimedOut, call_with_timeout

    text = resolve(query_or_file).bind(params)
    check_query(text)                                  # SERVICE and updates refused before any loading
    try:
        return call_with_timeout(_load_and_run, (Path(graph_file), text, engine), timeout)
    except TimedOut as err:
        raise QueryError(f"query {err}") from None


def _load_and_run(graph_file: Path, text: str, engine: str) -> Result:
    return run_sparql(load_graph(graph_file, engine=engine), text)


def add_query(subparsers) -> argparse.ArgumentParser:
    p = subparsers.add_parser("query", help="run a SPARQL query (inline, .rq file or saved name) on a graph")
    p.add_argument("graph", type=Path, help="graph file (.ttl, .nq, .nt, .trig) or a kg build output folder")
    p.add_argument("query", help="inline SPARQL, a .rq file, or a saved query name (ontology/queries)")
    p.add_argument("--format", choices=("table", "csv", "json"), default="table")
    p.add_argument("--param", action="append", metavar="NAME=VALUE", help="query parameter (repeatable)")
    p.add_argument("--engine", choices=ENGINES, default=None,
                   help="default: oxigraph for a build folder (its store), rdflib for a file")
    p.add_argument("--timeout", type=float, default=300,
                   help="seconds before the query is stopped (its process killed); 0: no limit (default 300)")
    p.set_defaults(func=query_cli)
    return p


def query_cli(args: argparse.Namespace) -> int:
    engine = args.engine or ("oxigraph" if Path(args.graph).is_dir() else "rdflib")
    result = query(args.graph, args.query, parse_params(args.param), engine=engine, timeout=args.timeout)
    sys.stdout.write(format_result(result, args.format).rstrip("\n") + "\n")
    return 0
