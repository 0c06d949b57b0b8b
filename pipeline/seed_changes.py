"""What changed in the seeds folder since the last look, cheaply enough to ask every few seconds.

The previous look is a small state per file: (size, mtime_ns, sha256). A file
whose stat is unchanged is taken as unchanged without reading it; only files
whose stat moved are hashed, and a touched file with the same bytes is not a
change. The state is kept in a content-addressed file that a Dagster
sensor's cursor names.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

from pipeline.atomic import write_atomically
from pipeline.config import DEFAULT_MAX_DOCUMENT_BYTES
from pipeline.seedfile import SeedRefused, read_seed
from pipeline.seeds import SeedStat

STATE_FORMAT = 1


@dataclass(frozen=True, slots=True)
class SeedState:
    size: int
    mtime_ns: int
    sha256: str | None
    """None when the file could not be read (a document read then records why)."""


@dataclass(frozen=True, slots=True)
class SeedChanges:
    added: list[str]
    changed: list[str]
    removed: list[str]
    state: dict[str, SeedState]

    @property
    def any(self) -> bool:
        return bool(self.added or self.changed or self.removed)


def diff_seeds(previous: dict[str, SeedState], listing: Iterable[SeedStat],
               hasher: Callable[[str], str | None]) -> SeedChanges:
    """Compare a folder listing with the previous state; ``hasher(name)`` is called only on stat changes."""
    added, changed, state = [], [], {}
    for seed in listing:
        before = previous.get(seed.name)
        if before is not None and (before.size, before.mtime_ns) == (seed.size, seed.mtime_ns):
            state[seed.name] = before
            continue
        sha256 = hasher(seed.name)
        state[seed.name] = SeedState(seed.size, seed.mtime_ns, sha256)
        if before is None:
            added.append(seed.name)
        elif sha256 != before.sha256:
            changed.append(seed.name)
    removed = sorted(previous.keys() - state.keys())
    return SeedChanges(sorted(added), sorted(changed), removed, state)


def file_sha256(seeds_dir: Path, max_bytes: int = DEFAULT_MAX_DOCUMENT_BYTES) -> Callable[[str], str | None]:
    """A hasher over ``seeds_dir``: the sha256 of what the reader would read, or None if it refuses the file.

    Files are opened as the reader opens them (``read_seed``): a named pipe or
    a link to a device is never opened, and at most ``max_bytes + 1`` are read.
    """
    def sha256(name: str) -> str | None:
        try:
            return hashlib.sha256(read_seed(seeds_dir, name, max_bytes)).hexdigest()
        except SeedRefused:
            return None
    return sha256


def dumps_state(state: dict[str, SeedState]) -> str:
    """Compact JSON: ``{"format": 1, "seeds": {name: [size, mtime_ns, sha256]}}``."""
    seeds = {name: [s.size, s.mtime_ns, s.sha256] for name, s in sorted(state.items())}
    return json.dumps({"format": STATE_FORMAT, "seeds": seeds}, separators=(",", ":"))


def loads_state(text: str | None) -> dict[str, SeedState]:
    """The state in ``text``; empty, or of an unknown format, gives an empty state."""
    data = json.loads(text) if text else {}
    if data.get("format") != STATE_FORMAT:
        return {}
    return {name: SeedState(*values) for name, values in data["seeds"].items()}


class StateFiles:
    """Folder states as content-addressed JSON files in ``folder``.

    A state of 10,000 files is about a megabyte: too big for a Dagster sensor
    cursor, which is copied into every tick's record. The cursor names a file
    here instead; a state is written only when it differs from the last one.
    """

    def __init__(self, folder: Path):
        self.folder = folder

    def load(self, ref: str | None) -> dict[str, SeedState]:
        """The state saved as ``ref``; empty when there is none (every file is then new)."""
        try:
            return loads_state((self.folder / f"{ref}.json").read_text()) if ref else {}
        except FileNotFoundError:
            return {}

    def save(self, state: dict[str, SeedState], keep: str | None = None) -> str:
        """Save ``state`` and return its ref; other files but ``keep`` (still named by the cursor) go."""
        text = dumps_state(state)
        ref = hashlib.sha256(text.encode()).hexdigest()[:32]
        path = self.folder / f"{ref}.json"
        if not path.exists():
            write_atomically(path, lambda fh: fh.write(text.encode()))
        for old in self.folder.glob("*.json"):
            if old.stem not in (ref, keep):
                old.unlink(missing_ok=True)
        return ref
