"""Render the network page: one self-contained HTML file, data embedded as escaped JSON in chunks.

The data is split into ``<script type="application/json">`` blocks of ``CHUNK`` nodes (columns: class,
position, degree, group, labels, dates, search entry), their details (IRI, other names, properties, sources,
parsed only when a panel opens) and edges, so the page parses them one per task and never blocks for long.
Above ``max_nodes`` the page embeds the most connected nodes and a name index of all the others.
"""
from __future__ import annotations

import base64
import hashlib
import html
import json
import os
import tempfile
import time
from pathlib import Path
from string import Template
from typing import Iterable, Iterator

import numpy as np

from . import assets
from . import labels as lb
from .focus import Focus, apply, submodel
from .groups import TIME_CAP, communities, group_names
from .i18n import ui_strings
from .layout import positions
from .model import PageModel, build_model
from .stream import NameIndex, page_model
from .style import ARTICLE_PROPERTIES, COLORS, EXTERNAL_PROPERTY_LABELS, NODE_CLASSES, STYLES
from .textindex import ENDINGS, FOLD_FROM, FOLD_TO, MIN_STEM, index_entry
from .triples import clean, rows_of

REDUCE_ABOVE = 1500  # more nodes than this: the page opens on groups
MAX_NODES = 20000  # more nodes than this: the most connected are embedded, the rest only in the name index
MAX_NAMES = 300000  # the name index holds at most this many (most connected first): the page stays a few tens of MB
CHUNK = 2000
DETAIL_CHUNK = 250  # details parsed when a panel opens: small blocks, parsed fast
MAX_SOURCES = 30  # source sentences kept per node
_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
_CSP = ("default-src 'none'; script-src '{script}'; style-src 'unsafe-inline'; img-src data:; "
        "connect-src 'none'; font-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'")


def script_json(data: object) -> str:
    """JSON that is inert inside <script type="application/json">: no '<', '>', '&', U+2028 or U+2029, and no
    bidi control (they can only sit inside strings, so removing them keeps the JSON valid)."""
    text = clean(json.dumps(data, ensure_ascii=False, separators=(",", ":")))
    return "".join(_JSON_ESCAPES.get(ch, ch) for ch in text) if any(c in text for c in _JSON_ESCAPES) else text


def compact(labels: lb.Labels) -> str | lb.Labels:
    return labels.get("", "") if list(labels) == [""] else {k: labels[k] for k in sorted(labels)}


def degrees(model: PageModel) -> np.ndarray:
    """Stated relations per node; an article counts the resources it names."""
    deg = np.zeros(len(model.nodes), np.int64)
    for (s, t, p) in model.edges:
        if s == t:
            continue
        if p not in ARTICLE_PROPERTIES:
            deg[s] += 1
            deg[t] += 1
        elif model.is_article(t):
            deg[t] += 1
    return deg


def article_ranks(model: PageModel) -> list[int]:
    """Per article: its place when dated articles come newest first and undated ones last."""
    order = sorted(range(len(model.articles)), key=lambda a: (not model.articles[a][1], _desc(model.articles[a][1]), a))
    ranks = [0] * len(order)
    for r, a in enumerate(order):
        ranks[a] = r
    return ranks


def sources_of(model: PageModel, i: int, ranks: list[int]) -> list[list]:
    """Evidence first, then newest article first; one entry per (article, sentence)."""
    rows = sorted((kind, ranks[a] if a >= 0 else len(ranks), b, quote, e, a)
                  for (a, _), (kind, b, e, quote) in model.nodes[i].sources.items())
    return [[kind, a, quote, b, e] for kind, _, b, quote, e, a in rows]


def _desc(text: str) -> str:
    return "".join(chr(0x10FFFF - ord(c)) for c in text)


def property_labels(model: PageModel, onto: dict[str, lb.Labels]) -> dict[str, lb.Labels]:
    used = {p for (_, _, p) in model.edges} | {p for n in model.nodes for p, _ in n.props}
    used |= {p for d in model.edges.values() for p, _ in d}
    return {p: onto.get(p) or EXTERNAL_PROPERTY_LABELS.get(p) or {"": p} for p in sorted(used)}


def class_table(onto: dict[str, lb.Labels]) -> list[dict]:
    return [{"key": s.key, "color": s.color, "shape": s.shape, "labels": onto.get(f"hc:{s.key}", {"": s.key})}
            for s in STYLES]


def chunks(rows: list, size: int) -> list[list]:
    return [rows[k:k + size] for k in range(0, len(rows), size)] or [[]]


def node_chunk(model, deg, groups, pos, lo, hi) -> dict:
    nodes = model.nodes[lo:hi]
    return {"c": [NODE_CLASSES.index(n.cls) for n in nodes], "x": pos[lo:hi, 0].tolist(), "y": pos[lo:hi, 1].tolist(),
            "v": deg[lo:hi].tolist(), "g": groups[lo:hi], "l": [compact(n.labels) for n in nodes],
            "d": [list(n.dates) if n.dates else 0 for n in nodes],
            "s": [index_entry([*n.labels.values(), *n.alt]) for n in nodes]}


def detail_chunk(model: PageModel, lo: int, hi: int, ranks: list[int]) -> list:
    out = []
    for i in range(lo, hi):
        n, src = model.nodes[i], sources_of(model, i, ranks)
        out.append([n.iri, n.alt, [[p, v if isinstance(v, str) else compact(v)] for p, v in n.props],
                    src[:MAX_SOURCES], len(src)])
    return out


def edge_payload(model: PageModel, prop_index: dict[str, int]) -> list[dict]:
    keys = sorted(model.edges)
    out = []
    for part in chunks(list(enumerate(keys)), CHUNK * 3):
        out.append({"e": [v for _, (s, t, p) in part for v in (s, t, prop_index[p])],
                    "x": {str(k): model.edges[key] for k, key in part if model.edges[key]},
                    "d": {str(k): list(model.edge_dates[key]) for k, key in part if key in model.edge_dates}})
    return out


def cap(model: PageModel, deg: np.ndarray, max_nodes: int) -> tuple[PageModel, dict | None]:
    """The most connected ``max_nodes`` nodes (articles after every other class), and a name index of the
    others (labels, IRIs, classes, search entries)."""
    if len(model.nodes) <= max_nodes:
        return model, None
    is_article = np.array([n.cls == "Article" for n in model.nodes])
    order = np.lexsort((np.arange(len(deg)), -deg, is_article))
    keep, rest = sorted(order[:max_nodes].tolist()), sorted(order[max_nodes:max_nodes + MAX_NAMES].tolist())
    names = {"l": [compact(model.nodes[i].labels) for i in rest], "i": [model.nodes[i].iri for i in rest],
             "c": [NODE_CLASSES.index(model.nodes[i].cls) for i in rest],
             "s": [index_entry([*model.nodes[i].labels.values(), *model.nodes[i].alt]) for i in rest]}
    return submodel(model, keep), names


def payload(source, *, lang: str, reduce_above: int, max_nodes: int, focus: Focus | None,
            time_cap: float, timings: dict) -> tuple[dict, list[tuple[str, object]]]:
    """The page's meta data and its data blocks (id, value)."""
    tick = time.perf_counter()
    onto = lb.ontology_labels()
    model = build_model(rows_of(source), onto)
    total = len(model.nodes)
    if focus is not None:
        model = apply(model, focus, max_nodes)
    model, names = cap(model, degrees(model), max_nodes)
    timings["model"] = time.perf_counter() - tick
    return model_payload(model, onto, total, names, lang=lang, reduce_above=reduce_above, focus=focus,
                         time_cap=time_cap, timings=timings)


def model_payload(model: PageModel, onto: dict[str, lb.Labels], total: int, names: dict | NameIndex | None, *,
                  lang: str, reduce_above: int, focus: Focus | None, time_cap: float, timings: dict
                  ) -> tuple[dict, list[tuple[str, object]]]:
    """The meta data and data blocks of a model of ``total`` nodes, with the name index of those left out."""
    deg = degrees(model)
    tick = time.perf_counter()
    groups, fallback = communities(model, deg, time_cap=time_cap)
    timings["groups"] = time.perf_counter() - tick
    tick = time.perf_counter()
    pairs = sorted({(s, t) for (s, t, _) in model.edges if s != t})
    pos, centres, radii = positions(len(model.nodes), pairs, groups, deg)
    gnames = group_names(model, groups, deg, lang)
    timings["layout"] = time.perf_counter() - tick
    tick = time.perf_counter()
    props = property_labels(model, onto)
    prop_index = {p: k for k, p in enumerate(props)}
    sizes = np.bincount(np.array(groups, np.int64), minlength=len(gnames)) if groups else []
    n = len(model.nodes)
    blocks: list[tuple[str, object]] = []
    for k, lo in enumerate(range(0, max(n, 1), CHUNK)):
        hi = min(n, lo + CHUNK)
        blocks.append((f"hckg-n{k}", node_chunk(model, deg, groups, pos, lo, hi)))
    ranks = article_ranks(model)
    for k, lo in enumerate(range(0, max(n, 1), DETAIL_CHUNK)):
        blocks.append((f"hckg-d{k}", detail_chunk(model, lo, min(n, lo + DETAIL_CHUNK), ranks)))
    edges = edge_payload(model, prop_index)
    blocks += [(f"hckg-e{k}", part) for k, part in enumerate(edges)]
    if names:
        blocks.append(("hckg-names", names))
    meta = {"lang": lang, "langs": list(lb.LANGS), "ui": ui_strings(), "classes": class_table(onto),
            "props": props, "propKeys": list(props), "colors": COLORS, "reduced": n > reduce_above,
            "total": total, "count": n, "capped": total - n if names else 0, "fallback": fallback,
            "focus": focus.describe() if focus else "", "chunk": CHUNK, "detailChunk": DETAIL_CHUNK,
            "chunks": [len(range(0, max(n, 1), CHUNK)), len(edges)],
            "groups": [[compact(gnames[g]), int(sizes[g]), int(round(centres[g][0])), int(round(centres[g][1])),
                        int(round(radii[g]))] for g in range(len(gnames))],
            "articles": [list(a) for a in model.articles],
            "stem": {"endings": list(ENDINGS), "min": MIN_STEM, "fold": [FOLD_FROM, FOLD_TO]}}
    timings["payload"] = time.perf_counter() - tick
    return meta, blocks


def render_page(graph, *, lang: str = "ru", reduce_above: int = REDUCE_ABOVE, max_nodes: int = MAX_NODES,
                focus: Focus | None = None, time_cap: float = TIME_CAP, timings: dict | None = None) -> str:
    """The whole page as one string: no external URL, nothing fetched when opened.

    ``graph``: an rdflib Graph or Dataset, a path (file, build folder, Oxigraph store) or an iterable of triples.
    """
    if lang not in lb.LANGS:
        raise ValueError(f"unsupported page language {lang!r}; expected one of {', '.join(lb.LANGS)}")
    timings = {} if timings is None else timings
    meta, blocks = payload(graph, lang=lang, reduce_above=reduce_above, max_nodes=max_nodes, focus=focus,
                           time_cap=time_cap, timings=timings)
    tick = time.perf_counter()
    text = "".join(page_parts(lang, meta, blocks))
    timings["html"] = time.perf_counter() - tick
    return text


_DATA = "\x00hckg-data\x00"


def page_parts(lang: str, meta: dict, blocks: list[tuple[str, object]]) -> Iterator[str]:
    """The page's text in pieces (the data blocks one by one), so that it can be written without being held."""
    script = assets.page_script()
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    head, tail = Template(assets.static_text("page.html")).substitute(
        lang=lang, title=html.escape(ui_strings()[lang]["title"]), csp=_CSP.format(script=f"sha256-{digest}"),
        css=assets.static_text("page.css"), script=script, data=_DATA).split(_DATA)
    yield head
    for k, (name, value) in enumerate([("hckg-meta", meta), *blocks]):
        yield ("\n" if k else "") + f'<script type="application/json" id="{name}">'
        if isinstance(value, NameIndex):
            yield from value.parts()
        else:
            yield script_json(value)
        yield "</script>"
    yield tail


def write_page(graph, path: Path, **options) -> None:
    """Write the page atomically: a temporary file in the same folder, then os.replace."""
    write_atomic(Path(path), [render_page(graph, **options)])


def write_union_page(union: Path, path: Path, *, lang: str = "ru", reduce_above: int = REDUCE_ABOVE,
                     max_nodes: int = MAX_NODES, time_cap: float = TIME_CAP, timings: dict | None = None) -> None:
    """``write_page`` for the sorted union.nt a build writes, in bounded memory (``kg.viz.stream``): the graph
    is read in passes, the page written block by block. Below ``max_nodes`` nodes the same bytes."""
    path = Path(path)
    if lang not in lb.LANGS:
        raise ValueError(f"unsupported page language {lang!r}; expected one of {', '.join(lb.LANGS)}")
    timings = {} if timings is None else timings
    tick = time.perf_counter()
    onto = lb.ontology_labels()
    with tempfile.TemporaryDirectory(prefix=".page-", dir=path.parent) as folder:
        model, total, names = page_model(Path(union), onto, max_nodes, MAX_NAMES, Path(folder))
        timings["model"] = time.perf_counter() - tick
        try:
            meta, blocks = model_payload(model, onto, total, names, lang=lang, reduce_above=reduce_above,
                                         focus=None, time_cap=time_cap, timings=timings)
            del model
            tick = time.perf_counter()
            write_atomic(path, page_parts(lang, meta, blocks))
            timings["html"] = time.perf_counter() - tick
        finally:
            if names is not None:
                names.close()


def write_atomic(path: Path, parts: Iterable[str]) -> None:
    """Text written to a temporary file in the same folder, then os.replace."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            for part in parts:
                fh.write(part)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
