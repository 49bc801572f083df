"""Helpers shared by the extractors: trigger matching on lemmas, quotes, noun-phrase extension."""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..nlp.extensions import doc_text, lemma_of, token_table
from ..nlp.ru_morph import adjectival_noun

OPEN_QUOTES = "«“„\""
CLOSE_QUOTES = "»”\""


lemma = lemma_of        # (tok.lemma_ or tok.text).lower() with ё as е, folded once per distinct lemma


def tokens(doc: Doc) -> tuple[list[Token], list[str]]:
    """The Doc's tokens and their lemmas (``lemma``), made once per Doc for the extractors' whole-text loops
    (iterating a Doc makes a new Token object per token each time). Built in the extraction stage, after the
    NLP stage has set every lemma; ``prepare`` drops a stale copy."""
    found = doc.user_data.get("kg_tokens")
    if found is None or found[0] != len(doc):
        found = doc.user_data["kg_tokens"] = (len(doc), list(doc), token_table(doc).lemma)
    return found[1], found[2]


def words(doc_or_span) -> list[Token]:
    return [t for t in doc_or_span if not t.is_space]


def find_triggers(doc: Doc, table, max_len: int = 4) -> list[tuple[Span, object]]:
    """Longest non-overlapping matches of lemma tuples from ``table`` (a pattern table or a mapping) ->
    (span, value), through spaCy's PhraseMatcher (``kg.patterns.matcher``). ``max_len`` is kept for
    callers; the matcher needs no bound."""
    from ..patterns.matcher import match_table

    return match_table(doc, table)


def trigger_spans(doc: Doc, key: str) -> list[tuple[Span, str]]:
    """The matches a trigger component (``kg.extract.pipeline.TRIGGERS``) left in ``doc.spans[key]`` ->
    (span, value), in text order. A Doc that did not go through the component is matched now, so an
    extractor called on its own still sees its triggers."""
    if key not in doc.spans:
        from .pipeline import FAMILIES, match_family, trigger_tables

        lang = "kk" if doc.lang_ == "kk" else "ru"
        doc.spans[key] = [Span(doc, s.start, s.end, label=str(v)) for s, v in
                          match_family(doc, trigger_tables(lang, key), FAMILIES[key].overlapping)]
    return [(span, span.label_) for span in doc.spans[key]]


def trigger_tokens(doc: Doc, key: str) -> dict[int, str]:
    """Token index -> value of a one-word trigger family (``hc_appointment``, ``hc_event_verbs``, ...); made
    once per Doc and family (facilities read it per sentence), to be read, not changed."""
    found = doc.user_data.get("kg_trigger_tokens:" + key)
    group = doc.spans[key] if key in doc.spans else None
    if found is None or found[0] is not group or found[1] != len(group):
        out = {span.start: value for span, value in trigger_spans(doc, key) if len(span) == 1}
        group = doc.spans[key]
        found = doc.user_data["kg_trigger_tokens:" + key] = (group, len(group), out)
    return found[2]


def head_at(doc: Doc, i: int, heads, base, pos=None) -> tuple[str | None, int]:
    """The head word starting at token ``i``, two-word heads first ('перинатальный центр',
    'перинаталдық орталық'); ``base`` gives a token's lemma or stem; a one-word head must have ``pos``."""
    if i + 1 < len(doc):
        two = f"{base(doc[i])} {base(doc[i + 1])}"
        if two in heads:
            return two, 2
    one = base(doc[i])
    if one in heads and (pos is None or doc[i].pos_ in pos):
        return one, 1
    return None, 0


def quoted_spans(doc: Doc) -> list[Span]:
    """Spans strictly inside «…» or "…" on one line (the quotes excluded); found once per Doc."""
    found = doc.user_data.get("kg_quoted")
    if found is None or found[0] != len(doc):
        found = doc.user_data["kg_quoted"] = (len(doc), tuple(_quoted_spans(doc)))
    return list(found[1])


def _quoted_spans(doc: Doc) -> list[Span]:
    out, open_at = [], None
    for i, text in enumerate(token_table(doc).text):
        if "\n" in text:
            open_at = None
        elif text in "«“„" or (text == '"' and open_at is None):
            open_at = i
        elif text in "»”" or (text == '"' and open_at is not None):
            if open_at is not None and i - open_at > 1 and i - open_at <= 12:
                out.append(doc[open_at + 1:i])
            open_at = None
    return out


def quote_after(doc: Doc, i: int, max_gap: int = 0) -> Span | None:
    """The quoted span starting right after token ``i`` (allowing ``max_gap`` tokens in between)."""
    j = i + 1
    while j < len(doc) and doc[j].is_space:
        j += 1
    for _ in range(max_gap + 1):
        if j < len(doc) and doc[j].text in OPEN_QUOTES:
            for k in range(j + 1, min(len(doc), j + 14)):
                if doc[k].text in CLOSE_QUOTES or "\n" in doc[k].text:
                    return doc[j + 1:k] if k > j + 1 and "\n" not in doc[k].text else None
            return None
        j += 1
    return None


def is_genitive(tok: Token) -> bool:
    return tok.morph.get("Case") == ["Gen"]


def extend_genitive(doc: Doc, end: int, limit: int = 6, stop: set[int] | None = None) -> int:
    """Extend a noun phrase ending at ``end`` over its genitive and prepositional modifiers:
    'центр [эмоционального здоровья]', 'служба [по надзору в сфере здравоохранения]',
    'коллегия [здравоохранения и социальной политики]'."""
    stop = stop or set()
    j, last, after_prep = end, end, False
    while j < len(doc) and j - end < limit and j not in stop:
        tok = doc[j]
        if tok.is_space or tok.is_punct or tok.ent_type_ == "PER":
            break
        content = tok.pos_ in ("ADJ", "NOUN", "PROPN", "NUM", "DET")
        if content and (after_prep or is_genitive(tok) or tok.pos_ == "PROPN"):
            j += 1
            if tok.pos_ in ("NOUN", "PROPN"):
                last, after_prep = j, False
            continue
        nxt = doc[j + 1] if j + 1 < len(doc) else None
        if nxt is not None and tok.pos_ == "ADP" and _attaches(tok, nxt):
            j, after_prep = j + 1, True
            continue
        if nxt is not None and lemma(tok) == "и" and j > end and is_genitive(nxt) \
                and nxt.pos_ in ("ADJ", "NOUN"):
            j += 1
            continue
        break
    return last


def _attaches(prep: Token, nxt: Token) -> bool:
    """Prepositions that stay inside a name: 'по надзору', 'для детей', 'в сфере'."""
    word = lemma(prep)
    if word == "в":
        return lemma(nxt) in ("сфера", "область") and nxt.pos_ == "NOUN"
    if word == "при":                                   # 'служба … при Президенте', not 'при поддержке'
        return nxt.text[:1].isupper()
    return word in ("по", "для") and nxt.pos_ in ("NOUN", "ADJ")


def adjectives_before(doc: Doc, start: int) -> int:
    """Start of the agreeing adjectives (and ordinal numerals) before a head noun. A word the tagger took
    for a noun but that declines like an adjective ('трассовых пунктов') counts too."""
    table = token_table(doc)
    space, pos, text = table.space, table.pos, table.text
    i = start
    while i > 0 and not space[i - 1] and (
            pos[i - 1] == "ADJ" or _roman(text[i - 1]) or pos[i - 1] == "NOUN" and adjectival_noun(doc[i - 1])
            or pos[i - 1] == "PROPN" and place_adjective(doc[i - 1])):
        i -= 1
    return i


def place_adjective(tok: Token) -> bool:
    """A capitalised adjective of a place name the tagger took for a proper noun ('Тотемской ЦРБ',
    'Горячеключевской ЦРБ'): lemma in -ский/-цкий, form in such an adjective's case ending."""
    return tok.pos_ == "PROPN" and (tok.lemma_ or "").lower().endswith(("ский", "цкий")) \
        and tok.text.lower().endswith(_PLACE_ADJ_ENDINGS)


_PLACE_ADJ_ENDINGS = ("ской", "цкой", "ская", "цкая", "скую", "цкую", "ский", "цкий", "ского", "цкого", "скому",
                      "цкому", "ским", "цким", "ском", "цком", "ские", "цкие", "ских", "цких", "скими", "цкими")


def _roman(text: str) -> bool:
    return bool(text) and all(c in "IVXLC" for c in text)


def sentences(doc: Doc) -> tuple[Span, ...]:
    """The Doc's sentences, built once: the extraction stage never moves a boundary, and spaCy's
    ``doc.sents`` walks every token each time it is asked."""
    found = doc.user_data.get("hc_sents")
    if found is None or found[0] != len(doc):
        found = doc.user_data["hc_sents"] = (len(doc), tuple(doc.sents))
    return found[1]


def sentence_index(doc: Doc) -> dict[int, int]:
    return {t.i: n for n, sent in enumerate(sentences(doc)) for t in sent}


def paragraph_of(doc: Doc, char: int) -> tuple[int, int]:
    text = doc_text(doc)
    begin = text.rfind("\n", 0, char) + 1
    end = text.find("\n", char)
    return begin, (len(text) if end < 0 else end)


def live_places(ctx) -> list[Span]:
    """The NLP stage's places (``doc.spans["kg_places"]``) outside the article's skipped ranges."""
    from ..nlp.extensions import PLACES
    return [s for s in ctx.doc.spans[PLACES] if ctx.live(s)] if PLACES in ctx.doc.spans else []


def sentence_of(ctx) -> dict[int, int]:
    """Token index -> the start of its sentence (built once per article)."""
    found = ctx.notes.get("sentence_of")
    if found is None:
        found = ctx.notes["sentence_of"] = {}
        for sent in sentences(ctx.doc):
            found.update((i, sent.start) for i in range(sent.start, sent.end))
    return found


def by_sentence(ctx, items, start_of) -> dict[int, list]:
    """Items grouped by the sentence their first token (``start_of(item)``) is in, in their order: a lookup
    per sentence instead of a scan of the article per trigger."""
    sent_of, out = sentence_of(ctx), {}
    for item in items:
        start = start_of(item)
        out.setdefault(sent_of.get(start, start), []).append(item)
    return out


def one_place(local: set, votes) -> str | None:
    """The place a context points to: the one its paragraph names (``local``), else the article's when two
    thirds of the votes (a Counter) go to it; None when the paragraph names several or nothing decides."""
    if len(local) == 1:
        return next(iter(local))
    if local or not votes:
        return None
    best, n = votes.most_common(1)[0]
    return best if n * 3 >= sum(votes.values()) * 2 else None

