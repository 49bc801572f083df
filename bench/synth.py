"""Synthetic merged graphs of a given size for the page benchmark: regions with their officials, facilities,
events and articles that mention them (mostly within one region, so communities exist)."""
from __future__ import annotations

import random

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS, XSD

from kg.concepts import EVENT_KINDS, ROLES, concept
from kg.vocab import DATA, HC, NIF

SHARES = {"Region": 0.02, "Settlement": 0.05, "Person": 0.22, "Post": 0.12, "GovernmentBody": 0.05,
          "Organization": 0.03, "HealthcareFacility": 0.12, "SocialFacility": 0.03, "Venue": 0.02,
          "Event": 0.16, "Indicator": 0.03, "Article": 0.15}
FIRST = ["Алексей", "Мария", "Ерлан", "Айгүл", "Қайрат", "Әсел", "Игорь", "Наталья", "Нұрлан", "Ольга"]
LAST = ["Иванов", "Жақсыбеков", "Петрова", "Әбенов", "Смирнов", "Құдайбергенов", "Орлова", "Сәрсенбаев"]


def label(g: Graph, node: URIRef, text: str) -> None:
    g.add((node, RDFS.label, Literal(text, lang="ru")))


def mint(g: Graph, cls: str, n: int, rnd: random.Random) -> URIRef:
    node = DATA[f"{cls.lower()}/{n:06d}"]
    g.add((node, RDF.type, getattr(HC, cls)))
    if cls == "Person":
        label(g, node, f"{rnd.choice(FIRST)} {rnd.choice(LAST)} {n}")
    elif cls not in ("Post", "Event", "Article", "Indicator"):
        label(g, node, f"{cls} {n}")
    return node


def mention(g: Graph, article: URIRef, res: URIRef, begin: int, text: str) -> None:
    m = URIRef(f"{article}#char={begin},{begin + len(text)}")
    g.add((m, RDF.type, HC.Mention))
    g.add((m, NIF.referenceContext, article))
    g.add((m, NIF.anchorOf, Literal(text)))
    g.add((m, NIF.beginIndex, Literal(begin, datatype=XSD.nonNegativeInteger)))
    g.add((m, NIF.endIndex, Literal(begin + len(text), datatype=XSD.nonNegativeInteger)))
    g.add((res, HC.denotedBy, m))


def relate(g: Graph, cls: str, node: URIRef, home: dict, rnd: random.Random) -> None:
    """Links a new resource to the earlier resources of its region."""
    pick = lambda key: rnd.choice(home[key]) if home.get(key) else None  # noqa: E731
    region = home["Region"][0]
    if cls == "Settlement":
        g.add((node, HC.partOf, region))
    elif cls == "Post":
        g.add((node, HC.postRole, concept("Role", rnd.choice(list(ROLES)))))
        g.add((node, HC.jurisdiction, region))
    elif cls in ("GovernmentBody", "Organization", "HealthcareFacility", "SocialFacility", "Venue"):
        g.add((node, HC.locatedIn, pick("Settlement") or region))
    elif cls == "Event":
        g.add((node, HC.eventType, concept("EventKind", rnd.choice(list(EVENT_KINDS)))))
        g.add((node, HC.eventPlace, pick("Settlement") or region))
        for _ in range(rnd.randint(1, 3)):
            if pick("Person"):
                g.add((node, HC.participant, pick("Person")))
    elif cls == "Indicator":
        g.add((node, HC.indicatorOf, pick("HealthcareFacility") or region))
        g.add((node, HC.measure, Literal("коек")))


def hold_posts(g: Graph, home: dict, rnd: random.Random) -> None:
    for n, post in enumerate(home.get("Post", [])):
        if home.get("Person"):
            person = rnd.choice(home["Person"])
            tenure = URIRef(f"{post}/tenure/{n}")
            g.add((tenure, RDF.type, HC.Tenure))
            g.add((tenure, HC.tenureOf, person))
            g.add((tenure, HC.tenurePost, post))
            g.add((person, HC.holdsPost, post))


def write_articles(g: Graph, home: dict, everything: list, rnd: random.Random) -> None:
    local = [r for key, rs in home.items() if key != "Article" for r in rs]
    for article in home.get("Article", []):
        g.add((article, HC.sourceFile, Literal(f"news/{article.split('/')[-1]}.txt")))
        g.add((article, SKOS.altLabel, Literal("статья")))
        for k, res in enumerate(rnd.sample(local, min(6, len(local))) + rnd.sample(everything, 2)):
            mention(g, article, res, 40 * k, f"упоминание {k} в тексте о здравоохранении")


def synthetic_graph(size: int, seed: int = 1) -> Graph:
    rnd = random.Random(seed)
    g = Graph()
    regions = max(3, round(size * SHARES["Region"]))
    homes = [{"Region": [mint(g, "Region", r, rnd)]} for r in range(regions)]
    counter, everything = regions, []
    for cls, share in SHARES.items():
        for _ in range(0 if cls == "Region" else round(size * share)):
            home = homes[rnd.randrange(regions)]
            node = mint(g, cls, counter, rnd)
            counter += 1
            relate(g, cls, node, home, rnd)
            home.setdefault(cls, []).append(node)
            everything.append(node)
    for home in homes:
        hold_posts(g, home, rnd)
        write_articles(g, home, everything, rnd)
    return g
