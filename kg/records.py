"""Small frozen records that move between stages outside the NLP stage.

An ``ArticleResult`` is everything one article states, self-contained and JSON-serializable, so per-article
results stay independent until ``link.merge`` joins them. Entities refer to each other by key, never by IRI.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, fields
from typing import Any


def _compact(obj) -> str:
    parts = []
    for f in fields(obj):
        value = getattr(obj, f.name)
        if f.default is not None and (value is None or value is False or value == () or value == ""):
            continue
        if isinstance(value, str) and len(value) > 40:
            value = value[:37] + "..."
        parts.append(f"{f.name}={value!r}")
    return f"{type(obj).__name__}({', '.join(parts)})"


def _plain(value):
    if isinstance(value, Record):
        return value.to_json()
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    return value


class Record:
    __repr__ = _compact

    def to_json(self) -> dict[str, Any]:
        """A dict of plain values (what ``dataclasses.asdict`` gives, without its deep copies: results of
        thousands of articles go through here)."""
        return {name: _plain(getattr(self, name)) for name in _names(type(self))}

    @classmethod
    def from_json(cls, data: dict[str, Any]):
        kwargs = {}
        for f in fields(cls):
            if f.name not in data:
                continue
            value = data[f.name]
            sub = _NESTED.get((cls.__name__, f.name))
            if sub is not None:
                value = tuple(sub.from_json(v) for v in value)
            elif isinstance(value, list):
                value = tuple(tuple(v) if isinstance(v, list) else v for v in value)
            elif isinstance(value, dict) and f.name == "article":
                value = Article.from_json(value)
            kwargs[f.name] = value
        return cls(**kwargs)


@dataclass(frozen=True, repr=False)
class Article(Record):
    """One input document. ``text`` is exactly as decoded; ``skip`` are (begin, end) ranges not to extract
    from (the date header, boilerplate lines) that still count for offsets."""

    id: str
    source: str
    text: str
    language: str = "ru"
    date: str | None = None          # the input's own date (header / metadata): YYYY, YYYY-MM or YYYY-MM-DD
    url: str | None = None
    title: str | None = None
    skip: tuple[tuple[int, int], ...] = ()
    origin: str = ""                 # set only when another input folder holds the same ``source``

    def masked_text(self) -> str:
        """The text with skipped ranges blanked (newlines kept): same length, so offsets still hold."""
        if not self.skip:
            return self.text
        chars = list(self.text)
        for begin, end in self.skip:
            for i in range(begin, end):
                if chars[i] not in "\r\n":
                    chars[i] = " "
        return "".join(chars)


@dataclass(frozen=True, repr=False)
class Mention(Record):
    """A span naming the resource ``key`` (role "name"), or a sentence supporting a fact (role "evidence")."""

    key: str
    begin: int
    end: int
    text: str
    role: str = "name"


@dataclass(frozen=True, repr=False)
class Fact(Record):
    """One statement about an entity. ``kind`` says how to read ``value``:
    ref (an entity key), str, lang (value "text@lang"), date, bool, int, decimal, concept ("Role:governor"),
    iri, span ("begin,end": an evidence Mention)."""

    subject: str
    prop: str            # a term: "hc:jurisdiction", "skos:exactMatch", "schema:url"...
    value: str
    kind: str = "ref"


@dataclass(frozen=True, repr=False)
class Entity(Record):
    """A resource as one article sees it: class, canonical labels per language, other names seen."""

    key: str
    cls: str                                        # hc class local name
    labels: tuple[tuple[str, str], ...] = ()        # (lang, label): one per language
    alt: tuple[tuple[str, str], ...] = ()           # (lang, other name)


@dataclass(frozen=True, repr=False)
class ArticleResult(Record):
    article: Article
    entities: tuple[Entity, ...] = ()
    facts: tuple[Fact, ...] = ()
    mentions: tuple[Mention, ...] = ()
    dateline: str | None = None                     # the date the text itself states at its start
    publisher: str | None = None                    # entity key of the outlet, when named

    def dumps(self) -> str:
        return json.dumps(self.to_json(), ensure_ascii=False, sort_keys=True)

    @classmethod
    def loads(cls, line: str) -> "ArticleResult":
        return cls.from_json(json.loads(line))


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _names(cls) -> tuple[str, ...]:
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = tuple(f.name for f in fields(cls))
    return names


_NESTED = {
    ("ArticleResult", "entities"): Entity,
    ("ArticleResult", "facts"): Fact,
    ("ArticleResult", "mentions"): Mention,
}
