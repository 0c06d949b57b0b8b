"""From a read document to its validated figure rows and its rejected ones."""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from pipeline.documents import Document
from pipeline.extract import extract_figures
from pipeline.validation import REJECTED_SCHEMA, split_valid
from pipeline.workstore import WorkStore
from schemas import FigureSchema, polars_schema

FIGURE_SCHEMA = polars_schema(FigureSchema)


def figure_rows(document: Document) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(valid figures, rejected figures) of one document.

    A row is rejected when it fails ``FigureSchema`` or when its span does not
    slice back to its ``text`` in the document. An extractor crash on this
    document becomes one rejected row naming the error: it never stops the run.
    """
    return figure_rows_of([document])


def figure_rows_of(documents: list[Document]) -> tuple[pl.DataFrame, pl.DataFrame]:
    """``figure_rows`` of many documents, validated together in one pandera call.

    pandera costs about a tenth of a second per call whatever the rows, so a
    run validates its documents in batches, never one call per document.
    """
    frames, span_failures, crashes, offset = [], [], [], 0
    for document in documents:
        frame, failures, crash = _unvalidated_rows(document)
        frames.append(frame)
        span_failures.append(failures.with_columns(pl.col("index") + offset))
        crashes.append(crash)
        offset += frame.height
    valid, rejected = split_valid(pl.concat([pl.DataFrame(schema=FIGURE_SCHEMA), *frames]), FigureSchema,
                                  pl.concat([_SPAN_FAILURES, *span_failures]))
    return valid, pl.concat([rejected, *crashes])


def extract_and_store(output_dir: Path, extractor_version: str, documents: list[Document]) -> tuple[int, int]:
    """``figure_rows_of(documents)``, stored per seed in the work store; (figures, rejected rows) counts.

    Storing in the process that extracted keeps the rows out of pickling.
    """
    valid, rejected = figure_rows_of(documents)
    valid_of = valid.partition_by("doc_id", as_dict=True)
    rejected_of = rejected.partition_by("doc_id", as_dict=True)
    store = WorkStore(output_dir)
    for document in documents:
        store.write_extraction(document.file_name, valid_of.get((document.doc_id,), valid.clear()),
                               rejected_of.get((document.doc_id,), rejected.clear()), document.source,
                               extractor_version)
    return valid.height, rejected.height


@dataclass(frozen=True, slots=True)
class Extraction:
    extracted: list[str]
    """Seeds extracted now, in order."""
    reused: int
    """Seeds whose stored figures already came from their current document (bytes and text) and extractor."""
    missing: list[str]
    """Seeds without a stored document."""
    figures: int
    rejected: int


def extract_stale(output_dir: Path, extractor_version: str, keys: list[str]) -> Extraction:
    """Extract and store those of ``keys`` whose stored figures are not from their stored document.

    Reads the documents itself, so a worker process running it (``pipeline.parallel``)
    is handed file names only.
    """
    store = WorkStore(output_dir)
    stale, reused, missing = [], 0, []
    for key in keys:
        document = store.read_document(key)
        if document is None:
            missing.append(key)
        elif store.has_extraction(key, document.source, extractor_version):
            reused += 1
        else:
            stale.append(document)
    figures, rejected = extract_and_store(output_dir, extractor_version, stale) if stale else (0, 0)
    return Extraction([document.file_name for document in stale], reused, missing, figures, rejected)


_SPAN_FAILURES = pl.DataFrame(schema={"index": pl.Int64, "check": pl.String, "reason": pl.String})


def _unvalidated_rows(document: Document) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """(figure rows, spans that do not slice back to their text, a crash row if the extractor failed)."""
    none = pl.DataFrame(schema=REJECTED_SCHEMA)
    if not document.ok:
        return pl.DataFrame(schema=FIGURE_SCHEMA), _SPAN_FAILURES, none
    text = document.text or ""
    try:
        figures = extract_figures(text, document.doc_id)
    except Exception as exc:  # noqa: BLE001 - one document's failure must stay its own
        crash = {"figure_id": None, "doc_id": document.doc_id, "check": "extraction",
                 "reason": f"the extractor failed on this document: {type(exc).__name__}: {exc}",
                 "record": json.dumps({"doc_id": document.doc_id, "file_name": document.file_name})}
        return pl.DataFrame(schema=FIGURE_SCHEMA), _SPAN_FAILURES, pl.DataFrame([crash], schema=REJECTED_SCHEMA)
    frame = pl.DataFrame(
        [{**f.as_record(), "seed_sha256": document.sha256} for f in figures], schema=FIGURE_SCHEMA
    )
    mismatched = [
        {"index": i, "check": "span_slices_to_text",
         "reason": f"document[{f.char_start}:{f.char_end}] is {text[f.char_start:f.char_end]!r}, not {f.text!r}"}
        for i, f in enumerate(figures)
        if text[f.char_start:f.char_end] != f.text
    ]
    return frame, pl.DataFrame(mismatched, schema=_SPAN_FAILURES.schema), none
