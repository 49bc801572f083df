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
