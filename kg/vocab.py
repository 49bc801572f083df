"""Ontology terms in closed namespaces: a typo fails at import time, not in a user's SPARQL.

The terms here and in ``ontology/hckg.ttl`` are checked against each other by a test, both ways.
"""
from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace, DCTERMS, PROV, RDF, RDFS, SKOS, XSD, OWL

__all__ = ["HC", "DATA", "NIF", "SCHEMA", "ORG", "SEM", "FOAF", "WD", "GEO", "GAF",
           "DCTERMS", "PROV", "RDF", "RDFS", "SKOS", "XSD", "OWL", "PREFIXES"]

HC_NS = "https://w3id.org/hckg/ontology#"
DATA = Namespace("https://w3id.org/hckg/id/")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
SCHEMA = Namespace("http://schema.org/")  # http, bound explicitly (rdflib binds https)
ORG = Namespace("http://www.w3.org/ns/org#")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
WD = Namespace("http://www.wikidata.org/entity/")
GEO = Namespace("http://www.w3.org/2003/01/geo/wgs84_pos#")   # W3C WGS84 lat/long
GAF = Namespace("http://groundedannotationframework.org/gaf#")


class HC(DefinedNamespace):
    """The hckg ontology. Concepts (event kinds, roles, facility kinds, statuses) are SKOS concepts."""

    _NS = Namespace(HC_NS)
    _fail = True

    # classes
    Person: URIRef
    Post: URIRef
    Tenure: URIRef
    Organization: URIRef
    GovernmentBody: URIRef
    Facility: URIRef
    HealthcareFacility: URIRef
    SocialFacility: URIRef
    Venue: URIRef
    Region: URIRef
    Settlement: URIRef
    Country: URIRef
    Place: URIRef
    Event: URIRef
    Article: URIRef
    Mention: URIRef
    Indicator: URIRef
    PersonnelChange: URIRef
    Appointment: URIRef
    Dismissal: URIRef
    Nomination: URIRef
    EventKind: URIRef
    Role: URIRef
    FacilityKind: URIRef
    FacilityStatus: URIRef

    # concept schemes
    EventKinds: URIRef
    Roles: URIRef
    FacilityKinds: URIRef
    FacilityStatuses: URIRef

    # properties
    holdsPost: URIRef
    jurisdiction: URIRef
    postRole: URIRef
    postIn: URIRef
    tenureOf: URIRef
    tenurePost: URIRef
    acting: URIRef
    former: URIRef
    locatedIn: URIRef
    partOf: URIRef
    isoCode: URIRef
    eventType: URIRef
    startDate: URIRef
    endDate: URIRef
    eventPlace: URIRef
    participant: URIRef
    organizer: URIRef
    supporter: URIRef
    subEventOf: URIRef
    party: URIRef
    facilityStatus: URIRef
    facilityKind: URIRef
    count: URIRef
    minCount: URIRef
    sourceFile: URIRef
    datelineDate: URIRef
    denotedBy: URIRef
    evidence: URIRef
    measure: URIRef
    value: URIRef
    unit: URIRef
    year: URIRef
    indicatorOf: URIRef
    attestedOn: URIRef
    concernsPerson: URIRef
    concernsPost: URIRef
    concernsTenure: URIRef
    decidedBy: URIRef
    predecessor: URIRef
    startedBy: URIRef
    endedBy: URIRef


PREFIXES = {
    "hc": HC_NS,
    "id": str(DATA),
    "nif": str(NIF),
    "schema": str(SCHEMA),
    "org": str(ORG),
    "sem": str(SEM),
    "prov": str(PROV),
    "skos": str(SKOS),
    "dcterms": str(DCTERMS),
    "rdfs": str(RDFS),
    "rdf": str(RDF),
    "xsd": str(XSD),
    "owl": str(OWL),
    "foaf": str(FOAF),
    "wd": str(WD),
    "geo": str(GEO),
}
