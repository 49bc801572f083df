"""Facilities: a head noun ('больница', 'центр', 'ФАП', 'ЦРБ'…) with its qualifiers, its number ('поликлиника
№ 16') or a quoted name after a head noun or a legal form ('центр реабилитации «Берёзка»', 'ГБУЗ «…»').
Kind and class from the head and the words around it; status from the sentence ('открытие', 'капитальный
ремонт', 'в планах'); located in the settlement named with it, else the article's region.

Mentions of one facility in one article become one resource: case forms and variants of one kind ('ФАП',
'ФАПа', 'фельдшерско-акушерский пункт'), an abbreviation and its full name ('ЦРБ' = 'центральная районная
больница'), a bare head and the one named facility of that kind ('поликлиника' → 'поликлиника № 16'). A
facility is keyed by kind + identifying words + number or name + settlement; one named by nothing but its
kind and its region is scoped to its article."""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from functools import lru_cache

from ..gazetteer import load_gazetteer
from ..iris import make_key, normalize_key
from ..nlp.extensions import PLACES, sent_bounds, token_table
from ..nlp.ru_morph import head_gender, head_index, inflect_word, join_words, nominative_words, to_nominative
from ..patterns import load_table
from .common import (adjectives_before, extend_genitive, lemma, place_adjective, quote_after, quoted_spans,
                     trigger_spans, trigger_tokens)
from .context import Ctx
from .acronyms import abbreviation_lemmas, expansion_gender, is_acronym, is_proper_word

_NUMBER = re.compile(r"^№?\s*(\d{1,4}[а-яА-Я]?)$")


@dataclass
class Candidate:
    phrase: object                 # the whole noun phrase (Span)
    head: str                      # FACILITY_HEADS key
    name: object = None            # quoted name (Span) or None
    number: str | None = None      # 'поликлиника № 16' -> '16'
    label: str | None = None       # one of coordinated facilities: its own label ('онкологический диспансер')
    lemmas: frozenset | None = None     # ... and its own identifying lemmas


@dataclass
class Cluster:
    kind: str
    cls: str
    sig: frozenset
    number: str | None
    name: str | None
    group: bool                    # plural or counted: a set of facilities, not one
    strong: bool                   # named well enough to stand alone
    mentions: list = field(default_factory=list)    # (Candidate, label, span)
    count: int | None = None
    where: str | None = None
    settled: bool = False          # where is a settlement named with the facility
    new: bool = False
    sents: list = field(default_factory=lambda: [0, set()], repr=False, compare=False)
    # [mentions counted, their sentences' starts]: kept by ``_sentences_of``


# ---------------------------------------------------------------- candidates

def _heads(doc) -> dict[int, dict[int, str]]:
    """Start -> {length: FACILITY_HEADS key} of the facility heads the ``hc_facilities`` component found."""
    out: dict[int, dict[int, str]] = {}
    for span, _ in trigger_spans(doc, "hc_facilities"):
        out.setdefault(span.start, {})[len(span)] = " ".join(lemma(t) for t in span)
    return out


def _head_at(doc, i: int, heads) -> tuple[str | None, int]:
    """The head starting at token ``i``: two-word heads first ('перинатальный центр'); a one-word head must
    be a noun."""
    at = heads.get(i, {})
    if 2 in at:
        return at[2], 2
    if 1 in at and doc[i].pos_ in ("NOUN", "PROPN", "X"):
        return at[1], 1
    return None, 0


def facility_candidates(ctx: Ctx, lex) -> list[Candidate]:
    doc = ctx.doc
    out, i = [], 0
    heads = _heads(doc)
    titles = ctx.notes.get("event_titles", [])       # programme and event titles in quotes
    while i < len(doc):
        head, n = _head_at(doc, i, heads)
        if not head or not ctx.live(doc[i:i + n]):
            legal = _legal_form(ctx, lex, i)
            if legal is not None:
                out.append(legal)
                i = legal.phrase.end
            else:
                i += 1
            continue
        start = adjectives_before(doc, i)
        number, end = _number_at(doc, i + n)
        if number is None:
            end = extend_genitive(doc, i + n, limit=5)
            if quote_after(doc, end - 1) is None:       # a quoted name after them keeps its words
                end = extend_genitive(doc, i + n, limit=5, stop=_genitive_stops(ctx, lex))
            number, end = _number_at(doc, end)
        end = _site(doc, _capacity(doc, _named_after(doc, end)), lex)
        name = quote_after(doc, i + n - 1) or quote_after(doc, end - 1)
        if name is None and number is None and _predicate(doc, start, lex):
            i = end if end > i else i + 1      # '… в Щелкове. Это второй перинатальный центр …': said of it
            continue
        inner = _inner_head(doc, i + n, end, heads) if name is None and (
            head in lex.FACILITY_UNITS or not _in_domain(doc[start:end], head, lex)) else None
        if inner is not None:           # 'филиал горбольницы № 1': the facility it belongs to, then the unit;
            i = inner                   # 'офисы МФЦ': no office of a doctor, the centre
            continue
        unit = _unit_before(doc, start, lex)
        if unit is not None and name is None and (number or _specific(doc[start:end], head, lex.FACILITY_HEADS.get(
                head, (None, None, False))[2], lex)) and _unit_news(ctx, doc[unit:end], start, lex):
            out.append(Candidate(doc[unit:end], head, None, number))    # 'акушерское отделение Энской ЦРБ'
        if name is not None:
            if not any(t.start <= name.start < t.end or name.start <= t.start < name.end for t in titles):
                out.append(Candidate(doc[start:end], head, name, number))   # not «Сельский ФАП» of 'проект …'
            i = name.end + 1
            continue
        split = _coordinated(doc, start, i, n, end, head, lex) if number is None else None
        out.extend(split or [Candidate(doc[start:end], head, None, number)])
        i = end if end > i else i + 1
    return out + _quoted_in_context(ctx, lex, out) + _quoted_after_chief(ctx, lex, out)


_CHIEF = ("chief_physician",)


def _genitive_stops(ctx, lex) -> set[int]:
    """Tokens a facility's genitive does not run into: people and officials ('больницу губернатора
    подтолкнул', 'с открытием медучреждения медицинских работников … поздравил') and the persons found
    ('Главный врач детской больницы Гаухар Укбаева показала …'); once per article."""
    found = ctx.notes.get("facility_genitive_stops")
    if found is None:
        every = token_table(ctx.doc).lemma
        found = {i for i, w in enumerate(every) if w in lex.FACILITY_GENITIVE_STOPS}
        found |= {ent.start for ent, _ in ctx.notes.get("persons", [])}
        ctx.notes["facility_genitive_stops"] = found
    return found


def _predicate(doc, start: int, lex) -> bool:
    """'Это второй перинатальный центр …', 'Это будет самый большой роддом': a facility phrase said of the
    subject 'это' at the head of its sentence describes a facility named before, it names none."""
    j = start - 1
    while j >= 0 and doc[j].pos_ in ("AUX", "ADV", "PART") and j > start - 3:
        j -= 1                                  # 'Это будет', 'Это уже'
    if j < 0 or doc[j].text.lower() not in lex.PREDICATE_SUBJECTS:
        return False
    k = j - 1
    while k >= 0 and (doc[k].is_space or doc[k].text in ("«", "\"", "„", "“")):
        k -= 1
    return k < 0 or doc[k].sent.start != doc[j].sent.start or doc[k].text in (".", "!", "?")


def _named_after(doc, end: int) -> int:
    """'горбольница № 1 [имени Кабанова]': a dedication to a person after the name, up to four capitalised
    words (initials included)."""
    if end + 1 >= len(doc) or doc[end].text.lower() != "имени" or not doc[end + 1].text[:1].isupper():
        return end
    j = end + 1
    while j < len(doc) and j < end + 5 and (doc[j].text[:1].isupper() or doc[j].text == "."):
        j += 1
    while j > end + 1 and doc[j - 1].text == ".":
        j -= 1
    return j


def _unit_news(ctx, phrase, parent: int, lex) -> bool:
    """A unit is a facility of its own when it is a branch ('филиал горбольницы'), a site named by a proper
    adjective ('Кунгурское отделение районной больницы'), or something is done to it ('открыли после ремонта
    акушерское отделение ЦРБ'); not the unit its doctors work in ('врачи хирургического отделения')."""
    doc = phrase.doc
    unit = [t for t in doc[phrase.start:parent] if lemma(t) in lex.FACILITY_UNITS]
    if any(lemma(t) == "филиал" for t in unit):
        return True
    if any(t.pos_ in ("ADJ", "PROPN") and t.text[:1].isupper() and t.i != phrase.sent.start
           for t in doc[phrase.start:unit[0].i]):
        return True
    return status_at(ctx, phrase, set(), lex) not in (None, "planned")


def _inner_head(doc, start: int, end: int, heads) -> int | None:
    """The first facility head inside a unit's genitive ('филиал [горбольницы № 1]')."""
    for k in range(start, end):
        if _head_at(doc, k, heads)[0]:
            return k
    return None


def _unit_before(doc, start: int, lex) -> int | None:
    """'[акушерское отделение] Энской ЦРБ', '[филиал № 2] городской поликлиники № 2', '[детский корпус]
    областной больницы', '[отделение] в районной больнице': a unit noun (FACILITY_UNITS) right before a
    facility in the genitive (or after 'в'), with its own adjectives and number; the start of the unit."""
    j = start - 1
    if j >= 1 and doc[j].text.lower() == "в":
        j -= 1
    elif start < len(doc) and doc[start].morph.get("Case") not in (["Gen"], []):
        return None
    if j >= 2 and doc[j].like_num and doc[j - 1].text in ("№", "N"):
        j -= 2
    if j < 0 or lemma(doc[j]) not in lex.FACILITY_UNITS or doc[j].pos_ != "NOUN":
        return None
    return adjectives_before(doc, j)


def _coordinated(doc, start, i, n, end, head, lex):
    """'областные противотуберкулезный и онкологический диспансеры': two singular adjectives joined by 'и'
    before a plural head name two facilities, each with the shared words ('областной противотуберкулезный
    диспансер', 'областной онкологический диспансер')."""
    if n != 1 or end != i + 1 or doc[i].morph.get("Number") != ["Plur"] or start < 2 or start >= i:
        return None
    if doc[start - 1].text.lower() != "и" or doc[start - 2].pos_ != "ADJ":
        return None
    sing = lambda t: t.pos_ == "ADJ" and t.morph.get("Number") == ["Sing"]      # noqa: E731
    if not sing(doc[start - 2]) or not sing(doc[start]):
        return None
    first = start - 2
    prefix_start = adjectives_before(doc, first)
    prefix = [t for t in doc[prefix_start:first] if t.pos_ == "ADJ"]
    phrase = doc[prefix_start:end]
    out = []
    for own in ([doc[first]], [t for t in doc[start:i]]):
        toks = prefix + own + [doc[i]]
        words = nominative_words(toks, number="sing")
        label = " ".join(words)
        lemmas = frozenset(lemma(t) for t in toks if lemma(t) not in lex.IDENTITY_STRIP)
        out.append(Candidate(phrase, head, None, None, label, lemmas))
    return out


def _chief_roles(ctx) -> tuple[list, set]:
    """The chief physician's role spans ('главный врач', 'главврача') and the set of their ends, once per
    article: the facility after one is the one he heads."""
    found = ctx.notes.get("chief_roles")
    if found is None:
        spans = [s for s, role in trigger_spans(ctx.doc, "hc_roles") if role in _CHIEF]
        found = ctx.notes["chief_roles"] = (spans, {s.end for s in spans})
    return found


def _after_chief(ctx, phrase) -> bool:
    """'главный врач областной больницы Иван Петров': a facility in the genitive right after a chief physician's
    role, with an adjective of its own, is the one he heads, a particular facility however generic its words."""
    return phrase.start in _chief_roles(ctx)[1] and any(t.pos_ == "ADJ" for t in phrase) and \
        any(t.morph.get("Case") == ["Gen"] for t in phrase if t.pos_ in ("NOUN", "PROPN"))
    #   a bare 'главврача медучреждения' refers back to the facility named before


def _quoted_after_chief(ctx, lex, taken):
    """'главврача тюменского «Медгорода»': a quoted name (capitalised) right after a chief physician's role, a
    genitive adjective or two between, names the facility he heads."""
    doc = ctx.doc
    used = {c.name.start for c in taken if c.name is not None}
    out = []
    for role in _chief_roles(ctx)[0]:
        j = role.end
        while j < len(doc) and j - role.end < 2 and doc[j].pos_ == "ADJ" and doc[j].morph.get("Case") == ["Gen"]:
            j += 1
        q = quote_after(doc, j - 1)
        if q is None or q.start in used or not ctx.live(q) or not q[0].text[:1].isupper() \
                or lemma(q[0]) in lex.FACILITY_HEADS:
            continue
        out.append(Candidate(doc[role.end:q.end + 1], "главврач", q))
        used.add(q.start)
    names = {tuple(lemma(t) for t in c.name) for c in out}
    for q in quoted_spans(doc) if names else ():       # 'Прежний глава «Медгорода»': the same name again
        if q.start not in used and tuple(lemma(t) for t in q) in names and ctx.live(q):
            out.append(Candidate(doc[q.start - 1:q.end + 1], "главврач", q))
            used.add(q.start)
    return out


def _legal_form(ctx, lex, i):
    """'ГБУЗ «Городская больница № 1»': a healthcare institution's legal form before its quoted name."""
    doc = ctx.doc
    if token_table(doc).low[i] not in lex.FACILITY_LEGAL_FORMS or not ctx.live(doc[i:i + 1]):
        return None                                 # (tried at every word: read on the table)
    name = quote_after(doc, i, max_gap=3)
    if name is None:
        return None
    heads = [h for t in name for h in (lemma(t),) if h in lex.FACILITY_HEADS]
    number = next((m.group(1) for t in name for m in [_NUMBER.match(t.text)] if m and t.i > name.start), None)
    return Candidate(doc[i:name.end + 1], heads[0] if heads else "гбуз", name, number)


def _number_at(doc, end):
    """'поликлиника [№ 16]', 'больница [№2]': the number that names a facility of its kind."""
    j = end
    while j < len(doc) and doc[j].is_space:
        j += 1
    if j < len(doc) and doc[j].text in ("№", "N") and j + 1 < len(doc):
        m = _NUMBER.match(doc[j + 1].text)
        if m:
            return m.group(1), j + 2
    if j < len(doc):
        m = _NUMBER.match(doc[j].text)
        if m and doc[j].text.startswith("№"):
            return m.group(1), j + 1
    return None, end


def _quoted_in_context(ctx, lex, taken):
    """«Name» after 'в'/'на' in a sentence about institutions: 'отделения … в «Радуге»'."""
    doc = ctx.doc
    used = [c.name for c in taken if c.name is not None]
    out = []
    for q in quoted_spans(doc):
        if any(u.start == q.start for u in used) or not ctx.live(q) or q.start < 2:
            continue
        if lemma(doc[q.start - 2]) not in lex.LOCATIVE:
            continue
        sent_lemmas = {lemma(t) for t in q.sent}
        if sent_lemmas & lex.FACILITY_CONTEXT and q[0].text[:1].isupper():
            out.append(Candidate(doc[q.start - 2:q.end + 1], "филиал", q))
    return out


def _capacity(doc, end):
    """'роддом [на 200 мест]', 'центр [для детей]'."""
    if end + 2 < len(doc) and lemma(doc[end]) == "на" and doc[end + 1].like_num and lemma(doc[end + 2]) in ("место", "койка", "посещение"):
        return end + 3
    if end + 1 < len(doc) and lemma(doc[end]) == "для" and doc[end + 1].pos_ == "NOUN":
        return end + 2
    return end


def _site(doc, end, lex):
    """'поликлиника [в микрорайоне Северный]', 'поликлиника [по ул. Омарова]', 'поликлиника [на улице Ленина, 16]':
    the street or micro-district that tells one facility of its kind from another (FACILITY_SITES) and its
    name (capitalised words, a number)."""
    if end >= 2 and lemma(doc[end - 2]) in ("в", "на", "по") and lemma(doc[end - 1]) in lex.FACILITY_SITES:
        end -= 2                                      # 'по ул' already taken in as a genitive
    if end + 2 >= len(doc) or lemma(doc[end]) not in ("в", "на", "по") or lemma(doc[end + 1]) not in lex.FACILITY_SITES:
        return end
    j = end + 2
    if j < len(doc) and doc[j].text == ".":
        j += 1
    k = j
    while k < min(len(doc), j + 3) and doc[k].text[:1].isupper() and doc[k].is_alpha \
            and doc[k].sent.start == doc[end].sent.start:
        k += 1
    if k == j:
        return end
    if k + 1 < len(doc) and doc[k].text == "," and doc[k + 1].like_num:
        k += 2                                        # 'на улице Ленина, 16'
    return k


# ---------------------------------------------------------------- kinds, specificity

def _domains(phrase, lex) -> set[str]:
    lemmas = {lemma(t) for t in phrase}
    found = set()
    if lemmas & lex.MEDICAL_WORDS or {w.rsplit("-", 1)[-1] for w in lemmas if "-" in w} & lex.MEDICAL_WORDS:
        found.add("medical")
    if lemmas & lex.SOCIAL_WORDS:
        found.add("social")
    if lemmas & lex.TECH_WORDS:
        found.add("tech")
    return found


def _in_domain(phrase, head, lex) -> bool:
    need = lex.DOMAIN_HEADS.get(head)
    return need is None or bool(_domains(phrase, lex) & set(need))


def _head_span(phrase, head):
    n = len(head.split())
    every = token_table(phrase.doc).lemma
    for i in range(phrase.start, phrase.end):
        if " ".join(every[i:min(i + n, phrase.end)]) == head:
            return i, n
    return phrase.start, 1


def _specific(phrase, head, needs, lex) -> bool:
    if not needs:
        return True
    head_i, n = _head_span(phrase, head)
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
    rehab = bool(lemmas & {"реабилитация", "реабилитационный"})
    if "social" in domains and ("medical" not in domains or rehab):
        return ("rehabilitation_centre" if rehab else "social_centre"), "SocialFacility"
    if "medical" in domains:
        return kind if kind != "social_centre" else "medical_centre", "HealthcareFacility"
    return kind, cls


def _unquoted(sent) -> list[int]:
    """The indexes of the sentence's tokens outside quotes (a programme «Модернизация …» reports no
    modernization)."""
    inside = {i for q in quoted_spans(sent.doc) if sent.start <= q.start < sent.end for i in range(q.start, q.end)}
    return [i for i in range(sent.start, sent.end) if i not in inside]


def _status_cues(doc) -> dict[int, str]:
    """Token index -> status of the Doc's status words. A phrase ('начала свою работу', 'приняла первых
    пациентов') is read at its first word, the verb whose tense tells done or planned."""
    one = trigger_tokens(doc, "hc_statuses")
    found = doc.user_data.get("kg_status_cues")
    if found is None or found[0] is not one:
        cues = dict(one)
        for span, value in trigger_spans(doc, "hc_statuses"):
            if len(span) > 1:
                cues[span.start] = value
        found = doc.user_data["kg_status_cues"] = (one, cues)
    return found[1]


def status_of(ctx: Ctx, sent, lex) -> str | None:
    doc = sent.doc
    table = token_table(doc)                    # the sentence read on the table: no Token per word
    at = _unquoted(sent)
    lemmas = [table.lemma[i] for i in at]
    statuses = _status_cues(doc)
    cue = next((i for i in at if i in statuses), None)
    status = statuses[cue] if cue is not None else None
    planned = any(l in lex.PLAN_CUES for l in lemmas) or any(table.low[i] in lex.FUTURE_AUX for i in at) \
        or any(table.pos[i] in ("VERB", "AUX") and _future(doc[i], lex) for i in at)
    if planned and status in (None, "opened", "under_construction"):
        return "planned" if status or any(l in ("план", "планироваться", "ожидать") for l in lemmas) else None
    return status


_CLAUSE_BREAKS = {",", ";", "(", ")"}
_DONE = {"under_construction": "opened", "under_repair": "modernized"}


def _segments(sent) -> list[tuple[int, int]]:
    """The sentence cut at commas, semicolons, brackets and a conjunction before a finite verb: (start, end)
    token ranges, the stretches in which a status word and the facility it speaks of usually stand together."""
    out, start = [], sent.start
    doc = sent.doc
    table = token_table(doc)
    for i in range(sent.start, sent.end):
        if table.text[i] in _CLAUSE_BREAKS or (table.pos[i] == "CCONJ" and i + 1 < sent.end    # '… и ознакомится'
                                               and doc[i + 1].morph.get("VerbForm") == ["Fin"]):
            if i > start:
                out.append((start, i))
            start = i + 1
    if sent.end > start:
        out.append((start, sent.end))
    return out


def _seg_index(segs, i) -> int:
    return next((n for n, (a, b) in enumerate(segs) if a <= i < b), -1)


def _has_verb(doc, seg, but=None) -> bool:
    return any(t.pos_ in ("VERB", "AUX") and t.i != but for t in doc[seg[0]:seg[1]])


def _planned_in(toks, lex) -> bool:
    """Plan words, a future auxiliary or a future verb among the tokens; 'построить' / 'создать' /
    'появиться' plan only in the infinitive or the future ('построенной по программе' is done)."""
    for t in toks:
        lem = lemma(t)
        if lem in lex.PLAN_CUES and (lem not in lex.PLAN_VERBS or t.morph.get("VerbForm") == ["Inf"]
                                     or t.morph.get("Tense") == ["Fut"]):
            return True
        if t.text.lower() in lex.FUTURE_AUX or (t.pos_ in ("VERB", "AUX") and _future(t, lex)):
            return True
    return False


def _future(t, lex) -> bool:
    """A verb in the future that plans: not the parenthetical 'Напомним, …' / 'Отметим, …' of a report."""
    if t.morph.get("Tense") != ["Fut"]:
        return False
    return not (lemma(t) in lex.PARENTHETICAL_VERBS and t.i + 1 < len(t.doc) and t.doc[t.i + 1].text == ",")


def _cue_status(sent, segs, cue, status, inside, lex) -> str:
    """The status a status word reports, read in its own clause (its comma-bounded stretch; the whole
    sentence when that stretch has no verb of its own): 'ход строительства' is under way whatever the
    tense; a plan or the future makes it planned unless the works are to be finished ('ремонт завершится'
    is under way); finished works ('о завершении ремонта', 'строительство которой завершилось', a repair
    done in the past) make the facility opened or modernized."""
    doc = sent.doc
    seg = segs[_seg_index(segs, cue.i)]
    scope = range(seg[0], seg[1]) if _has_verb(doc, seg, but=cue.i) else range(sent.start, sent.end)
    toks = [doc[i] for i in scope if i not in inside]
    lemmas = {lemma(t) for t in toks}
    if any(lemma(doc[j]) in lex.STATUS_ONGOING for j in range(max(sent.start, cue.i - 2), cue.i)):
        return status
    if cue.pos_ == "NOUN" and status in ("opened", "under_construction", "under_repair", "modernized") and any(
            lemma(doc[j]) in lex.STATUS_PLANNED_BY for j in range(max(sent.start, cue.i - 3), cue.i)):
        return "planned"                # 'документация на строительство', 'решение о строительстве'
    done = bool(lemmas & lex.STATUS_COMPLETION)
    if lemma(cue) in lex.BUILT_VERBS and cue.morph.get("Tense") == ["Past"] and _years_ago(toks, ctx_year(doc)):
        return None                     # 'здание построено в 1971 году': its age, not news
    if _after_works(doc, cue, lex) and status in _DONE:
        return _DONE[status]            # 'после капремонта' with nothing else said: the works are done
    if _planned_in(toks, lex):
        if done and status in _DONE:
            return status
        return "planned" if status in ("opened", "under_construction", "under_repair", "modernized") else status
    past = [t for t in toks if t.pos_ in ("VERB", "AUX") and t.morph.get("Tense") == ["Past"]]
    if status in _DONE and done and past:
        return _DONE[status]
    if status == "under_repair" and not lemmas & lex.STATUS_STARTS and any(
            t.i == cue.i or lemma(t) in lex.REPAIR_DONE_VERBS for t in past):
        return "modernized"              # 'отремонтировали', 'проведен ремонт', 'проводили капремонт'
    return status


def ctx_year(doc) -> int | None:
    """The year of the article's date ("today"), from the extraction context."""
    ctx = doc._.hc_ctx if doc.has_extension("hc_ctx") else None
    ref = getattr(ctx, "ref_date", None) or ""
    return int(ref[:4]) if ref[:4].isdigit() else None


def _years_ago(toks, year) -> bool:
    """A year at least two before the article's ('в 1971 году') among the tokens."""
    return year is not None and any(t.text.isdigit() and len(t.text) == 4 and 1800 < int(t.text) <= year - 2
                                    for t in toks)


def status_at(ctx: Ctx, phrase, others, lex) -> str | None:
    """A mention's status, from the status word of its own clause: the stretch between commas that holds
    it, else the relative clause right after it ('больница, где идет ремонт'), else a status word in a
    stretch that names no other facility (a list item with no verb takes the one before it). ``others``:
    the token starts of the sentence's other facilities. Without a status word: the sentence's plan cues,
    or the sentence before for an anaphoric opening ('В том числе …')."""
    sent = phrase.sent
    doc = sent.doc
    inside = {t.i for q in quoted_spans(doc) if sent.start <= q.start < sent.end for t in q}
    statuses = _status_cues(doc)
    cues = [doc[i] for i in range(sent.start, sent.end) if i in statuses and i not in inside]
    described = [c for c in cues if _describes_other(doc, c.i, phrase, lex)]
    cues = [c for c in cues if c not in described]
    segs = _segments(sent)
    if not cues:
        status = status_of(ctx, sent, lex) if not described else None
        if status is None and _anaphoric(sent, lex):   # 'В перечень вошли: …' after 'Ремонты проведут …'
            prev = doc[sent.start - 1].sent
            cues = [t for t in prev if t.i in statuses and t.i not in inside]
            if cues:
                return _cue_status(prev, _segments(prev), cues[0], statuses[cues[0].i], inside, lex)
            return status_of(ctx, prev, lex)
        if status is None:
            status = _planned_works(doc, sent, segs, phrase, lex) or _status_after(ctx, sent, others, lex)
        return status
    here = _seg_index(segs, phrase.start)
    own = [c for c in cues if _seg_index(segs, c.i) == here]
    if not own and here + 1 < len(segs):
        a, b = segs[here + 1]
        if any(lemma(t) in lex.STATUS_CLAUSE_OPENERS for t in doc[a:min(b, a + 3)]):
            own = [c for c in cues if _seg_index(segs, c.i) == here + 1]
    if not own and phrase.start in _chief_roles(ctx)[1]:
        return None                     # 'главный врач КГБУЗ «…» Бокк' in a list of those present: no news of it
    if not own and here >= 0 and not _has_verb(doc, segs[here]):
        own = [c for c in cues if c.i < phrase.start]
    if not own:
        taken = {_seg_index(segs, o) for o in others}
        own = [c for c in cues if _seg_index(segs, c.i) not in taken]
    if not own:
        return None
    after = [c for c in own if _after_works(doc, c, lex)]
    own = [c for c in own if c not in after] or after     # 'открытие после ремонта': the opening says it
    cue = min(own, key=lambda c: abs(c.i - phrase.start))
    while cue.pos_ == "NOUN" and any(c.i in statuses for c in doc[max(sent.start, cue.i - 2):cue.i]):
        # 'готовность к открытию': the first noun of the chain says it
        cue = next(c for c in doc[max(sent.start, cue.i - 2):cue.i] if c.i in statuses)
    return _cue_status(sent, segs, cue, statuses[cue.i], inside, lex)


def _describes_other(doc, i: int, phrase, lex) -> bool:
    """A participle or adjective status word that describes another noun than the facility's ('побывал в
    перинатальном центре и в строящейся школе'): the noun it stands before (past its adjectives) lies
    outside the phrase and is not the word right before it ('в строящемся здании больницы')."""
    tok = doc[i]
    if not (tok.pos_ == "ADJ" or tok.morph.get("VerbForm") == ["Part"]):
        return False
    j = i + 1
    while j < len(doc) and j < i + 4 and (doc[j].pos_ == "ADJ" or doc[j].morph.get("VerbForm") == ["Part"]):
        j += 1
    if j >= len(doc) or doc[j].pos_ not in ("NOUN", "PROPN") or lemma(doc[j]) in lex.STATUS_WORK_NOUNS:
        return False
    return not phrase.start - 2 <= j < phrase.end


def _after_works(doc, cue, lex) -> bool:
    """'после капитального ремонта', 'результаты ремонта': works named as finished (before what followed)."""
    return cue.pos_ == "NOUN" and any(
        lemma(doc[j]) in lex.STATUS_DONE_BEFORE for j in range(max(cue.sent.start, cue.i - 2), cue.i))


def _planned_works(doc, sent, segs, phrase, lex) -> str | None:
    """No status word, but the facility's clause (the whole sentence when that clause has no verb) plans
    to build it: 'в районе построят новую больницу', 'решение построить больницу', 'появится поликлиника'."""
    here = _seg_index(segs, phrase.start)
    scope = segs[here] if here >= 0 and _has_verb(doc, segs[here]) else (sent.start, sent.end)
    toks = [t for t in doc[scope[0]:scope[1]] if lemma(t) in lex.PLAN_VERBS]
    return "planned" if toks and _planned_in(toks, lex) else None


def _status_after(ctx, sent, others, lex) -> str | None:
    """'… на стройплощадках больницы и поликлиники. Объекты возводятся …': the next sentence, opened by a
    word that stands for the facilities before it and naming no facility of its own, reports their status."""
    doc = sent.doc
    if sent.end >= len(doc):
        return None
    nxt = doc[sent.end].sent
    words = [t.text.lower() for t in nxt if not t.is_space and not t.is_punct][:2]
    if not words or not (words[0] in lex.STATUS_BACK_REFERENCES or " ".join(words) in lex.STATUS_BACK_REFERENCES):
        return None
    if any(nxt.start <= o < nxt.end for o in others):
        return None
    return _sentence_cue_status(nxt, lex)


def _sentence_cue_status(sent, lex) -> str | None:
    doc = sent.doc
    statuses = _status_cues(doc)
    inside = {t.i for q in quoted_spans(doc) if sent.start <= q.start < sent.end for t in q}
    cues = [doc[i] for i in range(sent.start, sent.end) if i in statuses and i not in inside]
    if not cues:
        return None
    return _cue_status(sent, _segments(sent), cues[0], statuses[cues[0].i], inside, lex)


def _anaphoric(sent, lex) -> bool:
    """A sentence that opens by referring back to the facilities of the one before ('В том числе …')."""
    if sent.start == 0:
        return False
    first = lemma(sent[0]) if not sent[0].is_space else ""
    return first in lex.ANAPHORA_STARTS or sent.text.lstrip().lower().startswith(tuple(lex.ANAPHORA_STARTS))


def _sentence_status(ctx, sent, lex):
    status = status_of(ctx, sent, lex)
    if status is None and _anaphoric(sent, lex):
        prev = ctx.doc[sent.start - 1].sent
        status = status_of(ctx, prev, lex)
    return status


def _about_it(ctx, phrase, lex) -> bool:
    """A facility named by its kind alone is one when its sentence reports something done to it or at it
    ('открылась новая поликлиника', 'посетил районную больницу')."""
    sent = phrase.sent
    return status_of(ctx, sent, lex) is not None or any(lemma(t) in lex.VISIT_VERBS for t in sent) \
        or _planned_works(sent.doc, sent, _segments(sent), phrase, lex) is not None


def _anaphor(ctx, cand, org_ends: dict) -> bool:
    """'… сотрудники Госпиталя принцессы Марины … закрыть госпиталь': a bare head that refers back to a body
    named before it with the same head word. ``org_ends``: lemma -> the first end of an ORG entity holding
    it, made once per article (not a scan of the article's entities per phrase)."""
    if None not in org_ends:            # made on the first call
        org_ends[None] = 0
        for ent in ctx.doc.ents:
            if ent.label_ == "ORG":
                for t in ent:
                    if org_ends.get(lemma(t), ent.end + 1) > ent.end:
                        org_ends[lemma(t)] = ent.end
    return org_ends.get(cand.head.split()[-1], len(ctx.doc) + 1) <= cand.phrase.start


# ---------------------------------------------------------------- places

def _places(ctx):
    return [p for p in ctx.doc.spans[PLACES]] if PLACES in ctx.doc.spans else []


def _places_in(ctx, start: int, end: int) -> list:
    """The places starting in tokens [start, end), in ``_places`` order; indexed by start once per article."""
    index = ctx.notes.get("facility_places")
    if index is None:
        places = sorted(((p.start, n, p) for n, p in enumerate(_places(ctx))), key=lambda x: x[0])
        index = ctx.notes["facility_places"] = ([x[0] for x in places], places)
    starts, places = index
    return [p for _, _, p in sorted(places[bisect_left(starts, start):bisect_left(starts, end)],
                                    key=lambda x: x[1])]


def location(ctx: Ctx, phrase, lex=None) -> tuple[str | None, bool]:
    """(place key, whether it is a settlement named with the facility). A settlement or region next to the
    phrase; else the one settlement its sentence names; else the article's region."""
    doc = ctx.doc
    sent = phrase.sent
    near, in_sent = [], []
    for p in _places_in(ctx, sent.start, sent.end):          # the places of the phrase's sentence
        if p.label_ not in ("Settlement", "Region"):
            continue
        if p.start >= phrase.start and p.end <= phrase.end and p.label_ == "Settlement":
            near.append((False, 0, p.id_))
            continue
        between = doc[p.end:phrase.start] if p.end <= phrase.start else doc[phrase.end:p.start]
        if len(between) <= 6 and not any(t.text in (",", ";", ".") for t in between):
            near.append((p.label_ != "Settlement", len(between), p.id_))
        if p.label_ == "Settlement" and not _in_post(doc, p):
            in_sent.append(p.id_)
    if near:
        best = min(near)
        return best[2], not best[0]
    if len(set(in_sent)) == 1:
        return in_sent[0], True
    return (_itinerary_region(ctx, sent, lex) if lex is not None else None) or ctx.notes.get("main_region"), False


def _itinerary_region(ctx, sent, lex) -> str | None:
    """'В Усть-Каменогорске министр посетила поликлинику … Далее министр ознакомилась с ходом строительства
    центра': a sentence that goes on with a visit ('Далее', 'Затем', 'После', ITINERARY_STARTS) and names no
    place is where the last place of the three sentences before it is; that place's region."""
    doc = ctx.doc
    first = next((t for t in sent if t.is_alpha), None)
    if first is None or first.text.lower() not in lex.ITINERARY_STARTS or sent.start == 0:
        return None
    start, k = sent.start, 0
    while start > 0 and k < 3:
        start, k = doc[start - 1].sent.start, k + 1
    places = [p for p in _places_in(ctx, start, sent.start) if p.label_ in ("Settlement", "Region")
              and not _in_post(doc, p)]
    if not places:
        return None
    key = max(places, key=lambda p: p.start).id_
    if key.startswith("region:"):
        return key
    place = load_gazetteer().get(key)
    return place.region if place is not None and place.region else None


@lru_cache(maxsize=1)
def region_adjectives() -> dict[str, str]:
    """Lemma of a region's adjective -> region key: 'ульяновский' -> region:RU-ULY ('Ульяновская область')."""
    from .acronyms import _normal
    out = {}
    for place in load_gazetteer().by_class("Region"):
        words = place.labels.get("ru", "").split()
        if len(words) == 2 and words[1] in ("область", "край") and words[0].endswith(("ая", "ий", "ой")):
            out[_normal(words[0].lower())] = place.key
    return out


def name_region(phrase, districts=None) -> str | None:
    """A region named by an adjective inside the facility's name: 'Ульяновская областная больница'; when the
    article names a district of that adjective (``districts``: first word -> settlement key, from
    ``_districts``), the district ('Кировская межрайонная больница' in a text about the Кировский район of
    Ленобласть)."""
    table = region_adjectives()
    for t in phrase:
        word = lemma(t).translate(_HYPHENS)          # 'Восточно‑Казахстанский' with a non-breaking hyphen
        if t.pos_ == "ADJ" and t.text[:1].isupper() and word in table:
            return (districts or {}).get(word) or table[word]
    return None


_HYPHENS = str.maketrans({"\u2010": "-", "\u2011": "-"})


def _districts(ctx) -> dict:
    """The article's settlements of two or more words by their first word ('кировский' -> 'settlement:кировский
    район|ru-len'), once per article."""
    found = ctx.notes.get("facility_districts")
    if found is None:
        found = ctx.notes["facility_districts"] = {}
        for p in _places(ctx):
            name = p.id_.split("|")[0]
            if p.label_ == "Settlement" and name.startswith("settlement:") and " " in name:
                found.setdefault(name[len("settlement:"):].split(" ")[0], p.id_)
    return found


def _register_region(ctx, key) -> None:
    place = load_gazetteer().get(key)
    if place is not None and key not in ctx.classes:
        for lang, label in place.labels.items():
            ctx.entity(key, place.cls, label, lang)


def _settlement_region(ctx, key) -> bool:
    place = load_gazetteer().get(key)
    return bool(place and place.parent) or any(f.subject == key and f.prop == "hc:partOf"
                                               for f in ctx.facts.values())


def _in_post(doc, place) -> bool:
    """'мэр Екатеринбурга', 'глава Агинского района': a place that names an office's jurisdiction."""
    prev = doc[place.start - 1] if place.start > 0 else None
    return prev is not None and lemma(prev) in ("мэр", "глава", "аким", "администрация", "житель")


# ---------------------------------------------------------------- identity

def _signature(cand: Candidate, lex) -> frozenset:
    """Lemmas that identify the facility's kind and qualifiers: 'Шекснинская ЦРБ' and 'Шекснинская
    центральная районная больница' both give {шекснинский, центральный, районный, больница}."""
    if cand.lemmas is not None:
        return cand.lemmas
    out = set()
    for t in cand.phrase:
        if t.is_space or t.is_punct or t.like_num or t.text in ("№", "N"):
            continue
        if cand.name is not None and cand.name.start <= t.i < cand.name.end:
            continue
        word = lemma(t)
        if word in lex.FACILITY_ABBREVIATIONS:
            out |= abbreviation_lemmas(word, lex)
        elif word not in lex.IDENTITY_STRIP and t.pos_ in ("ADJ", "NOUN", "PROPN", "X"):
            out.add(word)
    return frozenset(out)


def _is_group(cand: Candidate, lex) -> tuple[bool, int | None]:
    if cand.label is not None:
        return False, None
    doc = cand.phrase.doc
    head_i, _ = _head_span(cand.phrase, cand.head)
    i = cand.phrase.start - 1
    if i >= 0 and doc[i].like_num and doc[i].text.isdigit():
        return True, int(doc[i].text)
    if any(lemma(t) in lex.DISTRIBUTIVE_WORDS for t in doc[max(0, i):head_i]):
        return True, None                 # 'каждой больнице города выделили': every one, not one
    plural = doc[head_i].morph.get("Number") == ["Plur"] and cand.name is None
    return plural, None


def _label(cand: Candidate, lex) -> tuple[str, object]:
    """Nominative label and the mention span: a quoted name, else the phrase without 'новый'-like words."""
    doc = cand.phrase.doc
    if cand.label is not None:
        return cand.label, cand.phrase
    if cand.name is not None:
        return to_nominative([t for t in cand.name if not t.is_space]).strip(" «»\""), cand.name
    toks = [t for t in cand.phrase if not t.is_space]
    abbr = next((t for t in toks if lemma(t) in lex.FACILITY_ABBREVIATIONS), None)
    k = _proper_adjectives(toks)
    first_noun = next((t for t in toks[k:] if t.pos_ in ("NOUN", "PROPN")), None)
    own = abbr is not None and first_noun is abbr     # not 'детское отделение ЦРБ': the unit's own gender
    gender = expansion_gender(lemma(abbr), lex) if own else None
    words = nominative_words(toks[k:], gender=gender)
    if k:                               # 'Кондровскую больницу' -> 'Кондровская больница', not '… больницу'
        head = head_index(toks[k:])
        number = "plur" if head is not None and toks[k + head].morph.get("Number") == ["Plur"] else "sing"
        agree = (gender or (head_gender(toks[k + head]) if head is not None else None)) if number == "sing" else None
        words = [inflect_word(t, {"nomn", number}, agree) for t in toks[:k]] + words
    while len(words) > 1 and words[0].lower() in lex.LABEL_STRIP:
        words, toks = words[1:], toks[1:]
    return join_words(toks, words).strip(" «»\""), doc[toks[0].i:cand.phrase.end]


def _proper_adjectives(toks) -> int:
    """How many capitalised place adjectives the tagger took for proper nouns open the phrase
    ('Кондровскую больницу', 'Горячеключевской ЦРБ'): they agree with the head after them."""
    k = 0
    while k < len(toks) - 1 and place_adjective(toks[k]):
        k += 1
    return k


def _compatible(a: Cluster, b: Cluster, units=frozenset()) -> bool:
    """Two mentions may name one facility: same plurality, no conflicting number, name or settlement,
    and the words of one contained in the other's."""
    if a.group != b.group or bool(a.sig & units) != bool(b.sig & units):
        return False                      # nor a unit and the facility it belongs to
    if (a.number and b.number and a.number != b.number) or (a.name and b.name and a.name != b.name):
        return False
    if bool(a.name) != bool(b.name):                  # a name absorbs its kind, not another kind
        named, plain = (a, b) if a.name else (b, a)
        if not plain.sig or not plain.sig <= named.sig:
            return False
    named = a.number or a.name or b.number or b.name
    if a.settled and b.settled and a.where != b.where and not named and not _town_and_district(a.where, b.where):
        return False                      # 'ФАП в селе A' and 'ФАП в селе B'
    same_id = (a.number and a.number == b.number) or (a.name and a.name == b.name)
    if a.new != b.new and not same_id and ((a.number or a.name) and not a.new or (b.number or b.name) and not b.new):
        return False                      # 'новая больница заменит больницу № 8'
    if a.sig != b.sig and _sentences_of(a) & _sentences_of(b):
        return False                      # two phrases of one sentence: two facilities
    return a.sig <= b.sig or b.sig <= a.sig


def _town_and_district(a: str | None, b: str | None) -> bool:
    """'settlement:белинский' and 'settlement:белинский район': a town and the district named after it, as
    the one adjective of 'Белинская больница' / 'Белинская районная больница' places them."""
    if not a or not b:
        return False
    short, long = sorted((a, b), key=len)
    return long.startswith(short + " ") and long[len(short) + 1:] in ("район", "муниципальный район", "округ")


def _sentences_of(c: Cluster) -> set:
    """The starts of the sentences of the cluster's mentions, updated for the mentions merged in since."""
    done, found = c.sents
    for cand, _, _ in c.mentions[done:]:
        found.add(sent_bounds(cand.phrase.doc, cand.phrase.start)[0])
    c.sents[0] = len(c.mentions)
    return found


def _merge(into: Cluster, other: Cluster) -> None:
    into.sig = into.sig | other.sig
    into.number = into.number or other.number
    into.name = into.name or other.name
    into.strong = into.strong or other.strong
    into.mentions += other.mentions
    into.count = into.count or other.count
    if other.settled and not into.settled:
        into.where, into.settled = other.where, True
    into.where = into.where or other.where
    into.new = into.new or other.new


def _identified(c: Cluster) -> bool:
    """Named by more than its kind and region: a number, a name, a settlement, a proper adjective."""
    return bool(c.number or c.name or c.settled or any(
        is_proper_word(tok) or lemma(tok) in region_adjectives()
        for cand, _, _ in c.mentions for tok in cand.phrase if tok.pos_ == "ADJ"))


def cluster_facilities(ctx: Ctx, lex) -> list[Cluster]:
    clusters: list[Cluster] = []
    org_ends: dict = {}
    for cand in facility_candidates(ctx, lex):
        kind, cls = classify(cand.phrase, cand.head, lex) if cand.head in lex.FACILITY_HEADS else ("medical_centre", "HealthcareFacility")
        if cand.head not in lex.FACILITY_HEADS:
            needs = False
        else:
            needs = lex.FACILITY_HEADS[cand.head][2]
        if not _in_domain(cand.phrase, cand.head, lex) and not (
                cand.name is not None and "quote" in lex.DOMAIN_HEADS.get(cand.head, ())):
            continue
        group, count = _is_group(cand, lex)
        label, span = _label(cand, lex)
        if len(label) < 3 and not label.isupper():
            continue
        where, settled = location(ctx, cand.phrase, lex)
        if group:                         # '8 новых ФАПов открыли': a set is news when something was done to it
            strong = _sentence_status(ctx, cand.phrase.sent, lex) not in (None, "planned") \
                and _specific(cand.phrase, cand.head, needs, lex)
        else:
            strong = bool(cand.name is not None or cand.number or _specific(cand.phrase, cand.head, needs, lex)
                          or (_about_it(ctx, cand.phrase, lex) and not _anaphor(ctx, cand, org_ends))
                          or _after_chief(ctx, cand.phrase))
        new = Cluster(kind, cls, _signature(cand, lex), cand.number,
                      normalize_key(label) if cand.name is not None else None, group, strong,
                      [(cand, label, span)], count, where, settled,
                      any(lemma(t) == "новый" for t in cand.phrase))
        if not new.sig and new.name is None:
            continue
        same = [c for c in clusters if _compatible(c, new, lex.FACILITY_UNITS)]
        if same:
            target = _pick(same, new)
            _merge(target, new)
        else:
            clusters.append(new)
    return _fold_generic([c for c in clusters if c.strong], lex)


_GENERIC_HEADS = {"медучреждение", "учреждение"}


def _generic(c: Cluster, lex) -> bool:
    """Named by a generic noun ('медучреждение', 'детское медучреждение'), no number, name or settlement."""
    return not (c.group or c.number or c.name) and bool(c.sig & _GENERIC_HEADS) \
        and len(c.sig - lex.GENERIC_FACILITY_WORDS) <= 1


def _fold_generic(clusters: list[Cluster], lex) -> list[Cluster]:
    """'… посетил многопрофильную больницу. В медучреждении проведут ремонт': a facility named by a generic
    noun alone is the one named last before it (else the one named next in its sentence), when the article
    names one; its mentions join that facility."""
    out = [c for c in clusters if not _generic(c, lex)]
    for g in [c for c in clusters if _generic(c, lex)]:
        rest = g.sig - lex.GENERIC_FACILITY_WORDS       # 'детское медучреждение': a children's one
        singles = [c for c in out if not c.group and not _generic(c, lex) and rest <= c.sig
                   and not (g.settled and c.settled and c.where != g.where)]
        first = g.mentions[0][0].phrase
        before = [(max(m[0].phrase.start for m in c.mentions if m[0].phrase.start < first.start), n)
                  for n, c in enumerate(singles) if any(m[0].phrase.start < first.start for m in c.mentions)]
        after = [(min(m[0].phrase.start for m in c.mentions if m[0].phrase.start > first.start), n)
                 for n, c in enumerate(singles)
                 if any(first.start < m[0].phrase.start < first.sent.end for m in c.mentions)]
        if before:
            singles[max(before)[1]].mentions += g.mentions
        elif after:
            singles[min(after)[1]].mentions += g.mentions
        else:
            out.append(g)
    return out


def _pick(same: list[Cluster], new: Cluster) -> Cluster:
    """The cluster a mention joins: one with the same number or name, else the most recently mentioned."""
    exact = [c for c in same if (new.number and c.number == new.number) or (new.name and c.name == new.name)
             or c.sig == new.sig]
    pool = exact or same
    return max(pool, key=lambda c: c.mentions[-1][0].phrase.start)


def _best_label(c: Cluster, lex) -> str:
    """The fullest label: with the number or name, then the most identifying words, then the longest."""
    def score(item):
        cand, label, _ = item
        return (bool(c.number) and c.number in label, not _signature(cand, lex) & _GENERIC_HEADS,
                len(_signature(cand, lex)),
                not label.isupper(), len(label), label)
    return max(c.mentions, key=score)[1]


def _key(ctx, c: Cluster, label: str) -> str:
    where = c.where or ""
    scope = "" if _identified(c) else ctx.article.source
    words = sorted(w for w in c.sig if w not in region_adjectives())   # the region is in `where`
    return make_key("facility", c.kind, " ".join(words), c.number or "", c.name or "", where, scope)


def extract_facilities(ctx: Ctx, lex) -> None:
    if lex.lang == "kk":
        return extract_facilities_kk(ctx, lex)
    clusters = cluster_facilities(ctx, lex)
    starts = {i for c in clusters for i in _starts(c)}
    named = {id(c): next((r for cand, _, _ in c.mentions for r in [name_region(cand.phrase, _districts(ctx))] if r),
                         None) for c in clusters}
    for c in clusters:
        label = _best_label(c, lex)
        if c.number and c.number not in label:
            label = f"{label} № {c.number}"
        region = named[id(c)] or _region_of_mates(ctx, c, clusters, named)
        if region is None and c.settled and not _settlement_region(ctx, c.where):
            region = ctx.notes.get("main_region")       # a village the gazetteer does not place
        if c.where is None or c.where == ctx.notes.get("main_region") and region:
            c.where, region = region or c.where, None
        key = _key(ctx, c, label)
        ctx.entity(key, c.cls, label)
        for cand, other, span in c.mentions:
            if other != label:
                ctx.entity(key, c.cls, None, alt=other)
            ctx.entity(key, c.cls, None, alt=span.text)
            where = _settlement_after(ctx, cand.phrase)
            if where:                                  # 'ФАП в хуторе Мамацев': the kind with its place
                ctx.entity(key, c.cls, None, alt=f"{other} {where}")
            ctx.mention_span(key, span)
            ctx.notes.setdefault("facilities", []).append((span, key, c.cls))
        for full in _expansions(c, lex):
            ctx.entity(key, c.cls, None, alt=full)
        ctx.fact(key, "hc:facilityKind", f"FacilityKind:{c.kind}", "concept")
        for place in (c.where, region):
            if place:
                _register_region(ctx, place)
                ctx.fact(key, "hc:locatedIn", place)
        if c.cls != "Venue":
            status = _status(ctx, c, starts - _starts(c), lex)
            if status:
                ctx.fact(key, "hc:facilityStatus", f"FacilityStatus:{status}", "concept")
        if c.count:
            ctx.fact(key, "hc:count", c.count, "int")
        ctx.notes.setdefault("facility_clusters", []).append((c, key, label))


def _status(ctx, c: Cluster, others: set, lex) -> str | None:
    """The facility's status: its first mention's that has one; a plan ('построят поликлинику' in a
    headline) gives way to works another mention reports begun or going on ('началось строительство
    поликлиники', 'поликлиника строится')."""
    found = [(s, cand) for cand, _, _ in c.mentions for s in [status_at(ctx, cand.phrase, others, lex)] if s]
    if not found:
        return None
    status = found[0][0]
    if status == "planned":
        status = next((s for s, cand in found if s in ("under_construction", "under_repair")
                       and _under_way(cand.phrase.sent, lex)), status)
    return status


def _under_way(sent, lex) -> bool:
    """The sentence reports works begun or going on: a start or course word ('начато', 'продолжается',
    'ход'), or a status verb in the present ('строится', 'возводится', 'строящийся')."""
    doc = sent.doc
    statuses = _status_cues(doc)
    if any(lemma(t) in lex.PLAN_CUES or t.text.lower() in lex.NEGATIONS for t in sent):
        return False                    # 'Не может поликлиника строиться 4-5 лет, она должна …': no report
    for t in sent:
        if lemma(t) in lex.STATUS_STARTS or lemma(t) in lex.STATUS_ONGOING:
            return True
        if t.i in statuses and t.pos_ in ("VERB", "AUX") and t.morph.get("Tense") == ["Pres"]:
            return True
    return False


def _region_of_mates(ctx, c: Cluster, clusters, named) -> str | None:
    """'побывал в Актюбинском медицинском центре, объединяющем областную клиническую больницу …': a facility
    with no place of its own, in a sentence whose other facility names its region by an adjective, is in
    that region (when it is not the article's main one)."""
    if c.settled or c.where != ctx.notes.get("main_region"):
        return None
    mine = _sentences_of(c)
    found = {named[id(o)] for o in clusters if o is not c and named[id(o)] and _sentences_of(o) & mine}
    found.discard(ctx.notes.get("main_region"))
    return found.pop() if len(found) == 1 else None


_SETTLEMENT_WORDS = {"город", "село", "поселок", "посёлок", "деревня", "станица", "аул", "хутор", "слобода",
                     "микрорайон"}


def _settlement_after(ctx, phrase) -> str | None:
    """' в хуторе Мамацев', ' в Куленовке': the settlement right after a facility phrase, as the text says it."""
    doc = ctx.doc
    k = phrase.end
    if k >= len(doc) or doc[k].text.lower() not in ("в", "во"):
        return None
    j = k + 1 + (k + 1 < len(doc) and lemma(doc[k + 1]) in _SETTLEMENT_WORDS)
    place = next((p for p in _places_in(ctx, j, j + 1) if p.label_ == "Settlement"), None)
    return doc[k:place.end].text if place is not None else None


def _starts(c: Cluster) -> set[int]:
    return {cand.phrase.start for cand, _, _ in c.mentions}


def _expansions(c: Cluster, lex) -> list[str]:
    """'Шекснинская ЦРБ' -> also 'Шекснинская центральная районная больница'; a clipped compound in the
    nominative too: 'Ресбольница №1' -> 'Республиканская больница №1'."""
    out = []
    for _, label, _ in c.mentions:
        words = label.split()
        for i, w in enumerate(words):
            full = lex.FACILITY_ABBREVIATIONS.get(w.lower())
            if full and w.isupper():
                out.append(" ".join(words[:i] + [full[0]] + words[i + 1:]))
            elif full and not is_acronym(w.upper()):
                text = full[0][:1].upper() + full[0][1:] if w[:1].isupper() else full[0]
                out.append(" ".join(words[:i] + [text] + words[i + 1:]))
    return out


# ---------------------------------------------------------------- Kazakh (facilities)
# Counts and qualifiers come before the head noun ('5 ірі көпсалалы аурухана'); heads and statuses are
# kg/patterns/kk/facility_heads.json and statuses.json.
from ..nlp.kk import morph  # noqa: E402
from ..nlp.kk.lemmas import stem_of  # noqa: E402
from .common import by_sentence, head_at, live_places, sentence_of  # noqa: E402


_NUM_KK = re.compile(r"^(\d+)(?:-(?:\w+))?$")
_QUOTED_KK = re.compile(r"«[^«»]*»|\"[^\"]*\"")


def _status_kk(sent, lex) -> str | None:
    """The status word (statuses.json) that comes first in the sentence, the longest where several start
    there ('пайдалануға беріледі' before 'пайдалануға'); words inside a quoted title («Ауылдық денсаулық
    сақтауды жаңғырту» жобасы) tell no status."""
    return _status_match_kk(sent, lex)[0]


def _status_match_kk(sent, lex) -> tuple[str | None, str | None]:
    """(status, the words that told it) of ``_status_kk``."""
    text = _QUOTED_KK.sub(lambda m: " " * len(m.group()), sent.text.lower())
    found = sorted((text.find(p), -len(p), status, p) for p, status in lex.STATUS_PREFIXES if p in text)
    if not found:
        return None, None
    first = found[0]
    final = [f for f in found if f[3] in _FINAL_KK and f[0] >= first[0] + len(first[3])]
    if first[2] in _BEFORE_OPENING_KK and final:
        return final[0][2:]            # 'салынып, жақында ғана пайдалануға берілген аурухана': built, then opened
    if first[3] in _WEAK_KK:
        space = text.find(" ", first[0])
        nxt = [f for f in found if space >= 0 and f[0] == space + 1 and f[3] not in _WEAK_KK]
        if nxt:                        # '… құрылысына жобалық-сметалық құжат': the word after it tells the status
            return nxt[0][2:]
    return first[2:]


def _count_kk(doc, start, lex):
    """'5 ірі …' -> (5, exact); '20-дан астам …' -> (20, at least)."""
    j = start - 1
    while j >= 0 and doc[j].is_space:
        j -= 1
    at_least = False
    if j >= 0 and doc[j].text.lower() in lex.MORE_THAN:
        at_least, j = True, j - 1
    if j >= 0:
        m = _NUM_KK.match(doc[j].text)
        if m and not (j > 0 and doc[j - 1].text in ("№", "N")):     # '№4 қалалық емхана': its number, no count
            return int(m.group(1)), at_least
    return None, False


def _number_kk(doc, start) -> tuple[str | None, int]:
    """'№4 қалалық емхана', '№ 13 емхана': the number that names the facility, written '№4', and where it
    starts (``start`` when there is none)."""
    j = start - 1
    while j >= 0 and doc[j].is_space:
        j -= 1
    if j >= 1 and doc[j].text.isdigit() and len(doc[j].text) <= 4 and doc[j - 1].text in ("№", "N"):
        return f"№{doc[j].text}", j - 1
    if j >= 0 and re.fullmatch(r"№\d{1,4}", doc[j].text):
        return doc[j].text, j
    return None, start


def extract_facilities_kk(ctx: Ctx, lex) -> None:
    doc = ctx.doc
    found = []
    i = 0
    while i < len(doc):
        head, n = head_at(doc, i, lex.FACILITY_HEADS, stem_of)
        if not head or not ctx.live(doc[i:i + n]):
            i += 1
            continue
        kind, cls, needs = lex.FACILITY_HEADS[head]
        if _in_programme_title_kk(doc, i, lex):
            i += n                                        # '"100 мектеп - 100 аурухана" бағдарламасы': a title
            continue
        if i + n < len(doc) and doc[i + n].lower_ in lex.ABSENT:
            i += n                                        # 'медициналық тірегі жоқ ауылдар': villages without one
            continue
        start = i
        if i > 1 and _hard_wrap_kk(doc[i - 1]) and doc[i - 2].is_alpha and doc[i - 2].text[:1].islower():
            start = i - 1                                 # '№4 қалалық⏎емханаға': a line wrapped inside the name
        while start > 0 and (doc[start - 1].is_alpha or _compound_kk(doc[start - 1])) and \
                doc[start - 1].text[:1].islower() and \
                stem_of(doc[start - 1]) not in lex.CONJUNCTIONS and start > i - 3 and \
                doc[start - 1].text.lower() not in morph.UNINFLECTED - lex.GENERIC_QUALIFIERS and \
                doc[start - 1].text.lower() not in lex.YEAR_BEFORE and \
                (morph.is_adjectival(doc[start - 1].text.lower()) or
                 doc[start - 1].text.lower() in lex.GENERIC_QUALIFIERS or
                 _medical_kk(doc[start - 1].text, lex) and not morph.is_oblique(doc[start - 1].text) or
                 doc[start - 1].text.lower() in lex.ATTRIBUTIVE_NOUNS):
            start -= 1
        if start > 1 and doc[start - 1].lower_ in lex.AGAINST and doc[start - 2].is_alpha and \
                doc[start - 2].text[:1].islower() and morph.analyze(doc[start - 2].lower_)[1].lstrip("-") in \
                lex.DATIVE_ENDINGS:
            start -= 2                                    # 'туберкулезге қарсы диспансер': anti-TB dispensary
        mother_child = start == i and i >= 3 and [stem_of(t) for t in doc[i - 3:i]] == list(lex.MOTHER_AND_CHILD)
        if mother_child:                                  # 'Ана мен бала орталығы': a medical centre, quoted or not
            start = i - 3
        if start == i - 1 and _hard_wrap_kk(doc[start]):
            start = i                                     # nothing before the wrap belongs to the name
        words = [doc[k].text.lower() for k in range(start, i) if not doc[k].is_space]
        if needs and not (mother_child or any(_medical_kk(w, lex) for w in words) or set(words) & lex.SOCIAL_WORDS):
            i += n
            continue
        if set(words) & lex.GENERIC_ALL:
            i += n                                        # 'барлық қалалық ауруханалар': facilities in general
            continue
        count = _count_kk(doc, start, lex)                   # '5 ірі көпсалалы аурухана': before the adjectives
        while words and words[0] in lex.LABEL_STRIP:
            words, start = words[1:], start + 1
        label = " ".join(words + [head.split()[-1] if n == 1 else head])
        number, number_start = _number_kk(doc, start)
        if number is not None:                            # '№4 қалалық емхана': named by its number (as
            label, start = f"{doc[number_start:start].text.strip()} {label}", number_start   # written: '№ 3')
        name = _quoted_before_kk(doc, start)
        if name is None and count[0] is None and number is None and morph.has_plural(morph.analyze(doc[i + n - 1].text.lower())[1]) \
                and not (i + n < len(doc) and doc[i + n].lower_.startswith(lex.NETWORK_WORDS)):
            for village in _listed_villages_kk(ctx, doc, start):   # 'Сарысай және Шоқысу ауылдарында жаңа
                _facility_kk(ctx, lex, doc[start:i + n], label, kind, cls, where=village)   # амбулаториялардың':
            i += n                                        # one in each village of the list;
            #                                               'медициналық орталықтар мен ауруханалар бой көтеріп':
            continue                                      # facilities in general (Kazakh counts take the singular);
            #                                               'перинаталдық орталықтардың желісі': the area's network
        if name is not None:                              # '«Шұғыла» ауруханасы': the facility's own name
            label, start = f"«{name.text.strip()}» {label}", name.start - 1
        elif start == i and count[0] is None and _place_name_before_kk(doc, i, lex):
            name = doc[i - 1:i]                           # 'Жармыш амбулаториясы': named after its village (the
            label = f"{name.text} {morph.nominative(doc[i + n - 1].text)}"   # name stays the village's mention)
        found.append((doc[start:i + n], label, kind, cls, count, _written_kk(doc[i + n - 1], label),
                      start == i and name is None and count[0] is None))
        i += n
    # A bare head ('ауруханаға', 'аурухананы басқарады') in an article about one facility of its kind with a
    # qualifier or a name is that facility again, not another one.
    # With several of its kind, it is the one named last before it ('№13 қалалық емхана мен №2 қалалық
    # емханасы … емхана жұмысына'), or, before them all (a headline), the one named first after it; a head in
    # a list ('…, … және ауруханасына') is another one.
    qualified: dict[str, list] = {}
    for span, label, kind, _, _, _, bare in found:
        if not bare:
            qualified.setdefault(kind, []).append((span.start, label))
    keys: dict[str, str] = {}
    last: dict[str, str] = {}
    last_kind: dict[str, str] = {}
    ends = {f[0].end for f in found}               # a head right after a facility and 'және' or a comma: a list
    for span, label, kind, cls, count, written, bare in sorted(found, key=lambda f: f[-1]):
        same = qualified.get(kind, [])
        listed = span.start > 0 and span.start - 1 in ends and (
            doc[span.start - 1].text == "," or stem_of(doc[span.start - 1]) in lex.CONJUNCTIONS)
        if bare and same and not listed and not morph.has_plural(morph.analyze(span[-1].text.lower())[1]):
            before = [lab for at, lab in same if at < span.start]
            named = {lab for _, lab in same}
            after = [lab for at, lab in sorted(same) if at > span.start and doc[span.start - 1].text != "("]
            key = keys.get(before[-1] if before else next(iter(named)) if len(named) == 1 else
                           after[0] if after else None)   # '… пункттер (ФАП)': an abbreviation, of a plural
            if key is not None:
                ctx.mention_span(key, span)
                ctx.notes.setdefault("facilities", []).append((span, key, cls))
                _add_status_kk(ctx, key, span.sent, lex)
                continue
        shorter = next((lab for lab in reversed(list(last)) if lab != label and last_kind[lab] == kind and
                        set(label.split()) <= set(lab.replace("-", " ").split())), None)
        if (label in last or shorter) and count[0] is None and not _placed_kk(ctx, span) and \
                not morph.has_plural(morph.analyze(span[-1].text.lower())[1]):
            key = last[label if label in last else shorter]   # told again with no place of its own: the one
            #   told last before; 'фельдшерлік пункт' after 'фельдшерлік-акушерлік пункт': that one, written short
            ctx.mention_span(key, span)
            ctx.notes.setdefault("facilities", []).append((span, key, cls))
            _add_status_kk(ctx, key, span.sent, lex)
            continue
        last[label] = _facility_kk(ctx, lex, span, label, kind, cls, count, written)
        last_kind[label] = kind
        keys.setdefault(label, last[label])


def _in_programme_title_kk(doc, i: int, lex) -> bool:
    """Is token ``i`` inside a quoted title closed within the sentence and followed by a programme's noun
    ('«100 мектеп - 100 аурухана» бағдарламасы', '"…" жобасы'; adjectives between allowed)."""
    sent = doc[i].sent
    opening = next((k for k in range(i - 1, max(sent.start, i - 10) - 1, -1) if doc[k].text in "«\"“”»"), None)
    if opening is None or doc[opening].text in "»”":
        return False
    close = next((k for k in range(i + 1, min(sent.end, i + 10)) if doc[k].text in "»\"”“"), None)
    if close is None:
        return False
    after = [t for t in doc[close + 1:min(sent.end, close + 4)] if not t.is_space]
    for t in after:
        if stem_of(t) in lex.PROGRAMME_HEADS:
            return True
        if not morph.is_adjectival(t.text.lower()):
            return False
    return False


def _hard_wrap_kk(tok) -> bool:
    """A single line break inside a sentence (a hard-wrapped text)."""
    return tok.is_space and tok.text.count("\n") == 1 and tok.i + 1 < len(tok.doc) and \
        not tok.doc[tok.i + 1].is_sent_start


def _place_name_before_kk(doc, i: int, lex) -> bool:
    """A capitalised word in the nominative right before a possessed head, not a qualifier nor the sentence's
    first word ('Жармыш амбулаториясында', not 'Облыс ауруханасы', 'Орталық аурухана')."""
    if i == 0 or "-" in doc[i].text:
        return False
    prev, head = doc[i - 1], doc[i]
    low = prev.text.lower()
    return prev.is_alpha and prev.text[:1].isupper() and not prev.text.isupper() and not prev.is_sent_start and \
        not morph.analyze(low)[1] and not morph.is_adjectival(low) and low not in lex.GENERIC_QUALIFIERS and \
        stem_of(prev) not in lex.LEVEL_WORDS and prev.ent_type_ not in ("PER", "ORG") and \
        morph.analyze(head.text.lower())[1][:1] in ("ы", "і", "с")


def _compound_kk(tok) -> bool:
    """A hyphenated word of letters ('медицина-сауықтыру', 'емдеу-профилактикалық')."""
    return "-" in tok.text and all(part.isalpha() for part in tok.text.split("-"))


def _medical_kk(word: str, lex) -> bool:
    """A medical word, or a compound with a medical part ('инсульт', 'медицина-сауықтыру')."""
    low = word.lower()
    return low in lex.MEDICAL_WORDS or any(part.startswith(lex.MEDICAL_PREFIXES) for part in low.split("-"))


def _quoted_before_kk(doc, start: int):
    """The quoted name right before ``start`` ('«Шипагер» дәрігерлік амбулаториясы'), as the span inside."""
    j = start - 1
    while j >= 0 and doc[j].is_space:
        j -= 1
    if j < 1 or doc[j].text not in "»\"”":
        return None
    k = j - 1
    while k >= 0 and j - k <= 8 and doc[k].text not in "«\"“":
        k -= 1
    if k < 0 or j - k > 8 or k + 1 >= j:
        return None
    return doc[k + 1:j]


def _written_kk(head_tok, label: str) -> str | None:
    """The label as Kazakh writes a compound name, possessive kept ('оңалту орталығы', 'аудандық ауруханасы'),
    when the text uses that form: an alternative label."""
    written = morph.nominative(head_tok.text).lower()
    base, ending = morph.analyze(written)
    if not ending or morph.has_plural(ending) or written == label.split()[-1]:
        return None
    return " ".join(label.split()[:-1] + [written])


def _listed_villages_kk(ctx, doc, start: int) -> list[str]:
    """The settlements of a list closed by a plural settlement word within two words before ``start``
    ('Сарысай және Шоқысу ауылдарында | жаңа …'): their keys, two or more, else none."""
    sent = doc[start].sent
    cue = next((k for k in range(start - 1, max(sent.start, start - 3) - 1, -1)
                if doc[k].lower_.startswith(("ауылдар", "кенттер", "елді"))), None)
    if cue is None:
        return []
    if "kk_places_by_sentence" not in ctx.notes:
        ctx.notes["kk_places_by_sentence"] = by_sentence(ctx, live_places(ctx), lambda p: p.start)
    ends = {p.end: p for p in ctx.notes["kk_places_by_sentence"].get(sentence_of(ctx)[start], ())
            if p.label_ == "Settlement"}
    out, k = [], cue
    while k in ends:                   # 'Шалқар ауданы Сарысай және Шоқысу ауылдарында': the list, not the district
        out.append(ends[k].id_)
        k = ends[k].start
        if not (k > 0 and doc[k - 1].lower_ in (",", "және", "мен", "бен", "пен")):
            break
        k -= 1
    return out if len(out) >= 2 else []


def _facility_kk(ctx, lex, span, label, kind, cls, count=(None, False), written=None, where=None) -> None:
    where = where or _location_kk(ctx, span)
    # a facility named by its kind alone ('дәрігерлік амбулатория') and placed no closer than a region is this
    # article's: two articles' unnamed ambulatories in one region are not one building (as in Russian, _key)
    generic = not any(ch.isupper() or ch in "«»\"№" for ch in label) and not (where or "").startswith("settlement:")
    key = make_key("facility", label, where or "", ctx.article.source if generic else "")
    ctx.entity(key, cls, label, alt=written)
    ctx.fact(key, "hc:facilityKind", f"FacilityKind:{kind}", "concept")
    if where:
        ctx.fact(key, "hc:locatedIn", where)
    _add_status_kk(ctx, key, span.sent, lex)
    number, at_least = count
    if number is not None:
        ctx.fact(key, "hc:minCount" if at_least else "hc:count", number, "int")
    ctx.mention_span(key, span)
    ctx.notes.setdefault("facilities", []).append((span, key, cls))
    return key


_BEFORE_OPENING_KK = ("planned", "under_construction")
_FINAL_KK = {" ".join(e.words) for e in load_table("kk", "statuses").entries if e.fields.get("final")}
_WEAK_KK = {" ".join(e.words) for e in load_table("kk", "statuses").entries if e.fields.get("weak")}


def _add_status_kk(ctx, key, sent, lex) -> None:
    """The status its sentence tells, when the facility has none yet (its first mention that tells one); an
    opening told after its plan or construction is where the story ends ('… құрылыс жұмыстарын бастаған
    болатын. … пункттің ашылу салтанаты өтті': opened)."""
    status, words = _status_match_kk(sent, lex)
    with_status = ctx.notes.setdefault("kk_facility_status", {})
    old = with_status.get(key)
    if status and (old is None or words in _FINAL_KK and old in _BEFORE_OPENING_KK):
        if old is not None:
            ctx.facts.pop((key, "hc:facilityStatus", f"FacilityStatus:{old}", "concept"), None)
        with_status[key] = status
        ctx.fact(key, "hc:facilityStatus", f"FacilityStatus:{status}", "concept")


def _near_kk(ctx, span) -> list:
    """The settlements and regions of the mention's sentence."""
    if "kk_places_by_sentence" not in ctx.notes:
        ctx.notes["kk_places_by_sentence"] = by_sentence(ctx, live_places(ctx), lambda p: p.start)
    return [p for p in ctx.notes["kk_places_by_sentence"].get(sentence_of(ctx)[span.start], ())
            if p.label_ in ("Settlement", "Region")]


def _placed_kk(ctx, span) -> bool:
    """Does the mention's sentence name a settlement or a region (a place of its own for the facility)."""
    return bool(_near_kk(ctx, span))


def _location_kk(ctx, span) -> str | None:
    """The place of the mention's sentence nearest to it; not one of a list ('Бостандық, Жетісу және Түрксіб
    аудандарының тұрғындары': a facility lies in one place)."""
    from . import lexicon_kk as lex_kk
    doc = ctx.doc
    near = [p for p in _near_kk(ctx, span) if not morph.has_plural(morph.analyze(p[-1].text.lower())[1]) and
            not (p.end < len(doc) and (doc[p.end].text == "," or doc[p.end].lower_ in lex_kk.CONJUNCTIONS) and
                 any(morph.has_plural(morph.analyze(q[-1].text.lower())[1]) for q in _near_kk(ctx, span)))]
    if near:
        return min(near, key=lambda p: abs(p.start - span.start)).id_
    return ctx.notes.get("main_region")
