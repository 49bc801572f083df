"""Quantities an article states: '828 нейрохирургических операций', '46 врачей прошли…', 'уровень обновления
составил 86,5%… в 2023 году (83,8%)'. Each becomes an Indicator with value, unit, year, the region or facility
it is stated for, and its evidence sentence."""
from __future__ import annotations

import re

from ..iris import make_key
from ..nlp.extensions import PLACES, sent_bounds, sent_start, token_table
from ..nlp.ru_morph import nominative_words
from .common import adjectives_before, extend_genitive, lemma
from .context import Ctx

_NUMBER = re.compile(r"^\d+(?:[.,]\d+)?$")
_YEAR = re.compile(r"^(19|20)\d{2}$")


def _value(tok) -> float | None:
    return _value_of(tok.text)


def _value_of(text: str) -> float | None:
    text = text.replace("\xa0", "")
    if not _NUMBER.match(text) or _YEAR.match(text):
        return None
    return float(text.replace(",", "."))


def _in_date(ctx: Ctx, tok) -> bool:
    return any(d.begin <= tok.idx < d.end for d in ctx.notes.get("dates", []))


def _sentence_years(ctx: Ctx, start: int, end: int, lex) -> tuple[list, bool]:
    """The years written in the sentence [start, end) ('2024 год') as (index, text), and whether it says
    'this year' — once per sentence, not once per number in it."""
    cache = ctx.notes.setdefault("sentence_years", {})
    found = cache.get(start)
    if found is None:
        table = token_table(ctx.doc)        # the sentence's words without making Tokens
        texts, every = table.text, table.lemma
        years = [(i, texts[i]) for i in range(start, end) if _YEAR.match(texts[i]) and i + 1 < table.n
                 and every[i + 1] in ("год", "г.", "г")]
        lemmas = [every[i] for i in range(start, end) if not table.space[i]]
        this_year = any(tuple(lemmas[i:i + len(p)]) == p for p in lex.THIS_YEAR for i in range(len(lemmas)))
        found = cache[start] = (years, this_year)
    return found


def year_for(ctx: Ctx, tok, lex) -> str | None:
    start, end = sent_bounds(ctx.doc, tok.i)
    years, this_year = _sentence_years(ctx, start, end, lex)
    before = [y for i, y in years if i < tok.i]
    if before:
        return before[-1]
    if this_year:
        return ctx.ref_date[:4] if ctx.ref_date else None
    if start > 0:
        years = _sentence_years(ctx, *sent_bounds(ctx.doc, start - 1), lex)[0]
        if years:
            return years[-1][1]
    return None


def _measure_after(doc, i, lex):
    """The noun phrase counted by the number at ``i``: '828 [нейрохирургических операций]'."""
    j = i + 1
    scale = 1
    if j < len(doc) and lemma(doc[j]) in lex.MULTIPLIERS:
        scale, j = lex.MULTIPLIERS[lemma(doc[j])], j + 1
    k = j
    while k < len(doc) and doc[k].pos_ == "ADJ":
        k += 1
    if k >= len(doc) or doc[k].pos_ != "NOUN" or lemma(doc[k]) in lex.NOT_MEASURES \
            or lemma(doc[k]) in lex.FACILITY_HEADS or _not_a_word(doc[k], lex):
        return None, scale                   # '4 поликлиники' are facilities counted; '8 июня' is a date
    end = extend_genitive(doc, k + 1, limit=3)
    return doc[j:end], scale


def _not_a_word(tok, lex) -> bool:
    word = lemma(tok)
    return word in lex.MONTH_WORDS or word.rstrip(".") in lex.MONTH_WORDS or len(word) < 3 \
        or not any("а" <= c <= "я" or c == "ё" for c in word)


def _measure_before(doc, tok, lex):
    """'[Уровень обновления] составил 86,5%': the subject before the value verb of the sentence."""
    sent = tok.sent
    verb = next((t for t in sent if lemma(t) in lex.VALUE_VERBS and t.i < tok.i), None)
    if verb is None:
        for s in (sent, doc[sent.start - 1].sent if sent.start > 0 else None):
            if s is not None and s is not sent:
                verb = next((t for t in s if lemma(t) in lex.VALUE_VERBS), None)
                sent = s
        if verb is None:
            return None
    head = next((t for t in sent if t.pos_ == "NOUN" and t.i < verb.i and t.morph.get("Case") == ["Nom"]), None)
    if head is None:
        return None
    return doc[adjectives_before(doc, head.i):extend_genitive(doc, head.i + 1, limit=3)]


def subject_for(ctx: Ctx, tok) -> str | None:
    sent = tok.sent
    facilities = [(s, k) for s, k, cls in ctx.notes.get("facilities", []) if sent_start(s) == sent.start]
    if facilities:
        return min(facilities, key=lambda f: abs(f[0].start - tok.i))[1]
    places = [s for s in ctx.doc.spans.get(PLACES, []) if sent_start(s) == sent.start
              and s.label_ in ("Region", "Settlement")]
    if places:
        return places[0].id_
    return ctx.notes.get("main_region")


def extract_indicators(ctx: Ctx, lex) -> None:
    doc = ctx.doc
    for i, text in enumerate(token_table(doc).text):       # numbers found on the table: no Token per word
        value = _value_of(text)
        if value is None:
            continue
        tok = doc[i]
        if not ctx.live(doc[tok.i:tok.i + 1]) or _in_date(ctx, tok):
            continue
        prev = doc[tok.i - 1] if tok.i > 0 else None
        if _capacity(ctx, lex, tok, value) or _money(ctx, lex, tok, value) or _readiness(ctx, lex, tok, value):
            continue
        if prev is not None and (lemma(prev) in ("на", "№", "до", "с", "по") and not _percent(doc, tok.i, lex)
                                 or prev.text in ("№", "-", "–", ":")):
            continue
        if _percent(doc, tok.i, lex):
            if prev is not None and lemma(prev) == "на":
                continue                                  # 'на 3% выше': a difference, not a level
            span, unit, scale = _measure_before(doc, tok, lex), "%", 1
        else:
            span, scale = _measure_after(doc, tok.i, lex)
            unit = lemma(span.root) if span is not None else None
        if span is None:
            continue
        _emit(ctx, lex, tok, span, value * scale, unit)


def _facility_in(ctx: Ctx, tok) -> str | None:
    """The facility named nearest to ``tok`` in its sentence."""
    near = [(abs(s.start - tok.i), k) for s, k, _ in ctx.notes.get("facilities", [])
            if sent_start(s) == sent_start(tok)]
    return min(near)[1] if near else None


def _capacity(ctx, lex, tok, value) -> bool:
    """'ковид-госпиталь на 226 коек', 'поликлиника мощностью 500 посещений в смену': the facility's capacity."""
    doc = ctx.doc
    prev = doc[tok.i - 1] if tok.i > 0 else None
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if prev is None or nxt is None or lemma(nxt) not in lex.CAPACITY_UNITS:
        return False
    if lemma(prev) not in lex.CAPACITY_CUES and prev.text.lower() not in lex.CAPACITY_CUES:
        return False
    facility = _facility_in(ctx, tok)
    if facility is None:
        return False
    measure, unit = lex.CAPACITY_UNITS[lemma(nxt)]
    end = nxt.idx + len(nxt.text)
    if lemma(nxt) == "посещение" and tok.i + 3 < len(doc) and lemma(doc[tok.i + 3]) == "смена":
        end = doc[tok.i + 3].idx + len(doc[tok.i + 3].text)
    _record(ctx, lex, tok, measure, value, unit, facility, end)
    return True


def _money(ctx, lex, tok, value) -> bool:
    """'стоимость строительства — 1,2 млрд рублей', 'направят 300 миллионов рублей': a sum, of the facility named
    in the sentence (else the region)."""
    doc = ctx.doc
    j, scale = tok.i + 1, 1
    if j < len(doc) and lemma(doc[j]) in lex.MULTIPLIERS:
        scale, j = lex.MULTIPLIERS[lemma(doc[j])], j + 1
    if j >= len(doc) or (lemma(doc[j]) not in lex.MONEY_UNITS and doc[j].text.lower() not in lex.MONEY_UNITS):
        return False
    unit = lex.MONEY_UNITS.get(lemma(doc[j]), lex.MONEY_UNITS.get(doc[j].text.lower()))
    cue = next((lex.COST_NOUNS[lemma(t)] for t in tok.sent if lemma(t) in lex.COST_NOUNS), "сумма")
    subject = _facility_in(ctx, tok) or subject_for(ctx, tok)
    _record(ctx, lex, tok, cue, value * scale, unit, subject, doc[j].idx + len(doc[j].text))
    return True


def _readiness(ctx, lex, tok, value) -> bool:
    """'готовность объекта — 85%', 'больница готова на 70%': how far a facility's building has come."""
    doc = ctx.doc
    if not _percent(doc, tok.i, lex):
        return False
    before = [lemma(t) for t in doc[max(tok.sent.start, tok.i - 6):tok.i]]
    facility = _facility_in(ctx, tok)
    if facility is None or not (set(before) & lex.READINESS_WORDS):
        return False
    _record(ctx, lex, tok, "готовность", value, "%", facility, doc[tok.i + 1].idx + len(doc[tok.i + 1].text))
    return True


def _shown(value: float) -> str:
    """'300000000', '86.5' (no exponent)."""
    return str(int(value)) if value == int(value) else f"{value:.6f}".rstrip("0").rstrip(".")


def _record(ctx, lex, tok, measure, value, unit, subject, end, show_unit=True) -> None:
    year = year_for(ctx, tok, lex)
    shown = _shown(value)
    key = make_key("indicator", measure, shown, unit or "", year or "", subject or "")
    suffix = "%" if unit == "%" else (f" {unit}" if unit and show_unit else "")
    ctx.entity(key, "Indicator", f"{measure}: {shown}{suffix}" + (f" ({year})" if year else ""))
    ctx.fact(key, "hc:measure", f"{measure}@{ctx.lang}", "lang")
    ctx.fact(key, "hc:value", shown, "decimal")
    if unit:
        ctx.fact(key, "hc:unit", unit, "str")
    if year:
        ctx.fact(key, "hc:year", year, "year")
    if subject:
        ctx.fact(key, "hc:indicatorOf", subject)
    ctx.mention(key, tok.idx, end)
    ctx.evidence(key, tok.sent)


def _emit(ctx, lex, tok, span, value, unit) -> None:
    toks = [t for t in span if not t.is_space]
    measure = " ".join(nominative_words(toks, number=None if unit == "%" else "plur")).strip()
    if not measure:
        return
    measure = measure[:1].lower() + measure[1:]
    end = span.end_char if span.start > tok.i else tok.idx + len(tok.text) + 1
    _record(ctx, lex, tok, measure, value, unit, subject_for(ctx, tok), end, show_unit=False)


def _percent(doc, i, lex) -> bool:
    return i + 1 < len(doc) and lemma(doc[i + 1]) in lex.PERCENT
