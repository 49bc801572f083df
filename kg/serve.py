"""``kg serve``: a read-only SPARQL 1.1 Protocol endpoint over graph files, backed by pyoxigraph.

GET ``/sparql?query=…``, POST form (``query=…``) or POST ``application/sparql-query``. SELECT/ASK answer
as SPARQL JSON (default), XML, CSV or TSV by the Accept header; CONSTRUCT/DESCRIBE as Turtle (default),
N-Triples or RDF/XML. Updates get 403; SERVICE and FROM of graphs not in the data 400 (nothing reaches the
network, kg.offline); a malformed query or request (Content-Length not a number, a body that is not UTF-8,
bad percent-encoding) 400 with one line. Queries run in ``workers`` processes forked from the server
(kg.sandbox): a query still running after ``timeout`` seconds gets 503 and its process is killed and
replaced; when every worker is busy a query gets 503 at once, and at most ``max_connections`` connections
are served at a time (the next one gets 503 and is closed). CORS is open, so YASGUI in a browser can use it.
The default graph is the merge of every graph loaded (``GRAPH ?g`` still reaches each article's graph).
Note: Oxigraph canonicalizes literals on load (integer subtypes become xsd:integer).
"""
from __future__ import annotations

import argparse
import functools
import re
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pyoxigraph as ox

from .errors import KgError, QueryError
from .offline import check_query
from .query import graph_names, load_oxigraph, open_build
from .sandbox import Busy, TimedOut, WorkerFailed, WorkerPool
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


_DIGITS = re.compile(r"[0-9]{1,19}")


class HttpError(Exception):
    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status

    def __reduce__(self):                      # crosses from a worker process intact
        return HttpError, (self.status, str(self))


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
    except (OSError, ValueError, RuntimeError) as err:
        raise HttpError(400, f"query failed: {(str(err).splitlines() or [''])[0]}") from None
    if isinstance(answer, ox.QueryTriples):
        media = negotiate(accept, GRAPH_TYPES)
        body = ox.serialize(answer, format=GRAPH_TYPES[media], prefixes=PREFIXES) if media == "text/turtle" \
            else ox.serialize(answer, format=GRAPH_TYPES[media])
        return media, body
    media = negotiate(accept, RESULT_TYPES)
    return media, answer.serialize(format=RESULT_TYPES[media])


class _OwnStore:
    """A store a worker opens itself, on its first query."""

    def __init__(self, opener):
        self.opener, self.store = opener, None

    def get(self) -> ox.Store:
        if self.store is None:
            self.store = self.opener()
        return self.store


def checked_execute(store, graphs: set[str], query: str, accept: str | None) -> tuple[str, bytes]:
    """What a worker runs: the FROM check (it parses the query, so it too is under the time limit), then
    the query. ``store``: an ox.Store shared by fork, or an ``_OwnStore``."""
    if isinstance(store, _OwnStore):
        store = store.get()
    try:
        check_query(query, graphs)
    except QueryError as err:
        raise HttpError(400, str(err)) from None
    return execute(store, query, accept)


class SparqlHandler(BaseHTTPRequestHandler):
    server: "SparqlServer"
    protocol_version = "HTTP/1.1"
    default_request_version = "HTTP/1.1"      # a garbled request line still gets a status line
    timeout = 20                               # seconds a client may take to send its request

    def do_OPTIONS(self) -> None:
        self._send(204, "text/plain", b"")

    def do_GET(self) -> None:
        self._answer(lambda: self._params(urlsplit(self.path).query))

    def do_POST(self) -> None:
        self._answer(self._post_params)

    def _post_params(self) -> dict:
        if self.headers.get("Transfer-Encoding"):
            raise HttpError(411, "send the body with a Content-Length (no Transfer-Encoding)")
        lengths = self.headers.get_all("Content-Length") or ["0"]
        if len(set(lengths)) > 1 or not _DIGITS.fullmatch(lengths[0].strip()):
            raise HttpError(400, f"Content-Length must be a number of bytes, got {', '.join(lengths)[:40]!r}")
        length = int(lengths[0])
        if length > MAX_BODY:
            raise HttpError(413, f"request body over {MAX_BODY} bytes")
        data = self.rfile.read(length)
        if len(data) < length:
            raise HttpError(400, "request body shorter than its Content-Length")
        try:
            body = data.decode("utf-8")
        except UnicodeDecodeError:
            raise HttpError(400, "request body is not UTF-8") from None
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if ctype == "application/sparql-query":
            return {"query": body}
        if ctype == "application/sparql-update":
            return {"update": body}
        if ctype == "application/x-www-form-urlencoded":
            return self._params(body)
        raise HttpError(415, f"unsupported Content-Type {ctype[:60] or '(none)'}; use application/sparql-query "
                             "or application/x-www-form-urlencoded")

    @staticmethod
    def _params(text: str) -> dict:
        try:
            pairs = parse_qs(text, keep_blank_values=True, errors="strict", max_num_fields=50)
        except UnicodeDecodeError:
            raise HttpError(400, "parameters are not percent-encoded UTF-8") from None
        except ValueError as err:
            raise HttpError(400, f"malformed parameters: {err}") from None
        if len(pairs.get("query", ())) > 1:
            raise HttpError(400, "more than one 'query' parameter")
        return {k: v[0] for k, v in pairs.items()}

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
            self.close_connection = True       # a body may be left unread: never read it as a request
            self._send(err.status, "text/plain; charset=utf-8", (str(err) + "\n").encode("utf-8"))
        except OSError:                        # the client left or was too slow (socket timeout)
            self.close_connection = True

    def _send(self, status: int, media: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", media if "charset" in media or not media.startswith("text/")
                         else media + "; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
        self.send_header("Access-Control-Allow-Headers", "Content-Type, Accept")
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, fmt: str, *args) -> None:
        if self.server.verbose:
            super().log_message(fmt, *args)


class SparqlServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 64

    def __init__(self, store: ox.Store, host: str = "127.0.0.1", port: int = 7878, timeout: float = 30,
                 workers: int = 4, verbose: bool = False, max_connections: int | None = None,
                 reopen=None):
        super().__init__((host, port), SparqlHandler)
        self.store, self.query_timeout, self.verbose = store, timeout, verbose
        self.graphs = graph_names(store)
        # Workers fork now, while this process has one thread; each sees the store loaded here.
        # An on-disk store (a build folder) is opened again by each worker (``reopen``), not shared by fork.
        source = _OwnStore(reopen) if reopen else store
        self.pool = WorkerPool(functools.partial(checked_execute, source, self.graphs), workers)
        self.connections = threading.BoundedSemaphore(max_connections or 4 * workers + 4)

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}/sparql"

    def run(self, query: str, accept: str | None) -> tuple[str, bytes]:
        try:
            check_query(query)                     # SERVICE and updates; FROM is checked in the worker
        except QueryError as err:
            raise HttpError(400, str(err)) from None
        try:
            return self.pool.run((query, accept), self.query_timeout)
        except Busy as err:
            raise HttpError(503, str(err)) from None
        except TimedOut:
            raise HttpError(503, f"query timed out after {self.query_timeout:g} s (stopped)") from None
        except (WorkerFailed, KgError) as err:
            raise HttpError(500, str(err)) from None

    def process_request(self, request, client_address) -> None:
        """A thread per connection, up to the limit; past it, 503 at once and the connection closed."""
        if not self.connections.acquire(blocking=False):
            try:
                request.sendall(b"HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\n"
                                b"Content-Length: 27\r\nConnection: close\r\n\r\ntoo many connections; retry\n")
            except OSError:
                pass
            self.shutdown_request(request)
            return
        super().process_request(request, client_address)

    def process_request_thread(self, request, client_address) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self.connections.release()

    def handle_error(self, request, client_address) -> None:
        if self.verbose:
            print(f"error serving {client_address[0]}: {sys.exc_info()[1]!r}", file=sys.stderr)

    def server_close(self) -> None:
        super().server_close()
        self.pool.close()


def add_serve(subparsers) -> argparse.ArgumentParser:
    p = subparsers.add_parser("serve", help="serve graphs over the SPARQL 1.1 Protocol (read-only)")
    p.add_argument("graphs", nargs="+", type=Path, help="graph files (.ttl, .nq, .nt, .trig) or one kg build output folder")
    p.add_argument("--host", default="127.0.0.1", help="interface to listen on (default: loopback only)")
    p.add_argument("--port", type=int, default=7878)
    p.add_argument("--timeout", type=float, default=30,
                   help="seconds before a query is stopped (its worker process killed) and answered 503")
    p.add_argument("--workers", type=int, default=4, help="queries run at once, each in its own process")
    p.set_defaults(func=serve_cli)
    return p


def serve_cli(args: argparse.Namespace) -> int:
    store = load_oxigraph(*args.graphs)
    folder = args.graphs[0] if len(args.graphs) == 1 and Path(args.graphs[0]).is_dir() else None
    reopen = functools.partial(open_build, folder) if folder else None     # on disk: each worker its own handle
    server = SparqlServer(store, args.host, args.port, args.timeout, workers=max(1, args.workers), verbose=True,
                          reopen=reopen)
    print(f"serving {len(store)} quads at {server.url} (Ctrl-C stops)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0
