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
