"""Places: regions and countries linked to the gazetteer, settlements (gazetteer capitals or found in
text) placed in a region, generic places. Everything read from ``doc.spans["kg_places"]``."""
from __future__ import annotations

from collections import Counter

from ..gazetteer import load_gazetteer
from ..nlp.extensions import IMPLIED, PLACES, doc_text
from .common import sentences
from .context import Ctx

_LABELS = {"Region", "Settlement", "Country", "Place"}


def place_spans(ctx: Ctx):
    return [s for s in ctx.doc.spans[PLACES] if s.label_ in _LABELS and ctx.live(s)] \
        if PLACES in ctx.doc.spans else []


def extract_places(ctx: Ctx) -> None:
    gaz = load_gazetteer()
    spans = place_spans(ctx)
    implied = {(s.start, s.end) for s in ctx.doc.spans.get(IMPLIED, ())}
    for span in spans:
        place = gaz.get(span.id_)
        if place is not None:
            _gazetteer_place(ctx, place)
        else:
            from ..nlp.ru_morph import to_nominative
            if span.kb_id_:
                label = span.kb_id_                           # the name the matcher gave ('Иглинский район')
            elif ctx.lang == "kk" or (len(span) == 1 and span[0].pos_ == "ADJ"):
                label = span.id_.partition(":")[2]            # 'семилукский' names Семилуки
            else:
                label = to_nominative(list(span))
            ctx.entity(span.id_, span.label_, label[:1].upper() + label[1:])
        if (span.start, span.end) not in implied:
            ctx.mention_span(span.id_, span)      # a place inside a facility's name only locates it
    _settlement_regions(ctx, spans)
    _place_containers(ctx, spans)
    ctx.notes["main_region"] = main_region(ctx, spans)


def _gazetteer_place(ctx: Ctx, place) -> None:
    for lang, label in place.labels.items():
        ctx.entity(place.key, place.cls, label, lang)
    if place.cls == "Settlement":
        gaz = load_gazetteer()
        for key in dict.fromkeys(k for k in (place.parent, place.region) if k):
            up = gaz.get(key)          # the district and the region it lies in
            for lang, label in up.labels.items():
                ctx.entity(up.key, up.cls, label, lang)


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
    """A settlement the gazetteer lacks is part of the city whose name it follows right after ('Алматының
    Наурызбай ауданы'), else of the region named nearest before it in its paragraph, else of the article's
    only region."""
    gaz = load_gazetteer()
    regions = [s for s in spans if s.label_ == "Region" and not gaz.get(s.id_).is_city]
    only = {s.id_ for s in regions}
    cities = {s.end: s for s in spans if s.label_ == "Region" and gaz.get(s.id_).is_city}
    votes: dict[str, Counter] = {}
    for span in spans:
        if span.label_ != "Settlement" or gaz.get(span.id_) is not None or span.id_.endswith("|unplaced"):
            continue               # a name several gazetteer places share and the article does not place
        para_start = doc_text(ctx.doc).rfind("\n", 0, span.start_char) + 1
        before = [r for r in regions if para_start <= r.start_char < span.start_char]
        city = cities.get(span.start)   # 'Алматының Наурызбай ауданы': a district right after its city's name
        if city is None and span.start > 0 and ctx.doc[span.start - 1].lower_.startswith("қала"):
            city = cities.get(span.start - 1)   # 'Шымкент қаласы Қайнарбұлақ шағын ауданы'
        region = _named_after_town(span.kb_id_, gaz) or (city.id_ if city is not None else None) or \
            (before[-1].id_ if before else (next(iter(only)) if len(only) == 1 else None))
        if region is None and span.kb_id_.startswith("микрорайон "):
            # 'в микрорайоне «Асар»' in a paragraph that names a city of republican significance: that city's
            around = [c for c in cities.values() if para_start <= c.start_char < span.start_char]
            region = around[-1].id_ if around else None
        if region:
            votes.setdefault(span.id_, Counter())[region] += 1
    for key, counter in votes.items():
        region = gaz.get(counter.most_common(1)[0][0])
        for lang, label in region.labels.items():
            ctx.entity(region.key, region.cls, label, lang)     # a region the text implies is described too
        ctx.fact(key, "hc:partOf", region.key)


def most_specific_place(ctx: Ctx, begin: int, end: int | None = None) -> str | None:
    """The key of the most specific place the text supports for the characters ``begin:end`` (a facility's or
    an event's span): in its sentence, a place inside or after-and-nearest the span... in order: a known town or
    village, a district, a settlement found in the text, then a region; else the article's main region.
    For the facility and event extractors."""
    doc = ctx.doc
    end = begin if end is None else end
    sent = next((s for s in sentences(doc) if s.start_char <= begin < s.end_char), None)
    if sent is None:
        return ctx.notes.get("main_region")
    gaz = load_gazetteer()
    best, best_rank = None, None
    for span in place_spans(ctx):
        if not (sent.start <= span.start < sent.end) or span.label_ not in ("Settlement", "Region") or \
                span.id_.endswith("|unplaced"):
            continue
        place = gaz.get(span.id_)
        level = 3 if place is None else {"Region": 4}.get(place.cls, 2 if place.kind == "district" else 1)
        distance = 0 if begin <= span.start_char < max(end, begin + 1) else abs(span.start_char - begin)
        rank = (level, distance)
        if best_rank is None or rank < best_rank:
            best, best_rank = span.id_, rank
    return best or ctx.notes.get("main_region")


def _place_containers(ctx: Ctx, spans) -> None:
    """A place no list knows keeps the region the text gives it: 'на улице Мира в Твери', 'Старый город,
    Иерусалим' -> hc:partOf the settlement or region named right after it in the same sentence."""
    doc = ctx.doc
    for i, span in enumerate(spans):
        if span.label_ != "Place" or not span.id_.startswith("place:") or i + 1 >= len(spans):
            continue
        nxt = spans[i + 1]
        between = [t for t in doc[span.end:nxt.start] if not t.is_space]
        if nxt.label_ not in ("Settlement", "Region") or nxt.id_.endswith("|unplaced") or \
                span.sent.start != nxt.sent.start or len(between) != 1 or between[0].lower_ not in ("в", ",", "во"):
            continue
        gaz = load_gazetteer()
        place = gaz.get(nxt.id_)
        if place is not None:
            for lang, label in place.labels.items():
                ctx.entity(place.key, place.cls, label, lang)
        ctx.fact(span.id_, "hc:partOf", nxt.id_)


_DISTRICT_WORDS = (" ауданы", " ауылдық округі", " району")


def _named_after_town(name: str, gaz) -> str | None:
    """'Арал ауданы' is named after the town Арал: it lies in that town's region (when only one has the name)."""
    for word in _DISTRICT_WORDS:
        if name.endswith(word):
            return gaz.region_by_name(name[:-len(word)])
    return None


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


def doubtful_model_place_kk(ent, settlement_words) -> bool:
    """A Kazakh LOC of the tagger's that no list knows and no settlement word follows, made of one word that
    opens a sentence or a line ('Модульдік ауруханада', 'Отырысқа қатысты', '• Мультимедиа') or that the
    tagger's training text mostly writes lower-case ('Осы ауылдағы', 'Онды'): a capital that is no name's."""
    from ..nlp.kk import lexicon, morph
    doc = ent.doc
    for t in doc[ent.end:ent.end + 6]:          # 'Зеленая және Алтын дала көшелеріндегі': streets
        if t.lower_.startswith(_KK_STREET_WORDS):
            return True
        if not (t.is_alpha or t.text == ","):
            break
    words = [t for t in ent if t.is_alpha]
    if len(words) != 1:
        return False
    tok = words[0]
    nxt = doc[ent.end].text.lower() if ent.end < len(doc) else ""
    prev = doc[tok.i - 1] if tok.i > 0 else None
    opens = tok.is_sent_start or prev is None or prev.is_space or "\n" in prev.text or prev.text in ("•", "-", "–", "—")
    if nxt.startswith(settlement_words):        # 'Отырысқа қала әкімі': a name in a case is not the town's
        return lexicon.is_common(_kk_common(), tok.text) or opens and morph.is_oblique(tok.text)
    low = tok.text.lower()
    return opens or lexicon.is_common(_kk_common(), low) or lexicon.is_common(_kk_common(), morph.stem(low))


_KK_STREET_WORDS = ("көше", "даңғыл")        # street, avenue
_KK_COMMON: list = []


def _kk_common() -> dict:
    if not _KK_COMMON:
        from .. import paths
        from ..nlp.kk import lexicon
        _KK_COMMON.append(lexicon.load(paths.KK_NER_MODEL / lexicon.FILENAME))
    return _KK_COMMON[0]
