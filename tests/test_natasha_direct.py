"""kg calls natasha's morph tagger and NER on its own segmentation (``kg.nlp.natasha_adapter``: no natasha Doc,
no records per token, the NER reads the tokenizer's razdel words, each word encoded once, the convolutions
padded without ``np.pad``). What comes out must be natasha's own, exactly: checked here against natasha's
taggers as shipped (fresh instances, slovnet's code) on the seeds and on invented texts."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import numpy as np
import pytest
from natasha import NewsEmbedding, NewsMorphTagger, NewsNERTagger
from slovnet.exec.model import Conv1d

from kg.nlp import natasha_adapter as na
from kg.sources import read_articles

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

INVENTED = [
    "Министр здравоохранения области Иван Петров посетил ЦРБ.\nГлавный врач Анна Белова рассказала о ремонте.",
    "➡️Министр осмотрел новое\nотделение больницы 1️⃣В районе откроют ФАП (фельдшерско-акушерский пункт).",
    "Аким-- :) т.е.Москва ΔP mβж 2011-2020 3,5 1/2 yahoo! «Кызылорда» — 12%…",
    "# Заголовок без точки\n* пункт списка\n\nВрио губернатора Пётр Сидоров, замгубернатора.",
    "Один.", "", " \n ",
]


@lru_cache(maxsize=1)
def _reference():
    """natasha's taggers as shipped (their own CRF and convolutions)."""
    emb = NewsEmbedding()
    return NewsMorphTagger(emb), NewsNERTagger(emb)


def _texts() -> list[str]:
    arts = [a for a in read_articles([SEEDS]) if not isinstance(a, Exception) and a.language != "kk"]
    assert arts
    return [a.masked_text() for a in arts] + INVENTED


def _natasha_morph(text: str) -> list[tuple]:
    morph, _ = _reference()
    ndoc = na.natasha_doc(na.segmentation(text))
    ndoc.tag_morph(morph)
    vocab = na.morph_vocab()
    out = []
    for sent in ndoc.sents:
        for tok in sent.tokens:
            tok.lemmatize(vocab)
            out.append((tok.pos or "X", tuple(tok.feats.items()) if tok.feats else (), (tok.lemma or tok.text).lower()))
    return out


@pytest.mark.parametrize("text", _texts())
def test_morph_tags_and_lemmas_are_natashas(text):
    assert na.tag_morph(na.segmentation(text)) == _natasha_morph(text)


@pytest.mark.parametrize("text", _texts())
def test_ner_spans_are_natashas(text):
    _, ner = _reference()
    seg = na.segmentation(text)
    # the NER text kg passes: a capitalised post word lower-cased (same length, other letter case)
    variant = text.replace("Министр", "министр").replace("Врио", "врио").replace("Аким", "аким")
    for t in (text, variant):
        want = [(s.start, s.stop, s.type) for s in ner(t).spans] if t.strip() else []
        assert na.tag_ner(seg, t) == want


def test_ner_finds_names():
    seg = na.segmentation(INVENTED[0])
    assert ("PER" in {kind for _, _, kind in na.tag_ner(seg)})


def test_sentences_hold_the_tokens_in_order():
    text = INVENTED[3]
    seg = na.segmentation(text)
    assert [text[a:b] for a, b in seg.sents] == ["# Заголовок без точки", "* пункт списка",
                                                  "Врио губернатора Пётр Сидоров, замгубернатора."]
    assert [t.text for t in seg.tokens if t.sent == 2][:3] == ["Врио", "губернатора", "Пётр"]
    assert seg.sent_words[1] == ["*", "пункт", "списка"]


def test_padded_convolution_gives_slovnets_bytes():
    rng = np.random.default_rng(3)
    layers = [layer.conv for name in ("morph", "ner") for layer in na.models()[name].infer.model.encoder.layers]
    assert all(isinstance(conv, na.PaddedConv1d) for conv in layers)
    conv = layers[0]
    slow = Conv1d(conv.weight, conv.bias, conv.padding)
    filters, in_dim, _ = conv.weight.shape
    for batch, seq in ((1, 1), (1, 57), (3, 9), (8, 40)):
        x = rng.standard_normal((batch, seq, in_dim)).astype(np.float32).swapaxes(2, 1)   # as the encoder passes it
        fast_out, slow_out = conv(x), slow(x)
        assert fast_out.shape == slow_out.shape == (batch, filters, seq)
        assert fast_out.dtype == slow_out.dtype and fast_out.tobytes() == slow_out.tobytes()


def test_razdel_tokens_are_razdels():
    from razdel import tokenize

    rng = np.random.default_rng(11)
    alphabet = list("абвгдеёжзАБВЁЯabcXYZ0123456789 \n\t.,;:!?…-‑–—−_/\\()[]{}«»\"'„“”*=%№@#ΔβＡ☺️➡\u20e3") + \
        ["yahoo", "Yahoo", ":-)", ";((", "=)", "т.е.", "1.5", "3/4", "1-2", "кто-то", "а_б", "...", "?!", "--", "**"]
    texts = _texts() + ["".join(rng.choice(alphabet, size=int(rng.integers(0, 40)))) for _ in range(3000)]
    for text in texts:
        assert na.razdel_tokens(text) == [(t.start, t.stop) for t in tokenize(text)], text


def test_direct_relu_gives_slovnets_bytes():
    from slovnet.exec.model import ReLU

    rng = np.random.default_rng(5)
    x = rng.standard_normal((2, 7, 11)).astype(np.float32).swapaxes(2, 1)
    x[0, 0, :3] = [0.0, -0.0, np.nan]
    fast, slow = na.DirectReLU()(x), ReLU()(x)
    assert fast.dtype == slow.dtype and fast.shape == slow.shape and fast.tobytes() == slow.tobytes()
    assert all(isinstance(layer.relu, na.DirectReLU) for layer in na.models()["ner"].infer.model.encoder.layers)
