"""Builds of any size: the result cache (incremental = fresh, byte for byte), article graphs that never change,
a local process pool and a real Dask cluster on loopback giving the same bytes, outputs switched as one set,
and the shapes run as SPARQL over an Oxigraph store finding what pyshacl finds."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg import export, iris
from kg.build import build
from kg.errors import KgError

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from textgen import write_corpus  # noqa: E402

OUTPUTS = ("graph.ttl", "graph.nq", "graph.html")


def _bytes(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in OUTPUTS}


def _graphs(out: Path) -> dict[str, set[str]]:
    graphs: dict[str, set[str]] = {}
    for line in (out / "graph.nq").read_text(encoding="utf-8").splitlines():
        body, _, graph = line[:-2].rpartition(" ")
        graphs.setdefault(graph, set()).add(body)
    return graphs


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    src = tmp_path_factory.mktemp("corpus")
    write_corpus(src, 6, seed=7, size=500)
    return src


@pytest.fixture(scope="module")
def local_build(corpus, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("local") / "out"
    report = build([corpus], out, workers=1)
    assert report.articles == 6 and report.processed == 6 and report.validated
    return out


@pytest.mark.slow
def test_incremental_rebuild_equals_a_fresh_build(corpus, local_build, tmp_path):
    src = tmp_path / "src"
    shutil.copytree(corpus, src)
    out = tmp_path / "out"
    shutil.copytree(local_build, out, symlinks=True)           # the cache travels with the output folder
    before = _graphs(out)
    write_corpus(src, 1, seed=7, size=500, start=6)             # added
    changed = src / "a000001.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "В Туле открылся новый хоспис.\n",
                       encoding="utf-8")                        # changed
    (src / "a000002.txt").unlink()                              # removed
    again = build([src], out, workers=1)
    assert (again.processed, again.reused, again.articles) == (2, 4, 6)
    fresh = build([src], tmp_path / "fresh", workers=1)
    assert fresh.processed == 6
    assert _bytes(out) == _bytes(tmp_path / "fresh")
    after = _graphs(out)
    unchanged = str(iris.article_iri("a000000.txt"))
    assert after[f"<{unchanged}>"] == before[f"<{unchanged}>"]  # an article's graph never changes
    assert f"<{iris.article_iri('a000002.txt')}>" not in after
    cached = {p.stem for p in (out / ".kg" / "cache").rglob("*.json")}
    assert len(cached) == 6                                     # the removed article's entry is gone


def test_rebuild_reads_article_graphs_back_and_remakes_stale_ones(local_build, tmp_path, corpus):
    out = tmp_path / "out"
    shutil.copytree(local_build, out, symlinks=True)
    kept = sorted((out / ".kg" / "cache").rglob("*.nt"))
    assert len(kept) == 6                                       # one per article, next to its result
    head, _, body = kept[0].read_text(encoding="utf-8").partition("\n")
    graph = next(g for g, lines in _graphs(out).items() if lines == set(body.splitlines()))
    kept[0].write_text(head + "\n" + body + "<urn:x:s> <urn:x:p> <urn:x:o>\n", encoding="utf-8")
    state = out / ".kg" / "current" / "state" / "meta.json"
    state.unlink()                      # no usable state: a full assembly (an incremental one copies graph.nq)
    build([corpus], out, workers=1)                             # nothing to process: statements read back
    assert "<urn:x:s> <urn:x:p> <urn:x:o>" in _graphs(out)[graph]
    kept[0].write_text("# hckg article graph stale\n<urn:x:s> <urn:x:p> <urn:x:o>\n", encoding="utf-8")
    state.unlink()
    build([corpus], out, workers=1)                             # another writer version: made again
    assert _bytes(out) == _bytes(local_build)
    assert kept[0].read_text(encoding="utf-8") == head + "\n" + body


@pytest.mark.slow
def test_two_workers_write_the_same_bytes(corpus, local_build, tmp_path):
    report = build([corpus], tmp_path / "out", workers=2)
    assert report.runner == "2 local worker processes" and report.processed == 6
    assert _bytes(tmp_path / "out") == _bytes(local_build)


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def dask_cluster(tmp_path_factory):
    """A real scheduler and two worker processes on loopback; ended by pid afterwards."""
    dask = shutil.which("dask", path=str(Path(sys.executable).parent)) or shutil.which("dask")
    assert dask, "the dask command (package distributed) is missing: pip install -e '.[test]'"
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    logs = tmp_path_factory.mktemp("dask")
    procs = [subprocess.Popen([dask, "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"],
                              cwd=ROOT, env=env, stdout=open(logs / "scheduler.log", "w"), stderr=subprocess.STDOUT)]
    try:
        for i in range(2):
            procs.append(subprocess.Popen(
                [dask, "worker", address, "--host", "127.0.0.1", "--nthreads", "1", "--no-nanny",
                 "--no-dashboard", "--name", f"w{i}", "--local-directory", str(logs / f"w{i}")],
                cwd=ROOT, env=env, stdout=open(logs / f"worker{i}.log", "w"), stderr=subprocess.STDOUT))
        from distributed import Client

        with Client(address, timeout=60) as client:
            client.wait_for_workers(2, timeout=120)
        yield address
    finally:
        for proc in reversed(procs):
            proc.terminate()
        for proc in procs:
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


@pytest.mark.slow
def test_dask_cluster_build_equals_the_local_build(corpus, local_build, dask_cluster, tmp_path):
    report = build([corpus], tmp_path / "out", dask=dask_cluster)
    assert report.runner.startswith(f"Dask cluster {dask_cluster} (2 workers)") and report.processed == 6
    assert _bytes(tmp_path / "out") == _bytes(local_build)


def test_unreachable_dask_scheduler_is_one_clear_error(corpus, tmp_path):
    port = _free_port()
    done = subprocess.run([sys.executable, "-m", "kg.cli", "build", str(corpus), "--out", str(tmp_path / "o"),
                           "--dask", f"tcp://127.0.0.1:{port}", "--quiet"], cwd=ROOT, capture_output=True,
                          text=True, timeout=120, env=dict(os.environ, DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT="3s"))
    assert done.returncode == 2
    assert done.stderr.strip().splitlines()[-1].startswith(f"error: tcp://127.0.0.1:{port}: cannot reach")


@pytest.mark.slow
def test_outputs_switch_as_one_set_and_failures_keep_the_previous_build(corpus, local_build, tmp_path,
                                                                        monkeypatch):
    out = tmp_path / "out"
    shutil.copytree(local_build, out, symlinks=True)
    previous = _bytes(out)
    for name in OUTPUTS:
        assert oct((out / name).stat().st_mode & 0o777) == "0o644"
    src = tmp_path / "src"
    shutil.copytree(corpus, src)
    write_corpus(src, 1, seed=7, size=500, start=6)

    def broken(self, lines):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(export.TurtleWriter, "text", broken)     # graph.ttl's runs are written through it
    (out / ".kg" / "builds" / "tmp-999999").mkdir()           # what a killed build leaves behind
    with pytest.raises(OSError):
        build([src], out, workers=1)
    assert _bytes(out) == previous
    assert not list((out / ".kg" / "builds").glob("tmp-*"))
    assert len(list((out / ".kg" / "builds").iterdir())) == 1
    monkeypatch.undo()
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "blank.txt").write_text("  ", encoding="utf-8")
    report = build([empty], out, workers=1)
    assert report.articles == 0 and _bytes(out) == previous     # nothing read: the previous build stays
    report = build([corpus, corpus], out, workers=1)            # the same relative paths twice
    assert report.articles == 6 and report.processed == 0 and len(report.failed) == 6
    assert _bytes(out) == previous


def test_a_large_build_checks_its_store_in_a_child_with_the_same_outputs(corpus, local_build, tmp_path,
                                                                          monkeypatch):
    """Above checks.APART_ABOVE statements the build runs the shape checks in a child process: the same
    outputs and findings as when they run in the build's process, and the child's own peak reported."""
    from kg import checks

    out = tmp_path / "out"
    shutil.copytree(local_build / ".kg" / "cache", out / ".kg" / "cache")     # results reused: assembly only
    monkeypatch.setattr(checks, "APART_ABOVE", 0)
    report = build([corpus], out, workers=1)
    assert report.processed == 0 and report.validated and report.violations == []
    assert report.child_peak_mb["checks"] > 0
    assert _bytes(out) == _bytes(local_build)
    state = lambda folder: (folder / ".kg" / "current" / "state" / "checks.json").read_bytes()  # noqa: E731
    assert state(out) == state(local_build)


def test_out_naming_a_file_is_one_line(tmp_path):
    (tmp_path / "in.txt").write_text("Губернатор открыл больницу.", encoding="utf-8")
    target = tmp_path / "file.ttl"
    target.write_text("x", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "kg.cli", "build", str(tmp_path / "in.txt"), "--out", str(target)],
                          cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [f"error: {target}: --out names a file; give a folder "
                                                "(it is created if missing)"]


def test_store_checks_find_what_pyshacl_finds():
    """Every violation pyshacl reports on the deliberately broken graph (test_shapes), found by the SPARQL
    checks over an Oxigraph store plus the per-statement literal rules; nothing more."""
    from test_shapes import broken_graph

    from kg.checks import check_store, literal_rules
    from kg.validate import ANCHOR_RULE, validate

    graph = broken_graph()
    expected = {(v.resource, v.rule) for v in validate(graph).violations if v.rule != ANCHOR_RULE}
    lines = sorted({export.nt_triple(*t) for t in graph})
    store = ox.Store()
    store.load("".join(line + " .\n" for line in lines).encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
    found = {(v.resource, v.rule) for v in check_store(store)}
    rules = literal_rules()
    found |= {(v.resource, v.rule) for line in lines for v in rules.check(line)}
    assert len(expected) >= 12 and found == expected


def test_turtle_writer_is_order_free_and_rapper_clean(sample_build, tmp_path):
    from rdflib import Graph
    from rdflib.compare import isomorphic

    from kg.stores import rapper_check

    graph = Graph().parse(sample_build / "graph.ttl")
    lines = [export.nt_triple(*t) for t in graph]
    text = "".join(export.turtle_lines(sorted(lines)))
    assert text == "".join(export.turtle_lines(sorted(reversed(lines))))
    path = tmp_path / "g.ttl"
    path.write_text(text, encoding="utf-8")
    assert isomorphic(Graph().parse(path), graph)
    assert rapper_check(path) == (len(graph), "")


def test_sorted_spool_merges_runs_on_disk(tmp_path):
    spool = export.SortedSpool(tmp_path, limit=3)
    spool.add(["d", "b", "a"])
    spool.add(["c", "a", "e", "b"])
    assert list(spool) == ["a", "b", "c", "d", "e"]
    assert not list(tmp_path.iterdir())


def test_progress_lines_say_done_rate_and_time_left():
    from kg.progress import Progress

    lines = []
    meter = Progress(10, lines.append, every=0)
    meter.advance(4)
    meter.advance(6)
    meter.finish()
    assert lines[0].startswith("4/10 articles processed, ") and "articles/s" in lines[0] and "ETA" in lines[0]
    assert lines[-1].startswith("10/10 articles processed, ") and "ETA" not in lines[-1]
