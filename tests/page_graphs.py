"""Graphs for the page tests, built with rdflib and kg.vocab terms directly (no NLP model)."""
from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, SKOS

from kg.concepts import concept
from kg.vocab import DATA, HC, NIF

XSD_NS = "http://www.w3.org/2001/XMLSchema#"  # not rdflib's XSD: pytest's collection trips its warnings
HOSTILE = ['<script>window.__pwned = 1</script>', '<img src=x onerror="window.__pwned=2;alert(2)">',
           '"; window.__pwned = 3; //', "\\u003c/script> ' \\\" \\", '</script><script>window.__pwned=4</script>',
           "line\u2028break\u2029<b onmouseover=alert(5)>bold</b>"]
TEXTS: dict[URIRef, str] = {}  # article IRI -> its text, for the mention offsets


def entity(g: Graph, path: str, cls: str, alt: tuple[str, ...] = (), **labels: str) -> URIRef:
    node = DATA[path]
    g.add((node, RDF.type, getattr(HC, cls)))
    for lang, text in labels.items():
        g.add((node, RDFS.label, Literal(text, lang=lang)))
    for text in alt:
        g.add((node, SKOS.altLabel, Literal(text, lang="ru")))
    return node


def article(g: Graph, name: str, text: str, headline: str | None = None) -> URIRef:
    node = DATA[f"article/{name}"]
    g.add((node, RDF.type, HC.Article))
    g.add((node, HC.sourceFile, Literal(f"{name}.txt")))
    if headline:
        g.add((node, URIRef("http://schema.org/headline"), Literal(headline)))
    TEXTS[node] = text
    return node


def span(g: Graph, art: URIRef, quote: str) -> URIRef:
    begin = TEXTS[art].index(quote)
    m = URIRef(f"{art}#char={begin},{begin + len(quote)}")
    for p, o in ((RDF.type, HC.Mention), (NIF.referenceContext, art), (NIF.anchorOf, Literal(quote)),
                 (NIF.beginIndex, Literal(begin, datatype=URIRef(XSD_NS + "nonNegativeInteger"))),
                 (NIF.endIndex, Literal(begin + len(quote), datatype=URIRef(XSD_NS + "nonNegativeInteger")))):
        g.add((m, p, o))
    return m


def mention(g: Graph, res: URIRef, art: URIRef, quote: str) -> None:
    g.add((res, HC.denotedBy, span(g, art, quote)))


def tenure(g: Graph, person: URIRef, post: URIRef, art: URIRef, sentence: str, acting: bool = False) -> None:
    t = URIRef(f"{post}/tenure")
    for p, o in ((RDF.type, HC.Tenure), (HC.tenureOf, person), (HC.tenurePost, post), (PROV.wasDerivedFrom, art),
                 (HC.acting, Literal(acting)), (HC.evidence, span(g, art, sentence))):
        g.add((t, p, o))
    g.add((person, HC.holdsPost, post))


RU_TEXT = ("Губернатор Липецкой области Игорь Артамонов открыл новый корпус областной больницы в Липецке. "
           "Игорь Артамонов встретился с министром здравоохранения Михаилом Мурашко.")
KK_TEXT = "Шымкент қаласының әкімі Әлібек Қасымов жаңа аурухананы аралады. Шымкентте емхана ашылды."


def realistic_graph() -> Graph:
    g = Graph()
    a1 = article(g, "lipetsk", RU_TEXT, headline="Артамонов открыл корпус больницы")
    a2 = article(g, "shymkent", KK_TEXT)
    ru, kz = entity(g, "country/RU", "Country", ru="Россия", kk="Ресей", en="Russia"), entity(
        g, "country/KZ", "Country", ru="Казахстан", kk="Қазақстан", en="Kazakhstan")
    lip = entity(g, "region/RU-LIP", "Region", alt=("Липецкой области",), ru="Липецкая область", en="Lipetsk Oblast")
    shym = entity(g, "region/KZ-79", "Region", alt=("Шымкентте",), ru="Шымкент", kk="Шымкент", en="Shymkent")
    city = entity(g, "settlement/lipetsk", "Settlement", ru="Липецк", en="Lipetsk")
    g.add((lip, HC.partOf, ru)), g.add((shym, HC.partOf, kz)), g.add((city, HC.partOf, lip))
    art = entity(g, "person/artamonov", "Person", alt=("Игоря Артамонова",), ru="Игорь Артамонов", en="Igor Artamonov")
    mur = entity(g, "person/murashko", "Person", ru="Михаил Мурашко", en="Mikhail Murashko")
    kas = entity(g, "person/kasymov", "Person", ru="Алибек Касымов", kk="Әлібек Қасымов")
    gov = entity(g, "post/gov-lip", "Post")
    g.add((gov, HC.postRole, concept("Role", "governor"))), g.add((gov, HC.jurisdiction, lip))
    akim = entity(g, "post/akim-shym", "Post", ru="аким Шымкента", kk="Шымкент әкімі")
    g.add((akim, HC.postRole, concept("Role", "akim"))), g.add((akim, HC.jurisdiction, shym))
    minz = entity(g, "org/minzdrav", "GovernmentBody", ru="Министерство здравоохранения России", en="Ministry of Health")
    g.add((minz, HC.jurisdiction, ru))
    hosp = entity(g, "facility/lokb", "HealthcareFacility", ru="Липецкая областная больница")
    g.add((hosp, RDF.type, HC.Facility)), g.add((hosp, HC.locatedIn, city))
    g.add((hosp, HC.facilityStatus, concept("FacilityStatus", "opened")))
    kz_hosp = entity(g, "facility/shym-hosp", "HealthcareFacility", kk="Шымкент қалалық ауруханасы")
    g.add((kz_hosp, HC.locatedIn, shym))
    ev = entity(g, "event/meeting", "Event")
    for p, o in ((HC.eventType, concept("EventKind", "meeting")), (HC.eventPlace, city), (HC.participant, art),
                 (HC.participant, mur), (HC.organizer, minz), (PROV.wasDerivedFrom, a1),
                 (HC.startDate, Literal("2024-05-14", datatype=URIRef(XSD_NS + "date"))),
                 (HC.evidence, span(g, a1, RU_TEXT.split(". ")[1]))):
        g.add((ev, p, o))
    tenure(g, art, gov, a1, RU_TEXT.split(". ")[0] + ".")
    tenure(g, kas, akim, a2, KK_TEXT.split(". ")[0] + ".")
    for res, a, quote in ((art, a1, "Игорь Артамонов"), (lip, a1, "Липецкой области"), (city, a1, "Липецке"),
                          (hosp, a1, "областной больницы"), (mur, a1, "Михаилом Мурашко"), (kas, a2, "Әлібек Қасымов"),
                          (shym, a2, "Шымкентте"), (kz_hosp, a2, "аурухананы")):
        mention(g, res, a, quote)
    return g


def hostile_graph() -> Graph:
    g = Graph()
    text = " ".join(HOSTILE)
    a = article(g, HOSTILE[4], text)
    for n, payload in enumerate(HOSTILE):
        person = entity(g, f"person/hostile{n}", "Person", alt=(payload + " alt",), ru=f"pwned {n} {payload}")
        g.add((person, HC.measure, Literal(payload)))
        mention(g, person, a, payload)
    return g


def many_graph(regions: int = 6, per_region: int = 12) -> Graph:
    """Regions with persons, facilities and events: enough nodes for the reduced view at a low threshold."""
    g = Graph()
    for r in range(regions):
        region = entity(g, f"region/R{r}", "Region", ru=f"Регион {r}")
        a = article(g, f"news{r}", f"Новости региона {r}")
        mention(g, region, a, f"региона {r}")
        for n in range(per_region):
            cls = ("Person", "HealthcareFacility", "Event", "Organization")[n % 4]
            res = entity(g, f"r{r}/e{n}", cls, ru=f"{cls} {r}.{n}")
            g.add((res, HC.eventPlace if cls == "Event" else HC.locatedIn, region))
    return g


BEL_TEXT = ("Губернатор Белгородской области Вячеслав Гладков провёл совещание с главврачами. "
            "Гладков поручил открыть поликлинику в Строителе. По словам Вячеслава Гладкова, работы начнутся в мае.")
BEL_TEXT_2 = "Вячеслав Гладков посетил областную больницу в марте 2020 года."


def dated(value: str) -> Literal:
    return Literal(value, datatype=URIRef(XSD_NS + "date"))


def analyst_graph() -> Graph:
    """Two dated articles with headline and publisher, one person with the same sentence as evidence twice, a
    plain mention, tenures and events in different years, and a label with a right-to-left override."""
    g = Graph()
    pub = entity(g, "org/belpressa", "Organization", ru="БелПресса")
    a1 = article(g, "bel1", BEL_TEXT, headline="Гладков провёл совещание")
    a2 = article(g, "bel2", BEL_TEXT_2, headline="Визит в больницу")
    for a, day in ((a1, "2024-05-14"), (a2, "2020-03-02")):
        g.add((a, URIRef("http://schema.org/datePublished"), dated(day)))
        g.add((a, URIRef("http://purl.org/dc/terms/publisher"), pub))
    bel = entity(g, "region/RU-BEL", "Region", ru="Белгородская область")
    g.add((bel, HC.isoCode, Literal("RU-BEL")))
    glad = entity(g, "person/gladkov", "Person", alt=("Вячеслава Гладкова",), ru="Вячеслав Гладков")
    post = entity(g, "post/gov-bel", "Post", ru="губернатор Белгородской области")
    g.add((post, HC.jurisdiction, bel))
    first = BEL_TEXT.split(". ")[0] + "."
    tenure(g, glad, post, a1, first)
    t = URIRef(f"{post}/tenure")
    g.add((t, HC.startDate, dated("2024-01-01")))
    meeting = entity(g, "event/meeting-2024", "Event", ru="совещание с главврачами")
    for p, o in ((HC.eventPlace, bel), (HC.participant, glad), (HC.startDate, dated("2024-05-14")),
                 (HC.evidence, span(g, a1, first)), (PROV.wasDerivedFrom, a1)):
        g.add((meeting, p, o))
    visit = entity(g, "event/visit-2020", "Event", ru="визит в больницу")
    for p, o in ((HC.eventPlace, bel), (HC.participant, glad), (HC.startDate, dated("2020-03-02")),
                 (HC.evidence, span(g, a2, BEL_TEXT_2)), (PROV.wasDerivedFrom, a2)):
        g.add((visit, p, o))
    dup = URIRef(f"{a1}#sentence-again")  # the same sentence under another mention IRI: shown once
    for p, o in ((RDF.type, HC.Mention), (NIF.referenceContext, a1), (NIF.anchorOf, Literal(first))):
        g.add((dup, p, o))
    g.add((glad, HC.evidence, dup))
    mention(g, glad, a1, "Гладков")
    mention(g, glad, a1, "Вячеслава Гладкова")
    mention(g, bel, a1, "Белгородской области")
    entity(g, "person/bidi", "Person", ru="Иван \u202eвонаври\u202c Петров \u2067x\u2069\u200f")
    return g


def news_union(path, persons: int, articles: int, regions: int = 8) -> Graph:
    """A news-shaped graph written as the build writes its union (sorted N-Triples): dated articles with a
    publisher, persons mentioned in two articles each (some IRIs prefixes of others: p1, p1-2), posts named by
    role and region, tenures with evidence, events, facilities. Returns the graph."""
    from kg import export

    g = Graph()
    pub = entity(g, "org/publisher", "Organization", ru="Издатель")
    arts = []
    said: list[list[str]] = [[] for _ in range(articles)]
    for p in range(persons):
        said[p % articles].append(f"Персона {p} выступила.")
    for a in range(articles):
        text = f"Новость {a}. " + " ".join(said[a])
        node = article(g, f"n{a:05d}", text, headline=f"Заголовок {a}")
        g.add((node, URIRef("http://schema.org/datePublished"), dated(f"2024-{1 + a % 12:02d}-{1 + a % 28:02d}")))
        g.add((node, URIRef("http://purl.org/dc/terms/publisher"), pub))
        arts.append(node)
    places = [entity(g, f"region/R{r}", "Region", ru=f"Регион {r}", kk=f"Аймақ {r}") for r in range(regions)]
    for p in range(persons):
        path_ = f"person/p{p // 3}" + ("" if p % 3 == 0 else f"-{p % 3}")
        who = entity(g, path_, "Person", ru=f"Персона {p}", alt=(f"П. {p}",))
        home = arts[p % articles]
        mention(g, who, home, f"Персона {p}")
        g.add((who, HC.denotedBy, span(g, home, f"Новость {p % articles}")))
        if p % 4 == 0:
            post = DATA[f"post/{p}"]
            g.add((post, RDF.type, HC.Post))
            g.add((post, HC.postRole, concept("Role", "governor")))
            g.add((post, HC.jurisdiction, places[p % regions]))
            tenure(g, who, post, home, f"Персона {p} выступила.")
        if p % 5 == 0:
            event = entity(g, f"event/{p}", "Event", ru=f"Событие {p}")
            g.add((event, HC.eventPlace, places[p % regions]))
            g.add((event, HC.participant, who))
            g.add((event, PROV.wasDerivedFrom, home))
        if p % 7 == 0:
            place = entity(g, f"facility/{p}", "HealthcareFacility", ru=f"Больница {p}")
            g.add((place, HC.locatedIn, places[p % regions]))
    lines = sorted({export.nt_triple(s, p, o) for s, p, o in g})
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.writelines(line + " .\n" for line in lines)
    return g
