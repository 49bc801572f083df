"""Gazetteer and lexicon features for the Kazakh NER model: one word class per token in ``token.tag_``.

The tagger (``tok2vec``) embeds ``TAG`` beside NORM / PREFIX / SUFFIX / SHAPE, so it sees what no 9,500
sentences can teach it: that a word is a form of a gazetteer place name, a role noun, the head noun of a body,
a facility or an event, a month, or shaped like a surname / patronymic. Classes (first that applies):

- ``GEO``   a word of a gazetteer place name (``kg.gazetteer`` + ``place_names_kk.csv``), in any case form;
- ``GEOW``  a geographic common noun (облыс, қала, аудан, ауыл, өзен…);
- ``POST``  a role noun (әкім, министр, басшы, төраға, директор, орынбасар…);
- ``ORGH``  / ``FACH`` / ``EVH``  a head noun of an organization / a facility / an event;
- ``MON``   a month name;
- ``SURN``  a capitalised word ending like a surname or patronymic (-ов, -ева, -ұлы, -қызы, -ович…);
- ``_``     anything else.

The word lists are written with the model at training time (``kg_kk_features/features.tsv``: lower-case
word form, class) and read from there, so the model always sees the features it was trained with, whatever the gazetteer holds later.
"""
from __future__ import annotations

import re
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from . import morph

FILENAME = "features.tsv"
NONE = "_"
CLASSES = ("GEO", "GEOW", "POST", "ORGH", "FACH", "EVH", "MON", "SURN")

GEO_WORDS = """облыс аудан қала ауыл кент округ өңір аймақ республика ел мемлекет өзен көл тау теңіз шекара
елді астана провинция штат құрлық аудандық облыстық қалалық ауылдық""".split()
POST_WORDS = """әкім министр вице-министр премьер-министр президент вице-президент басшы бастық төраға
орынбасар директор бас дәрігер депутат сенатор спикер хатшы елші прокурор судья ректор декан меңгеруші
губернатор мэр кеңесші көмекші өкіл уәкіл бапкер жаттықтырушы командир қолбасшы генерал маршал
инспектор бақылаушы сарапшы маман дәрігер мұғалім аким""".split()
ORG_HEADS = """министрлік басқарма департамент комитет агенттік әкімдік әкімшілік үкімет мәслихат мәжіліс
сенат парламент палата прокуратура қор инспекция университет институт академия колледж компания
корпорация холдинг партия қоғам одақ қауымдастық ассоциация банк ұйым кеңсе полиция сот әскер
федерация бірлестік серіктестік арна агенттігі""".split()
FACILITY_HEADS = """аурухана емхана перзентхана амбулатория диспансер клиника шипажай зертхана дәріхана
мектеп балабақша гимназия лицей стадион әуежай вокзал театр музей кітапхана сарай зауыт фабрика кешен
мешіт шіркеу ғимарат станса станция бекет кеніш порт""".split()
EVENT_HEADS = """форум конференция конгресс съезд саммит фестиваль көрме чемпионат олимпиада турнир
байқау кубок марафон жәрмеңке симпозиум семинар тренинг акция мереке сайлау""".split()
MONTHS = """қаңтар ақпан наурыз сәуір мамыр маусым шілде тамыз қыркүйек қазан қараша желтоқсан""".split()
_SURNAME = re.compile(r"(ов|ова|ев|ева|ёв|ёва|ин|ина|ұлы|қызы|улы|кызы|ович|овна|евич|евна|енко|ский|ская)"
                      r"(|ты|ті|ды|ді|ны|ні|н|тың|тің|дың|дің|ның|нің|қа|ке|ға|ге|на|не|та|те|да|де|нда|нде|"
                      r"тан|тен|дан|ден|нан|нен|пен|бен|мен|ға)$")


def _gazetteer_forms() -> set[str]:
    """Every lower-case word of a Kazakh place name, the last word in all its inflected forms; the generic
    nouns of names ("облысы" in "Алматы облысы") stay ``GEOW``."""
    from .places import default_index
    generic = {morph.stem(w) for w in GEO_WORDS}
    out: set[str] = set()
    for form, names in default_index().by_form.items():
        for name in names:
            written = name.written.split()
            proper = [w.lower() for w in written if w[:1].isupper() and morph.stem(w.lower()) not in generic]
            out.update(w for w in proper if w in name.words[:-1])
            if len(written) == len(name.words) and written[-1].lower() in proper:
                out.add(form)
    return out


def build_table() -> dict[str, str]:
    """lower-case word form -> class: every nominal form of each listed word (``morph.forms``: generation,
    not analysis, so the table does not move when the stemmer changes)."""
    table: dict[str, str] = {}
    for form in _gazetteer_forms():
        table[form] = "GEO"
    for cls, words in (("GEOW", GEO_WORDS), ("POST", POST_WORDS), ("ORGH", ORG_HEADS), ("FACH", FACILITY_HEADS),
                       ("EVH", EVENT_HEADS), ("MON", MONTHS)):
        for word in words:
            for form in morph.forms(word):
                table[form] = cls
    return table


def write(path: Path, table: dict[str, str]) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for key in sorted(table):
            fh.write(f"{key}\t{table[key]}\n")


def load(path: Path) -> dict[str, str]:
    table: dict[str, str] = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            key, cls = line.rstrip("\n").split("\t")
            table[key] = cls
    return table


def word_class(text: str, table: dict[str, str]) -> str:
    low = text.lower()
    if not any(ch.isalpha() for ch in low):
        return NONE
    cls = table.get(low)
    if cls is None and "-" in low:
        cls = table.get(low.rpartition("-")[0])          # "АҚШ-тың"
    if cls:
        return cls
    if text[:1].isupper() and _SURNAME.search(low):
        return "SURN"
    return NONE


class Features:
    """Sets ``token.tag_``; the table is built at ``initialize`` (training) and saved with the model."""

    def __init__(self) -> None:
        self.table: dict[str, str] | None = None
        self.cache: dict[str, str] = {}

    def initialize(self, get_examples=None, nlp=None) -> None:
        self.table, self.cache = build_table(), {}

    def to_disk(self, path, exclude=()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        write(path / FILENAME, self.table if self.table is not None else build_table())

    def from_disk(self, path, exclude=()) -> "Features":
        self.table, self.cache = load(Path(path) / FILENAME), {}
        return self

    def __call__(self, doc: Doc) -> Doc:
        if self.table is None:
            self.initialize()
        for token in doc:
            cls = self.cache.get(token.text)
            if cls is None:
                cls = self.cache[token.text] = word_class(token.text, self.table)
            token.tag_ = cls
        return doc


@Language.factory("kg_kk_features", assigns=["token.tag"])
def make_features(nlp: Language, name: str) -> Features:
    return Features()
