"""Clean-up of the tagger's entities with rules that hold for any Kazakh text.

- A capitalised first word of a sentence that is mostly written lower-case elsewhere (``lexicon.tsv`` next
  to the model) and inflected, hyphenated or a stop word ("Бүгінде", "Сондай-ақ") is not part of a name:
  it is trimmed from PER / LOC entities.
- A PER entity right after a possessive pronoun ("өз", "оның", "біздің"...), or a PER (or one-word LOC)
  entity whose word carries a 3rd-person possessive and a case ending ("Жолдауында": жолдау + ы + нда),
  is not a name: Kazakh person and place names do not take the possessive (patronymics in -ұлы / -қызы
  excepted).
- Only PER and LOC are trimmed: ORG, FAC and EVENT names are made of common words.
- ``span._.kg_normal`` of every entity and place: the span without its case ending (a person: its words
  joined by one space, the last in the nominative).
- A PER entity that is exactly a gazetteer place becomes LOC.
- A one-word initial glued to a surname ('Ж.Бисенғалиеваның', 'Ұ.Санаққызы') the tagger missed is PER,
  unless a settlement word follows ('Т.Рысқұлов ауданы').
- With ``add_places`` (off by default: the
  places are in ``doc.spans["kg_places"]`` anyway), gazetteer places the tagger missed are added as LOC.
"""
from __future__ import annotations

import re
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ... import paths
from ...patterns import load_word_sets
from ..extensions import PLACES, doc_text
from . import lexicon, morph

NAME_TITLES = load_word_sets("kk", "names")["NAME_TITLES"]   # 'Бұқар жырау ауданы': a title inside a place's name

POSSESSIVE_PRONOUNS = {"өз", "өзінің", "өзіміздің", "өздерінің", "оның", "олардың", "біздің", "сіздің",
                       "сенің", "менің", "бұның", "мұның", "соның"}
# Possessive + case endings that only a possessed noun has (genitive -ның and -мен also follow any vowel,
# so "Алматының" proves nothing).
POSS3_CASE = ("ында", "інде", "сында", "сінде", "ына", "іне", "сына", "сіне", "ынан", "інен", "сынан", "сінен",
              "ындағы", "індегі", "сындағы", "сіндегі")
PATRONYMIC = ("ұлы", "қызы", "улы", "кызы")
# '… күні', '… мерекесі', '… мейрамы' (any case): a day, not the name of a body or a building
HOLIDAY_WORDS = {"күн", "күні", "мереке", "мерекесі", "мейрам", "мейрамы"}
AGENT_POSSESSED = ("шысы", "шісі")      # an agent noun with the 3rd-person possessive: 'басшысы', 'хатшысы'

PROPER_LABELS = {"PER", "LOC"}          # made of proper names (ORG, FAC, EVENT names are common words)
# Words after a name that make it a settlement: "Далдабай елді мекені", "Жаңа Есіл ауылында", "Опытное, Ушанова
# және Алтай ауылдарындағы" (stems).
SETTLEMENT_CUES = {"ауыл", "ауылдар", "елді", "кент", "аудан", "ауылдық", "округ", "қала", "село", "поселке", "поселок",
                   "станция", "бекет"}
_LIST_LINKS = {",", "және", "мен", "бен", "пен", "немесе"}
# The site's own words alone in an entity ('Жазылу' under a subscription box): lower-case, whole entity.
WIDGET_WORDS = {"жазылу", "жазылыңыз", "бөлісу", "толығырақ", "пікірлер", "пікір қалдыру", "іздеу",
                "басты бет", "мұрағат", "байланыс", "жарнама"}
REPORT_VERBS = {"хабарлайды", "хабарлады", "жазады", "жазды", "мәлімдейді", "мәлімдеді"}
_TIME_LINE = re.compile(r"[ \t]*\d{1,2}:\d{2}\b")
_RU_ADJECTIVE = ("ский", "ская", "ское", "ской", "ских", "цкий", "цкая", "цкое")


def _trim_end(doc: Doc, start: int, end: int, table: dict) -> int:
    """'Диас Ахметшарип Денсаулық | сақтау министрі': a capitalised common word the tagger joined to the end
    of a full name (a post's first word) is not part of it."""
    while end - start > 2 and doc[end - 1].is_alpha and lexicon.is_common(table, doc[end - 1].text) and \
            not _surname(doc[end - 1].text) and not doc[end - 1].lower_.endswith(PATRONYMIC):
        end -= 1
    return end


def _trim_start(doc: Doc, ent: Span, table: dict) -> int:
    start = ent.start
    while start < ent.end and _sentence_initial_word(doc[start], table):
        start += 1
    while ent.end - start > 1 and doc[start].lower_.endswith(AGENT_POSSESSED):
        start += 1                     # 'Құрылтайшысы Х', 'Басшысы Х': a possessed agent noun, not a name
    while ent.end - start > 2 and len(morph.analyze(doc[start].lower_)[1]) >= 3 and \
            _common_word(table, doc[start].text):
        start += 1                     # 'Жарлықпен Берік Уәли': a common word in a case, before a full name
    return start


def _sentence_initial_word(token: Token, table: dict) -> bool:
    """A sentence's capitalised first word that is a common word, not a name's first word: mostly written
    lower-case elsewhere and inflected, hyphenated or a stop word (a name's first word is bare:
    "Азамат Алдоңғаров", "Орталық Азия")."""
    if not (token.is_sent_start and token.text[:1].isupper() and lexicon.is_common(table, token.text)):
        return False
    return bool(morph.analyze(token.text)[1]) or "-" in token.text or token.is_stop


def _not_a_name(doc: Doc, start: int, end: int, label: str) -> bool:
    """Possessed: a person after a possessive pronoun, or a possessive + case ending on a person's word or on
    a one-word place (multiword places end in a possessed noun: "Алматы облысында")."""
    if label == "PER" and start > 0 and doc[start - 1].lower_ in POSSESSIVE_PRONOUNS:
        return True                    # places may be possessed: "біздің Қазақстан"
    if label == "LOC" and end - start > 1:
        return False
    for token in doc[start:end]:
        low = token.lower_
        if any(p in low for p in PATRONYMIC):
            continue
        if morph.analyze(low)[1] in POSS3_CASE:
            return True
    return False


def _settlement_follows(doc: Doc, end: int) -> bool:
    """A settlement cue right after the name, or after a list of more names ("Опытное, Ушанова және Алтай
    ауылдарындағы")."""
    j, expect_name = end, False
    while j < len(doc) and j - end < 12:
        tok = doc[j]
        low = tok.text.lower()
        if tok.is_space:
            j += 1
            continue
        if expect_name:
            if not (tok.text[:1].isupper() and tok.is_alpha):
                return False
            while j < len(doc) and doc[j].text[:1].isupper() and doc[j].is_alpha:
                j += 1
            expect_name = False
            continue
        if morph.stem(low) in SETTLEMENT_CUES or low.startswith("елді") or low.startswith("ауылдар"):
            return not (j == end and _bare_case(low))
        if low in NAME_TITLES:          # 'Бұқар жырау ауданы', 'Қарамәнді батыр ауылы'
            j += 1
            continue
        if low in _LIST_LINKS:
            expect_name = True
            j += 1
            continue
        return False
    return False


def _bare_case(word: str) -> bool:
    """A settlement noun in a case, not possessed ('қаладағы', 'ауылда', 'ауданға'): where a person is, not the
    name's own place word ('Х қаласы', 'Х ауылында', 'Х аудандық' are)."""
    bare = morph.nominative(word)
    return len(word) > len(bare) and bare == morph.stem(word)


_SURNAME_ENDINGS = ("ов", "ев", "ова", "ева", "ин", "ина", "ұлы", "улы", "қызы", "кызы")
_INITIAL_SURNAME = re.compile(r"[А-ЯӘІҢҒҮҰҚӨҺЁ]\.[А-ЯӘІҢҒҮҰҚӨҺЁ][а-яәіңғүұқөһё]{2,}")


def _surname(word: str) -> bool:
    return morph.name_nominative(word).lower().endswith(_SURNAME_ENDINGS)


def _initials_glued(doc: Doc, taken: set, places: set) -> list[tuple[int, int, str]]:
    """'Ж.Бисенғалиеваның', 'Ұ.Санаққызы': one token, an initial and a surname, not inside an entity or a
    place and no settlement word after it (a district named after a person: 'Т.Рысқұлов ауданы')."""
    out = []
    for tok in doc:
        if tok.i in taken or not _INITIAL_SURNAME.fullmatch(tok.text) or \
                any(s <= tok.i < e for s, e in places):
            continue
        if _surname(tok.text[2:]) and not _settlement_follows(doc, tok.i + 1):
            out.append((tok.i, tok.i + 1, "PER"))
    return out


def _wrapped_surname(doc: Doc, end: int) -> int:
    """A person ending in a patronymic at a line's end, the surname first on the next line ('Сәкен Үмбетұлы⏎
    Мамытов'): the surname belongs to the name."""
    if end + 1 >= len(doc) or not doc[end].is_space or doc[end].text.count("\n") != 1 or \
            not doc[end - 1].lower_.endswith(PATRONYMIC) or doc[end - 1].text.isupper():
        return end
    nxt = doc[end + 1]
    if nxt.is_alpha and nxt.text[:1].isupper() and not nxt.text.isupper() and _surname(nxt.text) and \
            not nxt.ent_type_:
        return end + 2
    return end


def _place_named_by_a_person(doc: Doc, start: int, end: int) -> bool:
    """A given name and surname ('Ерлан Сұлтангереев') before a settlement word is a place only when the word,
    possessed, follows right after it ('Мағжан Жұмабаев ауданы'); not through a list ('Х Ү және Мәртөк
    ауданы әкімінің орынбасары') nor before a bare modifier ('Ғалымжан Ниязов аудан активі алдында')."""
    words = [t for t in doc[start:end] if t.is_alpha]
    if len(words) < 2 or not morph.nominative(words[-1].lower_).endswith(_SURNAME_ENDINGS):
        return True
    nxt = next((t for t in doc[end:end + 2] if not t.is_space), None)
    if nxt is None:
        return False
    low = nxt.lower_
    stem = morph.stem(low)
    # possessed: 'ауданы', 'ауданында', 'қаласы'; not 'қаладағы' ('әкімі Серік Сермағамбетов қаладағы …')
    return stem in SETTLEMENT_CUES and low[len(stem):].startswith(("ы", "і", "сы", "сі")) and \
        not low.startswith(("аудандық", "қалалық", "ауылдық"))


def _not_a_person(doc: Doc, start: int, end: int, text: str | None = None) -> bool:
    """Headline capitals ("ЖАҢА ЕМХАНА"), a hashtag, a name inside quotes («… Құмкөл Ресорсиз»), a Russian
    place adjective ("Урджарский")."""
    words = [t for t in doc[start:end] if t.is_alpha]
    if words and all(t.text.isupper() and len(t.text) > 1 for t in words):
        return True
    if start > 0 and doc[start - 1].text.endswith("#"):
        return True
    if any(t.text.lower().endswith(_RU_ADJECTIVE) for t in words):
        return True
    text = doc_text(doc) if text is None else text
    line_start = text.rfind("\n", 0, doc[start].idx) + 1
    before = text[line_start:doc[start].idx]
    return before.count("«") > before.count("»") or before.count('"') % 2 == 1


def fix(doc: Doc, table: dict, add_places: bool = True) -> list[tuple[int, int, str]]:
    """The corrected entities as (start, end, label)."""
    places = {(s.start, s.end) for s in doc.spans.get(PLACES, [])}
    text = doc_text(doc)
    out = []
    for ent in doc.ents:
        start, label = ent.start, ent.label_
        if label in PROPER_LABELS:
            start = _trim_start(doc, ent, table)
        if start >= ent.end:
            continue
        if label in PROPER_LABELS and ent.end - start == 1 and (start, ent.end) not in places and \
                _common_word(table, doc[start].text):
            continue                   # 'Мұнан', 'Жақсы' alone: a word mostly written lower-case is no name
        if label == "PER" and ent.end - start == 1 and _lone_opening_word(doc, start, text):
            continue                   # 'Күту залы', 'Бірер күнде': a sentence's first word, named nowhere else
        if label == "LOC" and ent.end - start == 1 and (start, ent.end) not in places and \
                _lone_opening_word(doc, start, text) and _common_form(doc, start):
            continue                   # 'Дәрігерлік амбулатория', 'Отырысқа …', 'Аймағымыздағы': a capitalised
            #                            common word opening its sentence, no place
        end = ent.end
        words = [t for t in doc[start:end] if not t.is_space]
        if " ".join(t.lower_ for t in words) in WIDGET_WORDS or _schedule_line(doc, start, text):
            continue                   # 'Жазылу' (subscribe), '10:15 Тікелей эфир «…»': the site's, no entity
        if label in ("ORG", "FAC") and len(words) == 1 and lexicon.is_common(table, words[0].text):
            continue                   # 'Автор', 'Барлығы' alone on a line: a common word, no organisation
        if label in ("ORG", "FAC") and words and _holiday(words[-1].lower_):
            continue                   # 'Республика күні', 'Ұлттық мереке': a holiday, no organisation or building
        if (label in ("ORG", "FAC") or label == "LOC" and (start, end) not in places and
                not _settlement_follows(doc, end)) and len(words) == 1 and \
                _INITIAL_SURNAME.fullmatch(words[0].text) and _surname(words[0].text[2:]):
            out.append((start, end, "PER"))   # 'Н.Назарбаев', 'С.Батырова' alone: an initial and a surname, a
            continue                          # person ('Т.Рысқұлов ауданы' stays a place)
        if label in ("ORG", "FAC") and _named_person(doc, start, end):
            label, end = "PER", start + 2
            out.append((start, end, label))
            continue
        if label == "PER":
            end = _trim_end(doc, start, end, table)
        if label == "PER" and _reported_by(doc, start):
            out.append((start, ent.end, "ORG"))     # '…, деп хабарлайды Azattyq Rýhy': the outlet, no person
            continue
        if label == "PER" and ((start, end) in places or _settlement_follows(doc, end) and
                               _place_named_by_a_person(doc, start, end)):
            label = "LOC"
            while end < len(doc) and doc[end].lower_ in NAME_TITLES:
                end += 1               # 'Айша бибі ауылдық округі': the title is part of the place's name
        elif label == "PER" and _not_a_person(doc, start, end, text):
            continue
        elif label in PROPER_LABELS and _not_a_name(doc, start, end, label):
            continue
        out.append((start, end, label))
    out = [(s, _wrapped_surname(doc, e) if label == "PER" else e, label) for s, e, label in out]
    out = [(_initials_before(doc, s) if label == "PER" else s, e, label) for s, e, label in out]
    out = _drop_place_words(doc, out, places)
    taken = {i for s, e, _ in out for i in range(s, e)}
    out += _initials_glued(doc, taken, places)
    out = _spaced_names(doc, out, table)
    out += _repeated_names(doc, out)
    out += _caption_names(doc, out, text)
    if add_places:
        taken = {i for s, e, _ in out for i in range(s, e)}
        out += [(s, e, "LOC") for s, e in places if not taken.intersection(range(s, e))]
    return sorted(out)


_INITIALS_TOKEN = re.compile(r"(?:[А-ЯЁӘІҢҒҮҰҚӨҺ]\.)+[А-ЯЁӘІҢҒҮҰҚӨҺ]\.?")


def _initials_before(doc: Doc, start: int) -> int:
    """'Н.Ә. Назарбаев' (tokens 'Н.Ә', '.', 'Назарбаев'), 'Н. Назарбаев': initials the tagger left out of the
    name belong to it."""
    if start >= 2 and doc[start - 1].text == "." and not doc[start - 2].whitespace_ and \
            _INITIALS_TOKEN.fullmatch(doc[start - 2].text):
        return start - 2
    if start >= 1 and re.fullmatch(r"[А-ЯЁӘІҢҒҮҰҚӨҺ]\.", doc[start - 1].text):
        return start - 1
    return start


def _spaced_names(doc: Doc, ents: list, table: dict) -> list[tuple[int, int, str]]:
    """'Нұрлыбек  Қабдықапаров' with two spaces: the tagger, which never saw a space token inside a name, splits
    it (or calls its parts places). A capitalised word, an extra space (no line break) and a surname are one
    person; the entities over either word give way."""
    out = list(ents)
    for tok in doc:
        if not tok.is_space or "\n" in tok.text or tok.i == 0 or tok.i + 1 >= len(doc):
            continue
        first, last = doc[tok.i - 1], doc[tok.i + 1]
        if not (first.is_alpha and last.is_alpha and first.text[:1].isupper() and last.text[:1].isupper()
                and not first.text.isupper() and _surname(last.text) and not lexicon.is_common(table, first.text)):
            continue
        out = [(s, e, label) for s, e, label in out if e <= first.i or s > last.i]
        out.append((first.i, last.i + 1, "PER"))
    return sorted(out)


_UPPER = "А-ЯЁӘІҢҒҮҰҚӨҺ"
_CAPTION = re.compile(rf"^[ \t]*([{_UPPER}][{_UPPER}-]+) ([{_UPPER}][{_UPPER}-]+),[ \t]*[{_UPPER}]", re.M)


def _caption_names(doc: Doc, ents: list, text: str) -> list[tuple[int, int, str]]:
    """A caption line in capitals, 'ЕРБОЛ МҰСАБАЕВ, АҚЖАР АУЫЛЫНЫҢ ӘКІМІ' (a speaker on screen, his post after
    the comma): the first two words are a person when the second is a surname or a patronymic (the tagger,
    trained on mixed case, sees no name in capitals)."""
    taken = {i for s, e, _ in ents for i in range(s, e)}
    out = []
    for m in _CAPTION.finditer(text):
        if not _surname(m.group(2).lower()):
            continue
        span = doc.char_span(m.start(1), m.end(2))
        if span is not None and not taken.intersection(range(span.start, span.end)):
            out.append((span.start, span.end, "PER"))
    return out


def _repeated_names(doc: Doc, ents: list) -> list[tuple[int, int, str]]:
    """A person's full name (two words or more) written again where the tagger saw no entity ('Берік Уәли
    Абай облысының әкімі болып тағайындалды' after 'Берік Уәли' tagged before): the same person (its last word
    in any case)."""
    taken = {i for s, e, _ in ents for i in range(s, e)}
    names = {}
    for s, e, label in ents:
        words = [t for t in doc[s:e] if not t.is_space]
        if label == "PER" and len(words) >= 2 and all(t.is_alpha and t.text[:1].isupper() for t in words):
            names.setdefault(words[0].text, set()).add(
                tuple(t.text for t in words[1:-1]) + (morph.name_nominative(words[-1].text),))
    out = []
    for tok in doc:
        if tok.i in taken or tok.text not in names:
            continue
        for rest in names[tok.text]:
            toks = [t for t in doc[tok.i + 1:tok.i + 1 + 2 * len(rest)] if not t.is_space][:len(rest)]
            if len(toks) == len(rest) and all(t.i not in taken for t in toks) and \
                    [t.text for t in toks[:-1]] == list(rest[:-1]) and \
                    morph.name_nominative(toks[-1].text) == rest[-1]:
                out.append((tok.i, toks[-1].i + 1, "PER"))
                taken.update(range(tok.i, toks[-1].i + 1))
                break
    return out


def _drop_place_words(doc: Doc, ents: list, places: set) -> list:
    """A one-word person whose name begins a place the article names ('Абай облысыТОП' beside 'Абай облысының',
    'Самарға' beside 'Самар ауданының'): the place's name again, no person."""
    starts = {morph.name_nominative(doc[s].text).lower() for s, e in places if e - s > 1}
    starts |= {morph.name_nominative(doc[s].text).lower() for s, e, label in ents if label == "LOC"}
    if not starts:
        return ents
    return [(s, e, label) for s, e, label in ents
            if not (label == "PER" and e - s == 1 and morph.name_nominative(doc[s].text).lower() in starts)]


def _reported_by(doc: Doc, start: int) -> bool:
    """Right after 'деп хабарлайды' / 'хабарлады' / 'жазады' (reports, wrote): the name of who reports."""
    j = start - 1
    while j >= 0 and doc[j].is_space:
        j -= 1
    return j > 0 and doc[j].lower_ in REPORT_VERBS and doc[j - 1].lower_ == "деп"


def _schedule_line(doc: Doc, start: int, text: str) -> bool:
    """The entity is on a line that starts with a time ('10:15 Тікелей эфир «ЖИТЬ ЗДОРОВО»'): a TV or event
    schedule, its titles no bodies."""
    line_start = text.rfind("\n", 0, doc[start].idx) + 1
    return _TIME_LINE.match(text, line_start) is not None


def _common_word(table: dict, word: str) -> bool:
    """Mostly written lower-case, as written or without its case ending ('Құрылыстың': құрылыс)."""
    if lexicon.is_common(table, word):
        return True
    base, ending = morph.analyze(word.lower())
    return bool(ending) and len(base) > 3 and lexicon.is_common(table, base)


def _lone_opening_word(doc: Doc, i: int, text: str) -> bool:
    """A one-word person that is its sentence's first word, a lower-case word after it, and written nowhere else
    in the text: a capitalised common word ('Күту залы', 'Хабарласу үшін'), not a name (a name alone at a
    sentence's start is one the text gives in full elsewhere)."""
    tok = doc[i]
    if not tok.is_sent_start or i + 1 >= len(doc) or not doc[i + 1].text[:1].islower() or \
            tok.lower_.endswith(PATRONYMIC):
        return False
    base = morph.analyze(tok.lower_)[0]
    stem = base[:max(4, len(base) - 1)]
    return not any(t.i != i and t.text[:1].isupper() and t.lower_.startswith(stem) for t in doc)


def _common_form(doc: Doc, i: int) -> bool:
    """A word no place name is: an adjective ('Дәрігерлік', 'Модульдік'), a plural or a first-person possessive
    ('Қабырғалары', 'Аймағымыздағы'), or a word the text writes in lower case elsewhere ('Отырысқа' … 'отырыс')."""
    low = doc[i].lower_
    base, ending = morph.analyze(low)
    if morph.is_adjectival(low) or morph.has_plural(ending) or any(p in ending for p in ("ымыз", "іміз", "мыз", "міз")):
        return True
    return any(t.i != i and t.text[:1].islower() and morph.analyze(t.lower_)[0] == base for t in doc)


def _holiday(word: str) -> bool:
    """'күні', 'күніне', 'мерекесі', 'мейрамында': the last word of a holiday's name."""
    return word in HOLIDAY_WORDS or morph.nominative(word) in HOLIDAY_WORDS or word.startswith("күні")


def _named_person(doc: Doc, start: int, end: int) -> bool:
    """An ORG / FAC span that is a person's name: a given name the Russian dictionary knows and a capitalised
    word ('Сергей Ким'), at most followed by lower-case adjectives the tagger swallowed ('… шығысқазақстандық');
    'Абай атындағы …', 'Марат Оспанов атындағы …' stay organisations."""
    if end - start < 2 or end - start > 4:
        return False
    first, second = doc[start], doc[start + 1]
    if not (first.is_alpha and second.is_alpha and first.text[:1].isupper() and second.text[:1].isupper()
            and not first.text.isupper() and not second.text.isupper()):
        return False
    rest = doc[start + 2:end]
    if any(t.text[:1].isupper() or not t.is_alpha or not morph.is_adjectival(t.lower_) for t in rest):
        return False
    if end < len(doc) and doc[end].lower_.startswith(("атында", "атына")):
        return False
    from ..natasha_adapter import parses
    top = parses(first.text)
    return bool(top) and {"Name", "nomn"} <= set(top[0].tag.grammemes)


def normal_form(span: Span) -> str:
    """The span with its last word's case ending removed ("Алматы облысының" -> "Алматы облысы")."""
    words = [t.text_with_ws for t in span[:-1]]
    return "".join(words) + morph.nominative(span[-1].text)


def person_form(span: Span) -> str:
    """A person's name declines on its last word: 'Ғабит Сыздықбековтің' -> 'Ғабит Сыздықбеков' (words
    joined by one space, punctuation dropped)."""
    words = [t.text + ("." if t.i + 1 < span.end and span.doc[t.i + 1].text == "." and not t.whitespace_ and
                       _INITIALS_TOKEN.fullmatch(t.text) else "")
             for t in span if not t.is_space and not t.is_punct]          # 'Н.Ә' '.' -> 'Н.Ә.'
    if not words:
        return normal_form(span)
    if _INITIAL_SURNAME.fullmatch(words[-1]):      # 'Ж.Бисенғалиеваның' -> 'Ж. Бисенғалиева', as 'Ж. Бисенғалиева'
        words[-1:] = [words[-1][:2], words[-1][2:]]
    words[-1] = morph.name_nominative(words[-1])
    if all(w.isupper() and len(w) > 1 for w in words):      # a caption in capitals: 'ЕРБОЛ МҰСАБАЕВ'
        words = ["-".join(p.capitalize() for p in w.split("-")) for w in words]
    return " ".join(words)


def label_form(span: Span) -> str:
    """A label from a span: its words, the last one in the nominative, without surrounding quotes
    ('Шымкент қаласының әкімдігінің' -> 'Шымкент қаласының әкімдігі')."""
    words = [t.text for t in span if not t.is_space]
    words[-1] = morph.nominative(words[-1])
    return " ".join(words).strip("«»\" ")


def set_annotations(doc: Doc, ents: list[tuple[int, int, str]]) -> None:
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in ents]
    for span in list(doc.ents) + list(doc.spans.get(PLACES, [])):
        span._.kg_normal = person_form(span) if span.label_ == "PER" else normal_form(span)


class EntityFixer:
    def __init__(self, table: dict, add_places: bool):
        self.table = table
        self.add_places = add_places

    def __call__(self, doc: Doc) -> Doc:
        set_annotations(doc, fix(doc, self.table, self.add_places))
        return doc


@Language.factory("kg_kk_ents", assigns=["doc.ents"], requires=["doc.ents", "doc.spans", "token.is_sent_start"],
                  default_config={"add_places": False, "lexicon_path": None})
def make_entity_fixer(nlp: Language, name: str, add_places: bool, lexicon_path: str | None) -> EntityFixer:
    path = Path(lexicon_path) if lexicon_path else paths.KK_NER_MODEL / lexicon.FILENAME
    return EntityFixer(lexicon.load(path), add_places)
