"""From a read document to its validated figure rows and its rejected ones."""
from __future__ import annotations

import json
import re

import polars as pl

from pipeline.density import MAX_FIGURES_PER_DOCUMENT
from pipeline.documents import Document
from pipeline.extract import extract_figures
from pipeline.figures import Figure
from pipeline.validation import REJECTED_SCHEMA, split_valid
from schemas import FigureSchema, polars_schema
from schemas.contract import EARLIEST_YEAR, MAX_YEARS_AFTER_DOCUMENT, NON_MONEY_UNITS, SUBUNIT_WORDS

FIGURE_SCHEMA = polars_schema(FigureSchema)
_SUBUNIT_AFTER = re.compile(r"\s*(" + "|".join(SUBUNIT_WORDS) + r")\b", re.IGNORECASE)
"""A subunit word right after a money span: ``$1.5 cents`` read as ``$1.5``."""
_EARLY_YEAR_AFTER = re.compile(r"\s+(?:in|during|for|of|by)\s+(?:(?:fiscal|FY)\s*)?(1[0-8]\d\d)\b", re.IGNORECASE)
"""A year before ``EARLIEST_YEAR`` named right after the span: ``$5 billion in 1850``."""
MAX_SENTENCE_CHARS = 1_000
"""The ``sentence`` stored per row: real ones run to about 270 characters; a longer one is cut around its figure."""


def figure_rows(document: Document) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(valid figures, rejected figures) of one document.

    A row is rejected when it fails ``FigureSchema``, when its span does not
    slice back to its ``text`` in the document, or when its year lies more
    than ``MAX_YEARS_AFTER_DOCUMENT`` past the document's own date. An extractor crash on this
    document, or more than ``MAX_FIGURES_PER_DOCUMENT`` figures, becomes one
    rejected row saying so: it never stops the run.
    """
    return figure_rows_of([document])


def figure_rows_of(documents: list[Document]) -> tuple[pl.DataFrame, pl.DataFrame]:
    """``figure_rows`` of many documents, validated together in one pandera call.

    pandera costs about a tenth of a second per call whatever the rows, so a
    run validates its documents in batches, never one call per document.
    """
    frames, document_failures, crashes, offset = [], [], [], 0
    for document in documents:
        frame, failures, crash = _unvalidated_rows(document)
        frames.append(frame)
        document_failures.append(failures.with_columns(pl.col("index") + offset))
        crashes.append(crash)
        offset += frame.height
    valid, rejected = split_valid(pl.concat([pl.DataFrame(schema=FIGURE_SCHEMA), *frames]), FigureSchema,
                                  pl.concat([_DOCUMENT_FAILURES, *document_failures]))
    return valid, pl.concat([rejected, *crashes])


_DOCUMENT_FAILURES = pl.DataFrame(schema={"index": pl.Int64, "check": pl.String, "reason": pl.String})


def _unvalidated_rows(document: Document) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """(figure rows, failures needing the document, a row rejecting the whole document's figures)."""
    none = pl.DataFrame(schema=REJECTED_SCHEMA)
    if not document.ok:
        return pl.DataFrame(schema=FIGURE_SCHEMA), _DOCUMENT_FAILURES, none
    text = document.text or ""
    try:
        figures = extract_figures(text, document.doc_id)
    except Exception as exc:  # noqa: BLE001 - one document's failure must stay its own
        return pl.DataFrame(schema=FIGURE_SCHEMA), _DOCUMENT_FAILURES, _rejecting(
            document, "extraction", f"the extractor failed on this document: {type(exc).__name__}: {exc}")
    if len(figures) > MAX_FIGURES_PER_DOCUMENT:
        return pl.DataFrame(schema=FIGURE_SCHEMA), _DOCUMENT_FAILURES, _rejecting(
            document, "too_many_figures",
            f"{len(figures):,} figures, over the bound of {MAX_FIGURES_PER_DOCUMENT:,} per document; none kept")
    frame = pl.DataFrame(
        [{**f.as_record(), "sentence": bounded_sentence(text, f), "seed_sha256": document.sha256} for f in figures],
        schema=FIGURE_SCHEMA,
    )
    return frame, pl.DataFrame(_document_failures(document, figures), schema=_DOCUMENT_FAILURES.schema), none


def _document_failures(document: Document, figures: list[Figure]) -> list[dict]:
    """Failures the model cannot see, needing the document: a span that does not slice back to its text, a year
    later than the document's own date allows, a subunit word or a year before 1900 right after a figure."""
    text, failures = document.text or "", []
    latest = document.published.year + MAX_YEARS_AFTER_DOCUMENT if document.published else None
    for i, f in enumerate(figures):
        if text[f.char_start:f.char_end] != f.text:
            failures.append({"index": i, "check": "span_slices_to_text",
                             "reason": f"document[{f.char_start}:{f.char_end}] is {text[f.char_start:f.char_end]!r}, "
                                       f"not {f.text!r}"})
        if latest is not None and f.year is not None and f.year > latest:
            failures.append({"index": i, "check": "year_after_document_date",
                             "reason": f"year {f.year} is more than {MAX_YEARS_AFTER_DOCUMENT} years after the "
                                       f"document's date {document.published}"})
        if f.unit not in NON_MONEY_UNITS and (subunit := _SUBUNIT_AFTER.match(text, f.char_end)):
            failures.append({"index": i, "check": "money_is_not_a_subunit",
                             "reason": f"{f.text!r} is followed by {subunit.group(1)!r}: a currency subunit read as "
                                       f"the unit {f.unit}"})
        if early := _EARLY_YEAR_AFTER.match(text, f.char_end):
            failures.append({"index": i, "check": "year_in_range",
                             "reason": f"the text dates {f.text!r} to {early.group(1)}, before {EARLIEST_YEAR}, "
                                       f"outside the years a trade figure can have"})
    return failures


def _rejecting(document: Document, check: str, reason: str) -> pl.DataFrame:
    """One rejected row standing for all of ``document``'s figures."""
    record = json.dumps({"doc_id": document.doc_id, "file_name": document.file_name})
    return pl.DataFrame([{"figure_id": None, "doc_id": document.doc_id, "check": check, "reason": reason,
                          "record": record}], schema=REJECTED_SCHEMA)


def bounded_sentence(text: str, figure: Figure) -> str:
    """The figure's sentence, or at most ``MAX_SENTENCE_CHARS`` of it around the figure, cut ends marked ``…``."""
    sentence = figure.sentence
    if len(sentence) <= MAX_SENTENCE_CHARS:
        return sentence
    start = text.find(sentence, max(0, figure.char_end - len(sentence)), figure.char_start + len(sentence))
    offset = figure.char_start - start if start >= 0 else max(0, sentence.find(figure.text))
    margin = max(0, MAX_SENTENCE_CHARS - len(figure.text)) // 2
    lo, hi = max(0, offset - margin), min(len(sentence), offset + len(figure.text) + margin)
    return ("…" if lo else "") + sentence[lo:hi] + ("…" if hi < len(sentence) else "")
