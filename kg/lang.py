"""Language of an article: ru, kk or en, from letters alone (no model)."""
from __future__ import annotations

import re

KAZAKH_LETTERS = set("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
_KK_WORDS = re.compile(r"\b(және|мен|бен|пен|үшін|бойынша|қаласы|облысы|жылы|бұл|осы|деп|болып|туралы)\b",
                       re.IGNORECASE)


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
        return "en"
    # Kazakh-specific letters are a few percent of Kazakh text and near zero in Russian
    # (Kazakh names in Russian text add a few). Frequent function words confirm.
    ratio = kk / max(cyr, 1)
    if ratio > 0.02 or (ratio > 0.005 and len(_KK_WORDS.findall(sample)) >= 3):
        return "kk"
    return "ru"
