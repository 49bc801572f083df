"""Officials: a person with a post (role + jurisdiction or body), acting or not.

Patterns, in one sentence:
  ROLE [JURISDICTION] PERSON        'Губернатор Тульской области Алексей Дюмин', 'аким Алматы Е. Д.'
  [ACTING] ROLE JURIS PERSON        'временно исполняющим обязанности губернатора Тверской области И. П.'
  PERSON, [ACTING] ROLE JURIS       'Роман Старовойт, временно исполняющий обязанности губернатора …'
The tenure carries the acting flag, so an acting governor holds the same post as a governor.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter

from spacy.tokens import Span
from functools import lru_cache

from ..concepts import ROLES as ROLE_LABELS
from ..gazetteer import load_gazetteer
from ..iris import make_key
from ..nlp.extensions import PLACES, doc_text, sent_bounds, token_table
from ..nlp.ru_places import place_index
from ..nlp.ru_morph import NOUN_ENDINGS, stem_forms, to_nominative
from .common import is_genitive, lemma, one_place, sentence_index, sentences, trigger_spans, trigger_tokens
from .context import Ctx

MAX_GAP = 12


@lru_cache(maxsize=1)
def region_adjectives() -> dict[str, str]:
    """'калужский' -> region:RU-KLU, from the gazetteer's 'Калужская область'-type names."""
    out = {}
    for lemmas, key in place_index().items():
        if len(lemmas) == 2 and lemmas[1] in ("область", "край") and key.startswith("region:"):
            out.setdefault(lemmas[0], key)
    return out


def adjective_place(tok, lex) -> str | None:
    """'российский президент', 'подмосковный губернатор': the place an adjective before a role names."""
    word = lemma(tok)
    if tok.pos_ not in ("ADJ", "NOUN") or word in ("главный", "первый", "бывший", "новый", "нынешний"):
        return None
    if word in lex.COUNTRY_ADJECTIVES:
        return f"country:{lex.COUNTRY_ADJECTIVES[word]}"
    if word in lex.REGION_ADJECTIVES:
        code = lex.REGION_ADJECTIVES[word]
        return f"region:{code}" if code else None
    return region_adjectives().get(word)


def extract_officials(ctx: Ctx, lex) -> None:
    if lex.lang == "kk":
        return extract_officials_kk(ctx, lex)
    doc = ctx.doc
    triggers = [(span, role) for span, role in trigger_spans(doc, "hc_roles")
                if ctx.live(span) and _singular(span)]
    places = list(doc.spans[PLACES]) if PLACES in doc.spans else []
    orgs = ctx.notes.get("orgs", []) + [(s, k) for s, k, _ in ctx.notes.get("facilities", [])]
    by_end = {span.end: (span, role) for span, role in triggers}
    ctx.notes["role_places"] = role_places(doc, triggers, places)
    ctx.notes["official_spans"] = (places, orgs)
    used, held = set(), set()
    for ent, person in ctx.notes.get("persons", []):
        match = _left(doc, ent, by_end, places, orgs, lex)
        if match is not None and _case_clash(match[0], ent, lex):
            match = None
        match = match or _right(doc, ent, triggers)
        if match is None:
            continue
        trigger, role, seg_end = match
        used.add(trigger.start)
        held.add(person)
        _tenure(ctx, lex, person, ent, trigger, role, seg_end)
        if trigger.start > ent.start and (second := dash_title(ctx, seg_end)) is not None:
            trigger2, role2 = second            # 'Анна Белова, зампред правительства – министр здравоохранения'
            used.add(trigger2.start)
            _tenure(ctx, lex, person, ent, trigger2, role2, role_segment(ctx, lex, trigger2))
        while trigger.start < ent.start and (match := _chained(doc, trigger, ent, by_end, places, orgs, lex)):
            trigger, role, seg_end = match         # 'лидер Меджлиса, народный депутат Украины Мустафа Джемилев'
            used.add(trigger.start)
            _tenure(ctx, lex, person, ent, trigger, role, seg_end)
    _listed_holders(ctx, lex, places, orgs)
    ctx.notes["unnamed_roles"] = [t for t in triggers if t[0].start not in used]
    _drop_bare_duplicates(ctx)


def _listed_holders(ctx: Ctx, lex, places, orgs) -> None:
    """'депутаты Законодательного собрания области Иван Петров, Анна Сидорова и Олег Орлов': a plural role
    right before a list of two or more names is each one's post."""
    doc = ctx.doc
    plural = {span.end: (span, role) for span, role in trigger_spans(doc, "hc_roles")
              if ctx.live(span) and not _singular(span)}
    if not plural:
        return
    persons = ctx.notes.get("persons", [])
    n = 0
    while n < len(persons):
        ent, person = persons[n]
        listed = _listed_names(doc, persons, n)
        match = _left(doc, ent, plural, places, orgs, lex) if listed else None
        if match is None:
            n += 1
            continue
        trigger, role, seg_end = match
        for other, key in [(ent, person)] + listed:
            _tenure(ctx, lex, key, other, trigger, role, seg_end)
        n += 1 + len(listed)


def _listed_names(doc, persons, n: int) -> list:
    """The persons right after ``persons[n]`` in a list joined by commas and 'и'."""
    out, end = [], persons[n][0].end
    table = token_table(doc)                    # the words between on the table: they may be many
    for ent, key in persons[n + 1:]:
        between = [i for i in range(end, ent.start) if not table.space[i]]
        if len(between) != 1 or table.text[between[0]] not in (",", "и"):
            break
        out.append((ent, key))
        end = ent.end
    return out


def _named_next(ctx: Ctx, lex, unnamed, held) -> set:
    """'Губернатор области посетил больницу. … Иван Петров отметил …': a head's role as the subject of a
    sentence, with no name of its own, is the post of the next person the text names in full, in the rest
    of that sentence or in the next one, when no other person comes between and that person holds no
    other post in the article."""
    persons = ctx.notes.get("persons", [])
    doc = ctx.doc
    used = set()
    filled = _filled_roles(ctx, lex)
    for trigger, role in unnamed:
        if not _subject_head(doc, trigger, role, lex) or _filled(ctx, lex, filled, trigger, role):
            continue
        sent = trigger.sent
        limit = sent.end
        if limit < len(doc):
            limit = _quoted_speech_end(doc, persons, limit, lex) or doc[limit].sent.end
        after = [(ent, key) for ent, key in persons if trigger.end <= ent.start < limit]
        if not after:
            continue
        ent, person = after[0]
        surname = (_surname_subject(doc, trigger, ent) or _speaker(doc, [(ent, person)], lex) is not None
                   and ent.sent.start != trigger.sent.start) and \
            not any(key == person and other.start < trigger.start for other, key in persons)
        # 'Глава Петербурга выразил благодарность … По словам Беглова, …': the next sentence's speaker
        if person in held or not surname and (len(_core_parts(ent)) < 2 or not _as_subject(doc, ent, lex)):
            continue
        if any(key != person and key not in held and ent.sent.start <= other.start < ent.sent.end
               for other, key in after):
            continue                    # 'Иван Петров и Анна Белова пообщались …': which one?
        if _described(doc, ent) or not surname and _gender_clash(trigger, [ent]):
            continue                    # 'Пациентка Анна Белова рассказала …'; 'Губернатор посетила …'…
        if _head_post(ctx, lex, person, trigger, role, sent):
            held.add(person)
            used.add(trigger.start)
    return used


QUOTE_OPENERS = ("-", "–", "—", "«", '"')
QUOTE_SENTENCES = 8     # sentences a quotation may run before its speaker is named


def _quoted_speech_end(doc, persons, start: int, lex) -> int | None:
    """'… поздравил аким области. - Очень большое внимание … Только в этом году закуплено 60 машин, - рассказал
    Алтай Кульгинов.': a quotation opening right after the sentence ending at ``start`` and closed by its speaker
    (the first person named after it, right after a verb of saying) -> the end of the speaker's sentence."""
    first = next((t for t in doc[start:min(len(doc), start + 3)] if not t.is_space), None)
    if first is None or first.text not in QUOTE_OPENERS:
        return None
    i = start
    for _ in range(QUOTE_SENTENCES):
        if i >= len(doc):
            return None
        sent = doc[i].sent
        named = [(ent, key) for ent, key in persons if sent.start <= ent.start < sent.end]
        if named:
            return sent.end if _speaker(doc, named[:1], lex) is not None else None
        i = sent.end
    return None


def _speaker(doc, named, lex):
    """The one person of ``named`` (a sentence's persons) the sentence quotes: right after a verb of saying
    ('«…», – проинформировал Досаев', 'сказал Иван Петров') or after 'по словам' ('По словам Беглова, …')."""
    found = []
    for ent, key in named:
        before = [t for t in doc[max(ent.sent.start, ent.start - 2):ent.start] if not t.is_space]
        if before and before[-1].pos_ == "VERB" and lemma(before[-1]) in lex.SPEAKER_VERBS or \
                [t.lower_ for t in before] == ["по", "словам"]:
            found.append((ent, key))
    return found[0] if len({key for _, key in found}) == 1 else None


def _filled_roles(ctx: Ctx, lex) -> list[tuple[int, str, bool, frozenset]]:
    """(offset, role, changed here, words) of each held post's mentions ('Губернатор области Иван Белозерцев
    …', 'с главврачом Икрянинской больницы Андреем Кашиным'; changed: a personnel change of the text concerns
    its holder): an unnamed mention of the role is that holder's, and gives the post to no one else the next
    sentences name (``_filled``)."""
    posts = ctx.notes.get("posts", {})
    holders = _post_holders(ctx)
    changed = {f.value for f in ctx.facts.values() if f.prop == "hc:concernsPerson"}
    out = []
    for m in ctx.mentions.values():
        if m.key in holders and m.key in posts:
            span = ctx.doc.char_span(m.begin, m.end, alignment_mode="expand")
            words = frozenset(lemma(t) for t in span if t.is_alpha) if span is not None else frozenset()
            out.append((m.begin, posts[m.key][0], bool(holders[m.key] & changed), words))
    return out


def _filled(ctx: Ctx, lex, filled, trigger, role: str) -> bool:
    """Does a named person hold the post an unnamed head's role names? A bare role ('… – написал губернатор')
    is a holder's of that role, a placed one ('уволен главврач Икрянинской больницы') the holder's of the same
    words: one named before it, or anywhere in the article unless a change of the text concerns that holder
    (then the unnamed post may be the predecessor's: 'Министр … ушёл в отставку … и.о. министра назначен …')."""
    seg_end = _placed_segment(ctx, lex, trigger)
    words = frozenset(lemma(t) for t in ctx.doc[trigger.start:seg_end] if t.is_alpha) if seg_end else None
    return any(r == role and (words is None or w == words) and (begin < trigger.start_char or not changed)
               for begin, r, changed, w in filled)


def _surname_subject(doc, trigger, ent) -> bool:
    """'Губернатор области посетила больницу. Белова проверила …': a surname alone opening the next sentence,
    right before a past-tense verb of the same gender as the head's own verb, is the head named (the verb
    says nominative and the gender, whatever the tagger read the surname as: 'Белова' may be a genitive)."""
    if len(_core_parts(ent)) != 1 or ent.sent.start == trigger.sent.start:
        return False
    first = next((t for t in ent.sent if not t.is_space), None)
    if first is None or first.i != ent.start or ent.end >= len(doc):
        return False
    verb = doc[ent.end]
    head_verb = next((t for t in trigger.sent[trigger.end - trigger.sent.start:] if t.pos_ == "VERB"
                      and t.morph.get("Gender")), None)
    return head_verb is not None and verb.pos_ == "VERB" and verb.morph.get("Tense") == ["Past"] and \
        verb.morph.get("Number") == ["Sing"] and verb.morph.get("Gender") == head_verb.morph.get("Gender")


def _subject_head(doc, trigger, role: str, lex) -> bool:
    """A head's role ('губернатор', 'аким') as a sentence's subject, and a present post (not 'бывший …')."""
    return role in lex.SUBJECT_HEAD_ROLES and _head(trigger).morph.get("Case") == ["Nom"] and \
        not is_former(doc, trigger, lex)


def _placed_segment(ctx: Ctx, lex, trigger) -> int | None:
    """The end of the words after a role word when they hold a place or a body ('министр здравоохранения
    [области]'); None when they hold neither."""
    places, orgs = ctx.notes.get("official_spans", ([], []))
    seg_end = role_segment(ctx, lex, trigger)
    if any(trigger.end <= s.start and s.end <= seg_end for s in list(places) + [o for o, _ in orgs]):
        return seg_end
    return None


def _head_post(ctx: Ctx, lex, person: str, trigger, role: str, sent) -> bool:
    """Write the post an unnamed head's role describes, held by ``person``; False when it makes no post."""
    seg_end = _placed_segment(ctx, lex, trigger) or trigger.end
    # 'губернатор на оперативном совещании': no place, no body: the bare role
    post, acting = write_post(ctx, lex, person, trigger, role, seg_end)
    if post is None:
        return False
    write_tenure(ctx, person, post, acting, sent)
    return True


def _named_before(ctx: Ctx, lex, unnamed, held) -> set:
    """'Пётр Сидоров назначил нового министра … . Об этом сообщил глава региона.': a head's role as the
    subject of a sentence that names no person is the post of the person named in full at the start of the
    previous sentence, as its subject, when that person holds no other post in the article."""
    persons = ctx.notes.get("persons", [])
    doc = ctx.doc
    used = set()
    filled = _filled_roles(ctx, lex)
    for trigger, role in unnamed:
        if not _subject_head(doc, trigger, role, lex) or _filled(ctx, lex, filled, trigger, role):
            continue
        sent = trigger.sent
        if sent.start == 0 or any(sent.start <= ent.start < sent.end for ent, _ in persons):
            continue
        prev = doc[sent.start - 1].sent
        first = next((t for t in prev if not (t.is_space or t.is_punct)), None)
        named = [(ent, key) for ent, key in persons if prev.start <= ent.start < prev.end]
        speaker = _speaker(doc, named, lex)
        if speaker is not None and len({key for _, key in named}) == 1:
            ent, person = speaker       # '«…», – проинформировал Досаев. В ходе встречи аким также отметил …'
            if person in held:
                continue
        else:
            if first is None or not named or named[0][0].start != first.i:
                continue
            ent, person = named[0]
            if person in held or len(_core_parts(ent)) < 2 or _head(ent).morph.get("Case") != ["Nom"] or \
                    len({key for _, key in named}) > 1:
                continue
        if _head_post(ctx, lex, person, trigger, role, sent):
            held.add(person)
            used.add(trigger.start)
    return used


SOLE_WINDOW = 4      # sentences after an unnamed role in which its holder may be named


def _sole_candidate(ctx: Ctx, lex, unnamed, held) -> None:
    """'Министр здравоохранения области ушёл в отставку. … Приказ об увольнении Ивана Петрова подписан.',
    'Губернатор области посетил больницу. Его сопровождали глава района … Юрий Берг пообщался с …': a
    one-holder post written without a name, as a sentence's subject, is held by the person the next
    sentences name in full when that person is the only candidate: the only one there who holds no post
    in the article, is named as a subject (or right after 'увольнение', 'назначение'…), is not described by
    another noun ('пациентка Мария Иванова'), and whose gender does not clash with the role's verb. Names
    in a sentence that speaks of the same role in an oblique case ('Губернатора сопровождали …') are of
    other people."""
    persons = ctx.notes.get("persons", [])
    doc = ctx.doc
    sole = getattr(lex, "SOLE_HOLDER_ROLES", ())
    triggers = [(t, r) for t, r in unnamed if r in sole]
    if not triggers or not persons:
        return
    sent_of = sentence_index(doc)
    by_sent: dict[int, list] = {}
    for ent, key in persons:
        by_sent.setdefault(sent_of.get(ent.start, -1), []).append((ent, key))
    oblique: dict[str, dict[int, set]] = {}         # role -> sentence -> starts of its oblique mentions
    for span, r in trigger_spans(doc, "hc_roles"):
        if r in sole and _head(span).morph.get("Case") not in (["Nom"], []):
            oblique.setdefault(r, {}).setdefault(sent_of.get(span.start, -1), set()).add(span.start)
    appointed = {i for i, kind in trigger_tokens(doc, "hc_appointment").items() if kind == "appointment"}
    filled = _filled_roles(ctx, lex)
    for trigger, role in triggers:
        if not _subject_role(doc, trigger, lex) or is_former(doc, trigger, lex) or \
                _filled(ctx, lex, filled, trigger, role):
            continue
        if role not in lex.SUBJECT_HEAD_ROLES and _placed_segment(ctx, lex, trigger) is None:
            continue                    # 'главный врач' alone: of what?
        n = sent_of.get(trigger.start)
        if n is None or by_sent.get(n):
            continue                    # a name in the role's own sentence is for the sentence's rules
        others = {m for m, starts in oblique.get(role, {}).items() if starts - {trigger.start}}
        # 'Губернатора сопровождали глава района … и депутат …': those with the role's holder are not him
        named = [p for m in range(n + 1, n + 1 + SOLE_WINDOW) if m not in others for p in by_sent.get(m, ())]
        named = [(ent, key) for ent, key in named if not _appointed_there(doc, ent, appointed)]
        candidates = {key for ent, key in named if key not in held}
        if len(candidates) != 1:
            continue
        person = next(iter(candidates))
        mentions = [ent for ent, key in named if key == person]
        if not any(len(_core_parts(ent)) >= 2 for ent in mentions) or \
                not any(_as_subject(doc, ent, lex) for ent in mentions) or \
                any(_described(doc, ent) for ent in mentions) or _gender_clash(trigger, mentions):
            continue
        if _head_post(ctx, lex, person, trigger, role, trigger.sent):
            held.add(person)


def _post_node(ctx: Ctx, post: str, label: str, role: str, juris: str | None, body: str | None) -> None:
    """A post's own statements: label, role concept, jurisdiction and the body it is in."""
    ctx.entity(post, "Post", label)
    ctx.fact(post, "hc:postRole", f"Role:{role}", "concept")
    if juris is not None:
        ctx.fact(post, "hc:jurisdiction", juris)
    if body:
        ctx.fact(post, "hc:postIn", body)


# A region's, district's or town's head in Kazakhstan is its akim.
_AKIM_ROLES = {"head_of_region", "head_of_district"}
_DEPUTY_AKIM_ROLES = {"deputy_head_of_district"}        # 'заместитель главы района' in Kazakhstan: 'заместитель акима'


_KZ_REGION_SUFFIXES = tuple(f"|kz-{n}" for n in range(10, 80))     # 'settlement:…|kz-19': placed in Kazakhstan


def _kazakh_place(key: str) -> bool:
    region = key if key.startswith("region:") else load_gazetteer().region_of(key) or ""
    return region.startswith("region:KZ") or key.endswith(_KZ_REGION_SUFFIXES)


def _appointed_there(doc, ent, appointed) -> bool:
    """'Юрий Кобзев возглавил министерство': a name whose own sentence appoints someone after it takes the post
    that sentence gives, not an unnamed post of a sentence before."""
    sent = ent.sent
    return any(ent.end <= i < sent.end for i in appointed)


def _subject_role(doc, trigger, lex) -> bool:
    """The role is its sentence's subject: nominative, or after a nominative acting marker ('врио
    губернатора области напомнил')."""
    if _head(trigger).morph.get("Case") == ["Nom"]:
        return True
    return is_acting(doc, trigger, lex) and _head(trigger).morph.get("Case") == ["Gen"]


def _as_subject(doc, ent, lex) -> bool:
    """The name is a subject (nominative, in a sentence with a verb: not 'Фото: Иван Петров') or what a
    personnel change concerns ('об увольнении Ивана Петрова')."""
    if _head(ent).morph.get("Case") == ["Nom"]:
        return any(t.pos_ in ("VERB", "AUX") for t in ent.sent)
    j = ent.start - 1
    while j >= 0 and doc[j].is_space:
        j -= 1
    return j >= 0 and doc[j].pos_ == "NOUN" and any(span.start <= j < span.end
                                                    for span, _ in trigger_spans(doc, "hc_appointment"))


def _described(doc, ent) -> bool:
    """'пациентка Мария Иванова', 'его заместитель Пётр Сидоров': a noun right before the name describes
    the person as someone else."""
    j = ent.start - 1
    while j >= 0 and doc[j].is_space:
        j -= 1
    return j >= 0 and doc[j].pos_ == "NOUN" and doc[j].text[:1].islower() and \
        doc[j].morph.get("Case") == _head(ent).morph.get("Case")


def _gender_clash(trigger, mentions) -> bool:
    """'Министр … ушла в отставку' is a woman: a man named next is not her."""
    verb = next((t for t in trigger.sent[trigger.end - trigger.sent.start:] if t.pos_ == "VERB"
                 and t.morph.get("Gender")), None)
    if verb is None:
        return False
    from ..nlp.ru_names import person_gender
    said = {"Masc": "masc", "Fem": "femn"}.get(verb.morph.get("Gender")[0])
    genders = {person_gender([t for t in ent if not t.is_punct]) for ent in mentions} - {None}
    return bool(said and genders and said not in genders)


def _core_parts(ent) -> list:
    return [t for t in ent if t.pos_ == "PROPN" and not t.text.endswith(".")]


def resolve_posts(ctx: Ctx, lex) -> None:
    """After officials and appointments: unnamed heads that name the next person (``_named_next``), then
    'министр здравоохранения Новосибирской области …' and '… министра здравоохранения назначен …': a post
    written without its region or body is the one post of the same role and wording that the article places,
    when there is exactly one."""
    held = {f.subject for f in ctx.facts.values() if f.prop == "hc:holdsPost"}
    taken = ctx.notes.get("appointment_roles", set())
    unnamed = [t for t in ctx.notes.get("unnamed_roles", []) if t[0].start not in taken]
    used = _named_next(ctx, lex, unnamed, held)
    used |= _named_before(ctx, lex, [t for t in unnamed if t[0].start not in used], held)
    _sole_candidate(ctx, lex, [t for t in unnamed if t[0].start not in used], held)
    vacant = [t for t in unnamed if t[0].start not in used and not is_former(ctx.doc, t[0], lex)
              and _placed_segment(ctx, lex, t[0]) is not None]
    posts = ctx.notes.get("posts", {})
    placed: dict[tuple, set] = {}
    for post, (role, juris, body, qualifier) in posts.items():
        if juris or body:
            placed.setdefault((role, qualifier), set()).add(post)
    holders = _post_holders(ctx)
    for post, (role, juris, body, qualifier) in list(posts.items()):
        if juris or body or not ctx.has(post):
            continue
        target = placed.get((role, qualifier), set())
        if len(target) != 1:        # 'министр Пахоменко' after 'министр здравоохранения области К. Пахоменко'
            target = {p for p in posts if posts[p][0] == role and (posts[p][1] or posts[p][2])
                      and holders.get(post) and holders.get(post) <= holders.get(p, set())}
        if len(target) != 1 and not placed.get((role, qualifier)):
            target = _vacant_post(ctx, lex, post, role, vacant, holders)
        if len(target) != 1:
            continue
        new = next(iter(target))
        tenures = [(f.subject, f.value) for f in ctx.facts.values() if f.prop == "hc:tenurePost" and f.value == post]
        for tenure, _ in tenures:
            person = next(f.value for f in ctx.facts.values() if f.subject == tenure and f.prop == "hc:tenureOf")
            ctx.rename(tenure, make_key("tenure", person, new, _tenure_suffix(ctx, tenure)))
        ctx.rename(post, new)
    _merge_shortened_posts(ctx)
    _pronoun_deputies(ctx, lex)
    _bare_deputies(ctx, lex)


POSSESSIVES = ("его", "её", "ее", "свой")
DEPUTY_WORDS = ("заместитель", "зам")
# The deputy's role by the role of the post deputised (else 'заместитель руководителя').
DEPUTY_OF = {"governor": "deputy_governor", "akim": "deputy_akim", "minister": "deputy_minister",
             "head_of_district": "deputy_head_of_district",
             "chair": "deputy_chair", "prime_minister": "deputy_prime_minister"}


def _pronoun_deputies(ctx: Ctx, lex) -> None:
    """'главный врач больницы Сергей Петров и его заместитель Иван Орлов', 'министр … отправил комиссию во
    главе со своим замом Иваном Орловым': a deputy named by a possessive is the deputy of the post that the
    person named last before it (in that sentence or the one before) was written with."""
    doc = ctx.doc
    holds: dict[str, set] = {}
    for f in ctx.facts.values():
        if f.prop == "hc:holdsPost":
            holds.setdefault(f.subject, set()).add(f.value)
    posts = ctx.notes.get("posts", {})
    persons = ctx.notes.get("persons", [])
    for n, (ent, person) in enumerate(persons):
        deputy = _possessive_deputy(doc, ent)
        if deputy is None:
            continue
        lower = sent_bounds(doc, max(ent.sent.start - 1, 0))[0]
        before = [(e, p) for e, p in persons[:n] if e.start >= lower and e.end <= deputy.start and p != person]
        if not before:
            continue
        ref_ent, ref = before[-1]
        if ref_ent.start < ent.sent.start and len({p for e, p in before if e.start < ent.sent.start}) > 1:
            continue    # 'Его заместителю …' opening a sentence after one that names two persons: whose?
        spots = [(m.begin, m) for m in ctx.mentions.values() if m.role == "name" and m.key in holds.get(ref, ())
                 and m.key in posts and doc[lower].idx <= m.begin and m.end <= deputy.start_char]
        if not spots:
            continue
        mention = max(spots, key=lambda x: x[0])[1]
        span = doc.char_span(mention.begin, mention.end, alignment_mode="expand")
        role, juris, body, qualifier = posts[mention.key]
        new_role = DEPUTY_OF.get(role, "deputy_head")
        words = to_nominative(list(span), "gent")
        label = f"заместитель {words[:1].lower()}{words[1:]}"
        post = post_key(new_role, juris, body, f"{role} {qualifier}".strip())
        posts[post] = (new_role, juris, body, f"{role} {qualifier}".strip())
        _post_node(ctx, post, label, new_role, juris, body)
        ctx.mention(post, deputy.start_char, deputy.end_char)
        write_tenure(ctx, person, post, False, ent.sent)


def _bare_deputies(ctx: Ctx, lex) -> None:
    """'исполнять обязанности министра здравоохранения региона будет нынешний первый заместитель Андрей Сухарев':
    a bare 'заместитель' (no head named after it, no possessive before it) right before a name, in a sentence
    whose last role word before it is a one-holder head's (``DEPUTY_OF``), is the deputy of that head's post:
    the post written for that role word, else the article's one placed post of that role."""
    doc = ctx.doc
    posts = ctx.notes.get("posts", {})
    roles = [(span, role) for span, role in trigger_spans(doc, "hc_roles") if ctx.live(span)]
    for ent, person in ctx.notes.get("persons", []):
        j = ent.start - 1
        while j > ent.sent.start and doc[j].is_space:
            j -= 1
        word = doc[j]
        if j <= ent.sent.start or lemma(word) not in DEPUTY_WORDS or not word.is_lower or \
                word.morph.get("Number") == ["Plur"] or _covered([s for s, _ in roles], j):
            continue
        k = j - 1
        while k > ent.sent.start and doc[k].pos_ == "ADJ" and j - k <= 2:
            k -= 1
        if doc[k].lower_ in POSSESSIVES or lemma(doc[k]) in POSSESSIVES:
            continue                    # 'его заместитель': _pronoun_deputies
        before = [(span, role) for span, role in roles if ent.sent.start <= span.start and span.end <= k + 1]
        if not before or before[-1][1] not in DEPUTY_OF:
            continue
        span, role = before[-1]
        written = [m.key for m in ctx.mentions.values() if m.key in posts and m.begin == span.start_char]
        placed = {p for p, (r, juris, body, _) in posts.items() if r == role and (juris or body)}
        target = written[0] if len(set(written)) == 1 else placed.pop() if len(placed) == 1 else None
        if target is None:
            continue
        base_role, juris, body, qualifier = posts[target]
        new_role = DEPUTY_OF[base_role] if base_role in DEPUTY_OF else None
        if new_role is None:
            continue
        words = to_nominative(list(span), "gent")
        label = f"заместитель {words[:1].lower()}{words[1:]}"
        post = post_key(new_role, juris, body, f"{base_role} {qualifier}".strip())
        posts[post] = (new_role, juris, body, f"{base_role} {qualifier}".strip())
        _post_node(ctx, post, label, new_role, juris, body)
        ctx.mention(post, word.idx, word.idx + len(word.text))
        write_tenure(ctx, person, post, False, ent.sent)


def _possessive_deputy(doc, ent):
    """'его заместитель [по лечебной работе] Иван Орлов' -> the span 'его заместитель', else None."""
    j = ent.start - 1
    while j > ent.sent.start and ent.start - j <= 6 and (doc[j].is_lower and doc[j].pos_ in ("NOUN", "ADJ", "ADP",
                                                                                                "CCONJ")
                                                          and lemma(doc[j]) not in DEPUTY_WORDS):
        j -= 1                          # a portfolio: 'по поликлинической части'
    if j <= ent.sent.start or lemma(doc[j]) not in DEPUTY_WORDS or doc[j].morph.get("Number") == ["Plur"]:
        return None
    if j + 1 < ent.start and doc[j + 1].lower_ != "по":
        return None
    k = j - 1
    while k > ent.sent.start and doc[k].pos_ == "ADJ" and j - k <= 2:
        k -= 1                          # 'его новый заместитель', 'его первый заместитель'
    if doc[k].lower_ not in POSSESSIVES and lemma(doc[k]) not in POSSESSIVES:
        return None
    return doc[k:j + 1]


def _merge_shortened_posts(ctx: Ctx) -> None:
    """'руководитель управления Роспотребнадзора по Курганской области Иван Петров …; руководитель управления
    Роспотребнадзора Иван Петров': a post of a body with no place, held by someone who holds one placed post of
    the same role whose label holds every word of it, is that placed post written short."""
    posts = ctx.notes.get("posts", {})
    holders = _post_holders(ctx)

    def words(post):
        labels = [label for (lang, label), _ in ctx.labels.get(post, {}).items() if lang in (None, "ru")]
        return {w.lower() for label in labels for w in label.split()}

    for post, (role, juris, body, _) in list(posts.items()):
        if juris or not body or not ctx.has(post) or _body_place(ctx, body) or len(holders.get(post, ())) != 1:
            continue
        person = next(iter(holders[post]))
        target = {p for p, (r, j, _b, _q) in posts.items() if p != post and r == role and j and ctx.has(p)
                  and person in holders.get(p, ()) and words(post) <= words(p)}
        if len(target) != 1:
            continue
        new = target.pop()
        for tenure in [f.subject for f in ctx.facts.values() if f.prop == "hc:tenurePost" and f.value == post]:
            ctx.rename(tenure, make_key("tenure", person, new, _tenure_suffix(ctx, tenure)))
        ctx.rename(post, new)


def _post_holders(ctx: Ctx) -> dict[str, set]:
    """Post -> the persons who hold it now (``hc:holdsPost``)."""
    holders: dict[str, set] = {}
    for f in ctx.facts.values():
        if f.prop == "hc:holdsPost":
            holders.setdefault(f.value, set()).add(f.subject)
    return holders


def _vacant_post(ctx: Ctx, lex, post: str, role: str, vacant, holders) -> set:
    """'… освободил от должности главврача республиканской больницы. Исполнять обязанности главного врача
    будет Иван Петров': a post written by its role alone is the post the article names, with its place or
    body, for nobody, when it names exactly one such of that role -> {that post} (written for the holder),
    else an empty set."""
    found = [t for t in vacant if t[1] == role]
    people = holders.get(post, set())
    if len(found) != 1 or len(people) != 1:
        return set()
    trigger, _ = found[0]
    new, _ = write_post(ctx, lex, next(iter(people)), trigger, role, _placed_segment(ctx, lex, trigger))
    return {new} if new is not None and new != post else set()


def _drop_bare_duplicates(ctx: Ctx) -> None:
    """'Президент Саркози' after 'президент Франции Николя Саркози': one post, not two."""
    holds = [(f.subject, f.value) for f in ctx.facts.values() if f.prop == "hc:holdsPost"]
    roles = {f.subject: f.value for f in ctx.facts.values() if f.prop == "hc:postRole"}
    placed = {f.subject for f in ctx.facts.values() if f.prop in ("hc:jurisdiction", "hc:postIn")}
    full = {(person, roles.get(post)) for person, post in holds if post in placed}
    for person, post in holds:
        if post not in placed and (person, roles.get(post)) in full and post.endswith(person):
            ctx.forget(post)


def _singular(trigger) -> bool:
    """'президенты 50 стран' names no one post; 'министр иностранных дел' is singular by its head."""
    head = next((t for t in trigger if t.pos_ == "NOUN"), trigger[0])
    return head.morph.get("Number") != ["Plur"]


def _bridge(tok, places, orgs, lex) -> bool:
    """Can this token sit between a role word and a name ('губернатор [Тверской области] Иван',
    'посол Японии [в Чехии]', 'министр [связи и коммуникаций РФ]', 'глава [Business NZ]')?"""
    if tok.ent_type_ == "PER":
        return False                              # another person's name: 'журналист Ши Тао (Shi Tao)'
    if _covered(places, tok.i) or _covered(orgs, tok.i):
        return True
    if tok.text in ("«", "»", '"', "„", "“", "”", "‟", "№", "-", "(", ")") or tok.like_num:
        return True
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if tok.text == "," and _listed_portfolio(tok):
        return True                               # 'министр труда[,] занятости и социальной защиты'

    if tok.pos_ == "ADP" and _reason_after(tok, lex):
        return False                              # 'министра [по собственному желанию]': a reason, no portfolio
    if nxt is not None and nxt.pos_ in ("NOUN", "PROPN", "ADJ") and (
            (tok.pos_ == "ADP" and lemma(tok) in lex.BRIDGE_PREPOSITIONS) or (tok.pos_ == "CCONJ" and lemma(tok) == "и")
            or (tok.pos_ in ("DET", "PRON") and lemma(tok) in lex.DEMONSTRATIVES)):
        return True                               # '… в [Чехии]', 'руководителя [этого] учреждения'
    if tok.text[:1].isupper() and (tok.pos_ in ("PROPN", "X") or tok.text.isascii()):
        return True
    j = tok.i - 1
    case, joined = tok.morph.get("Case"), False
    while j > tok.sent.start and tok.i - j <= 8 and (
            tok.doc[j].pos_ == "ADJ" or (tok.doc[j].pos_ == "CCONJ" and lemma(tok.doc[j]) == "и") or
            (joined and tok.doc[j].pos_ == "NOUN" and case and tok.doc[j].morph.get("Case") == case)):
        joined = joined or tok.doc[j].pos_ == "CCONJ"
        j -= 1                                    # '… по [социальной] политике', '… по науке [и] […] политике'
    prev = tok.doc[j] if j >= 0 else None
    if prev is not None and prev.pos_ == "ADP" and lemma(prev) in lex.BRIDGE_PREPOSITIONS and \
            tok.pos_ in ("NOUN", "PROPN", "ADJ") and not _reason_after(prev, lex):
        return True                               # '… при [прокуратуре]', '… в [Чехии]'

    return tok.pos_ in ("NOUN", "ADJ", "PROPN") and (is_genitive(tok) or tok.text.isupper())


def _listed_portfolio(comma) -> bool:
    """A comma inside a listed portfolio: genitive nouns on both sides ('управления строительства, архитектуры
    и градостроительства'), the list closed by 'и' a few words on."""
    doc = comma.doc
    if comma.i == 0 or comma.i + 1 >= len(doc):
        return False
    prev, nxt = doc[comma.i - 1], doc[comma.i + 1]
    if prev.pos_ != "NOUN" or not is_genitive(prev) or nxt.pos_ not in ("NOUN", "ADJ") or not is_genitive(nxt) \
            or not nxt.is_lower:
        return False
    rest = doc[comma.i + 1:min(comma.sent.end, comma.i + 7)]
    for t in rest:
        if t.pos_ == "CCONJ" and lemma(t) == "и":
            return True
        if t.pos_ not in ("NOUN", "ADJ") and t.text != ",":
            return False
    return False


def _reason_after(prep, lex) -> bool:
    """'по собственному желанию', 'по решению губернатора': the first noun after 'по' names a reason."""
    if prep.lower_ != "по":
        return False
    noun = next((t for t in prep.doc[prep.i + 1:prep.i + 4] if t.pos_ == "NOUN"), None)
    return noun is not None and lemma(noun) in getattr(lex, "REASON_NOUNS", ())


def _left(doc, ent, by_end, places, orgs, lex):
    j = ent.start
    for _ in range(MAX_GAP + 1):
        if j in by_end:
            trigger, role = by_end[j]
            end = ent.start - 1 if doc[ent.start - 1].text in ("—", "–") else ent.start
            return (*_outer(doc, trigger, role, by_end, lex), end)
        if j - 1 < ent.sent.start or not (_bridge(doc[j - 1], places, orgs, lex) or
                                          (j == ent.start and doc[j - 1].text in ("—", "–"))):
            return None                     # a dash only right before the name: 'нового главного врача — Антона …'
        j -= 1
        body = _span_at(orgs, j)            # a body's or facility's whole name is one step ('ГБУЗ «… имени З.С. Фишера»')
        if body is not None and ent.sent.start <= body.start < j:
            # … unless a role word ends inside it ('министр здравоохранения области'): stop there
            j = max((k for k in range(body.start + 1, j + 1) if k in by_end), default=body.start)
    return None


def _span_at(spans, i: int):
    """The span of ``spans`` (or of (span, key) pairs) that holds token ``i``, if any."""
    if not _covered(spans, i):
        return None
    return next((sp for sp in (s if isinstance(s, Span) else s[0] for s in spans) if sp.start <= i < sp.end), None)


_OBLIQUE = {"Dat": "datv", "Ins": "ablt", "Loc": "loct"}


def _case_clash(trigger, ent, lex=None) -> bool:
    """'пожелал новому министру Пётр Иванович': a role in the dative, instrumental or locative is in
    apposition only to a name in the same case; a name that cannot be in that case is the sentence's subject."""
    from ..nlp import natasha_adapter as na

    if _head(trigger).morph.get("Case") == ["Gen"]:
        if lex is None or is_acting(trigger.doc, trigger, lex):
            return False                  # 'врио губернатора Иван Петров': the acting marker is the head
        if trigger[0].text[:1].isalpha() and not any(p.tag.case == "gent" for p in na.parses(trigger[0].text)):
            return False    # 'Председатель Правительства РФ Игорь …': the title's own word is nominative
        if _apposition_head(ent) is not None and _apposition_head(ent) < trigger.start:
            return True     # 'специалист Администрации Президента … М.Н.Алексеева': the specialist's name
        # 'указом главы государства Алексей Цой освобождён': a given name that cannot be genitive
        if _nominative_surname(ent):
            return True     # 'указом губернатора Ерлан Сарсенов назначен': '-ов' is never a genitive
        return any(tok.is_alpha and any("Name" in p.tag for p in parses) and
                   not any(p.tag.case in ("gent", "accs") or "Fixd" in p.tag for p in parses)
                   for tok in ent for parses in [na.parses(tok.text)])
    case = _OBLIQUE.get(next(iter(_head(trigger).morph.get("Case")), None))
    if case is None:
        return False
    cases = {case}
    if case == "loct" and not _preposition_before(trigger):
        cases.add("datv")       # 'сообщил акиму области Ерлану …': a locative needs a preposition; the tagger's
        #                         locative of an unknown word ('акиму') with none before it is a dative
    for tok in ent:
        if tok.is_alpha and any(p.tag.case in cases or "Fixd" in p.tag for p in na.parses(tok.text)):
            return False                        # 'министру Ивану Петрову', 'министру Айгуль …'
    return True


def _preposition_before(span) -> bool:
    """A preposition governs the role ('о министре', 'при новом акиме'): only adjectives between."""
    doc = span.doc
    j = span.start - 1
    while j > span.sent.start and (doc[j].is_space or doc[j].pos_ in ("ADJ", "DET")):
        j -= 1
    return j >= span.sent.start and doc[j].pos_ == "ADP"


def _nominative_surname(ent) -> bool:
    """The name ends in a man's surname in the nominative ('Сарсенов', 'Досаев', 'Ильин'): its genitive and
    accusative end in '-а' ('Сарсенова'), so the name is no genitive apposition, whatever its given name."""
    last = next((t for t in reversed(list(ent)) if t.is_alpha), None)
    return last is not None and last.i > ent.start and last.text[:1].isupper() and len(last.text) > 4 and \
        last.text.lower().endswith(("ов", "ев", "ёв", "ин", "ын"))


def _apposition_head(ent) -> int | None:
    """The index of the nominative noun a name stands in apposition to, across the genitive chain between."""
    from ..nlp.ru_names import apposition_noun

    tok = apposition_noun(ent[0])
    return tok.i if tok is not None and tok.morph.get("Case") == ["Nom"] else None


def _chained(doc, trigger, ent, by_end, places, orgs, lex):
    """A role before a comma or a dash before the role of a name is that name's too: 'лидер Меджлиса, народный
    депутат Украины Мустафа Джемилев', 'первый заместитель губернатора области – председатель правительства
    области Иван Петров' -> (trigger, role, end of its description) or None."""
    comma = trigger.start - 1
    while comma > ent.sent.start and (doc[comma].pos_ == "ADJ" or doc[comma].is_space):
        comma -= 1                                  # ', [народный] депутат'
    joined = doc[comma].pos_ == "CCONJ" and doc[comma].lower_ == "и"
    if comma <= ent.sent.start or not (joined or doc[comma].text in (",", "–", "—", "-")):
        return None

    class _Before:                                  # where the outer role's description must end
        start, sent = comma, ent.sent
    found = _left(doc, _Before, by_end, places, orgs, lex)
    if found is not None and joined and not _one_holder(doc, found[0], trigger):
        return None
    return found


def _one_holder(doc, outer, inner) -> bool:
    """'Курировать отрасль будет замгубернатора и руководитель управления Анна Белова': two nominative titles
    joined by 'и' before one name are that person's, unless a plural verb makes them two people ('губернатор
    и министр Анна Белова посетили …')."""
    if _head(outer).morph.get("Case") != ["Nom"] or _head(inner).morph.get("Case") != ["Nom"]:
        return False
    return not any(t.pos_ in ("VERB", "AUX") and t.morph.get("Number") == ["Plur"] and
                   t.morph.get("VerbForm") != ["Part"] for t in outer.sent)


def _outer(doc, trigger, role, by_end, lex):
    """'полномочный представитель [президента] …', 'помощник [губернатора] …': a role in the genitive right
    after another role word belongs to that role's description; the outer role is the post."""
    while trigger.start in by_end and _head(trigger).morph.get("Case") == ["Gen"]:
        trigger, role = by_end[trigger.start]
    return trigger, role


def _head(trigger):
    return next((t for t in trigger if t.pos_ == "NOUN"), trigger[-1])


def _right(doc, ent, triggers):
    """'Name, [acting] role …' or 'Name — role …': a comma or dash, then the role within a few tokens."""
    if ent.end >= len(doc) or doc[ent.end].text not in (",", "—", "–", "-"):
        return None
    for trigger, role in triggers:
        if ent.end < trigger.start <= ent.end + 5 and trigger.sent.start == ent.sent.start:
            if any(t.pos_ == "PRON" and lemma(t) != "который" for t in doc[ent.end + 1:trigger.start]):
                return None     # 'Анна Белова, по её словам главврач …': another clause, another person's role
                #                 ('Анна Белова, которая была заместителем …' is hers)
            end = trigger.end
            while end < ent.sent.end and end - trigger.end < MAX_GAP and not _ends_apposition(doc[end]):
                end += 1
            if end < ent.sent.end and doc[end].ent_type_ == "PER":
                return None     # 'Иван Петров, главный врач больницы Сергей Сидоров …': the next name's role
            return trigger, role, end
    return None


def _role_place(ctx, role) -> str | None:
    """'Президент Саркози' in an article that also says 'президент Франции': the one place the article
    gives this role."""
    found = ctx.notes.get("role_places", {}).get(role, set())
    return next(iter(found)) if len(found) == 1 else None


def role_places(doc, triggers, places) -> dict[str, set]:
    """role -> the places named right after its mentions ('президент Франции прибыл')."""
    out: dict[str, set] = {}
    starts = {p.start: p for p in places if p.label_ in ("Country", "Region", "Settlement")}
    for trigger, role in triggers:
        place = starts.get(trigger.end)
        if place is not None:
            out.setdefault(role, set()).add(place.id_)
    return out


def _unnamed_body(ctx, segment, places) -> str | None:
    """'Глава Роскосмоса Анатолий Перминов': capitalised words between the post and the name that no
    extractor recognised name the body the post belongs to."""
    toks = [t for t in segment if not t.is_space and not t.is_punct
            and not any(p.start <= t.i < p.end for p in places)]
    if not toks or not toks[0].text[:1].isupper() or len(toks) > 6:
        return None
    label = to_nominative(toks)
    key = make_key("org", label)
    ctx.entity(key, "Organization", label[:1].upper() + label[1:], alt=segment.text.strip())
    ctx.mention(key, toks[0].idx, toks[-1].idx + len(toks[-1].text))
    return key


def _gazetteer_place(ctx, key) -> bool:
    place = load_gazetteer().get(key)
    if place is None:
        return False
    for lang, label in place.labels.items():
        ctx.entity(key, place.cls, label, lang)
    return True


def _ends_apposition(tok) -> bool:
    """'Иван Петров, директор школы №5, сказал': the post's description stops at a clause boundary."""
    return tok.text in (",", ".", ";", ":", "—", "–", "(", ")") or tok.pos_ in ("VERB", "AUX") or \
        tok.ent_type_ == "PER"


def is_acting(doc, trigger, lex) -> bool:
    start = trigger.start
    text_before = doc[max(trigger.sent.start, start - 4):start].text.lower()
    if "и.о" in text_before or "врио" in text_before or "и. о." in text_before:
        return True
    window = max(trigger.sent.start, start - 4)
    j = start
    while j > window and doc[j - 1].is_space:
        j -= 1
    if any(span.end == j and span.start >= window for span, _ in trigger_spans(doc, "hc_acting")):
        return True
    return "исполня" in text_before and "обязанност" in text_before


def _tenure(ctx, lex, person, ent, trigger, role, seg_end) -> None:
    former = is_former(ctx.doc, trigger, lex)
    post, acting = write_post(ctx, lex, person, trigger, role, seg_end)
    if post is not None and former:    # 'бывший министр', 'экс-губернатор': a tenure that has ended
        write_former_tenure(ctx, person, post, ent.sent)
    elif post is not None:
        write_tenure(ctx, person, post, acting, ent.sent)


def is_former(doc, trigger, lex) -> bool:
    """A post once held: the role word starts with a prefix of ``lex.FORMER_PREFIXES`` ('экс-губернатор') or
    the word before it is one of ``lex.FORMER_WORDS`` ('бывший министр'; kg/patterns/ru/former.json), or it is
    an instrumental after the past of 'быть' ('был министром')."""
    if trigger[0].lower_.startswith(getattr(lex, "FORMER_PREFIXES", ())):
        return True
    j = trigger.start - 1
    while j >= 0 and doc[j].is_space:
        j -= 1
    if j >= 0 and lemma(doc[j]) in getattr(lex, "FORMER_WORDS", ()):
        return True
    while j > trigger.sent.start and (doc[j].is_space or doc[j].pos_ == "ADJ"):
        j -= 1                          # 'была [первым] заместителем'
    return _head(trigger).morph.get("Case") == ["Ins"] and j >= trigger.sent.start and lemma(doc[j]) == "быть" \
        and doc[j].lower_.startswith("был")
    # 'которая ранее была министром здравоохранения', 'Ранее Петров был руководителем агентства': the past of
    # 'быть' with an instrumental role is a post held before ('является', 'будет' are not)


def role_segment(ctx: Ctx, lex, trigger) -> int:
    """Where the description after a role word ends: 'министра [здравоохранения Новосибирской области]'."""
    places, orgs = ctx.notes.get("official_spans", ([], []))
    doc, end = ctx.doc, trigger.end
    while end < trigger.sent.end and end - trigger.end < MAX_GAP and _bridge(doc[end], places, orgs, lex) \
            and not _ends_apposition(doc[end]) and dash_title(ctx, end) is None:
        end += 1
    return end


def dash_title(ctx: Ctx, end: int):
    """'зампреда правительства области – министра здравоохранения региона': a dash at token ``end`` right
    before a role word starts a second title of the same person -> (span, role) of that role, or None."""
    doc = ctx.doc
    if end + 1 >= len(doc) or doc[end].text not in ("-", "–", "—") or doc[end].sent.start != doc[end + 1].sent.start:
        return None
    starts = ctx.notes.get("role_starts")
    if starts is None:
        starts = ctx.notes["role_starts"] = {span.start: (span, role) for span, role in trigger_spans(doc, "hc_roles")
                                             if ctx.live(span) and _singular(span)}
    return starts.get(end + 1)


def write_post(ctx: Ctx, lex, person, trigger, role, seg_end, body=None):
    """The post a role word (and the words after it up to ``seg_end``) names -> (post key or None, acting).
    With ``body`` given, ``trigger`` is that body's span ('возглавил больницу') and the role is implied."""
    places, orgs = ctx.notes.get("official_spans", ([], []))
    doc = ctx.doc
    implied = body is not None
    seg_start = trigger.end
    seg_end = seg_start if seg_end is None else seg_end
    juris_span = next((s for s in _starting_in(places, seg_start, max(seg_end, seg_start))
                       if seg_start <= s.start and s.end <= max(seg_end, seg_start)
                       and s.label_ in ("Region", "Settlement", "Country")), None)
    juris = juris_span.id_ if juris_span is not None else None
    national = _national_body(ctx, doc[seg_start:seg_end], lex) if body is None else None
    if national is not None:        # 'депутат Госдумы от Рязанской области': the country's parliament
        juris, juris_span = national, None
    adjective = adjective_place(doc[trigger.start - 1], lex) \
        if trigger.start > trigger.sent.start and not implied else None
    if juris is None and adjective and (ctx.has(adjective) or _gazetteer_place(ctx, adjective)):
        juris = adjective
        before = doc[trigger.start - 1]
        ctx.mention(juris, before.idx, before.idx + len(before.text))     # 'подмосковный' names the region
    if body is None:
        body = next((key for s, key in _starting_in(orgs, seg_start, seg_end) if seg_start <= s.start and s.end <= seg_end),
                    None)
        role = _head_of_place(doc, seg_start, seg_end, _ministry_role(doc, seg_start, seg_end, role, lex), lex)
        if body is None:
            body = _facility_referred(ctx, lex, doc[seg_start:seg_end])
        if body is None:
            body = _body_referred(ctx, lex, doc[seg_start:seg_end])
            if body is not None and role in lex.MINISTRY_HEAD_ROLES and \
                    body.partition(":")[2].startswith(lex.MINISTRY_PREFIXES):
                role = lex.MINISTRY_HEAD_ROLES[role]    # 'глава ведомства' after 'Министерства здравоохранения'
                #                                         is the minister
        if body is None and juris is None and role == "head" and _refers_to_body(doc[seg_start:seg_end], lex):
            prior = _prior_ministry_post(ctx, lex) or _placed_ministry_post_before(ctx, lex, trigger.start_char)
            if prior is not None:       # 'руководитель ведомства' after 'министр здравоохранения …': that post
                ctx.mention(prior, trigger.start_char, doc[seg_end - 1].idx + len(doc[seg_end - 1].text))
                return prior, is_acting(doc, trigger, lex)
        if body is None and juris is None and role in lex.DISTRICT_HEAD_ROLES and \
                all(t.pos_ != "PROPN" for t in doc[seg_start:seg_end]):
            juris = _sole_district(ctx)             # 'глава района' in a text about one district
        if body is None and juris is None and role in lex.DISTRICT_HEAD_ROLES and seg_end == seg_start:
            juris = context_region(ctx, trigger)    # 'Глава района Иван Петров' in a text about one region: the
            #                                         head of a district of it (the district unnamed)
        if body is None and juris is None and role in _CITY_HEAD_ROLES and _bare_town(trigger, doc[seg_start:seg_end], lex):
            juris = _sole_city(ctx)     # 'аким города Габит …' in a text about Shymkent: Shymkent's akim
        if body is None and juris is None and role == "chief_physician" and seg_end == seg_start:
            start, end = sent_bounds(doc, trigger.start)
            body = _one_hospital(ctx, lex, start, end) or _one_hospital(ctx, lex) or \
                (_one_hospital(ctx, lex, *sent_bounds(doc, start - 1)) if start > 0 else None)
            # '… представил коллективу больницы нового главного врача — …', 'главврач Ольга Петрова' in a text
            # about one hospital
        if body is None and juris is None and role == "deputy_head" and _portfolio_only(doc[seg_start:seg_end], lex) \
                and any(lemma(t) in lex.HOSPITAL_DEPUTY_WORDS for t in trigger):
            start, end = sent_bounds(doc, trigger.start)
            body = _one_hospital(ctx, lex, start, end) or _one_hospital(ctx, lex)
            # 'заместитель главврача по медчасти Иван Петров' in a text about one hospital: that hospital's
        if body is not None and role in lex.FACILITY_HEAD_ROLES and _is_hospital(ctx, body, lex):
            role = lex.FACILITY_HEAD_ROLES[role]        # the head of a hospital is its chief physician
        if body is None and role in lex.MINISTRY_ROLES and seg_end == seg_start or (
                body is None and role in lex.MINISTRY_ROLES and not _has_place(places, seg_start, seg_end)):
            body = _ministry_in_sentence(ctx, trigger, orgs, lex)
            if body is None and seg_end == seg_start:
                body = _sole_placed_ministry(ctx, orgs, lex)   # 'заместитель министра Н.А.Осипова' in a text
                                                                # about one region's ministry
            if body is None and (seg_end == seg_start or _refers_to_body(doc[seg_start:seg_end], lex)) and \
                    role != "minister" and juris is None:       # 'заместитель министра', 'вице-министр ведомства'
                prior = _placed_ministry_post_before(ctx, lex, trigger.start_char)
                if prior is not None:   # 'заместитель министра Иван Петров' after 'министр здравоохранения
                    _, juris, body, _ = ctx.notes["posts"][prior]       # Хакасии': that minister's deputy
        if body is None and juris is None and seg_end == seg_start and role in _DEPUTISED:
            prior = _deputised_post_near(ctx, trigger, _DEPUTISED[role])
            if prior is not None:       # 'По поручению акима города Алматы … заместитель акима Ержан …': the
                _, juris, body, _ = ctx.notes["posts"][prior]       # deputy of that akim
        if juris is None:
            juris = _abbreviated_region(ctx, lex, doc[seg_start:seg_end], trigger)
        if juris is None and _regional(doc, trigger, seg_start, seg_end, places, role, body, lex) \
                and role not in lex.NATIONAL_ONLY_IN.get(_context_country(ctx), ()):
            juris = context_region(ctx, trigger)
            if juris is not None and role in lex.PORTFOLIO_ROLES:
                juris = _ministerless_region_country(ctx, juris, lex) or juris
    if juris is None and body is not None:
        juris = _body_place(ctx, body)            # the post of a placed body is placed with it
    if juris is None and body is not None and not implied and "minister" in lex.NATIONAL_ONLY_IN.get(
            _context_country(ctx), ()) and any(lemma(t).startswith(lex.MINISTRY_PREFIXES + tuple(
                lex.NATIONAL_BODY_PREFIXES_IN.get(_context_country(ctx), ()))) for t in doc[seg_start:seg_end]):
        country = f"country:{_context_country(ctx)}"   # 'глава Комитета … Министерства здравоохранения',
        if ctx.has(country) or _gazetteer_place(ctx, country):   # 'председатель Агентства по делам госслужбы'
            #                                                        in Kazakhstan: a ministry, an agency is national
            juris = country
    if juris is None and body is not None and body.startswith("org:") and not implied and \
            _local_body(doc, seg_start, seg_end, orgs, body, lex):
        juris = context_region(ctx, trigger)     # 'начальник отдела социальной защиты' in a one-region text
        if juris is not None and role in lex.PORTFOLIO_ROLES:
            juris = _ministerless_region_country(ctx, juris, lex) or juris      # 'глава Минздрава' in Moscow
    if juris is None and body is None and not implied and _of_head_of_state(doc, seg_start, seg_end, lex):
        country = f"country:{_context_country(ctx)}"   # 'полпред президента в СФО': a federal post
        if _context_country(ctx) and (ctx.has(country) or _gazetteer_place(ctx, country)):
            juris = country
    if juris is None and body is None and role in lex.NATIONAL_ONLY_IN.get(_context_country(ctx), ()):
        country = f"country:{_context_country(ctx)}"   # Kazakhstan's regions have no ministers
        if ctx.has(country) or _gazetteer_place(ctx, country):
            juris = country
    if body is None and juris is None:
        body = _unnamed_body(ctx, doc[seg_start:seg_end], places)
    if role in _AKIM_ROLES and juris is not None and _kazakh_place(juris):
        role = "akim"                             # 'глава региона' in Kazakhstan: the region's akim
    if role in _DEPUTY_AKIM_ROLES and juris is not None and _kazakh_place(juris):
        role = "deputy_akim"
    qualifier = " ".join(t.text for t in doc[seg_start:seg_end]
                         if not t.is_space and (juris_span is None or t.i < juris_span.start)
                         and not (t.text.isupper() and (t.text.lower(),) in lex.REGION_ABBREVIATIONS)
                         and t.pos_ in ("NOUN", "PROPN") and is_genitive(t)
                         and not _covered(orgs, t.i))
    if role == "head" and body is None and juris is not None and juris.startswith("region:") and juris_span is not None \
            and not any(t.pos_ in ("NOUN", "PROPN") for t in doc[seg_start:juris_span.start]):
        role = "head_of_region"                      # 'глава Бурятии', not 'глава администрации района'
    if role == "head_of_administration" and juris_span is not None and juris_span.start == seg_start and \
            juris.startswith("region:"):
        role = "head_of_region"                      # 'глава администрации Липецкой области': the region's head
    if role == "head_of_region" and juris is not None:
        role = _region_head_role(ctx, juris, lex)   # 'глава региона' of an oblast, in a text that says 'губернатор'
    if juris is None and body is None and qualifier and not implied:
        first = next((t for t in doc[seg_start:seg_end] if t.pos_ == "NOUN"), None)
        if first is not None and lemma(first) in lex.LOCAL_BODY_HEADS:
            juris = context_region(ctx, trigger)  # 'начальник отдела социальной защиты населения'
    bare = juris is None and body is None and not qualifier
    if bare and (role not in lex.STANDALONE_ROLES or seg_end != seg_start):
        return None, False
    if bare:
        juris = _role_place(ctx, role)
        bare = juris is None
    acting = is_acting(doc, trigger, lex)
    if implied:
        body_words = to_nominative(list(trigger), "gent")
        if trigger[0].i == trigger.sent.start and trigger[0].pos_ == "NOUN":
            body_words = body_words[:1].lower() + body_words[1:]    # capitalised only as the sentence's start
        label = f"{ROLE_LABELS[role][0]} {body_words}"
    else:
        first = trigger.start - 1 if juris is not None and juris_span is None and adjective else trigger.start
        role_label = _expanded_deputy(doc[first:trigger.end]) or to_nominative(list(doc[first:trigger.end])) or \
            ROLE_LABELS[role][0]                  # 'подмосковный губернатор'
        role_label = role_label[:1].lower() + role_label[1:]
        label = f"{role_label} {doc[seg_start:seg_end].text.strip(' ,')}".strip()
    # A post named by its role alone ('Президент Саркози') is that person's post, not a shared one.
    post = post_key(role, juris, body, qualifier, person if bare else None)
    ctx.notes.setdefault("posts", {})[post] = (role, juris, body, qualifier.lower())
    _post_node(ctx, post, label, role, juris, body)
    ctx.mention(post, trigger.start_char, doc[seg_end - 1].idx + len(doc[seg_end - 1].text)
                if seg_end > seg_start else trigger.end_char)
    return post, acting


def _national_body(ctx: Ctx, segment, lex) -> str | None:
    """'депутат Госдумы', 'член Совета Федерации', 'депутат Мажилиса': the description opens with the name of
    a country's national body (``NATIONAL_BODIES``, one or two lemmas) -> that country's key, when known."""
    words = [lemma(t) for t in segment[:2] if not t.is_space]
    for n in (2, 1):
        code = lex.NATIONAL_BODIES.get(" ".join(words[:n])) if len(words) >= n else None
        if code is not None:
            country = f"country:{code}"
            return country if ctx.has(country) or _gazetteer_place(ctx, country) else None
    return None


def _ministerless_region_country(ctx: Ctx, juris: str, lex) -> str | None:
    """'министр здравоохранения' in a text whose region is Moscow: a federal city has departments and committees,
    no ministries (``MINISTERLESS_REGION_KINDS``), so a minister named there by the portfolio alone is the
    country's -> that country's key, else None."""
    place = load_gazetteer().get(juris)
    if place is None or place.kind not in lex.MINISTERLESS_REGION_KINDS or not place.country:
        return None
    country = f"country:{place.country}"
    return country if ctx.has(country) or _gazetteer_place(ctx, country) else None


def _of_head_of_state(doc, seg_start: int, seg_end: int, lex) -> bool:
    """'полпред президента в СФО', 'помощник премьер-министра': a post described by the head of state or
    government it serves, with no body of its own ('президента компании' has one), is the country's."""
    span = next((s for s, r in trigger_spans(doc, "hc_roles") if s.start == seg_start and r in lex.NATIONAL_ROLES),
                None)
    if span is None or span.end > seg_end or _head(span).morph.get("Case") != ["Gen"]:
        return False
    rest = [t for t in doc[span.end:seg_end] if not t.is_space]
    return not rest or (rest[0].pos_ == "ADP" and lemma(rest[0]) in ("в", "по"))


def _expanded_deputy(words) -> str | None:
    """'замгубернатора', 'зампред правительства' -> 'заместитель губернатора', 'заместитель председателя
    правительства': a clipped deputy's title written out, as an analyst names the post; None when the role
    words hold no clipped title."""
    from ..nlp.ru import deputy_compound

    toks = list(words)
    at = next((n for n, t in enumerate(toks) if deputy_compound(t.text) or lemma(t) == "зампред"), None)
    if at is None:
        return None
    head = deputy_compound(toks[at].text) or "председателя"
    before = to_nominative(toks[:at]) if at else ""
    return " ".join(w for w in (before, "заместитель", head, *(t.text for t in toks[at + 1:])) if w)


def _region_head_role(ctx: Ctx, juris: str, lex) -> str:
    """The head of a Russian oblast, krai or autonomous okrug is its governor when the article calls anyone
    'губернатор' (then 'глава региона' is another name for that post); an article that only says 'глава' keeps
    'глава региона' (Role:head_of_region, which Role:governor is narrower than)."""
    place = load_gazetteer().get(juris)
    if place is not None and place.country == "RU" and place.kind in getattr(lex, "GOVERNOR_REGION_KINDS", ()) \
            and any(role == "governor" for _, role in trigger_spans(ctx.doc, "hc_roles")):
        return "governor"
    return "head_of_region"


def _portfolio_only(segment, lex) -> bool:
    """Nothing, or only a deputy's portfolio ('по медицинской части', 'по лечебной работе'), after a role."""
    words = [t for t in segment if not t.is_space]
    return not words or (words[0].lower_ == "по" and all(t.is_lower and t.pos_ in ("NOUN", "ADJ", "CCONJ")
                                                         for t in words[1:]))


def _has_place(places, start, end) -> bool:
    return any(start <= p.start and p.end <= end for p in _starting_in(places, start, end))


def _index(spans) -> tuple:
    """A list of spans (or of (span, key) pairs), indexed once per list: the tokens inside them, and the items
    by start with their place in the list. The lists are the article's places and bodies, looked up per
    role word and per token (a scan of them each time made an article of n sentences cost n²). Kept in the
    Doc's user_data, as long as the list is the same object of the same length."""
    if not spans:
        return set(), [], []
    doc = (spans[0] if isinstance(spans[0], Span) else spans[0][0]).doc
    cache = doc.user_data.setdefault("kg_span_index", {})
    found = cache.get(id(spans))
    if found is None or found[0] is not spans or found[1] != len(spans):
        bounds = [s if isinstance(s, Span) else s[0] for s in spans]
        items = sorted(((sp.start, n, s) for n, (sp, s) in enumerate(zip(bounds, spans))), key=lambda x: x[:2])
        inside = {i for sp in bounds for i in range(sp.start, sp.end)}
        found = cache[id(spans)] = (spans, len(spans), inside, [x[0] for x in items], items)
    return found[2:]


def _covered(spans, i: int) -> bool:
    """Is token ``i`` inside one of ``spans``?"""
    return i in _index(spans)[0]


def _starting_in(spans, start: int, end: int) -> list:
    """The items of ``spans`` whose span starts in tokens [start, end] (end included), in list order."""
    _, starts, items = _index(spans)
    return [x for _, _, x in sorted(items[bisect_left(starts, start):bisect_right(starts, end)],
                                    key=lambda x: x[1])]


def _ministry_in_sentence(ctx: Ctx, trigger, orgs, lex) -> str | None:
    """'… представила коллективу министерства здравоохранения и.о. министра …': a minister named without
    a body is the minister of the one ministry the sentence names."""
    index = ctx.notes.get("ministries_by_sentence")
    if index is None or index[0] is not orgs:       # sentence start -> its ministries, once per article
        by_sent: dict[int, set] = {}
        for span, key in orgs:
            if any(lemma(t).startswith(lex.MINISTRY_PREFIXES) for t in span[:1]):
                by_sent.setdefault(sent_bounds(ctx.doc, span.start)[0], set()).add(key)
        index = ctx.notes["ministries_by_sentence"] = (orgs, by_sent)
    found = index[1].get(sent_bounds(ctx.doc, trigger.start)[0], set())
    return next(iter(found)) if len(found) == 1 else None


def _local_body(doc, seg_start: int, seg_end: int, orgs, body: str, lex) -> bool:
    span = next((s for s, key in orgs if key == body and seg_start <= s.start and s.end <= seg_end), None)
    head = next((t for t in span if t.pos_ in ("NOUN", "PROPN")), None) if span is not None else None
    return head is not None and lemma(head) in lex.LOCAL_BODY_HEADS


def _sole_placed_ministry(ctx: Ctx, orgs, lex) -> str | None:
    """The one ministry the article names, when it names exactly one and that one has a place (a region's
    ministry: a federal one the text does not place stays unused)."""
    found = {key for span, key in orgs if any(lemma(t).startswith(lex.MINISTRY_PREFIXES) for t in span[:1])}
    if len(found) != 1:
        return None
    key = found.pop()
    return key if _body_place(ctx, key) else None


def _body_place(ctx: Ctx, body: str) -> str | None:
    places = {f.value for f in ctx.facts.values() if f.subject == body and f.prop in ("hc:jurisdiction", "hc:locatedIn")}
    return places.pop() if len(places) == 1 else None


def _abbreviated_region(ctx: Ctx, lex, segment, anchor) -> str | None:
    """'губернатор РО', 'министр здравоохранения НСО': a region's short name in the post's description; a
    short name several regions share is the region the text is about, else none."""
    for tok in segment:
        codes = lex.REGION_ABBREVIATIONS.get((tok.text.lower(),)) if tok.text.isupper() else None
        if not codes:
            continue
        keys = [f"region:{code}" for code in codes]
        key = keys[0] if len(keys) == 1 else (context_region(ctx, anchor) if context_region(ctx, anchor) in keys
                                              else None)
        if key is not None and (ctx.has(key) or _gazetteer_place(ctx, key)):
            ctx.mention(key, tok.idx, tok.idx + len(tok.text))
            return key
    return None


def _facility_referred(ctx: Ctx, lex, segment) -> str | None:
    """'главный врач учреждения', 'руководитель этой больницы': a facility noun with no name of its own
    refers to the facility the paragraph named last before it."""
    nouns = [t for t in segment if t.pos_ == "NOUN"]
    if len(nouns) != 1 or lemma(nouns[0]) not in lex.FACILITY_REFERENCES:
        return None
    text = doc_text(ctx.doc)
    para_start = text.rfind("\n", 0, segment.start_char) + 1
    before = [(span, key) for span, key, _ in ctx.notes.get("facilities", [])
              if para_start <= span.start_char and span.end_char <= segment.start_char]
    if not before:
        before = [(span, key) for span, key, _ in ctx.notes.get("facilities", [])
                  if span.end_char <= segment.start_char]
    return before[-1][1] if before else None


def _refers_to_body(segment, lex) -> bool:
    nouns = [t for t in segment if t.pos_ == "NOUN"]
    return len(nouns) == 1 and lemma(nouns[0]) in lex.BODY_REFERENCES and lemma(nouns[0]) != "министерство"


def _prior_ministry_post(ctx: Ctx, lex) -> str | None:
    """The one minister's post the article wrote before: what 'руководитель ведомства' refers back to."""
    posts = {post for post, (role, *_rest) in ctx.notes.get("posts", {}).items() if role == "minister"}
    return posts.pop() if len(posts) == 1 else None


def _placed_ministry_post_before(ctx: Ctx, lex, at: int) -> str | None:
    """'Министр здравоохранения края Иван Петров покинул пост. … Исполнение обязанностей руководителя
    ведомства возложено на …': the one minister's post with a region or body that the article names before
    ``at`` (other minister's posts, bare or named later, do not count)."""
    posts = ctx.notes.get("posts", {})
    placed = {post for post, (role, juris, body, _) in posts.items() if role == "minister" and (juris or body)}
    before = sorted((m.end, m.key) for m in ctx.mentions.values() if m.key in placed and m.end <= at)
    if len({posts[key][1:3] for _, key in before}) == 1:
        return before[-1][1]    # 'министр здравоохранения Казахстана', 'министр Алексей Цой' (both Kazakhstan's):
    return None                 # the one ministry's, named last


_DEPUTISED = {"deputy_akim": "akim", "deputy_governor": "governor"}   # a one-holder post's deputy -> its role


def _deputised_post_near(ctx: Ctx, trigger, role: str) -> str | None:
    """The one placed post of ``role`` ('аким города Алматы') named in the sentence of ``trigger`` or the one
    before, before it: a bare 'заместитель акима' there is that post's deputy."""
    doc = ctx.doc
    posts = ctx.notes.get("posts", {})
    lower = doc[sent_bounds(doc, max(trigger.sent.start - 1, 0))[0]].idx
    placed = {post for post, (r, juris, body, _) in posts.items() if r == role and (juris or body)}
    near = {m.key for m in ctx.mentions.values() if m.key in placed and lower <= m.begin and m.end <= trigger.start_char}
    return near.pop() if len(near) == 1 else None


def _sole_district(ctx: Ctx) -> str | None:
    """The one district the article names, if it names exactly one (gazetteer districts and districts found
    in the text: '… района', '… ауданы')."""
    gaz = load_gazetteer()
    found = set()
    for span in ctx.doc.spans[PLACES] if PLACES in ctx.doc.spans else ():
        if span.label_ != "Settlement" or not ctx.live(span):
            continue
        place = gaz.get(span.id_)
        name = (place.labels.get("ru", "") if place is not None else span.kb_id_ or span.text).lower()
        if (place is not None and place.kind == "district") or \
                (place is None and name.split()[-1:] in (["район"], ["ауданы"], ["округ"])):
            found.add(span.id_)
    return found.pop() if len(found) == 1 else None


_CITY_HEAD_ROLES = {"mayor", "akim"}
_CITY_KINDS = {"city", "town", "federal_city", "city_of_republican_significance"}


def _bare_town(trigger, segment, lex) -> bool:
    """The description is the noun 'город' alone ('аким города', 'глава города' (one role word)): which city
    it does not say."""
    words = [t for t in segment if not t.is_space] or [trigger[-1]]
    return len(words) == 1 and lex.HEAD_OF_PLACE.get("head", {}).get(lemma(words[0])) == "mayor"


def _sole_city(ctx: Ctx) -> str | None:
    """The one city the article names (a gazetteer city or town, a federal city, a Kazakh city of republican
    significance), if it names exactly one."""
    gaz = load_gazetteer()
    found = set()
    for span in ctx.doc.spans[PLACES] if PLACES in ctx.doc.spans else ():
        place = gaz.get(span.id_)
        if place is not None and place.kind in _CITY_KINDS and ctx.live(span):
            found.add(span.id_)
    return found.pop() if len(found) == 1 else None


def _one_hospital(ctx: Ctx, lex, start: int = 0, end: int | None = None) -> str | None:
    """The one hospital (a facility a chief physician heads) named between tokens ``start`` and ``end`` (the
    whole article by default), if exactly one is named there."""
    keys = {key for span, key, _ in ctx.notes.get("facilities", [])
            if start <= span.start and (end is None or span.start < end) and _is_hospital(ctx, key, lex)}
    return keys.pop() if len(keys) == 1 else None


def _body_referred(ctx: Ctx, lex, segment) -> str | None:
    """'руководитель ведомства', 'глава управления': a body noun with no name of its own refers to the body
    the paragraph named last before it, else the one the article named last before it."""
    nouns = [t for t in segment if t.pos_ == "NOUN"]
    if len(nouns) != 1 or lemma(nouns[0]) not in lex.BODY_REFERENCES:
        return None
    text = doc_text(ctx.doc)
    para_start = text.rfind("\n", 0, segment.start_char) + 1
    orgs = [(span, key) for span, key in ctx.notes.get("orgs", []) if not _outlet(span, lex)]
    before = [(span, key) for span, key in orgs if para_start <= span.start_char and span.end_char <= segment.start_char]
    if not before and _prior_ministry_post(ctx, lex) is None:
        # no body in its paragraph (and no minister's post it may mean): the last one the article named before it
        before = [(span, key) for span, key in orgs if span.end_char <= segment.start_char]
    return before[-1][1] if before else None


def _outlet(span, lex) -> bool:
    """'передает Liter.kz', 'сообщает ТАСС': a news outlet quoted as a source is no body a post may be in."""
    if "." in span.text.strip(".")[1:] and span.text.rsplit(".", 1)[-1].isalpha():
        return True                     # a domain name
    j = span.start - 1
    while j >= 0 and (span.doc[j].is_space or span.doc[j].is_punct):
        j -= 1
    return j >= 0 and lemma(span.doc[j]) in lex.SPEAKER_VERBS


def _context_country(ctx: Ctx) -> str | None:
    """The one country every gazetteer place of the article lies in, if there is one; with no region or town
    named, the one country the article names."""
    if "context_country" not in ctx.notes:
        gaz = load_gazetteer()
        countries = set()
        for span in ctx.doc.spans[PLACES] if PLACES in ctx.doc.spans else ():
            place = gaz.get(span.id_)
            if place is not None and place.cls in ("Region", "Settlement") and place.country:
                countries.add(place.country)
        if not countries:           # no region or town: the one country the article names
            countries = {span.id_.partition(":")[2] for span in ctx.doc.spans.get(PLACES, ())
                         if span.label_ == "Country" and ctx.live(span)}
        if not countries:           # no place at all: the one country its institutions are of
            countries = set(filter(None, [institution_country(ctx)]))
        ctx.notes["context_country"] = countries.pop() if len(countries) == 1 else None
    return ctx.notes["context_country"]


_DOMAINS = {"kz": "KZ", "ru": "RU"}      # 'Ulysmedia.kz', 'РИА.ru': an outlet of that country


@lru_cache(maxsize=1)
def _country_cue_forms() -> dict[str, str]:
    """Every case form of the ``COUNTRY_CUES`` stems ('акиматами', 'Акорду') -> the country."""
    from .lexicon_ru import COUNTRY_CUES
    return stem_forms(COUNTRY_CUES, NOUN_ENDINGS)


def institution_country(ctx: Ctx) -> str | None:
    """The one country (alpha-2) the article's institutions and outlets belong to ('Акорда', 'тенге',
    'акимат', 'Госдума': ``COUNTRY_CUES``; an outlet's .kz / .ru domain), None when they name none or two:
    for an article that names no place at all."""
    if "institution_country" not in ctx.notes:
        forms = _country_cue_forms()
        found = set()
        for tok in ctx.doc:
            low = tok.text.lower()
            cue = forms.get(low)
            if cue is None and "." in tok.text[1:-1]:
                cue = _DOMAINS.get(low.rpartition(".")[2])
            if cue and ctx.live(tok.doc[tok.i:tok.i + 1]):
                found.add(cue)
        ctx.notes["institution_country"] = found.pop() if len(found) == 1 else None
    return ctx.notes["institution_country"]


def _is_hospital(ctx: Ctx, body: str, lex) -> bool:
    """The facility's kind is one a chief physician heads (facts are keyed, so a look-up per kind, not a scan)."""
    return any((body, "hc:facilityKind", f"FacilityKind:{kind}", "concept") in ctx.facts
               for kind in lex.HOSPITAL_KINDS)


def _ministry_role(doc, seg_start, seg_end, role, lex) -> str:
    """'глава регионального Минздрава', 'руководитель министерства здравоохранения': the head of a ministry
    is its minister."""
    if role not in lex.MINISTRY_HEAD_ROLES:
        return role
    first = next((t for t in doc[seg_start:seg_end] if t.pos_ in ("NOUN", "PROPN")), None)
    if first is not None and lemma(first).startswith(lex.MINISTRY_PREFIXES):
        return lex.MINISTRY_HEAD_ROLES[role]
    return role


def _head_of_place(doc, seg_start, seg_end, role, lex) -> str:
    """'глава Волгодонского района' heads a district, 'глава города' a city: the first noun decides; 'первый
    замглавы Хворостянского района', 'заместитель главы администрации района' is that head's deputy
    (``DEPUTY_OF_PLACE``)."""
    if role == "deputy_head":
        return lex.DEPUTY_OF_PLACE.get(_head_of_place_noun(doc, seg_start, seg_end, "head", lex, deputy=True), role)
    return _head_of_place_noun(doc, seg_start, seg_end, role, lex)


def _head_of_place_noun(doc, seg_start, seg_end, role, lex, deputy=False) -> str:
    table = lex.HEAD_OF_PLACE.get(role)
    nouns = [t for t in doc[seg_start:seg_end] if t.pos_ in ("NOUN", "PROPN")]
    while len(nouns) > 1 and (lemma(nouns[0]) in lex.MUNICIPALITY_WORDS or
                              deputy and table and table.get(lemma(nouns[0])) == "head_of_administration"):
        nouns = nouns[1:]                 # 'муниципального образования «Чойский район»': the name says 'район'
    first = nouns[0] if nouns else None
    if table and first is not None:
        return table.get(lemma(first), role)
    return role


def _regional(doc, trigger, seg_start, seg_end, places, role, body, lex) -> bool:
    """Does the post belong to 'the region' the text is about without naming it again: a role of a region
    standing alone ('губернатор Иван Петров'), a generic place noun ('министр здравоохранения региона'),
    or a regional adjective ('региональный министр', 'глава регионального минздрава')?"""
    segment = [t for t in doc[seg_start:seg_end] if not _covered(places, t.i)]
    if any(lemma(t) in lex.GENERIC_REGION_NOUNS and t.morph.get("Case") == ["Gen"] for t in segment):
        return True
    before = doc[trigger.start - 1] if trigger.start > trigger.sent.start else None
    if any(lemma(t) in lex.REGIONAL_ADJECTIVES or _regional_clipping(t.lower_, lex)
           for t in segment + ([before] if before is not None else [])):
        return True
    if role in lex.PORTFOLIO_ROLES and body is None and len(segment) == seg_end - seg_start and segment \
            and all(t.pos_ in ("NOUN", "ADJ", "CCONJ", "ADP") and t.is_lower for t in segment):
        return True        # 'министр здравоохранения Иван Петров': a portfolio and no country or body named
    return role in lex.REGIONAL_ROLES and body is None and not any(
        t.pos_ in ("NOUN", "PROPN") for t in segment)


def _regional_clipping(word: str, lex) -> bool:
    """'облздрава', 'реготделения': a region's body named by a clipped 'областной' / 'региональный'."""
    return any(word.startswith(prefix) and word[len(prefix):].startswith(stems)
               for prefix, stems in lex.REGIONAL_CLIPPINGS.items())


def context_region(ctx: Ctx, anchor) -> str | None:
    """The region a mention at ``anchor`` refers to when it says only 'the region': the one region its
    paragraph names, else the article's region when the article is about one region (two thirds of its
    place names point there)."""
    gaz = load_gazetteer()
    text = doc_text(ctx.doc)
    para_start = text.rfind("\n", 0, anchor.start_char) + 1
    para_end = text.find("\n", anchor.end_char)
    para_end = len(text) if para_end < 0 else para_end
    found = ctx.notes.get("context_regions")
    if found is None:               # the places' regions, once per article (not a scan of them per mention)
        votes, placed = Counter(), []
        for span in ctx.doc.spans[PLACES] if PLACES in ctx.doc.spans else ():
            place = gaz.get(span.id_)
            if place is None or not ctx.live(span):
                continue
            region = place.key if place.cls == "Region" else place.parent if place.cls == "Settlement" else None
            if region is None or not region.startswith("region:") or _origin(ctx.doc, span):
                continue
            votes[region] += 1
            placed.append((span.start_char, region))
        for start, region in _adjective_regions(ctx):
            votes[region] += 1                # 'ярославский министр' says which region the text is about
            placed.append((start, region))
        placed.sort(key=lambda x: x[0])
        found = ctx.notes["context_regions"] = (votes, [x[0] for x in placed], [x[1] for x in placed])
    votes, starts, regions = found
    local = set(regions[bisect_left(starts, para_start):bisect_left(starts, para_end)])
    return one_place(local, votes)


def _adjective_regions(ctx: Ctx) -> list[tuple[int, str]]:
    """(offset, region key) of each region adjective right before a role word ('ярославский министр',
    'подмосковный губернатор'): a vote for the region as good as the region's name (Russian only)."""
    if ctx.lang != "ru" or "hc_roles" not in ctx.doc.spans:
        return []
    from . import lexicon_ru as lex

    out = []
    for span in ctx.doc.spans["hc_roles"]:
        if span.start > span.sent.start and ctx.live(span):
            key = adjective_place(ctx.doc[span.start - 1], lex)
            if key is not None and key.startswith("region:"):
                out.append((ctx.doc[span.start - 1].idx, key))
    return out


def _origin(doc, span) -> bool:
    """'Новый министр прибыл из Самары', 'переведён из Омска': a place after 'из' right after a verb is where
    someone came from, not the place the text is about."""
    j = span.start - 1
    return j > span.sent.start and doc[j].lower_ == "из" and doc[j - 1].pos_ == "VERB"


def post_key(role: str, juris: str | None, body: str | None = None, qualifier: str = "",
             holder: str | None = None) -> str:
    """The one key of a post in every language: role, jurisdiction, body, qualifier, and the holder only
    when nothing else tells the post apart."""
    return make_key("post", role, juris or "", body or "", qualifier.lower(), holder or "")


def _tenure_node(ctx: Ctx, person: str, post: str, kind: str, acting: bool) -> str:
    """A Tenure's own statements (key suffix ``kind``: '', 'acting' or 'former')."""
    tenure = make_key("tenure", person, post, kind)
    ctx.entity(tenure, "Tenure")
    ctx.fact(tenure, "hc:tenureOf", person)
    ctx.fact(tenure, "hc:tenurePost", post)
    ctx.fact(tenure, "hc:acting", "true" if acting else "false", "bool")
    return tenure


def write_tenure(ctx: Ctx, person: str, post: str, acting: bool, sent) -> str:
    """The person holds the post: the Tenure (acting or not, with its evidence sentence) and the shortcut."""
    tenure = _tenure_node(ctx, person, post, "acting" if acting else "", acting)
    ctx.fact(person, "hc:holdsPost", post)
    ctx.evidence(tenure, sent)
    attested = ctx.ref_date or ctx.article.date
    if attested:
        ctx.fact(tenure, "hc:attestedOn", attested, "date")
    return tenure


def write_former_tenure(ctx: Ctx, person: str, post: str, sent) -> str:
    """The person held the post before ('бывший министр', 'экс-главврач', 'ранее занимал должность …'): a
    Tenure marked ``hc:former true``, with its evidence, and neither the ``hc:holdsPost`` shortcut nor
    ``hc:attestedOn`` (the person no longer held the post on the article's date)."""
    tenure = _tenure_node(ctx, person, post, "former", False)
    ctx.fact(tenure, "hc:former", "true", "bool")
    ctx.evidence(tenure, sent)
    return tenure


def make_former(ctx: Ctx, person: str, post: str) -> None:
    """The person's current (not acting) tenure of the post becomes a former one: no ``hc:holdsPost``, no
    ``hc:attestedOn``, ``hc:former true``."""
    tenure = make_key("tenure", person, post, "")
    if not ctx.has(tenure):
        return
    ctx.facts.pop((person, "hc:holdsPost", post, "ref"), None)
    for key in [k for k, f in ctx.facts.items() if f.subject == tenure and f.prop == "hc:attestedOn"]:
        del ctx.facts[key]
    ctx.fact(tenure, "hc:former", "true", "bool")
    ctx.rename(tenure, make_key("tenure", person, post, "former"))


def _tenure_suffix(ctx: Ctx, tenure: str) -> str:
    """The part of a tenure's key that tells an acting or a former tenure from the plain one."""
    for prop in ("hc:acting", "hc:former"):
        if (tenure, prop, "true", "bool") in ctx.facts:
            return prop[3:]
    return ""


# ---------------------------------------------------------------- Kazakh (officials)
# Head-final order: the jurisdiction's genitive chain comes before the post ('Тараз қаласының әкімі Х'); the
# chain's words are kg/patterns/kk/post_chain.json, genitive forms come from kg.nlp.kk.morph.
import re  # noqa: E402
from typing import NamedTuple  # noqa: E402

from ..nlp.kk import morph  # noqa: E402
from ..nlp.kk.entities import label_form  # noqa: E402
from ..nlp.kk.lemmas import stem_of  # noqa: E402
from .common import live_places  # noqa: E402
from ..patterns.matcher import match_prefixes  # noqa: E402
from . import lexicon_kk as lex_kk  # noqa: E402


def _spans_by_token_kk(ctx: Ctx) -> dict[int, tuple[str, str, object]]:
    """token index -> (kind, key, span) for places, bodies and facilities already found."""
    out: dict[int, tuple[str, str, object]] = {}
    for span in live_places(ctx):
        for i in range(span.start, span.end):
            out[i] = ("place", span.id_, span)
    for span, key in ctx.notes.get("model_places", []):
        for i in range(span.start, span.end):
            out.setdefault(i, ("place", key, span))
    for span, key in ctx.notes.get("orgs", []):
        for i in range(span.start, span.end):
            out.setdefault(i, ("org", key, span))
    for span, key, _ in ctx.notes.get("facilities", []):
        for i in range(span.start, span.end):
            out.setdefault(i, ("facility", key, span))
    return out


def _chain_start_kk(doc, start: int, lower: int, known: dict, lex) -> int:
    """Where the genitive chain before a role begins: places, bodies, facilities, level words, words in the
    genitive and the nouns they govern ('Жамбыл облысы денсаулық сақтау басқармасының | басшысы')."""
    j = start
    listed = False
    while j > lower and start - j < (16 if listed else 9):
        tok = doc[j - 1]
        if tok.is_space:
            j -= 1
            continue
        low = tok.text.lower()
        if tok.i in known and known[tok.i][0] == "place" and morph.is_adverbial_place(low):
            break                      # 'Таразда | қалалық аурухананың бас дәрігері': a place in the locative
        if stem_of(tok) in lex.LEVEL_WORDS and tok.i not in known and morph.is_oblique(low):
            break                      # 'Аймаққа | Премьер-Министрдің орынбасары': a level word in a case
        if tok.i in known or stem_of(tok) in lex.LEVEL_WORDS or low in lex.COUNTRY_WORDS or \
                stem_of(tok) in lex.COUNTRY_WORDS or stem_of(tok) in lex.CHAIN_PLACES:
            j -= 1
            continue
        if tok.is_punct and tok.text in "«»\"“”":
            j -= 1
            continue
        if tok.is_alpha and tok.text[:1].islower() and low.endswith(("ған", "ген", "қан", "кен")):
            break                      # 'сынның астында қалған | Павлодар … бас дәрігері': a clause ends the chain
        topic = j - 1 if low in lex.TOPIC_WORDS else j - 2 if j - 2 >= lower and tok.is_alpha and \
            tok.text.islower() and doc[j - 2].lower_ in lex.TOPIC_WORDS else None
        if topic is not None and j < start:
            body = _topic_body_kk(doc, topic, lower, lex)
            if body is not None:       # 'мәслихаттың | … мәселелері бойынша (тұрақты) | комиссиясының төрағасы'
                j = body + 1
                continue
        if j < start and tok.is_alpha and morph.analyze(low)[1] in lex.ACCUSATIVE_ENDINGS and \
                doc[j].is_alpha and doc[j].text.islower() and doc[j].lower_.endswith(lex.VERBAL_NOUN_ENDINGS):
            j -= 1                     # '… қауіпсіздігін | бақылау департаментінің': the object of a verbal noun
            continue                   # inside a body's name
        if (tok.text == "," or low in lex.CONJUNCTIONS) and j < start and _listed_in_body_kk(doc, j, start, lower, lex):
            listed = True              # 'Облыстық құрылыс, сәулет және қала құрылысы | басқармасының басшысы':
            j -= 1                     # the fields a body's name lists: the separator and the word before it
            while j > lower and doc[j - 1].is_space:
                j -= 1
            j -= 1
            continue
        if tok.is_punct or tok.ent_type_ == "PER" or low in lex.CHAIN_STOP or tok.like_num or \
                low in lex.YEAR_BEFORE or low in lex.YEAR_AFTER:
            break                      # '2023 жылы | облыс әкімі': a date is not part of the post
        if morph.is_genitive(low) or (tok.is_alpha and j < start and not morph.is_oblique(low) and
                                      low not in lex.NOT_IN_POST and
                                      (morph.is_genitive(doc[j].text.lower()) or doc[j].i in known)):
            j -= 1                     # a genitive, or a noun inside a compound before one ('денсаулық сақтау')
            continue
        if (tok.is_sent_start and not tok.ent_type_) or low in morph.UNINFLECTED:
            break                      # 'Бүгін облыс әкімі': a sentence's first common word
        if tok.text[:1].isupper() and tok.is_alpha and low not in lex.NOT_IN_POST:
            j -= 1                     # a name inside the chain ('Парламент Сенатының')
            continue
        if tok.is_alpha and start - j < 3 and not morph.analyze(low)[1] and low not in lex.NOT_IN_POST and \
                (j == start or not doc[j].text[:1].isupper()):
            j -= 1                     # a bare noun of a compound: 'Денсаулық сақтау | министрі'
            continue
        break
    while j < start and (doc[j].is_space or doc[j].is_punct and doc[j].text not in "«\"“"):
        j += 1
    return j


def _listed_in_body_kk(doc, j: int, start: int, lower: int, lex) -> bool:
    """A comma or a conjunction at ``j - 1`` inside a body's name that lists its fields ('құрылыс, сәулет және
    қала құрылысы басқармасының', 'тауарлар мен қызметтердің сапасы мен қауіпсіздігін бақылау
    департаментінің'): the chain after it holds a body's head in the genitive, and the word before it is a
    noun of the list (not a body's head, a role, a name, nor in a case: 'басқармасы мен білім басқармасының'
    lists two bodies, 'облыс әкімі мен аудан әкімінің' two posts)."""
    if not any(morph.is_genitive(t.lower_) and stem_of(t) in lex.GOV_HEADS for t in doc[j:start]):
        return False
    i = j - 2
    while i >= lower and doc[i].is_space:
        i -= 1
    if i < lower:
        return False
    prev = doc[i]
    low = prev.lower_
    return prev.is_alpha and prev.ent_type_ != "PER" and not morph.is_oblique(low) and not morph.is_genitive(low) and \
        stem_of(prev) not in lex.GOV_HEADS and (stem_of(prev),) not in lex.ROLES and \
        low not in lex.CHAIN_STOP and low not in lex.NOT_IN_POST


def _topic_body_kk(doc, at: int, lower: int, lex) -> int | None:
    """The body in the genitive before a topic ('облыстық мәслихаттың | әлеуметтік-мәдени даму және білім
    мәселелері | бойынша', ``at`` the topic word): its index, when only the topic's words (no name, number
    or punctuation) lie between, else None."""
    for i in range(at - 1, max(lower, at - lex.TOPIC_SPAN) - 1, -1):
        tok = doc[i]
        if tok.is_space:
            continue
        if not (tok.is_alpha or "-" in tok.text) or tok.ent_type_ == "PER":
            return None
        if morph.is_genitive(tok.lower_) and stem_of(tok) in lex.GOV_HEADS:
            return i
    return None


def _jurisdiction_kk(ctx: Ctx, doc, chain, known, role: str, lex) -> tuple[str | None, str | None, str | None]:
    """(jurisdiction, body, facility) of a post from its genitive chain."""
    juris = body = facility = None
    for tok in chain:
        kind, key, _ = known.get(tok.i, (None, None, None))
        if kind == "place" and key.split(":")[0] in ("region", "settlement", "country", "district"):
            juris = key                 # the last (nearest) place wins
        elif kind == "org":
            body = key
        elif kind == "facility":
            facility = key
    stems = [stem_of(t) for t in chain]
    words = [s for t, s in zip(chain, stems) if t.is_alpha]
    if juris is None and body is None and facility is None and len(words) == 1:
        facility = _named_before_kk(ctx, words[0])   # 'орталық директорының орынбасары': the article's centre
    if juris is None and body is None:      # 'Елорда әкімі': a common noun that names one place
        juris = next((lex.CHAIN_PLACES[s] for s in reversed(stems) if s in lex.CHAIN_PLACES), None)
    if juris is None and body is not None:
        juris = _body_jurisdictions_kk(ctx).get(body)
    if juris is None:
        levels = [lex.LEVEL_WORDS[s] for n, s in enumerate(stems) if s in lex.LEVEL_WORDS and
                  (n + 1 == len(stems) or stems[n + 1] not in lex.FIELD_AFTER_LEVEL or morph.is_adjectival(s))]
        #                                   a level noun of a field's name is none: 'қала құрылысы' (urban planning)
        main = ctx.notes.get("main_region")
        gaz = load_gazetteer()
        if levels and levels[-1] == "region" and main and main.startswith("region:KZ") and not gaz.get(main).is_city:
            juris = main               # 'облыс әкімі': the article's region
        elif levels and levels[-1] == "city" and main and gaz.get(main) and gaz.get(main).is_city:
            juris = main
        elif levels and levels[-1] == "city":
            juris = _article_city_kk(ctx)  # 'қала әкімі' in a text about one town ('Жаңаөзен қаласына келді')
        elif levels and levels[-1] == "district":
            juris = _article_district_kk(ctx, lex)
        elif any(t.text.lower() in lex.COUNTRY_WORDS or stem_of(t) in lex.COUNTRY_WORDS | lex.NATIONAL_BODIES
                 for t in chain) or \
                (role in lex.NATIONAL_ROLES and not levels and facility is None and body is None):
            juris = "country:KZ"
    return juris, body, facility


def _member_body_kk(ctx: Ctx, lex) -> str | None:
    """The article's one body whose members are deputies (a мәслихат; lex.MEMBER_BODIES), or None."""
    found = {key for span, key in ctx.notes.get("orgs", []) if stem_of(span[-1]) in lex.MEMBER_BODIES}
    return next(iter(found)) if len(found) == 1 else None


def _named_before_kk(ctx: Ctx, head: str) -> str | None:
    """The article's one facility whose name ends in the facility noun ``head`` ('Перинаталдық орталық' for
    a bare 'орталық' in a post's chain), or None (none, or several)."""
    if head not in lex_kk.FACILITY_HEADS:
        return None
    found = {key for span, key, _ in ctx.notes.get("facilities", []) if len(span) > 1 and stem_of(span[-1]) == head}
    return next(iter(found)) if len(found) == 1 else None


def _body_jurisdictions_kk(ctx: Ctx) -> dict:
    """body -> its jurisdiction, from the facts of the stages before (built once per article)."""
    found = ctx.notes.get("kk_body_jurisdictions")
    if found is None:
        found = ctx.notes["kk_body_jurisdictions"] = {}
        for f in ctx.facts.values():
            if f.prop == "hc:jurisdiction":
                found.setdefault(f.subject, f.value)
    return found


def _article_district_kk(ctx: Ctx, lex) -> str | None:
    """The article's one district ('Арал ауданы'), if it names exactly one; if it names none, the district
    named as a town or village of the article ('Сарыағашта … Аудан әкімі': Сарыағаш ауданы, whose centre it
    is), when the gazetteer has that district in the town's region and the article's towns name one such."""
    if "kk_district" not in ctx.notes:
        words = [w for w, level in lex.LEVEL_WORDS.items() if level == "district"]
        found = {s.id_ for s in live_places(ctx) if any(w in s.text.lower() for w in words)
                 and s.label_ in ("Settlement", "Place")}
        if not found:
            found = {_named_district_kk(s.id_) for s in live_places(ctx) if s.label_ == "Settlement"} - {None}
        ctx.notes["kk_district"] = next(iter(found)) if len(found) == 1 else None
    return ctx.notes["kk_district"]


def _article_city_kk(ctx: Ctx) -> str | None:
    """The article's one town named as a town ('Жаңаөзен қаласы'), if it names exactly one."""
    if "kk_city" not in ctx.notes:
        doc = ctx.doc
        found = {s.id_ for s in live_places(ctx) if s.label_ == "Settlement" and
                 (s[-1].lemma_ == "қала" or s.end < len(doc) and stem_of(doc[s.end]) == "қала")}
        ctx.notes["kk_city"] = next(iter(found)) if len(found) == 1 else None
    return ctx.notes["kk_city"]


def _named_district_kk(key: str) -> str | None:
    """The gazetteer district 'X ауданы' in the region of the town or village X (``key``), or None."""
    gaz = load_gazetteer()
    place = gaz.get(key)
    if place is None or place.kind == "district" or not place.labels.get("kk") or not place.region:
        return None
    districts = _districts_kk()
    return districts.get((place.labels["kk"].lower() + " ауданы", place.region))


@lru_cache(maxsize=1)
def _districts_kk() -> dict:
    """(Kazakh name, region) -> the gazetteer's district of that name."""
    return {(p.labels["kk"].lower(), p.region): p.key for p in load_gazetteer()
            if p.kind == "district" and p.labels.get("kk") and p.region}


def _genitive_role_kk(trigger, ent) -> bool:
    """A role in the genitive before a name in another case ('басшысының Шөкеевті'): a name in apposition
    takes the case itself ('облыс әкімі Х-тың'), the role word stays possessive nominative."""
    role_word, name_word = trigger[-1].lower_, [t for t in ent if not t.is_space][-1].lower_
    return morph.is_genitive(role_word) and not morph.is_genitive(name_word)


def _own_post_between_kk(doc, start: int, end: int, lex) -> bool:
    """'… міндетін атқарушы оның орынбасары Х': a pronoun's role word ('оның орынбасары', his deputy) right
    before the name (lex.OWN_POST)."""
    words = [t.lower_ for t in doc[start:end] if not t.is_space]
    return len(words) >= 2 and tuple(words[-2:]) in lex.OWN_POST


def _acting_between_kk(doc, start: int, end: int, lex) -> bool:
    text = " ".join(t.text.lower() for t in doc[start:end] if not t.is_space)
    return any(all(any(w.startswith(p) for w in text.split()) for p in marker) for marker in lex.ACTING)


def _appointment_near_kk(doc, start: int, sent, lex):
    """'… қызметіне тағайындалды', '… болып тағайындалды' after a role: (kind, first token), or None."""
    found = match_prefixes(doc[start:min(sent.end, start + 6)], lex.APPOINTMENT)
    return (found[0][1], found[0][0][0]) if found else None


def extract_officials_kk(ctx: Ctx, lex) -> None:
    """A role right before a name ('Жамбыл облысының әкімі Х', 'облыс әкімінің орынбасары Х', 'облыс
    әкімінің міндетін атқарушы Х'), or a name in the genitive before a role that an appointment verb follows
    ('Х-тың … директоры қызметіне тағайындалды'). The jurisdiction comes from the genitive chain before the
    role; a bare 'облыс' is the article's region; national roles with no place are the country's. A former
    post ('бұрынғы вице-министр Х', 'бұрын облыс әкімі болған Х') gives no tenure. Persons are looked up by
    position (linear in the article's length)."""
    doc = ctx.doc
    triggers = [(span, role) for span, role in trigger_spans(doc, "hc_roles") if ctx.live(span)]
    triggers, deputy_of = _bare_deputies_kk(doc, triggers, lex)
    known = _spans_by_token_kk(ctx)
    persons = ctx.notes.get("persons", [])
    index = _PersonIndex(doc, persons)
    done = set()
    stated = _stated_jurisdictions_kk(ctx, doc, triggers, known, lex)
    unnamed: dict[str, list] = {}      # change kind -> unnamed posts changed ('… бас дәрігері босатылды')
    bare: list = []                    # named persons changed in a post with no chain ('директор қызметінен')
    changed: dict[str, set] = {}       # change kind -> posts changed
    lonely: list = []                  # roles with nobody named and no change ('Қазақстан Президенті танысты')
    pending = [(trigger, role, None) for trigger, role in triggers]
    role_starts = sorted(trigger.start for trigger, _ in triggers)
    while pending:
        trigger, role, given = pending.pop(0)
        if given is None and morph.has_plural(morph.analyze(trigger[-1].text.lower())[1]):
            # 'Мәжілісінің депутаттары A, B, C': a plural role right before a list of names is each one's
            pending[:0] = [(trigger, role, p) for p in _listed_after_kk(doc, trigger, index)]
            continue                   # '«…» ЖШС өкілдері', 'ұйымдардың басшылары': many, no one person's post
        sent = trigger.sent
        # the name after the role, acting markers allowed between
        j = trigger.end
        while j < sent.end and doc[j].is_space:
            j += 1
        k = j
        while k < sent.end and k - j < 5 and k not in index.first_at:
            k += 1
        person = index.first_at.get(k) if given is None else given
        acting = False
        if given is None and person is not None and k == j and _genitive_role_kk(trigger, person[0]):
            person = None              # 'Мемлекет басшысының Өмірзақ Шөкеевті … ұсынысы': the role governs
            #                            something later, the name is no apposition to it
        if given is None and person is not None and k > j and \
                all(t.is_space or t.lower_ in lex.RANK_WORDS for t in doc[j:k]):
            pass                       # 'вице-министрі генерал-майор Х': a rank between the post and the name
        elif given is None and person is not None and k > j:
            # 'министрлігі басшысының міндетін атқарушы (оның орынбасары) Х': acting markers, and the holder's
            # own post as a pronoun's ('оның орынбасары'), between the role and the name
            acting = _acting_between_kk(doc, j, k, lex) and (k - j <= 3 or _own_post_between_kk(doc, j, k, lex))
            if not acting:
                person = None
        held = None                    # 'current' / 'former': a holding phrase names the holder, no change
        if person is None:
            person, held = _holder_kk(doc, trigger, index, role_starts, known, lex)
        if person is None:
            person, held = _approved_candidate_kk(doc, trigger, index, known, lex)
        if person is None:
            person = _appointee_kk(ctx, doc, trigger, index, lex)
        if person is None:
            person = _apposed_kk(ctx, doc, trigger, index, known, lex)
        if person is None:
            change = _appointment_near_kk(doc, trigger.end, sent, lex)
            if change is not None:         # 'аурухананың бас дәрігері қызметінен босатылды': nobody named
                unnamed.setdefault(lex.CHANGE_KINDS[change[0]], []).append((trigger, role))
            elif given is None:
                lonely.append((trigger, role))
            continue
        ent, key = person
        if (key, trigger.start) in done:
            continue
        if tuple(stem_of(t) for t in trigger if not t.is_space) in lex.FORMER_TITLES:
            held = "former"            # 'Елбасы Н.Назарбаев': the First President, a post he held
        done.add((key, trigger.start))
        lower = max(sent.start, ent.end if ent.end <= trigger.start else sent.start)
        chain_start = _chain_start_kk(doc, trigger.start, lower, known, lex)
        if any(_GLUED.match(t.text) for t in doc[chain_start:trigger.start]):
            continue                   # 'баспасөз қызметіМемлекет басшысы Х': a line break lost, the role's
            #                            words cut in two; no post to read
        label_start = None
        if held is None and _former_kk(doc, sent, chain_start, trigger, lex):
            dismissed = _dismissed_after_kk(doc, ent, sent, lex)
            if dismissed is None:      # 'бұрынғы вице-министр Х … тағайындалды': a post once held, not now
                held = "former"
            if dismissed is not None or chain_start > sent.start and doc[chain_start - 1].lower_ in lex.FORMER_WORDS:
                # 'ауданның бұрынғы басшысы Х … қызметінен босатылды': he held it until this dismissal
                chain_start, label_start = _chain_start_kk(doc, chain_start - 1, lower, known, lex), chain_start
        chain = doc[chain_start:trigger.start] if label_start is None else doc[chain_start:label_start - 1]
        acting = acting or _acting_between_kk(doc, max(sent.start, chain_start - 2), chain_start, lex) or \
            _acting_between_kk(doc, trigger.end, min(sent.end, trigger.end + 3), lex)
        juris, body, facility = _jurisdiction_kk(ctx, doc, chain, known, role, lex)
        label = None if label_start is None else list(chain) + list(trigger)
        if juris is None and not (body or facility or len(chain)) and \
                tuple(stem_of(t) for t in trigger if not t.is_space) in lex.NATIONAL_WORDS:
            juris = "country:KZ"        # 'Мәжілісмен Х': a word that names a national post by itself
        if role == "member_of_parliament" and juris is None and not (body or facility or len(chain)):
            body = _member_body_kk(ctx, lex)   # 'Қызылорда қалалық мәслихатындағы … депутат Х'
            juris = _body_jurisdictions_kk(ctx).get(body) if body else None
        if trigger.start in deputy_of:  # '… әкім болып тағайындалғанына … орынбасары Х': the akim's deputy
            ref, ref_role = deputy_of[trigger.start]
            ref_start = _chain_start_kk(doc, ref.start, ref.sent.start, known, lex)
            juris, body, facility = _jurisdiction_kk(ctx, doc, doc[ref_start:ref.start], known, ref_role, lex)
            if juris is None and ref_start == ref.start and len(stated.get(ref_role, ())) == 1:
                juris = next(iter(stated[ref_role]))
            if juris is None and ref_start == ref.start and ref_role == "akim" and \
                    str(ctx.notes.get("main_region") or "").startswith("region:KZ"):
                juris = ctx.notes["main_region"]
            if not (juris or body or facility):
                continue
            label = [_Word(t.text) for t in doc[ref_start:ref.end] if not t.is_space][:-1] + \
                [_Word(morph.nominative(ref[-1].lower_))] + [t for t in trigger if not t.is_space]
        if (role == "chief_physician" or role == "deputy_head" and tuple(stem_of(t) for t in trigger[:2]) ==
                ("бас", "дәрігер")) and not len(chain) and not (juris or body or facility):
            facility = _one_hospital(ctx, lex, *sent_bounds(doc, trigger.start)) or _one_hospital(ctx, lex)
            # 'Бас дәрігердің міндетін атқарушы – Х' in a text about one hospital: its chief physician
        if not len(chain) and juris is None and len(stated.get(role, ())) == 1:
            juris = next(iter(stated[role]))  # 'әкім Х' in an article about 'Жамбыл облысы әкімі'
        if role == "head" and len(chain) and stem_of(chain[-1]) in lex.HEAD_OF_BODY:
            role = lex.HEAD_OF_BODY[stem_of(chain[-1])]      # 'министрлігінің басшысы' is the minister
        role = _head_of_place_kk(chain, role, juris, body, facility, known, lex)
        if role == "head_of_region":   # 'аймақ басшысы Х', 'өңір жетекшісі Х': the region's akim
            role = "akim"
            if juris is None and str(ctx.notes.get("main_region") or "").startswith("region:KZ"):
                juris = ctx.notes["main_region"]
        post = _write_tenure_kk(ctx, key, ent, role, juris, body, facility, acting, doc[chain_start:trigger.end],
                                label=label, former=held == "former")
        if held is not None:
            continue                   # held, or holds: no personnel change
        change = _appointment_near_kk(doc, max(trigger.end, ent.end), sent, lex)
        if change is None and label_start is not None:
            change = _dismissed_after_kk(doc, ent, sent, lex)
        if change is not None:
            kind, tok = change
            from .appointments import _write_change
            people = index.in_sentence(sent.start)
            _write_change(ctx, lex.CHANGE_KINDS[kind], tok, sent, key, post, acting, None, people, lex)
            changed.setdefault(lex.CHANGE_KINDS[kind], set()).add(post)
            if not len(chain) and not (juris or body or facility):
                bare.append((key, ent, lex.CHANGE_KINDS[kind], tok, acting))
            if lex.CHANGE_KINDS[kind] == "appointment" and ent.end <= chain_start and juris and \
                    not (body or facility):
                for item, place in _listed_before_kk(doc, sent, ent, index, known):
                    post = _write_tenure_kk(ctx, item[1], item[0], role, place[0], None, None, acting,
                                            place[1], label=list(place[1]) + list(trigger))
                    _write_change(ctx, "appointment", tok, sent, item[1], post, acting, None, people, lex)
    _changes_kk(ctx, doc, index, known, unnamed, bare, changed, lex)
    lonely = _this_post_kk(ctx, doc, lonely, index, known, lex)
    _unnamed_holder_kk(ctx, doc, lonely, index, known, lex)
    _governed_kk(ctx, doc, index, known, lex)
    _chairs_kk(ctx, doc, index, lex)


def _described_kk(doc, ent) -> bool:
    """'жеке кәсіпкер Шерзад Нишанов': a lower-case noun right before the name says who the person is."""
    prev = next((t for t in reversed(doc[max(0, ent.start - 2):ent.start]) if not t.is_space), None)
    return prev is not None and prev.is_alpha and prev.text[:1].islower() and \
        prev.lower_ not in ("және", "мен", "бен", "пен", "ал", "бірақ")


class _Word(NamedTuple):
    text: str
    is_space: bool = False


def _governed_kk(ctx, doc, index, known, lex) -> None:
    """'Қостанай облысын жеті жыл басқарды', 'ауданды бұған дейін 2 жыл басқарған Х': one who governs or governed
    a region, district or town (the place in the accusative before a verb of kg/patterns/kk/governing.json,
    only a span of time between) is or was its akim; the holder is the person right after a participle, or the
    subject right before the place for a finite verb."""
    for sent in sentences(doc):
        toks = [t for t in sent if not t.is_space]
        lows = [t.lower_ for t in toks]
        for n, tok in enumerate(toks):
            if not lows[n].startswith("басқар"):
                continue
            found = max(((w, v) for w, v in lex.GOVERNING.items() if tuple(lows[n:n + len(w)]) == w),
                        key=lambda x: len(x[0]), default=None)
            if found is None:
                continue
            words, (held, side) = found
            obj = None
            for m in range(n - 1, max(-1, n - 9), -1):
                t = toks[m]
                stem, ending = morph.analyze(lows[m])
                if ending in lex.ACCUSATIVE_ENDINGS and (t.i in known and known[t.i][0] == "place" or
                                                          stem in lex.LEVEL_WORDS):
                    obj = t
                    break
                if t.is_punct or t.ent_type_ == "PER" or t.i in known or not (t.is_alpha or t.like_num) or \
                        t.text[:1].isupper() and m > 0:
                    break              # only a span of time ('жеті жыл', 'бұған дейін 2 жыл') between
            if obj is None:
                continue
            chain_start = _chain_start_kk(doc, obj.i, sent.start, known, lex)   # the words before the object
            chain = doc[chain_start:obj.i + 1]
            juris, body, facility = _jurisdiction_kk(ctx, doc, chain, known, "akim", lex)
            if not juris or not juris.startswith(("region:KZ", "settlement:", "district:")) or body or facility:
                continue
            if side == "after":
                end = toks[n + len(words) - 1].i + 1
                after = index.starting(end, min(sent.end, end + 2))
                person = after[0] if after else None
            else:
                before = [(e, k) for e, k in index.ending(max(sent.start, chain_start - 2), chain_start + 1)
                          if e.start >= sent.start]
                person = before[-1] if before else None
            if person is None:
                continue
            ent, key = person
            label = [_Word(t.text) for t in chain[:-1] if not t.is_space] + \
                [_Word(morph.nominative(obj.lower_)), _Word("әкімі")]
            _write_tenure_kk(ctx, key, ent, "akim", juris, None, None, False, chain, label=label,
                             former=held == "former", label_if_new=True)


# A lower-case word glued to a capitalised one ('қызметіМемлекет'): a line break the scraper lost.
_GLUED = re.compile(r"^[a-zа-яёәғқңөұүһі]{4,}[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][a-zа-яёәғқңөұүһі]{2,}$")


def _bare_deputies_kk(doc, triggers, lex):
    """A bare 'орынбасары' (deputy; lex.BARE_DEPUTY) is the deputy of the role it refers to: the role in the
    genitive right before it, a topic between ('бас дәрігердің емдеу ісі жөніндегі орынбасары Х': one trigger
    of the deputy's role, lex.DEPUTY_OF), or, with no genitive before it, the one-holder post (akim,
    minister) told earlier in its sentence ('… Х әкім болып тағайындалғанына екі айдан асқанда орынбасары Ү
    қызметінен кетті': {trigger start: (that role's trigger, role)}). A bare deputy that refers to no role is
    dropped. -> (triggers, references)"""
    out, refs, merged = [], {}, set()
    for n, (span, role) in enumerate(triggers):
        if tuple(stem_of(t) for t in span if not t.is_space) != lex.BARE_DEPUTY:
            out.append((span, role))
            continue
        sent = span.sent
        before = [(m, s, r) for m, (s, r) in enumerate(triggers[:n]) if s.start >= sent.start and r in lex.DEPUTY_OF]
        genitive = next(((m, s, r) for m, s, r in reversed(before) if morph.is_genitive(s[-1].lower_) and
                         _topic_between_kk(doc, s.end, span.start, lex)), None)
        if genitive is not None:
            m, ref, ref_role = genitive
            out = [(s, r) for s, r in out if s.start != ref.start]
            out.append((doc[ref.start:span.end], lex.DEPUTY_OF[ref_role]))
            continue
        prev = next((t for t in reversed(doc[sent.start:span.start]) if not t.is_space), None)
        sole = [(s, r) for _, s, r in before if r in lex.SOLE_ROLES]
        if sole and prev is not None and not morph.is_genitive(prev.lower_) and prev.is_alpha:
            ref, ref_role = sole[-1]
            refs[span.start] = (ref, ref_role)
            out.append((span, lex.DEPUTY_OF[ref_role]))
    return out, refs


def _topic_between_kk(doc, start: int, end: int, lex) -> bool:
    """Only a topic ('емдеу ісі жөніндегі', 'экономика мәселелері бойынша') or nothing between a role in the
    genitive and 'орынбасары'."""
    words = [t for t in doc[start:end] if not t.is_space]
    if not words:
        return True
    return len(words) <= lex.TOPIC_SPAN and words[-1].lower_ in lex.TOPIC_WORDS and \
        all(t.is_alpha and t.text.islower() or "-" in t.text for t in words)


def _this_post_kk(ctx, doc, lonely, index, known, lex) -> list:
    """'Айыртау ауданының әкімі ауысты. Бұл лауазымға … Х тағайындалды', '… бас дәрігері де ауысты. Осы қызметті
    … атқарып келген Х қызметінен кетті': a demonstrative and a post noun ('бұл лауазым', 'осы қызмет';
    lex.THIS_WORDS, lex.POST_NOUNS) point back to the post written with nobody named in the sentence before;
    the one person named after them holds it (appointed, holding, or leaving it: a change when the sentence
    has its word). Returns the roles still unnamed."""
    from .appointments import _write_change
    if not lonely:
        return lonely
    sents = list(sentences(doc))
    left = list(lonely)
    for n, sent in enumerate(sents[1:], 1):
        toks = [t for t in sent if not t.is_space]
        this = next((i for i, t in enumerate(toks[:-1]) if t.lower_ in lex.THIS_WORDS and
                     toks[i + 1].lower_.startswith(lex.POST_NOUNS)), None)
        if this is None:
            continue
        before = [(trigger, role) for trigger, role in left if sents[n - 1].start <= trigger.start < sent.start]
        after = [(e, k) for e, k in index.in_sentence(sent.start) if e.start > toks[this].i]
        if len(before) != 1 or len({k for _, k in after}) != 1:
            continue
        (trigger, role), (ent, key) = before[0], after[0]
        chain_start = _chain_start_kk(doc, trigger.start, trigger.sent.start, known, lex)
        juris, body, facility = _jurisdiction_kk(ctx, doc, doc[chain_start:trigger.start], known, role, lex)
        if not (juris or body or facility):
            continue
        post = _write_tenure_kk(ctx, key, ent, role, juris, body, facility, False, doc[chain_start:trigger.end])
        left.remove(before[0])
        change = match_prefixes(doc[ent.end:sent.end], lex.APPOINTMENT) or \
            match_prefixes(doc[toks[this].i:ent.start], lex.APPOINTMENT)
        if change:
            (tok, *_), kind = change[0]
            _write_change(ctx, lex.CHANGE_KINDS[kind], tok, sent, key, post, False, None,
                          index.in_sentence(sent.start), lex)
    return left


def _unnamed_holder_kk(ctx, doc, lonely, index, known, lex) -> None:
    """'Қазақстан Президенті … аурухананың жұмысымен танысты. Қасым-Жомарт Тоқаевқа … көрсетілді.',
    'Денсаулық сақтау министрі … емделіп жатқан кезде, … . “Елжан Біртанов толық сауығып, …”': a post one
    person holds (lex.SOLE_ROLES), placed, written with no name and in the nominative, is held by the one
    person of the next sentence who holds no post in the article, when the article names that person in full
    and the role's own sentence names nobody else without a post."""
    if not lonely:
        return
    holders = {f.value for f in ctx.facts.values() if f.prop == "hc:tenureOf"}
    held_posts = {f.value for f in ctx.facts.values() if f.prop == "hc:tenurePost"}
    full = {key for e, key in ctx.notes.get("persons", [])
            if len([t for t in e if t.is_alpha or "-" in t.text]) >= 2}
    sents = list(sentences(doc))
    number = {sent.start: n for n, sent in enumerate(sents)}
    for trigger, role in lonely:
        word = trigger[-1].lower_
        sent = trigger.sent
        n = number.get(sent.start)
        nxt = next((t for t in doc[trigger.end:sent.end] if not t.is_space), None)
        if role not in lex.SOLE_ROLES or morph.nominative(word) != word or n is None or \
                nxt is not None and (nxt.lower_.startswith(lex.POST_NOUNS) or morph.is_genitive(nxt.lower_) or
                                     nxt.lower_.endswith(lex.PARTICIPLE_ENDINGS)) or \
                any(key not in holders for _, key in index.in_sentence(sent.start)):
            continue                   # 'Президентінің', 'министрі қызметінен', 'әкімі аппаратының', 'Президент
            #                            ұсынған': a case, a post, a compound, a clause's subject: not the subject
        chain_start = _chain_start_kk(doc, trigger.start, sent.start, known, lex)
        if _former_kk(doc, sent, chain_start, trigger, lex):
            continue
        # the first of the next three sentences that names anyone ('Висе-премер … . Висе-премер өз сөзінде … .
        # «…», деді Ералы Тоғжанов.'), else the quote's signature that ends the sentence before ('«…», – Ерболат
        # Досаев. Қала әкімі атап өткендей, …')
        later = next((m for m in range(n + 1, min(len(sents), n + 4)) if index.in_sentence(sents[m].start)), None)
        if later is not None:
            named = [(e, key) for e, key in index.in_sentence(sents[later].start) if key not in holders]
        else:
            later = n - 1
            named = _signature_kk(doc, sents[n - 1], index) if n > 0 else []
            named = [(e, key) for e, key in named if key not in holders]
        if len({key for _, key in named}) != 1 or named[0][1] not in full or _described_kk(doc, named[0][0]):
            continue
        juris, body, facility = _jurisdiction_kk(ctx, doc, doc[chain_start:trigger.start], known, role, lex)
        if not (juris or body or facility):
            continue
        if post_key(role, juris, body or facility, holder=None) in held_posts:
            continue                   # 'Премьер-Министр Х … . Үкімет басшысы … тапсырды.': the one named before
        ent, key = named[0]
        if not any(t.is_alpha for t in sents[later] if t.i < ent.start or t.i >= ent.end):
            continue                   # '… тапсырды. | Нәзира Жәрімбетова. |': the byline, a line of its own
        _write_tenure_kk(ctx, key, ent, role, juris, body, facility, False, doc[chain_start:trigger.end])
        holders.add(key)


def _signature_kk(doc, sent, index) -> list:
    """The person who signs a quote at the end of a sentence ('«…», – Ерболат Досаев.', '«…» деді Х.'): a dash,
    a closing quote or 'деді' right before the name, only punctuation after it -> [(span, key)] or []."""
    people = index.in_sentence(sent.start)
    if not people:
        return []
    ent, key = people[-1]
    if any(not (t.is_space or t.is_punct) for t in doc[ent.end:sent.end]):
        return []
    prev = [t for t in doc[max(sent.start, ent.start - 3):ent.start] if not t.is_space]
    if prev and (prev[-1].text in "–—-»\"”" or prev[-1].lower_ in ("деді", "дейді")):
        return [(ent, key)]
    return []


def _listed_after_kk(doc, trigger, index) -> list:
    """The persons named one after another right after ``trigger`` ('депутаттары A, B, C', '… A мен B'):
    two at least, else none."""
    out, i, sent = [], trigger.end, trigger.sent
    while i < sent.end:
        while i < sent.end and doc[i].is_space:
            i += 1
        person = index.first_at.get(i)
        if person is None:
            break
        out.append(person)
        i = person[0].end
        if i < sent.end and (doc[i].text == "," or doc[i].lower_ in ("және", "мен", "пен", "бен")):
            i += 1
            continue
        break
    return out if len(out) >= 2 else []


def _chairs_kk(ctx, doc, index, lex) -> None:
    """'Х-тың төрағалығымен … сессиясы өтті' (chaired by X): X chairs, when the article gives X no other post
    (an akim chairing a meeting holds no chair's post)."""
    holders = None
    for tok in doc:
        if not tok.lower_.startswith(lex.CHAIRED_BY) or tok.i == 0:
            continue
        before = index.ending(tok.i, tok.i + 1)
        if not before or not morph.is_genitive(before[-1][0][-1].lower_):
            continue
        ent, key = before[-1]
        if holders is None:
            holders = {f.value for f in ctx.facts.values() if f.prop == "hc:tenureOf"}
        if key in holders:
            continue
        post = post_key("chair", None, None, holder=key)
        _post_node(ctx, post, ROLE_LABELS["chair"][1].capitalize(), "chair", None, None)     # 'Төраға'
        ctx.mention_span(post, doc[tok.i:tok.i + 1])
        write_tenure(ctx, key, post, False, tok.sent)
        holders.add(key)


def _changes_kk(ctx: Ctx, doc, index, known, unnamed, bare, changed, lex) -> None:
    """Personnel changes told twice. (1) 'Х ауруханасының бас дәрігері қызметінен босатылды. … Ү директор
    қызметінен босатылды': a change in a post with no chain is the change the article tells of a named post
    with nobody named, when it tells one such of that kind. (2) 'Оның орнына (уақытша атқарушы ретінде) Z
    тағайындалды': the appointee takes the post the article's one dismissal left (acting when so marked)."""
    from .appointments import _write_change
    for key, ent, kind, tok, acting in bare:
        if len(unnamed.get(kind, ())) != 1:
            continue
        trigger, role = unnamed[kind][0]
        post = _unnamed_post_kk(ctx, doc, trigger, role, known, key, ent, acting, lex)
        _write_change(ctx, kind, tok, ent.sent, key, post, acting, None, index.in_sentence(ent.sent.start), lex)
        changed.setdefault(kind, set()).add(post)
    if unnamed.get("dismissal") and len({role for _, role in unnamed["dismissal"]}) == 1 and \
            not changed.get("dismissal"):       # one post told unnamed, maybe twice (headline and text): the
        dismissed = max(unnamed["dismissal"], key=lambda x: x[0].start - _chain_start_kk(   # fullest telling
            doc, x[0].start, x[0].sent.start, known, lex))
        _left_named_kk(ctx, doc, index, known, dismissed, changed, lex)
    if len(unnamed.get("dismissal", ())) == 1:
        trigger, role = unnamed["dismissal"][0]
        left = {("unnamed", trigger, role)}
    else:
        left = set(changed.get("dismissal", ()))
    if len(left) != 1:
        return
    vacated = next(iter(left))
    for sent in sentences(doc):
        words = [t.text.lower() for t in sent]
        if not lex.PREDECESSOR_WORDS & set(words):
            continue
        found = match_prefixes(sent, {w: v for w, v in lex.APPOINTMENT.items() if v != "dismissed"})
        if not found:
            continue
        tok = found[0][0][0]
        for ent, key in index.in_sentence(sent.start):
            if ent.start > tok.i or any(t.i in known for t in ent):
                continue
            acting = _acting_between_kk(doc, sent.start, ent.start, lex)
            if isinstance(vacated, tuple):
                post = _unnamed_post_kk(ctx, doc, vacated[1], vacated[2], known, key, ent, acting, lex)
            else:
                post = vacated
            _write_change(ctx, "appointment", tok, sent, key, post, acting, None, index.in_sentence(sent.start),
                          lex)


def _left_named_kk(ctx, doc, index, known, dismissed, changed, lex) -> None:
    """(3) '… ауруханасының бас дәрігері жұмысынан босатылды. … Х қызметінен өз қалауы бойынша кетті': the one
    person of a later sentence with no role word who leaves 'қызметінен' (his post) held the post the article's
    one unnamed dismissal names."""
    from .appointments import _write_change
    trigger, role = dismissed
    roles_at = {span.sent.start for span, _ in trigger_spans(doc, "hc_roles")}
    for sent in sentences(doc):
        if sent.start <= trigger.start or sent.start in roles_at:
            continue
        people = index.in_sentence(sent.start)
        if len(people) != 1 or any(t.i in known for t in people[0][0]):
            continue
        ent, key = people[0]
        after = [t for t in doc[ent.end:sent.end] if not t.is_space]
        if not after or not after[0].lower_.startswith(lex.FROM_POST):
            continue
        left = next((t for t in after[1:8] if t.lower_.startswith(lex.LEFT_POST)), None)
        if left is None:
            continue
        post = _unnamed_post_kk(ctx, doc, trigger, role, known, key, ent, False, lex)
        _write_change(ctx, "dismissal", left, sent, key, post, False, None, people, lex)
        changed.setdefault("dismissal", set()).add(post)
        return


def _head_of_place_kk(chain, role: str, juris, body, facility, known, lex) -> str:
    """'Түркістан облысының басшысы', 'аудан басшысы': the head of a region, district or town with no body
    named is its akim (the chain holds only the place and level words)."""
    if role != "head" or body or facility or (juris and not juris.startswith(("region:KZ", "settlement:"))):
        return role
    words = [t for t in chain if t.is_alpha or "-" in t.text]
    if words and all((t.i in known and known[t.i][0] == "place") or stem_of(t) in lex.LEVEL_WORDS for t in words):
        return "akim"
    return role


def _unnamed_post_kk(ctx, doc, trigger, role, known, person, ent, acting, lex) -> str:
    """Write the post of a role with nobody named (its chain, jurisdiction, body) as ``person``'s."""
    chain_start = _chain_start_kk(doc, trigger.start, trigger.sent.start, known, lex)
    juris, body, facility = _jurisdiction_kk(ctx, doc, doc[chain_start:trigger.start], known, role, lex)
    return _write_tenure_kk(ctx, person, ent, role, juris, body, facility, acting, doc[chain_start:trigger.end])


def _stated_jurisdictions_kk(ctx: Ctx, doc, triggers, known, lex) -> dict[str, set]:
    """role -> the jurisdictions the article's posts of that role name in their chains ('Жамбыл облысы
    әкімінің жұмысы'): a bare role with a name ('әкім Х') is that post when the article names one only."""
    out: dict[str, set] = {}
    for trigger, role in triggers:
        start = _chain_start_kk(doc, trigger.start, trigger.sent.start, known, lex)
        if start == trigger.start:
            continue
        juris, body, facility = _jurisdiction_kk(ctx, doc, doc[start:trigger.start], known, role, lex)
        if juris and not body and not facility:
            out.setdefault(role, set()).add(juris)
    return out


def _former_kk(doc, sent, chain_start: int, trigger, lex) -> bool:
    """'бұрынғы / бұрын / экс' within two words before the post's chain, or 'болған / істеген' right after the
    role ('бұрын облыс әкімі болған Х'): a post once held."""
    if any(t.text.lower() in lex.FORMER_WORDS for t in doc[max(sent.start, chain_start - 2):trigger.start]):
        return True
    nxt = next((t for t in doc[trigger.end:min(sent.end, trigger.end + 3)] if not t.is_space), None)
    return nxt is not None and nxt.text.lower() in lex.FORMER_AFTER


class _PersonIndex:
    """The persons found (``ctx.notes["persons"]``, in text order) by first token, by last token and by
    sentence, so each role looks up its neighbours without a scan of the article."""

    def __init__(self, doc, persons):
        self.first_at, self.by_start, self.by_end, self.by_sent = {}, {}, {}, {}
        sent_of = {}
        for sent in sentences(doc):
            sent_of.update((i, sent.start) for i in range(sent.start, sent.end))
        for n, (e, key) in enumerate(persons):
            self.first_at.setdefault(e.start, (e, key))
            self.by_start.setdefault(e.start, []).append((n, e, key))
            self.by_end.setdefault(e.end, []).append((n, e, key))
            self.by_sent.setdefault(sent_of.get(e.start, e.start), []).append((e, key))

    def starting(self, begin: int, end: int) -> list:
        """Persons starting in [begin, end), in text order."""
        return [(e, k) for _, e, k in sorted(x for i in range(begin, end) for x in self.by_start.get(i, ()))]

    def ending(self, begin: int, end: int) -> list:
        """Persons ending in [begin, end), in text order."""
        return [(e, k) for _, e, k in sorted(x for i in range(begin, end) for x in self.by_end.get(i, ()))]

    def in_sentence(self, start: int) -> list:
        return list(self.by_sent.get(start, ()))


def _holder_kk(doc, trigger, index, role_starts, known, lex):
    """A holding phrase right after the role (kg/patterns/kk/holding.json) and the person it names: 'Х облыстық
    қаржы басқармасының бастығы қызметін атқарады' (Х holds it: the person ending right before the post's
    chain), '… әкімінің орынбасары болған Х', 'аудан әкімі қызметін атқарып, … Х' (Х held it: the first person
    after the phrase, no other role between) -> ((span, key), 'current' | 'former'), or (None, None)."""
    sent = trigger.sent
    toks = [t for t in doc[trigger.end:min(sent.end, trigger.end + 6)] if not t.is_space]
    lows = tuple(t.lower_ for t in toks)
    found = max(((w, v) for w, v in lex.HOLDING.items() if lows[:len(w)] == w), key=lambda x: len(x[0]),
                default=None)
    if found is None:
        return None, None
    words, (held, side) = found
    if side == "after":
        end = toks[len(words) - 1].i + 1
        after = index.starting(end, sent.end)
        if not after:
            return None, None
        if words[-1].endswith(lex.PARTICIPLE_ENDINGS) and \
                any(not (t.is_space or t.is_punct) for t in doc[end:after[0][0].start]):
            return None, None          # '… болған Х': a participle names the noun right after it ('облыс
            #                            әкімі болған жиында Х сөйледі': the meeting, not Х)
        nxt_role = next((s for s in role_starts if end <= s < after[0][0].start), None)
        return (after[0], held) if nxt_role is None else (None, None)
    chain_start = _chain_start_kk(doc, trigger.start, sent.start, known, lex)
    before = [(e, k) for e, k in index.ending(max(sent.start, chain_start - 2), chain_start + 1)
              if e.start >= sent.start]
    return (before[-1], held) if before else (None, None)


def _approved_candidate_kk(doc, trigger, index, known, lex):
    """'Мемлекет басшысының Өмірзақ Шөкеевті Түркістан облысының әкімі лауазымына тағайындау ұсынысы … Дауыс
    беру қорытындысы бойынша, депутаттар … кандидатураны бірауыздан қолдады': the one person proposed for the
    post (named before its chain) holds it when a later sentence approves a candidacy and names no other
    person -> ((span, key), 'current') or (None, None). A proposal alone gives no post."""
    sent = trigger.sent
    toks = [t.lower_ for t in doc[trigger.end:min(sent.end, trigger.end + 4)] if not t.is_space]
    if not any(len(toks) >= len(w) and all(toks[i].startswith(p) for i, p in enumerate(w)) for w in lex.PROPOSED):
        return None, None              # the proposing words right after the role: 'әкімі лауазымына тағайындау
    chain_start = _chain_start_kk(doc, trigger.start, sent.start, known, lex)
    before = [(e, k) for e, k in index.ending(max(sent.start, chain_start - 2), chain_start + 1)
              if e.start >= sent.start]
    if len(before) != 1:
        return None, None
    ent, key = before[0]
    for later in sentences(doc):
        if later.start < sent.end:
            continue
        if any(t.lower_.startswith(lex.CANDIDACY_NOUNS) for t in later) and match_prefixes(later, lex.APPROVED):
            others = {k for _, k in index.in_sentence(later.start)} - {key}
            return ((ent, key), "current") if not others else (None, None)
    return None, None


def _listed_before_kk(doc, sent, ent, index, known) -> list:
    """'A Абай ауданының, B Бесқарағай ауданының, C Бородулиха, ал D Шемонаиха ауданының әкімі болып
    тағайындалды': the persons before the appointee ``ent``, each right before a place and a comma (or 'ал',
    'және'), take the same role in their place -> [((span, key), (place key, place span))]."""
    out = []
    for e, key in index.in_sentence(sent.start):
        if e.end > ent.start or e is ent:
            continue
        i = e.end
        while i < sent.end and doc[i].is_space:
            i += 1
        kind, place, span = known.get(i, (None, None, None))
        if kind != "place" or span is None or span.start != i or \
                place.split(":")[0] not in ("region", "settlement", "district"):
            continue
        j = span.end
        while j < sent.end and doc[j].is_space:
            j += 1
        if j < sent.end and (doc[j].text == "," or doc[j].lower_ in ("ал", "және")):
            out.append(((e, key), (place, span)))
    return out


def _appointee_kk(ctx, doc, trigger, index, lex):
    """'Ажар Ғинияттың … директоры қызметіне тағайындалды': the nearest name before the role, in its
    sentence, when an appointment word follows the role."""
    sent = trigger.sent
    nxt = next((t for t in doc[trigger.end:sent.end] if not t.is_space), None)
    if nxt is not None and nxt.text.lower().startswith(lex.ROLE_COMPLEMENTS):
        after = [(e, k) for e, k in index.starting(trigger.end + 1, sent.end)
                 if _appointment_near_kk(doc, e.end, sent, lex) is not None]
        if after:                      # '… басшысы болып бұрынғы вице-министр Х тағайындалды'
            return after[0]
    if _appointment_near_kk(doc, trigger.end, sent, lex) is None:
        return None
    before = [(e, k) for e, k in index.ending(max(0, trigger.start - 10), trigger.start + 1) if sent.start <= e.start]
    return before[-1] if before else None


def _apposed_kk(ctx, doc, trigger, index, known, lex):
    """'Х Ү, облыс әкімі:' (a speaker's caption), 'Х Ү – СҚО әкімі.', 'Х Ү, аудандық аурухананың бас дәрігері,
    …': the post in apposition after a comma or a dash, right after the name, the phrase closed by punctuation
    or the line's end."""
    sent = trigger.sent
    nxt = trigger.end
    while nxt < len(doc) and doc[nxt].is_space and "\n" not in doc[nxt].text:
        nxt += 1
    if nxt < len(doc) and not (doc[nxt].is_punct and doc[nxt].text in ":,.—–-" or "\n" in doc[nxt].text):
        return None
    chain_start = _chain_start_kk(doc, trigger.start, sent.start, known, lex)
    comma = chain_start - 1
    while comma > sent.start and doc[comma].is_space:
        comma -= 1
    if comma <= sent.start or doc[comma].text not in (",", "-", "–", "—"):
        return None                    # 'Х Ү, облыс әкімі:', 'Х Ү – СҚО әкімі.' (a caption)
    before = index.ending(comma, comma + 1)
    if not before:
        return None
    first = before[-1][0].start
    while first > sent.start and doc[first - 1].is_space:
        first -= 1
    if any(span.end == first for span, _ in trigger_spans(doc, "hc_roles")):
        return None                    # 'облыс прокуроры Х, аудан әкімі, …': a list of those present, Х has his own
    return before[-1]


def _dismissed_after_kk(doc, ent, sent, lex):
    """A dismissal word anywhere in the rest of the sentence after the name ('… өз өтініші негізінде
    қызметінен босатылды'): (kind, first token), or None."""
    found = [(toks, v) for toks, v in match_prefixes(doc[ent.end:sent.end], lex.APPOINTMENT) if v == "dismissed"]
    return (found[0][1], found[0][0][0]) if found else None


def _write_tenure_kk(ctx, person, ent, role, juris, body, facility, acting, post_span, label=None,
                     former=False, label_if_new=False) -> None:
    if juris and not ctx.has(juris):
        place = load_gazetteer().get(juris)
        for lang, name in (place.labels.items() if place else ()):
            ctx.entity(juris, place.cls, name, lang)      # 'министр' with no place: the country, named here
    post = post_key(role, juris, body or facility, holder=None if (juris or body or facility) else person)
    label = label_form(post_span) if label is None else label_form(label)   # a list: the words, 'бұрынғы' left out
    label = label[:1].upper() + label[1:]
    ctx.entity(post, "Post", None if label_if_new and ctx.has(post) else label)
    stems = tuple(stem_of(t) for t in post_span if not t.is_space)
    for words, ru in lex_kk.ROLE_RU.items():
        if stems[-len(words):] == words or stems[-1:] == words[-1:] == lex_kk.BARE_DEPUTY and \
                any(stems[i:i + len(words) - 1] == words[:-1] for i in range(len(stems) - len(words) + 1)):
            # 'бас дәрігердің (емдеу ісі жөніндегі) орынбасары': 'заместитель главного врача'
            ctx.entity(post, "Post", None, lang="ru", alt=ru)
    ctx.fact(post, "hc:postRole", f"Role:{role}", "concept")
    if juris:
        ctx.fact(post, "hc:jurisdiction", juris)
    if body or facility:
        ctx.fact(post, "hc:postIn", body or facility)
    ctx.mention_span(post, post_span)
    if former:
        write_former_tenure(ctx, person, post, ent.sent)
    else:
        write_tenure(ctx, person, post, acting, ent.sent)
    return post
