"""From a read document to its validated figure rows and its rejected ones."""
from __future__ import annotations

import json

import polars as pl

from pipeline.documents import Document
from pipeline.extract import extract_figures
from pipeline.validation import REJECTED_SCHEMA, split_valid
from schemas import FigureSchema, polars_schema

FIGURE_SCHEMA = polars_schema(FigureSchema)


def figure_rows(document: Document) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(valid figures, rejected figures) of one document.

    A row is rejected when it fails ``FigureSchema`` or when its span does not
    slice back to its ``text`` in the document. An extractor crash on this
    document becomes one rejected row naming the error: it never stops the run.
    """
    if not document.ok:
        return pl.DataFrame(schema=FIGURE_SCHEMA), pl.DataFrame(schema=REJECTED_SCHEMA)
    text = document.text or ""
    try:
        figures = extract_figures(text, document.doc_id)
    except Exception as exc:  # noqa: BLE001 - one document's failure must stay its own
        crash = {"figure_id": None, "doc_id": document.doc_id, "check": "extraction",
                 "reason": f"the extractor failed on this document: {type(exc).__name__}: {exc}",
                 "record": json.dumps({"doc_id": document.doc_id, "file_name": document.file_name})}
        return pl.DataFrame(schema=FIGURE_SCHEMA), pl.DataFrame([crash], schema=REJECTED_SCHEMA)
    frame = pl.DataFrame(
        [{**f.as_record(), "seed_sha256": document.sha256} for f in figures], schema=FIGURE_SCHEMA
    )
    mismatched = [
        {"index": i, "check": "span_slices_to_text",
         "reason": f"document[{f.char_start}:{f.char_end}] is {text[f.char_start:f.char_end]!r}, not {f.text!r}"}
        for i, f in enumerate(figures)
        if text[f.char_start:f.char_end] != f.text
    ]
    extra = pl.DataFrame(mismatched, schema={"index": pl.Int64, "check": pl.String, "reason": pl.String})
    return split_valid(frame, FigureSchema, extra)
