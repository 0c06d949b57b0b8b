"""The running document context: what a sentence that omits its subject inherits.

"Exports totaled $243 billion" takes partner, product and year from the
sentence before; "It is up 444% since 1993" takes its whole subject. The
context is updated after every clause of a sentence that states figures,
and by headings ("U.S.-Korea Trade Facts", "Imports").
"""
from __future__ import annotations

from dataclasses import dataclass

from .economies import US


@dataclass(slots=True)
class Context:
    reporter: str = US
    partner: str | None = None
    flow: str | None = None
    product: str | None = None
    label: str | None = None
    hs_code: str | None = None
    year: int | None = None
    part: str | None = None  # the sub-year part or fiscal year of ``year`` (subyear.py)
    base_year: int | None = None
    deficit: bool = False  # the balance in context is a deficit
    owner: str | None = None  # whose trade the last subject was: "China's exports ..." -> CHN
    home: str = US            # the economy the document speaks for (economies.home_economy)
    currency: str | None = None  # the currency of the last amount: a bare "3.04 billion" takes it
    actor: str | None = None  # the economy last ranked as a trader: "It was the eighth largest importer"
    scope: str | None = None  # the product the document declares for its figures (scope.py)

    def new_subject(self, partner: str) -> None:
        """A heading turns to another economy: what was said of the last one no longer holds."""
        if partner != self.partner:
            self.reporter, self.partner = self.home, partner
            self.flow = self.product = self.label = self.hs_code = None
            self.year = self.base_year = self.part = None
            self.owner = None
