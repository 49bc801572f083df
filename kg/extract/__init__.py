"""Doc -> ArticleResult: the extractors, in the order their inputs require."""
from __future__ import annotations

from spacy.tokens import Doc

from ..records import Article, ArticleResult
from .context import Ctx
from .appointments import extract_appointments
from .dates import dateline, dates_in
from .events import collect_events, emit_events
from .facilities import extract_facilities
from .indicators import extract_indicators
from .lexicon import load_lexicon
from .officials import extract_officials, resolve_posts
from .orgs import extract_orgs
from .persons import extract_persons
from .places import extract_places
from .publisher import extract_publisher


def body_start(article: Article) -> int:
    pos = 0
    for begin, end in article.skip:
        if begin <= pos:
            pos = max(pos, end)
    while pos < len(article.text) and article.text[pos].isspace():
        pos += 1
    return pos


def _prepare(ctx: Ctx) -> None:
    art = ctx.article
    start = body_start(art)
    found, outlet_span, outlet = dateline(art.text, start) if ctx.lang != "kk" else (None, None, None)
    ctx.dateline = found
    ctx.ref_date = found or art.date
    ref_year = int(ctx.ref_date[:4]) if ctx.ref_date else None
    dates = dates_in(art.masked_text(), ref_year, ctx.ref_date, load_lexicon(ctx.lang))
    ctx.notes["dates"] = [d for d in dates if not ctx.skipped(d.begin, d.end)]
    ctx.notes["outlet_span"] = outlet_span
    ctx.notes["lead"] = next((s for s in ctx.doc.sents if s.end_char > start and s.text.strip()), None)


# One pipeline for every language: each stage reads its language's tables from ``lex`` (and the NLP stage's
# annotations); a language profile may leave out stages it has no grammar for (``lex.SKIP_STAGES``).
STAGES = (
    ("places", lambda ctx, lex: extract_places(ctx)),
    ("persons", lambda ctx, lex: extract_persons(ctx)),
    ("collect_events", collect_events),
    ("facilities", extract_facilities),
    ("orgs", extract_orgs),
    ("officials", extract_officials),
    ("appointments", extract_appointments),
    ("resolve_posts", resolve_posts),
    ("emit_events", emit_events),
    ("publisher", extract_publisher),
    ("indicators", extract_indicators),
)


def extract(article: Article, doc: Doc) -> ArticleResult:
    lex = load_lexicon(article.language)
    ctx = Ctx(article, doc, article.language)
    _prepare(ctx)
    skip = getattr(lex, "SKIP_STAGES", frozenset())
    for name, stage in STAGES:
        if name not in skip:
            stage(ctx, lex)
    return ctx.result()
