"""Kazakh extractors over the Kazakh Doc contract (kg.nlp.kk): entities from the trained NER
(PER LOC ORG FAC POSITION DATE EVENT), places from ``doc.spans["kg_places"]``, stems as ``token.lemma_``.

Word order differs from Russian: the jurisdiction comes first, in the genitive, and the post carries a
possessive ending ('Шымкент қаласының әкімі Ғабит Сыздықбеков'); counts come before the noun
('5 ірі көпсалалы аурухана', '20-дан астам емхана')."""
from __future__ import annotations

import re

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


def extract_officials_kk(ctx: Ctx, lex) -> None:
    doc = ctx.doc
    triggers = find_triggers(doc, lex.ROLES, 2)
    by_end = {span.end: (span, role) for span, role in triggers}
    places = [p for p in _places(ctx) if p.label_ in ("Region", "Settlement", "Country")]
    for ent, person in ctx.notes.get("persons", []):
        j = ent.start
        while j > ent.sent.start and (doc[j - 1].is_space or doc[j - 1].text in ","):
            j -= 1
        if j not in by_end:
            continue
        trigger, role = by_end[j]
        start = max(ent.sent.start, trigger.start - 6)
        juris = next((p for p in reversed(places) if start <= p.start and p.end <= trigger.start), None)
        acting = any(t.text.lower() in lex.ACTING_WORDS for t in doc[trigger.end:ent.start]) or \
            any(t.text.lower() in lex.ACTING_WORDS for t in doc[max(0, trigger.start - 3):trigger.start])
        _write_tenure(ctx, person, ent, trigger, role, juris, acting, doc[juris.start if juris else trigger.start:trigger.end])


def _write_tenure(ctx, person, ent, trigger, role, juris, acting, post_span) -> None:
    if juris is None:
        return
    post = post_key(role, juris.id_)
    label = post_span.text.strip()
    ctx.entity(post, "Post", label)
    ctx.fact(post, "hc:postRole", f"Role:{role}", "concept")
    ctx.fact(post, "hc:jurisdiction", juris.id_)
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
    if juris is None and any(t.text.lower() in lex.CITY_ADJECTIVES for t in span):
        main = ctx.notes.get("main_region")
        gaz = load_gazetteer()
        juris = main if main and gaz.get(main) and gaz.get(main).is_city else None
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


def extract_events_kk(ctx: Ctx, lex) -> None:
    doc = ctx.doc
    seen: dict[str, str] = {}
    for trigger, kind in find_triggers(doc, lex.EVENTS, 2):
        if not ctx.live(trigger) or trigger.end >= len(doc):
            continue
        nxt = doc[trigger.end].text.lower() if trigger.end < len(doc) else ""
        if nxt.startswith(lex.NOT_EVENT_AFTER.get(_stem(trigger[0]), ("\0",))):
            continue
        sent = trigger.sent
        people = [k for e, k in ctx.notes.get("persons", []) if sent.start <= e.start < sent.end]
        dates = [d for d in ctx.notes.get("dates", []) if sent.start_char <= d.begin < sent.end_char]
        if kind == "agreement_signing" and not any(p in sent.text.lower() for p in lex.SIGNING_PREFIXES):
            continue
        if not (people or dates) or kind in lex.NEEDS_TITLE:
            continue
        key = seen.get(kind) or make_key("event", kind, dates[0].start if dates else "", *sorted(people))
        seen[kind] = key
        ctx.entity(key, "Event", trigger.text.lower())
        ctx.fact(key, "hc:eventType", f"EventKind:{kind}", "concept")
        if dates:
            ctx.fact(key, "hc:startDate", dates[0].start, "date")
        for p in people:
            ctx.fact(key, "hc:participant", p)
        ctx.mention_span(key, trigger)
        ctx.evidence(key, sent)


_KK_DATE = re.compile(r"\b(?:(\d{4})\s+жыл(?:ғы|ы)\s+)?(\d{1,2})\s+(қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|"
                      r"тамыз|қыркүйек|қазан|қараша|желтоқсан)\w*", re.IGNORECASE)


def find_dates_kk(text: str, ref_year: int | None, lex):
    from .dates import DateSpan, _iso
    out = []
    for m in _KK_DATE.finditer(text):
        year = int(m.group(1)) if m.group(1) else ref_year
        iso = _iso(year, lex.MONTHS[m.group(3).lower()], int(m.group(2))) if year else None
        if iso:                                  # '30 ақпан' is no date
            out.append(DateSpan(m.start(), m.end(), iso))
    return out


def extract_kk(ctx: Ctx, lex) -> None:
    normalize_names(ctx)
    extract_persons(ctx)
    extract_facilities_kk(ctx, lex)
    extract_orgs_kk(ctx, lex)
    extract_officials_kk(ctx, lex)
    extract_model_entities(ctx, lex)
    extract_events_kk(ctx, lex)
