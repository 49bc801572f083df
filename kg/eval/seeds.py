"""Scoring a graph against the hand-made seeds gold (tests/gold_seeds.json).

For every gold item the scorer looks for candidate resources, computes its attribute checks on each, and
keeps the candidate passing most checks. An item is *identified* when a candidate exists and *fully
matched* when the best candidate passes every check the gold item asks for.

Candidates (every name compared after ``seedview.norm``; "in its files" = the resource is denoted by a
mention in, or ``prov:wasDerivedFrom``, one of the gold item's files):
- officials: an ``hc:Person`` in its files whose label / altLabel equals the name, paired with each of its
  tenures; checks: role (a label or the local name of the post's ``hc:postRole`` concept equals the gold
  role), region (the ISO code of the post's ``hc:jurisdiction``, or of what it is part of), acting
  (``hc:acting``, absent = false).
- regions / countries: the resource with that ``hc:isoCode``; check: named (denotedBy) in every gold file.
- settlements: a place in its files with that name; check: region.
- facilities: a facility or venue in its files whose label equals the name or contains it as whole words;
  checks when given: status, kind (social -> hc:SocialFacility, venue -> hc:Venue, healthcare ->
  hc:HealthcareFacility), region (via hc:locatedIn), settlement, count ("20+" = hc:minCount 20).
- organizations: an organization (any subclass) in its files named by the name or an alias; check: region.
- events: an ``hc:Event`` derived from its files whose label equals, contains or is contained in the gold
  name (whole words), or whose start date is the gold start date; checks: type (``seedview.
  accepted_event_types``), start, end, place, region, participants, organizer, supporters, parties, part_of.
"""
from __future__ import annotations

from rdflib import URIRef

from .seedview import SeedView, concept_names, contains, norm

CATEGORIES = ("officials", "regions", "countries", "settlements", "facilities", "organizations", "events")
KIND_CLASSES = {"social": "SocialFacility", "venue": "Venue", "healthcare": "HealthcareFacility"}


def best(item: dict, category: str, candidates: list[tuple[URIRef, dict]]) -> dict:
    """The item's result from its (resource, checks) candidates: the one passing most checks wins."""
    out = {"category": category, "level": item.get("level"), "name": item.get("name") or item.get("iso"),
           "found": None, "checks": {}, "ok": False}
    if candidates:
        res, checks = max(sorted(candidates, key=lambda c: str(c[0])), key=lambda c: sum(c[1].values()))
        out.update(found=str(res), checks=checks, ok=all(checks.values()))
    return out


def _literal_values(view: SeedView, res, prop: str) -> set[str]:
    return {str(v) for v in view.get(res, prop)}


def _tenures_of(view: SeedView, person) -> list:
    return sorted(s for (s, p), objs in view.facts.items() if p == "tenureOf" and person in objs)


def score_official(view: SeedView, item: dict) -> list:
    out = []
    for person in view.of_group("person"):
        if not (view.named(person, item["name"]) and view.in_files(person, item["files"])):
            continue
        for tenure in _tenures_of(view, person) or [None]:
            posts = view.get(tenure, "tenurePost") if tenure else set()
            roles = {r for post in posts for r in view.get(post, "postRole")}
            regions = {c for post in posts for j in view.get(post, "jurisdiction") for c in view.regions_of(j)}
            acting = {v.toPython() for v in view.get(tenure, "acting")} or {False}
            out.append((tenure or person, {
                "role": any(norm(item["role"]) in concept_names(r) for r in roles),
                "region": item["region"] in regions,
                "acting": bool(item.get("acting", False)) in acting}))
    return out


def score_coded(view: SeedView, item: dict) -> list:
    code = item.get("iso") or item.get("code")
    return [(res, {"named_in_every_file": set(item["files"]) <= view.named_in.get(res, set())})
            for (res, prop), codes in view.facts.items() if prop == "isoCode" and any(str(c) == code for c in codes)]


def score_settlement(view: SeedView, item: dict) -> list:
    return [(res, {"region": item["region"] in view.regions_of(res)} if item.get("region") else {})
            for res in view.of_group("place")
            if view.named(res, item["name"]) and view.in_files(res, item["files"])]


def facility_named(view: SeedView, res, name: str) -> bool:
    gold = norm(name)
    return any(label == gold or contains(label, gold) for label in view.labels.get(res, ()))


def _count_ok(view: SeedView, res, count) -> bool:
    counts = {int(float(v)) for v in _literal_values(view, res, "count")}
    if isinstance(count, str) and count.endswith("+"):
        low = int(count[:-1])
        mins = {int(float(v)) for v in _literal_values(view, res, "minCount")}
        return low in mins or any(c >= low for c in counts)
    return int(count) in counts


def facility_checks(view: SeedView, res, item: dict) -> dict:
    checks = {}
    if item.get("status"):
        checks["status"] = any(str(s).endswith(f"status_{item['status']}") for s in view.get(res, "facilityStatus"))
    if item.get("kind"):
        cls = KIND_CLASSES.get(item["kind"], "")
        checks["kind"] = any(str(t).endswith("#" + cls) for t in view.types.get(res, ())) or any(
            norm(item["kind"]) in concept_names(k) for k in view.get(res, "facilityKind"))
    if item.get("region"):
        checks["region"] = item["region"] in view.regions_of(res)
    if item.get("settlement"):
        checks["settlement"] = any(view.named(p, item["settlement"]) for p in view.get(res, "locatedIn"))
    if item.get("count") is not None:
        checks["count"] = _count_ok(view, res, item["count"])
    return checks


def score_facility(view: SeedView, item: dict) -> list:
    return [(res, facility_checks(view, res, item)) for res in view.of_group("facility")
            if facility_named(view, res, item["name"]) and view.in_files(res, item["files"])]


def org_names(item: dict) -> list[str]:
    return [item["name"], *item.get("aliases", [])]


def score_organization(view: SeedView, item: dict) -> list:
    out = []
    for res in view.of_group("organization"):
        if any(view.named(res, n) for n in org_names(item)) and view.in_files(res, item["files"]):
            out.append((res, {"region": item["region"] in view.regions_of(res)} if item.get("region") else {}))
    return out
