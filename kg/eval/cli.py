"""``kg eval factru|kaznerd|seeds|news``: build a gold corpus with the real build, score the graph, print a
table, optionally write JSON (with per-class false positives / negatives for error analysis)."""
from __future__ import annotations

import sys
from pathlib import Path

from ..errors import KgError


def _common(p) -> None:
    p.add_argument("--json", type=Path, help="write the full result (rows, errors) as JSON here")
    p.add_argument("--graph", type=Path, help="score this graph.ttl / graph.nq instead of building")
    p.add_argument("--out", type=Path, help="also write the built graph.ttl / graph.nq into this folder")
    p.add_argument("--quiet", action="store_true", help="no build progress on stderr")


def _finish(result: dict, args) -> int:
    from .report import render, write_json

    print(render(result))
    if args.json:
        write_json(result, args.json)
        print(f"wrote {args.json}")
    if result.get("built") == 0:
        print("error: no article of the corpus could be built", file=sys.stderr)
        return 1
    return 0


def cmd_factru(args) -> int:
    from .runner import eval_factru

    if not Path(args.folder).is_dir():
        raise KgError(f"{args.folder}: not a folder of factRuEval documents")
    return _finish(eval_factru(args.folder, args.graph, args.out, not args.no_baseline, args.quiet), args)


def cmd_conll(args) -> int:
    from .runner import eval_conll

    if not Path(args.file).is_file():
        raise KgError(f"{args.file}: no such file")
    return _finish(eval_conll(args.file, args.split, args.per_article, args.language, args.limit,
                              args.graph, args.out, args.quiet), args)


def cmd_seeds(args) -> int:
    from .runner import eval_seeds

    return _finish(eval_seeds(args.folder, args.gold, args.graph, args.out, args.quiet), args)


def cmd_news(args) -> int:
    from .runner import eval_news

    folder = Path(args.folder)
    if not (folder / "gold.json").is_file() or not (folder / "articles").is_dir():
        raise KgError(f"{folder}: not a devnews-style folder (articles/*.txt and gold.json)")
    return _finish(eval_news(folder, args.graph, args.out, args.quiet, args.group), args)


def add_eval(sub) -> None:
    from ..paths import DATA_DIR, SEEDS_DIR
    from .news import GROUPS
    from .runner import DEVNEWS_DIR, SEEDS_GOLD

    p = sub.add_parser("eval", help="measure the build against gold corpora")
    kinds = p.add_subparsers(dest="corpus", required=True)
    f = kinds.add_parser("factru", help="factRuEval-2016 split: mentions per class and Occupation facts")
    f.add_argument("folder", nargs="?", type=Path, default=DATA_DIR / "factrueval-2016" / "devset")
    f.add_argument("--no-baseline", action="store_true", help="skip the bare natasha NER row")
    _common(f)
    f.set_defaults(func=cmd_factru)
    k = kinds.add_parser("kaznerd", help="CoNLL / IOB2 file (KazNERD): mentions per class")
    k.add_argument("file", nargs="?", type=Path, default=DATA_DIR / "kaznerd" / "IOB2_valid.txt")
    k.add_argument("--split", choices=("heldout", "all"), default="heldout",
                   help="heldout: only the sentences the Kazakh model never trained on (default)")
    k.add_argument("--per-article", type=int, default=50, help="sentences per article (default 50)")
    k.add_argument("--language", default="kk", choices=("ru", "kk", "en"))
    k.add_argument("--limit", type=int, help="score only the first N selected sentences")
    _common(k)
    k.set_defaults(func=cmd_conll)
    s = kinds.add_parser("seeds", help="the seed articles against tests/gold_seeds.json")
    s.add_argument("folder", nargs="?", type=Path, default=SEEDS_DIR)
    s.add_argument("--gold", type=Path, default=SEEDS_GOLD)
    _common(s)
    s.set_defaults(func=cmd_seeds)
    n = kinds.add_parser("news", help="a devnews-style folder (articles/*.txt + gold.json) by its README's rules")
    n.add_argument("folder", nargs="?", type=Path, default=DEVNEWS_DIR)
    n.add_argument("--group", action="append", choices=GROUPS,
                   help="score only the articles of this group (language-country); repeatable")
    _common(n)
    n.set_defaults(func=cmd_news)
