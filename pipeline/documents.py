"""Reading one seed file into a document: safely, and never failing the caller.

Whatever is wrong with a file (gone, empty, binary, huge, a link out of the
seeds folder, a named pipe or a device, far denser in figures than any real
text), the result is a ``Document`` whose ``status`` and ``reason`` say so,
so one bad file can never stop the others from being published.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import asdict, dataclass
from pathlib import Path

from pipeline.decoding import UndecodableError, decode_bytes
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

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    def as_record(self) -> dict:
        return asdict(self)


def read_document(seeds_dir: Path, file_name: str, max_bytes: int) -> Document:
    """Read ``seeds_dir/file_name``; the returned document says why if it yields no text."""
    def refused(status: str, reason: str, size: int = 0, sha256: str | None = None) -> Document:
        return Document(doc_id_for(file_name), file_name, sha256, size, None, status, reason, None, None, None)

    try:
        data = read_seed(seeds_dir, file_name, max_bytes)
    except SeedRefused as refusal:
        return refused(refusal.status, refusal.reason, refusal.size)
    digest = hashlib.sha256(data).hexdigest()
    if not data.strip():
        return refused("empty", "the file is empty or holds only whitespace", len(data), digest)
    try:
        decoded = decode_bytes(data)
    except UndecodableError as exc:
        return refused("binary", f"not text: {exc}", len(data), digest)
    text = decoded.text
    too_dense = density_refusal(text)
    if too_dense:
        return Document(doc_id_for(file_name), file_name, digest, len(data), decoded.encoding, "too_dense", too_dense,
                        None, None, None)
    return Document(doc_id_for(file_name), file_name, digest, len(data), decoded.encoding, "ok", None,
                    find_title(text), document_date(text), text)


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
