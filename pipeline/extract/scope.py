"""The product scope a document declares for all its trade figures.

Statistical releases and the news written from them say once what their
figures cover: a title ("India-EU – international trade in goods statistics",
"Overview of U.S.-South Korea Agricultural Trade"), a lead ("a goods trade
surplus"), or their source ("customs figures show": customs count goods only).
A figure whose own words leave its product unspecified then has that scope.
A document that also speaks of services trade declares none: its unspecified
figures may be goods and services together.
"""
from __future__ import annotations

import re

LEAD_CHARS = 600
"""The title and lead, where a document says what its figures cover."""

# Scope words and the product they declare, as they qualify trade ("goods trade", "trade in goods",
# "agricultural exports"). One table: the patterns below derive from it.
SCOPES = {
    "goods": "goods", "merchandise": "goods", "visible": "goods",
    "agricultural": "agriculture", "agriculture": "agriculture", "farm": "agriculture", "agri-food": "agriculture",
    "agrifood": "agriculture", "food and agricultural": "agriculture",
}
_TRADE_NOUNS = r"trade|exports?|imports?|shipments|statistics|balance|surplus|deficit"
_WORDS = "|".join(sorted((re.escape(w) for w in SCOPES), key=len, reverse=True))
_SCOPE_IN_LEAD = re.compile(
    rf"\b(?P<before>{_WORDS})(?:\s+(?:and\s+food\s+)?products)?\s+(?:{_TRADE_NOUNS})\b|"
    rf"\b(?:trade|exports?|imports?)\s+(?:in|of)\s+(?P<after>{_WORDS})\b", re.IGNORECASE)
# Where the figures come from says what they cover: customs records count goods crossing the border.
_CUSTOMS_SOURCE = re.compile(r"\bcustoms(?:[- ]cleared\s+basis|\s+(?:data|figures|statistics|records))\b",
                             re.IGNORECASE)
_SERVICES_TRADE = re.compile(r"\bservices\b", re.IGNORECASE)


def _in_title(text: str, pos: int) -> bool:
    """Whether ``pos`` lies in a heading: a short line that ends without a full stop."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    line = text[start:len(text) if end < 0 else end].strip()
    return len(line) < 120 and not line.endswith((".", "!", "?"))


def document_scope(text: str) -> str | None:
    """The product every unspecified figure of ``text`` has, or None where the document declares no scope."""
    if _SERVICES_TRADE.search(text):
        return None
    for lead in _SCOPE_IN_LEAD.finditer(text, 0, LEAD_CHARS):
        scope = SCOPES[(lead.group("before") or lead.group("after")).lower()]
        # Goods is all of merchandise trade: a lead that speaks of it sets the scope. A group below it
        # (agriculture) is the whole document's only when its title says so, not when its first
        # figure is about that group ("U.S. exports of agricultural products to Panama totaled …").
        if scope == "goods" or _in_title(text, lead.start()):
            return scope
    if _CUSTOMS_SOURCE.search(text):
        return "goods"
    return None
