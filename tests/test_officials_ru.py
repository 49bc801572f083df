"""Officials, appointments and names in Russian: sentences written for the tests (invented people and
wording), through the real models, plus the pattern matcher on a Doc built by hand."""
import json

import pytest

from test_extract_ru import _facts, _label, _tenures


def _changes(result, cls):
    """(person label, role, jurisdiction, date) of every personnel change of class ``cls``."""
    out = set()
    for change in [e.key for e in result.entities if e.cls == cls]:
        person = next(v for s, v in _facts(result, "hc:concernsPerson") if s == change)
        post = next(v for s, v in _facts(result, "hc:concernsPost") if s == change)
        role = next(v for s, v in _facts(result, "hc:postRole") if s == post).split(":")[1]
        juris = next((v for s, v in _facts(result, "hc:jurisdiction") if s == post), None)
        date = next((v for s, v in _facts(result, "hc:startDate") if s == change), None)
        out.add((_label(result, person), role, juris, date))
    return out


@pytest.mark.slow
@pytest.mark.parametrize("text,expected", [
    # passive: the role the verb governs, not the name's present description
    ("Исполняющим обязанности министра здравоохранения Курской области назначен главврач областной "
     "больницы Игорь Вершинин.", ("Игорь Вершинин", "minister", "region:RU-KRS", True)),
    # active: the accusative name; surname first in the text, given name first in the label
    ("Губернатор подписал распоряжение назначить Лаптева Олега Игоревича министром здравоохранения "
     "Тульской области.", ("Олег Лаптев", "minister", "region:RU-TUL", False)),
    # noun with a dash apposition
    ("Появилось распоряжение о назначении нового министра здравоохранения Калужской области – "
     "Марины Ясенковой.", ("Марина Ясенкова", "minister", "region:RU-KLU", False)),
])
def test_appointments(extract_ru, text, expected):
    result = extract_ru(text)
    assert expected in _tenures(result)
    person, role, juris, _ = expected
    assert any(c[:3] == (person, role, juris) for c in _changes(result, "Appointment"))


@pytest.mark.slow
def test_dismissal_ends_the_tenure_on_its_date(extract_ru):
    result = extract_ru("В больнице сменился руководитель. Министр подписал 15 марта 2025 года приказ об "
                        "увольнении Павла Грачёва с должности главного врача.", date="2025-03-16")
    assert ("Павел Грачёв", "chief_physician", None, "2025-03-15") in _changes(result, "Dismissal")
    tenure = next(e.key for e in result.entities if e.cls == "Tenure")
    assert (tenure, "2025-03-15") in _facts(result, "hc:endDate")
    assert (tenure, "2025-03-16") in _facts(result, "hc:attestedOn")      # the article's date


@pytest.mark.slow
def test_heading_a_hospital_makes_its_chief_physician(extract_ru):
    result = extract_ru("В понедельник Инна Соколова возглавила Центральную районную больницу.")
    roles = {role for _, role, _, _ in _tenures(result)}
    assert "chief_physician" in roles


@pytest.mark.slow
@pytest.mark.parametrize("text,expected", [
    # a bare regional role takes the one region the paragraph names
    ("В Курской области открыли новую амбулаторию. Губернатор Алексей Смирнов поздравил жителей.",
     ("Алексей Смирнов", "governor", "region:RU-KRS", False)),
    # 'министр здравоохранения региона' is the article's region
    ("В Тульской области обсудили диспансеризацию. По словам министра здравоохранения региона "
     "Дмитрия Хомякова, план выполнен.", ("Дмитрий Хомяков", "minister", "region:RU-TUL", False)),
    # the head of a ministry is its minister
    ("В Калужской области прошло совещание. Глава регионального минздрава Ольга Рябова доложила о работе.",
     ("Ольга Рябова", "minister", "region:RU-KLU", False)),
    # the outer role governs: an envoy of the president is no president
    ("Полномочный представитель президента в округе Виктор Громов посетил госпиталь.",
     ("Виктор Громов", "representative", None, False)),
    # a region's short name after the role
    ("Состоялась рабочая поездка губернатора НСО А.П.Травкина в район.",
     ("А. П. Травкин", "governor", "region:RU-NVS", False)),
    # a facility noun refers back to the facility named before; its head is the chief physician
    ("В Курской области обновили Льговскую районную больницу. Новым руководителем учреждения назначена "
     "Вера Лапина.", ("Вера Лапина", "chief_physician", None, False)),
    # a body noun refers back to the body named before, which is placed
    ("Как сообщили в управлении здравоохранения Актюбинской области, обязанности руководителя ведомства "
     "исполняет Асель Нурланова.", ("Асель Нурланова", "head", "region:KZ-15", True)),
    # in news from Kazakhstan an unplaced minister is national
    ("В Актобе открыли клинику. На открытии выступил министр здравоохранения Ерлан Сапаров.",
     ("Ерлан Сапаров", "minister", "country:KZ", False)),
    # a head role refined by the place kind it heads
    ("Врио губернатора Курской области провел встречу с главой Льговского района Ниной Котовой.",
     ("Нина Котова", "head_of_district", None, False)),
])
def test_roles_in_context(extract_ru, text, expected):
    tenures = _tenures(extract_ru(text))
    person, role, juris, acting = expected
    if juris is None:
        assert any(t[0] == person and t[1] == role for t in tenures), tenures
    else:
        assert expected in tenures, tenures


@pytest.mark.slow
def test_unnamed_head_names_the_next_person_and_no_one_else(extract_ru):
    result = extract_ru("Глава республики осмотрел новый корпус больницы. Андрей Ветров отметил, что ремонт "
                        "закончат в срок. Медсестра Ирина Лосева рассказала о работе.")
    tenures = _tenures(result)
    assert any(t[0] == "Андрей Ветров" and t[1] == "head_of_region" for t in tenures)
    assert not any(t[0] == "Ирина Лосева" and t[1] == "head_of_region" for t in tenures)


@pytest.mark.slow
def test_names_resolve_inside_the_article(extract_ru):
    result = extract_ru("Губернатор Иван Петрович Сидоров открыл больницу. Иван Петрович отметил, что это "
                        "важно. Анна Николаевна рассказала о планах. Встреча губернатора Владимира Солодкина "
                        "с Марией Солодкиной прошла в мэрии.")
    persons = {dict(e.labels)["ru"] for e in result.entities if e.cls == "Person"}
    assert "Иван Сидоров" in persons
    assert "Анна Николаевна" not in persons and "Иван Петрович" not in persons
    assert {"Владимир Солодкин", "Мария Солодкина"} <= persons
    assert "Владимир Солодкина" not in persons


@pytest.mark.slow
def test_a_surname_in_vich_is_no_patronymic(extract_ru):
    persons = {dict(e.labels)["ru"] for e in extract_ru("Виктор Янукович прибыл в Москву.").entities
               if e.cls == "Person"}
    assert "Виктор Янукович" in persons


def test_pattern_matcher_on_a_doc_built_by_hand():
    """The matcher reads the normalized forms the NLP stage leaves (``token.norm_`` for Russian): longest
    match wins, and the concept values come from the table."""
    import spacy
    from spacy.tokens import Doc

    from kg.extract.lexicon_ru import ROLE_TABLE
    from kg.patterns.matcher import match_table

    nlp = spacy.blank("ru")
    words = ["Заместитель", "министра", "и", "главный", "врач"]
    norms = ["заместитель", "министр", "и", "главный", "врач"]
    doc = Doc(nlp.vocab, words=words)
    for tok, norm in zip(doc, norms):
        tok.norm_ = norm
    found = [(span.text, value) for span, value in match_table(doc, ROLE_TABLE)]
    assert found == [("Заместитель министра", "deputy_minister"), ("главный врач", "chief_physician")]


def test_pattern_table_typo_fails_at_load(tmp_path):
    from kg.patterns import PatternError, parse

    path = tmp_path / "roles.json"
    path.write_text(json.dumps({"table": "roles", "concept": "Role", "match": "lemma",
                                "entries": [{"words": ["губернатор"], "value": "govrenor"}]}), encoding="utf-8")
    with pytest.raises(PatternError, match="govrenor"):
        parse(path, "ru")


def test_a_word_set_named_twice_fails_at_load(tmp_path):
    from kg.patterns import PatternError, parse_word_sets

    path = tmp_path / "word_sets.json"
    path.write_text('{"note": "x", "sets": {"A": {"note": "a", "set": ["x"]}, "A": {"note": "b", "set": ["y"]}}}',
                    encoding="utf-8")
    with pytest.raises(PatternError, match="duplicate keys"):
        parse_word_sets(path)


def test_russian_tables_load_and_name_known_kinds():
    from kg.extract.appointments import KINDS
    from kg.extract.lexicon_ru import APPOINTMENT_WORDS
    from kg.patterns import load_all

    tables = load_all("ru")
    assert {"roles", "acting", "appointment"} <= set(tables)
    assert set(APPOINTMENT_WORDS.values()) <= KINDS


@pytest.mark.slow
def test_a_bare_post_is_the_placed_post_of_its_holder(extract_ru):
    result = extract_ru("Ленту перерезал министр здравоохранения Курской области Олег Лавров. Министр Лавров "
                        "отметил, что пункт построен в срок.")
    posts = {post for person, post in _facts(result, "hc:holdsPost")}
    assert len(posts) == 1


@pytest.mark.slow
@pytest.mark.parametrize("text,expected", [
    # a head of government named by the role alone: the one country the paragraph names
    ("В этом году внешний долг России сократился. Премьер-министр Олег Сомов предложил досрочно выплатить "
     "ещё часть долга.", ("Олег Сомов", "prime_minister", "country:RU", False)),
    # 'глава государства' is the president; a country another role word owns still tells the article's country
    ("Глава государства Пётр Орлов и председатель правительства РФ Игорь Ланин выразили соболезнования.",
     ("Пётр Орлов", "president", "country:RU", False)),
    # the article's country when the paragraph names none
    ("Италия готовится к выборам. В Риме прошли митинги, Италия ждёт итогов.\n\n"
     "Премьер-министр Марко Бьянки заявил, что итоги подведут в понедельник.",
     ("Марко Бьянки", "prime_minister", "country:IT", False)),
])
def test_national_role_alone_takes_the_country_of_the_text(extract_ru, text, expected):
    assert expected in _tenures(extract_ru(text))


@pytest.mark.slow
def test_national_role_alone_takes_the_country_its_institutions_name(extract_ru):
    """No place in the text: 'Акорда' and an outlet's '.kz' domain tell the country."""
    text = ("Президент Петр Сомов принял министра финансов, передает Examplemedia.kz со ссылкой на Акорду.\n\n"
            "Петр Сомов поручил усилить контроль.")
    assert ("Петр Сомов", "president", "country:KZ", False) in _tenures(extract_ru(text))


@pytest.mark.slow
def test_a_minister_in_a_text_whose_institutions_are_kazakh_is_the_republics(extract_ru):
    """No place named; 'акимат' and 'тенге' say Kazakhstan, whose regions have no ministers."""
    text = ("Министр здравоохранения Анна Сомова провела совещание с акиматами. На закуп выделено 2 млрд тенге.")
    assert ("Анна Сомова", "minister", "country:KZ", False) in _tenures(extract_ru(text))


@pytest.mark.slow
@pytest.mark.parametrize("text,person", [
    # the paragraph points to two countries (a name and an adjective): no country is guessed
    ("Куба была отрезана от сети из-за эмбарго.\nВ 2009 году администрация президента Джона Смита смягчила "
     "ограничения для американских компаний, ведущих дела с Кубой.", "Джон Смит"),
])
def test_national_role_alone_in_a_text_of_two_countries_stays_unplaced(extract_ru, text, person):
    tenures = _tenures(extract_ru(text))
    assert any(t[0] == person and t[1] == "president" and t[2] is None for t in tenures), tenures


@pytest.mark.slow
def test_bare_national_role_of_a_placed_holder_is_his_placed_post(extract_ru):
    """The holder's own placed post wins over the country of the paragraph ('с премьер-министром Турции')."""
    result = extract_ru("Сказал президент Виктор Янукович в Киеве во время пресс-конференции с "
                        "премьер-министром Турции.\n\nСегодня президент Украины Виктор Янукович подписал договор.")
    tenures = {t for t in _tenures(result) if t[0] == "Виктор Янукович"}
    assert tenures == {("Виктор Янукович", "president", "country:UA", False)}, tenures


@pytest.mark.slow
@pytest.mark.parametrize("text,present,absent", [
    # lower-case particles inside names
    ("Похищение гражданина Германии Халеда эль-Масри (Khaled el-Masri) осудили.",
     {"Халед эль-Масри"}, set()),
    ("Теперь вновь в игре аль-Барадеи. Иран согласен на переговоры.", {"аль-Барадеи"}, set()),
    # a capital 'Аль-…' name the NER joined before the person is not part of the person
    ("После гибели лидера Аль-Кайды Усамы бин Ладена прошли аресты.", {"Усама бин Ладен"},
     {"Усама бин Ладен Аль-Каида"}),
    # a plural-only surname or adjective names no one person; a bulleted list is no name
    ("Иса Ямадаев является третьим из братьев Ямадаевых.", {"Иса Ямадаев"}, {"Ямадаевы", "Ямадаевых"}),
    ("Его поддерживают федерации этих стран:\n• Афганистан • Алжир • Аргентина • Азербайджан • Бахрейн • "
     "Барбадос • Бермуды • Чили • Коста Рика • Эквадор • Египет • Эль Сальвадор • Эфиопия • Фиджи", set(),
     {"Коста Рик", "Коста Рика", "• Коста Рика"}),
])
def test_person_names_with_particles_and_no_families(extract_ru, text, present, absent):
    persons = {dict(e.labels)["ru"] for e in extract_ru(text).entities if e.cls == "Person"}
    assert present <= persons and not (absent & persons), persons


@pytest.mark.slow
@pytest.mark.parametrize("text,expected", [
    ("Прошла инаугурация бывшего боевика, а ныне генерал-майора МВД Руслана Алиева.", ("general", None)),
    # 'шеф концерна', 'глава партии': the company or party the paragraph named before
    ("Концерн «Фольксваген» построит в России завод. Об этом заявил шеф концерна Бернд Мюллер.", ("head", None)),
    ("К бульвару пришли представители партии «Яблоко», включая главу партии Сергея Митина.", ("head", None)),
])
def test_more_role_words_and_bodies_referred_back(extract_ru, text, expected):
    result = extract_ru(text)
    role, juris = expected
    tenures = _tenures(result)
    assert any(t[1] == role and t[2] == juris for t in tenures), tenures
    if juris is None:              # the post belongs to a body
        posts = {v for _, v in _facts(result, "hc:tenurePost")}
        assert any(s in posts for s, _ in _facts(result, "hc:postIn")), _facts(result, "hc:postIn")


@pytest.mark.slow
def test_roles_chained_by_a_comma_before_a_name_are_all_that_persons(extract_ru):
    result = extract_ru("Об этом сказал лидер Меджлиса крымских татар, народный депутат Украины Ахмед Умеров. "
                        "На встрече были губернатор Алексей Дюмин, министр здравоохранения Иван Петров.")
    tenures = _tenures(result)
    assert {t[1] for t in tenures if t[0] == "Ахмед Умеров"} == {"leader", "member_of_parliament"}, tenures
    assert {t[1] for t in tenures if t[0] == "Иван Петров"} == {"minister"}, tenures    # named roles stay apart


@pytest.mark.parametrize("text, former, current", [
    ("Бывший министр здравоохранения Тульской области Олег Лаптев посетил больницу вместе с губернатором "
     "Тульской области Дмитрием Миляевым.", "Олег Лаптев", "Дмитрий Миляев"),
    ("Экс-губернатор Курской области Игорь Вершинин и министр здравоохранения Курской области Марина "
     "Ясенкова открыли поликлинику.", "Игорь Вершинин", "Марина Ясенкова"),
    # a former head as a sentence's subject is not the post of the next person named
    ("Бывший губернатор Курской области посетил больницу. Игорь Вершинин рассказал о ремонте. Губернатор "
     "Курской области Роман Старовойт поддержал проект.", "Игорь Вершинин", "Роман Старовойт"),
])
def test_a_former_post_gives_no_current_tenure(extract_ru, text, former, current):
    from test_extract_ru import _facts, _label
    result = extract_ru(text)
    holders = {_label(result, person) for person, _ in _facts(result, "hc:holdsPost")}
    assert former not in holders and current in holders
    ended = {t for t, v in _facts(result, "hc:former") if v == "true"}
    assert current not in {_label(result, p) for t, p in _facts(result, "hc:tenureOf") if t in ended}


@pytest.mark.parametrize("text, person, role, juris", [
    ("Бывший министр здравоохранения Тульской области Олег Лаптев посетил больницу.", "Олег Лаптев", "minister",
     "region:RU-TUL"),
    ("Журналисты поговорили с экс-главврачом Курской областной больницы Мариной Ясенковой.", "Марина Ясенкова",
     "chief_physician", "region:RU-KRS"),
    ("Новым главным врачом стала Марина Ясенкова. Ранее Марина Ясенкова занимала должность заместителя министра "
     "здравоохранения Курской области.", "Марина Ясенкова", "deputy_minister", "region:RU-KRS"),
])
def test_a_former_post_is_a_former_tenure(extract_ru, text, person, role, juris):
    """'бывший', 'экс-', 'ранее занимал должность': a Tenure with hc:former true, no hc:holdsPost to it and no
    hc:attestedOn (the person did not hold it on the article's date)."""
    from test_extract_ru import _facts, _label
    result = extract_ru(text, date="2025-03-16")
    ended = {t for t, v in _facts(result, "hc:former") if v == "true"}
    found = set()
    for t in ended:
        who = next(v for s, v in _facts(result, "hc:tenureOf") if s == t)
        post = next(v for s, v in _facts(result, "hc:tenurePost") if s == t)
        found.add((_label(result, who), next(v for s, v in _facts(result, "hc:postRole") if s == post).split(":")[1],
                   next((v for s, v in _facts(result, "hc:jurisdiction") if s == post), None)))
        assert (next(v for s, v in _facts(result, "hc:tenureOf") if s == t), post) not in _facts(result, "hc:holdsPost")
    assert (person, role, juris) in found, found
    assert not any(t in ended for t, _ in _facts(result, "hc:attestedOn"))


@pytest.mark.parametrize("text", [
    "Радостное событие отметили жители сел Каргалы и им. Мукана Тулебаева.",
    "В совхозе им. Сергея Кирова открыли ФАП.",
])
def test_a_name_inside_a_place_or_institution_name_is_no_person(extract_ru, text):
    result = extract_ru(text)
    assert not [e for e in result.entities if e.cls == "Person"], result.entities


@pytest.mark.parametrize("text,expected", [
    # a minister named by the portfolio alone, in news about one region: the region's minister
    ("В Курской области открыли новую поликлинику. Курская область получила оборудование. Министр "
     "здравоохранения Марина Ясенкова рассказала о планах.", ("Марина Ясенкова", "minister", "region:RU-KRS", False)),
    # named with the country: the country's
    ("В Курской области открыли новую поликлинику. Министр здравоохранения России Михаил Мурашко "
     "рассказал о планах.", ("Михаил Мурашко", "minister", "country:RU", False)),
    # Kazakhstan's regions have no ministers: the country's
    ("В Туркестанской области открыли новую поликлинику. Министр здравоохранения Ажар Гиният рассказала "
     "о планах.", ("Ажар Гиният", "minister", "country:KZ", False)),
])
def test_a_portfolio_minister_belongs_to_the_region_the_text_is_about(extract_ru, text, expected):
    assert expected in _tenures(extract_ru(text))


def test_a_role_in_an_oblique_case_is_not_the_post_of_a_nominative_name(extract_ru):
    # 'пожелал новому министру Владислав Валерьевич': the name is the subject, the minister someone else
    text = ("Игорь Руденя назначил нового министра. «Анне Николаевне – успехов», – пожелал новому министру "
            "Игорь Руденя.")
    holders = {person for person, *_ in _tenures(extract_ru(text))}
    assert "Игорь Руденя" not in holders
    # a name in the role's case stays its holder
    assert "Иван Петров" in {p for p, *_ in _tenures(extract_ru("Награду вручили министру Ивану Петрову."))}


def test_an_unnamed_head_refers_to_the_subject_named_before(extract_ru):
    text = ("Игорь Руденя назначил нового министра здравоохранения Тверской области. Об этом 9 января "
            "сообщил глава региона.")
    tenures = _tenures(extract_ru(text))
    assert any(t[0] == "Игорь Руденя" and t[2] == "region:RU-TVE" for t in tenures), tenures


@pytest.mark.parametrize("village", ["Ракитово", "Кулешово", "Тимирево"])
def test_a_village_name_is_no_person(extract_ru, village):
    # the NER takes a lone village name for a person; '-ово/-ево' ends village names, never surnames
    result = extract_ru(f"Глава района посетил с. {village}.")
    assert village not in {dict(e.labels).get("ru") for e in result.entities if e.cls == "Person"}


def test_an_appointee_named_after_a_role_takes_the_roles_case(extract_ru):
    # the tagger reads the name as genitive after 'больницы'; it agrees with the accusative 'главного врача'
    text = ("Исполняющим обязанности главы минздрава Тульской области назначили главного врача областной "
            "больницы Олега Мартынова.")
    tenures = _tenures(extract_ru(text))
    assert ("Олег Мартынов", "minister", "region:RU-TUL", True) in tenures, tenures


def test_an_unnamed_post_is_held_by_the_one_candidate_named_next(extract_ru):
    text = ("Министр здравоохранения Тульской области ушёл в отставку. Он работал в должности с 2018 года.\n"
            "Приказ об увольнении Олега Мартынова подписан сегодня.")
    tenures = _tenures(extract_ru(text))
    assert any(t[:3] == ("Олег Мартынов", "minister", "region:RU-TUL") for t in tenures), tenures
    text = ("Губернатор Тульской области осмотрел районную больницу.\nГубернатора сопровождали глава района "
            "Пётр Мельников и депутаты областной думы Анна Белова и Олег Кравец.\nИгорь Волков пообщался с "
            "пациентами.")
    tenures = _tenures(extract_ru(text))
    assert any(t[:3] == ("Игорь Волков", "governor", "region:RU-TUL") for t in tenures), tenures
    assert not any(t[0] == "Пётр Мельников" and t[1] == "governor" for t in tenures), tenures


@pytest.mark.parametrize("text", [
    # two candidates: no one
    "Губернатор Тульской области осмотрел больницу.\nИгорь Волков и Анна Белова пообщались с пациентами.",
    # described by another noun: a patient, not the governor
    "Губернатор Тульской области осмотрел больницу.\nПациентка Анна Белова рассказала о лечении.",
    # the role's verb is feminine, the one name a man's
    "Министр здравоохранения Тульской области ушла в отставку.\nИгорь Волков рассказал об этом.",
    # a photo credit is no subject
    "Губернатор Тульской области поздравил врачей.\nФото: Игорь Волков",
])
def test_an_unnamed_post_needs_a_sole_plausible_holder(extract_ru, text):
    tenures = _tenures(extract_ru(text))
    assert not any(t[1] in ("governor", "minister") for t in tenures), tenures


def test_a_bare_chief_physician_heads_the_one_hospital_of_the_text(extract_ru):
    result = extract_ru("Министр посетил Энскую городскую больницу в Туле. Его встретила главврач Ольга Соколова.")
    posts = {person: post for person, post in _facts(result, "hc:holdsPost")}
    soc = next(k for k in posts if _label(result, k) == "Ольга Соколова")
    assert any(s == posts[soc] for s, _ in _facts(result, "hc:postIn")), _facts(result, "hc:postIn")
    # two hospitals: which one is not told
    result = extract_ru("Министр посетил городскую больницу и областную клиническую больницу в Туле. "
                        "Его встретила главврач Ольга Соколова.")
    assert not any(_label(result, p) == "Ольга Соколова" for p, post in _facts(result, "hc:holdsPost")
                   if any(s == post for s, _ in _facts(result, "hc:postIn")))


@pytest.mark.parametrize("text,expected", [
    ("Пост министра здравоохранения Тульской области заняла Ирина Белова.",
     ("Ирина Белова", "minister", "region:RU-TUL", False)),
    ("Пётр Сидоров сложил полномочия министра здравоохранения Тульской области.",
     ("Пётр Сидоров", "minister", "region:RU-TUL", False)),
])
def test_more_verbs_of_personnel_change(extract_ru, text, expected):
    assert expected in _tenures(extract_ru(text))


def test_a_possible_appointment_is_no_change(extract_ru):
    result = extract_ru("Пост министра здравоохранения Тульской области может занять Павел Дегтярёв.")
    assert not [e for e in result.entities if e.cls == "Appointment"]
    assert not any(t[1] == "minister" for t in _tenures(result))


def test_a_role_after_a_name_belongs_to_the_name_that_follows_it(extract_ru):
    text = ("Губернатора сопровождали депутат Олег Кравец, главный врач больницы Сергей Трофимов и его "
            "заместитель.")
    holders = {(p, role) for p, role, *_ in _tenures(extract_ru(text))}
    assert ("Сергей Трофимов", "chief_physician") in holders
    assert ("Олег Кравец", "chief_physician") not in holders


def test_a_genitive_role_before_a_nominative_name_is_someone_elses(extract_ru):
    text = "Указом главы государства Алексей Ким освобождён от должности министра здравоохранения Казахстана."
    roles = {role for p, role, *_ in _tenures(extract_ru(text)) if p == "Алексей Ким"}
    assert "minister" in roles and "president" not in roles, roles
    # an acting marker heads the genitive role: the name's own post
    text = "«Поздравляю всех», – сказал исполняющий обязанности губернатора Тульской области Алексей Орехов."
    assert ("Алексей Орехов", "governor", "region:RU-TUL", True) in _tenures(extract_ru(text))


@pytest.mark.parametrize("text,expected", [
    # the head of an oblast or krai is its governor in an article that says 'губернатор' …
    ("Глава региона Иван Петров посетил больницу в Калуге. Губернатор осмотрел палаты.",
     ("Иван Петров", "governor", "region:RU-KLU", False)),
    ("Глава Калужской области Иван Петров посетил больницу. Губернатор осмотрел палаты.",
     ("Иван Петров", "governor", "region:RU-KLU", False)),
    # … and 'глава региона' where the article only says 'глава' (Role:governor is narrower than it)
    ("Глава региона Иван Петров посетил больницу в Калуге.", ("Иван Петров", "head_of_region", "region:RU-KLU", False)),
    ("Глава Калужской области Иван Петров посетил больницу.",
     ("Иван Петров", "head_of_region", "region:RU-KLU", False)),
    # a municipality's head by the kind its name says
    ("На встрече с главой муниципального образования «Чойский район» Игорем Русских обсудили кадры.",
     ("Игорь Русских", "head_of_district", "settlement:чойский район", False)),
    # a republic's head stays its head
    ("Глава Бурятии Алексей Цыренов открыл ФАП.", ("Алексей Цыренов", "head_of_region", "region:RU-BU", False)),
])
def test_the_head_of_a_region_by_the_regions_kind(extract_ru, text, expected):
    assert expected in _tenures(extract_ru(text))


def test_a_capitalised_common_noun_and_a_cut_off_name_are_no_new_persons(extract_ru):
    result = extract_ru("Ректор университета Отари Гвиния выступил на встрече.\n\nЖажда наживы погубила здание.\n"
                        "\nОтари Гви")
    people = {dict(e.labels).get("ru") for e in result.entities if e.cls == "Person"}
    assert people == {"Отари Гвиния"}, people


@pytest.mark.parametrize("text,expected", [
    ("С понедельника в статусе исполняющего обязанности главврача значится Максим Белов.",
     ("Максим Белов", "chief_physician", None, True)),
    ("Иван Петров работает главным врачом Энской районной больницы.", ("Иван Петров", "chief_physician")),
])
def test_verbs_of_holding_a_post(extract_ru, text, expected):
    tenures = _tenures(extract_ru(text))
    assert any(t[:len(expected)] == expected for t in tenures), tenures


def test_a_post_held_earlier_is_no_current_tenure(extract_ru):
    from test_extract_ru import _facts
    result = extract_ru("Борис Петров ранее занимал должность заместителя министра здравоохранения Тульской области.")
    assert not _facts(result, "hc:holdsPost")
    tenures = _tenures(result)          # a former tenure (hc:former true), not held now
    assert tenures == {("Борис Петров", "deputy_minister", "region:RU-TUL", False)}, tenures
    assert {v for _, v in _facts(result, "hc:former")} == {"true"}


@pytest.mark.parametrize("text,expected", [
    # initials and an '-ова' surname after a nominative role: a woman, nominative
    ("В мероприятии участвовали заместитель министра здравоохранения Тульской области Лазуткина В.С. и другие.",
     "Лазуткина В. С."),
    # after a genitive ('об увольнении') the same ending is a man's genitive
    ("Приказ об увольнении Петрова В.С. подписан.", "Петров В. С."),
])
def test_initialled_names_take_the_gender_their_apposition_allows(ru_nlp, text, expected):
    assert expected in [e._.kg_normal for e in ru_nlp(text).ents if e.label_ == "PER"]


def test_a_genitive_role_inside_anothers_title_is_not_the_names(extract_ru):
    text = "В группу вошёл специалист Администрации Президента Чувашской Республики М.Н.Алексеев."
    assert not any(t[1] == "president" for t in _tenures(extract_ru(text)))


def test_a_district_the_gazetteer_places_elsewhere_is_a_namesake_in_the_texts_region(extract_ru):
    result = extract_ru("Глава Михайловского района Алтайского края Юрий Гусев открыл ФАП.")
    juris = {v for s, v in _facts(result, "hc:jurisdiction")}
    assert "settlement:михайловский район" not in juris, juris
    part = {(s, v) for s, v in _facts(result, "hc:partOf")}
    assert any(s.startswith("settlement:михайловский район") and v == "region:RU-ALT" for s, v in part), part


@pytest.mark.parametrize("text,person", [
    ("Исполнение обязанностей директора департамента здравоохранения Костромской области возложено на "
     "Леонида Зуева.", "Леонид Зуев"),
    ("Исполнять обязанности директора департамента здравоохранения Костромской области будет Дмитрий Ноздрин.",
     "Дмитрий Ноздрин"),
])
def test_acting_duties_laid_on_a_person(extract_ru, text, person):
    assert (person, "director", "region:RU-KOS", True) in _tenures(extract_ru(text))


def test_a_health_department_named_without_place_is_the_regions(extract_ru):
    text = ("Костромская область. По информации администрации, исполнять обязанности директора департамента "
            "здравоохранения будет Дмитрий Ноздрин.")
    assert ("Дмитрий Ноздрин", "director", "region:RU-KOS", True) in _tenures(extract_ru(text))


def test_head_of_the_department_refers_to_the_ministers_post(extract_ru):
    text = ("Губернатор принял отставку министра здравоохранения Виктора Мажина. Исполнение обязанностей "
            "руководителя ведомства возложено на первого заместителя министра Юрия Литвина.")
    tenures = _tenures(extract_ru(text))
    assert any(t[0] == "Юрий Литвин" and t[1] == "minister" and t[3] for t in tenures), tenures


def test_a_pronoun_subject_of_a_change_is_the_person_named_before(extract_ru):
    text = ("Новый руководитель сменил на этом посту Наталью Лобову. Она, в свою очередь, утверждена в статусе "
            "главного врача Кандалакшской центральной районной больницы Мурманской области.")
    assert any(t[:3] == ("Наталья Лобова", "chief_physician", "region:RU-MUR") for t in _tenures(extract_ru(text)))
    # the gender disagrees: not her
    text = "Новый руководитель сменил на этом посту Наталью Лобову. Он утверждён главным врачом больницы."
    assert not any(t[0] == "Наталья Лобова" for t in _tenures(extract_ru(text)))


def test_in_the_status_of_acting_chief_physician(extract_ru):
    text = "С 30 сентября в статусе и. о. главврача городской поликлиники № 15 утверждена Ольга Наумчик."
    assert any(t[0] == "Ольга Наумчик" and t[1] == "chief_physician" and t[3] for t in _tenures(extract_ru(text)))


@pytest.mark.parametrize("text,expected", [
    # the body fronted before 'возглавила'
    ("Департамент здравоохранения Ивановской области возглавила Светлана Лесникова.",
     ("Светлана Лесникова", "head", "region:RU-IVA", False)),
    # the genitive role an acting marker governs
    ("Ивановская область. Сейчас ио директора департамента здравоохранения стала Светлана Лесникова.",
     ("Светлана Лесникова", "director", "region:RU-IVA", True)),
])
def test_fronted_bodies_and_acting_markers_in_changes(extract_ru, text, expected):
    assert expected in _tenures(extract_ru(text))


@pytest.mark.parametrize("text,person,role", [
    ("Встречу провела заместитель главного врача больницы Анна Котлова.", "Анна Котлова", "deputy_head"),
    ("Пётр Мосолов вновь стал первым заместителем директора департамента здравоохранения Брянской области.",
     "Пётр Мосолов", "deputy_head"),
])
def test_deputies_are_not_their_chiefs(extract_ru, text, person, role):
    roles = {r for p, r, *_ in _tenures(extract_ru(text)) if p == person}
    assert role in roles and "chief_physician" not in roles and "director" not in roles, roles


def test_head_of_the_district_of_a_one_district_text(extract_ru):
    text = ("День министерства прошёл в Красноармейском районе Чувашской Республики. Гостей встретил глава "
            "района Сергей Никитенко.")
    tenures = _tenures(extract_ru(text))
    assert any(t[0] == "Сергей Никитенко" and t[1] == "head_of_district" and t[2] for t in tenures), tenures
    text = ("Делегация посетила Красноармейский и Шумерлинский районы Чувашской Республики. Гостей встретил "
            "глава района Сергей Никитенко.")
    tenures = _tenures(extract_ru(text))
    # two districts: which one is not said, only their region
    held = [t for t in tenures if t[0] == "Сергей Никитенко"]
    assert held and all(t[2] in (None, "region:RU-CU") for t in held), tenures


@pytest.mark.parametrize("text,expected", [
    ("Объявлен конкурс на должность начальника управления здравоохранения Костанайской области. Как сообщалось, "
     "Ерлан Галиев покинул этот пост.", ("Ерлан Галиев", "head", "region:KZ-39", False)),
    ("Заместитель Премьер-министра РК А. Кулов встретился с коллективом больницы.",
     ("А. Кулов", "deputy_prime_minister", "country:KZ", False)),
])
def test_this_post_and_deputy_premiers(extract_ru, text, expected):
    assert expected in _tenures(extract_ru(text))


@pytest.mark.parametrize("text,expected", [
    ("Встречу провёл первый заместитель акима Шымкента Ербол САДЫКОВ.", "Ербол Садыков"),
    ("Участвовал заместитель акима области О. Кенжебайулы.", "О. Кенжебайулы"),
])
def test_kazakh_and_capitalised_surnames(ru_nlp, text, expected):
    assert expected in [e._.kg_normal for e in ru_nlp(text).ents if e.label_ == "PER"]


def test_surname_first_initials_and_curly_quotes(extract_ru):
    text = "В мероприятии приняли участие главный врач КГБУЗ “Михайловская ЦРБ” Бокарев А. А, депутаты."
    assert any(t[0] == "Бокарев А. А" and t[1] == "chief_physician" for t in _tenures(extract_ru(text)))


def test_a_deputy_minister_of_the_texts_one_regional_ministry(extract_ru):
    text = ("В районе прошёл День министерства здравоохранения Чувашской Республики. Группу возглавила "
            "заместитель министра Н.А.Осинова.")
    tenures = _tenures(extract_ru(text))
    assert any(t[1] == "deputy_minister" and t[2] == "region:RU-CU" for t in tenures), tenures


def test_an_adjective_of_a_named_districts_stem_is_that_district(extract_ru):
    text = ("Глава Михайловского района Алтайского края открыл поликлинику. Главный врач Михайловской ЦРБ "
            "Анна Бокова поблагодарила гостей.")
    result = extract_ru(text)
    located = {v for s, v in _facts(result, "hc:locatedIn")}
    assert "settlement:михайлов" not in located, located


def test_initialled_names_keep_their_written_form(extract_ru):
    result = extract_ru("Ведущий специалист И.Е.Павлюк выступил на совещании.")
    person = next(e for e in result.entities if e.cls == "Person")
    assert ("ru", "И.Е.Павлюк") in person.alt, person


def test_a_successor_takes_the_post_named_before(extract_ru):
    text = ("В марте Анна Лобачёва была назначена на пост главврача Саргатской ЦРБ. Однако после переезда её "
            "сменщицей утверждена Лилия Бычкова.")
    assert any(t[0] == "Лилия Бычкова" and t[1] == "chief_physician" for t in _tenures(extract_ru(text)))


@pytest.mark.parametrize("text,person", [
    ("В Чувашской Республике прошёл день здоровья. Гостей встретил начальник отдела социальной защиты "
     "населения Л.А.Кисель.", "Л. А. Кисель"),
    ("В Чувашской Республике прошёл день здоровья. Гостей встретила глава Михайловского сельского совета "
     "Ольга Афонина.", "Ольга Афонина"),
])
def test_a_local_bodys_post_lies_in_the_texts_region(extract_ru, text, person):
    assert any(t[0] == person and t[2] == "region:RU-CU" for t in _tenures(extract_ru(text))), \
        _tenures(extract_ru(text))


@pytest.mark.slow
@pytest.mark.parametrize("text,expected", [
    # a dash right before the name: the role (and its description) before it is the name's
    ("Министр здравоохранения Самарской области — Иван Петров — открыл больницу.",
     ("Иван Петров", "minister", "region:RU-SAM", False)),
    # a chief physician named without a body heads the one hospital of the sentence, not the article's other one
    ("Губернатор Самарской области представил коллективу городской больницы № 2 нового главного врача — Антона "
     "Хазова. Прежде он работал в областной больнице.", ("Антон Хазов", "chief_physician", "region:RU-SAM", False)),
])
def test_role_dash_name(extract_ru, text, expected):
    assert expected in _tenures(extract_ru(text))


@pytest.mark.slow
def test_bare_chief_physician_takes_the_hospital_of_its_sentence(extract_ru):
    result = extract_ru("Губернатор представил коллективу городской больницы № 2 нового главного врача — Антона "
                        "Хазова. Прежде он работал в областной больнице.")
    posts = [v for s, v in _facts(result, "hc:postIn") if s.startswith("post:chief_physician")]
    assert len(posts) == 1 and "больница городской|2" in posts[0]


@pytest.mark.parametrize("text,expected,label", [
    # a clipped deputy's title is one invariable word, whatever lemma the tagger guesses for its form
    ("Замгубернатора Курской области Пётр Жилин осмотрел поликлинику.",
     ("Пётр Жилин", "deputy_governor", "region:RU-KRS", False), "заместитель губернатора Курской области"),
    ("Новую амбулаторию в Тульской области открыл замначальника областного управления Олег Рыбин.",
     ("Олег Рыбин", "deputy_head", None, False), "заместитель начальника областного управления"),
    ("В Карачаево-Черкесии работы оценил зампред правительства республики Азамат Узденов.",
     ("Азамат Узденов", "deputy_prime_minister", "region:RU-KC", False),
     "заместитель председателя правительства республики"),
])
def test_a_clipped_deputy_title_is_a_post_written_out(extract_ru, text, expected, label):
    result = extract_ru(text)
    tenures = _tenures(result)
    assert any(t[:2] == expected[:2] and (expected[2] is None or t[2] == expected[2]) for t in tenures), tenures
    labels = {_label(result, e.key) for e in result.entities if e.cls == "Post"}
    assert label in labels, labels


def test_a_word_that_only_begins_like_a_deputy_title_is_left_alone(ru_nlp):
    from kg.nlp.ru import deputy_compound
    assert deputy_compound("замгубернатора") == "губернатора"
    assert deputy_compound("Замглавы") == "главы"
    for word in ("замок", "заметка", "заместитель", "Замятина", "Заманбек", "замечания", "замполит"):
        assert deputy_compound(word) is None, word


def test_the_post_held_in_a_passive_participle_is_not_the_subjects(extract_ru):
    text = ("Министр здравоохранения Курской области Сергей Лобов освободил от занимаемой должности главврача "
            "областной больницы.")
    tenures = _tenures(extract_ru(text))
    assert not any(t[0] == "Сергей Лобов" and t[1] == "chief_physician" for t in tenures), tenures
    assert ("Сергей Лобов", "minister", "region:RU-KRS", False) in tenures


def test_the_deciders_own_post_is_not_the_appointees(extract_ru):
    text = ("Врио губернатора Курской области Олег Буров назначил Игоря Седова на пост главы регионального "
            "минздрава.")
    tenures = _tenures(extract_ru(text))
    assert not any(t[0] == "Игорь Седов" and t[1] == "governor" for t in tenures), tenures
    assert ("Игорь Седов", "minister", "region:RU-KRS", False) in tenures, tenures
    assert ("Олег Буров", "governor", "region:RU-KRS", True) in tenures, tenures


def test_a_bare_role_is_the_post_the_text_names_for_nobody(extract_ru):
    text = ("Министр здравоохранения Курской области Сергей Лобов освободил от должности главврача областной "
            "детской больницы. Пациентов временно принимает городская больница № 2. Исполнять обязанности главного "
            "врача будет доктор медицинских наук Олег Рыбин.")
    result = extract_ru(text)
    tenures = _tenures(result)
    assert ("Олег Рыбин", "chief_physician", "region:RU-KRS", True) in tenures, tenures
    posts = {v for s, v in _facts(result, "hc:postIn")}
    assert any(p.startswith("facility:") for p in posts), posts


def test_two_titles_joined_by_a_dash_are_both_the_persons(extract_ru):
    text = ("Совещание провёл первый заместитель губернатора Курской области – председатель правительства "
            "Курской области Роман Лямин.")
    roles = {(t[1], t[2]) for t in _tenures(extract_ru(text)) if t[0] == "Роман Лямин"}
    assert ("deputy_governor", "region:RU-KRS") in roles and ("prime_minister", "region:RU-KRS") in roles, roles


def test_a_portfolio_of_two_joined_fields_is_part_of_the_post(extract_ru):
    text = ("«Мест не хватило», — сказал заместитель губернатора Курской области по социальному развитию и "
            "внутренней политике Юрий Зубов.")
    assert any(t[0] == "Юрий Зубов" and t[1] == "deputy_governor" and t[2] == "region:RU-KRS"
               for t in _tenures(extract_ru(text))), _tenures(extract_ru(text))


def test_a_bullet_emoji_glued_to_a_role_word_is_cut_off(extract_ru):
    text = "➡️Министр здравоохранения Курской области Алла Рудова посетила больницу.\n1️⃣В поликлинике № 2 …"
    assert ("Алла Рудова", "minister", "region:RU-KRS", False) in _tenures(extract_ru(text))


def test_pictographs_are_cut_from_words_only(ru_nlp):
    words = [t.text for t in ru_nlp("✔️Приём 1️⃣В среду: 5°C, №2.") if not t.is_space]
    assert words[:5] == ["✔️", "Приём", "1", "️⃣", "В"], words
    assert "°C" in words and "№" in words, words


@pytest.mark.parametrize("text,person", [
    ("В Курской области открыли амбулаторию. Гостей встретил руководитель облздрава Олег Рыбин.", "Олег Рыбин"),
    ("В Курской области прошла акция. Её провёл председатель реготделения общества «Знание» Пётр Жилин.",
     "Пётр Жилин"),
])
def test_a_clipped_regional_body_is_the_texts_regions(extract_ru, text, person):
    tenures = _tenures(extract_ru(text))
    assert any(t[0] == person and t[2] == "region:RU-KRS" for t in tenures), tenures


def test_im_stal_takes_the_name_however_long_its_description(extract_ru):
    text = ("Министр здравоохранения Курской области назначил нового директора областного онкологического "
            "диспансера. Им стал один из самых известных хирургов страны, автор многих учебников и основатель "
            "научной школы Игорь Седов.")
    result = extract_ru(text)
    assert any(c[0] == "Игорь Седов" and c[2] == "region:RU-KRS" for c in _changes(result, "Appointment")), \
        _changes(result, "Appointment")


def test_duties_performed_earlier_are_no_present_post(extract_ru):
    text = ("Как сообщил губернатор, ранее обязанности главы областного минздрава исполняла замминистра "
            "здравоохранения Курской области Анна Белова.")
    tenures = _tenures(extract_ru(text))
    assert not any(t[0] == "Анна Белова" and t[1] == "minister" for t in tenures), tenures
    assert any(t[0] == "Анна Белова" and t[1] == "deputy_minister" for t in tenures), tenures


def test_a_pronoun_with_no_name_before_it_in_its_sentence_is_the_last_person_before(extract_ru):
    text = ("Исполняющим обязанности министра здравоохранения назначен Ерлан Сарсенов. Должность "
            "вице-министра здравоохранения он занимает с января 2021 года.")
    assert any(t[0] == "Ерлан Сарсенов" and t[1] == "deputy_minister" for t in _tenures(extract_ru(text)))


def test_a_plural_reading_of_a_given_name_decides_no_gender(ru_nlp):
    from kg.nlp.ru_names import person_gender
    doc = ru_nlp("Ерлан Сарсенов выступил.")
    assert person_gender([doc[0], doc[1]]) == "masc"


def test_a_name_in_another_clause_is_not_the_appointee(extract_ru):
    text = ("Распоряжение подписал премьер-министр Асет Жумабеков, передаёт корреспондент агентства, и "
            "назначен министром здравоохранения Казахстана выпускник университета.")
    tenures = _tenures(extract_ru(text))
    assert not any(t[0] == "Асет Жумабеков" and t[1] == "minister" for t in tenures), tenures


def test_a_pronoun_after_an_unrecognised_name_is_not_sent_back(extract_ru):
    text = ("Новым главврачом больницы назначен Тамир Ованесян. А возглавлявший больницу прежде Эльдар "
            "Шандоров ушёл в парламент — как известно, он занял пост председателя Законодательного собрания.")
    tenures = _tenures(extract_ru(text))
    assert not any(t[0] == "Тамир Ованесян" and t[1] == "chair" for t in tenures), tenures


def test_an_unplaced_minister_in_a_text_naming_only_kazakhstan_is_kazakhstans(extract_ru):
    text = ("Исполняющим обязанности министра здравоохранения Казахстана назначен Ерлан Сарсенов. Должность "
            "вице-министра здравоохранения он занимает с января 2021 года.")
    assert ("Ерлан Сарсенов", "deputy_minister", "country:KZ", False) in _tenures(extract_ru(text))


def test_a_body_noun_refers_to_the_body_an_earlier_paragraph_named(extract_ru):
    text = ("Департамент здравоохранения Курской области возглавила Ольга Кравец.\n\n"
            "Сейчас обязанности директора исполняет Ирина Лесова, которая была заместителем руководителя ведомства.")
    tenures = _tenures(extract_ru(text))
    assert ("Ирина Лесова", "deputy_head", "region:RU-KRS", False) in tenures, tenures


def test_two_titles_joined_by_and_before_one_name_are_both_hers(extract_ru):
    text = ("Министр здравоохранения Тверской области ушёл в отставку. Курировать отрасль будет замгубернатора "
            "и руководитель экономического управления Марина Зотова.")
    roles = {t[1] for t in _tenures(extract_ru(text)) if t[0] == "Марина Зотова"}
    assert {"deputy_governor", "head"} <= roles, roles


def test_two_titles_joined_by_and_with_a_plural_verb_are_two_people(extract_ru):
    text = "Губернатор Тверской области и министр здравоохранения Марина Зотова открыли больницу."
    roles = {t[1] for t in _tenures(extract_ru(text)) if t[0] == "Марина Зотова"}
    assert "governor" not in roles, roles


def test_a_surname_opening_the_next_sentence_names_the_unnamed_head(extract_ru):
    text = ("Губернатор Тверской области посетила районную больницу в Торжке. Зотова проверила ход ремонта "
            "приёмного отделения.")
    assert ("Зотова", "governor", "region:RU-TVE", False) in _tenures(extract_ru(text))


def test_a_surname_with_a_verb_of_the_other_gender_is_not_the_head(extract_ru):
    text = ("Губернатор Тверской области посетил районную больницу в Торжке. Зотова проверила ход ремонта "
            "приёмного отделения.")
    assert not any(t[0] == "Зотова" for t in _tenures(extract_ru(text)))


def test_a_surname_named_before_the_head_is_not_the_head(extract_ru):
    text = ("В приёмном отделении Анна Зотова ждала врача три часа. Губернатор Тверской области посетила "
            "районную больницу в Торжке. Зотова пожаловалась на очереди.")
    assert not any(t[1] == "governor" for t in _tenures(extract_ru(text)))


def test_acting_in_his_duties_is_the_post_of_the_person_removed_before(extract_ru):
    text = ("Министр здравоохранения Тверской области Игорь Панин ушёл в отставку. Временно исполняющим его "
            "обязанности назначили Олега Мухина.")
    assert ("Олег Мухин", "minister", "region:RU-TVE", True) in _tenures(extract_ru(text))


def test_promoted_to_the_position_of_a_role_is_appointed_to_it(extract_ru):
    text = "Бывший министр здравоохранения Тверской области Марина Зотова была повышена до позиции вице-губернатора."
    assert ("Марина Зотова", "deputy_governor", "region:RU-TVE", False) in _tenures(extract_ru(text))


def test_the_person_replaced_held_the_post(extract_ru):
    text = ("Распоряжением губернатора Тверской области и.о. министра здравоохранения вместо Олега Мухина "
            "назначена Марина Зотова.")
    tenures = _tenures(extract_ru(text))
    assert ("Олег Мухин", "minister", "region:RU-TVE", False) in tenures, tenures
    assert ("Марина Зотова", "minister", "region:RU-TVE", True) in tenures, tenures


def test_head_of_the_agency_is_the_minister_named_before_it(extract_ru):
    text = ("Министр здравоохранения Тверской области Игорь Панин покинул свой пост. Об отставке министра глава "
            "региона Пётр Сидоров рассказал на заседании штаба. «Исполнение обязанностей руководителя ведомства "
            "возложено на Олега Мухина», – говорится в сообщении. Ранее ушла в отставку министр здравоохранения "
            "Курской области Анна Белова.")
    tenures = _tenures(extract_ru(text))
    assert ("Олег Мухин", "minister", "region:RU-TVE", True) in tenures, tenures
    # the titled subject of its own clause is not the minister the dismissal noun concerns
    assert not any(t[0] == "Пётр Сидоров" and t[1] == "minister" for t in tenures), tenures


def test_a_place_someone_came_from_is_not_the_articles_region(extract_ru):
    text = ("Губернатор А. Петров назначил исполняющим обязанности министра здравоохранения региона О. Мухина. "
            "Бывший министр здравоохранения Тверской области М. Зотова стала вице-губернатором. Новый чиновник "
            "прибыл из Самары.")
    tenures = _tenures(extract_ru(text))
    assert ("А. Петров", "governor", "region:RU-TVE", False) in tenures, tenures
    assert ("О. Мухин", "minister", "region:RU-TVE", True) in tenures, tenures


def test_the_presidents_envoy_holds_a_federal_post(extract_ru):
    text = ("Министр здравоохранения Тверской области ушёл в отставку после критики со стороны полпреда "
            "президента в ЦФО Игоря Панина.")
    assert ("Игорь Панин", "representative", "country:RU", False) in _tenures(extract_ru(text))


def test_an_assistant_of_a_company_president_is_not_federal(extract_ru):
    text = "Помощник президента компании Игорь Панин посетил больницу в Торжке."
    assert not any(t[2] == "country:RU" for t in _tenures(extract_ru(text)))


def test_the_head_of_a_clipped_health_department_is_the_regions(extract_ru):
    text = ("Глава депздрава Олег Мухин посетил больницу в Торжке. Губернатор Тверской области поручил ему "
            "решить проблему.")
    assert ("Олег Мухин", "head", "region:RU-TVE", False) in _tenures(extract_ru(text))


def test_a_bare_deputy_minister_is_the_deputy_of_the_minister_named_before(extract_ru):
    text = ("Министр здравоохранения Тверской области Игорь Панин провёл совещание. На нём выступил заместитель "
            "министра Олег Мухин.")
    assert ("Олег Мухин", "deputy_minister", "region:RU-TVE", False) in _tenures(extract_ru(text))


def test_a_committee_of_the_ministry_in_kazakhstan_is_national(extract_ru):
    text = ("В Караганде прошло совещание. Глава Комитета фармации Министерства здравоохранения Ерлан Сарсенов "
            "рассказал о поставках лекарств.")
    assert ("Ерлан Сарсенов", "head", "country:KZ", False) in _tenures(extract_ru(text))


def test_a_role_after_a_preposition_is_not_the_post_a_change_concerns(extract_ru):
    text = "По согласованию с губернатором Тверской области отставка Игоря Панина отложена."
    assert not any(t[1] == "governor" for t in _tenures(extract_ru(text)))


def test_a_nominative_surname_after_a_genitive_role_is_not_its_holder(extract_ru):
    text = "Указом губернатора Ерлан Сарсенов назначен министром здравоохранения Тверской области."
    tenures = _tenures(extract_ru(text))
    assert not any(t[1] == "governor" for t in tenures), tenures
    assert ("Ерлан Сарсенов", "minister", "region:RU-TVE", False) in tenures, tenures
    # a capitalised nominative title the tagger reads as a proper noun keeps its name
    text = "Глава государства Пётр Сидоров и Председатель Правительства РФ Игорь Панин выразили соболезнования."
    assert ("Игорь Панин", "prime_minister", "country:RU", False) in _tenures(extract_ru(text))
    # a nominative title the tagger reads as a genitive adjective keeps its name
    text = "Вице-министр здравоохранения Республики Казахстан Ардак Амангельдиев посетил детскую больницу."
    assert ("Ардак Амангельдиев", "deputy_minister", "country:KZ", False) in _tenures(extract_ru(text))


def test_a_reason_after_po_is_no_portfolio_of_the_post(extract_ru):
    from test_extract_ru import _by_class
    result = extract_ru("Анна Белова покинула должность министра по собственному желанию 1 декабря.")
    posts = set(_by_class(result, "Post"))
    assert not any("желани" in (p or "") for p in posts), posts
    result = extract_ru("Заместитель губернатора Тверской области по социальной политике Анна Белова посетила больницу.")
    assert any("социальной политике" in (p or "") for p in _by_class(result, "Post"))


@pytest.mark.slow
@pytest.mark.parametrize("text,juris", [
    # 'РК' is the republic the text names (Коми, Карелия, Калмыкия, Крым), else Kazakhstan
    ("Глава Республики Коми подписал указ. Министром здравоохранения РК назначена Анна Котова.", "region:RU-KO"),
    ("Министр здравоохранения РК Анна Котова посетила Шымкент.", "country:KZ"),
])
def test_republic_abbreviation_is_the_named_republic(extract_ru, text, juris):
    result = extract_ru(text)
    assert ("Анна Котова", "minister", juris) in {t[:3] for t in _tenures(result)}


@pytest.mark.slow
def test_ministry_of_the_named_republic(extract_ru):
    result = extract_ru("Глава Карелии провёл совещание. Минздрав РК сообщил о новых ФАПах.")
    orgs = {_label(result, s): v for s, v in _facts(result, "hc:jurisdiction")}
    assert orgs.get("Министерство здравоохранения Республики Карелия") == "region:RU-KR", orgs


def test_a_region_adjective_before_a_role_votes_for_the_article_region(extract_ru):
    text = ("Исполняющая обязанности министра здравоохранения Анна Белова рассказала о поликлинике под Ярославлем.\n"
            "Позже ярославский министр ответила на вопросы депутатов.\n"
            "Футбольный клуб проиграл в Нижнем Новгороде.")
    assert ("Анна Белова", "minister", "region:RU-YAR", True) in _tenures(extract_ru(text))


def test_a_given_name_with_a_patronymic_that_is_also_a_surname_is_the_full_named_person(extract_ru):
    # 'Александрович' is a patronymic and a surname in the dictionary: beside 'Игорь Панин' it is his patronymic
    from test_extract_ru import _by_class
    result = extract_ru("Губернатор Тверской области Игорь Панин открыл школу. «Работа продолжится», — сказал "
                        "Игорь Александрович.")
    assert set(_by_class(result, "Person")) == {"Игорь Панин"}
    # beside the same person named by initials, it is that person
    result = extract_ru("Губернатор Тверской области И. А. Панин открыл школу. «Работа продолжится», — сказал "
                        "Игорь Александрович.")
    assert len(_by_class(result, "Person")) == 1, _by_class(result, "Person")
    # with no full namesake it stays a name of its own
    result = extract_ru("На встрече выступил Игорь Александрович, писатель из Минска.")
    assert "Игорь Александрович" in _by_class(result, "Person")


def test_an_outlet_tag_glued_by_a_dash_is_no_person(extract_ru):
    from test_extract_ru import _by_class
    result = extract_ru("«Задача поставлена», — сказал Пётр Сидоров (министр здравоохранения РФ—НовостиСевера).")
    assert not any("—" in (p or "") for p in _by_class(result, "Person"))


def test_chief_sanitary_physician_is_its_own_role(extract_ru):
    text = "Главным государственным санитарным врачом Омской области назначена Анна Белова."
    tenures = _tenures(extract_ru(text))
    assert ("Анна Белова", "chief_sanitary_physician", "region:RU-OMS", False) in tenures, tenures
    tenures = _tenures(extract_ru("Главный санитарный врач Шымкента Ержан Касымов провёл брифинг."))
    assert ("Ержан Касымов", "chief_sanitary_physician", "region:KZ-79", False) in tenures, tenures


def test_a_shortened_post_of_the_same_holder_is_the_placed_post(extract_ru):
    text = ("Руководитель управления Росздравнадзора по Омской области Игорь Панин подписал соглашение. "
            "Как отметил руководитель управления Росздравнадзора Игорь Панин, проверки продолжатся.")
    tenures = {t for t in _tenures(extract_ru(text)) if t[0] == "Игорь Панин"}
    assert tenures == {("Игорь Панин", "head", "region:RU-OMS", False)}, tenures


@pytest.mark.parametrize("text,expected", [
    ("Гостей встретили главный врач Омской областной больницы Игорь Панин и его заместитель по лечебной "
     "работе Олег Мухин.", ("Олег Мухин", "deputy_head", "заместитель главного врача")),
    ("Министр здравоохранения Тверской области Игорь Панин не приехал. Его поручение передала его заместитель "
     "Анна Белова.", ("Анна Белова", "deputy_minister", "заместитель министра здравоохранения Тверской области")),
    ("Министр отправил в Омск комиссию во главе со своим замом Олегом Мухиным.", None),
])
def test_a_possessive_deputy_is_the_deputy_of_the_post_named_before(extract_ru, text, expected):
    from test_extract_ru import _facts, _label
    result = extract_ru(text)
    posts = {(_label(result, p), r.split(":")[1]) for s, p in _facts(result, "hc:holdsPost")
             for q, r in _facts(result, "hc:postRole") if q == p and _label(result, s) == (expected or ("",))[0]}
    if expected is None:            # the minister has no name: no post to be the deputy of
        assert not any(s for s, _ in _facts(result, "hc:holdsPost") if "мухин" in s), posts
        return
    person, role, label = expected
    assert any(r == role and l.startswith(label) for l, r in posts), posts


@pytest.mark.parametrize("text,expected", [
    ("С 1 марта исполняющим обязанности главного врача Омской областной больницы будет Игорь Панин.",
     ("Игорь Панин", "chief_physician", True)),
    ("Временно исполняющей обязанности главы района будет заместитель главврача по медицинской части Анна Белова.",
     ("Анна Белова", "head_of_district", True)),
])
def test_acting_with_a_future_copula_names_the_nominative_person(extract_ru, text, expected):
    assert expected in {(p, r, a) for p, r, _, a in _tenures(extract_ru(text))}


def test_deputy_of_the_glavvrach_is_a_deputy_head(extract_ru):
    text = "Гостей встретила заместитель главврача Омской областной больницы Анна Белова."
    assert ("Анна Белова", "deputy_head") in {(p, r) for p, r, _, _ in _tenures(extract_ru(text))}


@pytest.mark.parametrize("text,expected", [
    ("Марину Зотову повысили до должности министра здравоохранения Омской области.",
     ("Марина Зотова", "minister", "region:RU-OMS")),
    ("Вчера Игоря Панина назначили главным врачом Омской областной больницы.",
     ("Игорь Панин", "chief_physician", "region:RU-OMS")),
])
def test_an_object_before_a_verb_with_no_subject_is_the_appointee(extract_ru, text, expected):
    from test_officials_ru import _changes
    assert any(c[:3] == expected for c in _changes(extract_ru(text), "Appointment"))


@pytest.mark.slow
def test_the_given_name_in_its_tagged_case_tells_the_gender(ru_nlp):
    """'Марину Зотову': 'Марину' is Марин (dative, a man) or Марина (accusative, a woman); the tagger's case
    decides, so the surname is Зотова."""
    doc = ru_nlp("Марину Зотову повысили до должности министра.")
    assert [e._.kg_normal for e in doc.ents] == ["Марина Зотова"]


def test_duties_with_no_role_after_them_are_those_of_the_role_named_before(extract_ru):
    text = ("На период отпуска главного врача Омской областной больницы исполняющим обязанности назначен "
            "Игорь Панин.")
    assert ("Игорь Панин", "chief_physician", "region:RU-OMS", True) in _tenures(extract_ru(text))


def test_replaced_on_this_post_names_the_predecessor_of_the_last_post_given(extract_ru):
    from test_extract_ru import _facts, _label
    text = ("Игорь Панин назначен исполняющим обязанности министра здравоохранения Омской области. Указ подписал "
            "губернатор Пётр Сидоров. На этом посту он сменил Олега Мухина.")
    result = extract_ru(text)
    change = next(e.key for e in result.entities if e.cls == "Appointment")
    assert {_label(result, v) for s, v in _facts(result, "hc:predecessor") if s == change} == {"Олег Мухин"}
    assert ("Олег Мухин", "minister", "region:RU-OMS", False) in _tenures(result)
    assert not any(p == "Олег Мухин" and r == "governor" for p, r, _, _ in _tenures(result))


def test_the_post_describing_an_appointee_is_left_behind(extract_ru):
    from test_extract_ru import _facts, _label
    result = extract_ru("Министр здравоохранения Омской области Игорь Панин назначен вице-губернатором Омской области.")
    holds = {(_label(result, p), _label(result, q)) for p, q in _facts(result, "hc:holdsPost")}
    assert ("Игорь Панин", "вице-губернатор Омской области") in holds, holds
    assert not any(q.startswith("министр") for _, q in holds), holds
    ended = {t for t, v in _facts(result, "hc:former") if v == "true"}
    assert {_label(result, v) for t, v in _facts(result, "hc:tenurePost") if t in ended} == \
        {"министр здравоохранения Омской области"}
    # an acting appointment keeps the post held
    tenures = _tenures(extract_ru("Заместитель министра здравоохранения Омской области Анна Белова назначена "
                                  "исполняющей обязанности министра здравоохранения Омской области."))
    assert ("Анна Белова", "deputy_minister", "region:RU-OMS", False) in tenures, tenures


def test_a_neuter_self_change_verb_has_no_person_subject(extract_ru):
    result = extract_ru("Стало известно, что на должность министра здравоохранения Омской области претендует "
                        "главврач областной больницы Игорь Панин.")
    assert not [e for e in result.entities if e.cls == "Appointment"]
    assert ("Игорь Панин", "chief_physician", "region:RU-OMS", False) in _tenures(result)


def test_a_previous_holder_is_a_former_tenure(extract_ru):
    from test_extract_ru import _facts, _label
    result = extract_ru("Предыдущий министр здравоохранения Омской области Пётр Сидоров ушёл в отставку.")
    assert not _facts(result, "hc:holdsPost")
    assert {_label(result, p) for t, p in _facts(result, "hc:tenureOf")} == {"Пётр Сидоров"}
    assert {v for _, v in _facts(result, "hc:former")} == {"true"}


def test_a_bare_chief_physician_appointed_heads_the_hospital_of_the_sentence_before(extract_ru):
    from test_extract_ru import _facts, _label
    text = ("В Омске сменились руководители двух больниц. Главный врач Омской областной больницы Пётр Сидоров "
            "ушёл на пенсию. Перестановки произошли и в городской больнице № 2. Главным врачом стал Игорь Панин.")
    result = extract_ru(text)
    posts = {_label(result, q) for p, q in _facts(result, "hc:holdsPost") if _label(result, p) == "Игорь Панин"}
    bodies = {_label(result, b) for q, b in _facts(result, "hc:postIn")
              if q in {q for p, q in _facts(result, "hc:holdsPost") if _label(result, p) == "Игорь Панин"}}
    assert bodies and all("городская больница" in b.lower() for b in bodies), (posts, bodies)


@pytest.mark.slow
def test_a_long_facility_name_between_role_and_name(extract_ru):
    result = extract_ru("Главный врач ГБУЗ «Областная клиническая больница № 2 имени А.Б. Сидорова» Пётр Карпов "
                        "провёл совещание.")
    assert any(t[:2] == ("Пётр Карпов", "chief_physician") for t in _tenures(result)), _tenures(result)


@pytest.mark.slow
@pytest.mark.parametrize("text,expected", [
    # the head of a Kazakh region is its akim
    ("По словам главы региона Марата Сейтова, партнерство выгодно Алматинской области.",
     ("Марат Сейтов", "akim", "region:KZ-19")),
    # a district head whose district goes unnamed, in a text about one region
    ("Глава района Виталий Орлов проверил стройку ФАПа в Краснодарском крае.",
     ("Виталий Орлов", "head_of_district", "region:RU-KDA")),
    # 'раис' is the head of a republic
    ("В Казани прошла коллегия Министерства здравоохранения Татарстана, где раис республики Айрат Салихов выступил.",
     ("Айрат Салихов", "head_of_region", "region:RU-TA")),
])
def test_heads_of_places(extract_ru, text, expected):
    result = extract_ru(text)
    assert expected in {t[:3] for t in _tenures(result)}, _tenures(result)


@pytest.mark.slow
def test_a_plural_role_before_a_list_of_names_is_each_ones(extract_ru):
    result = extract_ru("В совещании участвовали депутаты Законодательного собрания Тульской области Иван Петров, "
                        "Анна Сидорова и Олег Орлов.")
    held = {t[0] for t in _tenures(result) if t[1] == "member_of_parliament"}
    assert held == {"Иван Петров", "Анна Сидорова", "Олег Орлов"}, _tenures(result)


@pytest.mark.slow
@pytest.mark.parametrize("text,expected", [
    # the body after the verb is the appointee's description, not the body he heads: the fronted one is
    ("Министерство здравоохранения Курской области возглавил действующий депутат Государственной Думы Олег "
     "Рябинин.", ("Олег Рябинин", "minister", "region:RU-KRS", False)),
    # a fronted body after 'что'
    ("Стало известно, что Омскую областную больницу возглавил уроженец Томска Игорь Гусев.",
     ("Игорь Гусев", "chief_physician", None, False)),
    # a bare acting role in 'в должности …' between the fronted body and the verb: the body's head, acting
    ("Управление здравоохранения Костанайской области в должности исполняющей обязанности руководителя "
     "возглавила Анна Беккер.", ("Анна Беккер", "head", "region:KZ-39", True)),
])
def test_a_body_fronted_before_the_verb_of_heading(extract_ru, text, expected):
    tenures = _tenures(extract_ru(text))
    assert expected in tenures, tenures
    assert not any(t[0] == expected[0] and t[1] == "head" and t[2] is None for t in tenures), tenures


@pytest.mark.slow
def test_a_possessive_deputy_after_a_sentence_of_two_persons_is_nobodys(extract_ru):
    result = extract_ru("Должность главного врача больницы Ивану Соколову предложил губернатор области Андрей "
                        "Никитин. Его заместителю Петру Орлову предложили возглавить районную больницу.")
    assert not any(t[0].startswith(("Пётр", "Петр")) and t[1] == "deputy_governor" for t in _tenures(result))


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "В Центральной районной больнице сменился руководитель. Временно исполняющим обязанности главного врача "
    "назначен заместитель главврача по медчасти Дмитрий Ёлкин.",
    "Городская больница № 2 получила новое оборудование. Его представила замглавврача Анна Сорокина.",
])
def test_a_deputy_chief_physician_is_in_the_one_hospital(extract_ru, text):
    from test_extract_ru import _facts
    result = extract_ru(text)
    deputies = {p for s, p in _facts(result, "hc:holdsPost")
                for q, r in _facts(result, "hc:postRole") if q == p and r.endswith("deputy_head")}
    assert deputies and all(any(q == p for q, _ in _facts(result, "hc:postIn")) for p in deputies), deputies


@pytest.mark.slow
@pytest.mark.parametrize("headline", ["", "Губернатор назвал имя нового министра\n"])
def test_an_unnamed_head_after_its_named_holder_is_no_one_elses(extract_ru, headline):
    result = extract_ru(headline + "Губернатор Пензенской области Иван Белозерцев назвал имя нового министра. «Уверен, что "
                        "его качества помогут», - написал губернатор в своем микроблоге. Прежний глава "
                        "регионального минздрава Владимир Стрючков был уволен 29 апреля.")
    assert not any(t[0] == "Владимир Стрючков" and t[1] == "governor" for t in _tenures(result)), _tenures(result)


@pytest.mark.slow
def test_a_role_after_a_name_across_a_clause_is_not_its(extract_ru):
    result = extract_ru("Это подтвердила сотрудница Минздрава Светлана Новак, по ее словам главврач действительно "
                        "написал заявление.")
    assert not any(t[0] == "Светлана Новак" and t[1] == "chief_physician" for t in _tenures(result))


@pytest.mark.slow
@pytest.mark.parametrize("text,person", [
    ("Московская область. Светлана Орлова, занимавшая пост зампреда правительства Московской области - министра "
     "здравоохранения региона, продолжит работать в кабмине.", "Светлана Орлова"),
    ("На совещании выступила Анна Белова, заместитель председателя правительства Тверской области – министр "
     "здравоохранения региона.", "Анна Белова"),
])
def test_a_combined_dash_title_after_a_name_is_two_posts(extract_ru, text, person):
    held = {(t[1], t[2]) for t in _tenures(extract_ru(text)) if t[0] == person}
    assert {r for r, _ in held} == {"deputy_prime_minister", "minister"} and all(j for _, j in held), held


@pytest.mark.slow
@pytest.mark.parametrize("text,expected", [
    ("В Туле главный педиатр региона Анна Белова рассказала о вакцинации.",
     ("Анна Белова", "chief_specialist", "region:RU-TUL", False)),
    ("Тульская область. Исполнять обязанности главного хирурга области стал заведующий отделением Олег Ракитин.",
     ("Олег Ракитин", "chief_specialist", "region:RU-TUL", True)),
])
def test_chief_specialists_of_a_region(extract_ru, text, expected):
    assert expected in _tenures(extract_ru(text)), _tenures(extract_ru(text))


def test_chief_specialist_is_not_a_chief_physician():
    from kg.extract import lexicon_ru as lex
    assert lex.ROLES[("главный", "хирург")] == "chief_specialist"
    assert lex.ROLES[("главный", "врач")] == "chief_physician"


@pytest.mark.slow
def test_an_unnamed_placed_head_is_the_named_holder_of_the_same_post(extract_ru):
    result = extract_ru("В Тверской области уволен главврач Озёрной больницы\nГубернатор пообщался с главврачом "
                        "Озёрной больницы Андреем Сизовым. После беседы главврач написал заявление.\nЭто "
                        "подтвердила сотрудница министерства Светлана Новикова, заявление принято.")
    assert not any(t[0] == "Светлана Новикова" and t[1] == "chief_physician" for t in _tenures(result)), \
        _tenures(result)


@pytest.mark.slow
@pytest.mark.parametrize("text,expected", [
    ("«В октябре в районе откроются две поликлиники», – проинформировал Жумабеков.\nВ ходе встречи аким также "
     "отметил, что в январе была открыта амбулатория.", ("Жумабеков", "akim")),
    ("В Петербурге открыли поликлинику. По словам Гурова, к концу года откроется ещё один стационар. Губернатор "
     "отметил, что работа продолжится.", ("Гуров", "governor")),
])
def test_an_unnamed_head_after_the_quoted_speaker_is_his(extract_ru, text, expected):
    assert expected in {t[:2] for t in _tenures(extract_ru(text))}, _tenures(extract_ru(text))


@pytest.mark.slow
def test_a_speaker_among_two_persons_is_not_taken(extract_ru):
    text = ("«Работа продолжится», – сказал Жумабеков, отвечая на вопрос Ивана Орлова.\nВ ходе встречи аким также "
            "отметил, что амбулатория открыта.")
    assert not any(t[1] == "akim" for t in _tenures(extract_ru(text)))


@pytest.mark.parametrize("word,no_name", [
    ("Политик", True), ("Вологжанин", True), ("Она", True), ("Осташкове", True),
    ("Куниц", False),       # a noun's genitive plural, and a surname in the nominative
    ("Нур", False), ("Кузнецов", False),
])
def test_a_lone_word_the_dictionary_knows_only_as_a_common_noun_is_no_name(word, no_name):
    from kg.extract.persons import _no_name_word
    assert _no_name_word(word) is no_name


@pytest.mark.slow
def test_a_lone_common_noun_tagged_as_a_person_is_no_person(extract_ru):
    from test_extract_ru import _by_class
    result = extract_ru("Политик заявил, что больница откроется в марте. Главный врач Иван Сомов подтвердил это.")
    persons = set(_by_class(result, "Person"))
    assert "Политик" not in persons and "Иван Сомов" in persons, persons


def _former_holders(result):
    from test_extract_ru import _facts, _label
    former = {t for t, v in _facts(result, "hc:former") if v == "true"}
    return {(_label(result, p), r.split(":")[1]) for t, p in _facts(result, "hc:tenureOf") if t in former
            for t2, post in _facts(result, "hc:tenurePost") if t2 == t
            for q, r in _facts(result, "hc:postRole") if q == post}


@pytest.mark.slow
@pytest.mark.parametrize("text,expected", [
    ("Иван Петров возглавлял Омскую областную больницу с 2010 года.", ("Иван Петров", "chief_physician")),
    ("Ранее Бобров руководил Территориальным фондом обязательного медицинского страхования Орловской области.",
     ("Бобров", "head")),
])
def test_the_imperfective_past_of_heading_is_a_former_post(extract_ru, text, expected):
    result = extract_ru(text)
    assert expected in _former_holders(result)
    assert not [e for e in result.entities if e.cls == "Appointment"]


@pytest.mark.slow
def test_heading_in_the_present_is_a_current_post(extract_ru):
    result = extract_ru("Омской областной больницей руководит Анна Котова.")
    assert ("Анна Котова", "chief_physician", "region:RU-OMS", False) in _tenures(result)
    assert not _former_holders(result)


# --- ruoff5: classes from devnews13-16 ---------------------------------------------------------------------------

@pytest.mark.slow
@pytest.mark.parametrize("text,expected", [
    # a dative role before a dative name (the tagger reads the unknown 'акиму' as a locative)
    ("Об этом акиму Павлодарской области Сергею Кравцову сообщил аким района Арман Жумабеков.",
     ("Сергей Кравцов", "akim", "region:KZ-55", False)),
    ("Об этом министру здравоохранения Курской области Ивану Петрову доложил главный врач Олег Сидоров.",
     ("Иван Петров", "minister", "region:RU-KRS", False)),
    # the head of a region's administration heads the region
    ("Глава администрации Курской области Иван Сидоров посетил больницу.",
     ("Иван Сидоров", "head_of_region", "region:RU-KRS", False)),
    # a state secretary is no secretary, and a national post
    ("Государственный секретарь Республики Казахстан Айгуль Нурланова прибыла в Карагандинскую область.",
     ("Айгуль Нурланова", "state_secretary", "country:KZ", False)),
    # a deputy of a national parliament: the country's, whatever constituency follows
    ("В Москве прошло совещание. В нём участвовал депутат Государственной Думы от Рязанской области Пётр Иванов.",
     ("Пётр Иванов", "member_of_parliament", "country:RU", False)),
    ("Больницу осмотрели мэр Волгограда Олег Лихов и депутат Госдумы Олег Сидоров.",
     ("Олег Сидоров", "member_of_parliament", "country:RU", False)),
    # 'его новый заместитель': the deputy of the post of the person named before
    ("На заседание были приглашены руководитель больницы Михаил Сомов, его новый заместитель Евгений Мельников.",
     ("Евгений Мельников", "deputy_head", None, False)),
])
def test_ruoff5_posts(extract_ru, text, expected):
    assert expected in _tenures(extract_ru(text))


@pytest.mark.slow
def test_an_oblique_role_after_a_preposition_is_not_a_dative_apposition(extract_ru):
    result = extract_ru("О новом акиме области Ерлан Жумабеков рассказал журналистам.")
    assert not _tenures(result)


@pytest.mark.slow
def test_acting_by_infinitive_and_future_copula_is_the_person_after_it(extract_ru):
    result = extract_ru("Как сообщила пресс-секретарь губернатора Омской области Анна Петрова, исполнять обязанности "
                        "министра здравоохранения региона будет первый заместитель Игорь Смирнов.")
    tenures = _tenures(result)
    assert ("Игорь Смирнов", "minister", "region:RU-OMS", True) in tenures
    assert not any(t[0] == "Анна Петрова" and t[1] == "minister" for t in tenures), tenures


@pytest.mark.slow
def test_the_past_of_byt_with_an_instrumental_role_is_a_former_post(extract_ru):
    result = extract_ru("Ранее Олег Петров был руководителем агентства. Теперь его место займет Анна Белова, "
                        "которая ранее была министром здравоохранения России.")
    former = _former_holders(result)
    assert ("Анна Белова", "minister") in former, former
    assert not [e for e in result.entities if e.cls == "Appointment"]


@pytest.mark.slow
@pytest.mark.parametrize("text,expected", [
    ("Об этом сообщил первый замглавы Хворостянского района Александр Адоевский.",
     ("Александр Адоевский", "deputy_head_of_district", "settlement:хворостянский район", False)),
    ("На встрече был заместитель главы администрации Волгодонского района Иван Сомов.",
     ("Иван Сомов", "deputy_head_of_district", "settlement:волгодонский район", False)),
    ("Глава района Олег Котов и его заместитель Анна Белова осмотрели больницу.",
     ("Анна Белова", "deputy_head_of_district", None, False)),
    # a bare deputy of a one-holder post named just before: that post's deputy
    ("По поручению акима города Алматы Бакыта Сагинова заместитель акима Ержан Бабаков провел встречу.",
     ("Ержан Бабаков", "deputy_akim", "region:KZ-75", False)),
    ("Губернатор Курской области Иван Петров посетил больницу. Вместе с ним был заместитель губернатора Олег "
     "Котов.", ("Олег Котов", "deputy_governor", "region:RU-KRS", False)),
])
def test_ruoff5_deputies(extract_ru, text, expected):
    assert expected in _tenures(extract_ru(text))


@pytest.mark.slow
def test_a_possibility_to_perform_duties_is_no_tenure(extract_ru):
    result = extract_ru("Министр здравоохранения Омской области Анна Котова подала в отставку в связи с "
                        "невозможностью исполнять обязанности главы ведомства.")
    assert not any(t[3] for t in _tenures(result)), _tenures(result)


@pytest.mark.slow
@pytest.mark.parametrize("text,expected", [
    # 'аким города' / 'глава города' with no name: the one city the text names
    ("Медицинский автопарк мегаполиса пополнился. В церемонии принял участие аким города Ерлан Жумабеков. "
     "Население Шымкента растет.", ("Ерлан Жумабеков", "akim", "region:KZ-79", False)),
    ("Присутствовавший на открытии больницы в Волгограде глава города Виктор Хрестов подчеркнул значение проекта.",
     ("Виктор Хрестов", "mayor", "settlement:волгоград", False)),
    # a Kazakh agency is national
    ("Председатель Агентства по делам госслужбы Айгуль Жанова рассказала о реформе. Зарплаты в тенге выросли.",
     ("Айгуль Жанова", "chair", "country:KZ", False)),
])
def test_ruoff5_places(extract_ru, text, expected):
    assert expected in _tenures(extract_ru(text))


@pytest.mark.slow
def test_an_unnamed_head_is_the_speaker_closing_the_next_quotation(extract_ru):
    result = extract_ru("В Талдыкоргане открыли больницу. Горожан поздравил аким области. - Очень большое внимание "
                        "уделяется здравоохранению. Бюджет отрасли вырос в сто раз. Мы закупили новые машины, - "
                        "рассказал Алтай Нурбеков. Стоит отметить, что в больнице будут работать 200 врачей.")
    assert any(t[0] == "Алтай Нурбеков" and t[1] == "akim" for t in _tenures(result)), _tenures(result)


@pytest.mark.slow
def test_a_clipped_deputy_title_after_the_change_verb_is_the_post_given(extract_ru):
    result = extract_ru("Министр здравоохранения Красноярского края покинул пост. В сентябре этого года Алексея "
                        "Коновалова назначили замминистра здравоохранения.")
    assert ("Алексей Коновалов", "deputy_minister", "region:RU-KYA", False) in _tenures(result)
    assert any(e.cls == "Appointment" for e in result.entities)


@pytest.mark.slow
def test_the_agency_word_refers_to_the_ministry_not_to_the_quoted_outlet(extract_ru):
    result = extract_ru("Президент Касым-Жомарт Токаев освободил от должности министра здравоохранения Казахстана "
                        "Олжаса Нуриева.\n\nВ пресс-службе Министерства здравоохранения Казахстана подтвердили, что "
                        "вице-министр Марат Есенов стал исполняющим обязанности главы ведомства, передает Tengri.kz"
                        "\n\nВ январе он был назначен вице-министром ведомства.")
    tenures = _tenures(result)
    assert ("Марат Есенов", "minister", "country:KZ", True) in tenures, tenures
    assert all(t[2] == "country:KZ" for t in tenures if t[0] == "Марат Есенов"), tenures


@pytest.mark.slow
@pytest.mark.parametrize("text,expected", [
    ("Об этом на совещании сообщил руководитель управления строительства, архитектуры и градостроительства "
     "Ержан Мусин.", ("Ержан Мусин", "head")),
    ("Об этом сообщил министр труда, занятости и социальной защиты Омской области Иван Петров.",
     ("Иван Петров", "minister")),
])
def test_a_listed_portfolio_joins_the_role_to_the_name(extract_ru, text, expected):
    assert expected in {t[:2] for t in _tenures(extract_ru(text))}


@pytest.mark.slow
def test_a_list_of_roles_is_not_a_listed_portfolio(extract_ru):
    tenures = _tenures(extract_ru("На встрече губернатора области, министра здравоохранения и главы района Ивана "
                                  "Петрова обсудили больницу."))
    assert {t[1] for t in tenures} == {"head_of_district"}, tenures


@pytest.mark.slow
def test_a_bare_deputy_is_the_deputy_of_the_head_named_before_in_the_sentence(extract_ru):
    result = extract_ru("Министр здравоохранения Омской области ушел в отставку. Исполнять обязанности министра "
                        "здравоохранения региона будет нынешний первый заместитель Андрей Сухов. А до этого времени "
                        "и.о министра будет другой первый заместитель Елена Шилова.")
    tenures = _tenures(result)
    assert ("Андрей Сухов", "deputy_minister", "region:RU-OMS", False) in tenures, tenures
    assert ("Елена Шилова", "deputy_minister", "region:RU-OMS", False) in tenures, tenures


@pytest.mark.slow
def test_a_bare_deputy_after_another_head_is_not_the_governors(extract_ru):
    tenures = _tenures(extract_ru("Губернатор встретился с главврачом больницы Иваном Петровым и заместителем "
                                  "Анной Беловой."))
    assert not any(t[0] == "Анна Белова" for t in tenures), tenures


@pytest.mark.slow
@pytest.mark.parametrize("text,expected", [
    ("В настоящее время исполняющим обязанности министра здравоохранения Ростовской области стал замминистра по "
     "лечебной работе Александр Кратов.", ("Александр Кратов", "minister", "region:RU-ROS", True)),
    ("С 30 сентября в статусе и. о. главврача БУЗОО «Городская поликлиника № 15» утверждена Ольга Наумкина, ранее "
     "пребывавшая замруководителя по медицинской части этого учреждения.", ("Ольга Наумкина", "chief_physician",
                                                                           None, True)),
])
def test_a_clipped_title_describing_the_appointee_is_not_the_post_given(extract_ru, text, expected):
    assert expected in _tenures(extract_ru(text))


@pytest.mark.slow
@pytest.mark.parametrize("text,expected", [
    ("В Москве прошла встреча. Министр здравоохранения Иван Петров рассказал о реформе.",
     ("Иван Петров", "minister", "country:RU", False)),
    ("В Омске прошла встреча. Министр здравоохранения Иван Петров рассказал о реформе.",
     ("Иван Петров", "minister", "region:RU-OMS", False)),
])
def test_a_federal_city_has_no_ministers(extract_ru, text, expected):
    assert expected in _tenures(extract_ru(text))


@pytest.mark.slow
@pytest.mark.parametrize("text,expected", [
    ("Министр здравоохранения Омской области ушел в отставку. А до этого времени и.о министра будет другой первый "
     "заместитель Елена Шилова.", ("Елена Шилова", "minister", "region:RU-OMS", True)),
    ("Врио главного врача областной больницы станет Ирина Котова.", ("Ирина Котова", "chief_physician", None, True)),
])
def test_an_acting_role_with_a_future_copula_names_the_person_after_it(extract_ru, text, expected):
    assert expected in _tenures(extract_ru(text))


@pytest.mark.slow
def test_a_village_and_its_district_adjective_are_no_person(extract_ru):
    result = extract_ru("Медпункты в селах Байтурасай и Аккайын Мартукского района, Кожасай Мугалжарского, Каратогай "
                        "и Шокысу Шалкарского районов будут введены до конца года. Аким района Ерлан Жумабеков "
                        "осмотрел стройку.")
    persons = {e.key for e in result.entities if e.cls == "Person"}
    assert not any("мугалжар" in p or "шалкар" in p for p in persons), persons
    assert any("жумабеков" in p for p in persons), persons


@pytest.mark.slow
def test_a_bare_ministry_in_a_federal_city_is_the_countrys(extract_ru):
    result = extract_ru("В Москве прошла встреча. Глава Минздрава Иван Петров рассказал о реформе.")
    assert ("Иван Петров", "minister", "country:RU", False) in _tenures(result)
