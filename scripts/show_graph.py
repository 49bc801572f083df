"""Print a readable digest of a built graph (for developers): resources by class with their facts."""
import sys

from rdflib import Graph, RDF, RDFS
from rdflib.namespace import SKOS

from kg.vocab import HC

SKIP = {RDF.type, RDFS.label, SKOS.altLabel, HC.denotedBy}


def name(g, node):
    label = g.value(node, RDFS.label) or g.value(node, SKOS.prefLabel)
    return str(label) if label else str(node).rsplit("/", 1)[-1]


def main(path, classes=None):
    g = Graph().parse(path)
    wanted = classes.split(",") if classes else ["Person", "Post", "Tenure", "Organization", "GovernmentBody",
              "HealthcareFacility", "SocialFacility", "Facility", "Venue", "Settlement", "Place", "Event", "Indicator"]
    for cls in wanted:
        nodes = sorted(set(g.subjects(RDF.type, HC[cls])), key=lambda n: name(g, n))
        print(f"== {cls} ({len(nodes)})")
        for n in nodes:
            facts = []
            for p, o in sorted(g.predicate_objects(n)):
                if p in SKIP or str(p).endswith("evidence") or str(p).endswith("wasDerivedFrom"):
                    continue
                facts.append(f"{str(p).rsplit('#', 1)[-1].rsplit('/', 1)[-1]}={name(g, o) if not hasattr(o, 'language') else o}")
            print(f"  {name(g, n)!r}: " + "; ".join(facts))


if __name__ == "__main__":
    main(*sys.argv[1:])
