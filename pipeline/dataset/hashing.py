"""Content hashes: of files (for the manifest) and of tables (for the version id)."""
from __future__ import annotations

import hashlib
from pathlib import Path

import polars as pl

_CHUNK = 1 << 20


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def frame_digest(frame: pl.DataFrame, key: list[str]) -> str:
    """A digest of a table's content: its schema and its rows in ``key`` order.

    Row hashes are polars' own (fixed seed), so the digest is stable for a
    given polars version; the code version recorded beside it covers upgrades.
    The hashes are put in ``key`` order, not the table: no sorted copy of a
    large table is made.
    """
    digest = hashlib.sha256(repr(list(frame.schema.items())).encode())
    if frame.height:
        # Keys in one chunk: polars sorts a table read from many files far slower otherwise.
        order = frame.select(key).rechunk().select(pl.arg_sort_by(key)).to_series()
        digest.update(frame.hash_rows(seed=0).rechunk().gather(order).to_numpy().tobytes())
    return digest.hexdigest()
