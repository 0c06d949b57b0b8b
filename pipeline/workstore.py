"""Intermediate results between the pipeline's steps, per chunk of seeds, under ``<output>/work/chunks``.

Each chunk (``pipeline.shards.chunk_of``) has three Parquet files,
``documents``, ``figures`` and ``rejected``, holding the rows of all its
seeds, each row with its seed key (``file_name``). A run rewrites a chunk's
files only when it read or removed one of the chunk's seeds, so a run costs
a few files per touched chunk, never one per seed.

``figures`` and ``rejected`` carry in their Parquet metadata the stamp of each
seed's extraction: the seed's ``source`` (file sha256 plus a hash of the text
read from it, ``pipeline.documents.source_stamp``) and the extractor version.
An extraction counts only where both files agree on its stamp
(``extracted_sources``) and, when published, where the stamp matches the
stored document's source: each file is replaced atomically, and a chunk is
written documents, rejected, figures in that order, so a run killed between
two files leaves stamps that disagree, and the seed is extracted again (or
reported pending), never published half old, half new.
"""
from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Iterable
from pathlib import Path

import polars as pl

from pipeline.atomic import write_atomically
from pipeline.shards import chunk_of
from pipeline.validation import REJECTED_SCHEMA
from schemas import DocumentSchema, FigureSchema, polars_schema

KEY = "file_name"
"""The seed key column; part of the documents' schema, stored beside it in figures and rejected."""
DOCUMENT_COLUMNS = [c for c in polars_schema(DocumentSchema) if c not in ("n_figures", "n_rejected")]
KINDS = ("documents", "figures", "rejected")
STAMPS = "stamps"
"""Parquet metadata key of figures and rejected: JSON ``{seed key: [source, extractor version]}``."""
LEGACY = ("documents", "figures", "rejected", "seeds_state.json")
"""The per-seed layout's folders and the single change-tracker state under ``work/``, no longer used."""
_SCHEMAS = {
    "documents": pl.Schema({c: polars_schema(DocumentSchema)[c] for c in DOCUMENT_COLUMNS}),
    "figures": polars_schema(FigureSchema),
    "rejected": REJECTED_SCHEMA,
}
Stamp = tuple[str, str]
"""(source, extractor version) of one seed's stored extraction."""


def stored_schema(kind: str) -> pl.Schema:
    """The columns of ``kind``'s chunk files: the table's, and the seed key where the table lacks it."""
    return pl.Schema({**_SCHEMAS[kind], KEY: pl.String})


class WorkStore:
    def __init__(self, output_dir: Path):
        self.root = output_dir / "work"

    def path(self, kind: str, chunk: int) -> Path:
        return self.root / "chunks" / f"{chunk:03d}" / f"{kind}.parquet"

    def read(self, kind: str, keys: list[str], columns: list[str] | None = None) -> pl.DataFrame:
        """The stored rows of ``kind`` for ``keys`` (keys without rows are skipped), in key order.

        Only the chunks of ``keys`` are read; a seed's rows keep their stored order.
        """
        columns = columns or list(_SCHEMAS[kind])
        paths = [p for p in (self.path(kind, c) for c in sorted({chunk_of(k) for k in keys})) if p.exists()]
        if not paths:
            return pl.DataFrame(schema=stored_schema(kind)).select(columns)
        order = pl.LazyFrame({KEY: keys, "_order": range(len(keys))}, schema={KEY: pl.String, "_order": pl.Int64})
        found = pl.scan_parquet(paths, schema=stored_schema(kind)).join(order, on=KEY, how="inner",
                                                                         maintain_order="left")
        return found.sort("_order", maintain_order=True).select(columns).collect().rechunk()

    def extracted_sources(self, keys: Iterable[str]) -> dict[str, Stamp]:
        """key → (source stamp, extractor version) of its stored complete extraction; keys without one left out.

        Complete: the figures and the rejected rows were stored by the same extraction.
        """
        wanted, sources = set(keys), {}
        for chunk in sorted({chunk_of(k) for k in wanted}):
            figures, rejected = self._stamps("figures", chunk), self._stamps("rejected", chunk)
            sources |= {k: stamp for k, stamp in figures.items() if k in wanted and rejected.get(k) == stamp}
        return sources

    def chunk_digests(self, chunks: Iterable[int]) -> dict[int, str]:
        """Chunk → a digest of the stamps its ``figures`` and ``rejected`` files hold, for the chunks stored.

        The stamps name every extraction a chunk holds, so equal digests mean the chunk holds the same
        extractions (``pipeline.freshness``); their metadata is read, not their rows.
        """
        digests = {}
        for chunk in chunks:
            raw = [self._raw_stamps(kind, chunk) for kind in ("figures", "rejected")]
            if raw != [None, None]:
                digests[chunk] = hashlib.sha256(json.dumps(raw).encode()).hexdigest()[:16]
        return digests

    def update(self, chunk: int, documents: pl.DataFrame, figures: pl.DataFrame, rejected: pl.DataFrame,
               stamps: dict[str, Stamp], removed: Iterable[str] = ()) -> None:
        """Rewrite ``chunk``'s files: ``documents``' seeds and the ``stamps``' extractions replaced, ``removed`` dropped.

        ``documents`` are the seeds read now; ``figures`` and ``rejected`` (with the
        ``KEY`` column) are the rows of the seeds extracted now, ``stamps`` their
        stamps. Every other seed of the chunk keeps its rows and stamp. Written
        documents first and figures last (see the module docstring).
        """
        removed = set(removed)
        self._merge("documents", chunk, documents, set(documents[KEY]) | removed, None)
        extracted = set(stamps) | removed
        self._merge("rejected", chunk, rejected, extracted, stamps)
        self._merge("figures", chunk, figures, extracted, stamps)

    def drop_legacy(self) -> None:
        """Delete what the per-seed layout left under ``work/`` (safe when several steps do it at once)."""
        for name in LEGACY:
            path = self.root / name
            if path.is_dir():
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink(missing_ok=True)

    def _stamps(self, kind: str, chunk: int) -> dict[str, Stamp]:
        return {key: tuple(stamp) for key, stamp in json.loads(self._raw_stamps(kind, chunk) or "{}").items()}

    def _raw_stamps(self, kind: str, chunk: int) -> str | None:
        try:
            return pl.read_parquet_metadata(self.path(kind, chunk)).get(STAMPS)
        except FileNotFoundError:
            return None

    def _merge(self, kind: str, chunk: int, new: pl.DataFrame, replaced: set[str],
               stamps: dict[str, Stamp] | None) -> None:
        path, schema = self.path(kind, chunk), stored_schema(kind)
        kept = (pl.read_parquet(path, schema=schema).filter(~pl.col(KEY).is_in(replaced)) if path.exists()
                else pl.DataFrame(schema=schema))
        frame = pl.concat([kept, new.select(list(schema)).cast(schema)])
        metadata = None
        if stamps is not None:
            merged = {k: v for k, v in self._stamps(kind, chunk).items() if k not in replaced} | stamps
            metadata = {STAMPS: json.dumps(dict(sorted(merged.items())), separators=(",", ":"))}
        write_atomically(path, lambda fh: frame.write_parquet(fh, metadata=metadata))
