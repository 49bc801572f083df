"""Russian facility statuses read from the words around a facility (issue 9, rufac): construction nouns,
participles that describe another noun, works finished before an opening, plans to build, the next
sentence speaking of the facilities by a general noun. Sentences written for the tests; the real pipeline."""
import pytest

pytestmark = pytest.mark.slow

FACILITY = ("HealthcareFacility", "SocialFacility", "Venue", "Facility")


def _statuses(result):
    out = {}
    for e in result.entities:
        if e.cls in FACILITY:
            label = dict(e.labels).get("ru")
            out[label] = {f.value.split(":")[-1] for f in result.facts
                          if f.subject == e.key and f.prop == "hc:facilityStatus"}
    return out


def _one(result, word):
    got = _statuses(result)
    found = [v for k, v in got.items() if word in k.lower()]
    assert len(found) == 1, got
    return found[0]


@pytest.mark.parametrize("text, word, status", [
    ("Прокурор проверил ход работ на стройплощадке Энской областной больницы.", "больниц", "under_construction"),
    ("В Энске продолжается возведение нового перинатального центра.", "перинатальн", "under_construction"),
])
def test_construction_nouns_tell_the_works(extract_ru, text, word, status):
    assert _one(extract_ru(text), word) == {status}


def test_the_year_a_building_was_built_tells_no_status(extract_ru):
    result = extract_ru("Министр осмотрел Энскую районную больницу в здании 1950 года постройки.")
    assert _one(result, "больниц") == set()


def test_a_participle_speaks_of_the_noun_it_describes(extract_ru):
    result = extract_ru("Министр побывал в Энском перинатальном центре и в строящейся школе микрорайона.")
    assert _one(result, "перинатальн") == set()


def test_a_participle_before_the_facility_is_its_status(extract_ru):
    result = extract_ru("Министр побывал в строящейся Энской областной больнице.")
    assert _one(result, "больниц") == {"under_construction"}


def test_an_opening_after_repair_is_an_opening(extract_ru):
    result = extract_ru("Вчера состоялось открытие после капитального ремонта Энской районной поликлиники.")
    assert _one(result, "поликлиник") == {"opened"}


def test_works_named_as_finished_alone_are_done(extract_ru):
    result = extract_ru("После капитального ремонта Энская районная поликлиника выглядит по-новому.")
    assert _one(result, "поликлиник") == {"modernized"}


@pytest.mark.parametrize("text", [
    "В Энском районе построят новую районную больницу.",
    "Губернатор принял решение построить в Энске новую районную больницу.",
])
def test_a_plan_to_build_is_planned(extract_ru, text):
    assert _one(extract_ru(text), "больниц") == {"planned"}


def test_a_built_facility_is_not_planned(extract_ru):
    result = extract_ru("Министр осмотрел районную больницу, построенную в Энске пять лет назад.")
    assert "planned" not in _one(result, "больниц")


def test_a_need_to_build_is_planned(extract_ru):
    result = extract_ru("Требуется строительство нового здания Энского областного онкологического диспансера.")
    assert _one(result, "диспансер") == {"planned"}


def test_the_next_sentence_may_speak_of_the_facilities_as_objects(extract_ru):
    result = extract_ru("Прокурор проверил документы Энской детской больницы и Энской инфекционной больницы. "
                        "Объекты возводятся в рамках национального проекта.")
    assert _one(result, "детская") == {"under_construction"}
    assert _one(result, "инфекционная") == {"under_construction"}


# ---------------------------------------------------------------- identity

def _labels(result):
    return {dict(e.labels).get("ru") for e in result.entities if e.cls in FACILITY}


def test_a_unit_of_a_facility_is_a_facility_and_so_is_its_facility(extract_ru):
    labels = _labels(extract_ru("В понедельник после капитального ремонта открыли детское отделение Энской "
                                "районной больницы."))
    assert "детское отделение Энской районной больницы" in labels, labels
    assert "Энская районная больница" in labels, labels


def test_the_unit_its_doctors_work_in_is_no_facility_of_its_own(extract_ru):
    labels = _labels(extract_ru("Врачи хирургического отделения Энской районной больницы подписали обращение."))
    assert labels == {"Энская районная больница"}, labels


def test_a_unit_of_a_hospital_named_by_acronym_keeps_its_gender(extract_ru):
    labels = _labels(extract_ru("В Энске после ремонта открыли детское отделение Энской ЦРБ."))
    assert any(l and l.startswith("детское отделение") for l in labels), labels


def test_a_unit_of_a_facility_named_by_its_kind_alone_is_none(extract_ru):
    labels = _labels(extract_ru("В Энске открыли терапевтическое отделение больницы."))
    assert not any(l and "отделение" in l for l in labels), labels


def test_a_branch_names_the_facility_it_belongs_to(extract_ru):
    labels = _labels(extract_ru("Вчера открыли новую больницу, которая стала филиалом горбольницы № 3 имени "
                                "Петрова."))
    assert any(l and l.startswith("горбольница") and "имени Петрова" in l for l in labels), labels
    assert any(l and l.startswith("филиал горбольницы") for l in labels), labels


def test_a_centre_of_motherhood_is_medical(extract_ru):
    labels = _labels(extract_ru("В Энске открыли областной центр материнства и детства."))
    assert "областной центр материнства и детства" in labels, labels


def test_an_office_of_a_general_practitioner_is_a_facility(extract_ru):
    labels = _labels(extract_ru("В селе Березовка открыли офис врача общей практики."))
    assert any(l and l.startswith("офис врача общей практики") for l in labels), labels


def test_an_office_of_a_company_is_not(extract_ru):
    labels = _labels(extract_ru("В Энске открыли офис строительной компании."))
    assert not labels, labels


def test_works_begun_outweigh_a_plan_told_elsewhere(extract_ru):
    result = extract_ru("В Энске построят новую районную поликлинику.\n\n"
                        "В городе началось строительство районной поликлиники.")
    assert _one(result, "поликлиник") == {"under_construction"}


def test_a_plan_told_twice_stays_a_plan(extract_ru):
    result = extract_ru("В Энске построят новый роддом. Губернатор рассказал о строительстве роддома.")
    assert _one(result, "роддом") == {"planned"}


def test_works_that_were_to_be_finished_are_not_done(extract_ru):
    result = extract_ru("Возведение новой поликлиники в Энске, которое должно было завершиться в декабре, "
                        "отстает от графика.")
    assert _one(result, "поликлиник") == {"under_construction"}


def test_a_reminder_is_no_plan(extract_ru):
    result = extract_ru("Напомним, строительство новой районной поликлиники в Энске началось в прошлом году.")
    assert _one(result, "поликлиник") == {"under_construction"}


@pytest.mark.parametrize("text", [
    "К решению построить новую районную больницу губернатора подтолкнул визит в Энск.",
    "С открытием районной больницы медицинских работников поздравил глава Энского района.",
])
def test_a_facility_name_does_not_take_the_people_after_it(extract_ru, text):
    labels = _labels(extract_ru(text))
    assert "районная больница" in labels, labels


def test_a_hospital_for_veterans_keeps_them(extract_ru):
    labels = _labels(extract_ru("Губернатор посетил госпиталь ветеранов войн в Энске."))
    assert "госпиталь ветеранов войн" in labels, labels


# ---------------------------------------------------------------- region

def _regions(result):
    out = {}
    for e in result.entities:
        if e.cls in FACILITY:
            out[dict(e.labels).get("ru")] = {f.value for f in result.facts
                                             if f.subject == e.key and f.prop == "hc:locatedIn"}
    return out


def test_a_visit_goes_on_where_it_was_last_placed(extract_ru):
    result = extract_ru("Министр посетила Восточно-Казахстанскую область и Павлодарскую область. "
                        "В Усть-Каменогорске министр посетила городскую поликлинику № 2. "
                        "Далее министр ознакомилась с ходом строительства гематологического центра.")
    got = _regions(result)
    centre = next(v for k, v in got.items() if "гематологический" in k.lower())
    assert centre == {"region:KZ-63"}, got


def test_a_facility_is_in_the_region_its_sentence_mate_names(extract_ru):
    result = extract_ru("Аким Карагандинской области провел совещание. Затем он побывал в Актюбинском "
                        "медицинском центре, объединяющем областную клиническую больницу и областную "
                        "детскую больницу.")
    got = _regions(result)
    assert all(v == {"region:KZ-15"} for v in got.values()), got


def test_a_region_adjective_with_a_non_breaking_hyphen(extract_ru):
    result = extract_ru("Восточно\u2011Казахстанский областной онкологический диспансер принял первых пациентов.")
    got = _regions(result)
    assert list(got.values()) == [{"region:KZ-63"}], got


def test_the_results_of_a_repair_are_a_repair_done(extract_ru):
    result = extract_ru("Губернатор оценил результаты капитального ремонта в Энской детской поликлинике.")
    assert _one(result, "поликлиник") == {"modernized"}


def test_what_a_facility_is_said_to_be_is_no_other_facility(extract_ru):
    labels = _labels(extract_ru("В Энске открыли областной перинатальный центр. Это второй перинатальный центр "
                                "в регионе."))
    assert labels == {"областной перинатальный центр"}, labels


def test_a_facility_built_is_open(extract_ru):
    result = extract_ru("Новая городская детская больница Энска была построена в рамках государственной программы.")
    assert _one(result, "больниц") == {"opened"}


def test_a_building_built_long_ago_tells_its_age(extract_ru):
    result = extract_ru("Здание Энской районной больницы было построено в 1971 году.", date="2025-03-01")
    assert _one(result, "больниц") == set()


def test_a_facility_name_stops_at_a_person(extract_ru):
    labels = _labels(extract_ru("Главный врач городской детской больницы Анна Петрова показала гостям все блоки."))
    assert "городская детская больница" in labels, labels


def test_every_hospital_of_a_town_is_no_one_hospital(extract_ru):
    labels = _labels(extract_ru("Каждой больнице города выделили по одной машине скорой помощи."))
    assert not labels, labels


def test_a_denied_or_general_statement_reports_no_works(extract_ru):
    result = extract_ru("Строительство новой поликлиники в Энске получит федеральное финансирование. "
                        "Не может поликлиника строиться пять лет, она должна быть готова быстро.")
    assert _one(result, "поликлиник") == {"planned"}


def test_a_place_adjective_taken_for_a_proper_noun_agrees_in_the_label(extract_ru):
    labels = _labels(extract_ru("Губернатор и министр 4 марта осмотрели Кондровскую больницу."))
    assert labels == {"Кондровская больница"}, labels


def test_an_office_of_a_service_centre_keeps_the_centre(extract_ru):
    labels = _labels(extract_ru("В Энске после ремонта обновились офисы МФЦ и поликлиника."))
    assert any(l and "МФЦ" in l for l in labels), labels
