"""Extraction core: every economic figure of a trade document as a ``Figure``.

    extract_figures(text, doc_id) -> list[Figure]   sorted by char_start
    document_date(text) -> date | None
    EXTRACTOR_VERSION                                 bump when output may change
"""
from __future__ import annotations

from .core import extract_figures
from .periods import document_date

EXTRACTOR_VERSION = "5"

__all__ = ["EXTRACTOR_VERSION", "document_date", "extract_figures"]
