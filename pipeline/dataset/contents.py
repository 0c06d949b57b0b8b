"""What a version holds, apart from its relation to its parent, and the hash that names it.

The content is the three assembled tables, the ``series`` built from them and
the data dictionary, each table in its pandera model's column order and
types (validated against the model before it is published). The ``changes`` table, the review page and the
manifest depend on the parent or on the version id, so they are left out of
the hash: the same seeds and code always hash the same.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cached_property

import polars as pl

from pipeline.consistency import FACT
from pipeline.dataset.dictionary import render_markdown, schema_json
from pipeline.dataset.hashing import frame_digest
from pipeline.dataset.layout import DICTIONARY, SCHEMA_JSON
from pipeline.series import build_series
from schemas import TABLES, polars_schema

SORT_KEYS = {"figures": ["doc_id", "char_start", "figure_id"], "documents": ["doc_id"],
             "rejected": ["doc_id", "figure_id", "check", "record"], "series": FACT}


@dataclass(frozen=True, slots=True)
class Tables:
    """The assembled tables a version is published from."""
    figures: pl.DataFrame
    documents: pl.DataFrame
    rejected: pl.DataFrame


@dataclass(frozen=True)
class Contents:
    tables: dict[str, pl.DataFrame]
    """figures, documents, rejected and series: validated, in schema column order and sorted."""
    texts: dict[str, str]
    """The data dictionary files, by file name."""

    @classmethod
    def build(cls, tables: Tables) -> "Contents":
        """The tables typed and sorted, not yet validated: content equal to a published version's needs no check."""
        figures, documents = arrange("figures", tables.figures), arrange("documents", tables.documents)
        return cls(
            tables={"figures": figures, "documents": documents, "rejected": arrange("rejected", tables.rejected),
                    "series": arrange("series", build_series(figures, documents))},
            texts={DICTIONARY: render_markdown(), SCHEMA_JSON: schema_json()},
        )

    def validate(self) -> None:
        """Raise unless every table passes its model (pandera); typing already matches, so nothing changes."""
        for name, frame in self.tables.items():
            TABLES[name].validate(frame)

    @cached_property
    def digests(self) -> dict[str, str]:
        """Each table's ``frame_digest``."""
        return {name: frame_digest(frame, SORT_KEYS[name]) for name, frame in self.tables.items()}

    @cached_property
    def content_hash(self) -> str:
        digest = hashlib.sha256()
        for name, table_digest in self.digests.items():
            digest.update(f"{name}:{table_digest};".encode())
        for name, text in self.texts.items():
            digest.update(f"{name}:{hashlib.sha256(text.encode()).hexdigest()};".encode())
        return digest.hexdigest()


def arrange(table: str, frame: pl.DataFrame) -> pl.DataFrame:
    """``frame`` in the model's column order and types, sorted; pandera coerces it when the types differ.

    A frame already in order is not copied (assembled tables usually are).
    """
    model = TABLES[table]
    frame = frame.select(list(polars_schema(model)))
    if frame.schema != polars_schema(model):
        frame = model.validate(frame)
    key = SORT_KEYS[table]
    if frame.select(key).rechunk().select(pl.arg_sort_by(key, nulls_last=True)).to_series().is_sorted():
        return frame
    return frame.sort(key, nulls_last=True)
