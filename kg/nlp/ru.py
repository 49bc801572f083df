"""The Russian pipeline: spaCy components wrapping natasha (tokens, morphology, syntax, NER).

``make_pipeline()`` -> Language with: natasha tokenizer, kg_ru_morph, kg_ru_syntax, kg_ru_ner, kg_ru_places,
kg_ru_names. Offsets always equal the input text's.
"""
from __future__ import annotations

import re
from functools import lru_cache

import numpy
import spacy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, NORM, POS
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.language import Language
from spacy.tokens import Doc, Span

from . import natasha_adapter as na
from .extensions import PLACES, doc_text, drop_token_table, register_extensions, token_table
from .ru_names import is_initial, patronymic_gender
from .ru_morph import loanword_forms

register_extensions()


class NatashaTokenizer:
    """razdel tokens -> a spaCy Doc whose text equals the input exactly (extra whitespace as tokens)."""

    def __init__(self, vocab):
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        seg = na.segmentation(text)
        words, spaces, starts = layout(text, seg.tokens)
        doc = Doc(self.vocab, words=words, spaces=spaces, sent_starts=starts or None)
        doc.user_data["kg_text"] = (len(doc), text)     # doc.text equals the input: no need to join it again
        doc.user_data["kg_words"] = words               # each token's text, read without making Token objects
        doc._.kg_natasha = seg                          # what the morphology, NER and parse read
        doc._.kg_lang = "ru"
        return doc

    def to_disk(self, path, **kwargs):  # pragma: no cover - not serialized
        pass

    def from_disk(self, path, **kwargs):  # pragma: no cover
        return self


def layout(text: str, tokens) -> tuple[list[str], list[bool], list[bool]]:
    """Words, trailing-space flags and sentence starts reproducing ``text`` exactly."""
    words, spaces, starts = [], [], []
    pos, last_sent = 0, None

    def gap(chunk: str):
        if not chunk:
            return
        if words and not spaces[-1] and chunk[0] == " ":
            spaces[-1] = True
            chunk = chunk[1:]
        if chunk:
            words.append(chunk)
            spaces.append(False)
            starts.append(False if words[:-1] else True)

    for tok in tokens:
        gap(text[pos:tok.start])
        words.append(text[tok.start:tok.stop])
        spaces.append(False)
        starts.append(tok.sent != last_sent)
        last_sent = tok.sent
        pos = tok.stop
    gap(text[pos:])
    if words:
        starts[0] = True
    return words, spaces, starts


def _words(doc: Doc) -> list[str]:
    """Each token's text (what ``NatashaTokenizer`` made the Doc from; a Doc made otherwise is read)."""
    words = doc.user_data.get("kg_words")
    if words is None or len(words) != len(doc):
        words = doc.user_data["kg_words"] = [t.text for t in doc]
    return words


def _word_tokens(doc: Doc):
    """Tokens that came from natasha (not whitespace), in order: they align 1:1 with natasha's tokens."""
    return [t for t in doc if not t.is_space]


@Language.factory("kg_ru_morph", assigns=["token.pos", "token.morph", "token.lemma"], requires=[])
def make_morph(nlp, name):
    def component(doc: Doc) -> Doc:
        tagged = na.tag_morph(doc._.kg_natasha)
        # One array write instead of four attribute writes per token; the values per distinct tag are made
        # once (what ``pos_``, ``set_morph``, ``lemma_`` and ``norm_`` would store).
        arr = doc.to_array(_MORPH_ATTRS)
        rows = _morph_rows(doc.vocab)
        at = _word_indexes(doc)[:len(tagged)]
        values = []
        for key in tagged:                          # key: (pos, feats' items, lemma)
            row = rows.get(key)
            if row is None:
                pos, items, lemma = key
                row = rows[key] = _morph_row(doc.vocab, pos, dict(items), lemma)
            values.append(row)
        if values:
            arr[at] = numpy.array(values[:len(at)], dtype=arr.dtype)
        doc.from_array(_MORPH_ATTRS, arr)
        forms = loanword_forms()
        for i, word in enumerate(_words(doc)):
            low = word.lower()
            if low in forms:                            # 'акиму', 'акиме': the dictionary knows no 'аким'
                doc[i].lemma_ = doc[i].norm_ = forms[low]
                doc[i].pos_ = "NOUN"
            elif low.startswith("зам") and deputy_compound(low):
                tok = doc[i]
                tok.lemma_ = tok.norm_ = low.replace("ё", "е")   # "Замгубернатора" -> "замгубернатора"
                tok.pos_ = "NOUN"
        drop_token_table(doc)                           # a table is made from the Doc's lemmas, set now
        return doc
    return component


@lru_cache(maxsize=4096)
def deputy_compound(word: str) -> str | None:
    """'замгубернатора', 'замглавы', 'замакима': a deputy's title clipped to 'зам' + the genitive of the head's
    title. Such a word never inflects, but the tagger guesses a lemma per form ('замгубернатор', 'замаким'),
    so the tables miss it. -> the head's title in the genitive ('губернатора'), or None. 'зампред' is a
    word of its own (it inflects) and is left to the dictionary."""
    word = word.lower()
    rest = word[3:]
    if not word.startswith("зам") or len(rest) < 4 or not rest.isalpha() or not na.morph_vocab().word_is_known(rest):
        return None
    first = na.parses(rest)[0]
    tag = first.tag
    return rest if tag.POS == "NOUN" and tag.animacy == "anim" and tag.number == "sing" and tag.case == "gent" \
        else None


_MORPH_ATTRS = [POS, MORPH, LEMMA, NORM]
_ROWS: dict[int, tuple] = {}


def _morph_rows(vocab) -> dict:
    got = _ROWS.get(id(vocab))
    if got is None or got[0] is not vocab:
        got = _ROWS[id(vocab)] = (vocab, {})
    if len(got[1]) > 100_000:
        got[1].clear()
    return got[1]


def _morph_row(vocab, pos: str, feats: dict, lemma: str) -> tuple[int, int, int, int]:
    morph = "|".join(f"{k}={v}" for k, v in sorted(feats.items()))
    return (POS_IDS[pos if pos in _UPOS else "X"], vocab.morphology.add(morph) if morph else 0,
            vocab.strings.add(lemma), vocab.strings.add(lemma.lower().replace("ё", "е")))  # norm: what tables match on


def _word_indexes(doc: Doc) -> list[int]:
    """Indexes of the tokens that came from natasha (not whitespace): they align 1:1 with natasha's tokens."""
    return [i for i, word in enumerate(_words(doc)) if not word.isspace()]   # spaCy's is_space


_UPOS = {"ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN",
         "PUNCT", "SCONJ", "SYM", "VERB", "X"}


@Language.factory("kg_ru_syntax", assigns=["token.dep", "token.head"], requires=["token.pos"])
def make_syntax(nlp, name):
    """natasha's dependency parse as spaCy heads. Whitespace hangs on a neighbour; a sentence whose parse is
    not one tree (natasha is not guaranteed to give one) hangs flat from its first word."""
    def component(doc: Doc) -> Doc:
        parsed = na.parse_syntax(doc._.kg_natasha)
        heads = list(range(len(doc)))
        deps = ["dep"] * len(doc)
        words = _word_tokens(doc)
        for tok, (head, rel) in zip(words, parsed):
            heads[tok.i] = words[head].i if 0 <= head < len(words) else tok.i
            deps[tok.i] = rel if heads[tok.i] != tok.i else "ROOT"
        for sent in doc.sents:
            _repair(sent, heads, deps)
        arr = numpy.zeros((len(doc), 2), dtype="uint64")
        for i in range(len(doc)):
            arr[i, 0] = numpy.array(heads[i] - i).astype("uint64")
            arr[i, 1] = doc.vocab.strings.add(deps[i])
        doc.from_array([HEAD, DEP], arr)
        return doc
    return component


def _repair(sent, heads: list[int], deps: list[str]) -> None:
    span = range(sent.start, sent.end)
    root = next((i for i in span if not sent.doc[i].is_space), sent.start)
    for i in span:
        if sent.doc[i].is_space:
            heads[i], deps[i] = (root, "dep") if i != root else (i, "ROOT")
    if not _is_tree(span, heads):
        for i in span:
            heads[i], deps[i] = (root, "dep") if i != root else (i, "ROOT")


def _is_tree(span: range, heads: list[int]) -> bool:
    roots = [i for i in span if heads[i] == i]
    if len(roots) != 1:
        return False
    for i in span:
        seen, j = 0, i
        while heads[j] != j:
            j = heads[j]
            seen += 1
            if j not in span or seen > len(span):
                return False
    return True


# A capitalised post at a sentence start is no first name: natasha reads 'Аким Шымкента' as a person
# (Аким is also a name). Such a span loses its first word and is re-read as a place by the gazetteer.
ROLE_WORDS = {"аким", "губернатор", "мэр", "министр", "глава", "президент", "премьер", "директор"}


def _ner_text(doc: Doc) -> str:
    """The text with a capitalised post word at a sentence start lower-cased ('Аким Алматы Ерболат Досаев'):
    natasha otherwise misses or misreads the names after it. Same length, so offsets hold."""
    text = doc_text(doc)
    chars = None
    waiting = False                      # at a sentence start, until its first word
    table = token_table(doc)             # one pass over the table: a Token only for each sentence's first word
    for i, start in enumerate(table.sent_start):
        if start == i:                   # tok.is_sent_start
            waiting = True
        if waiting and not table.space[i]:
            waiting = False
            tok = doc[i]
            if tok.text[:1].isupper() and (tok.lemma_.lower() in ROLE_WORDS or deputy_compound(tok.text)):
                chars = chars or list(text)
                chars[tok.idx] = chars[tok.idx].lower()
    for i in _shouted_names(table):
        chars = chars or list(text)
        idx, word = table.idx[i], table.text[i]
        chars[idx + 1:idx + len(word)] = word[1:].lower()
    return "".join(chars) if chars else text


def _caps(word: str) -> bool:
    return len(word) >= 4 and word.isalpha() and word.isupper() and _CYRILLIC.match(word) is not None \
        and sum(c in _VOWELS for c in word) >= 2          # not an acronym ('ДОКБ', 'ГБУЗ')


def _title(word: str) -> bool:
    return len(word) >= 2 and word[0].isupper() and word[1:].islower() and word.isalpha()


def _shouted_names(table) -> list[int]:
    """Words of a name written in capitals beside a capitalised word or another such word ('Камидолла ИРМЕНОВ',
    'НУРЛЫБЕК АСЫЛБЕКОВ', 'КУЗЕКОВА Ардака'), in a sentence not written in capitals (a shouted headline stays
    as it is): natasha's NER reads a name only in title case. Same length, so offsets hold."""
    text, space, sent_start = table.text, table.space, table.sent_start
    n, out = len(text), []
    words = [i for i in range(n) if not space[i]]
    caps = {i for i in words if _caps(text[i])}
    if not caps:
        return out
    long_words: dict[int, int] = {}
    caps_words: dict[int, int] = {}
    for j in words:
        if len(text[j]) >= 4 and text[j].isalpha():
            long_words[sent_start[j]] = long_words.get(sent_start[j], 0) + 1
            if j in caps:
                caps_words[sent_start[j]] = caps_words.get(sent_start[j], 0) + 1
    shouted = {s: caps_words.get(s, 0) * 2 > count for s, count in long_words.items()}
    for k, i in enumerate(words):
        if i not in caps or shouted[sent_start[i]]:
            continue
        near = [words[k - 1]] if k > 0 else []
        near += [words[k + 1]] if k + 1 < len(words) else []
        if any(sent_start[j] == sent_start[i] and (_title(text[j]) or j in caps) for j in near):
            out.append(i)
    return out


_CYRILLIC = re.compile(r"^[А-ЯЁӘҒҚҢӨҰҮҺІ]+$")
_VOWELS = set("АЕЁИОУЫЭЮЯӘӨҰҮІ")


def _split_parentheses(doc: Doc, spans: list[Span]) -> list[Span]:
    """'Джошуа Вольф (Joshua Wolf)' is two names of one person: two spans."""
    out = []
    for span in spans:
        cut = next((t.i for t in span if t.text == "("), None)
        if span.label_ != "PER" or cut is None:
            out.append(span)
            continue
        close = next((t.i for t in span if t.text == ")"), span.end)
        for a, b in ((span.start, cut), (cut + 1, close)):
            if b > a and doc[a:b].text.strip():
                out.append(Span(doc, a, b, label="PER"))
    return out


def _abbreviation(tok) -> bool:
    """'РО', 'МО', 'ХМАО': an all-capitals word of two to five letters (a region's or body's short name)."""
    return 2 <= len(tok.text) <= 5 and tok.text.isalpha() and tok.text.isupper()


def _trim_abbreviations(span: Span) -> Span | None:
    """'РО Т.Ю.Быковской', 'Ивановой МО': a name glued to an abbreviation loses the abbreviation."""
    start, end = span.start, span.end
    while start < end and (_abbreviation(span.doc[start]) or span.doc[start].lemma_.lower() in ROLE_WORDS):
        start += 1                                # 'Министра РО Т.Ю.Быковской'
    if start == span.start:
        start = span.start
        while start < end and _abbreviation(span.doc[start]):
            start += 1
    while end > start and _abbreviation(span.doc[end - 1]):
        end -= 1
    if (start, end) == (span.start, span.end):
        return span
    return Span(span.doc, start, end, label=span.label_) if end > start else None


_PLACE_ADJECTIVE = re.compile(r"(?:ск|цк)(?:ой|ого|ому|ая|ий|ом|ую|ие|их|ими?)$")


@lru_cache(maxsize=1)
def _facility_acronyms() -> frozenset[str]:
    from ..patterns import load_table
    return frozenset(e.words[0] for e in load_table("ru", "facility_abbreviations").entries)


def _place_adjective(span: Span) -> bool:
    """'Шовгеновской ЦРБ', 'Кошехабльского ФАПа': one adjective-shaped word right before a facility's acronym
    is the place the facility is named after, not a person (the tagger takes an unknown -ской for a surname)."""
    doc = span.doc
    return len(span) == 1 and span.end < len(doc) and bool(_PLACE_ADJECTIVE.search(span[0].text.lower())) and \
        doc[span.end].text.isupper() and doc[span.end].text.lower() in _facility_acronyms()


def _listed_village(span: Span) -> bool:
    """'в деревнях Карпушевка, Чукчино и Загривочная': one word the dictionary never reads as a name, in a list
    a plural settlement word opens, is a village the tagger took for a person."""
    from .ru_places import listed_after_cue
    return len(span) == 1 and listed_after_cue(span.doc, span.start) and not any(
        g in p.tag for p in na.parses(span[0].text) for g in ("Name", "Surn", "Patr"))


def _trim_region_name(span: Span) -> Span | None:
    """'области Абай Нурлан Уранхаев': the region's name after its noun is not the person's first word."""
    from .ru_places import NOUN_FIRST_NOUNS, noun_first_region_words
    doc = span.doc
    if span.start == 0 or doc[span.start - 1].lemma_.lower() not in NOUN_FIRST_NOUNS or \
            span[0].text.lower() not in noun_first_region_words():
        return span
    return Span(doc, span.start + 1, span.end, label="PER") if len(span) > 1 else None


def _fix_role_persons(doc: Doc, spans: list[Span]) -> list[Span]:
    out = []
    for span in _split_parentheses(doc, spans):
        if span.label_ == "PER":
            span = _trim_abbreviations(span)
            if span is None or _place_adjective(span):
                continue
            span = _trim_region_name(span)
            if span is None:
                continue
            if _listed_village(span):
                span = Span(doc, span.start, span.end, label="LOC")
        if span.label_ == "PER" and span[0].lemma_.lower() in ROLE_WORDS and span[0].i == span.sent.start:
            rest = [t for t in span[1:] if not t.is_space]
            if len(rest) >= 2 and all(t.text[:1].isupper() for t in rest):
                out.append(Span(doc, rest[0].i, span.end, label="PER"))
            continue
        out.append(span)
    return out


def _initial_at(doc: Doc, i: int) -> bool:
    """``is_initial`` of an alphabetic token, on the tokens' texts (this runs for every token)."""
    words = _words(doc)
    if not 0 <= i < len(words):
        return False
    word = words[i]
    return len(word) == 1 and word.isalpha() and word.isupper() and i + 1 < len(words) and words[i + 1] == "."


def _surname_like(tok) -> bool:
    """A capitalised word that can be a surname: the dictionary reads it so, or it is no word it knows."""
    word = tok.text
    if len(word) < 3 or not word[:1].isupper() or word.isupper() or not word.replace("-", "").isalpha():
        return False
    parses = na.parses(word)
    return any("Surn" in p.tag for p in parses) or not na.morph_vocab().word_is_known(word.lower())


def _initialled_names(doc: Doc, spans: list[Span]) -> list[Span]:
    """'с главным врачом ЦРБ Ю. Демидовым': initials and a surname are a person's name even where natasha,
    misled by the abbreviation before them, finds none. Added only where no entity covers them, and not
    after 'им.' / 'имени' ('университет им. М. Оспанова' names an institution)."""
    covered = {i for span in spans if span.label_ == "PER" for i in range(span.start, span.end)}
    heads = {span.start for span in spans}
    found = []
    i = 0
    while i < len(doc):
        j = i
        while _initial_at(doc, j) and j - i < 4:
            j += 2
        if j > i and j < len(doc) and _surname_like(doc[j]) and not covered & set(range(i, j + 1)) and \
                not heads & set(range(i, j + 1)) and not _after_namesake_word(doc, i) and \
                not (i >= 2 and _initial_at(doc, i - 2)):
            found.append(Span(doc, i, j + 1, label="PER"))
            i = j + 1
            continue
        end = _initials_after(doc, i + 1)
        if end and _surname_like(doc[i]) and doc[i].pos_ == "PROPN" and not covered & set(range(i, end)) and \
                not heads & set(range(i, end)) and not _after_namesake_word(doc, i):
            found.append(Span(doc, i, end, label="PER"))      # 'главный врач ЦРБ Бокк А. А'
            i = end
            continue
        i += 1
    if not found:
        return spans
    taken = {t for span in found for t in range(span.start, span.end)}
    kept = []
    for span in spans:             # 'ЦРБ Ю': an entity that runs into the initials ends before them
        if taken & set(range(span.start, span.end)):
            span = Span(doc, span.start, min(t for t in taken if t >= span.start), label=span.label_)
        if len(span):
            kept.append(span)
    return kept + found


def _initials_after(doc: Doc, i: int) -> int:
    """The end of two initials starting at ``i`` ('А. А.', 'А. А' before a comma), or 0."""
    if not _initial_at(doc, i):
        return 0
    k = i + 2
    if k < len(doc) and len(doc[k].text) == 1 and doc[k].text.isupper() and doc[k].text.isalpha():
        if k + 1 < len(doc) and doc[k + 1].text == ".":
            return k + 2
        if k + 1 >= len(doc) or doc[k + 1].text in (",", ";", ")"):
            return k + 1                               # the last dot lost before a comma
    return 0


def _after_namesake_word(doc: Doc, i: int) -> bool:
    if i >= 1 and doc[i - 1].text == ".":
        i -= 1
    return i >= 1 and doc[i - 1].lower_ in ("им", "имени")


def _capital_surnames(doc: Doc, spans: list[Span]) -> list[Span]:
    """'первый заместитель акима Шымкента Ербол САДЫР': a given name followed by a word in capitals (no entity
    of its own) is a name with its surname written in capitals."""
    covered = {i for span in spans for i in range(span.start, span.end)}
    out = []
    for span in spans:
        nxt = span.end
        if span.label_ == "PER" and len(span) == 1 and nxt < len(doc) and nxt not in covered and \
                doc[nxt].text.isupper() and doc[nxt].text.isalpha() and len(doc[nxt].text) >= 3 and \
                any("Name" in p.tag for p in na.parses(span[0].text)):
            span = Span(doc, span.start, nxt + 1, label="PER")
        out.append(span)
    return out


def _joined_names(doc: Doc, spans: list[Span]) -> list[Span]:
    """'Никитина' + 'Елена Ивановна': a one-word person span right before a given name and patronymic is the
    surname of a name written surname first (natasha splits it). Not 'заместитель Петровой Алия Сидорова':
    without a patronymic two adjacent names are two people."""
    spans = sorted(spans, key=lambda s: s.start)
    out: list[Span] = []
    for span in spans:
        prev = out[-1] if out else None
        if prev is not None and prev.label_ == span.label_ == "PER" and prev.end == span.start and \
                len(prev) == 1 and len(span) == 2 and patronymic_gender(span[-1].text):
            out[-1] = Span(doc, prev.start, span.end, label="PER")
            continue
        out.append(span)
    return out


def _surname_first(doc: Doc, spans: list[Span]) -> list[Span]:
    """'заместитель Сучилина Елена': a given name alone, right after a one-word name that is no given name, or
    after a word that can be a surname of her gender in the nominative (and is no place), is a name written
    surname first; natasha split it, took the surname for a place, or missed it."""
    by_end = {span.end: span for span in spans}
    out = list(spans)
    for span in spans:
        if span.label_ != "PER" or len(span) != 1 or span.start == 0:
            continue
        given = [p for p in na.parses(span[0].text) if "Name" in p.tag and p.tag.case == "nomn"]
        prev = doc[span.start - 1]
        if not given or not prev.text[:1].isupper() or prev.text.isupper():
            continue
        parses = na.parses(prev.text)
        genders = {p.tag.gender for p in given}
        before = by_end.get(prev.i + 1)
        person_before = before is not None and before.label_ == "PER" and len(before) == 1 and \
            not any("Name" in p.tag for p in parses)
        if any("Geox" in p.tag for p in parses) or not person_before and not any(
                "Surn" in p.tag and p.tag.case == "nomn" and p.tag.gender in genders for p in parses):
            continue
        if before is not None and len(before) != 1 or before is None and any(
                s.start <= prev.i < s.end for s in spans):
            continue
        out = [s for s in out if s is not span and s is not before]
        out.append(Span(doc, prev.i, span.end, label="PER"))
    return out


@Language.factory("kg_ru_ner", assigns=["doc.ents"], requires=["token.lemma"])
def make_ner(nlp, name):
    def component(doc: Doc) -> Doc:
        spans = []
        for start, stop, label in na.tag_ner(doc._.kg_natasha, _ner_text(doc)):
            span = doc.char_span(start, stop, label=label, alignment_mode="expand")
            if span is not None:
                spans.append(span)
        spans = _joined_names(doc, _initialled_names(doc, _fix_role_persons(doc, spans)))
        spans = _capital_surnames(doc, _surname_first(doc, spans))
        doc.set_ents(spacy.util.filter_spans(spans))
        return doc
    return component


def make_pipeline(syntax: bool = False) -> Language:
    """The Russian pipeline. natasha's dependency parse costs about 40% of the NLP time and no extractor
    reads it yet, so it is in the pipeline but disabled unless ``syntax=True``."""
    from . import ru_places, ru_names  # noqa: F401  (registers their factories)

    nlp = spacy.blank("ru")
    nlp.tokenizer = NatashaTokenizer(nlp.vocab)
    nlp.add_pipe("kg_ru_morph")
    nlp.add_pipe("kg_ru_syntax")
    if not syntax:
        nlp.disable_pipe("kg_ru_syntax")
    nlp.add_pipe("kg_ru_ner")
    nlp.add_pipe("kg_ru_places")
    nlp.add_pipe("kg_ru_names")
    return nlp


__all__ = ["make_pipeline", "layout", "NatashaTokenizer", "PLACES", "Span"]
