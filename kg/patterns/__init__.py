"""Trigger and pattern tables as data: ``kg/patterns/<lang>/<table>.json``, checked when loaded.

One file is one table::

    {"table": "roles", "concept": "Role", "match": "stem",
     "fields": {"cls": "str"},                        # optional: extra per-entry fields and their types
     "entries": [{"words": ["әкім", "орынбасар"], "value": "deputy_akim"}, ...]}

- ``table`` equals the file name; ``match`` says how ``words`` meet tokens: ``stem`` (Kazakh stem,
  ``token.lemma_``), ``lemma`` (Russian lemma), ``lower`` (lower-cased text) or ``prefix`` (the lower-cased
  text starts with the word);
- ``concept``: a concept class of ``kg.concepts`` (EventKind, Role, FacilityKind, FacilityStatus): every
  ``value`` must be one of its names — a typo fails at load time with the file and entry named; ``null``: values
  are free (strings or numbers);
- an entry has ``words`` (a non-empty list of non-empty strings), ``value``, an optional ``note``, and only the
  fields the file declares (``cls`` must name a facility class of the ontology).

Concept names that code keeps in small sets (``STANDALONE_ROLES``, ``NEEDS_TITLE`` …) are checked the same way
by ``check_concepts`` when their module loads. The tables are matched on a Doc by the trigger components of
``kg.extract.pipeline`` (PhraseMatcher, ``kg.patterns.matcher``); the rest are looked up per token.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .. import paths
from ..concepts import SCHEMES
from ..errors import KgError

MATCH_KINDS = ("stem", "lemma", "lower", "prefix")
FIELD_TYPES = {"str": str, "bool": bool, "int": int, "list": list}
CONCEPT_NAMES = {cls: set(table) for _, cls, _, table in SCHEMES}
# Fields whose values are a closed set: "cls" names the ontology class of a facility head.
FIELD_CHOICES = {"cls": {"HealthcareFacility", "SocialFacility", "Facility", "Venue"}}


@dataclass(frozen=True)
class Entry:
    words: tuple[str, ...]
    value: object
    fields: dict = field(default_factory=dict, hash=False, compare=False)


@dataclass(frozen=True)
class Table:
    lang: str
    name: str
    concept: str | None
    match: str
    entries: tuple[Entry, ...]

    def as_dict(self) -> dict[tuple[str, ...], object]:
        """words -> value (the shape ``kg.extract.common.find_triggers`` takes)."""
        return {e.words: e.value for e in self.entries}

    def values(self) -> set:
        return {e.value for e in self.entries}

    def words(self) -> set[str]:
        """The one-word entries' words."""
        return {e.words[0] for e in self.entries if len(e.words) == 1}

    def field_of(self, words: tuple[str, ...], name: str, default=None):
        for e in self.entries:
            if e.words == words:
                return e.fields.get(name, default)
        return default


class PatternError(KgError):
    pass


def _fail(path: Path, msg: str) -> None:
    raise PatternError(f"{path}: {msg}")


def _no_duplicate_keys(pairs):
    keys = [k for k, _ in pairs]
    dupes = sorted({k for k in keys if keys.count(k) > 1})
    if dupes:
        raise ValueError(f"duplicate keys {dupes}: the later one would silently replace the earlier")
    return dict(pairs)


def _read_json(path: Path):
    return json.loads(path.read_text(encoding="utf-8"), object_pairs_hook=_no_duplicate_keys)


def parse(path: Path, lang: str) -> Table:
    try:
        data = _read_json(path)
    except (OSError, ValueError) as exc:
        _fail(path, f"not a readable JSON file ({exc})")
    if not isinstance(data, dict):
        _fail(path, "a table is a JSON object")
    unknown = set(data) - {"table", "concept", "match", "fields", "entries", "note"}
    if unknown:
        _fail(path, f"unknown keys {sorted(unknown)}")
    if data.get("table") != path.stem:
        _fail(path, f'"table" must be {path.stem!r}, not {data.get("table")!r}')
    concept, match = data.get("concept"), data.get("match")
    if concept is not None and concept not in CONCEPT_NAMES:
        _fail(path, f"unknown concept class {concept!r} (one of {sorted(CONCEPT_NAMES)})")
    if match not in MATCH_KINDS:
        _fail(path, f'"match" must be one of {MATCH_KINDS}, not {match!r}')
    declared = data.get("fields", {})
    if not isinstance(declared, dict) or any(t not in FIELD_TYPES for t in declared.values()):
        _fail(path, f'"fields" maps names to one of {sorted(FIELD_TYPES)}')
    entries, seen = [], set()
    for n, raw in enumerate(data.get("entries") or ()):
        where = f"entry {n} {raw.get('words') if isinstance(raw, dict) else raw!r}"
        if not isinstance(raw, dict) or "words" not in raw or "value" not in raw:
            _fail(path, f"{where}: an entry needs \"words\" and \"value\"")
        words = raw["words"]
        if not (isinstance(words, list) and words and all(isinstance(w, str) and w.strip() for w in words)):
            _fail(path, f"{where}: \"words\" is a non-empty list of non-empty strings")
        words = tuple(w.lower() if match != "lemma" else w for w in words)
        if words in seen:
            _fail(path, f"{where}: duplicate words")
        seen.add(words)
        value = raw["value"]
        if concept is not None and value not in CONCEPT_NAMES[concept]:
            _fail(path, f"{where}: {value!r} is not a {concept} of kg/concepts.py")
        extra = {}
        for key, val in raw.items():
            if key in ("words", "value", "note"):
                continue
            if key not in declared:
                _fail(path, f"{where}: field {key!r} is not declared in \"fields\"")
            if not isinstance(val, FIELD_TYPES[declared[key]]):
                _fail(path, f"{where}: field {key!r} must be {declared[key]}")
            if key in FIELD_CHOICES and val not in FIELD_CHOICES[key]:
                _fail(path, f"{where}: field {key!r} is {val!r}, not one of {sorted(FIELD_CHOICES[key])}")
            extra[key] = val
        entries.append(Entry(words, value, extra))
    if not entries:
        _fail(path, "no entries")
    return Table(lang, path.stem, concept, match, tuple(entries))


@lru_cache(maxsize=None)
def load_table(lang: str, name: str) -> Table:
    path = paths.PATTERNS_DIR / lang / f"{name}.json"
    if not path.exists():
        raise PatternError(f"{path}: no such pattern table")
    return parse(path, lang)


def load_all(lang: str) -> dict[str, Table]:
    """Every table of a language (a start-up check: any error is raised here)."""
    return {p.stem: load_table(lang, p.stem) for p in sorted((paths.PATTERNS_DIR / lang).glob("*.json"))}


def check_concepts(where: str, sets: dict[str, dict[str, object]]) -> None:
    """Check the concept names a module keeps in code (``{concept class: {set name: names}}``, names a set,
    the keys and values of a mapping, or nested collections of names) against ``kg/concepts.py``: a typo is
    a PatternError naming the module and the set when the module loads."""
    for concept, named in sets.items():
        if concept not in CONCEPT_NAMES:
            raise PatternError(f"{where}: unknown concept class {concept!r} (one of {sorted(CONCEPT_NAMES)})")
        for set_name, names in named.items():
            for name in _flatten(names):
                if name not in CONCEPT_NAMES[concept]:
                    raise PatternError(f"{where}: {set_name}: {name!r} is not a {concept} of kg/concepts.py")


def _flatten(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, val in value.items():
            yield from _flatten(key)
            yield from _flatten(val)
    elif isinstance(value, (list, tuple, set, frozenset)):
        for item in value:
            yield from _flatten(item)


# ---------------------------------------------------------------- word sets

VALUE_KINDS = ("set", "seq", "map", "str")


def _decode(value, path: Path, where: str):
    """JSON -> Python: a list is a tuple, {"set": [...]} a set, {"map": {...}} a dict; str, int, null as is."""
    if value is None or isinstance(value, (str, int)):
        return value
    if isinstance(value, list):
        return tuple(_decode(v, path, where) for v in value)
    if isinstance(value, dict) and set(value) == {"set"} and isinstance(value["set"], list):
        return {_decode(v, path, where) for v in value["set"]}
    if isinstance(value, dict) and set(value) == {"map"} and isinstance(value["map"], dict):
        return {k: _decode(v, path, where) for k, v in value["map"].items()}
    _fail(path, f"{where}: {value!r} is not a string, number, null, list, {{\"set\": [...]}} or {{\"map\": {{...}}}}")


def parse_word_sets(path: Path) -> dict[str, object]:
    """``kg/patterns/<lang>/sets/<name>.json``: ``{"note", "sets": {NAME: {"note", "concept", "check",
    one of "set" | "seq" | "map" | "str"}}}`` -> {NAME: set | tuple | dict | str}. ``concept`` makes every name
    in the value (``check``: only a map's ``keys`` or ``values``) a concept of that class."""
    try:
        data = _read_json(path)
    except (OSError, ValueError) as exc:
        _fail(path, f"not a readable JSON file ({exc})")
    if not isinstance(data, dict) or set(data) - {"note", "sets"} or not isinstance(data.get("sets"), dict):
        _fail(path, 'a word-set file is {"note": ..., "sets": {NAME: {...}}}')
    out = {}
    for name, raw in data["sets"].items():
        where = f"set {name}"
        if not name.isupper() or not isinstance(raw, dict):
            _fail(path, f"{where}: a set has an upper-case name and is an object")
        unknown = set(raw) - {"note", "concept", "check", *VALUE_KINDS}
        kinds = [k for k in VALUE_KINDS if k in raw]
        if unknown or len(kinds) != 1:
            _fail(path, f"{where}: keys are note, concept, check and one of {VALUE_KINDS} (found {sorted(raw)})")
        kind, body = kinds[0], raw[kinds[0]]
        expected = {"set": list, "seq": list, "map": dict, "str": str}[kind]
        if not isinstance(body, expected):
            _fail(path, f"{where}: {kind!r} takes a {expected.__name__}")
        value = _decode({"set": body} if kind == "set" else {"map": body} if kind == "map" else body, path, where)
        concept, check = raw.get("concept"), raw.get("check", "all")
        if concept is not None:
            if concept not in CONCEPT_NAMES:
                _fail(path, f"{where}: unknown concept class {concept!r} (one of {sorted(CONCEPT_NAMES)})")
            if check not in ("all", "keys", "values") or (check != "all" and kind != "map"):
                _fail(path, f"{where}: check is all, or keys / values of a map")
            names = value if check == "all" else list(value) if check == "keys" else list(value.values())
            for item in _flatten(names):
                if item not in CONCEPT_NAMES[concept]:
                    _fail(path, f"{where}: {item!r} is not a {concept} of kg/concepts.py")
        out[name] = value
    return out


@lru_cache(maxsize=None)
def load_word_sets(lang: str, name: str = "word_sets") -> dict[str, object]:
    path = paths.PATTERNS_DIR / lang / "sets" / f"{name}.json"
    if not path.exists():
        raise PatternError(f"{path}: no such word-set file")
    return parse_word_sets(path)
