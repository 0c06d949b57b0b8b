"""The published ``documents`` table: one row per seed file, readable or not."""
from __future__ import annotations

import datetime as dt

import polars as pl
import pandera.polars as pa

from schemas.contract import DOCUMENT_FORMATS, DOCUMENT_STATUSES


class DocumentSchema(pa.DataFrameModel):
    """A seed file, how it was read, and its decoded text so every span can be checked."""

    doc_id: str = pa.Field(unique=True, description="The seed file's path in the seeds folder, without `.txt` for a text file; the figures' `doc_id`.")
    file_name: str = pa.Field(unique=True, description="The seed file's path relative to the seeds folder, `/` between folders (the Dagster partition key).")
    sha256: str | None = pa.Field(nullable=True, str_matches=r"^[0-9a-f]{64}$", description="sha256 of the file's bytes; null when it was never read.")
    bytes: int = pa.Field(ge=0, description="Size of the file in bytes.")
    encoding: str | None = pa.Field(nullable=True, description="The text encoding the bytes were decoded from; null for a PDF.")
    format: str | None = pa.Field(nullable=True, isin=DOCUMENT_FORMATS, description="How the file was read, by its suffix: `txt`, `md`, `html` or `pdf`; null for a type that is not read.")
    extracted_by: str | None = pa.Field(nullable=True, description="The library and version that made `text` from the file (`trafilatura 2.3.1`, `pypdfium2 5.15.2`, `markdown-it-py 4.3.0`); null for plain text, which is the decoded bytes.")
    status: str = pa.Field(isin=DOCUMENT_STATUSES, description="`ok`, or why the file yielded no text.")
    reason: str | None = pa.Field(nullable=True, description="For a non-ok status: what was wrong, in words.")
    n_figures: int = pa.Field(ge=0, description="Figures published from this document.")
    n_rejected: int = pa.Field(ge=0, description="Figures extracted from this document that failed validation.")
    title: str | None = pa.Field(nullable=True, description="The document's title: a web page's own, else where the text gives one.")
    published: dt.date | None = pa.Field(nullable=True, description="The publication date: a web page's metadata, else the one found in the text, which resolves 'last year' and 'currently'.")
    text: str | None = pa.Field(nullable=True, description="The text read from the file (decoded, or extracted from the page, PDF or Markdown); figures' spans index into it.")

    class Config:
        strict = True
        coerce = True

    @pa.dataframe_check(description="A file that was not plain text and yielded text says which library extracted it.")
    def extraction_is_named(cls, data: pa.PolarsData) -> pl.LazyFrame:
        extracted = (pl.col("status") == "ok") & pl.col("format").is_in([f for f in DOCUMENT_FORMATS if f != "txt"])
        return data.lazyframe.select(~extracted | pl.col("extracted_by").is_not_null())

    @pa.dataframe_check(description="A readable document has text and a hash; any other status has a reason.")
    def status_is_explained(cls, data: pa.PolarsData) -> pl.LazyFrame:
        ok = pl.col("status") == "ok"
        return data.lazyframe.select(
            pl.when(ok).then(pl.col("text").is_not_null() & pl.col("sha256").is_not_null())
            .otherwise(pl.col("reason").is_not_null())
        )
