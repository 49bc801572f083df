"""Russian extractors on sentences written for the tests (not from the seeds), through the real models."""
import pytest

pytestmark = pytest.mark.slow


def _facts(result, prop):
    return {(f.subject, f.value) for f in result.facts if f.prop == prop}


def _label(result, key, lang="ru"):
    ent = next(e for e in result.entities if e.key == key)
    return dict(ent.labels).get(lang)


def _by_class(result, cls):
    return {dict(e.labels).get("ru"): e.key for e in result.entities if e.cls == cls}


def _tenures(result):
    """(person label, role, jurisdiction key, acting) for every tenure."""
    out = set()
    for t in [e.key for e in result.entities if e.cls == "Tenure"]:
        person = next(v for s, v in _facts(result, "hc:tenureOf") if s == t)
        post = next(v for s, v in _facts(result, "hc:tenurePost") if s == t)
        role = next(v for s, v in _facts(result, "hc:postRole") if s == post).split(":")[1]
        juris = next((v for s, v in _facts(result, "hc:jurisdiction") if s == post), None)
        acting = next(v for s, v in _facts(result, "hc:acting") if s == t) == "true"
        out.add((_label(result, person), role, juris, acting))
    return out


@pytest.mark.parametrize("text,expected", [
    ("Губернатор Тульской области Алексей Дюмин открыл новую поликлинику.",
     ("Алексей Дюмин", "governor", "region:RU-TUL", False)),
    ("Врио губернатора Курской области Александр Хинштейн провел совещание.",
     ("Александр Хинштейн", "governor", "region:RU-KRS", True)),
    ("Вчера Роман Старовойт, временно исполняющий обязанности губернатора Курской области, посетил больницу.",
     ("Роман Старовойт", "governor", "region:RU-KRS", True)),
    ("Аким Алматы Ерболат Досаев осмотрел строительство школы.",
     ("Ерболат Досаев", "akim", "region:KZ-75", False)),
    ("Мэр Москвы Сергей Собянин открыл центр.", ("Сергей Собянин", "mayor", "region:RU-MOW", False)),
    ("Об этом сообщил министр здравоохранения России Михаил Мурашко.",
     ("Михаил Мурашко", "minister", "country:RU", False)),
])
def test_officials(extract_ru, text, expected):
    assert expected in _tenures(extract_ru(text))


def test_surname_only_mentions_resolve_to_the_full_person(extract_ru):
    result = extract_ru("Губернатор Тульской области Алексей Дюмин провел совещание. Дюмину доложили о ремонте.")
    persons = _by_class(result, "Person")
    assert list(persons) == ["Алексей Дюмин"]
    key = persons["Алексей Дюмин"]
    assert len([m for m in result.mentions if m.key == key]) == 2


def test_dateline_date_beats_header_and_resolves_today(extract_ru):
    text = ("Тула, 5 марта, 2022, 10:00 — ИА Тульские новости. Губернатор Тульской области Алексей Дюмин "
            "провел сегодня рабочую встречу с министром здравоохранения региона.")
    result = extract_ru(text, date="2024-01")
    assert result.dateline == "2022-03-05"
    meetings = [e.key for e in result.entities if e.cls == "Event"]
    assert len(meetings) == 1
    assert (meetings[0], "2022-03-05") in _facts(result, "hc:startDate")


def test_facilities_with_names_status_and_place(extract_ru):
    text = ("В Туле открыта городская клиническая больница № 2. В планах — строительство "
            "перинатального центра. В Новомосковске начался капитальный ремонт центра реабилитации «Родник».")
    result = extract_ru(text)
    health = _by_class(result, "HealthcareFacility")
    social = _by_class(result, "SocialFacility")
    assert "перинатальный центр" in health and "Родник" in social
    status = dict(_facts(result, "hc:facilityStatus"))
    assert status[health["перинатальный центр"]].endswith("planned")
    assert status[social["Родник"]].endswith("under_repair")


def test_kinds_are_told_apart(extract_ru):
    text = ("Министр принял участие в форуме «Здоровое общество». Соглашение подписано в отрасли «Здравоохранение». "
            "Пресс-служба правительства Тульской области сообщила об этом. Участники встречи остановились в отеле «Заря».")
    result = extract_ru(text)
    orgs = set(_by_class(result, "Organization")) | set(_by_class(result, "GovernmentBody"))
    assert "Здоровое общество" not in orgs and "Здравоохранение" not in orgs
    assert "Правительство Тульской области" in orgs
    assert not _by_class(result, "Person")
    assert "Заря" in _by_class(result, "Venue")
    assert "форум «Здоровое общество»" in _by_class(result, "Event")   # a quoted title is never a bare label


def test_event_range_sub_events_organizer_and_supporters(extract_ru):
    text = ("10–12 апреля 2024 года прошел Всероссийский форум медицинских сестер.\n\n"
            "Форум организован Ассоциацией медицинских сестер России при поддержке:\n"
            "* Министерства здравоохранения Российской Федерации;\n\n"
            "Программа:\n* 10 апреля — круглый стол о кадрах;\n* 11 апреля — семинар по симуляционному обучению.")
    result = extract_ru(text)
    events = _by_class(result, "Event")
    forum = events["Всероссийский форум медицинских сестер"]
    assert (forum, "2024-04-10") in _facts(result, "hc:startDate")
    assert (forum, "2024-04-12") in _facts(result, "hc:endDate")
    subs = {s for s, v in _facts(result, "hc:subEventOf") if v == forum}
    assert len(subs) == 2
    assert {v for s, v in _facts(result, "hc:supporter") if s == forum} == {"org:министерство здравоохранения country:ru"}
    assert any(s == forum for s, _ in _facts(result, "hc:organizer"))


def test_indicators_with_year_unit_and_subject(extract_ru):
    text = ("В 2024 году в Туле продолжили модернизацию больниц. Уровень обновления оборудования составил 71,5%, "
            "что выше, чем в 2023 году (64,2%). В этом году проведено 312 операций на сердце.")
    result = extract_ru(text, date="2024-12-01")
    rows = set()
    for key in [e.key for e in result.entities if e.cls == "Indicator"]:
        facts = {f.prop: f.value for f in result.facts if f.subject == key}
        rows.add((facts["hc:value"], facts.get("hc:unit"), facts.get("hc:year"), facts.get("hc:indicatorOf")))
    assert ("71.5", "%", "2024", "region:RU-TUL") in rows
    assert ("64.2", "%", "2023", "region:RU-TUL") in rows
    assert ("312", "операция", "2024", "region:RU-TUL") in rows
