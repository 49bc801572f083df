"""Person names to the nominative: 'Алексеем Дюминым' -> 'Алексей Дюмин', 'Петра Гуцулы' ->
'Пётр Гуцула' (natasha's own normalizer keeps 'Гуцулы': a surname declined like a common noun)."""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from . import natasha_adapter as na
from .extensions import register_extensions
from .ru_morph import CASES, GENDERS, feats, restore_case

register_extensions()
_NAME_TAGS = ("Name", "Surn", "Patr")
# Surnames in -ов/-ев/-ин: a woman's is '-ова' in the nominative and '-овой' in every other case but one.
_POSSESSIVE_STEMS = ("ов", "ев", "ёв", "ин", "ын")
_WOMANS_NOMINATIVE = tuple(stem + "а" for stem in _POSSESSIVE_STEMS)     # 'Иванова' (or a man's genitive)
_WOMANS_OBLIQUE = tuple(stem + "ой" for stem in _POSSESSIVE_STEMS)       # 'Ивановой': only a woman's


# A patronymic tells the gender in any case: '-овна', '-евной', '-ичну' are a woman's, '-ович', '-евичем' a man's.
_PATRONYMIC_GENDER = (("femn", re.compile(r"(?:[ое]вн|ичн)(?:а|ы|е|ой|у)$")),
                      ("masc", re.compile(r"(?:[ое]вич|ьич)(?:а|у|ем|е)?$")))


def patronymic_gender(word: str) -> str | None:
    """'femn' for 'Ивановна', 'masc' for 'Петровичем'; None for a word that is no patronymic's form."""
    if word[:1].isupper():
        for gender, pattern in _PATRONYMIC_GENDER:
            if pattern.search(word.lower()):
                return gender
    return None


def person_gender(tokens) -> str | None:
    for tok in tokens[1:]:
        if gender := patronymic_gender(tok.text):
            return gender
    if len(tokens) >= 2 and _womans_by_surname(tokens[0].text, tokens[-1].text):
        return "femn"
    for tok in tokens:
        parses = na.parses(tok.text)
        case = CASES.get(feats(tok).get("Case"))
        if len(tokens) >= 2 and any("Name" in p.tag and p.tag.case == case for p in parses):
            parses = [p for p in parses if p.tag.case == case]  # 'Марину Зотову' (accusative): Марина, not Марин
        for parse in parses:
            if "Name" in parse.tag and parse.tag.gender in ("masc", "femn") and parse.tag.number != "plur":
                return parse.tag.gender     # a person's given name is singular: 'Ерлан' is no women's plural
    if len(tokens) >= 2 and (gender := _surname_gender(tokens[-1].text)):
        return gender
    genders = [GENDERS.get(feats(t).get("Gender")) for t in tokens]
    return next((g for g in genders if g), None)


def _womans_by_surname(given: str, surname: str) -> bool:
    """'Сауле Кисикова', 'Акмарал Альназарова': the dictionary reads the given name only as a man's, and in no
    case a man's '-ова' surname could be in (genitive, accusative): a woman's name, nominative."""
    if len(surname) > 6 and surname.lower().endswith(_WOMANS_OBLIQUE):
        return True             # 'Сауле Кисиковой': only a woman's surname ends so
    if not surname.lower().endswith(_WOMANS_NOMINATIVE):
        return False
    names = [p for p in na.parses(given) if "Name" in p.tag]
    return bool(names) and all(p.tag.gender == "masc" and p.tag.case not in ("gent", "accs") for p in names)


_SURNAME_GENDER = (("masc", ("овым", "евым", "ёвым", "иным", "ыным", "ского", "скому", "ским", "цкого", "цким")),
                   ("femn", _WOMANS_OBLIQUE + ("ской", "цкой")))


def _surname_gender(word: str) -> str | None:
    """'Абиловым' is a man's, 'Абиловой' a woman's surname, whatever the tagger guessed."""
    low = word.lower()
    if len(low) > 6:
        for gender, endings in _SURNAME_GENDER:
            if low.endswith(endings):
                return gender
    return None


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


_KAZAKH_PATRONYMIC_SURNAME = ("улы", "ұлы", "уулу", "кызы", "қызы")


def _kazakh_patronymic_surname(word: str) -> bool:
    """'Кенжеханулы', 'Момышұлы': a father's name (five letters or more) + '-улы / -кызы'; not 'Гуцулы' (a
    declined 'Гуцула')."""
    low = word.lower()
    return any(low.endswith(end) and len(low) - len(end) >= 5 for end in _KAZAKH_PATRONYMIC_SURNAME)


def normalize_name_token(tok, gender: str | None, name_case: str | None = None) -> str:
    word = tok.text
    if word.isupper() and len(word) > 2 and word.isalpha():
        return word[:1] + word[1:].lower()          # 'Ербол САДЫР': a surname in capitals, as bylines write it
    if _kazakh_patronymic_surname(word):
        return word                                 # 'О. Кенжеханулы': a surname in '-улы / -кызы' never declines
    case = CASES.get(feats(tok).get("Case"), "nomn")
    if name_case and name_case != "nomn" and gender != "femn" and not _known_name(word):
        return _consonant_given_name(word, name_case)   # 'Мадияром Утешевым' -> 'Мадияр'
    if not word[:1].isupper() or "." in word:
        return word
    if word.endswith(("ской", "цкой")) and not any(p.tag.case == "nomn" for p in na.parses(word)):
        return _adjectival_surname(word, gender)    # 'Т. Ю. Быковской': an oblique woman's surname
    if word.endswith("ой") and word[:-2].lower().endswith(_POSSESSIVE_STEMS) and len(word) > 6 and \
            not any(p.tag.case == "nomn" for p in na.parses(word)):
        return word[:-2] + "а"                      # 'Маншук Аймурзиевой': an oblique woman's surname
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
        agreeing = [p for p in named if p.tag.gender is None or "ms-f" in p.tag or p.tag.gender == gender]
        if not agreeing and gender == "femn" and all("Name" in p.tag for p in named):
            return word         # 'Райфа Сафиоллиновна', 'Сауле Кисикова': no woman's reading, the form as written
        named = agreeing or named
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
def _possessive_surname(word: str, case: str, gender: str | None) -> str | None:
    stem = word[:-2]
    if word.endswith("ой") and len(stem) > 3 and stem.lower().endswith(_POSSESSIVE_STEMS):
        return stem + "а"          # '-овой', '-евой', '-иной' are a woman's surname in any oblique case
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
    gender = person_gender([t for t in words if not is_initial(t)])
    if any(is_initial(t) for t in words) and _apposition_case(tokens[0]) == "Nom":
        gender = _initialled_gender([t for t in words if not is_initial(t)]) or gender  # no given name to tell
    case = _surname_case(words[-1], gender) if len(words) == 2 and not is_initial(words[0]) else None
    return " ".join(t.text + "." if is_initial(t) else
                    normalize_name_token(t, gender, case if t is words[0] else None) for t in words)


# A given name the dictionary does not know ('Мадияр', 'Ерлан', 'Серикбай') declines like a masculine noun
# ending in a consonant: its case is the one the surname after it shows.
_CONSONANT_NAME = {"gent": (("а", ""), ("я", "й")), "accs": (("а", ""), ("я", "й")), "datv": (("у", ""), ("ю", "й")),
                   "ablt": (("ом", ""), ("ем", "й")), "loct": (("е", ""),)}
_VOWELS = "аеёиоуыэюяй"


def _known_name(word: str) -> bool:
    return any(t in p.tag for p in na.parses(word) for t in _NAME_TAGS) and \
        na.morph_vocab().word_is_known(word.lower())


def _consonant_given_name(word: str, case: str) -> str:
    for ending, nominative in _CONSONANT_NAME.get(case, ()):
        stem = word[:-len(ending)]
        if word.endswith(ending) and len(stem) >= 3 and stem[-1].lower() not in _VOWELS:
            return stem + nominative
    return word


def _surname_case(tok, gender: str | None) -> str | None:
    """The case a masculine '-ов/-ев/-ин' surname shows by its ending ('Утешевым' -> ablt), when the ending
    is unambiguous; None otherwise."""
    word = tok.text.lower()
    if gender == "femn" or not word[:1].isalpha():
        return None
    for case, endings in (("ablt", ("овым", "евым", "ёвым", "иным", "ыным")),
                          ("datv", ("ову", "еву", "ёву", "ину", "ыну")),
                          ("loct", ("ове", "еве", "ёве", "ине", "ыне"))):
        if word.endswith(endings):
            return case
    return None


def _apposition_case(tok) -> str | None:
    """The case of the role noun a name stands in apposition to: 'заместитель министра здравоохранения
    края Лазарева В.С.' -> Nom (the genitive chain between them is skipped); None when no noun is there."""
    noun = apposition_noun(tok)
    return feats(noun).get("Case") if noun is not None else None


def apposition_noun(tok):
    """The person noun a name's first token ``tok`` stands in apposition to, across the genitive chain of
    things between them: 'заместитель министра здравоохранения края [Лазарева]' -> 'заместитель',
    'поездка губернатора НСО [А.П.Травкина]' -> 'губернатора'; None when there is none."""
    doc = tok.doc
    i = tok.i - 1
    while i >= 0:
        t = doc[i]
        animate = t.pos_ == "NOUN" and t.text[:1].islower() and feats(t).get("Animacy") == "Anim"
        if animate:
            j = i - 1
            while j >= 0 and doc[j].is_space:
                j -= 1
            governor = doc[j] if j >= 0 else None
            if feats(t).get("Case") == "Gen" and governor is not None and governor.pos_ == "NOUN" and \
                    feats(governor).get("Animacy") == "Anim":
                i = j                             # 'заместитель министра': the deputy is the head
                continue
            return t
        if t.is_space or t.text in "«»\"“”„" or t.ent_type_ in ("ORG", "LOC") or t.lower_ == "и" or \
                t.pos_ in ("NOUN", "ADJ", "PROPN", "DET") and feats(t).get("Case") == "Gen":
            i -= 1
            continue
        return None
    return None


def _initialled_gender(words) -> str | None:
    """'Лазарева В.С.' after a nominative role: an '-ова/-ева/-ина' surname in the nominative is a woman's."""
    if len(words) == 1 and words[0].text.lower().endswith(_WOMANS_NOMINATIVE):
        return "femn"
    return None


def is_initial(tok) -> bool:
    """A single capital letter followed by a dot: 'В' of 'В. Петров'."""
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
