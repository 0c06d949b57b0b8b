"""Periods: the document's own date, the years a clause names, and base years.

A year is a ``YearToken``: where it sits and its value. ``Periods`` keeps
the years a figure may describe apart from its bases ("from 2012", "since
1993", "compared to the same period in 2011", "between 2011 and 2013" ->
2011 is the base, 2013 the year).
"""
from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

from .fold import folded, twin
from .prefilter import holds_any, starts_with
from .subyear import find_parts

_MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december".split(), 1)}
_MONTHS.update({m[:3]: i for m, i in list(_MONTHS.items())})
_MONTHS["sept"] = 9
_MONTH = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|" \
         r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)"
_DATE_RE = re.compile(
    rf"(?=[A-Z\d])(?P<long>{_WEEKDAY}?(?P<month>{_MONTH})\s+(?P<day>\d{{1,2}}),?\s+(?P<year>(?:19|20)\d\d))"
    r"|(?P<short>(?<![\d/])(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4}|\d{2})(?![\d/]))"
    r"|(?P<iso>(?<![\d-])(?P<iy>(?:19|20)\d\d)-(?P<im>\d\d)-(?P<id>\d\d)(?![\d-]))"  # "date 2023-06-02"
)
_LINE_HEAD = re.compile(r"(?m)^[^\n]{0,60}")
_DATE_WORD = re.compile(r"(?i:published|updated|posted|last\s+updated|date|dated)\s*:?")
_DATE_LABEL = re.compile(r"(?:(?i:published|updated|posted|last\s+updated|date|dated)\s*:?|"
                         r"[A-Z][A-Z.'’ -]+,?)")  # or a dateline: "HANOI, January 12, 2023"

_YEAR = r"(?:19|20)\d\d"
_BASE_RE = re.compile(
    r"\b" + starts_with("bet fro sin ove tha com rel ver vs aga") + rf"(?:\bbetween\s+(?P<b1>{_YEAR})(?:\s*\([^)]*\))?\s+and\s+(?:in\s+)?(?P<y1>{_YEAR})"
    rf"|\bfrom\s+(?P<b2>{_YEAR})(?:\s*\([^)]*\))?\s+(?:to|through|until)\s+(?P<y2>{_YEAR})"
    rf"|\bfrom\s+[^;]{{0,40}}?\b(?:in|during)\s+(?P<b3>{_YEAR})\s+to\s+[^;]{{0,40}}?\b(?:in|during)\s+(?P<y3>{_YEAR})"
    rf"|\b(?:from|since|over)\s+(?:the\s+)?(?:(?:fiscal|calendar)\s+(?:year\s+)?)?(?P<b4>{_YEAR})\b"
    rf"|\b(?:than|compared\s+(?:to|with)|relative\s+to|versus|vs\.?|against)\s+(?:[^\d;,.]{{0,50}}?\s)?(?P<b5>{_YEAR})\b)"
)
# "from 3.04 billion in the same 1986 period", "against the same period of 2016": a comparison with the
# same part of another year. Before "from" it is the base; the amount after "from" is dated by it.
_SAME_PERIOD_RE = re.compile(
    rf"\bsame\s+(?:(?P<s1>{_YEAR})\s+(?:period|months?|quarter|half)|(?:period|months?|quarter|half)\s+(?:of|in)\s+"
    rf"(?P<s2>{_YEAR}))\b", re.IGNORECASE)
_BASE_WORDS = ("between", "from", "since", "over", "than", "compared", "relative", "versus", "vs", "against")
_RECORD_SINCE = re.compile(r"\b(?:lowest|highest|largest|smallest|biggest|first|best|worst|most|least|"
                           r"strongest|weakest)(?:\s+(?:level|point|amount|value|total))?\s+$", re.IGNORECASE)
# "FY2019", and "2018-2019" ends in 2019. What may precede the year is checked after its first
# two digits (hence the ".." in each look-behind), so the engine can skip straight to 1s and 2s.
_YEAR_RE = re.compile(r"(?P<year>(?:19|20)(?:(?<![\w$.,/-]..)|(?<=FY..)|(?<=FY\s..)|(?<=\d{4}[-–/]..))\d\d)"
                      r"(?![\w%]|,\d|\.\d|-\w)")
# "during 2018–19", "in 2018/19": a span of two years written with the later one short. Its later year is
# the year, its first the base (fiscal years, "FY 2022-23", are subyear.py's).
_SPAN_RE = re.compile(r"(?P<base>(?:19|20)(?<![\w$.-]..)\d\d)\s?[-–/]\s?(?P<later>\d\d)(?![\w%]|[.,]\d)")
_COMPARED_BEFORE = re.compile(r"\b(?:from|than|since|compared\s+(?:with|to)|against|versus)\s+(?:the\s+)?$",
                              re.IGNORECASE)
_WHOLE_YEAR_RULES = frozenset({"fiscal_year", "year_ended", "months_to"})
"""Periods of a whole (fiscal) year, which a comparison may name as its base: "from the year ended January 2023"."""
_DATE_YEAR_RE = re.compile(rf"{_MONTH}\s+\d{{1,2}},?\s+$")  # a dated day; "in March 2024" is a period
_RELATIVE_RE = re.compile(
    r"\b(?=[latsyhopcfLATSYHOPCF])(?:\b(?P<last>last\s+year|the\s+(?:previous|prior|past)\s+year|a\s+year\s+(?:earlier|ago))\b"
    r"|\b(?P<this>this\s+year|so\s+far\s+this\s+year|year[- ]to[- ]date)\b"
    r"|\b(?P<yoy>annually|year[- ](?:on|over)[- ]year|y/y|from\s+a\s+year\s+(?:earlier|before|ago)|"
    r"(?:the\s+)?same\s+(?:period|month|quarter|half)\s+(?:of\s+|in\s+)?(?:last|the\s+previous|the\s+prior|a)\s+year|"
    r"(?:from|over|compared\s+(?:to|with))\s+the\s+(?:previous|prior)\s+year)\b"
    r"|\b(?P<none>historically|traditionally|over\s+the\s+years|previous\s+estimates)\b)",
    re.IGNORECASE,
)


_RELATIVE_HINTS = ("year", "annual", "y/y", "histor", "tradition", "estimates")
_RELATIVE_LOW = twin(_RELATIVE_RE)
_RECORD_SINCE_LOW = twin(_RECORD_SINCE)


class YearToken(NamedTuple):
    start: int
    end: int
    year: int | None
    pair_year: int | None = None  # for "between 2011 and 2013": the later year
    part: str | None = None       # the sub-year part or fiscal year named (subyear.py): "Q1", "03", "FY"
    same_period: bool = False     # "the same 1986 period": the same part of another year


class Periods(NamedTuple):
    """What one stretch of text says about periods."""
    years: list[YearToken]    # non-base years, including resolved relative ones
    bases: list[YearToken]
    year_on_year: bool        # "annually", "year on year": base = year - 1
    no_period: bool           # "historically": the text names no period


def document_date(text: str) -> dt.date | None:
    """The document's own date: a date alone on its line, else the first opening a line.

    "April 1, 2018", "Tuesday, April 1, 2025", "4/29/14" and "2023-06-02" on a line of their
    own or after a label ("date 2023-06-02 …"), or "March 15, 2014, marks ..." opening a paragraph. Dates inside a
    sentence ("entry into force on March 15, 2012") are events, not the date.
    """
    opening = None
    for head in _LINE_HEAD.finditer(text):  # a line's first characters: where such dates sit
        m = _DATE_RE.search(text, head.start(), head.end())
        date = _to_date(m) if m else None
        if date is None:
            continue
        line_end = text.find("\n", m.end(), m.end() + 80)
        before = text[head.start():m.start()].strip()
        after = text[m.end():min(len(text), m.end() + 80) if line_end < 0 else line_end].strip()
        if before and not _DATE_LABEL.fullmatch(before):
            continue
        if not after or _DATE_WORD.fullmatch(before):  # "Published: …", "date 2023-06-02 Exports to …"
            return date
        if opening is None and after.startswith((",", "—", "–", "-", "(")):  # a dateline: "(Reuters) -"
            opening = date
    return opening


def _to_date(m: re.Match) -> dt.date | None:
    try:
        if m.group("iso"):
            return dt.date(int(m.group("iy")), int(m.group("im")), int(m.group("id")))
        if m.group("long"):
            month = _MONTHS[m.group("month").rstrip(".").lower()[:3]]
            return dt.date(int(m.group("year")), month, int(m.group("day")))
        year = int(m.group("y"))
        year = year + 2000 if year < 100 else year
        return dt.date(year, int(m.group("m")), int(m.group("d")))
    except ValueError:
        return None


def periods(text: str, start: int, end: int, doc_year: int | None) -> Periods:
    """Years, base years and relative periods in ``text[start:end]``."""
    bases: list[YearToken] = []
    taken: set[int] = set()
    years: list[YearToken] = []
    segment = text[start:end]
    low = folded(text)
    year_matches = list(_YEAR_RE.finditer(text, start, end)) if "19" in segment or "20" in segment else ()
    lowered = segment.lower() if low is None else low[start:end]  # "Since 2018, …" opens a sentence
    # The base words are lower case: on the folded text "Since 2018, …" opening a sentence is found too.
    for m in (_BASE_RE.finditer(text if low is None else low, start, end)
              if year_matches and holds_any(lowered, _BASE_WORDS) else ()):
        record = _RECORD_SINCE.search(text, max(start, m.start() - 30), m.start()) if low is None else \
            _RECORD_SINCE_LOW.search(low, max(start, m.start() - 30), m.start())
        for b, y in (("b1", "y1"), ("b2", "y2"), ("b3", "y3"), ("b4", None), ("b5", None)):
            if m.group(b) and record:  # "the lowest since 2010" dates a record: neither base nor year
                taken.add(m.start(b))
                break
            if m.group(b):
                later = int(m.group(y)) if y else None
                # "from $34.4 billion in 2011 to ...": the base is named where "from" is
                begin = m.start() if b == "b3" else m.start(b)
                bases.append(YearToken(begin, m.end(b), int(m.group(b)), later))
                if b != "b3":  # "from $34.4 billion in 2011 to ...": 2011 also dates that level
                    taken.add(m.start(b))
                break
    for m in (_SAME_PERIOD_RE.finditer(text, start, end) if year_matches and "same" in segment.lower() else ()):
        group = "s1" if m.group("s1") else "s2"
        taken.add(m.start(group))
        bases.append(YearToken(m.start(), m.end(), int(m.group(group)), same_period=True))
        years.append(YearToken(m.start(), m.end(), int(m.group(group)), same_period=True))
    parts = find_parts(text, start, end)
    compared = [t for t in parts if t.rule in _WHOLE_YEAR_RULES and t.part.year is not None
                and _COMPARED_BEFORE.search(text, max(start, t.start - 20), t.start)]
    for token in compared:  # "down $1.5 billion from the year ended January 2023": the base, not the year
        bases.append(YearToken(token.start, token.end, token.part.year))
    named = parts
    parts = [t for t in parts if t not in compared]
    spans = ("19" in segment or "20" in segment) and ("-" in segment or "–" in segment or "/" in segment)
    for m in (_SPAN_RE.finditer(text, start, end) if spans else ()):
        first = int(m.group("base"))
        later = first // 100 * 100 + int(m.group("later"))
        if later > first and not any(t.start <= m.start() < t.end for t in parts):
            taken.add(m.start())
            bases.append(YearToken(m.start(), m.end(), first, later))
            years.append(YearToken(m.start(), m.end(), later))
    for token in parts:
        years.append(YearToken(token.start, token.end, token.part.year, part=token.part.part))
    for m in year_matches:
        if m.start() in taken or _DATE_YEAR_RE.search(text, max(start, m.start() - 16), m.start()) or \
                any(t.start <= m.start() < t.end for t in named):
            continue
        years.append(YearToken(m.start(), m.end(), int(m.group())))
    year_on_year = no_period = False
    relative = holds_any(lowered, _RELATIVE_HINTS)
    for m in ((_RELATIVE_RE.finditer(text, start, end) if low is None else _RELATIVE_LOW.finditer(low, start, end))
              if relative else ()):
        if m.group("yoy"):
            year_on_year = True
        elif m.group("none"):
            no_period = True
        elif doc_year is not None:
            value = doc_year - 1 if m.group("last") else doc_year
            years.append(YearToken(m.start(), m.end(), value))
    years.sort(key=lambda t: t.start)
    return Periods(years, bases, year_on_year, no_period)
