"""Worker processes for a refresh's CPU work (building feed rows, extracting articles).

Two things make them safe to start from the app as well as from the command line:

- A running Textual app replaces `sys.stderr` with an object whose descriptor is not a real one, and
  multiprocessing hands that descriptor to the resource tracker it starts alongside the first pool
  ("bad value(s) in fds_to_keep"). The tracker is started here, on /dev/null, when that is the case.
- Workers share the terminal with the app: whatever they print would land in the middle of the screen.
  Their standard output and error go to /dev/null; every result and error comes back as a value.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import resource_tracker, spawn
from multiprocessing.context import BaseContext

from tuinews.fetch.worker_start import MAIN_SCRIPT_ENV


def cores() -> int:
    """CPUs this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def _has_real_stderr() -> bool:
    try:
        return sys.stderr is not None and sys.stderr.fileno() >= 0
    except (AttributeError, OSError, ValueError):
        return False


def _start_resource_tracker() -> None:
    """Start multiprocessing's resource tracker with a stderr it can pass on (see the module's note)."""
    if _has_real_stderr():
        resource_tracker.ensure_running()
        return
    saved = sys.stderr
    with open(os.devnull, "w") as devnull:
        sys.stderr = devnull
        try:
            resource_tracker.ensure_running()
        finally:
            sys.stderr = saved


def _silence_output() -> None:
    """Run in each worker as it starts: nothing it prints reaches the terminal."""
    with contextlib.suppress(OSError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        os.close(devnull)


def process_pool(workers: int) -> ProcessPoolExecutor:
    """Worker processes started fresh (forkserver, else spawn): forking a process that runs threads
    (the app, the refresh writer) can copy a lock some other thread holds."""
    _start_resource_tracker()
    context: BaseContext
    if "forkserver" in multiprocessing.get_all_start_methods():
        forkserver = multiprocessing.get_context("forkserver")
        # The server outlives the pool (one per process), so in the app every later refresh forks workers
        # that already hold the feed parser (~20 ms instead of ~110 ms to a ready worker).
        script = spawn.get_preparation_data("tuinews").get("init_main_from_path")
        if script:  # read by the server as it starts: see `worker_start`
            os.environ[MAIN_SCRIPT_ENV] = script
        forkserver.set_forkserver_preload(["tuinews.fetch.worker_start", "tuinews.fetch.parse_worker"])
        context = forkserver
    else:
        context = multiprocessing.get_context("spawn")
    return ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_silence_output)
