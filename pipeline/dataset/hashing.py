"""Content hashes: of files (for the manifest) and of rows (for the parts, the version id and the staged check)."""
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
        hashes = pl.concat(self._hashes).sort()
        return hashlib.sha256(_schema_bytes(self._schema) + hash_bytes(hashes)).hexdigest()


def rows_digest(frame: pl.DataFrame) -> str:
    """The ``RowsDigest`` of a whole frame."""
    digest = RowsDigest(frame.schema)
    digest.add(frame)
    return digest.hexdigest()


def group_digests(frame: pl.DataFrame, by: list[str]) -> dict[tuple, str]:
    """The ``RowsDigest`` of each group of ``frame``'s rows by the ``by`` columns (left out of the rows), keyed
    by the group's values: one hashing pass and one sort over a table, each group's digest taken from its run of
    the sorted hashes, not one frame per group."""
    body = frame.drop(by)
    schema = _schema_bytes(body.schema)
    hashed = frame.select(by).with_columns(body.hash_rows(seed=0).alias("_hash")).sort([*by, "_hash"])
    runs = (hashed.select(pl.struct(by).rle_id().alias("_run"), *by)
            .group_by("_run", maintain_order=True).agg(*(pl.col(name).first() for name in by), pl.len().alias("_rows")))
    words, start, digests = memoryview(hash_bytes(hashed["_hash"])), 0, {}
    for *key, rows in runs.drop("_run").iter_rows():
        digest = hashlib.sha256(schema)
        digest.update(words[start * 8:(start + rows) * 8])
        digests[tuple(key)] = digest.hexdigest()
        start += rows
    return digests


def hash_bytes(hashes: pl.Series) -> bytes:
    """The row hashes as one native-endian run of 8-byte words, read from their Arrow buffer.

    These bytes are what every digest hashes, so they must not change; numpy, which once gave them, is not a
    runtime dependency.
    """
    array = hashes.cast(pl.UInt64).rechunk().to_arrow()
    if array.null_count:
        raise ValueError("row hashes are never null")
    start = array.offset * 8
    return memoryview(array.buffers()[1])[start:start + len(array) * 8].tobytes()


def _schema_bytes(schema: pl.Schema) -> bytes:
    return repr(list(schema.items())).encode()
