"""Real triplestores for tests, benchmarks and docs: a private Virtuoso server, Oxigraph, and rapper.

``Virtuoso`` starts its own ``virtuoso-t`` (Debian package virtuoso-opensource 7) with its own database
directory and loopback-only ports, bulk-loads files with ``ld_dir``/``ld_add`` + ``rdf_loader_run()`` +
``checkpoint`` through ``isql-vt``, answers SPARQL over HTTP, and kills its process group on ``stop()``.
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pyoxigraph as ox

from .errors import GraphError

VIRTUOSO = "virtuoso-t"
ISQL = "isql-vt"
TTL_GRAPH = "urn:x-hckg:graph.ttl"   # where graph.ttl is loaded next to graph.nq's own graphs
MAX_ROWS = 1_000_000          # ResultSetMaxRows: Virtuoso silently cuts results beyond it
_INI = """[Database]
DatabaseFile = {d}/virtuoso.db
ErrorLogFile = {d}/virtuoso.log
LockFile = {d}/virtuoso.lck
TransactionFile = {d}/virtuoso.trx
xa_persistent_file = {d}/virtuoso.pxa
MaxCheckpointRemap = 2000
[TempDatabase]
DatabaseFile = {d}/virtuoso-temp.db
TransactionFile = {d}/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{sql}
DisableUnixSocket = 1
CheckpointInterval = 0
DirsAllowed = ., {d}, /usr/share/virtuoso-opensource-7/vad
NumberOfBuffers = 170000
MaxDirtyBuffers = 130000
[HTTPServer]
ServerPort = 127.0.0.1:{http}
ServerRoot = /var/lib/virtuoso-opensource-7/vsp
ServerThreads = 10
Charset = UTF-8
[SPARQL]
ResultSetMaxRows = {rows}
MaxQueryExecutionTime = 120
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Virtuoso:
    """A throw-away Virtuoso server in ``workdir``: ``with Virtuoso(tmp) as v: v.load(...); v.select(...)``."""

    def __init__(self, workdir: Path, password: str = "dba"):
        self.dir = Path(workdir).resolve()
        self.sql_port, self.http_port = free_port(), free_port()
        self.password = password
        self.proc: subprocess.Popen | None = None

    def __enter__(self) -> "Virtuoso":
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.http_port}/sparql"

    def start(self, timeout: float = 60) -> None:
        for tool in (VIRTUOSO, ISQL):
            if shutil.which(tool) is None:
                raise GraphError(f"{tool} not found: run scripts/install-system-deps.sh")
        self.dir.mkdir(parents=True, exist_ok=True)
        ini = self.dir / "virtuoso.ini"
        ini.write_text(_INI.format(d=self.dir, sql=self.sql_port, http=self.http_port, rows=MAX_ROWS))
        self.proc = subprocess.Popen([VIRTUOSO, "+foreground", "+configfile", str(ini)], cwd=self.dir,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                     start_new_session=True)
        try:
            self._wait_ready(timeout)
        except BaseException:
            self.stop()
            raise

    def _wait_ready(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise GraphError(f"virtuoso-t exited with {self.proc.returncode}; see {self.dir}/virtuoso.log")
            try:
                self.ask("ASK { ?s ?p ?o }")
                return
            except OSError:
                time.sleep(0.3)
        raise GraphError(f"virtuoso-t not ready after {timeout} s; see {self.dir}/virtuoso.log")

    def stop(self) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        os.killpg(self.proc.pid, signal.SIGTERM)
        try:
            self.proc.wait(15)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(5)

    def isql(self, script: str) -> str:
        cmd = [ISQL, f"127.0.0.1:{self.sql_port}", "dba", self.password, "VERBOSE=OFF", "BANNER=OFF"]
        done = subprocess.run(cmd, input=script, capture_output=True, text=True, timeout=600)
        if done.returncode != 0 or "*** Error" in done.stdout + done.stderr:
            raise GraphError(f"isql failed: {(done.stdout + done.stderr).strip()[:500]}")
        return done.stdout

    def load(self, path: Path, graph: str) -> None:
        """Bulk-load one file (copied into the database directory, which DirsAllowed lists).
        ``graph`` is the target graph of a triples file; for N-Quads it is used only for the default graph."""
        target = self.dir / "load" / Path(path).name
        target.parent.mkdir(exist_ok=True)
        shutil.copyfile(path, target)
        self.isql(f"ld_add('{_sql_str(str(target))}', '{_sql_str(graph)}');\n"
                  "rdf_loader_run();\ncheckpoint;\n")
        errors = self.isql("SELECT ll_file || ': ' || ll_error FROM DB.DBA.load_list WHERE ll_error IS NOT NULL;")
        problems = [line.replace("SQL>", "").strip() for line in errors.splitlines()]
        problems = [line for line in problems if line]
        if problems:
            raise GraphError(f"Virtuoso bulk load failed: {'; '.join(problems)[:500]}")

    def request(self, query: str, accept: str = "application/sparql-results+json",
                default_graph: str | None = None) -> bytes:
        fields = {"query": query, **({"default-graph-uri": default_graph} if default_graph else {})}
        data = urllib.parse.urlencode(fields).encode()
        req = urllib.request.Request(self.endpoint, data=data, headers={"Accept": accept})
        with urllib.request.urlopen(req, timeout=120) as resp:
            return resp.read()

    def select(self, query: str, default_graph: str | None = None) -> dict:
        return json.loads(self.request(query, default_graph=default_graph))

    def load_build(self, out: Path) -> None:
        """A build's graph.nq (its own named graphs) and graph.ttl (into ``TTL_GRAPH``)."""
        self.load(Path(out) / "graph.nq", TTL_GRAPH + "-default")
        self.load(Path(out) / "graph.ttl", TTL_GRAPH)

    def ask(self, query: str) -> bool:
        doc = self.select(query)
        if "boolean" in doc:
            return bool(doc["boolean"])
        rows = doc["results"]["bindings"]           # Virtuoso 7 answers ASK in JSON as a table:
        return bool(rows) and rows[0]["__ASK_RETVAL"]["value"] != "0"   # one row, __ASK_RETVAL 1/0

    def graph_counts(self, graphs: list[str]) -> dict[str, int]:
        """Triples per named graph, for the graphs asked about."""
        values = " ".join(f"<{g}>" for g in graphs)
        doc = self.select("SELECT ?g (COUNT(*) AS ?n) WHERE { VALUES ?g { %s } GRAPH ?g { ?s ?p ?o } } "
                          "GROUP BY ?g" % values)
        return {b["g"]["value"]: int(b["n"]["value"]) for b in doc["results"]["bindings"]}


def _sql_str(text: str) -> str:
    return text.replace("'", "''")


def file_counts(out: Path) -> dict[str, int]:
    """What a build wrote: triples per named graph of graph.nq, and graph.ttl's triples as ``TTL_GRAPH``."""
    counts: dict[str, int] = {}
    for quad in ox.parse(path=str(Path(out) / "graph.nq"), format=ox.RdfFormat.N_QUADS):
        name = quad.graph_name.value if isinstance(quad.graph_name, ox.NamedNode) else ""
        counts[name] = counts.get(name, 0) + 1
    counts[TTL_GRAPH] = sum(1 for _ in ox.parse(path=str(Path(out) / "graph.ttl"), format=ox.RdfFormat.TURTLE))
    return counts


def oxigraph_build_store(out: Path) -> ox.Store:
    """An in-memory Oxigraph store holding a build like ``Virtuoso.load_build`` does."""
    store = ox.Store()
    store.bulk_load(path=str(Path(out) / "graph.nq"), format=ox.RdfFormat.N_QUADS)
    store.bulk_load(path=str(Path(out) / "graph.ttl"), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(TTL_GRAPH))
    return store


def oxigraph_counts(store: ox.Store) -> dict[str, int]:
    counts: dict[str, int] = {}
    for quad in store:
        name = quad.graph_name.value if isinstance(quad.graph_name, ox.NamedNode) else ""
        counts[name] = counts.get(name, 0) + 1
    return counts


def rapper_check(path: Path) -> tuple[int, str]:
    """Parse Turtle strictly with raptor's ``rapper -i turtle -c``: (triple count, stderr warnings/errors)."""
    if shutil.which("rapper") is None:
        raise GraphError("rapper not found: run scripts/install-system-deps.sh (raptor2-utils)")
    done = subprocess.run(["rapper", "-i", "turtle", "-c", str(path)], capture_output=True, text=True)
    problems = "\n".join(line for line in done.stderr.splitlines()
                         if "Warning" in line or "Error" in line or done.returncode != 0)
    count = 0
    for line in done.stderr.splitlines():
        if "returned" in line and "triples" in line:
            count = int(line.split("returned", 1)[1].split()[0])
    return count, problems
