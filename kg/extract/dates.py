"""Dates in Russian text resolved against the article: '28 августа' under a 2021 dateline is 2021-08-28;
'20–25 ноября 2025 года' is a range; '22–24 ноября' inherits month and year; '28.08.21', 'сегодня'."""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from .lexicon_ru import MONTH_FORMS

_MONTH_RE = r"(январ[ья]|феврал[ья]|марта?|апрел[ья]|ма[йя]|июн[ья]|июл[ья]|августа?|сентябр[ья]|октябр[ья]|ноябр[ья]|декабр[ья])"
_DASH = r"\s*[-–—]\s*"
RANGE = re.compile(rf"\b(\d{{1,2}}){_DASH}(\d{{1,2}})\s+{_MONTH_RE}(?:\s+(\d{{4}})(?:\s*(?:года|г\.|год))?)?", re.I)
CROSS = re.compile(rf"\b(\d{{1,2}})\s+{_MONTH_RE}{_DASH}(\d{{1,2}})\s+{_MONTH_RE}(?:\s+(\d{{4}}))?", re.I)
DAY = re.compile(rf"\b(\d{{1,2}})\s+{_MONTH_RE}(?:,?\s+(\d{{4}})(?:\s*(?:года|г\.|год))?)?", re.I)
NUMERIC = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})\b")
MONTH_YEAR = re.compile(rf"\b(?:в\s+)?{_MONTH_RE}\s+(\d{{4}})", re.I)
YEAR = re.compile(r"\b((?:19|20)\d{2})\s*(?:году|года|год|г\.)", re.I)
TODAY = re.compile(r"\bсегодня\b", re.I)


@dataclass(frozen=True)
class DateSpan:
    begin: int
    end: int
    start: str
    end_date: str | None = None


def month_number(word: str) -> int:
    word = word.lower()
    for stem in sorted(MONTH_FORMS, key=len, reverse=True):
        if word.startswith(stem):
            return MONTH_FORMS[stem]
    raise ValueError(word)


def _iso(y: int, m: int, d: int) -> str | None:
    try:
        datetime.date(y, m, d)          # '31 февраля' or '30.02.2025' is no date
    except ValueError:
        return None
    return f"{y:04d}-{m:02d}-{d:02d}"


def find_dates(text: str, ref_year: int | None, ref_date: str | None = None) -> list[DateSpan]:
    """All date expressions in ``text`` (offsets into it). Years missing from the text come from the
    latest explicit year before the expression, else ``ref_year``."""
    found: list[DateSpan] = []
    taken: list[tuple[int, int]] = []

    def free(m):
        return not any(b < m.end() and m.start() < e for b, e in taken)

    def year_at(pos: int, explicit: str | None) -> int | None:
        if explicit:
            return int(explicit)
        years = [int(y.group(1)) for y in re.finditer(r"\b((?:19|20)\d{2})\b", text[:pos])]
        return years[-1] if years else ref_year

    for m in CROSS.finditer(text):
        y = year_at(m.start(), m.group(5))
        if y:
            s, e = _iso(y, month_number(m.group(2)), int(m.group(1))), _iso(y, month_number(m.group(4)), int(m.group(3)))
            if s and e:
                found.append(DateSpan(m.start(), m.end(), s, e)); taken.append(m.span())
    for m in RANGE.finditer(text):
        if not free(m):
            continue
        y = year_at(m.start(), m.group(4))
        if y:
            mon = month_number(m.group(3))
            s, e = _iso(y, mon, int(m.group(1))), _iso(y, mon, int(m.group(2)))
            if s and e:
                found.append(DateSpan(m.start(), m.end(), s, e)); taken.append(m.span())
    for m in DAY.finditer(text):
        if not free(m):
            continue
        y = year_at(m.start(), m.group(3))
        if y:
            s = _iso(y, month_number(m.group(2)), int(m.group(1)))
            if s:
                found.append(DateSpan(m.start(), m.end(), s)); taken.append(m.span())
    for m in NUMERIC.finditer(text):
        if not free(m):
            continue
        y = int(m.group(3)) if len(m.group(3)) == 4 else 2000 + int(m.group(3))
        s = _iso(y, int(m.group(2)), int(m.group(1)))
        if s:
            found.append(DateSpan(m.start(), m.end(), s)); taken.append(m.span())
    for m in MONTH_YEAR.finditer(text):
        if free(m):
            found.append(DateSpan(m.start(), m.end(), f"{int(m.group(2)):04d}-{month_number(m.group(1)):02d}"))
            taken.append(m.span())
    if ref_date:
        for m in TODAY.finditer(text):
            if free(m):
                found.append(DateSpan(m.start(), m.end(), ref_date)); taken.append(m.span())
    return sorted(found, key=lambda d: d.begin)


def find_years(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group(1)) for m in YEAR.finditer(text)]


DATELINE = re.compile(
    rf"^\W*(?:[А-ЯЁA-Z][\w\-]+(?:\s[А-ЯЁA-Z][\w\-]+)?,\s*)?(\d{{1,2}})\s+{_MONTH_RE},?\s+(\d{{4}})"
    r"(?:,?\s*(?:года|г\.)?)?(?:,?\s*\d{1,2}:\d{2})?\s*(?:[—–-]\s*([^.\n]{2,60}?)\.)?", re.I)


def dateline(text: str, start: int) -> tuple[str | None, tuple[int, int] | None, str | None]:
    """'Калуга, 28 августа, 2021, 14:49 — ИА Регнум.' at the top of the body -> (date, outlet span, outlet)."""
    m = DATELINE.match(text[start:start + 200])
    if not m:
        return None, None, None
    iso = _iso(int(m.group(3)), month_number(m.group(2)), int(m.group(1)))
    if m.group(4):
        b = start + m.start(4)
        return iso, (b, b + len(m.group(4))), m.group(4).strip()
    return iso, None, None
