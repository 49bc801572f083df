"""KazNERD (IOB2, CC BY 4.0) as spaCy Docs, and the project's fixed train / held-out split.

KazNERD holds many sentences twice or more: the same news read with numbers as digits and as words
("жиырма алты мың жұмыс орны" / "26 000 жұмыс орны"), "exit poll" / "экзитпол", credit lines that differ by
one name. A split by sentence lets one copy train and the other be scored. So the split is by **group**:

1. every sentence gets a normalized text (``normalize``): lower case, punctuation stripped, each digit run
   and each number word (and the short suffix token after it) -> ``0``, runs of ``0`` collapsed;
2. sentences with equal normalized text, and near-duplicates (``difflib`` ratio >= 0.8 between normalized
   token lists, for pairs that share a word bigram at most ``RARE`` sentences have) are joined into groups
   (union-find; the result does not depend on file order);
3. a group is **held out** when ``int(blake2b(key, digest_size=8), 16) % 100 < 15`` where ``key`` is the
   smallest normalized text of the group (``kg.iris.stable_hash``); every other group is for training.

The rule does not depend on file order, Python's hash seed or the machine.
"""
from __future__ import annotations

import difflib
import re
from collections import Counter, defaultdict
from functools import lru_cache
from pathlib import Path
from typing import Iterator

from spacy.tokens import Doc
from spacy.vocab import Vocab

from ... import paths
from ...iris import stable_hash

HELD_OUT_PERCENT = 15
NEAR_DUPLICATE_RATIO = 0.8
RARE = 50                      # a bigram shared by more sentences than this proposes no candidate pair
DEFAULT_CORPUS = paths.DATA_DIR / "kaznerd" / "IOB2_valid.txt"

NUMBER_STEMS = ("нөл", "бір", "екі", "үш", "төрт", "бес", "алты", "жеті", "сегіз", "тоғыз", "он", "жиырма",
                "отыз", "қырық", "елу", "алпыс", "жетпіс", "сексен", "тоқсан", "жүз", "мың", "миллион",
                "миллиард")
_ORDINAL = re.compile(r"^(%s).*(ыншы|інші|ншы|нші)$" % "|".join(NUMBER_STEMS))
_PUNCT = re.compile(r"[^\w\s]|_")

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


def normalize(tokens: list[str]) -> str:
    """Lower case, punctuation stripped, numbers (digits or words) -> ``0``, one ``0`` per number."""
    text = _PUNCT.sub(" ", re.sub(r"\d+", "0", " ".join(tokens).lower()))
    out: list[str] = []
    for word in text.split():
        if word in NUMBER_STEMS or _ORDINAL.match(word):
            word = "0"
        if out and out[-1] == "0" and (word == "0" or len(word) <= 4):
            continue                   # "0 нші", "жиырма алты мың" -> one 0
        out.append(word)
    return " ".join(out)


def group_keys(sentences: list[list[str]]) -> list[str]:
    """For each sentence (a token list), the key of its near-duplicate group (its smallest normalized text)."""
    norms = [normalize(tokens) for tokens in sentences]
    words = [n.split() for n in norms]
    bigrams = [{" ".join(w[i:i + 2]) for i in range(max(1, len(w) - 1))} for w in words]
    df = Counter(g for gs in bigrams for g in gs)
    index: dict[str, list[int]] = defaultdict(list)
    for i, gs in enumerate(bigrams):
        for g in gs:
            if df[g] <= RARE:
                index[g].append(i)
    parent = list(range(len(sentences)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: int, b: int) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    first: dict[str, int] = {}
    for i, n in enumerate(norms):
        union(first.setdefault(n, i), i)
    for i, gs in enumerate(bigrams):
        shared = Counter(j for g in gs if df[g] <= RARE for j in index[g] if j > i)
        for j, n in shared.items():
            if norms[i] == norms[j] or n < 0.3 * min(len(gs), len(bigrams[j])):
                continue
            if difflib.SequenceMatcher(None, words[i], words[j], autojunk=False).ratio() >= NEAR_DUPLICATE_RATIO:
                union(i, j)
    key: dict[int, str] = {}
    for i, n in enumerate(norms):
        root = find(i)
        key[root] = min(key.get(root, n), n)
    return [key[find(i)] for i in range(len(sentences))]


def _key_held_out(key: str) -> bool:
    return int(stable_hash(key), 16) % 100 < HELD_OUT_PERCENT


def held_out_flags(sentences: list[list[str]]) -> list[bool]:
    return [_key_held_out(k) for k in group_keys(sentences)]


@lru_cache(maxsize=4)
def _held_out_norms(path: Path) -> tuple[frozenset, frozenset]:
    sentences = [[w for w, _ in s] for s in read_iob(path)]
    flags = held_out_flags(sentences)
    norms = [normalize(s) for s in sentences]
    return (frozenset(n for n, f in zip(norms, flags) if f), frozenset(n for n, f in zip(norms, flags) if not f))


def is_held_out(tokens: list[str], corpus: Path = DEFAULT_CORPUS) -> bool:
    """The group rule for one sentence of ``corpus`` (KazNERD's validation file by default); a sentence not
    in the corpus is judged by its own normalized text."""
    norm = normalize(tokens)
    if Path(corpus).exists():
        held, train = _held_out_norms(Path(corpus))
        if norm in held or norm in train:
            return norm in held
    return _key_held_out(norm)


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
    sentences = list(read_iob(path))
    for sentence, flag in zip(sentences, held_out_flags([[w for w, _ in s] for s in sentences])):
        (held if flag else train).append(to_doc(vocab, sentence))
    return train, held
