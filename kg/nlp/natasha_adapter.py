"""The one module that talks to natasha (segmentation, morphology, syntax, NER) and pymorphy.

Small ``adapt_*`` functions turn natasha's output into plain values keyed by character offsets; the spaCy
components in ``kg.nlp.ru`` write those into the Doc.
"""
from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

import re
import unicodedata

import numpy as np

from natasha import (Doc as NDoc, MorphVocab, NewsEmbedding, NewsMorphTagger, NewsNERTagger,
                     NewsSyntaxParser, Segmenter)
from natasha.doc import DocSent, DocToken
from razdel import tokenize as razdel_tokenize
from slovnet.exec.model import CRF

from .extensions import line_goes_on


@lru_cache(maxsize=1)
def models():
    """natasha's models ship inside its wheel; loading takes about a second, once per process."""
    emb = NewsEmbedding()
    ner = NewsNERTagger(emb)
    head = ner.infer.model.head
    head.crf = ViterbiCRF(head.crf.transitions)          # the same tags, decoded with fewer numpy calls
    return {
        "segmenter": Segmenter(),
        "morph_vocab": MorphVocab(),
        "morph": NewsMorphTagger(emb),
        "syntax": NewsSyntaxParser(emb),
        "ner": ner,
    }


class ViterbiCRF(CRF):
    """slovnet's CRF with its Viterbi decoding done in fewer numpy calls per token, giving the same tags.

    slovnet's ``CRF.decode`` spends ~10 numpy calls per token of the text (a gather through ``np.indices``
    and fancy indexing, ``np.where`` for the mask): about a tenth of the NER's time on a news article. Here
    each step is the same float32 sums in the same order, ``score[prev] + transitions[prev, next] +
    emission[next]``; the best previous tag is ``argmax`` (the first of equal scores, as there) and the new score
    ``max`` (the very value at that argmax); the mask is applied only where a sequence has ended. The path
    is traced back on Python ints. tests/test_ner_decode.py checks it against slovnet's on real and random input."""

    def decode(self, emissions, mask):
        batch_size, seq_len, tags_num = emissions.shape
        emissions = emissions.swapaxes(1, 0)
        mask = mask.swapaxes(1, 0)
        transitions = self.transitions.array
        history = []
        score = emissions[0]                                          # batch x tags
        if batch_size == 1 and mask.all() and score.dtype == transitions.dtype == emissions.dtype:
            rows, score = emissions[:, 0, :], score[0]                # one text (the NER's case): 2-d steps
            step = np.empty((tags_num, tags_num), dtype=score.dtype)
            for index in range(1, seq_len):
                np.add(score[:, None], transitions, out=step)         # prev x next
                step += rows[index]
                history.append(step.argmax(0)[None, :])
                score = step.max(0)
            score = score[None, :]
        else:
            for index in range(1, seq_len):
                step = score[:, :, None] + transitions + emissions[index][:, None, :]   # batch x prev x next
                indexes = step.argmax(-2)
                best = step.max(-2)
                here = mask[index]
                score = best if here.all() else np.where(here[:, None], best, score)
                history.append(indexes)
        sizes = (mask.sum(0) - 1).tolist()
        back = np.stack(history, axis=1).tolist() if history else [[] for _ in range(batch_size)]
        out = []
        for index in range(batch_size):
            best = int(score[index].argmax())
            tags = [best]
            for indexes in reversed(back[index][:sizes[index]]):
                best = indexes[best]
                tags.append(best)
            tags.reverse()
            out.append(np.array(tags))
        return out


def morph_vocab() -> MorphVocab:
    return models()["morph_vocab"]


class NToken(NamedTuple):          # a tuple: made for every token of every text
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
    # razdel's tokens as natasha's Segmenter.tokenize gives them (it copies each into a record of its own first)
    doc.tokens = [DocToken(start, stop, text[start:stop]) for t in razdel_tokenize(text)
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


def tag_morph(ndoc: NDoc) -> list[tuple[str, tuple, str]]:
    """(pos, feats as a tuple of (name, value) in natasha's order, lemma) per token in document order."""
    ndoc.tag_morph(models()["morph"])
    vocab = morph_vocab()
    out = []
    if len(_LEMMAS) > 200_000:
        _LEMMAS.clear()
    for tok in ndoc.tokens:
        items = tuple(tok.feats.items()) if tok.feats else ()
        key = (tok.text, tok.pos, items)
        lemma = _LEMMAS.get(key)
        if lemma is None:
            tok.lemmatize(vocab)
            lemma = _LEMMAS[key] = tok.lemma
        else:
            tok.lemma = lemma
        out.append((tok.pos or "X", items, (lemma or tok.text).lower()))
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
