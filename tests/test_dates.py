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


def test_yearless_date_is_the_latest_such_day_not_after_the_article():
    assert _dates("27 февраля прошла коллегия", 2026, "2026-02-26") == [("2025-02-27", None)]
    assert _dates("10 января губернатор побывал", 2026, "2026-01-10") == [("2026-01-10", None)]
    assert _dates("с 30 декабря по 2 января", 2026, "2026-01-05")[0] == ("2025-12-30", None)


def test_announced_dates_keep_the_year_the_text_gives():
    text = "20–25 ноября 2025 года пройдет конгресс. 22–24 ноября — тренинг."
    assert _dates(text, 2025, "2025-10-01") == [("2025-11-20", "2025-11-25"), ("2025-11-22", "2025-11-24")]


def test_bare_years_lend_no_year():
    assert _dates("Здание 1950 года постройки. 5 мая там прошел ремонт.", None) == []
    assert _dates("Итоги 2014 года подведут 24 марта, во вторник.", None) == []


def test_weekdays_and_relative_days_against_a_full_article_date():
    # 2024-05-10 is a Friday
    assert _dates("В среду губернатор посетил больницу", 2024, "2024-05-10") == [("2024-05-08", None)]
    assert _dates("в пятницу", 2024, "2024-05-10") == [("2024-05-10", None)]
    assert _dates("в минувшую пятницу", 2024, "2024-05-10") == [("2024-05-03", None)]
    assert _dates("Вчера открылась поликлиника", 2024, "2024-05-10") == [("2024-05-09", None)]
    assert _dates("Вчера открылась поликлиника", 2024, "2024-05") == []
    assert _dates("в среду", None, None) == []


def test_numeric_date_line_at_the_top_is_a_dateline():
    date, span, outlet = dateline("31.10.2017, 10:28\nНазван кандидат на пост главврача\n\nТекст.", 0)
    assert (date, span, outlet) == ("2017-10-31", None, None)
    assert dateline("Губернатор провел совещание 12.03.2020 в Туле.", 0)[0] is None
