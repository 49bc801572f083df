"""Events: a trigger noun ('встреча', 'конгресс', 'брифинг', 'круглые столы'…), an agreement signed, a
delegation arriving. Mentions of one kind in one article collapse into one event unless titles or dates
differ. Each event gets its dates (ranges too), place, participants, organizer, supporters, parties, and
``subEventOf`` when its dates lie inside a longer event's."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..concepts import EVENT_KINDS
from ..iris import make_key, normalize_key
from ..nlp.ru_morph import to_nominative
from .common import adjectives_before, extend_genitive, find_triggers, lemma, quote_after
from .context import Ctx
from .places import place_spans


@dataclass
class Cluster:
    kind: str
    triggers: list = field(default_factory=list)     # trigger spans
    name: object = None                                # the named phrase span
    title: object = None                               # quoted title span
    start: str | None = None
    end: str | None = None
    sents: list = field(default_factory=list)


def _triggers(ctx: Ctx, lex):
    doc = ctx.doc
    out = [(s, k) for s, k in find_triggers(doc, lex.EVENTS, 3) if ctx.live(s) and s[0].pos_ in ("NOUN", "PROPN", "ADJ")
           and not _body_name(s)]
    for sent in doc.sents:
        lemmas = {lemma(t) for t in sent}
        if lemmas & lex.SIGNING_VERBS:
            noun = next((t for t in sent if lemma(t) in lex.AGREEMENT_NOUNS), None)
            if noun is not None:
                out.append((doc[noun.i:noun.i + 1], "agreement_signing"))
        if lemmas & lex.VISIT_SUBJECTS and lemmas & lex.MOTION_VERBS:
            subj = next(t for t in sent if lemma(t) in lex.VISIT_SUBJECTS)
            out.append((doc[subj.i:subj.i + 1], "visit"))
    return [(s, k) for s, k in out if ctx.live(s)]


def _body_name(trigger) -> bool:
    """'в Конгрессе США', 'Совещание' mid-sentence with a capital: the name of a body, not an event."""
    tok = trigger[0]
    return len(trigger) == 1 and tok.text[:1].isupper() and tok.i != tok.sent.start and \
        not (tok.i > 0 and (tok.doc[tok.i - 1].text in "«\"" or tok.doc[tok.i - 1].pos_ == "ADJ"))


def collect_events(ctx: Ctx, lex) -> None:
    """First pass (before organizations): find event mentions and reserve their quoted titles."""
    doc = ctx.doc
    clusters: list[Cluster] = []
    titles = []
    for trigger, kind in sorted(_triggers(ctx, lex), key=lambda x: x[0].start):
        start = adjectives_before(doc, trigger.start)
        end = extend_genitive(doc, trigger.end, limit=5)
        title = quote_after(doc, trigger.end - 1) or quote_after(doc, end - 1)
        name = doc[start:end]
        if kind in lex.NEEDS_TITLE and title is None:
            continue
        if kind in lex.NEEDS_ANCHOR and title is None and not _anchored(ctx, trigger):
            continue
        if title is not None:
            titles.append(title)
        _assign(clusters, Cluster(kind, [trigger], name, title, sents=[trigger.sent]))
    ctx.notes["event_clusters"] = clusters
    ctx.notes["event_titles"] = titles


def _anchored(ctx, trigger) -> bool:
    """'визит в Москву 5 мая' is an event; 'поблагодарил за визит' is not one of its own."""
    sent = trigger.sent
    places = [s for s in place_spans(ctx) if sent.start <= s.start < sent.end and s.start > trigger.start
              and s.label_ in ("Settlement", "Region", "Country")]
    return bool(places or _dates_in(ctx, sent))


def _proper(name, trigger) -> bool:
    """A named event ('XVI Всероссийский конгресс пациентов'), not a capitalised sentence start."""
    return name is not None and name.start < trigger.start and name[0].text[:1].isupper()


def _norm(span):
    return normalize_key(span.text) if span is not None else None


def _assign(clusters: list[Cluster], new: Cluster) -> None:
    same = [c for c in clusters if c.kind == new.kind]
    for c in same:
        if new.title is None or c.title is None or _norm(c.title) == _norm(new.title):
            c.triggers += new.triggers
            c.sents += new.sents
            c.title = c.title or new.title
            if _proper(new.name, new.triggers[0]) and not _proper(c.name, c.triggers[0]):
                c.name = new.name
            return
    clusters.append(new)


def _dates_in(ctx: Ctx, sent):
    return [d for d in ctx.notes.get("dates", []) if sent.start_char <= d.begin < sent.end_char]


def _date(ctx: Ctx, c: Cluster, lex, previous) -> None:
    for trigger, sent in zip(c.triggers, c.sents):
        ds = _dates_in(ctx, sent)
        if ds:
            d = min(ds, key=lambda d: abs(d.begin - trigger.start_char))
            if c.start is None or (d.end_date and not c.end):
                c.start, c.end = d.start, d.end_date
        elif c.start is None and any(_has_seq(sent, seq) for seq in lex.SAME_DAY) and previous:
            c.start = previous
    if c.start is None and ctx.notes.get("lead") is not None and any(
            s.start == ctx.notes["lead"].start for s in c.sents):
        c.start = ctx.ref_date                       # the lead's event happened on the article's date


def _has_seq(sent, seq) -> bool:
    toks = [lemma(t) for t in sent if not t.is_space]
    n = len(seq)
    return any(tuple(toks[i:i + n]) == seq for i in range(len(toks) - n + 1))


def emit_events(ctx: Ctx, lex) -> None:
    clusters = ctx.notes.get("event_clusters", [])
    previous = None
    keyed = []
    for c in clusters:
        _date(ctx, c, lex, previous)
        previous = c.start or previous
        place = _place(ctx, c, lex)
        people = _participants(ctx, c)
        if c.kind in lex.NEEDS_ANCHOR and not (place or c.start or c.title):
            continue
        if c.kind == "agreement_signing":
            people, place = _inherit(keyed, c, people, place)
        key = _key(c, place, people)
        keyed.append((c, key, place, people))
    parents = _sub_events(ctx, keyed)
    keyed = [(c, key, place or _place_from_parts(ctx, key, keyed, parents) or ctx.notes.get("main_region"),
              people) for c, key, place, people in keyed]
    for c, key, place, people in keyed:
        _write(ctx, lex, c, key, place, people)


def _place(ctx, c, lex):
    venues = [(s, k) for s, k, cls in ctx.notes.get("facilities", []) if cls == "Venue"]
    for sent in c.sents:
        v = next((k for s, k in venues if sent.start <= s.start < sent.end), None)
        if v:
            return v
    org_spans = [s for s, _ in ctx.notes.get("orgs", [])]
    for trigger, sent in zip(c.triggers, c.sents):
        spans = [s for s in place_spans(ctx) if sent.start <= s.start < sent.end
                 and s.label_ in ("Settlement", "Region")
                 and not any(o.start <= s.start and s.end <= o.end for o in org_spans)]
        if c.kind == "visit":
            spans = [s for s in spans if s.start > trigger.start and not _from(ctx.doc, s)]
        spans.sort(key=lambda s: (s.label_ != "Settlement", abs(s.start - trigger.start)))
        if spans:
            return spans[0].id_
    return None


def _from(doc, span) -> bool:
    return span.start > 0 and lemma(doc[span.start - 1]) in ("из", "от", "с")


def _participants(ctx, c):
    people = []
    for sent in c.sents:
        for ent, key in ctx.notes.get("persons", []):
            if sent.start <= ent.start < sent.end and key not in people:
                people.append(key)
    return people


def _inherit(keyed, c, people, place):
    """An agreement signed the same day as an earlier event of the article: same people, same place."""
    for other, _, oplace, opeople in reversed(keyed):
        if other.start and other.start == c.start and opeople:
            return list(dict.fromkeys(list(opeople) + list(people))), oplace or place
    return people, place


def _key(c, place, people):
    if c.title is not None:
        return make_key("event", c.kind, c.title.text, c.start or "")
    if _proper(c.name, c.triggers[0]):
        return make_key("event", c.kind, to_nominative(list(c.name)), c.start or "")
    return make_key("event", c.kind, c.start or "", place or "", *sorted(people))


def _label(c, lang):
    name = c.name
    if _proper(name, c.triggers[0]):
        return to_nominative(list(name)), c.title.text if c.title is not None else None
    if c.title is not None:
        return c.title.text, to_nominative(list(name)) if name is not None else None
    trigger = c.triggers[0]
    if c.kind == "visit" and lemma(trigger[0]) != "визит":     # 'делегация … приедет' -> 'визит делегации …'
        return f"{EVENT_KINDS['visit'][0]} {to_nominative(list(name), 'gent')}", None
    base = to_nominative(list(name)) if name is not None else EVENT_KINDS[c.kind][0]
    return base[:1].lower() + base[1:] if not _proper(name, trigger) else base, None


def _write(ctx, lex, c, key, place, people):
    label, alt = _label(c, ctx.lang)
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
    _roles(ctx, lex, c, key)


def _roles(ctx, lex, c, key):
    """Organizer ('организован X'), supporters ('при поддержке: …' with its list), parties ('между X и Y')."""
    doc = ctx.doc
    orgs = ctx.notes.get("orgs", [])
    for sent in dict.fromkeys(c.sents):
        lemmas = [lemma(t) for t in sent]
        if any(l in lex.ORGANIZED_BY for l in lemmas):
            cut = next(t.i for t in sent if lemma(t) in lex.ORGANIZED_BY)
            org = next((k for s, k in orgs if cut < s.start < sent.end and not _supported(doc, s)), None)
            if org:
                ctx.fact(key, "hc:organizer", org)
        for t in sent:
            if lemma(t) == lex.SUPPORT[1] and t.i > 0 and lemma(doc[t.i - 1]) == lex.SUPPORT[0]:
                for s, k in orgs:
                    if t.i < s.start and s.start_char < _list_end(doc, t.idx):
                        ctx.fact(key, "hc:supporter", k)
        if c.kind == "agreement_signing" and lex.BETWEEN in lemmas:
            cut = next(t.i for t in sent if lemma(t) == lex.BETWEEN)
            for s, k in orgs:
                if cut < s.start < sent.end:
                    ctx.fact(key, "hc:party", k)


def _supported(doc, span) -> bool:
    return any(lemma(t) == "поддержка" for t in doc[max(0, span.start - 3):span.start])


def _list_end(doc, char: int) -> int:
    """End of the list that follows 'при поддержке:' (bulleted lines), or of its own line."""
    text = doc.text
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
    for c, key, _, _ in keyed:
        for p, pkey, _, _ in keyed:
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
    for _, part, place, _ in keyed:
        if part in parents.get(key, ()) and place:
            located = next((f.value for f in ctx.facts.values() if f.subject == place and f.prop == "hc:locatedIn"), None)
            places.add(located or place)
    return places.pop() if len(places) == 1 else None
