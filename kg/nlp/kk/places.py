"""Gazetteer places in Kazakh text, in any case form: "Шымкентте", "Алматы облысының", "АҚШ-тың".

Every Kazakh name of a place (``kg.gazetteer`` labels and aliases, plus the Kazakh names of regional capitals
and a few common short forms in ``place_names_kk.csv``) is indexed by all inflected forms of its last word
(``morph.forms``); the words before the last must match as written ("Алматы облысының": only "облысы"
inflects). A name must start with a capital letter; abbreviations ("ҚР", "АҚШ") must match case exactly and
take their suffix after a hyphen. Names that are also common words (``common`` = 1) are not matched at the
start of a sentence. Overlaps keep the longest match, so "Алматы облысы" (KZ-19) wins over "Алматы" (KZ-75).
"""
from __future__ import annotations

import re

import csv
from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from ... import paths
from ...gazetteer import Gazetteer, load_gazetteer
from ...iris import make_key
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


# Words after a settlement's name that say what it is; the name before them stays uninflected:
# "Арал ауданында", "Қаратұма ауылдық округі", "Састөбе кентінде", "Қазалы қаласындағы".
_CUES = (("ауылдық", "ауылдық округі"), ("ауыл", "ауыл округі"), ("ауданы", "ауданы"), ("ауданын", "ауданы"),
         ("аудандар", "ауданы"), ("ауылы", ""), ("ауылын", ""),
         ("ауылд", ""), ("ауылға", ""), ("кенті", ""), ("кентін", ""), ("қаласы", ""), ("қаласын", ""),
         ("елдімекен", ""),
         ("қалас", ""), ("селосы", ""), ("селосын", ""), ("елді", ""), ("станциясы", ""), ("станциясын", ""),
         ("стансасы", ""), ("стансасын", ""))
_PLURAL_CUES = ("ауылдар", "кенттер", "елді", "аудандар", "елдімекендер")   # 'Елток, Қойгелді ауылдары': every name of the list
# A city's micro-district: 'Қайнарбұлақ шағын ауданы', '«Ақбұлақ» ықшам ауданында'
_MICRO_WORDS = ("шағын", "ықшам", "мөлтек")
_LIST_WORDS = {",", "және", "мен", "бен", "пен"}
_NOT_CUES = ("аудандық", "ауылдық-", "қалалық", "ауылшар")
_INITIAL = re.compile(r"^[А-ЯЁӘҒҚҢӨҰҮҺІ]\.$")
_INITIAL_NAME = re.compile(r"^[А-ЯЁӘҒҚҢӨҰҮҺІ]\.[А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі]+$")
_PERSON_ENDINGS = ("ов", "ев", "ова", "ева", "ин", "ина", "ұлы", "улы", "қызы", "кызы", "баев", "бекова")
_NAME_PREFIXES = {"ескі", "жаңа", "үлкен", "кіші", "жоғарғы", "төменгі", "орта", "ақ", "қызыл", "кеңес"}
_SUPPORT_LABELS = {"GPE", "LOC", "LOCATION"}
_HONORIFICS = {"би", "батыр", "ата", "баба"}     # lower-case titles inside a place's name, after a capitalised word


def _cue(doc: Doc, i: int) -> str | None:
    """The kind of place the words at token ``i`` name ('ауданы', 'ауылдық округі', '' for a village or town)."""
    if i >= len(doc):
        return None
    low = doc[i].lower_
    if low.startswith(_NOT_CUES):
        return None
    if low in _MICRO_WORDS:
        nxt = doc[i + 1].lower_ if i + 1 < len(doc) else ""
        return f"{low} ауданы" if nxt.startswith("аудан") and not nxt.startswith("аудандық") else None
    for stem, kind in _CUES:
        if low.startswith(stem) and not doc[i].text[:1].isupper():
            if stem == "ауылд" and not low.startswith(("ауылда", "ауылды")):
                continue
            if stem == "ауылдық" and not (i + 1 < len(doc) and doc[i + 1].lower_.startswith("округ")):
                return None
            if stem == "ауыл" and not (low == "ауыл" and i + 1 < len(doc) and doc[i + 1].lower_.startswith("округ")):
                continue                        # 'Ескі Иқан ауыл округіндегі': the rural okrug, written short
            if stem == "елді" and not (i + 1 < len(doc) and doc[i + 1].lower_.startswith("мекен")):
                return None
            return kind
    return None


_DISTRICT_ADJECTIVE = "аудандық"


@lru_cache(maxsize=1)
def _common_words() -> dict:
    from . import lexicon
    return lexicon.load(paths.KK_NER_MODEL / lexicon.FILENAME)


def _is_common_word(text: str) -> bool:
    from . import lexicon
    return lexicon.is_common(_common_words(), text)


def _district_adjective(doc: Doc, i: int) -> bool:
    """'Ордабасы аудандық ауруханасы': one capitalised word in the nominative before 'аудандық' names the
    district (not the first word of a sentence when that word is mostly written lower-case)."""
    if doc[i].lower_ != _DISTRICT_ADJECTIVE or i == 0:
        return False
    prev = doc[i - 1]
    low = prev.lower_
    if not (prev.is_alpha and prev.text[:1].isupper() and not prev.text.isupper()) or \
            low.endswith(_PERSON_ENDINGS) or prev.ent_type_ in ("PER", "PERSON"):
        return False
    from . import lexicon
    return not (prev.is_sent_start and (lexicon.is_common(_common_words(), prev.text) or morph.is_adjectival(low)))
    #           'Көпсалалы аудандық орталық ауруханасы': a sentence's first adjective, no name


def cue_names(doc: Doc) -> list[tuple[int, int, str]]:
    """(start, end of the name, kind) for a capitalized name right before a settlement word."""
    out = []
    for tok in doc:
        if _district_adjective(doc, tok.i):
            out.append((tok.i - 1, tok.i, "ауданы"))
            continue
        kind = _cue(doc, tok.i)
        if kind is None or tok.i == 0:
            continue
        j = tok.i
        if kind.endswith(" ауданы") and kind != "ауданы" and j > 2 and doc[j - 1].text in "»\"”" and \
                doc[j - 3].text in "«\"“" and doc[j - 2].text[:1].isupper():
            out.append((j - 2, j - 1, kind))     # '«Ақбұлақ» ықшам ауданы'
            continue
        if j > 1 and doc[j - 1].lower_ in _HONORIFICS and doc[j - 2].text[:1].isupper() and doc[j - 2].is_alpha:
            j -= 1                              # 'Бекарыстан би ауылы', 'Қараменді батыр ауылы': a title in the name
        while j > 0 and tok.i - j < 3 and doc[j - 1].text[:1].isupper() and \
                (doc[j - 1].is_alpha or j == tok.i and _INITIAL_NAME.match(doc[j - 1].text)) and \
                not (j < tok.i and morph.is_genitive(doc[j - 1].lower_)):
            j -= 1                              # 'Т.Рысқұлов ауданы': a district named after a person; not
            #                                     'Алматының Наурызбай ауданы' (the city's district)
        if j == tok.i:
            continue
        low = tok.lower_
        nom, stem = morph.nominative(low), morph.stem(low)
        if (doc[tok.i - 1].lower_.endswith(_PERSON_ENDINGS) or _INITIAL_NAME.match(doc[tok.i - 1].text)) and \
                len(low) > len(nom) and (nom == stem or nom in {stem + p for p in ("дар", "тар", "лар", "дер", "тер", "лер")}):
            continue                            # 'Олжас Бектенов ауылдағы …', 'Н.Керейбек ауылдағы', 'Нажмадин
            #                                     Шамұратов ауылдарда': a person before a settlement word in a
            #                                     case, not possessed: the person, and where he went
        if j > 0 and tok.i - j == 1 and _INITIAL.match(doc[j - 1].text):
            j -= 1                              # 'Т. Рысқұлов ауданы': the initial belongs to the name
        if tok.i - j == 1 and doc[j].is_sent_start and (_is_common_word(doc[j].text) or
                                                         _is_common_word(morph.stem(doc[j].lower_)) or
                                                         doc[j].lower_.endswith(("дағы", "дегі", "тағы", "тегі"))):
            continue                            # 'Осы ауылдағы', 'Аймағымыздағы ауылдарда': a common word
            #                                     opening the sentence
        if tok.i - j > 1 and doc[j].is_sent_start and doc[j].lower_ not in _NAME_PREFIXES and \
                not _INITIAL.match(doc[j].text):
            j += 1                              # 'Бүгін Арнасай ауылында': the sentence's first word is no name
        while j < tok.i and doc[j].lower_ in morph.UNINFLECTED:
            j += 1                              # 'Осы ауылдағы', 'Бұл ауданда': a pronoun, no name
        if j == tok.i:
            continue
        for k in range(tok.i - 2, j - 1, -1):   # 'әкімі Ардақ Ибраимов Қаракеткен ауылдық округі'
            if doc[k].lower_.endswith(_PERSON_ENDINGS):
                j = k + 1
                break
        if any(doc[k].lower_.endswith(("ұлы", "улы", "қызы", "кызы")) for k in range(j, tok.i)):
            continue                            # a patronymic: a person, not a place
        if all(doc[k].text.isupper() and len(doc[k].text) > 1 for k in range(j, tok.i)):
            continue                            # 'АУДАН ӘКІМІ ауылдарды аралады': headline capitals, no name
        if j > 0 and doc[j - 1].text in "«\"“" and tok.i + 1 < len(doc) and doc[tok.i + 1].text in "»\"”":
            continue                            # '«Дипломмен ауылға» бағдарламасы': a quoted title
        if tok.lower_ == "ауданы" and tok.i + 1 < len(doc) and doc[tok.i + 1].text[:1].isdigit():
            continue                            # 'Жалпы ауданы 450 шаршы метр': an area, no district ('ауданында
            #                                     алты нысан' is one)
        out.append((j, tok.i, kind))
        plural = tok.lower_.startswith(_PLURAL_CUES) or \
            tok.lower_ == "ауылдық" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_.startswith("округтер")
        k, listed, links = j, [], set()         # 'Алтынды, Алакөл, Жаңаталап және Боярка ауылдарының'; with
        while k > 1 and doc[k - 1].lower_ in _LIST_WORDS and doc[k - 2].is_alpha and \
                (doc[k - 2].text[:1].isupper() or plural and k > 2 and doc[k - 3].text[:1].isupper()
                 and doc[k - 3].is_alpha) and not doc[k - 2].is_sent_start and \
                not doc[k - 2].lower_.endswith(_PERSON_ENDINGS) and \
                (plural or doc[k - 2].ent_type_ not in ("PER", "ORG")):
            first = k - 2                       # 'Шаға, Жаңа Иқан, Ескі Иқан … ауылдық округтері': a name of
            if plural and k > 2 and doc[k - 2].text.islower() and doc[k - 3].text[:1].isupper() and \
                    doc[k - 3].is_alpha and doc[k - 3].lower_ not in _LIST_WORDS:
                first = k - 3                   # 'Жібек жолы': a capitalised word and a common one
            while plural and first > 0 and k - 2 - first < 2 and doc[first - 1].is_alpha and \
                    doc[first - 1].text[:1].isupper() and not doc[first - 1].is_sent_start and \
                    doc[first - 1].lower_ not in _LIST_WORDS:
                first -= 1                      # two or three words in the list
            listed.append((first, k - 1, kind))
            links.add(doc[k - 1].lower_)
            k = first                           # the singular too when commas make it a list ('Темірші, Томар
        if plural or "," in links and links - {","}:   # және Ақсу ауылындағы'), no person in it
            out += listed
    return out


def _resolve(found: list[Match], regions: set[str], gaz) -> list[Match]:
    """Several places for one span: the one in a region the article names, else the one city (a large town of
    the gazetteer) among them when the article names none of their regions, else the name unplaced."""
    by_span: dict[tuple[int, int], list[Match]] = {}
    for m in found:
        by_span.setdefault((m.start, m.end), []).append(m)
    out = []
    for group in by_span.values():
        keys = list(dict.fromkeys(m.key for m in group))
        if len(keys) == 1:
            out.append(group[0])
            continue
        inside = [m for m in group if gaz.region_of(m.key) in regions]
        cities = [m for m in group if (gaz.get(m.key) is not None and gaz.get(m.key).kind == "city")]
        if len({m.key for m in inside}) == 1:
            out.append(inside[0])
        elif not inside and len({m.key for m in cities}) == 1:
            out.append(cities[0])           # 'Ақтау' in no region the article names: the city, not a village
        else:
            m = group[0]
            out.append(Match(m.start, m.end, make_key("settlement", m.base, "unplaced"), "Settlement", m.base))
    return out


def match(doc: Doc, index: PlaceIndex) -> list[Match]:
    gaz = load_gazetteer()
    supported = {i for ent in doc.ents if ent.label_ in _SUPPORT_LABELS for i in range(ent.start, ent.end)}
    found = []
    for token in doc:
        if not token.text[:1].isalpha():
            continue
        for name in index.candidates(token.text):
            start = _fits(doc, token.i + 1, name)
            if start is None:
                continue
            place = gaz.get(name.key)
            if place is not None and place.cls == "Settlement" and place.kind == "town" and len(name.words) == 1 \
                    and start not in supported and _cue(doc, token.i + 1) is None:
                continue                        # a village's name alone may be a person's or a word: needs support
            if name.cls == "Region" and len(name.words) == 1 and token.i + 1 < len(doc) and \
                    doc[token.i + 1].lower_.startswith("аудан"):
                continue                        # 'Маңғыстау аудандық ауруханасы': the district, not the region
            found.append(Match(start, token.i + 1, name.key, name.cls, name.words[-1]))
    for token in doc:                           # 'Меркі аудандық ауруханасы': the gazetteer's Меркі ауданы
        if _district_adjective(doc, token.i):
            words = (doc[token.i - 1].lower_, "ауданы")
            for name in index.candidates("ауданы"):
                if name.words == words:
                    found.append(Match(token.i - 1, token.i + 1, name.key, name.cls, "ауданы"))
    # a name inside a longer one ('Абай' in 'Абай ауданы') says nothing of the region the longer one lies in
    inner = {(m.start, m.end) for m in found for x in found
             if x.start <= m.start and m.end <= x.end and (x.end - x.start) > (m.end - m.start)}
    regions = {gaz.region_of(m.key) for m in found if (m.start, m.end) not in inner and (m.cls == "Region" or
               len({gaz.region_of(x.key) for x in found if (x.start, x.end) == (m.start, m.end)}) == 1)}
    found = _resolve(found, {r for r in regions if r}, gaz)
    found.sort(key=lambda m: (-(m.end - m.start), m.start, m.key))
    taken: set[int] = set()
    kept = []
    for m in found:
        if not taken.intersection(range(m.start, m.end)):
            kept.append(m)
            taken.update(range(m.start, m.end))
    return sorted(kept, key=lambda m: m.start)


def district_spans(doc: Doc, matches: list[Match]) -> tuple[list[Span], set[int]]:
    """'Арал ауданы', 'Қаратұма ауылдық округі', 'Арнасай ауылында': names before a settlement word that the
    gazetteer lacks, or districts named after a town ('Арал ауданы' is not the town Арал)."""
    at = {(m.start, m.end): m for m in matches}
    gaz = load_gazetteer()
    named = {m.key for m in matches if m.cls == "Region" and not gaz.get(m.key).is_city}
    by_end = {m.end: m for m in matches}
    spans, replaced = [], set()
    for start, end, kind in cue_names(doc):
        name = " ".join(t.text for t in doc[start:end]).replace(". ", ".")   # 'Т. Рысқұлов' as 'Т.Рысқұлов'
        m = at.get((start, end))
        if kind:                                # a district or rural okrug: the name plus its noun
            label = f"{name} {kind}"
            if _cue(doc, end) is not None:      # the name and its noun ('Шаға ауылдық округі')
                stop = end + len(kind.split())
            else:                               # a name of a list ('Шаға, … ауылдық округтері'), a district's
                stop = end + (end < len(doc) and doc[end].lower_ == _DISTRICT_ADJECTIVE)   # adjective
            known = at.get((start, stop))
            if known is not None and known.cls == "Settlement" and not known.key.endswith("|unplaced") and \
                    (gaz.get(known.key) is None or gaz.get(known.key).kind == "district") and \
                    (not named or gaz.region_of(known.key) in named):
                continue                        # 'Байзақ ауданы': the gazetteer's district, with its region
            listed = _listed_district(label, named, gaz)
            # else a district of the name in another region (the text names that one, not the gazetteer's)
            spans.append(Span(doc, start, stop, label="Settlement", span_id=listed or make_key("settlement", label),
                              kb_id="" if listed else label))
            replaced.update(range(start, stop))
        elif m is None and not any(x.start < start or x.end > end for x in matches
                                   if start <= x.start < end or x.start <= start < x.end) or \
                m is not None and _elsewhere(gaz, m, by_end.get(start)):
            spans.append(Span(doc, start, end, label="Settlement", span_id=make_key("settlement", name),
                              kb_id=name))
            replaced.update(range(start, end))
    return spans, replaced


def _listed_district(label: str, named: set[str], gaz) -> str | None:
    """'Бостандық, Жетісу және Түрксіб аудандарының': a name before a district noun the index does not know
    in that form (a plural, a list) is the gazetteer's district of that full name ('Бостандық ауданы'), when it
    has one only, in a region the text names (or the text names none)."""
    words = tuple(label.lower().split())
    keys = {n.key for n in default_index().by_form.get(words[-1], ()) if n.words == words}
    if len(keys) != 1:
        return None
    key = next(iter(keys))
    place = gaz.get(key)
    if place is None or place.kind != "district" or named and gaz.region_of(key) not in named:
        return None
    return key


def _elsewhere(gaz, m: Match, before: Match | None) -> bool:
    """'Ақтөбе облысы Мұғалжар ауданы Жарық ауылында': a village right after the region or district it lies
    in, which the gazetteer knows only in another region, is another village of that name (the text's)."""
    place = gaz.get(m.key)
    if before is None or place is None or place.cls != "Settlement" or place.kind in ("city", "district"):
        return False
    outer = gaz.get(before.key)
    if outer is None or outer.cls == "Region" and outer.is_city or \
            outer.cls == "Settlement" and outer.kind != "district":
        return False
    region = before.key if outer.cls == "Region" else gaz.region_of(before.key)
    return bool(region) and gaz.region_of(m.key) != region


_LOCATIVE_ATTRIBUTIVE = ("дағы", "дегі", "тағы", "тегі")


def _inflected(tok, base: str) -> bool:
    """'Ақтауда', 'Өскемендегі' (the name 'Ақтау' with a case ending), not 'Қызылорда' (a name that only ends
    like one)."""
    return tok.lower_ != base.lower() and (morph.is_oblique(tok.text) or tok.lower_.endswith(_LOCATIVE_ATTRIBUTIVE))


def region_words(doc: Doc, matches: list[Match]) -> list[Match]:
    """'Түркістан өңірінде', 'Түркістан облысы' after a regional centre's name: the region, not the town."""
    gaz = load_gazetteer()
    out = []
    listed = _listed_regions(doc, matches)
    for m in matches:
        region = gaz.capital_region(m.key) if m.cls == "Settlement" else None
        if region and m.end < len(doc) and doc[m.end].lower_.startswith(("өңір", "облыс")) and \
                not (doc[m.end].lower_.startswith(("облыстық", "өңірлік")) and _inflected(doc[m.end - 1], m.base)):
            #     'Түркістан облыстық мәслихаты' is the region's; 'Ақтауда облыстық диспансер' is in the town
            out.append(Match(m.start, m.end + 1, region, "Region", m.base))
        elif region and m.start in listed:
            out.append(Match(m.start, m.end, region, "Region", m.base))
        else:
            out.append(m)
    return out


def _listed_regions(doc: Doc, matches: list[Match]) -> set[int]:
    """'Солтүстік Қазақстан, Павлодар, Қостанай облыстары': the names of a list that a plural 'облыстар' ends
    are regions (the starts of those matches)."""
    by_end = {m.end: m for m in matches}
    out = set()
    for m in matches:
        if not (m.end < len(doc) and doc[m.end].lower_.startswith(("облыстар", "өңірлер"))):
            continue
        k = m.start
        while k > 1 and doc[k - 1].lower_ in _LIST_WORDS and (k - 1) in by_end:
            k = by_end[k - 1].start
            out.add(k)
    return out


def _namesake(m: Match, named: set[str], gaz) -> tuple[str, str] | None:
    """'Сарыөзектегі' in a text that names Атырау облысы only: the gazetteer knows a village of that name in
    another region alone, so the text's village is a namesake in the one region it names (key, label)."""
    place = gaz.get(m.key)
    if m.cls != "Settlement" or place is None or place.kind != "town" or len(named) != 1 or \
            gaz.region_of(m.key) in named:
        return None
    label = place.labels.get("kk") or place.labels.get("ru")
    return (make_key("settlement", label, next(iter(named))), label) if label else None


def set_annotations(doc: Doc, matches: list[Match]) -> None:
    matches = region_words(doc, matches)
    extra, replaced = district_spans(doc, matches)
    gaz = load_gazetteer()
    named = {m.key for m in matches if m.cls == "Region" and not gaz.get(m.key).is_city}
    spans = []
    for m in matches:
        if replaced.intersection(range(m.start, m.end)):
            continue
        other = _namesake(m, named, gaz)
        spans.append(Span(doc, m.start, m.end, label=m.cls, span_id=m.key) if other is None else
                     Span(doc, m.start, m.end, label="Settlement", span_id=other[0], kb_id=other[1]))
    doc.spans[PLACES] = sorted(spans + extra, key=lambda s: (s.start, s.end))


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
