"""Entity resolution across articles: per-article views of one key become one resource.

Within an article the extractors already map every inflected form and short form to one key; across
articles the key is the identity (a region's ISO code, a person's nominative full name, ...). Merging picks
one class and one canonical label per language, deterministically, whatever the order of the articles.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Iterable

from .records import ArticleResult, Entity

# More specific classes win when articles disagree about one key.
CLASS_RANK = {
    "HealthcareFacility": 5, "SocialFacility": 5, "GovernmentBody": 4, "Venue": 4, "Facility": 3,
    "Organization": 1,
}


@dataclass(frozen=True)
class Resource:
    key: str
    cls: str
    labels: tuple[tuple[str, str], ...]
    alt: tuple[tuple[str, str], ...]


class EntityTable:
    """Accumulates entity views article by article; ``resources()`` gives the merged, canonical view."""

    def __init__(self) -> None:
        self._classes: dict[str, Counter] = defaultdict(Counter)
        self._labels: dict[str, Counter] = defaultdict(Counter)
        self._alt: dict[str, Counter] = defaultdict(Counter)      # counted, so an article can be taken out

    def add(self, entity: Entity) -> None:
        self._classes[entity.key][entity.cls] += 1
        for lang, label in entity.labels:
            self._labels[entity.key][(lang, label)] += 1
        self._alt[entity.key].update(entity.alt)

    def add_result(self, result: ArticleResult) -> None:
        for entity in result.entities:
            self.add(entity)

    def remove(self, entity: Entity) -> None:
        """Undo one ``add`` of this entity view (an incremental build takes a changed or removed article out)."""
        key = entity.key
        _decrement(self._classes[key], entity.cls)
        for pair in entity.labels:
            _decrement(self._labels[key], pair)
        for pair in entity.alt:
            _decrement(self._alt[key], pair)
        if not self._classes[key]:
            for table in (self._classes, self._labels, self._alt):
                table.pop(key, None)

    def remove_result(self, result: ArticleResult) -> None:
        for entity in result.entities:
            self.remove(entity)

    def __contains__(self, key: str) -> bool:
        return bool(self._classes.get(key))

    def resource(self, key: str) -> Resource:
        classes = self._classes[key]
        cls = max(classes, key=lambda c: (CLASS_RANK.get(c, 0), classes[c], c))
        by_lang: dict[str, list[tuple[str, int]]] = defaultdict(list)
        for (lang, label), n in self._labels[key].items():
            by_lang[lang].append((label, n))
        labels = []
        for lang in sorted(by_lang):
            best = min(by_lang[lang], key=lambda item: (-item[1], len(item[0]), item[0]))[0]
            labels.append((lang, best))
        chosen = set(labels)
        alt = sorted((pair for pair in set(self._alt[key]) | set(self._labels[key]) if pair not in chosen))
        return Resource(key, cls, tuple(labels), tuple(alt))

    def resources(self) -> dict[str, Resource]:
        return {key: self.resource(key) for key in sorted(self._classes)}


def _decrement(counter: Counter, item) -> None:
    n = counter.get(item, 0) - 1
    if n > 0:
        counter[item] = n
    else:
        counter.pop(item, None)


def merge(results: Iterable[ArticleResult]) -> dict[str, Resource]:
    table = EntityTable()
    for result in results:
        table.add_result(result)
    return table.resources()
