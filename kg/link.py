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
        return choose(key, self._classes[key], self._labels[key], self._alt[key])

    def resources(self) -> dict[str, Resource]:
        return {key: self.resource(key) for key in sorted(self._classes)}


def choose(key: str, classes: Counter, labels: Counter, alt: Iterable[tuple[str, str]]) -> Resource:
    """One key's resource from its counted views: the class (most specific, then most frequent, then by
    name) and per language the most frequent label (then the shortest, then by text); every other name
    seen is an other name. Depends on the counts alone, never on the order the views came in."""
    cls = max(classes, key=lambda c: (CLASS_RANK.get(c, 0), classes[c], c))
    by_lang: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for (lang, label), n in labels.items():
        by_lang[lang].append((label, n))
    chosen_labels = []
    for lang in sorted(by_lang):
        best = min(by_lang[lang], key=lambda item: (-item[1], len(item[0]), item[0]))[0]
        chosen_labels.append((lang, best))
    chosen = set(chosen_labels)
    others = sorted((pair for pair in set(alt) | set(labels) if pair not in chosen))
    return Resource(key, cls, tuple(chosen_labels), tuple(others))


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


class DiskTable:
    """The entity table on disk (SQLite): per key, each class, label and other name seen with its count. The
    same merge as ``EntityTable`` in bounded memory: views are counted in a buffer of at most ``buffer``
    entries and added to the file in key order; ``resources()`` streams the keys in order, one at a time.
    Counts can go down (``sign`` -1), so an incremental build takes an article out; a view whose count
    reaches 0 is deleted, and a key with no view left is gone."""

    def __init__(self, path, buffer: int = 50_000) -> None:
        import sqlite3

        self.path, self.limit = path, buffer
        self.db = sqlite3.connect(str(path), isolation_level=None)
        for pragma in ("journal_mode=OFF", "synchronous=OFF", "cache_size=-8000", "temp_store=FILE"):
            self.db.execute(f"PRAGMA {pragma}")
        self.db.execute("CREATE TABLE IF NOT EXISTS views (key TEXT NOT NULL, field TEXT NOT NULL, "
                        "n INTEGER NOT NULL, PRIMARY KEY (key, field)) WITHOUT ROWID")
        self._pending: Counter = Counter()

    # a view's field: 'c' + class, 'l' + lang + TAB + label, 'a' + lang + TAB + other name
    def add(self, entity: Entity, sign: int = 1) -> None:
        pending, key = self._pending, entity.key
        pending[(key, "c" + entity.cls)] += sign
        for lang, label in entity.labels:
            pending[(key, f"l{lang}\t{label}")] += sign
        for lang, label in entity.alt:
            pending[(key, f"a{lang}\t{label}")] += sign
        if len(pending) >= self.limit:
            self.flush()

    def add_result(self, result: ArticleResult, sign: int = 1) -> None:
        for entity in result.entities:
            self.add(entity, sign)

    def remove_result(self, result: ArticleResult) -> None:
        self.add_result(result, -1)

    def flush(self) -> None:
        rows = sorted((k, f, n) for (k, f), n in self._pending.items() if n)
        self._pending = Counter()
        if not rows:
            return
        db = self.db
        db.execute("BEGIN")
        db.executemany("INSERT INTO views VALUES (?, ?, ?) ON CONFLICT (key, field) DO UPDATE SET n = n + excluded.n",
                       rows)
        db.executemany("DELETE FROM views WHERE key = ? AND field = ? AND n <= 0",
                       [(k, f) for k, f, n in rows if n < 0])
        db.execute("COMMIT")

    def __contains__(self, key: str) -> bool:
        self.flush()
        return self.db.execute("SELECT 1 FROM views WHERE key = ? AND field >= 'c' AND field < 'd' LIMIT 1",
                               (key,)).fetchone() is not None

    def keys_from(self, prefix: str) -> list[str]:
        """The keys starting with ``prefix`` (an ASCII prefix such as 'region:')."""
        self.flush()
        end = prefix[:-1] + chr(ord(prefix[-1]) + 1)
        return [k for (k,) in self.db.execute("SELECT DISTINCT key FROM views WHERE key >= ? AND key < ? "
                                              "ORDER BY key", (prefix, end))]

    def resource(self, key: str) -> Resource | None:
        self.flush()
        return _resource(key, self.db.execute("SELECT field, n FROM views WHERE key = ? ORDER BY field", (key,)))

    def resources(self) -> Iterable[Resource]:
        """Every key's resource, in key order, one key's views in memory at a time."""
        from itertools import groupby
        from operator import itemgetter

        self.flush()
        rows = self.db.execute("SELECT key, field, n FROM views ORDER BY key, field")
        for key, group in groupby(rows, key=itemgetter(0)):
            res = _resource(key, ((f, n) for _, f, n in group))
            if res is not None:
                yield res

    def close(self) -> None:
        self.flush()
        self.db.close()


def _resource(key: str, rows) -> Resource | None:
    classes, labels, alt = Counter(), Counter(), []
    for field, n in rows:
        kind = field[0]
        if kind == "c":
            classes[field[1:]] = n
        else:
            lang, _, label = field[1:].partition("\t")
            if kind == "l":
                labels[(lang, label)] = n
            else:
                alt.append((lang, label))
    return choose(key, classes, labels, alt) if classes else None
