"""NLP stage: one spaCy pipeline per language, loaded once per process."""
from __future__ import annotations

from functools import lru_cache

from spacy.language import Language

from .extensions import register_extensions

register_extensions()
LANGUAGES = ("ru", "kk", "en")


@lru_cache(maxsize=None)
def pipeline(lang: str) -> Language:
    """The pipeline for ``lang``. English text goes through the Russian pipeline's tokenizer and NER,
    which tags Latin-script names too; Kazakh has its own."""
    if lang == "kk":
        from .kk import make_pipeline as make_kk
        return make_kk()
    from .ru import make_pipeline as make_ru
    return make_ru()
