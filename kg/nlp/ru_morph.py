"""Russian inflection helpers over pymorphy (through natasha): nominative forms of names and phrases."""
from __future__ import annotations

from functools import lru_cache

from . import natasha_adapter as na

CASES = {"Nom": "nomn", "Gen": "gent", "Dat": "datv", "Acc": "accs", "Ins": "ablt", "Loc": "loct"}
GENDERS = {"Masc": "masc", "Fem": "femn", "Neut": "neut"}
_AGREEING = {"ADJ", "DET", "NUM"}


def feats(token) -> dict:
    return token.morph.to_dict()


def match_case(token):
    """pymorphy parses of ``token`` whose case agrees with the tagger's, best first."""
    return _match_case(token.text, feats(token).get("Case"))


def _match_case(text: str, tagged_case: str | None):
    case = CASES.get(tagged_case)
    parses = na.parses(text)
    if case:
        same = [p for p in parses if p.tag.case == case or (case == "loct" and p.tag.case in ("loc2",))]
        if same:
            return same
    return parses


def restore_case(surface: str, form: str) -> str:
    """Give ``form`` the capitalization pattern of ``surface`` (ВОЗ stays upper, Москва title)."""
    if surface.isupper() and len(surface) > 1:
        return form.upper()
    caps = len(surface) - len(surface.lstrip("АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯABCDEFGHIJKLMNOPQRSTUVWXYZ"))
    if caps > 1:                                   # an inflected acronym: 'ФАПа' -> 'ФАП', 'ФАПы'
        return form[:caps].upper() + form[caps:]
    if surface[:1].isupper():
        return "-".join(part[:1].upper() + part[1:] for part in form.split("-"))
    return form


# Case endings of nouns, for words the dictionary does not know: the hard-stem masculine ones, and all.
HARD_MASCULINE_ENDINGS = ("", "а", "у", "ом", "е", "ы", "ов", "ам", "ами", "ах")
NOUN_ENDINGS = HARD_MASCULINE_ENDINGS + ("я", "ю", "о", "и", "ь", "ем", "ой", "ей", "ев", "ям", "ями", "ях")


def stem_forms(stems: dict, endings) -> dict:
    """Every form stem + ending -> the stem's value (the longer stem's where two stems make one form)."""
    return {stem + e: value for stem, value in sorted(stems.items(), key=lambda kv: len(kv[0])) for e in endings}


@lru_cache(maxsize=1)
def loanword_forms() -> dict[str, str]:
    """Every hard-stem masculine case form of the loanwords of ``LOANWORD_LEMMAS`` ('акиму', 'акиме') -> the
    stem ('аким'), which the dictionary does not know."""
    from ..patterns import load_word_sets
    return stem_forms({stem: stem for stem in load_word_sets("ru")["LOANWORD_LEMMAS"]}, HARD_MASCULINE_ENDINGS)


def inflect_word(token, grammemes: set[str], gender: str | None = None) -> str:
    """The word in the requested grammemes, or unchanged when pymorphy cannot tell. ``gender`` (an agreeing
    word's head gender) picks among ambiguous parses: 'Территориального фонда' -> 'Территориальный'."""
    stem = loanword_forms().get(token.text.lower())
    if stem is not None and grammemes == {"nomn", "sing"}:   # 'акиму' -> 'аким'
        return stem[:1].upper() + stem[1:] if token.text[:1].isupper() else stem
    case = feats(token).get("Case")
    key = (token.text, case, frozenset(grammemes), gender)
    found = _INFLECTED.get(key)
    if found is None:
        if len(_INFLECTED) > 100_000:
            _INFLECTED.clear()
        found = _INFLECTED[key] = _inflect_word(token.text, case, grammemes, gender)
    return found


# (word, tagged case, grammemes, gender) -> the inflected word: a function of these alone, and pymorphy's
# inflection (the whole lexeme built per call) is slow.
_INFLECTED: dict[tuple, str] = {}


def _inflect_word(text: str, case: str | None, grammemes: set[str], gender: str | None) -> str:
    if case == "Nom" and "nomn" in grammemes and "plur" not in grammemes:
        return text
    parses = _match_case(text, case)
    if gender:
        parses = sorted(parses, key=lambda p: p.tag.gender != gender)
        grammemes = grammemes | {gender}
    for parse in parses:
        if parse.tag.POS not in ("NOUN", "ADJF", "PRTF", "NUMR", "NPRO") and parse.tag.POS is not None:
            continue
        form = na.inflect(parse, grammemes)
        if form is not None:
            return restore_case(text, form.word)
    return text


_ADJ_ENDINGS = ("ых", "их", "ого", "его", "ому", "ему", "ым", "им", "ой", "ей", "ая", "яя", "ое", "ее", "ые",
                "ие", "ый", "ий", "ую", "юю")


def adjectival_noun(tok) -> bool:
    """A word tagged as a noun that is an adjective in form ('трассовых пунктов')."""
    lemma = (tok.lemma_ or "").lower()
    return tok.pos_ == "NOUN" and lemma.endswith(("ый", "ий", "ой")) and tok.text.lower().endswith(_ADJ_ENDINGS)


def head_index(tokens) -> int | None:
    """Index of the phrase head: the first noun (or proper noun) not preceded by a preposition."""
    for i, tok in enumerate(tokens):
        if tok.pos_ == "ADP":
            return None
        if tok.pos_ in ("NOUN", "PROPN") and not adjectival_noun(tok):
            return i
    return None


def head_gender(tok) -> str | None:
    """The grammatical gender of a head noun (pymorphy's, in the tagger's case); None for an acronym,
    whose gender is its expansion's ('ЦРБ' is a больница), and when pymorphy cannot tell."""
    if tok.text.isupper():
        return None
    key = (tok.text, feats(tok).get("Case"))
    if key not in _GENDERS:
        if len(_GENDERS) > 100_000:
            _GENDERS.clear()
        _GENDERS[key] = next((p.tag.gender for p in _match_case(*key)
                              if p.tag.POS == "NOUN" and p.tag.gender in ("masc", "femn", "neut")), None)
    return _GENDERS[key]


_GENDERS: dict[tuple, str | None] = {}


def nominative_words(tokens, case: str = "nomn", number: str | None = None,
                     gender: str | None = None) -> list[str]:
    """Per token: the head and the words agreeing with it before it in ``case`` (number kept unless
    given; agreeing words take the head's gender, or ``gender`` when given); genitive dependents as they are."""
    head = head_index(tokens)
    if head is None:
        return [t.text for t in tokens]
    number = number or ("plur" if feats(tokens[head]).get("Number") == "Plur" else "sing")
    agree = (gender or head_gender(tokens[head])) if number == "sing" else None
    words = []
    for i, tok in enumerate(tokens):
        if i == head:
            words.append(inflect_word(tok, {case, number}))
        elif i < head and (tok.pos_ in _AGREEING or adjectival_noun(tok)):
            words.append(inflect_word(tok, {case, number}, agree))
        else:
            words.append(tok.text)
    return words


def to_nominative(tokens, case: str = "nomn") -> str:
    """'Министерства здравоохранения РФ' -> 'Министерство здравоохранения РФ' (or another ``case``)."""
    tokens = [t for t in tokens if not t.is_space]
    return join_words(tokens, nominative_words(tokens, case)) if tokens else ""


def join_words(tokens, words) -> str:
    out = []
    for tok, word in zip(tokens, words):
        out.append(word + (tok.whitespace_ and " "))
    return "".join(out).strip()
