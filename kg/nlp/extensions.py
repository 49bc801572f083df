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
