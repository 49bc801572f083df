"""Russian events on sentences written for the tests (not from the seeds or the dev set), through the real
models: openings, working trips and inspections, visits, meetings, collegiums, signings; participants,
places, dates resolved against the article, and keys that merge across articles only on kind, day and place."""
import pytest

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def run(ru_nlp):
    from kg.extract import extract
    from kg.sources import make_article

    def go(text, date=None, source="t.txt"):
        article = make_article(source.split(".")[0], source, text, date=date, language="ru")
        return extract(article, ru_nlp(article.masked_text()))

    return go


def _events(result):
    """label -> {prop: set(values)} for every event, values as labels where they name an entity."""
    names = {e.key: dict(e.labels).get("ru") for e in result.entities}
    out = {}
    for e in result.entities:
        if e.cls != "Event":
            continue
        props = {"key": {e.key}}
        for f in result.facts:
            if f.subject == e.key:
                value = f.value.split(":", 1)[1] if f.kind == "concept" else names.get(f.value, f.value)
                props.setdefault(f.prop, set()).add(value)
        out[dict(e.labels)["ru"]] = props
    return out


def _one(result, kind):
    found = [(label, p) for label, p in _events(result).items() if kind in p["hc:eventType"]]
    assert len(found) == 1, _events(result)
    return found[0]


def test_opening_with_place_and_participants_of_the_next_sentence(run):
    result = run("В Туле открылась новая детская поликлиника. В церемонии открытия приняли участие губернатор "
                 "Тульской области Алексей Дюмин и министр здравоохранения региона Иван Петров.")
    label, ev = _one(result, "opening")
    assert label.startswith("открытие") and "поликлиники" in label and "Туле" in label
    assert ev["hc:eventPlace"] == {"Тула"}
    assert {"Алексей Дюмин", "Иван Петров"} <= ev["hc:participant"]


@pytest.mark.parametrize("text", [
    "Новая поликлиника в Туле откроется для пациентов 12 января.",
    "Поликлинику в Туле планируется открыть в декабре.",
    "За последние два года в Туле открыто 14 частных клиник.",
    "С открытием ФАПов уровень медицинской помощи на селе становится выше.",
])
def test_no_opening_when_it_has_not_happened_or_is_a_tally(run, text):
    assert not [p for p in _events(run(text)).values() if "opening" in p["hc:eventType"]]


def test_phrases_that_open_a_facility(run):
    result = run("Губернатор Тульской области Алексей Дюмин дал старт работе нового ФАПа в селе Дубки.")
    assert _one(result, "opening")[1]["hc:participant"] == {"Алексей Дюмин"}
    result = run("Сегодня в Туле в эксплуатацию ввели новый корпус областной больницы.", date="2024-03-01")
    assert _one(result, "opening")[1]["hc:startDate"] == {"2024-03-01"}


def test_working_trip_and_inspection_are_one_event(run):
    result = run("Губернатор Тульской области Алексей Дюмин в рамках рабочей поездки в Кимовский район "
                 "проинспектировал ход ремонта районной больницы. Также он осмотрел новый ФАП.")
    label, ev = _one(result, "working_trip")
    assert label.startswith("рабочая поездка")
    assert ev["hc:participant"] == {"Алексей Дюмин"}
    assert len(_events(result)) == 1


def test_inspection_dated_by_a_yearless_day_and_named_after(run):
    result = run("Губернатор Тульской области 10 января побывал с инспекцией в новой поликлинике в Туле. "
                 "Осмотрев здание, Алексей Дюмин поручил завершить работы.", date="2024-01-12")
    label, ev = _one(result, "inspection")
    assert ev["hc:startDate"] == {"2024-01-10"}
    assert ev["hc:participant"] == {"Алексей Дюмин"}
    assert "поликлинику" in label


def test_visit_on_a_weekday(run):
    result = run("В среду министр здравоохранения Тульской области Иван Петров посетил Кимовскую районную "
                 "больницу.", date="2024-05-10")
    label, ev = _one(result, "visit")
    assert ev["hc:startDate"] == {"2024-05-08"} and ev["hc:participant"] == {"Иван Петров"}
    assert "больниц" in label


def test_meeting_by_verb_with_both_sides(run):
    result = run("Министр здравоохранения Тульской области Иван Петров встретился в Туле с главным врачом "
                 "областной больницы Сергеем Ивановым.")
    label, ev = _one(result, "meeting")
    assert ev["hc:participant"] == {"Иван Петров", "Сергей Иванов"}
    assert ev["hc:eventPlace"] == {"Тула"} and label == "встреча в Туле"


def test_host_of_a_meeting_is_its_organizer(run):
    result = run("Губернатор Тульской области Алексей Дюмин провел рабочую встречу с главой Кимовского района "
                 "Сергеем Ивановым.")
    label, ev = _one(result, "meeting")
    assert label == "рабочая встреча"
    assert ev["hc:organizer"] == {"Алексей Дюмин"}
    assert ev["hc:participant"] == {"Алексей Дюмин", "Сергей Иванов"}


def test_collegium_sitting_and_speakers(run):
    result = run("Расширенная коллегия министерства здравоохранения Тульской области прошла 5 марта 2024 года "
                 "в Туле. Заседание коллегии открыл министр Иван Петров.\n\nС докладом выступил директор "
                 "фонда Сергей Сидоров.")
    label, ev = _one(result, "collegium")
    assert len(_events(result)) == 1
    assert label.startswith("расширенная коллегия")
    assert ev["hc:startDate"] == {"2024-03-05"} and ev["hc:eventPlace"] == {"Тула"}
    assert {"Иван Петров", "Сергей Сидоров"} <= ev["hc:participant"]


def test_signing_with_signatories_and_parties(run):
    result = run("Губернатор Тульской области Алексей Дюмин и губернатор Калужской области Владислав Шапша "
                 "подписали соглашение о сотрудничестве в сфере здравоохранения.")
    label, ev = _one(result, "agreement_signing")
    assert label.startswith("подписание соглашения о сотрудничестве")
    assert ev["hc:participant"] == {"Алексей Дюмин", "Владислав Шапша"}
    assert {"Тульская область", "Калужская область"} <= ev["hc:party"]


@pytest.mark.parametrize("text", [
    "Стороны договорились о подписании соглашения о сотрудничестве.",
    "Министр пригласил коллегу в Тулу с ответным визитом.",
])
def test_plans_and_invitations_are_no_events(run, text):
    assert _events(run(text)) == {}


def test_events_merge_across_articles_only_on_kind_day_and_place(run):
    a = run("Министр здравоохранения Тульской области Иван Петров провел встречу с врачами в Туле.",
            source="a.txt")
    b = run("Министр здравоохранения Тульской области Иван Петров провел встречу с врачами в Туле.",
            source="b.txt")
    assert _one(a, "meeting")[1]["key"] != _one(b, "meeting")[1]["key"]      # undated: never one event
    text = "5 марта 2024 года министр здравоохранения Тульской области Иван Петров провел встречу в Туле."
    c, d = run(text, source="c.txt"), run(text, source="d.txt")
    assert _one(c, "meeting")[1]["key"] == _one(d, "meeting")[1]["key"]
    e = run(text.replace("в Туле", "в Новомосковске"), source="e.txt")
    assert _one(e, "meeting")[1]["key"] != _one(c, "meeting")[1]["key"]


def test_announced_congress_takes_the_coming_days_and_its_organizers(run):
    result = run("Всероссийский конгресс «Здоровая семья» пройдет 22–23 октября в Москве.\nОрганизаторами "
                 "выступят Министерство здравоохранения Российской Федерации и Лига здоровья нации.",
                 date="2025-10-14")
    label, ev = _one(result, "congress")
    assert ev["hc:startDate"] == {"2025-10-22"} and ev["hc:endDate"] == {"2025-10-23"}
    assert "Министерство здравоохранения Российской Федерации" in ev["hc:organizer"]


def test_federal_collegium_attended_is_no_visit_and_not_placed_in_the_region(run):
    result = run("Министр здравоохранения Тульской области Иван Петров посетил заседание коллегии Минздрава "
                 "России. С докладом на коллегии выступил министр здравоохранения России Михаил Мурашко.")
    assert [p for p in _events(result).values() if "visit" in p["hc:eventType"]] == []
    label, ev = _one(result, "collegium")
    assert "hc:eventPlace" not in ev
    assert {"Иван Петров", "Михаил Мурашко"} <= ev["hc:participant"]


def test_persons_only_quoted_or_thanked_are_no_participants(run):
    result = run("В Туле открылась новая поликлиника. По словам министра Ивана Петрова, она примет "
                 "500 пациентов в смену.")
    assert "hc:participant" not in _one(result, "opening")[1]


@pytest.mark.parametrize("text", [
    "Губернатор Тульской области Алексей Дюмин дал старт новой региональной программе «Сельский ФАП».",
    "У нас будет встреча с министром, и мы проведем совещание по проблемам здравоохранения Тульской области.",
])
def test_launches_and_announced_meetings_are_no_held_events(run, text):
    kinds = {k for p in _events(run(text)).values() for k in p["hc:eventType"]}
    assert not kinds & {"opening", "meeting"}


def test_a_lead_about_last_weekend_takes_no_article_date(run):
    result = run("В минувшие выходные министр здравоохранения Тульской области Иван Петров встречался с "
                 "главными врачами.", date="2025-11-18")
    assert "hc:startDate" not in _one(result, "meeting")[1]
    result = run("Министр здравоохранения Тульской области Иван Петров встретился с главными врачами.",
                 date="2025-11-18")
    assert _one(result, "meeting")[1]["hc:startDate"] == {"2025-11-18"}


def test_coordinated_programmes_are_two_named_events(run):
    result = run("В области в марте стартовали национальные проекты «Долгая жизнь» и «Крепкая семья».")
    labels = {label for label, p in _events(result).items() if "programme" in p["hc:eventType"]}
    assert {label.split("«")[1] for label in labels} == {"Долгая жизнь»", "Крепкая семья»"}, labels


def test_staff_introduced_to_a_new_head_is_a_meeting(run):
    result = run("Заместитель председателя правительства Тульской области Ольга Петрова представила коллективу "
                 "министерства здравоохранения нового министра Ивана Сидорова.")
    assert _one(result, "meeting")[1]["hc:participant"] == {"Ольга Петрова", "Иван Сидоров"}


def test_ceremony_participants_across_paragraphs_and_no_visit_to_an_opening(run):
    result = run("В селе Дубки Тульской области состоялось торжественное открытие нового ФАПа.\n\n"
                 "Алую ленту перед зданием глава района Сергей Иванов перерезал вместе с министром "
                 "здравоохранения области Иваном Петровым.\n\nНа открытии побывала Мария Сидорова.")
    label, ev = _one(result, "opening")
    assert {"Сергей Иванов", "Иван Петров"} <= ev["hc:participant"]
    assert len(_events(result)) == 1


def test_meeting_people_named_just_before_and_rooms_are_no_events(run):
    result = run("Губернатор Тульской области Алексей Дюмин поблагодарил министра Михаила Мурашко за поддержку. "
                 "Рабочая встреча с главой Минздрава состоялась в Москве.")
    assert _one(result, "meeting")[1]["hc:participant"] == {"Алексей Дюмин", "Михаил Мурашко"}
    result = run("10 августа в зале заседаний правительства губернатор Тульской области Алексей Дюмин проведёт "
                 "совещание по модернизации здравоохранения.")
    kinds = [k for p in _events(result).values() for k in p["hc:eventType"]]
    assert kinds == ["meeting"]                        # announced with its day; the room is no session


def test_openings_in_two_towns_are_two_events(run):
    result = run("В Туле открылась новая детская поликлиника. Вчера в Новомосковске открылась районная "
                 "больница, сообщил губернатор Тульской области Алексей Дюмин.", date="2024-05-10")
    openings = {label: p for label, p in _events(result).items() if "opening" in p["hc:eventType"]}
    assert len(openings) == 2
    places = {frozenset(p["hc:eventPlace"]) for p in openings.values()}
    assert places == {frozenset({"Тула"}), frozenset({"Новомосковск"})}


def test_signatories_named_in_a_later_paragraph_are_the_signings_participants(run):
    result = run("В Туле подписано соглашение о сотрудничестве между министерством здравоохранения Тульской "
                 "области и медицинским университетом. Церемония прошла в здании правительства.\n\n"
                 "Подписи под документом поставили министр здравоохранения Тульской области Пётр Сидорчук и "
                 "ректор университета Иван Кравцов.")
    _, ev = _one(result, "agreement_signing")
    assert {"Пётр Сидорчук", "Иван Кравцов"} <= ev["hc:participant"]


def test_a_quoted_title_is_never_the_bare_label_of_a_signing(run):
    result = run("В Туле состоялось подписание соглашения «Село — врач» между министерством здравоохранения "
                 "Тульской области и медицинским университетом.")
    label, _ = _one(result, "agreement_signing")
    assert label.startswith("подписание соглашения") and "«Село — врач»" in label


def test_a_role_without_a_name_is_the_article_holder_of_that_post(run):
    result = run("Министр здравоохранения Тульской области Пётр Сидорчук рассказал о планах на год.\n\n"
                 "Накануне министр побывал с рабочей поездкой в Кимовском районе.")
    _, ev = _one(result, "working_trip")
    assert ev["hc:participant"] == {"Пётр Сидорчук"}


def test_a_framed_bare_meeting_in_a_trip_article_is_the_trips_own(run):
    result = run("Губернатор Тульской области Пётр Сидорчук побывал с рабочей поездкой в Кимовском районе. "
                 "Он осмотрел районную больницу.\n\n"
                 "В ходе встречи Пётр Сидорчук пообщался с молодыми врачами больницы.")
    assert not [p for p in _events(result).values() if "meeting" in p["hc:eventType"]], _events(result)
    _one(result, "working_trip")


def test_a_framed_meeting_with_its_own_complement_stays_an_event(run):
    result = run("Губернатор Тульской области Пётр Сидорчук побывал с рабочей поездкой в Кимовском районе.\n\n"
                 "В ходе встречи с жителями села Пётр Сидорчук ответил на вопросы.")
    _one(result, "meeting")


def test_a_meeting_naming_no_one_in_a_trip_article_is_held_by_the_trips_host(run):
    result = run("Министр здравоохранения Тульской области Пётр Сидорчук с рабочим визитом прибыл в Кимовский "
                 "район. Он осмотрел районную больницу.\n\n"
                 "Главной темой совещания с главврачами района стала нехватка кадров.")
    _, ev = _one(result, "meeting")
    assert ev["hc:participant"] == {"Пётр Сидорчук"}


def test_an_unnamed_head_as_subject_is_the_person_named_next_as_a_subject(run):
    result = run("В ходе рабочей поездки в Кимовский район губернатор Тульской области ознакомился с работой "
                 "районной больницы.\nГубернатора сопровождали глава района Иван Кравцов и главный врач больницы "
                 "Олег Панин.\nПётр Сидорчук пообщался с работниками регистратуры.")
    _, ev = _one(result, "working_trip")
    assert "Пётр Сидорчук" in ev["hc:participant"]


def test_an_acting_head_stands_in_the_case_of_the_acting_words(run):
    result = run("Врио губернатора Тульской области провел оперативное совещание.\n\n"
                 "«Мы обсудили ремонт больниц», – сказал Пётр Сидорчук.")
    _, ev = _one(result, "meeting")
    assert ev["hc:participant"] == {"Пётр Сидорчук"}


def test_an_all_caps_headline_reports_an_opening_with_a_lower_case_label(run):
    result = run("В КИМОВСКОМ РАЙОНЕ ВВЕДЕН В ЭКСПЛУАТАЦИЮ ОБЪЕКТ ЗДРАВООХРАНЕНИЯ\n"
                 "Жители села получили новый медицинский пункт.")
    label, _ = _one(result, "opening")
    assert label.startswith("открытие объекта здравоохранения"), label


def test_opening_in_the_lead_after_a_headline_and_a_dateline(run):
    """The first sentence of the paragraph after a headline, past an agency dateline, is the article's lead."""
    text = ("Новый медпункт получил современное оборудование\n\n"
            "ТУЛА, 12 марта. /ТАСС/. Новая врачебная амбулатория открылась в селе Дубки Тульской области. "
            "Раньше жители ездили к врачу в райцентр.")
    label, ev = _one(run(text), "opening")
    assert "амбулатории" in label and ev["hc:eventPlace"] == {"Дубки"}
    later = ("Новый медпункт получил современное оборудование\n\nРаньше жители ездили к врачу в райцентр.\n\n"
             "Новая врачебная амбулатория открылась в селе Дубки Тульской области.")
    assert not [p for p in _events(run(later)).values() if "opening" in p["hc:eventType"]]


def test_progress_of_works_assessed_is_an_inspection_of_the_facility_named_before(run):
    result = run("В Тульской области завершают ремонт Кимовской центральной районной больницы. "
                 "Ход работ на объекте оценили заместитель губернатора Иван Петров и министр здравоохранения "
                 "Сергей Сидоров.")
    label, ev = _one(result, "inspection")
    assert ev["hc:participant"] == {"Иван Петров", "Сергей Сидоров"}
    assert "Кимовскую центральную районную больницу" in label and "объект" not in label


def test_festive_ceremony_in_honour_of_a_day(run):
    result = run("О новых больницах на праздничном мероприятии в честь Дня медицинского работника сообщил "
                 "губернатор Тульской области Алексей Дюмин.")
    label, ev = _one(result, "meeting")
    assert label.startswith("праздничное мероприятие в честь Дня медицинского работника")
    assert ev["hc:participant"] == {"Алексей Дюмин"}


def test_opening_told_in_headline_and_lead_with_a_finer_place_is_one(run):
    result = run("В Кимовском районе открылась амбулатория\n\n"
                 "В селе Дубки Кимовского района Тульской области открылась врачебная амбулатория.")
    label, ev = _one(result, "opening")
    assert ev["hc:eventPlace"] == {"Дубки"} and "Дубки" in label


def test_lead_retelling_an_earlier_report_is_no_opening_of_its_own(run):
    result = run("В районе открыты медпункты\n\n"
                 "Как уже сообщала газета, в Кимовском районе открылся ряд социальных объектов.\n\n"
                 "Состоялось торжественное открытие медицинского пункта в селе Дубки.")
    label, ev = _one(result, "opening")
    assert ev["hc:eventPlace"] == {"Дубки"}


def test_visit_to_the_opened_object_is_the_opening_attended(run):
    result = run("В селе Дубки Тульской области открылась новая врачебная амбулатория. Объект посетил "
                 "губернатор Тульской области Алексей Дюмин.")
    label, ev = _one(result, "opening")
    assert ev["hc:participant"] == {"Алексей Дюмин"}
    assert not [p for p in _events(result).values() if "visit" in p["hc:eventType"]]


def test_meeting_naming_no_one_is_the_articles_one_officials(run):
    text = ("Два дня дал губернатор Тульской области Алексей Дюмин, чтобы разобраться с ремонтом больницы\n\n"
            "Сегодня в ходе встречи с населением поднимался ряд вопросов о здравоохранении в районе.")
    label, ev = _one(run(text), "meeting")
    assert ev["hc:participant"] == {"Алексей Дюмин"}
    two = text + "\n\nГлавный врач районной больницы Сергей Сидоров рассказал о ремонте."
    label, ev = _one(run(two), "meeting")
    assert "hc:participant" not in ev


def test_meeting_verb_in_a_sentence_of_the_trip_is_the_trips(run):
    result = run("Министр здравоохранения Тульской области совершил рабочую поездку в Кимовский район. "
                 "Иван Петров посетил районную больницу и дом ветеранов, встретился с коллективом больницы.")
    label, ev = _one(result, "working_trip")
    assert len(_events(result)) == 1
    assert ev["hc:participant"] == {"Иван Петров"}


@pytest.mark.parametrize("text", [
    "Жители Кимовского района на встречах с депутатами жаловались на очереди в поликлинике.",
    "По итогам встреч с медиками губернатор Тульской области Алексей Дюмин поручил поднять зарплаты.",
    "Профсоюз медиков Тульской области заявил о готовности к переговорам с министерством.",
    "Министр здравоохранения Тульской области Иван Петров пытался вести переговоры с забастовщиками.",
])
def test_gatherings_in_the_plural_and_talks_not_held_are_no_event(run, text):
    assert not [p for p in _events(run(text)).values() if "meeting" in p["hc:eventType"]]


def test_talks_held_are_a_meeting(run):
    result = run("В Туле 5 марта 2024 года прошли переговоры министра здравоохранения Тульской области Ивана "
                 "Петрова с руководством профсоюза.")
    label, ev = _one(result, "meeting")
    assert ev["hc:participant"] == {"Иван Петров"}


@pytest.mark.parametrize("text", [
    "Накануне визита главы Минздрава России Михаила Мурашко в Тулу губернатор Тульской области Алексей Дюмин "
    "заявил, что больница готова.",
    "Министр здравоохранения Тульской области Иван Петров сообщил, что встреча, которая пройдет в Туле, "
    "будет посвящена диспансеризации.",
])
def test_an_event_still_to_come_is_no_event(run, text):
    evs = _events(run(text))
    assert not [p for p in evs.values() if {"visit", "meeting"} & p["hc:eventType"]], evs


def test_a_quotation_after_an_event_noun_is_no_title(run):
    result = run("Губернатор Тульской области Алексей Дюмин 5 марта 2024 года совершил рабочую поездку в Кимовский "
                 "район. Жители назвали этот визит «долгожданным праздником».")
    label, ev = _one(result, "working_trip")
    assert "«" not in label and "праздник" not in label


def test_a_sitting_framed_as_the_moment_of_an_act_took_place(run):
    text = ("Губернатор Тульской области Алексей Дюмин объявил о новых мерах во время заседания областного "
            "координационного совета по здравоохранению.")
    label, ev = _one(run(text), "session")
    assert label.startswith("заседание областного координационного совета")
    assert ev["hc:participant"] == {"Алексей Дюмин"}
    plain = "Губернатор Алексей Дюмин сказал, что заседание координационного совета по здравоохранению проводится ежемесячно."
    assert not _events(run(plain))


def test_speakers_named_after_the_only_gathering(run):
    text = ("Губернатор Тульской области Алексей Дюмин выступил на расширенном заседании коллегии министерства "
            "здравоохранения.\nДюмин отметил успехи медиков. Обращаясь к врачам, губернатор подчеркнул важность "
            "диспансеризации.\nГлава областного Минздрава Иван Петров обратил внимание на запуск новых проектов.")
    label, ev = _one(run(text), "collegium")
    assert {"Алексей Дюмин", "Иван Петров"} <= ev["hc:participant"]
    apart = text.replace("\nГлава областного", "\n\nВ другой день глава областного")
    label, ev = _one(run(apart), "collegium")
    assert "Иван Петров" not in ev["hc:participant"]


@pytest.mark.parametrize("text", [
    "В Кимовской районной больнице открыта запись на вакцинацию, сообщил главный врач Иван Петров.",
    "Губернатор Тульской области Алексей Дюмин сообщил, что в областной больнице открыли горячую линию.",
    "В поликлинике № 3 открылся прием детского эндокринолога, рассказал главврач Иван Петров.",
])
def test_a_service_opened_in_a_facility_is_no_opening(run, text):
    assert not [p for p in _events(run(text, date="2024-03-01")).values() if "opening" in p["hc:eventType"]]


def test_a_facility_opening_its_doors_is_an_opening(run):
    result = run("В Туле после капитального ремонта открыла свои двери детская поликлиника, сообщил губернатор "
                 "Тульской области Алексей Дюмин.", date="2024-03-01")
    assert "поликлиники" in _one(result, "opening")[0]


def test_a_crowd_visiting_a_facility_is_no_visit(run):
    result = run("Главный врач больницы Иван Петров рассказал, что поликлинику за год посетили 300 тысяч пациентов.",
                 date="2024-03-01")
    assert not [p for p in _events(result).values() if "visit" in p["hc:eventType"]]


@pytest.mark.parametrize("text", [
    "Министр здравоохранения Тульской области Иван Петров напомнил, что совещание по вопросам вакцинации "
    "проводится каждую неделю.",
    "Губернатор Тульской области Алексей Дюмин поручил провести совещание с главными врачами.",
])
def test_a_routine_or_an_ordered_gathering_is_no_event(run, text):
    assert not [p for p in _events(run(text, date="2024-03-01")).values() if "meeting" in p["hc:eventType"]]


def test_a_routine_gathering_held_is_an_event(run):
    result = run("Губернатор Тульской области Алексей Дюмин провел еженедельное совещание с главами районов.",
                 date="2024-03-01")
    assert _one(result, "meeting")[1]["hc:participant"] == {"Алексей Дюмин"}


def test_the_lead_naming_another_year_is_not_dated_by_the_article(run):
    result = run("Министр здравоохранения Тульской области Иван Петров посетил Кимовскую больницу в 2019 году.",
                 date="2024-03-01")
    label, ev = _one(result, "visit")
    assert "2024-03-01" not in ev.get("hc:startDate", set())


def test_dated_gatherings_in_the_plural_are_a_programmes_parts(run):
    result = run("Программа конгресса врачей в Туле: 20–21 ноября 2024 года — круглые столы на онлайн-площадке.")
    assert [p for p in _events(result).values() if "round_table" in p["hc:eventType"]]


def test_a_period_year_in_the_lead_keeps_the_articles_date(run):
    result = run("Губернатор Тульской области Алексей Дюмин принял участие в коллегии министерства здравоохранения "
                 "по итогам работы в 2023 году.", date="2024-03-01")
    assert _one(result, "collegium")[1]["hc:startDate"] == {"2024-03-01"}


# ---------------------------------------------------------------- ruev3 (devnews5 classes, made-up texts)

def test_a_title_with_a_full_stop_inside_keeps_the_date_after_it(run):
    # the sentence splitter cuts 'Медицина Сибири.' inside the quotes: the date is in the title's own sentence
    result = run("II форум «Медицина Сибири. Новые технологии» пройдет в Новосибирске 12-14 октября 2026 года.",
                 date="2026-05-01")
    label, ev = _one(result, "forum")
    assert ev["hc:startDate"] == {"2026-10-12"}


def test_a_bare_synonym_of_the_one_titled_gathering_is_that_gathering(run):
    result = run("Желающих выступить на форуме оказалось больше, чем ожидалось. "
                 "В конгрессе примут участие врачи из десяти регионов. "
                 "Всероссийская конференция «Здоровье села» пройдет в Омске 3 марта 2026 года.", date="2026-01-10")
    events = _events(result)
    assert len(events) == 1, events
    assert "conference" in next(iter(events.values()))["hc:eventType"]


def test_two_titled_gatherings_keep_their_bare_mentions_apart(run):
    result = run("Форум «Здоровье села» прошел в Омске 3 марта 2026 года. "
                 "Конференция «Медицина будущего» прошла в Томске 5 марта 2026 года. "
                 "Организаторы конгресса довольны.", date="2026-03-10")
    assert len([p for p in _events(result).values() if {"forum", "conference"} & p["hc:eventType"]]) == 2


def test_gatherings_listed_in_anothers_programme_are_its_plan(run):
    result = run("Конгресс кардиологов «Сердце Урала» пройдет в Перми 10-12 сентября 2026 года. "
                 "В рамках конгресса пройдет около 30 мероприятий — пленарное заседание, семинар и выставка.",
                 date="2026-05-01")
    kinds = set().union(*(p["hc:eventType"] for p in _events(result).values()))
    assert "congress" in kinds and not {"plenary", "seminar"} & kinds


def test_an_acquaintance_trip_is_a_working_trip(run):
    result = run("Министр здравоохранения Омской области Иван Петров совершает ознакомительную поездку по "
                 "северным районам.", date="2026-05-01")
    label, ev = _one(result, "working_trip")
    assert ev["hc:participant"] == {"Иван Петров"}


def test_a_pronoun_subject_is_the_person_named_before(run):
    result = run("Министр здравоохранения Омской области Иван Петров совершает ознакомительную поездку по "
                 "северным районам. Цель поездки – познакомиться с больницами. Об этом он сообщил во время встречи "
                 "с главой Тарского района Сергеем Ивановым 11 сентября.", date="2026-09-11")
    label, ev = _one(result, "meeting")
    assert {"Иван Петров", "Сергей Иванов"} <= ev["hc:participant"]


def test_a_reception_of_citizens_held_by_an_official(run):
    result = run("Министр здравоохранения Калужской области Иван Сидоров провел выездной прием граждан в "
                 "администрации Мещовского района. В рассмотрении обращений приняли участие глава района Петр Ильин "
                 "и главный врач ЦРБ Ольга Маркова.")
    label, ev = _one(result, "reception")
    assert "прием граждан" in label.replace("ё", "е")
    assert {"Иван Сидоров", "Петр Ильин", "Ольга Маркова"} <= ev["hc:participant"]
    assert "Администрация Мещовского района" not in ev.get("hc:organizer", set())   # the venue, not the host


@pytest.mark.parametrize("text", [
    "График приема граждан руководством министерства утвержден на декабрь.",
    "Прием граждан проводится каждую среду в здании администрации.",
    "В поликлинике возобновлен прием пациентов узкими специалистами.",
    "Главный врач Ольга Иванова ведет прием пациентов по вторникам.",
])
def test_no_reception_for_a_schedule_a_routine_or_patients(run, text):
    assert not [p for p in _events(run(text)).values() if "reception" in p["hc:eventType"]]


@pytest.mark.parametrize("text", [
    "По зданию на улице Ленина заключен договор по выкупу, сообщил аким района Ерлан Сапаров.",
    "Главный врач Иван Петров подписал договор на поставку компьютерного томографа.",
    "С молодыми врачами подписаны трудовые договоры, рассказал министр Олег Котов.",
])
def test_a_business_contract_is_no_agreement_signing(run, text):
    assert not [p for p in _events(run(text)).values() if "agreement_signing" in p["hc:eventType"]]


def test_a_cooperation_contract_is_still_a_signing(run):
    result = run("Министр здравоохранения Ольга Сидорова и ректор университета Павел Ильин подписали договор о "
                 "сотрудничестве.")
    label, ev = _one(result, "agreement_signing")
    assert {"Ольга Сидорова", "Павел Ильин"} <= ev["hc:participant"]


def test_a_meeting_with_someone_and_no_subject_was_held_by_the_person_before(run):
    result = run("Министр здравоохранения региона Валерий Петрович Сомов побывал во всех больницах района. На встрече "
                 "с главой района Игорем Ласточкиным и главным врачом районной больницы Ольгой Деминой обсудили "
                 "нехватку кадров.")
    label, ev = _one(result, "meeting")
    assert {"Валерий Сомов", "Игорь Ласточкин", "Ольга Демина"} <= ev["hc:participant"]


def test_the_head_of_the_visited_facility_named_after_the_visit_is_a_participant(run):
    result = run("Вчера министр здравоохранения Тамбовской области Олег Сомов посетил Мичуринскую районную больницу, "
                 "где идет ремонт терапевтического корпуса.\nРемонт ведется по региональной программе.\n"
                 "«Пятый этаж почти готов», - отметил главный врач больницы Андрей Федорович Лукин.")
    label, ev = _one(result, "visit")
    assert {"Олег Сомов", "Андрей Лукин"} <= ev["hc:participant"]


def test_an_inspection_told_by_the_noun_osmotr_of_a_site(run):
    result = run("Губернатор Роман Старовойт провел осмотр хода строительства поликлиники в Курчатове.")
    label, ev = _one(result, "inspection")
    assert ev["hc:participant"] == {"Роман Старовойт"}


@pytest.mark.parametrize("text", [
    "В поликлинике прошли медицинский осмотр 300 школьников.",
    "Врачи провели осмотр пациентов больницы после аварии.",
])
def test_a_medical_examination_is_no_inspection(run, text):
    assert not [p for p in _events(run(text)).values() if "inspection" in p["hc:eventType"]]


def test_a_talk_with_an_official_is_a_meeting_an_interview_is_not(run):
    label, ev = _one(run("Ситуация трудная, отметил глава региона в беседе с министром здравоохранения России Ольгой "
                         "Орловой."), "meeting")
    assert "Ольга Орлова" in ev["hc:participant"]
    assert not _events(run("Об этом главный врач Иван Петров рассказал в беседе с корреспондентом «Курьера»."))


@pytest.mark.parametrize("text", [
    "Аким области Асан Бекмуханов в преддверии Дня медицинского работника вручил сельским врачам ключи от 20 новых "
    "автомобилей.",
    "Долгожданные ключи от квартир вручил аким области Серик Жанов.",
])
def test_handing_over_keys_is_a_ceremony(run, text):
    label, ev = _one(run(text), "meeting")
    assert len(ev["hc:participant"]) == 1 and label.startswith("вручение ключей")


def test_a_key_handover_still_to_come_is_no_event(run):
    assert not _events(run("В программе визита министр поучаствует во вручении ключей от машин скорой помощи."))


def test_participants_listed_line_by_line_under_a_heading(run):
    result = run("За круглым столом редакции обсудили платную медицину.\nУчастники круглого стола:\n"
                 "# Иван Петров, главный врач городской больницы №2\n"
                 "# Ольга Смирнова, заместитель председателя правительства Курской области\n"
                 "# Павел Орлов, директор клиники «Здоровье»\nРедакция: Как вы оцениваете ситуацию?")
    label, ev = _one(result, "round_table")
    assert {"Иван Петров", "Ольга Смирнова", "Павел Орлов"} <= ev["hc:participant"]


def test_a_sitting_where_a_decision_was_taken_took_place(run):
    result = run("Районные больницы области обновят: на ремонт выделили средства.\n"
                 "Решение принято на заседании Президиума областного правительства.")
    label, ev = _one(result, "session")
    assert "Президиума" in label
    assert not _events(run("Решение будет принято на заседании правительства."))


def test_trips_in_the_plural_are_a_practice(run):
    assert not _events(run("Средства выделены по поручениям, данным губернатором во время рабочих поездок по "
                           "районам."))


def test_an_inspection_of_the_institution_named_before_takes_its_head(run):
    result = run("Два педиатра из Уфы работают в детском корпусе Курской областной инфекционной больницы.\n\n"
                 "С врачами познакомился губернатор Курской области Роман Старовойт в ходе осмотра учреждения.\n\n"
                 "Затем главврач областной инфекционной больницы Анна Ветрова показала губернатору комнату отдыха.")
    label, ev = _one(result, "inspection")
    assert {"Роман Старовойт", "Анна Ветрова"} <= ev["hc:participant"]


def test_a_perfective_personal_form_is_the_future_whatever_the_tagger_says(run):
    # the tagger tags 'поучаствует' Past; a perfective verb ending -ет is a future form
    assert not _events(run("Также Михаил Мурашко поучаствует во вручении ключей от машин областной станции скорой "
                           "помощи."))


# ---------------------------------------------------------------- ruev5

def test_programme_words_opening_a_gatherings_title_are_its_theme(run):
    result = run("В Энске состоялся региональный форум. В рамках форума прошла пленарная сессия «Национальные "
                 "проекты «Демография», «Образование»» с участием руководителей области.")
    assert not [p for p in _events(result).values() if "programme" in p["hc:eventType"]], _events(result)


def test_a_programme_has_no_participants(run):
    result = run("Министр здравоохранения Энской области Иван Петров сообщил, что в регионе стартовал пилотный "
                 "проект «Здоровое село».")
    label, ev = _one(result, "programme")
    assert "hc:participant" not in ev


@pytest.mark.parametrize("text,who", [
    ("Об этом на заседании комитета областной думы заявила министр здравоохранения Анна Петрова.", "Анна Петрова"),
    ("Об этом стало известно на внеочередной сессии областного маслихата. Вопрос поднял депутат Иван Сидоров.",
     None),
])
def test_a_sitting_where_something_was_said_took_place(run, text, who):
    found = [p for p in _events(run(text)).values() if "session" in p["hc:eventType"]]
    assert len(found) == 1, _events(run(text))
    if who:
        assert who in found[0]["hc:participant"]


def test_a_sitting_merely_mentioned_is_no_event(run):
    assert not _events(run("Вопрос будет вынесен на заседание комитета областной думы."))


def test_an_event_expected_today_is_held(run):
    label, ev = _one(run("Сегодня ожидается рабочая поездка министра здравоохранения Анны Петровой в Энскую "
                         "область.", date="2024-05-14"), "working_trip")
    assert "Анна Петрова" in ev["hc:participant"]
    assert not _events(run("Через месяц ожидается рабочая поездка министра здравоохранения Анны Петровой в Энскую "
                           "область."))


def test_an_honouring_of_doctors_is_a_ceremony(run):
    label, ev = _one(run("В минувшую пятницу в районном Доме культуры прошло чествование лучших медиков района."),
                     "meeting")
    assert label.startswith("чествование")


# ---------------------------------------------------------------- ruev6

@pytest.mark.parametrize("text", [
    "Жилье было построено в рамках государственной программы «Светлый дом» на сумму 135 млн рублей.",
    "Ремонтные работы проводятся благодаря региональной программе «Модернизация первичного звена».",
    "В Энском районе установлен новый модульный ФАП по проекту губернатора «Сельский ФАП».",
    "На территории области успешно реализуется программа национального проекта «Здравоохранение».",
    "Губернатор встретился с победителями проекта «Команда лидеров Энска».",
])
def test_a_programme_framing_something_else_is_no_event(run, text):
    """The later devnews convention: a programme named as the framework of a building, a repair or a contest,
    or one under way, is no event (and its title is no organization either)."""
    result = run(text)
    assert not [p for p in _events(result).values() if "programme" in p["hc:eventType"]], _events(result)
    title = text.split("«")[1].split("»")[0]
    assert not [e for e in result.entities if e.cls != "Event" and title in (dict(e.labels).get("ru") or "")]


@pytest.mark.parametrize("text", [
    "Серьезным шагом в этом направлении стал пилотный проект «Кадры. Здоровье», объединивший 50 сотрудников.",
    "В марте министерство запустило проект «Здоровое село».",
])
def test_a_programme_reported_as_news_is_an_event(run, text):
    assert _one(run(text), "programme")


def test_parts_of_the_one_forum_are_the_forum(run):
    """An undated plenary and a visit to the forum's exhibition: the forum's parts, their people its
    participants; a plenary with its own day stays apart (a sub-event)."""
    result = run("17 апреля в Москве состоялся IX Форум регионов России. Выставочную экспозицию посетили министр "
                 "здравоохранения Тульской области Андрей Третьяков и министр здравоохранения Рязанской области "
                 "Андрей Прилуцкий. По окончании пленарного заседания делегаты форума приняли участие в работе "
                 "секций.", date="2024-04-20")
    assert len(_events(result)) == 1, _events(result)
    label, ev = _one(result, "forum")
    assert {"Андрей Третьяков", "Андрей Прилуцкий"} <= ev["hc:participant"]


def test_an_opening_attended_is_no_visit(run):
    """'Торжественное открытие посетил губернатор': the event noun before the verb is its object; 'осмотрел
    здание' after the one opening is the opening's building."""
    result = run("В Алейске открылась новая поликлиника. Торжественное открытие посетил губернатор края Виктор "
                 "Томов. Он осмотрел здание и пообщался с врачами.")
    assert len(_events(result)) == 1, _events(result)
    assert _one(result, "opening")[1]["hc:participant"] == {"Виктор Томов"}


def test_an_inspection_of_how_something_works_in_named_villages(run):
    result = run("Министр здравоохранения региона Яков Сандаков проинспектировал, как организован прием пациентов "
                 "в поселках Верхняя Гутара и Нерха.")
    assert _one(result, "inspection")[1]["hc:participant"] == {"Яков Сандаков"}
    assert not _events(run("Министр здравоохранения области Иван Петров проверил, как выполняются поручения."))


def test_the_speaker_after_a_sitting_where_something_was_said(run):
    result = run("Восемь новых специалистов возглавили больницы области. Об этом было заявлено во время "
                 "оперативного совещания в правительстве региона.\n«К нам приезжают квалифицированные "
                 "специалисты», – рассказал врио губернатора Вологодской области Георгий Филимонов.")
    assert _one(result, "meeting")[1]["hc:participant"] == {"Георгий Филимонов"}


def test_who_hands_awards_at_the_one_gathering_took_part(run):
    result = run("Первый замминистра здравоохранения РФ Виктор Фисенко по итогам коллегии в правительстве "
                 "Саратовской области рекомендовал обратить внимание на работу стационаров.\n\nГубернатор Роман "
                 "Бусаргин также вручил медикам медали.")
    assert {"Виктор Фисенко", "Роман Бусаргин"} <= _one(result, "collegium")[1]["hc:participant"]


def test_an_opening_takes_the_official_named_later_in_its_paragraph(run):
    result = run("Вчера состоялось открытие после капитального ремонта взрослой поликлиники районной больницы. "
                 "Здание теперь ничем не напоминает старое строение. Светло, просторно, современно. Довольны "
                 "медики, довольны пациенты. Глава района Сергей Голобородько извинился перед жителями за сроки.")
    assert _one(result, "opening")[1]["hc:participant"] == {"Сергей Голобородько"}


def test_an_announced_visit_of_a_named_official(run):
    result = run("14 ноября губернатор Красноярского края Александр Хлопонин посетит городскую поликлинику №1.",
                 date="2024-11-10")
    label, ev = _one(result, "visit")
    assert ev["hc:participant"] == {"Александр Хлопонин"} and ev["hc:startDate"] == {"2024-11-14"}
    result = run("Министр здравоохранения Сахалинской области Ирина Тухватуллина нанесёт рабочий визит в "
                 "Углегорский район.", date="2024-11-10")
    label, ev = _one(result, "working_trip")
    assert "hc:startDate" not in ev                    # not on the article's day
    assert not _events(run("Губернатор Энской области Иван Петров планирует посетить больницу в следующем году."))


def test_an_audience_is_a_meeting(run):
    result = run("Президент Касым-Жомарт Токаев принял министра здравоохранения Ажар Гиният.")
    assert _one(result, "meeting")[1]["hc:participant"] == {"Касым-Жомарт Токаев", "Ажар Гиният"}
    assert not _events(run("Аким области Иван Петров принял решение о строительстве больницы и принял участие "
                           "в обсуждении."))


def test_a_facility_that_began_work_is_opened(run):
    result = run("На прошлой неделе в селе Алга Махамбетского района начала свою работу врачебная амбулатория.")
    assert _one(result, "opening")[1]["hc:eventPlace"] == {"Алга"}
    assert not _events(run("Новый главный врач Иван Петров начал работу в районной больнице в понедельник."))


def test_a_public_report_and_a_signed_protocol(run):
    result = run("Вопрос о ФАПах задали на публичном отчете депутата Госдумы от Рязанской области Андрея Макарова. "
                 "Андрей Макаров обратился к министру здравоохранения региона и попросил его озвучить сроки. "
                 "«Мы построим 15 новых ФАПов», – сказал Александр Пшенников.")
    assert {"Андрей Макаров", "Александр Пшенников"} <= _one(result, "meeting")[1]["hc:participant"]
    result = run("Министр здравоохранения Красноярского края Вадим Янин и начальник департамента здравоохранения "
                 "Краснодарского края Елена Редько подписали протокол о намерениях сотрудничества.")
    assert _one(result, "agreement_signing")[1]["hc:participant"] == {"Вадим Янин", "Елена Редько"}


@pytest.mark.parametrize("text", [
    "Главврачом ЦРБ назначен Алексей Долгов. Перед приездом в Энскую область он был заведующим отделением.",
    "Глава республики Сергей Петров поручил министру здравоохранения Ивану Сидорову посетить медучреждения региона.",
])
def test_a_trip_as_a_time_or_an_order_is_no_event(run, text):
    assert not _events(run(text)), _events(run(text))


def test_a_bare_date_line_after_the_headline_is_no_lead(run):
    result = run("В Ново-Энске отремонтировали ФАП |\n19.10.2011 |\nВ селе Ново-Энск Энского района после "
                 "капитального ремонта открыт фельдшерско-акушерский пункт.")
    assert _one(result, "opening")[1]["hc:eventPlace"] == {"Ново-Энск"}


def test_a_trip_to_a_site_is_an_inspection_an_ambulance_call_is_not(run):
    result = run("На проблему отреагировала межрайонная прокуратура. Прокурор Андрей Широких в ходе выезда на "
                 "объект выявил серьезные недоработки.")
    assert _one(result, "inspection")[1]["hc:participant"] == {"Андрей Широких"}
    assert not _events(run("За сутки бригады скорой помощи совершили 300 выездов. Выезд бригады на место ДТП "
                           "занял 10 минут."))
    result = run("Министр здравоохранения республики Анатолий Югай совершил рабочий выезд в Тандинский район.")
    assert _one(result, "working_trip")[1]["hc:eventPlace"] == {"Тандинский район"}


def test_an_opening_in_another_year_is_history(run):
    result = run("Аким области Нурлан Уранов посетил школу-гимназию. Новое здание учебного заведения было введено "
                 "в эксплуатацию в 2020 году.", date="2024-05-20")
    assert not [p for p in _events(result).values() if "opening" in p["hc:eventType"]], _events(result)
    result = run("В Туле в 2024 году открылась новая детская поликлиника. Губернатор Алексей Дюмин перерезал ленту.",
                 date="2024-05-20")
    assert _one(result, "opening")[1]["hc:participant"] == {"Алексей Дюмин"}
    result = run("Проектирование началось в 2021 году, строительство – в 2022-м, а 7 октября 2025 года объект был "
                 "введен в эксплуатацию.", date="2026-03-01")
    assert _one(result, "opening")[1]["hc:startDate"] == {"2025-10-07"}


@pytest.mark.parametrize("text,held", [
    ("Публичный отчет министерства здравоохранения области за 2023 год размещен на сайте ведомства.", False),
    ("Публичный отчет главы района Ивана Петрова прошел в районном доме культуры.", True),
])
def test_a_public_report_is_a_meeting_only_when_held(run, text, held):
    found = [p for p in _events(run(text)).values() if "meeting" in p["hc:eventType"]]
    assert bool(found) == held, _events(run(text))


# ---------------------------------------------------------------- ruev7: classes read on devnews13 and 15

def test_an_attendance_sentence_anywhere_names_the_events_participants(run):
    result = run("На следующей неделе, 20 марта, в Ивановском районе состоится торжественное открытие районной "
                 "больницы после ремонта.\nНа мероприятии будут присутствовать глава района Иван Кузнецов и главный "
                 "врач больницы Мария Орлова.", date="2024-03-10")
    assert {"Иван Кузнецов", "Мария Орлова"} <= _one(result, "opening")[1]["hc:participant"]
    # a noun of the event's own kind names its participants too, two paragraphs away
    result = run("В Туле состоялось совещание по развитию первичного звена.\n\nНа совещании присутствовали "
                 "губернатор Алексей Дюмин и министр здравоохранения Иван Петров.")
    assert {"Алексей Дюмин", "Иван Петров"} <= _one(result, "meeting")[1]["hc:participant"]


def test_a_generic_attendance_sentence_is_not_given_to_one_of_several_events(run):
    result = run("Губернатор Алексей Дюмин открыл новую детскую поликлинику в Туле.\n\nВ Алексине состоялось "
                 "совещание по ремонту больниц.\n\nВ мероприятии приняла участие министр здравоохранения Мария "
                 "Орлова.")
    events = _events(result)
    assert len(events) == 2, events
    assert not any("Мария Орлова" in p.get("hc:participant", set()) for p in events.values()), events


@pytest.mark.parametrize("text,place", [
    ("Министр здравоохранения Иван Петров прибыл в Курскую область.", "Курская область"),
    ("В Тулу прилетел министр здравоохранения России Иван Петров.", "Тула"),
])
def test_an_official_arriving_at_a_place_makes_a_visit(run, text, place):
    assert _one(run(text), "visit")[1]["hc:eventPlace"] == {place}


def test_an_official_arriving_at_a_facility_with_a_companion(run):
    result = run("Губернатор Тульской области Алексей Дюмин приехал в районную больницу вместе с министром "
                 "здравоохранения региона Иваном Петровым.")
    assert {"Алексей Дюмин", "Иван Петров"} <= _one(result, "visit")[1]["hc:participant"]


@pytest.mark.parametrize("text", [
    "Два врача из Тулы приехали работать в районную больницу.",
    "Новый заместитель министра Иван Петров прибыл из Самары.",
    "На открытие поликлиники в Тулу приехал министр здравоохранения Иван Петров.",
    "Вечером в районную больницу приехал врач скорой помощи.",
    "В поликлинику приехал представитель страховой компании.",
    "Министр здравоохранения Иван Петров прибудет в Курскую область в следующем месяце, если позволит график.",
])
def test_no_visit_from_an_arrival_that_is_no_official_visit(run, text):
    assert not [p for p in _events(run(text)).values() if "visit" in p["hc:eventType"]], _events(run(text))


def test_a_sitting_reported_as_held_takes_the_visit_made_during_it(run):
    result = run("Депутатами городского совета проведено выездное заседание, в ходе которого посетили медицинские "
                 "учреждения города.")
    events = _events(result)
    assert len(events) == 1 and "session" in next(iter(events.values()))["hc:eventType"], events


def test_an_announced_gathering_of_a_named_host(run):
    result = run("Председатель правительства Иван Петров в Москве проведет совещание, на котором обсудит развитие "
                 "поликлиник. В совещании примут участие министр здравоохранения Мария Орлова и губернатор Сергей "
                 "Кузнецов.", date="2024-05-20")
    label, ev = _one(result, "meeting")
    assert {"Иван Петров", "Мария Орлова", "Сергей Кузнецов"} <= ev["hc:participant"]
    assert "hc:startDate" not in ev                    # announced: not the article's day
    assert not _events(run("Министр проведет совещание по развитию поликлиник."))


def test_a_role_after_a_framed_meeting_is_the_subject_not_its_name(run):
    result = run("Министр здравоохранения Иван Петров прибыл в Курскую область с рабочим визитом. По итогу встречи "
                 "Глава региона Сергей Кузнецов отметил, что министр доволен.")
    events = _events(result)
    assert len(events) == 1, events
    assert {"Иван Петров", "Сергей Кузнецов"} <= _one(result, "working_trip")[1]["hc:participant"]


def test_a_ribbon_cut_is_an_opening(run):
    result = run("После того как была перерезана красная ленточка, гости прошли в здание новой поликлиники. "
                 "Участие в столь знаменательном событии приняли аким района Иван Петров и главный врач Мария Орлова.")
    assert {"Иван Петров", "Мария Орлова"} <= _one(result, "opening")[1]["hc:participant"]


@pytest.mark.parametrize("text,kind", [
    ("Прокурором района Иваном Петровым проведена выездная проверка при строительстве участковой больницы.",
     "inspection"),
    ("Губернатор Иван Петров оценил результаты капитального ремонта в детской поликлинике.", "inspection"),
])
def test_site_checks_are_inspections(run, text, kind):
    assert _one(run(text), kind)[1]["hc:participant"] == {"Иван Петров"}


def test_a_bare_ceremony_is_the_articles_one_event_or_a_ceremony_of_its_own(run):
    result = run("В Туле открылась новая детская поликлиника. В торжественной церемонии участвовали губернатор "
                 "Алексей Дюмин и министр Иван Петров.")
    events = _events(result)
    assert len(events) == 1, events
    assert {"Алексей Дюмин", "Иван Петров"} <= _one(result, "opening")[1]["hc:participant"]
    result = run("Ключи от автомобилей скорой помощи представителям районных больниц губернатор области Иван Петров "
                 "вручил на церемонии в Туле.")
    assert _one(result, "meeting")[1]["hc:participant"] == {"Иван Петров"}


def test_a_ribbon_cut_in_the_next_sentence_makes_an_opening_noun_a_ceremony(run):
    result = run("«Горжусь тем, что мне выпала честь открытия обновлённого отделения больницы. А пациентка, вместе с "
                 "которой разрезали красную ленточку, родила здесь девять детей», — сказал глава города Иван Петров. "
                 "Мэр осмотрел отремонтированное медучреждение.")
    events = _events(result)
    assert len(events) == 1, events                    # the inspection of the opened building is the opening
    assert _one(result, "opening")[1]["hc:participant"] == {"Иван Петров"}


def test_a_role_subject_is_the_speaker_who_closes_the_quote_after_it(run):
    result = run("Сегодня в Уральске открылась новая многопрофильная больница. С открытием медучреждения горожан "
                 "поздравил аким области. - Очень большое внимание уделяется здравоохранению. Бюджет здравоохранения "
                 "вырос в десять раз. Сегодня мы сдаем в эксплуатацию новую больницу. В следующем году закупим "
                 "ангиограф. Сейчас делается очень многое, - рассказал Алтай Кульгинов.")
    assert _one(result, "opening")[1]["hc:participant"] == {"Алтай Кульгинов"}


def test_a_bare_ceremony_after_a_ceremony_of_an_event_is_that_event(run):
    result = run("В режиме видеоконференцсвязи состоялась церемония открытия поликлиник в ряде регионов страны. "
                 "Церемонию провел президент Владимир Путин. В видеоконференции участвовал губернатор Иван Петров.")
    assert "Владимир Путин" in _one(result, "opening")[1]["hc:participant"]
    assert not any(label.startswith("церемони") for label in _events(result))


def test_a_signing_ceremony_is_the_signing(run):
    result = run("Церемония подписания соглашения о сотрудничестве состоялась на заседании коллегии министерства "
                 "здравоохранения области в Пскове.")
    assert not [p for p in _events(result).values() if "meeting" in p["hc:eventType"]], _events(result)
    _one(result, "agreement_signing")


@pytest.mark.parametrize("text,visit", [
    ("Самолет с делегацией приземлился час назад, но за это время министр здравоохранения Иван Петров уже успел "
     "побывать в перинатальном центре.", True),
    ("Министр здравоохранения Иван Петров не успел посетить районную больницу из-за непогоды.", False),
    ("Министр здравоохранения Иван Петров хотел посетить районную больницу.", False),
])
def test_an_infinitive_after_a_verb_of_accomplishing_was_done(run, text, visit):
    found = [p for p in _events(run(text)).values() if "visit" in p["hc:eventType"]]
    assert bool(found) == visit, _events(run(text))
