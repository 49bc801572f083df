"""A deterministic synthetic graph in the hckg vocabulary, for benchmarks (not a test).

    python bench/gen_graph.py --triples 1000000 --out bench/out/synthetic

writes graph.nq (one named graph per article + the gazetteer graph, like the build) and graph.nt (the
same triples merged). Same arguments, same bytes: a seeded ``random.Random``, IRIs from ``kg.iris``.
A resource is described once, in the first article that names it, so nearly every triple is distinct.
"""
from __future__ import annotations

import argparse
import random
from pathlib import Path

from kg import iris
from kg.concepts import EVENT_KINDS, FACILITY_KINDS, FACILITY_STATUSES, ROLES, concept
from kg.vocab import DCTERMS, HC, NIF, PROV, RDF, RDFS, SCHEMA, XSD

REGIONS = ["RU-LIP", "RU-KLU", "RU-BEL", "RU-MOW", "RU-SPE", "RU-TAT", "RU-NIZ", "RU-SVE", "RU-KDA",
           "KZ-79", "KZ-75", "KZ-71", "KZ-11", "KZ-15", "KZ-19", "KZ-23", "KZ-27", "KZ-31"]
FIRST = ["Игорь", "Владислав", "Вячеслав", "Габит", "Анна", "Мария", "Ерлан", "Айгуль", "Олег", "Дина"]
LAST = ["Артамонов", "Шапша", "Гладков", "Сыздыкбеков", "Иванова", "Петрова", "Сапаров", "Нуркенова"]
WORDS = ["центр", "больница", "поликлиника", "диспансер", "здоровья", "детская", "городская", "областная"]


def iri(term) -> str:
    return f"<{term}>"


def lit(value, datatype=None, lang=None) -> str:
    text = str(value).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{text}"@{lang}' if lang else f'"{text}"^^<{datatype}>' if datatype else f'"{text}"'


class Writer:
    """Collects N-Quads lines; knows which resources are already described."""

    def __init__(self):
        self.lines: list[str] = []
        self.seen: set[str] = set()
        self.graph = ""

    def add(self, s, p, o: str) -> None:
        self.lines.append(f"{iri(s)} {iri(p)} {o} {iri(self.graph)} .")

    def first(self, key: str) -> bool:
        new = key not in self.seen
        self.seen.add(key)
        return new


def gazetteer(w: Writer) -> None:
    w.graph = iris.GAZETTEER_GRAPH
    for code in REGIONS:
        node = iris.entity_iri(f"region:{code}")
        w.add(node, RDF.type, iri(HC.Region))
        w.add(node, RDFS.label, lit(f"Регион {code}", lang="ru"))
        w.add(node, HC.isoCode, lit(code))
        w.add(node, HC.partOf, iri(iris.entity_iri(f"country:{code[:2]}")))


def mention(w: Writer, art, begin: int, text: str):
    node = iris.mention_iri(art, begin, begin + len(text))
    w.add(node, RDF.type, iri(HC.Mention))
    w.add(node, NIF.referenceContext, iri(art))
    w.add(node, NIF.beginIndex, lit(begin, XSD.nonNegativeInteger))
    w.add(node, NIF.endIndex, lit(begin + len(text), XSD.nonNegativeInteger))
    w.add(node, NIF.anchorOf, lit(text))
    return node


def person(w: Writer, rng: random.Random, art, region: str, offset: int) -> str:
    name = f"{rng.choice(FIRST)} {rng.choice(LAST)}{rng.randrange(2000)}"
    role = rng.choice(list(ROLES))
    node, post = iris.entity_iri(f"person:{name}"), iris.entity_iri(f"post:{role}|{region}")
    if w.first(str(node)):
        w.add(node, RDF.type, iri(HC.Person))
        w.add(node, RDFS.label, lit(name, lang="ru"))
    if w.first(str(post)):
        w.add(post, RDF.type, iri(HC.Post))
        w.add(post, HC.postRole, iri(concept("Role", role)))
        w.add(post, HC.jurisdiction, iri(iris.entity_iri(f"region:{region}")))
    w.add(node, HC.denotedBy, iri(mention(w, art, offset, name)))
    tenure = iris.entity_iri(f"tenure:{name}|{role}|{region}|{art}")
    w.add(node, HC.holdsPost, iri(post))
    for p, o in ((RDF.type, iri(HC.Tenure)), (HC.tenureOf, iri(node)), (HC.tenurePost, iri(post)),
                 (HC.acting, lit(str(rng.random() < 0.1).lower(), XSD.boolean)), (PROV.wasDerivedFrom, iri(art)),
                 (HC.evidence, iri(mention(w, art, offset, f"{role} {name}")))):
        w.add(tenure, p, o)
    return str(node)


def facility(w: Writer, rng: random.Random, art, region: str, offset: int) -> None:
    name = f"{rng.choice(WORDS)} {rng.choice(WORDS)} №{rng.randrange(5000)}"
    node = iris.entity_iri(f"facility:{name}|{region}")
    if w.first(str(node)):
        w.add(node, RDF.type, iri(HC.HealthcareFacility))
        w.add(node, RDFS.label, lit(name, lang="ru"))
        w.add(node, HC.locatedIn, iri(iris.entity_iri(f"region:{region}")))
        w.add(node, HC.facilityKind, iri(concept("FacilityKind", rng.choice(list(FACILITY_KINDS)))))
    w.add(node, HC.facilityStatus, iri(concept("FacilityStatus", rng.choice(list(FACILITY_STATUSES)))))
    w.add(node, HC.denotedBy, iri(mention(w, art, offset, name)))


def article(w: Writer, rng: random.Random, n: int) -> None:
    art = iris.article_iri(f"synthetic/{n:07d}.txt")
    w.graph = art
    day = f"{2019 + n % 7}-{1 + n % 12:02d}-{1 + n % 28:02d}"
    lang = "kk" if n % 3 == 0 else "ru"
    for p, o in ((RDF.type, iri(HC.Article)), (HC.sourceFile, lit(f"synthetic/{n:07d}.txt")),
                 (DCTERMS.language, lit(lang)), (SCHEMA.datePublished, lit(day, XSD.date))):
        w.add(art, p, o)
    region = rng.choice(REGIONS)
    w.add(iris.entity_iri(f"region:{region}"), HC.denotedBy, iri(mention(w, art, 0, f"Регион {region}")))
    people = [person(w, rng, art, region, 20 + 40 * i) for i in range(2)]
    for i in range(2):
        facility(w, rng, art, region, 200 + 50 * i)
    event = iris.entity_iri(f"event:{n}")
    for p, o in ((RDF.type, iri(HC.Event)), (HC.eventType, iri(concept("EventKind", rng.choice(list(EVENT_KINDS))))),
                 (HC.startDate, lit(day, XSD.date)), (HC.eventPlace, iri(iris.entity_iri(f"region:{region}"))),
                 (PROV.wasDerivedFrom, iri(art)), *((HC.participant, iri(p)) for p in people)):
        w.add(event, p, o)


def generate(triples: int, seed: int = 5) -> list[str]:
    rng, w = random.Random(seed), Writer()
    gazetteer(w)
    n = 0
    while len(w.lines) < triples:
        article(w, rng, n)
        n += 1
    return w.lines[:triples]


def write(lines: list[str], out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    (out / "graph.nq").write_text("\n".join(lines) + "\n", encoding="utf-8")
    triples = (line.rsplit(" <", 1)[0] + " ." for line in lines)
    (out / "graph.nt").write_text("\n".join(triples) + "\n", encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--triples", type=int, default=1_000_000)
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument("--out", type=Path, default=Path(__file__).parent / "out" / "synthetic")
    args = ap.parse_args()
    write(generate(args.triples, args.seed), args.out)
    print(f"wrote {args.triples} triples to {args.out}/graph.nq and graph.nt")


if __name__ == "__main__":
    main()
