"""Hostile queries and requests: nothing leaves the machine, a query past its time is really stopped, the
endpoint stays up under malformed requests and load. A trap HTTP server on loopback counts every request
a query would make; real engines, real processes, real sockets."""
from __future__ import annotations

import http.server as httpserver
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from kg.errors import QueryError
from kg.query import load_oxigraph, query
from kg.serve import SparqlServer

ROOT = Path(__file__).resolve().parent.parent
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
FAST = "SELECT ?s WHERE { ?s a <https://w3id.org/hckg/ontology#Person> } LIMIT 1"


@pytest.fixture(scope="module")
def trap():
    """An HTTP server on loopback that records every request made to it."""
    hits: list[str] = []

    class Handler(httpserver.BaseHTTPRequestHandler):
        def do_GET(self):
            hits.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "text/turtle")
            self.send_header("Content-Length", "0")
            self.end_headers()

        do_POST = do_GET

        def log_message(self, *args):
            pass

    srv = httpserver.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    srv.hits = hits
    srv.url = f"http://127.0.0.1:{srv.server_address[1]}"
    yield srv
    srv.shutdown()
    srv.server_close()


def remote_queries(url: str) -> list[tuple[str, str]]:
    return [
        (f"SELECT * WHERE {{ SERVICE <{url}/sparql> {{ ?s ?p ?o }} }}", "SERVICE is refused"),
        (f"SELECT * WHERE {{ service silent <{url}/s> {{ ?s ?p ?o }} }}", "SERVICE is refused"),
        (f"SELECT * WHERE {{ S\\u0045RVICE <{url}/esc> {{ ?s ?p ?o }} }}", "SERVICE is refused"),
        (f"PREFIX r: <{url}/> SELECT * WHERE {{ SERVICE r:x {{ ?s ?p ?o }} }}", "SERVICE is refused"),
        (f"SELECT * FROM <{url}/from> WHERE {{ ?s ?p ?o }}", "FROM <"),
        (f"SELECT * FROM NAMED <{url}/named> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}", "FROM <"),
        (f"PREFIX r: <{url}/> SELECT * FROM r:pfx WHERE {{ ?s ?p ?o }}", "FROM <"),
        (f"SELECT * FROM <file:///etc/passwd> WHERE {{ ?s ?p ?o }}", "FROM <file:///etc/passwd> is refused"),
        (f"LOAD <{url}/load>", "LOAD is refused"),
        (f"INSERT DATA {{ <{url}/a> <{url}/b> 1 }}", "INSERT is refused"),
        (f"DROP ALL", "DROP is refused"),
    ]


@pytest.mark.parametrize("engine", ["rdflib", "oxigraph"])
def test_no_query_reaches_the_network(sample_build, trap, engine):
    for text, message in remote_queries(trap.url):
        with pytest.raises(QueryError) as err:
            query(sample_build / "graph.nq", text, engine=engine)
        assert message in str(err.value), text
    assert trap.hits == []


@pytest.mark.parametrize("engine", ["rdflib", "oxigraph"])
def test_keywords_in_strings_comments_and_names_are_not_refused(sample_build, engine):
    text = """PREFIX service: <http://example.org/service#>
    SELECT ?service WHERE { # SERVICE <http://x> would be refused here, not in a comment
      BIND("SERVICE <http://x> LOAD FROM" AS ?service) } """
    result = query(sample_build / "graph.nq", text, engine=engine)
    assert [str(c) for c in result.rows[0]] == ["SERVICE <http://x> LOAD FROM"]


@pytest.mark.parametrize("engine", ["rdflib", "oxigraph"])
def test_from_a_graph_of_the_data_still_works(sample_build, engine):
    store = load_oxigraph(sample_build / "graph.nq")
    graph = sorted(g.value for g in store.named_graphs())[0]
    result = query(sample_build / "graph.nq", f"SELECT (COUNT(*) AS ?n) FROM <{graph}> WHERE {{ ?s ?p ?o }}",
                   engine=engine)
    assert int(str(result.rows[0][0])) > 0


def kg(*args, timeout=120):
    return subprocess.run([sys.executable, "-m", "kg.cli", *map(str, args)], cwd=ROOT, capture_output=True,
                          text=True, timeout=timeout)


def test_kg_query_command_refuses_service(sample_build, trap):
    done = kg("query", sample_build / "graph.ttl", f"SELECT * WHERE {{ SERVICE <{trap.url}/cli> {{ ?s ?p ?o }} }}")
    assert done.returncode == 2
    assert done.stderr.strip() == "error: SERVICE is refused: queries here never reach the network"
    assert trap.hits == []


def processes_with(marker: str) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if marker.encode() in (entry / "cmdline").read_bytes():
                    found.append(int(entry.name))
            except OSError:
                pass
    return found


@pytest.mark.parametrize("engine", ["rdflib", "oxigraph"])
def test_kg_query_timeout_stops_the_query(sample_build, tmp_path, engine):
    graph = tmp_path / f"timeout-{engine}.nq"                        # a name no other process carries
    graph.write_bytes((sample_build / "graph.nq").read_bytes())
    done = kg("query", graph, SLOW, "--engine", engine, "--timeout", "1")
    assert done.returncode == 2
    assert done.stderr.strip() == "error: query stopped after 1 s (--timeout)"
    assert processes_with(str(graph)) == []                          # the query's process is gone too


def test_library_timeout_and_the_answer_within_it(sample_build):
    with pytest.raises(QueryError, match="stopped after 0.5 s"):
        query(sample_build / "graph.nq", SLOW, engine="oxigraph", timeout=0.5)
    result = query(sample_build / "graph.nq", FAST, engine="oxigraph", timeout=60)
    assert len(result.rows) == 1


# ---- the endpoint

@pytest.fixture()
def server(sample_build):
    store = load_oxigraph(sample_build / "graph.nq")
    srv = SparqlServer(store, "127.0.0.1", 0, timeout=0.5, workers=2, max_connections=6)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield srv
    srv.shutdown()
    srv.server_close()


def http(server, raw: bytes, read_timeout: float = 30) -> tuple[int, bytes]:
    """Send raw bytes, read the answer until the server closes: (status, body)."""
    host, port = server.server_address[:2]
    data = b""
    with socket.create_connection((host, port), timeout=read_timeout) as sock:
        try:
            sock.sendall(raw)
            sock.shutdown(socket.SHUT_WR)
        except OSError:                          # the server answered and closed before reading it all
            pass
        try:
            while chunk := sock.recv(65536):
                data += chunk
        except ConnectionResetError:
            pass
    head, _, body = data.partition(b"\r\n\r\n")
    return int(head.split()[1]), body


def get(server, text: str) -> tuple[int, bytes]:
    return http(server, f"GET /sparql?{urllib.parse.urlencode({'query': text})} HTTP/1.1\r\nHost: x\r\n"
                        "Connection: close\r\n\r\n".encode())


def post(server, body: bytes, ctype="application/x-www-form-urlencoded", length: str | None = None, extra=""):
    length = str(len(body)) if length is None else length
    return http(server, f"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: {ctype}\r\nContent-Length: {length}\r\n"
                        f"{extra}Connection: close\r\n\r\n".encode() + body)


def test_endpoint_never_reaches_the_network(server, trap):
    for text, message in remote_queries(trap.url):
        status, body = get(server, text)
        assert status in (400, 403) and (message.encode() in body or b"read-only" in body), (text, body)
        status, body = post(server, text.encode(), "application/sparql-query")
        assert status == 400 and message.encode() in body, (text, body)
    assert trap.hits == []


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split()[2]
    except OSError:
        return False
    return state != "Z"


def test_timed_out_queries_are_killed_and_the_endpoint_stays_up(server):
    before = server.pool.pids()
    for _ in range(6):                                              # more than there are workers
        status, body = get(server, SLOW)
        assert status == 503 and b"timed out after 0.5 s (stopped)" in body
    for _ in range(50):
        if not any(alive(pid) for pid in before):
            break
        time.sleep(0.1)
    assert not any(alive(pid) for pid in before)                    # the runaway queries' processes are gone
    assert server.pool.killed == 6 and len(server.pool.pids()) == 2 and all(map(alive, server.pool.pids()))
    assert get(server, FAST)[0] == 200


def test_busy_workers_answer_503_at_once(server):
    with ThreadPoolExecutor(3) as pool:
        slow = [pool.submit(get, server, SLOW) for _ in range(2)]
        time.sleep(0.2)                                             # both workers are running a slow query
        status, body = get(server, FAST)
        assert status == 503 and b"busy" in body
        assert [f.result()[0] for f in slow] == [503, 503]
    assert get(server, FAST)[0] == 200


def test_connections_are_bounded(server):
    host, port = server.server_address[:2]
    idle = [socket.create_connection((host, port)) for _ in range(6)]   # clients that send nothing
    try:
        time.sleep(0.2)
        host, port = server.server_address[:2]
        with socket.create_connection((host, port), timeout=10) as sock:   # the 503 comes unasked
            answer = sock.recv(4096)
        assert answer.startswith(b"HTTP/1.1 503") and b"too many connections" in answer
    finally:
        for sock in idle:
            sock.close()
    for _ in range(50):
        status, _ = get(server, FAST)
        if status == 200:
            break
        time.sleep(0.1)
    assert status == 200


FORM = b"query=" + urllib.parse.quote(FAST).encode()


@pytest.mark.parametrize("raw, status, message", [
    (("abc", FORM), 400, b"Content-Length must be a number"),
    (("-1", FORM), 400, b"Content-Length must be a number"),
    (("1" * 30, FORM), 400, b"Content-Length must be a number"),
    (("99999999", FORM), 413, b"request body over"),
    ((None, b"query=" + "SELECT ?s { ?s ?p ?o }".encode("cp1251") + b"\xff\xfe"), 400, b"not UTF-8"),
    ((None, b"query=%FF%FE%FD"), 400, b"not percent-encoded UTF-8"),
    ((None, b"&".join([b"a=1"] * 60)), 400, b"malformed parameters"),
    ((None, FORM + b"&" + FORM), 400, b"more than one 'query'"),
    ((str(len(FORM) + 100), FORM), 400, b"shorter than its Content-Length"),
])
def test_malformed_posts_get_400(server, raw, status, message):
    length, body = raw
    got, answer = post(server, body, length=length)
    assert got == status and message in answer, answer
    assert get(server, FAST)[0] == 200                               # and the endpoint still answers


def test_other_malformed_requests(server):
    assert http(server, b"GARBAGE / HTTP/1.1\r\n\r\n")[0] == 501
    assert http(server, b"GET /sparql HTTP/x.y\r\n\r\n")[0] == 400
    assert http(server, b"GET /sparql\xff\x00 HTTP/1.1\r\n\r\n")[0] in (400, 404)
    assert http(server, b"GET /sparql?query=%FF%FE HTTP/1.1\r\nHost: x\r\n\r\n")[0] == 400
    status, body = post(server, FORM, length="", extra="Transfer-Encoding: chunked\r\n")
    assert status == 411
    status, body = post(server, b"SELECT", "application/sparql-query", extra="Content-Length: 7\r\n")
    assert status == 400 and b"Content-Length" in body                 # two different lengths
    assert http(server, b"GET /sparql?query=x HTTP/1.1\r\n" + b"X: " + b"a" * 70000 + b"\r\n\r\n")[0] in (400, 431)
    assert get(server, FAST)[0] == 200


def test_load_on_loopback(server):
    """400 requests from 16 clients, valid, malformed, slow and hostile mixed: each gets an HTTP answer."""
    kinds = [lambda: get(server, FAST), lambda: get(server, "SELECT ?s WHERE { ?s ?p }"),
             lambda: post(server, FORM), lambda: post(server, b"query=%FF"),
             lambda: get(server, "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"),
             lambda: post(server, FORM, length="abc")]
    with ThreadPoolExecutor(16) as pool:
        statuses = list(pool.map(lambda i: kinds[i % len(kinds)]()[0], range(400)))
    assert set(statuses) <= {200, 400, 503}
    assert statuses.count(400) >= 4 * 400 // len(kinds) - 10           # every malformed one was answered 400
    assert len(server.pool.pids()) == 2 and all(map(alive, server.pool.pids()))
    assert get(server, FAST)[0] == 200


@pytest.mark.parametrize("engine", ["rdflib", "oxigraph"])
def test_deeply_nested_query_is_refused(sample_build, engine):
    nested = "SELECT * WHERE " + "{" * 100_000 + "}" * 100_000        # Oxigraph's parser would segfault
    with pytest.raises(QueryError, match="nested over 200 levels"):
        query(sample_build / "graph.nq", nested, engine=engine)


def test_deeply_nested_query_gets_400_from_the_endpoint(server):
    nested = "SELECT * WHERE " + "{" * 100_000 + "}" * 100_000
    status, body = post(server, nested.encode(), "application/sparql-query")
    assert status == 400 and b"nested over 200 levels" in body


def test_a_worker_killed_mid_query_is_replaced(server):
    """A worker that dies (the OOM killer, a crash in the engine) costs one 500, not the endpoint."""
    server.query_timeout = 60                                      # it is killed long before that
    with ThreadPoolExecutor(1) as pool:
        slow = pool.submit(get, server, SLOW)
        for _ in range(50):                                        # the worker that took the query runs
            time.sleep(0.05)
            busy = [pid for pid in server.pool.pids() if Path(f"/proc/{pid}/stat").read_text().split()[2] == "R"]
            if len(busy) == 1:
                break
        assert len(busy) == 1
        os.kill(busy[0], 9)
        status, body = slow.result()
    assert status == 500 and b"ended without an answer" in body
    assert len(server.pool.pids()) == 2 and busy[0] not in server.pool.pids()
    assert get(server, FAST)[0] == 200


def test_from_with_a_huge_query_is_checked_under_the_time_limit(server, trap):
    text = f"SELECT * FROM <{trap.url}/big> WHERE {{ " + "OPTIONAL { ?s ?p ?o } " * 3000 + "}"
    status, body = post(server, text.encode(), "application/sparql-query")
    assert status in (400, 503), body
    assert trap.hits == [] and get(server, FAST)[0] == 200


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300) | st.text(alphabet="{}()<>\"'#\\u SERVICE FROM ?x:.", max_size=300))
def test_the_offline_check_never_crashes(text):
    from kg.offline import check_query

    try:
        check_query(text, set())
    except QueryError:
        pass


@pytest.mark.slow
def test_kg_serve_on_a_build_folder_stops_runaway_queries(seeds_build):
    """`kg serve DIR` (the build's on-disk store, opened by each worker): a query past --timeout is killed."""
    from kg.stores import free_port

    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "kg.cli", "serve", str(seeds_build), "--port", str(port),
                             "--timeout", "1", "--workers", "2"], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().startswith("serving ")

        class Srv:
            server_address = ("127.0.0.1", port)

        for _ in range(3):
            status, body = get(Srv, SLOW)
            assert status == 503 and b"timed out after 1 s (stopped)" in body
        status, body = get(Srv, "SELECT (COUNT(*) AS ?n) WHERE { ?s a <https://w3id.org/hckg/ontology#Person> }")
        import json

        assert status == 200
        assert int(json.loads(body)["results"]["bindings"][0]["n"]["value"]) > 0
    finally:
        proc.terminate()
        proc.wait(10)


@pytest.mark.slow
def test_kg_query_on_a_build_folder_times_out(seeds_build):
    done = kg("query", seeds_build, SLOW, "--timeout", "1")
    assert done.returncode == 2 and done.stderr.strip() == "error: query stopped after 1 s (--timeout)"
