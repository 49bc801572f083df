"""Reading input: encodings, the date header, JSONL, boilerplate, language, errors that name the file."""
import json

import pytest

from kg.errors import InputError, InputWarning
from kg.lang import detect_language
from kg.sources import read_articles


def _read(paths):
    return list(read_articles(paths))


def test_utf8_with_header_keeps_offsets(tmp_path):
    text = " date 2024-03 Калуга, 28 августа.\r\nВторая строка."
    (tmp_path / "a.txt").write_bytes(text.encode("utf-8"))
    [art] = _read([tmp_path])
    assert art.text == text                     # no newline translation
    assert art.date == "2024-03"
    assert art.text[slice(*art.skip[0])].strip() == "date 2024-03"
    assert art.masked_text()[:14].strip() == "" and len(art.masked_text()) == len(text)


@pytest.mark.parametrize("header,expected", [("date 2026-02-27", "2026-02-27"), ("date 2024", "2024"),
                                             ("date 2024-03", "2024-03")])
def test_header_precision(tmp_path, header, expected):
    (tmp_path / "a.txt").write_text(f"{header} Текст статьи.", encoding="utf-8")
    assert _read([tmp_path])[0].date == expected


def test_windows_1251_is_detected(tmp_path):
    text = "Губернатор Липецкой области провёл совещание."
    (tmp_path / "cp.txt").write_bytes(text.encode("cp1251"))
    [art] = _read([tmp_path])
    assert art.text == text and art.language == "ru"


def test_recursive_sorted_and_relative_source(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("Текст один.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Текст два.", encoding="utf-8")
    assert [a.source for a in _read([tmp_path])] == ["a.txt", "b/z.txt"]


def test_jsonl_articles_and_bad_lines(tmp_path):
    lines = [json.dumps({"id": "1", "text": "Первая новость.", "date": "2025-11-20", "url": "http://x"}),
             "{not json", json.dumps({"text": "без id"}), json.dumps({"id": "3", "text": "Третья.", "date": "20.11"}),
             json.dumps({"id": "4", "text": "Шымкент қаласында жаңа аурухана ашылды және емхана."})]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = _read([tmp_path])
    ok = [i for i in items if not isinstance(i, InputError)]
    bad = [str(i) for i in items if isinstance(i, InputError) and not isinstance(i, InputWarning)]
    warned = [str(i) for i in items if isinstance(i, InputWarning)]
    assert [a.source for a in ok] == ["feed.jsonl#1", "feed.jsonl#3", "feed.jsonl#4"]
    assert ok[0].date == "2025-11-20" and ok[0].url == "http://x"
    assert ok[1].date is None                  # an invalid date is dropped with a warning, the article kept
    assert ok[2].language == "kk"
    assert bad[0].startswith("feed.jsonl:2: not a JSON object")
    assert bad[1].startswith("feed.jsonl:3: missing 'id'")
    assert warned == ["feed.jsonl:4: 'date' must be a calendar date YYYY, YYYY-MM or YYYY-MM-DD, got '20.11'; "
                      "built without a date"]


@pytest.mark.parametrize("content,problem", [(b"\x00\x01\x02binary", "binary file"), (b"   \n", "empty article"),
                                             (b"\xff\xfe\x00\x00\x81\x81", "binary file")])
def test_unreadable_files_are_named(tmp_path, content, problem):
    (tmp_path / "bad.txt").write_bytes(content)
    (tmp_path / "good.txt").write_text("Хорошая статья.", encoding="utf-8")
    items = _read([tmp_path])
    errors = [i for i in items if isinstance(i, InputError)]
    assert len(errors) == 1 and errors[0].path == "bad.txt" and problem in str(errors[0])
    assert any(getattr(i, "source", None) == "good.txt" for i in items)


def test_boilerplate_lines_are_skipped(tmp_path):
    text = "Перевести страницу\n\nНовость о больнице.\n\nНет комментариев Добавить комментарий"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    [art] = _read([tmp_path])
    skipped = [art.text[b:e] for b, e in art.skip]
    assert skipped == ["Перевести страницу", "Нет комментариев Добавить комментарий"]
    assert "Новость о больнице." in art.masked_text()


@pytest.mark.parametrize("text,lang", [
    ("Губернатор Липецкой области провёл совещание в Ельце.", "ru"),
    ("Шымкент қаласында 5 ірі көпсалалы аурухана мен 20-дан астам емхана жаңғыртылды.", "kk"),
    ("The governor of Lipetsk region opened a new hospital.", "en"),
    ("Аким Шымкента Габит Сыздыкбеков рассказал о больницах.", "ru"),
])
def test_language(text, lang):
    assert detect_language(text) == lang
