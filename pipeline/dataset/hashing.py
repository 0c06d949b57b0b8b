"""Content hashes: of files (for the manifest) and of tables (for the version id and the staged check)."""
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
    """A digest of a table's content: its schema and its rows in ``key`` order (what names a version).

    Row hashes are polars' own (fixed seed), so the digest is stable for a
    given polars version; the code version recorded beside it covers upgrades.
    The hashes are put in ``key`` order, not the table: no sorted copy of a
    large table is made.
    """
    digest = hashlib.sha256(_schema_bytes(frame.schema))
    if frame.height:
        # Keys in one chunk: polars sorts a table read from many files far slower otherwise.
        order = frame.select(key).rechunk().select(pl.arg_sort_by(key)).to_series()
        digest.update(frame.hash_rows(seed=0).rechunk().gather(order).to_numpy().tobytes())
    return digest.hexdigest()


class RowsDigest:
    """A digest of a table's schema and rows in any order (its sorted row hashes), fed batch by batch.

    It holds 8 bytes per row and no keys, so a table can be digested as it is
    written or read back without ever being held whole.
    """

    def __init__(self, schema: pl.Schema):
        self._schema = schema
        self._hashes = [pl.Series(dtype=pl.UInt64)]

    def add(self, batch: pl.DataFrame) -> None:
        self._hashes.append(batch.hash_rows(seed=0))

    def hexdigest(self) -> str:
        hashes = pl.concat(self._hashes).sort().to_numpy()
        return hashlib.sha256(_schema_bytes(self._schema) + hashes.tobytes()).hexdigest()


def rows_digest(frame: pl.DataFrame) -> str:
    """The ``RowsDigest`` of a whole frame."""
    digest = RowsDigest(frame.schema)
    digest.add(frame)
    return digest.hexdigest()


def _schema_bytes(schema: pl.Schema) -> bytes:
    return repr(list(schema.items())).encode()
