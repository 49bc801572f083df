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


# The whole-text walks that read the table: each may make a Token for what it finds, never one per word.
WALKS = [
    ("kg.nlp.ru", "_ner_text"),
    ("kg.nlp.ru_places", "match_gazetteer"), ("kg.nlp.ru_places", "district_spans"),
    ("kg.nlp.ru_places", "cue_settlements"), ("kg.nlp.ru_places", "adjective_toponyms"),
    ("kg.extract.common", "_quoted_spans"), ("kg.extract.regional", "regional_bodies"),
    ("kg.extract.events", "_verb_triggers"), ("kg.extract.events", "_other_triggers"),
    ("kg.extract.events", "_has_seq"),
    ("kg.extract.events", "_next_in_paragraph"), ("kg.extract.events", "_roles"),
    ("kg.extract.events", "_pronoun_subjects"), ("kg.extract.events", "_ceremony"),
    ("kg.extract.appointments", "_replaced_on_this_post"),
    ("kg.extract.indicators", "extract_indicators"),
    ("kg.extract.facilities", "_legal_form"), ("kg.extract.facilities", "_segments"),
    ("kg.extract.facilities", "_head_span"), ("kg.extract.persons", "_in_parentheses_after"),
]


def test_whole_text_walks_make_no_token_per_word():
    """cProfile counts spaCy's Doc/Span ``__getitem__`` and ``__iter__`` (each makes a Token or a Span) by
    the function that called them (its comprehensions included): on a 1,000-token text each walk above
    makes fewer than one per two tokens: Tokens for what it found, not for every word (on main each made
    0.9 to 12 per token)."""
    import cProfile
    import importlib
    import inspect
    import pstats
    from collections import Counter

    from kg.extract.context import Ctx
    from kg.extract.pipeline import CTX, extraction
    from kg.records import Article
    from test_scale_linear import RU

    text = " ".join([RU] * 20)
    nlp = pipeline("ru")
    nlp(text)
    profile = cProfile.Profile()
    profile.enable()
    doc = nlp(text)
    doc._.set(CTX, Ctx(Article(id="s", source="s.txt", text=text, language="ru", date="2026-02-20"), doc, "ru"))
    for _, proc in extraction("ru").pipeline:
        proc(doc)
    profile.disable()
    doc._.set(CTX, None)
    made = Counter()
    for func, (_, _, _, _, callers) in pstats.Stats(profile).stats.items():
        if func[2] in ("__getitem__", "__iter__") and func[0].endswith(("doc.pyx", "span.pyx")):
            for caller, counts in callers.items():
                made[caller[:2]] += counts[1]
    assert len(doc) >= 1000 and sum(made.values()) > 1000         # the profile did see spaCy's calls
    ran = Counter()
    for func, (_, calls, _, _, _) in pstats.Stats(profile).stats.items():
        ran[func[:2]] += calls
    heavy = {}
    for module, name in WALKS:
        fn = getattr(importlib.import_module(module), name)
        lines, first = inspect.getsourcelines(fn)
        path = inspect.getsourcefile(fn)
        span = range(first, first + len(lines))
        n = sum(v for (f, line), v in made.items() if f == path and line in span)
        if n * 2 >= len(doc):
            heavy[f"{module}.{name}"] = n
    assert not heavy, f"walks making a Token per word again: {heavy} (text of {len(doc)} tokens)"
