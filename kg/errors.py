"""One catalogue of the project's errors. The library raises them; the CLI prints one line and exits non-zero."""
from __future__ import annotations


class KgError(Exception):
    """Base class: the message says what was found and what is accepted."""

    exit_code = 2


class InputError(KgError):
    """An input file or article cannot be read (missing, undecodable, malformed)."""

    def __init__(self, path: str, problem: str):
        from .encodings import printable   # one line in a summary, whatever a file name holds

        path, problem = printable(path), printable(problem)
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


class InputWarning(InputError):
    """Something in an input was dropped or repaired (an invalid date, control characters), but the
    article is still built; or files were skipped by kind. Reported, not counted as a failure."""


class QueryError(KgError):
    """A SPARQL query is malformed, unknown, or misses a parameter."""


class GraphError(KgError):
    """A graph file cannot be read or does not conform."""
