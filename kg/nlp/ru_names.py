"""Person names to the nominative: 'Алексеем Дюминым' -> 'Алексей Дюмин', 'Петра Гуцулы' ->
'Пётр Гуцула' (natasha's own normalizer keeps 'Гуцулы': a surname declined like a common noun)."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from . import natasha_adapter as na
from .extensions import register_extensions
from .ru_morph import CASES, GENDERS, feats, restore_case

register_extensions()
_NAME_TAGS = ("Name", "Surn", "Patr")


def person_gender(tokens) -> str | None:
    for tok in tokens:
        for parse in na.parses(tok.text):
            if "Name" in parse.tag and parse.tag.gender in ("masc", "femn"):
                return parse.tag.gender
    genders = [GENDERS.get(feats(t).get("Gender")) for t in tokens]
    return next((g for g in genders if g), None)


def _candidates(tok, case):
    parses = na.parses(tok.text)
    same = [p for p in parses if p.tag.case == case] or parses
    return same


def _dictionary_case(word: str, gender: str | None) -> str:
    """The tagger said nominative; when every singular name reading of the word is in one other case
    ('Досаеву' can only be dative), trust the dictionary."""
    named = [p for p in na.parses(word) if any(t in p.tag for t in _NAME_TAGS)
             and p.tag.number == "sing" and "Fixd" not in p.tag and (gender is None or p.tag.gender == gender)]
    cases = {p.tag.case for p in named}
    return cases.pop() if len(cases) == 1 and "nomn" not in cases else "nomn"


def normalize_name_token(tok, gender: str | None) -> str:
    word = tok.text
    case = CASES.get(feats(tok).get("Case"), "nomn")
    if not word[:1].isupper() or "." in word:
        return word
    if word.endswith(("ской", "цкой")) and not any(p.tag.case == "nomn" for p in na.parses(word)):
        return _adjectival_surname(word, gender)    # 'Т. Ю. Быковской': an oblique woman's surname
    if case == "nomn":
        case = _dictionary_case(word, gender)
        if case == "nomn":
            return word
    given = [p for p in na.parses(word) if "Name" in p.tag and "sing" in p.tag]
    if given and all("Fixd" in p.tag for p in given):
        return word                               # 'Айгуль', 'Асель': names that do not decline
    parses = _candidates(tok, case)
    named = [p for p in parses if any(t in p.tag for t in _NAME_TAGS)]
    named.sort(key=lambda p: "Fixd" in p.tag)     # 'Анне' is a form of Анна before it is the name Анне
    if gender:
        named = [p for p in named if p.tag.gender is None or "ms-f" in p.tag or p.tag.gender == gender] or named
    for parse in named:
        grams = {"nomn", "sing"} | ({gender} if gender and "Surn" in parse.tag else set())
        form = na.inflect(parse, grams)
        if form is not None:
            return restore_case(word, form.word)
    nouns = [p for p in parses if p.tag.POS == "NOUN" and p.tag.case == case]
    if nouns:  # a surname declined like a common noun: 'Ложки' -> 'ложка'
        return restore_case(word, nouns[0].normal_form)
    return _possessive_surname(word, case, gender) or _adjectival_surname(word, gender) or \
        _a_declension(word, case)


# Adjectival surnames the dictionary lacks: 'Быковской' -> 'Быковская', 'Заблоцкого' -> 'Заблоцкий'.
_ADJECTIVAL = (("ской", "ская"), ("скую", "ская"), ("цкой", "цкая"), ("цкую", "цкая"),
               ("ского", "ский"), ("скому", "ский"), ("ским", "ский"), ("ском", "ский"),
               ("цкого", "цкий"), ("цкому", "цкий"), ("цким", "цкий"), ("цком", "цкий"))


def _adjectival_surname(word: str, gender: str | None) -> str | None:
    """The ending tells the gender: '-ской' is only feminine, '-ского' only masculine."""
    for ending, nominative in _ADJECTIVAL:
        if word.endswith(ending) and len(word) > len(ending) + 2:
            return word[:-len(ending)] + nominative
    return None


# Surnames in -ов/-ев/-ин (-ова/-ева/-ина for women) the dictionary lacks, by case and gender:
# 'Владимира Солодова' -> 'Солодов', 'Марии Солодовой' -> 'Солодова'.
_POSSESSIVE = {
    "masc": {"gent": ("а",), "accs": ("а",), "datv": ("у",), "ablt": ("ым",), "loct": ("е",)},
    "femn": {"gent": ("ой",), "datv": ("ой",), "ablt": ("ой",), "loct": ("ой",), "accs": ("у",)},
}
_POSSESSIVE_STEMS = ("ов", "ев", "ёв", "ин", "ын")


def _possessive_surname(word: str, case: str, gender: str | None) -> str | None:
    for ending in _POSSESSIVE.get(gender or "", {}).get(case, ()):
        stem = word[:-len(ending)]
        if word.endswith(ending) and len(stem) > 3 and stem.lower().endswith(_POSSESSIVE_STEMS):
            return stem + ("а" if gender == "femn" else "")
    return None


# Endings of a surname in -а/-я by case, when the dictionary knows no such word ('Гуцулы' -> 'Гуцула').
_A_ENDINGS = {"gent": (("ы", "а"), ("и", "я")), "datv": (("е", "а"),), "loct": (("е", "а"),),
              "ablt": (("ой", "а"), ("ей", "я")), "accs": (("у", "а"), ("ю", "я"))}
_HUSHING = "жшчщкгх"


def _a_declension(word: str, case: str) -> str:
    for ending, nominative in _A_ENDINGS.get(case, ()):
        if word.endswith(ending) and len(word) > len(ending) + 2:
            stem = word[:-len(ending)]
            if ending == "и" and stem[-1] in _HUSHING:
                nominative = "а"
            return stem + nominative
    return word


def normalize_person(tokens) -> str:
    """'Алексеем Дюминым' -> 'Алексей Дюмин'; initials keep their dot: 'В.Ю.Голубева' -> 'В. Ю. Голубев'."""
    tokens = [t for t in tokens if not t.is_space]
    words = [t for t in tokens if not t.is_punct]
    gender = person_gender([t for t in words if not _initial(t)])
    return " ".join(t.text + "." if _initial(t) else normalize_name_token(t, gender) for t in words)


def _initial(tok) -> bool:
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return len(tok.text) == 1 and tok.text.isupper() and nxt is not None and nxt.text == "."


@Language.factory("kg_ru_names", assigns=["span._.kg_normal"], requires=["doc.ents", "token.morph"])
def make_names(nlp, name):
    def component(doc: Doc) -> Doc:
        for ent in doc.ents:
            if ent.label_ == "PER":
                ent._.kg_normal = normalize_person(list(ent))
        return doc
    return component
