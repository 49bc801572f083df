"""The extraction stage's spaCy components, run on Docs built by hand (words and normalized forms set here,
no NLP models), and the declared order of the stage."""
from __future__ import annotations

import json

import pytest
import spacy
from spacy.tokens import Doc, Span


def hand_doc(lang: str, words: list[str], norms: list[str] | None = None, lemmas: list[str] | None = None,
             pos: list[str] | None = None, sent_starts: list[bool] | None = None) -> Doc:
    """A Doc as the NLP stage would leave it: Russian lemmas in ``norm_``, Kazakh stems in ``lemma_``."""
    nlp = spacy.blank(lang)
    doc = Doc(nlp.vocab, words=words, lemmas=lemmas, pos=pos, sent_starts=sent_starts)
    for tok, norm in zip(doc, norms or []):
        tok.norm_ = norm
    return doc


def run(name: str, doc: Doc, lang: str = "ru") -> Doc:
    import kg.extract.pipeline  # noqa: F401  (registers the components)

    nlp = spacy.blank(lang)
    return nlp.add_pipe(name, config={"lang": lang})(doc)


def found(doc: Doc, key: str) -> list[tuple[str, str]]:
    return [(span.text, span.label_) for span in doc.spans[key]]


def test_roles_component_writes_longest_role_spans():
    doc = hand_doc("ru", ["Заместитель", "министра", "здравоохранения", "и", "главный", "врач", "больницы"],
                   ["заместитель", "министр", "здравоохранение", "и", "главный", "врач", "больница"])
    run("hc_roles", doc)
    assert found(doc, "hc_roles") == [("Заместитель министра", "deputy_minister"), ("главный врач", "chief_physician")]


def test_events_component_matches_multiword_kinds():
    doc = hand_doc("ru", ["Прошел", "круглый", "стол", "и", "рабочая", "встреча"],
                   ["пройти", "круглый", "стол", "и", "рабочий", "встреча"])
    run("hc_events", doc)
    assert found(doc, "hc_events") == [("круглый стол", "round_table"), ("рабочая встреча", "meeting")]


def test_facilities_component_keeps_overlapping_heads_and_acronyms():
    doc = hand_doc("ru", ["Перинатальный", "центр", "и", "ЦРБ"], ["перинатальный", "центр", "и", "црб"])
    run("hc_facilities", doc)
    assert found(doc, "hc_facilities") == [("Перинатальный центр", "perinatal_centre"), ("центр", "medical_centre"),
                                           ("ЦРБ", "hospital")]


def test_one_word_families_and_trigger_tokens():
    from kg.extract.common import trigger_tokens

    doc = hand_doc("ru", ["Его", "назначили", ",", "больницу", "отремонтировали", "и", "открыли"],
                   ["он", "назначить", ",", "больница", "отремонтировать", "и", "открыть"])
    for name in ("hc_appointment", "hc_statuses", "hc_event_verbs"):
        run(name, doc)
    assert trigger_tokens(doc, "hc_appointment") == {1: "appointment"}
    assert trigger_tokens(doc, "hc_statuses") == {4: "under_repair", 6: "opened"}
    assert trigger_tokens(doc, "hc_event_verbs") == {6: "opening"}


def test_kazakh_components_match_stems_in_lemma():
    doc = hand_doc("kk", ["облыс", "әкімінің", "орынбасары", "кездесу", "өтті"],
                   lemmas=["облыс", "әкім", "орынбасар", "кездесу", "өт"])
    run("hc_roles", doc, "kk")
    run("hc_events", doc, "kk")
    assert found(doc, "hc_roles") == [("әкімінің орынбасары", "deputy_akim")]
    assert found(doc, "hc_events") == [("кездесу", "meeting")]


def test_extractor_reads_status_spans_from_a_hand_built_doc():
    from kg.extract.facilities import status_of
    from kg.extract.lexicon import load_lexicon

    doc = hand_doc("ru", ["Поликлинику", "закрыли", "."], ["поликлиника", "закрыть", "."],
                   pos=["NOUN", "VERB", "PUNCT"], sent_starts=[True, False, False])
    run("hc_statuses", doc)
    assert status_of(None, doc[0:3], load_lexicon("ru")) == "closed"
    doc.spans["hc_statuses"] = [Span(doc, 0, 1, label="modernized")]   # it reads the spans, not the words
    assert status_of(None, doc[0:3], load_lexicon("ru")) == "modernized"


def test_acting_marker_read_from_spans():
    from kg.extract.lexicon import load_lexicon
    from kg.extract.officials import is_acting

    doc = hand_doc("ru", ["Временно", "исполняющий", "обязанности", "губернатора", "Иван"],
                   ["временно", "исполнять", "обязанность", "губернатор", "иван"], sent_starts=[True] + [False] * 4)
    run("hc_acting", doc)
    assert found(doc, "hc_acting")[-1] == ("исполняющий обязанности", "acting")
    assert is_acting(doc, doc[3:4], load_lexicon("ru"))
    doc2 = hand_doc("ru", ["Советник", "губернатора"], ["советник", "губернатор"], sent_starts=[True, False])
    run("hc_acting", doc2)
    assert not is_acting(doc2, doc2[1:2], load_lexicon("ru"))


def test_steps_declare_what_they_read_before_it_is_written():
    """Every notes key or trigger span a step requires is assigned by an earlier step (or is the NLP stage's)."""
    from kg.extract.pipeline import STEPS, extraction, step_names

    nlp_stage = {"doc.ents", "doc.sents", "doc._.hc_ctx", "token.norm", "token.lemma", "doc.spans[kg_places]"}
    for lang in ("ru", "kk"):
        names = step_names(lang)
        assert extraction(lang).pipe_names == names
        assigned = set(nlp_stage)
        for step in (s for s in STEPS if s.name in names):
            missing = [r for r in step.requires if r not in assigned and (r.startswith("doc.spans[hc_"))]
            assert not missing, (lang, step.name, missing)
            assigned |= set(step.assigns)
    ru = extraction("ru").pipe_names
    assert ru.index("hc_roles") < ru.index("hc_extract_officials") < ru.index("hc_extract_appointments")
    assert ru.index("hc_extract_collect_events") < ru.index("hc_extract_emit_events")


def test_every_component_declares_requires_and_assigns():
    from kg.extract.pipeline import extraction

    meta = extraction("ru").analyze_pipes(pretty=False)["summary"]
    for name, info in meta.items():
        assert info["assigns"], name
        assert info["requires"], name
    assert meta["hc_roles"]["assigns"] == ["doc.spans"]


def test_malformed_tables_fail_at_load_naming_file_and_entry(tmp_path):
    from kg.patterns import PatternError, check_concepts, parse

    path = tmp_path / "facility_heads.json"
    path.write_text(json.dumps({"table": "facility_heads", "concept": "FacilityKind", "match": "lemma",
                                "fields": {"cls": "str"},
                                "entries": [{"words": ["больница"], "value": "hospital", "cls": "Hospital"}]}),
                    encoding="utf-8")
    with pytest.raises(PatternError, match=r"facility_heads.json: entry 0 \['больница'\]: field 'cls'"):
        parse(path, "ru")
    path.write_text(json.dumps({"table": "facility_heads", "concept": "FacilityKind", "match": "lemma",
                                "entries": [{"words": ["больница"], "value": "hospitl"}]}), encoding="utf-8")
    with pytest.raises(PatternError, match="'hospitl' is not a FacilityKind"):
        parse(path, "ru")
    with pytest.raises(PatternError, match="GATHERINGS: 'congres' is not a EventKind"):
        check_concepts("lexicon", {"EventKind": {"GATHERINGS": {"forum", "congres"}}})


def test_word_sets_decode_and_check_concepts(tmp_path):
    from kg.extract.lexicon import load_lexicon
    from kg.patterns import PatternError, parse_word_sets

    lex = load_lexicon("ru")
    assert isinstance(lex.PLAN_CUES, set) and "планироваться" in lex.PLAN_CUES
    assert lex.PERIOD_CUES[0] == ("в", "последний") and isinstance(lex.PERIOD_CUES, tuple)
    assert lex.CAPACITY_UNITS["койка"] == ("коечный фонд", "койка")
    assert lex.MERGES_INTO["session"][0] == "collegium" and lex.BETWEEN == "между"
    path = tmp_path / "word_sets.json"
    path.write_text(json.dumps({"sets": {"GATHERINGS": {"concept": "EventKind", "set": ["forum", "congres"]}}}),
                    encoding="utf-8")
    with pytest.raises(PatternError, match="set GATHERINGS: 'congres' is not a EventKind"):
        parse_word_sets(path)
    path.write_text(json.dumps({"sets": {"PLAN_CUES": {"set": ["план"], "map": {}}}}), encoding="utf-8")
    with pytest.raises(PatternError, match="word_sets.json: set PLAN_CUES: keys are"):
        parse_word_sets(path)
    path.write_text(json.dumps({"sets": {"VERB_NEEDS": {"concept": "EventKind", "check": "keys",
                                                        "map": {"opening": "object", "vist": "actor"}}}}),
                    encoding="utf-8")
    with pytest.raises(PatternError, match="'vist' is not a EventKind"):
        parse_word_sets(path)


def test_all_russian_tables_load_and_lexicon_is_served_from_them():
    from kg.extract.lexicon import load_lexicon
    from kg.extract.pipeline import check_patterns
    from kg.patterns import load_all

    check_patterns()
    tables = load_all("ru")
    assert {"events", "event_verbs", "event_phrases", "facility_heads", "facility_abbreviations", "statuses",
            "bridges", "body_heads", "body_abbreviations", "legal_forms", "country_adjectives"} <= set(tables)
    lex = load_lexicon("ru")
    assert lex.EVENTS == tables["events"].as_dict()
    assert lex.FACILITY_HEADS["перинатальный центр"] == ("perinatal_centre", "HealthcareFacility", False)
    assert lex.FACILITY_HEADS["црб"] == ("hospital", "HealthcareFacility", False)
    assert lex.STATUS["ремонт"] == "under_repair"
    assert "при" in lex.BRIDGE_PREPOSITIONS
    assert "министерство" in lex.GOV_HEADS and "министерство" in lex.ORG_HEADS and "союз" not in lex.GOV_HEADS
