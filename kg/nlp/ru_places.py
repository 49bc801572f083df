"""Places in Russian text: the gazetteer matched on lemmas (every case form: 'Липецкой области', 'в Калуге'),
plus toponyms the gazetteer lacks (natasha LOC spans, pymorphy's Geox tag, 'город X', 'X район/округ').

Writes ``doc.spans["kg_places"]``: ``label_`` is the class (Region, Settlement, Country, Place) and
``id_`` the entity key.
"""
from __future__ import annotations

from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..gazetteer import load_gazetteer
from ..iris import make_key
from . import natasha_adapter as na
from .extensions import PLACES, register_extensions
from .ru_morph import to_nominative

register_extensions()
MAX_WORDS = 6
_DISTRICT_NOUNS = {"район", "округ", "городской округ", "муниципальный округ", "сельсовет", "улус"}
# Macro-regions pymorphy knows as toponyms but which are no settlement.
MACRO_REGIONS = {"сибирь", "урал", "поволжье", "кавказ", "подмосковье", "дальний восток", "приморье",
                 "заполярье", "черноземье", "прикамье", "ставрополье", "кубань", "забайкалье", "зауралье",
                 "арктика", "центральный азия", "средний азия", "европа", "азия", "африка", "америка"}
_SETTLEMENT_CUES = {"город", "г.", "г", "село", "с.", "поселок", "посёлок", "пос.", "пгт", "деревня", "д.",
                    "станица", "ст.", "аул", "кент", "райцентр"}


@lru_cache(maxsize=1)
def place_index() -> dict[tuple[str, ...], str]:
    """Lemma tuple (and lower-cased surface tuple) of every Russian name -> place key."""
    names = []
    for place in load_gazetteer():
        for name in place.names("ru"):
            names.append((name, place.key))
    text = "".join(f"{name} .\n" for name, _ in names)
    ndoc = na.segment(text)
    tagged = na.tag_morph(ndoc)
    tokens = [(t.start, t.stop, t.text, lemma) for t, (_, _, lemma) in zip(ndoc.tokens, tagged)]
    index: dict[tuple[str, ...], str] = {}
    pos = 0
    it = iter(tokens)
    for name, key in names:
        end = pos + len(name)
        words = [(tx, lm) for (s, e, tx, lm) in _take(it, end)]
        for variant in (tuple(lm for _, lm in words), tuple(tx.lower().replace("ё", "е") for tx, _ in words)):
            index.setdefault(variant, key)
        pos = end + 3
    return index


def _take(it, end):
    out = []
    for tok in it:
        if tok[0] >= end:
            break
        out.append(tok)
    return out


def _lemma(tok) -> str:
    return (tok.lemma_ or tok.text.lower()).replace("ё", "е")


def match_gazetteer(doc: Doc, index) -> list[Span]:
    gaz = load_gazetteer()
    words = [t for t in doc if not t.is_space]
    found, i = [], 0
    while i < len(words):
        for n in range(min(MAX_WORDS, len(words) - i), 0, -1):
            chunk = words[i:i + n]
            key = index.get(tuple(_lemma(t) for t in chunk)) or index.get(
                tuple(t.text.lower().replace("ё", "е") for t in chunk))
            if key and _plausible(chunk):
                place = gaz.get(key)
                found.append(Span(doc, chunk[0].i, chunk[-1].i + 1, label=place.cls, span_id=key))
                i += n
                break
        else:
            i += 1
    return found


def _plausible(chunk) -> bool:
    """A proper name starts with a capital (or is an abbreviation); a lone capitalised common word at a
    sentence start ('Орел', 'Мирный') needs NER support, which the caller checks through overlap."""
    first = chunk[0].text
    return first[:1].isupper()


def coordinated_regions(doc: Doc, spans: list[Span], index) -> list[Span]:
    """'Белгородской и Калужской областей': the first adjective names a region too."""
    extra = []
    for span in spans:
        if span.label_ != "Region" or len(span) != 2:
            continue
        noun = _lemma(span[1])
        j = span.start - 1
        while j >= 2 and doc[j].text in (",", "и") or (j >= 0 and doc[j].is_space):
            j -= 1
        if j >= 0 and j < span.start - 1 and doc[j].pos_ == "ADJ":
            key = index.get((_lemma(doc[j]), noun))
            if key:
                extra.append(Span(doc, j, j + 1, label="Region", span_id=key))
    return extra


def district_spans(doc: Doc) -> list[Span]:
    """'Грязинского округа', 'Заречного района' -> municipal districts (Settlement)."""
    out = []
    for tok in doc:
        if _lemma(tok) in ("район", "округ") and tok.i > 0:
            adj = doc[tok.i - 1]
            if adj.pos_ == "ADJ" and adj.text[:1].isupper():
                span = Span(doc, adj.i, tok.i + 1, label="Settlement")
                out.append(span)
    return out


# Nouns an adjective of a town locates: 'задонский филиал', 'обнинская больница'.
_LOCATED_NOUNS = {"филиал", "больница", "поликлиника", "центр", "отделение", "роддом", "госпиталь", "диспансер",
                  "санаторий", "клиника", "амбулатория", "администрация", "завод", "предприятие", "школа",
                  "музей", "театр", "университет", "институт", "колледж", "техникум", "интернат", "дом"}


def adjective_toponyms(doc: Doc, taken: set[int]) -> list[Span]:
    """'задонский филиал' names Задонск: an adjective in -ский whose stem pymorphy knows as a town
    ('задонск', 'обнинск'). Region adjectives ('липецкая область') are the gazetteer's."""
    out = []
    for tok in doc:
        word = _lemma(tok)
        if tok.i in taken or tok.pos_ != "ADJ" or not word.endswith("ский") or tok.text[:1].isupper():
            continue
        if tok.i + 1 >= len(doc) or _lemma(doc[tok.i + 1]) not in _LOCATED_NOUNS:
            continue                           # 'курских врачей' says where people are from, not a place
        town = word[:-2]
        if na.morph_vocab().word_is_known(town) and any(
                "Geox" in p.tag and p.normal_form == town and p.tag.POS == "NOUN" for p in na.parses(town)):
            out.append(Span(doc, tok.i, tok.i + 1, label="Settlement", span_id=make_key("settlement", town)))
    return out


def toponym_spans(doc: Doc, taken: set[int]) -> list[Span]:
    """natasha LOC spans the gazetteer does not know: settlements when pymorphy knows them as toponyms or a
    cue word precedes them ('город', 'село'), otherwise generic places (a square, a macro-region)."""
    out = []
    for ent in doc.ents:
        if ent.label_ != "LOC" or any(t.i in taken for t in ent):
            continue
        cue = ent.start > 0 and doc[ent.start - 1].text.lower().rstrip(".") in {c.rstrip(".") for c in _SETTLEMENT_CUES}
        geox = len(ent) <= 2 and all(_is_geox(t) for t in ent if t.pos_ in ("PROPN", "NOUN"))
        macro = " ".join(_lemma(t) for t in ent) in MACRO_REGIONS
        out.append(Span(doc, ent.start, ent.end, label="Settlement" if (cue or geox) and not macro else "Place"))
    return out


def _is_geox(tok) -> bool:
    return any("Geox" in p.tag for p in na.parses(tok.text))


def settlement_key(span: Span) -> str:
    return make_key("settlement", to_nominative(list(span)))


@Language.factory("kg_ru_places", assigns=["doc.spans"], requires=["token.lemma", "doc.ents"])
def make_places(nlp, name):
    def component(doc: Doc) -> Doc:
        index = place_index()
        persons = {t.i for ent in doc.ents if ent.label_ == "PER" for t in ent}
        spans = [s for s in match_gazetteer(doc, index) if not any(t.i in persons for t in s)]
        spans += coordinated_regions(doc, spans, index)
        taken = {t.i for s in spans for t in s} | persons
        spans += adjective_toponyms(doc, taken)
        taken |= {t.i for s in spans for t in s}
        for span in district_spans(doc) + toponym_spans(doc, taken):
            if any(t.i in taken for t in span):
                continue
            kind = "place" if span.label_ == "Place" else "settlement"
            spans.append(Span(doc, span.start, span.end, label=span.label_,
                              span_id=make_key(kind, to_nominative(list(span)))))
            taken.update(t.i for t in span)
        doc.spans[PLACES] = sorted(spans, key=lambda s: (s.start, s.end))
        return doc
    return component
