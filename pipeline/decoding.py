"""Bytes to text: UTF-16 or UTF-32 by their byte order mark, then UTF-8, a detected legacy encoding otherwise."""
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
_UNICODE_BOMS = (  # UTF-32 first: its little-endian mark begins with UTF-16's
    (b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"),
)
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f]")
"""C0 control characters other than tab, newline, form feed and carriage return."""


def decode_bytes(data: bytes) -> Decoded:
    """Decode ``data`` exactly as the contract's offsets expect.

    UTF-16 and UTF-32 with a byte order mark (either byte order) are decoded
    by it, the mark dropped. UTF-8 (with or without BOM) is taken as is, so
    spans index the UTF-8 decoded text. Anything else goes through
    charset-normalizer; bytes that decode to mostly control characters or NULs
    are refused as binary.
    """
    for bom, codec in _UNICODE_BOMS:
        if data.startswith(bom):
            return _checked(_decode_unicode(data, codec), f"{codec}-{'le' if bom[0] == 0xff else 'be'}")
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
    return _checked(text, encoding)


def _decode_unicode(data: bytes, codec: str) -> str:
    """``data`` in ``codec`` (``utf-16`` or ``utf-32``), whose codec reads and drops the byte order mark."""
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise UndecodableError(f"starts with a {codec.upper()} byte order mark but is not {codec.upper()} text: "
                               f"{exc.reason}") from None


def _checked(text: str, encoding: str) -> Decoded:
    if "\x00" in text:
        raise UndecodableError("contains NUL characters: a binary file, not text")
    if text and len(_CONTROL.findall(text)) > 0.01 * len(text):
        raise UndecodableError("mostly control characters: a binary file, not text")
    return Decoded(text=text, encoding=encoding)
