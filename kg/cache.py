"""The result store: one ArticleResult per article, in the output folder, keyed by the article's content
and the extractor's version, so a rebuild redoes only what changed.

- ``extractor_version()`` hashes everything that can change an ArticleResult: the code under ``kg/`` (minus
  the modules that only read results: graph, export, page, query, ...), the data files next to it (patterns,
  lexicons, the Kazakh model), the ontology's gazetteer and aliases, and the versions of the NLP packages
  (natasha's models ship inside its wheels).
- ``article_key(article, version)`` hashes the Article record (id, source path, text, date, url, title,
  language, skipped ranges) with that version.
- Entries are written whole (temp file + rename) and never change; ``prune`` drops the ones a build no
  longer uses.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from . import paths
from .records import Article, ArticleResult

# Modules that read ArticleResults but never shape them: editing them keeps the cache.
_READERS = {"build.py", "cache.py", "cli.py", "export.py", "graph.py", "link.py", "query.py", "results.py",
            "run.py", "savedqueries.py", "serve.py", "stores.py", "validate.py", "checks.py", "progress.py",
            "outdir.py", "incremental.py"}
_READER_DIRS = {"viz", "eval", "__pycache__"}
_PACKAGES = ("natasha", "slovnet", "navec", "razdel", "pymorphy2", "pymorphy2-dicts-ru", "spacy", "ipymarkup")
_ONTOLOGY_DATA = ("gazetteer", "aliases.csv")   # what extraction reads from ontology/ (kg.paths)


def _files() -> list[Path]:
    out = []
    for path in sorted(paths.PACKAGE.rglob("*")):
        rel = path.relative_to(paths.PACKAGE)
        if not path.is_file() or rel.parts[0] in _READER_DIRS or "__pycache__" in rel.parts:
            continue
        if len(rel.parts) == 1 and rel.name in _READERS or path.suffix == ".pyc":
            continue
        out.append(path)
    for name in _ONTOLOGY_DATA:
        target = paths.ONTOLOGY_DIR / name
        out.extend(sorted(p for p in target.rglob("*") if p.is_file()) if target.is_dir() else [target])
    return out


@lru_cache(maxsize=1)
def extractor_version() -> str:
    digest = hashlib.blake2b(digest_size=16)
    for path in _files():
        digest.update(str(path.relative_to(paths.ROOT)).encode() + b"\0")
        digest.update(path.read_bytes() if path.exists() else b"")
    for name in _PACKAGES:
        try:
            digest.update(f"{name}=={metadata.version(name)}\0".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{name}==none\0".encode())
    return digest.hexdigest()


def article_key(article: Article, version: str) -> str:
    data = json.dumps(article.to_json(), ensure_ascii=False, sort_keys=True)
    return hashlib.blake2b(f"{version}\0{data}".encode("utf-8"), digest_size=16).hexdigest()


class ResultCache:
    """``folder/<key[:2]>/<key>.json``: one ArticleResult per file."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)

    def path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def __contains__(self, key: str) -> bool:
        return self.path(key).is_file()

    def get(self, key: str) -> ArticleResult:
        return ArticleResult.loads(self.path(key).read_text(encoding="utf-8"))

    def put(self, key: str, result: ArticleResult) -> None:
        target = self.path(key)
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=target.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
                fh.write(result.dumps())
            os.chmod(tmp, 0o644)
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def prune(self, keep: set[str]) -> int:
        """Delete entries not in ``keep`` (and temp files a killed build left); returns how many went."""
        gone = 0
        if not self.folder.is_dir():
            return 0
        for sub in self.folder.iterdir():
            if not sub.is_dir():
                continue
            for entry in sub.iterdir():
                if entry.name.startswith(".tmp-") or entry.stem not in keep:
                    entry.unlink(missing_ok=True)
                    gone += 1
            if not any(sub.iterdir()):
                sub.rmdir()
        return gone
