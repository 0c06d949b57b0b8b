"""One economic figure as the extractor finds it (see ../shared/gold/GUIDE.md)."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, fields


@dataclass(frozen=True, slots=True)
class Figure:
    """A figure stated in a document, with the fields of the contract and its lineage.

    ``text == document_text[char_start:char_end]`` always holds; ``sentence`` is
    the sentence the figure sits in and ``rule`` names what produced the row and
    its fields, so an analyst can see why a value got its meaning.
    """

    doc_id: str
    char_start: int
    char_end: int
    text: str
    value: float
    unit: str
    measure: str
    reporter: str | None
    partner: str | None
    flow: str | None
    product: str | None
    product_label: str | None
    hs_code: str | None
    year: int | None
    period: str | None
    base_year: int | None
    qualifier: str
    sentence: str
    rule: str
    figure_id: str

    def as_record(self) -> dict:
        # A shallow copy: every field is a str, int or float (dataclasses.asdict deep-copies, 10x slower).
        return {f.name: getattr(self, f.name) for f in fields(self)}


def figure_id(doc_id: str, sentence: str, offset: int, text: str, unit: str, occurrence: int = 0) -> str:
    """Deterministic id of a figure from what it is, not where the document puts it.

    The document, the figure's sentence, its offset in that sentence, its text
    and unit: an edit elsewhere in the document moves ``char_start`` but keeps
    the id, so the ``changes`` table does not see the figure removed and added.
    ``occurrence`` tells apart the same sentence stated twice in one document.
    """
    key = "\x1f".join((doc_id, sentence, str(offset), text, unit, str(occurrence)))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]
