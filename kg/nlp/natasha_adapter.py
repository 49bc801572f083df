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
from razdel.segmenters.punct import DASHES as _DASHES, ENDINGS as _ENDINGS
from razdel.segmenters.tokenize import ATOM as _ATOM, SMILE as _SMILE
from slovnet.bio import parse_bio
from slovnet.conll import parse_conll_tag
from slovnet.exec.model import CRF, Conv1d, ReLU
from slovnet.shape import word_shape

from .extensions import line_goes_on


@lru_cache(maxsize=1)
def models():
    """natasha's models ship inside its wheel; loading takes about a second, once per process."""
    emb = NewsEmbedding()
    ner = NewsNERTagger(emb)
    head = ner.infer.model.head
    head.crf = ViterbiCRF(head.crf.transitions)          # the same tags, decoded with fewer numpy calls
    found = {
        "segmenter": Segmenter(),
        "morph_vocab": MorphVocab(),
        "morph": NewsMorphTagger(emb),
        "syntax": NewsSyntaxParser(emb),
        "ner": ner,
    }
    for name in ("morph", "syntax", "ner"):
        for layer in found[name].infer.model.encoder.layers:
            conv = layer.conv
            layer.conv = PaddedConv1d(conv.weight, conv.bias, conv.padding)   # the same sums, padded faster
            layer.relu = DirectReLU()
    return found


class DirectReLU(ReLU):
    """slovnet's ``input.clip(0)`` is numpy's ``_clip`` wrapper around ``np.maximum(input, 0)``: called directly."""

    def __call__(self, input):
        return np.maximum(input, 0)


maximum_reduce = np.maximum.reduce      # what ndarray.max calls, through a Python wrapper (numpy's _amax)


class PaddedConv1d(Conv1d):
    """slovnet's ``Conv1d`` with its input padded into a zeroed C-order array instead of through ``np.pad``
    (a Python function that costs more than the padding itself: ~7% of the models' time on news texts).
    The padded array holds the same values in the same layout as slovnet's ``np.ascontiguousarray(np.pad(…))``,
    and the windows and the product are slovnet's own code, so the outputs are the same bytes
    (tests/test_ner_decode.py)."""

    def __call__(self, input):
        batch_size, in_dim, seq_len = input.shape
        pad = self.padding
        padded = np.zeros((batch_size, in_dim, seq_len + 2 * pad), dtype=input.dtype)
        padded[:, :, pad:pad + seq_len] = input
        input = padded
        # from here on slovnet.exec.model.Conv1d.__call__, unchanged
        batch_size, in_dim, seq_len = input.shape
        batch_stride, in_stride, seq_stride = input.strides
        unit_stride = input.data.itemsize
        filters_count, in_dim, kernel_size = self.weight.shape
        windows_count = seq_len - kernel_size + 1
        windows = np.ndarray(
            (batch_size, windows_count, in_dim, kernel_size),
            dtype=input.dtype,
            buffer=input.data,
            strides=(batch_stride, unit_stride, in_stride, seq_stride)
        )
        windows = windows.reshape(batch_size * windows_count, in_dim * kernel_size)
        weight = self.weight.array.reshape(filters_count, in_dim * kernel_size)
        output = np.matmul(windows, weight.T) + self.bias.array
        output = output.reshape(batch_size, windows_count, filters_count)
        return output.swapaxes(2, 1)


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
                score = maximum_reduce(step, axis=0)                 # step.max(0) without its Python wrapper
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


class Segmentation(NamedTuple):
    """An article cut into tokens and sentences, as plain values (what ``segment`` puts in a natasha Doc):

    - ``razdel``: razdel's tokens as (start, stop), before the pictograph cuts: the words natasha's NER
      reads (``slovnet.exec.infer.text_words``), so the NER need not tokenize the text again;
    - ``tokens``: the tokens each sentence holds (natasha's ``envelop_sent_tokens``), ``NToken``s in order;
    - ``sents``: (start, stop) per sentence; ``sent_words``: each sentence's words (natasha's ``sent_words``);
    - ``all_tokens``: every token as (start, stop), also one no sentence holds (the natasha Doc's tokens).

    The natasha Doc itself is made only when asked (``natasha_doc``: the dependency parse)."""
    text: str
    razdel: list
    all_tokens: list
    tokens: list
    sents: list
    sent_words: list


def segmentation(text: str) -> Segmentation:
    """razdel tokens and sentences; a sentence also ends at a line break unless the next line goes on
    (starts with a lower-case letter, a comma or a closing mark): news pages put titles and list items on
    lines of their own, often without a full stop, and the text store writes them as markdown ('# ', '* ')."""
    seg = models()["segmenter"]
    razdel = razdel_tokens(text)
    cuts = [cut for start, stop in razdel for cut in _symbol_cuts(text[start:stop], start)]
    sents = [piece for s in seg.sentenize(text) for piece in _line_pieces(text, s.start, s.stop)]
    # natasha's envelop_spans: a token before its sentence's start is dropped, one that runs past its end
    # goes to the next sentence
    tokens, sent_words = [], []
    index, count = 0, len(cuts)
    for number, (start, stop) in enumerate(sents):
        words = []
        while index < count:
            a, b = cuts[index]
            index += 1
            if a < start:
                continue
            if b <= stop:
                word = text[a:b]
                words.append(word)
                tokens.append(NToken(a, b, word, number))
            else:
                index -= 1
                break
        sent_words.append(words)
    return Segmentation(text, razdel, cuts, tokens, sents, sent_words)


def razdel_tokens(text: str) -> list[tuple[int, int]]:
    """``razdel.tokenize(text)`` as (start, stop) pairs, the same tokens made without razdel's records per
    atom and per split (its tokenizer is pure Python: a tenth of the NLP stage's own work on news texts).

    razdel cuts the text into atoms (its ``ATOM`` pattern: a run of Cyrillic or Latin letters or of digits,
    one punctuation mark, any other non-space character) and joins two atoms with no space between them
    when the first of its rules that decides says so (``_joined``). Every non-space character is in an
    atom, so a token is the text from its first atom's start to its last atom's stop.
    tests/test_natasha_direct.py compares it with razdel's own on real and random texts."""
    atoms = [(m.start(), m.end(), m.lastgroup) for m in _ATOM.finditer(text)]
    if not atoms:
        return []
    out = []
    start, stop = atoms[0][0], atoms[0][1]
    for index in range(1, len(atoms)):
        atom = atoms[index]
        if atom[0] == stop and _joined(text, atoms, index, start):
            stop = atom[1]
        else:
            out.append((start, stop))
            start, stop = atom[0], atom[1]
    out.append((start, stop))
    return out


def _joined(text: str, atoms: list, index: int, start: int) -> bool:
    """razdel's ``TokenSegmenter.join`` for the atoms ``index - 1`` and ``index`` (no space between them);
    ``start``: where the token being built (razdel's ``buffer``) starts. Its rules in its order: dash,
    underscore, float, fraction (each looks at the atoms around a mark), punct, other, yahoo."""
    l1, r1 = atoms[index - 1], atoms[index]
    left, right = text[l1[0]:l1[1]], text[r1[0]:r1[1]]
    l2 = atoms[index - 2] if index >= 2 else None
    r2 = atoms[index + 1] if index + 1 < len(atoms) else None
    for marks, numbers in ((_DASHES, False), ("_", False), (".,", True), ("/\\", True)):
        if (left in marks) if marks != "_" else left == "_":
            a, b = l2, r1
        elif (right in marks) if marks != "_" else right == "_":
            a, b = l1, r2
        else:
            continue
        if a is None or b is None:
            continue
        if numbers:
            if a[2] == "INT" and b[2] == "INT":
                return True
        elif a[2] != "PUNCT" and b[2] != "PUNCT":
            return True
    if l1[2] == "PUNCT" and r1[2] == "PUNCT":
        if _SMILE.match(text[start:l1[1]] + right):
            return True
        if left in _ENDINGS and right in _ENDINGS:
            return True
        if left + right in ("--", "**"):
            return True
    if l1[2] == "OTHER" and r1[2] in ("OTHER", "RU", "LAT"):
        return True
    if l1[2] in ("OTHER", "RU", "LAT") and r1[2] == "OTHER":
        return True
    return left.lower() == "yahoo" and right == "!"


def natasha_doc(seg: Segmentation) -> NDoc:
    """The natasha Doc of a segmentation (tokens, sentences, the sentences' tokens), as ``segment`` made it."""
    text = seg.text
    doc = NDoc(text)
    doc.tokens = [DocToken(start, stop, text[start:stop]) for start, stop in seg.all_tokens]
    doc.sents = [DocSent(start, stop, text[start:stop]) for start, stop in seg.sents]
    doc.envelop_sent_tokens()
    return doc


def segment(text: str) -> NDoc:
    """``segmentation`` as a natasha Doc."""
    return natasha_doc(segmentation(text))


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


def _line_pieces(text: str, start: int, stop: int) -> list[tuple[int, int]]:
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
        trimmed = text[b:e].rstrip()
        if trimmed.strip():
            out.append((b, b + len(trimmed)))
    return out


def split_lines(text: str, start: int, stop: int) -> list[DocSent]:
    return [DocSent(b, e, text[b:e]) for b, e in _line_pieces(text, start, stop)]


def adapt_tokens(seg: Segmentation) -> list[NToken]:
    """The tokens the sentences hold, in order, with their sentence's number."""
    return seg.tokens


def _chunks(items: list, size: int):
    for start in range(0, len(items), size):        # slovnet.chop.chop
        yield items[start:start + size]


def _encoded(encoder, words: list[str]) -> tuple[list[int], list[int]]:
    """slovnet's ``WordShapeEncoder.item``: (word ids, shape ids), each word's pair found once per process
    (the encoder looks its lower case up and works out its shape for every occurrence)."""
    cache = _ENCODED.get(id(encoder))
    if cache is None or cache[0] is not encoder:
        cache = _ENCODED[id(encoder)] = (encoder, {})
    pairs = cache[1]
    if len(pairs) > 50_000:                         # the frequent words: a few MB per encoder
        pairs.clear()
    word_ids, shape_ids = [], []
    for word in words:
        pair = pairs.get(word)
        if pair is None:
            pair = pairs[word] = (encoder.words_vocab.encode(word.lower()), encoder.shapes_vocab.encode(word_shape(word)))
        word_ids.append(pair[0])
        shape_ids.append(pair[1])
    return word_ids, shape_ids


_ENCODED: dict[int, tuple] = {}


def _morph_tag_ids(sent_words: list[list[str]]) -> list[list[int]]:
    """natasha's morph tagger on sentences of words: its tag ids per word. The very model calls of
    ``NewsMorphTagger.map`` (the same batches of sentences, padded alike), without its records per token."""
    tagger = models()["morph"]
    infer = tagger.infer
    encoder, model = infer.encoder, infer.model
    out = []
    for outer in _chunks(sent_words, tagger.batch_size):           # API.map
        items = [_encoded(encoder, words) for words in outer]
        for chunk in _chunks(items, encoder.batch_size):          # WordShapeEncoder.__call__
            inp = encoder.input(chunk)
            pred = model.head.decode(model(inp.word_id, inp.shape_id, inp.pad_mask))
            for row, size in zip(pred.tolist(), (~inp.pad_mask).sum(-1).tolist()):   # split_masked
                out.append(row[:size])
    return out


def _morph_tag(tag_id: int) -> tuple[str, dict, tuple]:
    """(pos, feats, feats' items) of a morph tag id: ``parse_conll_tag`` of the tag, made once per id."""
    found = _TAGS.get(tag_id)
    if found is None:
        pos, feats = parse_conll_tag(models()["morph"].infer.decoder.tags_vocab.decode(tag_id))
        found = _TAGS[tag_id] = (pos, feats, tuple(feats.items()))
    return found


_TAGS: dict[int, tuple] = {}


def tag_morph(seg: Segmentation) -> list[tuple[str, tuple, str]]:
    """(pos, feats as a tuple of (name, value) in natasha's order, lemma) per token the sentences hold, in
    document order: natasha's ``tag_morph`` then ``lemmatize`` of each token."""
    vocab = morph_vocab()
    out = []
    if len(_LEMMAS) > 200_000:
        _LEMMAS.clear()
    for words, ids in zip(seg.sent_words, _morph_tag_ids(seg.sent_words)):
        for word, tag_id in zip(words, ids):
            pos, feats, items = _morph_tag(tag_id)
            key = (word, tag_id)
            lemma = _LEMMAS.get(key)
            if lemma is None:
                lemma = _LEMMAS[key] = vocab.lemmatize(word, pos, feats)
            out.append((pos or "X", items, (lemma or word).lower()))
    return out


# (word, morph tag id) -> natasha's lemma: ``lemmatize`` is a function of the word, pos and feats alone
# (pymorphy's parses of the word, the best one for the tag), and a news text repeats its words.
_LEMMAS: dict[tuple, str] = {}


def parse_syntax(seg: Segmentation) -> list[tuple[int, str]]:
    """(head index within the document or -1 for root, relation) per token."""
    ndoc = natasha_doc(seg)
    ndoc.parse_syntax(models()["syntax"])
    out, base = [], 0
    for sent in ndoc.sents:
        for tok in sent.tokens:
            head = int(tok.head_id.split("_")[1]) if tok.head_id else 0
            out.append((base + head - 1 if head > 0 else -1, tok.rel or "dep"))
        base += len(sent.tokens)
    return out


def tag_ner(seg: Segmentation, text: str | None = None) -> list[tuple[int, int, str]]:
    """natasha's NER spans as (start, stop, type); ``text`` may replace the segmented text with a variant of
    the same length that differs in letter case only (offsets hold, and razdel, whose rules ignore case,
    cuts it into the same words)."""
    if text is None:
        text = seg.text
    if not text.strip():
        return []
    if len(text) != len(seg.text):
        markup = models()["ner"](text)
        return [(span.start, span.stop, span.type) for span in markup.spans]
    return _ner_spans(text, seg.razdel)


def _ner_spans(text: str, words: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """``NewsNERTagger(text)`` on the text's razdel words (start, stop): the same model call on the same
    encoded words, the tags decoded by the CRF, the spans read off the tags as slovnet's ``bio_spans``."""
    tagger = models()["ner"]
    infer = tagger.infer
    encoder, model = infer.encoder, infer.model
    inp = encoder.input([_encoded(encoder, [text[a:b] for a, b in words])])
    pred = model(inp.word_id, inp.shape_id, inp.pad_mask)
    (tag_ids,) = model.head.crf.decode(pred, ~inp.pad_mask)
    tags = _ner_tags(infer.decoder.tags_vocab)
    spans, previous, start, stop = [], None, None, None
    for (a, b), tag_id in zip(words, tag_ids.tolist()):
        part, kind = tags[tag_id]
        if part == "O":
            if previous:
                spans.append((start, stop, previous))
                previous = None
        elif part == "B":
            if previous:
                spans.append((start, stop, previous))
            previous, start, stop = kind, a, b
        elif part == "I":
            stop = b
    if previous:
        spans.append((start, stop, previous))
    return spans


def _ner_tags(vocab) -> list[tuple[str, str | None]]:
    found = _NER_TAGS.get(id(vocab))
    if found is None or found[0] is not vocab:
        found = _NER_TAGS[id(vocab)] = (vocab, [parse_bio(tag) for tag in vocab.items])
    return found[1]


_NER_TAGS: dict[int, tuple] = {}


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
