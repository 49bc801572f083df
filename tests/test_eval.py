"""The evaluation harness without models: span scorers, corpus readers (against the real files), the
occupation matcher and the seeds scorer on small graphs made with rdflib here."""
from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib import namespace as ns
from rdflib.namespace import PROV, RDF, RDFS, SKOS

from kg.eval import conll, factru
from kg.eval.graphview import GROUP_ROOTS, group_spans, read_view
from kg.eval.occupation import GoldOccupation, score_occupations
from kg.eval.seedscore import score_seeds
from kg.eval.spans import Span, max_matching, score_spans
from kg.vocab import DATA, HC, HC_NS, NIF

ROOT = Path(__file__).resolve().parent.parent
DEVSET = ROOT / "data" / "factrueval-2016" / "devset"
KAZNERD = ROOT / "data" / "kaznerd" / "IOB2_valid.txt"


def S(begin, end, doc="d"):
    return Span(doc, begin, end)


# ---------------------------------------------------------------- span scorer

def test_exact_and_overlap_differ():
    gold, pred = [S(0, 10), S(20, 25)], [S(0, 10), S(19, 25)]
    exact, over = score_spans(gold, pred, "exact"), score_spans(gold, pred, "overlap")
    assert (exact.tp, exact.fp, exact.fn) == (1, 1, 1)
    assert (over.tp, over.fp, over.fn) == (2, 0, 0) and over.f1 == 1.0


def test_overlap_is_one_to_one():
    # one long prediction over two gold mentions matches only one of them (the larger overlap)
    score = score_spans([S(0, 5), S(6, 20)], [S(0, 20)], "overlap")
    assert (score.tp, score.fp, score.fn) == (1, 0, 1)
    assert score.false_neg == [S(0, 5)]
    # two predictions inside one gold mention: one matches, the other is a false positive
    score = score_spans([S(0, 20)], [S(0, 5), S(6, 20)], "overlap")
    assert (score.tp, score.fp, score.fn) == (1, 1, 0)


def test_overlap_needs_same_doc_and_a_shared_character():
    score = score_spans([S(0, 5, "a"), S(10, 12, "a")], [S(0, 5, "b"), S(12, 14, "a")], "overlap")
    assert (score.tp, score.fp, score.fn) == (0, 2, 2)


def test_empty_and_duplicates():
    empty = score_spans([], [], "overlap")
    assert (empty.precision, empty.recall, empty.f1) == (0.0, 0.0, 0.0)
    assert score_spans([S(0, 3)], [], "exact").fn == 1
    assert score_spans([], [S(0, 3)], "overlap").fp == 1
    dup = score_spans([S(0, 3), S(0, 3)], [S(0, 3), Span("d", 0, 3, "x")], "exact")
    assert (dup.tp, dup.fp, dup.fn) == (1, 0, 0)


def test_max_matching_finds_augmenting_path():
    # greedy 0->0 would leave 1 unmatched; the maximum matching is 0->1, 1->0
    assert max_matching({0: [0, 1], 1: [0]}) == {0: 1, 1: 0}
    assert max_matching({}) == {}


# ---------------------------------------------------------------- factRuEval reader

@pytest.fixture(scope="module")
def devset():
    if not DEVSET.is_dir():
        pytest.skip("factRuEval devset not present")
    return factru.read_split(DEVSET)


def test_factru_offsets_match_text(devset):
    assert len(devset) == 122
    spans = 0
    for doc in devset:
        for begin, end, tokens in doc.spans.values():
            piece = doc.text[begin:end]
            assert piece.startswith(tokens[0]) and piece.endswith(tokens[-1]), (doc.name, piece, tokens)
            spans += 1
        for obj in doc.objects:
            span = doc.object_span(obj)
            assert span.text == doc.text[span.begin:span.end] and span.text.strip()
    assert spans > 4000


def test_factru_tokens_match_text(devset):
    for doc in devset:
        for line in DEVSET.joinpath(doc.name).with_suffix(".tokens").read_text(encoding="utf-8").splitlines():
            parts = line.split()
            if len(parts) >= 4:
                begin, length = int(parts[1]), int(parts[2])
                assert doc.text[begin:begin + length] == parts[3], (doc.name, parts)


def test_factru_gold_occupations(devset):
    from kg.eval.occupation import gold_occupations

    facts = [g for doc in devset for g in gold_occupations(doc)]
    assert len(facts) == 211
    assert all(f.who for f in facts)
    assert sum(bool(f.position) for f in facts) >= 190 and sum(bool(f.where) for f in facts) >= 200
    luzhkov = next(f for f in facts if f.id == "100-0")
    assert {s.text for s in luzhkov.who} == {"Юрия Лужкова"} and len(luzhkov.who) == 2      # both coref mentions
    assert [s.text for s in luzhkov.position] == ["мэра"] and {s.text for s in luzhkov.where} == {"Москвы", "Москве"}


# ---------------------------------------------------------------- CoNLL reader

def test_conll_reader_offsets(tmp_path):
    path = tmp_path / "x.txt"
    path.write_text("Ерлан B-PERSON\nҚарин I-PERSON\nАстана B-GPE\nO-ға O\n\nҚР B-ORGANISATION\nДСМ I-ORGANISATION\n"
                    "x I-GPE\n", encoding="utf-8")
    sentences = list(conll.read_conll(path))
    assert [s.tokens for s in sentences] == [["Ерлан", "Қарин", "Астана", "O-ға"], ["ҚР", "ДСМ", "x"]]
    [article] = conll.to_articles(sentences, 50, name="c.jsonl")
    assert article.text == "Ерлан Қарин Астана O-ға\nҚР ДСМ x" and article.source == "c.jsonl#s00000"
    texts = {cls: [s.text for s in spans] for cls, spans in article.gold.items()}
    assert texts == {"PERSON": ["Ерлан Қарин"], "GPE+LOCATION": ["Астана", "x"], "ORGANISATION+FACILITY": ["ҚР ДСМ"]}


def test_conll_real_file_offsets_and_split():
    if not KAZNERD.is_file():
        pytest.skip("KazNERD not present")
    sentences = list(conll.read_conll(KAZNERD))
    assert len(sentences) == 11167
    held = conll.select(sentences, "heldout")
    assert 0.10 < len(held) / len(sentences) < 0.20
    assert len(conll.select(sentences, "all")) == len(sentences)
    assert conll.select(sentences[:10], "heldout", split_fn=lambda toks: False) == []
    for article in conll.to_articles(held, 50):
        for spans in article.gold.values():
            for span in spans:
                assert article.text[span.begin:span.end] == span.text and span.text == span.text.strip()


# ---------------------------------------------------------------- graph-based scorers

def _mention(g: Graph, res: URIRef, src: str, begin: int, end: int, prop=HC.denotedBy) -> None:
    article = DATA[f"article/{src}"]
    g.add((article, HC.sourceFile, Literal(src)))
    m = URIRef(f"{article}#char={begin},{end}")
    g.add((res, prop, m))
    g.add((m, RDF.type, HC.Mention))
    g.add((m, NIF.referenceContext, article))
    g.add((m, NIF.beginIndex, Literal(begin, datatype=ns.XSD.nonNegativeInteger)))
    g.add((m, NIF.endIndex, Literal(end, datatype=ns.XSD.nonNegativeInteger)))


def test_group_spans_use_subclasses():
    g = Graph()
    hospital, region, post = DATA["facility/h"], DATA["region/RU-LIP"], DATA["post/p"]
    g.add((hospital, RDF.type, HC.HealthcareFacility))
    g.add((region, RDF.type, HC.Region))
    g.add((post, RDF.type, HC.Post))
    for res, b in ((hospital, 0), (region, 10), (post, 20)):
        _mention(g, res, "a.txt", b, b + 5)
    spans = group_spans(read_view(g))
    assert spans["Organization"] == [Span("a.txt", 0, 5, "")]
    assert spans["Location"] == [Span("a.txt", 10, 15, "")] and spans["Person"] == []
    assert set(GROUP_ROOTS) == {"Person", "Location", "Organization"}


def _tenure_graph(src="a.txt"):
    """Person at 0..10, post at 12..20 with jurisdiction mentioned at 21..30; evidence 0..40."""
    g = Graph()
    person, post, place, tenure = DATA["person/p"], DATA["post/q"], DATA["region/RU-LIP"], DATA["tenure/t"]
    g.add((person, RDF.type, HC.Person))
    g.add((post, RDF.type, HC.Post))
    g.add((place, RDF.type, HC.Region))
    g.add((post, HC.jurisdiction, place))
    g.add((tenure, RDF.type, HC.Tenure))
    g.add((tenure, HC.tenureOf, person))
    g.add((tenure, HC.tenurePost, post))
    g.add((tenure, PROV.wasDerivedFrom, DATA[f"article/{src}"]))
    _mention(g, person, src, 0, 10)
    _mention(g, post, src, 12, 20)
    _mention(g, place, src, 21, 30)
    _mention(g, tenure, src, 0, 40, HC.evidence)
    return g


class _Doc:
    """Stands in for a FactruDoc: a name and ready-made gold occupations."""

    def __init__(self, golds):
        self.name, self.golds = "a.txt", golds
        self.facts = []


def test_occupation_matching(monkeypatch):
    from kg.eval import occupation

    view = read_view(_tenure_graph())
    who, where = [S(3, 10, "a.txt")], [S(21, 30, "a.txt")]
    golds = [GoldOccupation("1", "a.txt", who, [S(12, 20, "a.txt")], where),       # matches
             GoldOccupation("2", "a.txt", who, [S(35, 38, "a.txt")], []),          # inside evidence: matches too
             GoldOccupation("3", "a.txt", [S(50, 55, "a.txt")], [], [])]          # unknown person
    monkeypatch.setattr(occupation, "gold_occupations", lambda doc: doc.golds)
    score = score_occupations([_Doc(golds)], view)
    assert (score.tp, score.fp, score.fn) == (1, 0, 2)        # one tenure can match one fact only
    reasons = {f["id"]: f["reason"] for f in score.false_neg}
    assert reasons["3"].startswith("no tenure")
    wrong_where = [GoldOccupation("4", "a.txt", who, [S(12, 20, "a.txt")], [S(45, 50, "a.txt")])]
    score = score_occupations([_Doc(wrong_where)], view)
    assert (score.tp, score.fp, score.fn) == (0, 1, 1) and "Where" in score.false_neg[0]["reason"]


def _seed_graph() -> Graph:
    g = _tenure_graph("000.txt")
    person, post, tenure = DATA["person/p"], DATA["post/q"], DATA["tenure/t"]
    g.add((person, RDFS.label, Literal("Игорь Артамонов", lang="ru")))
    g.add((post, HC.postRole, URIRef(HC_NS + "role_governor")))
    g.add((tenure, HC.acting, Literal(False)))
    g.add((DATA["region/RU-LIP"], HC.isoCode, Literal("RU-LIP")))
    fac, event, noisy = DATA["facility/f"], DATA["event/e"], DATA["organization/o"]
    g.add((fac, RDF.type, HC.SocialFacility))
    g.add((fac, RDFS.label, Literal("Центр «Лесная сказка»", lang="ru")))
    g.add((fac, HC.locatedIn, DATA["region/RU-LIP"]))
    _mention(g, fac, "000.txt", 50, 60)
    g.add((event, RDF.type, HC.Event))
    g.add((event, RDFS.label, Literal("коллегия", lang="ru")))
    g.add((event, HC.eventType, URIRef(HC_NS + "event_collegium")))
    g.add((event, HC.startDate, Literal("2026-02-27", datatype=ns.XSD.date)))
    g.add((event, HC.participant, person))
    g.add((event, PROV.wasDerivedFrom, DATA["article/000.txt"]))
    g.add((noisy, RDF.type, HC.Organization))
    g.add((noisy, SKOS.altLabel, Literal("«Здравоохранение»", lang="ru")))
    _mention(g, noisy, "000.txt", 70, 80)
    return g


SEED_GOLD = {
    "officials": [{"level": "must", "name": "Игорь Артамонов", "role": "губернатор", "acting": False,
                   "region": "RU-LIP", "files": ["000.txt"]},
                  {"level": "must", "name": "Вячеслав Гладков", "role": "губернатор", "acting": True,
                   "region": "RU-BEL", "files": ["001.txt"]}],
    "regions": [{"level": "must", "iso": "RU-LIP", "files": ["000.txt"]},
                {"level": "must", "iso": "RU-LIP", "files": ["000.txt", "001.txt"]}],
    "facilities": [{"level": "must", "name": "Лесная сказка", "region": "RU-LIP", "kind": "social",
                    "status": "opened", "files": ["000.txt"]}],
    "events": [{"level": "must", "key": "k", "name": "Синергия заботы", "type": "meeting", "start": "2026-02-27",
                "participants": ["Игорь Артамонов"], "files": ["000.txt"]}],
    "noise": ["Здравоохранение", "Пресс-служба"],
}


def test_seeds_scorer_on_a_tiny_graph():
    result = score_seeds(_seed_graph(), SEED_GOLD)
    items = {(i["category"], i["name"]): i for i in result["items"]}
    assert items["officials", "Игорь Артамонов"]["ok"]
    assert items["officials", "Вячеслав Гладков"]["found"] is None
    assert [i["ok"] for i in result["items"] if i["category"] == "regions"] == [True, False]
    fac = items["facilities", "Лесная сказка"]
    assert fac["found"] and fac["checks"] == {"status": False, "kind": True, "region": True} and not fac["ok"]
    event = items["events", "Синергия заботы"]
    assert event["ok"] and event["checks"]["type"]           # collegium accepted for meeting, found by date
    assert result["recall"]["officials"]["must"] == {"n": 2, "identified": 1, "full": 1}
    assert result["precision"]["persons"]["precision"] == 1.0
    assert result["precision"]["organizations"]["correct"] == 0
    assert [n["noise"] for n in result["noise"]] == ["Здравоохранение"]


def test_eval_cli_is_registered():
    from kg.cli import parser

    args = parser().parse_args(["eval", "seeds", "--graph", "g.ttl", "--json", "r.json"])
    assert args.corpus == "seeds" and args.graph == Path("g.ttl")
    args = parser().parse_args(["eval", "kaznerd", "--split", "all"])
    assert args.split == "all" and args.per_article == 50
