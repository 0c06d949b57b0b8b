"""The published ``changes`` table: what a version changed against its parent, row by row."""
from __future__ import annotations

import polars as pl
import pandera.polars as pa

ENTITIES = ("document", "figure")
CHANGES = ("added", "removed", "changed")


class ChangeSchema(pa.DataFrameModel):
    """One document or figure added, removed or changed since the parent version.

    The first version lists everything as added. Values are JSON because the
    changed fields differ from row to row.
    """

    entity: str = pa.Field(isin=ENTITIES, description="`document` (keyed by doc_id) or `figure` (keyed by figure_id).")
    id: str = pa.Field(description="The document's `doc_id` or the figure's `figure_id`.")
    change: str = pa.Field(isin=CHANGES, description="`added`, `removed`, or `changed` (same id, some field differs).")
    changed_fields: pl.List = pa.Field(dtype_kwargs={"inner": pl.String()},
                                       description="For `changed`: the fields that differ, in column order; empty otherwise.")
    old: str | None = pa.Field(nullable=True, description="JSON object of the parent's values: the whole row when removed, the changed fields when changed, null when added. A document's `text` is left out (its `sha256` tells it changed).")
    new: str | None = pa.Field(nullable=True, description="JSON object of this version's values: the whole row when added, the changed fields when changed, null when removed. A document's `text` is left out.")

    class Config:
        strict = True
        coerce = True

    @pa.dataframe_check(description="An entity's id appears once.")
    def one_row_per_id(cls, data: pa.PolarsData) -> pl.LazyFrame:
        return data.lazyframe.select(~pl.struct("entity", "id").is_duplicated())

    @pa.dataframe_check(description="Only `changed` rows name changed fields, and they always do.")
    def fields_only_when_changed(cls, data: pa.PolarsData) -> pl.LazyFrame:
        return data.lazyframe.select((pl.col("change") == "changed") == (pl.col("changed_fields").list.len() > 0))
