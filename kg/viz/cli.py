"""``kg page GRAPH --out PAGE.html``: the network page of any graph of the contract, whole or sliced."""
from __future__ import annotations

import re
from pathlib import Path

from ..errors import KgError
from ..outdir import resolve_build
from .focus import Focus
from .page import MAX_NODES, REDUCE_ABOVE, write_page, write_union_page

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def cmd_page(args) -> int:
    for value, name in ((args.start, "--from"), (args.end, "--to")):
        if value and not _DATE.match(value):
            raise KgError(f"{name} {value!r}: expected a date YYYY, YYYY-MM or YYYY-MM-DD")
    if args.max_nodes < 1:
        raise KgError(f"--max-nodes {args.max_nodes}: expected a positive number")
    focus = Focus(resource=args.focus, region=args.region, article=args.article, start=args.start, end=args.end,
                  hops=args.hops)
    sliced = any((args.focus, args.region, args.article, args.start, args.end))
    out = Path(args.out)
    if not out.parent.is_dir():
        raise KgError(f"{out.parent}: no such folder for --out")
    union = resolve_build(Path(args.graph)) / "state" / "union.nt"
    if union.is_file() and not sliced:      # a build folder: its sorted union read in passes, bounded memory
        write_union_page(union, out, lang=args.lang, max_nodes=args.max_nodes, reduce_above=args.group_above)
    else:
        write_page(args.graph, out, lang=args.lang, max_nodes=args.max_nodes, focus=focus if sliced else None,
                   reduce_above=args.group_above)
    print(f"wrote {out} ({out.stat().st_size / 1e6:.1f} MB)")
    return 0


def add_page(sub) -> None:
    p = sub.add_parser("page", help="write the network page of a graph (whole, or a slice of it)")
    p.add_argument("graph", help="a graph file (.ttl .nt .nq .trig .rdf .jsonld; a SPARQL CONSTRUCT result), "
                                 "a build folder or an Oxigraph store")
    p.add_argument("--out", required=True, help="the page to write (.html)")
    p.add_argument("--focus", help="centre on a resource: its IRI or one of its names")
    p.add_argument("--region", help="centre on a region or country: its ISO code (RU-LIP, KZ-79)")
    p.add_argument("--article", help="centre on an article: its IRI, source file or title")
    p.add_argument("--from", dest="start", help="keep events, articles and tenures from this date (YYYY[-MM[-DD]])")
    p.add_argument("--to", dest="end", help="... up to this date")
    p.add_argument("--hops", type=int, default=2, help="steps from the focus (default 2)")
    p.add_argument("--max-nodes", type=int, default=MAX_NODES,
                   help=f"nodes on the page at most (default {MAX_NODES}); the rest stay searchable by name")
    p.add_argument("--group-above", type=int, default=REDUCE_ABOVE,
                   help=f"open on groups above this many nodes (default {REDUCE_ABOVE})")
    p.add_argument("--lang", default="ru", choices=("ru", "kk", "en"), help="label language of the page")
    p.set_defaults(func=cmd_page)
