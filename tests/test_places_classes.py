"""Classes of false places and missed settlements (helper `places`, session 22), on made-up sentences through
the real Russian and Kazakh pipelines: a town or district named only by the adjective of a facility's name
locates the facility but is no place the article names; streets and facility names the tagger took for places;
Kazakh lists ended by a plural noun ('… ауылдық округтері', '… аудандарының', '… облыстары'), micro-districts,
short region names, a village the gazetteer knows only in another region, common words opening a sentence."""
from __future__ import annotations

import pytest

from kg.nlp.extensions import IMPLIED, PLACES


def _places(doc):
    return {(s.text, s.label_, s.id_) for s in doc.spans[PLACES]}


def _mentioned(result):
    """Keys of the places the article itself names (a mention), and every place key of the result."""
    spans = {m.key for m in result.mentions}
    keys = {e.key for e in result.entities if e.cls in ("Settlement", "Region", "Place", "Country")}
    return keys & spans, keys


@pytest.fixture(scope="module")
def extract_kk(kk_nlp):
    from kg.extract import extract
    from kg.sources import make_article

    def run(text: str):
        article = make_article("k", "k.txt", text, language="kk")
        return extract(article, kk_nlp(article.masked_text()))

    return run


# --- Russian ---------------------------------------------------------------------------------------------

def test_a_town_named_only_inside_a_hospital_name_is_implied(ru_nlp, extract_ru):
    doc = ru_nlp("Губернатор Воронежской области посетил Семилукскую районную больницу.")
    implied = {(s.text, s.id_) for s in doc.spans[IMPLIED]}
    assert implied and all(text == "Семилукскую" for text, _ in implied)
    named, keys = _mentioned(extract_ru("Губернатор Воронежской области посетил Семилукскую районную больницу."))
    assert "region:RU-VOR" in named
    assert any(k.startswith("settlement:семилук") for k in keys)            # it still locates the hospital
    assert not any(k.startswith("settlement:семилук") for k in named)       # but the text does not name it


def test_the_same_town_named_by_itself_is_a_place_of_the_article(extract_ru):
    named, _ = _mentioned(extract_ru("В Семилуках открыли поликлинику, Семилукская ЦРБ получила машину."))
    assert "settlement:семилуки" in named


def test_a_region_adjective_before_a_district_hospital_is_no_region_named(ru_nlp):
    doc = ru_nlp("Главврач Тамбовской ЦРБ встретился с жителями Тамбовской области.")
    assert [s.text for s in doc.spans[IMPLIED]] == ["Тамбовской"]
    assert ("Тамбовской области", "Region", "region:RU-TAM") in _places(doc)


def test_coordinated_adjectives_of_district_hospitals_are_no_places(ru_nlp):
    doc = ru_nlp("Машины отправятся в Борисоглебскую, Пошехонскую, Мышкинскую и Некоузскую районные больницы.")
    assert not [p for p in _places(doc) if p[1] == "Place"]


def test_a_hospital_the_tagger_calls_a_place_is_no_place(ru_nlp):
    doc = ru_nlp("Министр побеседовал с главврачом Икрянинской больницы Андреем Кашиным.")
    assert not [p for p in _places(doc) if "больниц" in p[0]]


def test_streets_are_no_places(ru_nlp):
    doc = ru_nlp("Поликлиника №2 откроется на улице Потылицына, а №27 на улице Ереванской в Новосибирске.")
    assert {p[2] for p in _places(doc)} == {"settlement:новосибирск"}


# --- Kazakh ----------------------------------------------------------------------------------------------

def test_kazakh_district_adjective_names_the_district(kk_nlp):
    # 'X аудандық' ('of X district') names the district in Kazakh text, unlike a Russian town adjective
    doc = kk_nlp("Ордабасы аудандық ауруханасы жөнделді.")
    assert ("Ордабасы аудандық", "Settlement", "settlement:ордабасы ауданы") in _places(doc)
    assert not doc.spans.get(IMPLIED)


def test_kazakh_list_of_rural_okrugs_ended_by_a_plural_noun(kk_nlp):
    doc = kk_nlp("Ауданның құрамына Шаға, Жаңа Иқан, Жібек жолы, Майдантал ауылдық округтері кіреді.")
    keys = {p[2] for p in _places(doc)}
    assert {"settlement:шаға ауылдық округі", "settlement:жаңа иқан ауылдық округі",
            "settlement:жібек жолы ауылдық округі", "settlement:майдантал ауылдық округі"} <= keys
    assert ("Шаға", "Settlement", "settlement:шаға ауылдық округі") in _places(doc)   # the name alone


def test_kazakh_plural_district_noun(kk_nlp):
    from kg.gazetteer import load_gazetteer
    doc = kk_nlp("Қызылорда облысында Шиелі мен Сырдария аудандарының әкімдері сайланды.")
    found = {p[0]: p[2] for p in _places(doc)}
    assert {"Шиелі", "Сырдария аудандарының"} <= set(found)
    gaz = load_gazetteer()       # the gazetteer's districts of those names, in the region the text names
    assert {gaz.region_of(found["Шиелі"]), gaz.region_of(found["Сырдария аудандарының"])} == {"region:KZ-43"}


def test_kazakh_list_of_city_districts_are_the_gazetteers(kk_nlp):
    doc = kk_nlp("Алматыда Бостандық, Жетісу және Түрксіб аудандарының тұрғындары тіркелген.")
    keys = {p[2] for p in _places(doc)}
    assert {"settlement:бостандыкский район", "settlement:жетысуский район", "settlement:турксибский район"} <= keys


def test_kazakh_micro_districts(kk_nlp):
    doc = kk_nlp("Шымкент қаласы Қайнарбұлақ шағын ауданындағы емхана. Ақтаудағы «Ақбұлақ» ықшам ауданында.")
    keys = {p[2] for p in _places(doc)}
    assert {"settlement:қайнарбұлақ шағын ауданы", "settlement:ақбұлақ ықшам ауданы"} <= keys


def test_kazakh_short_region_names_and_a_list_of_regions(kk_nlp):
    doc = kk_nlp("Батыс Қазақстанда меморандум жасалды. Солтүстік Қазақстан, Павлодар, Қостанай облыстары "
                 "әкімдерінің орынбасарлары қатысты. ОҚО облысымызға министр келді.")
    keys = {p[2] for p in _places(doc)}
    assert {"region:KZ-27", "region:KZ-59", "region:KZ-55", "region:KZ-39", "region:KZ-61"} <= keys
    assert "settlement:павлодар" not in keys


def test_kazakh_town_inflected_before_a_regional_noun_is_the_town(kk_nlp):
    doc = kk_nlp("Министр Өскемендегі облыстық орталыққа барды.")
    assert ("Өскемендегі", "Settlement", "settlement:усть-каменогорск") in _places(doc)


def test_kazakh_village_known_only_in_another_region_is_a_namesake(kk_nlp):
    doc = kk_nlp("Атырау облыстық перинаталдық орталығы жөнделуде. Пациенттер Сарыөзектегі ауруханаға көшірілді.")
    (span,) = [s for s in doc.spans[PLACES] if s.text == "Сарыөзектегі"]
    assert span.id_.endswith("|region:kz-23") and span.kb_id_ == "Сарыөзек"


def test_kazakh_common_words_opening_a_sentence_are_no_places(extract_kk):
    _, keys = _mentioned(extract_kk("Жаңа аурухана ашылды. Модульдік ауруханада барлық жағдай жасалған. "
                                    "Осы ауылдағы пункттің жұмысы жақсы. Арнасай ауылында емхана ашылды."))
    assert "settlement:арнасай" in keys
    assert not [k for k in keys if "модульдік" in k or k.endswith(":осы")]


def test_a_person_the_tagger_calls_a_place_is_no_place(ru_nlp):
    doc = ru_nlp("Главный врач городской больницы Гаухар Укбаева показала гостье новые блоки.")
    assert not [p for p in _places(doc) if "Укбаев" in p[0]]


def test_kazakh_person_before_an_unpossessed_settlement_word_is_no_place(kk_nlp):
    doc = kk_nlp("Ардагер Н.Керейбек ауылдағы мәселелерді айтты. Аудан әкімі Нажмадин Шамұратов ауылдарда болды.")
    assert not [p for p in _places(doc) if p[1] == "Settlement"]


def test_a_region_adjective_with_a_non_breaking_hyphen(ru_nlp):
    doc = ru_nlp("Министр посетил Восточно\u2011Казахстанский областной медицинский центр.")
    assert ("Восточно\u2011Казахстанский", "Region", "region:KZ-63") in _places(doc)


@pytest.mark.parametrize("text, street", [
    ("Аким прошёлся по проспекту Абая в Актобе.", "Абая"),
    ("Завершено асфальтирование Лекарского проезда в Казани.", "Лекарского"),
])
def test_streets_named_after_people_or_taken_whole_are_no_places(ru_nlp, text, street):
    assert not [p for p in _places(ru_nlp(text)) if street in p[0]]


def test_kazakh_streets_are_no_places(extract_kk):
    _, keys = _mentioned(extract_kk("Әкім Петропавлдағы Зеленая және Алтын дала көшелеріндегі жолдарды тексерді."))
    assert keys and not [k for k in keys if "зелен" in k or "алтын" in k]


def test_a_name_cut_off_by_the_end_of_the_excerpt_is_no_place(ru_nlp):
    assert not [p for p in _places(ru_nlp("Открыты амбулатории в селах Березовка и Алг")) if p[0] == "Алг"]
    assert ("Березовка", "Settlement", "settlement:березовка") in _places(ru_nlp("Открыт пункт в селе Березовка."))


def test_city_micro_districts_keep_their_noun_and_city(extract_ru):
    result = extract_ru("Аким Алматы рассказал о двух амбулаториях в микрорайонах «Саялы» и «Карасу». "
                        "В Шымкенте больница в микрорайоне «Асар» примет пациентов.")
    facts = {(f.subject, f.prop, f.value) for f in result.facts}
    assert ("settlement:микрорайон саялы", "hc:partOf", "region:KZ-75") in facts
    assert ("settlement:микрорайон карасу", "hc:partOf", "region:KZ-75") in facts
    assert ("settlement:микрорайон асар", "hc:partOf", "region:KZ-79") in facts


def test_kazakh_settlement_word_written_as_one(kk_nlp):
    doc = kk_nlp("Аудан әкімі алдымен Бәйтелі елдімекеніне барды.")
    assert ("Бәйтелі", "Settlement", "settlement:бәйтелі") in _places(doc)


def test_a_gazetteer_place_in_latin_script_keeps_its_latin_name():
    from kg.build import process
    from kg.records import Article
    text = ("Qyzylorda oblysynda jańa aýrýhana ashyldy. 2013-2014 jyldary Shıeli, Aral aýdandarynda emhanalar "
            "salyndy. Oblys ákimi Shıeli aýdanyna jumys saparymen bardy.")
    result = process(Article(id="l", source="l.txt", text=text, language="kk", date="2024-05-01"))
    alts = {(f.subject, f.value) for f in result.facts if f.prop == "skos:altLabel"}
    assert any(value.endswith("@kk-Latn") and subject.startswith("region:") for subject, value in alts), alts


def test_squares_stay_places_and_an_island_is_no_person(ru_nlp):
    found = _places(ru_nlp("Митинг прошёл на Манежной площади. Отдыхающие приехали на остров Уайт."))
    assert ("Манежной площади", "Place", "place:манежная площадь") in found
    assert [p for p in found if p[0] == "Уайт" or p[0].endswith("Уайт")]


def test_a_lower_case_town_adjective_names_the_town(ru_nlp):
    doc = ru_nlp("Липецкая областная больница открыла задонский филиал.")
    assert [s for s in doc.spans[PLACES] if s.text == "задонский"]
    assert not [s for s in doc.spans[IMPLIED] if s.text == "задонский"]
