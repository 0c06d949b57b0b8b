import random
import re

from pipeline.extract.numbers import _AMOUNT_RE, _FRACTION_RE, find_mentions


def _found(text):
    return [(text[m.start:m.end], m.value, m.unit, m.kind) for m in find_mentions(text)]


def test_money_in_every_written_form():
    text = "$536 billion, US $102.48 billion, $729 million, 4 billion dollars, USD 3 million, $5bn"
    assert [(t, v) for t, v, *_ in _found(text)] == [
        ("$536 billion", 536e9), ("US $102.48 billion", 102.48e9), ("$729 million", 729e6),
        ("4 billion dollars", 4e9), ("USD 3 million", 3e6), ("$5bn", 5e9)]


def test_markdown_backslash_is_left_out_of_the_span():
    assert _found(r"almost \$172 billion")[0][0] == "$172 billion"


def test_percentages_fractions_and_cents():
    found = _found("4.7%, 52 percent, around two-thirds of inputs, 30 cents per dollar of exports, half of it")
    assert [(t, v, k) for t, v, _, k in found] == [
        ("4.7%", 4.7, "percent"), ("52 percent", 52, "percent"), ("two-thirds", 66.67, "fraction"),
        ("30 cents", 30, "cents"), ("half", 50, "fraction")]


def test_numbers_that_are_not_figures():
    text = ("Call 202-395-5070 by 2018; 3,500 students; 25% tariffs on steel; a tariff of 10%; "
            "1.7 billion dollars each day; the first half of 2013; prices in 2010 dollars")
    assert _found(text) == []


def test_signed_percent_and_ranges():
    assert [v for _, v, *_ in _found("-2.5% and 5-6%")] == [-2.5, 6]


def test_amounts_and_fractions_scanned_apart_find_what_one_scan_finds():
    one = re.compile(f"(?:{_AMOUNT_RE.pattern})|(?:{_FRACTION_RE.pattern})", _AMOUNT_RE.flags)
    rng = random.Random(4)
    pieces = ["U.S. ", "US", "USD", "$", "\\", "-", "−", " ", "5", "1,200", ".5", "billion", "bn", "m", "%",
              " percent", " cents", " per dollar", " dollars", "one", "two-", "thirds", "a ", "half", " of", "x"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        amounts = [m.span() for m in _AMOUNT_RE.finditer(text)]
        fractions = [m.span() for m in _FRACTION_RE.finditer(text)]
        assert sorted(amounts + fractions) == [m.span() for m in one.finditer(text)], text
