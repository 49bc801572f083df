"""Appointments, dismissals and nominations: who was put into (or out of) which post, by whom, when.

Sentence patterns, read from the trigger word's form (lemmas and cases come from the NLP stage):
  passive     'Исполняющим обязанности министра … назначен … Пётр Сидоров'   appointee: the nominative name
  active      'Губернатор назначил Петра Сидорова министром …'                appointee: the accusative name,
                                                                             decided by: the nominative name
  self        'Пётр Сидоров возглавил областную больницу', 'покинул пост …'   appointee: the subject
  noun        'о назначении … министра – Петра Сидорова', 'об увольнении Петра Сидорова с должности …'
The post is the role word the verb governs (instrumental 'министром', or a genitive after 'должность',
'пост', 'обязанности'), or, for 'возглавить', the body or facility it takes. Each change becomes a
``hc:PersonnelChange`` (``hc:Appointment`` / ``hc:Dismissal`` / ``hc:Nomination``) linked to the tenure it
starts or ends; the tenure takes the date the sentence gives as its start or end.
"""
from __future__ import annotations

from ..iris import make_key
from ..nlp.extensions import doc_text, sent_start, token_table
from .common import lemma, trigger_spans, trigger_tokens
from .context import Ctx

CLASSES = {"appointment": "Appointment", "dismissal": "Dismissal", "nomination": "Nomination"}
KINDS = set(CLASSES) | {"acting", "holding"}
# 'acting': performs the post's duties, a tenure without a change; 'holding': holds the post ('работает
# главным врачом', 'в статусе главврача значится …'), a tenure without a change
WINDOW = 14          # tokens between the trigger word and the role or name it governs


def extract_appointments(ctx: Ctx, lex) -> None:
    from .officials import dash_title, is_acting, role_segment, write_former_tenure, write_post, write_tenure

    doc = ctx.doc
    persons = ctx.notes.get("persons", [])
    if not persons:
        return
    roles = [(span, role) for span, role in trigger_spans(doc, "hc_roles") if ctx.live(span)]
    bodies = ctx.notes.get("orgs", []) + [(s, k) for s, k, _ in ctx.notes.get("facilities", [])]
    changes = trigger_tokens(doc, "hc_appointment")
    taken = []                          # (token, person, post, change or None) of each post given, in order
    persons_in, roles_in = {}, {}       # sentence start -> its persons, its roles (in text order), made once
    for ent, key in persons:
        persons_in.setdefault(sent_start(ent), []).append((ent, key))
    for span, role in roles:
        roles_in.setdefault(sent_start(span), []).append((span, role))
    for i, kind in changes.items():
        tok = doc[i]
        if not ctx.live(doc[tok.i:tok.i + 1]):
            continue
        predicative = kind == "acting" and _future_copula(tok)
        if kind == "acting" and tok.morph.get("VerbForm") not in (["Fin"], ["Inf"]) and \
                lemma(tok) not in lex.APPOINTMENT_PERSON_AFTER and not predicative:
            continue            # 'исполняющего обязанности министра X' describes X, not the subject
        if _possible(tok, lex):
            continue            # 'пост главного врача может занять …': a possibility, not a change
        earlier = any(lemma(t) in lex.EARLIER_WORDS for t in tok.doc[tok.sent.start:tok.i])
        if kind == "acting" and earlier:
            continue            # 'ранее обязанности главы исполняла …': duties held before
        past_imperfective = tok.morph.get("Aspect") == ["Imp"] and tok.morph.get("Tense") == ["Past"]
        former = (earlier or past_imperfective and tok.morph.get("VerbForm") == ["Fin"]) and (
            kind == "holding" or kind == "appointment" and lemma(tok) in lex.APPOINTMENT_SELF and past_imperfective)
        # 'Сергей Галаганов возглавлял коронавирусный госпиталь', 'до этого департаментом руководил …',
        # 'являлась первым заместителем': the finite imperfective past of holding or heading is a post held before
        # 'ранее занимал должность заместителя министра', 'ранее возглавлял районную больницу': a post held
        # before, a former tenure
        if kind == "holding" and tok.morph.get("VerbForm") == ["Part"] and tok.morph.get("Voice") == ["Pass"]:
            continue            # 'освободил от занимаемой должности главврача': the post is held by whom the
                                # sentence removes, never by its subject
        sent = tok.sent
        people = list(persons_in.get(sent.start, ()))
        form = "self" if predicative else _form(tok, lex)   # 'исполняющим обязанности … будет X': X, nominative
        if form == "self" and tok.morph.get("Gender") == ["Neut"] and tok.morph.get("Number") == ["Sing"]:
            continue            # 'Стало известно, что …', 'ведомство возглавило …': no person is the subject
        copula = _infinitive_copula(tok) if kind == "acting" else None
        if copula is not None:      # 'Как сообщила Анна Петрова, исполнять обязанности министра будет …': the
            appointee, decided_by = next((p for p in people if p[0].start > copula       # subject after 'будет'
                                          and _object_case(p[0], roles) == "Nom"), None), None
        elif lemma(tok) in lex.APPOINTMENT_PERSON_AFTER:
            appointee, decided_by = _object_of(tok, lex.APPOINTMENT_PERSON_AFTER[lemma(tok)], people), None
        else:
            appointee, decided_by = _people(tok, form, people, roles)
        if appointee is None and form in ("passive", "self"):
            appointee = _pronoun_subject(tok, persons)  # 'Она … утверждена в должности главного врача'
        if appointee is None and form in ("passive", "self") and _opened_by_anaphor(tok, lex):
            appointee = next((p for p in people if p[0].start > tok.i and _object_case(p[0], roles) == "Nom"),
                             None)      # 'Им стал один из ведущих онкологов России, основатель … Иван Петров'
        if appointee is None:
            continue
        ent, person = appointee
        target = _target_role(tok, form, roles_in.get(sent.start, []), ent, sent, lex, people) or \
            _anaphoric_role(tok, sent, roles, lex) or \
            _demonstrative_role(tok, sent, roles, lex)
        duties = target is None and _possessed_duties(tok, sent, lex)
        if duties:
            target = _last_role_before(sent, roles)
        elif target is None and (bare := _bare_duties(tok, sent, roles_in.get(sent.start, []))) is not None:
            target, duties = bare, True
        also = None
        if target is not None:
            trigger, role = target
            ctx.notes.setdefault("appointment_roles", set()).add(trigger.start)
            seg_end = role_segment(ctx, lex, trigger)
            post, acting = write_post(ctx, lex, person, trigger, role, seg_end)
            acting = acting or duties
            if post is not None and (second := dash_title(ctx, seg_end)) is not None:
                ctx.notes["appointment_roles"].add(second[0].start)     # 'пост зампреда правительства – министра
                also, _ = write_post(ctx, lex, person, *second, role_segment(ctx, lex, second[0]))  # здравоохранения'
            found = _headed_body(tok, form, bodies, sent, lex) if post is None and form in ("self", "active") \
                else None
            if found is not None:   # 'Управление … в должности и.о. руководителя возглавила …': a bare role, the
                span, body, role = found                                    # body the verb takes
                post, _ = write_post(ctx, lex, person, span, role, None, body=body)
                acting = acting or is_acting(doc, trigger, lex)
        else:
            found = _headed_body(tok, form, bodies, sent, lex) if form in ("self", "active") else None
            if found is None:
                continue
            span, body, role = found
            post, acting = write_post(ctx, lex, person, span, role, None, body=body)
        if post is None:
            continue
        if former:
            for held in (post, also):
                if held is not None:
                    write_former_tenure(ctx, person, held, sent)
            continue
        if also is not None:                     # the second title of a combined one: a tenure, no change
            write_tenure(ctx, person, also, True if kind == "acting" else acting, sent)
        if kind in ("acting", "holding"):        # 'обязанности главы исполняет …': a tenure, no change
            write_tenure(ctx, person, post, True if kind == "acting" else acting, sent)
            taken.append((tok.i, person, post, None))
            continue
        change = _write_change(ctx, kind, tok, sent, person, post, acting, decided_by, people, lex)
        if kind == "appointment":
            taken.append((tok.i, person, post, change))
            if not acting:
                _left_behind(ctx, person, ent, post, sent)
    _replaced_on_this_post(ctx, taken, persons, lex)
    _acting_by_copula(ctx, lex, roles, persons_in)


def _acting_by_copula(ctx, lex, roles, persons_in) -> None:
    """'А до этого времени и.о. министра будет Елена Шилова', 'врио главврача станет …': an acting role with a
    future copula after it ('будет', 'станет') names the nominative person right after the copula, whose
    acting tenure it is (no change: a plan)."""
    from .officials import is_acting, role_segment, write_post, write_tenure
    doc = ctx.doc
    for span, role in roles:
        if not is_acting(doc, span, lex) or _head_case(span[-1]) == "Ins":
            continue
        seg_end = role_segment(ctx, lex, span)
        k = seg_end
        while k < span.sent.end and (doc[k].is_space or doc[k].pos_ in ("ADJ", "PROPN", "NOUN") and doc[k].ent_type_ != "PER"
                                     and _head_case(doc[k]) == "Gen"):
            k += 1                      # the role's own description
        if k >= span.sent.end or doc[k].lower_ not in ("будет", "станет"):
            continue
        after = sorted((p for p in persons_in.get(span.sent.start, ()) if p[0].start > k), key=lambda p: p[0].start)
        if not after or after[0][0].start - k > 6 or _object_case(after[0][0], roles) != "Nom":
            continue
        ent, person = after[0]
        post, _ = write_post(ctx, lex, person, span, role, seg_end)
        if post is not None:
            ctx.notes.setdefault("appointment_roles", set()).add(span.start)
            write_tenure(ctx, person, post, True, span.sent)


def _left_behind(ctx, person: str, ent, post: str, sent) -> None:
    """'Министр здравоохранения области Иван Петров назначен вице-губернатором': the post that describes the
    appointee in the sentence of a (not acting) appointment to another post is the one he leaves: his tenure of
    it becomes a former one (an acting appointment keeps the post held: 'заместитель министра … назначена
    врио министра')."""
    from .officials import make_former

    described = {m.key for m in ctx.mentions.values()
                 if m.role == "name" and m.key != post and m.key.startswith("post:") and sent.start_char <= m.begin
                 and m.end <= ent.start_char and not doc_text(ctx.doc)[m.end:ent.start_char].strip(" ,\n")}
    for old in described:
        if (person, "hc:holdsPost", old, "ref") in ctx.facts:
            make_former(ctx, person, old)


def _replaced_on_this_post(ctx, taken, persons, lex) -> None:
    """'Иван Петров назначен главным врачом. На этом посту он сменил Петра Сидорова' / 'Новый руководитель сменил
    на этом посту Петра Сидорова': a successor with no post in the sentence ('этот пост') took the post the
    text gave someone last before it; the person after 'сменил' held it until then (the appointment's
    predecessor, else a former tenure)."""
    from .officials import write_former_tenure, write_tenure

    doc = ctx.doc
    table = token_table(doc)                # the verbs found on the table: no Token per word of the text
    for i, word in enumerate(table.lemma):
        if word not in lex.PREDECESSOR_WORDS or table.pos[i] != "VERB" or not taken:
            continue
        tok = doc[i]
        sent = tok.sent
        if not any(lemma(t) in lex.POST_WORDS and t.i > sent.start and lemma(doc[t.i - 1]) in lex.DEMONSTRATIVES
                   for t in sent):
            continue                # 'сменил на посту главного врача …' names its post: not this rule's
        before = [entry for entry in taken if entry[0] < sent.start]
        if not before or any(sent.start <= entry[0] < sent.end for entry in taken):
            continue
        _, successor, post, change = before[-1]
        named = [key for ent, key in persons if sent.start <= ent.start and ent.end <= tok.i and _case(ent) == "Nom"]
        if named and named[-1] != successor:
            continue                # someone else replaced someone
        after = [key for ent, key in persons if tok.i < ent.start <= tok.i + 8 and ent.end <= sent.end
                 and key != successor]
        if not after:
            continue
        predecessor = after[0]
        if change is not None:
            ctx.fact(change, "hc:predecessor", predecessor)
            ended = write_tenure(ctx, predecessor, post, False, sent)
            ctx.fact(ended, "hc:endedBy", change)
        else:
            write_former_tenure(ctx, predecessor, post, sent)


def _future_copula(tok) -> bool:
    """'Исполняющим обязанности главного врача будет Иван Петров': an instrumental participle of the acting verb
    with a future 'будет' after it in its sentence names the nominative person who will act."""
    if tok.morph.get("VerbForm") in (["Fin"], ["Inf"]) or not tok.lower_.endswith(("щим", "щей")):
        return False            # the instrumental forms ('исполняющей' the tagger may read as a genitive)
    return any(lemma(t) == "быть" and t.lower_.startswith("буд")     # the tagger reads 'будет' as present
               for t in tok.doc[tok.i + 1:min(tok.sent.end, tok.i + WINDOW)])


def _infinitive_copula(tok) -> int | None:
    """'Исполнять обязанности главного врача будет Иван Петров': the infinitive of the acting verb with a future
    'будет' / 'будут' after it in its sentence (no other verb between) -> the index of that 'будет': the person
    who will act is the nominative named after it, not one named before the infinitive."""
    if tok.morph.get("VerbForm") != ["Inf"]:
        return None
    for t in tok.doc[tok.i + 1:min(tok.sent.end, tok.i + WINDOW)]:
        if lemma(t) == "быть" and t.lower_.startswith("буд"):
            return t.i
        if t.pos_ == "VERB" and t.morph.get("VerbForm") == ["Fin"]:
            return None
    return None


def _possible(tok, lex) -> bool:
    """An infinitive governed by a modal verb right before it ('может занять', 'планируют назначить')."""
    if tok.morph.get("VerbForm") != ["Inf"]:
        return False
    before = [t for t in tok.doc[max(tok.sent.start, tok.i - 3):tok.i] if not t.is_space and not t.is_punct]
    return any(lemma(t) in lex.MODAL_WORDS for t in before)


def _form(tok, lex) -> str:
    """How the trigger word governs its persons: 'passive', 'active', 'self' or 'noun'."""
    word = lemma(tok)
    if tok.pos_ == "NOUN":
        return "noun"
    if word in lex.APPOINTMENT_SELF:
        return "self"
    if tok.morph.get("Voice") == ["Pass"] or tok.morph.get("Variant") == ["Short"]:
        return "passive"
    return "active"


def _case(ent) -> str | None:
    """The case of a name: its first noun-like word's."""
    return _head_case(next((t for t in ent if t.pos_ in ("PROPN", "NOUN")), ent[0]))


def _head_case(tok) -> str | None:
    case = tok.morph.get("Case")
    return case[0] if case else None


def _people(tok, form, people, roles=()):
    """(appointee, decided-by person key or None) for the trigger word ``tok``."""
    near = sorted(people, key=lambda p: min(abs(p[0].start - tok.i), abs(p[0].end - 1 - tok.i)))
    near = [p for p in near if min(abs(p[0].start - tok.i), abs(p[0].end - 1 - tok.i)) <= WINDOW]
    if form in ("passive", "self"):
        return next((p for p in near if _object_case(p[0], roles) == "Nom"
                     and not (form == "passive" and _other_clause(tok, p[0]))), None), None
    if form == "noun":
        after = [p for p in near if p[0].start > tok.i and _case(p[0]) in ("Gen", "Nom", "Acc")
                 and not _titled_subject(tok, p[0], roles)]
        return (after[0] if after else None), None
    obj = next((p for p in near if p[0].start > tok.i and _object_case(p[0], roles) == "Acc"), None)
    subj = next((p for p in near if p[0].end <= tok.i and _case(p[0]) == "Nom"), None)
    if obj is None and subj is None and _indefinite_personal(tok):
        obj = next((p for p in near if p[0].end <= tok.i and _case(p[0]) == "Acc"), None)
        # 'Анну Белову назначили главным врачом': an object before a verb with no subject
    return obj, (subj[1] if subj is not None and obj is not None and subj[1] != obj[1] else None)


def _indefinite_personal(tok) -> bool:
    """'назначили', 'повысили', 'освободили': a plural finite verb with no subject of its own in the sentence
    (no nominative noun or pronoun before it) says that someone, unnamed, made the change."""
    if tok.morph.get("Number") != ["Plur"] or tok.morph.get("VerbForm") != ["Fin"]:
        return False
    return not any(t.pos_ in ("NOUN", "PROPN", "PRON") and t.morph.get("Case") == ["Nom"]
                   for t in tok.doc[tok.sent.start:tok.i])


def _titled_subject(tok, ent, roles) -> bool:
    """'Об отставке министра глава региона Иван Петров рассказал …': a nominative name after a change noun,
    with a nominative title of its own between them and a finite verb after it, is the subject of its own
    clause, not the person the noun concerns."""
    if _case(ent) != "Nom" or not any(tok.i < span.start and _describes(span, ent) and _case_of(span) == "Nom"
                                      for span, _ in roles):
        return False
    return any(t.pos_ in ("VERB", "AUX") and t.morph.get("VerbForm") == ["Fin"]
               for t in tok.doc[ent.end:ent.sent.end])


def _other_clause(tok, ent) -> bool:
    """Another predicate stands between the name and the trigger word ('… подписал премьер-министр Иван Петров,
    передаёт агентство. … назначен министром'): the name is that predicate's subject."""
    lo, hi = (ent.end, tok.i) if ent.end <= tok.i else (tok.i + 1, ent.start)
    return any(t.pos_ == "VERB" and (t.morph.get("VerbForm") == ["Fin"] or t.morph.get("Variant") == ["Short"])
               for t in tok.doc[lo:hi])


_PRONOUNS = {"он": "masc", "она": "femn"}


def _pronoun_subject(tok, persons):
    """'Она, в свою очередь, утверждена главным врачом …': a change whose subject is 'он' / 'она' concerns
    the person named last before it in that sentence, or, when no one is named before the pronoun there, in
    the one before; when the gender agrees."""
    from ..nlp.ru_names import person_gender

    sent = tok.sent
    pronoun = next((t for t in sent if t.i < tok.i and t.lower_ in _PRONOUNS and t.morph.get("Case") == ["Nom"]),
                   None)
    if pronoun is None:
        return None
    first = next(t for t in sent if not t.is_space and not t.is_punct)
    unnamed = not any(t.pos_ == "PROPN" or (t.i > first.i and t.text[:1].isupper())
                      for t in tok.doc[sent.start:pronoun.i])
    # 'Должность вице-министра он занимает с 2021 года': no name (found or not) before the pronoun in its
    # sentence: the person is the one named last in the sentence before
    begin = tok.doc[sent.start - 1].sent.start if (first.i == pronoun.i or unnamed) and sent.start > 0 \
        else sent.start
    before = [(ent, key) for ent, key in persons if begin <= ent.start and ent.end <= pronoun.i]
    if not before:
        return None
    ent, key = before[-1]
    gender = person_gender([t for t in ent if not t.is_punct])
    return (ent, key) if gender in (None, _PRONOUNS[pronoun.lower_]) else None


def _apposition_words(tokens) -> bool:
    """Only the words of a role's description stand between ('главного врача [областной больницы] Петра')."""
    return all(t.is_space or t.pos_ in ("NOUN", "ADJ", "PROPN", "NUM") or t.text in "«»\"-–" for t in tokens)


def _object_of(tok, preposition: str, people):
    """'возложено на Петра Сидорова': the person right after the preposition that follows the word."""
    doc = tok.doc
    for i in range(tok.i + 1, min(tok.sent.end, tok.i + WINDOW)):
        if doc[i].lower_ == preposition:
            after = sorted((p for p in people if p[0].start > i), key=lambda p: p[0].start)
            if after and _apposition_words(doc[i + 1:after[0][0].start]) and after[0][0].start - i <= 9:
                return after[0]     # 'возложено на первого заместителя министра Юрия Литвинова'
            return None
    return None


def _object_case(ent, roles) -> str | None:
    """A name's case, or its apposition's: 'назначили главного врача больницы Петра Сидорова' - the tagger
    reads the name as genitive after 'больницы', but a name agrees with the role written right before it
    (a man's name has one form for both cases; a woman's surname in '-ова' reads as a man's genitive)."""
    case = _case(ent)
    if case != "Gen":
        return case
    before = [span for span, _ in roles if span.end <= ent.start and sent_start(span) == sent_start(ent)]
    if not before:
        return case
    span = max(before, key=lambda s: s.end)
    between = span.doc[span.end:ent.start]
    if _apposition_words(between) and len(between) <= 6 and _case_of(span) in ("Acc", "Nom"):
        return _case_of(span)
    return case


def _target_role(tok, form, roles, ent, sent, lex, people=()):
    if lex.APPOINTMENT_WORDS.get(lemma(tok)) == "acting":
        return next(((span, role) for span, role in roles if sent_start(span) == sent.start
                     and _after_post_word(span, lex) and abs(span.start - tok.i) <= WINDOW), None)
    return _governed_role(tok, form, roles, ent, sent, lex, people)


def _governed_role(tok, form, roles, ent, sent, lex, people=()):
    """The role the trigger word puts the person into (or out of): an instrumental role word
    ('назначен министром'), or a genitive one after 'должность', 'пост', 'обязанности'; never the role
    written right before the person's name as their present description ('главврач … Пётр Сидоров'), nor
    one that describes another person named right after it ('Врио губернатора … Иван Петров назначил …')."""
    best = None
    others = [e for e, _ in people if e.start != ent.start]
    for span, role in roles:
        if sent_start(span) != sent.start or abs(span.start - tok.i) > WINDOW:
            continue
        if span.end <= ent.start and _describes(span, ent) and _case_of(span) == "Nom":
            continue                                  # the name's own apposition, not the new post
        if any(_describes(span, other) for other in others):
            continue                                  # another person's post: the one who decides
        lo, hi = sorted((tok.i, span.start))
        if any(lemma(t) == "который" for t in tok.doc[lo:hi]):
            continue                                  # 'займёт Анна Белова, которая ранее была министром …': the
            #                                           relative clause's own predicate governs it
        case = _case_of(span)
        if case == "Ins" and _after_preposition(span):
            continue                                  # 'по согласованию с акимом города отставка …'
        governed = case == "Ins" or (case == "Gen" and (_after_post_word(span, lex) or _after_acting(span))) or \
            (form == "noun" and case == "Gen" and span.start > tok.i) or \
            (_indeclinable_title(span) and _right_after(tok, span) and not _titles(span, ent))
        # 'назначили замминистра здравоохранения' (not 'стал замминистра … Иван Петров', his description)
        if not governed:
            continue
        distance = abs(span.start - tok.i)
        if best is None or distance < best[0]:
            best = (distance, span, role)
    return (best[1], best[2]) if best else None


def _indeclinable_title(span) -> bool:
    """'замминистра', 'замглавы', 'замгубернатора': a clipped deputy's title has one form for every case, so the
    tagger's genitive says nothing: after the change word it is the post the change gives."""
    from ..nlp.ru import deputy_compound
    return bool(deputy_compound(span[0].text))


def _titles(span, ent) -> bool:
    """The role is the name's own title, a portfolio allowed between ('замминистра по лечебной работе Иван …')."""
    return span.end <= ent.start <= span.end + 8 and all(
        t.is_space or t.pos_ in ("NOUN", "ADJ", "PROPN", "PUNCT", "NUM", "ADP") for t in span.doc[span.end:ent.start])


def _right_after(tok, span) -> bool:
    """The role follows the change word with at most adjectives between ('назначили [первым] замминистра')."""
    return span.start > tok.i and all(t.is_space or t.pos_ == "ADJ" for t in tok.doc[tok.i + 1:span.start])


def _after_preposition(span) -> bool:
    """'с министром', 'перед губернатором': an instrumental role governed by a preposition is someone the
    sentence speaks with or of, never the post a change puts a person into ('назначен министром')."""
    doc = span.doc
    j = span.start - 1
    while j > span.sent.start and (doc[j].is_space or doc[j].pos_ in ("ADJ", "DET")):
        j -= 1
    return j >= span.sent.start and doc[j].pos_ == "ADP"


def _describes(span, ent) -> bool:
    """The role stands right before the name, only its description between ('губернатора Курской области
    Ивана Петрова')."""
    return span.end <= ent.start <= span.end + 8 and all(
        t.is_space or t.pos_ in ("NOUN", "ADJ", "PROPN", "PUNCT", "NUM") for t in span.doc[span.end:ent.start])


def _opened_by_anaphor(tok, lex) -> bool:
    """The trigger's sentence opens with 'им' / 'ею' before it ('Им стал …')."""
    first = next((t for t in tok.sent if not t.is_space and not t.is_punct), None)
    return first is not None and first.text.lower() in lex.ANAPHORIC_OPENERS and first.i < tok.i


def _anaphoric_role(tok, sent, roles, lex):
    """'… назначен новый главврач больницы. Им стал Пётр Сидоров': a sentence opened by 'им' / 'ею' takes the
    last role the previous sentence names."""
    if not _opened_by_anaphor(tok, lex):
        return None
    return _last_role_before(sent, roles)


def _last_role_before(sent, roles):
    """The last role the sentence before ``sent`` names, or None."""
    if sent.start == 0:
        return None
    previous = sent.doc[sent.start - 1].sent
    before = [(span, role) for span, role in roles if sent_start(span) == previous.start]
    return before[-1] if before else None


def _after_acting(span) -> bool:
    """'стала врио губернатора', 'назначен и.о. главного врача': the genitive role an acting marker governs."""
    j = span.start
    while j > span.sent.start and span.doc[j - 1].is_space:
        j -= 1
    return any(a.end == j for a, _ in trigger_spans(span.doc, "hc_acting"))


def _demonstrative_role(tok, sent, roles, lex):
    """'Иван Петров покинул этот пост', 'её сменщицей утверждена Анна Белова': a post word after a
    demonstrative, or a successor noun, near the trigger refers to the last role the previous sentence names."""
    doc = tok.doc
    near = doc[max(sent.start, tok.i - 4):min(sent.end, tok.i + 5)]
    if not any(lemma(t) in lex.POST_WORDS and t.i > near.start and lemma(doc[t.i - 1]) in lex.DEMONSTRATIVES
               or lemma(t) in lex.SUCCESSOR_NOUNS for t in near):
        return None
    return _last_role_before(sent, roles)


def _possessed_duties(tok, sent, lex) -> bool:
    """'Временно исполняющим его обязанности назначили Ивана Петрова', 'исполнять её обязанности будет …':
    the duties of someone the text named before, near the appointment word, with no role of their own; the
    post is the last role the sentence before names (that of the person it removed)."""
    doc = tok.doc
    near = doc[max(sent.start, tok.i - 5):min(sent.end, tok.i + 5)]
    return any(lemma(t) == "обязанность" and t.i > sent.start and doc[t.i - 1].lower_ in lex.DUTY_POSSESSIVES
               for t in near)


def _bare_duties(tok, sent, roles):
    """'На время болезни главврача больницы исполняющим обязанности назначена Анна Белова': duties with no role
    after them, right before the appointment word, are those of the role the sentence named before them ->
    (span, role) of that role, or None."""
    doc = tok.doc
    acting = next((a for a, _ in trigger_spans(doc, "hc_acting")
                   if a.sent.start == sent.start and a.end <= tok.i and
                   all(t.is_space for t in doc[a.end:tok.i])), None)
    if acting is None or lemma(doc[acting.end - 1]) != "обязанность":
        return None
    before = [(span, role) for span, role in roles if span.end <= acting.start]
    return before[-1] if before else None


def _case_of(span) -> str | None:
    """The case of a role phrase: its noun's ('главного врача' -> Gen)."""
    return _head_case(next((t for t in span if t.pos_ == "NOUN"), span[-1]))


def _after_post_word(span, lex) -> bool:
    doc = span.doc
    before = [lemma(t) for t in doc[max(span.sent.start, span.start - 8):span.start]
              if not t.is_space and not t.is_punct][-4:]        # 'в статусе и. о. главврача'
    return any(word in lex.POST_WORDS for word in before)


def _headed_body(tok, form, bodies, sent, lex):
    """'возглавил областную больницу' -> (span, body key, role): the body or facility the verb takes."""
    if lemma(tok) not in lex.APPOINTMENT_HEADS:
        return None
    after = sorted((s for s, _ in bodies if sent_start(s) == sent.start and tok.i < s.start <= tok.i + 4
                    and not _described_by(tok.doc[tok.i + 1:s.start])), key=lambda s: s.start)
    fronted = [s for s, _ in bodies if sent_start(s) == sent.start and s.end <= tok.i and
               _clause_start(tok.doc, sent.start, s.start) and _post_phrase(tok.doc[s.end:tok.i], lex)]
    if not after and not fronted:
        return None
    span = after[0] if after else fronted[0]    # 'Департамент здравоохранения области возглавила …
    key = next(k for s, k in bodies if s is span)
    head = lemma(span[-1]) if span[-1].pos_ == "NOUN" else ""
    words = {lemma(t) for t in span}
    if key.startswith(("facility", "healthcarefacility")) or words & lex.FACILITY_LEMMAS:
        role = "chief_physician" if words & lex.HOSPITAL_LEMMAS else "director"
    elif any(w.startswith(lex.MINISTRY_PREFIXES) for w in words | {head}):
        role = "minister"
    else:
        role = "head"
    return span, key, role


def _clause_start(doc, sent_start_i: int, i: int) -> bool:
    """Token ``i`` opens its sentence or a clause after 'что' / a comma ('Сообщалось, что [больницу] …')."""
    before = [t for t in doc[sent_start_i:i] if not t.is_space]
    return not before or before[-1].lower_ in ("что", ",")


def _post_phrase(between, lex) -> bool:
    """Nothing, or only the post the body is taken in, between a fronted body and the verb: 'Управление
    здравоохранения области [в должности исполняющей обязанности руководителя] возглавила …'."""
    words = [t for t in between if not t.is_space]
    return not words or (lemma(words[0]) == "в" and len(words) > 1 and lemma(words[1]) in lex.POST_WORDS and
                         not any(t.ent_type_ == "PER" or t.pos_ == "PUNCT" for t in words))


def _described_by(between) -> bool:
    """'Минздрав возглавил [действующий депутат] Государственной Думы …': a nominative noun between the verb
    and a body is the subject's own description, and the body hangs on it; the verb's object comes right
    after the verb ('возглавил [в 2020 году] областную больницу')."""
    return any(t.pos_ == "NOUN" and t.morph.get("Case") == ["Nom"] for t in between)


def _write_change(ctx, kind, tok, sent, person, post, acting, decided_by, people, lex) -> None:
    from .officials import write_tenure

    tenure = write_tenure(ctx, person, post, acting, sent)
    dates = [d for d in ctx.notes.get("dates", []) if sent.start_char <= d.begin < sent.end_char]
    date = min(dates, key=lambda d: abs(d.begin - tok.idx)).start if dates else None
    change = make_key("change", kind, person, post, date or ctx.article.source)
    ctx.entity(change, CLASSES[kind], f"{lex.CHANGE_LABELS[kind]}: {_label(ctx, person)}")
    ctx.fact(change, "hc:concernsPerson", person)
    ctx.fact(change, "hc:concernsPost", post)
    ctx.fact(change, "hc:concernsTenure", tenure)
    ctx.mention(change, tok.idx, tok.idx + len(tok.text), role="trigger")
    ctx.evidence(change, sent)
    if decided_by:
        ctx.fact(change, "hc:decidedBy", decided_by)
    predecessor = _predecessor(sent, people, person, lex)
    if predecessor:
        ctx.fact(change, "hc:predecessor", predecessor)
        if kind == "appointment":       # 'и.о. министра вместо Ивана Петрова назначена …': he held the post
            ended = write_tenure(ctx, predecessor, post, False, sent)
            ctx.fact(ended, "hc:endedBy", change)
            if date:
                ctx.fact(ended, "hc:endDate", date, "date")
    if date:
        ctx.fact(change, "hc:startDate", date, "date")
        if kind == "appointment":
            ctx.fact(tenure, "hc:startDate", date, "date")
        elif kind == "dismissal":
            ctx.fact(tenure, "hc:endDate", date, "date")
    if kind == "nomination":
        return change
    ctx.fact(tenure, "hc:startedBy" if kind == "appointment" else "hc:endedBy", change)
    return change


def _predecessor(sent, people, person, lex) -> str | None:
    """'назначен вместо Ивана Петрова', 'сменил на посту Ивана Петрова'."""
    for tok in sent:
        if lemma(tok) in lex.PREDECESSOR_WORDS:
            after = [key for ent, key in people if tok.i < ent.start <= tok.i + 4 and key != person]
            if after:
                return after[0]
    return None


def _label(ctx, person) -> str:
    labels = ctx.labels.get(person)
    if not labels:
        return person.partition(":")[2]
    return max(labels.items(), key=lambda item: (item[1], -len(item[0][1])))[0][1]
