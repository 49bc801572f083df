"""The Kazakh pipeline: a small spaCy ``Language`` for "kk", a trained NER model, gazetteer places matched
through case endings, entity clean-up and stem lemmas.

``make_pipeline()`` -> Language with: kg_kk_lang, kg_kk_sentences, tok2vec, ner (``kg/models/kk_ner``),
kg_kk_places, kg_kk_ents, kg_kk_lemmas. Doc contract: ``doc._.kg_lang == "kk"``, ``doc.ents`` labelled
PER LOC ORG FAC POSITION DATE EVENT, ``doc.spans["kg_places"]``, sentence starts, ``token.lemma_``.
"""
from __future__ import annotations

from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ... import paths
from ...errors import KgError
from ..extensions import register_extensions
from . import entities, features, lemmas, places, sentences  # noqa: F401  (register the factories)
from .lang import Kazakh

register_extensions()


class LangMarker:
    def __call__(self, doc: Doc) -> Doc:
        doc._.kg_lang = "kk"
        return doc


@Language.factory("kg_kk_lang", assigns=["doc._.kg_lang"])
def make_lang_marker(nlp: Language, name: str) -> LangMarker:
    return LangMarker()


def make_pipeline(model: Path | None = None) -> Language:
    """The full Kazakh pipeline. The tokenizer always comes from ``kg.nlp.kk.lang`` (code), never from the
    model folder, so the rules cannot drift from the code."""
    model = Path(model or paths.KK_NER_MODEL)
    if not (model / "config.cfg").exists():
        raise KgError(f"{model}: no Kazakh NER model here; train it with `make train-kk`")
    nlp = spacy.load(model, exclude=["tokenizer"])
    nlp.add_pipe("kg_kk_lang", first=True)
    nlp.add_pipe("kg_kk_sentences", after="kg_kk_lang")
    nlp.add_pipe("kg_kk_places", after="ner")
    nlp.add_pipe("kg_kk_ents", after="kg_kk_places", config={"lexicon_path": str(model / "lexicon.tsv")})
    nlp.add_pipe("kg_kk_lemmas", last=True)
    return nlp


__all__ = ["Kazakh", "make_pipeline"]
