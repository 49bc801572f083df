"""Organizations and government bodies: natasha ORG spans extended over their genitive tail, head-noun
patterns ('правительство Калужской области'), and the alias table (ontology/aliases.csv). Titles of events
in quotes, industries in quotes and acronyms of events are not organizations."""
from __future__ import annotations

import csv
from functools import lru_cache

from .. import paths
from ..iris import make_key, normalize_key
from ..nlp import natasha_adapter as na
from ..nlp.extensions import PLACES
from ..nlp.ru_morph import join_words, nominative_words
from .acronyms import is_acronym, stands_for
from .common import adjectives_before, extend_genitive, lemma, quoted_spans
from .context import Ctx
from .regional import body_label, full_head, regional_bodies

_PROPER_TAGS = ("Orgn", "Abbr", "Geox", "Name", "Surn", "Trad")


@lru_cache(maxsize=1)
def aliases() -> dict[str, dict]:
    with open(paths.ALIASES, encoding="utf-8") as fh:
        return {normalize_key(row["alias"]): row for row in csv.DictReader(fh)}


def _in(span, spans):
    return any(s.start <= span.start and span.end <= s.end for s in spans)


def _headed_quotes(ctx: Ctx, lex) -> list:
    """'партии «Яблоко»', 'ОАО «Газпром»', 'радиостанция «Голос Америки»': a head noun or legal form,
    then a quoted name."""
    doc = ctx.doc
    out = []
    for q in quoted_spans(doc):
        if q.start < 2:
            continue
        head = doc[q.start - 2]
        word = lemma(head)
        if word in lex.LEGAL_FORMS or head.text.lower() in lex.LEGAL_FORMS or \
                (word in lex.ORG_HEADS | lex.GOV_HEADS and word not in lex.FACILITY_LEMMAS and head.pos_ == "NOUN"):
            start = adjectives_before(doc, head.i) if head.pos_ == "NOUN" else head.i
            out.append(doc[start:q.end + 1])
    return out


def _alias_spans(ctx: Ctx) -> list:
    """Names from the alias table anywhere in the text ('ЕС', 'Евросоюза', 'ООН')."""
    doc = ctx.doc
    table = aliases()
    out = []
    toks = [t for t in doc if not t.is_space]
    for i in range(len(toks)):
        for n in (4, 3, 2, 1):
            chunk = toks[i:i + n]
            if len(chunk) < n:
                continue
            text = normalize_key(" ".join(t.text for t in chunk))
            lem = normalize_key(" ".join(lemma(t) for t in chunk))
            if (text in table or lem in table) and chunk[0].text[:1].isupper():
                out.append(doc[chunk[0].i:chunk[-1].i + 1])
                break
    return out


def _adjective_bodies(ctx: Ctx, lex) -> list:
    """'украинское правительство', 'японского дипломатического ведомства': a body named by its country."""
    doc = ctx.doc
    out = []
    for tok in doc:
        if lemma(tok) not in lex.GOV_HEADS or tok.pos_ != "NOUN":
            continue
        start = adjectives_before(doc, tok.i)
        if start < tok.i and lemma(doc[start]) in lex.COUNTRY_ADJECTIVES:
            out.append(doc[start:extend_genitive(doc, tok.i + 1, limit=3)])
    return out


def _place_bodies(ctx: Ctx, lex, places) -> list:
    """'сборная России', 'представительства США', 'Федерация бобслея России': a body head, a genitive chain,
    and the country or region it belongs to."""
    doc = ctx.doc
    out = []
    ends = {p.start: p for p in places if p.label_ in ("Country", "Region")}
    for tok in doc:
        if lemma(tok) not in lex.PLACE_BODY_HEADS or tok.pos_ not in ("NOUN", "ADJ"):
            continue
        j = tok.i + 1
        while j < len(doc) and j - tok.i <= 4 and j not in ends and doc[j].pos_ in ("NOUN", "ADJ") \
                and doc[j].morph.get("Case") == ["Gen"] and doc[j].ent_type_ != "PER":
            j += 1
        if j in ends:
            out.append(doc[adjectives_before(doc, tok.i):ends[j].end])
    return out


def org_candidates(ctx: Ctx, lex) -> list:
    doc = ctx.doc
    places = [s for s in doc.spans[PLACES]] if PLACES in doc.spans else []
    regional = regional_bodies(ctx, lex, places)
    ctx.notes["regional_bodies"] = {(span.start, span.end): (head, region) for span, head, region in regional}
    cands = _headed_quotes(ctx, lex) + _alias_spans(ctx) + _adjective_bodies(ctx, lex) + \
        _place_bodies(ctx, lex, places) + [span for span, _, _ in regional]
    for ent in doc.ents:
        if ent.label_ == "ORG" and ctx.live(ent):
            cands.append(_extend(doc, ent.start, ent.end, places))
    for tok in doc:
        if lemma(tok) in lex.GOV_HEADS and tok.pos_ == "NOUN":
            start = adjectives_before(doc, tok.i)
            nxt = next((p for p in places if p.start == tok.i + 1 and p.label_ in ("Region", "Country", "Settlement")), None)
            if nxt is not None:
                cands.append(doc[start:nxt.end])
            elif doc[start].text[:1].isupper():
                end = extend_genitive(doc, tok.i + 1)
                if end > tok.i + 1:
                    cands.append(_extend(doc, start, end, places))
    return _dedupe(ctx, [_trim_tail(doc, c, places) for c in cands])


def _trim_tail(doc, span, places):
    """A prepositional tail belongs to the body only right after its own head noun: 'Федеральная служба по
    надзору…' keeps it, 'комитета Законодательного Собрания [по социальной политике]', 'ФМБА [в сфере …]' and
    'Министерства … Российской Федерации [по развитию …]' do not."""
    place_ends = {p.end for p in places}
    dependent = span.start > 0 and doc[span.start - 1].pos_ == "NOUN" and span[0].morph.get("Case") == ["Gen"]
    for tok in span[1:]:
        if tok.pos_ != "ADP" or tok.i == span.start:
            continue
        prev = doc[tok.i - 1]
        if prev.text.isupper() or tok.i in place_ends or (dependent and prev.text[:1].isupper()):
            return doc[span.start:tok.i]
    return span


def _extend(doc, start, end, places):
    """Take in a genitive tail: 'Министерства здравоохранения' + 'Российской Федерации'."""
    end = extend_genitive(doc, end)
    nxt = next((p for p in places if p.start == end and p.label_ in ("Region", "Country")
                and (p[0].morph.get("Case") == ["Gen"] or p[0].text.isupper())), None)
    if nxt is not None:
        end = nxt.end
    return doc[start:end]


def _dedupe(ctx, spans):
    spans = sorted({(s.start, s.end): s for s in spans if ctx.live(s)}.values(), key=lambda s: (s.start, -len(s)))
    out, last_end = [], -1
    for s in spans:
        if s.start >= last_end:
            out.append(s)
            last_end = s.end
    return out


def _overlaps(span, others) -> bool:
    return any(o.start < span.end and span.start < o.end for o in others)


def is_chrome(ctx: Ctx, span, lex) -> bool:
    """Site chrome: a social network ('ВКонтакте', 'Telegram-канал'), a hashtag, a lone word or acronym on a line
    of its own that no table knows ('ТГ', a menu item)."""
    doc = ctx.doc
    toks = [t for t in span if not t.is_space]
    words = {t.text.lower() for t in toks} | {lemma(t) for t in toks} | {span.text.lower()}
    if words & lex.SOCIAL_NETWORKS or any(w.split("-")[0] in lex.SOCIAL_NETWORKS for w in words):
        return True
    if span.start > 0 and doc[span.start - 1].text == "#":
        return True
    return len(toks) == 1 and _alone_on_line(doc, span) and normalize_key(span.text) not in aliases() \
        and "." not in span.text and not _headed(toks, lex)


def _category_quote(doc, span, lex) -> bool:
    """'в отрасли «Здравоохранение»', 'нацпроектов «Продолжительная жизнь» и «Семья»': a quoted name after a
    category noun, directly or through a coordination of quoted names."""
    i = span.start - 2
    while i >= 0:
        if lemma(doc[i]) in lex.CATEGORY_NOUNS:
            return True
        if doc[i].text in ("и", ",") and i > 0 and doc[i - 1].text in "»\"”":
            j = i - 2
            while j >= 0 and doc[j].text not in "«\"“„":
                j -= 1
            i = j - 1
            continue
        return False
    return False


def is_noise(ctx: Ctx, span, lex) -> bool:
    doc = ctx.doc
    toks = [t for t in span if not t.is_space]
    if not toks or is_chrome(ctx, span, lex):
        return True
    taken = list(ctx.notes.get("event_titles", [])) + [s for s, _, _ in ctx.notes.get("facilities", [])]
    if _overlaps(span, taken):
        return True
    prev = doc[span.start - 1] if span.start > 0 else None
    quoted = prev is not None and prev.text in "«\"“„"
    if quoted:
        before = doc[span.start - 2] if span.start > 1 else None
        if before is not None and (lemma(before) in lex.EVENT_HEADS or lemma(before) in lex.FACILITY_LEMMAS):
            return True                       # коллегия «…», отель «…»: an event title, a venue
    if prev is not None and lemma(prev) in lex.EVENT_CONTEXT:
        return True                           # участники СВО
    if quoted and not _headed(toks, lex) and all(_common_word(t) for t in toks) and (
            _alone_on_line(doc, span) or _category_quote(doc, span, lex)):
        return True                           # 'отрасли «Здравоохранение»', a «Вектор развития» heading line
    if len(toks) == 1:
        tok = toks[0]
        if normalize_key(tok.text) in aliases():
            return False
        if tok.text.lower() in lex.GENERIC_ACRONYMS:
            return True                       # 'СМИ', 'ПАО': a kind of body, not one
        if lemma(tok) in lex.EVENT_HEADS and (tok.i == tok.sent.start or not tok.text[:1].isupper()):
            return True                       # 'Конгресс прошёл…': the event, not a body ('в Конгрессе США' is one)
    if lemma(toks[0]) in lex.PRESS_SERVICE:
        return True                           # 'Пресс-служба …'
    if toks[0].text.lower() in lex.GENERIC_ACRONYMS and not (len(toks) > 1 and toks[1].text in "«\"“„"):
        return True                           # 'СМИ Беларуси' (but 'ОАО «Газпром»' is a company)
    return False


def _alone_on_line(doc, span) -> bool:
    text = doc.text
    begin = text.rfind("\n", 0, span.start_char) + 1
    end = text.find("\n", span.end_char)
    line = text[begin:len(text) if end < 0 else end]
    return len(line.strip(" \t\"«»“”„.!")) <= len(span.text) + 2


def _headed(toks, lex) -> bool:
    return any(lemma(t) in lex.GOV_HEADS or lemma(t) in lex.ORG_HEADS for t in toks)


def _common_word(tok) -> bool:
    if tok.is_punct or tok.like_num:
        return True
    parses = na.parses(tok.text)
    return bool(parses) and parses[0].is_known and not any(
        any(tag in p.tag for tag in _PROPER_TAGS) for p in parses[:2])


def org_key_and_label(span, places, lex=None):
    toks = [t for t in span if not t.is_space]
    words = nominative_words(toks)
    key_words, seen = [], set()
    country = lex.COUNTRY_ADJECTIVES.get(lemma(toks[0])) if lex is not None else None
    if country and len(toks) > 1:             # 'украинское правительство' = 'правительство Украины'
        return make_key("org", " ".join(w.lower() for w in words[1:]) + f" country:{country}"), \
            join_words(toks, words)[:1].upper() + join_words(toks, words)[1:]
    for tok, word in zip(toks, words):
        if lemma(tok) in ("город", "г", "г.") and any(p.start == tok.i + 1 for p in places):
            continue
        place = next((p for p in places if p.start <= tok.i < p.end and p.label_ in ("Region", "Country")), None)
        if place is not None:
            if place.id_ not in seen:
                key_words.append(place.id_)
                seen.add(place.id_)
        else:
            key_words += full_head([word], lex) if lex is not None else [word.lower()]
    label = join_words(toks, words)
    last = min((p for p in places if p.end == span.end and p.start >= span.start and p.label_ == "Region"),
               key=lambda p: p.start, default=None)
    if lex is not None and last is not None and _gov_head(toks, lex):
        head = [w for t, w in zip(toks, words) if t.i < last.start]
        label = body_label(full_head(head, lex), last.id_) or label
    return make_key("org", " ".join(key_words)), label[:1].upper() + label[1:]


def _gov_head(toks, lex) -> bool:
    """A government body's head among the first words ('Управления здравоохранения…', 'Минздрав Коми')."""
    content = [t for t in toks if t.pos_ in ("NOUN", "PROPN")][:2]
    return any(lemma(t) in lex.GOV_HEADS or lemma(t) in lex.BODY_ABBREVIATIONS for t in content)


def _alias_entity(ctx, alias, span) -> str:
    key, cls = alias["key"], alias["class"]
    ctx.entity(key, cls, alias["canonical"], "ru", alt=span.text)
    for lang in ("kk", "en"):
        if alias[f"canonical_{lang}"]:
            ctx.entity(key, cls, alias[f"canonical_{lang}"], lang)
    return key


def _regional_entity(ctx, lex, span, head, region) -> str:
    """'региональный Минздрав' in an article about one region -> that region's ministry of health."""
    toks = [t for t in head if not t.is_space]
    words = full_head(nominative_words(toks), lex)
    key = make_key("org", " ".join(words) + " " + region)
    label = body_label(words, region)
    surface = join_words([t for t in span if not t.is_space], nominative_words([t for t in span if not t.is_space]))
    ctx.entity(key, "GovernmentBody", label, alt=surface)
    ctx.entity(key, "GovernmentBody", None, alt=span.text)
    ctx.fact(key, "hc:jurisdiction", region)
    return key


def _plain_entity(ctx, lex, span, places) -> str:
    key, label = org_key_and_label(span, places, lex)
    toks = [t for t in span if not t.is_space]
    cls = "GovernmentBody" if _gov_head(toks, lex) else "Organization"
    ctx.entity(key, cls, label, alt=span.text)
    surface = join_words(toks, nominative_words(toks))
    if surface != label:
        ctx.entity(key, cls, None, alt=surface[:1].upper() + surface[1:])
    juris = next((p for p in places if span.start <= p.start and p.end <= span.end
                  and p.label_ in ("Region", "Country", "Settlement")), None)
    if juris is not None and cls == "GovernmentBody":
        ctx.fact(key, "hc:jurisdiction", juris.id_)
    return key


def _acronym_of(ctx, span, found) -> str | None:
    """The body or facility an acronym stands for in this article: defined in brackets right after its full
    name ('… больница (УОКБ)'), or made of the initials of a full name the article gives ('ФМБА')."""
    doc = ctx.doc
    text = span.text
    if not is_acronym(text):
        return None
    if span.start > 1 and doc[span.start - 1].text == "(":
        before = doc[span.start - 2]
        hit = next((k for s, k in found if s.end == before.i + 1), None)
        hit = hit or next((k for s, k, _ in ctx.notes.get("facilities", []) if s.end == before.i + 1), None)
        if hit:
            return hit
    named = [(k, label) for _, k in found for (_, label) in ctx.labels.get(k, {})]
    named += [(k, label) for _, k, label in ctx.notes.get("facility_clusters", [])]
    return next((k for k, label in named if stands_for(text, label)), None)


def extract_orgs(ctx: Ctx, lex) -> None:
    doc = ctx.doc
    places = [s for s in doc.spans[PLACES]] if PLACES in doc.spans else []
    found, acronyms = [], []
    cands = org_candidates(ctx, lex)
    regional = ctx.notes.get("regional_bodies", {})
    for span in cands:
        if is_noise(ctx, span, lex):
            continue
        alias = aliases().get(normalize_key(span.text))
        if alias is None and len(span) > 1:
            alias = aliases().get(normalize_key(" ".join(nominative_words([t for t in span if not t.is_space]))))
        if alias:
            key = _alias_entity(ctx, alias, span)
        elif (span.start, span.end) in regional:
            key = _regional_entity(ctx, lex, span, *regional[(span.start, span.end)])
        elif is_acronym(span.text):
            acronyms.append(span)
            continue
        else:
            key = _plain_entity(ctx, lex, span, places)
        ctx.mention_span(key, span)
        found.append((span, key))
        if alias or any(t.text in "«\"“" for t in span):
            ctx.drop_names_inside(span, keep=key)      # 'ЕС' is a union, 'Америки' in «Голос Америки» no place
    for span in acronyms:
        key = _acronym_of(ctx, span, found)
        if key is None:
            key = _plain_entity(ctx, lex, span, places)
        else:
            ctx.entity(key, ctx.classes[key], None, alt=span.text)
        ctx.mention_span(key, span)
        found.append((span, key))
    ctx.notes["orgs"] = sorted(found, key=lambda f: f[0].start)
