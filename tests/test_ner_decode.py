"""kg decodes natasha's NER with its own Viterbi (``kg.nlp.natasha_adapter.ViterbiCRF``, fewer numpy calls per
token): the tags must be slovnet's own, exactly, on real articles and on random scores full of ties."""
from __future__ import annotations

from pathlib import Path

import numpy as np
from slovnet.exec.model import CRF

from kg.nlp.natasha_adapter import ViterbiCRF, models
from kg.sources import read_articles

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _same(a, b) -> None:
    assert len(a) == len(b)
    for x, y in zip(a, b):
        assert x.dtype == y.dtype and x.tolist() == y.tolist()


def test_kg_decodes_with_its_viterbi():
    assert isinstance(models()["ner"].infer.model.head.crf, ViterbiCRF)


def test_same_tags_as_slovnet_on_real_articles():
    ner = models()["ner"]
    infer = ner.infer
    fast = infer.model.head.crf
    slow = CRF(fast.transitions)
    texts = [a.masked_text() for a in read_articles([SEEDS]) if not isinstance(a, Exception) and a.language != "kk"]
    assert texts
    for text in texts:
        for start in range(0, len(text), 1500):            # whole texts and pieces of them
            words = _words(text[start:start + 3000])
            for inp in infer.encoder([words] if words else []):
                pred = infer.model(inp.word_id, inp.shape_id, inp.pad_mask)
                _same(fast.decode(pred, ~inp.pad_mask), slow.decode(pred, ~inp.pad_mask))
        spans = [(s.start, s.stop, s.type) for s in ner(text).spans]
        assert spans                                        # natasha finds names in each seed


def _words(text):
    from slovnet.exec.infer import text_words
    return text_words(text)


def test_same_tags_as_slovnet_on_random_scores_with_ties():
    rng = np.random.default_rng(7)
    for trial in range(300):
        tags = int(rng.integers(2, 9))
        batch = int(rng.integers(1, 5))
        seq = int(rng.integers(1, 40))
        # small integers: many equal sums, so the first-of-equals rule is tested
        emissions = rng.integers(-3, 4, size=(batch, seq, tags)).astype(np.float32)
        if trial % 2:
            emissions = (emissions * np.float32(0.37) + rng.standard_normal((batch, seq, tags)).astype(np.float32))
        transitions = rng.integers(-2, 3, size=(tags, tags)).astype(np.float32)
        if trial % 3 == 0:
            batch = 1                                       # one whole text: the NER's own case
            emissions = emissions[:1]
        lengths = rng.integers(1, seq + 1, size=batch) if trial % 3 else np.array([seq])
        mask = np.arange(seq)[None, :] < lengths[:, None]
        slow = CRF(type("W", (), {"array": transitions})())
        fast = ViterbiCRF(slow.transitions)
        _same(fast.decode(emissions, mask), slow.decode(emissions, mask))
