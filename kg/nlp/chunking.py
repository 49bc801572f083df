"""Long articles in pieces: spaCy refuses texts over ``nlp.max_length`` (1M characters) and natasha's memory
grows with the text, so an article over ``LIMIT`` characters goes through NLP and extraction piece by piece,
cut at a paragraph, line, sentence or word boundary. Each piece's offsets are shifted back, so mentions and
evidence point into the whole article's text exactly as if it had been read in one go.
What is lost: a short name in one piece does not resolve to a full name stated in an earlier piece.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Callable

from ..link import CLASS_RANK
from ..records import Article, ArticleResult, Entity, Fact, Mention

LIMIT = 200_000                 # characters per piece; small articles (nearly all) are never cut
_BREAKS = ("\n\n", "\n", ". ", " ")


def pieces(text: str, limit: int = LIMIT) -> list[tuple[int, int]]:
    """(begin, end) ranges covering ``text``, each at most ``limit`` long, cut at the best boundary found
    in the second half of the window."""
    spans, start = [], 0
    while len(text) - start > limit:
        end = start + limit
        for mark in _BREAKS:
            found = text.rfind(mark, start + limit // 2, end)
            if found != -1:
                end = found + len(mark)
                break
        spans.append((start, end))
        start = end
    spans.append((start, len(text)))
    return spans


def process_in_pieces(article: Article, process: Callable[[Article], ArticleResult],
                      limit: int = LIMIT) -> ArticleResult:
    """``process(article)``, or for a long article ``process`` on each piece, merged with offsets intact."""
    if len(article.text) <= limit:
        return process(article)
    done: list[tuple[int, ArticleResult]] = []
    date = article.date
    for begin, end in pieces(article.text, limit):
        skip = tuple((max(b, begin) - begin, min(e, end) - begin) for b, e in article.skip if b < end and begin < e)
        part = replace(article, text=article.text[begin:end], skip=skip, date=date)
        result = process(part)
        if not done:
            date = result.dateline or article.date      # later pieces read dates against the first's dateline
        done.append((begin, result))
    return merge_pieces(article, done)


def merge_pieces(article: Article, done: list[tuple[int, ArticleResult]]) -> ArticleResult:
    entities: dict[str, Entity] = {}
    facts: dict[tuple, Fact] = {}
    mentions: dict[tuple, Mention] = {}
    for offset, result in done:
        for entity in result.entities:
            entities[entity.key] = _merge_entity(entities.get(entity.key), entity)
        for fact in result.facts:
            if fact.kind == "span":
                b, e = map(int, fact.value.split(","))
                fact = replace(fact, value=f"{b + offset},{e + offset}")
            facts[(fact.subject, fact.prop, fact.value, fact.kind)] = fact
        for m in result.mentions:
            m = replace(m, begin=m.begin + offset, end=m.end + offset)
            mentions[(m.key, m.begin, m.end, m.role)] = m
    first = done[0][1]
    publisher = next((r.publisher for _, r in done if r.publisher), None)
    return ArticleResult(article, tuple(entities[k] for k in sorted(entities)),
                         tuple(sorted(facts.values(), key=lambda f: (f.subject, f.prop, f.kind, f.value))),
                         tuple(sorted(mentions.values(), key=lambda m: (m.begin, m.end, m.key, m.role))),
                         first.dateline, publisher)


def _merge_entity(old: Entity | None, new: Entity) -> Entity:
    """One view of a key seen in several pieces: the more specific class, the first label per language;
    the other labels become alternative names."""
    if old is None:
        return new
    cls = max((old.cls, new.cls), key=lambda c: CLASS_RANK.get(c, 0))
    labels = dict(old.labels)
    extra = set(old.alt) | set(new.alt)
    for lang, label in new.labels:
        if lang not in labels:
            labels[lang] = label
        elif labels[lang] != label:
            extra.add((lang, label))
    chosen = tuple(sorted(labels.items()))
    return Entity(old.key, cls, chosen, tuple(sorted(extra - set(chosen))))
