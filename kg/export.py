"""Writing outputs atomically: a temp file in the target folder, then os.replace. A failed build never
leaves a half-written graph behind, and what an earlier build wrote stays until the new file is whole."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from rdflib import Dataset, Graph


def write_atomic(path: Path, data: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = "wb" if isinstance(data, bytes) else "w"
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, mode, **({} if mode == "wb" else {"encoding": "utf-8", "newline": "\n"})) as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def turtle(graph: Graph) -> str:
    """Deterministic Turtle: rdflib sorts subjects and predicates; no blank nodes are ever minted."""
    return graph.serialize(format="turtle")


def nquads(ds: Dataset) -> str:
    """N-Quads, one named graph per article, lines sorted so the same input gives the same bytes."""
    lines = {line for line in ds.serialize(format="nquads").splitlines() if line.strip()}
    return "\n".join(sorted(lines)) + "\n"
