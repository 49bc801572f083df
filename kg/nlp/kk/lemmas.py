"""``token.lemma_`` for Kazakh: a conservative stem (``morph.stem``); a one-word gazetteer place gets the
place name itself, so "Қызылордада" and "Алматыдағы" get "қызылорда" and "алматы" whatever the stemmer
would guess (a name may end like a suffix)."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import PLACES
from . import morph
from .places import default_index


_LATIN_I = str.maketrans({"i": "і", "I": "І", "ə": "ә", "Ə": "Ә"})


def fold_latin_i(word: str) -> str:
    """A Cyrillic word typed with the Latin 'i' for Kazakh 'і' ('әкiмi', an old keyboard habit) or the Latin
    schwa 'ə' for 'ә' ('əкімі', a keyboard layout's) read as Kazakh."""
    if not any(ch in word for ch in "iIəƏ") or not any("а" <= ch.lower() <= "я" or ch in "әғқңөұүһ" for ch in word):
        return word
    return word.translate(_LATIN_I)


def lemmas(doc: Doc, bases: dict[int, str]) -> list[str]:
    out = []
    for token in doc:
        if token.i in bases:
            out.append(bases[token.i])
        elif token.is_alpha or "-" in token.text:
            out.append(morph.stem(fold_latin_i(token.text)))
        else:
            out.append(token.lower_)
    return out


def place_bases(doc: Doc) -> dict[int, str]:
    """Token index -> lemma for the words of gazetteer places (from the name as the gazetteer writes it)."""
    index = default_index()
    out = {}
    for span in doc.spans.get(PLACES, []):
        last = span[-1]
        for name in index.candidates(last.text):
            if name.key == span.id_ and len(name.words) == len(span):
                # a one-word name is its own lemma; "облысы" in "Алматы облысы" is a common noun's form
                out[last.i] = name.words[-1] if len(span) == 1 else morph.stem(name.words[-1])
                out.update({token.i: word for token, word in zip(span[:-1], name.words)})
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


def stem_of(token) -> str:
    """A token's stem: its lemma when the pipeline set one, else ``morph.stem`` of its text (lower case)."""
    return (token.lemma_ or morph.stem(token.text)).lower()
