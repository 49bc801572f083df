"""Common-word evidence for the entity filter: how often a word form is written lower-case vs capitalised
in the middle of a sentence in the NER training part of KazNERD.

A capitalised word at the start of a sentence ("Бүгінде", "Сондай-ақ") looks like a name to the tagger; if
the same form is mostly written lower-case elsewhere it is a common word. The table is written by
``scripts/train_kk_ner.py`` next to the model (``lexicon.tsv``: form, lower-case count, capitalised count),
so it is derived from the training split only.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Iterable

from spacy.tokens import Doc

FILENAME = "lexicon.tsv"
MIN_LOWER = 2


def count(docs: Iterable[Doc]) -> dict[str, tuple[int, int]]:
    lower, title = Counter(), Counter()
    for doc in docs:
        for token in doc[1:]:
            text = token.text
            if not text[:1].isalpha() or token.ent_iob_ != "O" and text[:1].isupper():
                continue
            if text[0].islower():
                lower[text] += 1
            elif text[0].isupper() and not text.isupper():
                title[text.lower()] += 1
    return {w: (n, title[w]) for w, n in lower.items() if n >= MIN_LOWER}


def write(path: Path, docs: Iterable[Doc]) -> None:
    table = count(docs)
    with open(path, "w", encoding="utf-8") as fh:
        for word in sorted(table):
            fh.write(f"{word}\t{table[word][0]}\t{table[word][1]}\n")


def load(path: Path) -> dict[str, tuple[int, int]]:
    table = {}
    if path.exists():
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                word, low, cap = line.rstrip("\n").split("\t")
                table[word] = (int(low), int(cap))
    return table


def is_common(table: dict[str, tuple[int, int]], word: str) -> bool:
    """Mostly written lower-case: a capital on it is the sentence start's, not a name's."""
    low, cap = table.get(word.lower(), (0, 0))
    return low >= MIN_LOWER and low > 2 * cap
