"""Bytes to text: UTF-8 first, a detected legacy encoding otherwise."""
from __future__ import annotations

import re
from dataclasses import dataclass

import charset_normalizer


class UndecodableError(ValueError):
    """The bytes are not text in any encoding we can recognise (e.g. a binary file)."""


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str


# The legacy encodings documents are actually published in. Left open, the
# detector guesses UTF-16 or EBCDIC for short Latin-1 samples.
_LEGACY_ENCODINGS = [
    "cp1252", "latin_1", "iso8859_15", "cp1250", "iso8859_2", "cp1251", "koi8_r",
    "cp1253", "cp1254", "cp1257", "mac_roman", "shift_jis", "euc_jp", "gb18030",
    "big5", "euc_kr",
]
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f]")
"""C0 control characters other than tab, newline, form feed and carriage return."""


def decode_bytes(data: bytes) -> Decoded:
    """Decode ``data`` exactly as the contract's offsets expect.

    UTF-8 (with or without BOM) is taken as is, so spans index the UTF-8
    decoded text. Anything else goes through charset-normalizer; bytes that
    decode to mostly control characters or NULs are refused as binary.
    """
    if b"\x00" in data:
        raise UndecodableError("contains NUL bytes: a binary file, not text")
    try:
        text = data.decode("utf-8")
        encoding = "utf-8"
    except UnicodeDecodeError:
        best = charset_normalizer.from_bytes(data, cp_isolation=_LEGACY_ENCODINGS).best()
        if best is None:
            raise UndecodableError("no text encoding fits these bytes") from None
        text, encoding = str(best), best.encoding
    if text.startswith("\ufeff"):
        text, encoding = text[1:], "utf-8-sig"
    if text and len(_CONTROL.findall(text)) > 0.01 * len(text):
        raise UndecodableError("mostly control characters: a binary file, not text")
    return Decoded(text=text, encoding=encoding)
