"""Web boilerplate lines (translate-page, comments, share/subscribe) recognized so nothing is extracted from them."""
from __future__ import annotations

import re

_LINE = re.compile(r"[^\r\n]+")
_PATTERNS = [
    r"перевести\s+страницу", r"translate\s+(this\s+)?page",
    r"нет\s+комментариев", r"добавить\s+комментарий", r"оставить\s+комментарий", r"комментарии\s*\(\d*\)",
    r"пікір(лер)?\s+жоқ", r"пікір\s+қалдыру", r"no\s+comments", r"leave\s+a\s+(comment|reply)",
    r"поделиться(\s+в)?", r"подписывайтесь", r"подписаться\s+на", r"читайте\s+(также|нас)",
    r"следите\s+за\s+новостями", r"бөлісу", r"жазылыңыз", r"share\s+(this|on)", r"subscribe",
    r"все\s+права\s+защищены", r"барлық\s+құқықтар\s+қорғалған", r"all\s+rights\s+reserved",
    r"версия\s+для\s+печати", r"нашли\s+ошибку", r"^\s*(vk|ok|telegram|whatsapp|facebook|twitter|одноклассники|вконтакте)\s*$",
    r"^\s*(реклама|advertisement)\s*$", r"cookie",
]
_BOILER = re.compile("|".join(f"(?:{p})" for p in _PATTERNS), re.IGNORECASE)
_MAX_LEN = 160  # a boilerplate line is short; a long paragraph that mentions "подписаться" is content


def boilerplate_ranges(text: str) -> list[tuple[int, int]]:
    """(begin, end) of each line that is web boilerplate, in the text's own offsets."""
    ranges = []
    for line in _LINE.finditer(text):
        body = line.group().strip()
        if body and len(body) <= _MAX_LEN and _BOILER.search(body):
            ranges.append((line.start(), line.end()))
    return ranges
