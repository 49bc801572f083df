"""SHACL shapes + anchor check: a correct graph conforms; a deliberately broken one yields exactly the
expected violations, each naming its resource, rule and article."""
from __future__ import annotations

import pytest
from rdflib import Literal, URIRef

from kg import iris
from kg.validate import ANCHOR_RULE, as_graph, validate
from kg.vocab import HC, NIF, RDFS, SKOS, XSD
from sample_graph import sample_dataset, sources

LIP = iris.article_iri("000_lip.txt")
KK = iris.article_iri("002_kk.txt")
KZ = iris.article_iri("003_kz.txt")
PERSON = iris.entity_iri("person:игорь артамонов")
REGION = iris.entity_iri("region:RU-LIP")
TENURE = iris.entity_iri("tenure:игорь артамонов|governor|RU-LIP")
OPENING = iris.entity_iri("event:opening|2026-02-27")
BRIEFING = iris.entity_iri("event:briefing|2024-05-14")
COUNTRY = iris.entity_iri("country:RU")


def broken_graph():
    g = as_graph(sample_dataset())
    g.add((PERSON, RDFS.label, Literal("Игорь Артамонов-2", lang="ru")))          # two ru labels
    g.add((REGION, RDFS.label, Literal("Lipetsk")))                               # untagged label
    g.remove((TENURE, HC.tenurePost, None))                                       # tenure without post
    g.add((TENURE, HC.tenureOf, iris.entity_iri("person:габит сыздыкбеков")))     # ... and two persons
    g.add((OPENING, HC.endDate, Literal("2026-01", datatype=XSD.gYearMonth)))     # ends before it starts
    g.set((BRIEFING, HC.startDate, Literal("2024-13-14", datatype=XSD.date)))    # no month 13
    g.set((REGION, HC.isoCode, Literal("RU-lip")))
    g.set((COUNTRY, HC.isoCode, Literal("RUS")))
    g.add((REGION, SKOS.exactMatch, URIRef("https://www.wikidata.org/wiki/Q6568")))
    g.set((iris.mention_iri(KK, 0, 7), NIF.beginIndex, Literal(9, datatype=XSD.nonNegativeInteger)))
    g.set((iris.mention_iri(KZ, 5, 13), NIF.anchorOf, Literal("Шымкент")))          # text says Шымкента
    g.remove((iris.mention_iri(KZ, 14, 31), NIF.anchorOf, None))
    g.set((iris.mention_iri(LIP, 65, 70), NIF.endIndex, Literal("-3", datatype=XSD.nonNegativeInteger)))
    return g


EXPECTED = {
    (PERSON, "at most one rdfs:label per language", "000_lip.txt"),
    (REGION, "rdfs:label must be a language-tagged string", "000_lip.txt"),
    (TENURE, "a tenure has exactly one person (hc:tenureOf)", "000_lip.txt"),
    (TENURE, "a tenure has exactly one post (hc:tenurePost)", "000_lip.txt"),
    (OPENING, "hc:endDate 2026-01 is before hc:startDate 2026-02-27", "000_lip.txt"),
    (BRIEFING, "hc:startDate must be one valid xsd:date, xsd:gYearMonth or xsd:gYear", "003_kz.txt"),
    (REGION, "a region's hc:isoCode is one ISO 3166-2 code like RU-LIP or KZ-79", "000_lip.txt"),
    (COUNTRY, "a country's hc:isoCode is one ISO 3166-1 alpha-2 code like KZ", "000_lip.txt"),
    (REGION, "skos:exactMatch must be a Wikidata entity IRI http://www.wikidata.org/entity/Q…", "000_lip.txt"),
    (iris.mention_iri(KK, 0, 7), "nif:beginIndex must be less than nif:endIndex", "002_kk.txt"),
    (iris.mention_iri(KK, 0, 7), ANCHOR_RULE, "002_kk.txt"),
    (iris.mention_iri(KZ, 5, 13), ANCHOR_RULE, "003_kz.txt"),
    (iris.mention_iri(KZ, 14, 31), "a mention has exactly one nif:anchorOf string", "003_kz.txt"),
    (iris.mention_iri(LIP, 65, 70), "a mention has exactly one nif:endIndex, a non-negative xsd:nonNegativeInteger",
     "000_lip.txt"),
    (iris.mention_iri(LIP, 65, 70), "nif:beginIndex must be less than nif:endIndex", "000_lip.txt"),
    (iris.mention_iri(LIP, 65, 70), ANCHOR_RULE, "000_lip.txt"),
}


def test_correct_graph_conforms():
    report = validate(sample_dataset(), sources=sources())
    assert report.violations == []
    assert report.summary() == f"conforms: {report.triples} triples, 0 violations"


def test_broken_graph_gives_exactly_the_expected_violations():
    report = validate(broken_graph(), sources=sources())
    got = {(URIRef(v.resource), v.rule, ", ".join(v.articles)) for v in report.violations}
    assert got == EXPECTED
    assert not report.conforms


def test_anchor_check_needs_the_texts():
    report = validate(broken_graph())
    assert ANCHOR_RULE not in {v.rule for v in report.violations}
    assert len(report.violations) == len(EXPECTED) - 3


def test_sources_may_be_keyed_by_article_iri():
    g = as_graph(sample_dataset())
    g.set((iris.mention_iri(KK, 0, 7), NIF.anchorOf, Literal("Шымкен")))
    report = validate(g, sources={str(KK): sources()["002_kk.txt"]})
    assert [(v.resource, v.rule) for v in report.violations] == [(str(iris.mention_iri(KK, 0, 7)), ANCHOR_RULE)]


def test_a_violation_reads_as_one_line():
    report = validate(broken_graph(), sources=sources())
    line = next(str(v) for v in report.violations if v.rule.startswith("a country"))
    assert line == (f"000_lip.txt: <{COUNTRY}>: a country's hc:isoCode is one ISO 3166-1 alpha-2 code like KZ "
                    "path=hc:isoCode value=RUS")


@pytest.mark.slow
def test_seeds_build_conforms_with_anchors(seeds_build):
    from kg.validate import validate_file
    from kg import paths

    report = validate_file(seeds_build / "graph.ttl", paths.SEEDS_DIR)
    assert report.violations == [], report.text()
    assert report.triples > 100


def kg(*args):
    import subprocess
    import sys

    return subprocess.run([sys.executable, "-m", "kg.cli", *map(str, args)], capture_output=True, text=True)


def test_cli_validate_conforms_in_one_line(sample_build, tmp_path):
    folder = tmp_path / "texts"
    folder.mkdir()
    for source, text in sources().items():
        (folder / source).write_text(text, encoding="utf-8")
    done = kg("validate", sample_build / "graph.nq", "--sources", folder)
    assert (done.returncode, done.stdout) == (0, "conforms: 117 triples, 0 violations\n")


def test_cli_validate_lists_violations_and_exits_1(tmp_path):
    broken = tmp_path / "broken.ttl"
    broken_graph().serialize(broken, format="turtle")
    done = kg("validate", broken)
    lines = done.stdout.strip().splitlines()
    assert done.returncode == 1
    assert lines[-1].endswith(f"{len(EXPECTED) - 3} violations")     # no --sources: no anchor check
    assert f"003_kz.txt: <{BRIEFING}>: hc:startDate must be one valid" in done.stdout
