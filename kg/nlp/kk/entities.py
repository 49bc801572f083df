"""Clean-up of the tagger's entities with rules that hold for any Kazakh text.

- A capitalised first word of a sentence that is mostly written lower-case elsewhere (``lexicon.tsv`` next
  to the model: "Бүгінде", "Сондай-ақ") is not part of a name: it is trimmed from the entity.
- A PER entity right after a possessive pronoun ("өз", "оның", "біздің"...) or whose word carries a
  3rd-person possessive and a case ending ("Жолдауында": жолдау + ы + нда) is not a person: Kazakh
  person names do not take the possessive (patronymics in -ұлы / -қызы excepted).
- ``span._.kg_normal`` of every entity and place: the span without its case ending.
- A PER entity that is exactly a gazetteer place becomes LOC; gazetteer places the tagger missed are added
  as LOC (countries, regions and settlements are all LOC in the tagger's scheme).
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from ... import paths
from ..extensions import PLACES
from . import lexicon, morph

POSSESSIVE_PRONOUNS = {"өз", "өзінің", "өзіміздің", "өздерінің", "оның", "олардың", "біздің", "сіздің",
                       "сенің", "менің", "бұның", "мұның", "соның"}
POSS3_CASE = ("ында", "інде", "сында", "сінде", "ының", "інің", "сының", "сінің", "ына", "іне", "сына",
              "сіне", "ынан", "інен", "сынан", "сінен", "ымен", "імен", "сымен", "сімен", "ындағы", "індегі")
PATRONYMIC = ("ұлы", "қызы", "улы", "кызы")
NAME_LABELS = {"PER", "ORG", "LOC", "FAC", "EVENT"}


def _trim_start(doc: Doc, ent: Span, table: dict) -> int:
    start = ent.start
    while start < ent.end and doc[start].is_sent_start and doc[start].text[:1].isupper() \
            and lexicon.is_common(table, doc[start].text):
        start += 1
    return start


def _not_a_person(doc: Doc, start: int, end: int) -> bool:
    if start > 0 and doc[start - 1].lower_ in POSSESSIVE_PRONOUNS:
        return True
    for token in doc[start:end]:
        low = token.lower_
        if any(p in low for p in PATRONYMIC):
            continue
        if morph.analyze(low)[1].startswith(POSS3_CASE):
            return True
    return False


def fix(doc: Doc, table: dict, add_places: bool = True) -> list[tuple[int, int, str]]:
    """The corrected entities as (start, end, label)."""
    places = {(s.start, s.end) for s in doc.spans.get(PLACES, [])}
    out = []
    for ent in doc.ents:
        start, label = ent.start, ent.label_
        if label in NAME_LABELS:
            start = _trim_start(doc, ent, table)
        if start >= ent.end:
            continue
        if label == "PER" and (start, ent.end) in places:
            label = "LOC"
        elif label == "PER" and _not_a_person(doc, start, ent.end):
            continue
        out.append((start, ent.end, label))
    if add_places:
        taken = {i for s, e, _ in out for i in range(s, e)}
        out += [(s, e, "LOC") for s, e in places if not taken.intersection(range(s, e))]
    return sorted(out)


def normal_form(span: Span) -> str:
    """The span with its last word's case ending removed ("Алматы облысының" -> "Алматы облысы")."""
    words = [t.text_with_ws for t in span[:-1]]
    return "".join(words) + morph.nominative(span[-1].text)


def set_annotations(doc: Doc, ents: list[tuple[int, int, str]]) -> None:
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in ents]
    for span in list(doc.ents) + list(doc.spans.get(PLACES, [])):
        span._.kg_normal = normal_form(span)


class EntityFixer:
    def __init__(self, table: dict, add_places: bool):
        self.table = table
        self.add_places = add_places

    def __call__(self, doc: Doc) -> Doc:
        set_annotations(doc, fix(doc, self.table, self.add_places))
        return doc


@Language.factory("kg_kk_ents", assigns=["doc.ents"], requires=["doc.ents", "doc.spans", "token.is_sent_start"],
                  default_config={"add_places": True})
def make_entity_fixer(nlp: Language, name: str, add_places: bool) -> EntityFixer:
    return EntityFixer(lexicon.load(paths.KK_NER_MODEL / lexicon.FILENAME), add_places)
