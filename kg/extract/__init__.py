"""Doc -> ArticleResult: the extractors, in the order their inputs require."""
from __future__ import annotations

from spacy.tokens import Doc

from ..records import Article, ArticleResult
from .context import Ctx
from .appointments import extract_appointments
from .dates import dateline, find_dates
from .events import collect_events, emit_events
from .facilities import extract_facilities
from .indicators import extract_indicators
from .lexicon import load_lexicon
from .national import place_national_posts
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
    if ctx.lang == "kk":
        from .kk import find_dates_kk
        dates = find_dates_kk(art.masked_text(), ref_year, load_lexicon("kk"), ctx.ref_date)
    else:
        dates = find_dates(art.masked_text(), ref_year, ctx.ref_date)
    ctx.notes["dates"] = [d for d in dates if not ctx.skipped(d.begin, d.end)]
    ctx.notes["outlet_span"] = outlet_span
    ctx.notes["lead"] = next((s for s in ctx.doc.sents if s.end_char > start and s.text.strip()), None)


def extract(article: Article, doc: Doc) -> ArticleResult:
    lex = load_lexicon(article.language)
    ctx = Ctx(article, doc, article.language)
    _prepare(ctx)
    extract_places(ctx)
    if ctx.lang == "kk":
        from .kk import extract_kk
        extract_kk(ctx, lex)
        return ctx.result()
    extract_persons(ctx)
    collect_events(ctx, lex)
    extract_facilities(ctx, lex)
    extract_orgs(ctx, lex)
    extract_officials(ctx, lex)
    extract_appointments(ctx, lex)
    resolve_posts(ctx, lex)
    place_national_posts(ctx, lex)
    emit_events(ctx, lex)
    extract_publisher(ctx, lex)
    extract_indicators(ctx, lex)
    return ctx.result()
