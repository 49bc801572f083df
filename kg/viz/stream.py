"""The page of a build's union.nt in bounded memory: the graph is read in passes, one subject at a time.

1. ``survey`` (one pass) finds every node's class and its degree on the page, as ``page.degrees`` counts it
   on the whole model (statements between nodes, a tenure as person -> post, an article counting the
   resources that name it), keeping a few integers per node, link and mention (64-bit hashes of IRIs);
   ``choose`` then picks the nodes to embed by ``page.cap``'s rule and the next ones for the name index.
2. The rows of the embedded nodes and of the tenures between them.
3. Their neighbours' types and labels; their mentions, folded into ``model.Spans`` as they are read.
4. The rows of the articles the sources cite; the name index of the other nodes, written to disk.
5. The labels of those articles' publishers.
``model.build_model`` then makes, from these rows, the model the whole graph gives, restricted to the
embedded nodes: below ``page.MAX_NODES`` the same page, byte for byte. Above it, the article table holds the
articles the embedded nodes cite, and the name index lists the other nodes in union.nt's order.
(Two different IRIs with one 64-bit hash would miscount a degree or a source: about 1 in 10^7 at a million.)
"""
from __future__ import annotations

from array import array
from pathlib import Path
from typing import Iterator

import numpy as np

from . import labels as lb
from .model import (ALT, ANCHOR, CONTEXT, DERIVED, HC, HEADLINE, LABEL, PUBLISHED, PUBLISHER, TYPE, PageModel, Spans,
                    build_model, first, make_node, mention_of, references, tenures)
from .style import ARTICLE_PROPERTIES, NODE_CLASSES
from .textindex import index_entry
from .triples import Rows, add_block, block_pairs, subject_blocks, term

MENTIONED = HC + "denotedBy"
_RANK = {f"<{HC}{key}>": rank for rank, key in enumerate(NODE_CLASSES)}
_SKIP = {f"<{p}>" for p in (TYPE, LABEL, ALT, MENTIONED, HC + "evidence")}
ARTICLE = NODE_CLASSES.index("Article")
RELATION, HOLDS, FROM_ARTICLE, TO_ARTICLE = 0, 1, 2, 3  # kinds of link; the last two count for an article only
LABELS = frozenset({TYPE, LABEL})
HALF_TENURE = frozenset({TYPE, HC + "tenureOf", HC + "tenurePost", HC + "evidence"})
ARTICLE_ROW = frozenset({LABEL, HEADLINE, PUBLISHED, PUBLISHER, HC + "sourceFile"})


def first_ref(pairs: list[list[str]], predicate: str) -> str | None:
    """``model.first`` on a block's (predicate, object) texts, when that first object is an IRI or blank node."""
    found = [term(o) for p, o in pairs if p == predicate and o[0] != '"']
    return min(found) if found else None


def _kind(p: str, kinds: dict[str, int]) -> int:
    kind = kinds.get(p)
    if kind is None:
        name = lb.qname(p[1:-1])
        kind = kinds[p] = (HOLDS if name == "hc:holdsPost" else FROM_ARTICLE if name == "prov:wasDerivedFrom"
                           else TO_ARTICLE if name in ARTICLE_PROPERTIES else RELATION)
    return kind


class Survey:
    """Every node (IRI in union.nt's order, class) and the links the page's degree counts, as hashes."""

    def __init__(self, path: Path):
        self.iris: list[str] = []
        self.ranks, self.hashes = array("b"), array("q")
        self.links = array("q"), array("q"), array("b")     # subject, object, kind
        self.named = array("q"), array("q")                 # node, mention (hc:denotedBy)
        self.mentions = array("q"), array("q")              # mention with a quote, its article
        self.tenures = array("q"), array("q")               # person, post
        kinds: dict[str, int] = {}
        type_t, mentioned_t, tenure_t = f"<{TYPE}>", f"<{MENTIONED}>", f"<{HC}Tenure>"
        context_t, anchor_t, of_t, post_t = (f"<{p}>" for p in (CONTEXT, ANCHOR, HC + "tenureOf", HC + "tenurePost"))
        for s, lines in subject_blocks(path):
            pairs = block_pairs(lines)
            subject = term(s)
            h = hash(subject)
            types = {o for p, o in pairs if p == type_t}
            rank = min((_RANK[o] for o in types if o in _RANK), default=None)
            if rank is not None and s[0] == "<":
                self.iris.append(subject)
                self.ranks.append(rank)
                self.hashes.append(h)
                for p, o in pairs:
                    if p == mentioned_t and o[0] != '"':
                        self.named[0].append(h)
                        self.named[1].append(hash(term(o)))
                    elif o[0] == "<" and p not in _SKIP:
                        self.links[0].append(h)
                        self.links[1].append(hash(o[1:-1]))
                        self.links[2].append(_kind(p, kinds))
            if tenure_t in types:
                person, post = first_ref(pairs, of_t), first_ref(pairs, post_t)
                if person is not None and post is not None:
                    self.tenures[0].append(hash(person))
                    self.tenures[1].append(hash(post))
            ctx = first_ref(pairs, context_t)
            if ctx is not None and any(p == anchor_t for p, _ in pairs):
                self.mentions[0].append(h)
                self.mentions[1].append(hash(ctx))
        self._by_hash = np.argsort(np.array(self.hashes, np.int64), kind="stable")

    def node_of(self, hashes) -> np.ndarray:
        """The node (index in ``iris``) of each hash, -1 for what is not a node."""
        h = np.array(hashes, np.int64)
        if not self.iris:
            return np.full(len(h), -1)
        known = np.array(self.hashes, np.int64)[self._by_hash]
        pos = np.minimum(np.searchsorted(known, h), len(known) - 1)
        return np.where(known[pos] == h, self._by_hash[pos], -1)

    def degrees(self) -> np.ndarray:
        """``page.degrees`` of the whole graph's model, per node."""
        n = len(self.iris)
        is_article = np.array(self.ranks, np.int8) == ARTICLE
        count = lambda nodes: np.bincount(nodes, minlength=n)  # noqa: E731
        s, o, kind = self.node_of(self.links[0]), self.node_of(self.links[1]), np.array(self.links[2], np.int8)
        ok = (o >= 0) & (s != o)
        relation = ok & (kind <= HOLDS)
        deg = count(s[relation]) + count(o[relation])
        deg += count(o[ok & (kind >= FROM_ARTICLE) & is_article[np.maximum(o, 0)]])
        holds = ok & (kind == HOLDS)
        person, post = self.node_of(self.tenures[0]), self.node_of(self.tenures[1])
        pairs = np.unique((person * n + post)[(person >= 0) & (post >= 0) & (person != post)])
        pairs = pairs[~np.isin(pairs, s[holds] * n + o[holds])]        # a tenure and its shortcut: one edge
        deg += count(pairs // n) + count(pairs % n)
        derived = ok & (kind == FROM_ARTICLE)
        return deg + self.article_links(is_article, s[derived] * n + o[derived])

    def article_links(self, is_article: np.ndarray, derived: np.ndarray) -> np.ndarray:
        """Per article: the resources with a quoted mention in it (``hc:denotedBy``), unless they state
        ``prov:wasDerivedFrom`` it (that link is counted already)."""
        n = len(self.iris)
        mention = np.array(self.mentions[0], np.int64)
        named = np.array(self.named[1], np.int64)
        if not len(mention) or not len(named):
            return np.zeros(n, np.int64)
        order = np.argsort(mention, kind="stable")
        pos = np.minimum(np.searchsorted(mention[order], named), len(mention) - 1)
        quoted = mention[order][pos] == named
        article = self.node_of(np.array(self.mentions[1], np.int64)[order][pos])
        node = self.node_of(self.named[0])
        ok = quoted & (article >= 0) & (article != node) & is_article[np.maximum(article, 0)]
        pairs = np.unique(node[ok] * n + article[ok])
        pairs = pairs[~np.isin(pairs, derived)]
        return np.bincount(pairs % n, minlength=n)

    def choose(self, max_nodes: int, max_names: int) -> tuple[set[str], HashTable]:
        """``page.cap``'s rule: the ``max_nodes`` most connected nodes (articles after every other class, ties
        in IRI order) to embed, and the next ``max_names`` (IRI -> class) for the name index."""
        n = len(self.iris)
        deg = self.degrees()
        is_article = np.array(self.ranks, np.int8) == ARTICLE
        by_iri = np.empty(n, np.int64)
        by_iri[np.argsort(np.array(self.iris, dtype=object), kind="stable")] = np.arange(n)
        order = np.lexsort((by_iri, -deg, is_article))
        keep = {self.iris[k].encode().decode() for k in order[:max_nodes].tolist()}  # copies: the survey's
        # strings then go together, so the memory they held is handed back
        rest = order[max_nodes:max_nodes + max_names]
        names = HashTable(np.array(self.hashes, np.int64)[rest], np.array(self.ranks, np.int8)[rest])
        return keep, names


class HashTable:
    """IRI -> a small number, kept as sorted 64-bit hashes (9 bytes a member, not the IRIs)."""

    def __init__(self, hashes: np.ndarray, values: np.ndarray):
        order = np.argsort(hashes, kind="stable")
        self.hashes, self.values = hashes[order], values[order]

    def __len__(self) -> int:
        return len(self.hashes)

    def get(self, iri: str) -> int | None:
        h = hash(iri)
        at = int(np.searchsorted(self.hashes, h))
        return int(self.values[at]) if at < len(self.hashes) and self.hashes[at] == h else None


class NameIndex:
    """The name index of the nodes left off the page (``page.cap``'s columns), written to column files as
    it is read and copied into the page at the end, so it is never held whole."""

    def __init__(self, folder: Path):
        self.files = {c: open(folder / f"names-{c}.json", "w+", encoding="utf-8", newline="\n") for c in "licS"}
        self.count = 0

    def add(self, labels, iri: str, cls: int, entry: str) -> None:
        from .page import script_json
        sep = "," if self.count else ""
        for c, value in zip("licS", (labels, iri, cls, entry)):
            self.files[c].write(sep + script_json(value))
        self.count += 1

    def parts(self) -> Iterator[str]:
        """The block's JSON text in pieces: {"l":[...],"i":[...],"c":[...],"s":[...]}."""
        for k, c in enumerate("licS"):
            yield ("{" if k == 0 else "],") + f'"{c.lower()}":['
            fh = self.files[c]
            fh.seek(0)
            while piece := fh.read(1 << 20):
                yield piece
        yield "]}"

    def close(self) -> None:
        for fh in self.files.values():
            fh.close()


def name_entry(rows: Rows, s: str, lines: list[str], rank: int, onto) -> tuple:
    """A left-off node's labels (its own, or named from its concept and place), IRI, class, search entry."""
    from .page import compact
    own: Rows = {}
    add_block(own, s, lines)
    iri = term(s)
    where = first(own, iri, HC + "jurisdiction") or first(own, iri, HC + "eventPlace")
    if isinstance(where, str) and where in rows:
        own[where] = rows[where]
    node = make_node(own, iri, NODE_CLASSES[rank], onto)
    return compact(node.labels), iri, rank, index_entry([*node.labels.values(), *node.alt])


def read_rows(path: Path, rows: Rows, wanted: set[str], predicates: frozenset[str] | None = None) -> None:
    """Add to ``rows`` the statements of the ``wanted`` subjects (only ``predicates`` if given)."""
    if not wanted:
        return
    lits: dict = {}
    for s, lines in subject_blocks(path):
        if term(s) in wanted:
            got: Rows = {}
            add_block(got, s, lines, lits, predicates)
            rows.setdefault(term(s), {}).update(got[term(s)])


def page_model(path: Path, onto, max_nodes: int, max_names: int, folder: Path
               ) -> tuple[PageModel, int, NameIndex | None]:
    """The page's model of union.nt (``path``): its embedded nodes, the number of nodes in the graph, and the
    name index of the others (None when every node is embedded), its columns in ``folder``."""
    survey = Survey(path)
    total = len(survey.iris)
    keep, names = survey.choose(max_nodes, max_names)
    nodes = HashTable(np.array(survey.hashes, np.int64), np.array(survey.ranks, np.int8))
    del survey
    trim()
    rows, places = embedded_rows(path, keep, names)
    index = {iri: i for i, iri in enumerate(sorted(keep))}
    spans = Spans()
    fold_mentions(path, rows, index, spans, places, lambda iri: nodes.get(iri) is not None)
    trim()
    cited = set(spans.first) | {o for s, preds in rows.items() if s not in keep
                                for o in preds.get(DERIVED, ()) if isinstance(o, str)}
    articles: Rows = {}                                  # 4. the cited articles; the name index
    name_index = NameIndex(folder) if len(names) else None
    for s, lines in subject_blocks(path):
        iri = term(s)
        if iri in cited and iri not in keep:
            add_block(articles, s, lines, None, ARTICLE_ROW)
        rank = names.get(iri) if name_index is not None else None
        if rank is not None:
            name_index.add(*name_entry(rows, s, lines, rank, onto))
    for iri, preds in articles.items():
        rows.setdefault(iri, {}).update(preds)
    publishers = {o for preds in articles.values() for o in preds.get(PUBLISHER, ()) if isinstance(o, str)}
    read_rows(path, rows, publishers - rows.keys(), LABELS)    # 5. their publishers' labels
    return build_model(rows, onto, keep=keep, spans=spans), total, name_index


def trim() -> None:
    """Hand the memory freed back to the system (glibc keeps freed blocks otherwise)."""
    import ctypes
    try:
        ctypes.CDLL(None).malloc_trim(0)
    except (OSError, AttributeError):        # not glibc
        pass


def embedded_rows(path: Path, keep: set[str], names: HashTable) -> tuple[Rows, set[str]]:
    """Pass 2: the rows of the embedded nodes and of the tenures naming one of them; and the places that
    name the unlabelled nodes of the name index (``model.concept_labels``)."""
    rows: Rows = {}
    places: set[str] = set()
    strings: dict[str, str] = {}             # one string per IRI the rows hold (a region is named by thousands)
    tenure_t, of_t, post_t = f"<{TYPE}> <{HC}Tenure>", f"<{HC}tenureOf>", f"<{HC}tenurePost>"
    naming = frozenset({LABEL, HC + "jurisdiction", HC + "eventPlace"})
    for s, lines in subject_blocks(path):
        iri = term(s)
        if iri in keep:
            add_block(rows, s, lines)
            hash_mentions(rows[iri])
            share(rows, iri, strings)
        elif any(line.startswith(tenure_t, len(s) + 1) for line in lines):
            pairs = block_pairs(lines)
            ends = [first_ref(pairs, of_t) in keep, first_ref(pairs, post_t) in keep]
            if any(ends):               # one end left off: only its evidence counts (for the other end)
                add_block(rows, s, lines, None, None if all(ends) else HALF_TENURE)
                hash_mentions(rows[iri])
                share(rows, iri, strings)
        elif names.get(iri) is not None:
            own: Rows = {}
            add_block(own, s, lines, None, naming)
            where = first(own, iri, HC + "jurisdiction") or first(own, iri, HC + "eventPlace")
            if not own[iri].get(LABEL) and isinstance(where, str):
                places.add(where)
    return rows, places


def share(rows: Rows, iri: str, strings: dict[str, str]) -> None:
    """The subject's row keyed, and its IRI objects held, by the one string ``strings`` keeps per IRI (the
    rows of a pass name the same posts, places and articles thousands of times)."""
    preds = rows.pop(iri)
    for objs in preds.values():
        for k, o in enumerate(objs):
            if type(o) is str:
                objs[k] = strings.setdefault(o, o)
    rows[strings.setdefault(iri, iri)] = preds


def hash_mentions(preds: dict[str, list]) -> None:
    """A subject's mentions as hashes, in their order (a region's run to thousands; pass 3 finds them by hash),
    8 bytes each."""
    for p in (HC + "evidence", MENTIONED):
        if p in preds:
            preds[p] = array("q", [hash(o) for o in preds[p] if isinstance(o, str)])


def fold_mentions(path: Path, rows: Rows, index: dict[str, int], spans: Spans, places: set[str],
                  left_off) -> None:
    """Pass 3: the embedded nodes' mentions (their order fixed by ``model.references``) left out of ``rows``
    and folded into ``spans`` as they are read; the types and labels of every other subject the rows name
    and of ``places`` added to ``rows``."""
    refs = array("q")
    nodes, kinds = array("l"), array("b")
    for i, kind, mention in references(rows, index, left_off):
        refs.append(mention)                            # its hash (``hash_mentions``)
        nodes.append(i)
        kinds.append(kind)
    both = {s for s, _, _ in tenures(rows, index)}
    for s in [s for s, preds in rows.items() if HC + "Tenure" in preds.get(TYPE, ()) and s not in both]:
        del rows[s]                                     # a tenure with an end left off: its evidence was all
    for preds in rows.values():
        preds.pop(HC + "evidence", None)
        preds.pop(MENTIONED, None)
    wanted = {o for preds in rows.values() for objs in preds.values() for o in objs if isinstance(o, str)}
    wanted = (wanted | places) - rows.keys()
    order = np.argsort(np.array(refs, np.int64), kind="stable")   # a reference's position: its place in refs
    hashes = np.array(refs, np.int64)[order]
    del refs
    strings: dict[str, str] = {}
    for s, lines in subject_blocks(path):
        iri = term(s)
        if iri in wanted:
            got: Rows = {}
            add_block(got, s, lines, None, LABELS)
            rows[iri] = got[iri]
            share(rows, iri, strings)
        h = hash(iri)
        at = int(np.searchsorted(hashes, h))
        if at < len(hashes) and hashes[at] == h:
            own: Rows = {}
            add_block(own, s, lines)
            found = mention_of(own, iri)
            while found is not None and at < len(hashes) and hashes[at] == h:
                pos = int(order[at])
                spans.add(pos, nodes[pos], kinds[pos], found)
                at += 1

