"""The outlet that published the article: named in the dateline ('… 14:49 — ИА Регнум.') or as the
source of a report ('…, передает Toppress.kz')."""
from __future__ import annotations

from .common import lemma
from .context import Ctx


def extract_publisher(ctx: Ctx, lex) -> None:
    orgs = ctx.notes.get("orgs", [])
    span = ctx.notes.get("outlet_span")
    if span is not None:
        begin, end = span
        hit = next((k for s, k in orgs if s.start_char < end and begin < s.end_char), None)
        if hit:
            ctx.publisher = hit
            return
    for s, key in orgs:
        before = [t for t in ctx.doc[max(s.sent.start, s.start - 2):s.start] if not t.is_punct and not t.is_space]
        if before and lemma(before[-1]) in lex.PUBLISHER_VERBS:
            ctx.publisher = key
            return
