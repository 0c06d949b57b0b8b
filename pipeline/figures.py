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
    base_year: int | None
    qualifier: str
    sentence: str
    rule: str

    @property
    def figure_id(self) -> str:
        """Deterministic id: the same span of the same document always gets the same id."""
        key = f"{self.doc_id}\x1f{self.char_start}\x1f{self.char_end}\x1f{self.unit}"
        return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]

    def as_record(self) -> dict:
        # A shallow copy: every field is a str, int or float (dataclasses.asdict deep-copies, 10x slower).
        record = {f.name: getattr(self, f.name) for f in fields(self)}
        record["figure_id"] = self.figure_id
        return record
