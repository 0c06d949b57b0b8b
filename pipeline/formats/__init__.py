"""The document formats the pipeline reads, one module each, chosen by the file's suffix.

    format_of(name) -> "txt" | "md" | "html" | "pdf" | None      None: not a format we read
    read(name, data) -> Extracted                                raises ReadError (its .status) or UndecodableError

Every reader takes the file's bytes and returns its text, with the title and
publication date where the format carries them, and the library (and version)
that made the text. A reader's module is imported when a file of its format is
first read: the libraries take about 0.4 s to import, which a run over text
files alone, and each worker process, need not pay.
"""
from __future__ import annotations

from importlib import import_module
from pathlib import PurePosixPath

from pipeline.formats.base import (CorruptError, EncryptedError, Extracted, NoTextError, ReadError,
                                   UnsupportedError)

SUFFIXES = {".txt": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".pdf": "pdf"}
READERS = {"txt": "text", "md": "markdown", "html": "html", "pdf": "pdf"}
"""Each format's reader: the module of this package whose ``read(data)`` reads it."""


def format_of(name: str) -> str | None:
    """The format of a file named ``name`` (by its suffix, in any case), or None for one we do not read."""
    return SUFFIXES.get(PurePosixPath(name).suffix.lower())


def read(name: str, data: bytes) -> Extracted:
    """The text of ``data``, the bytes of a file named ``name``, read by the file's format."""
    fmt = format_of(name)
    if fmt is None:
        suffix = PurePosixPath(name).suffix
        raise UnsupportedError(f"{f'a {suffix} file' if suffix else 'a file without a suffix'} is not read; "
                               f"read are {', '.join(SUFFIXES)}")
    return import_module(f"{__name__}.{READERS[fmt]}").read(data)


__all__ = ["CorruptError", "EncryptedError", "Extracted", "NoTextError", "ReadError", "SUFFIXES", "UnsupportedError",
           "format_of", "read"]
