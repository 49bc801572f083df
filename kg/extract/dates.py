"""Dates in Russian text resolved against the article: '28 августа' under a 2021 dateline is 2021-08-28;
'20–25 ноября 2025 года' is a range; '22–24 ноября' inherits month and year; '28.08.21', 'сегодня', 'вчера',
'в среду'.

A day and month without a year resolve to the latest such date not after the article's date (its dateline,
else its header date); when the text itself gave a full date earlier that lies after that (an announcement:
'20–25 ноября 2025 года … 22–24 ноября'), its year is kept. With no article date, only a full date stated
earlier in the text lends its year (also when the article's date is only a year or a month); a bare year ('в 2014 году', 'здание 1950 года') never does.
Weekday words and 'вчера'/'сегодня' need an article date at day precision ('сегодня' also takes a
month or a year)."""
from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from dataclasses import dataclass

from .lexicon_ru import MONTH_FORMS, RELATIVE_DAYS, WEEKDAYS, WEEKDAY_PAST

_MONTH_RE = r"(январ[ья]|феврал[ья]|марта?|апрел[ья]|ма[йя]|июн[ья]|июл[ья]|августа?|сентябр[ья]|октябр[ья]|ноябр[ья]|декабр[ья])"
_DASH = r"\s*[-–—−]\s*"
RANGE = re.compile(rf"\b(\d{{1,2}}){_DASH}(\d{{1,2}})\s+{_MONTH_RE}(?:\s+(\d{{4}})(?:\s*(?:года|г\.|год))?)?", re.I)
CROSS = re.compile(rf"\b(\d{{1,2}})\s+{_MONTH_RE}{_DASH}(\d{{1,2}})\s+{_MONTH_RE}(?:\s+(\d{{4}}))?", re.I)
DAY = re.compile(rf"\b(\d{{1,2}})\s+{_MONTH_RE}(?:,?\s+(\d{{4}})(?:\s*(?:года|г\.|год))?)?", re.I)
NUMERIC = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})\b")
MONTH_YEAR = re.compile(rf"\b(?:в\s+)?{_MONTH_RE}\s+(\d{{4}})", re.I)
YEAR = re.compile(r"\b((?:19|20)\d{2})\s*(?:году|года|год|г\.)", re.I)
RELATIVE = re.compile(r"\b(" + "|".join(sorted(RELATIVE_DAYS, key=len, reverse=True)) + r")\b", re.I)
WEEKDAY = re.compile(r"\bв(?:о)?\s+(?:(" + "|".join(WEEKDAY_PAST) + r")\s+)?(" + "|".join(WEEKDAYS) + r")\b", re.I)


@dataclass(frozen=True)
class DateSpan:
    begin: int
    end: int
    start: str
    end_date: str | None = None
    inferred: bool = False           # the year came from the article's date, not from the text


def month_number(word: str) -> int:
    word = word.lower()
    for stem in sorted(MONTH_FORMS, key=len, reverse=True):
        if word.startswith(stem):
            return MONTH_FORMS[stem]
    raise ValueError(word)


def _iso(y: int, m: int, d: int) -> str | None:
    try:
        dt.date(y, m, d)
    except ValueError:
        return None
    return f"{y:04d}-{m:02d}-{d:02d}"


def _full(ref: str | None) -> dt.date | None:
    if ref and len(ref) == 10:
        try:
            return dt.date.fromisoformat(ref)
        except ValueError:
            return None
    return None


def latest_year(month: int, day: int, ref_date: str | None, ref_year: int | None) -> int | None:
    """The year of the latest (month, day) not after the article's date; with only a year (or a month)
    known, that year (the year before when the month is later than the article's month)."""
    if ref_date and len(ref_date) >= 7:
        y, m = int(ref_date[:4]), int(ref_date[5:7])
        d = int(ref_date[8:10]) if len(ref_date) == 10 else 31
        return y if (month, day) <= (m, d) else y - 1
    return ref_year


def find_dates(text: str, ref_year: int | None, ref_date: str | None = None) -> list[DateSpan]:
    """All date expressions in ``text`` (offsets into it), years resolved as the module says."""
    found: list[DateSpan] = []
    taken: list[tuple[int, int]] = []
    explicit: list[tuple[int, int]] = []        # (position, year) of full dates the text states

    covered: set[int] = set()                  # the characters of ``taken`` (one lookup per match, not a scan)

    def free(m):
        if m.start() == m.end():
            return not any(b < m.end() and m.start() < e for b, e in taken)
        return not any(i in covered for i in range(m.start(), m.end()))     # every match has a character

    for m in re.finditer(rf"{NUMERIC.pattern}|\b\d{{1,2}}(?:{_DASH}\d{{1,2}})?\s+{_MONTH_RE},?\s+(\d{{4}})\b",
                         text, re.I):
        year = m.group(3) or m.group(5)
        explicit.append((m.start(), int(year) if len(year) == 4 else 2000 + int(year)))

    positions = [p for p, _ in explicit]
    guessed: set[int] = set()

    def year_for(pos: int, stated: str | None, month: int, day: int) -> int | None:
        if stated:
            return int(stated)
        latest = latest_year(month, day, ref_date, ref_year)
        k = bisect_left(positions, pos)         # the full dates stated before pos (explicit is in text order)
        if k and (latest is None or explicit[k - 1][1] > latest or _full(ref_date) is None):
            return explicit[k - 1][1]
        guessed.add(pos)
        return latest

    def add(m, start, end=None):
        if start and (end is None or end >= start):
            found.append(DateSpan(m.start(), m.end(), start, end, m.start() in guessed))
            taken.append(m.span())
            covered.update(range(m.start(), m.end()))

    for m in CROSS.finditer(text):
        m1, d1, m2, d2 = month_number(m.group(2)), int(m.group(1)), month_number(m.group(4)), int(m.group(3))
        y = year_for(m.start(), m.group(5), m1, d1)
        if y:
            add(m, _iso(y, m1, d1), _iso(y, m2, d2))
    for m in RANGE.finditer(text):
        if not free(m):
            continue
        mon = month_number(m.group(3))
        y = year_for(m.start(), m.group(4), mon, int(m.group(1)))
        if y:
            s, e = _iso(y, mon, int(m.group(1))), _iso(y, mon, int(m.group(2)))
            if s and e:
                add(m, s, e)
    for m in DAY.finditer(text):
        if not free(m):
            continue
        mon, day = month_number(m.group(2)), int(m.group(1))
        y = year_for(m.start(), m.group(3), mon, day)
        if y:
            add(m, _iso(y, mon, day))
    for m in NUMERIC.finditer(text):
        if not free(m):
            continue
        y = int(m.group(3)) if len(m.group(3)) == 4 else 2000 + int(m.group(3))
        add(m, _iso(y, int(m.group(2)), int(m.group(1))))
    for m in MONTH_YEAR.finditer(text):
        if free(m):
            add(m, f"{int(m.group(2)):04d}-{month_number(m.group(1)):02d}")
    day = _full(ref_date)
    guessed.clear()
    for m in RELATIVE.finditer(text):
        if not free(m):
            continue
        shift = RELATIVE_DAYS[m.group(1).lower()]
        if day is not None:
            add(m, (day + dt.timedelta(days=shift)).isoformat())
        elif shift == 0 and ref_date:
            add(m, ref_date)                                  # 'сегодня' at the article's precision
    if day is not None:
        for m in WEEKDAY.finditer(text):
            if free(m):
                back = (day.weekday() - WEEKDAYS[m.group(2).lower()]) % 7
                if back == 0 and m.group(1):                  # 'в минувшую среду' said on a Wednesday
                    back = 7
                add(m, (day - dt.timedelta(days=back)).isoformat())
    return sorted(found, key=lambda d: d.begin)


def find_years(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group(1)) for m in YEAR.finditer(text)]


DATELINE = re.compile(
    rf"^\W*(?:[А-ЯЁA-Z][\w\-]+(?:\s[А-ЯЁA-Z][\w\-]+)?,\s*)?(\d{{1,2}})\s+{_MONTH_RE},?\s+(\d{{4}})"
    r"(?:,?\s*(?:года|г\.)?)?(?:,?\s*\d{1,2}:\d{2})?\s*(?:[—–-]\s*([^.\n]{2,60}?)\.)?", re.I)
# A line holding only a numeric date (and a time): '31.10.2017, 10:28', '28.03.2012 14:30'.
NUMERIC_LINE = re.compile(r"^[ \t]*(\d{1,2})\.(\d{1,2})\.(\d{4})(?:,?\s*\d{1,2}:\d{2})?[ \t]*$", re.M)
WORD_LINE = re.compile(rf"^[ \t]*(\d{{1,2}})\s+{_MONTH_RE}\s+(\d{{4}})(?:\s*(?:года|г\.))?(?:,?\s*\d{{1,2}}:\d{{2}})?[ \t]*$",
                       re.I)


def dateline(text: str, start: int) -> tuple[str | None, tuple[int, int] | None, str | None]:
    """'Тверь, 3 марта, 2022, 09:15 — ИА Регнум.' at the top of the body -> (date, outlet span, outlet).
    A line with only a date ('31.10.2017, 10:28', '22 июня 2009 г.') among the first three lines counts too."""
    m = DATELINE.match(text[start:start + 200])
    if not m:
        head = text[start:start + 400].split("\n")
        lines = [line for line in head if line.strip()][:3]
        for line in lines:
            n = NUMERIC_LINE.match(line)
            if n:
                return _iso(int(n.group(3)), int(n.group(2)), int(n.group(1))), None, None
            w = WORD_LINE.match(line)
            if w:
                return _iso(int(w.group(3)), month_number(w.group(2)), int(w.group(1))), None, None
        return None, None, None
    iso = _iso(int(m.group(3)), month_number(m.group(2)), int(m.group(1)))
    if m.group(4):
        b = start + m.start(4)
        return iso, (b, b + len(m.group(4))), m.group(4).strip()
    return iso, None, None


# ---------------------------------------------------------------- Kazakh
# '2026 жылғы 19 ақпанда', '2026 ж. 19 ақпан', '19 ақпан күні', '19-шы ақпанда', '19 ақпан 2026 жылы', '19.02.2026':
# month names are kg/patterns/kk/months.json, year markers and ordinal endings date_forms.json.
_NUM_DATE = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\d.]\d)")
_PATTERNS: dict = {}


def _alternatives(words) -> str:
    return "|".join(re.escape(w) for w in words)


def _kk_pattern(lex) -> re.Pattern:
    key = (lex.lang, tuple(lex.MONTHS), tuple(lex.YEAR_BEFORE), tuple(lex.YEAR_AFTER), tuple(lex.ORDINAL_ENDINGS))
    found = _PATTERNS.get(key)
    if found is None:
        found = _PATTERNS[key] = re.compile(
            rf"(?<![\w-])(?:(\d{{4}})\s*(?:{_alternatives(lex.YEAR_BEFORE)})\s+)?(\d{{1,2}})"
            rf"(?:-?(?:{_alternatives(lex.ORDINAL_ENDINGS)}))?\s+({_alternatives(lex.MONTHS)})\w*"
            rf"(?:\s+(\d{{4}})\s*(?:{_alternatives(lex.YEAR_AFTER)}))?", re.IGNORECASE)
    return found


def find_dates_kk(text: str, ref_year: int | None, lex, ref_date: str | None = None) -> list[DateSpan]:
    """Kazakh dates: day and month name with an optional year before ('2026 жылғы 19 ақпанда') or after
    ('19 ақпан 2026 жылы'), and '19.02.2026'. A date without a year takes the latest such date not after the
    article's date (``ref_date``), else ``ref_year``."""
    out = []
    for m in _kk_pattern(lex).finditer(text):
        month, day = lex.MONTHS[m.group(3).lower()], int(m.group(2))
        year = int(m.group(1) or m.group(4) or 0) or _kk_year(month, day, ref_year, ref_date)
        iso = _iso(year, month, day) if year else None          # '30 ақпан' is no date
        if iso:
            out.append(DateSpan(m.start(), m.end(), iso))
    for m in _NUM_DATE.finditer(text):
        day, month, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
        iso = _iso(year, month, day)
        if iso:
            out.append(DateSpan(m.start(), m.end(), iso))
    return sorted(out, key=lambda d: d.begin)


def _kk_year(month: int, day: int, ref_year: int | None, ref_date: str | None) -> int | None:
    if ref_date and len(ref_date) >= 10:
        year = int(ref_date[:4])
        return year if (month, day) <= (int(ref_date[5:7]), int(ref_date[8:10])) else year - 1
    return ref_year


def dates_in(text: str, ref_year: int | None, ref_date: str | None, lex) -> list[DateSpan]:
    """The dates of a text in the lexicon's language (the one entry point the pipeline calls)."""
    if lex.lang == "kk":
        return find_dates_kk(text, ref_year, lex, ref_date)
    return find_dates(text, ref_year, ref_date)
