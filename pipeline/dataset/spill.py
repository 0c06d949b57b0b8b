"""Rows routed to groups on disk, so that a table too large to hold can be finished one group at a time.

Rows added to a group are buffered; when all buffers together pass ``LIMIT``
bytes, each group's buffer is appended to it as one more Parquet fragment. A
group is read back whole (its fragments in the order they were added), so
what is held at once is the buffers plus the one group being read.
"""
from __future__ import annotations

import io
from pathlib import Path

import polars as pl

LIMIT = 128 << 20
"""Bytes of buffered rows (polars' estimate) that trigger a flush to disk."""


class Spill:
    def __init__(self, root: Path, limit: int = LIMIT):
        self.root = root
        self.limit = limit
        self._buffers: dict[str, list[pl.DataFrame]] = {}
        self._folders: dict[str, Path] = {}
        self._fragments: dict[str, int] = {}
        self._buffered = 0

    def add(self, group: str, frame: pl.DataFrame) -> None:
        if frame.is_empty():
            return
        self._buffers.setdefault(group, []).append(frame)
        self._buffered += frame.estimated_size()
        if self._buffered > self.limit:
            self.flush()

    def flush(self) -> None:
        for group, frames in self._buffers.items():
            folder = self._folders.setdefault(group, self.root / str(len(self._folders)))
            folder.mkdir(parents=True, exist_ok=True)
            count = self._fragments.get(group, 0)
            write_scratch(pl.concat(frames, how="vertical_relaxed", rechunk=False), folder / f"{count:06d}.parquet")
            self._fragments[group] = count + 1
        self._buffers, self._buffered = {}, 0

    def groups(self) -> set[str]:
        return self._folders.keys() | self._buffers.keys()

    def read(self, group: str, schema: pl.Schema) -> pl.DataFrame:
        """Every row added to ``group``, in the order added (no rows: an empty frame of ``schema``)."""
        frames = [pl.DataFrame(schema=schema)]
        if group in self._folders:
            frames += [pl.read_parquet(path) for path in sorted(self._folders[group].glob("*.parquet"))]
        frames += self._buffers.get(group, [])
        return pl.concat(frames, how="vertical_relaxed").cast(schema)


def write_scratch(frame: pl.DataFrame, path: Path) -> None:
    """``frame`` as a fast Parquet file read back only by this build, encoded in memory and then written by Python:
    a full disk raises ENOSPC (polars' own error does not say)."""
    encoded = io.BytesIO()
    frame.write_parquet(encoded, compression="lz4", statistics=False)
    path.write_bytes(encoded.getbuffer())
