"""Mentions of money, percentages and fractions of a whole: spans and values.

One precompiled regex finds every candidate in a text; small look-arounds
then drop the ones the contract keeps out (tariff rates, per-day amounts).
Ranks live in ranks.py: they need the words around them to exist at all.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from .fold import folded, twin
from .prefilter import holds_any

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALES = {
    "trillion": 1e12, "tn": 1e12, "billion": 1e9, "bn": 1e9, "bln": 1e9, "b": 1e9,
    "million": 1e6, "mn": 1e6, "mln": 1e6, "m": 1e6, "thousand": 1e3, "k": 1e3,
}
_WORD_SCALE = r"trillion|billion|million|thousand"
_ABBR_SCALE = r"\s?(?:tn|bn|bln|mn|mln)|[bBmMkK]"
_FRACTION_NUM = {"one": 1, "a": 1, "two": 2, "three": 3, "four": 4, "nine": 9}
_FRACTION_DEN = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
                 "fourth": 4, "fourths": 4, "fifth": 5, "fifths": 5, "tenth": 10, "tenths": 10}

# Amounts and percentages. Every match holds a digit at most 9 characters after its start
# ("U.S. -\$ 5"), so a scan may begin that far before a text's first digit.
_AMOUNT_RE = re.compile(
    rf"""
    (?=[\\$\d\-−uU])(?:(?=[\\$\d\-−])|(?<![\w.])(?=US|U\.S))  # cheap first-character filter
    (?:(?P<money>(?:(?P<cur>(?:US|U\.S\.|USD)\s?)|(?<![A-Za-z]))(?P<msign>[-−](?=\$))?\\?(?P<dollar>\$)\s?(?P<mnum>{_NUM})
        (?:[\s-]*(?P<mscale>{_WORD_SCALE})\b|(?P<mabbr>{_ABBR_SCALE})\b)?)
  | (?P<usd>(?<![\w.,])(?:USD|US\$)\s?(?P<unum>{_NUM})(?:[\s-]*(?P<uscale>{_WORD_SCALE})\b)?)
  | (?P<dollars>(?<![\w.,$])(?P<dnum>{_NUM})\s*(?P<dscale>{_WORD_SCALE})?\s*
        (?:(?:U\.S\.|US)\s+)?(?:dollars\b|USD\b))
  | (?P<pct>(?<![\w.,])(?P<sign>[-−](?=\d))?(?P<pnum>{_NUM})\s?
        (?:%|percent(?:age\s+points?)?\b|per\s?cent\b|pct\b))
  | (?P<cents>(?<![\w.,])(?P<cnum>\d{{1,2}}(?:\.\d+)?)\s?cents?\b(?=\s+(?:(?:of|on|in|for|out\s+of)\s+)?
        (?:every|each|per|a|the)\s+(?:(?:U\.S\.|US)\s+)?dollar)))
    """,
    re.VERBOSE | re.IGNORECASE,
)
_AMOUNT_REACH = 9
# Fractions in words. No fraction can overlap an amount, so scanning for the two apart
# finds what one alternation of both would.
_FRACTION_RE = re.compile(
    r"""
    (?<![\w.])(?=one|two|thr|fou|nin|a[\s-]|hal)  # cheap first-character filter
    (?:(?P<frac>\b(?P<fnum>one|two|three|four|nine|a)[\s-](?P<fden>half|halves|thirds?|quarters?|
        fourths?|fifths?|tenths?)\b(?=\s+of\b))
  | (?P<half>\b(?:one[\s-])?half\b(?=\s+of\b)))
    """,
    re.VERBOSE | re.IGNORECASE,
)
_AMOUNT_LOW = twin(_AMOUNT_RE)
_FRACTION_LOW = twin(_FRACTION_RE)
_DIGIT = re.compile(r"\d")
_FRACTION_WORDS = ("half", "halves", "third", "quarter", "fourth", "fifth", "tenth")  # every fraction holds one
# A fraction word that names a period, not a share ("the first half of 2013").
_PERIOD_BEFORE = re.compile(r"(?:first|second|third|last|past|next|latter|other|fourth|a)\s+$",
                            re.IGNORECASE)
_PERIOD_AFTER = re.compile(r"\s+of\s+(?:the\s+)?(?:(?:fiscal|calendar)\s+)?(?:year|\d{4}|decade)",
                           re.IGNORECASE)
_TARIFF_AFTER = re.compile(
    r"(?:\s+(?:ad\s+valorem|import|export|additional|retaliatory|reciprocal|punitive))?\s+"
    r"(?:tariffs?|duty|duties|levy|levies|tax|taxes|VAT)\b", re.IGNORECASE)
_TARIFF_BEFORE = re.compile(
    r"(?:tariffs?|duty|duties|levy|tax|rate)\s+(?:rate\s+)?(?:of|at)\s+(?:up\s+to\s+)?$", re.IGNORECASE)
_RATE_AFTER = re.compile(
    r"\s*(?:(?:each|per|a)\s+(?:day|week|hour|person|capita|head|barrel|ton|tonne|kilogram|kg|"
    r"pound|gallon|liter|litre|unit|share|month)\b|daily\b|an?\s+hour\b)", re.IGNORECASE)


_PERIOD_BEFORE_LOW = twin(_PERIOD_BEFORE)
_PERIOD_AFTER_LOW = twin(_PERIOD_AFTER)
_TARIFF_AFTER_LOW = twin(_TARIFF_AFTER)
_TARIFF_BEFORE_LOW = twin(_TARIFF_BEFORE)
_RATE_AFTER_LOW = twin(_RATE_AFTER)


class Mention(NamedTuple):
    start: int
    end: int
    value: float
    unit: str  # "USD" or "percent"
    kind: str  # "money", "percent", "fraction", "cents"


def _number(text: str) -> float:
    return float(text.replace(",", ""))


def find_mentions(text: str, start: int = 0, end: int | None = None) -> list[Mention]:
    """Money amounts, percentages and fractions in ``text[start:end]`` (absolute offsets)."""
    stop = len(text) if end is None else end
    low = folded(text)
    src, amount_rx, fraction_rx = (text, _AMOUNT_RE, _FRACTION_RE) if low is None else \
        (low, _AMOUNT_LOW, _FRACTION_LOW)
    digit = _DIGIT.search(text, start, stop)
    matches = list(amount_rx.finditer(src, max(start, digit.start() - _AMOUNT_REACH), stop)) if digit else []
    if low is None or holds_any(low[start:stop], _FRACTION_WORDS):
        fractions = list(fraction_rx.finditer(src, start, stop))
        if fractions:
            matches = sorted(matches + fractions, key=re.Match.start)
    found: list[Mention] = []
    for m in matches:
        mention = _to_mention(m)
        if mention and not _excluded(src, mention, stop, low is not None):
            found.append(mention)
    return found


def _to_mention(m: re.Match) -> Mention | None:
    kind = m.lastgroup
    if kind == "money":
        scale = m.group("mscale") or (m.group("mabbr") or "").strip()
        value = _number(m.group("mnum")) * (_SCALES[scale.lower()] if scale else 1)
        begin = m.start("cur") if m.group("cur") else m.start("msign") if m.group("msign") else m.start("dollar")
        return Mention(begin, m.end(), -value if m.group("msign") else value, "USD", "money")
    if kind == "usd":
        scale = m.group("uscale")
        value = _number(m.group("unum")) * (_SCALES[scale.lower()] if scale else 1)
        return Mention(m.start(), m.end(), value, "USD", "money")
    if kind == "dollars":
        scale = m.group("dscale")
        if not scale and re.fullmatch(r"(?:19|20)\d\d", m.group("dnum")):
            return None  # "in 2010 dollars": a price basis, not an amount
        value = _number(m.group("dnum")) * (_SCALES[scale.lower()] if scale else 1)
        return Mention(m.start(), m.end(), value, "USD", "money")
    if kind == "pct":
        value = _number(m.group("pnum"))
        return Mention(m.start(), m.end(), -value if m.group("sign") else value, "percent", "percent")
    if kind == "cents":
        return Mention(m.start(), m.end(), _number(m.group("cnum")), "percent", "cents")
    if kind == "frac":
        num = _FRACTION_NUM[m.group("fnum").lower()]
        den = _FRACTION_DEN[m.group("fden").lower()]
        if num >= den:
            return None
        return Mention(m.start(), m.end(), round(100 * num / den, 2), "percent", "fraction")
    return Mention(m.start(), m.end(), 50.0, "percent", "fraction")


def _excluded(text: str, mention: Mention, stop: int, is_folded: bool = False) -> bool:
    """Tariff rates, per-unit amounts, periods named by a fraction; ``text`` may be folded.

    The regexes run on windows of ``text`` by position: none of them looks behind a window's start.
    """
    before, after = max(0, mention.start - 30), min(stop, mention.end + 40)
    if mention.kind == "fraction":
        if is_folded:
            return bool(_PERIOD_BEFORE_LOW.search(text, before, mention.start) or
                        _PERIOD_AFTER_LOW.match(text, mention.end, after))
        return bool(_PERIOD_BEFORE.search(text, before, mention.start) or _PERIOD_AFTER.match(text, mention.end, after))
    if mention.unit == "percent":
        if is_folded:
            return bool(_TARIFF_AFTER_LOW.match(text, mention.end, after) or
                        _TARIFF_BEFORE_LOW.search(text, before, mention.start))
        return bool(_TARIFF_AFTER.match(text, mention.end, after) or _TARIFF_BEFORE.search(text, before, mention.start))
    return bool((_RATE_AFTER_LOW if is_folded else _RATE_AFTER).match(text, mention.end, after))
