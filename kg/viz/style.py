"""The one style table of the network page: how each class looks (colours at least 3:1 against the background).

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
    shape: str  # dot, diamond, triangle, triangleDown, square, hexagon, star


STYLES: tuple[ClassStyle, ...] = (
    ClassStyle("Person", "#d62728", "dot"),
    ClassStyle("Post", "#c25a00", "diamond"),
    ClassStyle("HealthcareFacility", "#2e7d32", "triangle"),
    ClassStyle("SocialFacility", "#5d8a1f", "triangle"),
    ClassStyle("Facility", "#8a6d00", "triangle"),
    ClassStyle("GovernmentBody", "#1f5fa8", "square"),
    ClassStyle("Organization", "#00838f", "square"),
    ClassStyle("Venue", "#8c564b", "triangleDown"),
    ClassStyle("Region", "#8e44ad", "hexagon"),
    ClassStyle("Settlement", "#b03a83", "hexagon"),
    ClassStyle("Country", "#5b2c6f", "hexagon"),
    ClassStyle("Event", "#a66f00", "star"),
    ClassStyle("Indicator", "#c2185b", "triangleDown"),
    ClassStyle("Article", "#6d6d6d", "square"),
)
"""Every class that becomes a node. hc:Mention and hc:Tenure are not nodes (see ``kg.viz``)."""

NODE_CLASSES: tuple[str, ...] = tuple(s.key for s in STYLES)

BACKGROUND = "#ffffff"
CLUSTER_COLOR = "#5f6b7a"
DIM_COLOR = "#e4e4e4"
ARTICLE_EDGE_COLOR = "#c8c8c8"
EDGE_COLOR = "#8a8a8a"
TEXT_COLOR = "#1f1f1f"
MUTED_TEXT_COLOR = "#595959"  # 7:1 on white
COLORS = {"cluster": CLUSTER_COLOR, "dim": DIM_COLOR, "edge": EDGE_COLOR, "articleEdge": ARTICLE_EDGE_COLOR,
          "background": BACKGROUND, "text": TEXT_COLOR, "muted": MUTED_TEXT_COLOR}

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
