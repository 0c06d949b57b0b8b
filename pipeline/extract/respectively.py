""""…, respectively": coordinated subjects paired in order with coordinated figures.

"Chile's exports and imports reached $94.9 billion and $79.6 billion, respectively"
gives the first item to the first figure and the second to the second; the items
may be flows ("exports and imports"), economies ("to Peru and Bolivia") or product
groups ("both footwear (FW001) and toys (MS012)").
"""
from __future__ import annotations

import re

_RESPECTIVELY = re.compile(r"\brespectively\b", re.IGNORECASE)
# An item is up to four words, each may carry a code in parentheses ("toys (MS012)"); never a number, a
# date or "both", so an item list cannot reach back over a dateline.
_WORD = r"(?!both\b|and\b)[A-Za-z][\w.'’&-]*(?:\s+\([^()]*\))?"
_ITEM = rf"{_WORD}(?:\s+{_WORD}){{0,3}}?"
# The coordinated items, right before the verb that introduces the figures.
_ITEMS = re.compile(
    rf"(?:\bboth\s+)?(?P<items>{_ITEM}(?:,\s+{_ITEM})*,?\s+and\s+{_ITEM})\s+"
    r"(?:(?:were|was|are|is|reached|totaled|totalled|amounted\s+to|stood\s+at|rose|fell|grew|increased|"
    r"decreased|declined|dropped|jumped|climbed|gained|expanded|shrank|came\s+to|hit)\b)", re.IGNORECASE)
_SPLIT = re.compile(r",\s+and\s+|,\s+|\s+and\s+", re.IGNORECASE)


def paired_items(text: str, start: int, end: int, figures: list) -> dict[int, str]:
    """{index in ``figures``: the item it is paired with} for a sentence ``text[start:end]`` saying "respectively".

    ``figures`` are the sentence's figures in order (with ``start`` and ``kind``). Items pair with
    the figures after them that have the same kind as the first one, in order, only when the
    counts agree; otherwise nothing is paired.
    """
    if not _RESPECTIVELY.search(text, start, end):
        return {}
    match = None
    for candidate in _ITEMS.finditer(text, start, end):
        if figures and candidate.end() <= figures[0].start:
            match = candidate
    if match is None:
        return {}
    items = [item.strip() for item in _SPLIT.split(match.group("items")) if item.strip()]
    after = [i for i, f in enumerate(figures) if f.start >= match.end()]
    if not after:
        return {}
    kind = figures[after[0]].kind
    same = [i for i in after if figures[i].kind == kind]
    if len(same) != len(items):
        return {}
    return dict(zip(same, items))
