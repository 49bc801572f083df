"""Places in Russian text: the gazetteer matched on lemmas (every case form: 'Липецкой области', 'в Калуге',
'Нового Оскола', 'Хохольского муниципального района'), plus toponyms the gazetteer lacks (natasha LOC spans,
pymorphy's Geox tag, 'село X', 'X район/округ', coordinated 'Иглинского и Калтасинского районов'), and town
adjectives before a facility ('Семилукская ЦРБ' -> Семилуки, 'лискинский филиал' -> Лиски).

A name several gazetteer places share ('Благовещенск', 'Октябрьский район') is resolved by the regions the article
names; when that does not decide, the place is kept unplaced (a key of its own, no region) rather than guessed.
Address streets ('улица Мира', 'на Садовой', 'пр. Ленина') are no places; squares and embankments ('Манежная
площадь') are generic places, never settlements. A town adjective inside a facility's name ('Рыльская ЦРБ') is
listed in ``doc.spans["kg_places_implied"]`` too: it locates the facility but is no mention of the place.

Writes ``doc.spans["kg_places"]``: ``label_`` is the class (Region, Settlement, Country, Place) and
``id_`` the entity key.
"""
from __future__ import annotations

import itertools
import re
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..gazetteer import load_gazetteer
from ..patterns import load_word_sets
from ..iris import make_key
from . import natasha_adapter as na
from .extensions import IMPLIED, PLACES, lemma_of, register_extensions, token_table
from .ru_morph import join_words, to_nominative
from .ru_names import is_initial

register_extensions()
MAX_WORDS = 6
# Closed word sets (kg/patterns/ru/sets/places.json; each set's note there says what it is for).
_SETS = load_word_sets("ru", "places")
MACRO_REGIONS = _SETS["MACRO_REGIONS"]
_SETTLEMENT_CUES = _SETS["SETTLEMENT_CUES"]
_CUE_LEMMAS = _SETS["CUE_LEMMAS"]
_RESIDENT_LEMMAS = _SETS["RESIDENT_LEMMAS"]
_CARE_NOUNS = _SETS["CARE_NOUNS"]
_STREET_CUES = _SETS["STREET_CUES"]
_DISTRICT_NOUNS = _SETS["DISTRICT_NOUNS"]
_DISTRICT_MODIFIERS = _SETS["DISTRICT_MODIFIERS"]
_REGION_NOUNS = _SETS["REGION_NOUNS"]
# Nouns a region's name may follow ('область Абай', 'регион Абай': Kazakhstan's newer regions)
NOUN_FIRST_NOUNS = _REGION_NOUNS | {"регион"}
_ADJECTIVE_HEADS = _DISTRICT_NOUNS | _DISTRICT_MODIFIERS | {"федеральный", "область", "край", "регион"}
_DISTRICT_FORMS = _SETS["DISTRICT_FORMS"]
_LOCATED_NOUNS = _SETS["LOCATED_NOUNS"]


_HYPHENS = str.maketrans({"\u2010": "-", "\u2011": "-"})   # 'Восточно‑Казахстанский' with a non-breaking hyphen


def _norm(word: str) -> str:
    return word.lower().replace("ё", "е").translate(_HYPHENS)


@lru_cache(maxsize=1)
def _stored_forms() -> dict[str, tuple[str, ...]]:
    """Lemma candidates of gazetteer words, computed by scripts/build_gazetteer.py (name_forms.csv)."""
    import csv
    from .. import paths
    if not paths.NAME_FORMS.exists():
        return {}
    with open(paths.NAME_FORMS, encoding="utf-8") as fh:
        return {r["word"]: tuple(r["forms"].replace(";", "|").split("|")) for r in csv.DictReader(fh)}


@lru_cache(maxsize=20000)
def _normal_forms(word: str) -> tuple[str, ...]:
    """Every normal form pymorphy offers for a word of a name (the text's lemma is one of them), plus the word."""
    stored = _stored_forms().get(word)
    if stored:
        return stored
    low = _norm(word)
    forms = [low]
    if "-" in low:                              # 'Нур-Султан': the last part inflects ('Нур-Султана')
        head, _, last = low.rpartition("-")
        return tuple(dict.fromkeys(forms + [f"{head}-{f}" for f in _normal_forms(last)]))
    if not low.isalpha():
        return tuple(forms)
    for p in na.parses(low)[:4]:
        forms.append(_norm(p.normal_form))
    return tuple(dict.fromkeys(forms))


def _name_variants(name: str, forms=()) -> list[tuple[str, ...]]:
    words = name.replace("(", " ").replace(")", " ").split()
    if not words or len(words) > MAX_WORDS:
        return []
    options = list(forms) if len(forms) == len(words) else [_normal_forms(w) for w in words]
    if len(words) > 1:
        options = [o[:5] for o in options]     # a multiword name: lemmas suffice, its case forms multiply
    out = [tuple(_norm(w) for w in words)]
    for combo in itertools.islice(itertools.product(*options), 64):
        out.append(combo)
    return list(dict.fromkeys(out))


def _district_variants(place) -> list[tuple[str, ...]]:
    """'Хохольский район' -> also 'Хохольский муниципальный район', '… муниципальный округ', '… округ'."""
    forms = place.forms
    if len(forms) != 2 or forms[1] != ("район",):
        return _name_variants(place.labels["ru"], forms)
    return [v for form in _DISTRICT_FORMS for v in _name_variants(
        place.labels["ru"].split()[0] + " " + form, forms[:1] + tuple((w,) for w in form.split()))]


@lru_cache(maxsize=1)
def place_index() -> dict[tuple[str, ...], str]:
    """Lemma tuple -> the key of the first place it names (regions before settlements): for callers that want
    one key per name ('калужский область' -> region:RU-KLU)."""
    return {k: v[0] for k, v in place_candidates().items()}


@lru_cache(maxsize=1)
def place_candidates() -> dict[tuple[str, ...], tuple[str, ...]]:
    """Lemma tuple (and lower-cased surface tuple) of every Russian name -> the keys of the places it names."""
    index: dict[tuple[str, ...], list[str]] = {}
    for place in load_gazetteer():
        if place.kind == "district" and place.forms:
            variants = _district_variants(place)
        elif place.forms:
            variants = _name_variants(place.labels["ru"], place.forms)
        else:
            variants = [v for name in place.names("ru") for v in _name_variants(name)]
        for variant in variants:
            keys = index.setdefault(variant, [])
            if place.key not in keys:
                keys.append(place.key)
    return {k: tuple(v) for k, v in index.items()}


@lru_cache(maxsize=1)
def noun_first_region_words() -> frozenset[str]:
    """Lower-cased names of regions the gazetteer names noun first ('область Абай' -> 'абай'): a name tagger
    takes such a word into a person's name after it ('области Абай Нурлан Уранхаев')."""
    out = set()
    for place in load_gazetteer():
        if place.cls == "Region":
            for name in place.names("ru"):
                noun, _, rest = name.partition(" ")
                if noun in NOUN_FIRST_NOUNS and rest and " " not in rest:
                    out.add(rest.lower())
    return frozenset(out)


@lru_cache(maxsize=1)
def district_adjectives() -> dict[str, tuple[str, ...]]:
    """Adjective of a district's name ('семилукский') -> district keys."""
    out: dict[str, list[str]] = {}
    gaz = load_gazetteer()
    for place in gaz:
        if place.kind != "district" or "ru" not in place.labels:
            continue
        if place.region and gaz.get(place.region) is not None and gaz.get(place.region).is_city:
            continue                    # a city's district ('Алмалинский район') lends no adjective to facilities
        head, _, _ = place.labels["ru"].rpartition(" ")
        if head and " " not in head:
            out.setdefault(_norm(head), []).append(place.key)
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def district_seats() -> dict[str, str]:
    """District key -> key of its administrative centre."""
    return {p.parent: p.key for p in load_gazetteer() if p.seat and p.parent}


_lemma = lemma_of       # _norm(tok.lemma_ or tok.text), folded once per distinct lemma


def _low(tok) -> str:
    """``_norm(tok.text)``, folded once per distinct word (keyed by spaCy's hash of the text)."""
    key = tok.orth
    found = _LOWS.get(key)
    if found is None:
        if len(_LOWS) > 500_000:
            _LOWS.clear()
        found = _LOWS[key] = _norm(tok.text)
    return found


_LOWS: dict[int, str] = {}


def _cue_before(doc: Doc, i: int, cues=_SETTLEMENT_CUES) -> bool:
    j = i - 1
    if j >= 0 and doc[j].text == ".":
        j -= 1
    if j < 0:
        return False
    if cues is _SETTLEMENT_CUES and _lemma(doc[j]) in _CUE_LEMMAS:
        return True
    return _low(doc[j]).rstrip(".") in cues or (cues is not _SETTLEMENT_CUES and _lemma(doc[j]) in cues)


def _support(doc: Doc, chunk, locs: set[int]) -> bool:
    """A settlement name that is one word needs a reason to be a place here: natasha's LOC, a cue word
    ('город', 'село'), or pymorphy knowing the word as a toponym and not as a personal name."""
    if len(chunk) > 1 or chunk[0].i in locs or _cue_before(doc, chunk[0].i):
        return True
    tags = [p.tag for p in na.parses(chunk[0].text)]
    if any(("Name" in t or "Surn" in t or "Patr" in t) for t in tags[:2]):
        return False
    return any("Geox" in t for t in tags)


def match_gazetteer(doc: Doc, index) -> list[tuple[Span, tuple[str, ...]]]:
    """Longest gazetteer names in the text, each with the keys of every place it may name."""
    gaz = load_gazetteer()
    table = token_table(doc)                       # the words' texts and forms without making Tokens
    at = [j for j, space in enumerate(table.space) if not space]
    entities = doc.ents
    locs = {j for ent in entities if ent.label_ == "LOC" for j in range(ent.start, ent.end)}
    ents = {j: ent for ent in entities for j in range(ent.start, ent.end)}
    longest = _longest_names(index)
    lemmas = [table.lemma[j].translate(_HYPHENS) for j in at]   # each word's forms once, not once per window
    lowers = [table.fold[j].translate(_HYPHENS) for j in at]
    texts = [table.text[j] for j in at]
    found, i = [], 0
    while i < len(at):
        # A name starts with its first word's lemma or form, and only at a capital: other words start none.
        most = max(longest.get(lemmas[i], 0), longest.get(lowers[i], 0))
        # 'новосибирской области': a region's adjective written lower-case still names it before its noun
        region_noun = not texts[i][:1].isupper() and i + 1 < len(at) and lemmas[i + 1] in _REGION_NOUNS
        # 'области Абай', 'область Жетысу': the official Russian names of Kazakhstan's newer regions put the noun first
        noun_first = lemmas[i] in NOUN_FIRST_NOUNS and i + 1 < len(at) and texts[i + 1][:1].isupper()
        region_noun = region_noun or noun_first
        if not most or not (texts[i][:1].isupper() or region_noun):
            i += 1
            continue
        for n in range(min(MAX_WORDS, len(at) - i, most), 0, -1):
            if at[i + n - 1] - at[i] + 1 != n:
                continue
            keys = index.get(tuple(lemmas[i:i + n])) or index.get(tuple(lowers[i:i + n]))
            if not keys:
                continue
            chunk = [doc[j] for j in at[i:i + n]]
            places = [gaz.get(k) for k in keys]
            if region_noun and (n < 2 or any(p.cls != "Region" for p in places)):
                continue
            if n == 1 and places[0].cls == "Settlement" and chunk[0].i + 1 < len(doc) and \
                    _lemma(doc[chunk[0].i + 1]) in _ADJECTIVE_HEADS:
                continue                        # 'Уральском федеральном округе': an adjective, not Уральск
            if n == 1 and chunk[0].is_sent_start and chunk[0].i not in locs and _common_word(chunk[0]):
                continue                        # 'Семей участников…': a common word opening a sentence
            if all(p.cls == "Settlement" and p.kind != "district" for p in places) and (_quoted(doc, chunk) or (
                    not _capital_only(places) and (not _support(doc, chunk, locs) or _inside_entity(chunk, ents)))):
                continue                        # 'Белом доме', 'Советского Союза': part of a longer name; a
                #                                 team or a paper named alone in quotes ('с «Челябинском»')
            span = Span(doc, chunk[0].i, chunk[-1].i + 1, label=places[0].cls)
            found.append((span, keys))
            i += n
            break
        else:
            i += 1
    return found


_LONGEST: dict[int, tuple] = {}


def _longest_names(index) -> dict[str, int]:
    """First word of a name -> the most words a name starting with it has (per index, made once)."""
    got = _LONGEST.get(id(index))
    if got is None or got[0] is not index:
        longest: dict[str, int] = {}
        for key in index:
            if key and len(key) > longest.get(key[0], 0):
                longest[key[0]] = len(key)
        got = _LONGEST[id(index)] = (index, longest)
    return got[1]


def _common_word(tok) -> bool:
    parses = na.parses(tok.text.lower())
    return na.morph_vocab().word_is_known(tok.text.lower()) and not any("Geox" in p.tag for p in parses[:2])


_QUOTES = {"«", "»", '"', "“", "”", "„"}
_MICRO_CUES = {"микрорайон", "мкр"}


def _quoted(doc: Doc, chunk) -> bool:
    """'центр «Берёзовая роща»': a name in quotes names a body or a facility, not the town."""
    i, j = chunk[0].i - 1, chunk[-1].i + 1
    return i >= 0 and j < len(doc) and doc[i].text in _QUOTES and doc[j].text in _QUOTES


def _inside_entity(chunk, ents) -> bool:
    ent = ents.get(chunk[0].i)
    return ent is not None and (ent.start < chunk[0].i or ent.end > chunk[-1].i + 1)


def _capital_only(places) -> bool:
    """A regional capital matches on its name alone, as it always did, unless its name is also a common word
    ('Семей' is a form of 'семья')."""
    return len(places) == 1 and _is_capital(places[0].key) and not _common_name(places[0].labels.get("ru", ""))


@lru_cache(maxsize=4096)
def _common_name(name: str) -> bool:
    if " " in name or "-" in name:
        return False
    low = name.lower()
    found = na.parses(low)
    return na.morph_vocab().word_is_known(low) and not any("Geox" in p.tag for p in found)


@lru_cache(maxsize=1)
def _capitals() -> frozenset[str]:
    import csv
    from .. import paths
    with open(paths.GAZETTEER, encoding="utf-8") as fh:
        return frozenset(make_key("settlement", r["capital_ru"]) for r in csv.DictReader(fh) if r["capital_ru"])


def _is_capital(key: str) -> bool:
    return key in _capitals()


def resolve(matches, doc_regions: set[str], named: set[str] = frozenset()) -> list[Span]:
    """One key per match: the only candidate, or the one in a region the article names; else unplaced. A
    district the gazetteer knows in one region only, in a text that names other regions and not that one, is
    a namesake: a district of its own in the one region the text names ('Михайловский район' of Алтайский
    край, not of Рязанская область), else unplaced."""
    gaz = load_gazetteer()
    out = []
    for span, keys in matches:
        regions = [k for k in keys if gaz.get(k).cls == "Region"]
        if len(keys) == 1 and named and gaz.get(keys[0]).kind == "district" and \
                gaz.region_of(keys[0]) not in named:
            name = gaz.get(keys[0]).labels["ru"]
            key = namesake_key(name, named)
            out.append(Span(span.doc, span.start, span.end, label="Settlement", span_id=key, kb_id=name))
            continue
        if len(keys) == 1:
            key = keys[0]
        elif len(regions) == 1 and all(gaz.region_of(k) == regions[0] for k in keys):
            key = regions[0]                    # a city that is a region, and its namesake inside it
        else:
            inside = [k for k in keys if gaz.region_of(k) in doc_regions]
            key = inside[0] if len(inside) == 1 else None
        if key is None:
            name = to_nominative(list(span))
            out.append(Span(span.doc, span.start, span.end, label="Settlement", span_id=unplaced_key(name),
                            kb_id=name))
        else:
            out.append(Span(span.doc, span.start, span.end, label=gaz.get(key).cls, span_id=key))
    return out


@lru_cache(maxsize=1)
def _region_abbreviations() -> dict[tuple[str, ...], list[str]]:
    from ..patterns import load_table
    return load_table("ru", "region_abbreviations").as_dict()


def _republic_abbreviation(span: Span, named: set[str]) -> Span:
    """'министр здравоохранения РК' in a text that names Калмыкия: the short name of a country that is also a
    region's ('РК': Республика Казахстан, Калмыкия, Карелия, Коми, Крым) is the one region the text names."""
    if span.label_ != "Country" or len(span) != 1 or not span.text.isupper():
        return span
    inside = [c for c in _region_abbreviations().get((span.text.lower(),), ()) if f"region:{c}" in named]
    if len(inside) != 1:
        return span
    return Span(span.doc, span.start, span.end, label="Region", span_id=f"region:{inside[0]}")


def namesake_key(name: str, named: set[str]) -> str:
    """A gazetteer name that here means a place of its own: in the one region the text names, else unplaced."""
    return make_key("settlement", name, next(iter(named))) if len(named) == 1 else unplaced_key(name)


def unplaced_key(name: str) -> str:
    """A settlement name several gazetteer places share, which the article does not place."""
    return make_key("settlement", name, "unplaced")


def named_regions(matches) -> set[str]:
    """Regions the text names as regions (not through a place inside one)."""
    gaz = load_gazetteer()
    return {keys[0] for _, keys in matches if len(keys) == 1 and gaz.get(keys[0]).cls == "Region"
            and not gaz.get(keys[0]).is_city}


def article_regions(matches) -> set[str]:
    """Regions the article names, directly or through a place only one region has."""
    gaz = load_gazetteer()
    out = set()
    for _, keys in matches:
        regions = {gaz.region_of(k) for k in keys}
        if len(regions) == 1 and None not in regions:
            out |= regions
    return out


def coordinated_regions(doc: Doc, spans: list[Span], index) -> list[Span]:
    """'Белгородской и Калужской областей', 'Ивановской, Костромской и Тверской областей': each adjective of
    the list before the region's noun names a region too."""
    extra = []
    for span in spans:
        if span.label_ != "Region" or len(span) != 2:
            continue
        noun = _lemma(span[1])
        end = span.start
        while True:
            j = end - 1
            while j >= 2 and doc[j].text in (",", "и") or (j >= 0 and doc[j].is_space):
                j -= 1
            if not (0 <= j < end - 1 and (doc[j].pos_ == "ADJ" or _adjective_like(doc[j]))):
                break
            keys = index.get((_lemma(doc[j]), noun))
            if not keys or len(keys) != 1:
                break
            extra.append(Span(doc, j, j + 1, label="Region", span_id=keys[0]))
            end = j
    return extra


def _adjective_like(tok) -> bool:
    return _adjective_like_text(tok.text, tok.pos_)


def _adjective_like_text(text: str, pos: str) -> bool:
    return text[:1].isupper() and (pos == "ADJ" or text.lower().endswith(
        ("ский", "ского", "скому", "ском", "ским", "ских", "ские", "цкий", "цкого", "цком", "ской", "ская", "ское",
         "ий", "ого", "ом", "ой", "ый", "ая", "ое", "ых", "их")))


def _common_adjective(tok) -> bool:
    """'Новый', 'Центральный' at a sentence start are ordinary words, not district names."""
    return tok.is_sent_start and na.morph_vocab().word_is_known(tok.text.lower()) and not any(
        "Geox" in p.tag for p in na.parses(tok.text.lower()))


def _masc(tok) -> str:
    """The adjective in the masculine nominative singular: 'Хохольского' -> 'Хохольский'."""
    for p in na.parses(tok.text):
        if p.tag.POS in ("ADJF", "PRTF"):
            form = na.inflect(p, {"masc", "sing", "nomn"})
            if form is not None:
                return form.word[:1].upper() + form.word[1:]
    return to_nominative([tok])


def _modifier(tok) -> str | None:
    """'муниципального', 'сельское' -> the masculine modifier of a district noun ('муниципальный', 'сельский')."""
    if not tok.text[:1].islower():
        return None
    low = _lemma(tok)
    return next((m for m in _DISTRICT_MODIFIERS if low[:-2] == m[:-2]), None)


def district_spans(doc: Doc) -> list[tuple[Span, str]]:
    """'Семилукского округа', 'Алеутский муниципальный округ', 'Иглинского, … и Калтасинского районов' -> each
    adjective with its noun phrase, as (span, nominative name)."""
    out = []
    lemmas = token_table(doc).lemma
    for i in range(1, len(lemmas)):
        noun = lemmas[i]
        if noun not in _DISTRICT_NOUNS:
            continue
        tok = doc[i]
        j = tok.i - 1
        mods = []
        while j >= 0 and _modifier(doc[j]):
            mods.insert(0, _modifier(doc[j]))
            j -= 1
        phrase = " ".join(mods + [noun])
        first = True
        while j >= 0 and _adjective_like(doc[j]) and not _common_adjective(doc[j]):
            adj = doc[j]
            end = tok.i + 1 if first else adj.i + 1
            out.append((Span(doc, adj.i, end), f"{_masc(adj)} {phrase}"))
            first = False
            k = j - 1                       # coordinated adjectives: 'Иглинского, Аскинского и Калтасинского'
            if k >= 0 and doc[k].text in (",", "и"):
                k -= 1
                if k >= 0 and doc[k].text == ",":
                    k -= 1
                j = k
                continue
            break
    return out


_TOWN_NOUNS = _SETS["TOWN_NOUNS"]
_REGION_LEVEL = _SETS["REGION_LEVEL"]
_DISTRICT_LEVEL = _SETS["DISTRICT_LEVEL"]
_REGION_BODIES = _SETS["REGION_BODIES"]


def _region_of_adjective(word: str) -> str | None:
    """'ульяновский' -> the region 'Ульяновская область' ('камчатский' -> 'Камчатский край')."""
    index = place_candidates()
    for noun in ("область", "край"):
        keys = index.get((word, noun))
        if keys and len(keys) == 1 and keys[0].startswith("region:"):
            return keys[0]
    return None


def _town_of_adjective(word: str) -> str | None:
    """'северодвинский' -> Северодвинск, 'липецкий' -> Липецк: a gazetteer town whose name the adjective derives
    from, when the name is unique."""
    for stem in ((word[:-2],) if word.endswith("ский") else ()) + ((word[:-3] + "к",) if word.endswith("цкий") else ()):
        keys = place_candidates().get((stem,))
        if keys and len(keys) == 1 and keys[0].startswith("settlement:"):
            return keys[0]
    return None


def _names_town(word: str) -> bool:
    """The adjective derives from the name of one gazetteer town ('павлодарский' <- Павлодар, 'северодвинский' <-
    Северодвинск)."""
    if _town_of_adjective(word):
        return True
    keys = place_candidates().get((word[:-4],)) if word.endswith("ский") else None
    return bool(keys) and len(keys) == 1 and keys[0].startswith("settlement:")


def adjective_toponyms(doc: Doc, taken: set[int], named: set[str] = frozenset()) -> list[Span]:
    """'Семилукская ЦРБ', 'задонский филиал' name a town: an adjective of a gazetteer district (its seat, else
    the district), or an adjective in -ский whose stem pymorphy knows as a town ('задонск', 'обнинск').
    'Ульяновская областная больница' names the region."""
    gaz = load_gazetteer()
    adjectives, seats = district_adjectives(), district_seats()
    out = []
    table = token_table(doc)
    texts, pos, lemmas, folds = table.text, table.pos, table.lemma, table.fold
    for i in range(len(texts) - 1):
        if i in taken or not (pos[i] == "ADJ" or _adjective_like_text(texts[i], pos[i])):
            continue
        level = lemmas[i + 1]
        if level not in _LOCATED_NOUNS and folds[i + 1] not in _LOCATED_NOUNS and \
                level not in _REGION_LEVEL and level not in ("районный", "городской") and level not in _REGION_BODIES:
            continue                           # 'курских врачей' says where people are from, not a place
        tok = doc[i]
        word = _lemma(tok).translate(_HYPHENS)
        masc = _norm(_masc(tok)) if tok.text[:1].isupper() else word
        # a region's adjective: capitalised, or lower-case before a regional body ('орловским департаментом')
        region = _region_of_adjective(word) or _region_of_adjective(masc) \
            if tok.text[:1].isupper() or level in _REGION_BODIES else None
        if level in _REGION_BODIES and level not in _LOCATED_NOUNS:
            if region and masc != "московский":
                out.append(Span(doc, tok.i, tok.i + 1, label="Region", span_id=region))
            continue
        if region and level in _REGION_LEVEL:
            out.append(Span(doc, tok.i, tok.i + 1, label="Region", span_id=region))
            continue
        keys = adjectives.get(word) or adjectives.get(masc)
        if keys and len(keys) == 1 and keys[0] not in seats and level not in _DISTRICT_LEVEL and \
                _names_town(masc if tok.text[:1].isupper() else word):
            keys = None                # 'павлодарская больница': the town, not the district named after it
        if keys and len(keys) == 1 and (not tok.text[:1].isupper() or level in _TOWN_NOUNS):
            key = seats.get(keys[0], keys[0]) if level != "районный" else keys[0]
            out.append(Span(doc, tok.i, tok.i + 1, label=gaz.get(key).cls, span_id=key))
            continue
        if region and level not in _DISTRICT_LEVEL:
            out.append(Span(doc, tok.i, tok.i + 1, label="Region", span_id=region))
            continue
        if region and (not named or region in named):
            # 'Тамбовская ЦРБ': the hospital of the district named after the region's capital, in that region;
            # the region locates it, but the text does not name the region here
            out.append(Span(doc, tok.i, tok.i + 1, label="Region", span_id=region, kb_id=IMPLIED))
            continue
        if region:
            continue                   # 'Жамбылской районной больницы' in a text about another region: the
            #                            hospital of a district of that name there, not of the Жамбыл region
        town = _town_of_adjective(masc if tok.text[:1].isupper() else word)
        if town and (not tok.text[:1].isupper() or level in _TOWN_NOUNS):                               # 'Северодвинской городской больницы' -> Северодвинск
            out.append(Span(doc, tok.i, tok.i + 1, label="Settlement", span_id=town))
            continue
        if tok.text[:1].isupper() or not word.endswith("ский"):
            continue
        town = word[:-2]
        if na.morph_vocab().word_is_known(town) and any(
                "Geox" in p.tag and p.normal_form == town and p.tag.POS == "NOUN" for p in na.parses(town)):
            out.append(Span(doc, tok.i, tok.i + 1, label="Settlement", span_id=make_key("settlement", town)))
    return out


def _street(doc: Doc, span: Span) -> bool:
    """'улица Мира', 'пр. Ленина', 'на Садовой': a street, not a settlement ('улицы Лондона' are a city's)."""
    if _cue_before(doc, span.start, _STREET_CUES):
        j = span.start - 1 - (doc[span.start - 1].text == ".")
        if "Plur" not in doc[j].morph.get("Number"):
            return True                          # 'по проспекту Абая', 'на улице Ленина': named after a person
        return not all(_is_geox(t) and t.pos_ != "ADJ" for t in span if t.is_alpha)
    if span.end < len(doc) and (_low(doc[span.end]).rstrip(".") in _STREET_CUES or _lemma(doc[span.end]) in _STREET_CUES):
        return True                              # 'Садовая улица'
    if len(span) > 1 and _lemma(span[-1]) in _STREET_CUES and span[-1].text[:1].islower():
        return True                              # 'Лекарского проезда' taken whole
    j = span.start - 1
    head = span[-1]
    return j >= 0 and _low(doc[j]) == "на" and len(span) == 1 and head.text.lower().endswith(("ой", "ей"))


_STREET_NAMES = _SETS["STREET_NAMES"]
_ADDRESS_NOUNS = _SETS["ADDRESS_NOUNS"]


def _address(doc: Doc, span: Span) -> bool:
    """A street named without its noun before it is an address when an address noun follows it ('Садовая
    улица', 'Лекарского проезда') or it is an ellipsis after 'на' ('на Сухумской'); 'Манежная площадь' is a
    square."""
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and (_low(after).rstrip(".") in _ADDRESS_NOUNS or _lemma(after) in _ADDRESS_NOUNS):
        return True
    if len(span) > 1 and _lemma(span[-1]) in _STREET_CUES:
        return _lemma(span[-1]) in _ADDRESS_NOUNS
    return not (after is not None and (_low(after).rstrip(".") in _STREET_CUES or _lemma(after) in _STREET_CUES))


def _street_word(tok) -> str | None:
    low = _low(tok).rstrip(".")
    if low in _STREET_NAMES:
        return _STREET_NAMES[low]
    return _lemma(tok) if _lemma(tok) in _STREET_CUES else None


def _facility_before(doc: Doc, i: int) -> bool:
    return i >= 2 and _low(doc[i - 1]) in ("в", "во") and _lemma(doc[i - 2]) in _CARE_NOUNS


def _plural_cue(tok) -> bool:
    """'в поселках', 'деревнях', 'в населённых пунктах': a settlement word in the plural opens a list of names."""
    if "Plur" not in tok.morph.get("Number"):
        return False
    if _lemma(tok) in _CUE_LEMMAS:
        return True
    return _lemma(tok) == "пункт" and tok.i > 0 and _lemma(tok.doc[tok.i - 1]) in ("населенный", "населённый")


def listed_after_cue(doc: Doc, i: int) -> bool:
    """'в деревнях Карпушевка, Чукчино и Загривочная': token ``i`` follows a comma or 'и' in a list of
    capitalised names that a plural settlement word opens."""
    j = i - 1
    if j < 1 or doc[j].text not in (",", "и"):
        return False
    while j >= 0 and i - j <= 16:
        tok = doc[j]
        if tok.text in (",", "и") or tok.is_alpha and tok.text[:1].isupper():
            j -= 1
            continue
        return _plural_cue(tok)
    return False


def _list_names(doc: Doc, j: int, taken: set[int]) -> list[Span]:
    """The further names of a list a plural settlement word opened, from ``j`` (after its first name) on."""
    out = []
    while j + 1 < len(doc) and doc[j].text in (",", "и"):
        i = k = j + 1
        while k < len(doc) and k - i < 3 and doc[k].text[:1].isupper() and doc[k].is_alpha and k not in taken:
            k += 1
        if k == i or (k - i > 1 and _personal_name(doc[i:k])):
            break
        out.append(Span(doc, i, k, label="Settlement"))
        j = k
    return out


def cue_settlements(doc: Doc, taken: set[int]) -> list[Span]:
    """'село Челутай', 'в поселке Агинское', 'с. Долан': a capitalized name after a settlement word; after
    a plural one, every name of the list ('в поселках Брусянский и Каменецкий')."""
    out = []
    table = token_table(doc)
    for i, fold in enumerate(table.fold):
        low = fold.rstrip(".")
        micro = table.lemma[i] in _MICRO_CUES or low in _MICRO_CUES
        if low not in _SETTLEMENT_CUES and table.lemma[i] not in _CUE_LEMMAS and not micro:
            continue
        tok = doc[i]
        if low in ("г", "с", "п", "д", "х", "ст") and not (tok.i + 1 < len(doc) and doc[tok.i + 1].text == "."):
            continue                              # a bare letter is an abbreviation only with its full stop
        if is_initial(tok) and not tok.is_sent_start:
            continue                              # 'имени З.С. Фишера': a capital letter is an initial
        i = tok.i + 1
        if i < len(doc) and doc[i].text == ".":
            i += 1
        quoted = i + 2 < len(doc) and doc[i].text in _QUOTES and doc[i + 1].text[:1].isupper()
        if quoted:
            i += 1                                # 'в микрорайоне «Асар»', 'микрорайонах «Саялы» и «Карасу»'
        j = i
        while j < len(doc) and j - i < 3 and doc[j].text[:1].isupper() and doc[j].is_alpha and j not in taken:
            j += 1
        if quoted and not (j < len(doc) and doc[j].text in _QUOTES) or micro and not quoted:
            continue
        # a city's micro-district keeps its noun: 'Саялы' the village is another place
        noun = "микрорайон " if micro else ""
        if quoted and j > i:
            out.append(Span(doc, i, j, label="Settlement", kb_id=noun + " ".join(t.text for t in doc[i:j])))
            k = j + 1                             # the other quoted names of a plural cue's list
            while k + 3 < len(doc) and doc[k].text in (",", "и") and doc[k + 1].text in _QUOTES and \
                    doc[k + 2].text[:1].isupper() and doc[k + 2].is_alpha and doc[k + 3].text in _QUOTES and \
                    "Plur" in tok.morph.get("Number"):
                out.append(Span(doc, k + 2, k + 3, label="Settlement", kb_id=noun + doc[k + 2].text))
                k += 4
            continue
        if j > i and not doc[i].is_sent_start and not (j - i > 1 and _personal_name(doc[i:j])):
            name = noun + " ".join(t.text for t in doc[i:j]) if noun else village_name(doc, doc[i:j]) or ""
            out.append(Span(doc, i, j, label="Settlement", kb_id=name))
            if _plural_cue(tok):
                out += _list_names(doc, j, taken)
    return out


_OBLIQUE = ("gent", "datv", "accs", "ablt", "loct")
_TOWN_CUE_LEMMAS = {"город", "райцентр"}       # a town's name agrees with its noun ('в городе Москве')


def _appositive(cue, words) -> bool:
    """'в селе Кочетово', 'в селе Успенка', 'с. Кызыл-Арыг': after a village's noun in the locative, nominative
    or accusative (or an abbreviated one) the name keeps its own nominative form, so its text is its name
    ('Кочетово' is no case form of 'Кочетовы'). A name whose most likely reading is a case form ('в селе
    Березовке', 'села Успенки') is put in the nominative as before; a town's name agrees with 'город'."""
    if _lemma(cue) in _TOWN_CUE_LEMMAS or (cue.is_alpha and len(cue.text) > 2 and
                                                not set(cue.morph.get("Case")) & {"Loc", "Nom", "Acc"}):
        return False
    for w in words:
        parses = na.parses(w.text)[:3]
        if not parses or any(c in parses[0].tag for c in _OBLIQUE) or not any("nomn" in p.tag for p in parses):
            return False
    return True


def village_name(doc: Doc, span) -> str | None:
    """The nominative of a settlement's name right after its noun ('в селе Кочетово' -> 'Кочетово', 'в селе
    Успенка' -> 'Успенка', 'в деревне Малиновке' -> 'Малиновка', 'с.Бегалы' -> 'Бегалы'); None elsewhere."""
    j = span.start - 1 - (span.start > 1 and doc[span.start - 1].text == ".")
    if j < 0 or not _cue_before(doc, span.start):
        return None
    if _appositive(doc[j], span):
        return join_words(list(span), [t.text for t in span])
    if len(span) == 1 and _lemma(doc[j]) not in _TOWN_CUE_LEMMAS:
        for p in na.parses(span[0].text)[:1]:
            # only a locative or dative reading ('Малиновке'): a genitive one ('Бегалы') is as often a Kazakh
            # village's own name
            if "NOUN" in p.tag and "sing" in p.tag and ("loct" in p.tag or "datv" in p.tag) and "Surn" not in p.tag:
                word = p.normal_form
                return word[:1].upper() + word[1:]
    return None


_SURNAME_ENDINGS = _SETS["SURNAME_ENDINGS"]


def _personal_name(tokens) -> bool:
    """'села Алмабек Усенбаев': after the settlement word comes a person ('аксакал села Имя Фамилия'); a person
    needs a surname or patronymic ('селе Улкен Сулутор' is a village: 'Улкен' alone reads as a first name)."""
    return any(t.text.lower().endswith(_SURNAME_ENDINGS) for t in tokens[1:]) or \
        any(any(g in p.tag for p in na.parses(t.text)[:2] for g in ("Surn", "Patr")) for t in tokens)


_ORDINALS = _SETS["ORDINALS"]
_AREA_WORDS = _SETS["AREA_WORDS"]


def _not_a_name(ent) -> bool:
    """Clearly no place: digits or brackets ('Коронавирус (COVID-19)'), lower-case words inside
    ('Будущий восьмой район'), a lone surname pymorphy does not know as a toponym ('Даньяров')."""
    if any(ch.isdigit() or ch in "()" for ch in ent.text) or len(ent.text) == 1:
        return True                             # one letter: an initial ('Н.В.Макаровой')
    words = [t for t in ent if t.is_alpha]
    if any(t.text[:1].islower() and ("Ord" in t.morph.get("NumType") or _lemma(t) in _ORDINALS) for t in words):
        return True
    if len(words) == 1 and words[0].text.lower().endswith(("ов", "ев", "ин", "ова", "ева", "ина", "ұлы", "улы")):
        tags = [p.tag for p in na.parses(words[0].text)[:2]]
        if "Surn" in tags[0] and not any("Geox" in t for t in tags):
            return True
    if len(words) == 1 and _plain_word(words[0]):
        return True                              # 'Сегодня', 'Фото', 'Губернатор': a word, no place
    if is_initial(ent[0]):
        return True                              # 'Л. Шаплыгина': initials and a surname
    if 2 <= len(words) <= 3 and len(words) == len(ent) and all(t.text[:1].isupper() for t in words) and \
            not _plain_noun(words[0]):            # 'Острове Уайт' is an island
        last = [p.tag for p in na.parses(words[-1].text)]
        if any("Surn" in t for t in last[:2]) and not any("Geox" in p.tag for t in words for p in na.parses(t.text)):
            return True                          # 'Гаухар Укбаева': a first name and a surname
    return False


def _plain_noun(tok) -> bool:
    """A word the dictionary knows in no reading a name, surname, patronymic or toponym ('Острове'; not 'Гаухар')."""
    low = tok.text.lower()
    return na.morph_vocab().word_is_known(low) and not any(
        t in p.tag for p in na.parses(low)[:4] for t in ("Name", "Surn", "Patr", "Geox"))


def _plain_word(tok) -> bool:
    """A word the dictionary knows, in no reading a toponym, name or organization: an adverb, a verb, a common
    noun ('Сегодня', 'Завершить', 'Фото', 'Губернатор')."""
    word = tok.text.lower()
    if not na.morph_vocab().word_is_known(word):
        return False
    parses = na.parses(tok.text)
    if not parses or any(t in p.tag for p in parses for t in ("Geox", "Name", "Surn", "Patr", "Orgn", "Trad")):
        return False
    # not an adjective or an inanimate noun: districts and lands are named so ('Академический', 'Поморье');
    # an indeclinable one is a caption word ('Фото')
    return all(p.tag.POS not in ("ADJF", "ADJS") and
               (p.tag.POS != "NOUN" or "anim" in p.tag or "Fixd" in p.tag) for p in parses)


def toponym_spans(doc: Doc, taken: set[int]) -> list[Span]:
    """natasha LOC spans the gazetteer does not know: settlements when pymorphy knows them as toponyms or a
    cue word precedes them ('город', 'село'), streets and other places as generic places."""
    out = []
    for ent in doc.ents:
        if ent.label_ != "LOC" or any(t.i in taken for t in ent):
            continue
        if len(ent) > 1 and _cue_before(doc, ent.start) and _personal_name(ent) or _not_a_name(ent):
            continue                            # 'села Алмабек Усенбаев': a person the tagger took for a place
        if _lemma(ent[0]) in _body_heads() or _after_initials(doc, ent.start):
            continue                            # 'Акиматом области': a body; 'имени З.С. Фишера': a person
        if _facility_words(doc, ent):
            continue                            # 'Икрянинской больницы', 'в Борисоглебскую, … районные больницы'
        if _street(doc, ent):
            j = ent.start - 1 - (ent.start > 1 and doc[ent.start - 1].text == ".")
            cue = _street_word(doc[j]) if j >= 0 else None
            if cue in _ADDRESS_NOUNS or not cue and _address(doc, ent):
                continue                        # 'на улице Мира', 'пр. Ленина': an address, no place of its own
            if cue:                              # 'на Манежной площади' -> the place 'площадь …'
                out.append(Span(doc, j, ent.end, label="Place", kb_id=f"{cue} {ent.text}"))
            else:
                out.append(Span(doc, ent.start, ent.end, label="Place"))
            continue
        if ent.start > 1 and doc[ent.start - 1].text in _QUOTES and (_cue_before(doc, ent.start - 1) or
                                                                     _cue_before(doc, ent.start - 1, _MICRO_CUES)):
            continue                            # 'в микрорайоне «Асар»': the cue's own (cue_settlements)
        cue = _cue_before(doc, ent.start) or _cue_before(doc, ent.start, _RESIDENT_LEMMAS) or \
            listed_after_cue(doc, ent.start) or _facility_before(doc, ent.start)
        geox = len(ent) <= 2 and all(_is_geox(t) for t in ent if t.pos_ in ("PROPN", "NOUN"))
        macro = " ".join(_lemma(t) for t in ent) in MACRO_REGIONS
        out.append(Span(doc, ent.start, ent.end, label="Settlement" if (cue or geox) and not macro else "Place"))
    return out


def _facility_words(doc: Doc, ent) -> bool:
    """A facility's name the tagger took for a place: its last word is a facility noun ('Икрянинской
    больницы'), or it is an adjective alone whose noun comes after a list of such adjectives ('в Белинскую
    больницу', 'в Борисоглебскую, Пошехонскую и Некоузскую районные больницы')."""
    if _lemma(ent[-1]) in _LOCATED_NOUNS:
        return True
    def adjective(t):
        return t.pos_ == "ADJ" or _adjective_like(t) or t.text[:1].isupper() and t.text.endswith(("ую", "юю"))
    if not all(adjective(t) for t in ent if t.is_alpha):
        return False
    j = ent.end
    while j < len(doc) and j - ent.end < 40 and (doc[j].text in (",", "и") or adjective(doc[j])):
        j += 1
    return j < len(doc) and (_lemma(doc[j]) in _LOCATED_NOUNS or _lemma(doc[j]) in _DISTRICT_LEVEL)


@lru_cache(maxsize=1)
def _body_heads() -> frozenset[str]:
    from ..patterns import load_table
    return frozenset(e.words[0] for e in load_table("ru", "body_heads").entries)


def _after_initials(doc: Doc, i: int) -> bool:
    """'имени З.С. Фишера', 'И. Петрова': a name right after initials is a person's surname."""
    j = i - 1
    return j >= 1 and is_initial(doc[j - 1]) or j >= 0 and bool(re.fullmatch(r"(?:[А-ЯЁ]\.){1,2}", doc[j].text))


def _is_geox(tok) -> bool:
    return any("Geox" in p.tag for p in na.parses(tok.text))


def settlement_key(span: Span) -> str:
    return make_key("settlement", to_nominative(list(span)))


def _with_stem(name: str, stems: list[str]) -> str:
    """'в Колышлее' -> 'Колышлей', not 'Колышлея', when the text also says 'Колышлейский район'."""
    if " " in name:
        return name
    for stem in stems:
        if stem != name and len(stem) > 4 and name[:len(stem) - 1] == stem[:-1] and abs(len(name) - len(stem)) <= 1:
            return stem
    return name


def find_places(doc: Doc) -> list[Span]:
    index = place_candidates()
    gaz = load_gazetteer()
    persons = {t.i for ent in doc.ents if ent.label_ == "PER" for t in ent}
    # a person's name wins over a place inside it, but not over a region named noun first ('области Абай
    # Нурлан Уранхаев': the tagger takes 'Абай' into the name)
    matches = [(s, k) for s, k in match_gazetteer(doc, index) if not any(t.i in persons for t in s)
               or (s[0].i not in persons and _lemma(s[0]) in _REGION_NOUNS and s.label_ == "Region")]
    streets = {t.i for s, _ in matches if s.label_ == "Settlement" and _street(doc, s) for t in s}
    matches = [(s, k) for s, k in matches if not any(t.i in streets for t in s)]
    regions = article_regions(matches)
    named = named_regions(matches)      # the regions the text names itself
    adjectives = district_adjectives()
    districts = []
    taken = {t.i for s, _ in matches for t in s}
    for span, name in district_spans(doc):
        if any(t.i in taken for t in span):
            continue
        head, _, noun = name.partition(" ")
        keys = adjectives.get(_norm(head)) if noun.split()[-1] in ("район", "округ") and \
            noun != "сельский округ" else None
        districts.append((span, keys, name))
        if keys and len(keys) == 1 and (not named or gaz.region_of(keys[0]) in named):
            regions |= {gaz.region_of(k) for k in keys}
    spans = [_republic_abbreviation(s, named) for s in resolve(matches, regions, named)]
    spans += coordinated_regions(doc, spans, index)
    taken = {t.i for s in spans for t in s} | persons
    for span, keys, name in districts:
        if any(t.i in taken for t in span):
            continue
        key = None
        canonical = name.replace(" муниципальный район", " район")   # one resource for both names
        if keys:
            inside = [k for k in keys if gaz.region_of(k) in regions] if len(keys) > 1 else list(keys)
            key = inside[0] if len(inside) == 1 else None
            if key is not None and named and gaz.region_of(key) not in named:
                # 'Михайловский район' in a text about Алтайский край is not the gazetteer's only one (Рязанская
                # область): a district of its own in the one region the text names, else unplaced
                key = namesake_key(canonical, named)
        spans.append(Span(doc, span.start, span.end, label="Settlement", kb_id=name,
                          span_id=key or (unplaced_key(canonical) if keys else make_key("settlement", canonical))))
        taken.update(t.i for t in span)
    adjectives_found = adjective_toponyms(doc, taken, named)
    spans += adjectives_found
    # a capitalised adjective is part of a facility's own name ('Рыльская ЦРБ'); a lower-case one describes
    # which one by its town ('задонский филиал') and so names the town
    implied = {(s.start, s.end) for s in adjectives_found
               if s.label_ == "Settlement" and s[0].text[:1].isupper() or s.kb_id_ == IMPLIED}
    taken |= {t.i for s in spans for t in s}
    stems = [n.split()[0][:-4] for _, _, n in districts if n.split()[0].endswith("ский")]
    last = len(doc) - 1
    while last > 0 and doc[last].is_space:
        last -= 1
    for span in toponym_spans(doc, taken) + cue_settlements(doc, taken):
        if any(t.i in taken for t in span):
            continue
        if span.end - 1 == last and span[-1].is_alpha:
            continue                            # 'в селах Алг': the excerpt ends inside the name
        nominative = span.kb_id_ or village_name(doc, span) or to_nominative(list(span))
        name = _with_stem(nominative, stems)
        label = "Settlement" if name in stems and not _street(doc, span) else span.label_
        span = Span(doc, span.start, span.end, label=label)
        kind = "place" if span.label_ == "Place" else "settlement"
        spans.append(Span(doc, span.start, span.end, label=span.label_, span_id=make_key(kind, name), kb_id=name))
        taken.update(t.i for t in span)
    out = sorted(_local_namesakes(spans, named), key=lambda s: (s.start, s.end))
    # 'Рыльская ЦРБ', 'Ангарская городская больница': a town or district named only by the adjective of a
    # facility's or body's name locates the facility, but the article does not name the place itself
    doc.spans[IMPLIED] = [s for s in out if (s.start, s.end) in implied]
    return out


def _local_namesakes(spans: list[Span], named: set[str]) -> list[Span]:
    """'Михайловская ЦРБ' in a text about 'Михайловский район Алтайского края': an adjective the gazetteer
    reads as a town of a region the text does not name is the district of that stem the text does name."""
    gaz = load_gazetteer()
    if not named:
        return spans
    districts = {}
    for span in spans:
        place = gaz.get(span.id_)
        name = (place.labels.get("ru", "") if place is not None else span.kb_id_ or "").lower()
        if span.label_ == "Settlement" and name.endswith((" район", " округ")) and \
                (place is None or place.region in named or gaz.region_of(span.id_) in named or
                 span.id_.endswith(tuple(f"|{r.lower()}" for r in named))):
            districts.setdefault(name[:5], set()).add(span.id_)
    out = []
    for span in spans:
        place = gaz.get(span.id_)
        if place is not None and place.cls == "Settlement" and len(span) == 1 and \
                (span[0].pos_ == "ADJ" or span[0].text.lower().endswith(("ская", "ской", "ский", "ское"))) and \
                gaz.region_of(span.id_) not in named:
            local = districts.get(span[0].text.lower()[:5], set())
            if len(local) == 1:
                span = Span(span.doc, span.start, span.end, label="Settlement", span_id=next(iter(local)),
                            kb_id=span.kb_id_)
        out.append(span)
    return out


@Language.factory("kg_ru_places", assigns=["doc.spans"], requires=["token.lemma", "doc.ents"])
def make_places(nlp, name):
    def component(doc: Doc) -> Doc:
        doc.spans[PLACES] = find_places(doc)
        return doc
    return component
