"""Pattern tables served by spaCy's PhraseMatcher: one matcher per table and vocabulary, built once.

Tokens are compared on the normalized form the NLP stage leaves on them: Russian lemmas (lower case, ё → е)
in ``token.norm_`` (set by ``kg_ru_morph``), Kazakh stems in ``token.lemma_`` (set by ``kg_kk_lemmas``).
A table is a ``kg.patterns.Table`` or a plain ``{words tuple: value}`` mapping; overlapping matches resolve
to the longest, then the earliest.
"""
from __future__ import annotations

from types import MappingProxyType

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from . import Table

_CACHE: dict = {}


def attr_for(doc: Doc) -> str:
    return "LEMMA" if doc.lang_ == "kk" else "NORM"


def _items(table) -> tuple:
    frozen = isinstance(table, (Table, MappingProxyType))     # never changes: its items are sorted once
    if frozen:
        got = _ITEMS.get(id(table))
        if got is not None and got[0] is table:
            return got[1]
    mapping = table.as_dict() if hasattr(table, "as_dict") else table
    items = tuple(sorted((tuple(words), value) for words, value in mapping.items()))
    if frozen:
        _ITEMS[id(table)] = (table, items)
    return items


_ITEMS: dict[int, tuple] = {}
_BY_ITEMS: dict[tuple, tuple] = {}


def _matcher(vocab, attr: str, items: tuple) -> PhraseMatcher:
    fast = (id(vocab), attr, id(items))          # the same items object: no need to hash the whole table
    got = _BY_ITEMS.get(fast)
    if got is not None and got[0] is items and got[1] is vocab:
        return got[2]
    found = _matcher_for(vocab, attr, items)
    _BY_ITEMS[fast] = (items, vocab, found)
    return found


def _matcher_for(vocab, attr: str, items: tuple) -> PhraseMatcher:
    key = (id(vocab), attr, items)
    found = _CACHE.get(key)
    if found is None:
        found = PhraseMatcher(vocab, attr=attr)
        for n, (words, _) in enumerate(items):
            pattern = Doc(vocab, words=list(words), lemmas=list(words))
            for tok, word in zip(pattern, words):
                tok.norm_ = word
            found.add(str(n), [pattern])
        _CACHE[key] = found
    return found


def match_table(doc: Doc, table) -> list[tuple[Span, object]]:
    """Longest non-overlapping matches of the table's word sequences -> (span, value), in text order."""
    items = _items(table)
    if not items:
        return []
    matcher = _matcher(doc.vocab, attr_for(doc), items)
    found = [(start, end, int(doc.vocab.strings[match_id])) for match_id, start, end in matcher(doc)]
    found.sort(key=lambda m: (-(m[1] - m[0]), m[0]))
    taken: set[int] = set()
    out = []
    for start, end, n in found:
        if taken.isdisjoint(range(start, end)):
            taken.update(range(start, end))
            out.append((doc[start:end], items[n][1]))
    out.sort(key=lambda pair: pair[0].start)
    return out


def all_matches(doc: Doc, table) -> list[tuple[Span, object]]:
    """Every match of the table's word sequences, overlapping ones included -> (span, value), in text order
    (shorter first at one start)."""
    items = _items(table)
    if not items:
        return []
    matcher = _matcher(doc.vocab, attr_for(doc), items)
    found = sorted((start, end, int(doc.vocab.strings[match_id])) for match_id, start, end in matcher(doc))
    return [(doc[start:end], items[n][1]) for start, end, n in found]


def match_prefixes(tokens, table) -> list[tuple[list, object]]:
    """A ``prefix`` table (word-prefix sequences: 'ашылды', 'қол қой', 'тағайындал') over ``tokens`` (a Doc or
    Span; spaces skipped): each word is a prefix of its token's lower-case text. Left to right, the longest entry
    first (then the table's order), no overlaps -> (tokens matched, value), in text order."""
    by_letter = _prefix_entries(table)
    toks = [t for t in tokens if not t.is_space]
    lows = [t.text.lower() for t in toks]
    out, i = [], 0
    while i < len(toks):
        for words, value in by_letter.get(lows[i][:1], ()):
            n = len(words)
            if i + n <= len(toks) and all(lows[i + k].startswith(w) for k, w in enumerate(words)):
                out.append((toks[i:i + n], value))
                i += n - 1
                break
        i += 1
    return out


_PREFIXES: dict[int, tuple] = {}


def _prefix_entries(table) -> dict[str, list]:
    """First letter of a token -> the entries (longest first, then the table's order) whose first word it can
    start; an entry whose first word is empty can start at any token. Made once for a frozen table."""
    frozen = isinstance(table, (Table, MappingProxyType))
    if frozen:
        got = _PREFIXES.get(id(table))
        if got is not None and got[0] is table:
            return got[1]
    mapping = table.as_dict() if hasattr(table, "as_dict") else table
    entries = sorted(mapping.items(), key=lambda kv: -len(kv[0]))
    letters = {w[0][:1] for w, _ in entries if w and w[0]}

    def starts(words, letter) -> bool:
        return not words or not words[0] or words[0][:1] == letter

    by_letter = _LetterIndex({letter: [e for e in entries if starts(e[0], letter)] for letter in letters},
                             [e for e in entries if not e[0] or not e[0][0]])
    if frozen:
        _PREFIXES[id(table)] = (table, by_letter)
    return by_letter


class _LetterIndex(dict):
    """A letter no first word starts with still meets the entries that start at any token."""

    def __init__(self, mapping, anywhere):
        super().__init__(mapping)
        self.anywhere = anywhere

    def get(self, letter, default=None):
        return super().get(letter, self.anywhere)
