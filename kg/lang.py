"""Language of an article: ru, kk or en, from letters alone (no model).

Kazakh is also written in the Latin alphabet (the 2021 letters ä ö ü ū ı ş ç ğ ñ, the 2018 acute letters
á ó ú ý ń ǵ with the digraphs sh ch, the 2017 apostrophes a' o' s'…). A mostly Latin text is Kazakh when
Kazakh function and frequent words (jáne/jäne, úshin/üşin, boıynsha/boyınşa, týraly/turalı, oblysy, qalasy…)
are frequent enough and outnumber those of the Latin-script languages next door (English, Turkish, Turkmen,
Uzbek, Azerbaijani). Such articles are ``kk``; ``kg.nlp.kk.latin`` reads them through a Cyrillic view.
"""
from __future__ import annotations

import re

KAZAKH_LETTERS = set("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
_KK_WORDS = re.compile(r"\b(және|мен|бен|пен|үшін|бойынша|қаласы|облысы|жылы|бұл|осы|деп|болып|туралы)\b",
                       re.IGNORECASE)

# Latin-script Kazakh: frequent words in the three official spellings (and common mixes of them). None is
# an English, Turkish, Turkmen, Uzbek or Azerbaijani word.
_APOS = "'’ʼ‘"
_KK_LATIN_WORDS = frozenset("""
jáne jäne boıynsha boyınşa boiynsha boyynsha úshin üşin týraly turalı turaly bolyp bolıp osy osı
sondaı sonday sondai degen dep qalasy qalası oblysy oblısı aýdany audanı aýylynda auılında jyly jılı
jylǵy jılğı jyldyń jıldıñ qazir búgin bügin bıyl biyl keıin keyin arqyly arqılı biraq sheńberinde
şeñberinde densaýlyq densaulıq densaulyq saqtaý saqtau ákim äkim ákimi äkimi ákimdigi äkimdigi mınıstrligi
mïnïstrligi ministrligi qazaqstan qazaqstandyq basshysy basşısı ortalyǵy ortalığı halyq halıq jańa jaña
emhana aýrýhana auruhana naýqas nauqas dárigerler därigerler dáriger däriger aıtty aytty atap retinde
""".split())
_KK_LATIN_2017 = re.compile(r"\b(?:ja[" + _APOS + r"]ne|u[" + _APOS + r"]s[" + _APOS + r"]in|bo[iy][" + _APOS
                            + r"]?y?nsha|ty[" + _APOS + r"]raly|a[" + _APOS + r"]ki[" + _APOS + r"]?m\w*)\b")
# The neighbours' frequent words: a text where these win is not Kazakh.
_OTHER_LATIN_WORDS = frozenset("""
the and of to in is for that with was on are by this from
ve bir bu ile için olarak da de çok daha gibi
we bilen üçin boýunça bolup hem-de ýaly
va bilan uchun bo'yicha bo‘yicha yil qilindi
və ilə üçün olan
""".split())
_LATIN_WORD = re.compile(r"[^\W\d_]+(?:[" + _APOS + r"][^\W\d_]+)*")


def latin_kazakh_score(sample: str) -> tuple[int, int, int]:
    """(Kazakh frequent words, neighbours' frequent words, Latin words) in ``sample``."""
    kk = other = words = 0
    for match in _LATIN_WORD.finditer(sample):
        word = match.group()
        if not ("a" <= word[0].lower() <= "z" or word[0] in "ÁÄÓÖÚÜÝŪŞÇĞÑáäóöúüýūşçğñıİ"):
            continue
        words += 1
        low = word.lower()
        if low in _KK_LATIN_WORDS:
            kk += 1
        elif low in _OTHER_LATIN_WORDS:
            other += 1
        elif "'" in low or "’" in low or "ʼ" in low or "‘" in low:
            kk += bool(_KK_LATIN_2017.fullmatch(low))
    return kk, other, words


def is_latin_kazakh(sample: str) -> bool:
    """A Latin-script text in Kazakh: at least 3 Kazakh frequent words, 2% of the words or more, and more of
    them than of the neighbouring languages' frequent words."""
    kk, other, words = latin_kazakh_score(sample)
    return kk >= 3 and kk * 50 >= words and kk > other


def detect_language(text: str) -> str:
    sample = text[:20000]
    cyr = lat = kk = 0
    for ch in sample:
        if ch in KAZAKH_LETTERS:
            kk += 1
            cyr += 1
        elif "\u0400" <= ch <= "\u04ff":
            cyr += 1
        elif "a" <= ch.lower() <= "z":
            lat += 1
    if cyr == 0 and lat == 0:
        return "ru"
    if lat > cyr:
        return "kk" if is_latin_kazakh(sample) else "en"
    # Kazakh-specific letters are a few percent of Kazakh text and near zero in Russian
    # (Kazakh names in Russian text add a few). Frequent function words confirm.
    ratio = kk / max(cyr, 1)
    if ratio > 0.02 or (ratio > 0.005 and len(_KK_WORDS.findall(sample)) >= 3):
        return "kk"
    return "ru"
