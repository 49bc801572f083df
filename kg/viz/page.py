"""Render the network page: one self-contained HTML file, data embedded as escaped JSON."""
from __future__ import annotations

import base64
import hashlib
import html
import json
import os
import tempfile
from pathlib import Path
from string import Template

from rdflib import Graph

from . import assets
from . import labels as lb
from .i18n import ui_strings
from .layout import DIRECT_UP_TO, communities, importance, positions
from .model import Node, PageModel, build_model
from .sources import add_mentions, add_tenures
from .style import (ARTICLE_EDGE_COLOR, CLUSTER_COLOR, DIM_COLOR, EDGE_COLOR, EXTERNAL_PROPERTY_LABELS,
                    NODE_CLASSES, STYLES)

REDUCE_ABOVE = 1500  # more nodes than this: the page opens on the reduced view
MAX_SOURCES = 30  # source sentences kept per node
_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
COLORS = {"cluster": CLUSTER_COLOR, "dim": DIM_COLOR, "edge": EDGE_COLOR, "articleEdge": ARTICLE_EDGE_COLOR}
_CSP = ("default-src 'none'; script-src '{script}'; style-src 'unsafe-inline'; img-src data:; "
        "connect-src 'none'; font-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'")


def script_json(data: object) -> str:
    """JSON that is inert inside <script type="application/json">: no '<', '>', '&', U+2028 or U+2029."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return "".join(_JSON_ESCAPES.get(ch, ch) for ch in text) if any(c in text for c in _JSON_ESCAPES) else text


def node_record(node: Node, value: float, community: int, xy: tuple[int, int]) -> dict:
    sources = sorted(node.sources.values())
    return {"i": str(node.iri), "c": NODE_CLASSES.index(node.cls), "l": node.labels, "a": node.alt,
            "v": value, "k": community, "x": xy[0], "y": xy[1], "p": node.props,
            "s": [list(s) for s in sources[:MAX_SOURCES]], "n": len(sources), "r": sorted(node.articles)}


def build(graph: Graph) -> PageModel:
    model = build_model(graph, lb.ontology_labels())
    add_mentions(graph, model)
    add_tenures(graph, model)
    return model


def property_labels(model: PageModel, onto: dict[str, lb.Labels]) -> dict[str, lb.Labels]:
    used = {e.prop for e in model.edges.values()} | {p for n in model.nodes for p, _ in n.props}
    used |= {p for e in model.edges.values() for p, _ in e.details}
    return {p: onto.get(p) or EXTERNAL_PROPERTY_LABELS.get(p) or {"": p} for p in sorted(used)}


def payload(graph: Graph, *, lang: str, reduce_above: int) -> dict:
    onto = lb.ontology_labels()
    model = build(graph)
    n = len(model.nodes)
    layered = n > DIRECT_UP_TO
    comms = communities(model) if layered or n > reduce_above else [0] * n
    xy, values = positions(model, comms), importance(model)
    props = property_labels(model, onto)
    prop_index = {p: k for k, p in enumerate(props)}
    return {"lang": lang, "langs": list(lb.LANGS), "ui": ui_strings(), "classes": class_table(onto),
            "props": props, "propKeys": list(props), "reduced": n > reduce_above, "layered": layered,
            "colors": COLORS,
            "nodes": [node_record(node, values[i], comms[i], xy[i]) for i, node in enumerate(model.nodes)],
            "edges": [[e.source, e.target, prop_index[e.prop], e.details] for e in model.edges.values()]}


def class_table(onto: dict[str, lb.Labels]) -> list[dict]:
    return [{"key": s.key, "color": s.color, "shape": s.shape, "core": s.core,
             "labels": onto.get(f"hc:{s.key}", {"": s.key})} for s in STYLES]


def render_page(graph: Graph, *, lang: str = "ru", reduce_above: int = REDUCE_ABOVE) -> str:
    """The whole page as one string: no external URL, nothing fetched when opened."""
    if lang not in lb.LANGS:
        raise ValueError(f"unsupported page language {lang!r}; expected one of {', '.join(lb.LANGS)}")
    script = assets.page_script()
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    return Template(assets.static_text("page.html")).substitute(
        lang=lang, title=html.escape(ui_strings()[lang]["title"]), csp=_CSP.format(script=f"sha256-{digest}"),
        css=assets.static_text("page.css"), script=script,
        data=script_json(payload(graph, lang=lang, reduce_above=reduce_above)))


def write_page(graph: Graph, path: Path, *, lang: str = "ru", reduce_above: int = REDUCE_ABOVE) -> None:
    """Write the page atomically: a temporary file in the same folder, then os.replace."""
    path = Path(path)
    text = render_page(graph, lang=lang, reduce_above=reduce_above)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
