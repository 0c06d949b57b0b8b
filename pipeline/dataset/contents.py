"""What a version holds, apart from its relation to its parent, and the hash that names it.

The content is the three assembled tables, the ``series`` built from them and
the data dictionary, each table in its pandera model's column order and
types (validated against the model before it is published), split into parts
(``pipeline.dataset.parts``). The hash is made of the parts' digests, so a
version assembled from its parent and the changed documents (a ``Contents``,
``pipeline.dataset.incremental``) hashes the same as one built from every
document (``pipeline.dataset.whole``). The ``changes`` table, the review page and the
manifest depend on the parent or on the version id, so they are left out of
the hash: the same seeds and code always hash the same.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

import polars as pl

from pipeline.changes import Changes, plan_changes
from pipeline.consistency import FACT
from pipeline.dataset.dictionary import render_markdown, schema_json
from pipeline.dataset.hashing import rows_digest
from pipeline.dataset.layout import DICTIONARY, HIVE_TABLES, PARTITION_KEY, SCHEMA_JSON, part_file
from pipeline.dataset.parts import part_digests, split, table_of
from schemas import TABLES, polars_schema

SORT_KEYS = {"figures": ["doc_id", "char_start", "figure_id"], "documents": ["doc_id"],
             "rejected": ["doc_id", "figure_id", "check", "record"], "series": FACT}


@dataclass(frozen=True, slots=True)
class Tables:
    """The assembled tables a version is published from."""
    figures: pl.DataFrame
    documents: pl.DataFrame
    rejected: pl.DataFrame


SEED_COLUMNS = ["doc_id", "file_name"]
PART_TABLES = ("figures", "documents", "rejected", "series")
"""The tables a version's content is made of (``changes`` depends on the parent)."""


@dataclass(frozen=True)
class Contents:
    """A version assembled from its parent: the parts rebuilt, held in memory, and those carried over."""
    fresh: dict[str, pl.DataFrame]
    """Per table of ``PART_TABLES``: the rows of the parts to write, in schema column order, sorted."""
    carried: dict[str, dict]
    """Parts taken over from the parent unchanged: path → the parent's manifest entry."""
    before: dict[str, pl.DataFrame]
    """For ``changes``: the parent's documents and figures rows of the documents rebuilt."""
    after: dict[str, pl.DataFrame]
    """For ``changes``: the documents and figures rows of the documents rebuilt."""
    seeds: pl.DataFrame
    """Every document's doc_id and file_name, by doc_id (for the ``sources`` table)."""
    texts: dict[str, str]
    """The data dictionary files, by file name."""
    rebuilt: frozenset[str]
    """The doc_ids whose rows were replaced (``Update.touched`` and the documents rebuilt): every other document's
    rows are the parent's as they were."""

    def validate(self) -> None:
        """Raise unless every table's fresh rows pass its model (pandera); typing already matches."""
        for name, frame in self.fresh.items():
            TABLES[name].validate(frame)

    def parts(self) -> Iterator[tuple[str, pl.DataFrame]]:
        """The part files to write, by path, one table split at a time (a split copies its table's rows)."""
        for name in PART_TABLES:
            yield from split(name, self.fresh[name]).items()
            if name in self._empty:
                yield empty_part(name)

    @cached_property
    def _empty(self) -> set[str]:
        """The tables with no row at all: each still gets one part, empty, so every reader finds the table."""
        return {name for name in PART_TABLES if self.fresh[name].is_empty()
                and not any(table_of(path) == name for path in self.carried)}

    @cached_property
    def digests(self) -> dict[str, str]:
        """Every part's ``RowsDigest``, written or carried, by path."""
        empty = dict(empty_part(name) for name in self._empty)
        return {**{path: entry["digest"] for path, entry in self.carried.items()},
                **{path: digest for name in PART_TABLES for path, digest in part_digests(name, self.fresh[name]).items()},
                **{path: rows_digest(frame) for path, frame in empty.items()}}

    @cached_property
    def content_hash(self) -> str:
        return content_hash(self.digests, self.texts)

    def changes(self) -> Changes:
        """The ``changes`` rows of the documents rebuilt (their parent's rows are in ``before``), validated."""
        changes = plan_changes(self.before, self.after)
        TABLES["changes"].validate(changes.outline())  # old/new, JSON made as written, have no rule but their type
        return changes

    def row_counts(self) -> dict[str, int]:
        counts = {name: frame.height for name, frame in self.fresh.items()}
        for path, entry in self.carried.items():
            counts[table_of(path)] += entry["rows"]
        return counts


def content_hash(digests: dict[str, str], texts: dict[str, str]) -> str:
    """Of the parts' digests and the dictionary: the same however the version was assembled."""
    digest = hashlib.sha256()
    for path, part_digest in sorted(digests.items()):
        digest.update(f"{path}:{part_digest};".encode())
    for name, text in texts.items():
        digest.update(f"{name}:{hashlib.sha256(text.encode()).hexdigest()};".encode())
    return digest.hexdigest()


def empty_part(table: str) -> tuple[str, pl.DataFrame]:
    """(path, rows) of the one part of a table with no rows: ``rejected/part-00.parquet`` with the table's columns
    (a partner folder's part without its ``partner`` column)."""
    frame = pl.DataFrame(schema=polars_schema(TABLES[table]))
    return part_file(table, 0), frame.drop(PARTITION_KEY) if table in HIVE_TABLES else frame


def dictionary_texts() -> dict[str, str]:
    return {DICTIONARY: render_markdown(), SCHEMA_JSON: schema_json()}


def typed(table: str, frame: pl.DataFrame) -> pl.DataFrame:
    """``frame`` in the model's column order and types; pandera coerces it when the types differ."""
    model = TABLES[table]
    frame = frame.select(list(polars_schema(model)))
    return frame if frame.schema == polars_schema(model) else model.validate(frame)


def arrange(table: str, frame: pl.DataFrame) -> pl.DataFrame:
    """``frame`` typed (``typed``) and sorted. A frame already in order is not copied (assembled tables usually are).
    """
    frame = typed(table, frame)
    key = SORT_KEYS[table]
    if frame.select(key).rechunk().select(pl.arg_sort_by(key, nulls_last=True)).to_series().is_sorted():
        return frame
    return frame.sort(key, nulls_last=True)
