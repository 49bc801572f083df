"""Reading input: a folder (recursively) of .txt and .jsonl files -> a stream of Articles.

Bad input never stops the stream: each problem is yielded as an ``InputError`` in place of the article (an
``InputWarning`` when the article is still built, e.g. without its invalid date), so the caller can report
it and go on. Nothing is skipped unnamed: unreadable folders, dangling symlinks, symlinks leading out of
the input folder (refused), files that are not regular files, other kinds of files (counted).

Identity: ``hc:sourceFile`` is the path relative to the input folder (``file.jsonl#id`` for JSONL). When a
second input folder holds the same relative path, its article gets an ``origin`` (the input folder's name)
that keeps its IRI apart; with a single input folder no article has one.
"""
from __future__ import annotations

import datetime
import json
import os
import re
import stat
from dataclasses import replace
from pathlib import Path
from typing import Iterable, Iterator

from .boilerplate import boilerplate_ranges
from .encodings import clean, decode, printable
from .errors import InputError, InputWarning
from .lang import detect_language
from .records import Article

_HEADER = re.compile(r"^\s*date\s+(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?=\s|$)[ \t]*", re.IGNORECASE)
_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")
SUFFIXES = (".txt", ".jsonl")
MAX_BYTES = 64 << 20          # one .txt file or one JSONL line; an article is text, not a dump
LANGUAGES = ("ru", "kk", "en")

__all__ = ["read_articles", "iter_files", "read_txt", "make_article", "decode", "SUFFIXES"]


def iter_files(inputs: Iterable[str | Path]) -> Iterator[tuple[Path, Path] | InputError]:
    """(file, input folder) for each file to read, in sorted order, or an InputError / InputWarning for
    what cannot or will not be read. A file named on the command line is read whatever it links to."""
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            other: list[str] = []
            yield from _walk(path, path, os.path.realpath(path), {os.path.realpath(path)}, other)
            if other:
                yield InputWarning(str(path), f"{len(other)} file(s) skipped: not .txt or .jsonl "
                                              f"(first: {other[0]})")
        elif path.exists() and not path.is_file():
            yield InputError(printable(str(path)), "not a regular file (a pipe, socket or device); refused")
        else:
            yield path, path.parent      # read_txt names a missing or unreadable file


def _walk(folder: Path, base: Path, real_base: str, seen: set[str], other: list[str]):
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as err:
        yield InputError(_name(folder, base) or str(folder), f"cannot read folder: {err.strerror or err}")
        return
    for entry in entries:
        path = Path(entry.path)
        name = _name(path, base)
        try:
            if entry.is_symlink():
                target = os.path.realpath(path)
                if not os.path.exists(target):
                    yield InputError(name, f"dangling symlink (to {printable(os.readlink(path))})")
                    continue
                if os.path.commonpath([real_base, target]) != real_base:
                    if entry.is_dir() or path.suffix.lower() in SUFFIXES:
                        yield InputError(name, f"symlink to {printable(target)}, outside the input folder; refused")
                    continue
            info = os.stat(path)
        except OSError as err:
            yield InputError(name, f"cannot read: {err.strerror or err}")
            continue
        if stat.S_ISDIR(info.st_mode):
            real = os.path.realpath(path)
            if real not in seen:                  # a symlink back up the tree is read once
                seen.add(real)
                yield from _walk(path, base, real_base, seen, other)
        elif path.suffix.lower() not in SUFFIXES:
            other.append(name)
        elif not stat.S_ISREG(info.st_mode):
            yield InputError(name, "not a regular file (a pipe, socket or device); refused")
        else:
            yield path, base


def _name(path: Path, base: Path) -> str:
    """The path relative to its input folder as text: undecodable bytes of a file name as \\xNN."""
    rel = path.relative_to(base).as_posix() if path.is_relative_to(base) else path.name
    return os.fsencode(rel).decode("utf-8", "backslashreplace") if rel else ""


def read_articles(inputs: Iterable[str | Path]) -> Iterator[Article | InputError]:
    """Articles, InputErrors (article lost) and InputWarnings (article built, something dropped)."""
    inputs = list(inputs)
    origins: dict[str, str] = {}          # source -> the input folder (as given) that first held it
    names = _origin_names(inputs)
    for found in iter_files(inputs):
        if isinstance(found, InputError):
            yield found
            continue
        file, base = found
        rel = _name(file, base) or file.name
        if not _is_utf8_name(file, base):
            yield InputWarning(rel, "file name is not UTF-8; recorded with \\x escapes")
        try:
            items = _read_jsonl(file, rel) if file.suffix.lower() == ".jsonl" else _unwrap(read_txt(file, rel))
            for item in items:
                if isinstance(item, Article):
                    item = _with_origin(item, str(base), names.get(str(base), ""), origins)
                yield item
        except InputError as err:
            yield err


def _is_utf8_name(file: Path, base: Path) -> bool:
    rel = file.relative_to(base) if file.is_relative_to(base) else Path(file.name)
    try:
        os.fsencode(str(rel)).decode("utf-8")
        return True
    except UnicodeDecodeError:
        return False


def _origin_names(inputs: list) -> dict[str, str]:
    """A short, stable name per input folder (its name; parents added until the names differ)."""
    paths = [Path(p) for p in inputs]
    names = {}
    for depth in range(1, 64):
        names = {str(p.parent if p.is_file() else p): "/".join(Path(os.path.abspath(p)).parts[-depth:])
                 for p in paths}
        if len(set(names.values())) == len(names):
            break
    return {k: printable(os.fsencode(v).decode("utf-8", "backslashreplace")) for k, v in names.items()}


def _with_origin(article: Article, base: str, name: str, origins: dict[str, str]) -> Article:
    first = origins.setdefault(article.source, base)
    if first == base:
        return article                    # the first input that holds this path: IRI as always
    return replace(article, origin=name or base)


def read_txt(file: Path, rel: str) -> Article | InputWarning:
    try:
        with open(file, "rb") as fh:
            data = fh.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise InputError(rel, "no such file or folder") from None
    except OSError as err:
        raise InputError(rel, f"cannot read: {err.strerror or err}") from None
    if len(data) > MAX_BYTES:
        raise InputError(rel, f"over {MAX_BYTES >> 20} MB; split it into articles")
    text = decode(data, rel)
    text, controls = clean(text)
    if controls * 4 > len(text):
        raise InputError(rel, "binary file, not text")
    if not text.strip():
        raise InputError(rel, "empty article")
    date, skip, notes = None, [], []
    header = _HEADER.match(text)
    if header:
        date = _iso(*header.groups())
        if date is None:
            notes.append(f"date header {header.group().strip()!r} is not a calendar date; built without a date")
        skip.append((0, header.end()))
    if controls:
        notes.append(f"{controls} control character(s) replaced by spaces")
    article = make_article(Path(rel).stem, rel, text, date=date, skip=skip)
    return _noted(article, rel, notes)


def _noted(article: Article, where: str, notes: list[str]):
    if not notes:
        return article
    return _Noted(article, [InputWarning(where, n) for n in notes])


class _Noted:
    """An article with the warnings to report before it (unwrapped by ``_read_jsonl`` / ``read_articles``)."""

    def __init__(self, article: Article, warnings: list[InputWarning]):
        self.article, self.warnings = article, warnings


def _read_jsonl(file: Path, rel: str) -> Iterator[Article | InputError]:
    try:
        handle = file.open("rb")
    except OSError as err:
        raise InputError(rel, f"cannot read: {err.strerror or err}") from None
    with handle:
        if handle.peek(4)[:2] in (b"\xff\xfe", b"\xfe\xff"):
            yield InputError(rel, "JSONL in UTF-16 or UTF-32: lines cannot be split; save it as UTF-8")
            return
        number = 0
        while True:
            try:
                raw = handle.readline(MAX_BYTES + 1)
            except OSError as err:
                yield InputError(rel, f"cannot read: {err.strerror or err}")
                return
            if not raw:
                return
            number += 1
            where = f"{rel}:{number}"
            if len(raw) > MAX_BYTES and not raw.endswith(b"\n"):
                yield InputError(where, f"line over {MAX_BYTES >> 20} MB; skipped")
                while raw and not raw.endswith(b"\n"):     # drop the rest of the line
                    raw = handle.readline(MAX_BYTES)
                continue
            if not raw.strip():
                continue
            yield from _unwrap(_json_line(raw, rel, where))


def _unwrap(item):
    if isinstance(item, _Noted):
        yield from item.warnings
        yield item.article
    else:
        yield item


def _json_line(raw: bytes, rel: str, where: str):
    try:
        item = json.loads(decode(raw, where))
    except InputError as err:
        return err
    except RecursionError:
        return InputError(where, "JSON nested too deeply; not an article")
    except ValueError as err:          # JSONDecodeError, and integers over Python's digit limit
        return InputError(where, f"not a JSON object ({printable(getattr(err, 'msg', err))})")
    except MemoryError:
        return InputError(where, "JSON too large to read")
    try:
        return _from_json(item, rel, where)
    except InputError as err:
        return err


def _from_json(item, rel: str, where: str):
    if not isinstance(item, dict):
        raise InputError(where, "expected a JSON object with 'id' and 'text'")
    missing = [k for k in ("id", "text") if k not in item]
    if missing:
        raise InputError(where, f"missing {', '.join(map(repr, missing))} (an article needs 'id' and 'text')")
    text, ident = item["text"], item["id"]
    if not isinstance(ident, (str, int)) or isinstance(ident, bool):
        raise InputError(where, f"'id' must be a string or an integer, got {type(ident).__name__}")
    ident = printable(" ".join(clean(str(ident))[0].split()))
    if not isinstance(text, str) or not text.strip():
        raise InputError(where, "'text' must be a non-empty string")
    text, controls = clean(text)
    if not text.strip():
        raise InputError(where, "'text' holds only control characters")
    notes = [f"{controls} control character(s) or lone surrogate(s) in 'text' replaced"] if controls else []
    date = item.get("date")
    if date is not None:
        iso = None
        if isinstance(date, str) and (match := _DATE.match(date[:10])):
            iso = _iso(*match.groups())
        if iso is None:
            notes.append(f"'date' must be a calendar date YYYY, YYYY-MM or YYYY-MM-DD, got "
                         f"{printable(repr(date)[:40])}; built without a date")
        date = iso
    language = item.get("language")
    if language is not None and language not in LANGUAGES:
        notes.append(f"'language' must be ru, kk or en, got {printable(repr(language)[:20])}; detected instead")
        language = None
    meta = {}
    for name in ("url", "title"):
        value = item.get(name)
        if value is not None and not isinstance(value, str):
            notes.append(f"'{name}' must be a string; dropped")
            value = None
        meta[name] = " ".join(clean(value)[0].split()) or None if value is not None else None
    article = make_article(ident, f"{rel}#{ident}", text, date=date, url=meta["url"], title=meta["title"],
                           language=language)
    return _noted(article, where, notes)


def make_article(ident: str, source: str, text: str, *, date=None, url=None, title=None,
                 language=None, skip=()) -> Article:
    skip = list(skip) + boilerplate_ranges(text)
    skip = tuple(sorted(set(skip)))
    language = language or detect_language(text)
    return Article(id=ident, source=source, text=text, language=language, date=date, url=url,
                   title=title, skip=skip)


def _iso(year, month, day) -> str | None:
    """The ISO form of a date header or JSON date; None when it is no calendar date (2025-13-45, 0000)."""
    try:
        datetime.date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return None
    if day and month:
        return f"{year}-{month}-{day}"
    if month:
        return f"{year}-{month}"
    return year
