import datetime as dt
import random
import re

from pipeline.extract.periods import _BASE_RE, _BASE_WORDS, _YEAR_RE, document_date, periods


def test_document_date_forms():
    assert document_date("Fact Sheet\nApril 1, 2018\n\nText") == dt.date(2018, 4, 1)
    assert document_date("Tuesday, April 1, 2025\n\nHeadline") == dt.date(2025, 4, 1)
    assert document_date("Body text.\n\n4/29/14\n") == dt.date(2014, 4, 29)
    assert document_date("March 15, 2014, marks the anniversary") == dt.date(2014, 3, 15)
    assert document_date("It entered into force on March 15, 2012 and grew.") is None


def _p(text, doc_year=2025):
    return periods(text, 0, len(text), doc_year)


def test_base_years():
    assert [t.year for t in _p("up 4.7% from 2012, and up 132% since 1993 (Pre-NAFTA)").bases] == [2012, 1993]
    p = _p("up 3.8% between 2011 (pre-FTA) and 2013")
    assert [t.year for t in p.bases] == [2011] and [t.year for t in p.years] == [2013]
    p = _p("up 3.1 percent – from $34.4 billion in 2011 to $35.4 billion in 2013")
    assert [t.year for t in p.bases] == [2011] and [t.year for t in p.years] == [2011, 2013]
    assert [t.year for t in _p("compared with the first two quarters of 2012").bases] == [2012]


def test_relative_periods():
    p = _p("worth $102 billion last year, up 35% annually")
    assert [t.year for t in p.years] == [2024] and p.year_on_year
    assert _p("Mexico has historically sourced").no_period


def test_dates_are_not_years():
    assert _p("On March 19, 2014, the sheet was updated").years == []


def test_year_regex_checks_what_precedes_a_year_as_before():
    plain = re.compile(r"(?=[12])(?:(?<![\w$.,/-])|(?<=FY)|(?<=FY\s)|(?<=\d{4}[-–/]))(?P<year>(?:19|20)\d\d)"
                       r"(?![\w%]|,\d|\.\d|-\w)")
    rng = random.Random(3)
    pieces = ["19", "20", "1", "2", "0", "FY", " ", "-", "–", "/", "$", ".", ",", "a", "%", "\n", "٣"]
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        start = rng.randint(0, len(text))
        assert [m.regs for m in plain.finditer(text, start)] == [m.regs for m in _YEAR_RE.finditer(text, start)], text


def test_every_base_holds_a_base_word():
    rng = random.Random(5)
    pieces = ["between ", "from ", "since ", "over ", "than ", "compared to ", "relative to ", "versus ", "vs. ",
              "against ", "2011 ", "2013 ", "and ", "to ", "in ", "during ", "the ", "fiscal ", "(pre-FTA) ", "$5 "]
    found = 0
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 10)))
        for m in _BASE_RE.finditer(text):
            found += 1
            assert any(word in m.group() for word in _BASE_WORDS), m.group()
    assert found > 100
