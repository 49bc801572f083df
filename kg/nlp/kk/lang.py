"""A small spaCy ``Language`` for Kazakh ("kk"), which spaCy does not ship.

Tokens follow KazNERD's conventions (the corpus the NER model learns from): hyphenated words and names stay
whole ("Ақ-Жол", "Нұр-Сұлтан", "құрал-жабдықтар"), a number keeps its hyphenated case suffix ("20-дан",
"1-інші", "%-ке"), abbreviations with dots stay whole ("т.б.", "ж.", "м.ғ.к."). Whitespace runs become
tokens, so ``doc.text`` always equals the input.

The lexical attributes the tagger sees are set here too: ``PREFIX`` is the first four lower-case letters (a
rough stem of an agglutinative word) and ``SUFFIX`` the last three (its inflection). Changing them changes
what the shipped model sees: retrain after any change (``make train-kk``).
"""
from __future__ import annotations

import re

import spacy
from spacy.attrs import LIKE_NUM, NORM, ORTH, PREFIX, SUFFIX
from spacy.lang.char_classes import (CONCAT_QUOTES, CURRENCY, LIST_ELLIPSES, LIST_ICONS, LIST_PUNCT,
                                     LIST_QUOTES, UNITS)
from spacy.lang.punctuation import TOKENIZER_PREFIXES
from spacy.lang.tokenizer_exceptions import BASE_EXCEPTIONS
from spacy.language import BaseDefaults, Language
from spacy.util import update_exc

LOWER = "a-zа-яёәғқңөұүһі"
UPPER = "A-ZА-ЯЁӘҒҚҢӨҰҮҺІ"
ALPHA = LOWER + UPPER

# Abbreviations written with dots, kept as one token. ``True``: may end a sentence ("... т.б. Келесі").
ABBREVIATIONS = {
    "т.б.": True, "т.с.с.": True, "т.с.": True, "т.т.": True, "б.з.б.": False, "б.з.": False,
    "ж.": False, "жж.": False, "ғ.": False, "ғғ.": False, "млн.": False, "млрд.": False, "мың.": False,
    "сағ.": False, "мин.": False, "км.": False, "тг.": False, "бет.": False, "қ.": False, "обл.": False,
    "проф.": False, "акад.": False, "доц.": False, "т.ғ.д.": False, "т.ғ.к.": False, "м.ғ.д.": False,
    "м.ғ.к.": False, "ф.ғ.д.": False, "ф.ғ.к.": False, "э.ғ.д.": False, "э.ғ.к.": False,
}
INITIALS = [c + "." for c in "АӘБВГҒДЕЁЖЗИЙКҚЛМНҢОӨПРСТУҰҮФХҺЦЧШЩЫІЭЮЯABCDEFGHIJKLMNOPQRSTUVWXYZ"]

NUMBER_WORDS = {
    "нөл", "бір", "екі", "үш", "төрт", "бес", "алты", "жеті", "сегіз", "тоғыз", "он", "жиырма", "отыз",
    "қырық", "елу", "алпыс", "жетпіс", "сексен", "тоқсан", "жүз", "мың", "миллион", "миллиард", "триллион",
}
_NUMBER = re.compile(r"^[+-]?\d+(?:[.,]\d+)*(?:-[" + LOWER + r"]+)?$")

STOP_WORDS = set("""
және мен бен пен да де та те ал бірақ немесе не әрі яғни себебі өйткені егер онда мұнда сонда осы сол бұл ол
олар біз сіз сен мен өз өзі үшін туралы бойынша арқылы дейін кейін бері қарай сияқты секілді ғана тек әлі енді
бар жоқ емес еді болды болып болады болатын деп деген дейді тиіс керек қажет барлық әр әрбір кейбір көп аз
""".split())


def like_num(text: str) -> bool:
    """Digits (with a hyphenated case suffix: "20-дан") or a Kazakh number word."""
    return bool(_NUMBER.match(text)) or text.lower() in NUMBER_WORDS


def _exceptions() -> dict:
    exc = {}
    for abbr in list(ABBREVIATIONS) + INITIALS:
        for form in {abbr, abbr[0].upper() + abbr[1:]}:
            exc[form] = [{ORTH: form}]
    return update_exc(BASE_EXCEPTIONS, exc)


_SUFFIXES = LIST_PUNCT + LIST_ELLIPSES + LIST_QUOTES + LIST_ICONS + [
    "—", "–",
    r"(?<=[0-9])%(?:-[{a}]+)?".format(a=ALPHA),                  # "50%", "50%-ке"
    r"(?<=[0-9])(?:{c})".format(c=CURRENCY),
    r"(?<=[0-9])(?:{u})".format(u=UNITS),
    r"(?<=[»\"”)])-[{a}]+".format(a=ALPHA),                       # «Ақ-Жол»-дан
    r"(?<=[{a}])-".format(a=ALPHA),                               # 'Ерік Сұлтанов- СҚО әкімі': a dash glued on
    r"(?<=[{a}0-9{q}%²)\]»”])\.".format(a=ALPHA, q=CONCAT_QUOTES),
    r"(?<=[{u}][{u}])\.".format(u=UPPER),
]

_INFIXES = LIST_ELLIPSES + LIST_ICONS + [
    r"(?<=[0-9])[+\-\*^](?=[0-9-])",
    r"(?<=[{l}{q}])\.(?=[{u}{q}])".format(l=LOWER, u=UPPER, q=CONCAT_QUOTES),
    r"(?<=[{a}]),(?=[{a}])".format(a=ALPHA),
    r"(?<=[{a}0-9])[:<>=/](?=[{a}])".format(a=ALPHA),
    r"(?<=[{a}0-9])[—–](?=[{a}0-9])".format(a=ALPHA),            # dashes split, hyphens do not
]


class KazakhDefaults(BaseDefaults):
    tokenizer_exceptions = _exceptions()
    prefixes = TOKENIZER_PREFIXES + [r"-(?=[{u}])".format(u=UPPER)]   # '-Көкшетаудағы': a dash glued on
    suffixes = _SUFFIXES
    infixes = _INFIXES
    stop_words = STOP_WORDS
    lex_attr_getters = {
        LIKE_NUM: like_num,
        NORM: lambda s: s.lower(),
        PREFIX: lambda s: s.lower()[:4],
        SUFFIX: lambda s: s.lower()[-3:],
    }
    writing_system = {"direction": "ltr", "has_case": True, "has_letters": True}


@spacy.registry.languages("kk")
class Kazakh(Language):
    lang = "kk"
    Defaults = KazakhDefaults


__all__ = ["Kazakh", "ABBREVIATIONS", "like_num"]
