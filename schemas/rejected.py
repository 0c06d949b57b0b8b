"""The published ``rejected`` table: every extracted figure that failed validation, kept whole."""
from __future__ import annotations

import pandera.polars as pa


class RejectedFigureSchema(pa.DataFrameModel):
    """A figure row that failed a check, with the check, the reason and the row itself as JSON.

    The row is kept as JSON rather than typed columns because a rejected row may
    hold exactly the values (wrong types, unknown codes) the typed table refuses.
    """

    figure_id: str | None = pa.Field(nullable=True, description="The row's figure_id, where it had one.")
    doc_id: str | None = pa.Field(nullable=True, description="The document the row came from.")
    check: str = pa.Field(description="The failed check: a column check (`column:check`) or a table check.")
    reason: str = pa.Field(description="Why the row failed, with the offending value.")
    record: str = pa.Field(description="The rejected row, all its fields, as a JSON object.")

    class Config:
        strict = True
        coerce = True
