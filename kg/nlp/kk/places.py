"""Gazetteer places in Kazakh text, in any case form: "Шымкентте", "Алматы облысының", "АҚШ-тың".

Every Kazakh name of a place (``kg.gazetteer`` labels and aliases, plus the Kazakh names of regional capitals
and a few common short forms in ``place_names_kk.csv``) is indexed by all inflected forms of its last word
(``morph.forms``); the words before the last must match as written ("Алматы облысының": only "облысы"
inflects). A name must start with a capital letter; abbreviations ("ҚР", "АҚШ") must match case exactly and
take their suffix after a hyphen. Names that are also common words (``common`` = 1) are not matched at the
start of a sentence. Overlaps keep the longest match, so "Алматы облысы" (KZ-19) wins over "Алматы" (KZ-75).
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from ... import paths
from ...gazetteer import Gazetteer, load_gazetteer
from ..extensions import PLACES, register_extensions
from . import morph


@dataclass(frozen=True)
class PlaceName:
    key: str
    cls: str
    words: tuple[str, ...]          # lower-case
    written: str                    # as in the gazetteer
    abbreviation: bool
    common: bool


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    key: str
    cls: str
    base: str                       # the name's last word, uninflected, lower-case


def place_names(gazetteer: Gazetteer) -> list[PlaceName]:
    extra: dict[str, list[tuple[str, bool]]] = {}
    with open(paths.KK_PLACE_NAMES, encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            extra.setdefault(row["key"], []).append((row["name_kk"], row["common"] == "1"))
    out = []
    for place in gazetteer:
        pairs = [(n, False) for n in place.names("kk")] + extra.get(place.key, [])
        for name, common in dict.fromkeys(pairs):
            if not name or any(ch in name for ch in "(),"):
                continue
            abbreviation = name.isupper() and len(name) <= 5
            out.append(PlaceName(place.key, place.cls, tuple(name.lower().split()), name, abbreviation, common))
    return out


class PlaceIndex:
    """Inflected last word -> the names it may end."""

    def __init__(self, names: list[PlaceName]):
        self.by_form: dict[str, list[PlaceName]] = {}
        for name in names:
            for form in self._forms(name):
                self.by_form.setdefault(form, []).append(name)

    @staticmethod
    def _forms(name: PlaceName) -> set[str]:
        last = name.words[-1]
        if name.abbreviation:
            return {last}
        out = morph.forms(last)
        if len(name.words) > 1:        # "облысы" is облыс + ы: its forms are облыс's that extend it
            out |= {f for f in morph.forms(morph.stem(last)) if f.startswith(last)}
        return out

    def candidates(self, token_text: str) -> list[PlaceName]:
        low = token_text.lower()
        found = list(self.by_form.get(low, ()))
        head, dash, tail = token_text.rpartition("-")
        if dash and head and tail and tail.islower() and morph.analyze(token_text)[1] == "-" + tail:
            found += [n for n in self.by_form.get(head.lower(), ()) if n.abbreviation or len(n.words) == 1]
        return found


@lru_cache(maxsize=1)
def default_index() -> PlaceIndex:
    return PlaceIndex(place_names(load_gazetteer()))


def _fits(doc: Doc, end: int, name: PlaceName) -> int | None:
    """Start token of ``name`` ending at token ``end - 1``, or None."""
    start = end - len(name.words)
    if start < 0:
        return None
    tokens = doc[start:end]
    if any(t.lower_ != w for t, w in zip(tokens[:-1], name.words[:-1])):
        return None
    first = tokens[0].text
    if name.abbreviation:
        if not tokens[-1].text.startswith(name.written.split()[-1]):
            return None
    elif not first[:1].isupper():
        return None
    if name.common and tokens[0].is_sent_start and len(name.words) == 1:
        return None
    return start


def match(doc: Doc, index: PlaceIndex) -> list[Match]:
    found = []
    for token in doc:
        if not token.text[:1].isalpha():
            continue
        for name in index.candidates(token.text):
            start = _fits(doc, token.i + 1, name)
            if start is not None:
                found.append(Match(start, token.i + 1, name.key, name.cls, name.words[-1]))
    found.sort(key=lambda m: (-(m.end - m.start), m.start, m.key))
    taken: set[int] = set()
    kept = []
    for m in found:
        if not taken.intersection(range(m.start, m.end)):
            kept.append(m)
            taken.update(range(m.start, m.end))
    return sorted(kept, key=lambda m: m.start)


def set_annotations(doc: Doc, matches: list[Match]) -> None:
    doc.spans[PLACES] = [Span(doc, m.start, m.end, label=m.cls, span_id=m.key) for m in matches]


class PlaceMatcher:
    def __init__(self, index: PlaceIndex):
        self.index = index

    def __call__(self, doc: Doc) -> Doc:
        set_annotations(doc, match(doc, self.index))
        return doc


@Language.factory("kg_kk_places", assigns=["doc.spans"], requires=["token.is_sent_start"])
def make_places(nlp: Language, name: str) -> PlaceMatcher:
    register_extensions()
    return PlaceMatcher(default_index())
