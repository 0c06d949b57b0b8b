"""Per-seed intermediate results between the pipeline's steps, under ``<output>/work``.

Each seed (Dagster partition) has its own small Parquet files, so re-reading
one changed seed touches only its files. Extraction results carry the seed's
sha256, a hash of the text read from it, and the extractor version in their
Parquet metadata: an unchanged seed read into the same text by an unchanged
extractor is never extracted again.
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from urllib.parse import quote

import polars as pl

from pipeline.atomic import write_atomically
from pipeline.documents import Document, read_document
from schemas import DocumentSchema, FigureSchema, polars_schema
from pipeline.validation import REJECTED_SCHEMA

DOCUMENT_COLUMNS = [c for c in polars_schema(DocumentSchema) if c not in ("n_figures", "n_rejected")]
KINDS = ("documents", "figures", "rejected")
READ_BATCH = 1000
"""Files read into one contiguous chunk."""
_SCHEMAS = {
    "documents": pl.Schema({c: polars_schema(DocumentSchema)[c] for c in DOCUMENT_COLUMNS}),
    "figures": polars_schema(FigureSchema),
    "rejected": REJECTED_SCHEMA,
}


class WorkStore:
    def __init__(self, output_dir: Path):
        self.root = output_dir / "work"

    def path(self, kind: str, key: str) -> Path:
        return self.root / kind / f"{quote(key, safe='')}.parquet"

    def write_document(self, document: Document) -> None:
        frame = pl.DataFrame([document.as_record()], schema=_SCHEMAS["documents"])
        _write(frame, self.path("documents", document.file_name), {})

    def read_document(self, key: str) -> Document | None:
        path = self.path("documents", key)
        if not path.exists():
            return None
        return Document(**pl.read_parquet(path).row(0, named=True))

    def write_extraction(self, key: str, figures: pl.DataFrame, rejected: pl.DataFrame,
                         source: str, extractor_version: str) -> None:
        """Store ``key``'s rows, stamped with their ``source`` (``pipeline.documents.source_stamp``) and extractor."""
        stamp = {"source": source, "extractor_version": extractor_version}
        _write(rejected, self.path("rejected", key), stamp)
        _write(figures, self.path("figures", key), stamp)  # last: its stamp marks the pair complete

    def has_extraction(self, key: str, source: str, extractor_version: str) -> bool:
        """True when ``key``'s stored figures came from this exact source (bytes and text) and this extractor."""
        path = self.path("figures", key)
        if not path.exists() or not self.path("rejected", key).exists():
            return False
        meta = pl.read_parquet_metadata(path)
        return meta.get("source") == source and meta.get("extractor_version") == extractor_version

    def extracted_sources(self, keys: list[str]) -> dict[str, tuple[str, str]]:
        """key → (source stamp, extractor version) of its stored complete extraction; keys without one are left out."""
        sources = {}
        for key in keys:
            path = self.path("figures", key)
            if path.exists() and self.path("rejected", key).exists():
                meta = pl.read_parquet_metadata(path)
                if "source" in meta and "extractor_version" in meta:
                    sources[key] = (meta["source"], meta["extractor_version"])
        return sources

    def read(self, kind: str, keys: list[str], columns: list[str] | None = None) -> pl.DataFrame:
        """The stored rows of ``kind`` for ``keys`` (keys without a file are skipped), in key order.

        Files are read in batches, each made contiguous, then each column is
        made one chunk, column by column (never a second copy of the whole
        frame): a frame of one chunk per small file takes twice its size in
        memory, and gathers and sorts over many chunks are several times slower.
        """
        paths = [p for p in (self.path(kind, k) for k in keys) if p.exists()]
        columns = columns or list(_SCHEMAS[kind])
        frame = pl.concat([pl.DataFrame(schema=_SCHEMAS[kind]).select(columns), *(
            pl.scan_parquet(paths[start:start + READ_BATCH], schema=_SCHEMAS[kind],
                            missing_columns="insert").select(columns).collect().rechunk()
            for start in range(0, len(paths), READ_BATCH))], rechunk=False)
        for name in columns:
            frame = frame.with_columns(frame.get_column(name).rechunk())
        return frame

    def remove(self, key: str) -> None:
        for kind in KINDS:
            self.path(kind, key).unlink(missing_ok=True)


def read_and_store(seeds_dir: Path, max_bytes: int, output_dir: Path, keys: list[str]) -> list[Document]:
    """Read each seed in ``keys`` and store its document; the documents without their text (kept small to return)."""
    store = WorkStore(output_dir)
    documents = []
    for key in keys:
        document = read_document(seeds_dir, key, max_bytes)
        store.write_document(document)
        documents.append(replace(document, text=None))
    return documents


def _write(frame: pl.DataFrame, path: Path, metadata: dict[str, str]) -> None:
    """Write via a uniquely named temporary file and rename, so a reader never sees half a file."""
    write_atomically(path, lambda fh: frame.write_parquet(fh, metadata=metadata or None))
