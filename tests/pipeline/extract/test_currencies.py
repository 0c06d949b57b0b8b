"""Amounts in any currency, written as the genre writes them: each case a sentence written for the test."""
import pytest

from pipeline.extract.currencies import dollar_of
from pipeline.extract.numbers import find_mentions
from pipeline.extract.numwords import spelled_value


def read(text, **kwargs):
    return [(text[m.start:m.end], pytest.approx(m.value), m.unit) for m in find_mentions(text, **kwargs)]


@pytest.mark.parametrize("text,expected", [
    ("Exports to Brazil reached €82 billion.", ("€82 billion", 82e9, "EUR")),
    ("The deficit with India was £38.1 billion.", ("£38.1 billion", 38.1e9, "GBP")),
    ("Shipments rose to ¥15.18 trillion.", ("¥15.18 trillion", 15.18e12, "JPY")),
    ("Imports hit 1.2 trillion yen last year.", ("1.2 trillion yen", 1.2e12, "JPY")),
    ("Trade stood at RMB 3.5 trillion.", ("RMB 3.5 trillion", 3.5e12, "CNY")),
    ("Exports were C$ 9 billion.", ("C$ 9 billion", 9e9, "CAD")),
    ("Taiwan sold NT$120 billion of chips.", ("NT$120 billion", 120e9, "TWD")),
    ("The total was EUR 2 107 billion.", ("EUR 2 107 billion", 2107e9, "EUR")),
    ("Exports were 12 billion USD.", ("12 billion USD", 12e9, "USD")),
    ("Sales reached USD 12 billion.", ("USD 12 billion", 12e9, "USD")),
    ("Outflows were Rs 4,000 crore.", ("Rs 4,000 crore", 4e10, "INR")),
    ("The target is ₹1.2 lakh crore.", ("₹1.2 lakh crore", 1.2e12, "INR")),
    ("Korea exported 50 trillion won of cars.", ("50 trillion won", 50e12, "KRW")),
    ("The surplus was 8.14 billion dlrs.", ("8.14 billion dlrs", 8.14e9, "USD")),
    ("Exports were 350 mln dlrs.", ("350 mln dlrs", 350e6, "USD")),
    ("Trade came to ten billion dollars.", ("ten billion dollars", 10e9, "USD")),
    ("Exports fell twenty-seven point three percent.", ("twenty-seven point three percent", 27.3, "percent")),
    ("Imports fell (-) 4.2 per cent.", ("(-) 4.2 per cent", -4.2, "percent")),
    ("Exports slid -8 percent.", ("-8 percent", -8.0, "percent")),
    ("Exports rose 27 pct.", ("27 pct", 27.0, "percent")),
])
def test_currency_markers_before_and_after(text, expected):
    assert read(text) == [expected]


def test_a_bare_dollar_takes_the_documents_dollar():
    assert read("Exports were $5.3 billion.", dollar=dollar_of("CAN")) == [("$5.3 billion", 5.3e9, "CAD")]
    assert dollar_of("MEX") == "USD" and dollar_of(None) == "USD"
    assert dollar_of("CAN", "Exports were C$594 billion, or about $456 billion.") == "USD"


def test_a_bare_scaled_number_carries_the_currency_before_it():
    text = "Exports rose to 7.28 billion dlrs and imports fell to 8.33 billion."
    assert read(text)[-1] == ("8.33 billion", 8.33e9, "USD")
    assert read("Imports fell to 8.33 billion.") == []  # no currency said: not known to be money
    assert read("There are 1.8 million Canadians of Indian origin.", carried="CAD") == []


@pytest.mark.parametrize("text", ["Try 5 times.", "He walked 500 million pounds of beef", "in 2010 dollars"])
def test_not_money(text):
    assert read(text) == []


@pytest.mark.parametrize("words,value", [("twenty-seven point three", 27.3), ("ten", 10.0),
                                          ("one hundred and five", 105.0), ("ninety-nine", 99.0)])
def test_spelled_numbers(words, value):
    assert spelled_value(words) == value
