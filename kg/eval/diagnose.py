"""Error analysis notes added to the false positives / negatives of a span evaluation.

- a false negative gets ``graph_classes``: the classes of graph resources whose mentions overlap it (e.g.
  a gold Organization the graph has only as a ``Country``), and ``baseline``: whether the natasha row found
  a span overlapping it (found by NER, lost by extraction);
- a false positive gets ``gold_classes``: the gold classes of overlapping gold mentions (a confusion) or
  nothing (a span the annotators did not mark at all).
"""
from __future__ import annotations

from collections import Counter, defaultdict

from .graphview import GraphView
from .spans import Span, overlap


def _index(spans: dict[str, list[Span]]) -> dict[str, list[tuple[Span, str]]]:
    out: dict[str, list[tuple[Span, str]]] = defaultdict(list)
    for cls, items in spans.items():
        for span in items:
            out[span.doc].append((span, cls))
    return out


def graph_index(view: GraphView) -> dict[str, list[tuple[Span, str]]]:
    """Every graph mention by document, with the local name of each class of its resource."""
    by_class: dict[str, list[Span]] = defaultdict(list)
    for res, spans in view.mentions.items():
        for cls in view.types.get(res, ()):
            by_class[str(cls).rsplit("#", 1)[-1]].extend(spans)
    return _index(by_class)


def _hits(index, span: dict) -> list[str]:
    probe = Span(span["doc"], span["begin"], span["end"])
    return sorted({cls for other, cls in index.get(probe.doc, ()) if overlap(probe, other)})


def annotate(errors: dict, view: GraphView, gold: dict, baseline: dict | None = None) -> None:
    graph_idx, gold_idx = graph_index(view), _index(gold)
    base_idx = _index(baseline) if baseline else None
    for cls, lists in errors.items():
        if cls not in gold:
            continue
        for item in lists["false_negatives"]:
            item["graph_classes"] = _hits(graph_idx, item)
            if base_idx is not None:
                item["baseline"] = cls in _hits(base_idx, item)
        for item in lists["false_positives"]:
            item["gold_classes"] = _hits(gold_idx, item)


def summary(errors: dict, top: int = 12) -> dict:
    """Per class: counts of FN by overlapping graph class, FP by overlapping gold class, frequent texts."""
    out = {}
    for cls, lists in errors.items():
        fns, fps = lists["false_negatives"], lists["false_positives"]
        if not fns or "graph_classes" not in fns[0]:
            continue
        out[cls] = {
            "fn_graph_classes": Counter("+".join(i["graph_classes"]) or "none" for i in fns).most_common(),
            "fn_found_by_baseline": sum(bool(i.get("baseline")) for i in fns),
            "fp_gold_classes": Counter("+".join(i["gold_classes"]) or "none" for i in fps).most_common(),
            "fn_top": Counter(i["text"] for i in fns).most_common(top),
            "fp_top": Counter(i["text"] for i in fps).most_common(top),
        }
    return out
