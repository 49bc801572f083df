"""Rule-based sentence boundaries for Kazakh news.

A sentence starts at the first token, after a line break (unless the next line goes on: a lower-case word
or a closing mark after a line with no sentence end, as in hard-wrapped texts), and after ``.`` ``!`` ``?`` ``…`` (with any closing
quotes or brackets) when the next word starts with a capital letter, a digit, an opening quote or a dash.
Abbreviations are single tokens ("т.б.", "ж.", initials "Қ."): only those that may end a sentence
("т.б.", "т.с.с.") end one, and only before a capital letter.
"""
from __future__ import annotations

import re

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Token

from ..extensions import line_goes_on
from .lang import ABBREVIATIONS

TERMINALS = {".", "!", "?", "…", "...", "?!", "!?", "!!", "??", "!!!"}
CLOSERS = set("»”\"')]")
OPENERS = set("«“\"(—–-")


def _opens_sentence(token: Token) -> bool:
    first = token.text[:1]
    return first.isupper() or first.isdigit() or first in OPENERS


def _ends_sentence(token: Token) -> bool:
    text = token.text
    return text in TERMINALS or (set(text) <= set(".!?…") and text != "") or ABBREVIATIONS.get(text.lower(), False)


def _goes_on(doc: Doc, space: Token) -> bool:
    """A single line break inside a sentence (a hard-wrapped text): the next line starts with a lower-case
    letter or a closing mark and the line before has no sentence end. A blank line always ends the sentence."""
    if space.text.count("\n") > 1 or space.i + 1 >= len(doc) or space.i == 0:
        return False
    head, before = doc[space.i + 1].text[:1], doc[space.i - 1].text
    if _patronymic_wrapped(doc[space.i - 1], doc[space.i + 1]):
        return True
    return line_goes_on(head) and not _ends_sentence(doc[space.i - 1]) and before[-1:] != ":"


PATRONYMIC_ENDINGS = ("ұлы", "улы", "қызы", "кызы")


def _patronymic_wrapped(before: Token, after: Token) -> bool:
    """'… әкімі Сәкен Үмбетұлы⏎Мамытов жұмыс сапарымен': a name wrapped after its patronymic, the surname on
    the next line."""
    return before.is_alpha and before.text[:1].isupper() and not before.text.isupper() and \
        before.lower_.endswith(PATRONYMIC_ENDINGS) and after.is_alpha and after.text[:1].isupper() and \
        not after.text.isupper()


def boundaries(doc: Doc) -> list[bool]:
    """One flag per token: does a sentence start here."""
    starts = [False] * len(doc)
    pending = True                       # the next word token starts a sentence
    closing = False                      # after a terminal, closers still belong to the sentence
    for token in doc:
        if token.is_space:
            if "\n" in token.text and not _goes_on(doc, token):
                pending, closing = True, False
            continue
        if pending:
            starts[token.i] = True
            pending = False
        elif closing and token.text in CLOSERS:
            continue
        elif closing:
            starts[token.i] = _opens_sentence(token)
        closing = _ends_sentence(token) and not _closes_initials(doc, token)
    return starts


_INITIALS = re.compile(r"(?:[А-ЯЁӘІҢҒҮҰҚӨҺA-Z]\.)+[А-ЯЁӘІҢҒҮҰҚӨҺA-Z]")


def _closes_initials(doc: Doc, token: Token) -> bool:
    """'Н.Ә. Назарбаев': the dot after two initials (tokenized 'Н.Ә' + '.') ends no sentence."""
    return token.text == "." and token.i > 0 and not doc[token.i - 1].whitespace_ and \
        _INITIALS.fullmatch(doc[token.i - 1].text) is not None


def set_annotations(doc: Doc, starts: list[bool]) -> None:
    """All flags in one array write: setting ``token.is_sent_start`` token by token checks the whole Doc's
    annotations each time (quadratic on a long text)."""
    if not len(doc):
        return
    values = numpy.array([1 if start else -1 for start in starts], dtype="int32").astype("uint64")
    doc.from_array([SENT_START], values.reshape(-1, 1))


class SentenceSplitter:
    def __call__(self, doc: Doc) -> Doc:
        set_annotations(doc, boundaries(doc))
        return doc


@Language.factory("kg_kk_sentences", assigns=["token.is_sent_start"])
def make_sentences(nlp: Language, name: str) -> SentenceSplitter:
    return SentenceSplitter()
