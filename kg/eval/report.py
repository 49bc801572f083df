"""Plain-text tables of evaluation results and the JSON file."""
from __future__ import annotations

import json
from pathlib import Path


def _prf(row: dict | None) -> str:
    if row is None:
        return f"{'':>20}"
    return f"{row['precision']:6.3f}{row['recall']:7.3f}{row['f1']:7.3f}"


def span_table(result: dict) -> str:
    """system / class with exact and overlap P R F1, gold and predicted counts, the target F1."""
    head = (f"{'system':<24}{'class':<23}{'exact P':>7}{'R':>7}{'F1':>7} {'overlap P':>9}{'R':>7}{'F1':>7}"
            f"{'gold':>7}{'pred':>7}{'target':>8}")
    lines = [head, "-" * len(head)]
    keyed = {(r["system"], r["class"], r["match"]): r for r in result["rows"]}
    seen = []
    for r in result["rows"]:
        if (r["system"], r["class"]) not in seen:
            seen.append((r["system"], r["class"]))
    for system, cls in seen:
        exact, over = keyed.get((system, cls, "exact")), keyed.get((system, cls, "overlap"))
        fact = keyed.get((system, cls, "fact"))
        main = over or fact
        gold, pred = main["tp"] + main["fn"], main["tp"] + main["fp"]
        target = f"{main['target_f1']:.2f}" if main.get("target_f1") is not None else ""
        mark = "" if not target else (" ok" if main["f1"] >= main["target_f1"] else " <")
        lines.append(f"{system:<24}{cls:<23}{_prf(exact)}  {_prf(main)}{gold:7d}{pred:7d}{target:>8}{mark}")
    return "\n".join(lines)


def header(result: dict) -> str:
    count = result.get("documents", result.get("articles"))
    parts = [result["corpus"] + (f": {count} documents" if count is not None else "")]
    if "build_seconds" in result:
        parts.append(f"built {result['built']} in {result['build_seconds']} s, {result.get('triples')} triples")
    if result.get("failed"):
        parts.append(f"{len(result['failed'])} failed: " + "; ".join(result["failed"][:3]))
    parts.append(f"total {result.get('seconds')} s")
    return " | ".join(parts)


def seeds_table(result: dict) -> str:
    lines = [f"{'category':<15}{'level':<8}{'gold':>5}{'identified':>12}{'full':>6}{'recall':>8}"]
    for category, levels in result["recall"].items():
        for level in ("must", "should"):
            row = levels.get(level)
            if row:
                recall = row["full"] / row["n"] if row["n"] else 0.0
                lines.append(f"{category:<15}{level:<8}{row['n']:>5}{row['identified']:>12}{row['full']:>6}"
                             f"{recall:>8.2f}")
    lines.append("")
    lines.append(f"{'precision of':<15}{'graph':>8}{'correct':>9}{'P':>7}")
    for name, row in result["precision"].items():
        lines.append(f"{name:<15}{row['n']:>8}{row['correct']:>9}{row['precision']:>7.2f}")
    lines.append("")
    lines.append(f"noise labels: {len(result['noise'])}" + "".join(
        f"\n  {n['noise']!r} on {n['iri']}" for n in result["noise"]))
    misses = [i for i in result["items"] if not i["ok"]]
    lines.append(f"not fully matched: {len(misses)}")
    for it in misses:
        failed = [k for k, v in it["checks"].items() if not v] if it["found"] else ["not found"]
        lines.append(f"  {it['category']:<14}{it['level']:<7}{it['name']}: {', '.join(failed)}")
    return "\n".join(lines)


def render(result: dict) -> str:
    if result["corpus"] == "news":
        from .news import news_table
        body = news_table(result)
    else:
        body = seeds_table(result) if result["corpus"] == "seeds" else span_table(result)
    note = ("\nrows 'graph' score the built graph's mentions; the natasha row tags the same texts directly and"
            " does not go through the graph." if any("natasha" in r["system"] for r in result.get("rows", [])) else "")
    return f"{header(result)}\n{body}{note}"


def write_json(result: dict, path: Path) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(result, ensure_ascii=False, indent=1, sort_keys=False) + "\n", encoding="utf-8")
