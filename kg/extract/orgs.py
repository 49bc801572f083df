"""Organizations and government bodies: natasha ORG spans extended over their genitive tail, head-noun
patterns ('правительство Калужской области'), and the alias table (ontology/aliases.csv). Titles of events
in quotes, industries in quotes and acronyms of events are not organizations."""
from __future__ import annotations

import csv
import re
from functools import lru_cache

from .. import paths
from ..iris import make_key, normalize_key
from ..nlp import natasha_adapter as na
from ..nlp.extensions import PLACES, doc_text, token_table
from ..nlp.ru_morph import join_words, nominative_words
from .acronyms import is_acronym, stands_for
from .common import adjectives_before, extend_genitive, lemma, quoted_spans
from .context import Ctx
from .places import doubtful_model_place_kk
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
    words = token_table(doc)                    # the words read on the token table: no Token per word
    keep = [i for i, space in enumerate(words.space) if not space]
    texts = [words.text[i] for i in keep]
    lemmas = [words.lemma[i] for i in keep]     # once per word, not once per window
    for i in range(len(keep)):
        if not texts[i][:1].isupper():
            continue                            # a name starts with a capital
        for n in (4, 3, 2, 1):
            if i + n > len(keep):
                continue
            text = normalize_key(" ".join(texts[i:i + n]))
            lem = normalize_key(" ".join(lemmas[i:i + n]))
            if text in table or lem in table:
                out.append(doc[keep[i]:keep[i + n - 1] + 1])
                break
    return out


def _adjective_bodies(ctx: Ctx, lex) -> list:
    """'украинское правительство', 'японского дипломатического ведомства': a body named by its country."""
    doc = ctx.doc
    out = []
    words = token_table(doc)
    for i, lem in enumerate(words.lemma):
        if lem not in lex.GOV_HEADS or words.pos[i] != "NOUN":
            continue
        tok = doc[i]
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
    words = token_table(doc)
    for i, lem in enumerate(words.lemma):
        if lem not in lex.PLACE_BODY_HEADS or words.pos[i] not in ("NOUN", "ADJ"):
            continue
        tok = doc[i]
        j = tok.i + 1
        while j < len(doc) and j - tok.i <= 4 and j not in ends and doc[j].pos_ in ("NOUN", "ADJ") \
                and doc[j].morph.get("Case") == ["Gen"] and doc[j].ent_type_ != "PER":
            j += 1
        if j in ends:
            out.append(doc[adjectives_before(doc, tok.i):ends[j].end])
    return out


def _region_adjective_bodies(ctx: Ctx, lex, places) -> list:
    """'Воронежское облправительство', 'свердловский минздрав': a region named by its adjective (a Region place
    of one adjective) right before a body head is that region's body: (span, head, region)."""
    doc = ctx.doc
    out = []
    for p in places:
        if p.label_ != "Region" or len(p) != 1 or p[0].pos_ != "ADJ" or p.end >= len(doc):
            continue
        head = doc[p.end]
        if head.pos_ not in ("NOUN", "PROPN") or not (lemma(head) in lex.GOV_HEADS or lemma(head) in lex.BODY_ABBREVIATIONS):
            continue
        end = extend_genitive(doc, head.i + 1, limit=3)
        if any(q.start < end and q.end > head.i for q in places):
            continue                                   # 'министерство здравоохранения Тувы': named by its tail
        out.append((doc[p.start:end], doc[head.i:end], p.id_))
    return out


def org_candidates(ctx: Ctx, lex) -> list:
    doc = ctx.doc
    places = [s for s in doc.spans[PLACES]] if PLACES in doc.spans else []
    regional = regional_bodies(ctx, lex, places) + _region_adjective_bodies(ctx, lex, places)
    ctx.notes["regional_bodies"] = {(span.start, span.end): (head, region) for span, head, region in regional}
    cands = _headed_quotes(ctx, lex) + _alias_spans(ctx) + _adjective_bodies(ctx, lex) + \
        _place_bodies(ctx, lex, places) + [span for span, _, _ in regional]
    for ent in doc.ents:
        if ent.label_ == "ORG" and ctx.live(ent):
            cands.append(_extend(doc, ent.start, ent.end, places))
    words = token_table(doc)
    for i, lem in enumerate(words.lemma):
        if lem in lex.GOV_HEADS and words.pos[i] in ("NOUN", "PROPN"):
            span = _gov_phrase(doc, doc[i], places)
            if span is not None:
                cands.append(span)
    cands += _domains(ctx)
    trimmed = [(_trim_tail(doc, c, places), c) for c in cands]
    ctx.notes["org_phrases"] = {(t.start, t.end): c for t, c in trimmed if t.end != c.end}
    return _dedupe(ctx, [t for t, _ in trimmed])


def _gov_phrase(doc, tok, places):
    """'правительство Калужской области', 'Министерство здравоохранения РФ', and lower-case 'управления
    общественного здравоохранения Нур-Султана' (a genitive chain that ends in a place)."""
    start = adjectives_before(doc, tok.i)
    kinds = ("Region", "Country", "Settlement", "Place")
    nxt = next((p for p in places if p.start == tok.i + 1 and p.label_ in kinds), None)
    if nxt is not None:
        return doc[start:nxt.end]
    end = extend_genitive(doc, tok.i + 1)
    territory = _territory_of(doc, tok, end, places)
    if territory is not None:               # 'управления Роспотребнадзора по Курганской области'
        return doc[start:territory.end]
    if doc[start].text[:1].isupper():
        return _extend(doc, start, end, places) if end > tok.i + 1 else None
    last = next((p for p in places if p.label_ in kinds and tok.i + 1 < p.start and
                 (p.end == end or p.start == end) and p[0].morph.get("Case") in (["Gen"], [])), None)
    return doc[start:last.end] if last is not None and last.end - tok.i <= 7 else None


_HOST = re.compile(r"(?<![\w/@.\-])[A-Za-z][\w\-]*(?:\.[A-Za-z][\w\-]*)*\."
                   r"(?:ru|kz|com|net|org|info|one|su|media|news|tv)(?![\w@/.\-])", re.IGNORECASE)


# The legal form of a state or municipal institution, alone: (Ф|К|М|О|ОГ|ГО)(Г)(Б|А|К|Н)(О)У(З|ДО|СО) + a region's
# letters (ОО = Омской области) + a case ending: ГБУЗ, КГБУЗ, ГОБУЗ, ОГАУЗ, МБУЗ, ФГБОУ, БУЗОО, ГОБУЗА.
_LEGAL_FORM_SHAPE = re.compile(r"^(?:Ф|К|М|О|ОГ|ГО|Г)?Г?(?:Б|А|К|Н)?О?У(?:З|ДО|СО)?(?:ОО|ВО|СО|ТО|ЛО|РК|РТ|РБ|НО)?[АУЕ]?$")
_CREDIT = re.compile(r"(?:фото|фотография|иллюстрация|скрин|скриншот|видео|photo|сурет|©)[^\n\w]*$", re.IGNORECASE)


def _domains(ctx) -> list:
    """An outlet named by its site: 'передает Zakon.kz', 'Сайт imag.one — агрегатор новостей' (not a link)."""
    doc, out = ctx.doc, []
    text = doc_text(doc)
    for m in _HOST.finditer(text):
        if m.group().lower().startswith("www."):
            continue
        if _CREDIT.search(text[max(0, m.start() - 30):m.start()]):
            continue                # 'Фото: dz.example.ru', '© / pixabay.com': a picture's credit, not a body
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is not None and ctx.live(span):
            out.append(span)
    return out


def _territory_of(doc, tok, end, places):
    """'управления Роспотребнадзора по Курганской области': a body's head, a named (capitalised) federal body in
    the genitive, then 'по' and the region or town its territorial office serves, ending the phrase."""
    for j in range(tok.i + 2, end - 1):
        territory = _territory_after(doc, j, places)
        if territory is not None:
            named = doc[tok.i + 1:j]
            if any(t.text[:1].isupper() for t in named) and all(not t.is_punct for t in named):
                return territory
            return None
    return None


def _territory_after(doc, i, places):
    """'… по Курганской области': the region or town a federal body's territorial office serves, right at ``i``."""
    if i + 1 >= len(doc) or doc[i].lower_ != "по":
        return None
    return next((p for p in places if p.start == i + 1 and p.label_ in ("Region", "Settlement")), None)


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
        territory = _territory_after(doc, tok.i, places)
        if territory is not None and territory.end == span.end:
            continue                            # 'управление Роспотребнадзора по Курганской области'
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


_LOOKALIKES = str.maketrans("асеорхук", "aceopxyk")


def _latin(word: str) -> str:
    """'faсebook' with a Cyrillic 'с' -> 'facebook': Cyrillic look-alikes in an otherwise Latin word."""
    return word.translate(_LOOKALIKES) if any("a" <= ch <= "z" for ch in word) else word


def _medium_of(doc, span, lex) -> bool:
    """A network named as where something was posted or shot: a credit ('Фото: Facebook'), after a medium word
    ('в соцсети Facebook', 'на канале YouTube'), or 'в Telegram' closing a promotion line."""
    text = doc_text(doc)
    line_start = text.rfind("\n", 0, span.start_char) + 1
    if _CREDIT.search(text[max(line_start, span.start_char - 30):span.start_char].rstrip(" :")+ " "):
        return True
    prev = doc[span.start - 1] if span.start > 0 else None
    if prev is not None and lemma(prev) in lex.MEDIUM_WORDS | {"мессенджер"}:
        return True
    line_end = text.find("\n", span.end_char)
    rest = text[span.end_char:len(text) if line_end < 0 else line_end].strip(" .!»\"")
    return prev is not None and lemma(prev) in ("в", "во", "на") and not rest


def is_chrome(ctx: Ctx, span, lex) -> bool:
    """Site chrome: a social network ('ВКонтакте', 'Telegram-канал'), a hashtag, a lone word or acronym on a line
    of its own that no table knows ('ТГ', a menu item)."""
    doc = ctx.doc
    toks = [t for t in span if not t.is_space]
    words = {t.text.lower() for t in toks} | {lemma(t) for t in toks} | {span.text.lower()}
    if {_latin(w) for w in words} & lex.SOCIAL_NETWORKS and len(toks) <= 2 and _medium_of(doc, span, lex):
        return True                   # 'скрин: Youtube', 'в соцсети Faсebook', '… новости в Telegram⏎'
    if any(w.split("-")[0] in lex.SOCIAL_NETWORKS and "-" in w for w in words):
        return True                   # 'Telegram-канал', 'телеграм-канале'
    j = span.start - 1
    while j >= 0 and doc[j].text in "«\"“„'":
        j -= 1
    prev = doc[j] if j >= 0 else None
    medium = prev is not None and lemma(prev) in ("в", "во") and any(lemma(t) in lex.MEDIUM_WORDS for t in span.sent)
    if words & lex.SOCIAL_NETWORKS and (_alone_on_line(doc, span) or medium):
        return True                   # 'сообщили в группе администрации во «ВКонтакте»': a medium, not a body
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
        if doc[i].text in ("—", "–", ":") or doc[i].is_space:
            i -= 1                      # 'национальных проектов — «Семья»'
            continue
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
        if before is not None and lemma(before) in lex.EVENT_HEADS:
            return True                       # коллегия «…»: an event title (отель «…» is taken as a venue)
    if prev is not None and lemma(prev) in lex.EVENT_CONTEXT:
        return True                           # участники СВО
    if quoted and not _headed(toks, lex) and all(_common_word(t) for t in toks) and (
            _alone_on_line(doc, span) or _category_quote(doc, span, lex)):
        return True                           # 'отрасли «Здравоохранение»', a «Вектор развития» heading line
    if _shouted(toks):
        return True                           # 'ЖИТЬ ЗДОРОВО', 'ЭТОМ': words of a headline in capitals
    if PLACES in doc.spans and any(p.start == span.start and p.end == span.end and p.label_ in ("Region", "Country")
                                   for p in doc.spans[PLACES]):
        return True                           # 'ЗКО', 'ЮКО': a region's short name is the region
    if len(toks) == 1:
        tok = toks[0]
        if normalize_key(tok.text) in aliases():
            return False
        if len(tok.text) >= 3 and _LEGAL_FORM_SHAPE.match(tok.text):
            return True                       # 'КГБУЗ', 'БУЗОО', 'ГОБУЗа': the legal form of a name, not the body
        if tok.text.lower() in lex.GENERIC_ACRONYMS:
            return True                       # 'СМИ', 'ПАО': a kind of body, not one
        if lemma(tok) in lex.EVENT_HEADS and (tok.i == tok.sent.start or not tok.text[:1].isupper()):
            return True                       # 'Конгресс прошёл…': the event, not a body ('в Конгрессе США' is one)
    if lemma(toks[0]) in lex.PRESS_SERVICE:
        return True                           # 'Пресс-служба …'
    if toks[0].text.lower() in lex.GENERIC_ACRONYMS and not (len(toks) > 1 and toks[1].text in "«\"“„"):
        return True                           # 'СМИ Беларуси' (but 'ОАО «Газпром»' is a company)
    return False


def _shouted(toks) -> bool:
    """Words in capitals that the dictionary knows ('ДАВАЙ', 'ЖИТЬ ЗДОРОВО', 'КОРДАЙСКИЙ РАЙОНЕ ЧЕСТВОВАЛИ'): a
    headline or a slogan set in capitals, not an acronym. One word needs five letters ('ФИФА' is a word too)."""
    words = [t for t in toks if t.is_alpha]
    caps = [t for t in words if t.text.isupper() and len(t.text) >= 3]
    # every word in capitals; a longer headline may end glued to the next line's first word ('ВОПРОСЫВо')
    if not words or len(caps) < len(words) and not (len(caps) >= 3 and caps == words[:-1]) or \
            len(words) == 1 and len(words[0].text) < 5:
        return False
    if len(words) == 1 and any("Surn" in p.tag for p in na.parses(words[0].text.lower())[:2]):
        return True                           # 'НОГАЕВ': a surname in a headline
    return any(na.morph_vocab().word_is_known(t.text.lower()) and _common_word(t) for t in caps)


def _alone_on_line(doc, span) -> bool:
    text = doc_text(doc)
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
        label = body_label(full_head(head, lex, keep_names=True), last.id_) or label
    return make_key("org", " ".join(key_words)), label[:1].upper() + label[1:]


def _gov_head(toks, lex) -> bool:
    """A government body's head among the first words ('Управления здравоохранения…', 'Минздрав Коми')."""
    content = [t for t in toks if t.pos_ in ("NOUN", "PROPN")][:2]
    return any(lemma(t) in lex.GOV_HEADS or lemma(t) in lex.BODY_ABBREVIATIONS for t in content)


def _region_inside(span, places):
    """A region the places stage read in an alias's short name ('Минздрав РК' where 'РК' is Калмыкия, not
    Казахстан): the alias, made for the country, does not apply."""
    return next((p for p in places if p.label_ == "Region" and span.start < p.start and p.end == span.end), None)


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
    if _HOST.fullmatch(span.text):                   # an outlet's site, as written
        return ctx.entity(make_key("org", span.text.lower()), "Organization", span.text)
    key, label = org_key_and_label(span, places, lex)
    toks = [t for t in span if not t.is_space]
    cls = "GovernmentBody" if _gov_head(toks, lex) else "Organization"
    ctx.entity(key, cls, label, alt=span.text)
    surface = join_words(toks, nominative_words(toks))
    if surface != label:
        ctx.entity(key, cls, None, alt=surface[:1].upper() + surface[1:])
    inside = [p for p in places if span.start <= p.start and p.end <= span.end
              and p.label_ in ("Region", "Country", "Settlement")]
    # the territory a federal body's office serves ('… МЧС России по Курганской области'), else the first place
    juris = next((p for p in inside if p.end == span.end and p.start > span.start
                  and span.doc[p.start - 1].lower_ == "по"), inside[0] if inside else None)
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


def _clipped(two: list[str], one: str) -> bool:
    """'Медгород' is 'Медицинский город' clipped: the first word's first three to five letters, then the
    second word."""
    first, second = two
    return any(one == first[:k] + second for k in range(3, 6) if len(first) > k)


def _clipped_facility(ctx, span) -> str | None:
    """A quoted name that is a facility's name of this article in full or clipped form («Медицинского
    города» / «Медгорода»): that facility, not a body of its own."""
    doc = span.doc
    if not any(t.text in "«\"“" for t in span) and not (span.start > 0 and doc[span.start - 1].text in "«\"“"):
        return None
    words = [w.lower().replace("ё", "е") for w in nominative_words([t for t in span if t.is_alpha])]
    if not 1 <= len(words) <= 2:
        return None
    for _, key, label in ctx.notes.get("facility_clusters", []):
        other = label.lower().replace("ё", "е").strip("«»\"").split()
        pair = (words, other) if len(words) == 2 else (other, words)
        if len(pair[0]) == 2 and len(pair[1]) == 1 and _clipped(pair[0], pair[1][0]):
            return key
    return None


def extract_orgs(ctx: Ctx, lex) -> None:
    if lex.lang == "kk":
        extract_orgs_kk(ctx, lex)
        return extract_model_entities(ctx, lex)
    doc = ctx.doc
    places = [s for s in doc.spans[PLACES]] if PLACES in doc.spans else []
    found, acronyms = [], []
    cands = org_candidates(ctx, lex)
    regional = ctx.notes.get("regional_bodies", {})
    phrases = ctx.notes.get("org_phrases", {})
    for span in cands:
        if is_noise(ctx, span, lex):
            continue
        alias = aliases().get(normalize_key(span.text))
        if alias is None and len(span) > 1:
            alias = aliases().get(normalize_key(" ".join(nominative_words([t for t in span if not t.is_space]))))
        region = _region_inside(span, places) if alias else None
        if region is not None:                      # 'Минздрав РК' in a text about Калмыкия: the region's
            key = _regional_entity(ctx, lex, span, span.doc[span.start:region.start], region.id_)
        elif alias:
            key = _alias_entity(ctx, alias, span)
        elif (span.start, span.end) in regional:
            key = _regional_entity(ctx, lex, span, *regional[(span.start, span.end)])
        elif is_acronym(span.text):
            acronyms.append(span)
            continue
        elif (key := _clipped_facility(ctx, span)) is not None:
            ctx.entity(key, ctx.classes[key], None, alt=span.text.strip("«»\"“”"))
            ctx.entity(key, ctx.classes[key], None, alt=join_words(
                [t for t in span if t.is_alpha], nominative_words([t for t in span if t.is_alpha])))
        else:
            key = _plain_entity(ctx, lex, span, places)
        ctx.mention_span(key, span)
        found.append((phrases.get((span.start, span.end), span), key))   # the phrase, tail included, for posts
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


# ---------------------------------------------------------------- Kazakh (orgs)
# Bodies headed by a stem of lex.GOV_HEADS, the model's ORG/FAC/LOC spans, news outlets.
from ..gazetteer import load_gazetteer  # noqa: E402
from ..nlp.kk import morph  # noqa: E402
from ..nlp.kk.entities import label_form  # noqa: E402
from ..nlp.kk.lemmas import stem_of  # noqa: E402
from .common import live_places  # noqa: E402


def extract_orgs_kk(ctx: Ctx, lex) -> None:
    doc = ctx.doc
    found = []
    place_at = {i: p for p in live_places(ctx) for i in range(p.start, p.end)}
    for tok in doc:
        if stem_of(tok) not in lex.GOV_HEADS or not ctx.live(doc[tok.i:tok.i + 1]):
            continue
        if stem_of(tok) in lex.CAPITALISED_BODIES and not tok.text[:1].isupper():
            continue                   # 'аппарат мәжілісі' is a meeting; the house of parliament is 'Мәжіліс'
        start = _body_start_kk(doc, tok, place_at, lex)
        span = doc[start:tok.i + 1]
        if len(span) < 2:
            continue
        found.append(_gov_body_kk(ctx, lex, span, tok))
    covered = {i for s, _ in found for i in range(s.start, s.end)}
    for ent in list(doc.ents) + _named_quotes_kk(doc, lex) + _companies_kk(doc, lex):
        if ent.label_ == "ORG" and ctx.live(ent) and ent.start not in covered and _plausible_org_kk(ent, lex):
            label = label_form(ent)
            key = make_key("org", label)
            ctx.entity(key, "Organization", label)
            ctx.mention_span(key, ent)
            found.append((ent, key))
            covered.update(range(ent.start, ent.end))
    found += _outlets_kk(ctx, lex, found)
    ctx.notes["orgs"] = found


def _body_start_kk(doc, head, place_at, lex) -> int:
    """Where a body's name before its head noun begins: its lower-case words (hyphenated ones too:
    'санитариялық-эпидемиологиялық бақылау департаменті') up to a capitalised one; a place ends it, unless the
    place is the branch's ('… комитетінің Маңғыстау облысы бойынша департаменті', '«…» КеАҚ Маңғыстау облысы
    бойынша филиалы', '“Amanat” партиясының Павлодар облыстық филиалы'): then the parent body before it, in
    the genitive or quoted with its legal form, is part of the name. A clause ('… төрағалығымен өткен') ends it."""
    sent_start, start = head.sent.start, head.i
    while start > sent_start and start > head.i - 14:
        prev = doc[start - 1]
        low = prev.text.lower()
        if prev.i in place_at:
            start = place_at[prev.i].start
            before = doc[start - 1] if start > sent_start else None
            if before is not None and (morph.is_genitive(before.text.lower()) and
                                       stem_of(before) in lex.GOV_HEADS | lex.ORG_HEADS or
                                       before.text in lex.LEGAL_FORMS_KK):
                continue               # the parent body: '… комитетінің | Маңғыстау облысы бойынша'
            break
        if low == "бойынша" and start - 2 >= sent_start and doc[start - 2].i in place_at:
            start -= 1                 # 'Маңғыстау облысы бойынша департаменті': the branch for a region
            continue
        if prev.text in lex.LEGAL_FORMS_KK and start < head.i:
            start -= 1                 # '«…» КеАҚ'
            continue
        if prev.text in "»”\"" and start - 2 > sent_start:
            j = start - 2
            while j > max(sent_start, start - 10) and doc[j].text not in "«“\"":
                j -= 1
            if doc[j].text in "«“\"":
                start = j              # a quoted name ends the walk
            break
        if not (prev.is_alpha or "-" in low and low.replace("-", "").isalpha()) or low in lex.ORG_STOP or \
                prev.ent_type_ == "PER":
            break                      # 'Х Оразалиев | облыстық қаржы басқармасының бастығы': a person ends it
        if head.text[:1].isupper() and start == head.i and not prev.text[:1].isupper():
            break                      # 'осыған дейін Үкімет басшысы': a capitalised body's name has no
            #                            lower-case words before it
        if not prev.text[:1].isupper() and (low.endswith(("ған", "ген", "қан", "кен")) or
                                            morph.is_oblique(low) and not morph.is_genitive(low) and
                                            low.endswith(("мен", "бен", "пен")) or
                                            morph.is_oblique(low) and morph.analyze(low)[1].endswith(
                                                lex.NOT_IN_NAME_ENDINGS)):
            break                      # '… төрағалығымен өткен аппарат …': a clause, not a name; 'Екінші
            #                            қабатта әкімшілік', 'тапсырмасына сәйкес прокуратура': a place, an object
        start -= 1
        if prev.text[:1].isupper():
            gen = start - 1
            if gen > sent_start and morph.is_genitive(doc[gen].lower_) and (gen in place_at or gen - 1 in place_at
                                                                          and stem_of(doc[gen]) in lex.PLACE_NOUNS):
                start = place_at[gen if gen in place_at else gen - 1].start   # 'Алматы қаласының | Қоғамдық
            break                      # денсаулық басқармасы': the city's body
    return start


_DOMAIN_KK = re.compile(r"(?<![\w.@/-])([A-Za-z][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)*\.(?:kz|ru|com|org|net|info|qaz))(?![\w-])")


def _outlets_kk(ctx: Ctx, lex, found) -> list:
    """News outlets: a web domain named in the text ('Kyzylorda-news.kz') and the source after a reporting verb
    ('…, деп хабарлайды Semeynews'); the latter is the article's publisher."""
    from spacy.tokens import Span
    doc, out = ctx.doc, []
    taken = {i for s, _ in found for i in range(s.start, s.end)}
    place_starts = {p.start for p in live_places(ctx)}
    for tok in doc:
        if tok.text.lower() not in lex.REPORT_VERBS:
            continue
        j = tok.i + 1
        while j < len(doc) and doc[j].is_space:
            j += 1
        if j + 1 < len(doc) and doc[j].text in "«\"“" and doc[j + 1].text[:1].isupper():
            j += 1                     # '… деп хабарлайды «Zhambylnews» АА': the outlet's quoted name
        k = j
        while k < len(doc) and k - j < 4 and (doc[k].text[:1].isupper() or _DOMAIN_KK.fullmatch(doc[k].text)) \
                and not doc[k].is_punct:
            k += 1
        rest = k
        while rest < tok.sent.end and rest - j < 6 and doc[rest].is_alpha:
            rest += 1                  # '… ШҚО ақпараттық орталығы.': the whole name up to the sentence's end
        if rest < len(doc) and (doc[rest].is_punct or doc[rest].is_space) and rest - j <= 5:
            k = rest
        if any(i in place_starts for i in range(j, k)):
            continue                   # '… Қызылорда облысы әкімінің баспасөз қызметі': a body's press office
        if k > j and not taken.intersection(range(j, k)):
            out.append(_outlet_kk(ctx, Span(doc, j, k), publisher=True))
            taken.update(range(j, k))
    for m in _DOMAIN_KK.finditer(doc_text(doc)):
        span = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        if span is not None and not taken.intersection(range(span.start, span.end)) and ctx.live(span):
            out.append(_outlet_kk(ctx, span, text=m.group(1)))
            taken.update(range(span.start, span.end))
    return [o for o in out if o is not None]


def _outlet_kk(ctx, span, text=None, publisher=False):
    label = text or (label_form(span) if span[-1].is_alpha else span.text).strip(" .,«»\"")
    if len(label) < 3 or not ctx.live(span):
        return None
    key = make_key("org", label)
    ctx.entity(key, "Organization", label)
    ctx.mention(key, span.start_char, span.start_char + len(span.text.rstrip(" .,")))
    if publisher and ctx.publisher is None:
        ctx.publisher = key
    return span, key


def _named_quotes_kk(doc, lex):
    """'«Digital Clinic Taraz» атты платформа': a quoted name that 'атты' (called) introduces."""
    from spacy.tokens import Span
    out = []
    for tok in doc:
        if tok.text.lower() in lex.QUOTING and not (tok.i + 1 < len(doc) and
                                                    doc[tok.i + 1].text.lower().startswith("атал")):
            continue                   # '«Ұлт денсаулығы – …» деп атап көрсетті': a quotation, no name
        if tok.text.lower() in lex.NAMED_BY and tok.i > 1 and doc[tok.i - 1].text in "»\"”":
            j = tok.i - 2
            while j > 0 and doc[j].text not in "«\"“":
                j -= 1
            if 0 < j < tok.i - 2:
                out.append(Span(doc, j + 1, tok.i - 1, label="ORG"))
    return out


def _companies_kk(doc, lex):
    """'«Синдикат груп» жауапкершілігі шектеулі серіктестігі', '«СК-Фармация» ЖШС', '«Теңізшевройл»
    ЖШС-нің': a quoted name before a legal form is a company (the name inside the quotes)."""
    from spacy.tokens import Span
    out = []
    for tok in doc:
        if tok.text not in "»\"”" or tok.i + 1 >= len(doc):
            continue
        nxt = doc[tok.i + 1]
        words = tuple(t.text.lower() for t in doc[tok.i + 1:tok.i + 5])
        if nxt.text.split("-")[0] not in lex.LEGAL_FORMS_KK and \
                not any(words[:len(p)] == p for p in lex.LEGAL_FORM_PHRASES):
            continue
        j = tok.i - 1
        while j > 0 and tok.i - j <= 8 and doc[j].text not in "«\"“":
            j -= 1
        if doc[j].text in "«\"“" and j + 1 < tok.i and doc[j + 1].text[:1].isupper():
            out.append(Span(doc, j + 1, tok.i, label="ORG"))
    return out


def _titled_work_kk(ent, lex) -> bool:
    """'«…» атты биылғы Жолдауында', '«…» атты бағдарламасы': a quoted title named ('атты') as an address or a
    programme a few words on, not a body."""
    doc, k = ent.doc, ent.end
    while k < len(doc) and k - ent.end < 2 and doc[k].text in "»\"”":
        k += 1
    if k >= len(doc) or doc[k].lower_ not in lex.NAMED_BY - lex.QUOTING:
        return False
    heads = lex.PROGRAMME_HEADS | lex.AUTHORED
    for tok in doc[k + 1:k + 5]:
        if tok.like_num:
            continue                   # '«…» атты жұлдызды 20 күндік': a count before the head
        if not tok.is_alpha and "-" not in tok.text:
            return False
        if stem_of(tok) in heads:
            return True
    return False


def _plausible_org_kk(ent, lex) -> bool:
    """The model's ORG/FAC spans, kept when they look like a name: quoted, an acronym, or starting with a
    capital and not ending in a plural ('Денсаулық сақтау мекемелерінің' is institutions in general)."""
    words = [t for t in ent if not t.is_punct and not t.is_space]
    if not words:
        return False
    if ent.start > 0 and ent.doc[ent.start - 1].text in "«\"“" or all(t.text.isupper() for t in words):
        return not _titled_work_kk(ent, lex)
    if any(t.text in (",", "-", "–", "—") or t.text.lower() in lex.CONJUNCTIONS for t in ent):
        return False                                  # a list of things ('X, Y'), a route ('X – Y') is no name
    stems = tuple(stem_of(t) for t in words[-3:])
    if any(stems[k:] in lex.ROLES for k in range(len(stems))):
        return False                                  # 'ҚР Денсаулық сақтау министрі', '… ауруханасының бас
        #                                               дәрігері' are posts
    if words[-1].text.lower() in lex.GENERIC_ALL or any(stem_of(t) in lex.PROGRAMME_HEADS for t in words):
        return False                                  # '… бағдарламасының барлық': a programme, no body
    return words[0].text[:1].isupper() and not morph.analyze(words[-1].text)[1].startswith(morph.PLURAL_ENDINGS)


def label_form(span) -> str:
    words = [t.text for t in span if not t.is_space]
    words[-1] = morph.nominative(words[-1])
    return " ".join(words).strip("«»\" ")


def extract_model_entities(ctx: Ctx, lex) -> None:
    """Places and facilities the model finds beyond the gazetteer and the head-noun rules."""
    doc = ctx.doc
    taken = {i for s in [s for s in live_places(ctx)] + [s for s, _, _ in ctx.notes.get("facilities", [])] +
             [s for s, _ in ctx.notes.get("orgs", [])] for i in range(s.start, s.end)}
    for ent in doc.ents:
        if not ctx.live(ent) or not taken.isdisjoint(range(ent.start, ent.end)):
            continue
        if ent.label_ == "LOC" and ent[0].text[:1].isupper():
            if doubtful_model_place_kk(ent, lex.SETTLEMENT_WORDS):
                continue
            nxt = doc[ent.end].text.lower() if ent.end < len(doc) else ""
            cls = "Settlement" if nxt.startswith(lex.SETTLEMENT_WORDS) else "Place"
            label = label_form(ent)
            key = make_key("settlement" if cls == "Settlement" else "place", label)
            ctx.entity(key, cls, label)
            ctx.mention_span(key, ent)
            ctx.notes.setdefault("model_places", []).append((ent, key))
        elif ent.label_ == "FAC" and _plausible_org_kk(ent, lex) and \
                not morph.stem(ent[-1].text) in lex.SETTLEMENT_STEMS:
            label = label_form(ent)
            medical = any(stem_of(t) in lex.FACILITY_HEADS for t in ent)
            if not medical and len([t for t in ent if t.is_alpha]) == 1 and not (
                    ent.start > 0 and doc[ent.start - 1].text in "«\"“"):
                continue                  # one unquoted word with no facility noun ('Сарыағашта', 'Туберкулез')
            key = make_key("facility", label, ctx.notes.get("main_region") or "")
            ctx.entity(key, "HealthcareFacility" if medical else "Facility", label)
            ctx.mention_span(key, ent)


def _gov_body_kk(ctx, lex, span, head):
    stems = tuple(stem_of(t) for t in span if t.text.lower() not in lex.CITY_ADJECTIVES | lex.REGION_ADJECTIVES)
    if "kk_places_at" not in ctx.notes:
        ctx.notes["kk_places_at"] = {}
        for p in live_places(ctx):
            ctx.notes["kk_places_at"].setdefault(p.start, p.id_)
    juris = next((ctx.notes["kk_places_at"][i] for i in range(span.start, span.end) if i in ctx.notes["kk_places_at"]),
                 None)
    main = ctx.notes.get("main_region")
    gaz = load_gazetteer()
    if juris is None and main and gaz.get(main) and any(t.text.lower() in lex.CITY_ADJECTIVES for t in span):
        juris = main if gaz.get(main).is_city else None
    elif juris is None and main and gaz.get(main) and (any(t.text.lower() in lex.REGION_ADJECTIVES for t in span)
                                                       or lex.LEVEL_WORDS.get(stem_of(span[0])) == "region"):
        juris = main if not gaz.get(main).is_city else None     # 'облыстық денсаулық сақтау басқармасы'
    label = "".join(t.text_with_ws for t in span[:-1]) + morph.nominative(span[-1].text)
    label = " ".join(label.split())
    label = label[:1].upper() + label[1:]
    common = next((v for k, v in lex.BODY_KEYS.items() if stems[-len(k):] == k), None)
    key = make_key("org", f"{common} {juris}" if common and juris else label)
    # a branch of a party, fund or company ('“Amanat” партиясының … филиалы', '«…» КеАҚ … филиалы') is no state body
    branch_of_org = stems[-1] in lex.BRANCH_HEADS and any(
        s in lex.ORG_HEADS or t.text in lex.LEGAL_FORMS_KK for s, t in zip(stems, span))
    ctx.entity(key, "Organization" if branch_of_org else "GovernmentBody", label)
    if juris:
        ctx.fact(key, "hc:jurisdiction", juris)
    ctx.mention_span(key, span)
    return span, key
