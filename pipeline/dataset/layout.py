"""Where a dataset's pieces live under the output folder.

    <output>/versions/<version_id>/figures/partner=<ISO3>/…parquet
    <output>/versions/<version_id>/<table>/<table>.parquet  documents, rejected, series, changes
    <output>/versions/<version_id>/DATASET.md, schema.json   the data dictionary
    <output>/versions/<version_id>/review.html               up to 200 documents, figures highlighted
    <output>/versions/<version_id>/manifest.json             written last
    <output>/current -> versions/<version_id>                swapped atomically
    <output>/staging/                                        versions being built, and pruned ones being deleted
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

TABLE_NAMES = ("figures", "documents", "rejected", "series", "changes")
PARTITION_KEY = "partner"
MANIFEST = "manifest.json"
DICTIONARY = "DATASET.md"
SCHEMA_JSON = "schema.json"
REVIEW = "review.html"


NULL_PARTITION = "__HIVE_DEFAULT_PARTITION__"
"""The folder of figures whose partner is null (a region with no code): Hive's name, read back as null by
polars, DuckDB and pyarrow alike."""


def partition_file(value: str | None) -> str:
    """The file of one ``figures`` partition inside a version folder (the name polars' partitioned sink gives)."""
    return f"figures/{PARTITION_KEY}={NULL_PARTITION if value is None else value}/00000000.parquet"


def table_files(table: str) -> str:
    """A table's Parquet files inside a version folder, as a glob."""
    if table == "figures":
        return f"figures/{PARTITION_KEY}=*/*.parquet"
    return f"{table}/{table}.parquet"


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
