"""Making downloads while the preview goes on showing pages.

Generating one method's documents takes seconds; the preview (`make serve`)
must show an edit within two. So in the preview a method whose files are not
cached keeps its last cached files for the moment, and this module makes the
new ones in a separate process (the preview's own process stays free to build
pages). When a method's files are in the cache, the preview is told to build
again, and its pages then link to the new files.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Job:
    entry: str  # the cache entry the files go into
    key: str  # the content hash they are made for
    make: Callable[..., list[tuple[str, bytes]] | str]  # a picklable module-level function; str = failure
    arguments: tuple
    store: Callable[[list[tuple[str, bytes]]], None]  # writes the files into the cache


class BackgroundDownloads:
    """One worker: the newest request per cache entry wins, older ones are dropped unmade."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._waiting: dict[str, Job] = {}
        self._running: Job | None = None
        self._failures: dict[str, str] = {}  # key → Swedish message
        self._when_ready: Callable[[], None] = lambda: None
        self._thread: threading.Thread | None = None

    def request(self, job: Job, when_ready: Callable[[], None]) -> str:
        """Ask for job's files; returns "" while they are being made, or why making them failed.
        Nothing starts before `start`."""
        with self._lock:
            self._when_ready = when_ready
            if job.key in self._failures:
                return self._failures[job.key]
            if not (self._running and self._running.key == job.key):
                self._waiting[job.entry] = job
        return ""

    def start(self) -> None:
        """Make what was requested. The preview calls this once a build is done, so that making
        documents does not slow down the build that shows the editor's change."""
        with self._lock:
            if self._waiting and self._thread is None:
                self._thread = threading.Thread(target=self._work, name="verktygsladan-nedladdningar", daemon=True)
                self._thread.start()

    def _work(self) -> None:
        if sys.platform.startswith("linux"):
            # Linux keeps a priority per thread, and processes started from this thread inherit it:
            # lowered here, the worker is low from its first import on, and the preview's own
            # page builds do not wait for it on a two-core machine.
            os.nice(10)
        while True:
            with self._lock:
                if not self._waiting:
                    # Under the lock: a request from now on starts a new thread.
                    self._running = self._thread = None
                    return
                entry = next(iter(self._waiting))
                self._running = job = self._waiting.pop(entry)
            result = _in_own_process(job)
            with self._lock:
                if isinstance(result, str):
                    self._failures[job.key] = result
                else:
                    job.store(result)
                when_ready = self._when_ready
            when_ready()


def _in_own_process(job: Job) -> list[tuple[str, bytes]] | str:
    # spawn, not fork: the preview's process runs a web server in other threads. A daemon process
    # is stopped when the preview exits normally (Ctrl-C); `_watch_parent` covers the other ways.
    context = multiprocessing.get_context("spawn")
    receiving, sending = context.Pipe(duplex=False)
    worker = context.Process(target=_make, args=(job.make, job.arguments, sending, os.getpid()), daemon=True,
                             name="verktygsladan-nedladdningar")
    try:
        worker.start()
    except Exception as error:  # noqa: BLE001 - the preview goes on without new downloads
        return f"Nedladdningarna kunde inte skapas: en ny process gick inte att starta ({type(error).__name__}: {error})."
    sending.close()
    try:
        return receiving.recv()
    except EOFError:
        return f"Nedladdningarna kunde inte skapas: processen som gjorde dem avslutades (kod {worker.exitcode})."
    finally:
        worker.join()


def _make(make, arguments: tuple, sending, parent: int) -> None:
    if not sys.platform.startswith("linux"):
        os.nice(10)  # elsewhere a priority is the whole process's; see BackgroundDownloads._work
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    sending.send(make(*arguments))


def _watch_parent(parent: int) -> None:
    # A preview stopped by a signal runs no exit handlers; its worker must not go on alone.
    while os.getppid() == parent:
        time.sleep(1)
    os._exit(1)


# One per process: the preview rebuilds the handbook many times, the worker outlives each build.
background_downloads = BackgroundDownloads()
