"""Kazakh extraction through the real Kazakh pipeline (shipped model), and one resource across languages."""
import pytest

from kg.build import assemble, process
from kg.iris import entity_iri
from kg.sources import make_article

pytestmark = pytest.mark.slow


def _run(text, lang="kk", ident="t"):
    return process(make_article(ident, f"{ident}.txt", text, language=lang))


def _by_class(result, *classes):
    return {dict(e.labels).get("kk") or dict(e.labels).get("ru"): e for e in result.entities if e.cls in classes}


def _facts(result, key):
    return {(f.prop, f.value) for f in result.facts if f.subject == key}


def test_kazakh_official_with_jurisdiction():
    result = _run("Алматы қаласының әкімі Ерболат Досаев жаңа емхананы аралады.")
    posts = [e for e in result.entities if e.cls == "Post"]
    assert len(posts) == 1
    facts = _facts(result, posts[0].key)
    assert ("hc:postRole", "Role:akim") in facts and ("hc:jurisdiction", "region:KZ-75") in facts
    assert "Ерболат Досаев" in _by_class(result, "Person")


def test_kazakh_seed_article():
    from pathlib import Path
    from kg.sources import read_articles

    [article] = [a for a in read_articles([Path(__file__).parent.parent / "seeds"]) if a.language == "kk"]
    result = process(article)
    places = {e.key for e in result.entities if e.cls == "Region"}
    assert "region:KZ-79" in places
    facilities = _by_class(result, "HealthcareFacility")
    assert {"көпсалалы аурухана", "емхана", "перинаталдық орталық"} <= set(facilities)
    hospital = _facts(result, facilities["көпсалалы аурухана"].key)
    assert ("hc:count", "5") in hospital and ("hc:facilityStatus", "FacilityStatus:modernized") in hospital
    assert ("hc:minCount", "20") in _facts(result, facilities["емхана"].key)
    bodies = _by_class(result, "GovernmentBody")
    dept = next(e for label, e in bodies.items() if label.startswith("Қалалық денсаулық сақтау басқармасы"))
    assert ("hc:jurisdiction", "region:KZ-79") in _facts(result, dept.key)
    names = {label for e in result.entities for _, label in e.labels if e.cls in ("Person", "Organization")}
    assert not names & {"өз Жолдауында", "Бүгінде Шымкент", "Президент"}


def test_one_resource_across_languages():
    ru = _run("Аким Шымкента Габит Сыздыкбеков рассказал, что управление здравоохранения города Шымкента "
              "открыло новый центр.", "ru", "ru")
    kk = _run("Шымкент қаласының әкімі Ғабит Сыздықбеков пен қалалық денсаулық сақтау басқармасы жаңа "
              "орталықты ашты.", "kk", "kk")
    ds, graph = assemble([ru, kk])
    persons = {e.key for r in (ru, kk) for e in r.entities if e.cls == "Person"}
    assert len(persons) == 1
    posts = {e.key for r in (ru, kk) for e in r.entities if e.cls == "Post"}
    assert len(posts) == 1                        # 'аким Шымкента' = 'Шымкент қаласының әкімі' 
    bodies = {e.key for r in (ru, kk) for e in r.entities if e.cls == "GovernmentBody"}
    assert "org:управление здравоохранения region:kz-79" in bodies
    from rdflib.namespace import RDFS
    shymkent = {(l.language, str(l)) for l in graph.objects(entity_iri("region:KZ-79"), RDFS.label)}
    assert {("kk", "Шымкент"), ("ru", "Шымкент"), ("en", "Shymkent")} <= shymkent
    dept = {(l.language, str(l)) for l in graph.objects(entity_iri("org:управление здравоохранения region:kz-79"), RDFS.label)}
    assert {lang for lang, _ in dept} == {"ru", "kk"}


# --- pattern tables --------------------------------------------------------------------------------------

def test_kazakh_pattern_tables_load_and_use_concepts():
    from kg.concepts import EVENT_KINDS, ROLES
    from kg.patterns import load_all
    tables = load_all("kk")
    assert {"roles", "acting", "appointment", "events", "event_verbs", "facility_heads", "statuses",
            "months"} <= set(tables)
    assert tables["roles"].values() <= set(ROLES) and tables["events"].values() <= set(EVENT_KINDS)
    assert tables["roles"].as_dict()[("әкім", "орынбасар")] == "deputy_akim"


@pytest.mark.parametrize("change, message", [
    (lambda d: d["entries"].append({"words": ["әкімм"], "value": "akimm"}), "'akimm' is not a Role"),
    (lambda d: d.update(concept="Rol"), "unknown concept class 'Rol'"),
    (lambda d: d.update(match="fuzzy"), '"match" must be one of'),
    (lambda d: d["entries"].append({"words": ["әкім"], "value": "akim"}), "duplicate words"),
    (lambda d: d["entries"].append({"words": ["бас"], "value": "head", "level": 1}), "field 'level' is not declared"),
    (lambda d: d["entries"].append({"words": [], "value": "head"}), "non-empty list"),
])
def test_a_broken_table_fails_at_load_naming_file_and_entry(tmp_path, change, message):
    import json
    from kg.patterns import PatternError, parse
    data = {"table": "roles", "concept": "Role", "match": "stem",
            "entries": [{"words": ["әкім"], "value": "akim"}]}
    change(data)
    path = tmp_path / "roles.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(PatternError) as err:
        parse(path, "kk")
    assert str(path) in str(err.value) and message in str(err.value)


# --- person keys across spellings ------------------------------------------------------------------------

@pytest.mark.parametrize("kazakh, russian", [
    ("Ақмарал Сейітова", "Акмарал Сейтова"), ("Нұрлыбек Нәлібаев", "Нурлыбек Налибаев"),
    ("Ақмарал Әлназарова", "Акмарал Альназарова"), ("Ажар Ғиният", "Ажар Гиният"),
    ("Нұрлан Ұранхаев", "Нурлан Уранхаев"), ("Серік Жанайұлы Ахметов", "Серик Жанаевич Ахметов"),
])
def test_person_key_meets_across_spellings_both_ways(kazakh, russian):
    from kg.extract.persons import person_key
    assert person_key(kazakh.split()) == person_key(russian.split())
    assert person_key(list(reversed(russian.split()))) == person_key(kazakh.split())


def test_person_keys_stay_stable_for_names_that_already_matched():
    from kg.extract.persons import person_key
    assert person_key(["Игорь", "Артамонов"]) == "person:артамонов игорь"
    assert person_key(["Ерболат", "Досаев"]) == "person:досаев ерболат"
    assert person_key(["Ғабит", "Сыздықбеков"]) == "person:габит сыздыкбеков"
    assert person_key(["Иван", "Петров"]) != person_key(["Иван", "Петрова"])


# --- dates -----------------------------------------------------------------------------------------------

def test_kazakh_dates():
    from kg.extract.dates import DateSpan  # noqa: F401
    from kg.extract.dates import find_dates_kk
    from kg.extract.lexicon import load_lexicon
    lex = load_lexicon("kk")
    text = "2026 жылғы 19 ақпанда ашылды. 3 наурыз күні кездесті. Келісім 19.02.2025 жасалды. 28 желтоқсанда өтті."
    found = [(text[d.begin:d.end], d.start) for d in find_dates_kk(text, 2026, lex, "2026-03-10")]
    assert ("2026 жылғы 19 ақпанда", "2026-02-19") in found
    assert ("3 наурыз", "2026-03-03") in found
    assert ("19.02.2025", "2025-02-19") in found
    assert ("28 желтоқсанда", "2025-12-28") in found          # no year: the latest such date before the article


# --- officials, names, events through the real pipeline -----------------------------------------------------

def _posts(result):
    out = {}
    for e in result.entities:
        if e.cls == "Post":
            facts = _facts(result, e.key)
            role = next(v for p, v in facts if p == "hc:postRole")
            juris = next((v for p, v in facts if p == "hc:jurisdiction"), None)
            out[role] = (juris, e)
    return out


def _tenures(result):
    return {(next(v for p, v in _facts(result, e.key) if p == "hc:tenureOf"),
             next(v for p, v in _facts(result, e.key) if p == "hc:acting")) for e in result.entities
            if e.cls == "Tenure"}


def test_kazakh_officials_roles_jurisdiction_acting():
    result = _run("Жамбыл облысының әкімі Ерлан Қарақұлов ауруханаға барды. Облыс әкімінің орынбасары "
                  "Бауыржан Омаров пен облыстық денсаулық сақтау басқармасының басшысы Асқар Жұмабеков "
                  "жиналысқа қатысты. Облыс әкімінің міндетін атқарушы Ерлан Сейітов мәлімдеме жасады.")
    posts = _posts(result)
    assert posts["Role:akim"][0] == "region:KZ-31"
    assert posts["Role:deputy_akim"][0] == "region:KZ-31"          # bare 'облыс': the article's region
    assert posts["Role:head"][0] == "region:KZ-31"                 # 'облыстық … басқармасының басшысы'
    tenures = _tenures(result)
    persons = {dict(e.labels)["kk"]: e.key for e in result.entities if e.cls == "Person"}
    assert (persons["Ерлан Сейітов"], "true") in tenures and (persons["Ерлан Қарақұлов"], "false") in tenures


def test_kazakh_minister_is_national_and_appointee_found():
    result = _run("Денсаулық сақтау министрі Ақмарал Сейітова жаңа орталыққа барды. Бұрынғы вице-министр "
                  "Айгүл Омарованың ұлттық орталықтың директоры қызметіне тағайындалғаны белгілі болды.")
    posts = _posts(result)
    assert posts["Role:minister"][0] == "country:KZ"
    persons = {dict(e.labels)["kk"]: e.key for e in result.entities if e.cls == "Person"}
    director = posts["Role:director"][1].key
    holders = {f.subject for f in result.facts if f.prop == "hc:holdsPost" and f.value == director}
    assert holders == {persons["Айгүл Омарова"]}


def test_patronymic_form_is_the_same_person():
    result = _run("Абай облысының әкімі Нұрлан Сейітов ауруханаға барды. Нұрлан Болатұлы дәрігерлермен "
                  "кездесті. Ажар Ғиният та келді. Ажар Ғиниятқызының сөзінше, жұмыс жалғасады.")
    labels = {label for e in result.entities if e.cls == "Person" for _, label in e.labels}
    assert {"Нұрлан Сейітов", "Ажар Ғиният"} <= labels
    assert not labels & {"Нұрлан Болатұлы", "Ажар Ғиниятқызы", "Нұрлан", "Ажар"}
    assert len([e for e in result.entities if e.cls == "Person"]) == 2


def test_kazakh_and_russian_spellings_are_one_person():
    kk = _run("Денсаулық сақтау министрі Ақмарал Әлназарова жаңа ауруханаға барды.", "kk", "kk")
    ru = _run("Министр здравоохранения Акмарал Альназарова посетила новую больницу.", "ru", "ru")
    persons = {e.key for r in (kk, ru) for e in r.entities if e.cls == "Person"}
    assert len(persons) == 1


def test_kazakh_events_with_participants_place_and_date():
    result = _run("Абай облысының әкімі Нұрлан Сейітов 2026 жылғы 19 ақпанда Денсаулық сақтау министрі "
                  "Ажар Ғиниятпен кездесті. Семей қаласында жаңа емхананың ашылу салтанаты өтті.")
    events = {next(v for p, v in _facts(result, e.key) if p == "hc:eventType"): e for e in result.entities
              if e.cls == "Event"}
    meeting = _facts(result, events["EventKind:meeting"].key)
    assert ("hc:startDate", "2026-02-19") in meeting
    assert len([1 for p, _ in meeting if p == "hc:participant"]) == 2
    opening = _facts(result, events["EventKind:opening"].key)
    assert any(p == "hc:eventPlace" for p, _ in opening)


def test_named_facility_keeps_its_name():
    result = _run("Қызылорда облысында «Шұғыла» ауруханасы ашылды. Облыста 3 жаңа емхана салынуда.")
    labels = {dict(e.labels).get("kk", ""): e for e in result.entities
              if e.cls in ("HealthcareFacility", "Facility")}
    assert any("Шұғыла" in label for label in labels)
    clinic = next(e for label, e in labels.items() if label.endswith("емхана"))
    assert ("hc:count", "3") in _facts(result, clinic.key)


def test_an_unnamed_facility_in_a_region_is_its_articles_own():
    """Two articles' 'дәрігерлік амбулатория' in one region are two buildings; a named one is one resource."""
    text = "Қызылорда облысында дәрігерлік амбулатория ашылды. Облыста «Шұғыла» ауруханасы да жөнделді."
    keys = []
    for ident in ("a", "b"):
        result = _run(text, ident=ident)
        keys.append({dict(e.labels).get("kk", ""): e.key for e in result.entities
                     if e.cls in ("HealthcareFacility", "Facility")})
    generic = [label for label in keys[0] if "амбулатория" in label]
    named = [label for label in keys[0] if "Шұғыла" in label]
    assert generic and named
    assert keys[0][generic[0]] != keys[1][generic[0]]
    assert keys[0][named[0]] == keys[1][named[0]]


def test_kazakh_appointment_and_dismissal():
    result = _run("2026 жылғы 19 ақпанда Ерлан Қарақұлов Жамбыл облысының әкімі болып тағайындалды. "
                  "Асқар Омаров облыс әкімінің орынбасары қызметінен босатылды.")
    changes = {e.cls: e for e in result.entities if e.cls in ("Appointment", "Dismissal")}
    assert set(changes) == {"Appointment", "Dismissal"}
    appointment = _facts(result, changes["Appointment"].key)
    assert ("hc:startDate", "2026-02-19") in appointment
    persons = {dict(e.labels)["kk"]: e.key for e in result.entities if e.cls == "Person"}
    assert ("hc:concernsPerson", persons["Ерлан Қарақұлов"]) in appointment
    assert ("hc:concernsPerson", persons["Асқар Омаров"]) in _facts(result, changes["Dismissal"].key)


def test_kazakh_surname_in_uly_is_a_person_of_its_own():
    """'Самат Қайырденұлы' with no other name of the article to join is a full name, not a dropped patronymic."""
    result = _run("Жиынға облыс әкімі Самат Қайырденұлы қатысты.")
    assert "Самат Қайырденұлы" in _by_class(result, "Person")


def test_kazakh_date_forms_come_from_the_pattern_table():
    from kg.extract.dates import dates_in
    from kg.extract.lexicon import load_lexicon
    from kg.patterns import load_table
    lex = load_lexicon("kk")
    assert {"жылғы", "ж."} <= set(lex.YEAR_BEFORE) and "ші" in lex.ORDINAL_ENDINGS
    assert set(lex.MONTHS) == load_table("kk", "months").words()
    text = "Орталық 19-шы ақпанда ашылды, ал келісім 5 наурыз 2024 жылы жасалды."
    found = [(text[d.begin:d.end], d.start) for d in dates_in(text, 2026, "2026-03-10", lex)]
    assert found == [("19-шы ақпанда", "2026-02-19"), ("5 наурыз 2024 жылы", "2024-03-05")]


def test_post_chain_stops_at_an_oblique_noun():
    """A noun in the dative / locative before a place is the sentence's adverbial, not a word of the post
    ('Ашылу салтанатына | Жамбыл облысы әкімінің орынбасары')."""
    result = _run("Жаңа емхана ашылды. Ашылу салтанатына Жамбыл облысы әкімінің орынбасары Ерлан Мұратов "
                  "қатысты. Шараға Талас ауданының әкімі Серік Бекұлы келді.")
    posts = set(_by_class(result, "Post"))
    assert {"Жамбыл облысы әкімінің орынбасары", "Талас ауданының әкімі"} <= posts
    assert not [p for p in posts if p.lower().startswith(("ашылу", "шараға"))]


def test_opening_verb_with_its_facility_is_an_event_and_a_ceremony_joins_it():
    """'… ауылында дәрігерлік амбулатория ашылды' names no person and no date: the facility makes it an
    opening; the persons of 'Салтанатты жиынға Х қатысты' take part in that opening, no meeting of its own."""
    result = _run("Бүгін Талас ауданындағы Ақтоғай ауылында жаңа дәрігерлік амбулатория ашылды. Салтанатты "
                  "жиынға облыс әкімі Серік Бекұлы қатысып, тұрғындарды құттықтады.")
    events = [e for e in result.entities if e.cls == "Event"]
    assert len(events) == 1
    facts = _facts(result, events[0].key)
    assert ("hc:eventType", "EventKind:opening") in facts
    person = _by_class(result, "Person")["Серік Бекұлы"].key
    assert ("hc:participant", person) in facts


def test_opening_verb_without_a_facility_is_no_event():
    result = _run("Ауылда жаңа жол ашылды.")
    assert not [e for e in result.entities if e.cls == "Event"]


def test_facility_with_a_medical_noun_or_compound_before_its_head():
    """A medical noun or hyphenated compound before 'орталық' makes it a medical centre ('инсульт орталығы',
    '«…» медицина-сауықтыру орталығы'); '-ді' adjectives qualify a head ('көпбейінді аурухана'); 'пунк' is
    'пункт' without its final letter; 'емдеу-профилактикалық мекеме' is a medical institution."""
    result = _run("Ақтоғай ауылында «Шипа» медицина-сауықтыру орталығы ашылды. Талас қаласының инсульт "
                  "орталығына барды. Қалада 300 орынға арналған көпбейінді аурухана салынуда. Ауылда медициналық "
                  "пунк салынып жатыр. Жаңа емдеу-профилактикалық мекемесі ашылды. Қаладағы сауда орталығы жабылды.")
    labels = set(_by_class(result, "HealthcareFacility"))
    assert {"«Шипа» медицина-сауықтыру орталық", "инсульт орталық", "көпбейінді аурухана", "медициналық пунк",
            "емдеу-профилактикалық мекеме"} <= labels
    assert not [label for label in labels if "сауда" in label]



def test_post_in_apposition_after_the_name():
    """A speaker's caption 'Х Ү, Жамбыл облысының әкімі:' gives the name before the comma that post."""
    result = _run("Ауруханаға жаңа құрылғы келді.\nЕрлан Мұратов, Жамбыл облысының әкімі:\nБіз көп жұмыс атқардық.")
    person = _by_class(result, "Person")["Ерлан Мұратов"]
    [post] = [e for e in result.entities if e.cls == "Post"]
    assert ("hc:holdsPost", post.key) in _facts(result, person.key)
    assert ("hc:jurisdiction", "region:KZ-31") in _facts(result, post.key)


def test_head_of_state_is_the_president():
    result = _run("Мемлекет басшысы Ерлан Мұратов жаңа ауруханаға барды.")
    [post] = [e for e in result.entities if e.cls == "Post"]
    assert {("hc:postRole", "Role:president"), ("hc:jurisdiction", "country:KZ")} <= _facts(result, post.key)


def test_bare_role_takes_the_one_jurisdiction_the_article_names_for_it():
    """'әкім Х' with no chain is the post the article names with its place ('Жамбыл облысы әкімінің
    жұмысы'), when it names one place for that role only."""
    one = _run("Жамбыл облысы әкімінің жұмысы жақсы бағаланды. Бұл әкім Серік Бекұлының еңбегі, деді министр.")
    [post] = [e for e in one.entities if e.cls == "Post" and ("hc:postRole", "Role:akim") in _facts(one, e.key)]
    assert ("hc:jurisdiction", "region:KZ-31") in _facts(one, post.key)
    two = _run("Жамбыл облысы әкімінің және Талас ауданы әкімінің жұмысы жақсы бағаланды. Бұл әкім Серік "
               "Бекұлының еңбегі, деді министр.")
    posts = [e for e in two.entities if e.cls == "Post" and ("hc:postRole", "Role:akim") in _facts(two, e.key)]
    assert posts and not any(p for p in posts if any(f[0] == "hc:jurisdiction" for f in _facts(two, p.key)))


def test_programme_named_by_its_quoted_title():
    """'«…» ұлттық жобасы аясында': a programme, labelled with its title; a bare 'жоба' is none."""
    result = _run("Бүгін «Ауылға дәрігер» ұлттық жобасы аясында Ақтоғай ауылында фельдшерлік-акушерлік пункт "
                  "ашылды. Бұл жоба аясында көп жұмыс атқарылды.")
    programmes = [e for e in result.entities if e.cls == "Event" and
                  ("hc:eventType", "EventKind:programme") in _facts(result, e.key)]
    assert [dict(e.labels).get("kk") for e in programmes] == ["«Ауылға дәрігер» ұлттық жобасы"]


def test_unnamed_role_in_an_event_is_the_articles_holder_of_that_post():
    """'өңір басшысы … кездесті': the region's head, named with his post earlier in the article, takes part."""
    result = _run("Жамбыл облысының әкімі Ерлан Мұратов жаңа тапсырма берді. Кейін өңір басшысы аудан "
                  "дәрігерлерімен кездесті.")
    person = _by_class(result, "Person")["Ерлан Мұратов"].key
    events = [e for e in result.entities if e.cls == "Event"]
    assert len(events) == 1 and ("hc:participant", person) in _facts(result, events[0].key)


def test_a_date_before_the_post_is_not_part_of_it():
    result = _run("2023 жылы Талас ауданының әкімі Серік Бекұлы қызметінен босатылған болатын.")
    assert "Талас ауданының әкімі" in _by_class(result, "Post")


def test_a_change_told_twice_and_the_successor_in_his_place():
    """'… ауруханасының бас дәрігері қызметінен босатылды' (nobody named) and 'Х директор қызметінен
    босатылды' are one dismissal: Х held that post; 'Оның орнына уақытша атқарушы ретінде Ү тағайындалды':
    Ү holds it, acting."""
    result = _run("Таразда орталық қалалық ауруханасының бас дәрігері қызметінен босатылды. Мәліметке сүйенсек, "
                  "Серік Бекұлы 2025 жылдың 1 қазанынан бастап директор қызметінен босатылды. Оның орнына уақытша "
                  "атқарушы ретінде Ерлан Мұратов тағайындалды.")
    persons = _by_class(result, "Person")
    chief = [e.key for e in result.entities if e.cls == "Post" and
             ("hc:postRole", "Role:chief_physician") in _facts(result, e.key)]
    assert len(chief) == 1
    tenures = {(dict(_facts(result, t.key))["hc:tenureOf"], dict(_facts(result, t.key))["hc:acting"])
               for t in result.entities if t.cls == "Tenure" and ("hc:tenurePost", chief[0]) in _facts(result, t.key)}
    assert tenures == {(persons["Серік Бекұлы"].key, "false"), (persons["Ерлан Мұратов"].key, "true")}


def test_hyphenated_emergency_post():
    result = _run("Талас ауданының әкімі Серік Бекұлы жедел-жәрдем бекетінде дәрігерлермен кездесті.")
    assert "жедел-жәрдем бекет" in _by_class(result, "HealthcareFacility")


def test_a_bare_head_is_the_articles_one_facility_of_its_kind():
    """'… көпбейінді аурухана ашылды. Ауруханаға жаңа құрылғылар әкелінді': one hospital, not two."""
    result = _run("Талас ауданында жаңа көпбейінді аурухана ашылды. Ауруханаға жаңа құрылғылар әкелінді.")
    assert list(_by_class(result, "HealthcareFacility")) == ["көпбейінді аурухана"]


def test_opening_verb_with_plural_facilities_is_a_tally_not_an_event():
    result = _run("Қаланың шет аймақтарында жаңа амбулаториялар ашылып, тұрғындар көмек алды.")
    assert not [e for e in result.entities if e.cls == "Event"]


def test_head_of_a_place_is_its_akim():
    """'Түркістан облысының басшысы Х', 'аудан басшысы Х', 'Аймақ жетекшісі': the head of a region or district
    with no body named is its akim; the head of a body stays its head."""
    result = _run("Түркістан облысының басшысы Ерлан Мұратов ауруханаға барды. Аудан басшысы Серік Бекұлы "
                  "сөз сөйледі. Облыстық денсаулық сақтау басқармасының басшысы Асқар Жұмабеков қатысты.")
    posts = {dict(e.labels).get("kk"): _facts(result, e.key) for e in result.entities if e.cls == "Post"}
    assert ("hc:postRole", "Role:akim") in posts["Түркістан облысының басшысы"]
    assert ("hc:jurisdiction", "region:KZ-61") in posts["Түркістан облысының басшысы"]
    assert ("hc:postRole", "Role:akim") in posts["Аудан басшысы"]
    assert ("hc:postRole", "Role:head") in posts["Облыстық денсаулық сақтау басқармасының басшысы"]
    leader = _run("Жамбыл облысының әкімі Ерлан Мұратов ауруханаға келді. Аймақ жетекшісі дәрігерлермен кездесті.")
    person = _by_class(leader, "Person")["Ерлан Мұратов"].key
    [event] = [e for e in leader.entities if e.cls == "Event"]
    assert ("hc:participant", person) in _facts(leader, event.key)


def test_a_name_made_of_a_past_verb_is_whole():
    result = _run("Түркістан облысының әкімі Дархан Сатыбалды ауруханаға барды.")
    assert "Дархан Сатыбалды" in _by_class(result, "Person")


def test_regional_branch_of_a_body_keeps_its_parent_and_region():
    """'… комитетінің Жамбыл облысы бойынша департаменті басшысы Х', 'Жамбыл облысының
    санитариялық-эпидемиологиялық бақылау департаменті', '«…» КеАҚ Жамбыл облысы бойынша филиалы': one body
    each, named whole, in the region; its head holds a post there. A lower-case 'аппарат мәжілісі' after a
    clause is a meeting, no body."""
    result = _run("Жиынға Сапа бақылау комитетінің Жамбыл облысы бойынша департаменті басшысы Н.Серікова, Жамбыл "
                  "облысының санитариялық-эпидемиологиялық бақылау департаменті басшысы М.Ерланов, «Ақ жол "
                  "қоры» КеАҚ Жамбыл облысы бойынша филиалы басшысы А.Бекова қатысты. Бұл туралы облыс әкімі "
                  "Ерлан Мұратовтың төрағалығымен өткен аппарат мәжілісінде айтылды.")
    bodies = {dict(e.labels).get("kk"): e for e in result.entities if e.cls in ("GovernmentBody", "Organization")}
    for label in ("Сапа бақылау комитетінің Жамбыл облысы бойынша департаменті",
                  "Жамбыл облысының санитариялық-эпидемиологиялық бақылау департаменті",
                  "«Ақ жол қоры» КеАҚ Жамбыл облысы бойынша филиалы"):
        assert ("hc:jurisdiction", "region:KZ-31") in _facts(result, bodies[label].key), label
    assert bodies["«Ақ жол қоры» КеАҚ Жамбыл облысы бойынша филиалы"].cls == "Organization"
    assert not [label for label in bodies if "мәжіліс" in label]
    persons = _by_class(result, "Person")     # an initial glued to the surname: label 'Н. Серікова' (as written: altLabel)
    for name in ("Н. Серікова", "М. Ерланов", "А. Бекова"):
        [post] = [v for p, v in _facts(result, persons[name].key) if p == "hc:holdsPost"]
        assert {("hc:postRole", "Role:head"), ("hc:jurisdiction", "region:KZ-31")} <= _facts(result, post), name


def test_post_after_a_dash_glued_to_the_name():
    result = _run("Ауруханаға жаңа құрылғы келді.\n\nЕрлан Мұратов- Жамбыл облысының әкімі.\n\nБіз көп жұмыс атқардық.")
    person = _by_class(result, "Person")["Ерлан Мұратов"]
    [post] = [v for p, v in _facts(result, person.key) if p == "hc:holdsPost"]
    assert {("hc:postRole", "Role:akim"), ("hc:jurisdiction", "region:KZ-31")} <= _facts(result, post)


def test_ribbon_and_put_into_use_open_a_facility_with_the_akim():
    """'… емхана қолданысқа берілді' is an opening; 'Облыс әкiмi (Latin i) … таспасын қиып': the region's akim,
    named earlier, takes part; a visit verb in the opening's sentence ('барып') is no visit of its own."""
    result = _run("Ақсай ауылында жаңа емхана қолданысқа берілді.\n\nЕрлан Мұратов, Жамбыл облысының әкімі:\n"
                  "Бұл үлкен қуаныш.\n\nОблыс әкiмi салтанатты түрде емхананың таспасын қиып, ұжымды құттықтады.")
    person = _by_class(result, "Person")["Ерлан Мұратов"].key
    [event] = [e for e in result.entities if e.cls == "Event"]
    assert {("hc:eventType", "EventKind:opening"), ("hc:participant", person)} <= _facts(result, event.key)
    visit = _run("Ақсай ауылында дәрігерлік амбулаторияның салтанатты ашылуы болып, аудан әкімі Серік Бекұлы "
                 "арнайы барып, лентасын қиды.")
    kinds = [v for e in visit.entities if e.cls == "Event" for p, v in _facts(visit, e.key) if p == "hc:eventType"]
    assert kinds == ["EventKind:opening"]


def test_a_causative_is_not_the_verb_it_starts_with():
    """'таныстырды' (introduced) is not 'танысты' (visited, got acquainted): a new akim introduced is a meeting
    (kk11), no visit."""
    result = _run("Жаңа әкімді Жамбыл облысының әкімі Ерлан Мұратов Талас ауданында таныстырды.")
    kinds = [v for e in result.entities if e.cls == "Event" for p, v in _facts(result, e.key) if p == "hc:eventType"]
    assert kinds == ["EventKind:meeting"]


def test_a_postposition_is_no_facility_qualifier():
    result = _run("Ол «Ауылға дәрігер» бағдарламасы арқылы осы емханаға жұмысқа келді.")
    assert "емхана" in _by_class(result, "HealthcareFacility")
    assert not [label for label in _by_class(result, "HealthcareFacility") if "арқылы" in label]


def test_a_route_between_places_is_no_organisation():
    import spacy
    from spacy.tokens import Span
    from kg.extract import lexicon_kk
    from kg.extract.orgs import _plausible_org_kk
    doc = spacy.blank("kk")("Тұщықұдық- Шебір ауылдарына Ақ жол қоры көмектесті.")
    assert [t.text for t in doc[:3]] == ["Тұщықұдық", "-", "Шебір"]
    assert not _plausible_org_kk(Span(doc, 0, 3, label="ORG"), lexicon_kk)
    assert _plausible_org_kk(Span(doc, 4, 7, label="ORG"), lexicon_kk)


def test_former_holder_dismissed_in_the_same_sentence_held_the_post():
    """'Ауданның бұрынғы басшысы Х … қызметінен босатылды': Х was the district's akim until dismissed; a former
    post with no dismissal ('бұрынғы вице-министр Х') still gives no tenure."""
    result = _run("Талас ауданында жаңа әкім тағайындалды. Ал ауданның бұрынғы басшысы Серік Бекұлы басқа "
                  "қызметке ауысуына байланысты өз өтініші негізінде қызметінен босатылды.")
    person = _by_class(result, "Person")["Серік Бекұлы"].key
    [post] = [v for p, v in _facts(result, person) if p == "hc:holdsPost"]
    assert ("hc:postRole", "Role:akim") in _facts(result, post)
    assert [e for e in result.entities if e.cls == "Dismissal"]
    assert "Ауданның басшысы" in _by_class(result, "Post")
    former = _run("Бұрынғы вице-министр Айгүл Омарова ауруханаға барды.")
    person = _by_class(former, "Person")["Айгүл Омарова"].key
    assert not [v for p, v in _facts(former, person) if p == "hc:holdsPost"]     # a post once held: no holding,
    [tenure] = [e.key for e in former.entities if e.cls == "Tenure"]               # a former tenure
    assert ("hc:former", "true") in _facts(former, tenure) and ("hc:tenureOf", person) in _facts(former, tenure)


def test_a_staff_meeting_chaired_by_the_akim():
    """'… Х-тың төрағалығымен өткен аппарат мәжілісінде': a meeting with Х; 'Мәжіліс депутаты' is the house."""
    result = _run("Бұл туралы Жамбыл облысы әкімі Ерлан Мұратовтың төрағалығымен өткен аппарат мәжілісінде "
                  "баяндалды.")
    person = _by_class(result, "Person")["Ерлан Мұратов"].key
    [event] = [e for e in result.entities if e.cls == "Event"]
    assert {("hc:eventType", "EventKind:meeting"), ("hc:participant", person)} <= _facts(result, event.key)
    assert not [e for e in result.entities if e.cls in ("GovernmentBody", "Organization")]
    house = _run("Мәжіліс депутаты Ерлан Мұратов ауруханада болды.")
    assert not [e for e in house.entities if e.cls == "Event" and
                ("hc:eventType", "EventKind:meeting") in _facts(house, e.key)]


def test_a_quotation_or_a_programme_is_no_organisation():
    """'«…» деп атап көрсетті' quotes words; '«…» деп аталатын' names; '… бағдарламасының барлық' is a programme."""
    result = _run("Министр «Денсаулық – біздің болашағымыздың негізі» деп атап көрсетті. «Сау Ел» деп аталатын "
                  "қор құрылды. Мемлекеттік денсаулық сақтау бағдарламасының барлық көрсеткішін орындау қажет.")
    labels = set(_by_class(result, "Organization", "GovernmentBody"))
    assert "Сау Ел" in labels
    assert not [label for label in labels if "болашағ" in label or "бағдарлама" in label]


def test_a_one_word_name_cut_by_the_excerpts_end_is_no_person():
    result = _run("Жиынға аудан әкімі Ерлан Мұратов қатысты. Содан соң аудандық мәслихат төрағасы Ербо")
    assert set(_by_class(result, "Person")) == {"Ерлан Мұратов"}


def test_plural_facilities_are_facilities_in_general_and_a_village_names_its_own():
    """'медициналық орталықтар мен ауруханалар бой көтеріп' names no facility (a count would take the
    singular); 'Жармыш амбулаториясында' is the village's own ambulatory, not the article's other one."""
    result = _run("Елімізде заманауи медициналық орталықтар мен ауруханалар бой көтеріп жатыр. Қосбұлақ ауылында "
                  "жаңа дәрігерлік амбулатория ашылды. Сонымен қатар, Жармыш амбулаториясында жөндеу жүргізілді.")
    assert set(_by_class(result, "HealthcareFacility")) == {"дәрігерлік амбулатория", "Жармыш амбулаториясы"}
    network = _run("Шымкентте перинаталдық орталықтардың желісі кеңейтілді.")
    assert "перинаталдық орталық" in _by_class(network, "HealthcareFacility")   # the city's network of them


def test_the_outlet_quoted_after_a_reporting_verb():
    result = _run("Ауылда жаңа емхана ашылды, деп хабарлайды «Taraznews» АА.")
    assert "Taraznews" in _by_class(result, "Organization")


def test_a_quoted_name_before_a_legal_form_is_a_company():
    result = _run("Құрылысты «Сапа құрылыс» жауапкершілігі шектеулі серіктестігі жүргізді. Жиынға «Дәрі-Фарм» ЖШС "
                  "өкілдері қатысты. Бұл «Ақ Бидай» ЖШС-нің жобасы.")
    assert {"Сапа құрылыс", "Дәрі-Фарм", "Ақ Бидай"} <= set(_by_class(result, "Organization"))


def test_a_plural_role_is_no_ones_post_and_a_strategy_is_a_programme():
    """'…, «…» ЖШС өкілдері,' after a name: representatives, not that person's post; '«Қазақстан-2050»
    стратегиясы' is a programme named by its title."""
    result = _run("Жиынға филиал басшысы А.Серікова, «Дәрі-Фарм» ЖШС өкілдері, сондай-ақ дәрігерлер қатысты. "
                  "Елбасы «Қазақстан-2050» стратегиясында денсаулыққа баса назар аударды.")
    person = _by_class(result, "Person")["А. Серікова"].key   # label of 'А.Серікова'
    posts = [v for p, v in _facts(result, person) if p == "hc:holdsPost"]
    assert not [e for e in result.entities if e.cls == "Post" and e.key in posts and
                ("hc:postRole", "Role:representative") in _facts(result, e.key)]
    programmes = [dict(e.labels).get("kk") for e in result.entities if e.cls == "Event"]
    assert "«Қазақстан-2050» стратегиясы" in programmes


def test_a_person_named_for_an_instruction_is_no_participant():
    """'… кеңесте Президент Х-тың берген тапсырмаларын іске асыру талқыланды': the meeting is held, the
    president whose instructions it discussed is not there."""
    result = _run("Алматыда өткен кеңесте Президент Ерлан Мұратовтың берген тапсырмаларын іске асыру жолдары "
                  "талқыланды. Жиынға аудан әкімі Серік Бекұлы қатысты.")
    persons = _by_class(result, "Person")
    [event] = [e for e in result.entities if e.cls == "Event"]
    facts = _facts(result, event.key)
    assert ("hc:participant", persons["Ерлан Мұратов"].key) not in facts
    assert ("hc:participant", persons["Серік Бекұлы"].key) in facts


def test_head_of_the_region_is_its_akim():
    """'аймақ басшысы Х', 'өңір жетекшісі Х': in Kazakhstan the head of a region is its akim, and the region is
    the article's."""
    result = _run("Қостанай облысында жаңа емхана салынады. Аймақ басшысы Бақыт Омаров құрылысты аралады.")
    posts = _posts(result)
    assert "Role:head_of_region" not in posts
    assert posts["Role:akim"][0] == "region:KZ-39"


def test_business_trip_is_a_trip_and_joins_the_opening_it_brought_him_to():
    """'іссапармен келді' is a working trip; '… ашылуына … іссапары аясында Х қатысты' is the opening's
    participant, no trip of its own."""
    result = _run("Денсаулық сақтау министрі Асан Бекұлы Қостанай облысына іссапармен келді.")
    kinds = {f.value for f in result.facts if f.prop == "hc:eventType"}
    assert kinds == {"EventKind:working_trip"}
    result = _run("Қостанай облысы Әулиекөл ауданында дәрігерлік амбулаторияның ашылуына облыс әкімі Бақыт "
                  "Омаров пен іссапары аясында вице-министр Асан Бекұлы қатысты.")
    kinds = {f.value for f in result.facts if f.prop == "hc:eventType"}
    assert kinds == {"EventKind:opening"}


def test_a_ceremony_told_no_other_way_is_the_event():
    """An opening ceremony with its one facility is the opening; a dated festive ceremony is a gathering
    (meeting); a bare 'іс-шараға … қатысты' with nothing else makes none."""
    result = _run("Сейсенбі күні аудан әкімі Бақыт Омаров Ақсу ауылында дәрігерлік амбулаторияның ашылу "
                  "рәсіміне қатысты.")
    events = [e for e in result.entities if e.cls == "Event"]
    assert len(events) == 1
    facts = _facts(result, events[0].key)
    assert ("hc:eventType", "EventKind:opening") in facts
    assert ("hc:participant", _by_class(result, "Person")["Бақыт Омаров"].key) in facts
    result = _run("2021 жылғы 5 наурызда қалалық аурухананың 50 жылдық мерейтойына орай салтанатты шара өтті.")
    events = [e for e in result.entities if e.cls == "Event"]
    assert len(events) == 1
    facts = _facts(result, events[0].key)
    assert ("hc:eventType", "EventKind:meeting") in facts and ("hc:startDate", "2021-03-05") in facts
    assert not [e for e in _run("Іс-шараға тұрғындар қатысты.").entities if e.cls == "Event"]


def test_an_official_receiving_citizens_is_a_reception():
    """'… қоғамдық қабылдау өткізіп, … азаматтарды қабылдады': a reception with its host; a hospital's capacity
    ('50 адамды қабылдауға') and a patient's 'ем қабылдап' are none."""
    result = _run("Облыс әкімі Бақыт Омаров қоғамдық қабылдау өткізіп, бірқатар азаматтарды қабылдады.")
    events = [e for e in result.entities if e.cls == "Event"]
    assert len(events) == 1
    facts = _facts(result, events[0].key)
    assert ("hc:eventType", "EventKind:reception") in facts
    assert ("hc:participant", _by_class(result, "Person")["Бақыт Омаров"].key) in facts
    result = _run("Бас дәрігер Асан Бекұлы емхана күніне 50 адамды қабылдауға арналғанын айтты. Тұрғындар "
                  "ескі ғимаратта ем қабылдап жүр.")
    assert not [e for e in result.entities if e.cls == "Event"]


def test_a_visit_verb_with_nobody_named_needs_an_official_going():
    """'Облыс әкімі … аралап' (the akim unnamed in the article) is a visit when the article tells of no other
    event; residents going to a clinic are none; a recalled visit beside an opening is background."""
    kinds = lambda r: sorted(f.value for f in r.facts if f.prop == "hc:eventType")   # noqa: E731
    assert kinds(_run("Облыс әкімі жаңа аурухананы аралап, жөндеу жұмыстарымен танысты.")) == ["EventKind:visit"]
    assert kinds(_run("Тұрғындар ескі емханаға үреймен барып жүр.")) == []
    assert kinds(_run("Ақсу ауылында жаңа дәрігерлік амбулатория ашылды. Еске салсақ, аймақ басшысы ауылға "
                      "барып, құрылыспен танысқан.")) == ["EventKind:opening"]


def test_short_compound_dispensaries_are_facilities():
    """'онкодиспансер', 'наркодиспансер': one word for the dispensary, its status from the sentence."""
    result = _run("Аурухана маңындағы онкодиспансерге күрделі жөндеу жұмыстары жүргізіліп жатыр.")
    facilities = {dict(e.labels)["kk"] for e in result.entities if e.cls == "HealthcareFacility"}
    assert "онкодиспансер" in facilities


def test_plural_facilities_in_a_list_of_villages_are_one_in_each():
    """'Ақсу және Көктал ауылдарында жаңа дәрігерлік амбулаториялардың ашылуы': one ambulatory in each village
    of the list (not in the district named before it); a plural with no list stays facilities in general."""
    result = _run("Ақтөбе облысы Шалқар ауданы Бестамақсай және Қызылжарсай ауылдарында жаңа дәрігерлік "
                  "амбулаториялардың ашылу салтанаты өтті.")
    where = {next(v for p, v in _facts(result, e.key) if p == "hc:locatedIn") for e in result.entities
             if e.cls == "HealthcareFacility"}
    assert where == {"settlement:бестамақсай", "settlement:қызылжарсай"}
    result = _run("Облыста медициналық орталықтар мен ауруханалар бой көтеруде.")
    assert not [e for e in result.entities if e.cls == "HealthcareFacility"]


def test_acting_abbreviation_without_its_last_dot():
    """'аудан әкімінің м.а Х' (the abbreviation 'м.а.' written without its last dot) is acting too."""
    result = _run("Жиынға аудан әкімінің м.а Бақытжан Сапаров және депутаттар қатысты.")
    persons = {dict(e.labels)["kk"]: e.key for e in result.entities if e.cls == "Person"}
    assert (persons["Бақытжан Сапаров"], "true") in _tenures(result)
    assert "Role:akim" in _posts(result)


def test_mother_and_child_centre_unquoted_is_a_facility():
    """'Ана мен бала орталығы' (mother and child centre) is a medical centre without quotes as with them; a bare
    'бала орталығы' stays no facility."""
    result = _run("Қаладағы Ана мен бала орталығында 7 сәби дүниеге келді. Жаңа бала орталығына барды.")
    facilities = _by_class(result, "HealthcareFacility")
    assert list(facilities) == ["ана мен бала орталық"]


def test_childrens_and_anti_disease_facilities_keep_their_qualifiers():
    """'балалар' (children's) and 'X-ге қарсы' (against X) before a head belong to the facility's name."""
    result = _run("Кеше облыстық балалар ауруханасының бас дәрігері Серік Ахметов жұмыстан кетті. "
                  "Облыстың туберкулезге қарсы диспансерінде жөндеу жүріп жатыр.")
    facilities = _by_class(result, "HealthcareFacility")
    assert {"облыстық балалар аурухана", "туберкулезге қарсы диспансер"} <= set(facilities)
    assert "аурухана" not in facilities and "диспансер" not in facilities


def test_a_titled_address_is_no_organisation():
    """'«…» атты Жолдауында': the quoted title of an address (or a programme), not a body."""
    result = _run("Президенттің «Жаңа кезең: денсаулық және даму» атты биылғы Жолдауында медицинаға көңіл бөлінді. "
                  "«Сапалы өмір» атты бағдарламасы бекітілді.")
    orgs = _by_class(result, "Organization", "GovernmentBody")
    assert not any("кезең" in label or "Сапалы" in label for label in orgs)


def test_a_festive_ceremony_that_took_place_is_a_gathering():
    """'… мерекелік шара өтті' (a festive ceremony took place) is a gathering even with nobody named; a
    festive ceremony only mentioned ('мерекелік шараға дайындық') is none."""
    result = _run("Кеше ауылдық клубта мұғалімдерге арналған мерекелік шара өтті. Салтанатты шарада сөз алған "
                  "аудан әкімі ұстаздарды құттықтады.")
    events = [e for e in result.entities if e.cls == "Event"]
    assert len(events) == 1 and ("hc:eventType", "EventKind:meeting") in _facts(result, events[0].key)
    assert not [e for e in _run("Ауыл тұрғындары мерекелік шараға дайындалып жатыр.").entities if e.cls == "Event"]


def test_a_name_wrapped_after_its_patronymic_keeps_its_surname():
    """'… әкімі Серік Әлібекұлы⏎Жаманов жұмыс сапарымен …': one person, the surname on the next line."""
    result = _run("Кеше аудан әкімі Серік Әлібекұлы\nЖаманов жұмыс сапарымен Ақсу ауылына барды.")
    persons = _by_class(result, "Person")
    assert "Серік Жаманов" in persons or "Серік Әлібекұлы Жаманов" in persons


def test_chaired_by_a_person_with_no_other_post_is_the_chair():
    """'Х-тың төрағалығымен … сессиясы өтті': X chairs; an akim's deputy chairing a meeting keeps his own post
    and gets no chair's."""
    result = _run("Кеше Г.Омарованың төрағалығымен аудандық мәслихаттың кезекті сессиясы өтті. "
                  "Облыс әкімінің орынбасары Ержан Бекұлының төрағалығымен жиын өтті.")
    posts = {f.subject: f.value for f in result.facts if f.prop == "hc:postRole"}
    holders = {f.subject: f.value for f in result.facts if f.prop == "hc:holdsPost"}
    persons = _by_class(result, "Person")
    chair = persons["Г. Омарова"].key
    assert posts[holders[chair]] == "Role:chair"
    deputy = persons["Ержан Бекұлы"].key
    assert [posts[p] for s, p in holders.items() if s == deputy] == ["Role:deputy_akim"]


def test_a_bare_chief_physician_heads_the_articles_one_hospital():
    """'Бас дәрігердің міндетін атқарушы – Х' in a text about one polyclinic: its chief physician, placed with
    it; a name wrapped inside a line ('№4 қалалық⏎емханаға') and its number ('№4', no count of four) kept."""
    result = _run("Депутат Павлодар қаласындағы №4 қалалық\nемханаға барып, дәрігерлермен кездесті.\n"
                  "Бас дәрігердің міндетін атқарушы – Ә.Серікқызы ғимараттың ескі екенін айтты.")
    [facility] = [e for e in result.entities if e.cls == "HealthcareFacility"]
    assert dict(facility.labels)["kk"] == "№4 қалалық емхана"
    assert not [f for f in result.facts if f.subject == facility.key and f.prop == "hc:count"]
    post = next(f.value for f in result.facts if f.prop == "hc:holdsPost")
    assert ("hc:postIn", facility.key) in _facts(result, post)


def test_a_bare_head_among_several_of_its_kind_is_the_one_named_before_it():
    """'№ 13 қалалық емхана мен №2 қалалық емханасы … Бұл емхана': no third polyclinic; a head listed after
    another facility ('… және ауруханасына') is one of its own."""
    result = _run("Шымкенттегі № 13 қалалық емхана мен №2 қалалық емханасы мемлекетке өтті. "
                  "Бұрын емхана жұмысына науқастар шағымданған. Әкім облыстық аурухана және теміржол "
                  "ауруханасына барды.")
    labels = set(_by_class(result, "HealthcareFacility"))
    assert {"№ 13 қалалық емхана", "№2 қалалық емхана", "облыстық аурухана", "теміржол аурухана"} == labels


def test_an_initial_and_surname_tagged_as_a_building_is_a_person():
    """'Н.Жұмабаев' alone in an ORG / FAC span of the tagger: one token, an initial glued to a surname."""
    from spacy.tokens import Span
    from kg.nlp import pipeline
    from kg.nlp.kk.entities import fix
    doc = pipeline("kk").make_doc("Елбасы Н.Жұмабаев стратегиясында айтты.")
    doc.ents = [Span(doc, 1, 2, label="FAC")]
    assert fix(doc, {}, add_places=False) == [(1, 2, "PER")]


def test_site_widgets_schedules_and_words_before_a_capitalised_body_are_no_organisations():
    """'Жазылу' (subscribe) alone, a quoted title on a schedule line ('10:15 … «…»'), and the lower-case words
    before 'Үкімет' ('осыған дейін Үкімет басшысы') make no organisation; 'Қазақстан Үкіметі' is one."""
    result = _run("Осыған дейін Үкімет басшысы шешім қабылдады. Қазақстан Үкіметі мақұлдады.\n"
                  "10:15 Тікелей эфир «ДЕНСАУЛЫҚ ЖОЛЫ»\nЖазылу")
    labels = set(_by_class(result, "Organization", "GovernmentBody"))
    assert "Қазақстан Үкіметі" in labels
    assert not any("дейін" in l.lower() or "ЖОЛЫ" in l or l == "Жазылу" for l in labels), labels


def test_a_medical_point_opened_is_a_facility_and_one_that_is_absent_is_none():
    """'… ауылында жаңа медициналық тірек ашылып' opens a facility; 'медициналық тірегі жоқ ауылдар'
    (villages without one) names none."""
    result = _run("Бүгін Ақсу ауылында жаңа медициналық тірек ашылып, ел игілігіне берілді.")
    [facility] = [e for e in result.entities if e.cls == "HealthcareFacility"]
    assert ("hc:facilityKind", "FacilityKind:feldsher_post") in _facts(result, facility.key)
    assert any(e.cls == "Event" for e in result.entities)
    result = _run("Облыста медициналық тірегі жоқ 60 ауыл бар.")
    assert not [e for e in result.entities if e.cls == "HealthcareFacility"]


def test_a_named_person_leaving_his_post_held_the_post_the_article_dismissed_unnamed():
    """'… ауруханасының бас дәрігері жұмысынан босатылды, деп хабарлайды Дала Жаршысы. ⏎ Х қызметінен өз
    қалауы бойынша кетті': X was that chief physician, dismissed; the outlet after 'деп хабарлайды' is no person,
    and the post is no organisation."""
    result = _run("Облыста бас дәрігер жұмысынан босатылды\n\nСынға ұшыраған Ақтөбе облыстық балалар ауруханасының "
                  "бас дәрігері жұмысынан босатылды, деп хабарлайды Дала Жаршысы.\n\nЕрлан Тасов қызметінен өз "
                  "қалауы бойынша кетті.")
    persons = _by_class(result, "Person")
    assert set(persons) == {"Ерлан Тасов"}
    person = persons["Ерлан Тасов"].key
    post = next(f.value for f in result.facts if f.subject == person and f.prop == "hc:holdsPost")
    facts = _facts(result, post)
    assert ("hc:postRole", "Role:chief_physician") in facts and ("hc:jurisdiction", "region:KZ-15") in facts
    assert [e for e in result.entities if e.cls == "Dismissal"]
    assert not any("дәрігері" in label for label in _by_class(result, "Organization", "GovernmentBody"))
    assert not dict(next(e for e in result.entities if e.key == post).labels)["kk"].startswith("Ұшыраған")


def test_a_capitalised_body_after_its_citys_genitive_is_the_citys():
    """'Алматы қаласының Қоғамдық денсаулық басқармасы': the city's body, its jurisdiction the city."""
    result = _run("Кеше Алматы қаласының Қоғамдық денсаулық басқармасы хабарлады.")
    body = _by_class(result, "GovernmentBody")["Алматы қаласының Қоғамдық денсаулық басқармасы"]
    assert ("hc:jurisdiction", "region:KZ-75") in _facts(result, body.key)


def _roles_of(result):
    """person label -> set of (role, jurisdiction) of the posts they hold."""
    labels = {e.key: dict(e.labels).get("kk") or dict(e.labels).get("ru") for e in result.entities}
    facts = {}
    for f in result.facts:
        facts.setdefault(f.subject, {})[f.prop] = f.value
    out = {}
    for f in result.facts:
        if f.prop == "hc:holdsPost":
            post = facts.get(f.value, {})
            out.setdefault(labels[f.subject], set()).add((post.get("hc:postRole"), post.get("hc:jurisdiction")))
    return out


@pytest.mark.parametrize("text,person,role", [
    ("Үкімет басшысы Асқар Сәрсенов жаңа ауруханаға барды.", "Асқар Сәрсенов", "Role:prime_minister"),
    ("Елдің Бас мемлекеттік санитариялық дәрігері Айгүл Серікова жиынға қатысты.", "Айгүл Серікова",
     "Role:chief_sanitary_physician"),
    # a plural role right before a list of names is each one's
    ("Мәжіліс депутаттары Нұрлан Әлиев, Бақыт Сейітов, Ерлан Қасенов емханаға барды.", "Бақыт Сейітов",
     "Role:member_of_parliament"),
])
def test_kazakh_national_roles_and_listed_holders(text, person, role):
    result = _run(text)
    roles = _roles_of(result)
    assert any(r == role for r, _ in roles.get(person, ())), roles


# --- officials: reshuffles, holding phrases, acting deputies, places of a post (kk8) -------------------------

def _holders(result):
    """person label -> {(role, jurisdiction, former)} of the person's tenures."""
    labels = {e.key: dict(e.labels).get("kk") for e in result.entities}
    out = {}
    for e in result.entities:
        if e.cls != "Tenure":
            continue
        facts = dict(_facts(result, e.key))
        post = dict(_facts(result, facts["hc:tenurePost"]))
        out.setdefault(labels[facts["hc:tenureOf"]], set()).add(
            (post["hc:postRole"], post.get("hc:jurisdiction"), facts.get("hc:former") == "true"))
    return out


def test_a_reshuffle_list_appoints_each_person_to_his_place():
    """'A Абай ауданының, B Бесқарағай ауданының, ал C Шемонаиха ауданының әкімі болып тағайындалды': each
    person before a place and a comma takes the role in that place; a former post between ('… орынбасары
    болған B') is a former tenure."""
    result = _run("Шығыс Қазақстан облысында кадрлық өзгерістер болды. Тұрсын Мүсабеков Абай ауданының, "
                  "Катонқарағай ауданы әкімінің орынбасары болған Қалихан Байболов Бесқарағай ауданының, ал "
                  "Амангелді Тоқсанов Шемонаиха ауданының әкімі болып тағайындалды.")
    held = _holders(result)
    for name in ("Тұрсын Мүсабеков", "Қалихан Байболов", "Амангелді Тоқсанов"):
        assert any(role == "Role:akim" and juris and not former for role, juris, former in held[name]), held
    jurisdictions = {juris for name in ("Тұрсын Мүсабеков", "Қалихан Байболов", "Амангелді Тоқсанов")
                     for role, juris, former in held[name] if role == "Role:akim"}
    assert len(jurisdictions) == 3
    assert any(role == "Role:deputy_akim" and former for role, _, former in held["Қалихан Байболов"])
    assert len([e for e in result.entities if e.cls == "Appointment"]) == 3


def test_an_appointee_named_far_after_bolyp():
    """'… ауданының әкімі болып <a long description> Х тағайындалды': Х, however long the description."""
    result = _run("Ал Тарбағатай ауданының әкімі болып бұған дейін облыстық құрылыс басқармасы қызметінде "
                  "ысылған, осы жердің тумасы Ерлан Темірбеков тағайындалды.")
    assert ("Role:akim", False) in {(role, former) for role, _, former in _holders(result)["Ерлан Темірбеков"]}


def test_holding_phrases_after_a_role():
    """'Х … бастығы қызметін атқарады': Х holds the post (no appointment, not acting); '… орынбасары
    қызметінде болған Х', 'аудан әкімі қызметін атқарып, … Х': Х held it (a former tenure)."""
    result = _run("Сондай-ақ Семей қаласы әкімінің орынбасары қызметінде болған Серік Оразбаев облыстық қаржы "
                  "басқармасының бастығы қызметін атқарады. Тарбағатай ауданы әкімі қызметін атқарып, "
                  "орденмен марапатталған Манарбек Сапаров енді Риддер қаласын басқармақ.")
    held = _holders(result)
    assert ("Role:head", False) in {(r, f) for r, _, f in held["Серік Оразбаев"]}
    assert ("Role:deputy_akim", True) in {(r, f) for r, _, f in held["Серік Оразбаев"]}
    assert {(r, f) for r, _, f in held["Манарбек Сапаров"]} == {("Role:akim", True)}
    assert not [e for e in result.entities if e.cls in ("Appointment", "Dismissal")]
    bodies = _by_class(result, "GovernmentBody", "Organization")
    assert not [label for label in bodies if "Оразбаев" in label]     # a person ends a body's name


def test_acting_holder_named_by_his_own_post():
    """'… министрлігі басшысының міндетін атқарушы оның орынбасары Х болады': Х acts as the minister."""
    result = _run("Денсаулық сақтау министрлігі басшысының міндетін атқарушы оның орынбасары Ләззат Асанова "
                  "болады.")
    person = _by_class(result, "Person")["Ләззат Асанова"].key
    [post] = [v for p, v in _facts(result, person) if p == "hc:holdsPost"]
    assert ("hc:postRole", "Role:minister") in _facts(result, post)
    assert (person, "true") in _tenures(result)


def test_the_capital_and_a_district_named_by_its_town():
    """'Елорда әкімі Х': the capital's (Astana's) akim; 'Аудан әкімі Х' in a text that names the town
    Сарыағаш and no district: the akim of Сарыағаш ауданы, whose centre it is."""
    result = _run("Елорда әкімі Жеңіс Қасымбек қаладағы медициналық нысандар туралы айтты.")
    assert _posts(result)["Role:akim"][0] == "region:KZ-71"
    assert "Жеңіс Қасымбек" in _by_class(result, "Person")     # not a place: 'қаладағы' is no name's place word
    result = _run("Сарыағаш қаласында көпбейінді аурухана салынып жатыр. Аудан әкімі Арман Әбдіров нысан "
                  "басында болды.")
    juris = _posts(result)["Role:akim"][0]
    from kg.gazetteer import load_gazetteer
    place = load_gazetteer().get(juris)
    assert place.kind == "district" and place.labels["kk"] == "Сарыағаш ауданы" and place.region == "region:KZ-61"


def test_a_role_in_the_genitive_is_no_apposition_to_the_next_name():
    """'Мемлекет басшысының Өмірзақ Сейітовті … тағайындау ұсынысы' (the head of state's proposal to appoint
    Ө. С.): the name is not the head of state."""
    result = _run("Депутаттар Мемлекет басшысының Өмірзақ Сейітовті Түркістан облысының әкімі лауазымына "
                  "тағайындау ұсынысы туралы хатын тыңдады.")
    assert "Role:president" not in _posts(result)
    result = _run("Мемлекет басшысы Қасым-Жомарт Тоқаевтың тапсырмасы орындалды.")
    assert _posts(result)["Role:president"][0] == "country:KZ"


def test_posts_of_the_presidents_office_and_of_a_maslikhat_committee():
    """'Президент Әкімшілігінің басшысы Х': a national post; 'облыстық мәслихаттың … мәселелері бойынша
    тұрақты комиссиясының төрағасы Х': the committee's chair, placed through the maslikhat before the topic."""
    result = _run("Президент Әкімшілігінің басшысы Айбек Дәулетов жиналысқа қатысты.")
    assert _posts(result)["Role:head"][0] == "country:KZ"
    result = _run("Батыс Қазақстан облысында сессия өтті. Облыстық мәслихаттың әлеуметтік-мәдени даму және "
                  "білім мәселелері бойынша тұрақты комиссиясының төрағасы Ляззат Тұрсынова ақпарат берді.")
    assert _posts(result)["Role:chair"][0] == "region:KZ-27"


def test_names_the_tagger_misses():
    """A caption in capitals ('ЕРБОЛ МҰСАБАЕВ, АҚЖАР АУЫЛЫНЫҢ ӘКІМІ'), a name with two spaces inside, and a
    full name written again where the tagger saw none are persons, with their posts."""
    result = _run("Ауылда жаңа пункт салынып жатыр.\n\nЕРБОЛ САПАРОВ, АҚЖАР АУЫЛЫНЫҢ ӘКІМІ\n\nПункт қажет.")
    assert _posts(result)["Role:akim"][1].key in {v for p, v in _facts(
        result, _by_class(result, "Person")["Ербол Сапаров"].key) if p == "hc:holdsPost"}
    result = _run("Бұл туралы Атырау облысы денсаулық сақтау басқармасының басшысы Нұрлан  Қабиев айтты.")
    assert {(r, f) for r, _, f in _holders(result)["Нұрлан Қабиев"]} == {("Role:head", False)}
    holders = _holders(_run("Депутаттар Берік Уәлиевтің кандидатурасына дауыс берді. Жарлықпен Берік Уәлиев "
                            "Абай облысының әкімі болып тағайындалды."))
    assert ("Role:akim", "region:KZ-10", False) in holders["Берік Уәлиев"]


def test_a_sole_holder_named_in_the_next_sentence():
    """'Қазақстан Президенті … танысты. Қасым-Жомарт Тоқаевқа … көрсетілді.': the unnamed president is the one
    person of the next sentence with no post; not when that sentence names two such persons, nor for a role
    in a case ('министрі қызметінен')."""
    result = _run("Сондай-ақ, Қазақстан Президенті көп салалы аурухананың жұмысымен танысты. Қасым-Жомарт "
                  "Тоқаевқа медициналық мекеменің бөлмелері көрсетілді.")
    assert ("Role:president", "country:KZ", False) in _holders(result)["Қасым-Жомарт Тоқаев"]
    result = _run("Сондай-ақ, Қазақстан Президенті аурухананың жұмысымен танысты. Асан Серіков пен Болат "
                  "Жұмабаев оған бөлмелерді көрсетті.")
    assert not _holders(result)
    result = _run("Бүгін Денсаулық сақтау министрі қызметінен босату туралы өтініш жазылды. Елжан Сейітов "
                  "бұл туралы айтты.")
    assert "Елжан Сейітов" not in _holders(result)


def test_a_common_word_the_tagger_joined_to_a_name_ends_it():
    """'Диас Ахметшарип Денсаулық сақтау министрі …': 'Денсаулық' begins the post, not the name."""
    result = _run("Бұрынырақ Диас Ахметшарип Денсаулық сақтау министрі емделіп жатқан кезде бұл туралы айтқан.")
    [person] = [e for e in result.entities if e.cls == "Person"]
    names = {name for _, name in person.labels + person.alt}
    assert "Диас Ахметшарип" in names and not [n for n in names if "Денсаулық" in n]


def test_an_approved_candidate_holds_the_post():
    """'Мемлекет басшысының Х-ті … облысының әкімі лауазымына тағайындау ұсынысы … депутаттар … кандидатураны
    бірауыздан қолдады': Х is the akim; a proposal with no approval gives no post."""
    text = ("Бүгін сессияда депутаттарға Мемлекет басшысының Өмірзақ Сейітовті Түркістан облысының әкімі "
            "лауазымына тағайындау ұсынысы туралы хат оқылды.")
    assert not _holders(_run(text))
    result = _run(text + " Дауыс беру қорытындысы бойынша, депутаттар Президент ұсынған кандидатураны "
                         "бірауыздан қолдады.")
    assert _holders(result)["Өмірзақ Сейітов"] == {("Role:akim", "region:KZ-61", False)}


def test_a_participle_after_a_role_describes_the_next_word_only():
    """'Облыс әкімі болған жиында Х сөйледі' (at the meeting the akim attended, Х spoke): no post for Х."""
    assert not _holders(_run("Кеше облыс әкімі болған жиында Асан Серіков сөз сөйледі."))


def test_the_first_presidents_titles_are_a_post_he_held():
    """'Елбасы Н.Назарбаев', 'Ұлт көшбасшысы Н.Ә. Назарбаев' (two initials, the dot no sentence end): a former
    tenure of the president's post."""
    held = _holders(_run("Елбасы Н.Назарбаев «Қазақстан-2050» стратегиясында денсаулық туралы айтты."))
    assert held["Н. Назарбаев"] == {("Role:president", "country:KZ", True)}
    result = _run("Бүгін жиын өтті. Ұлт көшбасшысы Н.Ә. Назарбаев халық денсаулығына көңіл бөлді.")
    assert _holders(result)["Н.Ә. Назарбаев"] == {("Role:president", "country:KZ", True)}


def test_a_deputy_chief_physician_keeps_the_russian_name_of_the_post():
    """'бас дәрігерінің орынбасары' is a deputy_head post; its Russian altLabel names it as Russian news does
    ('заместитель главного врача'), so the post meets its Russian telling."""
    result = _run("Аудандық аурухана бас дәрігерінің орынбасары Нұргүл Кабулова сөйледі.")
    post = _posts(result)["Role:deputy_head"][1]
    assert ("ru", "заместитель главного врача") in post.alt


def test_a_place_or_an_object_before_a_body_ends_its_name():
    """'Екінші қабатта әкімшілік' (on the second floor, the administration), 'тапсырмасына сәйкес прокуратура'
    (in line with the order, the prosecutor's office): no body named so; objects of a verbal noun stay inside
    a name ('Тілдерді дамыту басқармасы')."""
    for text in ("Екінші қабатта әкімшілік орналасқан.",
                 "Мемлекет басшысының тапсырмасына сәйкес прокуратура тексеру жүргізді."):
        assert not _by_class(_run(text), "Organization", "GovernmentBody")
    bodies = _by_class(_run("Облыстық денсаулық сақтау басқармасы мен Тілдерді дамыту басқармасы хабарлады."),
                       "Organization", "GovernmentBody")
    assert "Тілдерді дамыту басқармасы" in bodies

def _events(result):
    return [e for e in result.entities if e.cls == "Event"]


def test_a_festive_gathering_and_who_took_part_in_the_next_sentence():
    """'… мерекелік салтанат өтті. Оған аудан әкімі Х қатысып': one gathering (a meeting) with Х; 'Оған' makes
    no event of its own."""
    result = _run("Жаңаауыл кентінде дәрігерлер күніне орай мерекелік салтанат өтті. Оған аудан әкімі Болат "
                  "Сейітов қатысып, медицина мамандарын құттықтады.")
    [event] = _events(result)
    person = _by_class(result, "Person")["Болат Сейітов"].key
    assert {("hc:eventType", "EventKind:meeting"), ("hc:participant", person)} <= _facts(result, event.key)


def test_an_award_ceremony_with_its_persons_is_a_gathering():
    """'Х … үздік қызметкерлерін марапаттады': an award ceremony is a meeting with Х; a person awarded by
    decree ('марапатталды') is no event."""
    result = _run("Емхана директоры Алмат Серікұлы медицина қызметкерлерін құттықтап, үздік дәрігерлерді "
                  "марапаттады.")
    [event] = _events(result)
    person = _by_class(result, "Person")["Алмат Серікұлы"].key
    assert {("hc:eventType", "EventKind:meeting"), ("hc:participant", person)} <= _facts(result, event.key)
    assert not _events(_run("Дәрігер Алмат Серікұлы медальмен марапатталды."))


def test_a_session_and_the_gathering_word_that_names_it_again():
    """'… мәслихаттың сессиясы өтті. Сессияға облыс әкімі Х қатысты. Жиынның күн тәртібіне сәйкес Y баяндама
    жасады': one session with Х and Y; 'жиын' names the session told before, no meeting of its own."""
    result = _run("Бүгін облыстық мәслихаттың кезекті сессиясы өтті. Сессияға облыс әкімі Ғалым Есенов "
                  "қатысты. Жиынның күн тәртібіне сәйкес денсаулық сақтау басқармасының басшысы Нұрлан "
                  "Беркінов баяндама жасады.")
    [event] = _events(result)
    persons = _by_class(result, "Person")
    facts = _facts(result, event.key)
    assert ("hc:eventType", "EventKind:session") in facts
    assert {("hc:participant", persons["Ғалым Есенов"].key), ("hc:participant", persons["Нұрлан Беркінов"].key)} <= facts
    alone = _run("Алматыда денсаулық сақтау мәселелері бойынша жиын өтті. Жиынға қала әкімі Ерлан Досов қатысты.")
    [meeting] = _events(alone)
    assert ("hc:eventType", "EventKind:meeting") in _facts(alone, meeting.key)


def test_an_official_at_the_building_site_is_a_visit():
    """'Аудан әкімі Х нысан басында болып': at the site, a visit; 'ел басында болды' (led the country) is not."""
    result = _run("Аудан әкімі Арман Жұмабеков нысан басында болып, құрылыс жұмыстарының сапасын тексерді.")
    [event] = _events(result)
    person = _by_class(result, "Person")["Арман Жұмабеков"].key
    assert {("hc:eventType", "EventKind:visit"), ("hc:participant", person)} <= _facts(result, event.key)


def _statuses(result):
    return {dict(e.labels)["kk"]: {f.value.split(":")[1] for f in result.facts
                                   if f.subject == e.key and f.prop == "hc:facilityStatus"}
            for e in result.entities if e.cls in ("HealthcareFacility", "SocialFacility", "Facility")}


@pytest.mark.parametrize("text, label, status", [
    # a repair done is modernized, one under way under repair, one to come planned
    ("Өскемендегі көпсалалы облыстық медициналық орталық биыл толық жөнделді.",
     "көпсалалы облыстық медициналық орталық", "modernized"),
    ("Ауылдағы дәрігерлік амбулатория жөндеуден өтті.", "дәрігерлік амбулатория", "modernized"),
    ("Ауылдағы дәрігерлік амбулатория қазір жөнделуде.", "дәрігерлік амбулатория", "under_repair"),
    ("Павлодарда онкологиялық аурухананың корпусы қайта жаңғыртылады.", "онкологиялық аурухана", "planned"),
    ("Жалағаштағы орталық аурухана келесі жылы қайта жаңғыртудан өтеді.", "орталық аурухана", "planned"),
    # a construction to begin is planned; begun, it is under construction
    ("Биыл кентте аудандық аурухана құрылысы басталмақ.", "аудандық аурухана", "planned"),
    ("Кентте аудандық аурухана құрылысы басталды.", "аудандық аурухана", "under_construction"),
    ("Ауылда қазір медициналық пункт бой көтеріп жатыр.", "медициналық пункт", "under_construction"),
    # to be put into use: still being built; built: open
    ("Қаладағы көпбейінді аурухана жыл соңына дейін пайдалануға беріледі.", "көпбейінді аурухана",
     "under_construction"),
    ("Ауылда жаңа фельдшерлік-акушерлік пункт салынды.", "фельдшерлік-акушерлік пункт", "opened"),
    # a quoted programme's title tells no status ('жаңғырту' in it is no modernization)
    ("«Ауылдық денсаулық сақтауды жаңғырту» жобасы аясында дәрігерлік амбулатория ашылды.",
     "дәрігерлік амбулатория", "opened"),
])
def test_kazakh_facility_status_words(text, label, status):
    assert _statuses(_run(text))[label] == {status}


def test_a_facility_told_again_without_a_place_is_the_one_told_before():
    """'… Жарқын ауылында жаңа емхана ашылды. … бұл емхана …': one facility, opened; a second village's
    'емхана' with its own place is another one."""
    result = _run("Бүгін Сарыағаш ауданы Жарқын ауылында жаңа емхана ашылды. Бұл емхана күніне 200 адамды "
                  "қабылдайды. Емхана заманауи құрылғылармен жабдықталған.")
    facilities = [e for e in result.entities if e.cls == "HealthcareFacility"]
    assert len(facilities) == 1
    assert _statuses(result)["емхана"] == {"opened"}


def test_no_facility_in_a_programme_title_a_quantifier_or_a_year():
    """'"100 мектеп - 100 аурухана" бағдарламасы' is a programme's title; 'көптеген аурухана' hospitals in
    general; in '2018 жылы аурухана …' the year word is no qualifier of the hospital."""
    titled = _run('Президент "100 мектеп - 100 аурухана" бағдарламасы аясында салынған көпсалалы аурухананың '
                  'жұмысымен танысты.')
    assert set(_statuses(titled)) == {"көпсалалы аурухана"}
    assert not _statuses(_run("Тәуелсіздік жылдары ауылдарда көптеген аурухана салынды."))
    year = _run("Осылайша 2018 жылы теміржол ауруханасы қаланың меншігіне ауысты.")
    assert "жылы теміржол аурухана" not in _statuses(year) and "теміржол аурухана" in _statuses(year)


def test_the_district_head_is_the_articles_district_akim():
    """'Аудан басшысы … танысты': the head of the district is the article's akim who is not a region's."""
    result = _run("Аудан әкімі Мұхтар Оразов ауыл тұрғындарымен кездесті. Айта кетейік, аудан басшысы Абай "
                  "ауылындағы дәрігерлік амбулаторияның құрылысымен де танысты.")
    person = _by_class(result, "Person")["Мұхтар Оразов"].key
    visits = [e for e in _events(result) if ("hc:eventType", "EventKind:visit") in _facts(result, e.key)]
    assert [("hc:participant", person) in _facts(result, e.key) for e in visits] == [True]


def test_government_hour_is_a_session_and_a_name_is_no_event():
    """'… өткен Үкімет сағатында Х мәлімдеді': a session of parliament with Х; 'Кеңес Одағы' (a name) none."""
    result = _run("Денсаулық сақтау министрі Ақмарал Сәрсенова 27 қаңтар күні өткен Үкімет сағатында ауылдардағы "
                  "медициналық нысандар туралы мәлімдеді.")
    [event] = _events(result)
    person = _by_class(result, "Person")["Ақмарал Сәрсенова"].key
    assert {("hc:eventType", "EventKind:session"), ("hc:participant", person)} <= _facts(result, event.key)
    assert not _events(_run("Ол кезде ауыл Кеңес Одағы құрамында болды."))


def _of_kind(result, kind):
    return [e for e in _events(result) if ("hc:eventType", f"EventKind:{kind}") in _facts(result, e.key)]


def test_introducing_a_new_akim_is_a_meeting_and_a_report_is_not():
    """'Х жаңа әкім Ү-ті активке таныстырды': an official introduced, a meeting with both; 'Ү-ті … активіне
    таныстырды' with the audience word alone too; 'баяндама таныстырды' (presented a report) is none."""
    result = _run("Облыс әкімі Нұржан Бекенов бүгін аудан активіне жаңа әкім Серік Әлімовті таныстырды.")
    [meeting] = _of_kind(result, "meeting")
    persons = _by_class(result, "Person")
    assert {("hc:participant", persons["Нұржан Бекенов"].key),
            ("hc:participant", persons["Серік Әлімов"].key)} <= _facts(result, meeting.key)
    assert not _events(_run("Бөлім басшысы Айгүл Сәрсенова жыл қорытындысы туралы баяндама таныстырды."))


def test_a_reception_and_the_meeting_word_that_names_it_again():
    """'Президент Х облыс әкімі Ү-ты қабылдады. Кездесу барысында …': one reception with both, no meeting of
    its own; a hospital that received patients ('науқасты қабылдады') is no reception."""
    result = _run("Мемлекет басшысы Қасым-Жомарт Тоқаев Ақтөбе облысының әкімі Асхат Шахаровты қабылдады. "
                  "Кездесу барысында өңірдегі денсаулық сақтау саласының жай-күйі талқыланды.")
    assert [len(_of_kind(result, k)) for k in ("reception", "meeting")] == [1, 0]
    persons = _by_class(result, "Person")
    assert ("hc:participant", persons["Асхат Шахаров"].key) in _facts(result, _of_kind(result, "reception")[0].key)
    assert not _events(_run("Өткен аптада аудандық аурухана 300 науқасты қабылдады."))


def test_a_ceremony_told_by_who_took_part_and_a_key_handing_are_gatherings():
    """'Іс-шараға Х қатысты' with no other event told is a gathering (a meeting) with Х; so is a handing of
    keys ('пәтер кілттерін табыстады'); 'іс-шаралар' in the plural are events in general."""
    result = _run("Облыс құтқарушылары жаңа техника алды. Іс-шараға облыс әкімінің орынбасары Ерлан Нұрланов "
                  "қатысты.")
    [meeting] = _of_kind(result, "meeting")
    assert ("hc:participant", _by_class(result, "Person")["Ерлан Нұрланов"].key) in _facts(result, meeting.key)
    keys = _run("Салтанатты іс-шараға қатысқан аудан әкімі Бақыт Оспанов тұрғындарға пәтер кілттерін табыстады.")
    [meeting] = _of_kind(keys, "meeting")
    assert ("hc:participant", _by_class(keys, "Person")["Бақыт Оспанов"].key) in _facts(keys, meeting.key)
    assert not _events(_run("Аудандарда мәдени-спорттық іс-шаралар өткізіледі."))


def test_an_opening_ceremony_without_its_facility_and_the_congratulation_after_it():
    """'Салтанатты ашылу рәсіміне Х қатысты' after the sentence that told what was built: an opening with Х;
    '… ашылу салтанаты өтті. Аудан әкімі Ү … келіп құттықтады': Ү took part in that opening."""
    result = _run("Ауылда ауызсу нысанының құрылысы аяқталды. Салтанатты ашылу рәсіміне облыс прокуроры Берік "
                  "Сапаров қатысты.")
    [opening] = _of_kind(result, "opening")
    assert ("hc:participant", _by_class(result, "Person")["Берік Сапаров"].key) in _facts(result, opening.key)
    told = _run("Кеше ауылда медициналық пункттің ашылу салтанаты өтті. Аудан әкімі Ерлан Қасенов тұрғындарды "
                "арнайы келіп құттықтады.")
    [opening] = _of_kind(told, "opening")
    assert ("hc:participant", _by_class(told, "Person")["Ерлан Қасенов"].key) in _facts(told, opening.key)


def test_a_hyphenated_business_trip_is_a_visit():
    result = _run("Еңбек министрі Тамара Сәрсенова Түркістан облысына арнайы іс-сапармен келді.")
    [trip] = _events(result)
    facts = _facts(result, trip.key)
    assert ("hc:eventType", "EventKind:working_trip") in facts
    assert ("hc:participant", _by_class(result, "Person")["Тамара Сәрсенова"].key) in facts


def test_an_opening_told_after_the_construction_ends_its_story():
    """A facility whose construction is told first and its opening ceremony after is opened; a construction
    whose opening ('ашылуы') is put off stays under construction."""
    opened = _run("Ауылда медициналық пункттің құрылысы басталған болатын. Бүгін медициналық пункттің ашылу "
                  "салтанаты өтті.")
    assert _statuses(opened)["медициналық пункт"] == {"opened"}
    put_off = _run("Кентте салынып жатқан поликлиника мамырда пайдалануға беріледі. Поликлиниканың ашылуы екі "
                   "айға кейінге шегерілді.")
    assert _statuses(put_off)["поликлиника"] == {"under_construction"}


def test_feldsher_posts_polyclinics_and_an_infectious_diseases_hospital():
    """Facility heads: 'фельдшерлік-амбулаториялық пункт', 'фельдшерлік-акушерлік тірек', 'поликлиника', and
    'жұқпалы аурулар ауруханасы' (a noun that says what a hospital treats is part of its name)."""
    result = _run("Министр ауылдағы фельдшерлік-амбулаториялық пунктке, кейін жаңа поликлиникаға барды. "
                  "Ауданда төрт фельдшерлік-акушерлік тірек салынады. Қаладағы жұқпалы аурулар ауруханасы "
                  "жабылады.")
    assert {"фельдшерлік-амбулаториялық пункт", "поликлиника", "фельдшерлік-акушерлік тірек",
            "жұқпалы аурулар аурухана"} <= set(_statuses(result))


def test_boldy_is_a_visit_only_after_where():
    """'Х Бейнеу ауданында болды' (was in the district) is a visit; 'болды' after a participle or a post
    ('берілетін болды', 'орынбасары болды') is an auxiliary, no visit."""
    result = _run("Облыс әкімі Серік Тұрмов кеше Бейнеу ауданында болды.")
    assert len(_of_kind(result, "visit")) == 1
    assert not _events(_run("Маңғыстау облысының әкімі Серік Тұрмовтың шешімімен Маңғыстау облысындағы "
                            "дәрігерлерге үстемақы берілетін болды."))


def test_a_facility_written_short_and_a_finished_construction():
    """'фельдшерлік пункт' after 'фельдшерлік-акушерлік пункт' with no place of its own is that post; a
    construction finished ('құрылысы аяқталған') is open, one to be finished is still being built."""
    result = _run("Облыс әкімі Қызылоба ауылында құрылысы аяқталған фельдшерлік-акушерлік пункттің ашылуына "
                  "қатысты. Кейін ол фельдшерлік пункттің кілтін ауыл фельдшеріне табыстады.")
    assert _statuses(result) == {"фельдшерлік-акушерлік пункт": {"opened"}}
    later = _run("Ауылдағы дәрігерлік амбулаторияның құрылысы аяқталады.")
    assert _statuses(later)["дәрігерлік амбулатория"] == {"under_construction"}


def test_a_councils_session_is_one_event_and_its_chairman_no_meeting():
    """'Қоғамдық кеңес отырысы': the council's session, not a meeting too; 'кеңес төрағасы' is the council's
    chairman, no meeting; a capitalised house after a meeting word ('кездесуде Мәжіліс депутаттары') leaves
    the meeting."""
    result = _run("Қалалық әкімдікте Қоғамдық кеңес отырысы өтті. Отырысқа қала әкімі Ермек Сапаров, кеңес "
                  "төрағасы Зере Әлиева қатысты.")
    assert [len(_of_kind(result, k)) for k in ("session", "meeting")] == [1, 0]
    met = _run("Ауруханада өткен кездесуде Мәжіліс депутаты Ғалым Әміреев дәрігерлерге алғыс айтты.")
    [meeting] = _of_kind(met, "meeting")
    assert ("hc:participant", _by_class(met, "Person")["Ғалым Әміреев"].key) in _facts(met, meeting.key)


def test_came_to_a_town_is_a_visit_and_a_child_born_is_not():
    """'Х Қостанайға келді' (a place in the dative right before the verb): a visit; 'сәби дүниеге келді' (a
    child was born) and 'жас мамандар келді' are none."""
    result = _run("Кеше Премьер-министр Кәрім Мәсімов Қостанайға келді.")
    [visit] = _of_kind(result, "visit")
    assert ("hc:participant", _by_class(result, "Person")["Кәрім Мәсімов"].key) in _facts(result, visit.key)
    assert not _events(_run("Биыл перзентханада 300 сәби дүниеге келді. Ауылға жас мамандар келді."))


def test_an_opening_verb_of_a_tally_or_of_something_inside_a_facility_is_no_opening():
    """'екі медициналық пункт пен бір ФАП іске қосылды' with nobody named is a tally; 'Аудандық ауруханада …
    жобасы іске қосылды' launched a project in the hospital; 'Ауылда жаңа дәрігерлік амбулатория ашылды' is an
    opening."""
    assert not _events(_run("2023 жылы облыста екі медициналық пункт пен бір ФАП іске қосылды."))
    assert not _events(_run("Аудан әкімі Серік Бекұлының қолдауымен аудандық ауруханада телемедицина жобасы "
                            "іске қосылды."))
    assert len(_of_kind(_run("Кеше Ақсу ауылында жаңа дәрігерлік амбулатория ашылды."), "opening")) == 1


def test_a_facility_is_not_located_in_a_list_of_districts():
    """'Бостандық, Жетісу және Түрксіб аудандарының тұрғындары … емханасы': the districts' residents come to it,
    it lies in none of them (a facility is in one place)."""
    result = _run("Алматыда Бостандық, Жетісу және Түрксіб аудандарының тұрғындары тіркелгендіктен қалалық "
                  "емхана толып тұр.")
    [clinic] = [e for e in result.entities if e.cls == "HealthcareFacility"]
    places = {f.value for f in result.facts if f.subject == clinic.key and f.prop == "hc:locatedIn"}
    assert places and not any("ауданы" in p for p in places)


def test_built_and_then_opened_in_one_sentence_is_opened():
    """'салынып, жақында ғана пайдалануға берілген аурухана': the construction told first, the opening after it
    in the same sentence: opened."""
    result = _run("Министр жақында салынып, пайдалануға берілген көпсалалы аурухананың жұмысымен танысты.")
    assert _statuses(result)["көпсалалы аурухана"] == {"opened"}


def test_design_documents_for_a_construction_are_a_plan():
    """'… амбулатория құрылысына жобалық-сметалық құжат әзірленуде': the bare 'құрылыс' gives way to the other
    status word of its sentence; alone ('құрылысы басталды') it is under construction."""
    planned = _run("Ақжар шағын ауданында дәрігерлік амбулатория құрылысына жобалық-сметалық құжат әзірленуде.")
    assert _statuses(planned)["дәрігерлік амбулатория"] == {"planned"}
    begun = _run("Кентте аудандық аурухана құрылысы басталды.")
    assert _statuses(begun)["аудандық аурухана"] == {"under_construction"}
    later = _run("Кентте «Ана мен бала орталығының» құрылысы келесі жылы аяқталады деп жоспарланып отыр.")
    assert list(_statuses(later).values()) == [{"under_construction"}]
    soon = _run("Желтоқсанда елордада көпсалалы стационар іске қосылады.")
    assert _statuses(soon)["көпсалалы стационар"] == {"planned"}


def test_a_person_quoted_after_a_gathering_spoke_at_it():
    """'… кеңес өтті. … «…», — деді Х.': Х, quoted after the article's gathering was told, took part in it; a
    person quoted before it did not."""
    result = _run("Бүгін қала әкімдігінде денсаулық сақтау мәселелері бойынша кеңес өтті. Оған қала әкімі Ерлан "
                  "Досов қатысты. «Биыл үш емхана саламыз», — деді басқарма басшысы Айгүл Нұрова.")
    [meeting] = _of_kind(result, "meeting")
    assert ("hc:participant", _by_class(result, "Person")["Айгүл Нұрова"].key) in _facts(result, meeting.key)
    before = _run("«Емханалар жетіспейді», — деді дәрігер Асан Серіков. Кеше қалада денсаулық сақтау мәселелері "
                  "бойынша кеңес өтті. Оған қала әкімі Ерлан Досов қатысты.")
    [meeting] = _of_kind(before, "meeting")
    assert ("hc:participant", _by_class(before, "Person")["Асан Серіков"].key) not in _facts(before, meeting.key)
