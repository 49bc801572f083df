"""The extraction stage as spaCy pipeline components, in one declared order.

The NLP stage (``kg.nlp.pipeline``) leaves tokens, sentences, lemmas (``token.norm_``: the Russian lemma in
lower case with ё → е; ``token.lemma_``: the Kazakh stem), entities and place spans on the Doc. The
extraction stage is a second spaCy pipeline run on that Doc (``extraction(lang)``), in two parts:

1. **Trigger components** (``hc_roles``, ``hc_acting``, ``hc_appointment``, ``hc_events``, ``hc_event_verbs``,
   ``hc_facilities``, ``hc_statuses``): each matches one family of pattern tables
   (``kg/patterns/<lang>/<table>.json``, checked against ``kg/concepts.py`` when the component is made) with
   spaCy's PhraseMatcher and writes the matches to ``doc.spans[<its name>]``, ``span.label_`` = the table's
   value (a concept name: role, event kind, facility kind, status; or the appointment kind). They read only
   the normalized forms, so each runs on a Doc built by hand (``Doc(vocab, words=..., norms=...)``).
2. **Extractor components** (``hc_extract_prepare`` … ``hc_extract_indicators``): each wraps one extractor of ``kg.extract``;
   they share the article's accumulator ``doc._.hc_ctx`` (a ``kg.extract.context.Ctx``) and read the trigger
   spans through ``kg.extract.common.trigger_spans`` instead of matching tables themselves.

``STEPS`` below is the one place that says which components run, in which order, for which language, and
what each reads (``requires``; ``notes:<key>`` is ``doc._.hc_ctx.notes[<key>]``) and writes (``assigns``).
spaCy's ``Language.analyze_pipes`` checks the spaCy-visible part of it.

To add a trigger family: write ``kg/patterns/<lang>/<table>.json``, add a ``TriggerFamily`` to ``TRIGGERS``
(its doc.spans key and tables per language) and read it with ``kg.extract.common.trigger_spans(doc, key)``.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..patterns import PatternError, Table, load_table
from ..patterns.matcher import all_matches, match_table
from ..records import Article, ArticleResult
from .common import sentences
from .context import Ctx

CTX = "hc_ctx"           # doc._.hc_ctx: the article's Ctx while the extraction pipeline runs
if not Doc.has_extension(CTX):
    Doc.set_extension(CTX, default=None)


# ---------------------------------------------------------------- trigger components

@dataclass(frozen=True)
class TriggerFamily:
    key: str                                 # the component's name and its doc.spans key
    tables: dict[str, tuple[str, ...]]       # lang -> tables matched, in order (earlier tables win overlaps)
    overlapping: bool = False                # keep every match (True) or the longest non-overlapping ones
    doc: str = ""


TRIGGERS: tuple[TriggerFamily, ...] = (
    TriggerFamily("hc_roles", {"ru": ("roles",), "kk": ("roles",)},
                  doc="role words ('заместитель министра', 'әкім орынбасар'); label = Role"),
    TriggerFamily("hc_acting", {"ru": ("acting",)}, overlapping=True,
                  doc="acting markers before a role ('временно исполняющий обязанности'); label = 'acting'"),
    TriggerFamily("hc_appointment", {"ru": ("appointment",)},
                  doc="personnel-change words ('назначить', 'освободить'); label = appointment | dismissal | "
                      "nomination | acting"),
    TriggerFamily("hc_events", {"ru": ("events",), "kk": ("events",)},
                  doc="event nouns ('круглый стол', 'коллегия'); label = EventKind"),
    TriggerFamily("hc_event_verbs", {"ru": ("event_verbs",)},
                  doc="verbs that report an event ('открыть', 'посетить'); label = EventKind"),
    TriggerFamily("hc_facilities", {"ru": ("facility_heads", "facility_abbreviations"),
                                    "kk": ("facility_heads",)}, overlapping=True,
                  doc="facility heads and acronyms ('больница', 'перинатальный центр', 'ЦРБ'); every match, "
                      "overlaps included (the extractor prefers two-word heads); label = FacilityKind"),
    TriggerFamily("hc_statuses", {"ru": ("statuses",)},
                  doc="facility status words ('ремонт', 'открыться'); label = FacilityStatus"),
)
FAMILIES = {f.key: f for f in TRIGGERS}


def trigger_tables(lang: str, key: str):
    """The tables of a family for a language, loaded (and so checked) now; () if the language has none."""
    lang = "kk" if lang == "kk" else "ru"
    return tuple(load_table(lang, name) for name in FAMILIES[key].tables.get(lang, ()))


_MERGED: dict[tuple, tuple] = {}


def _merged(tables):
    """The tables' entries in one mapping, the first table's value for words two share; made once for a tuple
    of (frozen) tables, read-only so the matcher can keep its sorted items."""
    tables = tuple(tables)
    key = tuple(id(t) for t in tables)
    got = _MERGED.get(key)
    if got is not None and all(a is b for a, b in zip(got[0], tables)):
        return got[1]
    merged: dict = {}
    for table in tables:
        for words, value in table.as_dict().items():
            merged.setdefault(words, value)
    if all(isinstance(t, Table) for t in tables):
        merged = MappingProxyType(merged)
        _MERGED[key] = (tables, merged)
    return merged


def match_family(doc: Doc, tables, overlapping: bool) -> list:
    """(span, value) of every table, in text order; overlapping matches resolved unless ``overlapping``."""
    if not overlapping:
        merged = _merged(tables)
        return match_table(doc, merged) if merged else []
    out = []
    for table in tables:
        out.extend(all_matches(doc, table))
    out.sort(key=lambda pair: (pair[0].start, pair[0].end))
    return out


def _make_trigger_factory(family: TriggerFamily) -> None:
    @Language.factory(family.key, assigns=["doc.spans"], requires=["token.lemma", "token.norm"],
                      default_config={"lang": None})
    def make(nlp: Language, name: str, lang: str | None):
        tables = trigger_tables(lang or nlp.lang, family.key)
        for table in tables:
            if table.match not in ("lemma", "stem"):
                raise PatternError(f"{table.lang}/{table.name}.json: the {family.key} component matches on "
                                   f"lemmas or stems, not {table.match!r}")

        def component(doc: Doc) -> Doc:
            doc.spans[family.key] = [Span(doc, span.start, span.end, label=str(value))
                                     for span, value in match_family(doc, tables, family.overlapping)]
            return doc
        return component


for _family in TRIGGERS:
    _make_trigger_factory(_family)


# ---------------------------------------------------------------- extractor components

@dataclass(frozen=True)
class Step:
    name: str
    langs: tuple[str, ...]
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    doc: str = ""


# The extraction pipeline, in order. Trigger components first (they need only the NLP stage), then the
# extractors in the order their inputs require.
STEPS: tuple[Step, ...] = tuple(
    Step(f.key, tuple(f.tables), ("token.norm", "token.lemma"), (f"doc.spans[{f.key}]",), f.doc)
    for f in TRIGGERS) + (
    Step("hc_extract_prepare", ("ru", "kk"), ("doc.sents", "doc._.hc_ctx"),
         ("notes:dates", "notes:outlet_span", "notes:lead", "ctx.dateline", "ctx.ref_date"),
         "dateline, reference date, the article's dates, its lead sentence"),
    Step("hc_extract_places", ("ru", "kk"), ("doc.spans[kg_places]", "doc.ents"),
         ("places", "notes:main_region"), "toponyms and gazetteer places; the region the article is about"),
    Step("hc_extract_persons", ("ru", "kk"), ("doc.ents",), ("persons", "notes:persons"), "people named in full or in part"),
    Step("hc_extract_collect_events", ("ru", "kk"),
         ("doc.spans[hc_events]", "doc.spans[hc_event_verbs]", "doc.spans[hc_roles]", "notes:persons",
          "notes:dates", "notes:lead"),
         ("notes:event_clusters", "notes:event_titles"), "event triggers clustered into the article's events"),
    Step("hc_extract_facilities", ("ru", "kk"), ("doc.spans[hc_facilities]", "doc.spans[hc_statuses]", "notes:main_region",
                                                 "notes:event_titles"),
         ("facilities", "notes:facilities", "notes:facility_clusters"), "facilities, their kinds and statuses"),
    Step("hc_extract_orgs", ("ru", "kk"), ("doc.ents", "notes:facilities", "notes:facility_clusters", "notes:event_titles"),
         ("orgs", "notes:orgs", "notes:org_phrases", "notes:regional_bodies"), "bodies and organizations"),
    Step("hc_extract_officials", ("ru", "kk"),
         ("doc.spans[hc_roles]", "doc.spans[hc_acting]", "doc.spans[kg_places]", "notes:persons", "notes:orgs",
          "notes:facilities"),
         ("posts", "tenures", "notes:posts", "notes:role_places", "notes:official_spans",
          "notes:unnamed_roles", "notes:context_country"), "posts and who holds them"),
    Step("hc_extract_appointments", ("ru",),
         ("doc.spans[hc_roles]", "doc.spans[hc_appointment]", "notes:persons", "notes:orgs", "notes:facilities",
          "notes:dates"),
         ("appointments", "notes:appointment_roles"), "personnel changes"),
    Step("hc_extract_resolve_posts", ("ru",), ("notes:posts", "notes:appointment_roles"), ("posts",),
         "posts left unplaced get the place their context gives"),
    Step("hc_extract_national", ("ru",), ("notes:posts", "doc.spans[kg_places]"), ("posts",),
         "heads of state and government named by the role alone get the country the text points to"),
    Step("hc_extract_emit_events", ("ru", "kk"), ("notes:event_clusters", "notes:persons", "notes:orgs", "notes:facilities"),
         ("events",), "events written with their participants, places and dates"),
    Step("hc_extract_publisher", ("ru",), ("notes:orgs", "notes:outlet_span"), ("publisher",), "the outlet"),
    Step("hc_extract_indicators", ("ru",), ("notes:dates", "notes:facilities", "notes:main_region"), ("indicators",),
         "quantities: capacities, costs, readiness"),
)


def _extractor(step_name: str, run) -> None:
    """Register an extractor as a component: it reads and writes the Ctx on ``doc._.hc_ctx``."""
    step = next(s for s in STEPS if s.name == step_name)
    spacy_requires = [r for r in step.requires if r.startswith(("doc.", "token.")) and "[" not in r]

    @Language.factory(step_name, requires=spacy_requires + ["doc._.hc_ctx"], assigns=["doc._.hc_ctx"],
                      default_config={"lang": None})
    def make(nlp: Language, name: str, lang: str | None):
        from .lexicon import load_lexicon

        lex = load_lexicon(lang or nlp.lang)

        def component(doc: Doc) -> Doc:
            ctx = doc._.get(CTX)
            if ctx is None:
                raise ValueError(f"{name}: doc._.{CTX} is not set (run the extraction through kg.extract.extract)")
            run(ctx, lex)
            return doc
        return component


def _register_extractors() -> None:
    from . import appointments, events, facilities, indicators, national, officials, orgs, persons, places, publisher

    runs = {
        "hc_extract_prepare": lambda ctx, lex: prepare(ctx),
        "hc_extract_places": lambda ctx, lex: places.extract_places(ctx),
        "hc_extract_persons": lambda ctx, lex: persons.extract_persons(ctx),
        "hc_extract_collect_events": events.collect_events,
        "hc_extract_facilities": facilities.extract_facilities,
        "hc_extract_orgs": orgs.extract_orgs,
        "hc_extract_officials": officials.extract_officials,
        "hc_extract_appointments": appointments.extract_appointments,
        "hc_extract_resolve_posts": officials.resolve_posts,
        "hc_extract_national": national.place_national_posts,
        "hc_extract_emit_events": events.emit_events,
        "hc_extract_publisher": publisher.extract_publisher,
        "hc_extract_indicators": indicators.extract_indicators,
    }
    for step in STEPS:
        if step.name in runs:
            _extractor(step.name, runs[step.name])


# ---------------------------------------------------------------- the stage

def body_start(article: Article) -> int:
    pos = 0
    for begin, end in article.skip:
        if begin <= pos:
            pos = max(pos, end)
    while pos < len(article.text) and article.text[pos].isspace():
        pos += 1
    return pos


def prepare(ctx: Ctx) -> None:
    from .dates import dateline, dates_in
    from .lexicon import load_lexicon

    art = ctx.article
    ctx.doc.user_data.pop("kg_tokens", None)          # common.tokens: made anew from the finished Doc
    start = body_start(art)
    found, outlet_span, outlet = dateline(art.text, start) if ctx.lang != "kk" else (None, None, None)
    ctx.dateline = found
    ctx.ref_date = found or art.date
    ref_year = int(ctx.ref_date[:4]) if ctx.ref_date else None
    dates = dates_in(art.masked_text(), ref_year, ctx.ref_date, load_lexicon(ctx.lang))
    ctx.notes["dates"] = [d for d in dates if not ctx.skipped(d.begin, d.end)]
    ctx.notes["outlet_span"] = outlet_span
    ctx.notes["lead"] = next((s for s in sentences(ctx.doc) if s.end_char > start and s.text.strip()), None)


def step_names(lang: str) -> list[str]:
    lang = "kk" if lang == "kk" else "ru"
    return [s.name for s in STEPS if lang in s.langs]


@lru_cache(maxsize=None)
def extraction(lang: str) -> Language:
    """The extraction pipeline for ``lang`` (a blank spaCy Language holding the components of ``STEPS``)."""
    lang = "kk" if lang == "kk" else "ru"
    nlp = spacy.blank("xx")
    for name in step_names(lang):
        nlp.add_pipe(name, config={"lang": lang})
    return nlp


def check_patterns() -> None:
    """The start-up check: every pattern table of every language loads, the lexicons' concept sets are
    known concepts and both extraction pipelines build. Raises PatternError naming the file and entry."""
    from .. import paths
    from ..patterns import load_all, load_word_sets
    from .lexicon import load_lexicon

    for lang in ("ru", "kk"):
        load_all(lang)
        for path in sorted((paths.PATTERNS_DIR / lang / "sets").glob("*.json")):
            load_word_sets(lang, path.stem)
        load_lexicon(lang)
        extraction(lang)


def extract(article: Article, doc: Doc) -> ArticleResult:
    """Run the extraction pipeline on the NLP stage's Doc; the article's facts, entities and mentions."""
    ctx = Ctx(article, doc, article.language)
    doc._.set(CTX, ctx)
    try:
        for _, proc in extraction(article.language).pipeline:
            proc(doc)
    finally:
        doc._.set(CTX, None)
    return ctx.result()


_register_extractors()
