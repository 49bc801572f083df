"""The shape checks' run over an Oxigraph store (``kg.checks`` compiles them): focus nodes streamed and sorted on
disk, checked in batches named in the query. No RDF library here (only pyoxigraph), so that the build's child
process that runs them (``python -m kg.checkrun``, started by ``kg.checks.check_store_apart``) stays small:
its memory is then mostly what RocksDB keeps as the checks read the store.

A run gives rows ``(focus node, message, articles, path, value)``: ``kg.checks`` makes its violations of them.
"""
from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from .errors import KgError
from .spool import SortedSpool, batched

TARGET = "%TARGET% "            # where a check binds ?this: the shape's target, or a batch of its focus nodes
FOCUS_BATCH = 2000              # focus nodes per VALUES query when a run is limited to some
MEMBER_BATCH = 5000             # focus nodes checked at a time
SPOOL_LINES = 20_000            # focus nodes sorted in memory before a run is spilled to disk (16k articles:
                                #   peak 204 MB with 20k, 228 MB with 100k, the same CPU)
HC = "https://w3id.org/hckg/ontology#"

Row = tuple[str, str, tuple[str, ...], "str | None", "str | None"]


@dataclass(frozen=True)
class Check:
    message: str
    path: str | None
    template_query: str         # SELECT ?this ?value [more], with TARGET where ?this gets bound
    template: bool = False      # message with {?var} placeholders
    target: str = ""            # the shape's target: a pattern binding ?this (a node may come out more than once)

    @property
    def query(self) -> str:
        """The check over every focus node of its target in one query (what the batches add up to)."""
        return self.template_query.replace(TARGET, "{ SELECT DISTINCT ?this WHERE { " + self.target + " } } ")

    def query_over(self, terms: list[str]) -> str:
        """The check over the given focus nodes of its target (N-Triples terms)."""
        return self.template_query.replace(TARGET, "VALUES ?this { " + " ".join(terms) + " } ")

    def to_json(self) -> list:
        return [self.message, self.path, self.template_query, self.template, self.target]

    @classmethod
    def from_json(cls, data: list) -> "Check":
        return cls(*data)


def run(store, checks: Iterable[Check], nodes: list[str] | None = None, *, workdir: Path | None = None
        ) -> set[Row]:
    """The rows of every check's violations over ``store``'s default graph; with ``nodes`` (sorted IRIs), only
    those whose focus node is one of them. ``store``: an open store, or the folder of one, then opened for each
    target's checks and closed after them. See ``kg.checks.check_store``."""
    by_target: dict[str, list[Check]] = {}
    for check in checks:
        by_target.setdefault(check.target, []).append(check)
    found: set[Row] = set()
    folder_of_store = store if isinstance(store, (str, Path)) else None
    with tempfile.TemporaryDirectory(prefix="kg-checks-", dir=workdir) as tmp:
        for k, (target, checks) in enumerate(by_target.items()):
            if folder_of_store is not None:
                store = _open(folder_of_store)
            folder = Path(tmp) / str(k)
            folder.mkdir()
            members = SortedSpool(folder, SPOOL_LINES)
            for terms in _focus_nodes(store, target, nodes):
                members.add(terms)
            for batch in batched(members, MEMBER_BATCH):
                if batch[-1].startswith("_:"):          # sorted: blank nodes ("_:") after IRIs and literals
                    raise KgError(f"kg.checks: a blank node is a focus node of {checks[0].message!r}: "
                                  "blank nodes cannot be checked (the build's graphs name every node)")
                for check in checks:
                    collect(store, check, store.query(check.query_over(batch)), found)
            if folder_of_store is not None:
                store = None                            # closed: its caches go back to the system
                trim()
    return found


def _open(folder):
    import pyoxigraph as ox

    return ox.Store(str(folder))


def trim() -> None:
    """Hand the memory freed back to the system (glibc keeps freed blocks otherwise)."""
    import ctypes

    try:
        ctypes.CDLL(None).malloc_trim(0)
    except (OSError, AttributeError):        # not glibc
        pass


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


def collect(store, check: Check, rows, found: set) -> None:
    """Each result row of ``check``'s query as a violation's row into ``found``."""
    for row in rows:
        this = row["this"]
        value = _get(row, "value")
        message = check.message
        if check.template:
            message = _fill(message, row)
        found.add((this.value, message, _articles(store, this), check.path,
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

    term = f"<{node.value}>" if isinstance(node, ox.NamedNode) else None
    if term is None:
        return ()
    rows = store.query(f"SELECT DISTINCT ?src WHERE {{ GRAPH ?g {{ {term} ?p ?o }} ?g <{HC}sourceFile> ?src }}")
    return tuple(sorted(r["src"].value for r in rows))


def own_peak_mb() -> int | None:
    """This process's peak resident memory (MB), from Linux's VmHWM: ``ru_maxrss`` would not do, since
    Linux carries the parent's peak over into a child across fork and exec."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            return next(int(line.split()[1]) // 1024 for line in fh if line.startswith("VmHWM:"))
    except (OSError, StopIteration, ValueError, IndexError):
        return None


def child(plan: str, result: str) -> int:
    """The child process of ``kg.checks.check_store_apart``: ``plan`` (JSON: the store's folder, the work
    folder, union.nt and the checks) run, its rows (or its error, one line) written as JSON to ``result``."""
    import json
    import os

    try:
        with open(plan, encoding="utf-8") as fh:
            job = json.load(fh)
        found = run(Path(job["store"]), [Check.from_json(c) for c in job["checks"]], workdir=Path(job["workdir"]))
        out = {"rows": sorted([list(r) for r in found], key=lambda r: (r[0], r[1], r[2], r[3] or "", r[4] or "")),
               "peak_mb": own_peak_mb()}
        code = 0
    except KgError as err:
        out, code = {"error": str(err)}, 1
    except Exception as err:                # noqa: BLE001 (any failure: one line for the build)
        out, code = {"error": f"the shape checks failed: {type(err).__name__}: {err}"}, 1
    tmp = result + ".tmp"
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(out, fh, ensure_ascii=False)
    os.replace(tmp, result)
    return code


if __name__ == "__main__":
    import sys

    sys.exit(child(sys.argv[1], sys.argv[2]))
