"""Reading input: a folder (recursively) of .txt and .jsonl files -> a stream of Articles.

Bad input never stops the stream: each problem is yielded as an ``InputError`` in place of the article,
so the caller can report it and go on.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Iterable, Iterator

from .errors import InputError
from .lang import detect_language
from .records import Article
from .boilerplate import boilerplate_ranges

_HEADER = re.compile(r"^\s*date\s+(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?=\s|$)[ \t]*", re.IGNORECASE)
_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")
SUFFIXES = (".txt", ".jsonl")


def iter_files(inputs: Iterable[str | Path]) -> Iterator[tuple[Path, Path]]:
    """Yield (file, base) for each input file; a folder is walked recursively in sorted order."""
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            for file in sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES):
                yield file, path
        elif path.is_file():
            yield path, path.parent
        else:
            yield path, path.parent  # read_file reports it


def read_articles(inputs: Iterable[str | Path]) -> Iterator[Article | InputError]:
    for file, base in iter_files(inputs):
        rel = file.relative_to(base).as_posix() if file.is_relative_to(base) else file.name
        try:
            if file.suffix.lower() == ".jsonl":
                yield from _read_jsonl(file, rel)
            else:
                yield read_txt(file, rel)
        except InputError as err:
            yield err


def decode(data: bytes, path: str) -> str:
    """UTF-8 (with or without BOM), else Windows-1251 when the bytes look like Cyrillic text."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    text = data.decode("cp1251", errors="replace")
    letters = sum(ch.isalpha() for ch in text)
    cyrillic = sum("\u0400" <= ch <= "\u04ff" for ch in text)
    if "\ufffd" in text or letters == 0 or cyrillic / letters < 0.5:
        raise InputError(path, "not UTF-8 and not Windows-1251 text; save it as UTF-8")
    return text


def read_txt(file: Path, rel: str) -> Article:
    try:
        data = file.read_bytes()
    except FileNotFoundError:
        raise InputError(str(file), "no such file or folder") from None
    except OSError as err:
        raise InputError(str(file), f"cannot read: {err.strerror or err}") from None
    if b"\x00" in data[:4096]:
        raise InputError(rel, "binary file, not text")
    text = decode(data, rel)
    if not text.strip():
        raise InputError(rel, "empty article")
    date, skip = None, []
    header = _HEADER.match(text)
    if header:
        date = _iso(*header.groups())
        skip.append((0, header.end()))
    return make_article(Path(rel).stem, rel, text, date=date, skip=skip)


def _read_jsonl(file: Path, rel: str) -> Iterator[Article | InputError]:
    try:
        handle = file.open("rb")
    except OSError as err:
        raise InputError(str(file), f"cannot read: {err.strerror or err}") from None
    with handle:
        for number, raw in enumerate(handle, 1):
            where = f"{rel}:{number}"
            if not raw.strip():
                continue
            try:
                item = json.loads(decode(raw, where))
            except json.JSONDecodeError as err:
                yield InputError(where, f"not a JSON object ({err.msg})")
                continue
            except InputError as err:
                yield err
                continue
            try:
                yield _from_json(item, rel, where)
            except InputError as err:
                yield err


def _from_json(item, rel: str, where: str) -> Article:
    if not isinstance(item, dict):
        raise InputError(where, "expected a JSON object with 'id' and 'text'")
    missing = [k for k in ("id", "text") if k not in item]
    if missing:
        raise InputError(where, f"missing {', '.join(map(repr, missing))} (an article needs 'id' and 'text')")
    text, ident = item["text"], str(item["id"])
    if not isinstance(text, str) or not text.strip():
        raise InputError(where, "'text' must be a non-empty string")
    date = item.get("date")
    if date is not None:
        match = _DATE.match(str(date)[:10]) if isinstance(date, str) else None
        if not match:
            raise InputError(where, f"'date' must be YYYY, YYYY-MM or YYYY-MM-DD, got {date!r}")
        date = _iso(*match.groups())
    language = item.get("language")
    if language is not None and language not in ("ru", "kk", "en"):
        raise InputError(where, f"'language' must be ru, kk or en, got {language!r}")
    return make_article(ident, f"{rel}#{ident}", text, date=date, url=item.get("url"),
                        title=item.get("title"), language=language)


def make_article(ident: str, source: str, text: str, *, date=None, url=None, title=None,
                 language=None, skip=()) -> Article:
    skip = list(skip) + boilerplate_ranges(text)
    skip = tuple(sorted(set(skip)))
    language = language or detect_language(text)
    return Article(id=ident, source=source, text=text, language=language, date=date, url=url,
                   title=title, skip=skip)


def _iso(year, month, day) -> str:
    if day and month:
        return f"{year}-{month}-{day}"
    if month:
        return f"{year}-{month}"
    return year
