"""CoNLL / IOB2 corpora (KazNERD: ``token TAG`` per line, a blank line between sentences) as articles.

Sentences become article text with their tokens joined by single spaces; ``per_article`` sentences make one
article, separated by "\\n". Each gold entity keeps its character offsets in that text, so it can be scored
against the mentions of the graph built from the same articles (written as JSONL with the language set).

IOB2 is read leniently: an ``I-X`` that does not continue an ``X`` entity starts a new one.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

from .spans import Span

# KazNERD classes -> evaluation classes; classes not listed are not scored.
KAZNERD_CLASSES = {"PERSON": "PERSON", "GPE": "GPE+LOCATION", "LOCATION": "GPE+LOCATION",
                   "ORGANISATION": "ORGANISATION+FACILITY", "FACILITY": "ORGANISATION+FACILITY"}


@dataclass
class Sentence:
    tokens: list[str]
    tags: list[str]

    def entities(self) -> list[tuple[str, int, int]]:
        """(class, first token, last token + 1) of each IOB2 entity."""
        out: list[list] = []
        for i, tag in enumerate(self.tags):
            prefix, _, cls = tag.partition("-")
            if prefix == "I" and out and out[-1][0] == cls and out[-1][2] == i:
                out[-1][2] = i + 1
            elif prefix in ("B", "I") and cls:
                out.append([cls, i, i + 1])
        return [tuple(e) for e in out]


def read_conll(path: Path) -> Iterator[Sentence]:
    tokens: list[str] = []
    tags: list[str] = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) >= 2:
                tokens.append(" ".join(parts[:-1]))
                tags.append(parts[-1])
            elif tokens:
                yield Sentence(tokens, tags)
                tokens, tags = [], []
    if tokens:
        yield Sentence(tokens, tags)


def held_out_rule() -> Callable[[list[str]], bool]:
    """The Kazakh model's held-out rule, imported from where the training script takes it."""
    from ..nlp.kk.corpus import is_held_out
    return is_held_out


def select(sentences, split: str, split_fn: Callable[[list[str]], bool] | None = None) -> list[Sentence]:
    if split == "all":
        return list(sentences)
    rule = split_fn or held_out_rule()
    return [s for s in sentences if rule(s.tokens)]


@dataclass
class ConllArticle:
    id: str
    source: str                # the graph's hc:sourceFile for it
    text: str
    gold: dict[str, list[Span]]


def make_article(ident: str, source: str, sentences: list[Sentence],
                 classes: dict[str, str] = KAZNERD_CLASSES) -> ConllArticle:
    gold: dict[str, list[Span]] = {c: [] for c in sorted(set(classes.values()))}
    pieces, pos = [], 0
    for sentence in sentences:
        starts = []
        for token in sentence.tokens:
            starts.append(pos)
            pos += len(token) + 1
        pieces.append(" ".join(sentence.tokens))
        text_so_far = "\n".join(pieces)
        for cls, first, last in sentence.entities():
            if cls in classes:
                begin = starts[first]
                end = starts[last - 1] + len(sentence.tokens[last - 1])
                gold[classes[cls]].append(Span(source, begin, end, text_so_far[begin:end]))
    return ConllArticle(ident, source, "\n".join(pieces), gold)


def to_articles(sentences: list[Sentence], per_article: int = 50, name: str = "conll.jsonl",
                prefix: str = "s") -> list[ConllArticle]:
    out = []
    for n, start in enumerate(range(0, len(sentences), per_article)):
        ident = f"{prefix}{n:05d}"
        out.append(make_article(ident, f"{name}#{ident}", sentences[start:start + per_article]))
    return out


def write_jsonl(articles: list[ConllArticle], path: Path, language: str) -> Path:
    lines = [json.dumps({"id": a.id, "text": a.text, "language": language}, ensure_ascii=False)
             for a in articles]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
