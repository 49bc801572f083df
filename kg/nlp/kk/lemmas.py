"""``token.lemma_`` for Kazakh: a conservative stem (``morph.stem``); inside a gazetteer place, the place
name's own uninflected word, so "Қызылордада" gets "қызылорда" whatever the stemmer would guess."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import PLACES
from . import morph
from .places import default_index


def lemmas(doc: Doc, bases: dict[int, str]) -> list[str]:
    out = []
    for token in doc:
        if token.i in bases:
            out.append(bases[token.i])
        elif token.is_alpha or "-" in token.text:
            out.append(morph.stem(token.text))
        else:
            out.append(token.lower_)
    return out


def place_bases(doc: Doc) -> dict[int, str]:
    """Token index of each place's last word -> that word uninflected (from the gazetteer name)."""
    index = default_index()
    out = {}
    for span in doc.spans.get(PLACES, []):
        last = span[-1]
        for name in index.candidates(last.text):
            if name.key == span.id_ and len(name.words) == len(span):
                out[last.i] = name.words[-1]
                break
    return out


def set_annotations(doc: Doc, values: list[str]) -> None:
    for token, value in zip(doc, values):
        token.lemma_ = value


class Lemmatizer:
    def __call__(self, doc: Doc) -> Doc:
        set_annotations(doc, lemmas(doc, place_bases(doc)))
        return doc


@Language.factory("kg_kk_lemmas", assigns=["token.lemma"], requires=["doc.spans"])
def make_lemmatizer(nlp: Language, name: str) -> Lemmatizer:
    return Lemmatizer()
