"""Per-article accumulator the extractors write into; ``result()`` freezes it into an ArticleResult."""
from __future__ import annotations

from bisect import bisect_left
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from ..records import Article, ArticleResult, Entity, Fact, Mention


@dataclass
class Ctx:
    article: Article
    doc: Doc
    lang: str
    classes: dict = field(default_factory=dict)
    labels: dict = field(default_factory=lambda: defaultdict(Counter))
    alt: dict = field(default_factory=lambda: defaultdict(set))
    mentions: dict = field(default_factory=dict)
    facts: dict = field(default_factory=dict)
    dateline: str | None = None
    publisher: str | None = None
    ref_date: str | None = None          # the date "today" refers to: dateline, else header date
    notes: dict = field(default_factory=dict)   # scratch shared between extractors (e.g. person index)
    skip_index: tuple | None = field(default=None, repr=False, compare=False)   # made by ``skipped``

    # ---- skip ranges (header, boilerplate)
    def skipped(self, begin: int, end: int) -> bool:
        """Does [begin, end) overlap a skipped range? The ranges are sorted once, with the furthest end
        reached so far: one bisect per call instead of a scan of them (called per span, per token)."""
        skip = self.article.skip
        if not skip:
            return False
        if self.skip_index is None or self.skip_index[0] is not skip:
            ranges, reach, top = sorted(skip), [], -1
            for _, e in ranges:
                top = max(top, e)
                reach.append(top)
            self.skip_index = (skip, [b for b, _ in ranges], reach)
        k = bisect_left(self.skip_index[1], end)           # the ranges beginning before ``end``
        return k > 0 and self.skip_index[2][k - 1] > begin

    def live(self, span: Span) -> bool:
        return not self.skipped(span.start_char, span.end_char)

    # ---- writers
    def entity(self, key: str, cls: str, label: str | None = None, lang: str | None = None,
               alt: str | None = None) -> str:
        old = self.classes.get(key)
        if old is None or _rank(cls) > _rank(old):
            self.classes[key] = cls
        lang = lang or self.lang
        if label:
            self.labels[key][(lang, label)] += 1
        if alt and alt != label:
            self.alt[key].add((lang, alt))
        return key

    def mention(self, key: str, begin: int, end: int, role: str = "name") -> None:
        if self.skipped(begin, end) or end <= begin:
            return
        text = self.article.text[begin:end]
        self.mentions[(key, begin, end, role)] = Mention(key, begin, end, text, role)

    def mention_span(self, key: str, span: Span) -> None:
        self.mention(key, span.start_char, span.end_char)

    def fact(self, subject: str, prop: str, value, kind: str = "ref") -> None:
        value = str(value).lower() if kind == "bool" else str(value)
        self.facts[(subject, prop, value, kind)] = Fact(subject, prop, value, kind)

    def evidence(self, subject: str, sent: Span) -> None:
        begin, end = sent.start_char, sent.end_char
        while end > begin and self.article.text[end - 1].isspace():
            end -= 1
        while begin < end and self.article.text[begin].isspace():
            begin += 1
        if end > begin and not self.skipped(begin, end):
            self.fact(subject, "hc:evidence", f"{begin},{end}", "span")

    def drop_names_inside(self, span: Span, keep: str) -> None:
        """Forget the names found inside ``span`` (but ``keep``'s); an entity left unnamed goes too."""
        inside = [k for k in self.mentions if k[0] != keep and span.start_char <= k[1] and k[2] <= span.end_char]
        for k in inside:
            del self.mentions[k]
        named = {k[0] for k in self.mentions}
        for key, *_ in inside:
            if key not in named:
                self.classes.pop(key, None)

    def forget(self, key: str) -> None:
        """Remove an entity with its facts and mentions (and tenures of a forgotten post)."""
        self.classes.pop(key, None)
        for k in [k for k in self.mentions if k[0] == key]:
            del self.mentions[k]
        for k in [k for k, f in self.facts.items() if f.subject == key or f.value == key]:
            fact = self.facts.pop(k)
            if fact.prop == "hc:tenurePost":
                self.forget(fact.subject)

    def rename(self, old: str, new: str) -> None:
        """Make ``old`` the same entity as ``new``: its labels, mentions and facts move over."""
        if old == new or old not in self.classes:
            return
        self.entity(new, self.classes.pop(old))
        for pair, n in self.labels.pop(old, {}).items():
            self.labels[new][pair] += n
        self.alt[new] |= self.alt.pop(old, set())
        for k in [k for k in self.mentions if k[0] == old]:
            m = self.mentions.pop(k)
            self.mention(new, m.begin, m.end, m.role)
        for k in [k for k, f in self.facts.items() if old in (f.subject, f.value)]:
            f = self.facts.pop(k)
            self.fact(new if f.subject == old else f.subject, f.prop,
                      new if f.value == old and f.kind == "ref" else f.value, f.kind)

    def has(self, key: str) -> bool:
        return key in self.classes

    # ---- freeze
    def result(self) -> ArticleResult:
        entities = []
        for key in sorted(self.classes):
            by_lang: dict[str, list] = defaultdict(list)
            for (lang, label), n in self.labels[key].items():
                by_lang[lang].append((label, n))
            labels = tuple((lang, min(v, key=lambda x: (-x[1], len(x[0]), x[0]))[0])
                           for lang, v in sorted(by_lang.items()))
            alt = {pair for pair in self.labels[key]} | self.alt[key]
            alt = tuple(sorted(alt - set(labels)))
            entities.append(Entity(key, self.classes[key], labels, alt))
        known = set(self.classes)
        facts = tuple(f for f in sorted(self.facts.values(), key=_fact_order)
                      if f.subject in known and (f.kind != "ref" or f.value in known))
        mentions = tuple(sorted(self.mentions.values(), key=lambda m: (m.begin, m.end, m.key, m.role)))
        return ArticleResult(self.article, tuple(entities), facts, mentions, self.dateline,
                             self.publisher if self.publisher in known else None)


_RANKS = {"HealthcareFacility": 5, "SocialFacility": 5, "GovernmentBody": 4, "Venue": 4, "Facility": 3,
          "Organization": 1}


def _rank(cls: str) -> int:
    return _RANKS.get(cls, 0)


def _fact_order(f: Fact):
    return (f.subject, f.prop, f.kind, f.value)
