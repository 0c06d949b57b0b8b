"""Ordinal ranks of an economy in trade or investment ("our 3rd largest goods trading partner").

A superlative is a rank only when a trade role noun (partner, market,
supplier, exporter, investor...) follows it within a few words; one that
ranks product groups ("the top export categories"), counts a list ("the top
5 exporters") or sizes an economy ("the world's largest economy") is not.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from .fold import folded, twin
from .prefilter import holds_any, starts_with
from .vocab import RANK_FLOW_OF_GROUP, RANK_ROLE_LOW, RANK_ROLE_RE

_ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20,
}
_ORDINAL = r"(?:" + "|".join(_ORDINAL_WORDS) + r"|\d{1,3}(?:st|nd|rd|th))"
_SUPERLATIVE = r"(?:largest|biggest|leading|top|greatest|most\s+important|major)"
# Each alternative first checks how its word starts, so most words are rejected at once.
_RANK_RE = re.compile(
    r"\b(?=[A-Za-z\d])(?:(?:" + starts_with("fi se th fo si ei ni te el tw") + r"|(?=\d))" +
    rf"\b(?P<ord>{_ORDINAL})\b(?:[\s-]+(?:{_SUPERLATIVE})\b|(?=\s+(?:among|in\s+the\s+ranking)))"
    r"|" + starts_with("ra pl ca is wa") +
    rf"\b(?:rank(?:ed|s|ing)?|placed|came\s+in|is|was)\s+(?:No\.\s*|number\s+)?(?P<ord2>{_ORDINAL})\b"
    rf"(?=\s+(?:among|as|in))"
    r"|" + starts_with("si la bi to le nu no") + r"(?:(?<=\bthe\s)|(?<=\bits\s)|(?<=\bour\s)|(?<=\btheir\s)|(?<=['’]s\s)|(?<=['’]\s)|"
    r"(?<=\bas\s)|(?<=\bis\s)|(?<=\bwas\s)|(?<=\bremains\s)|(?<=\bremained\s))"
    r"(?:single\s+)?(?:(?P<sup>largest|biggest|top|leading|number[- ]one)\b|(?:No\.|number)\s?(?P<no>\d{1,2})\b))",
    re.IGNORECASE,
)
_HINTS = ("larg", "bigg", "lead", "top", "great", "most", "rank", "placed", "came", "among", "number", "no.")
_WINDOW = re.compile(r"(?:[\s-]+(?:[\w.'’&-]+))", re.IGNORECASE)
_STOP_NOUNS = re.compile(
    r"categor\w*|products?|items?|sectors?|industr\w*|compan\w*|firms?|economy|economies|cities|"
    r"city|states?|countries|country|nations?|brands?|ports?|banks?|producers?|manufacturers?|"
    r"employers?|destinations?|sources?|recipients?|share|shares|growth|increase|decline|year|"
    r"years|month|months|days?|number|amount", re.IGNORECASE)
_TRADE_CONTEXT = re.compile(r"export|import|invest|FDI|shipment|trade|goods|merchandise", re.IGNORECASE)
_RANK_LOW = twin(_RANK_RE)
_WINDOW_LOW = twin(_WINDOW)


class Rank(NamedTuple):
    start: int
    end: int
    value: int
    flow: str
    phrase_end: int  # end of the role noun: the rank phrase is text[start:phrase_end]
    unit: str = "rank"
    kind: str = "rank"


def find_ranks(text: str, start: int, end: int) -> list[Rank]:
    """Rank figures in ``text[start:end]``: span is the ordinal (or "top"/"largest") alone."""
    found: list[Rank] = []
    low = folded(text)
    lowered = text[start:end].lower() if low is None else low[start:end]
    if not holds_any(lowered, _HINTS):
        return found
    for m in (_RANK_RE.finditer(text, start, end) if low is None else _RANK_LOW.finditer(low, start, end)):
        group = next(g for g in ("ord", "ord2", "sup", "no") if m.group(g))
        word = m.group(group)
        if group == "no":
            value = int(word)
            group = 0  # the span is "No. 2" as a whole
        elif group == "sup":
            value = 1
        else:
            lower = word.lower()
            value = _ORDINAL_WORDS.get(lower) or int(lower[:-2])
        role = _role_after(text if low is None else low, m.end(), end, low is not None)
        if role is None:
            continue
        flow, phrase_end = role
        found.append(Rank(m.start(group), m.end(group), value, flow, phrase_end))
    return found


def _role_after(text: str, pos: int, end: int, is_folded: bool = False) -> tuple[str, int] | None:
    """The trade role noun within five words after ``pos``, and where it ends (``text`` may be folded)."""
    role_rx, window_rx = (RANK_ROLE_LOW, _WINDOW_LOW) if is_folded else (RANK_ROLE_RE, _WINDOW)
    for _ in range(6):
        role = role_rx.match(text, _skip_space(text, pos, end), end)
        if role:
            flow = RANK_FLOW_OF_GROUP[role.lastgroup]
            if role.group().lower().startswith(("destination", "source")) and \
                    not _TRADE_CONTEXT.search(role.group()):
                return None
            return flow, role.end()
        word = window_rx.match(text, pos, end)
        if not word or any(ch.isdigit() for ch in word.group()) or \
                _STOP_NOUNS.fullmatch(word.group().strip(" -")) or word.group()[-1:] in ",;:":
            return None
        pos = word.end()
    return None


def _skip_space(text: str, pos: int, end: int) -> int:
    while pos < end and text[pos] in " \t\u00a0-":
        pos += 1
    return pos
