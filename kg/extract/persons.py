"""Persons: nominative full names; later surname-only mentions resolved to the full person of the article."""
from __future__ import annotations

import re
from functools import lru_cache

from ..iris import make_key
from .common import lemma
from ..nlp.extensions import doc_text, token_table
from .context import Ctx

_PATRONYMIC = re.compile(r"(вич|вна|вны|вне|вной|вну|вичем|вича|вичу|вичa|ична|ичны|ичне|ичной|ичну|ұлы|қызы|улы|кызы)$",
                         re.IGNORECASE)
_NOT_NAMES = {"пресс-служба", "пресс-секретарь", "президент", "губернатор", "аким", "министр", "бог"}


def _tokens(span):
    return [t for t in span if not t.is_space and not t.is_punct]


def name_parts(normal: str) -> list[str]:
    return [p for p in normal.split() if not p.endswith(".")]


_KK_FOLD = str.maketrans("әғқңөұүһіӘҒҚҢӨҰҮҺІёЁ", "агкноуухиАГКНОУУХИеЕ")
_RU_VOWELS = set("аеёиоуыэюяі")
_SOFT_BEFORE_CONSONANT = re.compile(r"[ьъ](?=[бвгджзйклмнпрстфхцчшщ])")


def fold_name(word: str) -> str:
    """One spelling for the Kazakh and the Russian writing of a name word, and the same as before for the
    names the plain letter fold already joined ('Нұрлыбек' = 'Нурлыбек', 'Игорь' stays 'игорь'):

    - Kazakh letters -> the Russian ones the transliteration uses (ә→а, ғ→г, қ→к, ң→н, ө→о, ұ/ү→у, һ→х,
      і→и), ё→е;
    - a soft or hard sign before a consonant is dropped: Russian writes a Kazakh ә or і so
      ('Әлназарова' = 'Альназарова');
    - Kazakh і/и after й is dropped: Russian has no 'йи' ('Сейітова' = 'Сейтова').
    """
    low = word.lower().translate(_KK_FOLD)
    low = _SOFT_BEFORE_CONSONANT.sub("", low)
    return low.replace("йи", "й")


def core_parts(parts: list[str]) -> list[str]:
    """The name without patronymics ('…ович', '…овна', '…ұлы', '…қызы')."""
    return [p for p in parts if not is_patronymic(p)]


_KK_PATRONYMIC = re.compile(r"(ұлы|қызы|улы|кызы)$", re.IGNORECASE)


def is_patronymic(word: str) -> bool:
    """'Петрович', 'Ильинична', 'Ермекұлы' are patronymics; 'Янукович', 'Шендерович' are surnames with the
    same ending (the dictionary knows them as surnames, or knows the word as no patronymic)."""
    if not _PATRONYMIC.search(word):
        return False
    if _KK_PATRONYMIC.search(word):
        return True
    from ..nlp import natasha_adapter as na

    parses = na.parses(word)
    return any("Patr" in p.tag for p in parses) and not any("Surn" in p.tag for p in parses)


def person_key(parts: list[str]) -> str:
    """Order-insensitive ('Лужков Юрий' = 'Юрий Лужков'), patronymic-free ('Серік Жанайұлы Ахметов' =
    'Серік Ахметов'), and the same for the Kazakh and the Russian spelling of a name (``fold_name``:
    'Ерболат Досаев', 'Ғалым' = 'Галым', 'Сейітова' = 'Сейтова')."""
    core = core_parts(parts) or parts
    return make_key("person", " ".join(sorted(fold_name(p) for p in core)))


# Lower-case particles inside names: 'Усама бин Ладен', 'Халед эль-Масри', 'аль-Барадеи', 'Sami al-Haj'
# (not the short Cyrillic 'де', 'да', 'ла': Kazakh particles read so).
_PARTICLE = re.compile(r"^(?:(?:аль|эль|ад|ас|аш|ат|уль|al|el|ad|as|ash)-\w|"
                       r"(?:бин|бен|ибн|бинт|ван|фон|дер|дель|ibn|bin|ben|van|von|der|de|da|di|del|le|la)$)")


def plausible(span, normal: str) -> bool:
    toks = _tokens(span)
    if not toks or not all(t.text[:1].isupper() or _PARTICLE.match(t.text) for t in toks):
        return False
    if not any(t.text[:1].isupper() or "-" in t.text for t in toks) or _PARTICLE.match(toks[-1].text) \
            and "-" not in toks[-1].text:
        return False                              # a particle is no name, and ends none
    if "•" in span.text:
        return False                              # 'Коста Рика • Эквадор': a list, no name
    if any("—" in t.text or "–" in t.text for t in toks):
        return False                              # 'РФ—Известия': an outlet's tag glued by a dash, no name
                                                  # (a double name takes a hyphen: 'Римский-Корсаков')
    if any(lemma(t) in _NOT_NAMES for t in toks):
        return False
    if len(toks) == 1 and (_common_word(toks[0].text) or _family(toks[0].text)):
        return False
    if len(toks) == 1 and toks[0].text.lower().endswith(_TOPONYM_ENDINGS):
        return False                              # 'Заледеево', 'Иванисово': a village's name, a surname never
    return len(normal) >= 2


# Endings of Russian village names (neuter possessives: 'Заледеево', 'Пушкино' is not among them) that no
# surname has: a surname is '-ов/-ев' or '-ова/-ева'.
_TOPONYM_ENDINGS = ("ово", "ево", "ёво")

_CAPITAL_ARTICLE = re.compile(r"^(?:Аль|Эль|Al|El)-\w")


def _without_leading_name(ent, normal: str):
    """'оператор [Аль-Джазиры] Сами аль-Хадж', 'лидера [Аль-Кайды] Усамы бин Ладена': inside a name the
    article is written small ('аль-Хадж'); a capital 'Аль-…' word before more name words is a name of its
    own (an outlet, a group) that the NER joined to the person."""
    words = normal.split()
    if len(ent) > 1 and _CAPITAL_ARTICLE.match(ent[0].text) and len(words) > 1 and \
            _CAPITAL_ARTICLE.match(words[0]) and ent[1].text[:1].isupper():
        return ent.doc[ent.start + 1:ent.end], " ".join(words[1:])
    return ent, normal


def _namesake(ent) -> bool:
    """A name after 'имени' / 'им.' is part of a place's or an institution's name ('ГКБ им. Боткина',
    'сёл Каргалы и им. Мукана Тулебаева'), not a person the news is about."""
    doc, i = ent.doc, ent.start - 1
    if i >= 0 and doc[i].text == ".":
        i -= 1
    return i >= 0 and doc[i].lower_ in ("им", "имени")


def _district_ellipsis(ent, normal: str) -> bool:
    """'Кожасай Мугалжарского [района]': a word in the nominative, then a masculine genitive adjective that names
    a district of the gazetteer ('мугалжарский район'), is a village and its district listed with the noun
    left out, not a given name and a surname ('Ивана Жуковского' has both words in the genitive)."""
    from ..gazetteer import load_gazetteer

    words = [t.text for t in ent if t.is_alpha]
    names = normal.split()
    if len(words) != 2 or len(names) != 2 or words[0] != names[0] or not words[1].lower().endswith(("ского", "цкого")):
        return False
    place = load_gazetteer().get(f"settlement:{words[1].lower()[:-3]}ий район")
    return place is not None and place.kind == "district"


def _street_list_kk(ent) -> bool:
    """'Лазутин, Сүтішев, Болатбаев, Зеленая және Алтын дала көшелеріндегі': a name in a list of names (commas,
    conjunctions, capitalised words, a lower-case word after one) that a street noun ends (kg/patterns/kk/sets/
    names.json STREET_NOUNS) names a street."""
    from ..nlp.kk.lemmas import stem_of

    doc, prev_capital = ent.doc, True
    nxt = next((t for t in doc[ent.end:min(len(doc), ent.end + 3)] if not t.is_space), None)
    if nxt is None or not (nxt.text == "," or nxt.lower_ in ("және", "мен", "бен", "пен")):
        return False                   # 'Ғауез Нұрмұхамбетов Петропавлдағы …': no list after the name; 'Иса
        #                                Байзақов көшесі': one street's eponym, a person (persons_other)
    for tok in doc[ent.end:min(len(doc), ent.end + 16)]:
        if tok.is_space or tok.text == "," or tok.lower_ in ("және", "мен", "бен", "пен"):
            prev_capital = False
            continue
        if tok.text[:1].isupper() and tok.is_alpha:
            prev_capital = True
            continue
        if stem_of(tok) in _street_nouns():
            return True
        if not (prev_capital and tok.is_alpha):
            return False
        prev_capital = False           # 'Алтын дала': a name's lower-case word
    return False


def _place_named_kk(ent) -> bool:
    """'Жаңа Иқан', 'Ескі Иқан': a name whose first word is a place's qualifier (new, old, upper …;
    kg/patterns/kk/sets/names.json PLACE_QUALIFIERS) is a village's, no person's."""
    first = next((t for t in ent if not t.is_space), None)
    return first is not None and len(ent) > 1 and first.lower_ in _name_set("PLACE_QUALIFIERS")


def _street_nouns() -> frozenset:
    return _name_set("STREET_NOUNS")


@lru_cache(maxsize=4)
def _name_set(name: str) -> frozenset:
    from ..patterns import load_word_sets

    return frozenset(load_word_sets("kk", "names")[name])


def _family(word: str) -> bool:
    """'братьев Ямадаевых', 'Королёвских чтениях': a word that can only be a plural surname or adjective names
    no one person."""
    from ..nlp import natasha_adapter as na

    parses = na.parses(word)
    return bool(parses) and all("plur" in p.tag and ("Surn" in p.tag or p.tag.POS == "ADJF") for p in parses)


_NOT_NAME_POS = {"ADVB", "INFN", "VERB", "PRCL", "CONJ", "PREP", "ADJS", "PRED", "GRND", "PRTF", "PRTS"}


def _common_word(word: str) -> bool:
    """'Совершенно', 'Читать': one capitalised word the dictionary knows, and not as a name, is no person."""
    from ..nlp import natasha_adapter as na

    if not na.morph_vocab().word_is_known(word.lower()):
        return False
    parses = na.parses(word)
    if any(t in p.tag for p in parses for t in ("Name", "Surn", "Patr")):
        return False
    return parses[0].tag.POS in _NOT_NAME_POS or (
        parses[0].tag.POS == "ADJF" and "Geox" not in parses[0].tag)


def extract_persons(ctx: Ctx) -> None:
    """Registers persons; ``ctx.notes['persons']`` lists (span, key) for the officials and events extractors."""
    found = []
    for ent in ctx.doc.ents:
        if ent.label_ != "PER" or not ctx.live(ent):
            continue
        normal = ent._.kg_normal or " ".join(t.text for t in _tokens(ent))
        ent, normal = _without_leading_name(ent, normal)
        if _namesake(ent) or ctx.doc.lang_ == "kk" and (_street_list_kk(ent) or _place_named_kk(ent)):
            continue        # 'село им. Мукана Тулебаева', 'больница имени Пирогова': a name in a name
        if _district_ellipsis(ent, normal):
            continue        # 'в селах Кожасай Мугалжарского, Шокысу Шалкарского районов': a village, a district
        if plausible(ent, normal):
            found.append((ent, normal))
    given_patronymic = _given_and_patronymic(found)
    full = {}
    for _, normal in sorted(found, key=lambda item: not _given_name_first(item[1])):
        parts = name_parts(normal)
        if len(core_parts(parts)) >= 2 and normal not in given_patronymic:
            full.setdefault(person_key(parts), _given_name_first(normal) or normal)
    by_part = {}
    for key, normal in full.items():
        for part in core_parts(name_parts(normal)):
            by_part.setdefault(fold_name(part), set()).add(key)
    initialled, initial_names = {}, {}      # ('в', 'ю') -> key of 'В. Ю. Голубев' -> its name
    for ent, normal in found:
        words = normal.split()
        initials = tuple(w[0].lower() for w in words if w.endswith(".") and len(w) == 2)
        rest = [w for w in words if not w.endswith(".")]
        if len(initials) == 2 and len(rest) == 1:
            initialled.setdefault(initials, make_key("person", normal))
            initial_names.setdefault(make_key("person", normal), normal)
    persons = []
    previous = None
    text_end = len(doc_text(ctx.doc).rstrip())     # where the text's last word ends
    for ent, normal in found:
        parts = name_parts(normal)
        key = person_key(parts) if len(core_parts(parts)) >= 2 else None
        patronymic_only = key is None and len(core_parts(parts)) < len(parts)
        if normal in given_patronymic:      # 'Василий Александрович' beside 'Василий Орлов'
            key, patronymic_only = given_patronymic[normal], True
        elif patronymic_only:
            key = _by_patronymic(parts, by_part) or _by_initials(parts, initialled)  # 'Олжас Ермекұлы'
        if patronymic_only:
            if key in initialled.values():
                given = [p for p in parts if not is_patronymic(p)]
                surname = [p for p in initial_names[key].split() if not p.endswith(".")]
                full[key] = " ".join(given + surname)       # 'В. Ю. Голубев' + 'Василий Юрьевич'
                ctx.entity(key, "Person", full[key])
        if previous is not None and _in_parentheses_after(ent, previous[0]):
            key = previous[1]                       # 'Джошуа Вольф (Joshua Wolf)': one person
        initialled_name = len(parts) < len(normal.split())
        if key is None and patronymic_only and (len(parts) >= 2 or initialled_name) and \
                any(_KK_PATRONYMIC.search(p) for p in parts):
            key = make_key("person", " ".join(sorted(fold_name(p) for p in parts)))
            # 'Бауыржан Момышұлы', 'О. Кенжеханулы': a Kazakh surname in -ұлы / -қызы when no full name of the
            # article claims it
        if key is None and patronymic_only:
            continue        # 'Пётр Ильич' with no full name to resolve to: no person of its own
        if key is None:
            owners = by_part.get(fold_name(parts[0]), set()) if parts else set()
            if not owners and len(_tokens(ent)) == 1 and (_thing(parts[0]) or _no_name_word(_tokens(ent)[0].text)):
                continue        # 'Жажда наживы …', 'Политик', 'Она', 'в Осташкове': a capitalised common noun,
                #                 pronoun or place no full name of the text has
            key = next(iter(owners)) if len(owners) == 1 else make_key("person", normal)
        if _cut_off(ent, text_end):
            completed = _completed(parts, full)
            if completed is None and len(parts) == 1 and doc_text(ctx.doc).rstrip()[-1:].isalpha():
                continue        # '… мәслихат төрағасы Ербо' where the excerpt stops mid-word: no name
            key = completed or key  # 'Отари Хурц' where the excerpt ends: 'Отари Хурцилава'

        label = full.get(key, normal)
        if previous is not None and key == previous[1]:
            ctx.entity(key, "Person", alt=normal, lang="en" if normal.isascii() else None)
        else:
            ctx.entity(key, "Person", _label(label), alt=normal if normal != label else None)
        surface = " ".join(ent.text.split())
        if "." in surface and surface != normal and surface != label:
            ctx.entity(key, "Person", alt=surface)   # 'Е.И.Арсентьева' as written, beside 'Е. И. Арсентьева'
        ctx.mention_span(key, ent)
        persons.append((ent, key))
        previous = (ent, key)
    ctx.notes["persons"] = persons


def _given_and_patronymic(found) -> dict[str, str]:
    """'Василий Александрович', 'Андрей Александрович': a given name and a word that is a patronymic or a
    surname ('Александрович' is both in the dictionary, so ``is_patronymic`` says no) is the given name and
    patronymic of the one person of the article named in full with that given name ('Василий Орлов'); ->
    {such name: that person's key}. A name with no such full namesake, or several, stays as it was."""
    from ..nlp import natasha_adapter as na

    pairs, owners = {}, {}
    for _, normal in found:
        parts = name_parts(normal)
        if len(parts) == 2 and len(normal.split()) == 2 and _PATRONYMIC.search(parts[1]) and \
                not is_patronymic(parts[1]) and any("Patr" in p.tag for p in na.parses(parts[1])) and \
                any("Name" in p.tag for p in na.parses(parts[0])):
            pairs[normal] = fold_name(parts[0])
    if not pairs:
        return {}
    for _, normal in found:
        core = core_parts(name_parts(normal))
        if normal not in pairs and len(core) >= 2:
            for part in core:
                owners.setdefault(fold_name(part), set()).add(person_key(name_parts(normal)))
    initialled = {}                         # ('в', 'а') -> the key of 'В. А. Орлов'
    for _, normal in found:
        words = normal.split()
        initials = tuple(w[0].lower() for w in words if w.endswith(".") and len(w) == 2)
        if len(initials) == 2 and len(words) == 3:
            initialled.setdefault(initials, make_key("person", normal))
    out = {}
    for normal, given in pairs.items():
        if len(owners.get(given, ())) == 1:
            out[normal] = next(iter(owners[given]))
        elif not owners.get(given) and (key := initialled.get(tuple(w[0].lower() for w in normal.split()))):
            out[normal] = key               # 'Василий Александрович' is the 'В. А. Орлов' of the article
    return out


def _thing(word: str) -> bool:
    """A word the dictionary knows only as an inanimate common noun ('Жажда', 'Прокуратура')."""
    from ..nlp import natasha_adapter as na

    parses = na.parses(word)
    return bool(parses) and na.morph_vocab().word_is_known(word.lower()) and all(
        p.tag.POS == "NOUN" and "inan" in p.tag and not any(t in p.tag for t in ("Name", "Surn", "Patr", "Geox"))
        for p in parses)


def _no_name_word(word: str) -> bool:
    """A word the dictionary knows, only as a common noun (animate too: 'Политик', 'Вологжанин'), a pronoun
    ('Она') or a place ('Осташкове'), never as a given name, surname or patronymic, and that can be a noun
    in the nominative singular, a pronoun or a place as written."""
    from ..nlp import natasha_adapter as na

    parses = na.parses(word)
    return bool(parses) and na.morph_vocab().word_is_known(word.lower()) and all(
        p.tag.POS in ("NOUN", "NPRO") and not any(t in p.tag for t in ("Name", "Surn", "Patr")) for p in parses) \
        and any(p.tag.POS == "NPRO" or "Geox" in p.tag or p.tag.case == "nomn" and p.tag.number == "sing"
                for p in parses)    # 'Куниц' (a noun's genitive plural) may be a surname in the nominative


def _cut_off(ent, text_end: int) -> bool:
    """The mention ends where the text ends, mid-word as like as not (an excerpt cut short). ``text_end`` is
    the length of the text without its trailing spaces (once per article: reading ``doc.text`` per name made
    an article of n names cost n²)."""
    return ent.end_char >= text_end


def _completed(parts: list[str], full: dict) -> str | None:
    """The one full name of the article whose words begin with the cut mention's words."""
    if not parts:
        return None
    found = {key for key, name in full.items()
             if len(parts) <= len(name.split()) and parts[-1] != name.split()[len(parts) - 1]
             and all(n.lower().startswith(p.lower()) for p, n in zip(parts, name.split()))}
    return found.pop() if len(found) == 1 else None


def _by_initials(parts: list[str], initialled: dict) -> str | None:
    """'Василий Юрьевич' is the 'В. Ю. Голубев' of the article."""
    if len(parts) != 2:
        return None
    return initialled.get((parts[0][0].lower(), parts[1][0].lower()))


def _by_patronymic(parts: list[str], by_part: dict[str, set]) -> str | None:
    """A first name with a patronymic and no surname is the one person of the article with that first name
    (or, for Kazakh '…ұлы / …қызы' names, whose surname is the patronymic's stem: 'Ажар Ғиниятқызы' = 'Ажар
    Ғиният'); None when no full name of the article fits or several do."""
    core = core_parts(parts)
    owners: set = set()
    for part in core:
        owners |= by_part.get(fold_name(part), set())
    for part in parts:
        m = re.match(r"^(.+?)(ұлы|улы|қызы|кызы)$", part, re.IGNORECASE)
        if m and not core:
            owners |= by_part.get(fold_name(m.group(1)), set())
    return next(iter(owners)) if len(owners) == 1 else None


def _in_parentheses_after(ent, prev) -> bool:
    doc = ent.doc
    table = token_table(doc)                # the words between on the table: they may be many
    between = [table.text[i] for i in range(prev.end, ent.start) if not table.space[i]]
    return between == ["("] and ent.end < len(doc) and doc[ent.end].text == ")"


def _given_name_first(normal: str) -> str | None:
    """The name in 'Имя [Отчество] Фамилия' order, or None when it cannot be told: 'Заблоцкий Ростислав
    Михайлович' -> 'Ростислав Михайлович Заблоцкий' (the dictionary knows given names)."""
    if ctx_lang_is_kk(normal):
        return None
    parts = normal.split()
    if len(parts) < 2:
        return None
    from ..nlp import natasha_adapter as na

    def given(word):
        return any({"Name", "sing", "nomn"} <= set(p.tag.grammemes) for p in na.parses(word))
    if given(parts[0]):
        return normal
    rest = parts[1:]
    if given(rest[0]) and not given(parts[0]):
        return " ".join(rest + parts[:1])
    if len(parts) == 3 and is_patronymic(parts[2]) and not is_patronymic(parts[1]):
        return " ".join(rest + parts[:1])      # 'Сафина Райля Ильдаровна': a patronymic follows the given name
    return None


def ctx_lang_is_kk(normal: str) -> bool:
    return any(ch in "әғқңөұүһіӘҒҚҢӨҰҮҺІ" for ch in normal)


def _label(normal: str) -> str:
    core = [p for p in normal.split() if not _PATRONYMIC.search(p)]
    return " ".join(core) if len(core) >= 2 else normal
