"""Web boilerplate (site chrome) recognized so nothing is extracted from it: translate-page, comments, share and
subscribe lines, menu and section words ('Популярное', 'Поиск по сайту'), category and tag lines, 'Читать на …',
copyright notices, tag clouds (a line that repeats its own opening words), site menus (runs of short bullet
lines) and a scraper's empty-field placeholders ('None')."""
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
    r"версия\s+для\s+печати", r"нашли\s+ошибку", r"заметили\s+ошибку", r"ctrl\s*\+\s*enter",
    r"комментарии\s+для\s+сайта", r"^\s*комментарии\s*\d*\s*$",
    # currency and exchange widgets: '• EUR:', 'USD 77.19 +0.01'
    r"^\s*[•·\-]?\s*(usd|eur|rub|kzt|cny|gbp|доллар|евро|рубль)\s*[:=]?\s*[\d.,\s+\-−%]*$",
    r"^\s*(vk|ok|telegram|whatsapp|facebook|twitter|одноклассники|вконтакте)\s*$",
    r"^\s*(курсы?\s+(валют|национального\s+банка(\s+\S+){0,2})|валюта\s+бағамы?)\s*[:.]?\s*$",  # a rate widget's heading
    r"^\s*(реклама|advertisement)\s*$", r"cookie",
    # menus and section words standing alone on a line
    r"^\s*(популярное|последние\s+новости|главные\s+новости|лента\s+новостей|поиск\s+по\s+сайту|поиск|"
    r"новост(ь|и)\s+по\s+теме|новости|главная|другие\s+новости|материалы\s+по\s+теме|басты\s+бет|"
    r"облыс\s+жаңалықтары|соңғы\s+жаңалықтар|басқа\s+жаңалықтар|menu|меню)\s*[:.]?\s*$",
    # category and tag lines, 'Читать на …' / 'Читать далее', copyright, 'в нашем телеграм-канале'
    r"^\s*(categories|category|рубрик[аи]|теги|метки|tags|тегтер)\s*:",
    r"^\s*читать(\s+\S+){0,4}\s*$",
    r"при\s+(полном\s+или\s+частичном\s+)?(использовании|копировании|перепечатке|цитировании)\s+материал",
    r"в\s+нашем\s+(телеграм|telegram|тг|канале|паблике|сообществе|группе)",
    r"^\s*#\S+(\s+#\S+)*\s*$",                                        # a line of hashtags
    r"^\s*#[^#\n]{1,40}(#[^#\n]{1,40}){2,}$",                 # tags of several words ('#война в Украине')
]
_BOILER = re.compile("|".join(f"(?:{p})" for p in _PATTERNS), re.IGNORECASE)
# Weather and exchange-rate widgets: a line that is only a signed, decimal or degree number ('-19', '77.19',
# '+0.01', '5°C'; not a bare year) or only
# 'Погода'; a one- or two-word name right after such a line is the widget's town.
_WIDGET = re.compile(r"^(?:[+\-−]\d+(?:[.,]\d+)?\s*(?:°\s*[CС]?|%)?|\d+[.,]\d+|\d+\s*°\s*[CС]?|погода|ауа\s+райы|weather)$",
                     re.IGNORECASE)
_WIDGET_PLACE = re.compile(r"^(?:[•·]\s*)?[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][\w\-]+(?:\s[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][\w\-]+)?$")
_MAX_LEN = 160  # a boilerplate line is short; a long paragraph that mentions "подписаться" is content
# Chrome glued to the end of a content line: '…ситуацию.Читать в оригинале http://…'.
_TAIL = re.compile(r"(?:читать\s+(?:в\s+оригинале|далее|полностью|на\s+\S+\.\w+)|подробнее\s+на\s+\S+\.\w+)"
                   r"[^\r\n]*$", re.IGNORECASE)
_WORD = re.compile(r"\w[\w\-()]*")
# A scraper's placeholder for an empty field, alone on a line ('None', 'null', 'undefined').
_EMPTY_FIELD = re.compile(r"^(?:none|null|undefined|nan)$", re.IGNORECASE)
# A site menu: three or more bullet lines in a row of one to three words each ('• Мультимедиа', '• Видео').
_MENU_ITEM = re.compile(r"^[•·▪◦]\s*[\w\-]+(?:\s+[\w\-]+){0,2}$")
_MENU_RUN = 3


def _menu_lines(lines) -> set[int]:
    """Indexes (in ``lines``, the non-empty stripped lines) of the bullet lines of a menu block."""
    out, run = set(), []
    for n, body in enumerate(lines + [""]):
        if _MENU_ITEM.match(body):
            run.append(n)
            continue
        if len(run) >= _MENU_RUN:
            out.update(run)
        run = []
    return out


def _tag_cloud(body: str) -> bool:
    """A line of labels with no sentence in it that repeats its own first three words ('Анна Иванова Приморье
    край общество … Анна Иванова Приморье край')."""
    if re.search(r"[.!?;,](\s|$)", body) or len(body) > 600:
        return False
    words = _WORD.findall(body)
    head = " ".join(words[:3])
    return len(words) >= 6 and " ".join(words[3:]).find(head) >= 0


def boilerplate_ranges(text: str) -> list[tuple[int, int]]:
    """(begin, end) of each line (or line tail) that is web boilerplate, in the text's own offsets."""
    ranges = []
    widget = False                  # the previous line was a weather or rate widget's ('Погода', '-19')
    lines = [line for line in _LINE.finditer(text) if line.group().strip()]
    menu = _menu_lines([line.group().strip() for line in lines])
    for n, line in enumerate(lines):
        body = line.group().strip()
        if n in menu or _EMPTY_FIELD.match(body):
            ranges.append((line.start(), line.end()))
            continue
        if _WIDGET.search(body) or (widget and _WIDGET_PLACE.match(body)):
            ranges.append((line.start(), line.end()))     # 'Погода' / '-19' / 'Иваново': the widget's town
            widget = bool(_WIDGET.search(body))
            continue
        widget = False
        if (len(body) <= _MAX_LEN and _BOILER.search(body)) or _tag_cloud(body):
            ranges.append((line.start(), line.end()))
            continue
        tail = _TAIL.search(line.group())
        if tail is not None:
            ranges.append((line.start() + tail.start(), line.end()))
    return ranges
