"""Events: a trigger noun ('встреча', 'конгресс', 'рабочая поездка', 'открытие'…), a verb that reports one
('открылась', 'посетил', 'проинспектировал', 'встретился', 'ввели в эксплуатацию', 'дал старт работе'), an
agreement signed, a delegation arriving. Mentions of one kind (or one family: working trip, inspection,
visit) in one article collapse into one event unless titles differ. Each event gets its dates (ranges too),
place, participants (the sentence's persons and the next sentence's in its paragraph; a gathering's speakers),
organizer, supporters, parties, and ``subEventOf`` when its dates lie inside a longer event's.

An event's key holds its kind, date and place; one with no full date or no place also holds its article, so
events of different articles merge only when kind, day and place agree."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from ..concepts import EVENT_KINDS
from ..iris import make_key, normalize_key
from ..nlp.ru_morph import GENDERS, adjectival_noun, head_index, inflect_word, join_words, to_nominative
from ..nlp.extensions import doc_text, sent_bounds, sent_start, token_table
from .common import (adjectives_before, extend_genitive, is_genitive, lemma, quote_after, sentences, trigger_spans,
                     trigger_tokens)
from .context import Ctx
from .lexicon import load_lexicon
from .places import place_spans


@dataclass
class Trigger:
    span: object
    kind: str
    strong: bool = True
    verb: bool = False


@dataclass
class Cluster:
    kind: str
    triggers: list = field(default_factory=list)     # trigger spans
    name: object = None                                # the named phrase span
    title: object = None                               # quoted title span
    start: str | None = None
    end: str | None = None
    sents: list = field(default_factory=list)
    strong: bool = False
    kinds: list = field(default_factory=list)          # every kind its triggers had
    verb: bool = False                                 # a verb reported it: no anchor needed
    where: set = field(default_factory=set)            # settlements its sentences put it in
    named: set = field(default_factory=set)            # every settlement its sentences name


# ---------------------------------------------------------------- triggers

def _noun_triggers(ctx: Ctx, lex):
    doc = ctx.doc
    out = []
    for span, kind in trigger_spans(doc, "hc_events"):
        if not ctx.live(span) or span[0].pos_ not in ("NOUN", "PROPN", "ADJ") or _body_name(span):
            continue
        if _of_event(doc, span, lex):
            continue                                   # 'заседание [коллегии]': the collegium's sitting
        if span.start > 0 and lemma(doc[span.start - 1]) in lex.ROOM_WORDS:
            continue                                   # 'в зале заседаний': a room
        if _generic_gathering(ctx, span, kind, lex):
            continue
        if kind == "reception" and not _reception_held(span, lex):
            continue
        if lemma(span[-1]) == "беседа" and not _talk_with_official(span, lex):
            continue                                   # 'в беседе с корреспондентом', 'беседа с пациентами'
        if lemma(span[-1]) == "осмотр" and not _inspects_a_site(span, lex):
            continue                                   # 'медицинский осмотр', 'осмотр пациентов'
        if lemma(span[-1]) in lex.DOCUMENT_EVENT_NOUNS and not _attended_sitting(span):
            continue                                   # 'публичный отчет размещен на сайте': a document
        if len(span) == 1 and lemma(span[0]) in lex.SITE_TRIP_NOUNS and not _trip_to_site(span, lex):
            continue                                   # 'выезды скорой помощи', 'выезд бригады'

        strong = kind not in lex.WEAK_NOUNS or _ceremony(span, lex)
        out.append(Trigger(span, kind, strong))
    return out


def _generic_gathering(ctx, span, kind, lex) -> bool:
    """Gatherings and trips told in the plural ('на встречах с избирателями', 'по итогам встреч', 'будущие
    встречи', 'во время рабочих поездок по муниципалитетам') are a practice, not one event; 'переговоры' (a process: 'готова к переговорам', 'вести переговоры') are one
    only when held ('переговоры прошли') or dated."""
    head = next((t for t in span if t.pos_ == "NOUN"), span[-1])
    if lemma(head) == "переговоры":
        sent = span.sent
        held = any(lemma(t) in lex.HELD_WORDS and (_past(t) or t.pos_ == "ADJ") for t in sent)
        return not (held or _dates_in(ctx, sent))
    return (kind == "meeting" or kind in lex.GATHERINGS or kind in _family("visit", lex)) \
        and head.morph.get("Number") == ["Plur"] \
        and not _dates_in(ctx, span.sent)              # '20–21 ноября — круглые столы': a programme's parts


def _talk_with_official(span, lex) -> bool:
    """'отметил глава региона в беседе с министром здравоохранения России': a talk is a meeting only with an
    official named by a role (STANDALONE_ROLES) right after 'с' (adjectives allowed); an interview ('в беседе с
    корреспондентом') or a talk with patients is not."""
    doc = span.doc
    toks = [t for t in doc[span.end:min(span.sent.end, span.end + 4)] if not t.is_space]
    if not toks or toks[0].text.lower() not in ("с", "со"):
        return False
    head = next((t for t in toks[1:] if t.pos_ != "ADJ"), None)
    return head is not None and lex.ROLES.get((lemma(head),)) in lex.STANDALONE_ROLES


def _inspects_a_site(span, lex) -> bool:
    """'в ходе осмотра учреждения', 'осмотр хода строительства поликлиники': 'осмотр' is an inspection only of
    a facility, a site or works in the genitive right after it (adjectives allowed), never of patients."""
    doc = span.doc
    if len(span) > 1:
        return False
    for t in doc[span.end:min(span.sent.end, span.end + 4)]:
        if t.pos_ == "ADJ" or t.is_space:
            continue
        return t.pos_ in ("NOUN", "PROPN") and is_genitive(t) and (
            lemma(t) in lex.OPENING_OBJECTS or lemma(t) in lex.FACILITY_LEMMAS or lemma(t) in _ANAPHORIC_OBJECTS
            or lemma(t) in ("ход", "строительство", "стройка", "стройплощадка"))
    return False


def _attended_sitting(span) -> bool:
    """'на публичном отчете депутата', 'в ходе отчета', 'отчет прошел в доме культуры': a report held before
    people, not the document ('публичный отчет размещен на сайте')."""
    doc = span.doc
    k = _modifiers_before(doc, span.start)
    before = [lemma(t) for t in doc[max(span.sent.start, k - 2):k]]
    if before[-1:] == ["на"] or before[-2:] in (["в", "ход"], ["во", "время"], ["в", "время"]):
        return True
    return any(lemma(t) in load_lexicon("ru").HELD_WORDS for t in span.sent)


def _trip_to_site(span, lex) -> bool:
    """'в ходе выезда на объект', 'выезд в районную больницу': a trip noun of SITE_TRIP_NOUNS is an inspection
    only in the singular, to a facility or a building site right after it ('на' / 'в' + the site, adjectives
    allowed); not an ambulance call ('выезд бригады', 'выезды скорой помощи')."""
    doc = span.doc
    if span[0].morph.get("Number") == ["Plur"]:
        return False
    toks = [t for t in doc[span.end:min(span.sent.end, span.end + 5)] if not t.is_space]
    if not toks or lemma(toks[0]) not in ("на", "в", "во"):
        return False
    site = next((t for t in toks[1:] if t.pos_ in ("NOUN", "PROPN")), None)
    return site is not None and (lemma(site) in lex.OPENING_OBJECTS or lemma(site) in lex.FACILITY_LEMMAS
                                 or lemma(site) in lex.OPENED_ANAPHORS or lemma(site) in lex.INSPECTED_WORK)


def _reception_held(span, lex) -> bool:
    """'провел выездной прием граждан', 'на личном приеме жителей обратились …': an official's reception of
    citizens is an event when its sentence reports something done in the past; not a schedule or a rule
    ('график приема граждан утвержден', 'порядок личного приема', 'запись на прием граждан')."""
    doc = span.doc
    qualified = len(span) > 1
    if not qualified:
        nxt = next((t for t in doc[span.end:min(span.sent.end, span.end + 3)] if t.pos_ in ("NOUN", "PROPN")), None)
        if nxt is None or lemma(nxt) not in lex.RECEPTION_PEOPLE or not is_genitive(nxt):
            return False                               # 'прием пациентов', 'прием документов'
    k = _modifiers_before(doc, span.start)
    before = [t for t in doc[max(span.sent.start, k - 2):k] if not (t.is_space or t.is_punct)]
    if any(lemma(t) in lex.RECEPTION_FRAMES for t in before):
        return False
    return any(t.pos_ in ("VERB", "AUX") and t.morph.get("Tense") == ["Past"] for t in span.sent)


def _of_event(doc, span, lex) -> bool:
    j = span.end
    while j < len(doc) and doc[j].is_space:
        j += 1
    while j < len(doc) and (doc[j].pos_ == "ADJ" or doc[j].morph.get("VerbForm") == ["Part"]):
        j += 1
    if j < len(doc) and lemma(span[-1]) in lex.EVENT_ANAPHORS and lemma(doc[j]) in lex.SIGNING_VERBS \
            and is_genitive(doc[j]):
        return True                                    # 'церемония подписания соглашения': the signing's
    return j < len(doc) and lemma(doc[j]) in lex.EVENT_HEADS and is_genitive(doc[j]) and \
        lex.EVENTS.get((lemma(doc[j]),)) not in lex.NEEDS_TITLE


def _ceremony(span, lex) -> bool:
    every = token_table(span.doc).lemma
    start, end = sent_bounds(span.doc, span.start)     # span.sent
    if any(every[i] in lex.EVENT_ANCHOR_WORDS for i in range(start, end)):
        return True
    # '… мне выпала честь открытия обновлённого отделения. А пациентка, вместе с которой разрезали красную
    # ленточку, …': a ribbon cut in the next sentence of the paragraph makes the opening a ceremony
    nxt = _next_in_paragraph(span.doc, span.sent)
    return nxt is not None and any(every[i] == cue[0] for cue in lex.CEREMONY_CUES if len(cue) == 1
                                   for i in range(nxt.start, nxt.end))


_PERSONAL_ENDING = re.compile(r"(?:ет|ёт|ит|ут|ют|ат|ят|ем|ём|им|ешь|ишь|ете|ите)(?:ся|сь)?$")


def _future_form(tok) -> bool:
    """A perfective verb in a personal form ('поучаствует', 'посетит', 'встретится') speaks of the future,
    whatever tense the tagger gave it (it tags some such forms Past)."""
    return tok.pos_ in ("VERB", "AUX") and tok.morph.get("Aspect") == ["Perf"] \
        and tok.morph.get("VerbForm") in (["Fin"], []) and bool(_PERSONAL_ENDING.search(tok.text.lower()))


def _past(tok) -> bool:
    """A verb that reports what happened: past or present tense, or a past participle not after 'будет'."""
    morph = tok.morph.to_dict()
    if morph.get("VerbForm") == "Inf" or morph.get("Tense") == "Fut" or _future_form(tok):
        return False
    doc = tok.doc
    before = [lemma(t) for t in doc[max(tok.sent.start, tok.i - 3):tok.i]]
    if "быть" in before and any(t.text.lower() in ("будет", "будут", "будем") for t in doc[max(0, tok.i - 3):tok.i]):
        return False
    if morph.get("Tense") in ("Past", "Pres"):
        return True
    return morph.get("VerbForm") == "Part"


def _actor(ctx, sent, lex) -> bool:
    persons = ctx.notes.get("persons", [])
    if any(sent.start <= ent.start < sent.end for ent, _ in persons):
        return True
    roles = {k[0] for k in lex.ROLES}
    return any(lemma(t) in roles or lemma(t) in lex.VISIT_SUBJECTS for t in sent)


def _object(tok, lex, window: int = 8) -> bool:
    doc, sent = tok.doc, tok.sent
    lo, hi = max(sent.start, tok.i - window), min(sent.end, tok.i + window + 1)
    nxt = next((t for t in doc[tok.i + 1:hi] if t.pos_ in ("NOUN", "PROPN")), None)
    if nxt is not None and lemma(nxt) in lex.EVENT_HEADS:
        return False                                   # 'открыл заседание', 'открыла форум'
    return any(lemma(t) in lex.OPENING_OBJECTS or lemma(t) in lex.FACILITY_LEMMAS
               for t in doc[lo:hi] if t.i != tok.i)


def _event_object(tok, lex) -> bool:
    """'посетил заседание коллегии', 'на открытии … побывала': took part in an event, made no visit."""
    doc = tok.doc
    nxt = next((t for t in doc[tok.i + 1:min(tok.sent.end, tok.i + 5)] if t.pos_ in ("NOUN", "PROPN")
                or t.text == ","), None)          # 'проинспектировал, как организован прием': not its object
    if nxt is not None and lemma(nxt) in lex.EVENT_HEADS:
        return True
    before = doc[max(tok.sent.start, tok.i - 6):tok.i]
    if any(lemma(t) in lex.EVENT_HEADS and t.i > 0 and doc[t.i - 1].text.lower() in ("на", "в", "во")
           for t in before):
        return True
    # 'Торжественное открытие посетил губернатор': the object before the verb (no preposition) is an event
    prev = next((t for t in reversed(before) if not t.is_space), None)
    return prev is not None and prev.pos_ == "NOUN" and lemma(prev) in lex.EVENT_HEADS \
        and "Acc" in prev.morph.get("Case") and not (adjectives_before(doc, prev.i) > 0
                                                    and doc[adjectives_before(doc, prev.i) - 1].pos_ == "ADP")


def _verb_triggers(ctx: Ctx, lex):
    doc = ctx.doc
    out = []
    verbs = trigger_tokens(doc, "hc_event_verbs")
    for i, kind in verbs.items():
        tok = doc[i]
        if (tok.pos_ not in ("VERB", "AUX", "ADJ") and not _caps_verb(tok)) or not ctx.live(doc[tok.i:tok.i + 1]):
            continue
        if not (_past(tok) or _caps_verb(tok) or _accomplished(tok, lex) or _announced_visit(ctx, tok, kind, lex)):
            continue
        if lemma(tok) in lex.AUDIENCE_VERBS and not _receives(ctx, tok, lex):
            continue                                   # 'принял решение', 'принял участие': no audience
        need = lex.VERB_NEEDS.get(kind)
        if need == "object" and not _object(tok, lex):
            continue
        if need == "actor" and not _actor(ctx, tok.sent, lex):
            continue
        if kind in ("visit", "inspection") and _event_object(tok, lex):
            continue                                   # 'посетил заседание коллегии': took part in it
        if kind == "inspection" and not _object(tok, lex) and not _inspected(tok, lex) \
                and not _inspected_how(ctx, tok, lex):
            continue
        if kind == "opening" and (not _opening_anchor(ctx, tok, lex) or _opens_a_service(tok, lex)):
            continue
        if kind in ("visit", "inspection") and (_tally(tok.sent, lex) or _crowd(tok)):
            continue                                   # 'поликлинику за год посетили 300 тысяч пациентов'
        out.append(Trigger(doc[tok.i:tok.i + 1], kind, True, True))
    table = token_table(doc)                           # the sentences' lemmas without making Tokens
    for sent in sentences(doc):
        at = [j for j in range(sent.start, sent.end) if not table.space[j]]
        lems = [table.lemma[j] for j in at]             # once per sentence, not once per phrase
        for seq, kind in lex.EVENT_PHRASES.items():
            for i, lem in enumerate(lems):
                if lem not in seq:
                    continue
                lemmas = lems[i:i + 5]
                if lem == seq[0] or lem == seq[-1]:
                    if all(s in lemmas for s in seq):
                        window = [doc[j] for j in at[i:i + 5]]
                        t = window[0]
                        verb = next((w for w in window if w.pos_ in ("VERB", "AUX") or
                                     w.morph.get("VerbForm") or _caps_verb(w)), None)
                        head = next((w for w in window if lemma(w) == seq[-1]), t)
                        if seq in lex.SUBJECT_OPENINGS and not _facility_subject(ctx, head, lex):
                            break                      # 'главврач начал работу в больнице': not the facility
                        if verb is not None and (_past(verb) or _caps_verb(verb)) and (kind != "opening" or (
                                _object(head, lex) and (_opening_anchor(ctx, head, lex) or (
                                    _actor(ctx, head.sent, lex) and not _tally(head.sent, lex))))):
                            out.append(Trigger(doc[t.i:t.i + 1], kind, True, True))
                        break
    return out




def _facility_subject(ctx, head, lex) -> bool:
    """'в селе Алга начала свою работу врачебная амбулатория': a facility noun in the nominative in the
    phrase's clause, and no person named there (a person who 'начал работу' is a new employee)."""
    doc, sent = head.doc, head.sent
    bounds = (",", ";", ":", "—", "–")
    left = next((t.i + 1 for t in reversed(doc[sent.start:head.i]) if t.text in bounds), sent.start)
    right = next((t.i for t in doc[head.i:sent.end] if t.text in bounds), sent.end)
    if any(left <= ent.start < right for ent, _ in ctx.notes.get("persons", [])):
        return False
    return any((lemma(t) in lex.OPENING_OBJECTS or lemma(t) in lex.FACILITY_LEMMAS) and t.morph.get("Case") == ["Nom"]
               for t in doc[left:right])


def _announced_visit(ctx, tok, kind, lex) -> bool:
    """'Министр Ирина Петрова нанесёт рабочий визит в Углегорский район', '14 ноября губернатор Иван Петров
    посетит поликлинику': a visit or working trip an official named in its sentence is going to make is
    news an analyst lists (an announced visit), unless a plan word makes it a mere intention
    ('планирует посетить')."""
    if kind not in _family("visit", lex) or _planned(tok) or tok.morph.get("VerbForm") == ["Inf"]:
        return False                                   # 'поручил … посетить медучреждения': an order
    sent = tok.sent
    return any(sent.start <= ent.start < sent.end and ent.start < tok.i for ent, _ in ctx.notes.get("persons", []))


def _accomplished(tok, lex) -> bool:
    """'Председатель правительства уже успел побывать и в перинатальном центре', 'за день она успела осмотреть
    медучреждения': an infinitive after a past verb of accomplishing (ACCOMPLISHED_MODALS; 'уже' between
    allowed; not negated) was done."""
    if tok.morph.get("VerbForm") != ["Inf"]:
        return False
    prev = next((t for t in reversed(tok.doc[max(tok.sent.start, tok.i - 3):tok.i])
                 if not t.is_space and lemma(t) not in ("уже", "все", "всё", "даже")), None)
    if prev is None or lemma(prev) not in lex.ACCOMPLISHED_MODALS or prev.morph.get("Tense") != ["Past"]:
        return False
    return not (prev.i > 0 and prev.doc[prev.i - 1].text.lower() == "не")     # 'не успел посетить'


def _announced_host(ctx, tok, lex) -> bool:
    """'Председатель Правительства РФ Дмитрий Медведев в Москве проведет совещание, на котором …': a gathering
    a person named before it in its sentence is going to hold (HOLDING_VERBS in the future, right before the
    noun) is announced news, like an announced visit; 'проведем совещание' or 'министр проведет встречу' (no
    name) stay plans."""
    doc, sent = tok.doc, tok.sent
    k = _modifiers_before(doc, tok.i)
    verb = next((t for t in reversed(doc[max(sent.start, k - 3):k]) if t.pos_ in ("VERB", "AUX")), None)
    if verb is None or lemma(verb) not in lex.HOLDING_VERBS or not (verb.morph.get("Tense") == ["Fut"]
                                                                     or _future_form(verb)):
        return False
    return any(sent.start <= ent.start and ent.end <= verb.i and ent[-1].morph.get("Case") in (["Nom"], [])
               for ent, _ in ctx.notes.get("persons", []))


def _receives(ctx, tok, lex) -> bool:
    """'Президент принял министра здравоохранения Ажар Гиният', 'аким принял делегацию': an audience verb
    (AUDIENCE_VERBS) whose object right after it is a person, a role or a delegation in the accusative."""
    doc, sent = tok.doc, tok.sent
    obj = next((t for t in doc[tok.i + 1:min(sent.end, tok.i + 4)] if t.pos_ in ("NOUN", "PROPN")), None)
    if obj is None or "Acc" not in obj.morph.get("Case"):
        return False
    roles = {k[0] for k in lex.ROLES}
    return lemma(obj) in roles or lemma(obj) in lex.VISIT_SUBJECTS or any(
        ent.start == obj.i for ent, _ in ctx.notes.get("persons", []))


def _opens_a_service(tok, lex) -> bool:
    """'в больнице открыта запись', 'открыли горячую линию', 'открылся прием эндокринолога': what the verb
    opens (its first subject or object noun after it) is a service, not a facility."""
    doc = tok.doc
    heads = lex.OPENING_OBJECTS | lex.FACILITY_LEMMAS
    for t in doc[tok.i + 1:min(tok.sent.end, tok.i + 7)]:
        if t.is_punct or t.pos_ in ("VERB", "AUX", "SCONJ", "CCONJ"):
            return False
        if t.pos_ not in ("NOUN", "PROPN") or lemma(t) in lex.OPENING_THROUGH_WORDS:
            continue
        prep = adjectives_before(doc, t.i) - 1
        if prep >= 0 and doc[prep].pos_ == "ADP":
            continue                                   # 'в больнице', 'после ремонта': not what was opened
        case = t.morph.get("Case")
        if not ({"Nom", "Acc"} & set(case)):
            continue
        return lemma(t) not in heads and t.pos_ != "PROPN" and not t.text.isupper()
    return False


def _crowd(tok) -> bool:
    """A visit told of a crowd: 'посетили 300 тысяч пациентов', 'больницу посетили жители'."""
    doc = tok.doc
    for t in doc[tok.i + 1:min(tok.sent.end, tok.i + 6)]:
        if t.pos_ == "NUM" or t.like_num:
            return True
        if t.pos_ in ("NOUN", "PROPN"):
            return lemma(t) in load_lexicon("ru").CROWD_NOUNS
    return False


def _caps_verb(tok) -> bool:
    """A word of an all-caps headline ('ВВЕДЕН В ЭКСПЛУАТАЦИЮ', 'ОТКРЫЛАСЬ') that the tagger cannot read:
    pymorphy's first parse of it in lower case is a past verb or a participle."""
    if not (tok.text.isupper() and len(tok.text) > 2 and tok.text.isalpha()):
        return False
    from ..nlp import natasha_adapter as na

    parses = na.parses(tok.text.lower())
    if not parses:
        return False
    tag = parses[0].tag
    return tag.POS in ("PRTS", "PRTF") or (tag.POS == "VERB" and tag.tense == "past")


def _opening_anchor(ctx, tok, lex) -> bool:
    """An opening reported as an event: someone there, a day, a ceremony, or the article's lead; not a tally
    over a period ('за последние два года открыто 14 клиник')."""
    sent = tok.sent
    if _tally(sent, lex):
        return False
    return _is_lead(ctx, sent) or _ceremony(tok.doc[tok.i:tok.i + 1], lex) \
        or bool(_MONTH_RE.search(sent.text)) \
        or bool(_dates_in(ctx, sent)) or any(sent.start <= e.start < sent.end for e, _ in ctx.notes.get("persons", []))


def _is_lead(ctx, sent) -> bool:
    """The article's lead: its first sentence, or, when that is a headline (a line with no closing stop), the
    first sentence of the paragraph after it, a dateline ('ЮЖНО-САХАЛИНСК, 28 августа.', '/ТАСС/.') skipped."""
    lead = ctx.notes.get("lead")
    if lead is None:
        return False
    if lead.start == sent.start:
        return True
    if "body_lead" not in ctx.notes:
        ctx.notes["body_lead"] = _body_lead(ctx.doc, lead)
    body = ctx.notes["body_lead"]
    return body is not None and body.start == sent.start


def _body_lead(doc, lead):
    if lead.text.strip().endswith((".", "!", "?", "…", ":", ";")) or lead.end >= len(doc):
        return None
    text = doc_text(doc)
    seen_break = "\n" in lead.text or "\n" in text[lead.end_char:doc[lead.end].idx]
    if not seen_break:
        return None                                    # not a line of its own
    for sent in sentences(doc):
        if sent.start < lead.end or not sent.text.strip():
            continue
        if re.search(r"\n\s*\n", text[lead.end_char:sent.start_char].strip("\n ") or ""):
            return None                                # only the paragraph right after the headline
        if _dateline_sentence(sent):
            continue
        lex = load_lexicon("ru")
        first = [lemma(t) for t in sent if not (t.is_space or t.is_punct)][:4]
        if "как" in first and any(w in first for w in ("сообщать", "сообщить", "писать", "рассказывать")) \
                or any(_has_seq(sent, cue) for cue in lex.EARLIER_CUES):
            return None                                # 'Как уже сообщала газета, …': told before, not the news
        return sent
    return None


def _dateline_sentence(sent) -> bool:
    """'ЮЖНО-САХАЛИНСК, 28 августа.', '/ТАСС/.': every word a capitalised place or outlet, or a month; a line
    with no word at all ('19.10.2011 |') is one too."""
    words = re.findall(r"[^\W\d_]{2,}", sent.text)
    return len(words) <= 6 and all(w.isupper() or _MONTH_WORD.match(w) for w in words)


_MONTH_WORD = re.compile(r"(?:январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр|декабр)\w*$", re.I)


def _tally(sent, lex) -> bool:
    return any(_has_seq(sent, cue) for cue in lex.PERIOD_CUES)


def _inspected(tok, lex) -> bool:
    """'осмотрел ход ремонтных работ': the thing inspected is work in progress (INSPECTED_WORK)."""
    return any(lemma(t) in lex.INSPECTED_WORK for t in tok.doc[tok.i + 1:min(tok.sent.end, tok.i + 5)])


def _inspected_how(ctx, tok, lex) -> bool:
    """'проинспектировал, как организован прием пациентов в поселках Верхняя Гутара и Нерха': an inspection
    verb with an indirect question after it ('…, как …') that names the settlement or facility inspected."""
    doc, sent = tok.doc, tok.sent
    nxt = [t for t in doc[tok.i + 1:min(sent.end, tok.i + 3)] if not t.is_space]
    if len(nxt) < 2 or nxt[0].text != "," or lemma(nxt[1]) != "как":
        return False
    clause = doc[nxt[1].i:sent.end]
    return any(lemma(t) in lex.OPENING_OBJECTS or lemma(t) in lex.FACILITY_LEMMAS for t in clause) or any(
        p.label_ == "Settlement" and clause.start <= p.start < clause.end for p in place_spans(ctx))


def _other_triggers(ctx: Ctx, lex):
    doc = ctx.doc
    out = []
    every = token_table(doc).lemma
    for sent in sentences(doc):
        lemmas = set(every[sent.start:sent.end])
        if lemmas & lex.SIGNING_VERBS:
            noun = next((t for t in sent if lemma(t) in lex.AGREEMENT_NOUNS), None)
            sign = next((t for t in sent if lemma(t) in lex.SIGNING_VERBS), None)
            if noun is not None and (sign.pos_ not in ("VERB", "AUX") or _past(sign)) \
                    and not _planned(sign) and not _planned(noun) and not _business_contract(noun, lex) \
                    and not _minutes(noun, lex):
                out.append(Trigger(doc[noun.i:noun.i + 1], "agreement_signing"))
        if lemmas & lex.VISIT_SUBJECTS and lemmas & lex.MOTION_VERBS:
            subj = next(t for t in sent if lemma(t) in lex.VISIT_SUBJECTS)
            out.append(Trigger(doc[subj.i:subj.i + 1], "visit"))
        elif lemmas & lex.ARRIVAL_VERBS:
            verb = next((t for t in sent if lemma(t) in lex.ARRIVAL_VERBS and t.pos_ in ("VERB", "AUX")), None)
            if verb is not None and _arrival(ctx, verb, lex):
                out.append(Trigger(doc[verb.i:verb.i + 1], "visit", True, True))
    return out


def _arrival(ctx, tok, lex) -> bool:
    """'Госсекретарь Гульшара Абдыкаликова прибыла в Южно-Казахстанскую область', 'В Туву прибыл министр …',
    'губернатор приехал в больницу вместе с министром': an official (a person named, or an official's role of
    STANDALONE_ROLES in the nominative, in the verb's clause) arriving (ARRIVAL_VERBS, in the past) at a
    region, a town or a facility (в/во/на + the accusative) made a visit. Not 'два врача приехали работать'
    (no official; an infinitive after the verb), 'в больницу приехал представитель страховой компании', 'прибыл
    из Самары' (no destination), 'На открытие приехал аким' (an event attended)."""
    doc = tok.doc
    if not _past(tok) or _future_form(tok) or _planned(tok) or _event_object(tok, lex):
        return False
    clause = _clause(doc[tok.i:tok.i + 1])
    if any(t.morph.get("VerbForm") == ["Inf"] for t in doc[tok.i + 1:clause.end]):
        return False                                   # 'приехали работать в больницу': came to work there
    official = any(clause.start <= ent.start < clause.end and ent[-1].morph.get("Case") in (["Nom"], [])
                   for ent, _ in ctx.notes.get("persons", [])) or any(
        clause.start <= span.start < clause.end and role in lex.STANDALONE_ROLES and role != "representative"
        and span[0].morph.get("Case") == ["Nom"] for span, role in trigger_spans(doc, "hc_roles"))
    if not official:
        return False
    places = {p.start for p in place_spans(ctx) if p.label_ in ("Region", "Settlement", "Country")}
    for t in clause:
        if t.text.lower() not in ("в", "во", "на") or t.i + 1 >= clause.end:
            continue
        j = t.i + 1
        while j < clause.end - 1 and doc[j].pos_ == "ADJ":
            j += 1
        head = doc[j]
        if "Acc" not in head.morph.get("Case") or head.pos_ not in ("NOUN", "PROPN"):
            continue
        if t.i + 1 in places or j in places or lemma(head) in lex.FACILITY_LEMMAS or lemma(head) in lex.OPENING_OBJECTS:
            return True
    return False


def _minutes(noun, lex) -> bool:
    """'протокол заседания', 'протокол совещания': the minutes of a sitting, not an agreement."""
    doc = noun.doc
    nxt = next((t for t in doc[noun.i + 1:min(noun.sent.end, noun.i + 4)] if t.pos_ in ("NOUN", "PROPN")), None)
    return lemma(noun) == "протокол" and nxt is not None and lemma(nxt) in lex.EVENT_HEADS


def _business_contract(noun, lex) -> bool:
    """'заключен договор по выкупу здания', 'подписали договор на поставку томографа', 'трудовой договор': a
    contract to buy, sell, lease, build or employ is business, not an agreement between parties (CONTRACT_PURPOSES:
    the first noun after 'договор', past prepositions and adjectives, or an adjective before it)."""
    if lemma(noun) != "договор":
        return False
    doc = noun.doc
    if any(lemma(t) in lex.CONTRACT_PURPOSES for t in doc[adjectives_before(doc, noun.i):noun.i]):
        return True
    for t in doc[noun.i + 1:min(noun.sent.end, noun.i + 5)]:
        if t.pos_ in ("ADP", "ADJ") or t.is_space:
            continue
        return lemma(t) in lex.CONTRACT_PURPOSES
    return False


def _planned(tok, window: int = 8) -> bool:
    """A plan or invitation cue in the trigger's own clause ('пригласил … с ответным визитом', 'договорились
    о подписании'); a clause boundary (a comma, 'что') ends the search."""
    cues = load_lexicon("ru").EVENT_NOT_CUES
    for t in reversed(tok.doc[max(tok.sent.start, tok.i - window):tok.i]):
        if lemma(t) in ("что", "чтобы", "который", "где", "когда"):
            return False                               # a list's comma does not end the clause
        if lemma(t) in cues or t.text.lower() in cues:
            return True
    return False


CHECKED = {"opening", "visit", "working_trip", "inspection", "meeting", "reception"}


def _triggers(ctx: Ctx, lex):
    found = _noun_triggers(ctx, lex) + _verb_triggers(ctx, lex) + _other_triggers(ctx, lex)
    out = []
    for t in found:
        if not ctx.live(t.span):
            continue
        if (t.verb or t.kind in CHECKED) and _planned(t.span[0]) and not (not t.verb and _expected_today(t.span[0])):
            continue
        if not t.verb and t.kind in CHECKED and _future_verb(t.span[0]) and not _day_named(t.span.sent) \
                and not _announced_visit(ctx, t.span[0], t.kind, lex) and not _announced_host(ctx, t.span[0], lex):
            continue                                   # "проведем совещание": announced, no day, not held
        if not t.verb and (t.kind in CHECKED or t.kind in lex.GATHERINGS) and _upcoming(t.span) \
                and not _day_named(t.span.sent):
            continue                                   # 'накануне визита', 'встреча, которая пройдет …'
        if t.verb and t.kind == "opening" and _other_year(ctx, _clause(t.span)):
            continue                                   # 'здание было введено в эксплуатацию в 2020 году': history
        if not t.verb and t.kind in _family("visit", lex) and _time_frame(t.span, lex):
            continue                                   # 'Перед приездом в Вологду он работал …': a time, not news
        if not t.verb and (t.kind in CHECKED or t.kind in lex.GATHERINGS) and (_ordered(t.span) or _habitual(t.span)):
            continue                                   # 'поручил провести совещание', '… проводится каждую неделю'
        if not t.verb and t.kind not in lex.NEEDS_TITLE and _programme_part(t.span, lex) \
                and not _day_named(t.span.sent):
            continue                                   # 'в рамках конгресса пройдет … — пленарное заседание'
        out.append(t)
    return out


_DAY_RE = re.compile(r"\b\d{1,2}\s+(?:январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр|декабр)"
                     r"|\b\d{1,2}\.\d{1,2}\.\d{2,4}\b", re.I)


_MONTH_RE = re.compile(r"\bв\s+(?:январе|феврале|марте|апреле|мае|июне|июле|августе|сентябре|октябре|ноябре|декабре)\b",
                       re.I)


_BEFORE = (("накануне",), ("в", "преддверии"), ("в", "преддверие"))


def _upcoming(span) -> bool:
    """An event still to come: 'накануне визита', 'в преддверии форума'; 'встреча, которая пройдет …';
    'В рамках конференции пройдёт конкурс' (the sentence's verb right after it in the future)."""
    doc = span.doc
    k = _modifiers_before(doc, span.start)
    words = tuple(t.text.lower() for t in doc[max(span.sent.start, k - 2):k])
    if any(words[-len(b):] == b for b in _BEFORE):
        return True
    after = [t for t in doc[span.end:min(span.sent.end, span.end + 6)] if not t.is_space]
    if after and after[0].text == ",":
        after = after[1:]
        if not (after and lemma(after[0]) == "который"):
            return False
        after = after[1:]
    nxt = next((t for t in after[:3] if t.pos_ in ("VERB", "AUX")), None)
    return nxt is not None and (nxt.morph.get("Tense") == ["Fut"] or nxt.text.lower() in ("будет", "будут"))


def _clause(span):
    """The stretch of the span's sentence between the commas, semicolons or dashes around it."""
    doc, sent = span.doc, span.sent
    bounds = (",", ";", "—", "–")
    left = next((t.i + 1 for t in reversed(doc[sent.start:span.start]) if t.text in bounds), sent.start)
    right = next((t.i for t in doc[span.end:sent.end] if t.text in bounds), sent.end)
    return doc[left:right]


def _time_frame(span, lex) -> bool:
    """'Перед приездом в Вологодскую область он был заведующим …', 'до переезда': a trip named as the time of
    something else (TRIP_TIME_PREPS right before it, adjectives allowed) is not told as news."""
    k = _modifiers_before(span.doc, span.start)
    return k > 0 and span.doc[k - 1].text.lower() in lex.TRIP_TIME_PREPS


def _programme_part(span, lex) -> bool:
    """'Всего в рамках конгресса пройдет около 50 мероприятий — пленарное заседание, дискуссии …', 'В программе
    форума будут круглые столы и пленарная сессия': a gathering listed as a part of another event's programme
    ('в рамках' / 'в программе' + an event noun) by a sentence in the future is a plan of its parts, not an
    event of its own."""
    doc, sent = span.doc, span.sent
    frame = None
    for t in sent:
        if t.i + 2 < sent.end and lemma(t) == "в" and lemma(doc[t.i + 1]) in ("рамка", "программа") \
                and lemma(doc[t.i + 2]) in lex.EVENT_HEADS and not (span.start <= t.i + 2 < span.end):
            frame = t.i
            break
    if frame is None:
        return False
    return any(t.pos_ in ("VERB", "AUX") and (t.morph.get("Tense") == ["Fut"] or t.text.lower() in ("будет", "будут"))
               for t in sent)


def _ordered(span) -> bool:
    """'поручил провести совещание', 'решено организовать встречу': the object of an infinitive is yet to be."""
    doc = span.doc
    k = _modifiers_before(doc, span.start)
    for t in reversed(doc[max(span.sent.start, k - 2):k]):
        if t.morph.get("VerbForm") == ["Inf"]:
            return True
        if t.pos_ not in ("ADV", "PART", "PRON"):
            return False
    return False


_EVERY = re.compile(r"\b(?:кажд(?:ую|ый|ое|ые)\s+(?:неделю|месяц|год|день|понедельник|вторник|среду|четверг|пятницу|квартал)"
                    r"|еженедельно|ежемесячно|ежедневно|ежеквартально|регулярно|раз\s+в\s+(?:неделю|месяц|год|квартал)"
                    r"|по\s+(?:понедельникам|вторникам|средам|четвергам|пятницам))\b", re.I)


def _habitual(span) -> bool:
    """'совещание … проводится каждую неделю', 'встречи с жителями проходят регулярно': a routine, not an
    event; unless the sentence reports one in the past ('прошло очередное еженедельное совещание')."""
    sent, doc = span.sent, span.doc
    if not _EVERY.search(sent.text):
        return False
    bounds = (",", ";", ":", "что")
    left = next((t.i + 1 for t in reversed(doc[sent.start:span.start]) if t.text.lower() in bounds), sent.start)
    right = next((t.i for t in doc[span.end:sent.end] if t.text.lower() in bounds), sent.end)
    return not any(t.pos_ in ("VERB", "AUX") and t.morph.get("Tense") == ["Past"] for t in doc[left:right])


def _day_named(sent) -> bool:
    return bool(_DAY_RE.search(sent.text)) or any(t.text.lower() == "сегодня" for t in sent)


def _expected_today(tok, window: int = 8) -> bool:
    """'Сегодня ожидается рабочая поездка министра …': an event expected on the day the news is written is
    under way, not a plan."""
    before = tok.doc[max(tok.sent.start, tok.i - window):tok.i]
    return any(t.text.lower() == "сегодня" for t in tok.sent) and any(lemma(t) == "ожидаться" for t in before) \
        and not any(lemma(t) in load_lexicon("ru").EVENT_NOT_CUES and lemma(t) != "ожидаться" for t in before)


def _future_verb(tok, window: int = 3) -> bool:
    doc = tok.doc
    return any(t.morph.get("Tense") == ["Fut"] or t.text.lower() in ("будет", "будут") or _future_form(t)
               for t in doc[max(tok.sent.start, tok.i - window):tok.i] if t.pos_ in ("VERB", "AUX"))


def _body_name(trigger) -> bool:
    """'в Конгрессе США', 'Совещание' mid-sentence with a capital: the name of a body, not an event."""
    tok = trigger[0]
    return len(trigger) == 1 and tok.text[:1].isupper() and tok.i != tok.sent.start and \
        not (tok.i > 0 and (tok.doc[tok.i - 1].text in "«\"" or tok.doc[tok.i - 1].pos_ == "ADJ"))


# ---------------------------------------------------------------- clusters

def collect_events(ctx: Ctx, lex) -> None:
    """First pass (before organizations): find event mentions and reserve their quoted titles. (Kazakh events
    are found in one pass, by ``emit_events``.)"""
    if lex.lang == "kk":
        return
    doc = ctx.doc
    clusters: list[Cluster] = []
    titles = []
    # the settlements by start, once (not a scan of the article's places per trigger)
    settlements = sorted(((p.start, n, p) for n, p in enumerate(place_spans(ctx)) if p.label_ == "Settlement"),
                         key=lambda x: x[0])
    starts = [x[0] for x in settlements]
    for trig in sorted(_triggers(ctx, lex), key=lambda x: x.span.start):
        trigger, kind = trig.span, trig.kind
        if trig.verb:
            name, title = None, None
        else:
            start = _modifiers_before(doc, trigger.start)
            end = _topic(doc, extend_genitive(doc, trigger.end, limit=5, stop=_subject_roles(doc, trigger, lex)),
                         kind, lex)
            title = quote_after(doc, trigger.end - 1) or quote_after(doc, end - 1)
            if title is not None and _quotation(title):
                title = None
            name = doc[start:end]
        if kind in lex.NEEDS_TITLE and (title is None or _in_event_title(doc, start, lex)):
            continue
        if kind in lex.FRAMEWORK_KINDS and not _framework_news(doc, start, trigger):
            while title is not None:                   # its titles stay reserved: a programme is no body
                titles.append(title)
                title = _coordinated_title(doc, title)
            continue
        if kind in lex.NEEDS_ANCHOR and title is None and not trig.verb and not _anchored(ctx, trigger):
            continue
        if title is not None:
            titles.append(title)
        sent = trigger.sent
        here = [p for _, _, p in sorted(settlements[bisect_left(starts, sent.start):bisect_left(starts, sent.end)],
                                        key=lambda x: x[1])]
        where = {p.id_ for p in here if _destination(doc, p)}
        _assign(clusters, Cluster(kind, [trigger], name, title, sents=[trigger.sent], strong=trig.strong,
                                  kinds=[kind], verb=trig.verb, where=where, named={p.id_ for p in here}), lex)
        while title is not None and kind in lex.NEEDS_TITLE:   # 'нацпроектов «А» и «Б»': two programmes
            title = _coordinated_title(doc, title)
            if title is not None:
                titles.append(title)
                _assign(clusters, Cluster(kind, [title], name, title, sents=[title.sent], strong=True,
                                          kinds=[kind]), lex)
    ctx.notes["event_clusters"] = _fold_parts(ctx, _fold_synonyms(_fold_framed(_fold_opened_visits(
        _fold_anaphors(_fold_relative([c for c in clusters if c.strong], lex), lex)), lex), lex), lex)
    ctx.notes["event_titles"] = titles


def _generic(c, lex) -> bool:
    """A cluster told only by a generic event noun ('торжественная церемония', 'церемония передачи ключа';
    EVENT_ANAPHORS, no title)."""
    return c.title is None and all(len(t) == 1 and lemma(t[0]) in lex.EVENT_ANAPHORS for t in c.triggers)


def _fold_anaphors(clusters, lex):
    """'Состоялась церемония открытия … Церемонию провел Владимир Путин', 'В торжественной церемонии
    участвовали …': a generic event noun (_generic) is the event a 'церемония …' of the article named
    (one), else the article's one other event, else its one meeting; with none it is a ceremony of its own
    ('вручил ключи на церемонии')."""
    generic = [c for c in clusters if _generic(c, lex)]
    if not generic:
        return clusters
    others = [c for c in clusters if c not in generic and c.kind not in lex.FRAMEWORK_KINDS]
    named = list({id(c): c for c in others for t in c.triggers
                  if t.start > 0 and lemma(t.doc[t.start - 1]) in lex.EVENT_ANAPHORS}.values())
    meetings = [c for c in others if c.kind == "meeting"]
    target = named[0] if len(named) == 1 else others[0] if len(others) == 1 else \
        meetings[0] if len(meetings) == 1 and not named else None
    if target is None:
        return clusters
    for c in generic:
        _absorb(target, c, kinds=False)
    return [c for c in clusters if c not in generic]


def _fold_relative(clusters, lex):
    """'проведено выездное заседание, в ходе которого посетили медицинские учреждения': a visit told by a verb
    in a clause 'в ходе которого' / 'во время которого' that follows another event's noun is part of that
    event (its people took part in it), not an event of its own."""
    out = []
    for c in clusters:
        host = None
        if c.kind in _family("visit", lex) and c.verb and c.title is None:
            hosts = [_during_which(t, clusters, lex) for t in c.triggers]
            if hosts and all(h is not None and h is hosts[0] and h is not c for h in hosts):
                host = hosts[0]
        if host is not None:
            _absorb(host, c, kinds=False)
            continue
        out.append(c)
    return out


def _during_which(trigger, clusters, lex):
    """The cluster whose noun stands right before the clause 'в ходе которого …' holding ``trigger``."""
    doc, tok = trigger.doc, trigger[0]
    if tok.pos_ not in ("VERB", "AUX"):
        return None
    comma = next((t for t in reversed(doc[tok.sent.start:tok.i]) if t.text == ","), None)
    if comma is None or comma.i == tok.sent.start:
        return None
    words = tuple(lemma(t) for t in doc[comma.i + 1:comma.i + 4])
    if words not in lex.DURING_WHICH or any(t.pos_ in ("VERB", "AUX") for t in doc[comma.i + 4:tok.i]):
        return None
    before = comma.i - 1
    return next((k for k in clusters for t in k.triggers if t[0].pos_ in ("NOUN", "PROPN", "ADJ")
                 and t.start <= before < t.end), None)


def _subject_roles(doc, trigger, lex) -> set:
    """'По итогу встречи Глава Тувы Владислав Ховалыг отметил …': a role word in the nominative after an event
    noun begins the sentence's subject; the event's name stops before it."""
    roles = {k[0] for k in lex.ROLES}
    return {t.i for t in doc[trigger.end:min(trigger.sent.end, trigger.end + 5)]
            if lemma(t) in roles and t.morph.get("Case") == ["Nom"]}


def _fold_opened_visits(clusters):
    """'… открылась новая амбулатория. Объект посетил аким области …': a visit to a bare 'объект' /
    'учреждение' after the article's one opening is the opening attended, not a visit of its own."""
    openings = [c for c in clusters if c.kind == "opening"]
    if len(openings) != 1:
        return clusters
    opening, out = openings[0], []
    for c in clusters:
        if c.kind in ("visit", "inspection") and c.verb and c.title is None \
                and all(t[0].pos_ in ("VERB", "AUX") and t.start > opening.triggers[0].start and _to_object(t)
                        for t in c.triggers):
            _absorb(opening, c)
            continue
        out.append(c)
    return out


def _absorb(into, c, kinds: bool = True) -> None:
    """Cluster ``c`` told again: its triggers and sentences (and its kinds) join ``into``."""
    into.triggers += c.triggers
    into.sents += c.sents
    if kinds:
        into.kinds += c.kinds


def _to_object(trigger) -> bool:
    """The verb's object is a bare 'объект' / 'учреждение' / 'здание' (OPENED_ANAPHORS; 'этот', 'новый'
    allowed) next to it."""
    doc, tok = trigger.doc, trigger[0]
    for t in doc[max(tok.sent.start, tok.i - 4):min(tok.sent.end, tok.i + 5)]:
        if lemma(t) in load_lexicon("ru").OPENED_ANAPHORS and "Acc" in t.morph.get("Case") and t.i != tok.i \
                and all(lemma(a) in ("этот", "новый", "данный", "тот") or a.morph.get("VerbForm") == ["Part"]
                        for a in doc[adjectives_before(doc, t.i):t.i]) \
                and extend_genitive(doc, t.i + 1, limit=5) == t.i + 1:
            return True
    return False


def _fold_framed(clusters, lex):
    """'В ходе встречи …', 'по окончании совещания …' (a bare meeting noun after a frame of EVENT_FRAMES) in
    an article with one working trip or visit: the meeting the trip held, told again, not an event of its own;
    so is a meeting told by a verb in a sentence of the trip ('посетили …, встретились с коллективом')."""
    family = _family("visit", lex)
    trips = [c for c in clusters if c.kind in family]
    if len(trips) != 1:
        return clusters
    trip, out = trips[0], []
    trip_sents = {t.sent.start for t in trip.triggers}
    for c in clusters:
        if c is not trip and c.kind == "meeting" and c.title is None and (
                all(_framed(c, t, lex) for t in c.triggers)
                or any(t[0].pos_ in ("VERB", "AUX") and t.sent.start in trip_sents for t in c.triggers)):
            #   'посетили дома ветеранов, встретились с коллективами': the trip's own meeting, one predicate of many
            _absorb(trip, c, kinds=False)
            continue
        out.append(c)
    return out


_REFERRING = {"этот", "данный", "тот", "нынешний", "наш", "сам", "такой"}


def _fold_synonyms(clusters, lex):
    """'Желающих принять участие в форуме оказалось больше … I конгресс «…» пройдет в Томске': in an article
    with exactly one titled or named congress / forum / conference (SYNONYM_GATHERINGS), a bare one of these
    kinds ('форум', 'этот форум'; no title, no name, no topic), before or after it, is that gathering again."""
    big = [c for c in clusters if c.kind in lex.SYNONYM_GATHERINGS]
    named = [c for c in big if c.title is not None or _proper(c.name, c.triggers[0])]
    if len(named) != 1:
        return clusters
    main, out = named[0], []
    for c in clusters:
        if c in big and c is not main and c.title is None and all(_bare(c, t) for t in c.triggers):
            _absorb(main, c)
            continue
        out.append(c)
    return out


def _fold_parts(ctx, clusters, lex):
    """'По окончании пленарного заседания делегаты форума …', 'Выставочную экспозицию посетили министр …': in
    an article with exactly one congress / forum / conference (SYNONYM_GATHERINGS), a plenary with no title and
    no date of its own, and a visit to one of its parts (GATHERING_PARTS: its exhibition, stand, section) are
    that gathering's own parts: their people took part in it, not in an event of their own. (A plenary with
    its own day stays a sub-event: '20 ноября — пленарное заседание'.)"""
    big = [c for c in clusters if c.kind in lex.SYNONYM_GATHERINGS]
    if len(big) != 1:
        return clusters
    main, out = big[0], []
    for c in clusters:
        if c is not main and c.title is None and (
                (c.kind == "plenary" and not any(_dates_in(ctx, sent) for sent in c.sents))
                or (c.kind in _family("visit", lex) and c.verb
                    and all(t[0].pos_ in ("VERB", "AUX") and _visits_part(t[0], lex) for t in c.triggers))):
            _absorb(main, c, kinds=False)
            continue
        out.append(c)
    return out


def _visits_part(tok, lex) -> bool:
    """The visit verb's nearest noun (before or after it, in its clause) is a part of a gathering."""
    doc = tok.doc
    before = next((t for t in reversed(doc[max(tok.sent.start, tok.i - 3):tok.i]) if t.pos_ in ("NOUN", "PROPN")
                   or t.text in ",;:"), None)
    after = next((t for t in doc[tok.i + 1:min(tok.sent.end, tok.i + 4)] if t.pos_ in ("NOUN", "PROPN")
                  or t.text in ",;:"), None)
    return any(t is not None and lemma(t) in lex.GATHERING_PARTS for t in (before, after))


def _bare(c, trigger) -> bool:
    """The trigger noun alone, or with a referring word only ('этот форум')."""
    if len(trigger) != 1 or trigger[0].pos_ != "NOUN":
        return False
    doc = trigger.doc
    extra = [t for t in (c.name if c.name is not None and trigger.start >= c.name.start
                         and trigger.end <= c.name.end else [trigger[0]]) if t.i != trigger.start]
    if any(lemma(t) not in _REFERRING for t in extra) or \
            (trigger.end < len(doc) and lemma(doc[trigger.end]) in ("по", "о", "об", "«")):
        return False
    return True


def _framed(c, trigger, lex) -> bool:
    doc = trigger.doc
    if len(trigger) != 1 or (c.name is not None and len(c.name) != 1) or \
            (trigger.end < len(doc) and lemma(doc[trigger.end]) in ("с", "со", "о", "об", "по")):
        return False                                   # 'в ходе встречи с жителями': a meeting of its own
    for seq in lex.EVENT_FRAMES:
        n = len(seq)
        if trigger.start >= n and tuple(lemma(t) for t in doc[trigger.start - n:trigger.start]) == tuple(seq):
            return True
    return False


def _quotation(title) -> bool:
    """'этот визит «вызывает сожаление»': quoted words that begin in lower case are a quotation, not a name."""
    first = next((t for t in title if t.text[:1].isalpha()), None)
    return first is not None and first.text[:1].islower()


def _coordinated_title(doc, title):
    """The quoted title right after «title» and 'и' or a comma, if any."""
    j = title.end + 1                                  # past the closing quote
    while j < len(doc) and doc[j].is_space:
        j += 1
    if j < len(doc) and (lemma(doc[j]) == "и" or doc[j].text == ","):
        return quote_after(doc, j)
    return None


def _framework_news(doc, start: int, trigger) -> bool:
    """'Стартовал пилотный проект «…»', 'Минздрав запустил программу «…»': a programme is news when its sentence
    reports it as such — its noun the subject or object of its own clause (nominative or accusative, no
    preposition before it) with a verb in the past there. 'в рамках нацпроекта «…»', 'по программе «…»',
    'благодаря программе', 'победители проекта', 'реализуется программа' name the framework of something else
    or a programme under way, not an event."""
    head = trigger[-1]
    if not set(head.morph.get("Case")) & {"Nom", "Acc"}:
        return False
    if start > 0 and doc[start - 1].pos_ == "ADP":
        return False
    sent = trigger.sent
    bounds = (",", ";", ":", "—", "–")
    left = next((t.i + 1 for t in reversed(doc[sent.start:start]) if t.text in bounds), sent.start)
    right = next((t.i for t in doc[trigger.end:sent.end] if t.text in bounds and not _in_quotes(doc, t.i)),
                 sent.end)
    return any(t.pos_ in ("VERB", "AUX") and t.morph.get("Tense") == ["Past"] for t in doc[left:right])


def _in_quotes(doc, i: int) -> bool:
    """Token ``i`` lies inside «…» opened before it in its sentence."""
    depth = 0
    for t in doc[doc[i].sent.start:i]:
        if t.text in "«„“":
            depth += 1
        elif t.text == "»" and depth:
            depth -= 1
    return depth > 0


def _in_event_title(doc, start: int, lex) -> bool:
    """'пленарная сессия «Национальные проекты «Демография», «Здравоохранение»»': programme words that open
    the quoted title of a gathering name the gathering's theme, not programmes of their own."""
    return start >= 2 and doc[start - 1].text in "«\"„“" and lemma(doc[start - 2]) in lex.EVENT_HEADS


def _modifiers_before(doc, start: int) -> int:
    """Adjectives and participles before a trigger: 'расширенная коллегия', 'XVI Всероссийский конгресс'."""
    i = adjectives_before(doc, start)
    while i > 0 and doc[i - 1].morph.get("VerbForm") == ["Part"] and doc[i - 1].morph.get("Case") \
            and doc[i - 1].morph.get("Case") == doc[start].morph.get("Case"):
        i = adjectives_before(doc, i - 1)
    return i


def _topic(doc, end: int, kind, lex) -> int:
    """A meeting's subject after о/об/по: 'коллегия [об итогах деятельности министерства …]'; what any
    gathering honours: 'праздничное мероприятие [в честь Дня медицинского работника]'."""
    if end + 2 < len(doc) and lemma(doc[end]) == "в" and lemma(doc[end + 1]) == "честь":
        return extend_genitive(doc, end + 2, limit=5)
    if kind not in lex.TOPIC_KINDS or end >= len(doc) or lemma(doc[end]) not in ("о", "об", "по"):
        return end
    j = end + 1
    while j < len(doc) and doc[j].pos_ == "ADJ":
        j += 1
    if j < len(doc) and doc[j].pos_ == "NOUN":
        return extend_genitive(doc, j + 1, limit=5)
    return end


def _anchored(ctx, trigger) -> bool:
    """'визит в Москву 5 мая' is an event; 'поблагодарил за визит' is not one of its own."""
    sent = trigger.sent
    places = [s for s in place_spans(ctx) if sent.start <= s.start < sent.end
              and (s.start > trigger.start or _destination(ctx.doc, s))
              and s.label_ in ("Settlement", "Region", "Country")]
    return bool(places or _dates_in(ctx, sent)) or _attended(ctx, trigger) or _decided_at(trigger, load_lexicon("ru")) \
        or _held(trigger)


def _held(trigger) -> bool:
    """'Депутатами маслихата проведено выездное заседание', 'заседание прошло в режиме видеосвязи': a sitting
    whose own clause says, in the past, that it was held (HELD_WORDS) took place."""
    return any(lemma(t) in load_lexicon("ru").HELD_WORDS and _past(t) and (t.pos_ in ("VERB", "AUX") or t.morph.get("VerbForm") == ["Part"])
               for t in _clause(trigger))


def _decided_at(trigger, lex) -> bool:
    """'Решение принято на заседании Президиума правительства', 'на совещании утвердили план': a sitting at
    which something was decided in the past (DECISION_VERBS, past tense or past participle) or said
    (SAID_AT_VERBS, past: 'Об этом на заседании комитета заявила министр') took place."""
    doc = trigger.doc
    k = _modifiers_before(doc, trigger.start)
    if k == 0 or doc[k - 1].text.lower() != "на":
        return False
    if any(lemma(t) in lex.DECISION_VERBS and _past(t) and (t.pos_ in ("VERB", "AUX") or
                                                            t.morph.get("VerbForm") == ["Part"])
           for t in trigger.sent):
        return True
    # 'Об этом на заседании комитета заявила министр', 'стало известно на сессии': something said there
    said = [t for t in trigger.sent if lemma(t) in lex.SAID_AT_VERBS]
    return any((t.pos_ in ("VERB", "AUX") and _past(t)) or
               (lemma(t) == "известный" and any(lemma(v) == "стать" and _past(v) for v in trigger.sent))
               for t in said)


def _attended(ctx, trigger) -> bool:
    """'Об этом глава региона объявил во время заседания совета': a sitting framed as the moment someone
    named in its sentence did something in the past is one that took place."""
    doc, lex = ctx.doc, load_lexicon("ru")
    k = _modifiers_before(doc, trigger.start)
    framed = any(k >= len(seq) and tuple(lemma(t) for t in doc[k - len(seq):k]) == tuple(seq)
                 for seq in lex.EVENT_FRAMES if seq != ("после",))
    if not framed:
        return False
    sent = trigger.sent
    verb = any(t.pos_ in ("VERB", "AUX") and t.morph.get("Tense") == ["Past"] for t in sent)
    return verb and _actor(ctx, sent, lex)


def _proper(name, trigger) -> bool:
    """A named event ('XVI Всероссийский конгресс пациентов'), not a capitalised sentence start
    ('Расширенная коллегия …')."""
    if name is None or name.start >= trigger.start or not name[0].text[:1].isupper():
        return False
    first = name[0]
    if first.i == first.sent.start or (first.i > 0 and first.doc[first.i - 1].text in "\n"):
        doc = name.doc
        return any(t.text[:1].isupper() for t in doc[first.i + 1:trigger.start]) or lemma(first).endswith("ский") \
            or first.text[:1].isdigit() or first.text.isupper()
    return True


def _norm(span):
    return normalize_key(span.text) if span is not None else None


def _family(kind, lex):
    return next((f for f in lex.EVENT_FAMILIES if kind in f), (kind,))


def _assign(clusters: list[Cluster], new: Cluster, lex) -> None:
    family = _family(new.kind, lex)
    into = lex.MERGES_INTO.get(new.kind, ())
    bare = new.name is not None and len(new.name) == len(new.triggers[0]) and \
        lemma(new.triggers[0][0]) in lex.ANAPHORIC_NOUNS
    same = [c for c in clusters if (c.kind in family or (c.kind in into and bare)) and _generic(c, lex) == _generic(new, lex)]
    for c in same:                                     # a bare 'церемония' waits for _fold_anaphors
        if new.kind in lex.PLACED_KINDS and new.where and c.where and not new.where & c.where \
                and not new.where & c.named and not c.where & new.named:
            continue                                   # 'открылась … в Туле', 'открылась … в Алексине': two
            #   ('в Кировском районе открылась …' and 'в селе Путилово Кировского района открылась …': one)
        if new.title is None or c.title is None or _norm(c.title) == _norm(new.title):
            _absorb(c, new)
            c.title = c.title or new.title
            c.strong = c.strong or new.strong
            c.where |= new.where
            c.named |= new.named
            c.verb = c.verb or new.verb
            if c.kind in family:
                c.kind = min(c.kind, new.kind, key=family.index)
            if _proper(new.name, new.triggers[0]) and not _proper(c.name, c.triggers[0]):
                c.name = new.name
            elif c.name is None or (new.name is not None and len(new.name) > len(c.name)
                                    and not _proper(c.name, c.triggers[0]) and new.kind == c.kind):
                c.name = new.name
            return
    clusters.append(new)


def _dates_in(ctx: Ctx, sent):
    text = doc_text(ctx.doc)
    out = []
    for d in ctx.notes.get("dates", []):
        if sent.start_char <= d.begin < sent.end_char:
            before = text[max(sent.start_char, d.begin - 12):d.begin].split()
            if before and before[-1].lower() in load_lexicon(ctx.lang).DEADLINE_PREPS:
                continue                                 # 'к 15 сентября' is a deadline
            out.append(d)
    return out


def _date(ctx: Ctx, c: Cluster, lex, previous) -> None:
    for trigger, sent in zip(c.triggers, c.sents):
        sent = _through_title(c, trigger, sent)
        ds = _dates_in(ctx, sent)
        if ds:
            d = min(ds, key=lambda d: abs(d.begin - trigger.start_char))
            if c.start is None or (d.end_date and not c.end):
                c.start, c.end = _forward(ctx, d, sent)
        elif c.start is None and any(_has_seq(sent, seq) for seq in lex.SAME_DAY) and previous:
            c.start = previous
    lead = ctx.notes.get("lead")
    if c.start is None and lead is not None and any(s.start == lead.start for s in c.sents) \
            and not any(_has_seq(lead, cue) for cue in lex.EARLIER_CUES) and not _other_year(ctx, lead) \
            and not any(_told_future(t) for t in c.triggers):
        c.start = ctx.ref_date                       # the lead's event happened on the article's date


def _told_future(trigger) -> bool:
    """'посетит поликлинику', 'нанесёт рабочий визит': an announced event did not happen on the article's day."""
    tok = trigger[0]
    if tok.pos_ in ("VERB", "AUX"):
        return tok.morph.get("Tense") == ["Fut"] or _future_form(tok)
    return _future_verb(tok)


def _through_title(c: Cluster, trigger, sent):
    """'I конгресс «Здравоохранение России. Технологии …» пройдет в Томске 5-7 ноября': a full stop inside the
    quoted title split the sentence; the trigger's sentence runs on to the sentence where its title closes."""
    title = c.title
    if title is None or not (sent.start <= title.start < sent.end) or title.end <= sent.end \
            or title.start - trigger.end > 8 or title.start < trigger.start:
        return sent
    doc = sent.doc
    last = doc[min(title.end, len(doc) - 1)].sent
    return doc[sent.start:last.end]


def _other_year(ctx, sent) -> bool:
    """'посетил больницу в 2019 году': the lead names a year that is not the article's."""
    ref = (ctx.ref_date or "")[:4]
    for m in re.finditer(r"\bв\s+((?:19|20)\d\d)\s*(?:году|г\.)", sent.text):
        before = sent.text[max(0, m.start() - 40):m.start()].lower()
        if m.group(1) != ref and not any(w in before for w in ("итог", "работ", "план")):
            return True                                # not 'по итогам работы в 2025 году' (a period)
    return False


def _forward(ctx, d, sent):
    """A yearless day in a sentence about the future ('состоится 22–23 октября') is the next such day."""
    start, end = d.start, d.end_date
    ref = ctx.ref_date
    future = any(t.morph.get("Tense") == ["Fut"] for t in sent)
    if d.inferred and future and ref and len(start) == 10 and start < ref[:10]:
        start = f"{int(start[:4]) + 1:04d}{start[4:]}"
        end = f"{int(end[:4]) + 1:04d}{end[4:]}" if end else None
    return start, end


def _has_seq(sent, seq) -> bool:
    table = token_table(sent.doc)
    toks = [table.lemma[j] for j in range(sent.start, sent.end) if not table.space[j]]
    n = len(seq)
    return any(tuple(toks[i:i + n]) == seq for i in range(len(toks) - n + 1))


# ---------------------------------------------------------------- emit

def emit_events(ctx: Ctx, lex) -> None:
    if lex.lang == "kk":
        return extract_events_kk(ctx, lex)
    clusters = ctx.notes.get("event_clusters", [])
    previous = None
    keyed = []
    for c in clusters:
        _date(ctx, c, lex, previous)
        previous = c.start or previous
        place, obj = _place(ctx, c, lex)
        # a programme has no participants: the people of its sentence took part in something else
        people = _participants(ctx, c, lex, clusters) if c.kind != "programme" else []
        for key in _facility_heads(ctx, c, obj, lex):
            if key not in people:
                people.append(key)
        if c.kind == "agreement_signing":
            people, place = _inherit(keyed, c, people, place)
        key = _key(ctx, c, lex, place)
        keyed.append((c, key, place, people, obj))
    keyed = _sole_official(ctx, _trip_host(keyed, lex))
    parents = _sub_events(ctx, keyed)
    done = []
    for c, key, place, people, obj in keyed:
        place = place or _place_from_parts(ctx, key, keyed, parents) or _article_region(ctx, c)
        done.append((c, key, place, people, obj))
    for c, key, place, people, obj in done:
        _write(ctx, lex, c, key, place, people, obj)


def _facility_heads(ctx, c, obj, lex) -> list:
    """'Министр посетил Белинскую районную больницу … «…», – отметил главный врач больницы Андрей Панин': the
    head of the facility a visit or inspection went to (a post in it with a VISIT_HOST_ROLES role, holder named
    in the article after the visit's first sentence) received the visitor: a participant."""
    if c.kind not in _family("visit", lex):
        return []
    facilities = [(s, k) for s, k, cls in ctx.notes.get("facilities", []) if cls != "Venue"]
    visited = {k for s, k in facilities if obj is not None and (s.start <= obj.start < s.end
                                                              or obj.start <= s.start < obj.end)}
    for trigger in c.triggers:                         # each telling's facility after its trigger
        visited |= {k for s, k in facilities if trigger.start < s.start < trigger.sent.end}
    if not visited:
        return []
    facts = list(ctx.facts.values())
    posts = {f.subject for f in facts if f.prop == "hc:postIn" and f.value in visited}
    hosts = {f.subject for f in facts if f.subject in posts and f.prop == "hc:postRole"
             and f.value.split(":", 1)[-1] in lex.VISIT_HOST_ROLES}
    holders = {f.subject for f in facts if f.prop == "hc:holdsPost" and f.value in hosts}
    first = min(s.start for s in c.sents)
    return list(dict.fromkeys(key for ent, key in ctx.notes.get("persons", []) if key in holders
                              and ent.start >= first))


def _trip_host(keyed, lex):
    """'Главной темой совещания с активом области стала …' in an article about one working trip or visit: a
    meeting told after the trip began, naming no one and no other day, was held by the trip's first person."""
    family = _family("visit", lex)
    trips = [(c, people) for c, _, _, people, _ in keyed if c.kind in family]
    if len(trips) != 1 or not trips[0][1]:
        return keyed
    trip, host = trips[0][0], trips[0][1][0]
    out = []
    for c, key, place, people, obj in keyed:
        if c.kind == "meeting" and not people and c.sents[0].start > trip.sents[0].start \
                and (c.start is None or c.start == trip.start):
            people = [host]
        out.append((c, key, place, people, obj))
    return out


_HOSTED = ("meeting", "visit", "working_trip", "inspection")


def _sole_official(ctx, keyed):
    """'Сегодня в ходе встречи с населением поднимался ряд вопросов' in an article that names one official
    only: a meeting or visit naming no one was that official's."""
    officials = list(dict.fromkeys(f.subject for f in ctx.facts.values() if f.prop == "hc:holdsPost"))
    if len(officials) != 1:
        return keyed
    return [(c, key, place, people or ([officials[0]] if c.kind in _HOSTED else people), obj)
            for c, key, place, people, obj in keyed]


def _article_region(ctx, c):
    """The article's region for an event that names no place, unless its sentences speak of a country's
    bodies ('коллегия Минздрава России'): a federal event does not happen in the region writing about it."""
    country = {s.id_ for s in place_spans(ctx) if s.label_ == "Country"
               and any(sent.start <= s.start < sent.end for sent in c.sents)}
    orgs = [k for s, k in ctx.notes.get("orgs", []) if any(sent.start <= s.start < sent.end for sent in c.sents)]
    country |= {f.value for f in ctx.facts.values() if f.subject in orgs and f.prop == "hc:jurisdiction"
                and f.value.startswith("country:")}
    return None if country else ctx.notes.get("main_region")


def _para(doc, char):
    text = doc_text(doc)
    begin = text.rfind("\n", 0, char) + 1
    end = text.find("\n", char)
    return begin, (len(text) if end < 0 else end)


def _places_outside_orgs(ctx) -> list:
    """The settlements and regions not inside a body's name, once per article (a scan of every body per place
    made it places × bodies per event)."""
    orgs = ctx.notes.get("orgs", [])
    found = ctx.notes.get("event_places")
    if found is None or found[0] is not orgs or found[1] != len(orgs):
        bounds = sorted((s.start, s.end) for s, _ in orgs)
        starts, reach, top = [b for b, _ in bounds], [], -1
        for _, end in bounds:                   # reach[k]: the furthest end of the bodies up to the k-th
            top = max(top, end)
            reach.append(top)

        def inside(s):
            k = bisect_right(starts, s.start)
            return k > 0 and reach[k - 1] >= s.end
        found = ctx.notes["event_places"] = (orgs, len(orgs), [
            s for s in place_spans(ctx) if s.label_ in ("Settlement", "Region") and not inside(s)])
    return found[2]


def _place(ctx, c, lex):
    """(place key, object span): a venue in its sentences; a settlement (for a visit, one it goes to);
    the facility opened or visited; a region; else the paragraph's settlement or region."""
    doc = ctx.doc
    facilities = ctx.notes.get("facilities", [])
    venues = [(s, k) for s, k, cls in facilities if cls == "Venue"]
    for sent in c.sents:
        v = next((k for s, k in venues if sent.start <= s.start < sent.end), None)
        if v:
            return v, next(s for s, k in venues if k == v)
    fac_spans = [s for s, _, cls in facilities if cls != "Venue"]
    spans_all = _places_outside_orgs(ctx)
    visit = c.kind in ("visit", "working_trip", "inspection")
    obj = _object_phrase(c, lex, fac_spans)
    best = None
    for trigger, sent in zip(c.triggers, c.sents):
        spans = [s for s in spans_all if sent.start <= s.start < sent.end and _destination(doc, s)]
        if visit:
            spans = [s for s in spans if s.start > trigger.start or trigger[0].pos_ in ("VERB", "AUX")]
        spans.sort(key=lambda s: (s.label_ != "Settlement", abs(s.start - trigger.start)))
        if spans and (best is None or (best.label_ != "Settlement" and spans[0].label_ == "Settlement")
                      or (spans[0].label_ == "Settlement" and spans[0].id_ != best.id_
                          and best.id_ in {s.id_ for s in spans_all if sent.start <= s.start < sent.end})):
            best = spans[0]                            # 'в селе Путилово Кировского района': the finer place
    if best is not None and best.label_ == "Settlement":
        return best.id_, obj
    if obj is not None and c.kind in ("opening",) + ("visit", "working_trip", "inspection"):
        located = _located(ctx, obj)
        if located:
            return located, obj
    if best is not None:
        return best.id_, obj
    for sent in c.sents if not visit else ():          # the paragraph's place (a trip's goes unsaid)
        begin, end = _para(doc, sent.start_char)
        spans = [s for s in spans_all if begin <= s.start_char < end and _destination(doc, s)]
        spans.sort(key=lambda s: (s.label_ != "Settlement", abs(s.start_char - sent.start_char)))
        if spans:
            return spans[0].id_, obj
    return None, obj


def _object_phrase(c, lex, fac_spans):
    """What was opened or visited: the facility (or facility word's phrase) the trigger governs —
    'открылась [новая поликлиника]', 'открытие [подстанции скорой помощи]', 'посетил [районную больницу]'."""
    if c.kind not in ("opening", "visit", "working_trip", "inspection"):
        return None
    heads = lex.OPENING_OBJECTS | lex.FACILITY_LEMMAS
    for trigger in c.triggers:
        doc, sent = trigger.doc, trigger.sent
        stop = next((t.i for t in doc[trigger.end:sent.end] if t.is_punct and t.text not in "«»\"-"), sent.end)
        after = [t for t in doc[trigger.end:min(stop, trigger.end + 8)] if t.pos_ in ("NOUN", "PROPN")
                 and lemma(t) not in ("инспекция", "визит", "рамка", "ход")
                 and (c.kind == "opening" or _governed(doc, t) or lemma(trigger[-1]) == "осмотр")]
        before = [t for t in reversed(doc[max(sent.start, trigger.start - 6):trigger.start])
                  if t.pos_ in ("NOUN", "PROPN")]
        cands = after[:2] + (before[:1] if c.kind == "opening" and trigger[0].pos_ != "NOUN" else [])
        for head in cands:
            if any(lemma(t) in ("этот", "это", "данный", "тот", "такой") for t in doc[max(sent.start, head.i - 3):head.i]):
                continue                               # 'этого … объекта': said before, named there
            if lemma(head) in _ANAPHORIC_OBJECTS and adjectives_before(doc, head.i) == head.i \
                    and extend_genitive(doc, head.i + 1, limit=5) == head.i + 1:
                told = _told_before(doc, sent, fac_spans)
                if told is not None:
                    return told                        # 'ход работ на объекте оценили': the one named before
                continue
            if lemma(head) in heads or any(s.start <= head.i < s.end for s in fac_spans):
                fac = next((s for s in fac_spans if s.start <= head.i < s.end), None)
                if fac is not None:
                    return fac
                start = adjectives_before(doc, head.i)
                return doc[start:extend_genitive(doc, head.i + 1, limit=5)]
    return None


_ANAPHORIC_OBJECTS = {"объект", "учреждение", "медучреждение"}


def _told_before(doc, sent, fac_spans):
    """The facility named last in the two sentences before ``sent`` (same paragraph or the one before)."""
    prev = [s for s in fac_spans if s.end <= sent.start]
    if not prev:
        return None
    last = max(prev, key=lambda s: s.start)
    k, seen = sent.start, 0
    while k > 0 and seen < 2:
        k = doc[k - 1].sent.start
        seen += 1
    return last if last.start >= k else None


def _governed(doc, tok) -> bool:
    """What a visit goes to: a direct object ('посетил больницу') or a place after в/на ('побывал в
    поликлинике'), not a genitive ('министры строительного комплекса')."""
    if tok.morph.get("Case") == ["Acc"]:
        return True
    k = adjectives_before(doc, tok.i) - 1
    return k >= 0 and doc[k].text.lower() in ("в", "во", "на")


def _located(ctx, span):
    key = next((k for s, k, _ in ctx.notes.get("facilities", []) if s == span), None)
    if key is None:
        return None
    return next((f.value for f in ctx.facts.values() if f.subject == key and f.prop == "hc:locatedIn"), None)


def _destination(doc, span) -> bool:
    """'в Кузоватовский район', 'на Камчатке', 'в селе Долан', 'на юге Волгограда', 'в подгорной части
    Тобольска': a place after в/на, a generic or a part-of word between; not a genitive modifier of a
    body or a post ('министерства здравоохранения Чечни', 'губернатор Свердловской области')."""
    return _prep_index(doc, span) is not None


def _prep_index(doc, span) -> int | None:
    words = load_lexicon("ru").PLACE_WORDS
    k = span.start - 1
    steps = 0
    while k >= 0 and steps < 3 and (lemma(doc[k]) in words or (steps and doc[k].pos_ == "ADJ")):
        k -= 1
        steps += 1
    return k if k >= 0 and doc[k].text.lower() in ("в", "во", "на") else None


def _from(doc, span) -> bool:
    return span.start > 0 and lemma(doc[span.start - 1]) in ("из", "от", "с")


def _participants(ctx, c, lex, clusters):
    """Persons of the event's sentences, and of the sentence after each (same paragraph: 'Вместе с ним
    побывали …', 'В церемонии участвовали …'); for the article's only gathering, its speakers."""
    doc = ctx.doc
    persons = [(ent, key) for ent, key in ctx.notes.get("persons", []) if not _aside(doc, ent, lex)]
    by_start = sorted((ent.start, i) for i, (ent, _) in enumerate(persons))   # who is named in a range: bisect
    starts = [start for start, _ in by_start]

    def named_in(b, e) -> bool:                        # any(b <= ent.start < e for ent, _ in persons)
        at = bisect_left(starts, b)
        return at < len(starts) and starts[at] < e

    def keys_in(b, e) -> set:                          # {key for ent, key in persons if b <= ent.start < e}
        at, out = bisect_left(starts, b), set()
        while at < len(starts) and starts[at] < e:
            out.add(persons[by_start[at][1]][1])
            at += 1
        return out

    sents = list(dict.fromkeys(c.sents))
    ranges = []
    for sent in sents:
        ranges.append((sent.start, sent.end))
        here = sent
        seen = keys_in(sent.start, sent.end)
        for _ in range(4):                             # the next sentence naming someone new (three may name no one
            nxt = _next_in_paragraph(doc, here)        # or only those named before: 'Андрей Макаров обратился …')
            if nxt is None:
                break
            ranges.append((nxt.start, nxt.end))
            if keys_in(nxt.start, nxt.end) - seen:
                break
            here = nxt
    gatherings = [k for k in clusters if k.kind in lex.GATHERINGS]
    if c.kind in lex.GATHERINGS and len(gatherings) == 1:
        every = token_table(doc).lemma
        for sent in sentences(doc):
            lemmas = set(every[sent.start:sent.end])
            if any(set(cue) <= lemmas for cue in lex.SPEAKER_CUES):
                ranges.append((sent.start, sent.end))
    if (c.kind in lex.GATHERINGS and len(gatherings) == 1) or _said_there(c, persons, lex):
        ranges += _speakers_after(ctx, c, persons, clusters)
    # the article's one opening takes the ceremony's sentences ('алую ленту он перерезал вместе с министром …'),
    # its one signing the signatories' ('Подписи под документом поставили …')
    for kind, cues in (("opening", lex.CEREMONY_CUES), ("agreement_signing", lex.SIGNATORY_CUES)):
        if c.kind == kind and sum(k.kind == kind for k in clusters) == 1:
            every = token_table(doc).lemma
            for sent in sentences(doc):
                lemmas = set(every[sent.start:sent.end])
                if any(set(cue) <= lemmas for cue in cues):
                    ranges.append((sent.start, sent.end))
    ranges += _attendance(ctx, c, lex, clusters)
    if c.kind in lex.BACKWARD_KINDS and not any(named_in(sent.start, sent.end) for sent in sents):
        for sent in sents:                             # no one named with it: those named just before
            prev = _previous_in_paragraph(doc, sent)
            if prev is not None:
                ranges.append((prev.start, prev.end))
    people = []
    inside = {i for b, e in ranges for _, i in by_start[bisect_left(starts, b):bisect_left(starts, e)]}
    for i in sorted(inside):                           # the persons named in a range, in their order
        key = persons[i][1]
        if key not in people:
            people.append(key)
    for key in _listed(ctx, c, lex, persons):
        if key not in people:
            people.append(key)
    if c.kind in lex.BACKWARD_KINDS:
        for key in _host_before(doc, c, persons):
            if key not in people:
                people.append(key)
    for key in _pronoun_subjects(doc, sents, persons):
        if key not in people:
            people.append(key)
    for key in _role_holders(ctx, c, lex):
        if key not in people:
            people.append(key)
    return people


def _attendance(ctx, c, lex, clusters) -> list:
    """'На мероприятии будут присутствовать глава района Иван Петров и главврач …', 'Участие в столь
    знаменательном событии приняли …', 'В совещании примут участие …': a sentence anywhere in the article with
    an attendance word (ATTENDANCE_CUES) and, after в/на, an event noun names that event's participants — a
    generic noun (EVENT_ANAPHORS) the article's one event, a noun of the event's own kind its one event of that
    family. Returns the sentences' (start, end)."""
    events = [k for k in clusters if k.kind not in lex.FRAMEWORK_KINDS]
    family = _family(c.kind, lex)
    sole = len(events) == 1
    own = sum(k.kind in family for k in events) == 1
    if not (sole or own):
        return []
    doc = ctx.doc
    every = token_table(doc).lemma
    out = []
    for sent in sentences(doc):
        if not set(every[sent.start:sent.end]) & lex.ATTENDANCE_CUES:
            continue
        noun = _attended_noun(doc, sent, lex)
        if noun is None:
            continue
        if (sole and lemma(noun) in lex.EVENT_ANAPHORS) or (own and lex.EVENTS.get((lemma(noun),)) in family):
            out.append((sent.start, sent.end))
    return out


def _attended_noun(doc, sent, lex):
    """The event noun after в/во/на in ``sent`` ('в столь знаменательном событии', 'на мероприятии', 'в работе
    форума'), adjectives and adverbs between allowed; None if there is none."""
    for t in sent:
        if t.text.lower() not in ("в", "во", "на"):
            continue
        j = t.i + 1
        while j < sent.end and (doc[j].pos_ in ("ADJ", "DET", "ADV") or doc[j].morph.get("VerbForm") == ["Part"]):
            j += 1
        if j >= sent.end:
            continue
        noun = doc[j]
        if lemma(noun) == "работа" and j + 1 < sent.end and is_genitive(doc[j + 1]):
            noun = doc[j + 1]                          # 'в работе форума'
        if lemma(noun) in lex.EVENT_ANAPHORS or (lemma(noun),) in lex.EVENTS:
            return noun
    return None


_LIST_HEAD = re.compile(r"^[ \t]*(?:Участники|В числе участников)\s+([^\W\d_]+)(?:\s+([^\W\d_]+))?\s*:[ \t]*$",
                        re.M | re.I)
_LIST_ITEM = re.compile(r"^[ \t]*(?:[#*\-•—–·]+|\d{1,2}[.)])\s*\S")


def _listed(ctx, c, lex, persons) -> list:
    """'Участники круглого стола:' on a line of its own, then one line per person ('# Иван Петров, главный
    врач …'): the persons of the list's lines are the participants of the article's event of that kind."""
    doc = ctx.doc
    text = doc_text(doc)
    out = []
    for m in _LIST_HEAD.finditer(text):
        words = [w for w in m.groups() if w]
        kinds = {lex.EVENTS.get((lemma_of_word(doc, m.start(i + 1)),)) for i in range(len(words))}
        if len(words) == 2:
            kinds.add(lex.EVENTS.get(tuple(lemma_of_word(doc, m.start(i + 1)) for i in range(2))))
        if c.kind not in kinds or sum(k.kind == c.kind for k in ctx.notes.get("event_clusters", [])) != 1:
            continue
        end = m.end()
        for line_start in _line_starts(text, m.end() + 1):
            line_end = text.find("\n", line_start)
            line_end = len(text) if line_end < 0 else line_end
            if not _LIST_ITEM.match(text[line_start:line_end]):
                break
            end = line_end
        out += [key for ent, key in persons if m.end() <= ent.start_char < end]
    return out


def lemma_of_word(doc, char):
    """The lemma of the token that begins at ``char`` (None if none does)."""
    tok = next((t for t in doc if t.idx == char), None)
    return lemma(tok) if tok is not None else None


def _host_before(doc, c, persons) -> list:
    """'Министр Иван Петров побывал в больницах района. На встрече с главой района Сергеем Ильиным обсудили …':
    a meeting 'с X' whose sentence names no one but X (no subject: 'обсудили') was held by the person named in
    the nominative in the sentence before (same paragraph); the meeting's other side is its host."""
    out = []
    for trigger in c.triggers:
        sent = trigger.sent
        nxt = next((t for t in doc[trigger.end:sent.end] if not t.is_space), None)
        if nxt is None or nxt.text.lower() not in ("с", "со"):
            continue
        here = [ent for ent, _ in persons if sent.start <= ent.start < sent.end]
        verb = next((t.i for t in doc[trigger.end:sent.end] if t.pos_ in ("VERB", "AUX")
                     and t.morph.get("VerbForm") == ["Fin"]), sent.end)
        if not here or any(ent.start < trigger.start or ent.start > verb for ent in here):
            continue                                   # 'Петров провел встречу с …', '…, сообщил Петров': named
        prev = _previous_in_paragraph(doc, sent)
        if prev is None:
            continue
        out += [key for ent, key in persons if prev.start <= ent.start < prev.end
                and ent[-1].morph.get("Case") in (["Nom"], [])]
    return out


_PRONOUNS = {"он": "Masc", "она": "Fem"}


def _pronoun_subjects(doc, sents, persons) -> list:
    """'Министр … Иван Петров совершает поездку по области. … Об этом он сообщил во время встречи с акимом':
    'он' / 'она' as a subject of the event's sentence, with no one named before it there, is the last person
    named in the nominative, of the same gender, in the two sentences before (same paragraph)."""
    out = []
    table = token_table(doc)
    every, pos, low = table.lemma, table.pos, table.low
    for sent in sents:
        pron = next((doc[i] for i in range(sent.start, sent.end) if every[i] in _PRONOUNS and pos[i] == "PRON"
                     and low[i] in ("он", "она") and doc[i].morph.get("Case") == ["Nom"]), None)
        if pron is None or any(sent.start <= ent.start < pron.i for ent, _ in persons):
            continue
        gender = _PRONOUNS[lemma(pron)]
        here, seen = sent, []
        for _ in range(2):
            here = _previous_in_paragraph(doc, here)
            if here is None:
                break
            seen.append(here)
        cands = [(ent, key) for ent, key in persons for prev in seen if prev.start <= ent.start < prev.end
                 and ent[-1].morph.get("Case") in (["Nom"], []) and ent[-1].morph.get("Gender") in ([gender], [])]
        if cands:
            out.append(max(cands, key=lambda x: x[0].start)[1])
    return out


def _speakers_after(ctx, c, persons, clusters):
    """'Губернатор выступил на заседании коллегии. … Глава областного Минздрава Ростислав Заблоцкий обратил
    внимание на …': in the sentences that follow the article's one gathering (up to four, no blank line,
    no other event told), a person named at a sentence's start who said something in the past is a speaker."""
    doc = ctx.doc
    others = {t.sent.start for k in clusters if k is not c for t in k.triggers}
    out, here = [], c.sents[0]
    for _ in range(4):
        nxt = _next_sentence(doc, here)
        if nxt is None or nxt.start in others:
            break
        here = nxt
        named = [ent for ent, _ in persons if nxt.start <= ent.start < nxt.end]
        if not named:
            continue
        ent = named[0]
        lead = [t for t in doc[nxt.start:ent.start] if not (t.is_space or t.is_punct)]
        verb = next((t for t in doc[ent.end:min(nxt.end, ent.end + 3)] if t.pos_ in ("VERB", "AUX")), None)
        said = _attribution(doc, nxt, ent)
        if said is not None:                           # '«…», – рассказал врио губернатора Иван Петров'
            lead, verb = [], said
        if len(lead) > 4 or verb is None or lemma(verb) not in load_lexicon("ru").SPEECH_VERBS or verb.morph.get("Tense") != ["Past"]:
            break                                      # someone named who is no speaker: the account moved on
        out.append((nxt.start, nxt.end))
    return out


def _attribution(doc, sent, ent):
    """The speech verb of a quote's attribution before the name: '«…», – рассказал врио губернатора Иван
    Петров' (the sentence opens with a quote; a dash, the verb and at most five words of a post between)."""
    first = next((t for t in sent if not t.is_space), None)
    if first is None or first.text not in "«\"„“":
        return None
    dash = next((t for t in reversed(doc[sent.start:ent.start]) if t.text in ("–", "—", "-")), None)
    if dash is None or ent.start - dash.i > 7:
        return None
    return next((t for t in doc[dash.i + 1:ent.start] if t.pos_ in ("VERB", "AUX")), None)


def _said_there(c, persons, lex) -> bool:
    """'Об этом было заявлено во время оперативного совещания': a sitting told as where something was said,
    in a sentence that names no one (the speaker follows)."""
    for sent in c.sents:
        if any(sent.start <= ent.start < sent.end for ent, _ in persons):
            continue
        if any(lemma(t) in lex.SAID_AT_VERBS and _past(t) for t in sent):
            return True
    return False


def _next_sentence(doc, sent):
    """The sentence after ``sent`` unless a blank line parts them."""
    if sent.end >= len(doc):
        return None
    nxt = doc[sent.end].sent
    if not nxt.text.strip():
        if nxt.end >= len(doc):
            return None
        nxt = doc[nxt.end].sent
    if re.search(r"\n\s*\n", doc_text(doc)[sent.end_char:nxt.start_char]):
        return None
    return nxt


_SAME_POST = ({"governor", "head_of_region"},)


def _role_holders(ctx, c, lex):
    """'губернатор области осмотрел больницу', 'о визите министра', 'встретился с главой района': a role
    named in the event's own sentence without a name of its own is the person the article names with that
    post, when exactly one person holds it (and its place, if the role names one, agrees)."""
    from .officials import is_former, role_segment

    doc = ctx.doc
    posts = ctx.notes.get("posts", {})
    holders: dict[str, set] = {}
    for f in ctx.facts.values():
        if f.prop == "hc:holdsPost" and f.value in posts:
            holders.setdefault(posts[f.value][0], set()).add((f.subject, f.value))
    heads = {t.start for t in c.triggers}
    out = []
    for trigger, role in ctx.notes.get("unnamed_roles", []):
        if not any(sent.start <= trigger.start < sent.end for sent in c.sents) or _aside(doc, trigger, lex) \
                or is_former(doc, trigger, lex):
            continue
        case = _role_case(doc, trigger)
        if case == ["Gen"]:
            k = trigger.start - 1
            if not (k >= 0 and any(t.start <= k < t.end for t in c.triggers)):
                continue                               # 'пресс-служба губернатора', not 'визит министра'
        elif case and case[0] not in ("Nom", "Acc", "Ins", "Dat"):
            continue
        roles = next((same for same in _SAME_POST if role in same), {role})
        seg = role_segment(ctx, lex, trigger)
        named = {p.id_ for p in place_spans(ctx) if trigger.end <= p.start and p.end <= seg}
        cands = {person for r in roles for person, post in holders.get(r, ())
                 if not named or posts[post][1] in named or posts[post][1] is None}
        if not cands and role in lex.SUBJECT_HEAD_ROLES and case == ["Nom"]:
            cands = _subject_named_after(ctx, trigger, {p for pairs in holders.values() for p, _ in pairs})
        if len(cands) == 1:
            out.append(next(iter(cands)))
    return out


_UNDECLINED_ACTING = {"врио", "и.о.", "и", "о", "ио"}


def _role_case(doc, trigger):
    """The case of a role word, or of the acting words before it ('врио губернатора', 'исполняющий
    обязанности министра' stand in the case of 'врио' / 'исполняющий')."""
    acting = next((s for s, _ in trigger_spans(doc, "hc_acting") if s.end == trigger.start), None)
    if acting is not None:
        if all(t.is_punct or lemma(t) in _UNDECLINED_ACTING for t in acting):
            before = doc[acting.start - 1] if acting.start > 0 else None     # 'врио' has no case of its own
            return ["Nom"] if before is None or before.pos_ != "ADP" else ["Loc"]
        return next((t.morph.get("Case") for t in acting if t.morph.get("Case")), ["Nom"])
    head = next((t for t in trigger if t.pos_ == "NOUN"), trigger[-1])
    return head.morph.get("Case")


def _subject_named_after(ctx, trigger, held) -> set:
    """'Губернатор области осмотрел больницу. … Иван Петров пообщался с врачами.' / '«…», – сказал Иван
    Петров': a head's role as a subject with no name and no holder in the article is the person named next
    in full as a subject (a sentence's first words, or after a quote's dash) in the next three sentences,
    when that person holds no post in the article."""
    doc = ctx.doc
    sent, seen = trigger.sent, 0
    persons = [(ent, key) for ent, key in ctx.notes.get("persons", []) if ent.start >= sent.end]
    limit = sent.end
    while seen < 3 and limit < len(doc):
        limit = doc[limit].sent.end
        seen += 1
    limit = max(limit, _quote_end(doc, sent))
    for ent, key in persons:
        if ent.start >= limit:
            break
        head = ent[-1]
        if len([t for t in ent if t.pos_ == "PROPN" and not t.text.endswith(".")]) < 2 \
                or head.morph.get("Case") not in (["Nom"], []):
            continue
        first = next((t for t in ent.sent if not (t.is_space or t.is_punct)), None)
        before = [t.text for t in doc[max(ent.sent.start, ent.start - 3):ent.start]]
        if (first is not None and first.i == ent.start) or any(t in ("–", "—", "-") for t in before):
            return set() if key in held else {key}
    return set()


def _quote_end(doc, sent, most: int = 10) -> int:
    """'С открытием больницы горожан поздравил аким области. - Очень большое внимание … (six sentences) … -
    рассказал Алтай Кульгинов.': when the sentence after ``sent`` opens a direct speech (a dash or «), the end
    of the sentence whose attribution closes it (a dash and a speech verb, SPEECH_VERBS), at most ``most``
    sentences on in the paragraph; else ``sent.end``."""
    nxt = _next_in_paragraph(doc, sent)
    first = next((t for t in nxt if not t.is_space), None) if nxt is not None else None
    if first is None or first.text not in ("-", "–", "—", "«", "\""):
        return sent.end
    speech = load_lexicon("ru").SPEECH_VERBS
    here = nxt
    for _ in range(most):
        for t in here:
            if t.text in ("-", "–", "—") and t.i > first.i \
                    and any(lemma(v) in speech for v in doc[t.i + 1:min(here.end, t.i + 3)]):
                return here.end
        here = _next_in_paragraph(doc, here)
        if here is None:
            break
    return sent.end


def _previous_in_paragraph(doc, sent):
    first = next((t for t in sent if not t.is_space), sent[0])
    if sent.start == 0:
        return None
    prev = doc[sent.start - 1].sent
    if not prev.text.strip() or re.search(r"\n\s*\n", doc_text(doc)[prev.start_char:first.idx]) \
            or "\n" in doc_text(doc)[prev.end_char:first.idx] and prev.text.strip().endswith((":", "|")):
        return None
    return prev


def _next_in_paragraph(doc, sent):
    if sent.end >= len(doc):
        return None
    nxt = doc[slice(*sent_bounds(doc, sent.end))]      # doc[sent.end].sent
    table, text = token_table(doc), doc_text(doc)
    first = next((j for j in range(sent.start, sent.end) if not table.space[j]), sent.start)
    nxt_text = text[nxt.start_char:nxt.end_char].strip()   # nxt.text.strip()
    if re.search(r"\n\s*\n", text[table.idx[first]:nxt.start_char]) or "\n" in nxt_text or not nxt_text:
        return None                                    # a blank line ends the paragraph
    return nxt


def _aside(doc, ent, lex) -> bool:
    """'при поддержке акима …', 'по поручению губернатора …': named, but not there."""
    window = token_table(doc).lemma[max(sent_start(ent), ent.start - 5):ent.start]
    return any(w in ("предшественник", "предшественница", "память") for w in window) or any(
        (a, b) in lex.ASIDE_CUES for a, b in zip(window, window[1:]))


def _inherit(keyed, c, people, place):
    """An agreement signed the same day as an earlier event of the article: same people, same place."""
    for other, _, oplace, opeople, _ in reversed(keyed):
        if other.start and other.start == c.start and opeople:
            return list(dict.fromkeys(list(opeople) + list(people))), oplace or place
    return people, place


def _name_text(c):
    if c.title is not None:
        return c.title.text
    if _proper(c.name, c.triggers[0]):
        return to_nominative(list(c.name))
    return ""


def _key(ctx, c, lex, place):
    name = _name_text(c)
    if c.kind in lex.NEEDS_TITLE:
        return make_key("event", c.kind, name, c.start or "")
    if c.start and len(c.start) == 10 and place:
        return make_key("event", c.kind, c.start, place, name)
    return make_key("event", c.kind, c.start or "", place or "", name, "in", ctx.article.source)


# ---------------------------------------------------------------- labels

def _label(ctx, c, place, obj, lex):
    label, alt = _label_text(ctx, c, place, obj, lex)
    return _decap(ctx, label, place), alt


def _decap(ctx, label: str, place) -> str:
    """A label made from an all-caps headline ('открытие ОБЪЕКТА ЗДРАВООХРАНЕНИЯ в МЕРКЕНСКОМ РАЙОНЕ') in
    lower case, the place's own capitals kept ('… в Меркенском районе'); an acronym of a normal line stays."""
    words = label.split(" ")
    caps = [i for i, w in enumerate(words) if len(w) > 3 and w.isalpha() and w.isupper()]
    if len(caps) < 2:
        return label
    named = [w for (_, text) in ctx.labels.get(place, ()) for w in text.split()] if place else []
    for i in caps:
        low = words[i].lower()
        proper = any(w[:1].isupper() and w[:4].lower() == low[:4] for w in named)
        words[i] = low[:1].upper() + low[1:] if proper else low
    return " ".join(words)


def _label_text(ctx, c, place, obj, lex):
    name = c.name
    trigger = c.triggers[0]
    if _proper(name, trigger):
        return to_nominative(list(name)), c.title.text if c.title is not None else None
    if c.title is not None and c.kind in lex.NEEDS_TITLE:     # 'нацпроект «Семья»', not a bare 'Семья'
        head = [t for t in name if not t.is_punct] if name is not None else []
        kind = _phrase(head, "nomn", number="sing") if head else EVENT_KINDS[c.kind][0]
        return f"{kind} «{c.title.text}»", c.title.text
    if c.title is not None:                            # 'подписание соглашения «А — Б»', never a bare «А — Б»
        if c.kind == "agreement_signing":
            base = _signing_label(c)
        else:
            base = _phrase(name, "nomn") if name is not None else EVENT_KINDS[c.kind][0]
        if c.title.text not in base:
            base = f"{base} «{c.title.text}»"
        return base, c.title.text
    if c.kind == "visit" and lemma(trigger[0]) in lex.VISIT_SUBJECTS:   # 'делегация … приедет'
        return f"{EVENT_KINDS['visit'][0]} {to_nominative(list(name), 'gent')}", None
    if c.kind == "opening":
        base = EVENT_KINDS["opening"][0]
        if obj is not None:
            base += " " + _phrase(obj, "gent")
        return base + _where(ctx, c, place, obj, "loct"), None
    if c.kind in ("visit", "working_trip", "inspection"):
        base = EVENT_KINDS[c.kind][0]
        if obj is not None:
            return f"{base} в {_phrase(obj, 'accs')}" + _where(ctx, c, place, obj, "loct"), None
        return base + _where(ctx, c, place, None, "accs"), None
    if c.kind == "agreement_signing":
        return _signing_label(c), None
    base = _phrase(name, "nomn") if name is not None else _phrase_name(c) or EVENT_KINDS[c.kind][0]
    return base + _where(ctx, c, place, None, "loct", settlements_only=True), None


_PHRASE_NAMES = {("вручить", "ключ"): "вручение ключей", ("представить", "коллектив"): "представление коллективу"}


def _phrase_name(c):
    """'вручил ключи', 'представил коллективу': a meeting told by a verb phrase is named by it, not 'встреча'."""
    for trigger in c.triggers:
        lemmas = {lemma(t) for t in trigger.sent}
        for seq, label in _PHRASE_NAMES.items():
            if lemma(trigger[0]) in seq and set(seq) <= lemmas:
                return label
    return None


def _phrase(span, case, lower: bool = True, number: str | None = None) -> str:
    """The phrase in ``case``, adjectives agreeing with the head in gender too ('оперативное совещание');
    a capital kept only on names and abbreviations."""
    tokens = [t for t in span if not t.is_space]
    head = head_index(tokens)
    if head is None:
        words = [t.text for t in tokens]
    else:
        morph = tokens[head].morph.to_dict()
        number = number or ("plur" if morph.get("Number") == "Plur" else "sing")
        gender = GENDERS.get(morph.get("Gender")) if number == "sing" else None
        words = []
        for i, tok in enumerate(tokens):
            if i == head:
                words.append(inflect_word(tok, {case, number}))
            elif i < head and (tok.pos_ in ("ADJ", "DET", "NUM") or adjectival_noun(tok)
                               or tok.morph.get("VerbForm") == ["Part"]):
                extra = {gender} if gender else set()
                if case == "accs" and morph.get("Animacy") == "Inan" and gender in ("masc", None):
                    extra.add("inan")
                words.append(inflect_word(tok, {case, number} | extra))
            else:
                words.append(tok.text)
    text = join_words(tokens, words)
    first = tokens[0] if tokens else None
    if lower and first is not None and first.pos_ != "PROPN" and not first.text.isupper() and len(first.text) > 1 \
            and (first.i == first.sent.start or first.doc[first.i - 1].text in "\n-–—\"«"):
        text = text[:1].lower() + text[1:]
    return text


_CASE = {"loct": "Loc", "accs": "Acc"}


def _where(ctx, c, place, obj, case, settlements_only=False):
    """' в Тобольске', ' в селе Долан', ' в Кузоватовский район': where the event was (case 'loct') or where
    it went (case 'accs'), as the text says it when it says it in that case; '' when the object names it."""
    if place is None:
        return ""
    spans = [s for s in place_spans(ctx) if s.id_ == place]
    if not spans or (settlements_only and spans[0].label_ != "Settlement"):
        return ""
    in_event = [s for s in spans if any(sent.start <= s.start < sent.end for sent in c.sents)]
    if not in_event:
        return ""
    span = in_event[0]
    if obj is not None and obj.start <= span.start < obj.end:
        return ""
    doc = span.doc
    k = _prep_index(doc, span)
    if k is None:
        return ""                                      # 'министр … Запорожской области' says no place
    if _CASE[case] in doc[k + 1].morph.get("Case"):
        return " " + doc[k].text.lower() + doc_text(doc)[doc[k].idx + len(doc[k].text):span.end_char]
    return f" в {_phrase(span, case, lower=False)}"


def _signing_label(c):
    noun = next(t for t in c.triggers[0])
    doc = noun.doc
    end = noun.i + 1
    while end < min(noun.sent.end, noun.i + 9):
        tok = doc[end]
        between = any(lemma(t) == "между" for t in doc[noun.i + 1:end])
        if tok.pos_ == "ADP" and lemma(tok) in ("в", "на") and end + 1 < len(doc) \
                and lemma(doc[end + 1]) not in ("сфера", "область"):
            break                                      # '… в рамках визита', '… на полях форума'

        if tok.is_punct or tok.is_space or tok.pos_ in ("VERB", "AUX", "SCONJ") or tok.ent_type_ == "PER" \
                or (tok.pos_ == "CCONJ" and not between):
            break
        end += 1
    while end > noun.i + 1 and doc[end - 1].pos_ in ("CCONJ", "ADP"):
        end -= 1
    phrase = to_nominative([noun], "gent") + (" " + doc[noun.i + 1:end].text if end > noun.i + 1 else "")
    return f"подписание {phrase}"


# ---------------------------------------------------------------- write

def _write(ctx, lex, c, key, place, people, obj):
    label, alt = _label(ctx, c, place, obj, lex)
    ctx.entity(key, "Event", label, alt=alt)
    ctx.fact(key, "hc:eventType", f"EventKind:{c.kind}", "concept")
    if c.start:
        ctx.fact(key, "hc:startDate", c.start, "date")
    if c.end and c.end != c.start:
        ctx.fact(key, "hc:endDate", c.end, "date")
    elif c.start and len(c.start) == 10 and c.kind not in lex.NEEDS_TITLE:
        ctx.fact(key, "hc:endDate", c.start, "date")      # a dated one-day event ends that day
    if place:
        ctx.fact(key, "hc:eventPlace", place)
    for person in people:
        ctx.fact(key, "hc:participant", person)
    for trigger in c.triggers:
        span = c.title if c.title is not None and trigger is c.triggers[0] else trigger
        ctx.mention_span(key, span)
    for sent in dict.fromkeys(c.sents):
        ctx.evidence(key, sent)
    _roles(ctx, lex, c, key, people)


def _roles(ctx, lex, c, key, people):
    """Organizer ('организован X', 'X провёл встречу'), supporters ('при поддержке: …' with its list),
    parties ('между X и Y', 'соглашение с X', the signatories' bodies and regions)."""
    doc = ctx.doc
    orgs = ctx.notes.get("orgs", [])
    persons = ctx.notes.get("persons", [])
    table = token_table(doc)                           # the sentences' lemmas without making Tokens
    every = table.lemma
    for trigger, sent in zip(c.triggers, c.sents):
        lemmas = every[sent.start:sent.end]
        if any(l in lex.ORGANIZED_BY for l in lemmas):
            cut = next(i for i in range(sent.start, sent.end) if every[i] in lex.ORGANIZED_BY)
            org = next((k for s, k in orgs if cut < s.start < sent.end and not _supported(doc, s)
                        and not _venue(doc, s)), None)
            if org:
                ctx.fact(key, "hc:organizer", org)
            elif trigger.start > cut and trigger.start - cut <= 3:      # 'Слюсарь провел рабочую встречу'
                host = [k for ent, k in persons if sent.start <= ent.start < cut]
                if host:
                    ctx.fact(key, "hc:organizer", host[-1])
        for i in range(sent.start, sent.end):
            if every[i] == lex.SUPPORT[1] and i > 0 and every[i - 1] == lex.SUPPORT[0]:
                for s, k in orgs:
                    if i < s.start and s.start_char < _list_end(doc, table.idx[i]):
                        ctx.fact(key, "hc:supporter", k)
        if c.kind == "agreement_signing":
            _parties(ctx, lex, key, trigger, sent, orgs)
    for sent in dict.fromkeys(c.sents):               # 'Организаторами выступают …' in the next sentence
        nxt = _next_in_paragraph(doc, sent)
        if nxt is None or nxt in c.sents or not any(every[i] in ("организатор", "организовать")
                                                    for i in range(nxt.start, nxt.end)):
            continue
        cut = next(i for i in range(nxt.start, nxt.end) if every[i] in ("организатор", "организовать"))
        for s, k in orgs:
            if cut < s.start < nxt.end and not _supported(doc, s):
                ctx.fact(key, "hc:organizer", k)
    if c.kind == "agreement_signing":                 # the signatories' bodies, else their regions
        named = {f.value for f in ctx.facts.values() if f.subject == key and f.prop == "hc:party"}
        covered = named | {f.value for f in ctx.facts.values() if f.subject in named and f.prop == "hc:jurisdiction"}
        for person in people:
            for body in _bodies_of(ctx, person):
                if body not in covered:
                    ctx.fact(key, "hc:party", body)


def _venue(doc, span) -> bool:
    """'провел прием граждан в администрации района': a body after a place preposition is where the event was
    held, not who held it."""
    return span.start > 0 and doc[span.start - 1].text.lower() in ("в", "во", "на")


def _parties(ctx, lex, key, trigger, sent, orgs):
    doc = ctx.doc
    lemmas = [lemma(t) for t in sent]
    if lex.BETWEEN in lemmas:
        cut = next(t.i for t in sent if lemma(t) == lex.BETWEEN)
        for s, k in orgs:
            if cut < s.start < sent.end:
                ctx.fact(key, "hc:party", k)
    noun = trigger[0]
    j = noun.i + 1
    if j < len(doc) and lemma(doc[j]) == "с":
        other = next((k for s, k in orgs if s.start == j + 1), None)
        if other is None:
            other = next((s.id_ for s in place_spans(ctx) if s.start == j + 1 and s.label_ in ("Region", "Country")),
                         None)
        if other:
            ctx.fact(key, "hc:party", other)


def _bodies_of(ctx, person):
    """The body a signatory's post belongs to, else its jurisdiction (a region, a country)."""
    out = []
    tenures = [f.subject for f in ctx.facts.values() if f.prop == "hc:tenureOf" and f.value == person]
    for t in tenures:
        post = next((f.value for f in ctx.facts.values() if f.subject == t and f.prop == "hc:tenurePost"), None)
        if post is None:
            continue
        body = next((f.value for f in ctx.facts.values() if f.subject == post and f.prop == "hc:postIn"), None)
        juris = next((f.value for f in ctx.facts.values() if f.subject == post and f.prop == "hc:jurisdiction"),
                     None)
        if body or juris:
            out.append(body or juris)
    return out


def _supported(doc, span) -> bool:
    return any(lemma(t) == "поддержка" for t in doc[max(0, span.start - 3):span.start])


def _list_end(doc, char: int) -> int:
    """End of the list that follows 'при поддержке:' (bulleted lines), or of its own line."""
    text = doc_text(doc)
    pos = text.find("\n", char)
    if pos < 0:
        return len(text)
    end = pos
    for line_start in _line_starts(text, pos + 1):
        line_end = text.find("\n", line_start)
        line_end = len(text) if line_end < 0 else line_end
        body = text[line_start:line_end].strip()
        if not body:
            continue
        if body[:1] in "*-•—–·":
            end = line_end
            continue
        break
    return end


def _line_starts(text, pos):
    while pos < len(text):
        yield pos
        nxt = text.find("\n", pos)
        if nxt < 0:
            return
        pos = nxt + 1


def _sub_events(ctx, keyed) -> dict[str, list[str]]:
    """An event whose dates lie inside a longer event's is part of it. Returns parent -> part keys."""
    parents: dict[str, list[str]] = {}
    for c, key, *_ in keyed:
        for p, pkey, *_ in keyed:
            if p is c or not (p.start and p.end and c.start) or p.start == p.end:
                continue
            inside = p.start <= c.start and (c.end or c.start) <= p.end
            if inside and (c.start, c.end) != (p.start, p.end):
                ctx.fact(key, "hc:subEventOf", pkey)
                parents.setdefault(pkey, []).append(key)
    return parents


def _place_from_parts(ctx, key, keyed, parents) -> str | None:
    """A congress with no stated place happened where its parts did (a venue counts for its town)."""
    places = set()
    for _, part, place, *_ in keyed:
        if part in parents.get(key, ()) and place:
            located = next((f.value for f in ctx.facts.values() if f.subject == place and f.prop == "hc:locatedIn"), None)
            places.add(located or place)
    return places.pop() if len(places) == 1 else None


# ---------------------------------------------------------------- Kazakh (events)
# Noun triggers (kg/patterns/kk/events.json) and verb prefixes (event_verbs.json).
from ..concepts import broader_closure  # noqa: E402
from ..nlp.kk.lemmas import stem_of  # noqa: E402
from .common import by_sentence, live_places  # noqa: E402
from bisect import bisect_left  # noqa: E402
from ..patterns.matcher import match_prefixes  # noqa: E402
from ..patterns import load_table  # noqa: E402
from ..nlp.kk import morph as morph_kk  # noqa: E402


_CAUSATIVE_KK = re.compile(r"(?:ты|ті|ды|ді)р")
# events.json 'generic': a word for any gathering ('жиын'), which names the article's event told before it.
_GENERIC_KK = {e.words for e in load_table("kk", "events").entries if e.fields.get("generic")}


def _verb_triggers_kk(doc, lex):
    """Event verbs and set phrases by lower-case word prefixes ('ашылды', 'жұмыс сапарымен', 'қол қойды'); a
    causative the prefix runs into is another verb ('танысты' got acquainted, 'таныстырды' introduced)."""
    return [(doc[toks[0].i:toks[-1].i + 1], kind, fields)
            for toks, (kind, fields) in match_prefixes(doc, lex.EVENT_VERBS)
            if fields.get("needs_object") or not _CAUSATIVE_KK.search(toks[-1].text.lower())]


def _event_triggers_kk(ctx: Ctx, lex):
    doc = ctx.doc
    nouns = []
    for trigger, kind in trigger_spans(doc, "hc_events"):
        nxt = doc[trigger.end].text.lower() if trigger.end < len(doc) else ""
        if nxt.startswith(lex.NOT_EVENT_AFTER.get(stem_of(trigger[-1]), ("\0",))):
            continue
        if trigger[0].text[:1].isupper() and not trigger[0].is_sent_start and kind not in ("forum", "congress") \
                and not (len(trigger) > 1 and trigger[-1].text[:1].islower()):
            continue                   # 'Кеңес Одағы', a name; not 'Үкімет сағаты' (a session of parliament)
        nouns.append((trigger, kind, None))
    starts = {t.start for t, _, _ in nouns}
    nouns = [n for n in nouns if n[0].end not in starts]   # 'Қоғамдық кеңес отырысы': the council's session,
    verbs = _verb_triggers_kk(doc, lex)                     # one event, not a meeting too
    ceremonies = [t for t, _, fields in verbs if fields.get("joins")]
    nouns = [n for n in nouns if not any(c.start < n[0].end and n[0].start < c.end for c in ceremonies)]
    noun_sents = {t.sent.start for t, _, _ in nouns}
    out = list(nouns)
    for trigger, kind, fields in verbs:
        sent = trigger.sent
        if fields.get("attends") and not fields.get("joins") or fields.get("lends") or fields.get("speaks"):
            continue                   # 'Оған … қатысып', '… құттықтады': who took part, never an event
            #                            (_attendants_kk)
        if fields.get("needs_noun") and sent.start not in noun_sents:
            continue
        if fields.get("needs_place") and not (any(p.start < trigger.start for p in _places_in_kk(ctx, sent)) and
                                              _where_before_kk(doc, trigger)):
            continue
        if fields.get("needs_object") and not _object_before_kk(ctx, sent, trigger, fields.get("audience")):
            continue
        if fields.get("whither") and not any(p.end == trigger.start and morph_kk.analyze(p[-1].text.lower())[1]
                                             .endswith(_DATIVE_KK) for p in _places_in_kk(ctx, sent)):
            continue                   # 'Қостанайға келді': came to a place named right before the verb
        if fields.get("needs_noun"):
            continue                   # the noun already gives the event
        out.append((trigger, kind, fields))
    return sorted(out, key=lambda x: x[0].start)


_LOCATIVE_KK = ("да", "де", "та", "те")
_DATIVE_KK = ("ға", "ге", "қа", "ке", "на", "не", "а", "е")


def _where_before_kk(doc, trigger) -> bool:
    """'… ауданында болды', 'ауруханада болды': the word before the verb says where (the locative); not
    'берілетін болды' (an auxiliary), 'орынбасары болды' (was a deputy), 'мәлім болды' (became known)."""
    from ..nlp.kk import morph
    prev = next((t for t in reversed(doc[max(0, trigger.start - 3):trigger.start]) if not t.is_space), None)
    return prev is not None and prev.is_alpha and morph.analyze(prev.text.lower())[1].endswith(_LOCATIVE_KK)


def _no_opening_kk(trigger, facilities_in, persons) -> bool:
    """An opening verb that tells no opening: every facility of its sentence is where something else was
    launched ('… орталығында … пилоттық жоба іске қосылды'), or, with nobody named, a tally of several ('екі
    медициналық пункт пен бір ФАП іске қосылды', '… амбулатория, … пункттер … пайдалануға берілді')."""
    span, kind, fields = trigger
    if kind != "opening" or fields is None or fields.get("joins"):
        return False
    from ..nlp.kk import morph
    facilities = [f for f, _, _ in facilities_in.get(span.sent.start, ())]
    if not facilities:
        return False
    if all(morph.analyze(f[-1].text.lower())[1].endswith(_LOCATIVE_KK) for f in facilities):
        return True
    return not persons.get(span.sent.start) and (len(facilities) > 1 or any(_plural_kk(f) for f in facilities))


def _object_before_kk(ctx: Ctx, sent, trigger, audience: str | None) -> bool:
    """A person or a role in the accusative before the trigger in its sentence ('әкімі Х-ты қабылдады', 'жаңа
    әкімді таныстырды'), or a word of the audience stem ('активіне таныстырды')."""
    from ..nlp.kk import morph
    if "kk_roles_by_sentence" not in ctx.notes:
        ctx.notes["kk_roles_by_sentence"] = by_sentence(ctx, list(trigger_spans(ctx.doc, "hc_roles")),
                                                        lambda x: x[0].start)
    spans = [span for span, _ in ctx.notes["kk_roles_by_sentence"].get(sent.start, ())]
    spans += [e for e, _ in ctx.notes.get("persons", []) if sent.start <= e.start < sent.end]
    if any(span.end <= trigger.start and morph.is_accusative(span[-1].text) for span in spans):
        return True
    return bool(audience) and any(stem_of(t) == audience for t in sent if t.i < trigger.start)


def _places_in_kk(ctx: Ctx, sent) -> list:
    """The live places of a sentence (grouped once per article)."""
    if "kk_places_by_sentence" not in ctx.notes:
        ctx.notes["kk_places_by_sentence"] = by_sentence(ctx, live_places(ctx), lambda p: p.start)
    return ctx.notes["kk_places_by_sentence"].get(sent.start, [])


def _event_place_kk(ctx: Ctx, sent, trigger) -> str | None:
    """The most specific place of the sentence (a settlement or district before a region), nearest to the
    trigger."""
    rank = {"Settlement": 0, "Place": 1, "Region": 2}
    spans = [(rank[p.label_], p, p.id_) for p in _places_in_kk(ctx, sent) if p.label_ in rank]
    if "kk_model_places_by_sentence" not in ctx.notes:
        ctx.notes["kk_model_places_by_sentence"] = by_sentence(ctx, ctx.notes.get("model_places", []), lambda x: x[0].start)
    spans += [(1, e, key) for e, key in ctx.notes["kk_model_places_by_sentence"].get(sent.start, ())]
    if not spans:
        return None
    return min(spans, key=lambda x: (x[0], abs(x[1].start - trigger.start)))[2]


def extract_events_kk(ctx: Ctx, lex) -> None:
    """Openings, visits, meetings, sessions, forums, signings: one event per kind and date in an article, with
    the persons of its sentences as participants, the sentence's place and date. Undated events stay in
    their article (the key holds the article); dated ones merge across articles on kind, date and place."""
    events: dict[tuple, str] = {}
    persons = by_sentence(ctx, ctx.notes.get("persons", []), lambda x: x[0].start)
    facilities_in = by_sentence(ctx, ctx.notes.get("facilities", []), lambda x: x[0].start)
    all_dates = ctx.notes.get("dates", [])                  # in text order
    begins = [d.begin for d in all_dates]
    placed = set()
    joining = []
    emitted: list[str] = []            # event keys in text order
    generic: list[tuple] = []
    receptions: list[str] = []
    untold: list[tuple] = []           # event nouns with nothing to make their event of (no person, date, place)
    unnamed_visits = []
    triggers = [t for t in _event_triggers_kk(ctx, lex) if not _no_opening_kk(t, facilities_in, persons)]
    lent = _attendants_kk(ctx, lex, persons)
    opening_sents = {t.sent.start for t, kind, _ in triggers if kind == "opening"}
    for trigger, kind, fields in triggers:
        if trigger.sent.start in opening_sents and (kind == "visit" and fields is not None or
                                                     fields is None and kind in ("working_trip", "visit")):
            joining.append((trigger, "opening", {}))   # '… ашылу болып, … әкімі Х арнайы барып': came to the
            continue                               # opening; '… ашылуына … іссапары аясында Х': his trip brought him
        if kind in lex.NEEDS_TITLE and fields is None and ctx.live(trigger):
            _programme_kk(ctx, trigger, kind, lex)
            continue
        if not ctx.live(trigger) or kind in lex.NEEDS_TITLE:
            continue
        if fields and fields.get("joins"):
            joining.append((trigger, kind, fields))   # 'Салтанатты жиынға Х қатысты': after every event is known
            continue
        sent = trigger.sent
        text = sent.text.lower()
        generic_word = fields is None and (stem_of(trigger[-1]),) in _GENERIC_KK
        if generic_word and _plural_kk(trigger):
            continue                   # 'іс-шаралар жоспары': events in general
        if generic_word and emitted or fields is None and kind == "meeting" and receptions:
            generic.append((trigger, emitted[-1] if generic_word else receptions[-1]))
            continue                   # 'Сессия өтті … Жиынның күн тәртібіне': that session; 'Х-ты қабылдады.
            #                            … Кездесу соңында': the reception
        if generic_word and untold:    # '… форумы өтті. Аталған іс-шара … Оған министрлер қатысты': the forum,
            first, first_kind, first_place = untold[-1]   # with the persons the generic word's sentence names
            emitted.append(_emit_kk(ctx, events, placed, first_kind, first, (), first_place, []))
            generic.append((trigger, emitted[-1]))
            continue
        if kind == "agreement_signing" and not any(p in text for p in lex.SIGNING_PREFIXES):
            continue
        named = persons.get(sent.start, ())
        people = [k for e, k in named if not _author_of_kk(ctx.doc, e, lex)]   # named for an instruction: no
        people += [k for k in _unnamed_holders_kk(ctx, sent, persons) if k not in people]   # participant
        people += [k for k in lent.get(sent.start, ()) if k not in people]
        dates = all_dates[bisect_left(begins, sent.start_char):bisect_left(begins, sent.end_char)]
        place = _event_place_kk(ctx, sent, trigger)
        facilities = [k for _, k, _ in facilities_in.get(sent.start, ())]
        one = [k for span, k, _ in facilities_in.get(sent.start, ()) if not _plural_kk(span)]
        noun = fields is None
        if not (named or people or dates or
                (kind == "opening" and one) or (kind in ("opening", "visit") and noun and (place or facilities))):
            if kind == "visit" and not noun and _official_before_kk(ctx, sent, trigger):
                unnamed_visits.append((trigger, place))
            if noun and not generic_word:
                untold.append((trigger, kind, place))
            continue                   # an opening verb needs its facility ('… амбулатория ашылды'), one:
            #                            'жаңа амбулаториялар ашылып' is a tally, not an event; a visit verb
            #                            with nobody named needs an official going ('Өңір басшысы арнайы
            #                            барып'), not residents ('тұрғындар емханаға барып жүр')
        emitted.append(_emit_kk(ctx, events, placed, kind, trigger, dates, place, people))
        if kind == "reception":
            receptions.append(emitted[-1])
    for trigger, key in generic:
        for person in [k for _, k in persons.get(trigger.sent.start, ())] + lent.get(trigger.sent.start, []):
            ctx.fact(key, "hc:participant", person)
        ctx.evidence(key, trigger.sent)
    for trigger, kind, fields in joining:   # a ceremony's persons take part in the article's event of that kind
        key = events.get((kind,)) or next((k for slot, k in events.items() if slot[0] == kind), None)
        people = [k for _, k in persons.get(trigger.sent.start, ())]
        people += [k for k in _unnamed_holders_kk(ctx, trigger.sent, persons) if k not in people]
        people += [k for k in lent.get(trigger.sent.start, ()) if k not in people]
        if key is None:                # no such event told otherwise: the ceremony is the event
            _ceremony_kk(ctx, events, placed, trigger, kind, people, facilities_in, all_dates, begins, lex,
                         gathering=bool(fields.get("gathering")))
            continue
        for person in people:          # 'Облыс әкімі … таспасын қиып': the article's one holder of that post
            ctx.fact(key, "hc:participant", person)
        ctx.evidence(key, trigger.sent)
    if not events:                     # an unnamed official's visit, when the article tells of no other event
        for trigger, place in unnamed_visits[:1]:   # (else it is background: 'Еске салсақ, аймақ басшысы … барып')
            _emit_kk(ctx, events, placed, "visit", trigger, (), place, ())
    _speakers_kk(ctx, lex, emitted, persons)


def _speakers_kk(ctx: Ctx, lex, emitted: list[str], persons) -> None:
    """'… жиында қаладағы медицина ұйымдарының басшылары қатысты. «…», — деді Х.': a person quoted after the
    article's first gathering (a meeting, session, forum, conference) was told spoke at it (event_verbs.json
    'speaks')."""
    kinds = {f.subject: f.value.split(":", 1)[1] for f in ctx.facts.values()
             if f.prop == "hc:eventType" and f.subject in emitted}
    key = next((k for k in emitted if k in kinds and ("meeting" in broader_closure("EventKind", kinds[k]) or
                                                      kinds[k] in ("forum", "conference", "congress"))), None)
    if key is None:
        return
    told = min((int(f.value.split(",")[0]) for f in ctx.facts.values()
                if f.subject == key and f.prop == "hc:evidence"), default=None)
    if told is None:
        return
    for trigger, _, fields in _verb_triggers_kk(ctx.doc, lex):
        sent = trigger.sent
        if not fields.get("speaks") or sent.start_char <= told:
            continue
        for ent, person in persons.get(sent.start, ()):
            if not _author_of_kk(ctx.doc, ent, lex):
                ctx.fact(key, "hc:participant", person)


def _emit_kk(ctx: Ctx, events: dict, placed: set, kind, trigger, dates, place, people) -> str:
    """The article's event of that kind (and date), made on its first trigger; its date, place, participants."""
    sent = trigger.sent
    date = dates[0].start if dates else None
    family = "visit" if "visit" in broader_closure("EventKind", kind) else kind   # a working trip is the visit
    slot = (family, date) if date else (family,)
    key = events.get(slot) or events.get((family,))
    if key is None:
        key = make_key("event", kind, date or ctx.article.source, place or "")
        events[slot] = key
        ctx.entity(key, "Event", EVENT_KINDS[kind][1])
        ctx.fact(key, "hc:eventType", f"EventKind:{kind}", "concept")
    if date:
        ctx.fact(key, "hc:startDate", date, "date")
    if place and key not in placed:
        placed.add(key)
        ctx.fact(key, "hc:eventPlace", place)
    for p in people:
        ctx.fact(key, "hc:participant", p)
    ctx.mention_span(key, trigger)
    ctx.evidence(key, sent)
    return key


def _ceremony_kk(ctx: Ctx, events, placed, trigger, kind, people, facilities_in, all_dates, begins, lex,
                 gathering: bool = False) -> None:
    """A ceremony the article tells of no other way is an event of its own: 'дәрігерлік амбулаторияның ашылу
    рәсіміне Х қатысты' (an opening ceremony with its one facility, or with no facility and a person named:
    what opened was told before) is the opening; '… мерейтойына орай
    салтанатты шара өтті' (a ceremony with a date or a person named) is a gathering, a meeting, and so is an
    award ceremony ('gathering' in event_verbs.json: 'Х … үздік қызметкерлерін марапаттады'). A bare 'шараға'
    or a ribbon alone makes none."""
    sent = trigger.sent
    words = " ".join(t.text.lower() for t in trigger)
    dates = all_dates[bisect_left(begins, sent.start_char):bisect_left(begins, sent.end_char)]
    one = [span for span, _, _ in facilities_in.get(sent.start, ()) if not _plural_kk(span)]
    if kind == "opening" and words.startswith(lex.OPENING_CEREMONY) and (len(one) == 1 or people and not one):
        found = "opening"
    elif (words.startswith(lex.CEREMONY) or gathering) and (dates or people or any(
            t.lower_.startswith(lex.HELD_VERBS) for t in sent[trigger.end - sent.start:])):
        found = "meeting"
    else:
        return
    _emit_kk(ctx, events, placed, found, trigger, dates, _event_place_kk(ctx, sent, trigger), people)


def _attendants_kk(ctx: Ctx, lex, persons) -> dict:
    """'… мерекелік салтанат өтті. Оған аудан әкімі Х қатысып, …': a sentence opened by a word that points back
    ('оған', 'шараға'; event_verbs.json 'attends') with its verb ('қатыс…') tells who took part in the event of
    the sentence before: sentence start -> the persons (named, or the one holder of a role named) it lends. So
    does a sentence with a congratulation ('lends': 'Аудан әкімі Х тұрғындарды арнайы келіп құттықтап, …'
    after '… пункттің ашылу салтанаты өтті')."""
    doc = ctx.doc
    out: dict[int, list] = {}
    for trigger, _, fields in _verb_triggers_kk(doc, lex):
        verb = fields.get("attends")
        sent = trigger.sent
        if sent.start == 0:
            continue
        if not fields.get("lends"):
            first = next((t for t in sent if not t.is_space and not t.is_punct), None)
            if not verb or first is None or first.i != trigger.start:
                continue
            if not any(t.lower_.startswith(verb) for t in sent[trigger.end - sent.start:]):
                continue
        before = doc[sent.start - 1].sent
        people = [k for _, k in persons.get(sent.start, ())]
        people += [k for k in _unnamed_holders_kk(ctx, sent, persons) if k not in people]
        lent = out.setdefault(before.start, [])
        lent.extend(k for k in people if k not in lent)
    return out


def _author_of_kk(doc, ent, lex) -> bool:
    """'Президент Х-тың берген тапсырмаларын', 'Х-тың Жолдауында': a person in the genitive whose
    instructions, address or initiative the sentence names is not taking part in its event."""
    from ..nlp.kk import morph
    if not morph.is_genitive(ent[-1].text.lower()):
        return False
    words = [t for t in doc[ent.end:min(len(doc), ent.end + 4)] if not t.is_space][:3]
    return any(stem_of(t) in lex.AUTHORED for t in words)


def _plural_kk(span) -> bool:
    """Does a facility mention end in a plural ('амбулаториялар', 'орталықтардың')."""
    from ..nlp.kk import morph
    return morph.has_plural(morph.analyze(span[-1].text.lower())[1])


def _unnamed_holders_kk(ctx: Ctx, sent, persons) -> list:
    """'… жұмыс сапарымен келген өңір басшысына': a role with no name in the event's sentence is the one person
    of the article who holds a post of that role ('өңір басшысы': a region's akim); none when two do."""
    holders = ctx.notes.get("kk_role_holders")
    if holders is None:
        holders = ctx.notes["kk_role_holders"] = {}
        facts = ctx.facts.values()
        role_of = {f.subject: f.value.split(":", 1)[1] for f in facts if f.prop == "hc:postRole"}
        juris = {f.subject: f.value for f in facts if f.prop == "hc:jurisdiction"}
        tenure_post = {f.subject: f.value for f in facts if f.prop == "hc:tenurePost"}
        for f in facts:
            if f.prop != "hc:tenureOf" or f.subject not in tenure_post:
                continue
            post = tenure_post[f.subject]
            role = role_of.get(post)
            holders.setdefault(role, set()).add(f.value)
            if role == "akim" and str(juris.get(post, "")).startswith("region:"):
                holders.setdefault("head_of_region", set()).add(f.value)
            elif role == "akim" and str(juris.get(post, "")).startswith("settlement:"):
                holders.setdefault("head_of_district", set()).add(f.value)
    if "kk_roles_by_sentence" not in ctx.notes:
        ctx.notes["kk_roles_by_sentence"] = by_sentence(ctx, list(trigger_spans(ctx.doc, "hc_roles")),
                                                        lambda x: x[0].start)
    named = {e.start for e, _ in persons.get(sent.start, ())}
    out = []
    for span, role in ctx.notes["kk_roles_by_sentence"].get(sent.start, ()):
        if any(span.end <= i <= span.end + 3 for i in named):
            continue
        found = holders.get(role, set())
        level = _level_kk(ctx.doc[span.start - 1]) if span.start > 0 else None
        if role == "head" and level == "district":
            found = holders.get("head_of_district") or \
                holders.get("akim", set()) - holders.get("head_of_region", set())   # 'аудан басшысы': an akim,
            #                                                                        not the region's
        elif role == "akim" and level == "region" and len(found) > 1:
            found = holders.get("head_of_region", set())   # 'Облыс әкімі': the region's akim, not the town's
        elif role == "akim" and level is None and len(found) > 1 and any(
                r == "akim" and s.start > 0 and _level_kk(ctx.doc[s.start - 1]) == "region"
                for s, r in ctx.notes["kk_roles_by_sentence"].get(sent.start, ()) if s is not span):
            found = found - holders.get("head_of_region", set())   # 'Облыс әкімі жаңа әкімді': the other one
        if len(found) == 1:
            out.append(next(iter(found)))
    return out


def _level_kk(tok) -> str | None:
    """'аудан', 'ауданның' -> 'district' (post_chain.json level words), else None."""
    from ..extract import lexicon_kk
    return lexicon_kk.LEVEL_WORDS.get(stem_of(tok))


def _official_before_kk(ctx: Ctx, sent, trigger) -> bool:
    """A role word of one official ('өңір басшысы', 'облыс әкімі', not 'ұйымдардың басшылары') before the
    trigger in its sentence."""
    from ..nlp.kk import morph
    if "kk_roles_by_sentence" not in ctx.notes:
        ctx.notes["kk_roles_by_sentence"] = by_sentence(ctx, list(trigger_spans(ctx.doc, "hc_roles")),
                                                        lambda x: x[0].start)
    return any(span.end <= trigger.start and not morph.has_plural(morph.analyze(span[-1].text.lower())[1])
               for span, _ in ctx.notes["kk_roles_by_sentence"].get(sent.start, ()))


def _programme_kk(ctx: Ctx, trigger, kind, lex) -> None:
    """'«Ауылдық денсаулық сақтауды жаңғырту» ұлттық жобасы': a programme named by the quoted title before its
    noun (adjectives between allowed); one resource per title, across articles. No title, no programme."""
    from .facilities import _quoted_before_kk
    from ..nlp.kk import morph
    doc = ctx.doc
    start = trigger.start
    while start > 0 and trigger.start - start < 2 and doc[start - 1].is_alpha and \
            morph.is_adjectival(doc[start - 1].text.lower()):
        start -= 1                     # 'ұлттық', 'мемлекеттік'
    title = _quoted_before_kk(doc, start)
    if title is None or not title.text.strip():
        return
    name = title.text.strip()
    key = make_key("event", kind, name, "")
    words = [t.text for t in doc[start:trigger.end] if not t.is_space]
    words[-1] = morph.nominative(words[-1])
    ctx.entity(key, "Event", f"«{name}» " + " ".join(words), alt=name)
    ctx.fact(key, "hc:eventType", f"EventKind:{kind}", "concept")
    ctx.mention_span(key, doc[title.start - 1:trigger.end])
    ctx.evidence(key, trigger.sent)
