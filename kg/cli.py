"""The ``kg`` command: a thin layer over library functions. Errors: one line on stderr, non-zero exit;
tracebacks only with --verbose."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .errors import KgError


EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_VIOLATIONS, EXIT_PARTIAL = 0, 1, 2, 3, 4


def cmd_build(args) -> int:
    """Exit 0: every input built (warnings allowed); 1: no article could be built (the previous build
    stays); 2: usage or another one-line error; 3: the graph violates the shapes (--allow-violations: 0);
    4: built, but some inputs failed (each named in the summary)."""
    import signal

    from .build import build, stderr_progress

    for item in args.inputs:
        if not Path(item).exists():
            raise KgError(f"{item}: no such file or folder")
    signal.signal(signal.SIGTERM, _terminated)       # a killed build cleans its staging folder up
    try:
        report = build(args.inputs, Path(args.out), lang=args.lang, validate=not args.no_validate,
                       progress=None if args.quiet else stderr_progress, workers=args.workers,
                       dask=args.dask, page=not args.no_page)
    except OSError as err:                            # a full disk, a folder that turned read-only...
        raise KgError(f"{args.out}: cannot write the build: {err.strerror or err}") from None
    print(report.summary())
    if report.articles == 0:
        print(f"error: no article could be read; {args.out} keeps its previous build", file=sys.stderr)
        return EXIT_FAILED
    if report.violations and not args.allow_violations:
        print(f"error: {len(report.violations)} shape violations (listed above; --allow-violations accepts "
              "them)", file=sys.stderr)
        return EXIT_VIOLATIONS
    if report.failed:
        print(f"warning: {len(report.failed)} input(s) failed, named above; the others were built",
              file=sys.stderr)
        return EXIT_PARTIAL
    return EXIT_OK


def _terminated(signum, frame):
    raise KeyboardInterrupt


def _workers(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number of processes, got {text!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, got {n}")
    return n


def add_build(sub) -> None:
    p = sub.add_parser("build", help="build the knowledge graph from articles")
    p.add_argument("inputs", nargs="+", help="folders (read recursively) or .txt / .jsonl files")
    p.add_argument("--out", default="output", help="output folder (default: output)")
    p.add_argument("--lang", default="ru", choices=("ru", "kk", "en"), help="label language of the page")
    p.add_argument("--no-validate", action="store_true", help="skip SHACL validation")
    p.add_argument("--allow-violations", action="store_true",
                   help="exit 0 even when the graph violates the shapes (they are still listed)")
    p.add_argument("--workers", type=_workers, default=None,
                   help="processes for the per-article stage (default: every core, at most one per 20 articles "
                        "to process)")
    p.add_argument("--dask", metavar="tcp://HOST:8786",
                   help="run the per-article stage on this dask.distributed scheduler's workers")
    p.add_argument("--no-page", action="store_true", help="do not write graph.html (large corpora)")
    p.add_argument("--quiet", action="store_true", help="no progress on stderr")
    p.set_defaults(func=cmd_build)


# Each command module contributes ``add_*(subparsers)``; listed here so the CLI stays explicit.
REGISTRARS = [add_build]


_COMMANDS = (("query", "kg.query", "add_query"), ("validate", "kg.validate", "add_validate"),
             ("serve", "kg.serve", "add_serve"), ("eval", "kg.eval", "add_eval"),
             ("page", "kg.viz.cli", "add_page"))


def _optional_registrars(command: str | None = None):
    """Only the named command's module is imported when one is named: `kg query` never imports spaCy."""
    out = []
    wanted = [c for c in _COMMANDS if command is None or c[0] == command]
    for _, module, name in wanted:
        try:
            mod = __import__(module, fromlist=[name])
        except ImportError:
            continue
        if hasattr(mod, name):
            out.append(getattr(mod, name))
    return out


def parser(command: str | None = None) -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="kg", description="Offline knowledge graphs from healthcare news.")
    p.add_argument("--verbose", action="store_true", help="show tracebacks")
    sub = p.add_subparsers(dest="command", required=True)
    registrars = REGISTRARS if command == "build" else REGISTRARS + _optional_registrars(command)
    for register in registrars:
        register(sub)
    return p


def _command(argv: list[str]) -> str | None:
    names = {"build"} | {c[0] for c in _COMMANDS}
    first = next((a for a in argv if not a.startswith("-")), None)
    return first if first in names else None


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = parser(_command(argv)).parse_args(argv)
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
