"""Kazakh extractors over the Kazakh Doc contract (kg.nlp.kk): entities from the trained NER
(PER LOC ORG FAC POSITION DATE EVENT), places from ``doc.spans["kg_places"]``, stems as ``token.lemma_``.

Word order differs from Russian: the jurisdiction comes first, in the genitive, and the post carries a
possessive ending ('Шымкент қаласының әкімі Ғабит Сыздықбеков'); counts come before the noun
('5 ірі көпсалалы аурухана', '20-дан астам емхана')."""
from __future__ import annotations

import re

from ..concepts import EVENT_KINDS
from ..gazetteer import load_gazetteer
from ..iris import make_key
from ..nlp.extensions import PLACES
from ..nlp.kk import morph
from .common import find_triggers, head_at
from .officials import post_key, write_tenure
from .context import Ctx
from .persons import extract_persons

_NUM = re.compile(r"^(\d+)(?:-(?:\w+))?$")


def _stem(tok) -> str:
    return (tok.lemma_ or morph.stem(tok.text)).lower()


def _places(ctx: Ctx):
    return [s for s in ctx.doc.spans[PLACES] if ctx.live(s)] if PLACES in ctx.doc.spans else []


def normalize_names(ctx: Ctx) -> None:
    """A Kazakh name declines on its last word: 'Ғабит Сыздықбековтің' -> 'Ғабит Сыздықбеков'."""
    for ent in ctx.doc.ents:
        if ent.label_ == "PER":
            words = [t.text for t in ent if not t.is_space and not t.is_punct]
            if words:
                words[-1] = morph.nominative(words[-1])
                ent._.kg_normal = " ".join(words)


LEVEL_WORDS = {"облыс": "region", "облыстық": "region", "аудан": "district", "аудандық": "district",
               "қала": "city", "қалалық": "city"}
COUNTRY_WORDS = {"қр", "қазақстан", "республика", "республикалық", "ел", "мемлекет"}
_GENITIVE = ("ның", "нің", "дың", "дің", "тың", "тің")
_CHAIN_STOP = {"мен", "және", "пен", "бен", "немесе", "сәйкес", "бойынша", "кейін", "соң", "үшін", "бірге"}


def _spans_by_token(ctx: Ctx) -> dict[int, tuple[str, str, object]]:
    """token index -> (kind, key, span) for places, bodies and facilities already found."""
    out: dict[int, tuple[str, str, object]] = {}
    for span in _places(ctx):
        for i in range(span.start, span.end):
            out[i] = ("place", span.id_, span)
    for span, key in ctx.notes.get("orgs", []):
        for i in range(span.start, span.end):
            out.setdefault(i, ("org", key, span))
    for span, key, _ in ctx.notes.get("facilities", []):
        for i in range(span.start, span.end):
            out.setdefault(i, ("facility", key, span))
    return out


def _chain_start(doc, start: int, lower: int, known: dict) -> int:
    """Where the genitive chain before a role begins: places, bodies, facilities, level words, words in the
    genitive and the nouns they govern ('Қызылорда облысы денсаулық сақтау басқармасының | басшысы')."""
    j = start
    while j > lower and start - j < 9:
        tok = doc[j - 1]
        if tok.is_space:
            j -= 1
            continue
        low = tok.text.lower()
        if tok.i in known or _stem(tok) in LEVEL_WORDS or low in COUNTRY_WORDS or _stem(tok) in COUNTRY_WORDS:
            j -= 1
            continue
        if tok.is_punct and tok.text in "«»\"“”":
            j -= 1
            continue
        if tok.is_punct or tok.ent_type_ == "PER" or low in _CHAIN_STOP or tok.like_num:
            break
        if low.endswith(_GENITIVE) or (tok.is_alpha and j < start and (doc[j].text.lower().endswith(_GENITIVE)
                                                                        or doc[j].i in known)):
            j -= 1                     # a genitive, or a noun inside a compound before one ('денсаулық сақтау')
            continue
        if tok.text[:1].isupper() and tok.is_alpha:
            j -= 1                     # a name inside the chain ('Парламент Сенатының')
            continue
        break
    while j < start and (doc[j].is_space or doc[j].is_punct and doc[j].text not in "«\"“"):
        j += 1
    return j


def _jurisdiction(ctx: Ctx, doc, chain, known, role: str, lex) -> tuple[str | None, str | None, str | None]:
    """(jurisdiction, body, facility) of a post from its genitive chain."""
    juris = body = facility = None
    for tok in chain:
        kind, key, _ = known.get(tok.i, (None, None, None))
        if kind == "place" and key.split(":")[0] in ("region", "settlement", "country", "district"):
            juris = key                 # the last (nearest) place wins
        elif kind == "org":
            body = key
        elif kind == "facility":
            facility = key
    stems = [_stem(t) for t in chain]
    if juris is None and body is not None:
        juris = next((f.value for f in ctx.facts.values() if f.subject == body and f.prop == "hc:jurisdiction"),
                     None)
    if juris is None:
        levels = [LEVEL_WORDS[s] for s in stems if s in LEVEL_WORDS]
        main = ctx.notes.get("main_region")
        gaz = load_gazetteer()
        if levels and levels[-1] == "region" and main and main.startswith("region:KZ") and not gaz.get(main).is_city:
            juris = main               # 'облыс әкімі': the article's region
        elif levels and levels[-1] == "city" and main and gaz.get(main) and gaz.get(main).is_city:
            juris = main
        elif levels and levels[-1] == "district":
            juris = _article_district(ctx)
        elif any(t.text.lower() in COUNTRY_WORDS or _stem(t) in COUNTRY_WORDS | lex.NATIONAL_BODIES
                 for t in chain) or \
                (role in lex.NATIONAL_ROLES and not levels and facility is None and body is None):
            juris = "country:KZ"
    return juris, body, facility


def _article_district(ctx: Ctx) -> str | None:
    """The article's one district ('Арал ауданы'), if it names exactly one."""
    found = {s.id_ for s in _places(ctx) if "аудан" in s.text.lower() and s.label_ in ("Settlement", "Place")}
    return next(iter(found)) if len(found) == 1 else None


def _acting_between(doc, start: int, end: int, lex) -> bool:
    text = " ".join(t.text.lower() for t in doc[start:end] if not t.is_space)
    return any(all(any(w.startswith(p) for w in text.split()) for p in marker) for marker in lex.ACTING)


def _appointment_near(doc, start: int, sent, lex) -> str | None:
    """'… қызметіне тағайындалды', '… болып тағайындалды' after a role: the kind, or None."""
    toks = [t.text.lower() for t in doc[start:min(sent.end, start + 6)] if not t.is_space]
    for i in range(len(toks)):
        for words, kind in lex.APPOINTMENT.items():
            if all(i + k < len(toks) and toks[i + k].startswith(w) for k, w in enumerate(words)):
                return kind
    return None


def extract_officials_kk(ctx: Ctx, lex) -> None:
    """A role right before a name ('Жамбыл облысының әкімі Х', 'облыс әкімінің орынбасары Х', 'облыс
    әкімінің міндетін атқарушы Х'), or a name in the genitive before a role that an appointment verb follows
    ('Х-тың … директоры қызметіне тағайындалды'). The jurisdiction comes from the genitive chain before the
    role; a bare 'облыс' is the article's region; national roles with no place are the country's."""
    doc = ctx.doc
    triggers = [(span, role) for span, role in find_triggers(doc, lex.ROLES, 3) if ctx.live(span)]
    known = _spans_by_token(ctx)
    persons = ctx.notes.get("persons", [])
    done = set()
    for trigger, role in triggers:
        sent = trigger.sent
        # the name after the role, acting markers allowed between
        j = trigger.end
        while j < sent.end and doc[j].is_space:
            j += 1
        k = j
        while k < sent.end and k - j < 3 and not any(e.start == k for e, _ in persons):
            k += 1
        person = next(((e, key) for e, key in persons if e.start == k), None)
        acting = False
        if person is not None and k > j:
            acting = _acting_between(doc, j, k, lex)
            if not acting:
                person = None
        if person is None:
            person = _appointee(ctx, doc, trigger, persons, lex)
        if person is None:
            continue
        ent, key = person
        if (key, trigger.start) in done:
            continue
        done.add((key, trigger.start))
        lower = max(sent.start, ent.end if ent.end <= trigger.start else sent.start)
        chain_start = _chain_start(doc, trigger.start, lower, known)
        chain = doc[chain_start:trigger.start]
        acting = acting or _acting_between(doc, max(sent.start, chain_start - 2), chain_start, lex) or \
            _acting_between(doc, trigger.end, min(sent.end, trigger.end + 3), lex)
        juris, body, facility = _jurisdiction(ctx, doc, chain, known, role, lex)
        if role == "head" and len(chain) and _stem(chain[-1]) in lex.HEAD_OF_BODY:
            role = lex.HEAD_OF_BODY[_stem(chain[-1])]      # 'министрлігінің басшысы' is the minister
        _write_tenure(ctx, key, ent, role, juris, body, facility, acting, doc[chain_start:trigger.end])


def _appointee(ctx, doc, trigger, persons, lex):
    """'Ажар Ғинияттың … директоры қызметіне тағайындалды': the nearest name before the role, in its
    sentence, when an appointment word follows the role."""
    if _appointment_near(doc, trigger.end, trigger.sent, lex) is None:
        return None
    before = [(e, k) for e, k in persons if trigger.sent.start <= e.start and e.end <= trigger.start
              and trigger.start - e.end <= 10]
    return before[-1] if before else None


def _write_tenure(ctx, person, ent, role, juris, body, facility, acting, post_span) -> None:
    post = post_key(role, juris, body or facility, holder=None if (juris or body or facility) else person)
    label = post_span.text.strip()
    ctx.entity(post, "Post", label)
    ctx.fact(post, "hc:postRole", f"Role:{role}", "concept")
    if juris:
        ctx.fact(post, "hc:jurisdiction", juris)
    if body or facility:
        ctx.fact(post, "hc:postIn", body or facility)
    ctx.mention_span(post, post_span)
    write_tenure(ctx, person, post, acting, ent.sent)


def _status(sent, lex) -> str | None:
    text = sent.text.lower()
    found = [(text.find(p), status) for p, status in lex.STATUS_PREFIXES if p in text]
    return min(found)[1] if found else None


def _count(doc, start, lex):
    """'5 ірі …' -> (5, exact); '20-дан астам …' -> (20, at least)."""
    j = start - 1
    while j >= 0 and doc[j].is_space:
        j -= 1
    at_least = False
    if j >= 0 and doc[j].text.lower() in lex.MORE_THAN:
        at_least, j = True, j - 1
    if j >= 0:
        m = _NUM.match(doc[j].text)
        if m:
            return int(m.group(1)), at_least
    return None, False


def extract_facilities_kk(ctx: Ctx, lex) -> None:
    doc = ctx.doc
    i = 0
    while i < len(doc):
        head, n = head_at(doc, i, lex.FACILITY_HEADS, _stem)
        if not head or not ctx.live(doc[i:i + n]):
            i += 1
            continue
        kind, cls, needs = lex.FACILITY_HEADS[head]
        start = i
        while start > 0 and doc[start - 1].is_alpha and doc[start - 1].text[:1].islower() and \
                _stem(doc[start - 1]) not in ("мен", "және", "бен", "пен") and start > i - 3 and \
                (doc[start - 1].text.lower().endswith(("лы", "лі", "дық", "дік", "тық", "тік", "лық", "лік")) or
                 doc[start - 1].text.lower() in lex.GENERIC_QUALIFIERS):
            start -= 1
        words = [doc[k].text.lower() for k in range(start, i)]
        if needs and not (set(words) & lex.MEDICAL_WORDS or set(words) & lex.SOCIAL_WORDS):
            i += n
            continue
        count = _count(doc, start, lex)                   # '5 ірі көпсалалы аурухана': before the adjectives
        while words and words[0] in lex.LABEL_STRIP:
            words, start = words[1:], start + 1
        label = " ".join(words + [head.split()[-1] if n == 1 else head])
        _facility(ctx, lex, doc[start:i + n], label, kind, cls, count)
        i += n


def _facility(ctx, lex, span, label, kind, cls, count=(None, False)) -> None:
    where = _location(ctx, span)
    key = make_key("facility", label, where or "")
    ctx.entity(key, cls, label)
    ctx.fact(key, "hc:facilityKind", f"FacilityKind:{kind}", "concept")
    if where:
        ctx.fact(key, "hc:locatedIn", where)
    status = _status(span.sent, lex)
    if status and not any(f.subject == key and f.prop == "hc:facilityStatus" for f in ctx.facts.values()):
        ctx.fact(key, "hc:facilityStatus", f"FacilityStatus:{status}", "concept")
    number, at_least = count
    if number is not None:
        ctx.fact(key, "hc:minCount" if at_least else "hc:count", number, "int")
    ctx.mention_span(key, span)
    ctx.notes.setdefault("facilities", []).append((span, key, cls))


def _location(ctx, span) -> str | None:
    near = [p for p in _places(ctx) if p.sent.start == span.sent.start and p.label_ in ("Settlement", "Region")]
    if near:
        return min(near, key=lambda p: abs(p.start - span.start)).id_
    return ctx.notes.get("main_region")


def extract_orgs_kk(ctx: Ctx, lex) -> None:
    doc = ctx.doc
    found = []
    for tok in doc:
        if _stem(tok) not in lex.GOV_HEADS or not ctx.live(doc[tok.i:tok.i + 1]):
            continue
        start = tok.i
        while start > tok.sent.start and doc[start - 1].is_alpha and start > tok.i - 5 and \
                not doc[start - 1].text.lower() in ("мен", "және", "бен", "пен", "бұл", "осы"):
            start -= 1
            if doc[start].text[:1].isupper():
                break
        span = doc[start:tok.i + 1]
        if len(span) < 2:
            continue
        found.append(_org(ctx, lex, span, tok))
    for ent in list(doc.ents) + _named_quotes(doc, lex):
        if ent.label_ == "ORG" and ctx.live(ent) and not any(s.start <= ent.start < s.end for s, _ in found) \
                and _plausible_org(ent, lex):
            label = _label_kk(ent)
            key = make_key("org", label)
            ctx.entity(key, "Organization", label)
            ctx.mention_span(key, ent)
            found.append((ent, key))
    ctx.notes["orgs"] = found


def _named_quotes(doc, lex):
    """'«Smart Medicine Shymkent» атты платформа': a quoted name that 'атты' (called) introduces."""
    from spacy.tokens import Span
    out = []
    for tok in doc:
        if tok.text.lower() in lex.NAMED_BY and tok.i > 1 and doc[tok.i - 1].text in "»\"”":
            j = tok.i - 2
            while j > 0 and doc[j].text not in "«\"“":
                j -= 1
            if 0 < j < tok.i - 2:
                out.append(Span(doc, j + 1, tok.i - 1, label="ORG"))
    return out


_PLURAL = ("лар", "лер", "дар", "дер", "тар", "тер")


def _plausible_org(ent, lex) -> bool:
    """The model's ORG/FAC spans, kept when they look like a name: quoted, an acronym, or starting with a
    capital and not ending in a plural ('Денсаулық сақтау мекемелерінің' is institutions in general)."""
    words = [t for t in ent if not t.is_punct and not t.is_space]
    if not words:
        return False
    if ent.start > 0 and ent.doc[ent.start - 1].text in "«\"“" or all(t.text.isupper() for t in words):
        return True
    if any(t.text == "," or t.text.lower() in lex.CONJUNCTIONS for t in ent):
        return False                                  # a list of things is no name
    return words[0].text[:1].isupper() and not morph.analyze(words[-1].text)[1].startswith(_PLURAL)


def _label_kk(span) -> str:
    words = [t.text for t in span if not t.is_space]
    words[-1] = morph.nominative(words[-1])
    return " ".join(words).strip("«»\" ")


def extract_model_entities(ctx: Ctx, lex) -> None:
    """Places and facilities the model finds beyond the gazetteer and the head-noun rules."""
    doc = ctx.doc
    taken = [s for s in _places(ctx)] + [s for s, _, _ in ctx.notes.get("facilities", [])] + \
        [s for s, _ in ctx.notes.get("orgs", [])]
    for ent in doc.ents:
        if not ctx.live(ent) or any(t.start < ent.end and ent.start < t.end for t in taken):
            continue
        if ent.label_ == "LOC" and ent[0].text[:1].isupper():
            nxt = doc[ent.end].text.lower() if ent.end < len(doc) else ""
            cls = "Settlement" if nxt.startswith(lex.SETTLEMENT_WORDS) else "Place"
            label = _label_kk(ent)
            key = make_key("settlement" if cls == "Settlement" else "place", label)
            ctx.entity(key, cls, label)
            ctx.mention_span(key, ent)
        elif ent.label_ == "FAC" and _plausible_org(ent, lex):
            label = _label_kk(ent)
            medical = any(_stem(t) in lex.FACILITY_HEADS for t in ent)
            key = make_key("facility", label, ctx.notes.get("main_region") or "")
            ctx.entity(key, "HealthcareFacility" if medical else "Facility", label)
            ctx.mention_span(key, ent)


def _org(ctx, lex, span, head):
    stems = tuple(_stem(t) for t in span if t.text.lower() not in lex.CITY_ADJECTIVES | lex.REGION_ADJECTIVES)
    juris = next((p.id_ for p in _places(ctx) if span.start <= p.start < span.end), None)
    main = ctx.notes.get("main_region")
    gaz = load_gazetteer()
    if juris is None and main and gaz.get(main) and any(t.text.lower() in lex.CITY_ADJECTIVES for t in span):
        juris = main if gaz.get(main).is_city else None
    elif juris is None and main and gaz.get(main) and (any(t.text.lower() in lex.REGION_ADJECTIVES for t in span)
                                                       or _stem(span[0]) == "облыс"):
        juris = main if not gaz.get(main).is_city else None     # 'облыстық денсаулық сақтау басқармасы'
    words = [t.text for t in span]
    words[-1] = morph.nominative(words[-1])
    label = " ".join(words)
    label = label[:1].upper() + label[1:]
    common = next((v for k, v in lex.BODY_KEYS.items() if stems[-len(k):] == k), None)
    key = make_key("org", f"{common} {juris}" if common and juris else label)
    ctx.entity(key, "GovernmentBody", label)
    if juris:
        ctx.fact(key, "hc:jurisdiction", juris)
    ctx.mention_span(key, span)
    return span, key


def _verb_triggers(doc, lex):
    """Event verbs and set phrases by lower-case word prefixes ('ашылды', 'жұмыс сапарымен', 'қол қойды')."""
    toks = [t for t in doc if not t.is_space]
    out, i = [], 0
    while i < len(toks):
        for words, (kind, fields) in sorted(lex.EVENT_VERBS.items(), key=lambda kv: -len(kv[0])):
            chunk = toks[i:i + len(words)]
            if len(chunk) == len(words) and all(t.text.lower().startswith(w) for t, w in zip(chunk, words)):
                out.append((doc[chunk[0].i:chunk[-1].i + 1], kind, fields))
                i += len(words) - 1
                break
        i += 1
    return out


def _event_triggers(ctx: Ctx, lex):
    doc = ctx.doc
    nouns = []
    for trigger, kind in find_triggers(doc, lex.EVENTS, 2):
        nxt = doc[trigger.end].text.lower() if trigger.end < len(doc) else ""
        if nxt.startswith(lex.NOT_EVENT_AFTER.get(_stem(trigger[-1]), ("\0",))):
            continue
        if trigger[0].text[:1].isupper() and not trigger[0].is_sent_start and kind not in ("forum", "congress"):
            continue                   # 'Кеңес Одағы', a name
        nouns.append((trigger, kind, {}))
    noun_sents = {t.sent.start for t, _, _ in nouns}
    out = list(nouns)
    for trigger, kind, fields in _verb_triggers(doc, lex):
        sent = trigger.sent
        if fields.get("needs_noun") and sent.start not in noun_sents:
            continue
        if fields.get("needs_place") and not any(sent.start <= p.start < trigger.start for p in _places(ctx)):
            continue
        if fields.get("needs_noun"):
            continue                   # the noun already gives the event
        out.append((trigger, kind, fields))
    return sorted(out, key=lambda x: x[0].start)


def _event_place(ctx: Ctx, sent, trigger) -> str | None:
    """The most specific place of the sentence (a settlement or district before a region), nearest to the
    trigger."""
    spans = [p for p in _places(ctx) if sent.start <= p.start < sent.end and p.label_ in ("Settlement", "Region")]
    if not spans:
        return None
    spans.sort(key=lambda p: (p.label_ != "Settlement", abs(p.start - trigger.start)))
    return spans[0].id_


def extract_events_kk(ctx: Ctx, lex) -> None:
    """Openings, visits, meetings, sessions, forums, signings: one event per kind and date in an article, with
    the persons of its sentences as participants, the sentence's place and date. Undated events stay in
    their article (the key holds the article); dated ones merge across articles on kind, date and place."""
    doc = ctx.doc
    events: dict[tuple, str] = {}
    persons = ctx.notes.get("persons", [])
    for trigger, kind, _ in _event_triggers(ctx, lex):
        if not ctx.live(trigger) or kind in lex.NEEDS_TITLE:
            continue
        sent = trigger.sent
        text = sent.text.lower()
        if kind == "agreement_signing" and not any(p in text for p in lex.SIGNING_PREFIXES):
            continue
        people = [k for e, k in persons if sent.start <= e.start < sent.end]
        dates = [d for d in ctx.notes.get("dates", []) if sent.start_char <= d.begin < sent.end_char]
        place = _event_place(ctx, sent, trigger)
        facilities = [k for sp, k, _ in ctx.notes.get("facilities", []) if sent.start <= sp.start < sent.end]
        if not (people or dates or (kind in ("opening", "visit") and (place or facilities))):
            continue
        date = dates[0].start if dates else None
        slot = (kind, date) if date else (kind,)
        key = events.get(slot) or events.get((kind,))
        if key is None:
            key = make_key("event", kind, date or ctx.article.source, place or "")
            events[slot] = key
            ctx.entity(key, "Event", EVENT_KINDS[kind][1])
            ctx.fact(key, "hc:eventType", f"EventKind:{kind}", "concept")
        if date:
            ctx.fact(key, "hc:startDate", date, "date")
        if place and not any(f.subject == key and f.prop == "hc:eventPlace" for f in ctx.facts.values()):
            ctx.fact(key, "hc:eventPlace", place)
        for p in people:
            ctx.fact(key, "hc:participant", p)
        ctx.mention_span(key, trigger)
        ctx.evidence(key, sent)


_MONTH_NAMES = "қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|тамыз|қыркүйек|қазан|қараша|желтоқсан"
# '2026 жылғы 19 ақпанда', '2026 ж. 19 ақпан', '19 ақпан күні', '19 ақпанда'
_KK_DATE = re.compile(r"(?<![\w-])(?:(\d{4})\s*(?:жылғы|жылы|ж\.)\s+)?(\d{1,2})(?:-?ші|-?шы|-?нші|-?ншы)?\s+"
                      r"(" + _MONTH_NAMES + r")\w*(?:\s+(\d{4})\s*(?:жылы|ж\.))?", re.IGNORECASE)
_NUM_DATE = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\d.]\d)")


def find_dates_kk(text: str, ref_year: int | None, lex, ref_date: str | None = None):
    """Kazakh dates: day and month name with an optional year before ('2026 жылғы 19 ақпанда') or after
    ('19 ақпан 2026 жылы'), and '19.02.2026'. A date without a year takes the latest such date not after the
    article's date (``ref_date``), else ``ref_year``."""
    from .dates import DateSpan, _iso
    out = []
    for m in _KK_DATE.finditer(text):
        month, day = lex.MONTHS[m.group(3).lower()], int(m.group(2))
        year = int(m.group(1) or m.group(4) or 0) or _year_for(month, day, ref_year, ref_date)
        iso = _iso(year, month, day) if year else None          # '30 ақпан' is no date
        if iso:
            out.append(DateSpan(m.start(), m.end(), iso))
    for m in _NUM_DATE.finditer(text):
        day, month, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
        iso = _iso(year, month, day)
        if iso:
            out.append(DateSpan(m.start(), m.end(), iso))
    return sorted(out, key=lambda d: d.begin)


def _year_for(month: int, day: int, ref_year: int | None, ref_date: str | None) -> int | None:
    if ref_date and len(ref_date) >= 10:
        year = int(ref_date[:4])
        return year if (month, day) <= (int(ref_date[5:7]), int(ref_date[8:10])) else year - 1
    return ref_year


def extract_kk(ctx: Ctx, lex) -> None:
    normalize_names(ctx)
    extract_persons(ctx)
    extract_facilities_kk(ctx, lex)
    extract_orgs_kk(ctx, lex)
    extract_officials_kk(ctx, lex)
    extract_model_entities(ctx, lex)
    extract_events_kk(ctx, lex)
