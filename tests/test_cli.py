"""The kg command: exit codes and one-line errors for each error path of the build."""
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def kg(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "kg.cli", *map(str, args)], cwd=cwd, capture_output=True, text=True)


def test_missing_input_is_one_line_error(tmp_path):
    done = kg("build", tmp_path / "nope", "--out", tmp_path / "out")
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [f"error: {tmp_path / 'nope'}: no such file or folder"]
    assert not (tmp_path / "out").exists()


def test_usage_error_exits_nonzero():
    done = kg("build")
    assert done.returncode == 2 and "usage:" in done.stderr


@pytest.mark.slow
def test_bad_articles_are_named_and_the_rest_is_built(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text("Губернатор Тульской области Алексей Дюмин открыл больницу.", encoding="utf-8")
    (src / "binary.txt").write_bytes(b"\x00\x01\x02\x03")
    (src / "feed.jsonl").write_text('{"id": 1}\n', encoding="utf-8")
    done = kg("build", src, "--out", tmp_path / "out", "--quiet", "--no-validate")
    assert done.returncode == 4, done.stderr              # partial success: built, some inputs failed
    assert "2 input(s) failed" in done.stderr
    assert "articles read: 1, failed: 2" in done.stdout
    assert "binary.txt: binary file, not text" in done.stdout
    assert "feed.jsonl:1: missing 'text'" in done.stdout
    assert (tmp_path / "out" / "graph.ttl").stat().st_size > 0


@pytest.mark.slow
def test_nothing_readable_fails(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "empty.txt").write_text("   ", encoding="utf-8")
    done = kg("build", src, "--out", tmp_path / "out", "--quiet")
    assert done.returncode == 1
    assert "error: no article could be read" in done.stderr
    assert "empty.txt: empty article" in done.stdout


@pytest.mark.slow
def test_failed_write_keeps_what_was_built(tmp_path, monkeypatch):
    from kg import build as build_mod
    from kg import export

    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("Аким Алматы Ерболат Досаев открыл поликлинику.", encoding="utf-8")
    out = tmp_path / "out"
    build_mod.build([src], out, validate=False, workers=1)
    before = (out / "graph.ttl").read_bytes()
    before_nq = (out / "graph.nq").read_bytes()

    def broken(self, lines):
        raise RuntimeError("disk full")

    monkeypatch.setattr(export.TurtleWriter, "text", broken)     # graph.ttl's runs are written through it
    (src / "b.txt").write_text("Мэр Москвы Сергей Собянин открыл центр.", encoding="utf-8")
    with pytest.raises(RuntimeError):
        build_mod.build([src], out, validate=False, workers=1)
    assert (out / "graph.ttl").read_bytes() == before
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [".kg", "graph.ttl", "graph.nq", "graph.html", "store", "manifest.json"])
    assert not list((out / ".kg" / "builds").glob("tmp-*"))
    assert (out / "graph.nq").read_bytes() == before_nq
