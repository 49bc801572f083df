"""Custom Doc/Span/Token attributes, declared once, namespaced ``kg_``."""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

PLACES = "kg_places"      # doc.spans key: gazetteer / toponym matches, label_ = class, id_ = entity key


def register_extensions() -> None:
    if not Doc.has_extension("kg_lang"):
        Doc.set_extension("kg_lang", default=None)
    if not Doc.has_extension("kg_natasha"):
        Doc.set_extension("kg_natasha", default=None)      # the natasha Doc behind a Russian Doc
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
            for j in range(sent.start, sent.end):
                starts[j], ends[j] = sent.start, sent.end
        found = doc.user_data["kg_sent_bounds"] = (len(doc), starts, ends)
    return found[1][i], found[2][i]


def sent_start(span) -> int:
    """``span.sent.start`` (a Span or a Token) through ``sent_bounds``."""
    return sent_bounds(span.doc, span.i if isinstance(span, Token) else span.start)[0]
