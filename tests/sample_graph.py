"""A small graph made with kg.graph functions only (no NLP): three articles shaped like the seeds.

Used by the ontology, shapes, query and store tests so they run without the build; the seeds build is
tested separately (``seeds_build`` fixture).
"""
from __future__ import annotations

from rdflib import Literal
from rdflib.namespace import RDF, RDFS, SKOS

from kg import iris
from kg.graph import build_dataset
from kg.link import merge
from kg.records import Article, ArticleResult, Entity, Fact, Mention
from kg.vocab import HC, WD

TEXT_RU = "Губернатор Липецкой области Игорь Артамонов открыл кардиоцентр в Ельце."
TEXT_KK = "Шымкент қаласында жаңа емхана ашылды."
TEXT_KZ_RU = "Аким Шымкента Габит Сыздыкбеков провёл брифинг 2024-05-14."


def _span(text: str, part: str) -> tuple[int, int]:
    begin = text.index(part)
    return begin, begin + len(part)


def _mention(key: str, text: str, part: str) -> Mention:
    begin, end = _span(text, part)
    return Mention(key, begin, end, text[begin:end])


def article_lip() -> ArticleResult:
    art = Article("a0", "000_lip.txt", TEXT_RU, "ru", date="2026-02-27")
    person, post, tenure = "person:игорь артамонов", "post:governor|RU-LIP", "tenure:игорь артамонов|governor|RU-LIP"
    fac, event, town = "facility:кардиоцентр|RU-LIP", "event:opening|2026-02-27", "settlement:елец"
    entities = (Entity(person, "Person", (("ru", "Игорь Артамонов"),)), Entity(post, "Post"),
                Entity(tenure, "Tenure"), Entity(fac, "HealthcareFacility", (("ru", "кардиоцентр"),)),
                Entity(event, "Event", (("ru", "открытие кардиоцентра"),)), Entity("region:RU-LIP", "Region"),
                Entity(town, "Settlement"))
    begin, end = 0, len(TEXT_RU)
    facts = (Fact(person, "hc:holdsPost", post), Fact(post, "hc:postRole", "Role:governor", "concept"),
             Fact(post, "hc:jurisdiction", "region:RU-LIP"), Fact(tenure, "hc:tenureOf", person),
             Fact(tenure, "hc:tenurePost", post), Fact(tenure, "hc:acting", "false", "bool"),
             Fact(tenure, "hc:evidence", f"{begin},{end}", "span"),
             Fact(fac, "hc:locatedIn", town), Fact(fac, "hc:facilityStatus", "FacilityStatus:opened", "concept"),
             Fact(fac, "hc:facilityKind", "FacilityKind:hospital", "concept"),
             Fact(event, "hc:eventType", "EventKind:opening", "concept"),
             Fact(event, "hc:startDate", "2026-02-27", "date"), Fact(event, "hc:eventPlace", town),
             Fact(event, "hc:participant", person))
    mentions = (_mention(person, TEXT_RU, "Игорь Артамонов"), _mention("region:RU-LIP", TEXT_RU, "Липецкой области"),
                _mention(fac, TEXT_RU, "кардиоцентр"), _mention(town, TEXT_RU, "Ельце"))
    return ArticleResult(art, entities, facts, mentions)


def article_kk() -> ArticleResult:
    art = Article("a2", "002_kk.txt", TEXT_KK, "kk")
    return ArticleResult(art, (Entity("region:KZ-79", "Region"),),
                         mentions=(_mention("region:KZ-79", TEXT_KK, "Шымкент"),))


def article_kz_ru() -> ArticleResult:
    art = Article("a3", "003_kz.txt", TEXT_KZ_RU, "ru")
    person, post, tenure = "person:габит сыздыкбеков", "post:akim|KZ-79", "tenure:габит сыздыкбеков|akim|KZ-79"
    event = "event:briefing|2024-05-14"
    entities = (Entity(person, "Person", (("ru", "Габит Сыздыкбеков"),)), Entity(post, "Post"),
                Entity(tenure, "Tenure"), Entity(event, "Event"), Entity("region:KZ-79", "Region"))
    facts = (Fact(person, "hc:holdsPost", post), Fact(post, "hc:postRole", "Role:akim", "concept"),
             Fact(post, "hc:jurisdiction", "region:KZ-79"), Fact(tenure, "hc:tenureOf", person),
             Fact(tenure, "hc:tenurePost", post), Fact(tenure, "hc:acting", "false", "bool"),
             Fact(event, "hc:eventType", "EventKind:briefing", "concept"),
             Fact(event, "hc:startDate", "2024-05-14", "date"), Fact(event, "hc:participant", person),
             Fact(event, "hc:eventPlace", "region:KZ-79"))
    mentions = (_mention(person, TEXT_KZ_RU, "Габит Сыздыкбеков"), _mention("region:KZ-79", TEXT_KZ_RU, "Шымкента"))
    return ArticleResult(art, entities, facts, mentions)


def gazetteer_triples():
    lip, kz79, ru, kz = (iris.entity_iri(k) for k in ("region:RU-LIP", "region:KZ-79", "country:RU", "country:KZ"))
    town = iris.entity_iri("settlement:елец")
    yield lip, RDF.type, HC.Region
    yield lip, RDFS.label, Literal("Липецкая область", lang="ru")
    yield lip, HC.isoCode, Literal("RU-LIP")
    yield lip, HC.partOf, ru
    yield lip, SKOS.exactMatch, WD.Q6568
    yield kz79, RDF.type, HC.Region
    yield kz79, RDFS.label, Literal("Шымкент", lang="ru")
    yield kz79, RDFS.label, Literal("Шымкент", lang="kk")
    yield kz79, HC.isoCode, Literal("KZ-79")
    yield kz79, HC.partOf, kz
    yield town, RDF.type, HC.Settlement
    yield town, RDFS.label, Literal("Елец", lang="ru")
    yield town, HC.partOf, lip
    for node, code, name in ((ru, "RU", "Россия"), (kz, "KZ", "Казахстан")):
        yield node, RDF.type, HC.Country
        yield node, RDFS.label, Literal(name, lang="ru")
        yield node, HC.isoCode, Literal(code)


def results() -> list[ArticleResult]:
    return [article_lip(), article_kk(), article_kz_ru()]


def sample_dataset():
    res = results()
    return build_dataset(res, merge(res), gazetteer_triples())


def sources() -> dict[str, str]:
    """sourceFile -> text, as ``kg.validate.validate(sources=...)`` takes it."""
    return {r.article.source: r.article.text for r in results()}


