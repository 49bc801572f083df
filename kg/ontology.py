"""The ontology file as data: the hc: terms it declares, and its SKOS section generated from kg.concepts.

``python -m kg.ontology`` rewrites the concept-scheme section of ``ontology/hckg.ttl`` (between the
"concept schemes" marker and the "end of concept schemes" marker) from ``kg/concepts.py``; a test checks
that the file and the tables agree, both ways.
"""
from __future__ import annotations

import re
from functools import lru_cache

from rdflib import Graph, URIRef

from . import paths
from .concepts import BROADER, SCHEMES
from .vocab import HC_NS

BEGIN = "#################################################################### concept schemes"
END = "#################################################################### end of concept schemes"

# scheme -> ((ru, kk, en) labels, (ru, kk, en) definitions)
SCHEME_TEXTS = {
    "EventKinds": (("Виды событий", "Оқиға түрлері", "Event kinds"),
                   ("Виды событий, о которых сообщают статьи.", "Мақалалар хабарлайтын оқиға түрлері.",
                    "The kinds of events articles report.")),
    "Roles": (("Роли должностей", "Лауазым рөлдері", "Roles"),
              ("Роли должностей: губернатор, аким, министр, главный врач…",
               "Лауазым рөлдері: губернатор, әкім, министр, бас дәрігер…",
               "The roles of posts: governor, akim, minister, chief physician…")),
    "FacilityKinds": (("Виды учреждений", "Мекеме түрлері", "Facility kinds"),
                      ("Виды учреждений: больница, поликлиника, диспансер…",
                       "Мекеме түрлері: аурухана, емхана, диспансер…",
                       "The kinds of facilities: hospital, polyclinic, dispensary…")),
    "FacilityStatuses": (("Состояния учреждений", "Мекеме күйлері", "Facility statuses"),
                         ("Состояния учреждения, о которых сообщает статья.",
                          "Мақала хабарлайтын мекеме күйлері.",
                          "The states of a facility an article reports.")),
}
LANGS = ("ru", "kk", "en")


def _tagged(texts) -> str:
    return " , ".join(f'"{t}"@{lang}' for t, lang in zip(texts, LANGS))


def concepts_turtle() -> str:
    """The concept-scheme section, generated from kg.concepts (stable order: the tables' order)."""
    out = [BEGIN, ""]
    for scheme, cls, prefix, table in SCHEMES:
        labels, definitions = SCHEME_TEXTS[scheme]
        out += [f"hc:{scheme} a skos:ConceptScheme ;", f"    rdfs:label {_tagged(labels)} ;",
                f"    skos:prefLabel {_tagged(labels)} ;", f"    skos:definition {_tagged(definitions)} .", ""]
        for name, names in table.items():
            broader = BROADER.get(cls, {}).get(name)
            out += [f"hc:{prefix}{name} a skos:Concept , hc:{cls} ;", f"    skos:inScheme hc:{scheme} ;"]
            out += [f"    skos:broader hc:{prefix}{broader} ;"] if broader else []
            out += [f"    skos:prefLabel {_tagged(names)} ;", f"    rdfs:label {_tagged(names)} .", ""]
    return "\n".join(out + [END])


def regenerate(text: str) -> str:
    """The ontology text with its concept section replaced by ``concepts_turtle()``."""
    pattern = re.compile(re.escape(BEGIN) + r".*?" + re.escape(END), re.S)
    if not pattern.search(text):
        raise ValueError(f"{paths.ONTOLOGY}: markers {BEGIN!r} ... {END!r} not found")
    return pattern.sub(lambda _: concepts_turtle(), text)


@lru_cache(maxsize=1)
def ontology_graph() -> Graph:
    return Graph().parse(paths.ONTOLOGY, format="turtle")


def declared_terms(graph: Graph | None = None) -> set[URIRef]:
    """Every hc: IRI the ontology describes (as a subject)."""
    graph = ontology_graph() if graph is None else graph
    return {s for s in graph.subjects() if isinstance(s, URIRef) and s.startswith(HC_NS)}


def main() -> None:
    text = paths.ONTOLOGY.read_text(encoding="utf-8")
    new = regenerate(text)
    if new != text:
        paths.ONTOLOGY.write_text(new, encoding="utf-8")
    print(f"{paths.ONTOLOGY}: concept schemes {'rewritten' if new != text else 'already in sync'}")


if __name__ == "__main__":
    main()
