"""Seeds gold events against the graph's ``hc:Event`` resources (rules in ``kg.eval.seeds``)."""
from __future__ import annotations

from .seedview import SeedView, accepted_event_types, contains, norm


def event_named(view: SeedView, res, name: str) -> bool:
    gold = norm(name)
    return any(label == gold or contains(label, gold) or contains(gold, label)
               for label in view.labels.get(res, ()))


def _dates(view: SeedView, res, prop: str) -> set[str]:
    return {str(v) for v in view.get(res, prop)}


def is_candidate(view: SeedView, res, item: dict) -> bool:
    if not view.in_files(res, item["files"]):
        return False
    return event_named(view, res, item["name"]) or (
        bool(item.get("start")) and item["start"] in _dates(view, res, "startDate"))


def _all_named(view: SeedView, targets: set, names: list[str]) -> bool:
    return all(any(view.named(t, n) for t in targets) for n in names)


def event_checks(view: SeedView, res, item: dict, parents: dict[str, str | None]) -> dict:
    checks = {"type": bool(view.get(res, "eventType") & accepted_event_types(item["type"]))}
    for key, prop in (("start", "startDate"), ("end", "endDate")):
        if item.get(key):
            checks[key] = item[key] in _dates(view, res, prop)
    if item.get("place"):
        checks["place"] = _all_named(view, view.get(res, "eventPlace"), [item["place"]])
    if item.get("region"):
        checks["region"] = item["region"] in view.regions_of(res)
    for key, prop in (("participants", "participant"), ("supporters", "supporter"), ("parties", "party")):
        if item.get(key):
            checks[key] = _all_named(view, view.get(res, prop), item[key])
    if item.get("organizer"):
        checks["organizer"] = _all_named(view, view.get(res, "organizer"), [item["organizer"]])
    if item.get("part_of"):
        parent = parents.get(item["part_of"])
        checks["part_of"] = parent is not None and any(str(p) == parent for p in view.get(res, "subEventOf"))
    return checks


def score_event(view: SeedView, item: dict, parents: dict[str, str | None]) -> list:
    return [(res, event_checks(view, res, item, parents)) for res in view.of_group("event")
            if is_candidate(view, res, item)]
