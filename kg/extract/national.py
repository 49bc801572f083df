"""Heads of state and government named by the role alone ('Премьер-министр Михаил Фрадков', 'Глава
государства Дмитрий Медведев'): the post is that of the country the text is about, when that is clear."""
from __future__ import annotations

from collections import Counter

from ..gazetteer import load_gazetteer
from ..iris import make_key
from ..nlp.extensions import PLACES, doc_text
from .common import lemma, one_place, trigger_spans
from .context import Ctx
from .officials import _gazetteer_place, post_key


def place_national_posts(ctx: Ctx, lex) -> None:
    """After ``resolve_posts`` (which gives a bare post the placed post of the same role the article names for
    the same person, 'президент Виктор Янукович' … 'президент Украины Виктор Янукович'): a post of a national
    role (``lex.NATIONAL_ROLES``) still without country, body or wording of its own becomes the post of the
    country its mentions' context points to (``context_country``); the tenures move with it."""
    posts = ctx.notes.get("posts", {})
    taken = None
    for post, (role, juris, body, qualifier) in list(posts.items()):
        if role not in lex.NATIONAL_ROLES or juris or body or qualifier or not ctx.has(post):
            continue
        if taken is None:
            taken = _owned_by_roles(ctx, lex)
        spans = sorted((k[1], k[2]) for k in ctx.mentions if k[0] == post)
        found = {context_country(ctx, begin, end, lex, taken) for begin, end in spans}
        if len(found) != 1 or None in found:
            continue
        country = found.pop()
        if not (ctx.has(country) or _gazetteer_place(ctx, country)):
            continue
        new = post_key(role, country)
        for tenure in [f.subject for f in ctx.facts.values() if f.prop == "hc:tenurePost" and f.value == post]:
            person = next(f.value for f in ctx.facts.values() if f.subject == tenure and f.prop == "hc:tenureOf")
            acting = any(f.subject == tenure and f.prop == "hc:acting" and f.value == "true"
                         for f in ctx.facts.values())
            ctx.rename(tenure, make_key("tenure", person, new, "acting" if acting else ""))
        ctx.rename(post, new)
        ctx.fact(new, "hc:jurisdiction", country)
        posts[new] = (role, country, None, "")


def context_country(ctx: Ctx, begin: int, end: int, lex, taken=frozenset()) -> str | None:
    """The country the text at ``begin:end`` is about: the one country its paragraph points to (a country by
    name or adjective, a region or settlement by the country it lies in), else the article's country when two
    thirds of what points to a country points there; None when the paragraph points to several
    ('администрация президента Обамы … американских компаний … с Кубой') or the article to none in
    particular. A country another role word owns ('с премьер-министром Турции', 'турецкий премьер'; the
    token indices in ``taken``) counts for the article, not as the paragraph's."""
    gaz = load_gazetteer()
    text = doc_text(ctx.doc)
    para_start = text.rfind("\n", 0, begin) + 1
    para_end = text.find("\n", end)
    para_end = len(text) if para_end < 0 else para_end
    votes, local = Counter(), set()

    def vote(country: str, at: int, owned: bool) -> None:
        votes[country] += 1
        if para_start <= at < para_end and not owned:
            local.add(country)

    for span in ctx.doc.spans[PLACES] if PLACES in ctx.doc.spans else ():
        place = gaz.get(span.id_)
        if place is not None and place.country and ctx.live(span):
            vote(f"country:{place.country}", span.start_char, span.start in taken)
    cues = Counter()
    for tok in ctx.doc:
        code = lex.COUNTRY_ADJECTIVES.get(lemma(tok)) if tok.pos_ == "ADJ" else None
        if code is not None:
            vote(f"country:{code}", tok.idx, tok.i in taken)
        elif ctx.live(tok.doc[tok.i:tok.i + 1]):
            cue = lex.COUNTRY_CUES.get(lemma(tok)) or _DOMAINS.get(tok.text.lower().rpartition(".")[2]) \
                if "." in tok.text[1:-1] or lemma(tok) in lex.COUNTRY_CUES else None
            if cue:
                cues[f"country:{cue}"] += 1
    if not votes and len(cues) == 1:   # no place or adjective says it: the one country its institutions are of
        votes = cues
    return one_place(local, votes)


_DOMAINS = {"kz": "KZ", "ru": "RU"}      # 'Ulysmedia.kz', 'РИА.ru': an outlet of that country


def _owned_by_roles(ctx: Ctx, lex) -> set[int]:
    """Token indices right after a role word ('премьер-министр [Турции]') or right before one ('[турецкий]
    премьер'): the place there is that role's."""
    out = set()
    for span, _ in trigger_spans(ctx.doc, "hc_roles"):
        out.add(span.end)
        out.add(span.start - 1)
    return out
