"""Incremental assembly: a rebuild that adds, changes or removes a few articles updates the previous build's
outputs instead of remaking them from the whole corpus, with the same bytes as a fresh build.

Every build leaves, next to its outputs, what the next one needs (``<build>/state/``, never modified after the
switch, like the rest of the build folder):

- ``articles.tsv``: per article its IRI, cache key and where its block sits in graph.nq (byte offset, length);
- ``union.nt`` and ``union.idx``: the merged graph as sorted N-Triples, cut into runs of ``SEGMENT`` subjects,
  and per run its first subject and its byte ranges in union.nt and graph.ttl (a subject's Turtle block
  depends on that subject's statements alone, so a run is rewritten without touching the others);
- ``resources.nt``, ``gazetteer.nt``: the two merged graphs; ``table.db``: the merged entity table with its
  counts (``kg.link.DiskTable``, SQLite), ``counts.json``: the gazetteer places and the concepts used,
  counted, so an article can be taken out as well as put in;
- ``checks.json``: the store's shape violations and each article's anchor problems; ``classes.json``.

An incremental build then (1) takes the removed and changed articles' old results out of the entity table
and puts the new ones in, recomputing only the resources those articles name; (2) copies graph.nq's
unchanged article blocks byte for byte and writes the new ones; (3) backs the previous Oxigraph store up
(hard links), drops the removed and changed articles' graphs, adds the new ones, applies the difference of
the two merged graphs; a statement leaves the default graph (the union) only when no named graph holds it any
more; (4) rewrites the runs of union.nt and graph.ttl holding a subject whose statements changed and copies
the others; (5) re-runs the shape checks only on the focus nodes whose answer can have changed: the subjects
and objects of changed statements, the subjects of the changed articles' graphs (a violation names the
articles stating its node) and the nodes pointing to a node whose class membership changed (``sh:class``).
The page is made from the new union.nt as in a full build.

It falls back to a full assembly when there is no usable state (first build, older layout, other writer
version), when an old result is missing from the cache, or when more than ``MAX_SHARE`` of the articles
changed (a full, streaming assembly is then as cheap).
"""
from __future__ import annotations

import bisect
import heapq
import itertools
import json
import os
import shutil
from collections import Counter
from pathlib import Path
from typing import Iterable, Iterator

from . import export, iris

STATE = "state"
FORMAT = 2              # 2: the entity table in SQLite (table.db, counts.json) instead of a pickle
TABLE = "table.db"
COUNTS = "counts.json"
SEGMENT = 16            # subjects per run of union.nt / graph.ttl
MAX_SHARE = 0.2         # above this share of changed articles a full assembly is done instead


# ------------------------------------------------------------------------------------------------ merging

class Merge:
    """The entity table (on disk: ``kg.link.DiskTable``) and the gazetteer places and concepts used (a few
    thousand at most, in memory), all counted, so results go in and out."""

    def __init__(self, path: Path) -> None:
        from .link import DiskTable

        self.table = DiskTable(path)
        self.used: Counter = Counter()
        self.concepts: Counter = Counter()
        counts = path.with_name(COUNTS)
        if counts.exists():
            saved = json.loads(counts.read_text(encoding="utf-8"))
            self.used, self.concepts = Counter(saved["used"]), Counter(saved["concepts"])

    def add(self, result, sign: int = 1) -> set[str]:
        """Put a result in (``sign`` 1) or take it out (-1); returns the entity keys it names."""
        from .gazetteer import load_gazetteer

        gaz = load_gazetteer()
        keys = {e.key for e in result.entities}
        self.table.add_result(result, sign)
        used = Counter(e.key for e in result.entities if gaz.get(e.key) is not None)
        concepts = Counter(f.value for f in result.facts if f.kind == "concept")
        if sign > 0:
            self.used.update(used)
            self.concepts.update(concepts)
        else:
            self.used.subtract(used)
            self.concepts.subtract(concepts)
            self.used = +self.used
            self.concepts = +self.concepts
        return keys

    def resource_lines(self, keys: Iterable[str]) -> list[str]:
        """Sorted statements of the resource graph about ``keys``."""
        from .gazetteer import load_gazetteer
        from .graph import resource_triples

        gaz = load_gazetteer()
        out = set()
        for key in sorted(keys):
            if gaz.get(key) is None:
                res = self.table.resource(key)
                if res is not None:
                    out.update(export.nt_triple(*t) for t in resource_triples(res))
        return sorted(out)

    def all_resource_lines(self) -> Iterator[list[str]]:
        """The statements of every resource (gazetteer places left out), one resource at a time, unsorted."""
        from .gazetteer import load_gazetteer
        from .graph import resource_triples

        gaz = load_gazetteer()
        for res in self.table.resources():
            if gaz.get(res.key) is None:
                yield [export.nt_triple(*t) for t in resource_triples(res)]

    def reference_lines(self) -> list[str]:
        from .gazetteer import load_gazetteer
        from .graph import concept_triples, gazetteer_triples

        triples = list(gazetteer_triples(load_gazetteer(), set(self.used))) + list(concept_triples(set(self.concepts)))
        return sorted({export.nt_triple(*t) for t in triples})

    def close(self) -> None:
        """The table flushed and closed, the counts written next to it."""
        self.table.close()
        self.table.path.with_name(COUNTS).write_text(
            json.dumps({"used": dict(sorted(self.used.items())), "concepts": dict(sorted(self.concepts.items()))},
                       ensure_ascii=False), encoding="utf-8")


# ------------------------------------------------------------------------------------------------ union runs

def subject_key(line: str) -> str:
    """What orders a statement's subject among subjects: its N-Triples text and the space after it."""
    return line[:line.index(" ") + 1]


class UnionWriter:
    """union.nt and graph.ttl written in runs of ``SEGMENT`` subjects, with their index (union.idx)."""

    def __init__(self, nt_path: Path, ttl_path: Path):
        self.nt = open(nt_path, "wb", buffering=0)
        self.ttl = open(ttl_path, "wb", buffering=0)
        self.turtle = export.TurtleWriter()
        # the index's rows go to disk as the runs are written (a row per 16 subjects: 68k rows at 16k articles)
        self._index_part = Path(str(nt_path) + ".idx-part")
        self.index = open(self._index_part, "w", encoding="utf-8", newline="\n")
        self.count = 0
        self._nt_off = 0
        self._ttl_off = self.ttl.write(export.turtle_header().encode("utf-8"))
        self._buf: list[bytes] = []
        self._buf_ttl: list[bytes] = []
        self._buffered = 0

    def write(self, lines: Iterable[str]) -> None:
        """Sorted, distinct statements, cut into runs of SEGMENT subjects."""
        run: list[str] = []
        subjects, current = 0, None
        for line in lines:
            s = line[:line.index(" ")]
            if s != current:
                if subjects == SEGMENT:
                    self._run(run)
                    run, subjects = [], 0
                current = s
                subjects += 1
            run.append(line)
        if run:
            self._run(run)

    def _run(self, run: list[str]) -> None:
        nt = "".join([line + " .\n" for line in run]).encode("utf-8")
        ttl = self.turtle.text(run).encode("utf-8")
        self._index_row(subject_key(run[0]), self._nt_off, len(nt), self._ttl_off, len(ttl))
        self._nt_off += len(nt)
        self._ttl_off += len(ttl)
        self.count += len(run)
        self._buf.append(nt)
        self._buf_ttl.append(ttl)
        self._buffered += len(nt) + len(ttl)
        if self._buffered > 1 << 22:
            self._flush()

    def _flush(self) -> None:
        if self._buf:
            self.nt.write(b"".join(self._buf))
            self.ttl.write(b"".join(self._buf_ttl))
            self._buf, self._buf_ttl, self._buffered = [], [], 0

    def copy(self, old_nt, old_ttl, entries: list[tuple[str, int, int, int, int]]) -> None:
        """Runs of a previous union copied byte for byte (``entries``: consecutive rows of its index; the
        caller sets ``count``, kept for the whole union, not per run)."""
        if not entries:
            return
        self._flush()
        nt_start, ttl_start = entries[0][1], entries[0][3]
        nt_len = entries[-1][1] + entries[-1][2] - nt_start
        ttl_len = entries[-1][3] + entries[-1][4] - ttl_start
        _copy_range(old_nt, self.nt, nt_start, nt_len)
        _copy_range(old_ttl, self.ttl, ttl_start, ttl_len)
        for key, nto, ntl, tto, ttl in entries:
            self._index_row(key, nto - nt_start + self._nt_off, ntl, tto - ttl_start + self._ttl_off, ttl)
        self._nt_off += nt_len
        self._ttl_off += ttl_len

    def _index_row(self, key: str, nt_off: int, nt_len: int, ttl_off: int, ttl_len: int) -> None:
        self.index.write(f"{key[:-1]}\t{nt_off}\t{nt_len}\t{ttl_off}\t{ttl_len}\n")

    def close(self, index_path: Path) -> None:
        """The files closed; the index written to ``index_path``: the statements' count, then its rows."""
        self._flush()
        self.nt.close()
        self.ttl.close()
        self.index.close()
        with open(index_path, "wb") as fh, open(self._index_part, "rb") as rows:
            fh.write(f"{self.count}\n".encode("utf-8"))
            shutil.copyfileobj(rows, fh, 1 << 20)
        self._index_part.unlink()


def read_index(path: Path) -> tuple[int, list[tuple[str, int, int, int, int]]]:
    with open(path, encoding="utf-8", newline="\n") as fh:
        count = int(fh.readline())
        rows = []
        for line in fh:
            k, a, b, c, d = line.rstrip("\n").split("\t")
            rows.append((k + " ", int(a), int(b), int(c), int(d)))
    return count, rows


def _copy_range(src, dst, offset: int, length: int) -> None:
    """``length`` bytes of the file ``src`` from ``offset`` appended to ``dst`` (unbuffered), in the kernel
    where it can."""
    while length > 0:
        try:
            done = os.copy_file_range(src.fileno(), dst.fileno(), length, offset)
        except OSError:
            done = 0
        if done <= 0:                   # another file system, or no copy_file_range: through memory
            src.seek(offset)
            while length > 0:
                block = src.read(min(length, 1 << 22))
                if not block:
                    raise OSError("previous build's file is shorter than its index")
                dst.write(block)
                offset += len(block)
                length -= len(block)
            return
        offset += done
        length -= done


# ------------------------------------------------------------------------------------------------ state

def save_merge(staged: Path, merge: Merge, res: list[str] | None, gaz: list[str]) -> None:
    """The merged graphs and the entity table, written as soon as they are made (the caller can then let them
    go before the store and the checks, the assembly's memory peak)."""
    st = staged / STATE
    for name, lines in (("resources.nt", res), ("gazetteer.nt", gaz)):
        if lines is None:                           # written by the caller as it streamed
            continue
        with open(st / name, "w", encoding="utf-8", newline="\n") as fh:
            fh.writelines(line + "\n" for line in lines)
    merge.close()


def save_state(staged: Path, *, articles: list[tuple[str, str, int, int]], store_violations, anchors: dict,
               validated: bool, classes: Counter, triples: int) -> None:
    """The rest of the state, ``meta.json`` last: a state without it is not used."""
    from .build import writer_version

    st = staged / STATE
    with open(st / "articles.tsv", "w", encoding="utf-8", newline="\n") as fh:
        fh.writelines(f"{iri}\t{key}\t{off}\t{n}\n" for iri, key, off, n in articles)
    checks = {"validated": validated,
              "store": [_violation_json(v) for v in store_violations] if validated else None,
              "anchors": {iri: [_violation_json(v) for v in vs] for iri, vs in sorted(anchors.items())}}
    (st / "checks.json").write_text(json.dumps(checks, ensure_ascii=False), encoding="utf-8")
    (st / "classes.json").write_text(json.dumps(dict(sorted(classes.items()))), encoding="utf-8")
    # written last: a state without it is not used
    (st / "meta.json").write_text(json.dumps({"format": FORMAT, "writer": writer_version(), "triples": triples}),
                                  encoding="utf-8")


def _violation_json(v) -> list:
    return [v.resource, v.rule, list(v.articles), v.path, v.value]


def _violation(row):
    from .validate import Violation

    return Violation(row[0], row[1], tuple(row[2]), row[3], row[4])


def _read_lines(path: Path) -> list[str]:
    with open(path, encoding="utf-8", newline="\n") as fh:
        text = fh.read()
    return text[:-1].split("\n") if text else []


def _old_articles(st: Path) -> dict[str, tuple[str, int, int]]:
    out = {}
    with open(st / "articles.tsv", encoding="utf-8", newline="\n") as fh:
        for line in fh:
            iri, key, off, n = line.rstrip("\n").split("\t")
            out[iri] = (key, int(off), int(n))
    return out


def _block_lines(nq, off: int, n: int, graph: str) -> list[str]:
    """An article's statements read back from a graph.nq block."""
    nq.seek(off)
    text = nq.read(n).decode("utf-8")
    tail = f" <{graph}> .\n"
    return [line[:-len(tail)] for line in text.splitlines(keepends=True)]


# ------------------------------------------------------------------------------------------------ the update

def usable(previous: Path | None, done, cache) -> tuple | None:
    """(old articles, added, changed, removed) when ``previous``'s state can be updated into this build."""
    from .build import writer_version

    if previous is None:
        return None
    st = previous / STATE
    try:
        meta = json.loads((st / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if meta.get("format") != FORMAT or meta.get("writer") != writer_version():
        return None
    if not all((previous / name).exists() for name in ("graph.nq", "graph.ttl", "store")):
        return None
    old = _old_articles(st)
    new = {p.iri: p for p in done}
    added = [p for p in done if p.iri not in old]
    changed = [p for p in done if p.iri in old and old[p.iri][0] != p.key]
    removed = sorted(iri for iri in old if iri not in new)
    if len(added) + len(changed) + len(removed) > max(1, MAX_SHARE * len(done)):
        return None
    if not all(old[iri][0] in cache for iri in [*removed, *(p.iri for p in changed)]):
        return None
    return old, added, changed, removed


def update(previous: Path, staged: Path, done, cache, report, plan, *, lang: str, validate: bool,
           page: bool, lap) -> None:
    """Write this build's outputs into ``staged`` from the previous build's (see the module's doc)."""
    import pyoxigraph as ox

    from .build import _page, article_lines, _manifest
    from .checks import anchor_problems, check_store, literal_rules, typing_properties

    old, added, changed, removed = plan
    st_old, st = previous / STATE, staged / STATE
    st.mkdir()
    rules = literal_rules()
    for name in (TABLE, COUNTS):                    # the previous table is left as it was: updated in a copy
        shutil.copyfile(st_old / name, st / name)
    merge = Merge(st / TABLE)
    checks_old = json.loads((st_old / "checks.json").read_text(encoding="utf-8"))
    anchors = {iri: [_violation(r) for r in rows] for iri, rows in checks_old["anchors"].items()}

    # (1) the entity table, the changed articles' old and new statements
    touched_keys: set[str] = set()
    old_lines: dict[str, list[str]] = {}            # removed / changed articles' previous statements
    new_lines: dict[str, list[str]] = {}            # added / changed articles' statements
    with open(previous / "graph.nq", "rb") as nq_old:
        for iri in [*removed, *(p.iri for p in changed)]:
            key, off, n = old[iri]
            touched_keys |= merge.add(cache.get(key), -1)
            old_lines[iri] = _block_lines(nq_old, off, n, iri)
            anchors.pop(iri, None)
    for p in [*added, *changed]:
        result = cache.get(p.key)
        touched_keys |= merge.add(result)
        new_lines[p.iri] = article_lines(cache, p.key, result)
        found = anchor_problems(result)
        if found:
            anchors[p.iri] = found
    gaz_old = _read_lines(st_old / "gazetteer.nt")
    touched_keys |= _same_iri(merge, touched_keys)
    drop = {f"<{iris.entity_iri(k)}>" for k in touched_keys}
    # the resource graph is streamed from the previous one: the touched resources' statements replaced
    fresh = merge.resource_lines(touched_keys)
    gaz = merge.reference_lines()
    old_article = set(line for lines in old_lines.values() for line in lines)
    new_article = set(line for lines in new_lines.values() for line in lines)
    probe = old_article - new_article               # does the new resource graph still hold these?
    res_dropped: list[str] = []                     # the previous resource graph's lines about touched ones
    in_res: set[str] = set()

    def resource_stream() -> Iterator[str]:
        def kept() -> Iterator[str]:
            with open(st_old / "resources.nt", encoding="utf-8", newline="\n") as fh:
                for line in fh:
                    line = line[:-1]
                    if line[:line.index(" ")] in drop:
                        res_dropped.append(line)
                    else:
                        yield line
        for line in heapq.merge(kept(), fresh):     # disjoint: ``fresh`` holds only touched subjects
            if line in probe:
                in_res.add(line)
            yield line

    # (2) graph.nq: unchanged article blocks copied, the others written
    articles: list[tuple[str, str, int, int]] = []
    with open(previous / "graph.nq", "rb") as nq_old, open(staged / "graph.nq", "wb", buffering=0) as nq:
        offset, pending = 0, None                  # pending: (old start, length) of consecutive old blocks

        def flush():
            nonlocal pending
            if pending:
                _copy_range(nq_old, nq, *pending)
                pending = None

        for p in done:
            if p.iri in new_lines:
                flush()
                block = "".join(export.nquad_lines(p.iri, new_lines[p.iri])).encode("utf-8")
                nq.write(block)
                articles.append((p.iri, p.key, offset, len(block)))
                offset += len(block)
                continue
            _, off, n = old[p.iri]
            if pending and pending[0] + pending[1] == off:
                pending = (pending[0], pending[1] + n)
            else:
                flush()
                pending = (off, n)
            articles.append((p.iri, p.key, offset, n))
            offset += n
        flush()
        nq.write("".join(export.nquad_lines(str(iris.GAZETTEER_GRAPH), gaz)).encode("utf-8"))
        literal = [v for line in gaz for v in rules.check(line)]
        graph = str(iris.RESOURCE_GRAPH)
        with open(st / "resources.nt", "w", encoding="utf-8", newline="\n") as res_file:
            batch: list[str] = []
            for line in itertools.chain(resource_stream(), [None]):
                if line is not None:
                    batch.append(line)
                if batch and (line is None or len(batch) == 20_000):
                    nq.write("".join(export.nquad_lines(graph, batch)).encode("utf-8"))
                    res_file.writelines(line + "\n" for line in batch)
                    literal += [v for line in batch for v in rules.check(line)]
                    batch = []
    save_merge(staged, merge, None, gaz)
    del merge
    fresh_set, dropped_set = set(fresh), set(res_dropped)
    res_gone, res_new = dropped_set - fresh_set, fresh_set - dropped_set
    lap("merge + graph.nq")

    # (3) the store: the previous one backed up (hard links), named graphs updated
    old_store = ox.Store.read_only(str(previous / "store"))
    old_store.backup(str(staged / "store"))
    store = ox.Store(str(staged / "store"))
    for iri in [*removed, *(p.iri for p in changed)]:
        store.remove_graph(ox.NamedNode(iri))
    for iri, lines in sorted(new_lines.items()):
        if lines:
            store.load(input="".join(export.nquad_lines(iri, lines)).encode("utf-8"), format=ox.RdfFormat.N_QUADS)
    for name, leaving, coming in ((iris.GAZETTEER_GRAPH, set(gaz_old) - set(gaz), set(gaz) - set(gaz_old)),
                                         (iris.RESOURCE_GRAPH, res_gone, res_new)):
        graph = ox.NamedNode(str(name))
        for t in _triples(sorted(leaving)):
            store.remove(ox.Quad(t.subject, t.predicate, t.object, graph))
        if coming:
            store.load(input="".join(line + " .\n" for line in sorted(coming)).encode("utf-8"),
                       format=ox.RdfFormat.N_TRIPLES, to_graph=graph)
    # statements that may leave the union: no named graph may hold them any more
    candidates = set(old_article)
    candidates |= set(gaz_old) - set(gaz)
    candidates |= res_gone
    candidates -= new_article | set(gaz) | in_res | fresh_set
    gone = set()
    todo = sorted(candidates)
    for line, t in zip(todo, _triples(todo)):
        if not any(not isinstance(q.graph_name, ox.DefaultGraph)
                   for q in store.quads_for_pattern(t.subject, t.predicate, t.object, None)):
            gone.add(line)
    comers = set(new_article)
    comers |= set(gaz) - set(gaz_old)
    comers |= res_new

    # (4) union.nt, graph.ttl: the runs holding a changed subject rewritten, the others copied
    count, index = read_index(st_old / "union.idx")
    firsts = [row[0] for row in index]
    edits: dict[int, tuple[list[str], list[str]]] = {}
    for lines, slot in ((comers, 0), (gone, 1)):
        for line in lines:
            k = max(0, bisect.bisect_right(firsts, subject_key(line)) - 1)
            edits.setdefault(k, ([], []))[slot].append(line)
    added_lines: list[str] = []
    removed_lines: list[str] = []
    writer = UnionWriter(st / "union.nt", staged / "graph.ttl")
    with open(st_old / "union.nt", "rb") as nt_old, open(previous / "graph.ttl", "rb") as ttl_old:
        start = 0
        for k in sorted(edits) if index else []:
            writer.copy(nt_old, ttl_old, index[start:k])
            plus, minus = edits[k]
            nt_old.seek(index[k][1])
            before = set(nt_old.read(index[k][2]).decode("utf-8")[:-3].split(" .\n")) if index[k][2] else set()
            minus = set(minus) & before
            plus = set(plus) - before
            added_lines += plus
            removed_lines += minus
            writer.write(sorted((before - minus) | plus))
            start = k + 1
        if not index:
            plus = sorted(comers)
            added_lines += plus
            writer.write(plus)
        else:
            writer.copy(nt_old, ttl_old, index[start:])
    writer.count = count + len(added_lines) - len(removed_lines)
    writer.close(st / "union.idx")
    report.triples = writer.count
    lap("graph.ttl")

    # the union in the store's default graph
    for t in _triples(sorted(removed_lines)):
        store.remove(ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()))
    if added_lines:
        store.load(input="".join(line + " .\n" for line in sorted(added_lines)).encode("utf-8"),
                   format=ox.RdfFormat.N_TRIPLES)
    store.flush()
    classes = Counter(json.loads((st_old / "classes.json").read_text(encoding="utf-8")))
    hc_type = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/hckg/ontology#"
    for lines, sign in ((added_lines, 1), (removed_lines, -1)):
        for line in lines:
            at = line.find(hc_type)
            if at > 0 and line.endswith(">"):
                classes[line[at + len(hc_type):-1]] += sign
    report.classes = +classes
    lap("store")

    # (5) checks over the focus nodes whose answer can have changed
    store_violations = []
    if validate:
        previous_found = checks_old["store"]
        if previous_found is None:
            store_violations = check_store(store, workdir=staged)
        else:
            focus = _focus(store, old_store, added_lines, removed_lines, [*old_lines.values(), *new_lines.values()],
                           typing_properties())
            report.focus = len(focus)
            kept = [v for v in map(_violation, previous_found) if v.resource not in focus]
            store_violations = sorted(set(kept) | set(check_store(store, focus=sorted(focus), workdir=staged)))
        all_anchors = [v for vs in anchors.values() for v in vs]
        report.violations = sorted(set(all_anchors) | set(literal) | set(store_violations))
        report.validated = True
        lap("checks")
    del old_store
    save_state(staged, articles=articles, store_violations=store_violations, anchors=anchors, validated=validate,
               classes=report.classes, triples=report.triples)
    del store
    if page:
        _page(staged, lang)
        lap("page")
    export.write_atomic(staged / "manifest.json", _manifest(report, done))


def _same_iri(merge: Merge, keys: set[str]) -> set[str]:
    """Other keys of the table with the IRI of one of ``keys`` (only region and country keys share IRIs:
    ``region:ru-lip`` and ``region:RU-LIP``): their descriptions are written again with it."""
    kinds = ("region:", "country:")
    wanted = {iris.entity_iri(k) for k in keys if k.startswith(kinds)}
    if not wanted:
        return set()
    return {k for kind in kinds for k in merge.table.keys_from(kind) if iris.entity_iri(k) in wanted}


def _triples(lines: list[str]) -> Iterator:
    import pyoxigraph as ox

    if not lines:
        return iter(())
    parsed = list(ox.parse(input="".join(line + " .\n" for line in lines).encode("utf-8"),
                           format=ox.RdfFormat.N_TRIPLES))
    if len(parsed) != len(lines):
        raise ValueError("a statement did not read back as one triple")
    return iter(parsed)


def _focus(store, old_store, added: list[str], removed: list[str], graphs: list[list[str]], typing) -> set[str]:
    """IRIs whose shape violations can differ between the previous build and this one."""
    import pyoxigraph as ox

    subject_props, object_props = typing
    out: set[str] = set()
    retype: set[str] = set()
    for lines in graphs:                              # a violation names the articles stating its node
        for line in lines:
            s = line[:line.index(" ")]
            if s[0] == "<":
                out.add(s[1:-1])
    for line in (*added, *removed):
        s, p, o = line.split(" ", 2)
        p = p[1:-1]
        if s[0] == "<":
            out.add(s[1:-1])
            if p in subject_props:
                retype.add((s[1:-1], p, 0))
        if o[0] == "<":
            out.add(o[1:-1])
            if p in object_props:
                retype.add((o[1:-1], p, 1))
    changed_type: set[str] = set()
    for node, p, side in retype:
        n, pred = ox.NamedNode(node), ox.NamedNode(p)
        if p.endswith("#type"):
            changed_type.add(node)
            continue
        pattern = (n, pred, None, ox.DefaultGraph()) if side == 0 else (None, pred, n, ox.DefaultGraph())
        if (next(store.quads_for_pattern(*pattern), None) is None) != \
                (next(old_store.quads_for_pattern(*pattern), None) is None):
            changed_type.add(node)
    for node in changed_type:                        # sh:class: the nodes pointing to a node retyped
        for q in store.quads_for_pattern(None, None, ox.NamedNode(node), ox.DefaultGraph()):
            if isinstance(q.subject, ox.NamedNode):
                out.add(q.subject.value)
        for q in old_store.quads_for_pattern(None, None, ox.NamedNode(node), ox.DefaultGraph()):
            if isinstance(q.subject, ox.NamedNode):
                out.add(q.subject.value)
    return out
