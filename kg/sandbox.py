"""Work that must stop when its time is up: it runs in a child process, and a child that overruns is killed
by its pid (neither rdflib nor pyoxigraph can cancel a running query in a thread).

``call_with_timeout`` forks one child for one call (``kg query --timeout``). ``WorkerPool`` keeps a fixed
number of worker processes for ``kg serve``: they are forked, through a single-threaded "zygote" forked at
start-up, from the process that holds the loaded store, so each worker shares its memory copy-on-write and a
replacement for a killed worker costs one fork. Workers and zygote die with the server (PR_SET_PDEATHSIG).
"""
from __future__ import annotations

import ctypes
import multiprocessing
import os
import queue
import signal
import socket
import struct
import threading
from multiprocessing.connection import Connection
from typing import Any, Callable

from .errors import KgError


class TimedOut(KgError):
    """The time limit passed; the process running the work was killed."""


class Busy(KgError):
    """Every worker is running a query."""


class WorkerFailed(KgError):
    """A worker ended without an answer (killed from outside, out of memory)."""


def call_with_timeout(fn: Callable, args: tuple, timeout: float | None) -> Any:
    """``fn(*args)`` in a forked child; killed after ``timeout`` seconds (None: no limit, run here)."""
    if not timeout or timeout <= 0:
        return fn(*args)
    ctx = multiprocessing.get_context("fork")
    reader, writer = ctx.Pipe(duplex=False)
    child = ctx.Process(target=_child, args=(writer, fn, args), daemon=True)
    child.start()
    writer.close()
    try:
        if not reader.poll(timeout):
            raise TimedOut(f"stopped after {timeout:g} s (--timeout)")
        try:
            status, value = reader.recv()
        except EOFError:
            child.join()
            raise WorkerFailed(f"the query process ended without an answer (exit {child.exitcode})") from None
    finally:
        if child.is_alive():
            os.kill(child.pid, signal.SIGKILL)
        child.join()
        reader.close()
    if status == "ok":
        return value
    raise value


def _child(writer: Connection, fn: Callable, args: tuple) -> None:
    try:
        _send(writer, _call(fn, args))
    finally:
        writer.close()


def _call(fn: Callable, args: tuple) -> tuple:
    try:
        return "ok", fn(*args)
    except Exception as err:  # noqa: BLE001 - handed to the caller, which reports it in one line
        return "error", err


def _send(conn: Connection, reply: tuple) -> None:
    try:
        conn.send(reply)
    except Exception as err:  # an answer or an error that does not pickle
        first = (str(reply[1]).splitlines() or [""])[0] if reply[0] == "error" else f"cannot return the answer: {err}"
        conn.send(("error", KgError(f"{type(reply[1]).__name__}: {first}" if reply[0] == "error" else first)))


def _die_with_parent() -> None:
    """Linux: the kernel kills this process when its parent ends (no orphan keeps running a query)."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)                     # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


class WorkerPool:
    """``size`` processes that each run ``job(*request)``; ``run`` answers within ``timeout`` or kills."""

    def __init__(self, job: Callable, size: int):
        self.job, self.size = job, size
        here, there = socket.socketpair()
        pid = os.fork()
        if pid == 0:                                       # the zygote: only ever forks workers
            here.close()
            _zygote(there, job)
        there.close()
        self.zygote_pid, self._zygote = pid, here
        self._zlock = threading.Lock()
        self._idle: queue.SimpleQueue = queue.SimpleQueue()
        self._all: dict[int, Connection] = {}
        self.killed = 0
        for _ in range(size):
            self._idle.put(self._spawn())

    def _spawn(self) -> tuple[int, Connection]:
        with self._zlock:
            self._zygote.sendall(b"s")
            data, fds, _, _ = socket.recv_fds(self._zygote, 16, 1)
        if len(data) != 4 or not fds:
            raise WorkerFailed("the query worker pool is gone")
        pid = struct.unpack("i", data)[0]
        conn = Connection(fds[0])
        self._all[pid] = conn
        return pid, conn

    def pids(self) -> list[int]:
        return sorted(self._all)

    def run(self, request: tuple, timeout: float) -> Any:
        try:
            pid, conn = self._idle.get_nowait()
        except queue.Empty:
            raise Busy("all query workers are busy; try again later") from None
        healthy = False
        try:
            conn.send(request)
            if not conn.poll(timeout):
                raise TimedOut(f"query stopped after {timeout:g} s")
            status, value = conn.recv()
            healthy = True
        except (EOFError, OSError):
            raise WorkerFailed("the query worker ended without an answer") from None
        finally:
            if healthy:
                self._idle.put((pid, conn))
            else:
                self._retire(pid, conn)
                try:
                    self._idle.put(self._spawn())
                except (OSError, WorkerFailed):
                    pass
        if status == "ok":
            return value
        raise value

    def _retire(self, pid: int, conn: Connection) -> None:
        self._all.pop(pid, None)
        conn.close()
        try:
            os.kill(pid, signal.SIGKILL)                   # our worker, by its pid; the zygote reaps it
            self.killed += 1
        except ProcessLookupError:
            pass

    def close(self) -> None:
        for pid, conn in list(self._all.items()):
            self._retire(pid, conn)
        self._zygote.close()                               # the zygote reads EOF and exits
        try:
            os.kill(self.zygote_pid, signal.SIGKILL)
            os.waitpid(self.zygote_pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass


def _zygote(sock: socket.socket, job: Callable) -> None:
    try:
        _die_with_parent()
        signal.signal(signal.SIGCHLD, signal.SIG_IGN)      # workers are reaped by the kernel
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        while sock.recv(1):
            mine, theirs = socket.socketpair()
            pid = os.fork()
            if pid == 0:
                sock.close()
                mine.close()
                _worker(theirs, job)
            theirs.close()
            socket.send_fds(sock, [struct.pack("i", pid)], [mine.fileno()])
            mine.close()
    finally:
        os._exit(0)


def _worker(sock: socket.socket, job: Callable) -> None:
    try:
        _die_with_parent()
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        conn = Connection(sock.detach())
        while True:
            try:
                request = conn.recv()
            except (EOFError, OSError):
                break
            _send(conn, _call(job, request))
    finally:
        os._exit(0)
