"""Hostile input to the readers: whatever a crawler brought home is read or named in one line, never a crash.

Real files on disk (odd names, symlinks, pipes, encodings); property tests feed random bytes and JSON."""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from kg.encodings import decode, printable
from kg.errors import InputError, InputWarning
from kg.iris import article_iri
from kg.sources import read_articles

RU = "Губернатор Липецкой области провёл совещание о здравоохранении в Ельце."
KK = "Шымкент қаласында 5 ірі көпсалалы аурухана мен емхана жаңғыртылды."


def split(items):
    arts = [i for i in items if not isinstance(i, InputError)]
    errors = [i for i in items if isinstance(i, InputError) and not isinstance(i, InputWarning)]
    warnings = [i for i in items if isinstance(i, InputWarning)]
    return arts, errors, warnings


def read(*paths):
    return split(list(read_articles(paths)))


def good(folder, name="good.txt"):
    (folder / name).write_text(RU, encoding="utf-8")


# ---- file names

def test_non_utf8_file_name_is_read_and_named(tmp_path):
    good(tmp_path)
    (tmp_path / os.fsdecode(b"caf\xe9-\xff.txt")).write_text(RU, encoding="utf-8")
    arts, errors, warnings = read(tmp_path)
    assert not errors
    assert sorted(a.source for a in arts) == ["caf\\xe9-\\xff.txt", "good.txt"]
    assert all(a.source.encode("utf-8") for a in arts)            # no surrogate left in any string
    assert [str(w) for w in warnings] == ["caf\\xe9-\\xff.txt: file name is not UTF-8; recorded with \\x escapes"]


def test_newline_in_file_name_is_escaped_in_messages(tmp_path):
    (tmp_path / "two\nlines.txt").write_bytes(b"\x00\x01\x02\x03" * 10)
    good(tmp_path)
    arts, errors, _ = read(tmp_path)
    assert [a.source for a in arts] == ["good.txt"]
    assert [str(e) for e in errors] == ["two\\nlines.txt: binary file, not text"]
    assert "\n" not in str(errors[0])


# ---- folders and links

def test_symlink_outside_the_input_folder_is_refused(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    good(src)
    secret = tmp_path / "secret.txt"
    secret.write_text("Секретный текст вне папки.", encoding="utf-8")
    (src / "leak.txt").symlink_to(secret)
    (src / "passwd.txt").symlink_to("/etc/passwd")
    (src / "dir").symlink_to(tmp_path)                              # a folder outside (and a loop)
    arts, errors, _ = read(src)
    assert [a.source for a in arts] == ["good.txt"]
    assert sorted(e.path for e in errors) == ["dir", "leak.txt", "passwd.txt"]
    assert all("outside the input folder; refused" in e.problem for e in errors)


def test_symlink_inside_the_folder_is_read_and_loops_end(tmp_path):
    good(tmp_path)
    (tmp_path / "alias.txt").symlink_to(tmp_path / "good.txt")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "up").symlink_to(tmp_path)                 # a loop back to the top
    arts, errors, _ = read(tmp_path)
    assert not errors and sorted(a.source for a in arts) == ["alias.txt", "good.txt"]


def test_unreadable_folder_is_named(tmp_path):
    """As root every folder is readable: the reader then runs in a forked child that became 'nobody'."""
    import tempfile

    top = Path(tempfile.mkdtemp(prefix="kg-locked-"))
    try:
        top.chmod(0o755)
        good(top)
        locked = top / "locked"
        locked.mkdir()
        (locked / "x.txt").write_text(RU, encoding="utf-8")
        locked.chmod(0)
        rfd, wfd = os.pipe()
        pid = os.fork()
        if pid == 0:                                                # child: drop root, read, report, exit
            try:
                os.close(rfd)
                if os.getuid() == 0:
                    os.setgid(65534)
                    os.setuid(65534)
                lines = [getattr(i, "source", None) or "ERR " + str(i) for i in read_articles([top])]
                os.write(wfd, "\n".join(lines).encode("utf-8"))
            finally:
                os._exit(0)
        os.close(wfd)
        with os.fdopen(rfd, "rb") as fh:
            out = fh.read().decode("utf-8")
        os.waitpid(pid, 0)
        assert out.splitlines() == ["good.txt", "ERR locked: cannot read folder: Permission denied"]
    finally:
        (top / "locked").chmod(0o700)
        shutil.rmtree(top)


def test_dangling_symlink_named_even_as_root(tmp_path):
    good(tmp_path)
    (tmp_path / "gone.txt").symlink_to(tmp_path / "missing.txt")
    arts, errors, _ = read(tmp_path)
    assert [a.source for a in arts] == ["good.txt"]
    assert [e.path for e in errors] == ["gone.txt"] and "dangling symlink" in errors[0].problem


def test_named_pipe_is_refused_not_waited_on(tmp_path):
    good(tmp_path)
    os.mkfifo(tmp_path / "pipe.txt")
    arts, errors, _ = read(tmp_path)
    assert [a.source for a in arts] == ["good.txt"]
    assert [str(e) for e in errors] == ["pipe.txt: not a regular file (a pipe, socket or device); refused"]


def test_other_files_are_counted_in_one_warning(tmp_path):
    good(tmp_path)
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8")
    (tmp_path / "page.html").write_text("<p>x</p>", encoding="utf-8")
    _, errors, warnings = read(tmp_path)
    assert not errors
    assert [w.problem for w in warnings] == ["2 file(s) skipped: not .txt or .jsonl (first: page.html)"]


def test_same_relative_path_in_two_folders_gets_two_iris(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    for folder, text in ((a, RU), (b, KK)):
        folder.mkdir()
        (folder / "same.txt").write_text(text, encoding="utf-8")
    arts, errors, _ = read(a, b)
    assert not errors and [x.source for x in arts] == ["same.txt", "same.txt"]
    assert arts[0].origin == "" and arts[1].origin == "b"
    iris = {article_iri(x.source, x.origin) for x in arts}
    assert len(iris) == 2 and article_iri("same.txt") in iris       # the first keeps its single-folder IRI
    alone, _, _ = read(b)
    assert alone[0].origin == ""                                    # one folder: IRIs as always


def test_same_folder_name_under_two_parents(tmp_path):
    for parent in ("x", "y"):
        (tmp_path / parent / "data").mkdir(parents=True)
        (tmp_path / parent / "data" / "same.txt").write_text(RU, encoding="utf-8")
    arts, _, _ = read(tmp_path / "x" / "data", tmp_path / "y" / "data")
    assert [x.origin for x in arts] == ["", "y/data"]


# ---- encodings

@pytest.mark.parametrize("codec", ["utf-8", "utf-8-sig", "cp1251", "koi8_r", "utf-16", "utf-16-le", "utf-16-be",
                                   "utf-32"])
def test_russian_in_every_encoding(tmp_path, codec):
    (tmp_path / "a.txt").write_bytes(RU.encode(codec))
    arts, errors, _ = read(tmp_path)
    assert not errors and arts[0].text == RU


@pytest.mark.parametrize("codec", ["utf-8", "utf-16-le", "kz1048"])
def test_kazakh_in_its_encodings(tmp_path, codec):
    (tmp_path / "a.txt").write_bytes(KK.encode(codec))
    arts, errors, _ = read(tmp_path)
    assert not errors and arts[0].text == KK and arts[0].language == "kk"


def test_koi8_all_capitals_headline_and_body():
    text = "ВНИМАНИЕ\nМинистерство здравоохранения сообщило о новой больнице в области."
    assert decode(text.encode("koi8_r"), "x") == text


@pytest.mark.parametrize("data", [b"\x00\x01\x02binary", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
                                  b"\xff\xfe\x00\x00\x81\x81"])
def test_binary_files_are_named(tmp_path, data):
    (tmp_path / "bad.txt").write_bytes(data)
    good(tmp_path)
    arts, errors, _ = read(tmp_path)
    assert [a.source for a in arts] == ["good.txt"]
    assert [e.path for e in errors] == ["bad.txt"]


# ---- contents

def test_nul_and_controls_never_reach_the_text(tmp_path):
    text = "Глава\x00 района\x07 открыл\x1b больницу.\u0085"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    arts, errors, warnings = read(tmp_path)
    assert not errors and len(arts[0].text) == len(text)            # replaced one for one: offsets hold
    assert arts[0].text == "Глава  района  открыл  больницу. "
    assert warnings[0].problem == "4 control character(s) replaced by spaces"


def test_lone_surrogates_and_controls_in_jsonl(tmp_path):
    lines = ['{"id": "a\\udc00\\n1", "text": "Текст \\udc00 и \\u0000 ещё.", "title": "Заголовок\\u0000"}',
             json.dumps({"id": "2", "text": RU})]
    (tmp_path / "f.jsonl").write_text("\n".join(lines), encoding="utf-8")
    arts, errors, warnings = read(tmp_path)
    assert not errors and [a.source for a in arts] == ["f.jsonl#a\ufffd 1", "f.jsonl#2"]
    assert arts[0].text == "Текст \ufffd и   ещё." and arts[0].title == "Заголовок"
    assert all(s.encode("utf-8") for a in arts for s in (a.id, a.text, a.source))
    assert [w.path for w in warnings] == ["f.jsonl:1"]


@pytest.mark.parametrize("line, problem", [
    ("[" * 100_000 + "]" * 100_000, "JSON nested too deeply"),
    ('{"id": ' + "[" * 50_000 + "]" * 50_000 + ', "text": "x"}', "JSON nested too deeply"),
    ('{"id": ' + "9" * 5000 + ', "text": "Текст."}', "not a JSON object"),
    ('{"id": {"a": 1}, "text": "Текст."}', "'id' must be a string or an integer"),
    ('{"id": "1", "text": ["Текст."]}', "'text' must be a non-empty string"),
    ('{"id": "1", "text": "\\u0000\\u0001"}', "'text' holds only control characters"),
    ('\xff garbage', "not UTF-8"),
])
def test_bad_json_lines_are_named(tmp_path, line, problem):
    data = line.encode("latin-1") if line.startswith("\xff") else line.encode("utf-8")
    (tmp_path / "f.jsonl").write_bytes(data + b"\n" + json.dumps({"id": "ok", "text": RU}).encode() + b"\n")
    arts, errors, _ = read(tmp_path)
    assert [a.source for a in arts] == ["f.jsonl#ok"]
    assert len(errors) == 1 and errors[0].path == "f.jsonl:1" and problem in errors[0].problem, errors


@pytest.mark.parametrize("header", ["date 2025-13-45", "date 2025-02-30", "date 0000"])
def test_invalid_date_header_is_dropped_with_a_warning(tmp_path, header):
    (tmp_path / "a.txt").write_text(f"{header}\n{RU}", encoding="utf-8")
    arts, errors, warnings = read(tmp_path)
    assert not errors and arts[0].date is None
    assert arts[0].skip[0] == (0, len(header))                      # the header is still not article text
    assert [w.problem for w in warnings] == [f"date header {header!r} is not a calendar date; built without a date"]


@pytest.mark.parametrize("value", ["2025-02-30", "2025-13", "20.11.2025", 20251120, ["2025"]])
def test_invalid_json_date_is_dropped_with_a_warning(tmp_path, value):
    (tmp_path / "f.jsonl").write_text(json.dumps({"id": "1", "text": RU, "date": value}), encoding="utf-8")
    arts, errors, warnings = read(tmp_path)
    assert not errors and arts[0].date is None
    assert len(warnings) == 1 and "built without a date" in warnings[0].problem


def test_metadata_of_the_wrong_type_is_dropped(tmp_path):
    item = {"id": 7, "text": RU, "url": {"x": 1}, "title": 3, "language": ["ru"]}
    (tmp_path / "f.jsonl").write_text(json.dumps(item), encoding="utf-8")
    arts, errors, warnings = read(tmp_path)
    assert not errors and arts[0].source == "f.jsonl#7" and arts[0].url is None and arts[0].title is None
    assert arts[0].language == "ru" and len(warnings) == 3


def test_printable_escapes_everything_that_breaks_a_line():
    assert printable("a\nb\rc\td\x00e\udc80f\u2028") == "a\\nb\\rc\\td\\u0000e\\udc80f\\u2028"


# ---- properties: the reader never crashes, and what it yields is clean

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
CLEAN = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200)


def assert_clean(items):
    for item in items:
        if isinstance(item, InputError):
            assert "\n" not in str(item) and str(item).encode("utf-8")
        else:
            for s in (item.id, item.source, item.text, item.title or "", item.url or ""):
                s.encode("utf-8")                                   # no lone surrogate
                assert "\x00" not in s
            for begin, end in item.skip:
                assert 0 <= begin <= end <= len(item.text)


@SETTINGS
@given(st.binary(max_size=400))
def test_any_bytes_as_txt(tmp_path, data):
    (tmp_path / "a.txt").write_bytes(data)
    items = list(read_articles([tmp_path / "a.txt"]))
    assert len(items) >= 1
    assert_clean(items)


@SETTINGS
@given(st.binary(max_size=400))
def test_any_bytes_as_jsonl(tmp_path, data):
    (tmp_path / "a.jsonl").write_bytes(data)
    assert_clean(list(read_articles([tmp_path / "a.jsonl"])))


JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
                    lambda kids: st.lists(kids, max_size=3) | st.dictionaries(st.text(max_size=5), kids, max_size=3),
                    max_leaves=10)


@SETTINGS
@given(st.fixed_dictionaries({"id": JSON, "text": st.text(max_size=200) | JSON},
                             optional={"date": JSON | st.text(max_size=12), "url": JSON, "title": JSON,
                                       "language": JSON}))
def test_any_json_object_as_a_line(tmp_path, obj):
    (tmp_path / "a.jsonl").write_text(json.dumps(obj) + "\n", encoding="utf-8")
    items = list(read_articles([tmp_path / "a.jsonl"]))
    assert_clean(items)
    arts, errors, _ = split(items)
    assert len(arts) + len(errors) == 1


@SETTINGS
@given(CLEAN, st.sampled_from(["utf-8", "utf-16", "utf-8-sig"]))
def test_text_round_trips_with_offsets(tmp_path, text, codec):
    """Whatever decodes comes back whole: same length as the text written, controls replaced one for one."""
    (tmp_path / "a.txt").write_bytes(text.encode(codec))
    arts, errors, _ = split(list(read_articles([tmp_path / "a.txt"])))
    if arts:
        assert len(arts[0].text) == len(text)
        assert all(a == b or a in " \ufffd" for a, b in zip(arts[0].text, text))
    else:
        assert errors


def test_pipe_named_on_the_command_line_is_refused(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    arts, errors, _ = read(tmp_path / "pipe.txt")
    assert not arts and "not a regular file" in errors[0].problem


def test_utf16_jsonl_is_one_error_not_one_per_line(tmp_path):
    lines = "\n".join(json.dumps({"id": str(i), "text": RU}, ensure_ascii=False) for i in range(5))
    (tmp_path / "f.jsonl").write_bytes(lines.encode("utf-16"))
    arts, errors, _ = read(tmp_path)
    assert not arts and [str(e) for e in errors] == [
        "f.jsonl: JSONL in UTF-16 or UTF-32: lines cannot be split; save it as UTF-8"]


def test_install_script_ends_no_process_by_name():
    """scripts/install-system-deps.sh ends only the Virtuoso its own install started, by pid."""
    script = (Path(__file__).resolve().parent.parent / "scripts" / "install-system-deps.sh").read_text()
    code = [line.split("#")[0] for line in script.splitlines()]
    assert not any(word in line for line in code for word in ("pkill", "killall", "kill -9 -"))
    assert any('kill "$pid"' in line for line in code)


def test_dates_the_text_states_are_calendar_dates():
    from kg.extract.dates import dateline, find_dates

    found = find_dates("Встреча 31 февраля 2025 года и 30.02.2025, затем 1 марта 2025 года.", None)
    assert [d.start for d in found] == ["2025-02", "2025-03-01"]    # the month stays, the no-day goes
    assert dateline("Калуга, 30 февраля 2025 — ИА Регнум. Текст.", 0)[0] is None
