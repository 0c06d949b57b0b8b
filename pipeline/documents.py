"""Reading one seed file into a document: safely, and never failing the caller.

Whatever is wrong with a file (gone, empty, binary, huge, a link out of the
seeds folder, a named pipe or a device, a type we do not read, a PDF without
text, encrypted or damaged, far denser in figures than any real text), the
result is a ``Document`` whose ``status`` and ``reason`` say so, so one bad
file can never stop the others from being published. The file's format
(``pipeline.formats``) decides how its bytes become text.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import asdict, dataclass
from pathlib import Path

from pipeline import formats
from pipeline.decoding import UndecodableError
from pipeline.density import density_refusal
from pipeline.extract import document_date
from pipeline.seedfile import SeedRefused, read_seed
from pipeline.seeds import doc_id_for


@dataclass(frozen=True, slots=True)
class Document:
    doc_id: str
    file_name: str
    sha256: str | None
    bytes: int
    encoding: str | None
    status: str
    reason: str | None
    title: str | None
    published: dt.date | None
    text: str | None
    format: str | None = None
    """txt, md, html or pdf; None for a file of a type that is not read."""
    extracted_by: str | None = None
    """The library and version that made ``text`` from the bytes; None for plain text (decoded only)."""

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    def as_record(self) -> dict:
        return asdict(self)

    @property
    def source(self) -> str:
        """What figures extracted from this document were made from: ``source_stamp`` of its bytes and text."""
        return source_stamp(self.sha256, self.text)


def source_stamp(sha256: str | None, text: str | None) -> str:
    """The file's sha256 and a hash of the text read from it.

    Stored figures are reused only for the same stamp: the same bytes read
    into other text (a new reader or library) are extracted again, so no span
    ever points into a text it was not found in.
    """
    text_hash = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16] if text is not None else ""
    return f"{sha256 or ''}:{text_hash}"


def read_document(seeds_dir: Path, file_name: str, max_bytes: int) -> Document:
    """Read ``seeds_dir/file_name`` (a POSIX path relative to the folder); the document says why if it yields no text."""
    fmt = formats.format_of(file_name)

    def refused(status: str, reason: str, size: int = 0, sha256: str | None = None) -> Document:
        return Document(doc_id_for(file_name), file_name, sha256, size, None, status, reason, None, None, None, fmt)

    try:
        data = read_seed(seeds_dir, file_name, max_bytes)
    except SeedRefused as refusal:
        return refused(refusal.status, refusal.reason, refusal.size)
    digest = hashlib.sha256(data).hexdigest()
    if fmt is not None and not data.strip():
        return refused("empty", "the file is empty or holds only whitespace", len(data), digest)
    try:
        extracted = formats.read(file_name, data)
    except UndecodableError as exc:
        return refused("binary", f"not text: {exc}", len(data), digest)
    except formats.ReadError as exc:
        return refused(exc.status, str(exc), len(data), digest)
    except Exception as exc:  # noqa: BLE001 - a library failing on one file must not stop the others
        return refused("unreadable", f"the {fmt} reader failed: {type(exc).__name__}: {exc}", len(data), digest)
    text = extracted.text
    too_dense = density_refusal(text)
    if too_dense:
        return Document(doc_id_for(file_name), file_name, digest, len(data), extracted.encoding, "too_dense",
                        too_dense, None, None, None, fmt, extracted.extracted_by)
    return Document(doc_id_for(file_name), file_name, digest, len(data), extracted.encoding, "ok", None,
                    extracted.title or find_title(text), extracted.published or document_date(text), text,
                    fmt, extracted.extracted_by)


_BOILERPLATE = re.compile(r"^(skip to|you are here|menu|home|search|share|print)\b", re.IGNORECASE)
_DATE_LINE = re.compile(r"^[\w ,./-]*\b(1[89]|20)\d{2}$")


def find_title(text: str) -> str | None:
    """The first heading-like line: a few words, no closing period or colon, not page furniture."""
    for line in text.splitlines()[:40]:
        line = line.strip().lstrip("#").strip().strip("*").strip()
        words = line.split()
        if not 3 <= len(words) <= 25 or line[-1] in ".:;," or _BOILERPLATE.match(line) or _DATE_LINE.match(line):
            continue
        return line
    return None
