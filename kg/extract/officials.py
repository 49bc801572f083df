"""Officials: a person with a post (role + jurisdiction or body), acting or not.

Patterns, in one sentence:
  ROLE [JURISDICTION] PERSON        'Губернатор Липецкой области Игорь Артамонов', 'аким Шымкента Г. С.'
  [ACTING] ROLE JURIS PERSON        'временно исполняющим обязанности губернатора Белгородской области В. Г.'
  PERSON, [ACTING] ROLE JURIS       'Вячеслав Гладков, временно исполняющий обязанности губернатора …'
The tenure carries the acting flag, so an acting governor holds the same post as a governor.
"""
from __future__ import annotations

from ..concepts import ROLES as ROLE_LABELS
from ..iris import make_key
from ..nlp.extensions import PLACES
from .common import find_triggers, is_genitive, lemma
from .context import Ctx

MAX_GAP = 10


def extract_officials(ctx: Ctx, lex) -> None:
    doc = ctx.doc
    triggers = [(span, role) for span, role in find_triggers(doc, lex.ROLES, lex.MAX_ROLE) if ctx.live(span)]
    places = list(doc.spans[PLACES]) if PLACES in doc.spans else []
    orgs = ctx.notes.get("orgs", []) + [(s, k) for s, k, _ in ctx.notes.get("facilities", [])]
    by_end = {span.end: (span, role) for span, role in triggers}
    for ent, person in ctx.notes.get("persons", []):
        match = _left(doc, ent, by_end, places, orgs) or _right(doc, ent, triggers)
        if match is None:
            continue
        trigger, role, seg_end = match
        _tenure(ctx, lex, person, ent, trigger, role, seg_end, places, orgs)


def _bridge(tok, places, orgs) -> bool:
    """Can this token sit between a role word and a name ('губернатор [Калужской области] Владислав')?"""
    if any(s.start <= tok.i < s.end for s in places) or any(s.start <= tok.i < s.end for s, _ in orgs):
        return True
    if tok.text in ("«", "»", '"', "№", "-", "(", ")") or tok.like_num:
        return True
    return tok.pos_ in ("NOUN", "ADJ", "PROPN") and (is_genitive(tok) or tok.text.isupper())


def _left(doc, ent, by_end, places, orgs):
    j = ent.start
    for _ in range(MAX_GAP + 1):
        if j in by_end:
            trigger, role = by_end[j]
            return trigger, role, ent.start
        if j - 1 < ent.sent.start or not _bridge(doc[j - 1], places, orgs):
            return None
        j -= 1
    return None


def _right(doc, ent, triggers):
    """'Name, [acting] role …': a comma, then the role within a few tokens."""
    if ent.end >= len(doc) or doc[ent.end].text != ",":
        return None
    for trigger, role in triggers:
        if ent.end < trigger.start <= ent.end + 5 and trigger.sent.start == ent.sent.start:
            end = trigger.end
            while end < ent.sent.end and doc[end].text not in (",", ".", ";", "—", "–") and end - trigger.end < MAX_GAP:
                end += 1
            return trigger, role, end
    return None


def is_acting(doc, trigger, lex) -> bool:
    start = trigger.start
    before = [lemma(t) for t in doc[max(trigger.sent.start, start - 4):start] if not t.is_space]
    text_before = doc[max(trigger.sent.start, start - 4):start].text.lower()
    if "и.о" in text_before or "врио" in text_before or "и. о." in text_before:
        return True
    for pattern in lex.ACTING:
        n = len(pattern)
        if tuple(before[-n:]) == pattern:
            return True
    return "исполня" in text_before and "обязанност" in text_before


def _tenure(ctx, lex, person, ent, trigger, role, seg_end, places, orgs) -> None:
    doc = ctx.doc
    seg_start = trigger.end
    juris = next((s for s in places if seg_start <= s.start and s.end <= max(seg_end, seg_start)
                  and s.label_ in ("Region", "Settlement", "Country")), None)
    body = next((key for s, key in orgs if seg_start <= s.start and s.end <= seg_end), None)
    qualifier = " ".join(t.text for t in doc[seg_start:seg_end]
                         if not t.is_space and (juris is None or t.i < juris.start) and t.pos_ == "NOUN"
                         and is_genitive(t) and not any(s.start <= t.i < s.end for s, _ in orgs))
    if juris is None and body is None and not qualifier:
        return
    acting = is_acting(doc, trigger, lex)
    role_label = ROLE_LABELS[role][0] if ctx.lang != "kk" else ROLE_LABELS[role][1]
    tail = doc[seg_start:seg_end].text.strip(" ,")
    label = f"{role_label} {tail}".strip()
    post = make_key("post", role, juris.id_ if juris is not None else "", body or "", qualifier.lower())
    ctx.entity(post, "Post", label)
    ctx.fact(post, "hc:postRole", f"Role:{role}", "concept")
    if juris is not None:
        ctx.fact(post, "hc:jurisdiction", juris.id_)
    if body:
        ctx.fact(post, "hc:postIn", body)
    ctx.mention(post, trigger.start_char, doc[seg_end - 1].idx + len(doc[seg_end - 1].text)
                if seg_end > seg_start else trigger.end_char)
    tenure = make_key("tenure", person, post, "acting" if acting else "")
    ctx.entity(tenure, "Tenure")
    ctx.fact(tenure, "hc:tenureOf", person)
    ctx.fact(tenure, "hc:tenurePost", post)
    ctx.fact(tenure, "hc:acting", "true" if acting else "false", "bool")
    ctx.fact(person, "hc:holdsPost", post)
    ctx.evidence(tenure, ent.sent)
