"""Places: regions and countries linked to the gazetteer, settlements (gazetteer capitals or found in
text) placed in a region, generic places. Everything read from ``doc.spans["kg_places"]``."""
from __future__ import annotations

from collections import Counter

from ..gazetteer import load_gazetteer
from ..nlp.extensions import PLACES
from .context import Ctx

_LABELS = {"Region", "Settlement", "Country", "Place"}


def place_spans(ctx: Ctx):
    return [s for s in ctx.doc.spans[PLACES] if s.label_ in _LABELS and ctx.live(s)] \
        if PLACES in ctx.doc.spans else []


def extract_places(ctx: Ctx) -> None:
    gaz = load_gazetteer()
    spans = place_spans(ctx)
    for span in spans:
        place = gaz.get(span.id_)
        if place is not None:
            _gazetteer_place(ctx, place)
        else:
            from ..nlp.ru_morph import to_nominative
            if ctx.lang == "kk" or (len(span) == 1 and span[0].pos_ == "ADJ"):
                label = span.id_.partition(":")[2]            # 'задонский' names Задонск
            else:
                label = to_nominative(list(span))
            ctx.entity(span.id_, span.label_, label[:1].upper() + label[1:])
        ctx.mention_span(span.id_, span)
    _settlement_regions(ctx, spans)
    ctx.notes["main_region"] = main_region(ctx, spans)


def _gazetteer_place(ctx: Ctx, place) -> None:
    for lang, label in place.labels.items():
        ctx.entity(place.key, place.cls, label, lang)
    if place.parent and place.cls == "Settlement":
        parent = load_gazetteer().get(place.parent)
        for lang, label in parent.labels.items():
            ctx.entity(parent.key, parent.cls, label, lang)


def main_region(ctx: Ctx, spans) -> str | None:
    """The region the article is about: the most often named region (a settlement counts for its region)."""
    gaz = load_gazetteer()
    votes = Counter()
    for span in spans:
        place = gaz.get(span.id_)
        if place is None:
            continue
        if place.cls == "Region":
            votes[place.key] += 2
        elif place.cls == "Settlement" and place.parent:
            votes[place.parent] += 1
    if not votes:
        return None
    best, n = votes.most_common(1)[0]
    return best


def _settlement_regions(ctx: Ctx, spans) -> None:
    """A settlement the gazetteer lacks is part of the region named nearest before it in its paragraph,
    else of the article's only region."""
    gaz = load_gazetteer()
    regions = [s for s in spans if s.label_ == "Region" and not gaz.get(s.id_).is_city]
    only = {s.id_ for s in regions}
    votes: dict[str, Counter] = {}
    for span in spans:
        if span.label_ != "Settlement" or gaz.get(span.id_) is not None:
            continue
        para_start = ctx.doc.text.rfind("\n", 0, span.start_char) + 1
        before = [r for r in regions if para_start <= r.start_char < span.start_char]
        region = before[-1].id_ if before else (next(iter(only)) if len(only) == 1 else None)
        if region:
            votes.setdefault(span.id_, Counter())[region] += 1
    for key, counter in votes.items():
        ctx.fact(key, "hc:partOf", counter.most_common(1)[0][0])


def place_near(ctx: Ctx, sent, classes=("Venue", "Settlement", "Region")) -> str | None:
    """The most specific place named in a sentence."""
    found = {}
    for span in place_spans(ctx):
        if sent.start <= span.start < sent.end and span.label_ in classes:
            found.setdefault(span.label_, span.id_)
    for cls in classes:
        if cls in found:
            return found[cls]
    return None
