"""A region's own bodies: 'Минздрав Чувашии', 'министерство здравоохранения Республики Коми', and, in an article
about one region, 'региональный минздрав', 'областное правительство', 'министерство труда … области'. Each gets
the full head ('Минздрав' = 'министерство здравоохранения'), the region's official name in the genitive
('Правительство Рязанской области') and the region as its jurisdiction."""
from __future__ import annotations

import re
from functools import lru_cache

from ..gazetteer import load_gazetteer
from ..nlp import natasha_adapter as na
from ..nlp.ru_morph import restore_case
from .common import adjectives_before, extend_genitive, lemma, token_table


@lru_cache(maxsize=None)
def region_genitive(key: str) -> str | None:
    """'region:RU-NVS' -> 'Новосибирской области'; 'region:RU-SA' -> 'Республики Саха (Якутия)': the words up
    to the first noun are declined, the rest ('Саха (Якутия)') kept."""
    place = load_gazetteer().get(key)
    name = place.labels.get("ru") if place is not None else None
    if not name:
        return None
    name = re.split(r"\s[-—–]\s", name)[0]          # 'Чувашская Республика - Чувашия'
    out, done = [], False
    for word in name.split():
        if done or not word[:1].isalpha():
            out.append(word)
            continue
        parses = [p for p in na.parses(word) if p.tag.case == "nomn" and p.tag.POS in ("NOUN", "ADJF")]
        form = na.inflect(parses[0], {"gent"}) if parses else None
        out.append(restore_case(word, form.word) if form is not None else word)
        done = bool(parses) and parses[0].tag.POS == "NOUN"
    return " ".join(out)


def full_head(words: list[str], lex, keep_names: bool = False) -> list[str]:
    """'Минздрав' -> ['министерство', 'здравоохранения'] (lower case; with ``keep_names``, a capitalised word
    after the first keeps its case: 'управление Роспотребнадзора', 'МЧС России')."""
    out = []
    for i, word in enumerate(words):
        full = lex.BODY_ABBREVIATIONS.get(word.lower())
        if full is None and keep_names and i and word[:1].isupper():
            out.append(word)
            continue
        out += (full or word.lower()).split()
    return out


def body_label(head_words: list[str], region: str) -> str | None:
    """'министерство здравоохранения' + region:RU-KO -> 'Министерство здравоохранения Республики Коми'."""
    genitive = region_genitive(region)
    if not genitive or not head_words:
        return None
    text = " ".join(head_words)
    return text[:1].upper() + text[1:] + " " + genitive


def regional_bodies(ctx, lex, places) -> list[tuple]:
    """(span, head end) of bodies of the article's region named without it: 'региональный Минздрав',
    'правительство региона', 'министерство труда и социального развития области'."""
    region = ctx.notes.get("main_region")
    place = load_gazetteer().get(region) if region else None
    if place is None or place.cls != "Region":
        return []
    doc = ctx.doc
    starts = {p.start for p in places}
    inside = {i for p in places for i in range(p.start, p.end)}
    out = []
    table = token_table(doc)                # the heads are found on the table: no Token per word of the text
    for i, word in enumerate(table.lemma):
        if word not in lex.REGIONAL_BODY_HEADS or table.pos[i] not in ("NOUN", "PROPN") \
                or not ctx.live(doc[i:i + 1]):
            continue
        tok = doc[i]
        start = adjectives_before(doc, tok.i)
        adjs = {lemma(t) for t in doc[start:tok.i]}
        end = extend_genitive(doc, tok.i + 1, limit=6)
        tail = [t for t in doc[tok.i + 1:end]]
        if any(t.i in inside for t in tail):
            continue                                        # 'управления … Актюбинской области': named
        noun = next((t for t in tail if lemma(t) in lex.REGION_NOUNS and t.text.islower()), None)
        if noun is not None and noun.i + 1 < len(doc) and noun.i + 1 in starts:
            continue                                        # 'правительства области Х': named, not implied
        if noun is not None:
            out.append((doc[start:noun.i + 1], doc[tok.i:noun.i], region))
        elif adjs & lex.REGIONAL_ADJECTIVES and not any(t.i in starts for t in tail):
            out.append((doc[start:max(end, tok.i + 1)], doc[tok.i:max(end, tok.i + 1)], region))
        elif lemma(tok) in lex.SUBNATIONAL_BODY_HEADS and tail and tail[0].pos_ == "NOUN" and \
                tail[0].text.islower() and not adjs and not any(t.i in starts for t in tail) and \
                not _placed_after(doc, end, starts):
            # 'департамент здравоохранения' in an article about one region: that region's
            out.append((doc[tok.i:end], doc[tok.i:end], region))
        elif lemma(tok) in _MINISTRY_HEADS and region.startswith("region:RU-") and not adjs and \
                not any(t.i in starts for t in tail) and not _placed_after(doc, end, starts) and \
                _headed_here(doc, tok.i, end, lex):
            # 'главы Минздрава Константина Пахоменко', 'Министерство здравоохранения возглавил …' in an article
            # about one Russian region: a head named for a bare ministry heads that region's ministry (a federal
            # city has none: there it is the country's)
            owner = _country_of_ministerless(ctx, place, lex) or region
            out.append((doc[tok.i:end], doc[tok.i:end], owner))
    return out


_MINISTRY_HEADS = {"министерство", "минздрав"}
_HEAD_WORDS = {"глава", "руководитель", "начальник", "руководить"}


def _country_of_ministerless(ctx, place, lex) -> str | None:
    """The country's key (its node made from the gazetteer) when the region ``place`` has no ministries of its own
    (a federal city: ``MINISTERLESS_REGION_KINDS``), else None."""
    if place.kind not in lex.MINISTERLESS_REGION_KINDS or not place.country:
        return None
    key = f"country:{place.country}"
    country = load_gazetteer().get(key)
    if country is None:
        return None
    if not ctx.has(key):
        for lang, label in country.labels.items():
            ctx.entity(key, country.cls, label, lang)
    return key


def _headed_here(doc, start: int, end: int, lex) -> bool:
    """A word of heading right before the body ('главы Минздрава', 'возглавил министерство …') or a verb of
    heading right after it ('Министерство здравоохранения возглавил …'); the verbs are those of the appointment
    table that take the body headed (``lex.APPOINTMENT_HEADS``)."""
    before = next((t for t in reversed(doc[max(0, start - 3):start]) if not t.is_space), None)
    after = next((t for t in doc[end:end + 2] if not t.is_space), None)
    return before is not None and lemma(before) in _HEAD_WORDS | lex.APPOINTMENT_HEADS or \
        after is not None and lemma(after) in lex.APPOINTMENT_HEADS


def _placed_after(doc, end: int, starts: set) -> bool:
    """'управление здравоохранения по Костромской области', '… города Москвы': a place right after the body."""
    i = end
    while i < len(doc) and i - end < 3 and (doc[i].is_space or doc[i].lower_ in ("по", "в", "г", ".", "города")):
        i += 1
    return i in starts
