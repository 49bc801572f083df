"""Pattern tables served by spaCy's PhraseMatcher: one matcher per table and vocabulary, built once.

Tokens are compared on the normalized form the NLP stage leaves on them: Russian lemmas (lower case, ё → е)
in ``token.norm_`` (set by ``kg_ru_morph``), Kazakh stems in ``token.lemma_`` (set by ``kg_kk_lemmas``).
A table is a ``kg.patterns.Table`` or a plain ``{words tuple: value}`` mapping; overlapping matches resolve
to the longest, then the earliest.
"""
from __future__ import annotations

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

_CACHE: dict = {}


def attr_for(doc: Doc) -> str:
    return "LEMMA" if doc.lang_ == "kk" else "NORM"


def _items(table) -> tuple:
    mapping = table.as_dict() if hasattr(table, "as_dict") else table
    return tuple(sorted((tuple(words), value) for words, value in mapping.items()))


def _matcher(vocab, attr: str, items: tuple) -> PhraseMatcher:
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
