"""Facilities: a head noun ('больница', 'центр', 'роддом'…) with its qualifiers, or a quoted name after a
head noun ('центр реабилитации «Сосновый бор»', 'отель «Азимут»'). Kind and class from the head and the
words around it; status from the sentence ('открытие', 'капитальный ремонт', 'в планах'); located in
the settlement named next to it, else the article's region."""
from __future__ import annotations

from ..iris import make_key
from ..nlp.extensions import PLACES
from ..nlp.ru_morph import nominative_words, to_nominative
from .common import adjectives_before, extend_genitive, head_at, lemma, quote_after, quoted_spans
from .context import Ctx


def facility_candidates(ctx: Ctx, lex):
    doc = ctx.doc
    out, i = [], 0
    while i < len(doc):
        head, n = head_at(doc, i, lex.FACILITY_HEADS, lemma, pos=("NOUN", "PROPN", "X"))
        if not head or not ctx.live(doc[i:i + n]):
            i += 1
            continue
        kind, cls, needs = lex.FACILITY_HEADS[head]
        start = adjectives_before(doc, i)
        end = _capacity(doc, extend_genitive(doc, i + n, limit=5))
        name = quote_after(doc, i + n - 1) or quote_after(doc, end - 1)
        phrase = doc[start:end]
        if name is not None:
            out.append((phrase, name, head))
            i = name.end + 1
            continue
        if _specific(phrase, i, n, needs, lex) and _in_domain(phrase, head, lex):
            out.append((phrase, None, head))
        i = end if end > i else i + 1
    return out + _quoted_in_context(ctx, lex, out)


def _domains(phrase, lex) -> set[str]:
    lemmas = {lemma(t) for t in phrase}
    found = set()
    if lemmas & lex.MEDICAL_WORDS:
        found.add("medical")
    if lemmas & lex.SOCIAL_WORDS:
        found.add("social")
    if lemmas & lex.TECH_WORDS:
        found.add("tech")
    return found


def _in_domain(phrase, head, lex) -> bool:
    need = lex.DOMAIN_HEADS.get(head)
    return need is None or bool(_domains(phrase, lex) & set(need))


def _quoted_in_context(ctx, lex, taken):
    """«Name» after 'в'/'на' in a sentence about institutions: 'отделения … в «Лесной сказке»'."""
    doc = ctx.doc
    used = [name for _, name, _ in taken if name is not None]
    out = []
    for q in quoted_spans(doc):
        if any(u.start == q.start for u in used) or not ctx.live(q) or q.start < 2:
            continue
        if lemma(doc[q.start - 2]) not in lex.LOCATIVE:
            continue
        sent_lemmas = {lemma(t) for t in q.sent}
        if sent_lemmas & lex.FACILITY_CONTEXT and q[0].text[:1].isupper():
            out.append((doc[q.start - 2:q.end + 1], q, "филиал"))
    return out


def _capacity(doc, end):
    """'роддом [на 200 мест]', 'центр [для детей]'."""
    if end + 2 < len(doc) and lemma(doc[end]) == "на" and doc[end + 1].like_num and lemma(doc[end + 2]) in ("место", "койка", "посещение"):
        return end + 3
    if end + 1 < len(doc) and lemma(doc[end]) == "для" and doc[end + 1].pos_ == "NOUN":
        return end + 2
    return end


def _specific(phrase, head_i, n, needs, lex) -> bool:
    if not needs:
        return True
    quals = [t for t in phrase if t.i < head_i or t.i >= head_i + n]
    quals = [t for t in quals if t.pos_ in ("ADJ", "NOUN", "PROPN") and lemma(t) not in lex.GENERIC_QUALIFIERS]
    if not quals:
        return False
    if all(t.ent_type_ in ("LOC",) or t.pos_ == "PROPN" for t in quals if t.i > head_i):
        return any(t.i < head_i for t in quals)
    return True


def classify(phrase, head, lex) -> tuple[str, str]:
    kind, cls, _ = lex.FACILITY_HEADS[head]
    if head not in lex.DOMAIN_HEADS:
        return kind, cls
    domains = _domains(phrase.sent if head == "филиал" else phrase, lex)
    lemmas = {lemma(t) for t in phrase}
    if head == "парк" and "tech" in domains:
        return "technology_park", "Facility"
    if "social" in domains and ("medical" not in domains or "реабилитация" in lemmas):
        return ("rehabilitation_centre" if "реабилитация" in lemmas else "social_centre"), "SocialFacility"
    if "medical" in domains:
        return kind if kind != "social_centre" else "medical_centre", "HealthcareFacility"
    return kind, cls


def status_of(ctx: Ctx, sent, lex) -> str | None:
    lemmas = [lemma(t) for t in sent]
    status = next((lex.STATUS[l] for l in lemmas if l in lex.STATUS), None)
    planned = any(l in lex.PLAN_CUES for l in lemmas) or any(t.text.lower() in lex.FUTURE_AUX for t in sent)
    if planned and status in (None, "opened", "under_construction"):
        return "planned" if status or any(l in ("план", "планироваться", "ожидать") for l in lemmas) else None
    return status


def _sentence_status(ctx, sent, lex):
    status = status_of(ctx, sent, lex)
    if status is None and sent.start > 0:
        first = lemma(sent[0]) if not sent[0].is_space else ""
        if first in lex.ANAPHORA_STARTS or sent.text.lstrip().lower().startswith(tuple(lex.ANAPHORA_STARTS)):
            prev = ctx.doc[sent.start - 1].sent
            status = status_of(ctx, prev, lex)
    return status


def location(ctx: Ctx, phrase) -> str | None:
    doc = ctx.doc
    places = [p for p in doc.spans[PLACES]] if PLACES in doc.spans else []
    sent = phrase.sent
    near = []
    for p in places:
        if p.sent.start != sent.start or p.label_ not in ("Settlement", "Region"):
            continue
        between = doc[p.end:phrase.start] if p.end <= phrase.start else doc[phrase.end:p.start]
        if len(between) <= 6 and not any(t.text in (",", ";", ".") for t in between):
            near.append((p.label_ != "Settlement", len(between), p.id_))
    if near:
        return min(near)[2]
    return ctx.notes.get("main_region")


def extract_facilities(ctx: Ctx, lex) -> None:
    for phrase, name, head in facility_candidates(ctx, lex):
        kind, cls = classify(phrase, head, lex)
        where = location(ctx, phrase)
        if name is not None:
            label = to_nominative([t for t in name if not t.is_space])
            span = name
        else:
            toks = [t for t in phrase if not t.is_space]
            words = nominative_words(toks)
            while len(words) > 1 and words[0].lower() in lex.LABEL_STRIP:
                words, toks = words[1:], toks[1:]
            label = " ".join(words)
            span = ctx.doc[toks[0].i:phrase.end]
        label = label.strip(" «»\"")
        if len(label) < 3:
            continue
        key = make_key("facility", label, where or "")
        ctx.entity(key, cls, label, alt=span.text)
        ctx.fact(key, "hc:facilityKind", f"FacilityKind:{kind}", "concept")
        if where:
            ctx.fact(key, "hc:locatedIn", where)
        status = _sentence_status(ctx, phrase.sent, lex) if cls != "Venue" else None
        if status and not any(f.subject == key and f.prop == "hc:facilityStatus" for f in ctx.facts.values()):
            ctx.fact(key, "hc:facilityStatus", f"FacilityStatus:{status}", "concept")
        _count(ctx, key, phrase)
        ctx.mention_span(key, span)
        ctx.notes.setdefault("facilities", []).append((span, key, cls))


def _count(ctx, key, phrase):
    doc = ctx.doc
    i = phrase.start - 1
    if i >= 0 and doc[i].like_num and doc[i].text.isdigit():
        ctx.fact(key, "hc:count", int(doc[i].text), "int")
