"""Kazakh pipeline and extractors on a pathological input: thousands of repeated sentences. The sentence
splitter, entity clean-up and the officials / facilities / orgs / events stages look neighbours up by position
(no scan of the article per trigger), so this runs in seconds; the test checks the output, the timing lives in
bench/bench_kk_repeat.py."""
from __future__ import annotations

from kg.extract import extract
from kg.nlp import pipeline as pipeline_for
from kg.records import Article

SENTENCE = "Шымкент қаласының әкімі Ғабит Сыздықбеков жаңа ауруханаға барды, деп хабарлайды Kazinform."


def test_many_repeated_sentences_give_one_tenure_and_every_sentence():
    n = 3000
    text = " ".join([SENTENCE] * n)
    nlp = pipeline_for("kk")
    doc = nlp(text)
    assert sum(1 for _ in doc.sents) == n
    result = extract(Article(id="rep", source="rep.txt", text=text, language="kk", date="2026-02-20"), doc)
    persons = [e for e in result.entities if e.cls == "Person"]
    tenures = [e for e in result.entities if e.cls == "Tenure"]
    assert [dict(p.labels)["kk"] for p in persons] == ["Ғабит Сыздықбеков"]
    assert len(tenures) == 1
    post = next(f.value for f in result.facts if f.prop == "hc:holdsPost")
    assert ("hc:jurisdiction" in {f.prop for f in result.facts if f.subject == post})
    names = [m for m in result.mentions if m.text == "Ғабит Сыздықбеков"]
    assert len(names) == n


def test_former_post_gives_no_current_tenure():
    nlp = pipeline_for("kk")
    text = ("ҚР Денсаулық сақтау министрлігінің бұрынғы басшысы Ажар Ғиният Астанада жаңа орталықты ашты. "
            "Бұрын Шымкент қаласының әкімі болған Ғабит Сыздықбеков та келді.")
    result = extract(Article(id="f", source="f.txt", text=text, language="kk", date="2026-02-20"), nlp(text))
    assert not [f for f in result.facts if f.prop == "hc:holdsPost"]
