"""Russian sentences at line breaks: news pages put headings and list items on lines of their own, often
without a full stop, and the text store writes them as markdown ('# ', '* ', '| '). Invented text."""
import pytest

from kg.nlp.natasha_adapter import segment

from test_extract_ru import _tenures


def _sents(text):
    return [s.text for s in segment(text).sents]


@pytest.mark.parametrize("marker", ["# ", "* ", "• ", "| ", "➡ ", "© ", "1) "])
def test_a_marked_line_is_its_own_sentence(marker):
    text = (f"Участники встречи:\n{marker}Пётр Сидоров, директор центра\n"
            f"{marker}Анна Белова, главный врач больницы\nРазговор начался с кадров.")
    assert _sents(text) == ["Участники встречи:", f"{marker}Пётр Сидоров, директор центра",
                            f"{marker}Анна Белова, главный врач больницы", "Разговор начался с кадров."]


@pytest.mark.parametrize("text", [
    "Министр осмотрел новое\nотделение больницы и поговорил с врачами.",     # a hard-wrapped line goes on
    "Министр осмотрел отделение\n, где лечат детей.",
    "Министр осмотрел отделение (хирургии\n) и поговорил с врачами.",
])
def test_a_line_that_goes_on_is_one_sentence(text):
    assert len(_sents(text)) == 1


@pytest.mark.slow
def test_every_name_of_a_markdown_list_keeps_its_post(extract_ru):
    result = extract_ru("Участники круглого стола:\n"
                        "# Пётр Сидоров, главный врач городской больницы № 2\n"
                        "# Анна Белова, главный врач областного онкологического диспансера\n"
                        "# Ольга Краснова, заместитель председателя правительства Самарской области\n"
                        "Разговор начался с кадров.")
    people = {(name, role) for name, role, _, _ in _tenures(result)}
    assert {("Пётр Сидоров", "chief_physician"), ("Анна Белова", "chief_physician")} <= people
    assert any(name == "Ольга Краснова" for name, _ in people)


@pytest.mark.slow
def test_a_post_ending_its_line_is_not_the_next_lines_name(extract_ru):
    """'Name, role …' runs to the end of its line; the name that opens the next line is not 'the next name's
    role' (the check for 'Иван Петров, главный врач больницы Сергей Сидоров' stays inside the sentence)."""
    result = extract_ru("Пётр Сидоров, главный врач городской больницы № 2\nАнна Белова рассказала о кадрах.")
    assert ("Пётр Сидоров", "chief_physician") in {(name, role) for name, role, _, _ in _tenures(result)}


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "В приёме участвовал главный врач Шовгеновской ЦРБ Анна Петрова.",
    "В приёме участвовала и. о. главного врача Кошехабльской ЦРБ Анна Петрова.",
])
def test_a_place_adjective_before_a_facility_acronym_is_no_person(extract_ru, text):
    """The tagger takes an unknown '-ской' before 'ЦРБ' for a surname; it names the hospital's place."""
    result = extract_ru(text)
    assert {name for name, role, _, _ in _tenures(result) if role == "chief_physician"} == {"Анна Петрова"}
    assert not any(e.cls == "Person" and "ской" in e.key for e in result.entities)
