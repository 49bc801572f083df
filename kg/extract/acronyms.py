"""Acronyms and the full names they stand for: table expansions ('ЦРБ' = 'центральная районная больница',
'Минздрав' = 'министерство здравоохранения'), acronyms defined in the text ('… больница (УОКБ)') or made of the
initials of a full name the article gives ('ФМБА' = 'Федеральное медико-биологическое агентство')."""
from __future__ import annotations

import re
from functools import lru_cache

from ..nlp import natasha_adapter as na

_PROPER_TAGS = ("Orgn", "Abbr", "Geox", "Name", "Surn", "Trad")
_ACRONYM = re.compile(r"^[А-ЯЁA-Z]{2,7}$")


@lru_cache(maxsize=None)
def _normal(word: str) -> str:
    parses = na.parses(word)
    return (parses[0].normal_form if parses else word).replace("ё", "е")


def abbreviation_lemmas(word: str, lex) -> frozenset:
    """Lemmas of an acronym's expansion: 'црб' -> {центральный, районный, больница}."""
    full = lex.FACILITY_ABBREVIATIONS[word][0]
    return frozenset(_normal(w) for w in full.split())


def expansion_gender(word: str, lex) -> str | None:
    """Grammatical gender of an acronym's head noun ('ЦРБ' is a больница: femn)."""
    full = lex.FACILITY_ABBREVIATIONS.get(word)
    if not full:
        return None
    for w in full[0].split():
        for p in na.parses(w):
            if p.tag.POS == "NOUN" and p.tag.case == "nomn":
                return p.tag.gender
    return None


def is_common_word(tok) -> bool:
    """A word pymorphy knows as a common (not proper) word."""
    if tok.is_punct or tok.like_num:
        return True
    parses = na.parses(tok.text)
    return bool(parses) and parses[0].is_known and not any(
        any(tag in p.tag for tag in _PROPER_TAGS) for p in parses[:2])


def is_proper_word(tok) -> bool:
    """A capitalized word that is not a common one: 'Шекснинская', 'Никольская' (not 'Новая', 'Городская')."""
    return tok.text[:1].isupper() and not tok.text.isupper() and not is_common_word(tok)


def is_acronym(text: str) -> bool:
    return bool(_ACRONYM.match(text))


def initials(label: str) -> str:
    """'Федеральное медико-биологическое агентство' -> 'ФМБА'; 'Ульяновская областная клиническая больница'
    -> 'УОКБ'. Short function words are skipped ('по', 'и', 'в')."""
    out = []
    for word in re.split(r"[\s\-]+", label):
        word = word.strip("«»\"()")
        if len(word) > 2 and word[:1].isalpha():
            out.append(word[0].upper())
    return "".join(out)


def stands_for(acronym: str, label: str) -> bool:
    """``acronym`` is made of the initials of ``label`` (at least three letters, or two for a two-word name)."""
    acronym = acronym.upper().replace("Ё", "Е")
    full = initials(label).replace("Ё", "Е")
    return len(acronym) >= 2 and acronym == full
