"""Where a dataset's pieces live under the output folder.

    <output>/versions/<version_id>/figures/partner=<ISO3>/part-<n>.parquet  figures by partner, then doc_id hash
    <output>/versions/<version_id>/series/partner=<ISO3>/part-<n>.parquet   series by partner, then fact hash
    <output>/versions/<version_id>/<table>/part-<nn>.parquet  documents, rejected: by a hash of doc_id
    <output>/versions/<version_id>/changes/changes.parquet
    <output>/versions/<version_id>/sources/part-<nn>.parquet each document's seed file and source stamp (the
                                                             next run's delta; not a published table), by doc_id hash
    <output>/versions/<version_id>/DATASET.md, schema.json   the data dictionary
    <output>/versions/<version_id>/review.html               the review index: up to 200 documents, each linked to
    <output>/versions/<version_id>/review/<name>-<hash>.html its page, its figures highlighted (``pipeline.review``)
    <output>/versions/<version_id>/manifest.json             written last
    <output>/current -> versions/<version_id>                swapped atomically
    <output>/staging/                                        versions being built, and pruned ones being deleted

Tables are split into parts so that a change to one document rewrites few
files; a part whose rows equal the parent version's part at the same path is a
hard link to it (``pipeline.dataset.parts``), and so is a review page made
from the same rows by the same code: a version adds about what its change
touched, whatever the number of documents.
"""
from __future__ import annotations

from dataclasses import dataclass
from importlib.metadata import version as installed_version
from pathlib import Path

TABLE_NAMES = ("figures", "documents", "rejected", "series", "changes")
PARTITION_KEY = "partner"
MANIFEST = "manifest.json"
DICTIONARY = "DATASET.md"
SCHEMA_JSON = "schema.json"
REVIEW = "review.html"
SOURCES = "sources"


NULL_PARTITION = "__HIVE_DEFAULT_PARTITION__"
"""The folder of figures whose partner is null (a region with no code): Hive's name, read back as null by
polars, DuckDB and pyarrow alike."""


HIVE_TABLES = ("figures", "series")
"""Tables in one folder per ``partner`` (the column is the folder's name, not in the files)."""
BUCKETS = {"documents": 32, "rejected": 8, "figures": 4, "series": 2, SOURCES: 32}
"""Parts per table (per partner folder for ``HIVE_TABLES``). A one-document change rewrites one part of
``documents`` and ``rejected`` and, per partner it mentions, one of ``figures`` and those of ``series`` holding
its facts; more parts mean less rewritten but more files for readers to open."""
SCHEME = "parts-2"
"""How rows are placed in parts; a version of another scheme (or polars, whose hashes place them) is rebuilt whole."""
LAYOUT = f"{SCHEME}/polars-{installed_version('polars')}"
"""Recorded in the manifest: a parent of another layout is never updated in place, only rebuilt whole."""


def part_file(table: str, bucket: int, partner: str | None = None) -> str:
    """The path of one part inside a version folder."""
    if table in HIVE_TABLES:
        return f"{table}/{PARTITION_KEY}={NULL_PARTITION if partner is None else partner}/part-{bucket}.parquet"
    return f"{table}/part-{bucket:02d}.parquet"


def table_files(table: str) -> str:
    """A table's Parquet files inside a version folder, as a glob."""
    if table in HIVE_TABLES:
        return f"{table}/{PARTITION_KEY}=*/*.parquet"
    return f"{table}/*.parquet"


@dataclass(frozen=True, slots=True)
class Layout:
    root: Path

    def __post_init__(self) -> None:  # callers may pass a str ("output")
        object.__setattr__(self, "root", Path(self.root))

    @property
    def versions(self) -> Path:
        return self.root / "versions"

    @property
    def staging(self) -> Path:
        return self.root / "staging"

    @property
    def current(self) -> Path:
        return self.root / "current"

    @property
    def lock(self) -> Path:
        return self.root / ".publish.lock"

    def version(self, version_id: str) -> Path:
        return self.versions / version_id

    def current_id(self) -> str | None:
        """The version ``current`` points at, or None before the first publish."""
        try:
            return Path(self.current.readlink()).name
        except (FileNotFoundError, OSError):
            return None
