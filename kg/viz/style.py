"""The one style table of the network page: how each class looks and which classes the reduced view keeps.

Order matters: a resource typed with several classes is drawn as the first class of this table it has,
so subclasses come before their superclasses (a hospital typed hc:HealthcareFacility and hc:Facility is
a healthcare facility).
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ClassStyle:
    key: str  # local name in the hc: namespace
    color: str
    shape: str  # a vis-network shape whose size follows the node's value
    core: bool  # shown by the reduced view of a big graph


STYLES: tuple[ClassStyle, ...] = (
    ClassStyle("Person", "#e15759", "dot", True),
    ClassStyle("Post", "#f28e2b", "diamond", False),
    ClassStyle("HealthcareFacility", "#59a14f", "triangle", True),
    ClassStyle("SocialFacility", "#8cd17d", "triangle", True),
    ClassStyle("Facility", "#b6992d", "triangle", True),
    ClassStyle("GovernmentBody", "#4e79a7", "square", False),
    ClassStyle("Organization", "#76b7b2", "square", False),
    ClassStyle("Venue", "#9c755f", "triangleDown", False),
    ClassStyle("Region", "#af7aa1", "hexagon", True),
    ClassStyle("Settlement", "#d4a6c8", "hexagon", False),
    ClassStyle("Country", "#7b4173", "hexagon", True),
    ClassStyle("Event", "#edc948", "star", True),
    ClassStyle("Indicator", "#ff9da7", "triangleDown", False),
    ClassStyle("Article", "#bab0ac", "square", False),
)
"""Every class that becomes a node. hc:Mention and hc:Tenure are not nodes (see ``kg.viz``)."""

NODE_CLASSES: tuple[str, ...] = tuple(s.key for s in STYLES)

CLUSTER_COLOR = "#6b6b6b"
DIM_COLOR = "#e4e4e4"
ARTICLE_EDGE_COLOR = "#c8c8c8"
EDGE_COLOR = "#8a8a8a"

# Labels for the few non-hc properties the page shows; hc: properties take theirs from the ontology.
EXTERNAL_PROPERTY_LABELS: dict[str, dict[str, str]] = {
    "prov:wasDerivedFrom": {"ru": "источник", "kk": "дереккөз", "en": "derived from"},
    "dcterms:publisher": {"ru": "издатель", "kk": "баспагер", "en": "publisher"},
    "dcterms:language": {"ru": "язык", "kk": "тіл", "en": "language"},
    "schema:datePublished": {"ru": "дата публикации", "kk": "жарияланған күні", "en": "date published"},
    "schema:headline": {"ru": "заголовок", "kk": "тақырып", "en": "headline"},
    "schema:url": {"ru": "адрес", "kk": "мекенжай", "en": "URL"},
    "skos:exactMatch": {"ru": "соответствие", "kk": "сәйкестік", "en": "exact match"},
    "rdfs:comment": {"ru": "комментарий", "kk": "түсініктеме", "en": "comment"},
}

# Edges that tie a resource to the article stating it: drawn dashed and light, left out of importance.
ARTICLE_PROPERTIES = frozenset({"hc:denotedBy", "prov:wasDerivedFrom", "dcterms:publisher"})


def style_of(key: str) -> ClassStyle:
    for style in STYLES:
        if style.key == key:
            return style
    raise KeyError(f"no style for class {key!r}; styled classes: {', '.join(NODE_CLASSES)}")
