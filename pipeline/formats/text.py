"""Plain text (``.txt``): the decoded bytes are the text."""
from __future__ import annotations

from pipeline.decoding import decode_bytes
from pipeline.formats.base import Extracted


def read(data: bytes) -> Extracted:
    decoded = decode_bytes(data)
    return Extracted(decoded.text, "txt", None, decoded.encoding)
