"""One run at a time per output folder: a second run waits for the first and says so in one line.

Two `make run`s at once on the same folders collide: on a new Dagster instance
both create its SQLite tables ("table run_tags already exists"), and both scan,
read and record the same seeds. An exclusive lock on ``<output>/.run.lock``
(``flock``, released by the kernel when a killed run's process dies, so a
killed run never leaves it held) makes the later one wait instead.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

RUN_LOCK = ".run.lock"


class RunLockUnavailable(Exception):
    """The output folder cannot hold the run lock (not a folder, read-only, …): the run cannot publish there either."""


def waiting_line(lock_file: Path | str) -> str:
    return f"waiting for the run already in progress (it holds {lock_file}); this run starts when it ends"


@contextmanager
def one_run_at_a_time(output_dir: Path, say: Callable[[str], None]) -> Iterator[None]:
    """Hold the output folder's run lock; if another run holds it, ``say`` so once and wait for it."""
    lock = FileLock(output_dir / RUN_LOCK)
    try:
        output_dir.mkdir(parents=True, exist_ok=True)
        try:
            held = lock.acquire(blocking=False)
        except Timeout:
            say(waiting_line(lock.lock_file))
            held = lock.acquire()
    except OSError as exc:
        raise RunLockUnavailable(f"cannot take the run lock {lock.lock_file}: {exc.strerror or exc}") from None
    with held:
        yield
