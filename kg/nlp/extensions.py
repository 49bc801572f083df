"""Custom Doc/Span/Token attributes, declared once, namespaced ``kg_``."""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

PLACES = "kg_places"      # doc.spans key: gazetteer / toponym matches, label_ = class, id_ = entity key
IMPLIED = "kg_places_implied"   # doc.spans key: the places of PLACES named only inside a facility's name


def register_extensions() -> None:
    if not Doc.has_extension("kg_lang"):
        Doc.set_extension("kg_lang", default=None)
    if not Doc.has_extension("kg_natasha"):
        Doc.set_extension("kg_natasha", default=None)      # natasha_adapter.Segmentation of a Russian Doc
    if not Token.has_extension("kg_feats"):
        Token.set_extension("kg_feats", default=None)       # dict of morphological features
    if not Span.has_extension("kg_normal"):
        Span.set_extension("kg_normal", default=None)       # nominative form of a named span


register_extensions()


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per Doc: spaCy's ``doc.text`` makes a Token for every token each time it is
    read. A Doc's text never changes (retokenizing keeps it), the length check guards a Doc re-made in place."""
    found = doc.user_data.get("kg_text")
    if found is None or found[0] != len(doc):
        found = doc.user_data["kg_text"] = (len(doc), doc.text)
    return found[1]


_LINE_GOES_ON = set(",.;:!?)]}»”…%")


def line_goes_on(head: str) -> bool:
    """A line starting with ``head`` (its first character) may go on the sentence of the line before: a
    lower-case letter or a closing mark ('…новое\nотделение', '\n, где'), as in hard-wrapped texts. Each
    language's splitter adds what the line before must look like."""
    return head.islower() or head in _LINE_GOES_ON


def lemma_of(tok) -> str:
    """The token's lemma (its text when it has none), lower-cased, ё as е: what the gazetteer, the pattern
    tables and the extractors compare. Folded once per distinct lemma (keyed by spaCy's hash of it)."""
    key = tok.lemma
    if not key:
        return tok.text.lower().replace("ё", "е")
    found = _FOLDED.get(key)
    if found is None:
        if len(_FOLDED) > 500_000:
            _FOLDED.clear()
        found = _FOLDED[key] = tok.lemma_.lower().replace("ё", "е")
    return found


_FOLDED: dict[int, str] = {}


def sent_bounds(doc: Doc, i: int) -> tuple[int, int]:
    """(start, end) of the sentence of token ``i``: ``doc[i].sent`` (= ``span.sent`` of a span starting at
    ``i``) without spaCy's walk to the sentence's ends and its whole-Doc annotation check on every call.
    Made once per Doc from the sentence starts (a length check guards a Doc re-made in place)."""
    found = doc.user_data.get("kg_sent_bounds")
    if found is None or found[0] != len(doc):
        starts, ends = [0] * len(doc), [0] * len(doc)
        for sent in doc.sents:
            start, end = sent.start, sent.end
            starts[start:end] = [start] * (end - start)
            ends[start:end] = [end] * (end - start)
        found = doc.user_data["kg_sent_bounds"] = (len(doc), starts, ends)
    return found[1][i], found[2][i]


def sent_start(span) -> int:
    """``span.sent.start`` (a Span or a Token) through ``sent_bounds``."""
    return sent_bounds(span.doc, span.i if isinstance(span, Token) else span.start)[0]


class TokenTable:
    """The Doc's tokens as columns of plain values, made once per Doc: rules that walk the whole text read
    these lists instead of making a spaCy Token per token (``for tok in doc``, ``doc[i]``) and folding its
    lemma again. Index ``i`` is token ``i``.

    - ``text``: ``tok.text``; ``low``: ``tok.text.lower()``; ``fold``: lower case with ё as е;
    - ``lemma``: ``lemma_of(tok)``; ``pos``: ``tok.pos_``; ``idx``: ``tok.idx``; ``space``: ``tok.is_space``;
    - ``sent_start`` / ``sent_end``: the token's sentence (``sent_bounds``).

    Made from the finished annotation: the Russian morphology drops a table made before it, and the
    extraction stage makes it anew (``kg.extract.pipeline.prepare``). Read it, never change it."""

    __slots__ = ("n", "text", "low", "fold", "lemma", "pos", "idx", "space", "sent_start", "sent_end")

    def __init__(self, doc: Doc):
        from spacy.attrs import IDX, IS_SPACE, LEMMA, ORTH, POS
        from spacy.parts_of_speech import NAMES

        n = self.n = len(doc)
        orths, lemmas, pos, idx, space = doc.to_array([ORTH, LEMMA, POS, IDX, IS_SPACE]).T.tolist() if n \
            else ([], [], [], [], [])
        strings = doc.vocab.strings
        if len(_WORDS) > 500_000:
            _WORDS.clear()
        if len(_FOLDED) > 500_000:
            _FOLDED.clear()
        for orth in orths:
            if orth not in _WORDS:
                w = strings[orth]
                lw = w.lower()
                _WORDS[orth] = (w, lw, lw.replace("ё", "е"))
        for lem in lemmas:
            if lem and lem not in _FOLDED:
                _FOLDED[lem] = strings[lem].lower().replace("ё", "е")
        words = [_WORDS[orth] for orth in orths]
        self.text = [w[0] for w in words]
        self.low = [w[1] for w in words]
        self.fold = fold = [w[2] for w in words]
        self.lemma = [_FOLDED[lem] if lem else fold[i] for i, lem in enumerate(lemmas)]    # lemma_of
        self.pos = [NAMES[p] for p in pos]
        self.idx = idx
        self.space = [bool(v) for v in space]
        if n:
            sent_bounds(doc, 0)
            _, self.sent_start, self.sent_end = doc.user_data["kg_sent_bounds"]
        else:
            self.sent_start, self.sent_end = [], []


_WORDS: dict[int, tuple[str, str, str]] = {}       # orth hash -> (text, lower, folded)


def token_table(doc: Doc) -> TokenTable:
    """The Doc's ``TokenTable``, made once (a length check guards a Doc re-made in place)."""
    found = doc.user_data.get("kg_table")
    if found is None or found.n != len(doc):
        found = doc.user_data["kg_table"] = TokenTable(doc)
    return found


def drop_token_table(doc: Doc) -> None:
    """Forget the Doc's table (and its sentence bounds): the annotation it was made from has changed."""
    doc.user_data.pop("kg_table", None)
