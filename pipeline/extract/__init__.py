"""Extraction core: every economic figure of a trade document as a ``Figure``.

    extract_figures(text, doc_id) -> list[Figure]   sorted by char_start
    document_date(text) -> date | None
    EXTRACTOR_VERSION                                 changes whenever a rule or table may change output
"""
from __future__ import annotations

import hashlib
from importlib.metadata import version
from pathlib import Path

from .core import extract_figures
from .periods import document_date


def _extractor_version() -> str:
    """A digest of the grammar: every module of this package (its rules and word tables) and pycountry's names.

    Derived, never hand-bumped, so a changed rule can never reuse figures cached by the old one.
    """
    digest = hashlib.sha256(version("pycountry").encode())
    for source in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(source.name.encode() + b"\0" + source.read_bytes())
    return digest.hexdigest()[:12]


EXTRACTOR_VERSION = _extractor_version()

__all__ = ["EXTRACTOR_VERSION", "document_date", "extract_figures"]
