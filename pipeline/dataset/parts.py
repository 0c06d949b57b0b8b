"""Tables split into part files, so that a change to a few documents rewrites a few files.

``documents`` and ``rejected`` are split by a hash of ``doc_id``; ``figures``
by partner, then by a hash of ``doc_id``; ``series`` by partner, then by a hash
of the rest of its fact key (``layout.BUCKETS``). A part's content is named by
its ``RowsDigest``, so a part equal to the parent version's part at the same
path is found without writing it, and is shared with the parent (``link``).
"""
from __future__ import annotations

import errno
import os
import shutil
from collections.abc import Iterable
from pathlib import Path

import polars as pl

from pipeline.consistency import FACT
from pipeline.dataset.hashing import group_digests
from pipeline.dataset.layout import BUCKETS, HIVE_TABLES, NULL_PARTITION, PARTITION_KEY, part_file

_PART = "_part"


def bucket(table: str) -> pl.Expr:
    """The bucket of each row of ``table`` within its partner folder (or table)."""
    key = pl.struct([c for c in FACT if c != PARTITION_KEY]) if table == "series" else pl.col("doc_id")
    return (key.hash(seed=0) % BUCKETS[table]).cast(pl.Int64)


def buckets_of(table: str, doc_ids: Iterable[str]) -> list[int]:
    """The buckets of ``table`` (``documents``, ``rejected`` or ``figures``) that rows of ``doc_ids`` go to."""
    ids = pl.Series("doc_id", list(doc_ids), pl.String)
    return sorted(pl.DataFrame([ids]).select(bucket(table)).to_series().unique())


def parts_holding(table: str, paths: Iterable[str], doc_ids: Iterable[str]) -> list[str]:
    """The parts among ``paths`` (inside a version folder) where ``table``'s rows of ``doc_ids`` go: those of
    their buckets, in any partner folder."""
    names = {part_file(table, b).rsplit("/", 1)[1] for b in buckets_of(table, doc_ids)}
    return sorted(p for p in paths if table_of(p) == table and p.rsplit("/", 1)[1] in names)


def split(table: str, frame: pl.DataFrame) -> dict[str, pl.DataFrame]:
    """``frame`` (rows of ``table``, sorted) as its parts by path, each sorted; partner folders drop the column."""
    keys = [PARTITION_KEY, _PART] if table in HIVE_TABLES else [_PART]
    parts = {}
    for key, part in frame.with_columns(bucket(table).alias(_PART)).partition_by(
            keys, as_dict=True, maintain_order=True).items():
        partner = key[0] if table in HIVE_TABLES else None
        parts[part_file(table, key[-1], partner)] = part.drop(keys)
    return dict(sorted(parts.items()))


def part_digests(table: str, frame: pl.DataFrame) -> dict[str, str]:
    """The ``RowsDigest`` of each of ``split(table, frame)``'s parts, by path, without splitting."""
    keys = [PARTITION_KEY, _PART] if table in HIVE_TABLES else [_PART]
    digests = group_digests(frame.with_columns(bucket(table).alias(_PART)), keys)
    return {part_file(table, key[-1], key[0] if table in HIVE_TABLES else None): digest
            for key, digest in digests.items()}


def table_of(path: str) -> str:
    return path.split("/", 1)[0]


def partner_of(path: str) -> str | None:
    """The partner of a part in a partner folder (None for the null partner's folder)."""
    value = path.split("/")[1].split("=", 1)[1]
    return None if value == NULL_PARTITION else value


def with_partner(frame: pl.DataFrame, path: str) -> pl.DataFrame:
    """A part read from a partner folder, with its ``partner`` column back."""
    return frame.with_columns(pl.lit(partner_of(path), pl.String).alias(PARTITION_KEY))


def link(source: Path, target: Path) -> None:
    """``target`` as a hard link to ``source``; a copy where the file system cannot link (another device)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, target)
    except OSError as err:
        if err.errno not in (errno.EXDEV, errno.EMLINK, errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP):
            raise
        shutil.copyfile(source, target)
