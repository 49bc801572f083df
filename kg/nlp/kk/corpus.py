"""KazNERD (IOB2, CC BY 4.0) as spaCy Docs, and the project's fixed train / held-out split.

Split rule: a sentence is held out when ``int(blake2b(" ".join(tokens), digest_size=8), 16) % 100 < 15``
(``kg.iris.stable_hash``), otherwise it is for training. Identical sentences fall on the same side, and the
rule does not depend on file order, Python's hash seed or the machine.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

from spacy.tokens import Doc
from spacy.vocab import Vocab

from ...iris import stable_hash

HELD_OUT_PERCENT = 15

# KazNERD class -> project label; classes not listed become O.
LABELS = {
    "PERSON": "PER", "GPE": "LOC", "LOCATION": "LOC", "ORGANISATION": "ORG", "FACILITY": "FAC",
    "POSITION": "POSITION", "DATE": "DATE", "EVENT": "EVENT",
}
_NO_SPACE_BEFORE = {".", ",", ":", ";", "!", "?", ")", "»", "…", "%"}
_NO_SPACE_AFTER = {"(", "«"}


def read_iob(path: Path) -> Iterator[list[tuple[str, str]]]:
    """Sentences as lists of (token, tag), in file order."""
    sentence: list[tuple[str, str]] = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) == 2:
                sentence.append((parts[0], parts[1]))
            elif sentence:
                yield sentence
                sentence = []
    if sentence:
        yield sentence


def is_held_out(tokens: list[str]) -> bool:
    return int(stable_hash(" ".join(tokens)), 16) % 100 < HELD_OUT_PERCENT


def _spaces(words: list[str]) -> list[bool]:
    out = []
    for i, word in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else None
        out.append(nxt is not None and word not in _NO_SPACE_AFTER and nxt not in _NO_SPACE_BEFORE
                   and not nxt.startswith("%"))
    return out


def _ents(tags: list[str]) -> list[str]:
    """IOB2 tags with KazNERD classes mapped onto project labels (unmapped classes -> O)."""
    out = []
    for tag in tags:
        prefix, _, cls = tag.partition("-")
        label = LABELS.get(cls)
        out.append(f"{prefix}-{label}" if label else "O")
    # an I- whose class changed or follows O (after mapping) starts a new span
    for i, tag in enumerate(out):
        if tag.startswith("I-") and (i == 0 or out[i - 1] == "O" or out[i - 1][2:] != tag[2:]):
            out[i] = "B-" + tag[2:]
    return out


def to_doc(vocab: Vocab, sentence: list[tuple[str, str]]) -> Doc:
    words = [w for w, _ in sentence]
    return Doc(vocab, words=words, spaces=_spaces(words), ents=_ents([t for _, t in sentence]),
               sent_starts=[True] + [False] * (len(words) - 1))


def split_docs(vocab: Vocab, path: Path) -> tuple[list[Doc], list[Doc]]:
    """(train, held_out) Docs with gold entities, by the split rule above."""
    train, held = [], []
    for sentence in read_iob(path):
        (held if is_held_out([w for w, _ in sentence]) else train).append(to_doc(vocab, sentence))
    return train, held
