"""``kg serve``: a read-only SPARQL 1.1 Protocol endpoint over graph files, backed by pyoxigraph.

GET ``/sparql?query=…``, POST form (``query=…``) or POST ``application/sparql-query``. SELECT/ASK answer
as SPARQL JSON (default), XML, CSV or TSV by the Accept header; CONSTRUCT/DESCRIBE as Turtle (default),
N-Triples or RDF/XML. Updates get 403, a malformed query 400 with the parser's message, a query still
running after ``timeout`` seconds 503 (pyoxigraph cannot cancel it: it finishes in the background, and at
most ``workers`` queries run at once). CORS is open, so YASGUI in a browser can use it.
The default graph is the merge of every graph loaded (``GRAPH ?g`` still reaches each article's graph).
Note: Oxigraph canonicalizes literals on load (integer subtypes become xsd:integer).
"""
from __future__ import annotations

import argparse
import threading
from concurrent.futures import ThreadPoolExecutor, TimeoutError as FutureTimeout
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pyoxigraph as ox

from .query import load_oxigraph
from .vocab import PREFIXES

RESULT_TYPES = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
    "application/json": ox.QueryResultsFormat.JSON,
}
GRAPH_TYPES = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
}
MAX_BODY = 1 << 20


class HttpError(Exception):
    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status


def negotiate(accept: str | None, offers: dict) -> str:
    """The best offered media type for an Accept header (q-values honoured; the first offer by default)."""
    choices = []
    for i, part in enumerate((accept or "").split(",")):
        media, *params = [x.strip() for x in part.split(";")]
        q = next((float(p[2:]) for p in params if p.startswith("q=") and _is_number(p[2:])), 1.0)
        choices.append((-q, i, media.lower()))
    for _, _, media in sorted(choices):
        if media in offers:
            return media
        if media in ("*/*", "application/*", "text/*"):
            return next(iter(offers))
    return next(iter(offers))


def _is_number(text: str) -> bool:
    try:
        float(text)
        return True
    except ValueError:
        return False


def execute(store: ox.Store, query: str, accept: str | None) -> tuple[str, bytes]:
    """Run one query and serialize the answer for the Accept header: (content type, body)."""
    try:
        answer = store.query(query)
    except SyntaxError as err:
        raise HttpError(400, f"malformed SPARQL: {err}") from None
    if isinstance(answer, ox.QueryTriples):
        media = negotiate(accept, GRAPH_TYPES)
        body = ox.serialize(answer, format=GRAPH_TYPES[media], prefixes=PREFIXES) if media == "text/turtle" \
            else ox.serialize(answer, format=GRAPH_TYPES[media])
        return media, body
    media = negotiate(accept, RESULT_TYPES)
    return media, answer.serialize(format=RESULT_TYPES[media])


class SparqlHandler(BaseHTTPRequestHandler):
    server: "SparqlServer"
    protocol_version = "HTTP/1.1"

    def do_OPTIONS(self) -> None:
        self._send(204, "text/plain", b"")

    def do_GET(self) -> None:
        self._answer(lambda: self._params(urlsplit(self.path).query))

    def do_POST(self) -> None:
        self._answer(self._post_params)

    def _post_params(self) -> dict:
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            raise HttpError(413, f"request body over {MAX_BODY} bytes")
        body = self.rfile.read(length).decode("utf-8")
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if ctype == "application/sparql-query":
            return {"query": body}
        if ctype == "application/sparql-update":
            return {"update": body}
        if ctype == "application/x-www-form-urlencoded":
            return self._params(body)
        raise HttpError(415, f"unsupported Content-Type {ctype or '(none)'}; use application/sparql-query "
                             "or application/x-www-form-urlencoded")

    @staticmethod
    def _params(text: str) -> dict:
        return {k: v[0] for k, v in parse_qs(text, keep_blank_values=True).items()}

    def _answer(self, read_params) -> None:
        try:
            if urlsplit(self.path).path.rstrip("/") not in ("/sparql", ""):
                raise HttpError(404, "not found; the endpoint is /sparql")
            params = read_params()
            if "update" in params:
                raise HttpError(403, "this endpoint is read-only: SPARQL updates are refused")
            if not params.get("query", "").strip():
                raise HttpError(400, "missing 'query' parameter")
            media, body = self.server.run(params["query"], self.headers.get("Accept"))
            self._send(200, media, body)
        except HttpError as err:
            self._send(err.status, "text/plain; charset=utf-8", (str(err) + "\n").encode("utf-8"))

    def _send(self, status: int, media: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", media if "charset" in media or not media.startswith("text/")
                         else media + "; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
        self.send_header("Access-Control-Allow-Headers", "Content-Type, Accept")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, fmt: str, *args) -> None:
        if self.server.verbose:
            super().log_message(fmt, *args)


class SparqlServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, store: ox.Store, host: str = "127.0.0.1", port: int = 7878, timeout: float = 30,
                 workers: int = 4, verbose: bool = False):
        super().__init__((host, port), SparqlHandler)
        self.store, self.query_timeout, self.verbose = store, timeout, verbose
        self.pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="sparql")
        self.slots = threading.BoundedSemaphore(workers)

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}/sparql"

    def run(self, query: str, accept: str | None) -> tuple[str, bytes]:
        if not self.slots.acquire(blocking=False):
            raise HttpError(503, "all query workers are busy; try again later")
        future = self.pool.submit(execute, self.store, query, accept)
        future.add_done_callback(lambda _: self.slots.release())
        try:
            return future.result(timeout=self.query_timeout)
        except FutureTimeout:
            raise HttpError(503, f"query timed out after {self.query_timeout:g} s") from None

    def server_close(self) -> None:
        super().server_close()
        self.pool.shutdown(wait=False, cancel_futures=True)


def add_serve(subparsers) -> argparse.ArgumentParser:
    p = subparsers.add_parser("serve", help="serve graphs over the SPARQL 1.1 Protocol (read-only)")
    p.add_argument("graphs", nargs="+", type=Path, help="graph files (.ttl, .nq, .nt, .trig) or one kg build output folder")
    p.add_argument("--host", default="127.0.0.1", help="interface to listen on (default: loopback only)")
    p.add_argument("--port", type=int, default=7878)
    p.add_argument("--timeout", type=float, default=30, help="seconds before a query is answered 503")
    p.set_defaults(func=serve_cli)
    return p


def serve_cli(args: argparse.Namespace) -> int:
    store = load_oxigraph(*args.graphs)
    server = SparqlServer(store, args.host, args.port, args.timeout, verbose=True)
    print(f"serving {len(store)} quads at {server.url} (Ctrl-C stops)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0
