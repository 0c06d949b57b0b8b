"""What every format reader returns, and the failures a reader reports as a document status."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from importlib.metadata import version


@dataclass(frozen=True, slots=True)
class Extracted:
    """A document's text as a reader made it, and how."""

    text: str
    format: str
    extracted_by: str | None
    """The library and version that turned the bytes into ``text``; None when the text is the decoded bytes."""
    encoding: str | None = None
    title: str | None = None
    published: dt.date | None = None


class ReadError(Exception):
    """A file of a supported format that yields no text; ``status`` is its documents status."""

    status = "unreadable"


class UnsupportedError(ReadError):
    status = "unsupported"


class NoTextError(ReadError):
    status = "no_text"


class EncryptedError(ReadError):
    status = "encrypted"


class CorruptError(ReadError):
    status = "corrupt"


def library(distribution: str) -> str:
    """``"name version"`` of an installed distribution, for ``extracted_by``."""
    return f"{distribution} {version(distribution)}"
