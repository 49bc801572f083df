"""The output folder: builds are staged out of sight, then switched in as one set.

::

    OUT/graph.ttl  -> .kg/current/graph.ttl       (graph.nq, graph.html, store, manifest.json alike)
    OUT/.kg/current -> builds/<stamp>             (one symlink, replaced atomically by the switch)
    OUT/.kg/builds/<stamp>/                       (a finished build, never modified; its state/ holds what
                                                   the next build updates from, see kg.incremental)
    OUT/.kg/builds/tmp-<pid>/                     (the build being written; removed on failure)
    OUT/.kg/cache/                                (ArticleResults, see kg.cache)
    OUT/.kg/lock                                  (one build at a time per folder)

A reader that resolves ``OUT/.kg/current`` once (``kg query OUT``, ``kg serve OUT``) sees one build whole;
a failed, interrupted or empty build leaves the previous one in place. Files are 0644, folders 0755.
"""
from __future__ import annotations

import fcntl
import os
import shutil
import time
from pathlib import Path

from .errors import KgError

OUTPUTS = ("graph.ttl", "graph.nq", "graph.html", "store", "manifest.json")


class OutputError(KgError):
    """The output folder cannot be used."""


class OutDir:
    def __init__(self, out: Path):
        self.out = Path(out)
        self.meta = self.out / ".kg"
        self.builds = self.meta / "builds"
        self.cache = self.meta / "cache"
        self._lock = None

    def open(self) -> "OutDir":
        out = self.out
        if out.exists() and not out.is_dir():
            raise OutputError(f"{out}: --out names a file; give a folder (it is created if missing)")
        try:
            self.builds.mkdir(parents=True, exist_ok=True)
            self.cache.mkdir(parents=True, exist_ok=True)
            for d in (self.meta, self.builds, self.cache):
                os.chmod(d, 0o755)
            self._lock = open(self.meta / "lock", "w")
        except OSError as err:
            raise OutputError(f"{out}: cannot write the output folder: {err.strerror or err}") from None
        try:
            fcntl.flock(self._lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            raise OutputError(f"{out}: another build is writing this folder") from None
        self.clean_stale()
        return self

    def close(self) -> None:
        if self._lock is not None:
            self._lock.close()
            self._lock = None

    def clean_stale(self) -> None:
        """Staging folders of builds that were killed (only one build holds the lock, so any is stale)."""
        for d in self.builds.glob("tmp-*"):
            shutil.rmtree(d, ignore_errors=True)
        for f in self.meta.glob(".current-*"):
            f.unlink(missing_ok=True)

    def staging(self) -> Path:
        d = self.builds / f"tmp-{os.getpid()}"
        shutil.rmtree(d, ignore_errors=True)
        d.mkdir(mode=0o755)
        os.chmod(d, 0o755)
        return d

    def current(self) -> Path | None:
        link = self.meta / "current"
        return link.resolve() if link.is_symlink() else None

    def switch(self, staged: Path) -> Path:
        """Make ``staged`` the current build in one rename, then drop older builds."""
        final = self.builds / f"b-{time.strftime('%Y%m%dT%H%M%S')}-{time.time_ns() % 10**9:09d}"
        old = self.current()
        os.rename(staged, final)
        tmp_link = self.meta / f".current-{os.getpid()}"
        tmp_link.unlink(missing_ok=True)
        os.symlink(os.path.join("builds", final.name), tmp_link)
        os.replace(tmp_link, self.meta / "current")
        for name in OUTPUTS:
            self._link_output(name)
        for d in self.builds.iterdir():
            if d.name.startswith("b-") and d != final and d != old:
                shutil.rmtree(d, ignore_errors=True)
        if old is not None and old != final:       # readers that resolved it keep their open files
            shutil.rmtree(old, ignore_errors=True)
        return final

    def _link_output(self, name: str) -> None:
        visible = self.out / name
        target = os.path.join(".kg", "current", name)
        if visible.is_symlink() and os.readlink(visible) == target:
            return
        tmp = self.out / f".{name}.link-{os.getpid()}"
        tmp.unlink(missing_ok=True)
        os.symlink(target, tmp)
        if visible.is_dir() and not visible.is_symlink():
            shutil.rmtree(visible)                 # an old-style build's folder in the way
        os.replace(tmp, visible)


def resolve_build(path: Path) -> Path:
    """An output folder -> the folder of its current build (so one reader sees one build)."""
    path = Path(path)
    current = path / ".kg" / "current"
    return current.resolve() if current.exists() else path
