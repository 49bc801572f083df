"""The per-Doc token table (``kg.nlp.extensions.TokenTable``) that the whole-text rules read instead of spaCy
Token objects: on real parsed texts (the seeds, Russian and Kazakh, through the real NLP stage) every column
equals what the Doc's tokens say, and the table is made once per Doc and made anew after the Doc changes."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.nlp import pipeline
from kg.nlp.extensions import lemma_of, sent_bounds, token_table
from kg.sources import read_articles

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _seed_docs(lang: str):
    arts = [a for a in read_articles([SEEDS]) if not isinstance(a, Exception) and a.language == lang]
    assert arts, f"no {lang} seed"
    return [pipeline(lang)(a.masked_text()) for a in arts]


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_table_agrees_with_the_doc(lang):
    for doc in _seed_docs(lang):
        table = token_table(doc)
        assert table.n == len(doc) > 100
        for tok in doc:
            i = tok.i
            assert table.text[i] == tok.text
            assert table.low[i] == tok.text.lower() == tok.lower_
            assert table.fold[i] == tok.text.lower().replace("ё", "е")
            assert table.lemma[i] == lemma_of(tok)
            assert table.pos[i] == tok.pos_
            assert table.idx[i] == tok.idx
            assert table.space[i] == tok.is_space
            assert (table.sent_start[i], table.sent_end[i]) == (tok.sent.start, tok.sent.end) == sent_bounds(doc, i)
        assert token_table(doc) is table                    # made once


def test_table_is_made_anew_for_a_changed_doc():
    doc = _seed_docs("ru")[0]
    table = token_table(doc)
    first = next(i for i, p in enumerate(table.pos) if p == "NOUN")
    with doc.retokenize() as retok:                     # the Doc re-made in place: another length
        retok.merge(doc[first:first + 2])
    again = token_table(doc)
    assert again is not table and again.n == len(doc)
    assert again.text == [t.text for t in doc]
