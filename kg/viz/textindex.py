"""Search index of normalized forms: the page finds a name by any inflected form ("Петрова" -> "Петров").

``normalize`` lower-cases, turns ё into е and folds Kazakh letters to their Russian look-alikes (ә→а, қ→к…),
so one name written either way matches. ``stem`` strips at most two endings (Russian case endings, Kazakh
case and plural suffixes, folded), keeping at least three letters. The page runs the same two functions in
JavaScript on the query (static/search.js mirrors them; a browser test compares the two on a word list).
A node's index entry holds every token of its names and their stems; a query token matches an entry that
starts with the query token's stem.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

FOLD_FROM, FOLD_TO = "ёәғқңөұүһі", "еагкноуухи"
FOLD = str.maketrans(FOLD_FROM, FOLD_TO)
ENDINGS = tuple(sorted((
    # Russian nominal and adjectival endings
    "ами ями ого его ому ему ыми ими ой ей ий ый ая яя ое ее ую юю ом ем ым им ах ях ам ям ов ев "
    "а я ы и у ю е о ь "
    # Kazakh case and plural suffixes, folded (ның→нын, қа→ка, і→и ...)
    "нын нин дын дин тын тин га ге ка ке да де та те дан ден тан тен нан нен ны ни ды ди ты ти "
    "мен бен пен лар лер дар дер тар тер нда нде сы си").split(), key=lambda e: (-len(e), e)))
MIN_STEM = 3
_TOKEN = re.compile(r"[^\W_]+")


def normalize(text: str) -> str:
    return unicodedata.normalize("NFC", text).lower().translate(FOLD)


_BY_LENGTH = [(n, frozenset(e for e in ENDINGS if len(e) == n)) for n in sorted({len(e) for e in ENDINGS}, reverse=True)]


@lru_cache(maxsize=65536)
def stem(token: str) -> str:
    """Strip the longest known ending (at most twice) while at least MIN_STEM letters remain."""
    for _ in range(2):
        for n, endings in _BY_LENGTH:
            if len(token) - n >= MIN_STEM and token[-n:] in endings:
                token = token[:-n]
                break
        else:
            break
    return token


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(normalize(text))


def index_entry(names: list[str]) -> str:
    """' token stem token stem …' (sorted, distinct, a leading space) for every name of a node."""
    forms = set()
    for name in names:
        for tok in tokens(name):
            forms.add(tok)
            forms.add(stem(tok))
    return " " + " ".join(sorted(forms))
