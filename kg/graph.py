"""ArticleResults + merged resources -> RDF. Pure functions: no model, no files.

Named graphs (the contract, ontology.md "Files a build writes"):
- one per article (``id/article/<hash>``): what that article states and nothing else — the article itself,
  its mentions, its facts, which resources it names (``hc:denotedBy``) and what it derived
  (``prov:wasDerivedFrom``). It depends on that article alone, so it never changes once written: adding,
  changing or removing another article leaves it byte for byte the same.
- ``id/graph/resources``: what the merge across articles decides — each resource's class, canonical label per
  language and other names (``rdf:type``, ``rdfs:label``, ``skos:altLabel``).
- ``id/graph/gazetteer``: the gazetteer places and SKOS concepts the build uses.
The merged graph (graph.ttl) is their union.
"""
from __future__ import annotations

from typing import Iterable, Iterator

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

from . import iris
from .concepts import concept
from .link import Resource
from .records import ArticleResult, Fact
from .vocab import HC, NIF, PREFIXES, SCHEMA

Triple = tuple[URIRef, URIRef, object]
_DERIVED = {"Tenure", "Event", "Indicator", "Appointment", "Dismissal", "Nomination"}


def bind_prefixes(graph: Graph) -> Graph:
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns, override=True, replace=True)
    return graph


def term(name: str) -> URIRef:
    """'hc:jurisdiction' -> IRI; hc terms go through the closed namespace and fail on a typo."""
    prefix, _, local = name.partition(":")
    if prefix == "hc":
        return getattr(HC, local)
    if prefix not in PREFIXES:
        raise KeyError(f"unknown prefix in {name!r}")
    return URIRef(PREFIXES[prefix] + local)


def typed_date(value: str) -> Literal:
    n = len(value)
    datatype = XSD.date if n == 10 else XSD.gYearMonth if n == 7 else XSD.gYear
    return Literal(value, datatype=datatype)


def fact_object(fact: Fact):
    kind, value = fact.kind, fact.value
    if kind == "ref":
        return iris.entity_iri(value)
    if kind == "str":
        return Literal(value)
    if kind == "lang":
        body, _, lang = value.rpartition("@")
        return Literal(body, lang=lang)
    if kind == "date":
        return typed_date(value)
    if kind == "bool":
        return Literal(value == "true", datatype=XSD.boolean)
    if kind == "int":
        return Literal(int(value), datatype=XSD.integer)
    if kind == "decimal":
        return Literal(value, datatype=XSD.decimal)
    if kind == "concept":
        cls, _, name = value.partition(":")
        return concept(cls, name)
    if kind == "iri":
        return URIRef(value)
    if kind == "year":
        return Literal(value, datatype=XSD.gYear)
    raise ValueError(f"unknown fact kind {kind!r} in {fact!r}")


def resource_triples(res: Resource) -> Iterator[Triple]:
    node = iris.entity_iri(res.key)
    yield node, RDF.type, getattr(HC, res.cls)
    for lang, label in res.labels:
        yield node, RDFS.label, Literal(label, lang=lang)
    for lang, label in res.alt:
        yield node, SKOS.altLabel, Literal(label, lang=lang)


def mention_triples(article: URIRef, begin: int, end: int, text: str) -> Iterator[Triple]:
    node = iris.mention_iri(article, begin, end)
    yield node, RDF.type, HC.Mention
    yield node, NIF.referenceContext, article
    yield node, NIF.beginIndex, Literal(begin, datatype=XSD.nonNegativeInteger)
    yield node, NIF.endIndex, Literal(end, datatype=XSD.nonNegativeInteger)
    yield node, NIF.anchorOf, Literal(text)


def article_triples(result: ArticleResult) -> Iterator[Triple]:
    """Everything one article states; the merged descriptions of its resources are not here (see
    ``resource_graph_triples``), so this depends on the article alone."""
    art = result.article
    node = iris.article_iri(art.source, art.origin)
    yield node, RDF.type, HC.Article
    yield node, HC.sourceFile, Literal(art.source)
    yield node, DCTERMS.language, Literal(art.language)
    if art.date:
        yield node, SCHEMA.datePublished, typed_date(art.date)
    if result.dateline:
        yield node, HC.datelineDate, typed_date(result.dateline)
    if art.url:
        yield node, SCHEMA.url, Literal(art.url)
    if art.title:
        yield node, SCHEMA.headline, Literal(art.title)
    if result.publisher:
        yield node, DCTERMS.publisher, iris.entity_iri(result.publisher)
    for entity in result.entities:
        if entity.cls in _DERIVED:
            yield iris.entity_iri(entity.key), PROV.wasDerivedFrom, node
    for fact in result.facts:
        subject = iris.entity_iri(fact.subject)
        if fact.kind == "span":
            begin, end = map(int, fact.value.split(","))
            yield from mention_triples(node, begin, end, art.text[begin:end])
            yield subject, term(fact.prop), iris.mention_iri(node, begin, end)
        else:
            yield subject, term(fact.prop), fact_object(fact)
    for m in result.mentions:
        yield from mention_triples(node, m.begin, m.end, m.text)
        yield iris.entity_iri(m.key), HC.denotedBy, iris.mention_iri(node, m.begin, m.end)


def resource_graph_triples(resources: Iterable[Resource]) -> Iterator[Triple]:
    """The merged descriptions: one class and one label per language for each resource."""
    for res in resources:
        yield from resource_triples(res)


def build_dataset(results: Iterable[ArticleResult], resources: dict[str, Resource],
                  gazetteer_triples: Iterable[Triple] = ()) -> Dataset:
    """One named graph per article, the resource graph (gazetteer resources excluded: they are described in
    the gazetteer graph) and the gazetteer graph. The small, in-memory form of what the build writes."""
    ds = Dataset()
    bind_prefixes(ds)
    gaz = ds.graph(iris.GAZETTEER_GRAPH)
    for t in gazetteer_triples:
        gaz.add(t)
    res = ds.graph(iris.RESOURCE_GRAPH)
    for t in resource_graph_triples(resources.values()):
        res.add(t)
    for result in results:
        g = ds.graph(iris.article_iri(result.article.source, result.article.origin))
        for t in article_triples(result):
            g.add(t)
    return ds


def union_graph(ds: Dataset) -> Graph:
    merged = bind_prefixes(Graph())
    for s, p, o, _ in ds.quads((None, None, None, None)):
        merged.add((s, p, o))
    return merged


def gazetteer_triples(gazetteer, keys: Iterable[str]) -> Iterator[Triple]:
    """Descriptions of the gazetteer places used, with the regions and countries they belong to."""
    todo, done = sorted(keys), set()
    while todo:
        key = todo.pop()
        place = gazetteer.get(key)
        if place is None or key in done:
            continue
        done.add(key)
        node = iris.entity_iri(key)
        yield node, RDF.type, getattr(HC, place.cls)
        for lang, label in sorted(place.labels.items()):
            yield node, RDFS.label, Literal(label, lang=lang)
        for lang, names in sorted(place.aliases.items()):
            for name in sorted(set(names) - {place.labels.get(lang)}):
                yield node, SKOS.altLabel, Literal(name, lang=lang)
        if place.iso and place.cls in ("Region", "Country"):
            yield node, HC.isoCode, Literal(place.iso)
        if place.qid:
            yield node, SKOS.exactMatch, URIRef(place.wikidata())
        if place.parent:
            yield node, HC.partOf, iris.entity_iri(place.parent)
            todo.append(place.parent)


def concept_triples(values: Iterable[str]) -> Iterator[Triple]:
    """The SKOS concepts the build uses ('Role:governor'…), with their labels and broader concepts, so the
    graph answers 'hc:eventType/skos:broader* hc:event_meeting' and shows labels without the ontology."""
    from .concepts import BROADER, SCHEMES, broader_closure

    tables = {cls: (scheme, prefix, table) for scheme, cls, prefix, table in SCHEMES}
    todo = set()
    for value in values:
        cls, _, name = value.partition(":")
        todo.update((cls, n) for n in broader_closure(cls, name))
    for cls, name in sorted(todo):
        scheme, prefix, table = tables[cls]
        node = concept(cls, name)
        yield node, RDF.type, SKOS.Concept
        yield node, RDF.type, getattr(HC, cls)
        yield node, SKOS.inScheme, getattr(HC, scheme)
        for lang, label in zip(("ru", "kk", "en"), table[name]):
            yield node, SKOS.prefLabel, Literal(label, lang=lang)
            yield node, RDFS.label, Literal(label, lang=lang)
        if name in BROADER.get(cls, {}):
            yield node, SKOS.broader, concept(cls, BROADER[cls][name])
