"""Bare natasha NER (NewsNERTagger, PER / LOC / ORG) as a comparison row. It does not go through the
build or the graph: it tags the same decoded texts and its spans go through the same scorer."""
from __future__ import annotations

from .spans import Span

NATASHA_CLASSES = {"PER": "Person", "LOC": "Location", "ORG": "Organization"}


def natasha_spans(texts: list[tuple[str, str]], classes: dict[str, str] = NATASHA_CLASSES) -> dict[str, list[Span]]:
    """(doc name, text) pairs -> predicted spans per evaluation class."""
    from natasha import Doc, NewsEmbedding, NewsNERTagger, Segmenter

    segmenter, tagger = Segmenter(), NewsNERTagger(NewsEmbedding())
    out: dict[str, list[Span]] = {cls: [] for cls in sorted(set(classes.values()))}
    for name, text in texts:
        doc = Doc(text)
        doc.segment(segmenter)
        doc.tag_ner(tagger)
        for span in doc.spans:
            if span.type in classes:
                out[classes[span.type]].append(Span(name, span.start, span.stop, text[span.start:span.stop]))
    return out
