"""Dates resolved against the article: ranges, inherited month and year, numeric forms, 'сегодня'."""
from kg.extract.dates import dateline, find_dates


def _dates(text, year=None, ref=None):
    return [(d.start, d.end_date) for d in find_dates(text, year, ref)]


def test_day_month_takes_the_reference_year():
    assert _dates("провел сегодня, 28 августа, в Калуге", 2021, "2021-08-28") == [
        ("2021-08-28", None), ("2021-08-28", None)]


def test_range_with_year_and_inherited_year():
    text = "20–25 ноября 2025 года состоялся конгресс. 22–24 ноября — тренинг; 25 ноября — пленарные заседания."
    assert _dates(text, 2030) == [("2025-11-20", "2025-11-25"), ("2025-11-22", "2025-11-24"), ("2025-11-25", None)]


def test_range_across_months_and_numeric():
    assert _dates("с 30 ноября - 2 декабря 2024 года", None) == [("2024-11-30", "2024-12-02")]
    assert _dates("Калуге 28.08.21", None) == [("2021-08-28", None)]


def test_no_year_no_date():
    assert _dates("состоится 5 мая", None) == []


def test_dateline_beats_header():
    text = "Калуга, 28 августа, 2021, 14:49 — ИА Регнум. Губернатор провел встречу."
    date, span, outlet = dateline(text, 0)
    assert date == "2021-08-28" and outlet == "ИА Регнум" and text[span[0]:span[1]] == "ИА Регнум"
