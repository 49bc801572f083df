"""The whole seeds evaluation: recall per category and level, precision of the graph's persons,
organizations, facilities and events, and noise labels. Rules: ``kg.eval.seeds``.

Precision: a graph resource counts as correct when it would be a candidate for some gold item of its
category at any level (files included): persons vs official names and event participants; organizations
(``hc:Organization`` and subclasses other than facilities) vs organization names, aliases, event organizers,
supporters and parties; facilities (and venues) vs facility names; events vs the event candidate rule.
Noise: a gold noise string equal (normalized) to an ``rdfs:label`` or ``skos:altLabel`` of a person,
organization, facility or place.
"""
from __future__ import annotations

import json
from pathlib import Path

from rdflib import Graph

from .seedevents import is_candidate, score_event
from .seeds import (CATEGORIES, best, facility_named, org_names, score_coded, score_facility,
                    score_official, score_organization, score_settlement)
from .seedview import SeedView, norm, read_seed_view

_SCORERS = {"officials": score_official, "regions": score_coded, "countries": score_coded,
            "settlements": score_settlement, "facilities": score_facility, "organizations": score_organization}


def load_gold(path: Path) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def item_results(view: SeedView, gold: dict) -> list[dict]:
    out = []
    for category in CATEGORIES[:-1]:
        out += [best(item, category, _SCORERS[category](view, item)) for item in gold.get(category, [])]
    parents: dict[str, str | None] = {}
    for item in gold.get("events", []):
        result = best(item, "events", score_event(view, item, parents))
        parents[item.get("key", "")] = result["found"]
        out.append(result)
    return out


def recall_table(items: list[dict]) -> dict:
    table: dict = {}
    for it in items:
        row = table.setdefault(it["category"], {}).setdefault(it["level"], {"n": 0, "identified": 0, "full": 0})
        row["n"] += 1
        row["identified"] += it["found"] is not None
        row["full"] += it["ok"]
    return table


def _gold_people(gold: dict) -> list[str]:
    return [o["name"] for o in gold.get("officials", [])] + [
        p for e in gold.get("events", []) for p in e.get("participants", [])]


def _gold_orgs(gold: dict) -> list[str]:
    names = [n for o in gold.get("organizations", []) for n in org_names(o)]
    for e in gold.get("events", []):
        names += e.get("supporters", []) + e.get("parties", []) + ([e["organizer"]] if e.get("organizer") else [])
    return names


def precision(view: SeedView, gold: dict) -> dict:
    facilities = set(view.of_group("facility"))
    rules = {
        "persons": (view.of_group("person"), lambda r: any(view.named(r, n) for n in _gold_people(gold))),
        "organizations": ([r for r in view.of_group("organization") if r not in facilities],
                          lambda r: any(view.named(r, n) for n in _gold_orgs(gold))),
        "facilities": (sorted(facilities),
                       lambda r: any(facility_named(view, r, f["name"]) for f in gold.get("facilities", []))),
        "events": (view.of_group("event"), lambda r: any(is_candidate(view, r, e) for e in gold.get("events", []))),
    }
    out = {}
    for name, (resources, correct) in rules.items():
        wrong = [r for r in resources if not correct(r)]
        n = len(resources)
        out[name] = {"n": n, "correct": n - len(wrong), "precision": round((n - len(wrong)) / n, 4) if n else 0.0,
                     "wrong": [{"iri": str(r), "labels": sorted(view.raw_labels.get(r, ()))} for r in wrong]}
    return out


def noise(view: SeedView, gold: dict) -> list[dict]:
    strings = {norm(s): s for s in gold.get("noise", [])}
    resources = sorted({r for g in ("person", "organization", "facility", "place") for r in view.of_group(g)})
    return [{"noise": strings[norm(label)], "iri": str(r), "label": label}
            for r in resources for label in sorted(view.raw_labels.get(r, ())) if norm(label) in strings]


def score_seeds(graph: Graph, gold: dict) -> dict:
    view = read_seed_view(graph)
    items = item_results(view, gold)
    return {"recall": recall_table(items), "items": items, "precision": precision(view, gold),
            "noise": noise(view, gold)}
