"""Periods shorter than a calendar year, and fiscal years: the ``period`` of a figure.

Each rule is data: a name, a pattern over the words trade texts use for a
period, what it makes of a match (``Part``), and example phrases that are its
tests (``tests/pipeline/extract/test_subyear.py`` runs every example and fails
a rule whose examples do not match). A ``Part`` keeps the year apart, since a
text often names the month or quarter and leaves the year to the sentence
before or to the document's date ("Exports rose in the first quarter").
"""
from __future__ import annotations

import re
from typing import Callable, NamedTuple

from .numwords import word_number

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december")
_MONTH_OF = {**{m: i for i, m in enumerate(MONTHS, 1)}, **{m[:3]: i for i, m in enumerate(MONTHS, 1)}, "sept": 9}
_MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|" \
         r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_YEAR = r"(?:19|20)\d\d"
_ORDINAL = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "final": 4}
_COUNT = r"(?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven)"


class Part(NamedTuple):
    """The sub-year part a phrase names, and its year where the phrase gives one."""
    part: str          # "FY", "Q1", "H2", "03", or a run of months "01/11"
    year: int | None


def period_string(part: str, year: int) -> str:
    """The contract's ``period`` for a part of ``year``: ``FY``, ``2016-Q4``, ``2016-03``, ``2016-01/2016-11``."""
    if part == "FY":
        return "FY"
    if "/" in part:
        first, last = (int(p) for p in part.split("/"))
        return f"{year if first <= last else year - 1}-{first:02d}/{year}-{last:02d}"
    return f"{year}-{part}"


def _month(word: str) -> int:
    return _MONTH_OF[word.rstrip(".").lower()]


def _year(g: dict, group: str = "y") -> int | None:
    return int(g[group]) if g.get(group) else None


def _fiscal(g: dict) -> Part:
    later = g.get("y2")
    if later:  # "FY 2022-23", "fiscal 2017/18": the fiscal year is numbered by its later calendar year
        return Part("FY", int(later) if len(later) == 4 else int(g["y"][:2] + later))
    return Part("FY", _year(g))


def _year_ended(g: dict) -> Part:
    return Part("FY", _year(g))


def _months_to(g: dict) -> Part:
    """"the three months to March": any word before "months" is read as its count; one that is none gives no part."""
    last, count = _month(g["m"]), word_number(g["k"]) if g.get("k") else 12
    return Part(f"{(last - count) % 12 + 1:02d}/{last:02d}", _year(g)) if 1 < count <= 12 else Part("", None)


def _quarter(g: dict) -> Part:
    number = int(g["n"]) if g.get("n") else _ORDINAL[g["ord"].lower()]
    return Part(f"Q{number}", _year(g))


def _half(g: dict) -> Part:
    number = int(g["n"]) if g.get("n") else _ORDINAL[g["ord"].lower()]
    return Part(f"H{number}", _year(g))


def _first_quarters(g: dict) -> Part:
    quarters = word_number(g["k"])
    return Part("H1" if quarters == 2 else f"01/{3 * quarters:02d}" if quarters == 3 else "", _year(g))


def _month_run(g: dict) -> Part:
    first, last = _month(g["m1"]), _month(g["m2"])
    if g.get("q") and first % 3 == 1 and last == first + 2:  # "the April-June quarter" is Q2
        return Part(f"Q{last // 3}", _year(g))
    return Part(f"{first:02d}/{last:02d}", _year(g))


def _first_months(g: dict) -> Part:
    count = word_number(g["k"])
    return Part(f"01/{count:02d}", _year(g)) if 1 < count < 12 else Part("", None)


def _one_month(g: dict) -> Part:
    return Part(f"{_month(g['m']):02d}", _year(g))


class Rule(NamedTuple):
    name: str
    pattern: str
    part: Callable[[dict], Part]
    examples: tuple[tuple[str, str, int | None], ...]  # (phrase, part, year) the rule must read


# First match wins at a position; longer phrases first.
RULES: tuple[Rule, ...] = (
    Rule("fiscal_year", rf"\b(?:fiscal(?:\s+year)?|FY)\s*'?(?P<y>{_YEAR})(?:\s*[-–/]\s*(?P<y2>(?:19|20)?\d\d)\b)?",
         _fiscal, (("in fiscal 2017", "FY", 2017), ("FY 2022-23", "FY", 2023), ("FY2019", "FY", 2019),
                   ("fiscal year 2016/2017", "FY", 2017))),
    Rule("year_ended", rf"\b(?:fiscal\s+)?year\s+(?:ended|ending)\s+(?:in\s+)?{_MONTH}\s*(?:\d{{1,2}},?\s+)?(?P<y>{_YEAR})",
         _year_ended, (("the year ended June 2020", "FY", 2020), ("fiscal year ending March 31, 2019", "FY", 2019))),
    Rule("months_to",
         rf"\b(?:(?P<k>\w+)\s+months|year)\s+(?:to|through|up\s+to|ending(?:\s+in)?|ended)\s+(?P<m>{_MONTH})"
         rf"(?:\s+(?P<y>{_YEAR}))?",
         _months_to, (("in the year to November 2018", "12/11", 2018), ("the 12 months through June", "07/06", None),
                      ("in the three months to March 2024", "01/03", 2024),
                      ("the six months ending September", "04/09", None))),
    Rule("quarter", rf"\b(?:(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final)\s+quarter|Q(?P<n>[1-4]))\b"
                    rf"(?:,?\s+(?:of\s+)?(?:the\s+)?(?:(?:fiscal|calendar)\s+(?:year\s+)?)?(?P<y>{_YEAR}))?",
         _quarter, (("in the first quarter", "Q1", None), ("the fourth quarter of 2016", "Q4", 2016),
                    ("Q3 2021", "Q3", 2021))),
    Rule("half_year", rf"\b(?:(?P<ord>first|second)\s+half|H(?P<n>[12]))\b(?:\s+(?:of\s+)?(?:the\s+year\s+)?(?P<y>{_YEAR}))?",
         _half, (("in the first half of 2016", "H1", 2016), ("H2 2020", "H2", 2020),
                 ("in the second half", "H2", None))),
    Rule("first_quarters", rf"\bfirst\s+(?P<k>two|three|2|3)\s+quarters(?:\s+of\s+(?:the\s+year\s+)?(?P<y>{_YEAR}))?",
         _first_quarters, (("for the first two quarters of 2013", "H1", 2013), ("the first three quarters", "01/09", None))),
    Rule("month_run", rf"\b(?=jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)(?P<m1>{_MONTH})\s*(?:[-–]|to|through|and|until)\s*(?P<m2>{_MONTH})(?P<q>\s+quarter)?(?:,?\s+(?:of\s+)?(?P<y>{_YEAR}))?",
         _month_run, (("from January to November", "01/11", None), ("January-May 2023", "01/05", 2023),
                      ("between January and March 2020", "01/03", 2020), ("in the April-June quarter", "Q2", None),
                      ("the October-December quarter of 2022", "Q4", 2022))),
    Rule("first_months", rf"\bfirst\s+(?P<k>{_COUNT})\s+months(?:\s+of\s+(?:the\s+year\s+)?(?P<y>{_YEAR}))?",
         _first_months, (("in the first five months", "01/05", None), ("the first 11 months of 2018", "01/11", 2018))),
    Rule("month", rf"(?=jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)(?<!ended\sin\s)(?<!ending\sin\s)(?<!ends\sin\s)(?:(?<=\bin\s)|(?<=\bfor\s)|(?<=\bduring\s)|(?<=\bof\s)|(?<=\bsince\s)|(?<=\bby\s)|(?<=\bto\s)|"
                  rf"(?<=\bfrom\s)|(?<=\blast\s)|(?<=\bthis\s)|(?<=\bthrough\s)|(?<=\bend-)|\b(?={_MONTH}\s+{_YEAR})|"
                  rf"\b(?={_MONTH}(?:'s|’s|\s+alone)))(?P<m>{_MONTH})(?:\s+(?P<y>{_YEAR}))?\b(?!\s*\d{{1,2}}\b)",
         _one_month, (("For March alone", "03", None), ("up 5% in May", "05", None), ("exports in December 2016", "12", 2016),
                      ("March 2018 exports", "03", 2018), ("February's deficit", "02", None))),
)
_PATTERN = re.compile("|".join(f"(?P<r{i}>{rule.pattern.replace('(?P<', f'(?P<r{i}_')})"
                               for i, rule in enumerate(RULES)), re.IGNORECASE)
_MONTH_RULES = frozenset({"month_run", "month"})
"""A capital letter must open a month name in these ("may" is a verb, "march" a noun)."""
_GATE = re.compile(r"fiscal|fy|year|quarter|q[1-4]|half|h[12]|months|" + _MONTH, re.IGNORECASE)


class PartToken(NamedTuple):
    start: int
    end: int
    part: Part
    rule: str


def find_parts(text: str, start: int, end: int) -> list[PartToken]:
    """Every sub-year period or fiscal year named in ``text[start:end]``."""
    found: list[PartToken] = []
    if not _GATE.search(text, start, end):
        return found
    for m in _PATTERN.finditer(text, start, end):
        rule = RULES[int(m.lastgroup[1:])]
        prefix = f"{m.lastgroup}_"
        g = {k[len(prefix):]: v for k, v in m.groupdict().items() if v is not None and k.startswith(prefix)}
        if rule.name in _MONTH_RULES and not all(g[n][0].isupper() for n in ("m", "m1", "m2") if n in g):
            continue
        part = rule.part(g)
        if part.part:
            found.append(PartToken(m.start(), m.end(), part, rule.name))
    return found

