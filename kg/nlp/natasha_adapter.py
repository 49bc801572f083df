"""The one module that talks to natasha (segmentation, morphology, syntax, NER) and pymorphy.

Small ``adapt_*`` functions turn natasha's output into plain values keyed by character offsets; the spaCy
components in ``kg.nlp.ru`` write those into the Doc.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import re
import unicodedata

from natasha import (Doc as NDoc, MorphVocab, NewsEmbedding, NewsMorphTagger, NewsNERTagger,
                     NewsSyntaxParser, Segmenter)
from natasha.doc import DocSent, DocToken

from .extensions import line_goes_on


@lru_cache(maxsize=1)
def models():
    """natasha's models ship inside its wheel; loading takes about a second, once per process."""
    emb = NewsEmbedding()
    return {
        "segmenter": Segmenter(),
        "morph_vocab": MorphVocab(),
        "morph": NewsMorphTagger(emb),
        "syntax": NewsSyntaxParser(emb),
        "ner": NewsNERTagger(emb),
    }


def morph_vocab() -> MorphVocab:
    return models()["morph_vocab"]


@dataclass(frozen=True)
class NToken:
    start: int
    stop: int
    text: str
    sent: int


def segment(text: str) -> NDoc:
    """razdel tokens and sentences; a sentence also ends at a line break unless the next line goes on
    (starts with a lower-case letter, a comma or a closing mark): news pages put titles and list items on
    lines of their own, often without a full stop, and the text store writes them as markdown ('# ', '* ')."""
    seg = models()["segmenter"]
    doc = NDoc(text)
    doc.tokens = [DocToken(start, stop, text[start:stop]) for t in seg.tokenize(text)
                  for start, stop in _symbol_cuts(t.text, t.start)]
    doc.sents = [piece for s in seg.sentenize(text) for piece in split_lines(text, s.start, s.stop)]
    doc.envelop_sent_tokens()
    return doc


_BREAK = re.compile(r"\n\s*")


def _pictograph(ch: str) -> bool:
    """An emoji or a pictographic sign ('➡️', '✔️', '1️⃣'), with its variation selectors and keycap."""
    return (unicodedata.category(ch) in ("So", "Sk") and ord(ch) >= 0x2190) or ch in "\ufe0f\ufe0e\u20e3\u200d"


def _symbol_cuts(word: str, start: int) -> list[tuple[int, int]]:
    """razdel keeps a bullet emoji glued to the word after it ('➡️Министр', '1️⃣В'): the pieces of a token
    cut where a pictograph meets a letter, as (start, stop) offsets."""
    if word.isalnum():
        return [(start, start + len(word))]          # no pictograph in a plain word (most tokens)
    cuts = [0] + [i for i in range(1, len(word))
                  if (_pictograph(word[i - 1]) and word[i].isalpha()) or (word[i - 1].isalpha() and _pictograph(word[i]))]
    return [(start + a, start + b) for a, b in zip(cuts, cuts[1:] + [len(word)])]


def split_lines(text: str, start: int, stop: int) -> list[DocSent]:
    cuts = [start]
    for m in _BREAK.finditer(text, start, stop):
        nxt = m.end()
        if nxt >= stop:
            continue
        before = text[start:m.start()].rstrip()
        blank = m.group().count("\n") > 1
        head = text[nxt]
        if blank or not line_goes_on(head) or (before and before[-1] in ".!?:;"):
            cuts.append(nxt)
    cuts.append(stop)
    out = []
    for b, e in zip(cuts, cuts[1:]):
        piece = text[b:e]
        trimmed = piece.rstrip()
        if trimmed.strip():
            out.append(DocSent(b, b + len(trimmed), trimmed))
    return out


def adapt_tokens(ndoc: NDoc) -> list[NToken]:
    out = []
    for i, sent in enumerate(ndoc.sents):
        for tok in sent.tokens:
            out.append(NToken(tok.start, tok.stop, tok.text, i))
    return out


def tag_morph(ndoc: NDoc) -> list[tuple[str, dict, str]]:
    """(pos, feats, lemma) per token in document order."""
    ndoc.tag_morph(models()["morph"])
    vocab = morph_vocab()
    out = []
    if len(_LEMMAS) > 200_000:
        _LEMMAS.clear()
    for tok in ndoc.tokens:
        feats = tok.feats or {}
        key = (tok.text, tok.pos, tuple(feats.items()))
        lemma = _LEMMAS.get(key)
        if lemma is None:
            tok.lemmatize(vocab)
            lemma = _LEMMAS[key] = tok.lemma
        else:
            tok.lemma = lemma
        out.append((tok.pos or "X", dict(feats), (lemma or tok.text).lower()))
    return out


# (word, pos, feats) -> natasha's lemma: ``lemmatize`` is a function of these alone (pymorphy's parses of the
# word, the best one for the tag), and a news text repeats its words.
_LEMMAS: dict[tuple, str] = {}


def parse_syntax(ndoc: NDoc) -> list[tuple[int, str]]:
    """(head index within the document or -1 for root, relation) per token."""
    ndoc.parse_syntax(models()["syntax"])
    out, base = [], 0
    for sent in ndoc.sents:
        for tok in sent.tokens:
            head = int(tok.head_id.split("_")[1]) if tok.head_id else 0
            out.append((base + head - 1 if head > 0 else -1, tok.rel or "dep"))
        base += len(sent.tokens)
    return out


def tag_ner(ndoc: NDoc, text: str | None = None) -> list[tuple[int, int, str]]:
    """NER spans; ``text`` may replace the document's text with a same-length variant (offsets hold)."""
    if text is None:
        ndoc.tag_ner(models()["ner"])
        return [(span.start, span.stop, span.type) for span in ndoc.spans]
    if not text.strip():
        return []
    markup = models()["ner"](text)
    return [(span.start, span.stop, span.type) for span in markup.spans]


def parses(word: str):
    """pymorphy parses of one word (through natasha's MorphVocab)."""
    return morph_vocab().parse(word)


def inflect(parse, grammemes: set[str]):
    """pymorphy's own inflection with OpenCorpora grammemes (natasha's wrapper expects UD ones); made once
    per (parse, grammemes): pymorphy builds the word's whole lexeme on every call."""
    from pymorphy2.analyzer import Parse
    key = (parse, frozenset(grammemes))
    try:
        return _INFLECTED[key]
    except KeyError:
        pass
    except TypeError:                       # a parse holding something unhashable: not cached
        return Parse.inflect(parse, set(grammemes))
    if len(_INFLECTED) > 100_000:
        _INFLECTED.clear()
    found = _INFLECTED[key] = Parse.inflect(parse, set(grammemes))
    return found


_INFLECTED: dict[tuple, object] = {}
