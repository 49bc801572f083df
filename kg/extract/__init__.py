"""Doc -> ArticleResult: the extraction stage, a spaCy pipeline of trigger and extractor components run on
the NLP stage's Doc. The components, their order and what each requires and assigns are declared in one
place: ``kg.extract.pipeline.STEPS``."""
from __future__ import annotations

from .pipeline import body_start, extract, extraction

__all__ = ["body_start", "extract", "extraction"]
