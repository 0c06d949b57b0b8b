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


class TableDigest:
    """A digest of a table's content: its schema and its rows in ``key`` order, from batches in any order.

    Row hashes are polars' own (fixed seed), so the digest is stable for a
    given polars version; the code version recorded beside it covers upgrades.
    Only the key columns and the row hashes are kept, never a sorted copy of
    the rows: a table can be digested as it is read or written, batch by batch.
    """

    def __init__(self, schema: pl.Schema, key: list[str]):
        self._schema, self._key = schema, key
        self._hashes = [pl.DataFrame(schema={**{k: schema[k] for k in key}, "_hash": pl.UInt64})]

    def add(self, batch: pl.DataFrame) -> None:
        self._hashes.append(batch.select(self._key).with_columns(batch.hash_rows(seed=0).alias("_hash")))

    def hexdigest(self) -> str:
        digest = hashlib.sha256(repr(list(self._schema.items())).encode())
        # One chunk: polars sorts a table read from many files far slower otherwise.
        hashes = pl.concat(self._hashes, rechunk=True)
        if hashes.height:
            order = hashes.select(pl.arg_sort_by(self._key)).to_series()
            digest.update(hashes["_hash"].gather(order).to_numpy().tobytes())
        return digest.hexdigest()


def frame_digest(frame: pl.DataFrame, key: list[str]) -> str:
    """The ``TableDigest`` of a whole frame."""
    digest = TableDigest(frame.schema, key)
    digest.add(frame)
    return digest.hexdigest()


def scan_digest(scan: pl.LazyFrame, key: list[str], batch_rows: int) -> str:
    """The ``TableDigest`` of a table read ``batch_rows`` at a time: never held whole."""
    digest = TableDigest(scan.collect_schema(), key)
    for batch in scan.collect_batches(chunk_size=batch_rows):
        digest.add(batch)
    return digest.hexdigest()
