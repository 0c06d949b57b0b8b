"""What changed in the seeds folder since the last look, cheaply enough to ask every few seconds.

The previous look is a small state per file: (size, mtime_ns, sha256). A file
whose stat is unchanged is taken as unchanged without reading it; only files
whose stat moved are hashed, and a touched file with the same bytes is not a
change. The state round-trips through JSON so a Dagster sensor can keep it
as its cursor.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

from pipeline.seeds import SeedStat

CURSOR_FORMAT = 1


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


def file_sha256(seeds_dir: Path) -> Callable[[str], str | None]:
    """A hasher over ``seeds_dir``: a file's sha256, or None if it is gone or unreadable."""
    def sha256(name: str) -> str | None:
        digest = hashlib.sha256()
        try:
            with open(seeds_dir / name, "rb") as fh:
                for block in iter(lambda: fh.read(1 << 20), b""):
                    digest.update(block)
        except OSError:
            return None
        return digest.hexdigest()
    return sha256


def dumps_state(state: dict[str, SeedState], **extra: object) -> str:
    """Compact JSON: ``{"format": 1, "seeds": {name: [size, mtime_ns, sha256]}, **extra}``."""
    seeds = {name: [s.size, s.mtime_ns, s.sha256] for name, s in sorted(state.items())}
    return json.dumps({"format": CURSOR_FORMAT, **extra, "seeds": seeds}, separators=(",", ":"))


def loads_state(cursor: str | None) -> tuple[dict[str, SeedState], dict[str, object]]:
    """(state, extra fields) of a cursor; an empty or unknown cursor gives an empty state."""
    data = json.loads(cursor) if cursor else {}
    if data.get("format") != CURSOR_FORMAT:
        return {}, {}
    seeds = {name: SeedState(*values) for name, values in data.pop("seeds").items()}
    del data["format"]
    return seeds, data
