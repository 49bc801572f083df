"""A generated hostile corpus built end to end by ``kg build``: the good articles are in the graph, every bad
input is named in one summary line, the exit code (4) says "partial success". Long articles are built in pieces
with offsets intact."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, strategies as st
from rdflib import Graph, Literal


from kg.nlp.chunking import pieces
from kg.vocab import HC, SCHEMA

ROOT = Path(__file__).resolve().parent.parent
RU = "Губернатор Тульской области Алексей Дюмин открыл новую больницу в Туле."
RU2 = "Мэр Москвы Сергей Собянин посетил поликлинику в Москве."
KK = "Шымкент қаласының әкімі Ғабит Сыздықбеков жаңа аурухананы аралады және емханаға барды."


def hostile_corpus(tmp_path: Path) -> tuple[Path, Path, dict[str, str]]:
    """Two input folders; returns them and {name in the summary: expected problem} for every bad input."""
    one, two = tmp_path / "in1", tmp_path / "in2"
    one.mkdir()
    two.mkdir()
    (one / "good.txt").write_text(RU, encoding="utf-8")
    (one / "kk.txt").write_text(KK, encoding="utf-8")
    (one / "koi8.txt").write_bytes(RU2.encode("koi8_r"))
    (one / "utf16.txt").write_bytes(RU2.encode("utf-16-le"))
    (one / os.fsdecode(b"\xe8\xec\xff.txt")).write_text(RU2, encoding="utf-8")        # a cp1251 file name
    (one / "baddate.txt").write_text("date 2025-13-45\n" + RU, encoding="utf-8")
    (one / "nul.txt").write_text("Глава\x00 района открыл больницу.", encoding="utf-8")
    (one / "same.txt").write_text(RU, encoding="utf-8")
    (two / "same.txt").write_text(RU2, encoding="utf-8")
    lines = [json.dumps({"id": "ok", "text": RU2, "date": "2025-02-30"}),
             '{"id": "s\\udc00", "text": "Аким \\udc00 Алматы открыл школу.\\u0000"}',
             "[" * 100_000 + "]" * 100_000,
             '{"id": "x", "text": 5}']
    (one / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    bad = {"binary.txt": "binary file, not text", "empty.txt": "empty article",
           "pipe.txt": "not a regular file", "gone.txt": "dangling symlink",
           "passwd.txt": "outside the input folder; refused", "two\\nlines.txt": "binary file, not text",
           "feed.jsonl:3": "JSON nested too deeply", "feed.jsonl:4": "'text' must be a non-empty string"}
    (one / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (one / "empty.txt").write_text(" \n\t", encoding="utf-8")
    os.mkfifo(one / "pipe.txt")
    (one / "gone.txt").symlink_to(one / "nowhere.txt")
    (one / "passwd.txt").symlink_to("/etc/passwd")
    (one / "two\nlines.txt").write_bytes(b"\x00\x01\x02\x03" * 8)
    return one, two, bad


@pytest.mark.slow
def test_hostile_corpus_end_to_end(tmp_path):
    one, two, bad = hostile_corpus(tmp_path)
    out = tmp_path / "out"
    done = subprocess.run([sys.executable, "-m", "kg.cli", "build", str(one), str(two), "--out", str(out),
                           "--quiet"], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 4, done.stderr                       # partial success
    assert "Traceback" not in done.stderr + done.stdout
    failed = [line for line in done.stdout.splitlines() if line.startswith("  failed: ")]
    for name, problem in bad.items():
        named = [line for line in failed if line.startswith(f"  failed: {name}: ")]
        assert len(named) == 1 and problem in named[0], (name, failed)
    assert len(failed) == len(bad)
    warned = [line for line in done.stdout.splitlines() if line.startswith("  warning: ")]
    for name in ("baddate.txt", "nul.txt", "feed.jsonl:1", "feed.jsonl:2", "\\xe8\\xec\\xff.txt"):
        assert any(line.startswith(f"  warning: {name}: ") for line in warned), (name, warned)

    graph = Graph().parse(out / "graph.ttl")
    sources = sorted(str(o) for o in graph.objects(None, HC.sourceFile))
    assert sources == sorted(["baddate.txt", "feed.jsonl#ok", "feed.jsonl#s\ufffd", "good.txt", "kk.txt",
                              "koi8.txt", "nul.txt", "same.txt", "same.txt", "utf16.txt", "\\xe8\\xec\\xff.txt"])
    assert len(set(graph.subjects(HC.sourceFile, Literal("same.txt")))) == 2     # two articles, two IRIs
    labels = " ".join(str(o) for o in graph.objects())
    assert "Собянин" in labels and "Дюмин" in labels                  # KOI8-R, UTF-16 and cp1251 names read
    for date in graph.objects(None, SCHEMA.datePublished):
        assert str(date.datatype) != "http://www.w3.org/2001/XMLSchema#date" or date.value is not None    # every xsd:date is a real date
    ttl = (out / "graph.ttl").read_text(encoding="utf-8")
    assert "\\u0000" not in ttl and "\x00" not in ttl and "root:x:" not in ttl
    for name in ("graph.nq", "graph.html"):
        assert "root:x:" not in (out / name).read_text(encoding="utf-8")


@pytest.mark.slow
def test_only_good_input_exits_0_and_warnings_do_not_fail(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("date 2025-02-30\n" + RU, encoding="utf-8")
    (src / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    done = subprocess.run([sys.executable, "-m", "kg.cli", "build", str(src), "--out", str(tmp_path / "out"),
                           "--quiet", "--no-validate"], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert "  warning: a.txt: date header 'date 2025-02-30' is not a calendar date" in done.stdout
    assert "1 file(s) skipped: not .txt or .jsonl (first: photo.jpg)" in done.stdout


@pytest.mark.slow
def test_article_over_a_million_characters_is_built_in_pieces():
    from kg.build import process
    from kg.sources import make_article

    head = RU + "\n\n"
    tail = "\n\n" + RU2
    text = head + ("\n" + " " * 79) * 13_000 + tail                  # 1.04M characters, spaCy's limit is 1M
    result = process(make_article("long", "long.txt", text))
    assert len(text) > 1_000_000
    assert result.mentions and all(text[m.begin:m.end] == m.text for m in result.mentions)
    ends = {m.text for m in result.mentions if m.begin > 1_000_000}
    assert "Сергей Собянин" in ends                                   # found in the last piece, offset intact
    for fact in result.facts:
        if fact.kind == "span":
            b, e = map(int, fact.value.split(","))
            assert text[b:e].strip() == text[b:e] and 0 <= b < e <= len(text)


@pytest.mark.slow
def test_pieces_give_the_same_anchors_as_one_go(extract_ru):
    """A text cut into small pieces yields mentions at the same places as the whole text."""
    from kg.run import nlp_and_extract as _nlp_and_extract
    from kg.nlp.chunking import process_in_pieces
    from kg.sources import make_article

    text = "\n\n".join([RU, RU2, RU, RU2])
    article = make_article("t", "t.txt", text, language="ru")
    whole = _nlp_and_extract(article)
    cut = process_in_pieces(article, _nlp_and_extract, limit=len(RU) + 10)
    assert all(text[m.begin:m.end] == m.text for m in cut.mentions)
    assert {(m.begin, m.end, m.key) for m in cut.mentions} == {(m.begin, m.end, m.key) for m in whole.mentions}


@given(st.text(alphabet="ab .\n", max_size=300), st.integers(2, 40))
def test_pieces_cover_the_text(text, limit):
    spans = pieces(text, limit)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:]))
    assert all(0 < e - b <= limit for b, e in spans) or text == ""


def _capitals(article):
    """A real, model-free analysis: every capitalized word is a mention, every line an evidence span."""
    import re

    from kg.records import ArticleResult, Entity, Fact, Mention

    text = article.text
    mentions = tuple(Mention(f"person:{m.group().lower()}", m.start(), m.end(), m.group())
                     for m in re.finditer(r"[A-ZА-Я][a-zа-я]*", text))
    lines = tuple(Fact("person:x", "hc:evidence", f"{m.start()},{m.end()}", "span")
                  for m in re.finditer(r"[^\n]+", text))
    entities = tuple(Entity(k, "Person", (("ru", k[7:]),)) for k in sorted({m.key for m in mentions}))
    return ArticleResult(article, entities, lines, mentions)


@given(st.text(alphabet="Аб Вг\nD.", max_size=400), st.integers(3, 60))
def test_pieces_keep_every_offset_exact(text, limit):
    from kg.nlp.chunking import process_in_pieces
    from kg.records import Article

    article = Article("t", "t.txt", text)
    whole, cut = _capitals(article), process_in_pieces(article, _capitals, limit)
    assert all(text[m.begin:m.end] == m.text for m in cut.mentions)
    for fact in cut.facts:
        b, e = map(int, fact.value.split(","))
        assert 0 <= b < e <= len(text) and "\n" not in text[b:e]
    # a cut falls on a space or newline whenever the window has one, so no word is split then
    if all(" " in text[i:i + limit // 2] or "\n" in text[i:i + limit // 2] for i in range(0, len(text), 1)):
        assert {(m.begin, m.end) for m in cut.mentions} == {(m.begin, m.end) for m in whole.mentions}


@pytest.mark.parametrize("out", ["/proc/kg-hostile-out", "FILE/sub"])
def test_unwritable_out_is_one_line(tmp_path, out):
    (tmp_path / "a.txt").write_text(RU, encoding="utf-8")
    (tmp_path / "FILE").write_text("x", encoding="utf-8")
    out = out.replace("FILE", str(tmp_path / "FILE"))
    done = subprocess.run([sys.executable, "-m", "kg.cli", "build", str(tmp_path / "a.txt"), "--out", out,
                           "--quiet", "--workers", "1"], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [done.stderr.strip()] and done.stderr.startswith(f"error: {out}: ")
