"""Facilities and organizations keep their identity (issue 9, deliverable 5), on sentences written for the tests,
through the real Russian pipeline; boilerplate and acronym helpers without a model."""
import pytest

from kg.boilerplate import boilerplate_ranges
from kg.extract.acronyms import initials, stands_for


def _ents(result, *classes):
    return [e for e in result.entities if e.cls in classes]


def _facts(result, key, prop):
    return {f.value for f in result.facts if f.subject == key and f.prop == prop}


def _ru(ent):
    return dict(ent.labels).get("ru")


def _alts(ent):
    return {a for _, a in ent.alt}


FACILITY = ("HealthcareFacility", "SocialFacility", "Venue", "Facility")
BODY = ("Organization", "GovernmentBody")


# ---------------------------------------------------------------- no model

@pytest.mark.parametrize("acronym,full,expected", [
    ("ФМБА", "Федеральное медико-биологическое агентство", True),
    ("УОКБ", "Ульяновская областная клиническая больница", True),
    ("ФРП", "Фонд развития промышленности", True),
    ("ФРП", "Федеральная служба по надзору", False),
    ("ЦРБ", "центральная районная больница", True),
])
def test_acronyms_stand_for_initials(acronym, full, expected):
    assert stands_for(acronym, full) is expected


def test_initials_skip_short_function_words():
    assert initials("Служба по надзору в сфере здравоохранения") == "СНСЗ"


def test_site_chrome_lines_are_boilerplate():
    text = ("Поиск по сайту\n"
            "В Энске открыли поликлинику. Губернатор осмотрел здание.\n"
            "Иван Петров Энский край общество политика Иван Петров Энский край\n"
            "Categories: Здоровье Основное\n"
            "Главный врач рассказал о планах.Читать в оригинале http://example.org/a\n"
            "Читать на example.ru\n"
            "Популярное\n")
    skipped = [text[b:e] for b, e in boilerplate_ranges(text)]
    assert "Поиск по сайту" in skipped and "Популярное" in skipped and "Читать на example.ru" in skipped
    assert any(s.startswith("Иван Петров Энский край") for s in skipped)
    assert any(s.startswith("Categories") for s in skipped)
    assert "Читать в оригинале http://example.org/a" in skipped
    assert not any("поликлинику" in s or "рассказал" in s for s in skipped)


def test_a_line_of_tags_of_several_words_is_boilerplate():
    text = "#здравоохранение #назначения #события в Энской области\nВ Энске открыли поликлинику.\n"
    skipped = [text[b:e] for b, e in boilerplate_ranges(text)]
    assert skipped == ["#здравоохранение #назначения #события в Энской области"]


def test_error_report_comment_widget_and_currency_lines_are_boilerplate():
    text = ("Если вы заметили ошибку в этом тексте, выделите ее мышью и нажмите Ctrl+Enter.\n"
            "Комментарии для сайта Example\n"
            "  • EUR:\n"
            "USD 77.19 +0.01\n"
            "Евро подорожал на бирже, сообщили аналитики.\n")
    skipped = [text[b:e].strip() for b, e in boilerplate_ranges(text)]
    assert len(skipped) == 4 and not any("подорожал" in s for s in skipped), skipped


# ---------------------------------------------------------------- through the pipeline

pytestmark_slow = pytest.mark.slow


@pytestmark_slow
def test_number_kept_and_repeated_mentions_are_one_facility_with_capacity_and_cost(extract_ru):
    result = extract_ru("В Калуге открылась новая поликлиника № 7. Поликлиника № 7 рассчитана на 300 посещений "
                        "в смену, ее стоимость составила 450 млн рублей.")
    (clinic,) = _ents(result, *FACILITY)
    assert _ru(clinic) == "поликлиника № 7"
    assert _facts(result, clinic.key, "hc:locatedIn") == {"settlement:калуга"}
    rows = set()
    for ind in _ents(result, "Indicator"):
        facts = {f.prop: f.value for f in result.facts if f.subject == ind.key}
        rows.add((facts["hc:measure"], facts["hc:value"], facts.get("hc:unit"), facts.get("hc:indicatorOf")))
    assert ("мощность@ru", "300", "посещение в смену", clinic.key) in rows
    assert ("стоимость@ru", "450000000", "рубль", clinic.key) in rows


@pytestmark_slow
def test_case_forms_and_the_full_name_of_an_acronym_are_one_facility_in_its_village(extract_ru):
    result = extract_ru("В селе Березовка Тульской области открыли новый ФАП. Здание нового ФАПа отвечает всем "
                        "стандартам. Фельдшерско-акушерский пункт начнет принимать пациентов в мае.")
    (post,) = _ents(result, *FACILITY)
    assert _ru(post).lower() == "фельдшерско-акушерский пункт"
    assert {"ФАП", "ФАПа"} <= _alts(post)
    assert _facts(result, post.key, "hc:facilityKind") == {"FacilityKind:feldsher_post"}
    assert _facts(result, post.key, "hc:locatedIn") == {"settlement:березовка"}
    assert _facts(result, post.key, "hc:facilityStatus") == {"FacilityStatus:opened"}


@pytestmark_slow
def test_district_hospital_acronym_keeps_its_adjective_and_joins_its_full_name(extract_ru):
    result = extract_ru("Главным врачом Заокской ЦРБ назначен Петр Сидоров. Заокская центральная районная "
                        "больница получила новый томограф.")
    (hospital,) = _ents(result, *FACILITY)
    assert _ru(hospital) == "Заокская центральная районная больница"
    assert "ЦРБ" in _alts(hospital) or "Заокская ЦРБ" in _alts(hospital)
    assert not _ents(result, *BODY)


@pytestmark_slow
def test_acronym_defined_in_brackets_or_by_initials_is_no_second_body(extract_ru):
    hospital = extract_ru("В Курской областной клинической больнице (КОКБ) открыли отделение. КОКБ приняла "
                          "первых пациентов.")
    (one,) = _ents(hospital, *FACILITY)
    assert "КОКБ" in _alts(one) and not _ents(hospital, *BODY)
    assert "region:RU-KRS" in _facts(hospital, one.key, "hc:locatedIn")
    fund = extract_ru("Соглашение подписали с Фондом развития промышленности. ФРП выделит средства.")
    (body,) = _ents(fund, *BODY)
    assert _ru(body) == "Фонд развития промышленности" and "ФРП" in _alts(body)


@pytestmark_slow
def test_a_regions_ministry_has_its_full_name_and_jurisdiction(extract_ru):
    result = extract_ru("Минздрав Чувашии сообщил о новых правилах. Министерство здравоохранения Чувашской "
                        "Республики продлило прием заявок.")
    (ministry,) = _ents(result, *BODY)
    assert _ru(ministry) == "Министерство здравоохранения Чувашской Республики"
    assert "Минздрав Чувашии" in _alts(ministry)
    assert _facts(result, ministry.key, "hc:jurisdiction") == {"region:RU-CU"}


@pytestmark_slow
def test_regional_bodies_named_without_their_region_in_an_article_about_one(extract_ru):
    result = extract_ru("В Тульской области выросло число врачей. Об этом сообщили в региональном минздраве. "
                        "Правительство региона выделило средства.")
    bodies = {_ru(e): e.key for e in _ents(result, *BODY)}
    assert set(bodies) == {"Министерство здравоохранения Тульской области", "Правительство Тульской области"}
    assert all(_facts(result, key, "hc:jurisdiction") == {"region:RU-TUL"} for key in bodies.values())


@pytestmark_slow
def test_body_labels_are_nominative_and_agree_with_their_head(extract_ru):
    result = extract_ru("Сотрудники Государственного медицинского университета и Территориального фонда "
                        "обязательного медицинского страхования провели встречу.")
    labels = {_ru(e) for e in _ents(result, *BODY)}
    assert labels == {"Государственный медицинский университет",
                      "Территориальный фонд обязательного медицинского страхования"}


@pytestmark_slow
def test_social_networks_and_share_lines_are_no_organization(extract_ru):
    result = extract_ru("Подробности в нашем Telegram-канале.\nВКонтакте\n"
                        "Об этом сообщили в группе администрации во «ВКонтакте».\nЧитать далее")
    assert not _ents(result, *BODY, *FACILITY, "Person")


@pytestmark_slow
def test_a_set_of_facilities_is_one_when_something_was_done_to_it(extract_ru):
    # a repair done in the past: modernized (devnews3 on: completed repair -> modernized)
    result = extract_ru("В Липецкой области в этом году отремонтировали 12 подстанций скорой помощи. "
                        "В планах построить 10 ФАПов.")
    (stations,) = _ents(result, *FACILITY)
    assert _facts(result, stations.key, "hc:count") == {"12"}
    assert _facts(result, stations.key, "hc:facilityStatus") == {"FacilityStatus:modernized"}


@pytestmark_slow
def test_readiness_and_beds_belong_to_the_facility(extract_ru):
    result = extract_ru("Строительная готовность нового корпуса областной больницы составляет 85%. Больница "
                        "рассчитана на 200 коек.")
    (hospital,) = _ents(result, *FACILITY)
    of = {f.value for f in result.facts if f.prop == "hc:indicatorOf"}
    measures = {f.value for f in result.facts if f.prop == "hc:measure"}
    assert of == {hospital.key} and measures == {"готовность@ru", "коечный фонд@ru"}


@pytestmark_slow
def test_one_numbered_facility_gets_one_key_from_two_articles(extract_ru):
    first = extract_ru("В Калуге открылась поликлиника № 12.")
    second = extract_ru("Губернатор посетил калужскую поликлинику № 12 в Калуге.")
    keys = [{e.key for e in _ents(r, *FACILITY)} for r in (first, second)]
    assert keys[0] == keys[1] and len(keys[0]) == 1


@pytestmark_slow
def test_medical_post_in_one_word_or_two(extract_ru):
    """'медпункт' and 'медицинский пункт' are medical posts (a generic 'медицинский' names the kind here)."""
    result = extract_ru("В селе Каратал открыли новый медпункт. Будет работать медицинский пункт в селе Береке.")
    kinds = {_ru(e).lower(): _facts(result, e.key, "hc:facilityKind") for e in _ents(result, *FACILITY)}
    assert kinds.get("медицинский пункт") == {"FacilityKind:feldsher_post"}
    assert any(label.endswith("медпункт") and kind == {"FacilityKind:feldsher_post"} for label, kind in kinds.items())


@pytest.mark.parametrize("text,outlet", [
    ("Министр посетил больницу. Фото: dz.example.ru", None),
    ("Министр посетил больницу © / pixabay.com", None),
    ("Министр посетил больницу, передает Zakon.kz.", "Zakon.kz"),
])
def test_a_pictures_credit_is_no_organization(extract_ru, text, outlet):
    labels = {dict(e.labels).get("ru") for e in extract_ru(text).entities
              if e.cls in ("Organization", "NewsOutlet", "GovernmentBody")}
    assert labels == ({outlet} if outlet else set()), labels


def test_quoted_names_after_a_category_and_a_dash_are_titles(extract_ru):
    result = extract_ru("Министр рассказал о запуске национальных проектов — «Долгая и активная жизнь» и «Семья».")
    assert not [e for e in result.entities if e.cls in ("Organization", "GovernmentBody")]


def test_a_lone_legal_form_is_no_organization(extract_ru):
    result = extract_ru("В мероприятии участвовал главный врач КГБУЗ “Энская ЦРБ” Иван Петров.")
    assert "КГБУЗ" not in {dict(e.labels).get("ru") for e in result.entities}
    assert "БУЗОО" not in {dict(e.labels).get("ru") for e in extract_ru("Пресс-служба БУЗОО сообщила об этом.").entities}


def test_weather_and_rate_widgets_are_boilerplate():
    text = "77.19\n+0.01\nПогода\n-19\nИваново\n\n2023\nАстана\nВ Иванове открыли поликлинику.\n"
    skipped = [text[b:e] for b, e in boilerplate_ranges(text)]
    assert skipped == ["77.19", "+0.01", "Погода", "-19", "Иваново"], skipped


# ---------------------------------------------------------------- ruev3 (devnews4-5 classes, made-up texts)

@pytestmark_slow
@pytest.mark.parametrize("text,label", [
    ("Министр осмотрела стройку Нефрологического центра — комплекса для лечения болезней почек.",
     "Нефрологический центр"),
    ("В Энске откроют новый лечебно-диагностический центр.", "лечебно-диагностический центр"),
    ("Губернатор посетил региональный сосудистый центр.", "региональный сосудистый центр"),
])
def test_a_centre_named_by_a_medical_specialty_is_a_healthcare_facility(extract_ru, text, label):
    result = extract_ru(text)
    found = {_ru(e).lower() for e in _ents(result, "HealthcareFacility")}
    assert label.lower() in found, found
    assert label.lower() not in {_ru(e).lower() for e in _ents(result, *BODY)}


@pytestmark_slow
def test_a_clipped_facility_name_is_its_full_name(extract_ru):
    alone = _ents(extract_ru("Министр посетила новый корпус Облбольницы №2."), *FACILITY)
    assert len(alone) == 1
    names = {_ru(alone[0]).lower()} | {a.lower() for a in _alts(alone[0])}
    assert "областная больница №2" in {n.replace("№ ", "№") for n in names}, names
    result = extract_ru("Министр посетила корпус Облбольницы №2. В областной больнице №2 закончили ремонт.")
    assert len(_ents(result, *FACILITY)) == 1


@pytestmark_slow
def test_a_facility_a_chief_physician_heads_is_one(extract_ru):
    result = extract_ru("На пост претендует главный врач районной больницы Иван Петров.")
    assert [_ru(e) for e in _ents(result, *FACILITY)] == ["районная больница"]
    bare = extract_ru("Она была заместителем главврача медучреждения.")
    assert not _ents(bare, *FACILITY)


@pytestmark_slow
def test_a_quoted_name_after_a_chief_physician_is_his_facility(extract_ru):
    result = extract_ru("Назначен новый главврач омского «Медпарка». Прежний руководитель «Медпарка» ушел.")
    facs = _ents(result, *FACILITY)
    assert [_ru(e) for e in facs] == ["Медпарк"]
    assert not [e for e in _ents(result, *BODY) if _ru(e) == "Медпарк"]


@pytestmark_slow
def test_a_regions_adjective_before_its_body_names_the_region(extract_ru):
    result = extract_ru("Курское облправительство выделит деньги на ремонт Энской ЦРБ.")
    regions = {e.key for e in _ents(result, "Region")}
    assert "region:RU-KRS" in regions
    bodies = {_ru(e): e.key for e in _ents(result, "GovernmentBody")}
    assert "Правительство Курской области" in bodies
    assert _facts(result, bodies["Правительство Курской области"], "hc:jurisdiction") == {"region:RU-KRS"}


@pytestmark_slow
def test_a_region_adjective_of_a_district_the_article_names_is_that_district(extract_ru):
    # 'Орловская' is also the Орловская область's adjective; the text is about the Орловский район (made up)
    result = extract_ru("В хуторе Петровка Орловского района Ростовской области открылась амбулатория. "
                        "Она входит в структуру Орловской межрайонной больницы.")
    fac = next(e for e in _ents(result, *FACILITY) if "межрайонная" in _ru(e))
    located = _facts(result, fac.key, "hc:locatedIn")
    assert "region:RU-ORL" not in located and any(v.startswith("settlement:орловский район") for v in located), located


# ---------------------------------------------------------------- status per clause (ruev5)

def _statuses(result):
    return {_ru(e): _facts(result, e.key, "hc:facilityStatus") for e in _ents(result, *FACILITY)}


@pytestmark_slow
def test_the_course_of_construction_is_under_way_even_in_a_future_visit(extract_ru):
    result = extract_ru("Завтра министр посетит Энский перинатальный центр и ознакомится с ходом "
                        "строительства областного центра крови.")
    got = _statuses(result)
    blood = next(v for k, v in got.items() if "крови" in k)
    assert blood == {"FacilityStatus:under_construction"}
    perinatal = next(v for k, v in got.items() if "перинатальный" in k.lower())
    assert "FacilityStatus:under_construction" not in perinatal


@pytestmark_slow
def test_a_repair_to_come_is_planned(extract_ru):
    result = extract_ru("В следующем году в Энской районной больнице проведут капитальный ремонт.")
    (hospital,) = _ents(result, *FACILITY)
    assert _facts(result, hospital.key, "hc:facilityStatus") == {"FacilityStatus:planned"}


@pytestmark_slow
def test_finished_works_make_a_facility_modernized_or_opened(extract_ru):
    repaired = extract_ru("Губернатор прокомментировал новость о завершении ремонта Энской детской поликлиники.")
    (clinic,) = _ents(repaired, *FACILITY)
    assert _facts(repaired, clinic.key, "hc:facilityStatus") == {"FacilityStatus:modernized"}
    built = extract_ru("Энская городская больница № 2, строительство которой завершилось в мае, будет "
                       "принимать до трехсот пациентов в день.")
    (hospital,) = _ents(built, *FACILITY)
    assert _facts(built, hospital.key, "hc:facilityStatus") == {"FacilityStatus:opened"}


@pytestmark_slow
def test_a_past_participle_of_building_is_no_plan(extract_ru):
    result = extract_ru("В селе Березовка состоялось открытие врачебной амбулатории, построенной по "
                        "региональной программе.")
    (post,) = _ents(result, *FACILITY)
    assert _facts(result, post.key, "hc:facilityStatus") == {"FacilityStatus:opened"}


@pytestmark_slow
def test_readiness_for_an_opening_is_not_an_opening(extract_ru):
    result = extract_ru("Министр проверил готовность к открытию новой врачебной амбулатории в селе Березовка.")
    (post,) = _ents(result, *FACILITY)
    assert _facts(result, post.key, "hc:facilityStatus") == {"FacilityStatus:under_construction"}


@pytestmark_slow
def test_facilities_of_one_kind_told_apart_by_their_street_or_micro_district(extract_ru):
    result = extract_ru("В Энске откроют две поликлиники. Поликлиника в микрорайоне Северный примет пациентов в мае, "
                        "а поликлиника по ул. Омарова будет готова к осени.")
    labels = {_ru(e) for e in _ents(result, *FACILITY)}
    assert {"Поликлиника в микрорайоне Северный", "поликлиника по ул. Омарова"} <= labels, labels
    assert "поликлиника" not in labels


@pytestmark_slow
def test_a_generic_medical_institution_is_the_facility_named_before(extract_ru):
    result = extract_ru("Аким области посетил многопрофильную городскую больницу. В медучреждении проведут "
                        "капитальный ремонт хирургического отделения.")
    (hospital,) = _ents(result, *FACILITY)
    assert _ru(hospital) == "многопрофильная городская больница"
    assert "медучреждении" in _alts(hospital)
    alone = extract_ru("В районе открыли новое медучреждение.")
    assert len(_ents(alone, *FACILITY)) == 1


@pytestmark_slow
def test_a_list_after_a_sentence_of_planned_repairs_is_planned(extract_ru):
    result = extract_ru("Ремонты проведут в ближайшие три года. В перечень вошли: Заокская ЦРБ; стационар "
                        "Энской ЦРБ.")
    got = {_ru(e): _facts(result, e.key, "hc:facilityStatus") for e in _ents(result, *FACILITY)}
    assert got and all(v == {"FacilityStatus:planned"} for v in got.values()), got


@pytestmark_slow
def test_a_town_hospital_and_the_district_hospital_of_one_adjective_are_one(extract_ru):
    result = extract_ru("Министр здравоохранения Пензенской области приехал в Белинскую больницу. В Белинской "
                        "районной больнице сейчас идет капитальный ремонт.")
    (hospital,) = _ents(result, *FACILITY)
    assert _facts(result, hospital.key, "hc:facilityStatus") == {"FacilityStatus:under_repair"}


@pytestmark_slow
def test_a_clipped_name_and_its_full_form_are_one_facility(extract_ru):
    result = extract_ru("Новым главным врачом «Медгорода» стал Иван Петров. Департамент назначил нового директора "
                        "«Медицинского города».")
    assert not [e for e in _ents(result, *BODY) if "город" in (_ru(e) or "").lower()]
    (centre,) = [e for e in _ents(result, *FACILITY) if "Медгород" in (_ru(e) or "")]
    assert "Медицинский город" in _alts(centre)


@pytestmark_slow
@pytest.mark.parametrize("text", [
    "Поликлинику на улице Мира в Энске обещают открыть 28 ноября.",
    "Новую амбулаторию в селе Березовка власти собираются открыть в декабре.",
])
def test_a_promised_opening_is_planned(extract_ru, text):
    result = extract_ru(text)
    statuses = [_facts(result, e.key, "hc:facilityStatus") for e in _ents(result, *FACILITY)]
    assert statuses == [{"FacilityStatus:planned"}], statuses


@pytestmark_slow
def test_two_adjectives_before_a_plural_head_are_two_facilities(extract_ru):
    result = extract_ru("Министр посетит областные противотуберкулезный и онкологический диспансеры. Затем он "
                        "побывает во взрослой и детской поликлинике.")
    labels = {(_ru(e) or "").replace("ё", "е") for e in _ents(result, *FACILITY)}
    assert {"областной противотуберкулезный диспансер", "областной онкологический диспансер"} <= labels, labels
    assert not any(label.endswith("диспансеры") for label in labels)


@pytestmark_slow
def test_a_programmes_title_is_no_facility_name(extract_ru):
    result = extract_ru("В селе Березовка установили новый модульный ФАП по проекту губернатора «Сельский ФАП».")
    labels = [_ru(e) for e in _ents(result, *FACILITY, *BODY)]
    assert "Сельский ФАП" not in labels, labels
    assert any("ФАП" in (label or "") or "пункт" in (label or "") for label in labels), labels


@pytestmark_slow
def test_a_generic_institution_with_the_kind_of_a_named_one_is_that_one(extract_ru):
    result = extract_ru("В Энске открылась новая детская поликлиника. Губернатор отметил, что детское "
                        "медучреждение обслуживает пять районов.")
    (clinic,) = _ents(result, *FACILITY)
    assert _ru(clinic) == "детская поликлиника"
    assert _facts(result, clinic.key, "hc:facilityStatus") == {"FacilityStatus:opened"}


@pytestmark_slow
def test_a_generic_facility_is_also_named_with_its_settlement(extract_ru):
    result = extract_ru("Жители попросили отремонтировать ФАП в хуторе Мамацев.")
    (post,) = _ents(result, *FACILITY)
    assert any(a.endswith("в хуторе Мамацев") for a in _alts(post)), _alts(post)


@pytest.mark.slow
@pytest.mark.parametrize("text,label,region", [
    # a federal body's territorial office: the whole name, the region it serves as its jurisdiction
    ("Руководитель управления Росздравнадзора по Тульской области Иван Орлов провёл проверку.",
     "Управление Росздравнадзора по Тульской области", "region:RU-TUL"),
    ("Главное управление МЧС России по Курганской области сообщило о пожаре.",
     "Главное управление МЧС России по Курганской области", "region:RU-KGN"),
    # a local representative body is a government body of the region its adjective names
    ("Вопрос обсудили депутаты Павлодарского областного маслихата.", "Павлодарский областной маслихат",
     "region:KZ-55"),
])
def test_territorial_offices_and_local_assemblies(extract_ru, text, label, region):
    result = extract_ru(text)
    body = next(e for e in _ents(result, *BODY) if _ru(e) == label)
    assert body.cls == "GovernmentBody"
    assert _facts(result, body.key, "hc:jurisdiction") == {region}


@pytest.mark.slow
@pytest.mark.parametrize("text,absent", [
    # a social network as the medium or the credit of a post is no body
    ("Министр рассказал о решении в соцсети Telegram.\nАнна Котова. Скрин: Youtube\nНовости региона в VK",
     {"Telegram", "Youtube", "VK"}),
    # a headline set in capitals is no body
    ("ЖИТЬ ЗДОРОВО\n\nВ Калуге открыли поликлинику.", {"ЖИТЬ ЗДОРОВО"}),
])
def test_chrome_and_headlines_are_no_bodies(extract_ru, text, absent):
    result = extract_ru(text)
    assert not absent & {_ru(e) for e in _ents(result, *BODY)}


@pytest.mark.slow
def test_acronyms_and_named_bodies_in_capitals_stay(extract_ru):
    result = extract_ru("Сотрудники ФСИН и ВОЗ провели учения вместе с Минздравом.")
    names = {_ru(e) for e in _ents(result, *BODY)} | {a for e in _ents(result, *BODY) for a in _alts(e)}
    assert {"ФСИН", "ВОЗ"} <= names, names


@pytest.mark.slow
def test_a_regions_short_name_and_a_surname_in_capitals_are_no_bodies(extract_ru):
    result = extract_ru("НОГАЕВ\n\nВрачей не хватает в ЗКО. Акимат ЗКО выделил жильё.")
    labels = {_ru(e) for e in _ents(result, *BODY)}
    assert "ЗКО" not in labels and "НОГАЕВ" not in labels
    assert "Акимат Западно-Казахстанской области" in labels, labels


@pytest.mark.slow
@pytest.mark.parametrize("text,region", [
    ("Губернатор Калужской области сообщил об уходе главы Минздрава Олега Петрова.", "region:RU-KLU"),
    ("Губернатор Тульской области утвердил состав правительства. Министерство здравоохранения возглавил "
     "Олег Петров.", "region:RU-TUL"),
])
def test_a_headed_bare_ministry_in_an_article_about_one_region_is_the_regions(extract_ru, text, region):
    result = extract_ru(text)
    ministry = next(e for e in _ents(result, *BODY) if (_ru(e) or "").startswith("Министерство здравоохранения"))
    assert _facts(result, ministry.key, "hc:jurisdiction") == {region}


@pytest.mark.slow
def test_a_federal_ministry_stays_federal(extract_ru):
    result = extract_ru("В Калуге по данным Минздрава России открыто пять ФАПов.")
    assert not any(_facts(result, e.key, "hc:jurisdiction") == {"region:RU-KLU"} for e in _ents(result, *BODY))


@pytestmark_slow
def test_a_hospital_in_a_list_of_those_present_takes_no_status(extract_ru):
    result = extract_ru("Открытие поликлиники после капитального ремонта состоялось в поселке Березовка, в нем "
                        "приняли участие глава района Иван Петров, главный врач КГБУЗ «Энская ЦРБ» Анна Сидорова.")
    crb = [e for e in _ents(result, *FACILITY) if "ЦРБ" in (_ru(e) or "")]
    assert crb and not _facts(result, crb[0].key, "hc:facilityStatus")


@pytestmark_slow
@pytest.mark.parametrize("text, status", [
    ("Проектировщики готовят документацию на строительство новой поликлиники в Энске.", "planned"),
    ("В селе Березовка принято решение о строительстве нового фельдшерско-акушерского пункта.", "planned"),
    ("Министр назвал сроки строительства новой районной больницы в Энске.", "planned"),
    ("В селе Березовка продолжается строительство нового фельдшерско-акушерского пункта.", "under_construction"),
])
def test_a_planning_noun_before_the_works_makes_them_a_plan(extract_ru, text, status):
    result = extract_ru(text)
    statuses = [_facts(result, e.key, "hc:facilityStatus") for e in _ents(result, *FACILITY)]
    assert statuses == [{f"FacilityStatus:{status}"}], statuses


@pytestmark_slow
@pytest.mark.parametrize("text, status", [
    ("На прошлой неделе в селе Березовка начала свою работу врачебная амбулатория.", "opened"),
    ("Новая поликлиника в Энске начала работу в понедельник.", "opened"),
    ("В понедельник начнут работу две новые поликлиники Энска.", "planned"),
    ("Новая районная больница в Энске приняла первых пациентов.", "opened"),
])
def test_starting_work_is_an_opening_in_the_tense_of_its_verb(extract_ru, text, status):
    result = extract_ru(text)
    statuses = [_facts(result, e.key, "hc:facilityStatus") for e in _ents(result, *FACILITY)]
    assert statuses == [{f"FacilityStatus:{status}"}], statuses


@pytest.mark.parametrize("text,label", [
    ("На капремонт отделения в Горячеключевской ЦРБ выделено 106 миллионов рублей.", "Горячеключевская ЦРБ"),
    ("В Тотемской ЦРБ открыли новое отделение.", "Тотемская ЦРБ"),
])
def test_a_place_adjective_taken_for_a_proper_noun_stays_in_the_facility_name(extract_ru, text, label):
    labels = {_ru(e) for e in _ents(extract_ru(text), *FACILITY)}
    assert label in labels and "ЦРБ" not in labels
