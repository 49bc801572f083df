"""``kg eval news``: score a graph against a gold in the devnews format (``../shared/data/devnews``).

The matching conventions are those of the gold's README ("Matching conventions for a scorer"):

- names: ``norm`` both sides (lower case, ё -> е, quotes dropped, spaces collapsed); a gold name or alias
  matches a label (rdfs:label, skos:prefLabel, skos:altLabel) when equal, when the gold (>= 4 chars) is
  contained in the label, or when the label (>= 5 chars, at least half the gold's length) is contained in
  the gold;
- per article: a graph node counts for an item only when it is named in (``hc:denotedBy`` a mention whose
  ``nif:referenceContext`` has that ``hc:sourceFile``) or derived from (``prov:wasDerivedFrom``) that article;
- regions: a gold ISO code must be reachable from the node through hc:isoCode, following hc:jurisdiction,
  hc:postIn, hc:locatedIn, hc:partOf and hc:eventPlace upwards;
- officials, regions/countries, settlements, facilities, organizations and events as the README defines them
  (each graph event used once: must items are matched first, then should items, in gold order).

The graph is read through SPARQL over the public terms only (``shared/design/ontology.md``); role and
status concepts get their labels from the graph or, when the graph does not carry them, from
``ontology/hckg.ttl``.
"""
from __future__ import annotations

import difflib
import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import RDFS, SKOS

from .graphview import group_classes, ontology, select
from .seedview import norm

GROUPS = ("ru-RU", "ru-KZ", "kk-KZ")
COLUMNS = GROUPS + ("ru", "all")          # "ru": every Russian-language article (ru-RU + ru-KZ)
CATEGORIES = ("officials", "regions", "countries", "settlements", "facilities", "organizations", "events")
LEVELS = ("must", "should")

# Role synonyms of the README: gold role -> the role names that count for it.
ROLE_SYNONYMS = {
    "главный врач": ("главврач",),
    "аким": ("әкім",),
    "заместитель министра": ("вице-министр", "первый заместитель министра"),
    "глава города": ("мэр", "глава"),
    "глава района": ("глава администрации", "аким"),
    "глава региона": ("раис", "глава республики"),
    "руководитель": ("начальник", "басшы", "директор"),
}

# Gold event type -> stems one of the event type's labels (or its IRI) must contain.
TYPE_STEMS = {
    "opening": ("открыт", "ашыл", "ашу"),
    "visit": ("визит", "поездк", "посещен", "сапар", "аралау", "бару"),
    "meeting": ("встреч", "совещан", "заседан", "коллег", "кездес", "отырыс", "алқа"),
    "congress": ("конгресс", "съезд", "форум", "конференц"),
    "agreement_signing": ("соглашен", "подписан", "келісім"),
    "reception": ("прием", "қабылда"),
    "programme": ("программ", "проект", "бағдарлама"),
}

_UP = ("jurisdiction", "postIn", "locatedIn", "partOf", "eventPlace")
_PROPS = _UP + ("isoCode", "postRole", "holdsPost", "tenureOf", "tenurePost", "acting", "facilityStatus",
                "eventType", "startDate", "participant", "organizer")

LABELS = """SELECT ?r ?p ?l WHERE { VALUES ?p { rdfs:label skos:prefLabel skos:altLabel } ?r ?p ?l }"""
TYPES = "SELECT ?r ?t WHERE { ?r a ?t }"
FILES = """SELECT ?r ?src WHERE { { ?r hc:denotedBy ?m . ?m nif:referenceContext ?a }
  UNION { ?r prov:wasDerivedFrom ?a } ?a hc:sourceFile ?src }"""
EVIDENCE_FILES = """SELECT ?r ?src WHERE { ?r hc:evidence ?m . ?m nif:referenceContext ?a . ?a hc:sourceFile ?src }"""
FACTS = "SELECT ?s ?p ?o WHERE { VALUES ?p { %s } ?s ?p ?o }" % " ".join(f"hc:{p}" for p in _PROPS)

CLASS_ROOTS = {
    "persons": ("Person",),
    "organizations": ("Organization",),
    "facilities": ("Facility", "Venue"),
    "places": ("Region", "Settlement", "Country", "Place"),
    "events": ("Event",),
}
# Recall pools that are not precision classes: settlements are looked up among hc:Settlement / hc:Region.
POOLS = {**CLASS_ROOTS, "settlements": ("Settlement", "Region")}


def _base(src: str) -> str:
    return str(src).replace("\\", "/").rsplit("/", 1)[-1]


def name_matches(gold: str, label: str) -> bool:
    """The README's name rule on normalized strings."""
    g, l = norm(gold), norm(label)
    if not g or not l:
        return False
    return g == l or (len(g) >= 4 and g in l) or (len(l) >= 5 and 2 * len(l) >= len(g) and l in g)


def gold_names(item: dict) -> list[str]:
    return [item["name"], *item.get("aliases", [])] if item.get("name") else list(item.get("aliases", []))


def role_names(role: str) -> set[str]:
    role = norm(role)
    return {role, *(norm(s) for s in ROLE_SYNONYMS.get(role, ()))}


@dataclass
class NewsView:
    """What the scorer reads from a graph, indexed; every string normalized unless said otherwise."""

    labels: dict = field(default_factory=lambda: defaultdict(set))          # all labels (raw)
    primary: dict = field(default_factory=lambda: defaultdict(set))         # rdfs:label / skos:prefLabel (raw)
    types: dict = field(default_factory=lambda: defaultdict(set))
    files: dict = field(default_factory=lambda: defaultdict(set))
    evidence_files: dict = field(default_factory=lambda: defaultdict(set))
    facts: dict = field(default_factory=lambda: defaultdict(set))
    _codes: dict = field(default_factory=dict)

    def get(self, res, prop: str) -> set:
        return self.facts.get((res, prop), set())

    def of_class(self, name: str) -> list:
        from ..vocab import HC
        classes = group_classes(tuple(HC[c] for c in POOLS[name]))
        return sorted(r for r, types in self.types.items() if types & classes)

    def named(self, res, names) -> bool:
        return any(name_matches(n, l) for n in names for l in self.labels.get(res, ()))

    def concept_labels(self, concept) -> set[str]:
        """Normalized labels of a concept: from the graph, else from the ontology; plus the IRI's local name."""
        labels = {norm(l) for l in self.labels.get(concept, ())}
        if not labels:
            onto = ontology()
            labels = {norm(l) for p in (RDFS.label, SKOS.prefLabel) for l in onto.objects(URIRef(concept), p)}
        return labels | {norm(str(concept).rsplit("#", 1)[-1].rsplit("/", 1)[-1])}

    def codes(self, res, depth: int = 6) -> set[str]:
        """ISO codes reachable from ``res`` upwards (jurisdiction, postIn, locatedIn, partOf, eventPlace)."""
        if res in self._codes:
            return self._codes[res]
        out, seen, frontier = set(), {res}, [res]
        for _ in range(depth + 1):
            nxt = []
            for node in frontier:
                out |= {str(c) for c in self.get(node, "isoCode")}
                for prop in _UP:
                    for parent in self.get(node, prop):
                        if parent not in seen:
                            seen.add(parent)
                            nxt.append(parent)
            frontier = nxt
        self._codes[res] = out
        return out

    def reaches(self, res, code: str | None) -> bool:
        return code is None or code in self.codes(res)

    def label_of(self, res) -> str:
        labels = sorted(self.primary.get(res, ()) or self.labels.get(res, ()))
        return labels[0] if labels else str(res).rsplit("/", 1)[-1]


def read_news_view(graph: Graph) -> NewsView:
    view = NewsView()
    for row in select(graph, LABELS):
        view.labels[row.r].add(str(row.l))
        if row.p != SKOS.altLabel:
            view.primary[row.r].add(str(row.l))
    for row in select(graph, TYPES):
        view.types[row.r].add(row.t)
    for row in select(graph, FILES):
        view.files[row.r].add(_base(row.src))
    for row in select(graph, EVIDENCE_FILES):
        view.evidence_files[row.r].add(_base(row.src))
    for row in select(graph, FACTS):
        view.facts[row.s, str(row.p).rsplit("#", 1)[-1]].add(row.o)
    return view


# --------------------------------------------------------------------------------------------- matching


def _in_file(view: NewsView, res, files) -> bool:
    return bool(view.files.get(res, set()) & set(files))


def _closest(view: NewsView, pool, names, k: int = 3) -> list[str]:
    """The labels in ``pool`` closest to the gold names (cheap difflib ratio), for the list of misses."""
    scored = []
    for res in pool:
        label = view.label_of(res)
        ratio = max((difflib.SequenceMatcher(None, norm(n), norm(label)).ratio() for n in names), default=0)
        scored.append((ratio, label))
    return [label for ratio, label in sorted(scored, reverse=True)[:k] if ratio >= 0.4]


def _tenures(view: NewsView) -> dict:
    """person -> tenures (hc:tenureOf reversed), cached on the view."""
    cache = view.__dict__.get("_tenure_index")
    if cache is None:
        cache = defaultdict(set)
        for (s, p), objs in view.facts.items():
            if p == "tenureOf":
                for o in objs:
                    cache[o].add(s)
        view.__dict__["_tenure_index"] = cache
    return cache


def person_posts(view: NewsView, person) -> set:
    posts = set(view.get(person, "holdsPost"))
    for tenure in _tenures(view).get(person, ()):
        posts |= view.get(tenure, "tenurePost")
    return posts


def role_agrees(view: NewsView, post, role: str) -> bool:
    wanted = role_names(role)
    for concept in view.get(post, "postRole"):
        if view.concept_labels(concept) & wanted:
            return True
    return any(norm(l).startswith(w) for l in view.labels.get(post, ()) for w in wanted)


def post_codes(view: NewsView, post) -> set[str]:
    """ISO codes of a post's jurisdiction: through hc:jurisdiction, or hc:postIn -> hc:locatedIn, then upwards."""
    starts = set(view.get(post, "jurisdiction"))
    for unit in view.get(post, "postIn"):
        starts |= view.get(unit, "locatedIn")
    return {str(c) for c in view.get(post, "isoCode")}.union(*(view.codes(s) for s in starts))


def post_in_region(view: NewsView, post, code: str | None) -> bool:
    return code is None or code in post_codes(view, post)


def post_agrees(view: NewsView, post, item: dict) -> bool:
    return role_agrees(view, post, item["role"]) and post_in_region(view, post, item.get("region"))


def _result(item: dict, category: str, file: str, found, checks: dict, extra: dict | None = None) -> dict:
    return {"category": category, "level": item.get("level", "must"), "name": item.get("name") or item.get("iso"),
            "file": file, "found": str(found) if found is not None else None,
            "ok": found is not None and all(checks.values()), "checks": checks, **(extra or {})}


def _best(cands: list[tuple]) -> tuple:
    """(resource, checks) with the most passed checks; (None, {}) when there is none."""
    if not cands:
        return None, {}
    return max(cands, key=lambda c: (sum(c[1].values()), str(c[0])))


def score_official(view: NewsView, item: dict, file: str) -> dict:
    names = gold_names(item)
    persons = [p for p in view.of_class("persons") if _in_file(view, p, [file]) and view.named(p, names)]
    cands = []
    for person in persons:
        posts = person_posts(view, person)
        role_ok = [p for p in posts if role_agrees(view, p, item["role"])]
        full = [p for p in role_ok if post_in_region(view, p, item.get("region"))]
        cands.append((person, {"role": bool(role_ok), "region": bool(full)}))
    person, checks = _best(cands)
    extra = {"role": item["role"], "region": item.get("region"), "gold_acting": bool(item.get("acting"))}
    if person is not None:
        posts = person_posts(view, person)
        extra["graph_posts"] = sorted(view.label_of(p) for p in posts)
        good = [p for p in posts if post_agrees(view, p, item)] or \
            [p for p in posts if role_agrees(view, p, item["role"])]
        tenures = [t for t in _tenures(view).get(person, ())
                   if view.get(t, "tenurePost") & set(good)
                   and (file in view.files.get(t, set()) or file in view.evidence_files.get(t, set()))]
        extra["graph_acting"] = any(str(v).lower() in ("true", "1") for t in tenures for v in view.get(t, "acting"))
    else:
        extra["closest"] = _closest(view, [p for p in view.of_class("persons") if _in_file(view, p, [file])], names)
    return _result(item, "officials", file, person, checks, extra)


def score_coded(view: NewsView, item: dict, file: str, category: str) -> dict:
    code = item.get("iso") or item.get("code")
    nodes = sorted({s for (s, p), objs in view.facts.items() if p == "isoCode" and code in {str(o) for o in objs}})
    found = next((n for n in nodes if _in_file(view, n, [file])), None)
    extra = {"iso": code}
    if found is None:
        extra["closest"] = _closest(view, [p for p in view.of_class("places") if _in_file(view, p, [file])],
                                    gold_names(item))
    return _result(item, category, file, found, {}, extra)


def _named_pool(view: NewsView, classes: tuple[str, ...], file: str) -> list:
    return sorted({r for c in classes for r in view.of_class(c) if _in_file(view, r, [file])})


def score_named(view: NewsView, item: dict, file: str, category: str, classes: tuple[str, ...]) -> dict:
    names = gold_names(item)
    pool = _named_pool(view, classes, file)
    cands = []
    for res in pool:
        if view.named(res, names):
            checks = {"region": view.reaches(res, item.get("region"))} if item.get("region") else {}
            cands.append((res, checks))
    found, checks = _best(cands)
    extra = {"region": item.get("region")}
    if category == "facilities" and item.get("status"):
        extra["gold_status"] = item["status"]
        if found is not None:
            statuses = {str(s).rsplit("#", 1)[-1].removeprefix("status_") for s in view.get(found, "facilityStatus")}
            extra["graph_status"] = sorted(statuses)
            extra["status_ok"] = item["status"] in statuses
    if found is None:
        extra["closest"] = _closest(view, pool, names)
    else:
        extra["graph_label"] = view.label_of(found)
    return _result(item, category, file, found, checks, extra)


def _date_ok(graph_dates: set, gold: str) -> bool:
    for d in map(str, graph_dates):
        if gold.startswith("--"):
            if d[4:4 + len(gold) - 1] == gold[1:]:
                return True
        elif d.startswith(gold):
            return True
    return False


def _event_checks(view: NewsView, ev, item: dict) -> tuple[dict, tuple]:
    """The README's checks of one graph event against one gold event, and a rank among candidates (a full
    match first; then a label, a type, a place agreement, in that order, so that a region-only match does
    not take the event another gold item names)."""
    people = view.get(ev, "participant") | view.get(ev, "organizer")
    stems = TYPE_STEMS.get(item.get("type", ""), ()) + (item.get("type", "") or "@",)
    type_ok = any(s in label for t in view.get(ev, "eventType") for label in view.concept_labels(t) for s in stems)
    label_ok = view.named(ev, gold_names(item))
    place_ok = bool(item.get("region")) and any(view.reaches(p, item["region"]) for p in view.get(ev, "eventPlace"))
    checks = {"label_type_or_region": label_ok or type_ok or place_ok}
    if item.get("start"):
        checks["start"] = _date_ok(view.get(ev, "startDate"), item["start"])
    if item.get("participants"):
        checks["participants"] = all(any(view.named(p, [n]) for p in people) for n in item["participants"])
    return checks, (all(checks.values()), label_ok, type_ok, place_ok, sum(checks.values()))


def score_events(view: NewsView, events: list[dict]) -> list[dict]:
    """Each graph event used once. Full matches are assigned in two passes, first those where the label or
    the type agrees, then those that agree on the region only (so a region-only match never takes an event
    that another gold item names); within a pass must items come first, then should, in gold order."""
    used: set = set()
    graph_events = view.of_class("events")
    order = sorted(range(len(events)), key=lambda i: (events[i].get("level", "must") != "must", i))

    def candidates(item):
        cands = [(ev, *_event_checks(view, ev, item)) for ev in graph_events
                 if ev not in used and _in_file(view, ev, item.get("files", []))]
        return sorted((c for c in cands if c[1]["label_type_or_region"]), key=lambda c: (c[2], str(c[0])),
                      reverse=True)

    full: dict[int, tuple] = {}
    for named_only in (True, False):
        for i in order:
            if i in full:
                continue
            for ev, checks, rank in candidates(events[i]):
                if rank[0] and (rank[1] or rank[2] or not named_only):
                    full[i] = (ev, checks)
                    used.add(ev)
                    break
    out = []
    for i, item in enumerate(events):
        found, checks = full.get(i) or next(((c[0], c[1]) for c in candidates(item)), (None, {}))
        extra = {"type": item.get("type"), "start": item.get("start"), "participants": item.get("participants", [])}
        if found is not None:
            extra["graph_label"] = view.label_of(found)
        else:
            extra["closest"] = _closest(view, [e for e in graph_events if _in_file(view, e, item.get("files", []))],
                                        gold_names(item))
        out.append({**_result(item, "events", item["files"][0], found, checks, extra), "key": item.get("key")})
    return out


def item_results(view: NewsView, gold: dict) -> list[dict]:
    out = []
    for item in gold.get("officials", []):
        out.append(_any_file(item, lambda f: score_official(view, item, f)))
    for category in ("regions", "countries"):
        for item in gold.get(category, []):
            out.append(_any_file(item, lambda f: score_coded(view, item, f, category)))
    classes = {"settlements": ("settlements",), "facilities": ("facilities",), "organizations": ("organizations",)}
    for category, cls in classes.items():
        for item in gold.get(category, []):
            out.append(_any_file(item, lambda f: score_named(view, item, f, category, cls)))
    out += score_events(view, gold.get("events", []))
    return out


def _any_file(item: dict, score) -> dict:
    """An item listed for several files counts when it is fully matched in one of them."""
    results = [score(f) for f in item.get("files", [])]
    return max(results, key=lambda r: (r["ok"], r["found"] is not None))


# -------------------------------------------------------------------------------------------- precision


def _gold_in(gold: dict, category: str, file: str) -> list[dict]:
    return [i for i in gold.get(category, []) if file in i.get("files", [])]


def _noise_set(gold: dict) -> set[str]:
    return {norm(s) for s in gold.get("noise", [])}


def is_noise(view: NewsView, res, noise: set[str]) -> bool:
    return any(norm(l) in noise for l in view.primary.get(res, ()))


def _correct_in(view: NewsView, res, cls: str, gold: dict, file: str) -> bool:
    if cls == "persons":
        names = [n for o in _gold_in(gold, "officials", file) for n in gold_names(o)]
        names += [n for o in _gold_in(gold, "persons_other", file) for n in gold_names(o)]
        names += [n for e in _gold_in(gold, "events", file) for n in e.get("participants", [])]
        return view.named(res, names)
    if cls in ("organizations", "facilities"):
        names = [n for c in ("organizations", "facilities") for o in _gold_in(gold, c, file) for n in gold_names(o)]
        names += [n for e in _gold_in(gold, "events", file) for n in e.get("parties", [])]
        return view.named(res, names)
    if cls == "places":
        coded = [i.get("iso") or i.get("code") for c in ("regions", "countries") for i in _gold_in(gold, c, file)]
        if {str(c) for c in view.get(res, "isoCode")} & set(coded):
            return True
        names = [n for c in ("regions", "countries", "settlements") for o in _gold_in(gold, c, file)
                 for n in gold_names(o)]
        return view.named(res, names)
    raise ValueError(cls)


def precision_nodes(view: NewsView, gold: dict, files: dict[str, str], matched_events: set[str]) -> list[dict]:
    """One record per graph node of an evaluated class named in a gold article: class, files, correct."""
    noise = _noise_set(gold)
    facilities = set(view.of_class("facilities"))
    out = []
    for cls in CLASS_ROOTS:
        nodes = view.of_class(cls)
        if cls == "organizations":
            nodes = [n for n in nodes if n not in facilities]
        for res in nodes:
            mine = sorted(view.files.get(res, set()) & set(files))
            if not mine:
                continue
            if cls != "events" and is_noise(view, res, noise):
                ok = False                          # noise is about persons, bodies, facilities and places
            elif cls == "events":
                ok = str(res) in matched_events
            else:
                ok = any(_correct_in(view, res, cls, gold, f) for f in mine)
            out.append({"class": cls, "iri": str(res), "label": view.label_of(res), "files": mine, "ok": ok})
    return out


def tenure_pairs(view: NewsView, gold: dict, files: dict[str, str]) -> list[dict]:
    """Every hc:holdsPost pair of a person named in a gold article; right when some gold official entry of
    that person (in one of the person's articles) agrees on role and region."""
    out = []
    for (person, prop), posts in sorted(view.facts.items()):
        if prop != "holdsPost":
            continue
        mine = sorted(view.files.get(person, set()) & set(files))
        if not mine:
            continue
        entries = [o for f in mine for o in _gold_in(gold, "officials", f) if view.named(person, gold_names(o))]
        for post in sorted(posts):
            ok = any(post_agrees(view, post, o) for o in entries)
            out.append({"class": "tenure pairs", "iri": str(person), "label": view.label_of(person),
                        "post": view.label_of(post), "files": mine, "ok": ok})
    return out


def noise_hits(view: NewsView, gold: dict, files: dict[str, str]) -> list[dict]:
    noise = _noise_set(gold)
    out = []
    for cls in ("persons", "organizations", "facilities", "places"):
        for res in view.of_class(cls):
            mine = sorted(view.files.get(res, set()) & set(files))
            for label in sorted(view.primary.get(res, ())):
                if mine and norm(label) in noise:
                    out.append({"class": cls, "iri": str(res), "label": label, "files": mine})
    return out


# ---------------------------------------------------------------------------------------------- summary


def article_groups(gold: dict) -> dict[str, str]:
    """file -> group ("ru-RU", "kk-KZ", "ru-KZ")."""
    return {a["file"]: f"{a.get('language', '?')}-{a.get('country', '?')}" for a in gold.get("articles", [])}


def _columns_of(group: str) -> list[str]:
    cols = [group, "all"]
    if group.startswith("ru-"):
        cols.append("ru")
    return cols


def _frac(ok: int, n: int) -> dict:
    return {"ok": ok, "n": n, "value": round(ok / n, 4) if n else None}


def summarize(items: list[dict], nodes: list[dict], pairs: list[dict], noise: list[dict],
              files: dict[str, str]) -> dict:
    counts: dict = defaultdict(lambda: [0, 0])
    for it in items:
        for col in _columns_of(files.get(it["file"], "?")):
            for key in ((it["category"], it["level"]), (f"{it['level']}: all categories", "")):
                counts[key + (col,)][0] += it["ok"]
                counts[key + (col,)][1] += 1
            if it["category"] == "officials" and it["ok"]:
                row = counts[("officials", "acting agrees (of full)", col)]
                row[0] += it.get("graph_acting") == it["gold_acting"]
                row[1] += 1
                if it["gold_acting"]:
                    row = counts[("officials", "acting found (gold acting)", col)]
                    row[0] += bool(it.get("graph_acting"))
                    row[1] += 1
            if it["category"] == "facilities" and it["found"] is not None and "gold_status" in it:
                row = counts[("facilities", "status agrees (of found)", col)]
                row[0] += bool(it.get("status_ok"))
                row[1] += 1
    recall = defaultdict(dict)
    for (cat, level, col), (ok, n) in counts.items():
        recall[f"{cat} {level}".strip()][col] = _frac(ok, n)
    precision = defaultdict(dict)
    for rec in nodes + pairs:
        cols = {c for f in rec["files"] for c in _columns_of(files.get(f, "?"))}
        for col in cols:
            row = precision[rec["class"]].setdefault(col, [0, 0])
            row[0] += rec["ok"]
            row[1] += 1
    precision = {cls: {col: _frac(*v) for col, v in cols.items()} for cls, cols in precision.items()}
    noise_cols: dict = defaultdict(int)
    for hit in noise:
        for col in {c for f in hit["files"] for c in _columns_of(files.get(f, "?"))}:
            noise_cols[col] += 1
    return {"recall": dict(recall), "precision": precision, "noise": dict(noise_cols)}


def restrict_gold(gold: dict, groups: set[str] | None) -> dict:
    """The gold with only the articles of the given groups (None: all)."""
    if not groups:
        return gold
    keep = {f for f, g in article_groups(gold).items() if g in groups}
    out = dict(gold)
    out["articles"] = [a for a in gold.get("articles", []) if a["file"] in keep]
    for key in (*CATEGORIES, "persons_other"):
        out[key] = [i for i in gold.get(key, []) if set(i.get("files", [])) & keep]
    return out


def score_news(graph: Graph, gold: dict) -> dict:
    view = read_news_view(graph)
    files = article_groups(gold)
    items = item_results(view, gold)
    matched = {it["found"] for it in items if it["category"] == "events" and it["ok"]}
    nodes = precision_nodes(view, gold, files, matched)
    pairs = tenure_pairs(view, gold, files)
    noise = noise_hits(view, gold, files)
    summary = summarize(items, nodes, pairs, noise, files)
    misses = [it for it in items if not it["ok"]]
    false_pos: dict = defaultdict(list)
    for rec in nodes + pairs:
        if not rec["ok"]:
            false_pos[rec["class"]].append(rec)
    return {**summary, "columns": [c for c in COLUMNS if any(c in v for v in summary["recall"].values())],
            "articles_per_group": {g: sum(1 for v in files.values() if v == g) for g in GROUPS},
            "noise_labels": noise, "misses": misses, "false_positives": dict(false_pos), "items": items}


def load_gold(path: Path) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


# ---------------------------------------------------------------------------------------------- table

_ROW_ORDER = [f"{c} {l}" for c in CATEGORIES for l in LEVELS] + [
    "officials acting agrees (of full)", "officials acting found (gold acting)", "facilities status agrees (of found)",
    "must: all categories", "should: all categories"]


def _cell(frac: dict | None) -> str:
    if not frac or not frac["n"]:
        return f"{'-':>13}"
    return f"{frac['ok']:>4}/{frac['n']:<4}{frac['value']:5.2f}"


def news_table(result: dict) -> str:
    cols = result["columns"]
    head = f"{'recall':<38}" + "".join(f"{c:>13}" for c in cols)
    lines = [head, "-" * len(head)]
    rec = result["recall"]
    for key in _ROW_ORDER + sorted(set(rec) - set(_ROW_ORDER)):
        if key in rec:
            if key == "must: all categories":
                lines.append("")
            lines.append(f"{key:<38}" + "".join(_cell(rec[key].get(c)) for c in cols))
    lines += ["", f"{'precision':<38}" + "".join(f"{c:>13}" for c in cols), "-" * len(head)]
    for cls in (*CLASS_ROOTS, "tenure pairs"):
        row = result["precision"].get(cls, {})
        lines.append(f"{cls:<38}" + "".join(_cell(row.get(c)) for c in cols))
    lines.append(f"{'noise labels':<38}" + "".join(f"{result['noise'].get(c, 0):>13}" for c in cols))
    for hit in result["noise_labels"]:
        lines.append(f"  {hit['label']!r} ({hit['class']}, {', '.join(hit['files'])})")
    lines.append(f"\nmisses: {len(result['misses'])} gold items not fully matched (details with --json)")
    return "\n".join(lines)
