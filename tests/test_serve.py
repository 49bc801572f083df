"""kg serve: the SPARQL 1.1 Protocol endpoint, driven by a real client (SPARQLWrapper) over loopback."""
from __future__ import annotations

import csv
import io
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
from SPARQLWrapper import CSV, JSON, POST, POSTDIRECTLY, SPARQLWrapper, TSV, TURTLE, URLENCODED, XML
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from kg.query import load_oxigraph
from kg.serve import SparqlServer, negotiate
from kg.stores import free_port

OFFICIALS = """PREFIX hc: <https://w3id.org/hckg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?name WHERE { ?p hc:holdsPost ?post ; rdfs:label ?name } ORDER BY ?name"""
NAMES = ["Габит Сыздыкбеков", "Игорь Артамонов"]


@pytest.fixture(scope="module")
def server(sample_build):
    store = load_oxigraph(sample_build / "graph.nq")
    srv = SparqlServer(store, "127.0.0.1", 0, timeout=0.2)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield srv
    srv.shutdown()
    srv.server_close()


def client(server, fmt=JSON, method=None, request_method=None) -> SPARQLWrapper:
    sw = SPARQLWrapper(server.url)
    sw.setReturnFormat(fmt)
    if method:
        sw.setMethod(method)
    if request_method:
        sw.setRequestMethod(request_method)
    return sw


@pytest.mark.parametrize("method, request_method", [(None, None), (POST, URLENCODED), (POST, POSTDIRECTLY)])
def test_select_as_json_by_get_and_both_posts(server, method, request_method):
    sw = client(server, JSON, method, request_method)
    sw.setQuery(OFFICIALS)
    rows = sw.query().convert()["results"]["bindings"]
    assert [r["name"]["value"] for r in rows] == NAMES


def test_select_as_xml_csv_tsv(server):
    sw = client(server, XML)
    sw.setQuery(OFFICIALS)
    doc = sw.query().convert()                           # xml.dom.minidom Document
    assert [e.firstChild.data for e in doc.getElementsByTagName("literal")] == NAMES
    sw = client(server, CSV)
    sw.setQuery(OFFICIALS)
    rows = list(csv.reader(io.StringIO(sw.query().convert().decode("utf-8"))))
    assert rows == [["name"], *([n] for n in NAMES)]
    sw = client(server, TSV)                             # TSV keeps the terms' Turtle form
    sw.setQuery(OFFICIALS)
    assert sw.query().convert().decode("utf-8").splitlines() == ["?name", *(f'"{n}"@ru' for n in NAMES)]


def test_ask(server):
    sw = client(server)
    sw.setQuery("ASK { ?t a <https://w3id.org/hckg/ontology#Tenure> }")
    assert sw.query().convert() == {"head": {}, "boolean": True}


def test_construct_as_turtle_and_ntriples(server):
    query = "CONSTRUCT { ?p <http://ex.org/name> ?n } WHERE { ?p a <https://w3id.org/hckg/ontology#Person> ; " \
            "<http://www.w3.org/2000/01/rdf-schema#label> ?n }"
    sw = client(server, TURTLE)
    sw.setQuery(query)
    turtle = sw.query().convert().decode("utf-8")
    assert "Игорь Артамонов" in turtle
    status, headers, body = raw(server, query, accept="application/n-triples")
    assert status == 200 and headers["Content-Type"].startswith("application/n-triples")
    assert len(body.decode().strip().splitlines()) == 2


def raw(server, query=None, accept=None, data=None, ctype=None, method=None):
    url = server.url + ("?" + urllib.parse.urlencode({"query": query}) if query and data is None else "")
    req = urllib.request.Request(url, data=data, method=method)
    if accept:
        req.add_header("Accept", accept)
    if ctype:
        req.add_header("Content-Type", ctype)
    try:
        with urllib.request.urlopen(req, timeout=10) as resp:
            return resp.status, resp.headers, resp.read()
    except urllib.error.HTTPError as err:
        return err.code, err.headers, err.read()


def test_malformed_query_is_400(server):
    sw = client(server)
    sw.setQuery("SELECT ?s WHERE { ?s ?p }")
    with pytest.raises(QueryBadFormed):
        sw.query()
    status, _, body = raw(server, "SELECT ?s WHERE { ?s ?p }")
    assert status == 400 and body.startswith(b"malformed SPARQL")


@pytest.mark.parametrize("data, ctype", [
    (b"update=INSERT+DATA+%7B%3Chttp%3A%2F%2Fa%3E+%3Chttp%3A%2F%2Fb%3E+1%7D", "application/x-www-form-urlencoded"),
    (b"INSERT DATA { <http://a> <http://b> 1 }", "application/sparql-update"),
])
def test_updates_are_refused(server, data, ctype):
    before = len(server.store)
    status, _, body = raw(server, data=data, ctype=ctype)
    assert status == 403 and b"read-only" in body
    assert len(server.store) == before


def test_slow_query_times_out_with_503(server):
    start = time.monotonic()
    slow = "SELECT (SUM(STRLEN(CONCAT(STR(?a), STR(?d), STR(?g)))) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    status, _, body = raw(server, slow)                 # about 1 s of work on the sample
    assert status == 503 and b"timed out after 0.2 s" in body
    assert time.monotonic() - start < 0.8


def test_cors_for_yasgui(server):
    status, headers, _ = raw(server, OFFICIALS)
    assert status == 200 and headers["Access-Control-Allow-Origin"] == "*"
    status, headers, _ = raw(server, method="OPTIONS")
    assert status == 204 and "POST" in headers["Access-Control-Allow-Methods"]


def test_unknown_path_and_missing_query(server):
    assert raw(server)[0] == 400
    req = urllib.request.Request(server.url.replace("/sparql", "/other"))
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(req, timeout=5)
    assert err.value.code == 404


def test_accept_negotiation_honours_q_values():
    offers = {"application/sparql-results+json": 1, "text/csv": 2}
    assert negotiate("text/csv;q=0.9, application/sparql-results+json;q=0.5", offers) == "text/csv"
    assert negotiate("text/html, */*;q=0.1", offers) == "application/sparql-results+json"
    assert negotiate(None, offers) == "application/sparql-results+json"


def test_kg_serve_command(sample_build):
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "kg.cli", "serve", str(sample_build / "graph.ttl"),
                             "--port", str(port)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        banner = proc.stdout.readline()
        assert banner.startswith("serving ") and f"127.0.0.1:{port}/sparql" in banner
        sw = SPARQLWrapper(f"http://127.0.0.1:{port}/sparql")
        sw.setReturnFormat(JSON)
        sw.setQuery(OFFICIALS)
        assert [r["name"]["value"] for r in sw.query().convert()["results"]["bindings"]] == NAMES
    finally:
        proc.terminate()
        proc.wait(10)
