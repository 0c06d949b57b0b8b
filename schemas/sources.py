"""The ``sources`` table of a version: where each document's rows came from, for the next run's delta.

Not one of the published tables (``schemas.TABLES``): the pipeline's own
record, kept as parts beside them so that a version shares the parts its
change did not touch.
"""
from __future__ import annotations

import pandera.polars as pa


class SourceSchema(pa.DataFrameModel):
    """One row per document: the seed file it was read from and the source stamp of its published rows."""

    doc_id: str = pa.Field(unique=True, description="The document's `doc_id`.")
    file_name: str = pa.Field(unique=True, description="The seed file's path relative to the seeds folder.")
    source: str | None = pa.Field(nullable=True, str_matches=r"^[0-9a-f]{16}$",
                                  description="16 hex digits of the sha256 of the source stamp the rows were "
                                              "extracted from; null when the publisher gave none.")

    class Config:
        strict = True
        coerce = True
