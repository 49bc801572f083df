"""Kazakh nominal inflection: generate case / possessive / plural forms, and strip them (``stem``).

Suffix allomorphs follow the two rules of Kazakh orthography: vowel harmony (back а о ұ ы / front ә е ө ү і,
from the last vowel of the stem) and assimilation of the suffix's first consonant to the stem's last sound
(vowel, sonorant, voiced, nasal, voiceless). Stem-final к/қ/п voice to г/ғ/б before a vowel ("әкімдік" ->
"әкімдігі"). The chains covered are the nominal ones news uses:
stem [+ plural] [+ possessive 3rd person | 1st person plural] [+ case] | [+ locative + "-ғы"].

``stem`` is generation in reverse: it returns a stem (two letters or more, with a vowel) from which some
chain produces the word, so it only strips what the grammar explains (``analyze`` says which stem wins when
several do). Verbs are not analysed: participles are kept whole, other verb forms may lose an ending that
looks nominal. ``nominative`` removes the case ending only ("облысына" -> "облысы").
"""
from __future__ import annotations

from functools import lru_cache

BACK = set("аоұыуяё")
FRONT = set("әеөүіэюи")
VOWELS = BACK | FRONT
SONORANT = set("рйуи")          # plural -лар, instrumental -мен, genitive -дың
VOICED = set("жзл")             # plural -дар, instrumental -бен (ж з), genitive -дың
NASAL = set("мнң")
VOICING = {"к": "г", "қ": "ғ", "п": "б"}
CASES = ("", "gen", "dat", "acc", "loc", "abl", "ins")


def harmony(word: str) -> str:
    """"back" or "front" from the last vowel; у / и right after a vowel are consonants (Мәскеу, Ресей)."""
    for i in range(len(word) - 1, -1, -1):
        ch = word[i]
        if ch in "уи" and i > 0 and word[i - 1] in VOWELS:
            continue
        if ch in BACK:
            return "back"
        if ch in FRONT:
            return "front"
    return "front"


def _sound(last: str) -> str:
    if last in "аоұыәеөүіэюяё":
        return "vowel"
    if last in SONORANT:
        return "sonorant"
    if last in VOICED:
        return "voiced"
    if last in NASAL:
        return "nasal"
    return "voiceless"


def _pick(h: str, back: str, front: str) -> str:
    return back if h == "back" else front


def _case(base: str, case: str, h: str, after_poss3: bool) -> str:
    """Allomorph of ``case`` after ``base`` (which may already carry suffixes)."""
    s = _sound(base[-1])
    if after_poss3:
        return {"gen": _pick(h, "ның", "нің"), "dat": _pick(h, "на", "не"), "acc": "н",
                "loc": _pick(h, "нда", "нде"), "abl": _pick(h, "нан", "нен"), "ins": "мен"}[case]
    if case == "gen":
        first = {"vowel": "н", "nasal": "н", "sonorant": "д", "voiced": "д"}.get(s, "т")
        return first + _pick(h, "ың", "ің")
    if case == "dat":
        return _pick(h, "қа", "ке") if s == "voiceless" else _pick(h, "ға", "ге")
    if case == "acc":
        first = {"vowel": "н", "voiceless": "т"}.get(s, "д")
        return first + _pick(h, "ы", "і")
    if case == "loc":
        return ("т" if s == "voiceless" else "д") + _pick(h, "а", "е")
    if case == "abl":
        first = {"nasal": "н", "voiceless": "т"}.get(s, "д")
        return first + _pick(h, "ан", "ен")
    if s in ("vowel", "sonorant") or base[-1] == "л":
        return "мен"
    return "бен" if s in ("voiced", "nasal") else "пен"


def _join(base: str, suffix: str) -> str:
    """Attach, voicing a final к/қ/п before a vowel-initial suffix."""
    if suffix and suffix[0] in VOWELS and base[-1] in VOICING:
        return base[:-1] + VOICING[base[-1]] + suffix
    return base + suffix


def _plural(base: str, h: str) -> str:
    s = _sound(base[-1])
    first = {"vowel": "л", "sonorant": "л", "voiceless": "т"}.get(s, "д")
    return base + first + _pick(h, "ар", "ер")


def _poss(base: str, h: str, person: str) -> str:
    vowel_end = _sound(base[-1]) == "vowel"
    if person == "3":
        return _join(base, ("с" if vowel_end else "") + _pick(h, "ы", "і"))
    return _join(base, ("" if vowel_end else _pick(h, "ы", "і")) + _pick(h, "мыз", "міз"))


def forms(word: str) -> set[str]:
    """Every nominal form of ``word`` (lower-case) that the chains above produce, ``word`` included."""
    return set(_forms(word.lower(), harmony(word.lower())))


@lru_cache(maxsize=8192)
def _forms(word: str, h: str) -> dict[str, int]:
    """form -> number of suffixes in its chain (the fewest, when two chains give the same string)."""
    out: dict[str, int] = {}

    def add(form: str, n: int) -> None:
        out[form] = min(n, out.get(form, n))

    if _sound(word[-1]) != "vowel":                                  # attributive: жылғы, бүгінгі
        voiceless = _sound(word[-1]) == "voiceless"
        add(word + (_pick(h, "қы", "кі") if voiceless else _pick(h, "ғы", "гі")), 1)
    for base, nb in ((word, 0), (_plural(word, h), 1)):
        for form, after_poss3, n in ((base, False, nb), (_poss(base, h, "3"), True, nb + 1),
                                     (_poss(base, h, "1pl"), False, nb + 1)):
            add(form, n)
            for case in CASES[1:]:
                add(form + _case(form, case, h, after_poss3), n + 1)
            add(form + _case(form, "loc", h, after_poss3) + _pick(h, "ғы", "гі"), n + 2)
    return out


@lru_cache(maxsize=256)
def _tails(h: str, last: str) -> dict[str, int]:
    """Endings (stem's last letter included, possibly voiced) of the forms of a stem ending in ``last``."""
    probe = ("а" if h == "back" else "е") + last if last not in VOWELS else last
    cut = len(probe) - 1
    return {f[cut:]: n for f, n in _forms(probe, h).items() if len(f) > len(probe)}


_PROTECTED_ENDINGS = ("стан", "стен")   # Қазақстан, Түркістан: -тан here is not the ablative
MIN_STEM = 2
# Participles and converbs: verb forms whose endings look nominal ("айқындайтын", "келетін").
_VERBAL_ENDINGS = ("йтын", "йтін", "атын", "етін", "итын", "итін",
                   "ншы", "нші")   # ordinals ("бірінші", "екінші"): whole, not бірінш + і
# Frequent words that end like a suffix but are not inflected (pronouns, postpositions, conjunctions).
_UNINFLECTED = frozenset("""осы осындай сондай мұндай сол бұл ол олар оны оның мен сен біз сіз өз өзі
және немесе бірақ үшін туралы бойынша арқылы қарай дейін кейін бері сияқты секілді ғана тағы да де
қазір бүгін ертең кеше биыл былтыр әлі енді тек бар жоқ көп аз ең""".split())
# Nouns whose forms also read as a shorter stem + suffix: -с nouns ("кеңесінде" is not кеңе + сінде) and
# nouns ending like a suffix ("жиын" is not жи + ын, "аудан" not ау + дан). A stem listed here wins over a
# shorter one.
KNOWN_STEMS = frozenset("""кеңес облыс жұмыс табыс күрес қоныс ұрыс дос тіс жиын қабылдау аудан елорда
елбасы""".split())
_AGENT = ("шы", "ші")              # басшы, хатшы, елші, меңгеруші: "басшысы" is басшы + сы


UNINFLECTED = _UNINFLECTED
GENITIVE_ENDINGS = ("ның", "нің", "дың", "дің", "тың", "тің")


PLURAL_ENDINGS = ("лар", "лер", "дар", "дер", "тар", "тер")
# Adjective-forming endings of a qualifier before a head noun ('көпсалалы', 'аудандық', 'медициналық').
ADJECTIVE_ENDINGS = ("лы", "лі", "дық", "дік", "тық", "тік", "лық", "лік",
                     # -ды/-ді after a nasal or ж/з ('көпбейінді'); after other consonants it is a past verb
                     "нды", "нді", "мды", "мді", "ңды", "ңді", "жды", "жді", "зды", "зді")


def is_genitive(word: str) -> bool:
    """Does the (lower-case) word end in a genitive ending ('облысының', 'басқармасының')."""
    return word.endswith(GENITIVE_ENDINGS)


def is_adjectival(word: str) -> bool:
    """Does the (lower-case) word end like a derived adjective ('көпсалалы', 'облыстық')."""
    return word.endswith(ADJECTIVE_ENDINGS)


def has_plural(ending: str) -> bool:
    """Does an ending (``analyze(word)[1]``) hold the plural ('ауруханаларда' -> 'ларда')."""
    return any(p in ending for p in PLURAL_ENDINGS)


def analyze(word: str) -> tuple[str, str]:
    """(stem, ending): the best-explained split of the lower-case word, up to a voiced final consonant.

    Preference: the stem's own vowel harmony; then not a stem in -ы/-і before an -с- suffix (rare for
    nouns: "облысының" is облыс + ының; agent nouns in -шы/-ші excepted: "басшысы" is басшы + сы), nor a
    vowel stem that a known -с noun explains ("кеңесінде" is кеңес + інде); then no three-letter stem ending in г/ғ/б ("бүгінде" is
    бүгін + де, not бүк + інде); then the shortest stem; then a restored voiceless final (көмегі -> көмек)."""
    low = word.lower()
    if "-" in low:                                   # "20-дан", "АҚШ-тың": suffix after a hyphen
        head, _, tail = low.rpartition("-")
        if head and tail and _is_bare_suffix(tail):
            return head, "-" + tail
        if head.isalpha() and tail.isalpha() and len(tail) > MIN_STEM:   # "вице-министрі": the last part inflects
            tail_stem, ending = analyze(tail)
            return head + "-" + tail_stem, ending
    if not low.isalpha() or low in _UNINFLECTED or low in KNOWN_STEMS or low.endswith(_VERBAL_ENDINGS):
        return low, ""
    best = None
    for i in range(MIN_STEM, len(low)):
        cut, rest = low[:i], low[i - 1:]
        if low.endswith(_PROTECTED_ENDINGS) and i >= len(low) - 3:
            continue
        for restored, last in enumerate(_restored(cut)):
            stem_ = cut[:-1] + last
            if not any(ch in VOWELS for ch in stem_):
                continue
            own = harmony(stem_)
            for disharmony, h in enumerate((own, "front" if own == "back" else "back")):
                n = _tails(h, last).get(rest)
                if n is None:
                    continue
                yi = stem_[-1] in "ыі" and low[i:i + 1] == "с" and not stem_.endswith(_AGENT)
                known_s = any(k != stem_ and k.startswith(stem_) and low.startswith(k) for k in _known(low[:3]))
                short_voiced = cut[-1] in "гғб" and len(stem_) <= 3
                rank = (disharmony, yi, known_s, short_voiced, i, restored)
                if best is None or rank < best[0]:
                    best = (rank, stem_, low[i:])
    return (best[1], best[2]) if best else (low, "")


@lru_cache(maxsize=64)
def _known(prefix: str) -> tuple[str, ...]:
    return tuple(k for k in KNOWN_STEMS if k.startswith(prefix))


def stem(word: str) -> str:
    """The word lower-cased with nominal inflection stripped: "әкімі" -> "әкім", "емханалар" -> "емхана"."""
    return analyze(word)[0]


def _restored(cut: str) -> list[str]:
    """Possible stem-final letters, the restored voiceless one first (ғ <- қ, г <- к after a front vowel)."""
    last = cut[-1]
    if last == "ғ":
        return ["қ", "ғ"]
    if last == "г" and len(cut) > 1 and cut[-2] in FRONT:
        return ["к", "г"]
    return [last]


@lru_cache(maxsize=1)
def _bare_suffixes() -> frozenset[str]:
    out = set()
    for h in ("back", "front"):
        for last in "аеклнстрз":
            out |= {t[1:] for t in _tails(h, last) if len(t) > 1}
    return frozenset(out)


def _is_bare_suffix(tail: str) -> bool:
    return tail in _bare_suffixes() or tail in {"інші", "ыншы", "нші", "ншы", "сыншы", "сінші", "і", "ы"}


def is_oblique(word: str) -> bool:
    """Does the (lower-case) word carry a case ending other than the genitive or the attributive -ғы
    ('салтанатына', 'ауылында', 'орталықтан'): such a word ends a noun phrase, it is not inside a compound."""
    low = word.lower()
    rest = low[len(nominative(low)):]
    return bool(rest) and not is_genitive(low) and not rest.endswith(("ғы", "гі", "қы", "кі"))


LOCATIVE_DATIVE_ABLATIVE = ("да", "де", "та", "те", "ға", "ге", "қа", "ке", "на", "не", "ан", "ен")


def is_adverbial_place(word: str) -> bool:
    """A place name in the locative, dative or ablative ('Таразда', 'Алматыға', 'Шымкенттен'): where or
    whither, not the genitive of a post's chain (the accusative, which reads like a possessive, excluded)."""
    return is_oblique(word) and word.lower().endswith(LOCATIVE_DATIVE_ABLATIVE)


ACCUSATIVE_ENDINGS = ("ды", "ді", "ты", "ті", "ны", "ні", "ын", "ін")   # 'әкімді', 'басшысын', 'өкілдерін'


def is_accusative(word: str) -> bool:
    """Does the (lower-case) word carry the accusative ('әкімді', 'Айтахановты', 'басшысын', 'әкімдерді'); a
    name made of a past verb ('Сатыбалды') does not."""
    low = word.lower()
    if low.endswith(NAME_VERB_ENDINGS):
        return False
    return analyze(low)[1].endswith(ACCUSATIVE_ENDINGS)


# Kazakh names made of a past-tense verb ('Сатыбалды' = bought, 'Құдайберді', 'Жанкелді', 'Бекболды'): the
# -ды/-ді/-ты/-ті ending is the verb's, not the accusative of a name in -ал, -бер, -кел ('Сатыбал' is no name).
NAME_VERB_ENDINGS = ("алды", "берді", "келді", "гелді", "болды", "қалды", "тұрды", "бақты")


def name_nominative(word: str) -> str:
    """A name's word in the nominative: as ``nominative``, but a name made of a past verb keeps its ending
    ('Сатыбалды' stays, 'Сатыбалдының' -> 'Сатыбалды')."""
    low = word.lower()
    if low.endswith(NAME_VERB_ENDINGS) and len(low) > 5:
        return word
    return nominative(word)


def nominative(word: str) -> str:
    """``word`` without its case ending, plural and possessive kept, as written:
    "облысына" -> "облысы", "Тоқаевтың" -> "Тоқаев", "емханаларда" -> "емханалар"."""
    low = word.lower()
    base, ending = analyze(low)
    if not ending or ending.startswith("-"):
        return word.rpartition("-")[0] if ending.startswith("-") else word
    h = harmony(base)
    caseless = {base, _plural(base, h)}
    caseless |= {_poss(b, h, p) for b in list(caseless) for p in ("3", "1pl")}
    best = max((f for f in caseless if low.startswith(f)), key=len, default=None)
    if best is None:                  # voiced final: "көмегі" starts with "көмег", not "көмек"
        return word
    return word[:len(best)]
