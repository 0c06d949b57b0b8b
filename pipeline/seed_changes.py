"""The one change tracker: which seeds must be read again since they were last read.

`make run` and the Dagster sensor ask it (``SeedTracker.scan``); the step that
reads and extracts records what it read (``SeedTracker.record``), so both see
the same state, kept beside the work store, one file per shard
(``<output>/work/shards/<S>/seeds_state.json``) so parallel shard steps never
write the same file.

A seed is looked at through what the reader reads: ``os.stat`` follows links,
so a link's target identity (device, inode), size, mtime and mode count, never
the link's own. Nothing is opened or hashed here (the reader does that, behind
its guards for special files and links out of the folder), so asking is cheap
and never blocks on a FIFO. A seed is read again when it is new, when that stat
moved, when the reader or extractor version changed, or when its last read
found it missing or unreadable: those are tried again on every scan. Whether
re-read bytes are extracted again is the work store's decision (file sha256
plus extractor version), so a touched file costs a read, never an extraction.
"""
from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.atomic import write_atomically
from pipeline.config import Settings
from pipeline.seeds import list_seeds
from pipeline.shards import SHARDS, chunk_of, shard_of, shard_of_chunk
from pipeline.versions import EXTRACTOR_VERSION, READER_VERSION

STATE_FILE = "seeds_state.json"
STATE_FORMAT = 4
RETRIED = frozenset({"missing", "unreadable"})
"""Statuses of a last read that are tried again on every scan, whatever the stat says."""
OK = "ok"

Stat = str | None
"""``device:inode:size:mtime_ns:mode`` of the file a seed's path leads to; None when it leads nowhere.

A text, as the state stores it: a state parses into dicts of strings, which is several times faster than lists of
numbers and leaves nothing for the garbage collector to track (100,000 seeds cost no collection during a run and
none at its exit), and a seed is compared with its last read in one string comparison."""
_NEVER = object()
"""The recorded stat of a seed never read: equal to no stat."""


def stats_of(folder: Path, keys: list[str]) -> dict[str, Stat]:
    """The stat of each key's file, looked up relative to ``folder`` opened once (no path built per seed)."""
    try:
        folder_fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:  # gone since it was listed: so are its seeds
        return dict.fromkeys(keys)
    try:
        return {key: _stat_at(folder_fd, key) for key in keys}
    finally:
        os.close(folder_fd)


def _stat_at(folder_fd: int, key: str) -> Stat:
    try:
        st = os.stat(key, dir_fd=folder_fd)
    except (OSError, ValueError):
        return None
    return f"{st.st_dev}:{st.st_ino}:{st.st_size}:{st.st_mtime_ns}:{st.st_mode}"


_PARSED: dict[Path, tuple[tuple[int, int, int, int], dict | None]] = {}
"""Each state file as last parsed in this process, with the identity (device, inode, size, mtime) it had then: a
state is replaced whole (``write_atomically``), never changed in place, so an equal identity is the same state."""


def _well_formed(data: object) -> bool:
    """A state of this format whose parts have their shapes (a damaged entry is only a seed read again)."""
    return (isinstance(data, dict) and data.get("format") == STATE_FORMAT
            and all(isinstance(data.get(part), dict) for part in ("stats", "unread", "chunks")))


@dataclass(frozen=True, slots=True)
class SeedScan:
    stats: dict[str, Stat]
    """Every seed listed now, by key, with its stat taken before any read."""
    to_read: list[str]
    """New, changed or retried seeds, and all of them after a version change; sorted."""
    removed: list[str]
    """Seeds read before that are no longer listed; sorted."""
    shards: tuple[int, ...] = tuple(range(SHARDS))
    """The shards this scan covers: ``stats`` holds their seeds only."""
    chunks: dict[str, str] = field(default_factory=dict)
    """The digests of the work store's chunks of these shards as the last read left them (chunk number as
    text → ``WorkStore.chunk_digests``)."""
    complete: bool = True
    """``stats`` holds every seed of ``shards`` (a scan of the folder); False: only the seeds to read
    (``SeedTracker.given``), the others stay as last recorded."""

    @property
    def any(self) -> bool:
        return bool(self.to_read or self.removed)

    @property
    def digest(self) -> str:
        """Names this set of changes: the same changes, still pending, give the same digest."""
        changes = [[key, self.stats[key]] for key in self.to_read], self.removed
        return hashlib.sha256(json.dumps(changes, separators=(",", ":")).encode()).hexdigest()[:32]

    @property
    def changed_shards(self) -> list[int]:
        """The shards with a seed to read or remove: the extraction steps a run needs."""
        return sorted({shard_of(key) for key in [*self.to_read, *self.removed]})


@dataclass(frozen=True, slots=True)
class Registered:
    """What the extraction steps recorded: the seeds a version is assembled from, and the chunks they wrote."""

    keys: list[str]
    """Every seed recorded as read, sorted."""
    chunks: dict[str, str]
    """Chunk number (as text) → the digest of its stamps when its shard's step last wrote it."""
    shards: dict[int, Collection[str]] | None = None
    """The same seeds by shard, as the states hold them (None: ``in_chunks`` looks at every key)."""

    def in_chunks(self, chunks: set[int]) -> list[str]:
        """The seeds of ``chunks``, sorted; only the seeds of their shards are looked at."""
        shards = {shard_of_chunk(chunk) for chunk in chunks}
        candidates = self.keys if self.shards is None else [key for shard in shards for key in self.shards[shard]]
        return sorted(key for key in candidates if chunk_of(key) in chunks)


class SeedTracker:
    def __init__(self, seeds_dir: Path, output_dir: Path, versions: Mapping[str, str]):
        self.seeds_dir = seeds_dir
        self.root = output_dir / "work" / "shards"
        self.versions = dict(versions)

    def path(self, shard: int) -> Path:
        return self.root / str(shard) / STATE_FILE

    def _state(self, shard: int) -> dict | None:
        """The shard's recorded state as written (None: none, or not of this format); shared, never to be changed.

        ``stats``: every seed last read, key → ``Stat``; ``unread``: the status of those whose read gave no text
        (the others read ``ok``); ``chunks``: the digests of the shard's chunks after that read.

        A state is parsed once per process for each version of its file: a run's scan, its shard steps and its
        publish step, and the sensor's scans, parse again only the shards whose file was replaced since.
        """
        path = self.path(shard)
        try:
            with open(path, "rb") as fh:
                st = os.fstat(fh.fileno())
                identity = (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)
                if (parsed := _PARSED.get(path)) is None or parsed[0] != identity:
                    parsed = _PARSED[path] = (identity, json.loads(fh.read()))
        except FileNotFoundError:
            return None
        except ValueError:  # not JSON: as if none
            parsed = _PARSED[path] = (identity, None)
        return parsed[1] if _well_formed(parsed[1]) else None

    def _load(self, shard: int) -> tuple[bool, dict[str, Stat], dict[str, str], dict[str, str]]:
        """(recorded by these versions, the shard's seeds as last read: key → stat, the statuses other than ok,
        its chunks' digests then)."""
        data = self._state(shard)
        if data is None:
            return False, {}, {}, {}
        return data.get("versions") == self.versions, data["stats"], data["unread"], data["chunks"]

    def registered(self) -> Registered:
        """Every seed recorded as read, and the chunk digests recorded with them, from one read of each state."""
        states = [self._state(shard) or {"stats": {}, "chunks": {}} for shard in range(SHARDS)]
        return Registered(sorted(key for state in states for key in state["stats"]),
                          {chunk: digest for state in states for chunk, digest in state["chunks"].items()},
                          {shard: state["stats"].keys() for shard, state in enumerate(states)})

    def scan(self, shards: tuple[int, ...] = tuple(range(SHARDS))) -> SeedScan:
        """What to read and remove in ``shards`` (every shard by default); the folder is listed once.

        A seed's shard is worked out only for a scan of some shards: a seed is compared with the entry of its key
        in the states of these shards (recorded by these versions), and a seed without one is read.
        """
        listed = list_seeds(self.seeds_dir)
        if set(shards) != set(range(SHARDS)):
            listed = [key for key in listed if shard_of(key) in shards]
        stats = stats_of(self.seeds_dir, listed)
        current, stale, retried, chunks = {}, {}, set(), {}
        for shard in shards:
            now, stats_then, unread_then, chunks_then = self._load(shard)
            (current if now else stale).update(stats_then)
            if now:
                retried.update(key for key, status in unread_then.items() if status in RETRIED)
            chunks |= chunks_then
        to_read = [key for key, stat in stats.items() if current.get(key, _NEVER) != stat or key in retried]
        removed = sorted((current.keys() | stale.keys()) - stats.keys())
        return SeedScan(stats, to_read, removed, tuple(shards), chunks)

    def given(self, shard: int, to_read: list[str], removed: list[str]) -> SeedScan:
        """A scan of ``shard`` that takes its changes as given (those an earlier scan found) rather than listing
        the folder: only they are stat'ed now. A seed given as removed that is back is read instead. A shard
        last read by other versions is scanned whole."""
        now, _, _, chunks = self._load(shard)
        if not now:
            return self.scan((shard,))
        stats = stats_of(self.seeds_dir, sorted({*to_read, *removed}))
        back = [key for key in removed if stats[key] is not None]
        stats = {key: stat for key, stat in stats.items() if key in to_read or key in back}
        return SeedScan(stats, sorted({*to_read, *back}), sorted(set(removed) - set(back)), (shard,), chunks,
                        complete=False)

    def record(self, scan: SeedScan, statuses: Mapping[str, str], chunks: Mapping[int, str]) -> dict[str, str]:
        """Record ``scan`` as read: ``statuses`` of the seeds read now (the others keep their last status), and
        ``chunks``, the digests of every stored chunk of the scanned shards after the read. Returns the status
        of every seed the scanned shards hold now, as recorded."""
        by_shard: dict[int, list[str]] = {}
        for key in scan.stats:
            by_shard.setdefault(shard_of(key), []).append(key)
        gone, held = set(scan.removed), {}
        for shard in scan.shards:
            _, seen, seen_unread, _ = self._load(shard)
            kept = {} if scan.complete else {key: stat for key, stat in seen.items() if key not in gone}
            stats = kept | {key: scan.stats[key] for key in by_shard.get(shard, []) if key in statuses or key in seen}
            status_of = {key: statuses[key] if key in statuses else seen_unread.get(key, OK) for key in stats}
            held |= status_of
            digests = {str(chunk): digest for chunk, digest in sorted(chunks.items())
                       if shard_of_chunk(chunk) == shard}
            text = json.dumps({"format": STATE_FORMAT, "versions": self.versions, "stats": stats,
                               "unread": {key: status for key, status in status_of.items() if status != OK},
                               "chunks": digests}, separators=(",", ":"))
            write_atomically(self.path(shard), lambda fh: fh.write(text.encode()))
        return held


def unread(statuses: Mapping[str, str]) -> list[str]:
    """The seeds whose last read yielded no text (a status other than ok), sorted."""
    return sorted(key for key, status in statuses.items() if status != OK)


def tracker_for(settings: Settings) -> SeedTracker:
    """The tracker of ``settings``' seeds and output folders, for this reader and extractor."""
    return SeedTracker(settings.seeds_dir, settings.output_dir,
                       {"reader": READER_VERSION, "extractor": EXTRACTOR_VERSION})
