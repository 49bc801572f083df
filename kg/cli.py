"""The ``kg`` command: a thin layer over library functions. Errors: one line on stderr, non-zero exit;
tracebacks only with --verbose."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .errors import KgError


def cmd_build(args) -> int:
    from .build import build, stderr_progress

    for item in args.inputs:
        if not Path(item).exists():
            raise KgError(f"{item}: no such file or folder")
    report = build(args.inputs, Path(args.out), lang=args.lang, validate=not args.no_validate,
                   progress=None if args.quiet else stderr_progress)
    print(report.summary())
    if report.articles == 0:
        print("error: no article could be read", file=sys.stderr)
        return 1
    return 0


def add_build(sub) -> None:
    p = sub.add_parser("build", help="build the knowledge graph from articles")
    p.add_argument("inputs", nargs="+", help="folders (read recursively) or .txt / .jsonl files")
    p.add_argument("--out", default="output", help="output folder (default: output)")
    p.add_argument("--lang", default="ru", choices=("ru", "kk", "en"), help="label language of the page")
    p.add_argument("--no-validate", action="store_true", help="skip SHACL validation")
    p.add_argument("--quiet", action="store_true", help="no progress on stderr")
    p.set_defaults(func=cmd_build)


# Each command module contributes ``add_*(subparsers)``; listed here so the CLI stays explicit.
REGISTRARS = [add_build]


def _optional_registrars():
    out = []
    for module, name in (("kg.query", "add_query"), ("kg.validate", "add_validate"),
                         ("kg.serve", "add_serve"), ("kg.eval", "add_eval"),
                         ("kg.viz.cli", "add_page")):
        try:
            mod = __import__(module, fromlist=[name])
        except ImportError:
            continue
        if hasattr(mod, name):
            out.append(getattr(mod, name))
    return out


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="kg", description="Offline knowledge graphs from healthcare news.")
    p.add_argument("--verbose", action="store_true", help="show tracebacks")
    sub = p.add_subparsers(dest="command", required=True)
    for register in REGISTRARS + _optional_registrars():
        register(sub)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.func(args)
    except KgError as err:
        if args.verbose:
            raise
        print(f"error: {err}", file=sys.stderr)
        return getattr(err, "exit_code", 2)
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:                      # 'kg … | head': the reader left, nothing more to say
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    sys.exit(main())
