"""Mentions of money, percentages and fractions of a whole: spans and values.

One precompiled regex finds every candidate in a text; small look-arounds
then drop the ones the contract keeps out (tariff rates, per-day amounts).
Ranks live in ranks.py: they need the words around them to exist at all.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from .currencies import AFTER, BEFORE, DOLLAR, alternation
from .fold import folded, twin
from .numwords import SPELLED, SPOKEN, TENS as NUMBER_TENS, UNITS as NUMBER_UNITS, spelled_value
from .prefilter import holds_any

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# Scale words and their factors; abbreviations as wires write them ("mln dlrs", "$5bn", "Rs 4,000 crore").
SCALES = {
    "trillion": 1e12, "tn": 1e12, "trn": 1e12, "trln": 1e12, "lakh crore": 1e12, "billion": 1e9, "bn": 1e9,
    "bln": 1e9, "b": 1e9, "crore": 1e7, "million": 1e6, "mn": 1e6, "mln": 1e6, "m": 1e6, "lakh": 1e5,
    "thousand": 1e3, "k": 1e3,
}
_WORD_SCALE = alternation(s for s in SCALES if len(s) > 3) + r"|bln|mln|trn|trln"
_ABBR_SCALE = r"\s?(?:tn|bn|mn)|[bBmMkK]"
_SCALE = rf"(?:[\s-]*(?P<{{0}}scale>{_WORD_SCALE})\b|(?P<{{0}}abbr>{_ABBR_SCALE})\b)"
# "EUR 2 107 billion": thousands grouped by spaces, only before a scale word.
_SPACED = rf"\d{{1,3}}(?:[ \u00a0\u202f]\d{{3}})+(?=\s*(?:{_WORD_SCALE})\b)"
_PERCENT = r"(?:%|per\s?-?cent(?:age\s+points?)?\b|percent(?:age\s+points?)?\b|pct\b)"
_SIGN = r"(?:[-−–](?=\s?\d)|\(\s?[-−–]\s?\)\s?)"
_FRACTION_NUM = {"one": 1, "a": 1, "two": 2, "three": 3, "four": 4, "nine": 9}
_FRACTION_DEN = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
                 "fourth": 4, "fourths": 4, "fifth": 5, "fifths": 5, "tenth": 10, "tenths": 10}

# Amounts and percentages, each alternative one way the genre writes them.
# Every amount starts with a digit, a sign, "(" of "(-)" or a currency marker's first character: the engine
# skips every other position at once.
_FIRST = "".join(sorted({re.escape(m[0]) for m in BEFORE} | set(r"\d\-−–(")))
_AMOUNT_RE = re.compile(
    rf"""
    (?=[{_FIRST}])
    (?:(?P<before>(?P<bsign>[-−](?=[^\s]))?(?<![\w$])(?P<bcur>{alternation(BEFORE)})\s?(?P<bnum>{_SPACED}|{_NUM}){_SCALE.format("b")}?)
  | (?P<after>(?<![\w.,$])(?P<anum>{_NUM})\s*(?:(?P<ascale>{_WORD_SCALE})\b|(?P<aabbr>{_ABBR_SCALE})\b)?\s*
        (?P<acur>{alternation(AFTER)})\b)
  | (?P<pct>(?<![\w.,])(?P<sign>{_SIGN})?(?P<pnum>{_NUM})\s?{_PERCENT})
  | (?P<cents>(?<![\w.,])(?P<cnum>\d{{1,2}}(?:\.\d+)?)\s?cents?\b(?=\s+(?:(?:of|on|in|for|out\s+of)\s+)?
        (?:every|each|per|a|the)\s+(?:(?:U\.S\.|US)\s+)?dollar))
  | (?P<bare>(?<![\w.,$])(?P<rnum>{_NUM})\s*(?P<rscale>{_WORD_SCALE})\b))
    """,
    re.VERBOSE | re.IGNORECASE,
)
# Spelled-out amounts ("ten billion dollars", "twenty-seven point three percent"), scanned apart and only where
# a number word occurs.
_SPELLED_TAIL = rf"""[\s-]+(?:(?P<sscale>{_WORD_SCALE})\s+)?(?:(?P<scur>{alternation(AFTER)})\b|(?P<spct>{_PERCENT}))"""
_SPELLED_RE = re.compile(rf"(?P<spelled>(?<![\w-])(?P<snum>{SPELLED}){_SPELLED_TAIL})", re.VERBOSE | re.IGNORECASE)
# "27-point-three percent": scanned apart and only where "point" occurs, so digits elsewhere cost nothing.
_SPOKEN_RE = re.compile(rf"(?P<spelled>(?<![\w-])(?P<snum>{SPOKEN}){_SPELLED_TAIL})", re.VERBOSE | re.IGNORECASE)
_NUMBER_WORDS = tuple(w for w in (*NUMBER_UNITS, *NUMBER_TENS) if w != "zero")
# What may follow a bare scaled number that is an amount ("to 8.33 billion.", "700 mln, he said"):
# punctuation or a function word, never a noun ("1.8 million Canadians").
_BARE_AFTER = re.compile(r"\s*(?:[.,;:)\]–—-]|$|(?:in|from|to|and|or|for|at|on|by|with|during|over|while|as|"
                         r"compared|against|last|this|the|a|an|year|he|she|it|they|respectively|but|than|"
                         r"according|while|after|before|since|until)\b)", re.IGNORECASE)
_WEIGHT = re.compile(r"pounds?\s+of\b", re.IGNORECASE)
# Codes and "Rs" are capitals in the text: "try 5 times" is not Turkish lira.
_CASED_MARKERS = frozenset(m.lower() for m in (*BEFORE, *AFTER) if any(c.isupper() for c in m) and
                           not any(c in m for c in "$€£¥₹₩"))
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
_SPELLED_LOW = twin(_SPELLED_RE)
_SPOKEN_LOW = twin(_SPOKEN_RE)
_FRACTION_LOW = twin(_FRACTION_RE)
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
    unit: str  # an ISO 4217 code, or "percent"
    kind: str  # "money", "percent", "fraction", "cents"


def find_mentions(text: str, start: int = 0, end: int | None = None, dollar: str = "USD",
                  carried: str | None = None) -> list[Mention]:
    """Money amounts, percentages and fractions in ``text[start:end]`` (absolute offsets).

    ``dollar`` is the currency of a bare "$" in this document; ``carried`` the
    currency of the amounts before, which a bare "3.04 billion" takes (none
    without it: a scaled number is then not known to be money).
    """
    stop = len(text) if end is None else end
    low = folded(text)
    src, amount_rx, fraction_rx, spelled_rx, spoken_rx = \
        (text, _AMOUNT_RE, _FRACTION_RE, _SPELLED_RE, _SPOKEN_RE) if low is None else \
        (low, _AMOUNT_LOW, _FRACTION_LOW, _SPELLED_LOW, _SPOKEN_LOW)
    matches = list(amount_rx.finditer(src, start, stop))
    segment = low[start:stop] if low is not None else None
    for words, rx in ((_FRACTION_WORDS, fraction_rx), (_NUMBER_WORDS, spelled_rx), (("point",), spoken_rx)):
        if segment is None or holds_any(segment, words):
            found_apart = list(rx.finditer(src, start, stop))
            if found_apart:
                matches = sorted(matches + found_apart, key=re.Match.start)
    found: list[Mention] = []
    for m in matches:
        mention = _to_mention(text, m, dollar, carried)
        if mention and not _excluded(src, mention, stop, low is not None):
            found.append(mention)
            if mention.kind == "money":
                carried = mention.unit
    return found


def _currency(text: str, m: re.Match, group: str, dollar: str) -> str | None:
    """The ISO code of the marker in ``group``, or None where a cased marker is not written as such."""
    written = " ".join(text[m.start(group):m.end(group)].split())
    if written.lower() in _CASED_MARKERS and written not in BEFORE and written not in AFTER:
        return None
    code = BEFORE.get(written) or AFTER.get(written) or AFTER.get(written.lower()) or \
        next((v for k, v in (*BEFORE.items(), *AFTER.items()) if k.lower() == written.lower()), None)
    return dollar if code == DOLLAR else code


def _scaled(number: str, scale: str | None) -> float:
    factor = SCALES[" ".join(scale.lower().split())] if scale else 1.0
    return _number(number) * factor


def _to_mention(text: str, m: re.Match, dollar: str, carried: str | None) -> Mention | None:
    kind = m.lastgroup
    if kind == "before":
        unit = _currency(text, m, "bcur", dollar)
        if unit is None:
            return None
        value = _scaled(m.group("bnum").replace(" ", "").replace("\u00a0", "").replace("\u202f", ""),
                        m.group("bscale") or (m.group("babbr") or "").strip() or None)
        begin = m.start("bsign") if m.group("bsign") else m.start("bcur")
        return Mention(begin, m.end(), -value if m.group("bsign") else value, unit, "money")
    if kind == "after":
        unit = _currency(text, m, "acur", dollar)
        scale = m.group("ascale") or (m.group("aabbr") or "").strip() or None
        if unit is None or (not scale and re.fullmatch(r"(?:19|20)\d\d", m.group("anum"))):
            return None  # "in 2010 dollars": a price basis, not an amount
        if _WEIGHT.match(text, m.start("acur")):
            return None  # "500 million pounds of beef": a weight
        return Mention(m.start(), m.end(), _scaled(m.group("anum"), scale), unit, "money")
    if kind == "pct":
        value = _number(m.group("pnum"))
        return Mention(m.start(), m.end(), -value if m.group("sign") else value, "percent", "percent")
    if kind == "spelled":
        value = spelled_value(m.group("snum"))
        if m.group("spct"):
            return Mention(m.start(), m.end(), value, "percent", "percent")
        unit = _currency(text, m, "scur", dollar)
        return Mention(m.start(), m.end(), _scaled(str(value), m.group("sscale")), unit, "money") if unit else None
    if kind == "bare":
        if carried is None or not _BARE_AFTER.match(text, m.end()):
            return None
        return Mention(m.start(), m.end(), _scaled(m.group("rnum"), m.group("rscale")), carried, "money")
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


def _number(text: str) -> float:
    return float(text.replace(",", ""))
